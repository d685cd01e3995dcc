"""The `nova` command line under bad input: every error is one line on stderr with a documented exit status (never
a traceback); huge Ints work; `parse`, `check` and `eval` read files the same way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nova.sources import SourceError, decode_source, read_source

REPO = Path(__file__).resolve().parents[1]


def nova(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nova.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})


def one_line_error(result: subprocess.CompletedProcess[str], status: int, fragment: str) -> None:
    assert result.returncode == status, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and fragment in result.stderr, result.stderr


@pytest.mark.parametrize(("args", "fragment"), [
    (["eval", "--max-depth", "1000000000", "1"], "outside"),
    (["eval", "--max-depth", "0", "1"], "outside"),
    (["eval", "--timeout", "-1", "1"], "number of seconds"),
    (["eval", "--timeout", "nan", "1"], "number of seconds"),
    (["eval", "--timeout", "inf", "1"], "number of seconds"),
    (["eval", "--max-steps", "-5", "1"], "outside"),
    (["eval", "--max-steps", "many", "1"], "whole number"),
    (["eval", "--max-cells", "10", "1"], "outside"),
    (["eval", "--unknown", "1"], "unrecognized arguments"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_options_are_one_line_usage_errors(args: list[str], fragment: str) -> None:
    one_line_error(nova(*args), 2, fragment)


def test_unknown_module_and_workspace_are_one_line_usage_errors(tmp_path: Path) -> None:
    one_line_error(nova("eval", "--module", "Nowhere", "1"), 2, "no module named Nowhere")
    one_line_error(nova("eval", "--workspace", str(tmp_path / "missing"), "1"), 2, "is not a folder")


def test_ints_beyond_4300_digits_are_read_and_printed() -> None:
    literal = "9" * 5000
    result = nova("eval", f"{literal} + 1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1" + "0" * 5000 + " :: Int\n"
    shown = nova("eval", "--import", "Data.Int", "show (pow 7 9000)")
    assert shown.returncode == 0, shown.stderr
    digits = shown.stdout.split('"')[1]
    assert digits.isdigit() and int(digits[-4:]) == pow(7, 9000, 10_000) and len(digits) == 7606


def test_ten_thousand_chained_lets_are_nested_too_deeply(tmp_path: Path) -> None:
    body = "".join(f"  let x{i} = {i}\n  in\n" for i in range(10_000))
    source = tmp_path / "Lets.nova"
    source.write_text(f"module Lets where\n\nimport Prelude\n\nv :: Int\nv =\n{body}  x0\n")
    for command in ("parse", "check"):
        result = nova(command, str(source))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "nested too deeply" in result.stdout
        assert "binding" not in result.stdout  # no misleading "expected at least one binding after `let`"


def test_a_fifo_or_a_device_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "Pipe.nova"
    os.mkfifo(fifo)
    device = tmp_path / "Zero.nova"
    device.symlink_to("/dev/zero")
    for path in (fifo, device):
        one_line_error(nova("check", str(path), timeout=30), 2, "not a regular file")
        parsed = nova("parse", str(path), timeout=30)
        assert parsed.returncode == 1 and "not a regular file" in parsed.stdout
    big = tmp_path / "Big.nova"
    big.write_text("-- " + "x" * 5000 + "\n")
    with pytest.raises(SourceError, match="too large"):
        read_source(big, max_bytes=1000)


ENDINGS = {
    "LF": b"module M where\n\nimport Prelude\n\nx :: Int\nx = \"s\"\n\ny = (\n",
    "CRLF": b"module M where\r\n\r\nimport Prelude\r\n\r\nx :: Int\r\nx = \"s\"\r\n\r\ny = (\r\n",
    "CR": b"module M where\r\rimport Prelude\r\rx :: Int\rx = \"s\"\r\ry = (\r",
    "BOM": b"\xef\xbb\xbfmodule M where\n\nimport Prelude\n\nx :: Int\nx = \"s\"\n\ny = (\n",
    "invalid UTF-8": b"module M where\n\nimport Prelude\n\nx :: Int\nx = \"\xff\"\n\ny = (\n",
}


def positions(output: str, path: Path) -> set[tuple[str, str]]:
    """(line:col, message) of each reported problem, whatever the command's format."""
    found = set()
    for line in output.splitlines():
        if line.startswith(str(path)):
            where, _, rest = line[len(str(path)) + 1:].partition(": ")
            message = rest.split(": ", 1)[1] if rest.startswith(("error", "warning")) else rest
            found.add((where, message))
    return found


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_parse_and_check_read_files_the_same_way(tmp_path: Path, ending: str) -> None:
    source = tmp_path / "M.nova"
    source.write_bytes(ENDINGS[ending])
    parsed = positions(nova("parse", str(source)).stdout, source)
    checked = positions(nova("check", str(source)).stdout, source)
    assert parsed and parsed <= checked  # every syntax/encoding problem of `parse` is in `check`, same place
    syntax_line = 8  # `y = (` is on line 8 whatever the line ends
    assert any(where.startswith(f"{syntax_line}:") for where, _ in parsed), parsed
    if ending == "invalid UTF-8":
        assert ("6:6", next(m for w, m in parsed if w == "6:6")) in checked
        assert any("not valid UTF-8" in m for _, m in parsed)
    else:
        assert any(where == "6:5" and "String" in m for where, m in checked), checked  # the type error, line 6


def test_decoding_rules() -> None:
    assert decode_source(b"\xef\xbb\xbfx").text == "x"
    assert decode_source(b"a\rb\r\nc\n").text == "a\nb\r\nc\n"
    bad = decode_source(b"ok\nab\xffc")
    assert bad.text == "ok\nab\ufffdc"
    (diagnostic,) = bad.diagnostics
    assert (diagnostic.code, diagnostic.span.start_line, diagnostic.span.start_col) == ("InvalidEncoding", 1, 2)


def test_a_fault_of_the_checker_is_one_modules_diagnostic_and_the_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import nova.check
    from nova.cli import main

    checked = nova.check._check

    def faulty(parsed: Any, view: Any, previous: Any, lint: bool) -> object:  # a defect met only on `Broken`
        if parsed.module.name == "Broken":
            raise KeyError("type:Lost")
        return checked(parsed, view, previous, lint)

    # (the checker's classes may be compiled, and compiled classes cannot be patched: the fault goes in before them)
    monkeypatch.setattr(nova.check, "_check", faulty)
    (tmp_path / "Broken.nova").write_text("module Broken where\n\nb :: Int\nb = 1\n")
    (tmp_path / "Fine.nova").write_text('module Fine where\n\nf :: Int\nf = "f"\n')
    assert main(["check", str(tmp_path / "Broken.nova"), str(tmp_path / "Fine.nova")]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2 and "Traceback" not in captured.out + captured.err
    assert lines[0].startswith(f"{tmp_path / 'Broken.nova'}:1:8: error[InternalError]: Internal error of the type ")
    assert "KeyError: 'type:Lost'" in lines[0]
    assert lines[1].startswith(f"{tmp_path / 'Fine.nova'}:4:5: error[TypesDoNotUnify]")


def test_a_fault_outside_the_modules_is_one_line_with_status_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import nova.root_cache
    import nova.stdlib
    from nova.cli import main

    def unreadable_root(*_args: object) -> object:
        raise OSError(5, "Input/output error", "stdlib cache")

    monkeypatch.setattr(nova.stdlib, "load_root", unreadable_root)
    monkeypatch.setattr(nova.root_cache, "cached_root", unreadable_root)
    (tmp_path / "M.nova").write_text("module M where\n\nm :: Int\nm = 1\n")
    assert main(["check", str(tmp_path / "M.nova")]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err == "nova check: internal error: OSError: [Errno 5] Input/output error: 'stdlib cache'\n"
