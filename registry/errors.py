"""The two error types the registry raises; callers catch these, never a library's own exceptions."""

from __future__ import annotations


class RegistryError(Exception):
    """A misuse of the registry: writing into a frozen or dead layer, or an invalid module name."""


class SnapshotError(Exception):
    """A snapshot that cannot be written, or cannot be trusted when read (empty, truncated, corrupt, foreign, newer)."""
