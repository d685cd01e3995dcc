-- Runs `:checkhealth nova` with the plugin set up for the server command given as the first argument and prints
-- the report buffer.
require("nova").setup({ cmd = { arg[1], "--stdio" } })
vim.cmd("checkhealth nova")
io.stdout:write(table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n") .. "\n")
os.exit(0)
