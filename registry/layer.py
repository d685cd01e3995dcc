"""Layers: the root (frozen), baselines and batches, each a copy-on-write view over its parent.

Every layer keeps two persistent maps (HAMTs from `immutables`):
- `_own`: the records put into this layer itself (tombstones included);
- `_records`: the records visible through this layer (own records over the parent's visible ones, no tombstones);
- `_closures`: per visible or imported module, a revision that changes whenever the revision of a module in its
  import closure changes in this view (`closure_revision`).
A lookup is one map probe on `_records`, whatever the depth. A write builds new maps sharing structure with the old
ones (O(log n) per module), then publishes each affected layer by assigning one reference, top-down. Readers take
no lock: every read sees one published map, so the rows of a commit appear together or not at all.
Writers of a whole layer tree share one lock, because a commit also refreshes the views of its siblings.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import immutables

from registry.entry import InterfaceUpdated, ModuleEntry, UpdateKind
from registry.errors import RegistryError
from registry.names import check_module_name
from registry.reclaim import RECLAIMER
from registry.records import Record, exports_of, live_record, tombstone
from registry.revision import REVISIONS

_log = logging.getLogger(__name__)

Subscriber = Callable[[InterfaceUpdated], None]
RecordMap = immutables.Map[str, Record]
ClosureMap = immutables.Map[str, int]
ImporterMap = immutables.Map[str, immutables.Map[str, None]]

_NO_RECORDS: RecordMap = immutables.Map()
_NO_IMPORTERS: ImporterMap = immutables.Map()
_NO_NAMES: immutables.Map[str, None] = immutables.Map()
_NO_CLOSURES: ClosureMap = immutables.Map()
_NO_ELEMENTS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class _Change:
    """A module whose visible record changed in `layer` during one write (used to build events)."""

    layer: Layer
    module: str
    old: Record | None
    new: Record | None


class Layer:
    """One layer of the registry (see ARCHITECTURE.md §2 for the model and the invariants)."""

    __slots__ = (
        "__weakref__",
        "_children",
        "_closures",
        "_dead",
        "_frozen",
        "_importers",
        "_lock",
        "_own",
        "_parent",
        "_records",
        "_subscribers",
        "_view_rev",
    )

    def __init__(self, parent: Layer | None, lock: threading.RLock, *, frozen: bool = False) -> None:
        """Internal: use `Layer.new_root`, `begin_batch` or `restore`."""
        self._parent = parent
        self._lock = lock
        self._frozen = frozen
        self._dead = False
        self._own: RecordMap = _NO_RECORDS
        self._records: RecordMap = _NO_RECORDS if parent is None else parent._records
        self._importers: ImporterMap = _NO_IMPORTERS if parent is None else parent._importers
        self._closures: ClosureMap = _NO_CLOSURES if parent is None else parent._closures
        self._children: weakref.WeakSet[Layer] = weakref.WeakSet()
        self._subscribers: tuple[Subscriber, ...] = ()
        self._view_rev = REVISIONS.next()

    def __repr__(self) -> str:
        kind = "root" if self._frozen else "dead layer" if self._dead else "layer"
        return f"<{kind} own={len(self._own)} visible={len(self._records)} view_revision={self._view_rev}>"

    # ------------------------------------------------------------------ construction

    @classmethod
    def new_root(cls, entries: Iterable[ModuleEntry]) -> Layer:
        """A frozen root holding `entries` (each given a fresh revision); nothing can be put or committed into it."""
        records: dict[str, Record] = {}
        for entry in entries:
            if not isinstance(entry, ModuleEntry):
                raise RegistryError(f"new_root expects ModuleEntry values, got {type(entry).__name__}")
            name = check_module_name(entry.name)
            if name in records:
                raise RegistryError(f"module {name!r} appears twice in the root entries")
            exports, ast, imports = _checked_values(name, entry.exports, entry.ast, entry.imports)
            fresh = ModuleEntry(name, exports, ast, entry.env, REVISIONS.next(), imports, entry.source_hash)
            records[name] = live_record(fresh)
        return cls._from_records(records, parent=None)

    @classmethod
    def _from_records(cls, records: Mapping[str, Record], parent: Layer | None) -> Layer:
        """A complete layer built before anyone can see it (root, or a restored child of `parent`)."""
        if parent is None:
            layer = cls(None, threading.RLock(), frozen=True)
            layer._own = immutables.Map({name: rec for name, rec in records.items() if not rec.is_tombstone})
            layer._records = layer._own
            layer._importers = _add_importers(_NO_IMPORTERS, layer._own.values())
            revision = REVISIONS.next()
            layer._closures = immutables.Map({name: revision for name in layer._own})
            return layer
        with parent._lock:
            parent._check_alive("restore a snapshot onto")
            layer = cls(parent, parent._lock)
            layer._own = immutables.Map(records)
            parent._children.add(layer)
            _refresh(layer, records.keys(), [])
            return layer

    def pinned(self) -> Layer:
        """A frozen layer showing what this one shows now, in O(1): consistent reads across many lookups.

        A lookup is atomic on its own; a pass that reads several modules (a type check on a worker thread) reads
        through a pinned view to see them all as of one instant, whatever commits land meanwhile.
        """
        with self._lock:  # brief: only so that the dependency index matches the rows it indexes
            records, importers, closures = self._records, self._importers, self._closures
        view = Layer(None, threading.RLock(), frozen=True)
        view._own = view._records = records
        view._importers = importers
        view._closures = closures
        return view

    def begin_batch(self) -> Layer:
        """A child layer that sees everything this one shows and isolates what is put into it until commit."""
        with self._lock:
            self._check_alive("begin a batch on")
            child = Layer(self, self._lock)
            self._children.add(child)
            return child

    # ------------------------------------------------------------------ lookups (no lock)

    # Lookups index the map (`m[k]`, a C slot) and catch the miss: measurably cheaper than `m.get(k)` on a HAMT.

    def get(self, module: str) -> ModuleEntry | None:
        try:
            return self._records[module].entry
        except KeyError:
            return None

    def scheme(self, module: str, key: str) -> Any:
        """T1: the scheme of element `key` of `module` in this view, or None."""
        try:
            return self._records[module].schemes.get(key)
        except KeyError:
            return None

    def element(self, module: str, key: str) -> Any:
        """T2: the typed AST of element `key` of `module` in this view, or None."""
        try:
            return self._records[module].elements.get(key)
        except KeyError:
            return None

    def elements(self, module: str) -> Mapping[str, Any]:
        """Every element AST of `module` (read-only; empty when the module is not visible)."""
        try:
            return self._records[module].elements_view
        except KeyError:
            return _NO_ELEMENTS

    def modules(self) -> set[str]:
        return set(self._records.keys())

    def revision(self, module: str) -> int | None:
        try:
            return self._records[module].rev
        except KeyError:
            return None

    def depends_on(self, module: str, dependency: str) -> bool:
        """True when `module` imports `dependency`, directly or transitively, in this view (cycle check)."""
        records = self._records
        seen: set[str] = set()
        stack = [module]
        while stack:
            rec = records.get(stack.pop())
            if rec is None or rec.entry is None:
                continue
            for imported in rec.entry.imports:
                if imported == dependency:
                    return True
                if imported not in seen:
                    seen.add(imported)
                    stack.append(imported)
        return False

    def dependents(self, module: str) -> set[str]:
        """Modules of this view that import `module`, directly or transitively (what a change must re-check)."""
        importers = self._importers
        found: set[str] = set()
        stack = [module]
        while stack:
            for importer in importers.get(stack.pop(), _NO_NAMES):
                if importer not in found:
                    found.add(importer)
                    stack.append(importer)
        return found

    def closure_revision(self, module: str) -> int | None:
        """A number that changes whenever the revision of `module` or of any module it imports, directly or
        transitively, changes in this view (one appearing or disappearing included), and only then; None while
        neither the module nor anything it would import ever changed in this view.

        O(1): a pass that depends on a module's whole import closure (what the closure's interfaces declare) keys
        its result by this instead of walking the closure. Equal numbers for a module, in any two layers, mean the
        same revisions of its closure: a number is only shared by a batch and the layer it was copied from while
        they show the same. Values put again in another form under the same revision (`replace_values`) keep it.
        """
        return self._closures.get(module)

    @property
    def view_revision(self) -> int:
        """A number that grows whenever anything visible through this layer changes (and only then).

        A cache key for results that read only through this layer (salsa's durability): the root's never changes,
        a baseline's stays put while edits come and go in the batches above it. Read it before the data it keys.
        """
        return self._view_rev

    @property
    def parent(self) -> Layer | None:
        return self._parent

    @property
    def is_root(self) -> bool:
        return self._frozen

    @property
    def is_dead(self) -> bool:
        """True once the layer was discarded or committed whole; it accepts no more writes."""
        return self._dead

    def own_modules(self) -> set[str]:
        """Modules put or removed in this layer itself (what a whole commit or discard would move or drop)."""
        return set(self._own.keys())

    # ------------------------------------------------------------------ writes

    def put(
        self,
        module: str,
        exports: Mapping[str, Any],
        typed_ast: Any,
        env: Any,
        imports: Iterable[str] = (),
        source_hash: str | None = None,
    ) -> ModuleEntry:
        """Store a module's interface in this layer, shadowing the whole module below.

        A put that would show readers the same exports, element ASTs and imports as now is suppressed: no new
        revision, no event; the entry already visible is returned.
        """
        check_module_name(module)
        exports, typed_ast, imports_tuple = _checked_values(module, exports, typed_ast, imports)
        with self._lock:
            self._check_writable("put into")
            visible = self._records.get(module)
            if visible is not None and visible.same_content(exports, typed_ast.elements, imports_tuple):
                assert visible.entry is not None
                return visible.entry
            rev = REVISIONS.next()
            record = live_record(ModuleEntry(module, exports, typed_ast, env, rev, imports_tuple, source_hash))
            self._own = self._own.set(module, record)
            changes: list[_Change] = []
            _refresh(self, (module,), changes)
        assert record.entry is not None
        _deliver(changes, self, "put", rev)
        return record.entry

    def bump(self, module: str) -> int:
        """Give the module visible here a new revision in this layer (forces caches keyed on rev to refresh)."""
        check_module_name(module)
        with self._lock:
            self._check_writable("bump a module in")
            visible = self._records.get(module)
            if visible is None:
                raise RegistryError(f"cannot bump {module!r}: no such module in this layer's view")
            rev = REVISIONS.next()
            self._own = self._own.set(module, visible.with_rev(rev))
            changes: list[_Change] = []
            _refresh(self, (module,), changes)
        _deliver(changes, self, "bump", rev)
        return rev

    def replace_values(self, module: str, exports: Mapping[str, Any], typed_ast: Any, env: Any) -> bool:
        """Swap the values of a module put in this layer for equal ones in another form (compact ones, decoded on
        first read), keeping its revision and imports and telling no subscriber: readers see the same module.
        The caller vouches for the equality (the registry would have to decode the values to compare them).
        False when this layer holds no such module itself."""
        check_module_name(module)
        with self._lock:
            self._check_writable("replace values in")
            current = self._own.get(module)
            if current is None or current.entry is None:
                return False
            entry = current.entry
            exports, typed_ast, imports = _checked_values(module, exports, typed_ast, entry.imports)
            if set(exports) != set(entry.exports) or set(typed_ast.elements) != set(current.elements):
                raise RegistryError(f"replace_values of {module!r}: other keys than the module holds")
            record = live_record(ModuleEntry(module, exports, typed_ast, env, current.rev, imports,
                                             entry.source_hash))
            self._own = self._own.set(module, record)
            _refresh(self, (module,), [])
        return True

    def remove(self, module: str) -> None:
        """Tombstone `module` in this layer: it disappears from this view even if a lower layer has it."""
        check_module_name(module)
        with self._lock:
            self._check_writable("remove a module from")
            rev = REVISIONS.next()
            self._own = self._own.set(module, tombstone(rev))
            changes: list[_Change] = []
            _refresh(self, (module,), changes)
        _deliver(changes, self, "remove", rev)

    def commit(self, modules: Iterable[str] | None = None) -> list[str]:
        """Move this batch's rows for `modules` (None: all, and the batch dies) into the parent, atomically.

        Each committed module gets a new revision. Readers of the parent see all the committed modules change at
        once; readers of this batch see only their revisions change. Names not put in this batch are skipped.
        """
        with self._lock:
            self._check_writable("commit")
            parent = self._parent
            if parent is None or parent._frozen:
                raise RegistryError("cannot commit into the root layer: it is frozen")
            parent._check_alive("commit into")
            names = self._selected(modules)
            changes: list[_Change] = []
            if names:
                moved = {name: self._own[name].with_rev(REVISIONS.next()) for name in names}
                # 1. this batch shows the new revisions (same rows); 2. the parent publishes all rows at once;
                # 3. the batch drops its copies, which now equal what it sees through the parent.
                self._own = _set_all(self._own, moved)
                _refresh(self, names, changes)
                parent._own = _set_all(parent._own, moved)
                _refresh(parent, names, changes)
                self._own = _delete_all(self._own, names)
                _refresh(self, names, changes)
            if modules is None:
                self._retire_into(parent)
        _deliver(changes, self, "commit", None)
        return names

    def discard(self, modules: Iterable[str] | None = None) -> None:
        """Drop this batch's rows for `modules`; with None drop the whole batch in O(1): it is dead after."""
        with self._lock:
            self._check_writable("discard")
            changes: list[_Change] = []
            if modules is None:
                self._discard_whole(changes)
            else:
                names = self._selected(modules)
                if names:
                    self._own = _delete_all(self._own, names)
                    _refresh(self, names, changes)
        _deliver(changes, self, "discard", None)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(InterfaceUpdated)` for every change visible through this layer; returns unsubscribe.

        Callbacks run on the writer's thread after the change is published and after the write lock is released,
        so a callback may read or write the registry. An exception in a callback is logged, not propagated.
        """
        with self._lock:
            self._subscribers = (*self._subscribers, callback)

        def unsubscribe() -> None:
            with self._lock:
                subscribers = list(self._subscribers)
                if callback in subscribers:
                    subscribers.remove(callback)
                    self._subscribers = tuple(subscribers)

        return unsubscribe

    # ------------------------------------------------------------------ internals

    def _check_alive(self, action: str) -> None:
        if self._dead:
            raise RegistryError(f"cannot {action} a dead layer (it was discarded or committed whole)")

    def _check_writable(self, action: str) -> None:
        if self._frozen:
            raise RegistryError(f"cannot {action} the root layer: it is frozen")
        self._check_alive(action)

    def _selected(self, modules: Iterable[str] | None) -> list[str]:
        """The own modules named by a commit/discard argument, in the given order (None: all, sorted)."""
        own = self._own
        if modules is None:
            return sorted(own.keys())
        if isinstance(modules, str):
            raise RegistryError(f"expected a list of module names, got the string {modules!r}")
        names: dict[str, None] = {}  # ordered and without repeats
        for name in modules:
            if not isinstance(name, str):
                raise RegistryError(f"module name must be a str, not {type(name).__name__}")
            if name in own:
                names[name] = None
        return list(names)

    def _retire_into(self, parent: Layer) -> None:
        """After a whole commit: the batch dies, its children now sit directly on the parent (same view)."""
        self._dead = True
        parent._children.discard(self)
        for child in list(self._children):
            child._parent = parent
            parent._children.add(child)
        self._children = weakref.WeakSet()

    def _discard_whole(self, changes: list[_Change]) -> None:
        """Kill this layer and its descendants without touching their rows one by one (O(1) per layer)."""
        if self._subscribers:
            parent_records = self._parent._records if self._parent is not None else _NO_RECORDS
            for name in sorted(self._own.keys()):
                old = self._records.get(name)
                new = parent_records.get(name)
                if old is not new:
                    changes.append(_Change(self, name, old, new))
        if self._parent is not None:
            self._parent._children.discard(self)
        _kill(self)


def _kill(layer: Layer) -> None:
    """Mark dead and hand the rows to the reclaim thread: the caller pays O(1), not one free per row."""
    layer._dead = True
    RECLAIMER.release(layer._own, layer._records, layer._importers)
    layer._own = _NO_RECORDS
    layer._records = _NO_RECORDS
    layer._importers = _NO_IMPORTERS
    layer._closures = _NO_CLOSURES
    layer._view_rev = REVISIONS.next()
    children = list(layer._children)
    layer._children = weakref.WeakSet()
    for child in children:
        _kill(child)


def _checked_values(
    module: str, exports: Mapping[str, Any], typed_ast: Any, imports: Iterable[str]
) -> tuple[Mapping[str, Any], Any, tuple[str, ...]]:
    """Reject values the registry cannot index, with a message naming the module."""
    if not isinstance(exports, Mapping):
        raise RegistryError(f"exports of {module!r} must be a mapping, not {type(exports).__name__}")
    for key in exports:
        if not isinstance(key, str):
            raise RegistryError(f"export keys of {module!r} must be str, got {key!r}")
    elements = getattr(typed_ast, "elements", None)
    if not isinstance(elements, Mapping):
        raise RegistryError(f"typed AST of {module!r} must expose `.elements` as a mapping")
    for key in elements:
        if not isinstance(key, str):
            raise RegistryError(f"element keys of {module!r} must be str, got {key!r}")
    if isinstance(imports, str):
        raise RegistryError(f"imports of {module!r} must be a sequence of module names, not a string")
    imports_tuple = tuple(imports)
    for imported in imports_tuple:
        check_module_name(imported)
    return exports, typed_ast, imports_tuple


def _set_all(records: RecordMap, values: Mapping[str, Record]) -> RecordMap:
    mutation = records.mutate()
    for name, record in values.items():
        mutation[name] = record
    return mutation.finish()


def _delete_all(records: RecordMap, names: Iterable[str]) -> RecordMap:
    mutation = records.mutate()
    for name in names:
        if name in mutation:
            del mutation[name]
    return mutation.finish()


def _add_importers(importers: ImporterMap, records: Iterable[Record]) -> ImporterMap:
    mutation = importers.mutate()
    for record in records:
        if record.entry is not None:
            for imported in record.entry.imports:
                mutation[imported] = mutation.get(imported, _NO_NAMES).set(record.entry.name, None)
    return mutation.finish()


def _visible(layer: Layer, module: str) -> Record | None:
    own = layer._own.get(module)
    if own is not None:
        return None if own.entry is None else own
    parent = layer._parent
    return None if parent is None else parent._records.get(module)


def _refresh(layer: Layer, modules: Iterable[str], changes: list[_Change]) -> None:
    """Recompute what `layer` shows for `modules`, publish it with one assignment, then refresh its children."""
    records = layer._records
    changed: list[_Change] = []
    for module in modules:
        old = records.get(module)
        new = _visible(layer, module)
        if old is not new:
            changed.append(_Change(layer, module, old, new))
    if not changed:
        return
    record_mutation = records.mutate()
    importer_mutation = layer._importers.mutate()
    for change in changed:
        if change.new is None:
            del record_mutation[change.module]
        else:
            record_mutation[change.module] = change.new
        _move_import_edges(importer_mutation, change)
    new_importers = importer_mutation.finish()
    new_records = record_mutation.finish()
    layer._closures = _closures_after(layer._closures, new_importers, changed)
    layer._importers = new_importers
    layer._records = new_records  # the publication: readers switch to the new rows here, all at once
    layer._view_rev = REVISIONS.next()  # after the rows, so a reader reading it first never keys new rows as old
    changes.extend(changed)
    names = [change.module for change in changed]
    for child in list(layer._children):
        _refresh(child, names, changes)


def _closures_after(closures: ClosureMap, importers: ImporterMap, changed: list[_Change]) -> ClosureMap:
    """`closures` with one fresh revision for each changed module whose revision changed (or which appeared or
    disappeared) and for every module importing it, directly or transitively: O(those modules), nothing for the
    rest of the view."""
    moved = [change.module for change in changed if _revision_of(change.old) != _revision_of(change.new)]
    if not moved:
        return closures
    revision = REVISIONS.next()
    mutation = closures.mutate()
    stack = moved
    seen: set[str] = set(moved)
    while stack:
        module = stack.pop()
        mutation[module] = revision
        for importer in importers.get(module, _NO_NAMES):
            if importer not in seen:
                seen.add(importer)
                stack.append(importer)
    return mutation.finish()


def _revision_of(record: Record | None) -> int | None:
    return None if record is None or record.entry is None else record.rev


def _move_import_edges(importers: immutables.MapMutation[str, immutables.Map[str, None]], change: _Change) -> None:
    old_imports = () if change.old is None or change.old.entry is None else change.old.entry.imports
    new_imports = () if change.new is None or change.new.entry is None else change.new.entry.imports
    if old_imports == new_imports:
        return
    for imported in old_imports:
        importers_of = importers.get(imported)
        if importers_of is None or change.module not in importers_of:
            continue
        remaining = importers_of.delete(change.module)
        if remaining:
            importers[imported] = remaining
        else:
            del importers[imported]
    for imported in new_imports:
        importers[imported] = importers.get(imported, _NO_NAMES).set(change.module, None)


def _deliver(changes: list[_Change], origin: Layer, kind: UpdateKind, rev: int | None) -> None:
    """Tell each subscriber of a changed layer, after the write lock is released, in the order changes happened."""
    for change in changes:
        subscribers = change.layer._subscribers
        if not subscribers:
            continue
        if rev is not None and kind != "commit":
            event_rev: int | None = rev
        else:
            event_rev = None if change.new is None else change.new.rev
        event = InterfaceUpdated(
            layer=origin,
            module=change.module,
            rev=event_rev,
            kind=kind,
            exports_changed=exports_of(change.old) != exports_of(change.new),
        )
        for callback in subscribers:
            try:
                callback(event)
            except Exception:
                _log.exception("registry subscriber %r failed on %r", callback, event)
