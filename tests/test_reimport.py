"""A reviewed export comes back whole (corrected terms too), and `import --status` for files without one."""

import csv
from datetime import datetime, timezone

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import invoke as run
from tmtool import api, glossary
from tmtool.cli import main
from tmtool.model import Context, Entry, ReviewStatus, Term
from tmtool.store import open_store

SEEN = datetime(2026, 11, 30, 9, 14, 3, 512877, tzinfo=timezone.utc)  # as extraction dates what it finds
STORED = [
    Entry(terms=[Term("général de corps", "fr"), Term("lieutenant general", "en")], first_seen=SEEN,
          contexts=[Context("Le général de corps d'armée commande.", "The lieutenant general commands.", "doc1")]),
    Entry(terms=[Term("chef d'état-major de la défense", "fr"), Term("Chief", "en")],
          first_seen=SEEN.replace(microsecond=9041)),
    Entry(terms=[Term("Comité militaire", "fr"), Term("Military Committee", "en")], status=ReviewStatus.APPROVED,
          first_seen=SEEN.replace(microsecond=77)),
]


def terms(entry):
    return [(t.lang, t.text) for t in entry.terms]


def _corrected(path, suffix):
    """The export as the terminologist hands it back: two truncated spans completed, both approved, and
    the entry approved in the store meanwhile changed too (an older copy of it)."""
    fixes = {"général de corps": ("fr", "général de corps d'armée"), "Chief": ("en", "Chief of Defence"),
             "Military Committee": ("en", "MC")}
    if suffix == "tbx":
        text = path.read_text(encoding="utf-8")
        text = text.replace("<term>général de corps</term>", "<term>général de corps d'armée</term>")
        text = text.replace("<term>Chief</term>", "<term>Chief of Defence</term>")
        text = text.replace("<term>Military Committee</term>", "<term>MC</term>")
        path.write_text(text.replace("x-status: candidate", "x-status: approved"), encoding="utf-8")
        return
    if suffix == "po":  # in a PO editor: the French is the msgid, the English the msgstr, approved unflagged
        import polib

        po = polib.pofile(str(path))
        for message in po:
            message.msgid = fixes.get(message.msgid, ("", message.msgid))[1]
            message.msgstr = fixes.get(message.msgstr, ("", message.msgstr))[1]
            if "fuzzy" in message.flags:
                message.flags.remove("fuzzy")
        po.save(str(path))
        return
    if suffix == "xlsx":  # edited and saved by a spreadsheet: openpyxl rewrites the whole package
        workbook = openpyxl.load_workbook(path)
        rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    else:
        rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
    header = rows[0]
    for row in rows[1:]:
        for column in ("fr", "en"):
            if row[header.index(column)] in fixes:
                row[header.index(column)] = fixes[row[header.index(column)]][1]
        row[header.index("status")] = "Approuvé"
    if suffix == "xlsx":
        sheet = workbook.active
        for number, row in enumerate(rows, 1):
            for column, value in enumerate(row, 1):
                sheet.cell(number, column).value = value
        workbook.save(path)
    else:  # French Excel: semicolons, a BOM
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out, delimiter=";").writerows(rows)


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "tbx"])
def test_terms_corrected_in_a_reviewed_export_replace_those_of_the_entries_awaiting_review(store_url, tmp_path, suffix):
    # before: the corrected entries came back as new duplicates and the old ones stayed candidates
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, STORED, "extraction")
        ids = {e.terms[0].text: int(e.id) for e in store.list_entries()}
    review = tmp_path / f"review.{suffix}"
    assert run(store_url, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    _corrected(review, suffix)
    done = run(store_url, "import", str(review))
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("0 entries added, 3 already stored (2 of them reviewed from the file, 2 with corrected terms)"), done.stdout
    committee = ids["Comité militaire"]
    assert (f"entry {committee} was reviewed in the store (approved) and differs from the file: "
            "kept as the store has it") in done.stdout
    with open_store(store_url) as store:
        assert len(store.list_entries()) == 3
        general = glossary.entry(store, ids["général de corps"])
        assert terms(general) == [("fr", "général de corps d'armée"), ("en", "lieutenant general")]
        assert general.status is ReviewStatus.APPROVED and store.entry_state(int(general.id)).reviewed
        assert [c.fr for c in general.contexts] == ["Le général de corps d'armée commande."]  # evidence kept
        chief = glossary.entry(store, ids["chef d'état-major de la défense"])
        assert terms(chief) == [("fr", "chef d'état-major de la défense"), ("en", "Chief of Defence")]
        assert terms(glossary.entry(store, committee)) == [("fr", "Comité militaire"), ("en", "Military Committee")]
        [change] = {store.history(int(e.id))[-1].id for e in (general, chief)}
        assert store.history(int(general.id))[-1].action == f"import review.{suffix}"
    assert run(store_url, "glossary", "revert", str(change)).exit_code == 0
    with open_store(store_url) as store:
        general = glossary.entry(store, ids["général de corps"])
        assert terms(general) == [("fr", "général de corps"), ("en", "lieutenant general")]
        assert general.status is ReviewStatus.CANDIDATE


def test_a_term_added_or_removed_in_the_file_is_added_or_removed_other_languages_kept(store_url, tmp_path):
    entry = Entry(terms=[Term("chef d'état-major", "fr"), Term("Stabschef", "de"), Term("chief", "en"),
                         Term("COS", "en")], first_seen=SEEN)
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, [entry], "extraction")
        [stored] = store.list_entries()
    review = tmp_path / "review.tbx"
    assert run(store_url, "export", "tbx", "--status", "all", "-o", str(review)).exit_code == 0
    text = review.read_text(encoding="utf-8")
    # COS removed, CoS added beside chief of staff (the chief corrected)
    text = text.replace("<term>COS</term>", "<term>chief of staff</term>").replace("<term>chief</term>", "<term>CoS</term>")
    review.write_text(text, encoding="utf-8")
    assert run(store_url, "import", str(review)).exit_code == 0
    with open_store(store_url) as store:
        corrected = glossary.entry(store, int(stored.id))
        assert terms(corrected) == [
            ("fr", "chef d'état-major"), ("en", "CoS"), ("en", "chief of staff"), ("de", "Stabschef")]
        # left a candidate, but a person's terms: extraction's weighing of equivalents keeps off them
        assert corrected.status is ReviewStatus.CANDIDATE and store.entry_state(int(stored.id)).reviewed


def test_ids_from_elsewhere_never_take_over_an_entry(store_url, tmp_path):
    # a client's table numbers its rows as this store numbers its entries, and may share a term
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, STORED[:1], "extraction")
        [stored] = store.list_entries()
    client = tmp_path / "client.csv"
    client.write_text(f"ID;Français;Anglais;Statut\n{stored.id};général de corps;corps general;Approuvé\n",
                      encoding="utf-8-sig")  # Excel's "CSV UTF-8 (délimité par des points-virgules)"
    done = run(store_url, "import", str(client))
    assert done.stdout.startswith("1 entry added, 0 already stored"), done.output
    # another store's export: the same id, its own dates
    other = tmp_path / "other.db"
    with open_store(other, create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term("général de corps", "fr"), Term("corps general", "en")],
                                              first_seen=datetime.now(timezone.utc))], "extraction")
    assert run(other, "export", "csv", "--status", "all", "-o", str(tmp_path / "other.csv")).exit_code == 0
    run(store_url, "import", str(tmp_path / "other.csv"))
    with open_store(store_url) as store:
        kept = glossary.entry(store, int(stored.id))
        assert terms(kept) == [("fr", "général de corps"), ("en", "lieutenant general")]
        assert kept.status is ReviewStatus.CANDIDATE
    # this store's own export, corrected, does reach it
    own = tmp_path / "own.csv"
    assert run(store_url, "export", "csv", "--status", "all", "-o", str(own)).exit_code == 0
    own.write_text(own.read_text(encoding="utf-8").replace("lieutenant general", "lieutenant-general"), encoding="utf-8")
    assert run(store_url, "import", str(own)).stdout.startswith("0 entries added, 2 already stored (1 of them")
    with open_store(store_url) as store:
        assert terms(glossary.entry(store, int(stored.id))) == [("fr", "général de corps"), ("en", "lieutenant-general")]


def _client_files(tmp_path):
    """A client's termbase without a status, as three tools write it."""
    csv_file = tmp_path / "client.csv"  # French Excel: semicolons, Windows-1252
    csv_file.write_text("Français;Anglais;Statut\nchasseur de mines;minehunter;\nfrégate;frigate;Rejeté\n",
                        encoding="utf-8-sig")  # Excel's "CSV UTF-8 (délimité par des points-virgules)"
    xlsx_file = tmp_path / "client.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["French", "English"])
    workbook.active.append(["chasseur de mines", "minehunter"])
    workbook.save(xlsx_file)
    tbx_file = tmp_path / "client.tbx"
    tbx_file.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="fr"><martifHeader><fileDesc>'
        "<sourceDesc><p>client</p></sourceDesc></fileDesc></martifHeader><text><body>"
        '<termEntry id="c1"><langSet xml:lang="fr"><tig><term>chasseur de mines</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>minehunter</term></tig></langSet></termEntry>'
        "</body></text></martif>\n", encoding="utf-8")
    return {"csv": csv_file, "xlsx": xlsx_file, "tbx": tbx_file}


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "tbx"])
def test_import_status_is_that_of_entries_the_file_gives_none(store_url, tmp_path, suffix):
    path = _client_files(tmp_path)[suffix]
    done = run(store_url, "import", str(path), "--status", "approved")
    assert done.exit_code == 0, done.output
    with open_store(store_url) as store:
        statuses = {e.terms[0].text: e.status for e in store.list_entries()}
        assert statuses.pop("chasseur de mines") is ReviewStatus.APPROVED
        assert statuses == ({"frégate": ReviewStatus.REJECTED} if suffix == "csv" else {})  # the file's own kept
        [entry] = store.list_entries(text="chasseur de mines")
        assert store.entry_state(int(entry.id)).reviewed  # extraction keeps off an approved entry


def test_import_status_defaults_to_candidate_and_is_in_the_api_and_http(store_url, tmp_path):
    files = _client_files(tmp_path)
    assert run(store_url, "import", str(files["csv"])).exit_code == 0
    with open_store(store_url) as store:
        assert {e.terms[0].text: e.status for e in store.list_entries()} == {
            "chasseur de mines": ReviewStatus.CANDIDATE, "frégate": ReviewStatus.REJECTED}
        done = api.import_file(store, api.Upload("t.tbx", files["tbx"].read_bytes().replace(b"mines", b"surface")),
                               status="rejected")
        assert done["added"] == 1
        assert store.list_entries(text="chasseur de surface")[0].status is ReviewStatus.REJECTED
        with pytest.raises(api.Invalid, match="unknown status 'maybe'"):
            api.import_file(store, files["xlsx"], status="maybe")


def test_import_status_over_http(tmp_path):
    from workbench import client

    db = tmp_path / "s.db"
    open_store(db, create=True).close()
    http, headers = client(str(db))
    xlsx = _client_files(tmp_path)["xlsx"]
    sent = http.post("/api/import", files={"file": ("client.xlsx", xlsx.read_bytes())}, data={"status": "approved"},
                     headers=headers)
    assert sent.status_code == 200, sent.text
    with open_store(db) as store:
        assert store.list_entries()[0].status is ReviewStatus.APPROVED
    refused = http.post("/api/import", files={"file": ("c.xlsx", xlsx.read_bytes())}, data={"status": "maybe"},
                        headers=headers)
    assert refused.status_code == 400 and "status" in refused.json()["message"], refused.text


def test_a_bad_import_status_is_one_line(tmp_path):
    done = run(tmp_path / "s.db", "import", str(_client_files(tmp_path)["csv"]), "--status", "approve")
    assert done.exit_code == 2
    assert done.output.strip().count("\n") == 0 and "'approve' is not one of" in done.output


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".xlsx", ".po"])
def test_a_reviewed_entry_whose_terms_were_added_one_language_at_a_time_reads_back_unchanged(tmp_path, suffix):
    # a term added after the entry's English one (edit --add-fr, a merge) is stored after it; every file
    # lists an entry's terms language by language, and that order alone made its own export "differ
    # from the file", each such entry reported as a conflict on every round trip
    db = tmp_path / "s.db"
    assert run(db, "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    assert run(db, "glossary", "edit", "1", "--add-fr", "Comité militaire de l'OTAN").exit_code == 0
    exported = tmp_path / f"glossary{suffix}"
    assert run(db, "export", "--status", "all", "-o", str(exported)).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(exported)])
    assert result.exit_code == 0 and "differs from the file" not in result.output, result.output
    assert "0 entries added, 1 already stored" in result.output


def _candidate_with_two_equivalents(db):
    """A candidate as extraction leaves it: a stray equivalent first, the right one second, with evidence."""
    entry = Entry(terms=[Term("engin explosif d'exercice", "fr", gender="masculine"),
                         Term("forty practice explosive device", "en", forms=["forty practice explosive devices"]),
                         Term("practice explosive device", "en", forms=["practice explosive devices"],
                              contexts=[Context("Des engins explosifs d'exercice.", "Practice explosive devices.",
                                                "doc1")])],
                  first_seen=SEEN)
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [entry], "extraction")
        [stored] = store.list_entries()
    return int(stored.id)


def _edit_rows(path, edit):
    """The exported sheet or CSV with ``edit(header, rows)`` applied, saved as Excel would."""
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path)
        rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
        rows = edit(rows[0], rows[1:])
        workbook.remove(workbook.active)
        sheet = workbook.create_sheet("glossary")
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    else:
        rows = list(csv.reader(path.open(encoding="utf-8-sig", newline="")))
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(edit(rows[0], rows[1:]))


def _handed_back(tmp_path, suffix, edit):
    """The candidate exported as ``review.SUFFIX``, edited by ``edit(header, rows)``, imported back: the
    store, the entry's id and the import's result."""
    db = tmp_path / "s.db"
    entry_id = _candidate_with_two_equivalents(db)
    review = tmp_path / f"review.{suffix}"
    assert run(db, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    _edit_rows(review, edit)
    done = run(db, "import", str(review))
    assert done.exit_code == 0, done.output
    return db, entry_id, done


def _cell(column, text):
    """An edit of the first row's cell in ``column``."""
    def edit(header, rows):
        rows[0][header.index(column)] = text
        return [header, *rows]
    return edit


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_synonym_typed_under_the_exported_term_is_a_term_of_its_own(tmp_path, suffix):
    # before: "practice explosive device\nexplosive training device" came back as one term, its line
    # break a space ("practice explosive device explosive training device"), in this store's own layout
    db, entry_id, done = _handed_back(tmp_path, suffix,
                                      _cell("en", "forty practice explosive device\nexplosive training device"))
    assert "(1 of them reviewed from the file, 1 with corrected terms)" in done.stdout, done.output
    with open_store(db) as store:
        entry = glossary.entry(store, entry_id)
    assert terms(entry) == [("fr", "engin explosif d'exercice"), ("en", "forty practice explosive device"),
                            ("en", "explosive training device"), ("en", "practice explosive device")]
    assert entry.terms[1].forms == ["forty practice explosive devices"] and entry.terms[2].forms == []


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_an_equivalent_typed_over_the_stray_one_is_kept_once_with_its_evidence(tmp_path, suffix):
    # before: the entry came back with "practice explosive device" twice, the first with the stray
    # equivalent's forms
    db, entry_id, _ = _handed_back(tmp_path, suffix, _cell("en", "practice explosive device"))
    with open_store(db) as store:
        entry = glossary.entry(store, entry_id)
    assert terms(entry) == [("fr", "engin explosif d'exercice"), ("en", "practice explosive device")]
    assert entry.terms[1].forms == ["practice explosive devices"] and entry.terms[1].contexts


def test_a_term_marked_forbidden_in_the_sheet_comes_back_deprecated(tmp_path):
    # before: the Forbidden column was read, then the stored term kept over the file's
    db, entry_id, done = _handed_back(tmp_path, "xlsx",
                                      lambda header, rows: [[*header, "Forbidden"], *([*row, True] for row in rows)])
    assert "1 with corrected terms" in done.stdout
    with open_store(db) as store:
        assert {t.usage.value for t in glossary.entry(store, entry_id).terms} == {"deprecated"}


def test_a_candidates_term_marked_deprecated_in_a_terminology_tool_comes_back_deprecated(tmp_path):
    # a candidate's terms are shown admitted, the x-usage note keeping "preferred": that note
    # overrode what memoQ or MultiTerm set the administrativeStatus to
    db = tmp_path / "s.db"
    entry_id = _candidate_with_two_equivalents(db)
    review = tmp_path / "review.tbx"
    assert run(db, "export", "tbx", "--status", "all", "-o", str(review)).exit_code == 0
    text = review.read_text(encoding="utf-8")
    at = text.index("<term>forty practice explosive device</term>")
    at = text.index("admittedTerm-admn-sts", at)
    review.write_text(text[:at] + "deprecatedTerm-admn-sts" + text[at + len("admittedTerm-admn-sts"):],
                      encoding="utf-8")
    assert run(db, "import", str(review)).exit_code == 0
    with open_store(db) as store:
        usages = [(t.text, t.usage.value) for t in glossary.entry(store, entry_id).terms]
    assert usages == [("engin explosif d'exercice", "preferred"), ("forty practice explosive device", "deprecated"),
                      ("practice explosive device", "preferred")]


def test_columns_moved_in_the_sheet_correct_no_term(tmp_path):
    # before: English moved before French counted the entry among those "with corrected terms", and
    # stored its terms English first, when only the note had changed
    def note_and_move(header, rows):
        rows[0][header.index("note")] = "training munition"
        order = [header.index("en"), header.index("fr"),
                 *(i for i, name in enumerate(header) if name not in ("fr", "en"))]
        return [[row[i] for i in order] for row in [header, *rows]]

    db, entry_id, done = _handed_back(tmp_path, "csv", note_and_move)
    assert "(1 of them reviewed from the file)" in done.stdout, done.output
    with open_store(db) as store:
        entry = glossary.entry(store, entry_id)
    assert entry.note == "training munition"
    assert terms(entry) == [("fr", "engin explosif d'exercice"), ("en", "forty practice explosive device"),
                            ("en", "practice explosive device")]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_row_copied_in_the_sheet_and_changed_is_a_new_entry_not_a_second_reading_of_the_first(tmp_path, suffix):
    # before: the copy, carrying the row's id and dates, was read back onto the entry after the
    # first row: the entry took the copy's terms and note, the concept it was copied for was lost,
    # and the history kept the first row's result as the state "before" the import
    def copy_row(header, rows):
        copy = list(rows[0])
        copy[header.index("fr")], copy[header.index("en")] = "engin explosif inerte", "inert explosive device"
        copy[header.index("note")] = "a concept of its own"
        return [header, rows[0], copy]

    db, entry_id, done = _handed_back(tmp_path, suffix, copy_row)
    assert done.stdout.startswith("1 entry added, 1 already stored"), done.output
    with open_store(db) as store:
        kept = glossary.entry(store, entry_id)
        [copied] = [e for e in store.list_entries() if int(e.id) != entry_id]
    assert terms(kept) == [("fr", "engin explosif d'exercice"), ("en", "forty practice explosive device"),
                           ("en", "practice explosive device")] and kept.note is None
    assert terms(copied)[:2] == [("fr", "engin explosif inerte"), ("en", "inert explosive device")]
    assert copied.note == "a concept of its own"
    # a copy left as it was is the entry already stored
    review = tmp_path / f"review.{suffix}"
    assert run(db, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    _edit_rows(review, lambda header, rows: [header, *rows, rows[0]])
    assert run(db, "import", str(review)).stdout.startswith("0 entries added, 3 already stored")


GRAMMAR = [  # as extraction leaves them: a part of speech and a gender the tagger got wrong
    Entry(terms=[Term("transfrontalier", "fr", pos="noun", gender="masculine"), Term("cross-border", "en")],
          first_seen=SEEN),
    Entry(terms=[Term("menace hybride", "fr", gender="masculine"), Term("hybrid threat", "en")],
          first_seen=SEEN.replace(microsecond=12)),
]


def _grammar_handed_back(tmp_path, suffix, edit):
    """GRAMMAR's candidates exported as ``review.SUFFIX``, the file edited by ``edit(path)``, imported back:
    the store, the entries' ids by French term and the import's output."""
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term(t.text, t.lang, t.pos, t.gender) for t in e.terms],
                                              first_seen=e.first_seen) for e in GRAMMAR], "extraction")
        ids = {e.terms[0].text: int(e.id) for e in store.list_entries()}
    review = tmp_path / f"review.{suffix}"
    assert run(db, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    edit(review)
    done = run(db, "import", str(review))
    assert done.exit_code == 0, done.output
    return db, ids, done


def _grammar(store, entry_id):
    return [(t.text, t.pos, t.gender) for t in glossary.entry(store, entry_id).terms]


def _pos_and_gender_typed(header, rows):
    """What a French terminologist types in the sheet: the adjective's part of speech, the threat's gender."""
    for row in rows:
        if row[header.index("fr")] == "transfrontalier":
            row[header.index("pos")] = "Adjectif"
        if row[header.index("fr")] == "menace hybride":
            row[header.index("gender")] = "f"
    return [header, *rows]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_part_of_speech_and_gender_corrected_in_the_sheet_are_kept(tmp_path, suffix):
    # before: the pos and gender cells were read, then the stored term's kept over them: the import said
    # nothing changed and the terminologist's corrections were lost
    db, ids, done = _grammar_handed_back(tmp_path, suffix, lambda path: _edit_rows(path, _pos_and_gender_typed))
    assert "(2 of them reviewed from the file, 2 with corrected terms)" in done.stdout, done.output
    with open_store(db) as store:
        assert _grammar(store, ids["transfrontalier"]) == [
            ("transfrontalier", "adjective", "masculine"), ("cross-border", "noun", None)]
        assert _grammar(store, ids["menace hybride"]) == [
            ("menace hybride", "noun", "feminine"), ("hybrid threat", "noun", None)]
        change = store.history(ids["menace hybride"])[-1].id
    assert run(db, "glossary", "revert", str(change)).exit_code == 0  # one change, undone as any other
    with open_store(db) as store:
        assert _grammar(store, ids["menace hybride"])[0] == ("menace hybride", "noun", "masculine")


def test_part_of_speech_and_gender_corrected_in_a_tbx_are_kept(tmp_path):
    def edit(path):
        text = path.read_text(encoding="utf-8")
        at = text.index("<term>transfrontalier</term>")
        text = text[:at] + text[at:].replace('type="partOfSpeech">noun<', 'type="partOfSpeech">adjective<', 1)
        at = text.index("<term>menace hybride</term>")
        text = text[:at] + text[at:].replace(">masculine<", ">feminine<", 1)
        path.write_text(text, encoding="utf-8")

    db, ids, done = _grammar_handed_back(tmp_path, "tbx", edit)
    assert "2 with corrected terms" in done.stdout, done.output
    with open_store(db) as store:
        assert _grammar(store, ids["transfrontalier"])[0] == ("transfrontalier", "adjective", "masculine")
        assert _grammar(store, ids["menace hybride"])[0] == ("menace hybride", "noun", "feminine")


def test_a_sheet_whose_columns_were_moved_gives_pos_and_gender_to_the_term_they_describe(tmp_path):
    # the pos and gender cells are the French term's: with English moved first, they went to the English term
    # (a masculine "hybrid threat") and the French one lost its gender, read back now as a correction
    def moved(path):
        def edit(header, rows):
            order = [header.index("en"), header.index("fr"), *(i for i, name in enumerate(header)
                                                              if name not in ("fr", "en"))]
            return [[row[i] for i in order] for row in [header, *rows]]
        _edit_rows(path, edit)

    db, ids, done = _grammar_handed_back(tmp_path, "csv", moved)
    assert done.stdout.startswith("0 entries added, 2 already stored (entries"), done.output
    with open_store(db) as store:
        assert _grammar(store, ids["menace hybride"]) == [
            ("menace hybride", "noun", "masculine"), ("hybrid threat", "noun", None)]
    # imported into another store, the same
    other = tmp_path / "other.db"
    assert run(other, "import", str(tmp_path / "review.csv")).exit_code == 0
    with open_store(other) as store:
        [threat] = store.list_entries(text="menace hybride")
        assert {t.text: t.gender for t in threat.terms} == {"menace hybride": "masculine", "hybrid threat": None}


def test_a_part_of_speech_beyond_tbx_basic_changed_in_the_tbx_is_kept(tmp_path):
    # a proper noun is shown as "other" with the exact value in an x-pos note: the note overrode what a
    # person chose in the termNote since
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [Entry(terms=[Term("Alliance", "fr", pos="properNoun", gender="feminine"),
                                                     Term("Alliance", "en", pos="properNoun")], first_seen=SEEN)],
                                "extraction")
        [entry] = store.list_entries()
    review = tmp_path / "review.tbx"
    assert run(db, "export", "tbx", "--status", "all", "-o", str(review)).exit_code == 0
    text = review.read_text(encoding="utf-8")
    assert text.count('type="partOfSpeech">other<') == 2 and text.count("x-pos: properNoun") == 2
    review.write_text(text.replace('type="partOfSpeech">other<', 'type="partOfSpeech">noun<', 1), encoding="utf-8")
    assert "1 with corrected terms" in run(db, "import", str(review)).stdout
    with open_store(db) as store:
        assert _grammar(store, int(entry.id)) == [("Alliance", "noun", "feminine"), ("Alliance", "properNoun", None)]


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_a_review_of_an_entry_merged_away_since_the_export_is_said_not_lost_without_a_word(store_url, tmp_path, suffix):
    """Two terminologists: one reviews the exported file offline while the other merges one of its entries into
    another in the store. The file's row still names the entry merged away; its terms are the merged entry's now,
    so the import counted it as already stored and said nothing: the approval and the corrected term were lost
    without a word. The import now says whose review was not applied and where the entry went."""
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, STORED[:2], "extraction")
        ids = {e.terms[0].text: int(e.id) for e in store.list_entries()}
    review = tmp_path / f"review.{suffix}"
    assert run(store_url, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    merged, into = ids["général de corps"], ids["chef d'état-major de la défense"]
    merging = run(store_url, "--user", "ben", "glossary", "merge", merged, into)
    assert merging.exit_code == 0
    change = merging.stdout.split("(change ")[1].rstrip(")\n")
    _corrected(review, suffix)
    with open_store(store_url) as store:
        before = [(e.id, terms(e), e.status) for e in store.list_entries()]
    done = run(store_url, "import", str(review))
    assert done.exit_code == 0, done.output
    assert (f"entry {merged}'s review in the file is not applied: it was merged into entry {into} (change {change}, "
            "by ben) since the export") in done.stdout
    with open_store(store_url) as store:
        assert len(store.list_entries()) == 1
        assert [(e.id, terms(e), e.status) for e in store.list_entries() if int(e.id) != into] == \
            [entry for entry in before if int(entry[0]) != into]


@pytest.mark.parametrize("suffix", ["po", "tbx", "csv", "xlsx"])  # a TSV export carries no id: no review
def test_a_review_not_applied_is_counted_once_as_a_conflict_and_the_totals_add_up(tmp_path, suffix):
    """A review file's entry merged away since the export, and the entry it went into (reviewed in the store by
    the merge): neither review is applied. Each was counted twice, as already stored and as skipped ("0 entries
    added, 2 already stored, 2 skipped" for a file of 2 entries), on the command line, in the API's JSON and over
    HTTP. Each is now one of those already stored, listed as a conflict with why, and the counts add up to the
    entries read."""
    from workbench import client

    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, STORED[:2], "extraction")
        ids = {e.terms[0].text: int(e.id) for e in store.list_entries()}
    review = tmp_path / f"review.{suffix}"
    assert run(db, "export", suffix, "--status", "all", "-o", str(review)).exit_code == 0
    merged, into = ids["général de corps"], ids["chef d'état-major de la défense"]
    assert run(db, "glossary", "merge", merged, into).exit_code == 0
    _corrected(review, suffix)

    done = run(db, "import", str(review))
    assert done.exit_code == 0, done.output  # nothing wrong with the file: the store's reviewers decided
    assert done.stdout.startswith("0 entries added, 2 already stored (entries in en 2, fr 2), 2 conflicts: "), done.stdout
    assert "skipped" not in done.stdout
    assert f"entry {merged}'s review in the file is not applied" in done.stdout
    assert f"entry {into} was reviewed in the store" in done.stdout
    with open_store(db) as store:
        result = api.import_file(store, str(review))
    http, headers = client(str(db))
    sent = http.post("/api/import", files={"file": (review.name, review.read_bytes())}, headers=headers)
    assert sent.status_code == 200, sent.text
    for said in (result, sent.json()):
        assert (said["added"], said["already_stored"], said["reviewed"], len(said["conflicts"]), len(said["skipped"])) \
            == (0, 2, 0, 2, 0)


def test_an_entry_the_file_says_as_the_store_does_is_already_stored_not_a_conflict(tmp_path):
    """The entry reviewed in the store that the file holds unchanged is already stored, and nothing is skipped."""
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, STORED, "extraction")
    review = tmp_path / "review.csv"
    assert run(db, "export", "csv", "--status", "all", "-o", str(review)).exit_code == 0
    done = run(db, "import", str(review))
    assert done.stdout == "0 entries added, 3 already stored (entries in en 3, fr 3)\n", done.stdout


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "tbx", "po"])
def test_a_row_handed_back_as_exported_is_no_conflict_with_a_review_made_in_the_store_since(store_url, tmp_path, suffix):
    """Monday the terminologist exports the whole glossary for a translator; Tuesday a reviewer approves one candidate
    and notes another in the store; Wednesday the file comes back with those rows as they were exported. The import
    said each 'was reviewed in the store … and differs from the file', counted among the skipped: a conflict for
    every decision taken since the export, though the file decided nothing about those entries. A row as the entry
    was before a recorded change is that older copy, no review; a row the file did change still is a conflict."""
    with open_store(store_url, create=True) as store:
        glossary.import_entries(store, STORED, "extraction")
        ids = {e.terms[0].text: int(e.id) for e in store.list_entries()}
    review = tmp_path / f"review.{suffix}"
    run(store_url, "export", suffix, "--status", "all", "-o", review)
    general, chief = ids["général de corps"], ids["chef d'état-major de la défense"]
    run(store_url, "--user", "ben", "glossary", "approve", general)
    run(store_url, "--user", "ben", "glossary", "edit", chief, "--note", "vu en réunion", "--status", "candidate")
    if suffix == "xlsx":  # opened and saved again in a spreadsheet
        workbook = openpyxl.load_workbook(review)
        workbook.save(review)
    done = run(store_url, "import", review)
    assert done.stdout.startswith("0 entries added, 3 already stored (entries in "), done.stdout
    assert "skipped" not in done.stdout and "differs" not in done.stdout, done.stdout
    with open_store(store_url) as store:
        assert glossary.entry(store, general).status is ReviewStatus.APPROVED
        assert glossary.entry(store, chief).note == "vu en réunion"
    if suffix != "csv":
        return
    rows = list(csv.reader(review.open(encoding="utf-8-sig", newline="")))
    for row in rows[1:]:
        if row[0] == "général de corps":
            row[0] = "général de corps d'armée"  # the file's own correction of an entry approved since
    with review.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(rows)
    done = run(store_url, "import", review)
    # one of the three already stored, kept as the store has it: no fourth entry 'skipped' beside them
    assert done.stdout.startswith("0 entries added, 3 already stored (entries in en 3, fr 3), 1 conflict: "), done.stdout
    assert f"entry {general} was reviewed in the store (approved) and differs from the file" in done.stdout
    assert "skipped" not in done.stdout
    with open_store(store_url) as store:
        result = api.import_file(store, str(review))
    assert (result["already_stored"], result["skipped"], len(result["conflicts"])) == (3, [], 1)


def _client_termbase(definition: str, frigate_status: str = "preferredTerm-admn-sts") -> str:
    """A client's TBX (TBX-Basic v3, ids of its own that are no numbers), as its terminology tool exports it."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc>'
        '</tbxHeader><text><body><conceptEntry id="c1">'
        f'<descrip type="definition">{definition}</descrip>'
        '<langSec xml:lang="fr"><termSec><term>frégate</term></termSec></langSec><langSec xml:lang="en"><termSec>'
        f'<term>frigate</term><termNote type="administrativeStatus">{frigate_status}</termNote></termSec></langSec>'
        '</conceptEntry></body></text></tbx>\n')


def test_a_client_termbase_imported_again_once_updated_brings_its_new_definition_and_forbidden_terms(store_url, tmp_path):
    """The client sends its termbase again with a definition rewritten and a term now forbidden. Its entries hold
    the terms of stored ones, not this store's ids (c1): the import counted them already stored and dropped both
    changes without a word, so translators went on using the forbidden term. An entry awaiting review takes them,
    one recorded change that glossary revert undoes; one a person reviewed keeps its own, listed as a conflict."""
    db, termbase = store_url, tmp_path / "client.tbx"
    termbase.write_text(_client_termbase("A warship."), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    termbase.write_text(_client_termbase("A warship escorting convoys.", "deprecatedTerm-admn-sts"), encoding="utf-8")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert entry.definition == "A warship escorting convoys."
        assert [(t.text, t.usage.value) for t in entry.terms] == [("frégate", "preferred"), ("frigate", "deprecated")]
    assert run(db, "import", str(termbase)).stdout == done.stdout  # the same file again changes nothing
    with open_store(db) as store:
        assert len(store.history()) == 2
    assert run(db, "glossary", "approve", entry.id).exit_code == 0  # a person's review is kept
    termbase.write_text(_client_termbase("A ship."), encoding="utf-8")
    done = run(db, "import", str(termbase))
    assert done.stdout == ("0 entries added, 1 already stored (entries in en 1, fr 1), 1 conflict: "
                           f"{termbase}: entry {entry.id} was reviewed in the store (approved) and differs from the "
                           "file: kept as the store has it\n"), done.output
    with open_store(db) as store:
        assert store.list_entries(statuses=None)[0].definition == "A warship escorting convoys."


# memoQ's term base CSV export ("Term base in CSV format", WS API): each term of a language in a column of its own,
# followed by its Term_Info, Term_Example and Term_Note
_MEMOQ_HEADER = ("Entry_ID,Entry_Subject,Entry_Domain,Entry_Note,French_France_Def,French_France,Term_Info,Term_Example,"
                 "Term_Note,English_United_Kingdom_Def,English_United_Kingdom,Term_Info,Term_Example,Term_Note")
_MEMOQ_SYNONYM = ",English_United_Kingdom,Term_Info,Term_Example,Term_Note"


def _memoq_termbase(path, note="", example="", term_note="", synonyms=()):
    """A client's memoQ term base as memoQ exports it, one entry (its Entry_ID 0) and, updated, English synonyms."""
    header, row = _MEMOQ_HEADER, f"0,,Marine,{note},Bâtiment de guerre.,frégate,,{example},,,frigate,,,{term_note}"
    for synonym in synonyms:
        header, row = header + _MEMOQ_SYNONYM, row + f",{synonym},,,"
    path.write_text(f"{header}\r\n{row}\r\n", encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_a_synonym_the_client_adds_to_its_termbase_joins_the_stored_entry(store_url, tmp_path, suffix):
    """The client's termbase, imported once, comes back updated with an English synonym for an entry. Its entries
    hold no id of this store's (memoQ's Entry_ID is a line of the note, a TBX's c1 no number): the entry, no longer
    one whose terms the store holds all, was added again, frigate a second entry beside the first. The synonym
    joins the stored entry, in the import's recorded change; one a person reviewed here keeps its terms, listed as
    a conflict, and is not added again either."""
    db, termbase = store_url, tmp_path / f"client.{suffix}"

    def write(*synonyms):
        if suffix == "csv":
            _memoq_termbase(termbase, synonyms=synonyms)
            return
        added = "".join(f"<termSec><term>{synonym}</term></termSec>" for synonym in synonyms)
        termbase.write_text(_client_termbase("A warship.").replace(
            "</termSec></langSec></conceptEntry>", f"</termSec>{added}</langSec></conceptEntry>"), encoding="utf-8")

    write()
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    write("escort frigate")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert terms(entry) == [("fr", "frégate"), ("en", "frigate"), ("en", "escort frigate")]
        assert [change.action for change in store.history()] == [f"import client.{suffix}"] * 2
    assert run(db, "import", str(termbase)).stdout == done.stdout  # the same file again changes nothing
    with open_store(db) as store:
        assert len(store.history()) == 2
    assert run(db, "glossary", "approve", entry.id).exit_code == 0
    write("escort frigate", "convoy escort")
    done = run(db, "import", str(termbase))
    assert done.stdout == ("0 entries added, 1 already stored (entries in en 1, fr 1), 1 conflict: "
                           f"{termbase}: entry {entry.id} was reviewed in the store (approved) and differs from the "
                           "file: kept as the store has it\n"), done.output
    with open_store(db) as store:
        assert [terms(e) for e in store.list_entries(statuses=None)] == [terms(entry)]


def _homonyms_termbase(*synonyms: str) -> str:
    """A client's TBX (TBX 2008, as MultiTerm and memoQ export it) of two concepts written alike in English and French,
    the second with more terms (IATE's entries are so): furniture's table, and a data table, with ``synonyms``."""
    added = "".join(f"<tig><term>{synonym}</term></tig>" for synonym in synonyms)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
            '<termEntry id="c1"><descrip type="subjectField">furniture</descrip>'
            '<langSet xml:lang="en"><tig><term>table</term></tig></langSet>'
            '<langSet xml:lang="fr"><tig><term>table</term></tig></langSet></termEntry>'
            '<termEntry id="c2"><descrip type="subjectField">data</descrip>'
            f'<langSet xml:lang="en"><tig><term>table</term></tig>{added}</langSet>'
            '<langSet xml:lang="fr"><tig><term>table</term></tig><tig><term>tableau</term></tig></langSet>'
            '<langSet xml:lang="de"><tig><term>Tabelle</term></tig></langSet></termEntry></body></text></martif>\n')


def test_a_termbase_s_two_homonym_entries_stay_two_when_one_holds_the_other_s_terms(store_url, tmp_path):
    """A termbase's entry holding every term of another entry of the same file and more (a homonym: the data table
    beside the furniture's) was taken for that entry's update: the termbase's two concepts became one, the furniture
    entry given tableau, Tabelle and the data table's subject field. Each is an entry of its own; the termbase
    imported again with a synonym added to the data table gives it to that entry alone."""
    db, termbase = store_url, tmp_path / "client.tbx"
    termbase.write_text(_homonyms_termbase(), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("2 entries added")
    termbase.write_text(_homonyms_termbase("data table"), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("0 entries added, 2 already stored")
    with open_store(db) as store:
        assert [(terms(e), e.note) for e in sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))] == [
            ([("en", "table"), ("fr", "table")], "subjectField: furniture"),
            ([("en", "table"), ("en", "data table"), ("fr", "table"), ("fr", "tableau"), ("de", "Tabelle")],
             "subjectField: data")]


@pytest.mark.parametrize("english", [
    ('<langSet xml:lang="en-GB"><tig><term>program</term></tig></langSet>'  # written alike in both regions
     '<langSet xml:lang="en-US"><tig><term>program</term></tig></langSet>'),
    ('<langSet xml:lang="en"><tig><term>colour</term></tig></langSet>'  # memoQ's English and English (UK)
     '<langSet xml:lang="en-GB"><tig><term>colour</term></tig></langSet>')])
def test_a_term_written_alike_in_two_regions_survives_its_own_tbx_export_read_back(store_url, tmp_path, english):
    """A memoQ termbase's entry holds one text in two sublanguages (program in en-GB and en-US), kept as a term of
    each. The store's own TBX export, handed back untouched, was read as a review correcting the entry's terms: one
    of the two dropped, the entry marked reviewed (extraction keeps off it) and counted reviewed from the file."""
    db, termbase, out = store_url, tmp_path / "memoq.tbx", tmp_path / "out.tbx"
    termbase.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
                        '<termEntry id="1"><langSet xml:lang="fr"><tig><term>programme</term></tig></langSet>'
                        f'{english}</termEntry></body></text></martif>\n', encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    run(db, "export", "tbx", "-o", str(out), "--langs", "all", "--status", "all", code=0)
    assert run(db, "import", str(out)).stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n"
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert len(entry.terms) == 3 and len(store.history()) == 1
        assert not store.entry_state(int(entry.id)).reviewed


def test_a_term_keeps_its_region_when_an_export_asked_for_another_comes_back_corrected(store_url, tmp_path):
    """An en-GB term exported for en-US (its section en-US, the entry's one English region) and handed back with the
    French corrected keeps en-GB: the export's section is the region asked for, not the term's."""
    db, termbase, out = store_url, tmp_path / "client.tbx", tmp_path / "fr-en-US.tbx"
    termbase.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
                        '<termEntry id="c1"><langSet xml:lang="fr"><tig><term>fregate</term></tig></langSet>'
                        '<langSet xml:lang="en-GB"><tig><term>frigate</term></tig></langSet></termEntry>'
                        '</body></text></martif>\n', encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    run(db, "export", "tbx", "-o", str(out), "--srclang", "fr", "--tgtlang", "en-US", "--status", "all", code=0)
    assert 'xml:lang="en-US"' in out.read_text(encoding="utf-8")
    out.write_text(out.read_text(encoding="utf-8").replace(">fregate<", ">frégate<"), encoding="utf-8")
    assert "1 with corrected terms" in run(db, "import", str(out)).stdout
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert [(t.text, t.locale) for t in entry.terms] == [("frégate", None), ("frigate", "en-GB")]


def test_a_client_termbase_updated_brings_its_changed_notes_and_examples(store_url, tmp_path):
    """The client's memoQ term base comes back with the entry's note, an English term's note and a French example
    changed: only a changed definition and forbidden terms came in, the notes and example dropped without a word
    while the entry awaited review. They come in (the example a context beside the one held); an OmegaT glossary's
    comment, definition and note in one, changes no note."""
    db, termbase = store_url, tmp_path / "termbase.csv"
    _memoq_termbase(termbase, note="Terme du client", example="La frégate appareille.", term_note="ship")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    _memoq_termbase(termbase, note="Vérifié avec le client", example="La frégate escorte le convoi.",
                    term_note="not the bird")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        [entry] = store.entries([1]).values()
        assert entry.note == "Vérifié avec le client\nDomain: Marine\nID: 0"
        assert [t.note for t in entry.terms] == [None, "not the bird"]
        assert [c.fr for c in entry.contexts] == ["La frégate appareille.", "La frégate escorte le convoi."]
    assert run(db, "import", str(termbase)).stdout == done.stdout
    omegat = tmp_path / "glossary.txt"
    omegat.write_text("frégate\tfrigate\tBâtiment de guerre. — Vérifié avec le client\n", encoding="utf-8")
    assert run(db, "import", str(omegat)).stdout.startswith("0 entries added, 1 already stored")
    with open_store(db) as store:
        assert (store.entries([1])[1].note, store.entries([1])[1].definition) == (entry.note, "Bâtiment de guerre.")


def test_a_termbase_update_a_person_reverted_is_not_brought_back_by_the_next_import(store_url, tmp_path):
    """The client's memoQ term base comes back with a note changed; a person here reverts that import's change (the
    entry still awaits review). Importing the same file again brought the update back without a word, the person's
    decision undone. The entry keeps its reverted state; a further update of the termbase is a conflict."""
    db, termbase = store_url, tmp_path / "termbase.csv"
    _memoq_termbase(termbase, note="Terme du client", term_note="ship")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    _memoq_termbase(termbase, note="Vérifié avec le client", term_note="not the bird")
    assert run(db, "import", str(termbase)).stdout.startswith("0 entries added, 1 already stored")
    assert run(db, "glossary", "revert", "2").exit_code == 0
    assert run(db, "import", str(termbase)).stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n"
    with open_store(db) as store:
        entry = store.entries([1])[1]
        assert (entry.status, entry.note, [t.note for t in entry.terms]) == (
            ReviewStatus.CANDIDATE, "Terme du client\nDomain: Marine\nID: 0", [None, "ship"])
    _memoq_termbase(termbase, note="Vérifié deux fois", term_note="not the bird")
    done = run(db, "import", str(termbase))
    assert done.stdout == ("0 entries added, 1 already stored (entries in en 1, fr 1), 1 conflict: "
                           f"{termbase}: entry 1 was reverted in the store (candidate) and differs from the file: "
                           "kept as the store has it\n"), done.output
    with open_store(db) as store:
        assert store.entries([1])[1].note == entry.note


def test_an_entry_imported_approved_takes_its_termbase_update_until_a_person_here_decides(store_url, tmp_path):
    """A client's approved termbase (a Status column saying Approved) imported, then updated by the client: its
    entries were counted as reviewed here, and every update was a conflict, kept as first imported. The client's
    termbase is the authority for what came from it and no one here reviewed since: its update comes in; once a
    person edits the entry here, the next update is a conflict, the person's decision kept."""
    db, termbase = store_url, tmp_path / "client.csv"

    def write(definition, status="Approved"):  # a client's table as Excel saves it in French: semicolons
        termbase.write_text(f"Français;Anglais;Définition;Statut\r\nfrégate;frigate;{definition};{status}\r\n",
                            encoding="cp1252")

    write("Bâtiment de guerre.")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    write("Bâtiment de guerre escortant les convois.")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    write("Bâtiment de guerre escortant les convois.", status="Rejected")  # the client withdraws it
    assert run(db, "import", str(termbase)).stdout == ("0 entries added, 1 already stored (1 of them reviewed from the "
                                                       "file) (entries in en 1, fr 1)\n")
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert (entry.status, entry.definition) == (ReviewStatus.REJECTED, "Bâtiment de guerre escortant les convois.")
    assert run(db, "glossary", "edit", entry.id, "--definition", "Navire de combat.").exit_code == 0
    write("Navire.", status="Approved")
    done = run(db, "import", str(termbase))
    assert done.stdout == ("0 entries added, 1 already stored (entries in en 1, fr 1), 1 conflict: "
                           f"{termbase}: entry {entry.id} was reviewed in the store (rejected) and differs from the "
                           "file: kept as the store has it\n"), done.output
    with open_store(db) as store:
        [entry] = store.list_entries(statuses=None)
        assert (entry.status, entry.definition) == (ReviewStatus.REJECTED, "Navire de combat.")


@pytest.mark.parametrize("suffix", ["csv", "tbx"])
def test_a_person_approving_an_entry_imported_approved_keeps_it_from_the_termbase_s_next_update(store_url, tmp_path,
                                                                                                 suffix):
    """A client's approved termbase imported (a Status column, TBX-Basic's approved entries: every term preferred);
    a person here approves an entry without changing it. The approval changed nothing, so it was not recorded: the
    entry still looked decided by the termbase alone and its next update overwrote it without a word, the person's
    decision lost. The approval is recorded (who, when) and the update is a conflict, the entry kept."""
    db, termbase = store_url, tmp_path / f"client.{suffix}"

    def write(definition):
        if suffix == "csv":  # as Excel saves a French table: semicolons, Windows-1252
            termbase.write_text(f"Français;Anglais;Définition;Statut\r\nfrégate;frigate;{definition};Approved\r\n",
                                encoding="cp1252")
        else:
            termbase.write_text(_client_termbase(definition), encoding="utf-8")

    write("Bâtiment de guerre.")
    status = ["--status", "approved"] if suffix == "tbx" else []  # a TBX says no status: the import gives it
    assert run(db, "import", str(termbase), *status).stdout.startswith("1 entry added")
    assert run(db, "--user", "ana", "glossary", "approve", "1").stdout == "1 entry approved (change 2)\n"
    write("Navire.")
    done = run(db, "import", str(termbase), *status)
    assert done.stdout == ("0 entries added, 1 already stored (entries in en 1, fr 1), 1 conflict: "
                           f"{termbase}: entry 1 was reviewed in the store (approved) and differs from the "
                           "file: kept as the store has it\n"), done.output
    with open_store(db) as store:
        assert store.entries([1])[1].definition == "Bâtiment de guerre."
        assert [(c.action, c.user) for c in store.history()][1:] == [("approved", "ana")]
    assert run(db, "glossary", "approve", "1").stdout == "1 entry approved already: nothing changed\n"


def _termbase_of(kind: str, english: tuple[str, ...], modified: str = "2026-03-02T09:00:00") -> str:
    """A client's termbase of one concept (frégate: ``english``) as each tool exports it: TBX-Basic v3's conceptEntry
    (id c1), TBX 2008's termEntry (MultiTerm's, memoQ's; id c1), MultiTerm XML's conceptGrp (concept 1, its
    transactions dated), memoQ's term base CSV (Entry_ID 0, each English term a column of its own)."""
    if kind == "memoq-csv":
        return "".join(line + "\r\n" for line in (
            _MEMOQ_HEADER + _MEMOQ_SYNONYM * (len(english) - 1),
            "0,,Marine,,Bâtiment de guerre.,frégate,,,,," + ",,,,".join(english) + ",,,"))
    if kind == "multiterm":
        terms = "".join(f"<termGrp><term>{t}</term></termGrp>" for t in english)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<mtf><conceptGrp><concept>1</concept>'
                '<transacGrp><transac type="origination">client</transac><date>2026-01-05T10:00:00</date></transacGrp>'
                f'<transacGrp><transac type="modification">client</transac><date>{modified}</date></transacGrp>'
                '<languageGrp><language type="French" lang="FR"/><termGrp><term>frégate</term></termGrp></languageGrp>'
                f'<languageGrp><language type="English" lang="EN"/>{terms}</languageGrp></conceptGrp></mtf>\n')
    if kind == "tbx-v3":
        terms = "".join(f"<termSec><term>{t}</term></termSec>" for t in english)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
                'xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>client</p></sourceDesc>'
                '</fileDesc></tbxHeader><text><body><conceptEntry id="c1">'
                '<langSec xml:lang="fr"><termSec><term>frégate</term></termSec></langSec>'
                f'<langSec xml:lang="en">{terms}</langSec></conceptEntry></body></text></tbx>\n')
    terms = "".join(f"<tig><term>{t}</term></tig>" for t in english)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1">'
            '<langSet xml:lang="fr"><tig><term>frégate</term></tig></langSet>'
            f'<langSet xml:lang="en">{terms}</langSet></termEntry></body></text></martif>\n')


@pytest.mark.parametrize("kind", ["tbx-v3", "tbx-2008", "multiterm", "memoq-csv"])
def test_a_synonym_the_client_renames_or_removes_updates_the_stored_entry(store_url, tmp_path, kind):
    """The client's termbase comes back with an English synonym renamed (escort frigate → escort vessel), then removed.
    The store's entry no longer held only terms of the file's, so the updated entry was added again, a second frigate
    entry beside the first (its id, c1 or the MultiTerm concept 1 another entry's here, no id of the store's). The
    file's entry of the same id holding one of its terms still is its update: the synonym renamed, then removed, in
    the stored entry, as the file gives it; once a person decides on the entry, the next update is a conflict."""
    db, termbase = store_url, tmp_path / {"multiterm": "client.xml", "memoq-csv": "client.csv"}.get(kind, "client.tbx")
    run(db, "glossary", "add", "Comité militaire", "Military Committee")  # the store's own entry 1
    termbase.write_text(_termbase_of(kind, ("frigate", "escort frigate"), "2026-01-05T10:00:00"), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout.startswith("1 entry added")
    termbase.write_text(_termbase_of(kind, ("frigate", "escort vessel")), encoding="utf-8")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        assert [terms(e) for e in store.entries([2]).values()] == [
            [("fr", "frégate"), ("en", "frigate"), ("en", "escort vessel")]]
        assert len(store.list_entries(statuses=None)) == 2
    termbase.write_text(_termbase_of(kind, ("frigate",)), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout == done.stdout
    with open_store(db) as store:
        assert [terms(e) for e in store.list_entries(statuses=None) if e.id == "2"] == [[("fr", "frégate"), ("en", "frigate")]]
    assert run(db, "import", str(termbase)).stdout == done.stdout  # the same file again changes nothing
    assert run(db, "glossary", "edit", "2", "--add-en", "warship").exit_code == 0
    termbase.write_text(_termbase_of(kind, ("frigate", "escort ship")), encoding="utf-8")
    assert "1 conflict" in run(db, "import", str(termbase)).stdout
    with open_store(db) as store:
        assert [terms(e) for e in store.list_entries(statuses=None) if e.id == "2"] == [
            [("fr", "frégate"), ("en", "frigate"), ("en", "warship")]]
        assert len(store.list_entries(statuses=None)) == 2


def test_homonyms_from_two_termbases_stay_two_entries(store_url, tmp_path):
    """Two clients' termbases each hold table = table: furniture in one (subjectField furniture), a data table in the
    other (subjectField data, with tableau and Tabelle). Imported one after the other, the second's entry was taken
    for the first's (the same terms, or its terms and more): one entry given the other concept's terms and
    definition. Where the files say the concepts differ, by their subject field or definition, they stay two, as
    within one file; the first termbase's own update still updates its entry."""
    db, furniture, data = store_url, tmp_path / "furniture.tbx", tmp_path / "it.tbx"

    def termbase(subject, definition, *more):
        extra = "".join(f'<langSet xml:lang="{lang}"><tig><term>{text}</term></tig></langSet>' for lang, text in more)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
                f'<termEntry id="c1"><descrip type="subjectField">{subject}</descrip>'
                f'<descrip type="definition">{definition}</descrip>'
                '<langSet xml:lang="en"><tig><term>table</term></tig></langSet>'
                f'<langSet xml:lang="fr"><tig><term>table</term></tig></langSet>{extra}</termEntry>'
                '</body></text></martif>\n')

    furniture.write_text(termbase("furniture", "A piece of furniture with a flat top."), encoding="utf-8")
    assert run(db, "import", str(furniture)).stdout.startswith("1 entry added")
    data.write_text(termbase("data", "Data arranged in rows and columns."), encoding="utf-8")
    assert run(db, "import", str(data)).stdout.startswith("1 entry added")
    data.write_text(termbase("data processing", "Data arranged in rows and columns.", ("de", "Tabelle")), encoding="utf-8")
    assert run(db, "import", str(data)).stdout.startswith("0 entries added, 1 already stored")  # its own update
    furniture.write_text(termbase("furniture", "A piece of furniture with a flat top and legs."), encoding="utf-8")
    assert run(db, "import", str(furniture)).stdout.startswith("0 entries added, 1 already stored")
    with open_store(db) as store:
        assert [(terms(e), e.definition, e.note) for e in sorted(store.list_entries(statuses=None),
                                                                 key=lambda e: int(e.id))] == [
            ([("en", "table"), ("fr", "table")], "A piece of furniture with a flat top and legs.",
             "subjectField: furniture"),
            ([("en", "table"), ("fr", "table"), ("de", "Tabelle")], "Data arranged in rows and columns.",
             "subjectField: data processing")]


def _concepts_tbx(*entries) -> str:
    """A TBX 2008 termbase (MultiTerm's, memoQ's export) of ``entries``: each its id, subject field (or None),
    definition and terms by language."""
    def entry(entry_id, subject, definition, terms):
        subject = f'<descrip type="subjectField">{subject}</descrip>' if subject else ""
        sections = "".join(f'<langSet xml:lang="{lang}">' + "".join(f"<tig><term>{t}</term></tig>" for t in texts)
                           + "</langSet>" for lang, texts in terms.items())
        return (f'<termEntry id="{entry_id}">{subject}<descrip type="definition">{definition}</descrip>{sections}'
                "</termEntry>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
            + "".join(entry(*e) for e in entries) + "</body></text></martif>\n")


def test_a_client_termbase_sent_again_under_a_new_name_with_a_definition_reworded_updates_its_entries(store_url,
                                                                                                       tmp_path):
    """A client sends its termbase each half-year under a new name (client-2026-06.tbx, then client-2026-12.tbx),
    definitions reworded. An entry whose terms another file's entry held, with another definition, was taken for a
    homonym: each entry of the new file was added again, the glossary doubled. A concept is its terms across
    languages: the same terms, in the same subject field, are the concept's update, the definition reworded."""
    db, june, december = store_url, tmp_path / "client-2026-06.tbx", tmp_path / "client-2026-12.tbx"
    june.write_text(_concepts_tbx(
        ("c1", "Marine", "A warship.", {"fr": ["frégate"], "en": ["frigate"]}),
        ("c2", None, "A piece of furniture.", {"fr": ["table"], "en": ["table"]})), encoding="utf-8")
    assert run(db, "import", str(june)).stdout.startswith("2 entries added")
    december.write_text(_concepts_tbx(
        ("c1", "Marine", "A warship escorting convoys.", {"fr": ["frégate"], "en": ["frigate", "escort frigate"]}),
        ("c2", "Furniture", "A piece of furniture with a flat top.", {"fr": ["table"], "en": ["table"]})),
        encoding="utf-8")
    done = run(db, "import", str(december))
    assert done.stdout == "0 entries added, 2 already stored (entries in en 2, fr 2)\n", done.output
    with open_store(db) as store:
        assert [(terms(e), e.definition) for e in sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))] \
            == [([("fr", "frégate"), ("en", "frigate"), ("en", "escort frigate")], "A warship escorting convoys."),
                ([("fr", "table"), ("en", "table")], "A piece of furniture with a flat top.")]


def test_homonyms_stay_apart_where_the_termbases_show_two_concepts(store_url, tmp_path):
    """table is furniture in one termbase and a data table in another: told apart by their subject fields (the same
    terms), or by their French terms (table, tableau), in two files or in one; each stays its own entry."""
    db, furniture, data, both = store_url, tmp_path / "furniture.tbx", tmp_path / "it.tbx", tmp_path / "both.tbx"
    furniture.write_text(_concepts_tbx(("c1", "furniture", "A piece of furniture with a flat top.",
                                        {"en": ["table"], "fr": ["table"]})), encoding="utf-8")
    data.write_text(_concepts_tbx(("c1", None, "Data in rows and columns.", {"en": ["table"], "fr": ["tableau"]}),
                                  ("c2", "data", "Data in rows and columns.", {"en": ["table"], "fr": ["table"]})),
                    encoding="utf-8")
    both.write_text(_concepts_tbx(("t1", "furniture", "A piece of furniture.", {"en": ["bench"], "fr": ["banc"]}),
                                  ("t2", "geology", "A shelf of rock.", {"en": ["bench"], "fr": ["banc"]})),
                    encoding="utf-8")
    assert run(db, "import", str(furniture)).stdout.startswith("1 entry added")
    assert run(db, "import", str(data)).stdout.startswith("2 entries added")
    assert run(db, "import", str(both)).stdout.startswith("2 entries added")
    with open_store(db) as store:
        assert [(terms(e), e.note) for e in sorted(store.list_entries(statuses=None), key=lambda e: int(e.id))] == [
            ([("en", "table"), ("fr", "table")], "subjectField: furniture"),
            ([("en", "table"), ("fr", "tableau")], None),
            ([("en", "table"), ("fr", "table")], "subjectField: data"),
            ([("en", "bench"), ("fr", "banc")], "subjectField: furniture"),
            ([("en", "bench"), ("fr", "banc")], "subjectField: geology")]


def test_a_termbase_whose_first_import_only_updated_entries_finds_them_by_its_ids_when_a_synonym_is_renamed(
        store_url, tmp_path):
    """The client's termbase first comes in over the store's own entry (extraction's candidate, frigate and escort
    frigate): its import adds none, gives the entry the termbase's definition, and an import that adds nothing keeps
    no import record. The next one, escort frigate renamed escort vessel, looked for the file's ids only where an
    import of that name was recorded: none, so the entry was added again, a second frigate. It updates the entry."""
    db, termbase = store_url, tmp_path / "client.tbx"
    with open_store(db, create=True) as store:
        store.insert_entry(Entry(terms=[Term("frégate", "fr"), Term("frigate", "en"), Term("escort frigate", "en")],
                                 first_seen=SEEN), reviewed=False)
    termbase.write_text(_concepts_tbx(("c1", "Marine", "A warship.",
                                       {"fr": ["frégate"], "en": ["frigate", "escort frigate"]})), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n"
    termbase.write_text(_concepts_tbx(("c1", "Marine", "A warship.",
                                       {"fr": ["frégate"], "en": ["frigate", "escort vessel"]})), encoding="utf-8")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        assert [(terms(e), e.definition) for e in store.list_entries(statuses=None)] == [
            ([("fr", "frégate"), ("en", "frigate"), ("en", "escort vessel")], "A warship.")]


def test_approving_entries_approved_already_reads_the_history_once(store_url, tmp_path):
    """A reviewer approves a page of entries (the workbench's "approve selected"), most of them approved already.
    Whether such an entry's approval was only its termbase's (then the person's approval is recorded) was asked of
    each entry's own history: a read of every change holding it, the termbase's import of thousands of entries
    parsed again for each, minutes for a page on a large store. The history is read once for the page, and the
    approvals are what they were: the termbase's entries recorded as the person's, the person's own left alone."""
    db, termbase = store_url, tmp_path / "client.tbx"
    termbase.write_text(_concepts_tbx(*((f"c{i}", None, f"Ship {i}.", {"fr": [f"navire {i}"], "en": [f"ship {i}"]})
                                        for i in range(5))), encoding="utf-8")
    assert run(db, "import", str(termbase), "--status", "approved").stdout.startswith("5 entries added")
    assert run(db, "--user", "ana", "glossary", "approve", "1", "2").stdout == "2 entries approved (change 2, 3)\n"
    with open_store(db) as store:
        reads = []
        history = store.history
        store.history = lambda *args, **kwargs: reads.append(args) or history(*args, **kwargs)
        assert api.approve(store, [1, 2, 3, 4, 5], user="ben") == [4, 5, 6]
        assert len(reads) == 1
        assert [(c.action, c.user, sorted(c.before)) for c in history()][3:] == [
            ("approved", "ben", ["3"]), ("approved", "ben", ["4"]), ("approved", "ben", ["5"])]


def test_a_termbase_entry_found_unchanged_is_found_by_its_id_when_the_next_update_renames_a_synonym(store_url,
                                                                                                    tmp_path):
    """The client's termbase first comes in over the store's own entry as it is (extraction's candidate, frigate and
    escort frigate): nothing changed, so nothing was recorded, its id c1 neither. Its next update renames escort
    frigate escort vessel: no entry known by c1, the entry was added again, a second frigate. The id is recorded
    when first seen (the entry alike before and after), and the update renames the synonym in the entry; the same
    file again records nothing more."""
    db, termbase = store_url, tmp_path / "client.tbx"
    with open_store(db, create=True) as store:
        store.insert_entry(Entry(terms=[Term("frégate", "fr"), Term("frigate", "en"), Term("escort frigate", "en")],
                                 first_seen=SEEN), reviewed=False)
    termbase.write_text(_concepts_tbx(("c1", None, "", {"fr": ["frégate"], "en": ["frigate", "escort frigate"]}))
                        .replace('<descrip type="definition"></descrip>', ""), encoding="utf-8")
    assert run(db, "import", str(termbase)).stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n"
    assert run(db, "import", str(termbase)).stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n"
    with open_store(db) as store:
        assert len(store.history()) == 1
    termbase.write_text(termbase.read_text(encoding="utf-8").replace("escort frigate", "escort vessel"),
                        encoding="utf-8")
    done = run(db, "import", str(termbase))
    assert done.stdout == "0 entries added, 1 already stored (entries in en 1, fr 1)\n", done.output
    with open_store(db) as store:
        assert [terms(e) for e in store.list_entries(statuses=None)] == [
            [("fr", "frégate"), ("en", "frigate"), ("en", "escort vessel")]]
    # the first import, which changed nothing, is no change to undo: a person approving the entry since refuses
    # no revert of it, and its revert leaves the entry as it is
    assert run(db, "glossary", "approve", "1").exit_code == 0
    assert run(db, "glossary", "revert", "1").exit_code == 0
    with open_store(db) as store:
        assert [(terms(e), e.status) for e in store.list_entries(statuses=None)] == [
            ([("fr", "frégate"), ("en", "frigate"), ("en", "escort vessel")], ReviewStatus.APPROVED)]


LINE_BREAK_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format"
 datatype="xml" segtype="sentence" adminlang="en-US" srclang="en-GB"/><body>
<tu><tuv xml:lang="en-GB"><seg>The technical<ph x="1" type="lb"/>arrangement was signed.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>L’arrangement<ph x="1" type="lb"/>technique a été signé.</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>See the<ph x="1">&lt;br/&gt;</ph>annex.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Voir l’annexe.</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>The member states met.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Les États membres se sont réunis.</seg></tuv></tu>
</body></tmx>
"""


def test_a_memory_imported_before_line_break_codes_parted_words_is_not_stored_twice(store_url, tmp_path):
    """A Trados memory whose segments hold a soft return (``<ph type="lb"/>``) between two words was read, before the
    line-break fix, with the words glued (*technicalarrangement*), and its units keyed by that text: importing the
    same memory again read two words and stored the unit a second time beside the first. A store made then is
    brought forward when opened: the texts read again from their markup, their keys, match texts and indexes made
    again; importing the memory again adds nothing, and the stored unit is found by its two words."""
    from dataclasses import replace

    from tmtool.search import search_memory
    from tmtool.store.copy import check_store
    from tmtool.store.postgres import schema
    from tmtool.store.records import unit_content_key
    from tmtool.store.sqlite import migrations
    from tmtool.text.normalize import normalize_for_match

    path = tmp_path / "trados.tmx"
    path.write_text(LINE_BREAK_TMX, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        assert api.import_file(store, path)["added"] == 3
        broken = [u for u in store.units() if "\n" in u.source]
    # the store as the release before left it: the words glued in the texts and in the keys
    olds = []
    for unit in broken:
        glued = replace(unit, source=unit.source.replace("\n", ""), target=unit.target.replace("\n", ""))
        olds.append((glued.source, glued.target, normalize_for_match(glued.source), normalize_for_match(glued.target),
                     unit_content_key(glued), unit.source))
    if store_url.startswith("postgresql"):
        import psycopg
        with psycopg.connect(store_url, autocommit=True) as conn:
            for old in olds:
                conn.execute("UPDATE units SET source = %s, target = %s, match_text = %s, target_match_text = %s,"
                             " content_key = %s WHERE source = %s", old)
            conn.execute("UPDATE tmtool_schema SET version = %s", (schema.MIGRATIONS.index(schema._line_break_texts),))
    else:
        import sqlite3
        with sqlite3.connect(store_url) as conn:
            conn.executemany("UPDATE units SET source = ?, target = ?, match_text = ?, target_match_text = ?,"
                             " content_key = ? WHERE source = ?", olds)
            for index in ("units_fts", "units_grams", "units_target_grams"):  # its indexes, as it indexed its units
                conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
            conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._line_break_texts)}")
    with open_store(store_url) as store:
        assert api.import_file(store, path)["added"] == 0
        assert [u.source for u in store.units()] == [
            "The technical\narrangement was signed.", "See the\nannex.", "The member states met."]
        assert [m.unit.target for m in search_memory(store, "The technical arrangement was signed.")][:1] == [
            "L’arrangement\ntechnique a été signé."]
        assert check_store(store) == []
