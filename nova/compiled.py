"""Which code of the checker runs: the C extensions mypyc built from its hot modules, or their Python sources.

`setup.py` compiles the modules `compiled_modules` lists (parsing, types, checking) when it can, and then records the
hash of each compiled source in `MANIFEST`. Importing `nova` calls `select`, which keeps the extensions only while
that record matches the sources: an edited, checked-out or merged source in an editable install would otherwise run
its old compiled code. Compiled modules call each other directly in C, so it is all of them or none: with
`NOVA_PURE_PYTHON` set, without a record, or with any compiled source changed since the build, an import hook makes
every listed module load from its `.py` file. Both run the same code and give the same results.

This module imports nothing of the project: `setup.py` loads it on its own, before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

GROUP = "nova_native"
"""Name of the shared library holding the compiled modules (`nova_native__mypyc.*.so`, beside the `nova` folder)."""

MANIFEST = "nova/compiled_sources.json"
"""Written by a successful build, relative to the folder holding `nova/`: the compiled sources' SHA-256, sizes and
file identities (modification time, inode), and when the record was made."""

RACY_NS = 2_000_000_000
"""A source modified less than this before the record was made is always hashed: a later edit within the same tick
of a coarse file-system clock could leave its size and modification time as recorded."""

PURE_ENV = "NOVA_PURE_PYTHON"
"""Set (to anything but empty) at build time: nothing is compiled; at run time: the Python sources run."""

_PACKAGES = ("nova/syntax", "nova/types", "nova/check")
_MODULES = ("nova/keys.py", "nova/diagnostics.py")
_KEPT_PYTHON = frozenset({
    "nova/check/typed.py", "nova/check/env.py", "nova/types/types.py", "nova/syntax/header.py", "nova/check/display.py",
})
"""Modules of those packages that stay Python. `typed`, `env` and `types` define the classes of the values a warm start
decodes lazily (`nova.compact` subclasses them in Python and intercepts attribute reads, which compiled code does
not go through; `types` holds `Scheme` alone and re-exports the type terms, compiled in `nova.types.terms`); `header`
subclasses the parser in Python; functions of `header` and `display` are replaced at run time (the header reader's
lexer, the display of types), which a compiled caller would not see."""

ROOT = Path(__file__).resolve().parents[1]


def compiled_modules(root: Path = ROOT) -> list[str]:
    """Dotted names of the modules the build compiles, from the sources under `root`."""
    files = [path for package in _PACKAGES for path in (root / package).glob("*.py") if path.name != "__init__.py"]
    files += [root / name for name in _MODULES]
    relative = (path.relative_to(root) for path in files)
    return sorted(".".join(path.with_suffix("").parts) for path in relative if path.as_posix() not in _KEPT_PYTHON)


def source_record(root: Path = ROOT) -> dict[str, object]:
    """What `MANIFEST` holds: the Python version compiled for, when the record was made, and each compiled module's
    source hash, size, modification time and inode."""
    modules: dict[str, object] = {}
    recorded = time.time_ns()
    for name in compiled_modules(root):
        path = _source(root, name)
        info = path.stat()
        data = path.read_bytes()
        modules[name] = {"sha256": _digest(data), "size": len(data), "mtime_ns": info.st_mtime_ns,
                         "inode": info.st_ino}
    return {"python": sys.implementation.cache_tag, "recorded_ns": recorded, "modules": modules}


def stale_reason(root: Path = ROOT) -> str | None:
    """Why the compiled modules under `root` must not run (None: they may): no record of a build, a record for
    another Python, or a compiled source added, removed or changed since the build."""
    try:
        record = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "not compiled"
    except (OSError, ValueError) as error:
        return f"unreadable {MANIFEST}: {error}"
    if not isinstance(record, dict) or record.get("python") != sys.implementation.cache_tag:
        return f"compiled for another Python than {sys.implementation.cache_tag}"
    built = record.get("modules")
    names = compiled_modules(root)
    if not isinstance(built, dict) or sorted(built) != names:
        return "the set of compiled modules changed since the build"
    recorded = record.get("recorded_ns")
    for name in names:
        entry = built[name]
        path = _source(root, name)
        try:
            info = path.stat()
        except OSError:
            return f"{name}: source unreadable"
        if not isinstance(entry, dict) or entry.get("size") != info.st_size:
            return f"{name} changed since the build"
        if _untouched(entry, info, recorded):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            return f"{name}: source unreadable"
        if entry.get("size") != len(data) or entry.get("sha256") != _digest(data):
            return f"{name} changed since the build"
    return None


def _untouched(entry: dict[str, object], info: os.stat_result, recorded: object) -> bool:
    """Whether a source is the very file the build hashed, by its identity alone (every import checks the record:
    hashing each source is most of that check's cost): the same inode, size and modification time, a time well
    before the record was made (an edit after it gets a later time). Anything else is hashed."""
    mtime = entry.get("mtime_ns")
    return (type(recorded) is int and type(mtime) is int and mtime == info.st_mtime_ns
            and entry.get("inode") == info.st_ino and mtime < recorded - RACY_NS)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Sources:
    """Finds the listed modules as their `.py` files, ahead of the extension modules beside them."""

    def __init__(self, root: Path, names: Sequence[str]) -> None:
        self.root = root
        self.names = frozenset(names)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, _source(self.root, fullname))


MODE = "pure"
"""`"compiled"` or `"pure"`: what `select` chose for this process."""

REASON = "not selected yet"
"""Why the Python sources run (empty when compiled)."""


def select(root: Path = ROOT) -> str:
    """Choose, once per process and before any compiled module is imported, between the extensions and the sources
    (see the module's docstring); returns and records the choice in `MODE` (and why in `REASON`)."""
    global MODE, REASON
    if any(isinstance(finder, _Sources) for finder in sys.meta_path):
        return MODE
    reason = f"{PURE_ENV} is set" if os.environ.get(PURE_ENV) else stale_reason(root)
    if reason is None:
        MODE, REASON = "compiled", ""
        return MODE
    loaded = [name for name in compiled_modules(root) if _is_extension(sys.modules.get(name))]
    if loaded:  # too late to switch: what is imported stays (cannot happen through `import nova`)
        MODE, REASON = "compiled", ""
        return MODE
    sys.meta_path.insert(0, _Sources(root, compiled_modules(root)))
    MODE, REASON = "pure", reason
    return MODE


def _is_extension(module: ModuleType | None) -> bool:
    origin = getattr(module, "__file__", None) or ""
    return origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def _source(root: Path, name: str) -> Path:
    return root.joinpath(*name.split(".")).with_suffix(".py")
