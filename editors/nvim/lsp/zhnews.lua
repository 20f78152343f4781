-- The native Neovim 0.11 configuration for the zhnews language server:
--
--   vim.lsp.enable('zhnews')
--
-- with this folder on the runtimepath. Override any field with vim.lsp.config('zhnews', {...}).
-- `settings` mirror zhnews.toml and override it, e.g.
--   settings = { rules = { ['count-mismatch'] = 'off' }, lsp = { debounce_ms = 300 } }

---@type vim.lsp.Config
return {
  cmd = { 'zhnews', 'serve' },
  filetypes = { 'text' },
  root_markers = { 'zhnews.toml', '.git' },
}
