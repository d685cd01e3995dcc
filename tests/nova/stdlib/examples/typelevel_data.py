"""Examples: Type.Data.Boolean, Type.Data.Ordering, Type.Data.Symbol (classes solved at compile time, their
results reflected to values), Data.Either.Nested, Data.List.ZipList and Data.Array.ST.Iterator."""

HEADER = r"""
import Prelude
import Control.Alt ((<|>))
import Control.Alternative (guard)
import Control.Monad (ap)
import Control.Monad.ST as ST
import Control.Plus (empty)
import Data.Array as A
import Data.Array.ST as STA
import Data.Array.ST.Iterator as Iter
import Data.Either (Either(..))
import Data.Either.Nested (type (\/), (\/), Either3, in1, in2, in3, in4, in5, in6, in7, in8, in9, in10, at1, at2, at3, at4, at5, at6, at7, at8, at9, at10, either1, either2, either3, either4, either5, either6, either7, either8, either9, either10)
import Data.Foldable (foldl, foldr, foldMap, sum)
import Data.List.Lazy as LL
import Data.List.Lazy.NonEmpty as LNEL
import Data.List.ZipList (ZipList(..))
import Data.Maybe (Maybe(..))
import Data.Newtype (unwrap)
import Data.String.CodeUnits as SCU
import Data.Traversable (traverse, sequence)
import Data.Void (Void)
import Type.Data.Boolean as B
import Type.Data.Ordering as O
import Type.Data.Symbol as S
import Type.Proxy (Proxy(..))
import Data.Reflectable (reflectType, reifyType)
import Data.Symbol as DS

zl :: forall a. Array a -> ZipList a
zl xs = ZipList (LL.fromFoldable xs)

za :: forall a. ZipList a -> Array a
za (ZipList xs) = LL.toUnfoldable xs

three :: Either3 Int String Boolean -> String
three = either3 show identity (\b -> if b then "yes" else "no")

n10 :: Int \/ Int \/ Int \/ Int \/ Int \/ Int \/ Int \/ Int \/ Int \/ Int \/ Void
n10 = in10 10

bool :: forall b. B.IsBoolean b => Proxy b -> Boolean
bool = B.reflectBoolean

ord :: forall o. O.IsOrdering o => Proxy o -> Ordering
ord = O.reflectOrdering

tt :: Proxy B.True
tt = Proxy

ff :: Proxy B.False
ff = Proxy

lt :: Proxy O.LT
lt = Proxy

eq' :: Proxy O.EQ
eq' = Proxy

gt :: Proxy O.GT
gt = Proxy

ab :: Proxy "ab"
ab = Proxy

cd :: Proxy "cd"
cd = Proxy

iterated :: Array Int
iterated = ST.run do
  it <- Iter.iterator (A.index [1, 2, 3, 10, 4])
  out <- STA.new
  Iter.pushWhile (_ < 5) it out
  stopped <- Iter.peek it
  _ <- Iter.next it
  Iter.iterate it \x -> void (STA.push (x * 100) out)
  done <- Iter.exhausted it
  _ <- STA.push (if done then 1 else 0) out
  _ <- STA.push (if stopped == Just 10 then 1 else 0) out
  STA.freeze out

copied :: Array Char
copied = ST.run do
  it <- Iter.iterator (SCU.charAt <@> "abc")
  out <- STA.new
  Iter.pushAll it out
  STA.freeze out
"""

EXAMPLES: list[tuple[str, str]] = [
    # Type.Data.Boolean
    (
        "[bool tt, bool ff, bool (B.and tt ff), bool (B.and tt tt), bool (B.or ff tt), bool (B.or ff ff), bool (B.not tt), bool (B.not ff), bool (B.and ff tt), bool (B.or tt ff)]",
        "[true,false,false,true,true,false,false,true,false,true]",
    ),
    (
        "[bool (B.equals tt tt), bool (B.equals tt ff), bool (B.equals ff tt), bool (B.equals ff ff), bool (B.if_ tt tt ff), bool (B.if_ ff tt ff)]",
        "[true,false,false,true,true,false]",
    ),
    ("[B.reifyBoolean true bool, B.reifyBoolean false bool]", "[true,false]"),
    # Type.Data.Ordering
    ("[ord lt, ord eq', ord gt, ord (O.invert lt), ord (O.invert eq'), ord (O.invert gt)]", "[LT,EQ,GT,GT,EQ,LT]"),
    (
        "[ord (O.append lt gt :: Proxy O.LT), ord (O.append eq' gt :: Proxy O.GT), ord (O.append gt lt :: Proxy O.GT)]",
        "[LT,GT,GT]",
    ),
    (
        "[bool (O.equals lt lt), bool (O.equals lt gt), bool (O.equals eq' eq'), bool (O.equals gt eq'), bool (O.equals gt gt), bool (O.equals eq' lt), bool (O.equals eq' gt), bool (O.equals lt eq'), bool (O.equals gt lt)]",
        "[true,false,true,false,true,false,false,false,false]",
    ),
    ("[O.reifyOrdering LT ord, O.reifyOrdering EQ ord, O.reifyOrdering GT ord]", "[LT,EQ,GT]"),
    # Type.Data.Symbol
    (
        "[S.reflectSymbol (S.append ab cd), S.reflectSymbol (S.uncons ab).head, S.reflectSymbol (S.uncons ab).tail]",
        '["abcd","a","b"]',
    ),
    ("[ord (S.compare ab cd), ord (S.compare cd ab), ord (S.compare ab ab)]", "[LT,GT,EQ]"),
    ("[bool (S.equals ab ab), bool (S.equals ab cd)]", "[true,false]"),
    (
        '[S.reifySymbol "key" S.reflectSymbol, DS.reifySymbol "ab" (\\p -> S.reflectSymbol p <> S.reflectSymbol p)]',
        '["key","abab"]',
    ),
    ("[reifyType 3 reflectType + 1, reifyType 10 (\\p -> reflectType p * 2)]", "[4,20]"),
    (
        '[show (reifyType true reflectType), reifyType "k" reflectType, show (reifyType GT reflectType)]',
        '["true","k","GT"]',
    ),
    # Data.Either.Nested
    (
        '[three (in1 1), three (in2 "s"), three (in3 true), either1 (in1 7 :: Int \\/ Void) # show]',
        '["1","s","yes","7"]',
    ),
    ('(show \\/ identity \\/ show) (Right (Left "x") :: Int \\/ String \\/ Boolean)', '"x"'),
    (
        "[at1 0 (_ + 1) (in1 1 :: Int \\/ Void), at2 0 (_ + 1) (in1 1 :: Int \\/ Int \\/ Void), at2 0 (_ + 1) (in2 1 :: Int \\/ Int \\/ Void), at3 0 identity (in3 3 :: Int \\/ Int \\/ Int \\/ Void)]",
        "[2,0,2,3]",
    ),
    (
        "[at4 0 identity (in4 4 :: Int \\/ Int \\/ Int \\/ Int \\/ Void), at5 0 identity (in5 5 :: Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Void), at6 0 identity (in6 6 :: Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Void), at7 0 identity (in7 7 :: Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Void)]",
        "[4,5,6,7]",
    ),
    (
        "[at8 0 identity (in8 8 :: Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Void), at9 0 identity (in9 9 :: Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Int \\/ Void), at10 0 identity n10, at9 0 identity n10]",
        "[8,9,10,0]",
    ),
    (
        "[either2 identity negate (in2 2), either4 identity identity identity negate (in4 4), either5 identity identity identity identity negate (in5 5), either6 identity identity identity identity identity negate (in6 6)]",
        "[-2,-4,-5,-6]",
    ),
    (
        "[either7 identity identity identity identity identity identity negate (in7 7), either8 identity identity identity identity identity identity identity negate (in8 8), either9 identity identity identity identity identity identity identity identity negate (in9 9), either10 identity identity identity identity identity identity identity identity identity negate n10]",
        "[-7,-8,-9,-10]",
    ),
    # Data.List.ZipList
    ("za ((+) <$> zl [1, 2, 3] <*> zl [10, 20])", "[11,22]"),
    (
        "[za (map (_ + 1) (zl [5, 6])), za (pure identity <*> zl [7, 8]), za (zl [1] <> zl [2]), za (mempty :: ZipList Int), za (zl [1] <|> empty <|> zl [3])]",
        "[[6,7],[7,8],[1,2],[],[1,3]]",
    ),
    (
        "[show (zl [1, 2]), show (zl [1] == zl [1]), show (compare (zl [1]) (zl [2])), show (foldl (+) 0 (zl [1, 2])), show (foldr (-) 0 (zl [1, 2])), show (foldMap show (zl [1, 2])), show (LL.length (unwrap (zl [4, 5])))]",
        '["(ZipList (fromFoldable [1,2]))","true","LT","3","-1","\\"12\\"","2"]',
    ),
    ("za (guard false $> 1 :: ZipList Int)", "[]"),
    ("[map za (traverse Just (zl [1, 2])), map za (sequence (zl [Just 1, Nothing]))]", "[Just [1,2],Nothing]"),
    # Data.Array.ST.Iterator
    ("iterated", "[1,2,3,400,1,1]"),
    ("copied", "['a','b','c']"),
    # Monad NonEmptyList (lazy), through `ap`, which needs `Monad`
    ("LNEL.toUnfoldable (ap (LNEL.singleton (_ + 1)) (LNEL.cons 1 (LNEL.singleton 2))) :: Array Int", "[2,3]"),
]
