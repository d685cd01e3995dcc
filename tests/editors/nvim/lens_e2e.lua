-- Code lenses in a real headless Neovim against the real nova-lsp: a freshly opened buffer gets the ▶ Evaluate
-- lenses of its values with no trigger of ours (the server's `workspace/codeLens/refresh` once the first check
-- completes; the plugin's attach-time request is answered before that), and running the lens of a `-- >` line
-- writes the answer back under it (was/now once it changed, `-- > :type e`). Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l lens_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/e2e.lua")
local plan = e2e.load(arg[1])
local timeout = e2e.timeout
local fail, ok, wait_until = e2e.fail, e2e.ok, e2e.wait_until
local line_of = e2e.line_of

require("nova").setup({ cmd = plan.cmd })
local path = plan.workspace .. "/src/Lens.nova"
vim.fn.writefile({
  "module Lens where",
  "",
  "import Prelude",
  "import Shapes (Shape(..), size)",
  "",
  "-- > double 21",
  "double :: Int -> Int",
  "double x = x * 2",
  "",
  "-- > :type double",
  "",
  "answer :: Int",
  "answer = double (size (Circle 3))",
}, path)

e2e.step = "attach"
vim.cmd.edit(vim.fn.fnameescape(path))
local bufnr = vim.api.nvim_get_current_buf()
local client
wait_until("the nova client to attach", function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end)
ok("client " .. client.id)

-- No refresh, no event: only what the plugin does on attach and what the server asks for.
e2e.step = "value lens without a trigger"
local answer_line = line_of(bufnr, "answer :: Int")
local lens
wait_until("a ▶ Evaluate lens on `answer`", function()
  for _, l in ipairs(vim.lsp.codelens.get(bufnr)) do
    if l.command and l.command.command == "nova.evaluate" and l.range.start.line == answer_line then
      lens = l
      return true
    end
  end
  return false
end)
ok(lens.command.title .. " on line " .. answer_line)

local function run_lens_on(text, expected)
  local line = line_of(bufnr, text)
  wait_until("a lens on " .. vim.inspect(text), function()
    for _, l in ipairs(vim.lsp.codelens.get(bufnr)) do
      if l.command and l.command.command == "nova.runExample" and l.range.start.line == line then
        return true
      end
    end
    return false
  end)
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  vim.lsp.codelens.run()
  local below
  if not vim.wait(timeout, function()
    below = vim.api.nvim_buf_get_lines(bufnr, line + 1, line + 1 + #expected, false)
    return vim.deep_equal(below, expected)
  end, 20) then
    fail("the lines under " .. vim.inspect(text) .. " are " .. vim.inspect(below) .. ", not "
      .. vim.inspect(expected) .. "; the buffer:\n" .. table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n"))
  end
  return table.concat(below, " | ")
end

e2e.step = "example writes back"
ok(run_lens_on("-- > double 21", { "-- => 42", "double :: Int -> Int" }))

e2e.step = ":type example"
ok(run_lens_on("-- > :type double", { "-- => double :: Int -> Int", "" }))

e2e.step = "was/now"
local body = line_of(bufnr, "double x = x * 2")
vim.api.nvim_buf_set_lines(bufnr, body, body + 1, false, { "double x = x * 3" })
ok(run_lens_on("-- > double 21", { "-- => was: 42", "-- => now: 63", "double :: Int -> Int" }))

e2e.step = "done"
ok()
vim.cmd("qa!")
