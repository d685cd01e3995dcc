"""The VS Code extension's manifest against the server's reading features: every semantic token type and modifier
the server's legend sends is mapped onto a TextMate scope or declared, the inlay hint settings are the ones the
server reads, and the bundle sends the type-of-selection request."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from nova.ide.inlay_hints import HintSettings
from nova.ide.token_legend import TOKEN_MODIFIERS, TOKEN_TYPES

VSCODE_DIR = Path(__file__).resolve().parents[2] / "editors" / "vscode"
STANDARD_MODIFIERS = {"declaration", "definition", "readonly", "static", "deprecated", "abstract", "async",
                      "modification", "documentation", "defaultLibrary"}


def contributes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VSCODE_DIR / "package.json").read_text(encoding="utf-8"))
    return data["contributes"]


def test_every_token_type_has_a_textmate_scope() -> None:
    scopes = contributes()["semanticTokenScopes"][0]
    assert scopes["language"] == "nova"
    mapped_types = {selector.split(".")[0] for selector in scopes["scopes"]}
    assert set(TOKEN_TYPES) <= mapped_types
    assert all(isinstance(v, list) and v and all(s.endswith(".nova") for s in v) for v in scopes["scopes"].values())


def test_custom_modifiers_are_declared() -> None:
    declared = {m["id"] for m in contributes()["semanticTokenModifiers"]}
    assert set(TOKEN_MODIFIERS) - STANDARD_MODIFIERS == declared


def test_inlay_hint_settings_are_the_ones_the_server_reads() -> None:
    properties = contributes()["configuration"]["properties"]
    hint_keys = {key.removeprefix("nova.inlayHints.") for key in properties if key.startswith("nova.inlayHints.")}
    source = (Path(__file__).resolve().parents[2] / "nova" / "ide" / "inlay_hints.py").read_text(encoding="utf-8")
    read = set(re.findall(r'flag\("(\w+)"', source))
    assert hint_keys == read
    defaults = {key: properties[f"nova.inlayHints.{key}"]["default"] for key in hint_keys}
    assert HintSettings.from_settings(defaults) == HintSettings()


def test_type_enclosing_commands_are_wired() -> None:
    commands = {c["command"] for c in contributes()["commands"]}
    assert {"nova.typeEnclosing", "nova.typeEnclosing.larger", "nova.typeEnclosing.smaller"} <= commands
    source = (VSCODE_DIR / "src" / "typeEnclosing.ts").read_text(encoding="utf-8")
    assert '"nova/typeEnclosing"' in source
    extension = (VSCODE_DIR / "src" / "extension.ts").read_text(encoding="utf-8")
    assert all(f'"{c}"' in extension for c in ("nova.typeEnclosing", "nova.typeEnclosing.larger",
                                               "nova.typeEnclosing.smaller"))


def test_layers_view_is_contributed_and_fed_by_the_request() -> None:
    views = contributes()["views"]["explorer"]
    assert [v["id"] for v in views] == ["nova.layers"]
    source = (VSCODE_DIR / "src" / "layers.ts").read_text(encoding="utf-8")
    assert '"nova/layers"' in source
    extension = (VSCODE_DIR / "src" / "extension.ts").read_text(encoding="utf-8")
    assert 'registerTreeDataProvider("nova.layers"' in extension
