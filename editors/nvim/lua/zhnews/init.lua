-- zhnews for Neovim: starts the zhnews language server for text buffers and adds commands that
-- use its code actions (script conversion) and document symbols (outline).
--
--   require('zhnews').setup({ settings = { rules = { ['sequence-order'] = 'error' } } })
--
-- Neovim 0.11 uses vim.lsp.config/vim.lsp.enable with lsp/zhnews.lua; Neovim 0.10 starts the
-- client from a FileType autocommand with the same configuration.

local M = {}

--- The OpenCC configurations the server's conversion actions name, for completion.
M.conversions = {
  's2t', 't2s', 's2tw', 'tw2s', 's2twp', 'tw2sp', 's2hk', 'hk2s',
  't2tw', 'tw2t', 't2hk', 'hk2t', 't2jp', 'jp2t',
}

local NAME = 'zhnews'

local function defaults()
  local ok, config = pcall(dofile, vim.api.nvim_get_runtime_file('lsp/zhnews.lua', false)[1] or '')
  if ok and type(config) == 'table' then
    return config
  end
  return { cmd = { 'zhnews', 'serve' }, filetypes = { 'text' }, root_markers = { 'zhnews.toml', '.git' } }
end

--- The zhnews client attached to a buffer, if any.
---@param bufnr integer?
---@return vim.lsp.Client?
function M.client(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr or 0, name = NAME })[1]
end

local function notify(message, level)
  vim.notify('zhnews: ' .. message, level or vim.log.levels.INFO)
end

--- Starts zhnews for text buffers. `opts` are vim.lsp.Config fields (cmd, filetypes,
--- root_markers, settings, on_attach, …); `settings` mirror zhnews.toml.
---@param opts table?
function M.setup(opts)
  opts = opts or {}
  M.create_commands()
  if vim.lsp.config and vim.lsp.enable then
    if next(opts) ~= nil then
      vim.lsp.config(NAME, opts)
    end
    vim.lsp.enable(NAME)
    return
  end
  -- Neovim 0.10: start the client ourselves.
  local config = vim.tbl_deep_extend('force', defaults(), opts)
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('zhnews', { clear = true }),
    pattern = config.filetypes,
    callback = function(args)
      local root = vim.fs.root(args.buf, config.root_markers)
      vim.lsp.start(vim.tbl_extend('force', config, {
        name = NAME,
        root_dir = root or vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
      }), { bufnr = args.buf })
    end,
  })
end

--- The range of the whole buffer, in the client's position encoding.
local function whole_buffer(bufnr, encoding)
  local count = vim.api.nvim_buf_line_count(bufnr)
  local last = vim.api.nvim_buf_get_lines(bufnr, count - 1, count, false)[1] or ''
  return {
    start = { line = 0, character = 0 },
    ['end'] = { line = count - 1, character = vim.str_utfindex(last, encoding, #last, false) },
  }
end

--- Lines line1..line2 (1-based, inclusive), in the client's position encoding.
local function lines_range(bufnr, line1, line2, encoding)
  local last = vim.api.nvim_buf_get_lines(bufnr, line2 - 1, line2, false)[1] or ''
  return {
    start = { line = line1 - 1, character = 0 },
    ['end'] = { line = line2 - 1, character = vim.str_utfindex(last, encoding, #last, false) },
  }
end

--- The conversion a code action offers for `scope` ('document' or 'selection'): `{ title,
--- config }`, or nil. The server offers scopes with equal ranges once, under the narrowest name
--- (a range over the whole buffer is "Convert selection … (t2s)"), and lists every scope the
--- action converts in `data.scopes`; titles are the fallback for servers without that data.
---@param action table
---@param scope string
---@return { title: string, config: string }?
function M.conversion_for(action, scope)
  if type(action.title) ~= 'string' then
    return nil
  end
  local data = type(action.data) == 'table' and action.data or {}
  if type(data.config) == 'string' and type(data.scopes) == 'table' then
    if not vim.tbl_contains(data.scopes, scope) then
      return nil
    end
    return { title = (action.title:gsub('^Convert %S+', 'Convert ' .. scope)), config = data.config }
  end
  local config = action.title:match('%(([%w]+)%)%s*$')
  if config and action.title:lower():find('^convert ' .. scope) then
    return { title = action.title, config = config }
  end
  return nil
end

--- The conversion actions the server offers for a range: `{ title, config, action }` items.
---@param bufnr integer
---@param range table? LSP range; the whole buffer when nil
---@param callback fun(conversions: table[], err: string?)
function M.conversion_actions(bufnr, range, callback)
  local client = M.client(bufnr)
  if not client then
    callback({}, 'the zhnews server is not attached to this buffer')
    return
  end
  local scope = range and 'selection' or 'document'
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = range or whole_buffer(bufnr, client.offset_encoding),
    context = { diagnostics = {}, only = { 'refactor.rewrite' }, triggerKind = 1 },
  }
  client:request('textDocument/codeAction', params, function(err, result)
    if err then
      callback({}, err.message)
      return
    end
    local found = {}
    for _, action in ipairs(result or {}) do
      local conversion = M.conversion_for(action, scope)
      if conversion then
        conversion.action = action
        table.insert(found, conversion)
      end
    end
    callback(found)
  end, bufnr)
end

local function apply(client, bufnr, action)
  local function run(resolved)
    if resolved.edit then
      vim.lsp.util.apply_workspace_edit(resolved.edit, client.offset_encoding)
    end
    if resolved.command then
      client:exec_cmd(resolved.command, { bufnr = bufnr })
    end
  end
  if not action.edit and not action.command and client:supports_method('codeAction/resolve') then
    client:request('codeAction/resolve', action, function(err, resolved)
      if err or not resolved then
        notify('could not resolve the action: ' .. (err and err.message or 'no answer'), vim.log.levels.ERROR)
        return
      end
      run(resolved)
    end, bufnr)
  else
    run(action)
  end
end

--- Converts the buffer (or lines line1..line2) with the server's OpenCC action for `config`.
---@param config string e.g. 't2s'
---@param opts { bufnr: integer?, line1: integer?, line2: integer?, on_done: fun(ok: boolean)? }?
function M.convert(config, opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  local done = opts.on_done or function() end
  if not client then
    notify('the zhnews server is not attached to this buffer', vim.log.levels.WARN)
    done(false)
    return
  end
  local range
  if opts.line1 and opts.line2 then
    range = lines_range(bufnr, opts.line1, opts.line2, client.offset_encoding)
  end
  M.conversion_actions(bufnr, range, function(conversions, err)
    if err then
      notify(err, vim.log.levels.ERROR)
      done(false)
      return
    end
    for _, conversion in ipairs(conversions) do
      if conversion.config == config then
        apply(client, bufnr, conversion.action)
        done(true)
        return
      end
    end
    local offered = vim.tbl_map(function(c)
      return c.config
    end, conversions)
    notify(
      ('no %s conversion offered for this %s (offered: %s)'):format(
        config,
        range and 'range' or 'buffer',
        #offered > 0 and table.concat(offered, ', ') or 'none'
      ),
      vim.log.levels.WARN
    )
    done(false)
  end)
end

--- Puts the document symbols (headlines, sections) in the location list and opens it.
function M.outline()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    notify('the zhnews server is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  if not client:supports_method('textDocument/documentSymbol') then
    notify('this zhnews server has no outline (documentSymbol)', vim.log.levels.WARN)
    return
  end
  vim.lsp.buf.document_symbol({
    on_list = function(list)
      vim.fn.setloclist(0, {}, ' ', { title = 'zhnews outline', items = list.items })
      vim.cmd('lopen')
    end,
  })
end

--- `zhnews/documentInfo` for a buffer: { version, script, scriptLabel, isChinese, analysed }.
---@param bufnr integer?
---@param timeout_ms integer?
---@return table?
function M.document_info(bufnr, timeout_ms)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    return nil
  end
  local response = client:request_sync(
    'zhnews/documentInfo',
    { textDocument = vim.lsp.util.make_text_document_params(bufnr) },
    timeout_ms or 1000,
    bufnr
  )
  if response and response.result then
    vim.b[bufnr].zhnews_script = response.result.scriptLabel
    return response.result
  end
  return nil
end

--- Pulls diagnostics for a buffer again (Neovim 0.11 does not take the server's
--- workspace/diagnostic/refresh, so the plugin asks after a settings change).
---@param client vim.lsp.Client
---@param bufnr integer
function M.refresh_diagnostics(client, bufnr)
  if not client:supports_method('textDocument/diagnostic', bufnr) then
    return -- the server pushes after re-analysing
  end
  client:request('textDocument/diagnostic', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, function(err, result, ctx)
    vim.lsp.diagnostic.on_diagnostic(err, result, ctx)
  end, bufnr)
end

--- Replaces the settings of the running zhnews clients (the zhnews.toml-shaped object, as in
--- vim.lsp.config's `settings`), tells the servers and refreshes the diagnostics.
---@param settings table
function M.set_settings(settings)
  for _, client in ipairs(vim.lsp.get_clients({ name = NAME })) do
    client.settings = settings
    client:notify('workspace/didChangeConfiguration', { settings = settings })
    for bufnr in pairs(client.attached_buffers) do
      M.refresh_diagnostics(client, bufnr)
    end
  end
end

--- The script label of the buffer for a statusline (繁, 简, 混, —), or '' without zhnews.
--- Updated on attach and after edits; never blocks the statusline.
function M.statusline()
  return vim.b.zhnews_script or ''
end

local commands_created = false

function M.create_commands()
  if commands_created then
    return
  end
  commands_created = true
  vim.api.nvim_create_user_command('ZhnewsConvert', function(args)
    if args.range == 0 then
      M.convert(args.args)
    else
      M.convert(args.args, { line1 = args.line1, line2 = args.line2 })
    end
  end, {
    nargs = 1,
    range = true,
    complete = function(lead)
      return vim.tbl_filter(function(c)
        return c:find(lead, 1, true) == 1
      end, M.conversions)
    end,
    desc = 'zhnews: convert the buffer or a range with an OpenCC configuration (t2s, s2twp, …)',
  })
  vim.api.nvim_create_user_command('ZhnewsOutline', M.outline, { desc = 'zhnews: outline in the location list' })
  vim.api.nvim_create_user_command('ZhnewsInfo', function()
    local info = M.document_info()
    if info then
      notify(('%s %s (version %d)'):format(info.scriptLabel, info.script, info.version))
    else
      notify('no information (is the server attached?)', vim.log.levels.WARN)
    end
  end, { desc = 'zhnews: the script of the buffer' })

  local group = vim.api.nvim_create_augroup('zhnews_status', { clear = true })
  local function refresh(bufnr)
    local client = M.client(bufnr)
    if not client then
      return
    end
    client:request('zhnews/documentInfo', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, function(_, result)
      if result and vim.api.nvim_buf_is_valid(bufnr) then
        vim.b[bufnr].zhnews_script = result.scriptLabel
      end
    end, bufnr)
  end
  vim.api.nvim_create_autocmd('LspAttach', {
    group = group,
    callback = function(args)
      local client = vim.lsp.get_client_by_id(args.data.client_id)
      if client and client.name == NAME then
        refresh(args.buf)
      end
    end,
  })
  local timer = assert((vim.uv or vim.loop).new_timer())
  vim.api.nvim_create_autocmd({ 'TextChanged', 'InsertLeave' }, {
    group = group,
    callback = function(args)
      if not M.client(args.buf) then
        return
      end
      timer:stop()
      timer:start(300, 0, vim.schedule_wrap(function()
        if vim.api.nvim_buf_is_valid(args.buf) then
          refresh(args.buf)
        end
      end))
    end,
  })
end

return M
