"""The server's one doorway into the language: parse + check a text in a layer's view, put the result, order
modules by their imports. Everything the server needs from `nova` goes through here."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_HEADER = re.compile(r"^module\s+([A-Z][A-Za-z0-9_']*(?:\.[A-Z][A-Za-z0-9_']*)*)", re.MULTILINE)
_IMPORT = re.compile(
    r"^import\s+([A-Z][A-Za-z0-9_']*(?:\.[A-Z][A-Za-z0-9_']*)*)(?P<rest>[^\n]*)", re.MULTILINE
)
_ALIAS = re.compile(r"\bas\s+([A-Z][A-Za-z0-9_']*(?:\.[A-Z][A-Za-z0-9_']*)*)\s*$")


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def header_of(text: str) -> tuple[str, int, int] | None:
    """(module name, line, column of the name) of the `module X where` header, read without a full parse."""
    match = _HEADER.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start(1))
    col = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1)
    return match.group(1), line, col


def imports_of(text: str) -> list[str]:
    return [match.group(1) for match in _IMPORT.finditer(text)]


def import_aliases(text: str) -> dict[str, list[str]]:
    """Qualifier → modules (`import Data.Array as Array` gives `Array` → [`Data.Array`]; a bare import of a dotted
    module also answers to its full name)."""
    aliases: dict[str, list[str]] = {}
    for match in _IMPORT.finditer(text):
        module = match.group(1)
        alias = _ALIAS.search(match.group("rest").split("--")[0].strip())
        qualifier = alias.group(1) if alias else module
        aliases.setdefault(qualifier, []).append(module)
    return aliases


def check_text(text: str, view: Any, previous: Any = None, max_bytes: int | None = None) -> Any:
    """Parse and check one module in `view`; never raises for bad source (the checker reports diagnostics).

    The text is normalized as files read from disk are (a lone CR ends a line: the same line numbers as the
    client's). Above `max_bytes`, nothing is parsed: the result holds one diagnostic saying the file is too large."""
    from nova.check import check_module
    from nova.sources import normalize_line_ends
    from nova.syntax import parse_module

    if max_bytes is not None and len(text) > max_bytes // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return too_large(text, size, max_bytes)
    return check_module(parse_module(normalize_line_ends(text)), view, previous)


def check_document(text: str, view: Any, previous: Any = None, max_bytes: int | None = None) -> tuple[Any, Any]:
    """`check_text` that also returns the parse tree (None above the size limit): an open document keeps it, so
    the IDE requests that read its syntax (code actions, renames, type names) never parse it again."""
    from nova.check import check_module
    from nova.sources import normalize_line_ends
    from nova.syntax import parse_module

    if max_bytes is not None and len(text) > max_bytes // 4:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            return too_large(text, size, max_bytes), None
    parsed = parse_module(normalize_line_ends(text))
    return check_module(parsed, view, previous), parsed


def too_large(text: str, size: int, limit: int) -> Any:
    """A check result for a document over the size limit: its module name (read from the header alone), no
    declarations, one diagnostic."""
    from nova.check.checker import CheckedModule
    from nova.check.env import ModuleEnv
    from nova.check.typed import TypedModule
    from nova.diagnostics import Diagnostic, Severity, Span

    header = header_of(text[:100_000])
    name = header[0] if header is not None else "Main"
    span = Span(header[1], header[2], header[1], header[2] + len(name)) if header is not None else Span(0, 0, 0, 0)
    message = (f"This file is too large to check ({size / 2**20:.1f} MB; the server's limit is "
               f"{limit / 2**20:.1f} MB, see nova-lsp --max-file-size).")
    return CheckedModule(name=name, exports={}, typed_ast=TypedModule(name, {}), env=ModuleEnv(name), imports=(),
                         diagnostics=(Diagnostic(span, Severity.ERROR, "FileTooLarge", message),), fixities={})


@dataclass(frozen=True, slots=True)
class PutResult:
    rev: int
    exports_changed: bool


def put_checked(layer: Any, checked: Any, text_hash: str) -> PutResult:
    """Store a check result in `layer`; `exports_changed` says whether importers need a re-check (early cutoff)."""
    before = layer.get(checked.name)
    entry = layer.put(
        checked.name, checked.exports, checked.typed_ast, checked.env, imports=tuple(checked.imports),
        source_hash=text_hash,
    )
    changed = before is None or dict(before.exports) != dict(entry.exports)
    return PutResult(entry.rev, changed)


def load_root() -> Any:
    from nova.stdlib import load_root as load

    return load()


def preload() -> None:
    """Import what checks, queries and evaluations need. A warm start from the cache reads interfaces without
    loading the checker; this runs on the check worker once indexing is done, so the first check or evaluation
    does not pay for the imports either."""
    import nova.check.checker
    import nova.eval.api
    import nova.snapshot
    import nova.syntax.parser
    import nova.types.pretty  # noqa: F401


def snapshot_converter() -> Any:
    from server.snapshot_codec import lazy_converter

    return lazy_converter()


def print_scheme(scheme: Any) -> str:
    try:
        from nova.types.pretty import print_scheme as pretty

        return str(pretty(scheme))
    except Exception:
        return str(scheme)


def print_type(type_: Any) -> str:
    try:
        from nova.types.pretty import print_type as pretty

        return str(pretty(type_))
    except Exception:
        return str(type_)


def topological(modules: Iterable[str], imports: Mapping[str, Iterable[str]]) -> list[str]:
    """Modules ordered so each comes after the modules it imports (among the given ones); cycles keep input order."""
    wanted = list(dict.fromkeys(modules))
    members = set(wanted)
    ordered: list[str] = []
    state: dict[str, int] = {}
    for start in wanted:
        if start in state:
            continue
        stack: list[tuple[str, list[str]]] = [(start, [m for m in imports.get(start, ()) if m in members])]
        state[start] = 1
        while stack:
            module, pending = stack[-1]
            if pending:
                nxt = pending.pop()
                if nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, [m for m in imports.get(nxt, ()) if m in members]))
                continue
            stack.pop()
            state[module] = 2
            ordered.append(module)
    return ordered
