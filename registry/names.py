"""Validation of module names, so a typo'd or hostile name is rejected at the registry's door."""

from __future__ import annotations

from registry.errors import RegistryError

MAX_MODULE_NAME_LENGTH = 1024


def _is_proper_name(segment: str) -> bool:
    """A Nova proper name: an upper-case letter, then letters, digits, `_` or `'`."""
    if not segment or not segment[0].isupper() or not segment[0].isalpha():
        return False
    return all(ch.isalnum() or ch in "_'" for ch in segment[1:])


def is_module_name(name: object) -> bool:
    """True when `name` is a dotted sequence of proper names, e.g. `Data.List`."""
    if not isinstance(name, str) or not name or len(name) > MAX_MODULE_NAME_LENGTH:
        return False
    return all(_is_proper_name(segment) for segment in name.split("."))


def check_module_name(name: object) -> str:
    """Return `name` if it is a valid module name, else raise RegistryError saying why."""
    if not isinstance(name, str):
        raise RegistryError(f"module name must be a str, not {type(name).__name__}")
    if not is_module_name(name):
        raise RegistryError(
            f"invalid module name {name!r}: expected dot-separated proper names such as 'Data.List' "
            "(each part starts with an upper-case letter, then letters, digits, '_' or \"'\")"
        )
    return name
