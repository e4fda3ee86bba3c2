"""The model stage: the rules propose events, the trained classifier re-reads their type or ranks them."""

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


def _stage(table: dict[str, dict[str, float]], min_confidence: float = 0.6) -> tuple[ModelStage, Scripted]:
    stage = ModelStage(min_confidence=min_confidence)
    stage._model = Scripted(table)
    return stage, stage._model


def test_single_asserted_event_takes_a_confident_model_type() -> None:
    text = "Rebels shelled the town overnight."
    stage, _ = _stage({text: {"ASSAULT": 0.9, "COERCE": 0.1}})
    story = stage(_story(text, ("COERCE", "asserted")))
    event = story.sentences[0].events[0]
    assert event.event_type == "ASSAULT"
    assert any("COERCE -> ASSAULT" in note for note in event.notes)


def test_unsure_model_keeps_the_rules_type() -> None:
    text = "Rebels shelled the town overnight."
    stage, _ = _stage({text: {"ASSAULT": 0.55, "COERCE": 0.45}})
    story = stage(_story(text, ("COERCE", "asserted")))
    assert story.sentences[0].events[0].event_type == "COERCE"


def test_non_asserted_events_are_not_retyped() -> None:
    text = "The army may shell the town."
    stage, model = _stage({text: {"ASSAULT": 0.99}})
    story = stage(_story(text, ("COERCE", "hypothetical")))
    assert story.sentences[0].events[0].event_type == "COERCE"
    assert model.calls == []


def test_several_events_are_ranked_not_retyped() -> None:
    text = "Police arrested the leaders after protesters burned tyres."
    stage, _ = _stage({text: {"COERCE": 0.8, "PROTEST": 0.2}})
    story = stage(_story(text, ("PROTEST", "asserted"), ("COERCE", "asserted")))
    protest, coerce = story.sentences[0].events
    assert (protest.event_type, coerce.event_type) == ("PROTEST", "COERCE")
    assert coerce.confidence == pytest.approx(0.8)
    assert protest.confidence == pytest.approx(0.5)  # a low model probability never lowers the rules' confidence


@pytest.mark.parametrize("model", ["encoder", "fast"])
def test_shipped_models_code_an_attack(model: str) -> None:
    story = Pipeline(model=model)(Story(id="s", text="Rebels attacked an army base near the border on Sunday.",
                                        date="2024-05-06"))
    events = [e for s in story.sentences for e in s.events]
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].coder.endswith(f"({model})")
