// The "Nova Layers" view (Explorer): what the server holds for this window, from its `nova/layers` request — per
// workspace folder the session layer (modules shadowed by unsaved buffers, with revisions and versions), the
// baseline (saved files) and the root (standard library), and the latest interface updates (module, layer, revision,
// whether its exports changed) and saves (revision in the baseline, exports changed, importers re-checked).
// Refreshed on every `nova/interfaceUpdated` and `nova/saved` notification and on demand.
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";

interface LayerModule {
  module: string;
  rev: number | null;
  uri?: string | null;
  version?: number | null;
  unsaved?: boolean | null;
}
interface Layer {
  name: string;
  folder?: string;
  moduleCount?: number;
  fromCache?: boolean;
  modules?: LayerModule[];
}
interface SessionState {
  folder: string | null;
  layers: Layer[];
}
interface LayerEvent {
  module: string;
  rev: number | null;
  kind: string;
  layer: string;
  exportsChanged: boolean;
  rechecked?: string[];
}
export interface LayersResult {
  sessions: SessionState[];
  events: LayerEvent[];
}

type Node = { label: string; description?: string; tooltip?: string; children: Node[]; uri?: string; id?: string };

// Each answer's nodes get ids of their own (the answer's number and the node's place): VS Code would otherwise keep
// the state of the item of the same label from the answer before — a layer that had no modules stays folded shut
// once it has some.
function numbered(nodes: Node[], prefix: string): Node[] {
  nodes.forEach((node, index) => {
    node.id = `${prefix}/${index}`;
    numbered(node.children, node.id);
  });
  return nodes;
}

export function layerNodes(result: LayersResult): Node[] {
  const nodes: Node[] = result.sessions.map((session) => ({
    label: session.folder ?? "files outside the workspace folders",
    children: session.layers.map((layer) => {
      const modules = layer.modules ?? [];
      const count = layer.moduleCount ?? modules.length;
      const detail =
        layer.name === "session"
          ? `${modules.length} shadowed`
          : `${count} modules${layer.fromCache ? " · from cache" : ""}`;
      return {
        label: layer.name,
        description: detail,
        children: layer.name === "root" ? [] : modules.map((m) => ({
          label: m.module,
          description:
            `rev ${m.rev ?? "?"}` + (m.version != null ? ` · v${m.version}` : "") + (m.unsaved ? " · unsaved" : ""),
          uri: m.uri ?? undefined,
          children: [],
        })),
      };
    }),
  }));
  nodes.push({
    label: "recent updates",
    description: `${result.events.length}`,
    children: result.events.map((e) => e.kind === "save" ? {
      // a save: the module's revision in the baseline, its exports, and the importers re-checked because of it
      label: e.module,
      description: `saved → baseline rev ${e.rev ?? "?"} · ${e.exportsChanged ? "exports changed" : "exports unchanged"}`
        + ` · ${(e.rechecked ?? []).length} re-checked`,
      children: (e.rechecked ?? []).map((m) => ({ label: m, description: "re-checked in baseline", children: [] })),
    } : {
      label: e.module,
      description: `${e.kind} in ${e.layer} → rev ${e.rev ?? "gone"}${e.exportsChanged ? " · exports changed" : ""}`,
      children: [],
    }),
  });
  return nodes;
}

export class LayersProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Node[] = [];
  private answers = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh(): Promise<void> {
    const client = this.client();
    if (client === undefined || !client.isRunning()) {
      this.roots = [{ label: "the server is not running", children: [] }];
    } else {
      try {
        const result = await client.sendRequest<LayersResult>("nova/layers", {});
        this.answers += 1;
        this.roots = numbered(layerNodes(result), `${this.answers}`);
      } catch (error) {
        this.roots = [{ label: `nova/layers failed: ${error instanceof Error ? error.message : String(error)}`,
          children: [] }];
      }
    }
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.uri !== undefined) {
      item.command = { command: "vscode.open", title: "Open", arguments: [vscode.Uri.parse(node.uri)] };
    }
    return item;
  }

  getChildren(node?: Node): Node[] {
    return node === undefined ? this.roots : node.children;
  }
}
