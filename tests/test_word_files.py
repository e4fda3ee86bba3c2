"""The `kind<TAB>word` knowledge files: well-formed, each kind says what it is for, and each feeds the code it names.

One test for every such file, so that each module's own word-file test keeps only what is particular to it (the
values a kind must hold, how lists relate). A comment `# kind (_NAME ...)` names the module constant that the kind
feeds; every word of the kind must be in it, compared case-folded (a constant may also take other kinds, the forms
of a verb, or hold one list per key).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection

import pytest

from flashpoint import tsv

WORD_FILES = [  # (package, file, module whose constants the kinds feed)
    ("flashpoint.extract", "actors_words.tsv", "flashpoint.extract.actors"),
    ("flashpoint.extract", "attribution_words.tsv", "flashpoint.extract.attribution"),
    ("flashpoint.extract", "events_words.tsv", "flashpoint.extract.events"),
    ("flashpoint.extract", "link_words.tsv", "flashpoint.extract.link"),
    ("flashpoint.extract", "people_words.tsv", "flashpoint.extract.people"),
    ("flashpoint.extract", "places_words.tsv", "flashpoint.extract.places"),
    ("flashpoint.extract", "quantities_words.tsv", "flashpoint.extract.quantities"),
    ("flashpoint.extract", "status_words.tsv", "flashpoint.extract.status"),
    ("flashpoint.geo", "data/parse_words.tsv", "flashpoint.geo.parse"),
    ("flashpoint.text", "sentences_words.tsv", "flashpoint.text.sentences"),
]
_NAMED = re.compile(r"^# ([a-z_0-9]+) \((_?[A-Z][A-Z_0-9]*)", re.M)


@pytest.mark.parametrize("package, name, module", WORD_FILES, ids=[f for _, f, _ in WORD_FILES])
def test_rows_are_kind_and_word_each_kind_described_and_no_word_twice(package: str, name: str, module: str) -> None:
    rows = tsv.rows(package, name)
    assert rows and all(len(r) == 2 and all(r) for r in rows), [r for r in rows if len(r) != 2 or not all(r)]
    assert len(rows) == len({tuple(r) for r in rows}), "a word listed twice under one kind"
    described = {kind for kind, _ in _NAMED.findall(tsv.text(package, name))}
    assert {kind for kind, _ in rows} <= described, "each kind says what it is for and which constant it feeds"


@pytest.mark.parametrize("package, name, module", WORD_FILES, ids=[f for _, f, _ in WORD_FILES])
def test_every_kind_feeds_the_constant_it_names(package: str, name: str, module: str) -> None:
    code = importlib.import_module(module)
    words = tsv.lists(package, name)
    for kind, constant in _NAMED.findall(tsv.text(package, name)):
        value = getattr(code, constant)
        if isinstance(value, dict):  # one list per key ("of": verbs passive with "of", "with": ...)
            value = {w for v in value.values() for w in v}
        assert isinstance(value, Collection), constant
        have = {str(w).casefold() for w in value}  # some constants hold their words folded
        missing = sorted(w for w in words[kind] if w.casefold() not in have)
        assert not missing, (kind, constant, missing[:5])
