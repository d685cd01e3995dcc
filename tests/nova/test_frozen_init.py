"""The direct-assignment constructors of frozen slotted dataclasses behave like the generated ones."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from nova.diagnostics import Span
from nova.frozen_init import fast_frozen_init
from nova.syntax import ast


def _uses_fast_init(cls: type) -> bool:
    return any(name.startswith("_frozen_init_set_") for name in cls.__init__.__code__.co_names)  # type: ignore[misc]


def test_a_frozen_slotted_class_keeps_its_parameters_defaults_equality_and_frozenness() -> None:
    @dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 7
        label: str | None = None

    assert fast_frozen_init(Point)
    assert _uses_fast_init(Point)
    assert Point(1) == Point(1, 7, None) == Point(x=1, label=None)
    assert (Point(2, label="a").x, Point(2, label="a").y, Point(2, label="a").label) == (2, 7, "a")
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, "a", 4)  # type: ignore[call-arg]
    assert dataclasses.replace(Point(1), y=3) == Point(1, 3)


def test_classes_whose_constructor_does_more_than_assign_keep_the_generated_one() -> None:
    @dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class WithPostInit:
        x: int

        def __post_init__(self) -> None:
            if self.x < 0:
                raise ValueError("negative")

    @dataclass(frozen=True, slots=True)
    class NotInInit:
        x: int
        y: int = field(default=0, init=False)

    @dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclass(slots=True)
    class Mutable:
        x: int

    for cls in (WithFactory, WithPostInit, NotInInit, NoSlots, Mutable):
        assert not fast_frozen_init(cls), cls.__name__
    assert WithFactory().items == []
    with pytest.raises(ValueError):
        WithPostInit(-1)


def test_every_syntax_node_and_the_span_use_it_and_build_what_they_are_given() -> None:
    classes = [c for c in vars(ast).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(classes) > 90
    for cls in [*classes, Span]:
        if cls.__module__ in (ast.__name__, Span.__module__) and dataclasses.fields(cls):
            assert _uses_fast_init(cls), cls.__name__
    span = Span(1, 2, 3, 4)
    assert (span.start_line, span.start_col, span.end_line, span.end_col) == (1, 2, 3, 4)
    var = ast.Var(span, "map", qualifier="List")
    assert (var.span, var.name, var.qualifier) == (span, "map", "List")
    assert ast.Var(span, "map") == ast.Var(span=span, name="map", qualifier=None)
