"""The timeline of this process's start: when each phase ended, on the monotonic clock and in CPU seconds used since
the process began. `nova.dumpState` reports it and `bench/lsp_bench.py` prints it against the moment it spawned the
server (on Linux `time.monotonic` is one clock for every process), so a slow start shows which phase costs: the
interpreter and the entry point's imports, the transports and the hub's imports, the hub, the features, answering
`initialize`, restoring or indexing the first folder."""

from __future__ import annotations

import time
from typing import Any

PHASES = ("entry", "forked", "imports", "hub", "features", "initialize", "indexed")
"""In the order a start passes them: `main` entered (the interpreter has started and imported the entry point;
for a server forked by the fork server, the `nova-lsp` launcher started, with the launcher's CPU), the server
forked (only then), the transports, pygls, lsprotocol and the hub imported (the code cache installed first; a
forked server had them already), the hub made, one connection's server made with every feature registered, the
first `initialize` answered, the first folder indexed."""

IN_PROCESS = "in-process"
FORKED = "forked"

_stamps: dict[str, tuple[float, float]] = {}
_path = IN_PROCESS


def forked(launched: float, launcher_cpu: float) -> None:
    """Start the timeline of a server the fork server forked (`server.fork_server`): it began when its launcher
    did; its own CPU counts from the fork."""
    global _path
    _stamps.clear()
    _stamps["entry"] = (launched, launcher_cpu)
    _path = FORKED
    stamp("forked")


def path() -> str:
    """How this server started: `forked` by the fork server, or `in-process` (the interpreter imported it all)."""
    return _path


def stamp(phase: str) -> None:
    """Record the end of `phase` (only its first end: a daemon's later connections do not move it)."""
    if phase not in _stamps:
        _stamps[phase] = (time.monotonic(), time.process_time())


def report() -> dict[str, Any]:
    """Plain data: for each phase passed so far, its end on the monotonic clock (seconds) and the CPU seconds this
    process had used by then."""
    return {phase: {"monotonic": _stamps[phase][0], "cpuSeconds": round(_stamps[phase][1], 4)}
            for phase in PHASES if phase in _stamps}
