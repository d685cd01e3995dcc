"""The syntax tree of a document's text as it is now (not its last check's), for the features that must follow
every keystroke: folding, selection ranges, semantic tokens. The parse a check made of that very text is reused
(a check has always parsed the text it publishes diagnostics for, before the editor asks again); otherwise a few
recent parses are kept, keyed by the text, so the requests an editor sends together after an edit parse it once."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from nova.sources import normalize_line_ends

if TYPE_CHECKING:  # the parser is imported by the first parse, not by a server's start
    from nova.syntax.parser import ParsedModule

_KEPT = 8
_recent: OrderedDict[str, ParsedModule] = OrderedDict()


def too_large(text: str, max_bytes: int) -> bool:
    """Over the server's file-size limit: these features answer nothing rather than parse it on the event loop."""
    return len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes


def parsed_now(text: str) -> tuple[str, ParsedModule]:
    """(the text with line ends normalised, its parse)."""
    clean = normalize_line_ends(text)
    parsed = _recent.get(clean)
    if parsed is None:
        from nova.syntax import parse_module

        parsed = parse_module(clean)
        _recent[clean] = parsed
        while len(_recent) > _KEPT:
            _recent.popitem(last=False)
    else:
        _recent.move_to_end(clean)
    return clean, parsed


def parsed_of(open_doc: Any, text: str) -> tuple[str, ParsedModule]:
    """`parsed_now(text)`, answered from the open document's own checks when one of them parsed this text (its
    latest check's, or its last good one's)."""
    for checked_text, parsed in ((open_doc.checked_text, open_doc.parsed), (open_doc.good_text, open_doc.good_parsed)):
        if parsed is not None and (checked_text is text or checked_text == text):
            return normalize_line_ends(text), parsed
    return parsed_now(text)
