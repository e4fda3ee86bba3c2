"""status_words.tsv: the status stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import status
from flashpoint.text.tokens import verb_forms

FILE = ("flashpoint.extract", "status_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("claim_adverbs", "_CLAIM_ADVERBS"), ("be_forms", "_BE_FORMS"), ("asked_noun_words", "_ASKED_NOUN_WORDS"),
    ("proposal_words", "_PROPOSAL_WORDS"), ("auxiliaries", "_AUXILIARIES"), ("right_phrases", "_RIGHT_PHRASES"),
    ("noun_ings", "_NOUN_INGS"), ("noun_triggers", "_NOUN_TRIGGERS"), ("claim_verbs", "_CLAIM_VERBS"),
    ("charge_heads", "_CHARGE_HEADS"), ("undergo_words", "_UNDERGO_WORDS"), ("relative_pronouns", "_RELATIVE_PRONOUNS"),
    ("statement_types", "_STATEMENT_TYPES"), ("charge_verbs", "_CHARGE_VERBS"),
    ("clause_verbs", "_CLAUSE_VERBS"), ("pattern_types", "_PATTERN_TYPES"), ("prepositions", "_PREPOSITIONS"),
    ("speech_verbs", "_SPEECH_VERBS"), ("topic_verbs", "_TOPIC_VERB_FORMS"), ("right_given", "_RIGHT_GIVEN"),
    ("right_occurring", "_RIGHT_OCCURRING"), ("tell_words", "_TELL_WORDS"),
    ("undergone_starts", "_UNDERGONE_STARTS"), ("claim_sources", "_CLAIM_SOURCES"), ("month_before", "_MONTH_BEFORE"),
    ("wh_words", "_WH_WORDS"),
)


def test_the_lists_are_what_status_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_CLAIM_ADVERBS": (status._CLAIM_ADVERBS, set(w["claim_adverbs"])),
        "_BE_FORMS": (status._BE_FORMS, set(w["be_forms"])),
        "_ASKED_NOUN_WORDS": (status._ASKED_NOUN_WORDS, frozenset(w["asked_noun_words"])),
        "_PROPOSAL_WORDS": (status._PROPOSAL_WORDS, frozenset(w["proposal_words"])),
        "_AUXILIARIES": (status._AUXILIARIES, set(w["auxiliaries"])),
        "_RIGHT_PHRASES": (status._RIGHT_PHRASES, tuple(w["right_phrases"])),
        "_NOUN_INGS": (status._NOUN_INGS, set(w["noun_ings"])),
        "_NOUN_TRIGGERS": (status._NOUN_TRIGGERS, set(w["noun_triggers"])),
        "_CLAIM_VERBS": (status._CLAIM_VERBS, set(w["claim_verbs"])),
        "_CHARGE_HEADS": (status._CHARGE_HEADS, frozenset(w["charge_heads"])),
        "_UNDERGO_WORDS": (status._UNDERGO_WORDS, frozenset(w["undergo_words"])),
        "_RELATIVE_PRONOUNS": (status._RELATIVE_PRONOUNS, frozenset(w["relative_pronouns"])),
        "_STATEMENT_TYPES": (status._STATEMENT_TYPES, frozenset(t.upper() for t in w["statement_types"])),
        "_PATTERN_TYPES": (status._PATTERN_TYPES, frozenset(t.upper() for t in w["pattern_types"])),
        "_CHARGE_VERBS": (status._CHARGE_VERBS, frozenset(w["charge_verbs"])),
        "_CLAUSE_VERBS": (status._CLAUSE_VERBS, frozenset(w["clause_verbs"])),
        "_PREPOSITIONS": (status._PREPOSITIONS, frozenset(w["prepositions"])),
        "_SPEECH_VERBS": (status._SPEECH_VERBS, frozenset(w["speech_verbs"])),
        "_TOPIC_VERB_FORMS": (status._TOPIC_VERB_FORMS, frozenset(f for v in w["topic_verbs"] for f in verb_forms(v))),
        "_RIGHT_GIVEN": (status._RIGHT_GIVEN, frozenset(w["right_given"])),
        "_RIGHT_OCCURRING": (status._RIGHT_OCCURRING, frozenset(w["right_occurring"])),
        "_TELL_WORDS": (status._TELL_WORDS, frozenset(w["tell_words"])),
        "_UNDERGONE_STARTS": (status._UNDERGONE_STARTS, frozenset(w["undergone_starts"])),
        "_CLAIM_SOURCES": (status._CLAIM_SOURCES, frozenset(w["claim_sources"])),
        "_MONTH_BEFORE": (status._MONTH_BEFORE, frozenset(w["month_before"])),
        "_WH_WORDS": (status._WH_WORDS, frozenset(w["wh_words"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_the_words_are_lower_case_and_no_cue_phrase_is_an_auxiliary() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() for words in w.values() for word in words)
    assert not set(w["auxiliaries"]) & set(w["right_phrases"])
    assert set(w["be_forms"]) <= set(w["auxiliaries"])  # "talks were expected to resume" as "talks are ..."
    assert all(word.endswith("ing") for word in w["noun_ings"])
