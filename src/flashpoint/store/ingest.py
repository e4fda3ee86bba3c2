"""Ingest: read stories, code them on all cores, store stories and their mentions, regroup events.

Trust rules:
- A story is known by its id or by the sha1 of its text (content_hash): a known story is skipped, so rerunning on
  the same input adds nothing (the caller's id wins: a reused id with new text is skipped too).
- Stories are written in batches; each batch (story rows + all their mentions) is one transaction. A run killed at
  any moment leaves whole batches only, and a rerun codes exactly the stories that are missing; coding is
  deterministic, so the rows end the same as after an uninterrupted run (apart from coded_at).
- A story that fails to code is reported by name and not stored (a rerun retries it).
- Grouping runs after the last batch, in its own transaction, and again on any later run while the `meta` row says
  the grouping was computed from a different set of mentions (e.g. the run was killed while grouping).

Parallelism: `flashpoint.workers` codes on all cores; the main process is the only writer. Bad input and stories cut
at the size limits are reported through `flashpoint.problems.Problems`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.pipeline import Model

if TYPE_CHECKING:
    import duckdb

    from flashpoint.problems import Problems
    from flashpoint.records import Story
    from flashpoint.workers import Coded

BATCH_STORIES = 200  # stories per transaction
BATCH_SECONDS = 5.0  # ... or fewer when this long has passed since the last commit


@dataclass
class IngestStats:
    read: int = 0  # stories read from the input
    known: int = 0  # skipped: already in the database (or twice in the input)
    coded: int = 0  # coded and stored
    failed: int = 0  # internal error while coding (reported, not stored)
    mentions: int = 0  # mentions stored
    events: int = 0  # events in the database after grouping
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def now() -> str:
    """UTC now as DuckDB reads a TIMESTAMP (what `coded_at` holds)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")


# ---------------------------------------------------------------------------------------------- coding


def story_row(story: Story) -> dict[str, Any]:
    from flashpoint import __version__

    return {
        "id": story.id, "content_hash": content_hash(story.text), "url": story.url, "date": story.date,
        "source": story.source, "title": story.title, "coder": f"flashpoint {__version__}",
    }


def report(row: dict[str, Any], coded: Coded, problems: Problems, stats: IngestStats) -> bool:
    """Say what coding one story gave that the user must know (limits cut, an internal error); False if it failed."""
    name = row["source"] or row["id"]
    for warning in coded.warnings:
        problems.warn(name, warning)
    if coded.error is not None:
        stats.failed += 1
        problems.skip(name, coded.error)
        return False
    return True


# ---------------------------------------------------------------------------------------------- writing


class Writer:
    """Buffers coded stories and commits them in batches, each batch one transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, stats: IngestStats, batch: int = BATCH_STORIES) -> None:
        self.con, self.stats, self.batch = con, stats, batch
        self.stories: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.last = time.monotonic()

    def add(self, story_row: dict[str, Any], records: list[dict[str, Any]]) -> None:
        story_row = dict(story_row, n_mentions=len(records))
        story_row.setdefault("coded_at", now())
        self.stories.append(story_row)
        self.mentions.extend(records)
        if len(self.stories) >= self.batch or time.monotonic() - self.last >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.stories:
            return
        import pyarrow as pa

        from flashpoint.store.rows import STORY_SCHEMA, insert, mention_rows
        from flashpoint.store.schema import transaction

        with transaction(self.con):
            insert(self.con, "stories", pa.Table.from_pylist(self.stories, schema=STORY_SCHEMA))
            insert(self.con, "mentions", mention_rows(self.mentions))
        self.stats.coded += len(self.stories)
        self.stats.mentions += len(self.mentions)
        self.stories, self.mentions = [], []
        self.last = time.monotonic()


# ---------------------------------------------------------------------------------------------- the run


def known_keys(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    ids = {r[0] for r in con.execute("SELECT id FROM stories").fetchall()}
    hashes = {r[0] for r in con.execute("SELECT content_hash FROM stories").fetchall()}
    return ids, hashes


def new_stories(paths: Iterable[str], date: str | None, problems: Problems, known: tuple[set[str], set[str]],
                stats: IngestStats) -> Iterator[Story]:
    """Stories of all inputs that the database (and this run) has not seen, problems reported as they come."""
    from flashpoint.problems import read_stories

    ids, hashes = known
    for story in read_stories(list(paths), problems, date=date):
        stats.read += 1
        h = content_hash(story.text)
        if story.id in ids or h in hashes:
            stats.known += 1
            continue
        ids.add(story.id)
        hashes.add(h)
        if story.date is None:
            problems.undated += 1
        yield story


def count_stories(paths: Iterable[str]) -> int | None:
    """A cheap upper bound on the number of stories (JSONL lines, other files one each), for the ETA; None for stdin."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        files = [path]
        if os.path.isdir(path):
            files = [os.path.join(d, f) for d, _, names in os.walk(path) for f in names]
        for f in files:
            try:
                if f.endswith(".jsonl"):
                    with open(f, "rb") as fh:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 20), b""))
                elif f.endswith(".json"):
                    return None
                else:
                    total += 1
            except OSError:
                continue
    return total


def ingest(paths: list[str], db: str, *, date: str | None = None, workers: int | None = None,
           model: Model | str = Model.encoder, problems: Problems | None = None, progress: bool = False,
           batch: int = BATCH_STORIES, dask: str | None = None) -> IngestStats:
    """Code and store every new story of `paths` into the database at `db`, then regroup its events.

    With no paths, only finishes the grouping (after an ingest interrupted while grouping)."""
    import sys

    from flashpoint.problems import Problems
    from flashpoint.progress import Progress
    from flashpoint.store.grouping import ensure_grouped
    from flashpoint.store.schema import connect
    from flashpoint.workers import code_stories

    problems = problems or Problems(quiet=True)
    workers = workers if workers and workers > 0 else (os.cpu_count() or 1)
    stats = IngestStats()
    start = time.monotonic()
    if dask and paths:
        from flashpoint.store.distributed import ingest_dask

        ingest_dask(paths, db, address=dask, date=date, workers=workers, model=model, problems=problems,
                    stats=stats)
    elif paths:
        con = connect(db)
        try:
            total = count_stories(paths) if progress and sys.stderr.isatty() else None
            writer = Writer(con, stats, batch)
            with Progress("stories", total, enabled=progress) as bar:
                stories = new_stories(paths, date, problems, known_keys(con), stats)
                for story, coded in code_stories(stories, model, workers):
                    row = story_row(story)
                    if report(row, coded, problems, stats):
                        writer.add(row, coded.records)
                    bar.advance()
                writer.flush()
        finally:
            con.close()
    con = connect(db)
    try:
        stats.events = ensure_grouped(con, progress=progress)
    finally:
        con.close()
    stats.seconds = time.monotonic() - start
    return stats
