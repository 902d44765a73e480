import os

import requests
from celery import Celery

app = Celery("tasks", broker=os.environ["CELERY_BROKER_URL"], backend=os.environ["CELERY_RESULT_BACKEND"])


@app.task(autoretry_for=(requests.RequestException,), retry_backoff=True)
def fetch(url: str) -> int:
    return requests.get(url, timeout=10).status_code
