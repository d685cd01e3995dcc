-- Buffer-local editing defaults for Nova, matching PureScript's conventions (two-space layout, `--` comments).
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = true

vim.bo.commentstring = "-- %s"
vim.bo.comments = ":-- |,:--"
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.iskeyword = "@,48-57,_,'"
vim.bo.suffixesadd = ".nova"

vim.b.undo_ftplugin = "setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< suffixesadd<"
