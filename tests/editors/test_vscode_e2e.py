"""The packaged extension in a real VS Code: the `.vsix` is installed into code-server (VS Code for the web), which
Debian's Chromium renders headless under puppeteer-core (`vscode_driver/drive.mjs`). Opening a `.nova` file starts
nova-lsp through the extension (found, with nothing configured, in `.venv/bin` of the folder above the workspace),
the broken line gets an error squiggle, hovering `size` shows its type, typing a fix clears the squiggle, "Nova:
Evaluate Selection" shows `3 :: Int` for a selection in the importing module, and "Nova: Restart Server" takes the
server down and back up. The editing features run too: F2 renames a variable, the Ctrl+. menu applies a quick fix,
and typing `origin.` suggests the record's fields. Screenshots land in `build/editor-tests/vscode/`.

The same scenario, editing included, runs a second time against a TCP daemon (`nova.server.daemon`): the extension
reads the daemon's token from the private runtime folder and sends it, with nothing configured but the address.

`setup_code_server.sh` installs code-server, Node 24 and Chromium once into a cache folder (a few minutes the first
time, seconds after that).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from editor_paths import TESTS_DIR, npm_ci, output_dir, server_env
from workspace_fixture import make_workspace

# A first run on a fresh machine installs code-server inside the fixture (minutes); later runs take seconds.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

CODE_SERVER_VERSION = "4.139.1"
DRIVER_DIR = TESTS_DIR / "vscode_driver"

USER_SETTINGS = {
    "security.workspace.trust.enabled": False,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": False,
    "extensions.autoCheckUpdates": False,
    "update.mode": "none",
    "chat.disableAIFeatures": True,
    "editor.hover.delay": 150,
    "extensions.ignoreRecommendations": True,
    "workbench.enableExperiments": False,
    "npm.fetchOnlinePackageInfo": False,
    "files.autoSave": "off",  # saved only when the test saves: its unsaved edits stay unsaved (the layers view)
}
# The extension gallery on loopback (nothing listens there): the test never reaches for the marketplace.
OFFLINE_GALLERY = json.dumps(
    {"serviceUrl": "http://127.0.0.1:9/gallery", "itemUrl": "http://127.0.0.1:9/item", "resourceUrlTemplate": ""}
)


@dataclass(frozen=True, slots=True)
class CodeServerInstall:
    node: Path
    entry: Path


@dataclass(frozen=True, slots=True)
class RunningCodeServer:
    url: str
    workspace: Path
    log: Path
    daemon_log: Path | None = None


@pytest.fixture(scope="module")
def code_server_install() -> CodeServerInstall:
    proc = subprocess.run(
        ["bash", str(TESTS_DIR / "setup_code_server.sh")], capture_output=True, text=True, timeout=1200
    )
    assert proc.returncode == 0, f"setting up code-server failed:\n{proc.stdout}\n{proc.stderr[-4000:]}"
    cache = Path(proc.stdout.strip().splitlines()[-1])
    install = CodeServerInstall(
        node=cache / "node24" / "bin" / "node",
        entry=cache / f"code-server-{CODE_SERVER_VERSION}" / "out" / "node" / "entry.js",
    )
    assert install.node.exists() and install.entry.exists()
    npm_ci(DRIVER_DIR)
    return install


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"code-server exited early:\n{log.read_text()}"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"code-server did not answer on {url}:\n{log.read_text()}")


@contextlib.contextmanager
def tcp_daemon(nova_lsp_bin: Path, tmp_path: Path, runtime: Path) -> Iterator[tuple[int, Path]]:
    """`nova-lsp --tcp` with its token in `runtime` (the editor is given the same XDG_RUNTIME_DIR, nothing else)."""
    port = free_port()
    log = tmp_path / "daemon.log"
    env = {**server_env(dict(os.environ)), "XDG_RUNTIME_DIR": str(runtime), "XDG_CACHE_HOME": str(tmp_path / "c")}
    process = subprocess.Popen([str(nova_lsp_bin), "--tcp", f"127.0.0.1:{port}", "--log-file", str(log),
                                "--log-level", "INFO"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (runtime / "nova-lsp" / f"tcp-{port}.token").exists():
            assert process.poll() is None and time.monotonic() < deadline, "the daemon did not start"
            time.sleep(0.1)
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(params=["stdio", "tcp daemon"])
def code_server(
    request: pytest.FixtureRequest, code_server_install: CodeServerInstall, vsix: Path, nova_lsp_bin: Path,
    tmp_path: Path
) -> Iterator[RunningCodeServer]:
    with contextlib.ExitStack() as stack:
        yield stack.enter_context(running_code_server(
            request.param, code_server_install, vsix, nova_lsp_bin, tmp_path, stack))


@contextlib.contextmanager
def running_code_server(
    transport: str, code_server_install: CodeServerInstall, vsix: Path, nova_lsp_bin: Path, tmp_path: Path,
    stack: contextlib.ExitStack,
) -> Iterator[RunningCodeServer]:
    workspace = make_workspace(tmp_path)
    (workspace / ".vscode").mkdir()
    # Nothing configured: the extension finds the server in `.venv/bin` of a folder above the workspace folder, as
    # when `examples/` of a checkout (with its `.venv` from `make install`) is opened. The script there notes each
    # start in `nova-lsp.ran` and runs the real server.
    settings: dict[str, str] = {}
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "nova-lsp").write_text(f'#!/bin/sh\necho "$@" >> "$0.ran"\nexec {json.dumps(str(nova_lsp_bin))} "$@"\n')
    (venv_bin / "nova-lsp").chmod(0o755)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    daemon_log = None
    if transport == "tcp daemon":
        port, daemon_log = stack.enter_context(tcp_daemon(nova_lsp_bin, tmp_path, runtime))
        settings = {"nova.server.daemon": f"127.0.0.1:{port}"}
    (workspace / ".vscode" / "settings.json").write_text(json.dumps(settings))
    user_data = tmp_path / "user-data"
    (user_data / "User").mkdir(parents=True)
    (user_data / "User" / "settings.json").write_text(json.dumps(USER_SETTINGS, indent=2))
    extensions = tmp_path / "extensions"
    env = {
        **server_env(dict(os.environ)),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_RUNTIME_DIR": str(runtime),
        "EXTENSIONS_GALLERY": OFFLINE_GALLERY,
    }
    common = [
        str(code_server_install.node),
        str(code_server_install.entry),
        "--user-data-dir",
        str(user_data),
        "--extensions-dir",
        str(extensions),
    ]
    installed = subprocess.run(
        [*common, "--install-extension", str(vsix)], capture_output=True, text=True, timeout=120, env=env
    )
    assert installed.returncode == 0 and "successfully installed" in installed.stdout, (
        f"code-server --install-extension failed:\n{installed.stdout}\n{installed.stderr}"
    )
    port = free_port()
    log = tmp_path / "code-server.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                *common,
                "--auth",
                "none",
                "--bind-addr",
                f"127.0.0.1:{port}",
                "--disable-telemetry",
                "--disable-update-check",
                "--disable-workspace-trust",
                "--disable-getting-started-override",
                str(workspace),
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", process, log)
        yield RunningCodeServer(url=f"http://127.0.0.1:{port}/?folder={workspace}", workspace=workspace, log=log,
                                daemon_log=daemon_log)
    finally:
        shutil.copyfile(log, output_dir(screenshot_folder(transport)) / "code-server.log")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def screenshot_folder(transport: str) -> str:
    """The `build/editor-tests` folder of one run's screenshots (hover, inlay hints with semantic colouring, the
    layers view, an evaluation): `vscode/`, or `vscode-daemon/` for the daemon run. `.ci/run` keeps them as CI
    artefacts."""
    return "vscode" if transport == "stdio" else "vscode-daemon"


def position_of(text: str, token: str) -> str:
    """`line:column` (1-based, as VS Code's "Go to Line/Column" takes it) of the first `token` in `text`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if token in line:
            return f"{number}:{line.index(token) + 1}"
    raise AssertionError(f"{token!r} is not in the fixture")


def test_vsix_in_code_server(
    code_server: RunningCodeServer, code_server_install: CodeServerInstall, tmp_path: Path
) -> None:
    out = output_dir(screenshot_folder("stdio" if code_server.daemon_log is None else "tcp daemon"))
    for old in out.glob("*.png"):
        old.unlink()
    shapes_path = code_server.workspace / "src" / "Shapes.nova"
    # a value to hint; a record to complete the fields of; a wildcard to fill in with a quick fix
    shapes_path.write_text(shapes_path.read_text() + "\ntwice = Square (size (Circle 2))\n"
                           "\norigin = { x: 0, y: 0 }\n\nlimit :: _\nlimit = 3\n")
    shapes = shapes_path.read_text()
    main = (code_server.workspace / "src" / "Main.nova").read_text()
    plan = tmp_path / "plan.json"
    report_path = out / "report.json"
    plan.write_text(
        json.dumps(
            {
                "url": code_server.url,
                "chromium": "/usr/bin/chromium",
                "outDir": str(out),
                "file": "Shapes.nova",
                "secondFile": "Main.nova",
                "squiggle": {
                    "lineText": 'broken = "not a number"',
                    "token": '"not a number"',
                    "kind": "squiggly-error",
                },
                "hover": {"lineText": "size shape = case shape of", "token": "size", "expect": "Shape -> Int"},
                "reading": {"hintAfter": "twice", "hint": ":: Shape", "tokenLine": "size shape = case shape of",
                            "token": "shape"},
                # saved, then edited again: the save's report and the session's shadowing, both in the picture
                "layers": {"module": "Shapes", "unsaved": "later = 1", "rechecked": "Main"},
                "fix": {
                    "lineText": 'broken = "not a number"',
                    "token": '"not a number"',
                    "position": position_of(shapes, '"not a number"'),
                    "replacement": "42",
                },
                "restart": True,
                # the editing features, over stdio and over the daemon
                "editing": {
                    "rename": {"lineText": "Square s -> s", "token": "s", "newName": "side",
                               "expect": ["Square side -> side"]},
                    "action": {"lineText": "limit :: _", "token": "_", "title": "Replace `_` with `Int`",
                               "expect": "limit :: Int"},
                    "complete": {"typed": "probe = origin.", "expect": ["x", "y"]},
                },
                "evaluate": {"position": position_of(main, "size (Circle 3)"), "expect": "3 :: Int"},
                # from the 3 out to `Circle 3` and back; a hover on `Circle` inside the selected `Circle 3`
                "enclosing": {
                    "position": position_of(main, "3)"),
                    "walk": [["Nova: Type of Enclosing Expression", "Nova: Int (1/"],
                             ["Nova: Larger Enclosing Expression", "Nova: Shape (2/"],
                             ["Nova: Smaller Enclosing Expression", "Nova: Int (1/"],
                             ["Nova: Larger Enclosing Expression", "Nova: Shape (2/"]],
                    "hover": {"lineText": "total = size (Circle 3)", "token": "Circle", "expect": "Shape",
                              "not": "Int -> Shape"},
                },
                "timeoutMs": 60000,
            }
        )
    )
    proc = subprocess.run(
        [str(code_server_install.node), str(DRIVER_DIR / "drive.mjs"), str(plan), str(report_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    steps = [step["name"] for step in report.get("steps", [])]
    assert proc.returncode == 0 and report.get("ok"), (
        f"VS Code step after {steps} failed: {report.get('error')}\n"
        f"workbench: {json.dumps(report.get('workbench'), indent=1)}\n"
        f"driver stderr:\n{proc.stderr[-3000:]}\ncode-server log:\n{code_server.log.read_text()[-3000:]}"
    )
    editing = ["rename", "code action", "field completion"]
    assert steps == [
        "workbench loaded",
        "file opened",
        "language mode",
        "server running",
        "squiggle",
        "hover",
        "inlay hint",
        "semantic colouring",
        "typing fixes the error",
        *editing,
        "layers view",
        "second file opened",
        "evaluate",
        "type of enclosing expressions",
        "hover on a selection",
        "restart",
    ]
    assert "Shape -> Int" in report["hover"]
    started = code_server.workspace.parent / ".venv" / "bin" / "nova-lsp.ran"
    if code_server.daemon_log is None:  # found in the folder above the workspace; started again by the restart
        assert started.read_text().splitlines() == ["--stdio", "--stdio"]
    else:
        assert not started.exists()
    if code_server.daemon_log is not None:  # the editor talked to the daemon, authenticated by the token it read
        daemon_log = code_server.daemon_log.read_text()
        assert "opened" in daemon_log and "no valid authToken" not in daemon_log
    assert "3 :: Int" in report["evaluation"]
    # the walk named each expression's type, and the hover inside the selected `Circle 3` named its type, not
    # the constructor's
    assert [shown.split(" (")[0] for shown in report["enclosing"]["walked"]] == [
        "Nova: Int", "Nova: Shape", "Nova: Int", "Nova: Shape"]
    assert "Shape" in report["enclosing"]["hover"] and "Int -> Shape" not in report["enclosing"]["hover"]
    assert (out / "vscode-hover.png").stat().st_size > 10_000
    assert ":: Shape" in report["reading"]["hinted"]
    rows = report["layers"]
    assert any(re.match(r"session\s*1 shadowed", row) for row in rows), rows
    assert any(row.startswith("Shapes") and "unsaved" in row and "rev " in row for row in rows), rows
    assert any(row.startswith("Shapes") and "saved → baseline rev" in row and "exports changed" in row
               for row in rows), rows
    assert any(row.startswith("Main") and "re-checked" in row for row in rows), rows
    for picture in ("vscode-inlay-hints-and-semantic-tokens.png", "vscode-layers.png"):
        assert (out / picture).stat().st_size > 10_000
