"""Relation classification: the event between a marked actor and recipient (`flashpoint classify`).

The trained model (`flashpoint.models`) gives the type and mode; the status comes from the rules' cues around the
trigger nearest the marked actor (the status head of the model is experimental). `model="rules"` uses the trigger
lexicon alone.
"""

from __future__ import annotations

from flashpoint import ontology
from flashpoint.extract.events import find_triggers
from flashpoint.extract.status import decide, find_cues, governing_cues
from flashpoint.records import Relation
from flashpoint.text.tokens import tokenize

Span = tuple[int, int]


def classify_rule(text: str, actor: list[Span], recipient: list[Span]) -> Relation:
    tokens = tokenize(text)
    matches = find_triggers(tokens)
    if not matches:
        return Relation(None, None, "asserted", None, 0.0)
    marked = [*actor, *recipient]
    actor_end = max((e for _, e in actor), default=None)
    recipient_start = min((s for s, _ in recipient), default=None)

    def rank(m) -> tuple[int, int, int]:
        start, end = tokens[m.first].start, tokens[m.last].end
        inside = any(s <= start and end <= e for s, e in marked)  # a trigger inside a name is no trigger
        between = (actor_end is None or start >= actor_end) and (recipient_start is None or end <= recipient_start)
        anchor = actor_end if actor_end is not None else (recipient_start or 0)
        return (int(inside), 0 if between else 1, abs(start - anchor))

    best = min(matches, key=rank)
    cue_list = [c for c in find_cues(tokens) if c[0] != best.first]
    status, _ = decide(governing_cues(tokens, cue_list, best.first))
    event_type = best.pattern.event_type
    confidence = 0.6 if rank(best)[1] == 0 else 0.4
    return Relation(event_type, best.pattern.mode, status, ontology.quad_class(event_type), confidence)  # type: ignore[arg-type]


def classify_relations(texts: list[str], actors: list[list[Span]], recipients: list[list[Span]],
                       model: str = "encoder") -> list[Relation]:
    """Classify a batch; model is "encoder", "fast" or "rules"."""
    rules = [classify_rule(t, a, r) for t, a, r in zip(texts, actors, recipients, strict=True)]
    if model == "rules":
        return rules
    from flashpoint.models import load

    predictions = load(fast=model == "fast").predict(texts, actors, recipients)
    return [
        Relation(p.event_type, p.mode, r.status, ontology.quad_class(p.event_type), p.confidence)
        for p, r in zip(predictions, rules, strict=True)
    ]
