// The type of a selection: the server's `nova/typeEnclosing` request gives the types of the expressions around a
// position or selection, smallest first. A hover inside a non-empty selection shows the type of the smallest
// expression covering the selection; "Nova: Type of Enclosing Expression" selects that expression and shows its
// type, and "Nova: Larger Enclosing Expression" / "Nova: Smaller Enclosing Expression" walk the list.
import * as vscode from "vscode";
import { LanguageClient, RequestType } from "vscode-languageclient/node";

interface LspPosition {
  line: number;
  character: number;
}
interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface TypeEnclosingParams {
  textDocument: { uri: string };
  position?: LspPosition;
  range?: LspRange;
}
export interface Enclosing {
  range: LspRange;
  type: string;
}
export interface TypeEnclosingResult {
  enclosings: Enclosing[];
}

export const typeEnclosingRequest = new RequestType<TypeEnclosingParams, TypeEnclosingResult, void>(
  "nova/typeEnclosing",
);

function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toLsp(range: vscode.Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

export async function enclosingTypes(
  client: LanguageClient,
  document: vscode.TextDocument,
  selection: vscode.Range,
): Promise<Enclosing[]> {
  const params: TypeEnclosingParams = { textDocument: { uri: document.uri.toString() } };
  if (selection.isEmpty) {
    params.position = { line: selection.start.line, character: selection.start.character };
  } else {
    params.range = toLsp(selection);
  }
  const result = await client.sendRequest(typeEnclosingRequest, params);
  return result?.enclosings ?? [];
}

/** The hover for a position inside the editor's non-empty selection: the type of the selection. */
export async function selectionHover(
  client: LanguageClient | undefined,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.Hover | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (client === undefined || editor === undefined || editor.document !== document) {
    return undefined;
  }
  const selection = editor.selection;
  if (selection.isEmpty || !selection.contains(position)) {
    return undefined;
  }
  const found = await enclosingTypes(client, document, selection);
  if (found.length === 0) {
    return undefined;
  }
  const markdown = new vscode.MarkdownString().appendCodeblock(found[0].type, "nova");
  return new vscode.Hover(markdown, toRange(found[0].range));
}

interface Walk {
  uri: string;
  items: Enclosing[];
  index: number;
}
let walk: Walk | undefined;

function show(editor: vscode.TextEditor, current: Walk): string {
  const item = current.items[current.index];
  const range = toRange(item.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range);
  const text = `${item.type}  (${current.index + 1}/${current.items.length})`;
  vscode.window.setStatusBarMessage(`Nova: ${text}`, 8000);
  return item.type;
}

/** Starts a walk at the selection (step 0) or moves along the current one (+1 larger, -1 smaller). Returns the
 * type shown. */
export async function walkEnclosing(client: LanguageClient | undefined, step: number): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (client === undefined || editor === undefined || editor.document.languageId !== "nova") {
    return undefined;
  }
  const uri = editor.document.uri.toString();
  const here = walk?.items[walk.index];
  const continuing =
    step !== 0 && walk !== undefined && walk.uri === uri && here !== undefined &&
    toRange(here.range).isEqual(editor.selection);
  if (!continuing) {
    const items = await enclosingTypes(client, editor.document, editor.selection);
    if (items.length === 0) {
      vscode.window.setStatusBarMessage("Nova: no typed expression here", 5000);
      return undefined;
    }
    walk = { uri, items, index: 0 };
    return show(editor, walk);
  }
  const current = walk as Walk;
  current.index = Math.max(0, Math.min(current.items.length - 1, current.index + step));
  return show(editor, current);
}
