from flashpoint.extract.places import PlaceStage, event_location, find_places
from flashpoint.records import Sentence, Story


def test_places_after_a_locative_preposition():
    text = "Moscow warned Kyiv after clashes in Donetsk and a blast near Lagos, Nigeria."
    places = find_places(text)
    assert [(p.text, p.country) for p in places] == [("Donetsk", "UKR"), ("Lagos", "NGA")]
    assert all(text[p.start:p.end] == p.text for p in places)


def test_a_country_is_a_place_at_country_precision():
    (place,) = find_places("Fighting resumed in Sudan on Friday.")
    assert (place.country, place.precision) == ("SDN", "country")


def test_event_takes_the_nearest_place_after_its_trigger():
    text = "Officials in Kenya said troops attacked a village in Somalia."
    sentence = PlaceStage()(Story(id="s", text=text, sentences=[Sentence(text, 0, 0)])).sentences[0]
    start = text.index("attacked")
    assert event_location(sentence, start, start + len("attacked")).country == "SOM"


def test_no_place_no_location():
    sentence = Sentence("Rebels attacked the convoy.", 0, 0)
    assert event_location(sentence, 7, 15) is None
