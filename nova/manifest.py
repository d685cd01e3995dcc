"""`nova.toml`, the project manifest: which files of a folder are the package's sources, and which other local
packages it depends on.

```toml
[package]
name = "shapes"
sources = ["src/**/*.nova"]      # the default; globs relative to this file's folder (`**` spans folders)
exclude = ["src/Scratch/**"]     # taken out of `sources`

[dependencies]
geometry = { path = "../geometry" }   # another folder with a nova.toml; its sources join as read-only modules
```

Reading never raises on a bad manifest: each problem (invalid TOML, a wrong type, an unknown key) comes back as a
`ManifestProblem` with its place in the file, and the fields that could not be read keep their defaults, so a
typo in `nova.toml` gives a diagnostic instead of a project without sources.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nova.diagnostics import Diagnostic, Severity, Span

MANIFEST_NAME = "nova.toml"
DEFAULT_SOURCES = ("src/**/*.nova",)
MANIFEST_CODE = "ManifestError"

_PACKAGE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_TOML_POSITION = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)")
_PACKAGE_KEYS = ("name", "sources", "exclude")


@dataclass(frozen=True, slots=True)
class Dependency:
    name: str
    folder: Path
    """The dependency's folder, absolute (written relative to the manifest that names it)."""
    span: Span
    """Where the manifest names it (for problems found when its folder is read)."""


@dataclass(frozen=True, slots=True)
class ManifestProblem:
    path: Path
    span: Span
    message: str
    severity: Severity = Severity.ERROR

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.span, self.severity, MANIFEST_CODE, self.message)

    def __str__(self) -> str:
        kind = "error" if self.severity == Severity.ERROR else "warning"
        return f"{self.path}:{self.span.start_line + 1}:{self.span.start_col + 1}: {kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class Manifest:
    folder: Path
    name: str
    sources: tuple[str, ...] = DEFAULT_SOURCES
    exclude: tuple[str, ...] = ()
    dependencies: tuple[Dependency, ...] = ()
    problems: tuple[ManifestProblem, ...] = field(default=(), compare=False)

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST_NAME


def has_manifest(folder: Path) -> bool:
    try:
        return (folder / MANIFEST_NAME).is_file()
    except OSError:
        return False


def find_manifest_folder(start: Path) -> Path | None:
    """The nearest folder holding a `nova.toml`: `start` itself (a folder) or its parent (a file), then upwards."""
    folder = (start if start.is_dir() else start.parent).resolve()
    for candidate in (folder, *folder.parents):
        if has_manifest(candidate):
            return candidate
    return None


def default_name(folder: Path) -> str:
    """A package name made from a folder's name (`my project` → `my-project`)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", folder.name).strip("-.")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"nova-{cleaned}" if cleaned else "nova-package"
    return cleaned


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of `folder`, or None when it has no `nova.toml`. Problems are in `Manifest.problems`."""
    path = folder / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        problem = ManifestProblem(path, Span(0, 0, 0, 0), f"cannot read {MANIFEST_NAME}: {error.strerror or error}")
        return Manifest(folder, default_name(folder), problems=(problem,))
    return parse_manifest(data.decode("utf-8", errors="replace"), folder)


def parse_manifest(text: str, folder: Path) -> Manifest:
    """`text` read as the manifest of `folder`; never raises (see the module's docstring)."""
    reader = _Reader(text, folder / MANIFEST_NAME)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        reader.problem(_decode_error_span(str(error), text), f"{MANIFEST_NAME} is not valid TOML: "
                       f"{_without_position(error)}")
        return Manifest(folder, default_name(folder), problems=tuple(reader.problems))
    return reader.read(table, folder)


class _Reader:
    def __init__(self, text: str, path: Path) -> None:
        self.lines = text.splitlines()
        self.path = path
        self.problems: list[ManifestProblem] = []

    def problem(self, span: Span, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(ManifestProblem(self.path, span, message, severity))

    def key_span(self, key: str, table: str | None = None) -> Span:
        """Where `key = …` is written (inside `[table]` when given); the file's start when it cannot be found.
        tomllib keeps no positions, and a problem without a place is hard to fix."""
        in_table = table is None
        pattern = re.compile(rf"^\s*(\"?{re.escape(key)}\"?)\s*=")
        for number, line in enumerate(self.lines):
            stripped = line.strip()
            if stripped.startswith("[") and table is not None:
                in_table = stripped.strip("[] ") == table
                if stripped.strip("[] ") == f"{table}.{key}":
                    column = line.index(key)
                    return Span(number, column, number, column + len(key))
                continue
            match = pattern.match(line)
            if in_table and match is not None:
                return Span(number, match.start(1), number, match.end(1))
        if table is not None:
            for number, line in enumerate(self.lines):
                if line.strip().strip("[] ") == table:
                    return Span(number, 0, number, len(line))
        return Span(0, 0, 0, 0)

    def read(self, table: dict[str, Any], folder: Path) -> Manifest:
        for key in table:
            if key not in ("package", "dependencies"):
                self.problem(self.key_span(key), f"unknown table `{key}` (a manifest has [package] and "
                             "[dependencies])", Severity.WARNING)
        package = table.get("package")
        name = default_name(folder)
        sources: tuple[str, ...] = DEFAULT_SOURCES
        exclude: tuple[str, ...] = ()
        if package is None:
            self.problem(Span(0, 0, 0, 0), f"{MANIFEST_NAME} has no [package] table; its name is taken to be "
                         f"{name!r}", Severity.WARNING)
            package = {}
        elif not isinstance(package, dict):
            self.problem(self.key_span("package"), "`package` must be a table: [package]")
            package = {}
        for key in package:
            if key not in _PACKAGE_KEYS:
                self.problem(self.key_span(key, "package"), f"unknown key `{key}` in [package] (known: "
                             f"{', '.join(_PACKAGE_KEYS)})", Severity.WARNING)
        if "name" in package:
            raw = package["name"]
            if isinstance(raw, str) and _PACKAGE_NAME.fullmatch(raw):
                name = raw
            else:
                self.problem(self.key_span("name", "package"), "`name` must be a string of letters, digits, "
                             f"'-', '_' or '.', starting with a letter (got {raw!r}); using {name!r}")
        if "sources" in package:
            sources = self.globs(package["sources"], "sources", DEFAULT_SOURCES)
        if "exclude" in package:
            exclude = self.globs(package["exclude"], "exclude", ())
        dependencies = self.dependencies(table.get("dependencies", {}), folder)
        return Manifest(folder, name, sources, exclude, dependencies, tuple(self.problems))

    def globs(self, raw: Any, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        span = self.key_span(key, "package")
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            self.problem(span, f"`{key}` must be a list of glob strings, e.g. [\"src/**/*.nova\"]")
            return default
        kept: list[str] = []
        for pattern in raw:
            normalized = pattern.replace("\\", "/").removeprefix("./")
            if not normalized:
                self.problem(span, f"an empty pattern in `{key}`")
            elif normalized.startswith("/") or re.match(r"^[A-Za-z]:", normalized):
                self.problem(span, f"`{pattern}` in `{key}` must be relative to the folder of {MANIFEST_NAME}")
            elif ".." in normalized.split("/"):
                self.problem(span, f"`{pattern}` in `{key}` leaves the package's folder; name another package "
                             "under [dependencies] instead")
            else:
                kept.append(normalized)
        if not kept and raw:  # nothing usable: the default, rather than a project without sources
            return default
        return tuple(kept)

    def dependencies(self, raw: Any, folder: Path) -> tuple[Dependency, ...]:
        if not isinstance(raw, dict):
            self.problem(self.key_span("dependencies"), "`dependencies` must be a table: [dependencies]")
            return ()
        found: list[Dependency] = []
        for name, spec in raw.items():
            span = self.key_span(name, "dependencies")
            where = spec.get("path") if isinstance(spec, dict) else spec
            if isinstance(spec, dict):
                for key in spec:
                    if key != "path":
                        self.problem(span, f"unknown key `{key}` in dependency `{name}` (known: path)",
                                     Severity.WARNING)
            if not isinstance(where, str) or not where:
                self.problem(span, f"dependency `{name}` needs a folder: {name} = {{ path = \"../{name}\" }}")
                continue
            found.append(Dependency(name, (folder / where).resolve(), span))
        return tuple(found)


def _decode_error_span(message: str, text: str) -> Span:
    match = _TOML_POSITION.search(message)
    if match is None:
        return Span(0, 0, 0, 0)
    if match.group(1) is None:  # at the end of the document
        lines = text.split("\n")
        return Span(len(lines) - 1, len(lines[-1]), len(lines) - 1, len(lines[-1]))
    line, column = int(match.group(1)) - 1, int(match.group(2)) - 1
    return Span(line, column, line, column + 1)


def _without_position(error: Exception) -> str:
    return _TOML_POSITION.sub("", str(error)).strip()


def manifest_text(name: str, sources: Sequence[str] = DEFAULT_SOURCES) -> str:
    """The text `nova init` writes: the package's name, its sources, and the other keys commented out."""
    listed = ", ".join(f'"{s}"' for s in sources)
    return (
        "# The Nova project manifest (read by `nova check`, `nova eval --workspace` and the language server).\n"
        "[package]\n"
        f'name = "{name}"\n'
        f"sources = [{listed}]\n"
        '# exclude = ["src/Scratch/**"]\n'
        "\n"
        "[dependencies]\n"
        '# other = { path = "../other" }   # another folder with a nova.toml\n'
    )
