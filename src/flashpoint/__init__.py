"""flashpoint: news in, political event data out (PLOVER events with status, date, place, figures and evidence).

    >>> import flashpoint
    >>> events = flashpoint.code("Police arrested 12 protesters in Nairobi on Monday.", date="2023-03-22")
    >>> events[0].event_type, events[0].status, events[0].arrested
    ('COERCE', 'asserted', 12)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Event", "Model", "Pipeline", "Relation", "Story", "classify", "code", "__version__"]

if TYPE_CHECKING:
    from flashpoint.pipeline import Model, Pipeline
    from flashpoint.records import Event, Relation, Story


def code(text: str, date: str | None = None, story_id: str | None = None, model: Model | str = "encoder"
         ) -> list[Event]:
    """Code one story given as plain text; `date` (YYYY-MM-DD) is its publication date.

    model: "encoder" (default) or "fast": the trained classifier that picks a sentence's main event; "rules": the
    trigger rules alone (`flashpoint.Model`)."""
    from flashpoint import pipeline
    from flashpoint.text.readers import story_from_text

    return pipeline.get(model).events(story_from_text(text, date=date, story_id=story_id))


def classify(text: str, actor: list[tuple[int, int]] | None = None,
             recipient: list[tuple[int, int]] | None = None, model: Model | str = "encoder") -> Relation:
    """The event between marked actor and recipient spans (character offsets into `text`)."""
    from flashpoint.extract.relation import classify_relations
    from flashpoint.pipeline import to_model

    return classify_relations([text], [list(actor or [])], [list(recipient or [])], model=to_model(model).value)[0]


def __getattr__(name: str):  # lazy public names keep `import flashpoint` (and `flashpoint --help`) fast
    if name in {"Event", "Relation", "Story"}:
        from flashpoint import records

        return getattr(records, name)
    if name in {"Pipeline", "Model"}:
        from flashpoint import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
