import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { parseDaemonAddress, readDaemonToken, tokenCandidates } from "../../src/daemon";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nova-daemon-"));

test("daemon addresses: loopback TCP, IPv6 in brackets, unix sockets, nothing", () => {
  assert.deepEqual(parseDaemonAddress("127.0.0.1:2087"), { kind: "tcp", host: "127.0.0.1", port: 2087 });
  assert.deepEqual(parseDaemonAddress(" [::1]:9 "), { kind: "tcp", host: "::1", port: 9 });
  assert.deepEqual(parseDaemonAddress("/run/user/1000/nova.sock"), { kind: "socket", path: "/run/user/1000/nova.sock" });
  assert.deepEqual(parseDaemonAddress("unix:relative.sock"), { kind: "socket", path: "relative.sock" });
  assert.equal(parseDaemonAddress(""), undefined);
  assert.equal(parseDaemonAddress("127.0.0.1:99999"), undefined);
  assert.equal(parseDaemonAddress("localhost"), undefined);
});

test("token files are looked for where the server writes them", () => {
  const env = { XDG_RUNTIME_DIR: "/run/user/1000", TMPDIR: "/var/tmp" };
  assert.deepEqual(tokenCandidates(2087, env, 1000), [
    "/run/user/1000/nova-lsp/tcp-2087.token",
    "/var/tmp/nova-lsp-1000/tcp-2087.token",
  ]);
  assert.deepEqual(tokenCandidates(5, {}, 7), ["/tmp/nova-lsp-7/tcp-5.token"]);
});

test("the token is read from the runtime folder, the fallback folder, or an explicit file", () => {
  const runtime = path.join(tmp, "run");
  const fallback = path.join(tmp, "tmp");
  fs.mkdirSync(path.join(runtime, "nova-lsp"), { recursive: true });
  fs.mkdirSync(path.join(fallback, `nova-lsp-${process.getuid?.() ?? 0}`), { recursive: true });
  const env = { XDG_RUNTIME_DIR: runtime, TMPDIR: fallback };
  assert.equal(readDaemonToken(4000, "", env), undefined);
  fs.writeFileSync(path.join(fallback, `nova-lsp-${process.getuid?.() ?? 0}`, "tcp-4000.token"), "from-tmp\n");
  assert.equal(readDaemonToken(4000, "", env), "from-tmp");
  fs.writeFileSync(path.join(runtime, "nova-lsp", "tcp-4000.token"), "from-runtime\n", { mode: 0o600 });
  assert.equal(readDaemonToken(4000, "", env), "from-runtime");
  const explicit = path.join(tmp, "chosen.token");
  fs.writeFileSync(explicit, "chosen\n");
  assert.equal(readDaemonToken(4000, explicit, env), "chosen");
  assert.equal(readDaemonToken(4001, "", env), undefined);
});
