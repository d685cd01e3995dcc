"""The cache of generated code (`server.code_cache`): same code as compiling, kept only in a sealed private file."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from registry.private_files import snapshot_key
from server import code_cache
from server.code_cache import FILE_NAME, CodeCache

SOURCE = "def area(w, h):\n    return w * h\n"


def fresh(folder: Path) -> CodeCache:
    return CodeCache(folder / FILE_NAME, snapshot_key(folder))


def test_code_is_compiled_once_then_read_from_the_file(tmp_path: Path) -> None:
    first = fresh(tmp_path)
    code = first.compile(SOURCE, "<generated>", "exec")
    assert code.co_code == compile(SOURCE, "<generated>", "exec").co_code
    assert (first.hits, first.misses) == (0, 1)
    assert first.save()
    assert not first.save()  # nothing new since

    second = fresh(tmp_path)
    again = second.compile(SOURCE, "<generated>", "exec")
    assert (second.hits, second.misses) == (1, 0)
    namespace: dict[str, object] = {}
    exec(again, namespace)
    assert namespace["area"](3, 4) == 12  # type: ignore[operator]


def test_a_different_text_name_or_mode_is_compiled(tmp_path: Path) -> None:
    cache = fresh(tmp_path)
    cache.compile(SOURCE, "<generated>", "exec")
    cache.compile(SOURCE.replace("*", "+"), "<generated>", "exec")
    cache.compile(SOURCE, "<other>", "exec")
    cache.compile("1 + 1", "<generated>", "eval")
    assert cache.misses == 4 and cache.hits == 0


def test_future_flags_of_the_caller_are_part_of_the_key(tmp_path: Path) -> None:
    """This module has `from __future__ import annotations`: code compiled for it keeps annotations as text, and
    is not served to a caller without that flag."""
    source = "def f(x: int) -> int:\n    return x\n"
    cache = fresh(tmp_path)
    namespace: dict[str, object] = {}
    exec(cache.compile(source, "<ann>", "exec"), namespace)
    assert namespace["f"].__annotations__ == {"x": "int", "return": "int"}  # type: ignore[attr-defined]
    plain: dict[str, object] = {}
    exec(cache.compile(source, "<ann>", "exec", dont_inherit=True), plain)
    assert plain["f"].__annotations__ == {"x": int, "return": int}  # type: ignore[attr-defined]
    assert cache.misses == 2


def test_exec_of_text_uses_the_callers_globals_like_the_builtin(tmp_path: Path) -> None:
    cache = fresh(tmp_path)
    local: dict[str, object] = {}
    cache.exec("found = SOURCE", None, local)
    assert local["found"] == SOURCE
    target: dict[str, object] = {"base": 2}
    cache.exec("value = base * 21", target)
    assert target["value"] == 42


@pytest.mark.parametrize("damage", ["flip", "truncate", "foreign", "shared"])
def test_a_damaged_foreign_or_shared_file_is_never_used(tmp_path: Path, damage: str) -> None:
    first = fresh(tmp_path)
    first.compile(SOURCE, "<generated>", "exec")
    first.save()
    path = tmp_path / FILE_NAME
    data = path.read_bytes()
    if damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "foreign":  # sealed with another key: written by someone who cannot read ours
        other = tmp_path / "other"
        stranger = CodeCache(path, snapshot_key(other))
        stranger.compile(SOURCE, "<generated>", "exec")
        stranger.save()
    else:
        os.chmod(path, 0o666)
    second = fresh(tmp_path)
    second.compile(SOURCE, "<generated>", "exec")
    assert (second.hits, second.misses) == (0, 1)


def test_install_serves_dataclasses_and_gives_the_builtins_back(tmp_path: Path) -> None:
    import attr._make

    cache = code_cache.install(tmp_path)
    assert cache is not None
    try:
        assert vars(dataclasses)["exec"] == cache.exec
        assert vars(attr._make)["compile"] == cache.compile
        assert vars(typing)["compile"] == cache.compile

        @dataclasses.dataclass(frozen=True, slots=True)
        class Point:
            x: int
            y: int = 2

        assert Point(1) == Point(1, 2) and repr(Point(3)).endswith(".Point(x=3, y=2)")
        assert cache.misses > 0
    finally:
        code_cache.uninstall()
    assert "exec" not in vars(dataclasses) and "compile" not in vars(attr._make) and "compile" not in vars(typing)


def test_string_annotations_evaluate_the_same_through_the_cache(tmp_path: Path) -> None:
    """`typing` compiles each string annotation it evaluates (lsprotocol's converter resolves hundreds on a start):
    through the cache, the second evaluation of the same text is read, and resolves to the same types."""

    class Box:  # its annotations are strings (`from __future__ import annotations`)
        items: list[int | None]
        label: str | None

    cache = code_cache.install(tmp_path)
    assert cache is not None
    try:
        first = typing.get_type_hints(Box)
        hits = cache.hits
        second = typing.get_type_hints(Box)
        assert cache.hits >= hits + 2
    finally:
        code_cache.uninstall()
    assert first == second == {"items": list[int | None], "label": str | None}


def test_a_second_server_start_compiles_no_generated_code(tmp_path: Path) -> None:
    """The language server's start-up with the cache: the first start writes the file (on `shutdown`, or once a
    folder is served), the next reads every piece of generated code the start needs from it."""
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from server import code_cache\n"
        "cache = code_cache.install(Path(sys.argv[1]))\n"
        "import server.daemon, server.app\n"
        "from server.hub import Hub\n"
        "server.app.build_server(Hub(cache_dir=Path(sys.argv[1])))\n"
        "code_cache.save_installed()\n"
        "print(cache.hits, cache.misses)\n"
    )
    root = Path(__file__).resolve().parents[2]
    runs = [subprocess.run([sys.executable, "-c", program, str(tmp_path)], capture_output=True, text=True,
                           cwd=root, check=True).stdout.split() for _ in range(2)]
    first_misses = int(runs[0][1])
    second_hits, second_misses = map(int, runs[1])
    assert first_misses > 500  # lsprotocol's classes alone
    assert second_misses == 0 and second_hits >= first_misses


def test_a_write_keeps_what_this_process_used_or_compiled_and_drops_the_rest(tmp_path: Path) -> None:
    first = fresh(tmp_path)
    first.compile(SOURCE, "<old>", "exec")
    first.compile(SOURCE, "<kept>", "exec")
    first.save()
    second = fresh(tmp_path)
    second.compile(SOURCE, "<kept>", "exec")
    second.compile(SOURCE, "<new>", "exec")
    assert second.save()
    third = fresh(tmp_path)
    for name in ("<kept>", "<new>", "<old>"):
        third.compile(SOURCE, name, "exec")
    assert (third.hits, third.misses) == (2, 1)  # <old> was compiled again


def test_after_release_the_stored_code_is_let_go_and_a_later_write_keeps_the_file_and_adds(tmp_path: Path) -> None:
    first = fresh(tmp_path)
    first.compile(SOURCE, "<start>", "exec")
    first.save()
    second = fresh(tmp_path)
    second.compile(SOURCE, "<start>", "exec")
    second.release()
    assert second.hits == 1 and not second._stored
    second.compile(SOURCE, "<later>", "exec")
    assert second.save()
    third = fresh(tmp_path)
    third.compile(SOURCE, "<start>", "exec")
    third.compile(SOURCE, "<later>", "exec")
    assert (third.hits, third.misses) == (2, 0)
