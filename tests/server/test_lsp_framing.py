"""Framing: every malformed frame gets a JSON-RPC error where one can be sent, else the connection is closed with
a logged reason; never a silent hang, and other connections are never affected."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import REPO, SERVER, start_daemon, stop_daemon
from raw_client import INITIALIZE, RawClient, frame, request

from server.framing import FrameError, FrameLimits, FrameReader, decode_body


def chunks_reader(*chunks: bytes) -> Callable[[int], Awaitable[bytes]]:
    """A byte source handing out the given chunks (then end of stream), whatever size is asked."""
    pending = list(chunks)

    async def read(size: int) -> bytes:
        return pending.pop(0) if pending else b""

    return read


async def bodies(data: bytes, limits: FrameLimits | None = None, split: int = 0) -> list[bytes | str]:
    """Every body the reader cuts from `data` (delivered in pieces of `split` bytes), then the error if any."""
    chunks = [data[i:i + split] for i in range(0, len(data), split)] if split else [data]
    reader = FrameReader(chunks_reader(*chunks), limits or FrameLimits())
    found: list[bytes | str] = []
    try:
        while (body := await reader.next_body()) is not None:
            found.append(body)
    except FrameError as error:
        found.append(f"error: {error}")
    return found


@pytest.mark.parametrize("split", [0, 1, 7])
def test_well_formed_frames_are_cut_exactly_in_any_chunking(split: int) -> None:
    data = (b"Content-Length: 2\r\n\r\n{}" + b"content-length:3\r\nContent-Type: application/vscode-jsonrpc; "
            b"charset=utf-8\r\n\r\n[1]" + b"Content-Length: 0\r\n\r\n")
    assert asyncio.run(bodies(data, split=split)) == [b"{}", b"[1]", b""]


@pytest.mark.parametrize(("data", "reason"), [
    (b"Content-Length: abc\r\n\r\n{}", "is not a byte count"),
    (b"Content-Length: -2\r\n\r\n{}", "is not a byte count"),
    (b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", "given twice"),
    (b"Content-Type: text/json\r\n\r\n{}", "no Content-Length"),
    (b"\r\n{}", "no Content-Length"),
    (b"Content-Length: 2\n\n{}", "LF alone"),
    (b"Content-Length 2\r\n\r\n{}", "malformed header line"),
    (b"Content-Length: 99999999999\r\n\r\n{}", "exceeds the limit"),
    (b"X-Padding: " + b"x" * 20_000 + b"\r\n", "longer than"),
    (b"Content-Length: 10\r\n\r\n{}", "ended in the middle"),
    (b"Content-Length: 2\r\n", "ended in the middle"),
    (b"".join(b"X-%d: y\r\n" % i for i in range(40)), "more than 32 header lines"),
])
def test_broken_framing_is_an_error_with_a_reason(data: bytes, reason: str) -> None:
    found = asyncio.run(bodies(data, FrameLimits(max_body=1 << 20)))
    assert isinstance(found[-1], str) and reason in found[-1], found


def test_a_frame_left_unfinished_times_out_but_an_idle_connection_does_not() -> None:
    async def scenario() -> tuple[str, str]:
        release = asyncio.Event()

        async def idle_then_half(size: int, state: list[int] = [0]) -> bytes:  # noqa: B006
            state[0] += 1
            if state[0] == 1:
                await asyncio.sleep(0.5)  # idle between frames: longer than the stall timeout, and fine
                return b"Content-Length: 2\r\n\r\n{}Content-Length: 5\r\n\r\n{"
            await release.wait()  # the rest never comes
            return b""

        reader = FrameReader(idle_then_half, FrameLimits(stall_timeout=0.2))
        first = await reader.next_body()
        try:
            await reader.next_body()
        except FrameError as error:
            return repr(first), str(error)
        return repr(first), "no error"

    first, error = asyncio.run(scenario())
    assert first == "b'{}'"
    assert "unfinished" in error


@pytest.mark.parametrize(("body", "reason"), [
    (b"{garbage}", "not valid JSON"),
    (b"\xff\xfe{}", "not valid UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
    (b"1" * 5000, "not valid JSON"),
])
def test_bodies_that_are_not_json_are_reported(body: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_body(body)


# ---- against the real server ----------------------------------------------------------------------------------


@pytest_asyncio.fixture
async def socket_path(tmp_path: Path) -> AsyncIterator[Path]:
    path = tmp_path / "nova.sock"
    process = await start_daemon(path, tmp_path / "cache", "--no-cache", "--stall-timeout", "1",
                                 "--log-file", str(tmp_path / "server.log"), "--log-level", "INFO")
    try:
        yield path
    finally:
        await stop_daemon(process)


def parse_error(message: dict[str, Any]) -> str:
    assert message.get("id") is None and message["error"]["code"] == -32700, message
    return str(message["error"]["message"])


BROKEN_FRAMES = {
    "bad length": b"Content-Length: abc\r\n\r\n{}",
    "missing length": b"Content-Type: application/json\r\n\r\n{}",
    "duplicate length": b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
    "LF-only headers": b"Content-Length: 2\n\n{}",
    "length too short": b'Content-Length: 3\r\n\r\n{"jsonrpc": "2.0", "id": 1, "method": "nova/ping"}',
    "length too long": b'Content-Length: 500\r\n\r\n{"jsonrpc": "2.0", "id": 1, "method": "nova/ping"}',
}


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", list(BROKEN_FRAMES))
async def test_a_broken_frame_gets_a_parse_error_and_a_close_and_others_carry_on(
    socket_path: Path, tmp_path: Path, kind: str
) -> None:
    bystander = await RawClient.unix(socket_path)
    await bystander.initialize()
    victim = await RawClient.unix(socket_path)
    await victim.initialize()
    victim.send_bytes(BROKEN_FRAMES[kind])
    errors = []
    while (message := await victim.read_message(timeout=20)) is not None:  # the server closes: no hang
        errors.append(parse_error(message))
    assert errors and "closing the connection" in errors[-1]
    assert (await bystander.call(7, "nova/ping", {}))["result"] == {}
    await bystander.close()
    log = (tmp_path / "server.log").read_text()
    assert "closing the connection" in log


@pytest.mark.asyncio
async def test_a_body_that_is_not_json_gets_a_parse_error_and_the_connection_goes_on(socket_path: Path) -> None:
    client = await RawClient.unix(socket_path)
    await client.initialize()
    # An evaluation loads the evaluator, which raises the interpreter's recursion limit: from then on a JSON text
    # nested 100,000 deep would overflow the C stack inside the JSON decoder (a crash) if it reached it.
    evaluated = await client.call(0, "nova/evaluate", {"textDocument": {"uri": "untitled:x"}, "expression": "1 + 1"})
    assert evaluated["result"]["value"] == "2"
    for body in (b"{garbage", b"\xff\xfe\x00", b"[" * 100_000, b'{"a":' * 100_000):
        client.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        assert "Parse error" in parse_error(await client.read_message() or {})
    assert (await client.call(1, "nova/ping", {}))["result"] == {}
    await client.close()


def split_frames(data: bytes) -> list[dict[str, Any]]:
    found = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b"\r\n")[0].split(b":")[1])
        found.append(json.loads(rest[:length]))
        data = rest[length:]
    return found


def test_stdio_closes_on_a_broken_frame_with_an_error_and_exits(tmp_path: Path) -> None:
    script = tmp_path / "session.lsp"
    script.write_bytes(frame(request(1, "initialize", INITIALIZE)) + b"Content-Length: x\r\n\r\n{}")
    with script.open("rb") as stdin:
        result = subprocess.run([*SERVER, "--no-cache"], stdin=stdin, capture_output=True, timeout=60, cwd=REPO,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
    replies = split_frames(result.stdout)
    assert replies[0]["id"] == 1 and "capabilities" in replies[0]["result"]
    assert replies[-1]["error"]["code"] == -32700 and "not a byte count" in replies[-1]["error"]["message"]
    assert b"closing the connection" in result.stderr and b"Traceback" not in result.stderr
