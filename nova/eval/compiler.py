"""Compile core expressions (`nova.eval.core`) to Python closures `code(machine, frame) -> value`.

Variables are resolved at compile time to (frames up, slot): a frame is a list whose slot 0 is the enclosing
frame; each lambda call makes one frame holding its parameters and every let/case binder of its body. Code for an
expression in tail position may return a `TailCall`, which the machine's trampoline performs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nova.eval import core
from nova.eval.errors import CompileError, EvalError
from nova.eval.machine import PRIMITIVE_FAILURES, Machine, primitive_failed
from nova.eval.printer import show_value
from nova.eval.values import Closure, Code, Con, ConFn, Foreign, InstanceDict, RecordV, TailCall, Thunk, Value

Matcher = Callable[[Machine, list[Any], Value], bool]

_NO_MATCH = object()


@dataclass(slots=True)
class _FrameInfo:
    level: int
    size: int = 1  # slot 0 is the parent frame


@dataclass(slots=True)
class _Scope:
    frame: _FrameInfo
    names: dict[str, tuple[int, int]] = field(default_factory=dict)

    def bind(self, name: str) -> int:
        slot = self.frame.size
        self.frame.size += 1
        self.names[name] = (self.frame.level, slot)
        return slot

    def child(self) -> _Scope:
        return _Scope(self.frame, dict(self.names))


@dataclass(frozen=True, slots=True)
class Compiled:
    """A top-level expression ready to run: `frame_size` slots for the binders outside any lambda."""

    code: Code
    frame_size: int

    def run(self, machine: Machine) -> Value:
        frame: list[Any] = [None] * self.frame_size
        return machine.force(self.code(machine, frame))


def compile_top(expr: core.Expr) -> Compiled:
    """Compile one top-level definition's expression (it sees only globals)."""
    scope = _Scope(_FrameInfo(level=0))
    code = _expr(expr, scope, tail=True)
    return Compiled(code, scope.frame.size)


# ---- expressions -----------------------------------------------------------------------------------------------


def _expr(expr: core.Expr, scope: _Scope, tail: bool) -> Code:
    match expr:
        case core.Lit(value):
            return lambda m, f: value
        case core.Local(name, span):
            return _local(name, scope, span)
        case core.Global(module, key):
            return _once_per_run(lambda m, f: m.global_value(module, key))
        case core.Lam(params, body, name):
            return _lambda(params, body, name, scope)
        case core.App(fn, args, span):
            return _app(fn, args, scope, tail)
        case core.Let(bindings, body):
            inner = scope.child()
            bind = _bindings(bindings, inner)
            body_code = _expr(body, inner, tail)

            def let_(m: Machine, f: list[Any]) -> Value:
                bind(m, f)
                return body_code(m, f)

            return let_
        case core.If(cond, then, else_):
            cond_code = _expr(cond, scope, False)
            then_code = _expr(then, scope, tail)
            else_code = _expr(else_, scope, tail)
            return lambda m, f: then_code(m, f) if cond_code(m, f) else else_code(m, f)
        case core.Case(scrutinees, alts, span):
            return _case(scrutinees, alts, span, scope, tail)
        case core.ArrayLit(items):
            codes = [_expr(item, scope, False) for item in items]
            size = len(codes)

            def make_array(m: Machine, f: list[Any]) -> Value:
                m.cells += size
                return tuple([code(m, f) for code in codes])

            return make_array
        case core.RecordLit(fields):
            named = [(label, _expr(value, scope, False)) for label, value in fields]
            width = len(named)

            def make_record(m: Machine, f: list[Any]) -> Value:
                m.cells += width
                return RecordV({label: code(m, f) for label, code in named})

            return make_record
        case core.Access(record, label, span):
            record_code = _expr(record, scope, False)

            def access(m: Machine, f: list[Any]) -> Value:
                value = record_code(m, f)
                try:
                    return value.fields[label]
                except (AttributeError, KeyError):
                    raise EvalError(f"no field {label} in {show_value(value, 80)}", span) from None

            return access
        case core.Update(record, updates, span):
            return _update(record, updates, span, scope)
        case core.Method(dictionary, name):
            dict_code = _expr(dictionary, scope, False)

            def method(m: Machine, f: list[Any]) -> Value:
                return dict_entry(m, dict_code(m, f), "methods", name)

            return method
        case core.Super(dictionary, cls):
            dict_code = _expr(dictionary, scope, False)

            def super_(m: Machine, f: list[Any]) -> Value:
                return dict_entry(m, dict_code(m, f), "supers", cls)

            return super_
        case core.MakeDict():
            return _make_dict(expr, scope)
        case core.Fail(message, span):

            def fail(m: Machine, f: list[Any]) -> Value:
                raise EvalError(message, span)

            return fail
    raise CompileError(f"cannot compile {type(expr).__name__}")


def _local(name: str, scope: _Scope, span: Any) -> Code:
    found = scope.names.get(name)
    if found is None:
        raise CompileError(f"unknown local variable {name}", span)
    level, slot = found
    up = scope.frame.level - level

    def unset() -> Value:
        raise EvalError(f"{name} is used before its value is defined", span)

    if up == 0:

        def local0(m: Machine, f: list[Any]) -> Value:
            value = f[slot]
            return unset() if value is None else value

        return local0
    if up == 1:

        def local1(m: Machine, f: list[Any]) -> Value:
            value = f[0][slot]
            return unset() if value is None else value

        return local1

    def local_n(m: Machine, f: list[Any]) -> Value:
        for _ in range(up):
            f = f[0]
        value = f[slot]
        return unset() if value is None else value

    return local_n


def _lambda(params: tuple[str, ...], body: core.Expr, name: str, scope: _Scope) -> Code:
    inner = _Scope(_FrameInfo(level=scope.frame.level + 1), dict(scope.names))
    for param in params:
        inner.bind(param)
    body_code = _expr(body, inner, tail=True)
    frame = inner.frame
    arity = len(params)
    if arity == 0:
        raise CompileError("a lambda needs at least one parameter")

    def closure(m: Machine, f: list[Any]) -> Value:
        m.cells += 2
        return Closure(arity, name, body_code, f, frame.size)

    return closure


def is_static(expr: core.Expr) -> bool:
    """Whether the expression means the same value throughout a run: globals, literals, and applications of
    those (a class method picked from an instance dictionary: `(+)` at `Int`, `show` at `Array Int`)."""
    stack = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, core.App):
            stack.append(item.fn)
            stack.extend(item.args)
        elif not isinstance(item, core.Global | core.Lit):
            return False
    return True


def _once_per_run(code: Code) -> Code:
    """Memoise `code` for the machine it runs on (an inline cache: one (machine, value) pair, swapped atomically,
    so evaluations on other threads, in other views, never see each other's values). The machine empties the
    cells it filled when its run is over (`Machine.release`), so no value outlives its evaluation."""
    cell: list[tuple[Machine | None, Value]] = [(None, None)]

    def cached(m: Machine, f: list[Any]) -> Value:
        owner, value = cell[0]
        if owner is m:
            return value
        value = code(m, f)
        cell[0] = (m, value)
        m.memo_cells.append(cell)
        return value

    return cached


def _app(fn: core.Expr, args: tuple[core.Expr, ...], scope: _Scope, tail: bool) -> Code:
    if is_static(fn) and all(is_static(arg) for arg in args):
        return _once_per_run(_app_code(fn, args, scope, False))
    return _app_code(fn, args, scope, tail)


def _app_code(fn: core.Expr, args: tuple[core.Expr, ...], scope: _Scope, tail: bool) -> Code:
    fn_code = _expr(fn, scope, False)
    arg_codes = [_expr(arg, scope, False) for arg in args]
    if tail:
        if len(arg_codes) == 1:
            (a,) = arg_codes
            return lambda m, f: TailCall(fn_code(m, f), (a(m, f),))
        if len(arg_codes) == 2:
            a, b = arg_codes
            return lambda m, f: TailCall(fn_code(m, f), (a(m, f), b(m, f)))
        return lambda m, f: TailCall(fn_code(m, f), tuple([c(m, f) for c in arg_codes]))
    if len(arg_codes) == 1:
        (a,) = arg_codes

        def call1(m: Machine, f: list[Any]) -> Value:
            fn = fn_code(m, f)
            kind = type(fn)
            if kind is Foreign and fn.arity == 1:
                # A primitive with all its arguments: no trampoline needed (primitives never tail-call).
                m.steps += 1
                if m.steps >= m.next_check:
                    m.check_now()
                x = a(m, f)
                try:
                    return fn.impl(m, x)
                except PRIMITIVE_FAILURES as err:
                    raise primitive_failed(fn, (x,), err) from None
            if kind is ConFn and fn.arity == 1:
                m.cells += 1
                return Con(fn.name, fn.tag, (a(m, f),))
            return m.apply(fn, (a(m, f),))

        return call1
    if len(arg_codes) == 2:
        a, b = arg_codes

        def call2(m: Machine, f: list[Any]) -> Value:
            fn = fn_code(m, f)
            kind = type(fn)
            if kind is Foreign and fn.arity == 2:
                m.steps += 1
                if m.steps >= m.next_check:
                    m.check_now()
                x, y = a(m, f), b(m, f)
                try:
                    return fn.impl(m, x, y)
                except PRIMITIVE_FAILURES as err:
                    raise primitive_failed(fn, (x, y), err) from None
            if kind is ConFn and fn.arity == 2:
                m.cells += 2
                return Con(fn.name, fn.tag, (a(m, f), b(m, f)))
            return m.apply(fn, (a(m, f), b(m, f)))

        return call2
    return lambda m, f: m.apply(fn_code(m, f), tuple([c(m, f) for c in arg_codes]))


def _bindings(bindings: tuple[core.Binding, ...], scope: _Scope) -> Callable[[Machine, list[Any]], None]:
    """Bind a recursive group into `scope` (mutated) and return the code that evaluates it in order."""
    slots: list[int | None] = []
    for binding in bindings:
        if binding.pattern is None:
            slots.append(scope.bind(binding.name))
        else:
            slots.append(None)
    steps: list[tuple[int | None, Code, Matcher | None, Any]] = []
    for binding, slot in zip(bindings, slots, strict=True):
        code = _expr(binding.expr, scope, False)
        matcher = None if binding.pattern is None else _pattern(binding.pattern, scope)
        steps.append((slot, code, matcher, binding.span))

    def bind(m: Machine, f: list[Any]) -> None:
        for slot, code, matcher, span in steps:
            value = code(m, f)
            if matcher is None:
                f[slot] = value  # type: ignore[index]
            elif not matcher(m, f, value):
                raise EvalError(f"pattern in binding does not match {show_value(value, 80)}", span)

    return bind


def _case(scrutinees: tuple[core.Expr, ...], alts: tuple[core.Alt, ...], span: Any, scope: _Scope, tail: bool) -> Code:
    scrutinee_codes = [_expr(s, scope, False) for s in scrutinees]
    compiled_alts: list[tuple[list[Matcher], Code]] = []
    for alt in alts:
        inner = scope.child()
        matchers = [_pattern(p, inner) for p in alt.patterns]
        compiled_alts.append((matchers, _guarded(alt.rhs, inner, tail)))

    if len(scrutinee_codes) == 1:
        return _case1(scrutinee_codes[0], [(matchers[0], rhs) for matchers, rhs in compiled_alts], span)
    if len(scrutinee_codes) == 2:
        first, second = scrutinee_codes
        pairs = [(matchers[0], matchers[1], rhs) for matchers, rhs in compiled_alts]

        def case2(m: Machine, f: list[Any]) -> Value:
            x = first(m, f)
            y = second(m, f)
            for match_x, match_y, rhs in pairs:
                if match_x(m, f, x) and match_y(m, f, y):
                    result = rhs(m, f)
                    if result is not _NO_MATCH:
                        return result
            raise EvalError(f"no pattern matches {show_value(x, 80)}, {show_value(y, 80)}", span)

        return case2

    def case(m: Machine, f: list[Any]) -> Value:
        values = [code(m, f) for code in scrutinee_codes]
        for matchers, rhs in compiled_alts:
            for matcher, value in zip(matchers, values, strict=True):
                if not matcher(m, f, value):
                    break
            else:
                result = rhs(m, f)
                if result is not _NO_MATCH:
                    return result
        shown = ", ".join(show_value(v, 80) for v in values)
        raise EvalError(f"no pattern matches {shown}", span)

    return case


def _case1(scrutinee: Code, alts: list[tuple[Matcher, Code]], span: Any) -> Code:
    """The common case of one scrutinee (every one-parameter function with several clauses)."""

    def case1(m: Machine, f: list[Any]) -> Value:
        value = scrutinee(m, f)
        for matcher, rhs in alts:
            if matcher(m, f, value):
                result = rhs(m, f)
                if result is not _NO_MATCH:
                    return result
        raise EvalError(f"no pattern matches {show_value(value, 80)}", span)

    return case1


def _guarded(rhs: core.Guarded, scope: _Scope, tail: bool) -> Code:
    inner = scope.child()
    bind_where = _bindings(rhs.where, inner) if rhs.where else None
    branches: list[tuple[list[tuple[Code, Matcher | None]], Code]] = []
    for guards, body in rhs.branches:
        branch_scope = inner.child()
        compiled_guards: list[tuple[Code, Matcher | None]] = []
        for guard in guards:
            if isinstance(guard, core.GuardBool):
                compiled_guards.append((_expr(guard.cond, branch_scope, False), None))
            elif isinstance(guard, core.GuardLet):
                bind = _bindings(guard.bindings, branch_scope)
                compiled_guards.append((_let_guard(bind), None))
            else:
                code = _expr(guard.expr, branch_scope, False)
                compiled_guards.append((code, _pattern(guard.pattern, branch_scope)))
        branches.append((compiled_guards, _expr(body, branch_scope, tail)))

    if bind_where is None and len(branches) == 1 and not branches[0][0]:
        return branches[0][1]

    def guarded(m: Machine, f: list[Any]) -> Value:
        if bind_where is not None:
            bind_where(m, f)
        for guards, body in branches:
            for code, matcher in guards:
                value = code(m, f)
                if matcher is None:
                    if value is not True:
                        break
                elif not matcher(m, f, value):
                    break
            else:
                return body(m, f)
        return _NO_MATCH

    return guarded


def dict_entry(m: Machine, found: Value, table: str, name: str) -> Value:
    """A method or superclass of a dictionary, computing it on first use."""
    try:
        entries = getattr(found, table)
        value = entries[name]
    except (AttributeError, KeyError):
        what = "method" if table == "methods" else "superclass"
        raise EvalError(f"no {what} {name} in {show_value(found, 80)}") from None
    if type(value) is Thunk:
        entries[name] = _BUSY
        try:
            value = value.code(m, value.frame)
        except BaseException:
            del entries[name]
            raise
        entries[name] = value
    elif value is _BUSY:
        raise EvalError(f"the {name} entry of {show_value(found, 80)} depends on itself")
    return value


_BUSY = object()


def _let_guard(bind: Callable[[Machine, list[Any]], None]) -> Code:
    """A `let` among guards: binds, then holds."""

    def let_guard(m: Machine, f: list[Any]) -> Value:
        bind(m, f)
        return True

    return let_guard


def _update(
    record: core.Expr, updates: tuple[tuple[tuple[str, ...], core.Expr], ...], span: Any, scope: _Scope
) -> Code:
    record_code = _expr(record, scope, False)
    compiled = [(path, _expr(value, scope, False)) for path, value in updates]

    def set_path(value: Value, path: tuple[str, ...], new: Value) -> Value:
        if not isinstance(value, RecordV) or path[0] not in value.fields:
            raise EvalError(f"no field {path[0]} to update in {show_value(value, 80)}", span)
        fields = dict(value.fields)
        fields[path[0]] = new if len(path) == 1 else set_path(fields[path[0]], path[1:], new)
        return RecordV(fields)

    def update(m: Machine, f: list[Any]) -> Value:
        value = record_code(m, f)
        m.cells += len(getattr(value, "fields", ())) * len(compiled)
        for path, code in compiled:
            value = set_path(value, path, code(m, f))
        return value

    return update


def _make_dict(expr: core.MakeDict, scope: _Scope) -> Code:
    inner = scope.child()
    methods = [(name, _expr(body, inner, False)) for name, body in expr.methods]
    supers = [(cls, _expr(body, inner, False)) for cls, body in expr.supers]

    def make(m: Machine, f: list[Any]) -> Value:
        made = InstanceDict(expr.cls, expr.name)
        for cls, code in supers:
            made.supers[cls] = Thunk(code, f)
        for name, code in methods:
            made.methods[name] = Thunk(code, f)
        return made

    return make


# ---- patterns --------------------------------------------------------------------------------------------------


def _pattern(pattern: core.Pattern, scope: _Scope) -> Matcher:
    """Compile a pattern; its variables are bound into `scope` (mutated) and into the frame when it matches."""
    match pattern:
        case core.PWild():
            return lambda m, f, v: True
        case core.PVar(name):
            slot = scope.bind(name)

            def var(m: Machine, f: list[Any], v: Value) -> bool:
                f[slot] = v
                return True

            return var
        case core.PLit(expected):
            kind = type(expected)
            return lambda m, f, v: type(v) is kind and v == expected
        case core.PCon(name, args):
            sub = [_pattern(p, scope) for p in args]

            def con(m: Machine, f: list[Any], v: Value) -> bool:
                if type(v) is not Con or v.name != name:
                    return False
                for matcher, arg in zip(sub, v.args, strict=False):  # noqa: SIM110 - a plain loop is faster than all() on this hot path
                    if not matcher(m, f, arg):
                        return False
                return True

            return con
        case core.PArray(items):
            sub = [_pattern(p, scope) for p in items]
            count = len(sub)

            def array(m: Machine, f: list[Any], v: Value) -> bool:
                if not isinstance(v, tuple) or len(v) != count:
                    return False
                return all(matcher(m, f, item) for matcher, item in zip(sub, v, strict=True))

            return array
        case core.PRecord(fields):
            named = [(label, _pattern(p, scope)) for label, p in fields]

            def record(m: Machine, f: list[Any], v: Value) -> bool:
                if not isinstance(v, RecordV):
                    return False
                for label, matcher in named:
                    if label not in v.fields or not matcher(m, f, v.fields[label]):
                        return False
                return True

            return record
        case core.PNamed(name, inner_pattern):
            slot = scope.bind(name)
            inner = _pattern(inner_pattern, scope)

            def named_(m: Machine, f: list[Any], v: Value) -> bool:
                f[slot] = v
                return inner(m, f, v)

            return named_
    raise CompileError(f"cannot compile pattern {type(pattern).__name__}")
