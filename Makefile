# One entry point for every task. `make serve` and `make test` set up .venv from the lock file first.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: serve test build validate bench lint lock schemas new clean audit

$(STAMP): requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

validate: $(STAMP)
	$(BIN)/python scripts/validate.py

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lint: $(STAMP)
	$(BIN)/ruff check hooks scripts tests
	$(BIN)/python -m pytest tests/test_workflows.py -q

schemas: $(STAMP)
	$(BIN)/python scripts/schemas.py

new: $(STAMP)
	$(BIN)/python scripts/new.py $(KIND) $(ID)

# Regenerates the hashed lock file from pyproject.toml (needs the registry).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf site .pytest_cache

# Lighthouse and first-load weight for every page type (installs Lighthouse from tools/audit's lock file).
audit: build
	npm ci --prefix tools/audit --no-audit --no-fund --silent
	$(BIN)/python scripts/audit.py
