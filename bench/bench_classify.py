"""The trained relation classifiers (flashpoint.models): 5-fold CV on PLV_train and throughput, both modes.

CV retrains both models on every fold (training code in training/, which needs the training venv with torch:
see training/README.md); extra training data (PLOVER GSR records, training/annotations.jsonl) is added to every
training fold, never to the test fold. Throughput runs `predict` on 1,000 PLV relations in a fresh process, start-up
(imports, model load) included, and reports peak memory; it needs only the run-time dependencies.

    .venv-train/bin/python bench/bench_classify.py            # full: the shipped recipe per fold, teacher
                                                              # included (~45 min a fold on the idle machine)
    .venv-train/bin/python bench/bench_classify.py --quick    # 5 folds, 3 epochs, no teacher (~15 min)
    python bench/bench_classify.py --speed-only               # throughput only (run-time venv)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))

_SPEED = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from flashpoint.models import load
rows = json.load(open(sys.argv[1]))
m = load(fast=sys.argv[2] == "fast")
preds = m.predict([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
assert len(preds) == len(rows)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def show(name: str, m: dict) -> None:
    print(f"\n== {name}: 5-fold CV on PLV_train (n={m['n']})")
    print(f"macro-F1 {m['macro_f1']:.3f}   accuracy {m['accuracy']:.3f}   QuadClass accuracy {m['quad_accuracy']:.3f}")
    print("per-class F1: " + "  ".join(f"{c} {f:.2f}" for c, f in m["per_class_f1"].items()))
    labels = m["labels"]
    print("confusion (rows gold, columns predicted):")
    print(" " * 10 + " ".join(f"{c[:5]:>5}" for c in labels))
    for c, row in zip(labels, m["confusion"], strict=True):
        print(f"{c[:9]:<10}" + " ".join(f"{v:>5}" for v in row))


def speed(mode: str, n: int) -> tuple[float, float]:
    """relations/s and peak RSS (MB) of a fresh process classifying n PLV relations, start-up included."""
    import data

    plv = data.load_plv()
    rows = [[plv[i % len(plv)]["text"], plv[i % len(plv)]["actor"], plv[i % len(plv)]["recipient"]]
            for i in range(n)]
    path = Path(f"/tmp/bench_classify_{os.getpid()}.json")
    path.write_text(json.dumps(rows))
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _SPEED, str(path), mode], check=True, env=env, capture_output=True,
                         text=True).stdout
    wall = time.perf_counter() - t0
    path.unlink()
    return n / wall, int(out.split()[-1]) / 1024


def distilled_cv(cfg: dict) -> dict:
    """The shipped recipe learns from a teacher too (training/distill.py): each fold trains its own teacher and
    student. Folds already run are read from distill.py's cache, so an interrupted run resumes."""
    import distill

    cache = Path("/tmp/distill")
    seed = cfg["seeds"][0]
    for fold in range(5):
        distill.cv_fold(fold, seed, cfg["teacher_epochs"], cfg.get("teacher_lr", 3e-5), None, cache,
                        log=lambda s: print(s, file=sys.stderr))
    return distill.summary(cache, seed, cfg["teacher_epochs"])["student"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="1 seed, 3 epochs per fold")
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--mode", choices=["both", "encoder", "fast"], default="both")
    ap.add_argument("--n", type=int, default=1000, help="relations for the throughput run")
    ap.add_argument("--json", default=None, help="write CV results here")
    a = ap.parse_args()
    if not (DATA / "plv" / "PLV_train.tsv").exists():
        print("skipped: ../shared/data not found")
        return
    modes = ["fast", "encoder"] if a.mode == "both" else [a.mode]
    results = {}
    if not a.speed_only:
        import cv
        from build import CONFIG

        for mode in modes:
            t0 = time.time()
            try:
                import sklearn  # noqa: F401

                if mode == "encoder":
                    import torch  # noqa: F401
            except ImportError:
                print(f"{mode} CV skipped: needs the training venv (see training/README.md)")
                continue
            if mode == "fast":
                m = cv.cv_fast(sources=CONFIG["sources"], c=CONFIG["fast_c"])
            elif CONFIG.get("teacher_epochs") and not a.quick:
                m = distilled_cv(CONFIG)
            else:
                seeds = (13,) if a.quick else tuple(CONFIG["seeds"])
                m = cv.cv_encoder(seeds=seeds, epochs=3 if a.quick else CONFIG["epochs"], sources=CONFIG["sources"],
                                  lr=CONFIG["lr"], log=lambda s: print(s, file=sys.stderr))
            results[mode] = m
            show(f"{mode} ({time.time() - t0:.0f}s)", m)
    if not a.cv_only:
        print(f"\n== throughput: predict on {a.n} PLV relations, fresh process, start-up included")
        for mode in modes:
            rate, peak = speed(mode, a.n)
            results.setdefault(mode, {})["relations_per_s"] = rate
            print(f"{mode:<8} {rate:8.0f} relations/s   peak RSS {peak:.0f} MB")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
