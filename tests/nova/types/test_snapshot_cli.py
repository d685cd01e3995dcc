"""Snapshots of checked layers round-trip; the `nova check` command's text and JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nova.cli import main
from nova.snapshot import converter
from nova.workspace import check_workspace, find_sources
from registry import SnapshotError, dump, restore
from tests.nova.types.helpers import root

EXAMPLE = """module App where

import Prelude
import Data.Maybe (Maybe(..))

-- | Greets.
greet :: String -> String
greet name = "hi " <> name

getName p = p.name

broken = 1 + "one"

pick :: Maybe Int -> Int
pick m = case m of
  Just x -> x
"""


def test_root_and_batch_round_trip_through_cbor(tmp_path: Path) -> None:
    base = root()
    result = check_workspace({"/ws/App.nova": EXAMPLE}, base)
    path = tmp_path / "batch.cbor"
    dump(result.layer, path, converter())
    again = restore(path, converter(), parent=base)
    assert again.get("App").exports == result.layer.get("App").exports
    assert dict(again.elements("App")) == dict(result.layer.elements("App"))
    assert again.get("App").env == result.layer.get("App").env
    root_path = tmp_path / "root.cbor"
    dump(base, root_path, converter())
    root2 = restore(root_path, converter())
    for module in base.modules():
        assert root2.get(module).exports == base.get(module).exports


def test_corrupt_snapshot_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.cbor"
    path.write_bytes(b"\x00\x01garbage")
    with pytest.raises(SnapshotError):
        restore(path, converter())


def _write(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    f = tmp_path / "src" / "App.nova"
    f.write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "src" / "Ok.nova").write_text("module Ok where\n\nx :: Int\nx = 1\n", encoding="utf-8")
    return tmp_path / "src"


def test_check_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path)
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    app = str(folder / "App.nova")
    assert f"{app}:12:14: error[TypesDoNotUnify]: Could not match type `String` with type `Int`." in out
    assert any(line.startswith(f"{app}:15:10: error[NoInstanceFound]: ") and "`Nothing`" in line for line in out)


def test_check_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path)
    assert main(["check", str(folder / "Ok.nova")]) == 0
    assert capsys.readouterr().out == ""


def test_check_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(tmp_path)
    assert main(["check", "--json", str(folder)]) == 1
    data = json.loads(capsys.readouterr().out)
    modules = {m["module"]: m for m in data["modules"]}
    app = modules["App"]
    assert app["path"] == str(folder / "App.nova")
    decls = {d["name"]: d for d in app["declarations"]}
    assert decls["greet"]["type"] == "String -> String"
    assert decls["getName"]["type"] == "forall a r. { name :: a | r } -> a"
    assert decls["greet"]["exported"] is True and decls["greet"]["kind"] == "value"
    assert decls["greet"]["range"]["start"] == {"line": 6, "character": 0}
    diag = next(d for d in app["diagnostics"] if d["code"] == "TypesDoNotUnify")
    assert diag["severity"] == "error"
    assert diag["range"] == {"start": {"line": 11, "character": 13}, "end": {"line": 11, "character": 18}}
    assert modules["Ok"]["diagnostics"] == []


def test_missing_path_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_find_sources_skips_tool_directories(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "X.nova").write_text("module X where\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "Y.nova").write_text("module Y where\n")
    assert [p.name for p in find_sources(tmp_path)] == ["X.nova"]
