"""Fit the event-location model shipped in src/flashpoint/geo/data/locate_weights.json.

Data: the Halterman (2019) event-location sentences, ../shared/data/event_location/labeled_text.dev.jsonl (each line a
sentence, its event verb, and the span(s) of where that event happened, or none). Every candidate place that
`flashpoint.geo.locate.event_candidates` proposes is an example, labelled 1 when it overlaps a gold LOCATION span. The
file holds only accepted annotations: a sentence with no LOCATION span counts as "no place said" and its candidates as
negatives, although annotators missed some places (one source labels fewer than one sentence in ten), so the measured
precision is a lower bound.

Model (scikit-learn at training time only; the runtime reads JSON weights):
1. rank: L2 logistic regression over the binary cues of each (trigger, candidate) pair; the best candidate per event
   is the answer. Shipped: the average of the k fold models (bagging; a linear model again), the same models whose
   out-of-fold scores train step 2, so that step 2 sees the scores it will get at run time.
2. accept: L2 logistic regression on that best candidate (its rank logit, the margin over the runner-up, the number
   of candidates, its cues and the trigger's), labelled by whether it is right.
The answer is kept when the accept probability reaches the threshold: the one with the most recall at precision >=
TARGET_P (else the best F1) among decisions on the training data made by models that never saw the decided sentence.
(Tried and not kept: a conditional logit over each sentence's candidates plus "no place" instead of step 1, and a
gradient-boosted step 1 -- within noise of this, slower; the runner-up's cues in step 2 -- no change.)

Figures: a nested cross-validation. Outer: 5 folds grouped by source document (sentences of one article, and copies
of one sentence, never sit on both sides). Inside each outer training part, the threshold is chosen as for the shipped
model: each inner fold is decided by a rank model and an accept model that never saw it (the accept model trained on
inner-inner out-of-fold rank scores) -- stacking with models that saw the decided fold was measurably optimistic.
The outer test fold is then decided with that threshold, never looked at before. The shipped model repeats the inner
procedure on all the data.
Deterministic (fixed seed). Run:
    PYTHONPATH=src .venv/bin/python training/geo_locate_train.py [--folds 5] [--inner 4] [--by-source] [--no-write]
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
C_RANK = 0.3
BAG = True  # the rank model is the average of the fold models whose out-of-fold scores trained the accept step
C_ACCEPT = 0.1
MIN_COUNT = 2  # a cue seen once in training gets no weight
TARGET_P = 0.80
_DOC = re.compile(r"^([A-Z]{3}_ENG_\d+\.\d+)_")


def span_of(text: str, s: dict) -> tuple[int, int] | None:
    """Some sources give token indices where character offsets belong: re-find such a span by its text. An empty
    "text" (one source writes "" for every place) says nothing: the offsets stand."""
    start, end = s["start"], s["end"]
    want = s.get("text")
    if not want or text[start:end] == want:
        return start, end
    hits = [i for i in range(len(text)) if text.startswith(want, i)]
    if not hits:
        return None
    i = min(hits, key=lambda h: abs(h - start))
    return i, i + len(want)


def examples() -> list[dict]:
    """One row per sentence: its group (source document), whether gold has a place, and its candidates' cues."""
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.locate import event_candidates
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
        cands = event_candidates(text, verbs[0][0], verbs[0][1], resolve(recognise(text, g), g))
        out.append({"source": r.get("source", ""), "doc": m.group(1) if m else None, "text": text,
                    "has_gold": bool(locs),
                    "cands": [(static + rel, any(s < c.end and c.start < e for s, e in locs))
                              for c, static, rel in cands]})
    _group(out)
    return out


def _group(rows: list[dict]) -> None:
    """Sentences of one document, and every copy of one sentence (up to case, spacing and punctuation, or with the
    same opening 60 letters), share a group (union-find over these keys)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        norm = re.sub(r"[^a-z0-9]", "", r["text"].lower())
        t = f"t{zlib.crc32(norm.encode())}"
        parent[find(f"p{zlib.crc32(norm[:60].encode())}")] = find(t)  # near copies: same opening
        if r["doc"]:
            parent[find(t)] = find(r["doc"])
    for r in rows:
        r["group"] = find(f"t{zlib.crc32(re.sub(r'[^a-z0-9]', '', r['text'].lower()).encode())}")


def _folds(rows: list[dict], idx: list[int], k: int, seed: int) -> np.ndarray:
    """A fold number for each of rows[idx], by group."""
    rng = np.random.default_rng(seed)
    groups = sorted({rows[i]["group"] for i in idx})
    of = dict(zip(groups, rng.permutation(len(groups)) % k, strict=True))
    return np.array([int(of[rows[i]["group"]]) for i in idx])


def _lr(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=SEED)


class Data:
    """Every candidate of every sentence as one sparse row over all cue names; sentences index their candidates."""

    def __init__(self, rows: list[dict]):
        from scipy.sparse import csr_matrix

        names: dict[str, int] = {}
        ind, ptr, y, owner = [], [0], [], []
        for n, r in enumerate(rows):
            for fs, lab in r["cands"]:
                ind += sorted({names.setdefault(f, len(names)) for f in fs})
                ptr.append(len(ind))
                y.append(int(lab))
                owner.append(n)
        self.names = sorted(names, key=names.get)
        self.x = csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(y), len(names)))
        self.y = np.array(y)
        self.owner = np.array(owner, dtype=int)
        # the candidates of sentence n are rows first[n]:first[n + 1]
        self.first = np.searchsorted(self.owner, np.arange(len(rows) + 1))
        self.gold = np.array([r["has_gold"] for r in rows])

    def cands(self, sents: np.ndarray) -> np.ndarray:
        return np.concatenate([np.arange(self.first[n], self.first[n + 1]) for n in sents]) if len(sents) else (
            np.zeros(0, dtype=int))


class Linear:
    """An L2 logistic regression over some columns (cues seen >= MIN_COUNT times in its training rows)."""

    def __init__(self, x, y: np.ndarray, c: float, numeric: int = 0):
        keep = np.asarray((x != 0).sum(axis=0)).ravel() >= MIN_COUNT
        keep[:numeric] = True
        self.cols = np.flatnonzero(keep)
        m = _lr(c)
        m.fit(x[:, self.cols], y)
        self.coef = np.zeros(x.shape[1])
        self.coef[self.cols] = m.coef_[0]
        self.bias = float(m.intercept_[0])

    def logits(self, x) -> np.ndarray:
        return x @ self.coef + self.bias

    def json(self, names: list[str]) -> dict:
        return {"bias": round(self.bias, 4),
                "weights": {names[i]: round(float(self.coef[i]), 4) for i in sorted(self.cols, key=lambda i: names[i])
                            if round(float(self.coef[i]), 4)}}


ACCEPT_NUMERIC = ["score", "margin"]
N_BUCKETS = 5


def _accept_names(d: Data) -> list[str]:
    """Column names of the accept step's matrix, as `flashpoint.geo.locate.accept_features` names them."""
    return ACCEPT_NUMERIC + [f"n={i}" for i in range(1, N_BUCKETS + 1)] + d.names


def _tops(d: Data, sents: np.ndarray, logits: np.ndarray):
    """The accept step's matrix for the sentences with a candidate (their best candidate, by rank logit), whether
    that candidate is right, and which sentences they are."""
    from scipy.sparse import csr_matrix, hstack

    from flashpoint.geo.locate import accept_features

    pos = {int(c): k for k, c in enumerate(d.cands(sents))}
    best_rows, num, which, y = [], [], [], []
    for n in sents:
        a, b = d.first[n], d.first[n + 1]
        if a == b:
            continue
        z = logits[[pos[c] for c in range(a, b)]]
        order = sorted(range(b - a), key=lambda i: -z[i])  # stable: ties keep the runtime's candidate order
        second = float(z[order[1]]) if b - a > 1 else None
        fs = dict(accept_features(float(z[order[0]]), second, b - a, []))
        nb = min(b - a, N_BUCKETS)
        num.append([fs["score"], fs["margin"]] + [1.0 if i == nb else 0.0 for i in range(1, N_BUCKETS + 1)])
        best_rows.append(a + order[0])
        y.append(d.y[a + order[0]])
        which.append(n)
    x = hstack([csr_matrix(np.array(num).reshape(-1, len(ACCEPT_NUMERIC) + N_BUCKETS)), d.x[best_rows]]).tocsr()
    return x, np.array(y), np.array(which, dtype=int)


def _rank(d: Data, sents: np.ndarray) -> Linear:
    c = d.cands(sents)
    return Linear(d.x[c], d.y[c], C_RANK)


def _oof_rank(d: Data, sents: np.ndarray, k: int, seed: int, rows: list[dict]) -> tuple[np.ndarray, Linear]:
    """Rank logits for the candidates of `sents`, each from a model that did not see its sentence; and the average
    of those k models (a linear model again: bagging over the folds)."""
    folds = _folds(rows, list(sents), k, seed)
    c = d.cands(sents)
    out = np.zeros(len(c))
    owner_fold = folds[np.searchsorted(sents, d.owner[c])]
    models = []
    for f in range(k):
        m = _rank(d, sents[folds != f])
        sel = owner_fold == f
        out[sel] = m.logits(d.x[c[sel]])
        models.append(m)
    return out, _average(models)


def _average(models: list[Linear]) -> Linear:
    avg = object.__new__(Linear)
    avg.coef = np.mean([m.coef for m in models], axis=0)
    avg.bias = float(np.mean([m.bias for m in models]))
    avg.cols = np.flatnonzero(avg.coef)
    return avg


def _accept(d: Data, sents: np.ndarray, logits: np.ndarray) -> Linear:
    x, y, _ = _tops(d, sents, logits)
    return Linear(x, y, C_ACCEPT, numeric=len(ACCEPT_NUMERIC) + N_BUCKETS)


def _decide(d: Data, sents: np.ndarray, rank: Linear, accept: Linear) -> np.ndarray:
    """Accept probability of each sentence's best candidate (-1 with no candidate) and whether it is right."""
    x, y, which = _tops(d, sents, rank.logits(d.x[d.cands(sents)]))
    p = np.full(len(sents), -1.0)
    ok = np.zeros(len(sents), dtype=bool)
    at = np.searchsorted(sents, which)
    if len(which):
        p[at] = 1 / (1 + np.exp(-accept.logits(x)))
        ok[at] = y.astype(bool)
    return np.stack([p, ok])


def _prf(d: Data, sents: np.ndarray, dec: np.ndarray, t: float) -> tuple[float, float]:
    sel = dec[0] >= t
    ok = float(dec[1][sel].sum())
    return ok / max(1, int(sel.sum())), ok / max(1, int(d.gold[sents].sum()))


GRID = [i / 100 for i in range(5, 96)]


def _threshold(d: Data, sents: np.ndarray, dec: np.ndarray) -> float:
    table = [(t, *_prf(d, sents, dec, t)) for t in GRID]
    ok = [x for x in table if x[1] >= TARGET_P]
    if ok:
        return max(ok, key=lambda x: (x[2], -x[0]))[0]
    return max(table, key=lambda x: 2 * x[1] * x[2] / max(1e-9, x[1] + x[2]))[0]


def train(d: Data, rows: list[dict], sents: np.ndarray, inner: int, seed: int
          ) -> tuple[Linear, Linear, float, np.ndarray]:
    """Rank and accept models fitted on `sents`, and a threshold chosen on `sents` alone: each inner fold is decided
    by models (rank, and accept trained on out-of-fold rank scores) that never saw it, as the outer test fold is."""
    folds = _folds(rows, list(sents), inner, seed)
    dec = np.zeros((2, len(sents)))
    oof = np.zeros(len(d.cands(sents)))
    c = d.cands(sents)
    owner_fold = folds[np.searchsorted(sents, d.owner[c])]
    models = []
    for f in range(inner):
        tr, te = sents[folds != f], sents[folds == f]
        z, bagged = _oof_rank(d, tr, inner - 1, seed + 100 + f, rows)
        rank = bagged if BAG else _rank(d, tr)
        accept = _accept(d, tr, z)
        dec[:, folds == f] = _decide(d, te, rank, accept)
        m = _rank(d, tr)
        models.append(m)
        oof[owner_fold == f] = m.logits(d.x[c[owner_fold == f]])
    t = _threshold(d, sents, dec)
    return _average(models) if BAG else _rank(d, sents), _accept(d, sents, oof), t, dec


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--inner", type=int, default=4)
    ap.add_argument("--by-source", action="store_true", help="also report leave-one-source-out figures")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        print("skipped: ../shared/data not found")
        return 0
    rows = examples()
    d = Data(rows)
    gold = int(d.gold.sum())
    reach = sum(any(lab for _, lab in r["cands"]) for r in rows)
    print(f"{len(rows)} sentences, {gold} with a gold place; a candidate overlaps gold in {reach} "
          f"({reach / max(1, gold):.3f}: the recall ceiling); {len(d.y)} candidates; "
          f"{len({r['group'] for r in rows})} groups")

    everything = np.arange(len(rows))
    outer = _folds(rows, list(everything), args.folds, SEED)
    dec = np.zeros((2, len(rows)))
    chosen = []
    for k in range(args.folds):
        tr, te = everything[outer != k], everything[outer == k]
        rank, accept, t, _ = train(d, rows, tr, args.inner, SEED + 1 + k)
        p, ok = _decide(d, te, rank, accept)
        dec[:, te] = np.stack([np.where(p >= t, 1.0, -1.0), ok])  # decided with the fold's own threshold
        fp, fr = _prf(d, te, dec[:, te], 0.5)
        chosen.append(t)
        print(f"  fold {k}: threshold {t:.2f} (chosen by CV inside the training folds) -> precision {fp:.3f} "
              f"recall {fr:.3f}")
    p, rc = _prf(d, everything, dec, 0.5)
    print(f"nested {args.folds}-fold CV grouped by document, thresholds chosen inside the training folds: "
          f"precision {p:.3f} recall {rc:.3f} F1 {2 * p * rc / max(1e-9, p + rc):.3f}")
    for src in sorted({r["source"] for r in rows}):
        idx = np.array([i for i, r in enumerate(rows) if r["source"] == src])
        sp, sr = _prf(d, idx, dec[:, idx], 0.5)
        print(f"  {src:14s} n={len(idx):5d}  P {sp:.3f}  R {sr:.3f}")

    rank, accept, t, inner_dec = train(d, rows, everything, args.inner, SEED)
    ip, ir = _prf(d, everything, inner_dec, t)
    print(f"shipped threshold {t:.2f} (CV on all data: precision {ip:.3f} recall {ir:.3f}); the curve:")
    for tt in GRID[::5]:
        pp, rr = _prf(d, everything, inner_dec, tt)
        print(f"    threshold {tt:.2f}: precision {pp:.3f} recall {rr:.3f}")
    if args.by_source:
        dec2 = np.zeros((2, len(rows)))
        for src in sorted({r["source"] for r in rows}):
            te = np.array([i for i, r in enumerate(rows) if r["source"] == src])
            tr = np.array([i for i, r in enumerate(rows) if r["source"] != src])
            r2, a2, t2, _ = train(d, rows, tr, args.inner, SEED)
            p2, ok2 = _decide(d, te, r2, a2)
            dec2[:, te] = np.stack([np.where(p2 >= t2, 1.0, -1.0), ok2])
        sp, sr = _prf(d, everything, dec2, 0.5)
        print(f"leave-one-source-out: precision {sp:.3f} recall {sr:.3f}")
    if args.no_write:
        return 0
    OUT.write_text(json.dumps({
        "about": "flashpoint.geo.locate: rank = logistic regression over (trigger, candidate) cues; accept = logistic "
                 f"regression on the best candidate; keep it when accept >= threshold. Fitted by "
                 f"training/geo_locate_train.py (seed {SEED}).",
        "cv": {"folds": args.folds, "nested": True, "precision": round(p, 3), "recall": round(rc, 3),
               "fold_thresholds": chosen},
        "threshold": t, "rank": rank.json(d.names), "accept": accept.json(_accept_names(d))},
        indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rank.cols)} rank cues, {len(accept.cols)} accept cues)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
