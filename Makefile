# The two commands a new user needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= server.settings
# Development values that `make run` provides itself; production sets its own (see .env.example).
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY=dev-insecure-key-only-for-make-run DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost

.PHONY: help run test lint bench venv migrate frontend test-python clean

help:
	@echo "make run    set everything up and serve Dockwright on http://$(HOST):$(PORT)"
	@echo "make test   set everything up and run every test (lint first)"
	@echo "make lint   ruff, mypy (and the frontend's checks)"
	@echo "make bench  print engine and API latency figures"

$(STAMP): backend/requirements.txt backend/requirements-dev.txt backend/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r backend/requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e backend
	touch $(STAMP)

venv: $(STAMP)

migrate: venv
	$(DEV_ENV) $(BIN)/python backend/manage.py migrate --noinput

run: venv migrate
	$(DEV_ENV) $(BIN)/python backend/manage.py runserver $(HOST):$(PORT)

lint: venv
	$(BIN)/ruff check backend tests
	$(BIN)/ruff format --check backend tests
	$(BIN)/mypy backend/dockwright

test: venv lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: venv
	$(BIN)/python backend/bench/engine_bench.py

clean:
	rm -rf $(VENV) backend/data frontend/node_modules frontend/dist
