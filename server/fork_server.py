"""The fork server: one process per user (and per installed code) that has imported everything the language server
needs and forks a ready server for each editor that launches `nova-lsp` (`server.launch`), as Emacs's server,
Android's zygote or gopls' auto-started daemon spare their users the start-up.

It imports the server, pygls, lsprotocol, the checker, the IDE features and the code cache once, freezes what it
made (`gc.freeze`: the collector never writes to those pages, so the forked servers keep sharing them), then waits
on a unix socket in the user's private runtime folder (`server.private_dir`), accepting only peers of its own user
(SO_PEERCRED). For each launcher it forks a child that takes the launcher's stdin, stdout and stderr, environment,
folder and arguments and runs `server.__main__.main`, exactly what an in-process start runs after its imports.

It never serves code older than what is installed: the socket's name is keyed on the interpreter, the package and
the environment its imports read (`server.fork_protocol`), and before each fork it checks that no source file it
imported changed since (size and modification time). If one did it refuses, stops listening (a fresh fork server
may take its place at once) and exits once its children have ended. It forks only while it has a single thread,
reaps its children and passes each one's exit status to its launcher, ends a child whose launcher went away, and
exits after `--idle-minutes` without children or requests."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import importlib
import io
import logging
import os
import selectors
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server import fork_protocol as protocol
from server.private_dir import AuthSetupError, peer_uid, runtime_dir

log = logging.getLogger("server.fork_server")

IDLE_MINUTES = 30.0
"""The default for `--idle-minutes`: how long a fork server without children or requests waits before it exits."""
REQUEST_SECONDS = 5.0
"""How long a launcher may take to send its request once connected (the fork server serves one at a time)."""
KILL_GRACE_SECONDS = 10.0
"""A child whose launcher went away is sent SIGTERM, and SIGKILL this long after if it is still there."""
LOG_NAME = "fork-server.log"


@dataclass(slots=True)
class Child:
    """A forked server and the connection of the launcher waiting for it."""

    pid: int
    launcher: socket.socket | None
    kill_at: float | None = None


@dataclass(slots=True)
class SourceStamps:
    """Size and modification time of every file the fork server's modules were loaded from."""

    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)

    @staticmethod
    def of_loaded_modules() -> SourceStamps:
        found = SourceStamps()
        for module in list(sys.modules.values()):
            path = getattr(module, "__file__", None)
            if isinstance(path, str):
                with contextlib.suppress(OSError):
                    info = os.stat(path)
                    found.stamps[path] = (info.st_mtime_ns, info.st_size)
        return found

    def changed(self) -> str | None:
        """The first file that changed or went away since, or None."""
        for path, stamp in self.stamps.items():
            try:
                info = os.stat(path)
            except OSError:
                return path
            if (info.st_mtime_ns, info.st_size) != stamp:
                return path
        return None


def preload(cache_dir: Path | None) -> None:
    """Import what a server start and its first checks import (see `server.__main__.main`, `server.app`,
    `server.analysis.preload`), the code cache installed first as `main` does."""
    if cache_dir is not None:
        from server import code_cache

        code_cache.install(cache_dir)
    import server.__main__
    import server.daemon
    import server.hub  # noqa: F401
    from server import analysis
    from server.app import feature_modules, prepare_converter

    for name in feature_modules():
        importlib.import_module(name)
    analysis.preload()
    prepare_converter()
    for name in ("nova.ide.completion", "nova.ide.navigation", "nova.ide.code_actions", "nova.ide.rename",
                 "nova.ide.semantic_tokens", "nova.format", "nova.parallel"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


class ForkServer:
    def __init__(self, directory: Path, key: str, idle_seconds: float) -> None:
        self.directory = directory
        self.key = key
        self.path = protocol.socket_path(directory, key)
        self.idle_seconds = idle_seconds
        self.selector = selectors.DefaultSelector()
        self.listener: socket.socket | None = None
        self.lock_fd: int | None = None
        self.bound: tuple[int, int] | None = None
        self.children: dict[int, Child] = {}
        self.sources = SourceStamps()
        self.last_activity = time.monotonic()
        self.stop_signal = 0
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)

    # -- the socket --------------------------------------------------------------------------------------------

    def take_lock(self) -> bool:
        """The lock of this key's socket; False when another fork server holds it."""
        fd = os.open(protocol.lock_path(self.directory, self.key), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC
                     | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.lock_fd = fd
        return True

    def listen(self) -> None:
        """Bind the socket (0600), replacing a stale one of this user: the lock says nobody else serves it."""
        with contextlib.suppress(FileNotFoundError):
            info = os.lstat(self.path)
            if info.st_uid != os.geteuid():
                raise AuthSetupError(f"{self.path} belongs to another user; refusing to replace it")
            os.unlink(self.path)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_mask = os.umask(0o177)
        try:
            listener.bind(str(self.path))
        finally:
            os.umask(old_mask)
        os.chmod(self.path, 0o600)
        info = os.lstat(self.path)
        self.bound = (info.st_dev, info.st_ino)
        listener.listen(32)
        listener.setblocking(False)
        self.listener = listener
        self.selector.register(listener, selectors.EVENT_READ, "listener")

    def stop_listening(self) -> None:
        """Take the socket away (only ours) and release the lock: a fresh fork server can start at once, while
        this one waits for its children."""
        if self.listener is not None:
            self.selector.unregister(self.listener)
            self.listener.close()
            self.listener = None
        if self.bound is not None:
            with contextlib.suppress(OSError):
                info = os.lstat(self.path)
                if (info.st_dev, info.st_ino) == self.bound:
                    os.unlink(self.path)
            self.bound = None
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None

    # -- the loop ----------------------------------------------------------------------------------------------

    def run(self) -> None:
        self.sources = SourceStamps.of_loaded_modules()
        self.last_activity = time.monotonic()
        signal.set_wakeup_fd(self._wake_write, warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._on_stop_signal)
        self.selector.register(self._wake_read, selectors.EVENT_READ, "wake")
        log.info("fork server %d ready on %s (%d source files watched)", os.getpid(), self.path,
                 len(self.sources.stamps))
        while self.listener is not None or self.children:
            for key, _events in self.selector.select(timeout=self._timeout()):
                if key.data == "listener":
                    self._accept()
                elif key.data == "wake":
                    with contextlib.suppress(BlockingIOError):
                        while os.read(self._wake_read, 512):
                            pass
                else:
                    self._launcher_readable(key.data)
            self._reap()
            self._kill_overdue()
            if self.stop_signal and self.listener is not None:
                log.info("signal %d: no more forks; exiting once %d children have ended", self.stop_signal,
                         len(self.children))
                self.stop_listening()
            if (self.listener is not None and not self.children
                    and time.monotonic() - self.last_activity >= self.idle_seconds):
                log.info("idle for %.0f minutes without children: exiting", self.idle_seconds / 60)
                self.stop_listening()
        self.stop_listening()
        log.info("fork server %d exits", os.getpid())

    def _on_stop_signal(self, signum: int, _frame: Any) -> None:
        self.stop_signal = signum  # acted on by the loop, between two requests

    def _timeout(self) -> float:
        deadlines = [c.kill_at for c in self.children.values() if c.kill_at is not None]
        if self.listener is not None and not self.children:
            deadlines.append(self.last_activity + self.idle_seconds)
        if not deadlines:
            return 60.0
        return max(0.0, min(min(deadlines) - time.monotonic(), 60.0))

    def _accept(self) -> None:
        assert self.listener is not None
        try:
            conn, _ = self.listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            log.warning("accept failed: %s", error)
            return
        self.last_activity = time.monotonic()
        uid = peer_uid(conn)
        if uid is not None and uid != os.geteuid():
            log.warning("refused a connection of user %d (this fork server is user %d's)", uid, os.geteuid())
            conn.close()
            return
        conn.setblocking(True)
        conn.settimeout(REQUEST_SECONDS)
        try:
            self._handle(conn)
        except Exception:
            log.exception("a request failed")
            conn.close()

    def _handle(self, conn: socket.socket) -> None:
        try:
            request, fds = protocol.receive(conn, max_fds=3)
        except (OSError, protocol.ProtocolError) as error:
            log.warning("malformed request, ignored: %s", error)
            self._answer_and_close(conn, {"refused": f"malformed request: {error}"})
            return
        if request is None:
            log.info("a launcher disconnected before its request")
            conn.close()
            return
        op = request.get("op")
        if op == "stop":
            log.info("asked to stop; exiting once %d children have ended", len(self.children))
            self._answer_and_close(conn, {"stopping": os.getpid()})
            self.stop_listening()
            return
        if op != "serve":
            self._refuse(conn, fds, f"malformed request: unknown op {op!r}")
            return
        problem = malformed_serve(request, fds)
        if problem:
            self._refuse(conn, fds, f"malformed request: {problem}")
            return
        changed = self.sources.changed()
        if changed is not None:
            log.info("%s changed since this fork server loaded it: refusing, and no more forks", changed)
            self.stop_listening()
            self._refuse(conn, fds, f"stale: {changed} changed since the fork server started")
            return
        if threading.active_count() != 1:
            names = ", ".join(t.name for t in threading.enumerate())
            log.error("not forking while other threads run (%s)", names)
            self._refuse(conn, fds, "the fork server has threads")
            return
        self._fork(conn, request, fds)

    def _refuse(self, conn: socket.socket, fds: Sequence[int], why: str) -> None:
        for fd in fds:
            os.close(fd)
        self._answer_and_close(conn, {"refused": why})

    @staticmethod
    def _answer_and_close(conn: socket.socket, answer: dict[str, Any]) -> None:
        with contextlib.suppress(OSError):
            protocol.send(conn, answer)
        conn.close()

    def _fork(self, conn: socket.socket, request: dict[str, Any], fds: Sequence[int]) -> None:
        go_read, go_write = os.pipe()
        try:
            pid = os.fork()
        except OSError as error:
            log.error("cannot fork: %s", error)
            os.close(go_read)
            os.close(go_write)
            self._refuse(conn, fds, f"cannot fork: {error.strerror or error}")
            return
        if pid == 0:
            os.close(go_write)
            self._become_server(conn, request, fds, go_read)
        os.close(go_read)
        for fd in fds:
            os.close(fd)
        try:
            protocol.send(conn, {"pid": pid})
            os.write(go_write, b"g")
        except OSError as error:
            log.info("launcher gone before its server started (%s); ending child %d", error, pid)
            conn.close()
            self.children[pid] = Child(pid, None)
            return
        finally:
            os.close(go_write)
        conn.settimeout(1.0)  # a launcher's message is read whole once its first byte is there
        self.children[pid] = Child(pid, conn)
        self.selector.register(conn, selectors.EVENT_READ, pid)
        log.info("forked server %d for %s", pid, request.get("cwd"))

    def _become_server(self, conn: socket.socket, request: dict[str, Any], fds: Sequence[int], go: int) -> None:
        """In the child: leave the fork server's state behind, wait for the word that the launcher knows this
        process, take the launcher's stdio, environment and folder, and serve; never return."""
        status = 1
        try:
            signal.set_wakeup_fd(-1)
            for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
                signal.signal(signum, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self.selector.close()
            for closing in (self.listener, conn, *(c.launcher for c in self.children.values())):
                if closing is not None:
                    closing.close()
            for fd in (self.lock_fd, self._wake_read, self._wake_write):
                if fd is not None:
                    os.close(fd)
            if os.read(go, 1) != b"g":
                os._exit(1)
            os.close(go)
            status = serve_child(request, fds)
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else 1
        except BaseException:
            with contextlib.suppress(Exception):
                log.exception("the forked server failed")
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            with contextlib.suppress(Exception):
                logging.shutdown()
            os._exit(status)

    def _launcher_readable(self, pid: int) -> None:
        child = self.children.get(pid)
        if child is None or child.launcher is None:
            return
        try:
            message, _ = protocol.receive(child.launcher)
        except (OSError, protocol.ProtocolError) as error:
            log.warning("launcher of %d: %s; ending its server", pid, error)
            message = None
        if message is None:
            self._drop_launcher(child)
            if child.kill_at is None:
                log.info("launcher of %d went away: ending its server", pid)
                self._signal(pid, signal.SIGTERM)
                child.kill_at = time.monotonic() + KILL_GRACE_SECONDS
            return
        signum = message.get("signal")
        if message.get("op") == "signal" and signum in protocol.FORWARDED_SIGNALS:
            self._signal(pid, signum)
        else:
            log.warning("launcher of %d sent an unknown message %r, ignored", pid, message)

    def _drop_launcher(self, child: Child) -> None:
        if child.launcher is not None:
            with contextlib.suppress(KeyError, ValueError):
                self.selector.unregister(child.launcher)
            child.launcher.close()
            child.launcher = None

    def _signal(self, pid: int, signum: int) -> None:
        if pid in self.children:  # not reaped yet: the pid is still this child's
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            except InterruptedError:
                continue
            if pid == 0:
                return
            child = self.children.pop(pid, None)
            if child is None:
                continue
            code = os.waitstatus_to_exitcode(status)
            log.info("server %d ended with status %d", pid, code)
            self.last_activity = time.monotonic()
            if child.launcher is not None:
                with contextlib.suppress(OSError):
                    protocol.send(child.launcher, {"exit": code})
                self._drop_launcher(child)

    def _kill_overdue(self) -> None:
        now = time.monotonic()
        for child in list(self.children.values()):
            if child.kill_at is not None and now >= child.kill_at:
                log.warning("server %d outlived its launcher by %.0f s: killing it", child.pid, KILL_GRACE_SECONDS)
                self._signal(child.pid, signal.SIGKILL)
                child.kill_at = None


def malformed_serve(request: dict[str, Any], fds: Sequence[int]) -> str | None:
    """What is wrong with a `serve` request, or None."""
    if len(fds) != 3:
        return f"{len(fds)} descriptors attached, not 3 (stdin, stdout, stderr)"
    argv, env, cwd = request.get("argv"), request.get("env"), request.get("cwd")
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return "argv is not a list of strings"
    if not isinstance(env, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
        return "env is not an object of strings"
    if cwd is not None and not isinstance(cwd, str):
        return "cwd is not a string"
    if not isinstance(request.get("launched"), int | float):
        return "launched is not a number"
    return None


def serve_child(request: dict[str, Any], fds: Sequence[int]) -> int:
    """Become the launcher's server: its stdio on 0, 1 and 2 (with fresh `sys.std*` objects), its environment and
    folder, its start on the timeline; then the server's ordinary main."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    streams = {"stdin": open(0, encoding="utf-8", closefd=False),  # noqa: SIM115
               "stdout": open(1, "w", encoding="utf-8", closefd=False),  # noqa: SIM115
               "stderr": io.TextIOWrapper(open(2, "wb", closefd=False), encoding="utf-8",  # noqa: SIM115
                                          errors="backslashreplace", line_buffering=True)}
    for name, stream in streams.items():
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None  # found again from the launcher's TMPDIR when first needed
    umask = request.get("umask")
    if isinstance(umask, int) and 0 <= umask <= 0o777:
        os.umask(umask)
    if request.get("cwd"):
        with contextlib.suppress(OSError):
            os.chdir(request["cwd"])
    argv: list[str] = request["argv"]
    sys.argv = ["nova-lsp", *argv]
    from server import startup
    from server.__main__ import main

    cpu = request.get("launcherCpu")
    startup.forked(float(request["launched"]), float(cpu) if isinstance(cpu, int | float) else 0.0)
    return main(argv)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m server.fork_server",
                                     description="The fork server `nova-lsp` starts for itself (see server.launch).")
    parser.add_argument("--key", help="exit unless this process's fork key is this one (the launcher's)")
    parser.add_argument("--idle-minutes", type=float, default=IDLE_MINUTES,
                        help="exit after this long without children or requests (default: %(default)g)")
    parser.add_argument("--log-file", type=Path, help=f"default: {LOG_NAME} in the cache folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    key = protocol.fork_key(os.environ)
    try:
        directory = runtime_dir()
    except AuthSetupError:
        return 1
    server = ForkServer(directory, key, args.idle_minutes * 60)
    if not server.take_lock():  # another serves this key (several launchers started one at once): leave quietly
        return 0
    from nova.root_cache import default_cache_dir

    cache_dir = default_cache_dir()
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_file = args.log_file or cache_dir / LOG_NAME
    try:
        handler: logging.Handler = logging.FileHandler(log_file)
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    if args.key is not None and args.key != key:
        log.warning("this interpreter and package give key %s, not the launcher's %s (another package on the "
                    "path?): exiting", key, args.key)
        server.stop_listening()
        return 0
    if not protocol.usable(server.path):
        log.error("%s is too long a path for a unix socket: no fork server", server.path)
        server.stop_listening()
        return 1
    started = time.monotonic()
    gc.disable()
    preload(cache_dir)
    from server import code_cache, prepared_root

    if prepared_root.prepare(cache_dir):
        log.info("the standard library's root restored from %s", cache_dir)

    # what the imports compiled, for the next start; the table is kept: a forked server looks up the code it
    # generates at its start there (the annotations pygls reads off each handler, …) and releases it afterwards
    code_cache.save_installed()
    gc.enable()
    gc.collect()
    gc.freeze()
    log.info("imported %d modules in %.2f s", len(sys.modules), time.monotonic() - started)
    try:
        server.listen()
    except (OSError, AuthSetupError) as error:
        log.error("cannot listen on %s: %s", server.path, error)
        server.stop_listening()
        return 1
    try:
        server.run()
    except Exception:
        log.exception("the fork server failed")
        server.stop_listening()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
