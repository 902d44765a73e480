from tests.engine.rule_table import rule_table

B = "FROM python:3.12-slim AS builder\n"
F = "FROM python:3.12-slim\n"
SITE = "COPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n"
TRIGGERS = [
    (B + "RUN pip install --user gunicorn==22.0.0\n" + F + SITE + 'CMD ["gunicorn", "app:app"]\n', 4, 1),
    (B + "RUN pip install uvicorn==0.30.1\n" + F + SITE + 'CMD ["uvicorn", "app:app"]\n', 4, 1),
    (
        B
        + "RUN python -m venv /opt/venv && /opt/venv/bin/pip install celery==5.4.0\n"
        + F
        + "COPY --from=builder /opt/venv /venv\nENV PATH=/venv/bin:$PATH\n"
        'CMD ["celery", "-A", "tasks", "worker"]\n',
        4,
        1,
    ),
    (F + "COPY app.py .\n" + 'CMD ["gunicorn", "app:app"]\n', 3, 7),
    (F + 'ENTRYPOINT ["tini", "--"]\nCMD flask run\n', 3, 5),
]
NEAR_MISSES = [
    F + "RUN pip install --no-cache-dir -r requirements.txt\n" + 'CMD ["gunicorn", "app:app"]\n',
    B
    + "RUN pip install --prefix=/install gunicorn==22.0.0\n"
    + F
    + "COPY --from=builder /install /usr/local\n"
    + 'CMD ["gunicorn", "app:app"]\n',
    B
    + "RUN python -m venv /opt/venv && /opt/venv/bin/pip install gunicorn==22.0.0\n"
    + F
    + "COPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\n"
    + 'CMD ["gunicorn", "app:app"]\n',
    B
    + "RUN pip install --user gunicorn==22.0.0\n"
    + F
    + "COPY --from=builder /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\n"
    + 'CMD ["gunicorn", "app:app"]\n',
    F + 'CMD ["/opt/venv/bin/gunicorn", "app:app"]\n',
    F + 'CMD ["python", "-m", "gunicorn", "app:app"]\n',
    F + "RUN poetry install --only main\n" + 'CMD ["uvicorn", "app:app"]\n',
    F + 'ENTRYPOINT ["/app/entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
]

test_triggers, test_near_misses = rule_table("DF111", TRIGGERS, NEAR_MISSES)
