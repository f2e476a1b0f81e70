# The README's commands. Each target makes its own virtual environment from the
# hash-pinned requirements, so a fresh clone needs nothing but Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a long end-of-life notice on every build; README explains the plan.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test bench requirements clean

# The site's own packages: enough to serve and build.
$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

# The test tools on top (pytest, Playwright, jsonschema, pip-tools), and the
# npm ones from package-lock.json (axe-core, vnu-jar, Lighthouse).
$(VENV)/.dev: requirements-dev.txt $(VENV)/.site node_modules/.installed
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## serve: the English site with live reload at http://127.0.0.1:8000
serve: $(VENV)/.site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## check: front matter, data files and language folders, with file and line for each problem
check: $(VENV)/.dev
	$(BIN)/python scripts/check_content.py

## build: the complete site, every language, strict, into site/
build: check
	$(BIN)/python scripts/build_site.py site

## test: every test (content, build, HTML, bad input, headless Chromium)
test: $(VENV)/.dev
	$(BIN)/python -m pytest

## bench: Lighthouse against this site and a stock Material build of the same pages
bench: $(VENV)/.dev
	$(BIN)/python scripts/bench.py

## requirements: re-pin requirements*.txt, with hashes, from requirements*.in
requirements: $(VENV)/.dev
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .pytest_cache
