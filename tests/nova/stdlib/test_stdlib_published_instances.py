"""Every instance a module of PureScript's published core libraries defines (in `published_instances.py`) is
defined by Nova's module of the same name, with the same head and the same context; and every instance Nova's
module defines is published there, or listed with its reason among the extras.

Both sides are compared as text in one canonical form: module qualifiers dropped, the context's constraints
sorted and unparenthesised, the type variables renamed `a`, `b`, … in order of first appearance, the head first
and then the constraints in an order that does not depend on the source's (so the record instances, whose contexts
relate rows and row lists through several variables, compare whatever order and names each side writes), a
`Generic` instance by its first argument (its representation is derived)."""

from __future__ import annotations

import re

from nova.types.pretty import Namer, print_constraint
from tests.nova.stdlib.published_instances import DEFINED_IN, EXTRA, NOT_YET, PUBLISHED
from tests.nova.stdlib.stdlib_examples import root

_TOKEN = re.compile(r'"[^"]*"|[A-Za-z_][\w\']*|->|=>|[(),]|\S')
_QUALIFIER = re.compile(r'("[^"]*")|\b(?:[A-Z][\w\']*\.)+(?=[A-Za-z_(])')
"""A module qualifier (`RL.` of `RL.Cons`), outside a string: the published source qualifies names that Nova's
printer does not."""


def _split_context(text: str) -> tuple[list[str], str]:
    """(the context's constraints, the head) of `ctx => head`, the context's outer parentheses dropped."""
    if "=>" not in text:
        return [], text.strip()
    context, head = text.rsplit("=>", 1)
    context = context.strip()
    if context.startswith("(") and context.endswith(")"):
        context = context[1:-1]
    parts, depth, current = [], 0, ""
    for ch in context:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    parts.append(current.strip())
    return [p for p in parts if p], head.strip()


def canonical(text: str) -> str:
    """`text` (`ctx => Class args`) in the canonical form described above."""
    context, head = _split_context(_QUALIFIER.sub(lambda m: m.group(1) or "", text))
    names: dict[str, str] = {}

    def rename(part: str, *, fresh: bool = True) -> str:
        out = []
        for token in _TOKEN.findall(part):
            if token == "Function":
                token = "(->)"
            elif token[0].islower() or (token[0] == "_" and len(token) > 1):
                if token not in names and fresh:
                    names[token] = _letters(len(names))
                token = names.get(token, "?")
            out.append(token)
        return " ".join(out).replace("( ", "(").replace(" )", ")")

    head = rename(head)
    constraints, remaining = [], list(context)
    while remaining:
        # The constraint to name variables from next is the least one as far as it is named already (`?` for a
        # variable not named yet): the names do not depend on the order or the names the source gives.
        least = min(remaining, key=lambda c: (rename(c, fresh=False), c))
        remaining.remove(least)
        constraints.append(rename(least))
    return (", ".join(sorted(constraints)) + " => " if constraints else "") + head


def _letters(i: int) -> str:
    return chr(ord("a") + i) if i < 26 else f"t{i}"


def stdlib_instances(module: str) -> dict[str, str]:
    """The canonical head of each instance `module` defines (or the module `DEFINED_IN` names) → its name."""
    module = DEFINED_IN.get(module, module)
    entry = root().get(module)
    assert entry is not None, module
    out: dict[str, str] = {}
    for info in entry.env.instances:
        if info.module != module:
            continue
        namer = Namer()
        for arg in info.args:
            namer.scan(arg)
        for constraint in info.context:
            for arg in constraint.args:
                namer.scan(arg)
        namer.finish()
        generic = info.cls == "Generic"
        head = print_constraint(info.cls, info.args[:1] if generic else info.args, namer) + (" _" if generic else "")
        context = [print_constraint(c.cls, c.args, namer) for c in info.context]
        text = (f"({', '.join(context)}) => " if context else "") + head
        out[canonical(text)] = info.name
    return out


def _published(module: str) -> list[str]:
    """The canonical heads of `module`'s published list: one a line, a line indented further continuing the one
    above."""
    heads: list[str] = []
    indent = None
    for line in PUBLISHED[module].splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip())
        indent = depth if indent is None else indent
        if depth > indent and heads:
            heads[-1] += " " + line.strip()
        else:
            heads.append(line.strip())
    return [canonical(head) for head in heads]


def test_every_published_instance_is_defined_with_the_same_context() -> None:
    """Except those listed as not yet here (an entry there that Nova has meanwhile defined is reported too)."""
    missing = []
    for module in PUBLISHED:
        ours = stdlib_instances(module)
        missing += [f"{module}: {head}" for head in _published(module) if head not in ours]
    not_yet = [f"{module}: {canonical(head)}" for module, heads in NOT_YET.items() for head in heads]
    assert sorted(missing) == sorted(not_yet)
    assert all(len(why) > 10 for heads in NOT_YET.values() for why in heads.values())


def test_every_instance_of_a_compared_module_is_published_or_an_explained_extra() -> None:
    unexplained = []
    for module in PUBLISHED:
        published = set(_published(module))
        extras = {canonical(head) for head in EXTRA.get(module, {})}
        unexplained += [
            f"{module}: {head} ({name})"
            for head, name in stdlib_instances(module).items()
            if head not in published and head not in extras
        ]
    assert unexplained == []


def test_the_extras_are_real_and_explained() -> None:
    for module, heads in EXTRA.items():
        ours = stdlib_instances(module)
        published = set(_published(module))
        for head, why in heads.items():
            assert len(why) > 10, (module, head)
            assert canonical(head) in ours, f"{module}: {head} is no longer defined"
            assert canonical(head) not in published, f"{module}: {head} is published after all"


def test_the_published_lists_have_no_duplicates() -> None:
    for module in PUBLISHED:
        heads = _published(module)
        assert len(heads) == len(set(heads)), module


def test_the_canonical_form_ignores_names_parentheses_and_order() -> None:
    assert canonical("(Show a, Eq1 f) => Show (NonEmpty f a)") == canonical("Eq1 g, Show b => Show (NonEmpty g b)")
    assert canonical("(Semigroup a) => Semigroup (Maybe a)") == "Semigroup a => Semigroup (Maybe a)"
    assert canonical("Functor ((->) r)") == "Functor ((->) a)"
    assert canonical("Invariant (Endo Function)") == "Invariant (Endo (->))"
    assert canonical("Eq a => Eq (Maybe a)") != canonical("Ord a => Eq (Maybe a)")
    assert canonical("Eq a => Eq (Tuple a b)") != canonical("Eq b => Eq (Tuple a b)")


def test_the_canonical_form_of_a_record_instance_ignores_qualifiers_and_the_order_of_its_context() -> None:
    """Two constraints of one class (`Row.Cons` twice) name their variables the same whichever comes first."""
    published = (
        "(IsSymbol key, Bounded focus, Row.Cons key focus rowTail row, Row.Cons key focus subrowTail subrow,"
        " BoundedRecord rowlistTail row subrowTail) => BoundedRecord (RL.Cons key focus rowlistTail) row subrow"
    )
    reordered = (
        "(BoundedRecord t r st, Cons k v st sr, Cons k v rt r, Bounded v, IsSymbol k)"
        " => BoundedRecord (Cons k v t) r sr"
    )
    assert canonical(published) == canonical(reordered)
    swapped = reordered.replace("Cons k v st sr, Cons k v rt r", "Cons k v st r, Cons k v rt sr")
    assert canonical(published) != canonical(swapped)
    assert canonical('Warn (Text "Data.Map\'s") => Semigroup (M.Map k v)') == canonical(
        'Warn (Text "Data.Map\'s") => Semigroup (Map a b)'
    )


def test_the_comparison_sees_a_difference_in_context() -> None:
    """A context that differs from the published one is a different head (the check is not vacuous)."""
    ours = stdlib_instances("Data.Maybe")
    assert canonical("Semigroup a => Monoid (Maybe a)") in ours
    assert canonical("Monoid a => Monoid (Maybe a)") not in ours


def test_appending_maps_warns_as_purescript_does() -> None:
    """`Map`'s `Semigroup` carries PureScript 0.15's `Warn`: a module using `<>` on maps is told where (the values
    combining is shown by the examples)."""
    from nova.workspace import check_workspace

    text = (
        "module Main where\n\nimport Prelude\nimport Data.Map as M\n\n"
        'both :: M.Map Int String\nboth = M.singleton 1 "a" <> M.singleton 1 "b"\n\n'
        "none :: M.Map Int String\nnone = M.empty\n"
    )
    result = check_workspace({"Main.nova": text}, root())
    diagnostics = list(result.modules["Main"].diagnostics)
    warnings = [d for d in diagnostics if "now unbiased" in d.message]
    assert len(warnings) == 1 and warnings[0].span.start_line == 6, diagnostics
