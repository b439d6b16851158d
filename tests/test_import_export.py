"""Import and export: round trips through every format, duplicates skipped, invalid files refused whole."""

import docx
import pytest
from click.testing import CliRunner
from conftest import SEED_FR, invoke as run

from tmtool import glossary
from tmtool.cli import main
from tmtool.formats import registry
from tmtool.formats.tmx import read_tmx
from tmtool.formats.xliff import is_untranslated
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit
from tmtool.store import open_store
from tmtool.transfer import export_store, import_file

GLOSSARY = [
    Entry(terms=[Term("État-major militaire international", "fr", gender="masculine"),
                 Term("EMI", "fr", term_type=TermType.ACRONYM),
                 Term("International Military Staff", "en"), Term("IMS", "en", term_type=TermType.ACRONYM)],
          status=ReviewStatus.APPROVED, definition="Organe exécutif du Comité militaire.",
          contexts=[Context("Le directeur de l’État-major militaire international.",
                            "The Director of the International Military Staff.")]),
    Entry(terms=[Term("Comité militaire", "fr"), Term("Military Committee", "en")], status=ReviewStatus.CANDIDATE),
    Entry(terms=[Term("pays partenaire", "fr"), Term("partner nation", "en")], status=ReviewStatus.REJECTED),
]
UNITS = [
    Unit("Les partenaires de l’OTAN sont un atout inestimable.", "NATO partners are an invaluable asset.",
         "fr-FR", "en-GB", tuid="seed:1", props={"x-document": "seed", "x-bead": "1-1"}),
    Unit("« Nous sommes confrontés à de nombreux défis. »", "“We face many challenges.”", "fr-FR", "en-GB",
         tuid="seed:2", notes=["checked"]),
]


def pairs(store):
    return sorted((tuple(t.text for t in e.terms_in("fr")), tuple(t.text for t in e.terms_in("en")), e.status)
                  for e in store.list_entries())


@pytest.fixture
def filled(tmp_path):
    with open_store(tmp_path / "source.db", create=True) as store:
        glossary.import_entries(store, GLOSSARY, "hand")
        store.add_units(UNITS, "hand")
        yield store


def test_tmx_round_trip_keeps_every_unit(filled, tmp_path):
    assert run(filled.path, "export", "tmx", "-o", str(tmp_path / "a.tmx")).exit_code == 0
    fresh = tmp_path / "fresh.db"
    result = run(fresh, "import", str(tmp_path / "a.tmx"))
    assert result.exit_code == 0 and result.output == ("2 units added (fr-FR→en-GB 2), 0 already stored, "
                                                      "0 untranslated skipped\n")
    assert run(fresh, "import", str(tmp_path / "a.tmx")).output == (
        "0 units added, 2 already stored, 0 untranslated skipped\n")
    with open_store(fresh, create=True) as store:
        got = [(u.source, u.target, u.tuid, u.props, u.notes) for u in store.units()]
    assert got == [(u.source, u.target, u.tuid, u.props, u.notes) for u in UNITS]


@pytest.mark.parametrize("fmt, suffix", [("tbx", "tbx"), ("tbx-martif", "tbx"), ("csv", "csv"), ("po", "po")])
def test_glossary_round_trip_keeps_every_status(filled, tmp_path, fmt, suffix):
    first = tmp_path / f"first.{suffix}"
    assert export_store(filled, fmt, str(first), statuses=tuple(ReviewStatus)) == 3
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        result = import_file(fresh, first)
        assert (result.kind, result.added, result.already_stored, result.skipped) == ("entries", 3, 0, [])
        assert import_file(fresh, first).already_stored == 3
        assert pairs(fresh) == pairs(filled)  # the candidate is still a candidate, the rejected entry rejected
        (imported,) = [e for e in fresh.list_entries() if e.definition]
        assert imported.definition == GLOSSARY[0].definition


def test_items_passed_over_are_told_under_the_name_the_import_is_recorded_as(tmp_path):
    copy = tmp_path / "upload-copy.tsv"
    copy.write_text("Comité militaire\tMilitary Committee\nno tab here\n", encoding="utf-8")
    with open_store(tmp_path / "t.db", create=True) as store:
        result = import_file(store, copy, recorded_as="terms.tsv")
        assert [str(skipped) for skipped in result.skipped] == ["terms.tsv:2: no tab: expected source<TAB>target"]
        assert [i.path for i in store.imports()] == ["terms.tsv"]


def test_omegat_tsv_round_trip(filled, tmp_path):
    """OmegaT's glossary holds pairs, one a line: the pairs and their status survive a trip through the store."""
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    export_store(filled, "tsv", str(first), statuses=tuple(ReviewStatus))
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        import_file(fresh, first)
        status_of = {e.terms_in("fr")[0].text: e.status for e in fresh.list_entries()}
        export_store(fresh, "tsv", str(second), statuses=tuple(ReviewStatus))
    assert status_of == {"État-major militaire international": ReviewStatus.APPROVED, "EMI": ReviewStatus.APPROVED,
                         "Comité militaire": ReviewStatus.CANDIDATE, "pays partenaire": ReviewStatus.REJECTED}
    assert sorted(second.read_text(encoding="utf-8").splitlines()) == \
        sorted(first.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("fmt", ["tbx", "tbx-martif", "tsv", "csv", "po"])
def test_export_writes_only_approved_entries_by_default(filled, tmp_path, fmt):
    out = tmp_path / f"glossary.{fmt}"
    assert run(filled.path, "export", fmt, "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "International Military Staff" in text
    assert "Military Committee" not in text and "partner nation" not in text


def test_export_filters_by_status_and_date(filled, tmp_path):
    out = tmp_path / "g.tsv"
    assert run(filled.path, "export", "tsv", "--status", "approved", "-o", str(out)).exit_code == 0
    french = {line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert french == {"État-major militaire international", "EMI"}
    assert run(filled.path, "export", "tsv", "--status", "candidate").stdout == \
        "Comité militaire\tMilitary Committee\tcandidate, not reviewed\n"
    assert run(filled.path, "export", "tsv", "--status", "rejected").stdout == \
        "pays partenaire\tpartner nation\trejected, do not use\n"
    assert len(run(filled.path, "export", "tsv", "--status", "all").stdout.splitlines()) == 4
    result = run(filled.path, "export", "csv", "--since", "2999-01-01")
    assert result.exit_code == 0 and "Comité militaire" not in result.stdout


def test_an_invalid_file_is_refused_whole(filled, tmp_path):
    run(filled.path, "export", "tmx", "-o", str(tmp_path / "good.tmx"))
    broken = tmp_path / "broken.tmx"
    text = (tmp_path / "good.tmx").read_text(encoding="utf-8")
    broken.write_text(text.replace("</body>", "<tu><tuv xml:lang='fr-FR'><seg>Sans fin</seg></tuv>\n</body>")
                      .replace("</tmx>", ""), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    result = run(fresh, "import", str(broken))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("tmtool: error: ")
    assert str(broken) in result.output
    with open_store(fresh, create=True) as store:
        assert store.stats()["units"] == 0  # the good units before the error were rolled back


def test_untranslated_units_are_skipped(tmp_path):
    one_sided = tmp_path / "one.tmx"
    one_sided.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="x" '
                         'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>'
                         '<body><tu><tuv xml:lang="fr-FR"><seg>Seul</seg></tuv></tu>'
                         '<tu><tuv xml:lang="fr-FR"><seg>Un</seg></tuv><tuv xml:lang="en-GB"><seg>One</seg></tuv></tu>'
                         '</body></tmx>', encoding="utf-8")
    assert run(tmp_path / "t.db", "import", str(one_sided)).output == (
        "1 unit added (fr-FR→en-GB 1), 0 already stored, 1 untranslated skipped\n")


# ---- untranslated XLIFF units: skipped and counted, never stored ----

XLIFF_12_UNTRANSLATED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
<file original="a" datatype="plaintext" source-language="fr-FR" target-language="en-GB"><body>
<trans-unit id="no-target"><source>Sans cible.</source></trans-unit>
<trans-unit id="empty-target"><source>Cible vide.</source><target> </target></trans-unit>
<trans-unit id="new"><source>Nouveau.</source><target state="new">New.</target></trans-unit>
<trans-unit id="new-copy"><source>Nouveau.</source><target state="new">Nouveau.</target></trans-unit>
<trans-unit id="needs"><source>À traduire.</source><target state="needs-translation">À traduire.</target></trans-unit>
<trans-unit id="omegat"><source>Rempli.</source><target state="needs-translation">Filled in.</target></trans-unit>
<trans-unit id="translated"><source>Traduit.</source><target state="translated">Translated.</target></trans-unit>
<trans-unit id="no-state"><source>OTAN</source><target>OTAN</target></trans-unit>
</body></file>
<file original="b" datatype="plaintext" source-language="fr-FR"><body>
<trans-unit id="copy"><source>Copie de la source.</source><target>Copie de la source.</target></trans-unit>
<trans-unit id="no-language"><source>Sans langue.</source>
  <target state="translated">In no language.</target></trans-unit>
</body></file>
</xliff>
"""
XLIFF_20_UNTRANSLATED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en-GB">
<file id="f">
<unit id="no-target"><segment><source>Sans cible.</source></segment></unit>
<unit id="initial"><segment state="initial"><source>Initial.</source><target>Initial.</target></segment></unit>
<unit id="initial-filled"><segment state="initial"><source>Rempli.</source><target>Filled in.</target></segment></unit>
<unit id="translated"><segment state="translated"><source>Traduit.</source><target>Translated.</target></segment></unit>
<unit id="no-state"><segment><source>Sans état.</source><target>No state.</target></segment></unit>
</file>
</xliff>
"""


@pytest.mark.parametrize("document, added, untranslated, skipped", [
    (XLIFF_12_UNTRANSLATED, ["translated", "no-state"], 5,
     ", 2 not confirmed skipped, 1 skipped: {path}:15: <trans-unit> has a translation, but its <file> has no "
     "target-language"),
    (XLIFF_20_UNTRANSLATED, ["translated", "no-state"], 2, ", 1 not confirmed skipped"),
], ids=["xliff-1.2", "xliff-2.0"])  # fmt: skip
def test_untranslated_xliff_units_are_skipped_and_counted(tmp_path, document, added, untranslated, skipped):
    """A target that is not a copy of its source is a translation, whatever its state says, but for a 1.2 ``new`` or
    ``needs-translation`` in a file tmtool did not write (the target needs translating still: Weblate's "needs
    editing") and a 2.x ``initial`` a tool wrote on a filled target (Trados's draft), which are not confirmed."""
    path = tmp_path / "filled.xlf"
    path.write_text(document, encoding="utf-8")
    db = tmp_path / "t.db"
    result = run(db, "import", str(path))
    assert result.exit_code == 0, result.output
    skipped = skipped.format(path=path)
    assert result.stdout == (f"{len(added)} units added (fr-FR→en-GB {len(added)}), 0 already stored, "
                             f"{untranslated} untranslated skipped{skipped}\n")
    with open_store(db, create=True) as store:
        assert [(u.tuid, u.srclang, u.tgtlang) for u in store.units()] == [(t, "fr-FR", "en-GB") for t in added]
    again = run(db, "import", str(path))
    assert again.stdout == f"0 units added, {len(added)} already stored, {untranslated} untranslated skipped{skipped}\n"
    assert run(db, "export", "tmx", "-o", str(tmp_path / "out.tmx")).exit_code == 0


@pytest.mark.parametrize("source", ["txt", "docx"])
def test_a_segmented_file_imported_back_leaves_the_store_exportable(tmp_path, source):
    """segment writes source-only XLIFF (a copy of the source as target, no target language): imported
    back, all of it is untranslated; it used to be stored as French→French units with no target
    language, after which every export of the store failed."""
    if source == "txt":
        document, count = SEED_FR, 20  # its sentences
    else:
        document, count = tmp_path / "report.docx", 3
        report = docx.Document()
        for text in ("Rapport du Comité militaire", "Le Comité militaire s’est réuni.", "Il a approuvé le plan."):
            report.add_paragraph(text)
        report.save(document)
    db = tmp_path / "t.db"
    with open_store(db, create=True) as store:
        store.add_units(UNITS, "hand")
    xliff = tmp_path / "report.xlf"
    assert run(db, "segment", str(document), "--lang", "fr", "-o", str(xliff)).exit_code == 0
    result = run(db, "import", str(xliff))
    assert result.exit_code == 1, result.output  # nothing of it imported: said, and not a success
    assert result.stdout == f"0 units added, 0 already stored, {count} untranslated skipped\n"
    assert result.stderr == (f"tmtool: error: {xliff}: nothing imported: every unit was skipped "
                             f"({count} untranslated)\n")
    assert xliff.read_text(encoding="utf-8").count("<trans-unit ") == count
    exported = tmp_path / "memory.tmx"
    result = run(db, "export", "tmx", "-o", str(exported))
    assert result.exit_code == 0, result.output
    assert [(u.source, u.target, u.srclang, u.tgtlang) for u in read_tmx(exported)] == [
        (u.source, u.target, u.srclang, u.tgtlang) for u in UNITS]


def test_is_untranslated_by_target_state_and_copy():
    def unit(target, tgtlang="en-GB", state=None, markup=None):
        return Unit("Le Comité.", target, "fr-FR", tgtlang, props={"x-state": state} if state else {},
                    target_markup=markup)

    assert all(is_untranslated(u) for u in (
        unit(""), unit("  "), unit("Le Comité.", state="new"), unit("Le Comité.", state="needs-translation"),
        unit("Le Comité.", state="initial"), unit("Le Comité.", tgtlang=""),
    ))  # fmt: skip
    assert not any(is_untranslated(u) for u in (
        unit("The Committee."), unit("The Committee.", state="translated"), unit("Le Comité."),
        unit("The Committee.", state="needs-review-translation"),
        # what OmegaT gives back: filled in, the state tmtool segment wrote left as it was
        unit("The Committee.", state="needs-translation"), unit("The Committee.", state="new"),
        unit("The Committee.", state="initial"), unit("The Committee.", tgtlang=""),
        # the same words with codes moved is an edit of the copy
        unit("Le Comité.", state="needs-translation", markup='Le <ph x="1"/>Comité.'),
    ))  # fmt: skip


def test_format_inference_and_unknown_formats(filled, tmp_path):
    renamed = tmp_path / "memory.xml"
    run(filled.path, "export", "tmx", "-o", str(renamed))
    assert registry.infer(renamed).name == "tmx"
    mystery = tmp_path / "notes.txt"
    mystery.write_text("nothing tabular here\n")
    for args in (["import", str(mystery)], ["export", "xlsx"]):
        result = run(filled.path, *args)
        assert result.exit_code == 1 and result.output.count("\n") == 1, args
    misspelt = run(filled.path, "import", str(renamed), "--format", "doc")  # a usage error, as export's
    assert misspelt.exit_code == 2 and misspelt.output.count("\n") == 1


def test_a_refused_file_does_not_leave_a_new_empty_store_behind(tmp_path):
    bad = tmp_path / "broken.tmx"
    bad.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu>', encoding="utf-8")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(bad)])
    assert result.exit_code == 1 and "broken.tmx" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.tmx"]


def test_an_indented_term_is_imported_tidy_and_exports_as_it_reads(tmp_path):
    # a TBX written by hand or pretty-printed: the layout inside <term> is not the term's text
    tbx = tmp_path / "indented.tbx"
    tbx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
                   '<termEntry><langSet xml:lang="fr"><tig><term>\n   chasseur\n   de mines \n</term></tig></langSet>'
                   '<langSet xml:lang="en"><tig><term> minehunter</term></tig></langSet></termEntry>'
                   '</body></text></martif>', encoding="utf-8")
    db = tmp_path / "t.db"
    assert run(db, "import", str(tbx)).exit_code == 0
    with open_store(db) as store:
        assert pairs(store) == [(("chasseur de mines",), ("minehunter",), ReviewStatus.CANDIDATE)]
    exported = run(db, "export", "tsv", "--status", "all", "-o", "-").stdout
    assert exported.startswith("chasseur de mines\tminehunter\t")


def _reviewed_in_a_spreadsheet(path, suffix):
    """The exported file as a terminologist hands it back: the candidate approved, with a note."""
    if suffix == "po":  # the fuzzy flag cleared and a translator comment written, as in Poedit
        text = path.read_text(encoding="utf-8")
        head, _, rest = text.partition('msgid "Comité militaire"')
        head = head[:head.rindex("#, fuzzy")]
        path.write_text(head + '# reviewed by ana\nmsgid "Comité militaire"' + rest, encoding="utf-8")
        return
    import openpyxl

    if suffix == "xlsx":
        workbook = openpyxl.load_workbook(path)
        rows = list(workbook.active.iter_rows())
    else:
        import csv as csv_module

        rows = list(csv_module.reader(path.open(encoding="utf-8-sig", newline="")))
    header = [cell.value if suffix == "xlsx" else cell for cell in rows[0]]
    for row in rows[1:]:
        values = [cell.value if suffix == "xlsx" else cell for cell in row]
        if values[header.index("fr")] == "Comité militaire":
            if suffix == "xlsx":
                row[header.index("status")].value, row[header.index("note")].value = "Approved", "reviewed by ana"
            else:
                row[header.index("status")], row[header.index("note")] = "Approved", "reviewed by ana"
    if suffix == "xlsx":
        workbook.save(path)
    else:
        import csv as csv_module

        with path.open("w", encoding="utf-8", newline="") as out:
            csv_module.writer(out).writerows(rows)


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "po"])
def test_a_review_made_on_an_export_comes_back_to_the_entries_awaiting_it(tmp_path, suffix):
    # export --status all, review in Excel or Poedit, import: the decisions were dropped as "already stored"
    db = tmp_path / "store.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, GLOSSARY, "hand")
        approved_id = int(next(e for e in store.list_entries() if e.status is ReviewStatus.APPROVED).id)
    review = tmp_path / f"review.{suffix}"
    assert run(db, "export", "--status", "all", "-o", str(review)).exit_code == 0
    older = tmp_path / f"older.{suffix}"
    older.write_bytes(review.read_bytes())
    _reviewed_in_a_spreadsheet(review, suffix)
    done = run(db, "import", str(review))
    assert done.stdout.startswith("0 entries added, 3 already stored (1 of them reviewed from the file)"), done.output
    with open_store(db) as store:
        [committee] = store.list_entries(text="Comité militaire")
        assert (committee.status, committee.note) == (ReviewStatus.APPROVED, "reviewed by ana")
        assert store.history(int(committee.id))[-1].action == f"import review.{suffix}"
        # a review a person made in the store is kept: an older export does not undo it
        glossary.set_status(store, approved_id, ReviewStatus.REJECTED)
    assert run(db, "import", str(older)).stdout.startswith("0 entries added, 3 already stored (entries")
    with open_store(db) as store:
        assert glossary.entry(store, approved_id).status is ReviewStatus.REJECTED
        assert glossary.entry(store, int(committee.id)).status is ReviewStatus.APPROVED


# ---- CSV's byte-order mark: Excel's by default, none when asked ----


def test_csv_export_without_a_byte_order_mark_when_asked(filled, tmp_path):
    """Excel needs the mark to read the accents; a script or a database loader reading the file as UTF-8
    takes it for part of the first header cell (``\\ufefffr``), hence --no-bom."""
    marked, plain = tmp_path / "excel.csv", tmp_path / "plain.csv"
    assert run(filled.path, "export", "csv", "--status", "all", "-o", str(marked)).exit_code == 0
    result = run(filled.path, "export", "csv", "--status", "all", "--no-bom", "-o", str(plain))
    assert result.exit_code == 0, result.output
    assert marked.read_bytes().startswith(b"\xef\xbb\xbffr,en,")
    assert plain.read_bytes().startswith(b"fr,en,")
    assert plain.read_bytes() == marked.read_bytes()[3:]  # the mark is all that differs
    assert "État-major militaire international" in plain.read_text(encoding="utf-8")
    with open_store(tmp_path / "back.db", create=True) as store:  # and it reads back the same
        assert import_file(store, plain).added == 3
        assert pairs(store) == pairs(filled)
    said = run(filled.path, "export", "tsv", "--no-bom", "-o", str(tmp_path / "g.tsv"))
    assert said.exit_code == 0 and "--no-bom: tsv is written without a byte-order mark anyway" in said.stderr


# ---- a file of which nothing could be used: not a success ----


def test_an_import_that_skips_every_row_fails_saying_why(tmp_path):
    """An OmegaT glossary typed in an editor that turned its tabs into spaces imported nothing, said "0 entries
    added, 0 already stored, 2 skipped: …" and exited 0, so a script importing a folder went on as if it had
    been read."""
    rows = tmp_path / "glossary.utf8"
    rows.write_text("Comité militaire    Military Committee\nPays partenaire    Partner nation\n", encoding="utf-8")
    db = tmp_path / "new.db"
    result = run(db, "import", str(rows))
    assert result.exit_code == 1
    assert result.stdout == (f"0 entries added, 0 already stored, 2 skipped: {rows}:1: no tab: expected source<TAB>"
                             f"target; {rows}:2: no tab: expected source<TAB>target\n")
    assert result.stderr == (f"tmtool: error: {rows}: nothing imported: every entry was skipped (2 that cannot be "
                             f"used: {rows}:1: no tab: expected source<TAB>target …)\n")
    assert not db.exists()  # the store this import would have made is not left behind
    drafts = tmp_path / "drafts.tmx"  # every unit a draft: the error names the option that imports them
    drafts.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="SDL Language'
                      ' Platform" creationtoolversion="8.1" segtype="sentence" o-tmf="SDL TM8 Format" adminlang="en"'
                      ' datatype="xml"/><body><tu><prop type="x-ConfirmationLevel">Draft</prop>'
                      '<tuv xml:lang="fr-FR"><seg>Le convoi part.</seg></tuv>'
                      '<tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    result = run(db, "import", str(drafts))
    assert (result.exit_code, result.stderr) == (1, f"tmtool: error: {drafts}: nothing imported: every unit was "
                                                 "skipped (1 not confirmed: --include-unconfirmed imports it as a draft)\n")
    assert run(db, "import", str(drafts), "--include-unconfirmed").exit_code == 0
    again = run(db, "import", str(drafts), "--include-unconfirmed")  # all already stored: nothing to fail on
    assert (again.exit_code, again.stdout) == (0, "0 units added, 1 already stored, 0 untranslated skipped, "
                                                  "1 not confirmed included as drafts\n")
