-- Nova support for Neovim >= 0.11: registers the nova-lsp client with `vim.lsp.config`/`vim.lsp.enable`, and adds
-- `:NovaEval` (the server's `nova/evaluate` request) and `:NovaRestart`.
local M = {}

-- `nova.toml` (the project manifest) comes first: in a package nested inside a git repository (the repository's
-- `examples/`, say) the package is the project, as it is for `nova check` and the server.
M.default_root_markers = { "nova.toml", "spago.yaml", "spago.dhall", ".git" }
M.server_name = "nova-lsp"

local state = { opts = nil, servers = {}, told = {} }

--- Each start folder and every folder above it, nearest first, each once.
function M.folders_upwards(starts)
  local seen, out = {}, {}
  for _, start in ipairs(starts) do
    if type(start) == "string" and start ~= "" then
      local dir = vim.fs.normalize(vim.fn.fnamemodify(start, ":p"))
      if #dir > 1 then
        dir = dir:gsub("/$", "")
      end
      while true do
        if not seen[dir] then
          seen[dir] = true
          table.insert(out, dir)
        end
        local parent = vim.fs.dirname(dir)
        if parent == nil or parent == dir then
          break
        end
        dir = parent
      end
    end
  end
  return out
end

--- The nova-lsp executable for files under the `starts` folders: the nearest `.venv/bin/nova-lsp` at or above one
--- of them (nova-lsp is a Python console script, usually installed into a project's virtual environment), else
--- `nova-lsp` on PATH. Returns the path (nil when there is none) and the folders searched.
function M.find_server(starts)
  local searched = M.folders_upwards(starts)
  for _, dir in ipairs(searched) do
    local candidate = dir .. "/.venv/bin/" .. M.server_name
    if vim.fn.executable(candidate) == 1 then
      return candidate, searched
    end
  end
  local on_path = vim.fn.exepath(M.server_name)
  if on_path ~= "" then
    return on_path, searched
  end
  return nil, searched
end

--- What the user reads when no server is found: where it was looked for, and the fix.
function M.missing_server_message(starts)
  local where = table.concat(vim.tbl_filter(function(s)
    return type(s) == "string" and s ~= ""
  end, starts), ", ")
  return string.format(
    "nova: cannot find the language server %s: it is not in .venv/bin of %s or of a folder above, nor on PATH. "
      .. "Fix: run `make install` in your nova-lsp checkout (it creates .venv/bin/nova-lsp), or pass "
      .. "cmd = { \"/path/to/nova-lsp\", \"--stdio\" } to require(\"nova\").setup(); then :NovaRestart.",
    M.server_name,
    where ~= "" and where or vim.fn.getcwd()
  )
end

--- Where to search for the server for buffer `bufnr` under project `root`: the file's folder first, then the
--- project root, then the current directory (Neovim may have been started anywhere).
local function search_starts(bufnr, root)
  local starts = {}
  local name = bufnr and vim.api.nvim_buf_is_valid(bufnr) and vim.api.nvim_buf_get_name(bufnr) or ""
  if name ~= "" and vim.bo[bufnr].buftype == "" then
    table.insert(starts, vim.fs.dirname(vim.fs.normalize(vim.fn.fnamemodify(name, ":p"))))
  end
  if root then
    table.insert(starts, root)
  end
  table.insert(starts, vim.fn.getcwd())
  return starts
end

--- The default `cmd`: starts the server found for the client's root (by `root_dir` below, from the file that
--- opened it), so the plugin works whatever directory Neovim was started in.
function M.search_cmd(dispatchers, config)
  local root = config and config.root_dir or nil
  local exe = root and state.servers[root] or M.find_server(search_starts(vim.api.nvim_get_current_buf(), root))
  return vim.lsp.rpc.start({ exe or M.server_name, "--stdio" }, dispatchers, {
    cwd = config and config.cmd_cwd or nil,
    env = config and config.cmd_env or nil,
    detached = config and config.detached,
  })
end

--- The server command: an explicit `cmd`, else the search above.
local function resolve_cmd(opts)
  if opts.cmd then
    return opts.cmd
  end
  return M.search_cmd
end

--- A daemon address: `HOST:PORT` (loopback TCP) → { host, port }; an absolute path or `unix:PATH` → { path }.
function M.parse_daemon(address)
  if type(address) ~= "string" or address == "" then
    return nil
  end
  if address:sub(1, 5) == "unix:" then
    return { path = address:sub(6) }
  end
  if address:sub(1, 1) == "/" then
    return { path = address }
  end
  local host, port = address:match("^%[?([^%]]-)%]?:(%d+)$")
  port = tonumber(port)
  if host == nil or host == "" or port == nil or port > 65535 then
    return nil
  end
  return { host = host, port = port }
end

--- Where a TCP daemon on `port` writes its token (the server's order): `$XDG_RUNTIME_DIR/nova-lsp/`, then the
--- private `nova-lsp-UID` folder of `$TMPDIR` (or `/tmp`).
function M.token_candidates(port)
  local name = string.format("tcp-%d.token", port)
  local found = {}
  local runtime = vim.env.XDG_RUNTIME_DIR
  if runtime and runtime:sub(1, 1) == "/" then
    table.insert(found, runtime .. "/nova-lsp/" .. name)
  end
  local tmp = (vim.env.TMPDIR and vim.env.TMPDIR ~= "") and vim.env.TMPDIR or "/tmp"
  table.insert(found, string.format("%s/nova-lsp-%d/%s", tmp, vim.uv.getuid(), name))
  return found
end

--- The token of the TCP daemon on `port` (from `token_file` when given), or nil when no file holds one.
function M.read_token(port, token_file)
  local files = token_file and { token_file } or M.token_candidates(port)
  for _, file in ipairs(files) do
    if vim.fn.filereadable(file) == 1 then
      local token = vim.trim(table.concat(vim.fn.readfile(file), "\n"))
      if token ~= "" then
        return token
      end
    end
  end
  return nil
end

--- Client settings for a daemon: connect instead of starting a server, and (TCP) send the daemon's token, read
--- when the connection is made so a restarted daemon's new token is picked up.
local function daemon_settings(opts)
  local daemon = M.parse_daemon(opts.daemon)
  if daemon == nil then
    vim.notify("nova: cannot read the daemon address " .. vim.inspect(opts.daemon), vim.log.levels.ERROR)
    return nil
  end
  if daemon.path then
    return { cmd = vim.lsp.rpc.connect(daemon.path) }
  end
  return {
    cmd = vim.lsp.rpc.connect(daemon.host, daemon.port),
    before_init = function(params, config)
      local token = M.read_token(daemon.port, opts.token_file)
      if token == nil then
        vim.notify(string.format("nova: no token file for the daemon on port %d; it will refuse this client",
          daemon.port), vim.log.levels.WARN)
        return
      end
      params.initializationOptions = vim.tbl_extend("force", params.initializationOptions or {},
        { authToken = token })
      if opts.before_init then
        opts.before_init(params, config)
      end
    end,
  }
end

--- Root of a buffer: the nearest directory holding a root marker, else the file's own directory, so that sibling
--- modules resolve even in a folder that is not a project. With the default command, the server is looked for
--- here too: when there is none the user is told at once, with the fix, and no client is started.
local function root_dir_fn(markers)
  return function(bufnr, on_dir)
    local name = vim.api.nvim_buf_get_name(bufnr)
    local root
    if name == "" then
      root = vim.fn.getcwd()
    else
      root = vim.fs.root(bufnr, markers) or vim.fs.dirname(vim.fs.normalize(name))
    end
    local ok, config = pcall(function()
      return vim.lsp.config.nova
    end)
    if ok and config and config.cmd == M.search_cmd then
      local starts = search_starts(bufnr, root)
      local exe = M.find_server(starts)
      if exe == nil then
        if not state.told[root] then
          state.told[root] = true
          local message = M.missing_server_message(starts)
          vim.schedule(function() -- after the FileType autocommand, so that opening the file itself goes on
            vim.notify(message, vim.log.levels.ERROR)
          end)
        end
        return
      end
      state.servers[root] = exe
      state.told[root] = nil
    end
    on_dir(root)
  end
end

--- The client configuration (as for `vim.lsp.config('nova', …)`) for the given options.
function M.default_config(opts)
  opts = opts or state.opts or {}
  local daemon = opts.daemon and daemon_settings(opts) or nil
  local config = {
    cmd = daemon and daemon.cmd or resolve_cmd(opts),
    before_init = daemon and daemon.before_init or opts.before_init,
    filetypes = { "nova" },
    root_markers = opts.root_markers or M.default_root_markers,
    root_dir = root_dir_fn(opts.root_markers or M.default_root_markers),
    settings = opts.settings or {},
    init_options = opts.init_options,
    capabilities = opts.capabilities,
    on_attach = opts.on_attach,
  }
  if opts.codelens ~= false then
    -- The server asks for fresh lenses once a check completes (a freshly opened file's value lenses only exist
    -- then); Neovim's own client neither declares nor handles `workspace/codeLens/refresh`, so the plugin does.
    config.capabilities = vim.tbl_deep_extend("force", opts.capabilities or {},
      { workspace = { codeLens = { refreshSupport = true } } })
    config.handlers = vim.tbl_extend("force", opts.handlers or {},
      { ["workspace/codeLens/refresh"] = M.on_codelens_refresh })
  end
  return config
end

--- Handler of `workspace/codeLens/refresh`: asks again for the lenses of every buffer the client serves. The
--- request is sent here rather than through `vim.lsp.codelens.refresh`, which drops a refresh while an earlier
--- request of that buffer is still out (the one sent on attach, answered before the first check completed).
function M.on_codelens_refresh(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client == nil then
    return vim.NIL
  end
  for bufnr in pairs(client.attached_buffers) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      client:request("textDocument/codeLens", { textDocument = vim.lsp.util.make_text_document_params(bufnr) },
        vim.lsp.codelens.on_codelens, bufnr)
    end
  end
  return vim.NIL
end

local function nova_client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = "nova" })[1]
end

--- Sends `nova/evaluate` for `expression` in the context of buffer `bufnr`'s module; calls `callback(err, result)`
--- with `result = { value, type, output }`. Returns false when no Nova client is attached to the buffer.
function M.evaluate(expression, bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = nova_client(bufnr)
  if not client then
    callback({ message = "no nova-lsp client is attached to this buffer" }, nil)
    return false
  end
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), expression = expression }
  client:request("nova/evaluate", params, function(err, result)
    callback(err, result)
  end, bufnr)
  return true
end

--- True when the server answered without a value (a type error, a runtime error, a step or time limit).
function M.failed(result)
  return (result.error ~= nil and result.error ~= vim.NIL) or result.value == nil or result.value == vim.NIL
end

--- `value :: Type` (or `error: …`), preceded by whatever the evaluation printed.
function M.format_result(result)
  local lines = {}
  local output = result.output
  if type(output) == "string" and output ~= "" then
    for _, line in ipairs(vim.split((output:gsub("\n$", "")), "\n", { plain = true })) do
      table.insert(lines, line)
    end
  end
  if M.failed(result) then
    local err = result.error
    table.insert(lines, "error: " .. ((err ~= nil and err ~= vim.NIL) and tostring(err) or "no value"))
  else
    table.insert(lines, string.format("%s :: %s", result.value, result.type))
  end
  return table.concat(lines, "\n")
end

local function selected_text(cmd_opts)
  if cmd_opts.args ~= "" then
    return cmd_opts.args
  end
  local bufnr = vim.api.nvim_get_current_buf()
  if cmd_opts.range == 2 then
    local start_pos, end_pos = vim.fn.getpos("'<"), vim.fn.getpos("'>")
    -- A visual selection made on exactly these lines: evaluate the selected characters, else the whole lines.
    if start_pos[2] == cmd_opts.line1 and end_pos[2] == cmd_opts.line2 then
      local mode = vim.fn.visualmode()
      local region = vim.fn.getregion(start_pos, end_pos, { type = mode ~= "" and mode or "v" })
      return table.concat(region, "\n")
    end
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, cmd_opts.line1 - 1, cmd_opts.line2, false), "\n")
  end
  return vim.api.nvim_get_current_line()
end

local function eval_command(cmd_opts)
  local expression = selected_text(cmd_opts)
  if vim.trim(expression) == "" then
    vim.notify("NovaEval: nothing to evaluate", vim.log.levels.WARN)
    return
  end
  M.evaluate(expression, 0, function(err, result)
    if err then
      vim.notify("NovaEval: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    else
      vim.notify(M.format_result(result), M.failed(result) and vim.log.levels.ERROR or vim.log.levels.INFO)
    end
  end)
end

--- Stops every nova client and starts them again for the Nova buffers that are loaded.
function M.restart()
  state.told = {}
  state.servers = {}
  local clients = vim.lsp.get_clients({ name = "nova" })
  for _, client in ipairs(clients) do
    client:stop()
  end
  vim.wait(5000, function()
    for _, client in ipairs(clients) do
      if not client:is_stopped() then
        return false
      end
    end
    return true
  end, 20)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "nova" then
      vim.api.nvim_exec_autocmds("FileType", { buffer = bufnr })
    end
  end
end

--- Configures and enables the nova-lsp client. Options (all optional): `cmd` (list), `daemon` (`"HOST:PORT"` of a
--- `nova-lsp --tcp` daemon, whose token is read and sent for you, or a `nova-lsp --socket` path), `token_file`,
--- `root_markers`, `settings`, `init_options`, `capabilities`, `on_attach`, `before_init`, `codelens` (default true:
--- refresh the server's code lenses), `inlay_hints` (default true: show the server's inlay hints).
function M.setup(opts)
  if vim.fn.has("nvim-0.11") ~= 1 then
    vim.notify("nova.nvim needs Neovim >= 0.11 (vim.lsp.config)", vim.log.levels.ERROR)
    return
  end
  state.opts = opts or {}
  vim.filetype.add({ extension = { nova = "nova" } })
  vim.lsp.config("nova", M.default_config(state.opts))
  vim.lsp.enable("nova")

  if state.opts.codelens ~= false then
    local group = vim.api.nvim_create_augroup("nova.codelens", { clear = true })
    vim.api.nvim_create_autocmd("LspAttach", {
      group = group,
      desc = "Show nova-lsp's code lenses (▶ Evaluate) in Nova buffers",
      callback = function(event)
        local client = vim.lsp.get_client_by_id(event.data.client_id)
        if not client or client.name ~= "nova" or not client:supports_method("textDocument/codeLens") then
          return
        end
        vim.lsp.codelens.refresh({ bufnr = event.buf })
        vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
          group = group,
          buffer = event.buf,
          callback = function()
            vim.lsp.codelens.refresh({ bufnr = event.buf })
          end,
        })
      end,
    })
  end

  vim.api.nvim_create_user_command("NovaEval", eval_command, {
    nargs = "*",
    range = true,
    desc = "Evaluate an expression (the arguments, the selection or the current line) with nova-lsp",
  })
  vim.api.nvim_create_user_command("NovaRestart", M.restart, { desc = "Restart the nova-lsp client" })
  require("nova.reading").setup(state.opts)
end

return M
