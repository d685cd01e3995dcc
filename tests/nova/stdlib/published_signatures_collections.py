"""The published signatures of the collection packages' modules (arrays, lists, nonempty, strings,
ordered-collections), in the format of `published_signatures.py` (one `name :: type` a line, as the package's source
declares it; operators left out), kept apart because these modules are large. Where the names come from (index ids
of the newest stored texts; generated docs where they are the newest text, with their re-exports):
- arrays: Data.Array (1850993978, the v7 export list: `transpose`, no `group'`), Data.Array.NonEmpty (1355906634:
  `prependArray`, `transpose'`), .Internal (4700054779), Data.Array.Partial (4635706412), Data.Array.ST
  (1835587197: `length`, no `empty`), .Partial (its docs, 24014413103), .Iterator (2296175099).
- ordered-collections: Data.Map.Internal (2538263908, a later text than v3.0: its export list adds iteration
  internals, not compared), Data.Map (2318149863: `keys` gives a `Set`, `SemigroupMap`), Data.Set (3452278912,
  of the same later revision: `checkValid` needs `Ord`; no stored text has Set's `lookupLE`/`LT`/`GE`/`GT`, left
  out), Data.Set.NonEmpty (2017583723: `cons`, `min`, `max`, `filter`, `mapMaybe`; no stored text has its `union`,
  left out).
- lists: Data.List (1975275001; its Data.Foldable and Data.Traversable re-exports as in their docs, 11794088572 and
  2254633014), Data.List.Types (23542074878), Data.List.NonEmpty (23852835342; no stored text has its `range`, left
  out), Data.List.Partial (1609082371), Data.List.Lazy (24048257635), .Lazy.Types (23710829808), .Lazy.NonEmpty
  (23452816311), Data.List.ZipList (1765642341), Data.List.Internal (1219407518). nonempty: Data.NonEmpty
  (1773408185).
- strings: Data.String.CodeUnits (2239009935), .CodePoints (24047905253), .Common (23446104973), .Pattern
  (23461839365), .Unsafe (23446989552), .CaseInsensitive (137268753), .Regex (23260810306), .Regex.Flags
  (23132450628), .Regex.Unsafe (23737230870); Data.String re-exports CodePoints, Common and Pattern.
  Data.String.NonEmpty (1827707288: re-exports part of .Internal, `Pattern(..)` and all of .CodePoints), .Internal
  (2192290153), .CodePoints (2288286013), .CodeUnits (50017980529), .CaseInsensitive (1428610511); Data.String.Gen
  (1246695694), Data.Char (1461333915), Data.Char.Gen (1348415857)."""

from __future__ import annotations

_MAP = """
        empty :: forall k v. Map k v
        isEmpty :: forall k v. Map k v -> Boolean
        singleton :: forall k v. k -> v -> Map k v
        checkValid :: forall k v. Ord k => Map k v -> Boolean
        lookup :: forall k v. Ord k => k -> Map k v -> Maybe v
        lookupLE :: forall k v. Ord k => k -> Map k v -> Maybe { key :: k, value :: v }
        lookupLT :: forall k v. Ord k => k -> Map k v -> Maybe { key :: k, value :: v }
        lookupGE :: forall k v. Ord k => k -> Map k v -> Maybe { key :: k, value :: v }
        lookupGT :: forall k v. Ord k => k -> Map k v -> Maybe { key :: k, value :: v }
        findMax :: forall k v. Map k v -> Maybe { key :: k, value :: v }
        findMin :: forall k v. Map k v -> Maybe { key :: k, value :: v }
        foldSubmap :: forall k v m. Ord k => Monoid m => Maybe k -> Maybe k -> (k -> v -> m) -> Map k v -> m
        submap :: forall k v. Ord k => Maybe k -> Maybe k -> Map k v -> Map k v
        member :: forall k v. Ord k => k -> Map k v -> Boolean
        insert :: forall k v. Ord k => k -> v -> Map k v -> Map k v
        insertWith :: forall k v. Ord k => (v -> v -> v) -> k -> v -> Map k v -> Map k v
        delete :: forall k v. Ord k => k -> Map k v -> Map k v
        pop :: forall k v. Ord k => k -> Map k v -> Maybe (Tuple v (Map k v))
        alter :: forall k v. Ord k => (Maybe v -> Maybe v) -> k -> Map k v -> Map k v
        update :: forall k v. Ord k => (v -> Maybe v) -> k -> Map k v -> Map k v
        fromFoldable :: forall f k v. Ord k => Foldable f => f (Tuple k v) -> Map k v
        fromFoldableWith :: forall f k v. Ord k => Foldable f => (v -> v -> v) -> f (Tuple k v) -> Map k v
        fromFoldableWithIndex :: forall f k v. Ord k => FoldableWithIndex k f => f v -> Map k v
        toUnfoldable :: forall f k v. Unfoldable f => Map k v -> f (Tuple k v)
        toUnfoldableUnordered :: forall f k v. Unfoldable f => Map k v -> f (Tuple k v)
        values :: forall k v. Map k v -> List v
        unionWith :: forall k v. Ord k => (v -> v -> v) -> Map k v -> Map k v -> Map k v
        union :: forall k v. Ord k => Map k v -> Map k v -> Map k v
        unions :: forall k v f. Ord k => Foldable f => f (Map k v) -> Map k v
        intersectionWith :: forall k a b c. Ord k => (a -> b -> c) -> Map k a -> Map k b -> Map k c
        intersection :: forall k a b. Ord k => Map k a -> Map k b -> Map k a
        difference :: forall k v w. Ord k => Map k v -> Map k w -> Map k v
        isSubmap :: forall k v. Ord k => Eq v => Map k v -> Map k v -> Boolean
        size :: forall k v. Map k v -> Int
        filterWithKey :: forall k v. Ord k => (k -> v -> Boolean) -> Map k v -> Map k v
        filterKeys :: forall k. Ord k => (k -> Boolean) -> Map k ~> Map k
        filter :: forall k v. Ord k => (v -> Boolean) -> Map k v -> Map k v
        mapMaybeWithKey :: forall k a b. Ord k => (k -> a -> Maybe b) -> Map k a -> Map k b
        mapMaybe :: forall k a b. Ord k => (a -> Maybe b) -> Map k a -> Map k b
        catMaybes :: forall k v. Ord k => Map k (Maybe v) -> Map k v
        any :: forall k v. (v -> Boolean) -> Map k v -> Boolean
        anyWithKey :: forall k v. (k -> v -> Boolean) -> Map k v -> Boolean
"""
"""The values Data.Map re-exports from Data.Map.Internal (both export `keys`, with different types)."""

_NON_EMPTY_CODE_POINTS = """
        fromCodePointArray :: Array CodePoint -> Maybe NonEmptyString
        fromNonEmptyCodePointArray :: NonEmptyArray CodePoint -> NonEmptyString
        singleton :: CodePoint -> NonEmptyString
        cons :: CodePoint -> String -> NonEmptyString
        snoc :: CodePoint -> String -> NonEmptyString
        fromFoldable1 :: forall f. Foldable1 f => f CodePoint -> NonEmptyString
        toCodePointArray :: NonEmptyString -> Array CodePoint
        toNonEmptyCodePointArray :: NonEmptyString -> NonEmptyArray CodePoint
        codePointAt :: Int -> NonEmptyString -> Maybe CodePoint
        indexOf :: Pattern -> NonEmptyString -> Maybe Int
        indexOf' :: Pattern -> Int -> NonEmptyString -> Maybe Int
        lastIndexOf :: Pattern -> NonEmptyString -> Maybe Int
        lastIndexOf' :: Pattern -> Int -> NonEmptyString -> Maybe Int
        uncons :: NonEmptyString -> { head :: CodePoint, tail :: Maybe NonEmptyString }
        length :: NonEmptyString -> Int
        take :: Int -> NonEmptyString -> Maybe NonEmptyString
        takeWhile :: (CodePoint -> Boolean) -> NonEmptyString -> Maybe NonEmptyString
        drop :: Int -> NonEmptyString -> Maybe NonEmptyString
        dropWhile :: (CodePoint -> Boolean) -> NonEmptyString -> Maybe NonEmptyString
        countPrefix :: (CodePoint -> Boolean) -> NonEmptyString -> Int
        splitAt :: Int -> NonEmptyString -> { before :: Maybe NonEmptyString, after :: Maybe NonEmptyString }
"""
"""Data.String.NonEmpty.CodePoints's values, all of which Data.String.NonEmpty re-exports."""

SIGNATURES: dict[str, str] = {
    "Data.Array": """
        fromFoldable :: forall f. Foldable f => f ~> Array
        toUnfoldable :: forall f. Unfoldable f => Array ~> f
        singleton :: forall a. a -> Array a
        range :: Int -> Int -> Array Int
        replicate :: forall a. Int -> a -> Array a
        some :: forall f a. Alternative f => Lazy (f (Array a)) => f a -> f (Array a)
        many :: forall f a. Alternative f => Lazy (f (Array a)) => f a -> f (Array a)
        null :: forall a. Array a -> Boolean
        length :: forall a. Array a -> Int
        cons :: forall a. a -> Array a -> Array a
        snoc :: forall a. Array a -> a -> Array a
        insert :: forall a. Ord a => a -> Array a -> Array a
        insertBy :: forall a. (a -> a -> Ordering) -> a -> Array a -> Array a
        head :: forall a. Array a -> Maybe a
        last :: forall a. Array a -> Maybe a
        tail :: forall a. Array a -> Maybe (Array a)
        init :: forall a. Array a -> Maybe (Array a)
        uncons :: forall a. Array a -> Maybe { head :: a, tail :: Array a }
        unsnoc :: forall a. Array a -> Maybe { init :: Array a, last :: a }
        index :: forall a. Array a -> Int -> Maybe a
        elem :: forall a. Eq a => a -> Array a -> Boolean
        notElem :: forall a. Eq a => a -> Array a -> Boolean
        elemIndex :: forall a. Eq a => a -> Array a -> Maybe Int
        elemLastIndex :: forall a. Eq a => a -> Array a -> Maybe Int
        find :: forall a. (a -> Boolean) -> Array a -> Maybe a
        findMap :: forall a b. (a -> Maybe b) -> Array a -> Maybe b
        findIndex :: forall a. (a -> Boolean) -> Array a -> Maybe Int
        findLastIndex :: forall a. (a -> Boolean) -> Array a -> Maybe Int
        insertAt :: forall a. Int -> a -> Array a -> Maybe (Array a)
        deleteAt :: forall a. Int -> Array a -> Maybe (Array a)
        updateAt :: forall a. Int -> a -> Array a -> Maybe (Array a)
        modifyAt :: forall a. Int -> (a -> a) -> Array a -> Maybe (Array a)
        alterAt :: forall a. Int -> (a -> Maybe a) -> Array a -> Maybe (Array a)
        intersperse :: forall a. a -> Array a -> Array a
        reverse :: forall a. Array a -> Array a
        concat :: forall a. Array (Array a) -> Array a
        concatMap :: forall a b. (a -> Array b) -> Array a -> Array b
        filter :: forall a. (a -> Boolean) -> Array a -> Array a
        partition :: forall a. (a -> Boolean) -> Array a -> { yes :: Array a, no :: Array a }
        splitAt :: forall a. Int -> Array a -> { before :: Array a, after :: Array a }
        filterA :: forall a f. Applicative f => (a -> f Boolean) -> Array a -> f (Array a)
        mapMaybe :: forall a b. (a -> Maybe b) -> Array a -> Array b
        catMaybes :: forall a. Array (Maybe a) -> Array a
        mapWithIndex :: forall a b. (Int -> a -> b) -> Array a -> Array b
        updateAtIndices :: forall t a. Foldable t => t (Tuple Int a) -> Array a -> Array a
        modifyAtIndices :: forall t a. Foldable t => t Int -> (a -> a) -> Array a -> Array a
        foldl :: forall a b. (b -> a -> b) -> b -> Array a -> b
        foldr :: forall a b. (a -> b -> b) -> b -> Array a -> b
        foldMap :: forall a m. Monoid m => (a -> m) -> Array a -> m
        fold :: forall m. Monoid m => Array m -> m
        intercalate :: forall a. Monoid a => a -> Array a -> a
        transpose :: forall a. Array (Array a) -> Array (Array a)
        scanl :: forall a b. (b -> a -> b) -> b -> Array a -> Array b
        scanr :: forall a b. (a -> b -> b) -> b -> Array a -> Array b
        sort :: forall a. Ord a => Array a -> Array a
        sortBy :: forall a. (a -> a -> Ordering) -> Array a -> Array a
        sortWith :: forall a b. Ord b => (a -> b) -> Array a -> Array a
        slice :: forall a. Int -> Int -> Array a -> Array a
        take :: forall a. Int -> Array a -> Array a
        takeEnd :: forall a. Int -> Array a -> Array a
        takeWhile :: forall a. (a -> Boolean) -> Array a -> Array a
        drop :: forall a. Int -> Array a -> Array a
        dropEnd :: forall a. Int -> Array a -> Array a
        dropWhile :: forall a. (a -> Boolean) -> Array a -> Array a
        span :: forall a. (a -> Boolean) -> Array a -> { init :: Array a, rest :: Array a }
        group :: forall a. Eq a => Array a -> Array (NonEmptyArray a)
        groupAll :: forall a. Ord a => Array a -> Array (NonEmptyArray a)
        groupBy :: forall a. (a -> a -> Boolean) -> Array a -> Array (NonEmptyArray a)
        groupAllBy :: forall a. (a -> a -> Ordering) -> Array a -> Array (NonEmptyArray a)
        nub :: forall a. Ord a => Array a -> Array a
        nubEq :: forall a. Eq a => Array a -> Array a
        nubBy :: forall a. (a -> a -> Ordering) -> Array a -> Array a
        nubByEq :: forall a. (a -> a -> Boolean) -> Array a -> Array a
        union :: forall a. Eq a => Array a -> Array a -> Array a
        unionBy :: forall a. (a -> a -> Boolean) -> Array a -> Array a -> Array a
        delete :: forall a. Eq a => a -> Array a -> Array a
        deleteBy :: forall a. (a -> a -> Boolean) -> a -> Array a -> Array a
        difference :: forall a. Eq a => Array a -> Array a -> Array a
        intersect :: forall a. Eq a => Array a -> Array a -> Array a
        intersectBy :: forall a. (a -> a -> Boolean) -> Array a -> Array a -> Array a
        zipWith :: forall a b c. (a -> b -> c) -> Array a -> Array b -> Array c
        zipWithA :: forall m a b c. Applicative m => (a -> b -> m c) -> Array a -> Array b -> m (Array c)
        zip :: forall a b. Array a -> Array b -> Array (Tuple a b)
        unzip :: forall a b. Array (Tuple a b) -> Tuple (Array a) (Array b)
        any :: forall a. (a -> Boolean) -> Array a -> Boolean
        all :: forall a. (a -> Boolean) -> Array a -> Boolean
        foldM :: forall m a b. Monad m => (b -> a -> m b) -> b -> Array a -> m b
        foldRecM :: forall m a b. MonadRec m => (b -> a -> m b) -> b -> Array a -> m b
        unsafeIndex :: forall a. Partial => Array a -> Int -> a
    """,
    "Data.Array.NonEmpty": """
        fromArray :: forall a. Array a -> Maybe (NonEmptyArray a)
        fromNonEmpty :: forall a. NonEmpty Array a -> NonEmptyArray a
        toArray :: forall a. NonEmptyArray a -> Array a
        toNonEmpty :: forall a. NonEmptyArray a -> NonEmpty Array a
        fromFoldable :: forall f a. Foldable f => f a -> Maybe (NonEmptyArray a)
        fromFoldable1 :: forall f a. Foldable1 f => f a -> NonEmptyArray a
        toUnfoldable :: forall f a. Unfoldable f => NonEmptyArray a -> f a
        toUnfoldable1 :: forall f a. Unfoldable1 f => NonEmptyArray a -> f a
        singleton :: forall a. a -> NonEmptyArray a
        range :: Int -> Int -> NonEmptyArray Int
        replicate :: forall a. Int -> a -> NonEmptyArray a
        some :: forall f a. Alternative f => Lazy (f (Array a)) => f a -> f (NonEmptyArray a)
        length :: forall a. NonEmptyArray a -> Int
        cons :: forall a. a -> NonEmptyArray a -> NonEmptyArray a
        cons' :: forall a. a -> Array a -> NonEmptyArray a
        snoc :: forall a. NonEmptyArray a -> a -> NonEmptyArray a
        snoc' :: forall a. Array a -> a -> NonEmptyArray a
        appendArray :: forall a. NonEmptyArray a -> Array a -> NonEmptyArray a
        prependArray :: forall a. Array a -> NonEmptyArray a -> NonEmptyArray a
        insert :: forall a. Ord a => a -> NonEmptyArray a -> NonEmptyArray a
        insertBy :: forall a. (a -> a -> Ordering) -> a -> NonEmptyArray a -> NonEmptyArray a
        head :: forall a. NonEmptyArray a -> a
        last :: forall a. NonEmptyArray a -> a
        tail :: forall a. NonEmptyArray a -> Array a
        init :: forall a. NonEmptyArray a -> Array a
        uncons :: forall a. NonEmptyArray a -> { head :: a, tail :: Array a }
        unsnoc :: forall a. NonEmptyArray a -> { init :: Array a, last :: a }
        index :: forall a. NonEmptyArray a -> Int -> Maybe a
        elem :: forall a. Eq a => a -> NonEmptyArray a -> Boolean
        notElem :: forall a. Eq a => a -> NonEmptyArray a -> Boolean
        elemIndex :: forall a. Eq a => a -> NonEmptyArray a -> Maybe Int
        elemLastIndex :: forall a. Eq a => a -> NonEmptyArray a -> Maybe Int
        find :: forall a. (a -> Boolean) -> NonEmptyArray a -> Maybe a
        findMap :: forall a b. (a -> Maybe b) -> NonEmptyArray a -> Maybe b
        findIndex :: forall a. (a -> Boolean) -> NonEmptyArray a -> Maybe Int
        findLastIndex :: forall a. (a -> Boolean) -> NonEmptyArray a -> Maybe Int
        insertAt :: forall a. Int -> a -> NonEmptyArray a -> Maybe (NonEmptyArray a)
        deleteAt :: forall a. Int -> NonEmptyArray a -> Maybe (Array a)
        updateAt :: forall a. Int -> a -> NonEmptyArray a -> Maybe (NonEmptyArray a)
        updateAtIndices :: forall t a. Foldable t => t (Tuple Int a) -> NonEmptyArray a -> NonEmptyArray a
        modifyAt :: forall a. Int -> (a -> a) -> NonEmptyArray a -> Maybe (NonEmptyArray a)
        modifyAtIndices :: forall t a. Foldable t => t Int -> (a -> a) -> NonEmptyArray a -> NonEmptyArray a
        alterAt :: forall a. Int -> (a -> Maybe a) -> NonEmptyArray a -> Maybe (Array a)
        intersperse :: forall a. a -> NonEmptyArray a -> NonEmptyArray a
        reverse :: forall a. NonEmptyArray a -> NonEmptyArray a
        concat :: forall a. NonEmptyArray (NonEmptyArray a) -> NonEmptyArray a
        concatMap :: forall a b. (a -> NonEmptyArray b) -> NonEmptyArray a -> NonEmptyArray b
        filter :: forall a. (a -> Boolean) -> NonEmptyArray a -> Array a
        partition :: forall a. (a -> Boolean) -> NonEmptyArray a -> { yes :: Array a, no :: Array a }
        filterA :: forall a f. Applicative f => (a -> f Boolean) -> NonEmptyArray a -> f (Array a)
        splitAt :: forall a. Int -> NonEmptyArray a -> { before :: Array a, after :: Array a }
        mapMaybe :: forall a b. (a -> Maybe b) -> NonEmptyArray a -> Array b
        catMaybes :: forall a. NonEmptyArray (Maybe a) -> Array a
        mapWithIndex :: forall a b. (Int -> a -> b) -> NonEmptyArray a -> NonEmptyArray b
        foldl1 :: forall a. (a -> a -> a) -> NonEmptyArray a -> a
        foldr1 :: forall a. (a -> a -> a) -> NonEmptyArray a -> a
        foldMap1 :: forall a m. Semigroup m => (a -> m) -> NonEmptyArray a -> m
        fold1 :: forall m. Semigroup m => NonEmptyArray m -> m
        intercalate :: forall a. Semigroup a => a -> NonEmptyArray a -> a
        transpose :: forall a. NonEmptyArray (NonEmptyArray a) -> NonEmptyArray (NonEmptyArray a)
        transpose' :: forall a. NonEmptyArray (Array a) -> Maybe (NonEmptyArray (Array a))
        scanl :: forall a b. (b -> a -> b) -> b -> NonEmptyArray a -> NonEmptyArray b
        scanr :: forall a b. (a -> b -> b) -> b -> NonEmptyArray a -> NonEmptyArray b
        sort :: forall a. Ord a => NonEmptyArray a -> NonEmptyArray a
        sortBy :: forall a. (a -> a -> Ordering) -> NonEmptyArray a -> NonEmptyArray a
        sortWith :: forall a b. Ord b => (a -> b) -> NonEmptyArray a -> NonEmptyArray a
        slice :: forall a. Int -> Int -> NonEmptyArray a -> Array a
        take :: forall a. Int -> NonEmptyArray a -> Array a
        takeEnd :: forall a. Int -> NonEmptyArray a -> Array a
        takeWhile :: forall a. (a -> Boolean) -> NonEmptyArray a -> Array a
        drop :: forall a. Int -> NonEmptyArray a -> Array a
        dropEnd :: forall a. Int -> NonEmptyArray a -> Array a
        dropWhile :: forall a. (a -> Boolean) -> NonEmptyArray a -> Array a
        span :: forall a. (a -> Boolean) -> NonEmptyArray a -> { init :: Array a, rest :: Array a }
        group :: forall a. Eq a => NonEmptyArray a -> NonEmptyArray (NonEmptyArray a)
        groupAll :: forall a. Ord a => NonEmptyArray a -> NonEmptyArray (NonEmptyArray a)
        groupBy :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> NonEmptyArray (NonEmptyArray a)
        groupAllBy :: forall a. (a -> a -> Ordering) -> NonEmptyArray a -> NonEmptyArray (NonEmptyArray a)
        nub :: forall a. Ord a => NonEmptyArray a -> NonEmptyArray a
        nubEq :: forall a. Eq a => NonEmptyArray a -> NonEmptyArray a
        nubBy :: forall a. (a -> a -> Ordering) -> NonEmptyArray a -> NonEmptyArray a
        nubByEq :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> NonEmptyArray a
        union :: forall a. Eq a => NonEmptyArray a -> NonEmptyArray a -> NonEmptyArray a
        union' :: forall a. Eq a => NonEmptyArray a -> Array a -> NonEmptyArray a
        unionBy :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> NonEmptyArray a -> NonEmptyArray a
        unionBy' :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> Array a -> NonEmptyArray a
        delete :: forall a. Eq a => a -> NonEmptyArray a -> Array a
        deleteBy :: forall a. (a -> a -> Boolean) -> a -> NonEmptyArray a -> Array a
        difference :: forall a. Eq a => NonEmptyArray a -> NonEmptyArray a -> Array a
        difference' :: forall a. Eq a => NonEmptyArray a -> Array a -> Array a
        intersect :: forall a. Eq a => NonEmptyArray a -> NonEmptyArray a -> Array a
        intersect' :: forall a. Eq a => NonEmptyArray a -> Array a -> Array a
        intersectBy :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> NonEmptyArray a -> Array a
        intersectBy' :: forall a. (a -> a -> Boolean) -> NonEmptyArray a -> Array a -> Array a
        zipWith :: forall a b c. (a -> b -> c) -> NonEmptyArray a -> NonEmptyArray b -> NonEmptyArray c
        zipWithA :: forall m a b c. Applicative m => (a -> b -> m c) -> NonEmptyArray a -> NonEmptyArray b
          -> m (NonEmptyArray c)
        zip :: forall a b. NonEmptyArray a -> NonEmptyArray b -> NonEmptyArray (Tuple a b)
        unzip :: forall a b. NonEmptyArray (Tuple a b) -> Tuple (NonEmptyArray a) (NonEmptyArray b)
        any :: forall a. (a -> Boolean) -> NonEmptyArray a -> Boolean
        all :: forall a. (a -> Boolean) -> NonEmptyArray a -> Boolean
        foldM :: forall m a b. Monad m => (b -> a -> m b) -> b -> NonEmptyArray a -> m b
        foldRecM :: forall m a b. MonadRec m => (b -> a -> m b) -> b -> NonEmptyArray a -> m b
        unsafeIndex :: forall a. Partial => NonEmptyArray a -> Int -> a
    """,
    "Data.Array.NonEmpty.Internal": "NonEmptyArray :: forall a. Array a -> NonEmptyArray a",
    "Data.Array.Partial": """
        head :: forall a. Partial => Array a -> a
        tail :: Partial => Array ~> Array
        last :: forall a. Partial => Array a -> a
        init :: Partial => Array ~> Array
    """,
    "Data.Array.ST": """
        run :: forall a. (forall h. ST h (STArray h a)) -> Array a
        withArray :: forall h a b. (STArray h a -> ST h b) -> Array a -> ST h (Array a)
        unsafeFreeze :: forall h a. STArray h a -> ST h (Array a)
        unsafeThaw :: forall h a. Array a -> ST h (STArray h a)
        new :: forall h a. ST h (STArray h a)
        thaw :: forall h a. Array a -> ST h (STArray h a)
        sort :: forall a h. Ord a => STArray h a -> ST h (STArray h a)
        shift :: forall h a. STArray h a -> ST h (Maybe a)
        sortBy :: forall a h. (a -> a -> Ordering) -> STArray h a -> ST h (STArray h a)
        sortWith :: forall a b h. Ord b => (a -> b) -> STArray h a -> ST h (STArray h a)
        freeze :: forall h a. STArray h a -> ST h (Array a)
        peek :: forall h a. Int -> STArray h a -> ST h (Maybe a)
        poke :: forall h a. Int -> a -> STArray h a -> ST h Boolean
        length :: forall h a. STArray h a -> ST h Int
        pop :: forall h a. STArray h a -> ST h (Maybe a)
        push :: forall h a. a -> STArray h a -> ST h Int
        pushAll :: forall h a. Array a -> STArray h a -> ST h Int
        unshift :: forall h a. a -> STArray h a -> ST h Int
        unshiftAll :: forall h a. Array a -> STArray h a -> ST h Int
        modify :: forall h a. Int -> (a -> a) -> STArray h a -> ST h Boolean
        splice :: forall h a. Int -> Int -> Array a -> STArray h a -> ST h (Array a)
        toAssocArray :: forall h a. STArray h a -> ST h (Array (Assoc a))
    """,
    "Data.Array.ST.Partial": """
        peek :: forall h a. Partial => Int -> STArray h a -> ST h a
        poke :: forall h a. Partial => Int -> a -> STArray h a -> ST h Unit
    """,
    "Data.Array.ST.Iterator": """
        iterator :: forall r a. (Int -> Maybe a) -> ST r (Iterator r a)
        iterate :: forall r a. Iterator r a -> (a -> ST r Unit) -> ST r Unit
        next :: forall r a. Iterator r a -> ST r (Maybe a)
        peek :: forall r a. Iterator r a -> ST r (Maybe a)
        exhausted :: forall r a. Iterator r a -> ST r Boolean
        pushWhile :: forall r a. (a -> Boolean) -> Iterator r a -> STArray r a -> ST r Unit
        pushAll :: forall r a. Iterator r a -> STArray r a -> ST r Unit
    """,
    "Data.Map.Internal": """
        showTree :: forall k v. Show k => Show v => Map k v -> String
        keys :: forall k v. Map k v -> List k
"""
    + _MAP,
    "Data.Map": """
        keys :: forall k v. Map k v -> Set k
        SemigroupMap :: forall k v. Map k v -> SemigroupMap k v
"""
    + _MAP,
    "Data.Set": """
        fromFoldable :: forall f a. Foldable f => Ord a => f a -> Set a
        toUnfoldable :: forall f a. Unfoldable f => Set a -> f a
        empty :: forall a. Set a
        isEmpty :: forall a. Set a -> Boolean
        singleton :: forall a. a -> Set a
        map :: forall a b. Ord b => (a -> b) -> Set a -> Set b
        checkValid :: forall a. Ord a => Set a -> Boolean
        member :: forall a. Ord a => a -> Set a -> Boolean
        insert :: forall a. Ord a => a -> Set a -> Set a
        delete :: forall a. Ord a => a -> Set a -> Set a
        toggle :: forall a. Ord a => a -> Set a -> Set a
        size :: forall a. Set a -> Int
        findMin :: forall a. Set a -> Maybe a
        findMax :: forall a. Set a -> Maybe a
        union :: forall a. Ord a => Set a -> Set a -> Set a
        unions :: forall f a. Foldable f => Ord a => f (Set a) -> Set a
        difference :: forall a. Ord a => Set a -> Set a -> Set a
        subset :: forall a. Ord a => Set a -> Set a -> Boolean
        properSubset :: forall a. Ord a => Set a -> Set a -> Boolean
        intersection :: forall a. Ord a => Set a -> Set a -> Set a
        filter :: forall a. Ord a => (a -> Boolean) -> Set a -> Set a
        mapMaybe :: forall a b. Ord b => (a -> Maybe b) -> Set a -> Set b
        catMaybes :: forall a. Ord a => Set (Maybe a) -> Set a
        toMap :: forall a. Set a -> Map a Unit
        fromMap :: forall a. Map a Unit -> Set a
    """,
    "Data.Set.NonEmpty": """
        singleton :: forall a. a -> NonEmptySet a
        cons :: forall a. Ord a => a -> Set a -> NonEmptySet a
        fromSet :: forall a. Set a -> Maybe (NonEmptySet a)
        fromFoldable :: forall f a. Foldable f => Ord a => f a -> Maybe (NonEmptySet a)
        fromFoldable1 :: forall f a. Foldable1 f => Ord a => f a -> NonEmptySet a
        toSet :: forall a. NonEmptySet a -> Set a
        toUnfoldable :: forall f a. Unfoldable f => NonEmptySet a -> f a
        toUnfoldable1 :: forall f a. Unfoldable1 f => NonEmptySet a -> f a
        map :: forall a b. Ord b => (a -> b) -> NonEmptySet a -> NonEmptySet b
        member :: forall a. Ord a => a -> NonEmptySet a -> Boolean
        insert :: forall a. Ord a => a -> NonEmptySet a -> NonEmptySet a
        delete :: forall a. Ord a => a -> NonEmptySet a -> Maybe (NonEmptySet a)
        size :: forall a. NonEmptySet a -> Int
        min :: forall a. NonEmptySet a -> a
        max :: forall a. NonEmptySet a -> a
        unionSet :: forall a. Ord a => Set a -> NonEmptySet a -> NonEmptySet a
        difference :: forall a. Ord a => NonEmptySet a -> NonEmptySet a -> Maybe (NonEmptySet a)
        subset :: forall a. Ord a => NonEmptySet a -> NonEmptySet a -> Boolean
        properSubset :: forall a. Ord a => NonEmptySet a -> NonEmptySet a -> Boolean
        intersection :: forall a. Ord a => NonEmptySet a -> NonEmptySet a -> Maybe (NonEmptySet a)
        filter :: forall a. Ord a => (a -> Boolean) -> NonEmptySet a -> Set a
        mapMaybe :: forall a b. Ord b => (a -> Maybe b) -> NonEmptySet a -> Set b
    """,
    "Data.List": """
        toUnfoldable :: forall f. Unfoldable f => List ~> f
        fromFoldable :: forall f. Foldable f => f ~> List
        singleton :: forall a. a -> List a
        range :: Int -> Int -> List Int
        some :: forall f a. Alternative f => Lazy (f (List a)) => f a -> f (List a)
        someRec :: forall f a. MonadRec f => Alternative f => f a -> f (List a)
        many :: forall f a. Alternative f => Lazy (f (List a)) => f a -> f (List a)
        manyRec :: forall f a. MonadRec f => Alternative f => f a -> f (List a)
        null :: forall a. List a -> Boolean
        length :: forall a. List a -> Int
        snoc :: forall a. List a -> a -> List a
        insert :: forall a. Ord a => a -> List a -> List a
        insertBy :: forall a. (a -> a -> Ordering) -> a -> List a -> List a
        head :: List ~> Maybe
        last :: List ~> Maybe
        tail :: forall a. List a -> Maybe (List a)
        init :: forall a. List a -> Maybe (List a)
        uncons :: forall a. List a -> Maybe { head :: a, tail :: List a }
        unsnoc :: forall a. List a -> Maybe { init :: List a, last :: a }
        index :: forall a. List a -> Int -> Maybe a
        elemIndex :: forall a. Eq a => a -> List a -> Maybe Int
        elemLastIndex :: forall a. Eq a => a -> List a -> Maybe Int
        findIndex :: forall a. (a -> Boolean) -> List a -> Maybe Int
        findLastIndex :: forall a. (a -> Boolean) -> List a -> Maybe Int
        insertAt :: forall a. Int -> a -> List a -> Maybe (List a)
        deleteAt :: forall a. Int -> List a -> Maybe (List a)
        updateAt :: forall a. Int -> a -> List a -> Maybe (List a)
        modifyAt :: forall a. Int -> (a -> a) -> List a -> Maybe (List a)
        alterAt :: forall a. Int -> (a -> Maybe a) -> List a -> Maybe (List a)
        reverse :: List ~> List
        concat :: forall a. List (List a) -> List a
        concatMap :: forall a b. (a -> List b) -> List a -> List b
        filter :: forall a. (a -> Boolean) -> List a -> List a
        filterM :: forall a m. Monad m => (a -> m Boolean) -> List a -> m (List a)
        mapMaybe :: forall a b. (a -> Maybe b) -> List a -> List b
        catMaybes :: forall a. List (Maybe a) -> List a
        sort :: forall a. Ord a => List a -> List a
        sortBy :: forall a. (a -> a -> Ordering) -> List a -> List a
        Pattern :: forall a. List a -> Pattern a
        stripPrefix :: forall a. Eq a => Pattern a -> List a -> Maybe (List a)
        slice :: Int -> Int -> List ~> List
        take :: forall a. Int -> List a -> List a
        takeEnd :: forall a. Int -> List a -> List a
        takeWhile :: forall a. (a -> Boolean) -> List a -> List a
        drop :: forall a. Int -> List a -> List a
        dropEnd :: forall a. Int -> List a -> List a
        dropWhile :: forall a. (a -> Boolean) -> List a -> List a
        span :: forall a. (a -> Boolean) -> List a -> { init :: List a, rest :: List a }
        group :: forall a. Eq a => List a -> List (NonEmptyList a)
        groupAll :: forall a. Ord a => List a -> List (NonEmptyList a)
        groupBy :: forall a. (a -> a -> Boolean) -> List a -> List (NonEmptyList a)
        groupAllBy :: forall a. (a -> a -> Ordering) -> List a -> List (NonEmptyList a)
        partition :: forall a. (a -> Boolean) -> List a -> { yes :: List a, no :: List a }
        nub :: forall a. Ord a => List a -> List a
        nubBy :: forall a. (a -> a -> Ordering) -> List a -> List a
        nubEq :: forall a. Eq a => List a -> List a
        nubByEq :: forall a. (a -> a -> Boolean) -> List a -> List a
        union :: forall a. Eq a => List a -> List a -> List a
        unionBy :: forall a. (a -> a -> Boolean) -> List a -> List a -> List a
        delete :: forall a. Eq a => a -> List a -> List a
        deleteBy :: forall a. (a -> a -> Boolean) -> a -> List a -> List a
        difference :: forall a. Eq a => List a -> List a -> List a
        intersect :: forall a. Eq a => List a -> List a -> List a
        intersectBy :: forall a. (a -> a -> Boolean) -> List a -> List a -> List a
        zipWith :: forall a b c. (a -> b -> c) -> List a -> List b -> List c
        zipWithA :: forall m a b c. Applicative m => (a -> b -> m c) -> List a -> List b -> m (List c)
        zip :: forall a b. List a -> List b -> List (Tuple a b)
        unzip :: forall a b. List (Tuple a b) -> Tuple (List a) (List b)
        transpose :: forall a. List (List a) -> List (List a)
        foldM :: forall m a b. Monad m => (b -> a -> m b) -> b -> List a -> m b
        Nil :: forall a. List a
        Cons :: forall a. a -> List a -> List a
        NonEmptyList :: forall a. NonEmpty List a -> NonEmptyList a
        foldl :: forall f a b. Foldable f => (b -> a -> b) -> b -> f a -> b
        foldr :: forall f a b. Foldable f => (a -> b -> b) -> b -> f a -> b
        foldMap :: forall f a m. Foldable f => Monoid m => (a -> m) -> f a -> m
        fold :: forall f m. Foldable f => Monoid m => f m -> m
        intercalate :: forall f m. Foldable f => Monoid m => m -> f m -> m
        elem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        notElem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        find :: forall a f. Foldable f => (a -> Boolean) -> f a -> Maybe a
        findMap :: forall a b f. Foldable f => (a -> Maybe b) -> f a -> Maybe b
        any :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        all :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        scanl :: forall a b f. Traversable f => (b -> a -> b) -> b -> f a -> f b
        scanr :: forall a b f. Traversable f => (a -> b -> b) -> b -> f a -> f b
    """,
    "Data.List.Types": """
        Nil :: forall a. List a
        Cons :: forall a. a -> List a -> List a
        NonEmptyList :: forall a. NonEmpty List a -> NonEmptyList a
        toList :: NonEmptyList ~> List
        nelCons :: forall a. a -> NonEmptyList a -> NonEmptyList a
    """,
    "Data.List.NonEmpty": """
        toUnfoldable :: forall f. Unfoldable f => NonEmptyList ~> f
        fromFoldable :: forall f a. Foldable f => f a -> Maybe (NonEmptyList a)
        fromList :: forall a. List a -> Maybe (NonEmptyList a)
        toList :: NonEmptyList ~> List
        singleton :: forall a. a -> NonEmptyList a
        length :: forall a. NonEmptyList a -> Int
        cons :: forall a. a -> NonEmptyList a -> NonEmptyList a
        cons' :: forall a. a -> List a -> NonEmptyList a
        snoc :: forall a. NonEmptyList a -> a -> NonEmptyList a
        snoc' :: forall a. List a -> a -> NonEmptyList a
        head :: forall a. NonEmptyList a -> a
        last :: forall a. NonEmptyList a -> a
        tail :: NonEmptyList ~> List
        init :: NonEmptyList ~> List
        uncons :: forall a. NonEmptyList a -> { head :: a, tail :: List a }
        unsnoc :: forall a. NonEmptyList a -> { init :: List a, last :: a }
        index :: forall a. NonEmptyList a -> Int -> Maybe a
        elemIndex :: forall a. Eq a => a -> NonEmptyList a -> Maybe Int
        elemLastIndex :: forall a. Eq a => a -> NonEmptyList a -> Maybe Int
        findIndex :: forall a. (a -> Boolean) -> NonEmptyList a -> Maybe Int
        findLastIndex :: forall a. (a -> Boolean) -> NonEmptyList a -> Maybe Int
        insertAt :: forall a. Int -> a -> NonEmptyList a -> Maybe (NonEmptyList a)
        updateAt :: forall a. Int -> a -> NonEmptyList a -> Maybe (NonEmptyList a)
        modifyAt :: forall a. Int -> (a -> a) -> NonEmptyList a -> Maybe (NonEmptyList a)
        reverse :: forall a. NonEmptyList a -> NonEmptyList a
        concat :: forall a. NonEmptyList (NonEmptyList a) -> NonEmptyList a
        concatMap :: forall a b. (a -> NonEmptyList b) -> NonEmptyList a -> NonEmptyList b
        filter :: forall a. (a -> Boolean) -> NonEmptyList a -> List a
        filterM :: forall m a. Monad m => (a -> m Boolean) -> NonEmptyList a -> m (List a)
        mapMaybe :: forall a b. (a -> Maybe b) -> NonEmptyList a -> List b
        catMaybes :: forall a. NonEmptyList (Maybe a) -> List a
        appendFoldable :: forall t a. Foldable t => NonEmptyList a -> t a -> NonEmptyList a
        sort :: forall a. Ord a => NonEmptyList a -> NonEmptyList a
        sortBy :: forall a. (a -> a -> Ordering) -> NonEmptyList a -> NonEmptyList a
        take :: forall a. Int -> NonEmptyList a -> List a
        takeWhile :: forall a. (a -> Boolean) -> NonEmptyList a -> List a
        drop :: forall a. Int -> NonEmptyList a -> List a
        dropWhile :: forall a. (a -> Boolean) -> NonEmptyList a -> List a
        span :: forall a. (a -> Boolean) -> NonEmptyList a -> { init :: List a, rest :: List a }
        group :: forall a. Eq a => NonEmptyList a -> NonEmptyList (NonEmptyList a)
        groupAll :: forall a. Ord a => NonEmptyList a -> NonEmptyList (NonEmptyList a)
        groupBy :: forall a. (a -> a -> Boolean) -> NonEmptyList a -> NonEmptyList (NonEmptyList a)
        groupAllBy :: forall a. (a -> a -> Ordering) -> NonEmptyList a -> NonEmptyList (NonEmptyList a)
        partition :: forall a. (a -> Boolean) -> NonEmptyList a -> { no :: List a, yes :: List a }
        nub :: forall a. Ord a => NonEmptyList a -> NonEmptyList a
        nubBy :: forall a. (a -> a -> Ordering) -> NonEmptyList a -> NonEmptyList a
        nubEq :: forall a. Eq a => NonEmptyList a -> NonEmptyList a
        nubByEq :: forall a. (a -> a -> Boolean) -> NonEmptyList a -> NonEmptyList a
        union :: forall a. Eq a => NonEmptyList a -> NonEmptyList a -> NonEmptyList a
        unionBy :: forall a. (a -> a -> Boolean) -> NonEmptyList a -> NonEmptyList a -> NonEmptyList a
        intersect :: forall a. Eq a => NonEmptyList a -> NonEmptyList a -> NonEmptyList a
        intersectBy :: forall a. (a -> a -> Boolean) -> NonEmptyList a -> NonEmptyList a -> NonEmptyList a
        zipWith :: forall a b c. (a -> b -> c) -> NonEmptyList a -> NonEmptyList b -> NonEmptyList c
        zipWithA :: forall m a b c. Applicative m => (a -> b -> m c) -> NonEmptyList a -> NonEmptyList b
          -> m (NonEmptyList c)
        zip :: forall a b. NonEmptyList a -> NonEmptyList b -> NonEmptyList (Tuple a b)
        unzip :: forall a b. NonEmptyList (Tuple a b) -> Tuple (NonEmptyList a) (NonEmptyList b)
        foldM :: forall m a b. Monad m => (b -> a -> m b) -> b -> NonEmptyList a -> m b
        NonEmptyList :: forall a. NonEmpty List a -> NonEmptyList a
    """,
    "Data.List.Partial": """
        head :: forall a. Partial => List a -> a
        tail :: forall a. Partial => List a -> List a
        last :: forall a. Partial => List a -> a
        init :: forall a. Partial => List a -> List a
    """,
    "Data.List.Lazy": """
        toUnfoldable :: forall f. Unfoldable f => List ~> f
        fromFoldable :: forall f. Foldable f => f ~> List
        singleton :: forall a. a -> List a
        range :: Int -> Int -> List Int
        replicate :: forall a. Int -> a -> List a
        replicateM :: forall m a. Monad m => Int -> m a -> m (List a)
        some :: forall f a. Alternative f => Lazy (f (List a)) => f a -> f (List a)
        many :: forall f a. Alternative f => Lazy (f (List a)) => f a -> f (List a)
        repeat :: forall a. a -> List a
        iterate :: forall a. (a -> a) -> a -> List a
        cycle :: forall a. List a -> List a
        null :: forall a. List a -> Boolean
        length :: forall a. List a -> Int
        snoc :: forall a. List a -> a -> List a
        insert :: forall a. Ord a => a -> List a -> List a
        insertBy :: forall a. (a -> a -> Ordering) -> a -> List a -> List a
        head :: List ~> Maybe
        last :: List ~> Maybe
        tail :: forall a. List a -> Maybe (List a)
        init :: forall a. List a -> Maybe (List a)
        uncons :: forall a. List a -> Maybe { head :: a, tail :: List a }
        index :: forall a. List a -> Int -> Maybe a
        elemIndex :: forall a. Eq a => a -> List a -> Maybe Int
        elemLastIndex :: forall a. Eq a => a -> List a -> Maybe Int
        findIndex :: forall a. (a -> Boolean) -> List a -> Maybe Int
        findLastIndex :: forall a. (a -> Boolean) -> List a -> Maybe Int
        insertAt :: forall a. Int -> a -> List a -> List a
        deleteAt :: forall a. Int -> List a -> List a
        updateAt :: forall a. Int -> a -> List a -> List a
        modifyAt :: forall a. Int -> (a -> a) -> List a -> List a
        alterAt :: forall a. Int -> (a -> Maybe a) -> List a -> List a
        reverse :: List ~> List
        concat :: forall a. List (List a) -> List a
        concatMap :: forall a b. (a -> List b) -> List a -> List b
        filter :: forall a. (a -> Boolean) -> List a -> List a
        filterM :: forall a m. Monad m => (a -> m Boolean) -> List a -> m (List a)
        mapMaybe :: forall a b. (a -> Maybe b) -> List a -> List b
        catMaybes :: forall a. List (Maybe a) -> List a
        Pattern :: forall a. List a -> Pattern a
        stripPrefix :: forall a. Eq a => Pattern a -> List a -> Maybe (List a)
        slice :: Int -> Int -> List ~> List
        take :: forall a. Int -> List a -> List a
        takeWhile :: forall a. (a -> Boolean) -> List a -> List a
        drop :: forall a. Int -> List a -> List a
        dropWhile :: forall a. (a -> Boolean) -> List a -> List a
        span :: forall a. (a -> Boolean) -> List a -> { init :: List a, rest :: List a }
        group :: forall a. Eq a => List a -> List (NonEmptyList a)
        groupBy :: forall a. (a -> a -> Boolean) -> List a -> List (NonEmptyList a)
        partition :: forall a. (a -> Boolean) -> List a -> { no :: List a, yes :: List a }
        nub :: forall a. Ord a => List a -> List a
        nubBy :: forall a. (a -> a -> Ordering) -> List a -> List a
        nubEq :: forall a. Eq a => List a -> List a
        nubByEq :: forall a. (a -> a -> Boolean) -> List a -> List a
        union :: forall a. Eq a => List a -> List a -> List a
        unionBy :: forall a. (a -> a -> Boolean) -> List a -> List a -> List a
        delete :: forall a. Eq a => a -> List a -> List a
        deleteBy :: forall a. (a -> a -> Boolean) -> a -> List a -> List a
        difference :: forall a. Eq a => List a -> List a -> List a
        intersect :: forall a. Eq a => List a -> List a -> List a
        intersectBy :: forall a. (a -> a -> Boolean) -> List a -> List a -> List a
        zipWith :: forall a b c. (a -> b -> c) -> List a -> List b -> List c
        zipWithA :: forall m a b c. Applicative m => (a -> b -> m c) -> List a -> List b -> m (List c)
        zip :: forall a b. List a -> List b -> List (Tuple a b)
        unzip :: forall a b. List (Tuple a b) -> Tuple (List a) (List b)
        transpose :: forall a. List (List a) -> List (List a)
        foldM :: forall m a b. Monad m => (b -> a -> m b) -> b -> List a -> m b
        foldrLazy :: forall a b. Lazy b => (a -> b -> b) -> b -> List a -> b
        scanlLazy :: forall a b. (b -> a -> b) -> b -> List a -> List b
        foldMap :: forall f a m. Foldable f => Monoid m => (a -> m) -> f a -> m
        foldl :: forall f a b. Foldable f => (b -> a -> b) -> b -> f a -> b
        foldr :: forall f a b. Foldable f => (a -> b -> b) -> b -> f a -> b
        notElem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        intercalate :: forall f m. Foldable f => Monoid m => m -> f m -> m
        fold :: forall f m. Foldable f => Monoid m => f m -> m
        findMap :: forall a b f. Foldable f => (a -> Maybe b) -> f a -> Maybe b
        find :: forall a f. Foldable f => (a -> Boolean) -> f a -> Maybe a
        elem :: forall a f. Foldable f => Eq a => a -> f a -> Boolean
        any :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        all :: forall a b f. Foldable f => HeytingAlgebra b => (a -> b) -> f a -> b
        List :: forall a. Lazy (Step a) -> List a
        Nil :: forall a. Step a
        Cons :: forall a. a -> List a -> Step a
        step :: forall a. List a -> Step a
        nil :: forall a. List a
        cons :: forall a. a -> List a -> List a
        scanr :: forall a b f. Traversable f => (a -> b -> b) -> b -> f a -> f b
        scanl :: forall a b f. Traversable f => (b -> a -> b) -> b -> f a -> f b
    """,
    "Data.List.Lazy.Types": """
        List :: forall a. Lazy (Step a) -> List a
        Nil :: forall a. Step a
        Cons :: forall a. a -> List a -> Step a
        step :: forall a. List a -> Step a
        nil :: forall a. List a
        cons :: forall a. a -> List a -> List a
        NonEmptyList :: forall a. Lazy (NonEmpty List a) -> NonEmptyList a
        toList :: NonEmptyList ~> List
    """,
    "Data.List.Lazy.NonEmpty": """
        toUnfoldable :: forall f. Unfoldable f => NonEmptyList ~> f
        fromFoldable :: forall f a. Foldable f => f a -> Maybe (NonEmptyList a)
        fromList :: forall a. List a -> Maybe (NonEmptyList a)
        toList :: NonEmptyList ~> List
        singleton :: forall a. a -> NonEmptyList a
        repeat :: forall a. a -> NonEmptyList a
        iterate :: forall a. (a -> a) -> a -> NonEmptyList a
        head :: forall a. NonEmptyList a -> a
        last :: forall a. NonEmptyList a -> a
        tail :: NonEmptyList ~> List
        init :: NonEmptyList ~> List
        cons :: forall a. a -> NonEmptyList a -> NonEmptyList a
        uncons :: forall a. NonEmptyList a -> { head :: a, tail :: List a }
        length :: forall a. NonEmptyList a -> Int
        concatMap :: forall a b. (a -> NonEmptyList b) -> NonEmptyList a -> NonEmptyList b
        appendFoldable :: forall t a. Foldable t => NonEmptyList a -> t a -> NonEmptyList a
        NonEmptyList :: forall a. Lazy (NonEmpty List a) -> NonEmptyList a
    """,
    "Data.List.ZipList": "ZipList :: forall a. List a -> ZipList a",
    "Data.List.Internal": """
        emptySet :: forall k. Set k
        insertAndLookupBy :: forall k. (k -> k -> Ordering) -> k -> Set k -> { found :: Boolean, result :: Set k }
    """,
    "Data.NonEmpty": """
        NonEmpty :: forall f a. a -> f a -> NonEmpty f a
        singleton :: forall f a. Plus f => a -> NonEmpty f a
        foldl1 :: forall f a. Foldable f => (a -> a -> a) -> NonEmpty f a -> a
        fromNonEmpty :: forall f a r. (a -> f a -> r) -> NonEmpty f a -> r
        oneOf :: forall f a. Alternative f => NonEmpty f a -> f a
        head :: forall f a. NonEmpty f a -> a
        tail :: forall f a. NonEmpty f a -> f a
    """,
    "Data.String.CodeUnits": """
        stripPrefix :: Pattern -> String -> Maybe String
        stripSuffix :: Pattern -> String -> Maybe String
        contains :: Pattern -> String -> Boolean
        singleton :: Char -> String
        fromCharArray :: Array Char -> String
        toCharArray :: String -> Array Char
        charAt :: Int -> String -> Maybe Char
        toChar :: String -> Maybe Char
        uncons :: String -> Maybe { head :: Char, tail :: String }
        length :: String -> Int
        countPrefix :: (Char -> Boolean) -> String -> Int
        indexOf :: Pattern -> String -> Maybe Int
        indexOf' :: Pattern -> Int -> String -> Maybe Int
        lastIndexOf :: Pattern -> String -> Maybe Int
        lastIndexOf' :: Pattern -> Int -> String -> Maybe Int
        take :: Int -> String -> String
        takeRight :: Int -> String -> String
        takeWhile :: (Char -> Boolean) -> String -> String
        drop :: Int -> String -> String
        dropRight :: Int -> String -> String
        dropWhile :: (Char -> Boolean) -> String -> String
        slice :: Int -> Int -> String -> String
        splitAt :: Int -> String -> { before :: String, after :: String }
    """,
    "Data.String.CodePoints": """
        codePointFromChar :: Char -> CodePoint
        singleton :: CodePoint -> String
        fromCodePointArray :: Array CodePoint -> String
        toCodePointArray :: String -> Array CodePoint
        codePointAt :: Int -> String -> Maybe CodePoint
        uncons :: String -> Maybe { head :: CodePoint, tail :: String }
        length :: String -> Int
        countPrefix :: (CodePoint -> Boolean) -> String -> Int
        indexOf :: Pattern -> String -> Maybe Int
        indexOf' :: Pattern -> Int -> String -> Maybe Int
        lastIndexOf :: Pattern -> String -> Maybe Int
        lastIndexOf' :: Pattern -> Int -> String -> Maybe Int
        take :: Int -> String -> String
        takeWhile :: (CodePoint -> Boolean) -> String -> String
        drop :: Int -> String -> String
        dropWhile :: (CodePoint -> Boolean) -> String -> String
        splitAt :: Int -> String -> { after :: String, before :: String }
        stripPrefix :: Pattern -> String -> Maybe String
        stripSuffix :: Pattern -> String -> Maybe String
        contains :: Pattern -> String -> Boolean
    """,
    "Data.String.Common": """
        null :: String -> Boolean
        localeCompare :: String -> String -> Ordering
        replace :: Pattern -> Replacement -> String -> String
        replaceAll :: Pattern -> Replacement -> String -> String
        split :: Pattern -> String -> Array String
        toLower :: String -> String
        toUpper :: String -> String
        trim :: String -> String
        joinWith :: String -> Array String -> String
    """,
    "Data.String.Pattern": """
        Pattern :: String -> Pattern
        Replacement :: String -> Replacement
    """,
    "Data.String": """
        codePointFromChar :: Char -> CodePoint
        singleton :: CodePoint -> String
        fromCodePointArray :: Array CodePoint -> String
        toCodePointArray :: String -> Array CodePoint
        codePointAt :: Int -> String -> Maybe CodePoint
        uncons :: String -> Maybe { head :: CodePoint, tail :: String }
        length :: String -> Int
        countPrefix :: (CodePoint -> Boolean) -> String -> Int
        indexOf :: Pattern -> String -> Maybe Int
        indexOf' :: Pattern -> Int -> String -> Maybe Int
        lastIndexOf :: Pattern -> String -> Maybe Int
        lastIndexOf' :: Pattern -> Int -> String -> Maybe Int
        take :: Int -> String -> String
        takeWhile :: (CodePoint -> Boolean) -> String -> String
        drop :: Int -> String -> String
        dropWhile :: (CodePoint -> Boolean) -> String -> String
        splitAt :: Int -> String -> { after :: String, before :: String }
        stripPrefix :: Pattern -> String -> Maybe String
        stripSuffix :: Pattern -> String -> Maybe String
        contains :: Pattern -> String -> Boolean
        null :: String -> Boolean
        localeCompare :: String -> String -> Ordering
        replace :: Pattern -> Replacement -> String -> String
        replaceAll :: Pattern -> Replacement -> String -> String
        split :: Pattern -> String -> Array String
        toLower :: String -> String
        toUpper :: String -> String
        trim :: String -> String
        joinWith :: String -> Array String -> String
        Pattern :: String -> Pattern
        Replacement :: String -> Replacement
    """,
    "Data.String.Unsafe": """
        char :: String -> Char
        charAt :: Int -> String -> Char
    """,
    "Data.String.CaseInsensitive": "CaseInsensitiveString :: String -> CaseInsensitiveString",
    "Data.String.Regex": """
        regex :: String -> RegexFlags -> Either String Regex
        source :: Regex -> String
        flags :: Regex -> RegexFlags
        renderFlags :: RegexFlags -> String
        parseFlags :: String -> RegexFlags
        test :: Regex -> String -> Boolean
        match :: Regex -> String -> Maybe (NonEmptyArray (Maybe String))
        replace :: Regex -> String -> String -> String
        replace' :: Regex -> (String -> Array (Maybe String) -> String) -> String -> String
        search :: Regex -> String -> Maybe Int
        split :: Regex -> String -> Array String
    """,
    "Data.String.Regex.Flags": """
        RegexFlags :: RegexFlagsRec -> RegexFlags
        noFlags :: RegexFlags
        global :: RegexFlags
        ignoreCase :: RegexFlags
        multiline :: RegexFlags
        sticky :: RegexFlags
        unicode :: RegexFlags
        dotAll :: RegexFlags
    """,
    "Data.String.Regex.Unsafe": "unsafeRegex :: String -> RegexFlags -> Regex",
    "Data.String.NonEmpty.Internal": """
        NonEmptyString :: String -> NonEmptyString
        NonEmptyReplacement :: NonEmptyString -> NonEmptyReplacement
        nes :: forall s. MakeNonEmpty s => Proxy s -> NonEmptyString
        fromString :: String -> Maybe NonEmptyString
        unsafeFromString :: Partial => String -> NonEmptyString
        toString :: NonEmptyString -> String
        appendString :: NonEmptyString -> String -> NonEmptyString
        prependString :: String -> NonEmptyString -> NonEmptyString
        stripPrefix :: Pattern -> NonEmptyString -> Maybe NonEmptyString
        stripSuffix :: Pattern -> NonEmptyString -> Maybe NonEmptyString
        contains :: Pattern -> NonEmptyString -> Boolean
        localeCompare :: NonEmptyString -> NonEmptyString -> Ordering
        replace :: Pattern -> NonEmptyReplacement -> NonEmptyString -> NonEmptyString
        replaceAll :: Pattern -> NonEmptyReplacement -> NonEmptyString -> NonEmptyString
        toLower :: NonEmptyString -> NonEmptyString
        toUpper :: NonEmptyString -> NonEmptyString
        trim :: NonEmptyString -> Maybe NonEmptyString
        joinWith :: forall f. Foldable f => String -> f NonEmptyString -> String
        join1With :: forall f. Foldable1 f => String -> f NonEmptyString -> NonEmptyString
        joinWith1 :: forall f. Foldable1 f => NonEmptyString -> f String -> NonEmptyString
        liftS :: forall r. (String -> r) -> NonEmptyString -> r
    """,
    "Data.String.NonEmpty": """
        NonEmptyReplacement :: NonEmptyString -> NonEmptyReplacement
        nes :: forall s. MakeNonEmpty s => Proxy s -> NonEmptyString
        fromString :: String -> Maybe NonEmptyString
        unsafeFromString :: Partial => String -> NonEmptyString
        toString :: NonEmptyString -> String
        appendString :: NonEmptyString -> String -> NonEmptyString
        prependString :: String -> NonEmptyString -> NonEmptyString
        stripPrefix :: Pattern -> NonEmptyString -> Maybe NonEmptyString
        stripSuffix :: Pattern -> NonEmptyString -> Maybe NonEmptyString
        contains :: Pattern -> NonEmptyString -> Boolean
        localeCompare :: NonEmptyString -> NonEmptyString -> Ordering
        replace :: Pattern -> NonEmptyReplacement -> NonEmptyString -> NonEmptyString
        replaceAll :: Pattern -> NonEmptyReplacement -> NonEmptyString -> NonEmptyString
        toLower :: NonEmptyString -> NonEmptyString
        toUpper :: NonEmptyString -> NonEmptyString
        trim :: NonEmptyString -> Maybe NonEmptyString
        joinWith :: forall f. Foldable f => String -> f NonEmptyString -> String
        join1With :: forall f. Foldable1 f => String -> f NonEmptyString -> NonEmptyString
        joinWith1 :: forall f. Foldable1 f => NonEmptyString -> f String -> NonEmptyString
        Pattern :: String -> Pattern
"""
    + _NON_EMPTY_CODE_POINTS,
    "Data.String.NonEmpty.CodePoints": _NON_EMPTY_CODE_POINTS,
    "Data.String.NonEmpty.CodeUnits": """
        fromCharArray :: Array Char -> Maybe NonEmptyString
        fromNonEmptyCharArray :: NonEmptyArray Char -> NonEmptyString
        singleton :: Char -> NonEmptyString
        cons :: Char -> String -> NonEmptyString
        snoc :: Char -> String -> NonEmptyString
        fromFoldable1 :: forall f. Foldable1 f => f Char -> NonEmptyString
        toCharArray :: NonEmptyString -> Array Char
        toNonEmptyCharArray :: NonEmptyString -> NonEmptyArray Char
        charAt :: Int -> NonEmptyString -> Maybe Char
        toChar :: NonEmptyString -> Maybe Char
        indexOf :: Pattern -> NonEmptyString -> Maybe Int
        indexOf' :: Pattern -> Int -> NonEmptyString -> Maybe Int
        lastIndexOf :: Pattern -> NonEmptyString -> Maybe Int
        lastIndexOf' :: Pattern -> Int -> NonEmptyString -> Maybe Int
        uncons :: NonEmptyString -> { head :: Char, tail :: Maybe NonEmptyString }
        length :: NonEmptyString -> Int
        take :: Int -> NonEmptyString -> Maybe NonEmptyString
        takeRight :: Int -> NonEmptyString -> Maybe NonEmptyString
        takeWhile :: (Char -> Boolean) -> NonEmptyString -> Maybe NonEmptyString
        drop :: Int -> NonEmptyString -> Maybe NonEmptyString
        dropRight :: Int -> NonEmptyString -> Maybe NonEmptyString
        dropWhile :: (Char -> Boolean) -> NonEmptyString -> Maybe NonEmptyString
        countPrefix :: (Char -> Boolean) -> NonEmptyString -> Int
        splitAt :: Int -> NonEmptyString -> { before :: Maybe NonEmptyString, after :: Maybe NonEmptyString }
    """,
    "Data.String.NonEmpty.CaseInsensitive": (
        "CaseInsensitiveNonEmptyString :: NonEmptyString -> CaseInsensitiveNonEmptyString"
    ),
    "Data.String.Gen": """
        genString :: forall m. MonadRec m => MonadGen m => m Char -> m String
        genUnicodeString :: forall m. MonadRec m => MonadGen m => m String
        genAsciiString :: forall m. MonadRec m => MonadGen m => m String
        genAsciiString' :: forall m. MonadRec m => MonadGen m => m String
        genDigitString :: forall m. MonadRec m => MonadGen m => m String
        genAlphaString :: forall m. MonadRec m => MonadGen m => m String
        genAlphaLowercaseString :: forall m. MonadRec m => MonadGen m => m String
        genAlphaUppercaseString :: forall m. MonadRec m => MonadGen m => m String
    """,
    "Data.Char": """
        toCharCode :: Char -> Int
        fromCharCode :: Int -> Maybe Char
    """,
    "Data.Char.Gen": """
        genUnicodeChar :: forall m. MonadGen m => m Char
        genAsciiChar :: forall m. MonadGen m => m Char
        genAsciiChar' :: forall m. MonadGen m => m Char
        genDigitChar :: forall m. MonadGen m => m Char
        genAlpha :: forall m. MonadGen m => m Char
        genAlphaLowercase :: forall m. MonadGen m => m Char
        genAlphaUppercase :: forall m. MonadGen m => m Char
    """,
}
"""PureScript module → its exported values' published signatures."""


def _imports(module: str, *more: str) -> str:
    """The module imported whole, then each of `more` (an import's text after `import `)."""
    return "\n".join(f"import {line}" for line in (module, *more))


_FOLDABLE = "Data.Foldable (class Foldable)"
_UNFOLDABLE = "Data.Unfoldable (class Unfoldable)"
_UNFOLDABLE1 = "Data.Unfoldable1 (class Unfoldable1)"
_FOLDABLE1 = "Data.Semigroup.Foldable (class Foldable1)"
_ALTERNATIVE = ("Control.Alternative (class Alternative)", "Control.Lazy (class Lazy)")
_MONAD_REC = "Control.Monad.Rec.Class (class MonadRec)"
_ST = "Control.Monad.ST (ST)"

IMPORTS: dict[str, str] = {
    "Data.Array": _imports(
        "Data.Array", _FOLDABLE, _UNFOLDABLE, *_ALTERNATIVE, _MONAD_REC, "Data.Array.NonEmpty (NonEmptyArray)"
    ),
    "Data.Array.NonEmpty": _imports(
        "Data.Array.NonEmpty",
        _FOLDABLE,
        _UNFOLDABLE,
        _UNFOLDABLE1,
        _FOLDABLE1,
        *_ALTERNATIVE,
        _MONAD_REC,
        "Data.NonEmpty (NonEmpty)",
    ),
    "Data.Array.ST": _imports("Data.Array.ST", _ST),
    "Data.Array.ST.Partial": _imports("Data.Array.ST.Partial", "Data.Array.ST (STArray)", _ST),
    "Data.Array.ST.Iterator": _imports("Data.Array.ST.Iterator", "Data.Array.ST (STArray)", _ST),
    "Data.Map.Internal": _imports(
        "Data.Map.Internal",
        _FOLDABLE,
        "Data.FoldableWithIndex (class FoldableWithIndex)",
        _UNFOLDABLE,
        "Data.List (List)",
    ),
    "Data.Map": _imports(
        "Data.Map",
        _FOLDABLE,
        "Data.FoldableWithIndex (class FoldableWithIndex)",
        _UNFOLDABLE,
        "Data.List (List)",
        "Data.Set (Set)",
    ),
    "Data.Set": _imports("Data.Set", _FOLDABLE, _UNFOLDABLE, "Data.Map (Map)"),
    "Data.Set.NonEmpty": _imports(
        "Data.Set.NonEmpty", _FOLDABLE, _UNFOLDABLE, _UNFOLDABLE1, _FOLDABLE1, "Data.Set (Set)"
    ),
    "Data.List": _imports(
        "Data.List",
        _FOLDABLE,
        "Data.Traversable (class Traversable)",
        _UNFOLDABLE,
        *_ALTERNATIVE,
        _MONAD_REC,
        "Data.NonEmpty (NonEmpty)",
    ),
    "Data.List.Types": _imports("Data.List.Types", "Data.NonEmpty (NonEmpty)"),
    "Data.List.NonEmpty": _imports(
        "Data.List.NonEmpty", "Data.List (List)", _FOLDABLE, _UNFOLDABLE, "Data.NonEmpty (NonEmpty)"
    ),
    "Data.List.Partial": _imports("Data.List.Partial", "Data.List (List)"),
    "Data.List.Lazy": _imports(
        "Data.List.Lazy",
        _FOLDABLE,
        "Data.Traversable (class Traversable)",
        _UNFOLDABLE,
        *_ALTERNATIVE,
        "Data.List.Lazy.Types (NonEmptyList)",
        "Data.Lazy (Lazy)",
    ),
    "Data.List.Lazy.Types": _imports("Data.List.Lazy.Types", "Data.Lazy (Lazy)", "Data.NonEmpty (NonEmpty)"),
    "Data.List.Lazy.NonEmpty": _imports(
        "Data.List.Lazy.NonEmpty",
        "Data.List.Lazy (List)",
        _FOLDABLE,
        _UNFOLDABLE,
        "Data.Lazy (Lazy)",
        "Data.NonEmpty (NonEmpty)",
    ),
    "Data.List.ZipList": _imports("Data.List.ZipList", "Data.List.Lazy (List)"),
    "Data.NonEmpty": _imports("Data.NonEmpty", _FOLDABLE, "Control.Plus (class Plus)", _ALTERNATIVE[0]),
    "Data.String.CodeUnits": _imports("Data.String.CodeUnits", "Data.String.Pattern (Pattern)"),
    "Data.String.CodePoints": _imports("Data.String.CodePoints", "Data.String.Pattern (Pattern)"),
    "Data.String.Common": _imports("Data.String.Common", "Data.String.Pattern (Pattern, Replacement)"),
    "Data.String.Regex": _imports(
        "Data.String.Regex",
        "Data.String.Regex.Flags (RegexFlags)",
        "Data.Either (Either)",
        "Data.Array.NonEmpty (NonEmptyArray)",
    ),
    "Data.String.Regex.Unsafe": _imports(
        "Data.String.Regex.Unsafe", "Data.String.Regex (Regex)", "Data.String.Regex.Flags (RegexFlags)"
    ),
    "Data.String.NonEmpty.Internal": _imports(
        "Data.String.NonEmpty.Internal", "Data.String.Pattern (Pattern)", _FOLDABLE, _FOLDABLE1, "Type.Proxy (Proxy)"
    ),
    "Data.String.NonEmpty": _imports(
        "Data.String.NonEmpty",
        "Data.String.CodePoints (CodePoint)",
        "Data.Array.NonEmpty (NonEmptyArray)",
        _FOLDABLE,
        _FOLDABLE1,
        "Type.Proxy (Proxy)",
    ),
    "Data.String.NonEmpty.CodePoints": _imports(
        "Data.String.NonEmpty.CodePoints",
        "Data.String.NonEmpty (NonEmptyString)",
        "Data.String.CodePoints (CodePoint)",
        "Data.String.Pattern (Pattern)",
        "Data.Array.NonEmpty (NonEmptyArray)",
        _FOLDABLE1,
    ),
    "Data.String.NonEmpty.CodeUnits": _imports(
        "Data.String.NonEmpty.CodeUnits",
        "Data.String.NonEmpty (NonEmptyString)",
        "Data.String.Pattern (Pattern)",
        "Data.Array.NonEmpty (NonEmptyArray)",
        _FOLDABLE1,
    ),
    "Data.String.NonEmpty.CaseInsensitive": _imports(
        "Data.String.NonEmpty.CaseInsensitive", "Data.String.NonEmpty (NonEmptyString)"
    ),
    "Data.String.Gen": _imports("Data.String.Gen", _MONAD_REC, "Control.Monad.Gen (class MonadGen)"),
    "Data.Char.Gen": _imports("Data.Char.Gen", "Control.Monad.Gen (class MonadGen)"),
}
"""Imports a module's signatures need besides the common ones and the module itself."""

DIFFERS: dict[tuple[str, str], str] = {
    ("Data.List.NonEmpty", "intersect"): (
        "two non-empty lists may share no element: the published `NonEmptyList` result comes from "
        '`wrappedOperation2`, which crashes ("Impossible: empty list in NonEmptyList intersect") then; Nova\'s '
        "returns the possibly-empty `List`"
    ),
    ("Data.List.NonEmpty", "intersectBy"): (
        "as `intersect`: the published `NonEmptyList` result crashes when the relation matches no element; Nova's "
        "returns the possibly-empty `List`"
    ),
}
"""(module, name) → why Nova's scheme deliberately differs from the published signature."""
