"""What a server start imports before it can answer `initialize`: the language-server machinery and the features'
handlers, not what only a request or a check needs (the parser and its tree, the checker, the evaluator, the
formatter, the IDE features' modules). Each such module is imported by the first request that needs it, or after
the first folder is served (`Hub._after_start`); a warm start then costs little more than the imports it cannot
avoid. Checked in a fresh interpreter, by module names (no timing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

START = """
import json, sys
import server.__main__
from server.daemon import serve_stdio
from server.app import build_server
from server.hub import Hub

ls = build_server(Hub(cache_enabled=False))
print(json.dumps(sorted(sys.modules)))
"""

NOT_AT_START = (
    "nova.syntax.parser", "nova.syntax.lexer", "nova.check.checker", "nova.check.infer", "nova.eval", "nova.format",
    "nova.ide.completion", "nova.ide.navigation", "nova.ide.code_actions", "nova.ide.call_hierarchy",
    "nova.ide.rename", "nova.ide.signature_help", "nova.ide.folding", "nova.ide.semantic_tokens", "nova.stdlib",
    "nova.syntax",
)


def started_modules() -> list[str]:
    done = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, cwd=REPO, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(done.stdout)
    return modules


def test_a_started_server_has_imported_no_parser_checker_evaluator_formatter_or_ide_module() -> None:
    modules = started_modules()
    assert "server.features.hover" in modules and "lsprotocol.types" in modules  # the features are registered
    loaded = [m for m in modules if m.startswith(NOT_AT_START)]
    assert loaded == []


def test_every_feature_still_works_once_its_modules_are_imported_on_first_use() -> None:
    """The deferred imports resolve: each feature module's functions name only modules that exist."""
    import importlib

    from server.app import feature_modules

    for name in feature_modules():
        module = importlib.import_module(name)
        assert callable(getattr(module, "register", None)), name
    for deferred in NOT_AT_START:
        importlib.import_module(deferred)
