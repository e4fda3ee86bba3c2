import pytest

from flashpoint.extract.events import EventStage
from flashpoint.extract.status import StatusStage, find_cues
from flashpoint.records import Attribution, Sentence, Story
from flashpoint.text.tokens import tokenize


def statuses(text: str, attribution: Attribution | None = None) -> dict[str, str]:
    """event_type -> status for one sentence."""
    sentence = Sentence(text, 0, 0, attribution=attribution)
    story = Story(id="s", text=text, sentences=[sentence])
    EventStage()(story)
    for e in sentence.events:
        e.attribution = attribution
    StatusStage()(story)
    return {e.event_type: e.status for e in sentence.events}


@pytest.mark.parametrize("text, event_type, status", [
    ("Militia fighters burned down the market on Sunday.", "ASSAULT", "asserted"),
    ("The cabinet may impose sanctions on the neighbouring state.", "SANCTION", "hypothetical"),
    ("The regime could deploy more soldiers to the province.", "MOBILIZE", "hypothetical"),
    ("If the strike continues, the army would intervene and arrest the organisers.", "COERCE", "hypothetical"),
    ("The ministry said police did not detain any reporters.", "COERCE", "negated"),
    ("The junta never expelled the aid workers.", "SANCTION", "negated"),  # expelling NGOs: SANCTION expel
    ("The interior minister denied that security forces had fired on the marchers.", "ASSAULT", "negated"),
    ("Both delegations will meet in Geneva.", "AGREE", "future"),  # PLOVER: a future meeting is AGREE
    ("The president plans to visit the flooded region.", "AGREE", "future"),
    ("The two cabinets prepare to meet again in May.", "AGREE", "future"),
    ("The ministry will close the embassy in the capital city and expel its diplomats.", "THREATEN", "future"),
    ("The spokesman advised the party chairman to resign his post.", "RETREAT", "hypothetical"),
    ("A hunter is dead after what may have been an accidental shooting.", "ASSAULT", "asserted"),
    ("Deputies have not said what may have led to the stabbing.", "ASSAULT", "asserted"),  # a cause is hedged
    ("Nobody knows what might have motivated the attack on the clinic.", "ASSAULT", "asserted"),
    ("Gunmen may have attacked the clinic.", "ASSAULT", "hypothetical"),
    ("A farmer died after possibly accidentally shooting himself.", "ASSAULT", "asserted"),
    ("The militants threatened to attack polling stations.", "ASSAULT", "threatened"),
    ("The militants threatened to attack polling stations.", "THREATEN", "asserted"),
    ("The opposition accused soldiers of torturing detainees.", "ASSAULT", "claimed"),
    ("The opposition accused soldiers of torturing detainees.", "ACCUSE", "asserted"),
    ("The soldiers allegedly beat the detainees.", "ASSAULT", "claimed"),
    ("Lawmakers urged the government to release the journalists.", "RETREAT", "hypothetical"),
    ("Lawmakers urged the government to release the journalists.", "REQUEST", "asserted"),
    ("The opposition demanded tougher sanctions on the regime.", "SANCTION", "hypothetical"),  # the noun asked for
    ("The opposition demanded tougher sanctions on the regime.", "REQUEST", "asserted"),
    ("The group claimed responsibility for the bombing of the bridge.", "ASSAULT", "asserted"),
    ("The two sides agreed to withdraw their forces.", "AGREE", "future"),  # a future RETREAT (as the gold sets)
    ("Reporters accused of spying were freed by the junta.", "RETREAT", "asserted"),  # the spying is claimed
    ("The leader called for protests next week and accused the president of fraud.", "ACCUSE", "asserted"),
    ("Germany proposed peace talks with the rebels.", "CONSULT", "hypothetical"),
    ("The army said it killed 30 militants, a claim that could not be independently verified.", "ASSAULT", "claimed"),
    ("Israel said it would not attend the talks in Cairo.", "REJECT", "asserted"),  # a refusal to meet happened
    ("The ministers discussed sanctions against Iran.", "SANCTION", "hypothetical"),  # a topic, not a deed
    ("Slovenia endorsed the invasion of Iraq.", "ASSAULT", "asserted"),  # a real event that was endorsed
])
def test_status(text, event_type, status):
    assert statuses(text)[event_type] == status


def test_a_condition_does_not_reach_past_its_comma():
    # "if" governs "talks fail", not the main clause; the main clause's own modal decides.
    # The main clause is a future attack, which PLOVER codes as the threat it is (see status.announced).
    assert statuses("If talks collapse, rebels will attack the town.") == {"THREATEN": "future"}


def test_a_claim_verb_in_the_attribution_makes_the_event_claimed():
    text = "Government troops killed 40 fighters, the rebels claimed."
    att = Attribution("the rebels claimed", text.index("the rebels"), len(text) - 1)
    assert statuses(text, att)["ASSAULT"] == "claimed"


def test_cues_are_found_longest_first():
    kinds = [k for _, _, k in find_cues(tokenize("They said it would not happen"))]
    assert kinds == ["future", "negated"]


@pytest.mark.parametrize("text,expected", [
    ("The rebels said they will release the hostages.", {"AGREE": "future"}),  # a future RETREAT (gold sets)
    ("The United Nations will provide food aid to the refugees.", {"AGREE": "future"}),
    ("France will not lift the ban on British beef.", {"REJECT": "asserted"}),
    ("The teachers said they will not end the strike.", {"REJECT": "asserted"}),
    ("The government will extend the curfew in the capital.", {"THREATEN": "future"}),
    ("The two ministers will meet on Monday.", {"AGREE": "future"}),  # manual: future meetings are AGREE
    ("Beijing will host the meeting of the ministers.", {"AGREE": "future"}),  # the noun is the verb's event
    ("Washington is expected to impose new tariffs.", {"SANCTION": "future"}),  # a forecast, not an announcement
    ("Analysts expect that the army could release the prisoners.", {"RETREAT": "hypothetical"}),
])
def test_future_material_acts_take_the_manuals_category(text, expected):
    assert statuses(text) == expected


def test_announcing_cues_are_future_cues_read_from_the_file():
    from flashpoint.extract.status import announcing, cues

    assert {"will", "vowed to"} <= announcing()
    assert all(cues().get(tuple(phrase.split())) == "future" for phrase in announcing())


def test_time_power_and_permission_to_act_are_not_acts():
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    def statuses(text: str) -> list[str]:
        story = story_from_text(text, date="2002-03-05")
        return [e.status for e in Pipeline(model="rules").events(story) if e.event_type == "COERCE"]

    assert statuses("the court granted the police 20 days to arrest the chairman.") == ["hypothetical"]
    assert statuses("they are finding it difficult to arrest them.") == ["hypothetical"]
    assert statuses("the sections allow the police to arrest anyone.") == ["hypothetical"]
    assert statuses("police arrested 12 people on monday.") == ["asserted"]


def test_an_attempt_governs_its_own_verb_only():
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    story = story_from_text("about 17 men who tried to sneak into the town were arrested on sunday.", date="2002-03-05")
    assert [e.status for e in Pipeline(model="rules").events(story) if e.event_type == "COERCE"] == ["asserted"]


@pytest.mark.parametrize("text, event_type, status", [
    # a charge is an accusation: the attack it names is claimed; the charging itself happened
    ("The driver was charged with murder in the stabbing of a shop owner.", "ASSAULT", "claimed"),
    ("The driver was charged with murder in the stabbing of a shop owner.", "ACCUSE", "asserted"),
    ("Police arrested the nephew on suspicion of assault.", "ASSAULT", "claimed"),
    ("The neighbour will face murder charges, the prosecutor said.", "ASSAULT", "claimed"),
    # a future act of an authority that the subject undergoes is no threat of the subject's
    ("The suspect will remain in jail until the hearing.", "COERCE", "future"),
    ("The two men will be arrested when they land, the minister said.", "COERCE", "future"),
    # a doubt about a given event's nature leaves the event given
    ("It is unclear whether the stabbing was intentional.", "ASSAULT", "asserted"),
    ("Relatives asked whether or not the shooting was an accident.", "ASSAULT", "asserted"),
    # a past verb in a relative clause keeps its own tense
    ("The cabinet would retaliate against states that expelled its envoys.", "SANCTION", "asserted"),
    # a full stop after an abbreviation ends no clause
    ("Moscow will shut the consulate in St. Petersburg and expel its staff.", "THREATEN", "future"),
    ("The students wrote a letter calling for a condemnation of the minister.", "ACCUSE", "hypothetical"),
    ("The campaign showed its power, not just in organising rallies but in raising money.", "PROTEST", "asserted"),
])
def test_charges_undergone_acts_and_given_events(text, event_type, status):
    assert statuses(text).get(event_type) == status


def test_the_accused_actor_of_an_arrest_makes_the_attack_claimed():
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    text = "Police arrested Tom Reed in a stabbing that wounded his neighbour on Friday."
    events = Pipeline(model="rules").events(story_from_text(text, date="2024-03-04"))
    got = {(e.event_type, e.status, tuple(a.text for a in e.actor)) for e in events}
    assert ("COERCE", "asserted", ("Police",)) in got
    assert any(t == "ASSAULT" and status == "claimed" and "Tom Reed" in actor for t, status, actor in got)


@pytest.mark.parametrize("text", [
    "The boy often visited his uncle's farm in the summer.",
    "The mayor usually meets the council leaders on Mondays.",
    "The committee, which provides funding for the shelter, has a new chair.",
])
def test_habitual_and_generic_acts_give_no_record(text):
    first = "A man was hurt in a fight on Main Street."
    story = Story(id="s", text=first + " " + text, sentences=[Sentence(first, 0, 0), Sentence(text, 1, len(first) + 1)])
    EventStage()(story)
    assert story.sentences[1].events
    StatusStage()(story)
    assert story.sentences[1].events == []
    assert any("dropped" in n for n in story.sentences[1].notes)


def test_a_pattern_of_repression_is_kept():
    # event data keeps reported patterns of attacks and detentions (the PLOVER gold codes "soldiers routinely beat up
    # detainees" as ASSAULT)
    assert statuses("Soldiers routinely beat detainees at the camp, the court was told.").get("ASSAULT") is not None
    assert statuses("Officers routinely detain young men at the checkpoint.").get("COERCE") == "asserted"


def test_a_habitual_statement_of_support_is_still_a_statement():
    assert statuses("The ministry always supports the peace efforts of the envoy.").get("SUPPORT") == "asserted"


def test_every_attack_of_a_charging_sentence_is_the_one_charged():
    text = ("The nephew was charged with murder in the death of a man who was stabbed on Sunday and attempted "
            "murder in the stabbing of his wife.")
    assert set(_all_statuses(text, "ASSAULT")) == {"claimed"}


def _all_statuses(text: str, event_type: str) -> list[str]:
    sentence = Sentence(text, 0, 0)
    story = Story(id="s", text=text, sentences=[sentence])
    EventStage()(story)
    StatusStage()(story)
    return [e.status for e in sentence.events if e.event_type == event_type]


@pytest.mark.parametrize("text, status", [
    ("The guard will not face charges in connection with the stabbing, police said.", "asserted"),
    ("The driver was acquitted of murder in the stabbing of a clerk.", "claimed"),
])
def test_a_charge_denied_leaves_the_attack_given_and_an_acquittal_is_of_a_claim(text, status):
    assert set(_all_statuses(text, "ASSAULT")) == {status}


@pytest.mark.parametrize("text, dropped", [
    ("The director of the board, an independent panel that investigates complaints, spoke on Monday.", True),
    ("The minister said that attacks continue in the north of the country.", False),
])
def test_that_describing_a_noun_is_generic_but_a_reported_clause_is_not(text, dropped):
    first = "A man was hurt in a fight on Main Street."
    story = Story(id="s", text=first + " " + text, sentences=[Sentence(first, 0, 0), Sentence(text, 1, len(first) + 1)])
    EventStage()(story)
    before = len(story.sentences[1].events)
    assert before
    StatusStage()(story)
    assert (len(story.sentences[1].events) < before) == dropped


def _coded(text: str) -> list:
    """Every record of a whole story, coded by the rules pipeline."""
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    return Pipeline(model="rules").events(story_from_text(text, date="2024-05-06"))


@pytest.mark.parametrize("text, event_type, status", [
    # an act done in place of another is not done
    ("The council, instead of welcoming the offer, tried to block the process.", "SUPPORT", "negated"),
    ("Officers chose to talk to the crowd rather than arrest the organisers.", "COERCE", "negated"),
    # "likely to" reaches the noun its verb governs, as a modal does
    ("The governor is likely to convene an emergency meeting shortly.", "CONSULT", "hypothetical"),
    # a programme announced is to come
    ("The union announced a programme to take out a march next month.", "PROTEST", "future"),
    # a noun sought is asked for
    ("The mayor sought the support of the provincial council.", "SUPPORT", "hypothetical"),
    # a degree of murder names a charge
    ("The judge said the charge had been upgraded to second-degree murder.", "ASSAULT", "claimed"),
])
def test_second_round_cues(text, event_type, status):
    assert statuses(text)[event_type] == status


@pytest.mark.parametrize("text", [
    "Another child was in the house during the shooting and was not hurt.",
    "Detectives are investigating the shooting and say they have not ruled out a second gunman.",
    "The man arrested in the shooting will appear in court on Monday.",
])
def test_the_verb_after_a_prepositional_or_coordinated_noun_is_not_its_own(text):
    assert statuses(text)["ASSAULT"] in {"asserted", "claimed"}


def test_a_subject_noun_still_takes_the_modal_after_it():
    assert statuses("Fighting could resume within days, officials said.")["ASSAULT"] == "hypothetical"


def test_a_noun_joined_to_a_requested_noun_is_requested_too():
    text = "The protesters demanded a ban on the militia and arrest of its commanders."
    assert set(_all_statuses(text, "COERCE")) == {"hypothetical"}


def test_a_denial_does_not_reach_into_a_new_report():
    text = ("A spokesman denied the charges and said that, when the riot broke out, the governor had issued an "
            "appeal for calm.")
    assert statuses(text)["REQUEST"] == "asserted"
    assert statuses("The minister denied that police had fired on the marchers.")["ASSAULT"] == "negated"


def test_an_acquittal_leaves_the_attack_claimed():
    text = "A jury acquitted Dale Ortmann of murder in the 2019 stabbing of a shopkeeper."
    assert set(_all_statuses(text, "ASSAULT")) == {"claimed"}


def test_the_one_police_name_as_the_shooter_is_accused():
    records = _coded("A man was shot and killed outside a bar on Elm Street on Saturday night, police said. "
                     "Investigators identified the suspect as Carl Ruizman, who shot the clerk during the robbery.")
    by_sentence = {e.sentence_index: e for e in records if e.event_type == "ASSAULT"}
    assert by_sentence[0].status == "asserted"
    assert by_sentence[1].status == "claimed"


@pytest.mark.parametrize("text, dropped", [
    ("Paramedics tended to the victims and carried them to ambulances.", False),
    ("Volunteers often visited the camp.", True),
])
def test_tending_to_someone_is_no_habit(text, dropped):
    from flashpoint.extract.status import find_cues

    kinds = {k for _, _, k in find_cues(tokenize(text))}
    assert ("habitual" in kinds) == dropped


def test_a_full_stop_after_any_listed_abbreviation_ends_no_clause():
    text = "The ministry will close the consulate on Kenyon Ave. in the capital and expel its diplomats."
    assert statuses(text)["THREATEN"] == "future"
    text = "Gen. Ortiz will close the base off Calif. Route 9 and expel its officers."
    assert statuses(text)["THREATEN"] == "future"


@pytest.mark.parametrize("text, event_type, status", [
    # an event that is a topic verb's object is given
    ("The state bureau will review the killing of the teenager.", "ASSAULT", "asserted"),
    ("Officials could not explain the attack on the convoy.", "ASSAULT", "asserted"),
    ("The government refused to hold talks with the rebels.", "CONSULT", "negated"),  # an act verb: still governed
    # a hedge on the kind of event or on what is said of it, not on the event
    ("This may be a drug-related shooting, police said.", "ASSAULT", "asserted"),
    ("There could be protests in the capital next week.", "PROTEST", "hypothetical"),
    ("The shooting could stem from an argument over money.", "ASSAULT", "asserted"),
    ("The attack may have been carried out by a lone gunman.", "ASSAULT", "asserted"),
    ("Protests could be held in the capital next month.", "PROTEST", "hypothetical"),
    # a plea is no request; told to act is asked to act, told that reports
    ("Dale Ortmann, 29, pleaded guilty to charges of third-degree murder.", "ASSAULT", "claimed"),
    ("A text message told him to come outside and fight.", "ASSAULT", "hypothetical"),
    ("The officer told reporters that police fired tear gas at the crowd.", "ASSAULT", "asserted"),
])
def test_topics_kinds_pleas_and_orders(text, event_type, status):
    assert statuses(text)[event_type] == status


def test_a_modal_does_not_reach_into_a_complement_clause():
    text = "I would like to note that following the visit of the president, the two sides signed an accord."
    assert statuses(text)["CONSULT"] == "asserted"
    assert statuses("The minister will say that police fired on the crowd.")["ASSAULT"] == "asserted"


def test_a_term_to_be_served_is_no_threat():
    sentence = Sentence("The father will spend two years in prison for leaving a loaded gun out.", 0, 0)
    story = Story(id="s", text=sentence.text, sentences=[sentence])
    EventStage()(story)
    StatusStage()(story)
    assert [(e.event_type, e.status) for e in sentence.events] == [("COERCE", "future")]


@pytest.mark.parametrize("text, event_type, status", [
    # a kind denied, not the event
    ("Police said this was not a drive-by shooting.", "ASSAULT", "asserted"),
    ("It was not a protest, the mayor said.", "PROTEST", "negated"),
    # a role describes, it reports nothing done
    ("Their role is to defuse tension and support victims.", "SUPPORT", "hypothetical"),
    # "May" the month is no modal
    ("On May 7 the men shot four people outside a shop.", "ASSAULT", "asserted"),
    ("Gunmen may have shot four people outside a shop.", "ASSAULT", "hypothetical"),
])
def test_kinds_roles_and_the_month_may(text, event_type, status):
    assert statuses(text)[event_type] == status


@pytest.mark.parametrize("att_text, status", [
    ("According to the indictment", "claimed"),
    ("prosecutors said", "claimed"),
    ("police said", "asserted"),
])
def test_a_charging_document_or_a_prosecutor_is_a_claim(att_text, status):
    text = f"{att_text}, the men shot four people outside a shop."
    attribution = Attribution(att_text, 0, len(att_text))
    assert statuses(text, attribution)["ASSAULT"] == status


def test_an_event_inside_the_attribution_is_not_its_report():
    text = "Oconee shooting claims one man's life."
    attribution = Attribution("Oconee shooting claims", 0, len("Oconee shooting claims"))
    assert statuses(text, attribution)["ASSAULT"] == "asserted"


@pytest.mark.parametrize("text, event_type, status", [
    ("Police are still trying to piece together what led to a shooting on Sunday.", "ASSAULT", "asserted"),
    ("\"I didn't know anybody got shot until we came outside,\" a resident said.", "ASSAULT", "asserted"),
    ("Police do not expect more arrests.", "COERCE", "negated"),
    ("Detectives have charged Louie Forney, 22, in connection to the shooting.", "ASSAULT", "claimed"),
    ("Detectives identified Forney as a suspect in the shooting.", "ASSAULT", "claimed"),
])
def test_indirect_questions_knowing_and_suspects(text, event_type, status):
    assert statuses(text)[event_type] == status
