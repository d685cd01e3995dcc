"""Hover: the type (a name's scheme), its doc comment and where it comes from (module · layer). Answers from the
document's last good typed AST, never waiting for a check in flight."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from nova import keys, query
from server import analysis
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import At, bare_name, hover_formats, markup, resolve, safe


def describe_target(at: At, target: query.Target) -> str | None:
    module, key = target
    view = at.session.batch
    element = view.element(module, key)
    scheme = view.scheme(module, key) or getattr(element, "scheme", None)
    if scheme is None and element is None:
        return None
    name = bare_name(key)
    if scheme is not None:
        signature = f"{_paren(name)} :: {analysis.print_scheme(scheme)}"
    else:
        kind = getattr(element, "kind", None) or keys.namespace_of(key)
        signature = f"{kind} {name}"
    parts = [f"```nova\n{signature}\n```"]
    doc = getattr(element, "doc", None)
    if isinstance(doc, str) and doc.strip():
        parts.append(doc.strip())
    parts.append(f"`{module}` · layer: {at.session.layer_name(module)}")
    return "\n\n".join(parts)


def _paren(name: str) -> str:
    return name if name[:1].isalnum() or name[:1] in "_'" else f"({name})"


def describe_node(node: Any) -> str | None:
    type_ = query.type_of(node)
    if type_ is None:
        return None
    name = query.name_of(node)
    shown = analysis.print_type(type_)
    return f"```nova\n{_paren(name) + ' :: ' if name else ''}{shown}\n```"


def hover_at(at: At, formats: Any = None) -> types.Hover | None:
    target = at.target()
    text = describe_target(at, target) if target is not None else None
    node = at.node
    if text is None and node is not None:
        text = describe_node(node)
    if text is None:
        return None
    span = query.span_of(node) if node is not None and node is not at.element else None
    if target is not None and (node is None or node is at.element):
        span = at.word_span or query.name_span_of(at.element)
    rng = at.range(span) if span is not None else None
    return types.Hover(contents=markup(formats, text), range=rng)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_HOVER)
    @safe()
    def hover(params: types.HoverParams) -> types.Hover | None:
        at = resolve(ls.connection, params.text_document.uri, params.position)
        return hover_at(at, hover_formats(ls)) if at is not None else None
