"""data/locate_words.tsv: the event locator's word lists are well-formed, and are the lists it uses."""

from __future__ import annotations

import importlib

from flashpoint import tsv

locate = importlib.import_module("flashpoint.geo.locate")  # the module, not the package's locate() function
FILE = ("flashpoint.geo", "data/locate_words.tsv")


def test_rows_are_a_list_name_and_words_and_no_word_twice_in_a_list() -> None:
    seen: dict[str, list[str]] = {}
    for row in tsv.rows(*FILE):
        assert len(row) == 2 and row[0].isidentifier() and row[1], row
        seen.setdefault(row[0], []).extend(row[1].split())
    for name, words in seen.items():
        assert len(words) == len(set(words)), (name, sorted({w for w in words if words.count(w) > 1}))


def test_the_lists_are_what_the_locator_uses() -> None:
    loaded = {name: frozenset(w for line in lines for w in line.split()) for name, lines in tsv.lists(*FILE).items()}
    assert locate._lexicon() == loaded
    assert loaded["subject_gap"] | locate._BE == locate._SUBJECT_GAP
    assert loaded["prep"] == locate._PREP and loaded["say"] == locate._SAY
    assert {"also", "reportedly", "was"} <= locate._SUBJECT_GAP and "said" not in locate._SUBJECT_GAP
