"""Examples: Data.Array.ST's splice/unshiftAll/toAssocArray, Data.Array.ST.Partial, Effect.Unsafe and
Effect.Exception.Unsafe."""

HEADER = r"""
import Prelude
import Control.Monad.ST as ST
import Data.Array.ST as STA
import Data.Array.ST.Partial as STP
import Data.Either (Either(..))
import Effect (Effect)
import Effect.Console (log)
import Effect.Exception (message, try)
import Effect.Exception.Unsafe (unsafeThrow, unsafeThrowException)
import Effect.Exception (error)
import Effect.Unsafe (unsafePerformEffect)
import Partial.Unsafe (unsafePartial)

spliced :: Int -> Int -> Array Int -> { removed :: Array Int, left :: Array Int }
spliced start count items = ST.run do
  xs <- STA.thaw [1, 2, 3, 4, 5]
  removed <- STA.splice start count items xs
  left <- STA.freeze xs
  pure { removed, left }

-- | `try` around an effect that evaluates `unsafeThrow`: the exception is caught like one from `throwException`.
caught :: Effect String
caught = try (pure unit >>= \_ -> pure (unsafeThrow "deep" :: Int)) <#> case _ of
  Left e -> message e
  Right n -> show n
"""

EXAMPLES: list[tuple[str, str]] = [
    (
        "[spliced 1 2 [9], spliced (-2) 1 [], spliced 9 1 [7], spliced 0 (-1) [0]]",
        "[{ left: [1,9,4,5], removed: [2,3] },{ left: [1,2,3,5], removed: [4] },{ left: [1,2,3,4,5,7], removed: [] },{ left: [0,1,2,3,4,5], removed: [] }]",
    ),
    (
        "STA.run (STA.thaw [3] >>= \\xs -> STA.unshiftAll [1, 2] xs >>= \\n -> STA.push n xs >>= \\_ -> pure xs)",
        "[1,2,3,3]",
    ),
    ("ST.run (STA.thaw ['a', 'b'] >>= STA.toAssocArray)", "[{ index: 0, value: 'a' },{ index: 1, value: 'b' }]"),
    (
        "ST.run (STA.thaw [5, 6] >>= \\xs -> unsafePartial (STP.poke 0 7 xs) >>= \\_ -> unsafePartial (STP.peek 0 xs))",
        "7",
    ),
    ("unsafePerformEffect (pure 3) + 1", "4"),
    ('unsafePerformEffect (log "side" >>= \\_ -> pure 1)', "1"),
    ("caught", '"deep"'),
]

FAILING: list[tuple[str, str]] = [
    ('unsafeThrow "stop" :: Int', "uncaught exception: Error: stop"),
    ('unsafeThrowException (error "halt") :: Int', "uncaught exception: Error: halt"),
    ("ST.run (STA.thaw [5] >>= \\xs -> unsafePartial (STP.peek 3 xs))", "index 3 out of range"),
    ("ST.run (STA.thaw [5] >>= \\xs -> unsafePartial (STP.poke 3 0 xs))", "index 3 out of range"),
]
