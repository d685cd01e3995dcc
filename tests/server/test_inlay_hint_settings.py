"""The inlay hint settings a client gives through workspace/configuration: kept until the configuration changes,
but neither a late answer (the defaults then serve that request only) nor one asked for before a change."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from nova.ide.inlay_hints import HintSettings
from server.features.inlay_hints import HintState, client_settings


class Client:
    """What `client_settings` reads of the language server: the client's capabilities and its configuration
    answers, one per request (an exception is a request the client did not answer in time)."""

    client_capabilities = SimpleNamespace(workspace=SimpleNamespace(configuration=True))

    def __init__(self, *answers: Any, before_answering: Any = None) -> None:
        self.answers = list(answers)
        self.before_answering = before_answering

    async def workspace_configuration_async(self, params: Any) -> Any:
        if self.before_answering is not None:
            self.before_answering()
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return [answer]


def test_an_answer_the_client_did_not_give_in_time_is_asked_for_again() -> None:
    state = HintState()
    client = Client(TimeoutError(), {"parameterNames": True})
    assert asyncio.run(client_settings(client, state)) == HintSettings()
    assert state.settings is None
    again = asyncio.run(client_settings(client, state))
    assert again.parameter_names and state.settings is again
    assert asyncio.run(client_settings(client, state)) is again  # kept: not asked again


def test_an_answer_asked_for_before_a_configuration_change_serves_once_and_is_not_kept() -> None:
    state = HintState()

    def configuration_changes() -> None:
        state.settings = None
        state.generation += 1

    client = Client({"parameterNames": False}, before_answering=configuration_changes)
    assert not asyncio.run(client_settings(client, state)).parameter_names
    assert state.settings is None
