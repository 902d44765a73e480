from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nRUN pip install flask\n", 2, 5),
    # Set after the install: too late for it.
    ("FROM python:3.12-slim\nRUN pip install flask && export PIP_NO_CACHE_DIR=1\n", 2, 5),
    ("FROM python:3.12-slim\nRUN pip3 install -r requirements.txt\n", 2, 5),
    ("FROM python:3.12-slim\nRUN python -m pip install --upgrade pip\n", 2, 5),
    ("FROM python:3.12-slim\nRUN python3 -m pip install --user flask\n", 2, 5),
    ("FROM python:3.12-slim\nRUN set -e && /usr/local/bin/pip3.12 install flask\n", 2, 15),
    ("FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=\nRUN pip install flask\n", 3, 5),
    ("FROM python:3.12-slim AS base\nRUN pip install flask\nFROM base\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM python:3.12-slim\nONBUILD RUN pip install flask==3.0.0\n", 2, 13),
    # every way of running pip, as DF052 reads them
    ("FROM python:3.12-slim\nRUN python3 -u -m pip install flask\n", 2, 5),
    ("FROM python:3.12-slim\nRUN python3 -um pip install flask\n", 2, 5),
    ("FROM python:3.12-slim\nRUN python -W ignore -m pip install flask\n", 2, 5),
    ("FROM python:2.7-slim\nRUN pip2 install flask\n", 2, 5),
    ("FROM python:3.12-slim\nRUN pip --root-user-action ignore install flask\n", 2, 5),
    # a purge before the install does not count
    ("FROM python:3.12-slim\nRUN pip cache purge && pip install flask\n", 2, 24),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n",
    "FROM python:3.12-slim\nRUN pip --no-cache-dir install flask\n",
    "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
    # Exported earlier in the same RUN (hadolint's DL3042 spec).
    "FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install MySQL_python\n",
    "FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=on; export PIP_NO_CACHE_DIR; pip install flask\n",
    # pip disables the cache for `false` too (backward compatibility).
    "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask\n",
    "FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=off\nRUN pip install flask\n",
    "FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n",
    "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
    "FROM python:3.12-slim\nRUN pip freeze > /requirements.txt\n",
    "FROM python:3.12-slim\nRUN pip download flask\n",
    "FROM python:3.12-slim\nRUN uv pip install flask\n",
    "FROM python:3.12-slim\nRUN pipx install black\n",
    "FROM python:3.12-slim\nRUN python3 -m venv /venv\n",
    "FROM python:3.12-slim\nRUN python3 -c 'import pip' install\n",
    "FROM python:3.12-slim\nRUN pip install flask && pip cache purge\n",
    "FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n",
    "FROM python:3.12-slim\nONBUILD RUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
    "FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /x /x\n",
    "FROM python:3.12-slim\n# hadolint ignore=DL3042\nRUN pip install flask\n",
]

test_triggers, test_near_misses = rule_table("DF013", TRIGGERS, NEAR_MISSES)


def test_fix_adds_no_cache_dir_after_install() -> None:
    assert fixed("DF013", "FROM python:3.12-slim\nRUN python -m pip install -r req.txt && pip3 install x\n") == (
        "FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir -r req.txt && pip3 install --no-cache-dir x\n"
    )
