"""Call hierarchy (nova.ide.call_hierarchy) on fixtures: incoming calls across modules, outgoing calls."""

from __future__ import annotations

from nova.ide import call_hierarchy
from tests.nova.ide.fixtures import fixture

LIB = """module Lib where

import Prelude

double :: Int -> Int
double x = x * 2

quadruple :: Int -> Int
quadruple x = do‸1uble (double x)
"""

MAIN = """module Main where

import Prelude
import Lib (double, quadruple)

answer :: Int
answer = quadruple 10 + double 1

main' :: Int
main' = answer
"""


def test_incoming_calls_come_from_every_module() -> None:
    fx = fixture(LIB, MAIN)
    src, line, col = fx.at("1")
    [item] = call_hierarchy.prepare(fx.workspace, src, line, col)
    assert (item.module, item.name, item.detail) == ("Lib", "double", "Int -> Int")
    calls = call_hierarchy.incoming(fx.workspace, item)
    assert [(c.item.module, c.item.name, len(c.spans)) for c in calls] == [("Lib", "quadruple", 2),
                                                                          ("Main", "answer", 1)]
    assert all(fx.text_at(c.in_module, span) == "double" for c in calls for span in c.spans)


def test_outgoing_calls_name_the_callees_and_where() -> None:
    fx = fixture(LIB, MAIN.replace("answer = quadruple", "ans‸1wer = quadruple"))
    src, line, col = fx.at("1")
    [item] = call_hierarchy.prepare(fx.workspace, src, line, col)
    calls = call_hierarchy.outgoing(fx.workspace, item)
    names = {(c.item.module, c.item.name) for c in calls}
    assert {("Lib", "quadruple"), ("Lib", "double")} <= names
    assert all(not name.startswith(("semiring", "show")) for _, name in names)
    quad = next(c for c in calls if c.item.name == "quadruple")
    assert [fx.text_at("Main", s) for s in quad.spans] == ["quadruple"]
