"""Command `nova.runExample` (what the ▶ Evaluate lens of a `-- > expression` line runs): evaluates the example
(or types it, for `-- > :type e`) against the unsaved document and writes the answer back under it as `-- =>`
comment lines through `workspace/applyEdit` (see nova.ide.examples for the format, was/now included)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.examples import Answer, Example, example_at, write_back
from server.app import NovaLanguageServer
from server.features.evaluate import evaluate, type_of
from server.hub import Hub
from server.lsp_util import safe

RUN_EXAMPLE_COMMAND = "nova.runExample"


async def answer_of(ls: NovaLanguageServer, uri: str, example: Example) -> Answer:
    if example.wants_type:
        typed = await type_of(ls, uri, example.expression)
        if typed.error is not None or typed.type is None:
            return Answer(None, (), typed.error)
        return Answer(f"{example.expression} :: {typed.type}")
    outcome = await evaluate(ls, uri, example.expression)
    return Answer(outcome.value, outcome.output, outcome.error)


async def run_example(ls: NovaLanguageServer, uri: str, line: int, text: str) -> dict[str, Any]:
    """Evaluates the example `text` nearest to `line` and writes its answer back. The document may change while
    the evaluation runs: the answer is then placed under the example where it is now, in the text as it is now."""
    doc = ls.connection.documents.get(uri)
    if doc is None:
        return {"applied": False, "error": "the document is not open"}
    example = example_at(doc.text, line, text)
    if example is None:
        return {"applied": False, "error": f"there is no `-- > {text}` line in the document any more"}
    answer = await answer_of(ls, uri, example)
    doc = ls.connection.documents.get(uri)
    example = example_at(doc.text, example.line, text) if doc is not None else None
    if doc is None or example is None:
        return {"applied": False, "error": "the example was removed while it was evaluated"}
    edit = write_back(doc.text, example, answer)
    if "\r\n" in doc.text:
        edit = replace(edit, text=edit.text.replace("\n", "\r\n"))
    rng = ls.connection.lsp_range(Span(edit.start_line, edit.start_col, edit.end_line, edit.end_col), doc.index)
    workspace_edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version),
        edits=[types.TextEdit(range=rng, new_text=edit.text)],
    )])
    result = await ls.workspace_apply_edit_async(
        types.ApplyWorkspaceEditParams(edit=workspace_edit, label="Evaluate example"))
    return {"applied": bool(result.applied), "error": result.failure_reason or answer.error,
            "value": answer.value, "output": list(answer.output)}


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.command(RUN_EXAMPLE_COMMAND)
    @safe({"applied": False, "error": "the request could not be handled"})
    async def run_example_command(*args: Any) -> dict[str, Any]:
        """Arguments: `uri, line, text` (what the lens sends: the text after `-- >`)."""
        if len(args) == 1 and isinstance(args[0], list):
            args = tuple(args[0])
        if len(args) != 3 or not isinstance(args[0], str) or isinstance(args[1], bool) \
                or not isinstance(args[1], int) or not isinstance(args[2], str):
            return {"applied": False, "error": "expected uri, line, example text"}
        return await run_example(ls, args[0], args[1], args[2])
