"""The fast classifier: multinomial logistic regression on hashed features (numpy only).

Weights are stored sparsely: only hashes seen in training have a row. YIELD-style ambiguity is handled like the
encoder: the type head predicts 15 PLV roots, and a second small head splits YIELD into CONCEDE and RETREAT. A
separate mode model (trained mostly on silver stories) picks the mode of a given type.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from flashpoint.models.features import features
from flashpoint.models.markers import Span


class FastModel:
    def __init__(self, path: Path):
        z = np.load(path, allow_pickle=False)
        self.ids = z["feature_ids"].astype(np.int64)  # sorted: looked up with searchsorted, no dict to build
        # one matrix for the three heads: 15 root logits | CONCEDE-vs-RETREAT logit | event logit
        self.w = np.hstack([z["type_w"], z["yield_w"][:, None], z["event_w"][:, None]]).astype(np.float32)
        self.b = np.concatenate([z["type_b"], [z["yield_b"]], [z["event_b"]]]).astype(np.float32)
        self.roots = [str(s) for s in z["roots"]]
        self.types = [str(s) for s in z["types"]]
        self._root_to_type = np.zeros((len(self.roots), len(self.types)), dtype=np.float32)
        for j, root in enumerate(self.roots):
            if root != "YIELD":
                self._root_to_type[j, self.types.index(root)] = 1.0
        self._yield = self.roots.index("YIELD")
        self._concede, self._retreat = self.types.index("CONCEDE"), self.types.index("RETREAT")
        self.mode_keys: list[str] = [str(s) for s in z["mode_keys"]] if "mode_keys" in z else []
        if self.mode_keys:
            self.mode_ids = z["mode_feature_ids"].astype(np.int64)
            mode_w, mode_b = z["mode_w"].astype(np.float32), z["mode_b"].astype(np.float32)
            cols = {t: [i for i, k in enumerate(self.mode_keys) if k.split(":", 1)[0] == t] for t in self.types}
            # per type: its mode names and the matching weight columns (contiguous, so a gather stays small)
            self.mode_by_type = {t: ([self.mode_keys[i].split(":", 1)[1] or None for i in c],
                                     np.ascontiguousarray(mode_w[:, c]), mode_b[c]) for t, c in cols.items() if c}

    @staticmethod
    def hashes(texts: list[str], actors: list[list[Span]], recipients: list[list[Span]]) -> list[list[int]]:
        return [features(t, a, r) for t, a, r in zip(texts, actors, recipients, strict=True)]

    @staticmethod
    def _sum(ids: np.ndarray, hashes: list[list[int]], w: np.ndarray) -> np.ndarray:
        """Per input: sum of the weight rows of its known features / sqrt(their count) (the training-time L2
        normalisation of binary rows)."""
        out = np.zeros((len(hashes), w.shape[1]), dtype=np.float32)
        counts = np.fromiter((len(h) for h in hashes), dtype=np.int64, count=len(hashes))
        if not counts.sum():
            return out
        flat = np.fromiter((x for h in hashes for x in h), dtype=np.int64, count=int(counts.sum()))
        owner = np.repeat(np.arange(len(hashes)), counts)
        pos = np.minimum(np.searchsorted(ids, flat), len(ids) - 1)
        known = ids[pos] == flat
        rows, owner = pos[known], owner[known]
        n_known = np.bincount(owner, minlength=len(hashes))
        nonempty = n_known > 0
        starts = np.concatenate([[0], np.cumsum(n_known)[:-1]])
        out[nonempty] = np.add.reduceat(w[rows], starts[nonempty], axis=0)
        return out / np.sqrt(np.maximum(n_known, 1))[:, None]

    def probabilities(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]],
                      hashes: list[list[int]] | None = None) -> dict:
        """Type probabilities over the 16 PLOVER types, and the event probability."""
        hashes = hashes if hashes is not None else self.hashes(texts, actors, recipients)
        z = self._sum(self.ids, hashes, self.w) + self.b
        logits = z[:, : len(self.roots)]
        logits = logits - logits.max(1, keepdims=True)
        p_root = np.exp(logits)
        p_root /= p_root.sum(1, keepdims=True)
        q_concede = 1.0 / (1.0 + np.exp(-z[:, -2]))
        p_type = p_root @ self._root_to_type
        p_type[:, self._concede] += p_root[:, self._yield] * q_concede
        p_type[:, self._retreat] += p_root[:, self._yield] * (1 - q_concede)
        return {"type": p_type, "event": 1.0 / (1.0 + np.exp(-z[:, -1]))}

    def modes(self, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]], types: list[str],
              hashes: list[list[int]] | None = None) -> list[str | None]:
        """The most probable mode of each given type (None: the type's default, or no mode model shipped)."""
        if not self.mode_keys:
            return [None] * len(texts)
        hashes = hashes if hashes is not None else self.hashes(texts, actors, recipients)
        out: list[str | None] = [None] * len(texts)
        by_type: dict[str, list[int]] = {}
        for i, t in enumerate(types):
            if t in self.mode_by_type:
                by_type.setdefault(t, []).append(i)
        for t, items in by_type.items():
            names, w, b = self.mode_by_type[t]
            scores = self._sum(self.mode_ids, [hashes[i] for i in items], w) + b
            for i, j in zip(items, scores.argmax(1).tolist(), strict=True):
                out[i] = names[j]
        return out
