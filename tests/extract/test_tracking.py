"""The tracking stage: pronouns in empty roles of shooting events take the name of the story's person."""

import flashpoint


def _assaults(text: str) -> list[tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]]:
    return [([(a.text, a.name) for a in e.actor], [(a.text, a.name) for a in e.recipient])
            for e in flashpoint.code(text, date="2017-04-01", model="rules") if e.event_type == "ASSAULT"]


def test_a_pronoun_victim_takes_the_name_of_the_person_named_before():
    events = _assaults("Jamal Reed, 25, was sitting in his car on Tuesday. Police said he was shot in the chest.")
    assert events == [([], [("he", "Jamal Reed")])]  # not the police who said so


def test_an_object_pronoun_after_the_verb_and_after_a_discharge():
    events = _assaults("Dana Boyd, 30, was walking home. A man walked up and shot her twice.")
    assert ([("man", None)], [("her", "Dana Boyd")]) in events
    events = _assaults("Kevin Marsh, 12, was playing in the yard. The rifle went off, striking him.")
    assert ([], [("him", "Kevin Marsh")]) in events


def test_a_pronoun_after_a_noun_for_a_person_is_that_person():
    # the nearest antecedent is "the 17-year-old", not the earlier named friend
    events = _assaults("Carl Dunn, 30, called police. The wounded 17-year-old said he had been shot by a rival.")
    assert all(("he", "Carl Dunn") not in r for _, r in events)


def test_a_quoted_pronoun_is_left_alone():
    events = _assaults("Tom Beck, 40, heard the noise. “He shot at us,” said Anna Price.")
    assert all(a != [("He", "Tom Beck")] for a, _ in events)


def test_a_noun_takes_the_name_the_story_ties_to_it():
    events = _assaults("A 10-year-old girl was shot on Tuesday. Police identified the girl as Sam Ortiz.")
    assert events[0] == ([], [("girl", "Sam Ortiz")])
    assert events[1:] == [([], [("Sam Ortiz", "Sam Ortiz")])]  # the identification: another mention of the shooting


def test_harm_words_load_every_kind_the_code_reads():
    from flashpoint.extract.events import harm_words

    words = harm_words()
    for kind in ("wound_filler", "wound", "wound_head", "bystander_subject", "occurrence_verb", "harm_act",
                 "passive_adverb",
                 "copula_stop", "victim_noun", "number_word",
                 "phrase_stop", "subject_pronoun", "object_pronoun", "male_pronoun", "female_pronoun", "be", "struck"):
        assert words[kind], kind
    assert "she" in words["female_pronoun"] and "him" in words["object_pronoun"]


def _reports(text: str, date: str = "2021-06-14") -> list[tuple[int, str, str, list[str], str | None]]:
    """(sentence, status, trigger, recipients, date) of every ASSAULT record of a story."""
    return [(e.sentence_index, e.status, e.trigger.text, [a.text for a in e.recipient], e.date)
            for e in flashpoint.code(text, date=date, model="rules") if e.event_type == "ASSAULT"]


_SHOT = "Two men were shot in Dayton on Saturday night, police said. "


def test_an_identification_of_the_victims_is_a_mention_of_the_shooting():
    events = _reports(_SHOT + "Police identified the victims as Omar Lind, 22, and Cody Pratt, 31.")
    assert events[1][:4] == (1, "asserted", "identified the victims as", ["Omar Lind", "Cody Pratt"])
    assert events[1][4] == events[0][4] == "2021-06-12"  # dated like the story's shooting


def test_a_death_or_a_wound_names_the_victim_before_it():
    story = _SHOT + "Omar Lind, 22, was pronounced dead at the scene. Pratt, 31, remains in critical condition."
    events = _reports(story.replace("Pratt, 31", "Cody Pratt, 31"))
    assert [(i, r) for i, _, _, r, _ in events[1:]] == [(1, ["Omar Lind"]), (2, ["Cody Pratt"])]
    events = _reports(_SHOT + "Cody Pratt was taken to Miami Valley Hospital, where he later died.")
    assert events[1][3] == ["Cody Pratt"]


def test_a_death_in_a_story_with_no_shooting_gives_nothing():
    story = "Omar Lind, 22, died in a car crash on Route 4 on Saturday. Cody Pratt was taken to the hospital."
    assert _reports(story) == []


def test_no_report_before_the_shooting_nor_of_another_time():
    assert _reports("Omar Lind, 22, died at home. " + _SHOT)[0][0] == 1  # the death told first is not linked
    assert len(_reports(_SHOT + "His grandfather, Omar Lind, died in 2009.")) == 1


def test_a_suspect_is_never_the_victim_of_his_identification():
    assert len(_reports(_SHOT + "Police arrested the gunman, identified as Ray Boone, on Sunday.")) == 1
    events = _reports(_SHOT + "Officers charged Ray Boone with murder. Ray Boone was taken to the hospital.")
    assert all("Ray Boone" not in r for _, _, _, r, _ in events)


def test_a_quoted_report_is_left_alone():
    assert len(_reports(_SHOT + "\"If Omar Lind had died, I would never forgive myself,\" said his mother.")) == 1


def test_a_hedged_report_keeps_its_status():
    events = _reports(_SHOT + "Omar Lind may have died at the scene, police said.")
    assert [e[1] for e in events[1:]] in ([], ["hypothetical"])


def test_victim_report_phrases_parse_with_known_slots():
    from flashpoint import tsv
    from flashpoint.extract.tracking import _report_patterns

    rows = tsv.rows("flashpoint.extract", "victim_reports.tsv")
    assert rows and {slot for slot, _ in rows} <= {"before", "after", "none"}
    assert {slot for pats in _report_patterns().values() for slot, _ in pats} == {slot for slot, _ in rows}


def test_a_death_told_as_a_noun_or_a_state_names_its_victim():
    events = _reports(_SHOT + "Friends gathered at a church to mourn the death of Omar Lind.")
    assert events[1][2:4] == ("death of", ["Omar Lind"])
    events = _reports(_SHOT + "Cody Pratt was dead when officers arrived.")
    assert events[1][2:4] == ("was dead", ["Cody Pratt"])


def _accused(text: str) -> list[tuple[int, str, list[str], list[str]]]:
    """(sentence, trigger, actors, recipients) of every ASSAULT record of a story."""
    return [(e.sentence_index, e.trigger.text, [a.text for a in e.actor], [a.text for a in e.recipient])
            for e in flashpoint.code(text, date="2021-06-14", model="rules") if e.event_type == "ASSAULT"]


def test_the_person_charged_over_the_shooting_is_its_accused_actor():
    events = _accused(_SHOT + "Omar Lind, 22, was arrested and charged with manslaughter.")
    assert events[1] == (1, "manslaughter", ["Omar Lind"], [])
    events = _accused(_SHOT + "Police charged Cody Pratt of Xenia with homicide in the death of Ray Boone, 19.")
    assert events[1] == (1, "homicide", ["Cody Pratt"], ["Ray Boone"])
    events = _accused(_SHOT + "Ray Boone, 30, of Xenia was arrested in the case on Sunday.")
    assert events[1][1:3] == ("in the case", ["Ray Boone"])


def test_an_arrest_over_the_shooting_fills_the_empty_actor_of_its_own_sentence():
    events = _accused(_SHOT + "According to the sheriff's office, Omar Lind was arrested in connection with the "
                              "shooting death of Cody Pratt.")
    assert events[1:] == [(1, "shooting", ["Omar Lind"], ["Cody Pratt"])]


def test_a_second_act_with_nobody_of_its_own_belongs_to_the_first():
    events = _accused(_SHOT + "The victim's cousin, Omar Lind, was taken into custody on Sunday and charged with "
                              "second-degree murder.")
    assert events[1][2] == ["Omar Lind"]


def test_a_charge_of_another_crime_or_a_denied_one_ties_nobody_to_the_shooting():
    assert len(_accused(_SHOT + "Omar Lind, 22, was arrested and charged with criminal trespass.")) == 1
    assert len(_accused(_SHOT + "The county attorney is charging Omar Lind with theft, but not with homicide.")) == 1
    # each arrest keeps its own charge: only the first man is tied to the killing
    events = _accused(_SHOT + "Omar Lind, 23, was arrested on suspicion of manslaughter and Cody Pratt, 25, was "
                              "arrested on suspicion of being a felon in possession of a firearm.")
    assert [a for _, _, a, _ in events[1:]] == [["Omar Lind"]]


def test_no_suspect_record_without_a_shooting_before_it_nor_for_the_person_killed():
    assert _accused("Omar Lind, 22, was arrested and charged with manslaughter in Ohio on Saturday.") == []
    events = _accused(_SHOT + "Lisa Dunn faces charges of manslaughter and was arrested for her role in the death of "
                              "Cody Pratt.")
    assert all("Cody Pratt" not in a for _, _, a, _ in events)


def test_suspect_report_phrases_parse_with_known_slots():
    from flashpoint import tsv
    from flashpoint.extract.tracking import _report_patterns

    rows = tsv.rows("flashpoint.extract", "suspect_reports.tsv")
    assert rows and {slot for slot, _ in rows} == {"charge", "faces", "named", "none"}
    slots = {slot for pats in _report_patterns("suspect_reports.tsv").values() for slot, _ in pats}
    assert slots == {"charge", "faces", "named", "none"}


def test_a_sentence_naming_the_shooter_is_a_mention_of_the_shooting_with_its_actor():
    events = _accused(_SHOT + "Police identified the suspect as 18-year-old Omar Lind.")
    assert events[1] == (1, "identified the suspect as", ["Omar Lind"], [])
    # the victim's identification stays the victim's
    events = _accused(_SHOT + "Police identified the victim as Cody Pratt.")
    assert events[1][2:] == ([], ["Cody Pratt"])
    assert len(_accused("Police identified the suspect as Omar Lind. " + _SHOT)) == 1  # no shooting before it


def test_the_subject_who_faces_a_charge_over_the_killing_is_its_accused_actor():
    events = _accused(_SHOT + "Omar Lind faces charges of reckless homicide and other gun charges.")
    assert events[1][2] == ["Omar Lind"]
    assert len(_accused(_SHOT + "Omar Lind, 25, faces charges of theft.")) == 1


def test_an_identification_of_the_people_the_story_arrested_is_no_victim_report():
    shot = "Five people were wounded in a shooting near a park on Monday night. "
    names = ("Police identified the men as 23-year-old Allan Grover, 27-year-old Joseph Bauman and 21-year-old "
             "Nathan Gull.")
    arrested = _reports(shot + "Police arrested three men in connection with the shooting. " + names)
    assert not [e for e in arrested if e[2] == "identified the men as"]
    wounded = _reports(shot + "Three men were wounded in the shooting. " + names)
    assert [e[3] for e in wounded if e[2] == "identified the men as"] == [["Allan Grover", "Joseph Bauman",
                                                                            "Nathan Gull"]]


def test_the_one_handling_the_gun_when_it_went_off_is_the_shooter():
    events = _assaults("Deputies said Omar Tilly, 31, was cleaning his rifle in the garage when it went off, striking "
                       "his nephew.")
    assert [a for a, _ in events] == [[("Omar Tilly", "Omar Tilly")]]
    events = _assaults("The 12-year-old was handling the pistol when it discharged, hitting a friend in the arm.")
    assert [a[0][0] for a, _ in events] == ["12-year-old"]
    events = _assaults("There was an accidental discharge from a weapon being held by Reza Kline, 20, which wounded "
                       "a neighbor.")
    assert [a[0][0] for a, _ in events] == ["Reza Kline"]


def test_everyone_handling_the_gun_is_an_actor_but_holding_a_baby_is_no_handling():
    events = _assaults("Ty Moss, Ben Hale and a friend were playing with a handgun when it fired, striking a girl.")
    assert [[t for t, _ in a] for a, _ in events] == [["Ty Moss", "Ben Hale", "friend"]]
    events = _assaults("Sara Lee was holding her baby on the porch when she was shot.")
    assert [a for a, _ in events] == [[]]


def test_an_arrest_that_names_no_charge_is_over_the_storys_shooting():
    events = flashpoint.code("A man was shot on Elm Street on Friday. Deputies arrested 20-year-old Cole Pruitt on "
                             "Sunday after talking with witnesses.", date="2024-03-05", model="rules")
    accused = [e for e in events if e.event_type == "ASSAULT" and e.actor]
    assert [(e.actor[0].text, e.status) for e in accused] == [("Cole Pruitt", "claimed")]
    assert accused[0].date == "2024-03-01"  # the shooting's day, not the arrest's


def test_an_arrest_for_something_else_or_long_ago_is_no_accusation():
    for later in ("Sam Ruiz, 25, was arrested on a charge of receiving stolen property.",
                  "Sam Ruiz had been arrested twice in sealed cases."):
        events = flashpoint.code(f"A girl was killed in a shooting on Friday. {later}", date="2024-03-05",
                                 model="rules")
        assert not [e for e in events if e.event_type == "ASSAULT" and e.actor]
    events = flashpoint.code("Police opened fire on the protesters on Friday. Police arrested Ravi Menon on Saturday.",
                             date="2024-03-05", model="rules")
    assert not [e for e in events if e.event_type == "ASSAULT" and any(a.text == "Ravi Menon" for a in e.actor)]
