"""Typed holes `?name`: reported (PureScript's `HoleInferredType`) with the type the hole must have, the names in
scope whose type fits it, and the local names in scope with their types."""

from __future__ import annotations

from nova.check import check_module
from nova.syntax import parse_module
from tests.nova.types.helpers import check, diagnostics, root

HEADER = "module Main where\nimport Prelude\nimport Data.Maybe (Maybe(..))\n"


def hole_messages(body: str) -> list[list[str]]:
    result = check(Main=HEADER + body)
    diags = diagnostics(result)
    assert {d[0] for d in diags} == {"HoleInferredType"}, diags
    return [d[5].split("\n") for d in diags]


def section(lines: list[str], title: str) -> list[str]:
    """The entries listed under a title of the message (its indented lines)."""
    if title not in lines:
        return []
    out = []
    for line in lines[lines.index(title) + 1 :]:
        if not line.startswith("  "):
            break
        out.append(line.strip())
    return out


FITS = "You could substitute the hole with one of these values:"
CONTEXT = "in the following context:"


def test_the_message_gives_the_type_the_fitting_names_and_the_context() -> None:
    [lines] = hole_messages("describe :: Int -> String\ndescribe n = ?convert n\n")
    assert lines[0] == "Hole `?convert` has the inferred type `Int -> String`."
    fits = section(lines, FITS)
    assert "show :: forall a. Show a => a -> String" in fits
    assert "describe :: Int -> String" in fits  # (the value itself: a recursive call fits too)
    assert section(lines, CONTEXT) == ["n :: Int"]


def test_a_name_fits_only_when_its_constraints_can_hold() -> None:
    [lines] = hole_messages("f :: (Int -> Int) -> String\nf g = ?h g\n")
    fits = section(lines, FITS)
    # `show` would need `Show (Int -> Int)`, which has no instance
    assert not any(f.startswith("show ") for f in fits)
    [lines] = hole_messages("s :: String\ns = ?text\n")
    fits = section(lines, FITS)
    assert "mempty :: forall m. Monoid m => m" in fits  # `Monoid String` holds
    assert not any(f.startswith(("one ", "zero ", "bottom ")) for f in fits)  # no `Semiring String`, …


def test_locals_are_listed_innermost_first_and_fit_by_their_type() -> None:
    [lines] = hole_messages('f :: Int -> String\nf n = let label = "x" in ?h\n')
    assert section(lines, CONTEXT) == ["label :: String", "n :: Int"]
    assert section(lines, FITS)[0] == "label :: String"


def test_rigid_type_variables_fit_what_is_polymorphic_enough() -> None:
    [lines] = hole_messages("wrap :: forall a. a -> Maybe a\nwrap x = ?w x\n")
    assert lines[0] == "Hole `?w` has the inferred type `a -> Maybe a`."
    fits = section(lines, FITS)
    assert "Just :: forall a. a -> Maybe a" in fits
    assert "pure :: forall f a. Applicative f => a -> f a" in fits
    assert not any(f.startswith("show ") for f in fits)  # `a -> String` is not `a -> Maybe a`
    assert section(lines, CONTEXT) == ["x :: a"]


def test_a_hole_of_unknown_type_lists_no_names() -> None:
    [lines] = hole_messages("x = ?anything\n")
    assert lines == ["Hole `?anything` has the inferred type `a`."]


def test_long_lists_are_cut() -> None:
    body = "".join(f"v{i} :: Int\nv{i} = {i}\n" for i in range(15)) + "w :: Int\nw = ?n\n"
    [lines] = hole_messages(body)
    fits = section(lines, FITS)
    assert len(fits) == 11 and fits[:3] == ["v0 :: Int", "v1 :: Int", "v10 :: Int"]
    more = fits[-1].split()
    assert more[:2] == ["…", "and"] and more[3] == "more"
    assert 10 + int(more[2]) >= 16  # (the 15 values and `w` itself, with `top`, `zero`, … of the Prelude)


def test_the_message_follows_a_new_value_incrementally() -> None:
    # a value added elsewhere in the module changes the hole's list: the hole's declaration is re-checked
    base = HEADER + "f :: Int -> String\nf n = ?h n\n"
    view = root()
    first = check_module(parse_module(base), view)
    edited = base + "g :: Int -> String\ng _ = \"\"\n"
    incremental = check_module(parse_module(edited), view, first)
    fresh = check_module(parse_module(edited), view)
    messages = [d.message for d in incremental.diagnostics]
    assert messages == [d.message for d in fresh.diagnostics]
    assert "  g :: Int -> String" in messages[0].split("\n")
