"""Build of the checker's hot modules as C extensions with mypyc, when that can be done; pure Python otherwise.

Parsing and checking spend their time in `nova/syntax`, `nova/types` and `nova/check`; compiled by mypyc (the packages
are `mypy --strict` clean) they run about 1.6 times faster. Everything else (`pyproject.toml` holds the metadata)
stays Python. The build never fails for want of a compiler: without mypy, without a C compiler or Python's headers,
on a mypyc error, or with `NOVA_PURE_PYTHON=1` in the environment, it installs the pure-Python package, which
behaves identically. A successful build records the compiled sources' hashes (`nova/compiled.py` reads them and
falls back to the sources when one was edited after the build).

Last, the build checks the standard library once into the root the package ships (`build_root`, see
`nova/root_cache.py`), so that no user's first run pays for it; without it (any failure), that run builds it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ClassVar

from setuptools import Command, Extension, setup
from setuptools.command.build import build
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _load_compiled() -> Any:
    """`nova/compiled.py` on its own (the `nova` package imports what the build does not have)."""
    spec = importlib.util.spec_from_file_location("nova_compiled_setup", HERE / "nova" / "compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compiled = _load_compiled()


def mypyc_extensions() -> list[Extension]:
    """The mypyc extensions (mypyc checks and translates the modules here), or none when mypyc is not installed or
    fails: the package is then pure Python."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        warnings.warn("mypyc is not installed: nova installs as pure Python", stacklevel=1)
        return []
    paths = [str(Path(*name.split(".")).with_suffix(".py")) for name in compiled.compiled_modules(HERE)]
    # the project's mypy settings apply, but its list of files to check is not this build's
    options = ["--no-warn-unused-configs", *paths]
    try:
        built: list[Extension] = mypycify(
            options, opt_level="3", debug_level="0", multi_file=True, group_name=compiled.GROUP
        )
    except (Exception, SystemExit) as error:  # mypyc reports its errors and exits
        warnings.warn(f"mypyc could not compile nova ({error!r}): nova installs as pure Python", stacklevel=1)
        return []
    return built


class OptionalBuildExt(build_ext):
    """`build_ext` that runs mypyc only when extensions are really built (not for the package's metadata), compiles
    the C files of an extension in parallel and, when anything fails, removes what it built and leaves the package
    pure Python (the record of compiled sources, taken before mypyc reads them, is written only after every extension
    was built)."""

    source_record: dict[str, object] | None = None

    def finalize_options(self) -> None:
        if self.distribution.ext_modules is PLACEHOLDER:
            # recorded before mypyc reads the sources: one edited while it compiles then no longer matches the
            # record, and the sources run instead of extensions built from the text before the edit
            self.source_record = compiled.source_record(HERE)
            self.distribution.ext_modules = mypyc_extensions()
        super().finalize_options()

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as error:  # no compiler, no Python headers, a compile error: pure Python
            warnings.warn(f"compiling nova failed ({error!r}): nova installs as pure Python", stacklevel=1)
            self._remove_outputs()
            return
        self._write_manifest()

    def build_extension(self, ext: Extension) -> None:
        compile_one = self.compiler.compile

        def compile_parallel(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
            jobs = max(1, min(len(sources), os.cpu_count() or 1))
            with ThreadPoolExecutor(jobs) as pool:
                parts = pool.map(lambda source: compile_one([source], *args, **kwargs), sources)
                return [obj for part in parts for obj in part]

        self.compiler.compile = compile_parallel
        try:
            super().build_extension(ext)
        finally:
            self.compiler.compile = compile_one

    def _targets(self) -> list[Path]:
        """Where the built files end up: the build folder, and the source tree too for an in-place (editable) build."""
        roots = [Path(self.build_lib)]
        if self.inplace or getattr(self, "editable_mode", False):
            roots.append(HERE)
        return roots

    def _remove_outputs(self) -> None:
        for root in self._targets():
            for ext in self.extensions:
                (root / self.get_ext_filename(ext.name)).unlink(missing_ok=True)
            (root / compiled.MANIFEST).unlink(missing_ok=True)

    def _write_manifest(self) -> None:
        record = json.dumps(self.source_record or compiled.source_record(HERE), indent=1, sort_keys=True)
        for root in self._targets():
            target = root / compiled.MANIFEST
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record + "\n", encoding="utf-8")


PREBUILD_SECONDS = 900
"""The longest the build waits for the standard library's check (minutes on the slowest machines)."""


class BuildRoot(Command):
    """Check the standard library into the root the package ships (`nova.root_cache.write_packaged`), after
    `build_ext`: in a fresh interpreter running the built package (the source tree for an editable install), so
    that the compiled checker does it when there is one. Never fails the build: a warning, and no packaged root."""

    description = "check the standard library into the package's prebuilt root"
    user_options: ClassVar = [("build-lib=", "d", "the built package's folder (the build's)")]
    editable_mode = False

    def initialize_options(self) -> None:
        self.build_lib: str | None = None

    def finalize_options(self) -> None:
        self.set_undefined_options("build", ("build_lib", "build_lib"))

    def run(self) -> None:
        target = HERE if self.editable_mode or self.build_lib is None else Path(self.build_lib)
        script = ("import sys, nova, pathlib\n"  # the package in `target`, not one installed elsewhere
                  "assert pathlib.Path(nova.__file__).resolve().is_relative_to(sys.argv[1]), nova.__file__\n"
                  "from nova.root_cache import write_packaged\nprint(write_packaged())\n")
        try:
            done = subprocess.run([sys.executable, "-c", script, str(target.resolve())], cwd=target,
                                  capture_output=True, text=True, timeout=PREBUILD_SECONDS)
            failure = None if done.returncode == 0 else (done.stderr.strip().splitlines() or ["no message"])[-1]
        except (OSError, subprocess.SubprocessError) as error:
            failure = repr(error)
        if failure is not None:
            warnings.warn(f"could not check the standard library ({failure}): its first run will", stacklevel=1)
            return
        print(f"standard library checked into {done.stdout.strip()}")

    def get_outputs(self) -> list[str]:
        return []


class Build(build):
    sub_commands: ClassVar = [*build.sub_commands, ("build_root", None)]


# A stand-in until `build_ext` runs (so that the package is built as one with extensions), unless turned off.
PLACEHOLDER = [] if os.environ.get(compiled.PURE_ENV) else [Extension(f"{compiled.GROUP}__mypyc", sources=[])]

if __name__ == "__main__":  # as pip's build backend and `python setup.py` run it (a test imports the commands)
    setup(ext_modules=PLACEHOLDER, cmdclass={"build": Build, "build_ext": OptionalBuildExt, "build_root": BuildRoot})
