"""What one layer stores per module: an immutable record, replaced whole so readers never see half an update."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from registry.entry import ModuleEntry

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Record:
    """A module's entry with its schemes (T1) and element ASTs (T2) rows, or a tombstone when `entry` is None.

    `schemes` and `elements` are private dicts used by the lookup hot path; `elements_view` is the read-only face
    handed to callers. All three are built once and never mutated, so swapping a Record reference is atomic.
    """

    entry: ModuleEntry | None
    rev: int
    schemes: dict[str, Any]
    elements: dict[str, Any]
    elements_view: Mapping[str, Any]

    @property
    def is_tombstone(self) -> bool:
        return self.entry is None

    def with_rev(self, rev: int) -> Record:
        """The same rows under a new revision (commit and bump)."""
        entry = None if self.entry is None else dataclasses.replace(self.entry, rev=rev)
        return Record(entry, rev, self.schemes, self.elements, self.elements_view)

    def same_content(self, exports: Mapping[str, Any], elements: Mapping[str, Any], imports: tuple[str, ...]) -> bool:
        """True when a put of these values would change nothing a reader can see (no-op suppression)."""
        if self.entry is None:
            return False
        return self.entry.imports == imports and self.schemes == dict(exports) and self.elements == dict(elements)


def live_record(entry: ModuleEntry) -> Record:
    """Wrap an entry whose `exports` and `ast.elements` are already private copies owned by the registry."""
    schemes = dict(entry.exports)
    elements = dict(entry.ast.elements)
    frozen_entry = dataclasses.replace(entry, exports=MappingProxyType(schemes))
    return Record(frozen_entry, entry.rev, schemes, elements, MappingProxyType(elements))


def tombstone(rev: int) -> Record:
    """A module removed in a layer: it hides the module of every layer below."""
    return Record(None, rev, {}, {}, _EMPTY)


def exports_of(record: Record | None) -> Mapping[str, Any] | None:
    """The exports a view shows for a record (None when the module is absent), for early-cutoff comparison."""
    return None if record is None else record.schemes
