"""The library modules of PureScript's derivable classes, for the deriving tests: the standard library's own
module where it has one, else a small stand-in under PureScript's module name, with PureScript's names and types
(the deriving rules recognise a class by its module and name, so the name matters, not the code).

`layer()` is a batch over the stdlib root holding the stand-ins the root lacks."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.check import check_module
from nova.diagnostics import Severity
from nova.stdlib import load_root
from nova.syntax import parse_module

STAND_INS: dict[str, str] = {
    "Data.Eq": """module Data.Eq (class Eq1, eq1, class Eq, eq) where

import Prelude (class Eq, eq)

class Eq1 f where
  eq1 :: forall a. Eq a => f a -> f a -> Boolean
""",
    "Data.Newtype": """module Data.Newtype where

import Safe.Coerce (class Coercible, coerce)

class Coercible t a <= Newtype t a | t -> a

wrap :: forall t a. Newtype t a => a -> t
wrap = coerce

unwrap :: forall t a. Newtype t a => t -> a
unwrap = coerce
""",
    "Data.Bifunctor": """module Data.Bifunctor where

import Prelude
import Data.Either (Either(..))
import Data.Tuple (Tuple(..))

class Bifunctor f where
  bimap :: forall a b c d. (a -> b) -> (c -> d) -> f a c -> f b d

lmap :: forall f a b c. Bifunctor f => (a -> b) -> f a c -> f b c
lmap f = bimap f identity

rmap :: forall f a b c. Bifunctor f => (b -> c) -> f a b -> f a c
rmap = bimap identity

instance Bifunctor Either where
  bimap f _ (Left a) = Left (f a)
  bimap _ g (Right b) = Right (g b)

instance Bifunctor Tuple where
  bimap f g (Tuple a b) = Tuple (f a) (g b)
""",
    "Data.Bifoldable": """module Data.Bifoldable where

import Prelude
import Data.Foldable (class Foldable)
import Data.Either (Either(..))
import Data.Tuple (Tuple(..))

class Bifoldable p where
  bifoldr :: forall a b c. (a -> c -> c) -> (b -> c -> c) -> c -> p a b -> c
  bifoldl :: forall a b c. (c -> a -> c) -> (c -> b -> c) -> c -> p a b -> c
  bifoldMap :: forall m a b. Monoid m => (a -> m) -> (b -> m) -> p a b -> m

instance Bifoldable Tuple where
  bifoldr f g z (Tuple a b) = f a (g b z)
  bifoldl f g z (Tuple a b) = g (f z a) b
  bifoldMap f g (Tuple a b) = f a <> g b

instance Bifoldable Either where
  bifoldr f _ z (Left a) = f a z
  bifoldr _ g z (Right b) = g b z
  bifoldl f _ z (Left a) = f z a
  bifoldl _ g z (Right b) = g z b
  bifoldMap f _ (Left a) = f a
  bifoldMap _ g (Right b) = g b
""",
    "Data.Bitraversable": """module Data.Bitraversable where

import Prelude
import Data.Traversable (class Traversable)
import Data.Bifunctor (class Bifunctor)
import Data.Bifoldable (class Bifoldable)
import Data.Tuple (Tuple(..))

class (Bifunctor t, Bifoldable t) <= Bitraversable t where
  bitraverse :: forall f a b c d. Applicative f => (a -> f c) -> (b -> f d) -> t a b -> f (t c d)
  bisequence :: forall f a b. Applicative f => t (f a) (f b) -> f (t a b)

instance Bitraversable Tuple where
  bitraverse f g (Tuple a b) = Tuple <$> f a <*> g b
  bisequence (Tuple a b) = Tuple <$> a <*> b
""",
    "Data.Functor.Contravariant": """module Data.Functor.Contravariant where

class Contravariant f where
  cmap :: forall a b. (b -> a) -> f a -> f b
""",
    "Data.Profunctor": """module Data.Profunctor where

import Prelude

class Profunctor p where
  dimap :: forall a b c d. (a -> b) -> (c -> d) -> p b c -> p a d

instance Profunctor (->) where
  dimap a2b c2d b2c = a2b >>> b2c >>> c2d
""",
}
"""PureScript's module → a stand-in (only the classes, functions and instances the tests use)."""

ORDER = tuple(STAND_INS)


@cache
def layer() -> Any:
    """A batch over the stdlib root with every stand-in the root does not have (checked without errors)."""
    root = load_root()
    batch = root.begin_batch()
    for name in ORDER:
        if root.get(name) is not None:
            continue
        checked = check_module(parse_module(STAND_INS[name]), batch)
        errors = [
            f"{name}:{d.span.start_line + 1}: {d.message}" for d in checked.diagnostics if d.severity == Severity.ERROR
        ]
        assert not errors, "\n".join(errors)
        batch.put(checked.name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
    return batch
