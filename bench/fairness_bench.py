"""Fairness between connections: one editor's keystroke diagnostics while another editor's large folder is indexed.

One daemon (unix socket), two clients, each with its own workspace folder. Client B opens a small project (4
modules) and types in its last module: keystroke → publishDiagnostics, first with the daemon otherwise idle
(unloaded), then while client A's folder (generated as in `scale_bench.py`: 50k lines by default, `--shape chain`
or `wide`) is cold-indexed, for as long as that index lasts. Prints both latency distributions (p50, p90, max) and
the ratio of the loaded p50 to the unloaded p50 (goal: ≤ 2), and A's cold index time. No asserts on time.

Usage: python bench/fairness_bench.py [--lines 50000] [--shape chain|wide] [--edits 20]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scale_bench import generate

# bench/ and tests/server/ each have a `raw_client` module, imported by that name by their neighbours: the test
# harness gets its own (scale_bench's imports took bench's first)
sys.modules.pop("raw_client", None)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "server"))
from tests.server.lsp_harness import connect, disconnect, start_daemon, stop_daemon  # noqa: E402


class Typist:
    """Client B: one open document edited one keystroke at a time, each waited for until its diagnostics."""

    def __init__(self, client: Any, path: Path) -> None:
        self.client = client
        self.path = path
        self.uri = path.as_uri()
        self.published: dict[str, int | None] = {}
        self.version = 1
        self.text = path.read_text(encoding="utf-8")
        marker = self.text.index(" x = x * ")
        self.line = self.text.count("\n", 0, marker)
        self.column = marker - self.text.rindex("\n", 0, marker) - 1 + len(" x = x * ")

        features = client.protocol.fm.features
        original = features.get(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

        def record(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = params.version
            if original is not None:
                original(params)

        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
        client.feature("nova/interfaceUpdated")(lambda params: None)

    async def open(self) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
            uri=self.uri, language_id="nova", version=1, text=self.text)))
        await self.wait(1)

    async def wait(self, version: int) -> None:
        while self.published.get(self.uri) != version:
            await asyncio.sleep(0.0005)

    async def keystroke(self) -> float:
        self.version += 1
        began = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(self.line, self.column), types.Position(self.line, self.column + 1)),
                text=str(self.version % 9 + 1))]))
        await self.wait(self.version)
        return time.perf_counter() - began


def index_done(client: Any) -> bool:
    return any(isinstance(v, types.WorkDoneProgressEnd) for vs in client.progress_reports.values() for v in vs)


async def initialize(client: Any, workspace: Path) -> None:
    await client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(window=types.WindowClientCapabilities(work_done_progress=True)),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name=workspace.name)]))


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (f"p50 {statistics.median(ordered) * 1000:6.1f} ms  p90 {p90 * 1000:6.1f} ms  "
            f"max {ordered[-1] * 1000:6.1f} ms  ({len(ordered)} keystrokes)")


async def main(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="nova-fairness-"))
    process = None
    try:
        _, small_lines, small_last = generate(tmp / "small", 2_000, "chain")
        modules, lines, _ = generate(tmp / "large", args.lines, args.shape)
        socket_path = tmp / "daemon.sock"
        process = await start_daemon(socket_path, tmp / "cache")
        typist_client = await connect(socket_path)
        await initialize(typist_client, tmp / "small")
        while not index_done(typist_client):
            await asyncio.sleep(0.01)
        typist = Typist(typist_client, small_last)
        await typist.open()
        for _ in range(3):  # warm: the first checks after opening reuse nothing yet
            await typist.keystroke()
        unloaded = [await typist.keystroke() for _ in range(args.edits)]

        indexer = await connect(socket_path)
        began = time.perf_counter()
        await initialize(indexer, tmp / "large")
        loaded: list[float] = []
        while not index_done(indexer):
            loaded.append(await typist.keystroke())
        index_wall = time.perf_counter() - began
        after = [await typist.keystroke() for _ in range(args.edits)]
        print(f"client B: a {small_lines}-line project; client A: {lines} lines, {modules} modules ({args.shape})")
        print(f"B unloaded          {summary(unloaded)}")
        print(f"B while A indexes   {summary(loaded) if loaded else 'no keystroke finished during the index'}")
        print(f"B after A's index   {summary(after)}")
        print(f"A's cold index {index_wall:.2f} s")
        if loaded:
            ratio = statistics.median(loaded) / statistics.median(unloaded)
            print(f"ratio loaded/unloaded p50 {ratio:.2f} (goal ≤ 2)")
        await disconnect(indexer)
        await disconnect(typist_client)
    finally:
        if process is not None:
            await stop_daemon(process)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50_000)
    parser.add_argument("--shape", choices=["chain", "wide"], default="chain")
    parser.add_argument("--edits", type=int, default=20)
    asyncio.run(main(parser.parse_args()))
