"""Examples: the rest of Data.List, Data.List.Types (NonEmptyList), Data.NonEmpty, Data.List.NonEmpty, and the rest
of Data.Map and Data.Set."""

HEADER = r"""

import Prelude
import Control.Alt (class Alt, (<|>))
import Control.Alternative (class Alternative)
import Control.Comonad (extract)
import Control.Extend (extend)
import Control.Lazy (class Lazy)
import Control.Monad.Rec.Class (class MonadRec, Step(..), tailRecM)
import Control.Plus (class Plus, empty)
import Data.Array as A
import Data.Foldable (foldl, foldr, foldMap, sum)
import Data.List (List(..), (:), (..), (\\), Pattern(..))
import Data.List as L
import Data.List.NonEmpty as NEL
import Data.List.Types (NonEmptyList(..), toList, nelCons)
import Data.List.Internal (emptySet, insertAndLookupBy)
import Data.Map as M
import Data.Map.Internal as MI
import Data.Eq (eq1)
import Data.Ord (compare1)
import Control.Monad (ap)
import Data.Maybe (Maybe(..))
import Data.NonEmpty (NonEmpty(..), (:|))
import Data.NonEmpty as NE
import Data.Set as Set
import Data.Traversable (traverse, sequence)
import Data.Tuple (Tuple(..))
import Data.Unfoldable1 (unfoldr1)
import Data.Newtype (unwrap)

l3 :: List Int
l3 = 3 : 1 : 2 : Nil

nel :: NonEmptyList Int
nel = NEL.cons' 3 (1 : 2 : Nil)

m3 :: M.Map Int String
m3 = M.fromFoldable [Tuple 2 "b", Tuple 1 "a", Tuple 3 "c"]

s3 :: Set.Set Int
s3 = Set.fromFoldable [3, 1, 2]

entries :: forall k v. M.Map k v -> Array (Tuple k v)
entries = M.toUnfoldable

-- A parser of positive numbers, to run `some` and `many`.
newtype P a = P (List Int -> Maybe (Tuple a (List Int)))

runP :: forall a. P a -> List Int -> Maybe (Tuple a (List Int))
runP (P f) = f

instance Functor P where
  map f p = P \s -> map (\(Tuple a rest) -> Tuple (f a) rest) (runP p s)

instance Apply P where
  apply pf pa = P \s -> case runP pf s of
    Nothing -> Nothing
    Just (Tuple f rest) -> runP (map f pa) rest

instance Applicative P where
  pure a = P \s -> Just (Tuple a s)

instance Bind P where
  bind p f = P \s -> case runP p s of
    Nothing -> Nothing
    Just (Tuple a rest) -> runP (f a) rest

instance Monad P

instance Alt P where
  alt p q = P \s -> case runP p s of
    Nothing -> runP q s
    r -> r

instance Plus P where
  empty = P \_ -> Nothing

instance Alternative P

instance Lazy (P a) where
  defer f = P \s -> runP (f unit) s

instance MonadRec P where
  tailRecM f a0 = P \s -> go a0 s
    where
    go a s = case runP (f a) s of
      Nothing -> Nothing
      Just (Tuple (Loop a') rest) -> go a' rest
      Just (Tuple (Done b) rest) -> Just (Tuple b rest)

positive :: P Int
positive = P \s -> case s of
  x : rest | x > 0 -> Just (Tuple x rest)
  _ -> Nothing
"""

EXAMPLES: list[tuple[str, str]] = [
    ("case unwrap (NEL.cons 1 (NEL.singleton 2)) of\n  NonEmpty x _ -> x", "1"),
    # Data.List
    ("[(L.toUnfoldable l3 :: Array Int), A.fromFoldable (1 .. 3)]", "[[3,1,2],[1,2,3]]"),
    (
        "[runP (L.some positive) (1 : 2 : 0 : Nil), runP (L.someRec positive) (0 : Nil)]",
        "[Just (Tuple (Cons 1 (Cons 2 Nil)) (Cons 0 Nil)),Nothing]",
    ),
    (
        "[runP (L.many positive) (0 : Nil), runP (L.manyRec positive) (1 : 0 : Nil)]",
        "[Just (Tuple Nil (Cons 0 Nil)),Just (Tuple (Cons 1 Nil) (Cons 0 Nil))]",
    ),
    ("[L.unsnoc l3, L.unsnoc (Nil :: List Int)]", "[Just { init: Cons 3 (Cons 1 Nil), last: 2 },Nothing]"),
    (
        "[L.elemLastIndex 1 (1 : 2 : 1 : Nil), L.findLastIndex (_ > 1) l3, L.findLastIndex (_ > 5) l3]",
        "[Just 2,Just 2,Nothing]",
    ),
    (
        "[L.insertAt 1 9 l3, L.insertAt 3 9 l3, L.insertAt 4 9 l3]",
        "[Just (Cons 3 (Cons 9 (Cons 1 (Cons 2 Nil)))),Just (Cons 3 (Cons 1 (Cons 2 (Cons 9 Nil)))),Nothing]",
    ),
    (
        "[L.deleteAt 0 l3, L.updateAt 2 9 l3, L.modifyAt 1 negate l3, L.alterAt 1 (const Nothing) l3, L.alterAt 7 Just l3]",
        "[Just (Cons 1 (Cons 2 Nil)),Just (Cons 3 (Cons 1 (Cons 9 Nil))),Just (Cons 3 (Cons (-1) (Cons 2 Nil))),Just (Cons 3 (Cons 2 Nil)),Nothing]",
    ),
    ("L.filterM (\\x -> [true, false]) (1 : 2 : Nil)", "[Cons 1 (Cons 2 Nil),Cons 1 Nil,Cons 2 Nil,Nil]"),
    ("[L.stripPrefix (Pattern (3 : 1 : Nil)) l3, L.stripPrefix (Pattern (1 : Nil)) l3]", "[Just (Cons 2 Nil),Nothing]"),
    (
        "[show (Pattern (1 : Nil)), show (Pattern (1 : Nil) == Pattern Nil), show (compare (Pattern (1 : Nil)) (Pattern Nil))]",
        '["(Pattern (1 : Nil))","false","GT"]',
    ),
    ("[L.slice 1 3 (0 .. 5), L.takeEnd 2 l3, L.dropEnd 2 l3]", "[Cons 1 (Cons 2 Nil),Cons 1 (Cons 2 Nil),Cons 3 Nil]"),
    (
        "map toList (L.group (1 : 1 : 2 : 1 : Nil))",
        "Cons (Cons 1 (Cons 1 Nil)) (Cons (Cons 2 Nil) (Cons (Cons 1 Nil) Nil))",
    ),
    ("map toList (L.groupAll (1 : 2 : 1 : Nil))", "Cons (Cons 1 (Cons 1 Nil)) (Cons (Cons 2 Nil) Nil)"),
    (
        "map toList (L.groupBy (\\a b -> b == a + 1) (1 : 2 : 4 : 5 : Nil))",
        "Cons (Cons 1 (Cons 2 Nil)) (Cons (Cons 4 (Cons 5 Nil)) Nil)",
    ),
    (
        "map toList (L.groupAllBy (comparing (_ `mod` 2)) (1 .. 4))",
        "Cons (Cons 2 (Cons 4 Nil)) (Cons (Cons 1 (Cons 3 Nil)) Nil)",
    ),
    (
        "[L.nubByEq (\\a b -> a `mod` 3 == b `mod` 3) (1 .. 6), L.union (1 : 2 : Nil) (2 : 3 : 3 : Nil)]",
        "[Cons 1 (Cons 2 (Cons 3 Nil)),Cons 1 (Cons 2 (Cons 3 Nil))]",
    ),
    (
        "[L.unionBy (\\a b -> a `mod` 3 == b `mod` 3) (1 : Nil) (4 : 5 : Nil), L.deleteBy (\\a b -> a == b + 1) 3 (1 .. 3)]",
        "[Cons 1 (Cons 5 Nil),Cons 1 (Cons 3 Nil)]",
    ),
    (
        "[L.difference (1 : 2 : 2 : 3 : Nil) (2 : Nil), (1 : 2 : Nil) \\\\ (1 : Nil)]",
        "[Cons 1 (Cons 2 (Cons 3 Nil)),Cons 2 Nil]",
    ),
    (
        "[L.intersect (1 .. 3) (3 : 1 : Nil), L.intersectBy (\\a b -> a == b * 2) (2 .. 4) (1 : 2 : Nil)]",
        "[Cons 1 (Cons 3 Nil),Cons 2 (Cons 4 Nil)]",
    ),
    (
        "L.zipWithA (\\a b -> if b == 0 then Nothing else Just (a / b)) (6 : 8 : Nil) (2 : 4 : Nil)",
        "Just (Cons 3 (Cons 2 Nil))",
    ),
    (
        "L.transpose ((1 : 2 : 3 : Nil) : (4 : 5 : Nil) : (6 : Nil) : Nil)",
        "Cons (Cons 1 (Cons 4 (Cons 6 Nil))) (Cons (Cons 2 (Cons 5 Nil)) (Cons (Cons 3 Nil) Nil))",
    ),
    ("L.foldM (\\b a -> if a < 0 then Nothing else Just (b + a)) 0 l3", "Just 6"),
    ("[L.scanl (+) 0 l3, L.scanr (+) 0 l3]", "[Cons 3 (Cons 4 (Cons 6 Nil)),Cons 6 (Cons 3 (Cons 2 Nil))]"),
    # Data.List.Internal: each insertion reports whether an equal key was there
    (
        "(let s1 = insertAndLookupBy compare 2 emptySet\n"
        "     s2 = insertAndLookupBy compare 1 s1.result\n"
        "     s3 = insertAndLookupBy compare 2 s2.result\n"
        "     s4 = insertAndLookupBy compare 3 s3.result\n"
        " in [s1.found, s2.found, s3.found, s4.found, (insertAndLookupBy compare 1 s4.result).found])",
        "[false,false,true,false,true]",
    ),
    # Data.List.Types: NonEmptyList and its instances
    (
        "[eq1 nel nel, eq1 nel (NEL.singleton 3), compare1 nel (NEL.singleton 9) == LT, compare1 nel nel == EQ]",
        "[true,false,true,true]",
    ),
    (
        "(unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1 :: NonEmpty Array Int)",
        "NonEmpty 1 [2,3]",
    ),
    ("(unfoldr1 (\\n -> Tuple n Nothing) 5 :: NonEmpty List Int)", "NonEmpty 5 Nil"),
    ("[toList nel, toList (nelCons 0 nel)]", "[Cons 3 (Cons 1 (Cons 2 Nil)),Cons 0 (Cons 3 (Cons 1 (Cons 2 Nil)))]"),
    (
        "[show nel, show (nel == nel), show (compare nel (NEL.singleton 9)), show (toList (nel <> nel))]",
        '["(NonEmptyList (NonEmpty 3 (1 : 2 : Nil)))","true","LT","(3 : 1 : 2 : 3 : 1 : 2 : Nil)"]',
    ),
    (
        "[toList (map (_ * 2) nel), toList (NEL.singleton negate <*> nel), toList (nel >>= \\x -> NEL.cons' x (x : Nil))]",
        "[Cons 6 (Cons 2 (Cons 4 Nil)),Cons (-3) (Cons (-1) (Cons (-2) Nil)),Cons 3 (Cons 3 (Cons 1 (Cons 1 (Cons 2 (Cons 2 Nil)))))]",
    ),
    (
        "[toList (pure 1 <|> nel), toList (extend NEL.length nel), Cons (extract nel) Nil]",
        "[Cons 1 (Cons 3 (Cons 1 (Cons 2 Nil))),Cons 3 (Cons 2 (Cons 1 Nil)),Cons 3 Nil]",
    ),
    ("[foldr (-) 0 nel, foldl (-) 0 nel, sum nel, A.length (foldMap (\\x -> [x]) nel)]", "[4,-6,6,3]"),
    (
        "map toList (traverse Just nel) <> map toList (sequence (map Just nel))",
        "Just (Cons 3 (Cons 1 (Cons 2 (Cons 3 (Cons 1 (Cons 2 Nil))))))",
    ),
    ("toList (unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1)", "Cons 1 (Cons 2 (Cons 3 Nil))"),
    ("[Just (toList nel) == map toList (NEL.fromList l3), NEL.fromList (Nil :: List Int) == Nothing]", "[true,true]"),
    # Data.NonEmpty
    ("[show (1 :| [2, 3]), show (NE.singleton 1 :: NonEmpty Array Int)]", '["(NonEmpty 1 [2,3])","(NonEmpty 1 [])"]'),
    (
        "[NE.foldl1 (-) (1 :| [2, 3]), NE.fromNonEmpty (\\x xs -> x + A.length xs) (1 :| [2]), NE.head (4 :| []), A.length (NE.tail (1 :| [2]))]",
        "[-4,2,4,1]",
    ),
    ("NE.oneOf (1 :| [2, 3])", "[1,2,3]"),
    ("[(1 :| [2]) == (1 :| [2]), (1 :| [2]) < (1 :| [3]), (2 :| []) > (1 :| [3])]", "[true,true,true]"),
    (
        "Tuple (map (_ + 1) (1 :| [2])) [sum (1 :| [2]), foldr (-) 0 (1 :| [2]), foldl (-) 0 (1 :| [2]), A.length (foldMap (\\x -> [x]) (1 :| [2]))]",
        "Tuple (NonEmpty 2 [3]) [3,-1,-3,2]",
    ),
    ("[traverse Just (1 :| [2]), sequence (Just 3 :| [Just 4])]", "[Just (NonEmpty 1 [2]),Just (NonEmpty 3 [4])]"),
    # Data.List.NonEmpty
    (
        "[NEL.toUnfoldable nel :: Array Int, A.fromFoldable (NEL.range 1 3), A.fromFoldable (1 NEL... 2)]",
        "[[3,1,2],[1,2,3],[1,2]]",
    ),
    (
        "[map toList (NEL.fromFoldable [1, 2]), map toList (NEL.fromFoldable ([] :: Array Int))]",
        "[Just (Cons 1 (Cons 2 Nil)),Nothing]",
    ),
    ("[NEL.length nel, NEL.head nel, NEL.last nel]", "[3,3,2]"),
    (
        "map toList [NEL.cons 0 nel, NEL.snoc nel 4, NEL.snoc' Nil 1]",
        "[Cons 0 (Cons 3 (Cons 1 (Cons 2 Nil))),Cons 3 (Cons 1 (Cons 2 (Cons 4 Nil))),Cons 1 Nil]",
    ),
    ("[NEL.tail nel, NEL.init nel]", "[Cons 1 (Cons 2 Nil),Cons 3 (Cons 1 Nil)]"),
    (
        "Tuple (NEL.uncons nel) (NEL.unsnoc nel)",
        "Tuple { head: 3, tail: Cons 1 (Cons 2 Nil) } { init: Cons 3 (Cons 1 Nil), last: 2 }",
    ),
    (
        "[nel NEL.!! 1, NEL.index nel 9, NEL.elemIndex 1 nel, NEL.elemLastIndex 2 nel, NEL.findIndex (_ < 3) nel, NEL.findLastIndex (_ > 5) nel]",
        "[Just 1,Nothing,Just 1,Just 2,Just 1,Nothing]",
    ),
    (
        "map (map toList) [NEL.insertAt 1 0 nel, NEL.updateAt 0 0 nel, NEL.modifyAt 9 negate nel]",
        "[Just (Cons 3 (Cons 0 (Cons 1 (Cons 2 Nil)))),Just (Cons 0 (Cons 1 (Cons 2 Nil))),Nothing]",
    ),
    (
        "map toList [NEL.reverse nel, NEL.concat (NEL.cons' nel (NEL.singleton 9 : Nil)), NEL.concatMap (\\x -> NEL.cons' x (x : Nil)) nel]",
        "[Cons 2 (Cons 1 (Cons 3 Nil)),Cons 3 (Cons 1 (Cons 2 (Cons 9 Nil))),Cons 3 (Cons 3 (Cons 1 (Cons 1 (Cons 2 (Cons 2 Nil)))))]",
    ),
    (
        "[NEL.filter (_ > 1) nel, NEL.mapMaybe (\\x -> if x > 1 then Just x else Nothing) nel, NEL.catMaybes (NEL.cons' (Just 1) (Nothing : Nil))]",
        "[Cons 3 (Cons 2 Nil),Cons 3 (Cons 2 Nil),Cons 1 Nil]",
    ),
    ("NEL.filterM (\\x -> Just (x > 1)) nel", "Just (Cons 3 (Cons 2 Nil))"),
    (
        "map toList [NEL.appendFoldable nel [4, 5], NEL.sort nel, NEL.sortBy (flip compare) nel]",
        "[Cons 3 (Cons 1 (Cons 2 (Cons 4 (Cons 5 Nil)))),Cons 1 (Cons 2 (Cons 3 Nil)),Cons 3 (Cons 2 (Cons 1 Nil))]",
    ),
    (
        "[NEL.take 2 nel, NEL.takeWhile (_ > 2) nel, NEL.drop 2 nel, NEL.dropWhile (_ > 2) nel]",
        "[Cons 3 (Cons 1 Nil),Cons 3 Nil,Cons 2 Nil,Cons 1 (Cons 2 Nil)]",
    ),
    (
        "Tuple (NEL.span (_ > 2) nel) (NEL.partition (_ > 1) nel)",
        "Tuple { init: Cons 3 Nil, rest: Cons 1 (Cons 2 Nil) } { no: Cons 1 Nil, yes: Cons 3 (Cons 2 Nil) }",
    ),
    (
        "map (toList <<< map toList) [NEL.group nel, NEL.groupAll nel, NEL.groupBy (<) nel, NEL.groupAllBy compare nel]",
        "[Cons (Cons 3 Nil) (Cons (Cons 1 Nil) (Cons (Cons 2 Nil) Nil)),Cons (Cons 1 Nil) (Cons (Cons 2 Nil) (Cons (Cons 3 Nil) Nil)),Cons (Cons 3 Nil) (Cons (Cons 1 (Cons 2 Nil)) Nil),Cons (Cons 1 Nil) (Cons (Cons 2 Nil) (Cons (Cons 3 Nil) Nil))]",
    ),
    (
        "map toList [NEL.nub nel, NEL.nubBy compare nel, NEL.nubEq nel, NEL.nubByEq (==) nel]",
        "[Cons 3 (Cons 1 (Cons 2 Nil)),Cons 3 (Cons 1 (Cons 2 Nil)),Cons 3 (Cons 1 (Cons 2 Nil)),Cons 3 (Cons 1 (Cons 2 Nil))]",
    ),
    (
        "map toList [NEL.union nel (NEL.singleton 5), NEL.unionBy (==) nel nel]",
        "[Cons 3 (Cons 1 (Cons 2 (Cons 5 Nil))),Cons 3 (Cons 1 (Cons 2 Nil))]",
    ),
    ("[NEL.intersect nel (NEL.singleton 2), NEL.intersectBy (<) nel (NEL.singleton 2)]", "[Cons 2 Nil,Cons 1 Nil]"),
    (
        "[toList (NEL.zipWith (*) nel nel), map toList (NEL.zipWithA (\\a b -> Just (a + b)) nel nel) # A.fromFoldable # A.concatMap A.fromFoldable # L.fromFoldable]",
        "[Cons 9 (Cons 1 (Cons 4 Nil)),Cons 6 (Cons 2 (Cons 4 Nil))]",
    ),
    (
        "case NEL.unzip (NEL.zip nel nel) of Tuple a b -> toList a <> toList b",
        "Cons 3 (Cons 1 (Cons 2 (Cons 3 (Cons 1 (Cons 2 Nil)))))",
    ),
    (
        "[NEL.foldM (\\b a -> Just (b + a)) 0 nel, Just (NEL.foldl1 (-) nel), Just (NEL.foldr1 (-) nel)]",
        "[Just 6,Just 0,Just 4]",
    ),
    # Data.Map
    (
        "[M.lookupLE 2 m3, M.lookupLT 2 m3, M.lookupGE 4 m3, M.lookupGT 2 m3]",
        '[Just { key: 2, value: "b" },Just { key: 1, value: "a" },Nothing,Just { key: 3, value: "c" }]',
    ),
    (
        "[M.findMin m3, M.findMax m3, M.findMin (M.empty :: M.Map Int String)]",
        '[Just { key: 1, value: "a" },Just { key: 3, value: "c" },Nothing]',
    ),
    (
        "[M.foldSubmap (Just 2) Nothing (\\k v -> show k <> v) m3, M.foldSubmap Nothing (Just 1) (\\_ v -> v) m3]",
        '["2b3c","a"]',
    ),
    ("entries (M.submap (Just 2) (Just 3) m3)", '[Tuple 2 "b",Tuple 3 "c"]'),
    ("map (map entries) (M.pop 2 m3)", 'Just (Tuple "b" [Tuple 1 "a",Tuple 3 "c"])'),
    (
        'entries (M.unions [M.singleton 1 "x", m3, M.singleton 9 "z"])',
        '[Tuple 1 "x",Tuple 2 "b",Tuple 3 "c",Tuple 9 "z"]',
    ),
    (
        "[entries (M.intersection m3 (M.singleton 2 unit)), entries (M.difference m3 (M.singleton 2 unit))]",
        '[[Tuple 2 "b"],[Tuple 1 "a",Tuple 3 "c"]]',
    ),
    (
        "entries (M.intersectionWith (\\a b -> a <> show b) m3 (M.fromFoldable [Tuple 3 30, Tuple 4 40]))",
        '[Tuple 3 "c30"]',
    ),
    ('[M.isSubmap (M.singleton 1 "a") m3, M.isSubmap (M.singleton 1 "b") m3, M.checkValid m3]', "[true,false,true]"),
    (
        '[entries (M.filterKeys (_ > 1) m3), entries (M.catMaybes (M.fromFoldable [Tuple 1 (Just "a"), Tuple 2 Nothing]))]',
        '[[Tuple 2 "b",Tuple 3 "c"],[Tuple 1 "a"]]',
    ),
    ('[M.any (_ == "b") m3, M.anyWithKey (\\k v -> k == 1 && v == "b") m3]', "[true,false]"),
    (
        'Tuple [m3 < M.singleton 9 "", compare m3 m3 == EQ] [M.size (m3 <> M.singleton 0 "o"), M.size (mempty :: M.Map Int String)]',
        "Tuple [true,true] [4,0]",
    ),
    (
        '[M.lookup 1 (m3 <> M.singleton 1 "!"), M.lookup 2 (m3 <> M.singleton 1 "!"), M.lookup 1 (M.singleton 1 "!" <> m3)]',
        '[Just "a!",Just "b",Just "!a"]',
    ),
    (
        '[entries (M.singleton 1 "x" <|> m3), entries (empty <|> m3)]',
        '[[Tuple 1 "x",Tuple 2 "b",Tuple 3 "c"],[Tuple 1 "a",Tuple 2 "b",Tuple 3 "c"]]',
    ),
    (
        'map entries (traverse (\\v -> if v == "" then Nothing else Just (v <> v)) m3)',
        'Just [Tuple 1 "aa",Tuple 2 "bb",Tuple 3 "cc"]',
    ),
    ("map entries (sequence (M.fromFoldable [Tuple 1 (Just 1), Tuple 2 (Just 2)]))", "Just [Tuple 1 1,Tuple 2 2]"),
    (
        '[show (M.SemigroupMap m3 <> M.SemigroupMap (M.singleton 1 "!")), show (mempty :: M.SemigroupMap Int String)]',
        '["(SemigroupMap (fromFoldable [(Tuple 1 \\"a!\\"),(Tuple 2 \\"b\\"),(Tuple 3 \\"c\\")]))","(SemigroupMap (fromFoldable []))"]',
    ),
    (
        '[M.SemigroupMap m3 == M.SemigroupMap m3, M.SemigroupMap m3 < M.SemigroupMap m3, unwrap (map (_ <> "?") (M.SemigroupMap m3)) == map (_ <> "?") m3]',
        "[true,false,true]",
    ),
    (
        '[show (MI.keys m3), show (eq1 m3 m3), show (compare1 m3 (M.singleton 0 ""))]',
        '["(1 : 2 : 3 : Nil)","true","GT"]',
    ),
    ("[(1 :| (2 : Nil)) == (1 :| (2 : Nil)), (1 :| Nil) < (1 :| (2 : Nil))]", "[true,true]"),
    ("toList (ap (NEL.singleton negate) nel)", "Cons (-3) (Cons (-1) (Cons (-2) Nil))"),
    # Data.Set
    ("[Set.lookupLT 2 s3, Set.lookupGT 2 s3, Set.lookupLE 0 s3, Set.lookupGE 3 s3]", "[Just 1,Just 3,Nothing,Just 3]"),
    ("[Set.properSubset (Set.singleton 1) s3, Set.properSubset s3 s3, Set.checkValid s3]", "[true,false,true]"),
    (
        "[show (Set.mapMaybe (\\x -> if x > 1 then Just (x * 10) else Nothing) s3), show (Set.catMaybes (Set.fromFoldable [Just 1, Nothing]))]",
        '["(fromFoldable [20,30])","(fromFoldable [1])"]',
    ),
    ("[M.size (Set.toMap s3), Set.size (Set.fromMap (M.singleton 'a' unit))]", "[3,1]"),
]
