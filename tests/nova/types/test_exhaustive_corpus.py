"""Exhaustiveness over real Nova: every match in the stdlib, the type corpus and the examples is complete and has
no unreachable clause, and the two negative files get exactly their expected warnings.

This also shows the mapping the checker performs: syntax patterns onto `nova.types.exhaustive`'s own pattern
type (operator patterns through their constructor aliases, named/parenthesised/typed patterns by their inner
pattern, record puns as wildcards), one matrix per `case`, per group of function clauses and per lambda, with a
guarded row counting as covering only when its last guard is `otherwise` or `true`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from nova.syntax import Fixity, ast, module_fixities, parse_module, resolve_fixity
from nova.syntax.walk import children
from nova.types.exhaustive import Array, Con, Lit, MatchReport, Pattern, Record, Wild, check_match

ROOT = Path(__file__).resolve().parents[3]
STDLIB = ROOT / "nova" / "stdlib"
CORPUS = ROOT / "tests" / "corpus" / "types"
EXAMPLES = ROOT / "examples"


@dataclass(frozen=True, slots=True)
class Match:
    where: str  # "file:line" of the match, 1-based
    rows: tuple[tuple[Pattern, ...], ...]
    guarded: tuple[bool, ...]
    report: MatchReport


@cache
def _modules() -> dict[Path, ast.Module]:
    paths = [*STDLIB.glob("*.nova"), *CORPUS.rglob("*.nova"), *EXAMPLES.glob("*.nova")]
    parsed = {path: parse_module(path.read_text(encoding="utf-8")) for path in sorted(paths)}
    for path, result in parsed.items():
        assert result.diagnostics == (), f"{path} does not parse: {result.diagnostics[0]}"
    # Constructor aliases (`infixr 6 Cons as :`) are what patterns need; they win over function aliases of the
    # same operator (Data.Array's `:` is `cons`, a function, never a pattern).
    fixities: dict[str, Fixity] = {}
    for result in parsed.values():
        for op, fixity in module_fixities(result.module).items():
            if op not in fixities or fixity.target.rsplit(".", 1)[-1][:1].isupper():
                fixities[op] = fixity
    resolved = {}
    for path, result in parsed.items():
        module, _ = resolve_fixity(result.module, fixities)
        resolved[path] = module
    return resolved


@cache
def _constructors() -> dict[str, dict[str, list[tuple[str, int]]]]:
    """module -> constructor name -> every constructor of its type, (name, arity)."""
    table: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for module in _modules().values():
        own: dict[str, list[tuple[str, int]]] = {}
        for decl in module.decls:
            if isinstance(decl, ast.DataDecl):
                ctors = [(c.name, len(c.fields)) for c in decl.constructors]
                own.update({name: ctors for name, _ in ctors})
            elif isinstance(decl, ast.NewtypeDecl):
                own[decl.constructor.name] = [(decl.constructor.name, len(decl.constructor.fields))]
        table[module.name or ""] = own
    return table


def _siblings_for(module: ast.Module) -> dict[str, list[tuple[str, int]]]:
    """The constructors visible in a module: its own, then its imports', then any stdlib module's."""
    table = _constructors()
    visible: dict[str, list[tuple[str, int]]] = {}
    stdlib = ("Prelude", "Data.Ordering", "Data.Maybe", "Data.Either", "Data.Tuple", "Data.List", "Data.List.Types")
    for name in (*stdlib, "Data.String"):
        visible.update(table.get(name, {}))
    for imp in module.imports:
        visible.update(table.get(imp.module, {}))
    visible.update(table.get(module.name or "", {}))
    return visible


def _pattern(p: ast.Pattern, fixities_target: dict[str, str]) -> Pattern:
    if isinstance(p, ast.PatVar | ast.PatWildcard):
        return Wild()
    if isinstance(p, ast.PatParen | ast.PatTyped | ast.PatNamed):
        return _pattern(p.pattern, fixities_target)
    if isinstance(p, ast.PatLiteral):
        lit = p.literal
        if isinstance(lit, ast.CharLit):
            return Lit(lit.value, is_char=True)
        return Lit(lit.value)
    if isinstance(p, ast.PatConstructor):
        return Con(p.name.name, tuple(_pattern(a, fixities_target) for a in p.args))
    if isinstance(p, ast.PatArray):
        return Array(tuple(_pattern(item, fixities_target) for item in p.items))
    if isinstance(p, ast.PatRecord):
        fields = sorted((f.label, Wild() if f.pun else _pattern(f.pattern, fixities_target)) for f in p.fields)
        return Record(tuple(fields))
    if isinstance(p, ast.PatBinOp):
        target = fixities_target.get(p.op.name, p.op.name)
        return Con(target.rsplit(".", 1)[-1], (_pattern(p.left, fixities_target), _pattern(p.right, fixities_target)))
    raise AssertionError(f"unresolved pattern {type(p).__name__}")


def _covers(rhs: ast.Rhs) -> bool:
    """False for a guarded right-hand side whose guards may all fail (it may fall through)."""
    if isinstance(rhs, ast.Unguarded):
        return True
    last = rhs.branches[-1].guards
    if len(last) != 1 or not isinstance(last[0], ast.GuardCondition):
        return False
    expr = last[0].expr
    return (isinstance(expr, ast.Var) and expr.name == "otherwise") or (isinstance(expr, ast.BoolLit) and expr.value)


def _clause_groups(decls: Sequence[object]) -> Iterator[list[ast.ValueDecl | ast.LocalValue]]:
    group: list[ast.ValueDecl | ast.LocalValue] = []
    for decl in decls:
        if isinstance(decl, ast.ValueDecl | ast.LocalValue) and decl.params:
            if group and group[0].name != decl.name:
                yield group
                group = []
            group.append(decl)
        elif group:
            yield group
            group = []
    if group:
        yield group


def _nodes(root: object) -> Iterator[object]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(children(node))


def _matches_in(path: Path, module: ast.Module) -> list[Match]:
    siblings_table = _siblings_for(module)
    targets = {op: f.target for op, f in module_fixities(module).items()}
    for other in _modules().values():
        for op, fixity in module_fixities(other).items():
            if fixity.target.rsplit(".", 1)[-1][:1].isupper():
                targets.setdefault(op, fixity.target)
    found: list[Match] = []

    def add(line: int, rows: list[tuple[Pattern, ...]], guarded: list[bool]) -> None:
        if len({len(row) for row in rows}) > 1:
            return  # (rows of different lengths: an error PureScript reports before any exhaustiveness check)
        report = check_match(rows, siblings_table.get, guarded=guarded)
        found.append(Match(f"{path.name}:{line + 1}", tuple(rows), tuple(guarded), report))

    for node in _nodes(module):
        if isinstance(node, ast.Case):
            rows = [tuple(_pattern(p, targets) for p in alt.patterns) for alt in node.alts]
            add(node.span.start_line, rows, [not _covers(alt.rhs) for alt in node.alts])
        elif isinstance(node, ast.Lambda):
            add(node.span.start_line, [tuple(_pattern(p, targets) for p in node.params)], [False])
        decls: Sequence[object] = ()
        if isinstance(node, ast.Module):
            decls = node.decls
        elif isinstance(node, ast.Unguarded | ast.Guarded):
            decls = node.where
        elif isinstance(node, ast.Let | ast.DoLet):
            decls = node.bindings
        elif isinstance(node, ast.InstanceDecl):
            decls = node.body
        for group in _clause_groups(decls):
            rows = [tuple(_pattern(p, targets) for p in clause.params) for clause in group]
            add(group[0].span.start_line, rows, [not _covers(clause.rhs) for clause in group])
    return found


@cache
def _matches() -> dict[Path, list[Match]]:
    return {path: _matches_in(path, module) for path, module in _modules().items()}


# matches that do not cover all inputs on purpose, under `Partial` (the checker's clean check of the corpus shows
# they are accepted there)
PARTIAL_BY_DESIGN = {"PartialMatch.nova"}


def _clean_paths() -> list[Path]:
    return [p for p in _modules() if p.parent != CORPUS / "errors" and p.name not in PARTIAL_BY_DESIGN]


def test_the_partial_corpus_file_misses_cases_but_has_no_unreachable_ones() -> None:
    reports = [m.report for m in _matches()[CORPUS / "PartialMatch.nova"]]
    assert sum(1 for r in reports if r.missing) >= 6
    assert all(not r.redundant for r in reports)


@pytest.mark.parametrize("path", _clean_paths(), ids=lambda p: p.name)
def test_every_match_is_exhaustive_and_has_no_unreachable_clause(path: Path) -> None:
    problems = [
        f"{m.where}: missing {m.report.missing_text()} redundant {list(m.report.redundant)}"
        for m in _matches()[path]
        if m.report.missing or m.report.redundant or not m.report.complete
    ]
    assert problems == []


def test_the_corpus_has_matches_of_every_shape() -> None:
    rows = [row for path in _clean_paths() for m in _matches()[path] for row in m.rows]
    flat = [p for row in rows for p in row]
    assert len(rows) > 500
    assert any(len(row) >= 2 for row in rows)
    for kind in (Con, Lit, Record, Array):
        assert any(isinstance(p, kind) for p in flat), kind.__name__


def test_missing_case_file_reports_the_missing_constructor() -> None:
    reports = [m.report for m in _matches()[CORPUS / "errors" / "Errors.MissingCase.nova"] if m.report.missing]
    assert [r.missing_text() for r in reports] == [["Blue"]]


def test_redundant_case_file_reports_the_wildcard() -> None:
    reports = [m.report for m in _matches()[CORPUS / "errors" / "Errors.Redundant.nova"] if m.report.redundant]
    assert [r.redundant for r in reports] == [(2,)]
