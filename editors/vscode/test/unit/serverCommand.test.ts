import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { foldersUpwards, missingServerMessage, resolveServerCommand } from "../../src/serverCommand";

function executable(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#!/bin/sh\n");
  fs.chmodSync(file, 0o755);
  return file;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nova-cmd-"));

test("a project's virtual environment comes before PATH", () => {
  executable(path.join(tmp, "path-bin"), "nova-lsp");
  const workspace = path.join(tmp, "ws1");
  const inVenv = executable(path.join(workspace, ".venv", "bin"), "nova-lsp");
  const resolved = resolveServerCommand("nova-lsp", ["--stdio"], [workspace], path.join(tmp, "path-bin"));
  assert.equal(resolved.command, inVenv);
  assert.deepEqual(resolved.args, ["--stdio"]);
  assert.equal(resolved.found, true);
});

test("the virtual environment is searched from each start folder upwards, the nearest first", () => {
  const checkout = path.join(tmp, "checkout");
  const outer = executable(path.join(checkout, ".venv", "bin"), "nova-lsp");
  const examples = path.join(checkout, "examples", "src");
  fs.mkdirSync(examples, { recursive: true });
  assert.equal(resolveServerCommand("nova-lsp", [], [examples], "").command, outer);
  const nested = path.join(checkout, "packages", "geometry");
  const inner = executable(path.join(nested, ".venv", "bin"), "nova-lsp");
  assert.equal(resolveServerCommand("nova-lsp", [], [path.join(nested, "src"), examples], "").command, inner);
  assert.equal(resolveServerCommand("nova-lsp", [], [examples, path.join(nested, "src")], "").command, outer);
});

test("PATH is used when no folder has a virtual environment with the server", () => {
  const onPath = executable(path.join(tmp, "path-bin2"), "nova-lsp");
  const resolved = resolveServerCommand("nova-lsp", [], [path.join(tmp, "bare")], path.join(tmp, "path-bin2"));
  assert.equal(resolved.command, onPath);
  assert.equal(resolved.found, true);
});

test("foldersUpwards lists each folder once, nearest first", () => {
  const a = path.join(tmp, "up", "a", "b");
  const folders = foldersUpwards([a, path.join(tmp, "up", "c")]);
  assert.deepEqual(folders.slice(0, 3), [a, path.join(tmp, "up", "a"), path.join(tmp, "up")]);
  assert.equal(folders.filter((f) => f === path.join(tmp, "up")).length, 1);
  assert.ok(folders.includes(path.join(tmp, "up", "c")));
  assert.equal(folders.filter((f) => f === path.parse(tmp).root).length, 1);
});

test("a relative path resolves against the start folders", () => {
  const workspace = path.join(tmp, "ws3");
  const script = executable(path.join(workspace, "scripts"), "serve");
  const resolved = resolveServerCommand("scripts/serve", [], [workspace], "");
  assert.equal(resolved.command, script);
  assert.equal(resolved.found, true);
});

test("a missing executable is reported with where it was looked for and the fix", () => {
  const folder = path.join(tmp, "ws4");
  const resolved = resolveServerCommand("no-such-server", ["--stdio"], [folder], "");
  assert.equal(resolved.found, false);
  assert.equal(resolved.command, "no-such-server");
  const message = missingServerMessage(resolved);
  assert.match(message, /cannot find the language server "no-such-server"/);
  assert.ok(message.includes(`.venv/bin of ${folder}`), message);
  assert.match(message, /make install/);
  assert.match(message, /nova\.server\.command/);
  const absolute = resolveServerCommand(path.join(tmp, "nope"), [], [], "");
  assert.equal(absolute.found, false);
  assert.doesNotMatch(missingServerMessage(absolute), /\.venv\/bin of/);
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
