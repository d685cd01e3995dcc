"""Turn registry elements (T2 rows) into runtime values, with a cache of prepared elements.

An element is lowered and compiled once per version of its checked code (see `ElementCache`): the checker makes
new code only when the declaration (or what it read) changed, so after an edit exactly the edited elements are
compiled again, and every evaluation reads each name through the layer it runs in — an edit is seen at once, in
that view only.
Top-level values are computed at most once per evaluation run (the machine's global cache).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nova import keys
from nova.check import typed as t
from nova.eval import core
from nova.eval.compiler import Compiled, compile_top, dict_entry
from nova.eval.derive import derived_methods
from nova.eval.errors import CompileError, EvalError
from nova.eval.foreign import lookup_foreign
from nova.eval.lower import Lowerer, dict_param, lower_evidence, super_key, with_dict_params
from nova.eval.machine import Machine, Resolver
from nova.eval.values import Con, ConFn, Foreign, Value
from nova.types.types import TApp, TCon, TFun, TGen, Type, split_app


@dataclass(frozen=True, slots=True)
class Prepared:
    """How to produce an element's value in a run: a ready value, compiled code, or another element (alias)."""

    value: Value = None
    compiled: Compiled | None = None
    alias: tuple[str, str] | None = None

    def instantiate(self, machine: Machine) -> Value:
        if self.alias is not None:
            return machine.global_value(*self.alias)
        if self.compiled is not None:
            return self.compiled.run(machine)
        return self.value


class ElementCache:
    """Prepared elements keyed by the identity of what their code is made from (kept alive here, so ids are not
    reused): a value's clauses, an instance's method bindings. The checker hands back the very same clause objects
    for every declaration it did not re-check, even when it wraps them in a fresh element (a new `exported`
    flag), so only what an edit really changed is lowered and compiled again."""

    def __init__(self, capacity: int = 50_000, transient_keys: frozenset[str] = frozenset(),
                 transient_capacity: int = 32) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[tuple[str, str, int], tuple[object, Prepared]] = OrderedDict()
        self.transient_keys = transient_keys
        """Keys of throw-away elements (an evaluated expression): kept in a small cache of their own, so evaluating
        many different expressions never fills the main cache (or memory) with code no one will run again."""
        self.transient_capacity = transient_capacity
        self._transient: OrderedDict[tuple[str, str, int], tuple[object, Prepared]] = OrderedDict()
        self._lock = threading.Lock()
        self.compiled = 0
        """How many elements were prepared (lowered and compiled) since this cache was made."""
        self.used: set[tuple[str, str]] = set()
        """Every (module, key) whose value some evaluation asked for (what tests measure coverage with)."""

    def get(self, layer: Any, module: str, key: str, element: object) -> Prepared:
        source = code_source(element)
        ident = (module, key, id(source))
        transient = key in self.transient_keys
        entries = self._transient if transient else self._entries
        capacity = self.transient_capacity if transient else self.capacity
        with self._lock:
            self.used.add((module, key))
            found = entries.get(ident)
            if found is not None and found[0] is source:
                entries.move_to_end(ident)
                return found[1]
        prepared = prepare(layer, module, key, element)
        with self._lock:
            self.compiled += 1
            entries[ident] = (source, prepared)
            while len(entries) > capacity:
                entries.popitem(last=False)
        return prepared

    def size(self) -> int:
        """How many prepared elements are kept (both caches)."""
        return len(self._entries) + len(self._transient)


def code_source(element: Any) -> object:
    """The object an element's prepared code is derived from (see `ElementCache`)."""
    kind = getattr(element, "kind", None)
    if kind == "value" and getattr(element, "clauses", None):
        return element.clauses
    if kind == "instance" and getattr(element, "methods", None):
        return element.methods
    return element


def make_resolver(layer: Any, cache: ElementCache) -> Resolver:
    """A resolver reading elements through `layer` (a registry view)."""

    def resolve(machine: Machine, module: str, key: str) -> Value:
        element = layer.element(module, key)
        if element is None:
            raise EvalError(f"{module}.{key} is not defined in this view")
        return cache.get(layer, module, key, element).instantiate(machine)

    return resolve


# ---- preparing one element -----------------------------------------------------------------------------------


def constructor_namer(layer: Any) -> Callable[[str, str], str]:
    """The constructor a pattern's target names: an operator alias (`:`) is followed to its constructor (`Cons`)."""

    def name(module: str, key: str) -> str:
        for _ in range(10):
            element = layer.element(module, key)
            alias = getattr(element, "alias", None)
            if getattr(element, "kind", None) != "operator" or alias is None:
                return getattr(element, "name", None) or key
            module, key = alias
        return key

    return name


def newtype_constructor(layer: Any) -> Callable[[str, str], bool]:
    """Whether a pattern's constructor is a newtype's (erased at run time: its pattern is its field's)."""

    def check(module: str, key: str) -> bool:
        for _ in range(10):
            element = layer.element(module, key)
            alias = getattr(element, "alias", None)
            if getattr(element, "kind", None) == "operator" and alias is not None:
                module, key = alias
                continue
            if getattr(element, "kind", None) != "constructor":
                return False
            return _is_newtype_type(layer, module, element.type_name)
        return False

    return check


def _is_newtype_type(layer: Any, module: str, type_key: str | None) -> bool:
    if type_key is None:
        return False
    type_element = layer.element(module, type_key)
    return bool(getattr(type_element, "newtype", False))


_IDENTITY_CONSTRUCTOR = Foreign(1, "newtype", lambda m, value: value)
"""A newtype's constructor: newtypes are erased at run time, as in PureScript, so `coerce` is the identity."""


def prepare(layer: Any, module: str, key: str, element: Any) -> Prepared:
    kind = getattr(element, "kind", None)
    lowerer = Lowerer(constructor_namer(layer), module, newtype_constructor(layer))
    if kind == "value":
        constraints = len(element.scheme.constraints) if element.scheme is not None else 0
        expr = with_dict_params(key, constraints, lowerer.lower_clauses(element.clauses, element.name), element.name)
        return Prepared(compiled=_compile(expr, module, key))
    if kind == "constructor":
        if _is_newtype_type(layer, module, element.type_name):
            return Prepared(value=_IDENTITY_CONSTRUCTOR)
        if element.arity == 0:
            return Prepared(value=Con(element.name, element.index))
        return Prepared(value=ConFn(element.arity, element.name, element.index))
    if kind == "method":
        return Prepared(value=_selector(element.name))
    if kind == "operator" and element.alias is not None:
        return Prepared(alias=tuple(element.alias))
    if kind == "foreign":
        value = lookup_foreign(module, element.name)
        if value is None:
            value = _missing_foreign(module, element.name)
        return Prepared(value=value)
    if kind == "instance":
        return Prepared(compiled=_compile(_instance(layer, lowerer, key, element), module, key))
    raise EvalError(f"{module}.{key} is a {kind or 'declaration'}, not a value")


def _compile(expr: core.Expr, module: str, key: str) -> Compiled:
    try:
        return compile_top(expr)
    except CompileError as err:
        raise EvalError(f"cannot run {module}.{key}: {err.message}", err.span) from None
    except RecursionError:
        raise EvalError(f"cannot run {module}.{key}: the definition is nested too deeply") from None


def _selector(name: str) -> Foreign:
    def select(m: Machine, dictionary: Any) -> Value:
        return dict_entry(m, dictionary, "methods", name)

    return Foreign(1, name, select)


def _missing_foreign(module: str, name: str) -> Value:
    def missing(m: Machine) -> Value:
        raise EvalError(f"the foreign import {module}.{name} has no implementation in the evaluator")

    return Foreign(1, name, lambda m, *args: missing(m))


# ---- instances -------------------------------------------------------------------------------------------------


def _instance(layer: Any, lowerer: Lowerer, key: str, element: t.TypedElement) -> core.Expr:
    info = element.instance
    if info is None:
        return core.Fail(f"instance {key} has no description")
    methods: list[tuple[str, core.Expr]] = []
    derivation = getattr(element, "derivation", None)
    if derivation is not None:
        if derivation.strategy == "newtype":
            # `derive newtype instance`: the wrapped type's dictionary is the newtype's (newtypes are erased)
            underlying = next((ev for _, _, ev in derivation.extras), None)
            if underlying is None:
                return core.Fail(f"instance {key}: the wrapped type's instance was not found")
            return with_dict_params(key, len(info.context), lower_evidence(underlying), key)
        class_element = layer.element(info.cls_module, keys.class_key(info.cls))
        class_methods = tuple(getattr(getattr(class_element, "class_info", None), "methods", ()))

        def own_constraints(method: str) -> int:
            scheme = layer.scheme(info.cls_module, method)
            return max(len(scheme.constraints) - 1, 0) if scheme is not None else 0

        methods.extend(derived_methods(derivation, key, class_methods, own_constraints, lower_evidence, dict_param))
    elif element.derived is not None:
        return core.Fail(f"instance {key}: the derived instance has errors")
    for binding in element.methods:
        # A method's own constraints (beyond the class's) are dictionary parameters of the method itself.
        scheme = layer.scheme(info.cls_module, binding.name)
        own = max(len(scheme.constraints) - 1, 0) if scheme is not None else 0
        body = lowerer.lower_clauses(binding.clauses, binding.name)
        methods.append((binding.name, with_dict_params(f"{key}.{binding.name}", own, body, binding.name)))
    recorded = element.super_evidence
    supers = tuple(
        (
            super_key(c.module, c.cls, index),
            _recorded_super(recorded[index], key, c.cls)
            if index < len(recorded)
            else _super_dict(layer, key, info, c.module, c.cls),
        )
        for index, c in enumerate(_class_supers(layer, info.cls_module, info.cls))
    )
    made = core.MakeDict(info.cls, info.name or key, tuple(methods), supers)
    return with_dict_params(key, len(info.context), made, key)


def _class_supers(layer: Any, module: str, cls: str) -> tuple[Any, ...]:
    element = layer.element(module, keys.class_key(cls))
    class_info = getattr(element, "class_info", None)
    if class_info is None:
        return ()
    return tuple(class_info.supers)


def _recorded_super(evidence: Any, owner: str, cls: str) -> core.Expr:
    """A superclass slot as the checker solved it at the instance's head (see `TypedElement.super_evidence`)."""
    if evidence is None:
        return core.Fail(f"no {cls} dictionary for the superclass of instance {owner}")
    return lower_evidence(evidence)


def _single_param_context(info: Any) -> list[tuple[str, str, Type]]:
    """The instance's context constraints on one type (what derived instances of one-parameter classes use)."""
    return [(c.module, c.cls, c.args[0]) for c in info.context if len(c.args) == 1]


def _super_dict(layer: Any, owner: str, info: Any, cls_module: str, cls: str) -> core.Expr:
    """The dictionary of superclass `cls` at this instance's head, found by matching instance heads (for an
    element checked without recorded superclass evidence, and one-parameter classes only)."""
    if len(info.args) != 1:
        return core.Fail(f"no {cls} dictionary for the superclass of instance {owner}")
    return _dictionary_for(layer, owner, _single_param_context(info), cls_module, cls, info.args[0], depth=0)


def _dictionary_for(
    layer: Any, owner: str, context: list[tuple[str, str, Type]], cls_module: str, cls: str, head: Type, depth: int
) -> core.Expr:
    if depth > 20:
        return core.Fail(f"cannot build the {cls} dictionary: instances nest too deeply")
    if isinstance(head, TGen):
        for index, (c_module, c_cls, c_type) in enumerate(context):
            if isinstance(c_type, TGen) and c_type.index == head.index:
                path = _super_path(layer, c_module, c_cls, cls_module, cls)
                if path is not None:
                    expr: core.Expr = core.Local(dict_param(owner, index))
                    for step in path:
                        expr = core.Super(expr, step)
                    return expr
        return core.Fail(f"no {cls} dictionary for a type variable of instance {owner}")
    for candidate_module, candidate in _instances(layer, cls_module, cls):
        mapping: dict[int, Type] = {}
        if len(candidate.args) != 1 or not _match(candidate.args[0], head, mapping):
            continue
        if any(len(c.args) != 1 for c in candidate.context):
            continue
        args = tuple(
            _dictionary_for(
                layer,
                owner,
                context,
                c.module,
                c.cls,
                mapping.get(getattr(c.args[0], "index", -1), c.args[0]),
                depth + 1,
            )
            for c in candidate.context
        )
        ref: core.Expr = core.Global(candidate_module, candidate.key)
        return core.App(ref, args) if args else ref
    return core.Fail(f"no instance of {cls} for the superclass of instance {owner}")


def _super_path(layer: Any, module: str, cls: str, want_module: str, want: str) -> list[str] | None:
    """Super keys leading from class `cls` to class `want` (empty when equal), breadth first."""
    queue: list[tuple[str, str, list[str]]] = [(module, cls, [])]
    seen: set[tuple[str, str]] = set()
    while queue:
        current_module, current, path = queue.pop(0)
        if (current_module, current) == (want_module, want):
            return path
        if (current_module, current) in seen:
            continue
        seen.add((current_module, current))
        for index, constraint in enumerate(_class_supers(layer, current_module, current)):
            queue.append(
                (constraint.module, constraint.cls, [*path, super_key(constraint.module, constraint.cls, index)])
            )
    return None


def _instances(layer: Any, cls_module: str, cls: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name in sorted(layer.modules()):
        entry = layer.get(name)
        env = getattr(entry, "env", None)
        for instance in getattr(env, "instances", ()):
            if instance.cls == cls and instance.cls_module == cls_module and instance.module == name:
                found.append((name, instance))
    return found


def _match(pattern: Type, target: Type, mapping: dict[int, Type]) -> bool:
    stack = [(pattern, target)]
    while stack:
        p, x = stack.pop()
        if isinstance(p, TGen):
            bound = mapping.get(p.index)
            if bound is None:
                mapping[p.index] = x
                continue
            p = bound
            if p == x:
                continue
            return False
        if isinstance(p, TCon):
            if p != x:
                return False
        elif isinstance(p, TApp):
            if not isinstance(x, TApp):
                return False
            stack += [(p.fn, x.fn), (p.arg, x.arg)]
        elif isinstance(p, TFun):
            if not isinstance(x, TFun):
                return False
            stack += [(p.arg, x.arg), (p.res, x.res)]
        elif p != x:
            return False
    return True


__all__ = ["ElementCache", "Prepared", "make_resolver", "prepare", "split_app"]
