"""`nova init`, and `nova check` / `nova eval --workspace` reading projects through their manifests."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nova.cli import main
from nova.manifest import read_manifest

REPO = Path(__file__).resolve().parents[1]


def test_init_writes_a_manifest_and_a_starter_module_that_checks_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my app"
    assert main(["init", str(folder)]) == 0
    manifest = read_manifest(folder)
    assert manifest is not None and manifest.name == "my-app" and manifest.problems == ()
    assert manifest.sources == ("src/**/*.nova",)
    assert (folder / "src" / "Main.nova").is_file()
    assert main(["check", str(folder)]) == 0
    assert main(["eval", "--workspace", str(folder), "--module", "Main", 'greeting "you"']) == 0
    assert '"Hello, you!" :: String' in capsys.readouterr().out
    before = (folder / "nova.toml").read_text()
    assert main(["init", str(folder)]) == 1  # never overwritten
    assert "exists already" in capsys.readouterr().err
    assert (folder / "nova.toml").read_text() == before


def test_init_in_a_folder_of_modules_keeps_them_all(tmp_path: Path) -> None:
    (tmp_path / "A.nova").write_text("module A where\n\na :: Int\na = 1\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "B.nova").write_text("module B where\n\nimport A (a)\n\nb :: Int\nb = a\n")
    assert main(["init", str(tmp_path), "--name", "mods"]) == 0
    manifest = read_manifest(tmp_path)
    assert manifest is not None and manifest.name == "mods" and manifest.sources == ("**/*.nova",)
    assert not (tmp_path / "src").exists()
    assert main(["check", str(tmp_path)]) == 0


def test_check_reports_manifest_problems_with_their_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "nova.toml").write_text('[package]\nname = "p"\nsources = 3\n')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "M.nova").write_text("module M where\n\nm :: Int\nm = 1\n")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'nova.toml'}:3:1: error[ManifestError]: `sources` must be a list" in out


def test_check_a_file_in_its_project_and_a_folder_inside_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", "examples/Main.nova"]) == 0  # its imports resolve in the examples package
    assert capsys.readouterr().out == ""
    assert main(["check", "examples/Report.nova"]) == 1
    assert capsys.readouterr().out.startswith("examples/Report.nova:26:30: error[TypesDoNotUnify]")
    assert main(["check", "--json", "examples"]) == 1
    modules = json.loads(capsys.readouterr().out)["modules"]
    assert sorted(m["module"] for m in modules) == ["Geometry", "Inventory", "Main", "Report"]


def test_eval_workspace_finds_the_project_of_a_subfolder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "nova.toml").write_text('[package]\nname = "p"\n')
    (tmp_path / "src" / "deep").mkdir(parents=True)
    (tmp_path / "src" / "Top.nova").write_text("module Top where\n\nimport Prelude\n\nt :: Int\nt = 41\n")
    (tmp_path / "src" / "deep" / "Low.nova").write_text(
        "module Low where\n\nimport Prelude\nimport Top (t)\n\nl :: Int\nl = t + 1\n")
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path / "src" / "deep")
        assert main(["eval", "--workspace", ".", "--module", "Low", "l"]) == 0
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out.strip() == "42 :: Int"


def test_check_several_files_reports_each_of_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "A.nova").write_text('module A where\n\na :: Int\na = "one"\n')
    (loose / "B.nova").write_text("module B where\n\nb :: String\nb = 2\n")
    (loose / "C.nova").write_text("module C where\n\nc :: Int\nc = 3\n")
    assert main(["check", str(loose / "A.nova"), str(loose / "B.nova"), str(loose / "C.nova")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in out] == ["A.nova", "B.nova"]
    assert all("TypesDoNotUnify" in line for line in out)
    # files of a project that its globs leave out, named together: each checked and reported
    project = tmp_path / "proj"
    (project / "src").mkdir(parents=True)
    (project / "nova.toml").write_text('[package]\nname = "p"\nsources = ["src/**/*.nova"]\n')
    (project / "src" / "Kept.nova").write_text("module Kept where\n\nk :: Int\nk = 1\n")
    (project / "X.nova").write_text('module X where\n\nx :: Int\nx = "x"\n')
    (project / "Y.nova").write_text('module Y where\n\ny :: Int\ny = "y"\n')
    assert main(["check", "--json", str(project / "X.nova"), str(project / "Y.nova")]) == 1
    modules = json.loads(capsys.readouterr().out)["modules"]
    assert sorted((m["module"], [d["code"] for d in m["diagnostics"]]) for m in modules) == [
        ("X", ["TypesDoNotUnify"]),
        ("Y", ["TypesDoNotUnify"]),
    ]
