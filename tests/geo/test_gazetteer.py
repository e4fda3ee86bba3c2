

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


def test_a_zip_town_named_like_a_known_place_is_left_out():
    """Erie (Michigan) is a ZIP town named like larger places: a story naming Michigan would take it for the shooting
    in Erie, Pennsylvania, so the build adds only ZIP towns whose name no place had."""
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.parse import parse

    g = load()
    assert not any(g.place(r).admin1 == "Michigan" for r in g.lookup("Erie") if r >= 0)
    erie = [m for m in parse("A Michigan man was shot in Erie on Sunday.") if m.text == "Erie"]
    assert erie and erie[0].place.admin1 == "Pennsylvania"


def test_a_frequent_word_named_like_a_zip_town_is_no_place():
    """Accident (Maryland) and Hall are ZIP towns' names no place had before: frequent words, left out of the build;
    the common-words guard keeps a frequent word that is a place's name a word."""
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.parse import parse

    g = load()
    assert not g.lookup("Accident") and not g.lookup("Hall")
    assert g.common["tower"] >= 4.5
    assert not [m for m in parse("Deputies said the shooting in the barn was an Accident.") if m.place]
    assert not [m for m in parse("He works in Tower Records near Duluth, Minn.") if m.text == "Tower"]
    assert not [m for m in parse("The mayor spoke at City Hall in Woolwine.") if m.text == "Hall"]


def test_a_title_is_no_cue_for_a_small_place():
    from flashpoint.geo.parse import parse

    assert not [m for m in parse("Customers said Mr. Woolwine mishandled their money.") if m.place]
