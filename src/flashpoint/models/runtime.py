"""Run-time wrappers: batching, ONNX Runtime session, probabilities -> Prediction."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from flashpoint.models import Prediction, Span
from flashpoint.models.encoding import encode, load_tokenizer
from flashpoint.models.fast import FastModel

STATUSES = ("asserted", "negated", "hypothetical", "future", "threatened", "claimed")


def _check(texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> None:
    if not (len(texts) == len(actors) == len(recipients)):
        raise ValueError("texts, actors and recipients must have the same length")


class EncoderClassifier:
    """The fine-tuned MiniLM ensemble; inputs are sorted by length and run in batches to limit padding."""

    def __init__(self, weights: Path, batch_size: int = 32, threads: int | None = None):
        import onnxruntime as ort

        meta = json.loads((weights / "labels.json").read_text(encoding="utf-8"))
        self.types: list[str] = meta["types"]
        self.mode_keys: list[str] = meta["mode_keys"]
        self.statuses: list[str] = meta.get("statuses", list(STATUSES))
        self.tokenizer = load_tokenizer(str(weights / "tokenizer.json"))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(weights / "classifier.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
        self.batch_size = batch_size
        self.modes = FastModel(weights / "fast.npz")  # the linear mode model (trained on far more mode labels)

    def raw(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> dict[str, np.ndarray]:
        """Model outputs for all inputs, in input order."""
        _check(texts, actors, recipients)
        n = len(texts)
        out = {"type": np.zeros((n, len(self.types)), np.float32), "event": np.zeros(n, np.float32),
               "mode": np.zeros((n, len(self.mode_keys)), np.float32),
               "status": np.zeros((n, len(self.statuses)), np.float32)}
        order = sorted(range(n), key=lambda i: len(texts[i]))
        for s in range(0, n, self.batch_size):
            sel = order[s: s + self.batch_size]
            ids, mask, idx = encode(self.tokenizer, [texts[i] for i in sel], [list(actors[i]) for i in sel],
                                    [list(recipients[i]) for i in sel])
            pt, pe, ml, ps = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "marker_index": idx})
            out["type"][sel], out["event"][sel], out["mode"][sel], out["status"][sel] = pt, pe, ml, ps
        return out

    def predict(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> list[Prediction]:
        raw = self.raw(texts, actors, recipients)
        best = [self._decide(p) for p in raw["type"]]
        types = [self.types[j] for j in best]
        modes = self.modes.modes(texts, actors, recipients, types)
        preds = []
        for i in range(len(texts)):
            p = raw["type"][i]
            j = best[i]
            t = self.types[j]
            st = raw["status"][i]
            preds.append(Prediction(
                event_type=t, mode=modes[i], confidence=float(p[j]),
                probabilities={k: float(v) for k, v in zip(self.types, p, strict=True)},
                event_prob=float(raw["event"][i]), status=self.statuses[int(st.argmax())],
                status_probs={k: float(v) for k, v in zip(self.statuses, st, strict=True)}))
        return preds


    def _decide(self, p: np.ndarray) -> int:
        """The most probable type, with CONCEDE and RETREAT competing as one: the type head learnt them as PLV's
        single YIELD (its loss is on their sum), so their sum is what it knows; the larger of the two then wins."""
        c, r = self.types.index("CONCEDE"), self.types.index("RETREAT")
        others = p.copy()
        others[[c, r]] = -1.0
        j = int(others.argmax())
        if p[c] + p[r] > p[j]:
            return c if p[c] >= p[r] else r
        return j


class FastClassifier:
    """Hashed-feature logistic regression: type, mode and event probability; no status."""

    def __init__(self, path: Path):
        self.model = FastModel(path)
        self.types = self.model.types

    def predict(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> list[Prediction]:
        _check(texts, actors, recipients)
        hashes = self.model.hashes(texts, actors, recipients)
        raw = self.model.probabilities(texts, actors, recipients, hashes)
        types = [self.types[int(p.argmax())] for p in raw["type"]]
        modes = self.model.modes(texts, actors, recipients, types, hashes)
        preds = []
        for i in range(len(texts)):
            p = raw["type"][i]
            j = int(p.argmax())
            preds.append(Prediction(
                event_type=self.types[j], mode=modes[i], confidence=float(p[j]),
                probabilities={k: float(v) for k, v in zip(self.types, p, strict=True)},
                event_prob=float(raw["event"][i])))
        return preds
