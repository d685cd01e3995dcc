"""The names the server shows for element keys (hover titles, completion labels) come from `nova.keys`."""

from __future__ import annotations

import pytest

from nova import keys
from server.lsp_util import bare_name


@pytest.mark.parametrize(
    ("key", "shown"),
    [("map", "map"), (":|", ":|"), ("::>", "::>"), (keys.type_key("Maybe"), "Maybe"), (keys.class_key("Eq"), "Eq"),
     (keys.instance_key("showBox"), "showBox")],
)
def test_bare_name(key: str, shown: str) -> None:
    assert bare_name(key) == shown
