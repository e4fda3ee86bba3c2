"""The FastAPI app: a read-only JSON API over a flashpoint database and the dashboard that uses it.

Every request gets its own cursor on one read-only DuckDB connection (DuckDB cursors are safe across threads).
Every parameter is checked by `flashpoint.analysis.filters` before it reaches SQL; a bad one is a 400 with a message
that names it, a malformed one (not an integer) a 422, an unknown event a 404, and a database error a 400 with its
first line: the API never answers 5xx for what a caller sent. Every response carries a Content-Security-Policy that
allows only this server ('self'), so the dashboard loads nothing from outside the machine.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from importlib import resources
from typing import Annotated, Any

import duckdb
from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.analysis import alerts as run_alerts
from flashpoint.analysis.filters import (
    DAY,
    MAX_LIMIT,
    MAX_OFFSET,
    EventFilter,
    FilterError,
    check_date,
    check_period,
    check_status,
    countries,
    event_types,
    statuses,
)
from flashpoint.analysis.series import series as run_series
from flashpoint.analysis.series import timeline as run_timeline

STATIC = resources.files("flashpoint.web").joinpath("static")
DEFAULT_LIMIT = 100
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI sets inline styles on its elements; its page may use them (scripts stay 'self' only).
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

_STATUS_WORD = "(asserted|negated|hypothetical|future|threatened|claimed)"
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
# Schema facts for the OpenAPI document (what a well-formed value looks like); the checks themselves are in
# flashpoint.analysis.filters, which also accepts lower case and country names and says what is wrong.
_DATE = {"format": "date"}
Since = Annotated[str | None, Query(description="Events on or after this day (YYYY-MM-DD).", max_length=64,
                                    json_schema_extra=_DATE)]
Until = Annotated[str | None, Query(description="Events on or before this day (YYYY-MM-DD).", max_length=64,
                                    json_schema_extra=_DATE)]
_COUNTRY = {"enum": sorted(k for k in countries() if not k.startswith("name:"))}
Country = Annotated[str | None, Query(
    description="ISO 3166-1 alpha-3 code (or country name) of an actor, a recipient or the location.", max_length=64,
    json_schema_extra=_COUNTRY)]
Type = Annotated[str | None, Query(description="PLOVER event type (ASSAULT, PROTEST ...).", max_length=64,
                                   json_schema_extra={"enum": list(event_types())})]
Status = Annotated[str | None, Query(
    description="asserted (default: what happened), all, or a comma-separated list of statuses.", max_length=200,
    json_schema_extra={"pattern": f"^(all|{_STATUS_WORD}(,{_STATUS_WORD})*)$"})]
By = Annotated[str | None, Query(description="Period: day, week or month (default month).", max_length=16,
                                 json_schema_extra={"enum": ["day", "week", "month"]})]
Q = Annotated[str | None, Query(description="Text in the sentence, trigger or place name (any case).",
                                max_length=200)]
Bbox = Annotated[str | None, Query(
    description="w,s,e,n in degrees: longitudes in [-180, 180], latitudes in [-90, 90], s <= n (w > e crosses the "
                "antimeridian).", max_length=200,
    json_schema_extra={"pattern": f"^{_LON},{_LAT},{_LON},{_LAT}$"})]


class Problem(BaseModel):
    """A request that cannot be answered: what is wrong with it."""

    detail: str


class BadParameters(BaseModel):
    """A parameter of the wrong kind (not an integer, out of range, too long): which, and why."""

    detail: str
    errors: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "A bad parameter value (the message names it)"},
    422: {"model": BadParameters, "description": "A parameter of the wrong kind or out of range"},
}


class _Db:
    """One read-only connection; `cursor()` gives each request its own."""

    def __init__(self, path: str) -> None:
        from flashpoint.store.schema import connect

        self.path = path
        self.con = connect(path, read_only=True)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()


def _page(cur: Any, flt: EventFilter, columns: str, limit: int, offset: int, order: str) -> tuple[int, list]:
    """(total, rows of the page): rows are `columns` of the matching events in day order.

    Cheap filters (dates, type, status, box) count in a separate scan, which DuckDB answers from its zone maps; costly
    ones (text search, countries inside the actor lists) are evaluated once, the count riding on the page query as a
    window over the same filtered rows."""
    where, params = flt.where()
    direction = "DESC" if order == "desc" else "ASC"
    sort = f"ORDER BY {DAY} {direction} NULLS LAST, id {direction} LIMIT ? OFFSET ?"
    if flt.q or flt.country or flt.actor or flt.recipient:
        rows = cur.execute(f"SELECT {columns}, count(*) OVER () FROM events WHERE {where} {sort}",
                           params + [limit, offset]).fetchall()
        if rows or not offset:
            return (rows[0][-1] if rows else 0), [r[:-1] for r in rows]
        return cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0], []
    total = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchall()[0][0]
    return total, cur.execute(f"SELECT {columns} FROM events WHERE {where} {sort}", params + [limit, offset]).fetchall()


def _events_page(cur: Any, flt: EventFilter, limit: int, offset: int, order: str) -> dict[str, Any]:
    from flashpoint.store.export import iter_events

    # Pick the page on narrow columns first, then read the wide rows of that page only.
    total, rows = _page(cur, flt, "id", limit, offset, order)
    ids = [r[0] for r in rows]
    events: list[dict[str, Any]] = []
    if ids:
        # An IN list of bound values lets DuckDB use the primary-key index (a subquery or ANY(list) scans the table).
        marks = ", ".join("?" for _ in ids)
        found = {e["id"]: e for e in iter_events(cur, f"SELECT * FROM events WHERE id IN ({marks})", ids)}
        events = [found[i] for i in ids if i in found]
    return {"total": total, "limit": limit, "offset": offset, "events": events}


MAX_POINTS = 5000


def _points(cur: Any, flt: EventFilter, limit: int) -> dict[str, Any]:
    """The newest `limit` matching events in the few fields the map and the list draw, from narrow columns only."""
    total, rows = _page(cur, flt, f"id, {DAY}, event_type, quad_class, status, location.name, location.country, "
                        "location.lat, location.lon, [a.country FOR a IN actor], [a.country FOR a IN recipient], "
                        "n_mentions, n_stories", limit, 0, "desc")
    events = [{"id": i, "date": d.isoformat() if d else None, "event_type": t, "quad_class": q, "status": st,
               "location": None if name is None and lat is None and country is None else
               {"name": name, "country": country, "lat": lat, "lon": lon},
               "actor": [{"country": c} for c in actors or []],
               "recipient": [{"country": c} for c in recipients or []], "n_mentions": nm, "n_stories": ns}
              for i, d, t, q, st, name, country, lat, lon, actors, recipients, nm, ns in rows]
    return {"total": total, "events": events}


def _event(cur: Any, event_id: str) -> dict[str, Any] | None:
    from flashpoint.store.export import iter_events
    from flashpoint.store.rows import to_record

    found = list(iter_events(cur, "SELECT * FROM events WHERE id = ?", [event_id]))
    if not found:
        return None
    event = found[0]
    mention_ids = list(event["mentions"] or [])
    if not mention_ids:
        event["reports"] = []
        return event
    rows = cur.execute(
        "SELECT m.*, s.url AS _url, s.title AS _title FROM mentions m LEFT JOIN stories s ON s.id = m.story_id "
        f"WHERE m.id IN ({', '.join('?' for _ in mention_ids)}) "
        "ORDER BY m.publication_date NULLS LAST, m.story_id, m.sentence_index, m.id", mention_ids)
    names = [d[0] for d in rows.description]
    reports = []
    for values in rows.fetchall():
        row = dict(zip(names, values, strict=True))
        url, title = row.pop("_url"), row.pop("_title")
        record = to_record(row)
        record["url"], record["title"] = url, title
        reports.append(record)
    event["reports"] = reports
    return event


def _meta(cur: Any) -> dict[str, Any]:
    from flashpoint.store.export import m49_table

    n, first, last = cur.execute(f"SELECT count(*), min({DAY}), max({DAY}) FROM events").fetchall()[0]
    present = cur.execute(
        "SELECT DISTINCT c FROM (SELECT location.country AS c FROM events UNION ALL "
        "SELECT unnest([a.country FOR a IN actor]) FROM events UNION ALL "
        "SELECT unnest([a.country FOR a IN recipient]) FROM events) WHERE c IS NOT NULL ORDER BY c").fetchall()
    names = countries()
    numeric = {f"{code:03d}": iso3 for iso3, (code, _, _) in m49_table().items() if code is not None}
    return {"events": n, "first_day": first.isoformat() if first else None,
            "last_day": last.isoformat() if last else None,
            "countries": [{"code": c, "name": names.get(c, c)} for (c,) in present],
            "types": list(event_types()), "statuses": list(statuses()), "iso_numeric": numeric}


def _host_name(header: str) -> str:
    """The host of a Host header without its port: 'localhost:8000' -> 'localhost', '[::1]:8000' -> '[::1]'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def create_app(db: str, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over the flashpoint database at `db` (opened read-only now: a bad file fails here, not per request).

    `allowed_hosts`: the Host header values accepted (serving on loopback, the loopback names, which stops a DNS
    rebinding page from reading the API); None accepts any."""
    from flashpoint import __version__

    if not os.path.exists(db):
        from flashpoint.store.schema import DatabaseError

        raise DatabaseError(f"no database at {db} (run `flashpoint ingest` first)")
    store = _Db(db)
    app = FastAPI(title="flashpoint", version=__version__, docs_url=None, redoc_url=None,
                  description="Grouped political events of a flashpoint database: filters, evidence, series and "
                              "escalation alerts. Read-only.")
    app.state.db = store

    allowed = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        if allowed is not None and _host_name(request.headers.get("host", "")) not in allowed:
            response: Response = _error(400, "this server answers only to its loopback names (Host header refused)")
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_CSP if request.url.path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(duckdb.Error)
    async def bad_query(request: Request, exc: duckdb.Error) -> JSONResponse:
        first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        print(f"flashpoint serve: {request.url.path}: {first}", file=sys.stderr)
        return _error(400, f"the database could not answer this request: {first}")

    @app.exception_handler(RequestValidationError)
    async def bad_param(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(parts) or "invalid request", "errors": [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():  # e.g. Allow on a 405
            response.headers[name] = value
        return response

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                             routes=app.routes)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/api/events", summary="Grouped events with filters and paging", responses=ERRORS,
             response_description='{"total": N, "events": [grouped event as printed by `flashpoint events`]}')
    def events(
        since: Since = None, until: Until = None, country: Country = None,
        type: Type = None,  # noqa: A002 - the contract's parameter name
        status: Status = None,
        q: Q = None,
        bbox: Bbox = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")]
        = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        order: Annotated[str, Query(pattern="^(asc|desc)$", description="By day: asc (default) or desc.")] = "asc",
    ) -> dict[str, Any]:
        flt = EventFilter.parse(since=since, until=until, country=country, event_type=type, status=status, q=q,
                                bbox=bbox)
        with store.cursor() as cur:
            return _events_page(cur, flt, limit, offset, order)

    @app.get("/api/points", summary="The newest matching events in the few fields a map draws (the dashboard's)",
             responses=ERRORS,
             response_description='{"total": N, "events": [{"id", "date", "event_type", "quad_class", "status", '
                                  '"location": {"name", "country", "lat", "lon"}, "actor", "recipient", ...}]}')
    def points(
        since: Since = None, until: Until = None, country: Country = None,
        type: Type = None,  # noqa: A002
        status: Status = None,
        q: Q = None,
        bbox: Bbox = None,
        limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description=f"At most {MAX_POINTS}.")] = 2000,
    ) -> dict[str, Any]:
        flt = EventFilter.parse(since=since, until=until, country=country, event_type=type, status=status, q=q,
                                bbox=bbox)
        with store.cursor() as cur:
            return _points(cur, flt, limit)

    @app.get("/api/events/{event_id}", summary="One grouped event with every report (mention record)",
             responses={404: {"model": Problem, "description": "No event with this id"}, 422: ERRORS[422]})
    def event(event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        with store.cursor() as cur:
            found = _event(cur, event_id)
        if found is None:
            raise StarletteHTTPException(404, f"no event with id {event_id[:80]!r}")
        return found

    @app.get("/api/series", summary="Grouped events per period for a dyad, an actor or a place", responses=ERRORS,
             response_description='[{"period", "events", "intensity", "goldstein"}]')
    def series(
        actor: Annotated[str | None, Query(description="ISO3 of an actor.", max_length=64,
                                           json_schema_extra=_COUNTRY)] = None,
        recipient: Annotated[str | None, Query(description="ISO3 of a recipient.", max_length=64,
                                               json_schema_extra=_COUNTRY)] = None,
        country: Annotated[str | None, Query(description="ISO3 of the event's location (a place series).",
                                             max_length=64, json_schema_extra=_COUNTRY)] = None,
        by: By = None,
        type: Type = None,  # noqa: A002
        status: Status = None, since: Since = None, until: Until = None,
    ) -> list[dict[str, Any]]:
        flt = EventFilter.parse(actor=actor, recipient=recipient, place=country, event_type=type, status=status,
                                since=since, until=until)
        with store.cursor() as cur:
            return run_series(cur, flt, check_period(by))

    @app.get("/api/timeline", summary="Grouped events per period and QuadClass, with the /api/events filters",
             responses=ERRORS,
             response_description='[{"period", "quad_class", "events"}]')
    def timeline(
        since: Since = None, until: Until = None, country: Country = None,
        type: Type = None,  # noqa: A002
        status: Status = None,
        q: Q = None,
        bbox: Bbox = None,
        by: By = None,
    ) -> list[dict[str, Any]]:
        flt = EventFilter.parse(since=since, until=until, country=country, event_type=type, status=status, q=q,
                                bbox=bbox)
        with store.cursor() as cur:
            return run_timeline(cur, flt, check_period(by))

    @app.get("/api/alerts", summary="Dyads and places whose conflict events rise well above their baseline",
             responses=ERRORS,
             response_description='[{"dyad" or "place", "window_events", "baseline_rate", "score", "events"}]')
    def alerts(
        window: Annotated[int, Query(ge=1, le=366, description="Window in days (default 7).")] = 7,
        baseline: Annotated[int, Query(ge=1, le=3660, description="Baseline in days before it (default 90).")]
        = 90,
        until: Annotated[str | None, Query(description="Last day of the window (default: the last event day).",
                                           max_length=64, json_schema_extra=_DATE)] = None,
        status: Status = None,
        min_events: Annotated[int, Query(ge=1, le=100_000, description="Fewest window events (default 3).")] = 3,
        threshold: Annotated[float, Query(ge=0, le=300, description="Least score, -log10 p (default 3).")] = 3.0,
    ) -> list[dict[str, Any]]:
        end = check_date(until, "until")
        wanted = check_status(status)
        with store.cursor() as cur:
            return run_alerts(cur, window, baseline, until=end, status=wanted, min_events=min_events,
                              threshold=threshold)

    @app.get("/api/meta", summary="What the database holds: event count, date range, countries, types, statuses")
    def meta() -> dict[str, Any]:
        with store.cursor() as cur:
            return _meta(cur)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(STATIC.joinpath("docs.html").read_text(encoding="utf-8"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.state.started = dt.datetime.now(dt.UTC).isoformat()
    return app
