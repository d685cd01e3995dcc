"""Folding ranges: the regions of a module an editor can collapse, read off its syntax tree and its comments.

Declarations, the import block, comment blocks, `where`/`let` blocks, `do` blocks, case arms, and records and
arrays written over several lines. Lines are 0-based; a range keeps its first line visible and hides the rest, so
only regions over two lines or more are returned, and at most one per first line (the outermost: editors keep
one range per start line and the outer one is what a user folding a declaration means).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nova.diagnostics import Span
from nova.syntax import ast
from nova.syntax.walk import children

_LINE_COMMENT = re.compile(r"\s*--+(?![:!#$%&*+./<=>?@\\^|~-])")


@dataclass(frozen=True, slots=True)
class FoldRange:
    """`kind` is "comment", "imports" or "region" (LSP's folding range kinds)."""

    start_line: int
    end_line: int
    kind: str = "region"


def folding_ranges(module: ast.Module, text: str) -> list[FoldRange]:
    """Every foldable region of a module (its syntax tree and the text it was parsed from), by first line."""
    lines = text.split("\n")
    found: list[FoldRange] = []
    found.extend(_comment_blocks(lines))
    if len(module.imports) > 1:
        first, last = module.imports[0].span, module.imports[-1].span
        found.append(FoldRange(first.start_line, last.end_line, "imports"))
    for decl in module.decls:
        found.append(FoldRange(decl.span.start_line, decl.span.end_line))
        found.extend(_inner_ranges(decl, lines))
    best: dict[int, FoldRange] = {}
    for fold in found:
        if fold.end_line <= fold.start_line:
            continue
        held = best.get(fold.start_line)
        if held is None or fold.end_line > held.end_line:
            best[fold.start_line] = fold
    return [best[line] for line in sorted(best)]


def _inner_ranges(decl: object, lines: list[str]) -> list[FoldRange]:
    found: list[FoldRange] = []
    stack: list[object] = [decl]
    while stack:
        node = stack.pop()
        span = node.span  # type: ignore[attr-defined]
        if span.start_line == span.end_line:
            continue  # on one line: neither it nor anything inside it folds
        if isinstance(node, ast.Unguarded | ast.Guarded) and node.where:
            found.append(_block(node.where[0].span, node.where[-1].span, lines, "where"))
        elif isinstance(node, ast.Let) and node.bindings:
            found.append(FoldRange(node.span.start_line, node.bindings[-1].span.end_line))
        elif isinstance(node, ast.DoLet | ast.CaseAlt | ast.Case | ast.Do | ast.Ado | ast.RecordLit | ast.ArrayLit
                        | ast.Lambda | ast.If | ast.TypeRecord | ast.TypeRow | ast.PatRecord | ast.PatArray
                        | ast.LocalValue | ast.RecordUpdate):
            found.append(FoldRange(node.span.start_line, node.span.end_line))
        stack.extend(children(node))
    return found


def _block(first: Span, last: Span, lines: list[str], keyword: str) -> FoldRange:
    """A block introduced by `keyword`: from the keyword's line (when the keyword ends the line before the first
    binding, the usual layout) to the last binding."""
    start = first.start_line
    before = lines[start - 1].rstrip() if 0 < start <= len(lines) else ""
    if before.endswith(keyword):
        start -= 1
    return FoldRange(start, last.end_line)


def _comment_blocks(lines: list[str]) -> list[FoldRange]:
    """Runs of two or more whole-line `--` comments, and `{- … -}` comments over several lines."""
    found: list[FoldRange] = []
    run_start: int | None = None
    number = 0
    while number < len(lines):
        line = lines[number]
        stripped = line.lstrip()
        if stripped.startswith("{-"):
            close = _block_comment_end(lines, number, len(line) - len(stripped) + 2)
            if close > number:
                found.append(FoldRange(number, close, "comment"))
            if run_start is not None and number - 1 > run_start:
                found.append(FoldRange(run_start, number - 1, "comment"))
            run_start = None
            number = close + 1
            continue
        if _LINE_COMMENT.match(line):
            if run_start is None:
                run_start = number
        else:
            if run_start is not None and number - 1 > run_start:
                found.append(FoldRange(run_start, number - 1, "comment"))
            run_start = None
        number += 1
    if run_start is not None and len(lines) - 1 > run_start:
        found.append(FoldRange(run_start, len(lines) - 1, "comment"))
    return found


def _block_comment_end(lines: list[str], line: int, col: int) -> int:
    """The line where a block comment opened at (line, col) closes (block comments nest), or the last line."""
    depth = 1
    number = line
    while number < len(lines):
        text = lines[number]
        while col < len(text):
            if text.startswith("{-", col):
                depth += 1
                col += 2
            elif text.startswith("-}", col):
                depth -= 1
                col += 2
                if depth == 0:
                    return number
            else:
                col += 1
        number += 1
        col = 0
    return len(lines) - 1
