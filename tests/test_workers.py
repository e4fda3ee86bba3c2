"""Coding on several processes gives the same records, in the same order, as coding in one."""

from flashpoint import workers
from flashpoint.records import Story
from flashpoint.text.readers import story_from_text

TEXTS = [
    "Police arrested 12 protesters in Nairobi on Monday.",
    "The government may expel the ambassador.",
    "Nothing happened here.",
    "Soldiers killed five villagers near Mosul on Friday, officials said.",
    "Protesters marched in Santiago on Sunday.",
] * 6


def stories() -> list[Story]:
    return [story_from_text(t, date="2023-03-22", story_id=f"s{i}") for i, t in enumerate(TEXTS)]


def test_two_workers_match_one_in_input_order():
    one = [(s.id, r) for s, r in workers.code_stories(iter(stories()), workers=1)]
    two = [(s.id, r) for s, r in workers.code_stories(iter(stories()), workers=2, chunksize=3)]
    assert [i for i, _ in two] == [f"s{i}" for i in range(len(TEXTS))]
    assert two == one
    assert sum(len(r) for _, r in one) >= 20


def test_an_internal_error_is_returned_not_raised(monkeypatch):
    class Broken:
        def __call__(self, story):
            raise RuntimeError("boom")

    monkeypatch.setitem(workers._PIPELINES, "rules", Broken())
    [(story, result)] = list(workers.code_stories(iter(stories()[:1]), workers=1))
    assert story.id == "s0" and isinstance(result, str) and "boom" in result


def test_encoder_keeps_one_process():
    assert workers.default_workers("encoder") == 1
    assert workers.default_workers("rules") >= 1
