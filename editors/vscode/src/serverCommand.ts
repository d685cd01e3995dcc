// Resolves the `nova.server.command` setting to something `child_process.spawn` can run. nova-lsp is a Python console
// script, usually installed into a project's virtual environment rather than globally, so a bare name is searched in
// `.venv/bin` of each starting folder (the open Nova files' folders, the folders holding a `nova.toml`, the workspace
// folders) and of every folder above it — the nearest environment first, as `node_modules/.bin` would be — and then
// on PATH.
import * as fs from "node:fs";
import * as path from "node:path";

export interface ServerCommand {
  command: string;
  args: string[];
  /** True when the executable was found; false means spawning will fail and the user should be told why. */
  found: boolean;
  /** The folders whose `.venv` was searched (for the message when nothing was found). */
  searched: string[];
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function executableNames(name: string): string[] {
  if (process.platform !== "win32" || path.extname(name) !== "") {
    return [name];
  }
  const exts = (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter((e) => e !== "");
  return [name, ...exts.map((e) => name + e.toLowerCase())];
}

function searchDirs(name: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const candidate of executableNames(name)) {
      const full = path.join(dir, candidate);
      if (isExecutable(full)) {
        return full;
      }
    }
  }
  return undefined;
}

/** Each starting folder and the folders above it, nearest first, each once. */
export function foldersUpwards(starts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      if (!seen.has(dir)) {
        seen.add(dir);
        out.push(dir);
      }
      const parent = path.dirname(dir);
      if (parent === dir) {
        break;
      }
      dir = parent;
    }
  }
  return out;
}

export function resolveServerCommand(
  configured: string,
  args: readonly string[],
  startFolders: readonly string[],
  envPath: string = process.env.PATH ?? "",
): ServerCommand {
  const command = configured.trim() === "" ? "nova-lsp" : configured.trim();
  const expanded = command.startsWith("~/") ? path.join(process.env.HOME ?? "", command.slice(2)) : command;
  if (path.isAbsolute(expanded)) {
    return { command: expanded, args: [...args], found: isExecutable(expanded), searched: [] };
  }
  if (expanded.includes("/") || expanded.includes("\\")) {
    for (const folder of startFolders) {
      const full = path.resolve(folder, expanded);
      if (isExecutable(full)) {
        return { command: full, args: [...args], found: true, searched: [] };
      }
    }
    return { command: expanded, args: [...args], found: false, searched: [...startFolders] };
  }
  const binDir = process.platform === "win32" ? "Scripts" : "bin";
  const searched = foldersUpwards(startFolders);
  const inVenv = searchDirs(
    expanded,
    searched.map((folder) => path.join(folder, ".venv", binDir)),
  );
  if (inVenv !== undefined) {
    return { command: inVenv, args: [...args], found: true, searched };
  }
  const onPath = searchDirs(expanded, envPath.split(path.delimiter).filter((d) => d !== ""));
  if (onPath !== undefined) {
    return { command: onPath, args: [...args], found: true, searched };
  }
  return { command: expanded, args: [...args], found: false, searched: [...startFolders] };
}

/** The message a user sees at once when the server cannot be found: where it was looked for, and the fix. */
export function missingServerMessage(resolved: ServerCommand): string {
  const where =
    resolved.searched.length === 0
      ? ""
      : ` nor in .venv/bin of ${resolved.searched.slice(0, 3).join(", ")}` +
        `${resolved.searched.length > 3 ? ` (and ${resolved.searched.length - 3} more)` : ""} or a folder above`;
  return (
    `Nova: cannot find the language server "${resolved.command}": it is not on PATH${where}. ` +
    "Fix: run `make install` in your nova-lsp checkout (it creates .venv/bin/nova-lsp) and open a folder inside " +
    'it, or set "nova.server.command" to the full path of nova-lsp; then run "Nova: Restart Server".'
  );
}
