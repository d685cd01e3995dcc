"""Fixture helpers: module texts with cursor markers, checked into an in-memory workspace.

A marker is `‸` optionally followed by a digit (`‸`, `‸1`, `‸2`): it is removed from the text and its position
(line, code-point column) recorded under its digit ("" for a bare `‸`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nova.diagnostics import Span
from nova.ide.memory import MemoryWorkspace
from nova.ide.model import SourceChange
from nova.ide.source import ModuleSource

MARKER = re.compile("‸([0-9]?)")


def strip_markers(text: str) -> tuple[str, dict[str, tuple[int, int]]]:
    marks: dict[str, tuple[int, int]] = {}
    out: list[str] = []
    last = 0
    length = 0
    for match in MARKER.finditer(text):
        out.append(text[last:match.start()])
        length += match.start() - last
        last = match.end()
        clean = "".join(out)
        line = clean.count("\n")
        marks[match.group(1)] = (line, len(clean) - (clean.rfind("\n") + 1))
    out.append(text[last:])
    return "".join(out), marks


@dataclass
class Fixture:
    workspace: MemoryWorkspace
    marks: dict[str, tuple[str, int, int]]  # marker → (module, line, col)

    def source(self, module: str) -> ModuleSource:
        src = self.workspace.source(module)
        assert src is not None, module
        return src

    def at(self, marker: str = "") -> tuple[ModuleSource, int, int]:
        module, line, col = self.marks[marker]
        return self.source(module), line, col

    def text_at(self, module: str, span: Span) -> str:
        return self.source(module).text_of(span)

    def errors(self, module: str) -> list[str]:
        checked = self.workspace.checked[module]
        return [f"{d.code}: {d.message}" for d in checked.diagnostics if int(d.severity) == 1]


def fixture(*texts: str) -> Fixture:
    """Check the texts (one module each, markers removed) into a workspace over the standard library."""
    clean: list[str] = []
    marks: dict[str, tuple[str, int, int]] = {}
    for text in texts:
        stripped, found = strip_markers(text)
        clean.append(stripped)
        name = re.search(r"^module\s+([\w.]+)", stripped, re.MULTILINE)
        module = name.group(1) if name else "Main"
        for key, (line, col) in found.items():
            marks[key] = (module, line, col)
    return Fixture(MemoryWorkspace(clean), marks)


def apply_edits(text: str, edits: list[tuple[Span, str]]) -> str:
    """Apply non-overlapping edits (code-point spans) to a text."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, col: int) -> int:
        return starts[line] + col

    result = text
    for span, new_text in sorted(edits, key=lambda e: (e[0].start_line, e[0].start_col), reverse=True):
        begin, end = offset(span.start_line, span.start_col), offset(span.end_line, span.end_col)
        result = result[:begin] + new_text + result[end:]
    return result


def apply_change(fx: Fixture, change: SourceChange) -> dict[str, str]:
    """The texts of every module after a change (unchanged modules included)."""
    texts = dict(fx.workspace.texts)
    for module, edits in change.edits.items():
        texts[module] = apply_edits(texts[module], [(e.span, e.new_text) for e in edits])
    return texts
