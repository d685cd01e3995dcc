"""Examples: Data.Bifoldable, Data.Bitraversable, Data.Functor.Contravariant, Data.Profunctor and its Strong,
Choice and Star."""

HEADER = r"""

import Prelude
import Data.Bifoldable (class Bifoldable, bifoldr, bifoldl, bifoldMap, bifoldrDefault, bifoldlDefault, bifoldMapDefaultR, bifoldMapDefaultL, bifold, bitraverse_, bifor_, bisequence_, biany, biall)
import Data.Bitraversable (bitraverse, bisequence, bitraverseDefault, bisequenceDefault, ltraverse, rtraverse, bifor, lfor, rfor)
import Data.Bifunctor (class Bifunctor)
import Data.Const (Const(..))
import Data.Either (Either(..))
import Data.Functor.Clown (Clown(..))
import Data.Functor.Contravariant (class Contravariant, cmap, (>$<), cmapFlipped, (>#<), coerce, imapC, cflap, (>@<), cvoid, cvoidRight, (>$), cvoidLeft, ($<))
import Data.Functor.Flip (Flip(..))
import Data.Functor.Joker (Joker(..))
import Data.Maybe (Maybe(..))
import Data.Newtype (class Newtype, unwrap)
import Data.Profunctor (class Profunctor, dimap, lcmap, rmap, arr, unwrapIso, wrapIso)
import Data.Profunctor.Choice (left, right, splitChoice, (+++), fanin, (|||))
import Data.Profunctor.Star (Star(..), hoistStar)
import Data.Profunctor.Strong (first, second, splitStrong, (***), fanout, (&&&))
import Data.String as S
import Data.Tuple (Tuple(..))
import Control.Alt ((<|>))
import Control.Plus (empty)
import Control.Monad (ap)
import Data.Array as A
import Effect.Ref as Ref
import Effect.Unsafe (unsafePerformEffect)

-- A pair folded only through the defaults (each method defined by another, as the defaults allow).
data Pair a b = Pair a b

instance Bifoldable Pair where
  bifoldr f g z p = bifoldrDefault f g z p
  bifoldl f g z p = bifoldlDefault f g z p
  bifoldMap f g (Pair a b) = f a <> g b

data Duo a b = Duo a b

instance Bifoldable Duo where
  bifoldr f g z (Duo a b) = f a (g b z)
  bifoldl f g z (Duo a b) = g (f z a) b
  bifoldMap f g d = bifoldMapDefaultR f g d

data Trio a b = Trio a b

instance Bifoldable Trio where
  bifoldr f g z (Trio a b) = f a (g b z)
  bifoldl f g z (Trio a b) = g (f z a) b
  bifoldMap f g d = bifoldMapDefaultL f g d

-- A consumer of values: a predicate.
newtype Pred a = Pred (a -> Boolean)

instance Contravariant Pred where
  cmap f (Pred p) = Pred (\x -> p (f x))

test :: forall a. Pred a -> a -> Boolean
test (Pred p) = p

newtype Label = Label String

instance Newtype Label String

parseInt :: String -> Maybe Int
parseInt s = if s == "" then Nothing else Just (S.length s)

lenStar :: Star Maybe String Int
lenStar = Star parseInt

runStar :: forall f a b. Star f a b -> a -> f b
runStar (Star f) = f
"""

EXAMPLES: list[tuple[str, str]] = [
    # Bifoldable: instances and the fold functions
    (
        '[bifoldr (\\a acc -> show a <> acc) (<>) "" (Tuple 1 "x"), bifoldMap show identity (Tuple 1 "x")]',
        '["1x","1x"]',
    ),
    ("bifoldl (\\acc a -> acc - a) (\\acc b -> acc * b) 10 (Tuple 1 2)", "18"),
    (
        "[bifoldr (+) (*) 1 (Left 2 :: Either Int Int), bifoldr (+) (*) 5 (Right 2 :: Either Int Int), bifoldl (+) (*) 1 (Left 2 :: Either Int Int), bifoldl (+) (*) 5 (Right 2 :: Either Int Int)]",
        "[3,10,3,10]",
    ),
    (
        '[bifoldMap show identity (Left 1 :: Either Int String), bifoldMap show identity (Right "r" :: Either Int String)]',
        '["1","r"]',
    ),
    (
        "[bifoldr (+) (+) 1 (Const 2 :: Const Int Int), bifoldl (+) (+) 1 (Const 2 :: Const Int Int), bifoldMap show show (Const 3 :: Const Int Int) # S.length]",
        "[3,3,1]",
    ),
    (
        '[bifoldr (\\a acc -> show a <> acc) (\\_ acc -> acc) "" (Clown [1, 2] :: Clown Array Int String), bifoldl (\\acc a -> acc <> show a) (\\acc _ -> acc) "" (Clown [1, 2] :: Clown Array Int String), bifoldMap show identity (Clown [3, 4] :: Clown Array Int String)]',
        '["12","12","34"]',
    ),
    (
        '[bifoldr (\\_ acc -> acc) (<>) "" (Joker ["a", "b"] :: Joker Array Int String), bifoldl (\\acc _ -> acc) (<>) "" (Joker ["a", "b"] :: Joker Array Int String), bifoldMap show identity (Joker ["c"] :: Joker Array Int String)]',
        '["ab","ab","c"]',
    ),
    (
        '[bifoldr (\\a acc -> show a <> acc) (<>) "" (Flip (Tuple "x" 1)), bifoldl (\\acc a -> acc <> show a) (<>) "" (Flip (Tuple "x" 1)), bifoldMap show identity (Flip (Tuple "x" 1))]',
        '["x1","x1","x1"]',
    ),
    (
        '[bifoldr (\\a acc -> show a <> acc) (<>) "!" (Pair 1 "x"), bifoldl (\\acc a -> acc <> show a) (<>) "!" (Pair 1 "x")]',
        '["1x!","!1x"]',
    ),
    ('[bifoldMap show identity (Duo 1 "x"), bifoldMap show identity (Trio 2 "y")]', '["1x","2y"]'),
    ('[bifold (Tuple "a" "b"), bifold (Left "l" :: Either String String)]', '["ab","l"]'),
    (
        '[biany (_ > 1) (_ == "x") (Tuple 0 "x"), biany (_ > 1) (_ == "x") (Tuple 0 "y"), biall (_ > 1) (_ == "x") (Tuple 2 "x"), biall (_ > 1) (_ == "x") (Tuple 0 "x")]',
        "[true,false,true,false]",
    ),
    (
        "[biall (_ > 1) (_ > 1) (Joker [] :: Joker Array Int Int), biany (_ > 1) (_ > 1) (Clown [] :: Clown Array Int Int)]",
        "[true,false]",
    ),
    (
        'unsafePerformEffect do\n  r <- Ref.new []\n  bitraverse_ (\\a -> Ref.modify_ (_ <> [show a]) r) (\\b -> Ref.modify_ (_ <> [b]) r) (Tuple 1 "b")\n  bifor_ (Right "c" :: Either Int String) (\\a -> Ref.modify_ (_ <> [show a]) r) (\\b -> Ref.modify_ (_ <> [b]) r)\n  bisequence_ (Tuple (Ref.modify_ (_ <> ["d"]) r) (Ref.modify_ (_ <> ["e"]) r))\n  Ref.read r',
        '["1","b","c","d","e"]',
    ),
    ("[bitraverse_ Just Just (Tuple 1 2), bitraverse_ (const Nothing) Just (Tuple 1 2)]", "[Just unit,Nothing]"),
    # Bitraversable
    ("[bitraverse Just Just (Tuple 1 2), bisequence (Tuple (Just 1) Nothing)]", "[Just (Tuple 1 2),Nothing]"),
    (
        "[bitraverse (\\a -> [a, a + 1]) (\\b -> [b]) (Left 1 :: Either Int Int), bitraverse (\\a -> [a]) (\\b -> [b, b * 10]) (Right 2 :: Either Int Int)]",
        "[[Left 1,Left 2],[Right 2,Right 20]]",
    ),
    (
        "[bisequence (Left (Just 1) :: Either (Maybe Int) (Maybe Int)), bisequence (Right Nothing :: Either (Maybe Int) (Maybe Int))]",
        "[Just (Left 1),Nothing]",
    ),
    (
        "[unwrap <$> bitraverse (\\a -> Just (a + 1)) Just (Const 1 :: Const Int Int), unwrap <$> bisequence (Const (Just 2) :: Const (Maybe Int) (Maybe Int))]",
        "[Just 2,Just 2]",
    ),
    (
        "[unwrap <$> bitraverse (\\a -> Just (a + 1)) (\\_ -> Nothing) (Clown [1, 2] :: Clown Array Int Int), unwrap <$> bisequence (Clown [Just 3] :: Clown Array (Maybe Int) (Maybe Int))]",
        "[Just [2,3],Just [3]]",
    ),
    (
        "[unwrap <$> bitraverse (\\_ -> Nothing) (\\b -> Just (b * 2)) (Joker [1, 2] :: Joker Array Int Int), unwrap <$> bisequence (Joker [Just 3, Nothing] :: Joker Array (Maybe Int) (Maybe Int))]",
        "[Just [2,4],Nothing]",
    ),
    (
        'Tuple (unwrap <$> bitraverse (\\a -> Just (a + 1)) (\\s -> Just (S.length s)) (Flip (Tuple "ab" 1))) (unwrap <$> bisequence (Flip (Tuple (Just "x") (Just 2))))',
        'Tuple (Just (Tuple 2 2)) (Just (Tuple "x" 2))',
    ),
    (
        'Tuple (ltraverse Just (Tuple 1 "s")) (rtraverse (\\s -> Just (S.length s)) (Tuple 1 "s"))',
        'Tuple (Just (Tuple 1 "s")) (Just (Tuple 1 1))',
    ),
    (
        "[lfor (Tuple 1 2) (\\a -> [a, 0]), rfor (Tuple 1 2) (\\b -> [b, 0])]",
        "[[Tuple 1 2,Tuple 0 2],[Tuple 1 2,Tuple 1 0]]",
    ),
    (
        "[bifor (Tuple 1 2) Just Just, bitraverseDefault Just Just (Tuple 3 4), bisequenceDefault (Tuple (Just 5) (Just 6))]",
        "[Just (Tuple 1 2),Just (Tuple 3 4),Just (Tuple 5 6)]",
    ),
    # Contravariant
    (
        '[test (cmap S.length (Pred (_ > 2))) "abc", test (S.length >$< Pred (_ > 2)) "ab", test (cmapFlipped (Pred (_ > 2)) S.length) "abcd", test (Pred (_ > 2) >#< S.length) ""]',
        "[true,false,true,false]",
    ),
    (
        '[test (imapC show S.length (Pred (_ > 2))) "abc", test (cflap (Pred (_ > 2)) 5) (_ - 1), test (Pred (_ > 2) >@< 1) (_ + 1)]',
        "[true,true,false]",
    ),
    (
        '[test (cvoid (Pred (const true))) 42, test (cvoidRight 3 (Pred (_ > 2))) "any", test (5 >$ Pred (_ > 9)) "any", test (cvoidLeft (Pred (_ > 2)) 1) "any", test (Pred (_ > 0) $< 1) "any"]',
        "[true,true,false,false,true]",
    ),
    (
        "[unwrap (cmap S.length (Const 1 :: Const Int Int) :: Const Int String), unwrap (coerce (Const 2 :: Const Int Int) :: Const Int String)]",
        "[1,2]",
    ),
    # Profunctor
    (
        '[dimap show S.length (_ <> "!") 42, lcmap S.length (_ * 2) "abc", rmap (_ * 2) S.length "ab", arr (_ + 1) 1]',
        "[3,6,4,2]",
    ),
    (
        '[unwrapIso (\\(Label s) -> Label (s <> "?")) "a", unwrap (wrapIso Label (_ <> "!") (Label "b"))]',
        '["a?","b!"]',
    ),
    # Strong and Choice for functions
    (
        '[show (first show (Tuple 1 true)), show (second negate (Tuple "a" 1)), show ((show *** negate) (Tuple 1 2)), show (splitStrong negate S.length (Tuple 1 "ab"))]',
        '["(Tuple \\"1\\" true)","(Tuple \\"a\\" -1)","(Tuple \\"1\\" -2)","(Tuple -1 2)"]',
    ),
    (
        '[show ((show &&& S.length) "ab"), show (fanout S.toUpper S.length "c")]',
        '["(Tuple \\"\\\\\\"ab\\\\\\"\\" 2)","(Tuple \\"C\\" 1)"]',
    ),
    (
        "[show (left show (Left 1 :: Either Int Int)), show (left show (Right 2 :: Either Int Int)), show (right show (Right 3 :: Either Int Int)), show (right show (Left 4 :: Either Int Int))]",
        '["(Left \\"1\\")","(Right 2)","(Right \\"3\\")","(Left 4)"]',
    ),
    (
        "[show ((show +++ negate) (Right 2 :: Either Int Int)), show (splitChoice show negate (Left 1 :: Either Int Int))]",
        '["(Right -2)","(Left \\"1\\")"]',
    ),
    (
        '[(show ||| identity) (Left 1 :: Either Int String), (show ||| identity) (Right "r" :: Either Int String), fanin show identity (Left 7 :: Either Int String)]',
        '["1","r","7"]',
    ),
    # Star
    (
        '[runStar lenStar "abc", unwrap lenStar "ab", A.head (runStar (hoistStar A.fromFoldable lenStar) "abcd")]',
        "[Just 3,Just 2,Just 4]",
    ),
    (
        '[runStar (Star (\\n -> if n > 0 then Just (n - 1) else Nothing) <<< lenStar) "ab", runStar (identity :: Star Maybe Int Int) 5]',
        "[Just 1,Just 5]",
    ),
    (
        '[runStar (map (_ * 10) lenStar) "ab", runStar ((+) <$> lenStar <*> pure 1) "abc", runStar (lenStar >>= \\n -> Star (\\s -> Just (n + S.length s))) "ab"]',
        "[Just 20,Just 4,Just 4]",
    ),
    (
        '[runStar (lenStar <|> pure 0) "", runStar (empty :: Star Maybe String Int) "x", runStar (lenStar >>= \\n -> pure (n + 1)) "a"]',
        "[Just 0,Nothing,Just 2]",
    ),
    (
        '[runStar (dimap S.toUpper show lenStar) "ab", runStar (lcmap show lenStar) 12 # map show, runStar (rmap negate lenStar) "x" # map show]',
        '[Just "2",Just "2",Just "-1"]',
    ),
    (
        '[runStar (first lenStar) (Tuple "ab" true) # map show, runStar (second lenStar) (Tuple true "abc") # map show]',
        '[Just "(Tuple 2 true)",Just "(Tuple true 3)"]',
    ),
    (
        '[runStar (left lenStar) (Left "ab" :: Either String Int) # map show, runStar (left lenStar) (Right 9 :: Either String Int) # map show, runStar (right lenStar) (Right "a" :: Either Int String) # map show, runStar (right lenStar) (Left 5 :: Either Int String) # map show]',
        '[Just "(Left 2)",Just "(Right 9)",Just "(Right 1)",Just "(Left 5)"]',
    ),
    ('runStar (ap (pure negate) lenStar) "ab"', "Just (-2)"),
    ('runStar (ap (pure negate) lenStar) "ab"', "Just (-2)"),
]
