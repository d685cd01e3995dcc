"""The standard library: Nova sources in this directory, checked into the registry's frozen root layer."""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import TYPE_CHECKING

from registry import Layer

if TYPE_CHECKING:
    from nova.workspace import WorkspaceResult

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


def build_root(*, lint: bool = False, jobs: int = 1) -> tuple[Layer, dict[str, object]]:
    """Check every stdlib module and freeze the result as a root layer; also returns the checked modules.

    The lint is left out unless `lint` asks for it: a root is built for its interfaces, and nobody reads the
    library's lint warnings there (its own test does, with `lint=True`).

    With `jobs` > 1 the modules are checked in import order on that many worker processes forked from this one
    (`nova.parallel`: ready at once, the checker imported), where forking is safe; the layer then holds them in
    the compact form a warm start restores (decoded on first read), which is also what writing its snapshot
    needs. Same modules, diagnostics, schemes and typed elements as one job (a differential test)."""
    from nova.workspace import check_workspace

    scratch = Layer.new_root([])
    sources = stdlib_sources()
    if jobs > 1:
        from nova.parallel import WorkerPool, forking_is_safe

        if forking_is_safe():
            from nova.workspace import check_sources, make_source

            with WorkerPool(jobs, start="fork") as pool:
                result = check_sources([make_source(path, text) for path, text in sources.items()], scratch,
                                       pool=pool, lint=lint, spread=True)
            return _frozen(result)
    return _frozen(check_workspace(sources, scratch, lint=lint))


def _frozen(result: WorkspaceResult) -> tuple[Layer, dict[str, object]]:
    """The checked modules as a root layer (the build's batch is let go), and the checks."""
    entries = [e for e in (result.layer.get(m) for m in result.modules) if e is not None]
    root = Layer.new_root(entries)
    result.layer.discard()
    return root, dict(result.modules)


def load_root(jobs: int = 1) -> Layer:
    """The root layer built from `nova/stdlib/*.nova` on `jobs` processes (see `build_root`; the build time is
    kept in `last_build_seconds`)."""
    global last_build_seconds
    start = time.perf_counter()
    root, _ = build_root(jobs=jobs)
    last_build_seconds = time.perf_counter() - start
    return root
