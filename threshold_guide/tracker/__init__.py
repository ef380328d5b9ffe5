"""The board's consistency tracker: anonymised records out of saved sessions, one SQLite
database of them, and a report. It reads sessions and documents; it never imports the app."""
