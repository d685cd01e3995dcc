"""Request `nova/ping` → `{}`: a no-op round trip, the baseline the benchmark compares hover latency against."""

from __future__ import annotations

from typing import Any

from server.app import NovaLanguageServer
from server.hub import Hub


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    @ls.feature("nova/ping")
    def ping(params: Any) -> dict[str, Any]:
        return {}
