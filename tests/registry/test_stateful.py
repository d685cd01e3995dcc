"""Random sequences of writes over a few layers, every lookup compared with a deliberately naive reference model."""

from __future__ import annotations

from dataclasses import dataclass, field

import hypothesis.strategies as st
import pytest
from hypothesis import settings
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from registry import InterfaceUpdated, Layer, RegistryError
from tests.registry.fakes import FakeElement, FakeModuleAst, FakeScheme

MODULES = ("A", "B", "C", "Data.D")
KEYS_BY_TAG = {0: ("f", "g"), 1: ("f",), 2: ("f", "g", "type:T")}
ALL_KEYS = ("f", "g", "type:T", "absent")


@dataclass(frozen=True)
class Content:
    tag: int
    imports: tuple[str, ...]

    def exports(self, module: str) -> dict[str, FakeScheme]:
        return {key: FakeScheme(f"{module}.{key}#{self.tag}") for key in KEYS_BY_TAG[self.tag]}

    def elements(self, module: str) -> dict[str, FakeElement]:
        return {key: FakeElement(key, "value", f"{module}.{key}#{self.tag}") for key in KEYS_BY_TAG[self.tag]}


@dataclass
class ModelLayer:
    """A layer as the model sees it: own rows (None = tombstone) looked up by walking parents, nothing clever."""

    parent: int | None
    root: bool = False
    alive: bool = True
    own: dict[str, tuple[Content, int] | None] = field(default_factory=dict)


def exports_of(module: str, row: tuple[Content, int] | None) -> dict[str, FakeScheme] | None:
    return None if row is None else row[0].exports(module)


content_strategy = st.builds(
    Content,
    tag=st.sampled_from(sorted(KEYS_BY_TAG)),
    imports=st.lists(st.sampled_from(MODULES), max_size=2, unique=True).map(tuple),
)
selection_strategy = st.none() | st.lists(st.sampled_from(MODULES), max_size=3)


class RegistryMachine(RuleBasedStateMachine):
    layers = Bundle("layers")

    def __init__(self) -> None:
        super().__init__()
        self.real: list[Layer] = []
        self.model: list[ModelLayer] = []
        self.max_rev = 0
        self.events: list[list[InterfaceUpdated]] = []  # what each layer's subscriber was told
        self.last_views: dict[int, dict[str, tuple[Content, int] | None]] = {}

    def add_layer(self, real: Layer, model: ModelLayer) -> int:
        self.real.append(real)
        self.model.append(model)
        self.events.append([])
        real.subscribe(self.events[-1].append)
        return len(self.real) - 1

    # -------------------------------------------------------------- model helpers

    def visible(self, index: int, module: str) -> tuple[Content, int] | None:
        layer: int | None = index
        while layer is not None:
            if module in self.model[layer].own:
                return self.model[layer].own[module]
            layer = self.model[layer].parent
        return None

    def visible_modules(self, index: int) -> set[str]:
        return {module for module in MODULES if self.visible(index, module) is not None}

    def model_dependents(self, index: int, module: str) -> set[str]:
        found: set[str] = set()
        frontier = [module]
        while frontier:
            target = frontier.pop()
            for other in MODULES:
                row = self.visible(index, other)
                if row is not None and target in row[0].imports and other not in found:
                    found.add(other)
                    frontier.append(other)
        return found

    def model_depends_on(self, index: int, module: str, dependency: str) -> bool:
        seen: set[str] = set()
        frontier = [module]
        while frontier:
            row = self.visible(index, frontier.pop())
            for imported in () if row is None else row[0].imports:
                if imported == dependency:
                    return True
                if imported not in seen:
                    seen.add(imported)
                    frontier.append(imported)
        return False

    def descendants(self, index: int) -> list[int]:
        children = [i for i, layer in enumerate(self.model) if layer.parent == index and layer.alive]
        return children + [d for child in children for d in self.descendants(child)]

    def fresh_rev(self, rev: int | None) -> int:
        assert rev is not None and rev > self.max_rev, (rev, self.max_rev)
        self.max_rev = rev
        return rev

    def writable(self, index: int) -> bool:
        return self.model[index].alive and not self.model[index].root

    # -------------------------------------------------------------- rules

    @rule(target=layers, contents=st.dictionaries(st.sampled_from(MODULES), content_strategy, max_size=3))
    def new_root(self, contents: dict[str, Content]) -> int:
        from registry import ModuleEntry

        entries = [
            ModuleEntry(m, c.exports(m), FakeModuleAst(c.elements(m)), None, 0, c.imports) for m, c in contents.items()
        ]
        root = Layer.new_root(entries)
        model = ModelLayer(parent=None, root=True)
        for module, content in sorted(contents.items(), key=lambda item: root.revision(item[0]) or 0):
            model.own[module] = (content, self.fresh_rev(root.revision(module)))
        return self.add_layer(root, model)

    @rule(target=layers, parent=layers)
    def begin_batch(self, parent: int) -> int:
        if not self.model[parent].alive:
            with pytest.raises(RegistryError):
                self.real[parent].begin_batch()
            return parent
        return self.add_layer(self.real[parent].begin_batch(), ModelLayer(parent=parent))

    @rule(layer=layers, module=st.sampled_from(MODULES), content=content_strategy)
    def put(self, layer: int, module: str, content: Content) -> None:
        real = self.real[layer]
        args = (module, content.exports(module), FakeModuleAst(content.elements(module)), {"env": content.tag})
        if not self.writable(layer):
            with pytest.raises(RegistryError):
                real.put(*args, imports=content.imports)
            return
        stored = real.put(*args, imports=content.imports)
        before = self.visible(layer, module)
        if before is not None and before[0] == content:
            assert stored.rev == before[1]  # no-op put: nothing changes
        else:
            self.model[layer].own[module] = (content, self.fresh_rev(stored.rev))

    @rule(layer=layers, module=st.sampled_from(MODULES))
    def remove(self, layer: int, module: str) -> None:
        if not self.writable(layer):
            with pytest.raises(RegistryError):
                self.real[layer].remove(module)
            return
        self.real[layer].remove(module)
        self.model[layer].own[module] = None

    @rule(layer=layers, module=st.sampled_from(MODULES))
    def bump(self, layer: int, module: str) -> None:
        row = self.visible(layer, module)
        if not self.writable(layer) or row is None:
            with pytest.raises(RegistryError):
                self.real[layer].bump(module)
            return
        self.model[layer].own[module] = (row[0], self.fresh_rev(self.real[layer].bump(module)))

    @rule(layer=layers, selection=selection_strategy)
    def commit(self, layer: int, selection: list[str] | None) -> None:
        model = self.model[layer]
        parent = model.parent
        if not self.writable(layer) or parent is None or self.model[parent].root:
            with pytest.raises(RegistryError):
                self.real[layer].commit(selection)
            return
        expected = sorted(model.own) if selection is None else list(dict.fromkeys(selection))
        expected = [name for name in expected if name in model.own]
        assert self.real[layer].commit(selection) == expected
        for name in expected:
            row = model.own.pop(name)
            if row is None:
                self.model[parent].own[name] = None
            else:
                self.model[parent].own[name] = (row[0], self.fresh_rev(self.real[parent].revision(name)))
        if selection is None:
            model.alive = False
            for child in self.model:
                if child.parent == layer and child.alive:
                    child.parent = parent

    @rule(layer=layers, selection=selection_strategy)
    def discard(self, layer: int, selection: list[str] | None) -> None:
        if not self.writable(layer):
            with pytest.raises(RegistryError):
                self.real[layer].discard(selection)
            return
        self.real[layer].discard(selection)
        if selection is None:
            for dead in [layer, *self.descendants(layer)]:
                self.model[dead].alive = False
        else:
            for name in selection:
                self.model[layer].own.pop(name, None)

    # -------------------------------------------------------------- every lookup against the model

    @invariant()
    def subscribers_are_told_exactly_what_changed_in_their_view(self) -> None:
        """Each live layer's subscriber got one event per module whose visible row changed in the last step."""
        views = {
            index: {module: self.visible(index, module) for module in MODULES}
            for index, layer in enumerate(self.model)
            if layer.alive
        }
        for index, events in enumerate(self.events):
            before, after = self.last_views.get(index), views.get(index)
            if before is None or after is None:  # created or killed in this step
                events.clear()
                continue
            expected = sorted(
                (module, exports_of(module, before[module]) != exports_of(module, after[module]))
                for module in MODULES
                if before[module] != after[module]
            )
            assert sorted((event.module, event.exports_changed) for event in events) == expected
            for event in events:
                row = after[event.module]
                if row is not None:
                    assert event.rev == row[1]
            events.clear()
        self.last_views = views

    @invariant()
    def lookups_match_the_model(self) -> None:
        for index, real in enumerate(self.real):
            if not self.model[index].alive:
                continue
            assert real.modules() == self.visible_modules(index)
            for module in MODULES:
                row = self.visible(index, module)
                got = real.get(module)
                if row is None:
                    assert got is None and real.revision(module) is None and dict(real.elements(module)) == {}
                    assert all(real.scheme(module, key) is None for key in ALL_KEYS)
                    continue
                content, rev = row
                assert got is not None and got.rev == rev == real.revision(module)
                assert got.imports == content.imports and dict(got.exports) == content.exports(module)
                assert dict(real.elements(module)) == content.elements(module)
                for key in ALL_KEYS:
                    assert real.scheme(module, key) == content.exports(module).get(key)
                    assert real.element(module, key) == content.elements(module).get(key)
                assert real.dependents(module) == self.model_dependents(index, module)
                for other in MODULES:
                    assert real.depends_on(module, other) == self.model_depends_on(index, module, other)


RegistryMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
TestRegistryAgainstModel = RegistryMachine.TestCase
