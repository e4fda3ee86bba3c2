"""Coding on several processes gives the same records, in the same order, as coding in one."""

from flashpoint import pipeline, workers
from flashpoint.pipeline import Model
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
    assert sum(len(r.records) for _, r in one) >= 20
    assert all(r.error is None and not r.warnings and r.sentences == 1 for _, r in one)


def test_an_internal_error_is_returned_not_raised(monkeypatch):
    class Broken:
        def __call__(self, story):
            raise RuntimeError("boom")

    monkeypatch.setitem(pipeline._PIPELINES, Model.encoder, Broken())
    [(story, result)] = list(workers.code_stories(iter(stories()[:1]), workers=1))
    assert story.id == "s0" and result.error and "boom" in result.error and result.records == []


def test_workers_are_spawned_once_this_process_holds_the_encoder():
    from flashpoint import models

    models.load()  # an onnxruntime session must not be forked
    assert models.loaded()
    some = stories()[:12]  # more than workers.SMALL_INPUT: a pool is started
    one = [r for _, r in workers.code_stories(iter(some), workers=1)]
    two = [r for _, r in workers.code_stories(iter(some), workers=2)]
    assert two == one
    protest = [e for r in two for e in r.records
               if e["sentence"].startswith("Thousands") and e["event_type"] == "PROTEST"]
    assert protest and protest[0]["confidence"] > 0.9  # the rules alone give 0.7: the workers ran the encoder


def test_coding_in_two_orders_in_one_process_gives_the_same_records():
    """No stage keeps state from one story for the next: a story's records do not depend on what was coded before."""
    texts = [
        "KABUL, June 3 - Gunmen killed four aid workers in Kunduz on Monday, officials said.",
        "Police fired tear gas at protesters in Nairobi on Tuesday, injuring 12 people.",
        "Troops shelled villages near Kunduz, and rebels attacked a convoy outside Nairobi.",
        "The minister met his Chinese counterpart in Paris on Friday to discuss the attack in Kunduz.",
    ]

    def coded(order: list[int]) -> dict[str, list[dict]]:
        batch = [story_from_text(texts[i], date="2021-06-03", story_id=f"k{i}") for i in order]
        return {s.id: r.records for s, r in workers.code_stories(iter(batch), workers=1)}

    forward, backward = coded([0, 1, 2, 3]), coded([3, 2, 1, 0])
    assert forward == backward
    assert sum(len(r) for r in forward.values()) >= 4
