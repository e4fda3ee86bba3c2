"""Casualty counts against the Gun Violence Archive (../shared/data/gva/incidents.dev.jsonl.gz).

Each incident has gold num_killed / num_injured and the 1-n news articles that reported it. Per article we run the
quantities stage on the headline and every sentence and combine them with `story_totals` (each kind: the largest
figure any one sentence gives, never a sum, since stories repeat their figures; injured = max(explicit injured,
shot - dead)). Per incident we combine the articles (default: the largest figure over articles, since follow-up
stories are about arrests and funerals and rarely restate every count: `combine_tallies` over all articles'
tallies, so that "shot" in an early story and "died" in a later one give dead 1, injured 0; --combine mode|first
combine the per-article figures instead). A kind
no article mentions counts as 0, which is what GVA records.

Reports exact-match accuracy for killed and injured per incident (and both at once), per article (against the
incident's gold), and the stage's speed. `--errors N` prints N wrong incidents with the sentences that gave figures.

    PYTHONPATH=src .venv/bin/python bench/bench_casualties.py [--errors 20] [--combine max|mode|first] [--speed]
        [--data other_incidents.jsonl.gz] [--records rules|fast|encoder]

--records also codes the articles with the whole pipeline and scores the figures the records carry (as
../shared/tools/score-records does), listing incidents whose figure the stage gets right and the records lose.

The sentence splitter here is a small regex one, so that the bench measures this stage alone.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GVA = DATA / "gva" / "incidents.dev.jsonl.gz"

sys.path.insert(0, str(ROOT / "src"))

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Ave|Blvd|Rd|Jr|Sr|Lt|Sgt|Gen|Col|Capt|Det|Cmdr|Rep|Sen|Gov|Co|Corp|Inc|No|Mt|Ft|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|a\.m|p\.m|[A-Z])\.)$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of an article: newlines, and . ! ? before a capital, except after common abbreviations."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        piece = text[start:m.start()]
        if m.group(0).startswith("\n") or not _ABBREV.search(piece.rstrip("\"”’)")):
            if piece.strip():
                out.append(piece.strip())
            start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _combine(values: list[int], how: str) -> int:
    if not values:
        return 0
    if how == "first":
        return values[0]
    if how == "mode":
        counts = Counter(values)
        return max(counts, key=lambda v: (counts[v], v))
    return max(values)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="print N wrong incidents")
    ap.add_argument("--combine", choices=("max", "mode", "first"), default="max")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--data", type=Path, default=GVA, help="incidents file (default: the GVA dev half)")
    ap.add_argument("--speed", action="store_true", help="also time find_quantities (the pipeline stage)")
    ap.add_argument("--records", choices=("rules", "fast", "encoder"), default=None,
                    help="also code the articles with the whole pipeline (this model) and score the records' figures "
                         "as score-records does (largest dead / injured over asserted or claimed ASSAULT records), "
                         "with the incidents the stage gets right and the records lose")
    args = ap.parse_args()
    if not args.data.exists():
        print("skipped: ../shared/data not found" if args.data == GVA else f"skipped: {args.data} not found")
        return 0

    from flashpoint.extract.quantities import combine_tallies, find_counts, find_quantities, story_tally

    opener = gzip.open if args.data.suffix == ".gz" else open
    with opener(args.data, "rt", encoding="utf-8") as fh:
        incidents = [json.loads(line) for line in fh]
    if args.limit:
        incidents = incidents[: args.limit]
    n = ok_k = ok_i = ok_both = 0
    art_n = art_k = art_i = 0
    n_sent = 0
    elapsed = elapsed_fq = 0.0
    errors: list[tuple] = []
    confusion_k: Counter = Counter()
    pipeline = None
    if args.records:
        from flashpoint.pipeline import Pipeline
        from flashpoint.text.readers import story_from_text

        pipeline = Pipeline(model=args.records)
    rec_k = rec_i = lost_k = lost_i = 0
    lost: list[str] = []
    for inc in incidents:
        gold_k, gold_i = int(inc["num_killed"]), int(inc["num_injured"])
        per_article = []
        for doc in inc.get("docs", []):
            sentences = [doc.get("title") or ""] + split_sentences(doc.get("content") or "")
            sentences = [s for s in sentences if s.strip()]
            t0 = time.perf_counter()
            year = int(doc["dct"][:4]) if re.match(r"\d{4}", doc.get("dct") or "") else None
            tally = story_tally(sentences, year=year)
            elapsed += time.perf_counter() - t0
            if args.speed:
                t0 = time.perf_counter()
                for s in sentences:
                    find_quantities(s)
                elapsed_fq += time.perf_counter() - t0
            n_sent += len(sentences)
            totals = combine_tallies([tally])
            k, i = totals["dead"] or 0, totals["injured"] or 0
            per_article.append((k, i, sentences, tally))
            if (doc.get("content") or "").strip():  # per-article figures: articles with a body only
                art_n += 1
                art_k += k == gold_k
                art_i += i == gold_i
        if args.combine == "max":
            totals = combine_tallies([a[3] for a in per_article])
            pred_k, pred_i = totals["dead"] or 0, totals["injured"] or 0
        else:
            pred_k = _combine([a[0] for a in per_article], args.combine)
            pred_i = _combine([a[1] for a in per_article], args.combine)
        if pipeline is not None:
            dead = injured = 0
            for doc in inc.get("docs", []):
                if not (doc.get("content") or "").strip():
                    continue
                date = (doc.get("dct") or "")[:10] or None
                for e in pipeline.events(story_from_text(doc["content"], date=date)):
                    if e.event_type == "ASSAULT" and e.status in ("asserted", "claimed"):
                        dead, injured = max(dead, e.dead or 0), max(injured, e.injured or 0)
            rec_k += dead == gold_k
            rec_i += injured == gold_i
            for kind, stage, got, gold in (("killed", pred_k, dead, gold_k), ("injured", pred_i, injured, gold_i)):
                if stage == gold != got:
                    lost_k += kind == "killed"
                    lost_i += kind == "injured"
                    if len(lost) < args.errors:
                        lost.append(f"  {inc['incident_id']}: {kind} gold {gold}, stage {stage}, records {got}")
        n += 1
        ok_k += pred_k == gold_k
        ok_i += pred_i == gold_i
        ok_both += pred_k == gold_k and pred_i == gold_i
        confusion_k[(min(gold_k, 3), min(pred_k, 3))] += 1
        if (pred_k != gold_k or pred_i != gold_i) and len(errors) < args.errors:
            errors.append((inc, pred_k, pred_i, per_article))

    for inc, pk, pi, arts in errors:
        print(f"=== incident {inc['incident_id']}: gold killed={inc['num_killed']} injured={inc['num_injured']} "
              f"| predicted killed={pk} injured={pi}")
        for k, i, sentences, _ in arts:
            print(f"  -- article: killed={k} injured={i} | {sentences[0][:100]!r}")
            for s in sentences:
                hits = [h for h in find_counts(s)]
                if hits:
                    shown = ", ".join(f"{h.kind}={h.value}{'*' if h.cumulative else ''}"
                                      f"{'(sub)' if h.subset else ''}{'(others)' if h.others else ''}"
                                      f" {s[h.start:h.end]!r}" for h in hits)
                    print(f"     {shown}  || {s[:160]!r}")
    print(f"incidents: {n}  articles with text: {art_n}  sentences: {n_sent}  combine={args.combine}")
    print(f"per incident: killed exact {ok_k / n:.3f}  injured exact {ok_i / n:.3f}  both {ok_both / n:.3f}")
    print(f"per article:  killed exact {art_k / max(art_n, 1):.3f}  injured exact {art_i / max(art_n, 1):.3f}")
    print("killed confusion (gold, predicted; 3 = 3+): "
          + ", ".join(f"{g}->{p}: {c}" for (g, p), c in sorted(confusion_k.items())))
    if pipeline is not None:
        print(f"records ({args.records}): killed exact {rec_k / n:.3f}  injured exact {rec_i / n:.3f}; "
              f"right in the stage, lost on the records: killed {lost_k}, injured {lost_i}")
        print("\n".join(lost))
    print(f"speed: story_tally {elapsed / max(n_sent, 1) * 1e3:.3f} ms per sentence")
    if args.speed:
        print(f"speed: find_quantities {elapsed_fq / max(n_sent, 1) * 1e3:.3f} ms per sentence")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
