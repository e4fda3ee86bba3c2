"""flashpoint.geo.story: a story's places read as a whole (stories written for these tests)."""

from __future__ import annotations

import flashpoint
from flashpoint.geo import geoparse
from flashpoint.geo.gazetteer import load
from flashpoint.geo.story import find_dateline, read_story, street_like
from flashpoint.records import Story
from flashpoint.text.readers import story_from_text
from flashpoint.text.sentences import SentenceStage


def _read(text: str):
    story = SentenceStage()(story_from_text(text, date="2017-03-31"))
    return story, read_story([s.text for s in story.sentences])


def _places(geo) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.place.admin1 if m.place else None, m.place.country if m.place else None)
            for sp in geo.sentences if sp for m in sp.mentions]


def test_a_dateline_is_the_storys_place_and_its_state_a_vote():
    _, geo = _read("HAMPTON, Va. (WAVY) — A woman died Thursday after a gun went off inside a car.\n\n"
                   "Hampton police say the woman was getting into a car.")
    assert geo.dateline is not None and geo.dateline.place.name == "Hampton"
    assert geo.dateline.place.admin1 == "Virginia" and geo.home() == ("USA", "virginia")
    assert ("Hampton", "Virginia", "USA") in _places(geo)  # "Hampton police": the place, by the dateline's sense


def test_datelines_of_wires_and_of_local_stations():
    texts = ["BEIRUT, March 3 (Reuters) - Air strikes hit the city.", "TULSA -- Police are investigating.",
             "Felton, MN (WDAY TV) - A girl was hurt.", "INDIANAPOLIS (WTHR) - Prosecutors filed charges."]
    for text in texts:
        found = find_dateline([text])
        assert found is not None, text
    assert find_dateline(["UPDATE: Police have made an arrest."]) is None
    assert find_dateline(["Police said the man was hurt."]) is None
    _, geo = _read("BEIRUT, March 3 (Reuters) - Air strikes hit the city.")
    assert geo.dateline.region is None and geo.dateline.place.country == "LBN"


def test_a_city_whose_first_word_opens_pages_and_a_dateline_in_brackets():
    # "NEW" opens pages ("NEW VIDEO", "NEW:"), and New York, New Delhi, New Orleans
    for text in ["NEW YORK (AP) — Police shot a man.", "(NEW YORK) — Officers shot a man on Wednesday.",
                 "NEW DELHI, March 3 (Reuters) - Police fired tear gas.", "NEW ORLEANS, La. — A man was shot."]:
        found = find_dateline([text])
        assert found is not None and found[1].group("city").startswith("NEW"), text
    for text in ["NEW VIDEO — Police said the man was hurt.", "NEW: Police have made an arrest.",
                 "BREAKING NEWS — Police said.", "(CNN) — Police said the man was hurt."]:
        assert find_dateline([text]) is None, text
    records = flashpoint.code("(NEW YORK) — Officers fatally shot a man on Wednesday.\n\nThe shooting recalled "
                              "the killing of a man in Sacramento, California, last month.", date="2018-04-05",
                              model="rules")
    assert records[0].location is not None and records[0].location.admin1 == "New York"


def test_an_ambiguous_name_is_resolved_by_the_storys_state():
    _, geo = _read("LANCASTER, Pa. (AP) — A man was shot Friday.\n\nPolice in Lancaster said the man was hurt.")
    assert all(admin1 == "Pennsylvania" for text, admin1, _ in _places(geo) if text.lower() == "lancaster")


def test_a_persons_surname_is_no_place_anywhere_in_the_story():
    _, geo = _read("Spokeswoman Brenda Bassett says two people were found dead west of Lolo.\n\n"
                   "Bassett says the suspect surrendered.")
    assert not any(text == "Bassett" for text, _, _ in _places(geo))
    assert geo.resolve_name("Bassett") is None


def test_the_signs_of_american_local_news_vote_for_the_united_states():
    _, geo = _read("A Toledo boy was shot in the 1500 block of East Broadway, the sheriff's office said.\n\n"
                   "A grand jury indicted the man on a felony charge.")
    assert geo.country() == "USA"
    assert ("Toledo", "Ohio", "USA") in _places(geo)


def test_the_division_holding_most_of_the_storys_names():
    _, geo = _read("A man is dead after an accidental shooting. Mercer County deputies said Jalen Doe, 21, of "
                   "Princeton was declared dead at Charleston Area Medical Center.")
    assert {admin1 for _, admin1, _ in _places(geo)} == {"West Virginia"}


def test_streets_and_sites_are_inside_a_town():
    assert street_like("the 3400 block of West Elm Street") and street_like("Chippenham Hospital")
    assert street_like("Orchard Road") and not street_like("Tulsa")


def test_events_without_a_place_take_the_storys_and_streets_its_city():
    events = flashpoint.code("TULSA -- A man was shot Thursday in the 1000 block of North Delaware Place.\n\n"
                             "Police said the shooting was accidental.", date="2017-03-31", model="rules")
    shootings = [e for e in events if e.event_type == "ASSAULT"]
    assert shootings and all(e.location is not None and e.location.name == "Tulsa"
                             and e.location.admin1 == "Oklahoma" for e in shootings)
    assert any("from the dateline" in n for e in shootings for n in e.notes)


def test_a_state_that_holds_the_storys_city_is_refined_to_it():
    events = flashpoint.code("AMELIA, Ohio (AP) — Officials say a man has been fatally shot in an apparent accident "
                             "at a gun shop in Ohio.", date="2017-03-31", model="rules")
    shot = [e for e in events if e.event_type == "ASSAULT"]
    assert shot and shot[0].location.name == "Amelia" and shot[0].location.precision == "city"


def test_a_neighbourhood_named_like_a_town_elsewhere_is_the_storys_city():
    events = flashpoint.code("CINCINNATI (WLWT) — A 5-year-old boy was fatally shot in Madisonville on Saturday, "
                             "Cincinnati police said. It happened in the 6200 block of Chandler Street.",
                             date="2016-07-04", model="rules")
    shot = [e for e in events if e.event_type == "ASSAULT"]
    assert shot and shot[0].location.name == "Cincinnati" and shot[0].location.text == "Madisonville"


def test_places_uses_the_dateline_for_given_spans():
    text = "SPRINGFIELD, Ill. (AP) — A man was shot.\n\nPolice in Springfield said he was hurt."
    start = text.index("Springfield said")
    rows = geoparse(Story(id="s", text=text), [(start, start + len("Springfield"))])
    assert rows[0]["admin1"] == "Illinois"


def test_aliases_name_their_places():
    g = load()
    for alias, name in (("Bronx", "The Bronx"), ("Miami-Dade", "Miami-Dade County"), ("Indy", "Indianapolis")):
        assert any(r >= 0 and g.place(r).name == name for r in g.lookup(alias)), alias


def test_a_wire_story_from_a_capital_keeps_its_events_places_elsewhere():
    events = flashpoint.code("LAGOS, Jan 5 - Nigerian soldiers killed 11 suspected insurgents in an ambush near "
                             "Maiduguri on Wednesday, the army said.", date="2024-01-05", model="rules")
    killed = [e for e in events if e.event_type == "ASSAULT"]
    assert killed and killed[0].location.name == "Maiduguri"


def test_a_names_repeats_do_not_vote_for_its_own_foreign_sense():
    # four "Belgrade"s and a Montana county: the repeats are one name, and the county and the sheriff say Montana
    _, geo = _read("Belgrade Police and EMS were called to a home in Belgrade on Thursday.\n\n"
                   "Coroners for the Gallatin County Sheriff's Office and the Belgrade Police Department are "
                   "investigating.\n\nBelgrade Chief of Police said the family asked for privacy in Belgrade.")
    assert {c for name, _, c in _places(geo) if name == "Belgrade"} == {"USA"}


def test_a_broadcasters_call_sign_tells_the_state_of_the_storys_names():
    from flashpoint.geo.story import call_sign_states

    assert call_sign_states(["Police told WVTM 13 News the boy was hurt."]) == ["AL"]
    assert call_sign_states(["KNOXVILLE (WATE) – A man was shot."]) == ["TN"]
    assert call_sign_states(["Copyright 2017 WGCL-TV (Meredith Corporation). All rights reserved."]) == ["GA"]
    assert call_sign_states(["A HEAT WAVE HITS THE CITY"]) == []  # a word in a line of capitals
    _, geo = _read("The Duluth Police Department is looking for a man who shot a teen.\n\n"
                   "The teen was taken to a hospital.\n\nCopyright 2017 WGCL-TV. All rights reserved.")
    assert ("Duluth", "Georgia", "USA") in _places(geo)
    _, geo = _read("The Duluth Police Department is looking for a man who shot a teen.")
    assert ("Duluth", "Minnesota", "USA") in _places(geo)  # with no sign, the larger Duluth


def test_a_capitals_dateline_is_read_with_the_states_the_story_names():
    _, geo = _read("AURORA — A boy was shot Friday night at an apartment complex.\n\n"
                   "Police said it was the third shooting in the city this year, the most in Colorado.")
    assert geo.dateline.place.admin1 == "Colorado" and geo.dateline.place.country == "USA"
    # the story's other towns, or surnames that pass for them, do not pull a large city away
    _, geo = _read("BALTIMORE - Four people were shot in a home, police said.\n\n"
                   "Police said Anna Monroe and Paul Carey were killed.")
    assert geo.dateline.place.admin1 == "Maryland"


def test_call_sign_file_names_states_once_each():
    from flashpoint import tsv

    rows = tsv.rows("flashpoint.geo", "call_signs.tsv", header=True)
    postal = {r[1] for r in tsv.rows("flashpoint.geo", "us_states.tsv", header=True)}
    assert len(rows) > 300 and all(len(r) == 3 and all(r) for r in rows)
    assert len({r[0] for r in rows}) == len(rows), "a call sign listed twice"
    assert all(r[0][0] in "KW" and r[0].isupper() and 3 <= len(r[0]) <= 4 for r in rows)
    assert {r[1] for r in rows} <= postal


def test_american_usage_reads_a_name_in_its_american_sense():
    text = "A teenager was killed in a shooting in Chelsea on Friday.\n\nThe shooting happened around 5:30 p.m."
    _, geo = _read(text)
    assert ("Chelsea", "Massachusetts", "USA") in _places(geo)
    _, geo = _read("A teenager was killed in a shooting in Chelsea on Friday.")
    assert ("Chelsea", "England", "GBR") in _places(geo)  # with no sign, the larger Chelsea


def test_a_persons_possessive_is_no_place_even_after_at():
    _, geo = _read("Sidney Davis, 44, was charged on Friday.\n\nThe boy was shot at Davis’ home.")
    assert not any(t == "Davis" for t, _, _ in _places(geo))


def test_a_large_city_keeps_its_name_against_a_small_namesake_the_context_favours():
    _, geo = _read("SAN DIEGO — A police officer was shot and killed during a traffic stop.\n\n"
                   "The shooting came days after officers were killed in Dallas and in Baton Rouge, Louisiana, "
                   "and Texas lawmakers called for calm.")
    assert ("SAN DIEGO", "California", "USA") in _places(geo)
    # the hierarchy still names the small one
    _, geo = _read("A man was shot in San Diego, Texas, on Friday.")
    assert ("San Diego", "Texas", "USA") in _places(geo)


def test_a_first_name_before_a_surname_is_no_place_elsewhere_in_the_story():
    _, geo = _read("Marcus Lewis, 13, was shot in the face by a friend in Lithonia.\n\nMarcus was taken to a hospital.")
    assert geo.surnames >= {"marcus"}
    assert not any(t == "Marcus" for t, _, _ in _places(geo))


def test_a_name_before_a_possessive_and_kin_is_a_persons():
    _, geo = _read("Police said the baby was shot in Chicago.\n\nPrinceton’s mom was shot and killed.")
    assert not any(t.startswith("Princeton") for t, _, _ in _places(geo))
    _, geo = _read("Chicago's mayor said the shooting was a tragedy.\n\nHe spoke in Chicago on Friday.")
    assert ("Chicago", "Illinois", "USA") in _places(geo)
