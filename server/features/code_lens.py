"""Code lens "▶ Evaluate" on every `-- > expression` comment line and on every top-level value of no arguments
(`main`, `answer = 42`). On a `-- >` line the lens runs `nova.runExample`, which writes the answer back under the
line as `-- =>` comments (server.features.examples); on a value it runs `nova.evaluate`, and once run its title
shows the result.
Above each top-level value written without a signature, a lens "add signature: name :: type" inserts the inferred
signature (command `nova.addSignature`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lsprotocol import types

from nova.diagnostics import Span
from nova.ide.examples import LINE_BREAK, find_examples
from nova.types.types import TFun
from server.app import NovaLanguageServer
from server.current_syntax import parsed_of, too_large
from server.features.evaluate import EVALUATE_COMMAND, last_result
from server.features.examples import RUN_EXAMPLE_COMMAND
from server.hub import Hub
from server.ide_bridge import open_source
from server.lsp_util import safe

TITLE = "▶ Evaluate"


def evaluable_values(elements: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Top-level values without parameters and without class constraints, that are not functions."""
    found: list[tuple[str, Any]] = []
    for key, element in elements.items():
        if getattr(element, "kind", None) != "value" or getattr(element, "name_span", None) is None:
            continue
        clauses = getattr(element, "clauses", ())
        scheme = getattr(element, "scheme", None)
        if not clauses or any(clause.params for clause in clauses) or scheme is None or scheme.constraints:
            continue
        if isinstance(scheme.type, TFun):
            continue
        found.append((key, element))
    return found


def _title(ls: Any, uri: str, expression: str) -> str:
    outcome = last_result(ls, uri, expression)
    return TITLE if outcome is None else f"{TITLE}  {outcome.summary()}"


def lenses(ls: NovaLanguageServer, uri: str) -> list[types.CodeLens]:
    connection = ls.connection
    doc = connection.documents.get(uri)
    if doc is None:
        return []
    out: list[types.CodeLens] = []
    examples = find_examples(doc.text)
    lines = LINE_BREAK.split(doc.text) if examples else []
    for example in examples:
        line = example.line
        rng = connection.lsp_range(Span(line, len(example.indent), line, len(lines[line])), doc.index)
        command = types.Command(title=TITLE, command=RUN_EXAMPLE_COMMAND, arguments=[uri, line, example.text])
        out.append(types.CodeLens(range=rng, command=command))
    found = connection.open_doc(uri)
    if found is not None:
        _session, open_doc = found
        # The last good result: `from_checked` maps from its text (the latest check may be a half-typed one).
        for key, element in evaluable_values(open_doc.elements()):
            # On the first line of the declaration (its signature when it has one), over the name.
            first = element.span if element.span.start_line <= element.name_span.start_line else element.name_span
            line, col = first.start_line, first.start_col
            start = doc.from_checked((line, col))
            stop = doc.from_checked((line, col + len(element.name)))
            if start is None or stop is None:
                continue
            rng = connection.lsp_range(Span(*start, *stop), doc.index)
            out.append(_lens(ls, uri, rng, key))
        out.extend(signature_lenses(ls, uri, open_doc))
    return out


ADD_SIGNATURE_COMMAND = "nova.addSignature"


def signature_lenses(ls: Any, uri: str, open_doc: Any) -> list[types.CodeLens]:
    """"add signature" over each top-level value without one (from the last good check, placed in the current
    text; a declaration edited since is skipped)."""
    from nova.ide.hover import type_names
    from nova.ide.signatures import missing_signatures

    if open_doc.good is None:
        return []
    connection = ls.connection
    doc = open_doc.doc
    if too_large(open_doc.good_text, connection.hub.limits.max_file_bytes):
        return []
    _, parsed = parsed_of(open_doc, open_doc.good_text)
    out: list[types.CodeLens] = []
    found = connection.open_doc(uri)
    src = open_source(open_doc)
    names = type_names(found[0].batch if found is not None else None, src) if src is not None else None
    for missing in missing_signatures(open_doc.elements(), parsed.module, names):
        start = doc.from_checked((missing.line, missing.indent))
        stop = doc.from_checked((missing.line, missing.indent + len(missing.name)))
        if start is None or stop is None:
            continue
        rng = connection.lsp_range(Span(*start, *stop), doc.index)
        command = types.Command(title=f"add signature: {missing.signature}", command=ADD_SIGNATURE_COMMAND,
                                arguments=[uri, doc.version, start[0], missing.indent, missing.signature])
        out.append(types.CodeLens(range=rng, command=command))
    return out


def _lens(ls: Any, uri: str, rng: types.Range, expression: str) -> types.CodeLens:
    command = types.Command(title=_title(ls, uri, expression), command=EVALUATE_COMMAND, arguments=[uri, expression])
    return types.CodeLens(range=rng, command=command)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    @safe([])
    def code_lens(params: types.CodeLensParams) -> list[types.CodeLens]:
        return lenses(ls, params.text_document.uri)

    @ls.command(ADD_SIGNATURE_COMMAND)
    @safe({"applied": False, "error": "the request could not be handled"})
    async def add_signature(*args: Any) -> dict[str, Any]:
        """Arguments: `uri, version, line, indent, signature` (what the lens sends): inserts the signature above
        the line, when the document is still at that version."""
        if len(args) == 1 and isinstance(args[0], list):
            args = tuple(args[0])
        if len(args) != 5 or not isinstance(args[0], str) or not all(isinstance(a, int) for a in args[1:4]) \
                or not isinstance(args[4], str):
            return {"applied": False, "error": "expected uri, version, line, indent, signature"}
        uri, version, line, indent, signature = args
        doc = ls.connection.documents.get(uri)
        if doc is None or doc.version != version:
            return {"applied": False, "error": "the document changed since the lens was shown"}
        position = types.Position(line=line, character=0)
        edit = types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=[types.TextEdit(range=types.Range(position, position), new_text=" " * indent + signature + "\n")],
        )])
        result = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label="Add signature"))
        return {"applied": bool(result.applied), "error": result.failure_reason}
