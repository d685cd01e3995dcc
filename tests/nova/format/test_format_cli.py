"""`nova format [--check] PATH…` on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nova.cli import main

UGLY = "module M where\n\nx   =  1+2\n"
TIDY = "module M where\n\nx = 1 + 2\n"


def test_check_lists_files_that_would_change_and_writes_nothing(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "A.nova").write_text(UGLY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "B.nova").write_text(TIDY, encoding="utf-8")
    assert main(["format", "--check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"would reformat {tmp_path / 'A.nova'}" in out
    assert "B.nova" not in out.replace("2 files", "")
    assert "2 files, 1 would be reformatted, 0 not formatted" in out
    assert (tmp_path / "A.nova").read_text(encoding="utf-8") == UGLY


def test_format_rewrites_in_place_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "A.nova"
    path.write_text(UGLY, encoding="utf-8")
    assert main(["format", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == TIDY
    assert "1 files, 1 reformatted" in capsys.readouterr().out
    assert main(["format", "--check", str(path)]) == 0


def test_crlf_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "A.nova"
    path.write_bytes(("\ufeff" + UGLY.replace("\n", "\r\n")).encode("utf-8"))
    assert main(["format", str(path)]) == 0
    assert path.read_bytes() == ("\ufeff" + TIDY.replace("\n", "\r\n")).encode("utf-8")


def test_files_with_syntax_errors_or_missing_are_reported_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "Broken.nova"
    broken.write_text("module M where\n\nx = (1 +\n", encoding="utf-8")
    assert main(["format", str(broken), str(tmp_path / "Missing.nova")]) == 1
    err = capsys.readouterr().err
    assert "syntax errors" in err and "Missing.nova" in err
    assert broken.read_text(encoding="utf-8") == "module M where\n\nx = (1 +\n"


def test_the_installed_command_formats(tmp_path: Path) -> None:
    path = tmp_path / "A.nova"
    path.write_text(UGLY, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "nova.cli", "format", "--check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "would reformat" in done.stdout


def test_stdin_to_stdout(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "nova.cli", "format", "--stdin"], input=UGLY,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == TIDY
    broken = subprocess.run([sys.executable, "-m", "nova.cli", "format", "--stdin"], input="module M where\nx = (\n",
                            capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1 and broken.stdout == "" and "syntax errors" in broken.stderr


def test_no_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format"]) == 2
    assert "PATH" in capsys.readouterr().err


def test_the_stdlib_and_the_examples_are_formatted(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[3]
    code = main(["format", "--check", str(root / "nova" / "stdlib"), str(root / "examples")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert " 0 would be reformatted, 0 not formatted" in out
