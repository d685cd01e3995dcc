"""Responses whose bulk is an array of integers whose JSON text the feature already holds (semantic tokens: kept
in pieces per declaration). pygls would convert such an answer through cattrs and `json.dumps` element by
element, which for a 2k-line module's 20,000 integers costs more than computing them; the protocol writes the
held text instead."""

from __future__ import annotations

import json
from typing import Any

from lsprotocol import types


class JsonInts(list[int]):
    """A list of integers with its JSON text, joined from pieces on first use."""

    __slots__ = ("_json", "_parts")

    def __init__(self, data: list[int], parts: list[str] | None = None, json: str | None = None) -> None:
        super().__init__(data)
        self._parts: list[str] | None = parts
        self._json: str | None = json

    @property
    def json(self) -> str:
        if self._json is None:
            self._json = "[" + ",".join(self._parts or ()) + "]"
            self._parts = None
        return self._json


def response_body(message: Any) -> str | None:
    """The JSON text of a response carrying `SemanticTokens` over `JsonInts`, or None for any other message (for
    the ordinary serialisation)."""
    result = getattr(message, "result", None)
    if not isinstance(result, types.SemanticTokens) or not isinstance(result.data, JsonInts) \
            or getattr(message, "error", None) is not None:
        return None
    head = {"id": message.id, "jsonrpc": message.jsonrpc}
    tail = "" if result.result_id is None else f',"resultId":{json.dumps(result.result_id)}'
    return f'{json.dumps(head)[:-1]},"result":{{"data":{result.data.json}{tail}}}}}'
