-- Driven by test_neovim.py: open the Dockerfile given on the command line in headless Neovim with
-- editors/neovim/dockwright.lua, wait for the server's diagnostics, apply the quick fix named in
-- $DOCKWRIGHT_ACTION, wait for the diagnostics of the fixed text, and write what happened to $DOCKWRIGHT_RESULT.
local result_path = os.getenv("DOCKWRIGHT_RESULT")
local wanted = os.getenv("DOCKWRIGHT_ACTION")
local result = { steps = {} }

local function finish(ok, message)
  result.ok = ok
  result.message = message
  result.buffer = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.fn.writefile({ vim.fn.json_encode(result) }, result_path)
  vim.cmd("qall!")
end

local function codes()
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    table.insert(found, diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp.code) or "?")
  end
  return found
end

local function run()
  if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
    return finish(false, "no diagnostics arrived")
  end
  result.before = codes()
  local client = vim.lsp.get_active_clients()[1]
  local target
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    if diagnostic.code == "DF009" or (diagnostic.user_data and diagnostic.user_data.lsp.code == "DF009") then
      target = diagnostic
    end
  end
  if target == nil then
    return finish(false, "no DF009 diagnostic")
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    range = {
      start = { line = target.lnum, character = target.col },
      ["end"] = { line = target.end_lnum, character = target.end_col },
    },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000) or {}
  local chosen
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.steps, action.title)
      if action.title == wanted then
        chosen = action
      end
    end
  end
  if chosen == nil then
    return finish(false, "no code action titled " .. wanted)
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  local fixed = vim.wait(20000, function()
    for _, code in ipairs(codes()) do
      if code == "DF009" then
        return false
      end
    end
    return true
  end, 50)
  result.after = codes()
  finish(fixed, fixed and "fixed" or "DF009 still reported after the fix")
end

vim.defer_fn(function()
  local ok, err = pcall(run)
  if not ok then
    finish(false, tostring(err))
  end
end, 10)
