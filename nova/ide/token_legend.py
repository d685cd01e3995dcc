"""The semantic-token legend: the token types and modifiers `nova.ide.semantic_tokens` classifies names into, by
index. Kept apart from the classifier (which needs the syntax tree's classes) so that a language server can
announce the legend at start without importing the parser's tree."""

from __future__ import annotations

TOKEN_TYPES: tuple[str, ...] = (
    "namespace", "type", "interface", "typeParameter", "enumMember", "function", "variable", "parameter",
    "property", "operator", "method",
)
TOKEN_MODIFIERS: tuple[str, ...] = (
    "declaration", "definition", "readonly", "defaultLibrary", "effectful", "constructor",
)
