"""The InterfaceRegistry: a layered in-memory store of module interfaces (see ARCHITECTURE.md §2).

Values (schemes, typed ASTs, environments) are opaque to it; it imports nothing else of the project.
`dump`/`restore` take a cattrs converter with hooks for the marker types `SnapshotScheme` (one exported scheme),
`SnapshotAst` (a module's typed AST) and `SnapshotEnv` (its environment), e.g.
`conv.register_structure_hook(SnapshotScheme, lambda data, _: conv.structure(data, Scheme))` and the matching
`register_unstructure_hook(SnapshotScheme, lambda value: conv.unstructure(value, Scheme))`.
"""

from registry.entry import InterfaceUpdated, ModuleEntry, UpdateKind
from registry.errors import RegistryError, SnapshotError
from registry.layer import Layer, Subscriber
from registry.names import is_module_name
from registry.snapshot import SnapshotAst, SnapshotEnv, SnapshotScheme, dump, reseal, restore

__all__ = [
    "InterfaceUpdated",
    "Layer",
    "ModuleEntry",
    "RegistryError",
    "SnapshotAst",
    "SnapshotEnv",
    "SnapshotError",
    "SnapshotScheme",
    "Subscriber",
    "UpdateKind",
    "dump",
    "is_module_name",
    "reseal",
    "restore",
]
