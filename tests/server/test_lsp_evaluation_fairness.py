"""Evaluation limits are the client's, clamped to the server's maxima; each connection's evaluations queue on their
own, so one client's endless loops never hold up another client's `1 + 1`."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import start_daemon, stop_daemon
from raw_client import RawClient, request

from server.features.evaluate import limits_from_settings
from server.limits import ServerLimits

LOOP = "let loop n = loop (n + 1) in loop 0"


def test_client_limits_are_clamped_to_the_server_maxima() -> None:
    maxima = ServerLimits(max_eval_seconds=3.0, max_eval_steps=1000, max_eval_depth=50, max_eval_cells=5000)
    greedy = limits_from_settings({"timeout": 1e308, "maxSteps": 10**30, "maxDepth": 10**9, "maxCells": 1e300},
                                  maxima)
    assert (greedy.timeout, greedy.max_steps, greedy.max_depth, greedy.max_cells) == (3.0, 1000, 50, 5000)
    modest = limits_from_settings({"timeout": 0.5, "maxSteps": 10, "maxDepth": 5, "maxCells": 2000}, maxima)
    assert (modest.timeout, modest.max_steps, modest.max_depth, modest.max_cells) == (0.5, 10, 5, 2000)
    for odd in ({"timeout": float("nan")}, {"timeout": float("inf")}, {"timeout": -1}, {"timeout": 0},
                {"timeout": "soon"}, {"timeout": True}, None):
        limits = limits_from_settings(odd, maxima)
        assert limits.timeout == 3.0  # the evaluator's default (5 s), clamped; never "no limit"


@pytest_asyncio.fixture
async def socket_path(tmp_path: Path) -> AsyncIterator[Path]:
    path = tmp_path / "nova.sock"
    process = await start_daemon(path, tmp_path / "cache", "--no-cache", "--max-eval-seconds", "2")
    try:
        yield path
    finally:
        await stop_daemon(process)


async def client_with_settings(socket_path: Path, settings: dict[str, Any]) -> RawClient:
    client = await RawClient.unix(socket_path)
    client.answers["workspace/configuration"] = [settings]
    await client.initialize(capabilities={"workspace": {"configuration": True}})
    return client


async def collect(client: RawClient, ids: set[Any], order: list[tuple[Any, dict[str, Any]]]) -> None:
    """Read until every id in `ids` is answered, answering the server's requests, noting arrival order."""
    while ids:
        message = await client.read_message(timeout=60)
        assert message is not None
        if "method" in message:
            if "id" in message:
                client.send({"jsonrpc": "2.0", "id": message["id"],
                             "result": client.answers.get(message["method"])})
            continue
        if message.get("id") in ids:
            ids.discard(message["id"])
            order.append((message["id"], message))


@pytest.mark.asyncio
async def test_one_clients_endless_loops_never_delay_anothers_evaluation(socket_path: Path) -> None:
    greedy = await client_with_settings(socket_path, {"evaluation": {"timeout": 1e308, "maxSteps": 10**15}})
    polite = await client_with_settings(socket_path, {})
    greedy_ids = {f"loop{n}" for n in range(4)}
    for msg_id in sorted(greedy_ids):
        greedy.send(request(msg_id, "nova/evaluate", {"textDocument": {"uri": "untitled:a"}, "expression": LOOP}))
    await asyncio.sleep(0.3)  # the loops are running (and queued)
    order: list[tuple[Any, dict[str, Any]]] = []
    sums = [f"sum{n}" for n in range(3)]
    reading = asyncio.ensure_future(collect(greedy, set(greedy_ids), order))
    for msg_id in sums:  # one after the other, each waiting for its answer
        polite.send(request(msg_id, "nova/evaluate", {"textDocument": {"uri": "untitled:b"}, "expression": "1 + 1"}))
        await collect(polite, {msg_id}, order)
    await reading
    arrival = [msg_id for msg_id, _ in order]
    assert arrival[:3] == sums, arrival  # every `1 + 1` before the first of the loops stops
    answers = dict(order)
    for msg_id in sums:
        assert answers[msg_id]["result"]["value"] == "2"
    for msg_id in greedy_ids:  # each loop stopped at the server's maximum, not the client's 1e308 seconds
        assert "time limit of 2 s" in answers[msg_id]["result"]["error"]
    await greedy.close()
    await polite.close()


@pytest.mark.asyncio
async def test_a_clients_own_evaluations_run_in_order_and_cancelling_one_frees_its_turn(socket_path: Path) -> None:
    client = await client_with_settings(socket_path, {})
    client.send(request("loop", "nova/evaluate", {"textDocument": {"uri": "untitled:a"}, "expression": LOOP}))
    client.send(request("next", "nova/evaluate", {"textDocument": {"uri": "untitled:a"}, "expression": "6 * 7"}))
    await asyncio.sleep(0.3)
    client.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": "loop"}})
    order: list[tuple[Any, dict[str, Any]]] = []
    await collect(client, {"loop", "next"}, order)
    answers = dict(order)
    assert [msg_id for msg_id, _ in order] == ["loop", "next"]
    assert answers["loop"].get("error", {}).get("code") == -32800 or "cancelled" in str(answers["loop"])
    assert answers["next"]["result"]["value"] == "42"
    await client.close()

