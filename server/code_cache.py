"""A disk cache of the code that attrs, cattrs and dataclasses generate, so that a start compiles none of it.

lsprotocol defines its ~550 message classes with attrs, which writes each class's methods (`__init__`, `__eq__`,
`__repr__`, …) as source text and compiles it on every import; `dataclasses` does the same for the server's and the
checker's data classes, cattrs for the (un)structure function of each message type it meets, and `typing` for each
annotation written as a string that it evaluates (lsprotocol's converter resolves some 400 of them on every start).
Compiling that text is about half of the server's import time, the largest part of a warm start's wall clock.

Compiling is a pure function of the source, the file name, the mode and the compiler flags, so its result can be
kept: `install` shadows the name `compile` (or `exec`) in those libraries' modules with a function of the same
behaviour that first looks the code up here. The code is kept marshalled in one file of the warm-start cache
folder, written by `save` once the server has started, readable only when it is this user's private file and its
HMAC (with the user's snapshot key, `registry.private_files`) checks out: a file anyone else could have written is
never executed. A missing, foreign, corrupt or other Python version's file only means compiling, as without it.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import hashlib
import hmac
import importlib.util
import logging
import marshal
import sys
import threading
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

log = logging.getLogger(__name__)

FILE_NAME = "generated-code.bin"
FORMAT = b"nova-code-1"
MAX_BYTES = 64 << 20
MAX_ENTRIES = 20_000
"""A bound on what one file keeps (the server generates about 1,500 pieces of code)."""
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
_HEADER = FORMAT + importlib.util.MAGIC_NUMBER
"""The marshal format of code objects changes with the interpreter's bytecode: its magic number is part of it."""


class CodeCache:
    """Compiled code by a digest of what compiling it took; `compile`/`exec` behave as the built-ins."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self._key = key
        self._stored = self._read()
        self._added: dict[bytes, bytes] = {}
        self._used: set[bytes] = set()
        self._released = False
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def compile(self, source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
                optimize: int = -1) -> Any:
        if not dont_inherit:
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        return self._code(source, filename, mode, flags, optimize)

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
        caller = sys._getframe(1)
        if isinstance(source, str):
            source = self._code(source, "<string>", "exec", caller.f_code.co_flags & _FUTURE_FLAGS, -1)
        if globals is None:
            globals = caller.f_globals
            if locals is None:
                locals = caller.f_locals
        builtins.exec(source, globals, locals)

    def _code(self, source: Any, filename: Any, mode: str, flags: int, optimize: int) -> Any:
        """Compile, or take the code compiled from the same text before (flags beyond the `__future__` ones,
        such as `ast.PyCF_ONLY_AST`, and non-text sources are passed on untouched)."""
        if type(source) is not str or type(filename) is not str or optimize != -1 or flags & ~_FUTURE_FLAGS:
            return builtins.compile(source, filename, mode, flags, True, optimize)
        digest = hashlib.blake2b(
            f"{mode}\0{flags}\0{filename}\0{source}".encode("utf-8", "surrogatepass"), digest_size=20).digest()
        blob = self._stored.get(digest) or self._added.get(digest)
        if blob is not None:
            with contextlib.suppress(Exception):
                code = marshal.loads(blob)
                if type(code) is CodeType:
                    self.hits += 1
                    self._used.add(digest)
                    return code
        code = builtins.compile(source, filename, mode, flags, True)
        self.misses += 1
        with self._lock:
            if len(self._stored) + len(self._added) < MAX_ENTRIES:
                self._added[digest] = marshal.dumps(code)
        return code

    def _read(self) -> dict[bytes, bytes]:
        from registry import SnapshotError
        from registry.private_files import read_private

        try:
            data = read_private(self.path, MAX_BYTES, "code cache")
        except SnapshotError:
            return {}
        size = len(_HEADER) + 32
        body = data[size:]
        if data[:len(_HEADER)] != _HEADER or not hmac.compare_digest(data[len(_HEADER):size], self._seal(body)):
            return {}
        try:
            table = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            return {}
        if type(table) is not dict or not all(type(k) is bytes and type(v) is bytes for k, v in table.items()):
            return {}
        return table

    def _seal(self, body: bytes) -> bytes:
        return hmac.new(self._key, body, hashlib.sha256).digest()

    def save(self) -> bool:
        """Write the file if anything was compiled since it was read (True if it was written): the code compiled
        and the code read in this process, so that what no start uses any more (another version's) goes."""
        from registry import SnapshotError
        from registry.private_files import atomic_write

        with self._lock:
            log.info("generated code: %d pieces read from %s, %d compiled", self.hits, self.path, self.misses)
            if not self._added:
                return False
            if self._released:
                table = self._read()
            else:
                table = {digest: self._stored[digest] for digest in self._used if digest in self._stored}
            table.update(self._added)
            body = marshal.dumps(table)
            try:
                atomic_write(self.path, _HEADER + self._seal(body) + body)
            except SnapshotError as error:
                log.warning("cannot write the code cache: %s", error)
                return False
            self._stored = {} if self._released else table
            self._added = {}
            return True

    def release(self) -> None:
        """Forget the stored code once the start is over: a couple of MB the process would keep for the rare piece
        it generates later (compiled then, and added to the file by a later `save`)."""
        with self._lock:
            self._stored = {}
            self._used = set()
            self._released = True


_installed: CodeCache | None = None


def _generating_modules() -> list[tuple[ModuleType, str]]:
    """The modules that generate code at run time, and the built-in each compiles it with."""
    import dataclasses
    import typing

    found: list[tuple[ModuleType, str]] = [(dataclasses, "exec"), (typing, "compile")]
    for name, builtin in (("attr._make", "compile"), ("cattrs.gen", "compile"), ("cattrs.gen.typeddicts", "compile")):
        with contextlib.suppress(ImportError):
            found.append((importlib.import_module(name), builtin))
    return found


def install(folder: Path) -> CodeCache | None:
    """Serve the generated code of this process from `folder`'s cache file (None when the folder's key cannot be
    made: nothing is shadowed then). Already serving it (a server the fork server forked), nothing is read again."""
    global _installed
    if _installed is not None and _installed.path == folder / FILE_NAME:
        return _installed
    from registry import SnapshotError
    from registry.private_files import snapshot_key

    try:
        cache = CodeCache(folder / FILE_NAME, snapshot_key(folder))
    except SnapshotError as error:
        log.warning("code cache unavailable (%s)", error)
        return None
    for module, builtin in _generating_modules():
        setattr(module, builtin, getattr(cache, builtin))
    _installed = cache
    return cache


def uninstall() -> None:
    """Give the modules `install` shadowed their built-ins back."""
    global _installed
    for module, builtin in _generating_modules():
        if _installed is not None and getattr(vars(module).get(builtin), "__self__", None) is _installed:
            delattr(module, builtin)
    _installed = None


def save_installed(release: bool = False) -> None:
    """`save` of the installed cache, if any (called once the server has started, then with `release`, and at its
    end)."""
    cache = _installed
    if cache is not None:
        cache.save()
        if release:
            cache.release()
