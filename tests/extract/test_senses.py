"""Word sense by context: capitalised names inside sentences, and "march" the month."""

import pytest

from flashpoint.extract.senses import SenseStage, wrong_sense
from flashpoint.pipeline import Pipeline
from flashpoint.text.readers import story_from_text


def _why(text: str, word: str) -> str | None:
    i = text.index(word)
    return wrong_sense(text, i, i + len(word))


@pytest.mark.parametrize("text, word", [
    ('Nick "Nick Nick" Shell, 38, and David Watson are the inmates.', "Shell"),
    ("He stopped at the Shell station on Route 9 before the robbery.", "Shell"),
    ("The theory, known as \"The Storm,\" is believed to have started.", "Storm"),
    ("TIJUANA & SAN DIEGO, MARCH 29, 2018 -- The government announced a plan.", "MARCH"),
    ("the rally was held in march by students", "march"),
    ("Shell and Ortiz have been charged with escape.", "Shell"),
    ("Storm, 27, was booked into the county jail.", "Storm"),
    ("The guard shot 5-for-12 from three-point range in the loss.", "shot"),
    ("She shot 7 of 10 from the field and added six rebounds.", "shot"),
])
def test_other_sense(text, word):
    assert _why(text, word)


@pytest.mark.parametrize("text, word", [
    ("Shell the town, the general ordered.", "Shell"),
    ("Turkey Shells Syrian City As It Pushes Into Kurdish Enclave", "Shells"),
    ("rebels shelled the town on monday", "shelled"),
    ("protesters began their march on monday", "march"),
    ("Shell the bridge and the road, the colonel ordered.", "Shell"),
    ("SHELL AND ROCKETS HIT THE CITY", "SHELL"),
    ("The gunman shot 3 people in the parking lot.", "shot"),
    ("A man was shot 4 times in the chest.", "shot"),
])
def test_event_sense(text, word):
    assert _why(text, word) is None


def test_the_stage_drops_and_explains():
    story = Pipeline(model="rules").get("senses")
    assert isinstance(story, SenseStage)
    events = Pipeline(model="rules").events(story_from_text(
        "Police said a man robbed the Shell station on Elm Street on Monday.", date="2020-01-07"))
    assert not any(e.trigger.text == "Shell" for e in events)


def test_support_capitalised_inside_a_sentence_is_a_name():
    from flashpoint.extract.senses import wrong_sense

    text = "Call the Tragedy Support Line if you need help."
    start = text.index("Support")
    assert wrong_sense(text, start, start + len("Support")) is not None
    text = "The rebels said they would support the ceasefire."
    start = text.index("support")
    assert wrong_sense(text, start, start + len("support")) is None
