"""One module per LSP feature; each exposes `register(ls, hub)` and is found automatically (see server.app)."""
