"""The `flashpoint` command (DESIGN.md §3). Heavy imports happen inside commands so that `--help` stays instant."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

if TYPE_CHECKING:
    from flashpoint.records import Story
    from flashpoint.text.readers import ReadProblem

app = typer.Typer(
    name="flashpoint",
    help="News in, political event data out: PLOVER events with status, date, place, figures and evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Model(StrEnum):
    rules = "rules"
    fast = "fast"
    encoder = "encoder"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


PathArg = Annotated[str, typer.Argument(help="A .txt, .html, .jsonl or feed file, a folder of them, or - for stdin.")]
FastOpt = Annotated[bool, typer.Option("--fast", help="Use the fast linear model (triage of huge corpora).")]
RulesOpt = Annotated[bool, typer.Option("--rules", help="Use the trigger rules only, no trained model.")]


def _model(fast: bool, rules: bool) -> str:
    if fast and rules:
        raise _fail("choose one of --fast and --rules")
    return "fast" if fast else "rules" if rules else "encoder"


DateOpt = Annotated[
    str | None, typer.Option("--date", help="Publication date YYYY-MM-DD (a story's own date wins).")
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    print(f"flashpoint: {message}", file=sys.stderr)
    return typer.Exit(code)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _fail(f"--date must be YYYY-MM-DD, got {value!r}") from None


class Problems:
    """Counts and reports bad items on stderr; the exit status says whether anything was skipped."""

    def __init__(self) -> None:
        self.skipped = 0
        self.warnings = 0

    def report(self, problem: ReadProblem) -> None:
        if problem.skipped:
            self.skipped += 1
            print(f"flashpoint: skipped {problem.source}: {problem.reason}", file=sys.stderr)
        else:
            self.warnings += 1
            print(f"flashpoint: warning: {problem.source}: {problem.reason}", file=sys.stderr)

    def error(self, source: str, reason: str) -> None:
        self.skipped += 1
        print(f"flashpoint: skipped {source}: {reason}", file=sys.stderr)

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped or self.warnings else 0


@contextmanager
def _progress(enabled: bool, what: str) -> Iterator:
    """A progress bar on stderr when it is a terminal; a no-op callback otherwise."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} " + what), TextColumn("{task.fields[rate]}/s"),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(what, total=None, rate="0")
        start = dt.datetime.now()

        def advance() -> None:
            progress.advance(task)
            seconds = (dt.datetime.now() - start).total_seconds() or 1e-9
            progress.update(task, rate=f"{progress.tasks[0].completed / seconds:.0f}")

        yield advance


def _stories(path: str, date: str | None, story_id: str | None, problems: Problems) -> Iterator[Story]:
    from flashpoint.text.readers import ReadProblem, read

    for item in read(path, date=date, story_id=story_id):
        if isinstance(item, ReadProblem):
            problems.report(item)
        else:
            yield item


_CSV_COLUMNS = [
    "id", "story_id", "publication_date", "sentence_index", "event_type", "mode", "status", "contexts",
    "actor_text", "actor_country", "actor_sector", "recipient_text", "recipient_country", "recipient_sector",
    "date", "date_precision", "date_text", "date_source", "location_name", "location_country", "location_lat",
    "location_lon", "dead", "injured", "arrested", "size", "attribution", "quad_class", "intensity", "cameo",
    "goldstein", "trigger", "trigger_start", "trigger_end", "confidence", "coder", "sentence",
]


def _csv_row(record: dict) -> dict:
    def join(actors: list[dict], key: str) -> str:
        return ";".join(str(a.get(key) or "") for a in actors)

    loc = record.get("location") or {}
    att = record.get("attribution") or {}
    row = {k: record.get(k) for k in _CSV_COLUMNS if k in record}
    row.update(
        contexts=";".join(record["contexts"]),
        actor_text=join(record["actor"], "text"), actor_country=join(record["actor"], "country"),
        actor_sector=join(record["actor"], "sector"), recipient_text=join(record["recipient"], "text"),
        recipient_country=join(record["recipient"], "country"), recipient_sector=join(record["recipient"], "sector"),
        location_name=loc.get("name"), location_country=loc.get("country"), location_lat=loc.get("lat"),
        location_lon=loc.get("lon"), attribution=att.get("text"), trigger=record["trigger"]["text"],
        trigger_start=record["trigger"]["start"], trigger_end=record["trigger"]["end"],
    )
    return row


def write_records(records: Iterable[dict], fmt: Format, out: TextIO) -> int:
    n = 0
    if fmt is Format.csv:
        import csv

        writer = csv.DictWriter(out, fieldnames=_CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(_csv_row(record))
            n += 1
    elif fmt is Format.json:
        out.write("[")
        for record in records:
            out.write(("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False))
            n += 1
        out.write("\n]\n")
    else:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


@app.command()
def code(
    path: PathArg = "-",
    date: DateOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    story_id: Annotated[str | None, typer.Option("--id", help="Story id for a single text/HTML story.")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show what every stage decided for each sentence.")
    ] = False,
    model: Annotated[Model, typer.Option(
        "--model", help="encoder (default) / fast: a trained classifier picks each sentence's main event; rules: the "
                        "trigger rules alone.")] = None,
    fast: Annotated[bool, typer.Option("--fast", help="Same as --model fast (triage of huge corpora).")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Coding processes (default: all cores).")] = None,
) -> None:
    """Code news stories into event records (one JSON object per event mention)."""
    from flashpoint.explain import explain_story
    from flashpoint.workers import code_stories

    date = _check_date(date)
    if fast and model not in (None, Model.fast):
        raise _fail("--fast and --model disagree")
    problems = Problems()
    model_name = "fast" if fast else (model or Model.encoder).value
    stories = _stories(path, date, story_id, problems)

    def records() -> Iterator[dict]:
        # --explain needs each annotated story, so it codes in this process (the story it gets back is the one coded)
        with _progress(path != "-", "stories") as advance:
            for story, result in code_stories(stories, model_name, 1 if explain else workers):
                if isinstance(result, str):
                    problems.error(story.source or story.id, result)
                    continue
                advance()
                if explain:
                    sys.stdout.write(explain_story(story))
                else:
                    yield from result

    write_records(records(), fmt, sys.stdout)
    raise typer.Exit(problems.exit_code)


@app.command()
def classify(
    path: Annotated[str, typer.Argument(help="JSONL file of relations, or - for stdin.")] = "-",
    fast: FastOpt = False,
    rules: RulesOpt = False,
) -> None:
    """Classify marked relations: each line {"text", "actor": [[s, e]...], "recipient": [[s, e]...]}."""
    from flashpoint.extract.relation import classify_relations

    model = _model(fast, rules)
    problems = Problems()
    batch: list[tuple[str, list, list] | str] = []  # a relation, or the error of a bad line (kept in order)

    def flush() -> None:
        good = [b for b in batch if not isinstance(b, str)]
        results = iter(classify_relations([t for t, _, _ in good], [a for _, a, _ in good], [r for _, _, r in good],
                                          model=model)) if good else iter(())
        for item in batch:
            if isinstance(item, str):
                sys.stdout.write(json.dumps({"event_type": None, "mode": None, "status": None, "quad_class": None,
                                             "confidence": 0.0, "error": item}) + "\n")
            else:
                sys.stdout.write(json.dumps(next(results).to_dict()) + "\n")
        batch.clear()

    for n, line in enumerate(_lines(path, problems), 1):
        source = f"{'<stdin>' if path == '-' else path}:{n}"
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError(f'"text" must be a string, got {type(text).__name__}')
            batch.append((text, _spans(item.get("actor"), text), _spans(item.get("recipient"), text)))
        except (ValueError, KeyError, TypeError) as exc:
            problems.error(source, f"not a relation line ({exc.__class__.__name__}: {exc})")
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


def _lines(path: str, problems: Problems) -> Iterator[str]:
    if path == "-":
        yield from sys.stdin
        return
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            yield from f
    except OSError as exc:
        raise _fail(f"cannot read {path}: {exc.strerror or exc}") from None


@app.command()
def dates(path: PathArg = "-", date: DateOpt = None) -> None:
    """Time expressions resolved against the publication date: {story_id, text, start, end, value, precision}."""
    from flashpoint.extract.dates import find_times

    date = _check_date(date)
    problems = Problems()
    for story in _stories(path, date, None, problems):
        pub = dt.date.fromisoformat(story.date) if story.date else None
        for t in find_times(story.text, pub):
            sys.stdout.write(json.dumps({"story_id": story.id, "text": t.text, "start": t.start, "end": t.end,
                                         "value": t.value, "precision": t.precision}) + "\n")
    raise typer.Exit(problems.exit_code)


@app.command()
def places(path: PathArg = "-", date: DateOpt = None) -> None:
    """Place names resolved to the gazetteer: {story_id, text, start, end, name, country, admin1, lat, lon, ...}.

    A JSONL line may carry "toponyms": [[start, end], ...] to resolve only those spans."""
    from flashpoint.geo import geoparse

    date = _check_date(date)
    problems = Problems()
    for story in _stories(path, date, None, problems):
        toponyms = story.extra.get("toponyms")
        try:
            spans = _spans(toponyms, story.text) if toponyms is not None else None
        except (TypeError, ValueError) as exc:
            problems.error(story.source or story.id, f'bad "toponyms": {exc}')
            continue
        for row in geoparse(story, spans):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    raise typer.Exit(problems.exit_code)


@app.command()
def locate(path: Annotated[str, typer.Argument(help="JSONL file, or - for stdin.")] = "-") -> None:
    """Where the event named by a trigger happened: each line {"text", "trigger": \\[start, end]}."""
    from flashpoint.geo import locate as locate_one

    problems = Problems()
    for n, line in enumerate(_lines(path, problems), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            ((start, end),) = _spans(item["trigger"], item["text"])
            location = locate_one(item["text"], (start, end))
        except (ValueError, KeyError, TypeError) as exc:
            problems.error(f"{'<stdin>' if path == '-' else path}:{n}", f"not a locate line ({exc})")
            sys.stdout.write(json.dumps({"location": None, "error": str(exc)}) + "\n")
            continue
        sys.stdout.write(json.dumps({"location": location}, ensure_ascii=False) + "\n")
    raise typer.Exit(problems.exit_code)


def _register_stage_commands() -> None:
    """Commands that live beside their stage: the database (store/)."""
    from flashpoint.store.commands import register

    register(app)


@app.command()
def version() -> None:
    """Print the coder version."""
    from flashpoint import __version__

    print(f"flashpoint {__version__}")


_register_stage_commands()


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


def _analysis_db(db: str):
    """A read-only connection to an existing flashpoint database, or a clear error."""
    import os

    from flashpoint.store.schema import DatabaseError, connect

    if not os.path.exists(db):
        raise _fail(f"no database at {db} (run `flashpoint ingest` first)")
    try:
        return connect(db, read_only=True)
    except DatabaseError as exc:
        raise _fail(str(exc)) from None


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
    con = _analysis_db(db)
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
    con = _analysis_db(db)
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
