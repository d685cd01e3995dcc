"""The project model: which `.nova` files make up the project rooted at a folder.

- A folder with a `nova.toml` is a package: its sources are the files its globs match (default `src/**/*.nova`)
  minus its `exclude` globs, and the sources of the packages it depends on join as read-only files.
- A folder without one: every `.nova` file under it.
- Either way, these folders are never entered: hidden ones (`.git`, `.venv`, …), `node_modules`-like ones, Python
  virtual environments, and any folder below the root that has its own `nova.toml` (that is another package,
  opened on its own).

`project_root(path)` says which project a file or folder belongs to: the nearest folder upwards with a
`nova.toml`, as an editor's root marker finds it. Everything here is plain data and file-system reads; nothing is
parsed or checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wcmatch import glob

from nova.diagnostics import Severity
from nova.manifest import MANIFEST_NAME, Manifest, ManifestProblem, find_manifest_folder, has_manifest, read_manifest

SOURCE_SUFFIX = ".nova"
SKIPPED_FOLDERS = frozenset({"node_modules", "bower_components", "__pycache__", "build", "dist"})
"""Folder names never searched for sources (besides hidden folders and Python virtual environments)."""

_GLOB_FLAGS = glob.GLOBSTAR


@dataclass(frozen=True, slots=True)
class SourceRef:
    path: Path
    package: str | None
    """The name of the package the file belongs to (None: a folder without a manifest)."""
    read_only: bool = False
    """A dependency's file: checked so that imports resolve, reported and edited in its own project."""


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    manifest: Manifest | None
    files: tuple[SourceRef, ...]
    """The project's own files (sorted by path), then its dependencies' (read-only)."""
    problems: tuple[ManifestProblem, ...] = ()
    """Problems of the manifests read (the project's and its dependencies')."""
    nested: tuple[Path, ...] = ()
    """Folders below the root with their own `nova.toml`: separate projects, not part of this one."""

    @property
    def name(self) -> str:
        return self.manifest.name if self.manifest is not None else self.root.name

    @property
    def own_files(self) -> tuple[SourceRef, ...]:
        return tuple(ref for ref in self.files if not ref.read_only)

    def includes(self, path: Path) -> bool:
        """Whether `path` is one of the project's own sources as the manifest describes them (the file need not
        exist yet: a file created in the editor joins the project when it matches)."""
        try:
            relative = path.relative_to(self.root)
        except ValueError:
            return False
        if path.suffix != SOURCE_SUFFIX or any(_skipped_name(part) for part in relative.parts[:-1]):
            return False
        folder = path.parent
        while folder != self.root:
            if has_manifest(folder):
                return False
            folder = folder.parent
        return self.manifest is None or _matches(self.manifest, relative.as_posix())


def project_root(path: Path) -> Path | None:
    """The folder of the nearest `nova.toml` at or above `path` (a file or a folder); None when there is none."""
    return find_manifest_folder(path)


def innermost_folder(path: Path, folders: Iterable[Path]) -> Path | None:
    """Among `folders`, the deepest one holding `path` (the folder a file belongs to when folders nest)."""
    best: Path | None = None
    for folder in folders:
        if path.is_relative_to(folder) and (best is None or len(folder.parts) > len(best.parts)):
            best = folder
    return best


def discover(root: Path) -> Project:
    """The project rooted at `root` (see the module's docstring): its files, its dependencies' files, the
    problems of its manifests and the nested packages left out. Paths keep the form of `root` (relative stays
    relative, as a command line prints them)."""
    manifest = read_manifest(root)
    files, nested = _own_files(root, manifest)
    problems: list[ManifestProblem] = list(manifest.problems) if manifest is not None else []
    refs = [SourceRef(p, manifest.name if manifest else None) for p in files]
    if manifest is not None:
        refs.extend(_dependency_files(manifest, problems))
    return Project(root, manifest, tuple(refs), tuple(problems), tuple(nested))


def discover_all(root: Path) -> list[Project]:
    """The project at `root` and every package nested below it (each on its own), outermost first."""
    found: list[Project] = []
    pending = [root]
    while pending:
        project = discover(pending.pop(0))
        found.append(project)
        pending.extend(project.nested)
    return found


def _skipped_name(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def _skipped_folder(folder: Path, name: str) -> bool:
    return _skipped_name(name) or (folder / name / "pyvenv.cfg").is_file()


def _matches(manifest: Manifest, relative: str) -> bool:
    return bool(glob.globmatch(relative, list(manifest.sources), flags=_GLOB_FLAGS)) and not (
        manifest.exclude and glob.globmatch(relative, list(manifest.exclude), flags=_GLOB_FLAGS)
    )


def _own_files(root: Path, manifest: Manifest | None) -> tuple[list[Path], list[Path]]:
    """The sources under `root` (sorted) and the nested package folders that were left out."""
    files: list[Path] = []
    nested: list[Path] = []
    if not root.is_dir():
        return ([root] if root.suffix == SOURCE_SUFFIX and root.is_file() else []), nested
    for folder, subfolders, names in os.walk(root, onerror=None):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            if _skipped_folder(here, name):
                continue
            if (here / name / MANIFEST_NAME).is_file():
                nested.append(here / name)
                continue
            kept.append(name)
        subfolders[:] = kept
        for name in names:
            if not name.endswith(SOURCE_SUFFIX):
                continue
            path = here / name
            if manifest is not None and not _matches(manifest, path.relative_to(root).as_posix()):
                continue
            if path.is_file():
                files.append(path)
    return sorted(files), sorted(nested)


def _dependency_files(manifest: Manifest, problems: list[ManifestProblem]) -> list[SourceRef]:
    """The sources of the packages `manifest` depends on, transitively (each package once, cycles allowed)."""
    seen = {manifest.folder.resolve()}
    refs: list[SourceRef] = []
    pending = [(manifest, dependency) for dependency in manifest.dependencies]
    while pending:
        owner, dependency = pending.pop(0)
        folder = dependency.folder
        if folder in seen:
            continue
        seen.add(folder)
        if not folder.is_dir():
            problems.append(ManifestProblem(owner.path, dependency.span,
                                            f"dependency `{dependency.name}`: no folder {folder}"))
            continue
        other = read_manifest(folder)
        if other is None:
            problems.append(ManifestProblem(owner.path, dependency.span,
                                            f"dependency `{dependency.name}`: {folder} has no {MANIFEST_NAME}"))
            continue
        problems.extend(other.problems)
        if other.name != dependency.name:
            problems.append(ManifestProblem(
                owner.path, dependency.span,
                f"dependency `{dependency.name}` is the package `{other.name}` (named so in {other.path})",
                Severity.WARNING))
        files, _ = _own_files(folder, other)
        refs.extend(SourceRef(p, other.name, read_only=True) for p in files)
        pending.extend((other, d) for d in other.dependencies)
    return refs


@dataclass(frozen=True, slots=True)
class Selection:
    """A project to check and which of its files to report (None: all its own files)."""

    project: Project
    reported: frozenset[Path] | None


def select(paths: Iterable[Path]) -> list[Selection]:
    """What `nova check PATH…` checks: each folder's project (the nearest `nova.toml` at or above it, else the
    folder) with the packages nested in the folder, reporting the files under the folder; each file within its
    project (a file of no project: alone), reporting that file. A file named explicitly is checked even when its
    project's globs leave it out, as an editor checks any file it opens."""
    by_root: dict[Path, tuple[Project, set[Path] | None]] = {}

    def want(project: Project, files: Iterable[Path] | None) -> None:
        known = by_root.get(project.root)
        if known is None:
            by_root[project.root] = (project, None if files is None else set(files))
            return
        current = known[1]
        if current is not None:
            by_root[project.root] = (known[0], None if files is None else current | set(files))

    def with_file(project: Project, path: Path, package: str | None) -> Project:
        """`project` as selected so far (files named before this one kept) with the named file added (a file of
        the package that its globs leave out goes first, files of no project in the order named)."""
        known = by_root.get(project.root)
        base = known[0] if known is not None else project
        if any(ref.path.resolve() == path.resolve() for ref in base.files):
            return base
        ref = SourceRef(path, package)
        files = (*base.files, ref) if package is None else (ref, *base.files)
        grown = Project(base.root, base.manifest, files, base.problems, base.nested)
        if known is not None:
            by_root[project.root] = (grown, known[1])
        return grown

    for path in paths:
        if path.is_dir():
            root = project_root(path)
            if root is None or root.resolve() == path.resolve():
                for project in discover_all(path):
                    want(project, None)
                continue
            outer = discover(_relative_like(root, path))
            want(outer, [r.path for r in outer.own_files if r.path.is_relative_to(path)])
            for nested in outer.nested:
                if nested.is_relative_to(path):
                    for project in discover_all(nested):
                        want(project, None)
            continue
        root = project_root(path)
        if root is None:  # (files of no project in one folder: checked together, each reported)
            want(with_file(Project(path.parent, None, ()), path, None), [path])
            continue
        project = discover(_relative_like(root, path))
        if all(ref.path.resolve() != path.resolve() for ref in project.files):
            project = with_file(project, path, project.name)
        want(project, [path])
    selections = []
    for project, reported in by_root.values():
        if reported is not None:
            reported = {next((r.path for r in project.files if r.path.resolve() == p.resolve()), p) for p in reported}
        selections.append(Selection(project, None if reported is None else frozenset(reported)))
    return selections


def _relative_like(root: Path, inside: Path) -> Path:
    """`root` (an absolute folder found above `inside`) written relative when `inside` was written relative."""
    if inside.is_absolute():
        return root
    try:
        return Path(os.path.relpath(root))
    except ValueError:
        return root
