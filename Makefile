# Two commands matter: `make run` and `make test`. Everything else is here for CI and maintainers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/localaction
# Browser tests use Debian's chromium; they are skipped (with a notice) where it is not installed, unless
# LOCALACTION_REQUIRE_BROWSER=1 (as in CI).
PYTEST_ARGS ?=

.PHONY: run test test-pg test-browser install catalogs messages bench clean prod-check audit bench-load bench-lighthouse

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

# Django's deployment checks, warnings counted as failures, with example production values: a secret made on the
# spot and a throw-away database (the API schema check reads reference data), so nothing real is needed or kept.
prod-check: install
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DEBUG=0 SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=localaction.example.org CSRF_TRUSTED_ORIGINS=https://localaction.example.org \
	  BASE_URL=https://localaction.example.org EMAIL_HOST=smtp.example.org \
	  DATABASE_URL="sqlite:///$$tmp/prod-check.sqlite3" STATIC_ROOT="$$tmp/static" && \
	$(MANAGE) migrate --noinput -v0 && \
	$(MANAGE) check --deploy --fail-level WARNING

# No installed dependency with a known vulnerability, no high-severity bandit finding in our code (tests excluded).
# pip-audit needs PyPI's or OSV's vulnerability data; where neither is reachable, .ci/pip_audit.py says loudly how
# many packages went unchecked instead of reporting "nothing found" (AUDIT_STRICT=--strict turns that into a failure).
AUDIT_STRICT ?=
audit: install
	$(PY) .ci/pip_audit.py $(AUDIT_STRICT)
	$(VENV)/bin/bandit -r localaction -lll -q -x '*/tests/*'

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache
	find locale -name '*.mo' -delete

# Issue #12's load test: gunicorn (DEBUG=0) on a fresh SQLite demo database, 200 visitors for 60 s, then 50 concurrent
# progress-update submissions; fails on any 5xx, a p99 of 1 s or more, or a submission lost. About 3 minutes.
LOAD_ARGS ?=
bench-load: install
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) bench/load_test.py $(LOAD_ARGS)

# Issue #13's Lighthouse figures: home, catalog and one action page on gunicorn (DEBUG=0) with a fresh demo database,
# mobile with simulated throttling, Lighthouse 12.8.2 (pinned in bench/lighthouse; 13 needs a newer Node) on Debian's
# chromium; fails when a category scores under 95. About two minutes.
LIGHTHOUSE_ARGS ?=
bench/lighthouse/node_modules/.package-lock.json: bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --silent

bench-lighthouse: install bench/lighthouse/node_modules/.package-lock.json
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# Issue #13's page-quality suite (tests/quality), left out of `make test`: every page type in en, fr and es through
# axe-core, the Nu HTML Checker (Java, and vnu.jar from package.json), requests to other hosts, and page weight.
# About 3 minutes.
.PHONY: test-quality
test-quality: catalogs
	npm ci --ignore-scripts --no-audit --no-fund
	$(PY) -m pytest -m quality tests/quality $(PYTEST_ARGS)

# The browser tests and the page-quality suite in one session, as CI runs them (PYTEST_ARGS='-n 2'): one Django
# start-up and one chromium per process for both, and two processes keep both cores busy while a browser renders.
.PHONY: test-ui
test-ui: catalogs
	npm ci --ignore-scripts --no-audit --no-fund
	$(PY) -m pytest -m "browser or quality" $(PYTEST_ARGS)
