"""Errors an evaluation can end with; each carries a message a user can act on (never a Python traceback)."""

from __future__ import annotations

from nova.diagnostics import Span


class EvalError(Exception):
    """A runtime failure of Nova code: a failed pattern match, a division the language leaves undefined, …"""

    def __init__(self, message: str, span: Span | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.output: tuple[str, ...] = ()
        """What the evaluation logged before it failed."""

    def __str__(self) -> str:
        if self.span is None:
            return self.message
        return f"{self.span.start_line + 1}:{self.span.start_col + 1}: {self.message}"


class EvalLimitError(EvalError):
    """The evaluation ran out of fuel, time or stack; the program may be fine but it was stopped."""

    def __init__(self, message: str, steps: int) -> None:
        super().__init__(message)
        self.steps = steps


class CompileError(EvalError):
    """The typed AST holds something the evaluator cannot run (a checker error left a hole, an unknown name)."""
