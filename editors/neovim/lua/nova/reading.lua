-- Reading code with nova-lsp in Neovim: inlay hints switched on in Nova buffers, and the type of a selection
-- (`nova/typeEnclosing`) with commands that walk from the smallest enclosing expression out and back:
--   :NovaType        the type of the expression under the cursor (or of the visual selection), selecting it
--   :NovaTypeUp      the next larger enclosing expression
--   :NovaTypeDown    back to the smaller one
--   :NovaLayers      the server's layers for this connection (`nova/layers`) and its latest interface updates
-- Semantic tokens and folding need no setup: Neovim uses the server's tokens by itself, and
-- `vim.wo.foldexpr = "v:lua.vim.lsp.foldexpr()"` folds with its ranges.
local M = {}

-- The last answer, per buffer: the enclosing ranges with their types and which one is shown.
local walks = {}

local function nova_client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
end

local function show(bufnr, walk)
  local item = walk.items[walk.index]
  if not item then
    return
  end
  local range = item.range
  local client = nova_client(bufnr)
  local encoding = client and client.offset_encoding or "utf-16"
  local start_col = vim.lsp.util._get_line_byte_from_position(bufnr, range.start, encoding)
  local end_col = vim.lsp.util._get_line_byte_from_position(bufnr, range["end"], encoding)
  walk.shown = { start = { range.start.line, start_col }, finish = { range["end"].line, end_col } }
  vim.api.nvim_echo({ { item.type, "Type" }, { string.format("  (%d/%d)", walk.index, #walk.items), "Comment" } },
    false, {})
  if vim.api.nvim_get_current_buf() == bufnr and vim.fn.mode() == "n" then
    vim.api.nvim_win_set_cursor(0, { range.start.line + 1, start_col })
  end
end

--- Asks for the types around `range` (an LSP range; nil: the cursor) in `bufnr`; `callback(items)` gets
--- `{ { range = …, type = "…" }, … }`, smallest first. Returns false without a Nova client.
function M.type_enclosing(bufnr, range, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = nova_client(bufnr)
  if not client then
    return false
  end
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  if range then
    params.range = range
  else
    params.position = vim.lsp.util.make_position_params(0, client.offset_encoding).position
  end
  client:request("nova/typeEnclosing", params, function(err, result)
    callback(err, result and result.enclosings or {})
  end, bufnr)
  return true
end

local function start(cmd_opts)
  local bufnr = vim.api.nvim_get_current_buf()
  local range = nil
  if cmd_opts.range and cmd_opts.range > 0 then
    local client = nova_client(bufnr)
    local made = vim.lsp.util.make_given_range_params(nil, nil, bufnr, client and client.offset_encoding or "utf-16")
    range = made.range
  end
  local sent = M.type_enclosing(bufnr, range, function(err, items)
    if err then
      vim.notify("nova/typeEnclosing failed: " .. tostring(err.message or err), vim.log.levels.ERROR)
      return
    end
    if #items == 0 then
      vim.notify("No typed expression here", vim.log.levels.INFO)
      return
    end
    walks[bufnr] = { items = items, index = 1 }
    show(bufnr, walks[bufnr])
  end)
  if not sent then
    vim.notify("nova-lsp is not attached to this buffer", vim.log.levels.WARN)
  end
end

local function step(delta)
  local bufnr = vim.api.nvim_get_current_buf()
  local walk = walks[bufnr]
  if not walk then
    start({ range = 0 })
    return
  end
  walk.index = math.max(1, math.min(#walk.items, walk.index + delta))
  show(bufnr, walk)
end

--- The walk of the last :NovaType in `bufnr` (for scripts and tests): `{ items, index }` or nil.
function M.current(bufnr)
  return walks[(bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr]
end

--- The lines `:NovaLayers` prints for a `nova/layers` answer.
function M.layer_lines(result)
  local lines = {}
  for _, session in ipairs(result.sessions or {}) do
    table.insert(lines, (session.folder ~= vim.NIL and session.folder) or "files outside the workspace folders")
    for _, layer in ipairs(session.layers or {}) do
      local modules = layer.modules or {}
      local count = layer.moduleCount or #modules
      if layer.name == "session" then
        table.insert(lines, string.format("  session: %d shadowed", #modules))
      else
        table.insert(lines, string.format("  %s: %d modules%s", layer.name, count, layer.fromCache and " (from cache)" or ""))
      end
      if layer.name ~= "root" then
        for _, m in ipairs(modules) do
          local extra = ""
          if m.version ~= nil and m.version ~= vim.NIL then
            extra = string.format(" v%d", m.version) .. ((m.unsaved == true) and " unsaved" or "")
          end
          table.insert(lines, string.format("    %s rev %s%s", m.module, tostring(m.rev), extra))
        end
      end
    end
  end
  table.insert(lines, "recent updates:")
  for _, e in ipairs(result.events or {}) do
    if e.kind == "save" then
      local rechecked = e.rechecked or {}
      table.insert(lines, string.format("  %s saved -> baseline rev %s%s; re-checked: %s", e.module, tostring(e.rev),
        e.exportsChanged and " (exports changed)" or " (exports unchanged)",
        #rechecked > 0 and table.concat(rechecked, ", ") or "none"))
    else
      table.insert(lines, string.format("  %s %s in %s -> rev %s%s", e.module, e.kind, e.layer, tostring(e.rev),
        e.exportsChanged and " (exports changed)" or ""))
    end
  end
  return lines
end

--- Sends `nova/layers`; `callback(err, result)`. Returns false without a Nova client.
function M.layers(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = nova_client(bufnr)
  if not client then
    return false
  end
  client:request("nova/layers", {}, callback, bufnr)
  return true
end

local function layers_command()
  local sent = M.layers(0, function(err, result)
    if err then
      vim.notify("nova/layers failed: " .. tostring(err.message or err), vim.log.levels.ERROR)
      return
    end
    vim.api.nvim_echo({ { table.concat(M.layer_lines(result), "\n") } }, true, {})
  end)
  if not sent then
    vim.notify("nova-lsp is not attached to this buffer", vim.log.levels.WARN)
  end
end

function M.setup(opts)
  opts = opts or {}
  vim.api.nvim_create_user_command("NovaType", start, {
    range = true,
    desc = "The type of the expression under the cursor or of the selection (nova/typeEnclosing)",
  })
  vim.api.nvim_create_user_command("NovaTypeUp", function()
    step(1)
  end, { desc = "The type of the next larger enclosing expression" })
  vim.api.nvim_create_user_command("NovaTypeDown", function()
    step(-1)
  end, { desc = "The type of the next smaller enclosing expression" })
  vim.api.nvim_create_user_command("NovaLayers", layers_command, {
    desc = "Print the server's layers for this window: session, baseline, root, and the latest updates",
  })
  if opts.inlay_hints ~= false then
    local group = vim.api.nvim_create_augroup("nova.inlay_hints", { clear = true })
    vim.api.nvim_create_autocmd("LspAttach", {
      group = group,
      desc = "Show nova-lsp's inlay hints (inferred types) in Nova buffers",
      callback = function(event)
        local client = vim.lsp.get_client_by_id(event.data.client_id)
        if client and client.name == "nova" and client:supports_method("textDocument/inlayHint") then
          vim.lsp.inlay_hint.enable(true, { bufnr = event.buf })
        end
      end,
    })
  end
end

return M
