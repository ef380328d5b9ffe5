"""Side effects on disk: atomic writes, answers files and saved sessions."""
