"""Finding the document a saved session is pinned to, for commands that read sessions."""

from __future__ import annotations

import argparse

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.options import catalog
from threshold_guide.exit_status import ExitStatus
from threshold_guide.models.document import ThresholdDocument
from threshold_guide.models.session import Session
from threshold_guide.storage.session_store import SessionStore


def pinned_document(args: argparse.Namespace, session: Session) -> tuple[ThresholdDocument, str]:
    """The document version the session is pinned to, and the hash of what was found.

    The guidance folders first; if the version is not there, the copy the app keeps beside
    saved sessions. A version whose content changed is still used, with a warning, because
    the id and version are what the practitioner chose and the explanation says it differs.
    """
    ref = session.guidance
    versions = catalog(args).versions(ref.id)
    for entry in versions:
        if entry.version == ref.version:
            if entry.sha256 != ref.sha256:
                note(f"warning: {ref.id} {ref.version} in {entry.path} has changed since the "
                     f"session was made (content {entry.sha256[:12]}, session "
                     f"{ref.sha256[:12]}); the explanation says so")
            return entry.document, entry.sha256
    kept = SessionStore().kept_document(ref.sha256)
    if kept is not None:
        note(f"{ref.id} {ref.version} is not in the guidance folders; using the copy kept "
             "with your saved sessions")
        return kept, ref.sha256
    found = ", ".join(entry.version for entry in versions) or "none"
    raise CommandError(
        f"{args.session}: the session is pinned to {ref.id} {ref.version}, which is not in "
        f"the guidance folders (versions of {ref.id} found: {found})",
        "pass --guidance DIR with the folder that holds that version",
        ExitStatus.USAGE,
    )
