"""Selection ranges ("expand selection"): from the word under the cursor out through each enclosing syntax node
(argument, application, operator chain, case arm, body, declaration) to the whole module.

Read off the syntax tree of the text as it is now, so it works on code that does not check. Every range covers the
one before it and is strictly larger, as LSP requires.
"""

from __future__ import annotations

from collections.abc import Iterable

from nova import query
from nova.diagnostics import Span
from nova.syntax import ast
from nova.syntax.walk import children

MAX_DEPTH = 64
"""Ranges per answer at most: each is nested in the next as JSON, and clients' JSON readers have depth limits."""


def selection_chain(module: ast.Module, line: int, col: int) -> list[Span]:
    """The spans around a position, innermost first, ending with the whole module; [] outside the module."""
    if not module.span.contains(line, col):
        return []
    roots: list[object] = [*module.imports, *module.decls]
    chain: list[Span] = []
    for root in roots:
        span = query.span_of(root)
        if span is None or not span.contains(line, col):
            continue
        chain = _nested(reversed(syntax_path(root, line, col)))
        break
    whole = module.span
    if not chain or (whole.covers(chain[-1]) and whole != chain[-1]):
        chain.append(whole)
    if len(chain) > MAX_DEPTH:  # 100k nested parentheses: the innermost steps and the outermost ones
        chain = chain[:MAX_DEPTH // 2] + chain[-(MAX_DEPTH // 2):]
    return chain


def syntax_path(root: object, line: int, col: int) -> list[Span]:
    """The spans of the syntax nodes containing a position, outermost first. Where two siblings touch at the
    position (`f(x)`, the cursor after `f`), the one the position starts or lies inside wins over the one it ends."""
    path: list[Span] = []
    node: object | None = root
    while node is not None:
        span = query.span_of(node)
        if span is not None:
            path.append(span)
        inside: object | None = None
        at_end: object | None = None
        for child in children(node):
            child_span = query.span_of(child)
            if child_span is None or not child_span.contains(line, col):
                continue
            if (line, col) < (child_span.end_line, child_span.end_col):
                inside = child
                break
            if at_end is None:
                at_end = child
        node = inside if inside is not None else at_end
    return path


def _nested(spans_innermost_first: Iterable[Span]) -> list[Span]:
    """Keep the spans that strictly grow and each cover the previous one."""
    chain: list[Span] = []
    for span in spans_innermost_first:
        if not chain or (span != chain[-1] and span.covers(chain[-1])):
            chain.append(span)
    return chain
