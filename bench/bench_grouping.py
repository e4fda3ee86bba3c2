"""Grouping reports into events on the GVA dev set: B-cubed F1 of articles -> events against articles -> incidents.

Each GVA incident (one shooting) comes with the 1-n news articles that reported it. The articles are ingested as
stories (title + text, publication date = the article's dct) into a fresh database with `flashpoint ingest`.

An article's predicted event: the event that holds the article's *main* ASSAULT mention, the one with the most
casualties given, then the highest confidence, then the earliest sentence. An article with no ASSAULT mention is
its own singleton. An article listed under several incidents counts once, under the first (GVA duplicates are few).
B-cubed precision/recall are averaged over articles; F1 is their harmonic mean. The GDELT-style baseline (one event
per article) is printed too, and so are the two halves of the incidents by id parity: scored apart from one grouping
of all articles, and grouped apart (each half alone, as a held-out set of half the size would be).

Coding the articles takes most of the time, so the coded database is cached under CACHE (keyed by the data file,
--limit and the package's source files other than store/grouping.py); a cached run only regroups it in this process.
--no-cache codes from scratch. The grouping speed printed is that of the in-process regroup.

    PYTHONPATH=src .venv/bin/python bench/bench_grouping.py [--limit N] [--db FILE] [--workers N] [--no-cache]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GVA = DATA / "gva" / "incidents.dev.jsonl.gz"
CACHE = Path(tempfile.gettempdir()) / "flashpoint-bench-grouping"
CLI = "from flashpoint.cli import main; main()"  # the real command line (`python -m flashpoint` adds nothing)


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, c in pred.items():
        by_pred[c].add(item)
    for item, c in gold.items():
        by_gold[c].add(item)
    p = r = 0.0
    for item in gold:
        same_pred, same_gold = by_pred[pred[item]], by_gold[gold[item]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def load(limit: int | None) -> tuple[list[dict], dict[str, str]]:
    stories, gold = [], {}
    with gzip.open(GVA, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit and n >= limit:
                break
            incident = json.loads(line)
            for doc in incident["docs"]:
                if not doc["content"].strip() or doc["id"] in gold:
                    continue
                gold[doc["id"]] = incident["incident_id"]
                text = (doc.get("title") or "").strip() + "\n\n" + doc["content"]
                stories.append({"id": doc["id"], "text": text, "date": doc.get("dct"), "url": doc.get("uri")})
    return stories, gold


def cache_key(limit: int | None) -> str:
    """What the coded mentions depend on: the data file, --limit and the code that codes and stores them (every
    package file but the grouping, which each run recomputes)."""
    h = hashlib.sha1(f"{GVA.stat().st_mtime_ns}|{GVA.stat().st_size}|{limit}".encode())
    package = ROOT / "src" / "flashpoint"
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and path.name != "grouping.py":
            st = path.stat()
            h.update(f"{path.relative_to(package)}|{st.st_mtime_ns}|{st.st_size}".encode())
    return h.hexdigest()[:16]


def predict(rows: list[tuple], gold: dict[str, str]) -> dict[str, str]:
    """Article -> event of its main ASSAULT mention; rows are (story_id, event_id, hurt, confidence, sentence)."""
    main_event: dict[str, tuple] = {}
    for story_id, event_id, hurt, conf, idx in rows:
        key = (hurt, conf, -idx)
        if story_id not in main_event or key > main_event[story_id][0]:
            main_event[story_id] = (key, event_id)
    return {doc: main_event[doc][1] if doc in main_event else f"single:{doc}" for doc in gold}


def grouped_apart(mentions: list[dict], gold: dict[str, str]) -> dict[str, str]:
    """Group only the mentions of `gold`'s articles, in this process, and predict as `predict` does."""
    from flashpoint.store.grouping import group_mentions

    ms = [m for m in mentions if m["story_id"] in gold]
    event_of = {m["id"]: n for n, group in enumerate(group_mentions(ms)) for m in group}
    rows = [(m["story_id"], event_of[m["id"]], (m.get("dead") or 0) + (m.get("injured") or 0), m["confidence"],
             m["sentence_index"]) for m in ms if m["event_type"] == "ASSAULT"]
    return predict(rows, gold)


def ingest(stories: list[dict], db: str, workers: int) -> tuple[float, str]:
    """Code and store the articles with the real CLI; returns (seconds, its last line of stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "gva.jsonl"
        corpus.write_text("".join(json.dumps(s) + "\n" for s in stories))
        start = time.monotonic()
        result = subprocess.run([sys.executable, "-c", CLI, "ingest", str(corpus), "--db", db,
                                 "--workers", str(workers)], capture_output=True, text=True)
        seconds = time.monotonic() - start
    if result.returncode not in (0, 1):  # 1: some lines skipped
        sys.exit(f"ingest failed:\n{result.stderr[-2000:]}")
    return seconds, result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="first N incidents only")
    ap.add_argument("--db", help="database file (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-cache", action="store_true", help="code the articles again even if a cached copy exists")
    ap.add_argument("--errors", type=int, default=0, help="print N wrongly grouped article pairs")
    args = ap.parse_args()
    if not GVA.exists():
        print("skipped: ../shared/data not found")
        return 0
    import duckdb

    from flashpoint.store.grouping import _iter_mentions, regroup

    stories, gold = load(args.limit)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "gva.duckdb")
    cached = CACHE / f"gva-{cache_key(args.limit)}.duckdb"
    if cached.exists() and not args.no_cache:
        shutil.copyfile(cached, db)
        print(f"coded articles from the cache {cached}")
    else:
        Path(db).unlink(missing_ok=True)
        seconds, last = ingest(stories, db, args.workers)
        print(last)
        print(f"ingest {seconds:.1f} s ({len(stories) / seconds:.1f} stories/s, {args.workers} workers, coding, "
              f"storing and grouping)")
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db, cached)
    con = duckdb.connect(db)
    start = time.monotonic()
    regroup(con)
    seconds = time.monotonic() - start
    n_mentions = con.execute("SELECT count(*) FROM mentions").fetchall()[0][0]
    print(f"grouping {n_mentions} mentions in {seconds:.2f} s ({n_mentions / seconds:,.0f} mentions/s, "
          f"database read and write included)")
    rows = con.execute("""
        SELECT m.story_id, em.event_id, coalesce(m.dead, 0) + coalesce(m.injured, 0) AS hurt, m.confidence,
               m.sentence_index
        FROM mentions m JOIN event_mentions em ON em.mention_id = m.id
        WHERE m.event_type = 'ASSAULT'""").fetchall()
    pred = predict(rows, gold)
    baseline = {doc: doc for doc in gold}
    n_inc = len(set(gold.values()))
    n_main = sum(not p.startswith("single:") for p in pred.values())
    print(f"GVA dev: {len(gold)} articles, {n_inc} incidents; {n_main} articles with an ASSAULT mention")
    for name, p in (("one event per article (GDELT-style)", baseline), ("flashpoint grouping", pred)):
        bp, br, bf = bcubed(p, gold)
        print(f"{name:38s} B-cubed P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}  ({len(set(p.values()))} clusters)")
    mentions = list(_iter_mentions(con))
    for parity, name in ((0, "even"), (1, "odd")):
        half = {doc: inc for doc, inc in gold.items() if int(inc) % 2 == parity}
        apart = bcubed({doc: pred[doc] for doc in half}, half)
        alone = bcubed(grouped_apart(mentions, half), half)
        print(f"  {name} incident ids ({len(half)} articles): scored apart P {apart[0]:.3f} R {apart[1]:.3f} "
              f"F1 {apart[2]:.3f}; grouped apart P {alone[0]:.3f} R {alone[1]:.3f} F1 {alone[2]:.3f}")
    if args.errors:
        by_pred = defaultdict(list)
        for doc, c in pred.items():
            by_pred[c].append(doc)
        shown = 0
        for docs in by_pred.values():
            incidents = {gold[d] for d in docs}
            if len(incidents) > 1 and shown < args.errors:
                shown += 1
                print("over-merged:", [(d[:8], gold[d]) for d in docs])
        by_gold = defaultdict(list)
        for doc, c in gold.items():
            by_gold[c].append(doc)
        shown = 0
        for inc, docs in by_gold.items():
            if len({pred[d] for d in docs}) > 1 and shown < args.errors:
                shown += 1
                print("split:", inc, [(d[:8], pred[d][:8]) for d in docs])
    con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
