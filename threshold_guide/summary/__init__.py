"""The referral rationale summary: built from a session, rendered as Markdown or JSON."""
