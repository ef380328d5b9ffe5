"""The board's database of tracker records: SQLite by default, portable SQL throughout.

SQLite is the embedded default (the standard library's ``sqlite3``, in WAL mode so a report
can read while an import writes). The SQL sticks to what PostgreSQL also accepts:
``INSERT ... ON CONFLICT ... DO UPDATE``, plain types (TEXT, INTEGER), no ``PRAGMA`` outside
:func:`connect`, and the schema version in a table rather than SQLite's ``user_version``.
Moving to PostgreSQL means a connection from a driver with the same DB-API (``psycopg``),
``%s`` instead of ``?`` placeholders, and leaving out the two pragmas.

Every import is one transaction: a file is validated completely before anything is written,
and a failure part-way rolls back, so nothing already imported is ever lost.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from threshold_guide.i18n.catalogue import _
from threshold_guide.models.tracker import TrackerRecord

SCHEMA_VERSION = 1
"""The newest schema this code creates and reads; older databases are migrated on open."""

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE records (
            record_id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            document_version TEXT NOT NULL,
            decision TEXT NOT NULL,
            agency TEXT NOT NULL,
            role TEXT NOT NULL,
            week TEXT NOT NULL,
            month TEXT NOT NULL,
            guidance_outcome TEXT NOT NULL,
            suggested_outcome TEXT NOT NULL,
            chosen_outcome TEXT NOT NULL,
            chosen_level INTEGER NOT NULL,
            test_met INTEGER NOT NULL,
            departure TEXT NOT NULL,
            override TEXT NOT NULL,
            floors_met INTEGER NOT NULL,
            response TEXT,
            escalated INTEGER NOT NULL,
            hours_to_decision INTEGER,
            working_days_to_response INTEGER
        )""",
        """CREATE TABLE record_ticks (
            record_id TEXT NOT NULL REFERENCES records (record_id),
            question_id TEXT NOT NULL,
            answer_id TEXT NOT NULL,
            PRIMARY KEY (record_id, question_id, answer_id)
        )""",
        """CREATE TABLE record_departures (
            record_id TEXT NOT NULL REFERENCES records (record_id),
            question_id TEXT NOT NULL,
            PRIMARY KEY (record_id, question_id)
        )""",
        """CREATE TABLE record_floors (
            record_id TEXT NOT NULL REFERENCES records (record_id),
            floor_id TEXT NOT NULL,
            PRIMARY KEY (record_id, floor_id)
        )""",
        """CREATE TABLE record_uncertain (
            record_id TEXT NOT NULL REFERENCES records (record_id),
            question_id TEXT NOT NULL,
            PRIMARY KEY (record_id, question_id)
        )""",
        """CREATE TABLE imports (
            file_sha256 TEXT PRIMARY KEY,
            records INTEGER NOT NULL,
            first_imported TEXT NOT NULL
        )""",
        "CREATE INDEX records_document ON records (document_id, document_version)",
        "CREATE INDEX records_week ON records (week)",
        "CREATE INDEX ticks_answer ON record_ticks (question_id, answer_id)",
    ],
}

_CHILD_TABLES = ("record_ticks", "record_departures", "record_floors", "record_uncertain")


class DatabaseError(Exception):
    """A database that cannot be used. ``str()`` is a message for the user."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) the database, migrated to :data:`SCHEMA_VERSION`."""
    new = not path.exists()
    if new:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created private: the records are anonymised, but the database is the board's.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        _migrate(connection)
    except sqlite3.DatabaseError as problem:
        raise DatabaseError(_("{path}: not a tracker database ({problem})").format(
            path=path, problem=problem)) from None
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_version" not in tables:
        if tables:
            raise DatabaseError(_("the file is a database, but not a tracker database"))
        return 0
    row = connection.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _migrate(connection: sqlite3.Connection) -> None:
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise DatabaseError(
            _("the database uses schema {current}, newer than this threshold-guide knows "
              "({known}); upgrade threshold-guide").format(current=current, known=SCHEMA_VERSION)
        )
    if current == SCHEMA_VERSION:
        return
    connection.execute("BEGIN")
    try:
        if current == 0:
            connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            connection.execute("INSERT INTO schema_version (version) VALUES (0)")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute("UPDATE schema_version SET version = ?", (version,))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def month_of(week: str) -> str:
    """The month an ISO week belongs to, by its Thursday (as ISO weeks belong to years)."""
    year, number = week.split("-W")
    thursday = dt.date.fromisocalendar(int(year), int(number), 4)
    return f"{thursday.year:04d}-{thursday.month:02d}"


_UPSERT = """INSERT INTO records (
    record_id, document_id, document_version, decision, agency, role, week, month,
    guidance_outcome, suggested_outcome, chosen_outcome, chosen_level, test_met, departure,
    override, floors_met, response, escalated, hours_to_decision, working_days_to_response
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (record_id) DO UPDATE SET
    document_id = excluded.document_id, document_version = excluded.document_version,
    decision = excluded.decision, agency = excluded.agency, role = excluded.role,
    week = excluded.week, month = excluded.month, guidance_outcome = excluded.guidance_outcome,
    suggested_outcome = excluded.suggested_outcome, chosen_outcome = excluded.chosen_outcome,
    chosen_level = excluded.chosen_level, test_met = excluded.test_met,
    departure = excluded.departure, override = excluded.override,
    floors_met = excluded.floors_met, response = excluded.response,
    escalated = excluded.escalated, hours_to_decision = excluded.hours_to_decision,
    working_days_to_response = excluded.working_days_to_response"""


def _row(record: TrackerRecord) -> tuple[object, ...]:
    return (
        record.record_id, record.document_id, record.document_version, record.decision.value,
        record.agency.value, record.role.value, record.week, month_of(record.week),
        record.guidance_outcome, record.suggested_outcome, record.chosen_outcome,
        record.chosen_level, int(record.test_met), record.departure.value,
        record.override.value, int(record.floors_met), record.response, int(record.escalated),
        record.hours_to_decision, record.working_days_to_response,
    )


def _existing(cursor: sqlite3.Cursor, ids: list[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.extend(row[0] for row in cursor.execute(
            f"SELECT record_id FROM records WHERE record_id IN ({marks})", chunk))
    return found


_CHUNK = 500
"""Ids per IN (...) query: well under every database's limit on parameters."""


def import_records(
    connection: sqlite3.Connection, records: Iterable[TrackerRecord], file_sha256: str,
    now: dt.datetime,
) -> tuple[int, bool]:
    """Insert or update ``records`` in one transaction; returns (records, new file?).

    A record already present (same record id) is replaced by the newer export of the same
    session, so importing the same file twice changes nothing.
    """
    items = list(records)
    with closing(connection.cursor()) as cursor:
        cursor.execute("BEGIN")
        try:
            # Only records seen before have old detail rows to clear: most are new.
            seen = _existing(cursor, [r.record_id for r in items])
            cursor.executemany(_UPSERT, [_row(r) for r in items])
            for table in _CHILD_TABLES:
                cursor.executemany(f"DELETE FROM {table} WHERE record_id = ?",
                                   [(record_id,) for record_id in seen])
            cursor.executemany(
                "INSERT INTO record_ticks (record_id, question_id, answer_id) VALUES (?, ?, ?)",
                [(r.record_id, q, a) for r in items for q, ticked in r.ticked.items()
                 for a in ticked],
            )
            cursor.executemany(
                "INSERT INTO record_departures (record_id, question_id) VALUES (?, ?)",
                [(r.record_id, q) for r in items for q in r.departures],
            )
            cursor.executemany(
                "INSERT INTO record_floors (record_id, floor_id) VALUES (?, ?)",
                [(r.record_id, f) for r in items for f in r.floors],
            )
            cursor.executemany(
                "INSERT INTO record_uncertain (record_id, question_id) VALUES (?, ?)",
                [(r.record_id, q) for r in items for q in r.uncertain],
            )
            known = cursor.execute(
                "SELECT 1 FROM imports WHERE file_sha256 = ?", (file_sha256,)).fetchone()
            if known is None:
                cursor.execute(
                    "INSERT INTO imports (file_sha256, records, first_imported) VALUES (?, ?, ?)",
                    (file_sha256, len(items), now.isoformat()),
                )
            cursor.execute("COMMIT")
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
    return len(items), known is None
