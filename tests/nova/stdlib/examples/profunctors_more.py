"""Examples: the rest of PureScript's profunctor package (Data.Profunctor.Closed, Costrong, Cochoice, Join, Split),
Data.Functor.Invariant, Data.Exists, Data.Functor.Costar, Product2 and Coproduct.Inject, Data.Bifunctor.Join,
the orders package (Data.Ord.Down, Max, Min), Type.Function and Type.Row.Homogeneous."""

HEADER = r"""

import Prelude
import Control.Biapply ((<<*>>))
import Data.Array as A
import Data.Bifunctor (bimap)
import Data.Bifunctor.Join as BJ
import Control.Biapplicative (bipure)
import Data.Distributive (distribute, collect)
import Data.Predicate (Predicate(..))
import Data.Either (Either(..))
import Data.Exists (Exists, mkExists, runExists)
import Data.Functor.Coproduct (Coproduct(..))
import Data.Functor.Coproduct.Inject (inj, prj)
import Data.Functor.Costar (Costar(..), hoistCostar)
import Data.Functor.Invariant (imap, imapF)
import Data.Functor.Product2 (Product2(..))
import Data.Functor.Clown (Clown(..))
import Data.Functor.Joker (Joker(..))
import Data.Profunctor.Choice (left, right)
import Data.Identity (Identity(..))
import Data.List (List(..), (:))
import Data.Maybe (Maybe(..))
import Data.Monoid.Additive (Additive(..))
import Data.Monoid.Conj (Conj(..))
import Data.Monoid.Disj (Disj(..))
import Data.Monoid.Dual (Dual(..))
import Data.Monoid.Endo (Endo(..))
import Data.Monoid.Multiplicative (Multiplicative(..))
import Data.Newtype (unwrap)
import Data.Ord.Down (Down(..))
import Data.Ord.Max (Max(..))
import Data.Ord.Min (Min(..))
import Data.Profunctor (class Profunctor, dimap, lcmap, rmap)
import Data.Profunctor.Closed (closed)
import Data.Profunctor.Cochoice (class Cochoice, unleft, unright)
import Data.Profunctor.Costrong (class Costrong, unfirst, unsecond)
import Data.Profunctor.Join (Join(..))
import Data.Profunctor.Split (Split, split, unSplit, liftSplit, lowerSplit, hoistSplit)
import Data.Profunctor.Strong (first, second)
import Data.Tuple (Tuple(..), fst, snd)
import Type.Function (APPLY, FLIP, type ($))
import Type.Proxy (Proxy(..))
import Type.Row.Homogeneous (class Homogeneous)

-- A profunctor that ignores its input: it has a Costrong instance.
newtype Tagged a b = Tagged b

instance Profunctor Tagged where
  dimap _ g (Tagged b) = Tagged (g b)

instance Costrong Tagged where
  unfirst (Tagged (Tuple b _)) = Tagged b
  unsecond (Tagged (Tuple _ c)) = Tagged c

-- A profunctor that only consumes: it has a Cochoice instance.
newtype Forget r a b = Forget (a -> r)

instance Profunctor (Forget r) where
  dimap f _ (Forget g) = Forget (g <<< f)

instance Cochoice (Forget r) where
  unleft (Forget f) = Forget (f <<< Left)
  unright (Forget f) = Forget (f <<< Right)

untag :: forall a b. Tagged a b -> b
untag (Tagged b) = b

forget :: forall r a b. Forget r a b -> a -> r
forget (Forget f) = f

runCostar :: forall f a b. Costar f a b -> f a -> b
runCostar (Costar f) = f

lengths :: Array (Exists Array)
lengths = [mkExists [1, 2, 3], mkExists ["a"], mkExists ([] :: Array Boolean)]

maybeOrArray :: Coproduct Maybe (Coproduct Array List) Int
maybeOrArray = inj [1, 2]

allInts :: forall r. Homogeneous r Int => Record r -> Int
allInts _ = 1

nested :: Maybe $ Array Int
nested = Just [1]

flipped :: FLIP Int Maybe
flipped = Just 2

applied :: APPLY Array Int
applied = [3]

endo :: Endo (->) Int
endo = Endo (_ + 1)

toArray :: Identity ~> Array
toArray (Identity x) = [x]

sumOf :: Array Int -> Int
sumOf = A.foldl (+) 0

p2 :: Product2 Tuple Either Int Boolean
p2 = Product2 (Tuple 4 true) (Right false)

fns :: Product2 (->) (->) Int Int
fns = Product2 (_ * 2) (_ * 3)

runFns :: forall a. Product2 (->) (->) Int a -> Array a
runFns (Product2 f g) = [f 1, g 1]
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Functor.Invariant
    (
        "[imap (_ * 2) (_ / 2) (\\n -> n + 1) 3, A.length (imap show (\\_ -> 0) [1, 2]), unwrap (imap (_ * 2) (_ / 2) endo) 4]",
        "[8,2,6]",
    ),
    (
        "[unwrap (imap (_ + 1) identity (Additive 1)), unwrap (imap (_ + 1) identity (Multiplicative 1)), unwrap (imap (_ + 1) identity (Dual 1)), unwrap (imapF (_ + 1) identity (Identity 1))]",
        "[2,2,2,2]",
    ),
    ("[unwrap (imap not not (Conj true)), unwrap (imap not not (Disj true))]", "[false,false]"),
    # Data.Exists
    ("map (runExists A.length) lengths", "[3,1,0]"),
    # Data.Profunctor.Closed / Costrong / Cochoice
    ('[closed show (_ + 1) 2, closed (_ <> "!") show 5]', '["3","5!"]'),
    ("[untag (unfirst (Tagged (Tuple 1 true))), untag (unsecond (Tagged (Tuple false 2)))]", "[1,2]"),
    (
        "[forget (unleft (Forget (\\e -> case e of\n  Left n -> n\n  Right _ -> 0))) 7, forget (unright (Forget (\\e -> case e of\n  Left _ -> 0\n  Right n -> n * 2))) 4]",
        "[7,8]",
    ),
    # Data.Profunctor.Join
    (
        "[unwrap (Join (_ + 1) <> Join (_ * 10)) 1, unwrap (mempty :: Join (->) Int) 5, unwrap (imap (_ * 2) (_ / 2) (Join (_ + 1))) 4]",
        "[11,5,6]",
    ),
    (
        "[show (Join (Tuple 1 1)), show (Join (Tuple 1 1) == Join (Tuple 1 1)), show (compare (Join (Tuple 1 1)) (Join (Tuple 1 2)))]",
        '["(Join (Tuple 1 1))","true","LT"]',
    ),
    # Data.Profunctor.Split
    ("[unwrap (lowerSplit (liftSplit endo)) 1, unwrap (lowerSplit (hoistSplit identity (liftSplit endo))) 2]", "[2,3]"),
    (
        "[lowerSplit (dimap (_ + 1) (_ * 2) (liftSplit [1, 2])), lowerSplit (map (_ * 3) (liftSplit [1])), lowerSplit (hoistSplit A.reverse (liftSplit [1, 2]))]",
        "[[2,4],[3],[2,1]]",
    ),
    ("unSplit (\\_ g fx -> map g fx) (split (_ + 1) show [1, 2])", '["1","2"]'),
    # Data.Functor.Costar
    (
        "[runCostar (Costar A.length) [1, 2], runCostar (Costar A.length <<< Costar sumOf) [1, 2, 3], runCostar (identity :: Costar Identity Int Int) (Identity 5)]",
        "[2,3,5]",
    ),
    (
        "[runCostar (map (_ + 1) (Costar A.length)) [1], runCostar ((+) <$> Costar A.length <*> Costar sumOf) [1, 2], runCostar (pure 7) [1], runCostar (Costar A.length >>= \\n -> Costar (\\xs -> n * A.length xs)) [1, 2], runCostar (liftM1 (_ + 1) (Costar A.length)) [1], unwrap (Costar A.length) [1, 2, 3]]",
        "[2,5,7,4,2,3]",
    ),
    (
        "[runCostar (imap show (\\_ -> 0) (Costar A.length)) [1], runCostar (dimap (_ + 1) show (Costar sumOf)) [1, 2], show (runCostar (hoistCostar toArray (Costar sumOf)) (Identity 4))]",
        '["1","5","4"]',
    ),
    (
        "[runCostar (distribute [Costar A.length, Costar sumOf]) [1, 2], runCostar (collect (\\n -> Costar (\\xs -> n + A.length xs)) [10, 20]) [1]]",
        "[[2,3],[11,21]]",
    ),
    (
        "[runCostar (bimap (_ + 1) not (Costar (\\(Predicate p) -> p 3))) (Predicate (_ > 3)), runCostar (closed (Costar A.length)) [\\x -> x, \\x -> x + 1] 5 == 2]",
        "[false,true]",
    ),
    (
        '[show (runCostar (first (Costar (\\(Identity n) -> n * 2))) (Identity (Tuple 3 "x"))), show (runCostar (second (Costar (\\(Identity n) -> n * 2))) (Identity (Tuple "y" 3)))]',
        '["(Tuple 6 \\"x\\")","(Tuple \\"y\\" 6)"]',
    ),
    # Data.Functor.Joker and Clown: the instances of the functors package beyond Bifunctor
    (
        "[unwrap (Joker [(_ + 1)] <*> Joker [1, 2] :: Joker Array Int Int), unwrap (pure 1 :: Joker Array String Int), unwrap (Joker [1, 2] >>= (\\x -> Joker [x, x * 10]) :: Joker Array Unit Int), unwrap (liftM1 (_ + 1) (Joker [1]) :: Joker Array Unit Int)]",
        "[[2,3],[1],[1,10,2,20],[2]]",
    ),
    (
        '[unwrap (Joker [(_ + 1)] <<*>> Joker [5] :: Joker Array Int Int), unwrap (bipure "x" 3 :: Joker Array String Int), unwrap (dimap show (_ * 2) (Joker [1, 2]) :: Joker Array Int Int)]',
        "[[6],[3],[2,4]]",
    ),
    (
        "[show (unwrap (left (Joker [1]) :: Joker Array (Either Int Int) (Either Int Int))), show (unwrap (right (Joker [1]) :: Joker Array (Either Int Int) (Either Int Int)))]",
        '["[(Left 1)]","[(Right 1)]"]',
    ),
    (
        '[unwrap (Clown [(_ + 1)] <<*>> Clown [5] :: Clown Array Int Int), unwrap (bipure 3 "x" :: Clown Array Int String)]',
        "[[6],[3]]",
    ),
    (
        "case (dimap (_ + 1) (show :: Int -> String) (Clown (Predicate (_ > 1))) :: Clown Predicate Int String) of\n  Clown (Predicate p) -> [p 0, p 1]",
        "[false,true]",
    ),
    # Data.Functor.Product2
    (
        "[show p2, show (map not p2), show (bimap show not p2), show (p2 == p2), show (compare p2 (Product2 (Tuple 5 true) (Left 0)))]",
        '["(Product2 (Tuple 4 true) (Right false))","(Product2 (Tuple 4 false) (Right true))","(Product2 (Tuple \\"4\\" false) (Right true))","true","LT"]',
    ),
    (
        "show ((bipure (_ + 1) not :: Product2 Tuple Tuple (Int -> Int) (Boolean -> Boolean)) <<*>> Product2 (Tuple 1 true) (Tuple 2 false))",
        '"(Product2 (Tuple 2 false) (Tuple 3 true))"',
    ),
    ("runFns (dimap (_ + 1) show fns)", '["4","6"]'),
    # Data.Functor.Coproduct.Inject
    (
        "[show (prj maybeOrArray :: Maybe (Array Int)), show (prj maybeOrArray :: Maybe (Maybe Int)), show (prj maybeOrArray :: Maybe (List Int))]",
        '["(Just [1,2])","Nothing","Nothing"]',
    ),
    (
        "[show (prj (inj (Just 1) :: Coproduct Maybe Array Int) :: Maybe (Maybe Int)), show (prj (inj [1] :: Array Int) :: Maybe (Array Int))]",
        '["(Just (Just 1))","(Just [1])"]',
    ),
    # Data.Bifunctor.Join
    (
        "[show (map (_ + 1) (BJ.Join (Tuple 1 2))), show (BJ.Join (Tuple (_ + 1) (_ * 2)) <*> BJ.Join (Tuple 10 20)), show (pure 1 :: BJ.Join Tuple Int)]",
        '["(Join (Tuple 2 3))","(Join (Tuple 11 40))","(Join (Tuple 1 1))"]',
    ),
    (
        "[show (BJ.Join (Tuple 1 2) == BJ.Join (Tuple 1 2)), show (compare (BJ.Join (Tuple 1 2)) (BJ.Join (Tuple 1 3))), show (unwrap (BJ.Join (Tuple 1 2)))]",
        '["true","LT","(Tuple 1 2)"]',
    ),
    # Data.Ord.Down, Max, Min
    (
        "[A.sortBy (comparing Down) [1, 3, 2], [unwrap (Down 4)], [unwrap (top :: Down Int) + 2147483648, unwrap (bottom :: Down Int) - 2147483647]]",
        "[[3,2,1],[4],[0,0]]",
    ),
    (
        "[show (Down 1), show (Down 1 == Down 1), show (Max 5 <> Max 6), show (Min 5 <> Min 6), show (compare (Max 1) (Max 2)), show (compare (Min 2) (Min 1)), show (Max 1 == Max 1), show (Min 1 == Min 2)]",
        '["(Down 1)","true","(Max 6)","(Min 5)","LT","GT","true","false"]',
    ),
    (
        "[unwrap (mempty :: Max Int) + 2147483648, unwrap (mempty :: Min Int) - 2147483647, unwrap (A.foldl (<>) mempty (map Max [3, 9, 4])), unwrap (A.foldl (<>) mempty (map Min [3, 9, 4]))]",
        "[0,0,9,3]",
    ),
    # Type.Function, Type.Row.Homogeneous
    (
        "[A.length applied, allInts { a: 1, b: 2 }, allInts {}, if nested == Just [1] && flipped == Just 2 then 1 else 0]",
        "[1,1,1,1]",
    ),
]
