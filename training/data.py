"""Training examples from /work/shared/data and training/annotations.jsonl, in one shape.

An example is a dict: text, actor / recipient (char spans), types (allowed PLOVER types: one, or two for PLV's
YIELD = CONCEDE|RETREAT; empty = no codable event), mode (PLOVER mode, "" = the type's default, None = unknown),
status (None = unknown), weight, source.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint import ontology  # noqa: E402
from flashpoint.models.markers import strip_tags  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations.jsonl"
STATUSES = ("asserted", "negated", "hypothetical", "future", "threatened", "claimed")


def event_types() -> list[str]:
    return list(ontology.EVENT_TYPES)


def plv_types(root: str) -> list[str]:
    return ["CONCEDE", "RETREAT"] if root == "YIELD" else [root]


def load_plv(path: Path | None = None) -> list[dict]:
    path = path or DATA / "plv" / "PLV_train.tsv"
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            text, actor, recipient = strip_tags(row["marked_sentence"])
            out.append({"text": text, "actor": actor, "recipient": recipient, "types": plv_types(row["gold_root"]),
                        "plv": row["gold_root"], "mode": None, "status": None, "weight": 1.0, "source": "plv"})
    return out


def _find(text: str, needle: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not needle:
        return None
    for m in re.finditer(re.escape(needle), text):
        span = (m.start(), m.end())
        if all(span[1] <= s or span[0] >= e for s, e in taken):
            return span
    return None


_MARK = re.compile(r"\((SRC|TAR|SRC/TAR): ([^)]*)\)")


def gsr_fold(text: str, k: int = 5) -> int:
    """A GSR record's cross-validation fold, from its text alone, so bench/bench_plover.py finds the same folds."""
    return zlib.crc32(text.strip().encode("utf-8")) % k


def load_gsr(path: Path | None = None, without_fold: int | None = None) -> list[dict]:
    """PLOVER gold-standard records; actor/recipient strings from the markup, located in the text.
    without_fold: leave out one of five folds (`gsr_fold`), to score `code` on it with a model that never saw it."""
    path = path or DATA / "plover" / "PLOVER_GSR_CAMEO.json"
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        text = rec.get("text")
        if not text or rec.get("event") == "DOCUMENT" or gsr_fold(text) == without_fold:
            continue
        norm = ontology.normalize(rec["event"], rec.get("mode"))
        if norm is None:
            continue
        ev, mode = norm
        text = text.strip()
        actor: list[tuple[int, int]] = []
        recipient: list[tuple[int, int]] = []
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        for kind, name in _MARK.findall(markup):
            span = _find(text, name.strip(), actor + recipient)
            if span is None:
                continue
            (recipient if kind == "TAR" else actor).append(span)
        out.append({"text": text, "actor": actor, "recipient": recipient, "types": [ev],
                    "mode": mode or "" if "mode" in rec else None, "status": None, "weight": 1.0, "source": "gsr"})
    return out


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def load_synthetic(path: Path | None = None, weight: float = 0.3) -> list[dict]:
    """NGEC's GPT-written stories: the lede sentence with the story's label (silver; no actor marks)."""
    path = path or DATA / "ngec" / "synthetic_stories.csv"
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            norm = ontology.normalize(row["label"], row["mode"] or None)
            if norm is None:
                continue
            ev, mode = norm
            body = row["text"].strip()
            lede = _SENT.split(body.split("\n")[0].strip())[0]
            if len(lede) < 20:
                continue
            out.append({"text": lede, "actor": [], "recipient": [], "types": [ev], "mode": mode or "",
                        "status": None, "weight": weight, "source": "synthetic"})
    return out


def load_annotations(path: Path | None = None) -> list[dict]:
    """Our own sentences: actor/recipient given as strings (first non-overlapping occurrence)."""
    path = path or ANNOTATIONS
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = rec["text"]
        actor: list[tuple[int, int]] = []
        recipient: list[tuple[int, int]] = []
        for key, dest in (("actor", actor), ("recipient", recipient)):
            names = rec.get(key) or []
            for name in [names] if isinstance(names, str) else names:
                span = _find(text, name, actor + recipient)
                if span is None:
                    raise ValueError(f"annotations.jsonl:{i}: {key} {name!r} not in text")
                dest.append(span)
        ev = rec.get("event_type")
        if ev is not None and not ontology.is_valid(ev, rec.get("mode")):
            raise ValueError(f"annotations.jsonl:{i}: bad type/mode {ev} {rec.get('mode')}")
        status = rec.get("status")
        if status is not None and status not in STATUSES:
            raise ValueError(f"annotations.jsonl:{i}: bad status {status}")
        out.append({"text": text, "actor": actor, "recipient": recipient, "types": [ev] if ev else [],
                    "mode": (rec.get("mode") or "") if ev else None, "status": status,
                    "weight": float(rec.get("weight", 1.0)), "source": "annotation"})
    return out


def have_data() -> bool:
    return (DATA / "plv" / "PLV_train.tsv").exists()


def with_unmarked(examples: list[dict], frac: float = 0.25, weight: float = 0.5, seed: int = 0) -> list[dict]:
    """Add unmarked copies of a fixed random share of the marked positives.

    Without them every unmarked training sentence is one of our negatives, and the model learns "no markers, no
    event"; `flashpoint code` also classifies sentences nobody marked."""
    import random

    rng = random.Random(seed)
    extra = [dict(ex, actor=[], recipient=[], weight=ex["weight"] * weight, source=ex["source"] + "-unmarked")
             for ex in examples if ex["types"] and (ex["actor"] or ex["recipient"]) and rng.random() < frac]
    return examples + extra
