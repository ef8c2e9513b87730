"""The Textual interface, used live in meetings and often projected."""
