"""link_words.tsv: the linking stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import link

FILE = ("flashpoint.extract", "link_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("noun_heads", "_NOUN_HEADS"), ("object_of", "_OBJECT_OF"), ("front", "_FRONT"),
    ("determiners", "_DETERMINERS"), ("prepositions", "_PREPOSITIONS"), ("number_words", "_NUMBER_WORDS"),
)


def test_the_lists_are_what_link_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_NOUN_HEADS": (link._NOUN_HEADS, set(w["noun_heads"])),
        "_OBJECT_OF": (link._OBJECT_OF, set(w["object_of"])),
        "_FRONT": (link._FRONT, set(w["front"])),
        "_DETERMINERS": (link._DETERMINERS, set(w["determiners"])),
        "_PREPOSITIONS": (link._PREPOSITIONS, set(w["prepositions"])),
        "_NUMBER_WORDS": (link._NUMBER_WORDS, set(w["number_words"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_the_words_are_lower_case_single_words() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() and word.isalpha() for words in w.values() for word in words)
    assert "murder" in w["noun_heads"] and "in" in w["object_of"]
