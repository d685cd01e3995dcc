import assert from "node:assert/strict";
import { test } from "node:test";
import { failed, formatResult, summarize } from "../../src/evaluateProtocol";

test("the transcript shows the expression, the output and value :: type", () => {
  const text = formatResult("  main  ", { value: "unit", type: "Unit", output: "hello\nworld\n" });
  assert.equal(text, "> main\nhello\nworld\nunit :: Unit");
});

test("no output line when nothing was printed", () => {
  assert.equal(formatResult("1 + 2", { value: "3", type: "Int", output: "" }), "> 1 + 2\n3 :: Int");
});

test("summaries are one line and bounded", () => {
  assert.equal(summarize({ value: "[1,\n 2]", type: "Array Int", output: "" }), "[1, 2] :: Array Int");
  const long = summarize({ value: "x".repeat(1000), type: "String", output: "" }, 50);
  assert.equal(long.length, 50);
  assert.ok(long.endsWith("..."));
});

test("an evaluation error is shown instead of a value", () => {
  const result = { value: null, type: null, output: "partial\n", error: "evaluation stopped after 1000000 steps" };
  assert.ok(failed(result));
  assert.equal(formatResult("loop 1", result), "> loop 1\npartial\nerror: evaluation stopped after 1000000 steps");
  assert.equal(summarize(result), "evaluation stopped after 1000000 steps");
  assert.ok(!failed({ value: "1", type: "Int", output: "", error: null }));
});
