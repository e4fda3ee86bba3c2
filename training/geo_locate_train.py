"""Fit the event-location scorer shipped in src/flashpoint/geo/data/locate_weights.json.

Data: the Halterman (2019) event-location sentences, ../shared/data/event_location/labeled_text.dev.jsonl (each line a
sentence, its event verb, and the span(s) of where that event happened, or none). Every candidate place that
`flashpoint.geo.locate` proposes is an example, labelled 1 when it overlaps a gold LOCATION span. The file holds only
accepted annotations (no "reject" answers); a sentence with no LOCATION span is a real "no place said" example, and
its candidates are negatives.

Model: L2 logistic regression over the binary cues of `flashpoint.geo.locate.features` (scikit-learn at training time
only; the runtime reads the JSON weights). Decision per sentence: the best-scoring candidate, kept when its
probability reaches the threshold. The honest figures are those of a 5-fold cross-validation grouped by source
document (sentences of one article never sit on both sides); the threshold is the one that keeps CV precision >=
TARGET_P with the most recall. Deterministic (fixed seed). Run:
    PYTHONPATH=src .venv/bin/python training/geo_locate_train.py [--folds 5] [--by-source]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "event_location" / "labeled_text.dev.jsonl"
OUT = ROOT / "src" / "flashpoint" / "geo" / "data" / "locate_weights.json"
SEED = 13
C = 0.5
TARGET_P = 0.80
_DOC = re.compile(r"^([A-Z]{3}_ENG_\d+\.\d+)_")


def span_of(text: str, s: dict) -> tuple[int, int] | None:
    """Some sources give token indices where character offsets belong: re-find such a span by its text."""
    start, end = s["start"], s["end"]
    want = s.get("text")
    if want is None or text[start:end] == want:
        return start, end
    hits = [i for i in range(len(text)) if text.startswith(want, i)]
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - start))
    return i, i + len(want)


def examples() -> list[dict]:
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.locate import scored
    from flashpoint.geo.parse import recognise, resolve

    g = load()
    out = []
    for line in DATA.open(encoding="utf-8"):
        r = json.loads(line)
        text = r["text"]
        verbs = [span_of(text, s) for s in r["spans"] if s["label"] == "VERB"]
        if not verbs or verbs[0] is None:
            continue
        locs = [sp for sp in (span_of(text, s) for s in r["spans"] if s["label"] == "LOCATION") if sp]
        m = _DOC.match(str(r.get("_id", "")))
        group = m.group(1) if m else f"t{zlib.crc32(text.encode())}"
        cands = scored(text, verbs[0][0], verbs[0][1], resolve(recognise(text, g), g), ({}, 0.0, 0.5))
        out.append({"source": r.get("source", ""), "group": group, "has_gold": bool(locs),
                    "cands": [(fs, any(s < c.end and c.start < e for s, e in locs), c.start) for _, c, fs in cands]})
    return out


def _matrix(rows: list[dict], vocab: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, ind, ptr, y = [], [], [0], []
    for r in rows:
        for fs, lab, _ in r["cands"]:
            cols = sorted({vocab[f] for f in fs if f in vocab})
            ind += cols
            data += [1.0] * len(cols)
            ptr.append(len(ind))
            y.append(int(lab))
    return csr_matrix((data, ind, ptr), shape=(len(ptr) - 1, len(vocab))), np.array(y)


def _fit(rows: list[dict]):
    from sklearn.linear_model import LogisticRegression

    vocab: dict[str, int] = {}
    for r in rows:
        for fs, _, _ in r["cands"]:
            for f in fs:
                vocab.setdefault(f, len(vocab))
    x, y = _matrix(rows, vocab)
    model = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return model, vocab


def _decide(rows: list[dict], model, vocab) -> list[tuple[float, bool]]:
    """Per sentence: (best candidate's probability, whether it is right); (-1, False) when no candidate."""
    x, _ = _matrix(rows, vocab)
    p = model.predict_proba(x)[:, 1] if x.shape[0] else np.zeros(0)
    out, k = [], 0
    for r in rows:
        n = len(r["cands"])
        if n == 0:
            out.append((-1.0, False))
            continue
        best = max(range(n), key=lambda i: (p[k + i], -r["cands"][i][2]))
        out.append((float(p[k + best]), bool(r["cands"][best][1])))
        k += n
    return out


def _prf(rows: list[dict], dec: list[tuple[float, bool]], t: float) -> tuple[float, float]:
    pred = [(pp, ok) for pp, ok in dec if pp >= t]
    ok = sum(o for _, o in pred)
    gold = sum(r["has_gold"] for r in rows)
    return ok / max(1, len(pred)), ok / max(1, gold)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--by-source", action="store_true", help="also report leave-one-source-out figures")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        print("skipped: ../shared/data not found")
        return 0
    rows = examples()
    gold = sum(r["has_gold"] for r in rows)
    reach = sum(any(lab for _, lab, _ in r["cands"]) for r in rows)
    print(f"{len(rows)} sentences, {gold} with a gold place; a candidate overlaps gold in {reach} "
          f"({reach / max(1, gold):.3f}: the recall ceiling); {sum(len(r['cands']) for r in rows)} candidates")

    rng = np.random.default_rng(SEED)
    groups = sorted({r["group"] for r in rows})
    fold_of = dict(zip(groups, rng.permutation(len(groups)) % args.folds, strict=True))
    dec: list[tuple[float, bool]] = [(-1.0, False)] * len(rows)
    for k in range(args.folds):
        train = [r for r in rows if fold_of[r["group"]] != k]
        test_idx = [i for i, r in enumerate(rows) if fold_of[r["group"]] == k]
        model, vocab = _fit(train)
        for i, d in zip(test_idx, _decide([rows[i] for i in test_idx], model, vocab), strict=True):
            dec[i] = d
    grid = [i / 100 for i in range(5, 96)]
    table = [(t, *_prf(rows, dec, t)) for t in grid]
    ok_t = [x for x in table if x[1] >= TARGET_P]
    t, p, rc = max(ok_t, key=lambda x: x[2]) if ok_t else max(table, key=lambda x: 2 * x[1] * x[2] / (x[1] + x[2]))
    best_f1 = max(table, key=lambda x: 2 * x[1] * x[2] / max(1e-9, x[1] + x[2]))
    print(f"{args.folds}-fold CV grouped by document: threshold {t:.2f} -> precision {p:.3f} recall {rc:.3f}; "
          f"(max F1 at {best_f1[0]:.2f}: P {best_f1[1]:.3f} R {best_f1[2]:.3f})")
    for tt, pp, rr in table[::5]:
        print(f"    threshold {tt:.2f}: precision {pp:.3f} recall {rr:.3f}")
    for src in sorted({r["source"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["source"] == src]
        sp, sr = _prf([rows[i] for i in idx], [dec[i] for i in idx], t)
        print(f"  {src:14s} n={len(idx):5d}  P {sp:.3f}  R {sr:.3f}")
    if args.by_source:
        dec2: list[tuple[float, bool]] = [(-1.0, False)] * len(rows)
        for src in sorted({r["source"] for r in rows}):
            model, vocab = _fit([r for r in rows if r["source"] != src])
            idx = [i for i, r in enumerate(rows) if r["source"] == src]
            for i, d in zip(idx, _decide([rows[i] for i in idx], model, vocab), strict=True):
                dec2[i] = d
        sp, sr = _prf(rows, dec2, t)
        print(f"leave-one-source-out at threshold {t:.2f}: precision {sp:.3f} recall {sr:.3f}")
    if args.no_write:
        return 0
    model, vocab = _fit(rows)
    weights = {f: round(float(model.coef_[0][i]), 4) for f, i in sorted(vocab.items())}
    OUT.write_text(json.dumps({"about": "flashpoint.geo.locate scorer: logistic regression weights over binary cues;"
                                        " fitted by training/geo_locate_train.py",
                               "cv": {"folds": args.folds, "precision": round(p, 3), "recall": round(rc, 3)},
                               "threshold": t, "bias": round(float(model.intercept_[0]), 4),
                               "weights": {f: w for f, w in weights.items() if w}}, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
