"""Real Nova programs through the whole pipeline: tail calls, limits, patterns, classes, records, effects."""

from __future__ import annotations

import pytest
from nova_programs import put_program, root

from nova.eval.api import EvalResult, evaluate_expression
from nova.eval.errors import EvalError, EvalLimitError
from nova.eval.machine import Limits

PROGRAM = """module Programs where

import Prelude
import Data.List (List(..), (:))
import Data.List as L
import Data.Maybe (Maybe(..))
import Data.Foldable (foldl)
import Effect (Effect, forE)
import Effect.Console (log)

isEven :: Int -> Boolean
isEven 0 = true
isEven n = isOdd (n - 1)

isOdd :: Int -> Boolean
isOdd 0 = false
isOdd n = isEven (n - 1)

sumTo :: Int -> Int -> Int
sumTo acc 0 = acc
sumTo acc n = sumTo (acc + n) (n - 1)

count :: List Int -> Int
count Nil = 0
count (_ : rest) = 1 + count rest

countdown :: Int -> Effect Unit
countdown 0 = log "liftoff"
countdown n = do
  when (n <= 2) (log (show n))
  countdown (n - 1)

data Tree a = Leaf | Node (Tree a) a (Tree a)

insert :: forall a. Ord a => a -> Tree a -> Tree a
insert x Leaf = Node Leaf x Leaf
insert x t@(Node l v r)
  | x < v = Node (insert x l) v r
  | x > v = Node l v (insert x r)
  | otherwise = t

toArray :: forall a. Tree a -> Array a
toArray Leaf = []
toArray (Node l v r) = toArray l <> [v] <> toArray r

class Container f where
  size :: forall a. f a -> Int

instance containerTree :: Container Tree where
  size Leaf = 0
  size (Node l _ r) = size l + 1 + size r

describe :: forall a. Show a => Array a -> String
describe xs = case xs of
  [] -> "empty"
  [x] -> "one: " <> show x
  [x, y] | same x y -> "a pair of " <> show x
  _ -> "many"
  where
  same p q = show p == show q

lookupAge :: String -> Array { name :: String, age :: Int } -> Maybe Int
lookupAge who people = go 0
  where
  go i = case L.index (L.fromFoldable people) i of
    Nothing -> Nothing
    Just { name, age } | name == who -> Just age
                       | otherwise -> go (i + 1)

birthday :: forall r. { age :: Int | r } -> { age :: Int | r }
birthday p = p { age = p.age + 1 }

polyLet :: { a :: Int, b :: String }
polyLet =
  let pair :: forall t. t -> Array t
      pair z = [z, z]
  in { a: L.length (L.fromFoldable (pair 1)), b: show (pair "s") }

-- bindings with signatures used by an earlier binding without one, and a pattern binding (whose names, as in
-- PureScript, only what follows it sees): run in the order of use
whereOrder :: Int -> String
whereOrder n = total
  where
  doubled :: Int
  doubled = n * 2
  { a, b } = { a: doubled, b: n + 1 }
  total = show (doubled + a + b) <> label
  label :: String
  label = "!"

charCode :: Char -> String
charCode c = case c of
  'a' -> "A"
  '\\n' -> "newline"
  _ -> "other"
"""


def ev(expression: str, limits: Limits | None = None) -> EvalResult:
    return evaluate_expression(root(), expression, module_source=PROGRAM, limits=limits)


def test_mutual_tail_recursion_a_million_deep() -> None:
    result = ev("isEven 1000000", Limits(timeout=None))
    assert (result.value, result.type) == ("true", "Boolean")
    assert result.steps >= 1_000_000


def test_self_tail_recursion_and_long_lists() -> None:
    assert ev("sumTo 0 30000").value == "450015000"
    assert ev("L.length (L.range 1 30000)").value == "30000"
    assert ev("foldl (+) 0 (L.range 1 30000)").value == "450015000"


def test_non_tail_recursion_within_and_beyond_the_depth_limit() -> None:
    assert ev("count (L.range 1 3000)").value == "3000"
    with pytest.raises(EvalLimitError) as caught:
        ev("count (L.range 1 100000)", Limits(max_depth=1000))
    assert "recursion deeper than 1000 calls" in str(caught.value)


def test_endless_loop_is_stopped_by_fuel() -> None:
    with pytest.raises(EvalLimitError, match="evaluation stopped after 30000 steps"):
        ev("let spin n = spin (n + 1) in spin 0", Limits(max_steps=30_000))


def test_effect_recursion_runs_in_constant_stack() -> None:
    result = ev("countdown 50000", Limits(timeout=None))  # far beyond the depth limit
    assert result.output == ("2", "1", "liftoff")
    assert result.type == "Effect Unit"


def test_classes_with_constraints_and_instances() -> None:
    assert ev("toArray (foldl (flip insert) Leaf [5, 3, 8, 3, 1])").value == "[1,3,5,8]"
    assert ev('size (foldl (flip insert) Leaf ["b", "a"])').value == "2"
    assert ev("map describe [[], [1], [2, 2], [1, 2, 3]]").value == '["empty","one: 1","a pair of 2","many"]'


def test_records_guards_where_and_pattern_guards() -> None:
    people = '[{ name: "Ada", age: 36 }, { name: "Alan", age: 41 }]'
    assert ev(f'lookupAge "Alan" {people}').value == "Just 41"
    assert ev(f'lookupAge "Bob" {people}').value == "Nothing"
    result = ev('birthday { age: 1, name: "x" }')
    assert (result.value, result.type) == ('{ age: 2, name: "x" }', "{ age :: Int, name :: String }")
    assert ev("polyLet").value == '{ a: 2, b: "[\\"s\\",\\"s\\"]" }'
    assert ev("whereOrder 1").value == '"6!"'


def test_literal_patterns_and_sections() -> None:
    assert ev("map charCode ['a', '\\n', 'z']").value == '["A","newline","other"]'
    assert ev("map (_ - 1) [1, 2]").value == "[0,1]"
    assert ev("map (10 - _) [1, 2]").value == "[9,8]"
    assert ev("(\\{ a, b } -> a + b) { a: 1, b: 2 }").value == "3"
    assert ev("case Just 3, [1] of\n  Just n, [m] -> n + m\n  _, _ -> 0").value == "4"


def test_runtime_failures_are_errors_not_crashes() -> None:
    with pytest.raises(EvalError, match="no pattern matches"):
        ev("(\\(Just x) -> x) (Nothing :: Maybe Int)")
    with pytest.raises(EvalError):
        ev("1 +")


BROKEN = """module Broken where

import Prelude

label :: Int -> String
label n = "total: " <> n

fine :: Int
fine = 41 + 1

unknown :: Int
unknown = notDefinedAnywhere 3
"""


def test_a_module_with_errors_is_not_run_and_its_errors_are_the_answer() -> None:
    # Running ill-typed code would fail inside a primitive (`"total: " <> 3`) with a message about Python values;
    # the module's own errors are what the user needs, whatever the expression.
    for expression in ("fine", "label 3", "unknown", "1 + 1"):
        with pytest.raises(EvalError) as caught:
            evaluate_expression(root(), expression, module_source=BROKEN)
        message = str(caught.value)
        assert message.startswith("cannot evaluate in Broken: the module has errors")
        assert "Broken:6:24:" in message and "Broken:12:11:" in message and "notDefinedAnywhere" in message
        assert "len()" not in message and "primitive" not in message
    fixed = BROKEN.replace('"total: " <> n', '"total: " <> show n').replace("notDefinedAnywhere 3", "3")
    assert evaluate_expression(root(), "label 3 <> show fine", module_source=fixed).value == '"total: 342"'


DERIVING = """module Deriving where

import Prelude

newtype Name = Name String

derive newtype instance eqName :: Eq Name
derive newtype instance showName :: Show Name
derive instance ordName :: Ord Name

newtype Total = Total Int

derive newtype instance semiringTotal :: Semiring Total
derive newtype instance showTotal :: Show Total

newtype Wrap a = Wrap a

derive newtype instance showWrap :: Show a => Show (Wrap a)

data Suit = Hearts | Spades

derive instance eqSuit :: Eq Suit
derive instance ordSuit :: Ord Suit

data Card = Card Int Suit

derive instance eqCard :: Eq Card
derive instance ordCard :: Ord Card
"""


def test_derived_and_newtype_derived_instances() -> None:
    def run(expression: str) -> str:
        return evaluate_expression(root(), expression, module_source=DERIVING).value

    assert run('[show (Name "a"), show (Total 3), show (Wrap [1])]') == '["\\"a\\"","3","[1]"]'
    assert run('[Name "a" == Name "a", Name "a" /= Name "b", Name "b" > Name "a"]') == "[true,true,true]"
    assert run("Total 1 + Total 2 * Total 3") == "Total 7"
    assert run("(zero :: Total)") == "Total 0"
    assert (
        run("[compare Hearts Spades, compare (Card 2 Spades) (Card 2 Hearts), compare (Card 1 Spades) (Card 2 Hearts)]")
        == "[LT,GT,LT]"
    )
    assert run("[Card 1 Hearts == Card 1 Hearts, Card 1 Hearts == Card 1 Spades]") == "[true,false]"
    assert run("max (Card 3 Hearts) (Card 2 Spades)") == "Card 3 Hearts"


PARTIAL = """module Unjust where

import Prelude
import Data.Maybe (Maybe(..))

unJust :: Partial => Maybe Int -> Int
unJust m = case m of
  Just x -> x
"""


def test_runtime_errors_say_where_they_happened() -> None:
    layer, _ = put_program(PARTIAL)
    with pytest.raises(EvalError) as caught:
        evaluate_expression(layer, "unJust Nothing", imports=("Prelude", "Unjust", "Data.Maybe"))
    assert str(caught.value) == "Unjust:7:12: no pattern matches Nothing"
    with pytest.raises(EvalError) as caught:
        evaluate_expression(layer, "(\\(Just x) -> x) (Nothing :: Maybe Int)", imports=("Prelude", "Data.Maybe"))
    assert str(caught.value) == "1:2: no pattern matches Nothing"  # inside the expression itself


CUSTOM_FIELDS = """module CustomFields where

import Prelude
import Data.String (toLower)

newtype Caseless = Caseless String

instance eqCaseless :: Eq Caseless where
  eq (Caseless a) (Caseless b) = toLower a == toLower b

newtype Rev = Rev Int

derive newtype instance eqRev :: Eq Rev

instance ordRev :: Ord Rev where
  compare (Rev a) (Rev b) = compare b a

data Entry = Entry Caseless Int

derive instance eqEntry :: Eq Entry

data Box = Box Rev | Empty

derive instance eqBox :: Eq Box
derive instance ordBox :: Ord Box

data Tree a = Leaf | Node (Tree a) a (Tree a)

derive instance eqTree :: Eq a => Eq (Tree a)
derive instance ordTree :: Ord a => Ord (Tree a)

"""

PEOPLE = """module People where

import Prelude

data Person = Person { name :: String, age :: Int }

derive instance eqPerson :: Eq Person

ada :: Person
ada = Person { name: "a", age: 1 }

compared :: Array Boolean
compared = [ada == ada, ada == Person { name: "b", age: 1 }]
"""


def test_derived_instances_compare_fields_with_their_own_instances() -> None:
    def run(expression: str) -> str:
        return evaluate_expression(root(), expression, module_source=CUSTOM_FIELDS).value

    assert run('Entry (Caseless "ADA") 1 == Entry (Caseless "ada") 1') == "true"
    assert run('Entry (Caseless "ada") 1 == Entry (Caseless "ada") 2') == "false"
    assert (
        run("[compare (Box (Rev 1)) (Box (Rev 2)), compare (Box (Rev 5)) Empty, compare Empty Empty]") == "[GT,LT,EQ]"
    )
    assert run("Node Leaf (Rev 1) Leaf < Node Leaf (Rev 0) Leaf") == "true"  # Rev orders backwards
    assert (
        run("[Node Leaf 1 (Node Leaf 2 Leaf) == Node Leaf 1 (Node Leaf 2 Leaf), Leaf == Node Leaf 1 Leaf]")
        == "[true,false]"
    )


def test_a_derived_instance_compares_a_record_field_structurally() -> None:
    # The module is put as the checker left it (it may still miss `Eq` of records) and the value read from the
    # layer: `evaluate_expression` refuses modules with errors, the evaluator itself runs what it is given.
    from nova.check import check_module
    from nova.eval.api import evaluate_value
    from nova.syntax import parse_module

    layer = root().begin_batch()
    checked = check_module(parse_module(PEOPLE), layer)
    layer.put("People", checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
    assert evaluate_value(layer, "People", "compared").value == "[true,false]"


def test_captured_output_is_bounded() -> None:
    from nova.eval.machine import OUTPUT_LIMIT

    result = ev('forE 0 400000 (\\_ -> log "0123456789")', Limits(timeout=None))
    assert sum(len(line) + 1 for line in result.output) <= OUTPUT_LIMIT + 40
    assert result.output[-1] == "… (output truncated)"


def test_values_cannot_outgrow_the_limits() -> None:
    with pytest.raises(EvalError, match="more than"):
        ev("let go n xs = if n == 0 then xs else go (n - 1) (xs <> xs) in go 60 [1]",
           Limits(timeout=None, max_cells=10**9))
    with pytest.raises(EvalError, match="evaluation stopped after"):
        ev("let go n xs = if n == 0 then xs else go (n - 1) (xs <> xs) in go 60 [1]", Limits(max_steps=100_000))
    with pytest.raises(EvalError, match="bits"):
        ev("let go n x = if n == 0 then x else go (n - 1) (x * x) in go 40 3", Limits(timeout=None))
    with pytest.raises(EvalError, match="more than"):
        ev('let go n s = if n == 0 then s else go (n - 1) (s <> s) in go 60 "ab"', Limits(timeout=None))
