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
  v5-era, and 2987910337, the revision with `clear` and `grouped :: … String -> m a -> m a`).
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
  own (their re-exports are compared in their home modules).
- control: Control.Alt, Control.Plus and Control.Alternative's `guard` (docs 23749386136, 1316126332),
  Control.Extend (1927145446), Control.Comonad (823786695), Data.Monoid.Alternate (1978474585). maybe, either,
  tuples: Data.Maybe (1862897893), Data.Maybe.First (1655293134), Data.Maybe.Last (799391747), Data.Either
  (2095023116), Data.Either.Nested (2301255037), Data.Either.Inject (1408120206), Data.Tuple (1364409361),
  Data.Tuple.Nested (1814964566). newtype v5: Data.Newtype (1563524859, the `Coercible` forms). const, identity:
  Data.Const (1436113280), Data.Identity (1217805944). functors: App (46242239753), Clown (46330354708), Joker
  (46719748143), Flip (1097929976), Product2 (23455899907), Compose (46359608621), Coproduct (4211207583), its
  Inject (23012833471) and Nested (445139094), Product (47118580985) and its Nested (510739166), Costar
  (24782199699). invariant: Data.Functor.Invariant (12698046688). contravariant v6 (the newtypes, not the stored
  fork's `On`): Data.Functor.Contravariant (21833674398), Data.Comparison (1990982660), Data.Equivalence
  (1776074477), Data.Op (1659824539), Data.Predicate (398484228), Data.Divide and Data.Decide (21281349023,
  21704896376: the class methods, their instances aside), Data.Divisible (1436742895), Data.Decidable (1613312198).
  profunctor: Data.Profunctor (1602804356), Strong and Choice after CHANGELOG.md 3971193031 (v6.0.1: `splitStrong`
  and `splitChoice` need `Semigroupoid`; `fanout`/`fanin` keep `Category`) over the older texts 3942402013 and
  3857458448, Star (46396649696), Split (1217962972), Closed (1737733101), Costrong (1819530246), Cochoice
  (2236906861), Join (1583321611). exists: Data.Exists (17281118718). tailrec: Control.Monad.Rec.Class (1752839663).
  exceptions: Effect.Exception (1860477144), Effect.Exception.Unsafe (1933865113). enums: Data.Enum (docs
  23396987763), Data.Enum.Generic (49294979798), Data.Enum.Gen (49032924735). gen: Control.Monad.Gen and its class
  (docs 23272529247), Control.Monad.Gen.Common (2276177920). typelevel-prelude v7 (monomorphic `Proxy`):
  Type.Data.Boolean (1452127315, docs 23412746833), Type.Data.Ordering (1316329685), Type.Data.Symbol (1696032176),
  Type.Equality (1567679913).
- foldable-traversable v6: the generated docs of Data.Foldable (11794088572), Data.Traversable (23528728696),
  Data.FoldableWithIndex (23329530489), Data.TraversableWithIndex (23964487857), Data.Semigroup.Foldable
  (23672004241), Data.Semigroup.Traversable (23977556860; its class methods as the class declares them) and
  Data.Traversable.Accum.Internal (23613225331); Data.FunctorWithIndex (1686642980), Data.Bifoldable (docs
  2666026755), Data.Bitraversable (893777625: `ltraverse`, `rtraverse`, `lfor`, `rfor`)."""

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


def _functor_nested() -> str:
    """Data.Functor.Coproduct.Nested's `inN`, `atN`, `coproductN` (445139094) and Data.Functor.Product.Nested's
    `productN`, `getN` (510739166) for N = 1…10 follow the published patterns of Data.Either.Nested and
    Data.Tuple.Nested over functors: `CN`/`TN` nest `Coproduct`/`Product`, `CoproductN`/`ProductN` end in
    `Const Void`/`Const Unit`. Returns the two modules' signatures."""
    coproduct = ["coproduct1 :: forall a. Coproduct1 a ~> a"]
    product_ = ["product1 :: forall a. a ~> Product1 a"]
    for n in range(1, 11):
        vs, last = _nested(n), _LETTERS[n - 1]
        coproduct.append(f"in{n} :: forall {vs} z. {last} ~> C{n + 1} {vs} z")
        coproduct.append(f"at{n} :: forall r x {vs} z. r -> ({last} x -> r) -> C{n + 1} {vs} z x -> r")
        product_.append(f"get{n} :: forall {vs} z. T{n + 1} {vs} z ~> {last}")
        if n > 1:
            handlers = " -> ".join(f"({v} x -> r)" for v in _LETTERS[:n])
            coproduct.append(f"coproduct{n} :: forall r x {vs}. {handlers} -> Coproduct{n} {vs} x -> r")
            args = " -> ".join(f"{v} x" for v in _LETTERS[:n])
            product_.append(f"product{n} :: forall {vs} x. {args} -> Product{n} {vs} x")
    return "\n".join(coproduct) + "\n=====\n" + "\n".join(product_)


_COPRODUCT_NESTED, _PRODUCT_NESTED = _functor_nested().split("\n=====\n")


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
        Even :: Parity
        Odd :: Parity
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
        grouped :: forall m a. MonadEffect m => String -> m a -> m a
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
    "Control.Alt": "alt :: forall f a. Alt f => f a -> f a -> f a",
    "Control.Plus": "empty :: forall f a. Plus f => f a",
    "Control.Alternative": "guard :: forall m. Alternative m => Boolean -> m Unit",
    "Control.Extend": """
        extend :: forall w b a. Extend w => (w a -> b) -> w a -> w b
        extendFlipped :: forall b a w. Extend w => w a -> (w a -> b) -> w b
        composeCoKleisli :: forall b a w c. Extend w => (w a -> b) -> (w b -> c) -> w a -> c
        composeCoKleisliFlipped :: forall b a w c. Extend w => (w b -> c) -> (w a -> b) -> w a -> c
        duplicate :: forall a w. Extend w => w a -> w (w a)
    """,
    "Control.Comonad": "extract :: forall w a. Comonad w => w a -> a",
    "Data.Monoid.Alternate": "Alternate :: forall f a. f a -> Alternate f a",
    "Data.Const": "Const :: forall a b. a -> Const a b",
    "Data.Identity": "Identity :: forall a. a -> Identity a",
    "Data.Functor.App": """
        App :: forall f a. f a -> App f a
        hoistApp :: forall f g. (f ~> g) -> App f ~> App g
        hoistLiftApp :: forall f g a. f (g a) -> f (App g a)
        hoistLowerApp :: forall f g a. f (App g a) -> f (g a)
    """,
    "Data.Functor.Clown": """
        Clown :: forall f a b. f a -> Clown f a b
        hoistClown :: forall f g a b. (f ~> g) -> Clown f a b -> Clown g a b
    """,
    "Data.Functor.Joker": """
        Joker :: forall g a b. g b -> Joker g a b
        hoistJoker :: forall f g a b. (f ~> g) -> Joker f a b -> Joker g a b
    """,
    "Data.Functor.Flip": "Flip :: forall p a b. p b a -> Flip p a b",
    "Data.Functor.Compose": """
        Compose :: forall f g a. f (g a) -> Compose f g a
        bihoistCompose :: forall f g h i. Functor f => (f ~> h) -> (g ~> i) -> Compose f g ~> Compose h i
    """,
    "Data.Functor.Coproduct": """
        Coproduct :: forall f g a. Either (f a) (g a) -> Coproduct f g a
        left :: forall f g a. f a -> Coproduct f g a
        right :: forall f g a. g a -> Coproduct f g a
        coproduct :: forall f g a b. (f a -> b) -> (g a -> b) -> Coproduct f g a -> b
        bihoistCoproduct :: forall f g h i. (f ~> h) -> (g ~> i) -> Coproduct f g ~> Coproduct h i
    """,
    "Data.Functor.Coproduct.Inject": """
        inj :: forall f g a. Inject f g => f a -> g a
        prj :: forall f g a. Inject f g => g a -> Maybe (f a)
    """,
    "Data.Functor.Coproduct.Nested": _COPRODUCT_NESTED,
    "Data.Functor.Product": """
        Product :: forall f g a. Tuple (f a) (g a) -> Product f g a
        product :: forall f g a. f a -> g a -> Product f g a
        bihoistProduct :: forall f g h i. (f ~> h) -> (g ~> i) -> Product f g ~> Product h i
    """,
    "Data.Functor.Product.Nested": _PRODUCT_NESTED,
    "Data.Functor.Product2": "Product2 :: forall f g a b. f a b -> g a b -> Product2 f g a b",
    "Data.Functor.Costar": """
        Costar :: forall f b a. (f b -> a) -> Costar f b a
        hoistCostar :: forall f g a b. (g ~> f) -> Costar f a b -> Costar g a b
    """,
    "Data.Functor.Invariant": """
        imap :: forall f a b. Invariant f => (a -> b) -> (b -> a) -> f a -> f b
        imapF :: forall f a b. Functor f => (a -> b) -> (b -> a) -> f a -> f b
    """,
    "Data.Functor.Contravariant": """
        cmap :: forall f a b. Contravariant f => (b -> a) -> f a -> f b
        cmapFlipped :: forall a b f. Contravariant f => f a -> (b -> a) -> f b
        coerce :: forall f a b. Contravariant f => Functor f => f a -> f b
        imapC :: forall f a b. Contravariant f => (a -> b) -> (b -> a) -> f a -> f b
        cflap :: forall a f b. Contravariant f => f b -> a -> f (a -> b)
        cvoid :: forall a f. Contravariant f => f Unit -> f a
        cvoidRight :: forall a b f. Contravariant f => a -> f a -> f b
        cvoidLeft :: forall a b f. Contravariant f => f a -> a -> f b
    """,
    "Data.Comparison": """
        Comparison :: forall a. (a -> a -> Ordering) -> Comparison a
        defaultComparison :: forall a. Ord a => Comparison a
    """,
    "Data.Equivalence": """
        Equivalence :: forall a. (a -> a -> Boolean) -> Equivalence a
        defaultEquivalence :: forall a. Eq a => Equivalence a
        comparisonEquivalence :: forall a. Comparison a -> Equivalence a
    """,
    "Data.Op": "Op :: forall a b. (b -> a) -> Op a b",
    "Data.Predicate": "Predicate :: forall a. (a -> Boolean) -> Predicate a",
    "Data.Divide": """
        divide :: forall f a b c. Divide f => (a -> Tuple b c) -> f b -> f c -> f a
        divided :: forall f a b. Divide f => f a -> f b -> f (Tuple a b)
    """,
    "Data.Divisible": "conquer :: forall f a. Divisible f => f a",
    "Data.Decide": """
        choose :: forall f a b c. Decide f => (a -> Either b c) -> f b -> f c -> f a
        chosen :: forall f a b. Decide f => f a -> f b -> f (Either a b)
    """,
    "Data.Decidable": """
        lose :: forall f a. Decidable f => (a -> Void) -> f a
        lost :: forall f. Decidable f => f Void
    """,
    "Data.Profunctor": """
        dimap :: forall p a b c d. Profunctor p => (a -> b) -> (c -> d) -> p b c -> p a d
        lcmap :: forall a b c p. Profunctor p => (a -> b) -> p b c -> p a c
        rmap :: forall a b c p. Profunctor p => (b -> c) -> p a b -> p a c
        arr :: forall a b p. Category p => Profunctor p => (a -> b) -> p a b
        unwrapIso :: forall p t a. Profunctor p => Newtype t a => p t t -> p a a
        wrapIso :: forall p t a. Profunctor p => Newtype t a => (a -> t) -> p a a -> p t t
    """,
    "Data.Profunctor.Strong": """
        first :: forall p a b c. Strong p => p a b -> p (Tuple a c) (Tuple b c)
        second :: forall p a b c. Strong p => p b c -> p (Tuple a b) (Tuple a c)
        splitStrong :: forall p a b c d. Semigroupoid p => Strong p => p a b -> p c d -> p (Tuple a c) (Tuple b d)
        fanout :: forall p a b c. Category p => Strong p => p a b -> p a c -> p a (Tuple b c)
    """,
    "Data.Profunctor.Choice": """
        left :: forall p a b c. Choice p => p a b -> p (Either a c) (Either b c)
        right :: forall p a b c. Choice p => p b c -> p (Either a b) (Either a c)
        splitChoice :: forall p a b c d. Semigroupoid p => Choice p => p a b -> p c d
          -> p (Either a c) (Either b d)
        fanin :: forall p a b c. Category p => Choice p => p a c -> p b c -> p (Either a b) c
    """,
    "Data.Profunctor.Star": """
        Star :: forall f a b. (a -> f b) -> Star f a b
        hoistStar :: forall f g a b. (f ~> g) -> Star f a b -> Star g a b
    """,
    "Data.Profunctor.Closed": "closed :: forall p a b x. Closed p => p a b -> p (x -> a) (x -> b)",
    "Data.Profunctor.Costrong": """
        unfirst :: forall p a b c. Costrong p => p (Tuple a c) (Tuple b c) -> p a b
        unsecond :: forall p a b c. Costrong p => p (Tuple a b) (Tuple a c) -> p b c
    """,
    "Data.Profunctor.Cochoice": """
        unleft :: forall p a b c. Cochoice p => p (Either a c) (Either b c) -> p a b
        unright :: forall p a b c. Cochoice p => p (Either a b) (Either a c) -> p b c
    """,
    "Data.Profunctor.Join": "Join :: forall p a. p a a -> Join p a",
    "Data.Profunctor.Split": """
        split :: forall f a b x. (a -> x) -> (x -> b) -> f x -> Split f a b
        unSplit :: forall f a b r. (forall x. (a -> x) -> (x -> b) -> f x -> r) -> Split f a b -> r
        liftSplit :: forall f a. f a -> Split f a a
        lowerSplit :: forall f a. Invariant f => Split f a a -> f a
        hoistSplit :: forall f g a b. (f ~> g) -> Split f a b -> Split g a b
    """,
    "Data.Exists": """
        mkExists :: forall f a. f a -> Exists f
        runExists :: forall f r. (forall a. f a -> r) -> Exists f -> r
    """,
    "Data.Either.Inject": """
        inj :: forall a b. Inject a b => a -> b
        prj :: forall a b. Inject a b => b -> Maybe a
    """,
    "Control.Monad.Gen.Class": """
        chooseInt :: forall m. MonadGen m => Int -> Int -> m Int
        chooseFloat :: forall m. MonadGen m => Number -> Number -> m Number
        chooseBool :: forall m. MonadGen m => m Boolean
        resize :: forall m a. MonadGen m => (Size -> Size) -> m a -> m a
        sized :: forall m a. MonadGen m => (Size -> m a) -> m a
    """,
    "Control.Monad.Gen": """
        choose :: forall m a. MonadGen m => m a -> m a -> m a
        oneOf :: forall m f a. MonadGen m => Foldable1 f => f (m a) -> m a
        frequency :: forall m f a. MonadGen m => Foldable1 f => f (Tuple Number (m a)) -> m a
        elements :: forall m f a. MonadGen m => Foldable1 f => f a -> m a
        unfoldable :: forall m f a. MonadRec m => MonadGen m => Unfoldable f => m a -> m (f a)
        suchThat :: forall m a. MonadRec m => MonadGen m => m a -> (a -> Boolean) -> m a
        filtered :: forall m a. MonadRec m => MonadGen m => m (Maybe a) -> m a
    """,
    "Control.Monad.Gen.Common": """
        genEither :: forall m a b. MonadGen m => m a -> m b -> m (Either a b)
        genEither' :: forall m a b. MonadGen m => Number -> m a -> m b -> m (Either a b)
        genIdentity :: forall m a. Functor m => m a -> m (Identity a)
        genMaybe :: forall m a. MonadGen m => m a -> m (Maybe a)
        genMaybe' :: forall m a. MonadGen m => Number -> m a -> m (Maybe a)
        genTuple :: forall m a b. Apply m => m a -> m b -> m (Tuple a b)
        genNonEmpty :: forall m a f. MonadRec m => MonadGen m => Unfoldable f => m a -> m (NonEmpty f a)
    """,
    "Type.Data.Boolean": """
        reflectBoolean :: forall bool. IsBoolean bool => Proxy bool -> Boolean
        reifyBoolean :: forall r. Boolean -> (forall o. IsBoolean o => Proxy o -> r) -> r
        and :: forall l r o. And l r o => Proxy l -> Proxy r -> Proxy o
        or :: forall l r o. Or l r o => Proxy l -> Proxy r -> Proxy o
        not :: forall i o. Not i o => Proxy i -> Proxy o
        if_ :: forall b t e o. If b t e o => Proxy b -> Proxy t -> Proxy e -> Proxy o
    """,
    "Type.Data.Ordering": """
        reflectOrdering :: forall ordering. IsOrdering ordering => Proxy ordering -> Ordering
        reifyOrdering :: forall r. Ordering -> (forall o. IsOrdering o => Proxy o -> r) -> r
        append :: forall l r o. Append l r o => Proxy l -> Proxy r -> Proxy o
        invert :: forall i o. Invert i o => Proxy i -> Proxy o
        equals :: forall l r o. Equals l r o => Proxy l -> Proxy r -> Proxy o
    """,
    "Type.Data.Symbol": """
        compare :: forall l r o. Compare l r o => Proxy l -> Proxy r -> Proxy o
        append :: forall l r o. Append l r o => Proxy l -> Proxy r -> Proxy o
        uncons :: forall h t s. Cons h t s => Proxy s -> { head :: Proxy h, tail :: Proxy t }
        equals :: forall l r o. Equals l r o => Proxy l -> Proxy r -> Proxy o
    """,
    "Type.Equality": """
        proof :: forall a b p. TypeEquals a b => p a -> p b
        to :: forall a b. TypeEquals a b => a -> b
        from :: forall a b. TypeEquals a b => b -> a
    """,
    "Data.Foldable": """
        foldr :: forall f a b. Foldable f => (a -> b -> b) -> b -> f a -> b
        foldl :: forall f a b. Foldable f => (b -> a -> b) -> b -> f a -> b
        foldMap :: forall f a m. Foldable f => Monoid m => (a -> m) -> f a -> m
        foldrDefault :: forall f a b. Foldable f => (a -> b -> b) -> b -> f a -> b
        foldlDefault :: forall f a b. Foldable f => (b -> a -> b) -> b -> f a -> b
        foldMapDefaultL :: forall f a m. Foldable f => Monoid m => (a -> m) -> f a -> m
        foldMapDefaultR :: forall f a m. Foldable f => Monoid m => (a -> m) -> f a -> m
        fold :: forall f m. Foldable f => Monoid m => f m -> m
        foldM :: forall f m a b. Foldable f => Monad m => (b -> a -> m b) -> b -> f a -> m b
        traverse_ :: forall a b f m. Applicative m => Foldable f => (a -> m b) -> f a -> m Unit
        for_ :: forall a b f m. Applicative m => Foldable f => f a -> (a -> m b) -> m Unit
        sequence_ :: forall a f m. Applicative m => Foldable f => f (m a) -> m Unit
        oneOf :: forall f g a. Foldable f => Plus g => f (g a) -> g a
        oneOfMap :: forall f g a b. Foldable f => Plus g => (a -> g b) -> f a -> g b
        intercalate :: forall f m. Foldable f => Monoid m => m -> f m -> m
        surroundMap :: forall f a m. Foldable f => Semigroup m => m -> (a -> m) -> f a -> m
        surround :: forall f m. Foldable f => Semigroup m => m -> f m -> m
        and :: forall a f. Foldable f => HeytingAlgebra a => f a -> a
        or :: forall a f. Foldable f => HeytingAlgebra a => f a -> a
        all :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        any :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        sum :: forall a f. Foldable f => Semiring a => f a -> a
        product :: forall a f. Foldable f => Semiring a => f a -> a
        elem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        notElem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        indexl :: forall a f. Foldable f => Int -> f a -> Maybe a
        indexr :: forall a f. Foldable f => Int -> f a -> Maybe a
        find :: forall a f. Foldable f => (a -> Boolean) -> f a -> Maybe a
        findMap :: forall a b f. Foldable f => (a -> Maybe b) -> f a -> Maybe b
        maximum :: forall a f. Ord a => Foldable f => f a -> Maybe a
        maximumBy :: forall a f. Foldable f => (a -> a -> Ordering) -> f a -> Maybe a
        minimum :: forall a f. Ord a => Foldable f => f a -> Maybe a
        minimumBy :: forall a f. Foldable f => (a -> a -> Ordering) -> f a -> Maybe a
        null :: forall a f. Foldable f => f a -> Boolean
        length :: forall a b f. Foldable f => Semiring b => f a -> b
        lookup :: forall a b f. Foldable f => Eq a => a -> f (Tuple a b) -> Maybe b
    """,
    "Data.Traversable": """
        traverse :: forall t a b m. Traversable t => Applicative m => (a -> m b) -> t a -> m (t b)
        sequence :: forall t a m. Traversable t => Applicative m => t (m a) -> m (t a)
        traverseDefault :: forall t a b m. Traversable t => Applicative m => (a -> m b) -> t a -> m (t b)
        sequenceDefault :: forall t a m. Traversable t => Applicative m => t (m a) -> m (t a)
        for :: forall a b m t. Applicative m => Traversable t => t a -> (a -> m b) -> m (t b)
        scanl :: forall a b f. Traversable f => (b -> a -> b) -> b -> f a -> f b
        scanr :: forall a b f. Traversable f => (a -> b -> b) -> b -> f a -> f b
        mapAccumL :: forall a b s f. Traversable f => (s -> a -> Accum s b) -> s -> f a -> Accum s (f b)
        mapAccumR :: forall a b s f. Traversable f => (s -> a -> Accum s b) -> s -> f a -> Accum s (f b)
    """,
    "Data.Traversable.Accum.Internal": """
        StateL :: forall s a. (s -> Accum s a) -> StateL s a
        stateL :: forall s a. StateL s a -> s -> Accum s a
        StateR :: forall s a. (s -> Accum s a) -> StateR s a
        stateR :: forall s a. StateR s a -> s -> Accum s a
    """,
    "Data.FunctorWithIndex": """
        mapWithIndex :: forall i f a b. FunctorWithIndex i f => (i -> a -> b) -> f a -> f b
        mapDefault :: forall i f a b. FunctorWithIndex i f => (a -> b) -> f a -> f b
    """,
    "Data.FoldableWithIndex": """
        foldrWithIndex :: forall i f a b. FoldableWithIndex i f => (i -> a -> b -> b) -> b -> f a -> b
        foldlWithIndex :: forall i f a b. FoldableWithIndex i f => (i -> b -> a -> b) -> b -> f a -> b
        foldMapWithIndex :: forall i f a m. FoldableWithIndex i f => Monoid m => (i -> a -> m) -> f a -> m
        foldrWithIndexDefault :: forall i f a b. FoldableWithIndex i f => (i -> a -> b -> b) -> b -> f a -> b
        foldlWithIndexDefault :: forall i f a b. FoldableWithIndex i f => (i -> b -> a -> b) -> b -> f a -> b
        foldMapWithIndexDefaultR :: forall i f a m. FoldableWithIndex i f => Monoid m => (i -> a -> m) -> f a -> m
        foldMapWithIndexDefaultL :: forall i f a m. FoldableWithIndex i f => Monoid m => (i -> a -> m) -> f a -> m
        foldWithIndexM :: forall i f m a b. FoldableWithIndex i f => Monad m => (i -> a -> b -> m a) -> a -> f b
          -> m a
        traverseWithIndex_ :: forall i a b f m. Applicative m => FoldableWithIndex i f => (i -> a -> m b) -> f a
          -> m Unit
        forWithIndex_ :: forall i a b f m. Applicative m => FoldableWithIndex i f => f a -> (i -> a -> m b)
          -> m Unit
        surroundMapWithIndex :: forall i f a m. FoldableWithIndex i f => Semigroup m => m -> (i -> a -> m) -> f a
          -> m
        allWithIndex :: forall i a b f. FoldableWithIndex i f => HeytingAlgebra b => (i -> a -> b) -> f a -> b
        anyWithIndex :: forall i a b f. FoldableWithIndex i f => HeytingAlgebra b => (i -> a -> b) -> f a -> b
        findWithIndex :: forall i a f. FoldableWithIndex i f => (i -> a -> Boolean) -> f a
          -> Maybe { index :: i, value :: a }
        findMapWithIndex :: forall i a b f. FoldableWithIndex i f => (i -> a -> Maybe b) -> f a -> Maybe b
        foldrDefault :: forall i f a b. FoldableWithIndex i f => (a -> b -> b) -> b -> f a -> b
        foldlDefault :: forall i f a b. FoldableWithIndex i f => (b -> a -> b) -> b -> f a -> b
        foldMapDefault :: forall i f a m. FoldableWithIndex i f => Monoid m => (a -> m) -> f a -> m
    """,
    "Data.TraversableWithIndex": """
        traverseWithIndex :: forall i t a b m. TraversableWithIndex i t => Applicative m => (i -> a -> m b) -> t a
          -> m (t b)
        traverseWithIndexDefault :: forall i t a b m. TraversableWithIndex i t => Applicative m
          => (i -> a -> m b) -> t a -> m (t b)
        forWithIndex :: forall i a b m t. Applicative m => TraversableWithIndex i t => t a -> (i -> a -> m b)
          -> m (t b)
        scanlWithIndex :: forall i a b f. TraversableWithIndex i f => (i -> b -> a -> b) -> b -> f a -> f b
        mapAccumLWithIndex :: forall i a b s f. TraversableWithIndex i f => (i -> s -> a -> Accum s b) -> s -> f a
          -> Accum s (f b)
        scanrWithIndex :: forall i a b f. TraversableWithIndex i f => (i -> a -> b -> b) -> b -> f a -> f b
        mapAccumRWithIndex :: forall i a b s f. TraversableWithIndex i f => (i -> s -> a -> Accum s b) -> s -> f a
          -> Accum s (f b)
        traverseDefault :: forall i t a b m. TraversableWithIndex i t => Applicative m => (a -> m b) -> t a
          -> m (t b)
    """,
    "Data.Semigroup.Foldable": """
        foldr1 :: forall t a. Foldable1 t => (a -> a -> a) -> t a -> a
        foldl1 :: forall t a. Foldable1 t => (a -> a -> a) -> t a -> a
        foldMap1 :: forall t a m. Foldable1 t => Semigroup m => (a -> m) -> t a -> m
        fold1 :: forall t m. Foldable1 t => Semigroup m => t m -> m
        traverse1_ :: forall t f a b. Foldable1 t => Apply f => (a -> f b) -> t a -> f Unit
        for1_ :: forall t f a b. Foldable1 t => Apply f => t a -> (a -> f b) -> f Unit
        sequence1_ :: forall t f a. Foldable1 t => Apply f => t (f a) -> f Unit
        foldr1Default :: forall t a. Foldable1 t => (a -> a -> a) -> t a -> a
        foldl1Default :: forall t a. Foldable1 t => (a -> a -> a) -> t a -> a
        foldMap1DefaultR :: forall t m a. Foldable1 t => Functor t => Semigroup m => (a -> m) -> t a -> m
        foldMap1DefaultL :: forall t m a. Foldable1 t => Functor t => Semigroup m => (a -> m) -> t a -> m
        intercalate :: forall f m. Foldable1 f => Semigroup m => m -> f m -> m
        intercalateMap :: forall f m a. Foldable1 f => Semigroup m => m -> (a -> m) -> f a -> m
        maximum :: forall f a. Ord a => Foldable1 f => f a -> a
        maximumBy :: forall f a. Foldable1 f => (a -> a -> Ordering) -> f a -> a
        minimum :: forall f a. Ord a => Foldable1 f => f a -> a
        minimumBy :: forall f a. Foldable1 f => (a -> a -> Ordering) -> f a -> a
    """,
    "Data.Semigroup.Traversable": """
        traverse1 :: forall t a b f. Traversable1 t => Apply f => (a -> f b) -> t a -> f (t b)
        sequence1 :: forall t b f. Traversable1 t => Apply f => t (f b) -> f (t b)
        traverse1Default :: forall t a b m. Traversable1 t => Apply m => (a -> m b) -> t a -> m (t b)
        sequence1Default :: forall t a m. Traversable1 t => Apply m => t (m a) -> m (t a)
    """,
    "Data.Bifoldable": """
        bifoldr :: forall p a b c. Bifoldable p => (a -> c -> c) -> (b -> c -> c) -> c -> p a b -> c
        bifoldl :: forall p a b c. Bifoldable p => (c -> a -> c) -> (c -> b -> c) -> c -> p a b -> c
        bifoldMap :: forall p m a b. Bifoldable p => Monoid m => (a -> m) -> (b -> m) -> p a b -> m
        bifoldrDefault :: forall p a b c. Bifoldable p => (a -> c -> c) -> (b -> c -> c) -> c -> p a b -> c
        bifoldlDefault :: forall p a b c. Bifoldable p => (c -> a -> c) -> (c -> b -> c) -> c -> p a b -> c
        bifoldMapDefaultR :: forall p m a b. Bifoldable p => Monoid m => (a -> m) -> (b -> m) -> p a b -> m
        bifoldMapDefaultL :: forall p m a b. Bifoldable p => Monoid m => (a -> m) -> (b -> m) -> p a b -> m
        bifold :: forall t m. Bifoldable t => Monoid m => t m m -> m
        bitraverse_ :: forall t f a b c d. Bifoldable t => Applicative f => (a -> f c) -> (b -> f d) -> t a b
          -> f Unit
        bifor_ :: forall t f a b c d. Bifoldable t => Applicative f => t a b -> (a -> f c) -> (b -> f d) -> f Unit
        bisequence_ :: forall t f a b. Bifoldable t => Applicative f => t (f a) (f b) -> f Unit
        biany :: forall t a b c. Bifoldable t => BooleanAlgebra c => (a -> c) -> (b -> c) -> t a b -> c
        biall :: forall t a b c. Bifoldable t => BooleanAlgebra c => (a -> c) -> (b -> c) -> t a b -> c
    """,
    "Data.Bitraversable": """
        bitraverse :: forall t f a b c d. Bitraversable t => Applicative f => (a -> f c) -> (b -> f d) -> t a b
          -> f (t c d)
        bisequence :: forall t f a b. Bitraversable t => Applicative f => t (f a) (f b) -> f (t a b)
        bitraverseDefault :: forall t f a b c d. Bitraversable t => Applicative f => (a -> f c) -> (b -> f d)
          -> t a b -> f (t c d)
        bisequenceDefault :: forall t f a b. Bitraversable t => Applicative f => t (f a) (f b) -> f (t a b)
        ltraverse :: forall t b c a f. Bitraversable t => Applicative f => (a -> f c) -> t a b -> f (t c b)
        rtraverse :: forall t b c a f. Bitraversable t => Applicative f => (b -> f c) -> t a b -> f (t a c)
        bifor :: forall t f a b c d. Bitraversable t => Applicative f => t a b -> (a -> f c) -> (b -> f d)
          -> f (t c d)
        lfor :: forall t b c a f. Bitraversable t => Applicative f => t a b -> (a -> f c) -> f (t c b)
        rfor :: forall t b c a f. Bitraversable t => Applicative f => t a b -> (b -> f c) -> f (t a c)
    """,
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
    "Data.Functor.Coproduct.Inject": "import Data.Functor.Coproduct.Inject\nimport Data.Maybe (Maybe)",
    "Data.Functor.Coproduct": "import Data.Functor.Coproduct\nimport Data.Either (Either)",
    "Data.Comparison": "import Data.Comparison",
    "Data.Equivalence": "import Data.Equivalence\nimport Data.Comparison (Comparison)",
    "Data.Divide": "import Data.Divide",
    "Data.Decide": "import Data.Decide\nimport Data.Either (Either)",
    "Data.Profunctor": "import Data.Profunctor\nimport Data.Newtype (class Newtype)",
    "Data.Profunctor.Choice": "import Data.Profunctor.Choice\nimport Data.Either (Either)",
    "Data.Profunctor.Cochoice": "import Data.Profunctor.Cochoice\nimport Data.Either (Either)",
    "Data.Profunctor.Split": "import Data.Profunctor.Split\nimport Data.Functor.Invariant (class Invariant)",
    "Control.Monad.Gen.Class": "import Control.Monad.Gen.Class",
    "Control.Monad.Gen": (
        "import Control.Monad.Gen\nimport Control.Monad.Rec.Class (class MonadRec)\n"
        "import Data.Semigroup.Foldable (class Foldable1)\nimport Data.Unfoldable (class Unfoldable)"
    ),
    "Control.Monad.Gen.Common": (
        "import Control.Monad.Gen.Common\nimport Control.Monad.Gen (class MonadGen)\n"
        "import Control.Monad.Rec.Class (class MonadRec)\nimport Data.Unfoldable (class Unfoldable)\n"
        "import Data.Either (Either)\nimport Data.Identity (Identity)\nimport Data.NonEmpty (NonEmpty)"
    ),
    "Type.Data.Boolean": "import Type.Data.Boolean\nimport Type.Proxy (Proxy)",
    "Type.Data.Ordering": (
        "import Type.Data.Ordering (class IsOrdering, class Append, class Invert, class Equals)\n"
        "import Type.Proxy (Proxy)"
    ),
    "Type.Data.Symbol": "import Type.Data.Symbol\nimport Type.Proxy (Proxy)",
    "Data.Either.Inject": "import Data.Either.Inject\nimport Data.Maybe (Maybe)",
    "Data.Foldable": "import Data.Foldable\nimport Control.Plus (class Plus)",
    "Data.Traversable": "import Data.Traversable\nimport Data.Traversable.Accum (Accum)",
    "Data.Traversable.Accum.Internal": (
        "import Data.Traversable.Accum.Internal\nimport Data.Traversable.Accum (Accum)"
    ),
    "Data.TraversableWithIndex": "import Data.TraversableWithIndex\nimport Data.Traversable.Accum (Accum)",
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
