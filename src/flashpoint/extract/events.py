"""Event detection by trigger patterns: PLOVER type and mode, actor and recipient.

The trigger lexicon (`triggers.tsv`) is written from the PLOVER manual's definitions. Matching is token-level (a dict
from first word to the patterns that start with it), which keeps the rule path far above 1,000 sentences/s; a regex
alternation of the whole lexicon would scan every pattern at every character.

Actors come from the actors stage (`Sentence.actors`): the actor is the nearest mention before the trigger in its
clause, the recipient the first after it; passives ("were arrested by police") swap them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from flashpoint import tsv
from flashpoint.extract.actors import ACTION_NOUNS
from flashpoint.extract.objects import (
    forces_target,
    further_clause,
    held_as,
    later_place,
    object_recipient,
    own_forces,
    past_place,
    place_recipient,
    struck_target,
    subject_actor,
    that_subject,
)
from flashpoint.extract.objects import words as words_of_objects
from flashpoint.records import Actor, Event, Sentence, Story, Trigger
from flashpoint.text.tokens import Token, tokenize, verb_forms

_GAP = None  # a pattern element that matches 0-_MAX_GAP arbitrary tokens
_MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Pattern:
    event_type: str
    mode: str | None
    elements: tuple[frozenset[str] | None, ...]  # None = gap
    optional: tuple[bool, ...]
    source: str  # the pattern as written, for --explain
    suffixes: tuple[tuple[str, ...], ...] = ()  # per element: word endings it also matches ("~ing": any -ing word)

    @property
    def verbal(self) -> bool:
        """Whether the pattern starts with a verb ("attack+") rather than a noun ("fighting", "talks")."""
        return self.source.split()[0].split("|")[0].endswith("+")

    @property
    def specificity(self) -> int:
        return sum(1 for e in self.elements if e is not None) + (1 if self.mode else 0)


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token (inclusive)


def _element(word: str) -> frozenset[str]:
    forms: set[str] = set()
    for alt in word.split("|"):
        if not alt.startswith("~"):
            forms |= verb_forms(alt[:-1]) if alt.endswith("+") else {alt}
    return frozenset(forms)


def _suffixes(word: str) -> tuple[str, ...]:
    """The endings a pattern word matches ("~ing": any word ending in -ing, such as a gerund object)."""
    return tuple(alt[1:] for alt in word.split("|") if alt.startswith("~") and len(alt) > 1)


def parse_pattern(event_type: str, mode: str | None, source: str) -> Pattern:
    elements: list[frozenset[str] | None] = []
    optional: list[bool] = []
    suffixes: list[tuple[str, ...]] = []
    for word in source.split():
        if word == "*":
            elements.append(_GAP)
            optional.append(True)
            suffixes.append(())
            continue
        opt = word.endswith("?")
        elements.append(_element(word.rstrip("?")))
        optional.append(opt)
        suffixes.append(_suffixes(word.rstrip("?")))
    if elements[0] is None or optional[0] or suffixes[0]:
        raise ValueError(f"pattern must start with a word: {source!r}")
    return Pattern(event_type, mode, tuple(elements), tuple(optional), source, tuple(suffixes))


@cache
def lexicon() -> dict[str, tuple[Pattern, ...]]:
    """First word -> patterns starting with it."""
    index: dict[str, list[Pattern]] = {}
    for event_type, mode, source in tsv.rows("flashpoint.extract", "triggers.tsv"):
        pattern = parse_pattern(event_type, None if mode == "-" else mode, source)
        for first in pattern.elements[0]:  # type: ignore[union-attr]
            index.setdefault(first, []).append(pattern)
    return {k: tuple(v) for k, v in index.items()}


def _match_from(pattern: Pattern, tokens: Sequence[Token], start: int) -> int | None:
    """Index of the last token if `pattern` matches at `start`, else None."""

    def walk(e: int, t: int) -> int | None:
        if e == len(pattern.elements):
            return t - 1
        element = pattern.elements[e]
        if element is None:  # gap: shortest first
            for skip in range(_MAX_GAP + 1):
                if t + skip > len(tokens):
                    break
                if skip and tokens[t + skip - 1].lower in ".;:?!":
                    break
                found = walk(e + 1, t + skip)
                if found is not None:
                    return found
            return None
        if t < len(tokens) and (tokens[t].lower in element or pattern.suffixes[e]
                                and tokens[t].lower.endswith(pattern.suffixes[e])):
            found = walk(e + 1, t + 1)
            if found is not None:
                return found
        if pattern.optional[e]:
            return walk(e + 1, t)
        return None

    return walk(0, start)


def find_triggers(tokens: Sequence[Token]) -> list[Match]:
    """All trigger matches, overlaps resolved: longest span, then most specific pattern, wins.

    NONE patterns ("riot police") take part in the overlap resolution and are then dropped."""
    index = lexicon()
    candidates: list[Match] = []
    for i, token in enumerate(tokens):
        if token.text in _MONTH_VERBS:  # "March" the month, not the verb
            continue
        for pattern in index.get(token.lower, ()):
            last = _match_from(pattern, tokens, i)
            if last is not None:
                candidates.append(Match(pattern, i, last))
    candidates.sort(key=lambda m: (-(m.last - m.first), -m.pattern.specificity, m.first))
    taken: set[int] = set()
    chosen: list[Match] = []
    for m in candidates:
        # A match owns its first token (the verb); gap tokens may be shared with a nested trigger. A fixed phrase of
        # another sense owns all its words ("hard fought battles": not "fought").
        words = {m.first, m.last}
        if m.pattern.event_type == "NONE" and _GAP not in m.pattern.elements:
            words = set(range(m.first, m.last + 1))
        if words & taken:
            continue
        taken |= words
        chosen.append(m)
    return sorted((m for m in chosen if m.pattern.event_type != "NONE"), key=lambda m: m.first)


_W = tsv.lists("flashpoint.extract", "events_words.tsv")  # the word lists below (knowledge, kept as data)
_PRONOUNS = set(_W["pronouns"])
_MONTH_VERBS = set(_W["month_verbs"])
_BE = set(_W["be"])
_ADVERBS = set(_W["adverbs"])
_CLAUSE_BREAKS = {";", ":", "but", "while", "although", "whereas", "though", "because", "since", "—", "(", ")",
                  "adding"}
_COUNT_WORDS = set(_W["count_words"])
_PARTICIPLES = set(_W["participles"])


# A name + participle + preposition is a reduced passive ("journalists accused of", "men charged with") only for
# verbs that take the preposition in the passive; many take it in the active ("X met with", "X warned of").
_PASSIVE_WITH_PREP = {"of": set(_W["passive_with_of"]), "with": set(_W["passive_with_with"])}
_ACTIVE_WITH_FOR = set(_W["active_with_for"])


def is_passive(tokens: Sequence[Token], first: int, actors: list[Actor] | None = None) -> bool:
    """A passive trigger: "was arrested", "were reportedly detained", or a reduced relative right after a name
    ("journalists accused of inciting", "protesters detained by police")."""
    word = tokens[first].lower
    if not (word.endswith(("ed", "en")) or word in _PARTICIPLES):
        return False
    j = first - 1
    adverbs = _ADVERBS | harm_words()["passive_adverb"]  # "was instead fatally gunned down"
    while j >= 0 and (tokens[j].lower in adverbs or (tokens[j].lower.endswith("ly") and len(tokens[j].lower) > 4)):
        if tokens[j].lower in _BE:
            return True
        j -= 1
    if j >= 0 and tokens[j].lower in _BE:
        return True
    # "were killed and 40 (others) injured": the second participle shares the first one's "were"
    k = j - 1 if j >= 0 and tokens[j].lower == "others" else j
    k = k - 1 if k >= 0 and (tokens[k].text[:1].isdigit() or tokens[k].lower in _COUNT_WORDS) else k
    if k > j - 3 and k >= 1 and tokens[k].lower == "and" and is_passive(tokens, k - 1):
        return True
    after = tokens[first + 1].lower if first + 1 < len(tokens) else ""
    if after == "by" and word.endswith(("ed", "en")):
        return True  # "a hero, 33, killed by ISIS": an agent phrase makes any participle passive
    if actors and j >= 1 and tokens[j].text == "," and (after == "by" or after in harm_words()["after_reduced"]):
        # "Sam Ortiz, 34, shot by a neighbor, died", "the officers, beaten black and blue, were rescued": a
        # participle set off after its noun (and its age) describes what befell the noun
        k = j - 2 if j >= 3 and tokens[j - 1].text.isdigit() and tokens[j - 2].text == "," else j
        if any(a.end == tokens[k - 1].end for a in actors):
            return True
    reduced = after == "by" or after in _PASSIVE_WITH_PREP and word in _PASSIVE_WITH_PREP[after] or \
        after == "for" and word not in _ACTIVE_WITH_FOR
    return bool(actors) and reduced and j >= 0 and any(a.end == tokens[j].end for a in actors or ())


def ends_passive(tokens: Sequence[Token], m: Match) -> bool:
    """A trigger led by its object and ending in a passive participle ("rounds were fired", "tear-gas shells were
    lobbed"): the words before it are not its subject."""
    return not m.pattern.verbal and m.last > m.first and is_passive(tokens, m.last)


def _is_break(tokens: Sequence[Token], j: int) -> bool:
    word = tokens[j].lower
    if word == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" or \
            word == ")" and j >= 2 and tokens[j - 2].text == "(":
        return False  # a one-word aside is no clause: "Amnesty International (AI) has accused ..."
    if word == ":" and 0 < j < len(tokens) - 1 and tokens[j - 1].text.isdigit() and tokens[j + 1].text[:1].isdigit():
        return False  # a time of day: "at 9:30 a.m."
    if (word == ";" or word == "and" and j > 0 and tokens[j - 1].text == ",") and _list_of_people(tokens, j):
        return False  # "identified as Cynthia Hurd, 54; Tywanza Sanders, 26; and ...", "X, 40, of Paris, and Y"
    return word in _CLAUSE_BREAKS or (word in {"and", "but"} and j > 0 and tokens[j - 1].lower == ","
                                      and not (word == "and" and j > 1 and tokens[j - 2].text.isdigit()))


def _list_of_people(tokens: Sequence[Token], j: int) -> bool:
    """The semicolon or ", and" at j separates the items of a list of people with ages: an age shortly before it
    (", 54;", ", 33, Richmond;", ", 40, of the Bronx, and") and a capitalised word or "and" after it."""
    nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
    if not (nxt[:1].isupper() or nxt in ("and", "the", "their", "his", "her", "a")):
        return False  # "A, 35; their cousin, B, 37; and a family friend, C, 26"
    if j and tokens[j].text == ";" and tokens[j - 1].text[:1].isupper() and \
            nxt in ("his", "her", "their", "and"):
        return True  # "his daughter, Kayla Walker; his girlfriend, Shantai Hale; and ..."
    for k in range(j - 1, max(0, j - 8), -1):
        if tokens[k].text.isdigit() and len(tokens[k].text) <= 3 and tokens[k - 1].text == ",":
            return True
        if tokens[k].lower in _CLAUSE_BREAKS:
            return False
    return False


def clause_bounds(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """Character span of the clause around a trigger: stops at ; : ", and" but while ... and parentheses."""
    start = 0
    for j in range(first - 1, -1, -1):
        if _is_break(tokens, j):
            start = tokens[j].end
            break
    end = tokens[-1].end if tokens else 0
    for j in range(last + 1, len(tokens)):
        if _is_break(tokens, j):
            end = tokens[j].start
            break
    return start, end


_AGES = re.compile(r"^,\s*\d{1,3}\s*(?=,)|\s*\b\d{1,2}[- ](?:year|month)[- ]old$")


def _conjunction(between: str) -> str:
    """The joining words between two mentions without the ages and kin nouns of the second ("X, 20, and Y",
    "X and his 6-year-old son Y" -> "and")."""
    from flashpoint.extract.people import word_kinds

    between = _AGES.sub("", between.strip().lower()).strip()
    words = between.split()
    if len(words) > 1:
        kinds = word_kinds()
        joins = [i for i, w in enumerate(words) if w.strip(",") in ("and", ",", "") or w == ","]
        if joins and len(words) - joins[0] <= 6 and "person" in kinds.get(words[-1].strip(","), ()):
            words = words[:joins[0] + 1]  # "and a close family friend," / ", along with her niece,": a kin noun
        counts = harm_words()["list_filler"]
        while len(words) > 1 and (words[-1] in _KIN_DETS or words[-1] in counts or words[-1].replace(",", "").isdigit()
                                  or words[-1] in _COUNT_WORDS
                                  or "person" in kinds.get(words[-1].strip(","), ())
                                  or re.fullmatch(r"\d{1,2}[- ](?:year|month)[- ]old", words[-1])):
            words.pop()
        between = " ".join(words)
    return between


_KIN_DETS = frozenset(_W["kin_dets"])


def _with_conjuncts(actors: list[Actor], k: int, text: str, step: int) -> list[Actor]:
    """The mention at index k plus those joined to it by "and" / "," ("the US and France")."""
    from flashpoint.extract.people import named, person_asides

    group = [actors[k]]
    j = k + step
    while 0 <= j < len(actors):
        if step > 0 and is_person(actors[j]) and text[actors[j].end:actors[j].end + 2] in ("'s", "’s") and \
                j + 1 < len(actors):
            j += 1  # "and Hale's mother, Viola Warren": the possessor is no item of the list
            continue
        a, b = (actors[j], group[-1]) if step < 0 else (group[-1], actors[j])
        between = text[a.end:b.start]
        if (is_person(a) or a.sector == "CVL" or named(a)) and (is_person(b) or b.sector == "CVL" or named(b)):
            between = person_asides(between)  # "X, 40, of the Bronx, and Y", "A, 54; B, 26; and C"
        between = _conjunction(between)
        if between not in {"and", ",", ", and", "or", "and the", ", the", "as well as"}:
            break
        group.append(actors[j])
        j += step
    return sorted(group, key=lambda a: a.start)


DETERMINERS = set(_W["determiners"])


def is_nominal(tokens: Sequence[Token], m: Match) -> bool:
    """A noun trigger ("fighting", "the attack", "talks") rather than a verb ("attacked")."""
    before = tokens[m.first - 1].lower if m.first else ""
    if before in ("that", "which") and m.pattern.verbal and tokens[m.first].lower.endswith("ed"):
        return False  # a relative clause's verb: "the shooting that killed X"
    return not m.pattern.verbal or before in DETERMINERS or before.endswith("'s")


_SAYS = set(_W["says"])
_SAY_TIMES = set(_W["say_times"])


def _speaker_is_subject(between: list[str]) -> bool:
    """Words between an actor and its trigger read "(on Thursday) says (that) it/they ...": the pronoun is the
    speaker."""
    words = [w.strip(",") for w in between]
    says = [i for i, w in enumerate(words[:4]) if w in _SAYS]
    if not says:
        return False
    rest = words[says[0] + 1:]
    while rest and (rest[0] in _SAY_TIMES or rest[0].endswith("day") or (rest[0].endswith("ly") and len(rest[0]) > 4)):
        rest = rest[1:]  # "said on Friday (that) it", "stated publicly that he"
    rest = rest[1:] if rest[:1] == ["that"] else rest
    return bool(rest) and rest[0] in {"it", "they", "he", "she"}


# Verbs that report a demand when the clause they introduce holds "Y must ..." ("Russia said Sudan must return ...").
_DEMAND_SAYS = _SAYS | frozenset(_W["demand_says_more"])
_DEONTIC = {"must"}  # "should" was tried: no gain on PLV or the GSR, and advice more often than demand
_REQUEST_MODES = {"CONCEDE": "yield", "RETREAT": "yield", "CONSULT": "meet", "AID": "assist"}


def reported_demands(story: Story, sentence: Sentence, tokens: Sequence[Token], found: list[Event]) -> list[Event]:
    """"SPEAKER said (that) Y must V" is a REQUEST from the speaker to Y (the PLOVER manual: REQUEST covers demands),
    asserted: the demand was made, whatever becomes of the act demanded (which the status stage makes hypothetical).

    The trigger is the saying verb, so the status of the demand is read from the cues that govern it."""
    out: list[Event] = []
    for i, token in enumerate(tokens):
        if token.lower not in _DEONTIC or i < 2 or tokens[i - 1].lower == "there":
            continue  # "there must be dialogue" is a general call, not a demand on anyone
        says = [j for j in range(max(0, i - 12), i) if tokens[j].lower in _DEMAND_SAYS]
        if not says or any(_is_break(tokens, j) for j in range(says[-1] + 1, i)):
            continue
        say = tokens[says[-1]]
        speakers = [k for k, a in enumerate(sentence.actors) if a.end <= say.start
                    and len(sentence.text[a.end:say.start].split()) <= 3]
        if not speakers:
            continue
        actor = [sentence.actors[speakers[-1]]]
        if speakers[-1] and sentence.text[sentence.actors[speakers[-1] - 1].end:actor[0].start].strip() == "and":
            actor.insert(0, sentence.actors[speakers[-1] - 1])  # "Britain and France said"; a comma may end a clause
        before = [k for k, a in enumerate(sentence.actors) if say.end <= a.start and a.end <= token.start
                  and not sentence.text[a.end:token.start].strip()]
        recipient = _with_conjuncts(sentence.actors, before[-1], sentence.text, -1) if before else []
        demanded = [e.event_type for e in found if e.trigger.start > token.start]
        event = Event(
            story_id=story.id, sentence_index=sentence.index, sentence=sentence.text, event_type="REQUEST",
            mode=_REQUEST_MODES.get(demanded[0]) if demanded else None,
            trigger=Trigger(say.text, say.start, say.end), actor=actor, recipient=recipient,
            publication_date=story.date,
        )
        event.notes.append(f"events: REQUEST/{event.mode or '-'}: {say.text!r} ... {token.text!r} reports a demand")
        out.append(event)
    return out


_OBJECT_PREPOSITIONS = set(_W["object_prepositions"])


def _after_preposition(text: str, a: Actor) -> bool:
    """The mention is the object of a preposition: "to the WHO", "to the head of the WHO"."""
    words = text[:a.start].lower().split()[-8:]
    while words and words[-1] in {"the", "a", "an"}:
        words.pop()
    if len(words) >= 2 and words[-1] == "of":  # "the head of": the head is the object
        words = words[:-2]
        while words and words[-1] in {"the", "a", "an"}:
            words.pop()
    return bool(words) and words[-1] in _OBJECT_PREPOSITIONS


def _participle_subject(tokens: Sequence[Token], m: Match, usable: list[Actor], left: list[int],
                        text: str) -> int | None:
    """Index in `usable` of the subject of an -ing trigger whose nearest name is a prepositional object, or None."""
    word = tokens[m.first].lower
    if not left or not word.endswith("ing") or is_nominal(tokens, m) or (m.first and tokens[m.first - 1].lower in _BE):
        return None
    before = tokens[m.first - 1] if m.first else None
    if before is None or not (before.text == "," or before.end == usable[left[-1]].end):
        return None  # "of fighting", "progress fighting": a noun or a complement, not a participle clause
    if not _after_preposition(text, usable[left[-1]]):
        return None
    subjects = [i for i in left[:-1] if not _after_preposition(text, usable[i])]
    return subjects[-1] if subjects else None


def _noun_participants(usable: list[Actor], right: list[int], actor: list[Actor], text: str,
                       trig_end: int, comma_ends: bool = True) -> tuple[list[Actor], list[Actor], str]:
    """A noun's "by" phrase is its actor ("a car bombing by the Islamic State group"); a name past a comma is the
    next clause's subject, not the noun's recipient ("Ahead of the summit, Putin ...").

    (Requiring a preposition before the recipient, as in "an attack on the convoy", was tried: it lost recipients
    on both gold sets.)"""
    first = usable[right[0]]
    gap = text[trig_end:first.start].lower().split()
    if gap[:1] == ["by"] and len(gap) <= 2:
        agent = _with_conjuncts(usable, right[0], text, +1)
        after = [i for i in right if usable[i].start >= agent[-1].end]
        recipient = _noun_participants(usable, after, [], text, agent[-1].end)[1] if after else []
        return agent, recipient, "; noun trigger: the 'by' phrase is the actor"
    if not comma_ends or "," not in text[trig_end:first.start]:
        recipient = _with_conjuncts(usable, right[0], text, +1)
        later = [i for i in right if usable[i].start >= recipient[-1].end]
        by = text[recipient[-1].end:usable[later[0]].start].lower().split() if later else []
        if [w for w in gap if w not in DETERMINERS][-1:] in (["of"], ["on"], ["against"]) and by[:1] == ["by"] and \
                len(by) <= 2:
            # "the killing of the journalist by Saudi agents": the "by" phrase after the object is the actor
            agent = _with_conjuncts(usable, later[0], text, +1)
            return agent, recipient, "; noun trigger: the 'by' phrase after its object is the actor"
        return actor, recipient, ""
    return actor, [], "; noun trigger: the next name is past a comma"


# A participle and its agent between a subject and its verb: " angered by the ", ", backed by "
_REDUCED_BY = re.compile(r"\s*,?\s*[a-z]+(?:ed|en)\s+by\s+(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)


_RESPONSIBILITY = re.compile(r"\s+(?:has |have |had )?(?:claimed|claims|claiming|took|takes|taken|accepted)"
                             r" responsibility for\b", re.IGNORECASE)


def _claimant(sentence: Sentence, trig_start: int) -> Actor | None:
    """"The Islamic State group claimed responsibility for the bombing": the claimant of an act named after it."""
    for a in sentence.actors:
        m = _RESPONSIBILITY.match(sentence.text, a.end)
        if m and m.end() <= trig_start:
            return a
    return None


# Verbs that make a noun their event ("held a protest", "issued an ultimatum"): the verb's subject is its actor.
_LIGHT_VERBS = frozenset(w for v in _W["light_verbs"] for w in verb_forms(v)) | set(_W["light_verbs_irregular"])
_LIGHT_FILLERS = DETERMINERS | frozenset(_W["light_fillers_more"])


_ASIDE = re.compile(r"^\s*(?:(?:in|on|at|last|this|earlier)\s+(?:[A-Z][\w.-]*\s*)+|on\s+\w+day\s*|"
                    r"(?:last|this)\s+(?:week|month|year)\s*)")
_COUNTS = frozenset(_W["counts"])
# The speaker's own words in a reported clause ("Putin said his country will ..."): the speaker may be its subject.
_OWN_WORDS = frozenset(_W["own_words"])


@cache
def _more_light_verbs() -> frozenset[str]:
    """Verbs, besides _LIGHT_VERBS, whose subject acts the event noun they take (object_words.tsv "light_verb")."""
    return frozenset(w for v in words_of_objects()["light_verb"] for w in verb_forms(v))


def _light_verb_object(between: str) -> bool:
    """The words between an actor and a noun trigger are a light verb and its determiners: "will hold a", "has
    issued an", "expressed its total", "has carried out more than two dozen", "in June announced the" (the actor
    then stands for the noun's event)."""
    between = _ASIDE.sub("", between)
    words = [w for w in (w.strip(",").lower() for w in between.split()) if w]
    if _speaker_is_subject(words):  # "says it will begin a new": the speaker's own act
        words = words[next(i for i, w in enumerate(words) if w in {"it", "they", "he", "she"}) + 1:]
    light = _LIGHT_VERBS | _more_light_verbs()
    if len(words) <= 7 and any(w in light for w in words) and all(
            w in _LIGHT_FILLERS or w in light or w in _COUNTS or w[:1].isdigit() or "-" in w for w in words):
        return True
    # "launched a joint offensive", "expressed its total rejection and strong": adjectives, or a first noun and
    # "and", between the verb and its noun
    verb = next((i for i, w in enumerate(words) if w not in _LIGHT_FILLERS), None)
    stop = words_of_objects()["stop"] - {"and"}
    rest = [w for w in words[verb + 1:] if w not in _LIGHT_FILLERS] if verb is not None else []
    return verb is not None and words[verb] in light and len(words) <= 7 and (len(rest) <= 2 or "and" in rest) and \
        all(w.replace("-", "").isalpha() and w not in stop and w not in light for w in rest)


_PURPOSE_TIMES = re.compile(r"^[\s,]*(?:(?:on|last|this|earlier|late)\s+)?(?:\w+day|week|month|night|morning|evening)?"
                            r"[\s,]*$", re.IGNORECASE)


def _purpose_after_object(text: str, subject: Actor, obj: Actor, to: int) -> bool:
    """"X called Y (on Friday) to V", "X has received Y to V": Y is the object of a verb of calling or visiting
    (object_words.tsv "purpose_verb") and the infinitive is X's purpose (not "urged Y to V", where Y acts)."""
    verbs = [w.strip(",").lower() for w in text[subject.end:obj.start].split() if not w[:1].isupper()]
    verbs = [w for w in verbs if w and w not in DETERMINERS and w not in {"has", "have", "had", "also", "on", "her"}]
    return len(verbs) == 1 and verbs[0] in words_of_objects()["purpose_verb"] and \
        bool(_PURPOSE_TIMES.match(text[obj.end:to]))


def _compound_agent(text: str, trig_end: int, a: Actor) -> bool:
    """A passive's agent named as the modifier of an action noun after "in"/"during": "in police firing"."""
    gap = [w for w in text[trig_end:a.start].lower().split() if w not in ("the", "a", "an")]
    head = text[a.end:].lower().split()[:1]
    return 1 <= len(gap) <= 4 and gap[-1] in ("in", "during") and bool(head) and head[0].strip(",.;") in ACTION_NOUNS


_RELATIVE_VERB_START = frozenset(_W["relative_verb_start"])
_RELATIVE_STOP = frozenset(_W["relative_stop"])


def _relative_head(text: str, usable: list[Actor], left: list[int], trig_start: int) -> int | None:
    """Index in `usable` of a subject whose relative clause holds the nearer names: "the police that was escorting
    the mob fired at": the mob is inside "that was escorting the mob", the police fire."""
    for j in reversed(left[:-1]):
        words = [w.strip(",") for w in text[usable[j].end:trig_start].lower().split()]
        words = [w for w in words if w]
        if len(words) < 3 or words[0] not in ("that", "who", "which") or \
                set(",;:") & set(text[usable[j].end:trig_start]) or _RELATIVE_STOP & set(words):
            continue
        verb = words[1]
        if not (verb in _RELATIVE_VERB_START or verb.endswith(("ed", "ing"))) or \
                _REPORTING & set(words) or {"that", "who", "which"} & set(words[1:]):
            continue
        return j
    return None


def assign_participants(sentence: Sentence, tokens: Sequence[Token], m: Match) -> tuple[list[Actor], list[Actor], str]:
    """(actor, recipient, note) for a trigger match."""
    text = sentence.text
    trig_start, trig_end = tokens[m.first].start, tokens[m.last].end
    clause_start, clause_end = clause_bounds(tokens, m.first, m.last)
    att = sentence.attribution
    # The source of a report that follows the trigger is not a participant ("gunmen killed five, police said"). A
    # source before it may be ("the minister warned ...", "the UN ... urged donors"); the nearest-mention rule then
    # prefers a reported subject ("police said gunmen killed").
    skip_source = att is not None and att.start >= trig_end
    usable = [
        a for a in sentence.actors
        if clause_start <= a.start and a.end <= clause_end
        and not (skip_source and a.start < att.end and att.start < a.end)
        and not (a.start < trig_end and a.end > trig_start)
    ]
    left = [i for i, a in enumerate(usable) if a.end <= trig_start]
    # a person named as the possessor of what follows is not the object: "hit Karl's son", "by Ann's husband, Tom"
    right = [i for i, a in enumerate(usable) if a.start >= trig_end and not _possessor(text, a)]
    actor = _with_conjuncts(usable, left[-1], text, -1) if left else []
    if len(left) >= 2 and _REDUCED_BY.fullmatch(text[usable[left[-2]].end:usable[left[-1]].start]) and \
            not _REDUCED_BY.fullmatch(text[usable[left[-1]].end:trig_start]):
        # "Protesters angered by the decision blocked ...", "The rebels, backed by Rwanda, attacked ...": the agent
        # of a reduced relative is not the subject of the main verb
        actor = _with_conjuncts(usable, left[-2], text, -1)
    relative = _relative_head(text, usable, left, trig_start) if m.pattern.verbal and \
        not is_passive(tokens, m.first, usable) else None
    if relative is not None:
        actor = [usable[relative]]  # "the police that was escorting the mob fired at"
    recipient = _with_conjuncts(usable, right[0], text, +1) if right else []
    # The object inside a gapped trigger is its recipient: "summoned [the Chinese ambassador]", "expelled [23 Russian
    # diplomats]" (the pattern spans the object, so the mention overlaps the trigger and is not in `usable`).
    inside = [a for a in sentence.actors if tokens[m.first].end < a.start and a.end <= trig_end
              and not (a.sector == "MIL" and (a.inferred or a.country is None))]  # "send more troops": own forces
    if inside:
        recipient = inside[:1]
    note = "active voice" + ("; a subject relative clause lies between the subject and its verb" if relative is not None
                             else "")
    subject = _participle_subject(tokens, m, usable, left, text)
    if subject is not None and att is not None and att.start <= usable[subject].start < att.end:
        subject = None  # "a spokesman said ... due to police firing": the speaker is no clause's subject
    if subject is not None and actor:
        # "Trump sent a letter to the WHO threatening to cut funds": the -ing clause's subject is the sentence's
        # subject, and the name before the trigger is the object of a preposition.
        if not recipient:
            recipient = actor
        actor = _with_conjuncts(usable, subject, text, -1)
        note += "; participle: the main clause's subject is the actor"
    elif actor and m.first >= 1 and tokens[m.first - 1].lower == "to" and m.pattern.verbal and \
            _after_preposition(text, actor[-1]) and not text[actor[-1].end:tokens[m.first - 1].start].strip():
        # "France has sent experts to Saudi Arabia to investigate": the purpose is the main subject's
        subjects = [i for i in left if not _after_preposition(text, usable[i])]
        if subjects:
            actor = _with_conjuncts(usable, subjects[0], text, -1)
            note += "; infinitive of purpose: the main clause's subject is the actor"
    elif actor and len(left) >= 2 and m.first >= 1 and tokens[m.first - 1].lower == "to" and m.pattern.verbal and \
            _purpose_after_object(text, usable[left[-2]], usable[left[-1]], tokens[m.first - 1].start):
        # "Netanyahu called Morrison on Wednesday to congratulate him": the caller's purpose, toward the one called
        recipient = _with_conjuncts(usable, left[-1], text, -1)
        actor = _with_conjuncts(usable, left[-2], text, -1)
        note += "; infinitive of purpose after a call or visit: the caller is the actor, the one called the recipient"
    gerund = tokens[m.last].lower.endswith("ing") and not (m.first and tokens[m.first - 1].lower in _BE)
    if (is_nominal(tokens, m) or gerund) and right and not inside:
        actor, recipient, noun_note = _noun_participants(usable, right, actor, text, trig_end,
                                                         comma_ends=is_nominal(tokens, m))
        note += noun_note
    if not actor and len(recipient) >= 2 and recipient[0].start >= trig_end and (
            tokens[m.last].lower == "between" or text[trig_end:recipient[0].start].split()[:1] == ["between"]):
        actor, recipient = recipient[:1], recipient[1:]  # "clashes between X and Y", "talks between X and Y"
        note += "; 'between' X and Y: X is the actor, Y the recipient"
    if actor and is_nominal(tokens, m) and len(text[actor[-1].end:trig_start].split()) > 2 \
            and not _light_verb_object(text[actor[-1].end:trig_start]) \
            and not (m.pattern.event_type == "ASSAULT" and is_passive(tokens, m.first, usable)):  # "had been hit by a"
        actor = []  # "the organisers of Saturday's march": a noun's actor stands next to it ("Kenyan protests")
        note = "noun trigger: no actor next to it"
    # Acronyms are names, not pronouns: "a letter to the WHO threatening ..."
    between = [w.lower() for w in text[actor[-1].end:trig_start].split() if not (w.isupper() and len(w) > 1)] \
        if actor else []
    if actor and _PRONOUNS & set(between):
        personal = {"he", "she"} & set(between) and not (is_person(actor[-1]) or actor[-1].sector == "CVL")
        if _speaker_is_subject(between) and not (m.pattern.event_type == "ASSAULT" and personal):
            note += "; pronoun subject: the speaker"  # "Hungary says it will not accept ..." (not "police said he")
        elif between[0] in ("who", "which") and not _PRONOUNS & set(between[1:]):
            note += "; relative pronoun: its antecedent"  # "the policemen who on sunday killed ..."
        else:
            actor = []  # "..., and said it would ban": the subject is a pronoun we do not resolve
            note += "; pronoun subject, actor unknown"
            if m.pattern.event_type == "ASSAULT":
                pronoun = next((t for t in tokens[:m.first] if t.start >= usable[left[-1]].end
                                and t.lower in {"he", "she", "who", "they"}), None) if left else None
                if pronoun is not None and pronoun.lower == "they" and is_passive(tokens, m.first, usable):
                    # "A, his wife, B, and C were sitting in a van when they were shot": the list of people
                    people = [a for a in sentence.actors if a.end <= pronoun.start and is_person(a)]
                    group = _with_conjuncts(people, len(people) - 1, text, -1) if people else []
                    if len(group) >= 2:
                        actor = group
                        note += f"; 'they' is {', '.join(a.text for a in group)}"
                named = resolve_pronoun(sentence, pronoun) if pronoun and pronoun.lower != "they" else None
                if named is not None:
                    actor = [named]
                    note += f"; {pronoun.text!r} is {named.text!r}"
    elif actor and att is not None and att.start <= actor[-1].start < att.end <= trig_start \
            and any(w not in ("that", ",") for w in text[att.end:trig_start].lower().split()) \
            and text[att.end:trig_start].lower().split()[-1:] not in (["and"], ["then"]) \
            and not _light_verb_object(text[actor[-1].end:trig_start]) \
            and not _OWN_WORDS & set(text[att.end:trig_start].lower().split()):
        actor = []  # "police said that two clashing groups": the reported clause has its own subject
        note += "; the speaker is not the reported clause's subject"
    if not actor:
        claimant = _claimant(sentence, trig_start)
        if claimant is not None:
            actor = [claimant]
            note += "; the group that claimed responsibility is the actor"
    if is_passive(tokens, m.first, usable):
        by_agent: list[Actor] = []
        for i in right:
            between = text[trig_end:usable[i].start].lower().split()
            # "by police", "in the face by a friend, Aaron Harcum": the first name after a near "by"
            if "by" in between and len(between) <= 8 and len(between) - between.index("by") <= 5 and \
                    not any(w in _BE for w in between[:between.index("by")]):
                # not another verb's agent: "the officers, beaten black and blue, were rescued by villagers";
                # a comma alone keeps it ("slain at home, allegedly by her husband")
                by_agent = _with_conjuncts(usable, i, text, +1)
            break
        actor, recipient = by_agent, actor
        note = "passive voice: subject is the recipient" + (", 'by' phrase is the actor" if by_agent else "")
    elif ends_passive(tokens, m):
        # "tear-gas shells were lobbed (by police)": the munition is no actor and the names before it belong to
        # another clause; only a "by" phrase names the actor
        by_agent = []
        if right:
            between = text[trig_end:usable[right[0]].start].lower().split()
            if between[:1] == ["by"] and len(between) <= 2:
                by_agent = _with_conjuncts(usable, right[0], text, +1)
        actor, recipient = by_agent, [r for r in recipient if r not in by_agent]
        note = "passive led by its object" + (", 'by' phrase is the actor" if by_agent else ": no actor named")
    if not actor and right and _compound_agent(text, trig_end, usable[right[0]]):
        actor, recipient = [usable[right[0]]], [r for r in recipient if r is not usable[right[0]]]
        note += "; the action noun's modifier is the actor"  # "were killed in police firing"
    if m.pattern.event_type == "ASSAULT":
        actor, recipient, note = harm_frames(sentence, tokens, m, usable, actor, recipient, note)
        if recipient and recipient[0].text.lower().split()[0] in harm_words()["attacker_noun"] and \
                (not actor or (is_nominal(tokens, m) or tokens[m.last].lower.endswith("ing")
                               and not (m.first and tokens[m.first - 1].lower in _BE))
                              and all(a.end <= trig_start for a in actor)) and \
                not text[trig_end:recipient[0].start].strip():
            actor, recipient = recipient[:1], recipient[1:]  # "the shooting suspect (X)": the noun's attacker
            note += "; 'the shooting suspect' is its actor"
        actor, recipient, note = _victim_compound(text, tokens, m, actor, recipient, note)
        victims = [a for a in actor if a.text.lower() in harm_words()["victim_noun"]]
        if victims:  # "X was a victim of the shooting": a victim is no attacker
            actor = [a for a in actor if a not in victims]
            recipient = victims + [r for r in recipient if r not in victims]
            note += "; a victim is the recipient"
    if recipient and recipient[0].start >= trig_end:
        # "withdraw its troops from Lebanon": own forces are not the recipient; "filed a lawsuit in a Paris court
        # against X": a forum after "in" is not either
        later = [a for a in usable if a.start >= trig_end]
        k = later.index(recipient[0]) if recipient[0] in later else -1
        while 0 <= k < len(later) and (_own_forces(text, later[k]) or _locative(text, later[k], _FORUM)):
            k += 1
        if k > 0 and later.index(recipient[0]) != k:
            recipient = _with_conjuncts(later, k, text, +1) if k < len(later) else []
            note += "; own forces or a forum are not the recipient"
    if m.pattern.event_type == "CONSULT":
        partner = [a for a in usable if a.start >= trig_end and text[trig_end:a.start].lower().split()[-1:] == ["with"]]
        if partner and partner[0] not in recipient:
            recipient = _with_conjuncts(usable, usable.index(partner[0]), text, +1)
            note += "; the 'with' phrase is the partner"  # "discussed Libya with Trump"
    if m.pattern.event_type != "ASSAULT" and tokens[m.first].lower.endswith("ing") and m.first and \
            tokens[m.first - 1].text == "," and len(left) >= 2 and actor and actor[0] == usable[left[-1]]:
        main = [i for i in left if not _after_preposition(text, usable[i])][:1]
        if main and main[0] != left[-1] and not _REPORTING & set(text[usable[main[0]].end:trig_start].lower().split()):
            recipient = recipient or actor
            actor = _with_conjuncts(usable, main[0], text, -1)
            note += "; participle clause: the main subject is the actor, its object the recipient"
    if len(actor) >= 2 and m.pattern.event_type in _SYMMETRIC and not is_passive(tokens, m.first, usable) and \
            all(a.end <= trig_start for a in actor) and _auxiliaries_only(text[actor[-1].end:trig_start]) and \
            not (m.pattern.event_type in _STANCES and m.first == m.last and (recipient or object_recipient(
                sentence, tokens, m.first, m.last, is_nominal(tokens, m), False) is not None)) and \
            not (m.pattern.event_type == "REJECT" and _GAP in m.pattern.elements):  # "blocked the resolution"
        # "Trump and Putin have agreed to ...": one side and the other
        actor, recipient = actor[:1], actor[1:]
        note += "; coordinated subjects of a joint act: the first is the actor, the others the recipient"
    if m.pattern.event_type == "ASSAULT" and m.first == m.last and participle_adjective(tokens, m.first):
        actor = []
        recipient = [r for r in recipient if r.start >= trig_end]
        note += "; a participle describing the people it hurt: no one before it took part"
    return actor, recipient, note


_AUXILIARIES = frozenset(_W["auxiliaries"])
_ADJECTIVE_BEFORE = frozenset(_W["adjective_before"])


def participle_adjective(tokens: Sequence[Token], i: int) -> bool:
    """An attack's past participle used as an adjective or a noun for the people it hurt ("tended to wounded
    civilians", "treated injured protesters", "the wounded"): after a determiner, a preposition or another past verb
    of which it is the object's modifier, not after its subject or an auxiliary."""
    word = tokens[i].lower
    if i == 0 or not word.endswith("ed") or i + 1 < len(tokens) and tokens[i + 1].lower == "by":
        return False
    before = tokens[i - 1].lower
    return before in _ADJECTIVE_BEFORE or before in DETERMINERS and before != "that" or \
        before.endswith("ed") and before.isalpha() and before not in _AUXILIARIES


def _auxiliaries_only(between: str) -> bool:
    """Nothing but auxiliaries, adverbs and times stand between subjects and their verb ("have now agreed", "on
    Saturday signed"), so the verb is theirs, not a complement's ("urged both sides to hold talks")."""
    return all(w in _AUXILIARIES or (w.endswith("ly") and len(w) > 4) or w.endswith("day") or w[:1].isdigit()
               or w[:1].isupper() for w in (x.strip(",") for x in between.split()) if w)


_SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "REJECT"})
# A stance taken together on something ("Russia and China vetoed the resolution", "X and Y welcomed the visit") is
# both subjects' act on its object, not one subject's act on the other; a joint act that holds its object ("signed a
# pact", "failed to reach agreement") is still one side's act with the other.
_STANCES = frozenset({"SUPPORT", "REJECT"})
_FORUM = frozenset(_W["forum"])


def _own_forces(text: str, a: Actor) -> bool:
    return a.sector == "MIL" and text[max(0, a.start - 8):a.start].lower().split()[-1:] in (["its"], ["their"])


def _possessor(text: str, a: Actor) -> bool:
    """A person's name with a possessive ending before a noun of a person ("Karl's son", "Ann’s best friend"): that
    person, not the owner, is the one named. The owner of a thing stays ("shot into Karl's home": his home)."""
    if not (is_person(a) and text[a.end:a.end + 2] in ("'s", "’s")):
        return False
    from flashpoint.extract.people import word_kinds

    kinds = word_kinds()
    return any("person" in kinds.get(w.strip(",.").lower(), ()) for w in text[a.end + 2:].split()[:3])


def is_person(a: Actor) -> bool:
    """A mention the people stage found: a person's name with no dictionary entry (extract/people.py)."""
    return a.sector is None and a.country is None and a.id is None and a.name is not None


_RELATIVE = frozenset(_W["relative"])
_STANCE = frozenset(_W["stance"])
_FORCES = frozenset({"COP", "MIL", "REB", "UAF", "SPY", "GOV", "CRM"})
_HARM_NOUNS = frozenset(_W["harm_nouns"])
_REFLEXIVE = frozenset(_W["reflexive"])
# "found with a gunshot wound", "suffering from gunshot wounds", "died from a gunshot": the one who has the wound is
# its recipient, and the sentence does not say who caused it.
_FILLERS = (r"(?:a|an|his|her|their|its|one|two|three|four|multiple|several|single|apparent|self-inflicted|accidental|"
            r"fatal|life-threatening|non-life-threatening|critical|serious|severe|minor|possible|at|least|gunshot|gun|"
            r"shotgun|bullet|stab|head|chest|\d+|,)")
_LOOSE_FILLERS = _FILLERS[:-1] + r"|[a-z]+-[a-z-]+)"


@cache
def harm_words() -> dict[str, frozenset[str]]:
    """Word lists of the harm frames (harm_words.tsv): kind -> words."""
    return {kind: frozenset(listed.split()) for kind, listed in tsv.rows("flashpoint.extract", "harm_words.tsv",
                                                                          width=2)}


@cache
def _holder() -> re.Pattern[str]:
    loose = _LOOSE_FILLERS[:-1] + "|" + "|".join(map(re.escape, sorted(harm_words()["wound_filler"]))) + ")"
    return re.compile(
        r"(?:\b(?:suffer(?:ed|ing|s)?(?:\s+from)?|sustain(?:ed|ing|s)?|receiv(?:ed|ing)|succumb(?:ed|ing)?\s+to|"
        r"treated\s+for|(?:died|dead|dies|dying)\b[^;]{0,60}?\b(?:from|of)|"
        r"cause\s+of\s+(?:[\w'’-]+\s+){0,3}?death\b[^;]{0,60}?\b(?:is|was|be)|from)"
        r"(?:\s*" + loose + r")*"
        r"|\b(?:with|had|has)(?:\s*" + _FILLERS + r")+"
        r"|\b(?:died|dead|killed|wounded|injured|hurt)(?:\s+[A-Z]\w+day)?\s+(?:in|during|following|after)\s+"
        r"(?:the|a|an)?(?:\s*(?:[\w-]+\s+){0,3}?))\s*$",
        re.I)
# An act named after a charge on someone: "charged with murder in the shooting of", "arrested in connection with
# the shooting", "faces charges in the killing": the one charged is the act's (alleged) actor.
_CHARGE = frozenset(_W["charge"])
_FINDERS = frozenset(_W["finders"])
_OF_PREPS = frozenset(_W["of_preps"])


_LOCATIVE = frozenset(_W["locative"])
_REPORTING = frozenset(_W["reporting"])


def _home_town(text: str, a: Actor, usable: list[Actor]) -> bool:
    """"Keith Smith of San Francisco": a place name after a person and "of" / "from" says where the person lives."""
    before = [b for b in usable if b.end <= a.start]
    return bool(before) and is_person(before[-1]) and a.sector is None and \
        text[before[-1].end:a.start].strip(" ,").lower() in {"of", "from"}


def _locative(text: str, a: Actor, preps: frozenset[str] | None = None) -> bool:
    """The mention follows a locative preposition, across determiners and the rest of its name ("at St. Charles
    Hospital", "in the Cook County jail")."""
    words = text[max(0, a.start - 40):a.start].split()
    while words and (words[-1].lower() in DETERMINERS | _PLACE_FILLERS or words[-1][:1].isupper()):
        words.pop()
    return bool(words) and words[-1].lower() in (preps or _LOCATIVE)


_PLACE_FILLERS = frozenset(_W["place_fillers"])
_AFTER_HER = frozenset(_W["after_her"])


def resolve_pronoun(sentence: Sentence, pronoun: Token, exclude: list[Actor] | None = None) -> Actor | None:
    """The person a he/she/him/her stands for, when the sentence names one before it: the nearest person mention
    (a name, or a private person's noun of the pronoun's gender) that is not the other role."""
    from flashpoint.extract.people import word_kinds

    kinds = word_kinds()
    female = pronoun.lower in {"she", "her"}
    if pronoun.lower == "who":  # "Leonel Melendez, who was shot": the name just before
        before = [a for a in sentence.actors if a.end <= pronoun.start and (is_person(a) or a.sector == "CVL")]
        if before and len(sentence.text[before[-1].end:pronoun.start].split()) <= 4:
            return next((a for a in reversed(before) if is_person(a)
                         and len(sentence.text[a.end:pronoun.start].split()) <= 6), before[-1])
        return None
    for a in reversed(sentence.actors):
        if a.end > pronoun.start or a in (exclude or ()):
            continue
        if is_person(a):
            return a
        if a.sector == "CVL":
            k = kinds.get(a.text.lower(), frozenset())
            if ("female" in k and female) or ("male" in k and not female):
                return a
    return None


_IDENTIFIED = re.compile(r"\b(?:identified|named)\b", re.I)
_ACTOR_NOUN = re.compile(r"\b(?:suspects?|gunm[ae]n|shooters?|attackers?|killers?)\b", re.I)


def _identified_as(text: str, trig_start: int, trig_end: int, usable: list[Actor]
                   ) -> tuple[str, list[Actor]] | None:
    """"identified the victims of the shooting as A, 18, and B": the named are the act's recipients (its actors
    when the noun is "suspect", "gunman"); "the killed teenager has been identified as Kevin Barber"."""
    m = _IDENTIFIED.search(text)
    if m is None:
        return None
    at = re.compile(r"\bas\s+(?:\d{1,2}[- ](?:year|month)[- ]old\s+)?").search(text, max(m.end(), trig_end))
    if at is None or at.start() - max(m.end(), trig_end) > 60:
        return None
    from flashpoint.extract.people import named

    people = [a for a in usable if (is_person(a) or named(a)) and a.start >= at.end()]
    if not people or people[0].start - at.end() > 15:
        return None
    group = _with_conjuncts(people, 0, text, +1)
    near = text[max(0, min(m.start(), trig_start) - 40):at.start()]
    return ("actor" if _ACTOR_NOUN.search(near) else "recipient"), group


def _only_fillers(text: str) -> bool:
    """Words between a name and what follows it are an age or an apposition comma ("Robin Lily, 49,")."""
    words = [w for w in text.split() if not (w.endswith("ly") and len(w) > 4)]  # "X, 21, fatally shot"
    return all(w.strip(",").isdigit() or w in {",", "a", "an"} or w.endswith("-old") for w in words) \
        and len(words) <= 3


_LEFT_DEAD = re.compile(r"(?:\s+\w+day)?\s*,?\s*(?:(?:that|which)\s+)?(?:also\s+)?"
                        r"(?:left|(?:claimed|took|ended)\s+the\s+li(?:fe|ves)\s+of)"
                        r"(?:\s+(?:\d{1,3}-year-old|\d{1,3}|the|a|an|his|her)\b)?", re.I)
_STRUCK = re.compile(r"[^.;:]{0,40}?(?:,\s*|\s)(?:striking|hitting|wounding|killing|injuring|and\s+(?:struck|hit))\s+",
                     re.I)
_INCLUDED = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,6}?(?:include|includes|included|were|are)\b\s*:?\s*"
                       r"(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?")
_ALONG_WITH = re.compile(r"[^;.:]{0,40}?,?\s+along\s+with\s+")
_COPULA = re.compile(r"^\s*,?\s*(?:was|is|were|are)\s+(?:also\s+|reportedly\s+|believed\s+to\s+be\s+)?"
                     r"(?:among|one\s+of|two\s+of|three\s+of|the|an?)\b[\w\s'’-]{0,50}$")


def _copula_participle(text: str, tokens: Sequence[Token], m: Match, left: list[Actor]) -> list[Actor]:
    """"X was among the 53 others wounded", "X was one of the men gunned down", "X, 54, was the motorcyclist shot and
    killed": the participle's recipient is the person the copula describes (no act of theirs)."""
    word = tokens[m.first].lower
    k = len(left) - 1
    while k >= 0 and (left[k].sector == "CVL" or left[k].text[:1].islower()):
        k -= 1  # "one of the young men gunned down", "the first officer killed": the noun inside the phrase
    if k < 0 or not is_person(left[k]) or not (word.endswith(("ed", "en")) or word in {"shot", "hurt", "hit"}) \
            or (m.first and tokens[m.first - 1].lower in _BE):
        return []
    from flashpoint.extract.people import person_asides

    between = person_asides(text[left[k].end:tokens[m.first].start])
    if not _COPULA.match(between) or harm_words()["copula_stop"] & set(between.lower().split()[1:]):
        return []
    return _with_conjuncts(left, k, text, -1)


_DIED_WHEN = re.compile(r"^\s*,?\s*(?:was\s+|were\s+)?(?:\w+ly\s+)?(?:died|killed|shot|wounded|injured|hurt|struck)\b"
                        r"[^;:.]{0,80}?\b(?:when|after|as)\s+(?!(?:he|she|they|it)\b)[^;:]{0,80}$", re.I)


def _died_when(text: str, trig_start: int, left: list[Actor], actor: list[Actor]) -> list[Actor]:
    """"X died when a shooter began firing into a crowd", "X was wounded after a man opened fire": the one who died or
    was hurt is the act's recipient (a pronoun subject after "when" is resolved elsewhere)."""
    from flashpoint.extract.people import person_asides

    for i in range(len(left) - 1, -1, -1):
        a = left[i]
        if not is_person(a):
            continue
        m = _DIED_WHEN.match(person_asides(text[a.end:trig_start]))
        if m:
            return _with_conjuncts(left, i, text, -1)
    return []


def harm_frames(sentence: Sentence, tokens: Sequence[Token], m: Match, usable: list[Actor], actor: list[Actor],
                recipient: list[Actor], note: str) -> tuple[list[Actor], list[Actor], str]:
    from flashpoint.extract.people import named as named_person
    from flashpoint.extract.people import person_asides

    """Roles of harm that clause patterns make plain: a wound's holder ("found X with a gunshot wound"), a
    reflexive ("X shot himself"), a possessor ("X's shooting death"), the one charged ("X was charged in the
    shooting of Y"), the one found ("deputies found X shot")."""
    text = sentence.text
    trig_start, trig_end = tokens[m.first].start, tokens[m.last].end
    right = [a for a in usable if a.start >= trig_end]
    # Before the trigger, a place ("pronounced dead at St. Charles Hospital after being shot") or the source of a
    # report ("Police said the shooting ...") is no participant.
    left = [a for a in usable if a.end <= trig_start and not _AUDIENCE.search(text, 0, a.start) and (
        not text[a.end:trig_start].strip() or (
        not _locative(text, a) and not _home_town(text, a, usable)
        and not (_REPORTING & set(re.findall(r"[a-z]+", text[a.end:trig_start].lower()))
                 and not _speaker_is_subject(text[a.end:trig_start].lower().split()))))]  # "in police firing"
    for role in (actor, recipient):
        if role and role[-1].end <= trig_start and role[-1] not in left:
            subject = left[-1:] if left and (is_person(left[-1]) or left[-1].sector == "CVL") else []
            if role is actor:
                actor = subject
            else:
                recipient = subject
            note += "; a place or a report's source before the trigger is no participant"
    named = _identified_as(text, trig_start, trig_end, usable)
    if named is not None:
        who, people = named
        if who == "actor":
            return people, [r for r in recipient if r not in people], "identified as: the named are its actors"
        return [], people, "identified as: the named are its recipients"
    if actor and m.first >= 2 and tokens[m.first - 1].lower in ("that", "which") and m.pattern.verbal \
            and actor[-1].end != tokens[m.first - 2].end:
        actor = []  # "the shooting that killed X": the relative's subject is the noun before it, no mention
        note += "; a relative clause's subject is its antecedent"
    nxt = tokens[m.last + 1].lower if m.last + 1 < len(tokens) else ""
    left_dead = _LEFT_DEAD.match(text, trig_end)
    if left_dead and (not recipient or recipient[0].start >= left_dead.end()):
        hurt = [a for a in right if a.start >= left_dead.end() and (is_person(a) or a.sector == "CVL")]
        if hurt and not text[left_dead.end():hurt[0].start].strip(" ,"):
            return actor, _with_conjuncts(right, right.index(hurt[0]), text, +1), \
                note + "; 'that left X dead' / 'that claimed the life of X': X is the recipient"
    if actor and m.first and tokens[m.first - 1].lower == "and" and m.pattern.verbal and \
            _after_preposition(text, actor[0]) and all(is_person(a) or a.sector == "CVL" for a in actor):
        subjects = [a for a in left if a.end <= actor[0].start and not _after_preposition(text, a)
                    and (is_person(a) or a.sector == "CVL")]
        if subjects:
            # "X walked up to Banes and Clark and shot them": the verb is X's, its object the pronoun
            objects = actor
            actor = _with_conjuncts(subjects, len(subjects) - 1, text, -1)
            if not recipient and nxt in ("them", "him", "her") and (nxt == "them") == (len(objects) > 1):
                recipient = objects
            note += "; a verb after 'and' is the subject's, not the prepositional object's"
    if (not recipient or recipient[0].start == tokens[m.last + 1].start if m.last + 1 < len(tokens) else False) \
            and m.first and tokens[m.first - 1].lower in DETERMINERS and m.last + 2 < len(tokens) and \
            tokens[m.last + 2].text in (",", "—", "–") and tokens[m.last].lower.endswith(("ed", "en", "shot", "hurt")):
        from flashpoint.extract.people import named, word_kinds

        apposed = [a for a in right if named(a) and a.start > tokens[m.last + 2].start
                   and len(text[tokens[m.last + 2].end:a.start].split()) <= 3]
        if apposed and "person" in word_kinds().get(tokens[m.last + 1].lower, ()):
            # "The wounded man, 22-year-old Cameron Salazar, ...": the noun the participle describes
            return actor, apposed[:1], note + "; the wounded noun's apposition is the recipient"
    struck = _STRUCK.match(text, trig_end)
    if struck and (not recipient or recipient[0].start >= struck.end()):
        # "the gun went off, striking Levi in the head", "it discharged, hitting her": the one the round struck
        hit = [a for a in sentence.actors if a.start >= struck.end() and (is_person(a) or a.sector == "CVL")]
        if hit and not text[struck.end():hit[0].start].strip() and not _possessor(text, hit[0]):
            return actor, [hit[0]], note + "; the one the round struck is the recipient"
        k = next((i for i, t in enumerate(tokens) if t.start == struck.end() and t.lower in ("him", "her")), None)
        pronoun = tokens[k] if k is not None else None
        if pronoun is not None and pronoun.lower == "her" and k + 1 < len(tokens) and tokens[k + 1].text[:1].isalnum() \
                and tokens[k + 1].lower not in _AFTER_HER:
            pronoun = None  # "hit her 13-year-old daughter": "her" owns the noun, which is the one struck
        named = resolve_pronoun(sentence, pronoun, exclude=actor) if pronoun is not None else None
        if named is not None:
            return actor, [named], note + f"; the one the round struck, {pronoun.text!r}, is {named.text!r}"
    listed = _INCLUDED.match(text, trig_end)
    if listed and not actor and (not recipient or recipient[0].start >= listed.end()):
        hurt = [a for a in sentence.actors if a.start >= listed.end() and (is_person(a) or named_person(a))]
        if hurt and not text[listed.end():hurt[0].start].strip():
            return [], _with_conjuncts(hurt, 0, text, +1), note + "; 'the wounded included A, B': the listed"
    along = _ALONG_WITH.match(text, trig_end)
    if along and recipient and is_passive(tokens, m.first, usable):
        more = [a for a in sentence.actors if a.start >= along.end() and (is_person(a) or named_person(a))]
        if more and len(text[along.end():more[0].start].split()) <= 4:
            # "X and Y were killed, along with her niece, Tina Shelby, and a family friend, Shada Mahon"
            recipient = recipient + [a for a in _with_conjuncts(more, 0, text, +1) if a not in recipient]
            note += "; 'along with' adds recipients"
    if m.first and m.first == m.last and tokens[m.first - 1].text == "," and m.pattern.verbal and \
            not is_nominal(tokens, m) and \
            tokens[m.first].lower.endswith(("ed", "shot", "hurt")) and m.last + 1 < len(tokens) and \
            tokens[m.last + 1].lower in harm_words()["after_reduced"]:
        persons = [a for a in left if is_person(a) or named_person(a)]
        if persons:
            # "Misty McBride, shot in the shoulder, survived", "X was found in the hallway, shot at least once": a
            # participle after a comma with no object is a passive
            return [], _with_conjuncts(persons, len(persons) - 1, text, -1), \
                note + "; a participle after a comma is passive: the person before it is the recipient"
    held = _copula_participle(text, tokens, m, left)
    if held:
        return [a for a in actor if a not in held and a.start >= trig_end], held, \
            "a participle after 'X was among / one of / the NOUN': X is the recipient"
    died = _died_when(text, trig_start, left, actor)
    if died:
        return [a for a in actor if a not in died], died + [r for r in recipient if r not in died], \
            note + f"; {died[0].text!r} died or was hurt when it happened: a recipient"
    if not actor and right:
        # "killed in police firing", "wounded in an army raid": the body whose fire it was is the actor
        agent = right[0]
        gap = text[trig_end:agent.start].lower().split()
        after = text[agent.end:agent.end + 30].lower().split()[:1]
        if gap and gap[0] in {"in", "during", "by"} and len(gap) <= 3 and agent.sector in _FORCES and \
                after and after[0].strip(",.") in _HARM_NOUNS:
            return [agent], [r for r in recipient if r is not agent], note + "; the body whose fire it was is the actor"
    nxt = tokens[m.last + 1].lower if m.last + 1 < len(tokens) else ""
    if nxt in _REFLEXIVE and actor:
        return actor, list(actor), note + "; reflexive: the actor is its own recipient"
    if not recipient and nxt in {"him", "her"} and not (nxt == "her" and m.last + 2 < len(tokens)
                                                          and tokens[m.last + 2].lower.isalpha()
                                                          and tokens[m.last + 2].lower not in _AFTER_HER):
        participle = tokens[m.first].lower.endswith("ing") and m.first and tokens[m.first - 1].text == ","
        named = resolve_pronoun(sentence, tokens[m.last + 1], exclude=None if participle else actor)
        if named is not None:
            if participle and named in actor:
                actor = []  # "a round hit her nephew, Chris Perez, killing him": not Perez's act
            recipient = [named]
            note += f"; {nxt!r} is {named.text!r}"
    words = [t.lower for t in tokens[:m.first]]
    charge = next((j for j in range(m.first - 1, max(-1, m.first - 14), -1) if words[j] in _CHARGE
                   and not (words[j] == "face" and j and words[j - 1] in _KIN_DETS)), None)  # "hit in the face"
    prev_word = words[m.first - 1] if m.first else ""
    # a noun after a charge: "with first-degree murder", "with aggravated assault", "in the shooting"
    nominal = is_nominal(tokens, m) or not m.pattern.verbal or (
        prev_word[:1].isalpha() and tokens[m.first - 1].text.islower() and prev_word not in _BE | _PRONOUNS
        | {"to", "and", "or", "had", "has", "have", "who", "allegedly", "then"} and not prev_word.endswith("ly"))
    if charge is not None and nominal and not any(_is_break(tokens, j) for j in range(charge, m.first)):
        objects = [a for a in left if a.start >= tokens[charge].end and is_person(a)]
        subjects = [a for a in left if a.end <= tokens[charge].start]
        if objects:
            who = _with_conjuncts(objects, 0, text, +1)
        elif subjects and (is_person(subjects[-1]) or subjects[-1].sector == "CRM"):
            who = _with_conjuncts(subjects, len(subjects) - 1, text, -1)
        else:
            who = []
        victims = [a for a in right if _OF_PREPS & set(text[trig_end:a.start].lower().split()[:4])
                   or (m.pattern.verbal and is_person(a) and _only_fillers(text[trig_end:a.start]))]  # "killing X"
        accused = [a for a in right if is_person(a) and "against" in text[trig_end:a.start].lower().split()[:10]]
        if not who and accused:
            who, victims = accused[:1], []  # "filed charges of murder ... against 18 year old Tristin Carr"
        if who:
            return who, [v for v in victims[:1] if v not in who], f"charged with the act: {who[0].text!r} is its actor"
    before = text[max(0, trig_start - 80):trig_start]
    wound = tokens[m.first].lower in harm_words()["wound"] and re.search(r"\b(?:had|has|have)\s*$", before)
    if left and (_holder().search(before) or wound):
        # "killed in police firing": a body right before the act is its actor, the holder the one before
        by = [a for a in left[-1:] if not text[a.end:trig_start].strip() and a.sector not in (None, "CVL")]
        rest = [a for a in left if a not in by]
        persons = [a for a in rest if is_person(a) or a.sector == "CVL"]
        holder = persons[-1] if persons else (rest[-1] if rest else None)
        holders = _with_conjuncts(rest, rest.index(holder), text, -1) if holder is not None else []
        if "self-inflicted" in before.lower()[-60:]:
            return holders, list(holders), "a self-inflicted wound: its holder is actor and recipient"
        return by, holders, "holder of the wound is the recipient" + ("; the body before the act is its actor"
                                                                      if by else "")
    targeted = [a for a in actor if a.end <= trig_start and _TARGET_OF.fullmatch(person_asides(text[a.end:trig_start]))]
    if targeted:
        # "X was the intended target of the shooting": X is whom it was aimed at
        return [a for a in actor if a not in targeted], targeted + [r for r in recipient if r not in targeted], \
            note + "; the target of the act is its recipient"
    held_wound = _wound_holders(text, tokens, m, actor)
    if held_wound:
        if "self-inflicted" in before.lower()[-60:]:
            return held_wound, list(held_wound), "a self-inflicted wound: its holder is actor and recipient"
        return [a for a in actor if a not in held_wound], held_wound + [r for r in recipient if r not in held_wound], \
            note + "; a wound is held, not done: the person before it is its recipient"
    bystanders = _bystanders(text, trig_start, actor) if m.pattern.verbal and not is_nominal(tokens, m) and not (
        m.last + 1 < len(tokens) and tokens[m.last + 1].lower in harm_words()["occurrence_verb"]) else []
    if bystanders:
        actor = [a for a in actor if a not in bystanders]
        if not recipient:
            recipient = bystanders
        note += "; the person before 'when someone opened fire' is no actor of it"
    owner = [a for a in usable if a.end <= trig_start][-1:]
    if owner and is_person(owner[0]) and text[owner[0].end:trig_start].startswith(("'s", "’s", "'", "’")) and \
            len(text[owner[0].end:trig_start].split()) <= 3:
        return [], owner, "possessor of the act is its recipient"
    k = m.first - 1
    while k > 0 and tokens[k].lower.endswith("ly") and len(tokens[k].lower) > 4:
        k -= 1  # "found critically injured"
    if left and not is_nominal(tokens, m) and k >= 0 and tokens[k].lower in {"found", "left"} and \
            tokens[m.first].lower.endswith(("ed", "shot", "hurt")):
        return [], [left[-1]], "found shot: the one found is the recipient"
    if left and not is_nominal(tokens, m) and _only_fillers(text[left[-1].end:trig_start]):
        group = _with_conjuncts(left, len(left) - 1, text, -1)  # "found Meghan Kerrigan, 22, and William Monroe"
        prev = text[:group[0].start].lower().split()[-2:]
        if _FINDERS & set(prev):
            return [], group, "found shot: the one found is the recipient"
    if is_nominal(tokens, m) or not m.pattern.verbal:
        # a person after a noun is its recipient only after "of" / "on" / "against" ("the shooting of Sam Ortiz"),
        # not "the shooting happened at Cox's home"
        kept = [r for r in recipient if not (is_person(r) and r.start >= trig_end and not (
            _OF_PREPS & set(text[trig_end:r.start].lower().split()[:4])))
            and not _RELATIVE & set(text[trig_end:r.start].lower().split())]  # "a shooting in which a passenger"
        if len(kept) != len(recipient):
            recipient = kept
            note += "; a name after the noun with no 'of' is not its recipient"
        if actor and actor[-1].end <= trig_start and _STANCE & set(text[actor[-1].end:trig_start].lower().split()) \
                and not _speaker_is_subject(text[actor[-1].end:trig_start].lower().split()):
            actor = []  # "The president condemned the attack": the condemner is not the attacker
            note += "; who condemns or investigates an act is not its actor"
        if actor and all(is_person(a) for a in actor) and actor[-1].end <= trig_start and \
                len(text[actor[-1].end:trig_start].split()) > 2 and not _light_verb_object(
                    text[actor[-1].end:trig_start]):
            actor = []
    return actor, recipient, note


_ANOTHER_VICTIM = re.compile(r"(?:\band|\balongside|\bwith)\s+(?:another|a\s+(?:second|third|fourth|fifth)|"
                             r"(?:the\s+)?other|(?:two|three|four|five)\s+other)\s*$", re.I)


_TARGET_OF = re.compile(r"[\s,]*(?:was|is|were|are|had\s+been|has\s+been|may\s+have\s+been"
                        r"|appears\s+to\s+have\s+been)\s+"
                        r"(?:the\s+|an?\s+)?(?:[\w-]+\s+)?targets?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}",
                        re.I)
# The one a report is told to ("told investigators that ...", "told arriving deputies"): a source's audience, no
# participant of what the report says.
_AUDIENCE = re.compile(r"\b(?:told|tell|tells|telling|informed|assured)\s+(?:the\s+|arriving\s+|responding\s+)?$", re.I)


def _victim_compound(text: str, tokens: Sequence[Token], m: Match, actor: list[Actor], recipient: list[Actor],
                     note: str) -> tuple[list[Actor], list[Actor], str]:
    """An act's noun before a victim noun ("shooting victim X", "X and another shooting victim") only describes the
    victim: the people before it are none of its actors ("and another shooting victim": they are victims too)."""
    nxt = tokens[m.last + 1].lower if m.last + 1 < len(tokens) else ""
    trig_start = tokens[m.first].start
    before = [a for a in actor if a.end <= trig_start]
    if nxt not in harm_words()["victim_noun"] or not before:
        return actor, recipient, note
    actor = [a for a in actor if a not in before]
    if _ANOTHER_VICTIM.search(text[before[-1].end:trig_start]):
        recipient = before + [r for r in recipient if r not in before]
    return actor, recipient, note + "; 'shooting victim': the people before the noun are not its actors"


def _wound_holders(text: str, tokens: Sequence[Token], m: Match, actor: list[Actor]) -> list[Actor]:
    """Persons before a wound noun ("X had a neck wound", "found X with what appeared to be a gunshot wound", "X
    suffered a flesh wound"): a wound is held, not done, so they are its recipients, never its actors."""
    heads = harm_words()["wound_head"]
    words = [t.lower for t in tokens[m.first:m.last + 2]]
    if not heads & set(words[-2:]) or words[0] not in harm_words()["wound"] | heads:
        return []
    trig_start = tokens[m.first].start
    return [a for a in actor if a.end <= trig_start and (is_person(a) or a.sector == "CVL")
            and not re.search(r"\b(?:by|fired|fires|fire)\b", text[a.end:trig_start], re.I)]


def _bystanders(text: str, trig_start: int, actor: list[Actor]) -> list[Actor]:
    """Persons before a "when" clause with its own unnamed subject ("X was standing outside when two men walked up
    and opened fire", "X was driving when someone in a car shot him"): they are where the shots landed, not the
    shooters."""
    out = []
    for a in actor:
        if a.end > trig_start or not (is_person(a) or a.sector == "CVL"):
            continue
        between = text[a.end:trig_start]
        when = re.search(r"\bwhen\s+(\w+)", between, re.I)
        if when and when.group(1).lower() in harm_words()["bystander_subject"] and \
                len(between[when.end():].split()) >= 1:
            out.append(a)
    return out


# Acts that move forces (their target or place is the recipient, not the forces) and acts that hand something over
# (whom it goes to is the recipient, not the thing).
_MOVES = frozenset({"MOBILIZE", "RETREAT", "SANCTION", "AID"})
_GIVES = frozenset({"AID", "RETREAT"})
_ADDRESSED = frozenset({"THREATEN", "REQUEST"})  # acts of speech whose "to" phrase is the addressee


def _names_for_nouns(sentence: Sentence, role: list[Actor]) -> list[Actor]:
    """A common noun in a role gives way to the names its sentence ties to it ("killed three people -- A, B and C",
    "identified X as the victim who was shot"): people.tied_names."""
    from flashpoint.extract.people import tied_names

    out: list[Actor] = []
    for a in role:
        for b in tied_names(sentence, a, _with_conjuncts) or [a]:
            if b not in out:
                out.append(b)
    return out


def _tag(text: str, start: int, end: int) -> bool:
    """A hashtag ("#Murder") or a short item of a page's tag or menu list ("Tampa Police | Drive-By Shooting | Murder
    | Arrests"): page furniture, which reports nothing."""
    if start > 0 and text[start - 1] == "#":
        return True
    if text.count("|") < 3:
        return False
    left, right = text.rfind("|", 0, start), text.find("|", end)
    item = text[left + 1:right if right >= 0 else len(text)]
    return len(item.split()) <= 3


# A page header's field label before its web address: "TITLE: ... LINK: http://...", "URL: www...."
_LABEL_BEFORE_ADDRESS = re.compile(r"\s*:\s*(?:https?://|www\.)")


def _without_labels(text: str, role: list[Actor]) -> list[Actor]:
    """Role mentions without a page header's label word ("street art LINK: http://..." is "street art"; "LINK"
    alone is no one): the word before ": http" labels the address that follows, it is no one's name."""
    out: list[Actor] = []
    for a in role:
        if not _LABEL_BEFORE_ADDRESS.match(text, a.end):
            out.append(a)
            continue
        head = a.text.rsplit(None, 1)
        if len(head) == 2 and head[1].isupper():
            out.append(Actor(head[0], a.start, a.start + len(head[0]), country=a.country, sector=a.sector))
        elif len(head) == 2:
            out.append(a)
    return out


class EventStage:
    """Finds triggers and builds one candidate Event per trigger."""

    name = "events"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if sentence.skip:
                continue
            tokens = tokenize(sentence.text)
            for m in find_triggers(tokens):
                start, end = tokens[m.first].start, tokens[m.last].end
                if any(a.start <= start and end <= a.end for a in sentence.actors):
                    continue  # a word inside a name ("the Rally for Democracy party")
                if _tag(sentence.text, start, end):
                    sentence.notes.append(f"events: {m.pattern.event_type} {sentence.text[start:end]!r} dropped: a "
                                          "hashtag or an item of a page's tag list, not a report")
                    continue
                actor, recipient, voice = assign_participants(sentence, tokens, m)
                # "police arrested 4000 rioters and fired 2000 rounds": a verb after "and" shares the first subject
                prev = sentence.events[-1] if sentence.events else None
                if prev and prev.actor and actor and m.pattern.verbal and m.first \
                        and tokens[m.first - 1].lower == "and" and prev.trigger.end <= actor[0].start:
                    actor, voice = prev.actor, voice + "; shared subject of a coordinated verb"
                # The object slot holds no mention: its noun phrase ("the attacks", "a migrant camp") is the
                # recipient, not a mention further on (extract/objects.py).
                thing = object_recipient(sentence, tokens, m.first, m.last, is_nominal(tokens, m),
                                         is_passive(tokens, m.first, sentence.actors))
                if thing is not None and (not recipient or further_clause(sentence.text, thing, recipient[0])) and \
                        not any(a.start < thing.end and thing.start < a.end for a in actor):
                    recipient = [thing]
                    voice += f"; the object slot's noun phrase {thing.text!r} is the recipient"
                passive = is_passive(tokens, m.first, sentence.actors)
                if not recipient and passive and m.first and tokens[m.first - 1].lower in _BE:
                    sufferer = subject_actor(sentence, tokens, m.first, is_nominal(tokens, m), False)
                    if sufferer is not None and not any(a.start < sufferer.end and sufferer.start < a.end
                                                        for a in actor):
                        recipient = [sufferer]  # "The embassy was attacked"
                        voice += f"; the passive subject's noun phrase {sufferer.text!r} is the recipient"
                where = place_recipient(sentence, tokens, m.last, passive,  # "visiting from Kansas": no host
                                        "visit_place_prep" if m.pattern.event_type == "CONSULT" else "place_prep")
                harm = m.pattern.event_type == "ASSAULT"  # a shooting in Tulsa: the town is where, not whom
                if where is not None and not harm and recipient and recipient[0].start >= where.end and \
                        past_place(sentence.text[where.end:recipient[0].start]):
                    recipient = []  # "declared a state of siege in X and sent in police": the place, not the police
                    voice += "; a mention past the place phrase belongs to another clause"
                if not recipient and where is not None and not any(a.start < where.end and where.start < a.end
                                                                   for a in actor):
                    recipient = [where]
                    voice += f"; the place {where.text!r} right after it is the recipient"
                kind = m.pattern.event_type
                made = held_as(sentence, tokens, m.first, clause_bounds(tokens, m.first, m.last)[0]) \
                    if is_nominal(tokens, m) else None
                if made is not None:
                    actor, recipient = [made[0]], [made[1]]
                    voice += f"; {made[0].text!r} made {made[1].text!r} what the noun says"
                if kind in ("ASSAULT", "REJECT") and m.pattern.verbal and not passive and not any(
                        start < r.start and r.end <= end for r in recipient) and (kind == "ASSAULT" or not recipient):
                    target = struck_target(sentence, tokens, m.first, m.last, any_head=kind == "REJECT")
                    if target is not None:
                        recipient = [target]
                        voice += f"; the target it spans, {target.text!r}, is the recipient"
                if kind in _ADDRESSED and not passive:
                    # "issued an ultimatum to Damascus", "sent an appeal to the UN": the addressee
                    told = forces_target(sentence, tokens, m.first, clause_bounds(tokens, m.first, m.last)[1],
                                         "give_prep")
                    if told is not None and (not recipient or all(r not in sentence.actors for r in recipient)
                                             or told.start < recipient[0].start) and \
                            not any(a.start < told.end and told.start < a.end for a in actor):
                        recipient = [told]
                        voice += f"; the addressee {told.text!r} is the recipient"
                if kind == "REQUEST" and not passive:
                    asked = that_subject(sentence, tokens, m.last)
                    if asked is not None and not any(a.start < asked.end and asked.start < a.end for a in actor):
                        recipient = [asked]
                        voice += f"; the subject of the demanded clause, {asked.text!r}, is the recipient"
                moves = kind in ("MOBILIZE", "AID") or (kind in _MOVES and m.pattern.mode == "withdraw")
                if moves and not passive and (
                        own_forces(actor, recipient) or (not recipient and (
                            kind == "MOBILIZE" or m.pattern.mode == "withdraw"))):
                    target = forces_target(sentence, tokens, m.last, clause_bounds(tokens, m.first, m.last)[1],
                                           "target_prep" if kind == "MOBILIZE" else "move_prep")
                    if target is not None and not any(a.start < target.end and target.start < a.end for a in actor):
                        recipient = [target]
                        voice += f"; the forces' target or place {target.text!r} is the recipient"
                elif kind in _GIVES and not passive and m.pattern.mode != "release" and (
                        all(r not in sentence.actors for r in recipient) or _GAP in m.pattern.elements):
                    # "returned 40 artifacts to the government of Peru": the "to" phrase, inside a trigger that
                    # spans it or after it
                    taker = forces_target(sentence, tokens, m.first, clause_bounds(tokens, m.first, m.last)[1],
                                          "give_prep")
                    if taker is not None and not any(a.start < taker.end and taker.start < a.end for a in actor):
                        recipient = [taker]
                        voice += f"; whom the thing goes to, {taker.text!r}, is the recipient"
                promise = kind == "AGREE" and m.last + 2 < len(tokens) and tokens[m.last + 1].lower == "to" and \
                    all(start < r.start for r in recipient)  # "agreed to set up hospitals in Louisiana"
                if not passive and not harm and kind != "CONSULT" and (  # "visiting from Kansas": no host
                        promise or all(r not in sentence.actors for r in recipient)):
                    where = later_place(sentence, tokens, m.last, clause_bounds(tokens, m.first, m.last)[1])
                    if where is not None and not any(a.start < where.end and where.start < a.end
                                                     for a in (*actor, *recipient)):
                        recipient = [*recipient, where]
                        voice += f"; the place {where.text!r} is where the act on a thing falls"
                if not actor and not ends_passive(tokens, m):
                    doer = subject_actor(sentence, tokens, m.first, is_nominal(tokens, m), passive)
                    if doer is not None and not any(r.start < doer.end and doer.start < r.end for r in recipient):
                        actor = [doer]
                        voice += f"; the subject's noun phrase {doer.text!r} is the actor"
                if m.pattern.event_type == "ASSAULT":
                    actor, recipient = _names_for_nouns(sentence, actor), _names_for_nouns(sentence, recipient)
                actor, recipient = _without_labels(sentence.text, actor), _without_labels(sentence.text, recipient)
                event = Event(
                    story_id=story.id,
                    sentence_index=sentence.index,
                    sentence=sentence.text,
                    event_type=m.pattern.event_type,
                    mode=m.pattern.mode,
                    trigger=Trigger(sentence.text[start:end], start, end),
                    actor=actor,
                    recipient=recipient,
                    publication_date=story.date,
                )
                event.notes.append(
                    f"events: {event.event_type}/{event.mode or '-'} from pattern {m.pattern.source!r}; {voice}"
                )
                sentence.events.append(event)
            sentence.events += reported_demands(story, sentence, tokens, sentence.events)
            sentence.events.sort(key=lambda e: e.trigger.start)
        return story
