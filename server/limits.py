"""The server's own bounds, set on the command line: what one message, one file and one evaluation may cost.

Clients choose their evaluation limits (`nova.evaluation` settings), but never beyond these maxima: a client asking
for `timeout: 1e308` gets the server's maximum."""

from __future__ import annotations

from dataclasses import dataclass, field

from server.framing import DEFAULT_LIMITS, FrameLimits


@dataclass(frozen=True, slots=True)
class ServerLimits:
    frames: FrameLimits = field(default_factory=lambda: DEFAULT_LIMITS)
    max_eval_seconds: float = 30.0
    max_eval_steps: int = 200_000_000
    max_eval_depth: int = 100_000
    max_eval_cells: int = 64_000_000
    """Allocation budget of one evaluation, in cells (array elements, constructor fields, 32 characters of text)."""
    max_file_bytes: int = 2 * 1024 * 1024
    """Larger documents and files are not parsed or checked: they get one diagnostic saying so."""


DEFAULT_SERVER_LIMITS = ServerLimits()
