"""The model stage: the rules find events, the trained classifier says which one a sentence is mostly about."""

from __future__ import annotations

import pytest

from flashpoint import Pipeline
from flashpoint.extract.model import ModelStage
from flashpoint.models import Prediction
from flashpoint.records import Event, Sentence, Story, Trigger


class Scripted:
    """A classifier that answers from a table: sentence text -> {type: probability}."""

    def __init__(self, table: dict[str, dict[str, float]]) -> None:
        self.table = table
        self.calls: list[tuple[str, list, list]] = []

    def predict(self, texts, actors, recipients):
        out = []
        for text, a, r in zip(texts, actors, recipients, strict=True):
            self.calls.append((text, a, r))
            probs = self.table[text]
            best = max(probs, key=probs.get)
            out.append(Prediction(event_type=best, mode=None, confidence=probs[best], probabilities=probs))
        return out


def _story(text: str, *types_and_status: tuple[str, str]) -> Story:
    sentence = Sentence(text=text, index=0, start=0)
    for event_type, status in types_and_status:
        sentence.events.append(Event(story_id="t", sentence_index=0, sentence=text, event_type=event_type,
                                     trigger=Trigger(text=text.split()[1], start=0, end=1), status=status))
    return Story(id="t", text=text, sentences=[sentence])


def _stage(table: dict[str, dict[str, float]]) -> tuple[ModelStage, Scripted]:
    stage = ModelStage()
    stage._model = Scripted(table)
    return stage, stage._model


def test_a_single_event_is_left_to_the_rules() -> None:
    text = "Rebels shelled the town overnight."
    stage, model = _stage({text: {"ASSAULT": 0.99}})
    story = stage(_story(text, ("COERCE", "asserted")))
    assert story.sentences[0].events[0].event_type == "COERCE"
    assert model.calls == []


def test_non_asserted_events_are_not_ranked() -> None:
    text = "The army may shell the town after protesters marched."
    stage, model = _stage({text: {"ASSAULT": 0.99}})
    story = stage(_story(text, ("ASSAULT", "hypothetical"), ("PROTEST", "asserted")))
    assert [e.confidence for e in story.sentences[0].events] == [0.5, 0.5]
    assert model.calls == []


def test_several_events_are_ranked_not_retyped() -> None:
    text = "Police arrested the leaders after protesters burned tyres."
    stage, model = _stage({text: {"COERCE": 0.8, "PROTEST": 0.2}})
    story = stage(_story(text, ("PROTEST", "asserted"), ("COERCE", "asserted")))
    protest, coerce = story.sentences[0].events
    assert (protest.event_type, coerce.event_type) == ("PROTEST", "COERCE")
    assert coerce.confidence == pytest.approx(0.8)
    assert protest.confidence == pytest.approx(0.5)  # a low model probability never lowers the rules' confidence
    assert any("main event" in note for note in coerce.notes)
    assert len(model.calls) == 2  # each event read with its own actor and recipient


@pytest.mark.parametrize("model", ["encoder", "fast"])
def test_shipped_models_code_an_attack(model: str) -> None:
    story = Pipeline(model=model)(Story(id="s", text="Rebels attacked an army base near the border on Sunday.",
                                        date="2024-05-06"))
    events = [e for s in story.sentences for e in s.events]
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].coder.endswith(f"({model})")
