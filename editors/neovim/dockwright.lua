-- Dockwright's language server for Neovim's built-in LSP client (Neovim 0.7 and later).
--
-- Put this file on your runtimepath (e.g. ~/.config/nvim/lua/dockwright.lua) and add
-- `require("dockwright").setup()` to init.lua, or source it directly. `dockwright` must be on PATH
-- (pip install dockwright), or give the command: setup({ cmd = { "/path/to/dockwright", "lsp" } }).
local M = {}

local root_markers = { ".dockwright.yaml", ".dockwright.yml", ".hadolint.yaml", ".hadolint.yml", ".dclintrc", ".git" }

local function is_compose(path)
  local name = vim.fn.fnamemodify(path, ":t"):lower()
  return name:match("^docker%-compose.*%.ya?ml$") ~= nil or name:match("^compose.*%.ya?ml$") ~= nil
end

-- The nearest folder above the file holding one of the markers, else the file's own folder.
local function root_dir(path)
  local folder = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(root_markers) do
    local found = vim.fn.findfile(marker, folder .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, folder .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git/?$", "")
    end
  end
  return folder
end

local function start(bufnr, opts)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if vim.bo[bufnr].filetype == "yaml" and not is_compose(path) then -- other YAML is not ours
    return
  end
  local config = {
    name = "dockwright",
    cmd = opts.cmd or { "dockwright", "lsp" },
    root_dir = root_dir(path),
    init_options = opts.init_options or {},
  }
  if vim.lsp.start then -- Neovim 0.8+: reuses a running client with the same name and root
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  M.clients = M.clients or {}
  local id = M.clients[config.root_dir]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    M.clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(opts)
  opts = opts or {}
  vim.api.nvim_create_autocmd("FileType", {
    pattern = { "dockerfile", "yaml", "yaml.docker-compose" },
    callback = function(args)
      start(args.buf, opts)
    end,
  })
end

return M
