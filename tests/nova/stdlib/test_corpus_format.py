"""The type corpus's `-- ::` annotations are well placed and already in the canonical printed form.

The checker's corpus test compares its printed schemes with these strings, so a hand-written annotation that is
not canonical (labels out of order, variables not named by first appearance, constraints unsorted) would be a false
failure; this test re-prints every annotation with the rules of `tests/corpus/types/README.md` and compares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "types"
NON_VALUE_STARTS = (
    "module", "import", "data ", "newtype ", "type ", "class ", "instance ", "else instance ", "else\n", "derive ",
    "infix", "foreign import data",
)  # fmt: skip
TOKEN = re.compile(r"\s*(->|=>|::|[(){},|.]|[A-Za-z_][\w']*(?:\.[A-Z][\w']*)*|\"(?:[^\"\\]|\\.)*\"|\d+)")
# signatures written with type operators (or the arrow's name) print differently once their fixity is applied
TYPE_OPERATOR = re.compile(r"\(->\)|[!#$%&*+/<=>?@\\^|~-]{2,}|[!#$%&*+/<=>?\\^~]")


@dataclass(frozen=True, slots=True)
class Var:
    name: str


@dataclass(frozen=True, slots=True)
class Con:
    name: str


@dataclass(frozen=True, slots=True)
class App:
    fn: object
    arg: object


@dataclass(frozen=True, slots=True)
class Fun:
    arg: object
    result: object


@dataclass(frozen=True, slots=True)
class Row:
    fields: tuple[tuple[str, object], ...]
    tail: Var | None
    record: bool


@dataclass(frozen=True, slots=True)
class Forall:
    """A quantified type inside a type (rank-N): `forall a b. C a => body`."""

    vars: tuple[str, ...]
    constraints: tuple[tuple[str, tuple[object, ...]], ...]
    body: object


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        pos = 0
        while pos < len(text):
            match = TOKEN.match(text, pos)
            assert match is not None, f"cannot read type at {text[pos:]!r}"
            self.tokens.append(match.group(1))
            pos = match.end()
            if text[pos:].strip() == "":
                break
        self.i = 0

    def peek(self, k: int = 0) -> str | None:
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        tok = self.peek()
        assert tok is not None, "unexpected end of type"
        assert expected is None or tok == expected, f"expected {expected!r}, found {tok!r}"
        self.i += 1
        return tok

    def type(self) -> object:
        left = self.btype()
        if self.peek() == "->":
            self.take()
            return Fun(left, self.type())
        return left

    def btype(self) -> object:
        t = self.atype()
        while self.peek() not in (None, "->", "=>", ")", "}", ",", "|"):
            t = App(t, self.atype())
        return t

    def forall(self) -> Forall:
        """After `forall`: the variables, then `C a =>` constraints (one at a time), then the body."""
        names: list[str] = []
        while self.peek() != ".":
            names.append(self.take())
        self.take(".")
        constraints: list[tuple[str, tuple[object, ...]]] = []
        while True:
            left = self.btype()
            if self.peek() != "=>":
                break
            self.take()
            args: list[object] = []
            while isinstance(left, App):
                args.insert(0, left.arg)
                left = left.fn
            assert isinstance(left, Con), f"a constraint names a class, not {left!r}"
            constraints.append((left.name, tuple(args)))
        body = Fun(left, self.type()) if self.peek() == "->" and self.take() else left
        return Forall(tuple(names), tuple(constraints), body)

    def atype(self) -> object:
        tok = self.take()
        if tok == "forall":
            return self.forall()
        if tok == "{":
            return self.row("}", record=True)
        if tok == "(":
            if self.peek(1) == "::" or self.peek() == "|":
                return self.row(")", record=False)
            inner = self.type()
            self.take(")")
            return inner
        if tok[0].isupper() or tok[0] == '"' or tok[0].isdigit():  # constructors and type-level literals
            return Con(tok)
        assert tok[0].islower() or tok[0] == "_", f"unexpected {tok!r}"
        return Var(tok)

    def row(self, close: str, record: bool) -> Row:
        fields: list[tuple[str, object]] = []
        tail: Var | None = None
        while self.peek() not in ("|", close):
            label = self.take()
            self.take("::")
            fields.append((label, self.type()))
            if self.peek() == ",":
                self.take()
        if self.peek() == "|":
            self.take()
            tail = Var(self.take())
        self.take(close)
        return Row(tuple(fields), tail, record)


def _split_top(text: str, sep: str) -> list[str]:
    depth, parts, start = 0, [], 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        elif depth == 0 and text.startswith("forall ", i):
            break  # a quantified type after an arrow (`Int -> forall a. Show a => …`) runs to the end
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _print(t: object, position: str = "top") -> str:
    """position: "top", "fun-arg" (left of an arrow) or "app-arg" (argument of an application)."""
    if isinstance(t, Var | Con):
        return t.name
    if isinstance(t, Fun):
        text = f"{_print(t.arg, 'fun-arg')} -> {_print(t.result)}"
        return f"({text})" if position != "top" else text
    if isinstance(t, App):
        if t.fn == Con("Record") and isinstance(t.arg, Var):
            text = f"Record {t.arg.name}"
        else:
            text = f"{_print(t.fn, 'app-fn')} {_print(t.arg, 'app-arg')}"
        return f"({text})" if position == "app-arg" else text
    if isinstance(t, Forall):
        head = f"forall {' '.join(t.vars)}. " if t.vars else ""
        context = "".join(f"{' '.join([c, *(_print(a, 'app-arg') for a in args)])} => " for c, args in t.constraints)
        text = head + context + _print(t.body)
        return f"({text})" if position != "top" else text
    assert isinstance(t, Row)
    inner = ", ".join(f"{label} :: {_print(ty)}" for label, ty in t.fields)
    if t.tail is not None:
        inner = f"{inner} | {t.tail.name}" if inner else f"| {t.tail.name}"
    if t.record:
        return "{ " + inner + " }" if inner else "{}"
    return "( " + inner + " )"


def _vars(t: object, out: list[str], rows: set[str], bound: frozenset[str] = frozenset()) -> None:
    """The free variables in order of appearance (those a quantified type inside binds are not free)."""
    if isinstance(t, Var):
        if t.name not in out and t.name not in bound:
            out.append(t.name)
    elif isinstance(t, Fun):
        _vars(t.arg, out, rows, bound)
        _vars(t.result, out, rows, bound)
    elif isinstance(t, App):
        if t.fn == Con("Record") and isinstance(t.arg, Var):
            rows.add(t.arg.name)
        _vars(t.fn, out, rows, bound)
        _vars(t.arg, out, rows, bound)
    elif isinstance(t, Row):
        for _, ty in t.fields:
            _vars(ty, out, rows, bound)
        if t.tail is not None:
            if t.tail.name not in bound:
                rows.add(t.tail.name)
            _vars(t.tail, out, rows, bound)
    elif isinstance(t, Forall):
        inner = bound | frozenset(t.vars)
        for _, args in t.constraints:
            for a in args:
                _vars(a, out, rows, inner)
        _vars(t.body, out, rows, inner)


def _type_names() -> list[str]:
    letters = [c for c in "abcdefghijklmnopqstuvwxyz"]
    return letters + [f"{c}{n}" for n in range(1, 5) for c in letters]


def _binders(head: str) -> list[tuple[str, bool, str | None]]:
    """What a `forall` binds, in order: (name, visible (`@a`), the kind written on it (`(a :: k)`) or None)."""
    found: list[tuple[str, bool, str | None]] = []
    rest = head.strip()
    while rest:
        if rest.startswith("("):
            depth, close = 0, len(rest)
            for index, ch in enumerate(rest):  # (the binder's closing parenthesis: its kind may hold others)
                depth += {"(": 1, ")": -1}.get(ch, 0)
                if depth == 0:
                    close = index
                    break
            name, _, kind = rest[1:close].partition("::")
            found.append((name.strip().lstrip("@"), name.strip().startswith("@"), kind.strip()))
            rest = rest[close + 1 :].strip()
        else:
            word, _, rest = rest.partition(" ")
            found.append((word.lstrip("@"), word.startswith("@"), None))
            rest = rest.strip()
    return found


def canonical(text: str) -> str:
    """Re-prints an annotation by the README's rules, renaming variables canonically."""
    body = text
    binders: list[tuple[str, bool, str | None]] = []
    if body.startswith("forall "):
        head, body = body[len("forall ") :].split(". ", 1)
        binders = _binders(head)
    quantified = [name for name, _, _ in binders]
    kinded = any(kind is not None for _, _, kind in binders)
    kinds = {name: _Parser(kind).type() for name, _, kind in binders if kind is not None}
    constraints: list[tuple[str, list[object]]] = []
    parts = _split_top(body, " => ")
    assert len(parts) <= 2, "curried constraints: write them as (C a, D b) =>"
    if len(parts) == 2:
        ctext = parts[0].strip()
        if ctext.startswith("(") and ctext.endswith(")") and len(_split_top(ctext[1:-1], ", ")) > 1:
            items = _split_top(ctext[1:-1], ", ")
        else:
            items = [ctext]
        for item in items:
            cls, _, rest = item.strip().partition(" ")
            parser = _Parser(rest)
            args: list[object] = []
            while parser.peek() is not None:  # a class takes any number of arguments (none for `Partial`)
                args.append(parser.atype())
            constraints.append((cls, args))
        body = parts[1]
    parser = _Parser(body)
    ty = parser.type()
    assert parser.peek() is None, f"trailing text in {body!r}"
    order: list[str] = []
    rows: set[str] = set()
    for name in quantified:  # (the variables written kinds mention come first: `forall k (t :: k).`)
        if name in kinds:
            _vars(kinds[name], order, set())
    _vars(ty, order, rows)
    for _, args in constraints:
        for arg in args:
            _vars(arg, order, rows)
    assert sorted(order) == sorted(quantified), f"forall lists {quantified}, the type uses {order}"
    names = iter(_type_names())
    row_names = iter(["r"] + [f"r{n}" for n in range(1, 10)])
    rename = {v: (next(row_names) if v in rows else next(names)) for v in order}

    # the variables of quantified types inside are named after the free ones, binder by binder in reading order
    def sub(t: object, env: dict[str, str]) -> object:
        if isinstance(t, Var):
            return Var(env[t.name] if t.name in env else rename[t.name])
        if isinstance(t, Fun):
            return Fun(sub(t.arg, env), sub(t.result, env))
        if isinstance(t, App):
            return App(sub(t.fn, env), sub(t.arg, env))
        if isinstance(t, Row):
            fields = tuple(sorted(((label, sub(x, env)) for label, x in t.fields), key=lambda f: f[0]))
            tail = sub(t.tail, env) if t.tail is not None else None
            assert tail is None or isinstance(tail, Var)
            return Row(fields, tail, t.record)
        if isinstance(t, Forall):
            inner = dict(env)
            for v in t.vars:
                inner[v] = next(names)
            cs = tuple((c, tuple(sub(a, inner) for a in args)) for c, args in t.constraints)
            return Forall(tuple(inner[v] for v in t.vars), cs, sub(t.body, inner))
        return t

    printed = _print(sub(ty, {}))
    cs = sorted((cls, " ".join(_print(sub(arg, {}), "app-arg") for arg in args)) for cls, args in constraints)
    shown = [f"{c} {a}" if a else c for c, a in cs]
    context = ""
    if len(shown) == 1:
        context = f"{shown[0]} => "
    elif shown:
        context = "(" + ", ".join(shown) + ") => "
    visible = {name for name, at, _ in binders if at}

    def binder(v: str) -> str:
        if not kinded:
            return rename[v]
        shown = f"@{rename[v]}" if v in visible else rename[v]
        return f"({shown} :: {_print(sub(kinds[v], {}))})" if v in kinds else shown

    prefix = f"forall {' '.join(binder(v) for v in order)}. " if order else ""
    return prefix + context + printed


def _annotations() -> list[tuple[str, int, str, str]]:
    """(file, line, declared name, annotation) for every `-- ::` line; asserts the placement rules."""
    found: list[tuple[str, int, str, str]] = []
    for path in sorted(CORPUS.glob("*.nova")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pending: tuple[int, str] | None = None
        current: str | None = None
        for number, line in enumerate(lines, start=1):
            if line.startswith("-- :: "):
                assert pending is None, f"{path.name}:{number}: two annotations in a row"
                pending = (number, line[len("-- :: ") :].rstrip())
                continue
            if not line or line[0] in " \t" or line.startswith(("--", "{-", ")")):
                continue
            if line.startswith(NON_VALUE_STARTS):
                assert pending is None, f"{path.name}:{pending}: annotation before a non-value line {line!r}"
                current = None
                continue
            match = re.match(r"(?:foreign import )?([a-z_][\w']*)", line)
            assert match is not None, f"{path.name}:{number}: unexpected top-level line {line!r}"
            name = match.group(1)
            if pending is not None:
                found.append((path.name, pending[0], name, pending[1]))
                pending = None
                current = name
            else:
                assert name == current, f"{path.name}:{number}: `{name}` has no `-- ::` annotation"
        assert pending is None, f"{path.name}: annotation at the end of the file"
    return found


def test_the_corpus_is_large_enough() -> None:
    files = list(CORPUS.glob("*.nova"))
    assert len(files) >= 40
    assert len(_annotations()) >= 200


def test_module_names_are_unique_and_match_file_names() -> None:
    names = []
    for path in sorted(CORPUS.rglob("*.nova")):
        if path.name.startswith("Errors.SameModule"):
            continue  # the negative corpus's duplicate-module pair
        header = re.search(r"^module ([A-Z][\w.]*)", path.read_text(encoding="utf-8"), re.M)
        assert header is not None, path
        names.append(header.group(1))
        assert path.name == f"{header.group(1)}.nova"
    assert len(names) == len(set(names))


def _synonyms() -> set[str]:
    found: set[str] = set()
    for path in CORPUS.rglob("*.nova"):
        found.update(re.findall(r"^type ([A-Z]\w*)", path.read_text(encoding="utf-8"), re.M))
    return found


def _signatures() -> list[tuple[str, str, str, str]]:
    """(file, name, annotation, signature) for annotated declarations with a one-line signature free of synonyms."""
    synonyms = _synonyms()
    found = []
    for file, line, name, annotation in _annotations():
        lines = (CORPUS / file).read_text(encoding="utf-8").splitlines()
        following = next(text for text in lines[line:] if text and not text.startswith("--"))
        match = re.match(rf"(?:foreign import )?{re.escape(name)} :: (.+)$", following)
        if match is None or set(re.findall(r"\b[A-Z]\w*", match.group(1))) & synonyms:
            continue
        signature = match.group(1)
        if "(->)" in signature or TYPE_OPERATOR.search(re.sub(r"->|=>|::", " ", signature)):
            continue
        found.append((file, name, annotation, match.group(1).strip()))
    return found


@pytest.mark.parametrize(("file", "name", "annotation", "signature"), _signatures(), ids=lambda v: str(v))
def test_annotation_agrees_with_the_signature(file: str, name: str, annotation: str, signature: str) -> None:
    assert canonical(signature) == annotation, f"{file} ({name})"


@pytest.mark.parametrize(("file", "line", "name", "annotation"), _annotations(), ids=lambda v: str(v))
def test_annotation_is_canonical(file: str, line: int, name: str, annotation: str) -> None:
    assert canonical(annotation) == annotation, f"{file}:{line} ({name})"
    constructors = set(re.findall(r"\b[A-Z][\w.]*", annotation))
    # class names in contexts (`Partial =>`, `(Eq a, Show b) =>`) are not type constructors
    constructors -= set(re.findall(r"\b([A-Z]\w*)(?:\s+[a-z]\w*)*\s*(?:\)?\s*=>|,[^>]*=>)", annotation))
    assert not any("." in c for c in constructors), f"{file}:{line}: type constructors print unqualified"
    assert not constructors & _synonyms(), f"{file}:{line}: type synonyms are expanded"


def test_canonical_printing_follows_the_readme() -> None:
    assert canonical("forall x. Show x => x -> String") == "forall a. Show a => a -> String"
    assert canonical("forall r q. { name :: q | r } -> q") == "forall a r. { name :: a | r } -> a"
    assert canonical("forall f x. (Show x, Functor f) => f x -> f String") == (
        "forall a b. (Functor a, Show b) => a b -> a String"
    )
    assert canonical("{ b :: Int, a :: (Maybe (Int)) }") == "{ a :: Maybe Int, b :: Int }"
    assert canonical("forall r. Record r -> Int") == "forall r. Record r -> Int"
    assert canonical("forall @k (@t :: k). Proxy t") == "forall @a (@b :: a). Proxy b"
    assert canonical("forall @x. x -> x") == "forall a. a -> a"
    assert canonical("forall (s :: Symbol) x. Proxy s -> x") == "forall (a :: Symbol) b. Proxy a -> b"
