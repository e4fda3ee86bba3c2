"""The shipped classifiers: load, predict on our own sentences, sane shapes and probabilities."""

import json

import pytest

from flashpoint import ontology
from flashpoint.models import WEIGHTS, Prediction, load

SENTENCES = [
    ("Rebels ambushed an army convoy on the highway, killing six soldiers.", "Rebels", "an army convoy", "ASSAULT"),
    ("The prime minister held talks with the visiting foreign minister in the capital.", "The prime minister",
     "the visiting foreign minister", "CONSULT"),
    ("The opposition party accused the election commission of rigging the count.", "The opposition party",
     "the election commission", "ACCUSE"),
    ("The relief agency delivered tents and food to families displaced by the fighting.", "The relief agency",
     "families", "AID"),
    ("Thousands of workers marched on the parliament to protest against pension cuts.", "Thousands of workers",
     "the parliament", "PROTEST"),
]
NO_EVENT = "The weather office expects light showers and mild temperatures over the weekend."


def spans(text: str, name: str) -> list[tuple[int, int]]:
    start = text.index(name)
    return [(start, start + len(name))]


def inputs():
    texts = [s[0] for s in SENTENCES]
    return texts, [spans(t, a) for t, a, _, _ in SENTENCES], [spans(t, r) for t, _, r, _ in SENTENCES]


@pytest.fixture(scope="module", params=[False, True], ids=["encoder", "fast"])
def model(request):
    return load(fast=request.param), request.param


def test_predictions_have_sane_shape(model):
    m, _ = model
    preds = m.predict(*inputs())
    assert len(preds) == len(SENTENCES)
    for p in preds:
        assert isinstance(p, Prediction)
        assert set(p.probabilities) == set(ontology.EVENT_TYPES)
        assert abs(sum(p.probabilities.values()) - 1.0) < 1e-3
        assert p.event_type == max(p.probabilities, key=p.probabilities.get)
        assert p.confidence == pytest.approx(p.probabilities[p.event_type])
        assert 0.0 <= p.event_prob <= 1.0
        assert p.mode is None or p.mode in ontology.modes(p.event_type)
        statuses = ("asserted", "negated", "hypothetical", "future", "threatened", "claimed")
        assert p.status is None or (p.status in statuses and abs(sum(p.status_probs.values()) - 1.0) < 1e-3)


def test_clear_cases_are_classified(model):
    m, fast = model
    preds = m.predict(*inputs())
    right = sum(p.event_type == gold for p, (_, _, _, gold) in zip(preds, SENTENCES, strict=True))
    assert right >= (4 if fast else 5)


def test_no_event_sentence_scores_lower_than_an_attack(model):
    m, _ = model
    p_none, p_attack = m.predict([NO_EVENT, SENTENCES[0][0]], [[], spans(SENTENCES[0][0], "Rebels")], [[], []])
    assert p_none.event_prob < 0.5 < p_attack.event_prob


def test_empty_batch_and_unmarked_input(model):
    m, _ = model
    assert m.predict([], [], []) == []
    (p,) = m.predict(["Police arrested dozens of demonstrators outside the court."], [[]], [[]])
    assert p.event_type in ontology.EVENT_TYPES


def test_mismatched_lengths_raise(model):
    m, _ = model
    with pytest.raises(ValueError):
        m.predict(["One sentence."], [], [])


@pytest.mark.parametrize("fast", [False, True], ids=["encoder", "fast"])
def test_batching_barely_changes_results(fast):
    """The fast model is exact per row; the int8 encoder scales activations per batch, so allow a little."""
    m = load(fast=fast)
    texts, actors, recipients = inputs()
    together = m.predict(texts, actors, recipients)
    alone = [m.predict([t], [a], [r])[0] for t, a, r in zip(texts, actors, recipients, strict=True)]
    tol = 1e-5 if fast else 0.15
    for x, y in zip(together, alone, strict=True):
        assert max(abs(x.probabilities[k] - y.probabilities[k]) for k in x.probabilities) < tol


def test_int8_model_agrees_with_float_reference():
    """reference.json holds the float (torch) ensemble's outputs, saved at build time. Where the float model is
    unsure (no event: a flat type distribution) int8 noise may swap near-tied types, so the top type must agree only
    where the float model gives it at least 0.5."""
    ref = json.loads((WEIGHTS / "reference.json").read_text())
    m = load()
    texts = [s[0] for s in ref["sentences"]]
    actors = [[tuple(x) for x in s[1]] for s in ref["sentences"]]
    recipients = [[tuple(x) for x in s[2]] for s in ref["sentences"]]
    raw = m.raw(texts, actors, recipients)
    for got, want in zip(raw["type"], ref["type_probs"], strict=True):
        if max(want) >= 0.5:
            assert int(got.argmax()) == max(range(len(want)), key=want.__getitem__)
        assert max(abs(g - w) for g, w in zip(got.tolist(), want, strict=True)) < 0.15
    for got, want in zip(raw["event"].tolist(), ref["event_prob"], strict=True):
        assert abs(got - want) < 0.15


def test_weights_are_small():
    total = sum(p.stat().st_size for p in WEIGHTS.iterdir())
    assert total < 100e6


def test_concede_and_retreat_compete_as_one_yield():
    """The encoder learnt PLV's YIELD as the set {CONCEDE, RETREAT}: their sum is compared with the other types."""
    import numpy as np

    encoder = load()
    p = np.zeros(len(encoder.types), dtype=np.float32)
    p[encoder.types.index("AID")] = 0.4
    p[encoder.types.index("CONCEDE")] = 0.25
    p[encoder.types.index("RETREAT")] = 0.35
    assert encoder.types[encoder._decide(p)] == "RETREAT"
    p[encoder.types.index("AID")] = 0.7
    p[encoder.types.index("CONCEDE")], p[encoder.types.index("RETREAT")] = 0.2, 0.1
    assert encoder.types[encoder._decide(p)] == "AID"
