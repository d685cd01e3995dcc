-- Formatting in a real headless Neovim against the real nova-lsp: `vim.lsp.buf.format()` on an unsaved buffer of
-- the fixture workspace (src/Shapes.nova with badly spaced lines added) rewrites exactly those lines, keeps the
-- comments, and a second format changes nothing. Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l format_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/e2e.lua")
local plan = e2e.load(arg[1])
local timeout = e2e.timeout
local fail, ok = e2e.fail, e2e.ok

require("nova").setup({ cmd = plan.cmd })

e2e.step = "attach"
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

e2e.step = "format"
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

e2e.step = "idempotent"
local tick = vim.api.nvim_buf_get_changedtick(bufnr)
vim.lsp.buf.format({ bufnr = bufnr, timeout_ms = timeout })
if vim.api.nvim_buf_get_changedtick(bufnr) ~= tick then
  fail("a second format changed the buffer: " .. vim.inspect(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)))
end
ok("no edits the second time")

e2e.step = "done"
ok()
vim.cmd("qall!")
