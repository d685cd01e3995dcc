"""The foreign values of `Data.String.Regex` (specified in `nova/stdlib/FOREIGN.md`), on Python's `re`.

JavaScript's regular expressions are what PureScript programs are written against; the pattern is handed to `re`
after two translations of JavaScript-only syntax (named groups `(?<name>…)` and back references `\\k<name>`), and
replacement strings follow JavaScript's `$` rules (`$&`, `$1`, `$<name>`, `$$`, `` $` ``, `$'`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nova.eval.foreign import charge, foreign
from nova.eval.machine import Machine
from nova.eval.values import Value

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
    compiled: re.Pattern[str]

    @property
    def is_global(self) -> bool:
        return "g" in self.flags

    @property
    def sticky(self) -> bool:
        return "y" in self.flags

    def first(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The first match at or after `pos` (only at `pos` when sticky)."""
        return self.compiled.match(text, pos) if self.sticky else self.compiled.search(text, pos)

    def __repr__(self) -> str:
        return f"/{self.source}/{self.flags}"


def compile_regex(source: str, flags: str) -> RegexV:
    """Raises `re.error` (or `ValueError` for an unknown flag) with a message for the user."""
    options = 0
    for flag in flags:
        if flag not in FLAG_ORDER:
            raise ValueError(f"invalid flag {flag!r}")
    if "i" in flags:
        options |= re.IGNORECASE
    if "m" in flags:
        options |= re.MULTILINE
    if "s" in flags:
        options |= re.DOTALL
    pattern = _NAMED_BACKREF.sub(r"(?P=\1)", _NAMED_GROUP.sub(r"(?P<\1>", source))
    ordered = "".join(f for f in FLAG_ORDER if f in flags)
    return RegexV(source, ordered, re.compile(pattern, options))


@foreign("Data.String.Regex", "regexImpl", 4)
def _regex(m: Machine, left: Value, right: Value, source: str, flags: str) -> Value:
    charge(m, len(source))
    try:
        return m.apply(right, (compile_regex(source, flags),))
    except (re.error, ValueError, OverflowError, RecursionError) as error:
        return m.apply(left, (f"invalid regular expression /{source}/{flags}: {error}",))


foreign("Data.String.Regex", "source", 1)(lambda m, r: r.source)
foreign("Data.String.Regex", "flagsImpl", 1)(lambda m, r: r.flags)


@foreign("Data.String.Regex", "test", 2)
def _test(m: Machine, r: RegexV, text: str) -> bool:
    charge(m, len(text))
    return r.first(text) is not None


def _groups(m: Machine, just: Value, nothing: Value, match: re.Match[str]) -> tuple[Value, ...]:
    return tuple(nothing if g is None else m.apply(just, (g,)) for g in match.groups())


@foreign("Data.String.Regex", "matchImpl", 4)
def _match(m: Machine, just: Value, nothing: Value, r: RegexV, text: str) -> tuple[Value, ...]:
    charge(m, len(text))
    if r.is_global:
        return tuple(m.apply(just, (found.group(0),)) for found in _all_matches(r, text))
    found = r.first(text)
    if found is None:
        return ()
    return (m.apply(just, (found.group(0),)), *_groups(m, just, nothing, found))


def _all_matches(r: RegexV, text: str) -> list[re.Match[str]]:
    """Every match from the left, as JavaScript's global matching finds them (an empty match moves on by one)."""
    out: list[re.Match[str]] = []
    pos = 0
    while pos <= len(text):
        found = r.first(text, pos)
        if found is None:
            break
        out.append(found)
        pos = found.end() + 1 if found.end() == found.start() else found.end()
    return out


def _expand(template: str, found: re.Match[str]) -> str:
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


def _replace_with(r: RegexV, text: str, piece: object) -> str:
    matches = _all_matches(r, text) if r.is_global else [f for f in [r.first(text)] if f is not None]
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
    return _replace_with(r, text, lambda found: _expand(replacement, found))


@foreign("Data.String.Regex", "replaceByImpl", 5)
def _replace_by(m: Machine, just: Value, nothing: Value, r: RegexV, f: Value, text: str) -> str:
    charge(m, len(text))

    def piece(found: re.Match[str]) -> str:
        result = m.apply(f, (found.group(0), _groups(m, just, nothing, found)))
        assert isinstance(result, str)
        return result

    return _replace_with(r, text, piece)


@foreign("Data.String.Regex", "searchImpl", 2)
def _search(m: Machine, r: RegexV, text: str) -> int:
    charge(m, len(text))
    found = r.first(text)
    return -1 if found is None else found.start()


@foreign("Data.String.Regex", "splitImpl", 2)
def _split(m: Machine, r: RegexV, text: str) -> tuple[str, ...]:
    """JavaScript's `String.prototype.split` with a regular expression: empty matches split between characters
    but never at the very start or end, and captured groups are put between the pieces."""
    charge(m, len(text))
    if not text:
        return () if r.compiled.match(text) is not None else (text,)
    out: list[str] = []
    start = pos = 0
    while pos < len(text):
        found = r.compiled.match(text, pos)
        if found is None or found.end() == start:
            pos += 1
            continue
        out.append(text[start:pos])
        out.extend(g if g is not None else "" for g in found.groups())
        start = pos = found.end()
    out.append(text[start:])
    return tuple(out)
