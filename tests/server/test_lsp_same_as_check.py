"""`nova check` and the language server run one pipeline (nova.workspace): the same folder gives the same
diagnostics, file by file, whichever of them reads it — import cycles, duplicate modules, a manifest with excluded
files and a dependency included."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_harness import (
    REPO,
    capabilities,
    folder,
    record_diagnostics,
    server_env,
    start_stdio,
    stop_stdio,
    wait_for_diagnostics,
)
from lsprotocol import types

CYCLE_AND_TWINS = {
    "A.nova": "module A where\n\nimport Prelude\nimport B (bee)\n\naye :: Int\naye = bee + 1\n",
    "B.nova": "module B where\n\nimport Prelude\nimport A (aye)\n\nbee :: Int\nbee = aye + 1\n",
    "C.nova": "module Twin where\n\nx :: Int\nx = 1\n",
    "D.nova": "module Twin where\n\ny :: Int\ny = 2\n",
    "E.nova": "module E where\n\nimport Prelude\nimport Twin (x)\nimport A (aye)\n\nz :: Int\nz = x + aye\n",
    "F.nova": "module F where\n\nimport Prelude\nimport Missing (m)\n\nw :: String\nw = 1\n",
    "NoHeader.nova": "x = 1\n",
    "Self.nova": "module Self where\n\nimport Self\n\ns :: Int\ns = 1\n",
}

PACKAGE = {
    "nova.toml": '[package]\nname = "app"\nexclude = ["src/Scratch/**"]\n\n[dependencies]\nlib = { path = "../lib" }\n',
    "src/Main.nova": "module Main where\n\nimport Prelude\nimport Lib (double)\nimport Util (twice)\n\n"
                     "main :: Int\nmain = double (twice 2)\n\nbad :: Int\nbad = double \"2\"\n",
    "src/Util.nova": "module Util where\n\nimport Prelude\n\ntwice :: Int -> Int\ntwice n = n * 2\n",
    "src/Scratch/Broken.nova": "module Scratch.Broken where\n\nbroken = (\n",
    "Outside.nova": "module Outside where\n\noops = (\n",
    "../lib/nova.toml": '[package]\nname = "lib"\nsources = ["*.nova"]\n',
    "../lib/Lib.nova": "module Lib where\n\nimport Prelude\n\ndouble :: Int -> Int\ndouble n = n + n\n",
}

Found = dict[str, set[tuple[str, int, int, int, int, str]]]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = (root / name).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def with_examples(tmp: Path) -> Path:
    target = tmp / "examples"
    shutil.copytree(REPO / "examples", target)
    return target


def by_nova_check(project: Path, cache: Path) -> Found:
    run = subprocess.run([sys.executable, "-m", "nova.cli", "check", "--json", str(project)], capture_output=True,
                         text=True, timeout=300, env=server_env(cache), cwd=project.parent)
    assert run.returncode in (0, 1), run.stderr
    found: Found = {}
    for module in json.loads(run.stdout)["modules"]:
        if not module["path"].endswith(".nova"):
            continue
        found[str(Path(module["path"]).resolve())] = {
            (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["line"],
             d["range"]["end"]["character"], d["message"]) for d in module["diagnostics"]}
    return found


async def by_server(project: Path, files: list[str], cache: Path) -> Found:
    """Each file opened alone (its text as on disk), its diagnostics taken, closed again."""
    client = await start_stdio(cache)
    log = record_diagnostics(client)
    found: Found = {}
    try:
        await client.initialize_session(types.InitializeParams(
            capabilities=capabilities(["utf-32"]), workspace_folders=[folder(project)]))
        for version, path in enumerate(files, start=1):
            uri = Path(path).as_uri()
            client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
                uri=uri, language_id="nova", version=version, text=Path(path).read_text(encoding="utf-8"))))
            published = await wait_for_diagnostics(log, uri, lambda p, v=version: p.version == v, timeout=120)
            found[path] = {(str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
                            d.range.end.character, d.message) for d in published.diagnostics}
            client.text_document_did_close(types.DidCloseTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=uri)))
    finally:
        await stop_stdio(client)
    return found


def codes(found: Found, name: str) -> list[str]:
    path = next(p for p in found if p.endswith(name))
    return sorted(code for code, *_ in found[path])


@pytest.mark.asyncio
@pytest.mark.parametrize("case", ["cycle-and-twins", "package", "examples"])
async def test_the_server_reports_what_nova_check_reports(tmp_path: Path, case: str) -> None:
    project = tmp_path / "project"
    if case == "examples":
        project = with_examples(tmp_path)
    else:
        project.mkdir()
        write(project, CYCLE_AND_TWINS if case == "cycle-and-twins" else PACKAGE)
    cli = by_nova_check(project, tmp_path / "cli-cache")
    assert cli, "nova check reported no file"
    server = await by_server(project, sorted(cli), tmp_path / "server-cache")
    assert server == cli
    if case == "cycle-and-twins":
        assert codes(cli, "A.nova") == ["CycleInModules"]  # the cycle, and nothing the check order made up
        assert codes(cli, "B.nova") == ["CycleInModules"]
        assert codes(cli, "C.nova") == codes(cli, "D.nova") == ["DuplicateModule"]
        assert codes(cli, "E.nova") == []  # imports resolve: Twin is C.nova's (the first by path), A is there
        assert "UnknownImport" in codes(cli, "F.nova") and "TypesDoNotUnify" in codes(cli, "F.nova")
        assert codes(cli, "NoHeader.nova") == ["MissingModuleHeader"]
        assert codes(cli, "Self.nova") == ["CycleInModules"]
        twin = next(m for p, found in cli.items() if p.endswith("C.nova") for *_, m in found)
        assert twin == "Module `Twin` is also declared in D.nova."
    elif case == "package":
        assert sorted(Path(p).name for p in cli) == ["Main.nova", "Util.nova"]  # no excluded file, no dependency
        assert codes(cli, "Main.nova") == ["TypesDoNotUnify"]  # Lib, from the dependency, resolves
    else:
        assert codes(cli, "Report.nova") == ["TypesDoNotUnify"]


@pytest.mark.asyncio
async def test_a_warm_start_reports_what_a_cold_start_does(tmp_path: Path) -> None:
    """The second start restores the cache (no module re-checked) and the cycle and twins read the same."""
    project = tmp_path / "project"
    project.mkdir()
    write(project, CYCLE_AND_TWINS)
    files = sorted(str(p.resolve()) for p in project.glob("*.nova"))
    cold = await by_server(project, files, tmp_path / "cache")
    warm = await by_server(project, files, tmp_path / "cache")
    assert warm == cold
    (project / "D.nova").write_text("module Twin2 where\n\ny :: Int\ny = 2\n", encoding="utf-8")
    edited = await by_server(project, files, tmp_path / "cache")
    assert edited == by_nova_check(project, tmp_path / "cli-cache")
    assert not any(code == "DuplicateModule" for found in edited.values() for code, *_ in found)

