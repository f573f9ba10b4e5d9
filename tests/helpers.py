"""Graphs built in tests (shared by several test modules)."""

from raregraph.graph import KnowledgeGraph
from raregraph.model import AgentType, Category, Edge, Evidence, Node, Predicate, Qualifiers

DOC = "raregraph:document/0123456789abcdef"


def evidence(sentence: str, start: int, end: int) -> Evidence:
    return Evidence(
        DOC, "infores:gard", AgentType.TEXT_MINING_AGENT, sentence=sentence, span=(start, end)
    )


def small_graph() -> KnowledgeGraph:
    """ALPS and Behcet disease, both linked to FAS; ALPS with typed neighbours."""
    kg = KnowledgeGraph("test")
    kg.add_node(Node(DOC, Category.PUBLICATION, "GARD page: ALPS"))
    kg.add_node(
        Node(
            "MONDO:0017979",
            Category.DISEASE,
            "Autoimmune lymphoproliferative syndrome",
            synonyms=("ALPS", "Canale-Smith syndrome"),
            xrefs=("ORPHA:3261", "GARD:8686"),
        )
    )
    kg.add_node(Node("ORPHA:117", Category.DISEASE, "Behçet disease"))
    kg.add_node(
        Node(
            "HGNC:11920",
            Category.GENE,
            "Fas cell surface death receptor",
            symbol="FAS",
            synonyms=("APT1", "CD95"),
            xrefs=("NCBIGene:355",),
        )
    )
    kg.add_node(
        Node(
            "HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly", synonyms=("Enlarged spleen",)
        )
    )
    kg.add_node(Node("HP:0001250", Category.PHENOTYPIC_FEATURE, "Seizure"))
    kg.add_node(Node("HP:0000006", Category.GENETIC_INHERITANCE, "Autosomal dominant inheritance"))
    kg.add_node(Node("UBERON:0002106", Category.ANATOMICAL_ENTITY, "spleen"))
    kg.add_node(Node("MAXO:0001077", Category.PROCEDURE, "splenectomy"))
    kg.add_node(Node("CHEBI:50858", Category.DRUG, "corticosteroid", synonyms=("steroids",)))
    sentence = "ALPS is caused by mutations in the FAS gene in about 75% of cases."
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.CAUSED_BY,
            "HGNC:11920",
            Qualifiers(percentage=75.0, hedge="about"),
            (evidence(sentence, 10, 13),),
        )
    )
    kg.add_edge(
        Edge(
            "ORPHA:117",
            Predicate.CONDITION_ASSOCIATED_WITH_GENE,
            "HGNC:11920",
            evidence=(
                Evidence(
                    "infores:hpo-annotations", "infores:hpo-annotations", AgentType.MANUAL_AGENT
                ),
            ),
        )
    )
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0001744",
            evidence=(evidence("enlargement of the spleen", 20, 26),),
        )
    )
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0001250",
            Qualifiers(negated=True),
            (evidence("It does not cause seizures.", 30, 38),),
        )
    )
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_MODE_OF_INHERITANCE,
            "HP:0000006",
            Qualifiers(hedge="usually"),
            (evidence("usually autosomal dominant", 40, 58),),
        )
    )
    kg.add_edge(Edge("MONDO:0017979", Predicate.DISEASE_HAS_LOCATION, "UBERON:0002106"))
    kg.add_edge(Edge("MONDO:0017979", Predicate.TREATED_BY, "MAXO:0001077"))
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.TREATED_BY,
            "CHEBI:50858",
            Qualifiers(qualifier_text='depending on the severity "of" the disorder\n'),
        )
    )
    return kg
