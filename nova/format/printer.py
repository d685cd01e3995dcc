"""Re-printing a file from its tokens, comments and layout blocks: the line breaks as written, canonical spacing
inside each line, canonical indentation of layout blocks.

The layout rule makes columns meaningful, so indentation is computed per layout block (the `where`, `let`, `do`,
`ado`, `of` blocks the layout pass found): a block whose first token starts a line is put at a canonical column
(two spaces in from the line that opened it; `where` blocks two in from the declaration they belong to, at the
column of a `where` that starts its line, as purs-tidy writes them; `let` bindings two in from the `let`, which
ends its line when they take several); a block
that starts mid-line sits wherever its first token lands once the line is re-spaced. Every other line moves with
its innermost enclosing block, so a continuation line stays as far right of its block as it was, and a line that
closed a block still closes it. With `reindent` off, blocks that start a line keep their place relative to their
enclosing block (only mid-line re-spacing moves things): the fall-back when a canonical column would read
differently.
"""

from __future__ import annotations

from collections.abc import Callable

from nova.format.spacing import TokenRoles, gap
from nova.format.trivia import Comment
from nova.syntax.tokens import LOWER, OP, QOP, VEND, VSTART, Token

INDENT = 2
WIDTH = 80
_BREAK_BEFORE = frozenset({"::", "=>", "->"})


class Block:
    """One layout block: its column as written (layout column) and once printed."""

    __slots__ = ("enclosing", "new_col", "old_col", "opener", "top")

    def __init__(self, old_col: int, opener: int, enclosing: Block | None, top: bool) -> None:
        self.old_col = old_col
        self.new_col: int | None = None
        self.opener = opener  # index of the token that opened it (`where`, `do`, …); -1 for none
        self.enclosing = enclosing
        self.top = top

    @property
    def delta(self) -> int:
        return 0 if self.new_col is None else self.new_col - self.old_col


class _Root(Block):
    """Stands for "no block": column 0 as written and as printed."""

    def __init__(self) -> None:
        super().__init__(0, -1, None, True)
        self.new_col = 0


def _blocks(tokens: list[Token], laid_out: list[Token]
            ) -> tuple[list[Block], list[list[Block]], list[tuple[Block, ...]], dict[int, Block]]:
    """Per real token: the innermost block it belongs to, the blocks it is the first token of, the stack of open
    blocks just after it (what a comment that follows it sits in); and the `let` block each `in` closes."""
    index_of = {id(tok): i for i, tok in enumerate(tokens)}
    root = _Root()
    stack: list[Block] = [root]
    pending: list[Block] = []
    innermost: list[Block] = [root] * len(tokens)
    opens: list[list[Block]] = [[] for _ in tokens]
    after: list[tuple[Block, ...]] = [(root,)] * len(tokens)
    last_real = -1
    closed_let: Block | None = None
    let_of_in: dict[int, Block] = {}
    for tok in laid_out:
        kind = tok.kind
        if kind == VSTART:
            block = Block(tok.lcol, last_real, stack[-1], tok.value == 1)
            stack.append(block)
            pending.append(block)
        elif kind == VEND:
            if len(stack) > 1:
                closed = stack.pop()
                if closed.opener >= 0 and tokens[closed.opener].kind == "let":
                    closed_let = closed
                if closed in pending:  # an empty block: it has no first token
                    pending.remove(closed)
        elif tok.kind != ";L":
            index = index_of.get(id(tok))
            if index is None:
                continue
            if pending:
                opens[index] = pending
                pending = []
            innermost[index] = stack[-1]
            after[index] = tuple(stack)
            last_real = index
            if kind == "in" and closed_let is not None:
                let_of_in[index] = closed_let
            closed_let = None
    return innermost, opens, after, let_of_in


class _Item:
    """A token or a comment on an output line."""

    __slots__ = ("comment", "end", "end_line", "index", "lcol", "line", "start", "text")

    def __init__(self, text: str, start: int, end: int, line: int, end_line: int, lcol: int,
                 index: int, comment: Comment | None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.end_line = end_line
        self.lcol = lcol
        self.index = index  # token index, -1 for a comment
        self.comment = comment


def _rows(tokens: list[Token], comments: list[Comment]) -> list[list[_Item]]:
    """Tokens and comments in source order, grouped into output lines."""
    items: list[_Item] = []
    ci = 0
    real = len(tokens) - 1  # without EOF
    for index in range(real + 1):
        tok = tokens[index]
        while (ci < len(comments) and comments[ci].start < tok.start) or (index == real and ci < len(comments)):
            c = comments[ci]
            items.append(_Item(c.text, c.start, c.end, c.line, c.end_line, c.col, -1, c))
            ci += 1
        if index < real:
            items.append(_Item(tok.text, tok.start, tok.end, tok.line, tok.end_line, tok.lcol, index, None))
    rows: list[list[_Item]] = []
    last_line = -1
    for item in items:
        if rows and item.line <= last_line:
            rows[-1].append(item)
        else:
            rows.append([item])
        last_line = max(last_line, item.end_line)
    return rows


def _lead_commas(rows: list[list[_Item]], tokens: list[Token], roles: TokenRoles) -> None:
    """Multi-line lists with leading commas (purs-tidy): a comma ending a line inside brackets moves to the start
    of the next line, two columns left of the item it now precedes (so the item stays where it was)."""
    for r in range(len(rows) - 1):
        row = rows[r]
        last = row[-1]
        nxt = rows[r + 1]
        if (last.index < 0 or last.index not in roles.bracketed_comma or len(row) < 2 or nxt[0].index < 0
                or nxt[0].lcol < INDENT or nxt[0].line != last.line + 1):
            continue
        row.pop()
        last.lcol = nxt[0].lcol - INDENT
        last.line = last.end_line = nxt[0].line
        nxt.insert(0, last)


def _let_alone(rows: list[list[_Item]], tokens: list[Token], opens: list[list[Block]], innermost: list[Block]
               ) -> None:
    """A `let` whose bindings take more than one line ends its line (purs-tidy's `let` on a line of its own): the
    bindings start the next line, where the block's canonical column puts them two in from the `let`. A `let`
    whose bindings fit on its line (`let x = 1`, `let x = 1 in x`, an `in` on the next line) stays as it is."""
    r = 0
    while r < len(rows):
        at = _let_opening(rows[r], tokens, opens)
        if at is not None and _continues_below(rows, r, at[1], innermost):
            rows.insert(r + 1, rows[r][at[0]:])
            del rows[r][at[0]:]
        r += 1


def _let_opening(row: list[_Item], tokens: list[Token], opens: list[list[Block]]) -> tuple[int, Block] | None:
    """The position of the first binding of a `let` block that starts on this row after its `let`, and the
    block; None when there is none."""
    for k in range(len(row) - 1):
        item, first = row[k], row[k + 1]
        if item.index < 0 or first.index < 0 or tokens[item.index].kind != "let":
            continue
        block = next((b for b in opens[first.index] if b.opener == item.index), None)
        if block is not None:
            return k + 1, block
    return None


def _continues_below(rows: list[list[_Item]], r: int, block: Block, innermost: list[Block]) -> bool:
    """Whether the next line of code after row `r` starts inside `block`."""
    for row in rows[r + 1:]:
        first = next((item.index for item in row if item.index >= 0), -1)
        if first < 0:
            continue  # a comment line
        return _inside(innermost[first], block)
    return False


def _inside(inner: Block | None, block: Block) -> bool:
    """Whether `inner` is `block` or a block within it."""
    while inner is not None:
        if inner is block:
            return True
        inner = inner.enclosing
    return False


def _last_token(row: list[_Item]) -> int:
    return next(item.index for item in reversed(row) if item.index >= 0)


def _hang_lists(rows: list[list[_Item]], tokens: list[Token], roles: TokenRoles) -> dict[int, int]:
    """A list or record written over several lines right after a binding's `=` (`xs = [ 1` then `, 2` lines)
    starts the next line, two in from the binding, as purs-tidy hangs a broken right-hand side: its commas and
    closing bracket then line up under it there. Returns each such bracket with its `=` (token indices)."""
    closers = {opener: closer for closer, opener in roles.opener_of.items() if tokens[closer].kind in ("]", "}")}
    hung: dict[int, int] = {}
    r = 0
    while r < len(rows):
        row = rows[r]
        depth = 0
        for k in range(len(row) - 1):
            equals, bracket = row[k], row[k + 1]
            if equals.index < 0:
                continue
            kind = tokens[equals.index].kind
            depth += kind in ("(", "[", "{")
            depth -= kind in (")", "]", "}")
            if depth != 0 or kind != "=" or bracket.index < 0 or tokens[bracket.index].kind not in ("[", "{"):
                continue
            closer = closers.get(bracket.index)
            if closer is None or tokens[closer].line == tokens[bracket.index].line:
                continue
            rows.insert(r + 1, row[k + 1:])
            del row[k + 1:]
            hung[bracket.index] = equals.index
            break
        r += 1
    return hung


def _own_line_closers(rows: list[list[_Item]], tokens: list[Token], roles: TokenRoles) -> dict[int, int]:
    """A `]` or `}` closing a list or record written over several lines goes on a line of its own (what follows
    it on its line with it), to be aligned with its opening bracket, as purs-tidy writes them, and so does each
    line that starts with one of its commas. Returns those brackets and commas (first on their rows now) with
    their opening brackets."""
    aligned: dict[int, int] = {}
    opener_row: dict[int, int] = {}
    r = 0
    while r < len(rows):
        row = rows[r]
        for k, item in enumerate(row):
            if item.index < 0:
                continue
            opener_row[item.index] = r
            kind = tokens[item.index].kind
            opener = roles.opener_of.get(item.index)
            if opener is None or tokens[opener].kind not in ("[", "{") or opener_row.get(opener, r) == r:
                continue
            if kind == ",":
                if k == 0:
                    aligned[item.index] = opener
                continue
            if kind not in ("]", "}"):
                continue
            if k > 0:
                rows.insert(r + 1, row[k:])
                del row[k:]
            aligned[item.index] = opener
            break
        r += 1
    return aligned


_OPENS_LAYOUT = frozenset({"of", "do", "ado", "let", "where"})
_KEYWORDS_IN_EXPRESSION = frozenset({"if", "then", "else", "case", "of", "let", "in", "do", "ado", "\\", "where",
                                     "forall", "::"})


def render(source: str, tokens: list[Token], laid_out: list[Token], comments: list[Comment], reindent: bool,
           width: int = WIDTH) -> str:
    """The file printed canonically (see the module docstring). A signature written on one line (`name :: type`
    or `foreign import name :: type` alone on its line, the next line not a continuation of it) that does not fit
    in `width` columns is broken before `::`, the `forall`'s `.`, `=>` and `->` (at bracket depth 0), the leading
    symbols aligned, as purs-tidy writes long signatures."""
    roles = TokenRoles(tokens)
    innermost, opens, after, let_of_in = _blocks(tokens, laid_out)
    token_col: dict[int, int] = {}
    rows = _rows(tokens, comments)
    hung: dict[int, int] = {}
    if reindent:
        _let_alone(rows, tokens, opens, innermost)
        hung = _hang_lists(rows, tokens, roles)
    _lead_commas(rows, tokens, roles)
    aligned = _own_line_closers(rows, tokens, roles) if reindent else {}
    indents: list[int | None] = [None] * len(rows)
    texts: list[str] = [""] * len(rows)
    row_of_token: dict[int, int] = {}

    def canonical(block: Block, row_indent_of_opener: int, opener_first: bool) -> int:
        enclosing = block.enclosing
        floor = 0
        while enclosing is not None and enclosing.new_col is None:
            enclosing = enclosing.enclosing
        if enclosing is not None and not isinstance(enclosing, _Root):
            floor = enclosing.new_col or 0
        opener_tok = tokens[block.opener] if block.opener >= 0 else None
        if opener_tok is not None and opener_tok.kind == "where":
            # bindings (or instance/class members) two in from the declaration they belong to, whatever line the
            # `where` ends; under a `where` that starts its line, at its column
            return max(row_indent_of_opener if opener_first else 0, floor + INDENT)
        if opener_tok is not None and opener_tok.kind == "let":  # bindings under the `let`, `in` aligned with it
            return max(token_col.get(block.opener, row_indent_of_opener), floor) + INDENT
        return max(row_indent_of_opener, floor) + INDENT

    for r, row in enumerate(rows):
        first = row[0]
        indent: int | None = None
        if first.index >= 0:
            index = first.index
            started = opens[index]
            if started:
                block = started[-1]
                if block.top or block.opener < 0:
                    indent = block.old_col
                elif reindent:
                    opener_row = row_of_token[block.opener]
                    opener_first = rows[opener_row][0].index == block.opener
                    indent = canonical(block, indents[opener_row] or 0, opener_first)
                else:
                    enclosing = block.enclosing or innermost[index]
                    indent = first.lcol + enclosing.delta
                for b in started:
                    b.new_col = indent
            elif index in hung and hung[index] in row_of_token:
                indent = (indents[row_of_token[hung[index]]] or 0) + INDENT
            elif index in aligned and aligned[index] in token_col:
                indent = token_col[aligned[index]]
            elif reindent and index in let_of_in and let_of_in[index].opener in token_col:
                indent = token_col[let_of_in[index].opener]
            elif reindent and tokens[index].kind == "where" and innermost[index].opener >= 0:
                indent = (innermost[index].new_col or 0) + INDENT
            else:
                indent = first.lcol + innermost[index].delta
        else:
            has_token = any(item.index >= 0 for item in row)
            if has_token:  # a block comment, then code on the same line: keep the code where it is
                last = row_of_token_prev(rows, r)
                before = after[last] if last >= 0 else ()
                indent = max(0, first.lcol + _delta_at(before, first.lcol))
        if indent is not None:
            indents[r] = max(0, indent)
            texts[r] = _line(tokens, roles, row, indents[r] or 0, opens, row_of_token, r, token_col)
            at = _let_opening(row, tokens, opens) if reindent and len(texts[r]) > width else None
            if at is not None and _inside(innermost[_last_token(row)], at[1]):
                # a `let` line to break whose bindings run to its end: as if they took several lines already
                rows.insert(r + 1, row[at[0]:])
                del row[at[0]:]
                indents.insert(r + 1, None)
                texts.insert(r + 1, "")
                texts[r] = _line(tokens, roles, row, indents[r] or 0, opens, row_of_token, r, token_col)
            if len(texts[r]) > width:
                def line_of(items: list[_Item], at: int, r: int = r) -> str:
                    return _line(tokens, roles, items, at, opens, row_of_token, r, token_col)

                def block_col(index: int) -> int:
                    return innermost[index].new_col or 0

                def piece(items: list[_Item], at: int) -> str:
                    if not reindent:
                        return line_of(items, at)
                    return "\n".join(_broken_line(tokens, roles, items, at, width, line_of, token_col, block_col))

                kind = _one_line_declaration(tokens, rows, r)
                if kind == "signature":
                    texts[r] = _broken_signature(tokens, row, indents[r] or 0, line_of, piece)
                elif kind == "data":
                    texts[r] = _broken_data(tokens, row, indents[r] or 0, line_of, piece)
                else:
                    texts[r] = piece(row, indents[r] or 0)

    # comment-only lines: aligned with the code line below (or above) when they were, else moved with their block
    for r, row in enumerate(rows):
        if indents[r] is not None:
            continue
        first = row[0]
        nxt = next((k for k in range(r + 1, len(rows)) if rows[k][0].index >= 0), None)
        prv = next((k for k in range(r - 1, -1, -1) if rows[k][0].index >= 0), None)
        if nxt is not None and rows[nxt][0].lcol == first.lcol:
            indent = indents[nxt] or 0
        elif prv is not None and rows[prv][0].lcol == first.lcol:
            indent = indents[prv] or 0
        else:
            last_tok = row_of_token_prev(rows, r)
            stack = after[last_tok] if last_tok >= 0 else ()
            indent = first.lcol + _delta_at(stack, first.lcol)
        indents[r] = max(0, indent)
        texts[r] = _line(tokens, roles, row, indents[r] or 0, opens, row_of_token, r, token_col)

    out: list[str] = []
    previous_end = -1
    for r, row in enumerate(rows):
        if out and row[0].line - previous_end > 1:
            out.append("")
        out.append(texts[r])
        previous_end = max(item.end_line for item in row)
    return "\n".join(out) + "\n" if out else ""


def row_of_token_prev(rows: list[list[_Item]], r: int) -> int:
    """The last token printed before row `r` (-1 if none)."""
    for k in range(r - 1, -1, -1):
        ids = [item.index for item in rows[k] if item.index >= 0]
        if ids:
            return ids[-1]
    return -1


def _delta_at(stack: tuple[Block, ...], col: int) -> int:
    """How far a line at layout column `col` moves: with the innermost open block it is not left of."""
    for block in reversed(stack):
        if block.new_col is not None and block.old_col <= col:
            return block.delta
    return 0


def _line(tokens: list[Token], roles: TokenRoles, row: list[_Item], indent: int,
          opens: list[list[Block]], row_of_token: dict[int, int], r: int, token_col: dict[int, int]) -> str:
    """One output line: its items re-spaced, block comments and multi-line literals verbatim."""
    parts: list[str] = [" " * indent]
    col = indent
    previous: _Item | None = None
    for item in row:
        if previous is not None:
            spaced = item.start > previous.end
            if item.index >= 0 and previous.index >= 0:
                count = gap(tokens, roles, previous.index, item.index, spaced)
            elif item.comment is not None and not item.comment.block:
                count = 1
            else:
                count = 1 if spaced else 0
            parts.append(" " * count)
            col += count
        if item.index >= 0:
            row_of_token[item.index] = r
            token_col[item.index] = col
            for block in opens[item.index]:
                if block.new_col is None or item is not row[0]:
                    block.new_col = col
        parts.append(item.text)
        if "\n" in item.text:
            col = len(item.text) - item.text.rfind("\n") - 1
        else:
            col += len(item.text)
        previous = item
    return "".join(parts).rstrip()


def _one_line_declaration(tokens: list[Token], rows: list[list[_Item]], r: int) -> str | None:
    """"signature" or "data" when row `r` is a whole signature or data declaration (the next line does not continue
    it), else None."""
    row = rows[r]
    kinds = [tokens[item.index].kind if item.index >= 0 else "" for item in row[:4]]
    if kinds[:2] == [LOWER, "::"] or kinds[:4] == ["foreign", "import", LOWER, "::"]:
        found = "signature"
    elif kinds[:1] == ["data"] and any(item.index >= 0 and tokens[item.index].kind == "=" for item in row):
        found = "data"
    else:
        return None
    following = next((rows[k][0] for k in range(r + 1, len(rows)) if rows[k][0].index >= 0), None)
    return found if following is None or following.lcol <= row[0].lcol else None


def _broken_data(tokens: list[Token], row: list[_Item], indent: int, line_of: Callable[[list[_Item], int], str],
                 piece: Callable[[list[_Item], int], str]) -> str:
    """A one-line data declaration over several lines: `data T a`, then `= C …` and `| D …` lines."""
    segments: list[list[_Item]] = [[]]
    depth = 0
    for item in row:
        kind = tokens[item.index].kind if item.index >= 0 else ""
        if kind in ("(", "[", "{"):
            depth += 1
        elif kind in (")", "]", "}"):
            depth -= 1
        if depth == 0 and kind in ("=", "|") and segments[-1]:
            segments.append([])
        segments[-1].append(item)
    lines = [line_of(segments[0], indent)]
    lines.extend(piece(segment, indent + INDENT) for segment in segments[1:])
    return "\n".join(lines)


def _broken_signature(tokens: list[Token], row: list[_Item], indent: int,
                      line_of: Callable[[list[_Item], int], str], piece: Callable[[list[_Item], int], str]) -> str:
    """A one-line signature over several lines: `name`, then `:: …`, ` . …`, `=> …`, `-> …` lines."""
    segments: list[list[_Item]] = [[]]
    depth = 0
    in_forall = False
    seen_colons = False
    for item in row:
        index = item.index
        kind = tokens[index].kind if index >= 0 else ""
        if kind in ("(", "[", "{"):
            depth += 1
        elif kind in (")", "]", "}"):
            depth -= 1
        starts = False
        if depth == 0 and index >= 0:
            if kind == "::" and not seen_colons:
                seen_colons = True
                starts = True
            elif seen_colons and kind in ("=>", "->"):
                starts = True
            elif seen_colons and kind == "." and in_forall:
                starts = True
                in_forall = False
            elif seen_colons and kind == "forall":
                in_forall = True
        if starts and segments[-1]:
            segments.append([])
        segments[-1].append(item)
    if len(segments) < 3:  # nothing to gain: `name` and `:: type` only
        return line_of(row, indent)
    lines = [line_of(segments[0], indent)]
    for segment in segments[1:]:
        lead = tokens[segment[0].index].kind
        lines.append(piece(segment, indent + INDENT + (1 if lead == "." else 0)))
    return "\n".join(lines)


def _broken_line(tokens: list[Token], roles: TokenRoles, items: list[_Item], indent: int, width: int,
                 line_of: Callable[[list[_Item], int], str], token_col: dict[int, int],
                 block_col: Callable[[int], int], depth: int = 0) -> list[str]:
    """A line longer than `width` over several lines, as purs-tidy breaks what does not fit: a binding's
    right-hand side goes to the next line, two columns in (from the line, and from the layout block the binding
    is in: `let x = …` inside a `do`); if it still does not fit, it breaks before each operator, or before each
    argument of the application it is (two more columns in), else at the widest list or record on it, one item a
    line (`{ a: 1` then `, b: 2` lines and `}`, aligned with the opening bracket). Each piece is broken again
    while it is too long; a line with nothing to break stays."""
    text = line_of(items, indent)
    if len(text) <= width or depth > 50 or any("\n" in item.text for item in items):
        return [text]
    equals = _binding_equals(tokens, roles, items)
    if equals >= 0:
        at = max(indent, block_col(items[equals].index)) + INDENT
        head = _broken_line(tokens, roles, items[:equals + 1], indent, width, line_of, token_col, block_col,
                            depth + 1)
        return head + _broken_expression(tokens, roles, items[equals + 1:], at, width, line_of, token_col,
                                         block_col, depth + 1)
    return _broken_expression(tokens, roles, items, indent, width, line_of, token_col, block_col, depth + 1,
                              at_operators=False)


def _broken_expression(tokens: list[Token], roles: TokenRoles, items: list[_Item], indent: int, width: int,
                       line_of: Callable[[list[_Item], int], str], token_col: dict[int, int],
                       block_col: Callable[[int], int], depth: int, at_operators: bool = True) -> list[str]:
    """An expression starting a line at `indent`, broken as `_broken_line` says when it does not fit: before its
    operators or arguments (continued two columns in; only `at_operators`: a piece of a line already broken is
    broken at its lists and records alone), else at its widest list or record."""
    text = line_of(items, indent)
    if len(text) <= width or depth > 50 or any("\n" in item.text for item in items):
        return [text]
    starts = _expression_breaks(tokens, roles, items) if at_operators else []
    at = indent + INDENT
    if not starts:
        cuts = _group_cuts(tokens, roles, items, token_col)
        if cuts is None:
            return [text]
        opener_pos, commas, closer_pos = cuts
        if opener_pos > 0 and _after_binding_equals(tokens, items, opener_pos):
            # the list or record hangs below its binding, as `_hang_lists` puts one the author broke
            return [line_of(items[:opener_pos], indent), *_broken_expression(
                tokens, roles, items[opener_pos:], indent + INDENT, width, line_of, token_col, block_col,
                depth + 1, at_operators=False)]
        at = indent if opener_pos == 0 else token_col[items[opener_pos].index]
        starts = [*commas, closer_pos]
    starts = [0, *starts]
    pieces = [items[a:b] for a, b in zip(starts, [*starts[1:], len(items)], strict=True)]
    lines = _broken_line(tokens, roles, pieces[0], indent, width, line_of, token_col, block_col, depth + 1)
    for piece in pieces[1:]:
        lines += _broken_line(tokens, roles, piece, at, width, line_of, token_col, block_col, depth + 1)
    return lines


def _after_binding_equals(tokens: list[Token], items: list[_Item], pos: int) -> bool:
    """Whether the item before `pos` is an `=` outside every bracket of the line."""
    depth = 0
    for item in items[:pos - 1]:
        kind = tokens[item.index].kind if item.index >= 0 else ""
        depth += kind in ("(", "[", "{")
        depth -= kind in (")", "]", "}")
    before = items[pos - 1]
    return depth == 0 and before.index >= 0 and tokens[before.index].kind == "="


def _group_cuts(tokens: list[Token], roles: TokenRoles, items: list[_Item], token_col: dict[int, int]
                ) -> tuple[int, list[int], int] | None:
    """The widest `[ … ]` or `{ … }` opened and closed on the line with a comma directly in it: the positions of
    its opening bracket, of its commas and of its closing bracket."""
    open_at: list[int] = []
    commas: dict[int, list[int]] = {}
    best: tuple[int, list[int], int] | None = None
    best_width = -1
    for pos, item in enumerate(items):
        if item.index < 0:
            continue
        kind = tokens[item.index].kind
        if kind in ("(", "[", "{"):
            open_at.append(pos)
        elif kind in (")", "]", "}") and open_at:
            opener = open_at.pop()
            found = commas.pop(opener, [])
            if kind != ")" and found:
                span = token_col.get(item.index, 0) - token_col.get(items[opener].index, 0)
                if span > best_width:
                    best, best_width = (opener, found, pos), span
        elif kind == "," and open_at and item.index in roles.bracketed_comma:
            commas.setdefault(open_at[-1], []).append(pos)
    return best


def _binding_equals(tokens: list[Token], roles: TokenRoles, items: list[_Item]) -> int:
    """The position of the `=` of `name … = expression` when the line is such a binding with something after the
    `=` that is not a `case`, `if`, `let`, `do` or lambda (those keep their own layout), holds no layout block
    and closes every bracket it opens (else the expression goes on below), else -1. A comment on the line leaves
    it as written (-1)."""
    depth = 0
    equals = -1
    for pos, item in enumerate(items):
        if item.index < 0:
            return -1
        kind = tokens[item.index].kind
        if equals >= 0:
            if (depth == 0 and kind in _KEYWORDS_IN_EXPRESSION) or kind in _OPENS_LAYOUT:
                return -1  # (a block opened on the line goes on below it: its lines stay where they are)
        elif depth == 0 and kind == "=":
            equals = pos
            continue
        if kind in ("(", "[", "{"):
            depth += 1
        elif kind in (")", "]", "}"):
            depth -= 1
    return equals if 0 <= equals < len(items) - 1 and depth == 0 else -1


def _expression_breaks(tokens: list[Token], roles: TokenRoles, items: list[_Item]) -> list[int]:
    """Where an expression breaks: before each operator outside brackets, or, with none, before each argument of
    the application it is (three atoms or more); nothing for anything else or a line holding a comment."""
    depth = 0
    operators: list[int] = []
    atoms: list[int] = []
    for pos, item in enumerate(items):
        if item.index < 0:
            return []
        kind = tokens[item.index].kind
        if depth == 0 and kind in _KEYWORDS_IN_EXPRESSION:
            return []
        if depth == 0:
            if (kind in (OP, QOP) and item.index not in roles.prefix_minus) or item.index in roles.opening_tick:
                if pos > 0:
                    operators.append(pos)
            elif pos == 0 or (item.index not in roles.closing_tick and _starts_atom(items, pos, roles)):
                atoms.append(pos)
        if kind in ("(", "[", "{"):
            depth += 1
        elif kind in (")", "]", "}"):
            depth -= 1
    if operators:
        return operators
    return atoms[1:] if len(atoms) >= 3 else []


def _starts_atom(items: list[_Item], pos: int, roles: TokenRoles) -> bool:
    """Whether the token at `pos` starts an argument: written apart from the one before (`r.field`, `x@p` and
    `-1` are one argument each)."""
    before = items[pos - 1]
    return items[pos].start > before.end and before.index not in roles.prefix_minus and before.index not in \
        roles.closing_tick
