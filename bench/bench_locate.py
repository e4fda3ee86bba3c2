"""Event location on the Halterman (2019) dev set: ../shared/data/event_location/labeled_text.dev.jsonl.

Each line is a sentence with one event verb (span label VERB) and the span(s) of where that event happened
(LOCATION; none when the sentence does not say). We call `flashpoint.geo.locate(text, verb_span)`:
- precision: predicted locations that overlap a gold LOCATION span / all predicted locations;
- recall: sentences with a gold location whose prediction overlaps one / sentences with a gold location;
- also: how often we say "no location" when gold has none.
The event-location model is fitted on this same file (training/geo_locate_train.py), so these figures are in-sample
and optimistic: the honest ones are the nested cross-validated figures that script prints (stored in
src/flashpoint/geo/data/locate_weights.json under "cv", printed here too). The file's labels are accept-only: some
sentences without a LOCATION span do name where their event happened, so precision is a lower bound.
Some sources give token indices where character offsets belong; such a span is re-found by its `text` (the
occurrence nearest the given position).

Speed: sentences/s of `locate` from raw text (place names recognised and resolved too), and microseconds per event
of `locate_event` with the sentence's places already resolved, as `flashpoint code` calls it.

Run: PYTHONPATH=src python bench/bench_locate.py [--errors N] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "event_location" / "labeled_text.dev.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong predictions")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed locations")
    args = ap.parse_args()
    if not DATA.exists():
        print("skipped: ../shared/data not found")
        return 0
    from geo_locate_train import span_of  # one reading of the file's spans, shared with training

    from flashpoint.geo import locate
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.locate import _model, locate_event
    from flashpoint.geo.parse import recognise, resolve

    g = load()
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    pred_n = pred_ok = gold_n = gold_hit = none_n = none_ok = 0
    wrong, missed, timed = [], [], []
    t0 = time.perf_counter()
    for r in rows:
        text = r["text"]
        verbs = [span_of(text, s) for s in r["spans"] if s["label"] == "VERB"]
        locs = [sp for sp in (span_of(text, s) for s in r["spans"] if s["label"] == "LOCATION") if sp]
        if not verbs or verbs[0] is None:
            continue
        out = locate(text, verbs[0])
        timed.append((text, verbs[0]))
        hit = out is not None and any(s < out["end"] and out["start"] < e for s, e in locs)
        if out is not None:
            pred_n += 1
            pred_ok += hit
            if not hit:
                wrong.append((out["text"], [text[s:e] for s, e in locs], text[verbs[0][0]:verbs[0][1]], text))
        if locs:
            gold_n += 1
            gold_hit += hit
            if out is None:
                missed.append(([text[s:e] for s, e in locs], text[verbs[0][0]:verbs[0][1]], text))
        else:
            none_n += 1
            none_ok += out is None
    dt = time.perf_counter() - t0
    p = pred_ok / max(1, pred_n)
    rec = gold_hit / max(1, gold_n)
    m = _model()
    print(f"event location (n={len(rows)}, {gold_n} with a location), threshold {m.threshold:.2f}: precision {p:.3f} "
          f"({pred_ok}/{pred_n})  recall {rec:.3f} ({gold_hit}/{gold_n})  F1 {2 * p * rec / max(1e-9, p + rec):.3f}  "
          f"null when none {none_ok / max(1, none_n):.3f} ({none_ok}/{none_n})  (in-sample: fitted on this file)")
    from importlib import resources

    cv = json.loads(resources.files("flashpoint.geo").joinpath("data/locate_weights.json").read_text("utf-8"))["cv"]
    print(f"honest figures (nested {cv['folds']}-fold CV by document, thresholds chosen inside the training folds; "
          f"training/geo_locate_train.py): precision {cv['precision']:.3f}  recall {cv['recall']:.3f}")

    # speed: from raw text, and with the places resolved beforehand (as the pipeline hands them over)
    resolved = {text: resolve(recognise(text, g), g) for text, _ in timed}
    t1 = time.perf_counter()
    for text, (a, b) in timed:
        locate_event(text, a, b, resolved[text])
    dt2 = time.perf_counter() - t1
    print(f"speed: {len(timed) / dt:.0f} sentences/s from raw text (geoparsing included); "
          f"{dt2 / len(timed) * 1e6:.1f} us per event with the places resolved (one event per sentence here)")
    for w in wrong[: args.errors]:
        print("WRONG", w)
    for mm in missed[: args.misses]:
        print("MISS ", mm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
