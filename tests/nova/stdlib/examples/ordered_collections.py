"""Examples: Data.Map and Data.Set."""

HEADER = """

import Prelude
import Data.Maybe (Maybe(..), fromMaybe, fromMaybe', isJust, isNothing, maybe, maybe')
import Data.Either (Either(..), blush, either, fromLeft, fromRight, hush, isLeft, isRight, note)
import Data.Tuple (Tuple(..), curry, fst, snd, swap, uncurry)
import Data.Array as A
import Data.List (List(..))
import Data.List as L
import Data.Foldable as F
import Data.Int as I
import Data.Number as N
import Data.String (Pattern(..), Replacement(..))
import Data.String as S
import Data.Char as C
import Data.Map as M
import Data.Eq (eq1)
import Data.Ord (compare1)
import Data.Set as Set
import Data.Traversable (traverse, sequence, for)
import Effect (Effect, forE, foreachE, whileE)
import Effect.Console (log, info, warn, error, logShow)
import Type.Proxy (Proxy(..))
import Data.Symbol (reflectSymbol)
import Data.Reflectable (reflectType)
import Safe.Coerce (coerce)
import Unsafe.Coerce (unsafeCoerce)

l3 :: List Int
l3 = L.range 1 3

s3 :: Set.Set Int
s3 = Set.fromFoldable [3, 1, 2, 1]

m3 :: M.Map Int String
m3 = M.fromFoldable [Tuple 2 "b", Tuple 1 "a", Tuple 3 "c"]

entries :: forall k v. M.Map k v -> Array (Tuple k v)
entries = M.toUnfoldable

elements :: forall a. Set.Set a -> Array a
elements = Set.toUnfoldable
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "(M.toUnfoldable (M.fromFoldable [Tuple 1 (_ + 1), Tuple 2 (_ * 10)] <*> M.fromFoldable [Tuple 2 5, Tuple 3 7])"
        " :: Array (Tuple Int Int))",
        "[Tuple 2 50]",
    ),
    (
        '(M.toUnfoldable (M.fromFoldable [Tuple 1 "a", Tuple 2 "b"]'
        ' >>= \\v -> M.fromFoldable [Tuple 1 (v <> "!"), Tuple 3 "z"]) :: Array (Tuple Int String))',
        '[Tuple 1 "a!"]',
    ),
    ("m3", '(fromFoldable [Tuple 1 "a",Tuple 2 "b",Tuple 3 "c"])'),
    ("M.lookup 2 m3", 'Just "b"'),
    ("M.lookup 9 m3", "Nothing"),
    ('M.size (M.insert 4 "d" m3)', "4"),
    ("entries (M.delete 2 m3)", '[Tuple 1 "a",Tuple 3 "c"]'),
    ('entries (M.alter (\\_ -> Just "z") 1 m3)', '[Tuple 1 "z",Tuple 2 "b",Tuple 3 "c"]'),
    ("[M.isEmpty M.empty, M.isEmpty m3, M.member 3 m3]", "[true,false,true]"),
    ("show (M.keys m3)", '"(fromFoldable [1,2,3])"'),
    ("M.values m3", 'Cons "a" (Cons "b" (Cons "c" Nil))'),
    ('entries (M.filter (_ /= "b") m3)', '[Tuple 1 "a",Tuple 3 "c"]'),
    ("entries (M.filterWithKey (\\k _ -> k > 2) m3)", '[Tuple 3 "c"]'),
    ("entries (M.fromFoldableWith add [Tuple 'a' 1, Tuple 'a' 2])", "[Tuple 'a' 3]"),
    ("entries (M.insertWith add 1 5 (M.singleton 1 1))", "[Tuple 1 6]"),
    ("entries (M.mapWithKey (\\k v -> show k <> v) m3)", '[Tuple 1 "1a",Tuple 2 "2b",Tuple 3 "3c"]'),
    ('entries (M.union (M.singleton 1 "x") m3)', '[Tuple 1 "x",Tuple 2 "b",Tuple 3 "c"]'),
    ('entries (M.unionWith (<>) (M.singleton 1 "x") m3)', '[Tuple 1 "xa",Tuple 2 "b",Tuple 3 "c"]'),
    ("entries (M.update (\\_ -> Nothing) 1 m3)", '[Tuple 2 "b",Tuple 3 "c"]'),
    ('[m3 == m3, m3 == M.singleton 1 "a"]', "[true,false]"),
    ('show (M.singleton 1 "a")', '"(fromFoldable [(Tuple 1 \\"a\\")])"'),
    ("entries (map S.toUpper m3)", '[Tuple 1 "A",Tuple 2 "B",Tuple 3 "C"]'),
    ('F.foldr (<>) "" m3', '"abc"'),
    ("elements s3", "[1,2,3]"),
    (
        "[eq1 s3 (Set.fromFoldable [1, 2, 3]), eq1 s3 Set.empty, compare1 s3 (Set.singleton 9) == LT]",
        "[true,false,true]",
    ),
    ("[Set.size s3, Set.size Set.empty, Set.size (Set.singleton 'a')]", "[3,0,1]"),
    ("elements (Set.insert 0 (Set.delete 2 s3))", "[0,1,3]"),
    ("[Set.member 2 s3, Set.member 9 s3, Set.isEmpty s3, Set.isEmpty Set.empty]", "[true,false,false,true]"),
    ("[elements (Set.toggle 2 s3), elements (Set.toggle 5 s3)]", "[[1,3],[1,2,3,5]]"),
    ("elements (Set.union s3 (Set.fromFoldable [5, 4]))", "[1,2,3,4,5]"),
    ("elements (Set.intersection s3 (Set.fromFoldable [2, 3, 4]))", "[2,3]"),
    ("elements (Set.difference s3 (Set.fromFoldable [2]))", "[1,3]"),
    ("[Set.subset (Set.fromFoldable [1, 2]) s3, Set.subset s3 (Set.singleton 1)]", "[true,false]"),
    ("elements (Set.filter (_ > 1) s3)", "[2,3]"),
    ("elements (Set.map (_ `mod` 2) s3)", "[0,1]"),
    ("[Set.findMin s3, Set.findMax s3, Set.findMin (Set.empty :: Set.Set Int)]", "[Just 1,Just 3,Nothing]"),
    ("[s3 == Set.fromFoldable [1, 2, 3], s3 < Set.fromFoldable [1, 2, 4]]", "[true,true]"),
    ("show s3", '"(fromFoldable [1,2,3])"'),
    ("F.sum s3", "6"),
    ("elements (s3 <> Set.singleton 7 <> mempty)", "[1,2,3,7]"),
]

EXAMPLES += [
    # toUnfoldable into any Unfoldable
    (
        "[show (M.toUnfoldable m3 :: List (Tuple Int String)), show (M.toUnfoldableUnordered m3 :: Array (Tuple Int String))]",
        '["((Tuple 1 \\"a\\") : (Tuple 2 \\"b\\") : (Tuple 3 \\"c\\") : Nil)","[(Tuple 1 \\"a\\"),(Tuple 2 \\"b\\"),(Tuple 3 \\"c\\")]"]',
    ),
    ("[Set.toUnfoldable s3 :: Maybe Int, Set.toUnfoldable Set.empty]", "[Just 1,Nothing]"),
    ("(Set.toUnfoldable s3 :: List Int)", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ('entries (M.mapMaybe (\\v -> if v == "b" then Nothing else Just (v <> v)) m3)', '[Tuple 1 "aa",Tuple 3 "cc"]'),
    (
        "entries (M.mapMaybeWithKey (\\k v -> if k > 1 then Just (show k <> v) else Nothing) m3)",
        '[Tuple 2 "2b",Tuple 3 "3c"]',
    ),
    (
        "[elements (Set.unions [s3, Set.singleton 9, Set.empty]), elements (Set.unions ([] :: Array (Set.Set Int)))]",
        "[[1,2,3,9],[]]",
    ),
]
