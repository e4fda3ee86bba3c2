

def test_named_waters_are_one_place():
    from flashpoint.extract.places import find_places

    (gulf,) = [p for p in find_places("A tanker was seized in the Gulf of Oman.")]
    assert gulf.text == "Gulf of Oman" and gulf.country is None


def test_a_small_us_town_from_the_zip_list_resolves_in_its_state():
    """Woolwine (Virginia) has fewer than 500 people: it comes from the ZIP code list, with population 0."""
    from flashpoint.geo.parse import parse

    (town, state) = [m for m in parse("A barn burned on Sunday in Woolwine, Va., the sheriff said.") if m.place]
    assert (town.place.name, town.place.country, town.place.admin1) == ("Woolwine", "USA", "Virginia")
    assert town.place.population == 0 and town.place.precision == "city"
    assert state.place.name == "Virginia"


def test_a_zip_town_never_outranks_a_known_town_of_its_name():
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.parse import parse

    g = load()
    assert any(g.place(r).admin1 == "West Virginia" and g.place(r).population == 0 for r in g.lookup("Troy") if r >= 0)
    (troy,) = [m for m in parse("The family moved to Troy last spring.") if m.place]
    assert troy.place.population > 0


def test_a_frequent_word_named_like_a_zip_town_is_no_place():
    """Accident (Maryland) and Hall are ZIP towns' names no place had before: frequent words, left out of the build.
    Tower (Minnesota) joins a name places had before, and the common-words guard keeps the word a word."""
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.parse import parse

    g = load()
    assert not g.lookup("Accident") and not g.lookup("Hall")
    assert any(g.place(r).admin1 == "Minnesota" for r in g.lookup("Tower") if r >= 0) and g.common["tower"] >= 4.5
    assert not [m for m in parse("Deputies said the shooting in the barn was an Accident.") if m.place]
    assert not [m for m in parse("He works in Tower Records near Duluth, Minn.") if m.text == "Tower"]
    assert not [m for m in parse("The mayor spoke at City Hall in Woolwine.") if m.text == "Hall"]


def test_a_title_is_no_cue_for_a_small_place():
    from flashpoint.geo.parse import parse

    assert not [m for m in parse("Customers said Mr. Woolwine mishandled their money.") if m.place]
