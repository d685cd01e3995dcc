"""Find references and document highlight: every use of the element under the cursor, searched in its module and
in the modules that import it (the registry's dependency graph)."""

from __future__ import annotations

from lsprotocol import types

from nova import query
from nova.diagnostics import Span
from server.app import NovaLanguageServer
from server.features.definition import location_of_target
from server.hub import Hub
from server.lsp_util import At, resolve, safe


def reference_locations(at: At, target: query.Target, include_declaration: bool) -> list[types.Location]:
    module, _ = target
    view = at.session.batch
    modules = {module, at.module} | set(view.dependents(module))
    found: list[types.Location] = []
    for name in sorted(modules):
        if name == at.module:
            elements = at.open_doc.elements()
            for span in query.references_in(elements, target):
                rng = at.range(span)
                if rng is not None:
                    found.append(types.Location(at.open_doc.uri, rng))
            continue
        elements = view.elements(name) or {}
        spans = query.references_in(elements, target)
        if not spans:
            continue
        place = at.connection.location_of(at.session, name)
        if place is None:
            continue
        uri, index = place
        found.extend(types.Location(uri, at.connection.lsp_range(span, index)) for span in spans)
    if include_declaration:
        declaration = location_of_target(at, target)
        if declaration is not None and declaration not in found:
            found.insert(0, declaration)
    return found


def local_spans(at: At, include_binder: bool) -> list[tuple[Span, types.DocumentHighlightKind]]:
    binder = at.binder()
    if binder is None or at.element is None:
        return []
    found = [(span, types.DocumentHighlightKind.Read) for span in query.local_uses(at.element, binder)]
    if include_binder:
        found.insert(0, (binder, types.DocumentHighlightKind.Write))
    return found


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(types.TEXT_DOCUMENT_REFERENCES)
    @safe([])
    def references(params: types.ReferenceParams) -> list[types.Location]:
        at = resolve(ls.connection, params.text_document.uri, params.position)
        if at is None:
            return []
        target = at.target()
        if target is None:
            spans = local_spans(at, params.context.include_declaration)
            return [types.Location(uri=at.open_doc.uri, range=r) for s, _ in spans if (r := at.range(s)) is not None]
        return reference_locations(at, target, params.context.include_declaration)

    @ls.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @safe([])
    def highlight(params: types.DocumentHighlightParams) -> list[types.DocumentHighlight]:
        at = resolve(ls.connection, params.text_document.uri, params.position)
        if at is None:
            return []
        target = at.target()
        if target is None:
            return [types.DocumentHighlight(range=r, kind=kind) for s, kind in local_spans(at, True)
                    if (r := at.range(s)) is not None]
        elements = at.open_doc.elements()
        spans = [(span, types.DocumentHighlightKind.Read) for span in query.references_in(elements, target)]
        element = elements.get(target[1]) if target[0] == at.module else None
        name_span = query.name_span_of(element) if element is not None else None
        if name_span is not None:
            spans.insert(0, (name_span, types.DocumentHighlightKind.Write))
        highlights = []
        for span, kind in spans:
            rng = at.range(span)
            if rng is not None:
                highlights.append(types.DocumentHighlight(rng, kind))
        return highlights
