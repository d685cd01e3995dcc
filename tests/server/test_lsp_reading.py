"""The reading features end to end against the real server over stdio: folding and selection ranges, semantic
tokens, inlay hints, the type of a selection, pull diagnostics (one server for the whole module)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import (
    DiagnosticsLog,
    capabilities,
    folder,
    full_change,
    open_params,
    position_of,
    record_diagnostics,
    start_stdio,
    stop_stdio,
    utf16,
    wait_for_diagnostics,
    wait_until,
)
from lsprotocol import types
from pytest_lsp.client import LanguageClient

SHAPES = """module Shapes where

import Prelude
import Data.Maybe
import Data.Array as Array

-- | Shapes we can draw.
-- | (two lines of doc)
data Shape = Circle Int | Square Int

area :: Shape -> Int
area shape = case shape of
  Circle r ->
    r * r * 3
  Square side -> side * side

total = Array.length [ 1
                     , 2
                     ]

greet name = "hi " <> name
"""

pytestmark = pytest.mark.asyncio(loop_scope="module")


def track_refreshes(client: LanguageClient) -> list[str]:
    """The refresh requests the server sends (answered, as an editor does)."""
    seen: list[str] = []

    @client.feature(types.WORKSPACE_INLAY_HINT_REFRESH)
    def inlay(params: Any) -> None:
        seen.append(types.WORKSPACE_INLAY_HINT_REFRESH)

    @client.feature(types.WORKSPACE_SEMANTIC_TOKENS_REFRESH)
    def tokens(params: Any) -> None:
        seen.append(types.WORKSPACE_SEMANTIC_TOKENS_REFRESH)

    return seen


class Env:
    def __init__(self, project: Path, client: LanguageClient, diagnostics: DiagnosticsLog,
                 init: types.InitializeResult) -> None:
        self.project, self.client, self.diagnostics, self.init = project, client, diagnostics, init
        self.refreshes: list[str] = []

    @property
    def shapes(self) -> Path:
        return self.project / "Shapes.nova"

    def doc(self) -> types.TextDocumentIdentifier:
        return types.TextDocumentIdentifier(uri=self.shapes.as_uri())


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    root = tmp_path_factory.mktemp("reading")
    project = root / "project"
    project.mkdir()
    (project / "Shapes.nova").write_text(SHAPES, encoding="utf-8")
    client = await start_stdio(root / "cache")
    diagnostics = record_diagnostics(client)
    refreshes = track_refreshes(client)
    client.set_configuration({"parameterNames": False}, section="nova.inlayHints")

    caps = capabilities(["utf-16"])
    assert caps.workspace is not None
    caps.workspace.configuration = True
    caps.workspace.inlay_hint = types.InlayHintWorkspaceClientCapabilities(refresh_support=True)
    caps.workspace.semantic_tokens = types.SemanticTokensWorkspaceClientCapabilities(refresh_support=True)
    init = await client.initialize_session(types.InitializeParams(
        capabilities=caps, workspace_folders=[folder(project)]))
    environment = Env(project, client, diagnostics, init)
    environment.refreshes = refreshes
    client.text_document_did_open(open_params(environment.shapes))
    await wait_for_diagnostics(diagnostics, environment.shapes.as_uri())
    yield environment
    await stop_stdio(client)


async def test_folding_ranges_follow_unsaved_edits(env: Env) -> None:
    folds = await env.client.text_document_folding_range_async(types.FoldingRangeParams(text_document=env.doc()))
    assert folds is not None
    shown = {(f.start_line, f.end_line, f.kind) for f in folds}
    assert (position_of(SHAPES, "import Prelude")[0], position_of(SHAPES, "import Data.Array")[0],
            types.FoldingRangeKind.Imports) in shown
    assert (position_of(SHAPES, "-- | Shapes")[0], position_of(SHAPES, "-- | (two")[0],
            types.FoldingRangeKind.Comment) in shown
    assert (position_of(SHAPES, "area shape")[0], position_of(SHAPES, "Square side")[0],
            types.FoldingRangeKind.Region) in shown
    assert (position_of(SHAPES, "total =")[0], position_of(SHAPES, "]")[0], types.FoldingRangeKind.Region) in shown
    edited = "-- a\n-- b\n" + SHAPES + "broken = (\n"
    env.client.text_document_did_change(full_change(env.shapes, 2, edited))
    folds = await env.client.text_document_folding_range_async(types.FoldingRangeParams(text_document=env.doc()))
    assert folds is not None
    assert (0, 1, types.FoldingRangeKind.Comment) in {(f.start_line, f.end_line, f.kind) for f in folds}
    assert any(f.start_line == position_of(edited, "area shape")[0] for f in folds)
    env.client.text_document_did_change(full_change(env.shapes, 3, SHAPES))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 3)


async def test_selection_ranges_grow_to_the_module(env: Env) -> None:
    line, col = position_of(SHAPES, "side * side", offset=8)
    answer = await env.client.text_document_selection_range_async(types.SelectionRangeParams(
        text_document=env.doc(), positions=[utf16(SHAPES, line, col)]))
    assert answer is not None and len(answer) == 1
    texts = []
    lines = SHAPES.split("\n")
    current: types.SelectionRange | None = answer[0]
    while current is not None:
        r = current.range
        texts.append(lines[r.start.line][r.start.character:r.end.character] if r.start.line == r.end.line
                     else f"{r.start.line}-{r.end.line}")
        current = current.parent
    assert texts[0] == "side"
    assert "side * side" in texts and "Square side -> side * side" in texts
    assert texts[-1] == f"0-{len(lines) - 1}"


def decode(data: list[int], legend: types.SemanticTokensLegend, text: str
           ) -> dict[tuple[int, str], tuple[str, set[str]]]:
    """(line, written text) → (token type, modifiers) of a token array."""
    lines = text.split("\n")
    found: dict[tuple[int, str], tuple[str, set[str]]] = {}
    line = col = 0
    for i in range(0, len(data), 5):
        delta_line, delta_col, length, type_index, bits = data[i:i + 5]
        line += delta_line
        col = col + delta_col if delta_line == 0 else delta_col
        modifiers = {m for bit, m in enumerate(legend.token_modifiers) if bits & (1 << bit)}
        found.setdefault((line, lines[line][col:col + length]), (legend.token_types[type_index], modifiers))
    return found


async def test_semantic_tokens_full_delta_and_range(env: Env) -> None:
    init_legend = env.init.capabilities.semantic_tokens_provider
    assert init_legend is not None
    legend = init_legend.legend
    assert {"namespace", "type", "interface", "typeParameter", "enumMember", "function", "parameter",
            "property", "operator"} <= set(legend.token_types)
    assert {"declaration", "definition", "readonly", "defaultLibrary", "effectful"} <= set(legend.token_modifiers)
    full = await env.client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=env.doc()))
    assert full is not None and full.result_id
    found = decode(full.data, legend, SHAPES)
    area = position_of(SHAPES, "area shape")[0]
    assert found[(area, "area")] == ("function", {"definition"})
    assert found[(area, "shape")] == ("parameter", {"declaration"})
    assert found[(position_of(SHAPES, "  Circle r")[0], "Circle")][0] == "enumMember"
    assert found[(position_of(SHAPES, "total =")[0], "Array")][0] == "namespace"
    assert found[(position_of(SHAPES, "total =")[0], "length")] == ("function", {"defaultLibrary"})
    assert found[(position_of(SHAPES, "data Shape")[0], "Shape")] == ("type", {"declaration"})

    edited = SHAPES.replace('greet name = "hi " <> name', 'greet name = "hi " <> name <> name')
    env.client.text_document_did_change(full_change(env.shapes, 10, edited))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 10)
    answer = await env.client.text_document_semantic_tokens_full_delta_async(
        types.SemanticTokensDeltaParams(text_document=env.doc(), previous_result_id=full.result_id))
    assert isinstance(answer, types.SemanticTokensDelta) and len(answer.edits) == 1
    edit = answer.edits[0]
    data = list(full.data)
    patched = data[:edit.start] + list(edit.data or []) + data[edit.start + edit.delete_count:]
    again = await env.client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=env.doc()))
    assert again is not None and patched == list(again.data)
    assert len(edit.data or []) < len(again.data)  # only the changed tail is sent
    greet = position_of(edited, "greet name")[0]
    ranged = await env.client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(
        text_document=env.doc(), range=types.Range(types.Position(greet, 0), types.Position(greet, 40))))
    assert ranged is not None
    shown = decode(ranged.data, legend, edited)
    assert {line for line, _ in shown} == {greet}
    assert shown[(greet, "<>")] == ("operator", {"defaultLibrary"})
    env.client.text_document_did_change(full_change(env.shapes, 11, SHAPES))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 11)


async def test_tokens_asked_right_after_a_change_wait_for_its_check(env: Env) -> None:
    """An editor asks for tokens as soon as it sends a change: the answer is that of the change's check (`total`
    is a function from then on), not the last check's meanings mapped through the edit (a value)."""
    legend = env.init.capabilities.semantic_tokens_provider
    assert legend is not None
    edited = SHAPES.replace("total = Array.length [ 1\n                     , 2\n                     ]",
                            "total = Array.length")
    assert edited != SHAPES
    total = position_of(edited, "total =")[0]
    env.client.text_document_did_change(full_change(env.shapes, 20, edited))
    answer = await env.client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=env.doc()))
    assert answer is not None
    assert decode(answer.data, legend.legend, edited)[(total, "total")] == ("function", {"definition"})
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 20)
    env.client.text_document_did_change(full_change(env.shapes, 21, SHAPES))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 21)


def labels(hints: list[types.InlayHint], text: str) -> dict[tuple[int, str], str]:
    """(line, text of the line before the hint) → label."""
    lines = text.split("\n")
    out = {}
    for hint in hints:
        label = hint.label if isinstance(hint.label, str) else "".join(p.value for p in hint.label)
        out[(hint.position.line, lines[hint.position.line][:hint.position.character])] = label
    return out


async def test_inlay_hints_follow_settings_resolve_to_links_and_refresh(env: Env) -> None:
    whole = types.Range(types.Position(0, 0), types.Position(len(SHAPES.split("\n")), 0))
    hints = await env.client.text_document_inlay_hint_async(types.InlayHintParams(text_document=env.doc(),
                                                                                  range=whole))
    assert hints is not None
    shown = labels(hints, SHAPES)
    greet = position_of(SHAPES, "greet name")[0]
    total = position_of(SHAPES, "total =")[0]
    assert shown[(greet, "greet")] == ":: String -> String"
    assert shown[(total, "total")] == ":: Int"
    assert not any(label.endswith(":") for label in shown.values())  # parameter names are off

    pick = SHAPES + "\npick = area (Circle 2)\n\nfirst s = case s of\n  Circle r -> Square r\n  other -> other\n"
    env.client.text_document_did_change(full_change(env.shapes, 30, pick))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 30)
    await wait_until(lambda: types.WORKSPACE_INLAY_HINT_REFRESH in env.refreshes, what="an inlay hint refresh")
    assert types.WORKSPACE_SEMANTIC_TOKENS_REFRESH in env.refreshes
    env.client.set_configuration({"parameterNames": True}, section="nova.inlayHints")
    env.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    whole = types.Range(types.Position(0, 0), types.Position(len(pick.split("\n")), 0))
    hints = await env.client.text_document_inlay_hint_async(types.InlayHintParams(text_document=env.doc(),
                                                                                  range=whole))
    assert hints is not None
    shown = labels(hints, pick)
    line = position_of(pick, "pick = ")[0]
    assert shown.get((line, "pick = area ")) == "shape:", shown
    first = next(h for h in hints if h.position.line == position_of(pick, "first s")[0])
    assert isinstance(first.label, list) and "".join(p.value for p in first.label) == ":: Shape -> Shape"
    resolved = await env.client.inlay_hint_resolve_async(first)
    assert isinstance(resolved.label, list)
    shape_part = next(p for p in resolved.label if p.value == "Shape")
    assert shape_part.location is not None and shape_part.location.uri == env.shapes.as_uri()
    assert shape_part.location.range.start.line == position_of(pick, "data Shape")[0]
    only = types.Range(types.Position(line, 0), types.Position(line, 30))
    ranged = await env.client.text_document_inlay_hint_async(types.InlayHintParams(text_document=env.doc(),
                                                                                   range=only))
    assert ranged is not None and {h.position.line for h in ranged} == {line}
    env.client.text_document_did_change(full_change(env.shapes, 31, SHAPES))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 31)


async def test_type_enclosing_walks_out_from_a_selection(env: Env) -> None:
    line, col = position_of(SHAPES, "side * side", offset=0)
    answer = await env.client.protocol.send_request_async("nova/typeEnclosing", {
        "textDocument": {"uri": env.shapes.as_uri()},
        "range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 8}}})
    enclosings = answer.enclosings if not isinstance(answer, dict) else answer["enclosings"]
    rows = SHAPES.split("\n")
    found = []
    for item in enclosings:
        r = item["range"] if isinstance(item, dict) else item.range
        start, end = (r["start"], r["end"]) if isinstance(r, dict) else (r.start, r.end)
        sl, sc = (start["line"], start["character"]) if isinstance(start, dict) else (start.line, start.character)
        el, ec = (end["line"], end["character"]) if isinstance(end, dict) else (end.line, end.character)
        text = rows[sl][sc:ec] if sl == el else f"{sl}-{el}"
        found.append((text, item["type"] if isinstance(item, dict) else item.type))
    assert found[0] == ("side * side", "Int")
    assert found[-1] == (f"{position_of(SHAPES, 'area ::')[0]}-{position_of(SHAPES, 'Square side')[0]}",
                         "Shape -> Int")
    position = await env.client.protocol.send_request_async("nova/typeEnclosing", {
        "textDocument": {"uri": env.shapes.as_uri()}, "position": {"line": line, "character": col + 1}})
    first = position.enclosings[0] if not isinstance(position, dict) else position["enclosings"][0]
    assert (first["type"] if isinstance(first, dict) else first.type) == "Int"
    bad = await env.client.protocol.send_request_async("nova/typeEnclosing", {"textDocument": {"uri": 3}})
    assert "expected" in (bad["error"] if isinstance(bad, dict) else bad.error)


async def test_push_clients_get_empty_pull_reports(env: Env) -> None:
    report = await env.client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=env.doc()))
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport) and list(report.items) == []
    assert env.init.capabilities.diagnostic_provider is not None


async def test_pull_clients_get_reports_and_no_pushes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    broken = project / "Broken.nova"
    broken.write_text("module Broken where\n\nx :: Int\nx = \"no\"\n", encoding="utf-8")
    (project / "Saved.nova").write_text("module Saved where\n\ny :: Int\ny = \"also no\"\n", encoding="utf-8")
    client = await start_stdio(tmp_path / "cache")
    diagnostics = record_diagnostics(client)
    try:
        client.set_configuration({"mode": "pull"}, section="nova.diagnostics")
        caps = capabilities(["utf-16"])
        assert caps.workspace is not None and caps.text_document is not None
        caps.workspace.configuration = True
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities()
        await client.initialize_session(types.InitializeParams(capabilities=caps,
                                                               workspace_folders=[folder(project)]))
        client.text_document_did_open(open_params(broken))
        await wait_for_diagnostics(diagnostics, broken.as_uri())  # pushed before the first pull
        doc = types.TextDocumentIdentifier(uri=broken.as_uri())
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert [d.range.start.line for d in report.items] == [3] and report.result_id
        await wait_until(lambda: diagnostics.messages(broken.as_uri()) == [], what="the pushed diagnostics cleared")
        again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=doc, previous_result_id=report.result_id))
        assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
        pushes = len(diagnostics.versions(broken.as_uri()))
        client.text_document_did_change(full_change(broken, 2, "module Broken where\n\nx :: Int\nx = 1\n"))
        await wait_until(lambda: client.diagnostic_refresh_count > 0, what="a diagnostic refresh after the check")
        fixed = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
        assert isinstance(fixed, types.RelatedFullDocumentDiagnosticReport) and list(fixed.items) == []
        assert len(diagnostics.versions(broken.as_uri())) == pushes  # the check's result was not pushed
        workspace = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
        by_uri = {item.uri: item for item in workspace.items}
        saved = by_uri[(project / "Saved.nova").as_uri()]
        assert isinstance(saved, types.WorkspaceFullDocumentDiagnosticReport)
        assert [d.range.start.line for d in saved.items] == [3]
        assert broken.as_uri() in by_uri
    finally:
        await stop_stdio(client)


async def test_layers_show_shadowed_modules_and_updates(env: Env) -> None:
    state = await env.client.protocol.send_request_async("nova/layers", {})
    data = state if isinstance(state, dict) else {"sessions": state.sessions, "events": state.events}

    def get(obj: Any, key: str) -> Any:
        return obj[key] if isinstance(obj, dict) else getattr(obj, key)

    sessions = get(state, "sessions")
    session = next(s for s in sessions if get(s, "folder") == str(env.project))
    names = [get(layer, "name") for layer in get(session, "layers")]
    assert names == ["session", "baseline", "root"]
    baseline = get(session, "layers")[1]
    assert get(baseline, "moduleCount") == 1
    assert get(get(session, "layers")[2], "moduleCount") > 20
    edited = SHAPES.replace("greet name", "greetings name").replace('"hi " <> name', '"hello " <> name')
    env.client.text_document_did_change(full_change(env.shapes, 40, edited))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 40)
    state = await env.client.protocol.send_request_async("nova/layers", {})
    session = next(s for s in get(state, "sessions") if get(s, "folder") == str(env.project))
    shadowed = get(get(session, "layers")[0], "modules")
    assert [get(m, "module") for m in shadowed] == ["Shapes"]
    assert get(shadowed[0], "version") == 40 and get(shadowed[0], "unsaved") is True
    events = get(state, "events")
    latest = next(e for e in events if get(e, "module") == "Shapes")
    assert get(latest, "layer") == "session" and get(latest, "kind") == "put" and get(latest, "exportsChanged")
    assert data is not None
    env.client.text_document_did_change(full_change(env.shapes, 41, SHAPES))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 41)


async def test_layers_show_what_a_save_changed_and_rechecked(env: Env) -> None:
    """Each save is reported: the module's revision in the baseline, whether its exports changed there, and the
    saved importers re-checked because of it; the session shadows nothing until the next unsaved edit."""
    uses = env.project / "Uses.nova"
    uses.write_text("module Uses where\n\nimport Shapes\n\nbig :: Shape\nbig = Square 9\n", encoding="utf-8")
    env.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=uses.as_uri(), type=types.FileChangeType.Created)]))

    def get(obj: Any, key: str) -> Any:
        return obj[key] if isinstance(obj, dict) else getattr(obj, key)

    async def state() -> tuple[list[Any], list[Any], list[Any]]:
        answer = await env.client.protocol.send_request_async("nova/layers", {})
        session = next(s for s in get(answer, "sessions") if get(s, "folder") == str(env.project))
        layers = get(session, "layers")
        return get(layers[0], "modules"), [get(m, "module") for m in get(layers[1], "modules")], get(answer, "events")

    async def baseline_has_uses() -> bool:
        return "Uses" in (await state())[1]

    for _ in range(600):
        if await baseline_has_uses():
            break
        await asyncio.sleep(0.05)
    assert await baseline_has_uses()
    saved = SHAPES + "\nsaved :: Int\nsaved = 1\n"
    before = len((await state())[2])
    env.client.text_document_did_change(full_change(env.shapes, 60, saved))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 60)
    env.shapes.write_text(saved, encoding="utf-8")
    env.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=env.doc()))

    async def save_report() -> Any:
        events = (await state())[2]
        return next((e for e in events[:len(events) - before] if get(e, "kind") == "save"), None)

    for _ in range(600):
        if await save_report() is not None:
            break
        await asyncio.sleep(0.05)
    shadowed, _, events = await state()
    report = await save_report()
    assert shadowed == []  # saved: the baseline holds it, the session shadows nothing
    assert report is not None and get(report, "module") == "Shapes" and get(report, "layer") == "baseline"
    assert get(report, "exportsChanged") and get(report, "rechecked") == ["Uses"]
    commit = next(e for e in events if get(e, "module") == "Shapes" and get(e, "kind") == "commit")
    assert get(report, "rev") == get(commit, "rev")
    # a save that changes no export re-checks no importer
    before = len(events)
    quiet = saved.replace("saved = 1", "saved = 2")
    env.client.text_document_did_change(full_change(env.shapes, 61, quiet))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 61)
    env.shapes.write_text(quiet, encoding="utf-8")
    env.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=env.doc()))
    for _ in range(600):
        if await save_report() is not None:
            break
        await asyncio.sleep(0.05)
    report = await save_report()
    assert report is not None and not get(report, "exportsChanged") and get(report, "rechecked") == []
    env.shapes.write_text(SHAPES, encoding="utf-8")
    env.client.text_document_did_change(full_change(env.shapes, 62, SHAPES))
    env.client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=env.doc()))
    uses.unlink()
    env.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=uses.as_uri(), type=types.FileChangeType.Deleted)]))
    await wait_for_diagnostics(env.diagnostics, env.shapes.as_uri(), lambda p: p.version == 62)


async def test_add_signature_lens_inserts_the_inferred_signature(env: Env) -> None:
    lenses = await env.client.text_document_code_lens_async(types.CodeLensParams(text_document=env.doc()))
    assert lenses is not None
    titles = {lens.command.title: lens for lens in lenses if lens.command is not None}
    lens = titles["add signature: greet :: String -> String"]
    assert lens.range.start.line == position_of(SHAPES, "greet name")[0]
    assert "add signature: total :: Int" in titles
    assert not any(title.startswith("add signature: area") for title in titles)  # it has one
    edits: list[types.ApplyWorkspaceEditParams] = []

    @env.client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        edits.append(params)
        return types.ApplyWorkspaceEditResult(applied=True)

    assert lens.command is not None
    result = await env.client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=lens.command.command, arguments=lens.command.arguments))
    assert result["applied"] if isinstance(result, dict) else result.applied
    change = edits[0].edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    assert change.edits[0].new_text == "greet :: String -> String\n"
    assert change.edits[0].range.start.line == position_of(SHAPES, "greet name")[0]
    stale = list(lens.command.arguments or [])
    stale[1] = -1
    refused = await env.client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=lens.command.command, arguments=stale))
    assert not (refused["applied"] if isinstance(refused, dict) else refused.applied)
