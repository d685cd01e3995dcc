-- For each file given as an argument, reports (as JSON) where the plugin's syntax file flags a bad escape and
-- whether the file ends inside a string or block comment that its last line does not close.
local report = {}
for _, file in ipairs(arg) do
  vim.cmd.edit(vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local bad = {}
  local last_line, last_col, last_text = 0, 0, ""
  for lnum = 1, vim.api.nvim_buf_line_count(bufnr) do
    local text = vim.api.nvim_buf_get_lines(bufnr, lnum - 1, lnum, false)[1]
    for col = 1, #text do
      if vim.fn.synIDattr(vim.fn.synID(lnum, col, 1), "name") == "novaBadEscape" then
        table.insert(bad, string.format("%d:%d", lnum, col))
      end
    end
    if vim.trim(text) ~= "" then
      last_line, last_col, last_text = lnum, #text, text
    end
  end
  local open = nil
  if last_line > 0 then
    for _, id in ipairs(vim.fn.synstack(last_line, last_col)) do
      local name = vim.fn.synIDattr(id, "name")
      local closed = (name:find("Comment") and last_text:match("%-}%s*$"))
        or (name:find("String") and last_text:match('"%s*$'))
      if (name == "novaBlockComment" or name == "novaDocBlockComment" or name == "novaTripleString") and not closed then
        open = name
      end
    end
  end
  table.insert(report, { file = file, filetype = vim.bo[bufnr].filetype, bad_escapes = bad, open = open or vim.NIL })
  vim.cmd("bwipeout!")
end
io.stdout:write(vim.json.encode(report) .. "\n")
os.exit(0)
