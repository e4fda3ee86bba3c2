"""data/parse_words.tsv (and the months of data/story_words.tsv): the place-name recogniser's word lists are
well-formed, and are the lists it uses."""

from __future__ import annotations

import importlib

from flashpoint import tsv
from flashpoint.geo.gazetteer import fold

parse = importlib.import_module("flashpoint.geo.parse")
story = importlib.import_module("flashpoint.geo.story")
FILE = ("flashpoint.geo", "data/parse_words.tsv")


def test_the_lists_are_what_the_recogniser_uses() -> None:
    w = tsv.lists(*FILE)
    assert frozenset(w["connect"]) == parse._CONNECT
    assert frozenset(w["locative"]) == parse._LOCATIVE
    assert frozenset(w["modifiers"] + w["titles"]) == parse._MODIFIERS and frozenset(w["titles"]) == parse._TITLES
    assert frozenset(fold(x) for x in w["time"]) == parse._TIME_WORDS
    assert frozenset(fold(x) for x in w["time"] + w["never"]) == parse._NEVER
    assert {"march", "monday", "sept"} <= parse._TIME_WORDS and "street" in parse._NEVER


def test_months_are_no_dateline_region() -> None:
    months = tsv.lists("flashpoint.geo", "data/story_words.tsv")["month"]
    assert frozenset(fold(x) for x in months) == story._MONTHS and "march" in story._MONTHS


def test_every_weekday_abbreviation_is_a_time_word() -> None:
    """A name ends before any weekday, abbreviated or not ("in Dayton Sat. night"), and none is a place."""
    for day in ("Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun"):
        assert fold(day) in parse._TIME_WORDS and fold(day) in parse._NEVER, day
    assert [m.text for m in parse.recognise("Shots were fired in Dayton Sat. night.")] == ["Dayton"]
