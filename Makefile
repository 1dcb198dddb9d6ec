# Shared Shield? — `make lab` to study, `make test` to check everything.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: lab lab-command test test-quick check-data lint strip site handouts docs bench hub-demo hub-stack bench-hub clean help

help:
	@echo "make lab         open the course in JupyterLab (creates .venv on first run)"
	@echo "make readings ID=lukyanov2011 FILE=path   install your copy of a reading (make readings alone lists them)"
	@echo "make hand-in     export your saved work to my-work.html to upload (OUT=other-name.html to choose the name)"
	@echo "make test        run the whole test suite, every notebook included"
	@echo "make test-quick  the tests that run no notebook, build no site and start no JupyterLab (marker slow)"
	@echo "make check-data  validate data/ and list every problem"
	@echo "make lint        ruff's lint rules (lines of at most 120 characters, notebooks too) and its formatter check"
	@echo "make strip       remove outputs from the notebooks before committing"
	@echo "make site        run every notebook and build the offline reading site in _site/ (see README)"
	@echo "make handouts    print the student and teacher packs to _handouts/ (A4 and US Letter PDFs; needs Chromium)"
	@echo "make bench       time the course, load_course, density and site; writes benchmarks/results.md"
	@echo "make hub-demo    a JupyterHub for a class on this machine (127.0.0.1:HUB_PORT, default 8000); see hub/README.md"
	@echo "make bench-hub   what one learner costs on the hub (memory, login to chart) for 1, 5 and 10 learners"
	@echo "make class-report HANDINS=folder   the class report, summary and marking sheet of the students' hand-ins"

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Shared Shield? needs Python 3.11 or newer: install it, or run make PY=python3.12")'
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip

$(VENV)/.student: $(BIN)/python requirements.txt pyproject.toml lab-config/ipython_kernel_config.py lab-config/overrides.json
	$(BIN)/python -m pip install --quiet -r requirements.txt
	mkdir -p $(VENV)/etc/ipython && cp lab-config/ipython_kernel_config.py $(VENV)/etc/ipython/  # kernels: no TCP warning
	mkdir -p $(VENV)/share/jupyter/lab/settings && cp lab-config/overrides.json $(VENV)/share/jupyter/lab/settings/  # no news pop-up, no update check
	@touch $@

$(VENV)/.dev: $(VENV)/.student requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# JupyterLab refuses to start as root unless told: add --allow-root only then (containers, some lab machines).
ROOT_FLAG := $(shell [ "$$(id -u 2>/dev/null)" = 0 ] && echo --allow-root)
LAB_ARGS ?=
# The course's environment in JupyterLab's terminals too: the venv's bin first on PATH, kept by a non-login shell
# after the user's own shell setup (lab-config/: a login shell would reset PATH from /etc/profile, and ~/.bashrc may
# put another Python first). Kernels talk over local sockets (IPC, same folder), so none warns "running over TCP
# without encryption". The file browser opens at the course root (data/, teacher/), landing on notebook 00.
LAB_ENV := env PATH="$(abspath $(BIN)):$$PATH" VIRTUAL_ENV="$(abspath $(VENV))" JUPYTER_CONFIG_PATH="$(abspath lab-config)" SHAREDSHIELD_LAB_CONFIG="$(abspath lab-config)"
LAB := $(LAB_ENV) $(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=. $(LAB_ARGS)

lab: $(VENV)/.student
	$(LAB) notebooks/00_start_here.ipynb

# Student commands that work from a plain terminal in the course folder, without activating anything:
#   make readings ID=lukyanov2011 FILE=~/Downloads/epilogue.html   install your copy of a reading (then list what is installed)
#   make readings                                                   list the readings installed
#   make hand-in [OUT=my-work.html]                                 export your saved work to one file to upload
ID ?=
FILE ?=
OUT ?= my-work.html
READING_FILE = $(patsubst ~/%,$(HOME)/%,$(FILE))
.PHONY: readings hand-in
readings: $(VENV)/.student
	@if [ -n "$(FILE)" ] && [ -z "$(ID)" ]; then echo 'Say which reading the file is: make readings ID=lukyanov2011 FILE="$(FILE)" (ids: blog2007, lukyanov2011, eir2013)'; exit 2; fi
	@if [ -n "$(FILE)" ]; then $(BIN)/python -m sharedshield readings import "$(ID)" "$(READING_FILE)"; fi
	@$(BIN)/python -m sharedshield readings list

hand-in: $(VENV)/.student
	@$(BIN)/python -m sharedshield work export "$(OUT)"

lab-command:  # the command `make lab` runs (tests/test_lab.py starts exactly this one)
	@echo $(LAB)

test: $(VENV)/.dev $(VENV)/.hub
	SHAREDSHIELD_STRICT=1 $(BIN)/python -m pytest --nbmake $(PYTEST_ARGS)

test-quick: $(VENV)/.dev
	SHAREDSHIELD_STRICT=1 $(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

check-data: $(VENV)/.student
	$(BIN)/python -m sharedshield check

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

strip: $(VENV)/.dev
	$(BIN)/nbstripout notebooks/*.ipynb

site: $(VENV)/.dev
	$(BIN)/python -m sharedshield.site _site

handouts: $(VENV)/.dev
	$(BIN)/python -m sharedshield.handouts _handouts

docs: $(VENV)/.student  # rewrite README's course map and the guide's lesson plan from src/sharedshield/lessons.py, the guide's answers from the question registry
	$(BIN)/python -c "from sharedshield.lessons import write_docs; print(*([f'rewrote {p}' for p in write_docs()] or ['README.md and teacher/guide.md are up to date']), sep='\\n')"
	$(BIN)/python -c "from sharedshield import load_course; from sharedshield.answerkey import write_guide; print('rewrote the answers in teacher/guide.md' if write_guide(load_course()) else 'the answers in teacher/guide.md are up to date')"

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) _site _build _handouts .pytest_cache .hub hub/node_modules

# The hub route (hub/README.md): the pinned hub stack goes into the course's .venv, because the learners' servers and
# kernels run from that same environment (the course's requirements are there); the proxy comes from npm into
# hub/node_modules (npm ci: the versions of hub/package-lock.json, nothing installed globally).
$(VENV)/.hub: $(VENV)/.student requirements-hub.txt hub/package.json hub/package-lock.json
	$(BIN)/python -m pip install --quiet -r requirements-hub.txt
	@if command -v npm >/dev/null; then npm ci --prefix hub --no-audit --no-fund --loglevel=error; \
	elif [ "$$CI" = true ]; then echo "npm is missing: the hub tests need configurable-http-proxy (install Node.js 20 and npm)" >&2; exit 1; \
	else echo "npm is missing: the hub tests will be skipped and make hub-demo cannot run (install Node.js 20 and npm, then: npm ci --prefix hub)"; fi
	@touch $@

hub-stack: $(VENV)/.hub

HUB_PORT ?= 8000
hub-demo: $(VENV)/.hub
	HUB_PORT=$(HUB_PORT) $(BIN)/python -m sharedshield.hub

bench-hub: $(VENV)/.dev $(VENV)/.hub
	$(BIN)/python benchmarks/hub.py

# The teacher's class report (teacher/guide.md, "Collecting the hand-ins"): make class-report HANDINS=folder-of-hand-ins
HANDINS ?= handins
.PHONY: class-report
class-report: $(VENV)/.student
	$(BIN)/python -m sharedshield class report $(HANDINS) --out class-report.html --json class-summary.json --marks marks.csv
