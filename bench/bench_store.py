"""Store benchmarks: ingest speed, Dask speed-up (2 workers against 1), and a monthly dyad series over 10M rows.

    PYTHONPATH=src .venv/bin/python bench/bench_store.py [--stories N] [--rows N] [--skip-ingest] [--skip-dask]

Ingest and Dask use the GVA dev articles (../shared/data/gva) when present, else a synthetic corpus of small
stories; the query bench needs no data: it fills a `dyads` table with 10 million synthetic event rows (generated in
DuckDB: 60 countries, 16 types in 13 families, 10 years, skewed towards a few busy dyads) and times
`dyad_series(con, "C01", "C02")` (one dyad's monthly series by type family) and the whole monthly cube
(month x actor country x recipient country x family).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data"
GVA = DATA / "gva" / "incidents.dev.jsonl.gz"
CLI = "from flashpoint.cli import main; main()"  # the real command line (`python -m flashpoint` adds nothing)


def corpus(path: Path, n: int) -> str:
    lines = []
    if GVA.exists():
        with gzip.open(GVA, "rt", encoding="utf-8") as f:
            for line in f:
                for doc in json.loads(line)["docs"]:
                    if doc["content"].strip() and len(lines) < n:
                        lines.append(json.dumps({"id": doc["id"], "text": doc["title"] + "\n\n" + doc["content"],
                                                 "date": doc["dct"]}))
        what = f"{len(lines)} GVA articles"
    else:
        cities = ["Nairobi", "Lagos", "Paris", "Kabul", "Lima", "Cairo"]
        for i in range(n):
            lines.append(json.dumps({"id": f"s{i}", "date": f"2023-05-0{i % 9 + 1}", "text": (
                f"Police fired tear gas at protesters in {cities[i % 6]} on Monday, injuring {i % 30 + 2} people. "
                f"The government said {i % 40 + 1} people were arrested. Report {i}.")}))
        what = f"{n} synthetic stories"
    path.write_text("\n".join(lines) + "\n")
    return what


def timed_ingest(path: Path, db: Path, *extra: str) -> float:
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", CLI, "ingest", str(path), "--db", str(db), *extra],
                            capture_output=True, text=True)
    seconds = time.monotonic() - start
    if result.returncode not in (0, 1):
        print(result.stderr[-2000:])
    return seconds


def query_bench(rows: int) -> None:
    import duckdb

    from flashpoint.store.query import dyad_series
    from flashpoint.store.schema import connect

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "q.duckdb")
        con = connect(db)
        start = time.monotonic()
        con.execute(f"""
            INSERT INTO dyads
            SELECT 'e' || i, DATE '2015-01-01' + CAST(floor(random() * 3650) AS INTEGER),
                   'C' || lpad(CAST(CAST(floor(pow(random(), 3) * 60) AS INTEGER) AS VARCHAR), 2, '0'),
                   'C' || lpad(CAST(CAST(floor(pow(random(), 3) * 60) AS INTEGER) AS VARCHAR), 2, '0'),
                   f, f, 'material_conflict', -5.0, CAST(floor(random() * 4) AS BIGINT)
            FROM (SELECT i, (['AGREE','CONSULT','SUPPORT','YIELD','COOPERATE','AID','REQUEST','ACCUSE','REJECT',
                             'THREATEN','PROTEST','SANCTION','MOBILIZE','COERCE','ASSAULT'])[1 + i % 15] AS f
                  FROM range({rows}) t(i))""")
        con.execute("CHECKPOINT")
        print(f"generated {rows:,} dyad rows in {time.monotonic() - start:.1f} s")
        con.close()
        con = duckdb.connect(db, read_only=True)
        times = []
        for _ in range(5):
            start = time.monotonic()
            series = dyad_series(con, "C01", "C02")
            times.append(time.monotonic() - start)
        print(f"dyad_series(C01 -> C02, month): {len(series)} rows (periods x families), "
              f"best {min(times) * 1000:.0f} ms, first {times[0] * 1000:.0f} ms of 5 runs")
        times = []
        for _ in range(3):
            start = time.monotonic()
            n = con.execute("""SELECT count(*) FROM (SELECT date_trunc('month', day) AS m, actor, recipient, family,
                               count(*) AS events FROM dyads GROUP BY ALL)""").fetchall()[0][0]
            times.append(time.monotonic() - start)
        print(f"whole monthly cube (month x actor x recipient x family): {n:,} cells, best {min(times) * 1000:.0f} ms")
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=1500)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        if not args.skip_ingest:
            what = corpus(path, args.stories)
            for workers in (1, 2):
                s = timed_ingest(path, Path(tmp) / f"w{workers}.duckdb", "--workers", str(workers))
                print(f"ingest {what}, {workers} worker(s): {s:.1f} s, {args.stories / s:.1f} stories/s "
                      "(process start, coding, writing and grouping)")
            if not args.skip_dask:
                try:
                    import distributed  # noqa: F401
                except ImportError:
                    print("dask: skipped (pip install 'dask[distributed]')")
                else:
                    d1 = timed_ingest(path, Path(tmp) / "d1.duckdb", "--dask", "local", "--workers", "1")
                    d2 = timed_ingest(path, Path(tmp) / "d2.duckdb", "--dask", "local", "--workers", "2")
                    print(f"dask local, {what}: 1 worker {d1:.1f} s, 2 workers {d2:.1f} s, speed-up {d1 / d2:.2f}x")
    query_bench(args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
