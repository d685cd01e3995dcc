"""Nova code has no access to files, the network or processes: running the whole standard library and the type
corpus raises none of the audit events such access goes through."""

from __future__ import annotations

import sys
import threading
from typing import Any

from nova.eval.api import evaluate_value
from nova.eval.link import ElementCache
from tests.nova.stdlib.stdlib_examples import groups, module_name, program

WATCHED = ("open", "os.", "socket.", "subprocess.", "shutil.", "urllib.", "http.", "ctypes.", "import")

_state: dict[str, Any] = {"active": False, "events": []}
_lock = threading.Lock()


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _state["active"] and event.startswith(WATCHED):
        with _lock:
            _state["events"].append((event, repr(args)[:200]))


sys.addaudithook(_hook)  # hooks cannot be removed; this one does nothing unless a test switches it on


def test_evaluating_the_stdlib_touches_no_file_socket_or_process() -> None:
    runs = [(program(group), module_name(group), len(module.EXAMPLES)) for group, module in groups().items()]
    cache = ElementCache()
    for layer, name, count in runs:  # warm up: compile everything, load every Python module lazily imported
        for index in range(count):
            evaluate_value(layer, name, f"example{index}", cache=cache)
    _state["events"].clear()
    _state["active"] = True
    try:
        for layer, name, count in runs:
            for index in range(count):
                evaluate_value(layer, name, f"example{index}", cache=cache)
    finally:
        _state["active"] = False
    watched = [e for e in _state["events"] if not e[0].startswith("os.") or e[0] in _DANGEROUS_OS]
    assert watched == []


_DANGEROUS_OS = {
    "os.system",
    "os.exec",
    "os.spawn",
    "os.posix_spawn",
    "os.fork",
    "os.kill",
    "os.remove",
    "os.rename",
    "os.mkdir",
    "os.rmdir",
    "os.chmod",
    "os.listdir",
    "os.scandir",
    "os.walk",
    "os.truncate",
    "os.link",
    "os.symlink",
    "os.putenv",
    "os.unsetenv",
    "os.startfile",
}


def test_the_watcher_sees_file_access(tmp_path: Any) -> None:
    _state["events"].clear()
    _state["active"] = True
    try:
        (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    finally:
        _state["active"] = False
    assert any(event == "open" for event, _ in _state["events"])
