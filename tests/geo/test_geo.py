from flashpoint.geo import geoparse, locate
from flashpoint.geo.gazetteer import distance_km, fold, load
from flashpoint.geo.locate import SentencePlaces, features, locate_event, scored
from flashpoint.geo.parse import parse, recognise, resolve
from flashpoint.records import Story


def _resolved(text: str) -> dict[str, tuple]:
    return {m.text: (m.place.name, m.place.country, m.place.admin1) for m in parse(text) if m.place}


def test_fold_meets_spellings():
    assert fold("São Paulo") == fold("Sao Paulo") == "sao paulo"
    assert fold("N’Djamena") == fold("N'Djamena") == "ndjamena"
    assert fold("U.S.") == "us"


def test_gazetteer_lookup_and_distance():
    g = load()
    kinds = {g.place(r).feature for r in g.lookup("Georgia") if r >= 0}
    assert {"PCLI", "ADM1"} <= kinds
    assert 340 < distance_km(48.8566, 2.3522, 51.5074, -0.1278) < 350


def test_admin_hierarchy_picks_the_namesake():
    r = _resolved("The plant in Alexandria, Louisiana closed, and a school in Paris, Texas reopened.")
    assert r["Alexandria"][1:] == ("USA", "Louisiana")
    assert r["Paris"][1:] == ("USA", "Texas")


def test_population_prior_without_context():
    r = _resolved("Talks resumed in Alexandria and Paris.")
    assert r["Alexandria"][1] == "EGY" and r["Paris"][1] == "FRA"


def test_postal_code_and_ap_abbreviation_are_hierarchy():
    r = _resolved("He moved from Richmond, VA to Portland, Ore., last year.")
    assert r["Richmond"][2] == "Virginia" and r["Portland"][2] == "Oregon"
    assert "Ore." in r and r["VA"][0] == "Virginia"


def test_demonym_is_a_place_mention_for_geoparse():
    rows = geoparse(Story(id="a", text="Russian jets struck the town."))
    assert [(r["text"], r["country"], r["feature"]) for r in rows] == [("Russian", "RUS", "PCLI")]


def test_names_that_are_not_places():
    text = "Police said Michael Jordan met Mobile executives in May. March organisers disagreed."
    assert [m.text for m in parse(text)] == []


def test_city_beats_its_namesake_division():
    r = _resolved("Protesters gathered in Moscow and Washington.")
    assert r["Moscow"][0] == "Moscow" and r["Washington"][2] == "District of Columbia"


def test_geoparse_rows_and_offsets():
    text = "Floods hit Nairobi, Kenya and the coast of Mombasa."
    rows = geoparse(Story(id="k", text=text))
    assert [r["text"] for r in rows] == ["Nairobi", "Kenya", "Mombasa"]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert set(r) == {"story_id", "text", "start", "end", "name", "country", "admin1", "lat", "lon",
                          "geonameid", "feature"}
    assert rows[0]["country"] == "KEN" and rows[0]["geonameid"] is not None


def test_geoparse_resolves_only_given_toponyms():
    text = "Officials in Springfield, Illinois and Lagos spoke."
    start = text.index("Springfield")
    rows = geoparse(Story(id="t", text=text), [(start, start + len("Springfield")), (text.index("Illinois"),
                                                                                    text.index(" and"))])
    assert [r["text"] for r in rows] == ["Springfield", "Illinois"]
    assert rows[0]["admin1"] == "Illinois"
    story = Story(id="t", text=text, extra={"toponyms": [[text.index("Lagos"), text.index(" spoke")]]})
    (row,) = geoparse(story)
    assert row["country"] == "NGA"
    (row,) = geoparse(Story(id="u", text="in Xqzvbland", extra={"toponyms": [[3, 12]]}))
    assert row["name"] is None and row["lat"] is None


def test_locate_prefers_the_place_of_the_event():
    text = "A spokesman in Kabul said a bomb exploded at a market in Kandahar on Monday."
    t = text.index("exploded")
    loc = locate(text, (t, t + len("exploded")))
    assert loc["text"] == "Kandahar" and loc["country"] == "AFG"
    assert text[loc["start"]:loc["end"]] == "Kandahar"


def test_locate_reads_the_name_after_a_container():
    text = "Militants shelled the town of Tal Rifaat in northern Aleppo province."
    t = text.index("shelled")
    assert locate(text, (t, t + len("shelled")))["text"] == "Tal Rifaat"
    # a fronted scene-setting phrase scores lower than one after the trigger, but its best candidate is the name
    # after the container, not the container
    text = "In the West Bank city of Hebron, soldiers arrested three men."
    t = text.index("arrested")
    best = max(scored(text, t, t + len("arrested")), key=lambda x: x[0])
    assert best[1].text == "Hebron"


def test_locate_says_none_when_the_text_does_not():
    text = "The minister from Ghana said the talks had failed."
    t = text.index("failed")
    assert locate(text, (t, t + len("failed"))) is None
    text = "Russian forces captured the convoy."
    t = text.index("captured")
    assert locate(text, (t, t + len("captured"))) is None


def test_country_and_division_points_are_geonames_own():
    g = load()
    us = g.place(g.country_row["USA"])
    assert distance_km(us.lat, us.lon, 39.76, -98.5) < 5  # GeoNames' point, not another source's centre
    wales = [g.place(r) for r in g.lookup("Wales") if r >= 0]
    assert wales and wales[0].feature == "ADM1" and wales[0].country == "GBR"


def test_given_demonym_span_is_the_country_not_a_namesake_town():
    text = "The Canadian team landed on Tuesday."
    rows = geoparse(Story(id="s", text=text), [(4, 12)])
    assert rows[0]["country"] == "CAN" and rows[0]["feature"] == "PCLI"


def test_locate_reads_a_passive_subject_and_an_object():
    text = "Kisangani was captured by the rebels on Sunday."
    t = text.index("captured")
    assert [c.text for _, c, _ in scored(text, t, t + len("captured"))] == ["Kisangani"]  # a candidate, scored
    text = "Government troops recaptured Palmyra after weeks of fighting."
    t = text.index("recaptured")
    assert locate(text, (t, t + len("recaptured")))["text"] == "Palmyra"


def test_scores_are_probabilities_over_named_cues():
    text = "A car bomb exploded near a market in Baghdad, police in Basra said."
    t = text.index("exploded")
    ranked = scored(text, t, t + len("exploded"))
    assert {c.text for _, c, _ in ranked} >= {"Baghdad", "Basra"}
    assert all(0.0 < p < 1.0 for p, _, _ in ranked)
    by = {c.text: p for p, c, _ in ranked}
    assert by["Baghdad"] > by["Basra"]  # the reporting clause's place is not the event's
    _, c, fs = ranked[0]
    assert any(f.startswith("prep=") for f in fs) and any(f.startswith("dir=") for f in fs)
    assert features.__doc__


def test_a_sentences_places_travel_with_it_and_no_cache_outlives_the_call():
    text = "Fighting broke out in Springfield on Monday."
    g = load()
    ms = resolve(recognise(text, g), g)
    toronto = next(g.place(r) for r in g.lookup("Toronto") if r >= 0 and g.place(r).country == "CAN")
    ms[0].place = g.place(toronto.row)  # as if story context had said so
    t = text.index("Fighting")
    assert locate_event(text, t, t + len("Fighting"), SentencePlaces(text, ms)).country == "CAN"
    # a standalone call resolves the text alone: another story's resolution never leaks into it
    assert locate(text, (t, t + len("Fighting")))["country"] == "USA"


def test_news_usage_new_york_is_the_city_unless_the_state_is_named():
    r = _resolved("She flew to New York on Monday.")
    assert r["New York"] == ("New York City", "USA", "New York")
    r = _resolved("Voters in New York state went to the polls.")
    assert r["New York"][0] == "New York" and load().place(load().admin1_row[("USA", "new york")]).name == "New York"


def test_landmarks_resolve_to_their_point_not_a_namesake_town():
    places = {m.text: m.place for m in parse("Aides gathered at the White House while the Kremlin said nothing.")}
    white_house, kremlin = places["White House"], places["Kremlin"]
    assert white_house.country == "USA" and distance_km(white_house.lat, white_house.lon, 38.9, -77.04) < 5
    assert white_house.precision == "landmark"
    assert kremlin.country == "RUS" and distance_km(kremlin.lat, kremlin.lon, 55.75, 37.62) < 5


def test_news_names_file_is_well_formed():
    from importlib import resources

    rows = [ln.split("\t") for ln in resources.files("flashpoint.geo").joinpath("news_names.tsv").read_text(
        "utf-8").splitlines() if ln and not ln.startswith("#")]
    assert rows[0][:3] == ["kind", "name", "entry"]
    g = load()
    for kind, name, entry, cc, lat, lon, _unless, why in rows[1:]:
        assert kind in ("prefer", "landmark") and why, name
        if kind == "prefer":  # the preferred entry exists under that name
            assert any(g.place(-r - 1 if r < 0 else r).name == entry for r in g.lookup(name)), name
        else:
            assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180 and len(cc) == 3, name


def test_a_frequent_word_is_a_place_where_a_state_that_holds_it_follows():
    r = _resolved("Hope, Ark., police said a man was hurt at a store.")
    assert r["Hope"][1:] == ("USA", "Arkansas")
    # no town of that name in the state after it: a word, not a place
    assert "Well" not in _resolved("Well, Texas officials said nothing more.")


def test_an_old_name_of_a_capital_yields_to_a_town_that_bears_it():
    assert _resolved("A man was shot in Philadelphia on Tuesday.")["Philadelphia"][1:] == ("USA", "Pennsylvania")
    assert _resolved("Troops marched into Peking.")["Peking"][1] == "CHN"  # no town bears it: the capital


def test_a_citys_metropolitan_police_name_the_city():
    r = _resolved("The Las Vegas Metropolitan Police Department said a man was shot.")
    assert r["Las Vegas"][1:] == ("USA", "Nevada")


def test_west_virginia_is_not_virginia_and_abbreviated_first_words_are_names():
    r = _resolved("He was shot in Charleston, W.Va., on Friday, and his brother in Wheeling, W. Va.")
    assert r["Charleston"][1:] == ("USA", "West Virginia") and r["Wheeling"][1:] == ("USA", "West Virginia")
    assert "Va." not in r
    r = _resolved("A man was shot in Bay St. Louis on Friday, and another in Ft. Myers.")
    assert r["Bay St. Louis"][1:] == ("USA", "Mississippi") and r["Ft. Myers"][1:] == ("USA", "Florida")


def test_a_city_before_its_possessive_is_named_and_owns_the_next_name():
    r = _resolved("A man was shot in Miami’s Overtown neighborhood, and five people in Chicago's Park Manor.")
    assert r["Miami"][1:] == ("USA", "Florida") and r["Chicago"][1:] == ("USA", "Illinois")
    assert "Overtown" not in r
    assert _resolved("He lives in Prince George's County.")["Prince George's County"][2] == "Maryland"


def test_a_saints_hospital_is_no_town():
    assert _resolved("He drove himself to St. Bernard hospital.") == {}
    assert _resolved("He was shot in St. Louis on Friday.")["St. Louis"][2] == "Missouri"


def test_a_street_named_like_a_village_abroad_is_a_street():
    r = _resolved("A baby was hit by a bullet at Second Street and Bissell Avenue, and a man on Church Street.")
    assert "Second Street" not in r and "Church Street" not in r
    assert "Downing Street" in _resolved("Protesters gathered on Downing Street.")  # a landmark stays one


def test_a_business_named_after_a_country_is_no_place():
    assert _resolved("Three people were killed at the Bermuda Sands motel on Ocean Boulevard.") == {}
    assert _resolved("It happened at Macedonia Garden Apartments on Friday.") == {}
    assert _resolved("He flew to Bermuda on Friday.")["Bermuda"][1] == "BMU"
