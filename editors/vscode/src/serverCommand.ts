// Resolves the `nova.server.command` setting to something `child_process.spawn` can run. A bare name is searched on
// PATH first and then in each workspace folder's `.venv/bin`, because nova-lsp is a Python console script that is
// usually installed into a project virtual environment rather than globally.
import * as fs from "node:fs";
import * as path from "node:path";

export interface ServerCommand {
  command: string;
  args: string[];
  /** True when the executable was found; false means spawning will fail and the user should be told why. */
  found: boolean;
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

export function resolveServerCommand(
  configured: string,
  args: readonly string[],
  workspaceFolders: readonly string[],
  envPath: string = process.env.PATH ?? "",
): ServerCommand {
  const command = configured.trim() === "" ? "nova-lsp" : configured.trim();
  const expanded = command.startsWith("~/") ? path.join(process.env.HOME ?? "", command.slice(2)) : command;
  if (path.isAbsolute(expanded)) {
    return { command: expanded, args: [...args], found: isExecutable(expanded) };
  }
  if (expanded.includes("/") || expanded.includes("\\")) {
    for (const folder of workspaceFolders) {
      const full = path.resolve(folder, expanded);
      if (isExecutable(full)) {
        return { command: full, args: [...args], found: true };
      }
    }
    return { command: expanded, args: [...args], found: false };
  }
  const onPath = searchDirs(expanded, envPath.split(path.delimiter).filter((d) => d !== ""));
  if (onPath !== undefined) {
    return { command: onPath, args: [...args], found: true };
  }
  const binDir = process.platform === "win32" ? "Scripts" : "bin";
  const inVenv = searchDirs(
    expanded,
    workspaceFolders.map((folder) => path.join(folder, ".venv", binDir)),
  );
  if (inVenv !== undefined) {
    return { command: inVenv, args: [...args], found: true };
  }
  return { command: expanded, args: [...args], found: false };
}
