"""The class laws of the standard library's main instances, as properties checked through the evaluator.

Hypothesis draws values of `Maybe Int`, `Either Int Int`, `Array Int`, `List Int` and `Map Int Int`; one Nova
expression per draw evaluates every law of the type's instances (Functor, Apply/Applicative, Bind/Monad,
Semigroup/Monoid, Foldable, Traversable, Eq/Ord; `Maybe`'s Semiring; `Map`'s Apply and Bind, which have no
Applicative and Monad; the Invariant of `Maybe`, `Either`, `Tuple`, `Identity` and `Const`) and gives one Boolean
per law, so a failure names the law.
Pairs, `Either`s and arrays (through `Clown`, `Joker` and `Flip`) check Bifunctor, Bifoldable and Bitraversable;
functions and `Star Maybe`, applied to a drawn point, check Profunctor, Strong and Choice; `Const` checks
Contravariant. `Down`, `Max` and `Min` check Ord (and Semigroup/Monoid); the bifunctor `Join`, `Product2`, `Costar`,
the profunctor `Join`, `Endo`'s `Invariant` and the functions' `Closed` check their Functor, Applicative,
Bifunctor, Profunctor, Strong, Monoid, Invariant and Closed (naturality) laws; `Joker Array` its Applicative and
Monad laws; `Control.Monad.Gen.Seeded`'s `Gen`, compared by the values a drawn seed gives, its Functor,
Applicative, Monad and MonadRec laws; drawn non-empty strings the Ord and Semigroup laws of `NonEmptyString`,
`NonEmptyReplacement` and `CaseInsensitiveNonEmptyString`; `App`, `Compose`, `Product`, `Coproduct` and `NonEmpty`
their Ord laws (and `NonEmpty Array` its Semigroup law).
"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from nova.eval.api import evaluate_expression
from nova.eval.link import ElementCache
from tests.nova.stdlib.stdlib_examples import root

LAWS = r"""module Laws where

import Prelude
import Data.Array as A
import Data.Either (Either(..))
import Data.Foldable (class Foldable, foldl, foldr, foldMap)
import Data.Functor.Compose (Compose(..))
import Data.Identity (Identity(..))
import Data.List (List(..), (:))
import Data.List as L
import Data.Map as M
import Data.Maybe (Maybe(..))
import Data.Traversable (class Traversable, traverse, sequence)
import Data.Tuple (Tuple(..), fst, snd)
import Data.Bifoldable (class Bifoldable, bifoldl, bifoldr, bifoldMap)
import Data.Bifunctor (class Bifunctor, bimap)
import Data.Bitraversable (class Bitraversable, bitraverse, bisequence)
import Data.Const (Const(..))
import Data.Functor.Clown (Clown(..))
import Data.Functor.Contravariant (cmap)
import Data.HeytingAlgebra (ff, implies, tt)
import Data.Functor.Flip (Flip(..))
import Data.Functor.Joker (Joker(..))
import Data.Profunctor (dimap, lcmap, rmap)
import Data.Profunctor.Choice (left, right)
import Data.Profunctor.Star (Star(..))
import Data.Profunctor.Strong (first, second)
import Data.Comparison (Comparison(..))
import Data.Equivalence (Equivalence(..))
import Data.Op (Op(..))
import Data.Predicate (Predicate(..))
import Data.Bifunctor.Join as BJ
import Data.Functor.Costar (Costar(..))
import Data.Functor.Invariant (class Invariant, imap)
import Data.Functor.Product2 (Product2(..))
import Data.Monoid.Endo (Endo(..))
import Data.Ord.Down (Down(..))
import Data.Ord.Max (Max(..))
import Data.Ord.Min (Min(..))
import Data.Profunctor.Closed (closed)
import Data.Profunctor.Join (Join(..))
import Control.Monad.Gen (chooseInt, resize, sized)
import Data.String.NonEmpty (NonEmptyReplacement(..), NonEmptyString)
import Data.Functor.App (App(..))
import Data.Functor.Coproduct (Coproduct)
import Data.Functor.Coproduct as CP
import Data.Functor.Product as FP
import Data.NonEmpty ((:|))
import Data.String.NonEmpty as NES
import Data.String.NonEmpty.CaseInsensitive (CaseInsensitiveNonEmptyString(..))
import Control.Monad.Gen.Seeded (Gen, mkSeed, sample)
import Control.Monad.Rec.Class (Step(..), tailRecM)

f :: Int -> Int
f = (_ + 1)

g :: Int -> Int
g = (_ * 2)

functor :: forall t. Functor t => Eq (t Int) => t Int -> Array Boolean
functor x = [map identity x == x, map (f <<< g) x == (map f <<< map g) x]

applicative :: forall t. Applicative t => Eq (t Int) => t Int -> t Int -> Int -> Array Boolean
applicative v w y =
  [ (pure identity <*> v) == v
  , (pure f <*> pure y) == (pure (f y) `asTypeOf` v)
  , (u <*> pure y) == (pure (_ $ y) <*> u)
  , (pure compose <*> u <*> map (\k -> (_ * k)) w <*> v) == (u <*> (map (\k -> (_ * k)) w <*> v))
  ]
  where
  u = map (\k -> (_ + k)) w

asTypeOf :: forall a. a -> a -> a
asTypeOf a _ = a

monad :: forall t. Monad t => Eq (t Int) => (Int -> t Int) -> (Int -> t Int) -> t Int -> Int -> Array Boolean
monad h k m a =
  [ (pure a >>= h) == h a
  , (m >>= pure) == m
  , ((m >>= h) >>= k) == (m >>= \x -> h x >>= k)
  ]

semiring :: forall s. Semiring s => Eq s => s -> s -> s -> Array Boolean
semiring x y z =
  [ (x + y) + z == x + (y + z), zero + x == x, x + zero == x, x + y == y + x
  , (x * y) * z == x * (y * z), one * x == x, x * one == x
  , x * (y + z) == x * y + x * z, (x + y) * z == x * z + y * z, zero * x == zero, x * zero == zero
  ]

invariant :: forall t. Invariant t => Functor t => Eq (t Int) => t Int -> Array Boolean
invariant x = [imap identity identity x == x, imap f (_ - 1) (imap g (_ / 2) x) == imap (f <<< g) (\n -> (n - 1) / 2) x]

-- | The composition law of `Apply` alone (for instances without `Applicative`).
applyLaw :: forall t. Apply t => Eq (t Int) => t (Int -> Int) -> t (Int -> Int) -> t Int -> Array Boolean
applyLaw u v w = [((<<<) <$> u <*> v <*> w) == (u <*> (v <*> w))]

-- | The associativity law of `Bind` alone (for instances without `Monad`).
bindLaw :: forall t. Bind t => Eq (t Int) => (Int -> t Int) -> (Int -> t Int) -> t Int -> Array Boolean
bindLaw h k m = [((m >>= h) >>= k) == (m >>= \x -> h x >>= k)]

monoid :: forall m. Monoid m => Eq m => m -> m -> m -> Array Boolean
monoid x y z = [(x <> y) <> z == x <> (y <> z), mempty <> x == x, x <> mempty == x]

foldable :: forall t. Foldable t => t Int -> Array Boolean
foldable x =
  [ foldMap (\a -> [a]) x == foldr (\a acc -> [a] <> acc) [] x
  , foldl (\acc a -> acc <> [a]) [] x == foldr (\a acc -> [a] <> acc) [] x
  , foldl (flip Cons) Nil x == L.reverse (foldr Cons Nil x)
  ]

traversable :: forall t. Traversable t => Eq (t Int) => t Int -> Array Boolean
traversable x =
  [ traverse Identity x == Identity x
  , traverse (Compose <<< map half <<< half) x == Compose (map (traverse half) (traverse half x))
  , traverse half x == sequence (map half x)
  , traverse (\a -> [a, a + 1]) x == sequence (map (\a -> [a, a + 1]) x)
  ]
  where
  half a = if a `mod` 2 == 0 then Just (a / 2) else Nothing

ord :: forall a. Ord a => a -> a -> a -> Array Boolean
ord x y z =
  [ x <= x
  , not (x <= y && y <= x) || x == y
  , not (x <= y && y <= z) || x <= z
  , (compare x y == EQ) == (x == y)
  , compare x y == invert (compare y x)
  , (x < y) == (compare x y == LT)
  ]
  where
  invert LT = GT
  invert GT = LT
  invert EQ = EQ

maybeLaws :: Maybe Int -> Maybe Int -> Maybe Int -> Int -> Array Boolean
maybeLaws x y z a =
  functor x <> applicative x y a <> monad h k x a <> foldable x <> traversable x <> ord x y z
    <> monoid (map show x) (map show y) (map show z) <> semiring x y z <> invariant x
  where
  h n = if n > 0 then Just (n - 1) else Nothing
  k n = if n `mod` 3 == 0 then Nothing else Just (n * 5)

eitherLaws :: Either Int Int -> Either Int Int -> Either Int Int -> Int -> Array Boolean
eitherLaws x y z a =
  functor x <> applicative x y a <> monad h k x a <> foldable x <> traversable x <> ord x y z <> invariant x
    <> invariant (Tuple a (a + 1)) <> invariant (Identity a) <> invariant (Const a :: Const Int Int)
  where
  h n = if n > 0 then Right (n - 1) else Left n
  k n = if n `mod` 3 == 0 then Left (n + 100) else Right (n * 5)

arrayLaws :: Array Int -> Array Int -> Array Int -> Int -> Array Boolean
arrayLaws x y z a =
  functor x <> applicative x y a <> monad h k x a <> foldable x <> traversable x <> ord x y z <> monoid x y z
  where
  h n = A.replicate (n `mod` 3) n
  k n = [n, n + 1]

listLaws :: List Int -> List Int -> List Int -> Int -> Array Boolean
listLaws x y z a =
  functor x <> applicative x y a <> monad h k x a <> foldable x <> traversable x <> ord x y z <> monoid x y z
  where
  h n = L.replicate (n `mod` 3) n
  k n = n : (n + 1) : Nil

bifoldable :: forall p. Bifoldable p => p Int Int -> Array Boolean
bifoldable x =
  [ bifoldMap (\a -> [a]) (\b -> [b * 10]) x == viaR
  , bifoldl (\acc a -> acc <> [a]) (\acc b -> acc <> [b * 10]) [] x == viaR
  ]
  where
  viaR = bifoldr (\a acc -> [a] <> acc) (\b acc -> [b * 10] <> acc) [] x

bitraversable :: forall t. Bitraversable t => Eq (t Int Int) => t Int Int -> Array Boolean
bitraversable x =
  [ bimap identity identity x == x
  , bimap f g (bimap g f x) == bimap (f <<< g) (g <<< f) x
  , bitraverse Identity Identity x == Identity x
  , bitraverse (Compose <<< map half <<< half) (Compose <<< map half <<< half) x
      == Compose (map (bitraverse half half) (bitraverse half half x))
  , bitraverse half (\b -> [b, b + 1] # A.head) x == bisequence (bimap half (\b -> [b, b + 1] # A.head) x)
  ]
  where
  half a = if a `mod` 2 == 0 then Just (a / 2) else Nothing

runStar :: forall a b. Star Maybe a b -> a -> Maybe b
runStar (Star h) = h

profunctorLaws :: Int -> Int -> Array Boolean
profunctorLaws a b =
  [ dimap identity identity h a == h a
  , (dimap f g <<< dimap g f) h a == dimap (f >>> g) (g <<< f) h a
  , lcmap fst h (Tuple a b) == rmap fst (first h) (Tuple a b)
  , lcmap snd h (Tuple b a) == rmap snd (second h) (Tuple b a)
  , (rmap Left h a :: Either Int Int) == lcmap Left (left h) a
  , (rmap Right h a :: Either Int Int) == lcmap Right (right h) a
  , runStar (dimap identity identity s) a == runStar s a
  , runStar ((dimap f g <<< dimap g f) s) a == runStar (dimap (f >>> g) (g <<< f) s) a
  , runStar (lcmap fst s) (Tuple a b) == runStar (rmap fst (first s)) (Tuple a b)
  , runStar (lcmap snd s) (Tuple b a) == runStar (rmap snd (second s)) (Tuple b a)
  , (runStar (rmap Left s) a :: Maybe (Either Int Int)) == runStar (lcmap Left (left s)) a
  , (runStar (rmap Right s) a :: Maybe (Either Int Int)) == runStar (lcmap Right (right s)) a
  , cmap identity c == c
  , cmap f (cmap g c) == cmap (g <<< f) c
  ]
  where
  h = (_ - b)
  s = Star (\n -> if n > b then Just (n * 3) else Nothing)
  c = Const a :: Const Int Int

contravariantLaws :: Int -> Int -> Int -> Array Boolean
contravariantLaws a b c =
  [ runP (cmap identity p) a == runP p a
  , runP (cmap f (cmap g p)) a == runP (cmap (g <<< f) p) a
  , runP (p && not p) a == runP ff a
  , runP (p || not p) a == runP tt a
  , runP (p `implies` q) a == runP (not p || q) a
  , runC ((c1 <> c2) <> c3) a b == runC (c1 <> (c2 <> c3)) a b
  , runC (mempty <> c1) a b == runC c1 a b && runC (c1 <> mempty) a b == runC c1 a b
  , runC (cmap f c1) a b == runC c1 (f a) (f b)
  , runE ((e1 <> e2) <> e1) a b == runE (e1 <> (e2 <> e1)) a b
  , runE (mempty <> e1) a b == runE e1 a b
  , runO ((o1 <<< o2) <<< o3) a == runO (o1 <<< (o2 <<< o3)) a
  , runO (identity <<< o1) a == runO o1 a && runO (o1 <<< identity) a == runO o1 a
  ]
  where
  p = Predicate (_ > b)
  q = Predicate (_ < c)
  runP (Predicate t) = t
  c1 = Comparison (\x y -> compare (x `mod` 3) (y `mod` 3))
  c2 = Comparison (\x y -> compare (x - c) (y - c))
  c3 = Comparison (\x y -> compare y x)
  runC (Comparison k) = k
  e1 = Equivalence (\x y -> x `mod` 2 == y `mod` 2)
  e2 = Equivalence (\x y -> x - b == y - b)
  runE (Equivalence r) = r
  o1 = Op (_ + b)
  o2 = Op (_ * 2)
  o3 = Op (_ - c)
  runO (Op h) = h

orderLaws :: Int -> Int -> Int -> Array Boolean
orderLaws a b c =
  ord (Down a) (Down b) (Down c) <> [compare (Down a) (Down b) == compare b a]
    <> ord (Max a) (Max b) (Max c) <> monoid (Max a) (Max b) (Max c)
    <> ord (Min a) (Min b) (Min c) <> monoid (Min a) (Min b) (Min c)

functorsLaws :: Int -> Int -> Int -> Array Boolean
functorsLaws a b c =
  functor (BJ.Join (Tuple a b)) <> applicative (BJ.Join (Tuple a b)) (BJ.Join (Tuple b c)) a
    <> applicative (Joker [a] :: Joker Array Int Int) (Joker [b, c]) a
    <> monad (\x -> Joker [x, x + 1]) (\x -> Joker [x * 2]) (Joker [a, b] :: Joker Array Int Int) c
    <> functor (Product2 (Tuple a b) (Right c) :: Product2 Tuple Either Int Int)
    <> [ bimap identity identity p2 == p2, bimap (f <<< g) (g <<< f) p2 == (bimap f g <<< bimap g f) p2 ]
    <> [ runK (map identity k) xs == runK k xs
       , runK (map (f <<< g) k) xs == runK (map f (map g k)) xs
       , runK (dimap identity identity k) xs == runK k xs
       , runK (dimap f g (dimap g f k)) xs == runK (dimap (f >>> g) (g <<< f) k) xs
       , runK (lcmap fst k1) (Identity (Tuple a b)) == runK (rmap fst (first k1)) (Identity (Tuple a b))
       ]
    <> [ runJ ((j1 <> j2) <> j3) a == runJ (j1 <> (j2 <> j3)) a
       , runJ (mempty <> j1) a == runJ j1 a && runJ (j1 <> mempty) a == runJ j1 a
       , runE (imap identity identity (Endo f)) a == f a
       , runE (imap (_ + 2) (_ - 2) (imap (_ + 1) (_ - 1) (Endo g))) a
           == runE (imap ((_ + 2) <<< (_ + 1)) ((_ - 1) <<< (_ - 2)) (Endo g)) a
       , dimap (\h -> f <<< h) (\h -> g <<< h) (closed h0) (_ - b) a == closed (dimap f g h0) (_ - b) a
       ]
  where
  p2 = Product2 (Tuple a b) (Tuple b c)
  xs = [a, b, c]
  k = Costar (A.foldl (+) 0)
  k1 = Costar (\(Identity n) -> n * c)
  runK :: forall w x y. Costar w x y -> w x -> y
  runK (Costar h) = h
  j1 = Join (_ + b)
  j2 = Join (_ * 2)
  j3 = Join (_ - c)
  runJ (Join h) = h
  runE (Endo h) = h
  h0 = (_ * c)

biLaws :: Tuple Int Int -> Either Int Int -> Array Int -> Array Boolean
biLaws t e xs =
  bifoldable t <> bitraversable t <> bifoldable e <> bitraversable e
    <> bifoldable (Flip t) <> bitraversable (Flip t)
    <> bifoldable (Clown xs :: Clown Array Int Int) <> bitraversable (Clown xs :: Clown Array Int Int)
    <> bifoldable (Joker xs :: Joker Array Int Int) <> bitraversable (Joker xs :: Joker Array Int Int)

mapLaws :: M.Map Int Int -> M.Map Int Int -> M.Map Int Int -> Int -> Array Boolean
mapLaws x y z a =
  functor x <> foldable x <> traversable x <> ord x y z <> monoid (map show x) (map show y) (map show z)
    <> applyLaw (map (\n -> (_ + n)) x) (map (\n -> (_ * n)) y) z
    <> bindLaw (\n -> map (_ + n) y) (\n -> map (_ * n) z) x
    <> [ M.lookup a (M.insert a 7 x) == Just 7
       , M.lookup a (M.delete a x) == Nothing
       , M.size (M.insert a 7 x) == M.size x + (if M.member a x then 0 else 1)
       , M.fromFoldable (M.toUnfoldable x :: Array _) == x
       , M.keys (M.union x y) == M.keys x <> M.keys y
       ]

runGen :: forall x. Int -> Gen x -> Array x
runGen seed = sample (mkSeed seed) 6

genLaws :: Int -> Int -> Array Boolean
genLaws seed a =
  [ run (map identity v) == run v
  , run (map (f <<< g) v) == run ((map f <<< map g) v)
  , run (pure identity <*> v) == run v
  , run (pure f <*> pure a) == run (pure (f a))
  , run (u <*> pure a) == run (pure (_ $ a) <*> u)
  , run (pure compose <*> u <*> w <*> v) == run (u <*> (w <*> v))
  , run (pure a >>= h) == run (h a)
  , run (v >>= pure) == run v
  , run ((v >>= h) >>= k) == run (v >>= \x -> h x >>= k)
  , run (tailRecM step a) == run (loop a)
  ]
  where
  run :: Gen Int -> Array Int
  run = runGen seed
  v = chooseInt (-100) 100
  u = chooseInt 1 5 <#> \n -> (_ + n)
  w = chooseInt 1 5 <#> \n -> (_ * n)
  h n = chooseInt n (n + 10)
  k n = resize (const n) (sized pure)
  step n = if n >= a + 5 then pure (Done n) else map (\d -> Loop (n + d)) (chooseInt 1 2)
  loop n = if n >= a + 5 then pure n else chooseInt 1 2 >>= \d -> loop (n + d)

semigroup :: forall s. Semigroup s => Eq s => s -> s -> s -> Boolean
semigroup x y z = (x <> y) <> z == x <> (y <> z)

nonEmptyStringLaws :: NonEmptyString -> NonEmptyString -> NonEmptyString -> Array Boolean
nonEmptyStringLaws x y z =
  ord x y z <> [semigroup x y z, NES.toString (x <> y) == NES.toString x <> NES.toString y]
    <> ord (NonEmptyReplacement x) (NonEmptyReplacement y) (NonEmptyReplacement z)
    <> [semigroup (NonEmptyReplacement x) (NonEmptyReplacement y) (NonEmptyReplacement z)]
    <> ord (CaseInsensitiveNonEmptyString x) (CaseInsensitiveNonEmptyString y) (CaseInsensitiveNonEmptyString z)

functorOrdLaws :: Int -> Int -> Int -> Array Boolean
functorOrdLaws x y z =
  ord (App (Just x)) (App (half y)) (App (Just z))
    <> ord (Compose [ Just x, half y ]) (Compose [ half y ]) (Compose [ Just z, Nothing ])
    <> ord (FP.product [ x ] (half y)) (FP.product [ y ] (Just z)) (FP.product [ x ] (half z))
    <> ord (side x) (side y) (side z)
    <> ord (x :| [ y ]) (y :| []) (x :| [ z, y ])
    <> [ semigroup (x :| [ y ]) (z :| []) (y :| [ x, z ]) ]
  where
  half n = if n `mod` 2 == 0 then Just (n / 2) else Nothing
  side :: Int -> Coproduct Maybe Array Int
  side n = if n < 0 then CP.left (half n) else CP.right [ n, x ]
"""

_CACHE = ElementCache()


def run(expression: str) -> str:
    return evaluate_expression(root(), expression, module_source=LAWS, cache=_CACHE).value


def _int(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def _maybe(v: int | None) -> str:
    return "Nothing" if v is None else f"(Just {_int(v)})"


def _either(v: tuple[str, int]) -> str:
    return f"({'Left' if v[0] == 'L' else 'Right'} {_int(v[1])})"


def _array(v: list[int]) -> str:
    return "[" + ", ".join(_int(n) for n in v) + "]"


def _list(v: list[int]) -> str:
    return "(" + "".join(f"{_int(n)} : " for n in v) + "Nil)"


def _map(v: dict[int, int]) -> str:
    return "(M.fromFoldable [" + ", ".join(f"Tuple {_int(k)} {_int(x)}" for k, x in v.items()) + "] :: M.Map Int Int)"


ints = st.integers(min_value=-6, max_value=6)
small = st.lists(ints, max_size=3)


def assert_laws(expression: str) -> None:
    result = run(expression)
    assert result.startswith("[") and result.endswith("]"), result
    verdicts = result[1:-1].split(",")
    failed = [index for index, verdict in enumerate(verdicts) if verdict != "true"]
    assert not failed, f"laws {failed} fail for {expression}: {result}"


def law_count(expression: str) -> int:
    return run(expression).count("true")


def test_every_law_is_checked() -> None:
    """The sets of laws are as large as this file says: a law dropped from the Nova side fails here."""
    assert law_count("maybeLaws Nothing Nothing Nothing 0") == 2 + 4 + 3 + 3 + 4 + 6 + 3 + 11 + 2
    assert law_count("eitherLaws (Left 1) (Left 1) (Left 1) 0") == 2 + 4 + 3 + 3 + 4 + 6 + 4 * 2
    assert law_count("arrayLaws [] [] [] 0") == 2 + 4 + 3 + 3 + 4 + 6 + 3
    assert law_count("listLaws Nil Nil Nil 0") == 2 + 4 + 3 + 3 + 4 + 6 + 3
    assert law_count("mapLaws M.empty M.empty M.empty 0") == 2 + 3 + 4 + 6 + 3 + 1 + 1 + 5
    assert law_count("biLaws (Tuple 0 0) (Left 0) []") == 5 * (2 + 5)
    assert law_count("profunctorLaws 1 0") == 14
    assert law_count("contravariantLaws 1 0 0") == 12
    assert law_count("orderLaws 0 0 0") == 6 + 1 + 2 * (6 + 3)
    assert law_count("functorsLaws 0 0 0") == 2 + 4 + 4 + 3 + 2 + 2 + 5 + 5
    assert law_count("genLaws 1 0") == 2 + 4 + 3 + 1
    assert law_count(f"nonEmptyStringLaws {_nes('a')} {_nes('a')} {_nes('a')}") == 3 * 6 + 3
    assert law_count("functorOrdLaws 0 0 0") == 5 * 6 + 1


def test_a_broken_law_is_reported() -> None:
    """The checker of this file can fail: an instance that breaks a law is seen."""
    assert run("ord 1 2 3 <> [map identity [1] == [2]]").endswith(",false]")


@settings(max_examples=15, deadline=None)
@given(st.one_of(st.none(), ints), st.one_of(st.none(), ints), st.one_of(st.none(), ints), ints)
def test_maybe_laws(x: int | None, y: int | None, z: int | None, a: int) -> None:
    assert_laws(f"maybeLaws {_maybe(x)} {_maybe(y)} {_maybe(z)} {_int(a)}")


eithers = st.tuples(st.sampled_from("LR"), ints)


@settings(max_examples=15, deadline=None)
@given(eithers, eithers, eithers, ints)
def test_either_laws(x: tuple[str, int], y: tuple[str, int], z: tuple[str, int], a: int) -> None:
    assert_laws(f"eitherLaws {_either(x)} {_either(y)} {_either(z)} {_int(a)}")


@settings(max_examples=15, deadline=None)
@given(small, small, small, ints)
def test_array_laws(x: list[int], y: list[int], z: list[int], a: int) -> None:
    assert_laws(f"arrayLaws {_array(x)} {_array(y)} {_array(z)} {_int(a)}")


@settings(max_examples=15, deadline=None)
@given(small, small, small, ints)
def test_list_laws(x: list[int], y: list[int], z: list[int], a: int) -> None:
    assert_laws(f"listLaws {_list(x)} {_list(y)} {_list(z)} {_int(a)}")


maps = st.dictionaries(ints, ints, max_size=3)


@settings(max_examples=15, deadline=None)
@given(maps, maps, maps, ints)
def test_map_laws(x: dict[int, int], y: dict[int, int], z: dict[int, int], a: int) -> None:
    assert_laws(f"mapLaws {_map(x)} {_map(y)} {_map(z)} {_int(a)}")


@settings(max_examples=15, deadline=None)
@given(st.tuples(ints, ints), eithers, small)
def test_bifoldable_and_bitraversable_laws(t: tuple[int, int], e: tuple[str, int], xs: list[int]) -> None:
    assert_laws(f"biLaws (Tuple {_int(t[0])} {_int(t[1])}) {_either(e)} {_array(xs)}")


@settings(max_examples=15, deadline=None)
@given(ints, ints)
def test_profunctor_strong_choice_and_contravariant_laws(a: int, b: int) -> None:
    assert_laws(f"profunctorLaws {_int(a)} {_int(b)}")


@settings(max_examples=15, deadline=None)
@given(ints, ints, ints)
def test_predicate_comparison_equivalence_and_op_laws(a: int, b: int, c: int) -> None:
    assert_laws(f"contravariantLaws {_int(a)} {_int(b)} {_int(c)}")


@settings(max_examples=15, deadline=None)
@given(ints, ints, ints)
def test_down_max_and_min_laws(a: int, b: int, c: int) -> None:
    assert_laws(f"orderLaws {_int(a)} {_int(b)} {_int(c)}")


@settings(max_examples=15, deadline=None)
@given(ints, ints, ints)
def test_join_product2_costar_closed_and_invariant_laws(a: int, b: int, c: int) -> None:
    assert_laws(f"functorsLaws {_int(a)} {_int(b)} {_int(c)}")


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=1, max_value=2**31 - 2), ints)
def test_seeded_gen_laws(seed: int, a: int) -> None:
    """`Gen`'s Functor, Applicative and Monad laws, and `tailRecM` drawing as the recursion it replaces, compared
    by the values a seed gives."""
    assert_laws(f"genLaws {seed} {_int(a)}")


def _nes(text: str) -> str:
    return f"(NES.unsafeFromString {json.dumps(text)})"


texts = st.text(alphabet="aAbB", min_size=1, max_size=3)


@settings(max_examples=15, deadline=None)
@given(texts, texts, texts)
def test_non_empty_string_laws(x: str, y: str, z: str) -> None:
    """Ord and Semigroup of `NonEmptyString` and `NonEmptyReplacement`, Ord of `CaseInsensitiveNonEmptyString`
    (which letters of two cases make interesting)."""
    assert_laws(f"nonEmptyStringLaws {_nes(x)} {_nes(y)} {_nes(z)}")


@settings(max_examples=15, deadline=None)
@given(ints, ints, ints)
def test_app_compose_product_coproduct_and_non_empty_ord_laws(x: int, y: int, z: int) -> None:
    """Ord of `App`, `Compose`, `Product`, `Coproduct` and `NonEmpty` (through `Ord1` of the functors inside, as
    PureScript's instances ask), and the Semigroup of `NonEmpty Array`."""
    assert_laws(f"functorOrdLaws {_int(x)} {_int(y)} {_int(z)}")
