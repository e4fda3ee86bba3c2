"""The trained classifier inside `flashpoint code`: it decides which event a sentence is mostly about.

The rules are good at *where* an event is (a trigger, its clause, its status); the trained model
(`flashpoint.models`) reads the whole sentence with the actor and recipient marked. Where a sentence holds several
asserted events of different types ("police arrested the leaders after protesters burned tyres"), each is read with
its own actor and recipient marked, and the model's probability of its type lifts its confidence (never lowers it),
so the main event ranks first.

The model does not re-type what the rules found. Measured on the PLOVER gold records with models that never saw the
record scored (`bench/bench_plover.py --gsr-folds`, see training/MODEL_CARD.md): where the rules find a single
event and the model disagrees with it, the rules were right 4 times as often as the model, at every confidence
threshold; ranking alone lifts top-1 accuracy with no loss of recall.

Every reading is written to the event's notes (`--explain`). `--model rules` skips this stage.
"""

from __future__ import annotations

from flashpoint.records import Event, Story


class ModelStage:
    name = "model"

    def __init__(self, fast: bool = False) -> None:
        self.fast = fast
        self._model = None

    @property
    def model(self):
        if self._model is None:
            from flashpoint.models import load

            self._model = load(fast=self.fast)
        return self._model

    def __call__(self, story: Story) -> Story:
        several: list[Event] = []
        for sentence in story.sentences:
            asserted = [e for e in sentence.events if e.status == "asserted"]
            if len({e.event_type for e in asserted}) > 1:
                several += asserted
        if not several:
            return story
        predictions = self.model.predict(
            [e.sentence for e in several],
            [[(a.start, a.end) for a in e.actor] for e in several],
            [[(a.start, a.end) for a in e.recipient] for e in several],
        )
        label = "fast" if self.fast else "encoder"
        for event, pred in zip(several, predictions, strict=True):
            p = pred.probabilities.get(event.event_type, 0.0)
            if p > event.confidence:
                event.confidence = p
                event.notes.append(f"model: {event.event_type} is this sentence's main event ({label}, p={p:.2f})")
            else:
                event.notes.append(f"model: {event.event_type} p={p:.2f} ({label}; confidence left to the rules)")
        return story
