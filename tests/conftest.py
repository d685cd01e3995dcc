"""Session-wide test settings: a private cache folder for the tools the tests run, and `pytest --soak`, the
robustness suite's long mode. Property tests that do not pin their own number of examples
(the protocol fuzzer, the registry's stateful tests, …) then run many times more examples than in CI."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "soak", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--soak", action="store_true", default=False,
                     help="run the property and fuzz tests with thousands of examples each (minutes to hours)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--soak"):
        settings.load_profile("soak")


@pytest.fixture(scope="session", autouse=True)
def private_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tools run by the tests (in this process or as subprocesses inheriting its environment) keep their caches in
    one folder of this test run (shared by its xdist workers), never in the user's own cache: the first `nova
    check` or `nova eval` of the run builds the checked standard library there, and the others restore it, as a
    user's second run does."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # one folder for all the workers of the run: one build in all
        base = base.parent
    cache = base / "xdg-cache"
    cache.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        # `nova-lsp` serves in its own process and starts no fork server that would outlive the run; the tests of
        # the fork server (tests/server/test_fork_server.py) and one real-editor test take the default path, each
        # in a runtime folder of its own, and stop what they started.
        patch.setenv("NOVA_LSP_NO_FORK_SERVER", "1")
        yield
