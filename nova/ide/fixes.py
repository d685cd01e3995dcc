"""Quick fixes that write code from inferred types: a type wildcard replaced by the type it stood for, the labels a
record literal lacks added with a value of their type, a function stub for a name used but defined nowhere.

The types of what is missing (a label, an unknown name) are asked of the checker itself: the module is checked
once more with a typed hole where the code is missing, and the hole's inferred type is read back. So the edits
use the same type printer (and the same names for type variables) as the diagnostics the user sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from nova import query
from nova.check import typed as T
from nova.diagnostics import Diagnostic, Span
from nova.ide.imports import add_import
from nova.ide.model import CodeAction, SourceChange
from nova.ide.source import ModuleSource, Workspace

INFERRED = re.compile(r"inferred type `(.+?)`\.", re.DOTALL)
LABELS = re.compile(r"lacks required labels? ((?:`[^`]+`(?:, )?)+)")
PLACEHOLDER = "unsafeCrashWith"
TODO = f'{PLACEHOLDER} "todo"'
PROBE_HOLE = "novaProbe"


# ------------------------------------------------------------------------------------------------- wildcards
def replace_wildcard(src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    """`WildcardInferredType`: write the inferred type where the `_` is, parenthesised unless it stands alone."""
    found = INFERRED.search(diagnostic.message)
    if found is None or src.text_of(diagnostic.span) != "_":
        return
    shown = found.group(1)
    at = diagnostic.span
    line = src.line(at.start_line)
    before, after = line[:at.start_col].rstrip(), line[at.end_col:].lstrip()
    opens = before.endswith(("::", "(", ",", "{", "->", "=>", "∷", "→", "⇒"))
    alone = (opens and (not after or after[:1] in "),}")) or not _compound(shown)
    change = SourceChange()
    change.add(src.name, at, shown if alone else f"({shown})")
    variables = set(TYPE_VARIABLE.findall(shown)) - {"forall"}
    if variables and not _quantify(src, at, variables, change):
        return
    yield CodeAction(f"Replace `_` with `{shown}`", "quickfix", change, diagnostic, preferred=True)


def _quantify(src: ModuleSource, at: Span, variables: set[str], change: SourceChange) -> bool:
    """Bring the type variables of an inferred type into scope in the signature the wildcard sits in (its
    `forall` extended or added); False when the signature is not on the wildcard's line."""
    line = src.line(at.start_line)
    found = re.search("::|∷", line)
    if found is None or found.start() > at.start_col:
        return False
    after = found.end()
    while after < len(line) and line[after] == " ":
        after += 1
    rest = line[after:]
    quantifier = re.match("forall |∀ ?", rest)
    if quantifier is not None:
        dot = rest.find(".")
        if dot < 0 or after + dot > at.start_col:
            return False
        bound = set(rest[quantifier.end():dot].split())
        missing = sorted(variables - bound)
        if missing:
            change.add(src.name, Span(at.start_line, after + dot, at.start_line, after + dot), " " + " ".join(missing))
        return True
    change.add(src.name, Span(at.start_line, after, at.start_line, after), f"forall {' '.join(sorted(variables))}. ")
    return True


def _compound(shown: str) -> bool:
    """Whether a printed type needs parentheses as an argument: a space outside brackets."""
    return _outside_brackets(shown, " ")


def _outside_brackets(shown: str, part: str) -> bool:
    depth = 0
    for i, char in enumerate(shown):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth == 0 and shown.startswith(part, i):
            return True
    return False


# ------------------------------------------------------------------------------------------------- probes
def hole_types(workspace: Workspace, src: ModuleSource, edits: list[tuple[Span, str]]) -> dict[str, str]:
    """Check the module with `edits` applied (each inserting typed holes) and read back the inferred type of every
    hole, by its name (`?novaProbe0` → `novaProbe0`)."""
    from nova.ide.memory import probe_source

    text = apply_edits(src.text, edits)
    key = (id(workspace.view), src.name, text)
    cached = _PROBES.get(key)
    if cached is not None and cached[0] is workspace.view:
        return cached[1]
    probe = probe_source(workspace.view, text)
    types: dict[str, str] = {}
    for d in getattr(probe.checked, "diagnostics", ()) or ():
        if d.code != "HoleInferredType":
            continue
        named = re.match(r"Hole `\?([\w']+)` has the inferred type `(.+?)`\.", d.message, re.DOTALL)
        if named is not None:
            types[named.group(1)] = named.group(2)
    if len(_PROBES) >= PROBES_KEPT:
        _PROBES.pop(next(iter(_PROBES)))
    _PROBES[key] = (workspace.view, types)  # the view is held so that its id is not reused while cached
    return types


PROBES_KEPT = 4
_PROBES: dict[tuple[int, str, str], tuple[Any, dict[str, str]]] = {}
"""The last probes' answers: editors ask for code actions on every cursor move, and a probe checks the module
again; while the cursor stays on the same diagnostic of the same text, the answer is the same."""


def apply_edits(text: str, edits: list[tuple[Span, str]]) -> str:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for span, new_text in sorted(edits, key=lambda e: (e[0].start_line, e[0].start_col), reverse=True):
        begin = starts[span.start_line] + span.start_col
        end = starts[span.end_line] + span.end_col
        text = text[:begin] + new_text + text[end:]
    return text


def _placeholder_import(workspace: Workspace, src: ModuleSource, change: SourceChange) -> None:
    if PLACEHOLDER not in src.scope(workspace.view).values and PLACEHOLDER not in src.elements:
        for edit in add_import(src, "Partial.Unsafe", PLACEHOLDER):
            change.add(src.name, edit.span, edit.new_text)


SIMPLE_DEFAULTS = {"Int": "0", "Number": "0.0", "String": '""', "Boolean": "false", "Char": "'a'"}


def default_value(shown: str, in_scope: set[str]) -> str | None:
    """A value of a printed type written without anything the module may lack: literals, `[]`, `Nothing` when in
    scope, a record of defaults; None when there is no obvious one."""
    shown = shown.strip()
    if _outside_brackets(shown, "->") or _outside_brackets(shown, "=>") or shown.startswith("forall"):
        return None
    if shown in SIMPLE_DEFAULTS:
        return SIMPLE_DEFAULTS[shown]
    if shown.startswith("Array ") or shown == "Array":
        return "[]"
    if shown.startswith("Maybe ") and "Nothing" in in_scope:
        return "Nothing"
    if shown.startswith("{") and shown.endswith("}") and "|" not in shown:
        fields = _record_fields(shown[1:-1])
        if fields is None:
            return None
        values = []
        for label, field_type in fields:
            value = default_value(field_type, in_scope)
            if value is None:
                return None
            values.append(f"{label}: {value}")
        return "{ " + ", ".join(values) + " }" if values else "{}"
    return None


def _record_fields(inside: str) -> list[tuple[str, str]] | None:
    """`x :: Int, y :: Maybe (Array Int)` → [(x, Int), (y, Maybe (Array Int))], split at top-level commas."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(inside):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inside[start:i])
            start = i + 1
    if inside.strip():
        parts.append(inside[start:])
    out: list[tuple[str, str]] = []
    for part in parts:
        label, sep, field_type = part.partition("::")
        if not sep:
            return None
        out.append((label.strip(), field_type.strip()))
    return out


# ------------------------------------------------------------------------------------------------- record fields
def add_missing_fields(workspace: Workspace, src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    """`PropertyIsMissing` on a record literal: add the missing labels, each with a value of its type (a literal,
    `[]`, `Nothing`) or a placeholder crashing at run time, so the module checks and the values can be written."""
    listed = LABELS.search(diagnostic.message)
    if listed is None:
        return
    labels = re.findall(r"`([^`]+)`", listed.group(1))
    at = diagnostic.span
    hit = query.element_at(src.elements, at.start_line, at.start_col)
    if hit is None or not labels:
        return
    record = next((n for n in query.nodes_at(hit[1], at.start_line, at.start_col)
                   if isinstance(n, T.ERecord) and n.span == at), None)
    if record is None or src.text_of(at)[-1:] != "}":
        return
    if record.fields:
        last = record.fields[-1][1].span
        where, lead, tail = Span(last.end_line, last.end_col, last.end_line, last.end_col), ", ", ""
    else:
        where, lead, tail = at, "{ ", " }"
    probes = [f"{label}: ?{PROBE_HOLE}{i}" for i, label in enumerate(labels)]
    types = hole_types(workspace, src, [(where, lead + ", ".join(probes) + tail)])
    in_scope = set(src.scope(workspace.view).values) | set(src.elements)
    values: list[str] = []
    crash = False
    for i, label in enumerate(labels):
        shown = types.get(f"{PROBE_HOLE}{i}")
        value = default_value(shown, in_scope) if shown is not None else None
        if value is None:
            value, crash = TODO, True
        values.append(f"{label}: {value}")
    change = SourceChange()
    change.add(src.name, where, lead + ", ".join(values) + tail)
    if crash:
        _placeholder_import(workspace, src, change)
    plural = "s" if len(labels) > 1 else ""
    names = ", ".join(f"`{label}`" for label in labels)
    yield CodeAction(f"Add the missing field{plural} {names}", "quickfix", change, diagnostic, preferred=True)


# ------------------------------------------------------------------------------------------------- stubs
TYPE_VARIABLE = re.compile(r"(?<![\w.'])([a-z][\w']*)(?![\w'])(?!\s*::)")


def generate_stub(workspace: Workspace, src: ModuleSource, diagnostic: Diagnostic) -> Iterator[CodeAction]:
    """An unknown lowercase name used in a declaration: define it after that declaration, with the type its use
    asks for (from a typed hole put in its place) and a body crashing at run time until it is written."""
    written = src.text_of(diagnostic.span)
    if not re.fullmatch(r"[a-z_][\w']*", written) or written in src.elements:
        return
    at = diagnostic.span
    hit = query.element_at(src.elements, at.start_line, at.start_col)
    if hit is None:
        return
    element: Any = hit[1]
    types = hole_types(workspace, src, [(at, f"?{written}")])
    shown = types.get(written)
    if shown is None:
        return
    variables = sorted(set(TYPE_VARIABLE.findall(shown)) - {"forall"})
    if variables and not shown.startswith("forall"):
        shown = f"forall {' '.join(variables)}. {shown}"
    end = _declaration_end(src, element.span.end_line)
    change = SourceChange()
    text = f"\n\n{written} :: {shown}\n{written} = {TODO}"
    change.add(src.name, Span(end, len(src.line(end)), end, len(src.line(end))), text)
    _placeholder_import(workspace, src, change)
    yield CodeAction(f"Define `{written} :: {shown}`", "quickfix", change, diagnostic)


def _declaration_end(src: ModuleSource, line: int) -> int:
    """The last line of the declaration ending on `line`, its indented continuation lines included."""
    last = line
    for number in range(line + 1, len(src.lines)):
        text = src.line(number)
        if not text.strip():
            continue
        if text[:1] in " \t":
            last = number
            continue
        break
    return last
