"""Errors an evaluation can end with; each carries a message a user can act on (never a Python traceback)."""

from __future__ import annotations

from dataclasses import dataclass

from nova.diagnostics import Span


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a module's source, for runtime error messages (`Main:12:5: no pattern matches Nothing`)."""

    module: str
    span: Span

    def __str__(self) -> str:
        return f"{self.module}:{self.span.start_line + 1}:{self.span.start_col + 1}"


Where = Span | Location | None
"""What core nodes carry to say where they come from."""


class EvalError(Exception):
    """A runtime failure of Nova code: a failed pattern match, a division the language leaves undefined, …"""

    def __init__(self, message: str, span: Where = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.output: tuple[str, ...] = ()
        """What the evaluation logged before it failed."""

    def __str__(self) -> str:
        if self.span is None:
            return self.message
        if isinstance(self.span, Location):
            return f"{self.span}: {self.message}"
        return f"{self.span.start_line + 1}:{self.span.start_col + 1}: {self.message}"


class EvalLimitError(EvalError):
    """The evaluation ran out of fuel, time or stack; the program may be fine but it was stopped."""

    def __init__(self, message: str, steps: int) -> None:
        super().__init__(message)
        self.steps = steps


class CompileError(EvalError):
    """The typed AST holds something the evaluator cannot run (a checker error left a hole, an unknown name)."""
