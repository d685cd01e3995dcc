"""The fork server (`server.fork_server`) and the `nova-lsp` launcher (`server.launch`): a forked server behaves as
an in-process one (features, a cold index on worker processes, a warm one, exit statuses, signals), the socket is
used only when it is safely the user's, a fork server never serves changed code, and it ends its children and
itself when it should. Every fork server here lives in the test's own runtime folder and is ended by the test."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsp_harness import REPO, capabilities, folder, open_params, record_diagnostics, wait_for_diagnostics
from lsprotocol import types
from pytest_lsp.client import make_test_lsp_client
from raw_client import RawClient, notification

from server import fork_protocol, launch
from server.startup import PHASES

LAUNCHER = [sys.executable, "-m", "server.launch"]
LIB = "module Lib where\n\nimport Prelude\n\n-- | One.\none :: Int\none = 1\n"
MAIN = "module Main where\n\nimport Prelude\nimport Lib (one)\n\ntwo :: Int\ntwo = one + one\n"
BROKEN = "module Broken where\n\nimport Prelude\n\nbad :: Int\nbad = \"text\"\n"
LEAF = "module Leaf where\n\nimport Prelude\n\nleaf :: String\nleaf = \"leaf\"\n"
SITE = """
import os

import nova.parallel as parallel

# Any folder is worth worker processes: the cold index below runs on spawned workers, from a forked server.
parallel.MIN_MODULES, parallel.MIN_LINES, parallel.MIN_BESIDE = 2, 10, 10
parallel.idle_cores = lambda jobs: 2.0
_marker = os.environ.get("NOVA_TEST_POOL_MARKER")
_init = parallel.WorkerPool.__init__


def _noted(self, *args, **kwargs):
    if _marker:
        with open(_marker, "a") as file:
            file.write(f"{os.getpid()}\\n")
    _init(self, *args, **kwargs)


parallel.WorkerPool.__init__ = _noted
"""


@dataclass
class Place:
    """A private runtime folder, cache and environment for launchers and fork servers of one test."""

    root: Path
    env: dict[str, str]

    @property
    def runtime(self) -> Path:
        return self.root / "run" / "nova-lsp"

    def remove(self) -> None:
        shutil.rmtree((self.root / "run").resolve(), ignore_errors=True)

    @property
    def log(self) -> Path:
        return self.root / "cache" / "nova-lsp" / "fork-server.log"

    def socket(self) -> Path | None:
        found = launch.fork_server_socket(self.env)
        return found[0] if found else None


def make_place(root: Path) -> Place:
    """The runtime folder is a short one of /tmp (a socket's path is limited to 107 bytes), linked from `root`."""
    short = Path(tempfile.mkdtemp(prefix="nf-"))
    (root / "run").symlink_to(short)
    site = root / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITE)
    env = {name: value for name, value in os.environ.items() if name != fork_protocol.DISABLE_ENV}
    env.update({"XDG_RUNTIME_DIR": str(short), "XDG_CACHE_HOME": str(root / "cache"),
                "PYTHONPATH": os.pathsep.join([str(site), str(REPO)]), "NOVA_TEST_POOL_MARKER": str(root / "pools")})
    return Place(root, env)


def start_fork_server(place: Place, *options: str) -> subprocess.Popen[bytes]:
    """A fork server of this test (its own process, not detached), once it listens."""
    process = subprocess.Popen([sys.executable, "-P", "-m", "server.fork_server", *options], env=place.env,
                               cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_listening(place, lambda: process.poll() is None)
    return process


def wait_listening(place: Place, alive: Any = lambda: True, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert alive(), f"the fork server ended: {place.log.read_text() if place.log.exists() else ''}"
        sock = launch.connect(place.env)
        if sock is not None:
            sock.close()
            return
        time.sleep(0.1)
    raise AssertionError("no fork server listens")


def gone(pid: int, timeout: float = 60.0) -> bool:
    """Whether process `pid` ends (or is a zombie) within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def stop_all(place: Place) -> None:
    """End whatever fork server listens in this test's runtime folder."""
    with contextlib.suppress(Exception):
        sock = launch.connect(place.env)
        if sock is not None:
            with sock:
                fork_protocol.send(sock, {"op": "stop"})
                answer, _ = fork_protocol.receive(sock)
            if answer and isinstance(answer.get("stopping"), int):
                gone(answer["stopping"], 30)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Place, subprocess.Popen[bytes]]]:
    place = make_place(tmp_path_factory.mktemp("fork"))
    process = start_fork_server(place)
    yield place, process
    process.terminate()
    process.wait(60)
    stop_all(place)
    place.remove()


@pytest.fixture
def place(tmp_path: Path) -> Iterator[Place]:
    here = make_place(tmp_path)
    yield here
    stop_all(here)
    here.remove()


async def launched(place: Place, *options: str, cwd: Path = REPO) -> tuple[asyncio.subprocess.Process, RawClient]:
    process = await asyncio.create_subprocess_exec(
        *LAUNCHER, "--stdio", *options, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        env=place.env, cwd=cwd, limit=1 << 24)
    assert process.stdin is not None and process.stdout is not None
    return process, RawClient(process.stdout, process.stdin)


async def state_of(client: RawClient, msg_id: int = 90) -> dict[str, Any]:
    answer = await client.call(msg_id, "workspace/executeCommand", {"command": "nova.dumpState"}, timeout=120)
    result: dict[str, Any] = answer["result"]
    return result


async def ended(process: asyncio.subprocess.Process) -> int:
    return await asyncio.wait_for(process.wait(), 60)


@pytest_asyncio.fixture
async def killed_at_end() -> AsyncIterator[list[asyncio.subprocess.Process]]:
    processes: list[asyncio.subprocess.Process] = []
    yield processes
    for process in processes:
        if process.returncode is None:
            process.kill()
            await process.wait()


def project_in(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    for name, text in (("Lib", LIB), ("Main", MAIN), ("Broken", BROKEN), ("Leaf", LEAF)):
        (project / f"{name}.nova").write_text(text, encoding="utf-8")
    return project


@pytest.mark.asyncio
async def test_a_forked_server_indexes_on_workers_answers_and_starts_warm(
        running: tuple[Place, subprocess.Popen[bytes]], tmp_path: Path) -> None:
    place, _ = running
    project = project_in(tmp_path)
    cache = tmp_path / "cache"
    pools = Path(place.env["NOVA_TEST_POOL_MARKER"])
    for start in ("cold", "warm"):
        client = make_test_lsp_client()
        await client.start_io(*LAUNCHER, "--stdio", "--cache-dir", str(cache), "--jobs", "2", env=place.env,
                              cwd=str(project))
        try:
            await client.initialize_session(types.InitializeParams(
                capabilities=capabilities(), workspace_folders=[folder(project)]))
            diagnostics = record_diagnostics(client)
            for name in ("Main", "Broken"):
                client.text_document_did_open(open_params(project / f"{name}.nova"))
            broken = await wait_for_diagnostics(diagnostics, (project / "Broken.nova").as_uri(),
                                                lambda p: bool(p.diagnostics))
            assert [d.code for d in broken.diagnostics] == ["TypesDoNotUnify"]
            main = await wait_for_diagnostics(diagnostics, (project / "Main.nova").as_uri())
            assert not main.diagnostics
            hover = await client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=(project / "Main.nova").as_uri()),
                position=types.Position(line=6, character=7)))
            assert hover is not None and "Int" in str(hover.contents)
            state = await client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="nova.dumpState"))
            assert state["startupPath"] == "forked"
            assert state["pid"] != client._server.pid  # served by the fork server's child, not the launcher
            assert tuple(state["startup"]) == PHASES
            marks = [mark["monotonic"] for mark in state["startup"].values()]
            assert marks == sorted(marks)
            baseline = state["baselines"][0]
            assert sorted(baseline["modules"]) == ["Broken", "Leaf", "Lib", "Main"]
            assert baseline["fromCache"] is (start == "warm")
            if start == "cold":  # the index ran on worker processes, spawned from the forked server
                assert pools.exists() and str(state["pid"]) in pools.read_text().split()
        finally:
            await asyncio.wait_for(client.shutdown_session(), 30)
            await client.stop()
        assert client._server.returncode == 0


@pytest.mark.asyncio
async def test_the_launcher_exits_with_the_forked_servers_status(
        running: tuple[Place, subprocess.Popen[bytes]], killed_at_end: list[asyncio.subprocess.Process]) -> None:
    place, _ = running
    for shutdown, status in ((True, 0), (False, 1)):
        process, client = await launched(place, "--no-cache")
        killed_at_end.append(process)
        await client.initialize()
        assert (await state_of(client))["startupPath"] == "forked"
        if shutdown:
            assert (await client.call(2, "shutdown"))["result"] is None
        client.send(notification("exit"))
        assert await ended(process) == status


@pytest.mark.asyncio
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
async def test_a_signalled_or_killed_launcher_takes_its_server_along(
        running: tuple[Place, subprocess.Popen[bytes]], killed_at_end: list[asyncio.subprocess.Process],
        signum: int) -> None:
    """SIGTERM is forwarded (the launcher then ends as its server did); after SIGKILL the fork server sees the
    launcher's connection close and ends the server, though the editor's end of stdin is still open."""
    place, _ = running
    process, client = await launched(place, "--no-cache")
    killed_at_end.append(process)
    await client.initialize()
    state = await state_of(client)
    assert state["startupPath"] == "forked" and state["pid"] != process.pid
    process.send_signal(signum)
    assert await ended(process) == -signum
    assert gone(state["pid"])


@pytest.mark.asyncio
async def test_malformed_requests_and_broken_launchers_leave_the_fork_server_serving(
        running: tuple[Place, subprocess.Popen[bytes]], killed_at_end: list[asyncio.subprocess.Process]) -> None:
    place, fork_server = running
    path = place.socket()
    assert path is not None

    def connected() -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(30)
        sock.connect(str(path))
        return sock

    def refusal(data: bytes, fds: tuple[int, ...] = ()) -> str:
        with connected() as sock:
            socket.send_fds(sock, [data], list(fds)) if fds else sock.sendall(data)
            answer, _ = fork_protocol.receive(sock)
        assert answer is not None
        return str(answer.get("refused"))

    assert refusal(b"\x00\x00\x00\x08not json").startswith("malformed request")
    assert refusal(b"\xff\xff\xff\xff").startswith("malformed request")  # a length past the bound
    assert "unknown op" in refusal(fork_protocol.encode({"op": "format the disk"}))
    assert "descriptors" in refusal(fork_protocol.encode({"op": "serve", "argv": [], "env": {}, "launched": 0}))
    with open(os.devnull) as null:
        fds = (null.fileno(),) * 3
        assert "argv" in refusal(fork_protocol.encode({"op": "serve", "argv": "x", "env": {}, "launched": 0}), fds)
    with connected() as sock:  # a launcher that disconnects in the middle of its request
        sock.sendall(fork_protocol.encode({"op": "serve", "argv": []})[:12])
    with connected():  # and one that says nothing at all
        pass
    assert fork_server.poll() is None
    process, client = await launched(place, "--no-cache")
    killed_at_end.append(process)
    await client.initialize()
    assert (await state_of(client))["startupPath"] == "forked"
    client.send(notification("exit"))
    await ended(process)
    assert "malformed request" in place.log.read_text()


@pytest.mark.asyncio
async def test_a_socket_in_a_folder_others_could_enter_is_not_used(
        running: tuple[Place, subprocess.Popen[bytes]], killed_at_end: list[asyncio.subprocess.Process]) -> None:
    place, _ = running
    assert launch.connect(place.env) is not None
    os.chmod(place.runtime, 0o755)
    try:
        assert launch.connect(place.env) is None
        process, client = await launched(place, "--no-cache")
        killed_at_end.append(process)
        await client.initialize()
        assert (await state_of(client))["startupPath"] == "in-process"
        client.send(notification("exit"))
        await ended(process)
    finally:
        os.chmod(place.runtime, 0o700)


@pytest.mark.asyncio
async def test_the_first_launch_starts_a_fork_server_and_changed_code_replaces_it(
        place: Place, killed_at_end: list[asyncio.subprocess.Process]) -> None:
    """The default path from nothing: the first `nova-lsp` serves in its own process and starts a fork server in
    the background; the next is forked. Once a module the fork server imported changes (here the environment's
    `sitecustomize`), the next launch is refused and served in-process, and a fresh fork server replaces the old
    one, which exits."""

    async def served(expected: str) -> int:
        process, client = await launched(place, "--no-cache")
        killed_at_end.append(process)
        await client.initialize()
        state = await state_of(client)
        assert state["startupPath"] == expected
        pid = int(state["pid"])
        parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        client.send(notification("exit"))
        await ended(process)
        return parent

    assert not place.runtime.exists()
    await served("in-process")
    wait_listening(place)
    first = await served("forked")
    site = place.root / "site" / "sitecustomize.py"
    site.write_text(site.read_text() + "\n# changed\n")
    await served("in-process")
    assert gone(first), "the stale fork server did not exit"
    wait_listening(place)
    second = await served("forked")
    assert second != first
    assert "changed since this fork server loaded it" in place.log.read_text()


def test_an_idle_fork_server_exits_and_removes_its_socket(place: Place) -> None:
    process = subprocess.Popen([sys.executable, "-P", "-m", "server.fork_server", "--idle-minutes", "0.02"],
                               env=place.env, cwd="/", stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    assert process.wait(120) == 0
    log = place.log.read_text()
    assert "ready on" in log and "idle for" in log
    path = place.socket()
    assert path is not None and not path.exists()


def test_a_second_fork_server_for_the_same_key_leaves_at_once(
        running: tuple[Place, subprocess.Popen[bytes]]) -> None:
    place, fork_server = running
    second = subprocess.run([sys.executable, "-P", "-m", "server.fork_server"], env=place.env, timeout=120,
                            capture_output=True, check=False)
    assert second.returncode == 0 and fork_server.poll() is None
    assert launch.connect(place.env) is not None


def test_the_launcher_serves_in_process_when_asked_or_for_daemons() -> None:
    for argv in (["--no-fork-server"], ["--tcp", "127.0.0.1:0"], ["--socket=/x"], ["--sock", "/x"], ["--help"],
                 ["--version"]):
        assert any(launch._names_option(arg) for arg in argv), argv
    for argv in (["--stdio"], ["--cache-dir", "/tmp/x"], ["--jobs", "2"], ["--log-file", "--tcp.log"], ["-"]):
        assert not any(launch._names_option(arg) for arg in argv), argv
    assert fork_protocol.disabled({fork_protocol.DISABLE_ENV: "1"})
    assert not fork_protocol.disabled({fork_protocol.DISABLE_ENV: "0"}) and not fork_protocol.disabled({})


def test_the_key_follows_the_settings_imports_read() -> None:
    base = {"HOME": "/home/a", "PATH": "/bin"}
    key = fork_protocol.fork_key(base)
    assert fork_protocol.fork_key({**base, "PATH": "/usr/bin", "EDITOR": "vi"}) == key
    for changed in ({"NOVA_PURE_PYTHON": "1"}, {"PYTHONPATH": "/elsewhere"}, {"XDG_CACHE_HOME": "/c"}):
        assert fork_protocol.fork_key({**base, **changed}) != key, changed


def test_the_fork_server_refuses_another_users_peer_even_when_the_modes_are_loosened(
        running: tuple[Place, subprocess.Popen[bytes]]) -> None:
    place, fork_server = running
    path = place.socket()
    assert path is not None
    if os.geteuid() != 0:  # a second uid needs root; this user's own peer is seen as such
        sock = launch.connect(place.env)
        assert sock is not None
        sock.close()
        return
    from test_lsp_daemon_security import OTHER_UID, as_other_user, world_traversable

    def intrude(target: str) -> dict[str, Any]:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(20)
                sock.connect(target)
                fork_protocol.send(sock, {"op": "stop"})
                answer, _ = fork_protocol.receive(sock)
                return {"answer": answer}
        except OSError as error:
            return {"error": type(error).__name__}

    runtime = path.parent
    try:
        world_traversable(runtime)
        path.chmod(0o666)  # careless modes: only the peer check stands between
        got = as_other_user(intrude, str(path))
        assert got["uid"] == OTHER_UID
        assert got.get("answer") is None  # closed without a word, and not stopped
    finally:
        for private in (runtime, runtime.parent):  # the runtime folder and $XDG_RUNTIME_DIR
            private.chmod(0o700)
        path.chmod(0o600)
    assert fork_server.poll() is None
    assert f"refused a connection of user {OTHER_UID}" in place.log.read_text()
    sock = launch.connect(place.env)
    assert sock is not None
    sock.close()


def test_the_launcher_imports_only_the_standard_library_and_its_own_modules() -> None:
    done = subprocess.run([sys.executable, "-c", "import json, sys; import server.launch; print(json.dumps(sorted("
                           "sys.modules)))"], capture_output=True, text=True, cwd=REPO, timeout=120, check=True)
    ours = [m for m in json.loads(done.stdout) if m.split(".")[0] in ("server", "nova", "registry", "pygls",
                                                                        "lsprotocol", "cattrs", "attrs", "attr")]
    assert ours == ["server", "server.fork_protocol", "server.launch", "server.private_dir"]


@pytest.mark.asyncio
async def test_a_forked_server_takes_its_launchers_folder_and_umask(
        running: tuple[Place, subprocess.Popen[bytes]], tmp_path: Path,
        killed_at_end: list[asyncio.subprocess.Process]) -> None:
    place, _ = running
    process = await asyncio.create_subprocess_exec(
        *LAUNCHER, "--stdio", "--no-cache", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        env=place.env, cwd=tmp_path, umask=0o027)
    killed_at_end.append(process)
    assert process.stdin is not None and process.stdout is not None
    client = RawClient(process.stdout, process.stdin)
    await client.initialize()
    state = await state_of(client)
    assert state["startupPath"] == "forked"
    pid = state["pid"]
    assert Path(f"/proc/{pid}/cwd").resolve() == tmp_path.resolve()
    assert "Umask:\t0027" in Path(f"/proc/{pid}/status").read_text()
    client.send(notification("exit"))
    await ended(process)


@pytest.mark.asyncio
async def test_a_forked_server_takes_the_standard_library_the_fork_server_restored(
        place: Place, tmp_path: Path, killed_at_end: list[asyncio.subprocess.Process]) -> None:
    """A first start (in-process) caches the standard library in the default cache folder; a fork server started
    after it restores it once, and the server it forks takes that root and checks with it."""
    project = project_in(tmp_path)
    env = {**place.env, fork_protocol.DISABLE_ENV: "1"}
    first = await asyncio.create_subprocess_exec(
        *LAUNCHER, "--stdio", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=env, cwd=project)
    killed_at_end.append(first)
    assert first.stdin is not None and first.stdout is not None
    client = RawClient(first.stdout, first.stdin)
    await client.initialize(workspaceFolders=[{"uri": project.as_uri(), "name": "project"}])
    cache = place.root / "cache" / "nova-lsp"
    deadline = time.monotonic() + 120
    while not list(cache.glob("stdlib-*.cbor")):
        assert time.monotonic() < deadline, "the standard library was not cached"
        await asyncio.sleep(0.1)
    assert (await client.call(2, "shutdown"))["result"] is None
    client.send(notification("exit"))
    assert await ended(first) == 0
    fork_server = start_fork_server(place)
    try:
        assert "the standard library's root restored" in place.log.read_text()
        log = tmp_path / "forked.log"
        lsp = make_test_lsp_client()
        await lsp.start_io(*LAUNCHER, "--stdio", "--log-file", str(log), "--log-level", "INFO", env=place.env,
                           cwd=str(project))
        try:
            await lsp.initialize_session(types.InitializeParams(
                capabilities=capabilities(), workspace_folders=[folder(project)]))
            diagnostics = record_diagnostics(lsp)
            lsp.text_document_did_open(open_params(project / "Broken.nova"))
            broken = await wait_for_diagnostics(diagnostics, (project / "Broken.nova").as_uri(),
                                                lambda p: bool(p.diagnostics))
            assert [d.code for d in broken.diagnostics] == ["TypesDoNotUnify"]
            state = await lsp.workspace_execute_command_async(types.ExecuteCommandParams(command="nova.dumpState"))
            assert state["startupPath"] == "forked"
        finally:
            await asyncio.wait_for(lsp.shutdown_session(), 30)
            await lsp.stop()
        assert "by the fork server" in log.read_text()
    finally:
        fork_server.terminate()
        fork_server.wait(60)
