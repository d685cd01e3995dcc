// Entry point of the Nova extension: starts nova-lsp over stdio for `nova` documents (or connects to a running daemon,
// `nova.server.daemon`), restarts it on request or when its settings change, and exposes the server's `nova/evaluate`
// request as a command.
import * as net from "node:net";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { DaemonAddress, parseDaemonAddress, readDaemonToken } from "./daemon";
import { evaluateSelection } from "./evaluate";
import { missingServerMessage, resolveServerCommand } from "./serverCommand";
import { LayersProvider } from "./layers";
import { selectionHover, walkEnclosing } from "./typeEnclosing";

const CLIENT_ID = "nova";
const CLIENT_NAME = "Nova Language Server";

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel;
let traceChannel: vscode.LogOutputChannel;
let evalChannel: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let layers: LayersProvider | undefined;

function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === "file")
    .map((folder) => folder.uri.fsPath);
}

/** Where to look for the server's virtual environment, nearest first: the folders of the open Nova files, the
 * folders holding a `nova.toml` in the workspace, the workspace folders (each is then searched upwards). */
async function startFolders(): Promise<string[]> {
  const documents = vscode.workspace.textDocuments
    .filter((doc) => doc.languageId === "nova" && doc.uri.scheme === "file")
    .map((doc) => path.dirname(doc.uri.fsPath));
  let manifests: string[] = [];
  try {
    const found = await vscode.workspace.findFiles("**/nova.toml", "**/{node_modules,.venv,.git}/**", 50);
    manifests = found.map((uri) => path.dirname(uri.fsPath)).sort((a, b) => a.length - b.length);
  } catch {
    manifests = [];
  }
  return [...new Set([...documents, ...manifests, ...workspaceFolderPaths()])];
}

function daemonAddress(): DaemonAddress | undefined {
  return parseDaemonAddress(vscode.workspace.getConfiguration("nova.server").get<string>("daemon", ""));
}

/** Connects to the daemon; the stream is the transport (no process is started). */
function daemonOptions(address: DaemonAddress): ServerOptions {
  return () =>
    new Promise((resolve, reject) => {
      const socket =
        address.kind === "tcp" ? net.connect(address.port, address.host) : net.connect(address.path);
      socket.once("connect", () => resolve({ reader: socket, writer: socket }));
      socket.once("error", reject);
    });
}

async function serverOptions(): Promise<{ options: ServerOptions; found: boolean; missing: string }> {
  const daemon = daemonAddress();
  if (daemon !== undefined) {
    return { options: daemonOptions(daemon), found: true, missing: "" };
  }
  const config = vscode.workspace.getConfiguration("nova.server");
  const configured = config.get<string>("command", "nova-lsp");
  const args = config.get<string[]>("args", ["--stdio"]);
  const starts = await startFolders();
  const resolved = resolveServerCommand(configured, args, starts);
  if (resolved.found) {
    outputChannel.info(`Starting the Nova language server: ${resolved.command} ${resolved.args.join(" ")}`);
  }
  const cwd = workspaceFolderPaths()[0] ?? starts[0];
  // No `transport` field: the client would append its own `--stdio`; the args setting already carries it.
  const options: ServerOptions = {
    command: resolved.command,
    args: resolved.args,
    options: cwd === undefined ? {} : { cwd },
  };
  return { options, found: resolved.found, missing: resolved.found ? "" : missingServerMessage(resolved) };
}

/** What `initialize` carries: the TCP daemon's token, read when the connection is made (a restarted daemon has a
 * new one). */
function initializationOptions(): Record<string, unknown> {
  const daemon = daemonAddress();
  if (daemon === undefined || daemon.kind !== "tcp") {
    return {};
  }
  const tokenFile = vscode.workspace.getConfiguration("nova.server").get<string>("tokenFile", "");
  const token = readDaemonToken(daemon.port, tokenFile);
  if (token === undefined) {
    outputChannel.info(`No token file found for the nova-lsp daemon on port ${daemon.port}; it will refuse us.`);
    return {};
  }
  return { authToken: token };
}

function clientOptions(): LanguageClientOptions {
  return {
    initializationOptions,
    documentSelector: [
      { scheme: "file", language: "nova" },
      { scheme: "untitled", language: "nova" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.nova,nova.toml}"),
    },
    outputChannel,
    traceOutputChannel: traceChannel,
    middleware: {
      // A hover inside a selection answers with the selection's type (nova/typeEnclosing), else the server's.
      provideHover: async (document, position, token, next) =>
        (await selectionHover(client, document, position)) ?? next(document, position, token),
    },
  };
}

function showStatus(state: "starting" | "running" | "stopped" | "failed", detail?: string): void {
  const icons = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(circle-slash)", failed: "$(error)" };
  statusItem.text = `${icons[state]} Nova`;
  statusItem.tooltip = detail ?? `Nova language server: ${state}. Click to restart.`;
  statusItem.show();
}

async function startClient(): Promise<void> {
  const { options, found, missing } = await serverOptions();
  if (!found) {
    const message = missing;
    outputChannel.error(message);
    showStatus("failed", message);
    // Not awaited: the notification stays until the user dismisses it, and activation must not wait for that.
    void vscode.window.showErrorMessage(message, "Open Settings").then(async (choice) => {
      if (choice === "Open Settings") {
        await vscode.commands.executeCommand("workbench.action.openSettings", "nova.server");
      }
    });
    return;
  }
  const created = new LanguageClient(CLIENT_ID, CLIENT_NAME, options, clientOptions());
  created.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      showStatus("running");
    } else if (event.newState === State.Starting) {
      showStatus("starting");
    } else {
      showStatus("stopped");
    }
  });
  client = created;
  showStatus("starting");
  try {
    await created.start();
    // The server announces interface changes of modules; the editor has nothing to redraw for them (diagnostics
    // arrive on their own), but handling the notification keeps it out of the "unhandled" log.
    created.onNotification("nova/interfaceUpdated", () => void layers?.refresh());
    created.onNotification("nova/saved", () => void layers?.refresh());
    void layers?.refresh();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showStatus("failed", `Nova language server failed to start: ${message}`);
    outputChannel.info(`Nova language server failed to start: ${message}`);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) {
    try {
      await running.stop();
    } catch (error) {
      outputChannel.info(`Stopping the server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    await running.dispose();
  }
}

async function restartClient(): Promise<void> {
  outputChannel.info("Restarting the Nova language server.");
  await stopClient();
  await startClient();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  traceChannel = vscode.window.createOutputChannel(`${CLIENT_NAME} Trace`, { log: true });
  evalChannel = vscode.window.createOutputChannel("Nova Evaluation");
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  statusItem.command = "nova.restartServer";
  statusItem.name = "Nova Language Server";
  context.subscriptions.push(outputChannel, traceChannel, evalChannel, statusItem);
  layers = new LayersProvider(() => client);

  context.subscriptions.push(
    vscode.commands.registerCommand("nova.restartServer", restartClient),
    vscode.commands.registerCommand("nova.evaluateSelection", async () => {
      const result = await evaluateSelection(client, evalChannel);
      if (result !== undefined) {
        evalChannel.show(true);
      }
      return result;
    }),
    vscode.window.registerTreeDataProvider("nova.layers", layers),
    vscode.commands.registerCommand("nova.refreshLayers", () => layers?.refresh()),
    vscode.commands.registerCommand("nova.typeEnclosing", () => walkEnclosing(client, 0)),
    vscode.commands.registerCommand("nova.typeEnclosing.larger", () => walkEnclosing(client, 1)),
    vscode.commands.registerCommand("nova.typeEnclosing.smaller", () => walkEnclosing(client, -1)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("nova.server")) {
        await restartClient();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
