"""Examples: nested tuples (Data.Tuple.Nested)."""

HEADER = """
import Prelude
import Data.Tuple (Tuple(..))
import Data.Tuple.Nested

pair :: Int /\\ String
pair = 1 /\\ "a"
"""

EXAMPLES: list[tuple[str, str]] = [
    ("case pair of\n  n /\\ s -> show n <> s", '"1a"'),
    (
        "[get1 (tuple1 1), uncurry1 (\\a -> a) (tuple1 1), get1 (over1 (_ * 10) (tuple1 1)), curry1 unit get1 1]",
        "[1,1,10,1]",
    ),
    (
        "[get2 (tuple2 1 2), uncurry2 (\\a b -> a + b) (tuple2 1 2), get2 (over2 (_ * 10) (tuple2 1 2)), curry2 unit get2 1 2]",
        "[2,3,20,2]",
    ),
    (
        "[get3 (tuple3 1 2 3), uncurry3 (\\a b c -> a + b + c) (tuple3 1 2 3), get3 (over3 (_ * 10) (tuple3 1 2 3)), curry3 unit get3 1 2 3]",
        "[3,6,30,3]",
    ),
    (
        "[get4 (tuple4 1 2 3 4), uncurry4 (\\a b c d -> a + b + c + d) (tuple4 1 2 3 4), get4 (over4 (_ * 10) (tuple4 1 2 3 4)), curry4 unit get4 1 2 3 4]",
        "[4,10,40,4]",
    ),
    (
        "[get5 (tuple5 1 2 3 4 5), uncurry5 (\\a b c d e -> a + b + c + d + e) (tuple5 1 2 3 4 5), get5 (over5 (_ * 10) (tuple5 1 2 3 4 5)), curry5 unit get5 1 2 3 4 5]",
        "[5,15,50,5]",
    ),
    (
        "[get6 (tuple6 1 2 3 4 5 6), uncurry6 (\\a b c d e f -> a + b + c + d + e + f) (tuple6 1 2 3 4 5 6), get6 (over6 (_ * 10) (tuple6 1 2 3 4 5 6)), curry6 unit get6 1 2 3 4 5 6]",
        "[6,21,60,6]",
    ),
    (
        "[get7 (tuple7 1 2 3 4 5 6 7), uncurry7 (\\a b c d e f g -> a + b + c + d + e + f + g) (tuple7 1 2 3 4 5 6 7), get7 (over7 (_ * 10) (tuple7 1 2 3 4 5 6 7)), curry7 unit get7 1 2 3 4 5 6 7]",
        "[7,28,70,7]",
    ),
    (
        "[get8 (tuple8 1 2 3 4 5 6 7 8), uncurry8 (\\a b c d e f g h -> a + b + c + d + e + f + g + h) (tuple8 1 2 3 4 5 6 7 8), get8 (over8 (_ * 10) (tuple8 1 2 3 4 5 6 7 8)), curry8 unit get8 1 2 3 4 5 6 7 8]",
        "[8,36,80,8]",
    ),
    (
        "[get9 (tuple9 1 2 3 4 5 6 7 8 9), uncurry9 (\\a b c d e f g h i -> a + b + c + d + e + f + g + h + i) (tuple9 1 2 3 4 5 6 7 8 9), get9 (over9 (_ * 10) (tuple9 1 2 3 4 5 6 7 8 9)), curry9 unit get9 1 2 3 4 5 6 7 8 9]",
        "[9,45,90,9]",
    ),
    (
        "[get10 (tuple10 1 2 3 4 5 6 7 8 9 10), uncurry10 (\\a b c d e f g h i j -> a + b + c + d + e + f + g + h + i + j) (tuple10 1 2 3 4 5 6 7 8 9 10), get10 (over10 (_ * 10) (tuple10 1 2 3 4 5 6 7 8 9 10)), curry10 unit get10 1 2 3 4 5 6 7 8 9 10]",
        "[10,55,100,10]",
    ),
]
