"""Nova's syntax front-end: lexer, layout rule, parser with error recovery, and operator fixity resolution.

Public API:
- `parse_module(source) -> ParsedModule` (never raises; `.module` is always an `ast.Module`)
- `resolve_fixity(module, fixities) -> (module, diagnostics)` re-associates the flat operator chains
- `module_fixities(module) -> dict[str, Fixity]` for the module's own fixity declarations
"""

from __future__ import annotations

from nova.syntax import ast
from nova.syntax.fixity import DEFAULT_FIXITY, Fixity, module_fixities, resolve_fixity
from nova.syntax.parser import ParsedModule, parse_module

__all__ = [
    "DEFAULT_FIXITY",
    "Fixity",
    "ParsedModule",
    "ast",
    "module_fixities",
    "parse_module",
    "resolve_fixity",
]
