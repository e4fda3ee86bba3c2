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
    assert events == [([], [("girl", "Sam Ortiz")])]


def test_harm_words_load_every_kind_the_code_reads():
    from flashpoint.extract.events import harm_words

    words = harm_words()
    for kind in ("wound_filler", "wound", "harm_act", "passive_adverb", "copula_stop", "victim_noun", "number_word",
                 "phrase_stop", "subject_pronoun", "object_pronoun", "male_pronoun", "female_pronoun", "be", "struck"):
        assert words[kind], kind
    assert "she" in words["female_pronoun"] and "him" in words["object_pronoun"]
