"""sentences_words.tsv: the sentence splitter's word lists are well-formed, and are the lists it uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.text import sentences

FILE = ("flashpoint.text", "sentences_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("continuation_words", "_CONTINUATION_WORDS"), ("weekdays_months", "_WEEKDAYS_MONTHS"),
    ("web_suffix", "_WEB_SUFFIX"), ("byline_small", "_BYLINE_SMALL"), ("byline_tail", "_BYLINE_TAIL")
)


def test_the_lists_are_what_sentences_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_CONTINUATION_WORDS": (sentences._CONTINUATION_WORDS, frozenset(w["continuation_words"])),
        "_WEEKDAYS_MONTHS": (sentences._WEEKDAYS_MONTHS, frozenset(w["weekdays_months"])),
        "_WEB_SUFFIX": (sentences._WEB_SUFFIX, frozenset(w["web_suffix"])),
        "_BYLINE_SMALL": (sentences._BYLINE_SMALL, frozenset(w["byline_small"])),
        "_BYLINE_TAIL": (sentences._BYLINE_TAIL, frozenset(w["byline_tail"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_a_byline_is_told_from_a_time_by_these_words() -> None:
    w = tsv.lists(*FILE)
    assert all(word[0].isupper() for word in w["weekdays_months"])
    assert all(word == word.lower() for kind in ("continuation_words", "web_suffix", "byline_small", "byline_tail")
               for word in w[kind])
    assert sentences.skip_reason("By Jane Doe, Staff Writer", 30) == ("byline", "By Jane Doe, Staff Writer")
    assert sentences.skip_reason("By Tuesday, troops had left the town.", 40) is None
