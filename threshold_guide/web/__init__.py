"""The terminal app in a web browser, for training rooms (the optional ``web`` extra)."""
