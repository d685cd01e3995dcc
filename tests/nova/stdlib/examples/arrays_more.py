"""Examples: the rest of Data.Array, Data.Array.NonEmpty, Data.Array.Partial, Data.Array.ST, and the instances of
Data.List.Types."""

HEADER = r"""

import Prelude
import Control.Alt (class Alt, (<|>))
import Control.Alternative (class Alternative, guard)
import Control.Monad (ap)
import Control.MonadPlus (class MonadPlus)
import Control.Lazy (class Lazy)
import Control.Extend (extend)
import Control.Plus (class Plus, empty)
import Control.Monad.ST as ST
import Data.Array ((..), (\\))
import Data.Array as A
import Data.Array.NonEmpty as NEA
import Data.Array.Partial as AP
import Data.Array.ST as STA
import Data.Foldable (foldl, foldr, foldMap, sum)
import Data.Identity (Identity(..))
import Data.List (List(..), (:))
import Data.List as L
import Data.Maybe (Maybe(..))
import Data.Traversable (traverse, sequence)
import Data.Tuple (Tuple(..))
import Data.Unfoldable1 (unfoldr1)
import Partial.Unsafe (unsafePartial)

nea :: NEA.NonEmptyArray Int
nea = NEA.cons' 3 [1, 2]

-- A parser of positive numbers, to run `some` and `many`.
newtype P a = P (Array Int -> Maybe (Tuple a (Array Int)))

runP :: forall a. P a -> Array Int -> Maybe (Tuple a (Array Int))
runP (P f) = f

instance Functor P where
  map f p = P \s -> map (\(Tuple a rest) -> Tuple (f a) rest) (runP p s)

instance Apply P where
  apply pf pa = P \s -> case runP pf s of
    Nothing -> Nothing
    Just (Tuple f rest) -> runP (map f pa) rest

instance Applicative P where
  pure a = P \s -> Just (Tuple a s)

instance Alt P where
  alt p q = P \s -> case runP p s of
    Nothing -> runP q s
    r -> r

instance Plus P where
  empty = P \_ -> Nothing

instance Alternative P

instance Lazy (P a) where
  defer f = P \s -> runP (f unit) s

keepEven :: forall m. MonadPlus m => m Int -> m Int
keepEven xs = xs >>= \x -> if x `mod` 2 == 0 then pure x else empty

positive :: P Int
positive = P \s -> case A.uncons s of
  Just { head, tail } | head > 0 -> Just (Tuple head tail)
  _ -> Nothing
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        '[show (A.foldl (-) 10 [1, 2]), show (A.foldr (-) 10 [1, 2]), A.foldMap show [1, 2], A.fold ["a", "b"],'
        ' A.intercalate ", " ["a", "b"]]',
        '["7","9","12","ab","a, b"]',
    ),
    (
        "[A.any (_ > 2) [1, 3], A.all (_ > 2) [1, 3], A.elem 3 [1, 3], A.notElem 3 [1, 3], A.notElem 2 [1, 3]]",
        "[true,false,true,false,true]",
    ),
    (
        "[A.find (_ > 1) [1, 2, 3], A.find (_ > 5) [1, 2], A.findMap (\\x -> if x > 1 then Just (x * 10) else Nothing) [1, 2, 3]]",
        "[Just 2,Nothing,Just 20]",
    ),
    ("1 .. 4", "[1,2,3,4]"),
    ("[1, 2, 2, 3] \\\\ [2, 3]", "[1,2]"),
    ("(A.toUnfoldable [1, 2] :: List Int)", "Cons 1 (Cons 2 Nil)"),
    ("[runP (A.some positive) [1, 2, 0], runP (A.some positive) [0]]", "[Just (Tuple [1,2] [0]),Nothing]"),
    ("runP (A.many positive) [0, 1]", "Just (Tuple [] [0,1])"),
    ("[A.insert 3 [1, 2, 4], A.insertBy (flip compare) 3 [4, 2, 1]]", "[[1,2,3,4],[4,3,2,1]]"),
    ("[A.unsnoc [1, 2, 3], A.unsnoc []]", "[Just { init: [1,2], last: 3 },Nothing]"),
    ("[A.elemLastIndex 1 [1, 2, 1], A.findLastIndex (_ > 5) [1]]", "[Just 2,Nothing]"),
    ("A.updateAtIndices [Tuple 0 9, Tuple 5 9, Tuple 2 8] [1, 2, 3]", "[9,2,8]"),
    ("A.modifyAtIndices [0, 2, 7] negate [1, 2, 3]", "[-1,2,-3]"),
    (
        "[A.alterAt 0 (const Nothing) [1, 2], A.alterAt 1 (Just <<< negate) [1, 2], A.alterAt 3 Just [1]]",
        "[Just [2],Just [1,-2],Nothing]",
    ),
    ("[A.intersperse 0 [1, 2, 3], A.intersperse 0 []]", "[[1,0,2,0,3],[]]"),
    ("[A.splitAt 2 [1, 2, 3], A.splitAt (-1) [1]]", "[{ after: [3], before: [1,2] },{ after: [1], before: [] }]"),
    ("A.filterA (const [true, false]) [1, 2]", "[[1,2],[1],[2],[]]"),
    ("A.transpose [[1, 2, 3], [4, 5], [6]]", "[[1,4,6],[2,5],[3]]"),
    ("[A.scanl (+) 0 [1, 2, 3], A.scanr (+) 0 [1, 2, 3]]", "[[1,3,6],[6,5,3]]"),
    ("[A.takeEnd 2 [1, 2, 3], A.dropEnd 2 [1, 2, 3]]", "[[2,3],[1]]"),
    ("A.span (_ < 3) [1, 2, 3, 1]", "{ init: [1,2], rest: [3,1] }"),
    ("map NEA.toArray (A.group [1, 1, 2, 1])", "[[1,1],[2],[1]]"),
    ("map NEA.toArray (A.groupAll [1, 2, 1])", "[[1,1],[2]]"),
    ("map NEA.toArray (A.groupBy (\\a b -> b == a + 1) [1, 2, 4, 5])", "[[1,2],[4,5]]"),
    ("map NEA.toArray (A.groupAllBy (comparing (_ `mod` 2)) [1, 2, 3, 4])", "[[2,4],[1,3]]"),
    ("[A.union [1, 2] [2, 3, 3], A.unionBy (\\a b -> a `mod` 3 == b `mod` 3) [1] [4, 5]]", "[[1,2,3],[1,5]]"),
    ("[A.delete 2 [1, 2, 2], A.deleteBy (\\a b -> a == b + 1) 3 [1, 2, 3]]", "[[1,2],[1,3]]"),
    ("A.difference [1, 2, 2, 3] [2]", "[1,2,3]"),
    ("[A.intersect [1, 2, 3] [3, 1], A.intersectBy (\\a b -> a == b * 2) [2, 3, 4] [1, 2]]", "[[1,3],[2,4]]"),
    ("A.zipWithA (\\a b -> if b == 0 then Nothing else Just (a / b)) [6, 8] [2, 4]", "Just [3,2]"),
    ("A.foldM (\\b a -> if a < 0 then Nothing else Just (b + a)) 0 [1, 2, 3]", "Just 6"),
    ("A.foldRecM (\\b a -> Just (b + a)) 0 (1 .. 1000)", "Just 500500"),
    ("unsafePartial (A.unsafeIndex [5, 6] 1)", "6"),
    ("unsafePartial [AP.head [1, 2, 3], AP.last [1, 2, 3]]", "[1,3]"),
    ("unsafePartial [AP.tail [1, 2, 3], AP.init [1, 2, 3]]", "[[2,3],[1,2]]"),
    ("[map NEA.toArray (NEA.fromArray []), map NEA.toArray (NEA.fromArray [1])]", "[Nothing,Just [1]]"),
    (
        "[map NEA.toArray (NEA.fromFoldable (1 : 2 : Nil)), NEA.toArray <$> NEA.fromFoldable ([] :: Array Int)]",
        "[Just [1,2],Nothing]",
    ),
    ("[NEA.toArray (NEA.fromFoldable1 (Identity 1)), NEA.toArray (NEA.fromFoldable1 nea)]", "[[1],[3,1,2]]"),
    (
        "[(NEA.toUnfoldable nea :: List Int), NEA.toUnfoldable1 nea]",
        "[Cons 3 (Cons 1 (Cons 2 Nil)),Cons 3 (Cons 1 (Cons 2 Nil))]",
    ),
    ("NEA.toArray (NEA.singleton 1 <> NEA.range 3 2 <> NEA.replicate 0 7 <> (1 NEA... 2))", "[1,3,2,7,1,2]"),
    ("NEA.length nea", "3"),
    ("NEA.toArray (0 NEA.: nea)", "[0,3,1,2]"),
    ("NEA.toArray (NEA.snoc (NEA.snoc' [1] 2) 3)", "[1,2,3]"),
    ("NEA.toArray (NEA.prependArray [0] (NEA.appendArray nea [4]))", "[0,3,1,2,4]"),
    ("map NEA.toArray [NEA.insert 2 nea, NEA.insertBy compare 0 nea]", "[[3,1,2,2],[0,3,1,2]]"),
    ("[NEA.head nea, NEA.last nea]", "[3,2]"),
    ("[NEA.tail nea, NEA.init nea]", "[[1,2],[3,1]]"),
    ("Tuple (NEA.uncons nea) (NEA.unsnoc nea)", "Tuple { head: 3, tail: [1,2] } { init: [3,1], last: 2 }"),
    ("[nea NEA.!! 1, NEA.index nea 9]", "[Just 1,Nothing]"),
    (
        "[NEA.elemIndex 1 nea, NEA.elemLastIndex 2 nea, NEA.findIndex (_ > 1) nea, NEA.findLastIndex (_ > 1) nea]",
        "[Just 1,Just 2,Just 0,Just 2]",
    ),
    (
        "[NEA.toArray <$> NEA.insertAt 1 0 nea, NEA.toArray <$> NEA.updateAt 0 0 nea, NEA.toArray <$> NEA.modifyAt 0 negate nea]",
        "[Just [3,0,1,2],Just [0,1,2],Just [-3,1,2]]",
    ),
    ("[NEA.deleteAt 0 nea, NEA.alterAt 0 (const Nothing) nea]", "[Just [1,2],Just [1,2]]"),
    ("NEA.toArray (NEA.intersperse 0 (NEA.reverse nea))", "[2,0,1,0,3]"),
    ("NEA.toArray (NEA.concat (NEA.cons' nea [NEA.singleton 9]))", "[3,1,2,9]"),
    ("NEA.toArray (NEA.concatMap (\\x -> NEA.replicate x x) nea)", "[3,3,3,1,2,2]"),
    ("Tuple (NEA.filter (_ > 1) nea) (NEA.partition (_ > 1) nea)", "Tuple [3,2] { no: [1], yes: [3,2] }"),
    ("NEA.splitAt 1 nea", "{ after: [1,2], before: [3] }"),
    ("NEA.filterA (\\x -> Just (x > 1)) nea", "Just [3,2]"),
    (
        "Tuple (NEA.mapMaybe (\\x -> if x > 1 then Just x else Nothing) nea) (NEA.catMaybes (NEA.cons' (Just 1) [Nothing]))",
        "Tuple [3,2] [1]",
    ),
    ("NEA.toArray (NEA.mapWithIndex (\\i x -> i * x) nea)", "[0,1,4]"),
    ("[NEA.foldl1 (-) nea, NEA.foldr1 (-) nea]", "[0,4]"),
    ('[NEA.foldMap1 show nea, NEA.fold1 (map show nea), NEA.intercalate "-" (map show nea)]', '["312","312","3-1-2"]'),
    ("map NEA.toArray [NEA.scanl (+) 0 nea, NEA.scanr (+) 0 nea]", "[[3,4,6],[6,3,2]]"),
    (
        "map NEA.toArray [NEA.sort nea, NEA.sortBy (flip compare) nea, NEA.sortWith negate nea]",
        "[[1,2,3],[3,2,1],[3,2,1]]",
    ),
    ("[NEA.slice 1 2 nea, NEA.take 2 nea, NEA.takeEnd 2 nea, NEA.takeWhile (_ > 2) nea]", "[[1],[3,1],[1,2],[3]]"),
    ("[NEA.drop 2 nea, NEA.dropEnd 2 nea, NEA.dropWhile (_ > 2) nea]", "[[2],[3],[1,2]]"),
    ("NEA.span (_ > 2) nea", "{ init: [3], rest: [1,2] }"),
    (
        "map (map NEA.toArray <<< NEA.toArray) [NEA.group nea, NEA.groupAll nea, NEA.groupBy (<) nea, NEA.groupAllBy compare nea]",
        "[[[3],[1],[2]],[[1],[2],[3]],[[3],[1,2]],[[1],[2],[3]]]",
    ),
    (
        "map NEA.toArray [NEA.nub nea, NEA.nubBy compare nea, NEA.nubEq nea, NEA.nubByEq (==) nea]",
        "[[3,1,2],[3,1,2],[3,1,2],[3,1,2]]",
    ),
    (
        "map NEA.toArray [NEA.union nea nea, NEA.union' nea [5], NEA.unionBy (==) nea nea, NEA.unionBy' (==) nea [6]]",
        "[[3,1,2],[3,1,2,5],[3,1,2],[3,1,2,6]]",
    ),
    (
        "[NEA.delete 1 nea, NEA.deleteBy (==) 2 nea, NEA.difference nea (NEA.singleton 3), nea NEA.\\\\ nea]",
        "[[3,2],[3,1],[1,2],[]]",
    ),
    ("[NEA.intersect nea (NEA.singleton 2), NEA.intersectBy (<) nea (NEA.singleton 2)]", "[[2],[1]]"),
    ("NEA.toArray (NEA.zip nea (NEA.zipWith (*) nea nea))", "[Tuple 3 9,Tuple 1 1,Tuple 2 4]"),
    ("map NEA.toArray (NEA.zipWithA (\\a b -> Just (a + b)) nea nea)", "Just [6,2,4]"),
    ("case NEA.unzip (NEA.zip nea nea) of Tuple a b -> NEA.toArray a <> NEA.toArray b", "[3,1,2,3,1,2]"),
    ("[NEA.any (_ > 2) nea, NEA.all (_ > 2) nea]", "[true,false]"),
    ("NEA.foldM (\\b a -> Just (b + a)) 0 nea", "Just 6"),
    ("unsafePartial (NEA.unsafeIndex nea 2)", "2"),
    (
        "[show nea, show (nea == nea), show (compare nea (NEA.singleton 9)), show (nea <> nea)]",
        '["(NonEmptyArray [3,1,2])","true","LT","(NonEmptyArray [3,1,2,3,1,2])"]',
    ),
    ("NEA.toArray (map (_ * 2) nea)", "[6,2,4]"),
    ("[foldr (-) 0 nea, foldl (-) 0 nea, sum nea, foldMap (\\x -> [x]) nea # A.length]", "[4,-6,6,3]"),
    ("map NEA.toArray (traverse Just nea) <> map NEA.toArray (sequence (map Just nea))", "Just [3,1,2,3,1,2]"),
    ("NEA.toArray (unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1)", "[1,2,3]"),
    ("NEA.toArray ((map (+) nea <*> pure 10) <|> (nea >>= \\x -> NEA.singleton (x * 10)))", "[13,11,12,30,10,20]"),
    ("ST.run (STA.withArray (STA.push 4) [1, 2, 3])", "[1,2,3,4]"),
    ("STA.run (STA.thaw [3, 1, 2] >>= STA.sort)", "[1,2,3]"),
    ("STA.run (STA.new >>= \\a -> STA.pushAll [2, 1, 3] a >>= \\_ -> STA.sortBy (flip compare) a)", "[3,2,1]"),
    ('STA.run (STA.unsafeThaw ["bb", "a"] >>= STA.sortWith (\\s -> s))', '["a","bb"]'),
    (
        "ST.run (STA.thaw [1, 2, 3] >>= \\a -> STA.pop a >>= \\x -> STA.shift a >>= \\y -> STA.length a >>= \\n -> STA.freeze a >>= \\r -> pure [x, y, Just n, A.head r])",
        "[Just 3,Just 1,Just 1,Just 2]",
    ),
    (
        "ST.run (STA.thaw [1, 2] >>= \\a -> STA.poke 0 9 a >>= \\p -> STA.poke 5 9 a >>= \\q -> STA.modify 1 negate a >>= \\m -> STA.unshift 0 a >>= \\_ -> STA.unsafeFreeze a >>= \\r -> pure (Tuple [p, q, m] r))",
        "Tuple [true,false,true] [0,9,-2]",
    ),
    (
        "ST.run (STA.thaw [1, 2] >>= \\a -> STA.peek 1 a >>= \\x -> STA.peek 2 a >>= \\y -> pure [x, y])",
        "[Just 2,Nothing]",
    ),
    ("(1 : Nil) <|> empty <|> (2 : Nil)", "Cons 1 (Cons 2 Nil)"),
    (
        "[keepEven (1 : 2 : 3 : 4 : Nil), (1 : 2 : Nil) >>= \\x -> guard (x > 1) *> pure x]",
        "[Cons 2 (Cons 4 Nil),Cons 2 Nil]",
    ),
    ("NEA.toArray (ap (NEA.singleton negate) nea)", "[-3,-1,-2]"),
    ("extend L.length (1 : 2 : 3 : Nil)", "Cons 3 (Cons 2 (Cons 1 Nil))"),
]

FAILING: list[tuple[str, str]] = [
    ("unsafePartial (AP.head ([] :: Array Int))", "Data.Array.Partial.head: empty array"),
]
