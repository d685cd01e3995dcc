"""Examples: `Record` (get, set, modify, insert, delete, rename, merge, union, disjointUnion, nub, equal) and
`Record.Unsafe.Union`, as purescript-record documents them."""

HEADER = """
import Prelude
import Data.Function.Uncurried (runFn2)
import Record as Record
import Record.Unsafe.Union (unsafeUnion, unsafeUnionFn)
import Type.Proxy (Proxy(..))
"""

EXAMPLES: list[tuple[str, str]] = [
    ('Record.get (Proxy :: Proxy "x") { x: 1, y: "a" }', "1"),
    ('Record.set (Proxy :: Proxy "x") "a" { x: 1, y: 2 }', '{ x: "a", y: 2 }'),
    ('Record.modify (Proxy :: Proxy "x") show { x: 1, y: 2 }', '{ x: "1", y: 2 }'),
    ('Record.insert (Proxy :: Proxy "z") true { x: 1 }', "{ x: 1, z: true }"),
    ('Record.delete (Proxy :: Proxy "x") { x: 1, y: 2 }', "{ y: 2 }"),
    ('Record.rename (Proxy :: Proxy "x") (Proxy :: Proxy "w") { x: 1, y: 2 }', "{ w: 1, y: 2 }"),
    ('Record.merge { x: 1, y: "y" } { y: 2, z: true }', '{ x: 1, y: "y", z: true }'),
    ("Record.disjointUnion { a: 5 } { b: 6 }", "{ a: 5, b: 6 }"),
    (
        '(Record.nub (Record.union { x: 1, y: "y" } { y: 2, z: true }) :: { x :: Int, y :: String, z :: Boolean })',
        '{ x: 1, y: "y", z: true }',
    ),
    ('Record.equal { x: 1, y: "a" } { x: 1, y: "a" }', "true"),
    ('Record.equal { x: 1, y: "a" } { x: 1, y: "b" }', "false"),
    ("Record.equal {} {}", "true"),
    ("(unsafeUnion { x: 1 } { x: 2, y: 3 } :: { x :: Int, y :: Int })", "{ x: 1, y: 3 }"),
    ("(runFn2 unsafeUnionFn { x: 1 } { y: 3 } :: { x :: Int, y :: Int })", "{ x: 1, y: 3 }"),
    ('Record.get (Proxy :: Proxy "y") (Record.insert (Proxy :: Proxy "y") [1] { x: 0 })', "[1]"),
]
