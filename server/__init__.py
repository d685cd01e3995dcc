"""The nova-lsp language server (pygls glue): sessions over registry batch layers, one module per feature."""

__version__ = "0.1.0"
