"""Deadlines: working days, a board's closure days, the dated steps of a session, calendars."""
