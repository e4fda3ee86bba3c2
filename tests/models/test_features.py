from flashpoint.models.features import features


def test_features_are_stable_ints():
    f1 = features("Troops shelled the village.", [(0, 6)], [(19, 26)])
    f2 = features("Troops shelled the village.", [(0, 6)], [(19, 26)])
    assert f1 and sorted(f1) == sorted(f2)
    assert all(isinstance(h, int) and 0 <= h < 2**32 for h in f1)


def test_features_depend_on_who_is_marked():
    text = "The minister met the ambassador on Monday."
    a = features(text, [(0, 12)], [(21, 35)])
    b = features(text, [(21, 35)], [(0, 12)])
    assert set(a) != set(b)


def test_features_of_empty_text():
    assert len(features("", [], [])) == 2  # only the presence flags
