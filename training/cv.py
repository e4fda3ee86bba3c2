"""5-fold cross-validation on PLV_train for both classifiers; extra data (GSR, annotations, silver) is added to
every training fold, never to a test fold. Used for model selection and by bench/bench_classify.py."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402

from flashpoint import ontology  # noqa: E402

PLV_CLASSES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "ACCUSE", "REQUEST", "REJECT",
               "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]


def folds(labels: list[str], k: int = 5, seed: int = 0) -> list[np.ndarray]:
    """Stratified fold ids (deterministic): each class's items are shuffled and dealt round-robin."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(labels), dtype=int)
    by_class: dict[str, list[int]] = {}
    for i, y in enumerate(labels):
        by_class.setdefault(y, []).append(i)
    offset = 0
    for y in sorted(by_class):
        items = np.array(by_class[y])
        rng.shuffle(items)
        for j, i in enumerate(items):
            fold[i] = (j + offset) % k
        offset += len(items)
    return [np.where(fold == f)[0] for f in range(k)]


def plv_pred(p_type: np.ndarray) -> list[str]:
    """PLV labels from 16-type probabilities: CONCEDE and RETREAT are summed into YIELD."""
    types = list(ontology.EVENT_TYPES)
    agg = np.zeros((len(p_type), len(PLV_CLASSES)))
    for j, t in enumerate(types):
        agg[:, PLV_CLASSES.index(ontology.to_plv_root(t))] += p_type[:, j]
    return [PLV_CLASSES[i] for i in agg.argmax(1)]


def metrics(gold: list[str], pred: list[str]) -> dict:
    labels = PLV_CLASSES
    idx = {c: i for i, c in enumerate(labels)}
    cm = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in zip(gold, pred, strict=True):
        cm[idx[g], idx[p]] += 1
    f1 = {}
    for c, i in idx.items():
        tp = cm[i, i]
        prec = tp / cm[:, i].sum() if cm[:, i].sum() else 0.0
        rec = tp / cm[i, :].sum() if cm[i, :].sum() else 0.0
        f1[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    present = [c for c in labels if cm[idx[c], :].sum()]
    quad = {c: ontology.quad_code("CONCEDE" if c == "YIELD" else c) for c in labels}
    # PLV puts YIELD (CONCEDE/RETREAT) in quad 2 (material cooperation)
    quad["YIELD"] = 2
    return {
        "n": len(gold),
        "macro_f1": float(np.mean([f1[c] for c in present])),
        "accuracy": float(np.trace(cm) / cm.sum()),
        "quad_accuracy": float(np.mean([quad[g] == quad[p] for g, p in zip(gold, pred, strict=True)])),
        "per_class_f1": {c: round(f1[c], 3) for c in labels},
        "labels": labels,
        "confusion": cm.tolist(),
    }


def training_extra(sources: str, silver_weight: float = 0.3) -> list[dict]:
    extra: list[dict] = []
    for s in sources.split(","):
        if s == "gsr":
            extra += data.load_gsr()
        elif s.startswith("gsr-without:"):  # GSR minus one fold, for bench_plover.py --gsr-folds
            extra += data.load_gsr(without_fold=int(s.split(":")[1]))
        elif s == "ann":
            extra += data.load_annotations()
        elif s.startswith("ann:"):  # another annotation file, e.g. a candidate extension of ours
            extra += data.load_annotations(Path(s[4:]))
        elif s == "syn":
            extra += data.load_synthetic(weight=silver_weight)
        elif s.startswith("syn:"):  # a fixed random sample of N silver stories
            import random

            silver = data.load_synthetic(weight=silver_weight)
            extra += random.Random(0).sample(silver, min(int(s[4:]), len(silver)))
        elif s:
            raise ValueError(s)
    return extra


def cv_encoder(k: int = 5, seeds: tuple[int, ...] = (13,), epochs: int = 6, sources: str = "gsr,ann",
               only_folds: int | None = None, log=print, **kw) -> dict:
    import encoder

    plv = data.load_plv()
    extra = training_extra(sources, kw.pop("silver_weight", 0.3))
    pre_epochs = kw.pop("pretrain_epochs", 0)
    inits = {}
    if pre_epochs:  # silver pretraining holds no PLV sentence, so one pretrained net serves every fold
        silver = data.load_synthetic(weight=1.0)
        for s in seeds:
            inits[s] = encoder.train(silver, seed=1000 + s, epochs=pre_epochs, log=log, **kw).state_dict()
    gold = [ex["plv"] for ex in plv]
    pred = [None] * len(plv)
    probs = np.zeros((len(plv), len(data.event_types())), dtype=np.float32)
    t0 = time.time()
    for f, test in enumerate(folds(gold, k)):
        if only_folds is not None and f >= only_folds:
            break
        test_set = set(test.tolist())
        train = data.with_unmarked([ex for i, ex in enumerate(plv) if i not in test_set] + extra)
        nets = [encoder.train(train, seed=s + f, epochs=epochs, log=log, init=inits.get(s), **kw) for s in seeds]
        p = encoder.predict_proba(nets, [plv[i]["text"] for i in test], [plv[i]["actor"] for i in test],
                                  [plv[i]["recipient"] for i in test])
        probs[test] = p["type"]
        for i, y in zip(test, plv_pred(p["type"]), strict=True):
            pred[i] = y
        done = [i for i in range(len(plv)) if pred[i] is not None]
        m = metrics([gold[i] for i in done], [pred[i] for i in done])
        log(f"fold {f + 1}/{k}: running macro-F1 {m['macro_f1']:.3f} acc {m['accuracy']:.3f} "
            f"({time.time() - t0:.0f}s)")
    done = [i for i in range(len(plv)) if pred[i] is not None]
    m = metrics([gold[i] for i in done], [pred[i] for i in done])
    m["type_probs"] = probs.round(5).tolist()
    return m


def ensemble(paths: list[str]) -> dict:
    """Metrics of the average of several saved CV runs (e.g. one per seed): the CV score of a seed ensemble."""
    plv = data.load_plv()
    probs = np.mean([np.array(json.loads(Path(p).read_text())["type_probs"]) for p in paths], axis=0)
    return metrics([ex["plv"] for ex in plv], plv_pred(probs))


def cv_fast(k: int = 5, sources: str = "gsr,ann", log=print, **kw) -> dict:
    import fast

    plv = data.load_plv()
    extra = training_extra(sources, kw.pop("silver_weight", 0.3))
    gold = [ex["plv"] for ex in plv]
    pred: list[str] = [""] * len(plv)
    probs = np.zeros((len(plv), len(data.event_types())), dtype=np.float32)
    for test in folds(gold, k):
        test_set = set(test.tolist())
        train = data.with_unmarked([ex for i, ex in enumerate(plv) if i not in test_set] + extra)
        model = fast.train(train, **kw)
        p = model.probabilities([plv[i]["text"] for i in test], [plv[i]["actor"] for i in test],
                                [plv[i]["recipient"] for i in test])
        probs[test] = p["type"]
        for i, y in zip(test, plv_pred(p["type"]), strict=True):
            pred[i] = y
    m = metrics(gold, pred)
    m["type_probs"] = probs.round(5).tolist()
    return m


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["encoder", "fast"], default="encoder")
    ap.add_argument("--sources", default="gsr,ann")
    ap.add_argument("--seeds", default="13")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--silver-weight", type=float, default=0.3)
    ap.add_argument("--pretrain-epochs", type=int, default=0, help="epochs on the silver stories first")
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--balance", type=float, default=0.0, help="class-weight power (0 = off)")
    ap.add_argument("--average-last", type=int, default=1, help="average the weights of the last N epochs")
    ap.add_argument("--smooth", type=float, default=0.0, help="label smoothing of the type loss")
    ap.add_argument("--c", type=float, default=20.0, help="fast model: inverse L2 strength")
    ap.add_argument("--folds", type=int, default=None, help="run only the first N folds")
    ap.add_argument("--out", default=None)
    ap.add_argument("--ensemble", nargs="*", default=None, help="saved CV runs (--out files) to average")
    a = ap.parse_args()
    if a.ensemble:
        m = ensemble(a.ensemble)
    elif a.mode == "encoder":
        m = cv_encoder(seeds=tuple(int(s) for s in a.seeds.split(",")), epochs=a.epochs, sources=a.sources,
                       only_folds=a.folds, lr=a.lr, silver_weight=a.silver_weight,
                       pretrain_epochs=a.pretrain_epochs, layers=a.layers, balance=a.balance,
                       average_last=a.average_last, smooth=a.smooth)
    else:
        m = cv_fast(sources=a.sources, silver_weight=a.silver_weight, c=a.c)
    print(json.dumps({k: v for k, v in m.items() if k not in ("confusion", "type_probs")}, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps(m, indent=1))


if __name__ == "__main__":
    main()
