"""XLSX glossaries: the CSV's layout in a workbook, written atomically, read leniently from other
tools' sheets, and refused when the file is no workbook or its XML declares entities."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from hostile_corpus import BILLION_LAUGHS, ENTITY_LINE, EXTERNAL_FILE
from hypothesis import given, settings
from test_tabular import TABLE_ENTRIES, acronym_entries

from tmtool import glossary
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.formats.skips import Skipped
from tmtool.formats.tabular import CSV_COLUMNS, read_csv, read_tsv, write_csv
from tmtool.formats.xlsx import read_xlsx, write_xlsx
from tmtool.model import Entry, ReviewStatus, Term, UsageStatus
from tmtool.store import open_store
from tmtool.transfer import import_file


def sheet_file(path, rows) -> str:
    """A workbook as another tool would save it: one sheet holding ``rows`` (any cell types)."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return str(path)


def test_a_workbook_holds_and_reads_what_the_csv_does(tmp_path):
    xlsx, csv = tmp_path / "g.xlsx", tmp_path / "g.csv"
    assert write_xlsx(acronym_entries(), xlsx) == write_csv(acronym_entries(), csv) == 4
    assert list(read_xlsx(xlsx)) == list(read_csv(csv)) == acronym_entries()
    sheet = load_workbook(xlsx).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert header == CSV_COLUMNS and len(rows) == 4
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b
    # the status column says what each entry is; the frequency is a number to sort by
    assert [row[2] for row in rows] == ["approved", "candidate", "rejected", "approved"]
    assert {type(row[6]) for row in rows} == {int}


@settings(max_examples=40, deadline=None)
@given(entries=TABLE_ENTRIES)
def test_any_entries_round_trip_through_xlsx(entries):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "g.xlsx"
        write_xlsx(entries, out)
        assert list(read_xlsx(out)) == entries


def test_text_that_looks_like_a_formula_or_a_number_stays_text(tmp_path):
    entry = Entry(terms=[Term('=HYPERLINK("http://example.org","clic")', "fr"), Term("007", "en")],
                  note="+1", status=ReviewStatus.APPROVED)
    path = tmp_path / "g.xlsx"
    write_xlsx([entry], path)
    row = next(load_workbook(path).active.iter_rows(min_row=2))
    assert [(cell.value, cell.data_type) for cell in row[:2]] == [(entry.terms[0].text, "s"), ("007", "s")]
    assert list(read_xlsx(path)) == [entry]


def test_round_trip_through_the_command_line_keeps_every_status(tmp_path):
    source, fresh, out = tmp_path / "source.db", tmp_path / "fresh.db", tmp_path / "review.xlsx"
    with open_store(source, create=True) as store:
        glossary.import_entries(store, acronym_entries(), "hand")
    assert CliRunner().invoke(main, ["--db", str(source), "export", "--status", "all", "-o", str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(fresh), "import", str(out)])
    assert result.output == "4 entries added, 0 already stored (entries in en 4, fr 4)\n"
    with open_store(fresh, create=True) as store:
        got = {entry.terms[0].text: entry.status for entry in store.list_entries(statuses=tuple(ReviewStatus))}
        assert store.imports()[0].format == "xlsx"
    assert got == {entry.terms[0].text: entry.status for entry in acronym_entries()}


def test_a_sheet_from_elsewhere_is_read_leniently(tmp_path):
    path = sheet_file(tmp_path / "nato.xlsx", [
        [],  # a title row left empty above the table
        ["Checked by", "ENGLISH TERM", " Français ", "Définition", "Statut", None],
        ["Defence", "Military Committee", "Comité militaire", "Plus haute autorité militaire.", "approved"],
        [None, None, None],
        ["Defence", "chief of staff\nCOS", "chef d'état-major\nCEM", None, "candidate"],
        ["Numbers", 1914, datetime(2024, 5, 1), 3.5, None],
    ])
    skipped: list[Skipped] = []
    entries = list(read_xlsx(path, on_skip=skipped.append))
    assert skipped == [Skipped("column 'Checked by' not read: no glossary field of that name", path, 2)]
    assert [[(t.lang, t.text) for t in entry.terms] for entry in entries] == [
        [("fr", "Comité militaire"), ("en", "Military Committee")],
        [("fr", "chef d'état-major"), ("fr", "CEM"), ("en", "chief of staff"), ("en", "COS")],
        [("fr", "2024-05-01"), ("en", "1914")],
    ]
    assert [e.status for e in entries] == [ReviewStatus.APPROVED, ReviewStatus.CANDIDATE, None]  # none: import --status
    assert entries[0].definition == "Plus haute autorité militaire." and entries[2].definition == "3.5"
    with pytest.raises(TmtoolError, match="column 'Checked by' not read") as refused:  # --strict: nothing passed over
        list(read_xlsx(path))
    assert str(refused.value).startswith(f"{path}:2: ")


def test_a_csv_from_elsewhere_reads_as_the_same_sheet_does(tmp_path):
    rows = [["Checked by", "English", "FR-FR", "Note"], ["ALB", "chief of staff\nCOS", "chef d'état-major\nCEM", "vu"],
            [], ["", "partner country", "pays partenaire", ""]]
    xlsx, csv_path = sheet_file(tmp_path / "g.xlsx", rows), tmp_path / "g.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    from_xlsx, from_csv = [], []
    assert list(read_xlsx(xlsx, on_skip=from_xlsx.append)) == list(read_csv(csv_path, on_skip=from_csv.append))
    assert [skip.reason for skip in from_xlsx] == [skip.reason for skip in from_csv] == [
        "column 'Checked by' not read: no glossary field of that name"]


def test_language_columns_are_found_by_tag_or_name_in_either_order(tmp_path):
    for header in (["EN-GB", "FR-FR"], ["english", "francais"], ["en_US", "fr"], ["Anglais", "Français"]):
        path = sheet_file(tmp_path / "g.xlsx", [header, ["partner country", "pays partenaire"]])
        [entry] = read_xlsx(path)
        assert [(t.lang, t.text) for t in entry.terms] == [("fr", "pays partenaire"), ("en", "partner country")]


def test_a_list_of_abbreviations_gives_each_language_its_acronym_and_full_form(tmp_path):
    """Abbreviation | French | English, as NATO documents list them: the abbreviation column was passed
    over; it is the acronym beside each full form, in English too unless it is the French name's
    initials only (*EMI* is *IMS* in English, *OTAN* is *NATO*)."""
    rows = [["Abbreviation", "French", "English"],
            ["ACO", "Commandement allié Opérations", "Allied Command Operations"],
            ["EMI", "État-major militaire international", "International Military Staff"],
            ["OTAN", "Organisation du Traité de l’Atlantique Nord", "North Atlantic Treaty Organization"]]
    tsv = tmp_path / "sigles.tsv"
    tsv.write_text("Acronyme\tFrançais\tAnglais\n" + "".join("\t".join(row) + "\n" for row in rows[1:]),
                   encoding="utf-8")
    csv_path = tmp_path / "abbreviations.csv"
    csv_path.write_text("".join(";".join(row) + "\n" for row in rows), encoding="utf-8-sig")
    for entries in (read_xlsx(sheet_file(tmp_path / "abbreviations.xlsx", rows)), read_csv(csv_path), read_tsv(tsv)):
        assert [[(t.lang, t.text, t.term_type.value) for t in entry.terms] for entry in entries] == [
            [("fr", "Commandement allié Opérations", "fullForm"), ("fr", "ACO", "acronym"),
             ("en", "Allied Command Operations", "fullForm"), ("en", "ACO", "acronym")],
            [("fr", "État-major militaire international", "fullForm"), ("fr", "EMI", "acronym"),
             ("en", "International Military Staff", "fullForm")],
            [("fr", "Organisation du Traité de l’Atlantique Nord", "fullForm"), ("fr", "OTAN", "acronym"),
             ("en", "North Atlantic Treaty Organization", "fullForm")]]


def test_a_merged_cell_is_the_value_of_every_row_it_covers(tmp_path):
    """A French term merged over two rows (its English term and acronym beneath each other) gave the
    second row an English term alone, *MC* an entry of no French; a merged note was the first row's."""
    workbook = Workbook()
    for row in [["Glossaire du Comité", None, None], ["Français", "English", "Note"],
                ["Comité militaire", "Military Committee", "Organe suprême."],
                [None, "MC", None], ["chef d'état-major", "chief of staff", None]]:
        workbook.active.append(row)
    workbook.active.merge_cells("A1:C1")  # a title over the table: one cell still
    workbook.active.merge_cells("A3:A4")
    workbook.active.merge_cells("C3:C4")
    workbook.save(tmp_path / "merged.xlsx")
    skipped: list[Skipped] = []
    entries = read_xlsx(tmp_path / "merged.xlsx", on_skip=skipped.append)
    assert [([(t.lang, t.text) for t in e.terms], e.note) for e in entries] == [
        ([("fr", "Comité militaire"), ("en", "Military Committee")], "Organe suprême."),
        ([("fr", "Comité militaire"), ("en", "MC")], "Organe suprême."),
        ([("fr", "chef d'état-major"), ("en", "chief of staff")], None)]
    assert [skip.reason for skip in skipped] == ["a title above the header row, not read"]


def test_a_header_of_two_rows_names_each_language_over_its_columns(tmp_path):
    """A glossary laid out by hand: each language's name merged over its columns, the row below naming
    them (Term, Definition, Example). The second header row was read as an entry (fr "Term", en "Term") and
    the definitions, under no header cell of their own, were dropped without a word."""
    workbook = Workbook()
    for row in [["Glossaire OTAN", None, None, None, None, None], [],
                ["English", None, None, "Français", None, "Note"],
                ["Term", "Definition", "Example", "Terme", "Définition", "Note"],
                ["battalion", "A unit of troops.", "The battalion left.", "bataillon", "Une unité.", "vu"],
                ["7.62 mm", None, None, 7.62, None, None]]:
        workbook.active.append(row)
    for cells in ("A1:F1", "A3:C3", "D3:E3", "F3:F4"):
        workbook.active.merge_cells(cells)
    workbook.save(tmp_path / "two-rows.xlsx")
    skipped: list[Skipped] = []
    entries = list(read_xlsx(tmp_path / "two-rows.xlsx", on_skip=skipped.append))
    assert [([(t.lang, t.text) for t in e.terms], e.definition, e.note) for e in entries] == [
        ([("fr", "bataillon"), ("en", "battalion")], "A unit of troops.\nUne unité.", "vu"),
        ([("fr", "7.62"), ("en", "7.62 mm")], None, None)]
    assert [skip.reason for skip in skipped] == [
        "a title above the header row, not read", "column 'English / Example' not read: no glossary field of that name"]


def test_the_control_characters_excel_escapes_in_a_cell_are_read_as_such(tmp_path):
    """Excel writes a carriage return in a cell's text as _x000D_ (a line break pasted from Word: _x000D_ then
    a line feed) and a tab as _x0009_; openpyxl hands them over as they stand, and the French term was stored
    as "bataillon_x000D_". An underscore escaped as _x005F_ is an underscore."""
    path = sheet_file(tmp_path / "escaped.xlsx", [
        ["Français", "English", "Note"],
        ["bataillon_x000D_\nbon", "battalion", "à revoir_x000D_\nvoir AAP-6"],
        ["x_x005F_x000D_", "y", None]])
    skipped: list[Skipped] = []
    first, second = read_xlsx(path, on_skip=skipped.append)
    assert [(t.lang, t.text) for t in first.terms] == [("fr", "bataillon"), ("fr", "bon"), ("en", "battalion")]
    assert first.note == "à revoir\r\nvoir AAP-6"
    assert [t.text for t in second.terms] == ["x_x000D_", "y"]  # what was typed: "_x000D_" as text
    assert skipped == []


def test_a_column_without_a_header_is_said_not_read(tmp_path):
    path = sheet_file(tmp_path / "g.xlsx", [["fr", "en", None], ["bataillon", "battalion", "à revoir"]])
    skipped: list[Skipped] = []
    assert len(list(read_xlsx(path, on_skip=skipped.append))) == 1
    assert [str(skip) for skip in skipped] == [f"{path}:2: column 3 not read: its header is empty"]


def test_a_glossary_whose_first_entry_is_made_of_header_words_keeps_it(tmp_path):
    """A glossary of translation's own words: its first entry (*terme*, *term*, with a note under no header) was
    read as the second row of a two-row header and lost."""
    path = sheet_file(tmp_path / "g.xlsx", [["French", "English", None], ["terme", "term", "à revoir"],
                                            ["traduction", "translation", None]])
    skipped: list[Skipped] = []
    assert [[t.text for t in e.terms] for e in read_xlsx(path, on_skip=skipped.append)] == [
        ["terme", "term"], ["traduction", "translation"]]
    assert [str(skip) for skip in skipped] == [f"{path}:2: column 3 not read: its header is empty"]


@pytest.mark.parametrize("name, data, message", [
    ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "an Excel 97–2003 workbook (.xls), not XLSX"),
    ("renamed.xlsx", "fr,en\ncomité,committee\n".encode(), "not an XLSX workbook (not a ZIP archive)"),
    ("empty.xlsx", b"", "not an XLSX workbook"),
    ("broken.xlsx", b"PK\x03\x04" + bytes(300), "not a readable XLSX workbook"),
])
def test_what_is_not_a_workbook_is_refused_in_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith(f"tmtool: error: {path}: {message}"), result.output
    assert not (tmp_path / "t.db").exists()


def test_a_document_renamed_xlsx_is_refused(tmp_path):
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as package:  # a ZIP, but no workbook in it (a .docx, a .zip …)
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(TmtoolError, match="not a readable XLSX workbook") as refused:
        list(read_xlsx(path))
    assert refused.value.path == str(path)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def excel_package(strings: list[str], doctype: str = "", width: int | None = None) -> bytes:
    """A workbook laid out as Excel saves it: rows of ``width`` cells (one row of all by default) whose cells are
    the shared strings, which ``xl/sharedStrings.xml`` holds after ``doctype`` (their text is XML: it may use
    entities)."""
    width = width or len(strings)
    cells = "".join((f'<row r="{i // width + 1}">' if i % width == 0 else "")
                    + f'<c r="{chr(65 + i % width)}{i // width + 1}" t="s"><v>{i}</v></c>'
                    + ("</row>" if i % width == width - 1 or i == len(strings) - 1 else "") for i in range(len(strings)))
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{_PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}/relationships"><Relationship Id="rId1" '
        f'Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><sheets>'
        '<sheet name="Glossary" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{cells}'
        "</sheetData></worksheet>",
        "xl/sharedStrings.xml": doctype + f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, xml in parts.items():
            package.writestr(name, _DECLARATION + xml)
    return buffer.getvalue()


def test_a_workbook_as_excel_saves_it_is_read(tmp_path):
    path = tmp_path / "excel.xlsx"
    path.write_bytes(excel_package(["fr", "en"]))  # the header alone: no entry, nothing refused
    assert list(read_xlsx(path)) == []
    path.write_bytes(excel_package(["pays &amp; partenaire", "partner country"]))  # no header: two plain columns
    assert [[t.text for t in e.terms] for e in read_xlsx(path)] == [["pays & partenaire", "partner country"]]


@pytest.mark.parametrize("doctype", [BILLION_LAUGHS, EXTERNAL_FILE.replace("xxe", "lol9")])
def test_a_workbook_whose_xml_declares_entities_is_refused_unread(tmp_path, doctype):
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(excel_package(["&lol9;", "committee"], doctype.replace("tmx", "sst")))
    with pytest.raises(TmtoolError) as refused:
        list(read_xlsx(path))
    assert str(refused.value) == f"{path}: xl/sharedStrings.xml:{ENTITY_LINE}: the DOCTYPE declares entities " + (
        "(lol, lol1, lol2, lol3, lol4 …); documents with entity declarations are refused" if "lol1" in doctype
        else "(lol9); documents with entity declarations are refused")


def test_export_is_atomic_and_never_to_standard_output(tmp_path):
    path = tmp_path / "g.xlsx"
    write_xlsx(acronym_entries(), path)
    before = path.read_bytes()
    bad = Entry(terms=[Term("comité\x07", "fr"), Term("committee", "en")], id="bell")
    with pytest.raises(TmtoolError, match="entry bell: a control character that XLSX cannot hold"):
        write_xlsx([*acronym_entries(), bad], path)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["g.xlsx"]
    with pytest.raises(TmtoolError, match="give -o FILE.xlsx"):
        write_xlsx(acronym_entries(), "-")


def test_a_broken_package_is_refused_in_one_line(tmp_path):
    strings, sheet = tmp_path / "strings.xlsx", tmp_path / "sheet.xlsx"
    strings.write_bytes(excel_package(["<b>pays partenaire", "partner country"]))  # an unclosed element
    with zipfile.ZipFile(io.BytesIO(excel_package(["fr", "en"]))) as package, zipfile.ZipFile(sheet, "w") as cut:
        for item in package.infolist():
            data = package.read(item)
            cut.writestr(item, data[:-30] if item.filename == "xl/worksheets/sheet1.xml" else data)
    for path, problem in ((strings, "mismatched tag"), (sheet, "no element found")):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
        assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
        assert result.output.startswith(f"tmtool: error: {path}: not a readable XLSX workbook ({problem}")


def test_every_sheet_with_a_glossary_header_is_read_and_the_others_reported(tmp_path):
    workbook = Workbook()
    workbook.active.append(["fr", "en"])
    workbook.active.append(["pays partenaire", "partner country"])
    workbook.create_sheet("Empty")
    workbook.create_sheet("Sources").append(["NATOTerm, 2024"])
    logistics = workbook.create_sheet("Logistique")  # a glossary kept a sheet a domain
    for row in (["English", "Français", "Note", "Status"], ["convoy", "convoi", "routier", "approved"],
                ["ration", "ration", "", "bogus"]):
        logistics.append(row)
    cyber = workbook.create_sheet("Cyber")  # its title above its header, as the first sheet may have
    for row in (["Glossaire – cyberdéfense"], ["Français", "English"], ["cyberdéfense", "cyber defence"]):
        cyber.append(row)
    path = tmp_path / "g.xlsx"
    workbook.save(path)
    skipped: list[Skipped] = []
    entries = list(read_xlsx(path, on_skip=skipped.append))
    assert [([t.text for t in e.terms], e.note) for e in entries] == [
        (["pays partenaire", "partner country"], None), (["convoi", "convoy"], "routier"),
        (["cyberdéfense", "cyber defence"], None)]
    assert skipped == [
        Skipped("sheet 'Sources' not read: no header row names a French and an English column", str(path)),
        Skipped("sheet 'Logistique': invalid value: status 'bogus': expected candidate, approved or rejected", str(path), 3),
        Skipped("sheet 'Cyber': a title above the header row, not read", str(path), 1)]


def test_title_rows_above_the_header_are_reported_not_taken_for_the_header(tmp_path):
    path = sheet_file(tmp_path / "g.xlsx", [
        ["Glossaire de la logistique"], [], [datetime(2024, 11, 5)], ["Français", "English"], ["convoi", "convoy"]])
    skipped: list[Skipped] = []
    assert [[t.text for t in e.terms] for e in read_xlsx(path, on_skip=skipped.append)] == [["convoi", "convoy"]]
    assert skipped == [Skipped("a title above the header row, not read", str(path), line) for line in (1, 3)]
    # a first row of two cells is data, whatever follows: a glossary of language names stays whole
    languages = sheet_file(tmp_path / "l.xlsx", [["allemand", "German"], ["français", "French"]])
    assert len(list(read_xlsx(languages))) == 2


def test_a_title_block_of_more_than_five_rows_is_still_above_the_header(tmp_path):
    """A sheet opening with its office, title, version, date, author, status and contact, a row each: past
    five such rows the header was no longer looked for, and the whole sheet was read by position, each title
    a French term of its own and the header an entry (fr "Français", en "English"). Another sheet so laid
    out was said to have no header and left unread."""
    block = [["Bureau de terminologie"], ["Glossaire de la logistique"], ["Version 3.2"], [datetime(2024, 11, 5)],
             ["Auteur : BT"], ["Statut : projet"], ["Contact : bt@example.org"], []]
    path = tmp_path / "g.xlsx"
    workbook = Workbook()
    for row in [*block, ["Français", "English"], ["convoi", "convoy"]]:
        workbook.active.append(row)
    second = workbook.create_sheet("Transport")
    for row in [*block, ["Français", "English"], ["camion", "truck"]]:
        second.append(row)
    workbook.save(path)
    skipped: list[Skipped] = []
    entries = list(read_xlsx(path, on_skip=skipped.append))
    assert [[t.text for t in e.terms] for e in entries] == [["convoi", "convoy"], ["camion", "truck"]]
    assert [skip.line for skip in skipped] == [1, 2, 3, 4, 5, 6, 7] * 2
    assert {skip.reason.removeprefix("sheet 'Transport': ") for skip in skipped} == {
        "a title above the header row, not read"}


def test_a_matecat_glossary_marks_its_forbidden_terms(tmp_path):
    """Matecat's glossary template (XLSX) starts with concept-level columns Forbidden (TRUE or FALSE,
    Excel booleans), Domain, Subdomain, Definition, then each locale's column with its Notes and Example
    of use: the terms of a forbidden row were imported as preferred, the column passed over. The domain and
    subdomain (the entry's subject field) are lines of its note, an example of use a context of its term: they
    were passed over too, and lost."""
    path = sheet_file(tmp_path / "matecat.xlsx", [
        ["Forbidden", "Domain", "Subdomain", "Definition", "fr-FR", "Notes", "Example of use", "en-GB", "Notes"],
        [False, "Défense", "Logistique", "Itinéraire des convois", "corridor de mobilité", "", "Le corridor est ouvert.",
         "mobility corridor", ""],
        [True, "", "", "", "couloir de mobilité", "calque", "", "", ""]])
    skipped: list[Skipped] = []
    entries = list(read_xlsx(path, on_skip=skipped.append))
    assert [[(t.text, t.usage) for t in e.terms] for e in entries] == [
        [("corridor de mobilité", UsageStatus.PREFERRED), ("mobility corridor", UsageStatus.PREFERRED)],
        [("couloir de mobilité", UsageStatus.DEPRECATED)]]
    assert [(e.definition, e.note) for e in entries] == [
        ("Itinéraire des convois", "Domain: Défense\nSubdomain: Logistique"), (None, "calque")]
    assert [c.fr for c in entries[0].contexts] == ["Le corridor est ouvert."]
    assert skipped == []


def test_a_workbook_without_extension_is_told_by_its_content(tmp_path):
    path = tmp_path / "glossary"
    write_xlsx(acronym_entries(), path)
    with open_store(tmp_path / "t.db", create=True) as store:
        assert import_file(store, path).added == 4
        assert store.imports()[0].format == "xlsx"


def test_a_zip_bomb_is_refused_before_it_is_unzipped(tmp_path, monkeypatch):
    from tmtool.io import xmlsafe

    path = tmp_path / "bomb.xlsx"
    write_xlsx(acronym_entries(), path)
    unzipped = sum(item.file_size for item in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(xmlsafe, "PACKAGE_LIMIT", unzipped - 1)  # 1 GiB of zeros would take a while to make
    with pytest.raises(TmtoolError, match="unzips to more than 0 MiB; refused as a ZIP bomb"):
        list(read_xlsx(path))
    monkeypatch.setattr(xmlsafe, "PACKAGE_LIMIT", unzipped)
    assert len(list(read_xlsx(path))) == 4


def test_a_package_whose_compressed_data_is_damaged_is_refused_in_one_line(tmp_path):
    from test_written_documents import damage

    path = tmp_path / "abime.xlsx"
    path.write_bytes(excel_package(["fr", "en"]))
    damage(path, "xl/sharedStrings.xml")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"tmtool: error: {path}: not a readable XLSX workbook (Error -3 while decompressing")


def test_a_workbook_saved_with_a_password_is_refused_as_such_not_as_an_xls(tmp_path):
    from test_real_formats import REAL

    path = REAL / "excel-password.xlsx"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert result.exit_code == 1 and result.output == (
        f"tmtool: error: {path}: is protected by a password (encrypted): open it and save it without one to read it\n")


def test_an_escape_typed_as_text_in_a_shared_string_is_read_as_typed(tmp_path):
    """Excel keeps a cell's text in the shared strings and writes the underscore of an escape a person typed as
    text as _x005F_: "_x000D_" typed is "_x005F_x000D_", a carriage return is "_x000D_". openpyxl removes every
    "x005F_" of a shared string, and the reader then unescaped "_x000D_" again: the text typed was read as a
    carriage return (a term cut in two). Unescaped once, each escape is what Excel meant."""
    path = tmp_path / "excel.xlsx"
    path.write_bytes(excel_package(["Français", "English", "Note",
                                    "code_x005F_x000D_", "code", "voir_x005F_x0009_ici",
                                    "bataillon_x000D_", "battalion", "a_x005F_b_x005F_x005F_c"], width=3))
    first, second = read_xlsx(path)
    assert ([t.text for t in first.terms], first.note) == (["code_x000D_", "code"], "voir_x0009_ici")
    assert ([t.text for t in second.terms], second.note) == (["bataillon", "battalion"], "a_b_x005F_c")


def test_text_that_looks_like_an_excel_escape_is_written_so_as_to_read_back_as_itself(tmp_path):
    """Excel reads "_x000D_" in a cell's XML as a carriage return; the writer put text a person typed so (a
    code, "_x000D_") as it stands, and it read back as a line break, the term cut in two. Its underscore is
    written escaped, "_x005F_x000D_", as Excel writes it."""
    path = tmp_path / "out.xlsx"
    entry = Entry([Term("code _x000D_ littéral", "fr"), Term("literal _x000d_ code", "en")], note="a_x005F_b")
    write_xlsx([entry], path)
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert "code _x005F_x000D_ litt" in sheet and "literal _x005F_x000d_ code" in sheet and "a_x005F_x005F_b" in sheet
    [again] = read_xlsx(path)
    assert ([t.text for t in again.terms], again.note) == (["code _x000D_ littéral", "literal _x000d_ code"], "a_x005F_b")
