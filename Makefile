# Thucydides: everything runs from a local virtual environment in .venv.
# `make demo` and `make test` work from a fresh machine that has only Python 3.11 (or newer).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: install demo test bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's dependencies change.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(INSTALLED)

demo: install
	$(BIN)/thucydides demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/throughput.py
