"""The VS Code extension builds, packages into a .vsix, and its TextMate grammar tokenizes the sample files as the
scope assertions in `editors/vscode/test/grammar/*.nova` say (vscode-tmgrammar-test: VS Code's own tokenizer)."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from editor_paths import VSCODE_DIR, npm_ci, run_npm


def test_grammar_assertions_hold() -> None:
    npm_ci(VSCODE_DIR)
    samples = sorted((VSCODE_DIR / "test" / "grammar").glob("*.nova"))
    assert len(samples) >= 3
    result = run_npm(VSCODE_DIR, "run", "test:grammar")
    assert result.returncode == 0, f"grammar assertions failed:\n{result.stdout}\n{result.stderr}"
    for sample in samples:
        assert f"{sample.relative_to(VSCODE_DIR)} run successfuly" in result.stdout


def test_grammar_assertions_catch_a_wrong_scope(tmp_path: Path) -> None:
    """The runner really compares scopes: a sample asserting the wrong scope must fail."""
    npm_ci(VSCODE_DIR)
    wrong = tmp_path / "wrong.nova"
    wrong.write_text('-- SYNTAX TEST "source.nova" "wrong on purpose"\nx = 42\n--  ^^ string.quoted.double.nova\n')
    exe = VSCODE_DIR / "node_modules" / ".bin" / "vscode-tmgrammar-test"
    result = subprocess.run(
        [str(exe), "-g", "syntaxes/nova.tmLanguage.json", str(wrong)],
        cwd=VSCODE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "missing required scopes: string.quoted.double.nova" in result.stdout


def manifest(vsix: Path) -> dict[str, Any]:
    with zipfile.ZipFile(vsix) as archive:
        data: dict[str, Any] = json.loads(archive.read("extension/package.json"))
        return data


def test_vsix_contents(vsix: Path) -> None:
    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
        bundle = archive.read("extension/dist/extension.js").decode()
        grammar = json.loads(archive.read("extension/syntaxes/nova.tmLanguage.json"))
        language_config = json.loads(archive.read("extension/language-configuration.json"))
    assert {"extension/package.json", "extension/dist/extension.js", "extension/readme.md"} <= names
    assert not any(name.startswith("extension/node_modules/") or name.startswith("extension/src/") for name in names)
    # The client library is bundled in, and the custom request name is the server's.
    assert "nova/evaluate" in bundle
    assert "vscode-languageclient" in bundle or "LanguageClient" in bundle
    assert grammar["scopeName"] == "source.nova"
    assert language_config["comments"] == {"lineComment": "--", "blockComment": ["{-", "-}"]}


def test_manifest_contributions(vsix: Path) -> None:
    data = manifest(vsix)
    assert data["engines"]["vscode"] == "^1.91.0"
    contributes = data["contributes"]
    assert contributes["languages"][0]["id"] == "nova"
    assert contributes["languages"][0]["extensions"] == [".nova"]
    assert contributes["grammars"][0]["scopeName"] == "source.nova"
    properties = contributes["configuration"]["properties"]
    assert properties["nova.server.command"]["default"] == "nova-lsp"
    assert properties["nova.server.args"]["default"] == ["--stdio"]
    assert properties["nova.trace.server"]["enum"] == ["off", "messages", "verbose"]
    titles = {(c["category"], c["title"]) for c in contributes["commands"]}
    assert titles == {("Nova", "Restart Server"), ("Nova", "Evaluate Selection"),
                      ("Nova", "Type of Enclosing Expression"), ("Nova", "Larger Enclosing Expression"),
                      ("Nova", "Smaller Enclosing Expression"), ("Nova", "Refresh Layers")}


def test_locked_dependency_versions() -> None:
    """The versions the extension is known to work with (VS Code 1.91 engine on Node 20) are the locked ones."""
    lock = json.loads((VSCODE_DIR / "package-lock.json").read_text())
    packages = lock["packages"]
    assert packages["node_modules/vscode-languageclient"]["version"].startswith("11.")
    assert packages["node_modules/@types/vscode"]["version"] == "1.91.0"
    assert packages["node_modules/@vscode/vsce"]["version"].startswith("3.")


def test_extension_unit_tests() -> None:
    """The extension's editor-independent logic (server command lookup, evaluation transcript) under node:test."""
    npm_ci(VSCODE_DIR)
    result = run_npm(VSCODE_DIR, "run", "test:unit")
    assert result.returncode == 0, f"unit tests failed:\n{result.stdout}\n{result.stderr}"
    counts = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, flags=re.M))
    assert counts.get("fail") == "0"
    assert int(counts.get("pass", "0")) >= 10


def tokenize(files: list[Path]) -> list[dict[str, Any]]:
    npm_ci(VSCODE_DIR)
    result = subprocess.run(
        ["node", "test/grammar/tokenize-files.cjs", "syntaxes/nova.tmLanguage.json", *map(str, files)],
        cwd=VSCODE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report: list[dict[str, Any]] = json.loads(result.stdout)
    return report


def test_grammar_over_the_projects_nova_sources() -> None:
    """Every Nova file the project ships (stdlib, examples, the type corpus) highlights without `invalid` tokens and
    without a string or block comment left open at the end."""
    root = VSCODE_DIR.parents[1]
    files = sorted(
        [*root.glob("nova/stdlib/**/*.nova"), *root.glob("examples/**/*.nova"), *root.glob("tests/corpus/**/*.nova")]
    )
    assert len(files) >= 10
    broken = [entry for entry in tokenize(files) if entry["invalid"] or entry["unterminated"]]
    assert broken == []


def test_tokenizer_reports_broken_files(tmp_path: Path) -> None:
    sample = tmp_path / "Broken.nova"
    sample.write_text('module Broken where\n\nx = "bad \\q escape"\n\n{- never closed\ny = 1\n')
    [entry] = tokenize([sample])
    assert entry["invalid"] == [{"line": 3, "column": 10, "text": "\\q"}]
    assert entry["unterminated"] == ["comment.block.nova"]


def test_indentation_rules() -> None:
    """Enter indents after a line ending in `where`/`do`/`of`/`let`/`=`/`->` or an opening bracket, and not after a
    complete line; a closing bracket dedents."""
    config = json.loads((VSCODE_DIR / "language-configuration.json").read_text())
    increase = re.compile(config["indentationRules"]["increaseIndentPattern"])
    decrease = re.compile(config["indentationRules"]["decreaseIndentPattern"])
    for line in [
        "module Main where",
        "main = do",
        "  case m of",
        "  let",
        "area shape =",
        "  Just x ->",
        "xs = [",
        "f x = do -- comment",
        "instance showShape :: Show Shape where",
    ]:
        assert increase.match(line), line
    for line in [
        "x = 1",
        "  pure unit",
        "import Prelude",
        "-- where",
        "x = 1 -- then",
        "whereabouts = 1",
        "todo = undo",
    ]:
        assert not increase.match(line), line
    assert decrease.match("  }") and decrease.match("]") and not decrease.match("x = }")
