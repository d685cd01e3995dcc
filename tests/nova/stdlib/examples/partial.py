"""Examples: Partial and Partial.Unsafe."""

HEADER = """
import Prelude
import Partial (crash, crashWith)
import Partial.Unsafe (unsafePartial, unsafeCrashWith)
"""

EXAMPLES: list[tuple[str, str]] = [
    ("unsafePartial (if true then 1 else crash)", "1"),
]

FAILING: list[tuple[str, str]] = [
    ("unsafePartial (crash :: Int)", "Partial.crash: partial function"),
    ('unsafePartial $ crashWith "stopped" :: Int', "stopped"),
    ('unsafeCrashWith "halt" :: Int', "halt"),
]
