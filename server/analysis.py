"""The server's one doorway into the language: read a header, check a text in a layer's view, print types.
Everything the server needs from `nova` goes through here or through `nova.workspace` (the folder pipeline)."""

from __future__ import annotations

from typing import Any

from nova.diagnostics import Span

HEADER_SCAN_CHARS = 100_000
"""How much of an oversized document is searched for its header (the header parser reads only a prefix anyway)."""


def header_of(text: str) -> tuple[str, int, int] | None:
    """(module name, line, column of the name) of the `module X where` header, read with the real parser."""
    from nova.syntax.header import parse_header

    header = parse_header(text)
    if header.name is None or header.name_span is None:
        return None
    return header.name, header.name_span.start_line, header.name_span.start_col


def header_span(text: str) -> Span:
    """The module name in `module X where` (the start of the text when there is no header)."""
    header = header_of(text)
    if header is None:
        return Span(0, 0, 0, 0)
    name, line, col = header
    return Span(line, col, line, col + len(name))


def import_aliases(text: str) -> dict[str, list[str]]:
    """Qualifier → modules (`import Data.Array as Array` gives `Array` → [`Data.Array`]; a bare import of a dotted
    module also answers to its full name)."""
    from nova.syntax.header import parse_header

    return parse_header(text).aliases()


def check_text(text: str, view: Any, previous: Any = None, max_bytes: int | None = None) -> Any:
    """Parse and check one module in `view`; never raises for bad source (the checker reports diagnostics).

    The text is normalized as files read from disk are (a lone CR ends a line: the same line numbers as the
    client's). Above `max_bytes`, nothing is parsed: the result holds one diagnostic saying the file is too large."""
    from nova.sources import normalize_line_ends
    from nova.workspace import check_text as check

    if max_bytes is not None and len(text) > max_bytes // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return too_large(text, size, max_bytes)
    return check(normalize_line_ends(text), view, previous)


def check_document(text: str, view: Any, previous: Any = None, max_bytes: int | None = None) -> tuple[Any, Any]:
    """`check_text` that also returns the parse tree (None above the size limit): an open document keeps it, so
    the IDE requests that read its syntax (code actions, renames, type names) never parse it again."""
    result, items = check_edited(text, view, previous, max_bytes)
    return result, items.parsed if items is not None else None


def check_edited(text: str, view: Any, previous: Any = None, max_bytes: int | None = None,
                 earlier: Any = None) -> tuple[Any, Any]:
    """`check_document` of an edited buffer: `earlier` (the `ItemParse` this returned for the buffer's previous
    text) lets only the top-level items the edit touched be parsed again (`nova.syntax.reparse`); returns the
    result and the new `ItemParse` (None above the size limit), whose `parsed` is the parse tree."""
    from nova.check import check_module
    from nova.sources import normalize_line_ends
    from nova.syntax.reparse import parse_items, reparse

    if max_bytes is not None and len(text) > max_bytes // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return too_large(text, size, max_bytes), None
    text = normalize_line_ends(text)
    items = reparse(earlier, text) if earlier is not None else parse_items(text)
    return check_module(items.parsed, view, previous), items


def too_large(text: str, size: int, limit: int) -> Any:
    """A check result for a document over the size limit: its module name (read from the header alone), no
    declarations, one diagnostic."""
    from nova.check.checker import CheckedModule
    from nova.check.env import ModuleEnv
    from nova.check.typed import TypedModule
    from nova.diagnostics import Diagnostic, Severity

    header = header_of(text[:HEADER_SCAN_CHARS])
    name = header[0] if header is not None else "Main"
    span = Span(header[1], header[2], header[1], header[2] + len(name)) if header is not None else Span(0, 0, 0, 0)
    message = (f"This file is too large to check ({size / 2**20:.1f} MB; the server's limit is "
               f"{limit / 2**20:.1f} MB, see nova-lsp --max-file-size).")
    return CheckedModule(name=name, exports={}, typed_ast=TypedModule(name, {}), env=ModuleEnv(name), imports=(),
                         diagnostics=(Diagnostic(span, Severity.ERROR, "FileTooLarge", message),), fixities={})


def load_root() -> Any:
    from nova.stdlib import load_root as load

    return load()


def preload() -> None:
    """Import what checks, queries and evaluations need. A warm start from the cache reads interfaces without
    loading the checker; this runs on the check worker once indexing is done, so the first check or evaluation
    does not pay for the imports either."""
    import nova.check.checker
    import nova.eval.api
    import nova.snapshot
    import nova.syntax.parser
    import nova.types.pretty  # noqa: F401


def snapshot_converter() -> Any:
    from server.snapshot_codec import lazy_converter

    return lazy_converter()


def print_scheme(scheme: Any) -> str:
    try:
        from nova.types.pretty import print_scheme as pretty

        return str(pretty(scheme))
    except Exception:
        return str(scheme)


def print_type(type_: Any) -> str:
    try:
        from nova.types.pretty import print_type as pretty

        return str(pretty(type_))
    except Exception:
        return str(type_)
