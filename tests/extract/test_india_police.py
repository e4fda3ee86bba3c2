"""Police actions in lower-cased Indian archives (issue 18): the police actor is found and carries sector COP."""

import pytest

import flashpoint


def _police_assaults(text: str) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.actor[0].text) for e in flashpoint.code(text, date="2002-03-05", model="rules")
            if e.event_type == "ASSAULT" and e.actor and e.actor[0].sector == "COP"]


@pytest.mark.parametrize("text, actor", [
    ("the crpf jawans opened fire on the mob, killing two.", "crpf jawans"),
    ("rapid action force personnel lobbed tear gas shells at the mob.", "rapid action force personnel"),
    ("the dsp ordered firing on the mob.", "dsp"),
    ("the sub-inspector fired at the mob.", "sub-inspector"),
    ("the superintendent of police fired at the mob.", "superintendent of police"),
    ("home guards fired in the air to disperse the mob.", "home guards"),
    ("the deputy police superintendent fired at the mob.", "deputy police superintendent"),
])
def test_indian_police_forces_and_ranks_are_police(text, actor):
    assert any(a == actor for _, a in _police_assaults(text))


def test_army_jawans_stay_military():
    events = flashpoint.code("army jawans fired at the mob.", date="2002-03-05", model="rules")
    assert [a.sector for e in events for a in e.actor] == ["MIL"]


def test_munition_led_passive_takes_the_by_phrase_as_actor():
    assert _police_assaults("tear-gas shells were lobbed by police.") == [("tear-gas shells were lobbed", "police")]


def test_relative_who_takes_its_antecedent_as_actor():
    assert ("killed", "policemen") in _police_assaults(
        "the vhp has demanded action against the policemen who on sunday killed a ram bhakt.")
    assert ("fired on", "policemen") in _police_assaults("policemen who fired on the mob were suspended.")


def test_the_speaker_is_not_the_actor_of_police_firing():
    assert ("firing on", "police") in _police_assaults(
        "an official spokesman said 40 of these deaths have taken place due to police firing on violent mobs.")


def test_security_forces_in_india_are_police_elsewhere_military():
    (india,) = [e for e in flashpoint.code("the security forces have fired 5,176 rounds on mobs in ahmedabad.",
                                           date="2002-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [(a.country, a.sector) for a in india.actor] == [("IND", "COP")]
    (iraq,) = [e for e in flashpoint.code("Security forces opened fire on protesters in Baghdad, killing three.",
                                          date="2019-10-05", model="rules") if e.event_type == "ASSAULT"]
    assert [(a.country, a.sector) for a in iraq.actor] == [("IRQ", "MIL")]


@pytest.mark.parametrize("text, trigger", [
    ("also 12 tear-gas shells were lobbed during the police action.", "tear-gas shells were lobbed"),
    ("three people were injured in police firing.", "injured"),
])
def test_agentless_passive_takes_the_action_nouns_modifier(text, trigger):
    assert (trigger, "police") in _police_assaults(text)


def test_army_operation_names_the_army():
    (e,) = [e for e in flashpoint.code("two militants were killed in an army operation in kashmir.",
                                       date="2002-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [a.sector for a in e.actor] == ["MIL"] and [a.sector for a in e.recipient] == ["REB"]


def test_the_speaker_is_not_the_actor_of_a_clause_with_its_own_subject():
    assert _police_assaults("in surat, police said that two clashing groups resorted to severe stone pelting.") == []
    assert ("fired tear gas", "Police") in _police_assaults("Police said they fired tear gas at the crowd.")


@pytest.mark.parametrize("text, actor", [
    ("bhavnagar sp rahul sharma had ordered firing at mobs in which four persons were killed.", "sp"),
    ("the dcp rahul sharma ordered firing at the mob.", "dcp"),
])
def test_a_lower_cased_title_before_a_name_is_an_actor(text, actor):
    assert any(a == actor for _, a in _police_assaults(text))


def test_a_speakers_light_verb_or_own_words_keep_the_speaker():
    events = flashpoint.code("US President Trump announced a suspension of aid to Pakistan.", model="rules")
    assert any(e.actor and e.actor[0].text == "US President Trump" for e in events if e.event_type == "SANCTION")


def test_a_coordinated_verb_shares_the_first_verbs_subject():
    assert ("fired 2000 rounds", "police") in _police_assaults(
        "jaitley said police arrested nearly 4000 rioters during the first five days and fired 2000 rounds.")
    events = flashpoint.code("Troops shelled the town and the rebels fired back.", model="rules")
    assert all(e.actor[0].text == "Troops" for e in events if e.event_type == "ASSAULT")


@pytest.mark.parametrize("text", [
    "the court then granted the police the time sought for arresting shah.",
    "the applicants filed an application to pass appropriate orders to the authorities to arrest shah.",
])
def test_an_arrest_sought_or_ordered_is_not_done(text):
    assert [e.status for e in flashpoint.code(text, date="2002-03-05", model="rules")
            if e.event_type == "COERCE"] == ["hypothetical"]


def test_in_the_custody_of_is_detention():
    events = flashpoint.code("aftab looked run down after spending over a month in the custody of different agencies.",
                             date="2002-03-05", model="rules")
    assert [(e.event_type, e.mode) for e in events] == [("COERCE", "detain")]


@pytest.mark.parametrize("text, trigger, actor", [
    ("the constables had to resort to firing when the crowd turned violent.", "resort to firing", "constables"),
    ("the police resorted to a mild lathi-charge at the station.", "resorted to a mild lathi-charge", "police"),
])
def test_resorting_to_force_is_the_subjects_act(text, trigger, actor):
    assert (trigger, actor) in _police_assaults(text)


def test_a_munition_led_passive_has_no_subject_actor():
    """The munition is no actor, and a later clause's police still is ("shells were lobbed, then police fired")."""
    events = [e for e in flashpoint.code("teargas shells were lobbed to scatter the crowd.", date="2002-03-05",
                                         model="rules") if e.event_type == "ASSAULT"]
    assert [(e.trigger.text, e.actor) for e in events] == [("teargas shells were lobbed", [])]
    assert any(a == "police" for _, a in _police_assaults(
        "the tear gas shells were burst after which the police opened fire."))


def test_a_subject_relative_clause_does_not_take_the_subject():
    assert ("fired at", "police") in _police_assaults(
        "the police that was guarding the procession fired at the stone-throwers.")
    # the trigger inside a clause after the relative one keeps its own subject
    events = [e for e in flashpoint.code("the boy who was holding a toy gun when a deputy shot him was hurt.",
                                         date="2016-02-04", model="rules") if e.trigger.text == "shot"]
    assert [a.text for e in events for a in e.actor] == ["deputy"]


def test_an_allegation_about_a_given_firing_leaves_the_firing_asserted():
    events = [e for e in flashpoint.code("the opposition alleged that the police firing was unprovoked.",
                                         date="2002-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [(e.trigger.text, e.status) for e in events] == [("firing", "asserted")]
    events = [e for e in flashpoint.code("the opposition alleged that the police fired on the crowd.",
                                         date="2002-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [e.status for e in events] == ["claimed"]


@pytest.mark.parametrize("text, dead", [
    ("the constables who on monday killed a devotee were suspended.", 1),
    ("two jawans and three agitators were killed in the clash.", 5),
])
def test_indian_english_person_nouns_are_counted(text, dead):
    events = [e for e in flashpoint.code(text, date="2002-03-05", model="rules") if e.event_type == "ASSAULT"]
    assert [e.dead for e in events] == [dead]
