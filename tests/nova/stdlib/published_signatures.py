"""The published signatures of the exported values of some of PureScript's core-library modules, for comparison
with the schemes of Nova's standard library (up to renaming of type variables). One `name :: type` a line (a line
starting with `->` or `=>` continues it), in PureScript's syntax, as the package's source declares it; operators are
left out (each aliases a listed function).
Every signature is read from the newest stored text of the package through the code index (the index ids and
commits `published_exports.py` names for the export lists), except where said:
- integers: Data.Int at v6 (1562920725), Data.Int.Bits (its v6 docs, 23520313382). numbers: Data.Number at v9
  (71098909734), Data.Number.Approximate (523269740, 23758360673), Data.Number.Format (936140224).
- effect: Effect (12308651477), Effect.Uncurried (12731482500), Effect.Unsafe (753818941); Effect.Class's
  `liftEffect` is the class method of 0.15's `MonadEffect` (the stored revision 12652858206 postdates it).
- refs: Effect.Ref at v6 (1372893167). console: Effect.Console (3133885426); Effect.Class.Console (16089883772,
  v5-era: the later names are given the same shape, `MonadEffect m =>` and `m Unit`; `grouped`, whose lifted
  type is not stored, is left out).
- st: Control.Monad.ST.Internal at v5/v6 (1938367541: `write` returns the value written),
  Control.Monad.ST.Uncurried (41653930828, the arity pattern of `STFn1`…`STFn10`), Control.Monad.ST.Global
  (2163579902); Control.Monad.ST.Class's `liftST` after the v6 class (`ST s ~> m`).
- functions: Data.Function.Uncurried (9305277894, with `Fn1` the synonym of `->` it is since v2.0.0).
- unfoldable: Data.Unfoldable (2164226316), Data.Unfoldable1 (4615047338;
  1789957068 for `iterateN`, over `Unfoldable1`). lazy: Data.Lazy (2040955282);
  Control.Lazy (1100774408). partial: Partial.Unsafe (2162028632). safe-coerce: Safe.Coerce (1311608482).
- bifunctors: Control.Biapply (1606443653), Data.Bifunctor (12405252655); Control.Biapplicative and
  Data.Bifunctor.Join as of v6. distributive: Data.Distributive (659785353). orders: Data.Ord.Down (40391492128).
- prelude: Data.Generic.Rep (1349475983), Data.Symbol and Type.Proxy (29807408726), Data.Reflectable
  (1687221144).
- record v4: Record (2143832709), Record.Builder (1911494265), Record.Unsafe.Union (1410395396).
- prelude v6 (CHANGELOG.md 28141521206: monomorphic `Proxy` in the record classes since v6.0.0): Data.Eq
  (28141912339; `EqRecord` 2064964136), Data.Ord (27407027958; `OrdRecord` 11617668635), Data.Show (1779867084:
  the newer `showRecordFields` returning `String`, the form compiled 0.15 output 11042997686 uses; v6.0.0's docs
  10965265218 still had `Array String`), Data.Semiring (1741980836), Data.Ring (1909502720), Data.EuclideanRing
  (27242632459), Data.DivisionRing (1347108276), Data.HeytingAlgebra (its docs 23378584865), Data.Bounded
  (1333924874), Data.Semigroup (2017696473), Data.Monoid (1477012599), Data.Monoid.Endo (27935157437), the other
  `Data.Monoid.*`/`Data.Semigroup.*` newtypes (29807408726), Data.Function (27398179867), Data.Functor
  (11947968107), Control.Apply (27642579055), Control.Applicative (27201369217), Control.Bind (27345910755; `ap`
  moved to Control.Monad), Control.Monad (27587282015), Control.Semigroupoid and Control.Category (423633648,
  29807408726), Data.Ordering, Data.Unit, Data.Void, Data.Boolean (29807408726), the `*.Generic` modules (Show
  24001051875, Eq 2382099544, Ord 1753821484, Bounded 1651263023, Monoid 1332310488, Semigroup 1786643322,
  Semiring 1556708309, Ring 2235777145, HeytingAlgebra 2204634208), Record.Unsafe (1629734542). Prelude,
  Data.CommutativeRing, Data.Field, Data.BooleanAlgebra and Data.NaturalTransformation declare no values of their
  own (their re-exports are compared in their home modules)."""

from __future__ import annotations

_LETTERS = "abcdefghij"


def _uncurried(kind: str, result: str, region: str = "", first: int = 1) -> str:
    """`mk{kind}Fn1`…`mk{kind}Fn10` and `run{kind}Fn1`…`run{kind}Fn10` of Data.Function.Uncurried (`kind` empty),
    Effect.Uncurried and Control.Monad.ST.Uncurried follow one pattern, the published one: `result` wraps the
    function's result `r` (`Effect r`, `ST t r`, or just `r`), `region` is an extra last-but-one parameter, `first`
    the first arity."""
    lines = []
    for n in range(first, 11):
        args = " ".join([*_LETTERS[:n], *region.split()])
        arrows = " -> ".join(_LETTERS[:n])
        fn = f"{kind}Fn{n} {args} r"
        lines.append(f"mk{kind}Fn{n} :: forall {args} r. ({arrows} -> {result}) -> {fn}")
        lines.append(f"run{kind}Fn{n} :: forall {args} r. {fn} -> {arrows} -> {result}")
    return "\n".join(lines)


def _nested(n: int) -> str:
    """The `n` first of the letters Data.Tuple.Nested and Data.Either.Nested name their components by."""
    return " ".join(_LETTERS[:n])


def _tuple_nested() -> str:
    """Data.Tuple.Nested's `tupleN`, `getN`, `overN`, `uncurryN` and `curryN` for N = 1…10 follow one published
    pattern (1814964566): `TupleN` is `T(N+1) … Unit`, and `T(N+1) a … z` a tuple of at least N components whose
    tail is `z`."""
    lines = []
    for n in range(1, 11):
        vs, last, init = _nested(n), _LETTERS[n - 1], _nested(n - 1)
        t = f"T{n + 1} {vs} z"
        arrows = " -> ".join(_LETTERS[:n])
        lines.append(f"tuple{n} :: forall {vs}. {arrows} -> Tuple{n} {vs}")
        lines.append(f"get{n} :: forall {vs} z. {t} -> {last}")
        lines.append(f"over{n} :: forall {vs} r z. ({last} -> r) -> {t} -> T{n + 1} {init} r z".replace("  ", " "))
        lines.append(f"uncurry{n} :: forall {vs} r z. ({arrows} -> r) -> {t} -> r")
        lines.append(f"curry{n} :: forall {vs} r z. z -> ({t} -> r) -> {arrows} -> r")
    return "\n".join(lines)


def _either_nested() -> str:
    """Data.Either.Nested's `inN`, `atN` and `eitherN` for N = 1…10 follow one published pattern (2301255037):
    `a \\/ b \\/ z` is `Either a (Either b z)`, `EitherN a …` ends in `Void`."""
    lines = ["either1 :: forall a. Either1 a -> a"]
    for n in range(1, 11):
        vs, last = _nested(n), _LETTERS[n - 1]
        sum_ = " \\/ ".join([*_LETTERS[:n], "z"])
        lines.append(f"in{n} :: forall {vs} z. {last} -> {sum_}")
        lines.append(f"at{n} :: forall r {vs} z. r -> ({last} -> r) -> {sum_} -> r")
        if n > 1:
            handlers = " -> ".join(f"({v} -> r)" for v in _LETTERS[:n])
            lines.append(f"either{n} :: forall r {vs}. {handlers} -> Either{n} {vs} -> r")
    return "\n".join(lines)


_ST = """
    run :: forall a. (forall r. ST r a) -> a
    while :: forall r a. ST r Boolean -> ST r a -> ST r Unit
    for :: forall r a. Int -> Int -> (Int -> ST r a) -> ST r Unit
    foreach :: forall r a. Array a -> (a -> ST r Unit) -> ST r Unit
"""

_ST_REF = """
    new :: forall a r. a -> ST r (STRef r a)
    read :: forall a r. STRef r a -> ST r a
    modify' :: forall r a b. (a -> { state :: a, value :: b }) -> STRef r a -> ST r b
    modify :: forall r a. (a -> a) -> STRef r a -> ST r a
    write :: forall a r. a -> STRef r a -> ST r a
"""
"""Control.Monad.ST.Internal's values, which Control.Monad.ST and Control.Monad.ST.Ref re-export."""

SIGNATURES: dict[str, str] = {
    "Data.Int": """
        fromNumber :: Number -> Maybe Int
        ceil :: Number -> Int
        floor :: Number -> Int
        trunc :: Number -> Int
        round :: Number -> Int
        toNumber :: Int -> Number
        fromString :: String -> Maybe Int
        radix :: Int -> Maybe Radix
        binary :: Radix
        octal :: Radix
        decimal :: Radix
        hexadecimal :: Radix
        base36 :: Radix
        fromStringAs :: Radix -> String -> Maybe Int
        toStringAs :: Radix -> Int -> String
        parity :: Int -> Parity
        even :: Int -> Boolean
        odd :: Int -> Boolean
        quot :: Int -> Int -> Int
        rem :: Int -> Int -> Int
        pow :: Int -> Int -> Int
    """,
    "Data.Int.Bits": """
        and :: Int -> Int -> Int
        or :: Int -> Int -> Int
        xor :: Int -> Int -> Int
        shl :: Int -> Int -> Int
        shr :: Int -> Int -> Int
        zshr :: Int -> Int -> Int
        complement :: Int -> Int
    """,
    "Data.Number": """
        fromString :: String -> Maybe Number
        nan :: Number
        isNaN :: Number -> Boolean
        infinity :: Number
        isFinite :: Number -> Boolean
        abs :: Number -> Number
        acos :: Number -> Number
        asin :: Number -> Number
        atan :: Number -> Number
        atan2 :: Number -> Number -> Number
        ceil :: Number -> Number
        cos :: Number -> Number
        exp :: Number -> Number
        floor :: Number -> Number
        log :: Number -> Number
        max :: Number -> Number -> Number
        min :: Number -> Number -> Number
        pow :: Number -> Number -> Number
        remainder :: Number -> Number -> Number
        round :: Number -> Number
        sign :: Number -> Number
        sin :: Number -> Number
        sqrt :: Number -> Number
        tan :: Number -> Number
        trunc :: Number -> Number
        e :: Number
        ln2 :: Number
        ln10 :: Number
        log10e :: Number
        log2e :: Number
        pi :: Number
        sqrt1_2 :: Number
        sqrt2 :: Number
        tau :: Number
    """,
    "Data.Number.Approximate": """
        Fraction :: Number -> Fraction
        eqRelative :: Fraction -> Number -> Number -> Boolean
        eqApproximate :: Number -> Number -> Boolean
        neqApproximate :: Number -> Number -> Boolean
        Tolerance :: Number -> Tolerance
        eqAbsolute :: Tolerance -> Number -> Number -> Boolean
    """,
    "Data.Number.Format": """
        precision :: Int -> Format
        fixed :: Int -> Format
        exponential :: Int -> Format
        toStringWith :: Format -> Number -> String
        toString :: Number -> String
    """,
    "Effect": """
        untilE :: Effect Boolean -> Effect Unit
        whileE :: forall a. Effect Boolean -> Effect a -> Effect Unit
        forE :: Int -> Int -> (Int -> Effect Unit) -> Effect Unit
        foreachE :: forall a. Array a -> (a -> Effect Unit) -> Effect Unit
    """,
    "Effect.Class": "liftEffect :: forall m a. MonadEffect m => Effect a -> m a",
    "Effect.Unsafe": "unsafePerformEffect :: forall a. Effect a -> a",
    "Effect.Uncurried": _uncurried("Effect", "Effect r"),
    "Effect.Ref": """
        new :: forall s. s -> Effect (Ref s)
        newWithSelf :: forall s. (Ref s -> s) -> Effect (Ref s)
        read :: forall s. Ref s -> Effect s
        modify' :: forall s b. (s -> { state :: s, value :: b }) -> Ref s -> Effect b
        modify :: forall s. (s -> s) -> Ref s -> Effect s
        modify_ :: forall s. (s -> s) -> Ref s -> Effect Unit
        write :: forall s. s -> Ref s -> Effect Unit
    """,
    "Effect.Console": """
        log :: String -> Effect Unit
        logShow :: forall a. Show a => a -> Effect Unit
        warn :: String -> Effect Unit
        warnShow :: forall a. Show a => a -> Effect Unit
        error :: String -> Effect Unit
        errorShow :: forall a. Show a => a -> Effect Unit
        info :: String -> Effect Unit
        infoShow :: forall a. Show a => a -> Effect Unit
        debug :: String -> Effect Unit
        debugShow :: forall a. Show a => a -> Effect Unit
        time :: String -> Effect Unit
        timeLog :: String -> Effect Unit
        timeEnd :: String -> Effect Unit
        clear :: Effect Unit
        group :: String -> Effect Unit
        groupCollapsed :: String -> Effect Unit
        groupEnd :: Effect Unit
        grouped :: forall a. String -> Effect a -> Effect a
    """,
    "Effect.Class.Console": """
        log :: forall m. MonadEffect m => String -> m Unit
        logShow :: forall m a. MonadEffect m => Show a => a -> m Unit
        warn :: forall m. MonadEffect m => String -> m Unit
        warnShow :: forall m a. MonadEffect m => Show a => a -> m Unit
        error :: forall m. MonadEffect m => String -> m Unit
        errorShow :: forall m a. MonadEffect m => Show a => a -> m Unit
        info :: forall m. MonadEffect m => String -> m Unit
        infoShow :: forall m a. MonadEffect m => Show a => a -> m Unit
        debug :: forall m. MonadEffect m => String -> m Unit
        debugShow :: forall m a. MonadEffect m => Show a => a -> m Unit
        time :: forall m. MonadEffect m => String -> m Unit
        timeLog :: forall m. MonadEffect m => String -> m Unit
        timeEnd :: forall m. MonadEffect m => String -> m Unit
        clear :: forall m. MonadEffect m => m Unit
        group :: forall m. MonadEffect m => String -> m Unit
        groupCollapsed :: forall m. MonadEffect m => String -> m Unit
        groupEnd :: forall m. MonadEffect m => m Unit
    """,
    "Control.Monad.ST": _ST,
    "Control.Monad.ST.Ref": _ST_REF,
    "Control.Monad.ST.Internal": _ST + _ST_REF,
    "Control.Monad.ST.Uncurried": _uncurried("ST", "ST t r", "t"),
    # `Fn1` is a synonym of `->` since functions v2.0.0 (CHANGELOG.md 3999996), spelled out here so that a foreign
    # `Fn1` type would show as a difference
    "Data.Function.Uncurried": """
        mkFn0 :: forall a. (Unit -> a) -> Fn0 a
        runFn0 :: forall a. Fn0 a -> a
        mkFn1 :: forall a b. (a -> b) -> a -> b
        runFn1 :: forall a b. (a -> b) -> a -> b
    """
    + _uncurried("", "r", first=2),
    "Data.Unfoldable1": """
        unfoldr1 :: forall t a b. Unfoldable1 t => (b -> Tuple a (Maybe b)) -> b -> t a
        replicate1 :: forall f a. Unfoldable1 f => Int -> a -> f a
        replicate1A :: forall m f a. Apply m => Unfoldable1 f => Traversable1 f => Int -> m a -> m (f a)
        singleton :: forall f a. Unfoldable1 f => a -> f a
        range :: forall f. Unfoldable1 f => Int -> Int -> f Int
        iterateN :: forall f a. Unfoldable1 f => Int -> (a -> a) -> a -> f a
    """,
    "Data.Unfoldable": """
        unfoldr :: forall t a b. Unfoldable t => (b -> Maybe (Tuple a b)) -> b -> t a
        replicate :: forall f a. Unfoldable f => Int -> a -> f a
        replicateA :: forall m f a. Applicative m => Unfoldable f => Traversable f => Int -> m a -> m (f a)
        none :: forall f a. Unfoldable f => f a
        fromMaybe :: forall f a. Unfoldable f => Maybe a -> f a
    """,
    "Data.Lazy": """
        defer :: forall a. (Unit -> a) -> Lazy a
        force :: forall a. Lazy a -> a
    """,
    "Control.Lazy": """
        defer :: forall l. Lazy l => (Unit -> l) -> l
        fix :: forall l. Lazy l => (l -> l) -> l
    """,
    "Partial": """
        crash :: forall a. Partial => a
        crashWith :: forall a. Partial => String -> a
    """,
    "Partial.Unsafe": """
        unsafePartial :: forall a. (Partial => a) -> a
        unsafeCrashWith :: forall a. String -> a
    """,
    "Unsafe.Coerce": "unsafeCoerce :: forall a b. a -> b",
    "Safe.Coerce": "coerce :: forall a b. Coercible a b => a -> b",
    "Data.Bifunctor": """
        bimap :: forall f a b c d. Bifunctor f => (a -> b) -> (c -> d) -> f a c -> f b d
        lmap :: forall f a b c. Bifunctor f => (a -> b) -> f a c -> f b c
        rmap :: forall f a b c. Bifunctor f => (b -> c) -> f a b -> f a c
    """,
    "Control.Biapply": """
        biapply :: forall w a b c d. Biapply w => w (a -> b) (c -> d) -> w a c -> w b d
        biapplyFirst :: forall w a b c d. Biapply w => w a b -> w c d -> w c d
        biapplySecond :: forall w a b c d. Biapply w => w a b -> w c d -> w a b
        bilift2 :: forall w a b c d e f. Biapply w => (a -> b -> c) -> (d -> e -> f) -> w a d -> w b e -> w c f
        bilift3 :: forall w a b c d e f g h. Biapply w => (a -> b -> c -> d) -> (e -> f -> g -> h) -> w a e -> w b f
          -> w c g -> w d h
    """,
    "Control.Biapplicative": "bipure :: forall w a b. Biapplicative w => a -> b -> w a b",
    "Data.Bifunctor.Join": "Join :: forall p a. p a a -> Join p a",
    "Data.Distributive": """
        distribute :: forall f g a. Distributive f => Functor g => g (f a) -> f (g a)
        collect :: forall f g a b. Distributive f => Functor g => (a -> f b) -> g a -> f (g b)
        distributeDefault :: forall a f g. Distributive f => Functor g => g (f a) -> f (g a)
        collectDefault :: forall a b f g. Distributive f => Functor g => (a -> f b) -> g a -> f (g b)
        cotraverse :: forall a b f g. Distributive f => Functor g => (g a -> b) -> g (f a) -> f b
    """,
    "Data.Ord.Down": "Down :: forall a. a -> Down a",
    "Data.Ord.Max": "Max :: forall a. a -> Max a",
    "Data.Ord.Min": "Min :: forall a. a -> Min a",
    "Data.Generic.Rep": """
        to :: forall a rep. Generic a rep => rep -> a
        from :: forall a rep. Generic a rep => a -> rep
        repOf :: forall a rep. Generic a rep => Proxy a -> Proxy rep
        NoArguments :: NoArguments
        Inl :: forall a b. a -> Sum a b
        Inr :: forall a b. b -> Sum a b
        Product :: forall a b. a -> b -> Product a b
        Constructor :: forall name a. a -> Constructor name a
        Argument :: forall a. a -> Argument a
    """,
    "Data.Reflectable": """
        reflectType :: forall v t. Reflectable v t => Proxy v -> t
        reifyType :: forall t r. Reifiable t => t -> (forall v. Reflectable v t => Proxy v -> r) -> r
    """,
    "Type.Proxy": "Proxy :: forall a. Proxy a",
    "Control.Monad.ST.Global": "toEffect :: forall a. ST Global a -> Effect a",
    "Control.Monad.ST.Class": "liftST :: forall s m a. MonadST s m => ST s a -> m a",
    "Data.Symbol": """
        reflectSymbol :: forall sym. IsSymbol sym => Proxy sym -> String
        reifySymbol :: forall r. String -> (forall sym. IsSymbol sym => Proxy sym -> r) -> r
    """,
    "Record": """
        get :: forall r r' l a. IsSymbol l => Cons l a r' r => Proxy l -> Record r -> a
        set :: forall r1 r2 r l a b. IsSymbol l => Cons l a r r1 => Cons l b r r2 => Proxy l -> b -> Record r1
          -> Record r2
        modify :: forall r1 r2 r l a b. IsSymbol l => Cons l a r r1 => Cons l b r r2 => Proxy l -> (a -> b)
          -> Record r1 -> Record r2
        insert :: forall r1 r2 l a. IsSymbol l => Lacks l r1 => Cons l a r1 r2 => Proxy l -> a -> Record r1
          -> Record r2
        delete :: forall r1 r2 l a. IsSymbol l => Lacks l r1 => Cons l a r1 r2 => Proxy l -> Record r2 -> Record r1
        rename :: forall prev next ty input inter output. IsSymbol prev => IsSymbol next => Cons prev ty inter input
          => Lacks prev inter => Cons next ty inter output => Lacks next inter => Proxy prev -> Proxy next
          -> Record input -> Record output
        merge :: forall r1 r2 r3 r4. Union r1 r2 r3 => Nub r3 r4 => Record r1 -> Record r2 -> Record r4
        union :: forall r1 r2 r3. Union r1 r2 r3 => Record r1 -> Record r2 -> Record r3
        disjointUnion :: forall r1 r2 r3. Union r1 r2 r3 => Nub r3 r3 => Record r1 -> Record r2 -> Record r3
        nub :: forall r1 r2. Nub r1 r2 => Record r1 -> Record r2
        equal :: forall r rs. RowToList r rs => EqualFields rs r => Record r -> Record r -> Boolean
        equalFields :: forall rs row. EqualFields rs row => Proxy rs -> Record row -> Record row -> Boolean
    """,
    "Record.Builder": """
        build :: forall r1 r2. Builder (Record r1) (Record r2) -> Record r1 -> Record r2
        buildFromScratch :: forall r. Builder (Record ()) (Record r) -> Record r
        flip :: forall r1 r2 r3. (Record r1 -> Builder (Record r2) (Record r3)) -> Record r2
          -> Builder (Record r1) (Record r3)
        insert :: forall l a r1 r2. Row.Cons l a r1 r2 => Row.Lacks l r1 => IsSymbol l => Proxy l -> a
          -> Builder (Record r1) (Record r2)
        modify :: forall l a b r r1 r2. Row.Cons l a r r1 => Row.Cons l b r r2 => IsSymbol l => Proxy l -> (a -> b)
          -> Builder (Record r1) (Record r2)
        delete :: forall l a r1 r2. IsSymbol l => Row.Lacks l r1 => Row.Cons l a r1 r2 => Proxy l
          -> Builder (Record r2) (Record r1)
        rename :: forall l1 l2 a r1 r2 r3. IsSymbol l1 => IsSymbol l2 => Row.Cons l1 a r2 r1 => Row.Lacks l1 r2
          => Row.Cons l2 a r2 r3 => Row.Lacks l2 r2 => Proxy l1 -> Proxy l2 -> Builder (Record r1) (Record r3)
        merge :: forall r1 r2 r3 r4. Row.Union r1 r2 r3 => Row.Nub r3 r4 => Record r1
          -> Builder (Record r2) (Record r4)
        union :: forall r1 r2 r3. Row.Union r1 r2 r3 => Record r1 -> Builder (Record r2) (Record r3)
        disjointUnion :: forall r1 r2 r3. Row.Union r1 r2 r3 => Row.Nub r3 r3 => Record r1
          -> Builder (Record r2) (Record r3)
        nub :: forall r1 r2. Row.Nub r1 r2 => Builder (Record r1) (Record r2)
    """,
    "Data.Eq": """
        eq :: forall a. Eq a => a -> a -> Boolean
        notEq :: forall a. Eq a => a -> a -> Boolean
        eq1 :: forall f a. Eq1 f => Eq a => f a -> f a -> Boolean
        notEq1 :: forall f a. Eq1 f => Eq a => f a -> f a -> Boolean
        eqRecord :: forall rowlist row. EqRecord rowlist row => Proxy rowlist -> Record row -> Record row -> Boolean
    """,
    "Data.Ord": """
        compare :: forall a. Ord a => a -> a -> Ordering
        compare1 :: forall f a. Ord1 f => Ord a => f a -> f a -> Ordering
        lessThan :: forall a. Ord a => a -> a -> Boolean
        lessThanOrEq :: forall a. Ord a => a -> a -> Boolean
        greaterThan :: forall a. Ord a => a -> a -> Boolean
        greaterThanOrEq :: forall a. Ord a => a -> a -> Boolean
        comparing :: forall a b. Ord b => (a -> b) -> (a -> a -> Ordering)
        min :: forall a. Ord a => a -> a -> a
        max :: forall a. Ord a => a -> a -> a
        clamp :: forall a. Ord a => a -> a -> a -> a
        between :: forall a. Ord a => a -> a -> a -> Boolean
        abs :: forall a. Ord a => Ring a => a -> a
        signum :: forall a. Ord a => Ring a => a -> a
        compareRecord :: forall rowlist row. OrdRecord rowlist row => Proxy rowlist -> Record row -> Record row
          -> Ordering
    """,
    "Data.Show": """
        show :: forall a. Show a => a -> String
        showRecordFields :: forall rowlist row. ShowRecordFields rowlist row => Proxy rowlist -> Record row -> String
    """,
    "Data.Semiring": """
        add :: forall a. Semiring a => a -> a -> a
        zero :: forall a. Semiring a => a
        mul :: forall a. Semiring a => a -> a -> a
        one :: forall a. Semiring a => a
        addRecord :: forall rowlist row subrow. SemiringRecord rowlist row subrow => Proxy rowlist -> Record row
          -> Record row -> Record subrow
        mulRecord :: forall rowlist row subrow. SemiringRecord rowlist row subrow => Proxy rowlist -> Record row
          -> Record row -> Record subrow
        oneRecord :: forall rowlist row subrow. SemiringRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
        zeroRecord :: forall rowlist row subrow. SemiringRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
    """,
    "Data.Ring": """
        sub :: forall a. Ring a => a -> a -> a
        negate :: forall a. Ring a => a -> a
        subRecord :: forall rowlist row subrow. RingRecord rowlist row subrow => Proxy rowlist -> Record row
          -> Record row -> Record subrow
    """,
    "Data.EuclideanRing": """
        degree :: forall a. EuclideanRing a => a -> Int
        div :: forall a. EuclideanRing a => a -> a -> a
        mod :: forall a. EuclideanRing a => a -> a -> a
        gcd :: forall a. Eq a => EuclideanRing a => a -> a -> a
        lcm :: forall a. Eq a => EuclideanRing a => a -> a -> a
    """,
    "Data.DivisionRing": """
        recip :: forall a. DivisionRing a => a -> a
        leftDiv :: forall a. DivisionRing a => a -> a -> a
        rightDiv :: forall a. DivisionRing a => a -> a -> a
    """,
    "Data.HeytingAlgebra": """
        ff :: forall a. HeytingAlgebra a => a
        tt :: forall a. HeytingAlgebra a => a
        implies :: forall a. HeytingAlgebra a => a -> a -> a
        conj :: forall a. HeytingAlgebra a => a -> a -> a
        disj :: forall a. HeytingAlgebra a => a -> a -> a
        not :: forall a. HeytingAlgebra a => a -> a
        ffRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
        ttRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
        impliesRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist
          -> Record row -> Record row -> Record subrow
        disjRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist
          -> Record row -> Record row -> Record subrow
        conjRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist
          -> Record row -> Record row -> Record subrow
        notRecord :: forall rowlist row subrow. HeytingAlgebraRecord rowlist row subrow => Proxy rowlist
          -> Record row -> Record subrow
    """,
    "Data.Bounded": """
        bottom :: forall a. Bounded a => a
        top :: forall a. Bounded a => a
        topRecord :: forall rowlist row subrow. BoundedRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
        bottomRecord :: forall rowlist row subrow. BoundedRecord rowlist row subrow => Proxy rowlist -> Proxy row
          -> Record subrow
    """,
    "Data.Semigroup": """
        append :: forall a. Semigroup a => a -> a -> a
        appendRecord :: forall rowlist row subrow. SemigroupRecord rowlist row subrow => Proxy rowlist -> Record row
          -> Record row -> Record subrow
    """,
    "Data.Monoid": """
        mempty :: forall a. Monoid a => a
        power :: forall m. Monoid m => m -> Int -> m
        guard :: forall m. Monoid m => Boolean -> m -> m
        memptyRecord :: forall rowlist row subrow. MonoidRecord rowlist row subrow => Proxy rowlist -> Record subrow
    """,
    "Data.Monoid.Additive": "Additive :: forall a. a -> Additive a",
    "Data.Monoid.Conj": "Conj :: forall a. a -> Conj a",
    "Data.Monoid.Disj": "Disj :: forall a. a -> Disj a",
    "Data.Monoid.Dual": "Dual :: forall a. a -> Dual a",
    "Data.Monoid.Endo": "Endo :: forall c a. c a a -> Endo c a",
    "Data.Monoid.Multiplicative": "Multiplicative :: forall a. a -> Multiplicative a",
    "Data.Semigroup.First": "First :: forall a. a -> First a",
    "Data.Semigroup.Last": "Last :: forall a. a -> Last a",
    "Data.Unit": "unit :: Unit",
    "Data.Void": "absurd :: forall a. Void -> a",
    "Data.Boolean": "otherwise :: Boolean",
    "Data.Ordering": """
        LT :: Ordering
        GT :: Ordering
        EQ :: Ordering
        invert :: Ordering -> Ordering
    """,
    "Data.Function": """
        flip :: forall a b c. (a -> b -> c) -> b -> a -> c
        const :: forall a b. a -> b -> a
        apply :: forall a b. (a -> b) -> a -> b
        applyFlipped :: forall a b. a -> (a -> b) -> b
        applyN :: forall a. (a -> a) -> Int -> a -> a
        on :: forall a b c. (b -> b -> c) -> (a -> b) -> a -> a -> c
    """,
    "Data.Functor": """
        map :: forall f a b. Functor f => (a -> b) -> f a -> f b
        mapFlipped :: forall f a b. Functor f => f a -> (a -> b) -> f b
        void :: forall f a. Functor f => f a -> f Unit
        voidRight :: forall f a b. Functor f => a -> f b -> f a
        voidLeft :: forall f a b. Functor f => f a -> b -> f b
        flap :: forall f a b. Functor f => f (a -> b) -> a -> f b
    """,
    "Control.Semigroupoid": """
        compose :: forall a b c d. Semigroupoid a => a c d -> a b c -> a b d
        composeFlipped :: forall a b c d. Semigroupoid a => a b c -> a c d -> a b d
    """,
    "Control.Category": "identity :: forall a t. Category a => a t t",
    "Control.Apply": """
        apply :: forall f a b. Apply f => f (a -> b) -> f a -> f b
        applyFirst :: forall a b f. Apply f => f a -> f b -> f a
        applySecond :: forall a b f. Apply f => f a -> f b -> f b
        lift2 :: forall a b c f. Apply f => (a -> b -> c) -> f a -> f b -> f c
        lift3 :: forall a b c d f. Apply f => (a -> b -> c -> d) -> f a -> f b -> f c -> f d
        lift4 :: forall a b c d e f. Apply f => (a -> b -> c -> d -> e) -> f a -> f b -> f c -> f d -> f e
        lift5 :: forall a b c d e f g. Apply f => (a -> b -> c -> d -> e -> g) -> f a -> f b -> f c -> f d -> f e
          -> f g
    """,
    "Control.Applicative": """
        pure :: forall f a. Applicative f => a -> f a
        liftA1 :: forall f a b. Applicative f => (a -> b) -> f a -> f b
        when :: forall m. Applicative m => Boolean -> m Unit -> m Unit
        unless :: forall m. Applicative m => Boolean -> m Unit -> m Unit
    """,
    "Control.Bind": """
        bind :: forall m a b. Bind m => m a -> (a -> m b) -> m b
        bindFlipped :: forall m a b. Bind m => (a -> m b) -> m a -> m b
        discard :: forall a f b. Discard a => Bind f => f a -> (a -> f b) -> f b
        join :: forall a m. Bind m => m (m a) -> m a
        composeKleisli :: forall a b c m. Bind m => (a -> m b) -> (b -> m c) -> a -> m c
        composeKleisliFlipped :: forall a b c m. Bind m => (b -> m c) -> (a -> m b) -> a -> m c
        ifM :: forall a m. Bind m => m Boolean -> m a -> m a -> m a
    """,
    "Control.Monad": """
        liftM1 :: forall m a b. Monad m => (a -> b) -> m a -> m b
        whenM :: forall m. Monad m => m Boolean -> m Unit -> m Unit
        unlessM :: forall m. Monad m => m Boolean -> m Unit -> m Unit
        ap :: forall m a b. Monad m => m (a -> b) -> m a -> m b
    """,
    "Data.Show.Generic": """
        genericShow' :: forall a. GenericShow a => a -> String
        genericShow :: forall a rep. Generic a rep => GenericShow rep => a -> String
        genericShowArgs :: forall a. GenericShowArgs a => a -> Array String
    """,
    "Data.Eq.Generic": """
        genericEq' :: forall a. GenericEq a => a -> a -> Boolean
        genericEq :: forall a rep. Generic a rep => GenericEq rep => a -> a -> Boolean
    """,
    "Data.Ord.Generic": """
        genericCompare' :: forall a. GenericOrd a => a -> a -> Ordering
        genericCompare :: forall a rep. Generic a rep => GenericOrd rep => a -> a -> Ordering
    """,
    "Data.Bounded.Generic": """
        genericBottom' :: forall a. GenericBottom a => a
        genericBottom :: forall a rep. Generic a rep => GenericBottom rep => a
        genericTop' :: forall a. GenericTop a => a
        genericTop :: forall a rep. Generic a rep => GenericTop rep => a
    """,
    "Data.Monoid.Generic": """
        genericMempty' :: forall a. GenericMonoid a => a
        genericMempty :: forall a rep. Generic a rep => GenericMonoid rep => a
    """,
    "Data.Semigroup.Generic": """
        genericAppend' :: forall a. GenericSemigroup a => a -> a -> a
        genericAppend :: forall a rep. Generic a rep => GenericSemigroup rep => a -> a -> a
    """,
    "Data.Semiring.Generic": """
        genericAdd' :: forall a. GenericSemiring a => a -> a -> a
        genericZero' :: forall a. GenericSemiring a => a
        genericMul' :: forall a. GenericSemiring a => a -> a -> a
        genericOne' :: forall a. GenericSemiring a => a
        genericZero :: forall a rep. Generic a rep => GenericSemiring rep => a
        genericOne :: forall a rep. Generic a rep => GenericSemiring rep => a
        genericAdd :: forall a rep. Generic a rep => GenericSemiring rep => a -> a -> a
        genericMul :: forall a rep. Generic a rep => GenericSemiring rep => a -> a -> a
    """,
    "Data.Ring.Generic": """
        genericSub' :: forall a. GenericRing a => a -> a -> a
        genericSub :: forall a rep. Generic a rep => GenericRing rep => a -> a -> a
    """,
    "Data.HeytingAlgebra.Generic": """
        genericFF' :: forall a. GenericHeytingAlgebra a => a
        genericTT' :: forall a. GenericHeytingAlgebra a => a
        genericImplies' :: forall a. GenericHeytingAlgebra a => a -> a -> a
        genericConj' :: forall a. GenericHeytingAlgebra a => a -> a -> a
        genericDisj' :: forall a. GenericHeytingAlgebra a => a -> a -> a
        genericNot' :: forall a. GenericHeytingAlgebra a => a -> a
        genericFF :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a
        genericTT :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a
        genericImplies :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a -> a -> a
        genericConj :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a -> a -> a
        genericDisj :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a -> a -> a
        genericNot :: forall a rep. Generic a rep => GenericHeytingAlgebra rep => a -> a
    """,
    "Record.Unsafe": """
        unsafeHas :: forall r1. String -> Record r1 -> Boolean
        unsafeGet :: forall r a. String -> Record r -> a
        unsafeSet :: forall r1 r2 a. String -> a -> Record r1 -> Record r2
        unsafeDelete :: forall r1 r2. String -> Record r1 -> Record r2
    """,
    "Data.Maybe": """
        Nothing :: forall a. Maybe a
        Just :: forall a. a -> Maybe a
        maybe :: forall a b. b -> (a -> b) -> Maybe a -> b
        maybe' :: forall a b. (Unit -> b) -> (a -> b) -> Maybe a -> b
        fromMaybe :: forall a. a -> Maybe a -> a
        fromMaybe' :: forall a. (Unit -> a) -> Maybe a -> a
        isJust :: forall a. Maybe a -> Boolean
        isNothing :: forall a. Maybe a -> Boolean
        fromJust :: forall a. Partial => Maybe a -> a
        optional :: forall f a. Alt f => Applicative f => f a -> f (Maybe a)
    """,
    "Data.Maybe.First": "First :: forall a. Maybe a -> First a",
    "Data.Maybe.Last": "Last :: forall a. Maybe a -> Last a",
    "Data.Either": """
        Left :: forall a b. a -> Either a b
        Right :: forall a b. b -> Either a b
        either :: forall a b c. (a -> c) -> (b -> c) -> Either a b -> c
        choose :: forall m a b. Alt m => m a -> m b -> m (Either a b)
        isLeft :: forall a b. Either a b -> Boolean
        isRight :: forall a b. Either a b -> Boolean
        fromLeft :: forall a b. a -> Either a b -> a
        fromLeft' :: forall a b. (Unit -> a) -> Either a b -> a
        fromRight :: forall a b. b -> Either a b -> b
        fromRight' :: forall a b. (Unit -> b) -> Either a b -> b
        note :: forall a b. a -> Maybe b -> Either a b
        note' :: forall a b. (Unit -> a) -> Maybe b -> Either a b
        hush :: forall a b. Either a b -> Maybe b
        blush :: forall a b. Either a b -> Maybe a
    """,
    "Data.Either.Nested": _either_nested(),
    "Data.Tuple": """
        Tuple :: forall a b. a -> b -> Tuple a b
        fst :: forall a b. Tuple a b -> a
        snd :: forall a b. Tuple a b -> b
        curry :: forall a b c. (Tuple a b -> c) -> a -> b -> c
        uncurry :: forall a b c. (a -> b -> c) -> Tuple a b -> c
        swap :: forall a b. Tuple a b -> Tuple b a
    """,
    "Data.Tuple.Nested": _tuple_nested(),
    "Data.Newtype": """
        wrap :: forall t a. Newtype t a => a -> t
        unwrap :: forall t a. Newtype t a => t -> a
        un :: forall t a. Newtype t a => (a -> t) -> t -> a
        modify :: forall t a. Newtype t a => (a -> a) -> t -> t
        ala :: forall f t a s b. Coercible (f t) (f a) => Newtype t a => Newtype s b => (a -> t) -> ((b -> s) -> f t)
          -> f a
        alaF :: forall f g t a s b. Coercible (f t) (f a) => Coercible (g s) (g b) => Newtype t a => Newtype s b
          => (a -> t) -> (f t -> g s) -> f a -> g b
        over :: forall t a s b. Newtype t a => Newtype s b => (a -> t) -> (a -> b) -> t -> s
        overF :: forall f g t a s b. Coercible (f a) (f t) => Coercible (g b) (g s) => Newtype t a => Newtype s b
          => (a -> t) -> (f a -> g b) -> f t -> g s
        under :: forall t a s b. Newtype t a => Newtype s b => (a -> t) -> (t -> s) -> a -> b
        underF :: forall f g t a s b. Coercible (f t) (f a) => Coercible (g s) (g b) => Newtype t a => Newtype s b
          => (a -> t) -> (f t -> g s) -> f a -> g b
        over2 :: forall t a s b. Newtype t a => Newtype s b => (a -> t) -> (a -> a -> b) -> t -> t -> s
        overF2 :: forall f g t a s b. Coercible (f a) (f t) => Coercible (g b) (g s) => Newtype t a => Newtype s b
          => (a -> t) -> (f a -> f a -> g b) -> f t -> f t -> g s
        under2 :: forall t a s b. Newtype t a => Newtype s b => (a -> t) -> (t -> t -> s) -> a -> a -> b
        underF2 :: forall f g t a s b. Coercible (f t) (f a) => Coercible (g s) (g b) => Newtype t a => Newtype s b
          => (a -> t) -> (f t -> f t -> g s) -> f a -> f a -> g b
        traverse :: forall f t a. Coercible (f a) (f t) => Newtype t a => (a -> t) -> (a -> f a) -> t -> f t
        collect :: forall f t a. Coercible (f a) (f t) => Newtype t a => (a -> t) -> (f a -> a) -> f t -> t
    """,
    "Control.Monad.Rec.Class": """
        tailRecM :: forall m a b. MonadRec m => (a -> m (Step a b)) -> a -> m b
        Loop :: forall a b. a -> Step a b
        Done :: forall a b. b -> Step a b
        tailRecM2 :: forall m a b c. MonadRec m => (a -> b -> m (Step { a :: a, b :: b } c)) -> a -> b -> m c
        tailRecM3 :: forall m a b c d. MonadRec m => (a -> b -> c -> m (Step { a :: a, b :: b, c :: c } d)) -> a
          -> b -> c -> m d
        tailRec :: forall a b. (a -> Step a b) -> a -> b
        tailRec2 :: forall a b c. (a -> b -> Step { a :: a, b :: b } c) -> a -> b -> c
        tailRec3 :: forall a b c d. (a -> b -> c -> Step { a :: a, b :: b, c :: c } d) -> a -> b -> c -> d
        forever :: forall m a b. MonadRec m => m a -> m b
        whileJust :: forall a m. Monoid a => MonadRec m => m (Maybe a) -> m a
        untilJust :: forall a m. MonadRec m => m (Maybe a) -> m a
        loop2 :: forall a b c. a -> b -> Step { a :: a, b :: b } c
        loop3 :: forall a b c d. a -> b -> c -> Step { a :: a, b :: b, c :: c } d
    """,
    "Effect.Exception": """
        error :: String -> Error
        message :: Error -> String
        name :: Error -> String
        stack :: Error -> Maybe String
        throwException :: forall a. Error -> Effect a
        catchException :: forall a. (Error -> Effect a) -> Effect a -> Effect a
        throw :: forall a. String -> Effect a
        try :: forall a. Effect a -> Effect (Either Error a)
    """,
    "Effect.Exception.Unsafe": """
        unsafeThrowException :: forall a. Error -> a
        unsafeThrow :: forall a. String -> a
    """,
    "Data.Enum": """
        succ :: forall a. Enum a => a -> Maybe a
        pred :: forall a. Enum a => a -> Maybe a
        cardinality :: forall a. BoundedEnum a => Cardinality a
        toEnum :: forall a. BoundedEnum a => Int -> Maybe a
        fromEnum :: forall a. BoundedEnum a => a -> Int
        toEnumWithDefaults :: forall a. BoundedEnum a => a -> a -> Int -> a
        Cardinality :: forall a. Int -> Cardinality a
        enumFromTo :: forall a u. Enum a => Unfoldable1 u => a -> a -> u a
        enumFromThenTo :: forall f a. Unfoldable f => Functor f => BoundedEnum a => a -> a -> a -> f a
        upFrom :: forall a u. Enum a => Unfoldable u => a -> u a
        upFromIncluding :: forall a u. Enum a => Unfoldable1 u => a -> u a
        downFrom :: forall a u. Enum a => Unfoldable u => a -> u a
        downFromIncluding :: forall a u. Enum a => Unfoldable1 u => a -> u a
        defaultSucc :: forall a. (Int -> Maybe a) -> (a -> Int) -> a -> Maybe a
        defaultPred :: forall a. (Int -> Maybe a) -> (a -> Int) -> a -> Maybe a
        defaultCardinality :: forall a. Bounded a => Enum a => Cardinality a
        defaultToEnum :: forall a. Bounded a => Enum a => Int -> Maybe a
        defaultFromEnum :: forall a. Enum a => a -> Int
    """,
    "Data.Enum.Generic": """
        genericPred' :: forall a. GenericEnum a => a -> Maybe a
        genericSucc' :: forall a. GenericEnum a => a -> Maybe a
        genericPred :: forall a rep. Generic a rep => GenericEnum rep => a -> Maybe a
        genericSucc :: forall a rep. Generic a rep => GenericEnum rep => a -> Maybe a
        genericCardinality' :: forall a. GenericBoundedEnum a => Cardinality a
        genericToEnum' :: forall a. GenericBoundedEnum a => Int -> Maybe a
        genericFromEnum' :: forall a. GenericBoundedEnum a => a -> Int
        genericCardinality :: forall a rep. Generic a rep => GenericBoundedEnum rep => Cardinality a
        genericToEnum :: forall a rep. Generic a rep => GenericBoundedEnum rep => Int -> Maybe a
        genericFromEnum :: forall a rep. Generic a rep => GenericBoundedEnum rep => a -> Int
    """,
    "Data.Enum.Gen": "genBoundedEnum :: forall m a. MonadGen m => BoundedEnum a => m a",
    "Record.Unsafe.Union": """
        unsafeUnion :: forall r1 r2 r3. Record r1 -> Record r2 -> Record r3
        unsafeUnionFn :: forall r1 r2 r3. Fn2 (Record r1) (Record r2) (Record r3)
    """,
}
"""PureScript module → its exported values' published signatures."""

IMPORTS: dict[str, str] = {
    "Data.Lazy": "import Data.Lazy (Lazy, defer, force)",
    "Control.Lazy": "import Control.Lazy (class Lazy)",
    "Data.Unfoldable": "import Data.Unfoldable (class Unfoldable)\nimport Data.Traversable (class Traversable)",
    "Data.Unfoldable1": (
        "import Data.Unfoldable1 (class Unfoldable1)\nimport Data.Semigroup.Traversable (class Traversable1)"
    ),
    "Data.Symbol": "import Data.Symbol (class IsSymbol)\nimport Type.Proxy (Proxy)",
    "Safe.Coerce": "import Safe.Coerce (class Coercible)",
    "Data.Generic.Rep": "import Data.Generic.Rep\nimport Type.Proxy (Proxy)",
    "Data.Reflectable": "import Data.Reflectable\nimport Type.Proxy (Proxy)",
    "Control.Monad.ST.Global": "import Control.Monad.ST (ST)\nimport Control.Monad.ST.Global",
    "Control.Monad.ST.Class": "import Control.Monad.ST (ST)\nimport Control.Monad.ST.Class",
    "Effect.Class.Console": "import Effect.Class (class MonadEffect)",
    "Control.Monad.ST.Ref": "import Control.Monad.ST (ST)\nimport Control.Monad.ST.Ref",
    "Control.Monad.ST.Uncurried": "import Control.Monad.ST (ST)\nimport Control.Monad.ST.Uncurried",
    "Record": (
        "import Record\nimport Data.Symbol (class IsSymbol)\nimport Prim.Row (class Lacks, class Cons, class Nub, "
        "class Union)\nimport Prim.RowList (class RowToList)\nimport Type.Proxy (Proxy)"
    ),
    "Record.Builder": (
        "import Record.Builder (Builder, build, buildFromScratch)\nimport Data.Symbol (class IsSymbol)\n"
        "import Prim.Row as Row\nimport Type.Proxy (Proxy)"
    ),
    "Record.Unsafe.Union": "import Data.Function.Uncurried (Fn2)",
    "Data.Maybe": "import Data.Maybe\nimport Control.Alt (class Alt)",
    "Data.Either": "import Data.Either\nimport Control.Alt (class Alt)",
    "Data.Newtype": "import Data.Newtype\nimport Safe.Coerce (class Coercible)",
    "Data.Enum": (
        "import Data.Enum\nimport Data.Unfoldable (class Unfoldable)\nimport Data.Unfoldable1 (class Unfoldable1)"
    ),
    "Data.Enum.Generic": (
        "import Data.Enum.Generic\nimport Data.Enum (Cardinality)\nimport Data.Generic.Rep (class Generic)"
    ),
    "Effect.Exception": "import Effect.Exception\nimport Data.Either (Either)",
    "Effect.Exception.Unsafe": "import Effect.Exception.Unsafe\nimport Effect.Exception (Error)",
    "Data.Enum.Gen": "import Data.Enum (class BoundedEnum)\nimport Control.Monad.Gen (class MonadGen)",
    **{
        f"Data.{kind}": f"import Data.{kind}\nimport Type.Proxy (Proxy)"
        for kind in ("Eq", "Ord", "Show", "Semiring", "Ring", "HeytingAlgebra", "Bounded", "Semigroup", "Monoid")
    },
    **{
        f"Data.{kind}.Generic": f"import Data.{kind}.Generic\nimport Data.Generic.Rep (class Generic)"
        for kind in ("Show", "Eq", "Ord", "Bounded", "Monoid", "Semigroup", "Semiring", "Ring", "HeytingAlgebra")
    },
}
"""Imports a module's signatures need besides the common ones (`Prelude`, `Maybe`, `Tuple`, `Effect`) and the
module itself (imported whole when not listed here)."""

DIFFERS: dict[tuple[str, str], str] = {
    ("Partial.Unsafe", "unsafePartial"): (
        "Nova's checker has no constrained argument types: `forall a. a -> a`, and a use discharges the `Partial` "
        "constraints of its argument where it is applied"
    ),
}
"""(module, name) → why Nova's scheme deliberately differs from the published signature."""
