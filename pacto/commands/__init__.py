"""Subcommands of the `pacto` CLI; each module imports only click at load time."""
