"""Pure domain core: models, validation and rules, free of UI, CLI and document libraries."""
