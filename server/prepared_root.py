"""The standard library's root restored ahead by the fork server (`server.fork_server`), for the server it forks.

A server's warm start restores the root from the cache file (`stdlib-….cbor`) before its folder: a good part of
what is left of a forked server's start once the imports are done. The fork server restores it once, from the
cache folder its children use by default; the first hub of a forked server whose cache file is that one, with the
same key and unchanged since (inode, size, modification time), takes the layer instead of restoring it again.
The pages of the layer stay shared with the fork server until a server writes to them."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PreparedRoot:
    path: Path
    key: bytes
    stamp: tuple[int, int, int]
    layer: Any


_prepared: list[PreparedRoot] = []


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def prepare(cache_dir: Path) -> bool:
    """Restore the root of `cache_dir`'s cache file ahead (True when done). Only a cached root: without the file
    nothing is built or copied from the package here (the first server that needs it does, as always)."""
    from server import snapshot_codec
    from server.hub import Hub

    hub = Hub(cache_dir=cache_dir)
    path = hub.root_path()
    stamp = file_stamp(path) if path is not None else None
    if path is None or stamp is None or hub.cache_key is None:
        return False
    try:
        layer = hub.root
    finally:
        snapshot_codec.on_corrupt(None)  # the hub made here is gone; the forked server's own hub registers its own
    if file_stamp(path) != stamp:
        return False
    _prepared[:] = [PreparedRoot(path, hub.cache_key, stamp, layer)]
    return True


def take(path: Path, key: bytes | None) -> Any:
    """The root restored ahead from `path` with `key`, if the file has not changed since (once); else None."""
    for prepared in _prepared:
        if prepared.path == path and prepared.key == key and file_stamp(path) == prepared.stamp:
            _prepared.clear()
            return prepared.layer
    return None
