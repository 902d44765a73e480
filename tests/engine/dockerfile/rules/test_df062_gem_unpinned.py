from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM ruby:3.3-slim\nRUN gem install bundler\n", 2, 17),
    ("FROM ruby:3.3-slim\nRUN gem install --no-document rails\n", 2, 31),
    ("FROM ruby:3.3-slim\nRUN gem install bundler:2.5.16 rake\n", 2, 32),
    ("FROM ruby:3.3-slim\nRUN gem i \\\n    nokogiri\n", 3, 5),
    ("FROM ruby:3.3-slim\nONBUILD RUN gem install puma\n", 2, 25),
    ("FROM ruby:3.3-slim\nRUN gem install nokogiri -- --use-system-libraries\n", 2, 17),
    ("FROM ruby:3.3-slim\nRUN gem install -N --user-install --conservative rails\n", 2, 50),
]
NEAR_MISSES = [
    "FROM ruby:3.3-slim\nRUN gem install bundler:2.5.16\n",
    "FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.16\n",
    "FROM ruby:3.3-slim\nRUN gem install rails --version '~> 7.1'\n",
    "FROM ruby:3.3-slim\nRUN gem update --system\n",
    "FROM ruby:3.3-slim\nRUN gem install ./pkg/app-1.0.gem\n",
    "FROM ruby:3.3-slim\n# hadolint ignore=DL3028\nRUN gem install bundler\n",
    "FROM ruby:3.3-slim\nRUN gem install nokogiri:1.16.7 -- --with-xml2-config /usr/bin/xml2-config\n",
    "FROM ruby:3.3-slim\nRUN gem install mysql2:0.5.6 -- --with-mysql-dir /usr/local true\n",
    # A flag gem does not know may take the next word (hadolint's DL3028 spec).
    "FROM ruby:3.3-slim\nRUN gem install bundler:2.0.1 --use-system-libraries true\n",
]

test_triggers, test_near_misses = rule_table("DF062", TRIGGERS, NEAR_MISSES)
