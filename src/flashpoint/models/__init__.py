"""Trained PLOVER relation classifiers: a fine-tuned MiniLM encoder (int8 ONNX) and a fast hashed linear model.

    model = load()              # or load(fast=True) for >= 2,000 sentences/s
    preds = model.predict(texts, actors, recipients)   # spans are (start, end) char offsets, lists may be empty

Both give, for each input, the PLOVER event type (16 types), the probability that the sentence holds a codable event
at all (`event_prob`, for `flashpoint code`), and the class probabilities; the encoder also gives a mode and an
(experimental) status. Run time needs numpy, onnxruntime and tokenizers only; weights ship in `weights/` and are
read on first use. `training/` rebuilds them (see training/README.md and MODEL_CARD.md).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

Span = tuple[int, int]
WEIGHTS = Path(__file__).resolve().parent / "weights"

__all__ = ["Classifier", "Prediction", "WEIGHTS", "load", "use_weights"]


@dataclass(frozen=True, slots=True)
class Prediction:
    event_type: str  # one of the 16 PLOVER types (the most probable; see event_prob for "no event")
    mode: str | None  # a mode of event_type, or None (the type's default, or the fast model)
    confidence: float  # probability of event_type
    probabilities: dict[str, float] = field(repr=False)  # PLOVER type -> probability (sums to 1)
    event_prob: float = 1.0  # probability that the sentence reports a codable event at all
    status: str | None = None  # asserted | negated | hypothetical | future | threatened | claimed (encoder only)
    status_probs: dict[str, float] | None = field(default=None, repr=False)


class Classifier(Protocol):
    def predict(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> list[Prediction]:
        ...


_cache: dict[bool, Classifier] = {}
_lock = threading.Lock()
_threads: int | None = None  # onnxruntime threads per process (None: up to 4); coding workers use 1 each


def use_threads(n: int) -> None:
    """Threads the encoder may use in this process; call before its first use (worker processes set 1)."""
    global _threads
    _threads = n


def loaded(fast: bool = False) -> bool:
    return fast in _cache


def load(fast: bool = False) -> Classifier:
    """The shipped model (cached per process). fast=True: the hashed linear model."""
    with _lock:
        if fast not in _cache:
            if fast:
                from flashpoint.models.runtime import FastClassifier

                _cache[fast] = FastClassifier(WEIGHTS / "fast.npz")
            else:
                from flashpoint.models.runtime import EncoderClassifier

                _cache[fast] = EncoderClassifier(WEIGHTS, threads=_threads)
        return _cache[fast]


def use_weights(folder: Path) -> None:
    """Use the models in `folder` (a `training/build.py --out` folder: fast.npz, and classifier.onnx with its
    tokenizer and labels if the encoder was built) instead of the shipped ones, in this process. Pipelines built
    before keep their model: call `flashpoint.pipeline.clear()` after this."""
    from flashpoint.models.runtime import EncoderClassifier, FastClassifier

    folder = Path(folder)
    with _lock:
        _cache[True] = FastClassifier(folder / "fast.npz")
        if (folder / "classifier.onnx").exists():
            _cache[False] = EncoderClassifier(folder, threads=_threads)
