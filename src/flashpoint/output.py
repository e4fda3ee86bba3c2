"""Writing records: JSON Lines, a JSON array or CSV, for event mentions (`code`) and grouped events (`events`).

JSON keeps the record as it is (docs/RECORD.md). CSV flattens it: one column per scalar field, actors and
recipients as ";"-joined text / country / sector columns, the location's name, country and coordinates; a grouped
event adds its mention and story ids, first and last report, counts, and its evidence (the reports' sentences,
URLs and triggers) as one JSON cell. `status` is always a column.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "json")

CSV_COLUMNS = [
    "id", "story_id", "publication_date", "sentence_index", "event_type", "mode", "status", "contexts",
    "actor_text", "actor_country", "actor_sector", "recipient_text", "recipient_country", "recipient_sector",
    "date", "date_precision", "date_text", "date_source", "location_name", "location_country", "location_lat",
    "location_lon", "dead", "injured", "arrested", "size", "attribution", "quad_class", "intensity", "cameo",
    "goldstein", "trigger", "trigger_start", "trigger_end", "confidence", "coder", "sentence",
]
EVENT_CSV_COLUMNS = CSV_COLUMNS + [
    "mentions", "stories", "first_reported", "last_reported", "n_mentions", "n_stories", "evidence",
]


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One event mention (or the record part of a grouped event) as a flat CSV row."""

    def join(actors: list[dict], key: str) -> str:
        return ";".join(str(a.get(key) or "") for a in actors)

    loc = record.get("location") or {}
    att = record.get("attribution") or {}
    trigger = record.get("trigger") or {}
    row = {k: record.get(k) for k in CSV_COLUMNS if k in record}
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    row.update(
        contexts=";".join(record.get("contexts") or []),
        actor_text=join(actors, "text"), actor_country=join(actors, "country"), actor_sector=join(actors, "sector"),
        recipient_text=join(recipients, "text"), recipient_country=join(recipients, "country"),
        recipient_sector=join(recipients, "sector"),
        location_name=loc.get("name"), location_country=loc.get("country"), location_lat=loc.get("lat"),
        location_lon=loc.get("lon"), attribution=att.get("text"), trigger=trigger.get("text"),
        trigger_start=trigger.get("start"), trigger_end=trigger.get("end"),
    )
    return row


def event_csv_row(event: dict[str, Any]) -> dict[str, Any]:
    """A grouped event as a flat CSV row: the record's columns plus its reports and evidence."""
    row = csv_row(event)
    row.update(mentions=";".join(event.get("mentions") or []), stories=";".join(event.get("stories") or []),
               first_reported=event.get("first_reported"), last_reported=event.get("last_reported"),
               n_mentions=event.get("n_mentions"), n_stories=event.get("n_stories"),
               evidence=json.dumps(event.get("evidence") or [], ensure_ascii=False))
    return row


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO, *,
                  columns: list[str] = CSV_COLUMNS,
                  flatten: Callable[[dict[str, Any]], dict[str, Any]] = csv_row) -> int:
    """Write records as jsonl, json or csv; returns how many were written."""
    n = 0
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(flatten(record))
            n += 1
    elif fmt == "json":
        out.write("[")
        for record in records:
            out.write(("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False))
            n += 1
        out.write("\n]\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return n


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Grouped events (`flashpoint events`) as jsonl, json or csv (with the evidence column)."""
    return write_records(events, fmt, out, columns=EVENT_CSV_COLUMNS, flatten=event_csv_row)


@contextmanager
def opened(path: str | None) -> Iterator[TextIO]:
    """A text stream to write to: stdout for None or "-", else the file (created or truncated, UTF-8)."""
    if not path or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f
