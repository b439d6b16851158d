"""Document pairs in the shapes a NATO translation service receives them, through ingest to the units a
translator expects: a news page saved from the site in each language, a one-page bulletin in two columns
as PDF. The texts are written here for these tests."""

from __future__ import annotations

from click.testing import CliRunner

from pdfdocs import write_pdf
from tmtool import api
from tmtool.cli import main
from tmtool.store import open_store
from tmtool.text.readers import read_document

CYBER_FR = [
    "La cyberdéfense est l’une des tâches essentielles de la défense collective. Les Alliés ont reconnu le "
    "cyberespace comme un domaine d’opérations en 2016.",
    "Le Centre des opérations dans le cyberespace, situé à Mons, coordonne l’action de l’Alliance. Il fournit une "
    "connaissance de la situation aux commandants militaires et soutient la planification des opérations.",
    "Chaque pays membre reste responsable de la protection de ses propres réseaux. L’OTAN aide les Alliés à "
    "renforcer leurs capacités par des formations, des exercices et le partage d’informations.",
    "L’exercice Cyber Coalition, organisé chaque année en Estonie, permet de tester les procédures de réaction aux "
    "incidents. Plus de mille experts y ont participé en 2025.",
    "Les partenaires de l’OTAN contribuent également à ces travaux. La coopération avec l’Union européenne s’est "
    "intensifiée depuis la signature de la déclaration commune.",
    "La résilience des infrastructures critiques, y compris des câbles sous-marins et des réseaux électriques, "
    "demeure une priorité pour les années à venir.",
]
CYBER_EN = [
    "Cyber defence is one of the core tasks of collective defence. Allies recognised cyberspace as a domain of "
    "operations in 2016.",
    "The Cyberspace Operations Centre, located in Mons, coordinates the Alliance’s action. It provides situational "
    "awareness to military commanders. It also supports operational planning.",
    "Each member country remains responsible for protecting its own networks. NATO helps Allies to strengthen "
    "their capabilities through training, exercises and information sharing.",
    "Exercise Cyber Coalition, held every year in Estonia, tests incident response procedures. More than a "
    "thousand experts took part in 2025.",
    "NATO’s partners also contribute to this work. Cooperation with the European Union has intensified since the "
    "signing of the joint declaration.",
    "The resilience of critical infrastructure, including undersea cables and power grids, remains a priority "
    "for the years ahead.",
]


def one_page_bulletin(path, paragraphs, footer="Page {}"):
    """A one-page bulletin in two columns, its number at the foot of the page, under the left column; the
    fifth paragraph goes on from the foot of the left column to the top of the right one."""
    laid_out = write_pdf(path, paragraphs, width=213.0, columns=2, lines_per_column=22, header=None,
                         numbers=footer)
    return laid_out


def test_a_one_page_pdf_s_page_number_is_left_out_not_read_into_the_sentence_it_falls_in(tmp_path):
    """A document of one page has no other page to tell its running lines by, but a line standing apart at
    the foot of the page holding its number alone (*Page 1*, *- 1 -*, *1*) is its page number: read in the
    order of the columns, it fell between the two halves of a sentence (*contribuent Page 1 également*)."""
    for footer in ("Page {}", "- {} -", "{}", "Page {} sur 1"):
        path = tmp_path / "cyber.fr.pdf"
        one_page_bulletin(path, CYBER_FR, footer)
        assert read_document(path, lang="fr").paragraphs == tuple(CYBER_FR), footer


def test_a_one_page_two_column_pdf_pair_gives_whole_sentences(tmp_path):
    one_page_bulletin(tmp_path / "cyber.fr.pdf", CYBER_FR)
    one_page_bulletin(tmp_path / "cyber.en.pdf", CYBER_EN)
    db = tmp_path / "tm.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(tmp_path / "cyber.fr.pdf"),
                                       str(tmp_path / "cyber.en.pdf")])
    assert result.exit_code == 0, result.output
    units = api.document_units(open_store(db), "cyber")
    assert not [u for u in units if "Page" in u["source"] or "Page" in u["target"]]
    assert ("Les partenaires de l’OTAN contribuent également à ces travaux.",
            "NATO’s partners also contribute to this work.") in [(u["source"], u["target"]) for u in units]
    # the English splits a sentence in two: one unit holds both
    assert [u["bead"] for u in units if u["target"].startswith("It provides")] == ["1-2"]
