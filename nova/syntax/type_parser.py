"""Parsing types: forall (with `@` and kinded binders), constraints, functions, type operators, application,
records, rows, type-level literals, wildcards and holes."""

from __future__ import annotations

from dataclasses import dataclass

from nova.diagnostics import Span
from nova.syntax import ast
from nova.syntax.cursor import LABEL_KINDS, TYPE_ATOM_START, Cursor, ParseError
from nova.syntax.tokens import (
    EOF,
    HOLE,
    INT,
    LOWER,
    OP,
    QOP,
    QSYMBOL,
    QUPPER,
    STRING,
    TYPED_HOLE,
    UPPER,
    VEND,
    VSEP,
    VSTART,
    Token,
)
from nova.syntax.walk import first_node


@dataclass(frozen=True, slots=True)
class _TypeTuple:
    """`(Eq a, Show a)` — only meaningful right before `=>` or `<=`; never leaves the parser."""

    span: Span
    items: tuple[ast.Type, ...]


class TypeParser(Cursor):
    def parse_type(self) -> ast.Type:
        self.enter()
        tok = self.t
        result: ast.Type
        if tok.kind == "forall" or (tok.kind == LOWER and tok.text == "forall"):
            self.advance()
            binders: list[ast.TypeVarBinder] = []
            while True:
                binder = self.parse_forall_binder()
                if binder is None:
                    break
                binders.append(binder)
            if not binders:
                raise self.fail("a type variable after `forall`")
            self.expect(".", "`.` after the `forall` variables")
            body = self.parse_type()
            result = ast.TypeForall(self.span_from(tok), tuple(binders), body)
        else:
            left = self.parse_type_ops()
            if self.t.kind == "=>":
                self.advance()
                constraints = self.to_constraints(left)
                body = self.parse_type()
                result = ast.TypeConstrained(self.span_from(tok), constraints, body)
            else:
                if isinstance(left, _TypeTuple):
                    raise ParseError(left.span, "expected `=>` after a list of constraints")
                if self.t.kind == "->":
                    self.advance()
                    right = self.parse_type()
                    result = ast.TypeFun(self.span_from(tok), left, right)
                else:
                    result = left
        self.depth -= 1
        return result

    def parse_forall_binder(self) -> ast.TypeVarBinder | None:
        """`a`, `@a`, `(a :: K)` or `(@a :: K)`; None when the next tokens are not a binder."""
        var = self.t
        kind = var.kind
        if kind == LOWER:
            self.advance()
            return ast.TypeVarBinder(var.span, var.text)
        if kind == "@" and self.peek().kind == LOWER:
            self.advance()
            name = self.advance()
            return ast.TypeVarBinder(self.span_from(var), name.text, None, True)
        if kind == "(":
            visible = self.peek().kind == "@"
            offset = 2 if visible else 1
            if self.peek(offset).kind == LOWER and self.peek(offset + 1).kind == "::":
                self.advance()
                if visible:
                    self.advance()
                name = self.advance()
                self.advance()
                kind_type = self.parse_type()
                self.expect(")", "`)`")
                return ast.TypeVarBinder(self.span_from(var), name.text, kind_type, visible)
        return None

    def parse_type_ops(self) -> ast.Type | _TypeTuple:
        first = self.t
        operand = self.parse_type_app()
        if self.t.kind != OP and self.t.kind != QOP:
            return operand
        if isinstance(operand, _TypeTuple):
            raise ParseError(operand.span, "expected `=>` after a list of constraints")
        operands: list[ast.Type] = [operand]
        operators: list[ast.TypeOperator] = []
        while self.t.kind == OP or self.t.kind == QOP:
            op = self.advance()
            operators.append(ast.TypeOperator(op.span, op.name, op.qualifier))
            nxt = self.parse_type_app()
            if isinstance(nxt, _TypeTuple):
                raise ParseError(nxt.span, "expected `=>` after a list of constraints")
            operands.append(nxt)
        return ast.TypeOpChain(self.span_from(first), tuple(operands), tuple(operators))

    def parse_type_app(self) -> ast.Type | _TypeTuple:
        if self.t.kind == OP:  # a negative type-level integer `-1` or `# k` (other operators: a type is expected)
            return self.parse_negative_type_int()
        head = self.parse_type_atom_or_tuple()
        if isinstance(head, _TypeTuple):
            return head
        while self.t.kind in TYPE_ATOM_START:
            arg = self.parse_type_atom()
            head = ast.TypeApp(self.span_nodes(head.span, arg.span), head, arg)
        return head

    def parse_negative_type_int(self) -> ast.Type:
        """`-1` (a negative type-level integer), or the row kind `# k` that PureScript 0.15 removed: reported,
        and read as `Row k` so the rest of the declaration is still checked."""
        tok = self.t
        if tok.text == "#":
            self.advance()
            self.enter()
            inner = self.parse_type_atom()
            self.depth -= 1
            span = self.span_from(tok)
            self.report(
                ParseError(span, "the row kind `# k` was removed in PureScript 0.15: write `Row k` instead")
            )
            return ast.TypeApp(span, ast.TypeCon(tok.span, "Row"), inner)
        if tok.text != "-" or self.peek().kind != INT:
            raise self.fail("a type")
        self.advance()
        num = self.advance()
        return ast.TypeInt(self.span_from(tok), -num.value if isinstance(num.value, int) else 0)

    def parse_type_atom(self) -> ast.Type:
        result = self.parse_type_atom_or_tuple()
        if isinstance(result, _TypeTuple):
            raise ParseError(result.span, "expected `=>` after a list of constraints")
        return result

    def parse_type_atom_or_tuple(self) -> ast.Type | _TypeTuple:
        tok = self.t
        kind = tok.kind
        if kind == LOWER:
            self.advance()
            return ast.TypeVar(tok.span, tok.text)
        if kind in (UPPER, QUPPER):
            self.advance()
            return ast.TypeCon(tok.span, tok.name, tok.qualifier)
        if kind == HOLE:
            self.advance()
            return ast.TypeWildcard(tok.span)
        if kind == "{":
            self.advance()
            self.enter()
            row = self.parse_row(tok, "}")
            self.depth -= 1
            return ast.TypeRecord(self.span_from(tok), row)
        if kind == "(":
            self.advance()
            self.enter()
            nxt = self.t
            result: ast.Type | _TypeTuple
            if nxt.kind == ")" or nxt.kind == "|" or (nxt.kind in LABEL_KINDS and self.peek().kind == "::"):
                row = self.parse_row(tok, ")")
                result = ast.TypeRow(self.span_from(tok), row)
            elif (nxt.kind == OP or nxt.kind == QOP) and self.peek().kind == ")":
                self.advance()
                self.advance()
                result = ast.TypeCon(self.span_from(tok), nxt.name, nxt.qualifier)
            elif nxt.kind == "->" and self.peek().kind == ")":
                self.advance()
                self.advance()
                result = ast.TypeArrow(self.span_from(tok))
            else:
                inner = self.parse_type()
                if self.t.kind == ",":
                    items = [inner]
                    while self.t.kind == ",":
                        self.advance()
                        items.append(self.parse_type())
                    self.expect(")", "`,` or `)`")
                    result = _TypeTuple(self.span_from(tok), tuple(items))
                elif self.t.kind == "::":
                    self.advance()
                    kind_type = self.parse_type()
                    self.expect(")", "`)`")
                    result = ast.TypeKinded(self.span_from(tok), inner, kind_type)
                else:
                    self.expect(")", "`)`")
                    result = ast.TypeParen(self.span_from(tok), inner)
            self.depth -= 1
            return result
        if kind == STRING:
            self.advance()
            return ast.TypeString(tok.span, str(tok.value))
        if kind == INT:
            self.advance()
            return ast.TypeInt(tok.span, tok.value if isinstance(tok.value, int) else 0)
        if kind == TYPED_HOLE:
            self.advance()
            return ast.TypeHole(tok.span, tok.name)
        if kind == QSYMBOL:
            self.advance()
            return ast.TypeCon(tok.span, tok.name, tok.qualifier)
        raise self.fail("a type")

    def parse_row(self, opener: Token, closer: str) -> ast.Row:
        fields: list[ast.RowField] = []
        tail: ast.Type | None = None
        if self.t.kind != closer and self.t.kind != "|":
            while True:
                label = self.t
                if label.kind not in LABEL_KINDS:
                    raise self.fail("a field label")
                self.advance()
                name = label.value if label.kind == STRING and isinstance(label.value, str) else label.text
                self.expect("::", "`::` after the field label")
                field_type = self.parse_type()
                fields.append(ast.RowField(self.span_from(label), name, label.span, field_type))
                if self.t.kind == ",":
                    self.advance()
                    continue
                break
        if self.t.kind == "|":
            self.advance()
            tail = self.parse_type()
        self.expect(closer, f"`,`, `|` or `{closer}`")
        return ast.Row(self.span_from(opener), tuple(fields), tail)

    def parse_type_params(self) -> tuple[ast.TypeVarBinder, ...]:
        """A declaration's parameters: `a` or `(a :: K)`. A data type's and a class's parameters are visible to
        type applications already, so `@a` there is a syntax error, as in PureScript (kept as a plain parameter)."""
        params: list[ast.TypeVarBinder] = []
        while True:
            binder = self.parse_forall_binder()
            if binder is None:
                return tuple(params)
            if binder.visible:
                self.report(
                    ParseError(
                        binder.span,
                        f"unexpected `@` before the parameter `{binder.name}`: the parameters of a data type or "
                        "class are visible to type applications already",
                    )
                )
                binder = ast.TypeVarBinder(binder.span, binder.name, binder.kind, False)
            params.append(binder)

    def _scan_for(self, wanted: str) -> bool:
        """Is there an operator `wanted` before this declaration's `where` or end (at bracket depth 0)? A layout
        separator ends the declaration even inside an unclosed bracket: the scan never reads into the next
        declaration (which a parse of this declaration alone, as a re-parse by items does, would not see), nor into
        the next instance of a chain (its `else` continues the declaration without a separator)."""
        index = self.pos
        toks = self.toks
        depth = 0
        while True:
            tok = toks[index]
            kind = tok.kind
            if kind == EOF or kind == "where" or kind == "else" or kind in (VSEP, VEND, VSTART):
                return False
            if kind in ("(", "[", "{"):
                depth += 1
            elif kind in (")", "]", "}"):
                depth -= 1
            elif depth == 0 and (kind == wanted or (kind == OP and tok.text == wanted)):
                return True
            index += 1

    def parse_constraint_list(self) -> tuple[ast.Constraint, ...]:
        parsed = self.parse_type_app()
        return self.to_constraints(parsed)

    def to_constraints(self, parsed: ast.Type | _TypeTuple) -> tuple[ast.Constraint, ...]:
        if isinstance(parsed, _TypeTuple):
            return tuple(self.to_constraint(item) for item in parsed.items)
        if isinstance(parsed, ast.TypeParen):
            return (self.to_constraint(parsed.type),)
        return (self.to_constraint(parsed),)

    def to_constraint(self, t: ast.Type) -> ast.Constraint:
        args: list[ast.Type] = []
        head = t
        while isinstance(head, ast.TypeApp):
            args.append(head.arg)
            head = head.fn
        if isinstance(head, ast.TypeParen) and not args:
            return self.to_constraint(head.type)
        if not isinstance(head, ast.TypeCon):
            raise ParseError(t.span, "expected a constraint such as `Show a`")
        args.reverse()
        for arg in args:
            if not isinstance(arg, (ast.TypeVar, ast.TypeCon)):
                quantified = first_node(arg, ast.TypeForall)
                if quantified is not None:
                    raise ParseError(quantified.span, "`forall` is not allowed in the arguments of a constraint")
        return ast.Constraint(t.span, ast.Name(head.span, head.name, head.qualifier), tuple(args))

