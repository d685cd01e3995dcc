"""The evaluator runs what the checker accepts of higher-rank types: polymorphic arguments, arguments with their
own constraints (dictionaries passed at run time), constructor and record fields of quantified types, annotations
with `forall`, and visible type applications (erased)."""

from __future__ import annotations

import pytest
from nova_programs import root

from nova.eval.api import evaluate_expression

PROGRAM = """module RankN where

import Prelude
import Data.Maybe (Maybe(..))
import Data.Tuple (Tuple(..))
import Type.Proxy (Proxy(..))

both :: (forall a. a -> a) -> Tuple Int String
both f = Tuple (f 1) (f "x")

shown :: (forall a. Show a => a -> String) -> String
shown f = f 1 <> "," <> f true <> "," <> f [1, 2]

-- the polymorphic argument is passed on to another higher-rank function
relay :: (forall a. Show a => a -> String) -> String
relay g = shown g <> ";" <> shown (\\x -> g x <> "!")

newtype NatTrans f g = NatTrans (forall a. f a -> g a)

runNat :: forall f g a. NatTrans f g -> f a -> g a
runNat (NatTrans h) x = h x

toArray :: NatTrans Maybe Array
toArray = NatTrans (\\m -> case m of
  Just x -> [x]
  Nothing -> [])

-- a constructor field with a constraint of its own: a dictionary inside a value
data Shower = Shower (forall a. Show a => Array a -> String)

useShower :: Shower -> String
useShower (Shower s) = s [1, 2, 3] <> " " <> s ["a"]

brackets :: Shower
brackets = Shower (\\xs -> "[" <> show xs <> "]")

type Ops = { empty :: forall a. Array a, single :: forall a. a -> Array a, pair :: forall a. Eq a => a -> a -> Boolean }

ops :: Ops
ops = { empty: [], single: \\x -> [x], pair: \\x y -> x == y }

useOps :: Ops -> Tuple (Array Int) Boolean
useOps o = Tuple (o.single 1 <> o.empty <> o.single 2) (o.pair "a" "a" && not (o.pair 1 2))

runWith :: forall r. (forall s. Proxy s -> r) -> r
runWith k = k Proxy

local :: Int
local = go identity + go (\\x -> x)
  where
  go :: (forall b. b -> b) -> Int
  go k = k 10

annotated :: Int
annotated = (identity :: forall a. a -> a) 7

-- a function returning a polymorphic function
twice :: Int -> forall a. (a -> a) -> a -> a
twice n f x = if n <= 0 then x else twice (n - 1) f (f x)

-- a constrained quantifier after the first parameter: its dictionary is passed between the parameters
labelled :: String -> forall a. Show a => a -> Int -> String
labelled name x n = name <> "=" <> show x <> "#" <> show n

-- the same with several clauses and a guard, through a synonym
type Shown = forall a. Show a => a -> String

shownOr :: Boolean -> Shown
shownOr false _ = "-"
shownOr true x
  | show x == "0" = "zero"
  | otherwise = show x
"""


def run(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=PROGRAM).value


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("both identity", 'Tuple 1 "x"'),
        ("shown show", '"1,true,[1,2]"'),
        ('shown (\\x -> "<" <> show x <> ">")', '"<1>,<true>,<[1,2]>"'),
        ("relay show", '"1,true,[1,2];1!,true!,[1,2]!"'),
        ("runNat toArray (Just 3)", "[3]"),
        ("runNat toArray (Nothing :: Maybe Int)", "[]"),
        ("useShower brackets", r'"[[1,2,3]] [[\"a\"]]"'),
        ("useOps ops", "Tuple [1,2] true"),
        ("runWith (\\_ -> 42)", "42"),
        ("local", "20"),
        ("annotated", "7"),
        ("twice 3 (_ * 2) 1", "8"),
        ('twice 2 (_ <> "!") "hi"', '"hi!!"'),
        ('labelled "x" true 3', '"x=true#3"'),
        ('labelled "y" [1, 2] 0', '"y=[1,2]#0"'),
        ("shownOr true 0 <> shownOr true 5 <> shownOr false 1", '"zero5-"'),
    ],
)
def test_higher_rank_programs_run(expression: str, value: str) -> None:
    assert run(expression) == value


APPLICATIONS = """module TypeApps where

import Prelude
import Data.Either (Either(..))
import Data.Maybe (Maybe(..))

class Describe a where
  describe :: String

instance Describe Int where
  describe = "an integer"

instance Describe Boolean where
  describe = "a boolean"

same :: forall @a. a -> a
same x = x
"""


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("same @Int 3", "3"),
        ('describe @Int <> " / " <> describe @Boolean', '"an integer / a boolean"'),
        ("Left @Int @String 0", "Left 0"),
        ("map @Array (_ + 1) [1, 2]", "[2,3]"),
        ("map (show @Int) (Just 4)", 'Just "4"'),
    ],
)
def test_type_applications_run(expression: str, value: str) -> None:
    assert evaluate_expression(root(), expression, module_source=APPLICATIONS).value == value
