-- `.nova` files are Nova source files.
vim.filetype.add({ extension = { nova = "nova" } })
