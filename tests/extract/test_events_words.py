"""events_words.tsv: the event stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import events
from flashpoint.text.tokens import verb_forms

FILE = ("flashpoint.extract", "events_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("pronouns", "_PRONOUNS"), ("month_verbs", "_MONTH_VERBS"), ("be", "_BE"), ("adverbs", "_ADVERBS"),
    ("count_words", "_COUNT_WORDS"), ("participles", "_PARTICIPLES"),
    ("active_with_for", "_ACTIVE_WITH_FOR"),
    ("passive_with_of", '_PASSIVE_WITH_PREP["of"]'), ("passive_with_with", '_PASSIVE_WITH_PREP["with"]'),
    ("kin_dets", "_KIN_DETS"), ("determiners", "DETERMINERS"), ("says", "_SAYS"), ("say_times", "_SAY_TIMES"),
    ("demand_says_more", "_DEMAND_SAYS"), ("object_prepositions", "_OBJECT_PREPOSITIONS"),
    ("light_verbs", "_LIGHT_VERBS"), ("light_verbs_irregular", "_LIGHT_VERBS"),
    ("light_fillers_more", "_LIGHT_FILLERS"), ("counts", "_COUNTS"), ("own_words", "_OWN_WORDS"),
    ("auxiliaries", "_AUXILIARIES"), ("forum", "_FORUM"), ("relative", "_RELATIVE"), ("stance", "_STANCE"),
    ("harm_nouns", "_HARM_NOUNS"), ("reflexive", "_REFLEXIVE"), ("charge", "_CHARGE"), ("finders", "_FINDERS"),
    ("of_preps", "_OF_PREPS"), ("locative", "_LOCATIVE"), ("reporting", "_REPORTING"),
    ("place_fillers", "_PLACE_FILLERS"), ("after_her", "_AFTER_HER"),
    ("relative_verb_start", "_RELATIVE_VERB_START"), ("relative_stop", "_RELATIVE_STOP"),
    ("adjective_before", "_ADJECTIVE_BEFORE"),
)


def test_the_lists_are_what_events_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_PRONOUNS": (events._PRONOUNS, set(w["pronouns"])),
        "_MONTH_VERBS": (events._MONTH_VERBS, set(w["month_verbs"])),
        "_BE": (events._BE, set(w["be"])),
        "_ADVERBS": (events._ADVERBS, set(w["adverbs"])),
        "_COUNT_WORDS": (events._COUNT_WORDS, set(w["count_words"])),
        "_PARTICIPLES": (events._PARTICIPLES, set(w["participles"])),
        "_ACTIVE_WITH_FOR": (events._ACTIVE_WITH_FOR, set(w["active_with_for"])),
        '_PASSIVE_WITH_PREP["of"]': (events._PASSIVE_WITH_PREP["of"], set(w["passive_with_of"])),
        '_PASSIVE_WITH_PREP["with"]': (events._PASSIVE_WITH_PREP["with"], set(w["passive_with_with"])),
        "_KIN_DETS": (events._KIN_DETS, frozenset(w["kin_dets"])),
        "DETERMINERS": (events.DETERMINERS, set(w["determiners"])),
        "_SAYS": (events._SAYS, set(w["says"])),
        "_SAY_TIMES": (events._SAY_TIMES, set(w["say_times"])),
        "_DEMAND_SAYS": (events._DEMAND_SAYS, events._SAYS | frozenset(w["demand_says_more"])),
        "_OBJECT_PREPOSITIONS": (events._OBJECT_PREPOSITIONS, set(w["object_prepositions"])),
        "_LIGHT_VERBS": (events._LIGHT_VERBS, frozenset(f for v in w["light_verbs"] for f in verb_forms(v))
                         | set(w["light_verbs_irregular"])),
        "_LIGHT_FILLERS": (events._LIGHT_FILLERS, events.DETERMINERS | frozenset(w["light_fillers_more"])),
        "_COUNTS": (events._COUNTS, frozenset(w["counts"])),
        "_OWN_WORDS": (events._OWN_WORDS, frozenset(w["own_words"])),
        "_AUXILIARIES": (events._AUXILIARIES, frozenset(w["auxiliaries"])),
        "_ADJECTIVE_BEFORE": (events._ADJECTIVE_BEFORE, frozenset(w["adjective_before"])),
        "_FORUM": (events._FORUM, frozenset(w["forum"])),
        "_RELATIVE": (events._RELATIVE, frozenset(w["relative"])),
        "_STANCE": (events._STANCE, frozenset(w["stance"])),
        "_HARM_NOUNS": (events._HARM_NOUNS, frozenset(w["harm_nouns"])),
        "_REFLEXIVE": (events._REFLEXIVE, frozenset(w["reflexive"])),
        "_CHARGE": (events._CHARGE, frozenset(w["charge"])),
        "_FINDERS": (events._FINDERS, frozenset(w["finders"])),
        "_OF_PREPS": (events._OF_PREPS, frozenset(w["of_preps"])),
        "_LOCATIVE": (events._LOCATIVE, frozenset(w["locative"])),
        "_REPORTING": (events._REPORTING, frozenset(w["reporting"])),
        "_PLACE_FILLERS": (events._PLACE_FILLERS, frozenset(w["place_fillers"])),
        "_AFTER_HER": (events._AFTER_HER, frozenset(w["after_her"])),
        "_RELATIVE_VERB_START": (events._RELATIVE_VERB_START, frozenset(w["relative_verb_start"])),
        "_RELATIVE_STOP": (events._RELATIVE_STOP, frozenset(w["relative_stop"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_light_verbs_are_read_in_every_form() -> None:
    w = tsv.lists(*FILE)
    assert {"hold", "holds", "holding", "issued"} <= events._LIGHT_VERBS
    assert set(w["light_verbs_irregular"]) <= events._LIGHT_VERBS


def test_words_are_lower_case_but_the_months() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() for kind, words in w.items() if kind != "month_verbs" for word in words)
    assert all(word[0].isupper() for word in w["month_verbs"])
