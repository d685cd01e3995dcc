"""The Nova evaluator: a strict interpreter over the checker's typed AST, reading definitions through a registry
layer (so an editor's unsaved edits are seen by its own evaluations, and nobody else's).

Pipeline: typed element (T2 row) → `lower` (core language, dictionary passing from the checker's evidence) →
`compiler` (Python closures over frames) → `machine` (trampoline for tail calls; fuel, time and depth limits).
`link` prepares elements and caches them by identity; `foreign` implements the standard library's primitives;
`printer` prints values as PureScript does; `api` is the entry point:

- `evaluate_expression(layer, expression, module_source=None, imports=("Prelude",), limits=None, cancel=None)`
- `evaluate_value(layer, module, key, limits=None, cancel=None)`

both returning `EvalResult(value, type, output, steps, errors)` or raising `EvalError` (`EvalLimitError` when a
limit stopped the evaluation: "evaluation stopped after N steps (…)").
"""
