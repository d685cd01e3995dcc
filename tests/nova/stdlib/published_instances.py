"""The instances some modules of PureScript's published core libraries define (the package set of PureScript
0.15), module by module, for comparison with the instances Nova's modules of the same names define. One instance
head per line (a long one continued on lines indented further), `context => Class args`, as the published source
writes it (a derived `Newtype` instance's `_` written out as the wrapped type; a `Generic` instance by its first
argument and `_`).

Where the heads come from (the code index stores a mix of each file's versions; the newest stored text and the
packages' CHANGELOG.md were used):
- maybe v6: Data.Maybe (index id 1862897893, with `Semiring` and `Invariant`; the CHANGELOG's 0.15 entry drops
  `MonadZero` and adds `Semiring`), Data.Maybe.First/Last (v6, as known).
- either v6: Data.Either (2095023116).
- tuples v7: Data.Tuple (1364409361: `Invariant` next to the derived `Functor` and `Generic`).
- identity v6: Data.Identity (1217805944).
- const v6: Data.Const (1436113280: no `Contravariant`, which the contravariant package defines).
- nonempty v7: Data.NonEmpty (1773408185).
- lists v7: Data.List.Lazy.Types (2200404356); Data.List.Types as known for v7 (its instance list matches the
  stored texts of ports of it, e.g. 25092633097, less their `Compactable`/`Filterable`/`MonadZero`).
- arrays v7: Data.Array.NonEmpty.Internal (1476198612).
- ordered-collections v3: Data.Set (3452278912: `Eq1` and `Ord1`, which Nova lacked).
- ordered-collections v3: Data.Map.Internal (2314358924: the unbiased `Semigroup`/`Monoid` with a `Warn`, `Apply`
  and `Bind` from v2).
- prelude v6: the `Data.Monoid.*` and `Data.Semigroup.*` newtypes, Data.Ordering, Data.Unit, Data.Void,
  Type.Proxy (whose instances live in the class modules), as known.
- effect v4, st v6: Effect and Control.Monad.ST.Internal (whose `ST` Nova defines in Control.Monad.ST, which
  Control.Monad.ST.Internal re-exports: `DEFINED_IN`).

- foldable-traversable v6: Data.Foldable (1621093289; Data.Traversable's list is the same types),
  Data.FunctorWithIndex (1686642980; Data.FoldableWithIndex's and Data.TraversableWithIndex's lists are the same
  types, the arrays', lists' and non-empty types' instances being in the modules of those types),
  Data.Semigroup.Traversable (2061988610: `Traversable1` for `Dual` and `Multiplicative`, which Nova lacked),
  Data.Semigroup.Foldable (the same four types).
- unfoldable v6, invariant v6, tailrec v6 (1752839663): Data.Unfoldable, Data.Unfoldable1, Data.Functor.Invariant,
  Control.Monad.Rec.Class, as known (`Function` is written `(->)` in the comparison).

- prelude v6's class modules (Data.Eq, Data.Semiring, Control.Apply, …; Data.Bounded as in 28065334700), control
  v6, bifunctors v6, distributive v6, contravariant v6 (Data.Functor.Contravariant): their instances for `Array`,
  `String`, functions, `Unit`, `Void`, `Proxy` and the other types, as known.

- prelude v6's record instances (`… (Record row)` and those of the classes over row lists, `EqRecord`,
  `ShowRecordFields`, …): Data.Eq (2064964136), Data.Ord (71442008421), Data.Bounded (1333924874), Data.Monoid
  (1477012599), Data.Semiring (1741980836), Data.Ring (1909502720), Data.Semigroup (2017696473),
  Data.HeytingAlgebra (28042487043), Data.CommutativeRing and Data.BooleanAlgebra (v5 texts, whose heads v6 kept),
  Data.Show (1779867084: v6's `Nub` constraint, from the CHANGELOG's v6.0.0 entry, and the chain of three
  `ShowRecordFields` instances).
- record v4: Record (index id 2143832709: `EqualFields`), Record.Builder (1911494265: `Semigroupoid` and
  `Category`, derived newtype instances).

- functors v5 (v4.1.1 less `MonadZero`, by its CHANGELOG.md, 28446902138): Data.Functor.App (46242239753, a v4.1
  text; its `Foldable`, `Traversable` and `*WithIndex` instances are foldable-traversable's since v4.0.0 and
  compared there), Data.Functor.Compose (1399914004), Data.Functor.Coproduct (2067648936), Data.Functor.Product
  (1239580650), Data.Functor.Flip (2295449525: v4.1.0's `Semigroupoid` and `Category`, and `Biapply`,
  `Biapplicative`, `Contravariant`, which Nova lacked), Data.Functor.Coproduct.Inject (23012833471; the chain's
  order is not compared). The stored Clown, Joker, Costar and Product2 sources are of an unreleased branch (a
  `FunctorRight` class); Joker, Costar and Product2 follow their v5.0.0 Pursuit pages (stored in the docs corpus,
  pursuit.purescript.org/packages/purescript-functors/5.0.0/docs/Data.Functor.Joker, .Costar, .Product2). No
  stored text lists Clown's v5 instances: not compared.
- lists v7: Data.List.ZipList (1765642341)."""

from __future__ import annotations

WARN_MAP = (
    "Warn (Text \"Data.Map's `Semigroup` instance is now unbiased and differs from the left-biased instance defined in"
    ' PureScript releases <= 0.13.x.")'
)
PRIVATE_HELPER = "a type of the module's own behind its defaults, not exported"

PUBLISHED: dict[str, str] = {
    # prelude v6, control v6, bifunctors v6, distributive v6, contravariant v6
    "Data.Eq": """
        Eq Boolean
        Eq Int
        Eq Number
        Eq Char
        Eq String
        Eq Unit
        Eq Void
        Eq a => Eq (Array a)
        Eq (Proxy a)
        Eq1 Array
        (RL.RowToList row list, EqRecord list row) => Eq (Record row)
        EqRecord RL.Nil row
        (EqRecord rowlistTail row, Row.Cons key focus rowTail row, IsSymbol key, Eq focus)
            => EqRecord (RL.Cons key focus rowlistTail) row
    """,
    "Data.Ord": """
        Ord Boolean
        Ord Int
        Ord Number
        Ord String
        Ord Char
        Ord Unit
        Ord Void
        Ord (Proxy a)
        Ord a => Ord (Array a)
        Ord Ordering
        Ord1 Array
        (RL.RowToList row list, OrdRecord list row) => Ord (Record row)
        OrdRecord RL.Nil row
        (OrdRecord rowlistTail row, Row.Cons key focus rowTail row, IsSymbol key, Ord focus)
            => OrdRecord (RL.Cons key focus rowlistTail) row
    """,
    "Data.Show": """
        Show Unit
        Show Boolean
        Show Int
        Show Number
        Show Char
        Show String
        Show a => Show (Array a)
        Show (Proxy a)
        Show Void
        (Nub rs rs, RL.RowToList rs ls, ShowRecordFields ls rs) => Show (Record rs)
        ShowRecordFields RL.Nil row
        (IsSymbol key, Show focus) => ShowRecordFields (RL.Cons key focus RL.Nil) row
        (IsSymbol key, ShowRecordFields rowlistTail row, Show focus)
            => ShowRecordFields (RL.Cons key focus rowlistTail) row
    """,
    "Data.Semigroup": """
        Semigroup String
        Semigroup Unit
        Semigroup Void
        Semigroup s' => Semigroup (s -> s')
        Semigroup (Array a)
        Semigroup (Proxy a)
        (RL.RowToList row list, SemigroupRecord list row row) => Semigroup (Record row)
        SemigroupRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, SemigroupRecord rowlistTail row subrowTail,
            Semigroup focus)
            => SemigroupRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.Monoid": """
        Monoid Unit
        Monoid Ordering
        Monoid b => Monoid (a -> b)
        Monoid String
        Monoid (Array a)
        Monoid (Proxy a)
        (RL.RowToList row list, MonoidRecord list row row) => Monoid (Record row)
        MonoidRecord RL.Nil row ()
        (IsSymbol key, Monoid focus, Row.Cons key focus subrowTail subrow, MonoidRecord rowlistTail row subrowTail)
            => MonoidRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.Bounded": """
        Bounded Boolean
        Bounded Int
        Bounded Char
        Bounded Ordering
        Bounded Unit
        Bounded Number
        Bounded (Proxy a)
        (RL.RowToList row list, BoundedRecord list row row) => Bounded (Record row)
        BoundedRecord RL.Nil row ()
        (IsSymbol key, Bounded focus, Row.Cons key focus rowTail row, Row.Cons key focus subrowTail subrow,
            BoundedRecord rowlistTail row subrowTail)
            => BoundedRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.HeytingAlgebra": """
        HeytingAlgebra Boolean
        HeytingAlgebra Unit
        HeytingAlgebra b => HeytingAlgebra (a -> b)
        HeytingAlgebra (Proxy a)
        (RL.RowToList row list, HeytingAlgebraRecord list row row) => HeytingAlgebra (Record row)
        HeytingAlgebraRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, HeytingAlgebraRecord rowlistTail row subrowTail,
            HeytingAlgebra focus)
            => HeytingAlgebraRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.BooleanAlgebra": """
        BooleanAlgebra Boolean
        BooleanAlgebra Unit
        BooleanAlgebra b => BooleanAlgebra (a -> b)
        BooleanAlgebra (Proxy a)
        (RL.RowToList row list, BooleanAlgebraRecord list row row) => BooleanAlgebra (Record row)
        BooleanAlgebraRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, BooleanAlgebraRecord rowlistTail row subrowTail,
            BooleanAlgebra focus)
            => BooleanAlgebraRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.Semiring": """
        Semiring Int
        Semiring Number
        Semiring b => Semiring (a -> b)
        Semiring Unit
        Semiring (Proxy a)
        (RL.RowToList row list, SemiringRecord list row row) => Semiring (Record row)
        SemiringRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, SemiringRecord rowlistTail row subrowTail,
            Semiring focus)
            => SemiringRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.Ring": """
        Ring Int
        Ring Number
        Ring Unit
        Ring b => Ring (a -> b)
        Ring (Proxy a)
        (RL.RowToList row list, RingRecord list row row) => Ring (Record row)
        RingRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, RingRecord rowlistTail row subrowTail, Ring focus)
            => RingRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.CommutativeRing": """
        CommutativeRing Int
        CommutativeRing Number
        CommutativeRing Unit
        CommutativeRing b => CommutativeRing (a -> b)
        CommutativeRing (Proxy a)
        (RL.RowToList row list, CommutativeRingRecord list row row) => CommutativeRing (Record row)
        CommutativeRingRecord RL.Nil row ()
        (IsSymbol key, Row.Cons key focus subrowTail subrow, CommutativeRingRecord rowlistTail row subrowTail,
            CommutativeRing focus)
            => CommutativeRingRecord (RL.Cons key focus rowlistTail) row subrow
    """,
    "Data.EuclideanRing": """
        EuclideanRing Int
        EuclideanRing Number
    """,
    "Data.DivisionRing": """
        DivisionRing Number
    """,
    "Data.Field": """
        (EuclideanRing a, DivisionRing a) => Field a
    """,
    "Data.Functor": """
        Functor (Function r)
        Functor Array
        Functor Proxy
    """,
    "Control.Apply": """
        Apply (Function r)
        Apply Array
        Apply Proxy
    """,
    "Control.Applicative": """
        Applicative (Function r)
        Applicative Array
        Applicative Proxy
    """,
    "Control.Bind": """
        Bind (Function r)
        Bind Array
        Bind Proxy
        Discard Unit
        Discard (Proxy a)
    """,
    "Control.Monad": """
        Monad (Function r)
        Monad Array
        Monad Proxy
    """,
    "Control.Category": """
        Category Function
    """,
    "Control.Semigroupoid": """
        Semigroupoid Function
    """,
    "Control.Alt": """
        Alt Array
    """,
    "Control.Plus": """
        Plus Array
    """,
    "Control.Alternative": """
        Alternative Array
    """,
    "Control.MonadPlus": """
        MonadPlus Array
    """,
    "Control.Extend": """
        Semigroup w => Extend (Function w)
        Extend Array
    """,
    "Control.Comonad": "",
    "Control.Lazy": """
        Lazy (a -> b)
        Lazy Unit
    """,
    "Data.Bifunctor": """
        Bifunctor Either
        Bifunctor Tuple
        Bifunctor Const
    """,
    "Data.Distributive": """
        Distributive Identity
        Distributive (Function e)
    """,
    "Data.Functor.Contravariant": """
        Contravariant (Const a)
    """,
    "Data.Function": "",
    "Data.Maybe": """
        Functor Maybe
        Apply Maybe
        Applicative Maybe
        Alt Maybe
        Plus Maybe
        Alternative Maybe
        Bind Maybe
        Monad Maybe
        Extend Maybe
        Invariant Maybe
        Semigroup a => Semigroup (Maybe a)
        Semigroup a => Monoid (Maybe a)
        Semiring a => Semiring (Maybe a)
        Eq a => Eq (Maybe a)
        Eq1 Maybe
        Ord a => Ord (Maybe a)
        Ord1 Maybe
        Bounded a => Bounded (Maybe a)
        Show a => Show (Maybe a)
        Generic (Maybe a) _
    """,
    "Data.Maybe.First": """
        Newtype (First a) (Maybe a)
        Eq a => Eq (First a)
        Eq1 First
        Ord a => Ord (First a)
        Ord1 First
        Bounded a => Bounded (First a)
        Functor First
        Apply First
        Applicative First
        Bind First
        Monad First
        Extend First
        Show a => Show (First a)
        Semigroup (First a)
        Monoid (First a)
        Alt First
        Plus First
        Alternative First
    """,
    "Data.Maybe.Last": """
        Newtype (Last a) (Maybe a)
        Eq a => Eq (Last a)
        Eq1 Last
        Ord a => Ord (Last a)
        Ord1 Last
        Bounded a => Bounded (Last a)
        Functor Last
        Apply Last
        Applicative Last
        Bind Last
        Monad Last
        Extend Last
        Show a => Show (Last a)
        Semigroup (Last a)
        Monoid (Last a)
        Alt Last
        Plus Last
        Alternative Last
    """,
    "Data.Either": """
        Functor (Either a)
        Generic (Either a b) _
        Invariant (Either a)
        Apply (Either e)
        Applicative (Either e)
        Alt (Either e)
        Bind (Either e)
        Monad (Either e)
        Extend (Either e)
        (Show a, Show b) => Show (Either a b)
        (Eq a, Eq b) => Eq (Either a b)
        Eq a => Eq1 (Either a)
        (Ord a, Ord b) => Ord (Either a b)
        Ord a => Ord1 (Either a)
        (Bounded a, Bounded b) => Bounded (Either a b)
        Semigroup b => Semigroup (Either a b)
    """,
    "Data.Tuple": """
        (Show a, Show b) => Show (Tuple a b)
        (Eq a, Eq b) => Eq (Tuple a b)
        Eq a => Eq1 (Tuple a)
        (Ord a, Ord b) => Ord (Tuple a b)
        Ord a => Ord1 (Tuple a)
        (Bounded a, Bounded b) => Bounded (Tuple a b)
        Semigroupoid Tuple
        (Semigroup a, Semigroup b) => Semigroup (Tuple a b)
        (Monoid a, Monoid b) => Monoid (Tuple a b)
        (Semiring a, Semiring b) => Semiring (Tuple a b)
        (Ring a, Ring b) => Ring (Tuple a b)
        (CommutativeRing a, CommutativeRing b) => CommutativeRing (Tuple a b)
        (HeytingAlgebra a, HeytingAlgebra b) => HeytingAlgebra (Tuple a b)
        (BooleanAlgebra a, BooleanAlgebra b) => BooleanAlgebra (Tuple a b)
        Functor (Tuple a)
        Generic (Tuple a b) _
        Invariant (Tuple a)
        Semigroup a => Apply (Tuple a)
        Monoid a => Applicative (Tuple a)
        Semigroup a => Bind (Tuple a)
        Monoid a => Monad (Tuple a)
        Extend (Tuple a)
        Comonad (Tuple a)
        (Lazy a, Lazy b) => Lazy (Tuple a b)
    """,
    "Data.Identity": """
        Newtype (Identity a) a
        Eq a => Eq (Identity a)
        Ord a => Ord (Identity a)
        Bounded a => Bounded (Identity a)
        HeytingAlgebra a => HeytingAlgebra (Identity a)
        BooleanAlgebra a => BooleanAlgebra (Identity a)
        Semigroup a => Semigroup (Identity a)
        Monoid a => Monoid (Identity a)
        Semiring a => Semiring (Identity a)
        EuclideanRing a => EuclideanRing (Identity a)
        Ring a => Ring (Identity a)
        CommutativeRing a => CommutativeRing (Identity a)
        Lazy a => Lazy (Identity a)
        Show a => Show (Identity a)
        Eq1 Identity
        Ord1 Identity
        Functor Identity
        Invariant Identity
        Alt Identity
        Apply Identity
        Applicative Identity
        Bind Identity
        Monad Identity
        Extend Identity
        Comonad Identity
    """,
    "Data.Const": """
        Newtype (Const a b) a
        Eq a => Eq (Const a b)
        Eq a => Eq1 (Const a)
        Ord a => Ord (Const a b)
        Ord a => Ord1 (Const a)
        Bounded a => Bounded (Const a b)
        Show a => Show (Const a b)
        Semigroupoid Const
        Semigroup a => Semigroup (Const a b)
        Monoid a => Monoid (Const a b)
        Semiring a => Semiring (Const a b)
        Ring a => Ring (Const a b)
        EuclideanRing a => EuclideanRing (Const a b)
        CommutativeRing a => CommutativeRing (Const a b)
        HeytingAlgebra a => HeytingAlgebra (Const a b)
        BooleanAlgebra a => BooleanAlgebra (Const a b)
        Functor (Const a)
        Invariant (Const a)
        Semigroup a => Apply (Const a)
        Monoid a => Applicative (Const a)
    """,
    "Data.NonEmpty": """
        (Show a, Show (f a)) => Show (NonEmpty f a)
        (Eq1 f, Eq a) => Eq (NonEmpty f a)
        Eq1 f => Eq1 (NonEmpty f)
        (Ord1 f, Ord a) => Ord (NonEmpty f a)
        Ord1 f => Ord1 (NonEmpty f)
        Functor f => Functor (NonEmpty f)
        FunctorWithIndex i f => FunctorWithIndex (Maybe i) (NonEmpty f)
        Foldable f => Foldable (NonEmpty f)
        FoldableWithIndex i f => FoldableWithIndex (Maybe i) (NonEmpty f)
        Traversable f => Traversable (NonEmpty f)
        TraversableWithIndex i f => TraversableWithIndex (Maybe i) (NonEmpty f)
        Foldable f => Foldable1 (NonEmpty f)
        Unfoldable f => Unfoldable1 (NonEmpty f)
        (Applicative f, Semigroup (f a)) => Semigroup (NonEmpty f a)
    """,
    "Data.List.Types": """
        Show a => Show (List a)
        Eq a => Eq (List a)
        Eq1 List
        Ord a => Ord (List a)
        Ord1 List
        Semigroup (List a)
        Monoid (List a)
        Functor List
        FunctorWithIndex Int List
        Foldable List
        FoldableWithIndex Int List
        Unfoldable1 List
        Unfoldable List
        Traversable List
        TraversableWithIndex Int List
        Apply List
        Applicative List
        Bind List
        Monad List
        Alt List
        Plus List
        Alternative List
        MonadPlus List
        Extend List
        Newtype (NonEmptyList a) (NonEmpty List a)
        Eq a => Eq (NonEmptyList a)
        Ord a => Ord (NonEmptyList a)
        Eq1 NonEmptyList
        Ord1 NonEmptyList
        Show a => Show (NonEmptyList a)
        Functor NonEmptyList
        Apply NonEmptyList
        Applicative NonEmptyList
        Bind NonEmptyList
        Monad NonEmptyList
        Alt NonEmptyList
        Extend NonEmptyList
        Comonad NonEmptyList
        Semigroup (NonEmptyList a)
        Foldable NonEmptyList
        Traversable NonEmptyList
        Foldable1 NonEmptyList
        Unfoldable1 NonEmptyList
        FunctorWithIndex Int NonEmptyList
        FoldableWithIndex Int NonEmptyList
        TraversableWithIndex Int NonEmptyList
        Traversable1 NonEmptyList
    """,
    "Data.List.Lazy.Types": """
        Show a => Show (Step a)
        Newtype (List a) (Lazy (Step a))
        Show a => Show (List a)
        Eq a => Eq (List a)
        Eq1 List
        Ord a => Ord (List a)
        Ord1 List
        Lazy (List a)
        Semigroup (List a)
        Monoid (List a)
        Functor List
        FunctorWithIndex Int List
        Foldable List
        FoldableWithIndex Int List
        Unfoldable1 List
        Unfoldable List
        Traversable List
        TraversableWithIndex Int List
        Apply List
        Applicative List
        Bind List
        Monad List
        Alt List
        Plus List
        Alternative List
        MonadPlus List
        Extend List
        Newtype (NonEmptyList a) (Lazy (NonEmpty List a))
        Eq a => Eq (NonEmptyList a)
        Ord a => Ord (NonEmptyList a)
        Eq1 NonEmptyList
        Ord1 NonEmptyList
        Show a => Show (NonEmptyList a)
        Functor NonEmptyList
        Apply NonEmptyList
        Applicative NonEmptyList
        Bind NonEmptyList
        Monad NonEmptyList
        Alt NonEmptyList
        Extend NonEmptyList
        Comonad NonEmptyList
        Semigroup (NonEmptyList a)
        Foldable NonEmptyList
        Traversable NonEmptyList
        Unfoldable1 NonEmptyList
        FunctorWithIndex Int NonEmptyList
        FoldableWithIndex Int NonEmptyList
        TraversableWithIndex Int NonEmptyList
    """,
    "Data.Array.NonEmpty.Internal": """
        Show a => Show (NonEmptyArray a)
        Eq a => Eq (NonEmptyArray a)
        Eq1 NonEmptyArray
        Ord a => Ord (NonEmptyArray a)
        Ord1 NonEmptyArray
        Semigroup (NonEmptyArray a)
        Functor NonEmptyArray
        FunctorWithIndex Int NonEmptyArray
        Foldable NonEmptyArray
        FoldableWithIndex Int NonEmptyArray
        Foldable1 NonEmptyArray
        Unfoldable1 NonEmptyArray
        Traversable NonEmptyArray
        TraversableWithIndex Int NonEmptyArray
        Traversable1 NonEmptyArray
        Apply NonEmptyArray
        Applicative NonEmptyArray
        Bind NonEmptyArray
        Monad NonEmptyArray
        Alt NonEmptyArray
    """,
    "Data.Map.Internal": f"""
        Eq k => Eq1 (Map k)
        (Eq k, Eq v) => Eq (Map k v)
        Ord k => Ord1 (Map k)
        (Ord k, Ord v) => Ord (Map k v)
        (Show k, Show v) => Show (Map k v)
        ({WARN_MAP}, Ord k, Semigroup v) => Semigroup (Map k v)
        ({WARN_MAP}, Ord k, Semigroup v) => Monoid (Map k v)
        Ord k => Alt (Map k)
        Ord k => Plus (Map k)
        Functor (Map k)
        FunctorWithIndex k (Map k)
        Ord k => Apply (Map k)
        Ord k => Bind (Map k)
        Foldable (Map k)
        FoldableWithIndex k (Map k)
        Traversable (Map k)
        TraversableWithIndex k (Map k)
    """,
    "Data.Foldable": """
        Foldable Array
        Foldable Maybe
        Foldable First
        Foldable Last
        Foldable Additive
        Foldable Dual
        Foldable Disj
        Foldable Conj
        Foldable Multiplicative
        Foldable (Either a)
        Foldable (Tuple a)
        Foldable Identity
        Foldable (Const a)
        (Foldable f, Foldable g) => Foldable (Product f g)
        (Foldable f, Foldable g) => Foldable (Coproduct f g)
        (Foldable f, Foldable g) => Foldable (Compose f g)
        Foldable f => Foldable (App f)
    """,
    "Data.Traversable": """
        Traversable Array
        Traversable Maybe
        Traversable First
        Traversable Last
        Traversable Additive
        Traversable Dual
        Traversable Conj
        Traversable Disj
        Traversable Multiplicative
        Traversable (Either a)
        Traversable (Tuple a)
        Traversable Identity
        Traversable (Const a)
        (Traversable f, Traversable g) => Traversable (Product f g)
        (Traversable f, Traversable g) => Traversable (Coproduct f g)
        (Traversable f, Traversable g) => Traversable (Compose f g)
        Traversable f => Traversable (App f)
    """,
    "Data.FunctorWithIndex": """
        FunctorWithIndex Int Array
        FunctorWithIndex Unit Maybe
        FunctorWithIndex Unit First
        FunctorWithIndex Unit Last
        FunctorWithIndex Unit Additive
        FunctorWithIndex Unit Dual
        FunctorWithIndex Unit Conj
        FunctorWithIndex Unit Disj
        FunctorWithIndex Unit Multiplicative
        FunctorWithIndex Unit (Either a)
        FunctorWithIndex Unit (Tuple a)
        FunctorWithIndex Unit Identity
        FunctorWithIndex Void (Const a)
        (FunctorWithIndex a f, FunctorWithIndex b g) => FunctorWithIndex (Either a b) (Product f g)
        (FunctorWithIndex a f, FunctorWithIndex b g) => FunctorWithIndex (Either a b) (Coproduct f g)
        (FunctorWithIndex a f, FunctorWithIndex b g) => FunctorWithIndex (Tuple a b) (Compose f g)
        FunctorWithIndex a f => FunctorWithIndex a (App f)
    """,
    "Data.FoldableWithIndex": """
        FoldableWithIndex Int Array
        FoldableWithIndex Unit Maybe
        FoldableWithIndex Unit First
        FoldableWithIndex Unit Last
        FoldableWithIndex Unit Additive
        FoldableWithIndex Unit Dual
        FoldableWithIndex Unit Conj
        FoldableWithIndex Unit Disj
        FoldableWithIndex Unit Multiplicative
        FoldableWithIndex Unit (Either a)
        FoldableWithIndex Unit (Tuple a)
        FoldableWithIndex Unit Identity
        FoldableWithIndex Void (Const a)
        (FoldableWithIndex a f, FoldableWithIndex b g) => FoldableWithIndex (Either a b) (Product f g)
        (FoldableWithIndex a f, FoldableWithIndex b g) => FoldableWithIndex (Either a b) (Coproduct f g)
        (FoldableWithIndex a f, FoldableWithIndex b g) => FoldableWithIndex (Tuple a b) (Compose f g)
        FoldableWithIndex a f => FoldableWithIndex a (App f)
    """,
    "Data.TraversableWithIndex": """
        TraversableWithIndex Int Array
        TraversableWithIndex Unit Maybe
        TraversableWithIndex Unit First
        TraversableWithIndex Unit Last
        TraversableWithIndex Unit Additive
        TraversableWithIndex Unit Dual
        TraversableWithIndex Unit Conj
        TraversableWithIndex Unit Disj
        TraversableWithIndex Unit Multiplicative
        TraversableWithIndex Unit (Either a)
        TraversableWithIndex Unit (Tuple a)
        TraversableWithIndex Unit Identity
        TraversableWithIndex Void (Const a)
        (TraversableWithIndex a f, TraversableWithIndex b g) => TraversableWithIndex (Either a b) (Product f g)
        (TraversableWithIndex a f, TraversableWithIndex b g) => TraversableWithIndex (Either a b) (Coproduct f g)
        (TraversableWithIndex a f, TraversableWithIndex b g) => TraversableWithIndex (Tuple a b) (Compose f g)
        TraversableWithIndex a f => TraversableWithIndex a (App f)
    """,
    "Data.Semigroup.Foldable": """
        Foldable1 Dual
        Foldable1 Multiplicative
        Foldable1 (Tuple a)
        Foldable1 Identity
    """,
    "Data.Semigroup.Traversable": """
        Traversable1 Dual
        Traversable1 Multiplicative
        Traversable1 (Tuple a)
        Traversable1 Identity
    """,
    "Data.Unfoldable": """
        Unfoldable Array
        Unfoldable Maybe
    """,
    "Data.Unfoldable1": """
        Unfoldable1 Array
        Unfoldable1 Maybe
    """,
    "Data.Functor.Invariant": """
        Invariant (Function a)
        Invariant Array
        Invariant Additive
        Invariant Conj
        Invariant Disj
        Invariant Dual
        Invariant (Endo Function)
        Invariant Multiplicative
    """,
    "Control.Monad.Rec.Class": """
        Functor (Step a)
        Bifunctor Step
        MonadRec Identity
        MonadRec Effect
        MonadRec (Function e)
        MonadRec (Either e)
        MonadRec Maybe
    """,
    "Data.Set": """
        Eq a => Eq (Set a)
        Eq1 Set
        Show a => Show (Set a)
        Ord a => Ord (Set a)
        Ord1 Set
        Ord a => Monoid (Set a)
        Ord a => Semigroup (Set a)
        Foldable Set
    """,
    "Data.Monoid.Additive": """
        Eq a => Eq (Additive a)
        Eq1 Additive
        Ord a => Ord (Additive a)
        Ord1 Additive
        Bounded a => Bounded (Additive a)
        Show a => Show (Additive a)
        Functor Additive
        Apply Additive
        Applicative Additive
        Bind Additive
        Monad Additive
        Semiring a => Semigroup (Additive a)
        Semiring a => Monoid (Additive a)
    """,
    "Data.Monoid.Multiplicative": """
        Eq a => Eq (Multiplicative a)
        Eq1 Multiplicative
        Ord a => Ord (Multiplicative a)
        Ord1 Multiplicative
        Bounded a => Bounded (Multiplicative a)
        Show a => Show (Multiplicative a)
        Functor Multiplicative
        Apply Multiplicative
        Applicative Multiplicative
        Bind Multiplicative
        Monad Multiplicative
        Semiring a => Semigroup (Multiplicative a)
        Semiring a => Monoid (Multiplicative a)
    """,
    "Data.Monoid.Conj": """
        Eq a => Eq (Conj a)
        Eq1 Conj
        Ord a => Ord (Conj a)
        Ord1 Conj
        Bounded a => Bounded (Conj a)
        Show a => Show (Conj a)
        Functor Conj
        Apply Conj
        Applicative Conj
        Bind Conj
        Monad Conj
        HeytingAlgebra a => Semigroup (Conj a)
        HeytingAlgebra a => Monoid (Conj a)
        HeytingAlgebra a => Semiring (Conj a)
    """,
    "Data.Monoid.Disj": """
        Eq a => Eq (Disj a)
        Eq1 Disj
        Ord a => Ord (Disj a)
        Ord1 Disj
        Bounded a => Bounded (Disj a)
        Show a => Show (Disj a)
        Functor Disj
        Apply Disj
        Applicative Disj
        Bind Disj
        Monad Disj
        HeytingAlgebra a => Semigroup (Disj a)
        HeytingAlgebra a => Monoid (Disj a)
        HeytingAlgebra a => Semiring (Disj a)
    """,
    "Data.Monoid.Dual": """
        Eq a => Eq (Dual a)
        Eq1 Dual
        Ord a => Ord (Dual a)
        Ord1 Dual
        Bounded a => Bounded (Dual a)
        Show a => Show (Dual a)
        Functor Dual
        Apply Dual
        Applicative Dual
        Bind Dual
        Monad Dual
        Semigroup a => Semigroup (Dual a)
        Monoid a => Monoid (Dual a)
    """,
    "Data.Monoid.Endo": """
        Eq (c a a) => Eq (Endo c a)
        Ord (c a a) => Ord (Endo c a)
        Bounded (c a a) => Bounded (Endo c a)
        Show (c a a) => Show (Endo c a)
        Semigroupoid c => Semigroup (Endo c a)
        Category c => Monoid (Endo c a)
    """,
    "Data.Semigroup.First": """
        Eq a => Eq (First a)
        Eq1 First
        Ord a => Ord (First a)
        Ord1 First
        Bounded a => Bounded (First a)
        Show a => Show (First a)
        Functor First
        Apply First
        Applicative First
        Bind First
        Monad First
        Semigroup (First a)
    """,
    "Data.Semigroup.Last": """
        Eq a => Eq (Last a)
        Eq1 Last
        Ord a => Ord (Last a)
        Ord1 Last
        Bounded a => Bounded (Last a)
        Show a => Show (Last a)
        Functor Last
        Apply Last
        Applicative Last
        Bind Last
        Monad Last
        Semigroup (Last a)
    """,
    "Data.Ordering": """
        Eq Ordering
        Semigroup Ordering
        Show Ordering
    """,
    "Data.Unit": "",
    "Data.Void": "",
    "Type.Proxy": "",
    "Effect": """
        Functor Effect
        Apply Effect
        Applicative Effect
        Bind Effect
        Monad Effect
        Semigroup a => Semigroup (Effect a)
        Monoid a => Monoid (Effect a)
    """,
    "Control.Monad.ST.Internal": """
        Functor (ST r)
        Apply (ST r)
        Applicative (ST r)
        Bind (ST r)
        Monad (ST r)
        MonadRec (ST r)
        Semigroup a => Semigroup (ST r a)
        Monoid a => Monoid (ST r a)
    """,
    # functors v5
    "Data.Functor.App": """
        Newtype (App f a) (f a)
        (Eq1 f, Eq a) => Eq (App f a)
        Eq1 f => Eq1 (App f)
        (Ord1 f, Ord a) => Ord (App f a)
        Ord1 f => Ord1 (App f)
        Show (f a) => Show (App f a)
        (Apply f, Semigroup a) => Semigroup (App f a)
        (Applicative f, Monoid a) => Monoid (App f a)
        Functor f => Functor (App f)
        Apply f => Apply (App f)
        Applicative f => Applicative (App f)
        Bind f => Bind (App f)
        Monad f => Monad (App f)
        Alt f => Alt (App f)
        Plus f => Plus (App f)
        Alternative f => Alternative (App f)
        MonadPlus f => MonadPlus (App f)
        Lazy (f a) => Lazy (App f a)
        Extend f => Extend (App f)
        Comonad f => Comonad (App f)
    """,
    "Data.Functor.Compose": """
        Newtype (Compose f g a) (f (g a))
        (Eq1 f, Eq1 g, Eq a) => Eq (Compose f g a)
        (Eq1 f, Eq1 g) => Eq1 (Compose f g)
        (Ord1 f, Ord1 g, Ord a) => Ord (Compose f g a)
        (Ord1 f, Ord1 g) => Ord1 (Compose f g)
        Show (f (g a)) => Show (Compose f g a)
        (Functor f, Functor g) => Functor (Compose f g)
        (Apply f, Apply g) => Apply (Compose f g)
        (Applicative f, Applicative g) => Applicative (Compose f g)
        (Alt f, Functor g) => Alt (Compose f g)
        (Plus f, Functor g) => Plus (Compose f g)
        (Alternative f, Applicative g) => Alternative (Compose f g)
    """,
    "Data.Functor.Coproduct": """
        Newtype (Coproduct f g a) (Either (f a) (g a))
        (Eq1 f, Eq1 g, Eq a) => Eq (Coproduct f g a)
        (Eq1 f, Eq1 g) => Eq1 (Coproduct f g)
        (Ord1 f, Ord1 g, Ord a) => Ord (Coproduct f g a)
        (Ord1 f, Ord1 g) => Ord1 (Coproduct f g)
        (Show (f a), Show (g a)) => Show (Coproduct f g a)
        (Functor f, Functor g) => Functor (Coproduct f g)
        (Extend f, Extend g) => Extend (Coproduct f g)
        (Comonad f, Comonad g) => Comonad (Coproduct f g)
    """,
    "Data.Functor.Product": """
        Newtype (Product f g a) (Tuple (f a) (g a))
        (Eq1 f, Eq1 g, Eq a) => Eq (Product f g a)
        (Eq1 f, Eq1 g) => Eq1 (Product f g)
        (Ord1 f, Ord1 g, Ord a) => Ord (Product f g a)
        (Ord1 f, Ord1 g) => Ord1 (Product f g)
        (Show (f a), Show (g a)) => Show (Product f g a)
        (Functor f, Functor g) => Functor (Product f g)
        (Apply f, Apply g) => Apply (Product f g)
        (Applicative f, Applicative g) => Applicative (Product f g)
        (Bind f, Bind g) => Bind (Product f g)
        (Monad f, Monad g) => Monad (Product f g)
    """,
    "Data.Functor.Flip": """
        Newtype (Flip p a b) (p b a)
        Eq (p b a) => Eq (Flip p a b)
        Ord (p b a) => Ord (Flip p a b)
        Show (p a b) => Show (Flip p b a)
        Bifunctor p => Functor (Flip p a)
        Bifunctor p => Bifunctor (Flip p)
        Biapply p => Biapply (Flip p)
        Biapplicative p => Biapplicative (Flip p)
        Profunctor p => Contravariant (Flip p b)
        Semigroupoid p => Semigroupoid (Flip p)
        Category p => Category (Flip p)
    """,
    "Data.Functor.Joker": """
        Newtype (Joker f a b) (f b)
        Eq (f b) => Eq (Joker f a b)
        Ord (f b) => Ord (Joker f a b)
        Show (f b) => Show (Joker f a b)
        Functor f => Functor (Joker f a)
        Apply f => Apply (Joker f a)
        Applicative f => Applicative (Joker f a)
        Bind f => Bind (Joker f a)
        Monad m => Monad (Joker m a)
        Functor g => Bifunctor (Joker g)
        Apply g => Biapply (Joker g)
        Applicative g => Biapplicative (Joker g)
        Functor f => Profunctor (Joker f)
        Functor f => Choice (Joker f)
    """,
    "Data.Functor.Costar": """
        Newtype (Costar f a b) (f a -> b)
        Extend f => Semigroupoid (Costar f)
        Comonad f => Category (Costar f)
        Functor (Costar f a)
        Invariant (Costar f a)
        Apply (Costar f a)
        Applicative (Costar f a)
        Bind (Costar f a)
        Monad (Costar f a)
        Distributive (Costar f a)
        Contravariant f => Bifunctor (Costar f)
        Functor f => Profunctor (Costar f)
        Comonad f => Strong (Costar f)
        Functor f => Closed (Costar f)
    """,
    "Data.Functor.Product2": """
        (Eq (f a b), Eq (g a b)) => Eq (Product2 f g a b)
        (Ord (f a b), Ord (g a b)) => Ord (Product2 f g a b)
        (Show (f a b), Show (g a b)) => Show (Product2 f g a b)
        (Functor (f a), Functor (g a)) => Functor (Product2 f g a)
        (Bifunctor f, Bifunctor g) => Bifunctor (Product2 f g)
        (Biapply f, Biapply g) => Biapply (Product2 f g)
        (Biapplicative f, Biapplicative g) => Biapplicative (Product2 f g)
        (Profunctor f, Profunctor g) => Profunctor (Product2 f g)
    """,
    "Data.Functor.Coproduct.Inject": """
        Inject f (Coproduct f g)
        Inject f g => Inject f (Coproduct h g)
        Inject f f
    """,
    # lists v7
    "Data.List.ZipList": """
        Show a => Show (ZipList a)
        Newtype (ZipList a) (List a)
        Eq a => Eq (ZipList a)
        Ord a => Ord (ZipList a)
        Semigroup (ZipList a)
        Monoid (ZipList a)
        Foldable ZipList
        Traversable ZipList
        Functor ZipList
        Apply ZipList
        Applicative ZipList
        Alt ZipList
        Plus ZipList
        Alternative ZipList
    """,
    # record v4
    "Record": """
        (IsSymbol name, Eq ty, Cons name ty tailRow row, EqualFields tail row) => EqualFields (Cons name ty tail) row
        EqualFields Nil row
    """,
    "Record.Builder": """
        Semigroupoid Builder
        Category Builder
    """,
}

DEFINED_IN: dict[str, str] = {
    "Control.Monad.ST.Internal": "Control.Monad.ST",
}
"""Published modules whose instances Nova defines in another module (which the published one re-exports)."""

EXTRA: dict[str, dict[str, str]] = {
    "Data.Semigroup.Foldable": {
        "Apply f => Semigroup (Act f a)": PRIVATE_HELPER,
        "Semigroup (Elems a)": PRIVATE_HELPER,
        "Semigroup m => Semigroup (JoinWith m)": PRIVATE_HELPER,
    },
    "Data.Identity": {
        "DivisionRing a => DivisionRing (Identity a)": "the other numeric classes are derived through the newtype too",
    },
    "Data.List.ZipList": {
        'Fail (Text "ZipList is not Bind. Any implementation would break the associativity law") => Bind ZipList': (
            "published too (`zipListIsNotBind`), whose message is a multi-line string that adds the alternatives "
            "`Data.List.List` and `Data.List.Lazy.List`; Nova's says the first sentence on one line"
        ),
    },
}
"""Instances Nova's module defines that the published one does not, with why."""

NOT_YET: dict[str, dict[str, str]] = {}
"""Published instances Nova does not define (in that module, with that context) yet, with why."""
