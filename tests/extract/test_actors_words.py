"""actors_words.tsv: the actor stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import actors

FILE = ("flashpoint.extract", "actors_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("loc_country", "_LOC_COUNTRY"), ("loc_city_more", "_LOC_CITY"), ("waters", "_WATERS"),
    ("place_words", "_PLACE_WORDS"), ("clause_words", "_CLAUSE_WORDS"), ("place_heads", "_PLACE_HEADS"),
    ("head_skip_more", "_HEAD_SKIP"), ("group_nouns", "_GROUP_NOUNS"), ("to_heads", "_TO_HEADS"),
    ("honorifics", "_HONORIFICS"), ("time_words", "_TIME_WORDS"), ("not_names_more", "_NOT_NAMES"),
    ("openers_more", "_OPENERS"), ("name_particles", "_NAME_PARTICLES"), ("action_nouns", "ACTION_NOUNS"),
    ("institution_heads", "_INSTITUTION_HEADS"), ("not_name", "_NOT_NAME"), ("not_acronyms", "_NOT_ACRONYMS")
)


def test_the_lists_are_what_actors_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_LOC_COUNTRY": (actors._LOC_COUNTRY, frozenset(w["loc_country"])),
        "_LOC_CITY": (actors._LOC_CITY, actors._LOC_COUNTRY | frozenset(w["loc_city_more"])),
        "_WATERS": (actors._WATERS, frozenset(w["waters"])),
        "_PLACE_WORDS": (actors._PLACE_WORDS, frozenset(w["place_words"])),
        "_CLAUSE_WORDS": (actors._CLAUSE_WORDS, frozenset(w["clause_words"])),
        "_PLACE_HEADS": (actors._PLACE_HEADS, frozenset(w["place_heads"])),
        "_HEAD_SKIP": (actors._HEAD_SKIP, actors._PLACE_WORDS | frozenset(w["head_skip_more"])),
        "_GROUP_NOUNS": (actors._GROUP_NOUNS, frozenset(w["group_nouns"])),
        "_TO_HEADS": (actors._TO_HEADS, frozenset(w["to_heads"])),
        "_HONORIFICS": (actors._HONORIFICS, frozenset(w["honorifics"])),
        "_TIME_WORDS": (actors._TIME_WORDS, frozenset(w["time_words"])),
        "_NOT_NAMES": (actors._NOT_NAMES, actors._TIME_WORDS | frozenset(w["not_names_more"])),
        "_OPENERS": (actors._OPENERS, actors._NOT_NAMES | frozenset(w["openers_more"])),
        "_NAME_PARTICLES": (actors._NAME_PARTICLES, frozenset(w["name_particles"])),
        "ACTION_NOUNS": (actors.ACTION_NOUNS, frozenset(w["action_nouns"])),
        "_INSTITUTION_HEADS": (actors._INSTITUTION_HEADS, tuple(w["institution_heads"])),
        "_NOT_NAME": (actors._NOT_NAME, frozenset(w["not_name"])),
        "_NOT_ACRONYMS": (actors._NOT_ACRONYMS, frozenset(w["not_acronyms"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_lower_case_lists_are_lower_case_and_capitalised_lists_capitalised() -> None:
    w = tsv.lists(*FILE)
    for kind in ("loc_country", "loc_city_more", "waters", "place_words", "clause_words", "place_heads",
                 "head_skip_more", "group_nouns", "to_heads", "action_nouns"):
        assert all(word == word.lower() for word in w[kind]), kind
    for kind in ("honorifics", "time_words", "not_names_more", "openers_more", "institution_heads", "not_name"):
        assert all(word[0].isupper() for word in w[kind]), kind


def test_a_preposition_before_a_country_makes_it_a_place() -> None:
    assert "in" in actors._LOC_COUNTRY and "from" in actors._LOC_CITY and "from" not in actors._LOC_COUNTRY
