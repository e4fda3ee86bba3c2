"""Tests for whole local-news shooting stories: the main shooting is found and dated (issue 17)."""

from __future__ import annotations

import pytest

import flashpoint


def test_accidental_shootings_are_assaults():
    for text, trigger in (("A boy, 14, died after a hunting accident on Sunday.", "hunting accident"),
                          ("A teenager was killed in a hunting accident on Sunday.", "killed in a hunting accident"),
                          ("Deputies said the rifle went off while he was cleaning it.", "rifle went off"),
                          ("A girl was struck by a stray bullet on her porch.", "struck by a stray bullet")):
        events = [e for e in flashpoint.code(text, model="rules") if e.event_type == "ASSAULT"]
        assert [e.trigger.text for e in events] == [trigger], text
    assert not [e for e in flashpoint.code("A man was killed in a car accident.", model="rules")
                if e.event_type == "ASSAULT"]


def _first_shooting(text: str, published: str) -> tuple[str | None, str | None]:
    events = [e for e in flashpoint.code(text, date=published, model="rules")
              if e.event_type == "ASSAULT" and e.status in ("asserted", "claimed")]
    return events[0].date, events[0].date_source


def test_a_follow_up_story_dates_its_background_shooting_by_the_day_it_names():
    # the charges come five weeks later: the story's only day, not its publication, is the shooting's
    text = ("A grand jury indicted a man accused of shooting a teenager at a bus stop. "
            "The boy was found near the stop on Feb. 10 and taken to a hospital.")
    assert _first_shooting(text, "2024-03-20") == ("2024-02-10", "context")


def test_last_year_is_narrowed_to_the_day_the_story_gives():
    text = ("A teenager charged in the fatal shooting of his friend last year pleaded guilty on Friday. "
            "Deputies found the friend wounded at a farmhouse on Oct. 4, 2023.")
    assert _first_shooting(text, "2024-03-04") == ("2023-10-04", "context")


def test_a_day_that_owns_the_shooting_is_read_backward_past_a_modifier():
    # published Wednesday 2024-03-06: "Tuesday's downtown shooting" is the day before, not next week
    text = "No arrests expected in Tuesday's downtown shooting, officers say."
    assert _first_shooting(text, "2024-03-06")[0] == "2024-03-05"


def test_a_headline_takes_the_corrected_day_of_the_story():
    # "expected to recover" looks forward; the shooting itself is read back before the headline copies its day
    text = ("Boy shoots cousin while playing with rifle\n\n"
            "The 6-year-old girl who was shot by her cousin Thursday night is expected to recover, deputies said.")
    assert [d for d, _ in [_first_shooting(text, "2024-03-09")]] == ["2024-03-07"]


def test_the_day_police_speak_is_not_the_shootings():
    text = ("Police on Friday said a shooting at a trailer park was accidental. "
            "A man was wounded there on Wednesday night while cleaning a pistol.")
    assert _first_shooting(text, "2024-03-09")[0] == "2024-03-06"


def test_a_hearing_set_for_a_weekday_is_not_the_stories_day():
    text = "A man charged in the shooting of a store clerk was arrested. A bond hearing is set for Tuesday."
    assert _first_shooting(text, "2024-03-06") == ("2024-03-06", "publication")


def test_a_photo_gallery_with_only_captions_is_coded_from_its_captions():
    text = ("Photo: Jane Roe Image 1 of / 4 Caption Close\n\n"
            "Image 1 of 4 Deputies work the scene where a hunter was wounded by gunfire on Sunday near Elm Lake. "
            "Photo: Jane Roe\n\n"
            "Image 2 of 4 A deputy walks along the road near Elm Lake. Photo: Jane Roe")
    assert _first_shooting(text, "2024-03-05") == ("2024-03-03", "text")


def test_a_caption_above_a_story_is_still_skipped():
    text = ("Image 1 of 4 Deputies at the scene of last year's shooting. Photo: Jane Roe\n\n"
            "A hunter was wounded by gunfire on Sunday near Elm Lake, deputies said.")
    events = [e for e in flashpoint.code(text, date="2024-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [e.sentence_index for e in events] == [2]


def test_the_day_that_modifies_a_past_shooting_is_read_backward():
    # "the March 2 shooting" in a story of January 10: last March, not the coming one
    text = "Two brothers charged in the March 2 shooting outside a gas station were indicted on Monday."
    assert _first_shooting(text, "2024-01-10")[0] == "2023-03-02"


def test_a_court_day_is_not_the_day_of_the_shooting_the_accused_is_charged_in():
    text = ("A woman accused in the shooting death of her neighbor appeared in court on Tuesday. "
            "Deputies said the neighbor was shot on Saturday night after an argument.")
    assert _first_shooting(text, "2024-03-06")[0] == "2024-03-02"


def test_a_shooting_keeps_the_day_its_own_relative_clause_gives():
    text = "A man wanted in the shooting that wounded two teenagers on Friday was arrested."
    assert _first_shooting(text, "2024-03-06")[0] == "2024-03-01"


def test_a_possible_accidental_shooting_is_a_shooting():
    events = [e for e in flashpoint.code("The man hurt in a possible accidental shooting was named on Friday.",
                                         model="rules") if e.event_type == "ASSAULT"]
    assert [e.status for e in events] == ["asserted"]
    events = [e for e in flashpoint.code("Officials warned of a possible shooting at the school.", model="rules")
              if e.event_type == "ASSAULT"]
    assert [e.status for e in events] == ["hypothetical"]


def test_a_holiday_names_the_day_of_the_shooting():
    assert _first_shooting("A teenager was shot on Christmas Eve outside a church.", "2023-12-27")[0] == "2023-12-24"
    assert _first_shooting("Two men were wounded at a bar on Thanksgiving.", "2023-11-27")[0] == "2023-11-23"
    assert _first_shooting("A woman was shot on the Fourth of July near the river.", "2023-07-06")[0] == "2023-07-04"


def test_a_holiday_party_or_the_day_after_is_not_the_holiday():
    from flashpoint.extract.dates import find_times

    assert [t.text for t in find_times("He left a Halloween party before the shooting.", "2023-11-02")] == []
    assert [t.text for t in find_times("the day after Thanksgiving", "2023-11-27")] == []


def _assaults(text: str) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.status) for e in flashpoint.code(text, model="rules") if e.event_type == "ASSAULT"]


@pytest.mark.parametrize("text, trigger", [
    ("Deputies said the shotgun accidentally fired once, hitting a neighbour.", "shotgun accidentally fired"),
    ("The boys were handling a pistol when it fired.", "pistol when it fired"),
    ("Investigators said the revolver was fired inside the garage.", "revolver was fired"),
    ("A bullet struck the 12-year-old in the shoulder as he slept.", "bullet struck"),
    ("Two bullets that pierced the wall hit nobody.", "bullets that pierced"),
    ("The uncle accidentally struck his nephew in the kitchen with a bullet last May.",
     "struck his nephew in the kitchen with a bullet"),
    ("A woman was hit by what police believe was a stray bullet on Friday.",
     "hit by what police believe was a stray bullet"),
    ("Two deputies were wounded in a shootout with the driver.", "wounded"),
    ("The suspect died after a shootout with troopers on the highway.", "shootout"),
    ("She was cleaning a rifle in front of her two cousins when it went off, striking one of them.",
     "went off, striking"),
    ("Witnesses said the teen fired his gun as he ran.", "fired his gun"),
    ("The officer fired his service weapon twice.", "fired his service weapon"),
    ("He fired a .45-caliber pistol at the car.", "fired a .45-caliber pistol"),
    ("The gunman fired five times at the porch.", "fired five times at"),
    ("A stray bullet came through the kitchen window.", "bullet came through"),
    ("One round was fired, wounding the clerk.", "round was fired"),
    ("The van was riddled with bullets.", "riddled with bullets"),
    ("The gunman sprayed the porch with bullets.", "sprayed the porch with bullets"),
    ("Two brothers were slain outside the store.", "slain"),
    ("The slaying of a cab driver shocked the neighborhood.", "slaying"),
])
def test_a_gun_that_fired_a_bullet_that_struck_and_a_shootout_are_shootings(text, trigger):
    assert (trigger, "asserted") in _assaults(text), _assaults(text)


@pytest.mark.parametrize("text", [
    "The Lakers coach was fired from his job on Monday.",
    "Smith, who owned a rifle, was fired from his job at the mill.",
    "The starter's pistol was fired at 9 a.m. and the runners set off.",
    "The bullet train hit a record speed near the coast.",
    "The Bruins beat the Sabres 4-3 in a shootout on Tuesday.",
    "Italy lost the semi-final in a penalty shootout.",
    "His shootout goal sealed the win.",
    "The smoke detector went off, waking the family.",
    "He has been beating himself up over the loss for weeks.",
    "The firm fired the manager over the gun policy.",
    "The deputy was fired the next day for losing his gun.",
    "The first round went into overtime.",
    "The audit was riddled with errors.",
    "A slew of charges were filed.",
])
def test_dismissals_races_trains_and_sport_are_no_shootings(text):
    assert _assaults(text) == []
