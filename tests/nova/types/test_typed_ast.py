"""The typed tree the registry stores: types and spans everywhere, targets, evidence, docs; robustness."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from nova.check import check_module, typed
from nova.syntax import parse_module
from nova.types.evidence import InstanceEv, ParamEv, SuperEv
from nova.types.pretty import print_type
from nova.types.types import TVar, Type, iter_type
from tests.nova.types.helpers import check, diagnostics, root, types_of

SOURCE = """module Shop where

import Prelude
import Data.Maybe (Maybe(..), fromMaybe)
import Data.Array as Array

-- | An item on sale.
type Item = { name :: String, price :: Number }

-- | Shows every price.
prices :: Array Item -> Array String
prices items = map (\\i -> i.name <> ": " <> show i.price) items

cheapest xs = case Array.head xs of
  Just x -> x.name
  Nothing -> "none"

same :: forall a. Ord a => a -> a -> Boolean
same x y = x == y

render = show [Just 1]

total = fromMaybe 0 (Just 2) + 1
"""


def _nodes(root: Any) -> list[Any]:
    out: list[Any] = []
    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, tuple):
            stack.extend(n)
            continue
        if not is_dataclass(n) or type(n).__module__ != "nova.check.typed":
            continue
        out.append(n)
        for f in fields(n):
            if f.name in ("scheme", "instance", "class_info"):
                continue
            stack.append(getattr(n, f.name))
    return out


def _element(name: str) -> typed.TypedElement:
    checked = check_module(parse_module(SOURCE), root().begin_batch())
    assert checked.diagnostics == ()
    return checked.typed_ast.elements[name]


def test_every_expression_and_pattern_has_a_zonked_type_and_span() -> None:
    checked = check_module(parse_module(SOURCE), root().begin_batch())
    count = 0
    for el in checked.typed_ast.elements.values():
        for node in _nodes(el.clauses) + _nodes(el.methods):
            if hasattr(node, "type") and isinstance(node, typed.EVar | typed.EApp | typed.PVar | typed.ELam):
                count += 1
            if hasattr(node, "type") and not isinstance(node, typed.Binding):
                assert isinstance(node.type, Type)
                assert not any(isinstance(t, TVar) for t in iter_type(node.type)), node
                assert node.span.start_line >= 0
    assert count > 20


def test_references_carry_targets_and_locals_their_binder() -> None:
    el = _element("prices")
    vars_ = [n for n in _nodes(el.clauses) if isinstance(n, typed.EVar)]
    targets = {n.name: n.target for n in vars_}
    assert targets["map"] == ("Data.Functor", "map")
    assert targets["<>"] == ("Data.Semigroup", "<>")
    assert targets["show"] == ("Data.Show", "show")
    items = [n for n in vars_ if n.name == "items"]
    assert items and items[0].target is None and items[0].binder is not None
    access = [n for n in _nodes(el.clauses) if isinstance(n, typed.EAccess)]
    assert {print_type(a.type) for a in access} == {"String", "Number"}


def test_constrained_uses_carry_evidence() -> None:
    shown = [n for n in _nodes(_element("render").clauses) if isinstance(n, typed.EVar) and n.name == "show"]
    assert shown[0].evidence == (
        InstanceEv(
            "Data.Show",
            "instance:showArray",
            (InstanceEv("Data.Maybe", "instance:showMaybe", (InstanceEv("Data.Show", "instance:showInt", ()),)),),
        ),
    )
    eq = [n for n in _nodes(_element("same").clauses) if isinstance(n, typed.EVar) and n.name == "=="]
    assert eq[0].evidence == (SuperEv(ParamEv("same", 0), "Data.Eq", "Eq", 0),)


def test_doc_comments_and_synonym_expansion() -> None:
    el = _element("prices")
    assert el.doc is not None and "Shows every price" in el.doc
    assert el.kind == "value" and el.exported
    item = _element("type:Item")
    assert item.kind == "synonym" and item.doc is not None


def test_numeric_literals_and_operator_sections() -> None:
    result = check(
        Num="""module Num where

import Prelude

half = 1.0 / 2.0
quot = 7 / 2
inc = map (_ + 1)
sub = (10 - _)
neg = -3
getName = _.name
"""
    )
    assert diagnostics(result) == []
    t = types_of(result, "Num")
    assert t["half"] == "Number"
    assert t["quot"] == "Int"
    assert t["inc"] == "forall a. Functor a => a Int -> a Int"
    assert t["sub"] == "Int -> Int"
    assert t["neg"] == "Int"
    assert t["getName"] == "forall a r. { name :: a | r } -> a"


def test_deeply_nested_expression_is_a_diagnostic_not_a_crash() -> None:
    depth = 3000
    body = "(" * depth + "1" + ")" * depth
    source = f"module Deep where\n\nimport Prelude\n\nx = {body}\n\ny = {' + '.join(['1'] * 3000)}\n"
    checked = check_module(parse_module(source), root().begin_batch())
    assert checked.name == "Deep"
    codes = {d.code for d in checked.diagnostics}
    assert codes <= {"TooDeep", "NestedTooDeeply"}


def test_garbage_input_never_raises() -> None:
    for source in ["", "module", "module X where\nimport", "x = = =", "module M where\nf :: ->\nf = \\ ->"]:
        checked = check_module(parse_module(source), root().begin_batch())
        assert isinstance(checked.diagnostics, tuple)


def test_unknown_type_in_a_signature_does_not_leak_a_shared_cell() -> None:
    result = check(
        A="module A where\n\nf :: Foo -> Int\nf _ = 1\n",
        B='module B where\n\nimport A\n\nx = f "s"\ny = f 1\n',
    )
    found = diagnostics(result)
    assert [(d[0], d[1]) for d in found] == [("UnknownName", 2)]
    assert "Unknown type `Foo`" in found[0][5]


def test_recursive_local_uses_get_their_own_dictionaries_only() -> None:
    source = """module Loc where

import Prelude

count :: forall a. Ord a => a -> Array a -> Int
count x = go
  where
  go xs = if x < x then 0 else 1

showAll xs = go xs
  where
  go ys = show ys <> go ys
"""
    checked = check_module(parse_module(source), root().begin_batch())
    inner = [
        n for n in _nodes(checked.typed_ast.elements["count"].clauses) if isinstance(n, typed.EVar) and n.name == "go"
    ]
    assert inner and all(n.evidence == () for n in inner)
    rec = [
        n
        for n in _nodes(checked.typed_ast.elements["showAll"].clauses)
        if isinstance(n, typed.EVar) and n.name == "go" and n.binder is not None
    ]
    assert any(n.evidence == (ParamEv("go", 0),) for n in rec)
