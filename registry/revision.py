"""The one registry-wide revision counter: every put, bump, commit and remove takes a larger number than any before."""

from __future__ import annotations

import threading


class RevisionCounter:
    """A monotonic counter that can also be moved past revisions read back from a snapshot."""

    __slots__ = ("_last", "_lock")

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            self._last += 1
            return self._last

    def advance_past(self, rev: int) -> None:
        """Make sure later revisions are larger than `rev` (used when restoring a snapshot)."""
        with self._lock:
            if rev > self._last:
                self._last = rev


REVISIONS = RevisionCounter()
