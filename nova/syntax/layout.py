"""The layout rule: inserts virtual block-start / separator / block-end tokens into the token stream.

This follows PureScript's layout algorithm (a purely lexical state machine over a stack of delimiters, so the parser
never looks at columns): `where`, `let`, `do`, `ado`, `of` open indented blocks at the next token's column when that is
deeper than the enclosing indented block; a token at a block's column on a new line separates items; tokens left of
a block close it; brackets, `case … of`, `if/then/else`, guards, lambdas, record labels and `forall … .` push
masking delimiters so their commas, arrows and keyword-labels do not disturb the blocks around them.

One addition accepts code PureScript rejects: a line starting with a negative number literal (`-1 -> …`) at the
column of a case's alternatives starts a new alternative (PureScript closes the alternatives at any operator there).

A few additions keep broken files usable in an editor (conventionally formatted code lays out as in PureScript;
only a non-bracket token at a block's column inside an open bracket is read differently):
- a file without a `module … where` header (or whose header is broken) still gets a top-level block;
- a line starting at a block's column while a bracket, `if` or `case` opened in that block's current item is
  still open ends the broken item, so an unclosed `(` cannot swallow the following bindings or declarations;
- a stray closing bracket (no opener inside the current block) closes no block;
- the top-level block is only closed by the end of the file: a token left of the top-level column inside a
  declaration is left for the parser to report, instead of ending the module early.

Virtual tokens record in `value` the stack index of the block they belong to (1 = the top-level block), which the
parser uses to resynchronise after an error.
"""

from __future__ import annotations

from nova.syntax.tokens import (
    CHAR,
    EOF,
    INT,
    KEYWORDS,
    LOWER,
    NUMBER,
    OP,
    QLOWER,
    QOP,
    QUPPER,
    STRING,
    UPPER,
    VEND,
    VSEP,
    VSTART,
    Token,
)

# Delimiters. Indented ones (blocks) are < 10, so `delim < 10` means "is indented".
LET = 1
LETSTMT = 2
WHERE = 3
OF = 4
DO = 5
ADO = 6
ROOT = 10
TOPDECL = 11
TOPDECLHEAD = 12
DECLGUARD = 13
CASE = 14
CASEBINDERS = 15
CASEGUARD = 16
LAMBDABINDERS = 17
PAREN = 18
BRACE = 19
SQUARE = 20
IF = 21
THEN = 22
PROPERTY = 23
FORALL = 24
TICK = 25

_INDENTED_LIMIT = 10
# Tokens that need no rule of their own (each just goes through `insert_default`).
_PLAIN = frozenset({UPPER, QUPPER, INT, NUMBER, CHAR})
# every reserved word (after `.` one is a record label, not a keyword)
_KEYWORD_LIKE = KEYWORDS
# Tokens that may legitimately start a line at a block's column inside an open bracket or `if`/`case`.
_CONTINUATIONS = frozenset({")", "]", "}", ",", "then", "else", "of", "in", "->"})


_DECLARATION_KEYWORDS = frozenset(
    {"import", "data", "newtype", "derive", "foreign", "infix", "infixl", "infixr", "instance"}
)


def _starts_declaration_after_header(tok: Token, nxt: Token, stack: list[tuple[int, int, int]]) -> bool:
    """Whether a token at the header's column, while the header has not reached its `where`, begins the body.

    Export lists written at column 0 (`(a`, `, b`, `) where`) stay in the header; inside an unclosed export list
    only something that cannot be an export item (`x = …`, `import …`) starts the declarations.
    """
    kind = tok.kind
    if kind == "where":
        return False
    if not any(entry[2] == PAREN for entry in stack):
        return kind != "("
    if kind in _DECLARATION_KEYWORDS:
        return True
    return kind == LOWER and nxt.kind not in (",", ")", "(")


def layout(tokens: list[Token]) -> list[Token]:
    """Return the token list with virtual layout tokens inserted (the input ends with EOF; so does the output)."""
    out: list[Token] = []
    emit = out.append
    # Stack entries: (line, layout column, delimiter).
    stack: list[tuple[int, int, int]] = [(-1, -1, ROOT)]
    top_open = False
    header_col = 0
    n = len(tokens)
    prev_line = -1

    def virtual(kind: str, tok: Token, index: int) -> None:
        vt = Token(kind, "", tok.start, tok.start, tok.line, tok.col, tok.line, tok.col, tok.lcol)
        vt.value = index
        emit(vt)

    def collapse_to(index: int, tok: Token) -> None:
        """Pop the stack down to length `index`, closing each indented block popped."""
        while len(stack) > index:
            entry = stack.pop()
            if entry[2] < _INDENTED_LIMIT:
                virtual(VEND, tok, len(stack))

    def scan_offside(col: int) -> int:
        i = len(stack)
        while i > (2 if top_open else 1):
            e = stack[i - 1]
            if e[2] < _INDENTED_LIMIT and col < e[1]:
                i -= 1
            else:
                break
        return i

    def scan_offside_end(col: int) -> int:
        i = len(stack)
        while i > (2 if top_open else 1):
            e = stack[i - 1]
            if e[2] < _INDENTED_LIMIT and col <= e[1]:
                i -= 1
            else:
                break
        return i

    def scan_indented() -> int:
        i = len(stack)
        while i > (2 if top_open else 1) and stack[i - 1][2] < _INDENTED_LIMIT:
            i -= 1
        return i

    def close_unfinished(tok: Token) -> None:
        """A line starting at (or left of) a block's column while a bracket, `if`, `case`, … opened inside that
        block's current item is still open: the item is broken. Drop the open delimiters so the line starts the
        next item (or closes the block) instead of being swallowed by the bracket."""
        col = tok.lcol
        seen_open = False
        i = len(stack) - 1
        lowest = 2 if top_open else 1
        while i >= lowest:
            line, block_col, delim = stack[i]
            if delim < _INDENTED_LIMIT:
                if block_col < col:
                    return
                if seen_open:
                    collapse_to(i + 1, tok)
                    return
            elif delim > TOPDECLHEAD and not (delim == CASEBINDERS and line == tok.line):
                # (the case binders pushed for the alternative this very token starts are not left open)
                seen_open = True
            i -= 1
        if seen_open and top_open and stack[1][1] >= col:
            collapse_to(2, tok)

    def close_bracket(tok: Token, opener: int) -> None:
        """A closing bracket closes the blocks opened inside its bracket; a stray one (no opener right below those
        blocks) closes nothing, so it cannot end the enclosing `where` or instance body early."""
        i = scan_indented()
        below = stack[i - 1][2]
        if below == PROPERTY and opener == BRACE and i >= 2 and stack[i - 2][2] == BRACE:
            below = BRACE
        if below != opener:
            emit(tok)
            return
        collapse_to(i, tok)
        if opener == BRACE:
            pop_property()
        stack.pop()
        emit(tok)

    def insert_sep(tok: Token) -> None:
        line, col, delim = stack[-1]
        if col == tok.lcol and line != tok.line:
            if delim in (TOPDECL, TOPDECLHEAD):
                stack.pop()
                virtual(VSEP, tok, len(stack) - 1)
            elif delim < _INDENTED_LIMIT:
                virtual(VSEP, tok, len(stack) - 1)
                if delim == OF:
                    stack.append((tok.line, tok.lcol, CASEBINDERS))

    def insert_default(tok: Token) -> None:
        col = tok.lcol
        top = stack[-1]
        if top[2] < _INDENTED_LIMIT and col < top[1]:
            collapse_to(scan_offside(col), tok)
            top = stack[-1]
        if top[1] == col and top[0] != tok.line:  # (only then can `insert_sep` insert anything)
            insert_sep(tok)
        emit(tok)

    def insert_start(delim: int, nxt: Token) -> bool:
        for entry in reversed(stack):
            if entry[2] < _INDENTED_LIMIT:
                if nxt.lcol <= entry[1]:
                    return False
                break
        if nxt.kind == EOF and delim != WHERE:
            return False
        stack.append((nxt.line, nxt.lcol, delim))
        vt = Token(VSTART, "", nxt.start, nxt.start, nxt.line, nxt.col, nxt.line, nxt.col, nxt.lcol)
        vt.value = len(stack) - 1
        emit(vt)
        return True

    def pop_property() -> None:
        if stack[-1][2] == PROPERTY:
            stack.pop()

    def is_top_decl(tok: Token) -> bool:
        return len(stack) == 2 and stack[1][2] == WHERE and stack[1][1] == tok.lcol

    for index in range(n):
        tok = tokens[index]
        kind = tok.kind
        first_on_line = tok.line != prev_line
        prev_line = tok.end_line
        if kind == EOF:
            collapse_to(1, tok)
            emit(tok)
            break
        nxt = tokens[index + 1]

        # Recovery and headerless files: make sure a top-level block exists.
        if not top_open:
            if index == 0 and kind != "module":
                top_open = True
                stack.append((tok.line, tok.lcol, WHERE))
                virtual(VSTART, tok, 1)
            elif index == 0:
                header_col = tok.lcol
            elif first_on_line and tok.lcol <= header_col and _starts_declaration_after_header(tok, nxt, stack):
                top_open = True
                collapse_to(1, tok)
                stack.append((tok.line, tok.lcol, WHERE))
                virtual(VSTART, tok, 1)
        elif first_on_line and tok.lcol < stack[1][1]:
            # A line left of the top-level block: the block was opened too far right (`where (` on the header
            # line) and no valid module continues here, so recover by moving the block to this column.
            collapse_to(2, tok)
            stack[1] = (tok.line, tok.lcol, WHERE)
            virtual(VSEP, tok, 1)
        elif first_on_line and kind not in _CONTINUATIONS and stack[-1][2] >= _INDENTED_LIMIT:
            close_unfinished(tok)

        if kind in _KEYWORD_LIKE and stack[-1][2] == PROPERTY:
            tok.kind = kind = LOWER

        if kind == LOWER or kind in _PLAIN:
            # the most common tokens, with `insert_default` inlined for the case where it only emits
            top = stack[-1]
            col = tok.lcol
            if (top[2] < _INDENTED_LIMIT and col < top[1]) or (top[1] == col and top[0] != tok.line):
                insert_default(tok)
            else:
                emit(tok)
            if kind == LOWER and stack[-1][2] == PROPERTY:
                stack.pop()
        elif kind in (OP, QOP):
            col = tok.lcol
            top = stack[-1]
            if (
                top[2] == OF
                and top[1] == col
                and first_on_line
                and tok.text == "-"
                and nxt.start == tok.end
                and (nxt.kind == INT or nxt.kind == NUMBER)
            ):
                # `-1 -> …` starting a case alternative: a negative literal pattern, not an operator continuing
                # the `case` expression (PureScript's rule would close the alternatives here)
                insert_sep(tok)
                emit(tok)
                continue
            collapse_to(scan_offside_end(col), tok)
            insert_sep(tok)
            emit(tok)
        elif kind == "(":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, PAREN))
        elif kind == ")":
            close_bracket(tok, PAREN)
        elif kind == ",":
            collapse_to(scan_indented(), tok)
            emit(tok)
            if stack[-1][2] == BRACE:
                stack.append((tok.line, tok.lcol, PROPERTY))
        elif kind == ".":
            insert_default(tok)
            if stack[-1][2] == FORALL:
                stack.pop()
            else:
                stack.append((tok.line, tok.lcol, PROPERTY))
        elif kind == "->":
            col = tok.lcol
            i = len(stack)
            while i > (2 if top_open else 1):
                e = stack[i - 1]
                d = e[2]
                if d == DO or (d < _INDENTED_LIMIT and d != OF and col <= e[1]):
                    i -= 1
                else:
                    break
            collapse_to(i, tok)
            if stack[-1][2] in (CASEBINDERS, CASEGUARD, LAMBDABINDERS):
                stack.pop()
            emit(tok)
        elif kind == "=":
            i = len(stack)
            while i > (2 if top_open else 1) and stack[i - 1][2] in (WHERE, LET, LETSTMT):
                i -= 1
            if stack[i - 1][2] == DECLGUARD:
                collapse_to(i, tok)
                stack.pop()
                emit(tok)
            else:
                insert_default(tok)
        elif kind == "{":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, BRACE))
            stack.append((tok.line, tok.lcol, PROPERTY))
        elif kind == "}":
            close_bracket(tok, BRACE)
        elif kind == "[":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, SQUARE))
        elif kind == "]":
            close_bracket(tok, SQUARE)
        elif kind == STRING:
            insert_default(tok)
            pop_property()
        elif kind == "\\":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, LAMBDABINDERS))
        elif kind == "|":
            i = scan_offside_end(tok.lcol)
            d = stack[i - 1][2]
            if d == OF:
                collapse_to(i, tok)
                stack.append((tok.line, tok.lcol, CASEGUARD))
                emit(tok)
            elif d in (LET, LETSTMT, WHERE):
                collapse_to(i, tok)
                stack.append((tok.line, tok.lcol, DECLGUARD))
                emit(tok)
            else:
                insert_default(tok)
        elif kind == "`":
            i = scan_indented()
            if stack[i - 1][2] == TICK:
                collapse_to(i, tok)
                stack.pop()
                emit(tok)
            else:
                collapse_to(scan_offside_end(tok.lcol), tok)
                insert_sep(tok)
                emit(tok)
                stack.append((tok.line, tok.lcol, TICK))
        elif kind == "where":
            d = stack[-1][2]
            if d == TOPDECLHEAD:
                stack.pop()
                emit(tok)
                insert_start(WHERE, nxt)
            else:
                col = tok.lcol
                i = len(stack)
                while i > (2 if top_open else 1):
                    e = stack[i - 1]
                    if e[2] == DO or (e[2] < _INDENTED_LIMIT and col <= e[1]):
                        i -= 1
                    else:
                        break
                collapse_to(i, tok)
                emit(tok)
                if not top_open and len(stack) == 1:
                    top_open = True
                insert_start(WHERE, nxt)
        elif kind == "in":
            # `in` closes the innermost `let` or `ado` (a `let` statement of an `ado` block is closed on the way:
            # `in` always ends the `ado` then)
            i = len(stack)
            while i > (2 if top_open else 1):
                d = stack[i - 1][2]
                if d < _INDENTED_LIMIT and d != LET and d != ADO:
                    i -= 1
                else:
                    break
            if i > 0 and stack[i - 1][2] in (LET, ADO):
                collapse_to(i, tok)
                stack.pop()
                virtual(VEND, tok, len(stack))
                emit(tok)
            else:
                insert_default(tok)
                pop_property()
        elif kind == "let":
            insert_default(tok)
            top = stack[-1]
            if (top[2] == DO or top[2] == ADO) and top[1] == tok.lcol:
                insert_start(LETSTMT, nxt)
            else:
                insert_start(LET, nxt)
        elif kind == "do" or (kind == QLOWER and tok.name == "do"):
            insert_default(tok)
            insert_start(DO, nxt)
        elif kind == "ado" or (kind == QLOWER and tok.name == "ado"):
            insert_default(tok)
            insert_start(ADO, nxt)
        elif kind == "case":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, CASE))
        elif kind == "of":
            i = scan_indented()
            if stack[i - 1][2] == CASE:
                collapse_to(i, tok)
                stack.pop()
                emit(tok)
                if insert_start(OF, nxt):
                    stack.append((nxt.line, nxt.lcol, CASEBINDERS))
            else:
                insert_default(tok)
                pop_property()
        elif kind == "if":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, IF))
        elif kind == "then":
            i = scan_indented()
            if stack[i - 1][2] == IF:
                collapse_to(i, tok)
                stack.pop()
                emit(tok)
                stack.append((tok.line, tok.lcol, THEN))
            else:
                insert_default(tok)
                pop_property()
        elif kind == "else":
            i = scan_indented()
            if stack[i - 1][2] == THEN:
                collapse_to(i, tok)
                stack.pop()
                emit(tok)
            else:
                collapse_to(scan_offside(tok.lcol), tok)
                if is_top_decl(tok):
                    emit(tok)
                else:
                    insert_sep(tok)
                    emit(tok)
                    pop_property()
        elif kind == "forall":
            insert_default(tok)
            stack.append((tok.line, tok.lcol, FORALL))
        elif kind == "data":
            insert_default(tok)
            if is_top_decl(tok):
                stack.append((tok.line, tok.lcol, TOPDECL))
            else:
                pop_property()
        elif kind == "class":
            insert_default(tok)
            if is_top_decl(tok):
                stack.append((tok.line, tok.lcol, TOPDECLHEAD))
            else:
                pop_property()
        elif kind in _KEYWORD_LIKE:
            insert_default(tok)
            pop_property()
        else:
            insert_default(tok)
    return out
