"""Attach each event's clause-level facts: its date, place, figures and who says so.

The other stages find time expressions, counts and attribution in a sentence; this stage decides which of them belong
to which event. A date is the time expression nearest the trigger in its clause and nearer to it than to another
event's trigger (`date_source` "text"); else the nearest in another clause of the sentence, the day of the nearest
event of the same type elsewhere in the story, or the story's first day in the fortnight before publication (all
`date_source` "context"); with none, the event takes the publication date and says so (`date_source`
"publication"), never a silent guess. The day of a report ("..., police said on Monday") is not the event's.

On the GVA dev articles (`bench/bench_event_dates.py`) a story's main shooting is dated to the incident's day 0.736 of
the time this way, against 0.471 with the clause's date alone and 0.355 for the publication date.
"""

from __future__ import annotations

from datetime import date, timedelta

from flashpoint.extract.events import clause_bounds
from flashpoint.extract.places import event_location
from flashpoint.extract.quantities import settle_figures
from flashpoint.records import Event, Sentence, Story, TimeExpr, Trigger
from flashpoint.text.sentences import dateline_end
from flashpoint.text.tokens import tokenize

# Which counts belong to which kind of event.
_FIGURES = {
    "ASSAULT": ("dead", "injured"),
    "COERCE": ("arrested", "dead", "injured"),
    "PROTEST": ("size", "dead", "injured", "arrested"),
    "MOBILIZE": ("size",),
}


def _gap(t: TimeExpr, trigger: Trigger) -> int:
    """Characters between a time expression and a trigger; 0 inside a gapped trigger ("charged on Tuesday with")."""
    return max(0, t.start - trigger.end, trigger.start - t.end)


def _reporting_time(sentence: Sentence, t: TimeExpr) -> bool:
    """"..., police said on Monday": the day of the report, not of the event."""
    att = sentence.attribution
    return att is not None and t.start >= att.end and sentence.text[att.end:t.start].strip().lower() in ("", "on")


def _nearest_time(sentence: Sentence, event: Event, clause: tuple[int, int]) -> TimeExpr | None:
    """The anchored time expression nearest the trigger within its clause; a dateline's date is the filing date,
    not the event's ("KABUL, June 3 - Gunmen killed ... on Monday")."""
    after_dateline = dateline_end(sentence.text)
    anchored = [t for t in sentence.times
                if t.date and clause[0] <= t.start and t.end <= clause[1] and t.start >= after_dateline
                and not _reporting_time(sentence, t)]
    if not anchored:
        return None
    # A time nearer another event's trigger is that event's ("... was indicted Tuesday"), not this one's; triggers of
    # one type are one event ("fired tear gas ... on Tuesday, injuring 12").
    others = [e.trigger for e in sentence.events if e.event_type != event.event_type]
    own = [t for t in anchored if all(_gap(t, event.trigger) <= _gap(t, o) for o in others)]
    return min(own, key=lambda t: _gap(t, event.trigger)) if own else None


def _other_clause_time(sentence: Sentence, event: Event, clause: tuple[int, int]) -> TimeExpr | None:
    """The time nearest the trigger in the sentence's other clauses ("Thousands marched on Sunday, and police
    detained 14"), whichever event it is nearer to there."""
    after_dateline = dateline_end(sentence.text)
    outside = [t for t in sentence.times if t.date and t.start >= after_dateline and not _reporting_time(sentence, t)
               and not (clause[0] <= t.start and t.end <= clause[1])]
    return min(outside, key=lambda t: _gap(t, event.trigger)) if outside else None


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
        _story_dates(story)
        settle_figures(story)  # figures agree with the story's totals (extract/quantities.py)
        return story

    @staticmethod
    def _date(story: Story, sentence: Sentence, event: Event, clause: tuple[int, int]) -> None:
        time = _nearest_time(sentence, event, clause)
        other = None if time is not None else _other_clause_time(sentence, event, clause)
        if time is not None:
            event.date, event.date_precision, event.date_text = time.date, time.precision, time.text
            event.date_source = "text"
            event.notes.append(f"link: date {time.date} ({time.precision}) from {time.text!r}")
        elif other is not None:
            # "Thousands marched on Sunday ..., and police detained 14": a coordinated clause shares the date
            event.date, event.date_precision, event.date_text = other.date, other.precision, other.text
            event.date_source = "context"
            event.notes.append(f"link: date {other.date} ({other.precision}) from {other.text!r} in another clause "
                               "of the sentence (date_source=context)")
        elif story.date:
            event.date, event.date_precision, event.date_text = story.date, "day", None
            event.date_source = "publication"
            event.notes.append("link: no date in the sentence; publication date used (date_source=publication)")
        else:
            event.date_source = None
            event.notes.append("link: no date in the sentence and no publication date")


def _story_dates(story: Story) -> None:
    """An event whose sentence gives no date takes the date of the nearest event of its type that has one, earlier in
    the story if any, else later: a story tells one incident over many sentences ("Gunmen killed two men on Saturday
    night. ... Police said the gunmen fled."), and its headline has no date at all. Failing that, the story's first
    recent day (`_story_anchor`)."""
    dated = [(s.index, e) for s in story.sentences for e in s.events
             if e.date_source == "text" and e.date_precision == "day"]
    anchor = _story_anchor(story)
    for sentence in story.sentences:
        for event in sentence.events:
            if event.date_source not in ("publication", None):
                continue
            same = [(i, e) for i, e in dated if e.event_type == event.event_type]
            before = [e for i, e in same if i < sentence.index]
            after = [e for i, e in same if i > sentence.index]
            source = before[-1] if before else after[0] if after else None
            if source is not None:
                when = (source.date, source.date_precision, source.date_text)
                why = f"in sentence {source.sentence_index}, the nearest {event.event_type} with a date"
            elif anchor is not None:
                when, why = (anchor.date, anchor.precision, anchor.text), "the story's first recent day"
            else:
                continue
            event.date, event.date_precision, event.date_text = when
            event.date_source = "context"
            event.notes = [n for n in event.notes if not n.startswith("link: no date in the sentence")]
            event.notes.append(f"link: date {event.date} from {event.date_text!r}, {why} (date_source=context)")


def _story_anchor(story: Story) -> TimeExpr | None:
    """The story's first day in the fortnight before publication ("Police responded to a call Saturday night"): when
    no event of a type carries a date, the story's own day is a better guess than its publication."""
    if not story.date:
        return None
    published = date.fromisoformat(story.date[:10])
    for sentence in story.sentences:
        after_dateline = dateline_end(sentence.text)
        for t in sentence.times:
            if t.date and t.precision == "day" and t.start >= after_dateline:
                day = date.fromisoformat(t.date)
                if published - timedelta(days=14) <= day <= published:
                    return t
    return None
