"""Reading LSP frames (`Content-Length: N\\r\\n\\r\\n` + N bytes of JSON) strictly, with bounds, for every transport.

pygls' own loop skips what it does not understand and waits: a frame with `Content-Length: abc`, no length, two
lengths, LF-only header lines or a length longer than the body leaves the connection silent for ever, and it reads a
header line of any length into memory. Here every malformed frame ends in one of two ways:

- the frame is whole but its body is not a JSON-RPC message (not UTF-8, not JSON): the client gets a JSON-RPC
  error (-32700) and the connection goes on, since the next frame starts where the length said;
- the framing itself is broken (bad, missing or duplicate length, LF-only or over-long header lines, a body bigger
  than the limit, a frame left unfinished for too long): the client gets a -32700 error saying why, the reason is
  logged, and the connection is closed, because nothing after that point can be trusted to start a frame.

A connection whose peer goes quiet between frames is never timed out (an editor may idle for hours); one that stops
in the middle of a frame is, after `stall_timeout` seconds without a byte.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600


@dataclass(frozen=True, slots=True)
class FrameLimits:
    max_header_line: int = 8 * 1024
    max_header_lines: int = 32
    max_body: int = 256 * 1024 * 1024
    """Bytes of one message body. A 10 MB document sent with didOpen is a 10 MB body (more with JSON escapes)."""
    stall_timeout: float = 60.0
    """Seconds a frame may wait for its next byte once it has begun."""


DEFAULT_LIMITS = FrameLimits()
_CHUNK = 1 << 20


class FrameError(Exception):
    """The byte stream no longer follows the framing: the connection must be closed."""


class MessageSink(Protocol):
    """What the loop hands decoded messages and errors to (the server's protocol object)."""

    def receive(self, data: Any) -> None: ...

    def send_error(self, msg_id: Any, code: int, message: str) -> None: ...


class FrameReader:
    """Cuts a byte stream into message bodies. `read(n)` returns at most n bytes, b"" at end of stream."""

    def __init__(self, read: Callable[[int], Awaitable[bytes]], limits: FrameLimits = DEFAULT_LIMITS) -> None:
        self._read = read
        self.limits = limits
        self._buffer = bytearray()
        self._eof = False

    async def _fill(self, in_frame: bool) -> None:
        if self._eof:
            raise EOFError
        pending = self._read(_CHUNK)
        if in_frame:
            try:
                chunk = await asyncio.wait_for(pending, self.limits.stall_timeout)
            except TimeoutError:
                raise FrameError(
                    f"the message was left unfinished: no byte for {self.limits.stall_timeout:g} s"
                ) from None
        else:
            chunk = await pending
        if not chunk:
            self._eof = True
            raise EOFError
        self._buffer += chunk

    async def _header_line(self, first: bool) -> bytes:
        while True:
            end = self._buffer.find(b"\n", 0, self.limits.max_header_line + 1)
            if end >= 0:
                line = bytes(self._buffer[: end + 1])
                del self._buffer[: end + 1]
                return line
            if len(self._buffer) > self.limits.max_header_line:
                raise FrameError(f"a header line is longer than {self.limits.max_header_line} bytes")
            await self._fill(in_frame=not first or bool(self._buffer))

    async def next_body(self) -> bytes | None:
        """The next message body; None when the stream ends cleanly between frames. Raises FrameError."""
        length: int | None = None
        lines = 0
        try:
            while True:
                line = await self._header_line(first=lines == 0)
                lines += 1
                if lines > self.limits.max_header_lines:
                    raise FrameError(f"more than {self.limits.max_header_lines} header lines")
                if not line.endswith(b"\r\n"):
                    raise FrameError("a header line ends with LF alone (the protocol requires CRLF)")
                content = line[:-2]
                if not content:
                    break
                name, colon, value = content.partition(b":")
                if not colon or not name.strip():
                    raise FrameError(f"malformed header line {_show(content)}")
                if name.strip().lower() != b"content-length":
                    continue  # Content-Type and unknown headers carry nothing we need
                if length is not None:
                    raise FrameError("Content-Length is given twice")
                digits = value.strip()
                if not digits or not digits.isdigit() or len(digits) > 12:
                    raise FrameError(f"Content-Length {_show(digits)} is not a byte count")
                length = int(digits)
                if length > self.limits.max_body:
                    raise FrameError(f"a message of {length} bytes exceeds the limit of {self.limits.max_body}")
            if length is None:
                raise FrameError("a message has no Content-Length header")
            while len(self._buffer) < length:
                await self._fill(in_frame=True)
        except EOFError:
            if lines == 0 and not self._buffer:
                return None
            raise FrameError("the stream ended in the middle of a message") from None
        body = bytes(self._buffer[:length])
        del self._buffer[:length]
        return body


def _show(raw: bytes) -> str:
    text = raw[:60].decode("utf-8", "replace")
    return repr(text + ("…" if len(raw) > 60 else ""))


MAX_JSON_DEPTH = 256
"""LSP messages nest a dozen levels; the JSON decoder recurses in C once per level, and this process raises the
interpreter's recursion limit for the checker and the evaluator, so `[[[[…` a hundred thousand deep would
overflow the C stack (a crash, not an exception) if it reached the decoder."""
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count)."""
    if body.count(b"[") + body.count(b"{") <= MAX_JSON_DEPTH:
        return MAX_JSON_DEPTH  # cannot be deeper than the limit: no need to look
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub(b"", body)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def decode_body(body: bytes) -> Any:
    """The JSON value of a body; ValueError (with a message for the client) when it is not UTF-8 JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"the message is not valid UTF-8 ({error.reason} at byte {error.start})") from None
    if json_depth(body) > MAX_JSON_DEPTH:
        raise ValueError(f"the message nests too deeply (more than {MAX_JSON_DEPTH} levels)")
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("the message nests too deeply") from None
    except ValueError as error:
        raise ValueError(f"the message is not valid JSON ({error})") from None


async def serve_frames(reader: FrameReader, sink: MessageSink, stop: threading.Event | None, peer: str) -> str:
    """Read and dispatch messages until the stream ends, `stop` is set, or the framing breaks. Returns why it
    stopped (for the log)."""
    while stop is None or not stop.is_set():
        try:
            body = await reader.next_body()
        except FrameError as error:
            log.warning("%s: closing the connection: %s", peer, error)
            sink.send_error(None, PARSE_ERROR, f"Parse error: {error}; closing the connection")
            return f"malformed frame: {error}"
        if body is None:
            return "end of stream"
        try:
            data = decode_body(body)
        except ValueError as error:
            log.warning("%s: %s", peer, error)
            sink.send_error(None, PARSE_ERROR, f"Parse error: {error}")
            continue
        try:
            sink.receive(data)
        except Exception:
            log.exception("%s: handling a message failed", peer)
    return "stopped"


def stream_read(stream: asyncio.StreamReader) -> Callable[[int], Awaitable[bytes]]:
    return stream.read


def threaded_read(raw: Any) -> Callable[[int], Awaitable[bytes]]:
    """For a stdin the event loop cannot watch (a regular file): each read runs on a thread."""
    reader = getattr(raw, "read1", None) or raw.read

    def read(size: int) -> Awaitable[bytes]:
        return asyncio.get_running_loop().run_in_executor(None, reader, size)

    return read
