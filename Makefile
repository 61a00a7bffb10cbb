# eventgraph: two commands from a fresh clone.
#   make demo   create .venv, install everything, build output/ from the sample articles
#   make test   run the test suite in the same environment
#   make bench  measure throughput against bare spaCy (benchmarks/RESULTS.md)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test bench screenshot clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[model,test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/eventgraph build -o output --quiet
	@echo
	@echo "Built the sample corpus:"
	@echo "  output/graph.ttl   the knowledge graph (Turtle)"
	@echo "  output/graph.html  the network view: open it in a browser"
	@echo
	@echo "Try a query:"
	@echo "  $(BIN)/eventgraph query output/graph.ttl -f src/eventgraph/queries/ambassador-speakers.rq"

test: install
	$(BIN)/python -m pytest -q

# Throughput against bare spaCy at 1,000 and 10,000 generated articles -> benchmarks/RESULTS.md
# (long: about an hour on 2 cores; BENCH_SIZES="200" for a quick look).
BENCH_SIZES ?= 1000 10000
bench: install
	$(BIN)/python benchmarks/bench.py --sizes $(BENCH_SIZES)

# The README's picture of the network view (needs Debian's chromium).
screenshot: install
	$(BIN)/python scripts/screenshot.py output/graph.html docs/graph.png --select-hub

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
