import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { resolveServerCommand } from "../../src/serverCommand";

function executable(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#!/bin/sh\n");
  fs.chmodSync(file, 0o755);
  return file;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nova-cmd-"));

test("a bare name is found on PATH first", () => {
  const onPath = executable(path.join(tmp, "path-bin"), "nova-lsp");
  const workspace = path.join(tmp, "ws1");
  executable(path.join(workspace, ".venv", "bin"), "nova-lsp");
  const resolved = resolveServerCommand("nova-lsp", ["--stdio"], [workspace], path.join(tmp, "path-bin"));
  assert.deepEqual(resolved, { command: onPath, args: ["--stdio"], found: true });
});

test("a bare name falls back to the workspace virtual environment", () => {
  const workspace = path.join(tmp, "ws2");
  const inVenv = executable(path.join(workspace, ".venv", "bin"), "nova-lsp");
  const resolved = resolveServerCommand("nova-lsp", ["--stdio"], [workspace], path.join(tmp, "empty"));
  assert.equal(resolved.command, inVenv);
  assert.equal(resolved.found, true);
});

test("a relative path resolves against the workspace folder", () => {
  const workspace = path.join(tmp, "ws3");
  const script = executable(path.join(workspace, "scripts"), "serve");
  const resolved = resolveServerCommand("scripts/serve", [], [workspace], "");
  assert.equal(resolved.command, script);
  assert.equal(resolved.found, true);
});

test("a missing executable is reported, not guessed", () => {
  const resolved = resolveServerCommand("no-such-server", ["--stdio"], [path.join(tmp, "ws4")], "");
  assert.deepEqual(resolved, { command: "no-such-server", args: ["--stdio"], found: false });
  const absolute = resolveServerCommand(path.join(tmp, "nope"), [], [], "");
  assert.equal(absolute.found, false);
});

test("a non-executable file on PATH is skipped", () => {
  const dir = path.join(tmp, "plain");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "nova-lsp"), "not executable");
  const resolved = resolveServerCommand("nova-lsp", [], [], dir);
  assert.equal(resolved.found, false);
});

test("an empty setting means the default command", () => {
  const onPath = executable(path.join(tmp, "default-bin"), "nova-lsp");
  assert.equal(resolveServerCommand("  ", [], [], path.join(tmp, "default-bin")).command, onPath);
});
