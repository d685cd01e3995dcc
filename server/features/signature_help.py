"""signatureHelp: inside an application `f a b`, show f's scheme with the argument under the cursor active."""

from __future__ import annotations

from lsprotocol import types

from nova import query
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


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP, types.SignatureHelpOptions(trigger_characters=[" ", "("]))
    @safe(None)
    def signature_help(params: types.SignatureHelpParams) -> types.SignatureHelp | None:
        at = resolve(ls.connection, params.text_document.uri, params.position)
        if at is None or at.element is None:
            return None
        call = query.call_at(at.element, at.line, at.col)
        if call is None:
            return None
        target = query.target_of(call.function)
        if target is None:
            return None
        element = at.session.batch.element(*target)
        scheme = at.session.batch.scheme(*target) or getattr(element, "scheme", None)
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
        active = min(call.argument_index, max(len(parameters) - 1, 0))
        return types.SignatureHelp(signatures=[signature], active_signature=0, active_parameter=active)
