"""Attach each event's clause-level facts: its date, place, figures and who says so.

The other stages find time expressions, counts and attribution in a sentence; this stage decides which of them belong
to which event. A date is the time expression nearest the trigger in its clause and nearer to it than to another
event's trigger (`date_source` "text"); else the nearest in another clause of the sentence, the day of the nearest
event of the same type elsewhere in the story, or the story's earliest day in the fortnight before publication (all
`date_source` "context"); with none, the event takes the publication date and says so (`date_source`
"publication"), never a silent guess. The day of a report ("..., police said on Monday") or of a page stamp
("Posted: Monday, ...") is not the event's, nor the time of another verb of the sentence whose phrase the trigger
sits in ("died Friday after a shooting", "charged with shooting two men made his first appearance Monday", "arrested
Friday for the fatal shooting of"), nor the time of the victim's later death ("shot near campus died Friday"), of
a verb of saying before its "that" ("revealed Tuesday that he shot"), or of the verb of a subject whose relative
clause holds the event ("the man who shot his wife was arraigned Tuesday"): that time only bounds the event
(`_before_held`). A bare weekday six days before
publication is the weakest story-level day (`_day_after_stamp`); a time that ends a relative clause ("who lost his job
last week shot ...") is that clause's. An attack that no earlier attack dates takes the day
the story says the incident took place ("police were called ... about 3:10 a.m. Jan. 1", `_incident_day`) before a
later attack's day, unless that day is weeks before the later attack's (an earlier incident); else a day told in a
sentence about an attack before the later attack's sentence and in the week before its day (`_told_before`).
Then two corrections (`_refine_dates`): a past event is never dated after its story, and a week or month the clause
gives is narrowed to the story's day inside it. The words these rules use are in `event_times.tsv`.

A place is the one the event's clause names (`places.event_location`); then `places.story_locations` puts streets,
buildings and unknown names in the story's city and gives events whose clause names no place the story's place
(dateline first), each with a note saying so. Measured by `bench/bench_story_places.py` and
`../shared/tools/score-records --sets gva`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from flashpoint import tsv
from flashpoint.extract.events import clause_bounds
from flashpoint.extract.places import event_location, story_locations
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
    """"..., police said on Monday": the day of the report, not of the event; "Posted: Monday, October 17, 2016":
    the day of the page."""
    att = sentence.attribution
    if att is not None and t.start >= att.end and sentence.text[att.end:t.start].strip().lower() in ("", "on"):
        return True
    if _REPORT_AFTER.match(sentence.text, t.end):  # "Police on Tuesday said ...", "the coroner Friday identified"
        return True
    if _time_words()["caption"].search(sentence.text[max(0, t.start - 25):t.start].lower() + "\0"):
        return True  # "a home where a boy shot himself is shown Monday, Aug. 1": the photo's day
    return _STAMPED.search(sentence.text[max(0, t.start - 12):t.start]) is not None


_REPORT_AFTER = re.compile(r"\s*(?:said|says|announced|confirmed|reported|identified|released|provided|revealed|"
                           r"disclosed|named)\b")
_STAMPED = re.compile(r"(?i)\b(?:posted|update|updated|published|last updated)(?: on)?:?\s*[(\[]?\s*$")


def _nearest_time(sentence: Sentence, event: Event, clause: tuple[int, int], *,
                  held: bool = False) -> TimeExpr | None:
    """The anchored time expression nearest the trigger within its clause; a dateline's date is the filing date,
    not the event's ("KABUL, June 3 - Gunmen killed ... on Monday"). With `held`, the nearest time that only a verb
    before the trigger's own phrase keeps from it ("died Friday after a shooting"): the event was on or before it."""
    after_dateline = dateline_end(sentence.text)
    anchored = [t for t in sentence.times
                if t.date and clause[0] <= t.start and t.end <= clause[1] and t.start >= after_dateline
                and not _reporting_time(sentence, t)]
    if not anchored:
        return None
    # A time nearer another event's trigger is that event's ("... was indicted Tuesday"), not this one's; triggers of
    # one type are one event ("fired tear gas ... on Tuesday, injuring 12").
    others = [e.trigger for e in sentence.events if e.event_type != event.event_type]
    text = sentence.text
    own = [t for t in anchored
           if all(_gap(t, event.trigger) <= _gap(t, o) or _before_subject(text, event, t, o) for o in others)
           and not _later_verbs_time(sentence.text, event.trigger, t)
           and not _relative_clauses_time(sentence.text, event.trigger, t)
           and _bounding(sentence.text, event.trigger, t, clause[0]) == held]
    return min(own, key=lambda t: _gap(t, event.trigger)) if own else None


_W = tsv.lists("flashpoint.extract", "link_words.tsv")  # the word lists below (knowledge, kept as data)
_NOUN_HEADS = set(_W["noun_heads"])
_OBJECT_OF = set(_W["object_of"])
_FRONT = frozenset(_W["front"])


def _before_subject(text: str, event: Event, t: TimeExpr, other: Trigger) -> bool:
    """"A man accused of killing his cousin Friday night in Apopka was arrested ...": a time that follows this
    trigger and precedes another verb's auxiliary ("was", "has been") ends this trigger's phrase; the other verb's
    time would follow it."""
    return event.trigger.end <= t.start and t.end <= other.start and \
        _AUXILIARY.search(text, t.end, other.start) is not None


_AUXILIARY = re.compile(r"(?i)\b(?:was|were|is|are|has|have|had|been|will)\b")


@cache
def _time_words() -> dict[str, re.Pattern[str]]:
    """The word lists of event_times.tsv, each as one regex of whole words."""
    from flashpoint.tsv import rows

    kinds: dict[str, list[str]] = {}
    for kind, phrase in rows("flashpoint.extract", "event_times.tsv", width=2):
        kinds.setdefault(kind, []).append(phrase.lower())
    out = {k: re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+")
                                             for p in sorted(v, key=len, reverse=True)) + r")\b")
           for k, v in kinds.items()}
    # a caption's verb ends the text before the time ("shown Monday", "pictured on Monday")
    out["caption"] = re.compile(out["caption"].pattern + r"(?:\s+on)?\s*,?\s*\0")
    # a noun trigger named by a charge ("charged with first-degree murder", "charges of aggravated assault")
    out["charge_named"] = re.compile(out["charge_of"].pattern + r"\s+(?:[\w-]+\s+){0,4}$")
    out["charge_after"] = re.compile(r"\s+charges?\b")  # "on a murder charge", "assault charges"
    # a day that owns the incident ("Thursday's rampage", "Tuesday’s tragic incident"): the possessive, at most two
    # words, the noun
    out["owns_incident"] = re.compile(r"(?:'|’)s\s+(?:[a-z-]+\s+){0,2}?" + out["incident_noun"].pattern)
    # a time that modifies an occasion's noun: "Saturday night press conference", "Tuesday's hearing"
    out["occasion_after"] = re.compile(r"(?:'s|’s)?\s+(?:[a-z0-9-]+\s+)?" + out["occasion"].pattern)
    # "charged with first-degree murder", "two counts of attempted murder": a charge's words before its noun
    out["charge_lead"] = re.compile(out["charge_lead"].pattern + r"\s+(?:[a-z-]+\s+){0,2}\0")
    # a verb of saying right before a time ("identified on Tuesday"): the time is the saying's
    out["say_end"] = re.compile(out["say_before"].pattern + r"(?:\s+on)?\s*\0")
    # "identified the boy Thursday as ...": the verb, its object, the time
    out["named_end"] = re.compile(r"\b(?:identified|named)\s+(?:[a-z0-9'’.-]+\s+){1,4}(?:on\s+)?\0")
    return out


def _earlier_verbs_time(text: str, trigger: Trigger, t: TimeExpr, clause_start: int) -> bool:
    """"A deputy died Friday after a shooting", "was arraigned Wednesday in the death of a boy he shot", "was held
    Thursday on charges of murder": a time after a verb of the sentence and before a word that opens a phrase of the
    trigger's own ("after", "in connection with", "on charges of" ...) is that verb's. A time that opens the clause
    ("On Saturday, after a night of drinking, he shot ...") is the whole clause's."""
    if t.end > trigger.start:
        return False
    lead = re.findall(r"[A-Za-z]+", text[clause_start:t.start])
    if len(lead) <= 1 and text[t.end:t.end + 1] in (",", ""):
        return False  # "On Saturday, ...", "Saturday night, ..."
    if len([w for w in lead if w.lower() not in _FRONT]) == 0:
        return False
    between = text[t.end:trigger.start].lower()
    if _time_words()["lead_away"].search(between) is not None:
        return True
    # "arrested Wednesday night for the fatal shooting of a boy": the trigger is the object of the verb's phrase
    into, modifiers, harm = _lead_into()
    words = [w for w in re.findall(r"[a-z][a-z'-]*", between) if w not in modifiers]
    if " ".join(words) not in into or re.search(r"[,;:()]", between):
        return False
    # "died Tuesday in a shooting": a verb of the harm itself shares its time with the shooting
    return not any(w.lower() in harm for w in lead[-3:])


@cache
def _lead_into() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The `lead_into` phrases, the `modifier` words and the `harm_verb` words of event_times.tsv."""
    from flashpoint.tsv import rows

    kinds: dict[str, set[str]] = {"lead_into": set(), "modifier": set(), "harm_verb": set()}
    for kind, phrase in rows("flashpoint.extract", "event_times.tsv", width=2):
        if kind in kinds:
            kinds[kind].add(" ".join(phrase.lower().split()))
    return frozenset(kinds["lead_into"]), frozenset(kinds["modifier"]), frozenset(kinds["harm_verb"])


def _bounding(text: str, trigger: Trigger, t: TimeExpr, clause_start: int) -> bool:
    """The time is another verb's that the event came before (it bounds the event, `_before_held`). Not a time that
    modifies the trigger's own noun ("the suspect in Sunday's west Houston mass shooting", "the Jan. 3 shooting")."""
    if _OWN_MODIFIER.fullmatch(text, t.end, trigger.start) and text[t.end:t.end + 2] in ("'s", "’s"):
        return False
    return _earlier_verbs_time(text, trigger, t, clause_start) or _death_after(text, trigger, t) or \
        _told_that(text, trigger, t) or _relative_subject_time(text, trigger, t) or \
        _governing_verbs_time(text, trigger, t, clause_start) or _said_before(text, trigger, t) or \
        _charge_noun_time(text, trigger, t) or _that_clause(text, trigger, t) or _occasion_time(text, trigger, t) or \
        _quoted_deictic(text, t) or _relative_object_time(text, trigger, t, clause_start)


def _relative_object_time(text: str, trigger: Trigger, t: TimeExpr, clause_start: int) -> bool:
    """"Details began emerging Friday about the officers who died in the sniper attack", "police arrested Friday a
    man who shot his wife": a time after a verb of the sentence and before a relative clause that holds the trigger
    is that verb's; the act the relative clause tells of was on or before it."""
    if t.end > trigger.start:
        return False
    lead = re.findall(r"[A-Za-z]+", text[clause_start:t.start])
    if not [w for w in lead if w.lower() not in _FRONT]:
        return False  # "On Friday, a man who had been drinking shot his wife": the clause's time
    m = _REL_THEN_TRIGGER.search(text, t.end, trigger.start)
    if m is None or re.search(r"[;:()]", text[t.end:m.start()]):
        return False
    if _time_words()["alarm"].search(" ".join(lead).lower() + " " + text[t.end:m.start()].lower()):
        return False  # "the call went out shortly after 11 p.m. Wednesday for a boy who had been shot"
    _, _, harm = _lead_into()
    return not any(w.lower() in harm for w in lead[-3:])  # "was killed Friday by a man who ...": the harm's time


# a relative pronoun and a few words, then the trigger: "... who died in the sniper", "... who police say"
_REL_THEN_TRIGGER = re.compile(r"(?i)\b(?:who|whom|which)\s+(?:[A-Za-z0-9'’-]+\s+){0,6}$")


def _quoted_deictic(text: str, t: TimeExpr) -> bool:
    """"'It's even kids getting shot today,' said a woman waiting for a bus": a "today", "yesterday" or "last night"
    inside a quotation is the speaker's, whose day the story does not give; it only bounds the event."""
    if not _time_words()["deictic"].fullmatch(t.text.lower()):
        return False
    before = text[:t.start]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


# between a possessive time and the noun it owns: "Sunday's west Houston mass shooting"
_OWN_MODIFIER = re.compile(r"(?:'s|’s)\s+(?:[A-Za-z-]+\s+){0,3}")


def _nominal(text: str, trigger: Trigger) -> bool:
    """The trigger names the act as a noun or an attribute, not as the verb of its clause: an event noun ("the
    shooting", "a home invasion", "gunshot wounds"), a gerund after a preposition ("charged with shooting"), or a
    participle before its noun ("her four murdered children"). Its phrase hangs on another verb, whose time it
    does not own unless the time is its own modifier ("Tuesday's shooting", "a shooting on Tuesday")."""
    words = trigger.text.lower().split()
    if not words:
        return False
    head = words[-1]
    before = re.findall(r"[A-Za-z0-9'’-]+", text[max(0, trigger.start - 60):trigger.start])
    prev = _phrase_opener(before)
    if not _opens_phrase(prev) and len(before) > 1 and prev.islower() and prev not in _PREPOSITIONS:
        # one noun of a compound: "a gun battle", "a home invasion", "the Smithville mass shooting"
        before = before[:-1]
        prev = _phrase_opener(before)
    opener = _opens_phrase(prev)
    if head == "shot" and len(words) == 1:
        # "firing the fatal shot", "a single shot": a noun right after its determiner (not "a man shot by police")
        return _phrase_opener(re.findall(r"[A-Za-z0-9'’-]+", text[max(0, trigger.start - 60):trigger.start])) \
            in _DETERMINERS
    if _time_words()["event_noun"].fullmatch(head):
        return opener or not prev
    if head.endswith("ing"):
        return prev in _OBJECT_OF or prev in _PREPOSITIONS or prev in _DETERMINERS
    # "her murdered children", "the slain officer": a participle between a determiner and its noun
    nxt = re.match(r"\s+([a-z]+)\b", text[trigger.end:])
    # "the number of injured was revised": the participle as a noun
    return (head.endswith("ed") or head == "slain") and len(words) == 1 and \
        (prev in _DETERMINERS or prev == "of") and \
        nxt is not None and nxt.group(1) not in _PREPOSITIONS and nxt.group(1) not in ("by", "and", "or")


def _phrase_opener(before: list[str]) -> str:
    """The word before a noun's modifiers ("the" of "the Wilkinsburg fatal shooting"), lower-cased; `before` is cut
    to end with it."""
    while before and (before[-1].lower() in _lead_into()[1] or before[-1][:1].isupper() and len(before) > 1
                      and before[-1].lower() not in _DETERMINERS or before[-1].isdigit()
                      or before[-1].lower() in _NUMBER_WORDS):
        before.pop()  # "the Wilkinsburg mass shooting", "her four murdered children", "the fatal shooting"
    return before[-1].lower() if before else ""


def _opens_phrase(word: str) -> bool:
    return word in _DETERMINERS or word.endswith(("'s", "’s")) or word in _OBJECT_OF or word in _PREPOSITIONS


_DETERMINERS = frozenset(_W["determiners"])
_PREPOSITIONS = frozenset(_W["prepositions"])
_NUMBER_WORDS = frozenset(_W["number_words"])
# a word that opens another clause or joins clauses: the time and the trigger's phrase are not one verb's phrase
_SUBORDINATE = re.compile(r"(?i)\b(?:when|where|while|as|because|if|until|then|who|which|whose|but)\b|[,;:()\"“”]")


def _governing_verbs_time(text: str, trigger: Trigger, t: TimeExpr, clause_start: int) -> bool:
    """A noun of the act is the object or the subject of another verb, which the time is of: "appeared in court
    Tuesday to answer charges for his part in the shooting", "police on Saturday filed charges against the man behind
    the deadly shooting", "an investigation is underway Tuesday into a gun battle" (the time before the noun's
    phrase); "the victim of the shooting remained in critical condition Friday", "a suspect in a home invasion
    remained at large Wednesday" (a verb of the sentence's own between the noun and the time). Not a verb of the harm
    itself ("was killed Tuesday in a shooting"; "a shooting Friday left two dead", "a shooting that occurred
    Tuesday"): the event was on or before the time."""
    if not _nominal(text, trigger):
        return False
    words = _time_words()
    _, _, harm = _lead_into()
    if t.end <= trigger.start:
        between = text[t.end:trigger.start]
        if _SUBORDINATE.search(between) or not any(w in _PREPOSITIONS and w != "by" for w in between.lower().split()):
            # "Tuesday's shooting", "the Jan. 3 shooting", "Friday night, when a shooting ...", and the agent of a
            # passive ("was jolted awake early Friday by gunfire"): the noun's own time
            return False
        lead = re.findall(r"[A-Za-z]+", text[clause_start:t.start])
        if not [w for w in lead if w.lower() not in _FRONT]:
            return False  # "On Saturday, police responded to a shooting": the clause's time
        low = between.lower()
        if re.search(r"\bthat\b", low) or words["alarm"].search(" ".join(lead[-3:]).lower() + " " + low):
            # "received a report Friday that a child was treated for a gunshot wound", "a 911 call Friday about
            # a shooting": the alarm is raised when the act is done
            return False
        if any(w in harm or w in ("shot", "fire", "fired") for w in re.findall(r"[a-z]+", low)):
            return False
        return not any(w.lower() in harm for w in lead[-3:])
    gap = re.findall(r"[a-z][a-z'-]*", text[trigger.end:t.start].lower())
    if not gap or any(w in ("when", "where", "while", "as", "whom") for w in gap):
        return False  # "the shooting involved his nephew, whom he was watching on Feb. 3": a clause of the act's
    if words["happened"].search(" ".join(gap)):
        return False  # "the shooting that occurred Tuesday"
    if any(w in ("that", "which", "who") for w in gap):
        at = next(i for i, w in enumerate(gap) if w in ("that", "which", "who"))
        gap = gap[at + 2:]  # "a shooting that killed a girl remained unsolved Friday": past the clause's own verb
    from flashpoint.extract.dates import _lexicon

    past = _lexicon().words["past_verb"]
    result = words["result_verb"]
    return any((w in past or w.endswith("ed") and len(w) > 4 or words["main_verb"].fullmatch(w))
               and w not in harm and not result.fullmatch(w) for w in gap)


def _said_before(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"On Friday, the prosecutor confirmed the two children died of gunshot wounds", "a witness, testifying at a
    hearing Friday, said a teen fired three times", "police identified on Tuesday a man gunned down": a time before a
    verb of saying or identifying whose clause holds the trigger is that verb's (not "police said, a man ...", where
    the saying is an aside)."""
    if t.end > trigger.start:
        return False
    between = text[t.end:trigger.start]
    if _time_words()["say_end"].search(text[max(0, t.start - 16):t.start].lower() + "\0") and \
            not _SUBORDINATE.search(between):
        return True  # "police identified on Tuesday a man gunned down"
    if _time_words()["named_end"].search(text[max(0, t.start - 50):t.start].lower() + "\0"):
        return True  # "officials identified the boy Thursday as X, who police say was shot"
    verbs = list(_time_words()["say_before"].finditer(between.lower()))
    if not verbs:
        return False
    m = verbs[-1]
    if _time_words()["alarm"].search(text[max(0, t.start - 40):t.end + m.start()].lower()):
        return False  # "his wife called 911 shortly before midnight on Thursday and said he shot her baby"
    rest = between[m.end():]
    return not rest.lstrip().startswith(",") and not re.search(r"[;:()]", rest) and \
        not re.search(r"(?i)\b(?:who|which|when|where|while)\b", between[:m.start()][-30:])


def _occasion_time(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"Police gave details about the shooting in a Saturday night press conference", "at Tuesday's hearing": a
    time that modifies the noun of a later occasion (a hearing, a vigil, a news conference) is that occasion's."""
    m = _time_words()["occasion_after"].match(text[t.end:t.end + 50].lower())
    return m is not None and not t.end <= trigger.start < t.end + m.end()


def _that_clause(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"had a hearing today before the judge on charges that he killed a man on Aug. 1", "police said Tuesday night
    the evidence showed that she shot ...": a time before a verb or noun of saying or charging and its "that" clause,
    which holds the trigger a few words on, is the saying's or the hearing's; the event was on or before it."""
    if t.end > trigger.start:
        return False
    between = text[t.end:trigger.start].lower()
    if ";" in between:
        return False
    if re.search(r"\b(?:why|how)\s+(?:[a-z0-9'’-]+\s+){1,8}$", between):
        return True  # "as police worked today to determine why a person opened fire": the question's verb's
    m = next(reversed(list(_time_words()["tell_that"].finditer(between))), None)  # the last such word
    return m is not None and re.match(r"\s+(?:that|whether)\s", between[m.end():]) is not None


def _charge_noun_time(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"was arrested on attempted murder charges Tuesday night", "a judge ordered the murder charges dropped
    Wednesday": a trigger that names a charge, a case or a suspect ("murder charges", "the shooting suspect") is the
    past act the charge is for; a time of the sentence that is not its own modifier ("the Jan. 3 murder case") is
    the charging verb's."""
    words = _time_words()
    if words["event_noun"].fullmatch(trigger.text.lower()) and not trigger.text.lower().endswith("ing") and \
            t.start >= trigger.end and re.fullmatch(r"\s*(?:on\s+)?", text[trigger.end:t.start]) and \
            words["charge_lead"].search(text[max(0, trigger.start - 40):trigger.start].lower() + "\0"):
        return True  # "was charged with first-degree murder Friday": the charging's day
    m = re.match(r"\s+([a-z]+)\b", text[trigger.end:])
    if m is None or not words["legal_noun"].fullmatch(m.group(1)):
        return False
    if t.end <= trigger.start:
        between = text[t.end:trigger.start].lower()
        return not re.fullmatch(r"(?:'s|’s)?\s*(?:[a-z-]+\s+){0,2}", between)
    # "a second murder suspect in a shooting that left one dead last week", "a home invasion suspect who was shot
    # last week": a time after another word of the harm is that word's
    _, _, harm = _lead_into()
    gap = re.findall(r"[a-z][a-z'-]*", text[trigger.end + m.end():t.start].lower())
    return not any(w in harm or words["event_noun"].fullmatch(w) or words["result_verb"].fullmatch(w) for w in gap)


def _death_after(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"A teen shot in the head near the campus died Friday": a time right after a later verb of the victim's death
    is the death's; the shooting was on or before it. "was shot and died Tuesday" (the death coordinated with the
    shooting) and "shot two men, one of whom died ..." keep the time for the shooting."""
    if t.start < trigger.end:
        return False
    between = text[trigger.end:t.start].lower()
    m = next(reversed(list(_time_words()["death_after"].finditer(between))), None)  # the last such verb
    if m is None or not _TIME_LEAD.fullmatch(between[m.end():]):
        return False  # "died at the hotel on Oct. 30": not right after the verb
    before = between[:m.start()]
    return _CO_DEATH.search(before[-12:]) is None and "whom" not in before and "which" not in before.split()[-2:]


# the words that may stand between the verb of death and its time ("died early Sunday", "died on Friday")
_TIME_LEAD = re.compile(r"\s*(?:(?:on|late|early|later|overnight)\s+)*")
# "shot and died", "wounded, and died", "shot, then died": the death coordinated with the trigger
_CO_DEATH = re.compile(r"\b(?:and|then|but)\s*$")


def _told_that(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"Authorities revealed Tuesday that the man shot his brother", "it was unclear Friday whether the child was
    killed": a time between a verb of saying or knowing and the "that" / "whether" of its clause is that verb's; the
    event the clause tells of was on or before it."""
    if t.end > trigger.start or not _THAT.match(text, t.end):
        return False
    lead = text[max(0, t.start - 60):t.start].lower()
    return _time_words()["tell_that"].search(lead) is not None and \
        not re.search(r"[,;:]", lead[lead.rfind(_time_words()["tell_that"].findall(lead)[-1]):])


# the word that opens the clause of a verb of saying or knowing, right after its time
_THAT = re.compile(r"(?i)\s+(?:that|whether|if)\b")


def _relative_subject_time(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"The father of the boy who police say shot a girl, appeared in court today", "a man who shot his neighbor was
    arraigned Tuesday": a trigger in a relative clause of the subject, and a time after a later verb of the sentence's
    own (not one of the harm itself: "who shot two officers was killed Tuesday" is one incident). The time is that
    verb's; the event the relative clause tells of was on or before it."""
    if t.start < trigger.end:
        return False
    lead = text[max(0, trigger.start - 50):trigger.start]
    rel = _REL_BEFORE.search(lead)
    if rel is None:
        return False
    from flashpoint.extract.dates import _lexicon

    past = _lexicon().words["past_verb"]
    words = _time_words()
    _, _, harm = _lead_into()
    gap = re.findall(r"[a-z][a-z'-]*", text[trigger.end:t.start].lower())
    if words["happened"].search(" ".join(gap)) or any(w in ("when", "where", "while", "as") for w in gap):
        return False  # "who shot a man in a fight that broke out Tuesday", "... when police arrived Tuesday"
    return any(w not in harm and w not in past and (w.endswith("ed") and len(w) > 4 or words["main_verb"].fullmatch(w))
               or w in past and w not in harm and w not in ("shot", "hit", "struck", "fought")
               for w in gap[1:])


# "who shot", "who police say shot", "that allegedly killed": a relative pronoun a few words before the trigger, no
# comma between; not "that" before a determiner ("reported that the shooting involved ...": the clause of a verb)
_REL_BEFORE = re.compile(r"(?i)\b(?:who|that(?!\s+(?:the|a|an|his|her|their|its|this|these|those)\b))\s+"
                         r"(?:[A-Za-z'-]+\s+){0,5}$")


def _later_verbs_time(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"Three men accused in the shooting death of a girl entered pleas Friday", "charged with shooting a man,
    appeared in court Tuesday": an event noun that is the object of a preposition names a past act; a time after it
    and after a verb of the sentence's own ("entered", "appeared") is that verb's, not the noun's."""
    words = trigger.text.lower().split()
    if not words or not (words[-1].endswith("ing") or words[-1] in _NOUN_HEADS) or t.start < trigger.end:
        return False
    lead = text[max(0, trigger.start - 40):trigger.start].lower().split()[-3:]
    if any(w in ("and", "or") for w in lead):  # "accused of killing two women and wounding three others"
        lead = text[max(0, trigger.start - 80):trigger.start].lower().split()[-9:]
    if not any(w in _OBJECT_OF for w in lead):
        return False
    from flashpoint.extract.dates import _lexicon

    past = _lexicon().words["past_verb"]
    words = _time_words()
    between = text[trigger.end:t.start].lower()
    gap = re.findall(r"[a-z]+", between)
    if words["happened"].search(between):
        return False  # "the shooting that occurred Tuesday", "the shooting which took place on May 14": the noun's
    if any(w in ("when", "where") for w in gap):
        return False
    if any(w in ("that", "which", "who") for w in gap):
        # "accused in a shooting that killed a girl appeared in court Wednesday": a verb after the relative
        # clause's own ("killed") is the sentence's
        at = next(i for i, w in enumerate(gap) if w in ("that", "which", "who"))
        gap = gap[at + 2:]
    return any(w in past or (w.endswith("ed") and len(w) > 4) or words["main_verb"].fullmatch(w) for w in gap)


def _relative_clauses_time(text: str, trigger: Trigger, t: TimeExpr) -> bool:
    """"A mechanic who lost his job last week shot his neighbor Friday": a time that ends a relative clause ("who lost
    his job last week") right before the sentence's verb is the relative clause's, not the verb's. The relative
    clause has words of its own before the time ("who on Tuesday shot two men" keeps its time)."""
    if t.end > trigger.start or not _ADVERBS_ONLY.fullmatch(text[t.end:trigger.start]):
        return False
    word = trigger.text.split()[0].lower() if trigger.text else ""
    from flashpoint.extract.dates import _lexicon

    if not (word.endswith("ed") or word in _lexicon().words["past_verb"]):
        return False  # a noun ("Tuesday's shooting") or a present form: the time is the trigger's
    rel = _RELATIVE.search(text, max(0, t.start - 80), t.start)
    return rel is not None


_ADVERBS_ONLY = re.compile(r"\s*(?:[A-Za-z]+ly\s+)?")
# a relative pronoun and at least two words before the time, no comma or other pronoun after it
_RELATIVE = re.compile(r"(?i)\b(?:who|which|that)\s+[A-Za-z'-]+(?:\s+[A-Za-z0-9'.-]+){1,8}\s*$")


def _other_clause_time(sentence: Sentence, event: Event, clause: tuple[int, int]) -> TimeExpr | None:
    """The time nearest the trigger in the sentence's other clauses ("Thousands marched on Sunday, and police
    detained 14"), whichever event it is nearer to there."""
    after_dateline = dateline_end(sentence.text)
    text, trigger = sentence.text, event.trigger
    if _nominal(text, trigger):
        return None  # a noun of the act hangs on its own clause's verb, not on another clause's
    # not a time the trigger's phrase does not own ("deputies were out of critical condition Sunday, while the man
    # accused of shooting them was charged", "received information Friday about a homicide, kidnapping, and shooting
    # case"): the clause boundary between them does not make it the act's
    outside = [t for t in sentence.times if t.date and t.start >= after_dateline and not _reporting_time(sentence, t)
               and not (clause[0] <= t.start and t.end <= clause[1])
               and not _bounding(text, trigger, t, 0) and not _later_verbs_time(text, trigger, t)]
    return min(outside, key=lambda t: _gap(t, event.trigger)) if outside else None


class LinkStage:
    name = "link"

    def __call__(self, story: Story) -> Story:
        held: dict[int, tuple[Event, TimeExpr]] = {}
        for sentence in story.sentences:
            if not sentence.events:
                continue
            tokens = tokenize(sentence.text)
            starts = {t.start: i for i, t in enumerate(tokens)}
            for event in sentence.events:
                i = starts.get(event.trigger.start, 0)
                clause = clause_bounds(tokens, i, i)
                if event.reports_on is None:
                    self._date(story, sentence, event, clause)
                else:  # another report of the story's shooting: dated like it (`_story_dates`), not by this day
                    event.date_source = None
                if event.date_source == "publication":
                    time = _nearest_time(sentence, event, clause, held=True)
                    if time is not None:
                        held[id(event)] = (event, time)
                event.attribution = sentence.attribution
                if event.reports_on is None:  # a report of the shooting is placed like it (`story_locations`)
                    event.location = event_location(sentence, event.trigger.start, event.trigger.end, story)
                for kind in _FIGURES.get(event.event_type, ()):
                    values = [q.value for q in sentence.quantities if q.kind == kind]
                    if values:
                        setattr(event, kind, max(values))  # repeated figures are one figure ("killed 2 ... the 2 dead")
        every = _story_days(story, recent=False)  # the sentences' times are fixed: read the story's days once
        _refine_dates(story, every)  # first, so that a date read backward is the one the story's other events take
        _story_dates(story, every)
        _before_held(story, held.values())
        story_locations(story)
        _as_reported(story)
        return story

    @staticmethod
    def _date(story: Story, sentence: Sentence, event: Event, clause: tuple[int, int]) -> None:
        time = _nearest_time(sentence, event, clause)
        other = None if time is not None else _other_clause_time(sentence, event, clause)
        if other is not None and story.date and other.date > story.date[:10] and _past(sentence, event):
            # "X urged talks, and the envoy will visit next week": a past act does not take another clause's future
            event.notes.append(f"link: {other.text!r} of another clause is after publication; not for a past act")
            other = None
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


def _story_dates(story: Story, every: list[tuple[int, TimeExpr]] | None = None) -> None:
    """An event whose sentence gives no date takes the date of the nearest event of its type that has one, earlier in
    the story if any, else later: a story tells one incident over many sentences ("Gunmen killed two men on Saturday
    night. ... Police said the gunmen fled."), and its headline has no date at all; not an attack named by a charge
    ("charged with murder last Thursday": the charge's day, `_charge_named`). Failing that, the story's first recent
    day (`_story_anchor`). `every` is `_story_days(story, recent=False)` when the caller has it."""
    every = _story_days(story, recent=False) if every is None else every
    # a day after publication is a coming one ("is to appear in court Monday"): no event borrows it as its own
    published = story.date[:10] if story.date else "9999"
    dated = [(s.index, e) for s in story.sentences for e in s.events
             if e.date_source == "text" and e.date_precision == "day" and e.date and e.date <= published
             and not _charge_named(s.text, e.trigger)]
    anchor = _story_anchor(story, every)
    incident = _incident_day(story)
    days = _recent(story, every)
    for sentence in story.sentences:
        for event in sentence.events:
            if event.date_source not in ("publication", None):
                continue
            same = [(i, e) for i, e in dated if e.event_type == event.event_type]
            here = [e for i, e in same if i == sentence.index]  # "was killed Sunday in a shooting"
            before = [e for i, e in same if i < sentence.index]
            after = [e for i, e in same if i > sentence.index]
            source = here[0] if here else before[-1] if before else None
            if source is None and incident is not None and event.event_type == "ASSAULT" \
                    and not (after and _weeks_before(incident[1].date, after[0].date)):
                when = (incident[1].date, incident[1].precision, incident[1].text)
                why = "the day the story says the incident took place"
            elif source is None and after and (told := _told_before(story, days, event.event_type, after[0])):
                when = (told.date, told.precision, told.text)
                why = f"told with the {event.event_type} before the later day of sentence {after[0].sentence_index}"
            elif (source := source or (after[0] if after else None)) is not None:
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


def _told_before(story: Story, days: list[tuple[int, TimeExpr]], kind: str, later: Event) -> TimeExpr | None:
    """The earliest day in the week before `later`'s day that a sentence telling of an event of `kind` gives before
    `later`'s sentence, though the clause rules did not give it to that event ("charged in connection with Monday
    night's shooting", "died Friday night after he was shot", "someone knocked Sunday night, and shots were fired"):
    a story tells of the attack before the charges, the death, the statements, so a later day that the clause rules
    gave an attack ("police announced charges of assault on Tuesday", "as police worked today to find why a man opened
    fire") is most often a follow-up's. Not a day the sentence marks as another incident's ("the previous shooting on
    Saturday"), nor a weekday six days back (`_day_after_stamp`). `days` is `_story_days(story)`."""
    published = date.fromisoformat(story.date[:10])  # `later` is a dated event of a dated story
    last = date.fromisoformat(later.date)
    holds = {s.index: s.text for s in story.sentences if any(e.event_type == kind for e in s.events)}
    other = _time_words()["other_incident"]
    told = [t for i, t in days if i < later.sentence_index and i in holds
            and last - timedelta(days=7) <= date.fromisoformat(t.date) < last and not _day_after_stamp(t, published)
            and not other.search(holds[i][max(0, t.start - 90):t.start].lower())]
    return min(told, key=lambda t: t.date) if told else None


def _charge_named(text: str, trigger: Trigger) -> bool:
    """"charged with murder last Thursday", "announced charges of aggravated assault on Tuesday", "arraigned
    Thursday on a murder charge": an attack named by a charge, whose time is most often the charge's, not a day for
    the story's other attacks."""
    word = trigger.text.split()[0].lower() if trigger.text else ""
    if word.endswith(("ing", "ed")):
        return False
    words = _time_words()
    return words["charge_named"].search(text[max(0, trigger.start - 60):trigger.start].lower()) is not None \
        or words["charge_after"].match(text[trigger.end:trigger.end + 20].lower()) is not None


def _weeks_before(day: str, later: str) -> bool:
    """More than a fortnight before `later`: an incident the story tells of weeks before the day of one of its attacks
    ("the suspect had been arrested on March 23" and "shot his girlfriend on Sunday night") is an earlier one, not
    the day of the attack the story is about."""
    return date.fromisoformat(later) - date.fromisoformat(day) > timedelta(days=14)


def _as_reported(story: Story) -> None:
    """A record that reports on the story's shooting through a later act (`Event.reports_on`: the arrest, the charge,
    the naming of the shooter) takes the shooting's day and place: the same event, told again."""
    for sentence in story.sentences:
        for event in sentence.events:
            shooting = event.reports_on
            if shooting is None:
                continue
            event.date, event.date_precision, event.date_text = shooting.date, shooting.date_precision, \
                shooting.date_text
            event.date_source = "context" if shooting.date_source in ("text", "context") else shooting.date_source
            event.location = shooting.location
            event.notes.append(f"link: the day and place of the shooting it reports on ({shooting.trigger.text!r}, "
                               f"sentence {shooting.sentence_index})")


def _before_held(story: Story, held: Iterable[tuple[Event, TimeExpr]]) -> None:
    """"A deputy died Friday after a shooting": the shooting was on Friday or before it. The story's day for it
    (`_story_dates`) stands when it is not later than Friday; else, or with none, Friday does (`date_source`
    "context": the day is the sentence's, not the event's own)."""
    published = story.date[:10] if story.date else None
    for event, time in held:
        if published and time.date > published:
            continue  # "is to appear in court Monday in connection with an attack": no bound on a past event
        if published and _day_after_stamp(time, date.fromisoformat(published)):
            continue  # "arraigned Wednesday" in a story stamped Tuesday: most often the day after, no bound
        days = _days_after(event.sentence, time, event.trigger)
        if days and time.precision == "day":
            # "remained closed Wednesday, two days after a gunman killed two people": the event's own day
            day = (date.fromisoformat(time.date) - timedelta(days=days)).isoformat()
            event.date, event.date_precision, event.date_text = day, "day", time.text
            event.date_source = "context"
            event.notes = [n for n in event.notes if not n.startswith(("link: no date in the sentence", "link: date"))]
            event.notes.append(f"link: date {day}, {days} day(s) before {time.text!r} as the sentence says "
                               "(date_source=context)")
            continue
        if event.date_source == "context" and event.date and event.date <= time.date:
            continue
        event.date, event.date_precision, event.date_text = time.date, time.precision, time.text
        event.date_source = "context"
        event.notes = [n for n in event.notes if not n.startswith(("link: no date in the sentence", "link: date"))]
        event.notes.append(f"link: date {time.date} from {time.text!r}, the day of the sentence's verb before the "
                           "event's phrase; the event was not later (date_source=context)")


def _days_after(text: str, time: TimeExpr, trigger: Trigger) -> int | None:
    """N of "TIME, N days after <the event>" ("a day after", "two days after"), else None."""
    if time.end > trigger.start:
        return None
    m = _DAYS_AFTER.fullmatch(text[time.end:trigger.start])
    if not m:
        return None
    from flashpoint.extract.dates import _lexicon

    n = m.group(1).lower()
    return 1 if n in ("a", "one") else int(n) if n.isdigit() else _lexicon().number.get(n)


# "Wednesday, two days after a gunman killed": the count, then only the event's subject before the trigger
_DAYS_AFTER = re.compile(r"(?i),?\s+(?:just\s+|only\s+)?(a|one|two|three|four|five|six|[1-6])\s+days?\s+after\s+"
                         r"(?:[A-Za-z0-9'-]+\s+){0,4}")


def _story_days(story: Story, recent: bool = True) -> list[tuple[int, TimeExpr]]:
    """The story's days in the fortnight before publication (`recent`; else any day up to publication), in story
    order: not a dateline's or a time stamp's ("Posted: Monday, October 17, 2016"), not the day of a report ("...,
    police said Monday"), not a day the clause speaks of in the future ("is expected to appear in court Monday")."""
    from flashpoint.extract.dates import _tense

    if not story.date:
        return []
    published = date.fromisoformat(story.date[:10])
    oldest = published - timedelta(days=14) if recent else date.min
    out = []
    for sentence in story.sentences:
        after_dateline = dateline_end(sentence.text)
        if _STAMP.match(sentence.text):
            continue
        for t in sentence.times:
            if t.date and t.precision == "day" and t.start >= after_dateline and not _reporting_time(sentence, t):
                day = date.fromisoformat(t.date)
                if oldest <= day <= published and _tense(sentence.text, t.start, t.end) != "future":
                    out.append((sentence.index, t))  # not a plan: "an autopsy is scheduled for Thursday"
    return out


def _recent(story: Story, every: list[tuple[int, TimeExpr]]) -> list[tuple[int, TimeExpr]]:
    """The days of `_story_days(story, recent=False)` in the fortnight before publication: `_story_days(story)`."""
    if not story.date:
        return []
    oldest = (date.fromisoformat(story.date[:10]) - timedelta(days=14)).isoformat()
    return [it for it in every if it[1].date >= oldest]


def _incident_day(story: Story) -> tuple[int, TimeExpr] | None:
    """The first day, up to publication and within a year of it, of a sentence that tells when the incident took
    place without naming the attack ("Police were called to the 1500 block about 3:10 a.m. Jan. 1", "The incident
    occurred on Nov. 13", "Thursday's rampage"): an attack that its own sentence does not date, and that no earlier
    attack dates, was on that day rather than on a later one that a follow-up story is about (the hearing, the
    arrest). With the index of its sentence."""
    if not story.date:
        return None
    published = date.fromisoformat(story.date[:10])
    words = _time_words()
    cue, other = words["incident"], words["other_incident"]
    for sentence in story.sentences:
        if _STAMP.match(sentence.text):
            continue
        after_dateline = dateline_end(sentence.text)
        lowered = sentence.text.lower()
        for t in sentence.times:
            if not t.date or t.precision != "day" or t.start < after_dateline or _reporting_time(sentence, t):
                continue
            if not published - timedelta(days=366) <= date.fromisoformat(t.date) <= published:
                continue
            if _day_after_stamp(t, published):
                continue
            # the cue before the time ("were called to the 1500 block about 3:10 a.m. Jan. 1") or right after it
            # ("at 6:15 p.m. Sunday when shots rang out")
            lead = lowered[max(0, t.start - 90):t.start]
            opens = lowered.startswith((",", " when"), t.end)  # "Jan. 1, an argument broke out"
            # or a day that owns the incident ("Thursday's rampage", "Tuesday's tragic incident")
            owns = words["owns_incident"].match(lowered, t.end) is not None
            told = cue.search(lead) or opens and cue.search(lowered, t.end, t.end + 40)
            if (told or owns) and not other.search(lead):
                return sentence.index, t
    return None


def _story_anchor(story: Story, every: list[tuple[int, TimeExpr]] | None = None) -> TimeExpr | None:
    """The story's earliest day in the fortnight before publication ("Police responded to a call Saturday night"; a
    later day is most often that of the charges, the autopsy, the report), or an earlier calendar day within a year
    that it names (a follow-up story: "the hearing Tuesday" and "on the evening of Oct. 8"): when no event of a type
    carries a date, the story's own day is a better guess than its publication."""
    every = _story_days(story, recent=False) if every is None else every
    days = _recent(story, every)
    if days:
        published = date.fromisoformat(story.date[:10])  # _story_days gives days only to a dated story
        firm = [it for it in days if not _day_after_stamp(it[1], published)]
        # a follow-up story (the hearing on Tuesday) that gives a calendar day weeks back ("on the evening of Oct. 8,
        # the baby ...", "in the Nov. 3 shooting"): the incident comes before the hearing, the charges, the trial, so
        # that day, not the hearing's, is the story's own; not a day the story marks as another incident's
        other = _time_words()["other_incident"]
        text = {s.index: s.text for s in story.sentences}
        older = [it for it in every
                 if _CALENDAR.search(it[1].text)
                 and published - timedelta(days=366) <= date.fromisoformat(it[1].date) < published - timedelta(days=14)
                 and not other.search(text[it[0]][max(0, it[1].start - 90):it[1].start].lower())]
        if older:
            return min(older, key=lambda it: (it[1].date, it[0]))[1]
        # a story whose only recent days are weekdays six days back: its stamp is most likely a day early, and
        # those days are after the publication day; the publication day is the better guess
        return min(firm, key=lambda it: (it[1].date, it[0]))[1] if firm else None
    # A follow-up story (the charges, the trial, the funeral) names the incident's day weeks before it is published
    # ("Powers is charged in the Jan. 13 shooting"): its first such day, not the publication, is the story's own day.
    return every[0][1] if every else None


_CALENDAR = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")


def _day_after_stamp(t: TimeExpr, published: date) -> bool:
    """A bare weekday ("Thursday", "10 a.m. Thursday") read as six days before publication: the weekday right after
    the publication's. A story's stamp is often a day early (the first version's day, a clock in another zone) while
    its text tells of the next day ("remained in stable condition Thursday", "was arraigned Thursday"); read backward
    that day is the earliest of the story's week and would pass for the incident's. As the story's own day (not an
    event's own clause's) it is the weakest evidence: the story's other days, or its publication day, come first."""
    if t.precision != "day" or not t.date or (published - date.fromisoformat(t.date)).days != 6:
        return False
    return _WEEKDAY.search(t.text) is not None and _MONTH_OR_NUMBER.search(t.text) is None


_MONTH_OR_NUMBER = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}|"
                              r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


# A line that only stamps the story: "Posted: Monday, October 17, 2016 10:26 am", "Updated 3:45 PM", "Dec. 3, 2016".
_STAMP = re.compile(r"(?i)\s*(?:(?:posted|updated|published|last updated|created|modified)\b[^a-z]*|"
                    r"(?:[a-z]+day,?\s+)?[a-z]+\.?\s+\d{1,2},?\s+\d{4}\b[\d:apm. ]*$)")


def _refine_dates(story: Story, every: list[tuple[int, TimeExpr]] | None = None) -> None:
    """Two corrections of a date read from the clause itself (`date_source` "text") or from another clause of its
    sentence ("context"):
    - a past event ("was killed Tuesday", "Tuesday's shooting") dated after publication, because a future cue in the
      sentence turned a weekday or a day without its year forward ("No charges expected in Tuesday's shooting"), is
      read backward: an asserted past event is never dated after its story (its own clause's time only);
    - a week, weekend, month or year ("last week", "over the weekend", "in January", "last year") that holds one of
      the story's days is that day, at day precision (`date_source` "context"): the day of the story's first event of
      the same type dated inside it ("a shooting over the weekend" and later "shot in the early Sunday brawl"), else
      the story's earliest day inside it ("... shot last week" and elsewhere "on Dec. 15")."""
    if not story.date:
        return
    published = date.fromisoformat(story.date[:10])
    days = _story_days(story, recent=False) if every is None else every
    for sentence in story.sentences:
        for event in sentence.events:
            if event.date_source not in ("text", "context") or not event.date:
                continue
            when = date.fromisoformat(event.date)
            if event.date_source == "text" and when > published and (
                    event.date_precision == "day" and _past(sentence, event)
                    or event.date_precision == "week" and _past_weekend(sentence, event)):
                back = when
                # a week back for a weekday or a week ("killed over the weekend" read forward by "planned"), else
                # the same day a calendar year back
                weekly = event.date_precision == "week" or _WEEKDAY.search(event.date_text or "")
                while back > published:
                    back = back - timedelta(days=7) if weekly else \
                        back.replace(year=back.year - 1, day=min(back.day, 28 if back.month == 2 else 31))
                event.date = back.isoformat()
                event.notes.append(f"link: {event.date_text!r} read backward to {event.date}: a past event is not "
                                   "dated after its story")
            elif event.date_precision in ("week", "month", "year") and days:
                span = _period(event.date, event.date_precision, event.date_text or "")
                last = min(span[1], published)
                own = [e for s in story.sentences for e in s.events if e.event_type == event.event_type
                       and e.date_source == "text" and e.date_precision == "day" and e.date and e.date_text
                       and span[0] <= date.fromisoformat(e.date) <= last]
                inside = [t for _, t in days if span[0] <= date.fromisoformat(t.date) <= last]
                if own:
                    # "a shooting over the weekend" and elsewhere "shot in the early Sunday incident": the day of the
                    # story's first dated event of the kind inside the week, not an earlier day of another thing
                    day, text = own[0].date, own[0].date_text
                elif inside:
                    t = min(inside, key=lambda x: x.date)
                    day, text = t.date, t.text
                else:
                    continue
                event.notes.append(f"link: {event.date_text!r} narrowed to {day} by {text!r} elsewhere in "
                                   "the story (date_source=context)")
                event.date, event.date_precision, event.date_source = day, "day", "context"


_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b")


def _past(sentence: Sentence, event: Event) -> bool:
    """The trigger reads as a past event: a past-tense verb ("killed", "shot") or a noun that a day owns ("Tuesday's
    shooting", "Tuesday's midtown shooting", "the April 28 double murder")."""
    from flashpoint.extract.dates import _lexicon

    word = event.trigger.text.split()[0].lower() if event.trigger.text else ""
    if word.endswith("ed") or word in _lexicon().words["past_verb"]:
        return True
    lead = sentence.text[max(0, event.trigger.start - 30):event.trigger.start].lower().split()[-2:]
    if word.endswith("ing") and any(w in ("for", "of", "with") for w in lead):
        return True  # "will face a judge Tuesday for accidentally shooting a teenager on Christmas Eve"
    if not event.date_text:
        return False
    if re.search(re.escape(event.date_text) + r"(?:'|’)s\s", sentence.text):
        return True  # "charges in Tuesday's fatal shooting" with the trigger "murder charges" merged into it
    at = sentence.text.rfind(event.date_text, 0, event.trigger.start)
    between = sentence.text[at + len(event.date_text):event.trigger.start] if at >= 0 else ""
    # "Tuesday's shooting", "Tuesday’s midtown shooting": the day owns the noun
    if between.startswith(("'s", "’s")) and len(between.split()) <= 3 or "'s " in event.date_text:
        return True
    # "the April 28 double murder", "in the Jan. 3 shooting": a day that modifies the noun names a past event
    before = sentence.text[:at].split()[-1:] if at >= 0 else []
    return bool(before) and before[0].lower() in ("the", "a", "an") and len(between.split()) <= 2 and \
        not any(ch in between for ch in ",;:")


def _past_weekend(sentence: Sentence, event: Event) -> bool:
    """"Police identified the victims of a murder-suicide over the weekend": a bare weekend that a future cue in the
    sentence ("appears to be", "a planned trip") read forward is the one just past when the sentence tells of it in
    the past tense; "next weekend", "this coming weekend" stay ahead."""
    from flashpoint.extract.dates import _lexicon

    said = (event.date_text or "").lower()
    if "weekend" not in said or any(w in said for w in ("next", "coming")):
        return False
    past = _lexicon().words["past_verb"]
    verbs = re.findall(r"[a-z]+", sentence.text.lower())
    return not any(w in ("will", "shall") for w in verbs) and \
        any(w in past or (w.endswith("ed") and len(w) > 4) for w in verbs)


def _period(first: str, precision: str, text: str) -> tuple[date, date]:
    start = date.fromisoformat(first)
    if precision == "week":
        if "weekend" in text.lower():  # a weekend's first day: its Friday or Saturday, or the week's Monday
            sat = start + timedelta(days=(5 - start.weekday()) % 7)
            return sat - timedelta(days=1), sat + timedelta(days=1)
        return start, start + timedelta(days=6)
    if precision == "year":
        return start, date(start.year, 12, 31)
    nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - timedelta(days=1)
