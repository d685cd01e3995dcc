"""A deep section pauses the cyclic collector, and what a long section keeps goes to the oldest generation unwalked."""

from __future__ import annotations

import gc

import pytest

from nova import deep


class Node:
    """A GC-tracked object that can sit in a cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation))


def test_a_long_sections_survivors_go_to_the_oldest_generation_and_stay_collectable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(deep, "PROMOTE_AFTER", 1_000)
    gc.unfreeze()  # (what an earlier test in this process froze: released, collectable again)
    gc.collect()
    with deep.deep_section():
        assert not gc.isenabled()
        kept = [Node() for _ in range(5_000)]
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle made in the section, then dropped: garbage
        marker = Node()
        del a, b
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000  # nothing left for a young collection to walk
    assert _in_generation(marker, 2) and _in_generation(kept[-1], 2)
    assert gc.get_freeze_count() == 0  # nothing stays frozen
    assert gc.collect() >= 2  # the cycle is still found by a full collection


def test_survivors_stay_young_while_something_else_is_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deep, "PROMOTE_AFTER", 1_000)
    gc.collect()
    anchor = Node()  # frozen below, as the server freezes what it keeps
    gc.freeze()
    try:
        with deep.deep_section():
            kept = [Node() for _ in range(5_000)]
        # what the server froze stays frozen: in no generation the collector walks (an unfreeze would have put it
        # in the oldest). (The freeze count is no measure: frozen objects that other code lets go are freed.)
        assert not any(_in_generation(anchor, generation) for generation in range(3))
        assert not _in_generation(kept[-1], 2)
    finally:
        gc.unfreeze()


def test_a_short_section_leaves_the_generations_as_they_are(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.collect()
    with deep.deep_section():
        kept = [Node() for _ in range(100)]
    assert not _in_generation(kept[-1], 2)
