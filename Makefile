# Newsroom: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

# Django 6.1 needs Python 3.12 or newer: take the first suitable interpreter.
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && \
	   $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	   echo $$p; break; fi; done)

.PHONY: install run test serve bench loadtest lint clean check-python

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: newsroom needs Python 3.12 or newer (python3.13, python3.12 or python3)."; \
		echo "Install one (e.g. 'pyenv install 3.13') and run make again."; \
		exit 1; fi

$(VENV)/.installed: pyproject.toml package.json | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund >/dev/null || \
		echo "warning: npm install failed; the accessibility checks will skip"; \
	else echo "note: npm not found; the accessibility checks will skip"; fi
	@touch $@

install: check-python $(VENV)/.installed

# Links the site builds (canonical, share, preview) point at the port it runs on.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 newsroom/with-worker.sh $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	DEBUG=1 $(BIN)/pytest $(PYTEST_ARGS)

# Production-like: DEBUG off, gunicorn, hashed and compressed static files.
serve: install
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-serve-local-only-$$(hostname)-not-for-the-internet} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-localhost,127.0.0.1} \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SECURE_COOKIES=$${SECURE_COOKIES:-0} \
	bash -c '$(BIN)/python manage.py collectstatic --noinput -v0 && \
		$(BIN)/python manage.py migrate --noinput -v0 && \
		exec newsroom/with-worker.sh $(BIN)/gunicorn newsroom.wsgi:application -c newsroom/gunicorn.conf.py --bind 127.0.0.1:$(PORT)'

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# A bounded run of concurrent readers and commenters against the production
# setup on PostgreSQL + Redis (LOADTEST_ARGS="--seconds 60 --readers 24").
loadtest: install
	$(BIN)/python bench/loadtest.py $(LOADTEST_ARGS)

# Style, formatting and the layers' import contract (pyproject.toml).
lint: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .cache .cache-counters
