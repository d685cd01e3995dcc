"""Differential test: checking an edited module incrementally gives exactly what checking it afresh gives."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from nova.check import check_module
from nova.syntax import parse_module
from nova.types.pretty import print_scheme
from nova.workspace import check_workspace, put_checked
from tests.nova.types.corpus import corpus_sources
from tests.nova.types.helpers import root


@cache
def _base() -> object:
    return check_workspace(corpus_sources(), root()).layer


def _edit(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    j = rng.randrange(len(lines))
    op = rng.random()
    if op < 0.25:
        del lines[j]
    elif op < 0.5:
        lines.insert(j, "")
    elif op < 0.75:
        lines[j] = lines[j].replace("1", "2").replace("show", "identity").replace("+", "<>")
    else:
        lines.insert(j, rng.choice(lines))
    return "\n".join(lines)


def _summary(checked: object) -> object:
    return (
        {k: print_scheme(v) for k, v in checked.exports.items()},  # type: ignore[attr-defined]
        sorted((d.code, d.span, d.message) for d in checked.diagnostics),  # type: ignore[attr-defined]
        dict(checked.typed_ast.elements),  # type: ignore[attr-defined]
    )


def _edited_exactly(view: object, text: str, edits: Iterable[Callable[[str], str]]) -> Iterator[Any]:
    """Checks `text`, then each edit of it in turn both incrementally (over the previous result) and afresh, and
    yields each incremental result once the two agree: the one property every test here is about."""
    previous = check_module(parse_module(text), view)
    for edit in edits:
        text = edit(text)
        parsed = parse_module(text)
        incremental = check_module(parsed, view, previous)
        assert _summary(incremental) == _summary(check_module(parsed, view))
        yield incremental
        previous = incremental


def _assert_edits_exact(view: object, text: str, edits: Iterable[Callable[[str], str]]) -> None:
    for _ in _edited_exactly(view, text, edits):
        pass


def _replacements(edits: Iterable[tuple[str, str]], must_exist: bool = True) -> list[Callable[[str], str]]:
    """Each `(old, new)` as an edit replacing the first `old`; `must_exist` asserts the edit still applies."""

    def replacing(old: str, new: str) -> Callable[[str], str]:
        def edit(text: str) -> str:
            assert old in text or not must_exist, old
            return text.replace(old, new, 1)

        return edit

    return [replacing(old, new) for old, new in edits]


@pytest.mark.parametrize("seed", range(6))
def test_incremental_equals_from_scratch(seed: int) -> None:
    rng = random.Random(seed)
    sources = list(corpus_sources().values())
    text = rng.choice(sources)
    view = _base()
    _assert_edits_exact(view, text, [lambda t: _edit(rng, t)] * 5)


@pytest.mark.parametrize("seed", range(4))
def test_dependent_rechecked_incrementally_equals_from_scratch(seed: int) -> None:
    rng = random.Random(100 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    dep, user = rng.choice([("Tree.Types.nova", "Tree.BST.nova"), ("Bank.Types.nova", "Bank.Ledger.nova")])
    layer = _base().begin_batch()  # type: ignore[attr-defined]
    previous = check_module(parse_module(sources[user]), layer)
    edited = sources[dep]
    for _ in range(3):
        edited = _edit(rng, edited)
    put_checked(layer, check_module(parse_module(edited), layer))
    parsed = parse_module(sources[user])
    assert _summary(check_module(parsed, layer, previous)) == _summary(check_module(parsed, layer))


# Edits that change what the classes mean: chains split or reordered, dependencies dropped, instances renamed or
# given another head, superclasses removed (each applied where the text has it; random line edits mix in).
CLASS_EDITS = (
    ("else instance", "instance"),
    (" | c -> e", ""),
    (" | a -> b", ""),
    ("instance describeString :: Describe String", "instance describeString :: Describe Boolean"),
    ("instance convertInt :: Convert Int String", "instance convertInt :: Convert Int Int"),
    ("class Convert a b <= Roundtrip", "class Roundtrip"),
    ("instance Same a a where", "instance Same a Int where"),
    ("instance Holder Maybe Int where", "instance Holder Maybe a where"),
    ("class (Show a, Show b) <= Pair", "class Show a <= Pair"),
)
CLASS_FILES = ("Classes.MultiParam.nova", "Classes.Chains.nova", "Classes.Hierarchy.nova")


def _class_edit(rng: random.Random, text: str) -> str:
    return _named_edit(rng, text, CLASS_EDITS, random_share=0.3)


@pytest.mark.parametrize("seed", range(6))
def test_class_edits_incremental_equals_from_scratch(seed: int) -> None:
    rng = random.Random(200 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    text = sources[rng.choice(CLASS_FILES)]
    view = _base()
    _assert_edits_exact(view, text, [lambda t: _class_edit(rng, t)] * 4)


USER_OF_CHAINS = """module Classes.ChainsUser where

import Prelude
import Classes.Chains (class Describe, describe, class Convert, convert, class Same, same)

shown :: String
shown = describe 1 <> describe "x" <> describe [true]

converted :: String
converted = convert 3

both :: Boolean
both = same 1 2 && same "a" 'b'
"""


@pytest.mark.parametrize("seed", range(4))
def test_importer_of_edited_classes_rechecked_incrementally_equals_from_scratch(seed: int) -> None:
    rng = random.Random(300 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    layer = _base().begin_batch()  # type: ignore[attr-defined]
    previous = check_module(parse_module(USER_OF_CHAINS), layer)
    edited = sources["Classes.Chains.nova"]
    for _ in range(2):
        edited = _class_edit(rng, edited)
    put_checked(layer, check_module(parse_module(edited), layer))
    parsed = parse_module(USER_OF_CHAINS)
    assert _summary(check_module(parsed, layer, previous)) == _summary(check_module(parsed, layer))


# Edits that change what a derived instance is built from: constructors added or changed, field types changed,
# contexts dropped, derive declarations removed or turned into another strategy, a newtype made a data type.
DERIVE_EDITS = (
    ("data Rose a = Rose a (Array (Rose a))", "data Rose a = Rose a (Array (Rose a)) | Bud"),
    ("(Maybe a)\n", "(Maybe Int)\n"),
    ("data Checked a = Checked (Either String a) Int", "data Checked a = Checked (a -> Int) Int"),
    ("derive instance Traversable f => Traversable (Inside f)\n", ""),
    ("derive instance Foldable Rose\n", ""),
    ("derive instance (Eq k, Eq v) => Eq (Entry k v)", "derive instance Eq k => Eq (Entry k v)"),
    ("derive newtype instance Show Cents", "derive instance Show Cents"),
    ("derive newtype instance eqVersion :: Eq Version", "derive instance eqVersion :: Eq Version"),
    ("newtype Cents = Cents Int", "data Cents = Cents Int"),
    ("{ city :: String, zip :: Int }", "{ city :: String, zip :: Int, street :: Array String }"),
    ("derive instance Ord (Marked t)", "derive instance Ord t => Ord (Marked t)"),
)
DERIVE_FILES = ("Deriving.Functors.nova", "Deriving.Records.nova")


@pytest.mark.parametrize("seed", range(6))
def test_derive_edits_incremental_equals_from_scratch(seed: int) -> None:
    rng = random.Random(400 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    text = sources[DERIVE_FILES[seed % 2]]
    view = _base()
    _assert_edits_exact(view, text, [lambda t: _named_edit(rng, t, DERIVE_EDITS, random_share=0.3)] * 4)


# Edits that change kinds: signatures made stricter or dropped, binders annotated, kind-indexed uses changed.
KIND_EDITS = (
    ("newtype Vec :: Nat -> Type -> Type", "newtype Vec :: Type -> Type -> Type"),
    ("data Labels :: Row Symbol -> Type\n", ""),
    ("data Unit' :: Symbol -> Type", "data Unit' :: Type -> Type"),
    ("newtype Phantom t a = Phantom a", "newtype Phantom (t :: Symbol) a = Phantom a"),
    ("data Apply f a = Apply (f a)", "data Apply f a = Apply (f a) (f Int)"),
    ("distance :: Phantom \"metres\" Number", "distance :: Phantom Maybe Number"),
    ("foreign import data Zero :: Nat", "foreign import data Zero :: Type"),
    ("symbolProxy :: forall (s :: Symbol).", "symbolProxy :: forall (s :: Type)."),
    ("infixr 6 type Tuple as /\\", ""),
    ("type Ty = Type", "type Ty = Symbol"),
    ("data Boxed (a :: Ty) = Boxed a", "data Boxed (a :: Ty -> Ty) = Boxed (a Int)"),
)

USER_OF_KINDS = """module Kinds.PolyUser where

import Prelude
import Type.Proxy (Proxy(..))
import Kinds.Poly (Phantom(..), Vec(..), Succ, Zero, Apply(..), Labels(..), retag, symbolProxy)

metres :: Phantom "m" Int
metres = retag (Phantom 1 :: Phantom Int Int)

vec :: Vec (Succ Zero) Int
vec = Vec [1]

labels :: Labels ( a :: "A" )
labels = Labels

applied :: Apply Proxy Int
applied = Apply Proxy

one :: Int
one = symbolProxy (Proxy :: Proxy "s")
"""


def _named_edit(
    rng: random.Random, text: str, edits: tuple[tuple[str, str], ...] = KIND_EDITS, random_share: float = 0.25
) -> str:
    """One of the named `(old, new)` edits that still applies, or (`random_share` of the time) a random one."""
    present = [(old, new) for old, new in edits if old in text]
    if not present or rng.random() < random_share:
        return _edit(rng, text)
    old, new = rng.choice(present)
    return text.replace(old, new, 1)


@pytest.mark.parametrize("seed", range(6))
def test_kind_edits_incremental_equals_from_scratch(seed: int) -> None:
    rng = random.Random(400 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    text = sources["Kinds.Poly.nova"]
    view = _base()
    _assert_edits_exact(view, text, [lambda t: _named_edit(rng, t)] * 4)


@pytest.mark.parametrize("seed", range(4))
def test_importer_of_edited_kinds_rechecked_incrementally_equals_from_scratch(seed: int) -> None:
    rng = random.Random(500 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    layer = _base().begin_batch()  # type: ignore[attr-defined]
    previous = check_module(parse_module(USER_OF_KINDS), layer)
    assert [d.code for d in previous.diagnostics] == []
    edited = sources["Kinds.Poly.nova"]
    for _ in range(2):
        edited = _named_edit(rng, edited)
    put_checked(layer, check_module(parse_module(edited), layer))
    parsed = parse_module(USER_OF_KINDS)
    assert _summary(check_module(parsed, layer, previous)) == _summary(check_module(parsed, layer))


# Kinds that uses of functions join (a poly-kinded class's one kind for two indices; a constructor of another kind
# given to a variable of an arrow kind), in bodies checked against their signatures: edits of the declared kinds
# make the uses fit or not, in the module itself and in a module importing it.
KINDED_USES = """module Uses.Indexed where

data Indexed :: forall k1 k2. k1 -> k2 -> Type
data Indexed from to = Indexed

class Step :: forall ix. (ix -> ix -> Type) -> Constraint
class Step f where
  step :: forall x y. f x y -> f y x

instance Step Indexed where
  step _ = Indexed

foreign import data Door :: Type
foreign import data Lamp :: Type
foreign import data Open :: Door
foreign import data Lit :: Lamp

data TypeTag (t :: Type) = TypeTag
data SymbolTag (s :: Symbol) = SymbolTag

retag :: forall tag a. tag a -> TypeTag a
retag _ = TypeTag
"""

KINDED_USES_USER = """module Uses.User where

import Uses.Indexed

mixed :: Indexed Lit Open
mixed = step (Indexed :: Indexed Open Lit)

tagged :: Boolean
tagged = case retag (SymbolTag :: SymbolTag "a") of
  _ -> true
"""

KINDED_USE_EDITS = (
    ("foreign import data Lit :: Lamp", "foreign import data Lit :: Door"),
    ("class Step :: forall ix. (ix -> ix -> Type) -> Constraint",
     "class Step :: forall i j. (i -> j -> Type) -> Constraint"),
    ("  step :: forall x y. f x y -> f y x", "  step :: forall x y. f x y -> f x y"),
    ("data TypeTag (t :: Type) = TypeTag", "data TypeTag (t :: Symbol) = TypeTag"),
    ("data SymbolTag (s :: Symbol) = SymbolTag", "data SymbolTag s = SymbolTag"),
    ("retag :: forall tag a. tag a -> TypeTag a", "retag :: forall tag (a :: Symbol). tag a -> TypeTag Int"),
)


@pytest.mark.parametrize("seed", range(4))
def test_kinded_use_edits_incremental_equals_from_scratch(seed: int) -> None:
    rng = random.Random(700 + seed)
    text = KINDED_USES.replace("module Uses.Indexed where", "module Uses.Together where") + KINDED_USES_USER.split(
        "import Uses.Indexed\n", 1)[1]
    view = _base()
    previous = check_module(parse_module(text), view)
    assert sorted(d.code for d in previous.diagnostics if d.severity.name == "ERROR") == ["KindsDoNotUnify"] * 2
    _assert_edits_exact(view, text, [lambda t: _named_edit(rng, t, KINDED_USE_EDITS)] * 4)


@pytest.mark.parametrize("seed", range(4))
def test_importer_of_edited_kinded_uses_rechecked_incrementally_equals_from_scratch(seed: int) -> None:
    rng = random.Random(800 + seed)
    layer = _base().begin_batch()  # type: ignore[attr-defined]
    put_checked(layer, check_module(parse_module(KINDED_USES), layer))
    previous = check_module(parse_module(KINDED_USES_USER), layer)
    assert sorted(d.code for d in previous.diagnostics if d.severity.name == "ERROR") == ["KindsDoNotUnify"] * 2
    edited = KINDED_USES
    for _ in range(2):
        old, new = rng.choice([e for e in KINDED_USE_EDITS if e[0] in edited])
        edited = edited.replace(old, new, 1)
    put_checked(layer, check_module(parse_module(edited), layer))
    parsed = parse_module(KINDED_USES_USER)
    assert _summary(check_module(parsed, layer, previous)) == _summary(check_module(parsed, layer))


# Edits of higher-rank code: quantifiers dropped or added, constraints inside types removed, escapes introduced.
RANKN_EDITS = (
    ("both :: (forall a. a -> a) -> Tuple Int String", "both :: (Int -> Int) -> Tuple Int String"),
    ("describeAll :: (forall a. Show a => a -> String)", "describeAll :: (forall a. a -> String)"),
    ("data Formatter = Formatter (forall a. Show a => a -> String)", "data Formatter = Formatter (Int -> String)"),
    ("type Ops = { none :: forall a. Array a,", "type Ops = { none :: Array Int,"),
    ("fromProxy = withProxy (\\_ -> 42)", "fromProxy = withProxy (\\p -> p)"),
    ("applyN :: Int -> forall a. (a -> a) -> a -> a", "applyN :: forall a. Int -> (a -> a) -> a -> a"),
    ("annotated = (identity :: forall a. a -> a) 3", "annotated = (identity :: Int -> Int) 3"),
    ("  go :: (forall b. b -> b) -> Int", "  go :: (Int -> Int) -> Int"),
)


# Edits of visible type applications: variables made invisible, skipped or given, class parameters unmarked.
TYPE_APPLICATION_EDITS = (
    ("same :: forall @a. a -> a", "same :: forall a. a -> a"),
    ("class Describe a where", "class Describe @a where"),
    ("right = Right @_ @Int 2", "right = Right @Int 2"),
    ("described = describe @Int", "described = describe @_"),
    ("first :: forall @a @b. a -> b -> a", "first :: forall @a b. a -> b -> a"),
    ("label = Proxy @\"label\"", "label = Proxy @Maybe"),
)
# Edits that write wildcards into signatures and annotations, and typed holes into bodies (whose messages list
# the names in scope that fit: a value added or changed elsewhere changes them).
WILDCARD_EDITS = (
    ("sameInt :: Int -> Int", "sameInt :: _ -> Int"),
    ("sameInt :: Int -> Int", "sameInt :: Int -> _"),
    ("mapArray :: forall a b. (a -> b) -> Array a -> Array b", "mapArray :: forall a b. (a -> _) -> Array a -> _"),
    ("    step :: Int -> a -> Tuple Int a", "    step :: _ -> a -> Tuple Int a"),
    ("  pick :: Maybe a -> a -> Maybe a", "  pick :: Maybe a -> a -> _"),
    ("render (Flat x) = show x", "render (Flat x) = ?shown x"),
    ("occurrences x xs = Array.length", "occurrences x xs = ?count"),
    ("example = Nest (Nest (Flat [[1, 2], [3]]))", "example = Nest (Nest (Flat [[1, 2], [3 :: _]]))"),
    ("-- | Counts occurrences.", "other :: Int -> String\nother = show\n-- | Counts occurrences."),
    ("sameInt x = x", "sameInt x = ?same"),
)
# Edits of classes improved through `TypeEquals` and `If` in instance contexts (what the improvement depends on).
IMPROVEMENT_EDITS = (
    ("  , TypeEquals (Proxy (Cons label head rest)) (Proxy out)", "  , TypeEquals (Proxy rest) (Proxy out)"),
    ("class Concat lhs rhs out | lhs rhs -> out", "class Concat lhs rhs out"),
    (
        "  , If same (Proxy rest) (Proxy (Cons key head rest)) (Proxy output)",
        "  , If same (Proxy rest) (Proxy rest) (Proxy output)",
    ),
    ("  ( TypeEquals (Proxy label) (Proxy label')", "  ( TypeEquals (Proxy typ) (Proxy label')"),
)
# Edits of PureScript 0.15's syntax forms: fixities and associativities changed or dropped, sections and `ado`
# statements broken, declared kinds and roles changed, Unicode forms, escapes and negative patterns.
SYNTAX_EDITS = {
    "Sugar.Precedence.nova": (
        ("infixl 3 at3 as ⊕", "infixr 3 at3 as ⊕"),
        ("infixr 8 at8 as ^^", "infixl 1 at8 as ^^"),
        ("infix 4 atMost as ≤", "infix 7 atMost as ≤"),
        ("infixr 9 compose as ∘\n", ""),
        ('rising = "a" ⊳', 'rising = "a" ^+'),
    ),
    "Sugar.Operators.nova": (
        ("infixr 6 type Tuple as /\\", "infixl 6 type Tuple as /\\"),
        ("infixr 5 type Either as \\/", "infixr 7 type Either as \\/"),
        ("sign (-1) = ", "sign (-1.0) = "),
        ("qualified = 1 P.+ 2 P.* 3", "qualified = 1 P.+ 2 P.<> 3"),
        ('"\\xD834"', '"\\xD834\\xDD1E"'),
    ),
    "Sugar.Ado.nova": (
        ("  y <- Just 2\n", "  y <- Just x\n"),
        ("constant = ado in 42", "constant = ado in x"),
        ("  in x + y", "  in x <> y"),
        ("  let single = [x]", "  let single = x"),
    ),
    "Sugar.Anonymous.nova": (
        ("classify = case _ of", "classify = case _, _ of"),
        ("choose = if _ then _ else _", "choose = if _ then 1 else _"),
        ("rename = _ { name = _ }", "rename = _ { name = _, age = _ }"),
        ("setZip p = p { address { zip = _ } }", "setZip p = p { address { zip = _, city { name = 1 } } }"),
        ("(_ + 1), ", "(_ + _), "),
    ),
    "Syntax.Declarations.nova": (
        ("type role Box representational", "type role Box nominal"),
        ("data Box :: Type -> Type", "data Box :: Symbol -> Type"),
        ("class Sized :: Type -> Constraint", "class Sized :: (Type -> Type) -> Constraint"),
        ("box :: forall @a. a -> Box a", "box :: forall a. a -> Box a"),
        ("shown ∷ ∀ a. Show a ⇒ a → String", "shown ∷ ∀ a. a → String"),
        ('length :: Labelled "metres" Int', "length :: Labelled 3 Int"),
    ),
    "Classes.Solved.nova": (
        ("Proxy (-3)", "Proxy 3"),
        ("Reflectable o Ordering", "Reflectable o Int"),
        ('{ a: 1, b: "x" } == { b: "x", a: 1 }', '{ a: 1, b: "x" } == { b: 1, a: 1 }'),
        ("(IsSymbol s, ToString n s)", "(IsSymbol s, ToString s n)"),
    ),
    "Deriving.Bi.nova": (
        ("Both l v (Array v)", "Both l (v -> Int) (Array v)"),
        ("derive instance Bifoldable Reading\n", ""),
        ("newtype Check a = Check (a -> Boolean)", "newtype Check a = Check a"),
        ("newtype Step i o = Step (Int -> i -> o)", "newtype Step i o = Step (Int -> o -> i)"),
    ),
    "Deriving.Higher.nova": (
        ("derive instance eq1Pair :: Eq1 Pair", "derive instance eq1Pair :: Eq1 (Pair Int)"),
        ("derive instance ord1Pair :: Ord1 Pair\n", ""),
        ("derive instance eqApplied :: Eq1 f => Eq (Applied f)", "derive instance eqApplied :: Eq (Applied f)"),
        ("derive newtype instance applyApp :: Apply App\n", ""),
    ),
    "Deriving.Classes.nova": (
        ("derive instance Generic (Outcome e a) _", "derive instance Generic (Outcome e a) Int"),
        ("Warned e a\n", "Warned a e\n"),
        ("derive instance Newtype Cents _", "derive newtype instance Newtype Cents _"),
    ),
}
FORM_EDITS = {
    "RankN.nova": RANKN_EDITS,
    "TypeApplications.nova": TYPE_APPLICATION_EDITS,
    "Signatures.nova": WILDCARD_EDITS,
    "Classes.Improvement.nova": IMPROVEMENT_EDITS,
    **SYNTAX_EDITS,
}


@pytest.mark.parametrize(("file", "seed"), [(f, s) for f in FORM_EDITS for s in range(5)])
def test_rank_n_and_type_application_edits_incremental_equals_from_scratch(file: str, seed: int) -> None:
    rng = random.Random(600 + seed)
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    text = sources[file]
    view = _base()
    _assert_edits_exact(view, text, [lambda t: _named_edit(rng, t, FORM_EDITS[file])] * 4)


def test_wildcard_and_hole_edits_one_after_another_incremental_equals_from_scratch() -> None:
    sources = {path.rsplit("/", 1)[-1]: text for path, text in corpus_sources().items()}
    text = sources["Signatures.nova"]
    view = _base()
    codes: set[str] = set()
    for incremental in _edited_exactly(view, text, _replacements(WILDCARD_EDITS, must_exist=False)):
        codes.update(d.code for d in incremental.diagnostics)
    assert codes == {"WildcardInferredType", "HoleInferredType"}


LANGUAGE_BASE = """module Edits.Language where

import Prelude

data TypeTag (t :: Type) = TypeTag
data SymbolTag (s :: Symbol) = SymbolTag

retag :: forall tag a. tag a -> TypeTag a
retag _ = TypeTag

fine = retag (TypeTag :: TypeTag Int)

newtype Labelled :: forall k. k -> Type
newtype Labelled a = Labelled (TypeTag k)

item = 1
"""
# Edits of the forms PureScript warns about or rejects through scoping and kinds: a declaration shadowing an open
# import (then hidden from it, then shadowing again), a type made ill-kinded by inference, a kind signature's
# variable in a constructor field renamed away.
LANGUAGE_EDITS = (
    ("item = 1", "item = add 1 2\n\nadd :: Int -> Int -> Int\nadd x _ = x"),
    ("import Prelude", "import Prelude hiding (add)"),
    ("fine = retag (TypeTag :: TypeTag Int)", 'fine = retag (SymbolTag :: SymbolTag "x")'),
    ("import Prelude hiding (add)", "import Prelude"),
    ("newtype Labelled :: forall k. k -> Type", "newtype Labelled :: forall j. j -> Type"),
    ("newtype Labelled :: forall j. j -> Type", "newtype Labelled :: forall k. k -> Type"),
)


def test_scoping_and_kind_edits_one_after_another_incremental_equals_from_scratch() -> None:
    text = LANGUAGE_BASE
    view = _base()
    previous = check_module(parse_module(text), view)
    assert [d.code for d in previous.diagnostics] == []
    seen: list[list[str]] = []
    for incremental in _edited_exactly(view, text, _replacements(LANGUAGE_EDITS)):
        seen.append(sorted(d.code for d in incremental.diagnostics))
    assert seen == [
        ["ScopeShadowing"],
        [],
        ["KindsDoNotUnify"],
        ["KindsDoNotUnify", "ScopeShadowing"],
        ["KindsDoNotUnify", "ScopeShadowing", "UndefinedTypeVariable"],
        ["KindsDoNotUnify", "ScopeShadowing"],
    ]


# Values with signatures that need each other: each is a binding group of its own, so an edit of one group makes
# or breaks a cycle that the other, reused, groups take part in.
SIGNED_CYCLE_BASE = """module Signed.Cycle where

import Prelude

width :: Int
width = height * 2

height :: Int
height = 3

area :: Int
area = width * height
"""

SIGNED_CYCLE_EDITS = (
    ("height = 3", "height = width - 1"),
    ("width = height * 2", "width = 2"),
    ("width = 2", "width = area"),
    ("height = width - 1", "height = 3"),
    ("height = 3", "height = area + width"),
    ("area = width * height", "area = 1"),
)


def test_signed_cycle_edits_one_after_another_incremental_equals_from_scratch() -> None:
    text = SIGNED_CYCLE_BASE
    view = _base()
    seen: list[int] = []
    for incremental in _edited_exactly(view, text, _replacements(SIGNED_CYCLE_EDITS)):
        seen.append(sum(d.code == "CycleInDeclaration" for d in incremental.diagnostics))
    assert seen == [2, 0, 3, 2, 3, 0]


# A recursive function without a signature whose constraints come and go, and kind signatures that come to name
# each other: the errors of each (a binding group's, the module's declarations') follow every edit.
RECURSION_AND_KINDS_BASE = """module Recursion.Kinds where

import Prelude

data Left :: Type -> Type
data Left a = Left

data Right :: Type -> Type
data Right a = Right

repeatIt n m = if n <= 0 then m else repeatIt (n - 1) m

useIt :: Int
useIt = repeatIt 2 3
"""

RECURSION_AND_KINDS_EDITS = (
    ("useIt :: Int\nuseIt = repeatIt 2 3", "useIt :: String\nuseIt = repeatIt 2 \"a\""),
    ("repeatIt (n - 1) m", "repeatIt (n - 1) (m <> m)"),
    ("data Left :: Type -> Type", "data Left :: Right Int -> Type"),
    ("data Right :: Type -> Type", "data Right :: Left Int -> Type"),
    ("repeatIt n m =", "repeatIt :: Int -> String -> String\nrepeatIt n m ="),
    ("data Left :: Right Int -> Type", "data Left :: Type -> Type"),
)


def test_recursion_and_kind_cycle_edits_one_after_another_incremental_equals_from_scratch() -> None:
    text = RECURSION_AND_KINDS_BASE
    view = _base()
    seen: list[list[str]] = []
    for incremental in _edited_exactly(view, text, _replacements(RECURSION_AND_KINDS_EDITS)):
        seen.append(sorted({d.code for d in incremental.diagnostics if d.severity.name == "ERROR"}))
    assert seen == [
        [],
        ["CannotGeneralizeRecursiveFunction"],
        ["CannotGeneralizeRecursiveFunction"],
        ["CannotGeneralizeRecursiveFunction", "CycleInKindDeclaration"],
        ["CycleInKindDeclaration"],
        [],
    ]


FIXITY_BASE = """module Edits.Fixity where

import Prelude

atMost :: Int -> Int -> Boolean
atMost a b = a <= b

infix 4 atMost as ≤

bounded = 1 + 2 ≤ 4 && 3 ≤ 3
"""


@pytest.mark.parametrize("fixity", ["infix 7 atMost as ≤", "infixl 3 atMost as ≤", ""])
def test_an_edited_fixity_regroups_the_chains_of_unchanged_declarations(fixity: str) -> None:
    view = _base()
    previous = check_module(parse_module(FIXITY_BASE), view)
    assert [d.code for d in previous.diagnostics] == []
    parsed = parse_module(FIXITY_BASE.replace("infix 4 atMost as ≤", fixity))
    incremental = check_module(parsed, view, previous)
    assert _summary(incremental) == _summary(check_module(parsed, view))
    assert any(d.severity.name == "ERROR" for d in incremental.diagnostics)


PASSING = Path(__file__).resolve().parents[2] / "corpus" / "passing"
PASSING_FILES = sorted(PASSING.glob("*.nova"))


@cache
def _passing_base() -> object:
    return check_workspace({str(p): p.read_text(encoding="utf-8") for p in PASSING_FILES}, root()).layer


@pytest.mark.parametrize("path", PASSING_FILES, ids=[p.stem for p in PASSING_FILES])
def test_every_passing_corpus_program_edited_incremental_equals_from_scratch(path: Path) -> None:
    # the programs written after PureScript's passing tests hold the forms of PureScript 0.15 one each
    rng = random.Random(path.stem)
    view = _passing_base()
    text = path.read_text(encoding="utf-8")
    _assert_edits_exact(view, text, [lambda t: _edit(rng, t)] * 2)
