from hypothesis import given
from hypothesis import strategies as st

from raregraph.ontology.normalize import STEPS, casefold_key, match_step, normalize


def test_steps():
    assert match_step("Splenomegaly", "splenomegaly") == "case"
    assert match_step("Canale Smith syndrome", "Canale-Smith syndrome") == "punctuation"
    assert match_step("oedema", "edema") == "spelling"
    assert match_step("spleens", "spleen") == "plural"
    assert match_step("spleen, enlarged", "enlarged spleen") == "word_order"
    assert match_step("spleen", "liver") is None


@given(st.text(max_size=40))
def test_every_step_is_idempotent(text):
    for step in STEPS:
        once = normalize(text, step)
        assert normalize(once, step) == once


@given(st.text(max_size=40))
def test_casefold_key_has_no_outer_or_double_spaces(text):
    key = casefold_key(text)
    assert key == key.strip() and "  " not in key
