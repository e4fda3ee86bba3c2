"""The people stage: person names as actor mentions, tracked across the story, and the roles they get."""

import pytest

import flashpoint
from flashpoint.extract.people import find_people, first_names, word_kinds
from flashpoint.pipeline import Pipeline
from flashpoint.text.readers import story_from_text


def people(text: str) -> list[tuple[str, str | None]]:
    """(mention text, resolved name) of the person mentions in a story, in order."""
    pipe = Pipeline(model="rules")
    story = story_from_text(text, date="2017-04-01")
    for stage in pipe.stages:
        if stage.name == "people":
            break
        story = stage(story)
    found = find_people(story)
    return [(a.text, a.name) for i in sorted(found) for a in found[i] if a.sector is None]


def roles(text: str, event_type: str = "ASSAULT") -> list[tuple[list[str], list[str]]]:
    return [([a.text for a in e.actor], [a.text for a in e.recipient])
            for e in flashpoint.code(text, date="2017-04-01", model="rules") if e.event_type == event_type]


def test_knowledge_files_load():
    assert {"Robin", "Jordan", "Mary"} <= first_names()
    assert "In" not in first_names() and "May" not in first_names()  # function words and months are left out
    assert "place" in word_kinds()["County"] and "honorific" in word_kinds()["Mrs"]


@pytest.mark.parametrize("text, name", [
    ("Upon arrival, deputies discovered Robin Lily, 49, with a single gunshot wound.", "Robin Lily"),  # first name
    ("When officers arrived, they found Avion Cymani Weaver, 4, with a wound.", "Avion Cymani Weaver"),  # age after
    ("Police arrested 17-year-old Kenerick Taylor on Tuesday.", "Kenerick Taylor"),  # age before
    ("The man was identified as Jericho Kobryn.", "Jericho Kobryn"),  # identification
    ("Mr Dunleavy spoke on Monday.", "Dunleavy"),  # honorific
    ("Jayden Norton was shot around midnight.", "Jayden Norton"),  # subject of a verb
    ("Police arrested 17-year-old Cashaan “Dink” Williams of Arnold.", "Cashaan Williams"),  # nickname
])
def test_names_with_evidence_are_people(text, name):
    assert name in [n for _, n in people(text)]


@pytest.mark.parametrize("text", [
    "Todd County authorities have charged a man.",  # a place word after the run
    "He was taken to Lehigh Valley Hospital on Monday.",
    "The shooting happened in Fort Worth on Monday.",
    "On Monday, Upon Arrival the officers waited.",
    "HPD has identified the men.",  # all capitals
])
def test_places_bodies_and_openers_are_not_people(text):
    assert people(text) == []


def test_a_surname_carries_the_full_name_through_the_story():
    found = people("Gina Williams, 48, was found on the porch. Williams had been shot once.")
    assert ("Williams", "Gina Williams") in found


def test_a_name_read_as_a_place_is_a_person():
    story = flashpoint.code("HPD identified the men as 17-year-old Jordan Coleman and Alfred Harris. Jordan Coleman "
                            "was shot in the chest.", date="2017-04-01", model="rules")
    shooting = next(e for e in story if e.event_type == "ASSAULT")
    assert [a.text for a in shooting.recipient] == ["Jordan Coleman"]
    assert shooting.location is None or shooting.location.country != "JOR"


@pytest.mark.parametrize("text, actor, recipient", [
    ("Williams was shot by his friend, 22-year-old Darell Meredith, on Saturday. Nygel Williams died.",
     ["Darell Meredith"], ["Williams"]),  # passive with a 'by' agent in apposition
    ("Police say Tom Reyes, 17, was shot on Friday.", [], ["Tom Reyes"]),  # the speaker is no recipient
    ("Upon arrival, deputies discovered Robin Lily, 49, with a single gunshot wound.", [], ["Robin Lily"]),
    ("Officer Ray said Devon Lofton, 7, accidentally shot himself at his home.", ["Devon Lofton"], ["Devon Lofton"]),
    ("Kenneth Murphy was charged on Tuesday with the shooting death of Christopher Rodriguez, 20.",
     ["Kenneth Murphy"], ["Christopher Rodriguez"]),  # the one charged is the act's actor
    ("Police arrested Demetrius McDonald in connection with the shooting.", ["Demetrius McDonald"], []),
    ("Journi Johnson was pronounced dead at St. Charles Hospital after being shot, police said.", [],
     ["Journi Johnson"]),  # a place before the trigger is no participant
    ("Julius Gray, 23, died after he was shot in a mobile home.", [], ["Julius Gray"]),  # pronoun subject
    ("Jarvis Porter, 34, Russell Brown, 32, and Quartermane Titus, 33, were shot in the legs.", [],
     ["Jarvis Porter", "Russell Brown", "Quartermane Titus"]),  # a list with ages
    ("No charges have been filed in Adam Malaby's shooting death.", [], ["Adam Malaby"]),  # possessor
    ("Police identified the victims of the shooting as Xacia Burnem, 18, and Kadejah Williams, 22.", [],
     ["Xacia Burnem", "Kadejah Williams"]),  # identified as
    ("Larry Zamora, 37, died of a self-inflicted gunshot wound on Monday.", ["Larry Zamora"], ["Larry Zamora"]),
    ("Police found Meghan Kerrigan, 22, and William Monroe, 21, fatally shot.", [],
     ["Meghan Kerrigan", "William Monroe"]),  # found shot
    ("Leonel Melendez, who was shot in the head, thanked his friends.", [], ["Leonel Melendez"]),  # relative who
])
def test_roles_of_named_people(text, actor, recipient):
    assert (actor, recipient) in roles(text)


def test_role_nouns_take_the_name_the_story_ties_to_them():
    events = flashpoint.code("A man was shot on Saturday. The victim, Sam Ortiz, 22, died. Officers identified the "
                             "suspect as 19-year-old Mark Dunn. The suspect was arrested on Sunday.",
                             date="2017-04-01", model="rules")
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert [(a.text, a.name) for a in arrest.recipient] == [("suspect", "Mark Dunn")]


@pytest.mark.parametrize("text, actor, recipient", [
    ("City police investigate a shooting in which a passenger shot the driver.", ["passenger"], ["driver"]),
    ("The president condemned the attack on Monday.", [], []),  # the condemner is not the attacker
])
def test_investigators_and_condemners_are_not_attackers(text, actor, recipient):
    assert (actor, recipient) in roles(text)


def test_a_whole_place_name_is_no_person():
    events = flashpoint.code("Rebels in the Ivory Coast on Tuesday blocked transport into Abidjan.", date="2003-01-07",
                             model="rules")
    assert events and all(a.text != "Ivory Coast" for e in events for a in e.actor + e.recipient)


@pytest.mark.parametrize("text, actor, recipient", [
    # lists of people with ages, home towns and semicolons
    ("Dana Whitfield, 40, of the Bronx, and Ronald Oakes, 44, of Queens, were killed.", [],
     ["Dana Whitfield", "Ronald Oakes"]),
    ("Police identified the men who were shot as Tobias Renner, 34, Ohio; Frank Delano, 33, Richmond; and Terry "
     "Vance, 23, Anderson.", [], ["Tobias Renner", "Frank Delano", "Terry Vance"]),
    # wounds and their holders
    ("Bianca Holt, 24, of Macon suffered a non-life threatening gunshot wound.", [], ["Bianca Holt"]),
    ("A fourth man, Eugene Rollins, had gunshot wounds to the head.", [], ["Eugene Rollins"]),
    ("Elijah Marsh, 27, was pronounced dead at the scene of the shooting.", [], ["Elijah Marsh"]),
    # a copula with a participle, dying when it happened
    ("Jeremy Talbot, 54, was the motorcyclist shot and killed early Sunday.", [], ["Jeremy Talbot"]),
    ("Police said Johnny Dale, 19, was one of the young men gunned down on the block.", [], ["Johnny Dale"]),
    ("Investigators say 39-year-old Roberto Jose died when a shooter began firing into a crowd.", ["shooter"],
     ["Roberto Jose", "crowd"]),
    # a relative clause's verb, and what the act left
    ("Detectives have no motive in the shooting that killed 31-year-old Brandon Waller.", [], ["Brandon Waller"]),
    ("It was the shooting that claimed the life of Demontris Tolbert.", [], ["Demontris Tolbert"]),
    # names a common noun stands for in its own sentence
    ("Ford allegedly killed three people -- Renee Bright, 30; Joshua Hagan, 31; and Brian Sadler, 44.", ["Ford"],
     ["Renee Bright", "Joshua Hagan", "Brian Sadler"]),
    ("Police have identified 25-year-old Michael Strand as the victim who was shot to death.", [], ["Michael Strand"]),
    ("The wounded man, 22-year-old Cameron Salas, was taken to a hospital.", [], ["Cameron Salas"]),
    ("Police say Anna Dorsey, 18, was an innocent victim in a drive-by shooting.", [], ["Anna Dorsey"]),
    ("Mary Tate was instead fatally gunned down by a gunman, Esteban Soto.", ["Esteban Soto"], ["Mary Tate"]),
    # the round that struck someone, what a shooting left, who the wounded were
    ("At some point the rifle accidentally discharged, striking Levi Jonas in the head.", [], ["Levi Jonas"]),
    ("The shooting left 45-year-old Ronaldo Pinto and his wife injured.", [], ["Ronaldo Pinto", "wife"]),
    ("The wounded included Shamar Bynes, 21, of Dover; and Ashley Adair, 16, of Hollis.", [],
     ["Shamar Bynes", "Ashley Adair"]),
    ("The men who were shot were Tom Hale and Bo Dunmore.", [], ["Tom Hale", "Bo Dunmore"]),
    # passives that say where the wound is, or what hit
    ("Tahmya Pell, 17, was hit in the legs and hip.", [], ["Tahmya Pell"]),
    ("The boy, Victor Hernan, had been hit by a stray bullet.", [], ["Victor Hernan"]),
    # long lists of the dead with kin nouns, possessors and "along with"
    ("Three siblings, Jerry Shell, 35, and Chana Powers, 25; their cousin, Tina Shell, 37; and friend Shada Mahon, "
     "26, died in the shooting.", [], ["Jerry Shell", "Chana Powers", "Tina Shell", "Shada Mahon"]),
    ("The guard killed his daughter, Kayla Walden; his girlfriend, Shantai Hale; and Hale's mother, Viola Warren, 62.",
     ["The guard"], ["Kayla Walden", "Shantai Hale", "Viola Warren"]),
    ("Jerry Shell, 35, was killed, along with her niece, Tina Shell, 37.", [], ["Jerry Shell", "Tina Shell"]),
    ("Anthony Estes, 25, was shot in the shoulder and Jose Marte, 34, was hit in the left leg.", [],
     ["Anthony Estes", "Jose Marte"]),
    ("Valerie Jacks, her husband and six children were shot.", [], ["Valerie Jacks", "husband", "children"]),
    ("Police said three people were shot, including Officer Scott Willis.", [], ["people", "Officer Scott Willis"]),
    ("The wounded officer, nine-year veteran Wade Irwin, was in serious condition.", [], ["Wade Irwin"]),
    ("The shooting suspect, 45-year-old Jason Dale, was charged on Monday.", ["Jason Dale"], []),
    # a participle after a comma with no object is passive; an active one keeps its subject
    ("Misty Moon, shot in the shoulder, survived.", [], ["Misty Moon"]),
    ("Tom Reyes, 25, shot and killed his wife.", ["Tom Reyes"], ["wife"]),
    ("Brent Tomlin, 43, was the first officer killed in the line of duty.", [], ["Brent Tomlin"]),
    ("Tyler Donald died from injuries sustained in the shooting.", [], ["Tyler Donald"]),
    ("Kenneth Ebb; his wife, Vicki Ebb; and Heidi Gust were sitting in a van when they were shot.", [],
     ["Kenneth Ebb", "Vicki Ebb", "Heidi Gust"]),  # "they" in a passive is the list before it
])
def test_roles_in_shooting_sentences(text, actor, recipient):
    assert (actor, recipient) in roles(text)


@pytest.mark.parametrize("text, noun", [
    ("A 10-year-old girl was shot on Tuesday.", "girl"),  # an age before the noun
    ("A 34-year-old Dayton man was killed.", "man"),  # a place before the noun is no name
    ("A Kansas woman started a hunger strike.", "woman"),
    ("A 17-year-old was shot.", "17-year-old"),  # the age stands for the person
    ("His best friend was shot.", "friend"),  # an adjective before the noun
])
def test_common_nouns_for_people_behind_ages_and_adjectives(text, noun):
    story = story_from_text(text, date="2017-04-01")
    story = Pipeline(model="rules")(story)
    assert noun in [a.text for a in story.sentences[0].actors]
    assert "Dayton" not in [a.text for a in story.sentences[0].actors]


def test_a_noun_describing_a_name_before_it_is_no_second_person():
    assert roles("Sam Ortega, a 17-year-old boy, was shot.") == [([], ["Sam Ortega"])]


def test_spelled_out_ages_are_no_part_of_the_name():
    assert ("Emarje Watts", "Emarje Watts") in people("Thirteen-year-old Emarje Watts was shot.")


@pytest.mark.parametrize("text, name", [
    ("Those hurt include Rockella Mott, who was shot in the foot.", "Rockella Mott"),  # a relative clause of harm
    ("Kelcii Flint, Willie Norman and Chris Chaney died.", "Kelcii Flint"),  # a list with a known name
    ("Police say April Dunaway, 18, was shot.", "April Dunaway"),  # a month that is a given name
])
def test_more_evidence_for_names(text, name):
    assert name in [n for _, n in people(text)]


def test_a_month_after_a_date_word_is_no_given_name():
    assert all("June" not in (n or "") for _, n in people("The shooting happened in June. Police arrested Tom Reyes."))


def test_local_actors_take_the_country_of_a_story_that_names_one_place():
    """A dateline alone says where the story is: its police and victims are local, not of no country."""
    story = flashpoint.code("JACKSONVILLE, Fla. - Police are investigating a shooting Sunday night in which three "
                            "people died.", date="2016-11-13", model="rules")
    roles = [a for e in story for a in (*e.actor, *e.recipient) if a.text in ("Police", "people")]
    assert roles and all(a.country == "USA" for a in roles)


def test_a_title_case_headline_verb_is_no_name_in_apposition_to_the_noun_before_it():
    # in title case "Girl" is capitalised like every word: the verb after it is not her name
    assert ("Shot", "Shot") not in people("Teen Girl Shot Near Bus Stop, Deputies Say\n\nThe girl is in hospital.")
    assert [e.trigger.text for e in flashpoint.code("Teen Girl Shot Near Bus Stop, Deputies Say", model="rules")
            if e.event_type == "ASSAULT"] == ["Shot"]
    # a lower-case noun before a name still makes it a person in apposition
    assert ("Gina Williams", "Gina Williams") in people("Deputies said his wife Gina Williams was not hurt.")


def test_a_possessor_after_the_act_is_not_the_one_it_struck():
    assert roles("Dean Karl Smith, 30, was arrested. A bullet went through the door and hit Smith's son in the leg.") \
        == [([], [])]
    assert roles("Ann Truitt, 40, grabbed the rifle, but the bullet went through a wall and hit her 9-year-old son.") \
        == [([], ["son"])]
    assert roles("Ann Truitt, 40, grabbed the rifle, and it went off, hitting her in the arm.")[-1][1] == ["Ann Truitt"]
    assert roles("The children were slain in their home, allegedly by Ann Green's husband, Tom Green, 40.") \
        == [(["Tom Green"], ["children"])]


@pytest.mark.parametrize("text, name", [
    ("Police said 3-year-old Acen King was shot in the back on Sunday.", "Acen King"),
    ("The toddler, 2-year-old Ava Bishop, was shot by her brother.", "Ava Bishop"),
])
def test_an_office_word_after_a_given_name_is_the_surname(text, name):
    assert roles(text)[0][1] == [name]


def test_an_office_before_a_name_stays_an_office():
    assert [a.name for e in flashpoint.code("Saudi King Salman condemned the attack.", model="rules")
            for a in e.actor] == ["King Salman"]
