# lakip: `make run` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
LAKIP  := $(BIN)/lakip
STAMP  := $(VENV)/.installed
RAW    ?= raw
WAREHOUSE ?= warehouse/lakip.duckdb
REPORTS ?= reports
OUT    ?= out

.PHONY: docs install lock run ingest validate load report test test-slow fuzz lint format check bench sample clean help

help:
	@echo "make run       create .venv, install, run ingest -> validate -> load -> report on raw/"
	@echo "make validate  check raw/ and write findings to out/ (exit 1 when errors are found)"
	@echo "make load      load raw/ into $(WAREHOUSE)"
	@echo "make report    write HTML and Excel summaries to reports/<tahun>/"
	@echo "make test      run the test suite"
	@echo "make lint      ruff format --check, ruff check, mypy"
	@echo "make bench     benchmarks (not part of make test)"

# Every dependency, direct and transitive, is pinned in requirements.lock.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

install: $(STAMP)

run: $(STAMP)
	$(LAKIP) run --raw $(RAW) --warehouse $(WAREHOUSE) --reports $(REPORTS) --out $(OUT)

ingest: $(STAMP)
	$(LAKIP) ingest --raw $(RAW)

validate: $(STAMP)
	$(LAKIP) validate --raw $(RAW) --out $(OUT)

load: $(STAMP)
	$(LAKIP) load --raw $(RAW) --warehouse $(WAREHOUSE)

report: $(STAMP)
	$(LAKIP) report --warehouse $(WAREHOUSE) --reports $(REPORTS)

# Tests run on every core (pytest-xdist); CI has two.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto -m "not slow"

# Every fault moment and the disk-full / read-only-folder runs (minutes; needs root for tmpfs).
test-slow: $(STAMP)
	$(BIN)/python -m pytest -n auto -m slow

# Seeded mutation campaign (docs/robustness.md); FUZZ_ARGS="--validate 10000 --load 1000 --run 300".
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.campaign $(FUZZ_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check pipeline schemas tests sample bench
	$(BIN)/ruff check pipeline schemas tests sample bench
	$(BIN)/mypy pipeline schemas

format: $(STAMP)
	$(BIN)/ruff format pipeline schemas tests sample bench
	$(BIN)/ruff check --fix pipeline schemas tests sample bench

check: lint test

sample: $(STAMP)
	$(BIN)/python sample/build_sample.py --out raw/2025/medang-deras.xlsx

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)

docs: $(STAMP)
	$(BIN)/python -c "from pipeline.cli import help_markdown; print(help_markdown(), end='')" > docs/cli.md
	$(LAKIP) rules --format markdown > docs/rules.md

clean:
	rm -rf $(VENV) $(OUT) $(REPORTS) warehouse/*.duckdb warehouse/*.wal
