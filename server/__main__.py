"""Entry point of `nova-lsp` (placeholder until the server lands: prints usage)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="nova-lsp", description="Nova language server (not available in this build yet)."
    )
    parser.add_argument("--stdio", action="store_true")
    parser.add_argument("--tcp", metavar="HOST:PORT")
    parser.add_argument("--socket", metavar="PATH")
    parser.parse_args(argv)
    print("nova-lsp: the server is not available in this build yet", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
