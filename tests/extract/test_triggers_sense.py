"""Police actions found in lower-cased text, and trigger words read in their other senses giving no event."""

import pytest

from flashpoint.extract.events import find_triggers
from flashpoint.text.tokens import tokenize


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(m.pattern.event_type, m.pattern.mode) for m in find_triggers(tokenize(text))]


@pytest.mark.parametrize("text, expected", [
    ("police had fired ten rounds in the air", ("ASSAULT", "firearms")),
    ("99 persons have been killed in police firing", ("ASSAULT", "firearms")),
    ("the police had to lathi-charge vhp activists", ("ASSAULT", "crowd-control")),
    ("the police burst teargas shells to disperse them", ("ASSAULT", "crowd-control")),
    ("police fired in air to disperse a mob", ("ASSAULT", "crowd-control")),
    ("six persons were nabbed on sunday", ("COERCE", "arrest")),
    ("the magistrate remanded them to police custody", ("COERCE", "arrest")),
])
def test_police_actions(text, expected):
    assert expected in _types(text)


@pytest.mark.parametrize("text", [
    # places, brands, medicine, dismissals
    "he lived in the 3400 block of Main Street",
    "the car was parked at a Shell station on Route 9",
    "dr dalal had suffered a cardiac arrest",
    "apprehending trouble, shopkeepers downed their shutters",
    "the firing of the coach surprised fans",
    # reporting, naming, sport and figures of speech
    "the man asked not to be named",
    "she asked why the women stayed quiet",
    "he was a convicted felon",
    "the name has not been released",
    "according to a news release from the office",
    "the officer in charge of the station",
    "a storm surge hit the coast",
    "the body was sent to the state medical examiner",
    "Rich & Ruthless Nabs 8 Nods",
    "he hit a game-winning shot",
    "he shot down rumors of a deal",
    "my heart skips beats when I hear it",
    "her heart was beating fast",
    "his mother declined to be interviewed on camera",
    # withheld names, instructions, natural damage, hosting
    "a neighbour declined to give his name",
    "her name is being withheld until relatives are told",
    "she kept asking the officers \"Where is my son?\"",
    "he told the boy to put the gun down",
    "the tornado destroyed the school gym",
    "the bridge was damaged by the flood",
    "the old warehouses hosted a variety of small businesses",
    "the trial aims to demonstrate the safety of the vaccine",
    # sports, awards, tasks, reactions, captions
    "Both matches were hard fought battles, the coach said.",
    "She hit a big time shot at the buzzer.",
    "He shot 40 percent from the field in the second half.",
    "The actor was nominated for Best Supporting Actor.",
    "Two guards will be charged with trying to keep the forward in check.",
    "The plan was met with equally passionate responses from residents.",
    "The ministers spoke of reaching negotiated solutions to the dispute.",
    "The other children were released to their parents after questioning.",
    "She was driving to work when she saw the blocked road.",
    "The sheriff said locking up guns is the best advice he can give.",
    "A deputy called out on the radio for an ambulance.",
    "The identity of the dead man has not been released.",
    "Reporters answered questions both basic and probing.",
    "The mayor, left, attended a meeting of the council on Monday.",
    "The press secretary Ann Lee declined to elaborate on the remark.",
    # medicine, rescuers by trade, a page's own invitation
    "The toddler has been on life support since Sunday.",
    "Doctors will switch off his life-support machine.",
    "Rescue crews found the hikers near the ridge.",
    "Please visit our website to read more stories.",
    "To share memories of Pat with the family, please visit the funeral home's page.",
    # a shooter's posture
    "The man took a two-handed shooting stance in the doorway.",
])
def test_other_senses_give_no_event(text):
    assert _types(text) == []


def test_fire_the_noun_is_no_shooting():
    assert ("ASSAULT", "firearms") not in _types("a fire in which ammunition exploded killed one")
    assert ("ASSAULT", "firearms") in _types("police had to fire 8 rounds")


@pytest.mark.parametrize("text, expected", [
    ("Police asked residents to stay indoors", "REQUEST"),
    ("Police released three prisoners", "RETREAT"),
    ("Rebels shot down a helicopter", "ASSAULT"),
    ("troops stormed the building", "ASSAULT"),
    ("police beat the protesters", "ASSAULT"),
    ("the minister declined to meet the envoy", "REJECT"),
    ("the protesters demonstrated the day before", "PROTEST"),
])
def test_event_senses_still_fire(text, expected):
    assert expected in [t for t, _ in _types(text)]


def test_munition_led_passives():
    assert ("ASSAULT", "firearms") in _types("five rounds were fired by the station house officer")
    assert ("ASSAULT", "crowd-control") in _types("tear gas shells were lobbed by police")


@pytest.mark.parametrize("text, expected", [
    ("makeshift jails have been established", []),
    ("of the 22 on police remand", []),
    ("he was jailed for ten years", [("COERCE", "arrest")]),
    ("Wendy was booked into jail on four counts", [("COERCE", "arrest")]),
    ("he is being held at the Allegheny County Jail on bond", [("COERCE", "detain")]),
])
def test_jail_the_building_is_no_arrest(text, expected):
    assert _types(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("six persons were picked up in cases of arson", [("COERCE", "arrest")]),
    ("the police have booked 62 people under the law", [("COERCE", "arrest")]),
    ("50 persons were held on tuesday", [("COERCE", "detain")]),
    ("i booked a room at the hotel", []),
    ("elections were held on monday", []),
    ("people were held hostage", []),
    ("the kids were picked up from school", []),
])
def test_arrests_as_police_reports_write_them(text, expected):
    assert _types(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("militants destroyed the school gym", "ASSAULT"),
    ("Police asked witnesses to come forward", "REQUEST"),
    ("gunmen gunned down two guards", "ASSAULT"),
    ("farmers demonstrated outside the ministry", "PROTEST"),
])
def test_their_event_senses_still_fire(text, expected):
    assert expected in [t for t, _ in _types(text)]


@pytest.mark.parametrize("text, expected", [
    ("Troops fought battles with the rebels near the border.", ("ASSAULT", None)),
    ("The protesters blocked the road to the airport.", ("PROTEST", "obstruct")),
    ("The gunmen released the hostages to their families.", ("RETREAT", "release")),
    ("The delegation left the meeting after an hour.", ("REJECT", "meet")),
    ("The envoys pressed the government to release the prisoners.", ("REQUEST", None)),
])
def test_the_event_senses_of_those_words_still_fire(text, expected):
    assert expected in _types(text)


def test_a_rescue_and_a_pledge_of_support_are_still_events():
    assert ("AID", None) in _types("Firefighters rescued two children from the burning home.")
    assert ("SUPPORT", None) in _types("The ministry pledged its support for the peace plan.")


def test_a_hail_of_gunfire_is_gunfire_and_no_praise():
    assert _types("The boy was caught in a hail of gunfire outside the shop.") == [("ASSAULT", "firearms")]
    assert ("SUPPORT", None) in _types("Leaders hailed the agreement as historic.")
