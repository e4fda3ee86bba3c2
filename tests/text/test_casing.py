"""Names in text without capitals: recased for look-up unless they are ordinary words."""

from flashpoint.extract.actors import find_actors
from flashpoint.text.casing import name_casing, ordinary_words, recased


def test_ordinary_words_are_never_recased():
    assert {"may", "who", "us", "police"} <= ordinary_words()
    table = name_casing(["BJP", "Theresa May", "WHO", "US", "Ahmedabad"])
    assert table == {"bjp": "BJP", "theresa": "Theresa", "ahmedabad": "Ahmedabad"}
    assert recased(["the", "bjp", "may", "win"], {"BJP": 1, "May": 2}) == ["the", "BJP", "may", "win"]


def test_lower_cased_sentences_find_named_actors():
    lower = {(a.text, a.country) for a in find_actors("bjp workers attacked the office.")}
    cased = {(a.text.lower(), a.country) for a in find_actors("BJP workers attacked the office.")}
    assert lower == cased and lower
    assert not any(a.text == "us" for a in find_actors("it may rain, the us embassy said."))
