-- The reading features in a real headless Neovim against the real nova-lsp, over the fixture workspace
-- (src/Shapes.nova): semantic tokens reach `vim.lsp.semantic_tokens` with no configuration, inlay hints show an
-- inferred type once the plugin turns them on, `vim.lsp.foldexpr()` folds with the server's ranges, and :NovaType
-- walks the enclosing expressions' types. Run as
--   nvim --headless --clean --cmd 'set rtp^=<editors/neovim>' -l reading_e2e.lua PLAN.json
-- Every step prints `ok <step> <detail>`; the first failing step prints `FAIL <step>: …` and exits 1.
local e2e = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/e2e.lua")
local plan = e2e.load(arg[1])
local timeout = e2e.timeout
local fail, ok, wait_until = e2e.fail, e2e.ok, e2e.wait_until
local line_of = e2e.line_containing

require("nova").setup({ cmd = plan.cmd })
-- A value without a signature, so there is a type to hint.
local shapes_path = plan.workspace .. "/src/Shapes.nova"
local text = vim.fn.readfile(shapes_path)
table.insert(text, "")
table.insert(text, "twice = Square (size (Circle 2))")
vim.fn.writefile(text, shapes_path)

e2e.step = "attach"
vim.cmd.edit(vim.fn.fnameescape(shapes_path))
local bufnr = vim.api.nvim_get_current_buf()
local client
wait_until("the nova client to attach", function()
  client = vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
  return client ~= nil and client.initialized
end)
ok("client " .. client.id)

e2e.step = "semantic tokens"
local ctor_line, ctor_col = line_of(bufnr, "Circle r ->")
local param_line, param_col = line_of(bufnr, "size shape =")
wait_until("a constructor token on `Circle` and a parameter token on `shape`", function()
  local function types_at(line, col)
    local found = {}
    for _, token in ipairs(vim.lsp.semantic_tokens.get_at_pos(bufnr, line, col) or {}) do
      found[token.type] = token.modifiers
    end
    return found
  end
  local ctor = types_at(ctor_line, ctor_col)
  local param = types_at(param_line, param_col + #"size ")
  return ctor.enumMember ~= nil and param.parameter ~= nil and param.parameter.declaration == true
end)
ok("Circle: enumMember, shape: parameter+declaration")

e2e.step = "inlay hints"
local twice_line = line_of(bufnr, "twice =")
local label
wait_until("an inlay hint after `twice`", function()
  for _, item in ipairs(vim.lsp.inlay_hint.get({ bufnr = bufnr }) or {}) do
    local hint = item.inlay_hint
    if hint.position.line == twice_line then
      local parts = type(hint.label) == "string" and { hint.label } or vim.tbl_map(function(p)
        return p.value
      end, hint.label)
      label = table.concat(parts)
      return true
    end
  end
  return false
end)
if label ~= ":: Shape" then
  fail("the hint after `twice` says " .. vim.inspect(label))
end
ok(label)

e2e.step = "folding"
vim.wo.foldmethod = "expr"
vim.wo.foldexpr = "v:lua.vim.lsp.foldexpr()"
local case_line = line_of(bufnr, "size shape = case")
wait_until("a fold over the declaration of `size`", function()
  return vim.fn.foldlevel(case_line + 2) > 0
end)
vim.api.nvim_win_set_cursor(0, { case_line + 1, 0 })
vim.cmd("normal! zc")
local closed = vim.fn.foldclosed(case_line + 2)
if closed ~= case_line + 1 then
  fail("zc on `size shape = case` closed a fold starting at line " .. closed)
end
local closed_end = vim.fn.foldclosedend(case_line + 2)
vim.cmd("normal! zR")
ok("zc folds lines " .. (case_line + 1) .. "-" .. closed_end)

e2e.step = ":NovaType"
local r_line, r_col = line_of(bufnr, "Circle r -> r")
vim.api.nvim_win_set_cursor(0, { r_line + 1, r_col + #"Circle r -> " })
vim.cmd("NovaType")
local walk
wait_until("nova/typeEnclosing to answer", function()
  walk = require("nova.reading").current(bufnr)
  return walk ~= nil
end)
if walk.items[1].type ~= "Int" then
  fail("the innermost type is " .. vim.inspect(walk.items[1]))
end
vim.cmd("NovaTypeUp")
vim.cmd("NovaTypeUp")
vim.cmd("NovaTypeUp")
local last = walk.items[#walk.items].type
if walk.index < 2 or last ~= "Shape -> Int" then
  fail("walking up reached " .. vim.inspect(walk))
end
vim.cmd("NovaTypeDown")
ok(string.format("%d enclosing types, innermost %s, outermost %s", #walk.items, walk.items[1].type, last))

e2e.step = ":NovaLayers"
local function layer_text()
  local answer
  require("nova.reading").layers(bufnr, function(err, result)
    answer = { err = err, result = result }
  end)
  vim.wait(5000, function()
    return answer ~= nil
  end, 20)
  if answer == nil or answer.err then
    return ""
  end
  return table.concat(require("nova.reading").layer_lines(answer.result), "\n")
end
-- A new value, saved: the save is reported with Shapes' revision in the baseline, its exports changed and Main (which
-- imports it) re-checked; then one more unsaved edit: the session layer shadows Shapes again, with its revision.
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { "", "thrice = Square 3" })
vim.cmd("silent write")
local text
wait_until("nova/layers to report the save of Shapes and Main re-checked", function()
  text = layer_text()
  return text:find("Shapes saved %-> baseline rev %d+ %(exports changed%); re%-checked: [%w, ]*Main") ~= nil
end)
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { "", "later = 1" })
wait_until("nova/layers to show Shapes shadowed by the unsaved edit", function()
  text = layer_text()
  return text:find("session: 1 shadowed", 1, true) ~= nil
end)
if not text:find("Shapes rev %d+ v%d+ unsaved") or not text:find("baseline: 2 modules", 1, true)
    or not text:find("root: ", 1, true) or not text:find("Shapes put in session", 1, true)
    or not text:find("Shapes saved %-> baseline rev %d+ %(exports changed%)") then
  fail("the layers read:\n" .. text)
end
vim.cmd("NovaLayers")
ok(text:gsub("\n", " | "))

e2e.step = "done"
ok()
vim.cmd("qa!")
