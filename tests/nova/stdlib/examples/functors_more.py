"""Examples: FunctorWithIndex, FoldableWithIndex, TraversableWithIndex, Data.NaturalTransformation, the functors of
Data.Functor.*, Data.Semigroup.Foldable and Data.Semigroup.Traversable."""

HEADER = r"""

import Prelude
import Control.Alt ((<|>))
import Control.Plus (empty)
import Data.Array as A
import Data.Array.NonEmpty as NEA
import Data.Bifunctor (bimap, lmap, rmap)
import Data.Const (Const(..))
import Data.Either (Either(..))
import Data.Foldable (foldl, foldr, foldMap, sum)
import Data.FoldableWithIndex (foldrWithIndex, foldlWithIndex, foldMapWithIndex, foldrWithIndexDefault, foldlWithIndexDefault, foldMapWithIndexDefaultR, foldMapWithIndexDefaultL, foldWithIndexM, traverseWithIndex_, forWithIndex_, surroundMapWithIndex, allWithIndex, anyWithIndex, findWithIndex, findMapWithIndex)
import Data.FoldableWithIndex as FWI
import Data.Functor.App (App(..), hoistApp, hoistLiftApp, hoistLowerApp)
import Data.Functor.Clown (Clown(..), hoistClown)
import Data.Functor.Compose (Compose(..), bihoistCompose)
import Data.Functor.Coproduct (Coproduct(..), left, right, coproduct, bihoistCoproduct)
import Data.Functor.Flip (Flip(..))
import Data.Functor.Joker (Joker(..), hoistJoker)
import Data.Functor.Product (Product(..), product, bihoistProduct)
import Data.FunctorWithIndex (mapWithIndex, mapDefault)
import Data.Identity (Identity(..))
import Data.List (List(..), (:))
import Data.List.Types (NonEmptyList(..), toList)
import Data.Map as M
import Data.Maybe (Maybe(..), maybe)
import Data.Monoid.Dual (Dual(..))
import Data.Monoid.Multiplicative (Multiplicative(..))
import Data.Newtype (unwrap)
import Data.NonEmpty (NonEmpty(..), (:|))
import Data.Semigroup.Foldable (foldr1, foldl1, foldMap1, fold1, traverse1_, for1_, sequence1_, foldr1Default, foldl1Default, foldMap1DefaultR, foldMap1DefaultL, intercalate, intercalateMap, maximum, minimum)
import Data.Semigroup.Traversable (traverse1, sequence1, traverse1Default, sequence1Default)
import Data.Traversable (traverse, sequence)
import Data.TraversableWithIndex (traverseWithIndex, traverseWithIndexDefault, forWithIndex, scanlWithIndex, mapAccumLWithIndex, scanrWithIndex, mapAccumRWithIndex)
import Data.TraversableWithIndex as TWI
import Data.Tuple (Tuple(..))
import Control.Alternative (guard)
import Control.Monad (ap)
import Control.Biapply (biapply)
import Control.Biapplicative (bipure)
import Data.Functor.Contravariant (cmap)

m2 :: M.Map String Int
m2 = M.fromFoldable [Tuple "a" 1, Tuple "b" 2]

nel :: NonEmptyList Int
nel = NonEmptyList (3 :| (1 : 2 : Nil))

nea :: NEA.NonEmptyArray Int
nea = NEA.cons' 3 [1, 2]

headOf :: Array ~> Maybe
headOf = A.head

maybeToArray :: Maybe ~> Array
maybeToArray = maybe [] A.singleton
"""

EXAMPLES: list[tuple[str, str]] = [
    # FunctorWithIndex
    ("[mapWithIndex (\\i x -> i * x) [5, 6, 7], mapDefault (_ + 1) [1]]", "[[0,6,14],[2]]"),
    (
        "[toList (mapWithIndex (\\i x -> i * x) nel), mapWithIndex (\\i x -> i * x) (5 : 6 : Nil)]",
        "[Cons 0 (Cons 1 (Cons 4 Nil)),Cons 0 (Cons 6 Nil)]",
    ),
    ("[NEA.toArray (mapWithIndex (\\i x -> i + x) nea)]", "[[3,2,4]]"),
    ("mapWithIndex (\\i x -> Tuple i x) (1 :| [2])", "NonEmpty (Tuple Nothing 1) [Tuple (Just 0) 2]"),
    (
        "[mapWithIndex (\\_ x -> x + 1) (Just 1), unwrap (mapWithIndex (\\_ x -> x + 1) (Identity 1)) # Just]",
        "[Just 2,Just 2]",
    ),
    (
        '[mapWithIndex (\\_ x -> x + 1) (Right 1 :: Either String Int), mapWithIndex (\\_ x -> x) (Left "e")]',
        '[Right 2,Left "e"]',
    ),
    (
        'Tuple (mapWithIndex (\\_ x -> x + 1) (Tuple "k" 1)) (unwrap (mapWithIndex (\\_ x -> x) (Const 1 :: Const Int Int)))',
        'Tuple (Tuple "k" 2) 1',
    ),
    ("mapWithIndex (\\k v -> k <> show v) m2", '(fromFoldable [Tuple "a" "a1",Tuple "b" "b2"])'),
    # FoldableWithIndex
    (
        "[foldrWithIndex (\\i x acc -> i + x + acc) 0 [5, 6], foldlWithIndex (\\i acc x -> acc * 10 + i + x) 0 [5, 6]]",
        "[12,57]",
    ),
    (
        "[foldMapWithIndex (\\i x -> [i, x]) [5, 6], foldMapWithIndex (\\i x -> [i, x]) (5 : 6 : Nil)]",
        "[[0,5,1,6],[0,5,1,6]]",
    ),
    (
        "[foldrWithIndex (\\i x acc -> [i, x] <> acc) [] nea, foldlWithIndex (\\i acc x -> acc <> [i, x]) [] nel]",
        "[[0,3,1,1,2,2],[0,3,1,1,2,2]]",
    ),
    (
        "[foldMapWithIndex (\\i x -> [i, x]) nea, foldMapWithIndex (\\i x -> [i, x]) nel]",
        "[[0,3,1,1,2,2],[0,3,1,1,2,2]]",
    ),
    (
        "[foldrWithIndex (\\i x acc -> maybe 9 identity i + x + acc) 0 (1 :| [2]), foldlWithIndex (\\i acc x -> acc + maybe 9 identity i + x) 0 (1 :| [2])]",
        "[12,12]",
    ),
    ("foldMapWithIndex (\\i x -> [Tuple i x]) (1 :| [2])", "[Tuple Nothing 1,Tuple (Just 0) 2]"),
    (
        '[foldrWithIndex (\\_ x acc -> x + acc) 0 (Just 1), foldlWithIndex (\\_ acc x -> x + acc) 0 (Right 2 :: Either Int Int), A.length (foldMapWithIndex (\\_ x -> x) (Tuple "" [3]))]',
        "[1,2,1]",
    ),
    (
        "[foldrWithIndex (\\_ x acc -> x <> acc) [] (Right [1] :: Either Int (Array Int)), foldMapWithIndex (\\_ x -> x) (Just [2]), foldlWithIndex (\\_ acc x -> acc <> x) [] (Tuple 1 [3])]",
        "[[1],[2],[3]]",
    ),
    (
        "[foldrWithIndex (\\_ x acc -> x + acc) 0 (Identity 1), foldlWithIndex (\\_ acc x -> x + acc) 0 (Identity 2), foldMapWithIndex (\\_ x -> [x]) (Identity 3) # A.length]",
        "[1,2,1]",
    ),
    (
        "[foldrWithIndex (\\_ x acc -> x + acc) 0 (Const 1 :: Const Int Int), foldlWithIndex (\\_ acc x -> x + acc) 5 (Const 1 :: Const Int Int), A.length (foldMapWithIndex (\\_ x -> [x]) (Const 1 :: Const Int Int))]",
        "[0,5,0]",
    ),
    (
        '[foldrWithIndex (\\k v acc -> k <> show v <> acc) "" m2, foldlWithIndex (\\k acc v -> acc <> k <> show v) "" m2, foldMapWithIndex (\\k v -> k <> show v) m2]',
        '["a1b2","a1b2","a1b2"]',
    ),
    (
        "[foldrWithIndexDefault (\\i x acc -> [i, x] <> acc) [] [5, 6], foldlWithIndexDefault (\\i acc x -> acc <> [i, x]) [] [5, 6]]",
        "[[0,5,1,6],[0,5,1,6]]",
    ),
    (
        "[foldMapWithIndexDefaultR (\\i x -> [i, x]) [5, 6], foldMapWithIndexDefaultL (\\i x -> [i, x]) [5, 6]]",
        "[[0,5,1,6],[0,5,1,6]]",
    ),
    ("foldWithIndexM (\\i acc x -> if x < 0 then Nothing else Just (acc + i * x)) 0 [5, 6]", "Just 6"),
    (
        "[traverseWithIndex_ (\\i x -> if i > x then Nothing else Just i) [5, 6], forWithIndex_ [0, 6] (\\i x -> if i > x then Nothing else Just i)]",
        "[Just unit,Just unit]",
    ),
    ('surroundMapWithIndex "|" (\\i x -> show i <> x) ["a", "b"]', '"|0a|1b|"'),
    ("[allWithIndex (\\i x -> i < x) [5, 6], anyWithIndex (\\i x -> i == x) [5, 1]]", "[true,true]"),
    # any HeytingAlgebra result: predicates on a bound, combined pointwise
    ("[allWithIndex (\\i x n -> i + x > n) [5, 6] 5, anyWithIndex (\\i x n -> i + x > n) [5, 6] 6]", "[false,true]"),
    (
        "[findWithIndex (\\i x -> i > 0 && x > 5) [7, 8, 3], findWithIndex (\\_ x -> x > 9) [1]]",
        "[Just { index: 1, value: 8 },Nothing]",
    ),
    (
        "[findMapWithIndex (\\i x -> if i > 0 then Just (i * x) else Nothing) [7, 8], findMapWithIndex (\\_ _ -> (Nothing :: Maybe Int)) [1]]",
        "[Just 8,Nothing]",
    ),
    (
        "[FWI.foldrDefault (-) 0 [1, 2, 3], FWI.foldlDefault (-) 0 [1, 2, 3], A.length (FWI.foldMapDefault (\\x -> [x]) (Just 4))]",
        "[2,-6,1]",
    ),
    # TraversableWithIndex
    (
        "[traverseWithIndex (\\i x -> Just (i * x)) [5, 6], traverseWithIndexDefault (\\i x -> Just (i + x)) [5, 6]]",
        "[Just [0,6],Just [5,7]]",
    ),
    (
        "[map toList (traverseWithIndex (\\i x -> Just (i * x)) nel), traverseWithIndex (\\i x -> Just (i * x)) (5 : 6 : Nil)]",
        "[Just (Cons 0 (Cons 1 (Cons 4 Nil))),Just (Cons 0 (Cons 6 Nil))]",
    ),
    ("map NEA.toArray (traverseWithIndex (\\i x -> Just (i * x)) nea)", "Just [0,1,4]"),
    (
        "traverseWithIndex (\\i x -> Just (Tuple i x)) (1 :| [2])",
        "Just (NonEmpty (Tuple Nothing 1) [Tuple (Just 0) 2])",
    ),
    (
        "[traverseWithIndex (\\_ x -> [x, x + 1]) (Just 1), traverseWithIndex (\\_ x -> [x]) Nothing]",
        "[[Just 1,Just 2],[Nothing]]",
    ),
    (
        'Tuple (traverseWithIndex (\\_ x -> Just (x + 1)) (Right 1 :: Either String Int)) (traverseWithIndex (\\_ x -> Just (x + 1)) (Tuple "k" 1))',
        'Tuple (Just (Right 2)) (Just (Tuple "k" 2))',
    ),
    (
        "Tuple (traverseWithIndex (\\_ x -> Just (x + 1)) (Identity 1)) (map unwrap (traverseWithIndex (\\_ x -> Just x) (Const 1 :: Const Int Int)))",
        "Tuple (Just (Identity 2)) (Just 1)",
    ),
    (
        "traverseWithIndex (\\k v -> if v > 0 then Just (k <> show v) else Nothing) m2",
        'Just ((fromFoldable [Tuple "a" "a1",Tuple "b" "b2"]))',
    ),
    ("forWithIndex [5, 6] (\\i x -> Just (i + x))", "Just [5,7]"),
    (
        "[scanlWithIndex (\\i b a -> i + b + a) 0 [1, 1, 1], scanrWithIndex (\\i a b -> i + b + a) 0 [1, 1, 1]]",
        "[[1,3,6],[6,5,3]]",
    ),
    (
        "[mapAccumLWithIndex (\\i s a -> { accum: s + a, value: i * s }) 0 [1, 2, 3], mapAccumRWithIndex (\\i s a -> { accum: s + a, value: i * s }) 0 [1, 2, 3]]",
        "[{ accum: 6, value: [0,1,6] },{ accum: 6, value: [0,3,0] }]",
    ),
    ("TWI.traverseDefault (\\x -> Just (x * 2)) [1, 2]", "Just [2,4]"),
    ('M.fromFoldableWithIndex ["a", "b"]', '(fromFoldable [Tuple 0 "a",Tuple 1 "b"])'),
    # Data.NaturalTransformation
    ("[headOf [1, 2], headOf []]", "[Just 1,Nothing]"),
    ("maybeToArray (Just 1)", "[1]"),
    # Data.Functor.Compose
    (
        "[show (Compose [Just 1]), show (Compose [Just 1] == Compose [Just 1]), show (Compose [Just 1] < Compose [Just 2])]",
        '["(Compose [(Just 1)])","true","true"]',
    ),
    (
        "[map (_ + 1) (Compose [Just 1, Nothing]), Compose [Just (_ * 2)] <*> Compose [Just 5], pure 7]",
        "[Compose [Just 2,Nothing],Compose [Just 10],Compose [Just 7]]",
    ),
    ("[Compose [Just 1] <|> Compose [Nothing], empty]", "[Compose [Just 1,Nothing],Compose []]"),
    (
        "[foldr (-) 0 (Compose [Just 1, Just 2]), foldl (-) 0 (Compose [Just 1, Just 2]), sum (Compose [Just 1, Nothing, Just 5])]",
        "[-1,-3,6]",
    ),
    (
        "[traverse (\\x -> Just (x + 1)) (Compose [Just 1]), sequence (Compose [Just (Just 2)])]",
        "[Just (Compose [Just 2]),Just (Compose [Just 2])]",
    ),
    ("[unwrap (bihoistCompose A.reverse maybeToArray (Compose [Just 1, Nothing, Just 3]))]", "[[[3],[],[1]]]"),
    # Data.Functor.Product
    (
        "[show (product [1] (Just 1)), show (product [1] (Just 1) == product [1] (Just 1)), show (product [1] (Just 1) < product [2] Nothing)]",
        '["(product [1] (Just 1))","true","true"]',
    ),
    (
        "[map (_ + 1) (product [1] (Just 2)), product [negate] (Just (_ * 2)) <*> product [1] (Just 3), pure 5]",
        "[Product (Tuple [2] (Just 3)),Product (Tuple [-1] (Just 6)),Product (Tuple [5] (Just 5))]",
    ),
    ("[product [1, 2] (Just 3) >>= \\x -> product [x, x] (Just (x * 10))]", "[Product (Tuple [1,1,2,2] (Just 30))]"),
    (
        "[foldr (-) 0 (product [1] (Just 2)), foldl (-) 0 (product [1] (Just 2)), A.length (foldMap (\\x -> [x]) (product [1] (Just 2)))]",
        "[-1,-3,2]",
    ),
    (
        "[traverse (\\x -> Just (x + 1)) (product [1] (Just 2)), sequence (product [Just 1] (Just (Just 2)))]",
        "[Just (Product (Tuple [2] (Just 3))),Just (Product (Tuple [1] (Just 2)))]",
    ),
    ("unwrap (bihoistProduct A.head A.head (product [1, 2] [3]))", "Tuple (Just 1) (Just 3)"),
    # Data.Functor.Coproduct
    (
        "[show (left [1] :: Coproduct Array Maybe Int), show (right (Just 1) :: Coproduct Array Maybe Int)]",
        '["(left [1])","(right (Just 1))"]',
    ),
    (
        "[left [1] == (left [1] :: Coproduct Array Maybe Int), left [1] == right (Just 1), right Nothing == (right Nothing :: Coproduct Array Maybe Int)]",
        "[true,false,true]",
    ),
    (
        "[compare (left [1]) (right (Just 1) :: Coproduct Array Maybe Int), compare (right (Just 1)) (left [1] :: Coproduct Array Maybe Int), compare (left [1]) (left [2] :: Coproduct Array Maybe Int), compare (right (Just 2)) (right (Just 1) :: Coproduct Array Maybe Int)]",
        "[LT,GT,LT,GT]",
    ),
    (
        "[map (_ + 1) (left [1] :: Coproduct Array Maybe Int), map (_ + 1) (right (Just 1))]",
        "[Coproduct (Left [2]),Coproduct (Right (Just 2))]",
    ),
    (
        "[coproduct A.length (maybe 0 identity) (left [7, 8] :: Coproduct Array Maybe Int), foldr (+) 0 (right (Just 4) :: Coproduct Array Maybe Int), foldl (+) 0 (left [1, 2] :: Coproduct Array Maybe Int)]",
        "[2,4,3]",
    ),
    ("[A.length (foldMap (\\x -> [x]) (left [1, 2] :: Coproduct Array Maybe Int))]", "[2]"),
    (
        "[traverse (\\x -> Just (x + 1)) (left [1] :: Coproduct Array Maybe Int), sequence (right (Just (Just 2)) :: Coproduct Array Maybe (Maybe Int))]",
        "[Just (Coproduct (Left [2])),Just (Coproduct (Right (Just 2)))]",
    ),
    ("unwrap (bihoistCoproduct A.head maybeToArray (left [1, 2] :: Coproduct Array Maybe Int))", "Left (Just 1)"),
    # Data.Functor.App
    (
        '[show (App (Just "a") <> App (Just "b")), show (mempty :: App Maybe String), show (App (Just 1) == App (Just 1)), show (App (Just 1) < App Nothing)]',
        '["(App (Just \\"ab\\"))","(App (Just \\"\\"))","true","false"]',
    ),
    (
        "[map (_ + 1) (App [1]), App [negate] <*> App [1, 2], pure 3, App [1, 2] >>= \\x -> App [x, x]]",
        "[App [2],App [-1,-2],App [3],App [1,1,2,2]]",
    ),
    (
        "[App [1] <|> App [2], empty, foldr (-) 0 (App [1, 2]) # pure, foldl (-) 0 (App [1, 2]) # pure, App (foldMap (\\x -> [x]) (App [5]))]",
        "[App [1,2],App [],App [-1],App [-3],App [5]]",
    ),
    ("[traverse (\\x -> Just (x + 1)) (App [1]), sequence (App [Just 2])]", "[Just (App [2]),Just (App [2])]"),
    (
        "[hoistApp A.head (App [1, 2])] <> hoistLiftApp [Just 3] <> map App (hoistLowerApp [App (Just 4)])",
        "[App (Just 1),App (Just 3),App (Just 4)]",
    ),
    ("[unwrap (App [1]), unwrap (ap (App [negate]) (App [2])), unwrap (guard true *> App [3])]", "[[1],[-2],[3]]"),
    ("[unwrap (guard false *> Compose [Just 1]), unwrap (guard true *> Compose [Just 2])]", "[[],[Just 2]]"),
    ("unwrap (ap (product [negate] (Just negate)) (product [1] (Just 2)))", "Tuple [-1] (Just (-2))"),
    # Data.Functor.Flip, Joker, Clown
    (
        '[show (biapply (Flip (Tuple (_ + 1) show)) (Flip (Tuple 2 true))), show (bipure 1 "a" :: Flip Tuple Int String)]',
        '["(Flip (Tuple 3 \\"true\\"))","(Flip (Tuple \\"a\\" 1))"]',
    ),
    (
        "[unwrap (cmap (_ * 2) (Flip show)) 21, show (unwrap (Flip (_ + 1) <<< Flip (_ * 2)) 5),"
        " show (unwrap (identity :: Flip Function Int Int) 7)]",
        '["42","12","7"]',
    ),
    (
        '[show (Flip (Tuple 1 "a")), show (Flip (Tuple 1 "a") == Flip (Tuple 1 "a")), show (Flip (Tuple 1 "a") < Flip (Tuple 2 "a"))]',
        '["(Flip (Tuple 1 \\"a\\"))","true","true"]',
    ),
    (
        '[unwrap (map (_ + 1) (Flip (Tuple 1 "a"))), unwrap (bimap show (_ + 10) (Flip (Tuple 1 2)))]',
        '[Tuple 2 "a",Tuple 11 "2"]',
    ),
    (
        "[show (Joker [1] :: Joker Array Int Int), show (Joker [1] == (Joker [1] :: Joker Array Int Int)), show (Joker [1] < (Joker [2] :: Joker Array Int Int))]",
        '["(Joker [1])","true","true"]',
    ),
    (
        "[unwrap (map (_ + 1) (Joker [1] :: Joker Array Int Int)), unwrap (bimap show (_ + 10) (Joker [1] :: Joker Array Int Int)), unwrap (hoistJoker A.reverse (Joker [1, 2] :: Joker Array Int Int))]",
        "[[2],[11],[2,1]]",
    ),
    (
        "[show (Clown [1] :: Clown Array Int Int), show (Clown [1] == (Clown [1] :: Clown Array Int Int)), show (Clown [1] < (Clown [2] :: Clown Array Int Int))]",
        '["(Clown [1])","true","true"]',
    ),
    (
        "[unwrap (map (_ + 1) (Clown [1] :: Clown Array Int Int)), unwrap (bimap (_ + 10) show (Clown [1] :: Clown Array Int Int)), unwrap (hoistClown A.reverse (Clown [1, 2] :: Clown Array Int Int))]",
        "[[1],[11],[2,1]]",
    ),
    # Data.Semigroup.Foldable
    (
        "[foldr1 (-) (1 :| [2, 3]), foldl1 (-) (1 :| [2, 3]), A.length (foldMap1 (\\x -> [x]) (1 :| [2, 3]))]",
        "[2,-4,3]",
    ),
    ("[foldr1 (-) nea, foldl1 (-) nea, foldr1 (-) nel, foldl1 (-) nel]", "[4,0,4,0]"),
    (
        '[foldMap1 show nea, foldMap1 show nel, fold1 ("a" :| ["b"]), foldMap1 show (Identity 1), foldMap1 show (Tuple 0 2)]',
        '["312","312","ab","1","2"]',
    ),
    ("[foldr1 (-) (Identity 1), foldl1 (-) (Identity 1), foldr1 (-) (Tuple 0 2), foldl1 (-) (Tuple 0 3)]", "[1,1,2,3]"),
    (
        "[foldr1 (-) (Dual 1), foldl1 (-) (Dual 2), foldMap1 (\\x -> [x]) (Dual 3) # A.length, foldr1 (-) (Multiplicative 4), foldl1 (-) (Multiplicative 5), foldMap1 (\\x -> [x]) (Multiplicative 6) # A.length]",
        "[1,2,1,4,5,1]",
    ),
    (
        "[traverse1_ (\\x -> if x > 0 then Just x else Nothing) nea, for1_ nea (\\x -> if x > 1 then Just x else Nothing), sequence1_ (Just 1 :| [Just 2])]",
        "[Just unit,Nothing,Just unit]",
    ),
    (
        "[foldr1Default (-) nea, foldl1Default (-) nea, A.length (foldMap1DefaultR (\\x -> [x]) nea), A.length (foldMap1DefaultL (\\x -> [x]) nea)]",
        "[4,0,3,3]",
    ),
    (
        '[foldMap1DefaultR show nea, foldMap1DefaultL show nea, intercalate ", " ("a" :| ["b", "c"]), intercalateMap "-" show nea]',
        '["312","312","a, b, c","3-1-2"]',
    ),
    ("[maximum nea, minimum nea, maximum (2 :| [5, 1]), minimum nel]", "[3,1,5,1]"),
    # Data.Semigroup.Traversable
    (
        "[map NEA.toArray (traverse1 (\\x -> Just (x * 2)) nea), map NEA.toArray (sequence1 (map Just nea))]",
        "[Just [6,2,4],Just [3,1,2]]",
    ),
    (
        "[map toList (traverse1 (\\x -> Just (x * 2)) nel), map toList (sequence1 (map Just nel))]",
        "[Just (Cons 6 (Cons 2 (Cons 4 Nil))),Just (Cons 3 (Cons 1 (Cons 2 Nil)))]",
    ),
    (
        "[traverse1 (\\x -> Just (x * 2)) (Identity 1), sequence1 (Identity (Just 2))]",
        "[Just (Identity 2),Just (Identity 2)]",
    ),
    (
        "[traverse1 (\\x -> Just (x * 2)) (Tuple 0 1), sequence1 (Tuple 0 (Just 2))]",
        "[Just (Tuple 0 2),Just (Tuple 0 2)]",
    ),
    (
        "[map show (traverse1 (\\x -> Just (x * 2)) (Dual 1)), map show (sequence1 (Dual (Just 2))),"
        " map show (traverse1 (\\x -> Just (x * 2)) (Multiplicative 1)), map show (sequence1 (Multiplicative (Just 2)))]",
        '[Just "(Dual 2)",Just "(Dual 2)",Just "(Multiplicative 2)",Just "(Multiplicative 2)"]',
    ),
    (
        "[map NEA.toArray (traverse1Default (\\x -> Just (x + 1)) nea), map NEA.toArray (sequence1Default (map Just nea))]",
        "[Just [4,2,3],Just [3,1,2]]",
    ),
]
