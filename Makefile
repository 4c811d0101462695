# Handling Mistakes at Work: build, preview, test and package the guide.
# Quick start: `make build` then `make test`. `make help` lists every target.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
NODE_STAMP := node_modules/.installed-from-lock
SITE   := site
DIST   := dist/handling-mistakes-guide.zip

# Reproducible output: dates in the build come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help build serve check test lint format dist lock clean links-lock

# `make help` shows these first, for authors; every other target with a `## ` note is listed for
# developers, so a new target needs only its note.
AUTHOR_TARGETS := serve check build words links-lock review-report dist offline scorm help

help: ## List the targets, for authors first, then for developers
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -v authors=" $(AUTHOR_TARGETS) " \
		'BEGIN {FS = ":.*## "} \
		{ line = sprintf("  make %-14s %s", $$1, $$2); \
		  if (index(authors, " " $$1 " ")) a[$$1] = line; else d[++n] = line } \
		END { print "For authors (edit pages and data, preview, check, share):"; \
		  split(authors, order, " "); for (i = 1; i in order; i++) if (order[i] in a) print a[order[i]]; \
		  print ""; print "For developers (tests, code style, packages, figures):"; \
		  for (i = 1; i <= n; i++) print d[i] }'

$(STAMP): requirements.lock
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: $(STAMP) ## Build the site into site/ (replaced only when the build succeeds)
	@tmp=$$(mktemp -d .site-build.XXXXXX) && \
	if $(BIN)/python -m mkdocs build --strict --site-dir "$$tmp/site"; then \
		rm -rf "$$tmp/old"; if [ -d $(SITE) ]; then mv $(SITE) "$$tmp/old"; fi; \
		mv "$$tmp/site" $(SITE); rm -rf "$$tmp"; echo "Built the guide into $(SITE)/"; \
	else \
		rm -rf "$$tmp"; echo "The build failed$$([ -d $(SITE) ] && echo ": $(SITE)/ still holds the last good build")." >&2; exit 1; \
	fi

SERVE_ADDR ?= 127.0.0.1:8000
serve: $(STAMP) ## Preview on http://127.0.0.1:8000, reloaded on every save; errors show in the browser (Ctrl+C stops it)
	@$(BIN)/python -m macros.glue.preview --dev-addr $(SERVE_ADDR)

# The build leaves the link lock to the check, which lists it with every other problem at once.
check: $(STAMP) ## Check your work before you share it: build, spelling, reading grade, copying, links
	@$(MAKE) --no-print-directory build GUIDE_LINK_LOCK=check
	@$(BIN)/python -m macros.proof $(SITE)

test: $(STAMP) $(NODE_STAMP) ## Run the whole test suite (unit, built site, real Chromium)
	$(BIN)/python -m pytest

.PHONY: test-fast
test-fast: $(STAMP) ## Run the engine's unit tests only, without PDF rendering or Node (seconds)
	$(BIN)/python -m pytest tests/unit -q -m "not slow" -p no:cacheprovider

.PHONY: words
words: $(STAMP) ## Sort data/words.txt (A to Z, each word once, notes kept at the top)
	@$(BIN)/python -m macros.proof.spelling sort

lint: $(STAMP) ## Check Python style with ruff
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP) ## Format Python with ruff
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

dist: build ## Pack site/ as a reproducible zip in dist/ for upload to a portal
	$(BIN)/python tools/dist.py $(SITE) $(DIST)

.PHONY: offline
OFFLINE_SITE := site-offline
OFFLINE_DIST := dist/handling-mistakes-guide-offline.zip
# The absolute config path keeps build errors' file names relative to the project.
offline: $(STAMP) $(NODE_STAMP) ## Build a copy that works opened from a folder (file://) into site-offline/, zipped in dist/
	@tmp=$$(mktemp -d .site-build.XXXXXX) && \
	if $(BIN)/python -m mkdocs build --strict -f "$(CURDIR)/mkdocs.offline.yml" --site-dir "$$tmp/site"; then \
		rm -rf "$$tmp/old"; if [ -d $(OFFLINE_SITE) ]; then mv $(OFFLINE_SITE) "$$tmp/old"; fi; \
		mv "$$tmp/site" $(OFFLINE_SITE); rm -rf "$$tmp"; echo "Built the offline copy into $(OFFLINE_SITE)/"; \
	else \
		rm -rf "$$tmp"; echo "The offline build failed: $(OFFLINE_SITE)/ still holds the last good build." >&2; exit 1; \
	fi
	$(BIN)/python tools/dist.py $(OFFLINE_SITE) $(OFFLINE_DIST)

.PHONY: scorm
SCORM_DIST := dist
# The offline copy's links name files, which is how an LMS serves a package's files.
scorm: offline ## Pack the offline copy as SCORM 1.2 and 2004 zips in dist/ for an LMS (README: Put it in your LMS)
	$(BIN)/python tools/scorm.py $(OFFLINE_SITE) $(SCORM_DIST)

.PHONY: review-report
review-report: $(STAMP) ## List every page's owner and review dates, overdue first (exit 1 if any is overdue)
	$(BIN)/python -m macros.review_report

links-lock: build ## Add newly published links to tests/links.lock.json (never removes one)
	$(BIN)/python tools/links_lock.py $(SITE)/links.json tests/links.lock.json

.PHONY: bench
BENCH_STAMP := bench/node_modules/.installed-from-lock
$(BENCH_STAMP): bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

bench: $(STAMP) $(BENCH_STAMP) ## Build time, scale, page weight, Lighthouse vs plain Material (~8 min)
	$(BIN)/python -m bench

lock: ## Re-resolve requirements.lock from pyproject.toml (needs the network to PyPI)
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	rm -rf .venv-lock

clean: ## Remove the built site, packages and caches (keeps .venv and node_modules)
	rm -rf $(SITE) dist .site-build.* .pytest_cache .ruff_cache
	rm -rf site-offline
