"""attribution_words.tsv: the attribution stage's word lists are well-formed, and are the lists the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import attribution

FILE = ("flashpoint.extract", "attribution_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("reporting_verbs", "_VERBS"),
    ("claim_verbs", "CLAIM_VERBS"), ("boundary_words", "_BOUNDARY_WORDS"), ("inner", "_INNER"),
    ("pronoun", "_PRONOUN")
)


def test_the_lists_are_what_attribution_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "CLAIM_VERBS": (attribution.CLAIM_VERBS, frozenset(w["claim_verbs"])),
        "_BOUNDARY_WORDS": (attribution._BOUNDARY_WORDS, frozenset(w["boundary_words"])),
        "_INNER": (attribution._INNER, frozenset(w["inner"])),
        "_PRONOUN": (attribution._PRONOUN, frozenset(w["pronoun"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_the_reporting_verbs_are_the_verbs_and_claims_of_the_pattern() -> None:
    w = tsv.lists(*FILE)
    assert sorted(attribution._VERBS) == sorted(set(w["reporting_verbs"]) | set(w["claim_verbs"]))
    assert [len(v) for v in attribution._VERBS] == sorted((len(v) for v in attribution._VERBS), reverse=True)
    assert not set(w["reporting_verbs"]) & set(w["claim_verbs"])


def test_the_words_are_lower_case() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() for words in w.values() for word in words)
