"""The InterfaceRegistry: a layered in-memory store of module interfaces (see ARCHITECTURE.md §2)."""
