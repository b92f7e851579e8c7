# Solidarity's chores. `make run` serves the demo site; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The suite needs a key; it is not a secret and is never used outside the tests.
TEST_ENV := SECRET_KEY=tests-only-not-a-secret

.PHONY: run test bench bench-designs wrk install messages browser lint format screenshot clean check-python

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "Solidarity needs Python 3.12 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)."; \
	  echo "Install Python 3.13 (pyenv reads .python-version) or run: make PYTHON=python3.13 ..."; \
	  exit 1; }

# Reinstall only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml | check-python
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $@

install: check-python $(BIN)/.installed messages

messages: $(BIN)/.installed
	@command -v msgfmt >/dev/null || { \
	  echo "msgfmt not found: install gettext (apt-get install gettext) to compile translations."; \
	  exit 1; }
	@env -u DJANGO_SETTINGS_MODULE $(BIN)/django-admin compilemessages --ignore=$(VENV) --verbosity 0

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
browser:
	@[ -x $(CHROMIUM) ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

run: install
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_demo
	DEBUG=true $(BIN)/python manage.py ensure_dev_admin
	DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install browser
	$(TEST_ENV) $(BIN)/pytest $(ARGS)

# wrk, the HTTP load generator the benchmark drives (Debian's package).
wrk:
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }

# Benchmarks against gunicorn, PostgreSQL and Redis on 127.0.0.1 (tests/benchmarks/): they
# create their own solidarity_bench_* databases and use Redis database 5. `make bench` measures
# every performance goal in about 2 minutes (4 with BASELINE=<git revision>, measured beside
# this tree in the same runs); `make bench-designs` compares the counter's designs (3 minutes).
bench: $(BIN)/.installed messages wrk
	$(BIN)/python -m tests.benchmarks.bench_goals $(if $(BASELINE),--baseline $(BASELINE))

bench-designs: $(BIN)/.installed messages
	$(BIN)/python -m tests.benchmarks.bench_counter
	$(BIN)/python -m tests.benchmarks.bench_signing

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the README's screenshot of the home page with the browser harness.
screenshot: install browser
	$(TEST_ENV) $(BIN)/pytest tests/browser/make_screenshot.py

# Extract new UI strings into every translation's catalogue (then translate them). The site has no
# JavaScript catalogue: its scripts take their few words from the page (data-* attributes).
LOCALES := fr de es ru uk
makemessages: $(BIN)/.installed
	DEBUG=true $(BIN)/python manage.py makemessages $(addprefix --locale=,$(LOCALES)) --ignore=$(VENV) --ignore=staticfiles --ignore=tests --no-obsolete

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
