"""The pipeline: a list of named stages, each `Story -> Story`, run in order (spaCy-style).

Each stage can be run, tested and replaced alone; `Pipeline.explain` shows what every stage decided for a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from flashpoint import __version__
from flashpoint.records import Event, Story


class Stage(Protocol):
    name: str

    def __call__(self, story: Story) -> Story: ...


def default_stages(model: str = "encoder") -> list[Stage]:
    """The stages of `flashpoint code`. model: the trained classifier that ranks a sentence's events, "encoder"
    (default) or "fast"; "rules": the trigger rules alone (see extract/model.py)."""
    from flashpoint.extract.actors import ActorStage
    from flashpoint.extract.attribution import AttributionStage
    from flashpoint.extract.dates import DateStage
    from flashpoint.extract.events import EventStage
    from flashpoint.extract.link import LinkStage
    from flashpoint.extract.model import ModelStage
    from flashpoint.extract.people import PeopleStage
    from flashpoint.extract.places import PlaceStage
    from flashpoint.extract.quantities import QuantityStage
    from flashpoint.extract.scores import ScoreStage
    from flashpoint.extract.status import StatusStage
    from flashpoint.text.sentences import SentenceStage

    if model not in ("encoder", "fast", "rules"):
        raise ValueError(f"model must be encoder, fast or rules, not {model!r}")
    stages: list[Stage] = [
        SentenceStage(), ActorStage(), DateStage(), QuantityStage(), AttributionStage(), PlaceStage(),
        PeopleStage(), EventStage(), LinkStage(), StatusStage(),
    ]
    if model != "rules":
        stages.append(ModelStage(fast=model == "fast"))
    coder = f"flashpoint {__version__}" + ("" if model == "rules" else f" ({model})")
    return [*stages, ScoreStage(coder=coder)]


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None, model: str = "encoder") -> None:
        self.stages: list[Stage] = stages if stages is not None else default_stages(model)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def get(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def __call__(self, story: Story) -> Story:
        for stage in self.stages:
            story = stage(story)
        return story

    def events(self, story: Story) -> list[Event]:
        return self(story).events

    def pipe(self, stories: Iterable[Story], on_story: Callable[[Story], None] | None = None) -> Iterator[Event]:
        for story in stories:
            self(story)
            if on_story:
                on_story(story)
            yield from story.events
