"""A diagnostic's `data` (nova.diagnostics.Diagnostic.data: the plain facts its quick fixes act on) to and from
LSP's `Diagnostic.data`, which the client keeps with the diagnostic and sends back in a code action request's
context. Ranges inside it travel like the diagnostic's own range: as LSP ranges in the client's position
encoding, read back through the same mapping as the request's range."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from lsprotocol import types

from nova.diagnostics import Diagnostic, Severity, Span

MAX_DEPTH = 8
"""Data nests a few levels at most; anything deeper that a client sends back is dropped, not walked."""


def to_lsp(data: Mapping[str, Any] | None, to_range: Callable[[Span], types.Range]) -> dict[str, Any] | None:
    """JSON-ready data, each `Span` as an LSP range (`{"start": {"line", "character"}, "end": …}`)."""
    if data is None:
        return None

    def convert(value: Any, depth: int) -> Any:
        if isinstance(value, Span):
            r = to_range(value)
            return {"start": {"line": r.start.line, "character": r.start.character},
                    "end": {"line": r.end.line, "character": r.end.character}}
        if depth >= MAX_DEPTH:
            return None
        if isinstance(value, Mapping):
            return {str(k): convert(v, depth + 1) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [convert(v, depth + 1) for v in value]
        return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)

    out = convert(data, 0)
    return out if isinstance(out, dict) else None


def _position(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Mapping) and set(value) == {"line", "character"}:
        line, char = value["line"], value["character"]
        if type(line) is int and type(char) is int and line >= 0 and char >= 0:
            return line, char
    return None


def from_lsp(data: Any, to_span: Callable[[tuple[int, int], tuple[int, int]], Span | None]
             ) -> dict[str, Any] | None:
    """The data as the language's quick fixes read it: LSP ranges back to `Span`s of the checked text
    (`to_span(start, end)`, None where the text under it changed: the fact is dropped). Whatever a client sends
    that is not such data gives None."""

    def convert(value: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            return None
        if isinstance(value, Mapping):
            if set(value) == {"start", "end"}:
                start, end = _position(value["start"]), _position(value["end"])
                if start is not None and end is not None:
                    return to_span(start, end)
            return {str(k): convert(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v, depth + 1) for v in value]
        return value if value is None or isinstance(value, (str, int, float, bool)) else None

    out = convert(data, 0) if isinstance(data, Mapping) else None
    return out if isinstance(out, dict) else None


def from_lsp_diagnostic(d: types.Diagnostic, to_span: Callable[[tuple[int, int], tuple[int, int]], Span | None]
                        ) -> Diagnostic | None:
    """One of this server's diagnostics as the client sent it back (None for another tool's, or one whose range
    no longer maps onto the checked text)."""
    if d.source != "nova" or not isinstance(d.code, str):
        return None
    span = to_span((d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character))
    if span is None:
        return None
    severity = Severity(int(d.severity)) if d.severity is not None else Severity.WARNING
    return Diagnostic(span, severity, d.code, d.message, data=from_lsp(d.data, to_span))


def with_client_data(own: list[Diagnostic], sent: list[Diagnostic]) -> list[Diagnostic]:
    """The document's diagnostics, each with the data the client sent back for it (same code and range) when it
    sent some. A diagnostic the client holds that the document's check no longer gives (the client has not yet
    seen the newer check) gets no fix: its ranges may not describe the checked text."""
    sent_data = {(d.code, d.span): d for d in sent if d.data is not None}
    return [sent_data.get((d.code, d.span), d) for d in own]
