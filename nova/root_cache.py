"""The checked standard library kept on disk between runs of the command-line tools (`nova check`, `nova eval`).

Building the root layer checks every stdlib module: seconds on every run. Restoring its snapshot takes a tenth of
that, because the restored values are decoded on first read (`nova.compact`). The file is named after a
fingerprint of the stdlib's sources and of the code that checks and encodes them, so a changed library or checker
never reads another version's file.

What makes the file safe to trust and to share between processes is the registry's snapshot format: the file is
sealed with this user's private key (`registry.private_files`), written aside and renamed into place (a reader sees
a whole file or none, and concurrent writers each rename a whole file), and read all-or-nothing. A file that fails
any check (truncated, foreign, forged, a FIFO or a device) is removed and the root is built again; so is one whose
values later fail to decode.

The package ships its root too: building the package (`setup.py`) runs `write_packaged`, which checks the library
once and writes `nova/stdlib/root-<fingerprint>.snapshot` beside the sources, so that no user pays for the check.
That file lives with the code and is trusted as the code is: no seal of a user's key (the package is built before
any user has one), but it must be a regular file of this user, of the superuser or of the code's owner that no one
else may write, and its name is a fingerprint of the *contents* of the library's sources and of the checker's code
(an installed package does not keep the files' times): a file built for other sources, e.g. of an editable
install whose sources were edited since, is not found, and one that is damaged fails its checksum. On a version's
first run it is copied into the user's cache sealed with the user's key (`adopt_packaged`; the copy is restored
and shared with worker processes like any cached root). The order is: the user's cache, the packaged root, a
build. When the cache folder cannot be used at all, the packaged root is read where it lies, else the root is
built.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

CACHE_PREFIX = "stdlib-"
KEPT_VERSIONS = 4
"""Snapshots of other versions kept beside the current one (several installs may share a cache folder)."""
STALE_TEMP_SECONDS = 3600.0
"""A writer's temporary file older than this belongs to a process that died while writing: it is removed."""
PACKAGED_PREFIX = "root-"
PACKAGED_SUFFIX = ".snapshot"
PACKAGED_MODE = 0o644
"""The packaged root is readable by every user of the package, writable by its owner only (whatever the umask)."""
CODE_ROOT = Path(__file__).resolve().parents[1]
"""The folder holding the `nova` and `registry` packages this process runs."""


def default_cache_dir() -> Path:
    """The folder the server keeps its warm-start cache in (`$XDG_CACHE_HOME/nova-lsp`); the tools share it."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nova-lsp"


@functools.cache
def fingerprint() -> str:
    """Identifies the stdlib's sources (by content) and the code that checks and encodes them (by each file's
    name, size and modification time, as an installed package keeps them)."""
    digest = _stdlib_digest(CODE_ROOT)
    for path in _code_files(CODE_ROOT):
        info = path.stat()
        digest.update(f"{path.relative_to(CODE_ROOT)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


@functools.cache
def packaged_fingerprint(code_root: Path = CODE_ROOT) -> str:
    """Identifies the stdlib's sources and the code that checks and encodes them under `code_root`, both by
    content: the same for the source tree a package is built from and for every install of that package."""
    digest = _stdlib_digest(code_root)
    for path in _code_files(code_root):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(code_root).as_posix()}:{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()[:20]


def _stdlib_digest(code_root: Path) -> hashlib._Hash:
    """A SHA-256 fed with the Python version and the stdlib's sources under `code_root`."""
    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for path in sorted((code_root / "nova" / "stdlib").glob("*.nova")):
        data = path.read_bytes()
        digest.update(f"{path.name}:{len(data)}\n".encode())
        digest.update(data)
    return digest


def _code_files(code_root: Path) -> list[Path]:
    return [path for package in ("nova", "registry") for path in sorted((code_root / package).rglob("*.py"))]


def snapshot_path(cache_dir: Path | None = None) -> Path:
    """Where this version's snapshot of the root is kept (whether or not it exists yet)."""
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    return folder / f"{CACHE_PREFIX}{fingerprint()}.cbor"


Origin = Literal["cache", "package", "build"]


@dataclass(frozen=True, slots=True)
class CachedRoot:
    """The root layer and where its snapshot lives (`path`, sealed with `key`; None when nothing could be cached):
    worker processes of a parallel check restore the same file instead of a fresh dump."""

    layer: Any
    path: Path | None
    key: bytes | None
    origin: Origin
    """Where the layer came from: this user's cache, the package's root (copied into the cache when it could
    be), or a build on this run."""

    @property
    def restored(self) -> bool:
        """Whether the layer was read from a snapshot (False: it was built on this run)."""
        return self.origin != "build"


def cached_root(cache_dir: Path | None = None, jobs: int = 1, packaged: bool = True) -> CachedRoot:
    """The stdlib's root layer: restored from `cache_dir`'s snapshot of this version when a valid one is there,
    else from the package's root (unless `packaged` is False) copied there, else built (on `jobs` processes, see
    `nova.stdlib.build_root`) and saved there for the next run. Never fails for the cache's sake: a cache folder
    that cannot be read or written means the packaged root read where it lies, or a build, as without a cache."""
    from nova.stdlib import load_root
    from registry import SnapshotError
    from registry.private_files import snapshot_key

    folder = cache_dir if cache_dir is not None else default_cache_dir()
    try:
        key = snapshot_key(folder)
    except (SnapshotError, OSError):
        shipped = restore_packaged() if packaged else None
        if shipped is not None:
            return CachedRoot(shipped, None, None, "package")
        return CachedRoot(load_root(jobs), None, None, "build")
    from nova.compact import lazy_converter

    converter = lazy_converter()
    path = snapshot_path(folder)
    if os.path.lexists(path):
        restored = _restore(path, converter, key)
        if restored is not None:
            return CachedRoot(restored, path, key, "cache")
    if packaged and adopt_packaged(path, key):
        restored = _restore(path, converter, key)
        if restored is not None:
            _prune(folder, path)
            return CachedRoot(restored, path, key, "package")
    layer = load_root(jobs)
    try:
        from registry import dump

        dump(layer, path, converter, key=key)
    except (SnapshotError, OSError):
        return CachedRoot(layer, None, None, "build")
    _prune(folder, path)
    return CachedRoot(layer, path, key, "build")


def packaged_path(code_root: Path = CODE_ROOT) -> Path:
    """Where the package's root of this version is (whether or not it was built)."""
    name = f"{PACKAGED_PREFIX}{packaged_fingerprint(code_root)}{PACKAGED_SUFFIX}"
    return code_root / "nova" / "stdlib" / name


def packaged_owners() -> frozenset[int]:
    """Who may own the packaged root: this user, the superuser, and whoever owns the code beside it (who could
    change that code anyway)."""
    owners = {os.geteuid(), 0}
    with contextlib.suppress(OSError):
        owners.add((CODE_ROOT / "nova" / "__init__.py").stat().st_uid)
    return frozenset(owners)


def adopt_packaged(target: Path, key: bytes | None) -> bool:
    """Copy the package's root into the user's cache at `target`, sealed with `key`; False when the package has
    no valid root of this version (none was built, the sources changed since, or the file is damaged, foreign or
    writable by others: logged)."""
    from registry import SnapshotError, reseal

    source = packaged_path()
    if not os.path.lexists(source):
        return False
    try:
        reseal(source, target, key, owners=packaged_owners())
    except SnapshotError as error:
        log.warning("ignoring the packaged standard library (%s); checking it instead", error)
        return False
    log.info("standard library copied from the package (%s)", source)
    return True


def restore_packaged() -> Any:
    """The package's root read where it lies (when no cache folder can be used), or None."""
    from nova.compact import lazy_converter
    from registry import SnapshotError, restore

    source = packaged_path()
    if not os.path.lexists(source):
        return None
    try:
        return restore(source, lazy_converter(), owners=packaged_owners())
    except SnapshotError as error:
        log.warning("ignoring the packaged standard library (%s); checking it instead", error)
        return None


def write_packaged(target: Path | None = None, jobs: int | None = None) -> Path:
    """Check the standard library and write its root into the package (`packaged_path()` unless `target`), as
    building the package does; other versions' packaged roots beside it are removed. Raises on any failure."""
    from nova.compact import lazy_converter
    from nova.parallel import default_jobs
    from nova.stdlib import load_root
    from registry import dump

    path = target if target is not None else packaged_path()
    layer = load_root(jobs if jobs is not None else default_jobs())
    dump(layer, path, lazy_converter())
    os.chmod(path, PACKAGED_MODE)
    for other in path.parent.glob(f"{PACKAGED_PREFIX}*{PACKAGED_SUFFIX}"):
        if other != path:
            _remove(other)
    return path


def _restore(path: Path, converter: Any, key: bytes) -> Any:
    """The layer in `path`, or None after removing a file that is not a valid snapshot of ours."""
    from nova.compact import on_corrupt
    from registry import SnapshotError, restore

    try:
        layer = restore(path, converter, key=key)
    except SnapshotError:
        _remove(path)
        return None
    # Sealed with our key yet holding a value that does not decode (a writer's bug, a disk error the checksum
    # missed): the read reports it, and the file goes so that the next run builds the root again.
    on_corrupt(lambda _error: _remove(path))
    return layer


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _prune(folder: Path, current: Path) -> None:
    """Remove the snapshots of all but the `KEPT_VERSIONS` newest other versions, and temporary files that a
    writer which died left behind."""
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    others: list[tuple[float, Path]] = []
    for entry in entries:
        name = entry.name
        try:
            modified = entry.lstat().st_mtime
        except OSError:
            continue
        if name.startswith(f".{CACHE_PREFIX}") and name.endswith(".tmp"):
            if now - modified > STALE_TEMP_SECONDS:
                _remove(entry)
        elif name.startswith(CACHE_PREFIX) and name.endswith(".cbor") and entry != current:
            others.append((modified, entry))
    for _modified, entry in sorted(others, reverse=True)[KEPT_VERSIONS:]:
        _remove(entry)
