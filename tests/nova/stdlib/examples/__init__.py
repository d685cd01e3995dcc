"""Examples of the standard library, one file per group of modules (after PureScript's packages).

Each file defines `HEADER` (the imports and helper definitions of the module its examples are checked in) and
`EXAMPLES`, a list of `(expression, expected value as printed)`. `test_stdlib_examples.py` checks each file as one
module, evaluates every example through the whole pipeline (parse → check → lower → compile → run) and checks that
every exported value of the standard library was evaluated by some example.
"""
