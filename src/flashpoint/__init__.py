"""flashpoint: news in, political event data out (PLOVER events with status, date, place, figures and evidence).

    >>> import flashpoint
    >>> events = flashpoint.code("Police arrested 12 protesters in Nairobi on Monday.", date="2023-03-22")
    >>> events[0].event_type, events[0].status, events[0].arrested
    ('COERCE', 'asserted', 12)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Event", "Pipeline", "Relation", "Story", "classify", "code", "__version__"]

if TYPE_CHECKING:
    from flashpoint.pipeline import Pipeline
    from flashpoint.records import Event, Relation, Story

_pipeline: Pipeline | None = None


def code(text: str, date: str | None = None, story_id: str | None = None) -> list[Event]:
    """Code one story given as plain text; `date` (YYYY-MM-DD) is its publication date."""
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline.events(story_from_text(text, date=date, story_id=story_id))


def classify(text: str, actor: list[tuple[int, int]] | None = None,
             recipient: list[tuple[int, int]] | None = None) -> Relation:
    """The event between marked actor and recipient spans (character offsets into `text`)."""
    from flashpoint.extract.relation import classify_rule

    return classify_rule(text, list(actor or []), list(recipient or []))


def __getattr__(name: str):  # lazy public names keep `import flashpoint` (and `flashpoint --help`) fast
    if name in {"Event", "Relation", "Story"}:
        from flashpoint import records

        return getattr(records, name)
    if name == "Pipeline":
        from flashpoint.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
