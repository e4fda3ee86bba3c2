"""The object slot's noun phrase as the recipient when it holds no actor mention (extract/objects.py)."""

import flashpoint


def _roles(text: str, event_type: str) -> list[tuple[list[str], list[str], list[str | None]]]:
    return [([a.text for a in e.actor], [r.text for r in e.recipient], [r.country for r in e.recipient])
            for e in flashpoint.code(text, date="2021-03-02", model="rules") if e.event_type == event_type]


def test_direct_object_noun_phrase_is_the_recipient():
    roles = _roles("The foreign minister sharply condemned the raids on Tuesday.", "ACCUSE")
    assert roles and roles[0][1] == ["the raids"]


def test_complement_noun_phrase_takes_the_country_of_its_place():
    roles = _roles("Soldiers imposed a curfew on Mosul overnight after the protests.", "COERCE")
    assert roles and roles[0][1] == ["Mosul"] and roles[0][2] == ["IRQ"]


def test_object_phrase_wins_over_a_mention_in_a_later_clause():
    roles = _roles("Gunmen stormed a small hotel in the suburbs, killing four guards.", "ASSAULT")
    assert roles and roles[0][1][0] == "a small hotel"  # the 'killing' event merged into it adds the guards


def test_no_recipient_from_pronouns_times_numbers_or_infinitives():
    assert _roles("The rebels attacked them again.", "ASSAULT")[0][1] == []
    assert all(r[1] == [] for r in _roles("The governor has agreed to resign next month.", "AGREE"))
    assert all(not r[1] or r[1] != ["last week"] for r in _roles("The army shelled last week.", "ASSAULT"))


def test_object_phrase_does_not_replace_the_mention_of_its_own_complement():
    roles = _roles("The cabinet demanded the withdrawal of Russian troops.", "REQUEST")
    assert roles and roles[0][1] != ["the withdrawal"]


def test_clause_opening_noun_phrase_is_the_actor_of_an_active_verb():
    roles = _roles("The tenants committee has strongly condemned the eviction notices.", "ACCUSE")
    assert roles and roles[0][0] == ["The tenants committee"]
    assert roles[0][1] == ["the eviction notices"]


def test_no_actor_from_a_pronoun_subject_or_a_passive():
    assert all(r[0] == [] for r in _roles("They strongly condemned the decision.", "ACCUSE"))
    assert all("The warehouse" not in r[0] for r in _roles("The warehouse was attacked overnight.", "ASSAULT"))


def test_a_place_right_after_a_trigger_with_no_recipient_is_the_recipient():
    roles = _roles("The governor declared a state of emergency in Sindh after the floods.", "COERCE")
    assert roles and roles[0][1] == ["Sindh"] and roles[0][2] == ["PAK"]


def test_the_speaker_of_said_it_will_is_the_actor():
    roles = _roles("The dockworkers union said on Tuesday that it would not end the strike.", "CONCEDE")
    assert roles and roles[0][0] == ["dockworkers union"]  # a mention
    roles = _roles("The tenants committee said on Tuesday that it would not end the strike.", "CONCEDE")
    assert roles and roles[0][0] == ["The tenants committee"]  # a noun phrase
    roles = _roles("Norway said on Friday it had expelled two diplomats.", "SANCTION")
    assert roles and roles[0][0] == ["Norway"]


def test_object_phrase_wins_over_a_mention_after_a_subordinate_clause():
    roles = _roles("The senator postponed a planned visit to the border after the governor objected.", "REJECT")
    assert roles and roles[0][1] == ["the border"]


def test_no_participant_from_a_body_part_an_indefinite_pronoun_or_a_headline():
    assert all(r[1] != ["the shoulder"] for r in _roles("A man was shot in the shoulder.", "ASSAULT"))
    assert all(r[1] != ["someone"] for r in _roles("Deputies say the boy shot someone by accident.", "ASSAULT"))
    assert all(r[0] == [] or r[0][0] not in {"Deputies Probe Fatal Riverside", "Riverside"}
               for r in _roles("Deputies Probe Fatal Riverside Shooting", "ASSAULT"))


def test_passive_subject_noun_phrase_is_the_recipient():
    roles = _roles("The old customs warehouse was attacked overnight by unknown gunmen.", "ASSAULT")
    assert roles and roles[0][1] == ["The old customs warehouse"]


def test_a_place_further_on_in_the_clause_joins_a_recipient_that_is_a_thing():
    roles = _roles("The ministry agreed to build a new road in Kandahar province.", "AGREE")
    assert roles and any("Kandahar" in r for r in roles[0][1]) and "AFG" in roles[0][2]
    roles = _roles("The city council agreed to build a new bridge across the river in Dresden.", "AGREE")
    assert roles and "DEU" in roles[0][2]


def test_no_later_place_past_a_comma_or_a_relative_clause_or_beside_a_mention():
    for text in ("The ministry agreed to build a new road, officials in Kandahar said.",
                 "The ministry agreed to build a new road that serves villages in Kandahar."):
        roles = _roles(text, "AGREE")
        assert roles and not any("Kandahar" in r for r in roles[0][1])
    roles = _roles("Germany expelled two Russian diplomats in Berlin.", "SANCTION")
    assert roles and roles[0][1] and all("Berlin" not in r for r in roles[0][1])


def test_the_target_of_mobilised_forces_is_the_recipient_not_the_forces():
    roles = _roles("The king mobilized his troops for a campaign against the northern tribes.", "MOBILIZE")
    assert roles and roles[0][1] and "troops" not in " ".join(roles[0][1]) and "tribes" in roles[0][1][0]
    roles = _roles("The governor mobilised the police to the border district on Friday.", "MOBILIZE")
    assert roles and roles[0][1] and "border district" in roles[0][1][0]


def test_where_forces_are_withdrawn_from_is_the_recipient_but_a_foreign_army_helped_stays():
    roles = _roles("The government withdrew its soldiers from the disputed island on Monday.", "RETREAT")
    assert roles and roles[0][1] == ["the disputed island"]
    roles = _roles("The United States provided weapons to the Iraqi army in Mosul.", "AID")
    assert roles and roles[0][1] == ["Iraqi army"]


def test_whom_a_demand_is_made_of_is_the_subject_of_its_that_clause():
    roles = _roles("The opposition leader demanded that the interior minister resign over the raid.", "REQUEST")
    assert roles and roles[0][1] and "minister" in roles[0][1][0]
    roles = _roles("Several lawmakers demanded that Ramaphosa explain the payments.", "REQUEST")
    assert roles and roles[0][1] and "Ramaphosa" in roles[0][1][0]


def test_the_place_right_after_a_trigger_wins_over_a_mention_in_the_next_clause():
    roles = _roles("The army imposed a curfew in Jaffna to stop protests by students.", "COERCE")
    assert roles and roles[0][1] and "Jaffna" in roles[0][1][0]
    roles = _roles("Putin held talks in Sochi with Erdogan and Rouhani.", "CONSULT")
    assert roles and any("Erdogan" in r for r in roles[0][1])


def test_the_target_an_attack_trigger_spans_is_its_recipient():
    roles = _roles("Government warplanes pounded the rebel-held district of Jisr al-Shughur on Sunday.", "ASSAULT")
    assert roles and roles[0][1] and "district" in roles[0][1][0]
    roles = _roles("Tribal fighters captured two towns south of the capital on Monday.", "ASSAULT")
    assert roles and roles[0][1] and "two towns" in roles[0][1][0]


def test_a_car_that_hits_a_bus_is_no_attack():
    assert not _roles("A delivery van hit a school bus on Main Street.", "ASSAULT")


def test_whom_a_returned_thing_goes_to_is_the_recipient():
    roles = _roles("The museum returned three stolen bronze statues to the government of Nigeria.", "RETREAT")
    assert roles and roles[0][1] and "government of Nigeria" in roles[0][1][0]


def test_the_place_of_a_promised_act_joins_the_recipients_of_agree():
    roles = _roles("The governor agreed to open two field hospitals for flood victims in Sindh.", "AGREE")
    assert roles and "PAK" in roles[0][2]


def test_a_shooting_in_a_town_takes_no_town_as_recipient():
    roles = _roles("A gunman opened fire on a crowded bus in Tulsa on Friday.", "ASSAULT")
    assert roles and all("Tulsa" not in r for r in roles[0][1])


def test_where_a_visitor_comes_from_is_not_the_host():
    roles = _roles("The trade delegation was visiting from Wichita on Monday.", "CONSULT")
    assert roles and all("Wichita" not in r for r in roles[0][1])
