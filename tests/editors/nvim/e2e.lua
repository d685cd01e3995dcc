-- What the end-to-end scripts (lens_e2e.lua, reading_e2e.lua, format_e2e.lua) share: the plan they are run with,
-- step reporting (`ok <step> <detail>` lines; the first failure prints `FAIL <step>: …` with the messages and the
-- tail of the LSP log, and exits 1), waiting, and finding a line of a buffer. Loaded with
--   local e2e = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/e2e.lua")
local M = { step = "setup" }

-- The plan (JSON) at `path`; its `timeout_ms` (default 20 s) bounds every wait.
function M.load(path)
  M.plan = vim.json.decode(table.concat(vim.fn.readfile(path), "\n"))
  M.timeout = M.plan.timeout_ms or 20000
  return M.plan
end

function M.fail(message)
  local log = vim.lsp.log.get_filename()
  local tail = ""
  if vim.fn.filereadable(log) == 1 then
    local lines = vim.fn.readfile(log)
    tail = table.concat(vim.list_slice(lines, math.max(1, #lines - 30)), "\n")
  end
  io.stdout:write(string.format("FAIL %s: %s\nmessages: %s\nlsp.log tail:\n%s\n", M.step, message,
    vim.fn.execute("messages"), tail))
  io.stdout:flush()
  os.exit(1)
end

function M.ok(detail)
  io.stdout:write(string.format("ok\t%s\t%s\n", M.step, detail or ""))
  io.stdout:flush()
end

function M.wait_until(what, predicate)
  if not vim.wait(M.timeout, predicate, 20) then
    M.fail("timed out after " .. M.timeout .. " ms waiting for " .. what)
  end
end

-- The 0-based number of the line that is exactly `text`.
function M.line_of(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line == text then
      return i - 1
    end
  end
  M.fail("no line " .. vim.inspect(text))
end

-- The 0-based line and column of the first line containing `text`.
function M.line_containing(bufnr, text)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  M.fail("no line containing " .. vim.inspect(text))
end

return M
