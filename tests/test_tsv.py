"""The one reader of the knowledge files (flashpoint.tsv), on the files shipped in the package."""

from __future__ import annotations

import pytest

from flashpoint import tsv


def test_rows_skip_comments_and_blank_lines_and_strip_cells() -> None:
    rows = tsv.rows("flashpoint.text", "abbreviations.tsv")
    assert rows and all(r[0] and not r[0].startswith("#") for r in rows)
    assert all(c == c.strip() for r in rows for c in r)
    assert ["Mr", "title"] in rows


def test_rows_header_width_and_extra() -> None:
    fips = tsv.rows("flashpoint.store", "fips.tsv", header=True)
    assert fips[0] != tsv.rows("flashpoint.store", "fips.tsv")[0]  # the header line is dropped
    padded = tsv.rows("flashpoint.text", "abbreviations.tsv", width=5)
    assert all(len(r) == 5 for r in padded)
    with pytest.raises(ValueError):
        tsv.rows("flashpoint.text", "boilerplate.tsv", width=2)
    assert all(len(r) == 2 for r in tsv.rows("flashpoint.text", "boilerplate.tsv", width=2, extra="drop"))


def test_words_keep_each_line_whole() -> None:
    words = tsv.words("flashpoint.text", "sentence_starters.txt")
    assert "The" in words and "He" in words
    assert not any(w.startswith("#") or w != w.strip() or not w for w in words)
    lines = tsv.text("flashpoint.text", "sentence_starters.txt").splitlines()
    assert len(words) == sum(1 for ln in lines if ln.strip() and not ln.startswith("#"))


def test_lists_group_words_by_kind_in_file_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tsv, "text", lambda package, name: "# kinds\nverb\tsaid\nnoun\tpolice\nverb\ttold\n")
    assert tsv.lists("flashpoint.extract", "any.tsv") == {"verb": ["said", "told"], "noun": ["police"]}
    monkeypatch.setattr(tsv, "text", lambda package, name: "verb\tsaid\textra\n")
    with pytest.raises(ValueError):
        tsv.lists("flashpoint.extract", "any.tsv")
    monkeypatch.setattr(tsv, "text", lambda package, name: "verb\n")
    with pytest.raises(ValueError):
        tsv.lists("flashpoint.extract", "any.tsv")
