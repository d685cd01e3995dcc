"""Examples: bifunctors (Data.Bifunctor, Control.Biapply, Control.Biapplicative), const, identity, lazy
(Data.Lazy) and distributive."""

HEADER = """
import Prelude
import Control.Alt ((<|>))
import Control.Biapplicative (bipure)
import Control.Biapply (biapply, biapplyFirst, biapplySecond, bilift2, bilift3, (*>>), (<<$>>), (<<*), (<<*>>))
import Control.Comonad (extract)
import Control.Extend (extend)
import Control.Lazy as CL
import Control.Monad (ap)
import Data.Bifunctor (bimap, lmap, rmap)
import Data.Const (Const(..))
import Data.Distributive (collect, collectDefault, cotraverse, distribute, distributeDefault)
import Data.Either (Either(..))
import Data.Eq (eq1)
import Data.EuclideanRing (degree)
import Data.DivisionRing (recip)
import Data.HeytingAlgebra (implies, ff, tt)
import Data.Identity (Identity(..))
import Data.Lazy (Lazy, defer, force)
import Data.Newtype (unwrap, wrap)
import Data.Ord (compare1)
import Data.Tuple (Tuple(..), fst, snd)

-- | Uses the `CommutativeRing` dictionary itself (the class has no methods of its own).
commuted :: forall a. CommutativeRing a => a -> a -> a
commuted x y = x * y - y

-- | Uses the `BooleanAlgebra` dictionary itself: `x || not x` is `tt` in a Boolean algebra.
excluded :: forall a. BooleanAlgebra a => a -> a
excluded x = x || not x

lazy :: forall a. a -> Lazy a
lazy x = defer \\_ -> x
"""

EXAMPLES: list[tuple[str, str]] = [
    # Data.Bifunctor
    (
        '[bimap show not (Tuple 1 true), lmap show (Tuple 2 false), rmap (_ > 2) (Tuple "y" 3)]',
        '[Tuple "1" false,Tuple "2" false,Tuple "y" true]',
    ),
    (
        '[bimap show not (Left 1), bimap show not (Right true :: Either Int Boolean), lmap show (Left 2), rmap not (Left "z")] :: Array (Either String Boolean)',
        '[Left "1",Right false,Left "2",Left "z"]',
    ),
    (
        "[bimap (_ + 1) (_ > 0) (Const 1 :: Const Int Int), lmap (_ * 2) (Const 3)] :: Array (Const Int Boolean)",
        "[Const 2,Const 6]",
    ),
    # Control.Biapply, Control.Biapplicative
    (
        "[biapply (Tuple (_ + 1) not) (Tuple 1 true), Tuple (_ * 2) identity <<*>> Tuple 4 false]",
        "[Tuple 2 false,Tuple 8 false]",
    ),
    ("[biapplyFirst (Tuple 1 true) (Tuple 2 false), Tuple 3 true *>> Tuple 4 false]", "[Tuple 2 false,Tuple 4 false]"),
    ("[biapplySecond (Tuple 1 true) (Tuple 2 false), Tuple 3 true <<* Tuple 4 false]", "[Tuple 1 true,Tuple 3 true]"),
    (
        "[bilift2 add (&&) (Tuple 1 true) (Tuple 2 false), bilift3 (\\a b c -> a + b + c) (\\a b c -> a || b || c) (Tuple 1 false) (Tuple 2 false) (Tuple 3 true)]",
        "[Tuple 3 false,Tuple 6 true]",
    ),
    ('(bipure 1 "a" :: Tuple Int String)', 'Tuple 1 "a"'),
    ('bimap add append <<$>> Tuple 1 "a" <<*>> Tuple 2 "b"', 'Tuple 3 "ab"'),
    # Data.Const
    ("[unwrap (Const 1 :: Const Int Unit), unwrap (wrap 2 :: Const Int Unit)]", "[1,2]"),
    (
        "[Const 1 == (Const 1 :: Const Int Unit), eq1 (Const 1) (Const 2 :: Const Int Unit), Const 1 < (Const 2 :: Const Int Unit), compare1 (Const 2) (Const 1 :: Const Int Unit) == GT]",
        "[true,false,true,true]",
    ),
    (
        "[show (Const 1 :: Const Int Unit), show (top :: Const Boolean Unit), show (bottom :: Const Boolean Unit)]",
        '["(Const 1)","(Const true)","(Const false)"]',
    ),
    ("(Const 1 <<< Const 2 :: Const Int Unit)", "Const 2"),
    ('[Const "a" <> Const "b", mempty] :: Array (Const String Unit)', '[Const "ab",Const ""]'),
    (
        "[Const 2 + Const 3, Const 2 * Const 3, zero, one, Const 2 - Const 3, commuted (Const 3) (Const 4), Const 7 / Const 2, Const 7 `mod` Const 2] :: Array (Const Int Unit)",
        "[Const 5,Const 6,Const 0,Const 1,Const (-1),Const 8,Const 3,Const 1]",
    ),
    ("degree (Const 5 :: Const Int Unit)", "5"),
    (
        "[Const true && Const false, Const true || Const false, not (Const true), implies (Const true) (Const false), ff, tt, excluded (Const false)] :: Array (Const Boolean Unit)",
        "[Const false,Const true,Const false,Const false,Const false,Const true,Const true]",
    ),
    (
        '[map not (Const "x"), Const "a" <*> Const "b", pure true] :: Array (Const String Boolean)',
        '[Const "x",Const "ab",Const ""]',
    ),
    # Data.Identity
    ("[unwrap (Identity 1), unwrap (wrap 2 :: Identity Int)]", "[1,2]"),
    (
        "[Identity 1 == Identity 1, eq1 (Identity 1) (Identity 2), Identity 1 < Identity 2, compare1 (Identity 2) (Identity 1) == GT]",
        "[true,false,true,true]",
    ),
    (
        "[show (Identity 1), show (top :: Identity Boolean), show (bottom :: Identity Boolean)]",
        '["(Identity 1)","(Identity true)","(Identity false)"]',
    ),
    (
        "[Identity true && Identity false, Identity true || Identity false, not (Identity true), implies (Identity false) (Identity false), ff, tt, excluded (Identity false)]",
        "[Identity false,Identity true,Identity false,Identity true,Identity false,Identity true,Identity true]",
    ),
    ('[Identity "a" <> Identity "b", mempty]', '[Identity "ab",Identity ""]'),
    (
        "[Identity 2 + Identity 3, Identity 2 * Identity 3, zero, one, Identity 2 - Identity 3, commuted (Identity 3) (Identity 4), Identity 7 / Identity 2, Identity 7 `mod` Identity 2]",
        "[Identity 5,Identity 6,Identity 0,Identity 1,Identity (-1),Identity 8,Identity 3,Identity 1]",
    ),
    ("[degree (Identity 5), degree (Identity (-3))]", "[5,3]"),
    ("recip (Identity 4.0)", "Identity 0.25"),
    (
        "[map (_ + 1) (Identity 1), Identity 1 <|> Identity 2, Identity negate <*> Identity 3, pure 4, Identity 5 >>= \\x -> Identity (x * 2), ap (Identity show) (Identity 6) $> 6]",
        "[Identity 2,Identity 1,Identity (-3),Identity 4,Identity 10,Identity 6]",
    ),
    ("(CL.defer \\_ -> Identity (\\x -> x + 1)) # \\(Identity f) -> f 1", "2"),
    ("[extract (Identity 7), extract (extend (\\(Identity x) -> x + 1) (Identity 7))]", "[7,8]"),
    # Data.Lazy
    ("[force (defer \\_ -> 1 + 1), force (lazy 3)]", "[2,3]"),
    (
        "[lazy 1 == lazy 1, eq1 (lazy 1) (lazy 2), lazy 1 < lazy 2, compare1 (lazy 2) (lazy 1) == GT]",
        "[true,false,true,true]",
    ),
    ("[force (top :: Lazy Boolean), force (bottom :: Lazy Boolean)]", "[true,false]"),
    ('[force (lazy "a" <> lazy "b"), force mempty]', '["ab",""]'),
    (
        "map force [lazy 2 + lazy 3, lazy 2 * lazy 3, zero, one, lazy 2 - lazy 3, commuted (lazy 3) (lazy 4), lazy 7 / lazy 2, lazy 7 `mod` lazy 2]",
        "[5,6,0,1,-1,8,3,1]",
    ),
    ("degree (lazy 5)", "5"),
    (
        "map force [lazy true && lazy false, lazy true || lazy false, not (lazy true), implies (lazy false) (lazy false), ff, tt, excluded (lazy false)]",
        "[false,true,false,true,false,true,true]",
    ),
    (
        "map force [map (_ + 1) (lazy 1), lazy negate <*> lazy 3, pure 4, lazy 5 >>= \\x -> lazy (x * 2), ap (lazy (_ * 3)) (lazy 2)]",
        "[2,-3,4,10,6]",
    ),
    ("[extract (lazy 7), extract (extend (\\l -> force l + 1) (lazy 7)), force (CL.defer \\_ -> lazy 9)]", "[7,8,9]"),
    ("show (lazy 1)", '"(defer \\\\_ -> 1)"'),
    # Data.Distributive
    (
        "[distribute [Identity 1, Identity 2], collect (\\x -> Identity (x + 1)) [1, 2]]",
        "[Identity [1,2],Identity [2,3]]",
    ),
    (
        "[distributeDefault [Identity 1], collectDefault (\\x -> Identity (x * 2)) [3], cotraverse (map (_ + 1)) [Identity 4]]",
        "[Identity [1],Identity [6],Identity [5]]",
    ),
    ("[distribute [(_ + 1), (_ * 2)] 10, collect (\\x y -> x + y) [1, 2] 10]", "[[11,20],[11,12]]"),
]
