"""Unit tests: one or more per operation and per invariant of ARCHITECTURE.md §2."""

from __future__ import annotations

import gc
import time
import weakref
from types import MappingProxyType

import pytest

from registry import InterfaceUpdated, Layer, ModuleEntry, RegistryError
from registry.reclaim import RECLAIMER
from tests.registry.fakes import FakeElement, FakeModuleAst, FakeScheme, entry, module_values, put, root_with


def test_root_serves_its_entries() -> None:
    root = Layer.new_root([entry("Prelude", ("map", "type:Maybe", "class:Eq")), entry("Data.List", ("foldl",))])
    assert root.modules() == {"Prelude", "Data.List"}
    assert root.scheme("Prelude", "map") == FakeScheme("Prelude.map")
    assert root.scheme("Prelude", "type:Maybe") == FakeScheme("Prelude.type:Maybe")
    assert root.element("Data.List", "foldl") == FakeElement("foldl", "value", "body of Data.List.foldl")
    assert root.scheme("Prelude", "nope") is None
    assert root.scheme("Nope", "map") is None
    got = root.get("Prelude")
    assert got is not None and got.name == "Prelude" and got.rev == root.revision("Prelude")
    assert root.is_root and root.parent is None


def test_root_assigns_fresh_increasing_revisions() -> None:
    root = Layer.new_root([entry("A"), entry("B")])
    rev_a, rev_b = root.revision("A"), root.revision("B")
    assert rev_a is not None and rev_b is not None and rev_a != rev_b and min(rev_a, rev_b) > 0


def test_root_rejects_duplicates_and_bad_names() -> None:
    with pytest.raises(RegistryError, match="twice"):
        Layer.new_root([entry("A"), entry("A")])
    with pytest.raises(RegistryError, match="invalid module name"):
        Layer.new_root([entry("lower")])
    with pytest.raises(RegistryError, match="ModuleEntry"):
        Layer.new_root(["Prelude"])  # type: ignore[list-item]


def test_root_is_frozen() -> None:
    root = root_with("Prelude")
    with pytest.raises(RegistryError, match="frozen"):
        put(root, "Foo")
    with pytest.raises(RegistryError, match="frozen"):
        root.remove("Prelude")
    with pytest.raises(RegistryError, match="frozen"):
        root.bump("Prelude")
    with pytest.raises(RegistryError, match="frozen"):
        root.commit()
    with pytest.raises(RegistryError, match="frozen"):
        root.discard()


def test_put_then_lookups_in_batch() -> None:
    batch = root_with("Prelude").begin_batch()
    stored = put(batch, "Foo", ("f", "type:T"), imports=("Prelude",))
    assert batch.get("Foo") == stored
    assert stored.imports == ("Prelude",) and stored.source_hash == "hash:Foo"
    assert batch.scheme("Foo", "f") == FakeScheme("Foo.f")
    assert batch.element("Foo", "type:T") == FakeElement("type:T", "value", "body of Foo.type:T")
    assert dict(batch.elements("Foo")) == {
        "f": FakeElement("f", "value", "body of Foo.f"),
        "type:T": FakeElement("type:T", "value", "body of Foo.type:T"),
    }
    assert batch.modules() == {"Prelude", "Foo"}
    assert batch.revision("Foo") == stored.rev
    assert batch.scheme("Prelude", "f") == FakeScheme("Prelude.f")  # parent rows show through


def test_stored_rows_do_not_follow_later_mutation_of_the_callers_dicts() -> None:
    batch = root_with().begin_batch()
    exports, ast, env = module_values("Foo", ("f",))
    elements = dict(ast.elements)
    stored = batch.put("Foo", exports, FakeModuleAst(elements), env)
    exports["g"] = FakeScheme("sneaky")
    elements["g"] = FakeElement("g", "value", "sneaky")
    assert batch.scheme("Foo", "g") is None and batch.element("Foo", "g") is None
    assert isinstance(stored.exports, MappingProxyType)
    with pytest.raises(TypeError):
        stored.exports["h"] = FakeScheme("h")  # type: ignore[index]
    with pytest.raises(TypeError):
        batch.elements("Foo")["h"] = FakeElement("h", "value", "")  # type: ignore[index]


def test_elements_of_an_absent_module_is_empty() -> None:
    assert dict(root_with().elements("Missing")) == {}


def test_isolation_from_parent_and_siblings() -> None:
    base = root_with("Prelude").begin_batch()
    first, second = base.begin_batch(), base.begin_batch()
    put(first, "Foo")
    assert first.get("Foo") is not None
    assert base.get("Foo") is None
    assert second.get("Foo") is None
    assert "Foo" not in second.modules() and "Foo" not in base.modules()


def test_module_granular_shadowing_hides_deleted_elements() -> None:
    base = root_with().begin_batch()
    put(base, "Foo", ("f", "g"))
    batch = base.begin_batch()
    put(batch, "Foo", ("f",), tag="'")  # the edit deleted g
    assert batch.scheme("Foo", "g") is None and batch.element("Foo", "g") is None
    assert batch.scheme("Foo", "f") == FakeScheme("Foo.f'")
    assert set(batch.elements("Foo")) == {"f"}
    assert base.scheme("Foo", "g") == FakeScheme("Foo.g")


def test_remove_tombstones_the_module_in_this_layer_only() -> None:
    base = root_with("Prelude").begin_batch()
    put(base, "Foo")
    batch = base.begin_batch()
    batch.remove("Foo")
    batch.remove("Prelude")
    assert batch.get("Foo") is None and batch.scheme("Foo", "f") is None and batch.revision("Foo") is None
    assert batch.modules() == set()
    assert base.modules() == {"Prelude", "Foo"}
    put(batch, "Foo", tag="2")  # re-creating the file replaces the tombstone
    assert batch.scheme("Foo", "f") == FakeScheme("Foo.f2")


def test_committed_tombstone_hides_the_module_in_the_parent() -> None:
    root = root_with("Prelude")
    base = root.begin_batch()
    batch = base.begin_batch()
    batch.remove("Prelude")
    assert batch.commit() == ["Prelude"]
    assert base.get("Prelude") is None and root.get("Prelude") is not None


def test_commit_moves_rows_into_parent_and_kills_the_batch() -> None:
    base = root_with().begin_batch()
    batch = base.begin_batch()
    put(batch, "Foo")
    put(batch, "Bar", imports=("Foo",))
    assert batch.commit() == ["Bar", "Foo"]
    assert base.scheme("Foo", "f") == FakeScheme("Foo.f") and base.get("Bar") is not None
    assert batch.is_dead
    with pytest.raises(RegistryError, match="dead"):
        put(batch, "Baz")
    with pytest.raises(RegistryError, match="dead"):
        batch.commit()
    with pytest.raises(RegistryError, match="dead"):
        batch.begin_batch()


def test_partial_commit_moves_only_the_named_modules() -> None:
    base = root_with().begin_batch()
    batch = base.begin_batch()
    put(batch, "Foo")
    put(batch, "Bar")
    assert batch.commit(["Foo", "NotHere"]) == ["Foo"]
    assert base.get("Foo") is not None and base.get("Bar") is None
    assert batch.own_modules() == {"Bar"} and not batch.is_dead
    assert batch.get("Foo") == base.get("Foo")  # the batch now sees the committed rows through its parent
    put(batch, "Baz")  # still alive


def test_commit_gives_new_revisions() -> None:
    base = root_with().begin_batch()
    batch = base.begin_batch()
    stored = put(batch, "Foo")
    batch.commit(["Foo"])
    rev = base.revision("Foo")
    assert rev is not None and rev > stored.rev and batch.revision("Foo") == rev


def test_commit_into_root_raises() -> None:
    batch = root_with().begin_batch()
    put(batch, "Foo")
    with pytest.raises(RegistryError, match="root"):
        batch.commit()
    with pytest.raises(RegistryError, match="root"):
        batch.commit(["Foo"])
    assert batch.get("Foo") is not None and not batch.is_dead


def test_commit_and_discard_reject_a_bare_string() -> None:
    batch = root_with().begin_batch().begin_batch()
    put(batch, "Foo")
    with pytest.raises(RegistryError, match="list of module names"):
        batch.commit("Foo")
    with pytest.raises(RegistryError, match="list of module names"):
        batch.discard("Foo")


def test_whole_discard_kills_the_batch_and_its_descendants() -> None:
    base = root_with("Prelude").begin_batch()
    batch = base.begin_batch()
    put(batch, "Foo")
    child = batch.begin_batch()
    batch.discard()
    assert batch.is_dead and child.is_dead
    assert batch.get("Foo") is None and base.get("Foo") is None
    with pytest.raises(RegistryError, match="dead"):
        put(batch, "Foo")
    with pytest.raises(RegistryError, match="dead"):
        put(child, "Foo")
    with pytest.raises(RegistryError, match="dead"):
        batch.discard()


def test_partial_discard_reverts_to_the_parent_rows() -> None:
    base = root_with().begin_batch()
    put(base, "Foo", tag="-saved")
    batch = base.begin_batch()
    put(batch, "Foo", tag="-edited")
    put(batch, "Bar")
    batch.discard(["Foo"])
    assert batch.scheme("Foo", "f") == FakeScheme("Foo.f-saved")
    assert batch.get("Bar") is not None and not batch.is_dead


def test_discard_frees_the_batch_rows() -> None:
    """Invariant 4: after a whole discard nothing of ours keeps the batch's values alive."""
    base = root_with().begin_batch()
    batch = base.begin_batch()
    scheme = FakeScheme("big")
    ast = FakeModuleAst({"f": FakeElement("f", "value", "x" * 10_000)})
    batch.put("Foo", {"f": scheme}, ast, None)
    scheme_ref, ast_ref = weakref.ref(scheme), weakref.ref(ast)
    batch_ref = weakref.ref(batch)
    del scheme, ast
    batch.discard()
    assert RECLAIMER.drain(timeout=30)  # the rows are freed off the caller's path, on the reclaim thread
    gc.collect()
    assert scheme_ref() is None and ast_ref() is None  # the rows are gone although `batch` is still referenced
    del batch
    gc.collect()
    assert batch_ref() is None  # and the parent keeps no reference to the layer


def test_revisions_strictly_increase_across_layers() -> None:
    root = root_with("Prelude")
    base = root.begin_batch()
    first, second = base.begin_batch(), base.begin_batch()
    revs = [root.revision("Prelude")]
    revs.append(put(first, "A").rev)
    revs.append(put(second, "B").rev)
    revs.append(put(base, "C").rev)
    revs.append(first.bump("A"))
    first.commit(["A"])
    revs.append(base.revision("A"))
    revs.append(put(second, "A", tag="x").rev)
    assert all(isinstance(rev, int) for rev in revs)
    assert revs == sorted(revs) and len(set(revs)) == len(revs)


def test_bump_gives_a_new_revision_without_changing_rows() -> None:
    base = root_with("Prelude").begin_batch()
    old = base.get("Prelude")
    rev = base.bump("Prelude")
    new = base.get("Prelude")
    assert old is not None and new is not None and rev > old.rev and new.rev == rev
    assert new.exports == old.exports and new.ast == old.ast
    with pytest.raises(RegistryError, match="no such module"):
        base.bump("Missing")


def test_no_op_put_changes_nothing() -> None:
    base = root_with().begin_batch()
    first = put(base, "Foo", ("f", "g"), imports=("Prelude",))
    batch = base.begin_batch()
    events: list[InterfaceUpdated] = []
    batch.subscribe(events.append)
    exports, ast, _ = module_values("Foo", ("f", "g"))
    same = batch.put("Foo", exports, ast, "another env", imports=("Prelude",), source_hash="moved whitespace")
    assert same == first and batch.revision("Foo") == first.rev
    assert events == [] and batch.own_modules() == set()


def test_put_of_changed_element_only_is_not_an_exports_change() -> None:
    batch = root_with().begin_batch()
    put(batch, "Foo")
    events: list[InterfaceUpdated] = []
    batch.subscribe(events.append)
    exports, _, env = module_values("Foo")
    batch.put("Foo", exports, FakeModuleAst({"f": FakeElement("f", "value", "new body")}), env)
    put(batch, "Foo", tag="!")
    assert [(event.kind, event.exports_changed) for event in events] == [("put", False), ("put", True)]


def test_put_of_new_imports_is_not_a_no_op() -> None:
    batch = root_with().begin_batch()
    first = put(batch, "Foo")
    second = put(batch, "Foo", imports=("Bar",))
    assert second.rev > first.rev and batch.dependents("Bar") == {"Foo"}


def test_depends_on_finds_transitive_imports_and_cycles() -> None:
    batch = root_with().begin_batch()
    put(batch, "A", imports=("B",))
    put(batch, "B", imports=("C",))
    put(batch, "C")
    assert batch.depends_on("A", "C") and batch.depends_on("A", "B")
    assert not batch.depends_on("C", "A") and not batch.depends_on("A", "A")
    put(batch, "C", imports=("A",))
    assert batch.depends_on("C", "A") and batch.depends_on("A", "A")
    assert not batch.depends_on("Missing", "A")


def test_dependents_are_transitive_and_follow_commits_and_removals() -> None:
    base = root_with().begin_batch()
    put(base, "Lib")
    batch = base.begin_batch()
    put(batch, "Mid", imports=("Lib",))
    put(batch, "App", imports=("Mid",))
    put(batch, "Other")
    assert batch.dependents("Lib") == {"Mid", "App"}
    assert base.dependents("Lib") == set()
    batch.commit(["Mid"])
    assert base.dependents("Lib") == {"Mid"}
    assert batch.dependents("Lib") == {"Mid", "App"}
    batch.remove("Mid")
    assert batch.dependents("Lib") == set() and base.dependents("Lib") == {"Mid"}
    put(batch, "Mid", imports=())
    assert batch.dependents("Lib") == set() and batch.dependents("Mid") == {"App"}


def test_dependents_include_cycle_members() -> None:
    batch = root_with().begin_batch()
    put(batch, "A", imports=("B",))
    put(batch, "B", imports=("A",))
    assert batch.dependents("A") == {"A", "B"}


def test_children_see_commits_of_their_siblings() -> None:
    base = root_with().begin_batch()
    first, second = base.begin_batch(), base.begin_batch()
    grandchild = second.begin_batch()
    put(first, "Foo")
    first.commit(["Foo"])
    assert second.get("Foo") == base.get("Foo") and grandchild.get("Foo") == base.get("Foo")
    assert grandchild.dependents("Foo") == set()


def test_whole_commit_keeps_children_of_the_batch_alive() -> None:
    base = root_with().begin_batch()
    batch = base.begin_batch()
    put(batch, "Foo")
    child = batch.begin_batch()
    batch.commit()
    assert child.parent is base and not child.is_dead
    other = base.begin_batch()
    put(other, "Bar")
    other.commit()
    assert child.get("Bar") is not None and child.get("Foo") is not None


@pytest.mark.parametrize("name", ["", "foo", "Data..List", "Data.list", ".Data", "Data.", "1A", "A-B", "A B"])
def test_invalid_module_names_are_rejected(name: str) -> None:
    batch = root_with().begin_batch()
    with pytest.raises(RegistryError, match="invalid module name"):
        put(batch, name)
    with pytest.raises(RegistryError, match="invalid module name"):
        put(batch, "Good", imports=(name,))
    with pytest.raises(RegistryError, match="invalid module name"):
        batch.remove(name)


@pytest.mark.parametrize("name", ["A", "Data.List", "Data.List'", "Control.Monad_State", "Ünïcode.Módulo", "V2.X1"])
def test_valid_module_names_are_accepted(name: str) -> None:
    batch = root_with().begin_batch()
    assert put(batch, name).name == name


def test_malformed_values_are_rejected_with_a_clear_message() -> None:
    batch = root_with().begin_batch()
    _, ast, env = module_values("Foo")
    with pytest.raises(RegistryError, match="mapping"):
        batch.put("Foo", [("f", 1)], ast, env)  # type: ignore[arg-type]
    with pytest.raises(RegistryError, match="elements"):
        batch.put("Foo", {}, object(), env)
    with pytest.raises(RegistryError, match="str"):
        batch.put("Foo", {1: "x"}, ast, env)  # type: ignore[dict-item]
    with pytest.raises(RegistryError, match="not a string"):
        batch.put("Foo", {}, ast, env, imports="Prelude")
    with pytest.raises(RegistryError, match="must be a str"):
        batch.remove(42)  # type: ignore[arg-type]
    assert batch.modules() == set()


def test_module_entry_fields() -> None:
    stored = put(root_with().begin_batch(), "Foo", imports=("Bar",))
    assert isinstance(stored, ModuleEntry)
    assert (stored.name, stored.imports, stored.source_hash) == ("Foo", ("Bar",), "hash:Foo")
    assert stored.ast.elements["f"] == FakeElement("f", "value", "body of Foo.f")
    assert stored.env is not None


def test_view_revision_changes_exactly_when_the_view_changes() -> None:
    root = root_with("Prelude")
    base = root.begin_batch()
    batch, sibling = base.begin_batch(), base.begin_batch()
    root_stamp, base_stamp = root.view_revision, base.view_revision
    sibling_stamp = sibling.view_revision

    def stamps() -> tuple[int, int, int]:
        return root.view_revision, base.view_revision, sibling.view_revision

    put(batch, "Foo")  # a keystroke in one batch: nothing below or beside it changes
    assert stamps() == (root_stamp, base_stamp, sibling_stamp)
    before = batch.view_revision
    put(batch, "Foo")  # no-op put
    assert batch.view_revision == before
    put(batch, "Foo", tag="2")
    assert batch.view_revision > before
    batch.commit(["Foo"])  # a save changes the baseline and every view through it
    assert root.view_revision == root_stamp
    assert base.view_revision > base_stamp and sibling.view_revision > sibling_stamp
    for change in (lambda: batch.remove("Prelude"), lambda: batch.discard(["Prelude"]), lambda: batch.bump("Foo")):
        before = batch.view_revision
        change()
        assert batch.view_revision > before


def test_pinned_view_keeps_what_the_layer_showed() -> None:
    base = root_with("Prelude").begin_batch()
    put(base, "Foo", imports=("Prelude",))
    pinned = base.pinned()
    batch = base.begin_batch()
    put(batch, "Foo", tag="2")
    batch.commit()
    base.remove("Prelude")
    assert pinned.scheme("Foo", "f") == FakeScheme("Foo.f") and pinned.get("Prelude") is not None
    assert pinned.dependents("Prelude") == {"Foo"} and pinned.modules() == {"Prelude", "Foo"}
    assert base.scheme("Foo", "f") == FakeScheme("Foo.f2") and base.get("Prelude") is None
    with pytest.raises(RegistryError, match="frozen"):
        put(pinned, "Bar")


def test_discarded_rows_are_freed_without_anyone_waiting_for_it() -> None:
    batch = root_with().begin_batch()
    scheme = FakeScheme("lonely")
    batch.put("Foo", {"f": scheme}, FakeModuleAst({}), None)
    scheme_ref = weakref.ref(scheme)
    del scheme
    batch.discard()
    deadline = time.monotonic() + 30
    while scheme_ref() is not None and time.monotonic() < deadline:
        time.sleep(0.01)  # the reclaim thread polls on its own; nobody calls drain here
    assert scheme_ref() is None


def test_replace_values_swaps_equal_values_in_place_without_a_revision_or_an_event() -> None:
    root = root_with("Prelude")
    batch = root.begin_batch()
    before = put(batch, "Foo", ("f", "g"), imports=("Prelude",))
    child = batch.begin_batch()
    events: list[InterfaceUpdated] = []
    batch.subscribe(events.append)
    exports, ast, env = module_values("Foo", ("f", "g"))
    assert batch.replace_values("Foo", exports, ast, env)
    after = batch.get("Foo")
    assert after is not None and after is not before
    assert after.rev == before.rev and after.imports == ("Prelude",) and after.source_hash == before.source_hash
    assert after.ast.elements["g"] is ast.elements["g"] and batch.scheme("Foo", "f") is exports["f"]
    child_entry = child.get("Foo")
    assert child_entry is not None and child_entry.ast is ast  # the views below see the new values too
    assert events == []
    assert not batch.replace_values("Prelude", *module_values("Prelude"))  # not this layer's own module
    assert not batch.replace_values("Nope", *module_values("Nope"))
    with pytest.raises(RegistryError, match="other keys"):
        batch.replace_values("Foo", *module_values("Foo", ("f",)))
    with pytest.raises(RegistryError, match="frozen"):
        root.replace_values("Prelude", *module_values("Prelude"))


def test_closure_revision_changes_exactly_when_a_module_of_the_closure_changes() -> None:
    root = Layer.new_root([entry("Prelude"), entry("Data.List", imports=("Prelude",))])
    base = root.begin_batch()
    put(base, "A", imports=("Prelude",))
    put(base, "B", imports=("A",))
    put(base, "C", imports=("B", "Missing"))
    put(base, "Other", imports=("Prelude",))
    batch = base.begin_batch()

    def closures(layer: Layer) -> dict[str, int | None]:
        return {m: layer.closure_revision(m) for m in ("Prelude", "Data.List", "A", "B", "C", "Other", "Missing")}

    assert root.closure_revision("Prelude") is not None and closures(batch) == closures(base)
    assert closures(base)["Missing"] is None
    before = closures(base)
    put(batch, "A", imports=("Prelude",), tag="2")  # a keystroke in A: its importers' closures change in the batch only
    after = closures(batch)
    assert closures(base) == before
    assert {m for m in after if after[m] != before[m]} == {"A", "B", "C"}
    put(batch, "A", imports=("Prelude",), tag="2")  # no-op put
    assert closures(batch) == after
    exports, ast, env = module_values("B")
    assert base.replace_values("B", exports, ast, env)  # equal values in another form: the same closure
    assert closures(base) == before
    pinned = batch.pinned()
    put(batch, "Missing")  # an import appearing changes its importers' closures
    assert {m for m, r in closures(batch).items() if r != after[m]} == {"Missing", "C"}
    assert closures(pinned) == after
    batch.discard(["A", "Missing"])  # the baseline's A shows again: a new number, never the one of the edit
    discarded = closures(batch)
    assert discarded["A"] not in (after["A"], None) and discarded["C"] not in (after["C"], before["C"])
    assert discarded["Other"] == before["Other"] and discarded["Prelude"] == before["Prelude"]
    seen = closures(base)
    put(batch, "B", imports=("A",), tag="3")
    batch.commit(["B"])  # a save: the baseline's B and C change, A does not
    assert {m for m, r in closures(base).items() if r != seen[m]} == {"B", "C"}
    saved = closures(batch)
    base.remove("A")  # seen through the batch too
    assert {m for m, r in closures(batch).items() if r != saved[m]} == {"A", "B", "C"}


def test_closure_revision_of_a_batch_follows_its_own_puts() -> None:
    base = root_with("Prelude").begin_batch()
    put(base, "A", imports=("Prelude",))
    child = base.begin_batch()
    assert child.closure_revision("A") == base.closure_revision("A")
    put(child, "Prelude", tag="2")
    assert child.closure_revision("A") != base.closure_revision("A")
