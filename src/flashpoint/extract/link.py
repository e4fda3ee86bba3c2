"""Attach each event's clause-level facts: its date, place, figures and who says so.

The other stages find time expressions, counts and attribution in a sentence; this stage decides which of them belong
to which event. A date is the time expression nearest the trigger in its clause; with none there, the event takes the
publication date and says so (`date_source`), never a silent guess.
"""

from __future__ import annotations

from flashpoint.extract.events import clause_bounds
from flashpoint.extract.places import event_location
from flashpoint.records import Event, Sentence, Story, TimeExpr
from flashpoint.text.sentences import dateline_end
from flashpoint.text.tokens import tokenize

# Which counts belong to which kind of event.
_FIGURES = {
    "ASSAULT": ("dead", "injured"),
    "COERCE": ("arrested", "dead", "injured"),
    "PROTEST": ("size", "dead", "injured", "arrested"),
    "MOBILIZE": ("size",),
}


def _nearest_time(sentence: Sentence, event: Event, clause: tuple[int, int]) -> TimeExpr | None:
    """The anchored time expression nearest the trigger within its clause; a dateline's date is the filing date,
    not the event's ("KABUL, June 3 - Gunmen killed ... on Monday")."""
    after_dateline = dateline_end(sentence.text)
    anchored = [t for t in sentence.times
                if t.date and clause[0] <= t.start and t.end <= clause[1] and t.start >= after_dateline]
    if not anchored:
        return None
    trig = event.trigger
    return min(anchored, key=lambda t: min(abs(t.start - trig.end), abs(trig.start - t.end)))


class LinkStage:
    name = "link"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if not sentence.events:
                continue
            tokens = tokenize(sentence.text)
            starts = {t.start: i for i, t in enumerate(tokens)}
            for event in sentence.events:
                i = starts.get(event.trigger.start, 0)
                clause = clause_bounds(tokens, i, i)
                self._date(story, sentence, event, clause)
                event.attribution = sentence.attribution
                event.location = event_location(sentence, event.trigger.start, event.trigger.end)
                for kind in _FIGURES.get(event.event_type, ()):
                    values = [q.value for q in sentence.quantities if q.kind == kind]
                    if values:
                        setattr(event, kind, max(values))  # repeated figures are one figure ("killed 2 ... the 2 dead")
        return story

    @staticmethod
    def _date(story: Story, sentence: Sentence, event: Event, clause: tuple[int, int]) -> None:
        time = _nearest_time(sentence, event, clause)
        if time is not None:
            event.date, event.date_precision, event.date_text = time.date, time.precision, time.text
            event.date_source = "text"
            event.notes.append(f"link: date {time.date} ({time.precision}) from {time.text!r}")
        elif story.date:
            event.date, event.date_precision, event.date_text = story.date, "day", None
            event.date_source = "publication"
            event.notes.append("link: no date in the sentence; publication date used (date_source=publication)")
        else:
            event.date_source = None
            event.notes.append("link: no date in the sentence and no publication date")
