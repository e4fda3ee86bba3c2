"""Grouping reports into events on the GVA dev set: B-cubed F1 of articles -> events against articles -> incidents.

Each GVA incident (one shooting) comes with the 1-n news articles that reported it. The articles are ingested as
stories (title + text, publication date = the article's dct) into a fresh database with `flashpoint ingest`.

An article's predicted event: the event that holds the article's *main* ASSAULT mention, the one with the most
casualties given, then the highest confidence, then the earliest sentence. An article with no ASSAULT mention is
its own singleton. An article listed under several incidents counts once, under the first (GVA duplicates are few).
B-cubed precision/recall are averaged over articles; F1 is their harmonic mean. The GDELT-style baseline (one event
per article) is printed too.

    PYTHONPATH=src .venv/bin/python bench/bench_grouping.py [--limit N] [--db FILE] [--workers N] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GVA = DATA / "gva" / "incidents.dev.jsonl.gz"
CLI = ("import sys; from flashpoint.cli import app, main; from flashpoint.store.commands import register; "
       "register(app); main()")


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="first N incidents only")
    ap.add_argument("--db", help="database file (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--errors", type=int, default=0, help="print N wrongly grouped article pairs")
    args = ap.parse_args()
    if not GVA.exists():
        print("skipped: ../shared/data not found")
        return 0
    import duckdb

    stories, gold = load(args.limit)
    tmp = tempfile.TemporaryDirectory()
    corpus = Path(tmp.name) / "gva.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in stories))
    db = args.db or str(Path(tmp.name) / "gva.duckdb")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", CLI, "ingest", str(corpus), "--db", db,
                             "--workers", str(args.workers)], capture_output=True, text=True)
    seconds = time.monotonic() - start
    print(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "")
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("""
        SELECT m.story_id, em.event_id, coalesce(m.dead, 0) + coalesce(m.injured, 0) AS hurt, m.confidence,
               m.sentence_index
        FROM mentions m JOIN event_mentions em ON em.mention_id = m.id
        WHERE m.event_type = 'ASSAULT'""").fetchall()
    main_event: dict[str, tuple] = {}
    for story_id, event_id, hurt, conf, idx in rows:
        key = (hurt, conf, -idx)
        if story_id not in main_event or key > main_event[story_id][0]:
            main_event[story_id] = (key, event_id)
    pred = {doc: main_event[doc][1] if doc in main_event else f"single:{doc}" for doc in gold}
    baseline = {doc: doc for doc in gold}
    n_inc = len(set(gold.values()))
    print(f"GVA dev: {len(gold)} articles, {n_inc} incidents; {len(main_event)} articles with an ASSAULT mention; "
          f"ingest {seconds:.1f} s ({len(stories) / seconds:.1f} stories/s, {args.workers} workers)")
    for name, p in (("one event per article (GDELT-style)", baseline), ("flashpoint grouping", pred)):
        bp, br, bf = bcubed(p, gold)
        print(f"{name:38s} B-cubed P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}  ({len(set(p.values()))} clusters)")
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
