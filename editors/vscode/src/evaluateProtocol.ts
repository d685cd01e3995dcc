// The `nova/evaluate` custom request's shapes and how its answer is shown; free of any editor API so that it can be
// unit-tested under plain Node.

export interface EvaluateParams {
  textDocument: { uri: string };
  expression: string;
}

export interface EvaluateResult {
  value: string;
  type: string;
  /** What the evaluation printed (Effect.Console.log and friends), possibly empty. */
  output: string;
}

/** The transcript written to the "Nova Evaluation" channel: the expression, its output, then `value :: type`. */
export function formatResult(expression: string, result: EvaluateResult): string {
  const lines = [`> ${expression.trim()}`];
  const output = result.output ?? "";
  if (output !== "") {
    lines.push(output.replace(/\n$/, ""));
  }
  lines.push(`${result.value} :: ${result.type}`);
  return lines.join("\n");
}

/** A one-line `value :: type` for a notification, cut to a readable length. */
export function summarize(result: EvaluateResult, limit = 300): string {
  const summary = `${result.value} :: ${result.type}`.replace(/\s*\n\s*/g, " ");
  return summary.length > limit ? summary.slice(0, limit - 3) + "..." : summary;
}
