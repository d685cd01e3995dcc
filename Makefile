# Two entry points for a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck pytest bench clean editor-deps test-editors

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The main job: check the example workspace, then serve it over LSP on a loopback TCP port for an editor.
run: install
	$(VENV)/bin/nova check examples || true
	@echo "Serving LSP on 127.0.0.1:2087 (Ctrl-C stops it). Connect an editor to this daemon:"
	@echo "  VS Code: set \"nova.server.daemon\": \"127.0.0.1:2087\" (the extension reads the token itself)"
	@echo "  Neovim:  require(\"nova\").setup({ daemon = \"127.0.0.1:2087\" })"
	@echo "Or let the editor start its own server: open examples/ (both editors find .venv/bin/nova-lsp)."
	$(VENV)/bin/nova-lsp --tcp 127.0.0.1:2087

lint: install
	$(VENV)/bin/ruff check registry nova server tests bench

typecheck: install
	$(VENV)/bin/mypy

# Two runs: everything but the real editors on one worker per core (pytest-xdist; a test file stays on one worker,
# in order, with its module fixtures), then the editor tests alone, so
# a headless VS Code or Neovim never competes with other tests for the machine.
pytest: install
	$(PY) -m pytest -q -p no:cacheprovider -n auto --dist loadfile --ignore=tests/editors $(PYTEST_ARGS)
	$(PY) -m pytest -q -p no:cacheprovider tests/editors $(PYTEST_ARGS)

test: editor-deps lint typecheck pytest

# What the editor tests need besides .venv: the extension's and the browser driver's locked npm packages, and
# code-server + Node 24 + Chromium (installed once into ~/.cache/nova-lsp-editors, then only checked).
editor-deps:
	cd editors/vscode && npm ci --no-audit --no-fund
	cd tests/editors/vscode_driver && npm ci --no-audit --no-fund
	bash tests/editors/setup_code_server.sh

test-editors: install editor-deps
	$(PY) -m pytest -q -p no:cacheprovider tests/editors

bench: install
	for b in bench/*_bench.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info nova/compiled_sources.json nova/stdlib/root-*.snapshot
	find . -maxdepth 4 -name '*.so' -not -path './node_modules/*' -not -path './editors/*' -delete
