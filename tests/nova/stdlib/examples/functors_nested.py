"""Examples: Data.Functor.Coproduct.Nested and Data.Functor.Product.Nested."""

HEADER = r"""

import Prelude
import Data.Array as A
import Data.Const (Const(..))
import Data.Functor.Coproduct.Nested
import Data.Functor.Product.Nested
import Data.Maybe (Maybe(..))

len :: forall a. Array a -> Int
len = A.length

nothingIs0 :: forall a. Maybe a -> Int
nothingIs0 = case _ of
  Nothing -> 0
  Just _ -> 1

places :: Array (Coproduct10 Array Array Array Array Array Array Array Array Array Array Int)
places =
  [ in1 [ 1 ], in2 [ 1, 2 ], in3 [ 1, 2, 3 ], in4 [ 1, 2, 3, 4 ], in5 [ 5 ], in6 [ 6 ], in7 [ 7 ], in8 [ 8 ]
  , in9 [ 9 ], in10 [ 10 ]
  ]

atEach :: Coproduct10 Array Array Array Array Array Array Array Array Array Array Int -> Array Int
atEach c =
  [ at1 0 len c, at2 0 len c, at3 0 len c, at4 0 len c, at5 0 len c, at6 0 len c, at7 0 len c, at8 0 len c
  , at9 0 len c, at10 0 len c
  ]

first :: Int -> Array Int -> Int
first k xs = k * 100 + A.length xs
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "map atEach places",
        "[[1,0,0,0,0,0,0,0,0,0],[0,2,0,0,0,0,0,0,0,0],[0,0,3,0,0,0,0,0,0,0],"
        "[0,0,0,4,0,0,0,0,0,0],[0,0,0,0,1,0,0,0,0,0],[0,0,0,0,0,1,0,0,0,0],[0,0,0,0,0,0,1,0,0,0],"
        "[0,0,0,0,0,0,0,1,0,0],[0,0,0,0,0,0,0,0,1,0],[0,0,0,0,0,0,0,0,0,1]]",
    ),
    ("coproduct1 (in1 (Just 3) :: Coproduct1 Maybe Int)", "Just 3"),
    ("[coproduct2 len nothingIs0 (in1 [1, 2]), coproduct2 len nothingIs0 (in2 (Just 1))]", "[2,1]"),
    ("coproduct3 len len nothingIs0 (in3 Nothing)", "0"),
    ("coproduct4 (first 1) (first 2) (first 3) (first 4) (in4 [1])", "401"),
    ("coproduct5 (first 1) (first 2) (first 3) (first 4) (first 5) (in5 [1])", "501"),
    ("coproduct6 (first 1) (first 2) (first 3) (first 4) (first 5) (first 6) (in6 [1])", "601"),
    ("coproduct7 (first 1) (first 2) (first 3) (first 4) (first 5) (first 6) (first 7) (in7 [1])", "701"),
    ("coproduct8 (first 1) (first 2) (first 3) (first 4) (first 5) (first 6) (first 7) (first 8) (in8 [1])", "801"),
    (
        "coproduct9 (first 1) (first 2) (first 3) (first 4) (first 5) (first 6) (first 7) (first 8) (first 9)"
        " (in9 [1])",
        "901",
    ),
    (
        "coproduct10 (first 1) (first 2) (first 3) (first 4) (first 5) (first 6) (first 7) (first 8) (first 9)"
        " (first 10) (in10 [1, 2])",
        "1002",
    ),
    ("get1 (product1 (Just 1))", "Just 1"),
    ("get2 (product2 [1] [2])", "[2]"),
    ("get3 (product3 [1] [2] [3])", "[3]"),
    ("get4 (product4 [1] [2] [3] [4])", "[4]"),
    ("get5 (product5 [1] [2] [3] [4] [5])", "[5]"),
    ("get6 (product6 [1] [2] [3] [4] [5] [6])", "[6]"),
    ("get7 (product7 [1] [2] [3] [4] [5] [6] [7])", "[7]"),
    ("get8 (product8 [1] [2] [3] [4] [5] [6] [7] [8])", "[8]"),
    ("get9 (product9 [1] [2] [3] [4] [5] [6] [7] [8] [9])", "[9]"),
    (
        "[get1 (product10 [1] [2] [3] [4] [5] [6] [7] [8] [9] [10]), get10 (product10 [1] [2] [3] [4] [5] [6] [7] [8] [9] [10])]",
        "[[1],[10]]",
    ),
    ("map (_ + 1) (Just 1 /\\ [2, 3] /\\ Const unit) # get2", "[3,4]"),
]
