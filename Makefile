# Two commands matter: `make run` and `make test`. Everything else is here for CI and maintainers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/localaction
# Browser tests use Debian's chromium; they are skipped (with a notice) where it is not installed, unless
# LOCALACTION_REQUIRE_BROWSER=1 (as in CI).
PYTEST_ARGS ?=

.PHONY: run test test-pg test-browser install catalogs messages bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

catalogs: install
	$(MANAGE) compile_catalogs

run: catalogs
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: catalogs
	$(PY) -m pytest $(PYTEST_ARGS)

# The same suite against PostgreSQL (pytest-django creates and drops test_localaction).
test-pg: catalogs
	DATABASE_URL=$(PG_URL) $(PY) -m pytest $(PYTEST_ARGS)

test-browser: catalogs
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# Refresh the catalogs after changing interface text (needs GNU gettext), then translate the new entries.
messages: install
	$(MANAGE) makemessages -l fr -l es --no-location --no-obsolete --ignore=.venv --ignore=bench
	$(MANAGE) compile_catalogs

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache
	find locale -name '*.mo' -delete
