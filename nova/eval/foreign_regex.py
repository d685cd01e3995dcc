"""The foreign values of `Data.String.Regex` (specified in `nova/stdlib/FOREIGN.md`), on the `regex` package.

JavaScript's regular expressions are what PureScript programs are written against; the pattern is handed to
`regex` (in its `re`-compatible mode) after two translations of JavaScript-only syntax (named groups `(?<name>…)`
and back references `\\k<name>`), and replacement strings follow JavaScript's `$` rules (`$&`, `$1`, `$<name>`,
`$$`, `` $` ``, `$'`). `regex` rather than `re` because a match can be given a timeout: a pattern that backtracks
endlessly (`(a|aa)+$` on a long run of `a`s) is stopped at the evaluation's time limit like any other endless
evaluation, where `re` would hold the evaluating thread until it finished.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

from nova.eval.errors import EvalLimitError
from nova.eval.foreign import charge, foreign
from nova.eval.machine import Machine
from nova.eval.values import Value

MATCH_TIME_LIMIT = 10.0
"""Seconds one match may take when the evaluation itself has no time limit."""

FLAG_ORDER = "gimsyu"
"""The flags in the order `renderFlags` writes them; `source`/`flags` give them back in this order."""

_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_NAMED_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")
_REPLACEMENT = re.compile(r"\$(\$|&|`|'|<([A-Za-z_][A-Za-z0-9_]*)>|[0-9]{1,2})")


@dataclass(frozen=True, slots=True)
class RegexV:
    """A compiled regular expression with the source and flags it was built from."""

    source: str
    flags: str
    compiled: regex.Pattern[str]

    @property
    def is_global(self) -> bool:
        return "g" in self.flags

    @property
    def sticky(self) -> bool:
        return "y" in self.flags

    def first(self, m: Machine, text: str, pos: int = 0) -> regex.Match[str] | None:
        """The first match at or after `pos` (only at `pos` when sticky)."""
        return self.match_at(m, text, pos) if self.sticky else _bounded(m, self.compiled.search, text, pos)

    def match_at(self, m: Machine, text: str, pos: int) -> regex.Match[str] | None:
        """A match starting exactly at `pos`."""
        return _bounded(m, self.compiled.match, text, pos)

    def __repr__(self) -> str:
        return f"/{self.source}/{self.flags}"


def _bounded(m: Machine, run: Callable[..., regex.Match[str] | None], text: str, pos: int) -> regex.Match[str] | None:
    """One search or match, stopped at the evaluation's time limit (a limit error, as for any endless loop)."""
    left = m.time_left()
    limit = MATCH_TIME_LIMIT if left is None else min(left, MATCH_TIME_LIMIT)
    try:
        return run(text, pos, timeout=max(limit, 0.001))
    except TimeoutError:
        raise EvalLimitError(
            f"evaluation stopped after {m.steps} steps (a regular expression match ran past the time limit of "
            f"{limit:g} s)",
            m.steps,
        ) from None


def compile_regex(source: str, flags: str) -> RegexV:
    """Raises `regex.error` (or `ValueError` for an unknown flag) with a message for the user."""
    options = 0
    for flag in flags:
        if flag not in FLAG_ORDER:
            raise ValueError(f"invalid flag {flag!r}")
    if "i" in flags:
        options |= regex.IGNORECASE
    if "m" in flags:
        options |= regex.MULTILINE
    if "s" in flags:
        options |= regex.DOTALL
    pattern = _NAMED_BACKREF.sub(r"(?P=\1)", _NAMED_GROUP.sub(r"(?P<\1>", source))
    ordered = "".join(f for f in FLAG_ORDER if f in flags)
    return RegexV(source, ordered, regex.compile(pattern, options | regex.VERSION0))


@foreign("Data.String.Regex", "regexImpl", 4)
def _regex(m: Machine, left: Value, right: Value, source: str, flags: str) -> Value:
    charge(m, len(source))
    try:
        return m.apply(right, (compile_regex(source, flags),))
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        return m.apply(left, (f"invalid regular expression /{source}/{flags}: {error}",))


foreign("Data.String.Regex", "source", 1)(lambda m, r: r.source)
foreign("Data.String.Regex", "flagsImpl", 1)(lambda m, r: r.flags)


@foreign("Data.String.Regex", "test", 2)
def _test(m: Machine, r: RegexV, text: str) -> bool:
    charge(m, len(text))
    return r.first(m, text) is not None


def _groups(m: Machine, just: Value, nothing: Value, match: regex.Match[str]) -> tuple[Value, ...]:
    return tuple(nothing if g is None else m.apply(just, (g,)) for g in match.groups())


@foreign("Data.String.Regex", "matchImpl", 4)
def _match(m: Machine, just: Value, nothing: Value, r: RegexV, text: str) -> tuple[Value, ...]:
    charge(m, len(text))
    if r.is_global:
        return tuple(m.apply(just, (found.group(0),)) for found in _all_matches(m, r, text))
    found = r.first(m, text)
    if found is None:
        return ()
    return (m.apply(just, (found.group(0),)), *_groups(m, just, nothing, found))


def _all_matches(m: Machine, r: RegexV, text: str) -> list[regex.Match[str]]:
    """Every match from the left, as JavaScript's global matching finds them (an empty match moves on by one)."""
    out: list[regex.Match[str]] = []
    pos = 0
    while pos <= len(text):
        found = r.first(m, text, pos)
        if found is None:
            break
        out.append(found)
        pos = found.end() + 1 if found.end() == found.start() else found.end()
    return out


def _expand(template: str, found: regex.Match[str]) -> str:
    """JavaScript's replacement patterns; anything that does not name a group stays as written."""
    text = found.string

    def one(token: re.Match[str]) -> str:
        what = token.group(1)
        if what == "$":
            return "$"
        if what == "&":
            return found.group(0)
        if what == "`":
            return text[: found.start()]
        if what == "'":
            return text[found.end() :]
        if token.group(2) is not None:
            name = token.group(2)
            return (found.group(name) or "") if name in found.re.groupindex else token.group(0)
        number = int(what)
        if 1 <= number <= found.re.groups:
            return found.group(number) or ""
        if len(what) == 2 and 1 <= int(what[0]) <= found.re.groups:
            return (found.group(int(what[0])) or "") + what[1]
        return token.group(0)

    return _REPLACEMENT.sub(one, template)


def _replace_with(m: Machine, r: RegexV, text: str, piece: object) -> str:
    matches = _all_matches(m, r, text) if r.is_global else [f for f in [r.first(m, text)] if f is not None]
    out: list[str] = []
    last = 0
    for found in matches:
        out.append(text[last : found.start()])
        out.append(piece(found))  # type: ignore[operator]
        last = found.end()
    out.append(text[last:])
    return "".join(out)


@foreign("Data.String.Regex", "replaceImpl", 3)
def _replace(m: Machine, r: RegexV, replacement: str, text: str) -> str:
    charge(m, len(text) + len(replacement))
    return _replace_with(m, r, text, lambda found: _expand(replacement, found))


@foreign("Data.String.Regex", "replaceByImpl", 5)
def _replace_by(m: Machine, just: Value, nothing: Value, r: RegexV, f: Value, text: str) -> str:
    charge(m, len(text))

    def piece(found: regex.Match[str]) -> str:
        result = m.apply(f, (found.group(0), _groups(m, just, nothing, found)))
        assert isinstance(result, str)
        return result

    return _replace_with(m, r, text, piece)


@foreign("Data.String.Regex", "searchImpl", 2)
def _search(m: Machine, r: RegexV, text: str) -> int:
    charge(m, len(text))
    found = r.first(m, text)
    return -1 if found is None else found.start()


@foreign("Data.String.Regex", "splitImpl", 2)
def _split(m: Machine, r: RegexV, text: str) -> tuple[str, ...]:
    """JavaScript's `String.prototype.split` with a regular expression: empty matches split between characters
    but never at the very start or end, and captured groups are put between the pieces."""
    charge(m, len(text))
    if not text:
        return () if r.match_at(m, text, 0) is not None else (text,)
    out: list[str] = []
    start = pos = 0
    while pos < len(text):
        found = r.match_at(m, text, pos)
        if found is None or found.end() == start:
            pos += 1
            continue
        out.append(text[start:pos])
        out.extend(g if g is not None else "" for g in found.groups())
        start = pos = found.end()
    out.append(text[start:])
    return tuple(out)
