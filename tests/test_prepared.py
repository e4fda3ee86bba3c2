"""Prepared objects: what comes back from the cache behaves exactly as what was built."""

import re

from flashpoint import prepared
from flashpoint.extract import quantities


def test_cached_patterns_match_like_freshly_compiled_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    built = prepared.load("quantities", quantities._Patterns)  # built, then stored
    assert list(tmp_path.glob("quantities-*.pickle"))
    loaded = prepared.load("quantities", quantities._Patterns)  # from the file: no compiling
    assert loaded is not built
    texts = ["Police arrested 12 protesters and killed two men on Monday.", "at least 3,000 people marched",
             "Gunmen shot dead a 25-year-old man; four others were wounded.", "nothing here"]
    for name, pattern in vars(built).items():
        if isinstance(pattern, re.Pattern):
            again = getattr(loaded, name)
            assert again.pattern == pattern.pattern and again.groupindex == pattern.groupindex
            for text in texts:
                assert [m.span() for m in again.finditer(text)] == [m.span() for m in pattern.finditer(text)], name


def test_a_damaged_cache_file_is_rebuilt_and_off_means_off(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"word": re.compile(r"\bword\b")}

    build.__module__ = __name__
    assert prepared.load("test", build)["word"].search("a word")
    [path] = tmp_path.glob("test-*.pickle")
    path.write_bytes(b"not a pickle")
    assert prepared.load("test", build)["word"].search("a word") and len(calls) == 2
    assert prepared.load("test", build) and len(calls) == 2  # stored again, then read
    monkeypatch.setenv("FLASHPOINT_CACHE", "off")
    assert prepared.load("test", build) and len(calls) == 3


def test_the_prepared_gazetteer_is_the_built_one(tmp_path, monkeypatch):
    from flashpoint.geo import gazetteer

    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    built = prepared.load("gazetteer", gazetteer._build, also=("geo/data", "knowledge"))
    loaded = prepared.load("gazetteer", gazetteer._build, also=("geo/data", "knowledge"))
    assert loaded is not built
    for field in ("lines", "index", "extra", "demonyms", "country_row", "admin1_row", "us_postal", "prefer", "common"):
        assert getattr(loaded, field) == getattr(built, field), field
    assert loaded.place(loaded.country_row["KEN"]).name == built.place(built.country_row["KEN"]).name
