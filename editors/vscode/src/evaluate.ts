// "Nova: Evaluate Selection": sends the server's custom `nova/evaluate` request for the selected expression (or the
// current line when nothing is selected) and shows `value :: type` plus anything the evaluation printed.
import * as vscode from "vscode";
import { LanguageClient, RequestType, ResponseError } from "vscode-languageclient/node";
import { EvaluateParams, EvaluateResult, failed, formatResult, summarize } from "./evaluateProtocol";

export const evaluateRequest = new RequestType<EvaluateParams, EvaluateResult, void>("nova/evaluate");

/** The text to evaluate: the selection, or the whole current line when the selection is empty. */
export function expressionAt(editor: vscode.TextEditor): string {
  const selection = editor.selection;
  if (!selection.isEmpty) {
    return editor.document.getText(selection);
  }
  return editor.document.lineAt(selection.active.line).text;
}

export async function evaluateSelection(
  client: LanguageClient | undefined,
  channel: vscode.OutputChannel,
): Promise<EvaluateResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== "nova") {
    void vscode.window.showWarningMessage("Nova: open a .nova file and select an expression to evaluate.");
    return undefined;
  }
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage("Nova: the language server is not running (try \"Nova: Restart Server\").");
    return undefined;
  }
  const expression = expressionAt(editor);
  if (expression.trim() === "") {
    void vscode.window.showWarningMessage("Nova: nothing to evaluate (the selection is empty).");
    return undefined;
  }
  const params: EvaluateParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    expression,
  };
  try {
    const result = await client.sendRequest(evaluateRequest, params);
    channel.appendLine(formatResult(expression, result));
    if (failed(result)) {
      void vscode.window.showErrorMessage(`Nova: ${summarize(result)}`);
    } else {
      void vscode.window.showInformationMessage(summarize(result));
    }
    return result;
  } catch (error) {
    const message = error instanceof ResponseError || error instanceof Error ? error.message : String(error);
    channel.appendLine(`> ${expression.trim()}\nerror: ${message}`);
    void vscode.window.showErrorMessage(`Nova: evaluation failed: ${message}`);
    return undefined;
  }
}
