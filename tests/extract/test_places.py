from flashpoint.extract.places import PlaceStage, event_location, find_places
from flashpoint.records import Sentence, Story


def _story(*texts: str) -> Story:
    sentences, start = [], 0
    for i, t in enumerate(texts):
        sentences.append(Sentence(t, i, start))
        start += len(t) + 1
    return Story(id="s", text=" ".join(texts), sentences=sentences)


def test_every_place_name_with_offsets_into_the_sentence():
    text = "Moscow warned Kyiv after clashes in Donetsk and a blast near Lagos, Nigeria."
    places = find_places(text)
    assert [(p.text, p.country) for p in places] == [
        ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Donetsk", "UKR"), ("Lagos", "NGA"), ("Nigeria", "NGA")]
    assert all(text[p.start:p.end] == p.text for p in places)
    lagos = places[3]
    assert lagos.precision == "city" and lagos.geonameid is not None and 6 < lagos.lat < 7


def test_a_country_is_a_place_at_country_precision():
    (place,) = find_places("Fighting resumed in Sudan on Friday.")
    assert (place.country, place.precision) == ("SDN", "country")


def test_demonyms_are_not_sentence_places():
    assert find_places("Russian troops shelled the area.") == []


def test_story_context_resolves_an_ambiguous_name():
    story = PlaceStage()(_story("Storms hit northeast Texas on Sunday.",
                                "Roofs were torn off in Paris and Sulphur Springs."))
    paris = next(p for p in story.sentences[1].places if p.text == "Paris")
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    story = PlaceStage()(_story("Protesters marched in Paris on Saturday."))
    assert story.sentences[0].places[0].country == "FRA"


def test_event_takes_the_place_it_happened_in():
    text = "Officials in Kenya said troops attacked a village in Somalia."
    sentence = PlaceStage()(_story(text)).sentences[0]
    start = text.index("attacked")
    assert event_location(sentence, start, start + len("attacked")).country == "SOM"


def test_an_unknown_village_is_a_location_with_text_only():
    text = "Gunmen raided Ndakawa village overnight, killing four people."
    sentence = PlaceStage()(_story(text)).sentences[0]
    start = text.index("raided")
    loc = event_location(sentence, start, start + len("raided"))
    assert loc is not None and "Ndakawa" in loc.text and loc.lat is None


def test_no_place_no_location():
    sentence = Sentence("Rebels attacked the convoy.", 0, 0)
    assert event_location(sentence, 7, 15) is None


def test_skipped_sentences_get_no_places():
    story = _story("Photo: Reuters/Paris")
    story.sentences[0].skip = "credit"
    assert PlaceStage()(story).sentences[0].places == []


def test_local_actors_take_the_country_of_the_place_they_are_in():
    import flashpoint

    story = "Russia launched new strikes on Monday. Russian forces shelled the city of Kharkiv, killing three " \
            "civilians. Moscow said the strikes hit military targets. Kremlin officials declined to comment."
    events = flashpoint.code(story, date="2024-02-12", model="rules")
    shelling = next(e for e in events if e.trigger.text == "shelled")
    assert ("civilians", "UKR") in [(a.text, a.country) for a in shelling.recipient]
    assert ("the city of Kharkiv", "UKR") in [(a.text, a.country) for a in shelling.recipient]  # the object phrase
    assert [(a.text, a.country) for a in shelling.actor] == [("Russian forces", "RUS")]


def test_a_destination_or_the_sources_place_does_not_localise():
    import flashpoint

    for text in ("Russia said it would send the migrants back to Georgia.",
                 "Russian rebels shelled a village, killing civilians, officials in Georgia said."):
        actors = [a for e in flashpoint.code(text, model="rules") for a in [*e.actor, *e.recipient]]
        assert all(a.country != "GEO" for a in actors if a.text in {"migrants", "civilians"}), text


def _shootings(text: str, day: str = "2017-03-31"):
    import flashpoint

    return [e for e in flashpoint.code(text, date=day, model="rules") if e.event_type == "ASSAULT"]


def test_a_small_town_elsewhere_named_beside_a_larger_city_is_a_part_of_that_city():
    shot = _shootings("A woman was wounded by gunfire late Sunday in Roxbury, Boston police said.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Boston", "Massachusetts")
    assert shot[0].location.text == "Roxbury"


def test_a_large_city_elsewhere_yields_only_to_the_dateline():
    shot = _shootings("MEMPHIS, Tenn. (WREG) — Officers are looking for three men who shot two people outside a "
                      "store in Raleigh on Friday night.")
    assert shot and (shot[0].location.name, shot[0].location.text) == ("Memphis", "Raleigh")


def test_a_town_whose_state_the_story_names_keeps_its_place():
    shot = _shootings("A hunter was shot in the leg near Roxbury, Wisconsin, on Saturday, his Boston relatives said.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Roxbury", "Wisconsin")


def test_the_story_place_is_in_a_state_that_other_names_confirm():
    # "Eliot" twice is a town in Maine by name alone; Cincinnati and Hamilton County say Ohio
    shot = _shootings("A 24-year-old man was fatally shot early Saturday, police said.\n\n"
                      "Friends from Eliot held a vigil for him.\n\n"
                      "He had coached a youth team in Eliot for years.\n\n"
                      "Cincinnati police asked anyone who saw the shooting to call the Hamilton County tip line.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Cincinnati", "Ohio")


def test_a_lone_town_elsewhere_is_a_part_of_the_city_the_story_is_about():
    shot = _shootings("Three people were wounded in a drive-by shooting in Roxbury on Sunday night.\n\n"
                      "Boston police said the gunmen fled in a grey car.\n\n"
                      "Suffolk County prosecutors will ask for a high bail, and Boston officers are still searching.")
    assert shot and (shot[0].location.name, shot[0].location.text) == ("Boston", "Roxbury")


def test_a_dateline_town_the_gazetteer_lacks_keeps_its_name_at_the_states_precision():
    shot = _shootings("PLUMVILLE FORKS, Mo. (AP) — A man was shot and wounded Tuesday, the sheriff said.")
    loc = shot[0].location if shot else None
    assert loc is not None and (loc.text, loc.admin1, loc.precision) == ("PLUMVILLE FORKS", "Missouri", "admin1")


def test_a_county_dateline_is_refined_to_the_storys_town_in_it():
    shot = _shootings("CHESTERFIELD COUNTY, Va. (WTVR) — Deputies say a teenager was shot Sunday at a home near "
                      "Midlothian.\n\nThe boy was shot in the arm and is expected to recover.")
    assert len(shot) >= 2 and all(e.location.name == "Midlothian" for e in shot)


def test_a_road_is_in_the_town_the_clause_names_after_it():
    shot = _shootings("WASHINGTON (WTOP) — A woman was shot late Friday on Quarry Hill Road in Fort Washington, "
                      "Maryland, police said.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Fort Washington", "Maryland")


def test_a_road_named_like_a_town_is_in_the_storys_town():
    shot = _shootings("LITITZ, Pa. (WGAL) — A teenager was shot on Church Street on Saturday night, police said.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Lititz", "Pennsylvania")


def test_the_scene_a_later_sentence_tells_beats_the_stations_dateline():
    shot = _shootings("NASHVILLE, Tenn. (WKRN) — A 15-year-old boy was shot Tuesday afternoon, police said.\n\n"
                      "Officers said it happened at a home on Maple Drive in Gallatin just after 4 p.m.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Gallatin", "Tennessee")
    assert any("scene" in n for n in shot[0].notes)


def test_a_county_in_the_clause_is_refined_to_the_scene_in_it():
    shot = _shootings("A man was shot and wounded Sunday night in Sumner County, deputies said.\n\n"
                      "Deputies were called to a house in Gallatin after a neighbour heard gunfire.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Gallatin", "Tennessee")


def test_where_a_victim_was_taken_or_lives_is_no_scene():
    shot = _shootings("NASHVILLE, Tenn. (WKRN) — A 15-year-old boy was shot Tuesday afternoon, police said.\n\n"
                      "He was taken to a hospital in Gallatin.\n\n"
                      "Relatives held a vigil at his home in Hendersonville.")
    assert shot and shot[0].location.name == "Nashville"


def test_cross_streets_are_no_scene():
    shot = _shootings("LOUISVILLE, Ky. (WHAS) — Two men were wounded Friday night.\n\n"
                      "Officers responded to a call near Lexington and Shelby streets.")
    assert shot and shot[0].location.name == "Louisville"


def test_a_towns_police_force_at_the_scene_places_the_incident():
    shot = _shootings("NASHVILLE, Tenn. (WKRN) — A 16-year-old was shot Wednesday afternoon during a robbery.\n\n"
                      "Gallatin police responded to a call on Maple Drive at 3:25 p.m.")
    assert shot and (shot[0].location.name, shot[0].location.admin1) == ("Gallatin", "Tennessee")


def test_a_town_naming_the_event_noun_is_its_place():
    text = "A man who was at a Gallatin shooting on Sunday was arrested after a chase, Nashville police said."
    sentence = PlaceStage()(_story(text)).sentences[0]
    start = text.index("shooting")
    assert event_location(sentence, start, start + len("shooting")).name == "Gallatin"
    text = "A Gallatin man shot his neighbour in Nashville on Sunday."
    sentence = PlaceStage()(_story(text)).sentences[0]
    start = text.index("shot")
    loc = event_location(sentence, start, start + len("shot"))
    assert loc is None or loc.name != "Gallatin"


def test_where_someone_lives_or_was_treated_is_not_where_he_was_shot():
    for text, word in (("A Gallatin man was shot on Sunday and died at a Nashville hospital.", "shot"),
                       ("Sam Ortiz, 20, of Gallatin, was shot on Sunday, police said.", "shot"),
                       ("The boy was shot in the leg and taken to a hospital in Gallatin.", "shot")):
        sentence = PlaceStage()(_story(text)).sentences[0]
        start = text.index(word)
        loc = event_location(sentence, start, start + len(word))
        assert loc is None or loc.name not in ("Gallatin", "Nashville"), text


def test_a_residence_beside_the_town_does_not_make_it_a_part_of_that_city():
    shot = _shootings("A Louisville man is facing charges after a shooting occurred on Christmas morning in Ozark.\n\n"
                      "Ozark police said the victim was hurt in the arm.\n\n"
                      "He was held without bond.")
    assert shot and shot[0].location.name == "Ozark"  # which Ozark is the gazetteer's matter



def test_a_town_in_a_streets_name_is_a_street():
    from flashpoint.extract.places import _in_street
    from flashpoint.records import Location

    def at(text: str, name: str) -> Location:
        return Location(text=name, start=text.index(name), end=text.index(name) + len(name))

    for text in ("Officers found him in the 4400 block of West Quincy.", "Officers went to 2630 Quincy Rd. at noon."):
        assert _in_street(text, at(text, "Quincy")), text
    for text in ("Officers found him in Quincy on Friday.", "Quincy police said. Road crews were out."):
        assert not _in_street(text, at(text, "Quincy")), text


def test_a_story_that_names_no_town_places_its_events_in_its_county():
    shot = _shootings("A man was shot and wounded Sunday night, deputies said.\n\n"
                      "He was found near a gas station in Harris County.\n\n"
                      "The sheriff asked anyone with information to call.")
    assert shot and (shot[0].location.name, shot[0].location.precision) == ("Harris County", "admin2")
