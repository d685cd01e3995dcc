"""initialize / initialized / workspace folders / watched files: which folders this connection works on."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types

from nova.manifest import MANIFEST_NAME
from server.app import NovaLanguageServer, spawn
from server.connection import Connection, uri_to_path
from server.hub import Hub
from server.lsp_util import safe

log = logging.getLogger(__name__)


def _folders(params: types.InitializeParams) -> list[Path]:
    uris = [f.uri for f in params.workspace_folders or []]
    if not uris and params.root_uri:
        uris = [params.root_uri]
    paths = [uri_to_path(uri) for uri in uris]
    if not uris and params.root_path:  # deprecated, still sent by old clients
        paths = [Path(params.root_path).resolve()]
    return [p for p in paths if p is not None and p.is_dir()]


def register(ls: NovaLanguageServer, hub: Hub) -> None:
    connection = ls.connection

    @ls.feature(types.INITIALIZE)
    @safe()
    def initialize(params: types.InitializeParams) -> None:
        window = params.capabilities.window
        connection.progress_supported = bool(window and window.work_done_progress)
        for folder in _folders(params):
            connection.add_folder(folder)

    @ls.feature(types.INITIALIZED)
    @safe()
    async def initialized(params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern="**/*.nova"),
                          types.FileSystemWatcher(glob_pattern=f"**/{MANIFEST_NAME}")]
            )
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="nova-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)
            ]))

    @ls.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    @safe()
    def folders_changed(params: types.DidChangeWorkspaceFoldersParams) -> None:
        for removed in params.event.removed:
            path = uri_to_path(removed.uri)
            if path is not None:
                connection.remove_folder(path)
        for added in params.event.added:
            path = uri_to_path(added.uri)
            if path is not None and path.is_dir():
                connection.add_folder(path)

    @ls.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @safe()
    def watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        spawn(_apply_disk_changes(hub, connection, params.changes))


async def _apply_disk_changes(hub: Hub, connection: Connection, changes: Sequence[types.FileEvent]) -> None:
    """Only files of this connection's own folders are read again (a client cannot make the server read, or
    re-check, a file of a folder it did not open)."""
    touched: dict[Any, set[str]] = {}
    manifests = [p for p in (uri_to_path(c.uri) for c in changes) if p is not None and p.name == MANIFEST_NAME
                 and connection.in_own_folders(p)]
    if manifests:
        for other in hub.connections:
            other.manifests_changed()
        for project in list(hub.baselines.values()):
            if any(p.parent.is_relative_to(project.folder) for p in manifests):
                touched.setdefault(project, set()).update(await project.project_changed())
                for other in hub.connections:
                    if any(session.baseline is project for session in other.sessions()):
                        other.publish_manifest_problems(project)
    for change in changes:
        path = uri_to_path(change.uri)
        if path is None or path.suffix != ".nova" or not connection.in_own_folders(path):
            continue
        baseline = hub.baseline_for_path(path)
        if baseline is None:
            continue
        deleted = change.type == types.FileChangeType.Deleted
        modules = await baseline.file_changed_on_disk(path, deleted)
        touched.setdefault(baseline, set()).update(modules)
    for baseline, modules in touched.items():
        await hub.after_baseline_change(baseline, modules)
