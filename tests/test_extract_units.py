"""Unit tests of the text-mining extractor: negation, coordination, fused words,
qualifiers, genes, inheritance, HTML spans and the lexicon data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from raregraph import graph_from_page
from raregraph.extract.genes import find_genes
from raregraph.extract.inheritance import DE_NOVO, find_inheritance
from raregraph.extract.lexicon import DATA_DIR, get_lexicon
from raregraph.extract.mentions import find_mentions
from raregraph.extract.negation import is_negated, normal_statements
from raregraph.extract.qualifiers import hedge, share
from raregraph.extract.sentences import split_sentences
from raregraph.sources.gard import parse_gard_text, read_gard_page

DEV = Path(__file__).resolve().parent / "data" / "gard_dev"


def phenotypes(text: str) -> list[str]:
    return [m.curie for m in find_mentions(text) if m.kind == "phenotype"]


def test_coordination_expands_to_each_organ() -> None:
    ids = phenotypes("which cause enlargement of the lymph nodes, liver and spleen.")
    assert sorted(ids) == ["HP:0001744", "HP:0002240", "HP:0002716"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They develop slurred speechand seizures.", ["HP:0001350", "HP:0001250"]),
        ("Muscle cramps andtingling are common.", ["HP:0003394", "HP:0003401"]),
        ("She visited the island and her husband.", []),
    ],
)
def test_a_short_word_glued_to_and(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some develop dilated cardiomyopthy.", ["HP:0001644"]),
        ("A retinal detachement may occur.", ["HP:0000541"]),
        ("They have siezures and catarcts.", ["HP:0001250", "HP:0000518"]),
        # ordinary words are never corrected
        ("Children typically inherited the condition.", []),
    ],
)
def test_a_misspelt_finding(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


def test_fused_words_are_split() -> None:
    assert phenotypes("skin rashes or panniculitisarthritis;")[-2:] == ["HP:0012490", "HP:0001369"]


def test_lay_wording_and_longest_match() -> None:
    assert phenotypes("They have an enlarged spleen.") == ["HP:0001744"]
    assert phenotypes("mouth sores") == ["HP:0000155"]


@pytest.mark.parametrize(
    ("sentence", "word", "negated"),
    [
        ("XLH does not cause seizures.", "seizures", True),
        ("There is no fever, but rashes are common.", "rashes", False),
        ("Patients without hearing loss.", "hearing", True),
        ("Seizures are common.", "Seizures", False),
        ("Patients who do not respond may receive rituximab.", "rituximab", False),
        ("Those who do not respond to steroids receive sirolimus.", "sirolimus", False),
        ("Those who do not respond to steroids receive sirolimus.", "steroids", True),
        ("It is not seen, because seizures are common.", "seizures", False),
        # contractions, with either apostrophe, and in a relative clause like "do not"
        ("The condition doesn't cause itching.", "itching", True),
        ("It doesn\u2019t cause seizures.", "seizures", True),
        ("It isn't linked to hearing loss.", "hearing", True),
        ("Children who don't get treatment develop seizures.", "seizures", False),
        ("Children who are not treated develop seizures.", "seizures", False),
        # "non-" joined to the finding's word
        ("They have a non-itchy rash.", "itchy", True),
        ("They have a non-itchy rash.", "rash", False),
    ],
)
def test_negation_scope(sentence: str, word: str, negated: bool) -> None:
    assert is_negated(sentence, sentence.index(word)) is negated


def test_unaffected_function_negates_its_phenotype() -> None:
    for sentence in ("It does not affect intelligence.", "Intelligence is not affected."):
        assert [s.curie for s in normal_statements(sentence)] == ["HP:0001249"]


def test_normal_function_negates_its_phenotype() -> None:
    found = list(normal_statements("Intelligence is usually normal."))
    assert [(s.curie, s.hedge) for s in found] == [("HP:0001249", "usually")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("White blood cells and platelets are usually normal.", ["HP:0001882", "HP:0001873"]),
        ("Height is normal.", ["HP:0004322"]),
        ("Their kidney function usually stays normal.", ["HP:0000083"]),
        ("A brain MRI is usually normal at first.", ["HP:0012443"]),
    ],
)
def test_more_functions_called_normal(sentence: str, expected: list[str]) -> None:
    assert [s.curie for s in normal_statements(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the longest name of a function wins: side vision, not vision
        ("Side vision is usually spared.", ["HP:0007994"]),
        ("Side vision is usually kept.", ["HP:0007994"]),
        ("Side (peripheral) vision usually stays normal.", ["HP:0007994"]),
        # kept longer is lost later
        ("Sharp central vision is kept longer than side vision.", []),
        ("Speech and swallowing stay normal.", ["HP:0002015"]),
        ("Growth and intelligence are usually normal.", ["HP:0001249", "HP:0001510"]),
        ("The structure of the heart is normal.", ["HP:0001627"]),
        ("Color vision is usually normal.", ["HP:0000551"]),
        # HPO splits infertility by sex: the clause names which
        ("Women are infertile; men usually have normal fertility.", ["HP:0003251"]),
        ("Fertility is normal in women.", ["HP:0008222"]),
        ("Fertility is normal.", ["HP:0000789"]),
    ],
)
def test_functions_called_normal_or_spared(sentence: str, expected: list[str]) -> None:
    assert sorted(s.curie for s in normal_statements(sentence)) == expected


def test_a_predicate_reading_stands_beside_a_narrower_one() -> None:
    # Delayed puberty is under Growth delay in HPO, but each has its own words here
    edges = _edges_of("Growth is slow and puberty is often late.")
    assert {("HAS_PHENOTYPE", "HP:0001510", False), ("HAS_PHENOTYPE", "HP:0000823", False)} <= edges


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Speech often becomes slurred.", "HP:0001350"),
        ("The upper arms then become weak and thin.", "HP:0003484"),
    ],
)
def test_copula_after_an_adverb(sentence: str, expected: str) -> None:
    assert expected in phenotypes(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some have congenital hypertrophy of the retinal pigment epithelium.", "HP:0007649"),
        ("An ECG shows a long QT interval.", "HP:0001657"),
        ("Many have a widened aortic root.", "HP:0002616"),
        ("Rupture of the uterus may occur in pregnancy.", "HP:0100718"),
    ],
)
def test_names_read_with_an_article_or_a_lay_adjective(sentence: str, expected: str) -> None:
    assert expected in phenotypes(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sodium levels in the blood often drop.", ["HP:0002902"]),
        ("During attacks, blood sugar can fall.", ["HP:0001943"]),
        ("The level of ammonia in the blood rises.", ["HP:0001987"]),
        ("In pregnancy the body's need for potassium rises.", []),
    ],
)
def test_a_level_that_moves(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Weakness begins in the muscles closest to the trunk, around the hips and thighs.",
         {"HP:0003701"}),
        ("There is weakness and wasting of the muscles of the feet and lower legs.",
         {"HP:0009053", "HP:0008944"}),
        ("It causes weakness of the muscles around the hips and shoulders (the limb girdles).",
         {"HP:0003325"}),
        ("Muscle weakness, especially in the thighs, is common.", {"HP:0008994"}),
        # the places compared with are not where the weakness is
        ("The weakness is worse in the shoulders than in the hands.", {"HP:0003547"}),
        # weak muscle tone is hypotonia; atrophy of a nerve is no muscle finding
        ("Babies have weak muscle tone in the trunk.", {"HP:0001252"}),
        ("Atrophy of the optic nerve in the eyes causes vision loss.", {"HP:0000648"}),
    ],
)
def test_muscle_weakness_and_wasting_by_place(sentence: str, expected: set[str]) -> None:
    found = {o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}
    assert expected <= found
    # the vaguer reading of the same words gives way
    assert not found & {"HP:0001324", "HP:0003202", "HP:0003327"} - expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Children have joint contractures, especially at the hips, knees and ankles.",
         {"HP:0003273", "HP:0034671", "HP:0034677"}),
        # said to stay bent: the flexion contracture
        ("Contractures mean that the elbows and knees cannot be fully straightened.",
         {"HP:0002987", "HP:0006380"}),
    ],
)
def test_contractures_by_joint(sentence: str, expected: set[str]) -> None:
    assert expected <= {o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Children often feel pain less than others do.", {"HP:0007328"}, set()),
        ("There is loss of the ability to feel pain and temperature in the feet.",
         {"HP:0007328", "HP:0010829"}, set()),
        ("Feeling for vibration is also reduced.", {"HP:0002495"}, set()),
        ("Some lose part of their sense of vibration in the feet.", {"HP:0006938"}, set()),
        # numbness of the hands and feet replaces Hypoesthesia
        ("Some men have numbness in the feet.", {"HP:0002936"}, {"HP:0033748"}),
        ("Damage to the nerves causes numbness in the arms and legs.", {"HP:0033748"},
         {"HP:0002936"}),
        # a sense called normal is no loss
        ("The senses of touch and vibration are usually normal.", set(),
         {"HP:0010830", "HP:0002495"}),
    ],
)
def test_lost_senses(sentence: str, expected: set[str], absent: set[str]) -> None:
    found = {o for p, o, n in _edges_of(sentence) if p == "HAS_PHENOTYPE" and not n}
    assert expected <= found
    assert not absent & found


def test_coordinated_places_of_a_compound_finding() -> None:
    found = phenotypes("They get repeated bacterial infections of the ears, sinuses and lungs.")
    # ear infections, sinus infections, lung infections
    assert {"HP:0000403", "HP:0011108", "HP:0002783"} <= set(found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("These conditions make the skin fragile and quick to blister.", "HP:0001030"),
        ("In EBS the skin is so fragile that it blisters after minor rubbing.", "HP:0001030"),
        ("Many people with the condition are tall and thin.", "HP:0000098"),
        ("Many babies have diarrhea with greasy, foul-smelling stools.", "HP:0002570"),
    ],
)
def test_made_and_so_and_lay_builds(sentence: str, expected: str) -> None:
    assert expected in phenotypes(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bleeding lasts a long time after an injury, surgery or a tooth extraction.",
         {"HP:0001934", "HP:0004846", "HP:0006298"}),
        ("They bleed for longer than usual after surgery or childbirth.",
         {"HP:0004846", "HP:0011891"}),
        ("There is long-lasting bleeding after a tooth is pulled, after surgery or after an "
         "injury.", {"HP:0006298", "HP:0004846", "HP:0001934"}),
        # when the bleeding starts is not what it follows
        ("Bleeding may start a day or more after the injury.", set()),
    ],
)
def test_what_bleeding_follows(sentence: str, expected: set[str]) -> None:
    assert set(phenotypes(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some newborns have a small lower jaw and trouble breathing.",
         {"HP:0000347", "HP:0002643"}),
        ("A soft windpipe may cause serious breathing problems in newborns.", {"HP:0002643"}),
        # no newborn named: the vague complaint reads nothing, trouble breathing Dyspnea
        ("A soft windpipe may cause serious breathing problems.", set()),
        ("Adults with this condition often have trouble breathing.", {"HP:0002094"}),
    ],
)
def test_newborns_trouble_breathing(sentence: str, expected: set[str]) -> None:
    assert {o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"} == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They have low numbers of red blood cells, white blood cells and platelets.",
         {("HP:0001903", False), ("HP:0001882", False), ("HP:0001873", False)}),
        ("The condition does not affect hearing or intelligence.",
         {("HP:0000365", True), ("HP:0001249", True)}),
        ("Boys usually keep normal thinking abilities into adult life.", {("HP:0100543", True)}),
        ("Walking becomes harder as the leg muscles weaken.", {("HP:0001288", False)}),
        ("In this condition stiff legs make walking hard.", {("HP:0001288", False)}),
    ],
)
def test_lists_of_levels_functions_and_difficulty(
    sentence: str, expected: set[tuple[str, bool]]
) -> None:
    assert expected <= {(o, n) for p, o, n in _edges_of(sentence) if p == "HAS_PHENOTYPE"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Growth is often slow after birth, and many children are short.",
         ["HP:0008897", "HP:0004322"]),
        ("Affected people are often somewhat shorter than their relatives.", ["HP:0003502"]),
        ("Adults with the condition are usually tall.", ["HP:0000098"]),
        ("They are short of breath.", ["HP:0002094"]),
        ("Some have repeated bouts of pneumonia.", ["HP:0006532"]),
    ],
)
def test_stature_of_people_and_bouts(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Children develop stiffness of the muscles (spasticity) that affects the legs much "
         "more than the arms.", {"HP:0002061"}, {"HP:0001257", "HP:0003552", "HP:0006986"}),
        ("There is stiffness of the legs (spasticity).", {"HP:0002061"}, {"HP:0001257"}),
        ("The first sign is usually stiffness and weakness in the legs.",
         {"HP:0002061", "HP:0007340"}, set()),
        ("They have stiff arms and legs.", {"HP:0002509"}, set()),
        # a new clause after ", and" is not the place of the stiffness
        ("Baclofen can reduce stiffness, and botulinum toxin may be injected into the legs.",
         set(), {"HP:0002061"}),
        # the gloss of a plural read as recurrent is still the finding
        ("Children have ear infections (otitis media).", {"HP:0000388"}, {"HP:0000403"}),
    ],
)
def test_stiffness_by_place_and_glosses(
    sentence: str, expected: set[str], absent: set[str]
) -> None:
    found = {o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Seizures can happen, especially in young children, when they have a fever.",
         ["HP:0001250"]),
        ("Signs may show up only during an illness, fever or other times of stress.", []),
        ("Attacks are often brought on by physical exercise, emotional stress, caffeine, "
         "alcohol or fever.", []),
        ("Babies have fevers with no clear cause.", ["HP:0001945"]),
    ],
)
def test_a_fever_that_is_a_moment_not_a_finding(sentence: str, expected: list[str]) -> None:
    assert sorted({o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Later the hands and forearms can become weak.", ["HP:0008959"]),
        ("The bones become weak and break easily.", ["HP:0002659"]),
        ("Boys have enlarged testes after puberty.", ["HP:0000053"]),
    ],
)
def test_weak_places_as_subject_and_plural_testes(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Their blood sugar drops when they go a few hours without food.", ["HP:0003162"]),
        ("Many children with the condition have extreme farsightedness.", ["HP:0008499"]),
        ("Some children with the condition have low blood sugar.", ["HP:0001943"]),
    ],
)
def test_fasting_and_extreme(sentence: str, expected: list[str]) -> None:
    assert sorted({o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kidney function slowly worsens over time.", ["HP:0012622"]),
        ("Protein in the urine is followed by gradual kidney failure.",
         ["HP:0000093", "HP:0012622"]),
        ("Many reach kidney failure by the age of 40.", ["HP:0000083"]),
    ],
)
def test_kidney_function_that_declines(sentence: str, expected: list[str]) -> None:
    assert sorted({o for p, o, _ in _edges_of(sentence) if p == "HAS_PHENOTYPE"}) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fingernails and toenails may be ridged, thin or split.",
         {"HP:0001807", "HP:0001816", "HP:0001809"}),
        ("Candida also infects the nails, which become thick and brittle.",
         {"HP:0001805", "HP:0001808"}),
        ("The fingernails are often thin.", {"HP:0012742"}),
    ],
)
def test_nails_in_predicates(sentence: str, expected: set[str]) -> None:
    assert set(phenotypes(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Calcium deposits may build up in the brain.", ["HP:0002514"]),
        ("The adrenal glands often have calcium deposits that show up on x-rays.",
         ["HP:0010512"]),
        ("Joint pain and early arthritis are common in adults.", ["HP:0002829", "HP:0003088"]),
    ],
)
def test_calcium_deposits_by_place_and_early_arthritis(sentence: str, expected: list[str]) -> None:
    assert sorted(phenotypes(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Most babies develop seizures in the first hours or days of life.", ["HP:0032807"]),
        ("Affected babies develop seizures within the first day of life.", ["HP:0032807"]),
        ("Reflexes at the ankles are reduced or absent.", ["HP:0200101"]),
    ],
)
def test_newborn_age_phrases_and_ankle_reflexes(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


def test_negated_edge_never_positive() -> None:
    page = parse_gard_text(
        "Some disease\n\nSome disease is a rare genetic disorder of bone. It does not cause "
        "seizures. Intelligence is usually normal. Affected people have short stature."
    )
    kg = graph_from_page(page)
    by_object = {(e.object, e.negated) for e in kg.edges()}
    assert ("HP:0001250", True) in by_object and ("HP:0001250", False) not in by_object
    assert ("HP:0001249", True) in by_object and ("HP:0004322", False) in by_object


def test_hedges_and_shares() -> None:
    s = "Signs may include fever."
    assert hedge(s, s.index("fever")) == "may"
    s = "It is caused by mutations in the FAS gene in about 75% of cases."
    assert share(s, s.index("FAS")) == (75.0, "about")
    s = "USH2A mutations cause roughly half of cases."
    assert share(s, 0) == (50.0, "roughly")


def test_gene_context_is_required() -> None:
    assert find_genes("IT IS A RARE CONDITION AND CAN BE SEVERE.") == []
    s = "Mutations in FBN1 cause the disorder; the NF2 gene is not involved."
    genes = {(g.symbol, g.negated) for g in find_genes(s)}
    assert genes == {("FBN1", False), ("NF2", True)}
    assert find_genes("The gene makes too much of the hormone FGF23.") == []


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The TP53 gene, which is changed in many cancers, is not involved here.", True),
        ("Changes in TP53, which makes a tumor suppressor, are not a cause.", True),
        ("Changes in TP53, which is not a large gene, cause the disorder.", False),
        ("Mutations in the TP53 gene cause it, and it is not contagious.", False),
        ("A related gene, TP53, is not involved.", True),
        ("Type A is caused by a different gene, TP53, which is not involved in type C.", True),
    ],
)
def test_gene_negation_across_a_relative_clause(sentence: str, negated: bool) -> None:
    assert [g.negated for g in find_genes(sentence)] == [negated]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no gene word: a symbol that cannot be an ordinary word, with a causal word
        ("KCNE1 and KCNE2 are rare causes.", [("KCNE1", False), ("KCNE2", False)]),
        ("The exception is the type caused by FANCB, which lies on the X chromosome.",
         [("FANCB", False)]),
        ("The CAT scan was normal.", []),
        # genes of another disorder, named for contrast
        ("Rarer types of iron overload are caused by the HJV or HAMP genes.", []),
        ("Other forms of Batten disease are caused by different genes, such as TPP1.", []),
        ("Other forms of the condition are caused by mutations in TPP1.", [("TPP1", False)]),
        ("It should not be confused with a disease caused by changes in PKHD1.", []),
        # denied after the list, or as a group later in the sentence
        ("Genes such as POLG and TWNK, which cause other disorders, are not the cause.",
         [("POLG", True), ("TWNK", True)]),
        ("Tumors can run in families because of RET or SDHB; these genes are not involved.",
         [("RET", True), ("SDHB", True)]),
        # a look-alike: "the same picture but no BTK change"; no denial of BTK either
        ("A few people have the same picture but no BTK change; in them the condition is "
         "caused by changes in other genes, such as IGHM or CD79A.", []),
        ("In 10% of people no FBN1 mutation is found.", []),
        # "without a CHD7 change": that negation does not reach the gene after it
        ("A few people without a CHD7 change have a variant in SEMA3E.", [("SEMA3E", False)]),
        ("PJS is different from juvenile polyposis, which is caused by mutations in SMAD4.",
         []),
        ("The condition looks similar to Bardet-Biedl syndrome, which is caused by genes "
         "such as BBS1.", []),
        ("A look-alike disorder, Pelizaeus-Merzbacher-like disease, is caused by mutations "
         "in the GJC2 gene.", []),
        ("A separate, recessive form of high cholesterol is caused by mutations in LDLRAP1.",
         []),
        ("A sweat test is done to rule out cystic fibrosis, which is caused by changes in "
         "the CFTR gene.", []),
        # a named disorder set against the page's: its genes are its own
        ("Tay-Sachs disease, by contrast, results from changes in the HEXA gene.", []),
        ("In contrast, Tay-Sachs disease is caused by changes in the HEXA gene.", []),
        ("This disease, by contrast, is caused by changes in the HEXB gene.",
         [("HEXB", False)]),
        # a gene said to work normally in the disease is denied
        ("The SMN1 gene, which is altered in the common form of spinal muscular atrophy, "
         "works normally in people with SMARD1.", [("SMN1", True)]),
        # what a gene's enzyme acts on is not a gene
        ("This gene provides instructions for an enzyme that trims von Willebrand factor.",
         []),
        # an alias followed by "genes" names a family ("PEX genes"), not the aliased gene
        ("It is caused by mutations in any one of 13 PEX genes.", []),
    ],
)
def test_gene_cues_contrast_and_later_denial(
    sentence: str, expected: list[tuple[str, bool]]
) -> None:
    assert [(g.symbol, g.negated) for g in find_genes(sentence)] == expected


def test_page_keeps_the_narrower_of_two_modes() -> None:
    from raregraph.extract.pipeline import _vaguer_modes

    x_linked, recessive = "HP:0001417", "HP:0001419"
    assert _vaguer_modes({x_linked, recessive}) == {x_linked}
    assert _vaguer_modes({"HP:0000005", "HP:0000006"}) == set()  # unknown is kept


def test_gene_name_aligns_to_hgnc() -> None:
    s = "It is caused by mutations in the gene for fibrillin 1."
    assert [g.curie for g in find_genes(s, find_mentions(s))] == ["HGNC:3603"]


def test_inheritance_modes_and_de_novo() -> None:
    s = "The disorder is autosomal dominant, but about 80 percent of cases are de novo."
    found = {(m.curie, m.qualifier) for m in find_inheritance(s, find_mentions(s))}
    assert found == {("HP:0000006", None), (DE_NOVO, "about 80 percent of cases")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In about 10% of people, the mutation is new and neither parent carries it.",
         [DE_NOVO]),
        # the other disorder is the subject: its mode is not the page's
        ("Other urea cycle disorders, caused by changes in genes such as CPS1, can look "
         "very similar but are inherited in an autosomal recessive pattern.", []),
        ("Other disorders can look similar, but this condition is autosomal recessive.",
         ["HP:0000007"]),
    ],
)
def test_inheritance_wordings_and_other_disorders(sentence: str, expected: list[str]) -> None:
    assert [m.curie for m in find_inheritance(sentence, find_mentions(sentence))] == expected


def test_a_stated_absence_of_anticipation_is_negated() -> None:
    s = "The repeat hardly changes, so the disease does not usually start earlier in later "
    s += "generations."
    assert [(m.curie, m.negated) for m in find_inheritance(s, find_mentions(s))] == [
        ("HP:0003743", True)
    ]


@pytest.mark.parametrize(
    ("sentence", "left_out"),
    [
        # a look-alike named before, described by a relative clause
        ("It is the familial counterpart of Parsonage-Turner syndrome, a similar condition "
         "that occurs in people with no family history.", "HP:0003745"),
        # the form set against the page's, up to its comma
        ("Unlike the autosomal dominant form of hyper-IgE syndrome caused by STAT3 "
         "mutations, this condition does not usually cause broken bones.", "HGNC:11364"),
        ("Unlike the autosomal dominant form of hyper-IgE syndrome caused by STAT3 "
         "mutations, this condition does not usually cause broken bones.", "HP:0000006"),
        ("In a related condition in which seizures begin a little later, the usual cause "
         "is a variant in SCN2A.", "HGNC:10588"),
        # other changes of the gene, causing another disorder
        ("Some other KCNQ2 changes, which usually arise as a new mutation in the child, "
         "cause a severe epileptic encephalopathy; that is a different disorder.", DE_NOVO),
    ],
)
def test_genes_and_modes_of_a_contrasted_disorder_are_left_out(
    sentence: str, left_out: str
) -> None:
    assert left_out not in {o for _, o, _ in _edges_of(sentence)}


def test_a_very_similar_condition_of_a_few_families_keeps_its_mode() -> None:
    # curators keep "a very similar condition" of some families as a form of the disease
    s = ("A few families have a very similar condition that is passed down in an "
         "autosomal dominant manner.")
    assert [m.curie for m in find_inheritance(s, find_mentions(s))] == ["HP:0000006"]



def test_a_lay_phrase_glossed_after_one_more_word() -> None:
    text = (
        "Probe disease\n\nProbe disease is a rare genetic disorder of the thyroid. Most "
        "people develop an enlarged thyroid gland (goiter).\n"
    )
    kg = graph_from_page(parse_gard_text(text, source="probe.txt"))
    assert {e.object for e in kg.edges() if e.predicate.name == "HAS_PHENOTYPE"} == {"HP:0000853"}


def test_findings_of_another_disorder_named_in_apposition_are_left_out() -> None:
    text = (
        "Probe disease\n\nProbe disease is a rare genetic disorder that causes seizures. "
        "One change in the FGFR3 gene causes a separate condition, Probe syndrome with "
        "acanthosis nigricans, in which the skin becomes dark and thick.\n"
    )
    kg = graph_from_page(parse_gard_text(text, source="probe.txt"))
    found = {e.object for e in kg.edges() if e.predicate.name == "HAS_PHENOTYPE"}
    assert found == {"HP:0001250"}


def test_a_body_part_named_once_as_a_symptom_place_is_not_an_affected_organ() -> None:
    def organs(body: str) -> set[str]:
        text = f"Probe disease\n\nProbe disease is a rare genetic disorder. {body}\n"
        kg = graph_from_page(parse_gard_text(text, source="probe.txt"))
        return {e.object for e in kg.edges() if e.predicate.name == "DISEASE_HAS_LOCATION"}

    muscle = "UBERON:0001134"
    assert muscle not in organs("It causes muscle weakness and an enlarged liver.")
    assert muscle in organs("The disease damages the muscles. Over time the muscles weaken.")
    assert "UBERON:0002107" in organs("It causes muscle weakness and an enlarged liver.")
    # named once on its own, as what the disease damages
    assert muscle in organs("The disease can damage the heart and the muscles.")
    # the eyes of a facial feature are its place, not an affected organ
    eye = "UBERON:0000970"
    assert eye not in organs("Children have eyes that slant down and a small chin.")
    assert eye in organs("The disease damages the eyes and the kidneys.")


def test_a_denied_mode_broader_than_a_stated_one_is_dropped() -> None:
    text = (
        "Probe disease\n\nProbe disease is inherited in an X-linked recessive pattern. "
        "A few people have a similar condition caused by other genes, and it is not "
        "X-linked.\n"
    )
    kg = graph_from_page(parse_gard_text(text, source="probe.txt"))
    modes = {(e.object, e.negated) for e in kg.edges() if e.predicate.name.endswith("INHERITANCE")}
    assert modes == {("HP:0001419", False)}


def test_disease_name_is_not_read_as_a_mode() -> None:
    s = "X-linked hypophosphatemia is inherited in an X-linked dominant pattern."
    blocked = [(0, len("X-linked hypophosphatemia"))]
    found = [m.curie for m in find_inheritance(s, find_mentions(s), blocked=blocked)]
    assert found == ["HP:0001423"]


def test_sentences_keep_reference_markers_out() -> None:
    (first, second) = split_sentences("It is rare.[1] It is e.g. mild.", 100)
    assert first.text == "It is rare.[1]" and first.start == 100
    assert second.text == "It is e.g. mild."


def test_html_spans_point_at_the_original_file() -> None:
    page = read_gard_page(DEV / "fabry_disease.html")
    kg = graph_from_page(page)
    checked = 0
    for edge in kg.edges():
        for ev in edge.evidence:
            assert ev.span is not None
            raw = page.original[ev.span[0] : ev.span[1]]
            assert "<" not in raw or ">" in raw
            if raw.isalnum():
                assert raw.lower() in (ev.sentence or "").lower()
                checked += 1
    assert checked > 5
    gla = next(e for e in kg.edges() if e.object == "HGNC:4296")
    span = gla.evidence[0].span
    assert span is not None and page.original[span[0] : span[1]] == "GLA"


def test_lay_terms_ids_exist_in_their_ontology() -> None:
    lexicon = get_lexicon()
    for line in (DATA_DIR / "lay_terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "kind\t")):
            continue
        kind, phrase, curie = line.split("\t")[:3]
        assert curie in lexicon.labels, (phrase, curie)
        if kind == "phenotype":
            assert "HP:0000118" in lexicon.hp_ancestors(curie)


def test_systematic_chemical_names_and_pseudogenes_are_not_matched() -> None:
    lexicon = get_lexicon()
    assert not lexicon.lookup("3,5 dichloro 2,6 dimethyl 4 pyridinol", "drug")
    assert not lexicon.lookup("rna, u6 small nuclear 1031, pseudogene", "gene")
    assert lexicon.lookup("interferon gamma-1b", "drug")  # a drug's name stays


def test_a_lay_phrase_is_listed_once_per_kind() -> None:
    # a second row for the same words would be silently shadowed by the first
    seen: set[tuple[str, str]] = set()
    for line in (DATA_DIR / "lay_terms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "kind\t")):
            continue
        kind, phrase = line.split("\t")[:2]
        assert (kind, phrase.lower()) not in seen, phrase
        seen.add((kind, phrase.lower()))


def test_every_removal_names_a_procedure_of_the_vocabulary() -> None:
    lexicon = get_lexicon()
    names = {label.lower() for label in lexicon.labels.values()}
    for line in (DATA_DIR / "removals.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "procedure\t")):
            continue
        procedure, nouns = line.split("\t")
        assert procedure in names, procedure
        for noun in nouns.split("|"):
            assert lexicon.lookup(f"removal of the {noun}", "treatment"), (procedure, noun)


def test_pure_python_matching_agrees_with_the_automaton() -> None:
    lexicon = get_lexicon()
    text = "enlargement of the lymph nodes, liver and spleen; autosomal dominant"
    from raregraph.extract.lexicon import fold

    folded = fold(text)
    assert sorted(lexicon.matches(folded)) == sorted(lexicon._ngram_matches(folded))


def _treatments(text: str) -> set[str]:
    page = parse_gard_text(
        "Some disease\n\nSome disease is a rare genetic disorder of the skin and nerves. " + text
    )
    kg = graph_from_page(page)
    return {e.object for e in kg.edges() if e.predicate.value.endswith("treated_by")}


def test_therapeutic_verbs_are_treatment_cues() -> None:
    assert "CHEBI:135923" in _treatments("Migalastat, a pill, works for some people.")
    assert "CHEBI:90227" in _treatments("Selumetinib shrinks plexiform neurofibromas.")


def test_a_drug_target_is_not_a_treatment() -> None:
    found = _treatments("Drugs that block interleukin-1, such as anakinra, are an option.")
    assert "MESH:D007375" not in found


def test_lay_wordings_of_phenotype_names() -> None:
    assert phenotypes("They have heart rhythm problems.") == ["HP:0011675"]
    assert phenotypes("People have stiff muscles.") == ["HP:0003552"]
    assert phenotypes("Many have cafe-au-lait spots.") == ["HP:0007565"]


def test_coordination_splits_a_combined_term() -> None:
    found = phenotypes("Enlargement of the liver and spleen is common.")
    assert sorted(found) == ["HP:0001744", "HP:0002240"]


def _edges_of(text: str) -> set[tuple[str, str, bool]]:
    page = parse_gard_text(f"Some disease\n\nSome disease is a rare disorder. {text}")
    kg = graph_from_page(page)
    return {(e.predicate.name, e.object, e.negated) for e in kg.edges()}


def _objects_of(text: str, *predicates: str) -> set[str]:
    """The objects of the page's edges with these predicates (any negation)."""
    return {o for p, o, _ in _edges_of(text) if p in predicates}


def treated(text: str) -> set[str]:
    """The treatments of the page's edges."""
    return _objects_of(text, "TREATED_BY")


def test_a_finding_said_to_be_absent_after_it_is_negated() -> None:
    edges = _edges_of("Heart failure is common. Cardiomyopathy is usually absent.")
    assert ("HAS_PHENOTYPE", "HP:0001638", True) in edges
    assert ("HAS_PHENOTYPE", "HP:0001638", False) not in edges
    assert ("HAS_PHENOTYPE", "HP:0001635", False) in edges


def test_a_symbol_inside_the_diseases_own_name_is_not_a_gene(tmp_path) -> None:
    page = tmp_path / "cda.txt"
    page.write_text(
        "Congenital dyserythropoietic anemia type 2\n\nOther Names for this Disease\n"
        "  \u2022 CDA II\n\nCongenital dyserythropoietic anemia type 2 is a rare blood "
        "disorder. Almost all cases of CDA II are caused by variants in the SEC23B gene.\n",
        encoding="utf-8",
    )
    kg = graph_from_page(read_gard_page(page))
    genes = {e.object for e in kg.edges() if e.predicate.name == "CAUSED_BY"}
    assert genes == {"HGNC:10702"}  # SEC23B, not CDA (cytidine deaminase)


def test_a_disease_abbreviation_is_a_whole_word() -> None:
    page = parse_gard_text(
        "Camurati-Engelmann disease\n\nOther Names for this Disease\n  • CED\n\n"
        "Camurati-Engelmann disease (CED) is a rare bone disorder. It is autosomal dominant, "
        "although not everyone who inherits the change becomes ill (reduced penetrance)."
    )
    modes = {e.object for e in graph_from_page(page).edges()
             if e.predicate.name == "HAS_MODE_OF_INHERITANCE"}
    assert modes == {"HP:0000006", "HP:0003829"}


def test_another_illness_named_after_a_cue_owns_its_findings_and_organs() -> None:
    edges = _edges_of(
        "Babies with two altered copies can have a much more serious illness called "
        "neonatal severe hyperparathyroidism, with poor feeding and weak bones."
    )
    assert not {o for p, o, _ in edges if p in ("HAS_PHENOTYPE", "DISEASE_HAS_LOCATION")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bracket that names the negated phrase is the absence itself, positive
        ("Babies have no overflow tears when crying (alacrima).", {("HP:0000522", False)}),
        ("The pancreas may no longer make enough digestive enzymes (exocrine pancreatic "
         "insufficiency).", {("HP:0001738", False)}),
        # a bracket that glosses a negated finding shares its negation
        ("It does not cause seizures (fits).", {("HP:0001250", True)}),
        # a negated clause of its own ends at "and form", or at the comma of "because"
        ("When it does not work, cells multiply without control and form hamartomas.",
         {("HP:0010566", False)}),
        ("Because the pancreas does not make enough enzymes, many babies have diarrhea.",
         {("HP:0002014", False)}),
        # what the parents or carriers do not have is not about the patient
        ("The parents are carriers and usually have no bleeding problems themselves.",
         set()),
        # what brings an episode on is not a finding, up to what it leads to
        ("Attacks can be set off by exercise, fever, heat or stress.", set()),
        ("In some babies, pauses in breathing (apnea) happen during fevers.",
         {("HP:0002104", False)}),
        ("Seizures are triggered by fever, leading to developmental delay.",
         {("HP:0001250", False), ("HP:0001263", False)}),
        # each item of a list after "bleeding after", which is no treatment
        ("People have prolonged bleeding after surgery, tooth extraction or childbirth.",
         {("HP:0004846", False), ("HP:0006298", False), ("HP:0011891", False)}),
        # what a treatment prevents is not a finding
        ("Aspirin is often given to prevent blood clots.", set()),
        # a measure that falls is not a fall (but a level that falls: Neutropenia); fluid
        # "collecting" is not Collectionism
        ("For three days each cycle the neutrophil count falls to very low levels.",
         {("HP:0001875", False)}),
        ("Before birth, some babies have fluid collecting under the skin.", set()),
        # a finding "not typical" of the disease is stated absent
        ("Seizures are not a typical sign of this condition.", {("HP:0001250", True)}),
        ("A non-itchy rash may appear on the arms and the legs.",
         {("HP:0000988", False), ("HP:0000989", True)}),
    ],
)
def test_negation_scopes(sentence: str, expected: set[tuple[str, bool]]) -> None:
    edges = _edges_of(sentence)
    assert {(o, n) for p, o, n in edges if p == "HAS_PHENOTYPE"} == expected


def test_list_items_are_sentences_of_their_own() -> None:
    items = [s.text for s in split_sentences(
        "• Beta blockers are the main treatment.\n\n• Flecainide may be added.\n\n"
        "• Chest pain\n\n• Very intense exercise should be avoided."
    )]
    assert items == [
        "• Beta blockers are the main treatment.",
        "• Flecainide may be added.",
        "• Chest pain",
        "• Very intense exercise should be avoided.",
    ]
    # the last item's "avoided" does not reach the drugs of the first ones
    page = parse_gard_text(
        "Some disease\n\nSome disease is a rare heart rhythm disorder of children.\n\n"
        "Treatment\n\n• Beta blockers are the main treatment.\n\n• Flecainide may be "
        "added.\n\n• Very intense exercise should be avoided."
    )
    treated = {e.object for e in graph_from_page(page).edges() if e.predicate.name == "TREATED_BY"}
    assert {"CHEBI:35530", "CHEBI:75984"} <= treated


@pytest.mark.parametrize(
    ("text", "genes", "modes"),
    [
        # a gene that a larger deletion removes beside the disease's own; a name right
        # after "confused with" owns the rest of the sentence
        ("It is caused by PAX6 mutations. Some children have a deletion large enough to "
         "remove PAX6 together with the nearby WT1 gene. Those whose deletion includes WT1 "
         "get kidney ultrasounds. It should not be confused with Leber hereditary optic "
         "neuropathy, which is passed on through the mother's mitochondrial DNA.",
         {"HGNC:8620"}, set()),
        # genes in a list under a sentence that ends in ":"; the cause of another named
        # disorder in a relative clause
        ("It is caused by variants in more than a dozen genes, and the way it is "
         "inherited depends on the gene:\n\n• X-linked recessive – NYX and CACNA1F. "
         "Together these are the most common causes.\n\n• Autosomal recessive – GRM6 "
         "and TRPM1.\n\nMost children have Stickler syndrome (which is caused by "
         "changes in collagen genes such as COL2A1).",
         {"HGNC:8082", "HGNC:1393", "HGNC:4598", "HGNC:7146"},
         {"HP:0001419", "HP:0000007"}),
        # the gene of another named disorder, in apposition to "a different gene"
        ("Congenital contractural arachnodactyly is caused by variants in FBN2. A change in "
         "a different fibrillin gene, FBN1, causes Marfan syndrome rather than CCA.",
         {"HGNC:3604"}, set()),
        # a gene product in a mechanism; the genes of look-alike cases; lay penetrance
        ("It is caused by mutations in the TNFRSF1A gene, which makes a receptor for tumor "
         "necrosis factor. Some children have a very similar illness but no TNFRSF1A "
         "mutation. In these look-alike cases, other genes such as IL2RA or STAT5B may be "
         "responsible. Not everyone who inherits a mutation develops symptoms.",
         {"HGNC:11916"}, {"HP:0003829"}),
    ],
)
def test_genes_and_modes_that_are_not_the_diseases(
    text: str, genes: set[str], modes: set[str]
) -> None:
    assert _objects_of(text, "CAUSED_BY", "CONDITION_ASSOCIATED_WITH_GENE") == genes
    assert _objects_of(text, "HAS_MODE_OF_INHERITANCE") == modes


def test_anticipation_named_after_the_sentence_that_describes_it() -> None:
    text = ("The repeat tends to grow longer when it is passed on, especially from a father. "
            "This is called anticipation.")
    assert _objects_of(text, "HAS_MODE_OF_INHERITANCE") == {"HP:0003744"}
    text = "The repeat tends to grow longer when it is passed on. This is called anticipation."
    assert _objects_of(text, "HAS_MODE_OF_INHERITANCE") == {"HP:0003743"}


def test_sudden_death_beside_the_heart_is_cardiac() -> None:
    found = _objects_of("The heart rhythm problem can cause fainting or sudden death.",
                        "HAS_PHENOTYPE")
    assert found == {"HP:0001279", "HP:0001645"}
    found = _objects_of("Sudden death may occur during sleep in some people.", "HAS_PHENOTYPE")
    assert found == {"HP:0001699"}


def test_what_the_relatives_have_is_not_the_patients() -> None:
    edges = _edges_of(
        "There is usually no family history of seizures, but children have ataxia. "
        "A family history of heart disease is common, and the kidneys fail."
    )
    assert {(p, o) for p, o, _ in edges if p != "HAS_MODE_OF_INHERITANCE"} == {
        ("HAS_PHENOTYPE", "HP:0001251"),
        ("HAS_PHENOTYPE", "HP:0000083"),
        ("DISEASE_HAS_LOCATION", "UBERON:0002113"),
    }


def test_a_disease_that_the_treatment_is_compared_to_is_not_a_finding() -> None:
    found = _objects_of(
        "The bowel inflammation is treated much like Crohn's disease, with steroids.",
        "HAS_PHENOTYPE", "TREATED_BY",
    )
    assert found == {"HP:4000055", "CHEBI:50858"}  # not HP:0100280 Crohn's disease


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated verb of knowing denies nothing that follows
        ("Many people do not realize they cannot smell until they are tested.",
         {("HP:0000458", False)}),
        # ... but "not known to cause" still denies
        ("It is not known to cause seizures.", {("HP:0001250", True)}),
        # a relative clause's negation ends at its comma
        ("The child has a fever that does not go away, enlargement of the liver and spleen.",
         {("HP:0033399", False), ("HP:0002240", False), ("HP:0001744", False)}),
        # "no symptoms or only mild cramps": the second alternative holds
        ("Some children have no symptoms or only mild muscle cramps.",
         {("HP:0003394", False)}),
        # "not only"
        ("Not only seizures but also ataxia occur.",
         {("HP:0001250", False), ("HP:0001251", False)}),
        # stated normality: "look normal", "was normal", thinking
        ("It does not affect intelligence, and brain scans look normal.",
         {("HP:0001249", True), ("HP:0012443", True)}),
        ("It begins in children whose development was normal up to then.",
         {("HP:0001263", True)}),
        ("It spares the brain, so thinking and learning are normal.",
         {("HP:0100543", True)}),
        # a denied predicate: each subject's finding is stated absent
        ("The liver and spleen are not enlarged.",
         {("HP:0002240", True), ("HP:0001744", True)}),
        ("Unlike in achondroplasia, the head is not enlarged.", {("HP:0000256", True)}),
        # "tearing of an artery" is no watery eye
        ("A serious risk is tearing of a medium-sized artery.", set()),
        # tonic-clonic seizures without HPO's "(without specification of onset)"
        ("Some people have generalized tonic-clonic seizures.", {("HP:0002069", False)}),
        # a negation ends with its list item
        ("Other features include:\n  \u2022 a pale retina, which does not affect vision\n"
         "  \u2022 tiredness", {("HP:0000505", True), ("HP:0012378", False)}),
    ],
)
def test_negations_that_deny_nothing_after_them(
    text: str, expected: set[tuple[str, bool]]
) -> None:
    assert {(o, n) for p, o, n in _edges_of(text) if p == "HAS_PHENOTYPE"} == expected


def test_a_contrast_is_not_an_absence() -> None:
    edges = _edges_of("Some children have stiffness rather than chorea.")
    assert not any(negated for _, _, negated in edges)


def test_kind_named_after_the_finding() -> None:
    s = "Hearing loss of the sensorineural type develops in childhood."
    assert [m.curie for m in find_mentions(s) if m.kind == "phenotype"] == ["HP:0000407"]


def test_copula_reads_adverbs_of_degree() -> None:
    s = "Puberty is frequently delayed and motor development is severely delayed."
    curies = {m.curie for m in find_mentions(s) if m.kind == "phenotype"}
    assert {"HP:0000823", "HP:0001270"} <= curies


def test_everyday_words_are_not_drugs() -> None:
    edges = _edges_of("Treatment with steroids leads to improvement; early care leads to "
                      "better outcomes.")
    assert {o for p, o, _ in edges if p == "TREATED_BY"} == {"CHEBI:50858"}


def test_what_a_drug_is_made_after_or_controls_is_no_treatment() -> None:
    assert treated("Drugs that can harm muscle, such as statins, should be used with care.") \
        == set()
    assert treated("Metreleptin, a man-made form of the hormone leptin, may help.") == {
        "MESH:C415771"
    }
    assert "MESH:D014280" not in treated("A low-fat diet helps control triglycerides.")
    assert treated("Treatment uses somatostatin analogs such as octreotide.") == {"CHEBI:7726"}
    assert treated("Treatment includes extra salt and immunoglobulin infusions.") == {
        "MESH:D012965", "MESH:D016756"
    }


def test_drugs_that_fail_and_nutrients_a_diet_keeps_low_are_no_treatments() -> None:
    found = treated("The seizures do not respond to the usual seizure medicines, such as "
                    "phenobarbital or phenytoin, but they stop once pyridoxine is given.")
    assert found == {"CHEBI:16709"}
    found = treated("For those who do not respond to colchicine, drugs such as anakinra or "
                    "canakinumab are an option.")
    assert {"CHEBI:231683", "MESH:C541220"} <= found
    found = treated("Treatment is a diet low in the sulfur-containing amino acids methionine "
                    "and cysteine, with a leucine-free medical formula.")
    assert not found & {"CHEBI:16811", "CHEBI:15356", "CHEBI:25017"}


def test_lay_treatments_and_organs() -> None:
    s = "Gene therapy, open heart surgery and stimulant medications may help."
    assert {m.curie for m in find_mentions(s) if m.kind == "treatment"} == {
        "MESH:D015316",
        "MESH:D006348",
        "CHEBI:35337",
    }
    s = "Damage to the optic nerve and the heart muscle."
    assert {m.curie for m in find_mentions(s) if m.kind == "organ"} == {
        "UBERON:0000941",
        "UBERON:0002349",
    }


def test_adjectives_sharing_a_noun_and_late_actions() -> None:
    s = "They have large or protruding ears and learn to walk late."
    curies = {m.curie for m in find_mentions(s) if m.kind == "phenotype"}
    assert {"HP:0000400", "HP:0000411", "HP:0031936"} <= curies
    assert not [m for m in find_mentions("Mild or severe pain occurs.") if m.how == "coordination"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nearly all cases are new deletions in the egg or sperm.", {DE_NOVO}),
        ("It usually happens as a random new event in affected families.", {DE_NOVO}),
        ("The inheritance pattern is still considered unknown.", {"HP:0000005"}),
        ("Most cases are not inherited.", set()),
        ("This pattern of gene activity is called genomic imprinting.", {"HP:0034338"}),
        ("In them the mutation occurred new.", {DE_NOVO}),
        ("Some experts call the pattern codominant.", {"HP:0032113"}),
        # the mode of another disorder, named for contrast
        ("It should not be confused with autosomal recessive polycystic kidney disease.", set()),
        # a lowercase name in apposition to "a different disease from ..."
        ("It is a different disease from the more common adult form, autosomal dominant "
         "polycystic kidney disease.", set()),
        # a look-alike named in apposition; a child with a change from both parents; an
        # unknown way of being passed down
        ("A very similar illness, sporadic fatal insomnia, occurs in people who do not "
         "have a PRNP mutation.", set()),
        ("Very rarely, a child inherits a mutation from both parents.", {"HP:0000007"}),
        ("Inherited factors play a part; how it might be passed down is not understood.",
         {"HP:0000005"}),
        # the relative clause of "a different condition"; high penetrance
        ("It is seen in DOCK8 deficiency, a different condition that is inherited in an "
         "autosomal recessive way.", set()),
        ("It follows an autosomal dominant pattern with high penetrance.",
         {"HP:0000006", "HP:4000158"}),
        # a carrier parent's chance of passing the variant on is no dominant inheritance
        ("A carrier mother has a 50% chance of passing the variant to each child.", set()),
        ("Each child of an affected parent has a 50% chance of inheriting the variant.",
         {"HP:0000006"}),
        ("A look-alike is a separate, autosomal recessive condition.", set()),
        ("It is autosomal dominant, unlike a separate, recessive condition.", {"HP:0000006"}),
        ("Some changes cause a separate, milder disorder called Wolfram-like syndrome, which "
         "runs in families in an autosomal dominant pattern.", set()),
        # a mode that is part of another disorder's name
        ("Milder mutations in the same gene cause X-linked thrombocytopenia.", set()),
        # "and appear to have": the negation ends at the second predicate
        ("About one in four have no family history and appear to have a new mutation.",
         {DE_NOVO}),
        # lay explanations and other wordings of a mode
        ("It is maternally inherited.", {"HP:0001427"}),
        ("Inheritance is multifactorial.", {"HP:0010982"}),
        ("The condition shows anticipation, worsening in each generation.", {"HP:0003743"}),
        ("In anticipation of surgery, patients fast.", set()),
        ("Most cases occur in people with no history of the disorder in their family.",
         {"HP:0003745"}),
        # the family history of the disorder, or of something else
        ("Most affected people have no family history of the condition.", {"HP:0003745"}),
        ("Affected people often have no family history of heart disease.", set()),
        # "dominant or recessive", oligogenic and sporadic in lay words, penetrance
        ("PROKR2 changes may act in an autosomal dominant or recessive way.",
         {"HP:0000006", "HP:0000007"}),
        ("Some people have variants in more than one of these genes.", {"HP:0010983"}),
        ("Many people are the first in their family to be affected.", {"HP:0003745"}),
        ("Penetrance is reduced, so many carriers never have an attack.", {"HP:0003829"}),
        ("Not everyone with a variant develops symptoms.", {"HP:0003829"}),
        ("A few people who carry the variant never have symptoms.", {"HP:0003829"}),
        # semidominance in lay words; a group of disorders named by the organelle
        ("The SLC7A9 form is sometimes described as incompletely dominant.", {"HP:0032113"}),
        ("It is one of the mitochondrial DNA depletion syndromes.", set()),
        ("Families can find help from groups for mitochondrial disease.", set()),
        ("The condition shows mitochondrial inheritance.", {"HP:0001427"}),
        ("POLG makes the enzyme that copies mitochondrial DNA.", set()),
        ("MERRF is caused by changes in mitochondrial DNA.", {"HP:0001427"}),
        # imprinting: the parent whose copy counts
        ("A child develops it only if the altered gene comes from the mother.",
         {"HP:0012274"}),
        ("The disorder appears only when the deletion is inherited from the father.",
         {"HP:0012275"}),
        ("About half of children inherit the change from their mother.", set()),
        # a case supposed for advice, not how the disease occurs
        ("A baby with aniridia and no family history should have genetic testing.", set()),
        # occurring by chance, not inherited: sporadic; a change occurring by chance
        ("This form usually occurs by chance and is not inherited.", {"HP:0003745"}),
        ("The mutation occurs by chance and is not inherited.", set()),
        # a random event in forming an egg or sperm cell is a new change
        ("The deletion usually occurs as a random event during the formation of an egg or "
         "sperm cell.", {DE_NOVO}),
        ("Symptoms occur at random.", set()),
        # the copies that cause a more serious illness named after them
        ("A baby who inherits two altered copies of the gene, one from each parent, can "
         "have a much more serious illness called neonatal severe hyperparathyroidism.",
         set()),
        # somatic mosaicism, not a parent's; a change by chance after conception
        ("This pattern, called mosaicism, explains why the birthmark is patchy.",
         {"HP:0001442"}),
        ("Some of these people are mosaic, meaning the change is in only some cells.",
         {"HP:0001442"}),
        ("A parent may be mosaic for the change.", set()),
        ("Germline mosaicism in a parent is possible.", set()),
        ("The change happens by chance after conception, in one cell of the embryo.",
         {"HP:0003745"}),
        # "not everyone who inherits it" is a quantifier, not a negation
        ("It is autosomal dominant, although not everyone who inherits the change becomes "
         "ill (reduced penetrance).", {"HP:0000006", "HP:0003829"}),
        # anticipation tied to the father
        ("The repeat lengthens most often when the father passes it on; this is called "
         "anticipation.", {"HP:0003744"}),
        # which gene is unknown in some cases, not how it is inherited
        ("In the remaining cases, the genetic cause is not known.", set()),
        ("The genetic cause of the disorder is unknown.", {"HP:0000005"}),
        ("Both copies of the gene in each cell have mutations.", {"HP:0000007"}),
        # wordings that hold none of the commoner words of a mode (the rules' gates)
        ("In each affected child the variant occurred for the first time.", {DE_NOVO}),
        ("The mode of inheritance is unclear.", {"HP:0000005"}),
        ("One copy of the altered gene in each cell is sufficient to cause it.",
         {"HP:0000006"}),
        # the same words in an X-linked explanation
        ("Because males have only one X chromosome, one altered copy of the gene in each "
         "cell is sufficient to cause it.", set()),
        # the chances of the children, the copies from each parent, carrier parents
        ("Each child of an affected person has a 50% chance of inheriting the change.",
         {"HP:0000006"}),
        ("A person needs only one changed copy of the gene to have the disease.",
         {"HP:0000006"}),
        ("Affected people have two changed copies of the gene, one from each parent.",
         {"HP:0000007"}),
        ("When both parents are carriers, each child has a 25% chance of being affected.",
         {"HP:0000007"}),
        ("Each child of two carrier parents has a 50% chance of being a carrier.", set()),
        ("Sons of a carrier mother have a 50% chance of being affected.", set()),
        ("By age 60 there is a 50% risk of cancer.", set()),
        ("The parents of an affected child each carry one changed copy of the gene.",
         {"HP:0000007"}),
        # session 17: penetrance, anticipation and new changes in other words
        ("It is autosomal dominant, although not everyone who inherits it will have "
         "attacks.", {"HP:0000006", "HP:0003829"}),
        ("Some people who carry a variant never develop changes they notice (reduced "
         "penetrance).", {"HP:0003829"}),
        ("It is inherited in an autosomal dominant pattern, but penetrance is not reduced.",
         {"HP:0000006"}),
        ("Symptoms often begin at a younger age in each generation.", {"HP:0003743"}),
        ("About 10 to 30% of people have a new change that was not inherited from either "
         "parent.", {DE_NOVO}),
    ],
)
def test_inheritance_wordings(sentence: str, expected: set[str]) -> None:
    found = {m.curie for m in find_inheritance(sentence, find_mentions(sentence))}
    assert found == expected


def test_sex_named_before_and_negation_ending_at_a_new_noun_phrase() -> None:
    s = "Most men with the condition are infertile."
    assert [m.curie for m in find_mentions(s) if m.kind == "phenotype"] == ["HP:0003251"]
    s = "They have jaundice that does not clear up, and an enlarged liver."
    assert not is_negated(s, s.index("enlarged"))
    s = "It does not cause seizures, headaches, or fever."
    assert is_negated(s, s.index("fever"))


def test_treatments_avoided_under_study_and_coordinated() -> None:
    edges = _edges_of(
        "Treatment includes physical, occupational and speech therapy. People should avoid "
        "vitamin A supplements; valproic acid should be avoided. Gene therapies are being "
        "tested in clinical trials; some patients receive rituximab."
    )
    treated = {o for p, o, _ in edges if p == "TREATED_BY"}
    assert {"MESH:D026741", "MAXO:0001351", "MAXO:0000930", "MESH:D000069283"} <= treated
    assert not treated & {"CHEBI:12777", "CHEBI:39867", "MESH:D015316"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range of degrees is the finding itself, as HPO annotates such diseases
        ("Most have mild to moderate intellectual disability.", {"HP:0001249"}),
        ("It ranges from normal to mild or moderate intellectual disability.", {"HP:0001249"}),
        # one degree narrows it
        ("Most people with the condition have severe intellectual disability.", {"HP:0010864"}),
        ("It ranges from normal intelligence to mild intellectual disability.", {"HP:0001256"}),
    ],
)
def test_a_range_of_degrees_names_the_finding(sentence: str, expected: set[str]) -> None:
    assert _objects_of(sentence, "HAS_PHENOTYPE") == expected


def test_predicate_adjective_lists_absences_and_levels() -> None:
    s = "The hair is sparse and brittle."
    assert {m.curie for m in find_mentions(s) if m.kind == "phenotype"} == {
        "HP:0008070",
        "HP:0002299",
    }
    s = "Scans show absence of the corpus callosum and low levels of antibodies."
    assert {"HP:0001274", "HP:0004313"} <= {m.curie for m in find_mentions(s)}


def test_the_lexicon_imports_without_graph_or_ontology_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys, raregraph.extract.lexicon; "
        "print(sorted(m for m in ('networkx', 'pronto', 'curies', 'rdflib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    import raregraph

    assert raregraph.KnowledgeGraph.__name__ == "KnowledgeGraph"
    assert "KnowledgeGraph" in dir(raregraph)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # drugs to avoid, listed far from the word "avoid"
        ("Some medicines that block cholesterol production, including aripiprazole, "
         "haloperidol and trazodone, are usually avoided.", set(),
         {"CHEBI:31236", "CHEBI:5613", "CHEBI:9654"}),
        ("Patients are told to avoid drugs that lengthen the QT interval, for example some "
         "antibiotics such as erythromycin.", set(), {"CHEBI:48923"}),
        ("Antibiotics are given to avoid infections.", {"CHEBI:36047"}, set()),
        # named, then said not to help
        ("Antihistamines, steroids and epinephrine, which help allergic swelling, usually do "
         "not work in this disease.", set(), {"MESH:D004837", "CHEBI:50858"}),
        ("Allopurinol lowers uric acid but does not help the movement problems.",
         {"CHEBI:40279"}, {"CHEBI:27226"}),
        # under study only in its own part of the sentence
        ("Hematopoietic stem cell transplantation can cure it, and gene therapy is being "
         "tested in clinical trials.", {"MAXO:0000747"}, {"MESH:D015316"}),
        ("A lung transplant may be an option, and new medicines are being studied.",
         {"MESH:D016040"}, set()),
        # examining is not treating; a substance inside a finding is not a treatment
        ("Treatment starts after genetic testing confirms it.", set(), {"MAXO:0000127"}),
        ("Treatment helps with insulin resistance.", set(), {"MESH:D007328"}),
        ("Bisphosphonates such as pamidronate can strengthen bones.", {"CHEBI:7903"}, set()),
        ("Splenectomy may be recommended for people with severe anemia.",
         {"MAXO:0001077"}, set()),
        ("Antiseizure medications such as valproic acid can control seizures.",
         {"CHEBI:35623", "CHEBI:39867"}, set()),
        ("Treatment involves replacing the missing clotting factor with factor VIII.",
         {"MESH:D005169"}, {"MESH:D001779"}),
        ("Surgery to place metal rods in the long bones may help.", set(), {"MESH:D008670"}),
        ("Enzyme replacement therapy is not available.", set(), {"MESH:D056947"}),
        ("Genetic counseling is recommended for families.", set(), {"MAXO:0000079"}),
        ("A low-salt diet is recommended.", {"MESH:D004039"}, set()),
        ("Newborns may need a breathing tube placed through the neck (tracheostomy).",
         {"MESH:D014139"}, set()),
        ("Eye doctors advise wearing sunglasses outdoors.", {"MESH:D005135"}, set()),
        # tinted glasses are eyeglasses (the curators' id)
        ("Tinted glasses help with glare.", {"MESH:D005139"}, {"MESH:D005135"}),
        ("A toxic by-product of vitamin A builds up in the retina.", set(), {"CHEBI:12777"}),
        ("Hydroxyurea helps; L-glutamine powder is another option.", set(), {"MESH:D011208"}),
        ("Treatment includes urine tests for adrenaline-like substances.", set(),
         {"MESH:D004837"}),
        # a negation inside an opening condition ends with it
        ("If supplements are not enough, potassium-sparing diuretics such as spironolactone "
         "may be added.", {"MESH:D062865", "CHEBI:9241"}, set()),
        # MeSH inverted names read in natural order ("Diet, Protein-Restricted")
        ("Treatment is a low-protein diet and, in a crisis, hemodialysis.",
         {"MESH:D018753", "MAXO:0000601"}, {"MESH:D004035"}),
        ("Treatment with magnesium chloride helps, and a pacemaker is implanted in some.",
         {"CHEBI:6636", "MESH:D010138"}, set()),
        # "class (drug)": one treatment, the drug
        ("Thyroid hormone (levothyroxine) is given for hypothyroidism.", {"MESH:D013974"},
         {"MESH:D013963"}),
        # "first choice" is a treatment cue; lay class names
        ("Statins are the first choice and can be started in childhood.", {"CHEBI:87631"},
         set()),
        ("Blood pressure medicines and iron chelation drugs are given.",
         {"CHEBI:35674", "MESH:D007502"}, {"MESH:D007501"}),
        ("Treatment is a low-fat diet.", {"MESH:D018752"}, {"MESH:D004035"}),
        ("Growth hormone treatment helps; sign language is taught.", {"MESH:D019382"},
         {"MESH:D012813"}),
        ("Magnesium chloride is the preferred form.", {"CHEBI:6636"}, set()),
        # what a gene's product makes or breaks down is not a treatment, a few words on
        ("The gene makes lysosome-associated membrane protein 2, which cells need.", set(),
         {"MESH:D008565"}),
        ("Attacks follow a meal rich in carbohydrates or salt; medicines prevent them.",
         set(), {"MESH:D012492"}),
        ("Tafazzin helps build cardiolipin, a fat that cells need.", set(), {"CHEBI:28494"}),
        # "use" a device is a cue; what the body cannot use is not a treatment
        ("Many children have a tracheostomy and use a home ventilator during sleep.",
         {"MESH:D014139", "MESH:D012122"}, set()),
        ("Sucrose is limited because the body cannot use it well.", set(),
         {"CHEBI:17992"}),
        # ankle braces and ankle-foot orthoses are orthotic devices; bare braces MeSH Braces
        ("Treatment includes ankle braces and stretching exercises.",
         {"MESH:D009989", "MESH:D052580"}, {"MESH:D001915"}),
        ("Ankle-foot orthoses and back braces help.", {"MESH:D009989", "MESH:D001915"},
         {"MESH:D061826"}),
        # nutrients and what a drug helps get rid of are not treatments
        ("Medicines help the body get rid of nitrogen; sugar and fat are given by vein.",
         set(), {"MESH:D009584", "MESH:D000073893", "MESH:D005223"}),
        # what a gene makes, a pathway's molecule and nucleic acids are not treatments
        ("The gene holds the instructions for merlin, which helps keep tumors away.",
         set(), {"MESH:D025581"}),
        ("The VWF gene carries the instructions for making von Willebrand factor; "
         "desmopressin helps.", {"CHEBI:4450"}, {"MESH:D014841"}),
        ("Both genes act in the TGF-beta signaling pathway, which helps control growth.",
         set(), {"MESH:D016212"}),
        ("These genes carry instructions for transfer RNAs, which help build proteins.",
         set(), {"MESH:D012343"}),
        ("CHRNE codes for one part of the acetylcholine receptor; pyridostigmine helps.",
         {"CHEBI:8665"}, {"MESH:D011950"}),
        # a drug never to use, one to limit, one to take care with
        ("Valproic acid (valproate) must never be used, because it harms the liver.", set(),
         {"CHEBI:39867", "CHEBI:60654"}),
        ("Medicines help, but caffeine should be limited.", set(), {"CHEBI:27732"}),
        ("Babies need special care with live vaccines.", set(), {"MESH:D014612"}),
        # what a transporter or a bone takes up is not taken as a medicine
        ("The transporter normally takes cystine and lysine back into the body.", set(),
         {"CHEBI:17376", "MESH:D008239"}),
        ("Bones take up minerals such as calcium and phosphate.", set(),
         {"MESH:D002118", "MESH:D010710"}),
        ("The diet makes ketones, which the brain burns in place of glucose.", set(),
         {"MESH:D005947"}),
        ("Patients take penicillamine every day.", {"CHEBI:50868"}, set()),
        # a drug that sets off attacks; "added"; a stem cell transplant is HSCT; a recent
        # drug named by its INN stem (a MeSH supplementary concept)
        ("Attacks can be set off by certain medicines (for example barbiturates).", set(),
         {"CHEBI:22693"}),
        ("Mexiletine may be added in some cases.", {"CHEBI:6916"}, set()),
        ("Some people need a stem cell transplant.", {"MAXO:0000747"}, {"MESH:D033581"}),
        ("Attacks are prevented with berotralstat.", {"MESH:C000706836"}, set()),
        # lay classes and procedures: opioids, anti-nausea drugs, dental implants
        ("Pain is treated with opioids, and vomiting with anti-nausea drugs.",
         {"CHEBI:35482", "CHEBI:50919"}, set()),
        ("Missing teeth can be replaced with dental implants.", {"MAXO:0001534"},
         {"MESH:D015921"}),
        # drinking plenty of fluids is fluid therapy; breathing support, bracing
        ("Treatment is to drink large amounts of fluids and to cut down on salt.",
         {"MESH:D005440", "MESH:D004039"}, set()),
        ("Some babies need breathing support, and bracing helps the spine.",
         {"MESH:D012121", "MESH:D001915"}, set()),
        # session 17: lay names of classes and procedures
        ("Treatment includes estrogen replacement and plastic surgery.",
         {"MESH:D015914", "MESH:D019651"}, {"MESH:D004967", "MESH:D010969"}),
        ("Treatment includes injections of anti-VEGF medicines and medicines that lower "
         "blood pressure and cholesterol.", {"CHEBI:48422", "CHEBI:35674"}, {"CHEBI:16113"}),
        ("Treatment includes seizure medicines and limiting salt.",
         {"CHEBI:35623", "MESH:D004039"}, {"MESH:D012965"}),
        # a test is not a treatment; a substance limited, measured or made is not given
        ("Regular imaging with echocardiography is recommended.", set(), {"MAXO:0010203"}),
        ("Treatment is limiting fructose; vitamin B6 can lower ornithine levels and "
         "valproic acid can raise glycine levels.", {"MESH:D025101"},
         {"CHEBI:28757", "CHEBI:18257", "CHEBI:15428"}),
        ("The treatment is a diet low in arginine, which the body turns into ornithine.",
         set(), {"CHEBI:18257"}),
    ],
)
def test_treatments_read_or_left_out(
    text: str, present: set[str], absent: set[str]
) -> None:
    found = _treatments(text)
    assert present <= found
    assert not found & absent


def test_polyps_are_polyposis_by_their_place() -> None:
    # plural polyps in a place read as HPO's polyposis; an adverb may follow the verb
    found = phenotypes("The polyps grow mainly in the small intestine and the large intestine.")
    assert sorted(found) == ["HP:0030255", "HP:0030256"]
    assert phenotypes("a small intestinal polyp") == ["HP:0012737"]


def test_lesions_named_by_their_place() -> None:
    assert sorted(phenotypes("Cysts often also grow in the liver and the pancreas.")) == [
        "HP:0001407",
        "HP:0001737",
    ]
    assert sorted(phenotypes("Tumors form in the brain and spinal cord.")) == [
        "HP:0010302",
        "HP:0030692",
    ]
    assert phenotypes("Pain also occurs in the hands.") == ["HP:0046505"]
    # calcium deposits are HPO's calcification of their place
    assert phenotypes("Calcium deposits form in the brain.") == ["HP:0002514"]
    assert phenotypes("Some have calcium deposits in the adrenal glands.") == ["HP:0010512"]
    # infections of the sinuses and ears, autistic features
    assert sorted(phenotypes("Children have infections of the ears and sinuses.")) == [
        "HP:0000403",
        "HP:0011108",
    ]
    assert phenotypes("Some children have autistic features.") == ["HP:0000729"]


def test_cancers_and_tumors_named_by_their_place() -> None:
    # a cancer or tumor is HPO's neoplasm of its place, named before or after it; a place
    # ending in "s" is tried as written too ("pancreas" is no plural)
    assert phenotypes("They have an increased risk of lung cancer.") == ["HP:0100526"]
    assert phenotypes("Some develop cancer of the pancreas.") == ["HP:0002894"]
    assert phenotypes("Men may develop tumors of the testes.") == ["HP:0010788"]
    assert phenotypes("Kidney tumors may form.") == ["HP:0009726"]
    # the place as a relational adjective of anatomy: "pancreatic" is of the pancreas
    assert phenotypes("They have a high risk of pancreatic cancer.") == ["HP:0002894"]
    assert phenotypes("Hepatic tumors are rare.") == ["HP:0002896"]
    # a bare cancer stays out of the graph
    edges = _edges_of("The risk of cancer is increased.")
    assert not [o for p, o, _ in edges if p == "HAS_PHENOTYPE"]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a bare word for the most general terms is not annotated, a placed one is
        ("Pain is common, and some develop cancer.", set(), {"HP:0012531", "HP:0002664"}),
        ("Many have pain in the hands.", {"HP:0046505"}, {"HP:0012531"}),
        # the growth of a lesion is not a child's growth
        ("Cysts form in both kidneys and grow slowly over the years.", set(), {"HP:0001510"}),
        ("Children with the disorder grow slowly.", {"HP:0001510"}, set()),
    ],
)
def test_vague_words_and_lesion_growth(text: str, present: set[str], absent: set[str]) -> None:
    found = {o for p, o, negated in _edges_of(text) if p == "HAS_PHENOTYPE" and not negated}
    assert present <= found
    assert not found & absent


def test_pairs_limbs_and_swelling_by_place() -> None:
    # one HPO name for two findings reads as the two
    assert sorted(phenotypes("Nausea and vomiting are common.")) == ["HP:0002013", "HP:0002018"]
    assert phenotypes("Delayed speech and language development is seen.") == ["HP:0000750"]
    # the arms and the legs together are the limbs
    assert phenotypes("They have weakness in the arms and legs.") == ["HP:0003690"]
    assert phenotypes("Pain in the arms and legs is common.") == ["HP:0009763"]
    assert phenotypes("Weakness in the legs.") == ["HP:0007340"]
    s = "The swelling most often affects the feet, the face and the genitals."
    assert sorted(phenotypes(s)) == ["HP:0000282", "HP:0010741", "HP:0031188"]


def test_structures_of_other_animals_and_name_words_are_not_organs() -> None:
    edges = _edges_of(
        "Epidermolysis bullosa simplex causes blisters on the skin. The skin is covered in "
        "thick scales that crack."
    )
    organs = {o for p, o, _ in edges if p == "DISEASE_HAS_LOCATION"}
    assert "UBERON:0002097" in organs  # the skin
    assert not organs & {"UBERON:0005350", "UBERON:0002542"}  # lobule simplex, fish scale
    edges = _edges_of(
        "Many moles appear on the skin. The kidney tubule is damaged, so potassium is low."
    )
    organs = {o for p, o, _ in edges if p == "DISEASE_HAS_LOCATION"}
    assert "UBERON:1000010" not in organs  # moles are a finding, not an anatomical mole
    assert "UBERON:0009773" in organs  # renal tubule, as the curators of three pages chose


def test_organs_said_to_be_spared_are_not_locations() -> None:
    edges = _edges_of(
        "It damages the lungs and liver, but it does not usually affect the heart or kidneys. "
        "The brain and spleen are not usually affected. Some have absence of the corpus "
        "callosum."
    )
    organs = {o for p, o, _ in edges if p == "DISEASE_HAS_LOCATION"}
    assert {"UBERON:0002048", "UBERON:0002107", "UBERON:0002336"} <= organs
    assert not organs & {"UBERON:0000948", "UBERON:0002113", "UBERON:0000955", "UBERON:0002106"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Other signs include droopy eyelids and cataractsand heart defects.",
         {"HP:0000508", "HP:0000518", "HP:0001627"}),  # a lost space before "and"
        ("They develop hearing loss that gets worse over time.", {"HP:0001730"}),
        ("Some have worsening hearing loss.", {"HP:0001730"}),
        ("The kidneys become much larger than normal.", {"HP:0000105"}),
        ("Feeding is often difficult.", {"HP:0011968"}),
        ("Some have hernias in the abdominal wall.", {"HP:0004299"}),
        ("They have a shuffling walk and thyroid cancer.", {"HP:0002362", "HP:0002890"}),
        ("Many have café-au-lait spots.", {"HP:0007565"}),  # accents fold away
    ],
)
def test_more_general_wordings(sentence: str, expected: set[str]) -> None:
    assert set(phenotypes(sentence)) == expected


def test_not_formed_normally_is_not_a_negation() -> None:
    s = "Boys often have genitals that did not form in the usual way, such as hypospadias."
    assert not is_negated(s, s.index("hypospadias"))
    s = "It does not cause hypospadias."
    assert is_negated(s, s.index("hypospadias"))


def test_broader_and_narrower_names_stated_apart_both_stand() -> None:
    text = "It can lead to cardiac arrest and, rarely, sudden cardiac death."
    found = {o for p, o, _ in _edges_of(text) if p == "HAS_PHENOTYPE"}
    assert {"HP:0001695", "HP:0001645"} <= found
    text = "Many people with this rare disorder often have pain in the hands."
    found = {o for p, o, _ in _edges_of(text) if p == "HAS_PHENOTYPE"}
    assert "HP:0046505" in found and "HP:0012531" not in found


def test_limbs_among_other_places_and_negation_ending_at_a_new_noun_phrase() -> None:
    assert sorted(phenotypes("Pain in the chest, arms and legs is common.")) == [
        "HP:0009763",
        "HP:0100749",
    ]
    s = "The first signs may be jaundice that does not clear up and an enlarged liver."
    assert not is_negated(s, s.index("enlarged"))


def test_gene_share_stated_first_and_repeat_sequences() -> None:
    found = find_genes("About 75% of cases are caused by changes in ANK1.")
    assert [(g.symbol, g.percentage, g.hedge) for g in found] == [("ANK1", 75.0, "about")]
    # a share before two genes belongs to neither alone
    found = find_genes("About 75% of cases are caused by FAS, and the rest by CASP10.")
    assert [g.percentage for g in found] == [None, None]
    s = "It is caused by a GAA triplet repeat expansion in the FXN gene."
    assert [g.symbol for g in find_genes(s)] == ["FXN"]


def test_more_anatomy_adjectives() -> None:
    assert phenotypes("There is weakness of the diaphragm.") == ["HP:0009113"]
    assert phenotypes("Gum inflammation is common.") == ["HP:0000230"]


def test_again_and_again_reads_recurrent() -> None:
    assert phenotypes("Children get serious infections again and again.") == ["HP:0002719"]
    assert phenotypes("Most have nosebleeds that come back again and again.") == ["HP:0004406"]


def test_a_finding_that_does_not_go_away_is_chronic_or_persistent() -> None:
    assert phenotypes("The child has watery diarrhea that does not go away.") == ["HP:0002028"]
    assert phenotypes("Children have a fever that doesn't go away.") == ["HP:0033399"]
    assert phenotypes("Some have a cough that lasts for months.") == ["HP:0034315"]
    assert phenotypes("The fever goes away within a day.") == ["HP:0001945"]


def test_each_adjective_of_a_list_before_a_noun() -> None:
    assert sorted(phenotypes("Children have short, broad fingers.")) == ["HP:0001500",
                                                                         "HP:0009381"]
    assert sorted(phenotypes("Many have thin, brittle hair.")) == ["HP:0002213", "HP:0002299"]
    # a list of findings reads nothing new
    found = phenotypes("Most have hearing loss, muscle weakness and seizures.")
    assert sorted(found) == ["HP:0000365", "HP:0001250", "HP:0001324"]


def test_a_slow_decline_is_not_narrowed_to_a_progressive_term() -> None:
    # HPO's Mental deterioration already names "progressive cognitive decline"
    assert phenotypes("There is a slow decline in thinking skills.") == ["HP:0001268"]
    assert phenotypes("Most have slow growth.") == ["HP:0001510"]


def test_cue_inside_a_finding_phrasal_verbs_and_vague_disease_words() -> None:
    s = "These include an absent radius in the forearm, cafe-au-lait spots and a small head."
    assert not is_negated(s, s.index("cafe"), [(s.index("absent"), s.index(" in the"))])
    assert is_negated(s, s.index("cafe"))  # without knowing the finding, "absent" negates
    edges = _edges_of("A building block called 7-dehydrocholesterol piles up in the blood.")
    assert "HP:0032551" not in {o for p, o, _ in edges}
    edges = _edges_of("Many develop liver disease and lung disease as adults.")
    assert not {o for p, o, _ in edges} & {"HP:0001392", "HP:0002088"}


def test_an_organ_naming_a_kind_of_care_is_not_a_location() -> None:
    edges = _edges_of("An eye doctor can see clouding of the cornea; the kidneys may fail.")
    organs = {o for p, o, _ in edges if p == "DISEASE_HAS_LOCATION"}
    assert "UBERON:0000970" not in organs and "UBERON:0002113" in organs


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no digit name: the term that the hand and the foot readings both narrow
        ("Children may have extra fingers or toes.", ["HP:0010442"]),  # Polydactyly
        ("They have short fingers and toes.", ["HP:0011927"]),  # Short digit
        ("Some have extra fingers.", ["HP:0001161"]),  # Hand polydactyly
    ],
)
def test_a_hand_finding_shared_with_the_feet(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # HPO's "Difficulty in walking" also reads without "in", after any difficulty word
        ("They have trouble walking.", ["HP:0001288"]),
        # "after birth" narrows to the postnatal term
        ("Children grow slowly after birth.", ["HP:0008897"]),
        ("Growth is often slow after birth.", ["HP:0008897"]),
        # "floppy" is a finding as a predicate, not before another noun
        ("Newborns are very floppy.", ["HP:0001252"]),
        ("Some have a floppy heart valve.", []),
        ("Growth is slow before birth.", ["HP:0001511"]),
        # an age named after the finding narrows it; as the subject it does not
        ("They have weak, floppy muscles in infancy.", ["HP:0008947"]),
        ("Some have low blood sugar in the first days of life.", ["HP:0001998"]),
        ("Babies often feed poorly.", ["HP:0011968"]),
        # lay words; "big" reads as HPO's "large"; a place "near" the finding
        ("Ear infections are common.", ["HP:0000403"]),
        ("Some have a big tongue and noisy breathing.", ["HP:0000158", "HP:0010307"]),
        ("Some have hernias near the navel.", ["HP:0001537"]),
        # HPO's "X fibrosis" also reads "scarring of the X"
        ("Some develop scarring of the liver.", ["HP:0001395"]),
        ("It causes thickening of the heart muscle.", ["HP:0001639"]),
        # "absent X" = "missing X"; two adverbs before a predicate adjective
        ("Some are born with a missing thumb.", ["HP:0009777"]),
        ("Joints are often very flexible.", ["HP:0001382"]),
        ("They have trouble with balance and coordination.", ["HP:0001251"]),
        ("By their teens most need a wheelchair.", ["HP:0002505"]),
        ("Children urinate a lot and drink a lot.", ["HP:0000103", "HP:0001959"]),
        ("Most never learn to walk.", ["HP:0002540"]),
        ("They are shorter than average.", ["HP:0004322"]),
        # the sex named before, in HPO's "X in females" form; a new subject ends a negation
        ("Most men are infertile because their sperm cannot swim, and women may have "
         "reduced fertility.", ["HP:0003251", "HP:0000868"]),
        # "long-lasting / long-term / ongoing" are chronic, "very" severe
        ("Long-lasting diarrhea is common.", ["HP:0002028"]),
        ("They have long-term constipation.", ["HP:0012450"]),
        ("He has very short stature.", ["HP:0003510"]),
        # a time or the sides named after a finding
        ("Some have seizures during sleep.", ["HP:0031951"]),
        # a place after a bracketed finding
        ("Small widened blood vessels (telangiectasias) appear on the ears.", ["HP:0009893"]),
        # lay wordings that several curators wrote (session 16)
        ("Most people are bothered by bright light.", ["HP:0000613"]),
        ("Some have trouble telling colors apart.", ["HP:0000551"]),
        ("Many have unclear speech.", ["HP:0001260"]),
        ("Affected people have stiffness in the legs.", ["HP:0002061"]),
        ("Later they lose the ability to swallow.", ["HP:0002015"]),
        ("Babies pass large amounts of urine.", ["HP:0000103"]),
        ("Many children have a craving for salty foods.", ["HP:0030083"]),
        ("Some boys start walking on the toes.", ["HP:0030051"]),
        ("Attacks bring a fast heartbeat.", ["HP:0001649"]),
        # Recurrent otitis media, as eight of ten curators read ear infections
        ("Children have frequent ear infections.", ["HP:0000403"]),
        ("Children get serious bacterial infections.", ["HP:0002718"]),
        # HPO gives "Xanthoma" to Xanthelasma (of the eyelids); xanthomas elsewhere are
        # Xanthomatosis
        ("Some people develop xanthomas on the skin.", ["HP:0000991"]),
        # lay words that curators read alike (session 17)
        ("Some have a red, scaly rash.", ["HP:0000988"]),
        ("Many infants get thrush in the mouth.", ["HP:0009098"]),
        ("Babies may vomit after feeding and throw up often.", ["HP:0002013", "HP:0002013"]),
        ("Redness of the skin is common.", ["HP:0010783"]),
        ("Some have eye redness.", ["HP:0025337"]),
        ("The skin is itchy.", ["HP:0000989"]),
        # lung infections are lower respiratory ones, as six of seven curators read them
        # (HPO files "pulmonary infections" under Recurrent pneumonia)
        ("Children have frequent lung infections.", ["HP:0002783"]),
        ("Some have blood clots in the veins.", ["HP:0004936"]),
        ("Babies often have reflux and a risk of choking.", ["HP:0002020", "HP:0030842"]),
        ("A small jaw can block the airway.", ["HP:0000347", "HP:0002781"]),
        ("The legs often bow outward.", ["HP:0002970"]),
        # breaking easily, once the bones are named in the sentence
        ("The bones can become thin and break easily.", ["HP:0002659"]),
        ("The nails break easily.", []),
        # skin infections are recurrent ones (nine curators), not Cellulitis
        ("Many have skin infections.", ["HP:0001581"]),
        ("They have thickened skin on the palms and soles.", ["HP:0000972"]),
        ("Later they have loss of central vision.", ["HP:0007663"]),
        ("Scans show shrinkage of the cerebellum.", ["HP:0001272"]),
        ("Babies may turn blue.", ["HP:0000961"]),
        ("The shoulder blades stick out.", ["HP:0003691"]),
        ("Boys have enlarged calves.", ["HP:0003707"]),
        ("Most have loss of reflexes.", ["HP:0001284"]),
        ("Bleeding from the umbilical cord stump is often the first sign.", ["HP:0011884"]),
        ("They pass very little urine and the kidneys cannot concentrate urine.",
         ["HP:0100520", "HP:0004727"]),
        ("Bed wetting is common.", ["HP:0010677"]),
        ("Some children lose vision over time.", ["HP:0000572"]),
        ("Many have swallowing problems.", ["HP:0002015"]),
        ("Their teeth come in late.", ["HP:0000684"]),
        ("The permanent teeth come in late.", ["HP:0000696"]),
        ("Babies are unusually large at birth.", ["HP:0001520"]),
        ("Many children avoid protein-rich foods.", ["HP:0002038"]),
        ("There is glucose in the urine.", ["HP:0003076"]),
        ("Scans show loss of brain tissue and changes in the white matter.",
         ["HP:0002059", "HP:0002500"]),
        # what the named breastbone (chest) does: sink in or stick out
        ("As children grow, the breastbone may stick out or sink in.",
         ["HP:0000768", "HP:0000767"]),
        ("The chest is normal, but the ears stick out.", []),
        ("The elbows do not fully straighten.", ["HP:0001377"]),
        ("Baby teeth may stay in place too long.", ["HP:0006335"]),
        ("Babies overheat easily.", ["HP:0002046"]),
        ("Development is often slow, and children are late to reach milestones.",
         ["HP:0001263", "HP:0001263"]),
        ("Children are taller than their classmates.", ["HP:0000098"]),
        ("Many are short for their family.", ["HP:0004322"]),
        ("Some have bleeding in the stomach or intestines.", ["HP:0002239"]),
        ("The blisters heal with scars.", ["HP:0008066", "HP:0000987"]),
        ("Some children bite their lips and go through puberty late.",
         ["HP:0012169", "HP:0000823"]),
        ("The skin burns easily in the sun.", ["HP:0000992"]),
        ("They have difficulty lifting the arms above the head.", ["HP:0003547"]),
        ("Many lose feeling in the feet and hands.", ["HP:0002936"]),
        ("Some have dislocation of the lenses and clots in the arteries.",
         ["HP:0001083", "HP:0004420"]),
    ],
)
def test_lay_wordings_of_common_findings(sentence: str, expected: list[str]) -> None:
    assert phenotypes(sentence) == expected


def test_nominal_phenotype_names_read_as_adjective_and_part() -> None:
    # "muscle weakness" is also "weak muscles"; "joint swelling" is "swollen joints"
    assert phenotypes("Babies have very weak muscles.") == ["HP:0001324"]
    assert phenotypes("She has swollen joints.") == ["HP:0001386"]
    assert phenotypes("The skin is thickened.") == ["HP:0001072"]
    # a head shared by arms and legs is the limbs' term, not one term for each
    found = phenotypes("Signs include weakness of the face, neck, arms and legs.")
    assert "HP:0003690" in found
    assert not {"HP:0003484", "HP:0007340"} & set(found)


def test_removals_diets_and_procedures_glossed_in_brackets() -> None:
    # the surgical removal of an organ is its -ectomy
    assert treated("Surgery to remove the spleen may help some people.") == {"MAXO:0001077"}
    assert treated("Treatment may include removal of the colon.") == {"MAXO:0001042"}
    # a diet named for what it limits, said the other way round
    assert treated("Treatment includes a diet low in protein.") == {"MESH:D018753"}
    # lay words for a procedure glossed by its name: the name only
    assert treated(
        "Some women choose to have both breasts removed (risk-reducing mastectomy) to lower "
        "their chance of breast cancer."
    ) == {"MESH:D000072036"}


def test_limbs_in_a_copula_and_lay_bleeding_words() -> None:
    # "the arms and legs are short": the limbs' term; another part keeps its own
    assert phenotypes("Their arms and legs are short.") == ["HP:0009826"]
    assert sorted(phenotypes("The arms, legs and fingers are short.")) == [
        "HP:0009381",
        "HP:0009826",
    ]
    assert phenotypes("Women may have heavy menstrual periods.") == ["HP:0000132"]
    assert phenotypes("Bleeding into the joints is common.") == ["HP:0005261"]


def test_a_symbol_named_as_a_family_on_the_page_is_not_an_alias_gene() -> None:
    # PEX is an alias of PHEX; the page names the PEX genes as a family
    edges = _edges_of(
        "It is caused by mutations in one of 13 PEX genes. Most people have mutations in "
        "PEX1. When both parents carry one changed copy of the same PEX gene, each child has "
        "a 25% chance of being affected."
    )
    genes = {o for p, o, _ in edges if p in ("CAUSED_BY", "CONDITION_ASSOCIATED_WITH_GENE")}
    assert genes == {"HGNC:8850"}


def test_a_gene_of_another_type_of_the_disease_is_left_out() -> None:
    from raregraph.extract.genes import disease_types

    own = disease_types(["Glycogen storage disease type 1A", "GSD1A"])
    assert own == {"1a"}
    s = (
        "GSD1A is caused by mutations in the G6PC1 gene; type 1B is caused by mutations in a "
        "different gene, SLC37A4."
    )
    assert [g.symbol for g in find_genes(s, own_types=own)] == ["G6PC1"]
    assert [g.symbol for g in find_genes(s)] == ["G6PC1", "SLC37A4"]
    # a type that holds the page's own ("type 1" for 1A), and roman numerals
    assert [g.symbol for g in find_genes("Type 1 is caused by G6PC1 mutations.", own_types=own)]
    assert disease_types(["EDS type IV"]) == {"4"}


def test_organs_that_fail_or_scar_and_more_lay_words() -> None:
    assert phenotypes("Eventually the liver stops working.") == ["HP:0001399"]
    assert phenotypes("Over time the kidneys may fail.") == ["HP:0000083"]
    assert phenotypes("The kidneys fail to hold on to salt.") == []  # fail to do something
    assert phenotypes("The liver becomes scarred.") == ["HP:0001395"]
    # the organ as the subject of an earlier predicate
    assert sorted(phenotypes("The liver becomes scarred and stops working.")) == [
        "HP:0001395",
        "HP:0001399",
    ]
    assert phenotypes("Some people sweat very little and have a high body temperature.") == [
        "HP:0000966",
        "HP:0001945",
    ]
    assert sorted(phenotypes("Children have pale stools and fused fingers.")) == [
        "HP:0006101",
        "HP:0011985",
    ]


def test_difficulties_with_nouns_and_verbs_with_particles() -> None:
    # "trouble with speech and swallowing": each noun or gerund after "with"
    assert sorted(phenotypes("Over time people develop trouble with speech and swallowing.")) == [
        "HP:0002015",
        "HP:0002167",
    ]
    # a one-word finding followed by a particle is a verb ("falls back", "piles up")
    edges = _edges_of("A tongue that falls back into the throat can block the airway.")
    # (what it blocks is a finding of its own: Upper airway obstruction)
    assert [o for p, o, _ in edges if p == "HAS_PHENOTYPE"] == ["HP:0002781"]
    assert phenotypes("Frequent falls are common.") == ["HP:0002359"]
    assert phenotypes("People have uncontrolled movements.") == ["HP:0004305"]


def test_a_causal_gene_is_not_also_merely_associated() -> None:
    page = parse_gard_text(
        "Some syndrome\n\nSome syndrome is a rare disorder. It is caused by mutations in the "
        "NIPBL or HDAC8 gene. Mutations in HDAC8 are inherited in an X-linked pattern."
    )
    kg = graph_from_page(page)
    edges = [e for e in kg.edges() if e.object == "HGNC:13315"]
    assert [e.predicate.name for e in edges] == ["CAUSED_BY"]
    # the sentence that names the gene's inheritance supports the causal edge
    assert len({ev.sentence for ev in edges[0].evidence}) == 2


def test_a_lack_of_a_finding_named_as_a_symptom_negates_nothing_after_it() -> None:
    edges = _edges_of("Early signs include a lack of energy and diarrhea.")
    assert ("HAS_PHENOTYPE", "HP:0001254", False) in edges  # lethargy
    assert ("HAS_PHENOTYPE", "HP:0002014", False) in edges  # diarrhea, not negated
    assert sorted(phenotypes("Many are nearsighted; some have a sunken or protruding chest.")) == [
        "HP:0000545",
        "HP:0000767",
        "HP:0000768",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The main treatment is a diet that removes galactose and lactose.", set()),
        ("Treatment is a diet that removes galactose, lactose and fructose.", set()),
        ("Others are treated with a low-methionine diet and betaine.", {"MESH:D001622"}),
        ("The main treatment for most people is a strict lactose-free diet.", set()),
        # a later item after the list that the diet leaves out is a treatment again
        ("Treatment includes a diet that avoids wheat, barley and rye, and steroids.",
         {"CHEBI:50858"}),
        ("Blood thinners may be used to prevent clots.", {"CHEBI:50249"}),
    ],
)
def test_what_a_diet_leaves_out_is_not_a_treatment(sentence: str, expected: set[str]) -> None:
    assert {o for p, o, _ in _edges_of(sentence) if p == "TREATED_BY"} == expected


def test_with_or_without_and_a_second_predicate_after_or_negate_nothing() -> None:
    edges = _edges_of("Some have a cleft lip with or without a cleft palate.")
    assert ("HAS_PHENOTYPE", "HP:0000175", False) in edges  # cleft palate, stated
    edges = _edges_of("Most people cannot smell at all or have a reduced sense of smell.")
    assert ("HAS_PHENOTYPE", "HP:0000458", False) in edges  # anosmia
    assert ("HAS_PHENOTYPE", "HP:0004409", False) in edges  # hyposmia, not negated
    assert phenotypes("Most are unable to have children.") == ["HP:0000789"]


def test_a_sentence_that_goes_on_with_the_genes_of_the_one_before() -> None:
    edges = _edges_of(
        "Changes in more than 20 genes have been linked to the condition. The most common "
        "are ANOS1, FGFR1 and PROK2, and CHD7."
    )
    genes = {o for p, o, _ in edges if p == "CONDITION_ASSOCIATED_WITH_GENE"}
    assert genes == {"HGNC:6211", "HGNC:3688", "HGNC:18455", "HGNC:20626"}
    # only symbols: a gene's full name in such a sentence is not read ("insulin")
    edges = _edges_of("Mutations in the INS gene cause it. The main treatment is insulin.")
    assert {o for p, o, _ in edges if p in ("CAUSED_BY", "CONDITION_ASSOCIATED_WITH_GENE")} == {
        "HGNC:6081"
    }
    # without a gene word in the sentence before, the list is not one of genes
    assert not find_genes("The most common are ANOS1 and CHD7.", previous="It is rare.")


def test_a_surgeons_bone_cutting_is_not_self_cutting() -> None:
    edges = _edges_of("Procedures such as bone cutting and realignment can correct bent bones.")
    assert ("HAS_PHENOTYPE", "HP:5200339", False) not in edges
    assert phenotypes("Some teenagers start self-cutting.") == ["HP:5200339"]


def test_lay_twitching_is_fasciculation() -> None:
    found = phenotypes("Early signs include muscle cramps and twitching.")
    assert "HP:0002380" in found and "HP:0010546" not in found


def test_no_family_history_negates_nothing_after_it() -> None:
    s = "About 20% of cases occur in people with no family history (new mutations)."
    assert [(m.curie, m.negated) for m in find_inheritance(s, find_mentions(s))] == [
        (DE_NOVO, False)
    ]
    s = "It is not caused by new mutations."
    assert [m.negated for m in find_inheritance(s, find_mentions(s))] == [True]
    found = phenotypes("They have an increased tendency to bleed, especially from the nose.")
    assert found == ["HP:0001892"]


def test_a_misspelt_word_completed_by_three_words_after_it() -> None:
    assert phenotypes("The hallmark is enlargment of the aorta.") == ["HP:0004942"]
    assert phenotypes("Some have inflamation of the esophagus.") == ["HP:0100633"]


def test_a_predicate_adjective_in_a_relative_clause() -> None:
    assert phenotypes("They have joints that are loose.") == ["HP:0001382"]
    # the finding before "that" keeps its own reading
    found = phenotypes("They have high arched eyebrows that are thin.")
    assert sorted(found) == ["HP:0002553", "HP:0045074"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mode of inheritance is not yet known.", "HP:0000005"),
        ("The pattern of inheritance is not well understood.", "HP:0000005"),
        ("In some families the condition is digenic.", "HP:0010984"),
    ],
)
def test_unknown_and_digenic_inheritance(sentence: str, expected: str) -> None:
    assert [m.curie for m in find_inheritance(sentence, find_mentions(sentence))] == [expected]


def test_therapies_that_mesh_files_outside_its_procedures() -> None:
    edges = _edges_of("Treatment includes special education, behavioral therapy and quitting "
                      "smoking; early intervention programs help.")
    assert {o for p, o, _ in edges if p == "TREATED_BY"} == {
        "MESH:D004519", "MESH:D001521", "MESH:D016540", "MESH:D018479"
    }


def test_lay_removals_vaccines_and_devices() -> None:
    edges = _edges_of("Treatment includes adenoid removal, yearly flu shots and a vibrating vest.")
    assert {o for p, o, _ in edges if p == "TREATED_BY"} == {
        "MAXO:0001029", "MESH:D007252", "MESH:D035641"
    }
    edges = _edges_of("Doctors prescribe medications to control seizures.")
    assert {o for p, o, _ in edges if p == "TREATED_BY"} == {"CHEBI:35623"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Babies are small at birth; later they grow too fast.", ["HP:0001518", "HP:0001548"]),
        ("Children are taller than their peers.", ["HP:0000098"]),
        ("They have excess body hair and eyebrows that meet in the middle.",
         ["HP:0000664", "HP:0000998"]),
        ("The eyes slant down.", ["HP:0000494"]),
        ("Some have eyes that slant upward.", ["HP:0000582"]),
        # reflux of the stomach and of the urine are two findings
        ("Many have reflux of stomach acid.", ["HP:0002020"]),
        ("Some have kidney reflux.", ["HP:0000076"]),
        ("Infants have failure to gain weight and an abnormally shaped chest.",
         ["HP:0000765", "HP:0001508"]),
        ("Their bones break easily.", ["HP:0002659"]),
        ("This can lead to recurrent vomiting.", ["HP:0002572"]),
        ("Darkening of the urine may be noticed in diapers.", ["HP:0040319"]),
        # HPO's "recurrent X" also reads "repeated X"
        ("They have repeated bacterial infections.", ["HP:0002718"]),
        ("Some have repeated chest infections.", ["HP:0002783"]),
        ("Babies may have an opening in the lip or a hole in the roof of the mouth.",
         ["HP:0000175", "HP:0410030"]),
        ("Some have loss of sight.", ["HP:0000572"]),
        ("They have cold hands and feet.", ["HP:6000500"]),
        ("Their joints bend too far.", ["HP:0001382"]),
        # HPO's "X atrophy" also reads "shrinking of the X", "shrunken X"
        ("Many men develop shrinking of the testicles.", ["HP:0000029"]),
        ("Some have shrunken kidneys.", ["HP:0012585"]),
        ("Boys may have undescended testicles.", ["HP:0000028"]),
        # HPO names a finding of men with the sex inside: "enlarged male breast"
        ("Many affected men develop enlarged breasts.", ["HP:0000771"]),
        ("Women may have enlarged breasts.", ["HP:0010313"]),
        ("Some have underactive parathyroid glands.", ["HP:0000829"]),
        ("A racing heart is common.", ["HP:0001649"]),
        ("Odd behavior is common.", ["HP:0000708"]),
        # HPO's "depressed X" also reads "sunken X"
        ("Babies have a large soft spot and a sunken nasal bridge.", ["HP:0000239", "HP:0005280"]),
        ("Older children tire easily.", ["HP:0003388"]),
        ("Some have problems with bladder control.", ["HP:0000020"]),
        ("Some people have skin that bruises easily.", ["HP:0000978"]),
        # sores are HPO's ulcers, placed in a part of the body named after them, also one
        # word before the clause goes on
        ("Sores on the genitals are common.", ["HP:0003249"]),
        ("Painful sores in the mouth come back.", ["HP:0000155"]),
        ("Cancers of the colon, skin and breast occur early.",
         ["HP:0003002", "HP:0003003", "HP:0008069"]),
        # two findings that share the word where one ends and the other starts
        ("They have widely spaced eyes that slant downward.", ["HP:0000316", "HP:0000494"]),
        # "spells of" and "episodes of" X: HPO's episodic X where it has no recurrent X
        ("They have spells of high blood pressure and episodes of heavy sweating.",
         ["HP:0000875", "HP:0001069"]),
        ("Some babies are born with Hirschsprung disease.", ["HP:0002251"]),
        ("Adults develop damage to the peripheral nerves.", ["HP:0009830"]),
        ("Many speak only a few words and have widely set eyes.", ["HP:0000316", "HP:0002465"]),
        # a finding "during exercise" is exertional; "unconjugated" narrows bilirubin
        ("They have shortness of breath during exercise.", ["HP:0002875"]),
        ("Unconjugated bilirubin builds up in the blood.", ["HP:0008282"]),
        # general lay wordings (session 14)
        ("A few have reduced or absent reflexes, high-arched feet or hammer toes.",
         ["HP:0001265", "HP:0001284", "HP:0001761", "HP:0001765"]),
        ("They have bleeding from the gums and blood in the stool.",
         ["HP:0000225", "HP:0002573"]),
        ("Bleeding inside the brain is rare.", ["HP:0001342"]),
        ("They have a reduced sense of pain and a poor sense of taste.",
         ["HP:0000224", "HP:0007328"]),
        ("Babies show late sitting and walking.", ["HP:0001270"]),
        # "slow" and "gradual" losses are progressive ones
        ("They have a slow loss of vision and a gradual loss of hearing.",
         ["HP:0000529", "HP:0001730"]),
    ],
)
def test_more_lay_wordings(sentence: str, expected: list[str]) -> None:
    assert sorted(phenotypes(sentence)) == expected
