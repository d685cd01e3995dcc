"""The evaluator runs what the checker accepts of type classes: dictionaries of classes with several parameters
or none, methods with constraints of their own, and superclass dictionaries made from the evidence the checker
recorded for each instance (including instance contexts on compound types)."""

from __future__ import annotations

from nova_programs import root

from nova.eval.api import EvalResult, evaluate_expression

PROGRAM = """module Classes where

import Prelude
import Data.Maybe (Maybe(..))
import Data.Tuple (Tuple(..))
import Data.Array as A

class Convert a b where
  convert :: a -> b

instance Convert Int String where
  convert n = "#" <> show n

instance Convert Int Boolean where
  convert n = n > 0

instance Convert a b => Convert (Array a) (Array b) where
  convert xs = map convert xs

instance (Convert a c, Convert b d) => Convert (Tuple a b) (Tuple c d) where
  convert (Tuple x y) = Tuple (convert x) (convert y)

class Default where
  limit :: Int

instance Default where
  limit = 3

clamp :: Default => Int -> Int
clamp n = if n > limit then limit else n

class Container f a where
  none :: f a
  push :: a -> f a -> f a
  render :: Show a => f a -> String

instance Container Array a where
  none = []
  push x xs = xs <> [x]
  render xs = "items " <> show xs

newtype Wrap f a = Wrap (f a)

instance Show (f a) => Show (Wrap f a) where
  show (Wrap x) = "Wrap(" <> show x <> ")"

class Show a <= Pretty a where
  pretty :: a -> String

instance Show (f a) => Pretty (Wrap f a) where
  pretty w = "<" <> show w <> ">"

instance Pretty Int where
  pretty n = "int " <> show n

class (Show a, Pretty b) <= Both a b where
  both :: a -> b -> String

instance Pretty b => Both Int b where
  both n b = show n <> "+" <> pretty b

viaSuper :: forall a. Pretty a => a -> String
viaSuper x = pretty x <> " / " <> show x

viaTwo :: forall a b. Both a b => a -> b -> String
viaTwo x y = both x y <> " | " <> show x <> " | " <> pretty y <> " | " <> show y

class Name a where
  name :: a -> String

instance Name Int where
  name _ = "Int"
else instance Name a => Name (Array a) where
  name xs = "Array of " <> show (A.length xs) <> A.foldl (\\acc x -> acc <> " " <> name x) "" xs
else instance Name a where
  name _ = "?"

class Collect c e | c -> e where
  items :: c -> Array e
  build :: Array e -> c

instance Collect (Array a) a where
  items xs = xs
  build xs = xs

newtype Bag = Bag (Array Int)

instance Collect Bag Int where
  items (Bag xs) = xs
  build xs = Bag xs

sumItems :: forall c. Collect c Int => c -> Int
sumItems c = A.foldl (+) 0 (items c)

class Collect c e <= Sized c e | c -> e where
  size :: c -> Int

instance Sized Bag Int where
  size b = A.length (items b)

sizeAndFirst :: forall c e. Sized c e => Show e => c -> String
sizeAndFirst c = show (size c) <> " " <> show (items c)
"""


def ev(expression: str) -> EvalResult:
    return evaluate_expression(root(), expression, module_source=PROGRAM)


def test_two_parameter_instances_are_chosen_by_both_types() -> None:
    assert (ev("convert 5 :: String").value, ev("convert 5 :: Boolean").value) == ('"#5"', "true")
    assert ev("convert [1, -2] :: Array Boolean").value == "[true,false]"
    result = ev("convert (Tuple 1 [2, 3]) :: Tuple String (Array Boolean)")
    assert (result.value, result.type) == ('Tuple "#1" [true,true]', "Tuple String (Array Boolean)")


def test_class_without_parameters() -> None:
    assert ev("map clamp [1, 5, 3]").value == "[1,3,3]"


def test_method_with_its_own_constraint_in_a_two_parameter_class() -> None:
    assert ev("render (push 2 (push 1 none) :: Array Int)").value == '"items [1,2]"'


def test_superclass_dictionary_of_an_instance_with_a_compound_context() -> None:
    # `Pretty (Wrap f a)` needs `Show (Wrap f a)`, itself made from the instance's `Show (f a)` parameter
    assert ev("viaSuper (Wrap [1, 2])").value == '"<Wrap([1,2])> / Wrap([1,2])"'
    assert ev("viaSuper (Wrap (Just 3))").value == '"<Wrap((Just 3))> / Wrap((Just 3))"'


def test_superclasses_on_each_parameter_of_a_two_parameter_class() -> None:
    assert ev("viaTwo 1 (Wrap [true])").value == '"1+<Wrap([true])> | 1 | <Wrap([true])> | Wrap([true])"'
    assert ev("viaTwo 2 7").value == '"2+int 7 | 2 | int 7 | 7"'


def test_instance_chain_picks_the_first_instance_not_apart() -> None:
    assert ev('[name 1, name "s", name true]').value == '["Int","?","?"]'
    assert ev("name [[1], [2, 3]]").value == '"Array of 2 Array of 1 Int Array of 2 Int Int"'
    assert ev("sumItems (Bag [1, 2, 3]) + sumItems [10]").value == "16"


def test_functional_dependency_decides_the_element_type_at_run_time_too() -> None:
    result = ev("items (build [1, 2] :: Bag)")
    assert (result.value, result.type) == ("[1,2]", "Array Int")


def test_superclass_with_a_functional_dependency() -> None:
    assert ev("sizeAndFirst (Bag [4, 5, 6])").value == '"3 [4,5,6]"'
