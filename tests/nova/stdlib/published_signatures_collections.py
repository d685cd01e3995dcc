"""The published signatures of the collection packages' modules (arrays, lists, strings, ordered-collections), in
the format of `published_signatures.py` (one `name :: type` a line, as the package's source declares it; operators
left out), kept apart because these modules are large. Each entry's source (index id or commit) is named here."""

from __future__ import annotations

SIGNATURES: dict[str, str] = {}
"""PureScript module → its exported values' published signatures."""

IMPORTS: dict[str, str] = {}
"""Imports a module's signatures need besides the common ones and the module itself."""

DIFFERS: dict[tuple[str, str], str] = {}
"""(module, name) → why Nova's scheme deliberately differs from the published signature."""
