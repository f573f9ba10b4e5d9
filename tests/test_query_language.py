import pytest

from helpers import small_graph
from raregraph.cli import main
from raregraph.errors import QueryError, RaregraphError
from raregraph.model import Category, Edge, Node, Predicate
from raregraph.query.language import parse


def graph():
    kg = small_graph()
    kg.add_node(Node("HP:0000007", Category.GENETIC_INHERITANCE, "Autosomal recessive inheritance"))
    kg.add_node(Node("ORPHA:1", Category.DISEASE, "Recessive seizure disorder"))
    kg.add_edge(Edge("ORPHA:1", Predicate.HAS_MODE_OF_INHERITANCE, "HP:0000007"))
    kg.add_edge(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:0001250"))
    kg.add_node(Node("ORPHA:2", Category.DISEASE, "Recessive spleen disorder"))
    kg.add_edge(Edge("ORPHA:2", Predicate.HAS_MODE_OF_INHERITANCE, "HP:0000007"))
    kg.add_edge(Edge("ORPHA:2", Predicate.HAS_PHENOTYPE, "HP:0001744"))
    kg.use_hierarchy("HP", lambda curie: ())
    return kg


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("diseases involving gene FAS", ["MONDO:0017979", "ORPHA:117"]),
        ("Diseases involving gene fas?", ["MONDO:0017979", "ORPHA:117"]),
        ("diseases caused by CD95", ["MONDO:0017979", "ORPHA:117"]),
        ("phenotypes of ALPS", ["HP:0001744"]),
        ("symptoms of Canale-Smith syndrome", ["HP:0001744"]),
        ("treatments of ALPS", ["CHEBI:50858", "MAXO:0001077"]),
        ("genes of ALPS", ["HGNC:11920"]),
        ("genes for MONDO:0017979", ["HGNC:11920"]),
        ("inheritance of ALPS", ["HP:0000006"]),
        ("modes of inheritance of ALPS", ["HP:0000006"]),
        ("organs of ALPS", ["UBERON:0002106"]),
        ("diseases with phenotype splenomegaly", ["MONDO:0017979", "ORPHA:2"]),
        ("diseases with phenotype enlarged spleen", ["MONDO:0017979", "ORPHA:2"]),
        ("diseases with phenotype seizure", ["ORPHA:1"]),  # ALPS states its absence
        ("diseases inherited autosomal recessive with phenotype seizure", ["ORPHA:1"]),
        ("diseases inherited autosomal recessive and with phenotype seizures", ["ORPHA:1"]),
        ("diseases inherited autosomal recessive", ["ORPHA:1", "ORPHA:2"]),
        ("diseases treated with steroids", ["MONDO:0017979"]),
        ("diseases affecting spleen", ["MONDO:0017979"]),
        ('diseases with phenotype "Splenomegaly" and involving gene FAS', ["MONDO:0017979"]),
        ("diseases involving gene FAS curated only", ["ORPHA:117"]),
        ("diseases involving gene FAS text-mined only", ["MONDO:0017979"]),
        ("diseases involving gene FAS in at least 50%", ["MONDO:0017979"]),
        ("neighbors of FAS", ["MONDO:0017979", "ORPHA:117"]),
    ],
)
def test_questions(question, expected):
    assert graph().ask(question).ids == expected


def test_answers_print_as_tables_titled_by_the_question():
    text = str(graph().ask("phenotypes of ALPS"))
    assert text.startswith("phenotypes of ALPS (1)") and "Splenomegaly" in text


def test_unknown_name_lists_candidates():
    with pytest.raises(QueryError) as info:
        graph().ask("diseases involving gene FSA")
    assert "no Gene named 'FSA'" in str(info.value)
    with pytest.raises(QueryError) as info:
        graph().ask("phenotypes of Canale-Smyth syndrome")
    assert "did you mean" in str(info.value)
    assert info.value.candidates[0].startswith("MONDO:0017979")


def test_ambiguous_name_lists_candidates():
    kg = graph()
    kg.add_node(Node("OMIM:601859", Category.DISEASE, "ALPS type IA", synonyms=("ALPS",)))
    with pytest.raises(QueryError, match="ambiguous") as info:
        kg.ask("genes of ALPS")
    assert any(c.startswith("OMIM:601859") for c in info.value.candidates)
    assert isinstance(info.value, RaregraphError)
    assert kg.ask("genes of MONDO:0017979").ids == ["HGNC:11920"]


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ("", "a question starts with"),
        ("tell me about FAS", "a question starts with"),
        ("phenotypes ALPS", "expected 'of' or 'for'"),
        ("phenotypes of", "expected a disease name"),
        ("diseases near FAS", "expected a condition"),
        ("diseases involving gene", "expected a gene name"),
        ("phenotypes of ALPS at least many", "expected a percentage"),
        ("treatments of ALPS at least 50%", "does not apply"),
        ("paths from FAS", "expected 'to'"),
    ],
)
def test_parse_errors_say_what_was_expected(question, problem):
    with pytest.raises(QueryError, match=problem):
        graph().ask(question)


def test_grammar_details():
    query = parse('diseases with phenotype "Seizure with fever" and inherited autosomal recessive')
    assert query.conditions == (
        ("phenotype", "Seizure with fever"),
        ("inheritance", "autosomal recessive"),
    )
    assert parse("phenotypes of Behçet's disease").subject == "Behçet's disease"
    assert parse("phenotypes of X-linked hypophosphatemia").subject == "X-linked hypophosphatemia"
    assert parse("diseases matching HP:0001744, large spleen").conditions == (
        ("match", "HP:0001744"),
        ("match", "large spleen"),
    )
    assert parse("paths from FAS to spleen").conditions == (("from", "FAS"), ("to", "spleen"))


def test_paths_question():
    paths = graph().ask("paths from FAS to spleen")
    assert [len(p) for p in paths] == [2]


def test_cli_sentence_and_option_forms(tmp_path, capsys):
    from raregraph.export import write_graph

    out = tmp_path / "g.ttl"
    write_graph(graph(), out)
    capsys.readouterr()
    assert main(["query", str(out), "phenotypes of ALPS"]) == 0
    assert "HP:0001744" in capsys.readouterr().out
    assert main(["query", str(out), "diseases", "involving", "gene", "FAS"]) == 0
    assert "ORPHA:117" in capsys.readouterr().out
    assert main(["query", str(out), "genes", "--disease", "ALPS"]) == 0
    assert "HGNC:11920" in capsys.readouterr().out
    assert main(["query", str(out), "phenotypes of Canale-Smyth"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean" in err


def test_a_real_hpo_term_that_no_disease_has_gives_an_empty_answer_not_an_error():
    kg = graph()
    assert list(kg.ask("diseases with phenotype short stature")) == []  # HPO knows it
    with pytest.raises(QueryError):
        kg.ask("diseases with phenotype short statture")  # a typo is still an error


def test_suggestions_name_each_node_once():
    kg = graph()
    with pytest.raises(QueryError) as info:
        kg.ask("genes of Canale-Smyth syndrom")
    assert len(info.value.candidates) == len(set(info.value.candidates))
