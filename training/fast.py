"""Train the fast model (hashed features + logistic regression, scikit-learn) and save its numpy weights."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cv import PLV_CLASSES  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from flashpoint import ontology  # noqa: E402
from flashpoint.models.fast import FastModel  # noqa: E402
from flashpoint.models.features import features  # noqa: E402


def _root(types: list[str]) -> str:
    return "YIELD" if set(types) <= {"CONCEDE", "RETREAT"} else types[0]


def _design(examples: list[dict], min_count: int = 1) -> tuple[sparse.csr_matrix, list[int]]:
    feats = [features(e["text"], e["actor"], e["recipient"]) for e in examples]
    counts = Counter(h for f in feats for h in f)
    vocab = sorted(h for h, n in counts.items() if n >= min_count)
    keep = set(vocab)
    feats = [[h for h in f if h in keep] for f in feats]
    col = {h: i for i, h in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for i, f in enumerate(feats):
        for h in f:
            rows.append(i)
            cols.append(col[h])
            vals.append(1.0 / np.sqrt(max(len(f), 1)))
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(len(examples), len(vocab)), dtype=np.float64)
    return x, vocab


def train_modes(examples: list[dict], c: float = 10.0) -> dict[str, np.ndarray]:
    """Mode given type: one multinomial model over "TYPE:mode" keys ("TYPE:" = the type's default), trained on
    every example whose mode is known (mostly NGEC's silver stories); at run time restricted to the type's keys."""
    ex = [e for e in examples if e.get("mode") is not None and len(e["types"]) == 1
          and (e["mode"] == "" or e["mode"] in ontology.modes(e["types"][0]))]
    x, vocab = _design(ex, min_count=3)  # rare words of silver stories only bloat the file
    keys = [f"{e['types'][0]}:{e['mode']}" for e in ex]
    clf = LogisticRegression(C=c, max_iter=2000).fit(x, keys, sample_weight=[1.0] * len(ex))
    return {"mode_feature_ids": np.array(vocab, dtype=np.uint32), "mode_w": clf.coef_.T.astype(np.float16),
            "mode_b": clf.intercept_.astype(np.float32), "mode_keys": np.array(clf.classes_)}


def train(examples: list[dict], c: float = 20.0, out: Path | None = None, mode_examples: list[dict] | None = None,
          **_) -> FastModel:
    x, vocab = _design(examples)
    w = np.array([float(e["weight"]) for e in examples])

    pos = [i for i, e in enumerate(examples) if e["types"]]
    roots = [_root(examples[i]["types"]) for i in pos]
    type_clf = LogisticRegression(C=c, max_iter=3000)
    type_clf.fit(x[pos], roots, sample_weight=w[pos])
    type_w = np.zeros((len(vocab), len(PLV_CLASSES)), dtype=np.float32)
    type_b = np.full(len(PLV_CLASSES), -30.0, dtype=np.float32)  # a root never seen in training stays improbable
    for j, cls in enumerate(type_clf.classes_):
        type_w[:, PLV_CLASSES.index(cls)] = type_clf.coef_[j]
        type_b[PLV_CLASSES.index(cls)] = type_clf.intercept_[j]

    ev = np.array([1 if e["types"] else 0 for e in examples])
    if len(set(ev)) > 1:
        ev_clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, ev, sample_weight=w)
        event_w, event_b = ev_clf.coef_[0].astype(np.float32), float(ev_clf.intercept_[0])
    else:
        event_w, event_b = np.zeros(len(vocab), dtype=np.float32), 10.0

    yl = [i for i, e in enumerate(examples) if len(e["types"]) == 1 and e["types"][0] in ("CONCEDE", "RETREAT")]
    ylab = np.array([1 if examples[i]["types"][0] == "CONCEDE" else 0 for i in yl])
    if len(set(ylab)) > 1:
        y_clf = LogisticRegression(C=c, max_iter=3000).fit(x[yl], ylab, sample_weight=w[yl])
        yield_w, yield_b = y_clf.coef_[0].astype(np.float32), float(y_clf.intercept_[0])
    else:
        yield_w, yield_b = np.zeros(len(vocab), dtype=np.float32), 0.0

    out = out or Path("/tmp/flashpoint_fast_cv.npz")
    modes = train_modes(mode_examples) if mode_examples else {}
    np.savez_compressed(
        out, **modes, feature_ids=np.array(vocab, dtype=np.uint32), type_w=type_w.astype(np.float16), type_b=type_b,
        event_w=event_w.astype(np.float16), event_b=np.float32(event_b), yield_w=yield_w.astype(np.float16),
        yield_b=np.float32(yield_b), roots=np.array(PLV_CLASSES), types=np.array(ontology.EVENT_TYPES))
    return FastModel(out)
