"""The observer hook: what subscribers are told, in which order, and when."""

from __future__ import annotations

import logging

import pytest

from registry import InterfaceUpdated, Layer
from tests.registry.fakes import FakeScheme, put, root_with


def kinds(events: list[InterfaceUpdated]) -> list[tuple[str, str]]:
    return [(event.kind, event.module) for event in events]


def test_subscriber_sees_put_commit_discard_remove_in_order() -> None:
    base = root_with("Prelude").begin_batch()
    batch = base.begin_batch()
    events: list[InterfaceUpdated] = []
    batch.subscribe(events.append)
    foo = put(batch, "Foo")
    put(batch, "Bar")
    batch.commit(["Foo"])
    batch.discard(["Bar"])
    batch.remove("Prelude")
    assert kinds(events) == [
        ("put", "Foo"),
        ("put", "Bar"),
        ("commit", "Foo"),
        ("discard", "Bar"),
        ("remove", "Prelude"),
    ]
    assert all(event.layer is batch for event in events)
    put_foo, _, commit_foo, discard_bar, remove_prelude = events
    assert put_foo.rev == foo.rev and put_foo.exports_changed
    assert commit_foo.rev == base.revision("Foo") and not commit_foo.exports_changed  # same rows, new revision
    assert discard_bar.rev is None and discard_bar.exports_changed  # Bar is gone from this view
    assert remove_prelude.exports_changed and remove_prelude.rev is not None
    assert remove_prelude.rev > commit_foo.rev  # type: ignore[operator]


def test_parent_and_siblings_are_told_of_a_commit() -> None:
    base = root_with().begin_batch()
    batch, sibling = base.begin_batch(), base.begin_batch()
    shadowing = base.begin_batch()
    put(shadowing, "Foo", tag="-mine")
    base_events: list[InterfaceUpdated] = []
    sibling_events: list[InterfaceUpdated] = []
    shadowing_events: list[InterfaceUpdated] = []
    base.subscribe(base_events.append)
    sibling.subscribe(sibling_events.append)
    shadowing.subscribe(shadowing_events.append)
    put(batch, "Foo")
    assert base_events == [] and sibling_events == []  # isolation extends to events
    batch.commit()
    for events in (base_events, sibling_events):
        assert [(e.kind, e.module, e.layer, e.exports_changed) for e in events] == [("commit", "Foo", batch, True)]
        assert events[0].rev == base.revision("Foo")
    assert shadowing_events == []  # its own Foo hides the parent's


def test_callback_runs_after_the_change_is_visible() -> None:
    batch = root_with().begin_batch()
    seen: list[object] = []
    batch.subscribe(lambda event: seen.append(batch.scheme(event.module, "f")))
    put(batch, "Foo")
    assert seen == [FakeScheme("Foo.f")]


def test_callback_may_write_to_the_registry() -> None:
    batch = root_with().begin_batch()

    def react(event: InterfaceUpdated) -> None:
        if event.module == "Foo":
            put(batch, "Derived", imports=("Foo",))

    batch.subscribe(react)
    put(batch, "Foo")
    assert batch.dependents("Foo") == {"Derived"}


def test_unsubscribe_stops_delivery_and_is_idempotent() -> None:
    batch = root_with().begin_batch()
    events: list[InterfaceUpdated] = []
    unsubscribe = batch.subscribe(events.append)
    put(batch, "Foo")
    unsubscribe()
    unsubscribe()
    put(batch, "Bar")
    assert kinds(events) == [("put", "Foo")]


def test_a_failing_subscriber_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    batch = root_with().begin_batch()
    events: list[InterfaceUpdated] = []

    def broken(event: InterfaceUpdated) -> None:
        raise ValueError("boom")

    batch.subscribe(broken)
    batch.subscribe(events.append)
    with caplog.at_level(logging.ERROR, logger="registry"):
        put(batch, "Foo")
    assert kinds(events) == [("put", "Foo")] and batch.get("Foo") is not None
    assert "boom" in caplog.text


def test_whole_discard_tells_the_batch_subscribers() -> None:
    base = root_with().begin_batch()
    saved = put(base, "Foo", tag="-saved")
    batch = base.begin_batch()
    put(batch, "Foo", tag="-edited")
    put(batch, "Bar")
    events: list[InterfaceUpdated] = []
    batch.subscribe(events.append)
    batch.discard()
    assert [(e.kind, e.module, e.rev, e.exports_changed) for e in events] == [
        ("discard", "Bar", None, True),
        ("discard", "Foo", saved.rev, True),
    ]


def test_bump_is_an_event_without_an_exports_change() -> None:
    base: Layer = root_with("Prelude").begin_batch()
    events: list[InterfaceUpdated] = []
    base.subscribe(events.append)
    rev = base.bump("Prelude")
    assert [(e.kind, e.module, e.rev, e.exports_changed) for e in events] == [("bump", "Prelude", rev, False)]


def test_layers_above_are_told_of_every_change_they_see() -> None:
    base = root_with().begin_batch()
    batch = base.begin_batch()
    above = batch.begin_batch()
    events: list[InterfaceUpdated] = []
    above.subscribe(events.append)
    put(batch, "Foo")
    rev = batch.bump("Foo")
    batch.discard(["Foo"])
    put(batch, "Bar")
    batch.remove("Bar")
    assert [(e.kind, e.module, e.layer) for e in events] == [
        ("put", "Foo", batch),
        ("bump", "Foo", batch),
        ("discard", "Foo", batch),
        ("put", "Bar", batch),
        ("remove", "Bar", batch),
    ]
    assert events[1].rev == rev and not events[1].exports_changed and events[2].exports_changed
