"""signatureHelp: inside an application `f a b`, show f's scheme with the argument under the cursor active."""

from __future__ import annotations

import re

from lsprotocol import types

from nova import query
from nova.diagnostics import Span
from server import analysis
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import bare_name, documentation_formats, markup, resolve, safe


def split_parameters(printed: str) -> list[tuple[int, int]]:
    """Offsets of each parameter type in a printed scheme: the top-level `->` pieces after `forall ….` and `=>`."""
    start = 0
    if printed.startswith("forall"):
        start = printed.find(".") + 1
    depth, pieces, piece_start, index = 0, [], start, start
    while index < len(printed):
        char = printed[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and printed.startswith("=>", index):
            piece_start = index + 2
            index += 2
            continue
        elif depth == 0 and printed.startswith("->", index):
            pieces.append((piece_start, index))
            piece_start = index + 2
            index += 2
            continue
        index += 1
    trimmed = []
    for begin, end in pieces:
        text = printed[begin:end]
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        trimmed.append((begin + left, begin + right))
    return trimmed


_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'."
_NAME_START = re.compile(r"[A-Za-z_]")


def name_before_space(prefix: str) -> tuple[str, int] | None:
    r"""The name right before the trailing white space of `prefix` and where it ends, or None. Linear: a regex
    searched over the prefix (`name\s+$`) is quadratic in the length of a long name or string on the line."""
    stripped = prefix.rstrip()
    if len(stripped) == len(prefix):
        return None
    run = stripped[len(stripped.rstrip(_NAME_CHARS)):]
    start = _NAME_START.search(run)
    if start is None:
        return None
    return run[start.start():], len(stripped)


def function_before_cursor(ls: NovaLanguageServer, params: types.SignatureHelpParams) -> query.Target | None:
    """`f |` (no argument typed yet, so no application in the AST): the name just before the cursor."""
    connection = ls.connection
    found = connection.open_doc(params.text_document.uri)
    if found is None:
        return None
    _, open_doc = found
    doc = open_doc.doc
    line, col = doc.index.from_client(params.position.line, params.position.character, connection.encoding)
    named = name_before_space(doc.index.line(line)[:col])
    if named is None:
        return None
    end = named[1]
    name_end = connection.lsp_range(Span(line, end - 1, line, end - 1), doc.index).start
    at = resolve(connection, params.text_document.uri, name_end)
    return query.target_of(at.node) if at is not None and at.node is not None else None


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP, types.SignatureHelpOptions(trigger_characters=[" ", "("]))
    @safe(None)
    def signature_help(params: types.SignatureHelpParams) -> types.SignatureHelp | None:
        found = ls.connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        view = found[0].batch
        at = resolve(ls.connection, params.text_document.uri, params.position)
        call = query.call_at(at.element, at.line, at.col) if at is not None and at.element is not None else None
        if call is not None:
            target, argument = query.target_of(call.function), call.argument_index
        else:
            target, argument = function_before_cursor(ls, params), 0
        if target is None:
            return None
        element = view.element(*target)
        scheme = view.scheme(*target) or getattr(element, "scheme", None)
        if scheme is None:
            return None
        name = bare_name(target[1])
        prefix = f"{name} :: "
        printed = analysis.print_scheme(scheme)
        label = prefix + printed
        parameters = [
            types.ParameterInformation(label=(len(prefix) + begin, len(prefix) + end))
            for begin, end in split_parameters(printed)
        ]
        doc = getattr(element, "doc", None)
        signature = types.SignatureInformation(
            label=label, parameters=parameters,
            documentation=markup(documentation_formats(ls), doc) if isinstance(doc, str) else None,
        )
        active = min(argument, max(len(parameters) - 1, 0))
        return types.SignatureHelp(signatures=[signature], active_signature=0, active_parameter=active)
