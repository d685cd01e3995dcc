"""The standard library: Nova sources in this directory, checked into the registry's frozen root layer."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from registry import Layer

STDLIB_DIR = Path(__file__).resolve().parent

last_build_seconds: float | None = None


def stdlib_sources() -> dict[str, str]:
    return {str(p): p.read_text(encoding="utf-8") for p in sorted(STDLIB_DIR.glob("*.nova"))}


@functools.cache
def module_files() -> dict[str, Path]:
    """Module name → the stdlib file declaring it (read from each file's header)."""
    from nova.syntax.header import parse_header

    found: dict[str, Path] = {}
    for path in sorted(STDLIB_DIR.glob("*.nova")):
        name = parse_header(path.read_text(encoding="utf-8")).name
        if name is not None:
            found.setdefault(name, path)
    return found


def module_source_text(module: str) -> str | None:
    """The source of a stdlib module, None when there is no such module."""
    path = module_files().get(module)
    return path.read_text(encoding="utf-8") if path is not None else None


def build_root(*, lint: bool = False) -> tuple[Layer, dict[str, object]]:
    """Check every stdlib module and freeze the result as a root layer; also returns the checked modules.

    The lint is left out unless `lint` asks for it: a root is built for its interfaces, and nobody reads the
    library's lint warnings there (its own test does, with `lint=True`)."""
    from nova.workspace import check_workspace

    scratch = Layer.new_root([])
    result = check_workspace(stdlib_sources(), scratch, lint=lint)
    entries = [e for e in (result.layer.get(m) for m in result.modules) if e is not None]
    root = Layer.new_root(entries)
    result.layer.discard()
    return root, dict(result.modules)


def load_root() -> Layer:
    """The root layer built from `nova/stdlib/*.nova` (the build time is kept in `last_build_seconds`)."""
    global last_build_seconds
    start = time.perf_counter()
    root, _ = build_root()
    last_build_seconds = time.perf_counter() - start
    return root
