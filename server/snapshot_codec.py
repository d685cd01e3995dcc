"""The converter the server hands to `registry.dump`/`restore`: `nova.compact`, where the lazily decoded values
live (worker processes of a parallel check send their results in the same form)."""

from nova.compact import (
    LazyElement,
    LazyEnv,
    LazyScheme,
    lazy_converter,
    on_corrupt,
    pending_blob,
    structure_typed_module,
    structure_value,
    unstructure_typed_module,
    unstructure_value,
)

__all__ = [
    "LazyElement",
    "LazyEnv",
    "LazyScheme",
    "lazy_converter",
    "on_corrupt",
    "pending_blob",
    "structure_typed_module",
    "structure_value",
    "unstructure_typed_module",
    "unstructure_value",
]
