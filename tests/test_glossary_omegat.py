"""OmegaT 3.6 itself reads our martif TBX and our tab-separated glossary, with the expected pairs.

A Groovy script, run by headless OmegaT on the project's events, calls OmegaT's own glossary readers
(``GlossaryReaderTBX``, ``GlossaryReaderTSV``) on the files and writes what they return.
"""

from __future__ import annotations

import subprocess

import pytest
from omegat import OMEGAT_JAR, omegat_missing, omegat_project
from test_tbx import seed_entries

from tmtool.formats.tabular import write_tsv
from tmtool.formats.tbx import write_tbx_martif

READ_GLOSSARIES = r"""
import org.omegat.gui.glossary.GlossaryReaderTBX
import org.omegat.gui.glossary.GlossaryReaderTSV
def root = new File(project.getProjectProperties().getGlossaryRoot())
new File(root.getParentFile(), "glossary-read.tsv").withWriter("UTF-8") { out ->
  [tbx: GlossaryReaderTBX.read(new File(root, "seed.tbx"), false),
   tsv: GlossaryReaderTSV.read(new File(root, "seed.utf8"), false)].each { format, entries ->
    entries.each { e ->
      out << format << "\t" << e.getSrcText() << "\t" << e.getLocText() << "\t"
      out << e.getCommentText().replace("\n", " | ") << "\n"
    }
  }
}
"""

EXPECTED_PAIRS = [
    ("État-major militaire international", "International Military Staff"),
    ("État-major militaire international", "IMS"),
    ("EMI", "International Military Staff"),
    ("EMI", "IMS"),
    ("Division Sécurité coopérative", "Cooperative Security Division"),
    ("pays partenaire", "partner country"),
    ("pays partenaire", "partner nation"),
]
# in TSV an acronym goes with the other language's acronym and a full form with full forms
EXPECTED_TSV_PAIRS = [pair for pair in EXPECTED_PAIRS if pair[0] != "EMI" and pair[1] != "IMS"]
EXPECTED_TSV_PAIRS.insert(1, ("EMI", "IMS"))


@pytest.fixture(scope="module")
def read_by_omegat(tmp_path_factory) -> dict[str, list[list[str]]]:
    reason = omegat_missing()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("omegat")
    project = omegat_project(root)
    (project / "source" / "seed.txt").write_text("Les pays partenaires et l’EMI.\n", encoding="utf-8")
    write_tbx_martif(seed_entries(), project / "glossary" / "seed.tbx", srclang="fr-FR", tgtlang="en-GB")
    write_tsv(seed_entries(), project / "glossary" / "seed.utf8")
    script = root / "read-glossaries.groovy"
    script.write_text(READ_GLOSSARIES, encoding="utf-8")
    result = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project), "--mode=console-translate",
         f"--config-dir={root / 'config'}", f"--script={script}"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    read = project / "glossary-read.tsv"
    assert result.returncode == 0 and read.exists(), result.stdout + result.stderr
    rows: dict[str, list[list[str]]] = {"tbx": [], "tsv": []}
    for line in read.read_text(encoding="utf-8").splitlines():
        format_name, *fields = line.split("\t")
        rows[format_name].append(fields)
    return rows


def test_omegat_reads_our_martif_tbx(read_by_omegat):
    rows = read_by_omegat["tbx"]
    assert [(source, target) for source, target, _ in rows] == EXPECTED_PAIRS
    ims_comment = rows[0][2]
    assert "definition: Organe exécutif du Comité militaire de l’OTAN." in ims_comment
    assert "context: Le 13 juillet 2021" in ims_comment
    # what OmegaT shows of the candidate and the rejected entry: their status, and no preferred term
    division_comment, partner_comment = rows[4][2], rows[5][2]
    assert "x-status: candidate" in division_comment and "admittedTerm-admn-sts" in division_comment
    assert "x-status: rejected" in partner_comment and "deprecatedTerm-admn-sts" in partner_comment
    assert "preferredTerm-admn-sts" not in division_comment + partner_comment


def test_omegat_reads_our_tsv(read_by_omegat):
    rows = read_by_omegat["tsv"]
    assert [(source, target) for source, target, _ in rows] == EXPECTED_TSV_PAIRS
    definition, note = "Organe exécutif du Comité militaire de l’OTAN.", "Vérifié dans NATOTerm. Forme longue d’abord."
    assert rows[0][2] == f"{definition} — {note}"
    assert [comment for _, _, comment in rows[2:]] == ["candidate, not reviewed"] + ["rejected, do not use"] * 2


# OmegaT loads a glossary folder's files by their endings (GlossaryManager.loadGlossaryFile): called on each file, as
# OmegaT calls it on what it finds there, it gives the entries it shows, or nothing for a file it passes over
LOAD_GLOSSARY_FOLDER = r"""
import org.omegat.gui.glossary.GlossaryManager
def root = new File(project.getProjectProperties().getGlossaryRoot())
def manager = new GlossaryManager(null)
manager.@priorityGlossary = new File(root, "glossary.txt")
new File(root.getParentFile(), "glossary-loaded.tsv").withWriter("UTF-8") { out ->
  root.eachFile { file ->
    manager.loadGlossaryFile(file)?.each { e -> out << file.name << "\t" << e.getSrcText() << "\t" << e.getLocText() << "\n" }
  }
}
"""


def test_the_glossary_the_workbench_downloads_for_omegat_is_one_omegat_loads_under_that_name(tmp_path):
    """The workbench's OmegaT glossary (``/api/export/tsv``) came as ``glossary.tsv``, an ending OmegaT passes over
    in its glossary folder (it loads .txt, .utf8 and .tab, .csv, .tbx): dropped there as downloaded, it showed no term."""
    reason = omegat_missing()
    if reason:
        pytest.skip(reason)
    from tmtool import api
    from tmtool.store import open_store
    from workbench import client

    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        api.add_entry(store, ["soutien de la nation hôte"], ["host nation support"], status="approved")
    http, _ = client(db)
    downloaded = http.get("/api/export/tsv")
    assert downloaded.status_code == 200
    name = downloaded.headers["content-disposition"].split('filename="')[1].rstrip('"')
    project = omegat_project(tmp_path)
    (project / "source" / "note.txt").write_text("Le soutien de la nation hôte.\n", encoding="utf-8")
    (project / "glossary" / name).write_bytes(downloaded.content)
    script = tmp_path / "load-glossary-folder.groovy"
    script.write_text(LOAD_GLOSSARY_FOLDER, encoding="utf-8")
    result = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project), "--mode=console-translate",
         f"--config-dir={tmp_path / 'config'}", f"--script={script}"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    loaded = project / "glossary-loaded.tsv"
    assert result.returncode == 0 and loaded.exists(), result.stdout + result.stderr
    assert loaded.read_text(encoding="utf-8") == f"{name}\tsoutien de la nation hôte\thost nation support\n"
