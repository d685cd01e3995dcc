-- Prints, as JSON, the syntax group at every character of the file given as the first argument, after letting
-- Neovim detect its filetype from the plugin's ftdetect (the plugin is on 'runtimepath' via --cmd).
vim.cmd.edit(arg[1])
local bufnr = vim.api.nvim_get_current_buf()
local lines = {}
for lnum = 1, vim.api.nvim_buf_line_count(bufnr) do
  local text = vim.api.nvim_buf_get_lines(bufnr, lnum - 1, lnum, false)[1]
  local groups = {}
  for col = 1, #text do
    table.insert(groups, vim.fn.synIDattr(vim.fn.synID(lnum, col, 1), "name"))
  end
  table.insert(lines, { text = text, groups = groups })
end
io.stdout:write(vim.json.encode({
  filetype = vim.bo[bufnr].filetype,
  commentstring = vim.bo[bufnr].commentstring,
  syntax = vim.b[bufnr].current_syntax or vim.bo[bufnr].syntax,
  lines = lines,
}))
io.stdout:write("\n")
os.exit(0)
