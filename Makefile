# make run: install, ingest data/ into the embedded store (build/store), show what it holds, then serve it
#           (SPARQL endpoint and REST API on http://127.0.0.1:8000; HOST/PORT to change, Ctrl-C to stop).
# make test: install (with Debian's chromium for the browser tests and virtuoso-opensource for the backend
#           tests), lint, run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
VIRTUOSO := /usr/bin/virtuoso-t
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install clean load

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive Debian's Chromium through Playwright (which cannot download a browser here);
# the format tests write PDFs in DejaVu Sans, which has the Vietnamese letters.
# The backend tests start a private OpenLink Virtuoso (tests/servers.py); the package's own service is not used.
$(CHROMIUM) $(FONT) $(VIRTUOSO):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	  chromium fonts-dejavu-core virtuoso-opensource

run: $(STAMP)
	mkdir -p build
	$(BIN)/lexgraph ingest data --store build/store
	$(BIN)/lexgraph stats --store build/store
	$(BIN)/lexgraph implementers 11/NQ-CP --year 2022 --store build/store
	$(BIN)/lexgraph serve --store build/store --host $(HOST) --port $(PORT)

test: $(STAMP) $(CHROMIUM) $(FONT) $(VIRTUOSO)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The bounded load test of the closing note: 20 clients for 30 s against a server over build/store.
# The load test: 2,000 synthetic documents and the seeds, served; 20 clients for 30 s of mixed SPARQL and REST.
load: $(STAMP)
	rm -rf build/load && mkdir -p build/load
	$(BIN)/python -m benchmarks.synth build/load/corpus --docs 2000 --seed 1
	$(BIN)/lexgraph ingest build/load/corpus/docs data --store build/load/store --quiet
	$(BIN)/lexgraph serve --store build/load/store --port 8099 --quiet & pid=$$!; \
	$(BIN)/python -m benchmarks.load http://127.0.0.1:8099 --clients 20 --seconds 30 --report benchmarks/load.json; \
	status=$$?; kill $$pid; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) build .pytest_cache .hypothesis
