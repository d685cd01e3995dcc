"""The InterfaceRegistry: a layered in-memory store of module interfaces (see ARCHITECTURE.md §2).

Values (schemes, typed ASTs, environments) are opaque to it; it imports nothing else of the project.
"""

from registry.entry import InterfaceUpdated, ModuleEntry, UpdateKind
from registry.errors import RegistryError, SnapshotError
from registry.layer import Layer, Subscriber
from registry.names import is_module_name
from registry.snapshot import SnapshotAst, SnapshotEnv, SnapshotScheme, dump, restore

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
    "restore",
]
