import matplotlib

matplotlib.use("Agg")

import pytest

from helpers import small_graph
from raregraph.errors import QueryError
from raregraph.model import Category, Node
from raregraph.query.plot import COLORS, HtmlView, layout


def test_matplotlib_draws_every_node_with_its_category_colour():
    ax = small_graph().plot("ALPS")
    texts = {t.get_text() for t in ax.texts}
    assert {"FAS", "Splenomegaly", "spleen", "splenectomy", "corticosteroid"} <= texts
    assert "caused_by" in texts and "treated_by" in texts  # labelled edges
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"Gene", "PhenotypicFeature", "Procedure", "Drug", "Disease"} <= legend
    assert "Autoimmune lymphoproliferative syndrome" in ax.get_title()
    matplotlib.pyplot.close(ax.figure)


def test_html_view_is_self_contained_and_escaped(tmp_path):
    kg = small_graph()
    kg.add_node(Node("HP:0000001", Category.PHENOTYPIC_FEATURE, "<img src=x onerror=alert(1)>"))
    from raregraph.model import Edge, Predicate

    kg.add_edge(Edge("ORPHA:117", Predicate.HAS_PHENOTYPE, "HP:0000001"))
    view = kg.plot("Behcet disease", backend="html")
    assert isinstance(view, HtmlView)
    page = view.html
    for node_id in ("ORPHA:117", "HGNC:11920", "HP:0000001"):
        assert f'data-id="{node_id}"' in page
    assert "<img" not in page and "&lt;img" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # no CDN
    assert "https://" not in page
    assert COLORS[Category.GENE] in page and "<script>" in page
    saved = view.save(tmp_path / "view.html")
    assert saved.read_text(encoding="utf-8") == page
    assert view._repr_html_().startswith("<h3")


def test_layout_depth_and_cap():
    kg = small_graph()
    one = layout(kg, "Behcet disease", depth=1)
    assert set(one.nodes) == {"ORPHA:117", "HGNC:11920"}
    two = layout(kg, "Behcet disease", depth=2)
    assert "MONDO:0017979" in two.nodes and "HP:0001744" not in two.nodes
    capped = layout(kg, "ALPS", depth=1, max_nodes=3)
    assert len(capped.nodes) == 3 and capped.dropped > 0
    assert two.positions["ORPHA:117"] == (0.0, 0.0)


def test_unknown_backend():
    with pytest.raises(QueryError, match="unknown plot backend"):
        small_graph().plot("ALPS", backend="svg")
