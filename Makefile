# Shared Shield? — `make lab` to study, `make test` to check everything.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: lab lab-command test test-quick check-data lint strip site handouts bench clean help

help:
	@echo "make lab         open the course in JupyterLab (creates .venv on first run)"
	@echo "make test        run the whole test suite, every notebook included (each notebook runs once)"
	@echo "make test-quick  the tests that run no notebook, build no site and start no JupyterLab (marker slow)"
	@echo "make check-data  validate data/ and list every problem"
	@echo "make strip       remove outputs from the notebooks before committing"
	@echo "make site        run every notebook and build the offline reading site in _site/ (see README)"
	@echo "make handouts    print the student and teacher packs to _handouts/ (A4 and US Letter PDFs; needs Chromium)"
	@echo "make bench       time the course, load_course, density and site; writes benchmarks/results.md"
	@echo "make class-report HANDINS=folder   the class report, summary and marking sheet of the students' hand-ins"

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Shared Shield? needs Python 3.11 or newer: install it, or run make PY=python3.12")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip

$(VENV)/.student: $(BIN)/python requirements.txt pyproject.toml
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.student requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# JupyterLab refuses to start as root unless told: add --allow-root only then (containers, some lab machines).
ROOT_FLAG := $(shell [ "$$(id -u 2>/dev/null)" = 0 ] && echo --allow-root)
LAB_ARGS ?=
LAB := $(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS)

lab: $(VENV)/.student
	$(LAB) notebooks/00_start_here.ipynb

lab-command:  # the command `make lab` runs (tests/test_lab.py starts exactly this one)
	@echo $(LAB)

# Each notebook runs once per test run (tests/conftest.py, executed_notebooks); `pytest --nbmake notebooks/X.ipynb`
# still checks one notebook on its own.
test: $(VENV)/.dev
	SHAREDSHIELD_STRICT=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

test-quick: $(VENV)/.dev
	SHAREDSHIELD_STRICT=1 $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

check-data: $(VENV)/.student
	$(BIN)/python -m sharedshield check

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests

strip: $(VENV)/.dev
	$(BIN)/nbstripout notebooks/*.ipynb

site: $(VENV)/.dev
	$(BIN)/python -m sharedshield.site _site

handouts: $(VENV)/.dev
	$(BIN)/python -m sharedshield.handouts _handouts

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) _site _build _handouts .pytest_cache

# The teacher's class report (teacher/guide.md, "Collecting the hand-ins"): make class-report HANDINS=folder-of-hand-ins
HANDINS ?= handins
.PHONY: class-report
class-report: $(VENV)/.student
	$(BIN)/python -m sharedshield class report $(HANDINS) --out class-report.html --json class-summary.json --marks marks.csv
