"""Names in text without capitals: "bjp" read as "BJP", "ahmedabad" as "Ahmedabad", "may" left as "may".

Lower-cased archives (and some scraped feeds) carry no capitals, and dictionary look-ups of names are case-sensitive
for good reason ("May" the prime minister, "may" the verb). In a sentence without capitals, each word is given the
casing it has in a table of known names, unless it is an ordinary word: one that normally cased news writes in lower
case (`lowercase_words.txt`, built by training/build_lowercase_words.py). Offsets do not change: only the look-up
forms are recased.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from flashpoint import tsv


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Words that normally cased news writes in lower case (never recased)."""
    return frozenset(tsv.words(__package__, "lowercase_words.txt"))


def name_casing(names: Iterable[str]) -> dict[str, str]:
    """lower-case word -> its casing in `names` (phrases), for words of names that are not ordinary words."""
    ordinary = ordinary_words()
    table: dict[str, str] = {}
    for name in names:
        for word in name.split():
            low = word.lower()
            if low == word or len(low) < 2 or low in ordinary:
                continue
            # one spelling per word; the all-capitals one (an acronym: "BJP") wins over "Bjp"-like forms
            if low not in table or word.isupper():
                table[low] = word
    return table


_TABLES: dict[int, tuple[Mapping[str, object], dict[str, str]]] = {}


def recased(words: list[str], names: Mapping[str, object]) -> list[str]:
    """`words` with each known name word in its usual casing ("bjp" -> "BJP"); other words unchanged."""
    key = id(names)
    cached = _TABLES.get(key)
    if cached is None or cached[0] is not names:
        cached = (names, name_casing(names))
        _TABLES[key] = cached
    table = cached[1]
    return [table.get(w, w) if w.islower() else w for w in words]
