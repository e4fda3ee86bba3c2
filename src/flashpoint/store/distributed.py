"""Coding past one machine: `flashpoint ingest --dask ADDRESS|local` codes partitions of stories on a Dask cluster.

The main process reads the input, drops known stories (by id or content hash, as in a plain ingest) and cuts the
rest into partitions of PARTITION_STORIES stories. Each partition is named by the sha1 of its story ids, so a rerun
over the same input gives the same names. A Dask worker codes a partition and writes two Parquet files into
`<db>.parts/`: `<name>.mentions.parquet`, then `<name>.stories.parquet` (each written to a temporary name and
renamed, so a file that exists is whole; the stories file, written last, marks the partition done). The main
process, the only writer of the database, loads each finished partition (stories + mentions in one transaction)
as futures complete. A partition whose files already exist is not coded again, so a killed run resumes where it
stopped. Workers must see the same `<db>.parts/` folder (a local cluster does; a remote one needs a shared
filesystem at the same path, see docs/SCALING.md).

dask[distributed] is an optional dependency, imported only here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flashpoint.pipeline import Model
    from flashpoint.problems import Problems
    from flashpoint.records import Story
    from flashpoint.store.ingest import IngestStats

PARTITION_STORIES = 250


def partition_name(stories: list[Story]) -> str:
    return "part-" + hashlib.sha1("\n".join(s.id for s in stories).encode()).hexdigest()[:20]


def _write(table: Any, path: str) -> None:
    import pyarrow.parquet as pq

    tmp = f"{path}.tmp-{os.getpid()}"
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def code_partition(stories: list[Story], folder: str, name: str, model: str = "encoder"
                   ) -> tuple[str, list[tuple[str, list[str], str | None]]]:
    """Runs on a worker: code the stories, write the partition's Parquet files; returns (name, what to report:
    (story name, warnings, error or None) of each story that had any)."""
    import pyarrow as pa

    from flashpoint import models
    from flashpoint.store.ingest import now, story_row
    from flashpoint.workers import code_story

    models.use_threads(1)  # a worker thread codes one partition at a time; the cluster's workers fill the cores
    from flashpoint.store.rows import STORY_SCHEMA, mention_rows

    story_rows, records, reports = [], [], []
    for story in stories:
        row, coded = story_row(story), code_story(story, model)
        if coded.warnings or coded.error:
            reports.append((row["source"] or row["id"], coded.warnings, coded.error))
        if coded.error is not None:
            continue
        story_rows.append(dict(row, n_mentions=len(coded.records), coded_at=now()))
        records.extend(coded.records)
    _write(mention_rows(records), os.path.join(folder, f"{name}.mentions.parquet"))
    _write(pa.Table.from_pylist(story_rows, schema=STORY_SCHEMA), os.path.join(folder, f"{name}.stories.parquet"))
    return name, reports


def load_partition(con: Any, folder: str, name: str, stats: IngestStats) -> None:
    """Stories + mentions of one finished partition, in one transaction; stories already stored are skipped."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from flashpoint.store.rows import insert
    from flashpoint.store.schema import transaction

    stories = pq.read_table(os.path.join(folder, f"{name}.stories.parquet"))
    mentions = pq.read_table(os.path.join(folder, f"{name}.mentions.parquet"))
    ids = stories.column("id").to_pylist()
    have = {r[0] for r in con.execute("SELECT id FROM stories WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
    if have:
        known = pa.array(sorted(have))
        stories = stories.filter(pc.invert(pc.is_in(stories.column("id"), value_set=known)))
        mentions = mentions.filter(pc.invert(pc.is_in(mentions.column("story_id"), value_set=known)))
    with transaction(con):
        insert(con, "stories", stories)
        insert(con, "mentions", mentions)
    stats.coded += stories.num_rows
    stats.mentions += mentions.num_rows


def _client(address: str, workers: int) -> tuple[Any, Any]:
    import dask
    from dask.distributed import Client, LocalCluster

    if address == "local":
        # fork, not spawn: spawn re-runs the parent's __main__ (the CLI itself) in every worker.
        dask.config.set({"distributed.worker.multiprocessing-method": "fork"})
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def ingest_dask(paths: list[str], db: str, *, address: str, date: str | None, workers: int, model: Model | str,
                problems: Problems, stats: IngestStats, partition: int = PARTITION_STORIES) -> None:
    from dask.distributed import as_completed

    from flashpoint.store.ingest import known_keys, new_stories
    from flashpoint.store.schema import connect

    folder = os.path.abspath(db) + ".parts"
    os.makedirs(folder, exist_ok=True)
    con = connect(db)
    try:
        known = known_keys(con)
        stories = list(new_stories(paths, date, problems, known, stats))
        parts = [stories[i:i + partition] for i in range(0, len(stories), partition)]
        names = [partition_name(p) for p in parts]
        done = [n for n in names if os.path.exists(os.path.join(folder, f"{n}.stories.parquet"))]
        for name in done:
            load_partition(con, folder, name, stats)
        todo = [(p, n) for p, n in zip(parts, names, strict=True) if n not in set(done)]
        if todo:
            client, cluster = _client(address, workers)
            try:
                futures = [client.submit(code_partition, p, folder, n, str(model), key=f"flashpoint-{n}", pure=False)
                           for p, n in todo]
                for future in as_completed(futures):
                    name, reports = future.result()
                    for source, warnings, error in reports:
                        for warning in warnings:
                            problems.warn(source, warning)
                        if error is not None:
                            stats.failed += 1
                            problems.skip(source, error)
                    load_partition(con, folder, name, stats)
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
        for name in names:  # loaded: the database holds them now
            for kind in ("stories", "mentions"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(os.path.join(folder, f"{name}.{kind}.parquet"))
    finally:
        con.close()
