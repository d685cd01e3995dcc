-- Editing with the server in a real headless Neovim, over the fixture workspace plus src/Records.nova: a record
-- label renamed with `vim.lsp.buf.rename` (every use in the buffer follows), a wildcard replaced by its inferred
-- type through `vim.lsp.buf.code_action` (applied by Neovim itself), and the record's fields completed after
-- `origin.` (with text edits, so the client does not filter them out). Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l editing_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1.
local plan = vim.json.decode(table.concat(vim.fn.readfile(arg[1]), "\n"))
local timeout = plan.timeout_ms or 20000

local current_step = "setup"

local function fail(message)
  local log = vim.lsp.log.get_filename()
  local tail = ""
  if vim.fn.filereadable(log) == 1 then
    local lines = vim.fn.readfile(log)
    tail = table.concat(vim.list_slice(lines, math.max(1, #lines - 30)), "\n")
  end
  io.stdout:write(string.format("FAIL %s: %s\nmessages: %s\nlsp.log tail:\n%s\n", current_step, message,
    vim.fn.execute("messages"), tail))
  io.stdout:flush()
  os.exit(1)
end

local function ok(detail)
  io.stdout:write(string.format("ok\t%s\t%s\n", current_step, detail or ""))
  io.stdout:flush()
end

local function wait_until(what, predicate)
  if not vim.wait(timeout, predicate, 20) then
    fail("timed out after " .. timeout .. " ms waiting for " .. what)
  end
end

local function line_of(bufnr, text)
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

current_step = "attach"
vim.cmd.edit(vim.fn.fnameescape(records_path))
local bufnr = vim.api.nvim_get_current_buf()
local client
wait_until("the nova client to attach", function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end)
wait_until("the wildcard's warning", function()
  return #vim.diagnostic.get(bufnr) > 0
end)
ok("client " .. client.id)

current_step = "rename"
local access_line, access_col = line_of(bufnr, "p.x")
vim.api.nvim_win_set_cursor(0, { access_line + 1, access_col + 2 })
vim.lsp.buf.rename("east")
wait_until("the label renamed along its row", function()
  local text = buffer_text(bufnr)
  return text:find("norm p = p.east", 1, true) ~= nil
end)
local text = buffer_text(bufnr)
if not text:find("type Point = { east :: Int, y :: Int }", 1, true) or not text:find("origin = { east: 0, y: 0 }", 1, true) then
  fail("after the rename the buffer reads:\n" .. text)
end
ok("x -> east in the type, the literal and the accessor")

current_step = "code action"
local wild_line, wild_col = line_of(bufnr, "limit :: _")
vim.api.nvim_win_set_cursor(0, { wild_line + 1, wild_col + #"limit :: " })
local offered = {}
vim.lsp.buf.code_action({
  apply = true,
  filter = function(action)
    table.insert(offered, action.title)
    return action.title == "Replace `_` with `Int`"
  end,
})
wait_until("the wildcard replaced by its type", function()
  return line_of(bufnr, "limit :: Int") ~= nil
end)
ok("offered: " .. table.concat(offered, "; "))

current_step = "field completion"
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { "", "probe = origin." })
local probe_line = vim.api.nvim_buf_line_count(bufnr) - 1
local labels
wait_until("the fields of `origin` completed after the dot", function()
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
ok(table.concat(labels, ", "))

current_step = "done"
ok()
vim.cmd("qa!")
