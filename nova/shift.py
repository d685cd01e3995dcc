"""Moving a tree by whole lines: a copy of a syntax or typed tree with every `Span` moved by a number of lines.

An edit that adds or removes lines moves every declaration below it. Their parse trees (`nova.syntax.reparse`) and
typed trees (the checker's reuse of unchanged declarations) are kept, but their spans must say where they are now;
every node on the way down is copied (the trees are shared with the previous result, which must not change). This
runs for every declaration after the edit on each such keystroke, so each class gets a copier made once, which
copies the fields that cannot hold a span as they are and moves its spans in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any

from nova.diagnostics import Span

_Copier = Callable[[Any, Callable[[Any], Any]], Any]

_PLAIN: frozenset[type] = frozenset({str, int, float, bool, type(None), bytes, frozenset})
"""Values that hold no span (a frozenset is kept as it is, as the checker has always done)."""

_PLAIN_ANNOTATIONS = frozenset({"str", "int", "bool", "float", "str | None", "int | None", "bool | None"})


def _keep(node: Any, go: Callable[[Any], Any]) -> Any:
    return node


_COPIERS: dict[type, _Copier] = {}


def _copier(cls: type) -> _Copier:
    """How to move one value of class `cls`: as it is, for what is not a dataclass or is one of the type
    language's (schemes, evidence, class and instance infos hold no spans); else a generated field-by-field copy,
    built through the class's constructor (every field is a parameter of it, in order: a compiled class's instance
    cannot be made without its constructor)."""
    copier = _COPIERS.get(cls)
    if copier is not None:
        return copier
    if not is_dataclass(cls) or cls.__module__.startswith("nova.types"):
        copier = _keep
    else:
        body = ["def copy(node, go):"]
        arguments: list[str] = []
        for index, field in enumerate(fields(cls)):
            assert field.init, f"{cls.__name__}.{field.name} is not a constructor parameter"
            annotation = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
            if annotation in _PLAIN_ANNOTATIONS:
                arguments.append(f"node.{field.name}")
            elif annotation == "Span":
                body.append(f"    s{index} = node.{field.name}")
                arguments.append(f"go(s{index}) if type(s{index}) is not Span else "
                                 f"Span(s{index}.start_line + go.lines, s{index}.start_col, "
                                 f"s{index}.end_line + go.lines, s{index}.end_col)")
            else:
                arguments.append(f"go(node.{field.name})")
        body.append(f"    return cls({', '.join(f'({argument})' for argument in arguments)})")
        namespace: dict[str, Any] = {"cls": cls, "Span": Span}
        exec("\n".join(body), namespace)
        copier = namespace["copy"]
    _COPIERS[cls] = copier
    return copier


class _Mover:
    """`go`: one value moved by `lines` lines; a node reached twice is copied once (shared nodes stay shared)."""

    __slots__ = ("lines", "memo")

    def __init__(self, lines: int) -> None:
        self.lines = lines
        self.memo: dict[int, Any] = {}

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is Span:
            lines = self.lines
            return Span(value.start_line + lines, value.start_col, value.end_line + lines, value.end_col)
        if kind is tuple:
            return tuple([self(item) for item in value])
        copier = _COPIERS.get(kind) or _copier(kind)
        if copier is _keep:
            return value
        key = id(value)
        done = self.memo.get(key)
        if done is None:
            done = self.memo[key] = copier(value, self)
        return done


def line_mover(lines: int) -> Callable[[Any], Any]:
    """A function moving trees by `lines` lines; the trees moved by one function share what they shared."""
    return _Mover(lines)


def shift_lines(root: Any, lines: int) -> Any:
    """A copy of `root` (a dataclass, a tuple of them, a span) with every span moved by `lines` lines; the same
    object when `lines` is 0. Lists, dicts and sets inside are shared with the original, not copied."""
    if lines == 0:
        return root
    return _Mover(lines)(root)
