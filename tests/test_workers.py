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
    "Thousands protested in Lagos on Tuesday and police arrested 40 of them.",  # two events: the encoder ranks them
] * 5


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

    monkeypatch.setitem(workers._PIPELINES, "encoder", Broken())
    [(story, result)] = list(workers.code_stories(iter(stories()[:1]), workers=1))
    assert story.id == "s0" and isinstance(result, str) and "boom" in result


def test_workers_are_spawned_once_this_process_holds_the_encoder(monkeypatch):
    from flashpoint import models

    models.load()  # an onnxruntime session must not be forked
    assert models.loaded()
    one = [r for _, r in workers.code_stories(iter(stories()[:6]), workers=1)]
    two = [r for _, r in workers.code_stories(iter(stories()[:6]), workers=2)]
    assert two == one
    protest = [e for r in two for e in r if e["sentence"].startswith("Thousands") and e["event_type"] == "PROTEST"]
    assert protest and protest[0]["confidence"] > 0.9  # the rules alone give 0.7: the workers ran the encoder
