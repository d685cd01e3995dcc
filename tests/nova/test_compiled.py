"""The checker's compiled modules and their pure-Python fallback: which one runs, and that both give one answer.

`setup.py` compiles `nova.compiled.compiled_modules()` with mypyc when it can; `nova.compiled.select` keeps the
extensions only while the build's record matches the sources. These tests run whichever the install produced.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import nova
import nova.syntax.lexer
from nova import compiled

REPO = Path(__file__).resolve().parents[2]

PROGRAM = """\
module Sample where

import Prelude
import Data.Maybe (Maybe(..))

data Shape = Circle Number | Rect Number Number

area :: Shape -> Number
area (Circle r) = 3.0 * r * r
area (Rect w h) = w * h

firstOr d xs = case xs of
  [x] -> x
  _ -> d

bad :: Int
bad = "not an int"

unused x = Just x
"""

REPORT = textwrap.dedent(
    """\
    import json, sys
    import nova, nova.compiled, nova.syntax.lexer
    from nova.stdlib import load_root
    from nova.syntax import parse_module
    from nova.check import check_module
    from nova.types.pretty import print_scheme
    checked = check_module(parse_module(sys.stdin.read()), load_root().begin_batch())
    print(json.dumps({
        "mode": nova.MODE,
        "reason": nova.compiled.REASON,
        "lexer": nova.syntax.lexer.__file__,
        "diagnostics": [[d.code, d.span.start_line, d.span.start_col, d.message] for d in checked.diagnostics],
        "exports": {k: print_scheme(s) for k, s in sorted(checked.exports.items())},
    }))
    """
)


def report(**env: str) -> dict[str, object]:
    """What a fresh interpreter (this checkout's code, `env` added) makes of `PROGRAM`."""
    out = subprocess.run(
        [sys.executable, "-c", REPORT],
        input=PROGRAM,
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=240,
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def is_extension(path: str) -> bool:
    return path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def test_what_runs_is_what_the_build_recorded() -> None:
    """With a fresh record of a build the extension modules are imported, otherwise the sources are."""
    fresh = compiled.stale_reason() is None and not os.environ.get(compiled.PURE_ENV)
    chosen = nova.MODE
    assert chosen == ("compiled" if fresh else "pure"), compiled.REASON
    assert is_extension(nova.syntax.lexer.__file__ or "") == fresh
    if fresh:
        assert compiled.REASON == ""


def test_the_pure_python_fallback_checks_a_module_as_the_installed_code_does() -> None:
    """`NOVA_PURE_PYTHON=1` runs the sources (compiled modules hidden) and gives the same diagnostics and types."""
    pure = report(NOVA_PURE_PYTHON="1")
    assert pure["mode"] == "pure" and pure["reason"] == "NOVA_PURE_PYTHON is set"
    assert str(pure["lexer"]).endswith("lexer.py")
    installed = report()
    assert installed["mode"] == nova.MODE
    assert pure["diagnostics"] == installed["diagnostics"]
    assert pure["exports"] == installed["exports"]
    codes = [d[0] for d in pure["diagnostics"]]  # type: ignore[index, union-attr]
    assert "TypesDoNotUnify" in codes
    assert pure["exports"]["area"] == "Shape -> Number"  # type: ignore[index]


def copy_sources(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    for name in compiled.compiled_modules(REPO):
        source = REPO.joinpath(*name.split(".")).with_suffix(".py")
        target = root / source.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return root


def write_record(root: Path) -> None:
    (root / compiled.MANIFEST).write_text(json.dumps(compiled.source_record(root)), encoding="utf-8")


def test_compiled_modules_are_the_hot_packages_less_the_ones_patched_at_run_time() -> None:
    names = compiled.compiled_modules(REPO)
    assert {"nova.syntax.lexer", "nova.syntax.parser", "nova.check.checker", "nova.types.unify"} <= set(names)
    assert "nova.syntax.header" not in names and "nova.check.display" not in names
    assert not any(name.endswith("__init__") for name in names)


def test_a_record_matching_the_sources_lets_the_extensions_run(tmp_path: Path) -> None:
    root = copy_sources(tmp_path)
    assert compiled.stale_reason(root) == "not compiled"
    write_record(root)
    assert compiled.stale_reason(root) is None


@pytest.mark.parametrize("change", ["edited", "added", "removed", "other python", "garbled"])
def test_any_change_since_the_build_makes_the_sources_run(tmp_path: Path, change: str) -> None:
    root = copy_sources(tmp_path)
    write_record(root)
    lexer = root / "nova" / "syntax" / "lexer.py"
    if change == "edited":
        lexer.write_text(lexer.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        expected = "nova.syntax.lexer changed since the build"
    elif change == "added":
        (root / "nova" / "types" / "extra.py").write_text("X = 1\n", encoding="utf-8")
        expected = "the set of compiled modules changed since the build"
    elif change == "removed":
        lexer.unlink()
        expected = "the set of compiled modules changed since the build"
    elif change == "other python":
        record = json.loads((root / compiled.MANIFEST).read_text(encoding="utf-8"))
        record["python"] = "cpython-20"
        (root / compiled.MANIFEST).write_text(json.dumps(record), encoding="utf-8")
        expected = f"compiled for another Python than {sys.implementation.cache_tag}"
    else:
        (root / compiled.MANIFEST).write_text("{not json", encoding="utf-8")
        expected = f"unreadable {compiled.MANIFEST}"
    reason = compiled.stale_reason(root)
    assert reason is not None and reason.startswith(expected), reason


def backdate(root: Path, seconds: float) -> None:
    """Give every compiled source under `root` a modification time `seconds` ago (as after a checkout long before
    the build)."""
    when = time.time_ns() - int(seconds * 1e9)
    for name in compiled.compiled_modules(root):
        os.utime(root.joinpath(*name.split(".")).with_suffix(".py"), ns=(when, when))


def test_sources_unchanged_since_long_before_the_build_are_not_hashed(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_sources(tmp_path)
    backdate(root, 3600)
    write_record(root)
    hashed: list[int] = []
    monkeypatch.setattr(compiled, "_digest", lambda data: hashed.append(len(data)) or "")
    assert compiled.stale_reason(root) is None
    assert hashed == []


@pytest.mark.parametrize("when", ["long before the build", "just before the build"])
def test_an_edit_keeping_size_and_time_is_still_found(tmp_path: Path, when: str) -> None:
    """A same-size edit whose file gets back its recorded time is caught: by the new inode of a file written anew,
    and by its hash when the recorded time is too close to the build to tell edits apart."""
    root = copy_sources(tmp_path)
    if when == "long before the build":
        backdate(root, 3600)
    write_record(root)
    lexer = root / "nova" / "syntax" / "lexer.py"
    before = lexer.stat()
    text = lexer.read_text(encoding="utf-8")
    edited = text[:-2] + ("x" if text[-2] != "x" else "y") + text[-1]
    assert edited != text and len(edited.encode()) == len(text.encode())
    if when == "long before the build":
        replacement = lexer.with_suffix(".new")
        replacement.write_text(edited, encoding="utf-8")
        replacement.replace(lexer)  # written anew, as editors and checkouts do: another inode
    else:
        lexer.write_text(edited, encoding="utf-8")  # in place: the same inode
    os.utime(lexer, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert compiled.stale_reason(root) == "nova.syntax.lexer changed since the build"


def test_a_source_edited_while_mypyc_compiles_does_not_match_the_record(tmp_path: Path) -> None:
    """The build records the sources before mypyc reads them: an edit made meanwhile leaves the extensions (built
    from one text or the other) unused, rather than recorded as matching a text they were not built from."""
    import runpy

    from setuptools import Distribution

    commands = runpy.run_path(str(REPO / "setup.py"), run_name="setup_commands")
    build_ext = commands["OptionalBuildExt"]
    root = copy_sources(tmp_path)
    lexer = root / "nova" / "syntax" / "lexer.py"

    def mypyc_while_the_lexer_is_edited() -> list[object]:
        lexer.write_text(lexer.read_text(encoding="utf-8") + "\n# edited during the build\n", encoding="utf-8")
        return []

    setup_globals = build_ext.finalize_options.__globals__
    saved = {name: setup_globals[name] for name in ("HERE", "mypyc_extensions")}
    setup_globals.update(HERE=root, mypyc_extensions=mypyc_while_the_lexer_is_edited)
    try:
        command = build_ext(Distribution({"ext_modules": commands["PLACEHOLDER"]}))
        command.distribution.ext_modules = commands["PLACEHOLDER"]
        command.ensure_finalized()
        command.build_lib, command.inplace = str(tmp_path / "build"), True
        command._write_manifest()
    finally:
        setup_globals.update(saved)
    assert (tmp_path / "build" / compiled.MANIFEST).is_file()
    assert compiled.stale_reason(root) == "nova.syntax.lexer changed since the build"
