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
from importlib import resources

from flashpoint.extract.actors import ACTION_NOUNS
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
        forms |= verb_forms(alt[:-1]) if alt.endswith("+") else {alt}
    return frozenset(forms)


def parse_pattern(event_type: str, mode: str | None, source: str) -> Pattern:
    elements: list[frozenset[str] | None] = []
    optional: list[bool] = []
    for word in source.split():
        if word == "*":
            elements.append(_GAP)
            optional.append(True)
            continue
        opt = word.endswith("?")
        elements.append(_element(word.rstrip("?")))
        optional.append(opt)
    if elements[0] is None or optional[0]:
        raise ValueError(f"pattern must start with a word: {source!r}")
    return Pattern(event_type, mode, tuple(elements), tuple(optional), source)


@cache
def lexicon() -> dict[str, tuple[Pattern, ...]]:
    """First word -> patterns starting with it."""
    index: dict[str, list[Pattern]] = {}
    text = resources.files("flashpoint.extract").joinpath("triggers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        event_type, mode, source = line.split("\t")
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
        if t < len(tokens) and tokens[t].lower in element:
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
        # A match owns its first token (the verb); gap tokens may be shared with a nested trigger.
        words = {m.first, m.last}
        if words & taken:
            continue
        taken |= words
        chosen.append(m)
    return sorted((m for m in chosen if m.pattern.event_type != "NONE"), key=lambda m: m.first)


_PRONOUNS = {"it", "they", "he", "she", "we", "i", "who", "which"}
_MONTH_VERBS = {"March", "Marches", "May"}
_BE = {"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets", "getting"}
_ADVERBS = {"reportedly", "allegedly", "also", "later", "then", "not", "never", "all", "both", "being", "been",
            "fatally", "seriously", "critically", "badly", "brutally", "violently", "forcibly", "briefly"}
_CLAUSE_BREAKS = {";", ":", "but", "while", "although", "whereas", "though", "because", "since", "—", "(", ")",
                  "adding"}
_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
                "scores", "thousands", "many", "several", "more", "some"}


# A name + participle + preposition is a reduced passive ("journalists accused of", "men charged with") only for
# verbs that take the preposition in the passive; many take it in the active ("X met with", "X warned of").
_PASSIVE_WITH_PREP = {
    "of": {"accused", "suspected", "convicted", "acquitted", "cleared", "stripped", "deprived", "robbed", "informed",
           "notified", "found"},
    "with": {"charged", "armed", "associated", "affiliated", "linked", "connected", "equipped", "tasked", "credited",
             "presented", "confronted", "threatened", "hit", "slapped", "targeted", "pelted", "shot", "beaten",
             "injected", "infected"},
}
_ACTIVE_WITH_FOR = {"called", "asked", "pushed", "appealed", "voted", "pressed", "lobbied", "campaigned", "prayed",
                    "opted", "waited", "applied", "argued", "hoped", "searched", "looked", "cared", "paid", "accounted",
                    "fought", "negotiated", "demanded", "headed", "left", "filed", "bid", "qualified", "advocated",
                    "rallied", "marched", "stood", "worked", "competed", "volunteered", "signed", "braced", "prepared",
                    "planned", "settled", "mourned", "paved", "allowed", "apologized", "apologised", "mobilized",
                    "mobilised", "reached", "aimed", "sought", "sued", "wished", "begged", "pleaded", "yearned"}


def is_passive(tokens: Sequence[Token], first: int, actors: list[Actor] | None = None) -> bool:
    """A passive trigger: "was arrested", "were reportedly detained", or a reduced relative right after a name
    ("journalists accused of inciting", "protesters detained by police")."""
    word = tokens[first].lower
    if not (word.endswith(("ed", "en")) or word in {"shot", "held", "met", "hit", "cut", "struck", "fought",
                                                    "taken", "sent", "seized", "freed", "led", "jailed", "set",
                                                    "put", "hurt", "caught", "kept", "shut", "told", "burnt", "cast"}):
        return False
    j = first - 1
    while j >= 0 and tokens[j].lower in _ADVERBS:
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
    reduced = after == "by" or after in _PASSIVE_WITH_PREP and word in _PASSIVE_WITH_PREP[after] or \
        after == "for" and word not in _ACTIVE_WITH_FOR
    return bool(actors) and reduced and j >= 0 and any(a.end == tokens[j].end for a in actors or ())


def _is_break(tokens: Sequence[Token], j: int) -> bool:
    word = tokens[j].lower
    if word == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" or \
            word == ")" and j >= 2 and tokens[j - 2].text == "(":
        return False  # a one-word aside is no clause: "Amnesty International (AI) has accused ..."
    return word in _CLAUSE_BREAKS or (word in {"and", "but"} and j > 0 and tokens[j - 1].lower == ",")


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


def _with_conjuncts(actors: list[Actor], k: int, text: str, step: int) -> list[Actor]:
    """The mention at index k plus those joined to it by "and" / "," ("the US and France")."""
    group = [actors[k]]
    j = k + step
    while 0 <= j < len(actors):
        a, b = (actors[j], group[-1]) if step < 0 else (group[-1], actors[j])
        between = text[a.end:b.start].strip().lower()
        if between not in {"and", ",", ", and", "or", "and the", ", the", "as well as"}:
            break
        group.append(actors[j])
        j += step
    return sorted(group, key=lambda a: a.start)


DETERMINERS = {"the", "a", "an", "any", "new", "further", "more", "fresh", "renewed", "possible", "its", "their",
                "his", "her", "this", "that", "these", "those", "another", "no"}


def is_nominal(tokens: Sequence[Token], m: Match) -> bool:
    """A noun trigger ("fighting", "the attack", "talks") rather than a verb ("attacked")."""
    before = tokens[m.first - 1].lower if m.first else ""
    return not m.pattern.verbal or before in DETERMINERS or before.endswith("'s")


_SAYS = {"says", "said", "announced", "announces", "stated", "states", "declared", "declares", "insisted", "insists",
         "confirmed", "confirms", "added", "adds"}


def _speaker_is_subject(between: list[str]) -> bool:
    """Words between an actor and its trigger read "(on Thursday) says (that) it/they ...": the pronoun is the
    speaker."""
    words = [w.strip(",") for w in between]
    says = [i for i, w in enumerate(words[:4]) if w in _SAYS]
    if not says:
        return False
    rest = words[says[0] + 1:]
    rest = rest[1:] if rest[:1] == ["that"] else rest
    return bool(rest) and rest[0] in {"it", "they", "he", "she"}


# Verbs that report a demand when the clause they introduce holds "Y must ..." ("Russia said Sudan must return ...").
_DEMAND_SAYS = _SAYS | {"say", "warned", "warns", "reiterated", "reiterates", "stressed", "stresses", "told", "tells",
                        "argued", "argues", "concluded", "concludes", "maintained", "maintains", "noted", "notes"}
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


_OBJECT_PREPOSITIONS = {"to", "against", "with", "from", "at", "for", "into", "toward", "towards"}


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
        return actor, _with_conjuncts(usable, right[0], text, +1), ""
    return actor, [], "; noun trigger: the next name is past a comma"


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
_LIGHT_VERBS = frozenset(w for v in ("hold", "issue", "impose", "declare", "launch", "express", "stage", "announce",
                                     "conduct", "make", "lodge", "file", "voice", "mount", "begin", "start", "sign",
                                     "reach", "order", "organise", "organize", "carry", "call")
                         for w in verb_forms(v)) | {"held", "made", "began", "begun", "had", "has", "have"}
_LIGHT_FILLERS = DETERMINERS | {"has", "have", "had", "will", "would", "also", "on", "out", "up", "its", "their",
                                "his", "her", "strong", "strongly", "total", "full", "open-ended", "unilateral",
                                "large", "mass", "major", "emergency"}


# The speaker's own words in a reported clause ("Putin said his country will ..."): the speaker may be its subject.
_OWN_WORDS = frozenset({"his", "her", "its", "their", "our", "my", "we", "i", "he", "she", "it", "they"})


def _light_verb_object(between: str) -> bool:
    """The words between an actor and a noun trigger are a light verb and its determiners: "will hold a", "has
    issued an", "expressed its total" (the actor then stands for the noun's event)."""
    words = [w.strip(",").lower() for w in between.split()]
    return len(words) <= 6 and any(w in _LIGHT_VERBS for w in words) and all(
        w in _LIGHT_FILLERS or w in _LIGHT_VERBS or w[:1].isdigit() for w in words)


def _compound_agent(text: str, trig_end: int, a: Actor) -> bool:
    """A passive's agent named as the modifier of an action noun after "in"/"during": "in police firing"."""
    gap = [w for w in text[trig_end:a.start].lower().split() if w not in ("the", "a", "an")]
    head = text[a.end:].lower().split()[:1]
    return 1 <= len(gap) <= 4 and gap[-1] in ("in", "during") and bool(head) and head[0].strip(",.;") in ACTION_NOUNS


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
    right = [i for i, a in enumerate(usable) if a.start >= trig_end]
    actor = _with_conjuncts(usable, left[-1], text, -1) if left else []
    recipient = _with_conjuncts(usable, right[0], text, +1) if right else []
    # The object inside a gapped trigger is its recipient: "summoned [the Chinese ambassador]", "expelled [23 Russian
    # diplomats]" (the pattern spans the object, so the mention overlaps the trigger and is not in `usable`).
    inside = [a for a in sentence.actors if tokens[m.first].end < a.start and a.end <= trig_end
              and not (a.sector == "MIL" and (a.inferred or a.country is None))]  # "send more troops": own forces
    if inside:
        recipient = inside[:1]
    note = "active voice"
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
    gerund = tokens[m.last].lower.endswith("ing") and not (m.first and tokens[m.first - 1].lower in _BE)
    if (is_nominal(tokens, m) or gerund) and right and not inside:
        actor, recipient, noun_note = _noun_participants(usable, right, actor, text, trig_end,
                                                         comma_ends=is_nominal(tokens, m))
        note += noun_note
    if actor and is_nominal(tokens, m) and len(text[actor[-1].end:trig_start].split()) > 2 \
            and not _light_verb_object(text[actor[-1].end:trig_start]):
        actor = []  # "the organisers of Saturday's march": a noun's actor stands next to it ("Kenyan protests")
        note = "noun trigger: no actor next to it"
    # Acronyms are names, not pronouns: "a letter to the WHO threatening ..."
    between = [w.lower() for w in text[actor[-1].end:trig_start].split() if not (w.isupper() and len(w) > 1)] \
        if actor else []
    if actor and _PRONOUNS & set(between):
        if _speaker_is_subject(between):
            note += "; pronoun subject: the speaker"  # "Hungary says it will not accept ..."
        elif between[0] in ("who", "which") and not _PRONOUNS & set(between[1:]):
            note += "; relative pronoun: its antecedent"  # "the policemen who on sunday killed ..."
        else:
            actor = []  # "..., and said it would ban": the subject is a pronoun we do not resolve
            note += "; pronoun subject, actor unknown"
    elif actor and att is not None and att.start <= actor[-1].start < att.end <= trig_start \
            and any(w not in ("that", ",") for w in text[att.end:trig_start].lower().split()) \
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
            if between[-3:] and "by" in between[-3:] and len(between) <= 6:
                by_agent = _with_conjuncts(usable, i, text, +1)
            break
        actor, recipient = by_agent, actor
        note = "passive voice: subject is the recipient" + (", 'by' phrase is the actor" if by_agent else "")
    if not actor and right and _compound_agent(text, trig_end, usable[right[0]]):
        actor, recipient = [usable[right[0]]], [r for r in recipient if r is not usable[right[0]]]
        note += "; the action noun's modifier is the actor"  # "were killed in police firing"
    return actor, recipient, note


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
                actor, recipient, voice = assign_participants(sentence, tokens, m)
                # "police arrested 4000 rioters and fired 2000 rounds": a verb after "and" shares the first subject
                prev = sentence.events[-1] if sentence.events else None
                if prev and prev.actor and actor and m.pattern.verbal and m.first \
                        and tokens[m.first - 1].lower == "and" and prev.trigger.end <= actor[0].start:
                    actor, voice = prev.actor, voice + "; shared subject of a coordinated verb"
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
