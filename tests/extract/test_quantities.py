"""Tests for flashpoint.extract.quantities: each pattern family with sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.extract.quantities import (
    QuantityStage,
    combine_tallies,
    default_vague,
    find_counts,
    find_quantities,
    story_tally,
    story_totals,
    words_to_int,
)
from flashpoint.records import Sentence, Story


def figures(text: str) -> list[tuple[str, int]]:
    return [(q.kind, q.value) for q in find_quantities(text)]


def test_offsets_slice_back_to_text():
    text = "On Friday, gunmen killed 7 villagers and wounded 11 others near the market, officials said."
    qs = find_quantities(text)
    assert qs, "expected figures"
    for q in qs:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, expected", [
    # active verb + object
    ("Gunmen killed 9 people at a checkpoint on Sunday.", [("dead", 9)]),
    ("Rebels ambushed the patrol, killing a police officer.", [("dead", 1)]),
    ("The blast wounded fourteen passengers.", [("injured", 14)]),
    ("Troops detained 1,450 people in the sweep.", [("arrested", 1450)]),
    # passive subject + predicate
    ("Nine people were killed in the raid.", [("dead", 9)]),
    ("Thirty-one miners were injured when the tunnel collapsed.", [("injured", 31)]),
    ("Three hundred students were arrested after the sit-in.", [("arrested", 300)]),
    ("Forty demonstrators were rounded up by riot police.", [("arrested", 40)]),
    ("Two organisers were taken into custody.", [("arrested", 2)]),
    ("Eight patients were hospitalized after the attack.", [("injured", 8)]),
    # predicate adjectives and headlines
    ("At least 17 dead after the market bombing.", [("dead", 17)]),
    ("The explosion tore through the depot, leaving five dead.", [("dead", 5)]),
    ("Four dead, 9 hurt in bus station attack", [("dead", 4), ("injured", 9)]),
    # death toll
    ("The death toll from the floods rose to 62 on Thursday.", [("dead", 62)]),
    # coordinated lists are summed
    ("Three soldiers and a civilian were killed in the ambush.", [("dead", 4)]),
    ("A woman and her two sons were wounded by shrapnel.", [("injured", 3)]),
    ("Shells hit the town, wounding 11, regional governor Ivan Petrenko said.", [("injured", 11)]),  # the speaker
    # singular subjects without a number
    ("A man was killed when the roof caved in.", [("dead", 1)]),
    ("A woman was injured by a stray bullet.", [("injured", 1)]),
    ("A farmer was shot dead near the border.", [("dead", 1)]),
    ("He was pronounced dead at the scene.", [("dead", 1)]),
    ("Maria Lopez, 34, was wounded in the arm.", [("injured", 1)]),
])
def test_pattern_families(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("More than 100 people were hurt in the stampede.", 100),
    ("Nearly 50 people were killed, residents said.", 50),
    ("Some 3,200 people were detained.", 3200),
    ("Twenty-three people were injured.", 23),
    ("Between 10 and 15 people were wounded.", 10),  # ranges: the lower bound
    ("10 to 15 people were wounded.", 10),
    ("Two dozen people were arrested.", 24),
])
def test_number_forms(text, expected):
    assert [v for _, v in figures(text)] == [expected]


def test_vague_words_stay_vague():
    vague = default_vague()
    assert vague["dozens"] is None and vague["hundreds"] is None and vague["several"] is None
    assert vague["a dozen"] == 12 and vague["a couple"] == 2 and vague["many"] is None
    assert figures("Police wounded dozens of protesters.") == []
    assert figures("Hundreds of people were arrested overnight.") == []
    assert figures("A dozen people were killed in the crush.") == [("dead", 12)]


def test_acled_reading_is_available():
    from flashpoint.extract.quantities import acled_vague

    vague = acled_vague()
    assert vague["dozens"] == 12 and vague["hundreds"] == 100 and vague["thousands"] == 1000
    assert vague["several"] == 3 and vague["scores"] == 20 and vague["many"] is None
    assert find_quantities("Police wounded dozens of protesters.", vague=vague)[0].value == 12
    assert find_quantities("Several people were killed in the crush.", vague=vague)[0].value == 3


def test_vague_words_are_configurable():
    assert find_quantities("Police wounded dozens of protesters.", vague={"dozens": 24})[0].value == 24
    # a word mapped to None is recognised but never coded
    assert find_quantities("Police wounded dozens of protesters.", vague={"dozens": None}) == []


def test_words_to_int():
    assert words_to_int("twenty-three") == 23
    assert words_to_int("three hundred") == 300
    assert words_to_int("one thousand two hundred and five") == 1205
    assert words_to_int("a hundred") == 100
    assert words_to_int("banana") is None


def test_shot_counts_as_injured_unless_dead():
    assert figures("A man was shot in the leg outside a bar.") == [("injured", 1)]
    assert figures("A man was shot and killed outside a bar.") == [("dead", 1)]
    assert figures("A cyclist was fatally shot on Elm Street.") == [("dead", 1)]
    assert figures("Five people were shot, two fatally, at the party.") == [("injured", 3), ("dead", 2)]
    # the dead are not subtracted from people counted in addition ("others")
    assert figures("A guard is dead and three others were shot.") == [("dead", 1), ("injured", 3)]


def test_shot_then_died_in_one_clause_is_dead():
    assert figures("The driver was shot in the head and later died in hospital.") == [("dead", 1)]


def test_size():
    assert figures("Thousands of protesters marched through the capital.") == []  # vague: no made-up size
    assert figures("A crowd of 8,000 gathered outside the parliament.") == [("size", 8000)]
    assert figures("Some 250 demonstrators blocked the highway.") == [("size", 250)]
    assert figures("Nearly 20,000 took to the streets on Saturday.") == [("size", 20000)]


def test_arrest_beats_size_for_the_same_people():
    assert figures("Police arrested 40 protesters near the square.") == [("arrested", 40)]


@pytest.mark.parametrize("text", [
    "A 23-year-old man opened the shop at 10:30 a.m.",
    "The mayor, 61, said the budget of $5,000 was spent in 2019.",
    "It was one of the largest rallies in years.",
    "The company hired 300 workers last year.",
    "Officers fired 12 rounds at the car.",
    "The 3-year-old plan was killed by the council in 2017.",
    "He was shot at but not hit.",
])
def test_non_casualty_numbers_give_nothing(text):
    assert [q for q in find_quantities(text) if q.value > 1] == []
    assert all(q.kind != "dead" or q.value == 1 for q in find_quantities(text))


def test_age_is_not_the_count():
    assert figures("A 23-year-old man was killed in the crash.") == [("dead", 1)]
    assert figures("Two 17-year-old boys were wounded.") == [("injured", 2)]
    assert figures("Gunmen killed Ahmed Saleh, 40, at his shop.") == [("dead", 1)]


@pytest.mark.parametrize("text", [
    "The conflict has killed 500,000 people since the war began.",
    "More than 300 people have been killed so far this year.",
    "In total since 2014, 1,200 people have been arrested.",
    "Six people were killed and 30 wounded in separate shootings across the city since Friday.",
])
def test_cumulative_totals_are_not_counted(text):
    assert find_quantities(text) == []
    assert all(c.cumulative for c in find_counts(text))


def test_event_figure_kept_beside_far_cumulative_clause():
    text = "Two soldiers were killed on Monday; the insurgency has killed 4,000 people since 2015."
    assert figures(text) == [("dead", 2)]


def test_explicit_zero():
    assert figures("No one was injured in the blast.") == [("injured", 0)]
    assert figures("The boy was not hurt.") == [("injured", 0)]


def test_hypothetical_is_not_a_count():
    assert figures("The gang threatened to kill two witnesses.") == []
    assert figures("The bullet could have killed her.") == []


def test_appositive_is_one_person():
    assert figures("The toddler, Sam Reed, was shot in the arm.") == [("injured", 1)]


def test_story_totals_do_not_double_count_repeats():
    story = [
        "Two killed in market shooting",
        "Two people were killed when a gunman opened fire in a market on Tuesday, police said.",
        "The two men killed were brothers, relatives said.",
    ]
    assert story_totals(story)["dead"] == 2


def test_story_totals_shot_then_died():
    story = ["Teen shot outside school", "A 16-year-old boy was shot on Monday.", "He died at the hospital."]
    totals = story_totals(story)
    assert totals["dead"] == 1 and totals["injured"] == 0


def test_story_totals_skip_background_and_teasers():
    story = [
        "A woman was wounded in a shooting on Oak Street on Friday.",
        "Last year, three people were killed in a shooting on the same block.",
        "RELATED: Five killed in highway crash",
    ]
    totals = story_totals(story)
    assert totals["dead"] is None and totals["injured"] == 1


def test_story_tally_year_filter():
    tally = story_tally(["In 2009, four people were killed at the same club."], year=2016)
    assert tally["dead"] is None
    assert story_tally(["In 2016, four people were killed at the club."], year=2016)["dead"] == 4


def test_combine_tallies_across_stories():
    first = story_tally(["A man was shot in the chest on Friday."])
    later = story_tally(["The man shot on Friday has died, police said."])
    totals = combine_tallies([first, later])
    assert totals["dead"] == 1 and totals["injured"] == 0


def test_implied_death_without_figure():
    totals = story_totals(["Police are investigating a fatal shooting on Main Street."])
    assert totals["dead"] == 1


def test_stage_fills_sentences_and_skips_marked_ones():
    s1 = Sentence(text="Three protesters were killed.", index=0, start=0)
    s2 = Sentence(text="Five people were arrested.", index=1, start=30, skip="photo caption")
    story = QuantityStage()(Story(id="x", text="", sentences=[s1, s2]))
    assert [(q.kind, q.value) for q in story.sentences[0].quantities] == [("dead", 3)]
    assert story.sentences[1].quantities == []
    assert QuantityStage.name == "quantities"


def test_empty_and_unrelated_text():
    assert find_quantities("") == []
    assert find_quantities("The president met his counterpart in Paris on Tuesday.") == []


def test_headline_comma_lists_and_reflexives():
    assert figures("Father, daughter found dead in farmhouse") == [("dead", 2)]
    assert figures("A man killed his wife and then himself.") == [("dead", 2)]
    assert figures("Farmer kills neighbour, himself after dispute") == [("dead", 2)]


def test_nationality_plurals_are_people():
    assert figures("Troops killed three Afghans near the base.") == [("dead", 3)]
    assert figures("Twelve Iraqis were wounded.") == [("injured", 12)]
    assert figures("Police detained 9 Kurds.") == [("arrested", 9)]


def test_story_attacker_killing_himself_adds_one():
    totals = story_totals(["Police said the man shot his brother dead before killing himself."])
    assert totals["dead"] == 2


def test_murder_suicide_implies_two_dead():
    assert story_totals(["Police are investigating an apparent murder-suicide in a home on Pine Road."])["dead"] == 2
    assert story_totals(["Detectives are looking into an attempted murder-suicide."])["dead"] is None


def test_implied_death_does_not_override_explicit_zero():
    totals = story_totals(["A homicide investigation is open, but no deaths have been reported."])
    assert totals["dead"] == 0


def test_as_many_as_is_a_modifier_not_a_vague_count():
    from flashpoint.extract.quantities import find_quantities

    got = find_quantities("as many as 98 people were killed in police firing, he said.")
    assert [(q.kind, q.value) for q in got] == [("dead", 98)]
    assert find_quantities("many people were killed") == []


def _coded(text: str, date: str = "2017-03-01"):
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    return Pipeline(model="rules").events(story_from_text(text, date=date))


def test_records_agree_with_the_story_totals():
    events = _coded("A man was shot on Main Street on Monday. He died at the hospital, police said.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert assaults and max(e.injured or 0 for e in assaults) == 0
    assert max(e.dead or 0 for e in assaults) == 1


def test_main_incident_gets_the_figures_told_elsewhere():
    events = _coded("Police are investigating a shooting on Elm Street. Two men were taken to the hospital with "
                    "gunshot wounds.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert max(e.injured or 0 for e in assaults) == 2


def test_round_up_stories_fill_nothing():
    from flashpoint.extract.quantities import settle_figures
    from flashpoint.records import Event, Quantity, Sentence, Story, Trigger

    story = Story(id="s", text="", date="2002-03-05")
    texts = ["police opened fire in vatva.", "97 died in police firing.", "two were killed in khambhat."]
    for i, t in enumerate(texts):
        story.sentences.append(Sentence(text=t, index=i, start=0, paragraph=0))
    story.sentences[1].quantities = [Quantity("dead", 97, "97 died", 0, 7)]
    story.sentences[2].quantities = [Quantity("dead", 2, "two were killed", 0, 15)]
    event = Event(story_id="s", sentence_index=0, sentence=texts[0], event_type="ASSAULT",
                  trigger=Trigger("opened fire", 7, 18))
    story.sentences[0].events.append(event)
    settle_figures(story)
    assert event.dead is None


def test_part_of_a_death_count():
    from flashpoint.extract.quantities import find_quantities

    got = find_quantities("an official said 40 of these deaths have taken place due to police firing.")
    assert [(q.kind, q.value) for q in got] == [("dead", 40)]


def test_with_absolute_construction():
    from flashpoint.extract.quantities import find_quantities

    got = find_quantities("the city seethed with two persons, including a woman, being killed in police firing.")
    assert [(q.kind, q.value) for q in got] == [("dead", 2)]
    assert find_quantities("police clashed with protesters being held.") == []


def test_a_figure_with_its_own_record_is_not_moved_to_the_main_one():
    events = _coded("police fired tear gas at the crowd in surat on monday. in another incident one person was "
                    "stabbed to death.")
    tear_gas = next(e for e in events if e.event_type == "ASSAULT" and "tear gas" in e.trigger.text)
    assert tear_gas.dead is None
    assert any(e.dead == 1 for e in events if e.event_type == "ASSAULT")


# --- figures within one sentence (issue 18) ---------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("One was shot in the arm, another in the leg.", [("injured", 2)]),
    ("One man was wounded in the chest and another in the hip.", [("injured", 2)]),
    ("A boy was wounded in the foot, a second in the knee and a third in the back.", [("injured", 3)]),
    ("One was shot in the leg and later released.", [("injured", 1)]),
])
def test_a_verb_left_out_after_the_first_victim(text, expected):
    assert figures(text) == expected


def test_a_list_naming_the_counted_people_adds_no_one():
    assert figures("Three teenagers, two boys and a girl, were wounded on the bus.") == [("injured", 3)]
    assert figures("Two men, a cook and a waiter, were killed in the kitchen.") == [("dead", 2)]
    assert figures("Two men and a woman were killed in the kitchen.") == [("dead", 3)]


def test_neither_or_nor_is_zero():
    assert figures("Neither the cyclist nor the other driver was hurt.") == [("injured", 0)]
    assert figures("Neither the driver or the passenger was injured.") == [("injured", 0)]


def test_a_name_with_age_and_home_town_before_the_verb():
    assert figures("Mara Quill, 19, of Elmwood, died Sunday at the hospital.") == [("dead", 1)]


# --- vague counts: a range, never a figure ------------------------------------------------------------------------


def _vague(text: str) -> list[tuple[str, int, int | None]]:
    from flashpoint.extract.quantities import find_vague

    return [(v.kind, v.low, v.high) for v in find_vague(text, find_quantities(text))]


def test_vague_words_give_ranges_and_no_figure():
    assert figures("Dozens of students were detained outside the ministry.") == []
    assert _vague("Dozens of students were detained outside the ministry.") == [("arrested", 24, 99)]
    assert _vague("Hundreds of farmers marched on the capital.") == [("size", 200, 999)]
    assert _vague("Troops detained several villagers and one teacher.") == [("arrested", 4, 10)]
    assert _vague("A crowd of millions filled the square.") == [("size", 2_000_000, None)]


def test_exact_figures_leave_no_vague_range():
    assert _vague("Four people were killed and 12 wounded.") == []
    assert _vague("As many as 40 people were arrested.") == []
    assert _vague("Twelve were arrested, among them several students.") == []


def test_every_range_word_is_read_and_bounded():
    from flashpoint.extract.quantities import vague_ranges

    ranges = vague_ranges()
    assert ranges["dozens"] == (24, 99) and ranges["millions"][1] is None
    for word, (low, high) in ranges.items():
        assert high is None or low <= high, word
        assert _vague(f"{word.capitalize()} of people were arrested.") == [("arrested", low, high)], word


def test_records_carry_vague_ranges_and_validate():
    from flashpoint.schema import validate

    events = _coded("Riot police arrested dozens of students in the capital on Monday. Later, hundreds of "
                    "workers marched to the parliament.")
    by_type = {e.event_type: e for e in events}
    arrest, march = by_type["COERCE"], by_type["PROTEST"]
    assert arrest.arrested is None and [(v.kind, v.low) for v in arrest.vague_figures] == [("arrested", 24)]
    assert march.size is None and [(v.kind, v.low, v.high) for v in march.vague_figures] == [("size", 200, 999)]
    for e in events:
        validate(e.to_dict())
    assert arrest.to_dict()["vague_figures"][0]["text"] == arrest.sentence[
        arrest.vague_figures[0].start:arrest.vague_figures[0].end]
    plain = _coded("Police arrested 14 students on Monday.")
    assert plain and all("vague_figures" not in e.to_dict() for e in plain)


def test_acled_convention_makes_vague_words_figures():
    from flashpoint.extract.quantities import acled_vague

    story = Story(id="s", text="Dozens of students were detained.")
    story.sentences = [Sentence(text=story.text, index=0, start=0)]
    QuantityStage(vague=acled_vague())(story)
    assert [(q.kind, q.value) for q in story.sentences[0].quantities] == [("arrested", 12)]
    assert story.sentences[0].vague == []


# --- figures on the records ---------------------------------------------------------------------------------------


def test_victims_told_one_by_one_and_the_count_elsewhere():
    events = _coded("Lena Moss died from a gunshot wound to the chest. Tom Moss died from a gunshot wound to the "
                    "head. Three adults and a child were found dead in the house on Tuesday.")
    assaults = [e for e in events if e.event_type == "ASSAULT" and e.status == "asserted"]
    assert max(e.dead or 0 for e in assaults) == 4


def test_the_main_incident_is_an_asserted_record():
    events = _coded("A woman is dead after what may have been an accidental shooting. Rita Holm, 61, was shot "
                    "in her kitchen on Monday night.")
    asserted = [e for e in events if e.event_type == "ASSAULT" and e.status == "asserted"]
    assert asserted and max(e.dead or 0 for e in asserted) == 1


def test_found_shot_and_pronounced_dead_on_the_records():
    events = _coded("Five men were found shot outside a bar on Saturday, and two were pronounced dead.")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert max(e.dead or 0 for e in assaults) == 2 and max(e.injured or 0 for e in assaults) == 3


@pytest.mark.parametrize("text, expected", [
    ("Two of the teens were taken by helicopter to Mercy General Hospital.", [("injured", 2)]),
    ("Both were transported to an area medical center.", [("injured", 2)]),
    ("Three people were shot at a house party on Elm Street.", [("injured", 3)]),
    ("Five people were confirmed to have been shot.", [("injured", 5)]),
    ("The other two men have minor injuries.", [("injured", 2)]),
])
def test_more_ways_to_say_people_were_hit(text, expected):
    assert figures(text) == expected


def test_shot_at_without_a_place_is_fired_upon():
    assert figures("The deputy was shot at by a man in a truck.") == []
    assert figures("He said he was shot at.") == []


def test_a_clock_time_is_not_a_count():
    assert figures("The teen died of a gunshot wound about 8:45 p.m. Friday.") == [("dead", 1)]


def test_a_place_name_in_a_list_is_no_victim():
    assert figures("Officers went to Cedar Hill Road and found three men had been shot.") == [("injured", 3)]


def test_an_ordinal_victim_counts_those_before():
    assert figures("A third victim was also wounded.") == [("injured", 3)]
    assert figures("The second victim died at the hospital.") == [("dead", 1)]


def test_victims_of_separate_clauses_in_one_sentence_add_up():
    text = "A man was shot in the hand, another man was shot in the hip and a woman was grazed in the arm."
    assert story_totals([text])["injured"] == 3
    assert story_totals(["A man was shot on Main Street and the man was taken to a hospital."])["injured"] == 1


def test_a_death_feared_is_no_death():
    assert figures("Police say that if the girl dies, the charge will be murder.") == []
    assert figures("\"Don't let my son die,\" she prayed.") == []
    assert figures("The girl died on Sunday.") == [("dead", 1)]


def test_ages_before_names_in_a_list():
    assert figures("Officials said 41-year-old Ann Reed, 16-year-old Carl Reed and 9-year-old Lily Reed "
                   "were killed.") == [("dead", 3)]
    assert figures("The man was found deceased in his car.") == [("dead", 1)]


def test_killed_some_and_wounded_others():
    assert figures("The gunman killed two people and wounded three others.") == [("dead", 2), ("injured", 3)]
    assert figures("A shooting that killed one man and injured a woman.") == [("dead", 1), ("injured", 1)]


def test_a_place_between_the_victim_and_the_verb():
    assert figures("Two guards at the front gate were wounded.") == [("injured", 2)]
    assert figures("Residents in the area were told to stay inside.") == []


def test_another_and_a_victim_named_after_the_dead():
    assert figures("Two men were killed and another critically injured.") == [("dead", 2), ("injured", 1)]
    assert figures("One deputy was struck in the shoulder.") == [("injured", 1)]
    assert story_totals(["A 16 year old was killed and a 15 year old was wounded."]) == {
        "dead": 1, "injured": 1, "arrested": None, "size": None}
    assert story_totals(["A man was shot on Friday and he died on Sunday."])["injured"] == 0


def test_ages_of_a_group_and_hospital_visits_that_are_no_wounds():
    assert figures("Six victims aged between 19 and 44 were shot outside the bar.") == [("injured", 6)]
    assert figures("Two firefighters were taken to a hospital for smoke inhalation.") == []
    assert figures("The couple was taken to the hospital as a precaution.") == []


def test_arriving_at_a_hospital_with_wounds_and_a_relative_clause():
    assert figures("Two others showed up at a nearby hospital with gunshot wounds.") == [("injured", 2)]
    assert figures("Three teens showed up at Mercy Hospital in a stolen car.") == []
    assert figures("Two deputies who entered the house were wounded.") == [("injured", 2)]
    assert figures("Police told reporters that two people were shot and killed.") == [("dead", 2)]


def test_lists_that_are_everyone_and_both():
    assert story_totals(["A man died after he and three others were shot outside a store."])["injured"] == 3
    assert figures("Both the boy and his aunt were taken to the hospital.") == [("injured", 2)]
    assert figures("Police told 12 News two people were shot.") == [("injured", 2)]


def test_a_victim_said_to_live_is_injured_beside_the_dead():
    story = ["The boy was killed in the living room.", "His sister was badly hurt but is expected to survive."]
    assert story_totals(story)["injured"] == 1
    assert story_totals(["A woman was shot in her car.", "She died at the hospital."])["injured"] == 0


def test_the_bodies_and_a_death_after_the_hospital():
    assert figures("The bodies were found in the basement.") == []
    assert figures("The body was found in the basement.") == [("dead", 1)]
    assert figures("Both men were taken to Mercy Hospital, where they were later pronounced dead.") == [("dead", 2)]


def test_a_double_or_triple_murder_is_that_many_deaths():
    assert story_totals(["Police are investigating a double homicide on Elm Street."])["dead"] == 2
    assert story_totals(["Detectives called it a triple murder-suicide."])["dead"] == 4
    assert story_totals(["Police are investigating a double homicide.", "Three men were killed."])["dead"] == 3


def test_home_towns_asides_and_bare_numbers_before_the_verb():
    assert figures("A 19-year-old woman from Dayton was shot in the arm.") == [("injured", 1)]
    assert figures("A second boy, also 14, was wounded in the leg.") == [("injured", 2)]
    assert figures("Three others ranging in age from 17 to 22 were taken to a hospital.") == [("injured", 3)]
    assert figures("Four wounded, all expected to survive") == [("injured", 4)]


def test_shooting_victims_are_people():
    assert figures("Three other shooting victims are in stable condition.") == [("injured", 3)]


def test_a_murder_charge_a_deceased_victim_and_a_late_death():
    assert story_totals(["A man faces a murder charge after shooting his neighbor."]) == {
        "dead": 1, "injured": 0, "arrested": None, "size": None}
    assert story_totals(["He was charged with attempted murder after shooting his neighbor."])["dead"] is None
    assert figures("Deputies found a deceased man with a gunshot wound to the chest.") == [("dead", 1)]
    assert figures("He was flown to County General Hospital with a gunshot wound to the neck and later "
                   "succumbed to his injuries.") == [("dead", 1)]


def test_a_second_subject_after_and_is_no_object():
    assert figures("The shootout left three people injured and one person dead.") == [("injured", 3), ("dead", 1)]
    assert figures("Two men suffered minor injuries and a third man died.") == [("injured", 2), ("dead", 1)]
    assert figures("Police said the gunman shot and killed him.") == [("dead", 1)]
