# `make run` and `make test` are the two commands in the README: each sets itself up from nothing.
PYTHON_FOR_VENV := $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker test lint setup setup-dev migrate seed clean

$(BIN)/python:
	@test -n "$(PYTHON_FOR_VENV)" || (scripts/find-python; exit 1)
	$(PYTHON_FOR_VENV) -m venv $(VENV)

# The stamps make a second `make` skip pip unless the requirements changed.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

migrate: setup
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input

SEED_STORY := kim-jong-un-russia-2019
SEED_TITLE := Kim Jong Un's visit to Russia, April 2019

seed: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py ingest --story $(SEED_STORY) --title "$(SEED_TITLE)" seeds/

# The web server and, beside it, the worker that runs what editors start from the browser (ingests,
# rebuilds); stopping the server (Ctrl-C) stops the worker too.
run: seed
	DJANGO_DEBUG=1 $(BIN)/python manage.py db_worker --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: gunicorn (dateline/gunicorn.conf.py), debug off. Needs SECRET_KEY and ALLOWED_HOSTS; see README.
serve: setup
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/gunicorn dateline.wsgi:application --config dateline/gunicorn.conf.py

# Production: the background worker (run one or more beside `make serve`, on any machine that reaches the database).
worker: setup
	$(BIN)/python manage.py db_worker --no-reload --interval 2

test: setup-dev
	scripts/ensure-chromium
	SECRET_KEY=insecure-test-only-key SECURE_SSL_REDIRECT=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Style, and the package boundaries (newsdates imports no Django; no app imports one above it).
lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts
