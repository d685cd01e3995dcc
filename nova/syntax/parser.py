"""Recursive-descent parser (precedence-free: operators are parsed flat, see `fixity.py`) over the laid-out tokens.

This module parses the module header and the top-level declarations; the layers below it parse expressions
(`expr_parser`), patterns (`pattern_parser`) and types (`type_parser`) on a shared token cursor (`cursor`).

Error recovery works at the top level: a syntax error inside a declaration becomes one diagnostic ("expected X,
found Y" at the offending token) and parsing resumes at the next top-level separator the layout pass inserted, so
every other declaration survives. Nesting is bounded by an explicit depth budget ("nested too deeply"), and a
`RecursionError` that slips through anyway becomes a diagnostic too: `parse_module` never raises.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from nova import keys
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.cursor import NAME_KINDS, TYPE_ATOM_START, ParseError
from nova.syntax.expr_parser import ExprParser
from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.tokens import (
    EOF,
    INT,
    LOWER,
    OP,
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
from nova.syntax.walk import first_node, rewrite

_MIN_RECURSION_LIMIT = 4000
_ROLES = frozenset({"nominal", "representational", "phantom"})
SUPERCLASS_ARROWS = ("<=", "⇐")
"""What separates a class's superclasses from its head: `<=` or its Unicode form (an ordinary operator elsewhere)."""


@dataclass(frozen=True, slots=True)
class ParsedModule:
    """The result of parsing one file: always a module node, plus every lexical and syntax diagnostic.

    `broken` lists the top-level declarations dropped because of a syntax error (with the element they would
    have defined), so the checker can avoid reporting their uses as unknown names while the user types.
    """

    module: ast.Module
    diagnostics: tuple[Diagnostic, ...]
    broken: tuple[ast.BrokenDecl, ...] = ()


def _fingerprint(tokens: list[Token], start: int, end: int, doc: str | None) -> str:
    parts = [t.text or t.kind for t in tokens[start:end]]
    if doc:
        parts.append(doc)
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _layout(tokens: list[Token], start: int, end: int) -> str:
    """A hash of where each token sits: its line relative to the declaration's first token, and its column.

    The fingerprint ignores whitespace so that re-checking can be skipped; this tells whether the positions a
    reused typed tree carries are still right: with the declaration's own span, it fixes the position of every
    token (so of every node) relative to the declaration's first line. An edit that only moves tokens inside a
    declaration changes it.
    """
    if start >= end:
        return ""
    base = tokens[start].line
    # (relative line, column) packed in one small int per token (a hash of ints is stable across processes,
    # unlike a hash of str)
    return format(hash(tuple([((t.line - base) << 32) | t.col for t in tokens[start:end]])) & 0xFFFFFFFFFFFFFFFF, "x")


class Parser(ExprParser):
    """Module header, imports and top-level declarations, with recovery at the top-level block."""

    header_only: bool = False
    """Stop at the first top-level item that is not an import (`nova.syntax.header` reads only the header)."""
    first_decl_line: int | None = None
    """With `header_only`: the line of the declaration the parse stopped at (None: it met none)."""

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
                bad = next((c for c in "'_" if c in name), None)
                if bad is not None:  # (a type's name may have primes and underscores, a module's may not)
                    self.diagnostics.append(
                        Diagnostic(tok.span, Severity.ERROR, "SyntaxError", f"a module name cannot contain `{bad}`")
                    )
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
            if self.header_only and tok.kind != "import":
                self.first_decl_line = tok.line
                return
            start = self.pos
            self.item_started(start, len(imports), len(decls))
            self.depth = 0
            self.holes.clear()
            self.claimed.clear()
            try:
                if tok.kind == "import":
                    imp = self.parse_import()
                    if seen_decl:
                        self.diagnostics.append(
                            Diagnostic(
                                imp.span,
                                Severity.ERROR,
                                "SyntaxError",  # (PureScript: ErrorParsingModule, as for any syntax error)
                                "imports must come before the module's declarations",
                            )
                        )
                    if not self.at_top_boundary():
                        raise self.fail("the end of the declaration")
                    imports.append(imp)
                else:
                    seen_decl = True
                    decl = self.parse_decl()
                    while isinstance(decl, ast.InstanceDecl) and self.t.kind == "else":
                        # an instance chain: the instances before a broken `else instance` survive it
                        decls.append(decl)
                        self.check_holes()
                        start = self.pos
                        decl = self.parse_chained_instance()
                    if not self.at_top_boundary():
                        raise self.fail("the end of the declaration")
                    if decl is not None:
                        decls.append(decl)
                    self.check_holes()
            except ParseError as err:
                self.report(err)
                self.skip_to_top(start)
            except RecursionError:
                self.report(ParseError(self.here(), "expression nested too deeply", "NestedTooDeeply"))
                self.skip_to_top(start)

    def item_started(self, start: int, imports: int, decls: int) -> None:
        """Called as each top-level item (an import, a declaration or an instance chain) begins at token `start`;
        `imports` / `decls` are how many the module had before it. Nothing to do here: a re-parse of part of a
        file (`nova.syntax.reparse`) records where each item began."""

    def skip_to_top(self, start: int) -> None:
        if self.pos == start and not self.at_top_boundary():
            self.advance()
        while not self.at_top_boundary():
            self.advance()
        self.broken.append(self.describe_broken(start, self.pos))

    def describe_broken(self, start: int, end: int) -> ast.BrokenDecl:
        """Which element the tokens `start:end` were declaring, read from their first few tokens."""
        toks = [t for t in self.toks[start:end] if t.kind not in VIRTUAL][:7]
        if toks and toks[0].kind == "else":  # a broken member of an instance chain
            toks = toks[1:] if len(toks) > 1 and toks[1].kind == "instance" else []
        if not toks:
            here = self.toks[start]
            return ast.BrokenDecl(Span(here.line, here.col, here.line, here.col), None, None, None)
        last = toks[-1] if self.last is None or self.last.start < toks[0].start else self.last
        span = Span(toks[0].line, toks[0].col, last.end_line, last.end_col)
        kinds = [t.kind for t in toks]
        first = toks[0]
        name_tok: Token | None = None
        key: str | None = None
        if first.kind == LOWER:
            name_tok = first
            key = first.text
        elif first.kind in ("data", "newtype", "type") and len(toks) > 1 and toks[1].kind == UPPER:
            name_tok = toks[1]
            key = keys.type_key(name_tok.text)
        elif first.kind == "type" and len(toks) > 2 and toks[1].text == "role" and toks[2].kind == UPPER:
            name_tok = toks[2]
            key = keys.type_key(name_tok.text)
        elif first.kind == "class" and len(toks) > 2 and toks[1].kind == UPPER and toks[2].kind == "::":
            name_tok = toks[1]
            key = keys.class_key(name_tok.text)
        elif first.kind == "class":
            uppers = [t for t in toks[1:] if t.kind == UPPER]
            if any(t.text in SUPERCLASS_ARROWS for t in toks) and len(uppers) > 1:
                name_tok = uppers[1]
            elif uppers:
                name_tok = uppers[0]
            key = keys.class_key(name_tok.text) if name_tok is not None else None
        elif first.kind in ("instance", "derive"):
            names = [t for t in toks[1:4] if t.kind == LOWER]
            if names and kinds[kinds.index(LOWER) + 1 : kinds.index(LOWER) + 2] == ["::"]:
                name_tok = names[0]
                key = keys.instance_key(name_tok.text)
        elif first.kind == "foreign" and len(toks) > 2:
            if toks[2].kind == "data" and len(toks) > 3 and toks[3].kind == UPPER:
                name_tok = toks[3]
                key = keys.type_key(name_tok.text)
            elif toks[2].kind == LOWER:
                name_tok = toks[2]
                key = name_tok.text
        elif first.kind in ("infixl", "infixr", "infix"):
            ops = [t for t in toks if t.kind == OP]
            if ops:
                name_tok = ops[-1]
                key = name_tok.text
        if name_tok is None:
            return ast.BrokenDecl(span, None, None, None)
        return ast.BrokenDecl(span, key, name_tok.text, name_tok.span)

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
            if tok.text == "kind" and self.t.kind == UPPER:  # `kind K`: removed in PureScript 0.15
                name = self.advance()
                span = self.span_from(tok)
                self.report(
                    ParseError(span, f"`kind` imports and exports were removed in PureScript 0.15: write `{name.text}`")
                )
                return ast.ItemType(span, name.text, name.span)
            return ast.ItemValue(tok.span, tok.text)
        if kind == "(":
            self.advance()
            op = self.t
            if op.kind != OP:
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
                if self.t.kind == OP and self.t.text == "..":
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
        return _with_doc(decl, doc, fingerprint, _layout(self.toks, start, self.pos))

    def parse_kind_signature(self, first: Token, name: Token) -> ast.KindSignatureDecl:
        """`data T :: Kind` (and `newtype`, `type`, `class`), after the name; the current token is `::`."""
        self.advance()
        kind = self.parse_type()
        constrained = first_node(kind, ast.TypeConstrained)
        if constrained is not None:
            # PureScript 0.15's grammar rejects a constraint in a kind signature (ErrConstraintInKind); the
            # signature is read without its constraints, so that nothing else is reported about them.
            self.report(
                ParseError(
                    _constraints_span(constrained),
                    "Unsupported constraint in kind; constraints are only allowed in value annotations",
                )
            )
            kind = _without_constraints(kind)
        return ast.KindSignatureDecl(self.span_from(first), first.kind, name.text, name.span, kind)

    def parse_data(self) -> ast.DataDecl | ast.KindSignatureDecl:
        first = self.advance()
        name = self.expect(UPPER, "a type name after `data`")
        if self.t.kind == "::":
            return self.parse_kind_signature(first, name)
        params = self.parse_type_params()
        ctors: list[ast.DataCtor] = []
        if self.t.kind == "=":
            bar = self.advance()
            ctors.append(self.parse_ctor(bar.doc))
            while self.t.kind == "|":
                bar = self.advance()
                ctors.append(self.parse_ctor(bar.doc))
        return ast.DataDecl(self.span_from(first), name.text, name.span, params, tuple(ctors))

    def parse_ctor(self, doc: str | None = None) -> ast.DataCtor:
        """A constructor; its doc comment sits before the constructor or before the `=`/`|` leading to it."""
        tok = self.t
        if tok.kind != UPPER:
            raise self.fail("a constructor name")
        self.advance()
        fields: list[ast.Type] = []
        while self.t.kind in TYPE_ATOM_START:
            fields.append(self.parse_type_atom())
        return ast.DataCtor(self.span_from(tok), tok.text, tok.span, tuple(fields), tok.doc or doc)

    def parse_newtype(self) -> ast.NewtypeDecl | ast.KindSignatureDecl:
        first = self.advance()
        name = self.expect(UPPER, "a type name after `newtype`")
        if self.t.kind == "::":
            return self.parse_kind_signature(first, name)
        params = self.parse_type_params()
        equals = self.expect("=", "`=` in the newtype declaration")
        ctor = self.parse_ctor(equals.doc)
        if len(ctor.fields) != 1:
            raise ParseError(ctor.span, "expected a newtype constructor with exactly one field")
        return ast.NewtypeDecl(self.span_from(first), name.text, name.span, params, ctor)

    def parse_type_alias(self) -> ast.TypeAliasDecl | ast.KindSignatureDecl | ast.RoleDecl:
        first = self.advance()
        if self.t.kind == LOWER and self.t.text == "role" and self.peek().kind == UPPER:
            return self.parse_roles(first)
        name = self.expect(UPPER, "a type name after `type`")
        if self.t.kind == "::":
            return self.parse_kind_signature(first, name)
        params = self.parse_type_params()
        self.expect("=", "`=` in the type synonym")
        body = self.parse_type()
        if self.t.kind == "::":  # a kinded body, `type Star2Star f = f :: Type -> Type` (PureScript's `type1 :: type`)
            self.advance()
            kind = self.parse_type()
            body = ast.TypeKinded(Span.join(body.span, kind.span), body, kind)
        return ast.TypeAliasDecl(self.span_from(first), name.text, name.span, params, body)

    def parse_roles(self, first: Token) -> ast.RoleDecl:
        """`type role T nominal representational phantom`; the current token is `role`."""
        self.advance()
        name = self.advance()
        roles: list[ast.Role] = []
        while self.t.kind == LOWER:
            tok = self.t
            if tok.text not in _ROLES:
                raise self.fail("a role (`nominal`, `representational` or `phantom`)")
            self.advance()
            roles.append(ast.Role(tok.span, tok.text))
        if not roles:
            raise self.fail("a role (`nominal`, `representational` or `phantom`)")
        return ast.RoleDecl(self.span_from(first), name.text, name.span, tuple(roles))

    def parse_class(self) -> ast.ClassDecl | ast.KindSignatureDecl:
        first = self.advance()
        if self.t.kind == UPPER and self.peek().kind == "::":
            return self.parse_kind_signature(first, self.advance())
        supers: tuple[ast.Constraint, ...] = ()
        if any(self._scan_for(arrow) for arrow in SUPERCLASS_ARROWS):
            supers = self.parse_constraint_list()
            if not (self.t.kind == OP and self.t.text in SUPERCLASS_ARROWS):
                raise self.fail("`<=` after the superclasses")
            self.advance()
        name = self.expect(UPPER, "a class name")
        params = self.parse_type_params()
        fundeps: list[ast.FunDep] = []
        if self.t.kind == "|":
            self.advance()
            fundeps.append(self.parse_fundep())
            while self.t.kind == ",":
                self.advance()
                fundeps.append(self.parse_fundep())
        methods: list[ast.ClassMethod] = []
        if self.t.kind == "where":
            self.advance()
            if self.t.kind != VSTART:  # (PureScript's grammar: `where` opens at least one member)
                raise self.fail("a method signature indented below `class`")
            methods = self.parse_block_items(self.parse_class_method, "the end of the method signature")
        return ast.ClassDecl(
            self.span_from(first), name.text, name.span, params, supers, tuple(methods), tuple(fundeps)
        )

    def parse_fundep(self) -> ast.FunDep:
        """`a b -> c d` or `-> c` (the determining variables may be absent, the determined ones may not)."""
        first = self.t
        determiners: list[str] = []
        while self.t.kind == LOWER:
            determiners.append(self.advance().text)
        self.expect("->", "`->` in the functional dependency" if determiners else "a type variable or `->`")
        determined: list[str] = []
        while self.t.kind == LOWER:
            determined.append(self.advance().text)
        if not determined:
            raise self.fail("a type variable after `->`")
        return ast.FunDep(self.span_from(first), tuple(determiners), tuple(determined))

    def parse_class_method(self) -> ast.ClassMethod:
        tok = self.t
        if tok.kind != LOWER:
            raise self.fail("a method signature `name :: Type`")
        self.advance()
        self.expect("::", "`::` in the method signature")
        method_type = self.parse_type()
        return ast.ClassMethod(self.span_from(tok), tok.text, tok.span, method_type, tok.doc)

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
        while self.t.kind in TYPE_ATOM_START:
            types.append(self.parse_type_atom())
        return name, name_span, constraints, ast.Name(cls.span, cls.name, cls.qualifier), tuple(types)

    def parse_instance(self) -> ast.InstanceDecl:
        first = self.advance()
        name, name_span, constraints, cls, types = self.parse_instance_head()
        body: tuple[ast.LocalDecl, ...] = ()
        if self.t.kind == "where":
            self.advance()
            if self.t.kind != VSTART:  # (PureScript's grammar: `where` opens at least one member)
                raise self.fail("a member indented below `instance`")
            body = self.parse_local_block("the end of the instance body")
        return ast.InstanceDecl(self.span_from(first), name, name_span, constraints, cls, types, body)

    def parse_chained_instance(self) -> ast.InstanceDecl:
        """`else instance …` continuing an instance chain; the current token is `else`."""
        start = self.pos
        else_tok = self.advance()
        if self.t.kind == VSEP and self.t.value == 1:  # `else` alone on its line, `instance` on the next
            self.advance()
        if self.t.kind != "instance":
            raise self.fail("`instance` after `else`")
        instance = self.parse_instance()
        decl = dataclasses.replace(instance, else_span=else_tok.span)
        doc = else_tok.doc or self.toks[start + 1].doc
        fingerprint = _fingerprint(self.toks, start, self.pos, doc)
        result = _with_doc(decl, doc, fingerprint, _layout(self.toks, start, self.pos))
        assert isinstance(result, ast.InstanceDecl)
        return result

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
        if self.t.kind == LOWER and self.t.text == "kind" and self.peek().kind == UPPER:
            self.advance()
            name = self.advance()
            span = self.span_from(first)
            self.report(
                ParseError(
                    span,
                    "`foreign import kind` was removed in PureScript 0.15: "
                    f"write `foreign import data {name.text} :: Type`",
                )
            )
            return ast.ForeignDataDecl(span, name.text, name.span, ast.TypeCon(name.span, "Type"))
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
        constrained = first_node(type_, ast.TypeConstrained)
        if constrained is not None:
            # PureScript 0.15's grammar rejects a constraint anywhere in a foreign value's type (its dictionary
            # would be an argument the foreign code does not expect); the declaration is still read.
            self.report(
                ParseError(
                    _constraints_span(constrained),
                    "Constraints are not allowed in foreign imports. "
                    "Omit the constraint instead and update the foreign module accordingly.",
                )
            )
        backend: str | None = None
        if self.t.kind == "=":
            self.advance()
            code = self.expect(STRING, "a string of backend code after `=`")
            backend = str(code.value)
        return ast.ForeignValueDecl(self.span_from(first), name.text, name.span, type_, backend)

    def parse_fixity(self) -> ast.FixityDecl:
        first = self.advance()
        prec = self.expect(INT, "a precedence (0-10)")
        precedence = prec.value if isinstance(prec.value, int) else 0
        # 10 binds tighter than every other operator (below application); PureScript's `Data.Int.Bits` uses it
        if not 0 <= precedence <= 10:
            raise ParseError(prec.span, f"expected a precedence from 0 to 10, found {precedence}")
        is_type = False
        if self.t.kind == "type":
            self.advance()
            is_type = True
        target = self.t
        if target.kind not in NAME_KINDS:
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


def _constraints_span(constrained: ast.TypeConstrained) -> Span:
    """From the first constraint of `(C a, D b) => t` to the last: where a constraint that is not allowed is."""
    return Span.join(constrained.constraints[0].span, constrained.constraints[-1].span)


def _without_constraints(type_: ast.Type) -> ast.Type:
    """`type_` with every `constraints => body` replaced by its body."""
    stripped = rewrite(type_, lambda node: node.body if isinstance(node, ast.TypeConstrained) else node)
    assert isinstance(stripped, ast.Type)
    return stripped


def _with_doc(decl: ast.Decl, doc: str | None, fingerprint: str, layout: str) -> ast.Decl:
    """Fill the trailing fields every top-level declaration has (doc comment, fingerprint, layout)."""
    object.__setattr__(decl, "doc", doc)
    object.__setattr__(decl, "fingerprint", fingerprint)
    object.__setattr__(decl, "layout", layout)
    return decl


@contextmanager
def parse_guards() -> Iterator[None]:
    """What a whole-file parse runs under (`parse_module`, and the formatter's own run of the same pipeline): a
    recursion limit high enough for the nesting the parser's depth budget allows, and the cyclic garbage collector
    paused — the parser allocates hundreds of thousands of acyclic objects (tokens, nodes, spans), and the
    collector's repeated scans of them would otherwise cost more than the parse itself once many trees are alive
    (as they are in the language server)."""
    limit = sys.getrecursionlimit()
    if limit < _MIN_RECURSION_LIMIT:
        sys.setrecursionlimit(_MIN_RECURSION_LIMIT)
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        if limit < _MIN_RECURSION_LIMIT:
            sys.setrecursionlimit(limit)


def parse_module(source: str) -> ParsedModule:
    """Parse a whole file: never raises; the module keeps every declaration that parsed (under `parse_guards`)."""
    with parse_guards():
        return _parse(source)


def _parse(source: str) -> ParsedModule:
    try:
        lexed = lex(source)
        tokens = layout(lexed.tokens)
        parser = Parser(tokens)
        module = parser.parse_module()
        return ParsedModule(module, tuple(lexed.diagnostics) + tuple(parser.diagnostics), tuple(parser.broken))
    except RecursionError:
        return _failed(source, "expression nested too deeply")
    except Exception as err:  # a bug must not take the editor down: report it as a diagnostic
        return _failed(source, f"internal parser error: {type(err).__name__}: {err}")


def _failed(source: str, message: str) -> ParsedModule:
    lines = source.split("\n")
    end = Span(0, 0, len(lines) - 1, len(lines[-1]))
    module = ast.Module(end, None, None, None, (), ())
    return ParsedModule(module, (Diagnostic(Span(0, 0, 0, 0), Severity.ERROR, "SyntaxError", message),))
