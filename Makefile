# Two commands: `make run` starts a server on the embedded store; `make test` runs everything.
# `make api-docs` regenerates the SDK's API reference.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test check lint typecheck pytest api-docs mutation simulate check-history clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pigeon serve

test: check pytest

check: lint typecheck

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	./scripts/ensure-debian-packages.sh chromium:/usr/bin/chromium prometheus:promtool \
		nats-server:nats-server postgresql:/usr/lib/postgresql/15/bin/initdb \
		haproxy:haproxy etcd-server:/usr/bin/etcd patroni:/usr/bin/patroni fuse:fusermount
	# Two workers (pytest-xdist): the suite mostly waits on the processes it starts (D65).
	PYTHONASYNCIODEBUG=1 $(BIN)/pytest -n 2

# The SDK's API reference (docs/api/), generated from its docstrings by pdoc; a test keeps it current.
api-docs: $(STAMP)
	PYTHON=$(BIN)/python ./scripts/api-docs.sh docs/api

# Mutation testing of the core against its fast tests (README, Development); not a gate.
# Incremental: mutants/ keeps each function's results, so a run after a change tests only
# the mutants of the functions that changed (`rm -rf mutants` for a run from scratch).
mutation: $(STAMP)
	$(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut results

# More seeds of the deterministic simulation than `make test` runs (README, Development; D47).
SEEDS ?= 1000
SEED_START ?= 0
simulate: $(STAMP)
	$(BIN)/python -m pigeon.simulation --seeds $(SEEDS) --start $(SEED_START)

# The chaos checker over a synthetic history of ACKED acked sends, in one pass: its time and
# its peak memory (D57; tests/simulation/test_history_stream.py runs a small one).
ACKED ?= 1000000
check-history: $(STAMP)
	$(BIN)/python -m tests.simulation.synthetic --acked $(ACKED) $(or $(TMPDIR),/tmp)/pigeon-check-history.jsonl
	rm -f $(or $(TMPDIR),/tmp)/pigeon-check-history.jsonl

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache mutants
