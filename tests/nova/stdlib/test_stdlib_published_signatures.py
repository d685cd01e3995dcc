"""The stdlib's exported values have PureScript's published types: each signature of `published_signatures.py` is
checked as the signature of a value of a small module over the stdlib root, and its scheme compared with the scheme
of the stdlib's value of that name, up to renaming of type variables (`canonical_scheme`)."""

from __future__ import annotations

from functools import cache

import pytest

from nova.check import check_module
from nova.diagnostics import Severity
from nova.syntax import parse_module
from nova.types.pretty import canonical_scheme
from nova.types.terms import TForall, TGen, open_forall
from nova.types.types import Scheme
from tests.nova.stdlib import published_signatures, published_signatures_collections
from tests.nova.stdlib.published_exports import PUBLISHED
from tests.nova.stdlib.stdlib_examples import root

SIGNATURES = {**published_signatures.SIGNATURES, **published_signatures_collections.SIGNATURES}
IMPORTS = {**published_signatures.IMPORTS, **published_signatures_collections.IMPORTS}
DIFFERS = {**published_signatures.DIFFERS, **published_signatures_collections.DIFFERS}

COMMON_IMPORTS = "import Prelude\nimport Data.Maybe (Maybe)\nimport Data.Tuple (Tuple)\nimport Effect (Effect)"


def _canonical(scheme: Scheme) -> str:
    """`canonical_scheme` of the scheme with the quantifiers its type starts with moved to the front: a class
    method's `forall m. C m => forall a. …` (or a `~>` signature) is the flat `forall m a. C m => …` users see."""
    arity, constraints, body = scheme.arity, scheme.constraints, scheme.type
    while type(body) is TForall:
        inner = len(body.vars)
        more, body = open_forall(body, [TGen(arity + i) for i in range(inner)])
        arity, constraints = arity + inner, constraints + more
    return canonical_scheme(Scheme(arity, constraints, body))


def _signatures(module: str) -> list[tuple[str, str]]:
    """The module's (name, type) pairs, in the data file's order (a line that starts with `->` or `=>` continues
    the one before it)."""
    out: list[tuple[str, str]] = []
    for line in SIGNATURES[module].strip().splitlines():
        if not line.strip():
            continue
        if line.strip().startswith(("->", "=>")):
            name, type_ = out.pop()
            out.append((name, f"{type_} {line.strip()}"))
            continue
        name, _, type_ = line.strip().partition(" :: ")
        out.append((name, type_))
    return out


def _published_scheme_source(module: str, signatures: list[tuple[str, str]]) -> str:
    """A module that declares each published signature as the value `sigN` (defined as a foreign `anything`: a
    foreign import may not itself have a constrained type)."""
    imports = IMPORTS.get(module, f"import {module}")
    lines = [f"module Published.Signatures where\n{COMMON_IMPORTS}\n{imports}"]
    lines.append("foreign import anything :: forall a. a")
    lines += [f"sig{i} :: {type_}\nsig{i} = anything" for i, (_, type_) in enumerate(signatures)]
    return "\n".join(lines) + "\n"


@cache
def published_schemes(module: str) -> dict[str, str]:
    """The published signatures of `module`, checked over the stdlib root: name → canonical scheme."""
    signatures = _signatures(module)
    source = _published_scheme_source(module, signatures)
    checked = check_module(parse_module(source), root().begin_batch())
    errors = [d.message for d in checked.diagnostics if d.severity == Severity.ERROR]
    assert errors == [], f"{module}: {errors}"
    return {name: _canonical(checked.typed_ast.elements[f"sig{i}"].scheme) for i, (name, _) in enumerate(signatures)}


def stdlib_scheme(module: str, name: str) -> str | None:
    """The canonical scheme of the value `module` exports as `name` (None when it exports none)."""
    entry = root().get(module)
    origin = entry.env.values.get(name) if entry is not None else None
    if origin is None:
        return None
    element = root().get(origin[0]).ast.elements.get(origin[1])
    return _canonical(element.scheme) if element is not None and element.scheme is not None else None


@pytest.mark.parametrize("module", sorted(SIGNATURES))
def test_the_stdlib_value_has_the_published_type(module: str) -> None:
    published = published_schemes(module)
    differ = [
        f"{module}.{name}: published {want!r}, stdlib {stdlib_scheme(module, name)!r}"
        for name, want in published.items()
        if stdlib_scheme(module, name) != want and (module, name) not in DIFFERS
    ]
    assert differ == []


def test_the_data_files_do_not_overlap() -> None:
    """A module's signatures live in one data file (a second entry would silently replace the first)."""
    both = published_signatures.SIGNATURES.keys() & published_signatures_collections.SIGNATURES.keys()
    assert both == set()


def test_every_signature_names_a_published_value() -> None:
    """A signature names a value of the module's published export list, once (a typo is no silent pass)."""
    for module in SIGNATURES:
        names = [name for name, _ in _signatures(module)]
        assert len(names) == len(set(names)), module
        exported = set(PUBLISHED[module].split())
        assert [n for n in names if n not in exported] == [], module


def test_the_differences_are_real_and_explained() -> None:
    for (module, name), why in DIFFERS.items():
        assert len(why) > 10, (module, name)
        assert stdlib_scheme(module, name) != published_schemes(module)[name], f"{module}.{name} now agrees"


def test_the_comparison_can_fail() -> None:
    """A signature that differs from the stdlib's scheme only in a constraint or a type is told apart."""
    source = (
        f"module Published.Probe where\n{COMMON_IMPORTS}\n"
        "foreign import a :: forall a. a -> Effect Unit\nforeign import b :: Int -> Effect Unit\n"
    )
    checked = check_module(parse_module(source), root().begin_batch())
    probe = {n: _canonical(checked.typed_ast.elements[n].scheme) for n in ("a", "b")}
    logshow = stdlib_scheme("Effect.Console", "logShow")
    assert logshow is not None and logshow not in probe.values()
    assert stdlib_scheme("Effect.Console", "log") == "String -> Effect Unit" != probe["b"]
