"""The pure-sugar forms of PureScript run as PureScript desugars them: `ado`, anonymous arguments, record update
sections, nested updates, qualified operators, type applications, negative literal patterns and string escapes."""

from __future__ import annotations

from nova_programs import root

from nova.eval.api import EvalResult, evaluate_expression

PROGRAM = """module Sugar where

import Prelude
import Prelude as P
import Data.Maybe (Maybe(..))
import Data.Tuple (Tuple(..))
import Effect (Effect)
import Effect.Console (log)

infixr 6 Tuple as /\\
infixr 6 type Tuple as /\\

pairs :: Array (Tuple Int String)
pairs = ado
  n <- [1, 2]
  s <- ["a", "b"]
  in Tuple n s

sumBoth :: Maybe Int -> Maybe Int -> Maybe Int
sumBoth a b = ado
  x <- a
  let doubled = x * 2
  y <- b
  in doubled + y

constant :: Maybe String
constant = ado in "only"

effects :: Effect Int
effects = ado
  log "first"
  x <- pure 20
  log "second"
  y <- pure 22
  in x + y

destructure :: Maybe Int
destructure = ado
  Tuple a b <- Just (Tuple 3 4)
  in a * b

classify :: Int -> String
classify = case _ of
  -1 -> "minus one"
  0 -> "zero"
  _ -> "other"

sign :: Int -> Int
sign (-5) = -50
sign n = n

choose :: Boolean -> String -> String -> String
choose = if _ then _ else _

rename :: forall r. { name :: String | r } -> String -> { name :: String | r }
rename = _ { name = _ }

moveTo :: forall r s. String -> { address :: { city :: String | r } | s } -> { address :: { city :: String | r } | s }
moveTo city = _ { address { city = city } }

setZip p = p { address { zip = _ } }

point = { x: _, y: _ }

cityOf = _.address.city

triple :: Int /\\ String /\\ Boolean
triple = 1 /\\ "two" /\\ true

middle :: Int /\\ String /\\ Boolean -> String
middle (_ /\\ s /\\ _) = s

identity' :: forall @a. a -> a
identity' x = x

lone :: String
lone = "\\xD834"
"""

PERSON = '{ name: "Ada", address: { city: "London", zip: 1 } }'


def ev(expression: str) -> EvalResult:
    return evaluate_expression(root(), expression, module_source=PROGRAM)


def test_ado_combines_with_map_and_apply_in_statement_order() -> None:
    assert ev("pairs").value == '[Tuple 1 "a",Tuple 1 "b",Tuple 2 "a",Tuple 2 "b"]'
    assert ev("sumBoth (Just 1) (Just 2)").value == "Just 4"
    assert ev("sumBoth (Just 1) Nothing").value == "Nothing"
    assert (ev("constant").value, ev("constant").type) == ('Just "only"', "Maybe String")
    assert ev("destructure").value == "Just 12"


def test_ado_runs_every_effect_once_in_order() -> None:
    result = ev("effects")
    assert result.output == ("first", "second")
    assert (result.value, result.type) == ("42", "Effect Int")


def test_anonymous_arguments() -> None:
    assert ev("map classify [-1, 0, 7]").value == '["minus one","zero","other"]'
    assert ev('choose false "yes" "no"').value == '"no"'
    assert ev("cityOf " + PERSON).value == '"London"'
    assert ev("point 1 true").value == "{ x: 1, y: true }"
    assert ev("map (_ - 1) [1, 2]").value == "[0,1]"
    assert ev("map (10 - _) [1, 2]").value == "[9,8]"


def test_update_sections_and_nested_updates() -> None:
    assert ev(f'(rename {PERSON} "Grace").name').value == '"Grace"'
    moved = ev(f'moveTo "Paris" {PERSON}')
    assert moved.value == '{ address: { city: "Paris", zip: 1 }, name: "Ada" }'
    assert ev(f"(setZip {PERSON} 99).address").value == '{ city: "London", zip: 99 }'
    # the original record is unchanged
    assert ev(f'let p = {PERSON} in (moveTo "Rome" p).address.city <> p.address.city').value == '"RomeLondon"'


def test_negative_literal_patterns() -> None:
    assert ev("map sign [-5, 5]").value == "[-50,5]"


def test_type_operators_associate_by_their_fixity() -> None:
    result = ev("triple")
    assert result.type == "Tuple Int (Tuple String Boolean)"
    assert ev("middle triple").value == '"two"'


def test_qualified_operators_and_visible_type_application() -> None:
    assert ev("P.(+) 1 2").value == "3"
    assert ev("(P.*) 3 4").value == "12"
    assert ev("2 P.+ 3 P.* 4").value == "14"
    result = ev("identity' @Int 7")
    assert (result.value, result.type) == ("7", "Int")


def test_lone_surrogates_print_as_escapes() -> None:
    assert ev("lone").value == '"\\xD834"'
    assert ev('"\\x1F600"').value == '"\U0001f600"'
