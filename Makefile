# Two commands for a newcomer: `make site` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test bundle validate ui-pot bench clean

site: $(STAMP) ## set up, validate the knowledge base, build the site into site/
	$(BIN)/kb build

test: $(STAMP) ## set up and run the whole test suite
	$(BIN)/pytest

bundle: $(STAMP) ## set up and pack the site for offline reading into dist/
	$(BIN)/kb bundle

validate: $(STAMP)
	$(BIN)/kb validate

ui-pot: $(STAMP) ## extract the interface strings into i18n/ui/messages.pot and merge them into each language's .po
	$(BIN)/python -m kbtool.render.catalogs

bench: $(STAMP) ## generate 100/1,000/10,000-record knowledge bases, time kb against baselines, write docs/benchmarks.md
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
	  || { echo "error: Python 3.11 or newer is needed ($(PYTHON) is $$($(PYTHON) --version 2>&1))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) \
	  || { echo "error: cannot create $(VENV); on Debian run: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

clean: ## remove generated output and the virtual environment
	rm -rf site dist $(VENV)
