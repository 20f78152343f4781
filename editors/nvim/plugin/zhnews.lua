-- Defines :ZhnewsConvert, :ZhnewsOutline and :ZhnewsInfo; the server itself starts through
-- vim.lsp.enable('zhnews') (Neovim 0.11) or require('zhnews').setup().
if vim.g.loaded_zhnews then
  return
end
vim.g.loaded_zhnews = true
require('zhnews').create_commands()
