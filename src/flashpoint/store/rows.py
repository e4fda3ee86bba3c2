"""Event records <-> Arrow tables <-> DuckDB rows.

Records go into DuckDB through Arrow tables with an explicit schema (inferring one from dicts fails on all-null
nested fields and is slower); dates travel as ISO strings and are cast in SQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from flashpoint.store.schema import EVENT_EXTRA_COLUMNS, RECORD_KEYS

_STR = pa.string()
ACTOR_T = pa.struct([("text", _STR), ("name", _STR), ("id", _STR), ("country", _STR), ("sector", _STR),
                     ("start", pa.int32()), ("end", pa.int32())])
LOCATION_T = pa.struct([("text", _STR), ("name", _STR), ("country", _STR), ("admin1", _STR), ("lat", pa.float64()),
                        ("lon", pa.float64()), ("geonameid", pa.int64()), ("precision", _STR)])
ATTRIBUTION_T = pa.struct([("text", _STR), ("country", _STR), ("sector", _STR)])
TRIGGER_T = pa.struct([("text", _STR), ("start", pa.int32()), ("end", pa.int32())])
EVIDENCE_T = pa.struct([("mention_id", _STR), ("story_id", _STR), ("url", _STR), ("publication_date", _STR),
                        ("sentence_index", pa.int32()), ("sentence", _STR), ("trigger", TRIGGER_T),
                        ("attribution", ATTRIBUTION_T), ("confidence", pa.float64())])

RECORD_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", _STR), ("story_id", _STR), ("publication_date", _STR), ("sentence_index", pa.int32()),
    ("sentence", _STR), ("event_type", _STR), ("mode", _STR), ("contexts", pa.list_(_STR)), ("status", _STR),
    ("actor", pa.list_(ACTOR_T)), ("recipient", pa.list_(ACTOR_T)), ("date", _STR), ("date_precision", _STR),
    ("date_text", _STR), ("date_source", _STR), ("location", LOCATION_T), ("dead", pa.int64()),
    ("injured", pa.int64()), ("arrested", pa.int64()), ("size", pa.int64()), ("attribution", ATTRIBUTION_T),
    ("quad_class", _STR), ("intensity", pa.float64()), ("cameo", _STR), ("goldstein", pa.float64()),
    ("trigger", TRIGGER_T), ("confidence", pa.float64()), ("coder", _STR),
]
assert tuple(n for n, _ in RECORD_FIELDS) == RECORD_KEYS
MENTION_SCHEMA = pa.schema(RECORD_FIELDS + [("extra", _STR)])
EVENT_SCHEMA = pa.schema(RECORD_FIELDS + [
    ("mentions", pa.list_(_STR)), ("stories", pa.list_(_STR)), ("first_reported", _STR), ("last_reported", _STR),
    ("n_mentions", pa.int32()), ("n_stories", pa.int32()), ("evidence", pa.list_(EVIDENCE_T)),
])
assert [n for n, _ in EVENT_EXTRA_COLUMNS] == EVENT_SCHEMA.names[len(RECORD_FIELDS):]
STORY_SCHEMA = pa.schema([("id", _STR), ("content_hash", _STR), ("url", _STR), ("date", _STR), ("source", _STR),
                          ("title", _STR), ("coded_at", _STR), ("coder", _STR), ("n_mentions", pa.int32())])

_DATE_COLUMNS = {"publication_date", "date", "first_reported", "last_reported", "day"}
_KNOWN = set(RECORD_KEYS)


def _select(schema: pa.Schema, relation: str) -> str:
    """SELECT list that casts the ISO-string date columns to DATE (TIMESTAMP for coded_at)."""
    parts = []
    for name in schema.names:
        if name in _DATE_COLUMNS:
            parts.append(f'TRY_CAST("{name}" AS DATE)')
        elif name == "coded_at":
            parts.append(f'CAST("{name}" AS TIMESTAMP)')
        elif name == "extra":
            parts.append(f'CAST("{name}" AS JSON)')
        else:
            parts.append(f'"{name}"')
    return f"SELECT {', '.join(parts)} FROM {relation}"


def mention_rows(records: Iterable[dict[str, Any]]) -> pa.Table:
    rows = []
    for r in records:
        row = {k: r.get(k) for k in RECORD_KEYS}
        extra = {k: v for k, v in r.items() if k not in _KNOWN}
        row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=MENTION_SCHEMA)


def insert(con: Any, table: str, data: pa.Table) -> None:
    """INSERT an Arrow table whose columns are the target table's, in order."""
    name = f"_staged_{table}"
    con.register(name, data)
    try:
        con.execute(f"INSERT INTO {table} {_select(data.schema, name)}")
    finally:
        con.unregister(name)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def to_record(row: dict[str, Any]) -> dict[str, Any]:
    """A DuckDB row (dict from Arrow) -> the JSON record: ISO dates, `extra` keys merged back."""
    record = {k: _plain(v) for k, v in row.items() if k != "extra"}
    extra = row.get("extra")
    if extra:
        record.update(json.loads(extra))
    return record


def batches(con: Any, sql: str, params: list[Any] | None = None, size: int = 20_000) -> Iterable[pa.RecordBatch]:
    """Stream a query's result as Arrow record batches (the method's name differs across DuckDB versions)."""
    rel = con.sql(sql, params=params) if params else con.sql(sql)
    if hasattr(rel, "to_arrow_reader"):
        yield from rel.to_arrow_reader(size)
    else:  # DuckDB < 1.4
        yield from rel.fetch_arrow_reader(size)
