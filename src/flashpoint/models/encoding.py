"""Turn (text, actor spans, recipient spans) into encoder inputs: token ids, mask and marker token positions.

Shared by training and run time so both see exactly the same inputs. Uses the `tokenizers` library (Rust, no torch).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from flashpoint.models.markers import Span, mark

MAX_LEN = 128


def load_tokenizer(path: str) -> Any:
    """A `tokenizers.Tokenizer` from tokenizer.json, truncating at MAX_LEN and not padding (we pad per batch)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    tok.no_padding()
    tok.enable_truncation(MAX_LEN)
    return tok


def encode(tokenizer: Any, texts: list[str], actors: list[list[Span]], recipients: list[list[Span]],
           max_len: int = MAX_LEN) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ids [B,L] int64, mask [B,L] int64, idx [B,2] int64 (token of the actor / recipient marker; 0 = [CLS])."""
    marked = [mark(t, a, r) for t, a, r in zip(texts, actors, recipients, strict=True)]
    encs = tokenizer.encode_batch([m[0] for m in marked])
    length = min(max_len, max((len(e.ids) for e in encs), default=1))
    n = len(encs)
    ids = np.zeros((n, length), dtype=np.int64)
    mask = np.zeros((n, length), dtype=np.int64)
    idx = np.zeros((n, 2), dtype=np.int64)
    sep = tokenizer.token_to_id("[SEP]") or tokenizer.token_to_id("</s>")
    for i, (enc, (_, a_at, r_at)) in enumerate(zip(encs, marked, strict=True)):
        row = enc.ids
        if len(row) > length:
            row = [*row[: length - 1], sep]
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
        for k, at in enumerate((a_at, r_at)):
            if at < 0:
                continue
            for j, (s, e) in enumerate(enc.offsets[: len(row) - 1]):
                if s == at and e > s:
                    idx[i, k] = j
                    break
    return ids, mask, idx
