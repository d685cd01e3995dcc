"""A small stand-in for the checker's values: the registry stores them opaquely, so any frozen values will do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import cattrs

from registry import Layer, ModuleEntry, SnapshotAst, SnapshotEnv, SnapshotScheme


@attrs.frozen
class FakeScheme:
    """Plays a type scheme: `generation` lets concurrent tests tell old rows from new ones."""

    text: str
    generation: int = 0


@attrs.frozen
class FakeElement:
    """Plays the typed AST of one declaration."""

    name: str
    kind: str
    body: str
    generation: int = 0


@attrs.frozen
class FakeModuleAst:
    """Plays a typed module AST: the registry only needs `.elements`."""

    elements: Mapping[str, FakeElement]


@attrs.frozen
class FakeEnv:
    names: tuple[str, ...] = ()


def converter() -> cattrs.Converter:
    """The converter a client hands to dump/restore: hooks for the registry's three marker types."""
    conv = cattrs.Converter()
    conv.register_unstructure_hook(SnapshotScheme, lambda value: conv.unstructure(value, FakeScheme))
    conv.register_structure_hook(SnapshotScheme, lambda data, _: conv.structure(data, FakeScheme))
    conv.register_unstructure_hook(SnapshotAst, lambda value: conv.unstructure(value, FakeModuleAst))
    conv.register_structure_hook(SnapshotAst, lambda data, _: conv.structure(data, FakeModuleAst))
    conv.register_unstructure_hook(SnapshotEnv, lambda value: conv.unstructure(value, FakeEnv))
    conv.register_structure_hook(SnapshotEnv, lambda data, _: conv.structure(data, FakeEnv))
    return conv


def module_values(
    module: str, keys: Iterable[str] = ("f",), tag: str = "", generation: int = 0
) -> tuple[dict[str, FakeScheme], FakeModuleAst, FakeEnv]:
    """Exports, typed AST and env for a module whose elements are `keys`; `tag` varies the content."""
    keys = tuple(keys)
    exports = {key: FakeScheme(f"{module}.{key}{tag}", generation) for key in keys}
    elements = {key: FakeElement(key, "value", f"body of {module}.{key}{tag}", generation) for key in keys}
    return exports, FakeModuleAst(elements), FakeEnv(keys)


def entry(module: str, keys: Iterable[str] = ("f",), imports: tuple[str, ...] = (), tag: str = "") -> ModuleEntry:
    exports, ast, env = module_values(module, keys, tag)
    return ModuleEntry(module, exports, ast, env, 0, imports, None)


def put(
    layer: Layer, module: str, keys: Iterable[str] = ("f",), imports: tuple[str, ...] = (), tag: str = ""
) -> ModuleEntry:
    exports, ast, env = module_values(module, keys, tag)
    return layer.put(module, exports, ast, env, imports=imports, source_hash=f"hash:{module}{tag}")


def root_with(*modules: str) -> Layer:
    return Layer.new_root(entry(module) for module in modules)


def record_events(layer: Layer) -> list[Any]:
    events: list[Any] = []
    layer.subscribe(events.append)
    return events
