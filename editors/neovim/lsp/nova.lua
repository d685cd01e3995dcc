-- Default client configuration picked up by `vim.lsp.enable('nova')` (Neovim >= 0.11 reads `lsp/<name>.lua` from
-- 'runtimepath'), so the plugin works with nothing more than that one call; `require('nova').setup()` refines it.
return require("nova").default_config()
