"""Argument parsing shared by the `nova` and `nova-lsp` command lines: errors are one line on stderr with exit
status 2 (never argparse's usage dump or a Python traceback), and numeric options are checked for range here, so
`--timeout nan` or `--max-depth 1000000000` is a usage error instead of a silent surprise later."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from nova.root_cache import CachedRoot

USAGE_ERROR = 2


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see --help)\n")
        sys.exit(USAGE_ERROR)


def seconds(allow_zero: bool = False, maximum: float = 86_400.0) -> Callable[[str], float]:
    """A finite number of seconds, > 0 (or ≥ 0 when `allow_zero`), at most `maximum`."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if math.isnan(value) or math.isinf(value) or value < 0 or (value == 0 and not allow_zero):
            floor = "≥ 0" if allow_zero else "> 0"
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds {floor}")
        if value > maximum:
            raise argparse.ArgumentTypeError(f"{text!r} is more than {maximum:g} seconds")
        return value

    return parse


def count(minimum: int = 1, maximum: int = 10**12) -> Callable[[str], int]:
    """A whole number in [minimum, maximum]."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", ""), 10) if len(text) < 40 else None
        except ValueError:
            value = None
        if value is None:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number")
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(f"{value} is outside {minimum}–{maximum}")
        return value

    return parse


def byte_size(text: str) -> int:
    """`2000000`, `512K`, `2M`, `1G`: a positive number of bytes."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    cleaned = text.strip().upper().removesuffix("B")
    factor = units.get(cleaned[-1:], 1) if cleaned else 1
    digits = cleaned[:-1] if factor != 1 else cleaned
    if not digits.isdigit() or len(digits) > 15:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size (bytes, or a number with K, M or G)")
    value = int(digits) * factor
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive size")
    return value


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    """`--cache-dir` and `--no-cache`: where the checked standard library is kept between runs (`nova.root_cache`)."""
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="keep the checked standard library in DIR between runs "
                        "(default: $XDG_CACHE_HOME/nova-lsp, the language server's cache folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="check the standard library on this run instead of restoring it from the cache")


def stdlib_root(args: argparse.Namespace) -> tuple[Any, CachedRoot | None]:
    """The standard library's root layer as the cache options ask, and the cached snapshot it came from (a
    `nova.root_cache.CachedRoot`; None with --no-cache). A build runs on `--jobs` processes where the command
    has that option, else on the cores idle now (`nova.stdlib.build_root`, `nova.parallel.spare_jobs`)."""
    from pathlib import Path

    from nova.parallel import spare_jobs

    jobs = getattr(args, "jobs", None) or spare_jobs()
    if args.no_cache:
        from nova.stdlib import load_root

        return load_root(jobs), None
    from nova.root_cache import cached_root

    cached = cached_root(Path(args.cache_dir) if args.cache_dir is not None else None, jobs)
    return cached.layer, cached


def root_is_cached(args: argparse.Namespace) -> bool:
    """Whether `stdlib_root(args)` will restore the root (quick: from the cache or the package) rather than build
    it (seconds)."""
    if args.no_cache:
        return False
    from pathlib import Path

    from nova.root_cache import packaged_path, snapshot_path

    cached = snapshot_path(Path(args.cache_dir) if args.cache_dir is not None else None)
    return cached.is_file() or packaged_path().is_file()
