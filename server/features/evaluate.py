"""Request `nova/evaluate {textDocument, expression}` → `{value, type, output, error}` and command
`nova.evaluate`: evaluate an expression in the scope of a document's module, in that connection's view (its
unsaved edits included, nobody else's).

Evaluation runs on a thread of its own, bounded by the evaluator's step, time, depth and allocation limits (the
client's settings, clamped to the server's maxima), so an endless loop never blocks the server; a cancelled request
stops its evaluation at the next limit check. Each connection runs one evaluation at a time, in the order asked,
and connections never wait for each other: one client's endless loops cannot delay another client's `1 + 1`.

An evaluation reads its module's text from the open document, or from a `.nova` file inside the connection's own
workspace folders; nothing else on disk (another file's contents, or whether it exists, never reaches the answer).
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from server.app import NovaLanguageServer
from server.connection import uri_to_path
from server.hub import Hub
from server.limits import DEFAULT_SERVER_LIMITS, ServerLimits
from server.lsp_util import safe

if TYPE_CHECKING:
    from nova.eval.machine import Limits

log = logging.getLogger(__name__)

EVALUATE = "nova/evaluate"
EVALUATE_COMMAND = "nova.evaluate"



class EvaluationQueue:
    """One connection's evaluations: one at a time, in order, each on a fresh thread (connections never share a
    pool, so none waits for another's). A cancelled evaluation keeps its place until its thread has stopped (at
    the evaluator's next limit check): cancelling and re-sending cannot pile up threads."""

    def __init__(self) -> None:
        self._turn = asyncio.Lock()
        self.running: threading.Event | None = None

    async def run(self, work: Callable[[threading.Event], Outcome]) -> Outcome:
        await self._turn.acquire()
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Outcome] = loop.create_future()
        cancel = threading.Event()

        def finish(outcome: Outcome | None, error: BaseException | None) -> None:
            if not done.done():
                if error is not None:
                    done.set_exception(error)
                else:
                    done.set_result(outcome)  # type: ignore[arg-type]

        def target() -> None:
            try:
                outcome = work(cancel)
            except BaseException as error:
                loop.call_soon_threadsafe(finish, None, error)
            else:
                loop.call_soon_threadsafe(finish, outcome, None)

        try:
            threading.Thread(target=target, name="nova-eval", daemon=True).start()
        except BaseException:
            self._turn.release()
            raise
        self.running = cancel
        done.add_done_callback(lambda _: self._release(cancel))
        try:
            return await asyncio.shield(done)
        except asyncio.CancelledError:
            cancel.set()
            raise

    def _release(self, cancel: threading.Event) -> None:
        if self.running is cancel:
            self.running = None
        self._turn.release()

    def cancel_all(self) -> None:
        if self.running is not None:
            self.running.set()


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


class NotReadable(Exception):
    """The document is neither open nor a `.nova` file of the connection's workspace folders."""


def _source_of(ls: NovaLanguageServer, session: Any, uri: str) -> str | None:
    """The module's text: the open document's, else a `.nova` file's under one of this connection's folders.
    None for a URI that is no file (an unopened `untitled:`): the expression then sees the Prelude. Any other file
    is refused with one message whether it exists or not."""
    open_doc = session.docs.get(uri)
    if open_doc is not None:
        return str(open_doc.doc.text)
    doc = ls.connection.documents.get(uri)
    if doc is not None:
        return str(doc.text)
    if not uri.startswith("file:"):
        return None
    path = uri_to_path(uri)
    if path is None or path.suffix != ".nova" or not ls.connection.in_own_folders(path):
        raise NotReadable(uri)
    from nova.sources import SourceError, read_source

    try:
        return read_source(path, ls.hub.limits.max_file_bytes).text
    except SourceError as error:
        raise NotReadable(f"{uri}: {error}") from None


def default_limits(**chosen: Any) -> Limits:
    """The evaluator is imported on first use: a server start (or a warm one from the cache) does not pay for it."""
    from nova.eval.machine import Limits

    return Limits(**chosen)


def _run(
    view: Any, source: str | None, previous: Any, expression: str, cancel: threading.Event, limits: Limits,
    parsed: Any = None,
) -> Outcome:
    from nova.eval.api import evaluate_expression
    from nova.eval.errors import EvalError

    try:
        result = evaluate_expression(
            view,
            expression,
            module_source=source,
            module_parsed=parsed,
            imports=() if source is not None else ("Prelude",),
            limits=limits,
            cancel=cancel,
            previous=previous,
            remember=False,
        )
    except EvalError as err:
        return Outcome(expression, None, None, err.output, str(err))
    except Exception as err:  # a bug in a pass must not take the server down
        log.exception("evaluating %r failed", expression)
        return Outcome(expression, None, None, (), f"internal error: {err}")
    return Outcome(expression, result.value, result.type, result.output + result.errors, None)


async def configured_limits(ls: NovaLanguageServer) -> Limits:
    """The limits from the client's `nova.evaluation` settings (`timeout` in seconds, `maxSteps`, `maxDepth`,
    `maxCells`), when the client offers `workspace/configuration`; the defaults otherwise or for anything
    malformed; never beyond the server's maxima."""
    maxima = ls.hub.limits
    workspace = getattr(ls.client_capabilities, "workspace", None)
    if not getattr(workspace, "configuration", False):
        return limits_from_settings(None, maxima)
    try:
        answer = await asyncio.wait_for(
            ls.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section="nova.evaluation")])
            ),
            2.0,
        )
    except Exception:
        log.warning("the client did not answer workspace/configuration; using the default limits")
        return limits_from_settings(None, maxima)
    settings = answer[0] if isinstance(answer, list | tuple) and answer else None
    return limits_from_settings(settings, maxima)


def limits_from_settings(settings: Any, maxima: ServerLimits = DEFAULT_SERVER_LIMITS) -> Limits:
    """The client's limits where they are positive finite numbers, the evaluator's defaults elsewhere, each
    clamped to the server's maximum (`--max-eval-*`): a client asking for `timeout: 1e308` gets the maximum."""
    defaults = default_limits()

    def number(name: str, default: float, ceiling: float) -> float:
        # pygls hands JSON objects over as dicts or as attribute objects, depending on the path they took.
        if isinstance(settings, dict):
            value = settings.get(name)
        else:
            value = getattr(settings, name, None) if settings is not None else None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            value = default
        return min(value, ceiling)

    return default_limits(
        max_steps=int(number("maxSteps", defaults.max_steps, maxima.max_eval_steps)),
        timeout=number("timeout", defaults.timeout or maxima.max_eval_seconds, maxima.max_eval_seconds),
        max_depth=int(number("maxDepth", defaults.max_depth, maxima.max_eval_depth)),
        max_cells=int(number("maxCells", defaults.max_cells, maxima.max_eval_cells)),
    )


QUEUE_ATTR = "_nova_evaluations"


def queue_of(ls: Any) -> EvaluationQueue:
    queue = getattr(ls, QUEUE_ATTR, None)
    if queue is None:
        queue = EvaluationQueue()
        setattr(ls, QUEUE_ATTR, queue)
    return queue


@dataclass(frozen=True, slots=True)
class _Scope:
    """What an expression is checked against: the session's view, the module's text, its last check."""

    view: Any
    source: str | None
    previous: Any
    parsed: Any = None  # the parse of `source`, when the document's last check parsed that very text


CHECK_WAIT_SECONDS = 10.0
"""How long an evaluation waits for the check of its document's text that is running (see `_scope`)."""


async def _scope(ls: NovaLanguageServer, uri: str, expression: str) -> _Scope | Outcome:
    """The scope of `uri`'s module in this connection's view, or an Outcome saying why there is none.

    While the document's current text is being checked, the evaluation waits for that check (up to
    CHECK_WAIT_SECONDS): it then reuses its parse and its typed declarations instead of parsing and checking the
    same text a second time, at the same time, on the same cores."""
    session = await ls.connection.session_for(uri)
    open_doc = session.docs.get(uri)
    task = open_doc.task if open_doc is not None else None
    if task is not None and not task.done() and open_doc is not None and open_doc.checked_text is not open_doc.doc.text:
        await asyncio.wait({task}, timeout=CHECK_WAIT_SECONDS)  # (never raises for the check's own end)
    try:
        source = _source_of(ls, session, uri)
    except NotReadable:
        message = "the document is not open, and is not a .nova file of this connection's workspace folders"
        return Outcome(expression, None, None, (), message)
    if source is not None and len(source.encode("utf-8", "surrogatepass")) > ls.hub.limits.max_file_bytes:
        return Outcome(expression, None, None, (), "the module is too large to evaluate in (see --max-file-size)")
    open_doc = session.docs.get(uri)
    previous = open_doc.checked if open_doc is not None else None  # the checker reuses what did not change
    parsed = None
    if open_doc is not None and open_doc.parsed is not None and source is not None and (
            open_doc.checked_text is source or open_doc.checked_text == source):
        parsed = open_doc.parsed
    return _Scope(session.batch, source, previous, parsed)


async def evaluate(ls: NovaLanguageServer, uri: str, expression: str, limits: Limits | None = None) -> Outcome:
    """Evaluate off the event loop, after this connection's earlier evaluations; cancelling the awaiting task
    stops the evaluation too."""
    if limits is None:
        limits = await configured_limits(ls)
    scope = await _scope(ls, uri, expression)
    if isinstance(scope, Outcome):
        return scope
    return await queue_of(ls).run(
        lambda cancel: _run(scope.view, scope.source, scope.previous, expression, cancel, limits, scope.parsed))


def _type_of(scope: _Scope, expression: str) -> Outcome:
    from nova.eval.api import type_of_expression
    from nova.eval.errors import EvalError

    try:
        printed = type_of_expression(scope.view, expression, module_source=scope.source,
                                     module_parsed=scope.parsed,
                                     imports=() if scope.source is not None else ("Prelude",),
                                     previous=scope.previous)
    except EvalError as err:
        return Outcome(expression, None, None, (), str(err))
    except Exception as err:  # a bug in a pass must not take the server down
        log.exception("typing %r failed", expression)
        return Outcome(expression, None, None, (), f"internal error: {err}")
    return Outcome(expression, None, printed, (), None)


async def type_of(ls: NovaLanguageServer, uri: str, expression: str) -> Outcome:
    """The type of `expression` in the document's module (nothing is evaluated), checked off the event loop in
    this connection's turn, as `evaluate` does; the answer's `value` is None and its `type` the printed type."""
    scope = await _scope(ls, uri, expression)
    if isinstance(scope, Outcome):
        return scope
    return await queue_of(ls).run(lambda cancel: _type_of(scope, expression))


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
