"""Parsing patterns: variables, wildcards, literals, constructors, arrays, records, named and typed patterns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from nova.syntax import ast
from nova.syntax.cursor import LABEL_KINDS, NAME_KINDS, PATTERN_ATOM_START
from nova.syntax.tokens import CHAR, HOLE, INT, LOWER, NUMBER, OP, QOP, QUPPER, STRING, UPPER
from nova.syntax.type_parser import TypeParser

_Operand = TypeVar("_Operand")


class PatternParser(TypeParser):
    def parse_binders(self) -> tuple[ast.Pattern, ...]:
        params: list[ast.Pattern] = []
        while self.t.kind in PATTERN_ATOM_START:
            params.append(self.parse_pattern_atom())
        return tuple(params)

    def parse_pattern(self) -> ast.Pattern:
        self.enter()
        first = self.t
        pattern = self.parse_pattern1()
        if self.t.kind == "::":
            self.advance()
            type_ = self.parse_type()
            pattern = ast.PatTyped(self.span_from(first), pattern, type_)
        self.depth -= 1
        return pattern

    def parse_pattern1(self) -> ast.Pattern:
        first = self.t
        operand = self.parse_pattern2()
        kind = self.t.kind
        if kind != OP and kind != QOP and kind != "`":
            return operand
        operands, operators = self.parse_op_chain(operand, self.parse_pattern2)
        return ast.PatOpChain(self.span_from(first), operands, operators)

    def parse_op_chain(
        self, first: _Operand, parse_operand: Callable[[], _Operand]
    ) -> tuple[tuple[_Operand, ...], tuple[ast.Operator, ...]]:
        """Operands and operators of a flat chain (`a + b `div` c`); fixity re-associates it later."""
        operands = [first]
        operators: list[ast.Operator] = []
        while True:
            tok = self.t
            kind = tok.kind
            if kind in (OP, QOP):
                self.advance()
                operators.append(ast.Operator(tok.span, tok.name, tok.qualifier))
            elif kind == "`":
                self.advance()
                name = self.t
                if name.kind not in NAME_KINDS:
                    raise self.fail("a name between backticks")
                self.advance()
                self.expect("`", "a closing backtick")
                operators.append(ast.Operator(self.span_from(tok), name.name, name.qualifier, True))
            else:
                break
            operands.append(parse_operand())
        return tuple(operands), tuple(operators)

    def parse_pattern2(self) -> ast.Pattern:
        tok = self.t
        if tok.kind == UPPER or tok.kind == QUPPER:
            self.advance()
            args = self.parse_binders()
            return ast.PatConstructor(self.span_from(tok), ast.Name(tok.span, tok.name, tok.qualifier), args)
        return self.parse_pattern_atom()

    def parse_pattern_atom(self) -> ast.Pattern:
        tok = self.t
        kind = tok.kind
        if kind == LOWER:
            self.advance()
            text = tok.text
            if text == "true" or text == "false":
                return ast.PatLiteral(tok.span, ast.BoolLit(tok.span, text == "true"))
            if self.t.kind == "@":
                self.advance()
                inner = self.parse_pattern_atom()
                return ast.PatNamed(self.span_from(tok), text, tok.span, inner)
            return ast.PatVar(tok.span, text)
        if kind == HOLE:
            self.advance()
            return ast.PatWildcard(tok.span)
        if kind in (UPPER, QUPPER):
            self.advance()
            return ast.PatConstructor(tok.span, ast.Name(tok.span, tok.name, tok.qualifier), ())
        if kind == "(":
            self.advance()
            self.enter()
            inner = self.parse_pattern()
            self.expect(")", "`)`")
            self.depth -= 1
            return ast.PatParen(self.span_from(tok), inner)
        if kind == "[":
            self.advance()
            self.enter()
            items: list[ast.Pattern] = []
            if self.t.kind != "]":
                items.append(self.parse_pattern())
                while self.t.kind == ",":
                    self.advance()
                    items.append(self.parse_pattern())
            self.expect("]", "`,` or `]` in the array pattern")
            self.depth -= 1
            return ast.PatArray(self.span_from(tok), tuple(items))
        if kind == "{":
            return self.parse_record_pattern()
        if kind == OP and tok.text == "-" and self.peek().kind in (INT, NUMBER):
            self.advance()
            num = self.advance()
            span = self.span_from(tok)
            if num.kind == INT:
                value = num.value if isinstance(num.value, int) else 0
                return ast.PatLiteral(span, ast.IntLit(span, -value))
            fvalue = num.value if isinstance(num.value, float) else 0.0
            return ast.PatLiteral(span, ast.NumberLit(span, -fvalue, "-" + num.text))
        literal = self.parse_literal()
        if literal is not None:
            return ast.PatLiteral(literal.span, literal)
        raise self.fail("a pattern")

    def parse_literal(self) -> ast.Literal | None:
        tok = self.t
        kind = tok.kind
        if kind == INT:
            self.advance()
            return ast.IntLit(tok.span, tok.value if isinstance(tok.value, int) else 0)
        if kind == NUMBER:
            self.advance()
            return ast.NumberLit(tok.span, tok.value if isinstance(tok.value, float) else 0.0, tok.text)
        if kind == STRING:
            self.advance()
            return ast.StringLit(tok.span, str(tok.value))
        if kind == CHAR:
            self.advance()
            return ast.CharLit(tok.span, str(tok.value))
        return None

    def parse_record_pattern(self) -> ast.Pattern:
        tok = self.advance()
        self.enter()
        fields: list[ast.PatRecordField] = []
        if self.t.kind != "}":
            while True:
                label = self.t
                if label.kind not in LABEL_KINDS:
                    raise self.fail("a field label")
                self.advance()
                name = label.value if label.kind == STRING and isinstance(label.value, str) else label.text
                if self.t.kind == OP and self.t.text == ":":
                    self.advance()
                    pattern = self.parse_pattern()
                    fields.append(ast.PatRecordField(self.span_from(label), name, label.span, pattern, False))
                else:
                    if label.kind != LOWER:
                        raise self.fail("`:` after the field label")
                    fields.append(ast.PatRecordField(label.span, name, label.span, ast.PatVar(label.span, name), True))
                if self.t.kind == ",":
                    self.advance()
                    continue
                break
        self.expect("}", "`,` or `}` in the record pattern")
        self.depth -= 1
        return ast.PatRecord(self.span_from(tok), tuple(fields))
