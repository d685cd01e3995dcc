"""Hover: a name's type (its scheme, or the instantiated type of an expression), doc comment and origin; a module
name's doc comment and the size of its interface."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nova import keys, query
from nova.check import typed as T
from nova.ide.locate import Symbol, locate
from nova.ide.model import HoverInfo, Target
from nova.ide.occurrences import bare
from nova.ide.source import ModuleSource, Workspace
from nova.types.types import TFun


def operator_safe(name: str) -> str:
    """`(<>)` for an operator, the name itself otherwise."""
    return name if name[:1].isalnum() or name[:1] in "_'" else f"({name})"


HOVER_WIDTH = 80
"""Columns a hover's code block is laid out in (a longer type breaks over lines)."""


Qualify = Mapping[tuple[str, str], str]


def print_scheme(scheme: Any, qualify: Qualify | None = None) -> str:
    from nova.types.pretty import print_scheme as pretty

    return str(pretty(scheme, qualify=qualify))


def print_type(type_: Any, qualify: Qualify | None = None) -> str:
    from nova.types.pretty import print_type as pretty

    return str(pretty(type_, qualify=qualify))


def type_names(view: Any | None, src: ModuleSource) -> dict[tuple[str, str], str]:
    """How `src` names the types it imports under another name (`M.Map` after `import Data.Map as M`): types
    shown in this module are printed so (its own and unqualified imports keep their bare names)."""
    return scope_type_names(view, src.scope(view))


def scope_type_names(view: Any | None, scope: Any) -> dict[tuple[str, str], str]:
    """`type_names` read off a module's import scope (`nova.check.scope.Scope`); without a view, only the envs
    the scope holds are read."""
    from nova.check.scope import env_of
    from nova.types.pretty import display_names

    def identify(module: str, key: str) -> tuple[str, str] | None:
        env = scope.envs.get(module) or (env_of(view, module) if view is not None else None)
        info = env.type_infos.get(keys.name_of(key)) if env is not None else None
        return (info.module, info.name) if info is not None else None

    return display_names(scope.types, identify)


def describe_target(view: Any, target: Target, qualify: Qualify | None = None) -> tuple[str, str | None] | None:
    """(signature line, doc comment) of a module-level element: `name :: scheme` for values, the declaration's
    head for types (`data Maybe a = Nothing | Just a`, `type Person = { … }`) and classes."""
    module, key = target
    element = view.element(module, key)
    scheme = view.scheme(module, key) or getattr(element, "scheme", None)
    name = bare(key)
    if keys.is_type_key(key):
        signature = type_signature(view, module, name, element, qualify)
    elif keys.is_class_key(key):
        signature = class_signature(view, module, name, qualify)
    elif scheme is not None:
        from nova.types.pretty import print_signature

        signature = print_signature(name, scheme, HOVER_WIDTH, qualify)
    elif element is not None:
        signature = f"{getattr(element, 'kind', 'value')} {name}"
    else:
        return None
    doc = getattr(element, "doc", None)
    return signature, doc.strip() if isinstance(doc, str) and doc.strip() else None


def type_signature(view: Any, module: str, name: str, element: Any, qualify: Qualify | None = None) -> str:
    from nova.check.scope import env_of

    env = env_of(view, module)
    info = env.type_infos.get(name) if env is not None else None
    if info is None:
        return f"{'type' if getattr(element, 'kind', None) == 'synonym' else 'data'} {name}"
    from nova.types.pretty import print_kind_scheme

    head = " ".join([name, *info.params])
    kind = print_kind_scheme(info.kind)
    word = "type" if info.synonym is not None else "newtype" if info.newtype else "data"
    # the kind first, as a kind signature (PureScript's `data Maybe :: Type -> Type`), unless it is plain `Type`
    kind_line = f"{word} {name} :: {kind}\n" if kind != "Type" else ""
    if info.synonym is not None:
        return f"{kind_line}type {head} = {_with_params(info.synonym, info.params, qualify)}"
    if not info.constructors:
        return f"{word} {head}" + (f" :: {kind}" if kind != "Type" and not info.params else "")
    return kind_line + f"{word} {head} = " + " | ".join(_constructor_text(view, module, c, info.params, qualify)
                                                        for c in info.constructors)


def class_signature(view: Any, module: str, name: str, qualify: Qualify | None = None) -> str:
    from nova.check.scope import env_of

    env = env_of(view, module)
    info = env.class_infos.get(name) if env is not None else None
    params = getattr(info, "params", ()) or ()
    head = " ".join(["class", name, *(p if isinstance(p, str) else str(p) for p in params)])
    lines = [_method_line(view, module, m, len(params), qualify) for m in getattr(info, "methods", ()) or ()]
    methods = [m for m in lines if m]
    return head + (" where\n" + "\n".join(methods) if methods else "")


def _method_line(view: Any, module: str, method: str, n_params: int, qualify: Qualify | None) -> str | None:
    """`  show :: a -> String`: a method as its class declares it (the class's own constraint and parameters are
    implied by the class head)."""
    import dataclasses

    from nova.types.pretty import print_scheme as pretty

    scheme = view.scheme(module, method)
    if scheme is None:
        return None
    own = dataclasses.replace(scheme, constraints=scheme.constraints[1:])
    return f"  {operator_safe(method)} :: {pretty(own, outer=n_params, qualify=qualify)}"


def _with_params(type_: Any, params: tuple[str, ...], qualify: Qualify | None) -> str:
    """A type over `TGen i` printed with the declaration's parameter names."""
    from nova.types.pretty import Namer, _fmt

    namer = Namer()
    if qualify is not None:
        namer.qualify, namer.requalify = qualify, True
    for index, param in enumerate(params):
        namer.names[("g", index)] = param
    namer.scan(type_)
    namer.finish()
    return _fmt(type_, namer, 0)


def _constructor_text(view: Any, module: str, name: str, params: tuple[str, ...], qualify: Qualify | None) -> str:
    """`Just a`: the constructor with its field types, read off its scheme."""
    from nova.types.pretty import Namer, _fmt
    from nova.types.types import TFun, TGen, prune, split_app

    scheme = view.scheme(module, name) or getattr(view.element(module, name), "scheme", None)
    if scheme is None:
        return name
    fields = []
    t = scheme.type
    while isinstance(t, TFun):
        fields.append(t.arg)
        t = t.res
    if not fields:
        return name
    namer = Namer()
    if qualify is not None:
        namer.qualify, namer.requalify = qualify, True
    _, args = split_app(t)
    for arg, param in zip(args, params, strict=False):
        arg = prune(arg)
        if isinstance(arg, TGen):
            namer.names[("g", arg.index)] = param
    namer.scan(scheme.type)
    namer.finish()
    return " ".join([name, *(_fmt(f, namer, 2) for f in fields)])


def hover(workspace: Workspace, src: ModuleSource, line: int, col: int) -> HoverInfo | None:
    view = workspace.view
    symbol = None if _on_parenthesis(src, line, col) else locate(src, view, line, col)
    if symbol is None and not _on_parenthesis(src, line, col):
        from nova.ide.hover_syntax import type_variable_at

        variable = type_variable_at(src, line, col)
        if variable is not None:
            symbol = Symbol("type-variable", _binder_name_span(src, variable), label=variable.name)
    if symbol is not None:
        found = _hover_symbol(workspace, src, symbol, type_names(view, src))
        if found is not None:
            return found
    hit = query.element_at(src.elements, line, col)
    if hit is None:
        return None
    node = _parenthesised(src, hit[1], line, col) or query.node_at(hit[1], line, col)
    type_ = query.type_of(node) if node is not None and node is not hit[1] else None
    if type_ is None:
        return None
    name = query.name_of(node)
    shown = print_type_within(type_, getattr(hit[1], "scheme", None), type_names(view, src))
    code = f"{operator_safe(name) + ' :: ' if name else ''}{shown}"
    return HoverInfo(code, query.span_of(node))


def _binder_name_span(src: ModuleSource, variable: Any) -> Any:
    """The span of a type variable's name (a binder `(a :: Type)` or `@a` spans more than the name)."""
    from nova.diagnostics import Span

    span = variable.span
    if span.start_line != span.end_line:
        return span
    at = src.text_of(span).find(variable.name)
    if at < 0:
        return span
    return Span(span.start_line, span.start_col + at, span.start_line, span.start_col + at + len(variable.name))


def _on_parenthesis(src: ModuleSource, line: int, col: int) -> bool:
    """On a `(` or `)` that is not part of an operator's name (`(<>)`)."""
    text = src.line(line)
    if not 0 <= col < len(text) or text[col] not in "()":
        return False
    near = text[max(col - 1, 0):col + 2]
    return not any(c in "!#$%&*+./<=>?@\\^|-~:" for c in near)


def _parenthesised(src: ModuleSource, root: object, line: int, col: int) -> object | None:
    """On a parenthesis, the expression it encloses: the largest typed node starting just after `(` (or ending
    just before `)`), so `(perimeter s)` answers for `perimeter s`, not for the call around it."""
    if not _on_parenthesis(src, line, col):
        return None
    text = src.line(line)
    if text[col] == "(":
        at = col + 1
        while at < len(text) and text[at] == " ":
            at += 1
        key: Any = lambda sp: (sp.start_line, sp.start_col) == (line, at)  # noqa: E731
    else:
        end = col
        while end > 0 and text[end - 1] == " ":
            end -= 1
        key = lambda sp: (sp.end_line, sp.end_col) == (line, end)  # noqa: E731
    best: object | None = None
    best_span: Any = None
    for node in query.iter_nodes(root):
        span = query.span_of(node)
        if span is not None and isinstance(node, T.ELam) and key(span) and _is_section(node):
            return node  # `(_ + 1)`: the parentheses are the section's own, a function
        if span is None or query.type_of(node) is None or not key(span):
            continue
        if best_span is None or span.covers(best_span):
            best, best_span = node, span
    return best


def _is_section(node: T.ELam) -> bool:
    """A lambda the parser made of a section (`(_ + 1)`, `(f _ x)`): its parameters are the holes."""
    return bool(node.params) and all(isinstance(p, T.PVar) and _HOLE_NAME.match(p.name) for p in node.params)


def _hover_symbol(workspace: Workspace, src: ModuleSource, symbol: Symbol, names: Qualify) -> HoverInfo | None:
    view = workspace.view
    if symbol.kind == "module" and symbol.module is not None:
        return module_hover(workspace, symbol.module, symbol)
    if symbol.kind == "element" and symbol.target is not None:
        described = describe_target(view, symbol.target, names)
        if described is None:
            return None
        code, doc = described
        notes = _at_this_use(view, symbol, names, _outer_scheme(src, symbol.span))
        return HoverInfo(code, symbol.span, doc, symbol.target[0], symbol.target, notes)
    if symbol.kind == "local":
        type_ = query.type_of(symbol.node)
        name = query.name_of(symbol.node)
        if type_ is None:
            return None
        if name is not None and _HOLE_NAME.match(name):
            name = "_"  # a section's `_` (its parameter's internal name is not the user's)
        printed = print_type_within(type_, _outer_scheme(src, symbol.span), names)
        return HoverInfo(f"{operator_safe(name) + ' :: ' if name else ''}{printed}", symbol.span)
    if symbol.kind == "label" and symbol.node is not None:
        type_ = query.type_of(symbol.node)
        if type_ is not None:
            printed = print_type_within(type_, _outer_scheme(src, symbol.span), names)
            return HoverInfo(f"{symbol.label} :: {printed}", symbol.span)
    if symbol.kind == "label" and symbol.label is not None:
        from nova.ide.hover_syntax import label_type

        shown = label_type(src, symbol.span, names)
        if shown is not None:
            return HoverInfo(f"{symbol.label} :: {shown}", symbol.span)
    if symbol.kind == "type-variable" and symbol.label is not None:
        from nova.ide.hover_syntax import type_variable_kind

        kind = type_variable_kind(workspace.view, src, symbol.span)
        return HoverInfo(f"{symbol.label} :: {kind}" if kind else symbol.label, symbol.span,
                         notes=("type variable",))
    return None


_HOLE_NAME = re.compile(r"^_\d+$")


def _outer_scheme(src: ModuleSource, span: Any) -> Any:
    """The scheme of the top-level declaration around `span`: the `TGen`s of its typed tree are its variables."""
    hit = query.element_at(src.elements, span.start_line, span.start_col) if span is not None else None
    return getattr(hit[1], "scheme", None) if hit is not None else None


def print_type_within(type_: Any, outer: Any, qualify: Qualify | None = None) -> str:
    from nova.types.pretty import print_type_within as pretty

    return str(pretty(type_, outer, qualify))


def _at_this_use(view: Any, symbol: Symbol, names: Qualify, outer: Any) -> tuple[str, ...]:
    """A polymorphic value's (or constructor's) type where it is used — an operator in a section, a function
    applied to `Int`s, a constructor in a pattern — when it reads differently from the declared scheme."""
    node = symbol.node
    if symbol.target is None or node is None:
        return ()
    scheme = view.scheme(*symbol.target) or getattr(view.element(*symbol.target), "scheme", None)
    if scheme is None or not scheme.arity:
        return ()
    if isinstance(node, T.PCon):
        here: Any = node.type
        for arg in reversed(node.args):
            arg_type = query.type_of(arg)
            if arg_type is None:
                return ()
            here = TFun(arg_type, here)  # type: ignore[arg-type]
        place = "at this pattern"
    elif isinstance(node, T.EVar):
        here = node.type
        place = "at this use"
    else:
        return ()
    from nova.types.pretty import print_use, print_use_scheme

    shown = print_use(scheme, here, outer, names)
    if shown == print_use_scheme(scheme, names):
        return ()
    return (f"{place}: `{shown}`",)


def module_hover(workspace: Workspace, module: str, symbol: Symbol) -> HoverInfo | None:
    """`module Data.List`, its doc comment and how many names it exports."""
    from nova.check.scope import env_of

    env = env_of(workspace.view, module)
    if env is None:
        return None
    source = workspace.source(module)
    doc = source.header().doc if source is not None else None
    counts = [(len(env.values), "value"), (len(env.types), "type"), (len(env.classes), "class")]
    shown = ", ".join(f"{n} {word}{'es' if word == 'class' and n != 1 else 's' if n != 1 else ''}"
                      for n, word in counts if n)
    notes = (f"exports {shown}" if shown else "exports nothing",)
    return HoverInfo(f"module {module}", symbol.span, doc.strip() if doc else None, module, None, notes)
