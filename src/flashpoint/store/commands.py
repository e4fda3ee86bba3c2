"""The database commands `ingest`, `events` and `export` (DESIGN.md §3), added to the CLI by `register(app)`."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

DEFAULT_DB = "flashpoint.duckdb"
DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB database file.")]


class EventFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class TableFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


class Layout(StrEnum):
    gdelt = "gdelt"
    polecat = "polecat"
    acled = "acled"


def _open_existing(db: str):
    from flashpoint.cli import _fail
    from flashpoint.store.schema import DatabaseError, connect

    if not os.path.exists(db):
        raise _fail(f"no database at {db} (run `flashpoint ingest` first)")
    try:
        return connect(db, read_only=True)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None


_EVENT_CSV_EXTRA = ["mentions", "stories", "first_reported", "last_reported", "n_mentions", "n_stories"]


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of stories (.txt .html .jsonl ...), or -.")],
    db: DbOpt = DEFAULT_DB,
    date: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD (a story's own wins).")]
    = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Code on a Dask cluster: a scheduler ADDRESS, or 'local' for a LocalCluster.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Coding processes (default: all cores; with --dask local: cluster workers).")] = None,
) -> None:
    """Code stories and store them with their events; safe to rerun and to kill at any moment."""
    from flashpoint.cli import Problems, _check_date, _fail
    from flashpoint.store.ingest import ingest as run
    from flashpoint.store.schema import DatabaseError

    date = _check_date(date)
    problems = Problems()
    try:
        stats = run(paths, db, date=date, workers=workers, problems=problems, progress=True, dask=dask)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None
    except ImportError as exc:
        raise _fail(f"--dask needs the optional dependency: pip install 'flashpoint[dask]' ({exc})") from None
    print(f"flashpoint: {stats.coded} new stories ({stats.known} already known, {stats.failed} failed), "
          f"{stats.mentions} mentions, {stats.events} events in {db} ({stats.rate:.1f} stories/s)", file=sys.stderr)
    raise typer.Exit(problems.exit_code)


def events(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.jsonl,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default stdout; parquet needs one).")]
    = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO3 of an actor, recipient or the location.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (ASSAULT, PROTEST ...).")]
    = None,
) -> None:
    """Print grouped events (one per real event): the record plus mentions, stories, first/last reported."""
    import json

    from flashpoint.cli import _CSV_COLUMNS, _check_date, _csv_row, _fail
    from flashpoint.store.export import event_query, iter_events

    since, until = _check_date(since), _check_date(until)
    if fmt is EventFormat.parquet and not out:
        raise _fail("--format parquet needs --out FILE")
    con = _open_existing(db)
    try:
        sql, params = event_query(since, until, country, event_type)
        if fmt is EventFormat.parquet:
            con.execute(f"COPY ({sql}) TO '{_quote(out)}' (FORMAT parquet)", params)
            return
        stream = open(out, "w", encoding="utf-8", newline="") if out and out != "-" else sys.stdout  # noqa: SIM115
        try:
            if fmt is EventFormat.csv:
                import csv

                columns = _CSV_COLUMNS + _EVENT_CSV_EXTRA
                writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
                for e in iter_events(con, sql, params):
                    row = _csv_row(e)
                    row.update(mentions=";".join(e["mentions"]), stories=";".join(e["stories"]),
                               first_reported=e["first_reported"], last_reported=e["last_reported"],
                               n_mentions=e["n_mentions"], n_stories=e["n_stories"])
                    writer.writerow(row)
            else:
                for e in iter_events(con, sql, params):
                    stream.write(json.dumps(e, ensure_ascii=False) + "\n")
        finally:
            if stream is not sys.stdout:
                stream.close()
    finally:
        con.close()


def _quote(path: str) -> str:
    return path.replace("'", "''")


def export(
    layout: Annotated[Layout, typer.Option("--layout", help="Column layout of a published dataset.")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (- for stdout with csv).")],
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="File format.")] = TableFormat.csv,
) -> None:
    """Export events in the GDELT 2.0, POLECAT or ACLED column layout."""
    from flashpoint.cli import _fail
    from flashpoint.store.export import export as run

    if fmt is TableFormat.parquet and out == "-":
        raise _fail("--format parquet needs --out FILE")
    con = _open_existing(db)
    try:
        n = run(con, layout.value, fmt.value, out)
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        con.close()
    print(f"flashpoint: {n} {layout.value} rows written to {out}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add `ingest`, `events` and `export` to the flashpoint command (idempotent)."""
    have = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for fn in (ingest, events, export):
        if fn.__name__ not in have:
            app.command(name=fn.__name__)(fn)
