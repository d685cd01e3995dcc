"""`nova parse`: compiler-style lines, the summary line, JSON output and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nova.cli import main

GOOD = "module Good where\n\nx :: Int\nx = 1\n"
BAD = "module Bad where\n\nx = (1 +\n\ny = 2\nz = case\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_files_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "Good.nova", GOOD)
    assert main(["parse", str(good)]) == 0
    assert capsys.readouterr().out == "1 files, 0 with syntax errors\n"


def test_errors_are_printed_compiler_style_and_exit_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "Good.nova", GOOD)
    bad = write(tmp_path, "Bad.nova", BAD)
    assert main(["parse", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{bad}:3:9: error: expected an expression, found the end of the declaration",
        f"{bad}:6:9: error: expected an expression, found the end of the declaration",
        "2 files, 1 with syntax errors",
    ]


def test_folders_are_searched_recursively_for_nova_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a/One.nova", GOOD)
    write(tmp_path, "a/b/Two.nova", GOOD.replace("Good", "Two"))
    write(tmp_path, "a/notes.txt", "not nova")
    assert main(["parse", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "2 files, 0 with syntax errors\n"


def test_warnings_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tabbed = write(tmp_path, "Tab.nova", "module Tab where\nx =\n\t1\n")
    assert main(["parse", str(tabbed)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{tabbed}:3:1: warning: tab character")
    assert out[-1] == "1 files, 0 with syntax errors"


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "Good.nova", GOOD)
    bad = write(tmp_path, "Bad.nova", BAD)
    assert main(["parse", "--json", str(good), str(bad)]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["file_count"] == 2 and payload["files_with_errors"] == 1
    first, second = payload["files"]
    assert first == {"path": str(good), "module": "Good", "ok": True, "diagnostics": []}
    assert second["module"] == "Bad" and not second["ok"]
    assert second["diagnostics"][0] == {
        "line": 3,
        "col": 9,
        "end_line": 3,
        "end_col": 9,
        "severity": "error",
        "code": "SyntaxError",
        "message": "expected an expression, found the end of the declaration",
    }


def test_missing_path_and_undecodable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "Bin.nova"
    binary.write_bytes(b"module Bin where\nx = \xff\xfe\n")
    assert main(["parse", str(tmp_path / "missing.nova"), str(binary)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'missing.nova'}:1:1: error: no such file or directory" in out
    assert any(line.startswith(f"{binary}:2:5: error: the file is not valid UTF-8 (byte 0xff") for line in out)
    assert out[-1] == "2 files, 2 with syntax errors"


def test_sexpr_option_prints_the_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "Good.nova", GOOD)
    assert main(["parse", "--sexpr", str(good)]) == 0
    out = capsys.readouterr().out
    assert "(Module @0:0-4:0 name='Good'" in out and "(SignatureDecl @2:0-2:8 name='x'" in out
