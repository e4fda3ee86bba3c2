"""The DuckDB schema of the event database and its migrations.

Tables:
  schema_version  one row per applied migration (version, applied_at)
  stories         one row per coded story: id (caller's or sha1 of text), content_hash (sha1 of text), url, date
                  (publication), source (file:line), title, coded_at, coder, n_mentions
  mentions        one row per event mention: the record of docs/RECORD.md, nested fields as STRUCT / LIST columns,
                  `extra` (JSON) for any record key this schema does not know yet
  events          one row per grouped event: the mention columns holding the best estimate of each field, plus
                  mentions / stories (id lists), first_reported / last_reported, n_mentions, n_stories, evidence
  event_mentions  mention_id -> event_id (the mapping; every mention is in exactly one event)
  meta            key/value state (what the grouping was computed from)
  dyads           one row per event and (actor country, recipient country) pair, flat, for time series:
                  event_id, day (event date, else first report), actor, recipient, family, event_type,
                  quad_class, goldstein, dead (rebuilt with the events)

Migrations are an ordered list of SQL steps; each version is applied in one transaction together with its row in
schema_version, so a database is always at a whole version. Add a migration by appending to MIGRATIONS; never edit
an applied one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

ACTOR = ('STRUCT(text VARCHAR, name VARCHAR, id VARCHAR, country VARCHAR, sector VARCHAR, "start" INTEGER, '
         '"end" INTEGER)')
LOCATION = ("STRUCT(text VARCHAR, name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, "
            "geonameid BIGINT, precision VARCHAR)")
ATTRIBUTION = "STRUCT(text VARCHAR, country VARCHAR, sector VARCHAR)"
TRIGGER = 'STRUCT(text VARCHAR, "start" INTEGER, "end" INTEGER)'
EVIDENCE = (f"STRUCT(mention_id VARCHAR, story_id VARCHAR, url VARCHAR, publication_date DATE, sentence_index INTEGER, "
            f"sentence VARCHAR, \"trigger\" {TRIGGER}, attribution {ATTRIBUTION}, confidence DOUBLE)")

# The record columns, in the order of Event.to_dict(), with their SQL types.
RECORD_COLUMNS: list[tuple[str, str]] = [
    ("id", "VARCHAR"), ("story_id", "VARCHAR"), ("publication_date", "DATE"), ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"), ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("contexts", "VARCHAR[]"),
    ("status", "VARCHAR"), ("actor", f"{ACTOR}[]"), ("recipient", f"{ACTOR}[]"), ("date", "DATE"),
    ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"), ("date_source", "VARCHAR"), ("location", LOCATION),
    ("dead", "BIGINT"), ("injured", "BIGINT"), ("arrested", "BIGINT"), ("size", "BIGINT"),
    ("attribution", ATTRIBUTION), ("quad_class", "VARCHAR"), ("intensity", "DOUBLE"), ("cameo", "VARCHAR"),
    ("goldstein", "DOUBLE"), ("trigger", TRIGGER), ("confidence", "DOUBLE"), ("coder", "VARCHAR"),
]
RECORD_KEYS: tuple[str, ...] = tuple(name for name, _ in RECORD_COLUMNS)
EVENT_EXTRA_COLUMNS: list[tuple[str, str]] = [
    ("mentions", "VARCHAR[]"), ("stories", "VARCHAR[]"), ("first_reported", "DATE"), ("last_reported", "DATE"),
    ("n_mentions", "INTEGER"), ("n_stories", "INTEGER"), ("evidence", f"{EVIDENCE}[]"),
]


def _columns(cols: list[tuple[str, str]]) -> str:
    return ",\n  ".join(f'"{name}" {sql}' + (" PRIMARY KEY" if name == "id" else "") for name, sql in cols)


MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial schema", [
        """CREATE TABLE stories (
          id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, url VARCHAR, date DATE, source VARCHAR,
          title VARCHAR, coded_at TIMESTAMP NOT NULL, coder VARCHAR, n_mentions INTEGER NOT NULL)""",
        "CREATE INDEX stories_hash ON stories (content_hash)",
        f"CREATE TABLE mentions (\n  {_columns(RECORD_COLUMNS)},\n  extra JSON)",
        f"CREATE TABLE events (\n  {_columns(RECORD_COLUMNS + EVENT_EXTRA_COLUMNS)})",
        "CREATE TABLE event_mentions (mention_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL)",
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE dyads (event_id VARCHAR NOT NULL, day DATE, actor VARCHAR, recipient VARCHAR,
          family VARCHAR, event_type VARCHAR, quad_class VARCHAR, goldstein DOUBLE, dead BIGINT)""",
    ]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


class DatabaseError(Exception):
    """A database that cannot be opened or used (locked by another process, not a DuckDB file, too new)."""


def connect(path: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database at `path` and bring it to SCHEMA_VERSION."""
    import duckdb

    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        first = str(exc).splitlines()[0]
        if "lock" in first.lower():
            raise DatabaseError(f"{path} is in use by another process ({first})") from None
        raise DatabaseError(f"cannot open {path}: {first}") from None
    if read_only:
        if current_version(con) != SCHEMA_VERSION:
            con.close()
            raise DatabaseError(f"{path} is not a flashpoint database at schema version {SCHEMA_VERSION}")
        return con
    migrate(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK if anything (even KeyboardInterrupt) interrupts the block; the one way the
    store writes several statements as one."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; returns the resulting version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"database schema version {version} is newer than this flashpoint ({SCHEMA_VERSION})")
    for number, name, steps in MIGRATIONS:
        if number <= version:
            continue
        with transaction(con):
            for step in steps:
                con.execute(step)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [number, name])
        version = number
    return version
