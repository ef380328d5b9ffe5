"""pydantic models: the single source of truth for every file format the tool reads or writes."""
