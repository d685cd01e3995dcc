"""Operator fixity: the table type, the module's own fixities, and re-association of flat operator chains.

The parser leaves `a + b * c` as a flat chain because fixities can come from imported modules; the checker builds
a table (its imports' fixities plus `module_fixities(module)`) and calls `resolve_fixity`, which rewrites every
chain into nested binary nodes by precedence climbing. Operators missing from the table are `infixl 9`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from nova import keys
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.syntax.walk import rewrite


@dataclass(frozen=True, slots=True)
class Fixity:
    """How an operator associates and binds; `target` is the aliased function or constructor as written."""

    assoc: str  # "infixl" | "infixr" | "infix"
    precedence: int
    target: str


DEFAULT_FIXITY = Fixity("infixl", 9, "")


def module_fixities(module: ast.Module) -> dict[str, Fixity]:
    """Fixities declared by the module itself, keyed by operator (type operators under `type:op`)."""
    table: dict[str, Fixity] = {}
    for decl in module.decls:
        if isinstance(decl, ast.FixityDecl):
            key = keys.type_key(decl.operator) if decl.is_type else decl.operator
            table[key] = Fixity(decl.assoc, decl.precedence, decl.target.full)
    return table


def lookup(fixities: Mapping[str, Fixity], op: ast.Operator | ast.TypeOperator, prefix: str = "") -> Fixity:
    """The fixity of an operator occurrence: qualified name first, then the bare name, then `infixl 9`."""
    return fixity_named(fixities, op.qualifier, op.name, prefix)


def fixity_named(fixities: Mapping[str, Fixity], qualifier: str | None, name: str, prefix: str = "") -> Fixity:
    """`lookup` by the operator's qualifier and name (what a checker records to re-check a declaration when the
    fixity its operator chains were grouped by changes)."""
    if qualifier is not None:
        found = fixities.get(prefix + qualifier + "." + name)
        if found is not None:
            return found
    return fixities.get(prefix + name, DEFAULT_FIXITY)


N = TypeVar("N")
O = TypeVar("O", ast.Operator, ast.TypeOperator)


class _Resolver:
    def __init__(self, fixities: Mapping[str, Fixity]) -> None:
        self.fixities = fixities
        self.diagnostics: list[Diagnostic] = []

    def __call__(self, node: object) -> object:
        if isinstance(node, ast.OpChain):
            return self.chain(node.operands, node.operators, "", _make_expr)
        if isinstance(node, ast.PatOpChain):
            return self.chain(node.operands, node.operators, "", _make_pattern)
        if isinstance(node, ast.TypeOpChain):
            return self.chain(node.operands, node.operators, keys.TYPE_PREFIX, _make_type)
        return node

    def chain(self, operands: tuple[N, ...], operators: tuple[O, ...], prefix: str, make: object) -> N:
        """Shunting-yard over the flat chain (operands[i] op[i] operands[i+1]); iterative, so any length works."""
        build = make  # Callable[[O, N, N], N]
        fixes = [lookup(self.fixities, op, prefix) for op in operators]
        out: list[N] = [operands[0]]
        pending: list[int] = []

        def reduce() -> None:
            right = out.pop()
            left = out.pop()
            out.append(build(operators[pending.pop()], left, right))  # type: ignore[operator]

        for index, fix in enumerate(fixes):
            while pending:
                top = fixes[pending[-1]]
                if top.precedence == fix.precedence and (top.assoc != fix.assoc or fix.assoc == "infix"):
                    self.check_mix(operators[pending[-1]], top, operators[index], fix)
                    reduce()
                elif top.precedence > fix.precedence or (top.precedence == fix.precedence and fix.assoc == "infixl"):
                    reduce()
                else:
                    break
            pending.append(index)
            out.append(operands[index + 1])
        while pending:
            reduce()
        return out[0]

    def check_mix(self, left_op: O, left: Fixity, right_op: O, right: Fixity) -> None:
        if left.precedence == right.precedence:
            message = (
                f"cannot mix `{left_op.name}` ({left.assoc} {left.precedence}) and `{right_op.name}` "
                f"({right.assoc} {right.precedence}) without parentheses"
            )
            # (PureScript's codes: two non-associative operators chained, or two associativities mixed)
            both_infix = left.assoc == right.assoc == "infix"
            code = "NonAssociativeError" if both_infix else "MixedAssociativityError"
            self.diagnostics.append(Diagnostic(right_op.span, Severity.ERROR, code, message))


def resolve_operators(
    operands: Sequence[N],
    operators: Sequence[O],
    fixities: Mapping[str, Fixity],
    make: Callable[[O, N, N], N],
    prefix: str = "",
) -> tuple[N, tuple[Diagnostic, ...]]:
    """Re-associate one flat chain with `make(op, left, right)` building each binary node.

    For callers that resolve chains while walking the tree themselves (the checker, with a table in scope);
    `prefix` is `"type:"` for type operators.
    """
    resolver = _Resolver(fixities)
    result = resolver.chain(tuple(operands), tuple(operators), prefix, make)
    return result, tuple(resolver.diagnostics)


def _join(a: Span, b: Span) -> Span:
    return Span(a.start_line, a.start_col, b.end_line, b.end_col)


def _make_expr(op: ast.Operator, left: ast.Expr, right: ast.Expr) -> ast.Expr:
    return ast.BinOp(_join(left.span, right.span), op, left, right)


def _make_pattern(op: ast.Operator, left: ast.Pattern, right: ast.Pattern) -> ast.Pattern:
    return ast.PatBinOp(_join(left.span, right.span), op, left, right)


def _make_type(op: ast.TypeOperator, left: ast.Type, right: ast.Type) -> ast.Type:
    return ast.TypeBinOp(_join(left.span, right.span), op, left, right)


def resolve_fixity(module: ast.Module, fixities: Mapping[str, Fixity]) -> tuple[ast.Module, tuple[Diagnostic, ...]]:
    """Rewrite every operator chain into nested `BinOp`/`PatBinOp`/`TypeBinOp` nodes using `fixities`.

    Mixing operators of one precedence with different (or no) associativity, like `a == b == c`, is reported and
    resolved to the left. Never raises; a tree too deep to rewrite is returned unchanged with a diagnostic.
    """
    resolver = _Resolver(fixities)
    try:
        resolved = rewrite(module, resolver)
    except RecursionError:
        diag = Diagnostic(module.span, Severity.ERROR, "NestedTooDeeply", "expression nested too deeply")
        return module, (diag,)
    assert isinstance(resolved, ast.Module)
    return resolved, tuple(resolver.diagnostics)
