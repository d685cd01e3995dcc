"""The classes and instances in a module's scope are joined from its imports' remembered reaches
(`nova.check.declarations._reach_of`): the same modules, in the same order, as a walk over everything the imports
reach, and an importer's check reads no module its imports only reach through others."""

from __future__ import annotations

from typing import Any

from nova.check import check_module
from nova.check.declarations import _joined, _reach_of, _walked
from nova.syntax import parse_module
from tests.nova.types.helpers import check, diagnostics


def _class_module(name: str, imports: tuple[str, ...], instance_of: str | None = None) -> str:
    """A module declaring a class (and an instance of an imported class) besides importing `imports`."""
    lines = [f"module {name} where", "", "import Prelude", *(f"import {i}" for i in imports), ""]
    lines += [f"class C{name} a where", f"  m{name} :: a -> Int", "", f"instance c{name}Int :: C{name} Int where",
              f"  m{name} _ = 1", ""]
    if instance_of is not None:
        lines += [f"data T{name} = T{name}", "", f"instance c{instance_of}T{name} :: C{instance_of} T{name} where",
                  f"  m{instance_of} _ = 2", ""]
    return "\n".join(lines)


DAG = {
    "D0": ((), None),
    "D1": (("D0",), "D0"),
    "D2": (("D0",), None),
    "Plain": (("D1",), None),  # declares a class too: every module of the graph brings some
    "D3": (("D2", "Plain", "D1"), "D1"),
    "D4": (("D1", "D3", "D2"), "D2"),
    "D5": (("D4", "D0", "D3"), "D4"),
}


def test_reaches_joined_give_the_walks_modules_in_its_order() -> None:
    result = check(**{name: _class_module(name, imports, inst) for name, (imports, inst) in DAG.items()})
    assert diagnostics(result) == []
    layer = result.layer
    for name, (imports, _) in DAG.items():
        roots = ["Prelude", *imports]
        reaches = [_reach_of(layer, m) for m in reversed(roots)]
        assert all(r is not None for r in reaches)
        joined = [m for m, _ in _joined([r for r in reaches if r is not None]).parts]
        walked = [m for m, _ in _walked(layer, roots, name)]
        assert joined == walked, name
        assert set(imports) <= set(joined) and name not in joined


def test_a_cycle_in_the_closure_is_walked() -> None:
    result = check(
        A="module A where\n\nimport Prelude\nimport B\n\nclass Ca a where\n  ma :: a -> Int\n",
        B="module B where\n\nimport Prelude\nimport A\n\ndata Tb = Tb\n\ntb :: Tb\ntb = Tb\n\n"
          "instance caTb :: Ca Tb where\n  ma _ = 1\n",
        Main="module Main where\n\nimport Prelude\nimport A\nimport B (tb)\n\nx :: Int\nx = ma tb\n",
    )
    assert _reach_of(result.layer, "A") is None and _reach_of(result.layer, "B") is None
    assert result.diagnostics_by_path["/ws/Main.nova"] == []


class _Reads:
    """A registry view recording which modules a check looks up."""

    def __init__(self, layer: Any) -> None:
        self.layer = layer
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.layer, name)
        if name not in ("get", "scheme", "element", "elements", "revision", "closure_revision"):
            return found

        def read(module: str, *rest: Any) -> Any:
            self.read.add(module)
            return found(module, *rest)

        return read


def test_a_check_reads_its_imports_not_what_they_reach() -> None:
    chain = {f"Link{i}": f"module Link{i} where\n\nimport Prelude\n" + (f"import Link{i - 1}\n" if i else "")
             + f"\nv{i} :: Int\nv{i} = {'v' + str(i - 1) + ' + ' if i else ''}1\n" for i in range(12)}
    chain["Link0"] += "\nclass Far a where\n  far :: a -> Int\n\ninstance farInt :: Far Int where\n  far _ = 0\n"
    result = check(**chain)
    assert diagnostics(result) == []
    view = _Reads(result.layer)
    checked = check_module(parse_module(chain["Link11"]), view, lint=False)
    assert checked.diagnostics == ()
    assert view.read & {f"Link{i}" for i in range(10)} == set()
    assert checked.structure is not None and ("Link0", "Far") in checked.structure.classenv.classes
