"""people_words.tsv: the person-name stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import people

FILE = ("flashpoint.extract", "people_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("object_preps", "_OBJECT_PREPS"), ("common_starts", "_COMMON_STARTS"), ("role_nouns", "_ROLE_NOUNS")
)


def test_the_lists_are_what_people_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_OBJECT_PREPS": (people._OBJECT_PREPS, frozenset(w["object_preps"])),
        "_COMMON_STARTS": (people._COMMON_STARTS, frozenset(w["common_starts"])),
        "_ROLE_NOUNS": (people._ROLE_NOUNS, tuple(w["role_nouns"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_the_words_are_lower_case_single_words() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() and word.isalpha() for words in w.values() for word in words)
    assert "victim" in w["role_nouns"] and "into" in w["object_preps"]
