"""Examples: Control.Monad.ST.Global, Control.Monad.ST.Class and Control.Monad.ST.Uncurried."""

HEADER = r"""

import Prelude
import Control.Monad.ST (ST)
import Control.Monad.ST as ST
import Control.Monad.ST.Class (liftST)
import Control.Monad.ST.Global (Global, toEffect)
import Control.Monad.ST.Ref as STRef
import Control.Monad.ST.Uncurried (STFn1, STFn2, STFn3, STFn4, STFn5, STFn6, STFn7, STFn8, STFn9, STFn10, mkSTFn1, mkSTFn2, mkSTFn3, mkSTFn4, mkSTFn5, mkSTFn6, mkSTFn7, mkSTFn8, mkSTFn9, mkSTFn10, runSTFn1, runSTFn2, runSTFn3, runSTFn4, runSTFn5, runSTFn6, runSTFn7, runSTFn8, runSTFn9, runSTFn10)
import Effect (Effect)
import Effect.Unsafe (unsafePerformEffect)

counter :: ST Global Int
counter = do
  ref <- STRef.new 1
  _ <- STRef.modify (_ + 41) ref
  STRef.read ref

inEffect :: Effect Int
inEffect = liftST counter

inST :: forall r. ST r Int
inST = liftST (pure 5)

add2 :: forall r. STFn2 Int Int r Int
add2 = mkSTFn2 \a b -> pure (a + b)
"""

EXAMPLES: list[tuple[str, str]] = [
    ("[unsafePerformEffect (toEffect counter), unsafePerformEffect inEffect, ST.run inST]", "[42,42,5]"),
    ("ST.run (runSTFn2 add2 1 2)", "3"),
    (
        "ST.run (do\n"
        "  a <- runSTFn1 (mkSTFn1 \\x -> pure x) 1\n"
        "  b <- runSTFn3 (mkSTFn3 \\x y z -> pure (x + y + z)) 1 1 1\n"
        "  c <- runSTFn4 (mkSTFn4 \\x y z w -> pure (x + y + z + w)) 1 1 1 1\n"
        "  d <- runSTFn5 (mkSTFn5 \\x y z w v -> pure (x + y + z + w + v)) 1 1 1 1 1\n"
        "  e <- runSTFn6 (mkSTFn6 \\x y z w v u -> pure (x + y + z + w + v + u)) 1 1 1 1 1 1\n"
        "  f <- runSTFn7 (mkSTFn7 \\x y z w v u t -> pure (x + y + z + w + v + u + t)) 1 1 1 1 1 1 1\n"
        "  g <- runSTFn8 (mkSTFn8 \\x y z w v u t s -> pure (x + y + z + w + v + u + t + s)) 1 1 1 1 1 1 1 1\n"
        "  h <- runSTFn9 (mkSTFn9 \\x y z w v u t s q -> pure (x + y + z + w + v + u + t + s + q)) 1 1 1 1 1 1 1 1 1\n"
        "  i <- runSTFn10 (mkSTFn10 \\x y z w v u t s q p -> pure (x + y + z + w + v + u + t + s + q + p)) 1 1 1 1 1 1 1 1 1 1\n"
        "  pure [a, b, c, d, e, f, g, h, i])",
        "[1,3,4,5,6,7,8,9,10]",
    ),
]
