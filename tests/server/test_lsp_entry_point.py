"""The `nova-lsp` command line: version, help, and the loopback-only rule for TCP."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from lsp_harness import REPO, SERVER

from server.daemon import check_loopback


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SERVER, *args], capture_output=True, text=True, timeout=60, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def test_version_and_help() -> None:
    assert run("--version").stdout.strip().startswith("nova-lsp ")
    usage = run("--help")
    assert usage.returncode == 0
    for flag in ("--stdio", "--tcp", "--socket", "--log-file", "--version"):
        assert flag in usage.stdout


def test_tcp_refuses_non_loopback_addresses() -> None:
    result = run("--tcp", "0.0.0.0:2087")
    assert result.returncode == 2
    assert "loopback" in result.stderr


def test_tcp_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("--tcp", f"127.0.0.1:{taken.getsockname()[1]}", "--no-cache")
    assert result.returncode == 2
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.1.2.3"])
def test_loopback_hosts_are_accepted(host: str) -> None:
    check_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.com", "::"])
def test_other_hosts_are_refused(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        check_loopback(host)


def test_socket_mode_is_private(tmp_path: Path) -> None:
    socket_path = tmp_path / "s.sock"
    process = subprocess.Popen([*SERVER, "--socket", str(socket_path), "--no-cache"], cwd=REPO,
                               env={**os.environ, "PYTHONPATH": str(REPO)}, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not socket_path.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert socket_path.exists()
        assert stat.S_IMODE(socket_path.stat().st_mode) == 0o600
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert not socket_path.exists()
    assert process.returncode is not None and sys.platform != "win32"


def frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_stdio_from_a_regular_file_falls_back_and_answers(tmp_path: Path) -> None:
    script = tmp_path / "session.lsp"
    script.write_bytes(
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        + frame({"jsonrpc": "2.0", "method": "exit"})
    )
    log_file = tmp_path / "server.log"
    with script.open("rb") as stdin:
        result = subprocess.run(
            [*SERVER, "--no-cache", "--log-file", str(log_file), "--log-level", "INFO"], stdin=stdin,
            capture_output=True, timeout=60, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    assert b'"serverInfo"' in result.stdout and b'"nova-lsp"' in result.stdout
    assert b'"id": 2' in result.stdout
    assert result.returncode == 0
    assert "stdin is not a pipe" in log_file.read_text()  # the log went to the file, not stderr
    assert b"stdin is not a pipe" not in result.stderr


def start_on_socket(path: Path) -> subprocess.CompletedProcess[str] | subprocess.Popen[bytes]:
    """Run `--socket path`: the finished process when it refused to start, else the running one (once a new
    socket, not the one that was there, answers at the path)."""
    try:
        old = os.lstat(path)
        before: tuple[int, int] | None = (old.st_ino, old.st_ctime_ns)
    except FileNotFoundError:
        before = None
    process = subprocess.Popen([*SERVER, "--socket", str(path), "--no-cache"], cwd=REPO, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, err = process.communicate()
            return subprocess.CompletedProcess(process.args, process.returncode, "", err.decode())
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if stat.S_ISSOCK(info.st_mode) and (info.st_ino, info.st_ctime_ns) != before:
                probe = socket.socket(socket.AF_UNIX)
                with contextlib.suppress(OSError), probe:
                    probe.connect(str(path))
                    return process
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the server neither started nor refused")


def stale_socket(path: Path) -> None:
    """A socket file nobody listens on (a server that died without cleaning up)."""
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()


@pytest.mark.parametrize("kind", ["file", "folder", "link", "live server", "other user's socket"])
def test_socket_path_refuses_to_remove_what_is_not_a_stale_socket_of_ours(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "nova.sock"
    keeper: Any = None
    if kind == "file":
        path.write_text("precious")
    elif kind == "folder":
        path.mkdir()
        (path / "inside").write_text("precious")
    elif kind == "link":
        (tmp_path / "target").write_text("precious")
        path.symlink_to(tmp_path / "target")
    elif kind == "live server":
        keeper = socket.socket(socket.AF_UNIX)
        keeper.bind(str(path))
        keeper.listen()
    else:
        stale_socket(path)
        os.chown(path, 65534, 65534, follow_symlinks=False) if os.geteuid() == 0 else path.chmod(0o600)
    before = os.lstat(path)
    try:
        result = start_on_socket(path)
        if kind == "other user's socket" and os.geteuid() != 0:  # cannot make one without root: ours is stale
            assert isinstance(result, subprocess.Popen)
            result.terminate()
            result.wait(timeout=10)
            return
        assert isinstance(result, subprocess.CompletedProcess), f"the server took over {kind}"
        assert result.returncode == 2, result.stderr
        assert "refusing" in result.stderr or "in use" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
        after = os.lstat(path)
        assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
        if kind in ("file", "link"):
            assert (tmp_path / ("target" if kind == "link" else "nova.sock")).read_text() == "precious"
    finally:
        if keeper is not None:
            keeper.close()


def test_a_stale_socket_of_ours_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "nova.sock"
    stale_socket(path)
    result = start_on_socket(path)
    assert isinstance(result, subprocess.Popen)
    result.terminate()
    result.wait(timeout=10)
    assert not path.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--tcp", "127.0.0.1:99999"], "is not a port"),
    (["--tcp", "127.0.0.1:-1"], "is not a port"),
    (["--tcp", "127.0.0.1"], "HOST:PORT"),
    (["--tcp", "127.0.0.1:http"], "is not a port"),
    (["--max-eval-seconds", "nan"], "not a number of seconds"),
    (["--max-eval-seconds", "-3"], "not a number of seconds"),
    (["--max-eval-depth", "1000000000"], "outside"),
    (["--max-file-size", "lots"], "not a size"),
    (["--stall-timeout", "inf"], "not a number of seconds"),
])
def test_bad_options_are_one_line_errors_with_status_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
