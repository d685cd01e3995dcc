-- Editing with the server in a real headless Neovim, over the fixture workspace plus src/Records.nova: a record
-- label renamed with `vim.lsp.buf.rename` (every use in the buffer follows), a wildcard replaced by its inferred
-- type through `vim.lsp.buf.code_action` (applied by Neovim itself), and the record's fields completed after
-- `origin.` (with text edits, so the client does not filter them out). Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l editing_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1 (e2e.lua).
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/e2e.lua")
local plan = e2e.load(arg[1])

-- The 0-based line and column of the first line containing `text`; nil when there is none.
local function find(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  return nil
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
end

require("nova").setup({ cmd = plan.cmd })
local records_path = plan.workspace .. "/src/Records.nova"
vim.fn.writefile({
  "module Records where",
  "",
  "type Point = { x :: Int, y :: Int }",
  "",
  "origin :: Point",
  "origin = { x: 0, y: 0 }",
  "",
  "norm :: Point -> Int",
  "norm p = p.x",
  "",
  "limit :: _",
  "limit = 3",
}, records_path)

e2e.step = "attach"
vim.cmd.edit(vim.fn.fnameescape(records_path))
local bufnr = vim.api.nvim_get_current_buf()
local client
e2e.wait_until("the nova client to attach", function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end)
e2e.wait_until("the wildcard's warning", function()
  return #vim.diagnostic.get(bufnr) > 0
end)
e2e.ok("client " .. client.id)

e2e.step = "rename"
local access_line, access_col = e2e.line_containing(bufnr, "p.x")
vim.api.nvim_win_set_cursor(0, { access_line + 1, access_col + 2 })
vim.lsp.buf.rename("east")
e2e.wait_until("the label renamed along its row", function()
  return buffer_text(bufnr):find("norm p = p.east", 1, true) ~= nil
end)
local text = buffer_text(bufnr)
if not text:find("type Point = { east :: Int, y :: Int }", 1, true) or not text:find("origin = { east: 0, y: 0 }", 1, true) then
  e2e.fail("after the rename the buffer reads:\n" .. text)
end
e2e.ok("x -> east in the type, the literal and the accessor")

e2e.step = "code action"
local wild_line, wild_col = e2e.line_containing(bufnr, "limit :: _")
vim.api.nvim_win_set_cursor(0, { wild_line + 1, wild_col + #"limit :: " })
local offered = {}
vim.lsp.buf.code_action({
  apply = true,
  filter = function(action)
    table.insert(offered, action.title)
    return action.title == "Replace `_` with `Int`"
  end,
})
e2e.wait_until("the wildcard replaced by its type", function()
  return find(bufnr, "limit :: Int") ~= nil
end)
e2e.ok("offered: " .. table.concat(offered, "; "))

e2e.step = "field completion"
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { "", "probe = origin." })
local probe_line = vim.api.nvim_buf_line_count(bufnr) - 1
local labels
e2e.wait_until("the fields of `origin` completed after the dot", function()
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = { line = probe_line, character = #"probe = origin." },
  }
  local answers = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", params, 5000) or {}
  for _, answer in pairs(answers) do
    local result = answer.result or {}
    local items = result.items or result
    labels = {}
    local edited = true
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
      if item.textEdit == nil then
        edited = false
      end
    end
    table.sort(labels)
    if table.concat(labels, ",") == "east,y" and edited then
      return true
    end
  end
  return false
end)
e2e.ok(table.concat(labels, ", "))

e2e.step = "done"
e2e.ok()
vim.cmd("qa!")
