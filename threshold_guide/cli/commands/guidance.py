"""threshold-guide guidance list: the documents and versions found, and which is current."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from threshold_guide.cli.options import Commands, catalog
from threshold_guide.exit_status import ExitStatus
from threshold_guide.i18n.catalogue import _
from threshold_guide.models.text import render
from threshold_guide.paths import guidance_dirs

EXAMPLE = """example:
  threshold-guide guidance list
  threshold-guide guidance list --guidance ./our-board/ --format json
"""


def add_parser(commands: Commands, parents: list[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "guidance", help="list the threshold documents found",
        description="Work with the guidance folder in use.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="guidance_command", metavar="COMMAND", required=True)
    listing = sub.add_parser(
        "list", parents=parents, help="documents and versions found, and which is current",
        description="List every document version in the guidance folder, which version is "
        "current (the latest published one in effect today), and any file that is broken.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    found = catalog(args)
    today = dt.date.today()
    current = {doc_id: found.current(doc_id, today) for doc_id in found.ids()}
    rows = [
        {
            "id": entry.id,
            "version": entry.version,
            "status": entry.document.status.value,
            "effective_from": entry.document.effective_from.isoformat(),
            "decision": entry.document.decision.value,
            "title": render(entry.document.title),
            "file": str(entry.path),
            "sha256": entry.sha256,
            "current": current.get(entry.id) is entry,
        }
        for entry in found.entries
    ]
    broken = [
        {"file": str(item.path), "errors": [d.render() for d in item.diagnostics]}
        for item in found.broken
    ]
    if args.format == "json":
        payload = {"folders": [str(p) for p in guidance_dirs(args.guidance)],
                   "documents": rows, "broken": broken}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return ExitStatus.OK
    if not rows:
        print(_("No valid threshold documents found in: {folders}").format(
            folders=", ".join(str(p) for p in guidance_dirs(args.guidance))))
    widths = [max((len(str(r[k])) for r in rows), default=0) for k in ("id", "version", "status")]
    for row in rows:
        mark = "* " if row["current"] else "  "
        since = _("from {date}").format(date=row["effective_from"])
        print(f"{mark}{row['id']:<{widths[0]}}  {row['version']:<{widths[1]}}  "
              f"{row['status']:<{widths[2]}}  {since}  {row['decision']}  {row['file']}")
    if rows:
        print(_("(* current: the latest published version in effect today)"))
    for item in broken:
        print(_("BROKEN {file}:").format(file=item["file"]))
        for line in item["errors"]:
            print("  " + line.replace("\n", "\n  "))
    return ExitStatus.OK
