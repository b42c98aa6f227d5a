# Encaisse — every target sets up what it needs: a fresh clone only needs python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
PY_SOURCES := $(shell find desktop -name '*.py')

.PHONY: run test lint translations update-translations screenshot bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

## Re-extract the French source strings into the .ts files (then translate them in Linguist).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -source-language fr_FR -target-language en_GB $(PY_SOURCES) -ts resources/translations/encaisse_en.ts

run: $(STAMP) translations
	$(BIN)/encaisse

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check desktop tests db
	$(BIN)/ruff format --check desktop tests
	$(BIN)/lint-imports

## Regenerate the screenshots of the README from the demo company.
screenshot: $(STAMP) translations
	mkdir -p build docs/screenshots
	$(BIN)/encaisse demo --db build/demo.sqlite --customers 300 --seed 1 --replace
	QT_QPA_PLATFORM=offscreen $(BIN)/encaisse --db build/demo.sqlite screenshot customers --out docs/screenshots/customers.png
	QT_QPA_PLATFORM=offscreen $(BIN)/encaisse --db build/demo.sqlite screenshot receivables --out docs/screenshots/receivables.png
	$(BIN)/encaisse --db build/demo.sqlite reminders due > /dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/encaisse --db build/demo.sqlite screenshot dashboard --out docs/screenshots/dashboard.png
	QT_QPA_PLATFORM=offscreen $(BIN)/encaisse --db build/demo.sqlite screenshot reminders --out docs/screenshots/reminders.png
	QT_QPA_PLATFORM=offscreen $(BIN)/encaisse --db build/demo.sqlite screenshot customer:$$($(BIN)/encaisse --db build/demo.sqlite customers list --format json --status under_watch | $(BIN)/python -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])') --out docs/screenshots/customer.png

## The benchmark suite (issue 9): every figure beside its floor, the table printed and
## written to bench/results.json and docs/performance.md (under 15 min on 2 cores).
bench: $(STAMP) translations
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM)
