"""OmegaT TSV and CSV glossaries: exact layout, lossless CSV round trip, other tools' headers, bad files."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from test_tbx import UNIQUE_ENTRIES, seed_entries

from tmtool.errors import TmtoolError
from tmtool.formats.tabular import CSV_COLUMNS, read_csv, read_tsv, term_pairs, write_csv, write_tsv
from tmtool.model import Entry, ReviewStatus, Term, TermType, entry_to_dict
from tmtool.store import open_store


def test_tsv_is_what_omegat_reads_a_line_per_pair(tmp_path):
    out = tmp_path / "glossary.utf8"
    # full form ↔ full form and acronym ↔ acronym, not the cross product
    assert write_tsv(seed_entries(), out) == 2 + 1 + 2
    lines = out.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""  # every line ends with a newline, no header, no BOM
    assert lines[0] == (
        "État-major militaire international\tInternational Military Staff\t"
        "Organe exécutif du Comité militaire de l’OTAN. — Vérifié dans NATOTerm. Forme longue d’abord."
    )
    assert lines[1].split("\t")[:2] == ["EMI", "IMS"]
    assert lines[2] == "Division Sécurité coopérative\tCooperative Security Division\tcandidate, not reviewed"
    assert lines[3] == "pays partenaire\tpartner country\trejected, do not use"
    assert all(line.count("\t") == 2 for line in lines[:-1])


def test_tsv_fields_never_break_lines_and_keep_no_break_spaces(tmp_path):
    out = tmp_path / "g.txt"
    entry = Entry(terms=[Term("taux\td’intérêt", "fr"), Term("rate", "en")], note="« note »\r\nsur deux lignes",
                  status=ReviewStatus.APPROVED)
    write_tsv([entry], out)
    assert out.read_text(encoding="utf-8") == "taux d’intérêt\trate\t« note » sur deux lignes\n"


def test_tsv_read_back_gives_the_pairs_and_comments(tmp_path):
    out = tmp_path / "g.txt"
    write_tsv(seed_entries(), out)
    pairs = [(e.terms[0].text, e.terms[1].text) for e in read_tsv(out)]
    assert pairs[3:] == [("pays partenaire", "partner country"), ("pays partenaire", "partner nation")]
    first = next(read_tsv(out))
    assert first.note.startswith("Organe exécutif")


def test_tsv_with_header_bom_and_comment_lines(tmp_path):
    path = tmp_path / "other.txt"
    path.write_bytes("\ufeff# exported from somewhere\nTarget\tSource\nstaff\tétat-major\n\n".encode("utf-8"))
    [entry] = read_tsv(path)
    assert [(t.lang, t.text) for t in entry.terms] == [("fr", "état-major"), ("en", "staff")]
    assert entry.status is ReviewStatus.APPROVED  # a line without a status label: a translator's own entry


@pytest.mark.parametrize("name, encoding", [("glossary.txt", "utf-8"), ("glossary.utf8", "utf-8"),
                                            ("glossary.tab", "cp1252")])
def test_an_omegat_glossary_is_imported_under_the_names_omegat_gives_it(tmp_path, name, encoding):
    """OmegaT reads the glossaries of a project's glossary folder named .txt, .utf8 (UTF-8) and .tab (the
    system's code page), "#" lines as comments: one opening with a comment was refused ("cannot tell the
    file format"), and so was any .tab or .utf8 whose first line held no tab."""
    from click.testing import CliRunner

    from tmtool.cli import main

    path = tmp_path / name
    path.write_bytes("# Glossaire du projet\n#\nchef d'état-major\tChief of Staff\tgrade\nétat-major\tstaff\n"
                     .encode(encoding))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert (result.exit_code, result.stdout) == (0, "2 entries added, 0 already stored (entries in en 2, fr 2)\n")
    with open_store(tmp_path / "t.db") as store:
        assert sorted((e.terms[0].text, e.terms[1].text, e.note) for e in store.list_entries()) == [
            ("chef d'état-major", "Chief of Staff", "grade"), ("état-major", "staff", None)]


def test_tsv_as_excel_saves_it_is_read_unquoted_and_omegat_s_quotes_stay(tmp_path):
    """Excel's tab-delimited text quotes a cell holding a quote, a tab or a line break: the quotes were
    read as the term's, and a note on two lines lost its second (a line without a tab)."""
    excel = tmp_path / "excel.txt"
    excel.write_text('Français\tEnglish\tNote\r\n"pays ""partenaire"""\tpartner country\t"à revoir,\r\nsur deux lignes"'
                     '\r\nComité militaire\t"Military\tCommittee"\t\r\n', encoding="utf-8")
    assert [([t.text for t in e.terms], e.note) for e in read_tsv(excel)] == [
        (['pays "partenaire"', "partner country"], "à revoir,\r\nsur deux lignes"),
        (["Comité militaire", "Military\tCommittee"], None)]
    omegat = tmp_path / "omegat.tsv"  # OmegaT quotes nothing: a quote is the term's
    omegat.write_text('"Enregistrer sous"\t"Save as"\n"Ouvrir" (menu)\tOpen\n', encoding="utf-8")
    assert [[t.text for t in e.terms] for e in read_tsv(omegat)] == [
        ['"Enregistrer sous"', '"Save as"'], ['"Ouvrir" (menu)', "Open"]]


@pytest.mark.parametrize("name, text", [
    ("excel.csv", 'Français;English;Note\r\nfrégate;frigate;\r\n"Big Bang;Big Bang theory;\r\n'
                  'chasseur de mines;minehunter;\r\nconvoi;convoy;vu\r\n')])
def test_a_quote_never_closed_is_an_error_not_the_rest_of_the_file_in_one_cell(tmp_path, name, text):
    """A cell opened with a quote and never closed ran to the file's end: every row after it became one
    entry's French terms (*chasseur de mines;minehunter;*, *convoi;convoy;vu*), imported without a word."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    reader = read_csv if name.endswith(".csv") else read_tsv
    with pytest.raises(TmtoolError) as refused:
        list(reader(path))
    assert str(refused.value) == f"{path}:3: a quote opened on this line is never closed: the cells after it would be one"
    closed = tmp_path / ("closed" + path.suffix)  # a quoted cell of two lines, closed, is one cell
    closed.write_text(text.replace('"Big Bang', '"Big\r\nBang"'), encoding="utf-8")
    assert [[t.text for t in e.terms] for e in reader(closed)][1] == ["Big", "Bang", "Big Bang theory"]


def test_an_omegat_glossary_with_a_quote_left_open_in_a_cell_is_read_as_omegat_reads_it(tmp_path):
    """OmegaT splits each line of its glossary at its tabs, a quote a character like any other. A cell opening a
    quote it never closes (a term typed between quotes, the closing one forgotten) made the file read as Excel's
    quoted text, then refused whole: 'a quote opened on this line is never closed'. Excel closes every quote it
    opens, so such a file is OmegaT's, read line by line, the quote kept as typed."""
    path = tmp_path / "glossary.utf8"
    path.write_text('frégate\tfrigate\t\n"Big Bang\tBig Bang theory\tcosmologie\nconvoi\tconvoy\tvu\n', encoding="utf-8")
    assert [([t.text for t in e.terms], e.note) for e in read_tsv(path)] == [
        (["frégate", "frigate"], None), (['"Big Bang', "Big Bang theory"], "cosmologie"), (["convoi", "convoy"], "vu")]


def test_a_glossary_s_subject_field_and_source_columns_are_lines_of_the_note(tmp_path):
    """A terminologist's table (Excel in French: a BOM, semicolons) gives each concept its subject field and the
    publication it is cited from: both columns were passed over, and lost."""
    path = tmp_path / "glossaire.csv"
    path.write_bytes("Français;Anglais;Subject field;Domaine;Source\r\n"
                     "chasseur de mines;minehunter;naval warfare;Défense;AAP-6\r\n".encode("utf-8-sig"))
    skipped = []
    [entry] = read_csv(path, on_skip=skipped.append)
    assert skipped == []
    assert entry.note == "Subject: naval warfare\nDomain: Défense\nSource: AAP-6"


@pytest.mark.parametrize("first", ["chasseur de mines;minehunter;OTAN, marine",
                                   "Français;Anglais;Remarques (usage, contexte)\r\nchasseur de mines;minehunter;OTAN, marine"])
def test_a_semicolon_csv_with_a_comma_in_its_first_line_is_read_by_its_semicolons(tmp_path, first):
    """Excel in French separates cells with semicolons: a comma in the first line's text (a note, a header) made it
    read as comma-separated, and every row imported as one French term *chasseur de mines;minehunter;OTAN*."""
    path = tmp_path / "glossaire.csv"
    path.write_bytes(f"{first}\r\nfrégate;frigate;\r\n".encode("cp1252"))
    entries = list(read_csv(path, on_skip=lambda skipped: None))  # the header's remarks: a column of no field
    assert [[(t.lang, t.text) for t in e.terms] for e in entries] == [
        [("fr", "chasseur de mines"), ("en", "minehunter")], [("fr", "frégate"), ("en", "frigate")]]
    assert entries[0].note == (None if "Remarques" in first else "OTAN, marine")


@pytest.mark.parametrize("title", ["Glossaire OTAN – marine", "Glossaire OTAN, marine\r\n"])
def test_a_semicolon_csv_under_a_title_line_is_read_by_its_semicolons(tmp_path, title):
    """A glossary typed with a title on its first line, alone in its cell (no separator after it, as a script or a
    text editor writes it): the title held no semicolon, so the file was read by commas, every row one cell (no
    usable columns), or by the title's comma (rows of garbage). The mark most of its first lines hold as many of
    separates; the title is a row of one cell above the header, passed over."""
    path = tmp_path / "glossaire.csv"
    path.write_bytes(f"{title}\r\nFrançais;Anglais;Note\r\nchasseur de mines;minehunter;\r\nfrégate;frigate;vu\r\n"
                     .encode("utf-8-sig"))
    skipped = []
    entries = list(read_csv(path, on_skip=skipped.append))
    assert [([(t.lang, t.text) for t in e.terms], e.note) for e in entries] == [
        ([("fr", "chasseur de mines"), ("en", "minehunter")], None), ([("fr", "frégate"), ("en", "frigate")], "vu")]
    assert [s.reason for s in skipped] == ["a title above the header row, not read"]


@pytest.mark.parametrize("mark, bom", [(";", ""), (",", "\ufeff"), ("\t", "")])
def test_excels_sep_line_names_the_separator_and_is_no_title(tmp_path, mark, bom):
    """Files written for Excel (memoQ's and scripts' exports) may begin with Excel's delimiter hint, "sep=;": it was
    read as a title above the header and told as passed over, and a bad row's line kept right. It names the
    separator (here against the first lines' own count: each note holds more of another mark) and is no row."""
    other = "," if mark != "," else ";"
    path = tmp_path / "glossaire.csv"
    rows = [f"sep={mark}", mark.join(["Français", "Anglais", "Note", "Status"]),
            mark.join(["chasseur de mines", "minehunter", f"OTAN{other} marine{other} mer", "approved"]),
            mark.join(["frégate", "frigate", f"vu{other} revu", ""]), mark.join(["char", "tank", "", "peut-être"])]
    path.write_bytes((bom + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    skipped = []
    entries = list(read_csv(path, on_skip=skipped.append))
    assert [([(t.lang, t.text) for t in e.terms], e.note) for e in entries] == [
        ([("fr", "chasseur de mines"), ("en", "minehunter")], f"OTAN{other} marine{other} mer"),
        ([("fr", "frégate"), ("en", "frigate")], f"vu{other} revu")]
    assert [s.line for s in skipped] == [5]  # the bad status's line, the hint's counted


def test_a_comma_csv_with_semicolons_in_its_first_note_is_read_by_its_commas(tmp_path):
    """The other way round: a comma-separated glossary whose first note lists words with semicolons is read by the
    commas every line holds."""
    path = tmp_path / "glossary.csv"
    path.write_text("convoi,convoy,voir aussi : escorte; colonne; rame; train\r\nfrégate,frigate,\r\nchar,tank,\r\n",
                    encoding="utf-8")
    assert [([t.text for t in e.terms], e.note) for e in read_csv(path)] == [
        (["convoi", "convoy"], "voir aussi : escorte; colonne; rame; train"), (["frégate", "frigate"], None),
        (["char", "tank"], None)]


def test_csv_round_trip_loses_nothing(tmp_path):
    out = tmp_path / "g.csv"
    entries = seed_entries()
    assert write_csv(entries, out) == 3
    assert list(read_csv(out)) == entries


def test_csv_has_a_header_and_the_readable_columns(tmp_path):
    out = tmp_path / "g.csv"
    write_csv(seed_entries(), out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["fr"] == "État-major militaire international" and rows[0]["en"] == "International Military Staff"
    assert rows[0]["status"] == "approved" and rows[0]["gender"] == "masculine" and rows[0]["score"] == "12.375"
    assert rows[0]["note"] == "Vérifié dans NATOTerm.\nForme longue d’abord."  # quoted, newline kept
    assert rows[0]["context"].startswith("Le 13 juillet 2021")
    # nothing beyond the flat columns but whose the gender cell is, were the columns moved
    assert rows[1]["details"] == '{"pos_gender_of": "fr"}'



def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_read_back_as_it_was(tmp_path):
    out = tmp_path / "g.csv"
    entry = Entry(terms=[Term("-ing", "fr"), Term("'=quoted", "en")], status=ReviewStatus.CANDIDATE,
                  note='=HYPERLINK("http://example.invalid/x","cliquez")', definition="@SUM(1+1)")
    write_csv([entry], out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        row = next(csv.DictReader(stream))
    # an apostrophe first: Excel and LibreOffice show the cell as text, never evaluate it
    assert (row["fr"], row["en"], row["note"][:3], row["definition"]) == ("'-ing", "''=quoted", "'=H", "'@SUM(1+1)")
    assert list(read_csv(out)) == [entry]


def test_an_edited_cell_is_what_is_read(tmp_path):
    out = tmp_path / "g.csv"
    write_csv(seed_entries(), out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    rows[2]["en"], rows[2]["status"] = "partner nation (NATO)", "approved"
    with open(out, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    partner = list(read_csv(out))[2]
    assert [t.text for t in partner.terms_in("en")] == ["partner nation (NATO)", "partner nation"]
    assert partner.status is ReviewStatus.APPROVED


def test_csv_of_another_tool_and_plain_two_columns(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text('Comment,English,French\n"an office, of the IMS",Cooperative Security Division,'
                     "Division Sécurité coopérative\n", encoding="utf-8")  # fmt: skip
    [entry] = read_csv(other)
    assert [t.text for t in entry.terms] == ["Division Sécurité coopérative", "Cooperative Security Division"]
    assert entry.note == "an office, of the IMS"
    plain = tmp_path / "plain.csv"
    plain.write_text("pays partenaire,partner country\nEMI,IMS\n", encoding="utf-8")
    pairs = [[t.text for t in e.terms] for e in read_csv(plain)]
    assert pairs == [["pays partenaire", "partner country"], ["EMI", "IMS"]]


def test_a_csv_of_excel_in_french_is_separated_by_semicolons(tmp_path):
    path = tmp_path / "glossaire.csv"
    path.write_text("Français;English;Note\npays partenaire;partner country;\"OTAN, UE\"\nEMI;IMS;\n",
                    encoding="utf-8-sig")
    assert [([t.text for t in e.terms], e.note) for e in read_csv(path)] == [
        (["pays partenaire", "partner country"], "OTAN, UE"), (["EMI", "IMS"], None)]


def test_cells_no_column_is_read_from_are_reported_not_silently_dropped(tmp_path):
    """A glossary without a header row is read as French, English and note; one with a header as the
    columns it names. Further cells (a source, a date, a second note a translator added) were dropped
    without a word."""
    plain = tmp_path / "plain.csv"
    plain.write_text("piste;runway;aviation\nbalise;beacon;;OACI;2021\n", encoding="utf-8")
    skipped = []
    assert [[t.text for t in e.terms] for e in read_csv(plain, on_skip=skipped.append)] == [
        ["piste", "runway"], ["balise", "beacon"]]
    assert [str(s) for s in skipped] == [
        f"{plain}:2: cells past column 3 not read: a table without a header row is read as its first three columns"]
    headed = tmp_path / "headed.csv"
    headed.write_text("fr,en\nconvoi,convoy,à revoir\nbalise,beacon,x\n", encoding="utf-8")
    skipped = []
    assert len(list(read_csv(headed, on_skip=skipped.append))) == 2
    assert [str(s) for s in skipped] == [f"{headed}:2: cells past column 2 not read: the header names none"]


def test_a_glossary_with_french_headers_keeps_its_comments(tmp_path):
    """A translator's glossary saved by Excel in French names its columns in French: Terme, Traduction,
    Commentaire (or Remarques, Observations); the comments were passed over as an unknown column."""
    path = tmp_path / "glossaire.csv"
    path.write_text("Terme;Traduction;Commentaires\r\nballon d'essai;trial balloon;\"sens figuré ; presse\"\r\n",
                    encoding="utf-8-sig")
    skipped = []
    assert [([t.text for t in e.terms], e.note) for e in read_csv(path, on_skip=skipped.append)] == [
        (["ballon d'essai", "trial balloon"], "sens figuré ; presse")]
    assert skipped == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("fr\npays partenaire\n", "no usable columns: the header names fr; expected fr and en"),
        ("Term,Definition\nEMI,État-major\n", "no usable columns"),
        ("pays partenaire\n", "no usable columns: expected a French and an English column"),
        ("fr,en,score\nEMI,IMS,high\n", ":2: invalid value"),
        ("fr,en,status\nEMI,IMS,maybe\n", ":2: invalid value: status 'maybe': expected candidate, approved or rejected"),
    ],
)
def test_unusable_csv_is_an_error(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TmtoolError, match=message) as caught:
        list(read_csv(path))
    assert caught.value.path == str(path)


def test_a_csv_excel_saved_in_the_windows_code_page_is_read_as_such_and_said(tmp_path, caplog):
    """Excel's "CSV" is in the Windows code page (1252 in Western Europe): French Excel's semicolons,
    accents, œ and the typographic apostrophe all in one byte each."""
    path = tmp_path / "glossaire.csv"
    path.write_bytes("fr;en\nmain-d’œuvre militaire;military workforce\nétat-major;staff\n".encode("cp1252"))
    with caplog.at_level("INFO", logger="tmtool"):
        entries = list(read_csv(path))
    assert [(e.terms[0].text, e.terms[1].text) for e in entries] == [
        ("main-d’œuvre militaire", "military workforce"), ("état-major", "staff")]
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: not UTF-8, read as Windows-1252 (what Excel saves as CSV or tab-delimited text in Western Europe)"]


def test_bytes_that_are_no_western_windows_text_are_refused_as_not_utf8(tmp_path):
    # Mac Roman, as an old Mac Excel saved CSV: its é is 0x8E (Ž in 1252), its ’ 0xD5 (Õ)
    path = tmp_path / "other.csv"
    path.write_bytes("fr,en\nétat-major,staff\nchef d’escadron,squadron leader\n".encode("mac-roman"))
    with pytest.raises(TmtoolError, match="not valid UTF-8") as caught:
        list(read_csv(path))
    assert caught.value.line == 2


def test_dash_writes_to_stdout(capsys):
    write_tsv(seed_entries()[1:2], "-")
    assert capsys.readouterr().out == \
        "Division Sécurité coopérative\tCooperative Security Division\tcandidate, not reviewed\n"


# ---- pairs: acronym with acronym, full form with full form; review status said and read back ----


def acronym_entries() -> list[Entry]:
    """Acronyms and full forms on both sides in either order, an acronym on one side only, and a full
    form on one side only; one entry of each review status."""
    acronym = TermType.ACRONYM
    return [
        Entry(id="nrf", status=ReviewStatus.APPROVED, terms=[
            Term("Force de réaction de l'OTAN", "fr"), Term("NRF", "fr", term_type=acronym),
            Term("NRF", "en", term_type=acronym), Term("NATO Response Force", "en")]),
        Entry(id="eod", status=ReviewStatus.CANDIDATE, terms=[
            Term("neutralisation des explosifs et munitions", "fr"),
            Term("EOD", "en", term_type=acronym), Term("explosive ordnance disposal", "en")]),
        Entry(id="emi", status=ReviewStatus.REJECTED, terms=[
            Term("EMI", "fr", term_type=acronym),
            Term("International Military Staff", "en"), Term("IMS", "en", term_type=acronym)]),
        Entry(id="otan", status=ReviewStatus.APPROVED, terms=[
            Term("Organisation du traité de l'Atlantique Nord", "fr"), Term("OTAN", "fr", term_type=acronym),
            Term("NATO", "en", term_type=acronym)]),
    ]  # fmt: skip


# the pair each entry's first French term heads; the English side has no full form for "otan", so its
# French full form goes with the English acronym rather than with nothing
ACRONYM_HEAD_PAIRS = [
    ("Force de réaction de l'OTAN", "NATO Response Force"),
    ("neutralisation des explosifs et munitions", "explosive ordnance disposal"),
    ("EMI", "IMS"),
    ("Organisation du traité de l'Atlantique Nord", "NATO"),
]


def test_term_pairs_match_acronyms_and_full_forms():
    assert [[(fr.text, en.text) for fr, en in term_pairs(entry)] for entry in acronym_entries()] == [
        [("Force de réaction de l'OTAN", "NATO Response Force"), ("NRF", "NRF")],
        [("neutralisation des explosifs et munitions", "explosive ordnance disposal")],
        [("EMI", "IMS")],
        [("Organisation du traité de l'Atlantique Nord", "NATO"), ("OTAN", "NATO")],
    ]


def test_tsv_lines_are_the_term_pairs(tmp_path):
    out = tmp_path / "g.txt"
    assert write_tsv(acronym_entries(), out) == 6
    lines = [line.split("\t")[:2] for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [[fr.text, en.text] for entry in acronym_entries() for fr, en in term_pairs(entry)]


def test_csv_cells_pair_full_form_with_full_form_and_the_round_trip_keeps_term_order(tmp_path):
    out = tmp_path / "g.csv"
    write_csv(acronym_entries(), out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        assert [(row["fr"], row["en"]) for row in csv.DictReader(stream)] == ACRONYM_HEAD_PAIRS
    assert list(read_csv(out)) == acronym_entries()  # "NRF" stays the first English term of "nrf"


def test_tsv_labels_entries_not_approved_and_reads_the_status_back(tmp_path):
    out = tmp_path / "g.txt"
    definition = "Plus haute autorité militaire de l’OTAN."
    entries = [Entry(terms=[Term(f"Comité militaire {s.value}", "fr"), Term("Military Committee", "en")], status=s,
                     definition=definition) for s in ReviewStatus]  # fmt: skip
    entries.append(Entry(terms=[Term("jalon", "fr"), Term("Today", "en")], status=ReviewStatus.REJECTED))
    write_tsv(entries, out)
    assert [line.split("\t")[2] for line in out.read_text(encoding="utf-8").splitlines()] == [
        f"candidate, not reviewed — {definition}", definition, f"rejected, do not use — {definition}",
        "rejected, do not use",
    ]  # fmt: skip
    read = list(read_tsv(out))
    assert [e.status for e in read] == [e.status for e in entries]
    assert [e.note for e in read] == [definition] * 3 + [None]  # the label is not part of the note


def test_csv_status_column_says_and_reads_back_every_status(tmp_path):
    out = tmp_path / "g.csv"
    write_csv(acronym_entries(), out)
    with open(out, encoding="utf-8-sig", newline="") as stream:
        assert [row["status"] for row in csv.DictReader(stream)] == ["approved", "candidate", "rejected", "approved"]
    assert [e.status for e in read_csv(out)] == [e.status for e in acronym_entries()]


def _terms_on_one_line(entries):
    for entry in entries:
        for term in entry.terms:
            term.text = term.text.replace("\r", " ").replace("\n", " ")
    return entries


# a line break in a term cell parts two terms (a synonym typed under the exported one): a stored term
# holds none (glossary.term_text), so a table's entries are those of the model without one
TABLE_ENTRIES = UNIQUE_ENTRIES.map(_terms_on_one_line)


@settings(max_examples=50, deadline=None)
@given(entries=TABLE_ENTRIES)
def test_any_entries_round_trip_through_csv(entries):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "g.csv"
        write_csv(entries, out)
        assert list(read_csv(out)) == entries


def test_term_cells_of_spaces_are_empty_and_a_row_without_terms_is_skipped_with_its_line(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("fr;en;note\n;staff;only English\n  ;  ;no term at all\nEMI;IMS\n", encoding="utf-8")
    skipped = []
    read = [([t.text for t in e.terms], e.note) for e in read_csv(path, on_skip=skipped.append)]
    assert read == [(["staff"], "only English"), (["EMI", "IMS"], None)]
    assert [(s.line, s.reason) for s in skipped] == [(3, "no term: the term columns are empty")]


def test_a_status_typed_in_a_spreadsheet_is_read_in_any_case_and_in_french(tmp_path):
    # a terminologist sets the status column by hand: Excel's capital, a stray space, the French word
    path = tmp_path / "reviewed.csv"
    path.write_text("fr;en;statut\nEMI;IMS;Approved\nOTAN;NATO;APPROUVÉ \npays ami;friendly country;rejetée\n"
                    "CM;MC; Candidat\nCMI;IMC;\n", encoding="utf-8")
    assert [e.status for e in read_csv(path)] == [ReviewStatus.APPROVED, ReviewStatus.APPROVED, ReviewStatus.REJECTED,
                                                  ReviewStatus.CANDIDATE, None]  # none given: import --status


def _tmtool(db, *args):
    from click.testing import CliRunner

    from tmtool.cli import main

    return CliRunner().invoke(main, ["--db", str(db), *args])


def _deprecated_store(db) -> None:
    """An approved entry whose first English term is deprecated, a candidate whose first French one is."""
    for args in (["glossary", "add", "chasseur de mines", "mine hunter", "--en-also", "minehunter",
                  "--status", "approved"],
                 ["glossary", "add", "OTAN 2030", "NATO 2030", "--fr-also", "programme OTAN 2030",
                  "--note", "NATO 2030", "--status", "candidate"],
                 ["glossary", "deprecate", "1", "mine hunter"], ["glossary", "deprecate", "2", "OTAN 2030"]):
        result = _tmtool(db, *args)
        assert result.exit_code == 0, result.output


def test_a_deprecated_term_is_marked_in_the_omegat_glossary_and_read_back(tmp_path):
    # before: "chasseur de mines<TAB>mine hunter" came as a plain pair, the term not to be used
    # offered to the translator as any other
    _deprecated_store(tmp_path / "s.db")
    out = tmp_path / "glossary.txt"
    assert _tmtool(tmp_path / "s.db", "export", "tsv", "--status", "all", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines() == [
        "chasseur de mines\tmine hunter\tdeprecated: mine hunter",
        "chasseur de mines\tminehunter\t",
        "OTAN 2030\tNATO 2030\tcandidate, not reviewed — deprecated: OTAN 2030 — NATO 2030",
        "programme OTAN 2030\tNATO 2030\tcandidate, not reviewed — NATO 2030"]
    read = [(e.status.value, [(t.text, t.usage.value) for t in e.terms], e.note) for e in read_tsv(out)]
    assert read == [
        ("approved", [("chasseur de mines", "preferred"), ("mine hunter", "deprecated")], None),
        ("approved", [("chasseur de mines", "preferred"), ("minehunter", "preferred")], None),
        ("candidate", [("OTAN 2030", "deprecated"), ("NATO 2030", "preferred")], "NATO 2030"),
        ("candidate", [("programme OTAN 2030", "preferred"), ("NATO 2030", "preferred")], "NATO 2030")]


def test_the_pair_a_translator_reads_is_of_terms_to_use_and_the_entry_comes_back_as_it_was(tmp_path):
    # before: a PO's msgid/msgstr and the CSV's and XLSX's fr/en cells held the first terms, deprecated
    # or not: the PO glossary gave "mine hunter" as the translation of "chasseur de mines"
    db = tmp_path / "s.db"
    _deprecated_store(db)
    for suffix in ("po", "csv", "xlsx"):
        out = tmp_path / f"glossary.{suffix}"
        assert _tmtool(db, "export", suffix, "--status", "all", "-o", str(out)).exit_code == 0
        other = tmp_path / f"other-{suffix}.db"
        assert _tmtool(other, "import", str(out)).exit_code == 0
        with open_store(db) as store, open_store(other) as copy:
            assert [entry_to_dict(e)["terms"] for e in copy.list_entries()] == \
                   [entry_to_dict(e)["terms"] for e in store.list_entries()], suffix
    po = (tmp_path / "glossary.po").read_text(encoding="utf-8")
    assert 'msgid "chasseur de mines"\nmsgstr "minehunter"' in po
    assert 'msgid "programme OTAN 2030"\nmsgstr "NATO 2030"' in po and 'msgid "OTAN 2030"' not in po
    with open(tmp_path / "glossary.csv", encoding="utf-8-sig", newline="") as stream:
        assert [(row["fr"], row["en"]) for row in csv.DictReader(stream)] == [
            ("chasseur de mines", "minehunter"), ("programme OTAN 2030", "NATO 2030")]


def test_the_omegat_glossary_handed_back_adds_the_translators_lines_only(tmp_path):
    # before: each pair of an entry of several terms came back as an entry of its own ("chasseur de
    # mines = minehunter", "OTAN 2030 = NATO 2030" …): four copies beside the two entries they came from
    db = tmp_path / "s.db"
    _deprecated_store(db)
    out = tmp_path / "glossary.txt"
    assert _tmtool(db, "export", "tsv", "--status", "all", "-o", str(out)).exit_code == 0
    with out.open("a", encoding="utf-8") as glossary:  # what OmegaT appends when the translator adds a term
        glossary.write("guerre des mines\tmine warfare\n")
    done = _tmtool(db, "import", str(out))
    assert done.stdout.startswith("1 entry added, 4 already stored"), done.output
    with open_store(db) as store:
        assert [[t.text for t in e.terms] for e in store.list_entries()] == [
            ["chasseur de mines", "mine hunter", "minehunter"], ["OTAN 2030", "programme OTAN 2030", "NATO 2030"],
            ["guerre des mines", "mine warfare"]]


@pytest.mark.parametrize(("text", "code_page"), [
    ("en,ru\ndefence,оборона\nminister,министр\n", "cp1251"),
    ("en,uk\ndefence,оборона\nsoldier,солдат\n", "cp1251"),
    ("en,el\nmeeting,συνάντηση\nsummit,σύνοδος κορυφής\n", "cp1253"),
    ("en,he\ndefence,הגנה\n", "cp1255"),
    ("en,ar\nminister,وزير الدفاع\n", "cp1256"),
    ("en,pl\nsoldier,żołnierz\nvoice,głos\n", "cp1250"),
])
def test_a_csv_excel_saved_in_another_windows_code_page_is_refused_not_read_as_western(tmp_path, text, code_page):
    # read as Windows-1252, a Russian "оборона" became "îáîðîíà" and was stored so
    path = tmp_path / "glossary.csv"
    path.write_bytes(text.encode(code_page))
    with pytest.raises(TmtoolError, match="not valid UTF-8"):
        list(read_csv(path))


def test_western_text_with_superscripts_and_spanish_questions_is_still_read_as_windows_1252(tmp_path):
    path = tmp_path / "glosario.csv"
    path.write_bytes("es;en\n¿Qué área? 20 m²;What area? 20 m²\nÑandú;rhea\nAÇÃO;action\n".encode("cp1252"))
    assert [e.terms[0].text for e in read_csv(path)] == ["¿Qué área? 20 m²", "Ñandú", "AÇÃO"]


def test_part_of_speech_and_gender_columns_as_tools_and_people_name_and_fill_them(tmp_path):
    path = tmp_path / "client.csv"
    path.write_text("English;Français;Part of Speech;Grammatical gender\nhybrid threat;menace hybride;Noun;Fém.\n"
                    "cross-border;transfrontalier;adj.;M\nNATO;OTAN;nom propre;\nto deploy;déployer;verbe;\n",
                    encoding="utf-8")
    assert [[(t.text, t.pos, t.gender) for t in e.terms if t.lang == "fr"] for e in read_csv(path)] == [
        [("menace hybride", "noun", "feminine")], [("transfrontalier", "adjective", "masculine")],
        [("OTAN", "properNoun", None)], [("déployer", "verb", None)]]


def test_a_row_holding_a_control_character_is_skipped_and_said(tmp_path):
    # a stray BEL or ESC a script left in a client's CSV was stored, and every TBX and TMX export of the store
    # then stopped on that entry
    from tmtool import api

    (tmp_path / "client.csv").write_bytes("fr,en,note\nchef\x07 de corps,corps commander,\n"
                                          "pays partenaire,partner country,vu\x1b[0m\n"
                                          "Comité militaire,Military Committee,vu\n".encode())
    skipped = []
    assert [e.terms[0].text for e in read_csv(tmp_path / "client.csv", on_skip=skipped.append)] == ["Comité militaire"]
    assert [(s.line, s.reason) for s in skipped] == [
        (2, "a control character U+0007 in 'chef\\x07 de corps': no export could write it"),
        (3, "a control character U+001B in 'vu\\x1b[0m': no export could write it")]
    with open_store(tmp_path / "t.db", create=True) as store:
        assert api.import_file(store, tmp_path / "client.csv", status="approved")["added"] == 1
        api.export(store, "tbx", tmp_path / "out.tbx")
    assert "Comité militaire" in (tmp_path / "out.tbx").read_text(encoding="utf-8")


def test_an_exported_csv_file_opens_in_excel_with_its_accents(tmp_path):
    """Excel on Windows reads a CSV without a byte-order mark in the system's code page (Windows-1252 in Western
    Europe): "État-major" showed as "Ã‰tat-major". Excel's own "CSV UTF-8" starts with the mark, and so does an
    exported file now; our reader and Python's utf-8-sig skip it. Standard output, read by
    programs and terminals rather than opened in Excel, gets none."""
    from click.testing import CliRunner

    from tmtool.cli import main

    db, out, given = tmp_path / "t.db", tmp_path / "glossary.csv", tmp_path / "given.tbx"
    from tmtool.formats.tbx import write_tbx
    write_tbx(seed_entries(), given)
    assert CliRunner().invoke(main, ["--db", str(db), "import", str(given)]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(db), "export", "csv", "--status", "all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffr,en,status,")
    assert "État-major militaire international" in data.decode("utf-8-sig")
    assert sorted(e.terms[0].text for e in read_csv(out)) == sorted(e.terms[0].text for e in seed_entries())
    with open(out, encoding="utf-8-sig", newline="") as stream:
        assert tuple(next(csv.DictReader(stream))) == CSV_COLUMNS
    piped = CliRunner().invoke(main, ["--db", str(db), "export", "csv", "--status", "all"])
    assert piped.stdout_bytes.startswith(b"fr,en,status,")


@pytest.mark.parametrize("header", [
    "en-GB;en-GB-notes;fr-FR;fr-FR-notes",  # each language's column, then its notes: a tag and a word
    "en-GB;Notes (en-GB);fr-FR;Notes (fr-FR)",
    "en_GB;en_GB_Notes;fr_FR;fr_FR_Note",  # Excel users' underscores
])
def test_a_language_s_notes_column_named_by_its_tag_is_a_note_not_that_language_s_terms(tmp_path, header):
    """A client's sheet names each language's notes by the language's tag and a word, en-GB-notes: the header was
    read as a second English column, the note a synonym of the English term (and fr-FR_Note a French one). It is
    the entry's note; a tag with its definition, en-GB_Definition, the entry's definition; a registered variant of
    letters (ca-ES-valencia) is still a language."""
    path = tmp_path / "client.csv"
    path.write_text(f"{header}\r\nfrigate;British spelling;frégate;nom féminin\r\n", encoding="utf-8-sig")
    [entry] = list(read_csv(path))
    assert sorted((t.lang, t.text) for t in entry.terms) == [("en", "frigate"), ("fr", "frégate")]
    assert entry.note == "British spelling\nnom féminin"
    path.write_text("en-GB_Definition;en-GB;fr-FR;ca-ES-valencia\r\nA warship.;frigate;frégate;fragata\r\n",
                    encoding="utf-8-sig")
    [entry] = list(read_csv(path))
    assert sorted((t.lang, t.text) for t in entry.terms) == [("ca", "fragata"), ("en", "frigate"), ("fr", "frégate")]
    assert entry.definition == "A warship."
