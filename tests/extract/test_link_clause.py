"""Tests for flashpoint.extract.link: which time of its clause an event owns, when the trigger's phrase hangs on
another verb (a noun of the act, a clause of saying, a charge, a later occasion). Stories written for these tests;
published on Friday 2024-03-08."""

from __future__ import annotations

import pytest

import flashpoint

PUBLISHED = "2024-03-08"


def _first_attack(text: str) -> tuple[str, str | None, str | None]:
    events = [e for e in flashpoint.code(text, date=PUBLISHED, model="rules") if e.event_type == "ASSAULT"]
    assert events, text
    return events[0].trigger.text, events[0].date, events[0].date_source


# The time is another verb's: the attack takes the day the story gives it elsewhere (Monday, 2024-03-04).
@pytest.mark.parametrize("text", [
    # a noun of the act in the subject of another verb
    "The victim of what police called an accidental shooting remained in critical condition Thursday. "
    "The boy was shot on Monday night at his home.",
    "A suspect in a home invasion that ended in a shootout remained at large early Thursday. "
    "The gunman shot a resident on Monday night.",
    # a noun of the act in the object of another verb's phrase
    "A man appeared in court Wednesday to answer charges for his part in the shooting of his nephew. "
    "The boy was shot on Monday at a park.",
    "An investigation is underway Thursday into a gun battle between deputies and a gunman. "
    "The gunman fired at deputies on Monday night.",
    # a participle before its noun
    "The mother was too overcome Thursday to speak about her murdered children. "
    "The children were shot on Monday at their home.",
    # a clause of saying after the time
    "A witness, testifying during a hearing Thursday, said a teen drew a gun and fired three times at the group. "
    "The teen shot two men on Monday night.",
    "On Thursday, the prosecutor confirmed the two children died of gunshot wounds. "
    "The children were shot on Monday.",
    "Police identified on Wednesday a man gunned down near a bar. The man was shot on Monday evening.",
    # a charge named by the act
    "A teen was arrested on attempted murder charges Wednesday night. The teen shot a man on Monday.",
    # a later occasion the time modifies
    "Police gave details about the shooting at the mall in a Wednesday press conference. "
    "A gunman shot two people at the mall on Monday.",
    "A pathologist determined after a Wednesday autopsy that the man died of a gunshot wound. "
    "The man was shot on Monday.",
    # a charge right before the time
    "A woman was charged with first-degree murder Thursday after shooting her son. The boy was shot on Monday night.",
    # a question of another verb's
    "As police worked Thursday to determine why a man opened fire on firefighters, the man was released. "
    "The man opened fire on Monday.",
    # the person a verb of naming names, and the clause about that person
    "Officials identified the boy Thursday as Daniel Perez, who police say was shot by an officer. "
    "The boy was shot on Monday night.",
    # a relative clause after the time of the sentence's verb
    "Details emerged Thursday about the officers who died in the sniper attack. "
    "A sniper shot the officers on Monday night.",
    # another clause's time, which the trigger's phrase does not own either
    "Two deputies were out of critical condition Thursday, while the man accused of shooting them was charged with "
    "arson. The deputies were shot on Monday night.",
    # a speaker's "today" inside a quotation
    '"Even kids are getting shot today," said a woman waiting for a bus. Two boys were shot on Monday.',
])
def test_a_time_of_the_verb_the_attack_hangs_on_is_not_its_own(text: str) -> None:
    trigger, day, source = _first_attack(text)
    assert (day, source) == ("2024-03-04", "context"), trigger


def test_a_time_in_the_that_clause_of_a_charge_is_the_acts_own():
    trigger, day, source = _first_attack("He had a hearing Thursday on charges that he killed a neighbor, 20, in "
                                         "the 1500 block of Elm Street on Monday.")
    assert (trigger, day, source) == ("killed", "2024-03-04", "text")


# The time is the attack's own: a verb of the harm, the noun's own clause, a verb of its result, the agent of a
# passive, an alarm raised as it happened.
@pytest.mark.parametrize("text, trigger", [
    ("A man was killed Tuesday night in a shooting.", "killed"),
    ("A drive-by shooting injured three people on Tuesday.", "shooting"),
    ("The shooting that occurred Tuesday remains under investigation.", "shooting"),
    ("A quiet street was jolted awake early Tuesday by gunfire.", "gunfire"),
    ("Deputies received a report Tuesday that a child was treated for a gunshot wound.", "gunshot"),
    ("Police charged a man in Tuesday's shooting.", "shooting"),
    ("A source identified the suspect in Tuesday's mass shooting as a veteran.", "shooting"),
    ("The call went out shortly after 11 p.m. Tuesday for a boy who had been shot near a park.", "shot"),
])
def test_a_time_the_attack_owns_stays_its_own(text: str, trigger: str) -> None:
    assert _first_attack(text) == (trigger, "2024-03-05", "text")
