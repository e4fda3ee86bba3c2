"""Tests for flashpoint.extract.link: which date each event takes, on stories written for these tests."""

from __future__ import annotations

import flashpoint


def _dates(text: str, published: str = "2024-03-04") -> list[tuple[str, str | None, str | None]]:
    return [(e.trigger.text, e.date, e.date_source) for e in flashpoint.code(text, date=published, model="rules")]


def test_a_date_in_the_events_clause():
    assert _dates("Gunmen killed two guards on Saturday.") == [("killed", "2024-03-02", "text")]


def test_a_coordinated_clause_shares_the_sentences_date():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "Thousands marched in the capital on Sunday, and police detained 14 demonstrators."))
    assert dates["detained"] == ("2024-03-03", "context")


def test_an_undated_sentence_takes_the_date_of_the_stories_event_of_its_type():
    dates = _dates("Gunmen shot dead two guards. The shooting happened on Saturday night outside a bank. "
                   "Police said the gunmen fled.")
    assert dates[0] == ("shot", "2024-03-02", "context")


def test_a_story_without_a_dated_event_takes_its_first_recent_day():
    dates = _dates("Police responded to a call on Friday. A man was shot dead in his car.")
    assert dates == [("shot", "2024-03-01", "context")]


def test_no_date_anywhere_is_the_publication_date_and_says_so():
    assert _dates("A man was shot dead in his car.") == [("shot", "2024-03-04", "publication")]


def test_a_time_next_to_another_events_trigger_is_that_events():
    dates = _dates("Gunmen shot two guards on Saturday. A man was charged on Tuesday with the shooting.",
                   published="2024-03-06")
    assert ("shooting", "2024-03-02", "context") in dates and ("charged on Tuesday with", "2024-03-05", "text") in dates


def test_the_day_of_the_report_is_not_the_day_of_the_event():
    dates = _dates("Gunmen shot two guards on Saturday. Gunmen also shot a driver, police said on Monday.",
                   published="2024-03-05")
    assert [d for t, d, _ in dates if t == "shot"] == ["2024-03-02", "2024-03-02"]


def test_a_past_event_is_never_dated_after_its_story():
    # "expected" is a future cue, which reads a bare weekday forward; the shooting it owns is past all the same
    events = flashpoint.code("No charges are expected in Tuesday's shooting of a teenager.", date="2017-03-08",
                             model="rules")
    shootings = [e for e in events if e.event_type == "ASSAULT"]
    assert shootings and all(e.date is not None and e.date <= "2017-03-08" for e in shootings)


def test_a_past_act_does_not_take_another_clauses_future_time():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "The United States urged both sides to hold talks, and the African Union said its envoy will visit Nairobi "
        "next week.", published="2023-03-21"))
    assert dates["urged"] == ("2023-03-21", "publication")
    assert dates["visit"][0] > "2023-03-21"


def test_a_week_is_narrowed_to_the_storys_day_in_it():
    events = flashpoint.code("A 19-year-old woman was shot and killed last week at her apartment. "
                             "Officers were called to the apartment on Dec. 15 after a report of gunfire.",
                             date="2016-12-23", model="rules")
    first = next(e for e in events if e.event_type == "ASSAULT")
    assert (first.date, first.date_precision, first.date_source) == ("2016-12-15", "day", "context")


def test_a_story_anchor_is_its_earliest_recent_day_not_a_page_stamp():
    dates = _dates("Posted: Monday, March 4, 2024\n\nA man was shot dead in his car on Friday. "
                   "Charges were filed Sunday.", published="2024-03-04")
    assert ("shot", "2024-03-01", "text") in dates


def test_a_report_stamp_is_not_the_events_day():
    from flashpoint.extract.link import _reporting_time
    from flashpoint.records import Sentence, TimeExpr

    s = Sentence("Boy dies in shooting Posted: Wednesday, March 12, 2014 8:04 AM", 0, 0)
    start = s.text.index("Wednesday")
    t = TimeExpr("Wednesday, March 12, 2014", start, start + 25, "2014-03-12", "day", "2014-03-12")
    assert _reporting_time(s, t)


def test_a_video_playlist_item_above_the_story_is_not_its_first_shooting():
    text = ("1:05 Widow of man killed in bar shooting speaks\n\n"
            "A 30-year-old man was shot and wounded on Saturday night outside a store, police said.")
    first = [(t, d) for t, d, _ in _dates(text) if t in ("killed", "shot", "shooting")][0]
    assert first == ("shot", "2024-03-02")


def test_a_time_of_the_verb_before_the_events_phrase_is_not_the_events_own():
    # "died Friday after a shooting": Friday is the death's; the shooting is the story's Thursday night
    dates = _dates("A deputy died Friday after a shooting near the bridge. He was shot Thursday night during a "
                   "traffic stop.", published="2024-03-09")
    assert ("shooting", "2024-03-07", "context") in dates and ("shot", "2024-03-07", "text") in dates


def test_the_verbs_time_bounds_the_event_when_the_story_has_no_other_day():
    dates = _dates("A teacher was arraigned Wednesday in the death of a boy he shot in a shed.", published="2024-03-08")
    assert dates[-1] == ("shot", "2024-03-06", "context")


def test_a_time_that_opens_the_clause_is_the_whole_clauses():
    assert _dates("On Saturday, after a night of drinking, he shot his neighbour.") == [
        ("shot", "2024-03-02", "text")]


def test_a_time_after_the_sentences_own_verb_is_not_a_gerunds():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "A man charged with shooting two guards made his first appearance in court Monday. The guards were shot "
        "on Friday.", published="2024-03-05"))
    assert dates["shooting"] == ("2024-03-01", "context")


def test_a_relative_clause_that_says_the_event_happened_keeps_its_time():
    assert _dates("The shooting that occurred Tuesday left two dead.", published="2024-03-08")[0] == (
        "shooting", "2024-03-05", "text")


def test_a_weekend_read_forward_for_a_past_event_is_the_one_just_past():
    # "appears to be" reads the bare weekend forward; identified victims are of the weekend just gone
    events = flashpoint.code("Police have identified the victims of what appears to be a murder-suicide in the "
                             "town over the weekend.", date="2024-03-04", model="rules")
    weekend = [e.date for e in events if e.event_type == "ASSAULT"]
    assert weekend == ["2024-03-02"]


def test_an_update_stamp_in_brackets_is_not_the_events_day():
    from flashpoint.extract.link import _reporting_time
    from flashpoint.records import Sentence, TimeExpr

    s = Sentence("UPDATE (March 1, 2024 11:30 a.m.): The cause of death was a gunshot wound.", 0, 0)
    t = TimeExpr("March 1, 2024", 8, 21, "2024-03-01", "day", "2024-03-01")
    assert _reporting_time(s, t)


def test_a_time_before_another_verbs_auxiliary_ends_the_first_triggers_phrase():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "A man accused of killing his cousin Friday night in the village was arrested after a standoff.",
        published="2024-03-04"))
    assert dates["killing"] == ("2024-03-01", "text")


def test_a_coordinated_gerund_is_the_object_of_the_same_preposition():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "A man accused of killing two women and wounding three others pleaded not guilty in court Tuesday. "
        "The women were shot on Feb. 20.", published="2024-03-06"))
    assert dates["wounding"] == ("2024-02-20", "context")


def test_a_sentence_that_says_when_the_incident_happened_dates_the_undated_attack():
    # a follow-up story: the hearing is Tuesday; the shooting's day is told by the call to police
    dates = _dates("A man charged in the shooting of a toddler pleaded not guilty Tuesday. Officers were called to "
                   "the 400 block of Elm Street about 2:10 a.m. Feb. 11. The girl was shot in the leg.",
                   published="2024-03-06")
    assert ("shooting", "2024-02-11", "context") in dates and ("shot", "2024-02-11", "context") in dates


def test_a_previous_incidents_day_is_not_the_storys():
    dates = _dates("A girl was shot in the leg in her home. In an earlier incident, police were called to the house "
                   "on Feb. 2. A neighbor heard gunfire on Monday.", published="2024-03-06")
    assert dates[0] == ("shot", "2024-03-04", "context")


def test_a_gerund_a_charge_is_for_is_past_though_the_sentence_speaks_of_the_future():
    events = flashpoint.code("A man will face a judge on Tuesday for accidentally shooting a teenager on "
                             "Christmas Eve.", date="2024-12-27", model="rules")
    shooting = next(e for e in events if e.event_type == "ASSAULT")
    assert shooting.date == "2024-12-24"


def test_the_event_times_word_lists_are_lower_case_pairs_of_the_kinds_the_rules_read():
    from flashpoint.tsv import rows

    table = rows("flashpoint.extract", "event_times.tsv")
    assert all(len(r) == 2 and r[1] == r[1].lower() and r[1] for r in table)
    assert {r[0] for r in table} == {"lead_away", "lead_into", "modifier", "harm_verb", "main_verb", "happened",
                                     "incident", "incident_noun", "other_incident", "charge_of", "caption",
                                     "death_after", "tell_that", "event_noun", "result_verb", "say_before",
                                     "legal_noun", "alarm", "charge_lead", "deictic", "occasion"}


def test_the_day_a_caption_shows_a_photo_is_not_the_events():
    dates = _dates("Purple balloons, pictured Monday, mark the home where a teenager was shot. The teenager was shot "
                   "on Friday night.", published="2024-03-05")
    assert dates[0] == ("shot", "2024-03-01", "context")


def test_an_undated_event_does_not_borrow_a_coming_day():
    events = flashpoint.code("The militia said its fighters will attack the town on Monday. An attack on the village "
                             "left two dead.", date="2024-03-06", model="rules")
    past = [e for e in events if e.event_type == "ASSAULT"]
    assert past and all(e.date <= "2024-03-06" for e in past)


def test_a_weekday_six_days_back_is_not_the_storys_own_day():
    # stamped Wednesday; the text speaks of the day after ("Thursday"): read backward that is last week's Thursday,
    # which would pass for the story's earliest day
    dates = _dates("A woman was wounded by gunfire outside her house. Her family gathered at the hospital Wednesday "
                   "night. She was in stable condition Thursday.", published="2024-03-06")
    assert dates[0] == ("wounded", "2024-03-06", "context")
    alone = _dates("A woman was wounded by gunfire outside her house. She was in stable condition Thursday.",
                   published="2024-03-06")
    assert alone[0] == ("wounded", "2024-03-06", "publication")


def test_a_weekday_six_days_back_does_not_bound_the_event_nor_tell_the_incidents_day():
    dates = _dates("A boy was arraigned Thursday in the death of a friend he shot. The friend died about 8 p.m. "
                   "Wednesday near a park.", published="2024-03-06")
    assert ("shot", "2024-03-06", "context") in dates
    dates = _dates("A hunter was killed. Deputies responded to the field about 7 a.m. Thursday.",
                   published="2024-03-06")
    assert dates[0] == ("killed", "2024-03-06", "publication")


def test_a_weekday_six_days_back_in_the_events_own_clause_stands():
    assert _dates("A man was shot dead on Thursday.", published="2024-03-06") == [("shot", "2024-02-29", "text")]


def test_a_time_before_a_phrase_whose_object_is_the_trigger_is_the_verbs():
    # the sentence's verb (sentenced, arraigned, arrested) owns the time; the attack was on or before it, on the day
    # the story gives it
    for sentence, trigger in (
            ("A teenager was sentenced to probation on Thursday for accidentally shooting a classmate.", "shooting"),
            ("Two men were arraigned Thursday in a shooting that left a cashier hurt.", "shooting"),
            ("Officers arrested a man Thursday night for the fatal shooting of a bus driver.", "shooting"),
            ("A woman was booked on Thursday on two counts of attempted murder.", "murder")):
        dates = _dates(sentence + " The attack happened on Feb. 20.", published="2024-03-08")
        assert (trigger, "2024-02-20", "context") in dates, (sentence, dates)


def test_a_harm_verb_shares_its_time_with_the_shooting_it_was_in():
    dates = _dates("A girl who turned six on Sunday died Tuesday in a shooting. The gunman fled.",
                   published="2024-03-08")
    assert ("shooting", "2024-03-05", "text") in dates


def test_a_follow_up_storys_own_day_is_the_calendar_day_it_names_weeks_back():
    dates = _dates("A judge set bail for a man on Tuesday. The cashier was shot in the arm. Officers arrived at the "
                   "store on the evening of Jan. 20 and found her bleeding.", published="2024-03-08")
    assert dates[0] == ("shot", "2024-01-20", "context")


def test_a_calendar_day_of_another_incident_is_not_the_follow_up_storys():
    dates = _dates("A girl was wounded on her porch. Neighbors gathered on Tuesday night. In an earlier incident, "
                   "officers were sent to the house on Jan. 5.", published="2024-03-08")
    assert dates[0] == ("wounded", "2024-03-05", "context")


def test_a_time_that_ends_a_relative_clause_is_not_the_main_verbs():
    dates = _dates("A mechanic who lost his job last week shot his neighbor on Friday morning.",
                   published="2024-03-09")
    assert dates == [("shot", "2024-03-08", "text")]
    # with no words of its own before the time, the relative clause's time is its verb's
    dates = _dates("Police are looking for a man who on Tuesday shot two clerks.", published="2024-03-09")
    assert ("shot", "2024-03-05", "text") in dates


def test_a_time_of_a_statement_or_search_about_the_shooting_is_not_the_shootings():
    for sentence, trigger in (
            ("The mayor released a statement Thursday about the shooting.", "shooting"),
            ("Officers were searching late Thursday for two suspects in a shooting that hurt a guard.", "shooting"),
            ("Police on Thursday provided new details about the shooting.", "shooting")):
        dates = _dates(sentence + " The attack happened about 9 p.m. Monday.", published="2024-03-08")
        assert (trigger, "2024-03-04", "context") in dates, (sentence, dates)


def test_a_planned_day_is_not_the_storys_own_day():
    dates = _dates("A boy was shot in his backyard. An autopsy is scheduled for Friday.", published="2024-03-08")
    assert dates[0] == ("shot", "2024-03-08", "publication")


def test_a_day_n_days_after_the_event_dates_it_back():
    dates = _dates("The library stayed closed Thursday, two days after a gunman wounded a guard at its door.",
                   published="2024-03-08")
    assert dates == [("wounded", "2024-03-05", "context")]
    dates = _dates("Crowds gathered at the mall Thursday, a day after a gunman wounded a guard.",
                   published="2024-03-08")
    assert ("wounded", "2024-03-06", "context") in dates


def test_a_time_right_after_the_victims_death_bounds_the_shooting():
    # the day of the death, not of the shooting: the story's incident day (Wednesday) comes first
    dates = _dates("A teenager shot in the chest outside a school died Friday, police said. Officers were called to "
                   "the school on Wednesday after reports of gunfire.")
    assert dates[0] == ("shot", "2024-02-28", "context")
    # with no other day the death's day stands, said to be the sentence's, not the event's own
    assert _dates("A teenager shot in the chest outside a school died Friday.") == [("shot", "2024-03-01", "context")]


def test_a_death_coordinated_with_the_shooting_shares_its_time():
    assert _dates("A man was shot and died Friday at a hospital.") == [("shot", "2024-03-01", "text")]


def test_a_time_before_that_of_a_verb_of_knowing_is_the_verbs():
    # "unclear Friday whether": Friday is the day of the doubt; the killing is the story's Tuesday night
    dates = _dates("Deputies were called to the farm on Tuesday night. It was unclear Friday whether the boy was "
                   "killed by his cousin.", published="2024-03-09")
    assert ("killed", "2024-03-05", "context") in dates
    # a noun's relative clause after its time keeps the time for the event
    assert _dates("Two men were shot in a dispute Tuesday that ended near a bar.",
                  published="2024-03-06") == [("shot", "2024-03-05", "text")]


def test_a_time_after_the_verb_of_a_subject_whose_relative_clause_holds_the_event_bounds_it():
    # "appeared in court today" is the father's; the shooting is the day the story says it happened
    dates = _dates("Carl Brandt, the father of the boy who police say shot a girl, appeared in court today. "
                   "It happened on Feb. 3 at his house.", published="2024-03-06")
    assert dates[0] == ("shot", "2024-02-03", "context")
    # the relative clause's own time stays its own
    assert _dates("The man who shot his wife on Sunday was arraigned Tuesday.",
                  published="2024-03-06")[0] == ("shot", "2024-03-03", "text")


def test_that_of_a_verbs_clause_is_no_relative_clause():
    dates = _dates("Detectives reported that the shooting involved his nephew, whom he was watching on Feb. 3.",
                   published="2024-03-06")
    assert dates[0] == ("shooting", "2024-02-03", "text")


def test_a_day_that_owns_the_attack_is_past_whatever_trigger_carries_it():
    # "murder charges will be filed" turns the weekday forward; "Tuesday's" owns a past shooting all the same
    events = flashpoint.code("More murder charges will be filed against the suspect in Tuesday's fatal shooting.",
                             date="2016-05-18", model="rules")
    assert [e.date for e in events if e.event_type == "ASSAULT"] == ["2016-05-17"]


# --- story-level day of an attack whose own clause gives none ---------------------------------------------------------

def test_an_incident_call_weeks_before_the_storys_dated_attack_is_an_earlier_incident():
    dates = _dates("A woman was wounded outside her home. Officers were called to the same house on Jan. 20 over a "
                   "noise complaint. Her husband shot her on Sunday night, police said.", published="2024-03-06")
    assert dates[0] == ("wounded", "2024-03-03", "context")


def test_a_weekend_is_narrowed_to_the_day_of_the_storys_attack_in_it_not_its_earliest_day():
    dates = _dates("Two men were shot at a nightclub over the weekend. The club holds a student night on Friday. "
                   "One of the men was wounded in the early Sunday brawl.", published="2024-03-07")
    assert dates[0] == ("shot", "2024-03-03", "context")


def test_a_weekend_of_another_clause_is_narrowed_to_the_storys_day_in_it():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "Police arrested two women after a teenager was gunned down while walking home this past weekend. "
        "It happened Friday evening near a park.", published="2024-03-05"))
    assert dates["gunned down"] == ("2024-03-01", "context")


def test_a_day_told_with_the_attack_before_a_later_dated_one_is_the_attacks():
    # the later "assault" is dated by the charges; the sentence about the shooting before it gives its night
    dates = _dates("A teenager was shot in a park. Officers searched the park on Sunday night after the shooting, and "
                   "neighbors heard gunfire. Police announced assault charges against a man on Tuesday.",
                   published="2024-03-06")
    assert dates[0] == ("shot", "2024-03-03", "context")


def test_the_day_a_body_was_discovered_dates_the_undated_attack_before_the_charges_day():
    dates = _dates("A woman was shot in her apartment. Her body was discovered by a neighbor on Sunday. "
                   "Her husband was charged with murder on Tuesday.", published="2024-03-06")
    assert dates[0] == ("shot", "2024-03-03", "context")


def test_a_day_that_owns_the_incident_dates_the_undated_attack():
    dates = _dates("Five people were shot dead at a mall. A friend said he saw no hint of Thursday's rampage. "
                   "Officers wounded a second suspect on Saturday.", published="2024-03-10")
    assert dates[0] == ("shot", "2024-03-07", "context")


def test_the_day_of_a_charge_is_no_day_for_the_storys_other_attacks():
    dates = _dates("A man was shot in his car. Prosecutors announced charges of aggravated assault against a teenager "
                   "on Tuesday. The teen shot the man on Monday night, police said.", published="2024-03-06")
    assert dates[0] == ("shot", "2024-03-04", "context")


def test_the_day_of_an_arraignment_on_a_charge_is_no_day_for_the_storys_other_attacks():
    dates = _dates("A woman was wounded at a bus stop. A man was arraigned Thursday on an assault charge. She was shot "
                   "on Monday night, police said.", published="2024-03-08")
    assert dates[0] == ("wounded", "2024-03-04", "context")
