"""Validation: every problem of a file, at once, with its line and a way to fix it."""
