"""Inference of patterns: the variables they bind and the constructors they match."""

from __future__ import annotations

from nova.check import typed as T
from nova.check.infer_base import MAX_DEPTH, InferBase, TooDeep, lit_type, resolve_chain
from nova.diagnostics import Span
from nova.syntax import ast
from nova.types.types import (
    TFun,
    TRow,
    Type,
    array,
    prune,
    record,
)


class Patterns(InferBase):
    def pattern(self, p: ast.Pattern, expected: Type, binds: dict[str, tuple[Type, Span]]) -> T.Pattern:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.depth -= 1
            raise TooDeep(p.span)
        try:
            return self._pattern(p, expected, binds)
        finally:
            self.depth -= 1

    def _bind_name(self, name: str, t: Type, span: Span, binds: dict[str, tuple[Type, Span]]) -> None:
        if name in binds:
            # (PureScript's code for a name bound twice in a function's, lambda's or case alternative's binders)
            self.error(span, "OverlappingArgNames", f"The name `{name}` is bound more than once in this pattern.")
        binds[name] = (t, span)

    def _pattern(self, p: ast.Pattern, expected: Type, binds: dict[str, tuple[Type, Span]]) -> T.Pattern:
        if isinstance(p, ast.PatVar):
            self._bind_name(p.name, expected, p.span, binds)
            return T.PVar(p.span, expected, p.name)
        if isinstance(p, ast.PatWildcard):
            return T.PWild(p.span, expected)
        if isinstance(p, ast.PatParen):
            return self.pattern(p.pattern, expected, binds)
        if isinstance(p, ast.PatLiteral):
            t, kind = lit_type(p.literal)
            self.unify_at(t, expected, p.span)
            return T.PLit(p.span, expected, p.literal.value, kind)
        if isinstance(p, ast.PatNamed):
            self._bind_name(p.name, expected, p.name_span, binds)
            inner = self.pattern(p.pattern, expected, binds)
            return T.PAs(p.span, expected, p.name, p.name_span, inner)
        if isinstance(p, ast.PatArray):
            elem = self.fresh()
            self.unify_at(array(elem), expected, p.span)
            return T.PArray(p.span, expected, tuple(self.pattern(i, elem, binds) for i in p.items))
        if isinstance(p, ast.PatRecord):
            fields: list[tuple[str, T.Pattern]] = []
            row: list[tuple[str, Type]] = []
            for f in p.fields:
                ft = self.fresh()
                row.append((f.label, ft))
                fields.append((f.label, self.pattern(f.pattern, ft, binds)))
            row.sort(key=lambda x: x[0])
            self.unify_at(record(TRow(tuple(row), self.fresh())), expected, p.span)
            return T.PRecord(p.span, expected, tuple(fields))
        if isinstance(p, ast.PatTyped):
            t = self.translate_local_type(p.type)
            self.unify_at(t, expected, p.span)
            return self.pattern(p.pattern, expected, binds)
        if isinstance(p, ast.PatConstructor):
            return self.ctor_pattern(p.span, p.name.name, p.name.qualifier, p.name.span, list(p.args), expected, binds)
        if isinstance(p, ast.PatBinOp):
            return self.ctor_pattern(
                p.span, p.op.name, p.op.qualifier, p.op.span, [p.left, p.right], expected, binds, operator=True
            )
        if isinstance(p, ast.PatOpChain):
            return self.pattern(resolve_chain(self, p.operands, p.operators, "", ast.PatBinOp), expected, binds)
        return T.PWild(p.span, expected)

    def ctor_pattern(
        self,
        span: Span,
        name: str,
        qualifier: str | None,
        name_span: Span,
        args: list[ast.Pattern],
        expected: Type,
        binds: dict[str, tuple[Type, Span]],
        operator: bool = False,
    ) -> T.Pattern:
        ref = self.resolve_value(name, qualifier, name_span, "data constructor")
        display = name if qualifier is None else f"{qualifier}.{name}"
        if ref is not None and operator:
            ref = self.alias_of(ref) or ref
        scheme = self.scheme_of(ref) if ref is not None else None
        if ref is None or scheme is None or not ref[1][:1].isupper():
            if ref is not None and not ref[1][:1].isupper():
                if operator:  # (PureScript's code: an operator aliasing a function, used in a pattern)
                    self.error(
                        name_span,
                        "InvalidOperatorInBinder",
                        f"Operator `{display}` cannot be used in a pattern: it is an alias for the function "
                        f"`{ref[1]}`; only aliases of data constructors may be used in patterns.",
                    )
                else:
                    self.error(name_span, "InvalidPattern", f"`{display}` is not a data constructor.")
            for a in args:
                self.pattern(a, self.fresh(), binds)
            self.broken_patterns.add(span)
            return T.PWild(span, expected)
        t, _ = self.instantiate(scheme, span)
        typed_args: list[T.Pattern] = []
        arity = 0
        probe = prune(t)
        while isinstance(probe, TFun):
            arity += 1
            probe = prune(probe.res)
        if arity != len(args):
            self.error(
                span,
                "IncorrectConstructorArity",
                f"Data constructor `{display}` expects {arity} argument{'s' if arity != 1 else ''}, "
                f"but this pattern gives {len(args)}.",
            )
            for a in args:
                self.pattern(a, self.fresh(), binds)
            self.broken_patterns.add(span)
            return T.PWild(span, expected)
        cur = prune(t)
        for a in args:
            assert isinstance(cur, TFun)
            typed_args.append(self.pattern(a, cur.arg, binds))
            cur = prune(cur.res)
        self.unify_at(cur, expected, span)
        return T.PCon(span, expected, name, ref, tuple(typed_args), name_span)
