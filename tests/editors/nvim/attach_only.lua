-- Opens the file given as the first argument with whatever LSP setup the init file made, waits for a `nova`
-- client and its first error diagnostic, and prints them; exits 1 with Neovim's messages when either never comes.
vim.cmd.edit(vim.fn.fnameescape(arg[1]))
local bufnr = vim.api.nvim_get_current_buf()

local function neovim_says()
  local parts = { vim.fn.execute("messages") }
  local log = vim.lsp.log.get_filename()
  if vim.fn.filereadable(log) == 1 then
    local lines = vim.fn.readfile(log)
    table.insert(parts, "lsp.log tail:\n" .. table.concat(vim.list_slice(lines, math.max(1, #lines - 30)), "\n"))
  end
  return table.concat(parts, "\n") .. "\n"
end
local client
local attached = vim.wait(30000, function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end, 20)
if not attached then
  io.stdout:write("FAIL no nova client attached (filetype=" .. vim.bo[bufnr].filetype .. ")\n" .. neovim_says())
  os.exit(1)
end
io.stdout:write("attached root=" .. tostring(client.root_dir) .. "\n")
local got = vim.wait(30000, function()
  return #vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR }) > 0
end, 20)
if not got then
  io.stdout:write("FAIL no error diagnostic\n" .. neovim_says())
  os.exit(1)
end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  io.stdout:write(string.format("diagnostic %d:%d %s\n", d.lnum + 1, d.col + 1, d.message))
end
os.exit(0)
