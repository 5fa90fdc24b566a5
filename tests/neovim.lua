-- A real editor as ielint's client: Neovim's own LSP client, headless.
-- tests/neovim runs `nvim --headless --clean DOCUMENT -c 'luafile THIS'`
-- with IELINT (the program) and OUT (where to write what happened) in the
-- environment. Each step writes lines to OUT, which the test compares:
--   diagnostics STEP: one line "CODE LINE COLUMN" per diagnostic, the line
--   and column 0-based as Neovim has them (columns in bytes, converted by
--   Neovim from the UTF-16 characters the server sent);
--   text LINE: a line of the buffer after a code action;
--   hover: whether the hover names the rule;
--   completion: whether a member name is offered.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function say(line) out:write(line, '\n') out:flush() end

local buffer = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'ielint',
  cmd = { os.getenv('IELINT'), '--lsp' },
  root_dir = vim.fn.expand('%:p:h'),
})
if not client then
  say('no client')
  vim.cmd('qall!')
end
vim.lsp.buf_attach_client(buffer, client)

-- The diagnostics as "CODE LINE COLUMN", sorted.
local function diagnostics()
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(lines, string.format('%s %d %d', code, d.lnum, d.col))
  end
  table.sort(lines)
  return lines
end

-- Waits until the published diagnostics number `count`, then writes them.
local function wait_for(step, count)
  vim.wait(10000, function() return #vim.diagnostic.get(buffer) == count end, 20)
  say('diagnostics ' .. step)
  for _, line in ipairs(diagnostics()) do say(line) end
end

local function position(line, character)
  return {
    textDocument = vim.lsp.util.make_text_document_params(buffer),
    position = { line = line, character = character },
  }
end

wait_for('open', 2)

-- Hover on the name that breaks IE205.
local hovers = vim.lsp.buf_request_sync(buffer, 'textDocument/hover', position(0, 8), 5000)
local hover_text = ''
for _, answer in pairs(hovers or {}) do
  if answer.result and answer.result.contents then
    hover_text = hover_text .. vim.inspect(answer.result.contents)
  end
end
say('hover names IE205: ' .. tostring(hover_text:find('IE205', 1, true) ~= nil))

-- The quick fix of the diagnostic on line 19 (0-based 18), applied as a
-- user would: the edit is applied to the buffer, which tells the server.
local on_19 = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  if d.lnum == 18 then table.insert(on_19, d.user_data.lsp) end
end
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buffer),
  range = { start = { line = 18, character = 0 }, ['end'] = { line = 18, character = 80 } },
  context = { diagnostics = on_19 },
}
local answers = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', params, 5000)
local applied = false
for _, answer in pairs(answers or {}) do
  for _, action in ipairs(answer.result or {}) do
    if not applied and action.kind == 'quickfix' and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
say('text 19: ' .. vim.api.nvim_buf_get_lines(buffer, 18, 19, false)[1])
wait_for('after the fix', 1)

-- An edit by hand: the name mended, then broken again.
vim.api.nvim_buf_set_text(buffer, 0, 11, 0, 12, { '-' })
wait_for('after mending the name', 0)
vim.api.nvim_buf_set_text(buffer, 0, 6, 0, 6, { 'x_' })
wait_for('after breaking it again', 1)

-- A key being typed on a new last line: the members still missing are
-- offered, and one the document has is not.
vim.api.nvim_buf_set_lines(buffer, -1, -1, false, { 'Sche' })
local completions = vim.lsp.buf_request_sync(buffer, 'textDocument/completion',
  position(19, 4), 5000)
local labels = {}
for _, answer in pairs(completions or {}) do
  local items = answer.result and (answer.result.items or answer.result) or {}
  for _, item in ipairs(items) do labels[item.label] = true end
end
say('completion offers Schedule: ' .. tostring(labels['Schedule'] == true))
say('completion offers Name: ' .. tostring(labels['Name'] == true))

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.client_is_stopped(client) end, 20)
say('stopped: ' .. tostring(vim.lsp.client_is_stopped(client)))
out:close()
vim.cmd('qall!')
