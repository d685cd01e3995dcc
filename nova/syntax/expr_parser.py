"""Parsing expressions, right-hand sides with guards and `where`, and local (`let`/`where`) declarations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.cursor import ATOM_START, BLOCK_START, LABEL_KINDS, PATTERN_ATOM_START, ParseError
from nova.syntax.pattern_parser import PatternParser
from nova.syntax.tokens import (
    CHAR,
    EOF,
    HOLE,
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
    VEND,
    VSEP,
    VSTART,
)

T = TypeVar("T")


# what ends the search for a `<-` that makes a guard a pattern guard, or a `do` statement a bind
_GUARD_STOPS = frozenset({",", "=", "->", "|"})
_STATEMENT_STOPS = frozenset({"=", "->", "\\", "if", "case", "let", "do", "ado", "where"})
# block keywords that may be qualified (`M.do`, `M.ado`: the block uses `M`'s bind/discard or map/apply/pure)
_QUALIFIED_BLOCKS = frozenset({"do", "ado"})


def _update_holes(updates: tuple[ast.RecordUpdateField, ...], holes: list[ast.Hole]) -> None:
    """The anonymous arguments standing as whole update values (`= _`), nested updates included, in order."""
    for update in updates:
        if isinstance(update, ast.UpdateSet):
            if isinstance(update.value, ast.Hole):
                holes.append(update.value)
        else:
            _update_holes(update.updates, holes)


class ExprParser(PatternParser):
    def section(self, span: Span, holes: tuple[ast.Hole, ...], body: ast.Expr) -> ast.Section:
        """A section binding `holes`; the holes count as used (see `check_holes`)."""
        for hole in holes:
            self.claimed.add(id(hole))
        return ast.Section(span, holes, body)

    def check_holes(self) -> None:
        """Report `_` used as an expression outside the places an anonymous argument may stand."""
        for hole in self.holes:
            if id(hole) not in self.claimed:
                self.diagnostics.append(
                    Diagnostic(
                        hole.span,
                        Severity.ERROR,
                        "IncorrectAnonymousArgument",
                        "an anonymous argument `_` may only stand in an operator section `(_ + x)`, an accessor "
                        "`_.field`, a record `{ f: _ }` or update `_ { f = x }`, `case _ of` or `if _ then … else …`",
                    )
                )
        self.holes.clear()
        self.claimed.clear()

    def parse_rhs(self, sep: str) -> ast.Rhs:
        tok = self.t
        if tok.kind == sep:
            self.advance()
            expr = self.parse_expr()
            where = self.parse_where()
            return ast.Unguarded(self.span_from(tok), expr, where)
        if tok.kind != "|":
            raise self.fail(f"`{sep}` or a guard `|`")
        branches: list[ast.GuardedExpr] = []
        where = ()
        while self.t.kind == "|":
            bar = self.advance()
            guards = [self.parse_guard()]
            while self.t.kind == ",":
                self.advance()
                guards.append(self.parse_guard())
            self.expect(sep, f"`{sep}` after the guard")
            expr = self.parse_expr()
            branches.append(ast.GuardedExpr(self.span_from(bar), tuple(guards), expr))
            if self.t.kind == "where":
                where = where + self.parse_where()
        return ast.Guarded(self.span_from(tok), tuple(branches), where)

    def parse_guard(self) -> ast.Guard:
        tok = self.t
        if self._guard_is_bind():
            pattern = self.parse_pattern()
            self.expect("<-", "`<-`")
            expr = self.parse_expr1()
            return ast.GuardBind(self.span_from(tok), pattern, expr)
        expr = self.parse_expr1()
        return ast.GuardCondition(self.span_from(tok), expr)

    def _guard_is_bind(self) -> bool:
        """A pattern guard has `<-` before the next `,`, `=`, `->` at bracket depth 0."""
        return self._arrow_before(_GUARD_STOPS)

    def _arrow_before(self, stops: frozenset[str]) -> bool:
        """Whether `<-` comes, at bracket depth 0, before any of `stops` or the end of the layout item."""
        index = self.pos
        toks = self.toks
        depth = 0
        while True:
            kind = toks[index].kind
            if kind in (EOF, VSEP, VEND, VSTART):
                return False
            if kind in ("(", "[", "{"):
                depth += 1
            elif kind in (")", "]", "}"):
                depth -= 1
                if depth < 0:
                    return False
            elif depth == 0:
                if kind == "<-":
                    return True
                if kind in stops:
                    return False
            index += 1

    def parse_where(self) -> tuple[ast.LocalDecl, ...]:
        if self.t.kind != "where":
            return ()
        self.advance()
        if self.t.kind != VSTART:
            return ()
        return self.parse_local_block("the end of the `where` block")

    def parse_local_block(self, what: str) -> tuple[ast.LocalDecl, ...]:
        """`{L decl ;L decl }L` — the virtual block start is the current token."""
        return tuple(self.parse_block_items(self.parse_local_decl, what))

    def parse_block_items(self, parse_item: Callable[[], T], what: str) -> list[T]:
        """The items of a declaration block (`where`, `let`, class and instance bodies).

        An item that fails to parse is reported and skipped up to the block's next separator, so its siblings and
        the enclosing declaration survive (the enclosing function keeps its other bindings while one is edited).
        """
        block = self.t.value
        self.advance()
        items: list[T] = []
        while True:
            tok = self.t
            if tok.kind == VEND or tok.kind == EOF:
                self.advance()
                return items
            start = self.pos
            holes = len(self.holes)
            depth = self.depth
            try:
                item = parse_item()
                if not (self.t.kind in (VSEP, VEND) and self.t.value == block):
                    raise self.fail(what)
                items.append(item)
            except ParseError as err:
                if err.code == "NestedTooDeeply":
                    raise  # not this item's fault: the whole declaration is too deep (one error, at the top)
                self.report(err)
                del self.holes[holes:]
                self.depth = depth
                if self.pos == start:
                    self.advance()
                while not (self.t.kind in (VSEP, VEND) and self.t.value == block) and self.t.kind != EOF:
                    self.advance()
            if self.t.kind == VSEP:
                self.advance()

    def parse_local_decl(self) -> ast.LocalDecl:
        tok = self.t
        if tok.kind == LOWER:
            nxt = self.peek().kind
            if nxt == "::":
                self.advance()
                self.advance()
                type_ = self.parse_type()
                return ast.LocalSignature(self.span_from(tok), tok.text, tok.span, type_)
            if nxt != "@" and nxt != OP and nxt != QOP:  # (`x : xs = …` binds a pattern with an operator)
                self.advance()
                params = self.parse_binders()
                rhs = self.parse_rhs("=")
                return ast.LocalValue(self.span_from(tok), tok.text, tok.span, params, rhs)
        if tok.kind not in PATTERN_ATOM_START:
            raise self.fail("a declaration")
        pattern = self.parse_pattern1()
        rhs = self.parse_rhs("=")
        return ast.LocalPattern(self.span_from(tok), pattern, rhs)

    # -- expressions --------------------------------------------------------------------------------------

    def parse_expr(self) -> ast.Expr:
        self.enter()
        first = self.t
        expr = self.parse_expr1()
        if self.t.kind == "::":
            self.advance()
            type_ = self.parse_type()
            expr = ast.Typed(self.span_from(first), expr, type_)
        self.depth -= 1
        return expr

    def parse_expr1(self) -> ast.Expr:
        """A flat operator chain of operands."""
        first = self.t
        operand = self.parse_operand()
        kind = self.t.kind
        if kind != OP and kind != QOP and kind != "`":
            return operand
        operands, operators = self.parse_op_chain(operand, self.parse_operand)
        return ast.OpChain(self.span_from(first), operands, operators)

    def parse_operand(self) -> ast.Expr:
        tok = self.t
        if tok.kind == OP and tok.text == "-":
            self.advance()
            self.enter()
            inner = self.parse_operand()
            self.depth -= 1
            return ast.Negate(self.span_from(tok), inner)
        return self.parse_app()

    def parse_app(self) -> ast.Expr:
        first = self.t
        kind = first.kind
        if kind in BLOCK_START or (kind == QLOWER and first.name in _QUALIFIED_BLOCKS):
            return self.parse_block_expr()
        fn = self.parse_postfix()
        while True:
            kind = self.t.kind
            if (kind in ATOM_START and kind != QLOWER) or (kind == QLOWER and self.t.name not in _QUALIFIED_BLOCKS):
                arg = self.parse_postfix()
            elif kind in BLOCK_START or kind == QLOWER:
                arg = self.parse_block_expr()
            elif kind == "@":  # visible type application: `f @Int`
                self.advance()
                type_ = self.parse_type_atom()
                fn = ast.VisibleTypeApp(self.span_nodes(fn.span, type_.span), fn, type_)
                continue
            else:
                return fn
            fn = ast.App(self.span_nodes(fn.span, arg.span), fn, arg)

    def parse_block_expr(self) -> ast.Expr:
        tok = self.t
        kind = tok.kind
        self.enter()
        result: ast.Expr
        if kind == "\\":
            self.advance()
            params = self.parse_binders()
            if not params:
                raise self.fail("a parameter pattern after `\\`")
            self.expect("->", "`->` after the lambda's parameters")
            body = self.parse_expr()
            result = ast.Lambda(self.span_from(tok), params, body)
        elif kind == "if":
            self.advance()
            cond = self.parse_expr()
            self.expect("then", "`then`")
            then_branch = self.parse_expr()
            self.expect("else", "`else`")
            else_branch = self.parse_expr()
            result = ast.If(self.span_from(tok), cond, then_branch, else_branch)
            holes = tuple(e for e in (cond, then_branch, else_branch) if isinstance(e, ast.Hole))
            if holes:
                result = self.section(result.span, holes, result)
        elif kind == "case":
            result = self.parse_case()
        elif kind == "ado" or (kind == QLOWER and tok.name == "ado"):
            result = self.parse_ado()
        elif kind == "let":
            self.advance()
            if self.t.kind != VSTART:
                raise self.fail("indented bindings after `let`")
            bindings = self.parse_local_block("the end of the `let` bindings")
            if not bindings:
                raise ParseError(self.span_from(tok), "expected at least one binding after `let`")
            self.expect("in", "`in`")
            body = self.parse_expr()
            result = ast.Let(self.span_from(tok), bindings, body)
        else:
            result = self.parse_do()
        self.depth -= 1
        return result

    def parse_case(self) -> ast.Expr:
        tok = self.advance()
        scrutinees = [self.parse_expr()]
        while self.t.kind == ",":
            self.advance()
            scrutinees.append(self.parse_expr())
        self.expect("of", "`of` or `,`")
        if self.t.kind != VSTART:
            raise self.fail("indented case alternatives after `of`")
        self.advance()
        alts: list[ast.CaseAlt] = []
        while True:
            if self.t.kind == VEND:
                self.advance()
                break
            alt_first = self.t
            patterns = [self.parse_pattern()]
            while self.t.kind == ",":
                self.advance()
                patterns.append(self.parse_pattern())
            if not alts and self._single_alternative_body_outside():
                # `case x of Just y ->` with the body (or the guards) on the next lines, left of the pattern: a
                # case of one alternative (PureScript accepts this form, common in the wild)
                arrow = self.t
                if arrow.kind == "->":
                    self.advance()
                    self.advance()  # the end of the alternatives' block
                    expr = self.parse_expr()
                    rhs: ast.Rhs = ast.Unguarded(self.span_from(arrow), expr, self.parse_where())
                else:
                    self.advance()
                    rhs = self.parse_rhs("->")
                alts.append(ast.CaseAlt(self.span_from(alt_first), tuple(patterns), rhs))
                break
            rhs = self.parse_rhs("->")
            alts.append(ast.CaseAlt(self.span_from(alt_first), tuple(patterns), rhs))
            if self.t.kind == VSEP:
                self.advance()
                continue
            self.expect(VEND, "the end of the case alternatives")
            break
        result: ast.Expr = ast.Case(self.span_from(tok), tuple(scrutinees), tuple(alts))
        holes = tuple(e for e in scrutinees if isinstance(e, ast.Hole))
        if holes:
            result = self.section(result.span, holes, result)
        return result

    def _single_alternative_body_outside(self) -> bool:
        """After a first alternative's patterns: `-> }` (body below, left of the block) or `} |` (guards below)."""
        kind = self.t.kind
        if kind == "->":
            return self.peek().kind == VEND
        return kind == VEND and self.peek().kind == "|"

    def parse_do(self) -> ast.Do:
        tok = self.advance()
        qualifier = tok.qualifier if tok.kind == QLOWER else None
        if self.t.kind != VSTART:
            raise self.fail("indented statements after `do`")
        self.advance()
        statements: list[ast.DoStatement] = []
        while True:
            if self.t.kind == VEND:
                self.advance()
                break
            statements.append(self.parse_statement())
            if self.t.kind == VSEP:
                self.advance()
                continue
            self.expect(VEND, "the end of the `do` block")
            break
        if not statements:
            raise ParseError(self.span_from(tok), "expected at least one statement in the `do` block")
        return ast.Do(self.span_from(tok), tuple(statements), qualifier)

    def parse_ado(self) -> ast.Ado:
        tok = self.advance()
        qualifier = tok.qualifier if tok.kind == QLOWER else None
        statements: list[ast.DoStatement] = []
        if self.t.kind == VSTART:
            self.advance()
            while True:
                if self.t.kind == VEND:
                    self.advance()
                    break
                statements.append(self.parse_statement())
                if self.t.kind == VSEP:
                    self.advance()
                    continue
                self.expect(VEND, "the end of the `ado` block")
                break
        self.expect("in", "`in` and the result of the `ado` block" if statements else "indented statements or `in`")
        result = self.parse_expr()
        return ast.Ado(self.span_from(tok), tuple(statements), result, qualifier)

    def parse_statement(self) -> ast.DoStatement:
        tok = self.t
        if tok.kind == "let" and self.peek().kind == VSTART:
            # `let` bindings, unless an `in` follows (then it is a let expression used as a statement)
            save = self.pos
            save_last = self.last
            save_holes = len(self.holes)
            save_diagnostics = len(self.diagnostics)
            self.advance()
            bindings = self.parse_local_block("the end of the `let` bindings")
            if self.t.kind != "in":
                return ast.DoLet(self.span_from(tok), bindings)
            self.pos = save
            self.t = self.toks[save]
            self.last = save_last
            del self.holes[save_holes:]
            del self.diagnostics[save_diagnostics:]
        if self._statement_is_bind():
            pattern = self.parse_pattern()
            self.expect("<-", "`<-`")
            expr = self.parse_expr()
            return ast.DoBind(self.span_from(tok), pattern, expr)
        expr = self.parse_expr()
        return ast.DoExpr(self.span_from(tok), expr)

    def _statement_is_bind(self) -> bool:
        return self._arrow_before(_STATEMENT_STOPS)

    def parse_postfix(self) -> ast.Expr:
        """An atom followed by field accesses `.label` and record updates `{ label = e }`."""
        expr = self.parse_atom()
        while True:
            kind = self.t.kind
            if kind == ".":
                self.advance()
                label = self.t
                if label.kind not in LABEL_KINDS:
                    raise self.fail("a field label after `.`")
                self.advance()
                field = label.value if label.kind == STRING and isinstance(label.value, str) else label.text
                expr = ast.Access(self.span_nodes(expr.span, label.span), expr, field, label.span)
            elif kind == "{" and self._is_update():
                updates = self.parse_updates()
                expr = ast.RecordUpdate(self.span_nodes(expr.span, self._last_span()), expr, updates)
            else:
                break
        if isinstance(expr, ast.Access | ast.RecordUpdate):
            # `_.a.b`, `_ { a = x }`, `r { a = _ }`, `_ { a { b = _ } }`: the record first, then the update
            # values left to right (the outermost update's; an update applied to an update is a separate section)
            base: ast.Expr = expr
            while isinstance(base, ast.Access | ast.RecordUpdate):
                base = base.expr
            holes: list[ast.Hole] = [base] if isinstance(base, ast.Hole) else []
            if isinstance(expr, ast.RecordUpdate):
                _update_holes(expr.updates, holes)
            if holes:
                return self.section(expr.span, tuple(holes), expr)
        return expr

    def _last_span(self) -> Span:
        last = self.last
        assert last is not None
        return last.span

    def _is_update(self) -> bool:
        label = self.peek()
        if label.kind not in LABEL_KINDS:
            return False
        after = self.peek(2).kind
        return after == "=" or after == "{"

    def parse_updates(self) -> tuple[ast.RecordUpdateField, ...]:
        self.expect("{", "`{`")
        updates: list[ast.RecordUpdateField] = []
        while True:
            label = self.t
            if label.kind not in LABEL_KINDS:
                raise self.fail("a field label")
            self.advance()
            name = label.value if label.kind == STRING and isinstance(label.value, str) else label.text
            if self.t.kind == "=":
                self.advance()
                value = self.parse_expr()
                updates.append(ast.UpdateSet(self.span_from(label), name, label.span, value))
            elif self.t.kind == "{":
                self.enter()
                nested = self.parse_updates()
                self.depth -= 1
                updates.append(ast.UpdateNested(self.span_from(label), name, label.span, nested))
            else:
                raise self.fail("`=` or `{` in the record update")
            if self.t.kind == ",":
                self.advance()
                continue
            self.expect("}", "`,` or `}` in the record update")
            return tuple(updates)

    def parse_atom(self) -> ast.Expr:
        tok = self.t
        kind = tok.kind
        if kind == LOWER:
            self.advance()
            text = tok.text
            if text == "true" or text == "false":
                return ast.BoolLit(tok.span, text == "true")
            return ast.Var(tok.span, text)
        if kind == UPPER:
            self.advance()
            return ast.Constructor(tok.span, tok.text)
        if kind == QLOWER:
            self.advance()
            return ast.Var(tok.span, tok.name, tok.qualifier)
        if kind == QUPPER:
            self.advance()
            return ast.Constructor(tok.span, tok.name, tok.qualifier)
        if kind == INT:
            self.advance()
            return ast.IntLit(tok.span, tok.value if isinstance(tok.value, int) else 0)
        if kind == STRING:
            self.advance()
            return ast.StringLit(tok.span, str(tok.value))
        if kind == "(":
            return self.parse_paren()
        if kind == HOLE:
            self.advance()
            hole = ast.Hole(tok.span)
            self.holes.append(hole)
            return hole
        if kind == NUMBER:
            self.advance()
            return ast.NumberLit(tok.span, tok.value if isinstance(tok.value, float) else 0.0, tok.text)
        if kind == CHAR:
            self.advance()
            return ast.CharLit(tok.span, str(tok.value))
        if kind == "[":
            self.advance()
            self.enter()
            items: list[ast.Expr] = []
            if self.t.kind != "]":
                items.append(self.parse_expr())
                while self.t.kind == ",":
                    self.advance()
                    items.append(self.parse_expr())
            self.expect("]", "`,` or `]` in the array")
            self.depth -= 1
            return ast.ArrayLit(self.span_from(tok), tuple(items))
        if kind == "{":
            return self.parse_record_literal()
        if kind in BLOCK_START:
            return self.parse_block_expr()
        if kind == TYPED_HOLE:
            self.advance()
            return ast.TypedHole(tok.span, tok.name)
        if kind == QSYMBOL:
            self.advance()
            return ast.OperatorRef(tok.span, tok.name, tok.qualifier)
        raise self.fail("an expression")

    def parse_paren(self) -> ast.Expr:
        tok = self.advance()
        nxt = self.t
        if (nxt.kind == OP or nxt.kind == QOP) and self.peek().kind == ")":
            self.advance()
            self.advance()
            return ast.OperatorRef(self.span_from(tok), nxt.name, nxt.qualifier)
        self.enter()
        inner = self.parse_expr()
        self.expect(")", "`)`")
        self.depth -= 1
        span = self.span_from(tok)
        chain = inner.expr if isinstance(inner, ast.Typed) else inner
        if isinstance(chain, ast.OpChain):
            holes = tuple(e for e in chain.operands if isinstance(e, ast.Hole))
            if holes:
                inner = self.section(inner.span, holes, inner)
        return ast.Paren(span, inner)

    def parse_record_literal(self) -> ast.Expr:
        tok = self.advance()
        self.enter()
        fields: list[ast.RecordField] = []
        if self.t.kind != "}":
            while True:
                label = self.t
                if label.kind not in LABEL_KINDS:
                    raise self.fail("a field label")
                self.advance()
                name = label.value if label.kind == STRING and isinstance(label.value, str) else label.text
                if self.t.kind == OP and self.t.text == ":":
                    self.advance()
                    value = self.parse_expr()
                    fields.append(ast.RecordField(self.span_from(label), name, label.span, value))
                else:
                    if label.kind != LOWER:
                        raise self.fail("`:` after the field label")
                    fields.append(ast.RecordField(label.span, name, label.span, ast.Var(label.span, name), True))
                if self.t.kind == ",":
                    self.advance()
                    continue
                break
        self.expect("}", "`,` or `}` in the record")
        self.depth -= 1
        result: ast.Expr = ast.RecordLit(self.span_from(tok), tuple(fields))
        holes = tuple(f.value for f in fields if isinstance(f.value, ast.Hole))
        if holes:
            result = self.section(result.span, holes, result)
        return result
