"""Tests for flashpoint.extract.attribution, with sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.extract.attribution import AttributionStage, find_attribution, sector_of
from flashpoint.records import Actor, Sentence, Story


@pytest.mark.parametrize("text, span, sector", [
    ("Six people died in the fire, officials said.", "officials said", "GOV"),
    ("The army said it had retaken the bridge.", "The army said", "MIL"),
    ("The meeting was postponed, according to two diplomats.", "according to two diplomats", "GOV"),
    ("Police said on Monday that four men had been charged.", "Police said", "COP"),
    ("The convoy was ambushed near the pass, sources said.", "sources said", None),
    ("At least 30 people were detained, a rights group said.", "a rights group said", "SOC"),
    ("State media reported that the dam had been breached.", "State media reported", "JRN"),
    ("Anna Berg told Reuters the talks would resume.", "Anna Berg told Reuters", None),
    ("The ministry said in a statement that flights would resume.", "The ministry said", "GOV"),
    ("Gunfire lasted for hours, witnesses said.", "witnesses said", "CVL"),
    ("The ministry claimed the raid killed 25 fighters.", "The ministry claimed", "GOV"),
    ("The opposition alleged that ballots were destroyed.", "The opposition alleged", "OPP"),
    ('"We are ready to talk," the foreign minister said.', "the foreign minister said", "GOV"),
    ("Shells hit the market overnight, said a police spokesman in the town.", "said a police spokesman", "COP"),
    ("Hospital officials said nine people were being treated.", "Hospital officials said", "MED"),
    ("A spokeswoman for the interior ministry said 12 people were held.",
     "A spokeswoman for the interior ministry said", "GOV"),
])
def test_attribution_frames(text, span, sector):
    att = find_attribution(text)
    assert att is not None
    assert att.text == span
    assert text[att.start:att.end] == att.text
    assert att.sector == sector


@pytest.mark.parametrize("text", [
    "The president met his counterpart in Paris on Tuesday.",
    "The rebels are said to be regrouping near the border.",
    "The United States imposed new sanctions on Friday.",
    "The claims of fraud were rejected by the court.",
    "",
])
def test_no_attribution(text):
    assert find_attribution(text) is None


def test_sentence_final_source_preferred_over_embedded_verb():
    text = "The minister said the border was closed, officials said."
    att = find_attribution(text)
    assert att is not None and att.text == "officials said"


def test_sector_of_prefers_rightmost_head_with_sector():
    assert sector_of("a police spokesman") == "COP"
    assert sector_of("health officials") == "MED"
    assert sector_of("a spokesman") is None


def _story(text: str, actors: list[Actor]) -> Story:
    return Story(id="s", text=text, sentences=[Sentence(text=text, index=0, start=0, actors=actors)])


def test_stage_takes_country_and_sector_from_actor_inside_span():
    text = "Two protesters were killed, Kenyan police said."
    start = text.index("Kenyan police")
    actor = Actor(text="Kenyan police", start=start, end=start + len("Kenyan police"), country="KEN", sector="COP")
    outside = Actor(text="protesters", start=4, end=14, country="KEN", sector="CVL")
    story = AttributionStage()(_story(text, [outside, actor]))
    att = story.sentences[0].attribution
    assert att is not None and att.text == "Kenyan police said"
    assert (att.country, att.sector) == ("KEN", "COP")


def test_stage_without_actors_uses_noun_map():
    story = AttributionStage()(_story("Dozens were hurt, witnesses said.", []))
    att = story.sentences[0].attribution
    assert att is not None and (att.country, att.sector) == (None, "CVL")


def test_stage_actor_with_country_only_keeps_noun_sector():
    text = "The French army said it had withdrawn."
    actor = Actor(text="French", start=4, end=10, country="FRA", sector=None)
    att = AttributionStage()(_story(text, [actor])).sentences[0].attribution
    assert att is not None and (att.country, att.sector) == ("FRA", "MIL")


def test_stage_skips_marked_sentences_and_clears_none():
    s = Sentence(text="Officials said the road was closed.", index=0, start=0, skip="teaser")
    s2 = Sentence(text="The road was closed.", index=1, start=40)
    story = AttributionStage()(Story(id="s", text="", sentences=[s, s2]))
    assert story.sentences[0].attribution is None and story.sentences[1].attribution is None
    assert AttributionStage.name == "attribution"


def test_appositive_source_before_the_verb():
    att = find_attribution("Shops stayed shut, Jane Doe, a police spokeswoman, said.")
    assert att is not None and att.text == "Jane Doe, a police spokeswoman, said" and att.sector == "COP"


def test_inverted_source_without_final_period():
    att = find_attribution("The curfew will stay in place, said military officials.")
    assert att is not None and att.text == "said military officials" and att.sector == "GOV"


def test_according_to_keeps_abbreviations():
    att = find_attribution("Flights resumed, according to a statement from the U.S. Embassy.")
    assert att is not None and att.text == "according to a statement from the U.S. Embassy"


def test_stage_widens_a_span_that_starts_inside_a_name():
    text = "Two people died, the Kenya National Commission on Human Rights said."
    name = "Kenya National Commission on Human Rights"
    actor = Actor(text=name, start=text.index(name), end=text.index(name) + len(name), country="KEN", sector="GOV")
    att = AttributionStage()(_story(text, [actor])).sentences[0].attribution
    assert att is not None and att.text == name + " said" and (att.country, att.sector) == ("KEN", "GOV")
