"""Tests for flashpoint.extract.scores (merging, type refinements, ranking) on sentences written for them."""

from __future__ import annotations

from flashpoint.extract.scores import background, merge_same, refine
from flashpoint.records import Actor, Event, Trigger

SENTENCE = "Two people were killed in clashes with police."
PEOPLE = Actor("people", 4, 10, country="KEN", sector="CVL")
POLICE = Actor("police", 40, 46, country="KEN", sector="COP")


def _event(event_type: str, trigger: str, actor: list[Actor], recipient: list[Actor], sentence: str = SENTENCE,
           **kw) -> Event:
    start = sentence.index(trigger)
    return Event("s", 0, sentence, event_type, Trigger(trigger, start, start + len(trigger)), actor=actor,
                 recipient=recipient, **kw)


def test_merge_keeps_the_first_triggers_roles_and_never_makes_its_victims_actors():
    killed = _event("ASSAULT", "killed", [], [PEOPLE], dead=2)
    clashes = _event("ASSAULT", "clashes", [PEOPLE], [POLICE])
    (merged,) = merge_same([killed, clashes])
    assert merged.actor == [] and merged.recipient == [PEOPLE, POLICE] and merged.dead == 2


def test_merge_keeps_different_types_apart():
    assert len(merge_same([_event("ASSAULT", "killed", [], [PEOPLE]), _event("PROTEST", "clashes", [], [])])) == 2


def test_joint_exercise_of_two_countries_is_cooperation():
    sentence = "France and India held military exercises."
    event = _event("MOBILIZE", "military exercises", [Actor("France", 0, 6, country="FRA"),
                                                      Actor("India", 11, 16, country="IND")], [], sentence)
    refine(event)
    assert event.event_type == "COOPERATE"


def test_an_event_after_after_is_background():
    assert background(_event("ASSAULT", "attack", [], [], "Troops moved in days after the attack."))
    assert not background(_event("ASSAULT", "attacked", [], [], "Rebels attacked the town."))
