"""Event dates against the Gun Violence Archive (../shared/data/gva/incidents.dev.jsonl.gz): is the date flashpoint
gives an event the day it happened, or the day the story was published (GDELT's habit)?

Each GVA incident has its gold date and the news articles that reported it, with their publication dates (dct). Per
article (title and body, publication date = dct) we run `flashpoint code` and take its main shooting event: the
asserted ASSAULT with the highest confidence. Its date is compared with the incident's date:
  - exact day:   the event's date is the incident's day (day precision only);
  - baseline:    the publication date is the incident's day (what a coder that dates events by their story gets);
  - by source:   the same split by where the date came from (`date_source`: text, context, publication).
Articles without an asserted ASSAULT are counted apart. Incidents and articles are the dev half of GVA (also used for
the casualty and grouping benches; nothing is trained on them).

    PYTHONPATH=src .venv/bin/python bench/bench_event_dates.py [--model rules|fast|encoder] [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared" / "data" / "gva" / "incidents.dev.jsonl.gz"


def _day(text: str) -> str | None:
    try:
        return datetime.strptime(text.strip(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", choices=("rules", "fast", "encoder"), default="rules")
    ap.add_argument("--limit", type=int, default=0, help="first N incidents only")
    ap.add_argument("--errors", type=int, default=0, help="print N articles whose main event has the wrong day")
    args = ap.parse_args()
    if not GVA.exists():
        print(f"skipped: {GVA} not found")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    import flashpoint

    with gzip.open(GVA, "rt", encoding="utf-8") as fh:
        incidents = [json.loads(line) for line in fh]
    if args.limit:
        incidents = incidents[: args.limit]
    articles = no_event = 0
    hit = baseline = 0
    by_source: Counter[tuple[str, bool]] = Counter()
    errors = []
    for inc in incidents:
        gold = _day(inc.get("date") or "")
        if gold is None:
            continue
        for doc in inc.get("docs", []):
            body, dct = (doc.get("content") or "").strip(), (doc.get("dct") or "")[:10]
            if not body or len(dct) != 10:
                continue
            articles += 1
            baseline += dct == gold
            events = flashpoint.code(f"{doc.get('title') or ''}\n\n{body}", date=dct, model=args.model)
            shootings = [e for e in events if e.event_type == "ASSAULT" and e.status == "asserted"]
            if not shootings:
                no_event += 1
                continue
            main_event = max(shootings, key=lambda e: e.confidence)
            right = main_event.date == gold and main_event.date_precision == "day"
            hit += right
            by_source[(main_event.date_source or "none", right)] += 1
            if not right and len(errors) < args.errors:
                errors.append((gold, dct, main_event))
    coded = articles - no_event
    print(f"{articles} articles with a body ({len(incidents)} incidents), model: {args.model}")
    print(f"{'articles without an asserted ASSAULT':<44}{no_event:>8}")
    print(f"{'main event on the incident day (coded articles)':<44}{hit / max(coded, 1):>8.3f}  ({hit}/{coded})")
    print(f"{'publication date on the incident day (same)':<44}"
          f"{baseline / max(articles, 1):>8.3f}  (all {articles} articles)")
    for source in ("text", "context", "publication"):
        right, wrong = by_source[(source, True)], by_source[(source, False)]
        if right + wrong:
            print(f"  date_source={source:<12} {right + wrong:>6} events, {right / (right + wrong):.3f} on the day")
    for gold, dct, e in errors:
        print(f"\nWRONG gold {gold} published {dct} coded {e.date} ({e.date_source}, {e.date_text!r}): "
              f"{e.sentence[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
