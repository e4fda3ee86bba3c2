"""The `flashpoint` command: every command lives here; the work is done by the library.

Heavy imports happen inside the commands so that `flashpoint --help` stays fast. Exit status: 0 when everything
was read (warnings such as repaired UTF-8 or a story cut at the size limit leave it 0), 1 when an item was
skipped or the output is incomplete, 2 for a usage error (a bad option value), 130 when interrupted.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from flashpoint.pipeline import Model

app = typer.Typer(
    name="flashpoint",
    help="News in, political event data out: PLOVER events with status, date, place, figures and evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rendering it with rich costs a third of a second at every start
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


class EventFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"
    parquet = "parquet"


class TableFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


class Layout(StrEnum):
    gdelt = "gdelt"
    polecat = "polecat"
    acled = "acled"


DEFAULT_DB = "flashpoint.duckdb"

# ---------------------------------------------------------------------------------------------- shared options

PathsArg = Annotated[list[str] | None, typer.Argument(
    help="Files (.txt .html .jsonl .json .rss), folders of them, or - for stdin (the default).", show_default=False,
    metavar="PATH")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", metavar="YYYY-MM-DD", help="Publication date of stories that have none of their own (else it is read "
                                         "off the text: a full date, or the dateline's day and month with the "
                                         "file's year).")]
ModelOpt = Annotated[Model | None, typer.Option(
    "--model", help="What picks a sentence's main event: encoder (default), fast (a linear model, for triage of "
                    "huge corpora) or rules (the trigger rules alone).", show_default=False)]
FastOpt = Annotated[bool, typer.Option("--fast", help="Same as --model fast.")]
WorkersOpt = Annotated[int | None, typer.Option("--workers", min=1, help="Coding processes (default: all cores).")]
DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB database file.")]
StatusOpt = Annotated[str, typer.Option(
    "--status", help="Which events: asserted (what happened, the default), all, or a comma-separated list of "
                     "asserted, negated, hypothetical, future, threatened, claimed.")]
SinceOpt = Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")]
CountryOpt = Annotated[str | None, typer.Option(
    "--country", help="An actor's, recipient's or the location's country: ISO3 (KEN) or name (Kenya).")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type (ASSAULT, PROTEST ...).")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    print(f"flashpoint: {message}", file=sys.stderr)
    return typer.Exit(code)


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise _fail(f"{option} must be a date YYYY-MM-DD, got {value!r}") from None


def _model(model: Model | None, fast: bool, rules: bool = False) -> Model:
    chosen = {m for m, on in ((Model.fast, fast), (Model.rules, rules)) if on}
    if model is not None:
        chosen.add(model)
    if len(chosen) > 1:
        raise _fail(f"--model: {', '.join(sorted(chosen))} were asked for at once (--fast is --model fast): "
                    "choose one")
    return chosen.pop() if chosen else Model.encoder


def _paths(paths: list[str] | None) -> list[str]:
    return list(paths) if paths else ["-"]


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n:,} " + (word[:-1] + "ies" if word.endswith("y") else word + "s")


def _rate(n: int, seconds: float, what: str) -> str:
    return f"{n / seconds:,.1f} {what}/s" if seconds > 0 else ""


def _version(value: bool) -> None:
    if value:
        from flashpoint import __version__

        print(f"flashpoint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False) -> None:
    """News in, political event data out: PLOVER events with status, date, place, figures and evidence."""


# ---------------------------------------------------------------------------------------------- coding


@app.command()
def code(
    paths: PathsArg = None,
    date: DateOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    story_id: Annotated[str | None, typer.Option("--id", help="Story id for a single text/HTML story.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show what every stage decided for each sentence.")]
    = False,
    model: ModelOpt = None,
    fast: FastOpt = False,
    workers: WorkersOpt = None,
) -> None:
    """Code news stories into event records (one JSON object per event mention, of every status)."""
    from flashpoint.explain import explain_story
    from flashpoint.output import write_records
    from flashpoint.problems import Problems, read_stories
    from flashpoint.progress import Progress
    from flashpoint.workers import code_stories

    date = _date(date, "--date")
    chosen = _model(model, fast)
    paths = _paths(paths)
    problems = Problems()
    stories = read_stories(paths, problems, date=date, story_id=story_id)
    totals = {"stories": 0, "sentences": 0, "mentions": 0}

    def records() -> Iterator[dict]:
        # --explain needs each annotated story, so it codes in this process (the story it gets back is the one coded)
        with Progress("stories", enabled=paths != ["-"]) as bar:
            for story, coded in code_stories(stories, chosen, 1 if explain else workers):
                name = story.source or story.id
                for warning in coded.warnings:
                    problems.warn(name, warning)
                if coded.error is not None:
                    problems.skip(name, coded.error)
                    continue
                bar.advance()
                totals["stories"] += 1
                totals["sentences"] += coded.sentences
                totals["mentions"] += len(coded.records)
                problems.undated += story.date is None
                if explain:
                    sys.stdout.write(explain_story(story))
                else:
                    yield from coded.records

    start = time.monotonic()
    write_records(records(), fmt.value, sys.stdout)
    seconds = time.monotonic() - start
    sys.stdout.flush()
    problems.finish()
    problems.note(f"{_plural(totals['stories'], 'story')} ({_plural(totals['sentences'], 'sentence')}) coded into "
                  f"{_plural(totals['mentions'], 'event mention')} in {seconds:.1f} s"
                  + (f" ({_rate(totals['stories'], seconds, 'stories')})" if totals["stories"] > 1 else "")
                  + (f"; {_plural(problems.skipped, 'item')} skipped" if problems.skipped else ""))
    raise typer.Exit(problems.exit_code)


@app.command()
def classify(
    paths: Annotated[list[str] | None, typer.Argument(
        help="JSONL files of relations, or - for stdin (the default).", show_default=False, metavar="PATH")]
    = None,
    model: ModelOpt = None,
    fast: FastOpt = False,
    rules: Annotated[bool, typer.Option("--rules", help="Same as --model rules.", hidden=True)] = False,
) -> None:
    """Classify marked relations: each line {"text", "actor": [[s, e]...], "recipient": [[s, e]...]}."""
    from flashpoint.extract.relation import classify_relations
    from flashpoint.problems import Problems

    chosen = _model(model, fast, rules)
    problems = Problems()
    batch: list[tuple[str, list, list] | str] = []  # a relation, or the error of a bad line (kept in order)

    def flush() -> None:
        good = [b for b in batch if not isinstance(b, str)]
        results = iter(classify_relations([t for t, _, _ in good], [a for _, a, _ in good], [r for _, _, r in good],
                                          model=chosen.value)) if good else iter(())
        for item in batch:
            if isinstance(item, str):
                sys.stdout.write(json.dumps({"event_type": None, "mode": None, "status": None, "quad_class": None,
                                             "confidence": 0.0, "error": item}) + "\n")
            else:
                sys.stdout.write(json.dumps(next(results).to_dict()) + "\n")
        batch.clear()

    for source, line in _lines(_paths(paths)):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError(f'"text" must be a string, got {type(text).__name__}')
            batch.append((text, _spans(item.get("actor"), text), _spans(item.get("recipient"), text)))
        except (ValueError, KeyError, TypeError) as exc:
            problems.skip(source, f"not a relation line ({exc.__class__.__name__}: {exc})")
            batch.append(str(exc))
        if len(batch) >= 512:  # large chunks let the model sort by length (less padding)
            flush()
    flush()
    raise typer.Exit(problems.exit_code)


def _spans(value: object, text: str) -> list[tuple[int, int]]:
    """[[s, e], ...] or the shorthand [s, e]; each span must lie inside the text."""
    if value is None or value == []:
        return []
    if not isinstance(value, list):
        raise TypeError(f"spans must be a list, got {type(value).__name__}")
    pairs = [value] if len(value) == 2 and all(isinstance(v, int) for v in value) else value
    spans = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, int) for v in pair)):
            raise TypeError(f"a span must be [start, end], got {pair!r}")
        start, end = pair
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {pair} is outside the text (length {len(text)})")
        spans.append((start, end))
    return spans


def _lines(paths: list[str]) -> Iterator[tuple[str, str]]:
    """(source "file:N", line) of every line of every path ("-": stdin)."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        if path == "-":
            for n, line in enumerate(sys.stdin, 1):
                yield f"{name}:{n}", line
            continue
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    yield f"{name}:{n}", line
        except OSError as exc:
            raise _fail(f"cannot read {path}: {exc.strerror or exc}") from None


@app.command()
def dates(paths: PathsArg = None, date: DateOpt = None) -> None:
    """Time expressions resolved against the publication date: {story_id, text, start, end, value, precision}."""
    from flashpoint.extract.dates import find_times
    from flashpoint.problems import Problems, read_stories

    date = _date(date, "--date")
    problems = Problems()
    for story in read_stories(_paths(paths), problems, date=date):
        pub = dt.date.fromisoformat(story.date) if story.date else None
        for t in find_times(story.text, pub):
            sys.stdout.write(json.dumps({"story_id": story.id, "text": t.text, "start": t.start, "end": t.end,
                                         "value": t.value, "precision": t.precision}) + "\n")
    raise typer.Exit(problems.exit_code)


@app.command()
def places(paths: PathsArg = None, date: DateOpt = None) -> None:
    """Place names resolved to the gazetteer: {story_id, text, start, end, name, country, admin1, lat, lon, ...}.

    A JSONL line may carry "toponyms": [[start, end], ...] to resolve only those spans."""
    from flashpoint.geo import geoparse
    from flashpoint.problems import Problems, read_stories

    date = _date(date, "--date")
    problems = Problems()
    for story in read_stories(_paths(paths), problems, date=date):
        toponyms = story.extra.get("toponyms")
        try:
            spans = _spans(toponyms, story.text) if toponyms is not None else None
        except (TypeError, ValueError) as exc:
            problems.skip(story.source or story.id, f'bad "toponyms": {exc}')
            continue
        for row in geoparse(story, spans):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    raise typer.Exit(problems.exit_code)


@app.command()
def locate(paths: Annotated[list[str] | None, typer.Argument(
        help="JSONL files, or - for stdin (the default).", show_default=False, metavar="PATH")] = None
           ) -> None:
    """Where the event named by a trigger happened: each line {"text", "trigger": [start, end]}."""
    from flashpoint.geo import locate as locate_one
    from flashpoint.problems import Problems

    problems = Problems()
    for source, line in _lines(_paths(paths)):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            ((start, end),) = _spans(item["trigger"], item["text"])
            location = locate_one(item["text"], (start, end))
        except (ValueError, KeyError, TypeError) as exc:
            problems.skip(source, f"not a locate line ({exc})")
            sys.stdout.write(json.dumps({"location": None, "error": str(exc)}) + "\n")
            continue
        sys.stdout.write(json.dumps({"location": location}, ensure_ascii=False) + "\n")
    raise typer.Exit(problems.exit_code)


# ---------------------------------------------------------------------------------------------- the database


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files or folders of stories (.txt .html .jsonl ...), or -. None: only finish an interrupted "
             "grouping.", show_default=False, metavar="PATH")] = None,
    db: DbOpt = DEFAULT_DB,
    date: DateOpt = None,
    model: ModelOpt = None,
    fast: FastOpt = False,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Code on a Dask cluster: a scheduler ADDRESS, or 'local' for a LocalCluster.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Coding processes (default: all cores; with --dask local: cluster workers).")] = None,
) -> None:
    """Code stories and store them with their events; safe to rerun and to kill at any moment."""
    import os

    from flashpoint.problems import Problems
    from flashpoint.store.ingest import ingest as run
    from flashpoint.store.schema import DatabaseError

    date = _date(date, "--date")
    chosen = _model(model, fast)
    if not paths and not os.path.exists(db):
        raise _fail(f"--db: no database at {db}; give the stories to ingest: flashpoint ingest PATH... --db {db}")
    problems = Problems()
    try:
        stats = run(list(paths or []), db, date=date, workers=workers, model=chosen, problems=problems, progress=True,
                    dask=dask)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None
    except ImportError as exc:
        raise _fail(f"--dask needs the optional dependency: pip install 'flashpoint[dask]' ({exc})") from None
    problems.finish()
    if paths:
        skipped = f", {_plural(problems.skipped, 'item')} skipped" if problems.skipped else ""
        problems.note(f"{stats.coded:,} new stories ({stats.known:,} already known{skipped}), "
                      f"{stats.mentions:,} mentions, {stats.events:,} events in {db} "
                      f"({stats.rate:.1f} stories/s)")
    else:
        problems.note(f"grouping of {db} is complete: {stats.events:,} events")
    raise typer.Exit(problems.exit_code)


def _open_existing(db: str):
    """The database, read-only; a clear error if it is missing, in use or no flashpoint database."""
    import os

    from flashpoint.store.schema import DatabaseError, connect

    if not os.path.exists(db):
        raise _fail(f"--db: no database at {db} (run `flashpoint ingest FILES --db {db}` first)")
    try:
        return connect(db, read_only=True)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None


def _incomplete(con, db: str) -> bool:
    """Whether an interrupted ingest left mentions out of the events; says so, and how to finish it."""
    from flashpoint.store.grouping import grouping_is_current

    if grouping_is_current(con):
        return False
    print(f"flashpoint: the events of {db} are incomplete: an ingest was interrupted before grouping its mentions "
          f"into events. Finish it with: flashpoint ingest --db {db}", file=sys.stderr)
    return True


def _filters(since: str | None, until: str | None, country: str | None, event_type: str | None, status: str
             ) -> tuple[str | None, str | None, list[str] | None, str | None, tuple[str, ...] | None]:
    """The filter options checked and normalised; a usage error names the option at fault."""
    from flashpoint.store.export import country_codes, event_type_code, parse_statuses

    since, until = _date(since, "--since"), _date(until, "--until")
    if since and until and since > until:
        raise _fail(f"--since {since} is after --until {until}")
    try:
        countries = country_codes(country) if country else None
    except ValueError as exc:
        raise _fail(f"--country: {exc}") from None
    try:
        kind = event_type_code(event_type) if event_type else None
    except ValueError as exc:
        raise _fail(f"--type: {exc}") from None
    try:
        statuses = parse_statuses(status)
    except ValueError as exc:
        raise _fail(f"--status: {exc}") from None
    return since, until, countries, kind, statuses


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.jsonl,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default stdout; parquet needs one).")]
    = None,
    status: StatusOpt = "asserted",
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    event_type: TypeOpt = None,
) -> None:
    """Print grouped events (one per real event): the record plus mentions, stories, first/last reported, evidence.

    Only asserted events (what happened) unless --status says otherwise; every format carries the status."""
    from flashpoint.output import opened, write_events
    from flashpoint.store.export import event_query, iter_events

    since, until, countries, kind, statuses = _filters(since, until, country, event_type, status)
    if fmt is EventFormat.parquet and (not out or out == "-"):
        raise _fail("--format parquet needs --out FILE")
    con = _open_existing(db)
    try:
        incomplete = _incomplete(con, db)
        sql, params = event_query(since, until, countries, kind, statuses)
        try:
            if fmt is EventFormat.parquet:
                con.execute(f"COPY ({sql}) TO '{out.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)", params)
            else:
                with opened(out) as stream:
                    write_events(iter_events(con, sql, params), fmt.value, stream)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _fail(f"--out: cannot write {out}: {exc.strerror or exc}") from None
    finally:
        con.close()
    raise typer.Exit(1 if incomplete else 0)


@app.command()
def export(
    layout: Annotated[Layout, typer.Option("--layout", help="Column layout of a published dataset.")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output file (- for stdout with csv).")],
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="File format.")] = TableFormat.csv,
    status: StatusOpt = "asserted",
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    event_type: TypeOpt = None,
) -> None:
    """Export events in the GDELT 2.0, POLECAT or ACLED column layout.

    These layouts have no status column: only asserted events (what happened) are written unless --status asks
    for others."""
    from flashpoint.store.export import export as run

    since, until, countries, kind, statuses = _filters(since, until, country, event_type, status)
    if fmt is TableFormat.parquet and out == "-":
        raise _fail("--format parquet needs --out FILE")
    con = _open_existing(db)
    try:
        incomplete = _incomplete(con, db)
        n = run(con, layout.value, fmt.value, out, statuses, since=since, until=until, country=countries,
                event_type=kind)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _fail(f"--out: cannot write {out}: {exc.strerror or exc}") from None
    finally:
        con.close()
    which = "events of every status" if statuses is None else "/".join(statuses) + " events"
    print(f"flashpoint: {n:,} {layout.value} rows ({which}) written to {out}", file=sys.stderr)
    raise typer.Exit(1 if incomplete else 0)


@app.command()
def version() -> None:
    """Print the coder version (also: flashpoint --version)."""
    _version(True)


# ---------------------------------------------------------------------------------------------- serving & analysis
# `serve`, `series`, `alerts` (DESIGN.md §6): thin commands over flashpoint.web and flashpoint.analysis, which the
# HTTP API calls too, so the CLI and the API give the same answers.


class SeriesFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


_ALERT_CSV = ["kind", "key", "window_events", "baseline_events", "baseline_rate", "score", "window_intensity",
              "baseline_intensity", "window_start", "window_end", "events"]


def _write_rows(rows: list[dict], fmt: SeriesFormat, columns: list[str]) -> None:
    if fmt is SeriesFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The DuckDB database file.")] = "flashpoint.duckdb",
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the read-only API and the dashboard (map, timeline, evidence) at http://HOST:PORT/."""
    import ipaddress
    import socket

    try:
        import uvicorn

        from flashpoint.web.app import LOOPBACK, create_app
    except ImportError as exc:
        raise _fail(f"serve needs fastapi and uvicorn: pip install fastapi uvicorn ({exc})") from None
    from flashpoint.store.schema import DatabaseError

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        print(f"flashpoint: warning: serving on {host}, not loopback: anyone who can reach this machine on port "
              f"{port} can read the events (the API has no authentication)", file=sys.stderr)
    try:
        application = create_app(db, allowed_hosts=[*LOOPBACK, host] if loopback else None)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None
    try:  # a clear message for a port in use or an address that is not ours, before uvicorn starts
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    print(f"flashpoint: serving {db} at http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops", file=sys.stderr)
    uvicorn.run(application, host=host.strip("[]"), port=port, log_level="warning")


@app.command()
def series(
    actor: Annotated[str | None, typer.Option("--actor", help="ISO3 of an actor.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="ISO3 of a recipient.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO3 of the location (a place series).")] = None,
    by: Annotated[Period, typer.Option("--by", help="Period.")] = Period.month,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    status: Annotated[str, typer.Option("--status", help="asserted, all, or a comma-separated list.")] = "asserted",
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    db: Annotated[str, typer.Option("--db", help="The DuckDB database file.")] = "flashpoint.duckdb",
    fmt: Annotated[SeriesFormat, typer.Option("--format", "-f", help="Output format.")] = SeriesFormat.jsonl,
) -> None:
    """Grouped events per period for a dyad, an actor or a place: {period, events, intensity, goldstein}."""
    from flashpoint.analysis import EventFilter, FilterError
    from flashpoint.analysis import series as run

    if not (actor or country):
        raise _fail("series needs --actor ISO3 (with --recipient for a dyad) or --country ISO3")
    try:
        flt = EventFilter.parse(actor=actor, recipient=recipient, place=country, event_type=event_type,
                                status=status, since=since, until=until)
    except FilterError as exc:
        raise _fail(f"--{exc}") from None
    con = _open_existing(db)
    try:
        rows = run(con, flt, by.value)
    except FilterError as exc:
        raise _fail(str(exc)) from None
    finally:
        con.close()
    _write_rows(rows, fmt, ["period", "events", "intensity", "goldstein"])


@app.command()
def alerts(
    window: Annotated[int, typer.Option("--window", min=1, max=366, help="Window in days.")] = 7,
    baseline: Annotated[int, typer.Option("--baseline", min=1, max=3660, help="Baseline days before it.")] = 90,
    until: Annotated[str | None, typer.Option(
        "--until", help="Last day of the window, YYYY-MM-DD (default: the last event day in the store).")] = None,
    status: Annotated[str, typer.Option("--status", help="asserted, all, or a comma-separated list.")] = "asserted",
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Fewest window events for an alert.")] = 3,
    threshold: Annotated[float, typer.Option(
        "--threshold", min=0, max=300, help="Least score (-log10 of the Poisson tail probability).")] = 3.0,
    db: Annotated[str, typer.Option("--db", help="The DuckDB database file.")] = "flashpoint.duckdb",
    fmt: Annotated[SeriesFormat, typer.Option("--format", "-f", help="Output format.")] = SeriesFormat.jsonl,
) -> None:
    """Dyads and places whose conflict events in the window rise well above their baseline, with their events."""
    from flashpoint.analysis import FilterError
    from flashpoint.analysis import alerts as run
    from flashpoint.analysis.filters import check_date, check_status

    try:
        end, wanted = check_date(until, "until"), check_status(status)
    except FilterError as exc:
        raise _fail(f"--{exc}") from None
    con = _open_existing(db)
    try:
        rows = run(con, window, baseline, until=end, status=wanted, min_events=min_events, threshold=threshold)
    except FilterError as exc:
        raise _fail(str(exc)) from None
    finally:
        con.close()
    if fmt is SeriesFormat.csv:
        rows = [{**a, "kind": "dyad" if "dyad" in a else "place",
                 "key": "-".join(str(c) for c in a["dyad"]) if "dyad" in a else a["place"],
                 "window_start": a["window"][0], "window_end": a["window"][1], "events": ";".join(a["events"])}
                for a in rows]
    _write_rows(rows, fmt, _ALERT_CSV)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("flashpoint: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # `flashpoint code ... | head` is fine
        sys.stderr.close()
        sys.exit(0)


# ---------------------------------------------------------------------------------------------- more commands
# Commands added below register themselves with @app.command(), like those above.
