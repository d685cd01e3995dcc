"""Which typed elements of a check are those of the previous check moved by whole lines.

When an edit adds or removes lines, the checker reuses every binding group below it whose declarations are unchanged
and whose reads still resolve alike, moving its elements' spans (`nova.check` `_try_reuse`): such an element is a
copy of the previous one with its lines shifted, and whatever a reading feature derived from the previous element
(its meanings, its hints) holds for the copy once shifted the same way. The checker says so through its group
caches: a moved group keeps the previous group's record of reads (the same object), a group inferred again gets a
new one.
"""

from __future__ import annotations

from typing import Any


def moved_elements(previous: Any, result: Any) -> dict[int, tuple[Any, int]]:
    """By id of an element of `result`: the element of `previous` it is a moved copy of, and by how many lines it
    moved; for the elements the checker moved (not those it kept in place, nor those it inferred again), that
    both results hold under the same key."""
    if previous is None or result is None or previous is result:
        return {}
    before_groups = getattr(previous, "cache", None) or {}
    groups = getattr(result, "cache", None) or {}
    elements = getattr(getattr(result, "typed_ast", None), "elements", None) or {}
    before_elements = getattr(getattr(previous, "typed_ast", None), "elements", None) or {}
    moved: dict[int, tuple[Any, int]] = {}
    for key, group in groups.items():
        before = before_groups.get(key)
        if before is None or before is group or group.reads is not before.reads or not group.spans \
                or len(group.spans) != len(before.spans):
            continue
        lines = group.spans[0].start_line - before.spans[0].start_line
        if lines == 0:
            continue
        for name, element in group.elements.items():
            origin = before.elements.get(name)
            if origin is not None and elements.get(name) is element and before_elements.get(name) is origin:
                moved[id(element)] = (origin, lines)
    return moved
