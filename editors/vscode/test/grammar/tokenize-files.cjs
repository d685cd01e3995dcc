// Tokenizes whole Nova files with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma) and reports,
// per file, what a reader would notice as broken highlighting: tokens scoped `invalid.*`, and a string or block
// comment still open at the end of the file (an unterminated construct swallowing everything after it).
// Usage: node tokenize-files.cjs GRAMMAR FILE... → JSON on stdout.
const fs = require("node:fs");
const path = require("node:path");
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

async function main() {
  const [grammarPath, ...files] = process.argv.slice(2);
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  const grammar = await registry.loadGrammar("source.nova");
  const report = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
    let stack = textmate.INITIAL;
    const invalid = [];
    let tokens = 0;
    lines.forEach((line, index) => {
      const result = grammar.tokenizeLine(line, stack);
      stack = result.ruleStack;
      for (const token of result.tokens) {
        tokens += 1;
        if (token.scopes.some((s) => s.startsWith("invalid."))) {
          invalid.push({ line: index + 1, column: token.startIndex + 1, text: line.slice(token.startIndex, token.endIndex) });
        }
      }
    });
    // A probe line after the end shows what the file left open.
    const probe = grammar.tokenizeLine("x", stack).tokens[0].scopes;
    const unterminated = probe.filter((s) => s.startsWith("comment.block") || s.startsWith("string."));
    report.push({ file, lines: lines.length, tokens, invalid, unterminated });
  }
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
