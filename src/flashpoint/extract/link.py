"""Attach each event's clause-level facts: its date, its figures and who says so.

The other stages find time expressions, counts and attribution in a sentence; this stage decides which of them belong
to which event. A date is the time expression nearest the trigger; with none in the sentence, the event takes the
publication date and says so (`date_source`), never a silent guess.
"""

from __future__ import annotations

from flashpoint.records import Event, Sentence, Story, TimeExpr

# Which counts belong to which kind of event.
_FIGURES = {
    "ASSAULT": ("dead", "injured"),
    "COERCE": ("arrested", "dead", "injured"),
    "PROTEST": ("size", "dead", "injured", "arrested"),
    "MOBILIZE": ("size",),
}


def _nearest_time(sentence: Sentence, event: Event) -> TimeExpr | None:
    anchored = [t for t in sentence.times if t.date]
    if not anchored:
        return None
    trig = event.trigger
    return min(anchored, key=lambda t: min(abs(t.start - trig.end), abs(trig.start - t.end)))


class LinkStage:
    name = "link"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            for event in sentence.events:
                self._date(story, sentence, event)
                event.attribution = sentence.attribution
                for kind in _FIGURES.get(event.event_type, ()):
                    values = [q.value for q in sentence.quantities if q.kind == kind]
                    if values:
                        setattr(event, kind, sum(values) if kind != "size" else max(values))
        return story

    @staticmethod
    def _date(story: Story, sentence: Sentence, event: Event) -> None:
        time = _nearest_time(sentence, event)
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
