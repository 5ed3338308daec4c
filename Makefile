# make run: install, ingest data/ into the embedded store (build/store), show what it holds.
# make test: install, lint, run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p build
	$(BIN)/lexgraph extract data/raw > build/records.jsonl
	$(BIN)/lexgraph ingest data --store build/store
	$(BIN)/lexgraph stats --store build/store
	$(BIN)/lexgraph implementers 11/NQ-CP --year 2022 --store build/store

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis
