"""Nova's syntax front-end: lexer, layout rule, parser with error recovery, and operator fixity resolution.

Public API:
- `parse_module(source) -> ParsedModule`: never raises; `.module` is always an `ast.Module`, `.diagnostics` holds
  lexical and syntax diagnostics, `.broken` the top-level declarations dropped by a syntax error (with the
  element key they would have defined).
- `resolve_fixity(module, fixities) -> (module, diagnostics)`: rewrites the flat operator chains (`OpChain`,
  `PatOpChain`, `TypeOpChain`) into `BinOp`/`PatBinOp`/`TypeBinOp` using a table keyed by operator
  (`"<>"`, qualified `"M.<>"`, type operators `"type:/\\"`); missing operators are `infixl 9`.
- `module_fixities(module) -> dict[str, Fixity]` for the module's own fixity declarations.
- `resolve_operators(operands, operators, fixities, make)` re-associates a single chain.
- `ast.group_declarations(decls)` / `ast.decl_key(decl)`: declarations by registry element key (a signature and
  all clauses of `f` under "f", `type:T`, `class:C`, `instance:name`).

Pipeline: `lexer.lex` (tokens with offsets, lines, code-point columns) → `layout.layout` (virtual block tokens,
PureScript's algorithm) → `parser.Parser` (recursive descent) → `fixity.resolve_fixity` (once imports are known).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nova.syntax import ast
from nova.syntax.fixity import DEFAULT_FIXITY, Fixity, module_fixities, resolve_fixity, resolve_operators

if TYPE_CHECKING:
    from nova.syntax.parser import ParsedModule, parse_module


def __getattr__(name: str) -> Any:
    """The parser (lexer, layout) is imported on first use: reading cached interfaces needs only `Fixity`."""
    if name in ("ParsedModule", "parse_module"):
        from nova.syntax import parser

        return getattr(parser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_FIXITY",
    "Fixity",
    "ParsedModule",
    "ast",
    "module_fixities",
    "parse_module",
    "resolve_fixity",
    "resolve_operators",
]
