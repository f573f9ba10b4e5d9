import pytest

from raregraph.errors import CurieError
from raregraph.ontology import Mapping, align, mapping_from_candidate, to_sssom

sssom = pytest.importorskip("sssom")


def _validate(path):
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    validate(parse_sssom_table(path), fail_on_error=True)


@pytest.fixture(scope="module")
def mappings():
    rows = []
    for number, text in enumerate(["enlarged spleen", "Canale-Smith syndrome", "Splenectomy"]):
        for candidate in align(text, limit=2):
            rows.append(mapping_from_candidate(candidate, f"raregraph:mention/{number}", text))
    return rows


def test_output_passes_the_sssom_validator(mappings, tmp_path):
    path = tmp_path / "alignment.sssom.tsv"
    to_sssom(mappings, path)
    text = path.read_text()
    assert text.startswith("#curie_map:\n")
    assert "semapv:LexicalMatching" in text
    _validate(path)


def test_validator_rejects_a_broken_file(mappings, tmp_path):
    path = tmp_path / "broken.sssom.tsv"
    to_sssom(mappings, path)
    path.write_text(path.read_text().replace("semapv:LexicalMatching", "semapv:NoSuchThing"))
    with pytest.raises(Exception, match="validation error"):
        _validate(path)


def test_unknown_prefix_is_refused(tmp_path):
    bogus = Mapping("nosuch:1", "skos:exactMatch", "HP:1", "semapv:LexicalMatching")
    with pytest.raises(CurieError):
        to_sssom([bogus], tmp_path / "x.sssom.tsv")
