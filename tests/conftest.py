"""`pytest --soak`: the robustness suite's long mode. Property tests that do not pin their own number of examples
(the protocol fuzzer, the registry's stateful tests, …) then run many times more examples than in CI."""

from __future__ import annotations

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
