"""The language server (`assertlint server`): findings as diagnostics while you type, rewrites as
code actions, rule documentation on hover. Its only door into the linter is `backend`."""
