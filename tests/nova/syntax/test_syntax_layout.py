"""The layout rule: the virtual `{ ; }` tokens inserted for each case NOVA.md lists."""

from __future__ import annotations

from nova.syntax.layout import layout
from nova.syntax.lexer import lex
from nova.syntax.tokens import EOF, VEND, VSEP, VSTART

_SHOW = {VSTART: "{", VSEP: ";", VEND: "}"}


def laid_out(source: str) -> str:
    """The token stream as text, virtual tokens shown as `{ ; }`; the module header is left out."""
    tokens = layout(lex("module M where\n" + source).tokens)
    shown = [_SHOW.get(t.kind, t.text) for t in tokens[3:] if t.kind != EOF]
    return " ".join(shown)


def test_top_level_declarations_are_separated() -> None:
    assert laid_out("a = 1\nb = 2\n") == "{ a = 1 ; b = 2 }"


def test_continuation_lines_do_not_separate() -> None:
    assert laid_out("a =\n  1 +\n  2\nb = 3") == "{ a = 1 + 2 ; b = 3 }"


def test_where_block_items_and_dedent_closes() -> None:
    assert laid_out("f = x\n  where\n  x = 1\n  y = 2\ng = 3") == "{ f = x where { x = 1 ; y = 2 } ; g = 3 }"


def test_where_after_guards() -> None:
    src = "f x\n  | x > 0 = y\n  | otherwise = 0\n  where\n    y = 1\n"
    assert laid_out(src) == "{ f x | x > 0 = y | otherwise = 0 where { y = 1 } }"


def test_where_closes_blocks_at_its_column_and_any_do() -> None:
    assert laid_out("f = case x of\n  A -> 1\n  where y = 2") == "{ f = case x of { A -> 1 } where { y = 2 } }"
    assert laid_out("f = do do foo where foo = 1") == "{ f = do { do { foo } } where { foo = 1 } }"


def test_block_not_deeper_than_enclosing_is_empty() -> None:
    assert laid_out("instance showX :: Show X where\nf = 1") == "{ instance showX :: Show X where ; f = 1 }"


def test_let_in_on_one_line_and_across_lines() -> None:
    assert laid_out("f = let x = 1 in x") == "{ f = let { x = 1 } in x }"
    assert laid_out("f =\n  let\n    x = 1\n    y = 2\n  in x") == "{ f = let { x = 1 ; y = 2 } in x }"


def test_let_inside_do_is_a_statement_block() -> None:
    src = "main = do\n  let x = 1\n      y = 2\n  log x\n"
    assert laid_out(src) == "{ main = do { let { x = 1 ; y = 2 } ; log x } }"


def test_case_with_several_scrutinees_keeps_commas() -> None:
    src = "f a b = case a, b of\n  1, _ -> x\n  _, 2 -> y\n"
    assert laid_out(src) == "{ f a b = case a , b of { 1 , _ -> x ; _ , 2 -> y } }"


def test_guards_inside_of_do_not_start_items() -> None:
    src = "f = case x of\n  n | n > 0 -> 1\n    | otherwise -> 2\n  _ -> 3"
    assert laid_out(src) == "{ f = case x of { n | n > 0 -> 1 | otherwise -> 2 ; _ -> 3 } }"


def test_pattern_guard_commas_inside_case() -> None:
    src = "f = case x of\n  Just y | Just z <- g y, z > 0 -> z\n  _ -> 0"
    assert laid_out(src) == "{ f = case x of { Just y | Just z <- g y , z > 0 -> z ; _ -> 0 } }"


def test_case_inside_if_inside_do() -> None:
    src = "main = do\n  if c then\n    log a\n  else case m of\n    Just v -> log v\n    Nothing -> pure unit\n  log b"
    expected = "{ main = do { if c then log a else case m of { Just v -> log v ; Nothing -> pure unit } ; log b } }"
    assert laid_out(src) == expected


def test_then_and_else_at_the_do_column_do_not_separate() -> None:
    src = "main = do\n  if c\n  then a\n  else b\n  d"
    assert laid_out(src) == "{ main = do { if c then a else b ; d } }"


def test_operator_at_the_block_column_closes_the_block() -> None:
    src = "f = do\n  x\n  <> y"
    assert laid_out(src) == "{ f = do { x } <> y }"


def test_commas_and_closing_brackets_close_blocks_opened_inside() -> None:
    assert laid_out("f = [ do foo\n         bar, baz ]") == "{ f = [ do { foo ; bar } , baz ] }"
    assert laid_out("f = (case x of\n  A -> 1)") == "{ f = ( case x of { A -> 1 } ) }"


def test_keywords_after_a_dot_and_in_records_are_labels() -> None:
    tokens = layout(lex("module M where\nf r = r.type { case: 1, of: 2 }").tokens)
    labels = [t.kind for t in tokens if t.text in ("type", "case", "of")]
    assert labels == ["LOWER", "LOWER", "LOWER"]


def test_end_of_input_closes_every_block() -> None:
    assert laid_out("f = do\n  x <- a\n  let y = b\n  pure y") == "{ f = do { x <- a ; let { y = b } ; pure y } }"


def test_data_constructors_on_continuation_lines() -> None:
    assert laid_out("data X\n  = A\n  | B\ng = 1") == "{ data X = A | B ; g = 1 }"


def test_class_body_opens_a_block() -> None:
    src = "class Eq a <= Ord a where\n  compare :: a -> a -> Ordering\nx = 1"
    assert laid_out(src) == "{ class Eq a <= Ord a where { compare :: a -> a -> Ordering } ; x = 1 }"


def test_tab_indentation_counts_to_multiples_of_eight() -> None:
    # the tab puts `y` at layout column 8, the spaces put `z` at column 8 too: same block
    assert laid_out("f = x\n  where\n\ty = 1\n        z = 2") == "{ f = x where { y = 1 ; z = 2 } }"


def test_unclosed_bracket_does_not_swallow_the_next_declaration() -> None:
    assert laid_out("f = (1 +\ng = 2") == "{ f = ( 1 + ; g = 2 }"


def test_file_without_header_still_gets_a_top_level_block() -> None:
    tokens = layout(lex("a = 1\nb = 2").tokens)
    assert " ".join(_SHOW.get(t.kind, t.text) for t in tokens if t.kind != EOF) == "{ a = 1 ; b = 2 }"


def test_in_at_the_top_level_column_closes_its_let() -> None:
    assert laid_out("x =\n  let y = 1\nin y\nz = 2") == "{ x = let { y = 1 } in y ; z = 2 }"
    assert laid_out("x = [\n  1\n]\nz = 2") == "{ x = [ 1 ] ; z = 2 }"


def test_let_then_in_at_the_do_column_ends_the_statement() -> None:
    src = "run = do\n  let a = b\n  in c\n  d"
    assert laid_out(src) == "{ run = do { let { a = b } ; in c ; d } }"
    indented = "run = do\n  let a = b\n    in c\n  d"
    assert laid_out(indented) == "{ run = do { let { a = b } in c ; d } }"


def test_where_closes_every_nested_do() -> None:
    src = "run =\n  do\n    do do\n        step where helper = x"
    assert laid_out(src) == "{ run = do { do { do { step } } } where { helper = x } }"


def test_operators_and_backticks_at_the_do_column_close_the_do() -> None:
    assert laid_out("alt = do\n  p q\n  <|> r") == "{ alt = do { p q } <|> r }"
    assert laid_out("alt = do\n  p q\n  `orElse` r") == "{ alt = do { p q } ` orElse ` r }"


def test_else_if_chains_with_do_blocks() -> None:
    src = "go = do\n  if a then\n    b\n  else if c then do\n    d\n    else do\n     e\n  f"
    assert laid_out(src) == "{ go = do { if a then b else if c then do { d } else do { e } ; f } }"


def test_guards_with_commas_inside_let_blocks() -> None:
    src = "v =\n  let\n    w\n      | p\n      , q =\n        1\n      | otherwise = 2\n  in\n    w"
    assert laid_out(src) == "{ v = let { w | p , q = 1 | otherwise = 2 } in w }"


def test_export_list_at_column_zero_stays_in_the_header() -> None:
    tokens = layout(lex("module M\n(\na,\nb\n) where\nx = 1").tokens)
    shown = " ".join(_SHOW.get(t.kind, t.text) for t in tokens if t.kind != EOF)
    assert shown == "module M ( a , b ) where { x = 1 }"


def test_unclosed_export_list_does_not_swallow_declarations() -> None:
    tokens = layout(lex("module M (a,\nx = 1\nimport P").tokens)
    shown = " ".join(_SHOW.get(t.kind, t.text) for t in tokens if t.kind != EOF)
    assert shown == "module M ( a , { x = 1 ; import P }"


def test_unclosed_bracket_in_a_where_binding_ends_at_the_next_binding() -> None:
    src = "f = a\n  where\n  a = (x +\n  b = 2\ng = 3"
    assert laid_out(src) == "{ f = a where { a = ( x + ; b = 2 } ; g = 3 }"


def test_stray_closing_bracket_closes_no_block() -> None:
    src = "f = x\n  where\n  a = )\n  b = 2"
    assert laid_out(src) == "{ f = x where { a = ) ; b = 2 } }"


def test_unfinished_case_alternative_ends_at_the_next_alternative() -> None:
    src = "f = case x of\n  Just (y -> 1\n  Nothing -> 2"
    assert laid_out(src) == "{ f = case x of { Just ( y -> 1 ; Nothing -> 2 } }"
