"""Latency and indexing benchmark of nova-lsp, with a real LSP client over stdio.

Prints, from one run (so ratios compare like with like):
- hover p50/p99 next to a no-op request's (`nova/ping`) p50/p99 (goal: hover p99 ≤ 1.5 × no-op p99);
- semantic tokens full for the 2k-line module (unchanged text, and right after an edit) against hover p99 (goal:
  p99 ≤ 2 × hover p99), and inlay hints for a screen of it (same goal); the client reads the token array as plain
  JSON, as an editor does (not through cattrs, which costs more than the server's answer);
- rename and code actions (nova.ide): a local rename, the code actions at a cursor and for a selection, organize
  imports, each against hover p99 (goal ≤ 2), and workspace-wide renames of a function some importers use and of
  one all 100 importers use (goal p99 ≤ 200 ms);
- didChange → publishDiagnostics p50/p99 for a body edit in a 2k-line module with 20 open dependents (goal p50 ≤ 50 ms);
- indexing time of the generated workspace cold and warm from the cache (goal warm ≤ 1/10 of cold), on the wall
  clock from the server's start and as the server counts it; both starts read the packages' bytecode, written
  first as an installed package has it (`--no-bytecode`: not written; where PYTHONDONTWRITEBYTECODE is set, each
  start then compiles every module whose bytecode is missing or stale, a fixed second or more that weighs on the
  warm start ten times as much as on the cold one);
- the start-up of each of those servers: spawn → `initialize` answered (imports, hub, features; the warm start
  reads the code that attrs, cattrs and dataclasses generate from its cache, `server.code_cache`), the server's own
  timeline of its start (`server.startup`: when the entry point ran, the imports, the hub, the features, the
  `initialize` answer and the index ended, each with the CPU used by then), and the server process's CPU time from
  spawn to indexed, cold and warm, with their ratio (a loaded machine does not inflate it), and how much of the
  warm start's was the kernel's with its minor page faults;
- the same cold and warm starts through the fork server (`server.fork_server`, started first and waited for, so
  both are forked under the same conditions as the in-process ones, which run `nova-lsp --no-fork-server`), each
  with its timeline from the launcher's spawn, and a table of both ways (wall, CPU of the serving process and its
  launcher, ratios) saying which path served each; the fork server's RSS, and a forked server's RSS, USS (its
  private pages) and shared pages against the in-process server's (`--starts-only`: only these starts);
- the server's RSS after indexing;
- the reading rows again, marked `[raw]`, timed by `raw_client.RawClient` to each answer's last byte on a server
  started warm: what an editor waits for before its own JSON parse. Hover, a no-op, semantic tokens full and a
  screen of inlay hints asked in turn, `--rounds` times (default 300); then tokens full, a delta and a screen of
  hints right after body edits, and a delta right after a line added or removed near the top (checked to be one
  number), each `2 × rounds / 3` times; every row with p50/p90/p99/max and the collector's activity meanwhile.
  The rows above count this Python client's decoding too (for a 40 kB token array, more than the server spends),
  so the ratios against hover p99 are read from these. On a loaded machine the tails are the scheduler's: compare
  the server's CPU (`time.process_time`) or a run of main in the same conditions.

Usage: python bench/lsp_bench.py [--lines 50000] [--hovers 400] [--edits 30] [--rounds 300] [--starts-only]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp.client import LanguageClient, make_test_lsp_client
from raw_client import RawClient

REPO = Path(__file__).resolve().parents[1]


def function_block(name: str, index: int, calls: str | None) -> str:
    body = f"{calls} (x + {index})" if calls else f"x * {index % 7 + 1} + {index}"
    return f"-- | Function number {index}.\n{name} :: Int -> Int\n{name} x = {body}\n\n"


def hinted_block(name: str, index: int) -> str:
    """A function without a signature and with a `let` (inlay hints: its type and the binding's)."""
    body = f"let y = x * {index % 7 + 1} in y + {index}"
    return f"-- | Function number {index}, its type inferred.\n{name} x = {body}\n\n"


def write_module(path: Path, header: str, blocks: list[str]) -> int:
    text = header + "".join(blocks)
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


IMPORTERS = 100
OPEN_IMPORTERS = 20


def generate(root: Path, total_lines: int) -> tuple[Path, list[Path]]:
    """A 2k-line `Core` module, 100 modules importing it (each calls its `f0`), and a chain of filler modules up to
    `total_lines`."""
    root.mkdir(parents=True, exist_ok=True)
    core_blocks: list[str] = []
    while sum(block.count("\n") for block in core_blocks) < 2000:
        number = len(core_blocks)
        core_blocks.append(hinted_block(f"f{number}", number) if number % 4 == 2
                           else function_block(f"f{number}", number, None))
    core = root / "Core.nova"
    lines = write_module(core, "module Core where\n\nimport Prelude\n\n", core_blocks)
    dependents = []
    for number in range(IMPORTERS):
        path = root / f"Dep{number}.nova"
        blocks = [function_block(f"d{i}", i, f"f{(i * 7 + number) % len(core_blocks)}") for i in range(40)]
        blocks.append(function_block("d40", 40, "f0"))
        lines += write_module(path, f"module Dep{number} where\n\nimport Prelude\nimport Core\n\n", blocks)
        dependents.append(path)
    number = 0
    while lines < total_lines:
        imports = f"import Filler{number - 1} (g{number - 1}_0)\n" if number else ""
        blocks = [
            function_block(f"g{number}_{i}", i, f"g{number - 1}_0" if number and i % 10 == 5 else None)
            for i in range(150)
        ]
        header = f"module Filler{number} where\n\nimport Prelude\n{imports}\n"
        lines += write_module(root / f"Filler{number}.nova", header, blocks)
        number += 1
    return core, dependents


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms"


@dataclass(frozen=True, slots=True)
class Started:
    """How long a server took to start: spawn → `initialize` answered (its imports, the hub, the features), then
    `initialize` sent → the end of the indexing progress (the figure the rows compare), and the CPU time the
    server process had used by then (what a loaded machine does not inflate)."""

    initialized: float
    indexed: float
    cpu: float
    spawned: float = 0.0
    """`time.monotonic()` at the spawn: the server's start-up timeline (`nova.dumpState`) is on the same clock."""
    system: float = float("nan")
    """Of `cpu`, the seconds spent in the kernel on the server's behalf (mostly first touches of new memory)."""
    faults: int = -1
    """Minor page faults the server process had taken by then (each page of memory it touched first)."""
    path: str = "in-process"
    """How the server started: `forked` by the fork server (for a launcher), or `in-process`."""


async def start(cache: Path, workspace: Path, log: str | None = None) -> tuple[LanguageClient, float]:
    client, started = await start_timed(cache, workspace, log)
    return client, started.indexed


async def start_timed(cache: Path, workspace: Path, log: str | None = None,
                      options: Sequence[str] = (), *, command: Sequence[str] = ("-m", "server"),
                      env: dict[str, str] | None = None) -> tuple[LanguageClient, Started]:
    """A server started over stdio (with more command-line `options`) on `workspace`, indexed: `python -m server`
    (in its own process, always), or the `command` given, e.g. `LAUNCHER` (what the `nova-lsp` script runs)."""
    client = make_test_lsp_client()
    logging = [*options, "--log-file", log, "--log-level", "INFO"] if log else list(options)
    spawned_at = time.monotonic()
    spawned = time.perf_counter()
    await client.start_io(sys.executable, *command, "--stdio", "--cache-dir", str(cache), *logging,
                          **({"env": env} if env is not None else {}))
    # This Python client structures a token array of 20,000 integers one by one through cattrs (≈10 ms, more than
    # the server spends on a cached answer); an editor parses it as plain JSON. Read it as plain data too, so the
    # rows measure the server and the wire, not this client.
    client.protocol._converter.register_structure_hook(types.SemanticTokens, lambda data, _: types.SemanticTokens(
        data=data["data"], result_id=data.get("resultId")))
    began = time.perf_counter()
    await client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(window=types.WindowClientCapabilities(work_done_progress=True)),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="bench")],
    ))
    initialized = time.perf_counter() - spawned
    while not any(isinstance(v, types.WorkDoneProgressEnd) for vs in client.progress_reports.values() for v in vs):
        await asyncio.sleep(0.01)
    indexed = time.perf_counter() - began
    client._nova_server_pid = stdin_reader(client)  # type: ignore[attr-defined]
    user, system, faults = process_counts(client)
    path = await note_server_pid(client)  # after the counts: `nova.dumpState` costs the server CPU too
    return client, Started(initialized, indexed, user + system, spawned_at, system, faults, path)


def stdin_reader(client: LanguageClient) -> int | None:
    """The process other than the spawned one that holds the spawned one's stdin: the server the fork server
    forked for a launcher (None when the spawned process serves itself). Found through /proc by this process."""
    spawned = client._server.pid if client._server else None
    try:
        pipe = os.readlink(f"/proc/{spawned}/fd/0")
    except OSError:
        return None
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != spawned:
            with contextlib.suppress(OSError):
                if os.readlink(entry / "fd" / "0") == pipe:
                    return int(entry.name)
    return None


LAUNCHER = ("-m", "server.launch")
"""The `nova-lsp` launcher (`server.launch`): forked by the fork server when one runs, else in its own process."""


def server_pid(client: LanguageClient) -> int | None:
    """The process that serves `client`: the one the fork server forked for its launcher, as the server said
    (`note_server_pid`), else the spawned one."""
    return getattr(client, "_nova_server_pid", None) or (client._server.pid if client._server else None)


async def note_server_pid(client: LanguageClient) -> str:
    """Ask the server which process it is and how it started (`forked` or `in-process`)."""
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    client._nova_server_pid = int(state.get("pid") or client._server.pid)  # type: ignore[attr-defined]
    return str(state.get("startupPath", "in-process"))


def pid_counts(pid: int | None) -> tuple[float, float, int]:
    """User and system CPU seconds process `pid` has used and its minor page faults (NaN, NaN, -1 where /proc does
    not tell)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        return int(fields[11]) / tick, int(fields[12]) / tick, int(fields[7])
    except (OSError, IndexError, ValueError, TypeError):
        return float("nan"), float("nan"), -1


def process_counts(client: LanguageClient) -> tuple[float, float, int]:
    """`pid_counts` of the spawned process, plus the forked server's when a launcher handed the editor over."""
    spawned = client._server.pid if client._server else None
    user, system, faults = pid_counts(spawned)
    served = server_pid(client)
    if served is not None and served != spawned:
        more = pid_counts(served)
        user, system, faults = user + more[0], system + more[1], faults + more[2]
    return user, system, faults


def cpu_of(client: LanguageClient) -> float:
    """User + system CPU seconds the server process has used (NaN where /proc does not tell)."""
    user, system, _ = process_counts(client)
    return user + system


def memory_of(pid: int | None) -> dict[str, int]:
    """kB of `pid`'s memory from /proc/PID/smaps_rollup: Rss, Pss, and USS (its private pages: what ending it
    frees) and the pages it shares (with the fork server, for a forked server)."""
    found: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                found[name] = int(value.split()[0])
    except (OSError, ValueError):
        return {}
    return {"rss": found.get("Rss", 0), "pss": found.get("Pss", 0),
            "uss": found.get("Private_Clean", 0) + found.get("Private_Dirty", 0),
            "shared": found.get("Shared_Clean", 0) + found.get("Shared_Dirty", 0)}


def memory_line(pid: int | None) -> str:
    m = memory_of(pid)
    if not m:
        return "?"
    return (f"RSS {m['rss'] / 1024:.1f} MB (USS {m['uss'] / 1024:.1f} MB private, {m['shared'] / 1024:.1f} MB "
            f"shared, PSS {m['pss'] / 1024:.1f} MB)")


async def server_side_indexing(client: LanguageClient) -> float:
    """The server's own indexing time (stdlib, cache restore, checks), without process start-up and imports."""
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    return float(state["baselines"][0]["indexSeconds"])


async def startup_timeline(client: LanguageClient, started: Started) -> str:
    """The server's own start-up timeline (`server.startup`): when each phase ended after the spawn, and the CPU the
    server had used by then (ms)."""
    state = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
    phases = state.get("startup", {})
    return "  ".join(f"{phase} {1000 * (mark['monotonic'] - started.spawned):.0f} ({1000 * mark['cpuSeconds']:.0f})"
                     for phase, mark in phases.items())


async def stop(client: LanguageClient) -> None:
    await client.shutdown_session()
    await client.stop()


def startup(started: Started) -> str:
    return f"(spawn → initialize answered {started.initialized:.3f} s)"


def rss_of(client: LanguageClient) -> str:
    pid = server_pid(client)
    if pid is None:
        return "?"
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def track_published(client: Any) -> dict[str, Any]:
    """URI → the document version of the newest diagnostics the server published for it (kept up to date by a
    hook on the client's publishDiagnostics handler, which still runs), for `wait_version`."""
    published: dict[str, Any] = {}
    features = client.protocol.fm.features
    original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        published[params.uri] = params.version
        original(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    client.feature("nova/interfaceUpdated")(lambda params: None)
    return published


async def wait_version(published: dict[str, Any], uri: str, version: int) -> None:
    while published.get(uri) != version:
        await asyncio.sleep(0.0005)


async def timed(times: list[float], request: Any) -> Any:
    began = time.perf_counter()
    answer = await request
    times.append(time.perf_counter() - began)
    return answer


def row(name: str, times: list[float], hover_p99: float, goal: str) -> None:
    print(f"{name}: p50 {ms(percentile(times, .5))}  p99 {ms(percentile(times, .99))}  "
          f"(p99 / hover p99 {percentile(times, .99) / hover_p99:.2f}; {goal})")


async def editing_rows(client: LanguageClient, core: Path, dependent: Path, hover_p99: float, rounds: int) -> None:
    """Rename and code actions: a local rename and the code actions at a cursor in one module (goal: p99 within
    2 × hover p99), and renaming a function of the 2k-line module that its importers use, the whole workspace
    searched (goal: within 200 ms)."""
    core_text, dep_text = core.read_text(), dependent.read_text()
    core_doc = types.TextDocumentIdentifier(uri=core.as_uri())
    dep_doc = types.TextDocumentIdentifier(uri=dependent.as_uri())
    dep_line = dep_text.count("\n", 0, dep_text.index("d1 x ="))
    local = types.RenameParams(text_document=dep_doc, position=types.Position(dep_line, len("d1 ")), new_name="y")
    used = dep_text[dep_text.index("d1 x = ") + len("d1 x = "):].split(" ", 1)[0]  # a Core function d1 calls
    core_line = core_text.count("\n", 0, core_text.index(f"{used} x ="))
    wide = types.RenameParams(text_document=core_doc, position=types.Position(core_line, 1), new_name="renamed")
    cursor = types.CodeActionParams(text_document=dep_doc, range=types.Range(
        types.Position(dep_line, len("d1 x = ") + 1), types.Position(dep_line, len("d1 x = ") + 1)),
        context=types.CodeActionContext(diagnostics=[]))
    body = core_text.index(f"{used} x = ") + len(f"{used} x = ")
    selection = types.CodeActionParams(text_document=core_doc, range=types.Range(
        types.Position(core_line, body - core_text.rfind("\n", 0, body) - 1),
        types.Position(core_line, len(core_text.split("\n")[core_line]))),
        context=types.CodeActionContext(diagnostics=[]))
    organize = types.CodeActionParams(text_document=dep_doc, range=types.Range(
        types.Position(0, 0), types.Position(0, 0)), context=types.CodeActionContext(
        diagnostics=[], only=[types.CodeActionKind.SourceOrganizeImports]))
    f0_line = core_text.count("\n", 0, core_text.index("f0 x ="))
    everywhere = types.RenameParams(text_document=core_doc, position=types.Position(f0_line, 1), new_name="first")
    changed = await client.text_document_rename_async(everywhere)
    assert changed is not None and changed.changes and len(changed.changes) > IMPORTERS, "f0 not renamed everywhere"
    everywhere_edited = len(changed.changes)
    changed = await client.text_document_rename_async(wide)
    assert changed is not None and changed.changes and len(changed.changes) > 1, "the rename edited one module"
    extract = await client.text_document_code_action_async(selection)
    assert extract and any("Extract" in a.title for a in extract if isinstance(a, types.CodeAction)), extract
    local_times: list[float] = []
    wide_times: list[float] = []
    cursor_times: list[float] = []
    selection_times: list[float] = []
    organize_times: list[float] = []
    everywhere_times: list[float] = []
    for _ in range(rounds):
        await timed(everywhere_times, client.text_document_rename_async(everywhere))
        await timed(local_times, client.text_document_rename_async(local))
        await timed(wide_times, client.text_document_rename_async(wide))
        await timed(cursor_times, client.text_document_code_action_async(cursor))
        await timed(selection_times, client.text_document_code_action_async(selection))
        await timed(organize_times, client.text_document_code_action_async(organize))
    row("rename of a parameter (one module)", local_times, hover_p99, "goal ≤ 2")
    row("code actions at a cursor (one module)", cursor_times, hover_p99, "goal ≤ 2")
    row("code actions for a selection in the 2k-line module (extract offered)", selection_times, hover_p99,
        "goal ≤ 2")
    row("organize imports (one module)", organize_times, hover_p99, "goal ≤ 2")
    row(f"rename of Core.{used}, workspace-wide ({len(changed.changes)} modules edited, every importer of Core "
        "searched)", wide_times, hover_p99, f"goal p99 ≤ 200 ms: {percentile(wide_times, .99) <= 0.2}")
    row(f"rename of Core.f0, used by every importer ({everywhere_edited} modules edited)", everywhere_times,
        hover_p99, f"goal p99 ≤ 200 ms: {percentile(everywhere_times, .99) <= 0.2}")


def applied(data: list[int], edits: Sequence[types.SemanticTokensEdit]) -> list[int]:
    result = list(data)
    for edit in reversed(edits):
        result[edit.start:edit.start + edit.delete_count] = edit.data or []
    return result


async def delta_rows(client: LanguageClient, core: Path, published: dict[str, Any], edit_line: int, column: int,
                     version: int, edits: int, hover_p99: float) -> int:
    """semanticTokens/full/delta right after each edit of one declaration, against the previous answer (as VS Code
    asks): the numbers that changed, not the whole array. Checked against a full answer at the end. Returns the
    next version number."""
    core_doc = types.TextDocumentIdentifier(uri=core.as_uri())
    answer = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=core_doc))
    assert answer is not None and answer.result_id is not None
    held, result_id = list(answer.data), answer.result_id
    times: list[float] = []
    sent: list[int] = []
    width = 1
    for number in range(version, version + edits):
        # a literal of 1–3 digits (tokens after it on its line move), one digit again at the end
        literal = str(number % 9 + 1) * (1 + number % 3 if number + 1 < version + edits else 1)
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=core.as_uri(), version=number),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(edit_line, column), types.Position(edit_line, column + width)),
                text=literal)]))
        width = len(literal)
        await wait_version(published, core.as_uri(), number)
        changes, result_id = await timed_delta(client, core_doc, result_id, times)
        held = applied(held, changes)
        sent.append(sum(len(edit.data or []) for edit in changes))
    check = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=core_doc))
    assert check is not None and list(check.data) == held, "the deltas did not add up to the full answer"
    print(f"semantic tokens delta right after an edit (2k lines; {max(sent)} of {len(held)} numbers sent at most): "
          f"p50 {ms(percentile(times, .5))}  p99 {ms(percentile(times, .99))}  "
          f"(p99 / hover p99 {percentile(times, .99) / hover_p99:.2f}, goal ≤ 2)")
    return version + edits


async def timed_delta(client: LanguageClient, doc: types.TextDocumentIdentifier, result_id: str,
                      times: list[float]) -> tuple[Sequence[types.SemanticTokensEdit], str]:
    """semanticTokens/full/delta against `result_id` (its latency appended to `times`): its edits and result id."""
    began = time.perf_counter()
    step = await client.text_document_semantic_tokens_full_delta_async(types.SemanticTokensDeltaParams(
        text_document=doc, previous_result_id=result_id))
    times.append(time.perf_counter() - began)
    assert isinstance(step, types.SemanticTokensDelta) and step.result_id, "no delta after an edit"
    return step.edits, step.result_id


async def new_line_rows(client: LanguageClient, core: Path, published: dict[str, Any], edit_line: int,
                        version: int, edits: int, hover_p99: float) -> int:
    """semanticTokens/full/delta right after a line is added or removed near the top of the 2k-line module (every
    declaration below it moves by a line), as after pressing Enter. Returns the next version number."""
    core_doc = types.TextDocumentIdentifier(uri=core.as_uri())
    answer = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=core_doc))
    assert answer is not None and answer.result_id is not None
    held, result_id = list(answer.data), answer.result_id
    times: list[float] = []
    for number in range(version, version + 2 * (edits // 2)):
        added = (number - version) % 2 == 0
        start = types.Position(edit_line + 1, 0)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start, start if added else types.Position(edit_line + 2, 0)), text="\n" if added else "")
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=core.as_uri(), version=number),
            content_changes=[change]))
        await wait_version(published, core.as_uri(), number)
        changes, result_id = await timed_delta(client, core_doc, result_id, times)
        held = applied(held, changes)
    check = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=core_doc))
    assert check is not None and list(check.data) == held, "the deltas did not add up to the full answer"
    print(f"semantic tokens delta right after a line added or removed near the top (2k lines; every declaration "
          f"below moves): p50 {ms(percentile(times, .5))}  p99 {ms(percentile(times, .99))}  "
          f"(p99 / hover p99 {percentile(times, .99) / hover_p99:.2f})")
    return version + 2 * (edits // 2)


def spread(name: str, times: list[float], hover_p99: float | None = None, goal: str = "goal ≤ 2") -> None:
    """One row: p50/p90/p99/max of the samples (and their p99 against hover's when given)."""
    ratio = f"  (p99 / hover p99 {percentile(times, .99) / hover_p99:.2f}; {goal})" if hover_p99 else ""
    print(f"{name} [{len(times)}]: p50 {ms(percentile(times, .5))}  p90 {ms(percentile(times, .9))}  "
          f"p99 {ms(percentile(times, .99))}  max {ms(max(times))}{ratio}")


async def collections(client: RawClient) -> dict[str, Any]:
    """The server's garbage collector figures so far (per generation: collections, total and longest pause)."""
    state = (await client.request("workspace/executeCommand", {"command": "nova.dumpState", "arguments": []}))[1]
    return dict(state["collector"])


def collector_line(before: dict[str, Any], after: dict[str, Any]) -> str:
    counts = [b - a for a, b in zip(before["collections"], after["collections"], strict=True)]
    spent = [b - a for a, b in zip(before["totalMs"], after["totalMs"], strict=True)]
    return (f"  collections meanwhile per generation {counts} ({', '.join(f'{x:.1f}' for x in spent)} ms in all; "
            f"longest ever {after['longestMs']} ms)")


async def raw_rows(cache: Path, workspace: Path, core: Path, dependent: Path, rounds: int, edits: int) -> None:
    """The reading rows again, timed by `RawClient` to each answer's last byte (the editor's wait before its own
    JSON parse), on a server started warm from the cache. Hover, a no-op, semantic tokens full and a screen of
    inlay hints are asked in turn in each round (the same server, the same moments), so their p99s compare; then,
    after edits (each waited for until its diagnostics are out, as an editor asks after its refresh): tokens full,
    a delta, and a screen of hints right after a body edit, and a delta right after a line added or removed near
    the top (every declaration below moves). Each row prints p50/p90/p99/max over its samples, and the collector's
    activity meanwhile."""
    client = await RawClient.start("--cache-dir", str(cache))
    try:
        await client.initialize(workspace)
        core_uri, dep_uri = client.open(core), client.open(dependent)
        await client.wait_version(core_uri, 1)
        await client.wait_version(dep_uri, 1)
        dep_text, core_text = dependent.read_text(), core.read_text()
        line = dep_text.count("\n", 0, dep_text.index("d1 x ="))
        hover = {"textDocument": {"uri": dep_uri}, "position": {"line": line, "character": len("d1 x = ") + 1}}
        doc = {"textDocument": {"uri": core_uri}}
        screen = {**doc, "range": {"start": {"line": 1000, "character": 0}, "end": {"line": 1060, "character": 0}}}
        first = (await client.request("textDocument/semanticTokens/full", doc))[1]  # (the first answers are made)
        shown = (await client.request("textDocument/inlayHint", screen))[1]
        assert shown, "no inlay hints on the screen"
        pings: list[float] = []
        hovers: list[float] = []
        full: list[float] = []
        hints: list[float] = []
        before = await collections(client)
        for _ in range(rounds):
            pings.append((await client.request("nova/ping", {}))[0])
            spent, answer = await client.request("textDocument/hover", hover)
            assert answer, "hover answered nothing"
            hovers.append(spent)
            spent, answer = await client.request("textDocument/semanticTokens/full", doc)
            assert answer and len(answer["data"]) == len(first["data"]), "semantic tokens answered otherwise"
            full.append(spent)
            spent, answer = await client.request("textDocument/inlayHint", screen)
            assert answer is not None and len(answer) == len(shown), "inlay hints answered otherwise"
            hints.append(spent)
        after = await collections(client)
        hover_p99 = percentile(hovers, .99)
        spread("[raw] no-op request", pings)
        spread("[raw] hover", hovers)
        spread(f"[raw] semantic tokens full (2k lines, {len(first['data'])} numbers)", full, hover_p99)
        spread(f"[raw] inlay hints for a screen (60 lines of the 2k-line module, {len(shown)} hints)", hints,
               hover_p99)
        print(collector_line(before, after))

        edit_line = core_text.count("\n", 0, core_text.index("f5 x ="))
        column = len("f5 x = x * ")
        fresh: list[float] = []
        deltas: list[float] = []
        fresh_hints: list[float] = []
        result_id = (await client.request("textDocument/semanticTokens/full", doc))[1]["resultId"]
        before = await collections(client)
        version = 2
        for number in range(3 * edits):
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": core_uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": edit_line, "character": column},
                                              "end": {"line": edit_line, "character": column + 1}},
                                    "text": str(version % 9 + 1)}]})
            await client.wait_version(core_uri, version)
            version += 1
            if number % 3 == 0:
                spent, answer = await client.request("textDocument/semanticTokens/full/delta",
                                                     {**doc, "previousResultId": result_id})
                assert "edits" in answer, "no delta after an edit"
                deltas.append(spent)
                result_id = answer["resultId"]
            elif number % 3 == 1:
                spent, answer = await client.request("textDocument/semanticTokens/full", doc)
                fresh.append(spent)
                result_id = answer["resultId"]
            else:
                spent, answer = await client.request("textDocument/inlayHint", screen)
                assert answer is not None and len(answer) == len(shown), "inlay hints answered otherwise"
                fresh_hints.append(spent)
        after = await collections(client)
        spread("[raw] semantic tokens full right after an edit", fresh, hover_p99)
        spread("[raw] semantic tokens delta right after an edit", deltas, hover_p99)
        spread("[raw] inlay hints for a screen right after an edit", fresh_hints, hover_p99)
        print(collector_line(before, after))

        moved: list[float] = []
        held = list((await client.request("textDocument/semanticTokens/full", doc))[1]["data"])
        result_id = None
        for number in range(edits + 1):
            start = {"line": edit_line + 1, "character": 0}
            added = number % 2 == 0
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": core_uri, "version": version},
                "contentChanges": [{"range": {"start": start, "end": start if added else
                                              {"line": edit_line + 2, "character": 0}},
                                    "text": "\n" if added else ""}]})
            await client.wait_version(core_uri, version)
            version += 1
            if result_id is None:
                answer = (await client.request("textDocument/semanticTokens/full", doc))[1]
                held = list(answer["data"])
            else:
                spent, answer = await client.request("textDocument/semanticTokens/full/delta",
                                                     {**doc, "previousResultId": result_id})
                assert "edits" in answer and len(answer["edits"]) == 1, "not one edit after a line moved"
                edit = answer["edits"][0]
                assert edit["deleteCount"] == 1 and len(edit.get("data", ())) == 1, f"not one number: {edit}"
                held[edit["start"]:edit["start"] + edit["deleteCount"]] = edit.get("data", [])
                moved.append(spent)
            result_id = answer["resultId"]
        check = (await client.request("textDocument/semanticTokens/full", doc))[1]
        assert check["data"] == held, "the deltas did not add up to the full answer"
        spread("[raw] semantic tokens delta right after a line added or removed near the top", moved, hover_p99)
    finally:
        await client.stop()


IN_PROCESS = ("--no-fork-server",)


def bench_env(tmp: Path) -> dict[str, str]:
    """The servers' environment: a runtime folder of this run's own (its fork server is this run's, stopped at the
    end; the folder is short, a socket's path is limited to 107 bytes) and a default cache folder in `tmp`."""
    runtime = Path(tempfile.mkdtemp(prefix="nb-"))
    (tmp / "runtime").symlink_to(runtime)
    env = {name: value for name, value in os.environ.items() if name != "NOVA_LSP_NO_FORK_SERVER"}
    env.update({"XDG_RUNTIME_DIR": str(runtime), "XDG_CACHE_HOME": str(tmp / "xdg")})
    return env


async def start_fork_server(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """This run's fork server, once it listens (its time to listen and CPU printed, with its memory)."""
    from server.launch import connect

    began = time.perf_counter()
    fork_server = subprocess.Popen([sys.executable, "-P", "-m", "server.fork_server"], env=env, cwd="/",
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while (sock := connect(env)) is None:
        if fork_server.poll() is not None or time.perf_counter() - began > 300:
            fork_server.kill()
            raise RuntimeError("the fork server did not start (see fork-server.log in the cache folder)")
        await asyncio.sleep(0.05)
    sock.close()
    user, system, _ = pid_counts(fork_server.pid)
    print(f"  the fork server listened {time.perf_counter() - began:.2f} s after its spawn ({user + system:.2f} s "
          f"CPU); {memory_line(fork_server.pid)}")
    return fork_server


async def forked_start(tmp: Path, workspace: Path, env: dict[str, str], kind: str) -> Started:
    # the cache folder is the default one (`$XDG_CACHE_HOME/nova-lsp`), as for an editor that names none: the
    # generated code and the standard library the fork server made ahead from it are the forked server's already
    client, started = await start_timed(tmp / "xdg" / "nova-lsp", workspace, command=LAUNCHER, env=env)
    indexed_server = await server_side_indexing(client)
    print(f"indexing {kind} [{started.path}]: {started.indexed:.2f} s (server-side {indexed_server:.2f} s)   "
          f"{startup(started)}   server CPU from spawn to indexed {started.cpu:.2f} s")
    print(f"  start-up timeline, ms after the spawn (CPU ms: the launcher's at entry, then the forked server's): "
          f"{await startup_timeline(client, started)}")
    print(f"  the serving process: {memory_line(server_pid(client))}")
    await stop(client)
    return started


async def forked_starts(tmp: Path, workspace: Path, env: dict[str, str]) -> tuple[Started, Started, Started]:
    """Cold and warm starts through the launcher with this run's fork server running (started first, and waited
    for, so both starts are forked: the same conditions as the in-process ones), each with its timeline; the fork
    server's memory, and a forked server's against the in-process one's. Then a warm start from a fresh fork
    server, started once the cache was there (as a user's is, but on the very first day): it has restored the
    standard library ahead."""
    print("forked: `nova-lsp` (server.launch) handing the editor to this run's fork server")
    fork_server = await start_fork_server(env)
    try:
        cold = await forked_start(tmp, workspace, env, "cold")
        warm = await forked_start(tmp, workspace, env, "warm")
    finally:
        fork_server.terminate()
        fork_server.wait(60)
    print("forked, from a fork server started on the warm cache:")
    fork_server = await start_fork_server(env)
    try:
        steady = await forked_start(tmp, workspace, env, "warm")
    finally:
        fork_server.terminate()
        fork_server.wait(60)
    return cold, warm, steady


async def main(args: argparse.Namespace) -> None:
    if not args.no_bytecode:
        from scale_bench import compile_bytecode  # (it imports this module: imported here, not at the top)

        print("packages' bytecode written first (as installed)" if compile_bytecode()
              else "packages' bytecode could not be written: each start compiles")
    tmp = Path(tempfile.mkdtemp(prefix="nova-bench-"))
    try:
        workspace = tmp / "ws"
        core, dependents = generate(workspace, args.lines)
        total = sum(p.read_text().count("\n") for p in workspace.glob("*.nova"))
        print(f"workspace: {len(list(workspace.glob('*.nova')))} modules, {total} lines")

        env = bench_env(tmp)
        print("in-process: `nova-lsp --no-fork-server` (server.launch serving in its own process)")
        client, cold_start = await start_timed(tmp / "cache", workspace, args.server_log, IN_PROCESS,
                                               command=LAUNCHER, env=env)
        cold = cold_start.indexed
        cold_server = await server_side_indexing(client)
        print(f"indexing cold: {cold:.2f} s (server-side {cold_server:.2f} s)   RSS after indexing: {rss_of(client)}"
              f"   {startup(cold_start)}")
        print(f"  start-up timeline, ms after the spawn (server CPU ms): {await startup_timeline(client, cold_start)}")
        if not args.starts_only:  # the latency rows
            published = track_published(client)
            core_text = core.read_text()
            opened = [core, *dependents[:OPEN_IMPORTERS]]
            for path in opened:
                client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
                    uri=path.as_uri(), language_id="nova", version=1, text=path.read_text())))
            for path in opened:
                await wait_version(published, path.as_uri(), 1)

            dep_text = dependents[0].read_text()
            line = dep_text.count("\n", 0, dep_text.index("d1 x ="))
            target = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=dependents[0].as_uri()),
                                       position=types.Position(line=line, character=len("d1 x = ") + 1))
            hovers: list[float] = []
            pings: list[float] = []
            sample = await client.text_document_hover_async(target)
            assert sample is not None, "hover answered nothing"
            for _ in range(args.hovers):
                began = time.perf_counter()
                await client.protocol.send_request_async("nova/ping", {})
                pings.append(time.perf_counter() - began)
                began = time.perf_counter()
                await client.text_document_hover_async(target)
                hovers.append(time.perf_counter() - began)
            print(f"no-op request: p50 {ms(percentile(pings, .5))}  p99 {ms(percentile(pings, .99))}")
            print(f"hover:         p50 {ms(percentile(hovers, .5))}  p99 {ms(percentile(hovers, .99))}  "
                  f"(p99 ratio {percentile(hovers, .99) / percentile(pings, .99):.2f}, goal ≤ 1.5)")

            core_doc = types.TextDocumentIdentifier(uri=core.as_uri())
            tokens: list[float] = []
            await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=core_doc))
            for _ in range(max(args.hovers // 2, 50)):  # (as many as make a p99 a percentile, not the worst one)
                began = time.perf_counter()
                answer = await client.text_document_semantic_tokens_full_async(
                    types.SemanticTokensParams(text_document=core_doc))
                tokens.append(time.perf_counter() - began)
                assert answer is not None and answer.data, "semantic tokens answered nothing"
            # what this Python client spends parsing that answer's JSON (inside each sample; an editor's JSON.parse
            # takes a fraction of it)
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "result": {"data": list(answer.data), "resultId": "1"}},
                              separators=(",", ":"))
            parses: list[float] = []
            for _ in range(20):
                began = time.perf_counter()
                json.loads(body)
                parses.append(time.perf_counter() - began)
            hover_p99 = percentile(hovers, .99)
            screen = types.InlayHintParams(text_document=core_doc, range=types.Range(
                types.Position(1000, 0), types.Position(1060, 0)))
            hint_times: list[float] = []
            for _ in range(max(args.hovers // 4, 20)):
                began = time.perf_counter()
                answer_hints = await client.text_document_inlay_hint_async(screen)
                hint_times.append(time.perf_counter() - began)
                assert answer_hints is not None, "inlay hints answered nothing"
            print(f"inlay hints for a screen (60 lines of the 2k-line module): p50 {ms(percentile(hint_times, .5))}  "
                  f"p99 {ms(percentile(hint_times, .99))}  (p99 / hover p99 "
                  f"{percentile(hint_times, .99) / percentile(hovers, .99):.2f}, goal ≤ 2)")
            print(f"semantic tokens full (2k lines): p50 {ms(percentile(tokens, .5))}  "
                  f"p99 {ms(percentile(tokens, .99))}  (p99 / hover p99 {percentile(tokens, .99) / hover_p99:.2f}, "
                  f"goal ≤ 2; of which the client's parse of the {len(body) // 1000} kB answer: "
                  f"p50 {ms(percentile(parses, .5))})")

            await editing_rows(client, core, dependents[0], hover_p99, max(args.hovers // 4, 20))

            edit_line = core_text.count("\n", 0, core_text.index("f5 x ="))
            column = len("f5 x = x * ")
            latencies: list[float] = []
            fresh_tokens: list[float] = []
            for version in range(2, 2 + args.edits):
                digit = str(version % 9 + 1)
                began = time.perf_counter()
                client.text_document_did_change(types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=core.as_uri(), version=version),
                    content_changes=[types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(edit_line, column), types.Position(edit_line, column + 1)),
                        text=digit)]))
                await wait_version(published, core.as_uri(), version)
                latencies.append(time.perf_counter() - began)
                began = time.perf_counter()
                await client.text_document_semantic_tokens_full_async(
                    types.SemanticTokensParams(text_document=core_doc))
                fresh_tokens.append(time.perf_counter() - began)
            print("  each edit (ms):", " ".join(f"{x * 1000:.0f}" for x in latencies))
            print(f"semantic tokens full right after an edit (new parse and classification): "
                  f"p50 {ms(percentile(fresh_tokens, .5))}  p99 {ms(percentile(fresh_tokens, .99))}  "
                  f"(p99 / hover p99 {percentile(fresh_tokens, .99) / hover_p99:.2f}, goal ≤ 2)")
            next_version = await delta_rows(client, core, published, edit_line, column, 2 + args.edits, args.edits,
                                       hover_p99)
            next_version = await new_line_rows(client, core, published, edit_line, next_version, args.edits, hover_p99)
            core_hover = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=core.as_uri()),
                                           position=types.Position(line=edit_line - 1, character=1))
            during: list[float] = []
            for version in range(next_version, next_version + args.edits):
                client.text_document_did_change(types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=core.as_uri(), version=version),
                    content_changes=[types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(edit_line, column), types.Position(edit_line, column + 1)),
                        text=str(version % 9 + 1))]))
                began = time.perf_counter()
                answer = await client.text_document_hover_async(core_hover)
                during.append(time.perf_counter() - began)
                assert answer is not None, "hover went blank during a check"
                await wait_version(published, core.as_uri(), version)
            print(f"hover while that module's check runs: p50 {ms(percentile(during, .5))}  "
                  f"p99 {ms(percentile(during, .99))}")
            print(f"didChange→publishDiagnostics (2k-line module, 20 open dependents): "
                  f"p50 {ms(statistics.median(latencies))}  p99 {ms(percentile(latencies, .99))}  (goal p50 ≤ 50 ms)")
        await stop(client)

        client, warm_start = await start_timed(tmp / "cache", workspace, args.server_log and args.server_log + ".warm",
                                               IN_PROCESS, command=LAUNCHER, env=env)
        warm = warm_start.indexed
        warm_server = await server_side_indexing(client)
        print(f"indexing warm: {warm:.2f} s  (ratio {warm / cold:.3f}, goal ≤ 0.1; server-side {warm_server:.2f} s, "
              f"ratio {warm_server / cold_server:.3f})   RSS: {rss_of(client)}   {startup(warm_start)}")
        print(f"  start-up timeline, ms after the spawn (server CPU ms): {await startup_timeline(client, warm_start)}")
        print(f"server CPU from spawn to indexed: cold {cold_start.cpu:.2f} s, warm {warm_start.cpu:.2f} s "
              f"(ratio {warm_start.cpu / cold_start.cpu:.3f}; the workers of a parallel cold index not counted); "
              f"of the warm start's, {warm_start.system * 1000:.0f} ms in the kernel ({warm_start.faults} minor page "
              "faults: first touches of its memory)")
        in_process_memory = memory_line(server_pid(client))
        print(f"  in-process server after the warm start: {in_process_memory}")
        await stop(client)
        forked = await forked_starts(tmp, workspace, env)
        print("start-up both ways (wall: `initialize` sent → indexed, the process's start included; CPU: the "
              "serving process's, plus its launcher's when forked; the fork server's own start not counted):")
        print(f"  {'path':<11} {'cold s':>7} {'warm s':>7} {'warm/cold':>9} {'CPU cold':>9} {'CPU warm':>9} "
              f"{'CPU ratio':>9}")
        for name, (cold_one, warm_one) in (("in-process", (cold_start, warm_start)), ("forked", forked[:2]),
                                           ("forked²", (forked[0], forked[2]))):
            served = {cold_one.path, warm_one.path}
            print(f"  {name:<11} {cold_one.indexed:7.2f} {warm_one.indexed:7.2f} "
                  f"{warm_one.indexed / cold_one.indexed:9.3f} {cold_one.cpu:9.2f} {warm_one.cpu:9.2f} "
                  f"{warm_one.cpu / cold_one.cpu:9.3f}   (served {'/'.join(sorted(served))}; goal warm/cold ≤ 0.1)")
        print("  forked²: the warm start from a fork server started on the warm cache (its cold column is the "
              "forked cold start's)")
        for name, warm_one in (("forked", forked[1]), ("forked²", forked[2])):
            print(f"  {name} warm / in-process cold: wall {warm_one.indexed / cold_start.indexed:.3f}, CPU "
                  f"{warm_one.cpu / cold_start.cpu:.3f} (what an editor sees once the fork server runs, against a "
                  "first start without one)")
        if not args.starts_only:
            await raw_rows(tmp / "cache", workspace, core, dependents[0], args.rounds, 2 * args.rounds // 3)
    finally:
        if (tmp / "runtime").is_symlink():
            shutil.rmtree((tmp / "runtime").resolve(), ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50_000)
    parser.add_argument("--hovers", type=int, default=400)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=300,
                        help="samples of each [raw] row (rounds of hover, no-op, tokens, hints; and of each edit row)")
    parser.add_argument("--server-log", help="write the (first) server's INFO log here")
    parser.add_argument("--starts-only", action="store_true",
                        help="only the cold and warm starts, in-process and forked (no latency rows)")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="do not write the packages' bytecode first (measure starts that compile every module)")
    asyncio.run(main(parser.parse_args()))
