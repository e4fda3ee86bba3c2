"""Validated filters over the grouped events of the store, shared by the API, the dashboard and the CLI.

A parameter not given is None; an empty string is a value, and a bad one for every parameter but the text search.
Every value a user types (dates, a country, an event type, a status, a text search, a bounding box, paging) is checked
here and a bad one raises `FilterError` with a message naming the parameter, so the web app answers 400 and the CLI
prints one line: never a database error. The SQL uses only bound parameters.

An event's day is its resolved date, else the day it was first reported (as in `flashpoint events`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from flashpoint import tsv

DAY = "coalesce(date, first_reported)"
CONFLICT = ("verbal_conflict", "material_conflict")
PERIODS = ("day", "week", "month")
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_QUERY = 200


class FilterError(ValueError):
    """A parameter a user gave that cannot be used; the message names it and says what is accepted."""


@cache
def statuses() -> tuple[str, ...]:
    from flashpoint.records import STATUSES

    return STATUSES


@cache
def event_types() -> tuple[str, ...]:
    from flashpoint.ontology import EVENT_TYPES

    return tuple(EVENT_TYPES)


@cache
def countries() -> dict[str, str]:
    """Every code an actor or a place can carry -> its name: ISO 3166-1 alpha-3, PLOVER's codes, international bodies;
    and lower-cased country names -> code, so `country=Kenya` works too."""
    from flashpoint.ontology import INTERNATIONAL_ACTORS

    table: dict[str, str] = {}
    names: dict[str, str] = {}
    lines = tsv.rows("flashpoint.knowledge", "countries.tsv", header=True)
    for row in lines:
        table[row[0]] = row[2]
        names[row[2].lower()] = row[0]
    for row in lines:  # PLOVER codes that are no entity's own (none today) name the first entity folded in
        table.setdefault(row[1], row[2])
    for code, name in INTERNATIONAL_ACTORS.items():
        table.setdefault(code, name)
    table.update({f"name:{k}": v for k, v in names.items()})
    return table


def check_country(value: str | None, param: str = "country") -> str | None:
    if value is None:
        return None
    v = value.strip()
    table = countries()
    if v.upper() in table and not v.upper().startswith("NAME:"):
        return v.upper()
    if f"name:{v.lower()}" in table:
        return table[f"name:{v.lower()}"]
    raise FilterError(f"{param}: unknown country {value[:40]!r} (an ISO 3166-1 alpha-3 code such as KEN, or a name)")


def check_date(value: str | dt.date | None, param: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()) if len(value) <= 10 else _bad_date(value, param)
    except ValueError:
        return _bad_date(value, param)


def _bad_date(value: str, param: str) -> dt.date:
    raise FilterError(f"{param} must be a date YYYY-MM-DD, got {value[:40]!r}")


def check_type(value: str | None, param: str = "type") -> str | None:
    if value is None:
        return None
    if value.strip().upper() in event_types():
        return value.strip().upper()
    raise FilterError(f"{param}: unknown event type {value[:40]!r} (one of {', '.join(event_types())})")


def check_status(value: str | None, param: str = "status") -> tuple[str, ...] | None:
    """'asserted' (the default: what happened), 'all' (None: no filter), or a comma-separated list."""
    if value is None:
        return ("asserted",)
    if value.strip().lower() == "all":
        return None
    wanted = tuple(dict.fromkeys(s.strip().lower() for s in value.split(",") if s.strip()))
    bad = [s for s in wanted if s not in statuses()]
    if bad or not wanted:
        raise FilterError(f"{param}: unknown status {(bad[0] if bad else value)[:40]!r} "
                          f"(one of {', '.join(statuses())}, a comma-separated list, or all)")
    return wanted


def check_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """w,s,e,n in degrees; w > e is a box across the antimeridian."""
    if value is None:
        return None
    parts = value.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise FilterError(f"bbox must be four numbers w,s,e,n (degrees), got {value[:60]!r}") from None
    if not all(math.isfinite(x) for x in (w, s, e, n)):
        raise FilterError("bbox values must be finite numbers")
    if not (-180 <= w <= 180 and -180 <= e <= 180):
        raise FilterError("bbox longitudes (w, e) must lie in [-180, 180]")
    if not (-90 <= s <= 90 and -90 <= n <= 90):
        raise FilterError("bbox latitudes (s, n) must lie in [-90, 90]")
    if s > n:
        raise FilterError("bbox south must not be above north")
    return w, s, e, n


def check_period(value: str | None) -> str:
    if value is None:
        return "month"
    if value.strip().lower() in PERIODS:
        return value.strip().lower()
    raise FilterError(f"by must be one of {', '.join(PERIODS)}, got {value[:40]!r}")


def check_query(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_QUERY:
        raise FilterError(f"q must be at most {MAX_QUERY} characters")
    if "\x00" in value:
        raise FilterError("q must not contain NUL characters")
    return value.strip()


@dataclass(frozen=True)
class EventFilter:
    """What to select from `events`; build it with `EventFilter.parse` from user input."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    event_type: str | None = None
    status: tuple[str, ...] | None = ("asserted",)
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None

    @classmethod
    def parse(cls, *, since: str | None = None, until: str | None = None, country: str | None = None,
              event_type: str | None = None, status: str | None = None, q: str | None = None,
              bbox: str | None = None, actor: str | None = None, recipient: str | None = None,
              place: str | None = None) -> EventFilter:
        f = cls(since=check_date(since, "since"), until=check_date(until, "until"), country=check_country(country),
                event_type=check_type(event_type), status=check_status(status), q=check_query(q),
                bbox=check_bbox(bbox), actor=check_country(actor, "actor"),
                recipient=check_country(recipient, "recipient"), place=check_country(place, "place"))
        if f.since and f.until and f.since > f.until:
            raise FilterError(f"since ({f.since}) is after until ({f.until})")
        return f

    def where(self) -> tuple[str, list[Any]]:
        """A SQL condition over `events` (never empty: 'TRUE' when nothing is filtered) and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.since:
            where.append(f"{DAY} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{DAY} <= ?")
            params.append(self.until)
        if self.country:
            where.append("(location.country = ? OR list_contains([a.country FOR a IN actor], ?) OR "
                         "list_contains([a.country FOR a IN recipient], ?))")
            params += [self.country] * 3
        if self.actor:
            where.append("list_contains([a.country FOR a IN actor], ?)")
            params.append(self.actor)
        if self.recipient:
            where.append("list_contains([a.country FOR a IN recipient], ?)")
            params.append(self.recipient)
        if self.place:
            where.append("location.country = ?")
            params.append(self.place)
        if self.event_type:
            where.append("event_type = ?")
            params.append(self.event_type)
        if self.status is not None:
            where.append(f"status IN ({', '.join('?' for _ in self.status)})")
            params += list(self.status)
        if self.bbox:
            w, s, e, n = self.bbox
            where.append("location.lat BETWEEN ? AND ?")
            params += [s, n]
            if w <= e:
                where.append("location.lon BETWEEN ? AND ?")
                params += [w, e]
            else:
                where.append("(location.lon >= ? OR location.lon <= ?)")
                params += [w, e]
        if self.q:
            where.append("(contains(lower(sentence), ?) OR contains(lower(coalesce(location.name, '')), ?) "
                         "OR contains(lower(\"trigger\".text), ?))")
            params += [self.q.lower()] * 3
        return (" AND ".join(where) or "TRUE"), params
