"""Request `nova/evaluate {textDocument, expression}` → `{value, type, output, error}` and command
`nova.evaluate`: evaluate an expression in the scope of a document's module, in that connection's view (its
unsaved edits included, nobody else's).

Evaluation runs on a worker thread, bounded by the evaluator's step, time and depth limits, so an endless loop
never blocks the server; a cancelled request stops its evaluation at the next limit check.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from server.app import NovaLanguageServer
from server.connection import uri_to_path
from server.hub import Hub
from server.lsp_util import safe

if TYPE_CHECKING:
    from nova.eval.machine import Limits

log = logging.getLogger(__name__)

EVALUATE = "nova/evaluate"
EVALUATE_COMMAND = "nova.evaluate"

_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nova-eval")


@dataclass(frozen=True, slots=True)
class Outcome:
    expression: str
    value: str | None
    type: str | None
    output: tuple[str, ...]
    error: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "type": self.type,
            "output": "".join(line + "\n" for line in self.output),
            "error": self.error,
        }

    def summary(self) -> str:
        """One line for a lens title or a message: `42 :: Int`, or the error."""
        if self.error is not None:
            return f"error: {self.error.splitlines()[0] if self.error else ''}"
        return f"{self.value} :: {self.type}"


def _source_of(ls: NovaLanguageServer, session: Any, uri: str) -> str | None:
    open_doc = session.docs.get(uri)
    if open_doc is not None:
        return str(open_doc.doc.text)
    doc = ls.connection.documents.get(uri)
    if doc is not None:
        return str(doc.text)
    path = uri_to_path(uri)
    if path is None or not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def default_limits(**chosen: Any) -> Limits:
    """The evaluator is imported on first use: a server start (or a warm one from the cache) does not pay for it."""
    from nova.eval.machine import Limits

    return Limits(**chosen)


def _run(
    view: Any, source: str | None, previous: Any, expression: str, cancel: threading.Event, limits: Limits
) -> Outcome:
    from nova.eval.api import evaluate_expression
    from nova.eval.errors import EvalError

    try:
        result = evaluate_expression(
            view,
            expression,
            module_source=source,
            imports=() if source is not None else ("Prelude",),
            limits=limits,
            cancel=cancel,
            previous=previous,
        )
    except EvalError as err:
        return Outcome(expression, None, None, err.output, str(err))
    except Exception as err:  # a bug in a pass must not take the server down
        log.exception("evaluating %r failed", expression)
        return Outcome(expression, None, None, (), f"internal error: {err}")
    return Outcome(expression, result.value, result.type, result.output + result.errors, None)


async def configured_limits(ls: NovaLanguageServer) -> Limits:
    """The limits from the client's `nova.evaluation` settings (`timeout` in seconds, `maxSteps`, `maxDepth`), when
    the client offers `workspace/configuration`; the defaults otherwise or for anything malformed."""
    workspace = getattr(ls.client_capabilities, "workspace", None)
    if not getattr(workspace, "configuration", False):
        return default_limits()
    try:
        answer = await asyncio.wait_for(
            ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="nova.evaluation")])
            ),
            2.0,
        )
    except Exception:
        log.warning("the client did not answer workspace/configuration; using the default limits")
        return default_limits()
    settings = answer[0] if isinstance(answer, list | tuple) and answer else None
    return limits_from_settings(settings)


def limits_from_settings(settings: Any) -> Limits:
    defaults = default_limits()
    if settings is None:
        return defaults

    def number(name: str, default: Any, kind: type) -> Any:
        # pygls hands JSON objects over as dicts or as attribute objects, depending on the path they took.
        value = settings.get(name) if isinstance(settings, dict) else getattr(settings, name, None)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            return default
        return kind(value)

    return default_limits(
        max_steps=number("maxSteps", defaults.max_steps, int),
        timeout=number("timeout", defaults.timeout, float),
        max_depth=min(number("maxDepth", defaults.max_depth, int), 100_000),
    )


async def evaluate(ls: NovaLanguageServer, uri: str, expression: str, limits: Limits | None = None) -> Outcome:
    """Evaluate off the event loop; cancelling the awaiting task stops the evaluation too."""
    if limits is None:
        limits = await configured_limits(ls)
    session = await ls.connection.session_for(uri)
    source = _source_of(ls, session, uri)
    open_doc = session.docs.get(uri)
    previous = open_doc.checked if open_doc is not None else None  # the checker reuses what did not change
    cancel = threading.Event()
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(
        _executor, _run, session.batch, source, previous, expression, cancel, limits
    )
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        cancel.set()
        raise


def _field(params: Any, name: str) -> Any:
    if isinstance(params, dict):
        return params.get(name)
    return getattr(params, name, None)


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature(EVALUATE)
    @safe({"value": None, "type": None, "output": "", "error": "the request could not be handled"})
    async def evaluate_request(params: Any) -> dict[str, Any]:
        document = _field(params, "textDocument")
        uri = _field(document, "uri") if document is not None else None
        expression = _field(params, "expression")
        if not isinstance(uri, str) or not isinstance(expression, str):
            return {"value": None, "type": None, "output": "", "error": "expected {textDocument: {uri}, expression}"}
        outcome = await evaluate(ls, uri, expression)
        return outcome.to_json()

    @ls.command(EVALUATE_COMMAND)
    @safe(None)
    async def evaluate_command(*args: Any) -> dict[str, Any] | None:
        """Arguments: `uri, expression` (what the "▶ Evaluate" code lens sends); shows the result as a message."""
        if len(args) < 2 or not isinstance(args[0], str) or not isinstance(args[1], str):
            return None
        uri, expression = args[0], args[1]
        version = _version(ls, uri)
        outcome = await evaluate(ls, uri, expression)
        remember(ls, uri, outcome, version)
        message = f"{expression} = {outcome.summary()}"
        if outcome.output:
            message += "\n" + "\n".join(outcome.output)
        kind = types.MessageType.Error if outcome.error is not None else types.MessageType.Info
        ls.window_show_message(types.ShowMessageParams(type=kind, message=message))
        _refresh_lenses(ls)
        return outcome.to_json()


# ---- results remembered for the code lenses -------------------------------------------------------------------

_RESULTS_ATTR = "_nova_eval_results"


def _version(ls: Any, uri: str) -> int | None:
    doc = ls.connection.documents.get(uri)
    return getattr(doc, "version", None)


def remember(ls: Any, uri: str, outcome: Outcome, version: int | None) -> None:
    """Keep the result for the lens title, tied to the document version it was computed from."""
    results: dict[tuple[str, str], tuple[int | None, Outcome]] = getattr(ls, _RESULTS_ATTR, None) or {}
    results[(uri, outcome.expression)] = (version, outcome)
    if len(results) > 500:
        results.pop(next(iter(results)))
    setattr(ls, _RESULTS_ATTR, results)


def last_result(ls: Any, uri: str, expression: str) -> Outcome | None:
    """The remembered result, unless the document changed since (then the lens offers to evaluate again)."""
    results: dict[tuple[str, str], tuple[int | None, Outcome]] = getattr(ls, _RESULTS_ATTR, None) or {}
    found = results.get((uri, expression))
    if found is None or found[0] != _version(ls, uri):
        return None
    return found[1]


def _refresh_lenses(ls: NovaLanguageServer) -> None:
    """Ask the client to re-request code lenses (their titles now show the result), when it supports that."""
    try:
        capabilities = ls.client_capabilities
        workspace = getattr(capabilities, "workspace", None)
        code_lens = getattr(workspace, "code_lens", None)
        if code_lens is not None and code_lens.refresh_support:
            ls.protocol.send_request(types.WORKSPACE_CODE_LENS_REFRESH, None)
    except Exception:
        log.exception("refreshing code lenses")
