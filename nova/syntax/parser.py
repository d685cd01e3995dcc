"""Recursive-descent parser (precedence-free: operators are parsed flat, see `fixity.py`) over the laid-out tokens.

Error recovery works at the top level: a syntax error inside a declaration becomes one diagnostic ("expected X,
found Y" at the offending token) and parsing resumes at the next top-level separator the layout pass inserted, so
every other declaration survives. Nesting is bounded by an explicit depth budget ("nested too deeply"), and a
`RecursionError` that slips through anyway becomes a diagnostic too: `parse_module` never raises.
"""

from __future__ import annotations

import gc
import hashlib
import sys
from dataclasses import dataclass

from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.tokens import (
    CHAR,
    EOF,
    HOLE,
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
    VIRTUAL,
    VSEP,
    VSTART,
    Token,
    describe,
)

# Nesting budget in syntactic levels (a parenthesis counts two); each level costs at most ~4 Python frames, and
# the recursion limit is raised to cover the budget while parsing, then restored.
MAX_DEPTH = 200
_MIN_RECURSION_LIMIT = 4000


@dataclass(frozen=True, slots=True)
class ParsedModule:
    """The result of parsing one file: always a module node, plus every lexical and syntax diagnostic."""

    module: ast.Module
    diagnostics: tuple[Diagnostic, ...]


class ParseError(Exception):
    def __init__(self, span: Span, message: str, code: str = "SyntaxError") -> None:
        super().__init__(message)
        self.span = span
        self.message = message
        self.code = code


@dataclass(frozen=True, slots=True)
class _TypeTuple:
    """`(Eq a, Show a)` — only meaningful right before `=>` or `<=`; never leaves the parser."""

    span: Span
    items: tuple[ast.Type, ...]


_ATOM_START = frozenset({LOWER, QLOWER, UPPER, QUPPER, HOLE, INT, NUMBER, STRING, CHAR, "(", "[", "{"})
_BLOCK_START = frozenset({"\\", "if", "case", "let", "do"})
_PATTERN_ATOM_START = frozenset({LOWER, UPPER, QUPPER, HOLE, INT, NUMBER, STRING, CHAR, "(", "[", "{"})
_TYPE_ATOM_START = frozenset({LOWER, UPPER, QUPPER, HOLE, "(", "{"})
_LABEL_KINDS = frozenset({LOWER, STRING}) | KEYWORDS
_NAME_KINDS = frozenset({LOWER, QLOWER, UPPER, QUPPER})


def _fingerprint(tokens: list[Token], start: int, end: int, doc: str | None) -> str:
    parts = [t.text or t.kind for t in tokens[start:end]]
    if doc:
        parts.append(doc)
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.toks = tokens
        self.pos = 0
        self.t = tokens[0]
        self.last: Token | None = None
        self.depth = 0
        self.diagnostics: list[Diagnostic] = []

    # -- token helpers ---------------------------------------------------------------------------------------

    def advance(self) -> Token:
        tok = self.t
        if tok.kind == EOF:
            return tok
        if tok.kind not in VIRTUAL:
            self.last = tok
        self.pos += 1
        self.t = self.toks[self.pos]
        return tok

    def peek(self, offset: int = 1) -> Token:
        index = self.pos + offset
        if index >= len(self.toks):
            return self.toks[-1]
        return self.toks[index]

    def here(self) -> Span:
        """Where an error at the current token is reported (virtual tokens: right after the last real token)."""
        tok = self.t
        if tok.kind in VIRTUAL or tok.kind == EOF:
            last = self.last
            if last is None:
                return Span(tok.line, tok.col, tok.line, tok.col)
            return Span(last.end_line, last.end_col, last.end_line, last.end_col)
        return Span(tok.line, tok.col, tok.end_line, tok.end_col)

    def fail(self, expected: str) -> ParseError:
        tok = self.t
        if tok.kind in (VSEP, VEND) and self.last is not None:
            # A block closed by a token on the same line (`let x = )`): that token is what was found.
            index = self.pos
            while self.toks[index].kind in VIRTUAL:
                index += 1
            real = self.toks[index]
            if real.kind != EOF and real.line == self.last.end_line:
                return ParseError(real.span, f"expected {expected}, found {describe(real)}")
        return ParseError(self.here(), f"expected {expected}, found {describe(tok)}")

    def expect(self, kind: str, expected: str) -> Token:
        if self.t.kind != kind:
            raise self.fail(expected)
        return self.advance()

    def span_from(self, first: Token) -> Span:
        last = self.last
        if last is None or last.start < first.start:
            return Span(first.line, first.col, first.end_line, first.end_col)
        return Span(first.line, first.col, last.end_line, last.end_col)

    def span_nodes(self, first: Span, last: Span) -> Span:
        return Span(first.start_line, first.start_col, last.end_line, last.end_col)

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError(self.here(), "expression nested too deeply", "NestedTooDeeply")

    # -- module ---------------------------------------------------------------------------------------------

    def parse_module(self) -> ast.Module:
        first = self.t
        doc = first.doc
        name: str | None = None
        name_span: Span | None = None
        exports: tuple[ast.ExportItem, ...] | None = None
        if first.kind == "module":
            try:
                self.advance()
                tok = self.t
                if tok.kind not in (UPPER, QUPPER):
                    raise self.fail("a module name")
                self.advance()
                name = tok.text
                name_span = tok.span
                if self.t.kind == "(":
                    exports = self.parse_export_list()
                self.expect("where", "`where` after the module header")
            except ParseError as err:
                self.report(err)
                while self.t.kind not in (VSTART, EOF):
                    self.advance()
        else:
            self.diagnostics.append(
                Diagnostic(
                    self.here() if first.kind not in (VSTART, EOF) else Span(0, 0, 0, 0),
                    Severity.ERROR,
                    "MissingModuleHeader",
                    f"expected a module header `module Name where`, found {describe(self._first_real())}",
                )
            )
        imports: list[ast.ImportDecl] = []
        decls: list[ast.Decl] = []
        if self.t.kind == VSTART:
            self.advance()
            self.parse_top_items(imports, decls)
        if self.t.kind != EOF:
            self.diagnostics.append(
                Diagnostic(
                    self.here(),
                    Severity.ERROR,
                    "SyntaxError",
                    f"expected a declaration at the top-level indentation, found {describe(self.t)}",
                )
            )
        end = self.toks[-1]
        span = Span(0, 0, end.line, end.col)
        return ast.Module(span, name, name_span, exports, tuple(imports), tuple(decls), doc)

    def _first_real(self) -> Token:
        for tok in self.toks:
            if tok.kind not in VIRTUAL:
                return tok
        return self.toks[-1]

    def report(self, err: ParseError) -> None:
        self.diagnostics.append(Diagnostic(err.span, Severity.ERROR, err.code, err.message))

    def at_top_boundary(self) -> bool:
        tok = self.t
        kind = tok.kind
        return kind == EOF or ((kind in (VSEP, VEND)) and tok.value == 1)

    def parse_top_items(self, imports: list[ast.ImportDecl], decls: list[ast.Decl]) -> None:
        seen_decl = False
        while True:
            tok = self.t
            if tok.kind == EOF:
                return
            if tok.kind == VEND and tok.value == 1:
                self.advance()
                return
            if tok.kind == VSEP and tok.value == 1:
                self.advance()
                continue
            start = self.pos
            self.depth = 0
            try:
                if tok.kind == "import":
                    imp = self.parse_import()
                    if seen_decl:
                        self.diagnostics.append(
                            Diagnostic(
                                imp.span,
                                Severity.ERROR,
                                "ImportAfterDeclaration",
                                "imports must come before the module's declarations",
                            )
                        )
                    if not self.at_top_boundary():
                        raise self.fail("the end of the declaration")
                    imports.append(imp)
                else:
                    seen_decl = True
                    decl = self.parse_decl()
                    if not self.at_top_boundary():
                        raise self.fail("the end of the declaration")
                    if decl is not None:
                        decls.append(decl)
            except ParseError as err:
                self.report(err)
                self.skip_to_top(start)
            except RecursionError:
                self.report(ParseError(self.here(), "expression nested too deeply", "NestedTooDeeply"))
                self.skip_to_top(start)

    def skip_to_top(self, start: int) -> None:
        if self.pos == start and not self.at_top_boundary():
            self.advance()
        while not self.at_top_boundary():
            self.advance()

    # -- header -----------------------------------------------------------------------------------------------

    def parse_export_list(self) -> tuple[ast.ExportItem, ...]:
        self.expect("(", "`(`")
        items: list[ast.ExportItem] = []
        if self.t.kind != ")":
            items.append(self.parse_item(allow_module=True))
            while self.t.kind == ",":
                self.advance()
                items.append(self.parse_item(allow_module=True))
        self.expect(")", "`,` or `)` in the export list")
        return tuple(items)

    def parse_item(self, allow_module: bool) -> ast.ExportItem:
        tok = self.t
        kind = tok.kind
        if kind == LOWER:
            self.advance()
            return ast.ItemValue(tok.span, tok.text)
        if kind == "(":
            self.advance()
            op = self.t
            if op.kind not in (OP, ".."):
                raise self.fail("an operator")
            self.advance()
            self.expect(")", "`)`")
            return ast.ItemOperator(self.span_from(tok), op.text)
        if kind == UPPER:
            self.advance()
            members: tuple[ast.Name, ...] | None = None
            all_members = False
            if self.t.kind == "(":
                self.advance()
                if self.t.kind == "..":
                    self.advance()
                    all_members = True
                else:
                    names: list[ast.Name] = []
                    while self.t.kind == UPPER:
                        member = self.advance()
                        names.append(ast.Name(member.span, member.text))
                        if self.t.kind != ",":
                            break
                        self.advance()
                    members = tuple(names)
                self.expect(")", "`..`, constructor names or `)`")
            return ast.ItemType(self.span_from(tok), tok.text, tok.span, members, all_members)
        if kind == "class":
            self.advance()
            name = self.expect(UPPER, "a class name")
            return ast.ItemClass(self.span_from(tok), name.text, name.span)
        if kind == "type":
            self.advance()
            self.expect("(", "`(` before a type operator")
            op = self.expect(OP, "a type operator")
            self.expect(")", "`)`")
            return ast.ItemTypeOperator(self.span_from(tok), op.text)
        if kind == "module" and allow_module:
            self.advance()
            name = self.t
            if name.kind not in (UPPER, QUPPER):
                raise self.fail("a module name")
            self.advance()
            return ast.ItemModule(self.span_from(tok), name.text, name.span)
        raise self.fail("a value, type, `class` or `module` item")

    def parse_import(self) -> ast.ImportDecl:
        first = self.advance()
        tok = self.t
        if tok.kind not in (UPPER, QUPPER):
            raise self.fail("a module name after `import`")
        self.advance()
        hiding = False
        items: tuple[ast.ImportItem, ...] | None = None
        if self.t.kind == LOWER and self.t.text == "hiding":
            self.advance()
            hiding = True
            if self.t.kind != "(":
                raise self.fail("`(` after `hiding`")
        if self.t.kind == "(":
            self.advance()
            collected: list[ast.ImportItem] = []
            if self.t.kind != ")":
                while True:
                    item = self.parse_item(allow_module=False)
                    if isinstance(item, ast.ItemModule):  # pragma: no cover - excluded by allow_module=False
                        raise self.fail("an import item")
                    collected.append(item)
                    if self.t.kind != ",":
                        break
                    self.advance()
            self.expect(")", "`,` or `)` in the import list")
            items = tuple(collected)
        alias: str | None = None
        alias_span: Span | None = None
        if self.t.kind == LOWER and self.t.text == "as":
            self.advance()
            alias_tok = self.t
            if alias_tok.kind not in (UPPER, QUPPER):
                raise self.fail("a module alias after `as`")
            self.advance()
            alias = alias_tok.text
            alias_span = alias_tok.span
        return ast.ImportDecl(self.span_from(first), tok.text, tok.span, items, hiding, alias, alias_span)

    # -- top-level declarations ------------------------------------------------------------------------------

    def parse_decl(self) -> ast.Decl | None:
        start = self.pos
        first = self.t
        doc = first.doc
        kind = first.kind
        decl: ast.Decl | None
        if kind == LOWER:
            if self.peek().kind == "::":
                self.advance()
                self.advance()
                type_ = self.parse_type()
                decl = ast.SignatureDecl(self.span_from(first), first.text, first.span, type_)
            else:
                self.advance()
                params = self.parse_binders()
                rhs = self.parse_rhs("=")
                decl = ast.ValueDecl(self.span_from(first), first.text, first.span, params, rhs)
        elif kind == "data":
            decl = self.parse_data()
        elif kind == "newtype":
            decl = self.parse_newtype()
        elif kind == "type":
            decl = self.parse_type_alias()
        elif kind == "class":
            decl = self.parse_class()
        elif kind == "instance":
            decl = self.parse_instance()
        elif kind == "derive":
            decl = self.parse_derive()
        elif kind == "foreign":
            decl = self.parse_foreign()
        elif kind in ("infixl", "infixr", "infix"):
            decl = self.parse_fixity()
        else:
            raise self.fail("a declaration")
        if decl is None:
            return None
        fingerprint = _fingerprint(self.toks, start, self.pos, doc)
        return _with_doc(decl, doc, fingerprint)

    def parse_type_params(self) -> tuple[ast.TypeVarBinder, ...]:
        params: list[ast.TypeVarBinder] = []
        while True:
            tok = self.t
            if tok.kind == LOWER:
                self.advance()
                params.append(ast.TypeVarBinder(tok.span, tok.text))
            elif tok.kind == "(" and self.peek().kind == LOWER and self.peek(2).kind == "::":
                self.advance()
                var = self.advance()
                self.advance()
                kind = self.parse_type()
                self.expect(")", "`)`")
                params.append(ast.TypeVarBinder(self.span_from(tok), var.text, kind))
            else:
                return tuple(params)

    def parse_data(self) -> ast.DataDecl | None:
        first = self.advance()
        name = self.expect(UPPER, "a type name after `data`")
        if self.t.kind == "::":  # kind signature: the checker infers kinds, so it is read and dropped
            self.advance()
            self.parse_type()
            return None
        params = self.parse_type_params()
        ctors: list[ast.DataCtor] = []
        if self.t.kind == "=":
            self.advance()
            ctors.append(self.parse_ctor())
            while self.t.kind == "|":
                self.advance()
                ctors.append(self.parse_ctor())
        return ast.DataDecl(self.span_from(first), name.text, name.span, params, tuple(ctors))

    def parse_ctor(self) -> ast.DataCtor:
        tok = self.t
        if tok.kind != UPPER:
            raise self.fail("a constructor name")
        self.advance()
        fields: list[ast.Type] = []
        while self.t.kind in _TYPE_ATOM_START:
            fields.append(self.parse_type_atom())
        return ast.DataCtor(self.span_from(tok), tok.text, tok.span, tuple(fields), tok.doc)

    def parse_newtype(self) -> ast.NewtypeDecl | None:
        first = self.advance()
        name = self.expect(UPPER, "a type name after `newtype`")
        if self.t.kind == "::":
            self.advance()
            self.parse_type()
            return None
        params = self.parse_type_params()
        self.expect("=", "`=` in the newtype declaration")
        ctor = self.parse_ctor()
        if len(ctor.fields) != 1:
            raise ParseError(ctor.span, "expected a newtype constructor with exactly one field")
        return ast.NewtypeDecl(self.span_from(first), name.text, name.span, params, ctor)

    def parse_type_alias(self) -> ast.TypeAliasDecl | None:
        first = self.advance()
        name = self.expect(UPPER, "a type name after `type`")
        if self.t.kind == "::":
            self.advance()
            self.parse_type()
            return None
        params = self.parse_type_params()
        self.expect("=", "`=` in the type synonym")
        body = self.parse_type()
        return ast.TypeAliasDecl(self.span_from(first), name.text, name.span, params, body)

    def _scan_for(self, wanted: str) -> bool:
        """Is there an operator `wanted` before this declaration's `where` or end (at bracket depth 0)?"""
        index = self.pos
        toks = self.toks
        depth = 0
        while True:
            tok = toks[index]
            kind = tok.kind
            if kind == EOF or kind == "where" or (kind in (VSEP, VEND, VSTART) and depth == 0):
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
        return ast.Constraint(t.span, ast.Name(head.span, head.name, head.qualifier), tuple(args))

    def parse_class(self) -> ast.ClassDecl:
        first = self.advance()
        supers: tuple[ast.Constraint, ...] = ()
        if self._scan_for("<="):
            supers = self.parse_constraint_list()
            if not (self.t.kind == OP and self.t.text == "<="):
                raise self.fail("`<=` after the superclasses")
            self.advance()
        name = self.expect(UPPER, "a class name")
        params = self.parse_type_params()
        if self.t.kind == "|":  # functional dependencies: accepted and ignored (single-parameter classes)
            self.advance()
            while self.t.kind not in ("where", VSEP, VEND, EOF):
                self.advance()
        methods: list[ast.ClassMethod] = []
        if self.t.kind == "where":
            self.advance()
            if self.t.kind == VSTART:
                self.advance()
                while True:
                    tok = self.t
                    if tok.kind != LOWER:
                        raise self.fail("a method signature `name :: Type`")
                    self.advance()
                    self.expect("::", "`::` in the method signature")
                    method_type = self.parse_type()
                    methods.append(ast.ClassMethod(self.span_from(tok), tok.text, tok.span, method_type, tok.doc))
                    if self.t.kind == VSEP:
                        self.advance()
                        continue
                    self.expect(VEND, "the end of the class body")
                    break
        return ast.ClassDecl(self.span_from(first), name.text, name.span, params, supers, tuple(methods))

    def parse_instance_head(
        self,
    ) -> tuple[str | None, Span | None, tuple[ast.Constraint, ...], ast.Name, tuple[ast.Type, ...]]:
        name: str | None = None
        name_span: Span | None = None
        if self.t.kind == LOWER and self.peek().kind == "::":
            tok = self.advance()
            self.advance()
            name = tok.text
            name_span = tok.span
        constraints: tuple[ast.Constraint, ...] = ()
        if self._scan_for("=>"):
            constraints = self.parse_constraint_list()
            self.expect("=>", "`=>` after the instance context")
        cls = self.t
        if cls.kind not in (UPPER, QUPPER):
            raise self.fail("a class name")
        self.advance()
        types: list[ast.Type] = []
        while self.t.kind in _TYPE_ATOM_START:
            types.append(self.parse_type_atom())
        return name, name_span, constraints, ast.Name(cls.span, cls.name, cls.qualifier), tuple(types)

    def parse_instance(self) -> ast.InstanceDecl:
        first = self.advance()
        name, name_span, constraints, cls, types = self.parse_instance_head()
        body: tuple[ast.LocalDecl, ...] = ()
        if self.t.kind == "where":
            self.advance()
            if self.t.kind == VSTART:
                body = self.parse_local_block("the end of the instance body")
        return ast.InstanceDecl(self.span_from(first), name, name_span, constraints, cls, types, body)

    def parse_derive(self) -> ast.DeriveDecl:
        first = self.advance()
        newtype = False
        if self.t.kind == "newtype":
            self.advance()
            newtype = True
        self.expect("instance", "`instance` after `derive`")
        name, name_span, constraints, cls, types = self.parse_instance_head()
        return ast.DeriveDecl(self.span_from(first), name, name_span, constraints, cls, types, newtype)

    def parse_foreign(self) -> ast.Decl:
        first = self.advance()
        self.expect("import", "`import` after `foreign`")
        if self.t.kind == "data":
            self.advance()
            name = self.expect(UPPER, "a type name")
            kind: ast.Type | None = None
            if self.t.kind == "::":
                self.advance()
                kind = self.parse_type()
            return ast.ForeignDataDecl(self.span_from(first), name.text, name.span, kind)
        name = self.expect(LOWER, "a name or `data` after `foreign import`")
        self.expect("::", "`::` and a type")
        type_ = self.parse_type()
        backend: str | None = None
        if self.t.kind == "=":
            self.advance()
            code = self.expect(STRING, "a string of backend code after `=`")
            backend = str(code.value)
        return ast.ForeignValueDecl(self.span_from(first), name.text, name.span, type_, backend)

    def parse_fixity(self) -> ast.FixityDecl:
        first = self.advance()
        prec = self.expect(INT, "a precedence (0-9)")
        precedence = prec.value if isinstance(prec.value, int) else 0
        if not 0 <= precedence <= 9:
            raise ParseError(prec.span, f"expected a precedence from 0 to 9, found {precedence}")
        is_type = False
        if self.t.kind == "type":
            self.advance()
            is_type = True
        target = self.t
        if target.kind not in _NAME_KINDS:
            raise self.fail("the name the operator stands for")
        self.advance()
        if not (self.t.kind == LOWER and self.t.text == "as"):
            raise self.fail("`as`")
        self.advance()
        op = self.t
        if op.kind != OP:
            raise self.fail("an operator")
        self.advance()
        return ast.FixityDecl(
            self.span_from(first),
            first.kind,
            precedence,
            ast.Name(target.span, target.name, target.qualifier),
            op.text,
            op.span,
            is_type,
        )

    # -- right-hand sides, local declarations --------------------------------------------------------------

    def parse_binders(self) -> tuple[ast.Pattern, ...]:
        params: list[ast.Pattern] = []
        while self.t.kind in _PATTERN_ATOM_START:
            params.append(self.parse_pattern_atom())
        return tuple(params)

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
                if kind in (",", "=", "->", "|"):
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
        self.advance()
        decls: list[ast.LocalDecl] = []
        while True:
            if self.t.kind == VEND:
                self.advance()
                break
            decls.append(self.parse_local_decl())
            if self.t.kind == VSEP:
                self.advance()
                continue
            self.expect(VEND, what)
            break
        return tuple(decls)

    def parse_local_decl(self) -> ast.LocalDecl:
        tok = self.t
        if tok.kind == LOWER:
            nxt = self.peek().kind
            if nxt == "::":
                self.advance()
                self.advance()
                type_ = self.parse_type()
                return ast.LocalSignature(self.span_from(tok), tok.text, tok.span, type_)
            if nxt != "@":
                self.advance()
                params = self.parse_binders()
                rhs = self.parse_rhs("=")
                return ast.LocalValue(self.span_from(tok), tok.text, tok.span, params, rhs)
        if tok.kind not in _PATTERN_ATOM_START:
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
        operands = [operand]
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
                if name.kind not in _NAME_KINDS:
                    raise self.fail("a name between backticks")
                self.advance()
                self.expect("`", "a closing backtick")
                operators.append(ast.Operator(self.span_from(tok), name.name, name.qualifier, True))
            else:
                break
            operands.append(self.parse_operand())
        return ast.OpChain(self.span_from(first), tuple(operands), tuple(operators))

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
        if kind in _BLOCK_START or (kind == QLOWER and first.name == "do"):
            return self.parse_block_expr()
        fn = self.parse_postfix()
        while True:
            kind = self.t.kind
            if (kind in _ATOM_START and kind != QLOWER) or (kind == QLOWER and self.t.name != "do"):
                arg = self.parse_postfix()
            elif kind in _BLOCK_START or kind == QLOWER:
                arg = self.parse_block_expr()
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
                result = ast.Section(result.span, holes, result)
        elif kind == "case":
            result = self.parse_case()
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
            result = ast.Section(result.span, holes, result)
        return result

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

    def parse_statement(self) -> ast.DoStatement:
        tok = self.t
        if tok.kind == "let" and self.peek().kind == VSTART:
            # `let` bindings, unless an `in` follows (then it is a let expression used as a statement)
            save = self.pos
            save_last = self.last
            self.advance()
            bindings = self.parse_local_block("the end of the `let` bindings")
            if self.t.kind != "in":
                return ast.DoLet(self.span_from(tok), bindings)
            self.pos = save
            self.t = self.toks[save]
            self.last = save_last
        if self._statement_is_bind():
            pattern = self.parse_pattern()
            self.expect("<-", "`<-`")
            expr = self.parse_expr()
            return ast.DoBind(self.span_from(tok), pattern, expr)
        expr = self.parse_expr()
        return ast.DoExpr(self.span_from(tok), expr)

    def _statement_is_bind(self) -> bool:
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
                if kind in ("=", "->", "\\", "if", "case", "let", "do", "where"):
                    return False
            index += 1

    def parse_postfix(self) -> ast.Expr:
        """An atom followed by field accesses `.label` and record updates `{ label = e }`."""
        expr = self.parse_atom()
        while True:
            kind = self.t.kind
            if kind == ".":
                self.advance()
                label = self.t
                if label.kind not in _LABEL_KINDS:
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
            base: ast.Expr = expr
            while isinstance(base, ast.Access | ast.RecordUpdate):
                base = base.expr
            if isinstance(base, ast.Hole):
                return ast.Section(expr.span, (base,), expr)
        return expr

    def _last_span(self) -> Span:
        last = self.last
        assert last is not None
        return last.span

    def _is_update(self) -> bool:
        label = self.peek()
        if label.kind not in _LABEL_KINDS:
            return False
        after = self.peek(2).kind
        return after == "=" or after == "{"

    def parse_updates(self) -> tuple[ast.RecordUpdateField, ...]:
        self.expect("{", "`{`")
        updates: list[ast.RecordUpdateField] = []
        while True:
            label = self.t
            if label.kind not in _LABEL_KINDS:
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
            return ast.Hole(tok.span)
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
        if kind in _BLOCK_START:
            return self.parse_block_expr()
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
                inner = ast.Section(inner.span, holes, inner)
        return ast.Paren(span, inner)

    def parse_record_literal(self) -> ast.Expr:
        tok = self.advance()
        self.enter()
        fields: list[ast.RecordField] = []
        if self.t.kind != "}":
            while True:
                label = self.t
                if label.kind not in _LABEL_KINDS:
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
            result = ast.Section(result.span, holes, result)
        return result

    # -- patterns -----------------------------------------------------------------------------------------

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
        operands = [operand]
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
                if name.kind not in _NAME_KINDS:
                    raise self.fail("a name between backticks")
                self.advance()
                self.expect("`", "a closing backtick")
                operators.append(ast.Operator(self.span_from(tok), name.name, name.qualifier, True))
            else:
                break
            operands.append(self.parse_pattern2())
        return ast.PatOpChain(self.span_from(first), tuple(operands), tuple(operators))

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
                if label.kind not in _LABEL_KINDS:
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

    # -- types --------------------------------------------------------------------------------------------

    def parse_type(self) -> ast.Type:
        self.enter()
        tok = self.t
        result: ast.Type
        if tok.kind == "forall" or (tok.kind == LOWER and tok.text == "forall"):
            self.advance()
            binders: list[ast.TypeVarBinder] = []
            while True:
                var = self.t
                if var.kind == LOWER:
                    self.advance()
                    binders.append(ast.TypeVarBinder(var.span, var.text))
                elif var.kind == "(" and self.peek().kind == LOWER and self.peek(2).kind == "::":
                    self.advance()
                    name = self.advance()
                    self.advance()
                    kind = self.parse_type()
                    self.expect(")", "`)`")
                    binders.append(ast.TypeVarBinder(self.span_from(var), name.text, kind))
                else:
                    break
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
        head = self.parse_type_atom_or_tuple()
        if isinstance(head, _TypeTuple):
            return head
        while self.t.kind in _TYPE_ATOM_START:
            arg = self.parse_type_atom()
            head = ast.TypeApp(self.span_nodes(head.span, arg.span), head, arg)
        return head

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
            if nxt.kind == ")" or nxt.kind == "|" or (nxt.kind in _LABEL_KINDS and self.peek().kind == "::"):
                row = self.parse_row(tok, ")")
                result = ast.TypeRow(self.span_from(tok), row)
            elif (nxt.kind == OP or nxt.kind == QOP) and self.peek().kind == ")":
                self.advance()
                self.advance()
                result = ast.TypeCon(self.span_from(tok), nxt.name, nxt.qualifier)
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
        raise self.fail("a type")

    def parse_row(self, opener: Token, closer: str) -> ast.Row:
        fields: list[ast.RowField] = []
        tail: ast.Type | None = None
        if self.t.kind != closer and self.t.kind != "|":
            while True:
                label = self.t
                if label.kind not in _LABEL_KINDS:
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


def _with_doc(decl: ast.Decl, doc: str | None, fingerprint: str) -> ast.Decl:
    """Fill the two trailing fields every top-level declaration has (doc comment and fingerprint)."""
    object.__setattr__(decl, "doc", doc)
    object.__setattr__(decl, "fingerprint", fingerprint)
    return decl


def parse_module(source: str) -> ParsedModule:
    """Parse a whole file: never raises; the module keeps every declaration that parsed.

    The cyclic garbage collector is paused while parsing: the parser allocates hundreds of thousands of acyclic
    objects (tokens, nodes, spans), and the collector's repeated scans of them would otherwise cost more than the
    parse itself once many trees are alive (as they are in the language server).
    """
    limit = sys.getrecursionlimit()
    if limit < _MIN_RECURSION_LIMIT:
        sys.setrecursionlimit(_MIN_RECURSION_LIMIT)
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _parse(source)
    finally:
        if collecting:
            gc.enable()
        if limit < _MIN_RECURSION_LIMIT:
            sys.setrecursionlimit(limit)


def _parse(source: str) -> ParsedModule:
    try:
        lexed = lex(source)
        tokens = layout(lexed.tokens)
        parser = Parser(tokens)
        module = parser.parse_module()
        return ParsedModule(module, tuple(lexed.diagnostics) + tuple(parser.diagnostics))
    except RecursionError:
        return _failed(source, "expression nested too deeply")
    except Exception as err:  # a bug must not take the editor down: report it as a diagnostic
        return _failed(source, f"internal parser error: {type(err).__name__}: {err}")


def _failed(source: str, message: str) -> ParsedModule:
    lines = source.split("\n")
    end = Span(0, 0, len(lines) - 1, len(lines[-1]))
    module = ast.Module(end, None, None, None, (), ())
    return ParsedModule(module, (Diagnostic(Span(0, 0, 0, 0), Severity.ERROR, "SyntaxError", message),))
