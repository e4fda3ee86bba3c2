"""quantities_words.tsv and quantities_numbers.tsv: the quantity stage's word lists and number words are well-formed,
and are what the stage uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.extract import quantities

FILE = ("flashpoint.extract", "quantities_words.tsv")
KINDS = (  # kind in the file, name in the code
    ("mods", "_MODS"), ("stop", "_STOP"), ("adv", "_ADV"), ("aux", "_AUX"), ("sdet", "_SDET"),
    ("not_name", "_NOT_NAME"), ("unit_words", "_UNIT_WORDS"), ("bare_after", "_BARE_AFTER"),
    ("no_object_preds", "_NO_OBJECT_PREDS"), ("weak_verbs", "_WEAK_VERBS"), ("sends", "_SENDS")
)


def test_the_lists_are_what_quantities_uses() -> None:
    w = tsv.lists(*FILE)
    pairs = {
        "_MODS": (quantities._MODS, list(w["mods"])),
        "_STOP": (quantities._STOP, list(w["stop"])),
        "_ADV": (quantities._ADV, list(w["adv"])),
        "_AUX": (quantities._AUX, list(w["aux"])),
        "_SDET": (quantities._SDET, list(w["sdet"])),
        "_NOT_NAME": (quantities._NOT_NAME, list(w["not_name"])),
        "_UNIT_WORDS": (quantities._UNIT_WORDS, list(w["unit_words"])),
        "_BARE_AFTER": (quantities._BARE_AFTER, list(w["bare_after"])),
        "_NO_OBJECT_PREDS": (quantities._NO_OBJECT_PREDS, set(w["no_object_preds"])),
        "_WEAK_VERBS": (quantities._WEAK_VERBS, set(w["weak_verbs"])),
        "_SENDS": (quantities._SENDS, set(w["sends"])),
    }
    assert set(w) == {kind for kind, _ in KINDS}
    for name, (in_code, from_file) in pairs.items():
        assert in_code == from_file, name


def test_number_words_are_three_columns_with_values_the_stage_reads() -> None:
    rows = tsv.rows("flashpoint.extract", "quantities_numbers.tsv")
    assert all(len(r) == 3 and r[0] in ("unit", "ten", "scale") and r[2].isdigit() for r in rows), rows
    assert len({r[1] for r in rows}) == len(rows)
    by_kind = {kind: {w: int(v) for k, w, v in rows if k == kind} for kind in ("unit", "ten", "scale")}
    assert by_kind["unit"] == quantities._UNITS and list(by_kind["unit"].values()) == list(range(20))
    assert by_kind["ten"] == quantities._TENS and list(by_kind["ten"].values()) == list(range(20, 100, 10))
    assert by_kind["scale"] == quantities._SCALES
    assert quantities.words_to_int("three hundred and five") == 305
    assert quantities.words_to_int("twenty-three") == 23 and quantities.words_to_int("a thousand") == 1000


def test_words_are_lower_case_but_the_names_that_are_not_names() -> None:
    w = tsv.lists(*FILE)
    assert all(word == word.lower() for kind, words in w.items() if kind != "not_name" for word in words)
    assert all(word[0].isupper() for word in w["not_name"])
