"""The server reads workspace files as `nova parse` and `nova check` do (one reader: BOM, CR-only, CRLF, invalid
UTF-8, regular files only, a size bound), and a FIFO or an oversized file in a folder never stalls indexing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lsp_harness import start_daemon, stop_daemon
from raw_client import RawClient, notification

from nova.check.lint import LINT_CODES


@pytest.mark.asyncio
async def test_workspace_files_are_read_like_the_command_line_reads_them(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Cr.nova").write_bytes(b"module Cr where\r\rimport Prelude\r\rcr :: Int\rcr = 40\r")
    (project / "Bom.nova").write_bytes(b"\xef\xbb\xbfmodule Bom where\n\nimport Prelude\n\nbom :: Int\nbom = 1\n")
    (project / "Crlf.nova").write_bytes(b"module Crlf where\r\n\r\nimport Prelude\r\n\r\ncrlf :: Int\r\ncrlf = 1\r\n")
    latin = b"module Latin where\n\nimport Prelude\n\nname :: String\nname = \"caf\xe9\"\n"
    (project / "Latin.nova").write_bytes(latin)
    os.mkfifo(project / "Pipe.nova")  # would block an ordinary open() for ever
    (project / "Zero.nova").symlink_to("/dev/zero")  # would be read until memory runs out
    (project / "Large.nova").write_text("module Large where\n\n" + "-- padding\n" * 20_000)
    main = project / "Main.nova"
    main_text = ("module Main where\n\nimport Prelude\nimport Cr (cr)\nimport Bom (bom)\nimport Crlf (crlf)\n"
                 "import Latin (name)\n\ntotal :: Int\ntotal = cr + bom + crlf\n")
    main.write_text(main_text)
    socket_path = tmp_path / "nova.sock"
    process = await start_daemon(socket_path, tmp_path / "cache", "--no-cache", "--max-file-size", "100K")
    try:
        client = await RawClient.unix(socket_path)
        await client.initialize(workspaceFolders=[{"uri": project.as_uri(), "name": "project"}])
        client.send(notification("textDocument/didOpen", {"textDocument": {
            "uri": main.as_uri(), "languageId": "nova", "version": 1, "text": main_text}}))
        while True:
            message = await client.read_message(timeout=60)
            assert message is not None
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == main.as_uri():
                break
        # every import resolved: the files were read and checked (lint warnings aside)
        assert [d for d in message["params"]["diagnostics"] if d["code"] not in LINT_CODES] == []
        answer = await client.call(1, "nova/evaluate", {"textDocument": {"uri": (project / "Cr.nova").as_uri()},
                                                        "expression": "cr + 2"})
        assert answer["result"]["value"] == "42"  # the CR-only file, read from disk, not open
        latin = await client.call(2, "nova/evaluate", {"textDocument": {"uri": main.as_uri()}, "expression": "name"})
        assert latin["result"]["value"] == '"caf\ufffd"'
        state = (await client.call(3, "workspace/executeCommand", {"command": "nova.dumpState"}))["result"]
        modules = state["baselines"][0]["modules"]
        assert {"Cr", "Bom", "Crlf", "Latin", "Main"} <= set(modules)
        assert not {"Pipe", "Zero", "Large"} & set(modules)  # left out (not sources; too large, logged)
        assert "Large.nova: too large" in socket_path.with_suffix(".log").read_text()
        await client.close()
    finally:
        await stop_daemon(process)
