"""Every name a module of PureScript's published core libraries exports is exported by Nova's module of the same
name, as the same kind of entity (value, type or class), except the deliberate omissions listed with their reason;
and every stdlib module named like a published one is compared."""

from __future__ import annotations

import re

from nova import keys
from nova.stdlib.table import README
from tests.nova.stdlib.published_exports import OMITTED, PUBLISHED
from tests.nova.stdlib.stdlib_examples import root

NOVA_ONLY_MODULES: dict[str, str] = {
    "Control.Monad.Gen.Seeded": "a MonadGen instance to run generators with; PureScript's is in quickcheck",
}
"""Stdlib modules not compared, with why."""


def _key(name: str) -> str:
    """The element key of a name in the data file's notation (type operators, which modules export apart from
    their rows, are matched against the module's exported type operators)."""
    if name.startswith("type:"):
        return keys.type_key(name[5:])
    if name.startswith("class:"):
        return keys.class_key(name[6:])
    return name


def _missing() -> list[str]:
    layer = root()
    out = []
    for module, names in PUBLISHED.items():
        entry = layer.get(module)
        if entry is None:
            out.append(f"{module} (the whole module)")
            continue
        exports = set(entry.exports) | {keys.type_key(op) for op in entry.env.type_operators}
        for name in names.split():
            if _key(name) not in exports and (module, name) not in OMITTED:
                out.append(f"{module}.{name}")
    return out


def test_every_published_name_is_exported_with_the_same_kind() -> None:
    assert _missing() == []


def test_the_omissions_are_real_and_explained() -> None:
    """An omission that Nova has meanwhile filled, or one without a reason, is stale."""
    layer = root()
    for (module, name), why in OMITTED.items():
        assert len(why) > 10, (module, name)
        assert name in PUBLISHED[module].split(), (module, name)
        entry = layer.get(module)
        assert entry is None or _key(name) not in entry.exports, f"{module}.{name} is no longer omitted"


def test_every_stdlib_module_named_like_a_published_one_is_compared() -> None:
    layer = root()
    uncompared = sorted(m for m in layer.modules() if m not in PUBLISHED and m not in NOVA_ONLY_MODULES)
    assert uncompared == []
    assert len(PUBLISHED) >= 140


def test_the_comparison_can_fail() -> None:
    """A name Nova lacks, under a kind it lacks it as, is reported (the check is not vacuous)."""
    layer = root()
    exports = set(layer.get("Data.Maybe").exports)
    assert _key("type:Just") not in exports and _key("Just") in exports


def test_the_modules_not_yet_here_are_absent() -> None:
    """The README's "Not yet here" list names only modules the stdlib lacks (it goes stale when one is added)."""
    readme = README.read_text(encoding="utf-8")
    section = readme.split("## Not yet here", 1)[1].split("\n## ", 1)[0]
    bullets = "\n".join(line for line in section.splitlines() if line.startswith(("- ", "  ")))
    listed = [m for m in re.findall(r"`([A-Z][\w.]*)`", bullets) if "." in m]
    layer = root()
    assert all(m not in PUBLISHED for m in listed)
    present = sorted(m for m in listed if layer.get(m) is not None)
    assert present == []
    assert listed or "there are none at present" in section
