"""Hashed sparse features of a sentence with marked actor and recipient, for the fast linear model.

Hand-written rather than scikit-learn's HashingVectorizer so that run time needs numpy only and the features carry
the relation's geometry: each word is also tagged with its region (before the actor, inside the actor, between
actor and recipient, inside the recipient, after), which is most of what a linear model can learn about who did
what to whom. Hashes are CRC32 (stable across processes, unlike Python's `hash`).
"""

from __future__ import annotations

import re
import zlib

from flashpoint.models.markers import Span

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+")
_CACHE: dict[str, int] = {}  # feature string -> hash; words repeat, so this saves most of the hashing
_CACHE_MAX = 1_000_000


def _hash(f: str) -> int:
    h = _CACHE.get(f)
    if h is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        h = _CACHE[f] = zlib.crc32(f.encode())
    return h


def features(text: str, actor: list[Span], recipient: list[Span]) -> list[int]:
    """Distinct CRC32 hashes of: words, 5-char stems, bigrams, region-tagged stems, actor/recipient presence.

    Regions: b(efore), a(ctor), m(iddle), r(ecipient), e(nd); "middle" lies between the end of the actor and the
    start of the recipient (in either order)."""
    a_end = max((e for _, e in actor), default=0)
    r_start = min((s for s, _ in recipient), default=len(text))
    if not actor:
        a_end = r_start
    first, last = min(a_end, r_start), max(a_end, r_start)
    marked = sorted([(s, e, "a") for s, e in actor] + [(s, e, "r") for s, e in recipient])
    out: set[str] = set()
    prev = "<s>"
    k = 0
    for m in _WORD.finditer(text):
        start = m.start()
        while k < len(marked) and marked[k][1] <= start:
            k += 1
        w = m.group().lower()
        stem = w[:5]
        # inside a marked span (spans are sorted; a nested one is caught by the first that contains the word)
        inside = next((kind for s, e, kind in marked[k:k + 3] if s <= start < e), None)
        if inside is not None:
            out.add(f"{inside}:{stem}")
            prev = inside.upper()
            continue
        reg = "b" if start < first else ("m" if start < last else "e")
        out.add(w)
        out.add(f"s:{stem}")
        out.add(f"{reg}:{stem}")
        out.add(f"{prev}_{stem}")
        prev = stem
    out.add(f"has_actor:{bool(actor)}")
    out.add(f"has_recipient:{bool(recipient)}")
    return [_hash(f) for f in out]
