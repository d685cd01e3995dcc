"""Reading the type corpus: its sources and the `-- ::` expectations (format: tests/corpus/types/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "types"
ERRORS = CORPUS / "errors"
_DECL_NAME = re.compile(r"^(?:foreign\s+import\s+)?([a-z_][\w']*)")


@dataclass(frozen=True, slots=True)
class Expectation:
    path: str
    line: int  # 1-based line of the `-- ::` comment
    name: str
    type: str


def corpus_sources() -> dict[str, str]:
    return {str(p): p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.nova"))}


def expectations(path: str, text: str) -> list[Expectation]:
    out: list[Expectation] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("-- :: "):
            continue
        expected = line[len("-- :: ") :].rstrip()
        for follow in lines[i + 1 :]:
            if not follow.strip() or follow.startswith("--") or follow[:1].isspace():
                continue
            m = _DECL_NAME.match(follow)
            assert m is not None, f"{path}:{i + 1}: no value declaration after the annotation"
            out.append(Expectation(path, i + 1, m.group(1), expected))
            break
    return out
