"""Sentence boundary F1 on the open IndiaPoliceEvents pages (../shared/data/india_police_events): lower-cased Times
of India text whose gold sentence boundaries come with the data.

A boundary is the offset where a sentence starts (the first sentence of a page is not counted); a predicted boundary
matches a gold one when they are within `--slack` characters (whitespace between sentences). The pages go through the
readers and the `sentences` stage as `flashpoint code` reads them (text repair included), and predicted offsets are
mapped back to the raw page, so the figure is what the pipeline does.

    python bench/bench_sentences.py [--limit N] [--errors N] [--slack 2]
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from flashpoint.text.readers import story_from_text
from flashpoint.text.repair import to_source
from flashpoint.text.sentences import SentenceStage

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "india_police_events"


def gold_boundaries(doc: str, sents: list[dict]) -> list[int]:
    """Start offsets of the gold sentences (after the first) in the raw page."""
    out, pos = [], 0
    for s in sorted(sents, key=lambda x: x["sent_id"]):
        i = doc.find(s["sent_text"], pos)
        if i < 0:
            continue
        out.append(i)
        pos = i + len(s["sent_text"])
    return out[1:]


def predicted_boundaries(doc: str) -> tuple[list[int], int]:
    """Start offsets (after the first) of the sentences the pipeline finds, in raw-page offsets; and their number."""
    story = SentenceStage()(story_from_text(doc))
    edits = [tuple(e) for e in story.extra.get("repair", {}).get("edits", [])]
    starts = [to_source(edits, s.start) for s in story.sentences]
    return sorted(starts)[1:], len(story.sentences)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--slack", type=int, default=2)
    args = ap.parse_args()
    with open(DATA / "docs.jsonl") as f:
        docs = [json.loads(line) for line in f]
    docs = docs[: args.limit] if args.limit else docs
    sents = collections.defaultdict(list)
    with open(DATA / "sents.jsonl") as f:
        for line in f:
            r = json.loads(line)
            sents[r["doc_id"]].append(r)
    tp = fp = fn = n_pred = 0
    shown = 0
    t0 = time.perf_counter()
    for d in docs:
        doc = d["doc_text"]
        gold = gold_boundaries(doc, sents[d["doc_id"]])
        pred, k = predicted_boundaries(doc)
        n_pred += k
        matched = set()
        for p in pred:
            hit = next((g for g in gold if abs(g - p) <= args.slack and g not in matched), None)
            if hit is None:
                fp += 1
                if shown < args.errors:
                    shown += 1
                    print(f"  false: ...{doc[max(0, p - 60):p]!r} | {doc[p:p + 40]!r}")
            else:
                matched.add(hit)
                tp += 1
        for g in gold:
            if g not in matched:
                fn += 1
                if shown < args.errors:
                    shown += 1
                    print(f"  missed: ...{doc[max(0, g - 60):g]!r} | {doc[g:g + 40]!r}")
    dt = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"ipe sentence boundaries: {len(docs)} pages, {tp + fn} gold boundaries, {tp + fp} predicted")
    print(f"  F1 {f:.3f}  (P {p:.3f}, R {r:.3f})   {n_pred / dt:.0f} sentences/s")


if __name__ == "__main__":
    main()
