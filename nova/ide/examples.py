"""Examples in comments, evaluated in place (as Haskell's HLS eval plugin does): a `-- > expression` line asks
for the expression's value, `-- > :type expression` (or `:t`) for its type. Running one writes the answer back as
comment lines right under it, replacing the answer a previous run left there:

    -- > double 21              -- > :type double             -- > main
    -- => 42                    -- => double :: Int -> Int    -- out: hello
                                                              -- => unit
    -- > double true
    -- !! 1:8: Could not match type Int with type Boolean

- `-- => ` lines hold the value (or `expression :: type`), `-- out: ` lines what the evaluation logged before it,
  `-- !! ` lines the error that stopped it.
- An answer that differs from the one written before is shown as was/now, so a change is seen at a glance:

      -- > answer
      -- => was: 42
      -- => now: 63

  Running it again (with the same answer) collapses it back to `-- => 63`.

Everything here is plain text in, plain text out: the server turns `TextEdit` into an LSP edit."""

from __future__ import annotations

import re
from dataclasses import dataclass

EXAMPLE = re.compile(r"^(?P<indent>\s*)--\s?>\s?(?P<expr>\S.*)$")
r"""A `-- > expression` line. (A lazy `.*?` followed by `\s*$` would be quadratic in a run of inner spaces, so the
expression's trailing white space is stripped afterwards.)"""

TYPE_COMMAND = re.compile(r"^:t(?:ype)?\s+(?P<expr>\S.*)$")

VALUE = "-- => "
OUTPUT = "-- out: "
ERROR = "-- !! "
ANSWER_PREFIXES = (VALUE.rstrip(), OUTPUT.rstrip(), ERROR.rstrip())
WAS, NOW = "was: ", "now: "

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAYBE_EXAMPLE = re.compile(r"--\s?>")
"""Line ends as the protocol counts them (`str.splitlines` also breaks at form feeds and other separators)."""

MAX_LINES = 40
"""Lines written for one answer (its value, output or error); the rest is summarised in one line."""
MAX_LINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class Example:
    """A `-- > …` line: `line`/`indent` where it is, `text` what follows `-- >`, and the lines
    `[line + 1, answer_end)` that hold the answer a previous run wrote (empty when there is none)."""

    line: int
    indent: str
    text: str
    answer_end: int

    @property
    def wants_type(self) -> bool:
        return TYPE_COMMAND.match(self.text) is not None

    @property
    def expression(self) -> str:
        """The expression to evaluate (or to type, for `:type e`)."""
        match = TYPE_COMMAND.match(self.text)
        return match.group("expr").rstrip() if match is not None else self.text


@dataclass(frozen=True, slots=True)
class Answer:
    """What an evaluation gave: `value` (one or more lines: the printed value, or `e :: T` for `:type`), the
    `output` lines it logged, or the `error` that stopped it."""

    value: str | None
    output: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (`start_line`, `start_col`) to (`end_line`, `end_col`) (columns in code points)."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int
    text: str


def _is_answer_line(line: str, indent: str) -> bool:
    if not line.startswith(indent):
        return False
    rest = line[len(indent):]
    return any(rest == prefix or rest.startswith(prefix + " ") for prefix in ANSWER_PREFIXES)


def find_examples(text: str) -> list[Example]:
    """Every `-- > …` line of the text, with the answer block under it. A text without `-->` or `-- >` anywhere
    (most files) is answered by one scan, without splitting it into lines."""
    if _MAYBE_EXAMPLE.search(text) is None:
        return []
    lines = LINE_BREAK.split(text)
    found: list[Example] = []
    for number, line in enumerate(lines):
        match = EXAMPLE.match(line)
        if match is None:
            continue
        indent = match.group("indent")
        end = number + 1
        while end < len(lines) and _is_answer_line(lines[end], indent):
            end += 1
        found.append(Example(number, indent, match.group("expr").rstrip(), end))
    return found


def example_at(text: str, line: int, wanted: str) -> Example | None:
    """The example `wanted` (its text after `-- >`) nearest to `line`: lines may have moved since the lens that
    names it was shown."""
    candidates = [example for example in find_examples(text) if example.text == wanted]
    if not candidates:
        return None
    return min(candidates, key=lambda example: abs(example.line - line))


def previous_value(text: str, example: Example) -> list[str] | None:
    """The value lines the last run wrote (the "now" part of a was/now answer), or None when it wrote none."""
    start = len(example.indent) + len(VALUE)
    values = [line[start:] for line in LINE_BREAK.split(text)[example.line + 1:example.answer_end]
              if line[len(example.indent):].startswith(VALUE.rstrip())]
    if not values:
        return None
    if values[0].startswith(WAS):
        now = next((i for i, value in enumerate(values) if value.startswith(NOW)), None)
        if now is None:
            return None
        return [value[len(NOW):] for value in values[now:]]
    return values


def _bounded(lines: list[str]) -> list[str]:
    shown = [line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS] + " …" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"… ({len(lines) - MAX_LINES} more lines)")
    return shown


def answer_lines(answer: Answer, previous: list[str] | None) -> list[str]:
    """The comment lines (without indentation) for `answer`, was/now when its value differs from `previous`."""
    out = [OUTPUT + line for line in _bounded(list(answer.output))]
    if answer.error is not None or answer.value is None:
        message = answer.error if answer.error else "no value"
        return out + [(ERROR + line).rstrip() for line in _bounded(message.splitlines() or [""])]
    value = [line.rstrip() for line in _bounded(answer.value.splitlines() or [""])]
    if previous is None or previous == value:
        return out + [(VALUE + line).rstrip() for line in value]
    pad = " " * len(WAS)
    was = [(VALUE + (WAS if i == 0 else pad) + line).rstrip() for i, line in enumerate(previous)]
    now = [(VALUE + (NOW if i == 0 else pad) + line).rstrip() for i, line in enumerate(value)]
    return out + was + now


def write_back(text: str, example: Example, answer: Answer) -> TextEdit:
    """The edit that puts `answer` under `example`, in place of the answer written there before: from the end of
    the example's line to the end of the old answer's last line (so a text without a final newline keeps none)."""
    lines = LINE_BREAK.split(text)
    block = "".join(f"\n{example.indent}{line}" for line in answer_lines(answer, previous_value(text, example)))
    last = example.answer_end - 1
    return TextEdit(example.line, len(lines[example.line]), last, len(lines[last]), block)
