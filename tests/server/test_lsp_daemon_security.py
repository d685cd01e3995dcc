"""Who may use a daemon, and what one connection may read.

- TCP: a token in a 0600 file is required in `initialize`; another user can neither read the file nor do anything
  without it (tested with a second uid when the tests run as root: a forked child switches to `nobody`).
- unix socket: mode 0600, and peers of another uid are disconnected even when the mode is loosened.
- any transport: a connection reads only its open documents, `.nova` files under its own workspace folders and the
  standard library; it cannot learn another connection's files, symbols or folders.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import socket
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsp_harness import REPO, SERVER, server_env
from raw_client import INITIALIZE, RawClient, frame, notification, request

SECRET = "module Secret where\n\nimport Prelude\n\npassword :: String\npassword = \"hunter2-swordfish\"\n"
MINE = "module Mine where\n\nimport Prelude\n\nmine :: Int\nmine = 7\n"
OTHER_UID = 65534  # nobody


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def private_runtime_dir(tmp_path: Path) -> Path:
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    return run


@contextlib.contextmanager
def tcp_daemon(tmp_path: Path, *extra: str) -> Iterator[tuple[int, Path, Path]]:
    """(port, token file, log file) of a TCP daemon whose runtime folder is private to this test."""
    run = private_runtime_dir(tmp_path)
    port = free_port()
    log_file = tmp_path / "daemon.log"
    env = {**server_env(tmp_path / "cache"), "XDG_RUNTIME_DIR": str(run)}
    process = subprocess.Popen(
        [*SERVER, "--tcp", f"127.0.0.1:{port}", "--no-cache", "--log-file", str(log_file), "--log-level", "INFO",
         *extra], env=env, cwd=REPO, stderr=subprocess.PIPE)
    token_file = run / "nova-lsp" / f"tcp-{port}.token"
    try:
        deadline = time.monotonic() + 30
        while not token_file.exists():
            assert process.poll() is None and time.monotonic() < deadline, "the daemon did not start"
            time.sleep(0.05)
        yield port, token_file, log_file
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not token_file.exists()  # removed when the daemon stops


def victim_project(tmp_path: Path) -> Path:
    """A private folder (0700) holding a private module (0600), as in a home directory."""
    project = tmp_path / "victim"
    project.mkdir(mode=0o700)
    secret = project / "Secret.nova"
    secret.write_text(SECRET)
    secret.chmod(0o600)
    return project


# ---- a blocking client, usable in a forked child that changed its uid ------------------------------------------


def read_frame(sock: socket.socket) -> dict[str, Any] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(1)
        if not chunk:
            return None
        data += chunk
    length = int(data.split(b":")[1].split(b"\r\n")[0])
    body = b""
    while len(body) < length:
        chunk = sock.recv(length - len(body))
        if not chunk:
            return None
        body += chunk
    return dict(json.loads(body))


def exchange(sock: socket.socket, message: dict[str, Any]) -> dict[str, Any] | None:
    """Send a request, return its response (None if the server closed the connection first)."""
    sock.sendall(frame(message))
    while True:
        answer = read_frame(sock)
        if answer is None or answer.get("id") == message["id"]:
            return answer


def attack(port: int, token_file: Path, socket_path: Path | None, project: Path) -> dict[str, Any]:
    """What an intruder on the same machine tries; returns what it got (JSON-able)."""
    found: dict[str, Any] = {}
    try:
        found["token"] = token_file.read_text()
    except OSError as error:
        found["token_error"] = type(error).__name__
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        secret_uri = (project / "Secret.nova").as_uri()
        params = {"textDocument": {"uri": secret_uri}, "expression": "password"}
        found["early"] = exchange(sock, request(1, "nova/evaluate", params))
        params = {**INITIALIZE, "workspaceFolders": [{"uri": project.as_uri(), "name": "victim"}],
                  "initializationOptions": {"authToken": "guess"}}
        found["initialize"] = exchange(sock, request(2, "initialize", params))
        try:
            found["after"] = exchange(sock, request(3, "workspace/symbol", {"query": "pass"}))
        except OSError as error:
            found["after"] = type(error).__name__
    if socket_path is not None:
        unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        unix.settimeout(20)
        try:
            unix.connect(str(socket_path))
            found["unix"] = exchange(unix, request(4, "initialize", INITIALIZE))
        except OSError as error:
            found["unix"] = type(error).__name__
        finally:
            unix.close()
    return found


def as_other_user(work: Any, *args: Any) -> dict[str, Any]:
    """Run `work(*args)` in a forked child that switched to uid/gid `nobody`; its JSON result comes back."""
    codecs.lookup("idna")  # socket addresses are encoded with it; the child may not read the stdlib to load it
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no asyncio, no pytest, only sockets and files
        status = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(OTHER_UID)
            os.setuid(OTHER_UID)
            payload = json.dumps({"uid": os.getuid(), **work(*args)}).encode()
        except BaseException as error:
            payload = json.dumps({"crash": repr(error)}).encode()
            status = 1
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as source:
        payload = source.read()
    os.waitpid(pid, 0)
    result = json.loads(payload)
    assert "crash" not in result, result
    return dict(result)


def world_traversable(path: Path) -> None:
    """Let another user reach `path` (the temp folders of root's tests are private by default)."""
    for parent in [path, *path.parents]:
        if parent == Path("/"):
            break
        with contextlib.suppress(OSError):
            parent.chmod(parent.stat().st_mode | 0o011)


def test_another_user_gets_nothing_from_the_tcp_daemon_or_the_socket(tmp_path: Path) -> None:
    project = victim_project(tmp_path)
    as_root = os.geteuid() == 0
    with tcp_daemon(tmp_path) as (port, token_file, log_file):
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
        if as_root:
            world_traversable(token_file.parent)  # even then, the 0600 file stays unreadable to another user
            got = as_other_user(attack, port, token_file, None, project)
            assert got["uid"] == OTHER_UID and got["token_error"] == "PermissionError"
        else:  # one uid only: the intruder is this user without the token
            got = attack(port, token_file, None, project)
        assert got["early"]["error"]["code"] == -32002  # nothing before initialize
        assert got["initialize"]["error"]["code"] == -32000
        assert "authentication failed" in got["initialize"]["error"]["message"]
        assert got["after"] in (None, "ConnectionResetError", "BrokenPipeError")  # the connection was closed
        assert "hunter2" not in json.dumps(got) and "password" not in json.dumps(got["initialize"])
        assert "no valid authToken" in log_file.read_text()


def test_a_unix_socket_refuses_another_users_peer_even_when_its_mode_is_loosened(tmp_path: Path) -> None:
    if os.geteuid() != 0:  # a second uid needs root; the peer check itself is exercised by every socket test
        from server.auth import peer_uid

        left, right = socket.socketpair(socket.AF_UNIX)
        with left, right:
            assert peer_uid(left) == os.geteuid()
        return
    project = victim_project(tmp_path)
    socket_dir = tmp_path / "sock"
    socket_dir.mkdir()
    socket_path = socket_dir / "nova.sock"
    log_file = tmp_path / "socket.log"
    process = subprocess.Popen([*SERVER, "--socket", str(socket_path), "--no-cache", "--log-file", str(log_file),
                                "--log-level", "INFO"], env=server_env(tmp_path / "cache"), cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while not socket_path.exists():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        world_traversable(socket_dir)
        with tcp_daemon(tmp_path) as (port, token_file, _):
            refused = as_other_user(attack, port, token_file, socket_path, project)
            assert refused["unix"] == "PermissionError"  # mode 0600
            socket_path.chmod(0o666)  # a careless chmod: the peer check still refuses
            loosened = as_other_user(attack, port, token_file, socket_path, project)
            assert loosened["unix"] in (None, "ConnectionResetError", "BrokenPipeError")
        assert f"the peer is user {OTHER_UID}" in log_file.read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.asyncio
async def test_the_token_opens_the_daemon_and_a_wrong_one_closes_the_connection(tmp_path: Path) -> None:
    with tcp_daemon(tmp_path) as (port, token_file, _):
        token = token_file.read_text().strip()
        assert len(token) >= 40
        for wrong in (None, "", token[:-1] + ("x" if token[-1] != "x" else "y"), 12345):
            client = await RawClient.tcp("127.0.0.1", port)
            options = {} if wrong is None else {"authToken": wrong}
            answer = await client.initialize(options)
            assert answer["error"]["code"] == -32000
            assert await client.closed(timeout=20)
        client = await RawClient.tcp("127.0.0.1", port)
        answer = await client.initialize({"authToken": token})
        assert answer["result"]["serverInfo"]["name"] == "nova-lsp"
        assert (await client.call(1, "nova/ping", {}))["result"] == {}
        await client.close()


@pytest.mark.asyncio
async def test_a_connection_reads_only_its_own_folders_documents_and_the_stdlib(tmp_path: Path) -> None:
    victim = victim_project(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "Mine.nova").write_text(MINE)
    (tmp_path / "notes.txt").write_text("rootPassword = hunter2-swordfish\n")
    with tcp_daemon(tmp_path) as (port, token_file, _):
        token = token_file.read_text().strip()
        owner = await RawClient.tcp("127.0.0.1", port)  # another editor of the daemon's user, on the secret folder
        await owner.call("i", "initialize", {**INITIALIZE, "initializationOptions": {"authToken": token},
                                             "workspaceFolders": [{"uri": victim.as_uri(), "name": "victim"}]})
        owner.send(notification("initialized", {}))
        assert "hunter2" in json.dumps(await owner.call(1, "nova/evaluate", {
            "textDocument": {"uri": (victim / "Secret.nova").as_uri()}, "expression": "password"}))

        other = await RawClient.tcp("127.0.0.1", port)
        await other.call("i", "initialize", {**INITIALIZE, "initializationOptions": {"authToken": token},
                                             "workspaceFolders": [{"uri": mine.as_uri(), "name": "mine"}]})
        other.send(notification("initialized", {}))
        own = await other.call(2, "nova/evaluate", {"textDocument": {"uri": (mine / "Mine.nova").as_uri()},
                                                     "expression": "mine * 6"})
        assert own["result"]["value"] == "42"
        answers = []
        for number, target in enumerate([victim / "Secret.nova", tmp_path / "notes.txt", tmp_path / "Nowhere.nova",
                                         Path("/etc/passwd")]):
            answer = await other.call(10 + number, "nova/evaluate", {
                "textDocument": {"uri": target.as_uri()}, "expression": "password"})
            answers.append(answer["result"])
        assert all(a["value"] is None for a in answers)
        assert len({a["error"] for a in answers}) == 1  # one message: not even whether the file exists
        symbols = await other.call(20, "workspace/symbol", {"query": "pass"})
        state = (await other.call(21, "workspace/executeCommand", {"command": "nova.dumpState"}))["result"]
        # the disk changes of a folder it did not open are not read on its word
        (victim / "Secret.nova").write_text(SECRET + "\nleaked :: Int\nleaked = 1\n")
        other.send(notification("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": (victim / "Secret.nova").as_uri(), "type": 2}]}))
        await other.call(22, "nova/ping", {})
        owners_view = await owner.call(23, "workspace/symbol", {"query": "leaked"})
        seen = json.dumps([answers, symbols, state])
        for secret in ("hunter2", "swordfish", "password", "Secret", "victim", "rootPassword", "passwd"):
            assert secret not in seen, secret
        assert json.loads(json.dumps(state))["baselines"][0]["folder"] == str(mine.resolve())
        assert owners_view["result"] == []
        await owner.close()
        await other.close()
