"""Examples: mutable references, exceptions, local mutation, stack-safe loops and uncurried functions
(Effect.Ref, Effect.Class, Effect.Exception, Effect.Uncurried, Control.Monad.ST, Control.Monad.ST.Ref,
Control.Monad.Rec.Class, Data.Function.Uncurried)."""

HEADER = """
import Prelude
import Control.Monad.Rec.Class (Step(..), forever, loop2, loop3, tailRec, tailRec2, tailRec3, tailRecM, tailRecM2, tailRecM3, untilJust, whileJust)
import Control.Monad.ST (ST, for, foreach, run, while)
import Control.Monad.ST.Ref as STRef
import Data.Bifunctor (bimap)
import Data.Either (Either(..))
import Data.Function.Uncurried (Fn1, mkFn0, mkFn1, mkFn2, mkFn3, mkFn4, mkFn5, mkFn6, mkFn7, mkFn8, mkFn9, mkFn10, runFn0, runFn1, runFn2, runFn3, runFn4, runFn5, runFn6, runFn7, runFn8, runFn9, runFn10)
import Data.Identity (Identity(..))
import Data.Maybe (Maybe(..))
import Effect (Effect)
import Effect.Class (liftEffect)
import Effect.Console (log)
import Effect.Exception (catchException, error, message, name, stack, throw, throwException, try)
import Effect.Ref as Ref
import Effect.Uncurried (mkEffectFn1, mkEffectFn2, mkEffectFn3, mkEffectFn4, mkEffectFn5, mkEffectFn6, mkEffectFn7, mkEffectFn8, mkEffectFn9, mkEffectFn10, runEffectFn1, runEffectFn2, runEffectFn3, runEffectFn4, runEffectFn5, runEffectFn6, runEffectFn7, runEffectFn8, runEffectFn9, runEffectFn10)

sumST :: Array Int -> Int
sumST xs = run do
  total <- STRef.new 0
  foreach xs \\x -> void (STRef.modify (_ + x) total)
  STRef.read total

countdown :: Int -> Effect Int
countdown n = do
  ref <- Ref.new n
  tailRecM (\\_ -> do
    v <- Ref.read ref
    if v <= 0 then pure (Done v) else Loop unit <$ Ref.write (v - 1) ref) unit

deep :: Int -> Int
deep n = 1 + deep (n + 1)

collatz :: Int -> Int
collatz = tailRec go <<< { n: _, steps: 0 }
  where
  go { n, steps }
    | n == 1 = Done steps
    | n `mod` 2 == 0 = Loop { n: n / 2, steps: steps + 1 }
    | otherwise = Loop { n: 3 * n + 1, steps: steps + 1 }
"""

EXAMPLES: list[tuple[str, str]] = [
    # Effect.Ref
    (
        "do\n  r <- Ref.new 1\n  Ref.write 5 r\n  Ref.modify_ (_ * 2) r\n  a <- Ref.modify (_ + 1) r\n  b <- Ref.read r\n  pure [a, b]",
        "[11,11]",
    ),
    ("do\n  r <- Ref.new 10\n  Ref.modify' (\\s -> { state: s + 1, value: show s }) r", '"10"'),
    ("do\n  r <- Ref.newWithSelf (\\_ -> 3)\n  Ref.read r", "3"),
    # Effect.Class
    ("liftEffect (pure 4) :: Effect Int", "4"),
    # Effect.Exception
    (
        'try (throw "boom" :: Effect Int) <#> case _ of\n  Left e -> message e <> "/" <> name e <> "/" <> show e\n  Right n -> show n',
        '"boom/Error/Error: boom"',
    ),
    ("try (pure 2 :: Effect Int) <#> case _ of\n  Left _ -> 0\n  Right n -> n", "2"),
    ('catchException (\\e -> pure (message e)) (throwException (error "caught") *> pure "not reached")', '"caught"'),
    ('stack (error "x")', "Nothing"),
    # Control.Monad.ST, Control.Monad.ST.Ref
    ("sumST [1, 2, 3, 4]", "10"),
    (
        "run do\n  r <- STRef.new 0\n  for 0 5 \\i -> STRef.modify (_ + i) r\n  _ <- STRef.write 100 r\n  STRef.modify' (\\s -> { state: s, value: s + 1 }) r",
        "101",
    ),
    ("run do\n  r <- STRef.new 3\n  while (map (_ > 0) (STRef.read r)) (STRef.modify (_ - 1) r)\n  STRef.read r", "0"),
    ("run (tailRecM (\\n -> pure (if n >= 12000 then Done n else Loop (n + 1))) 0)", "12000"),
    ("run ((pure [1] <> pure [2]) <> mempty)", "[1,2]"),
    ("run (map (_ + 1) (pure 1) >>= \\x -> apply (pure (_ * x)) (pure 10))", "20"),
    # Control.Monad.Rec.Class
    ("[collatz 27, tailRec (\\n -> if n >= 12000 then Done n else Loop (n + 1)) 0]", "[111,12000]"),
    ("countdown 12000", "0"),
    ("tailRecM (\\n -> Identity (if n > 5 then Done n else Loop (n + 1))) 0", "Identity 6"),
    ("tailRecM (\\n -> if n > 5 then Right (Done n) else Right (Loop (n + 1))) 0 :: Either String Int", "Right 6"),
    ('tailRecM (\\n -> if n > 5 then Left "stop" else Right (Loop (n + 1))) 0 :: Either String Int', 'Left "stop"'),
    (
        "[tailRecM (\\n -> if n > 5 then Just (Done n) else Just (Loop (n + 1))) 0, tailRecM (\\_ -> Nothing) 0 :: Maybe Int]",
        "[Just 6,Nothing]",
    ),
    ("tailRecM (\\n e -> if n >= e then Done n else Loop (n + 1)) 0 7", "7"),
    ("tailRecM2 (\\a b -> Identity (if a == 0 then Done b else Loop { a: a - 1, b: b + a })) 4 0", "Identity 10"),
    (
        "tailRecM3 (\\a b c -> Just (if a == 0 then Done (b * c) else Loop { a: a - 1, b: b + 1, c })) 3 0 5",
        "Just 15",
    ),
    (
        "do\n  r <- Ref.new 0\n  whileJust (Ref.modify (_ + 1) r <#> \\n -> if n > 3 then Nothing else Just [n])",
        "[1,2,3]",
    ),
    ("do\n  r <- Ref.new 0\n  untilJust (Ref.modify (_ + 1) r <#> \\n -> if n > 3 then Just n else Nothing)", "4"),
    ('[map (_ + 1) (Done 1), map (_ + 1) (Loop "a")] <#> case _ of\n  Done n -> n\n  Loop s -> 0', "[2,0]"),
    (
        "[bimap (_ + 1) show (Loop 1 :: Step Int Int), bimap (_ + 1) show (Done 2)] <#> case _ of\n  Loop n -> show n\n  Done s -> s",
        '["2","2"]',
    ),
    (
        'catchException (\\e -> pure (message e)) do\n  r <- Ref.new 0\n  forever do\n    n <- Ref.modify (_ + 1) r\n    when (n > 50) (throw "done")',
        '"done"',
    ),
    (
        "[tailRec2 (\\a b -> if a == 0 then Done b else loop2 (a - 1) (b + a)) 4 0, tailRec3 (\\a b c -> if a == 0 then Done (b * c) else loop3 (a - 1) (b + 1) c) 3 0 5]",
        "[10,15]",
    ),
    # Data.Function.Uncurried
    ("runFn0 (mkFn0 \\_ -> 42)", "42"),
    ("runFn1 (mkFn1 (\\a -> a)) 1", "1"),
    # `Fn1 a r` is `a -> r`: applied directly, and a plain function is one
    ("[mkFn1 (_ + 1) 1, runFn1 (_ * 3) 2, (negate :: Fn1 Int Int) 4]", "[2,6,-4]"),
    ("runFn2 (mkFn2 (\\a b -> a + b)) 1 2", "3"),
    ("runFn3 (mkFn3 (\\a b c -> a + b + c)) 1 2 3", "6"),
    ("runFn4 (mkFn4 (\\a b c d -> a + b + c + d)) 1 2 3 4", "10"),
    ("runFn5 (mkFn5 (\\a b c d e -> a + b + c + d + e)) 1 2 3 4 5", "15"),
    ("runFn6 (mkFn6 (\\a b c d e f -> a + b + c + d + e + f)) 1 2 3 4 5 6", "21"),
    ("runFn7 (mkFn7 (\\a b c d e f g -> a + b + c + d + e + f + g)) 1 2 3 4 5 6 7", "28"),
    ("runFn8 (mkFn8 (\\a b c d e f g h -> a + b + c + d + e + f + g + h)) 1 2 3 4 5 6 7 8", "36"),
    ("runFn9 (mkFn9 (\\a b c d e f g h i -> a + b + c + d + e + f + g + h + i)) 1 2 3 4 5 6 7 8 9", "45"),
    ("runFn10 (mkFn10 (\\a b c d e f g h i j -> a + b + c + d + e + f + g + h + i + j)) 1 2 3 4 5 6 7 8 9 10", "55"),
    # Effect.Uncurried
    ("runEffectFn1 (mkEffectFn1 (\\a -> pure (a))) 1", "1"),
    ("runEffectFn2 (mkEffectFn2 (\\a b -> pure (a + b))) 1 2", "3"),
    ("runEffectFn3 (mkEffectFn3 (\\a b c -> pure (a + b + c))) 1 2 3", "6"),
    ("runEffectFn4 (mkEffectFn4 (\\a b c d -> pure (a + b + c + d))) 1 2 3 4", "10"),
    ("runEffectFn5 (mkEffectFn5 (\\a b c d e -> pure (a + b + c + d + e))) 1 2 3 4 5", "15"),
    ("runEffectFn6 (mkEffectFn6 (\\a b c d e f -> pure (a + b + c + d + e + f))) 1 2 3 4 5 6", "21"),
    ("runEffectFn7 (mkEffectFn7 (\\a b c d e f g -> pure (a + b + c + d + e + f + g))) 1 2 3 4 5 6 7", "28"),
    ("runEffectFn8 (mkEffectFn8 (\\a b c d e f g h -> pure (a + b + c + d + e + f + g + h))) 1 2 3 4 5 6 7 8", "36"),
    (
        "runEffectFn9 (mkEffectFn9 (\\a b c d e f g h i -> pure (a + b + c + d + e + f + g + h + i))) 1 2 3 4 5 6 7 8 9",
        "45",
    ),
    (
        "runEffectFn10 (mkEffectFn10 (\\a b c d e f g h i j -> pure (a + b + c + d + e + f + g + h + i + j))) 1 2 3 4 5 6 7 8 9 10",
        "55",
    ),
]

FAILING: list[tuple[str, str]] = [
    ('throw "not caught" :: Effect Int', "uncaught exception: Error: not caught"),
    ("catchException (\\_ -> pure 0) (pure unit >>= \\_ -> pure (deep 0))", "recursion deeper"),
]
