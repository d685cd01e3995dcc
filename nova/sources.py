"""Reading Nova source files: the one way every tool (`nova parse`, `nova check`, `nova eval`, the server) turns a
file on disk into text, so they all see the same text and report the same problems.

- Only regular files are read. The file is opened without blocking (a FIFO at the path would otherwise hang the
  opener until someone writes to it) and checked on the open descriptor (no swap between a check and the open).
- At most `max_bytes` are read: a larger file (or `/dev/zero` behind a symlink, which is not regular anyway) is
  refused instead of read until memory runs out.
- A UTF-8 byte order mark is dropped; a carriage return not followed by a line feed ends a line (old Mac files), as
  in the LSP's own position rules; CRLF stays as it is (the lexer treats the CR as trailing white space).
- Bytes that are not UTF-8 are replaced (U+FFFD) and reported once, with the position of the first bad byte, as an
  `InvalidEncoding` error: the rest of the file is still parsed and checked.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from nova.diagnostics import Diagnostic, Severity, Span

MAX_SOURCE_BYTES = 8 * 1024 * 1024
"""What the command-line tools read of one file by default (the server has its own, lower, `--max-file-size`)."""

BOM = "\ufeff"
_LONE_CR = re.compile(r"\r(?!\n)")


class SourceError(Exception):
    """The file cannot be read as a source: missing, unreadable, not a regular file, or too large."""


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems of the file itself (its encoding), reported along with the parser's and checker's."""


def normalize_text(text: str) -> str:
    """The text the language passes see: no byte order mark, a lone CR turned into a line feed."""
    if text.startswith(BOM):
        text = text[1:]
    return normalize_line_ends(text)


def normalize_line_ends(text: str) -> str:
    """A lone CR turned into a line feed (same length: positions do not move), as the LSP counts lines."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def decode_source(data: bytes) -> SourceText:
    """Bytes of a file → the normalized text and the encoding problem, if any."""
    try:
        return SourceText(normalize_text(data.decode("utf-8")))
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", errors="replace")
        text = normalize_text(data.decode("utf-8", errors="replace"))
        prefix = normalize_text(good)
        line = prefix.count("\n")
        col = len(prefix) - (prefix.rfind("\n") + 1)
        message = f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); " \
                  "the bad bytes are read as U+FFFD"
        diagnostic = Diagnostic(Span(line, col, line, col + 1), Severity.ERROR, "InvalidEncoding", message)
        return SourceText(text, (diagnostic,))


def read_bytes(path: str | Path, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file, refusing anything else (see the module's docstring). Raises SourceError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as error:
        raise SourceError(f"cannot open it: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError("not a regular file")
        if info.st_size > max_bytes:
            raise SourceError(f"too large ({_size(info.st_size)}; the limit is {_size(max_bytes)})")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            except BlockingIOError:  # a regular file never blocks; kept for odd file systems
                continue
            except OSError as error:
                if error.errno == errno.EINTR:
                    continue
                raise SourceError(f"cannot read it: {error.strerror or error}") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew while being read
                raise SourceError(f"too large (more than {_size(max_bytes)})")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_source(path: str | Path, max_bytes: int = MAX_SOURCE_BYTES) -> SourceText:
    """A source file's normalized text and encoding diagnostics. Raises SourceError when it cannot be read."""
    return decode_source(read_bytes(path, max_bytes))


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"
