"""The `nova-lsp` command line: version, help, and the loopback-only rule for TCP."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

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
