"""`nova init [DIR] [--name NAME]`: make a folder a Nova project by writing its `nova.toml`.

The manifest names the package (default: the folder's name) and its sources: `src/**/*.nova` when the folder has
no `.nova` file outside `src/` yet, else every `.nova` file, so an existing folder of modules stays one project.
A folder without any source also gets `src/Main.nova`, a module to start from. An existing `nova.toml` is never
overwritten (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nova.manifest import DEFAULT_SOURCES, MANIFEST_NAME, default_name, manifest_text, parse_manifest

STARTER = '''module Main where

import Prelude

import Effect (Effect)
import Effect.Console (log)

-- > greeting "Nova"
greeting :: String -> String
greeting name = "Hello, " <> name <> "!"

main :: Effect Unit
main = log (greeting "Nova")
'''


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", default=".", metavar="DIR", help="the project's folder (default: .)")
    parser.add_argument("--name", help="the package's name (default: the folder's name)")


def run(args: argparse.Namespace) -> int:
    from nova.project import discover

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        print(f"nova init: {folder} is not a folder", file=sys.stderr)
        return 2
    manifest = folder / MANIFEST_NAME
    if manifest.exists():
        print(f"nova init: {manifest} exists already; nothing written", file=sys.stderr)
        return 1
    name = args.name or default_name(folder.resolve())
    text = manifest_text(name)
    problems = [p for p in parse_manifest(text, folder).problems]
    if problems:  # only a bad --name can make the template invalid
        print(f"nova init: {problems[0].message}", file=sys.stderr)
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    existing = [ref.path for ref in discover(folder).own_files]
    outside_src = [p for p in existing if not p.relative_to(folder).as_posix().startswith("src/")]
    sources = ["**/*.nova"] if outside_src else list(DEFAULT_SOURCES)
    manifest.write_text(manifest_text(name, sources), encoding="utf-8")
    print(f"wrote {manifest} (package {name!r}, sources {', '.join(sources)})")
    if not existing:
        starter = folder / "src" / "Main.nova"
        starter.parent.mkdir(parents=True, exist_ok=True)
        starter.write_text(STARTER, encoding="utf-8")
        print(f"wrote {starter}")
    print(f"check it with: nova check {folder}")
    return 0
