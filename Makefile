# The README's commands. A fresh clone needs Python 3.11+ and make: each target
# makes the virtual environment it needs from the hash-pinned requirements.
#   serve, build, check  only the site's packages (requirements.txt)
#   test, bench          the test tools on top (requirements-dev.txt, npm's
#                        package-lock.json) and a few Debian packages, which
#                        scripts/system_packages.sh installs when it can

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a long end-of-life notice on every build; README explains the plan.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test bench requirements system-packages clean

# The site's own packages: enough to check, serve and build.
$(VENV)/.site: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

# The Python test tools (pytest, Playwright, Zensical, linters, pip-tools).
$(VENV)/.dev: requirements-dev.txt $(VENV)/.site
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# The npm test tools (axe-core, vnu-jar, Lighthouse); npm itself is a Debian package.
node_modules/.installed: package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Chromium, Java and npm: installed with apt-get when this runs as root or
# with sudo that needs no password; otherwise it stops and prints the command.
system-packages:
	@scripts/system_packages.sh

# The language `make serve` shows: English, or SITE_LANGUAGE=fr (a code of
# languages.yml), the variable mkdocs.yml reads, served at the root like English.
# Not LANGUAGE: that is gettext's, and often set.
SITE_LANGUAGE ?= en

## serve: one language with live reload at http://127.0.0.1:8000 (English; SITE_LANGUAGE=fr for French)
serve: $(VENV)/.site
	SITE_LANGUAGE=$(SITE_LANGUAGE) DOCS_DIR=docs/$(SITE_LANGUAGE) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## check: front matter, data files and translations, with file and line for each problem; lists missing and stale translations
check: $(VENV)/.site
	$(BIN)/python scripts/check_content.py

## build: the complete site, every language, strict, into site/
build: check
	$(BIN)/python scripts/build_site.py site

## test: every test (content, build, HTML, bad input, headless Chromium)
test: system-packages $(VENV)/.dev node_modules/.installed
	$(BIN)/python -m pytest

## bench: Lighthouse against this site and a stock Material build of the same pages
bench: system-packages $(VENV)/.dev node_modules/.installed
	$(BIN)/python scripts/bench.py

## requirements: re-pin requirements*.txt, with hashes, from requirements*.in
requirements: $(VENV)/.dev
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements-dev.txt requirements-dev.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url -o requirements-audit.txt requirements-audit.in

clean:
	rm -rf site .pytest_cache
