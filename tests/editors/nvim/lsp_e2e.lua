-- End-to-end check of the Nova plugin in a real headless Neovim against the real nova-lsp, over the fixture
-- workspace (src/Shapes.nova, src/Main.nova importing it). Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l lsp_e2e.lua PLAN.json
-- where PLAN has `workspace` (a copy of the fixture with a `.git` marker) and `cmd` (the server command).
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: <what Neovim reported>` with
-- the buffer's diagnostics, :messages and the LSP log tail, and exits 1.
local plan = vim.json.decode(table.concat(vim.fn.readfile(arg[1]), "\n"))
local timeout = plan.timeout_ms or 20000

vim.lsp.log.set_level(vim.log.levels.WARN)

local current_step = "setup"
local watched = {}

local function context()
  local parts = {}
  for _, bufnr in ipairs(watched) do
    if vim.api.nvim_buf_is_valid(bufnr) then
      local diags = vim.tbl_map(function(d)
        return string.format("%d:%d %s", d.lnum + 1, d.col + 1, d.message)
      end, vim.diagnostic.get(bufnr))
      table.insert(parts, string.format("diagnostics of %s: %s", vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t"),
        vim.inspect(diags)))
    end
  end
  table.insert(parts, "messages: " .. vim.fn.execute("messages"))
  local log = vim.lsp.log.get_filename()
  if vim.fn.filereadable(log) == 1 then
    local lines = vim.fn.readfile(log)
    table.insert(parts, "lsp.log tail:\n" .. table.concat(vim.list_slice(lines, math.max(1, #lines - 30)), "\n"))
  end
  return table.concat(parts, "\n")
end

local function fail(message)
  io.stdout:write(string.format("FAIL %s: %s\n%s\n", current_step, message, context()))
  io.stdout:flush()
  os.exit(1)
end

local function ok(detail)
  io.stdout:write(string.format("ok\t%s\t%s\n", current_step, detail or ""))
  io.stdout:flush()
end

local function wait_until(what, predicate)
  local satisfied = vim.wait(timeout, predicate, 20)
  if not satisfied then
    fail("timed out after " .. timeout .. " ms waiting for " .. what)
  end
end

-- Count every publishDiagnostics per URI (and remember its version) so a step can wait for the answer to its edit.
local publishes = {}
local original_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri then
    local seen = publishes[result.uri] or { count = 0 }
    seen.count = seen.count + 1
    seen.version = result.version
    publishes[result.uri] = seen
  end
  return original_publish(err, result, ctx, config)
end

-- The server's `nova/interfaceUpdated` notifications, in order (module, kind), so a step can wait for a commit.
local interface_updates = {}
vim.lsp.handlers["nova/interfaceUpdated"] = function(_, result)
  table.insert(interface_updates, { module = result.module, kind = result.kind })
end

local function publish_count(bufnr)
  local seen = publishes[vim.uri_from_bufnr(bufnr)]
  return seen and seen.count or 0
end

local function errors(bufnr)
  return vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR })
end

local function messages(diags)
  return table.concat(vim.tbl_map(function(d) return d.message end, diags), " | ")
end

--- Waits for the server's diagnostics for the buffer's current text (a publish after `before`), then returns them.
local function fresh_errors(bufnr, before)
  wait_until("publishDiagnostics for " .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t"), function()
    local seen = publishes[vim.uri_from_bufnr(bufnr)]
    if not seen or seen.count <= before then
      return false
    end
    return seen.version == nil or seen.version == vim.lsp.util.buf_versions[bufnr]
  end)
  return errors(bufnr)
end

local function line_of(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:find(text, 1, true) then
      return i - 1
    end
  end
  fail("no line containing " .. vim.inspect(text))
end

local function open(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  table.insert(watched, bufnr)
  return bufnr
end

-- The user's configuration: exactly what the README tells a user to write.
require("nova").setup({ cmd = plan.cmd })

local shapes_path = plan.workspace .. "/src/Shapes.nova"
local main_path = plan.workspace .. "/src/Main.nova"

current_step = "attach"
local shapes = open(shapes_path)
if vim.bo[shapes].filetype ~= "nova" then
  fail("filetype is " .. vim.inspect(vim.bo[shapes].filetype))
end
local client
wait_until("the nova client to attach and initialize", function()
  client = vim.lsp.get_clients({ bufnr = shapes, name = "nova" })[1]
  return client ~= nil and client.initialized
end)
if vim.fs.normalize(client.root_dir) ~= vim.fs.normalize(plan.workspace) then
  fail("root_dir is " .. tostring(client.root_dir) .. ", expected the folder with the root marker " .. plan.workspace)
end
ok(string.format("client %d root=%s server=%s", client.id, client.root_dir,
  client.server_info and client.server_info.name or "?"))

current_step = "diagnostics"
local broken_line = line_of(shapes, 'broken = "not a number"')
wait_until("an error on the broken line " .. (broken_line + 1), function()
  for _, d in ipairs(errors(shapes)) do
    if d.lnum == broken_line then
      return true
    end
  end
  return false
end)
ok(messages(errors(shapes)))

current_step = "hover"
local size_line = line_of(shapes, "size shape = case shape of")
local hover_result, hover_err
local responses = vim.lsp.buf_request_sync(shapes, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(shapes) },
  position = { line = size_line, character = 1 },
}, timeout)
for _, response in pairs(responses or {}) do
  hover_err = hover_err or response.err
  hover_result = hover_result or response.result
end
if hover_err then
  fail("hover request failed: " .. vim.inspect(hover_err))
end
if not hover_result or not hover_result.contents then
  fail("no hover for `size`: " .. vim.inspect(responses))
end
local hover_text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover_result.contents), "\n")
if not hover_text:find(plan.hover_expect, 1, true) then
  fail("hover for `size` does not mention " .. vim.inspect(plan.hover_expect) .. ":\n" .. hover_text)
end
ok((hover_text:gsub("\n", "\\n")))

current_step = "edit updates diagnostics"
local before = publish_count(shapes)
vim.api.nvim_buf_set_lines(shapes, broken_line, broken_line + 1, false, { "broken = 42" })
local after_fix = fresh_errors(shapes, before)
wait_until("the errors of Shapes.nova to clear after the fix", function()
  return #errors(shapes) == 0
end)
ok(string.format("%d error(s) in the first publish after the edit, 0 now", #after_fix))

current_step = "dependent buffer"
local main = open(main_path)
wait_until("the client to attach to Main.nova", function()
  return vim.lsp.get_clients({ bufnr = main, name = "nova" })[1] ~= nil
end)
wait_until("a publishDiagnostics for Main.nova", function()
  return publish_count(main) > 0
end)
if #errors(main) ~= 0 then
  fail("Main.nova should check cleanly against Shapes.nova: " .. messages(errors(main)))
end
ok("Main.nova checks cleanly")

current_step = ":NovaEval"
local notes = {}
local original_notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(notes, { msg = msg, level = level })
  return original_notify(msg, level, opts)
end
local function wait_note(what, predicate)
  local found
  wait_until(what, function()
    for _, note in ipairs(notes) do
      if predicate(note) then
        found = note
        return true
      end
    end
    return false
  end)
  return found
end
vim.api.nvim_set_current_buf(main)
vim.cmd("NovaEval size (Circle 3)")
local value_note = wait_note("the NovaEval result `3 :: Int`", function(note)
  return note.msg:find("3 :: Int", 1, true) ~= nil and note.level == vim.log.levels.INFO
end)
notes = {}
-- A visual selection of `size (Circle 3)` on the line `total = size (Circle 3)`, then :'<,'>NovaEval.
local total_row = line_of(main, "total = size (Circle 3)")
local total_text = vim.api.nvim_buf_get_lines(main, total_row, total_row + 1, false)[1]
vim.api.nvim_win_set_cursor(0, { total_row + 1, total_text:find("size", 1, true) - 1 })
vim.cmd("normal! vg_\27")
vim.cmd("'<,'>NovaEval")
local selection_note = wait_note("the NovaEval result for the visual selection", function(note)
  return note.msg:find("3 :: Int", 1, true) ~= nil
end)
notes = {}
vim.cmd("NovaEval size 3")
local error_note = wait_note("the NovaEval error for an ill-typed expression", function(note)
  return note.level == vim.log.levels.ERROR and note.msg:find("error", 1, true) ~= nil
end)
ok(value_note.msg .. " / selection: " .. selection_note.msg .. " / " .. error_note.msg:gsub("\n", " "))

current_step = "code lens"
local total_line = line_of(main, "total = size (Circle 3)")
local lens
wait_until("a code lens on Main.nova's argument-free value `total`", function()
  vim.lsp.codelens.refresh({ bufnr = main })
  for _, l in ipairs(vim.lsp.codelens.get(main)) do
    if l.command and l.range.start.line >= total_line - 2 and l.range.start.line <= total_line then
      lens = l
      return true
    end
  end
  return false
end)
notes = {}
vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
vim.lsp.codelens.run()
local lens_note = wait_note("the result of running the lens", function(note)
  return note.msg:find("3 :: Int", 1, true) ~= nil
end)
vim.notify = original_notify
ok(lens.command.title .. " -> " .. lens_note.msg)

-- Giving `size` an extra parameter in the (unsaved) Shapes buffer makes Main's use of it ill-typed in this session.
current_step = "unsaved edit reaches the dependent"
local SIGNATURE = { plain = "size :: Shape -> Int", extra = "size :: Int -> Shape -> Int" }
local HEAD = { plain = "size shape = case shape of", extra = "size k shape = case shape of" }
local function set_size(from, to)
  local sig, head = line_of(shapes, SIGNATURE[from]), line_of(shapes, HEAD[from])
  vim.api.nvim_buf_set_lines(shapes, sig, sig + 1, false, { SIGNATURE[to] })
  vim.api.nvim_buf_set_lines(shapes, head, head + 1, false, { HEAD[to] })
end
set_size("plain", "extra")
wait_until("a type error in Main.nova from the new type of `size`", function()
  return #errors(main) > 0
end)
ok(messages(errors(main)))

current_step = ":write commits"
local updates_before = #interface_updates
vim.api.nvim_buf_call(shapes, function()
  vim.cmd("silent write")
end)
-- `:write` then closing the buffer at once (`:w | bd`): the close must not lose the save. Once the commit lands, the
-- server re-checks Main against the saved Shapes and publishes the error again.
local on_disk = table.concat(vim.fn.readfile(shapes_path), "\n")
if not on_disk:find(SIGNATURE.extra, 1, true) then
  fail("Shapes.nova on disk does not have the edit after :write")
end
before = publish_count(main)
vim.cmd.bdelete(shapes)
wait_until("Main.nova re-checked with an error against the saved Shapes after :write and closing it", function()
  return publish_count(main) > before and #errors(main) > 0
end)
-- and a later re-check of Main still sees the committed text
before = publish_count(main)
vim.api.nvim_buf_set_lines(main, -1, -1, false, { "-- touched after the commit" })
local after_commit = fresh_errors(main, before)
if #after_commit == 0 then
  fail("after :write and closing Shapes.nova, Main.nova re-checked cleanly: the edit was not committed")
end
local kinds = {}
for i = updates_before + 1, #interface_updates do
  table.insert(kinds, interface_updates[i].module .. ":" .. interface_updates[i].kind)
end
ok(messages(after_commit) .. " (interface updates: " .. table.concat(kinds, ", ") .. ")")

current_step = "unsaved edits are discarded on close"
shapes = open(shapes_path)
wait_until("the client to attach to the reopened Shapes.nova", function()
  return vim.lsp.get_clients({ bufnr = shapes, name = "nova" })[1] ~= nil
end)
vim.api.nvim_set_current_buf(shapes)
set_size("extra", "plain")
wait_until("Main.nova to check cleanly against the unsaved restore of `size`", function()
  return #errors(main) == 0
end)
vim.cmd.bwipeout({ args = { tostring(shapes) }, bang = true })
before = publish_count(main)
vim.api.nvim_buf_set_lines(main, -1, -1, false, { "-- touched after the discard" })
local after_discard = fresh_errors(main, before)
if #after_discard == 0 then
  fail("the unsaved restore of `size` survived closing its buffer without saving")
end
ok(messages(after_discard))

current_step = ":NovaRestart"
local old_id = vim.lsp.get_clients({ bufnr = main, name = "nova" })[1].id
vim.cmd("NovaRestart")
local restarted
wait_until("a new nova client attached to Main.nova after :NovaRestart", function()
  restarted = vim.lsp.get_clients({ bufnr = main, name = "nova" })[1]
  return restarted ~= nil and restarted.id ~= old_id and restarted.initialized
end)
before = publish_count(main)
wait_until("the restarted server to publish diagnostics for Main.nova", function()
  return publish_count(main) > before
end)
ok(string.format("client %d replaced client %d", restarted.id, old_id))

io.stdout:write("done\n")
io.stdout:flush()
os.exit(0)
