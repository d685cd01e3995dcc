"""Entry point `nova-lsp`: serve one editor over stdio (default), or run a daemon for many editors at once."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import faulthandler
import gc
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from nova.commands.options import OneLineParser, byte_size, count, seconds
from server import __version__
from server.fork_protocol import DISABLE_ENV
from server.limits import DEFAULT_SERVER_LIMITS, ServerLimits

defaults = DEFAULT_SERVER_LIMITS


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = OneLineParser(
        prog="nova-lsp",
        description="Nova language server. Over stdio it serves the editor that launched it, from a process forked "
        "by this user's fork server (started in the background by the first `nova-lsp`: later starts skip the "
        "imports) or in its own process; with --tcp or --socket it is a daemon serving many editor connections at "
        "once, sharing one index per workspace folder.",
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
    parser.add_argument("--token-file", metavar="PATH", type=Path,
                        help="with --tcp: where to write the token clients must send (default: "
                        "$XDG_RUNTIME_DIR/nova-lsp/tcp-PORT.token)")
    parser.add_argument("--jobs", metavar="N", type=count(1, 1024),
                        help="worker processes a large folder's first index may use (default: the cores; 1: check "
                        "every module in this process)")
    parser.add_argument("--no-fork-server", action="store_true",
                        help="over stdio: serve in this process, neither using nor starting the fork server (also "
                        f"with {DISABLE_ENV}=1)")
    parser.add_argument("--stop-fork-server", action="store_true",
                        help="stop this user's fork server (the servers it started keep serving) and exit")
    parser.add_argument("--version", action="version", version=f"nova-lsp {__version__}")
    bounds = parser.add_argument_group("bounds (what one client may make the server spend)")
    bounds.add_argument("--max-file-size", metavar="BYTES", type=byte_size, default=defaults.max_file_bytes,
                        help="larger documents and files are not parsed or checked (default: 2M)")
    bounds.add_argument("--max-eval-seconds", metavar="S", type=seconds(maximum=3600),
                        default=defaults.max_eval_seconds,
                        help="most time a client may give one evaluation (default: %(default)g)")
    bounds.add_argument("--max-eval-steps", metavar="N", type=count(1, 10**11), default=defaults.max_eval_steps,
                        help="most steps a client may give one evaluation (default: %(default)d)")
    bounds.add_argument("--max-eval-depth", metavar="N", type=count(1, 1_000_000), default=defaults.max_eval_depth,
                        help="most nested calls a client may give one evaluation (default: %(default)d)")
    bounds.add_argument("--max-eval-cells", metavar="N", type=count(1000, 10**10), default=defaults.max_eval_cells,
                        help="largest allocation budget (cells of ~40 bytes) of one evaluation (default: %(default)d)")
    bounds.add_argument("--stall-timeout", metavar="S", type=seconds(maximum=3600),
                        default=defaults.frames.stall_timeout,
                        help="close a connection that leaves a message unfinished this long (default: %(default)g)")
    return parser.parse_args(argv)


def server_limits(args: argparse.Namespace) -> ServerLimits:
    return ServerLimits(
        frames=dataclasses.replace(DEFAULT_SERVER_LIMITS.frames, stall_timeout=args.stall_timeout),
        max_eval_seconds=args.max_eval_seconds,
        max_eval_steps=args.max_eval_steps,
        max_eval_depth=args.max_eval_depth,
        max_eval_cells=args.max_eval_cells,
        max_file_bytes=args.max_file_size,
    )


def setup_logging(log_file: Path | None, level: str) -> None:
    handler: logging.Handler = logging.FileHandler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=getattr(logging, level), handlers=[handler], force=True)
    logging.getLogger("pygls").setLevel(max(logging.WARNING, getattr(logging, level)))
    # `kill -USR1 PID` writes every thread's stack to the log: what a server that seems stuck is doing.
    stream = getattr(handler, "stream", None)
    if hasattr(signal, "SIGUSR1") and stream is not None:
        with contextlib.suppress(ValueError, OSError, AttributeError, RuntimeError):
            faulthandler.register(signal.SIGUSR1, file=stream, all_threads=True)


def main(argv: Sequence[str] | None = None) -> int:
    from server.startup import stamp

    stamp("entry")
    args = parse_args(argv)
    if args.stop_fork_server:
        import os

        from server.launch import stop_fork_server

        return stop_fork_server(os.environ)
    # Checks run on a worker thread; a short switch interval lets the event loop answer hovers between its slices.
    sys.setswitchinterval(0.0002)
    # A check allocates hundreds of thousands of small objects and leaves little cyclic garbage: collecting the
    # young generation every 700 allocations (the default) spends more time walking survivors than freeing.
    gc.set_threshold(50_000, 20, 20)
    from server.collector import hold_during_start, install

    install()
    hold_during_start()
    setup_logging(args.log_file, args.log_level)
    if not args.no_cache:
        # before pygls, lsprotocol and the checker are imported: their generated code comes from the cache
        from nova.root_cache import default_cache_dir
        from server import code_cache

        code_cache.install(args.cache_dir or default_cache_dir())
    elif "server.code_cache" in sys.modules:  # a forked server: the fork server installed it
        from server import code_cache

        code_cache.uninstall()
    from server.auth import AuthSetupError
    from server.daemon import serve_socket, serve_stdio, serve_tcp
    from server.hub import Hub

    stamp("imports")
    try:
        address = parse_address(args.tcp) if args.tcp else None
    except ValueError as error:
        print(f"nova-lsp: {error}", file=sys.stderr)
        return 2
    hub = Hub(cache_dir=args.cache_dir, cache_enabled=not args.no_cache, limits=server_limits(args),
              jobs=args.jobs)
    stamp("hub")
    try:
        if address is not None:
            serve_tcp(hub, *address, args.token_file)
        elif args.socket:
            serve_socket(hub, args.socket)
        else:
            return serve_stdio(hub)
    except AuthSetupError as error:
        print(f"nova-lsp: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        where = args.tcp or args.socket
        print(f"nova-lsp: cannot listen on {where}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def parse_address(text: str) -> tuple[str, int]:
    """`HOST:PORT` (IPv6 in brackets) → a loopback host and a port in 0–65535, or ValueError saying why."""
    host, colon, port = text.rpartition(":")
    host = host.strip("[]")
    if not colon or not host:
        raise ValueError(f"--tcp wants HOST:PORT, not {text!r}")
    if not port.isdigit() or len(port) > 5 or int(port) > 65535:
        raise ValueError(f"--tcp: {port!r} is not a port (0–65535)")
    from server.daemon import check_loopback

    check_loopback(host)
    return host, int(port)


if __name__ == "__main__":
    sys.exit(main())
