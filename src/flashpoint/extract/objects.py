"""Participants that are no actor mention: the noun phrase in a trigger's object slot.

The actors stage makes mentions of dictionary actors and people; an event's recipient is often neither — a place, a
thing or another event ("condemned the attacks", "attacked a migrant camp in Calais", "imposed a curfew on the
town"). When a trigger's recipient is empty and its object slot (the direct object of an active verb, the
"at/on/against/with/to" complement it takes, the "on/of/against" of a noun trigger) holds a plain noun phrase, that
phrase is the recipient: an Actor with its own text and offsets, the country of a place inside it, no sector.
Never a pronoun, a time, a number or a quantity.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from flashpoint import tsv
from flashpoint.records import Actor, Sentence
from flashpoint.text.tokens import Token

_MAX_WORDS = 7


@cache
def words() -> dict[str, frozenset[str]]:
    rows = tsv.rows("flashpoint.extract", "object_words.tsv", width=2)
    return {kind: frozenset(listed.split()) for kind, listed in rows}


def _word(token: Token) -> bool:
    return any(c.isalpha() for c in token.text) and token.text not in {"'s", "’s"}


def noun_phrase(sentence: Sentence, tokens: Sequence[Token], j: int, after_prep: bool,
                limit: int | None = None) -> Actor | None:
    """The noun phrase starting at token j (ending at token `limit` at the latest), or None when there is none there
    or it is a pronoun, time or number."""
    w = words()
    if j >= len(tokens):
        return None
    first = tokens[j]
    lower = first.lower
    if not _word(first) or lower in w["stop"] - w["det"] or lower in w["bad_head"] - w["det"]:
        return None
    if lower.endswith("ly") and lower not in w["det"]:
        return None  # an adverb: "strongly", "recently"
    opens = lower in w["det"] or first.text[:1].isupper() or lower.endswith(("'s", "’s"))
    if not opens and not after_prep and lower.endswith(("ing", "ed")):
        return None  # a verb, not an object: "agreed resign", "began firing"
    k = j
    end = j
    stop_at = len(tokens) if limit is None else min(len(tokens), limit + 1)
    while k < stop_at and k - j < _MAX_WORDS:
        t = tokens[k]
        if t.text in {"'s", "’s"} or (t.text == "-" and k > j):
            k += 1
            continue
        if not _word(t) and not (t.text[:1].isdigit() and k > j):
            break
        if k > j and t.lower == "of" and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
            k += 1  # "the city of Kharkiv": a name after "of" belongs to the phrase
            continue
        if k > j and (t.lower in w["stop"] or (t.lower.endswith("ly") and len(t.lower) > 4)):
            break
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if k > j and t.text.islower() and tokens[k - 1].lower not in w["det"] and (
                t.lower.endswith("ed") and (nxt in w["stop"] or nxt in w["det"])
                or t.lower.endswith("ing") and (nxt in w["det"] or nxt in w["verb_link"])):
            break  # a noun and a participle: "Basra starting at 4pm", "the details leading to"
        if k > j and t.lower in w["det"] and t.lower not in {"all", "both"}:
            break  # a second determiner opens another phrase ("gave the group a warning")
        end = k
        k += 1
    span = tokens[j:end + 1]
    content = [t for t in span if t.lower not in w["det"] and t.text not in {"'s", "’s", "-"}]
    if not content:
        return None
    if all(t.lower in w["bad_head"] or t.text[:1].isdigit() for t in content) or content[-1].lower in w["body"]:
        return None
    if any("'t" in t.lower or "’t" in t.lower for t in span):
        return None  # "don't"
    if any(t.lower in w["time"] for t in content[-2:]) and not any(t.text[:1].isupper() and t.lower not in w["time"]
                                                                  for t in content):
        return None
    start, stop = span[0].start, span[-1].end
    if any(q.start < stop and start < q.end for q in (*sentence.times, *sentence.quantities)):
        return None
    if any(a.start < stop and start < a.end for a in sentence.actors):
        return None  # a mention the roles code chose to leave out
    if start - 1 >= 0 and sentence.text[start - 1:start] == "$":
        return None
    country = next((p.country for p in sentence.places
                    if p.start is not None and p.end is not None and start <= p.start and p.end <= stop), None)
    return Actor(text=sentence.text[start:stop], start=start, end=stop, country=country)


def object_recipient(sentence: Sentence, tokens: Sequence[Token], first: int, last: int, nominal: bool,
                     passive: bool) -> Actor | None:
    """The noun phrase in the object slot of the trigger tokens[first..last], or None."""
    if passive or _headline(tokens):
        return None
    w = words()
    j = last + 1
    if j >= len(tokens):
        return None
    last_word = tokens[last].lower
    if nominal:
        if last_word in w["noun_prep"]:
            return noun_phrase(sentence, tokens, j, True)
        if tokens[j].lower in w["noun_prep"]:
            return noun_phrase(sentence, tokens, j + 1, True)
        return None
    if last_word in w["prep"] and last > first:
        return None if _infinitive(tokens, last) else noun_phrase(sentence, tokens, j, True)
    if tokens[j].lower in w["prep"]:
        return None if _infinitive(tokens, j) else noun_phrase(sentence, tokens, j + 1, True)
    return noun_phrase(sentence, tokens, j, False)


def _infinitive(tokens: Sequence[Token], to: int) -> bool:
    """"agreed to resign", "is willing to withdraw": a "to" before a verb, not a complement ("to the town")."""
    return tokens[to].lower == "to" and to + 1 < len(tokens) and not (
        tokens[to + 1].lower in words()["det"] or tokens[to + 1].text[:1].isupper())


def further_clause(text: str, thing: Actor, mention: Actor) -> bool:
    """The recipient mention chosen lies past the object phrase in another clause or a place phrase ("stormed a camp
    in Calais in a raid that the inhabitants ...", "ambushed a convoy, killing seven police"), not in the phrase's
    own complement ("demanded the withdrawal of X", "gave equipment to X")."""
    if thing.end > mention.start:
        return False
    between = text[thing.end:mention.start]
    first = between.split()[:1]
    return "," in between or bool(first) and first[0].lower() in words()["locative"] or \
        bool(words()["clause"] & {x.lower() for x in between.split()})


def subject_actor(sentence: Sentence, tokens: Sequence[Token], first: int, nominal: bool,
                  passive: bool) -> Actor | None:
    """The noun phrase that opens the clause as the subject of an active verb trigger ("The committee has
    condemned ...", "A car bomb killed ..."), when it holds no mention; None for pronouns, times, numbers."""
    if nominal or passive or _headline(tokens):
        return None
    w = words()
    j = first - 1
    if tokens[first].lower.endswith("ing") and j >= 0 and tokens[j].lower not in w["aux"]:
        return None  # "a fatal shooting": a noun, not a verb with its subject
    while j >= 0 and (tokens[j].lower in w["aux"] or (tokens[j].lower.endswith("ly") and len(tokens[j].lower) > 4)):
        j -= 1
    if j < 0 or not _word(tokens[j]):
        return None
    if tokens[j].lower in w["subject_pronoun"]:  # "The committee said (on Friday) (that) it will ...": the speaker
        j -= 1
        while j >= 0 and (tokens[j].lower in w["aux"] or tokens[j].lower == "that" or tokens[j].lower.endswith("day")
                          or (tokens[j].lower.endswith("ly") and len(tokens[j].lower) > 4)):
            j -= 1
        if j < 0 or tokens[j].lower not in w["say"]:
            return None
        j -= 1
        while j >= 0 and (tokens[j].lower in w["aux"] or (tokens[j].lower.endswith("ly") and len(tokens[j].lower) > 4)):
            j -= 1
        if j < 0 or not _word(tokens[j]):
            return None
    end = j
    k = j
    while k >= 0 and end - k < _MAX_WORDS:
        t = tokens[k]
        if t.lower == "of" and k + 1 <= end and tokens[k + 1].text[:1].isupper():
            k -= 1  # "The Heads of State"
            continue
        if not (_word(t) or t.text in {"'s", "’s", "-"} or t.text[:1].isdigit()) or t.lower in w["stop"]:
            break
        k -= 1
    start_i = k + 1
    if start_i > end:
        return None
    if k >= 0 and tokens[k].text not in {",", ":", "--", "—", "that"}:
        return None  # not the clause's opening phrase: "... warned [X] ...", "to [X]"
    if start_i < len(tokens) and (tokens[start_i].lower in w["stop"] or tokens[start_i].text == "-"):
        return None
    phrase = noun_phrase(sentence, tokens, start_i, True, limit=end)
    if phrase is None or phrase.end < tokens[end].end:
        return None  # the phrase read from its first word does not reach the verb: not one phrase
    return phrase


_PLACE_REACH = 3  # words between the trigger and the place's preposition


def place_recipient(sentence: Sentence, tokens: Sequence[Token], last: int, passive: bool,
                    preps: str = "place_prep") -> Actor | None:
    """A place right after a trigger that has no recipient is where the act falls: "declared a state of siege in
    Pando", "withdrew peacekeepers from the Golan Heights" (the phrase with the place's country)."""
    if passive:
        return None
    w = words()
    for j in range(last + 1, min(len(tokens), last + 2 + _PLACE_REACH)):
        t = tokens[j]
        if not _word(t):
            return None
        if t.lower in w[preps]:
            phrase = noun_phrase(sentence, tokens, j + 1, True)
            return phrase if phrase is not None and phrase.country is not None else None
        if t.lower in w["stop"] or t.lower in w["det"]:
            return None
    return None


def _headline(tokens: Sequence[Token]) -> bool:
    """A title in title case ("Jackson Police Investigate Fatal Shooting"): its capitals say nothing of names."""
    alpha = [t for t in tokens if t.text[:1].isalpha()]
    return len(alpha) >= 4 and sum(t.text[:1].isupper() for t in alpha) > 0.7 * len(alpha)


_PLACE_SCAN = 20  # words after the trigger in which a place phrase may name where the act falls


def later_place(sentence: Sentence, tokens: Sequence[Token], last: int, clause_end: int) -> Actor | None:
    """The place phrase of the trigger's own clause that says where an act on a thing falls: "suspended aid
    deliveries in Borno State", "agreed to set up a research centre in Lyon", "returned the manuscript to Italy".
    Scanning stops at a comma or a word that opens another clause."""
    w = words()
    for j in range(last + 1, min(len(tokens), last + 1 + _PLACE_SCAN)):
        t = tokens[j]
        if t.start >= clause_end or t.text in {",", ";", ":", "(", "--", "—"} or t.lower in w["clause"] \
                or t.lower in w["relative"]:
            return None
        if t.lower not in w["place_prep"] and t.lower not in w["later_place_prep"]:
            continue
        phrase = noun_phrase(sentence, tokens, j + 1, True)
        if phrase is not None and phrase.country is not None:
            return phrase
        at = tokens[j + 1].start if j + 1 < len(tokens) else clause_end
        place = next((p for p in sentence.places if p.start is not None and p.end is not None and p.country
                      and at <= p.start <= at + 24), None)
        if place is not None and place.start is not None and place.end is not None:
            return Actor(text=sentence.text[place.start:place.end], start=place.start, end=place.end,
                         country=place.country)
    return None


def own_forces(actor: Sequence[Actor], recipient: Sequence[Actor]) -> bool:
    """The recipient is the forces a party mobilises ("mobilized the army", "sent its men"), not their target: forces
    of no country, of the story's, or of the actor's own ("sent weapons to the Iraqi army" has a recipient)."""
    w = words()
    own = {a.country for a in actor}
    return bool(recipient) and all(
        (r.sector in {"MIL", "COP"} or r.text.lower().split()[-1] in w["forces"])
        and (r.country is None or r.inferred or r.country in own) for r in recipient)


def forces_target(sentence: Sentence, tokens: Sequence[Token], last: int, clause_end: int,
                  preps: str = "target_prep") -> Actor | None:
    """Where or against whom forces are mobilised: "mobilized troops for the war against Iraq", "mobilised its men to
    the area", "remained on alert in the north"; whom a thing goes to: "returned the statue to its owner" (a mention,
    or the noun phrase after the preposition of the object_words.tsv kind `preps`)."""
    w = words()
    for j in range(last + 1, min(len(tokens), last + 1 + _PLACE_SCAN)):
        t = tokens[j]
        if t.start >= clause_end or t.text in {",", ";", ":", "(", "--", "—"} or t.lower in w["relative"]:
            return None
        if t.lower not in w[preps] or j + 1 >= len(tokens) or _infinitive(tokens, j):
            continue
        at = tokens[j + 1].start
        mention = next((a for a in sentence.actors if a.end > at and a.start >= at and len(
            sentence.text[at:a.start].split()) <= 3 and not any(
                x.lower() in w["stop"] or not x.isalpha() for x in sentence.text[at:a.start].split())), None)
        if mention is not None and mention.text.lower().split()[-1] not in w["forces"]:
            return mention
        phrase = noun_phrase(sentence, tokens, j + 1, True)
        if phrase is not None:
            return phrase
    return None


def that_subject(sentence: Sentence, tokens: Sequence[Token], last: int) -> Actor | None:
    """Whom a demand is made of: the subject of the "that" clause after the trigger ("demanded that the minister
    resign", "insisted that Iran halt ...") — a mention starting there, or the noun phrase."""
    j = last + 1
    if j + 1 >= len(tokens) or tokens[j].lower != "that":
        return None
    at = tokens[j + 1].start
    w = words()
    mention = next((a for a in sentence.actors if a.start >= at and len(sentence.text[at:a.start].split()) <= 2
                    and all(x.lower() in w["det"] or x[:1].isupper() for x in sentence.text[at:a.start].split())),
                   None)
    return mention if mention is not None else noun_phrase(sentence, tokens, j + 1, False)


def past_place(between: str) -> bool:
    """The words after a trigger's place phrase and before a mention open another clause or a purpose ("a curfew in X
    to stop protests by Y", "a state of siege in X and sent in police", "in X, pending a hunt for Y")."""
    found = {x.strip(",").lower() for x in between.split()}
    if "with" in found:
        return False  # "held talks in Bishkek with X and Y": the partner
    return "," in between or bool(found & (words()["clause"] | words()["past_place"]))


def struck_target(sentence: Sentence, tokens: Sequence[Token], first: int, last: int,
                  any_head: bool = False) -> Actor | None:
    """The target a verb trigger spans ("pounded the rebel-held enclave", "captured three towns"): the noun phrase
    right after the verb, when the trigger ends on a target noun (object_words.tsv "target_head"), or on any noun
    with `any_head` (what is rejected: "blocked the resolution")."""
    if last <= first or _headline(tokens) or (any_head is False and tokens[last].lower not in words()["target_head"]):
        return None
    phrase = noun_phrase(sentence, tokens, first + 1, False)
    return phrase if phrase is not None and phrase.end >= tokens[last].end else None


def held_as(sentence: Sentence, tokens: Sequence[Token], first: int, clause_start: int
            ) -> tuple[Actor, Actor] | None:
    """(actor, recipient) of a noun trigger that says what someone is made into: "X used Y as human shields", "X
    held Y as hostages" — the subject and the object of the verb before "as"."""
    if first < 1 or tokens[first - 1].lower != "as":
        return None
    at = tokens[first - 1].start
    left = [a for a in sentence.actors if clause_start <= a.start and a.end <= at]
    if len(left) < 2 or sentence.text[left[-1].end:at].strip(" ,").split()[:1] not in ([], ["in"]):
        return None  # "held 200 people in X to use them as shields": the object is not next to "as"
    between = sentence.text[left[-2].end:left[-1].start].split()
    if not between or len(between) > 6 or words()["clause"] & {w.lower().strip(",") for w in between}:
        return None
    return left[-2], left[-1]
