"""The project model: reading `nova.toml` (problems with their places, defaults kept), discovering a project's
files (globs, excludes, skipped and nested folders, dependencies), and which project a path belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from nova.diagnostics import Severity
from nova.manifest import DEFAULT_SOURCES, manifest_text, parse_manifest, read_manifest
from nova.project import discover, discover_all, innermost_folder, project_root, select

REPO = Path(__file__).resolve().parents[2]


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"-- {name}\n", encoding="utf-8")


def names(root: Path, paths: object) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in paths)  # type: ignore[attr-defined]


def test_a_full_manifest_is_read(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    manifest = parse_manifest(
        '[package]\nname = "shapes"\nsources = ["src/**/*.nova", "extra/*.nova"]\nexclude = ["src/Old/**"]\n\n'
        '[dependencies]\nlib = { path = "lib" }\nother = "../other"\n', tmp_path)
    assert manifest.problems == ()
    assert (manifest.name, manifest.sources, manifest.exclude) == (
        "shapes", ("src/**/*.nova", "extra/*.nova"), ("src/Old/**",))
    assert [(d.name, d.folder) for d in manifest.dependencies] == [
        ("lib", (tmp_path / "lib").resolve()), ("other", (tmp_path.parent / "other").resolve())]


def test_the_template_nova_init_writes_reads_back_without_problems(tmp_path: Path) -> None:
    manifest = parse_manifest(manifest_text("my-app"), tmp_path)
    assert manifest.problems == () and manifest.name == "my-app" and manifest.sources == DEFAULT_SOURCES


@pytest.mark.parametrize(("text", "line", "fragment", "severity"), [
    ('[package]\nname = "x"\nsources = [1, 2]\n', 2, "list of glob strings", Severity.ERROR),
    ('[package]\nname = "a b"\n', 1, "`name` must be", Severity.ERROR),
    ('[package]\nname = "x"\nsource = ["*.nova"]\n', 2, "unknown key `source`", Severity.WARNING),
    ('[package]\nname = "x"\nsources = ["../up/*.nova"]\n', 2, "leaves the package", Severity.ERROR),
    ('[package]\nname = "x"\nsources = ["/abs/*.nova"]\n', 2, "must be relative", Severity.ERROR),
    ('[package]\nname = "x"\n\n[dependencies]\nlib = { version = "1" }\n', 4, "needs a folder", Severity.ERROR),
    ('[package]\nname = "x"\nsources = [\n', 3, "not valid TOML", Severity.ERROR),
    ('name = "x"\n', 0, "unknown table `name`", Severity.WARNING),
])
def test_problems_are_placed_and_defaults_kept(
    tmp_path: Path, text: str, line: int, fragment: str, severity: Severity
) -> None:
    manifest = parse_manifest(text, tmp_path)
    problem = next(p for p in manifest.problems if fragment in p.message)
    assert problem.span.start_line == line and problem.severity == severity, problem
    assert problem.diagnostic().code == "ManifestError"
    assert manifest.sources  # a broken field falls back to its default: the project keeps sources


def test_a_missing_manifest_is_none_and_an_unreadable_one_a_problem(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) is None
    (tmp_path / "nova.toml").mkdir()  # a folder where the file should be
    manifest = read_manifest(tmp_path)
    assert manifest is not None and "cannot read" in manifest.problems[0].message


def test_without_a_manifest_every_nova_file_minus_hidden_tooling_and_nested_packages(tmp_path: Path) -> None:
    touch(tmp_path, "A.nova", "src/B.nova", "deep/er/C.nova", ".hidden/D.nova", "node_modules/x/E.nova",
          "bower_components/F.nova", "venv/lib/G.nova", "notes.txt", "nested/H.nova", "nested/sub/I.nova")
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "nested" / "nova.toml").write_text('[package]\nname = "nested"\nsources = ["**/*.nova"]\n')
    project = discover(tmp_path)
    assert names(tmp_path, (r.path for r in project.files)) == ["A.nova", "deep/er/C.nova", "src/B.nova"]
    assert project.manifest is None and project.nested == (tmp_path / "nested",)
    every = discover_all(tmp_path)
    assert [p.root for p in every] == [tmp_path, tmp_path / "nested"]
    assert names(tmp_path, (r.path for r in every[1].files)) == ["nested/H.nova", "nested/sub/I.nova"]


def test_globs_and_excludes_choose_the_sources(tmp_path: Path) -> None:
    touch(tmp_path, "src/A.nova", "src/Old/B.nova", "src/x/C.nova", "test/T.nova", "Top.nova")
    (tmp_path / "nova.toml").write_text('[package]\nname = "p"\nexclude = ["src/Old/**"]\n')
    project = discover(tmp_path)
    assert names(tmp_path, (r.path for r in project.files)) == ["src/A.nova", "src/x/C.nova"]
    assert project.includes(tmp_path / "src" / "New.nova")  # a file not yet on disk, matching the globs
    assert not project.includes(tmp_path / "src" / "Old" / "New.nova")
    assert not project.includes(tmp_path / "Top.nova")


def test_dependencies_join_read_only_transitively_and_cycles_end(tmp_path: Path) -> None:
    app, lib, base = tmp_path / "app", tmp_path / "lib", tmp_path / "base"
    touch(app, "src/Main.nova")
    touch(lib, "src/Lib.nova")
    touch(base, "src/Base.nova")
    (app / "nova.toml").write_text('[package]\nname = "app"\n[dependencies]\nlib = { path = "../lib" }\n')
    (lib / "nova.toml").write_text('[package]\nname = "lib"\n[dependencies]\nbase = { path = "../base" }\n')
    (base / "nova.toml").write_text('[package]\nname = "base"\n[dependencies]\napp = { path = "../app" }\n')
    project = discover(app)
    assert [(r.path.name, r.package, r.read_only) for r in project.files] == [
        ("Main.nova", "app", False), ("Lib.nova", "lib", True), ("Base.nova", "base", True)]
    assert project.problems == ()
    assert [r.path.name for r in project.own_files] == ["Main.nova"]


def test_a_missing_or_misnamed_dependency_is_a_problem_on_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "nova.toml").write_text('[package]\nname = "real"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "nova.toml").write_text(
        '[package]\nname = "app"\n\n[dependencies]\ngone = { path = "../gone" }\nnick = { path = "../other" }\n')
    problems = discover(tmp_path / "app").problems
    gone = next(p for p in problems if "gone" in p.message)
    nick = next(p for p in problems if "nick" in p.message)
    assert gone.severity == Severity.ERROR and gone.span.start_line == 4 and "no folder" in gone.message
    assert nick.severity == Severity.WARNING and "`real`" in nick.message


def test_project_root_is_the_nearest_manifest_above(tmp_path: Path) -> None:
    touch(tmp_path, "pkg/src/deep/A.nova", "loose/B.nova")
    (tmp_path / "pkg" / "nova.toml").write_text('[package]\nname = "pkg"\n')
    assert project_root(tmp_path / "pkg" / "src" / "deep" / "A.nova") == (tmp_path / "pkg").resolve()
    assert project_root(tmp_path / "pkg") == (tmp_path / "pkg").resolve()
    assert project_root(tmp_path / "loose" / "B.nova") is None
    folders = [tmp_path, tmp_path / "pkg", tmp_path / "pkg" / "src"]
    assert innermost_folder(tmp_path / "pkg" / "src" / "deep" / "A.nova", folders) == tmp_path / "pkg" / "src"
    assert innermost_folder(Path("/elsewhere/X.nova"), folders) is None


def test_select_checks_files_in_their_project_and_folders_with_their_nested_packages(tmp_path: Path) -> None:
    touch(tmp_path, "pkg/src/A.nova", "pkg/src/sub/B.nova", "pkg/Excluded.nova", "pkg/inner/src/C.nova")
    (tmp_path / "pkg" / "nova.toml").write_text('[package]\nname = "pkg"\n')
    (tmp_path / "pkg" / "inner" / "nova.toml").write_text('[package]\nname = "inner"\n')
    (single,) = select([tmp_path / "pkg" / "src" / "sub"])  # a folder inside a project: that project, its files
    assert single.project.root == (tmp_path / "pkg").resolve()
    assert names(tmp_path.resolve(), single.reported or ()) == ["pkg/src/sub/B.nova"]
    outer, inner = select([tmp_path / "pkg"])  # the project folder: the project and the package nested in it
    assert (outer.reported, inner.reported) == (None, None)
    assert inner.project.name == "inner"
    (named,) = select([tmp_path / "pkg" / "Excluded.nova"])  # named explicitly: checked though excluded
    assert next(r.path.name for r in named.project.files) == "Excluded.nova"


def test_every_folder_of_this_repository_is_one_project_without_duplicate_modules() -> None:
    """Opening any folder of the repository gives projects whose modules are unique (the corpora and fixtures
    are packages of their own; the editors' grammar samples belong to none)."""
    from nova.syntax.header import parse_header

    for project in discover_all(REPO):
        modules = [parse_header(r.path.read_text(encoding="utf-8")).name for r in project.own_files]
        named = [m for m in modules if m is not None]
        assert len(named) == len(set(named)) or project.root.name == "errors", project.root
        assert project.problems == (), project.problems
    grammar = REPO / "editors" / "vscode" / "test" / "grammar"
    assert all(r.path.parent != grammar for p in discover_all(REPO) for r in p.files)
