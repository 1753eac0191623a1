-- Run by tests/lsp_editor.rs in a headless Neovim started with the README's
-- configuration and tests/editor/letter.md open. It waits for letterlint's
-- findings, takes the code action that disables the cliché's rule for its
-- line, waits for the findings of the edited text, then takes the preferred
-- action at the slot (its fix: the company from the front matter) and waits
-- for the slot's finding to go. It writes what it saw to result.json in the
-- working folder; then it quits, whatever happened.

local function letterlint()
  return vim.tbl_filter(function(d)
    return d.source == "letterlint"
  end, vim.diagnostic.get(0))
end

local function shown(diagnostics)
  local out = {}
  for _, d in ipairs(diagnostics) do
    table.insert(out, { code = d.code, line = d.lnum, col = d.col, message = d.message })
  end
  return out
end

local function find(code)
  for _, d in ipairs(letterlint()) do
    if d.code == code then
      return d
    end
  end
end

-- The first code action at diagnostic `d` that `pick` accepts, applied as
-- the editor applies one the user picks.
local function take_action(d, pick)
  local at = { line = d.lnum, character = d.col }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(),
    range = { start = at, ["end"] = at },
    context = { diagnostics = {} },
  }
  local answers = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000)
  for _, answer in pairs(answers or {}) do
    for _, action in ipairs(answer.result or {}) do
      if pick(action) then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        return true
      end
    end
  end
  return false
end

local result = {}
local ok, err = pcall(function()
  vim.wait(30000, function()
    return find("placeholder") ~= nil and find("cliche") ~= nil
  end, 50)
  result.diagnostics = shown(letterlint())

  local cliche = find("cliche")
  result.took_action = cliche ~= nil
    and take_action(cliche, function(action)
      return action.title == "Disable cliche for this line"
    end)
  vim.wait(30000, function()
    return find("cliche") == nil and find("placeholder") ~= nil
  end, 50)
  result.after_action = shown(letterlint())
  result.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)

  local slot = find("placeholder")
  result.took_fix = slot ~= nil
    and take_action(slot, function(action)
      return action.isPreferred == true
    end)
  vim.wait(30000, function()
    return find("placeholder") == nil
  end, 50)
  result.after_fix = shown(letterlint())
  result.fixed_lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
end)
result.error = not ok and tostring(err) or nil
vim.fn.writefile({ vim.fn.json_encode(result) }, "result.json")
vim.cmd("qa!")
