"""The trained classifier inside `flashpoint code`: it re-reads the event type of what the rules found.

The rules are good at *where* an event is (a trigger, its clause, its status) and weak at *which* type a phrase means
in context ("backed away from", "hit out at"); the trained model (`flashpoint.models`) reads the whole sentence with
the actor and recipient marked. So the rules propose and the model decides the type, only where that is safe:

- a sentence with one rule event (with several, the model cannot tell which one it is reading: "threatened to expel"
  is a THREATEN and a threatened SANCTION, and both would get one label);
- the model is confident (`min_confidence`), and its type is one the sentence's status allows (a negated or
  hypothetical event keeps the rules' type: the model was trained on what happened).

Where a sentence holds several asserted events of different types, the model cannot relabel them, but it can say
which of them the sentence is mostly about: each is read with its own actor and recipient marked, and the model's
probability of its type lifts its confidence (never lowers it), so the main event ranks first.

Every change is written to the event's notes (`--explain`). `--rules` skips this stage.
"""

from __future__ import annotations

from flashpoint import ontology
from flashpoint.records import Event, Story


class ModelStage:
    name = "model"

    def __init__(self, fast: bool = False, min_confidence: float = 0.6) -> None:
        self.fast = fast
        self.min_confidence = min_confidence
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from flashpoint.models import load

            self._model = load(fast=self.fast)
        return self._model

    def _predict(self, events: list[Event]) -> list:
        return self.model.predict(
            [e.sentence for e in events],
            [[(a.start, a.end) for a in e.actor] for e in events],
            [[(a.start, a.end) for a in e.recipient] for e in events],
        )

    def __call__(self, story: Story) -> Story:
        single: list[Event] = []
        several: list[Event] = []
        for sentence in story.sentences:
            asserted = [e for e in sentence.events if e.status == "asserted"]
            if len(sentence.events) == 1 and asserted:
                single += asserted
            elif len(asserted) > 1 and len({e.event_type for e in asserted}) > 1:
                several += asserted
        if single or several:
            predictions = self._predict(single + several)
            self._retype(single, predictions[: len(single)])
            self._rank(several, predictions[len(single):])
        return story

    def _rank(self, events: list[Event], predictions: list) -> None:
        for event, pred in zip(events, predictions, strict=True):
            p = pred.probabilities.get(event.event_type, 0.0)
            if p > event.confidence:
                event.confidence = p
                event.notes.append(f"model: {event.event_type} is this sentence's main event (p={p:.2f})")

    def _retype(self, events: list[Event], predictions: list) -> None:
        for event, pred in zip(events, predictions, strict=True):
            label = f"{'fast' if self.fast else 'encoder'} model"
            if pred.event_type == event.event_type or pred.confidence < self.min_confidence:
                event.notes.append(f"model: keeps {event.event_type} ({label}: {pred.event_type} "
                                   f"{pred.confidence:.2f})")
                continue
            old = event.event_type
            event.event_type = pred.event_type
            if event.mode is not None and not ontology.is_valid(pred.event_type, event.mode):
                event.mode = pred.mode
            event.confidence = max(event.confidence, pred.confidence)
            event.notes.append(f"model: {old} -> {pred.event_type} ({label}, p={pred.confidence:.2f})")
