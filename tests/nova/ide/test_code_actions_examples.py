"""Every code action offered anywhere in the repository's `examples/` workspace (at each cursor position, and for
each of the first one-line and multi-line expressions selected) leaves the workspace with no more errors than it had."""

from __future__ import annotations

from pathlib import Path

from nova import query
from nova.diagnostics import Span
from nova.ide import code_actions
from nova.ide.memory import MemoryWorkspace
from nova.ide.model import CodeAction
from tests.nova.ide.fixtures import apply_edits

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SELECTIONS_CHECKED = 40
MULTI_LINE_CHECKED = 15


def errors(workspace: MemoryWorkspace) -> dict[str, int]:
    return {m: sum(1 for d in c.diagnostics if int(d.severity) == 1) for m, c in workspace.checked.items()}


def offered(workspace: MemoryWorkspace) -> dict[tuple[object, ...], CodeAction]:
    found: dict[tuple[object, ...], CodeAction] = {}
    selections = multi_line = 0
    for module in workspace.texts:
        src = workspace.source(module)
        assert src is not None
        spans = [Span(n, c, n, c) for n, line in enumerate(src.lines) for c in range(len(line) + 1)]
        for element in src.elements.values():
            for node in query.iter_nodes(element):
                span = query.span_of(node)
                one_line = span is not None and span.start_line == span.end_line and span.start_col < span.end_col
                if span is None or getattr(node, "type", None) is None:
                    continue
                if one_line and selections < SELECTIONS_CHECKED:
                    spans.append(span)
                    selections += 1
                elif span.start_line < span.end_line and multi_line < MULTI_LINE_CHECKED:
                    spans.append(span)
                    multi_line += 1
        for span in spans:
            for action in code_actions.code_actions(workspace, src, span):
                key = (action.title, tuple((m, tuple(e)) for m, e in sorted(action.change.edits.items())))
                found.setdefault(key, action)
    return found


def test_every_action_offered_on_the_examples_keeps_them_checking() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.nova"))}
    workspace = MemoryWorkspace(texts)
    before = errors(workspace)
    actions = offered(workspace)
    kinds = {a.kind.split(".")[0] for a in actions.values()}
    assert {"quickfix", "refactor"} <= kinds, kinds
    broken = []
    for action in actions.values():
        changed = dict(workspace.texts)
        for module, edits in action.change.edits.items():
            changed[module] = apply_edits(changed[module], [(e.span, e.new_text) for e in edits])
        after = errors(MemoryWorkspace({f"{m}.nova": t for m, t in changed.items()}))
        if any(after.get(m, 0) > before.get(m, 0) for m in after):
            broken.append((action.title, after))
    assert broken == [], "\n".join(f"{t}: {e}" for t, e in broken)
