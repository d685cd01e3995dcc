-- Formatting in a real headless Neovim against the real nova-lsp: `vim.lsp.buf.format()` on an unsaved buffer of
-- the fixture workspace (src/Shapes.nova with badly spaced lines added) rewrites exactly those lines, keeps the
-- comments, and a second format changes nothing. Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l format_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1.
local plan = vim.json.decode(table.concat(vim.fn.readfile(arg[1]), "\n"))
local timeout = plan.timeout_ms or 20000

local current_step = "setup"

local function fail(message)
  io.stdout:write(string.format("FAIL %s: %s\nmessages: %s\n", current_step, message, vim.fn.execute("messages")))
  io.stdout:flush()
  os.exit(1)
end

local function ok(detail)
  io.stdout:write(string.format("ok\t%s\t%s\n", current_step, detail or ""))
  io.stdout:flush()
end

require("nova").setup({ cmd = plan.cmd })

current_step = "attach"
vim.cmd.edit(vim.fn.fnameescape(plan.workspace .. "/src/Shapes.nova"))
local bufnr = vim.api.nvim_get_current_buf()
local client
if not vim.wait(timeout, function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end, 20) then
  fail("the nova client did not attach")
end
if not client:supports_method("textDocument/formatting") then
  fail("the server does not announce textDocument/formatting")
end
ok("client " .. client.id)

current_step = "format"
local count = vim.api.nvim_buf_line_count(bufnr)
vim.api.nvim_buf_set_lines(bufnr, count, count, false, {
  "",
  "-- | Twice the size.",
  "twice  ::  Shape->Int",
  "twice s = size s*2  -- doubled",
  "",
  "",
  "pair = [size (Circle 1),size (Square 2)]",
})
local before = vim.api.nvim_buf_get_lines(bufnr, 0, count, false)
vim.lsp.buf.format({ bufnr = bufnr, timeout_ms = timeout })
local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
local expected = {
  "",
  "-- | Twice the size.",
  "twice :: Shape -> Int",
  "twice s = size s * 2 -- doubled",
  "",
  "pair = [ size (Circle 1), size (Square 2) ]",
}
local tail = vim.list_slice(lines, count + 1, #lines)
if not vim.deep_equal(tail, expected) then
  fail("formatted lines: " .. vim.inspect(tail))
end
if not vim.deep_equal(vim.list_slice(lines, 1, count), before) then
  fail("lines that were formatted already changed: " .. vim.inspect(vim.list_slice(lines, 1, count)))
end
ok(#tail .. " lines formatted")

current_step = "idempotent"
local tick = vim.api.nvim_buf_get_changedtick(bufnr)
vim.lsp.buf.format({ bufnr = bufnr, timeout_ms = timeout })
if vim.api.nvim_buf_get_changedtick(bufnr) ~= tick then
  fail("a second format changed the buffer: " .. vim.inspect(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)))
end
ok("no edits the second time")

current_step = "done"
ok()
vim.cmd("qall!")
