# Every target sets up its own virtual environment from the lock file.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CATALOGS := $(patsubst %.po,%.mo,$(wildcard vaaldstod/i18n/*/LC_MESSAGES/vaaldstod.po))

.PHONY: help run test lint i18n bench installer sign-packs mutation clean

help:  ## List the targets
	@grep -E '^[a-z0-9]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	# Compiled now, as an installer does: a start that compiles the app first is ~40 % slower,
	# and some setups (PYTHONDONTWRITEBYTECODE) would never keep the result.
	$(PY) -m compileall -q vaaldstod
	touch $@

%.mo: %.po $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -D vaaldstod -i $< -o $@

run: $(STAMP) $(CATALOGS)  ## Set up and start the app
	$(VENV)/bin/vaaldstod

test: $(STAMP) $(CATALOGS)  ## Set up and run the whole test suite offscreen
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)  ## Check style with ruff
	$(VENV)/bin/ruff check vaaldstod tests bench
	$(VENV)/bin/ruff format --check vaaldstod tests bench

i18n: $(STAMP)  ## Extract strings and update the catalogs
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 -k pgettext:1c,2 --no-location --sort-output -o vaaldstod/i18n/vaaldstod.pot .
	$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -D vaaldstod -i vaaldstod/i18n/vaaldstod.pot -d vaaldstod/i18n

bench: $(STAMP) $(CATALOGS)  ## Run the benchmarks and print a report
	$(PY) -m compileall -q vaaldstod bench
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Only the installer needs PyInstaller (requirements-build.lock), so `make test` never installs
# it. build_installer.py compiles the catalogs itself, so Windows needs no make (docs/windows.md).
installer: $(STAMP)  ## Build, smoke-test and archive the bundle in dist/
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-build.lock
	$(PY) build_installer.py

# The release key signs the shipped packs; its private half never enters the repository.
RELEASE_KEY ?= /root/.vaaldstod-release/packs-signing.key
TEST_KEY := tests/fixtures/keys/test-publisher.key

sign-packs: $(STAMP)  ## Sign every shipped pack (and the test fixtures) whose signature is stale
	$(PY) -m vaaldstod.packs.publish --key $(RELEASE_KEY) --create-key --public-out vaaldstod/packs/trusted_keys vaaldstod/guides
	$(PY) -m vaaldstod.packs.publish --key $(TEST_KEY) --name "Test key (tests only)" --public-out tests/fixtures/keys --no-validate tests/fixtures/packs

# Mutation testing needs mutmut only here, pinned like the build tools (not in the lock file).
MUTATION_TOOLS := mutmut==3.8.1

mutation: $(STAMP) $(CATALOGS)  ## Mutation testing of the safety-critical modules (slow)
	$(PY) -m pip install --quiet --disable-pip-version-check $(MUTATION_TOOLS)
	QT_QPA_PLATFORM=offscreen CI=true $(PY) tools/mutation.py $(MUTATION_ARGS)

clean:  ## Remove the virtual environment and build output
	rm -rf $(VENV) build dist mutants vaaldstod/i18n/*/LC_MESSAGES/*.mo
