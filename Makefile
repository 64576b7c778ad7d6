# Two commands matter: `make run` (install and start the app) and `make test` (install and run
# every test). Both create the virtualenv in .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test lint format bench bench-import bench-pages bench-briefing bench-hostile bench-undo bench-generations bench-judgement bench-drill bench-reporting bench-viewers sample clean

run: $(VENV)/.app
	$(PY) -m data_layer init --if-missing
	$(PY) -m streamlit run app.py

test: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

bench: $(VENV)/.dev
	$(PY) bench/bench_overview.py

bench-import: $(VENV)/.dev
	$(PY) bench/bench_import.py

bench-pages: $(VENV)/.dev
	$(PY) bench/bench_pages.py

bench-briefing: $(VENV)/.dev
	$(PY) bench/bench_briefing.py

bench-hostile: $(VENV)/.dev
	$(PY) bench/bench_hostile.py

bench-undo: $(VENV)/.dev
	$(PY) bench/bench_undo.py

bench-generations: $(VENV)/.dev
	$(PY) bench/bench_generations.py

bench-judgement: $(VENV)/.dev
	$(PY) bench/bench_judgement.py

bench-drill: $(VENV)/.dev
	$(PY) bench/bench_drill.py

bench-reporting: $(VENV)/.dev
	$(PY) bench/bench_reporting.py

bench-viewers: $(VENV)/.dev
	$(PY) bench/bench_viewers.py

sample: $(VENV)/.app
	$(PY) -m data_layer generate --out sample_data

$(VENV)/.app: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.app $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/artifacts
