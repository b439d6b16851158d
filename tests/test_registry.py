"""The format registry: one table that import, export and the command line read; its invariants, and
that import and export find a format through it by a file's extension."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from tmtool import api, glossary
from tmtool.cli import main
from tmtool.errors import Invalid, TmtoolError
from tmtool.formats import registry
from tmtool.formats.registry import FORMATS, GLOSSARY, MEMORY
from tmtool.model import Entry, ReviewStatus, Term, TermType
from tmtool.store import open_store
from tmtool.transfer import export_store, import_file

ENTRY = Entry(terms=[Term("État-major militaire international", "fr"), Term("EMI", "fr", term_type=TermType.ACRONYM),
                     Term("International Military Staff", "en")],
              status=ReviewStatus.APPROVED, definition="Organe exécutif du Comité militaire.")


def test_names_are_unique_and_every_format_has_a_known_kind():
    assert len({fmt.name for fmt in FORMATS}) == len(FORMATS)
    assert {fmt.kind for fmt in FORMATS} == {MEMORY, GLOSSARY}


def test_every_extension_stands_for_one_format_and_looks_like_one():
    extensions = Counter(extension for fmt in FORMATS for extension in fmt.extensions)
    assert [extension for extension, count in extensions.items() if count > 1] == []
    assert all(extension.startswith(".") and extension == extension.lower() for extension in extensions)
    for fmt in FORMATS:
        for extension in fmt.extensions:
            assert registry.by_extension(f"some/Glossary{extension.upper()}") is fmt


def test_every_reader_and_writer_named_is_a_function():
    for fmt in FORMATS:
        assert fmt.reader or fmt.writer, fmt.name
        assert not fmt.reader or callable(fmt.read), fmt.name
        assert not fmt.writer or callable(fmt.write), fmt.name
        assert not fmt.untranslated or (fmt.kind == MEMORY and callable(fmt.is_untranslated)), fmt.name
        # a format tmtool reads has a name ending or a signature to be found by; a dialect is read as its format
        if fmt.read_as:
            assert not fmt.reader and registry.get(fmt.read_as, reading=True).extensions, fmt.name
        elif fmt.reader:
            assert fmt.extensions or fmt.signatures, fmt.name


def reading_format(fmt: registry.Format) -> registry.Format:
    return registry.get(fmt.read_as) if fmt.read_as else fmt


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt.kind == GLOSSARY and fmt.writer], ids=lambda f: f.name)
def test_every_glossary_format_reads_back_the_entry_it_wrote(tmp_path, fmt):
    path = tmp_path / f"glossary{reading_format(fmt).extensions[0]}"
    assert fmt.write([ENTRY], str(path), srclang="fr-FR", tgtlang="en-GB") == (
        2 if fmt.name == "tsv" else 1)  # the TSV writes a line a pair: full form, acronym
    entries = list(registry.infer(path).read(str(path)))
    texts = sorted((term.lang, term.text) for entry in entries for term in entry.terms)
    assert sorted(set(texts)) == sorted((term.lang, term.text) for term in ENTRY.terms)
    assert {entry.status for entry in entries} == {ReviewStatus.APPROVED}


def test_lookups_by_name_say_what_there_is():
    assert registry.get("tbx-martif").writer and not registry.get("tbx-martif").reader
    assert registry.names(MEMORY, readable=True) == ("tmx", "xliff", "sdltm", "package", "wordfast")
    assert registry.names(MEMORY, writable=True) == ("tmx", "xliff")
    for name, options, message in (
        ("doc", {}, "unknown file format 'doc'"),
        ("sdltm", {"writing": True}, r"unknown export format 'sdltm' \(expected one of tmx, xliff,"),
        ("tbx-martif", {"reading": True}, "unknown import format"),
    ):
        with pytest.raises(TmtoolError, match=message):
            registry.get(name, **options)


def test_content_tells_the_format_when_the_name_does_not(tmp_path):
    samples = {"tmx": '<?xml version="1.0"?>\n<tmx version="1.4">', "tbx": "<martif type='TBX'>",
               "xliff": '<xliff version="1.2">', "po": 'msgid ""\nmsgstr ""\n', "tsv": "comité\tcommittee\n",
               "csv": "comité,committee\n"}
    for name, head in samples.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(head, encoding="utf-8")
        assert registry.infer(path).name == name
    # the signature that comes first wins: a TBX whose comment mentions <tmx is still TBX
    both = tmp_path / "both.xml"
    both.write_text("<martif type='TBX'><!-- made from a <tmx file -->", encoding="utf-8")
    assert registry.infer(both).name == "tbx"
    # a byte-order mark tells how to read the signature: Windows tools write UTF-16
    utf16 = tmp_path / "memory.xml"
    utf16.write_text('<?xml version="1.0" encoding="UTF-16"?>\n<tmx version="1.4">', encoding="utf-16")
    assert registry.infer(utf16).name == "tmx"


def test_a_cat_tools_file_tmtool_cannot_read_is_refused_saying_what_to_give_instead(tmp_path):
    termbase = tmp_path / "main.sdltb"
    termbase.write_bytes(b"\x00\x01\x00\x00Standard Jet DB\x00")
    with pytest.raises(TmtoolError) as caught:
        registry.infer(termbase)
    assert str(caught.value) == (f"{termbase}: a MultiTerm termbase (a database): export it from MultiTerm as XML or"
                                 f" TBX; tmtool reads {', '.join(registry.names(readable=True))}")
    # a Trados memory and a package are read by their names, a package's content alone a ZIP like a workbook's
    assert registry.infer(tmp_path / "main.sdltm").name == "sdltm"
    assert {registry.infer(tmp_path / f"job.{ending}").name for ending in ("sdlppx", "sdlrpx", "mqxlz")} == {"package"}
    unnamed = tmp_path / "memory"
    unnamed.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert registry.infer(unnamed).name == "sdltm"
    # a translated document given to import (a ZIP as a workbook is) is said to be a document, not a workbook
    deck = tmp_path / "briefing.en.pptx"
    deck.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(TmtoolError, match="a document, not a memory or a glossary: ingest it with its translation"):
        registry.infer(deck)


def test_import_and_export_choose_the_format_by_extension_through_the_registry(tmp_path, monkeypatch):
    """A format added to the table, with an extension no other has, is what import and export use."""
    written, read = [], []

    def write(entries, out, *, srclang, tgtlang):
        entries = list(entries)
        written.append((entries, srclang, tgtlang))
        with open(out, "w", encoding="utf-8") as stream:
            stream.write("\n".join(f"{t.text}" for e in entries for t in e.terms_in("fr")))
        return len(entries)

    def read_lines(path, *, on_skip):
        read.append(path)
        with open(path, encoding="utf-8") as stream:
            return [Entry(terms=[Term(line.strip(), "fr"), Term("?", "en")]) for line in stream]

    real = registry._function
    monkeypatch.setattr(registry, "_function", lambda reference: {"test:write": write, "test:read": read_lines}.get(
        reference) or real(reference))
    lines = registry.Format("lines", GLOSSARY, (".lines",), "test:read", "test:write")
    monkeypatch.setattr(registry, "FORMATS", (*FORMATS, lines))
    monkeypatch.setitem(registry._BY_NAME, "lines", lines)

    db, out = tmp_path / "g.db", tmp_path / "g.lines"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [ENTRY], "hand")
    result = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [len(entries) for entries, *_ in written] == [1] and written[0][1:] == ("fr", "en")
    assert out.read_text(encoding="utf-8") == "État-major militaire international\nEMI"
    with open_store(tmp_path / "fresh.db", create=True) as fresh:
        assert import_file(fresh, out).added == 2
        assert read == [str(out)]
        assert fresh.imports()[0].format == "lines"
    # and the command line names it among the formats it reads and writes
    for command in ("import", "export"):
        assert ", xlsx, lines" in " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())


def test_export_without_format_or_extension_is_a_usage_error(tmp_path):
    db = tmp_path / "g.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [ENTRY], "hand")
    for output in ("-", str(tmp_path / "g.unknown")):
        result = CliRunner().invoke(main, ["--db", str(db), "export", "-o", output])
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
        assert "give FORMAT (tmx, xliff, tbx, tbx-martif," in result.output
    assert not (tmp_path / "g.unknown").exists()


def test_an_export_format_misspelt_is_a_usage_error_as_a_missing_one_is(tmp_path):
    # "tmtool export tmxx" exited 1, as a failure of the store would, where "tmtool export" exits 2
    db = tmp_path / "g.db"
    with open_store(db, create=True) as store:
        glossary.import_entries(store, [ENTRY], "hand")
    result = CliRunner().invoke(main, ["--db", str(db), "export", "tmxx", "-o", str(tmp_path / "m.tmx")], prog_name="tmtool")
    assert (result.exit_code, result.output) == (2, "tmtool: error: unknown export format 'tmxx' (expected one of "
                                                    "tmx, xliff, tbx, tbx-martif, po, tsv, csv, xlsx) (see 'tmtool export --help')\n")
    with pytest.raises(Invalid, match="unknown export format 'sdltm'"):
        api.check_export("sdltm")
    # and so is an import's, before any store is made for it
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "new.db"), "import", str(db), "--format", "tmxx"],
                                prog_name="tmtool")
    assert (result.exit_code, result.output.count("\n")) == (2, 1) and result.output.startswith(
        "tmtool: error: unknown import format 'tmxx' (expected one of tmx, xliff,")
    assert "(see 'tmtool import --help')" in result.output and not (tmp_path / "new.db").exists()


def test_export_store_takes_the_format_from_the_registry(tmp_path):
    with open_store(tmp_path / "g.db", create=True) as store:
        glossary.import_entries(store, [ENTRY], "hand")
        with pytest.raises(TmtoolError, match="unknown export format 'sdltm'"):
            export_store(store, "sdltm", str(tmp_path / "g.sdltm"))
        with pytest.raises(TmtoolError, match="csv holds two languages"):
            export_store(store, "csv", str(tmp_path / "g.csv"), all_languages=True)


def test_a_file_of_no_format_it_can_tell_names_the_way_to_say_it(tmp_path):
    # the line answers the command line and the workbench's upload, each naming its own way: it named
    # both to both ("--format, or the upload's format field")
    path = tmp_path / "notes.dat"
    path.write_text("hello world\n", encoding="utf-8")
    with pytest.raises(TmtoolError) as caught:
        registry.infer(path)
    assert caught.value.message == ("cannot tell the file format from its name or content: name it (format=NAME),"
                                    f" NAME one of {', '.join(registry.names(readable=True))}")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "s.db"), "import", str(path)])
    assert f"{path}: cannot tell the file format from its name or content: name it (--format NAME), NAME one of" \
        in result.output


def test_a_document_given_to_import_is_refused_not_read_as_a_table_of_sentence_halves(tmp_path):
    # a French report's lines hold commas, so it was read as a headerless CSV: each paragraph cut at its
    # first comma became an entry, "Le 13 juillet 2021" = "le directeur général de l'EMI"
    from conftest import SEED_FR

    report = tmp_path / "rapport.fr.txt"
    report.write_bytes(SEED_FR.read_bytes())
    with pytest.raises(TmtoolError, match=r"running text, not a csv table \(.*\): a document and its translation are"
                       r" ingested as a pair, not imported; name the format \(format=csv\) to read it as a table"):
        registry.infer(report)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(report)])
    assert (result.exit_code, result.output.count("\n")) == (1, 1) and not db.exists()
    # a comma-separated glossary saved as .txt is a table still, quoted cells, commas in them and all
    glossary_txt = tmp_path / "termes.txt"
    glossary_txt.write_text('comité,committee\n"OTAN, l\'Alliance",NATO\n"espace\naérien",airspace\n',
                            encoding="utf-8")
    assert registry.infer(glossary_txt).name == "csv"
    # and so is a long one whose first bytes end in the middle of a row
    glossary_txt.write_text("".join(f"terme numéro {n},term number {n}\n" for n in range(400)), encoding="utf-8")
    assert registry.infer(glossary_txt).name == "csv"


def test_check_given_a_file_it_cannot_read_says_what_it_reads_not_an_imports_advice(tmp_path):
    # check was told to "name it (--format …)", its --format being the report's; random bytes whose first
    # line held a tab were "a tsv file", and UTF-16 text without its mark a file of no format
    from conftest import SEED_FR

    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["--db", str(db), "glossary", "add", "OTAN", "NATO"]).exit_code == 0
    binary = tmp_path / "scan.dat"
    binary.write_bytes(b"\x89\tPNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    utf16 = tmp_path / "notes"
    utf16.write_bytes("OTAN\tNATO\n".encode("utf-16-le"))
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nRien à signaler.\n", encoding="utf-8")
    reads = "tmtool check reads XLIFF, TMX or PO files, or a document and its translation (FR_FILE EN_FILE)"
    for path, check_says, import_says in (
            (SEED_FR, f"reads as running text, not a csv table (its lines hold different numbers of fields): {reads}",
             "a document and its translation are ingested"),
            (notes, f"cannot tell the file format from its name or content: {reads}", "name it (--format"),
            (binary, "binary data, not text (NUL bytes)", "binary data, not text (NUL bytes)"),
            (utf16, "looks like UTF-16 without a byte-order mark", "looks like UTF-16 without a byte-order mark")):
        checked = CliRunner().invoke(main, ["--db", str(db), "check", str(path)])
        assert (checked.exit_code, checked.output.count("\n")) == (2, 1), checked.output
        assert check_says in checked.output and "--format" not in checked.output, checked.output
        imported = CliRunner().invoke(main, ["--db", str(db), "import", str(path)])
        assert (imported.exit_code, imported.output.count("\n")) == (1, 1) and import_says in imported.output
