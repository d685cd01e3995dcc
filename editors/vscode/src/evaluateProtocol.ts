// The `nova/evaluate` custom request's shapes and how its answer is shown; free of any editor API so that it can be
// unit-tested under plain Node.

export interface EvaluateParams {
  textDocument: { uri: string };
  expression: string;
}

export interface EvaluateResult {
  /** The printed value (PureScript-style), or null when the expression did not evaluate. */
  value: string | null;
  /** The expression's type, or null when it did not check. */
  type: string | null;
  /** What the evaluation printed (Effect.Console.log and friends), possibly empty. */
  output: string;
  /** Why there is no value: a type error, a runtime error, a step or time limit. */
  error?: string | null;
}

export function failed(result: EvaluateResult): boolean {
  return (result.error ?? null) !== null || result.value === null;
}

/** The transcript written to the "Nova Evaluation" channel: the expression, its output, then `value :: type`. */
export function formatResult(expression: string, result: EvaluateResult): string {
  const lines = [`> ${expression.trim()}`];
  const output = result.output ?? "";
  if (output !== "") {
    lines.push(output.replace(/\n$/, ""));
  }
  lines.push(failed(result) ? `error: ${result.error ?? "no value"}` : `${result.value} :: ${result.type}`);
  return lines.join("\n");
}

/** A one-line `value :: type` for a notification, cut to a readable length. */
export function summarize(result: EvaluateResult, limit = 300): string {
  const text = failed(result) ? (result.error ?? "no value") : `${result.value} :: ${result.type}`;
  const summary = text.replace(/\s*\n\s*/g, " ");
  return summary.length > limit ? summary.slice(0, limit - 3) + "..." : summary;
}
