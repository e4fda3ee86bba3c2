"""Final touches on each event: one event per type and status per sentence, PLOVER refinements, contexts, and the
manual's scores (QuadClass, intensity, nearest CAMEO code, Goldstein), confidence and coder version."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flashpoint import ontology
from flashpoint.records import Actor, Event, Sentence, Story

_WORDS = re.compile(r"[A-Za-z][\w'-]*")

# Sectors that make a "protest" verbal (ACCUSE disapprove) rather than a street protest: governments protest by note.
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD"}


@dataclass(frozen=True, slots=True)
class _ContextIndex:
    words: dict[str, str]  # one word (lower-case; names as written) -> context
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (the phrase's words, context)
    prefixes: dict[int, dict[str, str]]  # prefix length -> {prefix: context}, for entries ending in *
    order: tuple[str, ...]  # contexts in file order


@cache
def _contexts() -> _ContextIndex:
    """contexts.tsv as dict lookups: one pass over a sentence's words instead of a regex per context."""
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    prefixes: dict[int, dict[str, str]] = {}
    order: list[str] = []
    from flashpoint.tsv import rows

    for context, entries in rows("flashpoint.extract", "contexts.tsv"):
        order.append(context)
        for entry in entries.split("|"):
            parts = tuple(entry.split())
            if entry.endswith("*"):
                prefixes.setdefault(len(entry) - 1, {})[entry[:-1]] = context
            elif len(parts) == 1:
                words[entry] = context
            else:
                phrases.setdefault(parts[0], []).append((parts, context))
    return _ContextIndex(words, phrases, prefixes, tuple(order))


def contexts_of(sentence: str) -> list[str]:
    index = _contexts()
    tokens = _WORDS.findall(sentence)
    lowered = [t.lower() for t in tokens]
    found: set[str] = set()
    for i, (word, low) in enumerate(zip(tokens, lowered, strict=True)):
        for key in {word, low}:
            if key in index.words:
                found.add(index.words[key])
            for parts, context in index.phrases.get(key, ()):
                if tuple(lowered[i:i + len(parts)]) == parts or tuple(tokens[i:i + len(parts)]) == parts:
                    found.add(context)
        for length, table in index.prefixes.items():
            context = table.get(low[:length]) if len(low) >= length else None
            if context:
                found.add(context)
    return [c for c in index.order if c in found]


def _union(a: list[Actor], b: list[Actor]) -> list[Actor]:
    seen = {(x.start, x.end) for x in a}
    return sorted(a + [x for x in b if (x.start, x.end) not in seen], key=lambda x: x.start)


def drop_protest_topics(events: list[Event]) -> list[Event]:
    """The manual (PROTEST): the topic of a protest ("marched ... to demand higher pay") is not a separate REQUEST."""
    protests = [e.trigger.start for e in events if e.event_type == "PROTEST"]
    return [e for e in events if not (
        e.event_type == "REQUEST" and any(p < e.trigger.start for p in protests)
        and e.sentence[:e.trigger.start].rstrip().lower().endswith(("to", "demanding", "calling"))
    )]


# Verbal events need someone doing them: "visiting his father", "asked to call 911" are not politics. Material
# events (an attack, an arrest) are news with or without a named actor.
_NEEDS_PARTICIPANT = {"CONSULT", "SUPPORT", "REQUEST", "REJECT"}


def drop_unanchored(sentence: Sentence) -> None:
    kept = []
    for e in sentence.events:
        if e.event_type in _NEEDS_PARTICIPANT and not e.actor and not e.recipient:
            sentence.notes.append(f"scores: dropped {e.event_type} {e.trigger.text!r}: no actor or recipient")
        else:
            kept.append(e)
    sentence.events = kept


def merge_same(events: list[Event]) -> list[Event]:
    """Triggers of one type and status in one sentence are one event ("attacked the village, killing 12")."""
    kept: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (event.event_type, event.status)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        # The first trigger's actor stands ("police fired tear gas at supporters, injuring 12": not the supporters).
        # A passive first trigger has no actor but a recipient ("were killed in clashes"): that recipient is
        # nobody's actor.
        recipient_spans = {(r.start, r.end) for r in first.recipient}
        first.actor = first.actor or [a for a in event.actor if (a.start, a.end) not in recipient_spans]
        actor_spans = {(a.start, a.end) for a in first.actor}
        reflexive = {(r.start, r.end) for e in (first, event) for r in e.recipient if r in e.actor}  # "shot himself"
        first.recipient = [r for r in _union(first.recipient, event.recipient)
                           if (r.start, r.end) not in actor_spans or (r.start, r.end) in reflexive]
        first.mode = first.mode or event.mode
        for kind in ("dead", "injured", "arrested", "size"):
            if getattr(first, kind) is None:
                setattr(first, kind, getattr(event, kind))
        first.notes.append(f"scores: merged with trigger {event.trigger.text!r} (same type and status)")
    return list(kept.values())


def refine(event: Event) -> None:
    """Type decisions that need the actor or the status.

    A state's "protest" is a diplomatic one (ACCUSE disapprove) and its blockade COERCE restrict; joint exercises
    of two countries are COOPERATE, not MOBILIZE. (Future acts take the manual's category in the status stage, which
    knows the cue.)"""
    if event.event_type == "MOBILIZE" and event.mode != "weapons" and len({a.country for a in event.actor
                                                                           if a.country}) >= 2:
        event.event_type, event.mode = "COOPERATE", None
        event.notes.append("scores: an exercise or deployment by several countries is COOPERATE")
    verbal_protest = (
        event.event_type == "PROTEST" and event.trigger.text.lower().startswith("protest") and event.actor
        and all(a.sector in _STATE_SECTORS or a.country == "IGO" for a in event.actor)
    )
    if verbal_protest:
        event.event_type, event.mode = "ACCUSE", "disapprove"
        event.notes.append("scores: a state actor's protest is diplomatic: ACCUSE/disapprove")
    state_blockade = (
        event.event_type == "PROTEST" and event.trigger.text.lower().startswith("blockad") and event.actor
        and all(a.sector in _STATE_SECTORS | {"COP"} or (a.sector is None and a.country not in {None, "IGO"})
                for a in event.actor)
    )
    if state_blockade:
        event.event_type, event.mode = "COERCE", "restrict"
        event.notes.append("scores: a state's blockade restricts movement: COERCE/restrict, not a protest")
    if event.event_type == "MOBILIZE" and event.mode == "troops" and "police" in event.sentence.lower():
        event.mode = "police"


_BACKGROUND = re.compile(r"\b(after|following|amid|since|in the wake of|in response to|in retaliation for)\s+"
                         r"(\S+\s+){0,4}$", re.IGNORECASE)


def background(event: Event) -> bool:
    """A trigger in a circumstance phrase ("days after the attack", "in the wake of a Taliban attack") is the
    sentence's background, not its news: it ranks below the main clause's event."""
    return bool(_BACKGROUND.search(event.sentence[max(0, event.trigger.start - 80):event.trigger.start]))


def confidence(event: Event) -> float:
    score = 0.3 if background(event) else 0.45
    score += 0.15 if event.actor else 0.0
    score += 0.1 if event.recipient else 0.0
    score += 0.1 if event.mode else 0.0
    score += 0.1 if " " in event.trigger.text else 0.0
    return min(score, 0.95)


class ScoreStage:
    name = "scores"

    def __init__(self, coder: str) -> None:
        self.coder = coder

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if not sentence.events:
                continue
            sentence.events = merge_same(drop_protest_topics(sentence.events))
            drop_unanchored(sentence)
            found_contexts = contexts_of(sentence.text)
            for event in sentence.events:
                refine(event)
                score = ontology.score(event.event_type, event.mode)
                event.quad_class = ontology.quad_class(event.event_type)
                event.intensity, event.cameo, event.goldstein = score.intensity, score.cameo, score.goldstein
                event.contexts = found_contexts
                event.confidence = max(confidence(event), event.confidence)  # the model's may be higher
                event.coder = self.coder
        from flashpoint.extract.quantities import attach_vague, settle_figures

        settle_figures(story)  # figures agree with the story's totals, once statuses and merges are final
        attach_vague(story)  # "dozens were arrested": a range beside the null figure
        return story
