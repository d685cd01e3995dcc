"""Public value types of the registry: what a module looks like to readers, and what subscribers are told."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from registry.layer import Layer

UpdateKind = Literal["put", "commit", "discard", "remove", "bump"]


@dataclass(frozen=True, slots=True)
class ModuleEntry:
    """One module's interface as stored in a layer.

    `exports` (element key → scheme) and `ast` (an object with `.elements`) are opaque to the registry: it only
    compares them by value (early cutoff, no-op puts) and hands them to the snapshot converter.
    """

    name: str
    exports: Mapping[str, Any]
    ast: Any
    env: Any
    rev: int
    imports: tuple[str, ...] = ()
    source_hash: str | None = None


@dataclass(frozen=True, slots=True)
class InterfaceUpdated:
    """Told to a subscriber of `layer`-visible changes, after the change can be read.

    `layer` is the layer whose method made the change; `rev` is the revision that change produced (for a discard:
    the revision visible again afterwards, or None when the module is gone from the subscriber's view);
    `exports_changed` compares, by value, the exports the subscriber's view showed before and after, so that
    dependents need no re-check when it is False (early cutoff).
    """

    layer: Layer
    module: str
    rev: int | None
    kind: UpdateKind
    exports_changed: bool
