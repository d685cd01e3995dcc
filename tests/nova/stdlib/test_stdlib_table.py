"""nova/stdlib/README.md's module table is what the checked modules export now."""

from __future__ import annotations

from nova.stdlib import load_root
from nova.stdlib.table import END, README, START, counts, module_table, with_table


def test_the_readme_table_is_generated_from_the_modules() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme == with_table(readme, module_table(load_root())), "run `python -m nova.stdlib.table --write`"


def test_the_table_lists_every_module_once() -> None:
    root = load_root()
    table = module_table(root)
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == sorted(root.modules())


def test_counts_separate_values_types_classes_and_instances() -> None:
    keys = ["map", "<$>", "Just", "type:Maybe", "class:Functor", "instance:functorMaybe"]
    assert counts(keys) == (3, 1, 1, 1)


def test_the_markers_delimit_the_table() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme.count(START) == 1 and readme.count(END) == 1
    assert with_table(f"a{START}\nold\n{END}b", "new\n") == f"a{START}\nnew\n{END}b"
