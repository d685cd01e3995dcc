"""A folder's index starts as soon as `initialize` names it, without waiting for the client to grant the progress
token it is asked for (a round trip a warm start's restore would otherwise wait out); once the token is granted the
client sees the progress begin, the modules checked by then summed up in one report, the later ones, and the end.
The server's start-up timeline (`nova.dumpState`) then holds every phase of the start, in order."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path
from typing import Any

import pytest
from lsp_harness import REPO, SERVER, server_env, wait_until
from raw_client import RawClient, notification, request

from server.startup import PHASES

LIB = "module Lib where\n\nimport Prelude\n\none :: Int\none = 1\n"
MAIN = "module Main where\n\nimport Prelude\nimport Lib (one)\n\ntwo :: Int\ntwo = one + one\n"


async def next_request(client: RawClient, method: str) -> dict[str, Any]:
    while True:
        message = await client.read_message(60)
        assert message is not None, f"the server closed before sending {method}"
        if message.get("method") == method and "id" in message:
            return message


async def progress_kinds(client: RawClient, until: str) -> list[str]:
    kinds: list[str] = []
    while until not in kinds:
        message = await client.read_message(60)
        assert message is not None, "the server closed during the progress"
        if message.get("method") == "$/progress":
            value = message["params"]["value"]
            kinds.append(value["kind"] if value["kind"] != "report" else f"report {value.get('message')}")
    return kinds


@pytest.mark.asyncio
async def test_the_index_runs_while_the_progress_token_is_unanswered(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Lib.nova").write_text(LIB)
    (project / "Main.nova").write_text(MAIN)
    log = tmp_path / "server.log"
    process = await asyncio.create_subprocess_exec(
        *SERVER, "--stdio", "--cache-dir", str(tmp_path / "cache"), "--log-file", str(log), "--log-level", "INFO",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=server_env(tmp_path / "xdg"), cwd=REPO,
        limit=1 << 24)
    assert process.stdin is not None and process.stdout is not None
    client = RawClient(process.stdout, process.stdin)
    try:
        client.send(request(1, "initialize", {
            "processId": None, "capabilities": {"window": {"workDoneProgress": True}},
            "workspaceFolders": [{"uri": project.as_uri(), "name": "project"}]}))
        create = await next_request(client, "window/workDoneProgress/create")
        # The token is not granted yet: the index starts regardless (before, it waited for the answer, or for the
        # server to give up asking after 10 s, and then showed no progress at all).
        await wait_until(lambda: log.exists() and f"indexing {project}" in log.read_text(), 60, "the index")
        client.send({"jsonrpc": "2.0", "id": create["id"], "result": None})
        kinds = await progress_kinds(client, "end")
        assert kinds[0] == "begin" and kinds[-1] == "end" and "report 2/2 modules" in kinds
        state = await client.call(3, "workspace/executeCommand", {"command": "nova.dumpState"})
        timeline = state["result"]["startup"]
        assert tuple(timeline) == tuple(p for p in PHASES if p != "forked")  # every phase of an in-process start
        marks = list(timeline.values())
        assert all(a["monotonic"] <= b["monotonic"] and a["cpuSeconds"] <= b["cpuSeconds"]
                   for a, b in itertools.pairwise(marks))
        answer = await client.call(2, "shutdown")
        assert answer.get("result", "missing") is None
        client.send(notification("exit"))
        assert await asyncio.wait_for(process.wait(), 30) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
