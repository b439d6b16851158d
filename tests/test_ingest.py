"""Ingest with the real pipeline: the seed pair, re-ingest, revised documents, reviews kept, inboxes."""

import json
import shutil

import pytest

from conftest import REPO, SEED_EN, SEED_FR
from tmtool import api, glossary
from tmtool.errors import TmtoolError
from tmtool.ingest import document_id_for, find_pairs, ingest_dir, ingest_pair
from tmtool.lookup import lookup
from tmtool.model import ReviewStatus
from tmtool.store import open_store

GOLD = json.loads((REPO / "tests" / "data" / "seed.alignment.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingest")
    with open_store(folder / "t.db", create=True) as store:
        result = ingest_pair(store, SEED_FR, SEED_EN)
        yield store, result, folder


def test_seed_units_carry_provenance(seeded):
    store, result, _ = seeded
    assert result.document_id == "2021-07-13-partners-meeting" and not result.skipped
    units = list(store.units())
    assert result.units == len(units) == sum(1 for src, tgt in GOLD["beads"] if src and tgt)
    sources = " ".join(u.source for u in units)
    assert all(sentence in sources for sentence in GOLD["fr"])
    assert [u.tuid for u in units] == [f"2021-07-13-partners-meeting:{i}" for i in range(1, len(units) + 1)]
    assert {u.props["x-document"] for u in units} == {"2021-07-13-partners-meeting"}
    assert {u.props["x-bead"] for u in units} >= {"1-1", "1-2", "2-1"}  # the seed's known 1-2 and 2-1
    assert store.document(result.document_id).src_path == str(SEED_FR)


def test_seed_glossary_is_searchable(seeded):
    store, result, _ = seeded
    assert result.new_entries == store.stats()["entries"] > 0
    hits = lookup(store, "IMS")
    assert any("International Military Staff" in {t.text for t in h.entry.terms} for h in hits)
    assert all(e.status == ReviewStatus.CANDIDATE and e.first_seen for e in store.list_entries())
    assert any(e.contexts for e in store.list_entries())


def test_reingesting_the_same_pair_changes_nothing(seeded):
    store, _, folder = seeded
    before = store.stats()
    assert ingest_pair(store, SEED_FR, SEED_EN).skipped
    renamed = folder / "copy.fr.txt"
    shutil.copy(SEED_FR, renamed)  # the same contents under another name are known too
    assert ingest_pair(store, renamed, SEED_EN).skipped
    assert store.stats() == before


def test_a_revised_document_replaces_its_units_but_keeps_reviews(tmp_path):
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    with open_store(tmp_path / "t.db", create=True) as store:
        ingest_pair(store, fr, en, extract_terms=True)
        entries = store.list_entries()
        approved, rejected, edited = (int(e.id) for e in entries[:3])
        glossary.set_status(store, approved, ReviewStatus.APPROVED)
        glossary.set_status(store, rejected, ReviewStatus.REJECTED)
        glossary.update_entry(store, edited, "edit", lambda e: setattr(e.terms_in("en")[0], "text", "edited by hand"))
        reviewed = {i: glossary.entry(store, i) for i in (approved, rejected, edited)}
        units_before = store.stats()["units"]

        en.write_text(en.read_text(encoding="utf-8").replace("invaluable asset", "priceless asset"), encoding="utf-8")
        result = ingest_pair(store, fr, en)
        assert not result.skipped and result.document_id == "meeting"
        assert store.stats()["units"] == units_before and store.stats()["documents"] == 1
        assert not any("invaluable" in u.target for u in store.units())
        for entry_id, entry in reviewed.items():
            now = glossary.entry(store, entry_id)
            assert (now.status, [t.text for t in now.terms]) == (entry.status, [t.text for t in entry.terms])
        assert glossary.entry(store, edited).terms_in("en")[0].text == "edited by hand"


CHIEF_FR = """Le chef d'état-major de la défense a présenté le plan de la mission.
Le chef d'état-major de la défense a rencontré les commandants des forces.
La lutte contre les mines reste une priorité pour la marine.
Les chasseurs de mines participent à la lutte contre les mines en mer Baltique.
Le chef d'état-major de la défense salue la coopération des alliés.
"""
CHIEF_EN = """The Chief of Defence presented the mission plan.
The Chief of Defence met the force commanders.
Mine countermeasures remain a priority for the navy.
The minehunters take part in mine countermeasures in the Baltic Sea.
The Chief of Defence welcomes the cooperation of the allies.
"""


def test_a_revision_keeps_an_entry_a_reviewer_corrected_from_its_proposal(tmp_path):
    fr, en = tmp_path / "rapport.fr.txt", tmp_path / "report.en.txt"
    fr.write_text(CHIEF_FR, encoding="utf-8")
    en.write_text(CHIEF_EN, encoding="utf-8")
    with open_store(tmp_path / "t.db", create=True) as store:
        ingest_pair(store, fr, en)
        proposed = [e for e in store.list_entries() if e.terms_in("fr")[0].text == "chef d'état-major"]
        assert len(proposed) == 1  # the proposal cut short, with the English it was aligned with
        edited = int(proposed[0].id)
        glossary.update_entry(store, edited, "edit", lambda e: glossary.edit(
            e, terms={"fr": "chef d'état-major général", "en": "Chief of Defence"}))
        counted = glossary.entry(store, edited).frequency
        assert counted == 3

        fr.write_text(CHIEF_FR.replace("une priorité", "la première priorité"), encoding="utf-8")
        en.write_text(CHIEF_EN.replace("a priority", "the first priority"), encoding="utf-8")
        assert not ingest_pair(store, fr, en).skipped
        assert not [e for e in store.list_entries() if e.terms_in("fr")[0].text == "chef d'état-major"]
        entry = glossary.entry(store, edited)
        assert [t.text for t in entry.terms] == ["chef d'état-major général", "Chief of Defence"]
        assert (entry.status, entry.frequency) == (ReviewStatus.APPROVED, counted)


def test_names_of_persons_are_not_proposed_and_a_reviewed_one_is_left_as_it_is(tmp_path):
    with open_store(tmp_path / "t.db", create=True) as store:
        kept = glossary.add_entry(store, glossary.new_entry(["Rob Bauer"], ["Admiral Rob Bauer"],
                                                            status=ReviewStatus.APPROVED))
        before = glossary.entry(store, kept)
        ingest_pair(store, SEED_FR, SEED_EN)
        proposed = [t.text for e in store.list_entries() if int(e.id) != kept for t in e.terms_in("fr")]
        assert proposed and not [text for text in proposed if "Wiermann" in text or "Bauer" in text]
        after = glossary.entry(store, kept)
        assert (after.status, [(t.lang, t.text) for t in after.terms]) == (
            before.status, [(t.lang, t.text) for t in before.terms])


def test_headings_numbered_otherwise_in_the_translation_give_no_label_in_a_term(tmp_path):
    """The French numbers its headings 1., 1.1, the English A., A.1 (as translated documents often do): no
    English equivalent holds the label (*A. NATO cyber defence policy*)."""
    fr, en = tmp_path / "cyber.fr.html", tmp_path / "cyber.en.html"
    fr.write_text("""<html><body><h1>1. Politique de cyberdéfense de l’OTAN</h1>
<p>Le Comité militaire a approuvé le 12 mai 2023 la nouvelle politique de cyberdéfense de l’Alliance.</p>
<h2>1.1 Objectifs</h2><p>Les États membres restent responsables de la protection de leurs réseaux nationaux.</p>
<p>Le Centre des opérations du cyberespace, situé à Mons, coordonne les activités opérationnelles.</p>
</body></html>""", encoding="utf-8")
    en.write_text("""<html><body><h1>A. NATO cyber defence policy</h1>
<p>On 12 May 2023, the Military Committee approved the Alliance’s new cyber defence policy.</p>
<h2>A.1 Objectives</h2><p>Member states remain responsible for the protection of their national networks.</p>
<p>The Cyberspace Operations Centre, located in Mons, coordinates operational activities.</p>
</body></html>""", encoding="utf-8")
    with open_store(tmp_path / "t.db", create=True) as store:
        ingest_pair(store, fr, en)
        english = {t.text for e in store.list_entries() for t in e.terms_in("en")}
    assert "Military Committee" in english
    assert [text for text in english if text.startswith(("A.", "A "))] == []


def test_missing_files_are_errors(tmp_path):
    with open_store(tmp_path / "t.db", create=True) as store:
        with pytest.raises(TmtoolError, match="no such file"):
            ingest_pair(store, tmp_path / "none.fr.txt", SEED_EN)
        assert store.stats()["documents"] == 0


def test_pairs_are_found_by_name(tmp_path):
    for name in ("a.fr.txt", "a.en.txt", "b.fr.html", "b.en.html", "c.fr.docx", "d.fr.txt", "d.fr.html",
                 "d.en.txt", "notes.txt"):
        (tmp_path / name).write_text("x")
    pairs, unpaired, ignored = find_pairs(tmp_path)
    assert [(n, f.name, e.name) for n, f, e in pairs] == [("a", "a.fr.txt", "a.en.txt"), ("b", "b.fr.html", "b.en.html")]
    assert unpaired == [("c.fr.docx", "no en counterpart (c.en.*, c_en.* or c-en.*)"),
                        ("d", "several fr files: d.fr.html, d.fr.txt")]
    assert ignored == [("notes.txt", "no language in the name (expected NAME.fr.EXT, NAME_fr.EXT or NAME-fr.EXT,"
                                     " en likewise)")]
    assert document_id_for("2021-07-13-partners-meeting.fr.txt") == "2021-07-13-partners-meeting"
    with pytest.raises(TmtoolError, match="not a directory"):
        find_pairs(tmp_path / "a.fr.txt")


def test_pairs_are_found_by_the_three_letter_codes_of_their_languages(tmp_path):
    """Documents named with ISO 639-2's codes, as many organisations name a file's language (FRA or FRE, ENG),
    pair as with the two-letter ones; they were skipped as "in fr, not fr or en". A third language still is."""
    for name in ("communique_FRA.pdf", "communique_ENG.pdf", "note-fre.docx", "Note-eng.docx", "bericht_DEU.txt"):
        (tmp_path / name).write_text("x")
    pairs, unpaired, ignored = find_pairs(tmp_path)
    assert [(n, f.name, e.name) for n, f, e in pairs] == [
        ("communique", "communique_FRA.pdf", "communique_ENG.pdf"), ("note", "note-fre.docx", "Note-eng.docx")]
    assert unpaired == []
    assert ignored == [("bericht_DEU.txt", "in de, not fr or en (--srclang and --tgtlang choose the languages of "
                                           "the pairs)")]

def test_a_file_that_is_no_document_is_skipped_as_such_whatever_its_name(tmp_path):
    # seeds/README.md was skipped for having "no language in the name", as if naming it README.fr.md would do
    for name in ("a.fr.txt", "a.en.txt", "README.md", "alignment.gold.json", "scan.fr.tif"):
        (tmp_path / name).write_text("x")
    pairs, unpaired, ignored = find_pairs(tmp_path)
    readable = "not a document tmtool reads (txt, md, markdown, html, htm, xhtml, docx, odt, pptx, odp, pdf)"
    assert (len(pairs), unpaired) == (1, [])
    assert ignored == [("alignment.gold.json", readable), ("README.md", "Markdown with no language in its name: the "
                        "folder's notes, not a document to align (one is named NAME.fr.md, NAME.en.md)"),
                       ("scan.fr.tif", readable)]


RAPPORT_FR_MD = """---
title: Rapport annuel
---

# Rapport annuel du Comité militaire

Le **Comité militaire** a tenu trois réunions en 2023. Les chefs d'état-major ont examiné la
[posture de dissuasion](https://www.nato.int/) de l'Alliance.

- La défense aérienne intégrée a été renforcée.
- Les exercices conjoints ont réuni douze pays.
"""
RAPPORT_EN_MD = """---
title: Annual report
---

# Annual report of the Military Committee

The **Military Committee** held three meetings in 2023. The chiefs of defence reviewed the
Alliance's [deterrence posture](https://www.nato.int/).

- Integrated air defence was strengthened.
- The joint exercises brought together twelve countries.
"""


def test_markdown_found_in_a_folder_is_read_as_when_it_is_named(tmp_path):
    """``ingest --dir`` skipped rapport.fr.md and rapport.en.md as "not a document tmtool reads", which
    ``ingest rapport.fr.md rapport.en.md`` reads; the pair is read from a folder alike, and a README.md, no half
    of a pair, is skipped as the folder's notes."""
    from click.testing import CliRunner

    from tmtool.cli import main

    inbox, named = tmp_path / "inbox", tmp_path / "named"
    inbox.mkdir()
    named.mkdir()
    for folder in (inbox, named):
        (folder / "rapport.fr.md").write_text(RAPPORT_FR_MD, encoding="utf-8")
        (folder / "rapport.en.md").write_text(RAPPORT_EN_MD, encoding="utf-8")
    (inbox / "README.md").write_text("# Inbox\n\nDrop the pairs here.\n", encoding="utf-8")
    found = CliRunner().invoke(main, ["--db", str(tmp_path / "dir.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert found.exit_code == 0, found.output
    assert "skipped: README.md: Markdown with no language in its name: the folder's notes" in found.stderr
    given = CliRunner().invoke(main, ["--db", str(tmp_path / "named.db"), "ingest", str(named / "rapport.fr.md"),
                                      str(named / "rapport.en.md"), "--no-terms"])
    assert given.exit_code == 0, given.output
    # and uploaded to the workbench (it answered "upload files named *.docx, … not 'rapport.fr.md'")
    from workbench import client

    open_store(str(tmp_path / "web.db"), create=True).close()
    http, headers = client(str(tmp_path / "web.db"))
    uploaded = http.post("/api/ingest", headers=headers, data={"doc_id": "rapport"}, files={
        "fr_file": ("rapport.fr.md", RAPPORT_FR_MD.encode()), "en_file": ("rapport.en.md", RAPPORT_EN_MD.encode())})
    assert uploaded.status_code == 200, uploaded.text
    units = []
    for db in ("dir.db", "named.db", "web.db"):
        with open_store(str(tmp_path / db)) as store:
            [document] = api.documents(store)
            units.append([(u["source"], u["target"]) for u in api.document_units(store, document["id"])])
    assert units[0] == units[1] == units[2] and ("Rapport annuel du Comité militaire", "Annual report of the Military Committee") \
        in units[0]
    assert not any("**" in source or "https:" in source for source, _ in units[0])


def test_a_store_kept_in_the_inbox_is_no_file_skipped(tmp_path):
    # `tmtool --db inbox/tmtool.db ingest --dir inbox`: the store and SQLite's -wal and -shm beside it were told as
    # three files skipped, "not a document tmtool reads", among the files a person put there
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_FR, inbox / "meeting.fr.txt")
    shutil.copy(SEED_EN, inbox / "meeting.en.txt")
    (inbox / "notes.json").write_text("{}")
    with open_store(str(inbox / "tmtool.db"), create=True) as store:
        summary = ingest_dir(store, inbox, extract_terms=False)
    assert len(summary.results) == 1 and summary.ignored == [
        ("notes.json", "not a document tmtool reads (txt, md, markdown, html, htm, xhtml, docx, odt, pptx, odp, pdf)")]


def test_an_inbox_with_a_broken_pair(tmp_path, shared):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("c-ied-centre-of-excellence", "defence-ministers-cyber"):
        for lang in ("fr", "en"):
            shutil.copy(shared / "data" / "terms" / name / f"{name}.{lang}.txt", inbox)
    (inbox / "broken.fr.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (inbox / "broken.en.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (inbox / "orphan.fr.txt").write_text("Une phrase sans traduction.", encoding="utf-8")
    with open_store(tmp_path / "t.db", create=True) as store:
        summary = ingest_dir(store, inbox, extract_terms=False)
        assert sorted(r.document_id for r in summary.results) == ["c-ied-centre-of-excellence", "defence-ministers-cyber"]
        assert [name for name, _ in summary.failures] == ["orphan.fr.txt", "broken"]
        assert "not a readable DOCX" in summary.failures[1][1]
        assert summary.new_units == store.stats()["units"] > 0
        again = ingest_dir(store, inbox, extract_terms=False)
        assert len(again.skipped) == 2 and again.new_units == 0


# three short reports, each about something else, that all end on the response force, in passing
REPORTS = {
    "a": ("Les ministres se sont réunis à Bruxelles pour parler de la situation en Europe.\n"
          "Ils ont examiné la chaîne d'approvisionnement des forces déployées dans la région.\n"
          "La réunion suivante aura lieu l'année prochaine.\n"
          "La force de réaction reste à l'étude.\n"
          "Les discussions ont duré toute la journée.\n"
          "Tout le monde était d'accord sur ce point.\n"
          "Il faudra encore du temps pour y parvenir.\n",
          "The ministers met in Brussels to discuss the situation in Europe.\n"
          "They reviewed the supply chain of the forces deployed in the region.\n"
          "The next meeting will take place next year.\n"
          "The response force remains under study.\n"
          "The discussions lasted all day.\n"
          "Everyone agreed on this point.\n"
          "It will still take time to get there.\n"),
    "b": ("Le rapport publié hier décrit les progrès accomplis.\n"
          "Les auteurs soulignent que les ministres doivent agir rapidement.\n"
          "D'autres travaux sont prévus pour l'année prochaine.\n"
          "La force de réaction reste à l'étude.\n"
          "Il a été lu par de nombreuses personnes.\n"
          "Beaucoup de questions restent ouvertes.\n"
          "Il sera bientôt disponible en ligne.\n",
          "The report published yesterday describes the progress made.\n"
          "The authors stress that the ministers must act quickly.\n"
          "Further work is planned for next year.\n"
          "The response force remains under study.\n"
          "It has been read by many people.\n"
          "Many questions remain open.\n"
          "It will soon be available online.\n"),
    "c": ("Les experts ont présenté leurs conclusions aux ministres.\n"
          "Selon eux, les routes doivent être mieux protégées.\n"
          "Les experts reviendront l'année prochaine.\n"
          "La force de réaction reste à l'étude.\n"
          "Ils ont répondu à toutes les questions.\n"
          "Certains points méritent encore d'être précisés.\n"
          "Leur travail a été bien accueilli.\n",
          "The experts presented their findings to the ministers.\n"
          "In their view, the roads must be better protected.\n"
          "The experts will return next year.\n"
          "The response force remains under study.\n"
          "They answered all the questions.\n"
          "Some points still need to be clarified.\n"
          "Their work was well received.\n"),
}


def test_documents_add_up_to_an_entry_none_proposed_alone(tmp_path):
    def made_by_evidence(store):
        """Entries counted by several documents, each of which scored them under the threshold."""
        return [entry for entry in store.list_entries()
                if len(counts := store.document_counts([int(entry.id)]).get(int(entry.id), [])) > 1 and all(s < 0.5 for *_, s in counts)]

    with open_store(tmp_path / "s.db", create=True) as store:
        for name, (fr, en) in REPORTS.items():
            (tmp_path / f"{name}.fr.txt").write_text(fr, encoding="utf-8")
            (tmp_path / f"{name}.en.txt").write_text(en, encoding="utf-8")
            ingest_pair(store, tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt")
        raised = made_by_evidence(store)
        assert raised and all(entry.score >= 0.5 and entry.terms_in("en") for entry in raised)
        glossary.remove_documents(store, ["b", "c"])
        assert made_by_evidence(store) == [] and {e.id for e in store.list_entries()}.isdisjoint(e.id for e in raised)


def test_a_stored_pair_given_the_wrong_way_round_is_refused_not_told_stored(tmp_path):
    """A translator's two files named without their language (a.txt, b.txt), the English given first: into a new
    store, ingest refuses them ('looks like English, not French … right order?'); into the store already holding that
    pair, it answered 'same text as document …, already stored' (exit 0), as if they had been given right. An English
    original given with its languages (--srclang en --tgtlang fr) is still that stored pair."""
    from conftest import invoke

    db = tmp_path / "t.db"
    english, french = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED_EN, english)
    shutil.copy(SEED_FR, french)
    assert invoke(db, "ingest", SEED_FR, SEED_EN).exit_code == 0
    with open_store(db) as store:
        before = store.stats()
        [document] = [record.id for record, _ in store.documents()]
    for given in ([english, french], [english, french, "--srclang", "fr", "--tgtlang", "en"]):
        swapped = invoke(db, "ingest", *given)
        assert swapped.exit_code == 1, swapped.output
        assert swapped.stderr == (f"tmtool: error: {english}: this text is stored as the en-GB of document {document}, "
                                  "not as fr: are the files given in the right order?\n")
    with open_store(db) as store, pytest.raises(TmtoolError) as uploaded:  # the workbench's upload names its file
        api.ingest(store, api.Upload("a.txt", english.read_bytes()), api.Upload("b.txt", french.read_bytes()))
    assert str(uploaded.value).startswith(f"a.txt: this text is stored as the en-GB of document {document}")
    renamed_fr = tmp_path / "copy.txt"  # the same bytes under another name: the text's check, not the file's
    renamed_fr.write_text(SEED_FR.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert invoke(db, "ingest", english, renamed_fr).exit_code == 1
    original = invoke(db, "ingest", english, french, "--srclang", "en", "--tgtlang", "fr")
    assert original.exit_code == 0 and "already stored" in original.stdout
    with open_store(db) as store:
        assert store.stats() == before


def test_a_revised_document_s_sentences_replace_those_its_entries_and_terms_quoted_reviewed_or_not(store_url, tmp_path):
    """An entry's English equivalent keeps its own sentence pairs (``Term.contexts``: ``lookup --json``, the TBX's
    ``x-of: term`` contexts). Revised, the document's new sentences replace those it quoted, an approved entry's
    too (evidence, not the reviewer's decision: status, terms and version stay); removed, they go."""
    from conftest import run_output

    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    run_output(store_url, "ingest", fr, en)

    def division() -> dict:
        found = json.loads(run_output(store_url, "lookup", "Division Sécurité coopérative", "--json"))
        return next(hit for hit in found if hit["terms"][0]["text"] == "Division Sécurité coopérative")

    entry = division()
    english = next(t for t in entry["terms"] if t["text"] == "Cooperative Security Division")
    assert any(c["en"].startswith("On 13 July 2021") for c in english["contexts"])
    run_output(store_url, "glossary", "approve", entry["id"])
    approved = division()
    # another approval, taken back once the document is revised: the entry as it was then, its sentences as now
    security = json.loads(run_output(store_url, "lookup", "Sécurité coopérative", "--json"))[0]
    assert [t["text"] for t in security["terms"]] == ["Sécurité coopérative", "Cooperative Security"]
    assert security["terms"][1]["contexts"][0]["en"].startswith("On 13 July 2021")
    change = run_output(store_url, "glossary", "approve", security["id"]).split("(change ")[1].rstrip(")\n")

    fr.write_text(fr.read_text(encoding="utf-8").replace("Le 13 juillet 2021, le directeur", "Le 14 juillet 2021, le directeur")
                  .replace("a organisé sous les auspices", "a organisé, sous les auspices"), encoding="utf-8")
    en.write_text(en.read_text(encoding="utf-8").replace("On 13 July 2021", "On 14 July 2021"), encoding="utf-8")
    assert "meeting: 19 units, 0 new entries" in run_output(store_url, "ingest", fr, en)
    revised = division()
    assert {key: revised[key] for key in ("status", "version")} == {"status": "approved", "version": approved["version"]}
    assert [t["text"] for t in revised["terms"]] == [t["text"] for t in approved["terms"]]
    english = next(t for t in revised["terms"] if t["text"] == "Cooperative Security Division")
    assert [c["en"][:15] for c in english["contexts"]] == ["On 14 July 2021", "The IMS Coopera"]
    assert any(c["fr"].startswith("Le 14 juillet 2021, le directeur général") and "a organisé, sous" in c["fr"]
               for c in english["contexts"])
    tbx = tmp_path / "glossary.tbx"
    run_output(store_url, "export", "tbx", "-o", tbx)
    assert "On 14 July 2021" in tbx.read_text(encoding="utf-8")
    assert "On 13 July 2021" not in tbx.read_text(encoding="utf-8")  # no entry's nor term's sentence is stale
    run_output(store_url, "glossary", "revert", change)
    security = json.loads(run_output(store_url, "glossary", "show", security["id"], "--json"))
    assert security["status"] == "candidate"
    assert [c["en"][:15] for c in security["terms"][1]["contexts"]] == ["On 14 July 2021", "The IMS Coopera"]

    run_output(store_url, "remove", "meeting")
    removed = division()
    assert removed["status"] == "approved" and not removed["contexts"]
    assert not [c for t in removed["terms"] for c in t["contexts"] if c["document"] == "meeting"]


def test_a_term_whose_only_quoted_document_is_removed_quotes_the_documents_left_or_says_it_has_none(store_url, tmp_path):
    """*NATO* quoted the Military Committee's news alone (its first document); the Baltic Sentry news, which says it
    too, counts the entry. Removed, the first document took the term's sentences with it and left it quoting none,
    while the store's other document writes it: it quotes that one's now, the sentences a store built afresh from the
    documents left quotes. With no document left (the entry kept: approved), it quotes none, and says so."""
    from conftest import run_output

    week = REPO / "tests" / "data" / "week"
    session, sentry = "2026-12-01-mc-session", "2026-12-03-baltic-sentry"

    def nato(db) -> tuple[dict, dict]:
        entry = next(hit for hit in json.loads(run_output(db, "lookup", "OTAN", "--json"))
                     if hit["terms"][0]["text"] == "OTAN")
        return entry, next(t for t in entry["terms"] if t["text"] == "NATO")

    for name in (session, sentry):
        run_output(store_url, "ingest", week / f"{name}.fr.txt", week / f"{name}.en.txt")
    entry, english = nato(store_url)
    assert {c["document"] for c in english["contexts"]} == {session}
    run_output(store_url, "remove", session)
    _, english = nato(store_url)
    fresh = tmp_path / "fresh.db"
    run_output(fresh, "ingest", week / f"{sentry}.fr.txt", week / f"{sentry}.en.txt")
    assert english["contexts"] and [(c["unit"], c["en"]) for c in english["contexts"]] == \
        [(c["unit"], c["en"]) for c in nato(fresh)[1]["contexts"]]
    run_output(store_url, "glossary", "approve", entry["id"])
    run_output(store_url, "remove", sentry)
    _, english = nato(store_url)
    assert english["contexts"] == []
    shown = run_output(store_url, "glossary", "show", entry["id"])
    assert "  en: NATO  (acronym, preferred, properNoun)  no sentence in the store's documents\n" in shown


def _every_figure(store) -> dict:
    """Every figure of the glossary by entry (its terms as written): status, frequency, score, each document's count
    and score (document frequency), each document's support of each equivalent (translation consistency), the
    entry's sentences and each term's own frequency, confidence, forms and sentences."""
    entries = store.list_entries()
    ids = [int(e.id) for e in entries]
    counts, supports = store.document_counts(ids), store.document_supports(ids)
    return {tuple((t.lang, t.text) for t in e.terms): (
        e.status.value, e.frequency, e.score, sorted((d, f, s) for d, f, _, s in counts.get(int(e.id), [])),
        sorted(map(tuple, supports.get(int(e.id), []))), sorted((c.document, c.unit, c.fr) for c in e.contexts),
        [(t.frequency, t.confidence, t.forms, sorted((c.document, c.unit, c.en) for c in t.contexts)) for t in e.terms])
        for e in entries}


def test_a_revised_document_ingested_again_leaves_every_figure_a_store_built_afresh_holds(store_url, tmp_path):
    """The Baltic Sentry news revised (a sentence changed, one added that says *minehunters* again) and ingested
    again: every figure of the glossary is what a store built afresh from the documents as they are now holds. The
    equivalents it alone gave kept the earlier version's own figures: *minehunter* counted 1 sentence pair and quoted
    one, where the revision has 2, and the confidences were the earlier extraction's."""
    week = REPO / "tests" / "data" / "week"
    others = ("2026-12-01-mc-session", "2026-12-05-steadfast-exercise")
    sentry = "2026-12-03-baltic-sentry"
    with open_store(store_url, create=True) as store, open_store(tmp_path / "fresh.db", create=True) as fresh:
        for name in others:
            for target in (store, fresh):
                api.ingest(target, week / f"{name}.fr.txt", week / f"{name}.en.txt")
        api.ingest(store, week / f"{sentry}.fr.txt", week / f"{sentry}.en.txt")
        for target in (store, fresh):
            api.ingest(target, week / "revised" / f"{sentry}.fr.txt", week / "revised" / f"{sentry}.en.txt")
        figures = _every_figure(store)
        minehunter = next(value for terms, value in figures.items() if ("en", "minehunter") in terms)
        assert minehunter[-1][1][0] == 2  # the revision's two sentence pairs
        assert figures == _every_figure(fresh)


def test_reverting_an_import_over_a_document_s_entries_reads_the_document_once(tmp_path, monkeypatch):
    """A glossary exported, given definitions in a terminology tool and imported again is one change over every entry
    the document gave; its revert checks each entry's quoted sentences against the document, which is read once for
    them all (read once an entry, a 1,241-unit novel and its 233 entries took 25 s to revert instead of 2)."""
    fr, en = tmp_path / "meeting.fr.txt", tmp_path / "meeting.en.txt"
    shutil.copy(SEED_FR, fr)
    shutil.copy(SEED_EN, en)
    with open_store(tmp_path / "t.db", create=True) as store:
        api.ingest(store, fr, en)
        tbx = tmp_path / "glossary.tbx"
        written = api.export(store, "tbx", tbx, statuses=["candidate"])
        tbx.write_text(tbx.read_text(encoding="utf-8").replace(
            "<note>x-status: candidate</note>",
            '<note>x-status: candidate</note>\n  <descrip type="definition">vu à la réunion</descrip>'), encoding="utf-8")
        api.import_file(store, tbx)
        change = api.history(store)[-1]
        assert change["action"] == "import glossary.tbx" and len(change["entries"]) == written > 30
        before = {e["id"]: e for e in api.entries(store, statuses=["candidate"], limit=100)}
        reads = []
        read = store.document_units
        monkeypatch.setattr(store, "document_units", lambda *a, **k: reads.append(a) or read(*a, **k))
        api.revert(store, change["id"])
        assert reads == [("meeting",)]
        after = {e["id"]: e for e in api.entries(store, statuses=["candidate"], limit=100)}
        assert after.keys() == before.keys() and not any(e["definition"] for e in after.values())
        assert [t["contexts"] for e in after.values() for t in e["terms"]] == \
            [t["contexts"] for e in before.values() for t in e["terms"]]


def test_a_markdown_document_misnamed_is_told_how_to_name_it_not_taken_for_notes(tmp_path):
    """rapportFR.md, a French document whose language the name does not give as --dir reads it, was skipped as "the
    folder's notes", as a README.md is: it is told the names a pair takes, as rapportFR.txt is."""
    for name in ("README.md", "CHANGELOG.md", "rapportFR.md", "rapportFR.txt", "a.fr.md", "a.en.md"):
        (tmp_path / name).write_text("# Rapport\n\nLe Comité militaire s'est réuni.\n", encoding="utf-8")
    pairs, unpaired, ignored = find_pairs(tmp_path)
    reasons = dict(ignored)
    assert [name for name, *_ in pairs] == ["a"] and unpaired == []
    assert reasons["rapportFR.md"] == reasons["rapportFR.txt"] and reasons["rapportFR.md"].startswith(
        "no language in the name (expected NAME.fr.EXT")
    assert reasons["README.md"] == reasons["CHANGELOG.md"] == (
        "Markdown with no language in its name: the folder's notes, not a document to align (one is named NAME.fr.md,"
        " NAME.en.md)")
