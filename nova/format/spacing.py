"""How many spaces go between two neighbouring tokens on one line (purs-tidy's choices).

The rules look at the two token kinds and at whether the source had any space there: where adjacency means
something (`r.field`, `x@(Just _)`, `f @Int`, `-1`, `M.x`) the choice written is kept (no space stays no space,
any run of spaces becomes one). Everything else is canonical: one space around operators, `=`, `::`, `->`,
after commas and none before them, `[ 1, 2 ]` and `{ a: 1 }` padded inside, `(x)` not.
"""

from __future__ import annotations

from nova.syntax.tokens import (
    CHAR,
    INT,
    LOWER,
    NUMBER,
    OP,
    QLOWER,
    QOP,
    QSYMBOL,
    QUPPER,
    STRING,
    TYPED_HOLE,
    UPPER,
    Token,
)

# binary operators and reserved symbols that are spaced on both sides
_SPACED = frozenset({OP, QOP, "::", "->", "<-", "=>", "=", "|"})
# tokens after which a `-` is binary (an operand just ended)
_OPERAND_END = frozenset(
    {LOWER, UPPER, QLOWER, QUPPER, INT, NUMBER, STRING, CHAR, ")", "]", "}", "_", TYPED_HOLE, QSYMBOL}
)


class TokenRoles:
    """What each token is where the kind alone does not say: prefix minus, record-label colon, backticks."""

    __slots__ = ("bracketed_comma", "closing_tick", "label_colon", "open_list", "opener_of", "opening_tick",
                 "prefix_minus")

    opener_of: dict[int, int]
    """Each closing bracket's, and each bracketed comma's, opening bracket (token indices)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.prefix_minus: set[int] = set()
        self.label_colon: set[int] = set()
        self.opening_tick: set[int] = set()
        self.closing_tick: set[int] = set()
        # `(` of a comma list written over several lines (export and import lists): `( a` then `, b` lines
        self.open_list: set[int] = set()
        # commas separating the items of a bracketed list, record or export/import list
        self.bracketed_comma: set[int] = set()
        self.opener_of = {}
        brackets: list[str] = []
        openers: list[int] = []
        with_comma: set[int] = set()
        ticks = 0
        for index, tok in enumerate(tokens):
            kind = tok.kind
            if kind in ("(", "[", "{"):
                brackets.append(kind)
                openers.append(index)
            elif kind in (")", "]", "}"):
                if brackets:
                    brackets.pop()
                    opener = openers.pop()
                    self.opener_of[index] = opener
                    if kind == ")" and opener in with_comma and tokens[opener].line != tok.line:
                        self.open_list.add(opener)
            elif kind == ",":
                if openers:
                    with_comma.add(openers[-1])
                    self.bracketed_comma.add(index)
                    self.opener_of[index] = openers[-1]
            elif kind == "`":
                (self.opening_tick if ticks % 2 == 0 else self.closing_tick).add(index)
                ticks += 1
            elif kind == OP and tok.text == "-":
                before = tokens[index - 1] if index else None
                if before is None or (before.kind not in _OPERAND_END and index - 1 not in self.closing_tick):
                    self.prefix_minus.add(index)
            elif (kind == OP and tok.text == ":" and brackets and brackets[-1] == "{" and index >= 2
                  and tokens[index - 2].kind in ("{", ",")):
                # `{ a: 1, b: 2 }`: the label right after `{` or `,` (a keyword or string label too)
                self.label_colon.add(index)


def gap(tokens: list[Token], roles: TokenRoles, left: int, right: int, spaced: bool) -> int:
    """Spaces between tokens `left` and `right` (consecutive, on one output line); `spaced`: the source had some."""
    a = tokens[left]
    b = tokens[right]
    ak = a.kind
    bk = b.kind
    if bk == "," or bk == ";":
        return 0
    if ak == "," or ak == ";":
        return 1
    if ak == "(":
        return 1 if left in roles.open_list else 0
    if bk == ")":
        return 0
    if ak == "[":
        return 0 if bk == "]" else 1
    if bk == "]":
        return 1
    if ak == "{":
        return 0 if bk == "}" else 1
    if bk == "}":
        return 1
    if left in roles.opening_tick or right in roles.closing_tick:
        return 0
    if right in roles.opening_tick or left in roles.closing_tick:
        return 1
    if ak == "\\":
        return 0
    if ak == "." or bk == "." or ak == "@" or bk == "@":
        return 1 if spaced else 0
    if right in roles.label_colon:
        return 0
    if left in roles.prefix_minus:
        return 1 if spaced else 0
    if ak in _SPACED or bk in _SPACED:
        return 1
    return 1 if spaced else 0
