"""Accuracy of `flashpoint code` on the PLOVER gold standard records (../shared/data/plover/PLOVER_GSR_CAMEO.json).

Each gold record is one sentence with one coded event. We code the sentence alone (publication date from the record)
and report:
  - type recall:    the gold type is among the coded events of the sentence;
  - type top-1:     the coded event with the highest confidence (asserted first) has the gold type;
  - no event:       share of sentences where the coder found nothing;
  - actor country:  for sentences where the gold type was found, the gold actor countries are among that event's
                    actor countries (gold records with an actor code only);
  - recipient country: the same for recipients.
The GSR predates PLOVER 2021 names: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT.

    python bench/bench_plover.py [--model rules|fast|encoder] [--show-errors N]
    python bench/bench_plover.py --model encoder --weights /tmp/no_gsr   # models built without these records:
        .venv-train/bin/python training/build.py --sources ann --out /tmp/no_gsr
    python bench/bench_plover.py --model encoder --gsr-folds /tmp/gsr    # 5-fold: each record is coded with a model
        built from everything but its fold (/tmp/gsr0 ... /tmp/gsr4, see training/build.py): the honest figure for
        the shipped recipe, which trains on the other GSR records too
    python bench/bench_plover.py --data plv --model encoder --weights /tmp/no_plv   # PLV_train sentences instead
        (the development set for how `code` uses the model; YIELD counts as CONCEDE or RETREAT)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DATA = SHARED / "plover" / "PLOVER_GSR_CAMEO.json"
PLV = SHARED / "plv" / "PLV_train.tsv"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# Codes that mean the same as ours (see bench_actors.py); NGO and transnational codes carry no country.
ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO", "KOS": "XKX"}
NO_COUNTRY = {"NGO", "IMG", "ISM", "MNC"}


def _countries(actors: object) -> set[str]:
    if not isinstance(actors, list):
        return set()
    codes = {ALIASES.get(a["code"][:3], a["code"][:3]) for a in actors
             if isinstance(a, dict) and a.get("code") and len(a["code"]) >= 3}
    return codes - NO_COUNTRY


def _install_fast_without_gsr() -> None:
    """Train the fast model as training/build.py does, minus the PLOVER gold records, and use it in this process."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
    import data  # training/data.py
    import fast  # training/fast.py
    from cv import training_extra

    import flashpoint.models as models

    out = Path(tempfile.mkdtemp()) / "fast.npz"
    examples = data.load_plv() + training_extra("ann")
    fast.train(data.with_unmarked(examples), c=100.0, out=out,
               mode_examples=data.load_synthetic() + data.load_annotations())
    models.use_weights(out.parent)


def _install_weights(folder: Path) -> None:
    """Use the models in `folder` (a training/build.py --out folder) instead of the shipped ones."""
    import flashpoint.models as models
    import flashpoint.pipeline

    models.use_weights(folder)
    flashpoint.pipeline.clear()  # a fresh model stage reads these weights


def _gsr() -> list[dict]:
    records = [r for r in json.loads(DATA.read_text()) if r["event"] != "DOCUMENT" and r.get("text")]
    for r in records:
        r["label"] = OLD_NAMES.get(r["event"], r["event"])
        r["types"] = {r["label"]}
    return records


def _plv() -> list[dict]:
    """PLV_train sentences (tags removed, their actor and recipient spans kept); YIELD is CONCEDE or RETREAT. No actor
    codes, no dates."""
    import csv

    from flashpoint.models.markers import strip_tags

    with open(PLV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for row in rows:
        text, actor, recipient = strip_tags(row["marked_sentence"])
        out.append({"text": text, "label": row["gold_root"], "actor_spans": actor, "recipient_spans": recipient,
                    "types": {"CONCEDE", "RETREAT"} if row["gold_root"] == "YIELD" else {row["gold_root"]}})
    return out


def _overlaps(found: list, gold: list[tuple[int, int]]) -> bool:
    return any(a.start < end and start < a.end for a in found for start, end in gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", type=int, default=0, help="print this many misses")
    parser.add_argument("--model", choices=["encoder", "fast", "rules", "fast-heldout"], default="rules",
                        help="the coder's model; the shipped models saw these records in training, so for an "
                             "honest figure use fast-heldout: the fast model retrained here without them")
    parser.add_argument("--weights", type=Path, default=None,
                        help="a folder of weights from training/build.py --out (e.g. built without the GSR)")
    parser.add_argument("--gsr-folds", default=None, metavar="PREFIX",
                        help="code each GSR record with the weights in PREFIX0..PREFIX4 that left its fold out")
    parser.add_argument("--data", choices=["gsr", "plv"], default="gsr")
    args = parser.parse_args()
    path = DATA if args.data == "gsr" else PLV
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import flashpoint

    gold = _gsr() if args.data == "gsr" else _plv()
    model = args.model
    if model == "fast-heldout":
        _install_fast_without_gsr()
        model = "fast"
    if args.weights:
        _install_weights(args.weights)
    coded = []
    if args.gsr_folds:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
        from data import gsr_fold  # training/data.py

        for k in range(5):
            _install_weights(Path(f"{args.gsr_folds}{k}"))
            coded += [(r, flashpoint.code(r["text"], date=r.get("date"), model=model))
                      for r in gold if gsr_fold(r["text"]) == k]
    else:
        coded = [(r, flashpoint.code(r["text"], date=r.get("date"), model=model)) for r in gold]
    n = len(gold)
    recall = top1 = none = 0
    actor_hit = actor_n = recipient_hit = recipient_n = 0
    per_type: Counter[tuple[str, bool]] = Counter()
    misses = []
    for record, events in coded:
        gold_types = record["types"]
        types = {e.event_type for e in events}
        if not events:
            none += 1
        found = bool(types & gold_types)
        recall += found
        per_type[(record["label"], found)] += 1
        if events:
            best = max(events, key=lambda e: (e.status == "asserted", e.confidence))
            top1 += best.event_type in gold_types
        if not found:
            misses.append((record["label"], sorted(types), record["text"]))
            continue
        event = next(e for e in events if e.event_type in gold_types)
        if record.get("actor_spans"):  # PLV: is the coder's actor (recipient) the one PLV marked?
            actor_n += 1
            actor_hit += _overlaps(event.actor, record["actor_spans"])
        if record.get("recipient_spans"):
            recipient_n += 1
            recipient_hit += _overlaps(event.recipient, record["recipient_spans"])
        gold_actor, gold_recipient = _countries(record.get("source", [])), _countries(record.get("target", []))
        if gold_actor:
            actor_n += 1
            actor_hit += gold_actor <= {a.country for a in event.actor}
        if gold_recipient:
            recipient_n += 1
            recipient_hit += gold_recipient <= {a.country for a in event.recipient}

    print(f"{n} sentences ({path.name}), model: {args.model}"
          + (f" from {args.weights}" if args.weights else "") + (f" from {args.gsr_folds}*" if args.gsr_folds else ""))
    print(f"{'metric':<34}{'value':>8}")
    print(f"{'event type recall (any event)':<34}{recall / n:>8.3f}")
    print(f"{'event type top-1':<34}{top1 / n:>8.3f}")
    print(f"{'sentences with no event':<34}{none / n:>8.3f}")
    what = "country" if args.data == "gsr" else "span"
    print(f"{'actor ' + what + ' (type found)':<34}{actor_hit / max(actor_n, 1):>8.3f}  (n={actor_n})")
    print(f"{'recipient ' + what + ' (type found)':<34}{recipient_hit / max(recipient_n, 1):>8.3f}  (n={recipient_n})")
    print("\nper type: recall (n)")
    for t in sorted({t for t, _ in per_type}):
        hit, total = per_type[(t, True)], per_type[(t, True)] + per_type[(t, False)]
        print(f"  {t:<12}{hit / total:>6.2f} ({total})")
    for gold_type, types, text in misses[: args.show_errors]:
        print(f"\nMISS {gold_type} got {types}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
