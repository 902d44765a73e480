"""The benchmark's subject: a realistic 50-line multi-stage Dockerfile (Node build, Python venv, runtime)."""

MULTI_STAGE_DOCKERFILE = """\
# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS frontend
WORKDIR /src
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci
COPY frontend/ ./
RUN npm run build

FROM python:${PYTHON_VERSION}-slim AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \\
    && apt-get install -y --no-install-recommends build-essential libpq-dev \\
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY backend/ /app/backend/
RUN python /app/backend/manage.py collectstatic --noinput

FROM python:${PYTHON_VERSION}-slim AS runtime
LABEL org.opencontainers.image.source="https://example.com/app" \\
      org.opencontainers.image.licenses="Apache-2.0"
RUN apt-get update && apt-get install -y nginx curl \\
    && apt-get clean
RUN useradd --uid 10001 --create-home app
RUN cd /app && ls
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app /app
COPY --from=frontend /src/dist /app/frontend/dist
COPY nginx/ /etc/nginx/
COPY start.sh /start.sh
RUN chown -R app:app /app
RUN chmod +x /start.sh
ENV PATH=/opt/venv/bin:$PATH \\
    DJANGO_SETTINGS_MODULE=server.settings
WORKDIR /app
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=3s \\
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
STOPSIGNAL SIGTERM
VOLUME ["/app/data"]
ONBUILD RUN echo child
ENTRYPOINT /start.sh
CMD gunicorn server.wsgi:application --bind 127.0.0.1:8000
"""
