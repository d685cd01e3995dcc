"""`nova eval`: prints `value :: type`, logs first; non-zero exit on errors and exhausted limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.cli import main

PROGRAM = """module Main where

import Prelude
import Effect (Effect)
import Effect.Console (log)

data Shape = Circle Number | Rect Number Number

area :: Shape -> Number
area (Circle r) = 3.0 * r * r
area (Rect w h) = w * h

secret :: Int
secret = 7

loop :: Int -> Int
loop n = loop (n + 1)

main :: Effect Unit
main = do
  log "starting"
  log (show (area (Rect 2.0 3.0)))
"""


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "Main.nova").write_text(PROGRAM, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["eval", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_value_and_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "map (_ * 2) [1, 2, 3]") == (0, "[2,4,6] :: Array Int\n", "")
    assert run(capsys, '{ name: "x", age: 3 }') == (0, '{ age: 3, name: "x" } :: { age :: Int, name :: String }\n', "")


def test_module_scope_sees_unexported_names(capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    code, out, err = run(capsys, "--workspace", str(workspace), "--module", "Main", "secret + nope")
    assert (code, out) == (1, "")  # `nope` does not exist: the checker's error, positioned in the expression
    assert "1:10:" in err and "nope" in err
    assert run(capsys, "--workspace", str(workspace), "--module", "Main", "secret * 6")[:2] == (0, "42 :: Int\n")
    code, out, _ = run(capsys, "--workspace", str(workspace), "--module", "Main", "Rect (area (Circle 1.0)) (-1.0)")
    assert (code, out) == (0, "Rect 3.0 (-1.0) :: Shape\n")


def test_effects_run_and_their_output_comes_first(capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    code, out, _ = run(capsys, "--workspace", str(workspace), "--module", "Main", "main")
    assert (code, out) == (0, "starting\n6.0\nunit :: Effect Unit\n")


def test_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--import", "Effect.Console", 'do\n  warn "careful"\n  log "fine"')
    assert (code, out, err) == (0, "fine\nunit :: Effect Unit\n", "careful\n")


def test_stdlib_module_scope(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--module", "Data.List", "Cons 1 (Cons (-2) Nil)") == (
        0,
        "Cons 1 (Cons (-2) Nil) :: List Int\n",
        "",
    )


def test_imports_without_a_module(capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    code, out, _ = run(capsys, "--workspace", str(workspace), "--import", "Data.List", "length (range 1 4)")
    assert (code, out) == (0, "4 :: Int\n")
    code, _, err = run(capsys, "--import", "Nope", "1")
    assert code == 2 and "Nope" in err


def test_errors_exit_non_zero(capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    code, out, err = run(capsys, "1 + true")
    assert code == 1 and out == "" and "1:" in err
    code, _, err = run(capsys, "--module", "No.Such.Module", "1")
    assert code == 2 and "No.Such.Module" in err
    code, _, err = run(capsys, "--workspace", str(workspace / "missing"), "1")
    assert code == 2
    code, _, err = run(capsys, "")
    assert code == 1 and "empty" in err


def test_exhausted_fuel_exits_non_zero(capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    code, out, err = run(capsys, "--workspace", str(workspace), "--module", "Main", "--max-steps", "20000", "loop 0")
    assert code == 1 and out == ""
    assert "evaluation stopped after 20000 steps" in err
    code, _, err = run(capsys, "--timeout", "0.3", "--max-steps", "1000000000", "let go n = go (n + 1) in go 0")
    assert code == 1 and "time limit" in err
