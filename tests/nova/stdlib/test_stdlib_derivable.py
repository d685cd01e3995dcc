"""Every class PureScript can derive lives in the standard library under PureScript's module and name, so the
deriving tests and user programs use the real modules (no stand-ins)."""

from __future__ import annotations

from nova import keys
from tests.nova.deriving_modules import DERIVABLE
from tests.nova.stdlib.stdlib_examples import root


def test_every_derivable_class_is_a_stdlib_class_under_purescripts_module() -> None:
    layer = root()
    missing = [
        f"{module}.{cls}"
        for module, classes in DERIVABLE.items()
        for cls in classes
        if layer.get(module) is None or keys.class_key(cls) not in layer.get(module).exports
    ]
    assert missing == []
    assert sum(len(c) for c in DERIVABLE.values()) >= 14
