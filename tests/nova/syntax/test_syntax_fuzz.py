"""Property tests: no input makes the front-end raise; the result is always a module node with sane spans."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nova.syntax import ParsedModule, ast, parse_module, resolve_fixity
from nova.syntax.ast import instance_chains

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
    "ado", "role", "nominal", "phantom", "?hole", "M.(+)", "M.(", "@Int", "@", "else instance", "type role",
    '"\\xD834"', "'\\x1F600'", "(-1)", "(->)", "| a -> b,", "_ { a = _ }", "_.a.b",
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
    in_header = at <= text.find(" where") + len(" where")  # (`module M (where`: the header is what broke)
    if not swallowed and not in_header and parsed.module.name is not None:
        # unless the edit opened a comment or raw string running to the end of the file, or broke the header,
        # one edit breaks at most a few declarations: most of the file survives
        assert len(parsed.module.decls) >= len(original.module.decls) // 2


# -- generated PureScript 0.15 forms: always parse cleanly, into the tree they spell ---------------------------------

_STATEMENT = st.sampled_from(["x{n} <- a{n}", "let y{n} = x{n}", "a{n}", "Just z{n} <- b{n}", "_ <- c{n}"])


@FUZZ
@given(st.lists(_STATEMENT, max_size=6), st.sampled_from(["\n  ", "\n    "]), st.booleans())
def test_generated_ado_blocks(statements: list[str], indent: str, qualified: bool) -> None:
    lines = [s.format(n=i) for i, s in enumerate(statements)]
    if lines and lines[0].startswith("let"):
        lines.insert(0, "q <- start")  # a block may not start with `let … in` (that is a let expression)
    keyword = "M.ado" if qualified else "ado"
    body = "".join(indent + line for line in lines) + indent + "in result"
    parsed = check(f"module M where\nf = {keyword}{body}\ng = 1\n")
    assert parsed.diagnostics == ()
    decl = parsed.module.decls[0]
    assert isinstance(decl, ast.ValueDecl) and isinstance(decl.rhs, ast.Unguarded)
    ado = decl.rhs.expr
    assert isinstance(ado, ast.Ado) and len(ado.statements) == len(lines)
    assert ado.qualifier == ("M" if qualified else None)
    assert [d.name for d in parsed.module.decls] == ["f", "g"]


@FUZZ
@given(
    st.lists(st.tuples(st.booleans(), st.booleans(), st.sampled_from([" ", "\n"])), min_size=1, max_size=5),
)
def test_generated_instance_chains(members: list[tuple[bool, bool, str]]) -> None:
    parts = []
    for index, (named, body, gap) in enumerate(members):
        head = f"instance i{index} :: C T{index}" if named else f"instance C T{index}"
        text = head + (f" where\n  c _ = {index}\n" if body else "")
        if index:
            text = "else" + gap + text
        parts.append(text if text.endswith("\n") else text + "\n")
    parsed = check("module M where\n" + "".join(parts) + "x = 1\n")
    assert parsed.diagnostics == ()
    chains = instance_chains(parsed.module.decls)
    assert len(chains) == 1 and len(chains[0]) == len(members)
    assert [i.name for i in chains[0]] == [f"i{n}" if m[0] else None for n, m in enumerate(members)]


@FUZZ
@given(st.integers(min_value=-(10**30), max_value=10**30), st.text(max_size=12))
def test_generated_type_level_literals(number: int, text: str) -> None:
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\x{ord(ch):06x}" for ch in text)
    number_text = f"({number})" if number < 0 else str(number)
    parsed = check(f'module M where\nx :: P {number_text} "{escaped}"\nx = P\n')
    assert parsed.diagnostics == ()
    sig = parsed.module.decls[0]
    assert isinstance(sig, ast.SignatureDecl) and isinstance(sig.type, ast.TypeApp)
    assert isinstance(sig.type.arg, ast.TypeString) and sig.type.arg.value == text
    first = sig.type.fn
    assert isinstance(first, ast.TypeApp)
    literal = first.arg.type if isinstance(first.arg, ast.TypeParen) else first.arg
    assert literal == ast.TypeInt(literal.span, number)
