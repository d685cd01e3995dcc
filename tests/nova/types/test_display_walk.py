"""The display form of signatures (what hovers print: synonyms applied, names as written) is built by a plain walk
(nova.check.display) for the usual shapes, by the full translation otherwise: both must give the same type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import nova.check.display as display
from nova.types.pretty import print_scheme
from nova.workspace import check_workspace
from tests.nova.types.helpers import root

PRINTING = Path(__file__).resolve().parents[2] / "corpus" / "printing"

SHAPES = """module Shapes where

import Prelude
import Data.Maybe (Maybe(..))
import Data.Map as M
import Data.Tuple (Tuple(..))
import Data.Tuple.Nested (type (/\\\\))
import Type.Proxy (Proxy(..))

type Item = { name :: String, price :: Number }
type Pair a = Tuple a a
type Open r = { id :: Int | r }
type Fn = Int -> Int

items :: M.Map String (Array Item) -> Pair (Maybe Item)
items _ = Tuple Nothing Nothing

rankN :: (forall a. Array a -> Int) -> Pair Int
rankN f = Tuple (f [1]) (f ["x"])

nested :: forall r. Open (name :: String | r) -> { b :: Item, a :: { z :: Int, y :: Pair Fn } }
nested _ = { b: { name: "", price: 0.0 }, a: { z: 1, y: Tuple identity identity } }

operator :: Int /\\\\ Item -> Item
operator (Tuple _ i) = i

kinded :: Proxy "label" -> Proxy (Pair :: Type -> Type) -> (Fn)
kinded _ _ = identity

arrow :: (->) Item Int
arrow _ = 1

constrained :: forall a. Show a => (Show a => a -> String) -> Pair a -> String
constrained f (Tuple x _) = f x

chain :: Int /\\\\ Item /\\\\ Fn -> Int
chain _ = 1
"""


def _displays(sources: dict[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    result = check_workspace(sources, root())
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for module, checked in result.modules.items():
        for key, element in checked.typed_ast.elements.items():
            scheme = getattr(element, "scheme", None)
            if scheme is not None and scheme.display is not None:
                out[(module, key)] = (repr(scheme.display), print_scheme(scheme))
    return out


def _sources() -> dict[str, str]:
    sources = {str(p): p.read_text(encoding="utf-8") for p in sorted(PRINTING.glob("*.nova"))}
    sources["Shapes.nova"] = SHAPES
    return sources


def test_the_walk_and_the_full_translation_give_the_same_display(monkeypatch: pytest.MonkeyPatch) -> None:
    walked: list[Any] = []
    original = display.light_display

    def counting(*args: Any) -> Any:
        got = original(*args)
        walked.append(got)
        return got

    monkeypatch.setattr(display, "light_display", counting)
    quick = _displays(_sources())
    monkeypatch.setattr(display, "light_display", lambda *args: None)
    full = _displays(_sources())
    assert quick == full
    assert len(quick) >= 20
    # the walk answered for most signatures and left some (operator chains, inner constraints) to the full path
    answered = sum(1 for got in walked if got is not None)
    assert answered >= 15 and answered < len(walked)
    assert quick[("Shapes", "items")][1] == "M.Map String (Array Item) -> Pair (Maybe Item)"
    assert quick[("Shapes", "nested")][1] == (
        "forall r. Open ( name :: String | r ) -> { b :: Item, a :: { z :: Int, y :: Pair Fn } }")
