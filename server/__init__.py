"""The nova-lsp language server (pygls glue): sessions over registry batch layers, one module per feature."""
