// Connecting to a running nova-lsp daemon (`nova.server.daemon`) instead of starting a server: a loopback TCP
// address `HOST:PORT`, or the path of a unix socket. A TCP daemon only serves clients that present the token it wrote
// to a file only its user can read (`tcp-PORT.token` in `$XDG_RUNTIME_DIR/nova-lsp/`, or in `$TMPDIR/nova-lsp-UID/`
// when there is no runtime directory); the extension reads it and sends it as `initializationOptions.authToken`.
import * as fs from "node:fs";
import * as path from "node:path";

export type DaemonAddress = { kind: "tcp"; host: string; port: number } | { kind: "socket"; path: string };

/** `127.0.0.1:2087`, `[::1]:2087`, `localhost:2087` → TCP; an absolute path (or `unix:PATH`) → a unix socket. */
export function parseDaemonAddress(text: string): DaemonAddress | undefined {
  const value = text.trim();
  if (value === "") {
    return undefined;
  }
  if (value.startsWith("unix:")) {
    return { kind: "socket", path: value.slice("unix:".length) };
  }
  if (path.isAbsolute(value)) {
    return { kind: "socket", path: value };
  }
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(value);
  if (match === null || Number(match[2]) > 65535) {
    return undefined;
  }
  return { kind: "tcp", host: match[1], port: Number(match[2]) };
}

/** Where a daemon listening on `port` may have written its token, in the order the server chooses them. */
export function tokenCandidates(
  port: number,
  env: NodeJS.ProcessEnv = process.env,
  uid: number = typeof process.getuid === "function" ? process.getuid() : 0,
): string[] {
  const name = `tcp-${port}.token`;
  const found: string[] = [];
  const runtime = env.XDG_RUNTIME_DIR;
  if (runtime !== undefined && path.isAbsolute(runtime)) {
    found.push(path.join(runtime, "nova-lsp", name));
  }
  found.push(path.join(env.TMPDIR !== undefined && env.TMPDIR !== "" ? env.TMPDIR : "/tmp", `nova-lsp-${uid}`, name));
  return found;
}

/** The daemon's token: from `tokenFile` when given, else from the first candidate file that exists. */
export function readDaemonToken(port: number, tokenFile = "", env: NodeJS.ProcessEnv = process.env): string | undefined {
  const files = tokenFile.trim() !== "" ? [tokenFile.trim()] : tokenCandidates(port, env);
  for (const file of files) {
    try {
      const token = fs.readFileSync(file, "utf8").trim();
      if (token !== "") {
        return token;
      }
    } catch {
      // not this one
    }
  }
  return undefined;
}
