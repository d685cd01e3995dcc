"""The semantic token legend: the token types and modifiers `nova.ide.semantic_tokens` classifies names into, by
index. A module of its own so that the server can announce the legend in its capabilities without importing the
classifier (and the syntax and typed trees it walks) before the first request for tokens."""

from __future__ import annotations

TOKEN_TYPES: tuple[str, ...] = (
    "namespace", "type", "interface", "typeParameter", "enumMember", "function", "variable", "parameter",
    "property", "operator", "method",
)
TOKEN_MODIFIERS: tuple[str, ...] = (
    "declaration", "definition", "readonly", "defaultLibrary", "effectful", "constructor",
)
