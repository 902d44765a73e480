from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nRUN pip install flask\n", 2, 17),
    ("FROM python:3.12-slim\nRUN pip3 install --no-cache-dir flask==3.0.3 requests\n", 2, 46),
    ("FROM python:3.12-slim\nRUN python -m pip install -U pip\n", 2, 30),
    (
        "FROM python:3.12-slim\nRUN pip install \\\n    --index-url https://pypi.example.com/simple \\\n    gunicorn\n",
        4,
        5,
    ),
    ("FROM python:3.12-slim\nRUN <<EOF\npip install uvicorn[standard]\nEOF\n", 3, 13),
    ("FROM python:3.12-slim\nONBUILD RUN pip install celery\n", 2, 25),
    # every way of running pip, as DF013 reads them
    ("FROM python:3.12-slim\nRUN python3 -u -m pip install flask\n", 2, 31),
    ("FROM python:3.12-slim\nRUN python3 -mpip install flask\n", 2, 27),
    ("FROM python:2.7-slim\nRUN pip2 install flask\n", 2, 18),
    ("FROM python:3.12-slim\nRUN /usr/local/bin/pip3.12 install flask\n", 2, 36),
    # a flag's value is not a package
    ("FROM python:3.12-slim\nRUN pip install --root-user-action ignore flask\n", 2, 43),
    ("FROM python:3.12-slim\nRUN pipx install black\n", 2, 18),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n",
    "FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
    "FROM python:3.12-slim\nRUN pip install --requirement=requirements.txt\n",
    "FROM python:3.12-slim\nRUN pip install 'django>=5,<6' ./wheels/app-1.0-py3-none-any.whl\n",
    "FROM python:3.12-slim\nRUN pip install .\n",
    "FROM python:3.12-slim\nRUN pip install git+https://github.com/acme/lib@v1.2.0\n",
    "FROM python:3.12-slim\nRUN pip install -c constraints.txt flask\n",
    "FROM python:3.12-slim\nRUN pip install $PACKAGES\n",
    "FROM python:3.12-slim\nRUN pip download flask\n",
    "FROM python:3.12-slim\nRUN pip install --root-user-action ignore flask==3.0.3\n",
    "FROM python:3.12-slim\nRUN python3 -u -m pip install --no-cache-dir flask==3.0.3\n",
    "FROM python:3.12-slim\nRUN python3 -m venv /venv\n",
    "FROM python:3.12-slim\nRUN pipx install black==24.8.0\n",
    "FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install flask\n",
]

test_triggers, test_near_misses = rule_table("DF052", TRIGGERS, NEAR_MISSES)
