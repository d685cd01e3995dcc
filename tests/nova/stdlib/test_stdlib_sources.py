"""Consistency checks on the standard library's Nova sources that need no parser.

FOREIGN.md is what the evaluator is written from, so it must list exactly the foreign imports of the sources, with
the same types; and every module of the stdlib must be a file whose header names a distinct module.
"""

from __future__ import annotations

import re
from pathlib import Path

STDLIB = Path(__file__).resolve().parents[3] / "nova" / "stdlib"
# (a signature too long for one line continues on indented lines, broken as the formatter breaks it)
FOREIGN_VALUE = re.compile(r"^foreign import (?!data )(\w+)\s*::\s*(.+(?:\n[ \t]+\S.*)*)$", re.M)
FOREIGN_DATA = re.compile(r"^foreign import data (\w+) :: (.+)$", re.M)
MODULE_HEADER = re.compile(r"^module ([A-Z][\w.]*)", re.M)
TABLE_ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \|")


def _sources() -> dict[str, str]:
    modules: dict[str, str] = {}
    for path in sorted(STDLIB.glob("*.nova")):
        text = path.read_text(encoding="utf-8")
        header = MODULE_HEADER.search(text)
        assert header is not None, f"{path.name} has no module header"
        name = header.group(1)
        assert name not in modules, f"module {name} declared twice"
        assert path.name == f"{name}.nova", f"{path.name} declares {name}"
        modules[name] = text
    return modules


def _documented() -> dict[tuple[str, str], str]:
    """(module, name) -> type for every row under a `## Module` heading of FOREIGN.md."""
    rows: dict[tuple[str, str], str] = {}
    module: str | None = None
    for line in (STDLIB / "FOREIGN.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            module = heading if re.fullmatch(r"[A-Z][\w.]*", heading) else None
            continue
        row = TABLE_ROW.match(line)
        if module is not None and row is not None:
            key = (module, row.group(1))
            assert key not in rows, f"{key} documented twice"
            rows[key] = row.group(2)
    return rows


def test_the_stdlib_has_the_documented_modules() -> None:
    expected = {
        "Prelude",
        "Data.Maybe",
        "Data.Either",
        "Data.Tuple",
        "Data.List",
        "Data.Array",
        "Data.String",
        "Data.Int",
        "Data.Foldable",
        "Data.Traversable",
        "Data.Map",
        "Effect",
        "Effect.Console",
    }
    assert expected <= set(_sources())


def test_foreign_md_lists_every_foreign_value_with_its_type() -> None:
    in_sources = {
        (module, m.group(1)): _one_line(m.group(2))
        for module, text in _sources().items()
        for m in FOREIGN_VALUE.finditer(text)
    }
    assert _documented() == in_sources


def _one_line(signature: str) -> str:
    """A type written over several lines (`forall a` / ` . C a` / `=> a` / `-> b`) as one line."""
    return re.sub(r" \. ", ". ", " ".join(line.strip() for line in signature.splitlines()))


def test_foreign_md_states_the_count() -> None:
    count = sum(len(FOREIGN_VALUE.findall(text)) for text in _sources().values())
    assert f"**{count} foreign values**" in (STDLIB / "FOREIGN.md").read_text(encoding="utf-8")


def test_foreign_types_are_declared_where_purescript_declares_them() -> None:
    datas = {
        (module, m.group(1)): m.group(2).strip()
        for module, text in _sources().items()
        for m in FOREIGN_DATA.finditer(text)
    }
    assert datas == {
        ("Data.Unit", "Unit"): "Type",
        ("Data.Lazy", "Lazy"): "Type -> Type",
        ("Data.Map.Internal", "Map"): "Type -> Type -> Type",
        ("Data.String.Regex", "Regex"): "Type",
        ("Effect", "Effect"): "Type -> Type",
        ("Effect.Ref", "Ref"): "Type -> Type",
        ("Effect.Exception", "Error"): "Type",
        ("Control.Monad.ST", "Region"): "Type",
        ("Control.Monad.ST", "ST"): "Region -> Type -> Type",
        ("Control.Monad.ST.Ref", "STRef"): "Region -> Type -> Type",
        ("Data.Exists", "Exists"): "forall k. (k -> Type) -> Type",
        ("Control.Monad.ST.Global", "Global"): "Region",
        **{
            ("Control.Monad.ST.Uncurried", f"STFn{n}"): " -> ".join(["Type"] * n + ["Region", "Type", "Type"])
            for n in range(1, 11)
        },
        # (`Fn1` is no foreign type: a synonym of `->`, as in PureScript)
        **{("Data.Function.Uncurried", f"Fn{n}"): " -> ".join(["Type"] * (n + 2)) for n in range(11) if n != 1},
        **{("Effect.Uncurried", f"EffectFn{n}"): " -> ".join(["Type"] * (n + 2)) for n in range(1, 11)},
    }


def test_every_exported_declaration_has_a_doc_comment() -> None:
    """Hover shows doc comments, so each top-level declaration of an exported name must carry one."""
    decl = re.compile(r"^(?:foreign import (?:data )?|data |newtype |type |class (?:\(.*\) <= |\w+ \w+ <= )?|)(\w+)\b")
    undocumented: list[str] = []
    for module, text in _sources().items():
        lines = text.splitlines()
        seen: set[str] = set()
        for i, line in enumerate(lines):
            if not line or line[0] in " -\t" or line.startswith(("import", "module", "instance", "infix")):
                continue
            # (a signature past the width is broken before its `::`: the name alone on its line)
            broken = i + 1 < len(lines) and lines[i + 1].lstrip().startswith(":: ")
            if line.startswith(("foreign import", "data ", "newtype ", "class ")) or " :: " in line or broken:
                match = decl.match(line)
                if match is None or match.group(1) in seen or match.group(1).endswith("Impl"):
                    continue
                name = match.group(1)
                seen.add(name)
                if not _exported(text, name):
                    continue
                if i == 0 or not lines[i - 1].startswith("-- |"):
                    undocumented.append(f"{module}.{name}")
    assert undocumented == []


def _exported(text: str, name: str) -> bool:
    header = text.split(") where", 1)[0]
    return re.search(rf"[(,]\s*(?:class\s+)?{re.escape(name)}\b", header) is not None
