"""`assertlint daemon`: a warm process for drafts and pre-commit hooks (protocol, client,
server, command). `assertlint --daemon ...` or ASSERTLINT_DAEMON=1 sends a check to it."""
