-- `:checkhealth nova`: is Neovim new enough, can the server command run, and is a client attached.
local M = {}

function M.check()
  vim.health.start("nova")
  if vim.fn.has("nvim-0.11") == 1 then
    vim.health.ok("Neovim " .. tostring(vim.version()) .. " has vim.lsp.config / vim.lsp.enable")
  else
    vim.health.error("Neovim >= 0.11 is required", { "Upgrade Neovim, or use nvim-lspconfig (see the README)" })
  end

  local nova = require("nova")
  local config = vim.lsp.config.nova or nova.default_config()
  local cmd = config.cmd
  local exe
  if cmd == nova.search_cmd then
    local starts = {}
    local file = vim.api.nvim_buf_get_name(0)
    if file ~= "" then
      table.insert(starts, vim.fs.dirname(vim.fs.normalize(vim.fn.fnamemodify(file, ":p"))))
    end
    table.insert(starts, vim.fn.getcwd())
    exe = nova.find_server(starts)
    if exe == nil then
      vim.health.error(nova.missing_server_message(starts))
    end
  elseif type(cmd) ~= "table" or #cmd == 0 then
    vim.health.info("the server command is a function (connects to a running daemon?)")
  elseif vim.fn.executable(cmd[1]) == 1 then
    exe = vim.fn.exepath(cmd[1])
  else
    vim.health.error(string.format("`%s` is not executable", cmd[1]), {
      "Run `make install` in your nova-lsp checkout and pass its .venv/bin/nova-lsp as `cmd` to "
        .. "require('nova').setup(), or put nova-lsp on PATH",
    })
  end
  if exe ~= nil then
    local result = vim.system({ exe, "--version" }, { text = true }):wait(10000)
    if result.code == 0 then
      vim.health.ok(string.format("%s: %s", exe, vim.trim(result.stdout or "")))
    else
      vim.health.error(string.format("`%s --version` failed: %s", exe, vim.trim(result.stderr or "")))
    end
  end

  local clients = vim.lsp.get_clients({ name = "nova" })
  if #clients == 0 then
    vim.health.info("no nova client is running (open a .nova file)")
  end
  for _, client in ipairs(clients) do
    vim.health.ok(string.format("client %d: root %s, %d buffer(s)", client.id, tostring(client.root_dir),
      vim.tbl_count(client.attached_buffers)))
  end
end

return M
