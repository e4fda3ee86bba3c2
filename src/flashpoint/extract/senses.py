"""Word sense: a trigger gives an event only in its sense, by the context a lexicon pattern cannot see.

The trigger lexicon (triggers.tsv) matches lower-cased words, and its NONE rows remove the other senses that a
fixed phrase gives away ("the 3400 block of", "cardiac arrest", "a news release", "asked not to be named"). Two
kinds of evidence are not in the lower-cased words, and this stage reads them (`senses.tsv` lists the words):

- casing: in a normally cased sentence, "Shell", "Storm" or "Sue" with a capital inside the sentence is a name (a
  company, a person, a title), not shelling, a storming or a lawsuit. Not applied to headlines (every word is
  capitalised there) nor to text without usable capitals (lower-cased archives, ALL CAPS);
- dates: "march" before a day number or after a date word is the month ("MARCH 29, 2018", "on march 5"), which in
  lower-cased or all-caps text the capital letter cannot tell;
- scores: "shot" before a player's shooting record ("shot 5-for-12", "shot 7 of 10 from the field") is a sports
  statistic, which a pattern of lower-cased words cannot match (the record is one token).

Dropped events are noted on the sentence for --explain.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint import tsv
from flashpoint.records import Event, Story
from flashpoint.text.sentences import is_caseless

_DAY_AFTER = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?(?!\d)(?![\w:.]\d)")
# After a sentence-initial word: a name joined to it, a possessive, an age ("Shell and Ortiz were", "Storm, 27,")
_NAME_AFTER = re.compile(r"\s+(?:and|&)\s+[A-Z][a-z]+(?:\s+(?:have|has|were|are|was|is|had)\b|[,.])|['’]s\b"
                         r"|,\s*\d{1,3}\s*,")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
# A shooting record: "5-for-12", "3-of-7", "7 of 10 from the field"
_SCORE_AFTER = re.compile(r"\s+(?:\d{1,3}[-–](?:for|of)[-–]\d{1,3}\b|\d{1,3} (?:for|of) \d{1,3} (?:from|on|in|at)\b)")
_BREAKS = "([-—–:.!?"
_QUOTES = "\"'“‘"


def _starts_sentence(before: str) -> bool:
    """Whether a word after `before` (right-stripped) begins a sentence, a clause after a colon, or a quotation."""
    if not before or before[-1] in _BREAKS:
        return True
    return before[-1] in _QUOTES and (len(before) == 1 or before[-2].isspace() or before[-2] in _BREAKS)


@lru_cache(maxsize=1)
def _rules() -> dict[str, str]:
    return {row[0]: row[1] for row in tsv.rows("flashpoint.extract", "senses.tsv")}


_TITLE_SMALL = re.compile(r"(?:and|the|for|nor|but|with|from|into|onto|over|upon|amid|via|per|off|out)$")


def _headline_like(text: str) -> bool:
    """A headline or title in title case, where capitals say nothing: fewer than two lower-case words of three
    letters or more, not counting the small words titles leave in lower case."""
    lower = [w for w in re.findall(r"\b[a-z][\w'’-]{2,}", text) if not _TITLE_SMALL.match(w)]
    return len(lower) < 2


def wrong_sense(text: str, start: int, end: int) -> str | None:
    """Why the one-word trigger text[start:end] is not in its event sense here, or None when it may be."""
    word = text[start:end]
    rule = _rules().get(word.lower())
    if rule is None or rule == "dateword":
        return None
    if rule == "name":
        before = text[:start].rstrip()
        if not (word[:1].isupper() and word[1:].islower()):
            return None
        if _starts_sentence(before):
            # at the start of a sentence only the words after it tell a name: "Shell and Watson have been charged",
            # "Shell's profits", "Shell, 38, was arrested"
            if is_caseless(text) or not _NAME_AFTER.match(text, end):
                return None
            return f"{word!r} is a name here (what follows it names a person or a company)"
        if is_caseless(text) or _headline_like(text):
            return None
        return f"{word!r} is a name here (capitalised inside the sentence)"
    if rule == "score":
        if _SCORE_AFTER.match(text, end):
            return f"{word!r} is a sports statistic here (a shooting record follows)"
        return None
    if rule == "month":
        m = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if _DAY_AFTER.match(text, end) or (m is not None and _rules().get(m.group(1).lower()) == "dateword"):
            return f"{word!r} is the month here"
    return None


class SenseStage:
    """Pipeline stage: drop trigger matches read in another sense (see the module docstring)."""

    name = "senses"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if not sentence.events:
                continue
            kept: list[Event] = []
            for event in sentence.events:
                why = wrong_sense(sentence.text, event.trigger.start, event.trigger.end) \
                    if " " not in event.trigger.text else None
                if why is None:
                    kept.append(event)
                else:
                    sentence.notes.append(f"senses: dropped {event.event_type} {event.trigger.text!r}: {why}")
            sentence.events = kept
        return story
