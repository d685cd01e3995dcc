"""The README's table of Nova-specific extras names only what the modules really export, so the list of names
PureScript's libraries lack cannot drift from the sources."""

from __future__ import annotations

import re

from nova import keys
from nova.stdlib.table import README
from tests.nova.stdlib.stdlib_examples import root


def _extras() -> list[tuple[list[str], list[str]]]:
    """(modules, names) of each row of the extras table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Nova-specific extras", 1)[1].split("\n## ", 1)[0]
    rows: list[tuple[list[str], list[str]]] = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        modules = re.findall(r"`([A-Z][\w.]*)`", cells[0])
        # the names are the code spans before any parenthesised remark
        names = re.findall(r"`([a-z][\w']*)`", cells[1].split("(", 1)[0])
        rows.append((modules, names))
    return rows


def test_the_extras_table_has_rows() -> None:
    assert len(_extras()) >= 4


def test_every_listed_extra_is_exported_by_its_modules() -> None:
    layer = root()
    missing = []
    for modules, names in _extras():
        assert modules and names
        for module in modules:
            entry = layer.get(module)
            assert entry is not None, module
            exported = {keys.name_of(k) for k in entry.exports}
            missing.extend(f"{module}.{n}" for n in names if n not in exported)
    assert missing == []
