"""Property tests: no input makes the front-end raise; the result is always a module node with sane spans."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nova.syntax import ParsedModule, ast, parse_module, resolve_fixity

CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpus" / "syntax").glob("*.nova"))
TEXTS = [p.read_text(encoding="utf-8") for p in CORPUS]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VOCABULARY = [
    "module", "where", "import", "as", "hiding", "data", "newtype", "type", "class", "instance", "derive",
    "foreign", "infix", "infixl", "infixr", "let", "in", "case", "of", "if", "then", "else", "do", "forall",
    "::", "->", "<-", "=>", "=", "|", "\\", "@", "..", ",", ".", "`", "(", ")", "[", "]", "{", "}", ";",
    "∷", "→", "←", "⇒", "∀", "_", "x", "f", "Just", "M.map", "M.<>", "Data.Maybe", "<>", "+", "-", ":", "$",
    "42", "0xFF", "1.5e3", "'c'", '"s"', '"""t"""', "{-", "-}", "--", "-- |", "\n", "\n  ", "\n    ", "\t",
    "\"unterminated", "'", "\\x", "¬", "\x00",
]  # fmt: skip


def check(source: str) -> ParsedModule:
    parsed = parse_module(source)
    assert isinstance(parsed, ParsedModule)
    assert isinstance(parsed.module, ast.Module)
    lines = source.split("\n")
    for diagnostic in parsed.diagnostics:
        span = diagnostic.span
        assert 0 <= span.start_line <= span.end_line < len(lines) + 1
        assert (span.start_line, span.start_col) <= (span.end_line, span.end_col)
        assert diagnostic.message
    for decl in parsed.module.decls:
        assert decl.fingerprint
    module, _ = resolve_fixity(parsed.module, {})
    assert isinstance(module, ast.Module)
    return parsed


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=80), st.lists(st.sampled_from([" ", "", "\n"]), max_size=80))
def test_token_soup_never_raises(words: list[str], gaps: list[str]) -> None:
    pieces = []
    for index, word in enumerate(words):
        pieces.append(word)
        pieces.append(gaps[index] if index < len(gaps) else " ")
    check("".join(pieces))
    check("module M where\n" + "".join(pieces))


@FUZZ
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    check(text)


@FUZZ
@given(st.sampled_from(range(len(TEXTS))), st.floats(min_value=0.0, max_value=1.0))
def test_truncated_corpus_files_never_raise(which: int, fraction: float) -> None:
    text = TEXTS[which]
    check(text[: int(len(text) * fraction)])


@FUZZ
@given(
    st.sampled_from(range(len(TEXTS))),
    st.floats(min_value=0.0, max_value=1.0),
    st.sampled_from(["insert", "delete", "replace"]),
    st.sampled_from(list("()[]{},.;:=|\\-+_'\"`@ \n\taxJ0{-")),
)
def test_single_character_edits_of_corpus_files_never_raise(which: int, where: float, edit: str, char: str) -> None:
    text = TEXTS[which]
    at = min(int(len(text) * where), len(text) - 1)
    if edit == "insert":
        edited = text[:at] + char + text[at:]
    elif edit == "delete":
        edited = text[:at] + text[at + 1 :]
    else:
        edited = text[:at] + char + text[at + 1 :]
    parsed = check(edited)
    original = parse_module(text)
    swallowed = any(d.code == "UnterminatedComment" or '"""' in d.message for d in parsed.diagnostics)
    if not swallowed and parsed.module.name is not None:
        # unless the edit opened a comment or raw string running to the end of the file, or broke the header,
        # one edit breaks at most a few declarations: most of the file survives
        assert len(parsed.module.decls) >= len(original.module.decls) // 2
