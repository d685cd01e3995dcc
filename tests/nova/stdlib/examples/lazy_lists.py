"""Examples: Data.List.Lazy and Data.List.Lazy.Types."""

HEADER = r"""

import Prelude
import Control.Alt ((<|>))
import Control.Alternative (guard)
import Control.Lazy (fix)
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

arr :: forall a. List a -> Array a
arr = LL.toUnfoldable

l3 :: List Int
l3 = 3 : 1 : 2 : LL.nil

keepEven :: forall m. MonadPlus m => m Int -> m Int
keepEven xs = xs >>= \x -> if x `mod` 2 == 0 then pure x else empty
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[arr l3, arr (LL.fromFoldable [1, 2]), arr (LL.fromStrict (Strict.range 1 2)), arr (LL.singleton 1)]", "[[3,1,2],[1,2],[1,2],[1]]"),
    ("[arr (1 .. 4), arr (LL.range 3 1), arr (LL.replicate 3 0), arr (LL.take 3 (LL.repeat 7))]", "[[1,2,3,4],[3,2,1],[0,0,0],[7,7,7]]"),
    ("[arr (LL.take 5 (LL.iterate (_ * 2) 1)), arr (LL.take 5 (LL.cycle l3)), arr (LL.cycle (LL.nil :: List Int))]", "[[1,2,4,8,16],[3,1,2,3,1],[]]"),
    ("[LL.null l3, LL.null LL.nil, LL.length l3 == 3]", "[false,true,true]"),
    ("[LL.head l3, LL.last l3, LL.head (LL.nil :: List Int), l3 !! 1, LL.index l3 7, LL.head (LL.drop 1000 (LL.iterate (_ + 1) 0))]", "[Just 3,Just 2,Nothing,Just 1,Nothing,Just 1000]"),
    ("[map arr (LL.tail l3), map arr (LL.init l3), map arr (LL.init (LL.nil :: List Int))]", "[Just [1,2],Just [3,1],Nothing]"),
    ("map (\\r -> Tuple r.head (arr r.tail)) (LL.uncons l3)", "Just (Tuple 3 [1,2])"),
    ("[arr (LL.reverse l3), arr (LL.concat (l3 : l3 : LL.nil)), arr (LL.concatMap (\\x -> x : x : LL.nil) l3)]", "[[2,1,3],[3,1,2,3,1,2],[3,3,1,1,2,2]]"),
    ("[arr (LL.take 3 (LL.filter (_ > 5) (LL.iterate (_ + 1) 0))), arr (LL.mapMaybe (\\x -> if x > 1 then Just x else Nothing) l3), arr (LL.catMaybes (Just 1 : Nothing : LL.nil))]", "[[6,7,8],[3,2],[1]]"),
    ("[arr (LL.takeWhile (_ < 4) (LL.iterate (_ + 1) 0)), arr (LL.dropWhile (_ > 1) l3), arr (LL.drop 2 l3), arr (LL.take 0 l3)]", "[[0,1,2,3],[1,2],[2],[]]"),
    ("[arr (LL.zipWith (+) l3 (LL.repeat 10)), map (\\(Tuple a b) -> a * b) (arr (LL.zip l3 l3))]", "[[13,11,12],[9,1,4]]"),
    ("[LL.foldl (-) 0 l3, LL.foldr (-) 0 l3, sum l3, foldMap show l3 # \\s -> if s == \"312\" then 1 else 0]", "[-6,4,6,1]"),
    ("[show l3, show (l3 == l3), show (l3 == LL.nil), show (compare l3 (3 : LL.nil)), show (compare LL.nil l3)]", "[\"(fromFoldable [3,1,2])\",\"true\",\"false\",\"GT\",\"LT\"]"),
    ("[arr (l3 <> l3), arr (mempty :: List Int), arr (map (_ * 10) l3)]", "[[3,1,2,3,1,2],[],[30,10,20]]"),
    ("[map arr (traverse Just l3), map arr (sequence (Just 1 : Just 2 : LL.nil)), map arr (traverse (\\x -> if x > 2 then Just x else Nothing) l3)]", "[Just [3,1,2],Just [1,2],Nothing]"),
    ("[arr (unfoldr (\\n -> if n > 3 then Nothing else Just (Tuple n (n + 1))) 1), arr (unfoldr1 (\\n -> Tuple n (if n < 3 then Just (n + 1) else Nothing)) 1)]", "[[1,2,3],[1,2,3]]"),
    ("[arr ((\\a b -> a * b) <$> l3 <*> (1 : 10 : LL.nil)), arr (pure 5), arr (l3 >>= \\x -> x : x : LL.nil)]", "[[3,30,1,10,2,20],[5],[3,3,1,1,2,2]]"),
    ("[arr (l3 <|> empty <|> l3), arr (keepEven l3), arr (l3 >>= \\x -> guard (x > 1) *> pure x)]", "[[3,1,2,3,1,2],[2],[3,2]]"),
    ("arr (LL.take 4 (fix \\xs -> 1 : map (_ * 3) xs))", "[1,3,9,27]"),
    ("case LL.step l3 of\n  LL.Cons x _ -> x\n  LL.Nil -> 0", "3"),
    ("case LL.step (LL.nil :: List Int) of\n  LL.Cons x _ -> x\n  LL.Nil -> 0", "0"),
    ("LL.cons 0 l3 # arr", "[0,3,1,2]"),
]
