"""Tracking stage: the people of a shooting story carried onto the pronouns and nouns that stand for them.

The events stage gives roles to mentions in a clause. A clause often names its victim or attacker only by a pronoun
("he was shot in the chest", "the gun went off, striking her", "she shot him") or by a noun that stands for someone
the story named elsewhere ("the victim", "the gunman"). Issue 16 item 2: each actor and recipient keeps the text of
its own mention and adds the resolved `name`.

  - an ASSAULT with an empty role whose clause holds a personal pronoun in that slot (the object right after a verb
    trigger, a passive or active subject right before it) takes the pronoun as a mention, with the `name` of the
    person it stands for;
  - a pronoun stands for the most recent named person of the story (this sentence before it, else the sentences
    before) whose known gender does not clash, and who is not the event's other role (simple salience: measured by
    bench/bench_roles.py "named");
A noun for a person ("the victim", "the girl", "the 17-year-old") takes the name the story ties to that noun in the
people stage (`people.name_roles`: "the victim, Sam Ortiz", "identified the girl as Sam Ortiz").

A sentence that identifies a victim or reports the death or wound of one ("police identified the victims as A, 23, and
B, 19", "A was pronounced dead at the scene", "B remains in critical condition") names no act, so no trigger fires
in it; in a story that reports a shooting before it, it is another mention of that shooting, and it becomes an
ASSAULT record with the person as its recipient (`victim_reports`; phrases in `victim_reports.tsv`). The link stage
dates and places it like the story's shooting and gives it the sentence's figures; the status stage its status.

A named person arrested or charged over the story's shooting, or named as its shooter, is likewise its accused actor
(`suspect_reports`; phrases in `suspect_reports.tsv`).

The one handling a gun when it went off is the shooter of that discharge, though no verb says "shot" of them ("X was
cleaning his rifle when it went off, striking the boy", "a weapon being held by X discharged"; `gun_holders`).

Word lists: `harm_words.tsv` (pronoun kinds, suspect context), `victim_reports.tsv`, `suspect_reports.tsv`.
"""

from __future__ import annotations

import re
from functools import cache

from flashpoint import tsv
from flashpoint.records import Actor, Event, Sentence, Story, Trigger
from flashpoint.text.tokens import Token, tokenize


def _words() -> dict[str, frozenset[str]]:
    from flashpoint.extract.events import harm_words

    return harm_words()


def _gender(sentence: Sentence, a: Actor) -> str | None:
    """"male" / "female" when the sentence says so next to the name ("his wife, Gina Ruiz", "Tom Lee, a 17-year-old
    boy", "the girl, Sam Ortiz"), else None."""
    from flashpoint.extract.people import word_kinds

    kinds = word_kinds()
    text = sentence.text
    near = text[max(0, a.start - 30):a.start].lower().split()[-2:] + text[a.end:a.end + 40].lower().split()[:4]
    for w in near:
        k = kinds.get(w.strip(",.;"), frozenset())
        if "female" in k:
            return "female"
        if "male" in k:
            return "male"
    return None


class _People:
    """The named people of a story so far, most recent last, with a gender where the story gives one, and the roles
    they already hold in its shootings."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None]] = []
        self.roles: dict[str, set[str]] = {}

    def add(self, name: str, gender: str | None) -> None:
        old = next((g for n, g in self.seen if n == name), None)
        self.seen = [(n, g) for n, g in self.seen if n != name] + [(name, gender or old)]

    def copy(self) -> _People:
        out = _People()
        out.seen, out.roles = list(self.seen), self.roles
        return out

    def resolve(self, pronoun: str, side: str, exclude: set[str]) -> str | None:
        """The most recent person of a compatible gender, preferring one who already holds this role in the story's
        shootings ("the victim" of the story is whom "he was shot" most likely means)."""
        words = _words()
        want = "female" if pronoun in words["female_pronoun"] else "male" if pronoun in words["male_pronoun"] else None
        fits = [n for n, g in reversed(self.seen) if n not in exclude and not (want and g and g != want)]
        same = [n for n in fits if side in self.roles.get(n, ())]
        return (same or fits or [None])[0]


def _pronoun_slot(tokens: list[Token], event: Event, side: str) -> Token | None:
    """The personal pronoun that fills an empty role of the event's clause: "shot him", "striking her" (recipient);
    "he was shot" (recipient of a passive); "he shot" (actor)."""
    words = _words()
    first = next((i for i, t in enumerate(tokens) if t.start == event.trigger.start), None)
    last = next((i for i, t in enumerate(tokens) if t.end == event.trigger.end), None)
    if first is None or last is None:
        return None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    passive = first >= 1 and tokens[first - 1].lower in words["be"] or \
        first >= 2 and tokens[first - 1].lower.endswith("ly") and tokens[first - 2].lower in words["be"]
    k = first - 1
    while k >= 0 and (tokens[k].lower in words["be"] or tokens[k].lower.endswith("ly") or tokens[k].lower in
                      words["passive_adverb"] or tokens[k].lower in ("had", "has", "have", "then", "allegedly")):
        k -= 1
    subject = tokens[k] if k >= 0 and tokens[k].lower in words["subject_pronoun"] else None
    if side == "recipient":
        if after is not None and after.lower in words["object_pronoun"]:
            return after
        for j in range(last + 1, min(last + 4, len(tokens) - 1)):  # "the gun went off, striking her"
            if tokens[j].lower in words["struck"] and tokens[j + 1].lower in words["object_pronoun"]:
                return tokens[j + 1]
        return subject if passive else None
    return subject if not passive else None


def track(story: Story) -> None:
    from flashpoint.extract.events import is_person
    from flashpoint.extract.people import first_names

    firsts = first_names()
    people = _People()
    for sentence in story.sentences:
        if sentence.skip:
            continue
        tokens: list[Token] | None = None
        att = sentence.attribution
        # private people named in the sentence, not the source of a report ("said Lt. Kevin Smith")
        mentions = [a for a in sentence.actors if is_person(a) and a.name
                    and not (att is not None and att.start <= a.start < att.end)
                    and (a.name.split()[0] in firsts or a.name in people.roles or _roled(sentence, a))]
        nouns = [a for a in sentence.actors if a.sector == "CVL" and not _PLURAL.search(a.text.lower())]
        for event in sentence.events:
            if event.event_type != "ASSAULT":
                continue
            for side, other in (("recipient", "actor"), ("actor", "recipient")):
                if getattr(event, side):
                    continue
                tokens = tokens if tokens is not None else tokenize(sentence.text)  # only where a role is empty
                pronoun = _pronoun_slot(tokens, event, side)
                if pronoun is None or _quoted(sentence.text, pronoun.start):
                    continue  # "“He shot me,” Smith said": a quote's pronouns are the speaker's people
                here = people.copy()
                for a in mentions:
                    if a.end <= pronoun.start:
                        here.add(a.name, _gender(sentence, a))
                nearest = max((a for a in mentions + nouns if a.end <= pronoun.start), key=lambda a: a.end,
                              default=None)
                if nearest is not None and nearest in nouns and nearest not in getattr(event, other):
                    name = nearest.name  # "the wounded 17-year-old believed he had been shot": the noun's person
                else:
                    name = here.resolve(pronoun.lower, side, {a.name for a in getattr(event, other) if a.name})
                if name is None:
                    continue
                setattr(event, side, [Actor(text=pronoun.text, start=pronoun.start, end=pronoun.end, name=name)])
                event.notes.append(f"tracking: {pronoun.text!r} ({side}) is {name}, the story's most recent person")
        for a in mentions:
            people.add(a.name, _gender(sentence, a))
        for event in sentence.events:
            if event.event_type == "ASSAULT":
                for side in ("actor", "recipient"):
                    for a in getattr(event, side):
                        if a.name:
                            people.roles.setdefault(a.name, set()).add(side)


_PLURAL = re.compile(r"(?:s|men|people|children)$")


def _roled(sentence: Sentence, a: Actor) -> bool:
    """A name the sentence gives with an age or a role in one of its shootings ("Kia Lott, 19, was shot")."""
    return any(a in e.actor or a in e.recipient for e in sentence.events if e.event_type == "ASSAULT")


def _quoted(text: str, at: int) -> bool:
    """The offset lies inside a quotation (an odd number of quote marks before it)."""
    before = text[:at]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1

@cache
def _report_patterns(file: str = "victim_reports.tsv") -> dict[str, tuple[tuple[str, object], ...]]:
    """First word -> (slot, pattern) of a phrase file (`victim_reports.tsv`, `suspect_reports.tsv`)."""
    from flashpoint.extract.events import parse_pattern

    index: dict[str, list[tuple[str, object]]] = {}
    for slot, source in tsv.rows("flashpoint.extract", file):
        pattern = parse_pattern("ASSAULT", None, source)
        for first in pattern.elements[0]:  # type: ignore[union-attr]
            index.setdefault(first, []).append((slot, pattern))
    return {k: tuple(v) for k, v in index.items()}


def _report_matches(tokens: list[Token], file: str = "victim_reports.tsv") -> list[tuple[str, int, int, str]]:
    """(slot, first token, last token, pattern) of each report phrase, overlaps resolved as for triggers: the
    longest wins, and "none" phrases then vanish."""
    from flashpoint.extract.events import _match_from

    index = _report_patterns(file)
    found = []
    for i, t in enumerate(tokens):
        for slot, pattern in index.get(t.lower, ()):
            last = _match_from(pattern, tokens, i)  # type: ignore[arg-type]
            if last is not None:
                found.append((slot, i, last, pattern.source))  # type: ignore[attr-defined]
    found.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    out = []
    for m in found:
        if taken & set(range(m[1], m[2] + 1)):
            continue
        taken |= set(range(m[1], m[2] + 1))
        out.append(m)
    return sorted((m for m in out if m[0] != "none"), key=lambda m: m[1])


_AGE_ONLY = re.compile(r"\s*(?:the\s+)?(?:\d{1,3}[- ](?:year|month)s?[- ]old\s+)?")
_AUX_ONLY = re.compile(r"[\s,]*(?:(?:who|has|had|have|was|were|is|are|been|later|then|also|eventually|ultimately|"
                       r"initially|both|each|was\s+still|still)\b[\s,]*)*")
_YEAR_AFTER = re.compile(r"\s+in\s+(?:19|20)\d\d\b")


def _reported_victims(sentence: Sentence, start: int, end: int, slot: str) -> list[Actor]:
    """The named people a report phrase is about: the subject before it ("A, 23, and B, 19, were pronounced dead")
    or the names right after it ("identified the victims as A and B")."""
    from flashpoint.extract.events import _with_conjuncts
    from flashpoint.extract.people import named, person_asides

    text = sentence.text
    names = [a for a in sentence.actors if named(a)]
    if slot == "after":
        after = [a for a in names if a.start >= end]
        if not after or not _AGE_ONLY.fullmatch(text[end:after[0].start]):
            return []
        return _with_conjuncts(after, 0, text, +1)
    before = [a for a in names if a.end <= start]
    if not before or not _AUX_ONLY.fullmatch(person_asides(text[before[-1].end:start])):
        return []
    return _with_conjuncts(before, len(before) - 1, text, -1)


def victim_reports(story: Story) -> None:
    """Sentences that identify a victim of the story's shooting or report the victim's death or wound, coded as
    mentions of that shooting (see the module docstring). Only after a shooting the story reports (a wrong-sense
    trigger is none), never in a sentence with an ASSAULT of its own, never for a quote or for a suspect."""
    from flashpoint.extract.senses import wrong_sense

    words = _words()
    shooting: Event | None = None
    attackers: set[str] = set()
    # the nouns of the unnamed people the story arrested or charged ("four men arrested") and of those it shot
    suspect_nouns: set[str] = set()
    victim_nouns: set[str] = set()
    for sentence in story.sentences:
        if sentence.skip:
            continue
        attackers |= {a.name for a in sentence.actors if a.name and a.text.lower().split()[-1:] and  # "the gunman"
                      a.text.lower().split()[-1] in words["attacker_noun"]}
        for e in sentence.events:  # attackers, and those arrested or charged: the suspects, never the victims
            if e.event_type == "ASSAULT":
                attackers |= {a.name for a in e.actor if a.name}
                victim_nouns |= {a.text.lower().split()[-1] for a in e.recipient if not a.name and a.text.split()}
            elif e.event_type == "COERCE" or (e.event_type == "ACCUSE" and e.mode == "allege"):
                attackers |= {a.name for a in e.recipient if a.name}
                suspect_nouns |= {a.text.lower().split()[-1] for a in e.recipient if not a.name and a.text.split()}
    suspect_nouns -= victim_nouns
    for sentence in story.sentences:
        if sentence.skip:
            continue
        own = [e for e in sentence.events if e.event_type == "ASSAULT"]
        if own:
            shooting = shooting or next((e for e in own if " " in e.trigger.text or wrong_sense(
                sentence.text, e.trigger.start, e.trigger.end) is None), None)
            continue
        if shooting is None:
            continue
        tokens = tokenize(sentence.text)
        lowered = {t.lower for t in tokens}
        att = sentence.attribution
        for slot, first, last, source in _report_matches(tokens):
            start, end = tokens[first].start, tokens[last].end
            if _quoted(sentence.text, start) or _YEAR_AFTER.match(sentence.text, end):
                continue
            if slot == "after" and lowered & words["suspect_context"]:
                continue  # "the man arrested was identified as X": the suspect's identification
            renamed = [t.lower for t in tokens[first + 1:last] if t.lower.isalpha()][-1:]
            if slot == "after" and set(renamed) & suspect_nouns:
                continue  # "Four men were arrested. Police identified the men as A, B, C and D": the suspects
            victims = [a for a in _reported_victims(sentence, start, end, slot)
                       if a.name not in attackers and not (att is not None and att.start <= a.start < att.end)]
            if not victims:
                continue
            _reference(story, sentence, shooting, start, end, [], victims,
                       f"(pattern {source!r}) reports on a victim of the story's shooting",
                       f"{', '.join(a.text for a in victims)} as its recipient")
            break  # one report per sentence


def _charged(sentence: Sentence) -> list[tuple[Event, int]]:
    """The arrests and charges of a sentence (COERCE arrest, ACCUSE allege) with the end of the stretch of text that
    belongs to each: up to the next arrest or charge, else the sentence's end ("A was arrested on suspicion of
    manslaughter and B was arrested on a weapons charge": the manslaughter is A's)."""
    from flashpoint.extract.people import named

    acts = sorted((e for e in sentence.events if e.event_type == "COERCE" and e.mode == "arrest"
                   or e.event_type == "ACCUSE" and e.mode == "allege"), key=lambda e: e.trigger.start)
    out = []
    for i, e in enumerate(acts):
        # "A was taken into custody and charged with manslaughter": a second act with nobody of its own is A's too
        whom = {a.name for a in e.recipient if named(a)}
        nxt = next((f.trigger.start for f in acts[i + 1:] if f.trigger.start >= e.trigger.end
                    and {a.name for a in f.recipient if named(a)} - whom), len(sentence.text))
        out.append((e, nxt))
    return out


_DEATH_OF = re.compile(r"\b(?:death|deaths|shooting|shootings|killing|killings|slaying|murder|homicide)\s+of\s+"
                       r"(?:the\s+)?(?:\d{1,3}[- ](?:year|month)s?[- ]old\s+)?$", re.IGNORECASE)


def _charged_over(sentence: Sentence, after: int, stop: int) -> list[Actor]:
    """The named people whose death or shooting a charge is over ("charged with manslaughter in the death of Y")."""
    from flashpoint.extract.people import named

    return [a for a in sentence.actors if named(a) and after <= a.start < stop
            and _DEATH_OF.search(sentence.text, max(after, a.start - 60), a.start)]


def suspect_reports(story: Story) -> None:
    """The named person arrested or charged over the story's shooting is that shooting's accused actor: "X, 24, was
    charged with manslaughter", "police arrested X in connection with the death", "X was arrested in the case"
    (phrases in `suspect_reports.tsv`, after the arrest or charge trigger). An ASSAULT of the same sentence with no
    actor after the trigger ("X was arrested in connection with the shooting death of Y") takes X; a sentence with
    no ASSAULT becomes one, with X as its actor, in a story that reports a shooting before it (like a victim report;
    the status stage gives it the sentence's status). Never a victim of the story, a report's source or a quote."""
    from flashpoint.extract.people import named
    from flashpoint.extract.senses import wrong_sense

    shooting: Event | None = None
    victims: set[str] = set()
    for sentence in story.sentences:
        if sentence.skip:
            continue
        own = [e for e in sentence.events if e.event_type == "ASSAULT"]
        charged = _charged(sentence) if shooting is not None or own else []
        att = sentence.attribution
        tokens = tokenize(sentence.text) if charged else []
        for act, stop in charged:
            if _quoted(sentence.text, act.trigger.start):
                continue
            people = [a for a in act.recipient if named(a) and a.name not in victims
                      and not any(a.name == r.name for e in own for r in e.recipient)
                      and not (att is not None and att.start <= a.start < att.end)]
            if not people:
                continue
            phrase = next(((first, last, source) for slot, first, last, source in
                           _report_matches(tokens, "suspect_reports.tsv")
                           if slot == "charge" and act.trigger.start <= tokens[first].start
                           and tokens[last].end <= stop), None)
            if phrase is not None:
                start, end = tokens[phrase[0]].start, tokens[phrase[1]].end
                if start >= act.trigger.end:  # "for her role in the death of Y": Y is no suspect
                    people = [a for a in people if a.end <= start]
            elif act.event_type == "COERCE" and not _by_force(shooting, own) and not _words()["arrest_reason"] & \
                    set(re.findall(r"[a-z]+", sentence.text[act.trigger.end:stop].lower())):
                # "X was arrested Friday", "deputies arrested X after talking with witnesses": an arrest that names
                # no charge, in a story of a shooting by someone unknown, is over that shooting
                start, end = act.trigger.start, act.trigger.end
            else:
                continue
            if not people:
                continue
            empty = next((e for e in own if not e.actor and act.trigger.end <= e.trigger.start < stop), None)
            if empty is not None:
                empty.actor = list(people)
                empty.notes.append(f"tracking: {', '.join(a.text for a in people)}, arrested or charged "
                                   f"({act.trigger.text!r}) over it, is its accused actor")
                continue
            if own or shooting is None:
                continue
            event = _reference(story, sentence, shooting, start, end, list(people),
                               [a for a in _charged_over(sentence, end, stop) if a not in people],
                               f"arrests or charges someone over the story's shooting ({act.trigger.text!r} ... "
                               f"{phrase[2] if phrase else 'no charge named'!r})",
                               f"{', '.join(a.text for a in people)} as its accused actor", later_act=True)
            own = [event]
        if not own and shooting is not None:
            own = _shooter_named(story, sentence, shooting, victims)
        for e in sentence.events:
            if e.event_type == "ASSAULT":
                victims |= {a.name for a in e.recipient if a.name}
        if own and shooting is None:
            shooting = next((e for e in own if " " in e.trigger.text or wrong_sense(
                sentence.text, e.trigger.start, e.trigger.end) is None), None)


def _by_force(shooting: Event | None, own: list[Event]) -> bool:
    """The attack was by police, troops or another armed body ("police opened fire on the crowd"): who they arrest
    afterwards is not its accused."""
    from flashpoint.extract.events import _FORCES

    return any(a.sector in _FORCES for e in [*own, *([shooting] if shooting else [])] for a in e.actor)


def _shooter_named(story: Story, sentence: Sentence, shooting: Event, victims: set[str]) -> list[Event]:
    """A sentence that names the story's shooter ("police identified the shooter as X", "the accused shooter is X";
    `suspect_reports.tsv` slot `named`) or its subject charged with it ("X faces charges of manslaughter", slot
    `faces`) is another mention of the shooting, with X as its actor."""
    tokens = tokenize(sentence.text)
    att = sentence.attribution
    found = _report_matches(tokens, "suspect_reports.tsv")
    for slot, first, last, source in found:
        start, end = tokens[first].start, tokens[last].end
        if slot not in ("named", "faces") or _quoted(sentence.text, start):
            continue
        if slot == "faces":  # "X faces charges of manslaughter": the subject, with a charge phrase after it
            if not any(s == "charge" and f > last for s, f, _, _ in found):
                continue
            start, end = next((tokens[f].start, tokens[k].end) for s, f, k, _ in found if s == "charge" and f > last)
        people = [a for a in _reported_victims(sentence, tokens[first].start, tokens[last].end,
                                               "after" if slot == "named" else "before")
                  if a.name not in victims and not (att is not None and att.start <= a.start < att.end)]
        if not people:
            continue
        return [_reference(story, sentence, shooting, start, end, people, [],
                           f"(pattern {source!r}) names the shooter of the story's shooting",
                           f"{', '.join(a.text for a in people)} as its actor", later_act=True)]
    return []


def _reference(story: Story, sentence: Sentence, shooting: Event, start: int, end: int, actor: list[Actor],
               recipient: list[Actor], why: str, roles: str, later_act: bool = False) -> Event:
    """A sentence that reports on the story's shooting (its victim, its accused, its shooter) as a record of that
    same ASSAULT, with the shooting's mode; link and status stages date, place and judge it like any other. The day
    of a `later_act` (an arrest, a charge, an identification) is not the shooting's: such a record is dated and
    placed like the shooting (`Event.reports_on`); a victim's death or wound is most often told with its day."""
    event = Event(story_id=story.id, sentence_index=sentence.index, sentence=sentence.text, event_type="ASSAULT",
                  mode=shooting.mode, trigger=Trigger(sentence.text[start:end], start, end), actor=actor,
                  recipient=recipient, publication_date=story.date, reports_on=shooting if later_act else None)
    event.notes.append(f"tracking: {sentence.text[start:end]!r} {why} ({shooting.trigger.text!r}, sentence "
                       f"{shooting.sentence_index}): the same ASSAULT, with {roles}")
    sentence.events.append(event)
    sentence.events.sort(key=lambda e: e.trigger.start)
    return event


@cache
def _handling() -> re.Pattern[str]:
    """From the end of a person's mention to the discharge: "[, 36,] [told officers he] was [allegedly] [trying to]
    cleaning [the / his / a .22-caliber] rifle ... when it went off" (`gun_handling`, `gun_noun` in harm_words.tsv)."""
    words = _words()
    verbs = "|".join(sorted(map(re.escape, words["gun_handling"]), key=len, reverse=True))
    guns = "|".join(sorted(map(re.escape, words["gun_noun"]), key=len, reverse=True))
    return re.compile(
        r"(?:\s*,[^,;]{0,60},)?\s+(?:(?:told|tells|said|says)\b[^;,]{0,30}?\b(?:he|she)\s+)?"
        r"(?:was|were|is|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?(?:(?:trying|attempting)\s+to\s+)?"
        rf"(?:{verbs})\b(?:\s+[\w'’.-]+){{0,4}}?\s+(?:{guns})\b[^;]{{0,120}}?"
        r"\b(?:when|as|and|before|while|until)\b[^;]{0,80}", re.IGNORECASE)


_AND = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:a|an|the|his|her|their)\s+)?", re.IGNORECASE)
# "a discharge from a weapon being held by X": the holder named after the discharge
_HELD_BY = re.compile(r"[^;]{0,60}\b(?:being|was|were)\s+(?:held|handled|carried)\s+by\s+", re.IGNORECASE)


def gun_holders(story: Story) -> None:
    """A firearms ASSAULT with no actor whose sentence says who was handling the gun when it went off takes that
    person as its actor: the discharge is theirs, even an accidental one ("X was playing with a pistol when it went
    off, striking his cousin")."""
    from flashpoint.extract.events import is_person

    for sentence in story.sentences:
        if sentence.skip:
            continue
        people = [a for a in sentence.actors if is_person(a) or a.sector == "CVL"]
        for event in sentence.events:
            if event.event_type != "ASSAULT" or event.mode != "firearms" or event.actor or not people:
                continue
            start, end, text = event.trigger.start, event.trigger.end, sentence.text
            before = sorted((a for a in people if a.end <= start), key=lambda a: -a.end)
            holder = next((a for a in before if _handling().fullmatch(text, a.end, end)), None)
            if holder is None:
                holder = next((a for a in people if a.start >= end and _HELD_BY.fullmatch(text, end, a.start)), None)
            if holder is None or _quoted(text, holder.start):
                continue
            holders = [holder]
            for a in before:  # "Moore, Hall and the boy were playing with a gun": all of them
                if a.end <= holders[0].start and _AND.fullmatch(text, a.end, holders[0].start):
                    holders.insert(0, a)
            event.actor = holders
            event.notes.append(f"tracking: {', '.join(a.text for a in holders)} handling the gun when it went off: "
                               "its actor")


class TrackingStage:
    """Pronouns in empty roles of shooting events resolved to the story's people (after the events stage)."""

    name = "tracking"

    def __call__(self, story: Story) -> Story:
        track(story)
        gun_holders(story)
        victim_reports(story)
        suspect_reports(story)
        return story
