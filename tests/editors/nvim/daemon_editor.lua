-- One of two Neovim processes sharing one nova-lsp daemon (unix socket), to prove what `:write` means across
-- editors: the writer's unsaved edit of Shapes.nova stays invisible to the reader, and its `:write` reaches the
-- reader's open Main.nova without the reader touching it. The two synchronise through marker files in
-- `plan.sync`. Run as `nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l daemon_editor.lua PLAN.json`
-- with PLAN = { role = "writer"|"reader", socket, workspace, sync, timeout_ms }.
local plan = vim.json.decode(table.concat(vim.fn.readfile(arg[1]), "\n"))
local timeout = plan.timeout_ms or 30000
local step = "setup"
local watched

local function say(kind, detail)
  io.stdout:write(string.format("%s\t%s\t%s\t%s\n", kind, plan.role, step, detail or ""))
  io.stdout:flush()
end

local function fail(message)
  local diags = watched
      and vim.tbl_map(function(d) return string.format("%d:%d %s", d.lnum + 1, d.col + 1, d.message) end,
        vim.diagnostic.get(watched))
    or {}
  say("FAIL", message .. " | diagnostics: " .. vim.inspect(diags) .. " | messages: " .. vim.fn.execute("messages"))
  os.exit(1)
end

local function wait_until(what, predicate)
  if not vim.wait(timeout, predicate, 20) then
    fail("timed out after " .. timeout .. " ms waiting for " .. what)
  end
end

local function mark(name)
  vim.fn.writefile({ plan.role }, plan.sync .. "/" .. name)
end

local function await_mark(name)
  wait_until("the other editor's marker " .. name, function()
    return vim.fn.filereadable(plan.sync .. "/" .. name) == 1
  end)
end

local publishes = {}
local original_publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri then
    local seen = publishes[result.uri] or { count = 0 }
    seen.count, seen.version = seen.count + 1, result.version
    publishes[result.uri] = seen
  end
  return original_publish(err, result, ctx, config)
end

local function count(bufnr)
  local seen = publishes[vim.uri_from_bufnr(bufnr)]
  return seen and seen.count or 0
end

local function fresh(bufnr, before)
  wait_until("diagnostics for the buffer's current text", function()
    local seen = publishes[vim.uri_from_bufnr(bufnr)]
    return seen ~= nil and seen.count > before
      and (seen.version == nil or seen.version == vim.lsp.util.buf_versions[bufnr])
  end)
end

local function errors(bufnr)
  return vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR })
end

local function attach(path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_until("the nova client to attach over the daemon socket", function()
    local client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
    return client ~= nil and client.initialized
  end)
  return bufnr
end

-- The README's daemon configuration: connect to the socket instead of launching a server.
require("nova").setup({ cmd = vim.lsp.rpc.connect(plan.socket) })

if plan.role == "reader" then
  step = "open Main.nova"
  local main = attach(plan.workspace .. "/src/Main.nova")
  watched = main
  wait_until("the first diagnostics of Main.nova", function() return count(main) > 0 end)
  if #errors(main) > 0 then fail("Main.nova should start clean") end
  say("ok")
  mark("reader-ready")

  step = "another editor's unsaved edit is invisible"
  await_mark("writer-edited")
  local before = count(main)
  vim.api.nvim_buf_set_lines(main, -1, -1, false, { "-- re-checked while the other editor has unsaved changes" })
  fresh(main, before)
  if #errors(main) > 0 then fail("the writer's unsaved edit leaked into this editor: " .. errors(main)[1].message) end
  say("ok")
  mark("reader-checked")

  step = "another editor's :write arrives"
  wait_until("new errors in Main.nova after the writer's :write (without touching Main.nova)", function()
    return #errors(main) > 0
  end)
  say("ok", errors(main)[1].message)
  mark("reader-done")
else
  step = "open Shapes.nova"
  local shapes = attach(plan.workspace .. "/src/Shapes.nova")
  watched = shapes
  await_mark("reader-ready")
  say("ok")

  step = "unsaved edit"
  local before = count(shapes)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(shapes, 0, -1, false)) do
    if line == "size :: Shape -> Int" then
      vim.api.nvim_buf_set_lines(shapes, i - 1, i, false, { "size :: Int -> Shape -> Int" })
    elseif line == "size shape = case shape of" then
      vim.api.nvim_buf_set_lines(shapes, i - 1, i, false, { "size k shape = case shape of" })
    end
  end
  fresh(shapes, before)
  say("ok")
  mark("writer-edited")

  step = ":write"
  await_mark("reader-checked")
  vim.cmd("silent write")
  say("ok")
  await_mark("reader-done")
end
os.exit(0)
