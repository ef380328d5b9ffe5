"""Finding the document a saved session is pinned to, for commands that read sessions."""

from __future__ import annotations

import argparse

from threshold_guide.cli.console import CommandError, note
from threshold_guide.cli.options import catalog
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
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
                note(_("warning: {document} {version} in {path} has changed since the "
                       "session was made (content {found}, session {pinned}); the "
                       "explanation says so").format(
                           document=ref.id, version=ref.version, path=entry.path,
                           found=entry.sha256[:12], pinned=ref.sha256[:12]))
            return entry.document, entry.sha256
    kept = SessionStore().kept_document(ref.sha256)
    if kept is not None:
        note(_("{document} {version} is not in the guidance folders; using the copy kept "
               "with your saved sessions").format(document=ref.id, version=ref.version))
        return kept, ref.sha256
    # Translators: no versions of the document were found.
    found = ", ".join(entry.version for entry in versions) or _("none")
    raise CommandError(
        _("{session}: the session is pinned to {document} {version}, which is not in "
          "the guidance folders (versions of {document} found: {found})").format(
              session=args.session, document=ref.id, version=ref.version, found=found),
        _("pass --guidance DIR with the folder that holds that version"),
        ExitStatus.USAGE,
    )
