"""Process exit codes, one place, so scripts can rely on them."""

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    """Success (warnings allowed)."""
    ERROR = 1
    """The input was read but is wrong: validation errors, bad answers, a failed check."""
    USAGE = 2
    """The command line is wrong: unknown option, unknown document id or version."""
    INTERNAL = 3
    """A bug in threshold-guide. Nothing the user typed is lost; please report it."""
    INTERRUPTED = 130
    """Stopped with Ctrl+C."""
    BROKEN_PIPE = 141
    """The reader of the output went away (``... | head``): 128 + SIGPIPE, as the shell's
    own tools exit."""
