"""Signatures a module lacks: each top-level value written without one, with the signature the checker inferred,
ready to insert above its first clause (what the "add signature" code lens and quick fix offer)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nova.ide.inlay_hints import signed_names
from nova.syntax import ast


@dataclass(frozen=True, slots=True)
class MissingSignature:
    """`line`/`indent`: where the declaration starts (the signature goes on its own line above it)."""

    name: str
    line: int
    indent: int
    signature: str


def operator_safe(name: str) -> str:
    return name if name[:1].isalnum() or name[:1] in "_'" else f"({name})"


def missing_signatures(elements: Mapping[str, Any], module: ast.Module,
                       qualify: Mapping[tuple[str, str], str] | None = None) -> list[MissingSignature]:
    """`qualify` (`nova.ide.hover.type_names`) names types as the module imports them, so that the inserted
    signature reads as the module's own code would (`M.Map` after `import Data.Map as M`) and checks."""
    from nova.types.pretty import print_scheme

    signed, _ = signed_names(module, (0, -1))  # an empty line range: top-level signatures only
    found: list[MissingSignature] = []
    for element in elements.values():
        if getattr(element, "kind", None) != "value" or element.name in signed or element.scheme is None:
            continue
        span = element.span
        shown = print_scheme(element.scheme, qualify=qualify)
        found.append(MissingSignature(element.name, span.start_line, span.start_col,
                                      f"{operator_safe(element.name)} :: {shown}"))
    found.sort(key=lambda m: m.line)
    return found
