"""A publication date for a story that came without one, read off its text.

1. A full date (day, month and year) in the story's first lines: the headline, the dateline, a "Published ..."
   line. `date_source` "text".
2. Else a dateline's day and month ("NAIROBI, March 21 (Wire) -", "March 21 (Reuters) -") with the year of the
   file's modification time (the latest such day on or before it: a story of December 30 saved on January 2 is of
   the year before). `date_source` "dateline"; the events dated by it say `date_source: "dateline"` too.
3. Else the story stays undated (the command says how many stories had no date).

Only stories that have neither a date of their own nor a `--date` are touched.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from functools import cache

from flashpoint.records import Story

HEAD_CHARS = 600  # a full date further into the story is an event's date, not the publication date
HEAD_PARAGRAPHS = 3  # the dateline is in one of the first paragraphs (after a headline and a byline)


@cache
def _months() -> dict[str, int]:
    names = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    names.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
    names["sept"] = 9
    return names


@cache
def _dateline() -> re.Pattern[str]:
    months = "|".join(sorted((m.capitalize() for m in _months()), key=len, reverse=True))
    place = r"[A-Z][A-Z.'\u2019-]+(?:[ /][A-Z][A-Z.'\u2019-]+)*(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?"
    return re.compile(rf"^\s*(?:{place},?\s+)?(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})\b(?!,?\s+\d{{4}})"
                      r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:-|\u2013|\u2014|:)")


def full_date(text: str) -> str | None:
    """The first full date (day, month, year) in the first HEAD_CHARS characters, ISO; None if there is none."""
    from flashpoint.extract.dates import find_times

    for t in find_times(text[:HEAD_CHARS], None):
        if t.precision == "day" and t.value:
            return t.value
    return None


def dateline(text: str) -> tuple[int, int] | None:
    """(month, day) of a dateline at the start of one of the first paragraphs, or None."""
    pattern = _dateline()
    for para in [p for p in text[:4 * HEAD_CHARS].split("\n") if p.strip()][:HEAD_PARAGRAPHS]:
        m = pattern.match(para)
        if m:
            month, day = _months()[m.group("month").lower()], int(m.group("day"))
            if 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year, so 29 February passes
                return month, day
    return None


def source_file(source: str | None) -> str | None:
    """The file a story was read from: "corpus.jsonl:17" -> corpus.jsonl, "feed.rss#4" -> feed.rss."""
    if not source or source.startswith("<"):
        return None
    for suffix in (r":\d+$", r"#\d+$", r"\[\d+\]$"):
        stripped = re.sub(suffix, "", source)
        if stripped != source and os.path.isfile(stripped):
            return stripped
    return source if os.path.isfile(source) else None


def _on_or_before(month: int, day: int, limit: dt.date) -> dt.date | None:
    for year in (limit.year, limit.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if candidate <= limit:
            return candidate
    return None


def infer(story: Story) -> Story:
    """Give an undated story the publication date its text holds, if any (see the module's docstring)."""
    if story.date is not None:
        return story
    day = full_date(story.text)
    if day:
        story.date, story.date_source = day, "text"
        return story
    found = dateline(story.text)
    path = source_file(story.source) if found else None
    if found and path:
        limit = dt.date.fromtimestamp(os.path.getmtime(path))
        date = _on_or_before(*found, limit)
        if date:
            story.date, story.date_source = date.isoformat(), "dateline"
    return story
