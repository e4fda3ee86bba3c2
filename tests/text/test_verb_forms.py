"""verb_forms.tsv: the verb forms the rules cannot build are well-formed, and are what verb_forms uses."""

from __future__ import annotations

from flashpoint import tsv
from flashpoint.text import tokens
from flashpoint.text.tokens import verb_forms

FILE = ("flashpoint.text", "verb_forms.tsv")


def test_rows_are_kind_base_and_forms_with_no_verb_twice() -> None:
    rows = tsv.rows(*FILE, width=3)
    assert rows and all(kind in ("irregular", "doubling") and base.isalpha() and base == base.lower()
                        for kind, base, _ in rows)
    assert all(not forms for kind, _, forms in rows if kind == "doubling")
    for kind in ("irregular", "doubling"):
        bases = [base for k, base, _ in rows if k == kind]
        assert len(bases) == len(set(bases)), kind


def test_the_table_is_what_verb_forms_uses() -> None:
    rows = tsv.rows(*FILE, width=3)
    assert {b: tuple(f.split()) for k, b, f in rows if k == "irregular"} == tokens._IRREGULAR
    assert {b for k, b, _ in rows if k == "doubling"} == tokens._DOUBLING
    assert {"strike", "struck", "stricken", "striking", "strikes"} <= verb_forms("strike")
    assert {"committed", "committing"} <= verb_forms("commit") and "commited" not in verb_forms("commit")
    assert verb_forms("sign") == {"sign", "signs", "signed", "signing"}
