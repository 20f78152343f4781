-- Headless tests of the zhnews plugin in real Neovim 0.11 against the real server.
--
--   nvim --headless -u NONE -i NONE -l test/zhnews_spec.lua PLUGIN_DIR TESTDATA_DIR WORK_DIR [EXPECT]
--
-- `zhnews` must be on PATH (the default cmd). Features other parts of zhnews provide (rules,
-- hovers, outline, conversions) are checked when the server offers them; EXPECT (comma-separated:
-- rules,hover-entity,hover-figure,symbols,convert) makes them mandatory. Tests that did not check
-- a feature say "GATED".

local plugin_dir, testdata, work, expect_arg = arg[1], arg[2], arg[3], arg[4] or ''
local expect = {}
for feature in expect_arg:gmatch('[^,]+') do
  expect[feature] = true
end

vim.opt.rtp:prepend(plugin_dir)
vim.cmd('filetype on')

local out = io.stdout
local failures, checked = 0, {}
local function log(line)
  out:write(line .. '\n')
end

-- vim.notify messages, so tests can see what the user would.
local notifications = {}
vim.notify = function(message, level)
  table.insert(notifications, { message = message, level = level })
end

local function read(path)
  local f = assert(io.open(path, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function wait(what, probe, ms)
  if not vim.wait(ms or 15000, probe, 10) then
    error('timed out waiting for ' .. what, 2)
  end
end

local function test(name, fn)
  local notes = {}
  local ok, err = xpcall(function()
    fn(function(note)
      table.insert(notes, note)
    end)
  end, debug.traceback)
  log((ok and 'ok   ' or 'FAIL ') .. name)
  for _, note in ipairs(notes) do
    log('       ' .. note)
  end
  if not ok then
    failures = failures + 1
    log(err)
  end
end

-- A workspace with the fixtures and a zhnews.toml (the root marker).
vim.fn.mkdir(work, 'p')
for _, name in ipairs(vim.fn.readdir(testdata)) do
  if name:match('%.txt$') then
    vim.fn.writefile(vim.fn.readfile(testdata .. '/' .. name, 'b'), work .. '/' .. name, 'b')
  end
end
-- testdata's zhnews.toml declares the Nansha port files as editions ([[editions]]).
vim.fn.writefile(vim.list_extend(vim.fn.readfile(testdata .. '/zhnews.toml'), { '', '[lsp]', 'debounce_ms = 30' }), work .. '/zhnews.toml')

-- Count diagnostic reports, pushed or pulled.
local reports = {}
for _, method in ipairs({ 'textDocument/publishDiagnostics', 'textDocument/diagnostic' }) do
  local original = vim.lsp.handlers[method]
  vim.lsp.handlers[method] = function(err, result, ctx, config)
    local uri = method == 'textDocument/publishDiagnostics' and result and result.uri
      or (ctx.params and ctx.params.textDocument and ctx.params.textDocument.uri)
    if uri then
      reports[uri] = (reports[uri] or 0) + 1
    end
    return original(err, result, ctx, config)
  end
end

require('zhnews').setup({ settings = { lsp = { debounce_ms = 20 } } })

local function open(name)
  vim.cmd.edit(vim.fn.fnameescape(work .. '/' .. name))
  local bufnr = vim.api.nvim_get_current_buf()
  wait('zhnews to attach to ' .. name, function()
    return require('zhnews').client(bufnr) ~= nil and require('zhnews').client(bufnr).initialized
  end)
  return bufnr, require('zhnews').client(bufnr)
end

local function find(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local byte = line:find(needle, 1, true)
    if byte then
      return i - 1, byte - 1, line
    end
  end
  error('not in the buffer: ' .. needle)
end

--- The LSP position `offset_chars` characters into the first `needle` of the buffer, in the
--- client's encoding. Counts characters first: with UTF-8 positions (what Neovim 0.11 and
--- zhnews agree on) adding characters to a column would land inside a Chinese character.
local function position(bufnr, client, needle, offset_chars)
  local row, byte, line = find(bufnr, needle)
  local char = vim.str_utfindex(line, 'utf-32', byte, false) + (offset_chars or 0)
  byte = vim.str_byteindex(line, 'utf-32', char, false)
  return { line = row, character = vim.str_utfindex(line, client.offset_encoding, byte, false) }
end

--- Puts the cursor `offset_chars` characters into the first `needle`, as a user would.
local function cursor_on(bufnr, needle, offset_chars)
  local row, byte, line = find(bufnr, needle)
  local char = vim.str_utfindex(line, 'utf-32', byte, false) + (offset_chars or 0)
  vim.api.nvim_win_set_cursor(0, { row + 1, vim.str_byteindex(line, 'utf-32', char, false) })
end

local HANT, HANS = 'hant-apec-visit.txt', 'hans-chancay-port.txt'
-- Two editions of one story (zhnews.toml's [[editions]]): the Simplified one has 1.5万个 for
-- 1.3萬個 and the typo 正试 for 正式.
local EDITION_HANT, EDITION_HANS = 'hant-nansha-port.txt', 'hans-nansha-port.txt'

test('the plugin starts the server for a text buffer, rooted at zhnews.toml', function()
  local bufnr, client = open(HANT)
  assert(vim.bo[bufnr].filetype == 'text', vim.bo[bufnr].filetype)
  assert(client.server_info and client.server_info.name == 'zhnews', vim.inspect(client.server_info))
  assert(client.config.root_dir == vim.fs.normalize(work), client.config.root_dir)
  -- Neovim 0.11 offers UTF-8, UTF-16 and UTF-32; the server picks one and both sides use it.
  assert(client.offset_encoding == client.server_capabilities.positionEncoding, client.offset_encoding)
  local sync = client.server_capabilities.textDocumentSync
  assert(type(sync) == 'table' and sync.change == 2, 'incremental sync')
  for _, command in ipairs({ 'ZhnewsConvert', 'ZhnewsOutline', 'ZhnewsInfo' }) do
    assert(vim.fn.exists(':' .. command) == 2, command)
  end
end)

test('zhnews/documentInfo gives 繁, 简, 混 and — and feeds the statusline', function()
  local cases = {
    { HANT, 'traditional', '繁', true },
    { HANS, 'simplified', '简', true },
    { 'mixed-bulletin.txt', 'mixed', '混', true },
    { 'english-notes.txt', 'neutral', '—', false },
  }
  for _, case in ipairs(cases) do
    local bufnr = open(case[1])
    local info
    wait('documentInfo for ' .. case[1], function()
      info = require('zhnews').document_info(bufnr)
      return info ~= nil
    end)
    assert(info.script == case[2], case[1] .. ': ' .. vim.inspect(info))
    assert(info.scriptLabel == case[3], case[1] .. ': ' .. vim.inspect(info))
    assert(info.isChinese == case[4], case[1] .. ': ' .. vim.inspect(info))
    assert(info.version == vim.lsp.util.buf_versions[bufnr], 'version ' .. info.version)
    wait('statusline ' .. case[3], function()
      return require('zhnews').statusline() == case[3]
    end)
  end
end)

test('diagnostics arrive, with zhnews codes at the injected problems', function(note)
  local bufnr, client = open(HANT)
  local uri = vim.uri_from_bufnr(bufnr)
  wait('a diagnostic report', function()
    return (reports[uri] or 0) > 0
  end)
  local rules = vim.tbl_get(client.server_capabilities, 'experimental', 'zhnews', 'rules')
  assert(type(rules) == 'table', 'the server lists its rules in capabilities.experimental.zhnews.rules')
  -- sequence-order may point at the skipping 三 or at the late 二.
  local injected = {
    { 'count-mismatch', { '六個方面' } },
    { 'sequence-order', { '三、深化', '二、加強' } },
    { 'mixed-script', { '互动' } },
  }
  local wanted = {}
  for _, case in ipairs(injected) do
    if vim.tbl_contains(rules, case[1]) then
      table.insert(wanted, case)
    else
      note('GATED: rule ' .. case[1] .. ' is not in this server')
    end
  end
  assert(not expect.rules or #wanted == #injected, 'rules expected: ' .. vim.inspect(rules))
  local ns = vim.lsp.diagnostic.get_namespace(client.id, false)
  local pull_ns = vim.lsp.diagnostic.get_namespace(client.id, true)
  local function diagnostics()
    local all = vim.list_extend(vim.diagnostic.get(bufnr, { namespace = ns }), vim.diagnostic.get(bufnr, { namespace = pull_ns }))
    return all
  end
  if #wanted > 0 then
    wait('diagnostics', function()
      return #diagnostics() > 0
    end)
    checked.rules = true
  end
  for _, d in ipairs(diagnostics()) do
    assert(d.source == 'zhnews', vim.inspect(d))
    assert(vim.tbl_contains(rules, d.code), 'unknown code ' .. tostring(d.code))
  end
  for _, case in ipairs(wanted) do
    local rows = vim.tbl_map(function(needle)
      return (find(bufnr, needle))
    end, case[2])
    local hit = vim.iter(diagnostics()):any(function(d)
      return d.code == case[1] and vim.iter(rows):any(function(row)
        return d.lnum <= row and row <= (d.end_lnum or d.lnum)
      end)
    end)
    assert(hit, case[1] .. ' at line ' .. table.concat(vim.tbl_map(function(r)
      return r + 1
    end, rows), ' or ') .. ': ' .. vim.inspect(diagnostics()))
  end
  -- Switching a rule off through the plugin's settings reaches the server and the buffer.
  if #wanted > 0 then
    local code = wanted[1][1]
    local function has(c)
      return vim.iter(diagnostics()):any(function(d)
        return d.code == c
      end)
    end
    require('zhnews').set_settings({ lsp = { debounce_ms = 20 }, rules = { [code] = 'off' } })
    wait(code .. ' to go after switching it off', function()
      return not has(code)
    end)
    require('zhnews').set_settings({ lsp = { debounce_ms = 20 } })
    wait(code .. ' to come back', function()
      return has(code)
    end)
  else
    note('GATED: rule switch-off round trip (no rule fires in this server)')
  end
end)

test('hover on an entity and on a figure', function(note)
  local bufnr, client = open(HANT)
  if not client.server_capabilities.hoverProvider then
    assert(not expect['hover-entity'] and not expect['hover-figure'], 'hover expected')
    note('GATED: hover (no hoverProvider)')
    return
  end
  -- The request `K` (vim.lsp.buf.hover) sends: the cursor position in the client's encoding.
  local function hover(needle, offset)
    cursor_on(bufnr, needle, offset)
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local response = client:request_sync('textDocument/hover', params, 5000, bufnr)
    assert(response and not response.err, vim.inspect(response))
    local result = response.result
    if not result then
      return nil
    end
    local contents = result.contents
    local text = type(contents) == 'string' and contents or contents.value or vim.inspect(contents)
    return text, result.range
  end
  local text, range = hover('國家主席習近平', 5)
  if text or expect['hover-entity'] then
    assert(text and text:find('习近平', 1, true), 'entity hover shows the Simplified form: ' .. tostring(text))
    assert(text:lower():find('xi jinping', 1, true), 'entity hover shows the English name: ' .. text)
    local first, past = position(bufnr, client, '國家主席習近平', 4), position(bufnr, client, '國家主席習近平', 7)
    assert(range and range.start.line == first.line and range['end'].line == first.line
      and range.start.character <= first.character and range['end'].character >= past.character,
      'range covers 習近平: ' .. vim.inspect(range) .. ' ' .. vim.inspect({ first, past }))
    checked['hover-entity'] = true
  else
    note('GATED: entity hover (hoverProvider advertised, no hover on 習近平 yet)')
  end
  local figure = hover('100萬', 1)
  if figure or expect['hover-figure'] then
    assert(figure and figure:find('1,?000,?000'), 'figure hover shows 1,000,000: ' .. tostring(figure))
    checked['hover-figure'] = true
  else
    note('GATED: figure hover (hoverProvider advertised, no hover on 100萬 yet)')
  end
end)

test('document symbols and :ZhnewsOutline', function(note)
  local bufnr, client = open(HANT)
  if not client.server_capabilities.documentSymbolProvider then
    assert(not expect.symbols, 'symbols expected but documentSymbolProvider is not advertised')
    note('GATED: document symbols (no documentSymbolProvider)')
    vim.cmd('ZhnewsOutline')
    assert(notifications[#notifications].message:find('no outline'), vim.inspect(notifications[#notifications]))
    return
  end
  local response = client:request_sync('textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, 5000, bufnr)
  assert(response and response.result and #response.result > 0, vim.inspect(response))
  local names = {}
  local function walk(list)
    for _, s in ipairs(list) do
      table.insert(names, s.name)
      walk(s.children or {})
    end
  end
  walk(response.result)
  assert(response.result[1].name:find('習近平出席亞太經合組織領導人非正式會議', 1, true), vim.inspect(names))
  for _, heading in ipairs({ '推動亞太合作走深走實', '深化中拉互利合作', '加強人文交流' }) do
    assert(vim.iter(names):any(function(n)
      return n:find(heading, 1, true) ~= nil
    end), heading .. ' in ' .. vim.inspect(names))
  end
  vim.cmd('ZhnewsOutline')
  wait('the outline in the location list', function()
    return #vim.fn.getloclist(0) >= 4
  end)
  local items = vim.fn.getloclist(0)
  assert(vim.iter(items):any(function(item)
    return item.text:find('推動亞太合作走深走實', 1, true) ~= nil and item.lnum == 8
  end), vim.inspect(items))
  vim.cmd('lclose')
  checked.symbols = true
end)

test(':ZhnewsConvert t2s converts the buffer exactly; a range converts only its lines', function(note)
  local bufnr = open(HANT)
  local original = buffer_text(bufnr)
  local offered
  require('zhnews').conversion_actions(bufnr, nil, function(conversions)
    offered = conversions
  end)
  wait('code actions', function()
    return offered ~= nil
  end)
  -- Asking for a conversion the server does not offer tells the user and changes nothing.
  local before = #notifications
  vim.cmd('ZhnewsConvert x2y')
  wait('a message', function()
    return #notifications > before
  end)
  assert(notifications[#notifications].message:find('no x2y conversion offered'), notifications[#notifications].message)
  assert(buffer_text(bufnr) == original, 'the buffer is unchanged')
  if #offered == 0 and not expect.convert then
    note('GATED: conversions (the server offers no "Convert document … (config)" action yet)')
    return
  end
  -- Neovim resolves code actions: the server leaves the conversion's edit to codeAction/resolve,
  -- which :ZhnewsConvert then asks for.
  for _, conversion in ipairs(offered) do
    assert(conversion.action.edit == nil, 'offered without its edit: ' .. conversion.title)
  end
  vim.cmd('ZhnewsConvert t2s')
  local expected = read(testdata .. '/hant-apec-visit.t2s.txt')
  wait('the t2s text', function()
    return buffer_text(bufnr) == expected
  end, 5000)
  vim.cmd('edit!')
  local hans = open(HANS)
  local third = vim.api.nvim_buf_get_lines(hans, 2, 3, false)[1]
  vim.cmd('1ZhnewsConvert s2t')
  wait('line 1 in Traditional', function()
    return vim.api.nvim_buf_get_lines(hans, 0, 1, false)[1] == '錢凱港開港滿月 南美貨物直航亞洲更快捷'
  end, 5000)
  assert(vim.api.nvim_buf_get_lines(hans, 2, 3, false)[1] == third, 'the rest is untouched')
  vim.cmd('edit!')
  -- A file without a final line break: the whole buffer is then exactly the document, which
  -- the server offers once, titled for the selection; :ZhnewsConvert must still find it.
  local noeol = work .. '/noeol.txt'
  local file = assert(io.open(noeol, 'wb'))
  file:write((original:gsub('\n$', '')))
  file:close()
  local bare = open('noeol.txt')
  assert(not vim.bo[bare].eol, 'the buffer has no final line break')
  vim.cmd('ZhnewsConvert t2s')
  wait('the t2s text without a final line break', function()
    return buffer_text(bare) == expected
  end, 5000)
  vim.cmd('edit!')
  checked.convert = true
end)

test('editions: a finding points into the other edition, and its quick fix takes its wording', function()
  local bufnr, client = open(EDITION_HANS)
  -- Only the Simplified edition is open: the Traditional one is read from its file.
  assert(vim.fn.bufloaded(work .. '/' .. EDITION_HANT) == 0, 'the other edition is not open')
  local function edition(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == code then
        return d
      end
    end
  end
  wait('an edition-figure diagnostic', function()
    return edition('edition-figure') ~= nil
  end)
  local figure = edition('edition-figure')
  local row = find(bufnr, '1.5万个')
  assert(figure.lnum == row, 'edition-figure on line ' .. (row + 1) .. ': ' .. vim.inspect(figure))
  assert(figure.source == 'zhnews', vim.inspect(figure))
  -- relatedInformation (Neovim advertises it) points at the figure in the other file.
  local related = vim.tbl_get(figure, 'user_data', 'lsp', 'relatedInformation')
  assert(type(related) == 'table' and #related > 0, 'relatedInformation: ' .. vim.inspect(figure.user_data))
  local other = related[1].location
  assert(other.uri == vim.uri_from_fname(work .. '/' .. EDITION_HANT), 'the other edition: ' .. other.uri)
  local hant_lines = vim.fn.readfile(work .. '/' .. EDITION_HANT)
  assert(other.range.start.line == row and other.range['end'].line == row, vim.inspect(other.range))
  local line = hant_lines[row + 1]
  local first = line:find('1.3萬個', 1, true) - 1
  assert(other.range.start.character == vim.str_utfindex(line, client.offset_encoding, first, false),
    'starts at 1.3萬個: ' .. vim.inspect(other.range))
  assert(other.range['end'].character == vim.str_utfindex(line, client.offset_encoding, first + #'1.3萬個', false),
    'ends after 1.3萬個: ' .. vim.inspect(other.range))
  assert(related[1].message:find('1.3萬個', 1, true), related[1].message)

  -- The quick fix on the typo, asked for the way vim.lsp.buf.code_action() asks.
  local text = edition('edition-text')
  assert(text, 'an edition-text diagnostic: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  assert(text.lnum == find(bufnr, '正试'), 'edition-text on the line of 正试: ' .. vim.inspect(text))
  local lsp_diagnostic = text.user_data.lsp
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' }, triggerKind = 1 },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  local response = assert(responses and responses[client.id], 'a code action answer')
  assert(not response.err, vim.inspect(response.err))
  local title = "Take the other edition's wording: `正式`"
  local fix = vim.iter(response.result or {}):find(function(action)
    return action.title == title
  end)
  assert(fix, title .. ' in ' .. vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, response.result or {})))
  assert(fix.kind == 'quickfix', vim.inspect(fix))
  local uri = vim.uri_from_bufnr(bufnr)
  local edits = {}
  for _, change in ipairs(fix.edit.documentChanges or {}) do
    assert(change.textDocument.uri == uri, 'edits this edition: ' .. vim.inspect(change.textDocument))
    assert(change.textDocument.version == vim.lsp.util.buf_versions[bufnr], vim.inspect(change.textDocument))
    vim.list_extend(edits, change.edits)
  end
  vim.list_extend(edits, fix.edit.changes and fix.edit.changes[uri] or {})
  assert(#edits == 1 and edits[1].newText == '正式', vim.inspect(fix.edit))
  assert(vim.deep_equal(edits[1].range, lsp_diagnostic.range), 'replaces 正试: ' .. vim.inspect(edits[1].range))
  -- Applied, the typo is gone from the buffer and the finding from the diagnostics.
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  assert(vim.api.nvim_buf_get_lines(bufnr, text.lnum, text.lnum + 1, false)[1]:find('正式开港', 1, true), 'the fix is applied')
  wait('edition-text to go after the fix', function()
    return edition('edition-text') == nil and edition('edition-figure') ~= nil
  end)
  vim.cmd('edit!')
  checked.editions = true
end)

test('the server shuts down cleanly when the client stops', function()
  local _, client = open(HANT)
  client:stop()
  wait('the client to stop', function()
    return client:is_stopped()
  end, 5000)
  local errors = vim.tbl_filter(function(n)
    return n.level == vim.log.levels.ERROR
  end, notifications)
  assert(#errors == 0, vim.inspect(errors))
end)

local list = vim.tbl_keys(checked)
table.sort(list)
log(('features checked: %s'):format(#list > 0 and table.concat(list, ', ') or 'none beyond lifecycle and documentInfo'))
if failures > 0 then
  log(failures .. ' test(s) failed')
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
