"""Examples: Data.List.Lazy, Data.List.Lazy.Types and Data.List.Lazy.NonEmpty."""

HEADER = r"""

import Prelude
import Control.Alt ((<|>))
import Control.Alternative (guard)
import Control.Comonad (extract)
import Control.Extend (extend)
import Control.Lazy (fix)
import Data.Eq (eq1)
import Data.Ord (compare1)
import Data.Lazy (Lazy, defer, force)
import Data.List.Lazy.NonEmpty as LNEL
import Data.List.Lazy.Types as LTypes
import Data.NonEmpty ((:|))
import Data.Ord (comparing)
import Data.Newtype (unwrap, wrap)
import Control.Plus (empty)
import Control.MonadPlus (class MonadPlus)
import Data.Foldable (foldMap, sum)
import Data.List as Strict
import Data.List.Lazy as LL
import Data.List.Lazy (List, (:), (..), (!!))
import Data.Maybe (Maybe(..))
import Data.Traversable (traverse, sequence)
import Data.Tuple (Tuple(..))
import Data.Unfoldable (unfoldr)
import Data.Unfoldable1 (unfoldr1)
import Data.FunctorWithIndex (mapWithIndex)
import Data.FoldableWithIndex (foldlWithIndex, foldrWithIndex, foldMapWithIndex)
import Data.TraversableWithIndex (traverseWithIndex)

arr :: forall a. List a -> Array a
arr = LL.toUnfoldable

l3 :: List Int
l3 = 3 : 1 : 2 : LL.nil

nel :: LNEL.NonEmptyList Int
nel = LNEL.cons 1 (LNEL.singleton 2)

narr :: forall a. LNEL.NonEmptyList a -> Array a
narr = LNEL.toUnfoldable

-- | `foldrLazy` into a lazy value: stops at the first element over 3, even on an infinite list.
firstOver3 :: Lazy Int
firstOver3 = LL.foldrLazy (\x rest -> if x > 3 then defer \_ -> x else rest) (defer \_ -> 0) (LL.iterate (_ + 1) 0)

keepEven :: forall m. MonadPlus m => m Int -> m Int
keepEven xs = xs >>= \x -> if x `mod` 2 == 0 then pure x else empty
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[show (LTypes.step l3), show (LTypes.step (LL.nil :: List Int))]", '["(3 : (fromFoldable [1,2]))","Nil"]'),
    ("arr (mapWithIndex (\\i x -> i * 10 + x) l3)", "[3,11,22]"),
    (
        '[foldlWithIndex (\\i acc x -> acc <> show i <> show x) "" l3, foldrWithIndex (\\i x acc -> show i <> show x <> acc) "" l3,'
        " foldMapWithIndex (\\i x -> show (i + x)) l3]",
        '["031122","031122","324"]',
    ),
    ("map arr (traverseWithIndex (\\i x -> if x > 0 then Just (i + x) else Nothing) l3)", "Just [3,2,4]"),
    ("[eq1 nel nel, eq1 nel (LNEL.singleton 1), compare1 nel (LNEL.singleton 1) == GT]", "[true,false,true]"),
    (
        "narr (unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1 :: LNEL.NonEmptyList Int)",
        "[1,2,3]",
    ),
    ("narr (mapWithIndex (\\i x -> i * 10 + x) nel)", "[1,12]"),
    (
        "[foldlWithIndex (\\i acc x -> acc + i * x) 0 nel, foldrWithIndex (\\i x acc -> acc + i * x) 0 nel,"
        " foldMapWithIndex (\\i x -> [i, x]) nel # Strict.fromFoldable # Strict.length]",
        "[2,2,4]",
    ),
    ("map narr (traverseWithIndex (\\i x -> Just (i + x)) nel)", "Just [1,3]"),
    (
        "[arr l3, arr (LL.fromFoldable [1, 2]), arr (LL.fromStrict (Strict.range 1 2)), arr (LL.singleton 1)]",
        "[[3,1,2],[1,2],[1,2],[1]]",
    ),
    (
        "[arr (1 .. 4), arr (LL.range 3 1), arr (LL.replicate 3 0), arr (LL.take 3 (LL.repeat 7))]",
        "[[1,2,3,4],[3,2,1],[0,0,0],[7,7,7]]",
    ),
    (
        "[arr (LL.take 5 (LL.iterate (_ * 2) 1)), arr (LL.take 5 (LL.cycle l3)), arr (LL.cycle (LL.nil :: List Int))]",
        "[[1,2,4,8,16],[3,1,2,3,1],[]]",
    ),
    ("[LL.null l3, LL.null LL.nil, LL.length l3 == 3]", "[false,true,true]"),
    (
        "[LL.head l3, LL.last l3, LL.head (LL.nil :: List Int), l3 !! 1, LL.index l3 7, LL.head (LL.drop 1000 (LL.iterate (_ + 1) 0))]",
        "[Just 3,Just 2,Nothing,Just 1,Nothing,Just 1000]",
    ),
    (
        "[map arr (LL.tail l3), map arr (LL.init l3), map arr (LL.init (LL.nil :: List Int))]",
        "[Just [1,2],Just [3,1],Nothing]",
    ),
    ("map (\\r -> Tuple r.head (arr r.tail)) (LL.uncons l3)", "Just (Tuple 3 [1,2])"),
    (
        "[arr (LL.reverse l3), arr (LL.concat (l3 : l3 : LL.nil)), arr (LL.concatMap (\\x -> x : x : LL.nil) l3)]",
        "[[2,1,3],[3,1,2,3,1,2],[3,3,1,1,2,2]]",
    ),
    (
        "[arr (LL.take 3 (LL.filter (_ > 5) (LL.iterate (_ + 1) 0))), arr (LL.mapMaybe (\\x -> if x > 1 then Just x else Nothing) l3), arr (LL.catMaybes (Just 1 : Nothing : LL.nil))]",
        "[[6,7,8],[3,2],[1]]",
    ),
    (
        "[arr (LL.takeWhile (_ < 4) (LL.iterate (_ + 1) 0)), arr (LL.dropWhile (_ > 1) l3), arr (LL.drop 2 l3), arr (LL.take 0 l3)]",
        "[[0,1,2,3],[1,2],[2],[]]",
    ),
    (
        "[arr (LL.zipWith (+) l3 (LL.repeat 10)), map (\\(Tuple a b) -> a * b) (arr (LL.zip l3 l3))]",
        "[[13,11,12],[9,1,4]]",
    ),
    (
        '[LL.foldl (-) 0 l3, LL.foldr (-) 0 l3, sum l3, foldMap show l3 # \\s -> if s == "312" then 1 else 0]',
        "[-6,4,6,1]",
    ),
    (
        "[show l3, show (l3 == l3), show (l3 == LL.nil), show (compare l3 (3 : LL.nil)), show (compare LL.nil l3)]",
        '["(fromFoldable [3,1,2])","true","false","GT","LT"]',
    ),
    ("[arr (l3 <> l3), arr (mempty :: List Int), arr (map (_ * 10) l3)]", "[[3,1,2,3,1,2],[],[30,10,20]]"),
    (
        "[map arr (traverse Just l3), map arr (sequence (Just 1 : Just 2 : LL.nil)), map arr (traverse (\\x -> if x > 2 then Just x else Nothing) l3)]",
        "[Just [3,1,2],Just [1,2],Nothing]",
    ),
    (
        "[arr (unfoldr (\\n -> if n > 3 then Nothing else Just (Tuple n (n + 1))) 1), arr (unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1)]",
        "[[1,2,3],[1,2,3]]",
    ),
    (
        "[arr ((\\a b -> a * b) <$> l3 <*> (1 : 10 : LL.nil)), arr (pure 5), arr (l3 >>= \\x -> x : x : LL.nil)]",
        "[[3,30,1,10,2,20],[5],[3,3,1,1,2,2]]",
    ),
    (
        "[arr (l3 <|> empty <|> l3), arr (keepEven l3), arr (l3 >>= \\x -> guard (x > 1) *> pure x)]",
        "[[3,1,2,3,1,2],[2],[3,2]]",
    ),
    ("arr (LL.take 4 (fix \\xs -> 1 : map (_ * 3) xs))", "[1,3,9,27]"),
    ("case LL.step l3 of\n  LL.Cons x _ -> x\n  LL.Nil -> 0", "3"),
    ("case LL.step (LL.nil :: List Int) of\n  LL.Cons x _ -> x\n  LL.Nil -> 0", "0"),
    ("LL.cons 0 l3 # arr", "[0,3,1,2]"),
    (
        "[arr (LL.snoc l3 9), arr (LL.insert 2 (1 : 3 : LL.nil)), arr (LL.insertBy (flip compare) 2 (3 : 1 : LL.nil))]",
        "[[3,1,2,9],[1,2,3],[3,2,1]]",
    ),
    (
        "[LL.elemIndex 1 l3, LL.elemLastIndex 3 (l3 <> l3), LL.findIndex (_ > 5) (LL.iterate (_ + 1) 0), LL.findLastIndex (_ > 9) l3]",
        "[Just 1,Just 3,Just 6,Nothing]",
    ),
    (
        "[arr (LL.insertAt 1 9 l3), arr (LL.insertAt 7 9 l3), arr (LL.deleteAt 0 l3), arr (LL.deleteAt 5 l3), arr (LL.updateAt 2 0 l3), arr (LL.modifyAt 1 (_ + 5) l3), arr (LL.alterAt 1 (const Nothing) l3)]",
        "[[3,9,1,2],[3,1,2,9],[1,2],[3,1,2],[3,1,0],[3,6,2],[3,2]]",
    ),
    (
        "[map arr (LL.filterM (\\x -> Just (x > 1)) l3), map arr (LL.replicateM 2 (Just 4)), map arr (LL.zipWithA (\\a b -> Just (a + b)) l3 l3)]",
        "[Just [3,2],Just [4,4],Just [6,2,4]]",
    ),
    ("map arr (LL.filterM (const [true, false]) (1 : 2 : LL.nil))", "[[1,2],[1],[2],[]]"),
    (
        "[map arr (LL.stripPrefix (LL.Pattern (3 : LL.nil)) l3), map arr (LL.stripPrefix (LL.Pattern (1 : LL.nil)) l3)]",
        "[Just [1,2],Nothing]",
    ),
    (
        "[show (LL.Pattern l3), show (LL.Pattern l3 == LL.Pattern l3), show (compare (LL.Pattern l3) (LL.Pattern LL.nil)), show (arr (unwrap (LL.Pattern l3)))]",
        '["(Pattern (fromFoldable [3,1,2]))","true","GT","[3,1,2]"]',
    ),
    (
        "[arr (LL.slice 1 3 (LL.iterate (_ + 1) 0)), arr (LL.span (_ > 1) l3).init, arr (LL.span (_ > 1) l3).rest, arr (LL.partition (_ > 1) l3).yes, arr (LL.partition (_ > 1) l3).no]",
        "[[1,2],[3],[1,2],[3,2],[1]]",
    ),
    (
        "map narr (arr (LL.group (1 : 1 : 2 : 1 : LL.nil))) <> map narr (arr (LL.groupBy (\\a b -> a < b) (1 : 2 : 0 : 5 : LL.nil)))",
        "[[1,1],[2],[1],[1,2],[0,5]]",
    ),
    (
        "[arr (LL.nub (1 : 2 : 1 : 3 : 2 : LL.nil)), arr (LL.nubBy (comparing (_ `mod` 2)) l3), arr (LL.nubEq (2 : 2 : 1 : LL.nil)), arr (LL.nubByEq (\\a b -> a + b == 4) l3), arr (LL.take 3 (LL.nub (LL.cycle l3 <> LL.iterate (_ + 1) 0)))]",
        "[[1,2,3],[3,2],[2,1],[3,2],[3,1,2]]",
    ),
    (
        "[arr (LL.union l3 (5 : 3 : 5 : LL.nil)), arr (LL.unionBy (\\a b -> a == b) l3 l3), arr (LL.delete 1 l3), arr (LL.deleteBy (\\a b -> a < b) 1 l3), arr (LL.difference l3 (1 : LL.nil)), arr (l3 LL.\\\\ l3)]",
        "[[3,1,2,5],[3,1,2],[3,2],[1,2],[3,2],[]]",
    ),
    ("[arr (LL.intersect l3 (2 : 3 : LL.nil)), arr (LL.intersectBy (\\a b -> a == b + 1) l3 l3)]", "[[3,2],[3,2]]"),
    ("case LL.unzip (LL.zip l3 (LL.repeat 0)) of\n  Tuple as bs -> [arr as, arr bs]", "[[3,1,2],[0,0,0]]"),
    (
        "map arr (arr (LL.transpose ((1 : 2 : 3 : LL.nil) : (4 : LL.nil) : LL.nil : (5 : 6 : LL.nil) : LL.nil)))",
        "[[1,4,5],[2,6],[3]]",
    ),
    (
        "[LL.foldM (\\acc x -> if x > 0 then Just (acc + x) else Nothing) 0 l3, LL.foldM (\\acc x -> if x > 1 then Just (acc + x) else Nothing) 0 l3, Just (force firstOver3)]",
        "[Just 6,Nothing,Just 4]",
    ),
    (
        "[arr (LL.take 4 (LL.scanlLazy (+) 0 (LL.iterate (_ + 1) 1))), arr (LL.scanl (+) 0 l3), arr (LL.scanr (+) 0 l3)]",
        "[[1,3,6,10],[3,4,6],[6,3,2]]",
    ),
    (
        '[show (LL.fold ("a" : "b" : LL.nil)), show (LL.intercalate ", " ("a" : "b" : LL.nil)), show (LL.elem 2 l3), show (LL.notElem 2 l3), show (LL.find (_ < 3) l3), show (LL.findMap (\\x -> if x < 3 then Just (x * 10) else Nothing) l3), show (LL.any (_ > 2) l3), show (LL.all (_ > 0) l3), show (LL.foldMap show l3)]',
        '["\\"ab\\"","\\"a, b\\"","true","false","(Just 1)","(Just 10)","true","true","\\"312\\""]',
    ),
    ("[map arr (arr (LL.some (LL.nil :: List Int))), map arr (arr (LL.many (LL.nil :: List Int)))]", "[[],[[]]]"),
    ("[eq1 l3 l3, compare1 l3 LL.nil == GT, arr (extend LL.length l3) == [3, 2, 1]]", "[true,true,true]"),
    (
        "[narr nel, narr (LNEL.singleton 5), narr (LNEL.cons 0 nel), [LNEL.head nel, LNEL.last nel, LNEL.length nel], arr (LNEL.tail nel), arr (LNEL.init nel)]",
        "[[1,2],[5],[0,1,2],[1,2,2],[2],[1]]",
    ),
    (
        "[map narr (LNEL.fromFoldable [1, 2]), map narr (LNEL.fromFoldable ([] :: Array Int)), map narr (LNEL.fromList l3), Just (arr (LNEL.toList nel)), Just (arr (LTypes.toList nel))]",
        "[Just [1,2],Nothing,Just [3,1,2],Just [1,2],Just [1,2]]",
    ),
    (
        "[narr (LNEL.concatMap (\\x -> LNEL.cons x (LNEL.singleton (x * 10))) nel), narr (LNEL.appendFoldable nel [7, 8]), arr (LL.take 3 (LNEL.toList (LNEL.repeat 4))), arr (LL.take 3 (LNEL.toList (LNEL.iterate (_ * 3) 1)))]",
        "[[1,10,2,20],[1,2,7,8],[4,4,4],[1,3,9]]",
    ),
    ("(LNEL.uncons nel).head + LNEL.head (LNEL.repeat 5)", "6"),
    (
        "[show nel, show (nel == nel), show (compare nel (LNEL.singleton 1)), show (narr (map (_ + 1) nel)), show (narr ((+) <$> nel <*> nel)), show (narr (pure 3 :: LNEL.NonEmptyList Int)), show (narr (nel <|> nel)), show (narr (nel <> nel))]",
        '["(NonEmptyList (defer \\\\_ -> (NonEmpty 1 (fromFoldable [2]))))","true","GT","[2,3]","[2,3,3,4]","[3]","[1,2,1,2]","[1,2,1,2]"]',
    ),
    (
        "[extract nel, extract (extend LNEL.length nel), sum nel, LNEL.length (extend LNEL.head nel), LNEL.last (extend LNEL.head nel)]",
        "[1,2,3,2,2]",
    ),
    (
        "[map narr (traverse Just nel), map narr (sequence (LNEL.cons (Just 1) (LNEL.singleton (Just 2))))]",
        "[Just [1,2],Just [1,2]]",
    ),
    (
        "[LL.length (wrap (unwrap l3) :: List Int), LNEL.head (wrap (unwrap nel)), LNEL.length (wrap (unwrap nel) :: LNEL.NonEmptyList Int)]",
        "[3,1,2]",
    ),
    (
        "[narr (LTypes.NonEmptyList (defer \\_ -> 1 :| LL.nil)) == [1], arr (LL.take 2 (LTypes.cons 4 LTypes.nil)) == [4]]",
        "[true,true]",
    ),
]
