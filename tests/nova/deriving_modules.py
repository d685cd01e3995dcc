"""The library modules of PureScript's derivable classes, for the deriving tests: every one of them is a standard
library module (`Data.Eq`, `Data.Ord`, `Data.Functor`, `Data.Foldable`, `Data.Traversable`, `Data.Bifunctor`,
`Data.Bifoldable`, `Data.Bitraversable`, `Data.Functor.Contravariant`, `Data.Profunctor`, `Data.Newtype`,
`Data.Generic.Rep`): the deriving rules recognise a class by its module and name, and the tests check them against
the real ones.

`layer()` is a batch over the stdlib root, for the tests' own modules."""

from __future__ import annotations

from functools import cache
from typing import Any

from nova.stdlib import load_root

DERIVABLE: dict[str, tuple[str, ...]] = {
    "Data.Eq": ("Eq", "Eq1"),
    "Data.Ord": ("Ord", "Ord1"),
    "Data.Functor": ("Functor",),
    "Data.Foldable": ("Foldable",),
    "Data.Traversable": ("Traversable",),
    "Data.Bifunctor": ("Bifunctor",),
    "Data.Bifoldable": ("Bifoldable",),
    "Data.Bitraversable": ("Bitraversable",),
    "Data.Functor.Contravariant": ("Contravariant",),
    "Data.Profunctor": ("Profunctor",),
    "Data.Newtype": ("Newtype",),
    "Data.Generic.Rep": ("Generic",),
}
"""PureScript's module → the derivable classes it defines (each must be in the stdlib root under that name)."""


@cache
def layer() -> Any:
    """A batch over the stdlib root (the tests check and evaluate their own modules over it)."""
    return load_root().begin_batch()
