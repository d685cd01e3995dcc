"""The nova-lsp language server (pygls glue): sessions over registry batch layers, one module per feature."""

__version__ = "0.1.0"
CACHE_FORMAT = 5  # bump when the cache files' layout changes (part of every cache file's name)
