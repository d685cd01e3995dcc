"""A crash inside a feature handler is contained: logged, answered with the handler's empty result."""

from __future__ import annotations

import asyncio
import logging

import pytest

from server.lsp_util import safe


def test_sync_handler_crash_gives_the_default(caplog: pytest.LogCaptureFixture) -> None:
    @safe([])
    def handler(value: int) -> list[int]:
        return [1 // value]

    assert handler(1) == [1]
    with caplog.at_level(logging.ERROR):
        assert handler(0) == []
    assert "handler failed" in caplog.text


def test_async_handler_crash_gives_the_default_but_cancellation_propagates() -> None:
    @safe(None)
    async def handler(kind: str) -> str:
        if kind == "crash":
            raise KeyError(kind)
        if kind == "cancel":
            raise asyncio.CancelledError
        return kind

    assert asyncio.run(handler("ok")) == "ok"
    assert asyncio.run(handler("crash")) is None
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(handler("cancel"))
