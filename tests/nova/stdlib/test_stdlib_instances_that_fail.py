"""Instances that exist only to reject a use with PureScript's message (`Fail`), and type-level functions whose
result is determined by their arguments."""

from __future__ import annotations

from nova.check import check_module
from nova.syntax import parse_module
from tests.nova.stdlib.stdlib_examples import root


def _errors(source: str) -> list[str]:
    checked = check_module(parse_module(source), root().begin_batch())
    return [d.message for d in checked.diagnostics if d.severity.name == "ERROR"]


def test_bind_on_a_zip_list_is_a_compile_time_error_with_purescripts_message() -> None:
    source = """module M where
import Prelude
import Data.List.Lazy as LL
import Data.List.ZipList (ZipList(..))

bad :: ZipList Int
bad = ZipList (LL.singleton 1) >>= \\x -> ZipList (LL.singleton x)
"""
    errors = _errors(source)
    assert any("ZipList is not Bind" in e for e in errors), errors


def test_apply_on_a_zip_list_is_accepted() -> None:
    source = """module M where
import Prelude
import Data.List.Lazy as LL
import Data.List.ZipList (ZipList(..))

good :: ZipList Int
good = (+) <$> ZipList (LL.singleton 1) <*> ZipList (LL.singleton 2)
"""
    assert _errors(source) == []
