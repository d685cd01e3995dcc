"""PureScript's warnings about missing signatures: `MissingTypeDeclaration` (a top-level value written without a
type signature, the warning carrying the type the checker inferred) and `MissingKindDeclaration` (a data type,
newtype, synonym or class without a kind signature whose inferred kind is polymorphic, `forall k. k -> Type`).

Both read what the checker already computed (the value's scheme, the declaration's kind), print it as the user
would write it, and put that text in the diagnostic's `data` with the place to write it: the quick fix inserts
the signature from there, never from the message. Cost: one pass over the module's declarations, and the
printing of each missing signature.

Ranges: the value's name in its first clause, the declaration's name (PureScript marks the whole declaration;
a warning over a whole function body would hide the errors an editor shows inside it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nova import keys
from nova.diagnostics import Diagnostic, Severity, Span
from nova.syntax import ast
from nova.types.pretty import display_names, print_kind_scheme, print_scheme
from nova.types.types import Scheme, TGen, TVar, Type, iter_type

_KEYWORD = {ast.DataDecl: "data", ast.NewtypeDecl: "newtype", ast.TypeAliasDecl: "type", ast.ClassDecl: "class"}


def lint_signatures(mod: ast.Module, declared: Any, view: Any) -> list[Diagnostic]:
    """`declared`: the checker's results for the module (`schemes` of its values, `own_types`, `own_classes`,
    the import `scope`)."""
    out: list[Diagnostic] = []
    _missing_type_declarations(mod, declared, view, out)
    _missing_kind_declarations(mod, declared, out)
    return out


def _start(span: Span) -> Span:
    return Span(span.start_line, span.start_col, span.start_line, span.start_col)


# ------------------------------------------------------------------------------------------------- values
_PRINTED: dict[tuple[str, str], tuple[Any, dict[tuple[str, str], str], str]] = {}
"""(module, value) → (scheme, names in scope, printed signature): an incremental check reuses the schemes of the
declarations it did not re-infer, and printing every unsigned value's type again on each keystroke would cost
more than the rest of the lint."""
_BY_SHAPE: dict[tuple[Any, tuple[tuple[tuple[str, str], str], ...]], str] = {}
"""(scheme, names in scope) → printed signature, across modules: the same shapes recur (a cold check of a
workspace prints each once). Schemes holding a unification variable are left out (compared by identity only)."""
_PRINTED_LIMIT = 50_000


def _settled(scheme: Scheme) -> bool:
    parts = [scheme.type, *(a for c in scheme.constraints for a in c.args)]
    if scheme.display is not None:
        parts.append(scheme.display)
    return not any(type(t) is TVar for part in parts for t in iter_type(part))


def _printed(module: str, name: str, scheme: Scheme, qualify: dict[tuple[str, str], str],
             shape_key: tuple[tuple[tuple[str, str], str], ...]) -> str:
    key = (module, name)
    found = _PRINTED.get(key)
    if found is not None and found[0] is scheme and found[1] == qualify:
        return found[2]
    shape = (scheme, shape_key) if _settled(scheme) else None
    shown = _BY_SHAPE.get(shape) if shape is not None else None
    if shown is None:
        shown = curried_constraints(print_scheme(scheme, qualify=qualify))
        if shape is not None:
            if len(_BY_SHAPE) > _PRINTED_LIMIT:
                _BY_SHAPE.clear()
            _BY_SHAPE[shape] = shown
    if len(_PRINTED) > _PRINTED_LIMIT:
        _PRINTED.clear()
    _PRINTED[key] = (scheme, qualify, shown)
    return shown


def _missing_type_declarations(mod: ast.Module, declared: Any, view: Any, out: list[Diagnostic]) -> None:
    signed = {d.name for d in mod.decls if isinstance(d, ast.SignatureDecl)}
    seen: set[str] = set()
    qualify: dict[tuple[str, str], str] | None = None
    shape_key: tuple[tuple[tuple[str, str], str], ...] = ()
    for d in mod.decls:
        if not isinstance(d, ast.ValueDecl) or d.name in signed or d.name in seen:
            continue
        seen.add(d.name)
        scheme = declared.schemes.get(d.name)
        if scheme is None:
            continue
        if qualify is None:
            qualify = scope_qualify(declared.scope, view)
            shape_key = tuple(sorted(qualify.items()))
        shown = _printed(declared.name, d.name, scheme, qualify, shape_key)
        out.append(Diagnostic(
            d.name_span, Severity.WARNING, "MissingTypeDeclaration",
            f"No type declaration was provided for the top-level declaration of `{d.name}`.\n"
            "It is good practice to provide type declarations as a form of documentation.\n"
            f"The inferred type of `{d.name}` was:\n\n  {shown}",
            data={"name": d.name, "type": shown, "insert_at": _start(d.span)},
        ))


def scope_qualify(scope: Any, view: Any) -> dict[tuple[str, str], str]:
    """How the module names the types it imports under another name (`M.Map`), so that a printed signature
    reads as the module's own code would and checks (nova.ide.hover.type_names, from the checker's scope)."""
    from nova.check.scope import env_of

    def identify(module: str, key: str) -> tuple[str, str] | None:
        env = scope.envs.get(module) or (env_of(view, module) if view is not None else None)
        info = env.type_infos.get(keys.name_of(key)) if env is not None else None
        return (info.module, info.name) if info is not None else None

    return display_names(scope.types, identify)


def curried_constraints(shown: str) -> str:
    """`forall a. (Eq a, Show a) => t` (how types are printed for reading) → `forall a. Eq a => Show a => t`
    (how a signature is written)."""
    found = re.match(r"(forall [^.]+\. )?\(", shown)
    if found is None:
        return shown
    depth, start = 0, found.end() - 1
    parts: list[str] = []
    last = start + 1
    for i in range(start, len(shown)):
        char = shown[i]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                parts.append(shown[last:i])
                rest = shown[i + 1:]
                if not rest.startswith(" => ") or len(parts) < 2:
                    return shown
                return (found.group(1) or "") + " => ".join(p.strip() for p in parts) + rest
        elif char == "," and depth == 1:
            parts.append(shown[last:i])
            last = i + 1
    return shown


# ------------------------------------------------------------------------------------------------- types
def _polymorphic(kind: Type) -> bool:
    return any(isinstance(t, TGen) for t in iter_type(kind))


def _missing_kind_declarations(mod: ast.Module, declared: Any, out: list[Diagnostic]) -> None:
    signed = {(d.keyword == "class", d.name) for d in mod.decls if isinstance(d, ast.KindSignatureDecl)}
    kinds: Mapping[str, Any]
    for d in mod.decls:
        keyword = _KEYWORD.get(type(d))
        if keyword is None:
            continue
        assert isinstance(d, (ast.DataDecl, ast.NewtypeDecl, ast.TypeAliasDecl, ast.ClassDecl))
        is_class = keyword == "class"
        if (is_class, d.name) in signed:
            continue
        kinds = declared.own_classes if is_class else declared.own_types
        info = kinds.get(d.name)
        kind = getattr(info, "kind", None)
        if kind is None or not _polymorphic(kind):
            continue
        shown = print_kind_scheme(kind)
        out.append(Diagnostic(
            d.name_span, Severity.WARNING, "MissingKindDeclaration",
            f"The inferred kind for the {keyword} declaration `{d.name}` contains polymorphic kinds.\n"
            "Consider adding a top-level kind signature as a form of documentation.\n\n"
            f"  {keyword} {d.name} :: {shown}",
            data={"keyword": keyword, "name": d.name, "kind": shown, "insert_at": _start(d.span)},
        ))


def signature_text(code: str, data: Mapping[str, Any]) -> str | None:
    """The line a MissingTypeDeclaration or MissingKindDeclaration asks for, from its `data`."""
    name, kind, typ = data.get("name"), data.get("kind"), data.get("type")
    if code == "MissingTypeDeclaration" and isinstance(name, str) and isinstance(typ, str):
        return f"{name} :: {typ}"
    keyword = data.get("keyword")
    if code == "MissingKindDeclaration" and isinstance(keyword, str) and isinstance(name, str) and isinstance(
            kind, str):
        return f"{keyword} {name} :: {kind}"
    return None
