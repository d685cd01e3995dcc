"""Examples: Data.Foldable and Data.Traversable."""

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
import Data.Set as Set
import Data.Traversable (traverse, sequence, for)
import Data.Traversable as T
import Data.Const (Const(..))
import Data.Identity (Identity(..))
import Data.Maybe.First as MF
import Data.Maybe.Last as ML
import Data.Monoid.Additive (Additive(..))
import Data.Monoid.Conj (Conj(..))
import Data.Monoid.Disj (Disj(..))
import Data.Monoid.Dual (Dual(..))
import Data.Monoid.Multiplicative (Multiplicative(..))
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
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[F.foldr (\\x acc -> x - acc) 0 [1, 2, 3], F.foldl (\\acc x -> acc - x) 0 [1, 2, 3]]", "[2,-6]"),
    ("F.foldr add 0 l3", "6"),
    ("F.foldMap show [1, 2]", '"12"'),
    ("F.fold [[1], [2]]", "[1,2]"),
    ("F.foldM (\\acc x -> if x > 0 then Just (acc + x) else Nothing) 0 [1, 2]", "Just 3"),
    ("F.traverse_ (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just unit"),
    ("F.for_ [1, -1] (\\x -> if x > 0 then Just x else Nothing)", "Nothing"),
    ("F.sequence_ [Just 1, Just 2]", "Just unit"),
    ('F.intercalate ", " ["a", "b"]', '"a, b"'),
    ("[F.sum [1, 2, 3], F.product [2, 3]]", "[6,6]"),
    (
        "[F.and [true, false], F.or [true, false], F.any (_ > 2) [1, 3], F.all (_ > 2) [1, 3]]",
        "[false,true,true,false]",
    ),
    ("[F.elem 2 [1, 2], F.notElem 2 [1, 2]]", "[true,false]"),
    (
        "[F.find (_ > 1) [1, 2, 3], F.findMap (\\x -> if x > 1 then Just (x * 10) else Nothing) [1, 2]]",
        "[Just 2,Just 20]",
    ),
    ("[F.length [1, 2] :: Int, F.length (Just 1)]", "[2,1]"),
    ("[F.null [], F.null (Just 1)]", "[true,false]"),
    ("[F.maximum [1, 3, 2], F.minimum [1, 3, 2], F.maximum []]", "[Just 3,Just 1,Nothing]"),
    ("[F.maximumBy compare l3, F.minimumBy compare l3]", "[Just 3,Just 1]"),
    ("F.sum (Just 4)", "4"),
    ("traverse (\\x -> if x > 0 then Just x else Nothing) [1, 2]", "Just [1,2]"),
    ("traverse (\\x -> if x > 0 then Just x else Nothing) (L.fromFoldable [1, 0])", "Nothing"),
    ("sequence [Just 1, Just 2]", "Just [1,2]"),
    ("sequence (Just [1, 2])", "[Just 1,Just 2]"),
    (
        "for (L.fromFoldable [1, 2]) (\\x -> [x, x * 10])",
        "[Cons 1 (Cons 2 Nil),Cons 1 (Cons 20 Nil),Cons 10 (Cons 2 Nil),Cons 10 (Cons 20 Nil)]",
    ),
    ("for (Just 3) (\\x -> Right x :: Either String Int)", "Right (Just 3)"),
]

EXAMPLES += [
    # the first/last of equal elements, as PureScript's maximumBy/minimumBy
    (
        "[F.maximumBy (comparing fst) [Tuple 1 'a', Tuple 1 'b'], F.minimumBy (comparing fst) [Tuple 1 'a', Tuple 1 'b']]",
        "[Just (Tuple 1 'b'),Just (Tuple 1 'b')]",
    ),
    # Foldable instances
    (
        '[F.sum (Right 2 :: Either String Int), F.sum (Left "x" :: Either String Int), F.sum (Tuple "k" 3), F.sum (Identity 4), F.sum (Const 9 :: Const Int Int)]',
        "[2,0,3,4,0]",
    ),
    (
        "[F.foldr A.cons [] (Right 1 :: Either Unit Int), F.foldl A.snoc [] (Tuple 'k' 2), F.foldr A.cons [] (Identity 3), F.foldl A.snoc [] (Const unit :: Const Unit Int)]",
        "[[1],[2],[3],[]]",
    ),
    (
        "[F.foldMap show (Left 1 :: Either Int Int), F.foldMap show (Tuple 1 2), F.foldMap show (Identity 3), F.foldMap show (Const 4 :: Const Int Int)]",
        '["","2","3",""]',
    ),
    (
        "[F.sum (MF.First (Just 1)), F.sum (ML.Last Nothing), F.foldr add 1 (MF.First (Just 2)), F.foldl add 1 (ML.Last (Just 3))]",
        "[1,0,3,4]",
    ),
    ("[F.foldMap show (MF.First (Just 4)), F.foldMap show (ML.Last (Just 5))]", '["4","5"]'),
    (
        "[F.sum (Additive 1), F.sum (Multiplicative 2), F.length (Conj true), F.length (Disj false), F.sum (Dual 5)]",
        "[1,2,1,1,5]",
    ),
    (
        "[F.foldr add 10 (Additive 1), F.foldl add 10 (Multiplicative 2), F.foldr add 10 (Dual 3), F.foldl add 10 (Dual 4)]",
        "[11,12,13,14]",
    ),
    (
        "[F.foldr (&&) true (Conj false), F.foldl (||) false (Disj true), F.foldr (||) false (Disj false), F.foldl (&&) true (Conj true)]",
        "[false,true,false,true]",
    ),
    (
        "[F.foldMap show (Additive 1), F.foldMap show (Multiplicative 2), F.foldMap show (Conj true), F.foldMap show (Disj false), F.foldMap show (Dual 3)]",
        '["1","2","true","false","3"]',
    ),
    # Data.Foldable functions
    ("[F.foldrDefault (\\x acc -> x - acc) 0 [1, 2, 3], F.foldlDefault (\\acc x -> acc - x) 0 [1, 2, 3]]", "[2,-6]"),
    ("[F.foldMapDefaultL show [1, 2], F.foldMapDefaultR show [3, 4]]", '["12","34"]'),
    (
        "[F.oneOf [Nothing, Just 1, Just 2], F.oneOfMap (\\x -> if x > 1 then Just x else Nothing) [1, 2, 3]]",
        "[Just 1,Just 2]",
    ),
    (
        '[F.surround "*" ["a", "b"], F.surroundMap "|" show [1, 2], F.surround "*" ([] :: Array String)]',
        '["*a*b*","|1|2|","*"]',
    ),
    (
        "[F.indexl 0 [7, 8, 9], F.indexl 2 l3, F.indexl 5 [1], F.indexr 0 [7, 8, 9], F.indexr 2 l3, F.indexr (-1) [1]]",
        "[Just 7,Just 3,Nothing,Just 9,Just 1,Nothing]",
    ),
    ('[F.lookup 2 [Tuple 1 "a", Tuple 2 "b", Tuple 2 "c"], F.lookup 5 [Tuple 1 "a"]]', '[Just "b",Nothing]'),
    # Traversable instances
    (
        '[traverse (\\x -> Just (x + 1)) (Right 1 :: Either String Int), traverse (\\x -> Just (x + 1)) (Left "e"), sequence (Right (Just 3) :: Either String (Maybe Int)), sequence (Left "f" :: Either String (Maybe Int))]',
        '[Just (Right 2),Just (Left "e"),Just (Right 3),Just (Left "f")]',
    ),
    (
        "[traverse (\\x -> [x, x * 10]) (Tuple 'k' 1), sequence (Tuple 'j' [2])]",
        "[[Tuple 'k' 1,Tuple 'k' 10],[Tuple 'j' 2]]",
    ),
    ("[traverse (\\x -> [x, -x]) (Identity 1), sequence (Identity [2])]", "[[Identity 1,Identity (-1)],[Identity 2]]"),
    (
        "[traverse (\\x -> [x, x]) (Const 'c' :: Const Char Int), sequence (Const 'd' :: Const Char (Array Int))]",
        "[[Const 'c'],[Const 'd']]",
    ),
    (
        "[traverse (\\x -> Just (x + 1)) (MF.First (Just 1)), sequence (MF.First (Just (Just 2))), sequence (MF.First (Nothing :: Maybe (Maybe Int)))]",
        "[Just (First (Just 2)),Just (First (Just 2)),Just (First Nothing)]",
    ),
    (
        "[traverse (\\x -> Just (x + 1)) (ML.Last (Just 1)), sequence (ML.Last (Just (Just 2)))]",
        "[Just (Last (Just 2)),Just (Last (Just 2))]",
    ),
    ("[traverse Just (Additive 1), sequence (Additive (Just 2))]", "[Just (Additive 1),Just (Additive 2)]"),
    (
        "[traverse Just (Multiplicative 1), sequence (Multiplicative (Just 2))]",
        "[Just (Multiplicative 1),Just (Multiplicative 2)]",
    ),
    ("[traverse Just (Conj true), sequence (Conj (Just false))]", "[Just (Conj true),Just (Conj false)]"),
    ("[traverse Just (Disj true), sequence (Disj (Just false))]", "[Just (Disj true),Just (Disj false)]"),
    ("[traverse Just (Dual 1), sequence (Dual (Just 2))]", "[Just (Dual 1),Just (Dual 2)]"),
    # Data.Traversable functions
    (
        "[T.traverseDefault (\\x -> Just (x * 2)) [1, 2], T.sequenceDefault [Just 3, Just 4], T.sequenceDefault [Just 5, Nothing]]",
        "[Just [2,4],Just [3,4],Nothing]",
    ),
    ("T.mapAccumL (\\s x -> { accum: s + x, value: s }) 0 [1, 2, 3]", "{ accum: 6, value: [0,1,3] }"),
    ("T.mapAccumR (\\s x -> { accum: s + x, value: s }) 0 [1, 2, 3]", "{ accum: 6, value: [5,3,0] }"),
    ("[T.scanl (+) 0 [1, 2, 3], T.scanr (+) 0 [1, 2, 3], T.scanl (-) 10 [1, 2]]", "[[1,3,6],[6,5,3],[9,7]]"),
    (
        "[show (T.scanl (+) 0 l3), show (T.for_ [1] Just), show (F.length [1, 2] :: Int)]",
        '["(1 : 3 : 6 : Nil)","(Just unit)","2"]',
    ),
]
