

def test_named_waters_are_one_place():
    from flashpoint.extract.places import find_places

    (gulf,) = [p for p in find_places("A tanker was seized in the Gulf of Oman.")]
    assert gulf.text == "Gulf of Oman" and gulf.country is None
