"""Word tokens with offsets, shared by the rule stages.

A regex tokeniser is all the rule stages need (words, numbers, punctuation, with offsets); a statistical tokeniser
would cost more than the whole rule pipeline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from flashpoint import tsv

# A number with thousands separators ("5,176 rounds") is one token, so trigger gaps and clause breaks count it once.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|[A-Za-z0-9]+(?:['’\-.][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


class Token(NamedTuple):
    text: str
    lower: str
    start: int
    end: int


@lru_cache(maxsize=256)
def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of one sentence. Cached: the events, status and link stages each read the same sentences, so the
    last few hundred are kept (a tuple, so no stage can change another's tokens)."""
    new = Token._make
    return tuple(new((w := m.group(), w.lower().replace("’", "'"), m.start(), m.end())) for m in _TOKEN.finditer(text))


_VERBS = tsv.rows("flashpoint.text", "verb_forms.tsv", width=3)  # verb knowledge, kept as data
# Irregular verbs that appear in event triggers: base -> other forms.
_IRREGULAR: dict[str, tuple[str, ...]] = {base: tuple(forms.split()) for kind, base, forms in _VERBS
                                          if kind == "irregular"}
# Verbs whose final consonant doubles though longer than the short-verb rule covers.
_DOUBLING = {base for kind, base, _ in _VERBS if kind == "doubling"}
_VOWELS = set("aeiou")


def verb_forms(base: str) -> set[str]:
    """All forms of an English verb: base, 3rd person, past, participle, gerund."""
    if base == "be":
        return {"be", "am", "is", "are", "was", "were", "been", "being"}
    forms = {base, *_IRREGULAR.get(base, ())}
    if base.endswith("e"):
        stem = base[:-1]
        forms |= {base + "s", base + "d", (base if base.endswith("ee") else stem) + "ing"}
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        one_syllable = sum(c in _VOWELS for c in base.replace("qu", "q")) == 1  # stop, ban; not open, edit
        double = base in _DOUBLING or (
            len(base) <= 4 and len(base) >= 3 and base[-1] not in _VOWELS | {"w", "x", "y"}
            and base[-2] in _VOWELS and base[-3] not in _VOWELS and one_syllable
        )
        stem = base + base[-1] if double else base
        forms |= {base + "s", stem + "ed", stem + "ing"}
        if len(base) > 4 and base[-1] == "l" and base[-2] in _VOWELS and base[-3] not in _VOWELS:
            forms |= {base + "led", base + "ling"}  # British spelling: cancelled, signalling
    return forms
