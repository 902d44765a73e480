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
    "FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install flask\n",
]

test_triggers, test_near_misses = rule_table("DF052", TRIGGERS, NEAR_MISSES)
