"""Sentence and paragraph splitting on news text, and the `sentences` stage's skip marks."""

from __future__ import annotations

import pytest

from flashpoint.records import Story
from flashpoint.text.sentences import (
    MAX_SENTENCE_CHARS,
    SentenceStage,
    is_dateline,
    paragraph_spans,
    skip_reason,
    split_sentences,
)


def sents(text: str) -> list[str]:
    spans = split_sentences(text)
    for s, e in spans:  # offsets slice back to stripped, ordered, non-overlapping text
        assert text[s:e] == text[s:e].strip() and text[s:e]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    # nothing but whitespace is lost between spans
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
    return [text[s:e] for s, e in spans]


# ---------------------------------------------------------------------------------------------- datelines


def test_reuters_dateline_stays_in_first_sentence():
    text = "KANO, June 9 (Reuters) - Gunmen abducted 14 farmers near the border on Tuesday. Police gave chase."
    assert sents(text) == [
        "KANO, June 9 (Reuters) - Gunmen abducted 14 farmers near the border on Tuesday.",
        "Police gave chase.",
    ]


def test_dateline_with_periods_is_not_split():
    text = "ST. PAUL, Minn. (AP) — Two officers were hurt in a crash. A driver fled."
    assert sents(text) == ["ST. PAUL, Minn. (AP) — Two officers were hurt in a crash.", "A driver fled."]


def test_dateline_on_its_own_line_is_not_a_sentence():
    text = "LIMA —\nProtesters blocked a highway on Monday."
    assert sents(text) == [text]
    assert sents("OTTAWA — The minister resigned.") == ["OTTAWA — The minister resigned."]


def test_is_dateline():
    assert is_dateline("NAIROBI, Kenya (AP) —")
    assert is_dateline("Berlin (dpa) -")
    assert not is_dateline("Police fired tear gas.")
    assert not is_dateline("NAIROBI — Police fired tear gas.")


# ---------------------------------------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and U.K. envoys met U.N. officials in Geneva on Friday.",
        "Gen. Amina Yusuf and Sen. Paul Ortiz spoke with Rep. Carol Lee.",
        "Lt. Col. Dan Moss, Maj. Ruth Kim, Capt. Ali Noor and Sgt. Tom Bell were decorated.",
        "Dr. Lena Fox, Mr. Hal Ames, Mrs. Ida Cole and Ms. Joy Park arrived in St. Louis.",
        "The talks were held on Jan. 4, Feb. 9, Aug. 12, Sept. 3, Oct. 1, Nov. 30 and Dec. 24.",
        "Resolution No. 2231 passed with 14 votes.",
        "Acme Inc. and Borland Corp. sued Delta Ltd. and Hart Co. over the deal.",
        "Martin Luther King Jr. visited the town.",
        "The case Smith vs. Jones, e.g. the appeal, i.e. the second ruling, was heard.",
        "A court in the state named J. Smith and A. B. Jones as defendants.",
        "Pastor C. A. Deckard led the vigil.",
        "Troops fired at 3 p.m. Saturday near the market.",
        "Inflation rose to 3.5 percent and the deficit reached $4.2 billion, or 1.5 million euros.",
        "Maj.-Gen. Odhiambo inspected the base.",
    ],
)
def test_abbreviations_do_not_split(text):
    assert sents(text) == [text]


def test_ambiguous_abbreviation_ends_sentence_before_a_starter():
    assert sents("Sanctions were imposed by the U.S. The move angered Moscow.") == [
        "Sanctions were imposed by the U.S.", "The move angered Moscow.",
    ]
    assert sents("The shares belong to Acme Inc. They were sold.") == [
        "The shares belong to Acme Inc.", "They were sold.",
    ]


def test_time_then_new_sentence_with_starter():
    assert sents("Shots were fired at 11 p.m. He died at the scene.") == [
        "Shots were fired at 11 p.m.", "He died at the scene.",
    ]


def test_number_abbreviation_breaks_before_words():
    assert sents("The vote went against resolution No. The council adjourned.") == [
        "The vote went against resolution No.", "The council adjourned.",
    ]


# ---------------------------------------------------------------------------------------------- punctuation


def test_quote_with_comma_is_one_sentence():
    assert sents('"We will not leave," he said.') == ['"We will not leave," he said.']


def test_sentence_ending_inside_closing_quote():
    text = 'The farmer said: "We will not leave." The soldiers withdrew.'
    assert sents(text) == ['The farmer said: "We will not leave."', "The soldiers withdrew."]
    text = "She said: “They burned the market.” Officials denied it."
    assert sents(text) == ["She said: “They burned the market.”", "Officials denied it."]


def test_quotation_with_its_speaker_stays_one_sentence():
    text = '"The road is closed. Nobody can pass," the mayor said. Traffic backed up for miles.'
    assert sents(text) == ['"The road is closed. Nobody can pass," the mayor said.', "Traffic backed up for miles."]
    text = "The minister said: “We will respond. Our patience is over.” Troops massed at the border."
    assert sents(text) == [
        "The minister said: “We will respond. Our patience is over.”", "Troops massed at the border.",
    ]
    assert sents('"Run!" Ortega shouted. The crowd scattered.') == ['"Run!" Ortega shouted.', "The crowd scattered."]


def test_quotation_without_speaker_is_split():
    text = '"The road is closed. Nobody can pass." Traffic backed up.'
    assert sents(text) == ['"The road is closed.', 'Nobody can pass."', "Traffic backed up."]


def test_clock_times():
    assert sents("Shots rang out at 2 a.m. Tuesday near the bar. Officers found a body at 4 p.m. GMT.") == [
        "Shots rang out at 2 a.m. Tuesday near the bar.", "Officers found a body at 4 p.m. GMT.",
    ]
    assert sents("The blast came at 10 a.m. Rescuers arrived an hour later.") == [
        "The blast came at 10 a.m.", "Rescuers arrived an hour later.",
    ]


def test_saint_and_street():
    assert sents("Protesters marched in St. Louis on Sunday.") == ["Protesters marched in St. Louis on Sunday."]
    assert sents("The shop stood on Main St. The owner fled.") == ["The shop stood on Main St.", "The owner fled."]


def test_question_and_exclamation_marks():
    assert sents('"Where are our sons?" the mothers asked. Nobody answered!  Then the rain came?') == [
        '"Where are our sons?" the mothers asked.', "Nobody answered!", "Then the rain came?",
    ]


def test_ellipsis():
    assert sents("The convoy stopped... Then it turned back.") == ["The convoy stopped...", "Then it turned back."]
    assert sents("The convoy stopped … and turned back.") == ["The convoy stopped … and turned back."]


def test_lower_case_after_period_does_not_split():
    assert sents("He earned a Ph.D. in economics at the university.") == [
        "He earned a Ph.D. in economics at the university."
    ]


def test_numbered_item_at_start():
    assert sents("1. The rebels must disarm.") == ["1. The rebels must disarm."]


def test_plain_sentences():
    text = "Rebels seized the town. Government troops retreated to the river. Two civilians died."
    assert len(sents(text)) == 3


# ---------------------------------------------------------------------------------------------- lines


def test_headline_line_is_its_own_sentence():
    text = "Rebels seize northern town\nRebels seized the town of Kidal on Sunday, residents said."
    assert sents(text) == ["Rebels seize northern town", "Rebels seized the town of Kidal on Sunday, residents said."]


def test_hard_wrapped_lines_are_not_split():
    text = (
        "Protesters gathered outside the ministry of\n"
        "finance on Monday, demanding the release of\n"
        "Ahmed Salem, a union leader arrested last week\n"
        "during a strike."
    )
    assert sents(text) == [text]


def test_line_ending_in_function_word_is_not_a_headline():
    assert len(sents("The army said that the\nGovernment had fallen.")) == 1


def test_long_run_is_capped():
    text = " ".join(["word"] * 1500)
    spans = split_sentences(text)
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert sents(text)  # and coverage holds


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_abbreviations_titles_and_times_do_not_split():
    """Speed is measured in bench/bench_speed.py, never asserted here; this keeps the abbreviation-heavy text."""
    text = (
        "KANO, June 9 (Reuters) - Gunmen abducted 14 farmers near the border on Tuesday, the U.N. said. "
        "Police gave chase, said Lt. Col. Ado Bako. \"We will find them,\" he said. Troops arrived at 3 p.m. "
        "The governor, Dr. Ali Sani, met Gen. Musa on Jan. 5. Talks with Acme Inc. resumed. Nobody was hurt."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 7
    assert any("said Lt. Col. Ado Bako." in text[a:b] for a, b in sentences)


# ---------------------------------------------------------------------------------------------- paragraphs


def test_paragraph_spans_blocks_and_headline():
    text = "Floods hit coastal towns\nHeavy rain flooded three towns on Friday.\n\nRescuers reached the area.\n"
    paras = paragraph_spans(text)
    assert [text[s:e] for s, e in paras] == [
        "Floods hit coastal towns", "Heavy rain flooded three towns on Friday.", "Rescuers reached the area.",
    ]


def test_paragraph_spans_single_newlines_and_wrapping():
    text = "One paragraph here.\nA second paragraph that wraps\nonto another line.\nA third."
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "One paragraph here.", "A second paragraph that wraps\nonto another line.", "A third.",
    ]


def test_dateline_paragraph_joins_the_next():
    text = "HARARE —\n\nPolice arrested an opposition leader on Monday.\n\nHe denied the charges."
    paras = paragraph_spans(text)
    assert [text[s:e] for s, e in paras] == [
        "HARARE —\n\nPolice arrested an opposition leader on Monday.", "He denied the charges.",
    ]
    assert sents(text[paras[0][0]:paras[0][1]]) == ["HARARE —\n\nPolice arrested an opposition leader on Monday."]


# ---------------------------------------------------------------------------------------------- skip reasons


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Photo: AFP", "photo credit"),
        ("(Reuters Photo)", "photo credit"),
        ("Soldiers patrol a street in the capital. Getty Images", "photo credit"),
        ("File photo", "photo credit"),
        ("Image caption Residents fled the fighting", "photo credit"),
        ("© 2023", "photo credit"),
        ("Credit: Jane Roe/Example Agency", "photo credit"),
        ("Firefighters at the scene (AP Photo/Sam Doe)", "photo credit"),
        ("By John Smith", "byline"),
        ("By JANE ROE and Ali Hassan, Reuters", "byline"),
        ("Reporting by Ana Lima; Editing by Tom Reed", "byline"),
        ("Read more: Fuel protests spread to the north", "teaser"),
        ("Related: Ceasefire talks stall", "teaser"),
        ("Sign up for our newsletter", "teaser"),
        ("Click here to watch the video", "teaser"),
        ("2:14 Mayor speaks after downtown shooting Pause", "teaser"),
        ("Related Coverage Two men wounded in parking lot shooting", "teaser"),
        ("Advertisement", "boilerplate"),
        ("Share this article", "boilerplate"),
        ("Copyright 2023 Example News. All rights reserved.", "boilerplate"),
        ("Updated: 10:42 a.m. GMT, March 3", "boilerplate"),
        ("———", "no words"),
    ],
)
def test_skip_reasons(sentence, reason):
    found = skip_reason(sentence, len(sentence))
    assert found is not None and found[0] == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "By Tuesday, troops had withdrawn from the town.",
        "By nightfall the rebels controlled the airport.",
        "A photo released by the army showed the damaged bridge.",
        "Police said the images had been shared widely.",
        "Published on Monday, the report said 40 people died.",
        "Related talks between the two sides resumed in Doha.",
        "Readers of the newspaper protested outside its office.",
        "The credit union said it would close two branches.",
        "Advertisement revenue fell by 20 percent.",
        "9:40 p.m. Officers reached the house and found the man wounded.",
        "10:15 Saturday night, a neighbour called police.",
    ],
)
def test_news_sentences_are_not_skipped(sentence):
    assert skip_reason(sentence, len(sentence)) is None


def _story(*paragraphs: str) -> Story:
    return Story(id="t", text="\n\n".join(paragraphs))


def test_stage_splits_and_offsets():
    story = _story(
        "Rebels seize northern town",
        "BAMAKO (Reuters) - Rebels seized the town on Sunday. The army said it would retake it.",
        "Residents fled south.",
    )
    SentenceStage()(story)
    texts = [s.text for s in story.sentences]
    assert texts == [
        "Rebels seize northern town",
        "BAMAKO (Reuters) - Rebels seized the town on Sunday.",
        "The army said it would retake it.",
        "Residents fled south.",
    ]
    assert [s.index for s in story.sentences] == [0, 1, 2, 3]
    assert [s.paragraph for s in story.sentences] == [0, 1, 1, 2]
    for s in story.sentences:
        assert story.text[s.start:s.start + len(s.text)] == s.text
        assert s.skip is None
    assert story.paragraphs  # filled in when missing


def test_stage_caption_paragraph_is_skipped_whole():
    story = _story(
        "Troops fired on protesters in the capital on Friday.",
        "Protesters run from tear gas near the stadium. Photo: AFP",
        "Twelve people were hurt.",
    )
    SentenceStage()(story)
    skips = [(s.text, s.skip) for s in story.sentences]
    assert skips == [
        ("Troops fired on protesters in the capital on Friday.", None),
        ("Protesters run from tear gas near the stadium.", "photo credit"),
        ("Photo: AFP", "photo credit"),
        ("Twelve people were hurt.", None),
    ]
    assert story.sentences[1].notes and "photo credit" in story.sentences[1].notes[0]


def test_stage_teaser_skips_rest_of_paragraph_only():
    story = _story("Police arrested 30 people. Read more: Riots spread. Troops clash with students.")
    SentenceStage()(story)
    assert [s.skip for s in story.sentences] == [None, "teaser", "teaser"]


def test_stage_byline_line_above_body_skips_only_itself():
    story = Story(id="t", text="By Jane Roe\nSoldiers shot dead two men at a checkpoint, witnesses said.")
    SentenceStage()(story)
    assert [(s.text, s.skip) for s in story.sentences] == [
        ("By Jane Roe", "byline"),
        ("Soldiers shot dead two men at a checkpoint, witnesses said.", None),
    ]


def test_stage_uses_given_paragraphs():
    text = "Alpha beta. Gamma delta.  Epsilon."
    story = Story(id="t", text=text, paragraphs=[(0, 24), (26, 34)])
    SentenceStage()(story)
    assert [(s.text, s.paragraph, s.start) for s in story.sentences] == [
        ("Alpha beta.", 0, 0), ("Gamma delta.", 0, 12), ("Epsilon.", 1, 26),
    ]
    assert SentenceStage.name == "sentences"


def test_lower_cased_text_is_split_without_capitals():
    from flashpoint.text.sentences import is_caseless

    text = ("surat: police said here on wednesday. earlier, over 50 persons were arrested, police said. "
            "dr. patel and lt. gen. singh met at 7.00 am. the curfew was relaxed.")
    assert is_caseless(text)
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "surat: police said here on wednesday.",
        "earlier, over 50 persons were arrested, police said.",
        "dr. patel and lt. gen. singh met at 7.00 am.",
        "the curfew was relaxed.",
    ]


def test_all_caps_text_is_split():
    text = "POLICE FIRED TEAR GAS ON MONDAY. GEN. SMITH SAID THE CROWD FLED. THE CURFEW HOLDS."
    assert len(split_sentences(text)) == 3


def test_ordinary_words_are_no_abbreviations_without_capitals():
    text = "the leader fell ill. police arrested two men."
    assert len(split_sentences(text)) == 2


def test_normal_text_is_not_caseless():
    from flashpoint.text.sentences import is_caseless

    assert not is_caseless("Police fired tear gas in Nairobi on Tuesday. The crowd fled, witnesses said.")


def test_fused_sentences_are_cut_but_not_web_addresses():
    text = "Police fired.The crowd fled. See timesofindia.com for more.it was calm."
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got[:2] == ["Police fired.", "The crowd fled."]
    assert any("timesofindia.com" in g for g in got)
    lower = "police fired.the crowd fled to www.example.com and story.cms pages."
    assert [lower[s:e] for s, e in split_sentences(lower)] == [
        "police fired.", "the crowd fled to www.example.com and story.cms pages."]


def test_archive_page_furniture_is_skipped():
    from flashpoint.text.readers import story_from_text

    text = ("This story is from March 10, 2002\n\nsurat: police fired. related stories\u00c2 modi visits riot-hit "
            "areas \u00c2 police reports name vhp\n\nFacebook Twitter Linkedin Mail")
    story = SentenceStage()(story_from_text(text))
    skips = [(s.text[:20], s.skip) for s in story.sentences]
    assert skips == [("This story is from M", "boilerplate"), ("surat: police fired.", None),
                     ("related stories\xa0modi", "teaser"), ("Facebook Twitter Lin", "boilerplate")]


def test_sign_in_and_comment_forms_are_skipped_but_not_an_agreement_in_the_story():
    from flashpoint.text.readers import story_from_text

    text = ("Two men were wounded on Elm Street on Friday.\n\nBy creating an account, you agree to our Terms of Use "
            "and Privacy Policy.\n\nWe invite readers to use our comment section to share their views.\n\n"
            "The council agreed to the new terms of the lease.")
    story = SentenceStage()(story_from_text(text))
    assert [s.skip for s in story.sentences] == [None, "boilerplate", "boilerplate", None]


def test_repeated_sentences_are_coded_once_and_explained():
    from flashpoint.explain import explain_story
    from flashpoint.text.readers import story_from_text

    lead = "Police fired tear gas at protesters in Nairobi on Monday, injuring 12 people."
    story = SentenceStage()(story_from_text(f"{lead}\n\nA protester runs. (Photo: Reuters)\n\n{lead}"))
    assert [s.skip for s in story.sentences] == [None, "photo credit", "photo credit", "repeated"]
    assert "skipped as repeated ('same as sentence 0')" in explain_story(story)


def test_numbered_gallery_captions_are_one_caption():
    from flashpoint.text.readers import story_from_text

    caption = "Firefighters search the ruins of the market where three traders died on Friday."
    text = "\n\n".join(f"Image {i} of 9 {caption} Photo: Ann Lee" for i in (1, 2, 3))
    story = SentenceStage()(story_from_text(text))
    kept = [s.text for s in story.sentences if s.skip is None]
    assert len(kept) == 1 and kept[0].endswith(caption)


def test_arrow_teasers_and_earlier_reports_are_skipped():
    from flashpoint.text.readers import story_from_text

    text = ("A woman was shot on Oak Street on Sunday.\n\n►Related: Man wounded in park shooting\n\n"
            "PREVIOUS: The woman was in critical condition at the hospital.\n\nEarlier, police closed the road.")
    story = SentenceStage()(story_from_text(text))
    assert [s.skip for s in story.sentences] == [None, "teaser", "teaser", None]


def test_a_story_printed_twice_is_coded_once_but_a_lone_repeat_in_the_body_is_kept():
    from flashpoint.text.readers import story_from_text

    lines = ["A man was shot outside a bar on Elm Street late on Friday, police said.",
             "He was taken to a hospital with wounds to his legs and is expected to recover.",
             "Officers found several shell casings in the parking lot behind the building.",
             "Witnesses told officers that two men had argued inside the bar before the shooting.",
             "The bar's owner said he would hand over the footage from his security cameras.",
             "Anyone with information is asked to call the detectives of the city police department at once.",
             "The owner of the bar said it would stay closed until the end of the week as a mark of respect."]
    body = " ".join(lines)
    assert len(body) > 500  # body text, not a caption
    story = SentenceStage()(story_from_text(f"{body}\n\nShare this story\n\n{body}"))
    skips = [s.skip for s in story.sentences]
    assert skips[:7] == [None] * 7 and skips[-7:] == ["repeated"] * 7
    lone = SentenceStage()(story_from_text(f"{body} {lines[0]} The police chief thanked the witnesses for their help."))
    assert [s.skip for s in lone.sentences] == [None] * 9


def test_a_caption_under_a_bracketed_credit_is_the_same_caption():
    from flashpoint.text.readers import story_from_text

    caption = "Two men are dead after the rifle they were cleaning went off in a garage."
    story = SentenceStage()(story_from_text(f"Image 4 of 9 {caption}\n\n(Metro Video) {caption}"))
    assert [s.skip for s in story.sentences] == [None, "repeated"]
