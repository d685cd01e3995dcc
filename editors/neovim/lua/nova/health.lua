-- `:checkhealth nova`: is Neovim new enough, can the server command run, and is a client attached.
local M = {}

function M.check()
  vim.health.start("nova")
  if vim.fn.has("nvim-0.11") == 1 then
    vim.health.ok("Neovim " .. tostring(vim.version()) .. " has vim.lsp.config / vim.lsp.enable")
  else
    vim.health.error("Neovim >= 0.11 is required", { "Upgrade Neovim, or use nvim-lspconfig (see the README)" })
  end

  local config = vim.lsp.config.nova or require("nova").default_config()
  local cmd = config.cmd
  if type(cmd) ~= "table" or #cmd == 0 then
    vim.health.info("the server command is a function (connects to a running daemon?)")
  elseif vim.fn.executable(cmd[1]) == 1 then
    local result = vim.system({ cmd[1], "--version" }, { text = true }):wait(10000)
    if result.code == 0 then
      vim.health.ok(string.format("%s: %s", vim.fn.exepath(cmd[1]), vim.trim(result.stdout or "")))
    else
      vim.health.error(string.format("`%s --version` failed: %s", cmd[1], vim.trim(result.stderr or "")))
    end
  else
    vim.health.error(string.format("`%s` is not executable", cmd[1]), {
      "Install nova-lsp (pip install …) or pass `cmd` to require('nova').setup()",
    })
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
