"""Files CAT tools keep, read as the tools mean them: a Trados Studio memory (.sdltm), opened read-only;
memoQ and Trados packages (.mqxlz, .sdlppx, .sdlrpx), their bilingual files read inside the ZIP."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from trados import make_sdltm, sdltm_bytes, segment, tag, text

from tmtool import api, open_store
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.formats.sdltm import read_sdltm
from tmtool.formats.tmx import read_tmx

FIELDS = {"Client": 4, "Domaine": 5, "Remarque": 1, "Mots-clés": 2, "Livré le": 3, "Lot": 6}


def partners_memory(path):
    return make_sdltm(path, [
        {"source_segment": segment("fr-FR", text("Les partenaires se réunissent à Lyon.")),
         "target_segment": segment("en-GB", text("The partners meet in Lyon.")),
         "creation_date": "2026-01-05 09:12:30", "creation_user": "PROJ\\ines",
         "change_date": "2026-02-10 16:45:00", "change_user": "PROJ\\marc",
         "last_used_date": "2026-03-01 11:00:00", "last_used_user": "PROJ\\lea", "usage_counter": 4,
         "fields": {"Client": ["Ville de Lyon"], "Domaine": ["Transport", "Tourisme"], "Remarque": ["relu"],
                    "Mots-clés": ["réunion", "partenaires"], "Livré le": ["2026-02-11 08:00:00"], "Lot": [7]}},
        {"source_segment": segment("fr-FR", text("Cliquez sur "), tag("Start", 1, "pt12"), text("Enregistrer"),
                                   tag("End", 1, "pt12"), text(" puis fermez "), tag("Standalone", 2, "pt13"),
                                   text("la fenêtre.")),
         "target_segment": segment("en-GB", text("Click "), tag("Start", 1, "pt12"), text("Save"),
                                   tag("End", 1, "pt12"), text(" then close "), tag("Standalone", 2, "pt13"),
                                   text("the window."))},
        {"source_segment": segment("fr-FR", text("Le modèle "), tag("LockedContent", 1, "lc1", equivalent="XR-200"),
                                   text(" coûte "), tag("TextPlaceholder", 2, "tp1", equivalent="{0}"),
                                   text(" € & plus.")),
         "target_segment": segment("en-GB", text("The "), tag("LockedContent", 1, "lc1", equivalent="XR-200"),
                                   text(" model costs €"), tag("TextPlaceholder", 2, "tp1", equivalent="{0}"),
                                   text(" & more."))},
    ], fields=FIELDS)


def test_a_trados_memory_reads_as_trados_means_it(tmp_path):
    """`tmtool import memory.sdltm` said "export it from Trados as TMX": the memory is now read, its
    languages from the memory's table, its codes as the TMX reader keeps codes, its dates, users and
    fields where the model keeps a TMX unit's, and the file is never written."""
    path = partners_memory(tmp_path / "partenaires.sdltm")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    plain, tagged, locked = read_sdltm(path)
    assert (plain.source, plain.target, plain.srclang, plain.tgtlang, plain.tuid) == (
        "Les partenaires se réunissent à Lyon.", "The partners meet in Lyon.", "fr-FR", "en-GB", "1")
    assert (plain.created, plain.changed) == (datetime(2026, 1, 5, 9, 12, 30, tzinfo=timezone.utc),
                                              datetime(2026, 2, 10, 16, 45, tzinfo=timezone.utc))
    assert plain.props == {
        "@creationid": "PROJ\\ines", "@changeid": "PROJ\\marc", "@lastusagedate": "20260301T110000Z",
        "@usagecount": "4", "x-LastUsedBy": "PROJ\\lea", "x-Remarque:SingleString": "relu",
        "x-Mots-clés:MultipleString": ["réunion", "partenaires"], "x-Lot:Integer": "7",
        "x-Livré le:DateTime": "20260211T080000Z", "x-Client:SinglePicklist": "Ville de Lyon",
        "x-Domaine:MultiplePicklist": ["Transport", "Tourisme"]}
    assert (tagged.source, tagged.target) == ("Cliquez sur Enregistrer puis fermez la fenêtre.",
                                              "Click Save then close the window.")
    assert tagged.source_markup == ('Cliquez sur <bpt i="1" x="1" type="pt12"/>Enregistrer<ept i="1"/> puis fermez '
                                    '<ph x="2" type="pt13"/>la fenêtre.')
    assert "@usagecount" not in tagged.props  # never used
    # locked content is text (a product name), a text placeholder a code holding its text equivalent
    assert (locked.source, locked.target) == ("Le modèle XR-200 coûte  € & plus.", "The XR-200 model costs € & more.")
    assert locked.target_markup == ('The <hi type="x-locked">XR-200</hi> model costs €<ph x="2" type="tp1">{0}</ph>'
                                    ' &amp; more.')

    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        done = api.import_file(store, str(path))
        assert (done["added"], done["languages"]) == (3, {"fr-FR→en-GB": 3})
        [hit] = api.concordance(store, "fenêtre")
        assert hit["target"] == "Click Save then close the window."
        exported = tmp_path / "memory.tmx"
        api.export(store, "tmx", str(exported))
    # what a TMX exported from the store holds is what the memory held: the TMX reader gives the same units
    again = {unit.source: unit for unit in read_tmx(exported)}
    for unit in (plain, tagged, locked):
        back = again[unit.source]
        assert (back.target, back.source_markup, back.target_markup, back.created, back.changed) == (
            unit.target, unit.source_markup, unit.target_markup, unit.created, unit.changed)
        assert {k: v for k, v in back.props.items() if not k.startswith("x-document")} == unit.props
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memory.tmx", "partenaires.sdltm", "tm.db"]


def test_a_memory_reads_as_trados_writes_it(tmp_path):
    """The reader was built from Trados's schema; the memories Trados Studio installs with its sample project
    (as described by those who inspected them) and RWS's own SQLite browser for .sdltm files show the
    shape it writes: a Tag's children Type, Anchor, AlignmentAnchor, TagID, [TextEquivalent,] CanHide, an
    End's AlignmentAnchor 0, numeric TagIDs, the segment with or without its XML declaration, dates as
    ``YYYY-MM-DD hh:mm:ss``, users as ``DOMAIN\\user``. An AlignmentAnchor 0 ties a code to none: it was
    written as ``x="0"``, which would tie every such code of a TMX to the others; it is now no ``x``."""
    path = make_sdltm(tmp_path / "exemple.sdltm", [
        {"source_segment": segment("fr-FR", text("Cette conférence présente le nouveau "), tag("Start", 1, "1"),
                                   text("programme d'éducation"), tag("End", 1, "1"), text(" dévoilé l'an dernier."),
                                   tag("Standalone", 2, "2", alignment=0), declared=False),
         "target_segment": segment("en-GB", text("This conference presents the new "), tag("Start", 1, "1"),
                                   text("education programme"), tag("End", 1, "1"), text(" unveiled last year."),
                                   tag("Standalone", 2, "2", alignment=0), declared=False),
         "creation_date": "2023-02-03 14:19:38", "creation_user": "GLOBAL\\ines", "usage_counter": 3}])
    [unit] = read_sdltm(path)
    assert (unit.source, unit.target) == ("Cette conférence présente le nouveau programme d'éducation dévoilé l'an"
                                          " dernier.", "This conference presents the new education programme unveiled"
                                          " last year.")
    assert unit.target_markup == ('This conference presents the new <bpt i="1" x="1" type="1"/>education programme'
                                  '<ept i="1"/> unveiled last year.<ph type="2"/>')
    assert (unit.created, unit.props["@creationid"], unit.props["@usagecount"]) == (
        datetime(2023, 2, 3, 14, 19, 38, tzinfo=timezone.utc), "GLOBAL\\ines", "3")


def test_the_command_line_imports_a_trados_memory(tmp_path):
    path = partners_memory(tmp_path / "partenaires.sdltm")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 units added (fr-FR→en-GB 3)" in result.output


def test_a_memory_with_a_bad_segment_passes_it_over(tmp_path):
    path = make_sdltm(tmp_path / "m.sdltm", [
        {"source_segment": segment("fr-FR", text("Bonjour.")), "target_segment": segment("en-GB", text("Hello."))},
        {"source_segment": "<Segment><Elements><Text><Value>cassé", "target_segment": segment("en-GB", text("x"))},
        {"source_segment": segment("fr-FR", text("Merci.")), "target_segment": segment("en-GB", text("Thanks.")),
         "creation_date": "mardi dernier"},
    ])
    skipped = []
    assert [unit.target for unit in read_sdltm(path, on_skip=skipped.append)] == ["Hello."]
    assert len(skipped) == 2  # libxml2 words the first its own way
    assert str(skipped[0]).startswith(f"{path}: translation unit 2's source segment is not well-formed XML (")
    assert str(skipped[1]) == f"{path}: translation unit 3: invalid date 'mardi dernier' (expected YYYY-MM-DD hh:mm:ss)"
    with pytest.raises(TmtoolError, match="translation unit 2"):
        list(read_sdltm(path))


@pytest.mark.parametrize("content, message", [
    (b"SQLite format 3\x00" + b"\x00" * 200, "not a readable Trados Studio memory"),
    (b"<tmx version='1.4'/>", "not an SQLite database"),
    (None, "not a Trados Studio memory (it has no translation_memories table)"),
])
def test_a_damaged_or_foreign_database_is_one_line(tmp_path, content, message):
    path = tmp_path / "broken.sdltm"
    if content is None:  # an SQLite database of another program
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
        db.commit()
        db.close()
    else:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", str(path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output


REAL = Path(__file__).parent / "data" / "real"


def package(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def trados_return_package(path, memories: dict[str, bytes] | None = None):
    """A return package as Trados Studio makes one: the project file at its root, each document's
    .sdlxliff under its target language's folder, and ``memories``, the memories sent with it (Trados
    puts a project's file-based memories in a folder of their own, its sample project's ``TMs/``)."""
    return package(path, {
        "Rapport annuel.sdlproj": b'<?xml version="1.0" encoding="utf-8"?><Project Guid="p1" Version="4.0"/>',
        "en-GB/rapport.docx.sdlxliff": (REAL / "trados-studio.sdlxliff").read_bytes(),
        **(memories or {}),
    })


def project_memory(**options) -> bytes:
    """The job's project memory: two segments the .sdlxliff holds confirmed (one with a tag pair, which the
    memory keeps as Trados does, without native code), one the .sdlxliff holds as a Draft copy, and one
    of an earlier job."""
    return sdltm_bytes([
        {"source_segment": segment("fr-FR", text("Le comité s'est réuni à Bruxelles.")),
         "target_segment": segment("en-GB", text("The committee met in Brussels."))},
        {"source_segment": segment("fr-FR", text("Il a adopté le "), tag("Start", 1, "pt1"), text("rapport"),
                                   tag("End", 1, "pt1"), text(" annuel.")),
         "target_segment": segment("en-GB", text("It adopted the annual "), tag("Start", 1, "pt1"), text("report"),
                                   tag("End", 1, "pt1"), text("."))},
        {"source_segment": segment("fr-FR", text("Brouillon ici.")), "target_segment": segment("en-GB", text("Draft here."))},
        {"source_segment": segment("fr-FR", text("Les délégués ont signé l'accord.")),
         "target_segment": segment("en-GB", text("The delegates signed the agreement.")),
         "creation_date": "2025-06-02 14:30:00", "creation_user": "PROJ\\ines"},
    ], **options)


def test_packages_are_read_through_their_bilingual_files(tmp_path, monkeypatch):
    """A memoQ .mqxlz or a Trados .sdlppx/.sdlrpx was refused ("import the files inside it"): its
    bilingual files are read as the XLIFF reader reads them, each unit once, from memory, no file
    written (an upload's copy removed)."""
    sdlrpx = trados_return_package(tmp_path / "rapport.sdlrpx")
    mqxlz = package(tmp_path / "strings.mqxlz", {"document.mqxliff": (REAL / "memoq-ph.mqxliff").read_bytes(),
                                                  "skeleton.zip": b"PK\x05\x06" + b"\x00" * 18})
    from tmtool.formats.packages import read_package
    from tmtool.formats.xliff import read_xliff

    assert list(read_package(mqxlz)) == list(read_xliff(REAL / "memoq-ph.mqxliff"))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        trados = api.import_file(store, str(sdlrpx))
        memoq = api.import_file(store, api.Upload("strings.mqxlz", mqxlz.read_bytes()))
        [hit] = api.concordance(store, "Brussels")
    # the sdlxliff's three confirmed segments (its Draft and empty ones left out, as from the file itself)
    assert (trados["added"], trados["untranslated"], trados["languages"]) == (3, 2, {"fr-FR→en-GB": 3})
    assert (memoq["added"], memoq["languages"]) == (2, {"fr-FR→en-GB": 2})
    assert hit["source"] == "Le comité s'est réuni à Bruxelles."
    assert list(scratch.iterdir()) == []
    for ending in ("sdlppx", "mqxlz"):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), "import",
                                           str(sdlrpx if ending == "sdlppx" else mqxlz)])
        assert result.exit_code == 0 and "units added" in result.output, result.output


def test_a_trados_package_s_memories_are_imported_too(tmp_path, monkeypatch):
    """A Trados package's memories (.sdltm) were left out: only its .sdlxliff files were read. They are
    now read too, from memory (SQLite's deserialize, writes refused: nothing unpacked, no temporary file),
    after the bilingual files. A segment the .sdlxliff confirmed and the memory holds as well is imported
    once, as the .sdlxliff has it (its codes hold their native code, which a memory does not keep),
    the memory's copy counted as a unit the package repeats; the memory's translation of a segment the
    .sdlxliff holds as a Draft is imported. (The package: a return package's layout, see trados_return_package;
    the memory: tests/trados.py, Trados's tables and segment XML.)"""
    sdlppx = trados_return_package(tmp_path / "rapport.sdlppx",
                                   {"Tms/Rapport annuel-fr-FR-en-GB.sdltm": project_memory()})
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        done = api.import_file(store, str(sdlppx))
        units = {unit.source: unit for unit in store.units()}
    assert (done["added"], done["already_stored"], done["repeated"], done["untranslated"], done["languages"]) == (
        5, 0, 2, 2, {"fr-FR→en-GB": 5})
    assert sorted(units) == ["Brouillon ici.", "Il a adopté le rapport annuel.", "Le comité s'est réuni à Bruxelles.",
                             "Le rapport final.", "Les délégués ont signé l'accord."]
    assert units["Brouillon ici."].target == "Draft here."
    assert "&lt;cf bold=" in units["Il a adopté le rapport annuel."].source_markup  # the .sdlxliff's code
    assert units["Les délégués ont signé l'accord."].created == datetime(2025, 6, 2, 14, 30, tzinfo=timezone.utc)
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.sdlppx", "scratch", "tm.db"]
    # a package holding a memory only; a memory in WAL mode (which SQLite reads from memory as a legacy one)
    wal = tmp_path / "wal.sdltm"
    wal.write_bytes(project_memory())
    db = sqlite3.connect(wal)
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    assert wal.read_bytes()[18:20] == b"\x02\x02"
    only = package(tmp_path / "tm-only.sdlppx", {"Tms/wal.sdltm": wal.read_bytes()})
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "cli.db"), "import", str(only)])
    assert result.exit_code == 0 and "4 units added" in result.output, result.output


def test_a_package_s_damaged_memory_is_one_line(tmp_path, monkeypatch):
    """A memory in a package that cannot be read is one line naming the package and the memory; a unit
    it passes over names them too, and with --strict refuses the package."""
    cases = {
        "Tms/vide.sdltm": (b"SQLite format 3\x00" + b"\x00" * 200, "Tms/vide.sdltm: not a readable Trados Studio memory ("),
        "Tms/texte.sdltm": (b"<tmx version='1.4'/>", "Tms/texte.sdltm: not a Trados Studio memory (.sdltm): not an"
                                                      " SQLite database"),
        "fr-FR/autre.sdltm": (None, "fr-FR/autre.sdltm: an SQLite database, but not a Trados Studio memory"),
    }
    other = sqlite3.connect(":memory:")  # another program's database
    other.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
    cases["fr-FR/autre.sdltm"] = (other.serialize(), cases["fr-FR/autre.sdltm"][1])
    for number, (member, (content, message)) in enumerate(cases.items()):
        path = trados_return_package(tmp_path / f"p{number}.sdlrpx", {member: content})
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", str(path)])
        assert result.exit_code == 1 and "Traceback" not in result.output, (member, result.output)
        assert result.output.startswith(f"tmtool: error: {path}: {message}"), result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
    broken = sdltm_bytes([
        {"source_segment": segment("fr-FR", text("Bonjour.")), "target_segment": segment("en-GB", text("Hello."))},
        {"source_segment": "<Segment><Elements><Text><Value>cassé", "target_segment": segment("en-GB", text("x"))}])
    path = trados_return_package(tmp_path / "skip.sdlppx", {"Tms/m.sdltm": broken})
    skipped = []
    from tmtool.formats import packages

    assert [unit.source for unit in packages.read_package(path, on_skip=skipped.append)][-1] == "Bonjour."
    assert [str(one) for one in skipped] == [f"{path}: Tms/m.sdltm: translation unit 2's source segment is not"
                                             f" well-formed XML ({skipped[0].reason.partition('XML (')[2]}"]
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", "--strict", str(path)])
    assert result.exit_code == 1 and result.output.startswith(
        f"tmtool: error: {path}: Tms/m.sdltm: translation unit 2's source segment"), result.output
    # the memories count towards what a package may unzip to
    memory_only = package(tmp_path / "m.sdlppx", {"Tms/m.sdltm": project_memory()})
    monkeypatch.setattr(packages, "PACKAGE_LIMIT", len(project_memory()) - 1)
    with pytest.raises(TmtoolError, match="refused as a ZIP bomb"):
        list(packages.read_package(memory_only))


def test_a_member_s_name_leads_nowhere(tmp_path):
    """Nothing is unpacked: a member named to climb out of a folder (zip-slip) is read from memory."""
    work = tmp_path / "work"
    work.mkdir()
    path = package(work / "job.sdlppx", {"../../escaped.sdlxliff": (REAL / "trados-studio.sdlxliff").read_bytes(),
                                         "/abs/other.mqxliff": (REAL / "memoq-ph.mqxliff").read_bytes(),
                                         "../../../Tms/escaped.sdltm": project_memory()})
    result = CliRunner().invoke(main, ["--db", str(work / "tm.db"), "import", str(path)])
    assert result.exit_code == 0 and "7 units added" in result.output, result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["job.sdlppx", "tm.db", "work"]


def test_a_damaged_package_is_one_line(tmp_path, monkeypatch):
    whole = trados_return_package(tmp_path / "whole.sdlrpx").read_bytes()
    cases = {
        "cut.sdlrpx": (whole[: len(whole) // 2], "not a readable package (a ZIP archive)"),
        "empty.mqxlz": (package(tmp_path / "e.zip", {"skeleton.xml": b"<x/>"}).read_bytes(),
                        "a package holding no bilingual file"),
        "broken.sdlppx": (package(tmp_path / "b.zip", {"fr-FR/a.sdlxliff": b"<xliff version='1.2'><file"}).read_bytes(),
                          "fr-FR/a.sdlxliff, line 1: "),
    }
    # a member's compressed bytes damaged: its check fails as it is read
    marker = (REAL / "trados-studio.sdlxliff").read_bytes()
    damaged = bytearray(package(tmp_path / "d.zip", {"fr-FR/a.sdlxliff": marker * 4}).read_bytes())
    damaged[60:70] = b"\xff" * 10
    cases["damaged.sdlrpx"] = (bytes(damaged), "a damaged package: fr-FR/a.sdlxliff cannot be read")
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", str(path)])
        assert result.exit_code == 1 and "Traceback" not in result.output, (name, result.output)
        assert result.output.startswith(f"tmtool: error: {path}: ") and message in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
    # a unit passed over, with --strict the package refused, the member and its line named once
    lenient = package(tmp_path / "lenient.mqxlz", {"document.mqxliff": (REAL / "xliff-1.1-no-namespace.xlf").read_bytes()})
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "tm.db"), "import", "--strict", str(lenient)])
    assert result.output == (f"tmtool: error: {lenient}: document.mqxliff, line 11: a <trans-unit> without"
                             " <source>\n"), result.output
    from tmtool.formats import packages

    monkeypatch.setattr(packages, "PACKAGE_LIMIT", 1000)
    with pytest.raises(TmtoolError, match="refused as a ZIP bomb"):
        list(packages.read_package(tmp_path / "whole.sdlrpx"))


def test_a_colleague_s_store_imported_says_how_to_bring_what_it_holds_in(store_url, tmp_path):
    # `tmtool import ana.db`: "an SQLite database, but not a Trados Studio memory (it has no translation_memories
    # table)", which said nothing of the way to bring a tmtool store's memory and glossary in
    colleague = tmp_path / "ana.db"
    memory = partners_memory(tmp_path / "Partenaires.sdltm")
    for args in (("import", memory), ("glossary", "add", "partenaire", "partner", "--status", "approved")):
        assert CliRunner().invoke(main, ["--db", str(colleague), *map(str, args)]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", store_url, "import", str(colleague)])
    assert (result.exit_code, result.stderr) == (1, (
        f"tmtool: error: {colleague}: a tmtool store, not a Trados Studio memory: import what it exports (tmtool --db"
        f" {colleague} export tmx --langs all -o memory.tmx, and export tbx --langs all --status all -o glossary.tbx),"
        f" or copy it whole into a new store (tmtool db copy {colleague} NEW.db)\n"))
    for args in (("--db", colleague, "export", "tmx", "--langs", "all", "-o", tmp_path / "memory.tmx"),
                 ("--db", colleague, "export", "tbx", "--langs", "all", "--status", "all", "-o", tmp_path / "glossary.tbx"),
                 ("--db", store_url, "import", tmp_path / "memory.tmx"),
                 ("--db", store_url, "import", tmp_path / "glossary.tbx")):
        assert CliRunner().invoke(main, list(map(str, args))).exit_code == 0, args
    looked_up = CliRunner().invoke(main, ["--db", store_url, "lookup", "partenaire"]).stdout
    assert looked_up.startswith("partenaire  =  partner   [approved; exact;")
