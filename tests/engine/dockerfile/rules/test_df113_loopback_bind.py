from dockwright.lint import lint
from tests.engine.rule_table import rule_table

PY = "FROM python:3.12-slim\n"
TRIGGERS = [
    (PY + 'CMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]\n', 2, 39),
    (PY + "CMD gunicorn --bind localhost:8000 wsgi:app\n", 2, 21),
    (PY + 'CMD ["flask", "run"]\n', 2, 7),
    (PY + "ENV FLASK_RUN_HOST=127.0.0.1\nCMD flask run\n", 2, 20),
    ('FROM node:20-alpine\nENV HOSTNAME=localhost\nCMD ["node", "server.js"]\n', 2, 14),
    ('FROM alpine:3.20\nCMD ["/srv/app", "-addr", "127.0.0.1:8080"]\n', 2, 28),
    (PY + 'CMD ["python", "manage.py", "runserver"]\n', 2, 7),
    (
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://localhost:5000\n"
        'ENTRYPOINT ["dotnet", "Api.dll"]\n',
        2,
        21,
    ),
]
NEAR_MISSES = [
    PY + 'CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    PY + "ENV FLASK_RUN_HOST=0.0.0.0\nCMD flask run\n",
    PY + 'CMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
    PY + 'HEALTHCHECK CMD curl -f http://127.0.0.1:8000/\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
    'FROM gcr.io/distroless/static-debian12\nENV ADDR=:8080\nENTRYPOINT ["/api"]\n',
    PY + 'CMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n',
    PY + 'CMD ["celery", "-A", "proj", "worker"]\n',
    PY + 'CMD ["uvicorn", "app:app", "--host", "${HOST}"]\n',
]

test_triggers, test_near_misses = rule_table("DF113", TRIGGERS, NEAR_MISSES)


def _findings(snippet: str, files: dict[str, str] | None) -> list[str]:
    result = lint(snippet, kind="dockerfile", filename="Dockerfile", files=files, config={"shellcheck": False})
    return [f.message for f in result.findings if f.rule == "DF113"]


def test_gunicorn_s_default_bind_is_judged_only_when_the_folder_is_known() -> None:
    snippet = PY + 'COPY . .\nCMD ["gunicorn", "app:app"]\n'
    assert _findings(snippet, None) == []
    assert _findings(snippet, {"gunicorn.conf.py": "bind = '0.0.0.0:8000'\n"}) == []
    assert len(_findings(snippet, {"app.py": ""})) == 1


def test_the_fix_rewrites_the_address_only() -> None:
    snippet = PY + 'CMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]\n'
    result = lint(snippet, kind="dockerfile", config={"shellcheck": False})
    fix = next(f.fix for f in result.findings if f.rule == "DF113")
    assert fix is not None and not fix.safe
    assert [e.replacement for e in fix.edits] == ["0.0.0.0"]
