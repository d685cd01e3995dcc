"""The `nova-lsp` command: hand this editor's stdio to the fork server, or serve in this process.

Most of a language server's start is importing the same modules again (pygls, lsprotocol's ~550 classes, the
checker). A per-user fork server (`server.fork_server`) imports them once and forks a process per editor; this
launcher, which imports only the standard library's light modules, connects to it, passes it stdin, stdout and
stderr, the arguments, the working folder and the environment, then waits: it forwards SIGTERM, SIGINT and SIGHUP
to the forked server and exits with its status. When no fork server answers (the first start, a stale one that
refuses because the installed code changed, a socket that is not safely this user's), it serves in its own process
as `python -m server` does and starts a fork server in the background for the next editor. The daemons (`--tcp`,
`--socket`), `--help`, `--version`, `--no-fork-server` and `NOVA_LSP_NO_FORK_SERVER=1` always serve in-process."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from server import fork_protocol as protocol
from server.private_dir import is_private_dir, peer_uid, runtime_base

IN_PROCESS_OPTIONS = ("--tcp", "--socket", "--help", "--version", "--no-fork-server", "--stop-fork-server")
"""Options (or their unambiguous abbreviations) after which the launcher never forks: daemons, the informational
options, and the two that concern the fork server itself."""
ANSWER_SECONDS = 30.0
"""How long a launcher waits for the fork server's answer once it has sent its descriptors. It does not serve in
its own process after that (a late fork would serve the same stdio twice): it gives up with status 1."""


def main(argv: Sequence[str] | None = None) -> int:
    launched = time.monotonic()
    args = list(sys.argv[1:] if argv is None else argv)
    if "--stop-fork-server" in args:
        return stop_fork_server(os.environ)
    if protocol.disabled(os.environ) or any(_names_option(arg) for arg in args):
        return serve_in_process(args)
    served = serve_forked(args, launched)
    if served is not None:
        return served
    start_fork_server(os.environ)
    return serve_in_process(args)


def _names_option(arg: str) -> bool:
    name = arg.split("=", 1)[0]
    return len(name) > 2 and name.startswith("--") and any(option.startswith(name) for option in IN_PROCESS_OPTIONS)


def serve_in_process(args: list[str]) -> int:
    from server.__main__ import main as server_main

    return server_main(args)


def fork_server_socket(environ: dict[str, str] | os._Environ[str]) -> tuple[Path, str] | None:
    """The socket of this launcher's fork server and its key, or None when its folder is not yet safely private
    (missing, someone else's, a link, or a mode that let others in: a socket found there is not trusted)."""
    directory, _warning = runtime_base(environ)
    if not is_private_dir(directory):
        return None
    key = protocol.fork_key(environ)
    return protocol.socket_path(directory, key), key


def connect(environ: dict[str, str] | os._Environ[str]) -> socket.socket | None:
    """A connection to this user's fork server, or None: no socket, not a socket of this user in a private folder,
    nobody listening, or a peer of another user."""
    found = fork_server_socket(environ)
    if found is None:
        return None
    path, _key = found
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.geteuid():
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(5.0)
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    uid = peer_uid(sock)
    if uid is not None and uid != os.geteuid():
        sock.close()
        return None
    return sock


def serve_forked(args: list[str], launched: float) -> int | None:
    """Have the fork server serve this editor; its exit status, or None when it cannot (nothing was served)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            return None  # a closed standard stream cannot be handed over
    sock = connect(os.environ)
    if sock is None:
        return None
    with sock:
        try:
            cwd: str | None = os.getcwd()
        except OSError:
            cwd = None
        umask = os.umask(0o077)
        os.umask(umask)
        request = {"op": "serve", "argv": args, "cwd": cwd, "env": dict(os.environ), "umask": umask,
                   "launched": launched, "launcherCpu": time.process_time()}
        try:
            protocol.send(sock, request, (0, 1, 2))
        except (OSError, protocol.ProtocolError):
            return None
        sock.settimeout(ANSWER_SECONDS)
        try:
            answer, _ = protocol.receive(sock)
        except TimeoutError:
            print("nova-lsp: the fork server did not answer; giving up", file=sys.stderr, flush=True)
            return 1
        except (OSError, protocol.ProtocolError):
            return None
        if answer is None or not isinstance(answer.get("pid"), int):
            refused = answer.get("refused") if answer else "the connection closed"
            print(f"nova-lsp: the fork server refused ({refused}); serving in this process", file=sys.stderr,
                  flush=True)
            return None
        return relay(sock, answer["pid"])


def relay(sock: socket.socket, pid: int) -> int:
    """Wait for the forked server's end and return its status, forwarding the editor's signals to it meanwhile."""
    sock.settimeout(None)

    def forward(signum: int, _frame: FrameType | None) -> None:
        with contextlib.suppress(OSError, protocol.ProtocolError):
            protocol.send(sock, {"op": "signal", "signal": signum})

    for signum in protocol.FORWARDED_SIGNALS:
        signal.signal(signum, forward)
    try:
        answer, _ = protocol.receive(sock)
    except (OSError, protocol.ProtocolError):
        answer = None
    if answer is None or not isinstance(answer.get("exit"), int):
        # The fork server went away: its child still serves this editor's stdio, so wait for it to end.
        wait_for_process(pid)
        return 1
    status: int = answer["exit"]
    if status < 0:  # killed by a signal: end the same way, so the editor sees what happened
        for signum in protocol.FORWARDED_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        with contextlib.suppress(OSError, ValueError):
            signal.signal(-status, signal.SIG_DFL)
            os.kill(os.getpid(), -status)
        return 128 - status
    return status


def wait_for_process(pid: int) -> None:
    """Return once process `pid` (not this one's child) has ended."""
    try:
        pidfd = os.pidfd_open(pid)
    except (OSError, AttributeError):
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            except OSError:
                return
            time.sleep(0.5)
    try:
        import select

        select.select([pidfd], [], [])
    finally:
        os.close(pidfd)


def start_fork_server(environ: dict[str, str] | os._Environ[str]) -> None:
    """Start this user's fork server in the background, detached (its own session, stdio on /dev/null, its log in
    the cache folder), for the next editor. It checks its own key against the one given, takes the socket's lock
    or exits at once when another already has it."""
    found = fork_server_socket(environ)
    key = protocol.fork_key(environ)
    if found is not None and not protocol.usable(found[0]):
        return
    command = [sys.executable, "-P", "-m", "server.fork_server", "--key", key]
    try:
        child = os.fork()
    except OSError:
        return
    if child:
        with contextlib.suppress(OSError):
            os.waitpid(child, 0)
        return
    status = 1
    try:
        os.setsid()
        if os.fork() == 0:
            os.chdir("/")
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.execve(sys.executable, command, dict(environ))
        status = 0
    finally:
        os._exit(status)


def stop_fork_server(environ: dict[str, str] | os._Environ[str]) -> int:
    """`nova-lsp --stop-fork-server`: stop this user's fork server (the servers it forked keep serving)."""
    sock = connect(environ)
    if sock is None:
        print("nova-lsp: no fork server is running", file=sys.stderr)
        return 0
    with sock:
        answer: dict[str, Any] | None = None
        with contextlib.suppress(OSError, protocol.ProtocolError):
            protocol.send(sock, {"op": "stop"})
            answer, _ = protocol.receive(sock)
    pid = answer.get("stopping") if answer else None
    print(f"nova-lsp: fork server {pid} stopping" if pid else "nova-lsp: the fork server did not answer",
          file=sys.stderr)
    return 0 if pid else 1


if __name__ == "__main__":
    sys.exit(main())
