"""Examples: `Record.Builder`, steps composed with `>>>`/`<<<` and run by `build`/`buildFromScratch`; `merge`
and `union` let the argument's fields win (purescript-record v3's change), `flip` swaps that."""

HEADER = """
import Prelude
import Record.Builder (Builder)
import Record.Builder as B
import Type.Proxy (Proxy(..))
"""

EXAMPLES: list[tuple[str, str]] = [
    ('B.build (B.insert (Proxy :: Proxy "x") 42 >>> B.insert (Proxy :: Proxy "y") "t") {}', '{ x: 42, y: "t" }'),
    (
        'B.buildFromScratch (B.insert (Proxy :: Proxy "x") 1 >>> B.modify (Proxy :: Proxy "x") (_ + 1))',
        "{ x: 2 }",
    ),
    ('B.build (B.delete (Proxy :: Proxy "x") <<< B.insert (Proxy :: Proxy "y") 2) { x: 1 }', "{ y: 2 }"),
    ('B.build (B.rename (Proxy :: Proxy "x") (Proxy :: Proxy "z")) { x: 1, y: 2 }', "{ y: 2, z: 1 }"),
    ('B.build (B.merge { x: 1, y: "y" }) { y: 2, z: true }', '{ x: 1, y: "y", z: true }'),
    ('B.build (B.flip B.merge { x: 1, y: "y" }) { y: 2, z: true }', "{ x: 1, y: 2, z: true }"),
    (
        'B.build (B.union { x: 1, y: "y" } >>> B.nub) { y: 2, z: true } :: { x :: Int, y :: String, z :: Boolean }',
        '{ x: 1, y: "y", z: true }',
    ),
    ("B.build (B.disjointUnion { a: 1 }) { b: 2 }", "{ a: 1, b: 2 }"),
    ("B.build (identity :: Builder { a :: Int } { a :: Int }) { a: 3 }", "{ a: 3 }"),
]
