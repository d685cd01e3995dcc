"""A workspace held in memory: module texts checked into a batch over a parent layer (the standard library's root
by default). The IDE's fixture tests run on it; a command-line tool could too."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from nova.ide.source import ModuleSource


class MemoryWorkspace:
    """Every text is checked (in import order) into one batch; each module's source keeps its check result and
    parse tree, as an editor's open documents do."""

    def __init__(self, texts: Iterable[str] | Mapping[str, str], parent: Any = None) -> None:
        from nova.workspace import check_workspace

        if parent is None:
            parent = shared_root()
        items = dict(texts) if isinstance(texts, Mapping) else {f"M{i}.nova": t for i, t in enumerate(texts)}
        result = check_workspace(items, parent)
        self._view = result.layer
        self.checked = result.modules
        self.texts = {name: items[path] for name, path in result.paths.items()}
        self._sources: dict[str, ModuleSource] = {}

    @property
    def view(self) -> Any:
        return self._view

    def source(self, module: str) -> ModuleSource | None:
        found = self._sources.get(module)
        if found is not None:
            return found
        text = self.texts.get(module)
        if text is None:
            text = library_text(module)
            if text is None:
                return None
            found = ModuleSource(module, text, self._view.elements(module) or {}, editable=False)
        else:
            checked = self.checked.get(module)
            elements = checked.typed_ast.elements if checked is not None else {}
            found = ModuleSource(module, text, elements, checked)
        self._sources[module] = found
        return found

    def editable_modules(self) -> Iterable[str]:
        return list(self.texts)


_ROOT: Any = None
_LIBRARY: dict[str, str] | None = None


def shared_root() -> Any:
    """The standard library's root layer, built once per process (tests build many workspaces over it)."""
    global _ROOT
    if _ROOT is None:
        from nova.stdlib import load_root

        _ROOT = load_root()
    return _ROOT


def library_text(module: str) -> str | None:
    """The source of a standard library module."""
    global _LIBRARY
    if _LIBRARY is None:
        from nova.stdlib import stdlib_sources
        from nova.syntax import parse_module

        _LIBRARY = {}
        for text in stdlib_sources().values():
            name = parse_module(text).module.name
            if name is not None:
                _LIBRARY[name] = text
    return _LIBRARY.get(module)


def probe_source(view: Any, text: str, previous: Any = None) -> ModuleSource:
    """Check a variant of a module's text in `view` (nothing is stored) — what completion's probes need."""
    from nova.check import check_module
    from nova.syntax import parse_module

    parsed = parse_module(text)
    result = check_module(parsed, view, previous)
    return ModuleSource(result.name, text, result.typed_ast.elements, result, parsed)
