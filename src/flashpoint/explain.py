"""Human-readable account of what every stage decided for each sentence (`flashpoint code --explain`)."""

from __future__ import annotations

from flashpoint.records import Story


def explain_story(story: Story) -> str:
    source = {"text": " (a full date in the text)", "dateline": " (the dateline's day, the file's year)"}
    lines = [f"# story {story.id}" + (f" ({story.source})" if story.source else "")
             + f"  publication date: {story.date or 'unknown'}{source.get(story.date_source or '', '')}"]
    lines.extend(f"  limit: {warning}" for warning in story.warnings)
    for s in story.sentences:
        lines.append(f"\n[{s.index}] {s.text}")
        if s.skip:  # the sentences stage's note says why and what matched
            lines.extend(f"  {note}" for note in s.notes if note.startswith("sentences:")) if s.notes else \
                lines.append(f"  sentences: skipped ({s.skip})")
            continue
        lines.append("  actors: " + (", ".join(
            f"{a.text!r}={a.country or '?'}/{a.sector or '?'}" for a in s.actors) or "none"))
        lines.append("  dates: " + (", ".join(f"{t.text!r}={t.value}" for t in s.times) or "none"))
        lines.append("  quantities: " + (", ".join(f"{q.kind}={q.value} ({q.text!r})" for q in s.quantities) or "none"))
        lines.append("  attribution: " + (repr(s.attribution.text) if s.attribution else "none"))
        if s.places:
            lines.append("  places: " + ", ".join(f"{p.text!r}={p.country}" for p in s.places))
        for note in s.notes:
            lines.append(f"  {note}")
        if not s.events:
            lines.append("  events: none (no trigger from the PLOVER lexicon)")
        for e in s.events:
            who = ", ".join(a.text for a in e.actor) or "-"
            whom = ", ".join(a.text for a in e.recipient) or "-"
            lines.append(f"  EVENT {e.event_type}/{e.mode or '-'} [{e.status}] {who} -> {whom}"
                         f"  trigger {e.trigger.text!r}  date {e.date} quad {e.quad_class}")
            lines.extend(f"    {note}" for note in e.notes)
    return "\n".join(lines) + "\n\n"
