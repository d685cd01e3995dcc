"""Workspace-level behaviour over stdio: position-encoding negotiation, folders added and removed at runtime,
two buffers claiming one module name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import (
    DiagnosticsLog,
    capabilities,
    folder,
    open_params,
    position_of,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
)
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

EMOJI = (
    'module Emoji where\n\nimport Prelude\n\nname :: String\nname = "𝒩ova 😀"\n\n'
    'greet :: String\ngreet = "😀😀" <> name\n'
)
SAME_A = "module Same where\n\nx :: Int\nx = 1\n"
SAME_B = "module Same where\n\ny :: Int\ny = 2\n"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def setup(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[tuple[Any, DiagnosticsLog, Path, Any]]:
    root = tmp_path_factory.mktemp("workspace")
    project = root / "project"
    project.mkdir()
    (project / "Emoji.nova").write_text(EMOJI, encoding="utf-8")
    (project / "SameA.nova").write_text(SAME_A, encoding="utf-8")
    (project / "SameB.nova").write_text(SAME_B, encoding="utf-8")
    client = await start_stdio(root / "cache")
    log = record_diagnostics(client)
    offered = capabilities(["utf-16", "utf-8", "utf-32"])
    init = await client.initialize_session(types.InitializeParams(capabilities=offered))
    yield client, log, project, init
    await stop_stdio(client)


async def state(client: Any) -> Any:
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))


async def test_utf32_is_chosen_when_offered(setup: Any) -> None:
    _, _, _, init = setup
    assert init.capabilities.position_encoding == types.PositionEncodingKind.Utf32


async def test_folder_added_at_runtime_then_hover_in_code_points(setup: Any) -> None:
    client, log, project, _ = setup
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(added=[folder(project)], removed=[])))
    path = project / "Emoji.nova"
    client.text_document_did_open(open_params(path))
    await wait_for_diagnostics(log, path.as_uri())
    line, col = position_of(EMOJI, "name\n", occurrence=0)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
        position=types.Position(line=line, character=col)))
    assert hover is not None and "name :: String" in hover.contents.value
    assert hover.range is not None and hover.range.start.character == col  # utf-32: code points, no shift
    assert hover.range.end.character == col + 4
    assert [b["folder"] for b in (await state(client))["baselines"]] == [str(project.resolve())]


async def test_two_buffers_claiming_one_module_are_both_flagged(setup: Any) -> None:
    client, log, project, _ = setup
    first, second = project / "SameA.nova", project / "SameB.nova"
    client.text_document_did_open(open_params(first))
    client.text_document_did_open(open_params(second))

    def flagged(params: types.PublishDiagnosticsParams) -> bool:
        return any(d.code == "DuplicateModule" for d in params.diagnostics)

    for path, other in ((first, second), (second, first)):
        published = await wait_for_diagnostics(log, path.as_uri(), flagged)
        duplicate = next(d for d in published.diagnostics if d.code == "DuplicateModule")
        assert duplicate.range.start.line == 0 and duplicate.range.start.character == len("module ")
        assert duplicate.related_information and duplicate.related_information[0].location.uri == other.as_uri()


async def test_folder_removed_drops_its_session(setup: Any) -> None:
    client, _, project, _ = setup
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(added=[], removed=[folder(project)])))
    for _ in range(200):
        sessions = (await state(client))["sessions"]
        if all(s["folder"] != str(project.resolve()) for s in sessions):
            break
    assert all(s["folder"] != str(project.resolve()) for s in (await state(client))["sessions"])
    # its open documents carry on in single-file mode
    for _ in range(200):
        loose = [s for s in (await state(client))["sessions"] if s["folder"] is None]
        if loose and any(d["module"] == "Emoji" for d in loose[0]["documents"]):
            break
    assert loose and any(d["module"] == "Emoji" for d in loose[0]["documents"])
