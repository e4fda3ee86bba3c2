"""Text repair: mojibake and entities fixed, clean text untouched, offsets mapped back to the input."""

from flashpoint.text.readers import story_from_text
from flashpoint.text.repair import repair, to_source


def test_mojibake_and_entities_are_repaired():
    r = repair("bjpâ€™s leader said â€œno.â€\x9d tom &amp; jerry")
    assert r.text == "bjp’s leader said “no.” tom & jerry"
    assert r.changed and r.steps


def test_clean_text_is_returned_as_is():
    for text in ("Police fired tear gas.", "Curly “quotes” and ’apostrophes’ stay.", "Café in Zürich"):
        r = repair(text)
        assert r.text == text and not r.changed


def test_offsets_map_back_to_the_input():
    source = "a â€œquoteâ€\x9d and police fired at the crowd"
    r = repair(source)
    at = r.text.index("police")
    assert source[r.to_source(at):r.to_source(at) + len("police")] == "police"
    assert to_source([], 5) == 5


def test_readers_repair_and_keep_the_edits():
    story = story_from_text("the vhpâ€™s rally. police fired.")
    assert story.text == "the vhp’s rally. police fired."
    assert story.extra["repair"]["edits"]
    assert story.id == story_from_text("the vhpâ€™s rally. police fired.").id


def test_jsonl_repairs_unless_the_caller_brings_offsets(tmp_path):
    import json

    from flashpoint.text.readers import read

    path = tmp_path / "in.jsonl"
    text = "the vhpâ€™s rally in surat."
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n"
                    + json.dumps({"id": "b", "text": text, "toponyms": [[20, 25]]}) + "\n", encoding="utf-8")
    a, b = [s for s in read(path)]
    assert a.text == "the vhp’s rally in surat." and "repair" in a.extra
    assert b.text == text and b.extra == {"toponyms": [[20, 25]]}
