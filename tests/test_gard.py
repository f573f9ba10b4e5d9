import datetime as dt
import html
from pathlib import Path

import pytest

from raregraph.errors import InputError
from raregraph.extract import document_node, graph_from_page
from raregraph.sources.gard import parse_gard_text, read_gard_page

SEED = Path(__file__).parents[1] / "examples" / "data" / "alps_gard.txt"


def test_seed_page_structure_and_offsets():
    page = read_gard_page(SEED)
    assert page.title.text == "Autoimmune lymphoproliferative syndrome"
    assert [n.text for n in page.other_names] == [
        "ALPS",
        "Autoimmune lymphoproliferative syndrome type 1, autosomal dominant",
        "Canale-Smith syndrome",
        "FAS deficiency",
    ]
    assert page.last_updated == dt.date(2012, 2, 15)
    assert [r.number for r in page.references] == [1, 2]
    assert page.references[1].text.startswith(
        "Autoimmune Lymphoproliferative Syndrome (ALPS). NIAID."
    )
    summary = page.summary
    assert summary.text.startswith("Autoimmune lymphoproliferative syndrome (ALPS) is a disorder")
    assert summary.text.endswith("based mainly on the genetic cause.[2]")
    for piece in (page.title, *page.other_names, *page.references):
        assert page.original[piece.start : piece.end] == piece.text
    assert page.original[summary.start : summary.end] == summary.text


def test_boilerplate_is_skipped():
    page = read_gard_page(SEED)
    body = page.body
    for furniture in (
        "javascript",
        "Print friendly",
        "Disclaimer",
        "Questions Answered",
        "Basic Information",
        "Medscape",
        "Click on the link",
    ):
        assert furniture not in body
    assert "Print friendly" not in page.title.text


def _as_html(text: str) -> str:
    paragraphs = [f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")]
    return (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = '<p>no</p>';</script>"
        "</head><body><nav>Home | Diseases</nav><h1>Wilson disease</h1>"
        "<h2>Other Names for this Disease</h2><ul><li>Hepatolenticular degeneration</li>"
        "<li>Copper &amp; liver disease</li></ul>"
        + "".join(paragraphs)
        + "<p>Last updated: 10/4/2016</p><h2>Basic Information</h2><p>Click on the link.</p>"
        "</body></html>"
    )


def test_html_page_with_entities_keeps_offsets_into_the_original():
    prose = (
        "Wilson disease is a rare inherited disorder that causes copper to build up in the "
        "liver, brain &amp; eyes. It&#39;s caused by mutations in the ATP7B gene.\n\n"
        "Treatment&nbsp;includes zinc and penicillamine."
    )
    markup = _as_html(prose).replace("&amp;amp;", "&amp;").replace("&amp;#39;", "&#39;")
    markup = markup.replace("&amp;nbsp;", "&nbsp;")
    page = parse_gard_text(markup, source="wilson.html")
    assert page.format == "html"
    assert page.title.text == "Wilson disease"
    assert [n.text for n in page.other_names] == [
        "Hepatolenticular degeneration",
        "Copper & liver disease",
    ]
    assert (
        page.original[page.other_names[1].start : page.other_names[1].end]
        == "Copper &amp; liver disease"
    )
    assert "brain & eyes. It's caused" in page.body
    assert "no</p>" not in page.text and "Click on the link" not in page.body
    view = page.text
    at = view.index("ATP7B")
    start, end = page.original_span(at, at + 5)
    assert page.original[start:end] == "ATP7B"
    at = view.index("& eyes")
    start, end = page.original_span(at, at + 1)
    assert page.original[start:end] == "&amp;"
    assert page.last_updated == dt.date(2016, 10, 4)


def test_html_references_in_an_ordered_list_are_references():
    markup = _as_html(
        "Wilson disease is a rare inherited disorder that causes copper to build up in the "
        "liver, brain and eyes. It is caused by mutations in the ATP7B gene."
    ).replace(
        "<p>Last updated: 10/4/2016</p>",
        "<p>Last updated: 10/4/2016</p><ol><li>Wilson disease. Genetics Home Reference.</li>"
        "<li>Copper storage. Muscular Dystrophy Association. 2019.</li></ol>",
    )
    page = parse_gard_text(markup, source="x.html")
    assert [(r.number, r.text) for r in page.references] == [
        (1, "Wilson disease. Genetics Home Reference."),
        (2, "Copper storage. Muscular Dystrophy Association. 2019."),
    ]
    assert "Muscular" not in page.body
    second = page.references[1]
    assert page.original[second.start : second.end] == second.text


def test_html_list_items_that_write_their_own_bullet():
    markup = _as_html(
        "Wilson disease is a rare inherited disorder that causes copper to build up in the "
        "liver, brain and eyes. It is caused by mutations in the ATP7B gene."
    )
    markup = markup.replace("<li>Hepatolenticular", "<li>&nbsp;&bull; Hepatolenticular")
    page = parse_gard_text(markup, source="x.html")
    first = page.other_names[0]
    assert first.text == "Hepatolenticular degeneration"
    assert page.original[first.start : first.end] == "Hepatolenticular degeneration"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Caf\u00e9 disease".encode("latin-1") + b" is a rare disorder " * 5, "UTF-8"),
        (
            b"Shopping list\n\nEggs, milk, bread and butter from the corner shop before six. "
            b"Also some apples, two lemons and a bag of rice for the weekend dinner.\n",
            "does not read like a disease",
        ),
        (
            b"This sentence is a long paragraph without any title line, and it ends here.",
            "no disease title",
        ),
        (b"Marfan syndrome\n\nShort.", "no description"),
    ],
)
def test_bad_input_gets_a_clear_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_gard_page(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_gard_page(tmp_path / "nope.txt")


def test_first_graph_has_disease_and_document():
    page = read_gard_page(SEED)
    kg = graph_from_page(page, extractors=())
    (disease,) = kg.diseases()
    assert disease.name == "Autoimmune lymphoproliferative syndrome"
    assert "Canale-Smith syndrome" in disease.synonyms
    assert kg.resolve("FAS deficiency").id == disease.id
    doc = document_node(page)
    assert doc.id in kg and doc.id.startswith("raregraph:document/")
    assert document_node(read_gard_page(SEED)).id == doc.id  # content-addressed


def test_gard_id_in_page_becomes_the_disease_id():
    page = parse_gard_text(
        "Fabry disease\n\nGARD ID: 06400\n\nFabry disease is an inherited "
        "disorder caused by mutations in the GLA gene."
    )
    assert page.gard_id == "GARD:6400"
    kg = graph_from_page(page, extractors=(), resolver=None)
    assert [d.id for d in kg.diseases()] == ["GARD:6400"]


def test_unknown_extractor_is_an_error():
    page = read_gard_page(SEED)
    with pytest.raises(ValueError, match="unknown extractor"):
        graph_from_page(page, extractors=["nonexistent"])


def test_a_short_sentence_with_references_is_no_heading():
    page = parse_gard_text(
        "Some syndrome\n\nSome syndrome is a rare genetic disorder that causes hearing loss "
        "and kidney problems in most people who have it.\n"
        "Intelligence is usually normal.[1][2]\n\n"
        "The condition is caused by mutations in the EYA1 gene and is inherited in an "
        "autosomal dominant pattern.\n"
    )
    assert all(section.heading is None for section in page.sections)
    assert "Intelligence is usually normal" in page.sections[0].text
