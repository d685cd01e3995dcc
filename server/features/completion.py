"""Completion from the schemes table (T1) of the modules in scope: unqualified names of the module and its imports,
`Alias.` completion for qualified imports; types as detail, doc comments on resolve."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from nova import keys
from server import analysis
from server.app import NovaLanguageServer
from server.hub import Hub
from server.lsp_util import bare_name, documentation_formats, markup, safe

_SEGMENT = re.compile(r"[A-Z][A-Za-z0-9_']*")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'"


def qualifier_before(prefix: str) -> str | None:
    """`Data.Map.` of a prefix ending in `Data.Map.ins`: the module segments before the last dot, or None. Linear
    (a regex searched over the prefix backtracks quadratically on a long line of capitalised words)."""
    tail = prefix[len(prefix.rstrip(_WORD_CHARS + ".")):]
    parts = tail.split(".")
    if len(parts) < 2:
        return None
    qualifier: list[str] = []
    for part in reversed(parts[:-1]):
        if not _SEGMENT.fullmatch(part):
            break
        qualifier.append(part)
    if len(qualifier) != len(parts) - 1:  # something before the segments is part of the same word (`x.Y.z`)
        return None
    return ".".join(reversed(qualifier)) + "."
_IMPORT_PREFIX = re.compile(r"^import\s+([A-Za-z0-9_.']*)$")
_IMPORT_LIST = re.compile(r"^import\s+([A-Z][\w.']*)\s*(hiding\s*)?\((.*)\)", re.MULTILINE)
KEYWORDS = ("case", "of", "let", "in", "if", "then", "else", "do", "where", "import", "data", "type", "newtype",
            "class", "instance", "derive", "foreign", "forall", "infixl", "infixr", "infix", "module")


def _kind(key: str, element: Any) -> types.CompletionItemKind:
    if key.startswith("type:"):
        return types.CompletionItemKind.Struct
    if key.startswith("class:"):
        return types.CompletionItemKind.Interface
    kind = getattr(element, "kind", "")
    if kind == "constructor" or key[:1].isupper():
        return types.CompletionItemKind.Constructor
    return types.CompletionItemKind.Function


def _detail(key: str, scheme: Any) -> str:
    if scheme is None:
        namespace = keys.namespace_of(key)
        return "" if namespace == "value" else namespace
    return analysis.print_scheme(scheme)


def _restrictions(text: str) -> dict[str, tuple[bool, set[str], bool]]:
    """module → (hiding?, names listed, any `(..)`) for imports with an explicit list."""
    found: dict[str, tuple[bool, set[str], bool]] = {}
    for match in _IMPORT_LIST.finditer(text):
        listed = match.group(3)
        names = set(re.findall(r"[A-Za-z_][\w']*|\([^A-Za-z\s()]+\)", listed))
        names = {n.strip("()") for n in names}
        found[match.group(1)] = (bool(match.group(2)), names, "(..)" in listed)
    return found


def _visible(key: str, element: Any, rule: tuple[bool, set[str], bool] | None) -> bool:
    if rule is None:
        return True
    hiding, names, all_constructors = rule
    name = bare_name(key)
    listed = name in names or (all_constructors and getattr(element, "kind", "") == "constructor")
    return not listed if hiding else listed


def items_for(view: Any, uri: str, module: str | None, text: str, prefix_line: str) -> list[types.CompletionItem]:
    items: dict[str, types.CompletionItem] = {}
    aliases = analysis.import_aliases(text)

    def add(source: str, key: str, scheme: Any, element: Any = None) -> None:
        label = bare_name(key)
        if label in items or label.startswith("$"):
            return
        items[label] = types.CompletionItem(
            label=label, kind=_kind(key, element), detail=_detail(key, scheme),
            label_details=types.CompletionItemLabelDetails(description=source),
            data={"module": source, "key": key, "uri": uri},
        )

    importing = _IMPORT_PREFIX.match(prefix_line)
    if importing is not None:
        return [
            types.CompletionItem(label=name, kind=types.CompletionItemKind.Module)
            for name in sorted(view.modules()) if name.startswith(importing.group(1)) and name != module
        ]
    qualifier = qualifier_before(prefix_line)
    if qualifier is not None:
        for source in aliases.get(qualifier[:-1], []):
            entry = view.get(source)
            if entry is not None:
                for key, scheme in dict(entry.exports).items():
                    add(source, key, scheme)
        return list(items.values())
    if module is not None:
        for key, element in dict(view.elements(module) or {}).items():
            if getattr(element, "kind", "") != "instance":
                add(module, key, view.scheme(module, key) or getattr(element, "scheme", None), element)
    rules = _restrictions(text)
    unqualified = [m for qualifier, modules in aliases.items() for m in modules if qualifier == m]
    for source in unqualified:
        entry = view.get(source)
        if entry is None:
            continue
        rule = rules.get(source)
        for key, scheme in dict(entry.exports).items():
            element = view.element(source, key) if rule is not None else None
            if _visible(key, element, rule):
                add(source, key, scheme, element)
    for word in KEYWORDS:
        items.setdefault(word, types.CompletionItem(label=word, kind=types.CompletionItemKind.Keyword))
    return list(items.values())


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    options = types.CompletionOptions(trigger_characters=["."], resolve_provider=True)

    @ls.feature(types.TEXT_DOCUMENT_COMPLETION, options)
    @safe(None)
    def completion(params: types.CompletionParams) -> types.CompletionList | None:
        found = connection.open_doc(params.text_document.uri)
        if found is None:
            return None
        session, open_doc = found
        doc = open_doc.doc
        line, col = doc.index.from_client(params.position.line, params.position.character, connection.encoding)
        prefix = doc.index.line(line)[:col]
        items = items_for(session.batch, open_doc.uri, open_doc.module, doc.text, prefix)
        return types.CompletionList(is_incomplete=False, items=items)

    @ls.feature(types.COMPLETION_ITEM_RESOLVE)
    @safe(None)
    def resolve_item(item: types.CompletionItem) -> types.CompletionItem:
        data = item.data if isinstance(item.data, dict) else {}
        uri, module, key = data.get("uri"), data.get("module"), data.get("key")
        session = connection.session_now(uri) if isinstance(uri, str) else None
        if session is not None and isinstance(module, str) and isinstance(key, str):
            element = session.batch.element(module, key)
            doc = getattr(element, "doc", None)
            if isinstance(doc, str) and doc.strip():
                item.documentation = markup(documentation_formats(ls), doc.strip())
        return item
