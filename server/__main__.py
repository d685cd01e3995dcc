"""Entry point `nova-lsp`: serve one editor over stdio (default), or run a daemon for many editors at once."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from server import __version__


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="nova-lsp",
        description="Nova language server. Over stdio it serves the editor that launched it; with --tcp or --socket "
        "it is a daemon serving many editor connections at once, sharing one index per workspace folder.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (default)")
    mode.add_argument("--tcp", metavar="HOST:PORT", help="daemon on a loopback TCP address, e.g. 127.0.0.1:2087")
    mode.add_argument("--socket", metavar="PATH", type=Path, help="daemon on a unix socket (created with mode 0600)")
    parser.add_argument("--log-file", metavar="PATH", type=Path, help="write the log here instead of stderr")
    parser.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    parser.add_argument("--cache-dir", metavar="DIR", type=Path,
                        help="warm-start cache directory (default: $XDG_CACHE_HOME/nova-lsp)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the warm-start cache")
    parser.add_argument("--version", action="version", version=f"nova-lsp {__version__}")
    return parser.parse_args(argv)


def setup_logging(log_file: Path | None, level: str) -> None:
    handler: logging.Handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=getattr(logging, level), handlers=[handler], force=True)
    logging.getLogger("pygls").setLevel(max(logging.WARNING, getattr(logging, level)))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Checks run on a worker thread; a short switch interval lets the event loop answer hovers between its slices.
    sys.setswitchinterval(0.0002)
    # A check allocates hundreds of thousands of small objects and leaves little cyclic garbage: collecting the
    # young generation every 700 allocations (the default) spends more time walking survivors than freeing.
    gc.set_threshold(50_000, 20, 20)
    setup_logging(args.log_file, args.log_level)
    from server.daemon import check_loopback, serve_socket, serve_stdio, serve_tcp
    from server.hub import Hub

    hub = Hub(cache_dir=args.cache_dir, cache_enabled=not args.no_cache)
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        host = host.strip("[]")
        try:
            check_loopback(host)
            port_number = int(port)
        except ValueError as error:
            print(f"nova-lsp: {error}", file=sys.stderr)
            return 2
        try:
            serve_tcp(hub, host, port_number)
        except OSError as error:
            print(f"nova-lsp: cannot listen on {args.tcp}: {error}", file=sys.stderr)
            return 2
    elif args.socket:
        try:
            serve_socket(hub, args.socket)
        except OSError as error:
            print(f"nova-lsp: {error}", file=sys.stderr)
            return 2
    else:
        serve_stdio(hub)
    return 0


if __name__ == "__main__":
    sys.exit(main())
