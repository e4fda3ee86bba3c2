"""The pipeline: a list of named stages, each `Story -> Story`, run in order (spaCy-style).

Each stage can be run, tested and replaced alone; `flashpoint code --explain` shows what every stage decided for a
sentence. `get(model)` is the process's one cache of built pipelines (the Python API, `flashpoint code`, `ingest`
and the worker processes all use it).

A story is bounded: only its first MAX_STORY_CHARS characters are split into sentences (the splitter cuts a
sentence at 2,000 characters), at most MAX_SENTENCES sentences are coded, at most MAX_MENTIONS event mentions kept;
what is cut is said in `story.warnings` (the command line reports it by the story's name). So time and memory stay
bounded whatever the input (a 20 MB text of one line would otherwise give hundreds of thousands of mentions).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from flashpoint import __version__
from flashpoint.records import Event, Story

MAX_STORY_CHARS = 1_000_000  # characters of a story split into sentences (a long report has under 100,000)
MAX_SENTENCES = 2000  # sentences coded per story (a long report has a few hundred)
MAX_MENTIONS = 5000  # event mentions kept per story


class Model(StrEnum):
    """What decides a sentence's main event: the trained encoder (default), the fast linear model, or the trigger
    rules alone."""

    encoder = "encoder"
    fast = "fast"
    rules = "rules"


class Stage(Protocol):
    name: str

    def __call__(self, story: Story) -> Story: ...


def default_stages(model: Model | str = Model.encoder) -> list[Stage]:
    """The stages of `flashpoint code`; `model` picks the trained classifier of the "model" stage (none for rules)."""
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
    from flashpoint.extract.senses import SenseStage
    from flashpoint.extract.status import StatusStage
    from flashpoint.extract.tracking import TrackingStage
    from flashpoint.text.sentences import SentenceStage

    model = to_model(model)
    stages: list[Stage] = [
        SentenceStage(), ActorStage(), DateStage(), QuantityStage(), AttributionStage(), PlaceStage(),
        PeopleStage(), EventStage(), TrackingStage(), SenseStage(), LinkStage(), StatusStage(),
    ]
    if model is not Model.rules:
        stages.append(ModelStage(fast=model is Model.fast))
    coder = f"flashpoint {__version__}" + ("" if model is Model.rules else f" ({model.value})")
    return [*stages, ScoreStage(coder=coder)]


def to_model(model: Model | str) -> Model:
    try:
        return Model(model)
    except ValueError:
        raise ValueError(f"model must be one of {', '.join(m.value for m in Model)}, not {model!r}") from None


def bound_text(story: Story) -> Story:
    """Before sentence splitting: keep the paragraphs (or the part of one) within the first MAX_STORY_CHARS
    characters. The text itself is untouched, so every offset stays valid."""
    if len(story.text) <= MAX_STORY_CHARS:
        return story
    from flashpoint.text.sentences import paragraph_spans

    spans = story.paragraphs or paragraph_spans(story.text)
    story.paragraphs = [(s, min(e, MAX_STORY_CHARS)) for s, e in spans if s < MAX_STORY_CHARS]
    story.warnings.append(f"{len(story.text):,} characters, over the limit of {MAX_STORY_CHARS:,} per story: only "
                          f"the first {MAX_STORY_CHARS:,} were coded")
    return story


def bound(story: Story) -> Story:
    """Cut a story to the size limits (after sentence splitting), saying what was cut in `story.warnings`."""
    sentences = story.sentences
    if len(sentences) > MAX_SENTENCES:
        story.warnings.append(f"{len(sentences):,} sentences, over the limit of {MAX_SENTENCES:,} per story: "
                              f"only the first {MAX_SENTENCES:,} were coded")
        story.sentences = sentences[:MAX_SENTENCES]
    return story


class Pipeline:
    def __init__(self, stages: list[Stage] | None = None, model: Model | str = Model.encoder) -> None:
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
            if stage.name == "sentences":
                bound_text(story)
            story = stage(story)
            if stage.name == "sentences":
                bound(story)
        _mark_dateline(story)
        _cap_mentions(story)
        return story

    def events(self, story: Story) -> list[Event]:
        return self(story).events


def _mark_dateline(story: Story) -> None:
    """Events dated by the story rather than by their own words say so when the story's date was read off its
    dateline with the file's year: their year is a guess to check."""
    if story.date_source == "dateline":
        for event in story.events:
            if event.date_source in ("publication", "context"):
                event.date_source = "dateline"


def _cap_mentions(story: Story) -> None:
    total = sum(len(s.events) for s in story.sentences)
    if total <= MAX_MENTIONS:
        return
    left = MAX_MENTIONS
    for sentence in story.sentences:
        sentence.events = sentence.events[:left]
        left -= len(sentence.events)
    story.warnings.append(f"{total:,} event mentions, over the limit of {MAX_MENTIONS:,} per story: only the first "
                          f"{MAX_MENTIONS:,} were kept")


_PIPELINES: dict[Model, Pipeline] = {}


def get(model: Model | str = Model.encoder) -> Pipeline:
    """This process's pipeline for `model`, built and warmed on first use (the one pipeline cache)."""
    model = to_model(model)
    if model not in _PIPELINES:
        from flashpoint.text.readers import story_from_text

        pipeline = Pipeline(model=model)
        pipeline(story_from_text("Police arrested two men in Paris on Monday.", date="2020-01-01"))
        _PIPELINES[model] = pipeline
    return _PIPELINES[model]


def clear() -> None:
    """Forget the built pipelines (after `flashpoint.models.use_weights`, the next `get` reads the new weights)."""
    _PIPELINES.clear()
