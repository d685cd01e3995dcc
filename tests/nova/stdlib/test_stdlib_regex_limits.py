"""A regular expression that backtracks endlessly is stopped at the evaluation's time limit, like any other endless
evaluation, and the same evaluation with a simple pattern still answers."""

from __future__ import annotations

from typing import Any

import pytest

from nova.check import check_module
from nova.eval.api import evaluate_value
from nova.eval.errors import EvalLimitError
from nova.eval.machine import Limits
from nova.syntax import parse_module
from tests.nova.stdlib.stdlib_examples import root

SOURCE = """module M where
import Prelude
import Data.Either (Either(..))
import Data.String.Regex (regex, test, replace, split, search)
import Data.String.Regex.Flags (noFlags, global)
import Data.String.CodeUnits (fromCharArray)
import Data.Array (replicate)

long :: String
long = fromCharArray (replicate 5000 'a') <> "b"

-- | Exponential backtracking: each `a` can be one `a` or the start of `aa`, and `$` fails at the `b`.
endless :: Boolean
endless = case regex "(a|aa)+$" noFlags of
  Right r -> test r long
  Left _ -> false

endlessReplace :: String
endlessReplace = case regex "(a|aa)+$" global of
  Right r -> replace r "x" long
  Left _ -> ""

quick :: Boolean
quick = case regex "a+b" noFlags of
  Right r -> test r long
  Left _ -> false
"""


def _layer() -> Any:
    layer = root().begin_batch()
    checked = check_module(parse_module(SOURCE), layer)
    assert not [d.message for d in checked.diagnostics if d.severity.name == "ERROR"]
    layer.put(checked.name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports))
    return layer


@pytest.mark.parametrize("name", ["endless", "endlessReplace"])
def test_an_endlessly_backtracking_match_stops_at_the_time_limit(name: str) -> None:
    # (Python's `re` would never return here: the test's own timeout would fail it.)
    with pytest.raises(EvalLimitError, match="time limit"):
        evaluate_value(_layer(), "M", name, limits=Limits(timeout=1.0))


def test_a_simple_match_on_the_same_text_answers() -> None:
    assert evaluate_value(_layer(), "M", "quick", limits=Limits(timeout=5.0)).value == "true"
