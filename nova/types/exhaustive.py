"""Exhaustiveness and redundancy of pattern matches: Maranget's usefulness algorithm.

Luc Maranget, "Warnings for pattern matching" (JFP 2007). A row of patterns is *useful* with respect to a matrix
of earlier rows when some value matches it and none of the earlier rows; a match is exhaustive when a row of
wildcards is not useful, and a clause is redundant when its own row is not useful. Computing usefulness with
witnesses yields the missing cases to print (`Node _ _ _`).

The module works over its own small pattern type so that it depends on nothing else in the checker: the checker
maps its patterns onto `Wild`/`Con`/`Lit`/`Record`/`Array`, supplies a callback naming the constructors of a data
type, and maps the results back. Work is bounded: usefulness is exponential in the worst case, so every call
carries a step budget and a depth limit, and when either runs out the report says so (`complete=False`) and
claims nothing it has not proved (no missing cases, no further redundant rows), rather than warning wrongly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Array",
    "Con",
    "Lit",
    "MatchReport",
    "Pattern",
    "Record",
    "Siblings",
    "Wild",
    "check_match",
    "print_pattern",
    "print_row",
]


@dataclass(frozen=True, slots=True)
class Wild:
    """`_`, a variable, or anything else that matches every value (a named pattern `x@p` maps to `p`)."""


@dataclass(frozen=True, slots=True)
class Con:
    """A data constructor applied to one pattern per field: `Node l x r` is `Con("Node", (l, x, r))`."""

    name: str
    args: tuple[Pattern, ...] = ()


@dataclass(frozen=True, slots=True)
class Lit:
    """A literal: Int, Number, String, Char (`is_char=True`, a one-character `str`) or Boolean."""

    value: int | float | str | bool
    is_char: bool = False


@dataclass(frozen=True, slots=True)
class Record:
    """A record pattern; `fields` are sorted by label. Labels absent from the pattern match anything."""

    fields: tuple[tuple[str, Pattern], ...]

    def __post_init__(self) -> None:
        labels = [label for label, _ in self.fields]
        if labels != sorted(set(labels)):
            raise ValueError(f"record pattern labels must be sorted and distinct: {labels}")


@dataclass(frozen=True, slots=True)
class Array:
    """An array pattern: matches arrays of exactly `len(items)` elements."""

    items: tuple[Pattern, ...]


Pattern = Wild | Con | Lit | Record | Array

# Given a constructor's name: every constructor of its type as (name, arity), in declaration order; or None when
# the type is not known (then the match over it is never considered complete without a wildcard).
Siblings = Callable[[str], Sequence[tuple[str, int]] | None]

WILD = Wild()


@dataclass(frozen=True, slots=True)
class MatchReport:
    """The result of checking one match.

    `missing` holds example rows no clause matches (one pattern per column), at most `max_examples` of them;
    `redundant` the indices of rows that can never be reached; `complete` is False when the work budget ran out,
    in which case `missing` is empty and `redundant` lists only the rows proved unreachable before that.
    """

    missing: tuple[tuple[Pattern, ...], ...]
    redundant: tuple[int, ...]
    complete: bool = True

    @property
    def exhaustive(self) -> bool:
        return not self.missing

    def missing_text(self, separator: str = ", ") -> list[str]:
        """The missing rows as Nova source: `", "` separates case scrutinees, `" "` function arguments."""
        return [print_row(row, separator) for row in self.missing]


# --- constructors of a column ----------------------------------------------------------------------------------

# A head constructor, as a hashable key plus its arity. Kinds: "con" (name), "lit" (type tag, value, is_char),
# "arr" (length), "rec" (labels).
Key = tuple[object, ...]


@dataclass(slots=True)
class _Budget:
    steps: int
    max_depth: int
    exhausted: bool = False


class _OutOfBudget(Exception):
    """Raised inside the search when the step budget or the depth limit is reached."""


@dataclass(slots=True)
class _Context:
    siblings: Siblings
    budget: _Budget
    sibling_cache: dict[str, Sequence[tuple[str, int]] | None] = field(default_factory=dict)

    def tick(self, depth: int) -> None:
        self.budget.steps -= 1
        if self.budget.steps < 0 or depth > self.budget.max_depth:
            self.budget.exhausted = True
            raise _OutOfBudget

    def siblings_of(self, name: str) -> Sequence[tuple[str, int]] | None:
        if name not in self.sibling_cache:
            try:
                self.sibling_cache[name] = self.siblings(name)
            except Exception:  # a failing callback means "unknown type", never a crash
                self.sibling_cache[name] = None
        return self.sibling_cache[name]


def _lit_key(p: Lit) -> Key:
    # The type tag keeps `true` apart from `1` and `1` apart from `1.0` (Python equates them).
    return ("lit", type(p.value).__name__, p.value, p.is_char)


def _key(p: Pattern, record_labels: tuple[str, ...]) -> tuple[Key, int] | None:
    if isinstance(p, Con):
        return ("con", p.name), len(p.args)
    if isinstance(p, Lit):
        return _lit_key(p), 0
    if isinstance(p, Array):
        return ("arr", len(p.items)), len(p.items)
    if isinstance(p, Record):
        return ("rec", record_labels), len(record_labels)
    return None


def _record_labels(column: Iterator[Pattern]) -> tuple[str, ...]:
    labels: set[str] = set()
    for p in column:
        if isinstance(p, Record):
            labels.update(label for label, _ in p.fields)
    return tuple(sorted(labels))


def _expand(p: Pattern, key: Key, arity: int) -> tuple[Pattern, ...] | None:
    """The sub-patterns of `p` under constructor `key`, or None when `p` cannot match that constructor."""
    if isinstance(p, Wild):
        return (WILD,) * arity
    kind = key[0]
    if isinstance(p, Con):
        return p.args if kind == "con" and key[1] == p.name and len(p.args) == arity else None
    if isinstance(p, Lit):
        return () if key == _lit_key(p) else None
    if isinstance(p, Array):
        return p.items if kind == "arr" and key[1] == len(p.items) else None
    if kind != "rec":
        return None
    labels = key[1]
    assert isinstance(labels, tuple)
    present = dict(p.fields)
    return tuple(present.get(label, WILD) for label in labels)


Row = tuple[Pattern, ...]


def _specialise(rows: Sequence[Row], key: Key, arity: int) -> list[Row]:
    out: list[Row] = []
    wild_args = (WILD,) * arity
    for row in rows:
        head = row[0]
        if type(head) is Wild:  # the common cases first, without a call: this loop is the algorithm's inner loop
            out.append(wild_args + row[1:])
        elif type(head) is Lit:
            if key == _lit_key(head):
                out.append(row[1:])
        else:
            sub = _expand(head, key, arity)
            if sub is not None:
                out.append(sub + row[1:])
    return out


def _has_catch_all(rows: Sequence[Row]) -> bool:
    for row in rows:
        for p in row:
            if type(p) is not Wild:
                break
        else:
            return True
    return False


def _default(rows: Sequence[Row]) -> list[Row]:
    return [row[1:] for row in rows if isinstance(row[0], Wild)]


@dataclass(frozen=True, slots=True)
class _Signature:
    """What the heads of a column say about its type: the constructors used, and all of them if known."""

    used: dict[Key, int]  # key -> arity, in order of first use
    everything: list[tuple[Key, int, Pattern]] | None  # the full signature with a sample head, or None if open
    record_labels: tuple[str, ...]


def _signature(ctx: _Context, heads: Sequence[Pattern]) -> _Signature:
    labels = _record_labels(iter(heads))
    used: dict[Key, int] = {}
    sample: Pattern | None = None
    for p in heads:
        found = _key(p, labels)
        if found is not None:
            used.setdefault(found[0], found[1])
            sample = sample or p
    everything: list[tuple[Key, int, Pattern]] | None = None
    if isinstance(sample, Record):
        everything = [(("rec", labels), len(labels), Record(tuple((label, WILD) for label in labels)))]
    elif isinstance(sample, Lit) and isinstance(sample.value, bool):
        everything = [(_lit_key(Lit(b)), 0, Lit(b)) for b in (True, False)]
    elif isinstance(sample, Con):
        siblings = ctx.siblings_of(sample.name)
        if siblings is not None and any(name == sample.name for name, _ in siblings):
            everything = [(("con", name), arity, Con(name, (WILD,) * arity)) for name, arity in siblings]
    return _Signature(used, everything, labels)


def _complete(sig: _Signature) -> bool:
    if sig.everything is None or not sig.used:
        return False
    return all(key in sig.used for key, _, _ in sig.everything)


# --- usefulness ---------------------------------------------------------------------------------------------------


def _useful(ctx: _Context, rows: list[Row], q: Row, depth: int) -> bool:
    """True when some value matches `q` and no row of `rows` (Maranget's U)."""
    ctx.tick(depth)
    if not q:
        return not rows
    if not rows:
        return True
    if _has_catch_all(rows):
        return False  # a row of wildcards already matches everything `q` could
    head = q[0]
    if isinstance(head, Con | Lit | Array):
        # A constructor head needs no signature (only records need the column's labels): one pass over the rows.
        found = _key(head, ())
        assert found is not None
        key, arity = found
        sub = _expand(head, key, arity)
        assert sub is not None
        return _useful(ctx, _specialise(rows, key, arity), sub + q[1:], depth + 1)
    sig = _signature(ctx, [row[0] for row in rows] + [head])
    found = _key(head, sig.record_labels)
    if found is not None:
        key, arity = found
        sub = _expand(head, key, arity)
        assert sub is not None
        return _useful(ctx, _specialise(rows, key, arity), sub + q[1:], depth + 1)
    if _complete(sig):
        assert sig.everything is not None
        return any(
            _useful(ctx, _specialise(rows, key, arity), (WILD,) * arity + q[1:], depth + 1)
            for key, arity, _ in sig.everything
        )
    return _useful(ctx, _default(rows), q[1:], depth + 1)


def _witnesses(ctx: _Context, rows: list[Row], width: int, limit: int, depth: int) -> list[Row]:
    """Up to `limit` rows of `width` patterns that no row of `rows` matches (Maranget's algorithm I)."""
    ctx.tick(depth)
    if width == 0:
        return [()] if not rows else []
    if not rows:
        return [(WILD,) * width]
    if _has_catch_all(rows):
        return []  # a row of wildcards matches everything: the common catch-all clause ends the search at once
    sig = _signature(ctx, [row[0] for row in rows])
    out: list[Row] = []
    if _complete(sig):
        assert sig.everything is not None
        for key, arity, sample in sig.everything:
            for w in _witnesses(ctx, _specialise(rows, key, arity), arity + width - 1, limit - len(out), depth + 1):
                out.append((_rebuild(sample, w[:arity]), *w[arity:]))
                if len(out) >= limit:
                    return out
        return out
    rest = _witnesses(ctx, _default(rows), width - 1, limit, depth + 1)
    if not rest:
        return []
    return [(head, *w) for head in _missing_heads(sig) for w in rest][: max(1, limit)]


def _rebuild(sample: Pattern, args: Row) -> Pattern:
    if isinstance(sample, Con):
        return Con(sample.name, args)
    if isinstance(sample, Record):
        return Record(tuple((label, p) for (label, _), p in zip(sample.fields, args, strict=True)))
    return sample


def _missing_heads(sig: _Signature) -> list[Pattern]:
    """Example heads not among the used constructors: every missing constructor if the type says which (PureScript
    lists them all), else one `_` (or an array length no row has)."""
    if not sig.used:
        return [WILD]
    if sig.everything is not None:
        return [sample for key, _, sample in sig.everything if key not in sig.used] or [WILD]
    arrays = sorted(length for key in sig.used if key[0] == "arr" and isinstance(length := key[1], int))
    if arrays and len(arrays) == len(sig.used):
        length = next(n for n in range(len(arrays) + 1) if n not in arrays)
        return [Array((WILD,) * length)]
    return [WILD]


# --- entry point -------------------------------------------------------------------------------------------------


def check_match(
    rows: Sequence[Sequence[Pattern]],
    siblings: Siblings,
    *,
    guarded: Sequence[bool] | None = None,
    max_examples: int = 3,
    budget: int = 20_000,
    max_depth: int = 400,
) -> MatchReport:
    """Checks a match of `len(rows[0])` scrutinees (or function arguments) against its clauses, in order.

    A guarded row (`guarded[i]`, a clause whose guards may all fail) is reported if unreachable but does not
    count as covering anything: later rows and the missing cases are computed without it, so the caller should
    pass `False` for guards ending in `otherwise`/`true`. Rows of differing widths are a caller error.
    """
    if not rows:
        return MatchReport(missing=(), redundant=(), complete=True)
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every row of a match must have the same number of patterns")
    flags = list(guarded) if guarded is not None else [False] * len(rows)
    if len(flags) != len(rows):
        raise ValueError("guarded must have one flag per row")
    ctx = _Context(siblings, _Budget(budget, max_depth))
    matrix: list[Row] = []
    # Rows by the constructor of their first pattern, and those starting with a wildcard: a row whose first
    # pattern is a constructor can only be covered by rows of the same constructor or a wildcard (usefulness does
    # not depend on the order of the matrix), which keeps long tables of literals linear instead of quadratic.
    by_head: dict[Key, list[Row]] = {}
    wild_head: list[Row] = []
    redundant: list[int] = []
    try:
        for index, row in enumerate(rows):
            pats = tuple(row)
            head = pats[0]
            if isinstance(head, Con | Lit | Array):
                found = _key(head, ())
                assert found is not None
                relevant = by_head.get(found[0], []) + wild_head
            else:
                relevant = matrix
            if not _useful(ctx, relevant, pats, 0):
                redundant.append(index)
            if not flags[index]:
                matrix.append(pats)
                if isinstance(head, Wild):
                    wild_head.append(pats)
                elif isinstance(head, Con | Lit | Array):
                    found = _key(head, ())
                    assert found is not None
                    by_head.setdefault(found[0], []).append(pats)
                else:
                    # A record head: records have one constructor, so every record row is relevant to later ones.
                    wild_head.append(pats)
        missing = _witnesses(ctx, matrix, width, max(1, max_examples), 0)
    except (_OutOfBudget, RecursionError):
        return MatchReport(missing=(), redundant=tuple(redundant), complete=False)
    return MatchReport(missing=tuple(missing[:max_examples]), redundant=tuple(redundant), complete=True)


# --- printing ----------------------------------------------------------------------------------------------------


def print_pattern(p: Pattern, atomic: bool = False) -> str:
    """The pattern as Nova source; `atomic` parenthesises applied constructors and negative numbers."""
    if isinstance(p, Wild):
        return "_"
    if isinstance(p, Con):
        if not p.args:
            return p.name
        text = " ".join([p.name, *(print_pattern(a, atomic=True) for a in p.args)])
        return f"({text})" if atomic else text
    if isinstance(p, Lit):
        text = _print_literal(p)
        return f"({text})" if atomic and text.startswith("-") else text
    if isinstance(p, Array):
        return "[" + ", ".join(print_pattern(item) for item in p.items) + "]"
    shown = [(label, sub) for label, sub in p.fields if not isinstance(sub, Wild)]
    if not shown:
        return "_"
    return "{ " + ", ".join(f"{_label(label)}: {print_pattern(sub)}" for label, sub in shown) + " }"


def print_row(row: Sequence[Pattern], separator: str = ", ") -> str:
    """A row of patterns: `", "` for case scrutinees, `" "` for function arguments (parenthesised)."""
    atomic = separator.strip() == ""
    return separator.join(print_pattern(p, atomic=atomic) for p in row)


def _print_literal(p: Lit) -> str:
    value = p.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if any(c in text for c in ".enN") else text + ".0"
    if p.is_char:
        inner = json.dumps(value, ensure_ascii=False)[1:-1].replace('\\"', '"').replace("'", "\\'")
        return f"'{inner}'"
    return json.dumps(value, ensure_ascii=False)


def _label(label: str) -> str:
    plain = label.isidentifier() and (label[:1].islower() or label.startswith("_"))
    return label if plain else json.dumps(label, ensure_ascii=False)
