"""Instance declarations as the checker sees them: generated names, the orphan rule with functional dependencies,
overlaps found at declarations and at uses, arity."""

from __future__ import annotations

from tests.nova.types.helpers import check, diagnostics

NAMES = """module Names where

import Prelude

class Describe a where
  describe :: a -> String

class Convert a b where
  convert :: a -> b

data Box a = Box a
data VeryLongTypeNameForTesting = VeryLongTypeNameForTesting

instance Describe (Box a) where
  describe _ = "box"

instance Describe (a -> Box b) where
  describe _ = "function"

instance Describe { field :: Box Int } where
  describe _ = "record"

instance Convert VeryLongTypeNameForTesting (Box Int) where
  convert _ = Box 1

instance namedOne :: Convert (Box Int) (Box Int) where
  convert b = b
"""


def test_unnamed_instances_get_purescript_names() -> None:
    result = check(Names=NAMES)
    names = {
        el.name
        for el in result.modules["Names"].typed_ast.elements.values()
        if el.kind == "instance"
    }
    # class name with a lower-case initial, then each argument's head constructor, at most 25 characters
    assert names == {"describeBox", "describeFunction", "describeRecord", "convertVeryLongTypeNameFo", "namedOne"}
    codes = [d[0] for d in diagnostics(result)]
    assert codes == ["InvalidInstanceHead"]  # the record head (a row outside a determined argument)


CLASS = """module Cls where

class Pair a b | a -> b where
  second :: a -> b
"""

TYPES = """module Types where

import Cls (class Pair)

data Y = Y

instance Pair Y Int where
  second _ = 1

instance Pair Int Y where
  second _ = Y
"""


def test_orphan_rule_follows_the_covering_sets() -> None:
    # with `a -> b` only the first argument finds the instance: `Pair Int Y` may only live with the class or `Int`
    result = check(Cls=CLASS, Types=TYPES)
    assert [(d[0], d[1]) for d in diagnostics(result)] == [("OrphanInstance", 9)]


OVERLAP_CLASS = """module OC where

class Both a b where
  both :: a -> b -> String
"""

OVERLAP_X = """module OX where

import OC (class Both)

data X = X

instance bothX :: Both X b where
  both _ _ = "X"
"""

OVERLAP_Y = """module OY where

import OC (class Both)

data Y = Y

instance bothY :: Both a Y where
  both _ _ = "Y"
"""

OVERLAP_USE = """module OUse where

import OC (both)
import OX (X(..))
import OY (Y(..))

used :: String
used = both X Y
"""


def test_instances_that_overlap_across_modules_are_reported_at_the_use() -> None:
    # neither declaration can see the other (PureScript's declaration check misses this shape too)
    result = check(OC=OVERLAP_CLASS, OX=OVERLAP_X, OY=OVERLAP_Y, OUse=OVERLAP_USE)
    found = [(d[0], d[1], d[5]) for d in diagnostics(result)]
    assert found == [
        ("OverlappingInstances", 7, "Overlapping type class instances found for Both X Y: `OX.bothX`, `OY.bothY`.")
    ]


def test_overlap_in_one_module_unless_chained() -> None:
    source = """module Ov where

class C a where
  c :: a -> Int

data T a = T a

instance cAll :: C (T a) where
  c _ = 0

instance cInt :: C (T Int) where
  c _ = 1
"""
    result = check(Ov=source)
    assert [(d[0], d[1]) for d in diagnostics(result)] == [("OverlappingInstances", 10)]
    chained = source.replace("instance cInt", "else instance cInt").replace(
        "instance cAll :: C (T a) where\n  c _ = 0\n\nelse", "instance cAll :: C (T a) where\n  c _ = 0\nelse"
    )
    assert diagnostics(check(Ov=chained)) == []


def test_constraint_and_instance_arity() -> None:
    source = """module Ar where

class Two a b where
  two :: a -> b

f :: forall a. Two a => a -> a
f x = x

instance Two Int where
  two = 1
"""
    found = [(d[0], d[1]) for d in diagnostics(check(Ar=source))]
    assert found == [("ClassInstanceArityMismatch", 5), ("ClassInstanceArityMismatch", 8)]


def test_a_class_whose_declaration_leaves_a_kind_open_takes_any_kind() -> None:
    source = """module Kinds where

import Prim.RowList (class RowToList)

class Listed r l | r -> l

instance RowToList r l => Listed r l

class Marked a

instance Marked Int

instance Marked Array

size :: forall r l. Listed r l => Record r -> Int
size _ = 0

n :: Int
n = size { a: 1 }
"""
    assert diagnostics(check(Kinds=source)) == []


def test_instances_of_an_earlier_version_of_a_class_are_ignored() -> None:
    from nova.check import check_module
    from nova.syntax import parse_module
    from nova.workspace import put_checked
    from tests.nova.types.helpers import root

    layer = root().begin_batch()
    put_checked(layer, check_module(parse_module("module A where\nclass C a where\n  c :: a -> Int\n"), layer))
    put_checked(layer, check_module(parse_module("module B where\nimport A\ninstance C Int where\n  c _ = 1\n"), layer))
    # A changes its class to two parameters; B (not re-checked in this view) still has the one-parameter instance
    put_checked(layer, check_module(parse_module("module A where\nclass C a b where\n  c :: a -> b\n"), layer))
    user = check_module(parse_module("module D where\nimport A\nimport B\nx :: Int\nx = c 1\n"), layer)
    assert [d.code for d in user.diagnostics] == ["NoInstanceFound"]


KINDED = """module Kinded where

import Prelude

data Tag a = Tag

class K a where
  k :: a -> String

instance kType :: K (Tag ((a) :: Type)) where
  k _ = "Type"

instance kSymbol :: K (Tag ((a) :: Symbol)) where
  k _ = "Symbol"
"""


def test_instances_apart_by_kind_only_do_not_overlap_and_are_selected_by_kind() -> None:
    result = check(Kinded=KINDED + '\nx :: Array String\nx = [k (Tag :: Tag Int), k (Tag :: Tag "s")]\n')
    assert diagnostics(result) == []


def test_a_kinded_variable_still_overlaps_a_constructor_of_its_kind() -> None:
    found = diagnostics(check(Kinded=KINDED + '\ninstance kInt :: K (Tag Int) where\n  k _ = "Int"\n'))
    assert [(d[0], d[1]) for d in found] == [("OverlappingInstances", 15)]
    assert "`kInt` overlaps with instance `kType`" in found[0][5]


def test_a_variable_of_open_kind_selects_no_instance() -> None:
    found = diagnostics(check(Kinded=KINDED + "\nx :: forall a. Tag a -> String\nx t = k t\n"))
    assert [(d[1], d[2]) for d in found] == [(16, 6)]  # the use of `k`: no instance can be chosen


METHOD_SIGNATURES = """module MethodSigs where

import Prelude

class Box f where
  boxMap :: forall a b. (a -> b) -> f a -> f b
  describe :: forall a. Show a => f a -> String

newtype Id a = Id a

instance boxId :: Box Id where
  boxMap :: forall x y. (x -> y) -> Id x -> Id y
  boxMap f (Id v) = Id (f (v :: x) :: y)
  describe :: forall a. Show a => Id a -> String
  describe (Id v) = show (v :: a)
"""


def test_a_method_signature_scopes_its_variables_over_the_body() -> None:
    assert diagnostics(check(MethodSigs=METHOD_SIGNATURES)) == []


def test_a_method_signature_must_be_the_class_type_at_the_instance() -> None:
    wrong = "\nnewtype W a = W a\n\ninstance boxW :: Box W where\n  boxMap :: forall x y. (x -> y) -> W x -> W x\n"
    found = diagnostics(check(MethodSigs=METHOD_SIGNATURES + wrong + "  boxMap f (W v) = W v\n  describe _ = \"w\"\n"))
    assert ("TypesDoNotUnify", 19, 12) in [(d[0], d[1], d[2]) for d in found]  # at the signature


def test_an_instance_head_with_an_unknown_type_gets_that_error_alone() -> None:
    # (no superclass error and no overlap with another broken head: PureScript stops at the unknown name)
    result = check(
        Heads="""module Heads where

import Prelude as P

class P.Show a <= Describe a where
  describe :: a -> a

instance Describe P.String where
  describe s = s

instance describeNumber :: Describe P.Number where
  describe s = s
"""
    )
    assert [(code, line) for code, line, *_ in diagnostics(result)] == [("UnknownName", 7), ("UnknownName", 10)]


def test_unnamed_instances_told_apart_by_kind_annotations_are_distinct() -> None:
    result = check(
        Kinded="""module Kinded where

data Tag a = Tag

class KindName a where
  kindName :: a -> String

instance KindName (Tag ((a) :: Type)) where
  kindName _ = "Type"

instance KindName (Tag ((a) :: Symbol)) where
  kindName _ = "Symbol"

names :: Array String
names = [kindName (Tag :: Tag Int), kindName (Tag :: Tag "x")]
"""
    )
    assert diagnostics(result) == []


def test_a_method_without_parameters_may_not_use_its_own_dictionary() -> None:
    # PureScript 0.15's CycleInDeclaration (the program of its failing test 3429-00): `second = first` is computed
    # while the instance's dictionary is built; under a lambda, with a parameter, or through another instance it is fine
    result = check(
        Cycles="""module Cycles where

import Prelude

class Pair a where
  first :: a
  second :: a

instance Pair Int where
  first = 0
  second = first + 1

instance Pair String where
  first = "a"
  second = identity first

instance Pair Boolean where
  first = true
  second = (\\_ -> first) unit

class Named a where
  name :: a -> String
  label :: a -> String

instance Named Int where
  name _ = "int"
  label n = name n

newtype Box = Box Int

instance Show Box where
  show (Box n) = show n

instance Named Box where
  name = show
  label = name
"""
    )
    assert [(code, line, col) for code, line, col, *_ in diagnostics(result)] == [
        ("CycleInDeclaration", 10, 11),
        ("CycleInDeclaration", 14, 20),
        ("CycleInDeclaration", 35, 10),
    ]


def test_a_method_with_constraints_of_its_own_may_use_its_dictionary() -> None:
    # `sequence = traverse identity` is a function of the Applicative dictionary: built lazily, no cycle
    result = check(
        Lazy="""module Lazy where

import Prelude
import Data.Foldable (class Foldable, foldMap, foldl, foldr)
import Data.Traversable (class Traversable, traverse)

newtype Box a = Box a

instance Functor Box where
  map f (Box a) = Box (f a)

instance Foldable Box where
  foldr f z (Box a) = f a z
  foldl f z (Box a) = f z a
  foldMap f (Box a) = f a

instance Traversable Box where
  traverse f (Box a) = map Box (f a)
  sequence = traverse identity
"""
    )
    assert diagnostics(result) == []
