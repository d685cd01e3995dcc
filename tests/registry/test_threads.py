"""Invariants 2 and 7: lock-free readers on other threads never see a commit half done.

One writer commits, again and again, a batch holding two modules A and B whose rows carry the same generation
number. Readers look the two modules up one after the other, in both orders, through the parent and through a
sibling batch. Commits only ever raise the generation, so a reader that looked at X first and Y second must see
gen(Y) >= gen(X): seeing the newer X with the older Y means the commit was visible half done. The same holds for
the scheme (T1) and the element AST (T2) of one module, and the entry, its exports and its AST must agree exactly.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from registry import Layer
from tests.registry.fakes import FakeElement, FakeModuleAst, FakeScheme, root_with

COMMITS = 400
READERS = 3


@pytest.fixture
def fast_thread_switching() -> Iterator[None]:
    """Switch threads as often as the interpreter allows, so a torn publication would be caught in the act."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def put_generation(batch: Layer, module: str, generation: int) -> None:
    exports = {"x": FakeScheme(f"{module}.x", generation), "y": FakeScheme(f"{module}.y", generation)}
    elements = {key: FakeElement(key, "value", f"{module}.{key}", generation) for key in ("x", "y")}
    batch.put(module, exports, FakeModuleAst(elements), generation, imports=("Prelude",))


def generation(value: object) -> int:
    assert isinstance(value, FakeScheme | FakeElement), value
    return value.generation


def check_view(view: Layer, failures: list[str]) -> None:
    """One round of reads through `view`; every check records a failure instead of raising in the thread."""
    a_first = generation(view.scheme("A", "x"))
    b_second = generation(view.scheme("B", "x"))
    if b_second < a_first:
        failures.append(f"new A.x (gen {a_first}) seen with old B.x (gen {b_second})")
    b_first = generation(view.scheme("B", "y"))
    a_second = generation(view.scheme("A", "y"))
    if a_second < b_first:
        failures.append(f"new B.y (gen {b_first}) seen with old A.y (gen {a_second})")
    scheme_first = generation(view.scheme("A", "y"))
    element_second = generation(view.element("A", "y"))
    if element_second < scheme_first:
        failures.append(f"new scheme of A.y (gen {scheme_first}) seen with its old AST (gen {element_second})")
    element_first = generation(view.element("B", "x"))
    scheme_second = generation(view.scheme("B", "x"))
    if scheme_second < element_first:
        failures.append(f"new AST of B.x (gen {element_first}) seen with its old scheme (gen {scheme_second})")
    entry = view.get("A")
    assert entry is not None
    rows = {generation(s) for s in entry.exports.values()} | {generation(e) for e in entry.ast.elements.values()}
    if rows != {entry.env}:
        failures.append(f"entry of A mixes generations {sorted(rows)} with env {entry.env}")
    whole = {generation(element) for element in view.elements("B").values()}
    if len(whole) != 1:
        failures.append(f"elements(B) mixes generations {sorted(whole)}")
    rev_a, rev_b = view.revision("A"), view.revision("B")
    if rev_a is None or rev_b is None:
        failures.append("a committed module disappeared from the view")


def test_readers_never_see_a_torn_commit(fast_thread_switching: None) -> None:
    base = root_with("Prelude").begin_batch()
    seed = base.begin_batch()
    put_generation(seed, "A", 0)
    put_generation(seed, "B", 0)
    seed.commit()
    sibling = base.begin_batch()  # sees the baseline's commits through its own (empty) layer
    grandchild = sibling.begin_batch()
    failures: list[str] = []
    done = threading.Event()
    rounds = [0] * READERS

    def read(slot: int) -> None:
        views = (base, sibling, grandchild)
        while not done.is_set() and len(failures) < 10:
            check_view(views[rounds[slot] % len(views)], failures)
            pinned = views[rounds[slot] % len(views)].pinned()  # one instant: both modules of one commit
            gens = {generation(pinned.scheme(m, k)) for m in ("A", "B") for k in ("x", "y")}
            gens |= {generation(pinned.element(m, k)) for m in ("A", "B") for k in ("x", "y")}
            if len(gens) != 1:
                failures.append(f"a pinned view mixes generations {sorted(gens)}")
            rounds[slot] += 1

    def write() -> None:
        try:
            for gen in range(1, COMMITS + 1):
                batch = base.begin_batch()
                put_generation(batch, "A", gen)
                put_generation(batch, "B", gen)
                batch.commit()
        finally:
            done.set()

    readers = [threading.Thread(target=read, args=(slot,)) for slot in range(READERS)]
    writer = threading.Thread(target=write)
    for thread in [*readers, writer]:
        thread.start()
    for thread in [writer, *readers]:
        thread.join(timeout=120)
    assert not writer.is_alive() and not any(reader.is_alive() for reader in readers)
    assert failures == []
    assert min(rounds) > 0  # every reader really read while the writer was committing
    assert generation(base.scheme("A", "x")) == COMMITS == generation(grandchild.element("B", "y"))
