"""Files shaped like those CAT tools and other projects write (tests/data/real, see its README): read
in every language they hold, their inline codes kept, and a unit or entry that cannot be used passed
over and reported with its line — or, with ``import --strict``, the file refused whole."""

from __future__ import annotations

import io
import logging
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, isoschematron

from conftest import REPO, SHARED
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.formats.multiterm import read_multiterm
from tmtool.formats.po import read_po
from tmtool.formats.tabular import read_csv, read_tsv
from tmtool.formats.tbx import read_tbx
from tmtool.formats.tmx import read_tmx
from tmtool.formats.wordfast import read_wordfast
from tmtool.formats.xliff import is_untranslated, read_xliff
from tmtool.model import ReviewStatus, TermType, Unit, UsageStatus, Variant
from tmtool.store import open_store

REAL = REPO / "tests" / "data" / "real"
LTAC = SHARED / "schemas" / "tbx" / "examples"


def memory_header(**attributes: str) -> dict[str, str]:
    """The props keeping what a TMX header's attributes said of its memory (``o_tmf`` for ``o-tmf``)."""
    return {"x-tmx-header:@" + name.replace("_", "-"): value for name, value in attributes.items()}


def read_all(reader, path: Path, **options) -> tuple[list, list[str]]:
    """What ``reader`` gives, and the skip notices it gave on the way."""
    skipped = []
    items = list(reader(path, on_skip=skipped.append, **options))
    return items, [str(notice) for notice in skipped]


def tmtool(db: Path, *args) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


# ---- TMX ----


def test_a_tu_without_its_source_tuv_is_passed_over_and_further_languages_are_variants():
    path = REAL / "omegat-tmx11-missing-source.tmx"
    units, skipped = read_all(read_tmx, path)
    assert skipped == [f"{path}:23: no source tuv: no <tuv> in the source language en"]
    assert [(u.srclang, u.source, u.tgtlang, u.target, u.variants) for u in units] == [
        ("en", "Open the file.", "fr", "Ouvrez le fichier.", []),
        ("en", "Save the file.", "es", "Guarde el archivo.", [Variant("fr", "Enregistrez le fichier.")]),
        ("en-GB", "Print the file.", "es", "Imprima el archivo.", [Variant("fr", "Imprimez le fichier.")]),
    ]
    # a target language asked for picks that tuv; the first non-source one becomes a variant
    units, _ = read_all(read_tmx, path, tgtlang="fr")
    assert [(u.target, u.variants) for u in units][1] == (
        "Enregistrez le fichier.", [Variant("es", "Guarde el archivo.")])


def test_import_reports_the_skipped_tu_and_counts_units_per_language_pair(tmp_path):
    path = REAL / "omegat-tmx11-missing-source.tmx"
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "3 units added (en→es 1, en→fr 1, en-GB→es 1), 0 already stored, "
                              f"0 untranslated skipped, 1 skipped: {path}:23: no source tuv: no <tuv> in the source language en\n")


def test_strict_import_refuses_the_file_and_creates_no_store(tmp_path):
    path = REAL / "omegat-tmx11-missing-source.tmx"
    code, out, err = tmtool(tmp_path / "t.db", "import", path, "--strict")
    assert (code, out) == (1, "")
    assert err == f"tmtool: error: {path}:23: no source tuv: no <tuv> in the source language en\n"
    assert not (tmp_path / "t.db").exists()


def test_a_tmx_without_version_in_four_languages():
    units, skipped = read_all(read_tmx, REAL / "ttk-no-version-four-languages.tmx")
    assert skipped == []
    assert [(u.srclang, u.tgtlang, u.target, u.variants) for u in units] == [
        ("en-US", "en-GB", "Colour settings",
         [Variant("fr", "Paramètres de couleur"), Variant("sr", "Подешавања боја")]),
        ("en-US", "fr", "Gris", []),  # an empty <seg> translates nothing: the next language is the target
    ]


def test_the_source_is_the_tuv_the_tu_names_in_srclang(tmp_path):
    path = REAL / "heartsome-tu-srclang.tmx"
    units, skipped = read_all(read_tmx, path)
    assert [(u.tuid, u.srclang, u.source) for u in units] == [
        ("1", "fr-FR", "Le comité s’est réuni à Bruxelles."),
        ("2", "en-GB", "The plan was approved."),
        ("3", "fr-FR", "Sans langue source désignée."),  # header srclang="*all*": the first tuv
    ]
    assert skipped == [f"{path}:19: no source tuv: no <tuv> in the source language de-DE"]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out.startswith("3 units added (fr-FR→en-GB 2, en-GB→fr-FR 1), 0 already stored, ")


def test_trados_props_repeated_on_tuvs_and_tu_attributes_are_kept_and_written_back(tmp_path):
    path = REAL / "trados-studio.tmx"
    units, skipped = read_all(read_tmx, path)
    assert skipped == []
    header = {"x-tmx-header:x-Recognizers": "RecognizeAll", "x-tmx-header:x-Client:MultiplePicklist": "Défense",
              **memory_header(creationtool="SDL Language Platform", creationtoolversion="8.1", o_tmf="SDL TM8 Format",
                              segtype="sentence", adminlang="en-GB", datatype="xml", creationdate="20241105T093000Z",
                              creationid="EXAMPLE\\clambert")}
    assert [u.props for u in units] == [
        {"x-LastUsedBy": "EXAMPLE\\pmorel", "x-Origin": "TM", "x-ConfirmationLevel": "ApprovedTranslation",
         "x-Client:MultiplePicklist": ["Défense", "Logistique"], "@creationid": "EXAMPLE\\clambert",
         "@changeid": "EXAMPLE\\pmorel", "@lastusagedate": "20241107T080000Z", "@usagecount": "3", **header},
        {"x-Note": "terme validé par le client", "@creationid": "EXAMPLE\\clambert", **header},  # the source tuv's prop
    ]
    db, out = tmp_path / "t.db", tmp_path / "out.tmx"
    tmtool(db, "import", path)
    assert tmtool(db, "export", "tmx", "-o", out)[0] == 0
    written = out.read_text(encoding="utf-8")
    assert ('<tu creationdate="20241105T093000Z" changedate="20241106T101500Z" changeid="EXAMPLE\\pmorel" '
            'creationid="EXAMPLE\\clambert" lastusagedate="20241107T080000Z" usagecount="3">') in written
    assert [u.props for u in read_tmx(out)] == [u.props for u in units]


def _trados_tu(level: str, fr: str, en: str) -> str:
    """A <tu> as Trados Studio exports it: the segment's confirmation level (Sdl.Core.Globalization's
    ConfirmationLevel) as the prop x-ConfirmationLevel, beside x-LastUsedBy and x-Origin."""
    return (f'    <tu creationdate="20241105T093000Z" creationid="EXAMPLE\\clambert" changedate="20241106T101500Z"'
            f' changeid="EXAMPLE\\pmorel">\n      <prop type="x-LastUsedBy">EXAMPLE\\pmorel</prop>\n'
            f'      <prop type="x-Origin">TM</prop>\n      <prop type="x-ConfirmationLevel">{level}</prop>\n'
            f'      <tuv xml:lang="fr-FR">\n        <seg>{fr}</seg>\n      </tuv>\n'
            f'      <tuv xml:lang="en-GB">\n        <seg>{en}</seg>\n      </tuv>\n    </tu>\n')


def test_trados_draft_and_rejected_tmx_units_are_left_out_and_counted(tmp_path):
    """Trados Studio exports its memory's confirmation level as ``x-ConfirmationLevel`` and its own TMX import
    can leave out the draft ones (RWS studio-api-docs, importing a TMX file: ``ImportSettings.ConfirmationLevels``):
    a Draft, RejectedTranslation or RejectedSignOff unit was stored as a translation. Left out, the summary says so;
    one without level (Trados 2007, other tools) or translated, approved or signed off is a translation."""
    path = tmp_path / "studio.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language Platform"'
        ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
        ' srclang="fr-FR" creationdate="20241105T093000Z" creationid="EXAMPLE\\clambert"/>\n  <body>\n'
        + _trados_tu("Translated", "Le convoi part.", "The convoy leaves.")
        + _trados_tu("Draft", "La séance est levée.", "The meeting is lifted.")
        + _trados_tu("ApprovedTranslation", "Le comité se réunit.", "The committee meets.")
        + _trados_tu("RejectedTranslation", "Le navire appareille.", "The ship equips.")
        + _trados_tu("ApprovedSignOff", "La frégate rentre.", "The frigate returns.")
        + _trados_tu("RejectedSignOff", "Le char avance.", "The tank advances slow.")
        + '    <tu><tuv xml:lang="fr-FR"><seg>Sans traduction.</seg></tuv></tu>\n'
        + '    <tu><tuv xml:lang="fr-FR"><seg>Sans niveau.</seg></tuv><tuv xml:lang="en-GB"><seg>No level.</seg></tuv></tu>\n'
        '  </body>\n</tmx>\n', encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, _ = tmtool(db, "import", path)
    assert (code, out) == (0, "4 units added (fr-FR→en-GB 4), 0 already stored, 1 untranslated skipped, "
                              "3 not confirmed skipped\n")
    with open_store(str(db)) as store:
        assert sorted(u.target for u in store.units()) == [
            "No level.", "The committee meets.", "The convoy leaves.", "The frigate returns."]


def test_a_tmx_unit_with_two_confirmation_levels_is_left_out_when_either_is_not_confirmed(tmp_path):
    """A <tu> whose confirmation level appears twice with two values (on the <tu> and again on a <tuv>, as a tool
    repeating a unit's props on its variants writes it, after a review changed one) holds both as a list: the test
    of a level raised a TypeError, the import a traceback. A level that is not confirmed, either, leaves it out."""
    path = tmp_path / "studio.tmx"
    two_levels = _trados_tu("Translated", "La séance est levée.", "The meeting is lifted.").replace(
        '<tuv xml:lang="en-GB">', '<tuv xml:lang="en-GB">\n        <prop type="x-ConfirmationLevel">Draft</prop>')
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language Platform"'
        ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
        ' srclang="fr-FR"/>\n  <body>\n' + _trados_tu("Translated", "Le convoi part.", "The convoy leaves.") + two_levels
        + '  </body>\n</tmx>\n', encoding="utf-8")
    code, out, err = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                              "1 not confirmed skipped\n"), err


def test_matecat_unconfirmed_tmx_units_are_left_out(tmp_path):
    """MateCat's TMX export of a job writes every segment's status as ``x-MateCAT-status`` and, unless asked to
    hide them, the targets of segments not confirmed too (NEW, DRAFT, REJECTED): those are no translations."""
    path = tmp_path / "job.tmx"
    units = "".join(
        f'\n    <tu tuid="{n}" creationdate="20240312T101500Z" datatype="plaintext" srclang="fr-FR">\n'
        f'        <prop type="x-MateCAT-id_job">7</prop>\n        <prop type="x-MateCAT-status">{status}</prop>\n'
        f'        <prop type="x-context-pre"></prop>\n        <prop type="x-context-post"></prop>\n'
        f'        <tuv xml:lang="fr-FR">\n            <seg>{fr}</seg>\n        </tuv>\n'
        f'        <tuv xml:lang="en-GB">\n            <seg>{en}</seg>\n        </tuv>\n    </tu>\n'
        for n, (status, fr, en) in enumerate([("TRANSLATED", "Le convoi part.", "The convoy leaves."),
                                              ("DRAFT", "La séance est levée.", "The sitting lifts."),
                                              ("APPROVED", "Le comité se réunit.", "The committee meets."),
                                              ("REJECTED", "Le navire appareille.", "The ship equips."),
                                              ("NEW", "Le char avance.", "Le char avance.")], 1))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n    <header creationtool="Matecat-Cattool"'
                    ' creationtoolversion="3.0" o-tmf="Matecat" datatype="plaintext" segtype="sentence" adminlang="en-US"'
                    f' srclang="fr-FR"/>\n    <body>{units}    </body>\n</tmx>', encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 0 untranslated skipped, "
                              "3 not confirmed skipped\n")


MEMOQ_HEADER_TMX = (
    '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n<header creationtool="MemoQ" creationtoolversion="9.12.8"'
    ' segtype="sentence" adminlang="en-us" creationid="clambert" srclang="fr-fr" o-tmf="MemoQTM" datatype="unknown">\n'
    '  <prop type="defclient">OTAN</prop>\n  <prop type="defdomain">Défense</prop>\n'
    '  <prop type="targetlang">en-gb</prop>\n  <prop type="name">OTAN_FR_EN</prop>\n'
    '  <note>Mémoire validée par le client.</note>\n</header>\n<body>\n'
    '  <tu changedate="20241017T092614Z" creationdate="20241016T091130Z" creationid="clambert" changeid="pmorel">\n'
    '    <prop type="client">OTAN</prop>\n    <prop type="x-document">communique.docx</prop>\n'
    '    <tuv xml:lang="fr-fr"><seg>Le convoi part.</seg></tuv>\n'
    '    <tuv xml:lang="en-gb"><seg>The convoy leaves.</seg></tuv>\n  </tu>\n'
    '  <tu creationdate="20241016T091200Z" creationid="clambert">\n'
    '    <tuv xml:lang="fr-fr"><seg>La frégate rentre.</seg></tuv>\n'
    '    <tuv xml:lang="en-gb"><seg>The frigate returns.</seg></tuv>\n  </tu>\n</body>\n</tmx>\n')
MEMOQ_HEADER_ATTRIBUTES = memory_header(creationtool="MemoQ", creationtoolversion="9.12.8", segtype="sentence",
                                        adminlang="en-us", creationid="clambert", o_tmf="MemoQTM", datatype="unknown")
STUDIO_HEADER_TMX = (  # Trados's fields' definitions, over lines; two notes
    '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language Platform"'
    ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
    ' srclang="fr-FR">\n    <prop type="x-Recognizers">RecognizeAll</prop>\n'
    '    <prop type="x-Client:MultiplePicklist">OTAN\n      UE</prop>\n    <note>Mémoire du projet.</note>\n'
    '    <note>Revue en 2024.</note>\n  </header>\n  <body>\n'
    '    <tu><tuv xml:lang="fr-FR"><seg>Le char avance.</seg></tuv><tuv xml:lang="en-GB"><seg>The tank advances.'
    '</seg></tuv></tu>\n  </body>\n</tmx>\n')


def _valid_tmx(path: Path) -> etree._Element:
    tree = etree.parse(str(path))
    for validator in (etree.DTD(str(SHARED / "schemas" / "tmx" / "tmx14.dtd")),
                      etree.XMLSchema(etree.parse(str(SHARED / "schemas" / "tmx" / "tmx14.xsd")))):
        assert validator.validate(tree), validator.error_log.filter_from_errors()
    return tree.getroot()


def _header_of(root: etree._Element) -> list[tuple[str, str | None, str]]:
    return [(e.tag, e.get("type"), e.text) for e in root.find("header")]


def test_what_a_tmx_header_says_of_its_memory_is_kept_and_written_back(tmp_path):
    """A TMX header's props and notes describe the memory: memoQ writes its name and default client (``name``,
    ``defclient`` …), Trados its fields' definitions and recognisers (``x-Client:MultiplePicklist``,
    ``x-Recognizers``). They were said in a notice and dropped: an export of the same units lost them. Each unit
    keeps its memory's (``x-tmx-header:TYPE``, ``x-tmx-header-note``); the export of one memory's units has them
    in its header again, as written, and one mixing memories that said different things has them on each unit,
    read back the same. Every export stays valid TMX."""
    memoq, studio = tmp_path / "memoq.tmx", tmp_path / "studio.tmx"
    memoq.write_text(MEMOQ_HEADER_TMX, encoding="utf-8")
    studio.write_text(STUDIO_HEADER_TMX, encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, err = tmtool(db, "import", memoq)
    assert (code, out, err) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 0 untranslated skipped\n", "")
    first, _ = read_tmx(memoq)
    assert first.props == {"client": "OTAN", "x-document": "communique.docx", "@creationid": "clambert",
                           "@changeid": "pmorel", "x-tmx-header:defclient": "OTAN", "x-tmx-header:defdomain": "Défense",
                           "x-tmx-header:targetlang": "en-gb", "x-tmx-header:name": "OTAN_FR_EN",
                           "x-tmx-header-note": "Mémoire validée par le client.", **MEMOQ_HEADER_ATTRIBUTES}
    one = tmp_path / "one.tmx"
    assert tmtool(db, "export", "tmx", "-o", one)[0] == 0
    root = _valid_tmx(one)
    said = [("prop", "x-original-creationtool", "MemoQ"), ("prop", "x-original-creationtoolversion", "9.12.8"),
            ("prop", "defclient", "OTAN"), ("prop", "defdomain", "Défense"), ("prop", "targetlang", "en-gb"),
            ("prop", "name", "OTAN_FR_EN"), ("note", None, "Mémoire validée par le client.")]
    assert _header_of(root)[:2] == said[:2]  # the memory's tool first
    assert sorted(_header_of(root)[2:6]) == sorted(said[2:6]) and _header_of(root)[6:] == said[6:]  # the store orders props
    assert [[p.get("type") for p in tu.iter("prop")] for tu in root.iter("tu")] == [["client", "x-document"], []]
    again = tmp_path / "again.db"  # read back and written again: the same header
    assert tmtool(again, "import", one)[0] == 0
    assert tmtool(again, "export", "tmx", "-o", tmp_path / "two.tmx")[0] == 0
    assert sorted(_header_of(_valid_tmx(tmp_path / "two.tmx"))) == sorted(said)

    assert tmtool(db, "import", studio)[0] == 0
    mixed = tmp_path / "mixed.tmx"
    assert tmtool(db, "export", "tmx", "-o", mixed)[0] == 0
    root = _valid_tmx(mixed)
    assert _header_of(root) == []  # two memories, each its own
    assert [sorted((p.get("type"), p.text) for p in tu.iter("prop")
                   if p.get("type").startswith("x-tmx-header") and not p.get("type").startswith("x-tmx-header:@"))
            for tu in root.iter("tu")] == [
        [("x-tmx-header-note", "Mémoire validée par le client."), ("x-tmx-header:defclient", "OTAN"),
         ("x-tmx-header:defdomain", "Défense"), ("x-tmx-header:name", "OTAN_FR_EN"),
         ("x-tmx-header:targetlang", "en-gb")]] * 2 + [
        [("x-tmx-header-note", "Mémoire du projet."), ("x-tmx-header-note", "Revue en 2024."),
         ("x-tmx-header:x-Client:MultiplePicklist", "OTAN\n      UE"), ("x-tmx-header:x-Recognizers", "RecognizeAll")]]
    with open_store(str(db)) as store:
        stored = {u.source: u.props for u in store.units()}
    assert {u.source: u.props for u in read_tmx(mixed)} == stored
    assert stored["Le char avance."] == {
        "x-tmx-header:x-Recognizers": "RecognizeAll", "x-tmx-header:x-Client:MultiplePicklist": "OTAN\n      UE",
        "x-tmx-header-note": ["Mémoire du projet.", "Revue en 2024."],
        **memory_header(creationtool="SDL Language Platform", creationtoolversion="8.1", o_tmf="SDL TM8 Format",
                        datatype="xml", segtype="sentence", adminlang="en-GB")}


# memoQ's TMX export of a memory with context (ContexTM): a unit's fields on the <tu> (client, project, domain and
# subject, blank when unset; corrected, aligned; the document it was translated in), the text around its source on
# the source <tuv> as memoQ's segments, escaped (x-context-pre, x-context-post), as memoQ 2014–9.x write them
MEMOQ_CONTEXT_TMX = (
    '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n<header creationtool="MemoQ"'
    ' creationtoolversion="9.12.8" segtype="sentence" adminlang="en-us" creationid="clambert" srclang="fr-fr"'
    ' o-tmf="MemoQTM" datatype="unknown">\n  <prop type="defclient">OTAN</prop>\n  <prop type="defproject"> </prop>\n'
    '  <prop type="targetlang">en-gb</prop>\n  <prop type="name">OTAN_FR_EN</prop>\n</header>\n<body>\n'
    '  <tu changedate="20241017T092614Z" creationdate="20241016T091130Z" creationid="clambert" changeid="pmorel">\n'
    '    <prop type="client">OTAN</prop>\n    <prop type="project">Sommet 2024</prop>\n'
    '    <prop type="domain">Défense</prop>\n    <prop type="subject"> </prop>\n'
    '    <prop type="corrected">no</prop>\n    <prop type="aligned">no</prop>\n'
    '    <prop type="x-document">communique.docx</prop>\n    <tuv xml:lang="fr-fr">\n'
    '      <prop type="x-context-pre">&lt;seg&gt;Le sommet s\'ouvre.&lt;/seg&gt;</prop>\n'
    '      <prop type="x-context-post">&lt;seg&gt;La frégate rentre.&lt;/seg&gt;</prop>\n'
    '      <seg>Le convoi part.</seg>\n    </tuv>\n'
    '    <tuv xml:lang="en-gb">\n      <seg>The convoy leaves.</seg>\n    </tuv>\n  </tu>\n</body>\n</tmx>\n')


def test_memoq_s_context_goes_back_on_the_source_tuv_where_memoq_reads_it(tmp_path):
    """memoQ keeps the segments around a unit's source (its ContexTM: a 101% match is one whose neighbours match
    too) on the source <tuv>, and reads them from there. tmtool kept them, but wrote them on the <tu>, where memoQ
    does not look: a memory sent back to memoQ had lost every context. They go back where memoQ wrote them; its
    fields stay on the <tu>."""
    path = tmp_path / "memoq.tmx"
    path.write_text(MEMOQ_CONTEXT_TMX, encoding="utf-8")
    [unit] = read_tmx(path)
    assert (unit.props["x-context-pre"], unit.props["x-context-post"], unit.props["x-document"]) == (
        "<seg>Le sommet s'ouvre.</seg>", "<seg>La frégate rentre.</seg>", "communique.docx")
    db, out = tmp_path / "t.db", tmp_path / "out.tmx"
    assert tmtool(db, "import", path)[0] == 0 and tmtool(db, "export", "tmx", "-o", out)[0] == 0
    root = _valid_tmx(out)
    [tu] = root.iter("tu")
    [source, target] = tu.findall("tuv")
    assert [(p.get("type"), p.text) for p in source.findall("prop")] == [
        ("x-context-post", "<seg>La frégate rentre.</seg>"), ("x-context-pre", "<seg>Le sommet s'ouvre.</seg>")]
    assert target.findall("prop") == []
    assert [p.get("type") for p in tu.findall("prop")] == [
        "aligned", "client", "corrected", "domain", "project", "subject", "x-document"]
    assert [u.props for u in read_tmx(out)] == [unit.props]


# the same sentence translated alike in two places of one document: memoQ keeps a unit for each context (a 101%
# match is one whose neighbours match too), one written after the other in its TMX export
MEMOQ_TWO_CONTEXTS_TMX = MEMOQ_CONTEXT_TMX.replace("  </tu>\n</body>", (
    '  </tu>\n  <tu changedate="20241017T093000Z" creationdate="20241016T091500Z" creationid="clambert">\n'
    '    <prop type="x-document">communique.docx</prop>\n    <tuv xml:lang="fr-fr">\n'
    '      <prop type="x-context-pre">&lt;seg&gt;La frégate rentre.&lt;/seg&gt;</prop>\n'
    '      <prop type="x-context-post">&lt;seg&gt;Le sommet se clôt.&lt;/seg&gt;</prop>\n'
    '      <seg>Le convoi part.</seg>\n    </tuv>\n'
    '    <tuv xml:lang="en-gb">\n      <seg>The convoy leaves.</seg>\n    </tuv>\n  </tu>\n</body>'))


def _contexts(units) -> list[tuple]:
    return sorted((u.source, u.target, tuple(u.prop_values("x-context-pre")), tuple(u.prop_values("x-context-post")))
                  for u in units)


def test_memoq_units_of_the_same_texts_in_two_contexts_stay_two(store_url, tmp_path):
    """memoQ writes a unit for each context a sentence was translated in (its ContexTM), the texts alike: the
    import took the second for the first already stored, so that its context was lost and the memory written
    back had one unit where memoQ's had two. They are two units, on both backends; the same memory imported
    again adds nothing, and written back it holds both units with their contexts, as memoQ wrote them."""
    from tmtool import transfer

    path, out = tmp_path / "memoq.tmx", tmp_path / "out.tmx"
    path.write_text(MEMOQ_TWO_CONTEXTS_TMX, encoding="utf-8")
    read = list(read_tmx(path))
    assert len(read) == 2
    with open_store(store_url, create=True) as store:
        first = transfer.import_file(store, path)
        again = transfer.import_file(store, path)
        assert (first.added, first.already_stored) == (2, 0)
        assert (again.added, again.already_stored) == (0, 2)
        assert _contexts(store.units()) == _contexts(read)
        transfer.export_store(store, "tmx", out)
        back = transfer.import_file(store, out)  # what it wrote is what it holds
        assert (back.added, back.already_stored) == (0, 2)
    _valid_tmx(out)
    written = list(read_tmx(out))
    assert _contexts(written) == _contexts(read)
    assert sorted(repr(sorted(u.props.items())) for u in written) == sorted(repr(sorted(u.props.items())) for u in read)


def test_memoq_s_contexts_go_through_an_xliff_export_and_back(store_url, tmp_path):
    """``export xliff`` wrote no context: the memoQ units of the same texts in two contexts came back as one
    unit without any, which the store (telling units apart by their context) added as a third, and each
    memoQ unit exported and imported again was added again. The XLIFF holds each unit's context
    (a ``context-group``, as XLIFF 1.2 keeps what surrounds a unit); read back, the units are those stored."""
    from tmtool import transfer
    from tmtool.formats.xliff import read_xliff

    path, out = tmp_path / "memoq.tmx", tmp_path / "out.xlf"
    path.write_text(MEMOQ_TWO_CONTEXTS_TMX, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        assert transfer.import_file(store, path).added == 2
        transfer.export_store(store, "xliff", out)
        back = transfer.import_file(store, out)
        assert (back.added, back.already_stored) == (0, 2)
        assert _contexts(store.units()) == _contexts(read_tmx(path))
    assert _contexts(read_xliff(out)) == _contexts(read_tmx(path))


def test_a_store_that_merged_memoq_s_contexts_keeps_them_apart_once_upgraded(store_url, tmp_path, monkeypatch):
    """A store made by the release before holds a memoQ unit with its context under a key that ignores the
    context (the other context's unit was merged into it). Upgraded, it finds that unit again when the memory is
    imported again, and adds the one it had lost, rather than a second copy of the first."""
    from tmtool import transfer
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.records import unit_content_key
    from tmtool.store.sqlite import migrations

    one, both = tmp_path / "one.tmx", tmp_path / "both.tmx"
    one.write_text(MEMOQ_CONTEXT_TMX, encoding="utf-8")
    both.write_text(MEMOQ_TWO_CONTEXTS_TMX, encoding="utf-8")
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(
        migrations._context_keys)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._context_keys)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    [unit] = read_tmx(one)
    unit.props = {}
    with open_store(store_url, create=True) as old:  # the key the release before gave it: its texts' alone
        assert transfer.import_file(old, one).added == 1
        run = old._conn.execute if hasattr(old, "_conn") else old._pg.execute
        with old.transaction():
            run("UPDATE units SET content_key = " + ("?" if hasattr(old, "_conn") else "%s"), (unit_content_key(unit),))
    monkeypatch.undo()

    def interrupted(rows, variants):  # the upgrade stopped on the way (Ctrl-C, a crash): nothing of it is kept
        raise KeyboardInterrupt

    monkeypatch.setattr("tmtool.store.rows.context_keys", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_store(store_url)
    monkeypatch.undo()
    with open_store(store_url) as store:
        result = transfer.import_file(store, both)
        assert (result.added, result.already_stored) == (1, 1)
        assert _contexts(store.units()) == _contexts(read_tmx(both))
        run = store._conn.execute if hasattr(store, "_conn") else store._pg.execute
        keys = sorted(run("SELECT content_key FROM units").fetchall())
        with store.transaction():  # made from the units' texts: once more changes nothing
            (migrations._context_keys(store._conn) if hasattr(store, "_conn") else schema._context_keys(store._pg))
        assert sorted(run("SELECT content_key FROM units").fetchall()) == keys


def test_a_memoq_unit_came_from_the_document_memoq_names(store_url, tmp_path):
    """memoQ names the document each unit was translated in (``x-document``); a concordance and a look-up said
    the units came from the .tmx file, which was only the memory's way here. They name memoQ's document; a unit
    of a file that names none, its file."""
    from tmtool import api, transfer

    memoq, plain = tmp_path / "memoq.tmx", tmp_path / "plain.tmx"
    memoq.write_text(MEMOQ_CONTEXT_TMX, encoding="utf-8")
    plain.write_text(MEMOQ_CONTEXT_TMX.replace("communique.docx", " ").replace("Le convoi part.", "Le convoi arrive.")
                     .replace("leaves", "arrives"), encoding="utf-8")
    with open_store(store_url, create=True) as store:
        for path in (memoq, plain):
            transfer.import_file(store, path)
        assert [(u["source"], u["document"]) for u in api.concordance(store, "convoi")] == [
            ("Le convoi part.", "communique.docx"), ("Le convoi arrive.", "plain.tmx")]
        assert [(m["source"], m["document"]) for m in api.lookup(store, "convoi")["memory"]] == [
            ("Le convoi part.", "communique.docx"), ("Le convoi arrive.", "plain.tmx")]


# one sentence memoQ holds in three contexts: twice in one document, once in another, the last unit that document's
# last segment (memoQ writes its x-context-post empty)
MEMOQ_THREE_CONTEXTS_TMX = MEMOQ_TWO_CONTEXTS_TMX.replace("  </tu>\n</body>", (
    '  </tu>\n  <tu changedate="20241018T093000Z" creationdate="20241018T091500Z" creationid="pmorel">\n'
    '    <prop type="x-document">rapport-annuel.docx</prop>\n    <tuv xml:lang="fr-fr">\n'
    '      <prop type="x-context-pre">&lt;seg&gt;Les exercices &lt;bpt i="1" x="1"&gt;{}&lt;/bpt&gt;reprennent'
    '&lt;ept i="1"&gt;{}&lt;/ept&gt;.&lt;/seg&gt;</prop>\n      <prop type="x-context-post"></prop>\n'
    '      <seg>Le convoi part.</seg>\n    </tuv>\n'
    '    <tuv xml:lang="en-gb">\n      <seg>The convoy leaves.</seg>\n    </tuv>\n  </tu>\n</body>'))
# what tells the three apart: the document memoQ names, the segments before and after each
THREE_CONTEXTS = [("communique.docx", "Le sommet s'ouvre.", "La frégate rentre."),
                  ("communique.docx", "La frégate rentre.", "Le sommet se clôt."),
                  ("rapport-annuel.docx", "Les exercices reprennent.", None)]


def test_a_sentence_memoq_holds_in_three_contexts_is_told_apart_by_them(store_url, tmp_path):
    """memoQ's units of one sentence in three contexts are three units: ``tm search``, the concordance and the
    look-up gave three identical answers, nothing telling which came from where (memoQ shows a match's document
    and context beside it). Each answer carries its context, the source segments before and after it as memoQ
    kept them (their text, codes left out), and where it came from (``document``, a search's too)."""
    from tmtool import api, transfer

    path = tmp_path / "memoq.tmx"
    path.write_text(MEMOQ_THREE_CONTEXTS_TMX, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        assert transfer.import_file(store, path).added == 3
        found = api.search(store, "Le convoi part.", lang="fr")
        held = api.concordance(store, "convoi")
        looked_up = api.lookup(store, "convoi")["memory"]
    for answers in (found, held, looked_up):
        assert sorted((a["document"], a["context_pre"], a["context_post"]) for a in answers) == sorted(THREE_CONTEXTS)
        assert {(a["source"], a["target"]) for a in answers} == {("Le convoi part.", "The convoy leaves.")}
    assert {(m["score"], m["matched"], m["translation"]) for m in found} == {
        (100.0, "Le convoi part.", "The convoy leaves.")}


def test_tm_search_and_concordance_show_the_contexts_of_one_sentence_once(tmp_path):
    """At the command line the three units were three lines alike. The sentence is shown once, then one line a
    unit saying where it came from and between which segments; a unit of its own with no context is shown as
    before, and so are units of the same texts ingested from two documents, told apart by their document."""
    path, db = tmp_path / "memoq.tmx", tmp_path / "t.db"
    path.write_text(MEMOQ_THREE_CONTEXTS_TMX, encoding="utf-8")
    assert tmtool(db, "import", path)[0] == 0
    contexts = ('in communique.docx, after "Le sommet s\'ouvre.", before "La frégate rentre."\n',
                'in communique.docx, after "La frégate rentre.", before "Le sommet se clôt."\n',
                'in rapport-annuel.docx, after "Les exercices reprennent."\n')
    assert tmtool(db, "tm", "search", "Le convoi part.") == (0, "100.0%  Le convoi part.\n        The convoy leaves."
                                                                "  [source of fr-FR→en-GB]\n"
                                                             + "".join("        " + c for c in contexts), "")
    assert tmtool(db, "tm", "concordance", "convoi") == (
        0, "Le convoi part.\n    The convoy leaves.\n" + "".join("    " + c for c in contexts), "")
    code, out, _ = tmtool(db, "lookup", "convoi")
    assert code == 0 and out.count("en: The convoy leaves.") == 3 and all(c.split(", ", 1)[1] in out for c in contexts)

    for name, other in (("a", "Les navires suivent."), ("b", "La frégate attend au port.")):
        (tmp_path / f"{name}.fr.txt").write_text(f"Le char avance. {other}\n", encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text("The tank advances. " + {"a": "The ships follow.",
                                                  "b": "The frigate waits in port."}[name] + "\n", encoding="utf-8")
        assert tmtool(db, "ingest", tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt", "--no-terms")[0] == 0
    assert tmtool(db, "tm", "search", "Le char avance.", "--lang", "fr")[1] == (
        "100.0%  Le char avance.\n        The tank advances.  [source of fr-FR→en-GB]\n        in a\n        in b\n")
    assert tmtool(db, "tm", "search", "Les navires suivent.")[1] == (
        "100.0%  Les navires suivent.\n        The ships follow.  [source of fr-FR→en-GB]\n")


def test_props_a_tuv_repeats_from_its_tu_are_kept_once(tmp_path):
    """Okapi's memories (oku_alignment, Olifant) repeat the <tu>'s props on its source tuv, with the same
    or another value: each value was kept as often as it was written, and exported twice."""
    path = tmp_path / "paragraphs.tmx"
    path.write_text(
        '<tmx version="1.4"><header creationtool="oku_alignment" creationtoolversion="unknown" segtype="paragraph"'
        ' o-tmf="unknown" adminlang="en" srclang="en-us" datatype="unknown"></header><body>'
        '<tu tuid="Retry0"><prop type="Txt::FileName">strings.info</prop><prop type="Txt::GroupName">Retry0</prop>'
        '<tuv xml:lang="en-us"><prop type="Txt::FileName">strings.info</prop>'
        '<prop type="Txt::GroupName">Resume1</prop><seg>Touch Retry.</seg></tuv>'
        '<tuv xml:lang="fr-fr"><seg>Touchez Réessayer.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    [unit] = read_tmx(path)
    assert unit.props == {"Txt::FileName": "strings.info", "Txt::GroupName": ["Retry0", "Resume1"],
                          **memory_header(creationtool="oku_alignment", creationtoolversion="unknown",
                                          o_tmf="unknown", segtype="paragraph", adminlang="en", datatype="unknown")}


def test_omegat_puts_who_translated_on_the_target_tuv(tmp_path):
    path = tmp_path / "project_save.tmx"
    path.write_text(
        '<tmx version="1.1"><header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"'
        ' segtype="sentence" srclang="fr-FR"/><body><tu><prop type="file">intro.txt</prop>'
        '<tuv lang="fr-FR"><seg>Le comité.</seg></tuv><tuv lang="en-GB" changeid="alice" changedate="20240103T101010Z"'
        ' creationid="bob" creationdate="20240102T101010Z"><seg>The committee.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    [unit] = read_tmx(path)
    assert unit.props == {"file": "intro.txt", "@creationid": "bob", "@changeid": "alice",
                          **memory_header(creationtool="OmegaT", o_tmf="OmegaT TMX", segtype="sentence",
                                          adminlang="EN-US", datatype="plaintext")}


def test_a_date_in_extended_iso_8601_is_read_not_the_unit_skipped(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="fr" adminlang="en" segtype="sentence" datatype="plaintext"'
        ' o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
        '<tu creationdate="2024-03-12T10:15:00Z" changedate="2024-03-13T09:00:00+01:00">'
        '<tuv xml:lang="fr"><seg>Le comité.</seg></tuv><tuv xml:lang="en"><seg>The committee.</seg></tuv></tu>'
        '</body></tmx>', encoding="utf-8")
    [unit], skipped = read_all(read_tmx, path)
    assert (unit.created.isoformat(), unit.changed.isoformat()) == (
        "2024-03-12T10:15:00+00:00", "2024-03-13T08:00:00+00:00")


def test_a_tmx_in_the_namespace_tmx_1_4b_defines(tmp_path):
    """TMX 1.4b (§1.1) defines the namespace http://www.lisa.org/tmx14, and tools that follow it (go-tm,
    84000's TM editor, XML toolchains that write TMX) declare it on <tmx>: the file was refused, "not a
    TMX file: no <tmx> element"."""
    path = tmp_path / "memory.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<tmx xmlns="http://www.lisa.org/tmx14" version="1.4">'
        '<header creationtool="go-tm" creationtoolversion="0.2.0" datatype="plaintext" segtype="sentence"'
        ' o-tmf="GoTM TMX" srclang="fr-FR" adminlang="fr-FR"/><body><tu tuid="1"><prop type="x-doc">a.txt</prop>'
        '<note>relu</note><tuv xml:lang="fr-FR"><seg>Le <bpt i="1">&lt;b&gt;</bpt>convoi<ept i="1">&lt;/b&gt;</ept>'
        ' part.</seg></tuv><tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    [unit] = read_tmx(path)
    assert (unit.tuid, unit.source, unit.target, unit.props, unit.notes) == (
        "1", "Le convoi part.", "The convoy leaves.",
        {"x-doc": "a.txt", **memory_header(creationtool="go-tm", creationtoolversion="0.2.0", datatype="plaintext",
                                           segtype="sentence", o_tmf="GoTM TMX", adminlang="fr-FR")}, ["relu"])
    assert unit.source_markup == 'Le <bpt i="1">&lt;b&gt;</bpt>convoi<ept i="1">&lt;/b&gt;</ept> part.'


def test_a_bare_header_without_srclang_takes_each_unit_s_first_tuv_as_its_source(tmp_path):
    """Memories exported from Trados-based pipelines sometimes come as ``<tmx>`` with a bare
    ``<header/>`` (no version, no srclang; the Trados confirmation level as a prop): translate-toolkit
    reads each tu's first tuv as its source; the whole memory was refused."""
    path = tmp_path / "client.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<tmx>\n  <header/>\n  <body>\n'
        '    <tu usagecount="2" creationdate="20160807T152804Z" creationid="DOM\\anne">\n'
        '      <prop type="x-ConfirmationLevel">ApprovedTranslation</prop>\n'
        '      <tuv xml:lang="fr-FR"><seg>Le convoi est parti.</seg></tuv>\n'
        '      <tuv xml:lang="en-GB"><seg>The convoy has left.</seg></tuv>\n    </tu>\n'
        '    <tu><tuv xml:lang="en-GB"><seg>Stop.</seg></tuv><tuv xml:lang="fr-FR"><seg>Halte.</seg></tuv></tu>\n'
        '  </body>\n</tmx>\n', encoding="utf-8")
    first, second = read_tmx(path)
    assert (first.srclang, first.source, first.tgtlang, first.target) == (
        "fr-FR", "Le convoi est parti.", "en-GB", "The convoy has left.")
    assert first.props == {"x-ConfirmationLevel": "ApprovedTranslation", "@creationid": "DOM\\anne",
                           "@usagecount": "2"}
    assert (second.srclang, second.source) == ("en-GB", "Stop.")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (
        0, "2 units added (en-GB→fr-FR 1, fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped\n")


# ---- Wordfast ----


def test_a_wordfast_tm_is_a_memory_not_a_glossary(tmp_path):
    path = REAL / "wordfast-tm.txt"  # UTF-16 with a byte-order mark, as Wordfast writes it
    units, skipped = read_all(read_wordfast, path)
    assert skipped == [f"{path}:4: 6 tab-separated fields, a Wordfast unit has at least 7"]
    assert [(u.srclang, u.source, u.tgtlang, u.target) for u in units] == [
        ("fr-FR", "La réunion est reportée à jeudi.", "en-GB", "The meeting is postponed to Thursday."),
        ("fr-FR", "Voir l’annexe\u00a0B.", "en-GB", "See Annex\u00a0B."),  # &'XX; escapes
        ("fr-FR", "R&D & essais", "en-GB", "R&D and trials"),
    ]
    assert units[0].props == {"@creationid": "CL", "@usagecount": "0", "x-attribute-1": "Defence"}
    assert units[1].changed.isoformat() == "2024-11-05T09:35:12+00:00"
    # older memories are in the Windows code page, without a byte-order mark
    ansi = tmp_path / "tm.txt"
    ansi.write_bytes(path.read_text(encoding="utf-16").encode("cp1252"))
    assert [u.source for u in read_all(read_wordfast, ansi)[0]] == [u.source for u in units]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)  # told by its header, not its name
    assert (code, out) == (0, "3 units added (fr-FR→en-GB 3), 0 already stored, 0 untranslated skipped, "
                              f"1 skipped: {path}:4: 6 tab-separated fields, a Wordfast unit has at least 7\n")


def test_a_wordfast_escape_naming_no_character_stays_as_written(tmp_path):
    """A surrogate's code or one past Unicode is no character: decoded, the surrogate made the
    store refuse the whole memory (utf-8 codec can't encode)."""
    path = tmp_path / "tm.txt"
    path.write_text("%20241105~093000\t%User ID,CL\t%TU=00000001\t%FR-FR\t%Wordfast TM v.5.5\t%EN-GB\n"
                    "20241105~093000\tCL\t0\tFR-FR\tCode &'D800; ou &'110000; &'E9;t&'E9;\tEN-GB\tcode\n",
                    encoding="cp1252")
    [unit], _ = read_all(read_wordfast, path)
    assert unit.source == "Code &'D800; ou &'110000; été"
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped\n")


def test_a_wordfast_unit_without_its_optional_date_and_languages_is_in_the_headers_languages(tmp_path):
    """Wordfast's description of its TM format (wordfast.net, "The WFC Translation memory format") makes a unit's
    date, user, reuse count, source and target language optional fields: such lines were skipped ("invalid date ''",
    "invalid language tag ''"), the memory imported without them."""
    path = tmp_path / "tm.txt"
    path.write_bytes("%20241105~093000\t%User ID,CL,CL Claire Lambert\t%TU=00000003\t%FR-FR\t%Wordfast TM v.5.53/00"
                     "\t%EN-GB\t%---00000000\t\t\t\t\r\n"
                     "20241105~093000\tCL\t2\tFR-FR\tLe dépôt ouvre à huit heures.\tEN-GB\tThe depot opens at eight.\r\n"
                     "\t\t\t\tLa barrière reste fermée.\t\tThe barrier stays closed.\r\n"
                     "20241106~101500\t\t\tfr-fr\tPorte nord\t\tNorth gate\r\n".encode("utf-16"))
    units, skipped = read_all(read_wordfast, path)
    assert skipped == []
    assert [(u.srclang, u.source, u.tgtlang, u.target, u.changed, u.props) for u in units] == [
        ("fr-FR", "Le dépôt ouvre à huit heures.", "en-GB", "The depot opens at eight.",
         datetime(2024, 11, 5, 9, 30, tzinfo=timezone.utc), {"@creationid": "CL", "@usagecount": "2"}),
        ("fr-FR", "La barrière reste fermée.", "en-GB", "The barrier stays closed.", None, {}),
        ("fr-FR", "Porte nord", "en-GB", "North gate", datetime(2024, 11, 6, 10, 15, tzinfo=timezone.utc), {}),
    ]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "3 units added (fr-FR→en-GB 3), 0 already stored, 0 untranslated skipped\n")


@pytest.fixture
def paris_time(monkeypatch):
    """This machine's clock in Paris (CET, CEST in summer), as a translator's in France."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_wordfast_date_is_the_writers_local_time(tmp_path, paris_time):
    """Wordfast writes a unit's date in local time (its description of the format: 20041231~165410 is "16:54:10,
    local time"), the zone said nowhere: it was read as UTC, so a unit made at 9:30 in Paris in November was stored
    as made at 9:30 UTC, an hour late (two in summer). It is read in this machine's zone and stored in UTC."""
    path = tmp_path / "tm.txt"
    path.write_bytes("%20241105~093000\t%User ID,CL,CL Claire Lambert\t%TU=00000002\t%FR-FR\t%Wordfast TM v.5.53/00"
                     "\t%EN-GB\t%---00000000\t\t\t\t\r\n"
                     "20241105~093000\tCL\t2\tFR-FR\tLe dépôt ouvre à huit heures.\tEN-GB\tThe depot opens at eight.\r\n"
                     "20240704~093000\tCL\t0\tFR-FR\tPorte nord\tEN-GB\tNorth gate\r\n".encode("utf-16"))
    units, skipped = read_all(read_wordfast, path)
    assert [u.changed for u in units] == [datetime(2024, 11, 5, 8, 30, tzinfo=timezone.utc),
                                          datetime(2024, 7, 4, 7, 30, tzinfo=timezone.utc)]
    assert skipped == []


def test_wordfast_placeholders_are_codes_and_its_tab_and_line_break_characters(tmp_path):
    """Wordfast Classic writes a segment's Word formatting and objects as placeholders (its wiki's "Placeholders":
    ``&tA;`` … a tag, ``&t1;`` a graphic, ``&t=<b>;`` a tag the source lacked, ``&t9;`` a tab, ``&t#;`` a manual
    line feed). They were read as the segment's text: a look-up saw *Cliquez sur &tA;Enregistrer&tB;*, and a TMX
    export wrote them as words (``&amp;tA;``) that no CAT tool takes for codes."""
    path = tmp_path / "tm.txt"
    path.write_bytes("%20241105~093000\t%User ID,CL\t%TU=00000002\t%FR-FR\t%Wordfast TM v.5.53/00\t%EN-GB\r\n"
                     "20241105~093000\tCL\t0\tFR-FR\tCliquez sur &tA;Enregistrer&tB; (voir &t1;)&t#;puis fermez."
                     "\tEN-GB\tClick &tA;Save&tB; (see &t1;)&t#;then close.\r\n"
                     "20241105~093500\tCL\t1\tFR-FR\tColonne&t9;A &t=<b>; R&D l&'92;unit&'E9;\tEN-GB\tColumn&t9;A R&D unit"
                     "\r\n".encode("utf-16"))
    units, _ = read_all(read_wordfast, path)
    assert [(u.source, u.source_markup, u.target, u.target_markup) for u in units] == [
        ("Cliquez sur Enregistrer (voir )\npuis fermez.",
         "Cliquez sur <ph>&amp;tA;</ph>Enregistrer<ph>&amp;tB;</ph> (voir <ph>&amp;t1;</ph>)\npuis fermez.",
         "Click Save (see )\nthen close.", "Click <ph>&amp;tA;</ph>Save<ph>&amp;tB;</ph> (see <ph>&amp;t1;</ph>)\nthen close."),
        ("Colonne\tA  R&D l’unité", "Colonne\tA <ph>&amp;t=&lt;b&gt;;</ph> R&amp;D l’unité", "Column\tA R&D unit", None),
    ]
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tmx", "-o", tmp_path / "out.tmx")[0] == 0
    assert [(u.source_markup, u.target_markup) for u in read_tmx(tmp_path / "out.tmx")] == [
        (u.source_markup, u.target_markup) for u in units]


def test_a_wordfast_machine_translation_is_a_draft_not_a_translation(tmp_path):
    """Wordfast records a machine's translation under the user ``MT!`` (its header lists it: *MT! Machine
    translation*): it was imported as any translator's confirmed one, and exported as such. It is a draft now, as a
    Trados draft is: left out unless asked for, kept as one through a TMX export read back."""
    path = tmp_path / "tm.txt"
    path.write_bytes("%20241105~093000\t%User ID,CL,CL Claire Lambert,MT! Machine translation\t%TU=00000002\t%FR-FR"
                     "\t%Wordfast TM v.6.02/00\t%EN-GB\t%---00000000\t\t\t\t\r\n"
                     "20241105~093000\tCL\t2\tFR-FR\tLe dépôt ouvre à huit heures.\tEN-GB\tThe depot opens at eight.\r\n"
                     "20241105~094020\tMT!\t0\tFR-FR\tLa barrière reste fermée.\tEN-GB\tThe fence remains closed.\r\n"
                     .encode("utf-16"))
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[:2] == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated "
                                                 "skipped, 1 not confirmed skipped\n")
    assert tmtool(db, "import", "--include-unconfirmed", path)[:2] == (
        0, "1 unit added (fr-FR→en-GB 1), 1 already stored, 0 untranslated skipped, 1 not confirmed included as drafts\n")
    assert tmtool(db, "export", "tmx", "-o", tmp_path / "out.tmx")[0] == 0
    assert [u.target for u in read_tmx(tmp_path / "out.tmx")] == ["The depot opens at eight."]
    assert tmtool(db, "export", "tmx", "--include-unconfirmed", "-o", tmp_path / "drafts.tmx")[0] == 0
    code, out, _ = tmtool(tmp_path / "again.db", "import", tmp_path / "drafts.tmx")
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                              "1 not confirmed skipped\n")


def test_a_wordfast_segment_with_a_control_character_and_a_placeholder_is_read(tmp_path):
    """Word's page break escaped (``&'0C;``) beside a placeholder: the placeholder made the segment a TMX one, which
    cannot hold the character, and the import stopped on a traceback (*All strings must be XML compatible*). The
    segment is read as one without placeholders is: its text, the character in it."""
    path = tmp_path / "tm.txt"
    path.write_bytes("%20241105~093000\t%User ID,CL\t%TU=00000002\t%FR-FR\t%Wordfast TM v.5.53/00\t%EN-GB\r\n"
                     "20241105~093000\tCL\t0\tFR-FR\tFin du chapitre&'0C;&tA;Annexe\tEN-GB\tEnd of chapter&'0C;&tA;Annex\r\n"
                     "20241105~093500\tCL\t1\tFR-FR\tPorte nord\tEN-GB\tNorth gate\r\n".encode("utf-16"))
    units, skipped = read_all(read_wordfast, path)
    assert ([(u.source, u.source_markup, u.target, u.target_markup) for u in units], skipped) == (
        [("Fin du chapitre\x0cAnnexe", None, "End of chapter\x0cAnnex", None), ("Porte nord", None, "North gate", None)],
        [])
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 0 untranslated skipped\n")


@pytest.mark.parametrize("name, content, kind", [
    ("memory.tmx", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (an XLSX workbook, or a package such as .sdlppx or"
     " .mqxlz: import it under its own name), not a TMX file"),
    ("glossary.csv", b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
    ("termbase.tbx", b"%PDF-1.7\n", "a PDF document, not a TBX file"),
    ("client.tmx", b"SQLite format 3\x00\x10\x00", "an SQLite database (a Trados Studio memory: name it .sdltm, or"
     " import it with --format sdltm), not a TMX file"),
    ("termbase.tbx", b"\x00\x01\x00\x00Standard Jet DB\x00", "an Access database (a MultiTerm .sdltb termbase:"
     " export it from MultiTerm as XML or TBX), not a TBX file"),
    ("fr.po", b"\xde\x12\x04\x95\x00\x00\x00\x00", "a compiled gettext catalogue (.mo: import the .po it was"
     " compiled from), not a PO file"),
])
def test_a_binary_file_under_a_text_format_s_name_is_named_for_what_it_is(tmp_path, name, content, kind):
    """A translator picks the wrong file or renames one: a workbook saved as .csv, a Trados memory
    (.sdltm, an SQLite database) renamed .tmx, a compiled .mo for its .po. The error said "not
    well-formed XML: Start tag expected" or "binary data", not what the file is."""
    path = tmp_path / name
    path.write_bytes(content + bytes(range(256)))
    code, _, err = tmtool(tmp_path / "t.db", "import", path)
    assert code == 1 and err.startswith(f"tmtool: error: {path}: {kind}")


@pytest.mark.parametrize("fmt, name, content, reason", [
    ("wordfast", "tm.txt", "comité\tcommittee\n",
     "not a Wordfast TM: the first line is not a Wordfast header (%date … %Wordfast TM v.…)"),
    ("multiterm", "glossary.xml", "<glossary><conceptGrp/></glossary>",
     "not a MultiTerm XML export: the root element is <glossary>, not <mtf>"),
])
def test_a_file_not_of_the_format_asked_for_is_refused_as_one(tmp_path, fmt, name, content, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = tmtool(tmp_path / "t.db", "import", "--format", fmt, path)
    assert (code, err) == (1, f"tmtool: error: {path}:1: {reason}\n")


def test_tmx_codes_stay_out_of_the_text_and_in_the_export(tmp_path):
    path = REAL / "lisa-level2-inline.tmx"
    units = list(read_tmx(path))
    assert [u.source for u in units] == ["The big black cat sleeps.", "See the help now", "NATO partners"]
    assert [u.target for u in units] == [
        "Le gros chat noir dort.", "Voir l’aide maintenant", "Partenaires de l’OTAN"]
    db = tmp_path / "t.db"
    tmtool(db, "import", path)
    assert tmtool(db, "tm", "search", "See the help now")[1].startswith("100.0%  See the help now\n")
    exported = tmp_path / "out.tmx"
    tmtool(db, "export", "tmx", "--srclang", "en", "--tgtlang", "fr", "-o", exported)  # the pair as stored
    # the codes as they came; a term's mark (NATO, OTAN) is no code and left out: OmegaT reads a hi as a tag and drops
    # its text (inline.without_annotations)
    assert [(u.source_markup, u.target_markup) for u in read_tmx(exported)] == [
        (u.source_markup, u.target_markup) for u in units[:2]] + [
        ("NATO partners<ut>{\\b}</ut>", "Partenaires de l’OTAN<ut>{\\b}</ut>")]


def test_xliff_codes_in_a_matecat_tmx_are_read_as_tmx_codes_and_exported_as_valid_tmx(tmp_path):
    """MateCat's TMX exports held XLIFF's ``g``, ``x``, ``bx``/``ex`` inside ``<seg>`` until 2020 (its issue
    1526). They were kept as they stood, so ``export tmx`` wrote elements TMX does not allow in a ``seg``: a
    file the DTD and the XSD refuse. They are TMX's codes now, the text as it was, TMX's own codes kept."""
    path = REAL / "matecat-2019-xliff-codes.tmx"
    units = list(read_tmx(path))
    assert [(u.source, u.target) for u in units] == [
        ("Cliquez ici pour continuer maintenant.", "Click here to continue now."),
        ("Le comité se réunit lundi.", "The committee meets on Monday.")]
    assert units[0].source_markup == ('Cliquez <bpt i="1" x="1"/>ici<ept i="1"/> pour<ph x="2"/> continuer '
                                      '<bpt i="2" x="3"/>maintenant<ept i="2"/>.')
    assert units[1].target_markup == ('<bpt i="1" x="1"/>The <bpt i="2" x="2"/>committee<ept i="2"/> meets<ept i="1"/>'
                                      ' <bpt i="3">&lt;b&gt;</bpt>on Monday<ept i="3">&lt;/b&gt;</ept>.')
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tmx", "--srclang", "fr", "--tgtlang", "en", "-o", exported)[0] == 0
    _valid_tmx(exported)
    assert [(u.source_markup, u.target_markup) for u in read_tmx(exported)] == [
        (u.source_markup, u.target_markup) for u in units]


def test_xliff_codes_inside_a_tmx_code_s_sub_are_tmx_codes_too(tmp_path):
    """A TMX code's ``<sub>`` (the text of an attribute, a footnote) may itself hold MateCat's XLIFF codes; the
    code was copied whole, its sub's ``g`` and ``x`` with it, so ``export tmx`` wrote elements a ``sub`` may not
    hold, refused by the DTD and the XSD. The sub's codes are TMX's too, its text as it was."""
    path = tmp_path / "matecat.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="Matecat-Cattool"'
        ' creationtoolversion="2.9.4" o-tmf="Matecat" datatype="plaintext" segtype="sentence" adminlang="en-US"'
        ' srclang="fr-FR"/><body><tu tuid="7"><tuv xml:lang="fr-FR"><seg>Voir <ph>&lt;a title="<sub>la <g id="1">note'
        '</g><x id="2"/></sub>"&gt;</ph><g id="3">ici</g>.</seg></tuv><tuv xml:lang="en-GB"><seg>See <ph>&lt;a title="'
        '<sub>the <g id="1">note</g><x id="2"/></sub>"&gt;</ph><g id="3">here</g>.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8")
    [unit] = read_tmx(path)
    assert (unit.source, unit.target) == ("Voir ici.", "See here.")
    assert unit.target_markup == ('See <ph>&lt;a title="<sub>the <bpt i="1" x="1"/>note<ept i="1"/><ph x="2"/></sub>'
                                  '"&gt;</ph><bpt i="2" x="3"/>here<ept i="2"/>.')
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tmx", "--srclang", "fr", "--tgtlang", "en", "-o", exported)[0] == 0
    _valid_tmx(exported)
    assert [u.target_markup for u in read_tmx(exported)] == [unit.target_markup]


# ---- XLIFF ----


def test_okapi_codes_are_tmx_markup_and_not_text():
    units, skipped = read_all(read_xliff, REAL / "okapi-inline-codes.xlf")
    assert skipped == []
    assert [(u.source, u.target) for u in units][:3] == [
        ("Home", "Accueil"),  # was "{1}{2}Home{3}{4}"-like: codes flattened into the text
        ("Click  to save the file.", "Cliquez sur  pour enregistrer le fichier."),
        ("Press Enter.", "Appuyez sur Entrée."),
    ]
    assert [u.source_markup for u in units] == [
        '<bpt i="1" x="1"/><bpt i="2" x="2"/>Home<ept i="2"/><ept i="1"/>',
        'Click <ph x="1"/> to <bpt i="1" x="2" type="bold"/>save<ept i="1"/> the file.',
        'Press <bpt i="1" x="1" type="italic">&lt;i&gt;</bpt>Enter<ept i="1">&lt;/i&gt;</ept>'
        '<ph x="2" type="image">&lt;img src="enter.png"/&gt;</ph>.',
        '<it pos="begin" x="1">&lt;span&gt;</it>Untranslated',
    ]


def test_imported_xliff_codes_are_exported_as_valid_tmx(tmp_path):
    from test_roundtrip import tmx_schema_errors

    # "Press Enter." awaits review (needs-review-translation): not a translation to store
    code, out, _ = tmtool(tmp_path / "as-is.db", "import", REAL / "okapi-inline-codes.xlf")
    assert out == "2 units added (en-US→fr-FR 2), 0 already stored, 1 untranslated skipped, 1 not confirmed skipped\n"
    reviewed = tmp_path / "reviewed.xlf"  # once reviewed, its codes are stored too
    reviewed.write_text((REAL / "okapi-inline-codes.xlf").read_text(encoding="utf-8").replace(
        'state="needs-review-translation"', 'state="translated"'), encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, _ = tmtool(db, "import", reviewed)
    assert out == "3 units added (en-US→fr-FR 3), 0 already stored, 1 untranslated skipped\n"
    exported = tmp_path / "out.tmx"
    tmtool(db, "export", "tmx", "--srclang", "en", "--tgtlang", "fr", "-o", exported)  # the pair as stored
    assert tmx_schema_errors(exported) == []
    assert [u.target for u in read_tmx(exported)] == ["Accueil", "Cliquez sur  pour enregistrer le fichier.",
                                                      "Appuyez sur Entrée."]


def test_memoq_placeholders_are_codes():
    first, second = read_xliff(REAL / "memoq-ph.mqxliff")
    assert (first.source, first.target) == ("Bienvenue,  !", "Welcome, !")
    assert first.target_markup == 'Welcome, <ph x="1">&lt;mq:rxt displaytext="{1}" val="{1}" /&gt;</ph>!'
    assert (second.source, second.target) == ("Attention : fichier en lecture seule", "Warning: read-only file")


def test_memoq_special_characters_are_the_text_s_characters(tmp_path):
    """memoQ writes a tab, a line break within a paragraph or a no-break space as a code holding its
    ``mq:ch`` tag, in its XLIFF and its TMX; read as codes, *Column A⇥Column B* became *Column AColumn B*
    (the value is escaped once more, or not, as the files of memoQ's versions have it)."""
    tab, line_break = "&lt;mq:ch val=\"&amp;#9;\" /&gt;", "&lt;mq:ch val=\"&#10;\" /&gt;"
    path = tmp_path / "table.mqxliff"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="note.docx" source-language="fr-FR" target-language="en-GB" datatype="x-docx"><body>'
        f'<trans-unit id="1" mq:status="ManuallyConfirmed"><source xml:space="preserve">Colonne A<ph id="1">{tab}</ph>'
        f'Colonne B</source><target xml:space="preserve">Column A<ph id="1">{tab}</ph>Column B</target></trans-unit>'
        f'<trans-unit id="2" mq:status="ManuallyConfirmed"><source xml:space="preserve">Ligne un<ph id="1">{line_break}'
        f'</ph>ligne deux</source><target xml:space="preserve">Line one<ph id="1">{line_break}</ph>line two</target>'
        '</trans-unit></body></file></xliff>', encoding="utf-8")
    units = list(read_xliff(path))
    assert [(u.source, u.target) for u in units] == [
        ("Colonne A\tColonne B", "Column A\tColumn B"), ("Ligne un\nligne deux", "Line one\nline two")]
    assert units[0].target_markup == f'Column A<ph x="1">{tab}</ph>Column B'  # the code kept for memoQ
    memory = tmp_path / "memoq.tmx"
    memory.write_text(
        '<tmx version="1.4"><header creationtool="MemoQ" creationtoolversion="9.12" segtype="sentence" o-tmf="MemoQTM"'
        ' adminlang="en-us" srclang="fr-FR" datatype="unknown"/><body><tu><tuv xml:lang="fr-FR"><seg>Grade<ph type="mq:ch">'
        f'{tab}</ph>Nom</seg></tuv><tuv xml:lang="en-GB"><seg>Rank<ph type="mq:ch">{tab}</ph>Name</seg></tuv></tu>'
        '<tu><tuv xml:lang="fr-FR"><seg>Valeur<ph x="1">&lt;mq:rxt displaytext="{1}" val="{1}" /&gt;</ph></seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>Value<ph x="1">&lt;mq:rxt displaytext="{1}" val="{1}" /&gt;</ph></seg></tuv></tu>'
        '</body></tmx>', encoding="utf-8")
    assert [(u.source, u.target) for u in read_tmx(memory)] == [("Grade\tNom", "Rank\tName"), ("Valeur", "Value")]
    db = tmp_path / "t.db"
    assert tmtool(db, "import", memory)[0] == 0
    code, out, _ = tmtool(db, "tm", "search", "Grade\tNom", "--json")
    assert code == 0 and '"target": "Rank\\tName"' in out


def test_trados_segments_are_units_with_their_confirmation_level(tmp_path):
    path = REAL / "trados-studio.sdlxliff"
    units = list(read_xliff(path))
    assert [(u.tuid, u.source, u.target, u.props) for u in units] == [
        ("a1b2/1", "Le comité s'est réuni à Bruxelles.", "The committee met in Brussels.",
         {"x-document": "C:\\Projets\\rapport.docx", "x-state": "Translated", "x-sdl-origin": "tm", "x-sdl-origin-system": "Main TM", "x-sdl-percent": "100"}),
        ("a1b2/2", "Il a adopté le rapport annuel.", "It adopted the annual report.",
         {"x-document": "C:\\Projets\\rapport.docx", "x-state": "ApprovedTranslation", "x-sdl-origin": "interactive"}),
        ("c3d4", "Troisième phrase non traduite.", "", {"x-document": "C:\\Projets\\rapport.docx"}),
        # the source copied, not confirmed
        ("e5f6", "Brouillon ici.", "Brouillon ici.", {"x-document": "C:\\Projets\\rapport.docx", "x-state": "Draft", "x-sdl-origin": "source"}),
        # a tracked deletion is out
        ("h8", "Le rapport final.", "The final report.", {"x-document": "C:\\Projets\\rapport.docx", "x-state": "Translated", "x-sdl-origin": "interactive"}),
    ]
    # the native codes the header's tag-defs give the g
    assert units[1].target_markup == ('It adopted the annual <bpt i="1" x="pt1">&lt;cf bold="True"&gt;</bpt>report'
                                      '<ept i="1">&lt;/cf&gt;</ept>.')
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    # g7, a unit of Trados's paragraph structure (a code, no text), is no segment: not counted as untranslated
    assert (code, out) == (0, "3 units added (fr-FR→en-GB 3), 0 already stored, 2 untranslated skipped\n")


def test_a_target_not_segmented_as_its_seg_source_is_read_whole_and_memoq_status_kept(tmp_path):
    path = tmp_path / "okapi.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">'
        '<file original="a.html" source-language="fr-FR" target-language="en-GB" datatype="html"><body>'
        '<trans-unit id="1"><source>Un. Deux.</source><seg-source><mrk mid="0" mtype="seg">Un.</mrk> '
        '<mrk mid="1" mtype="seg">Deux.</mrk></seg-source><target>One. Two.</target>'
        '<alt-trans match-quality="80"><source>Un seul.</source><target>Just one.</target></alt-trans></trans-unit>'
        '<trans-unit id="2" mq:status="NotStarted"><source>Trois.</source><target>Trois.</target></trans-unit>'
        '<trans-unit id="3" mq:status="ManuallyConfirmed"><source>OTAN</source><target>OTAN</target></trans-unit>'
        '<trans-unit id="4"><source>Cinq. Six.</source><seg-source><mrk mid="1" mtype="seg">Cinq.</mrk> '
        '<mrk mid="2" mtype="seg">Six.</mrk></seg-source><target state="translated"><mrk mid="1" mtype="seg">Five.'
        '</mrk> <mrk mid="2" mtype="seg">Six.</mrk></target></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    units = list(read_xliff(path))
    assert [(u.tuid, u.source, u.target, u.props) for u in units] == [
        ("1", "Un. Deux.", "One. Two.", {"x-document": "a.html"}),  # an alt-trans is a proposal, not the unit's translation
        ("2", "Trois.", "Trois.", {"x-document": "a.html", "x-state": "NotStarted"}), ("3", "OTAN", "OTAN", {"x-document": "a.html", "x-state": "ManuallyConfirmed"}),
        ("4/1", "Cinq.", "Five.", {"x-document": "a.html", "x-state": "translated"}), ("4/2", "Six.", "Six.", {"x-document": "a.html", "x-state": "translated"})]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out == "4 units added (fr-FR→en-GB 4), 0 already stored, 1 untranslated skipped\n"


def test_segments_their_mids_do_not_pair_are_read_whole(tmp_path):
    """Segment marks without a mid, or a target's mid the seg-source lacks: pairing them by mid put
    *Deux.* with *Three.*, or dropped the target as untranslated; the unit is read whole instead."""
    path = tmp_path / "no-mid.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a.docx" source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Deux. Trois.</source><seg-source><mrk mtype="seg">Deux.</mrk> '
        '<mrk mtype="seg">Trois.</mrk></seg-source><target><mrk mtype="seg">Two.</mrk> <mrk mtype="seg">Three.</mrk>'
        '</target></trans-unit>'
        '<trans-unit id="2"><source>Quatre.</source><seg-source><mrk mid="5" mtype="seg">Quatre.</mrk></seg-source>'
        '<target><mrk mid="9" mtype="seg">Four.</mrk></target></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    assert [(u.tuid, u.source, u.target) for u in read_xliff(path)] == [
        ("1", "Deux. Trois.", "Two. Three."), ("2", "Quatre.", "Four.")]


SDLXLIFF_HEAD = (
    '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
    'version="1.2" sdl:version="1.0"><file original="r.docx" datatype="x-sdlfilterframework2" '
    'source-language="fr-FR" target-language="en-GB"><header><tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0">'
    '<tag id="pt1"><bpt name="cf">&lt;cf bold="True"&gt;</bpt><ept name="cf">&lt;/cf&gt;</ept></tag>'
    '<tag id="pt2"><ph name="tab">&lt;tab/&gt;</ph></tag></tag-defs></header><body>')


def test_what_lies_outside_the_segment_marks_of_both_sides_is_no_segment_s_text(tmp_path):
    """Codes around a paragraph's segments, spaces between them and a list's number, the same outside
    the marks of seg-source and target, are no segment's text: each segment is its marks' pair."""
    path = tmp_path / "outside.sdlxliff"
    path.write_text(
        SDLXLIFF_HEAD +
        '<trans-unit id="t1"><source><g id="pt1">Un. Deux. </g></source><seg-source><g id="pt1">'
        '<mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux.</mrk> </g></seg-source>'
        '<target><g id="pt1"><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk> </g></target>'
        '<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="ApprovedTranslation" locked="true"/>'
        '</sdl:seg-defs></trans-unit>'
        '<trans-unit id="t2"><source>1.<x id="pt2"/>Trois.</source><seg-source>1.<x id="pt2"/>'
        '<mrk mtype="seg" mid="3">Trois.</mrk></seg-source><target>1.<x id="pt2"/><mrk mtype="seg" mid="3">Three.'
        '</mrk></target><sdl:seg-defs><sdl:seg id="3" conf="Translated"/></sdl:seg-defs></trans-unit>'
        '<trans-unit id="t3"><source>1.<x id="pt2"/>Quatre.</source><seg-source>1.<x id="pt2"/>'
        '<mrk mtype="seg" mid="4">Quatre.</mrk></seg-source><target>1.<x id="pt2"/><mrk mtype="seg" mid="4"/></target>'
        '<sdl:seg-defs><sdl:seg id="4"/></sdl:seg-defs></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    assert [(u.tuid, u.source, u.target, u.props, u.target_markup) for u in read_xliff(path)] == [
        ("t1/1", "Un.", "One.", {"x-document": "r.docx", "x-state": "Translated"}, None),
        ("t1/2", "Deux.", "Two.", {"x-document": "r.docx", "x-state": "ApprovedTranslation", "x-sdl-locked": "true"}, None),
        ("t2", "Trois.", "Three.", {"x-document": "r.docx", "x-state": "Translated"}, None),
        ("t3", "Quatre.", "", {"x-document": "r.docx"}, None)]


def test_a_target_holding_text_beside_its_segment_marks_is_read_whole(tmp_path):
    """Text a target holds outside its marks that its seg-source does not was dropped: *Five.* beside
    the marks lost, *Six (6).* beside an empty mark lost and the segment read as untranslated."""
    path = tmp_path / "beside.sdlxliff"
    path.write_text(
        SDLXLIFF_HEAD +
        '<trans-unit id="t3"><source>Quatre. Cinq.</source><seg-source><mrk mtype="seg" mid="4">Quatre.</mrk> '
        '<mrk mtype="seg" mid="5">Cinq.</mrk></seg-source><target><mrk mtype="seg" mid="4">Four.</mrk> Five.</target>'
        '<sdl:seg-defs><sdl:seg id="4" conf="Translated"/><sdl:seg id="5"/></sdl:seg-defs></trans-unit>'
        '<trans-unit id="t4"><source><g id="pt1">Six.</g></source><seg-source><g id="pt1"><mrk mtype="seg" mid="6">'
        'Six.</mrk></g></seg-source><target><g id="pt1">Six (6).<mrk mtype="seg" mid="6"/></g></target>'
        '<sdl:seg-defs><sdl:seg id="6"/></sdl:seg-defs></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    units = list(read_xliff(path))
    assert [(u.tuid, u.source, u.target) for u in units] == [
        ("t3", "Quatre. Cinq.", "Four. Five."), ("t4", "Six.", "Six (6).")]
    assert units[1].target_markup == ('<bpt i="1" x="pt1">&lt;cf bold="True"&gt;</bpt>Six (6).'
                                      '<ept i="1">&lt;/cf&gt;</ept>')


def test_trados_segments_not_confirmed_or_rejected_are_not_translations(tmp_path):
    """A Draft (a machine translation filled in, an edit never confirmed) or a rejected translation
    differing from its source was imported as a translation; Trados keeps them out of its memories."""
    path = tmp_path / "levels.sdlxliff"
    segments = [("Draft", "mt", "The MT proposal."), ("RejectedTranslation", "interactive", "A rejected one."),
                ("RejectedSignOff", "interactive", "Rejected at sign-off."), ("Translated", "interactive", "Kept."),
                ("ApprovedSignOff", "interactive", "Signed off.")]
    path.write_text(SDLXLIFF_HEAD + "".join(
        f'<trans-unit id="u{n}"><source>Phrase {n}.</source><seg-source><mrk mtype="seg" mid="{n}">Phrase {n}.</mrk>'
        f'</seg-source><target><mrk mtype="seg" mid="{n}">{text}</mrk></target><sdl:seg-defs>'
        f'<sdl:seg id="{n}" conf="{conf}" origin="{origin}"/></sdl:seg-defs></trans-unit>'
        for n, (conf, origin, text) in enumerate(segments, 1)) + "</body></file></xliff>", encoding="utf-8")
    assert [(u.target, u.props["x-state"]) for u in read_xliff(path)] == [
        (text, conf) for conf, _, text in segments]  # read as they are, their level kept
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 0 untranslated skipped, "
                              "3 not confirmed skipped\n")
    # a check reads them all: a draft is the translation it is meant to become
    from tmtool.check import read_units

    assert [u.target for u in read_units(str(path))[0]] == [text for _, _, text in segments]


def test_memoq_segments_not_confirmed_are_not_translations(tmp_path):
    """memoQ writes to its memories the segments a translator or reviewer confirmed; one edited and
    not confirmed, pre-translated from a memory or by a machine was imported as a translation."""
    path = tmp_path / "job.mqxliff"
    statuses = ["PartiallyEdited", "Pretranslated", "MachineTranslated", "ManuallyConfirmed", "Reviewer1Confirmed",
                "Edited"]  # memoQ's name for a row edited and not confirmed
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="a.docx" source-language="fr-FR" target-language="en-GB" datatype="x-docx"><body>' + "".join(
            f'<trans-unit id="{n}" mq:status="{status}"><source xml:space="preserve">Phrase {n}.</source>'
            f'<target xml:space="preserve">Sentence {n}.</target></trans-unit>' for n, status in enumerate(statuses, 1))
        + "</body></file></xliff>", encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 0 untranslated skipped, "
                              "4 not confirmed skipped\n")


def test_memoq_pretranslated_assembled_and_rejected_segments_are_not_translations(tmp_path):
    """memoQ (9.x, MQXLIFF export) spells the status of a memory's pre-translation PreTranslated, and
    names AssembledFromFragments a target it put together from term and fragment matches and Rejected
    one a reviewer turned down: none of them is in memoQ's memories, all were imported."""
    path = tmp_path / "job.mqxliff"
    statuses = ["PreTranslated", "AssembledFromFragments", "Rejected", "Proofread"]
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="b.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>' + "".join(
            f'<trans-unit id="{n}" mq:status="{status}" mq:percent="100"><source xml:space="preserve">Ligne {n}.'
            f'</source><target xml:space="preserve">Line {n}.</target></trans-unit>'
            for n, status in enumerate(statuses, 1))
        + "</body></file></xliff>", encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                              "3 not confirmed skipped\n")


def test_trados_drafts_imported_on_request_stay_drafts_in_every_export(tmp_path):
    """A draft was counted among the "untranslated" and could not be imported at all. Asked for
    (--include-unconfirmed), it is stored with its confirmation level, which the TMX export writes back as
    Trados reads it, the XLIFF export as a target that needs review, and a plain import of either leaves out."""
    path = tmp_path / "studio.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language Platform"'
        ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
        ' srclang="fr-FR"/>\n  <body>\n'
        + _trados_tu("Translated", "Le convoi part.", "The convoy leaves.")
        + _trados_tu("Draft", "La séance est levée.", "The meeting is closed.")
        + '    <tu><tuv xml:lang="fr-FR"><seg>Sans traduction.</seg></tuv></tu>\n  </body>\n</tmx>\n', encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "plain.db", "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 1 untranslated skipped, "
                              "1 not confirmed skipped\n")
    db = tmp_path / "t.db"
    code, out, err = tmtool(db, "import", path, "--include-unconfirmed")
    assert (code, out) == (0, "2 units added (fr-FR→en-GB 2), 0 already stored, 1 untranslated skipped, "
                              "1 not confirmed included as drafts\n"), err
    with open_store(str(db)) as store:
        assert {u.target: u.props["x-ConfirmationLevel"] for u in store.units()} == {
            "The convoy leaves.": "Translated", "The meeting is closed.": "Draft"}
    tmx, xlf = tmp_path / "out.tmx", tmp_path / "out.xlf"
    assert tmtool(db, "export", "tmx", "-o", tmx, "--include-unconfirmed")[0] == 0
    assert tmtool(db, "export", "xliff", "-o", xlf, "--include-unconfirmed")[0] == 0
    assert '<prop type="x-ConfirmationLevel">Draft</prop>' in tmx.read_text(encoding="utf-8")
    states = {unit.findtext("{*}target"): unit.find("{*}target").get("state")
              for unit in etree.parse(str(xlf)).iter("{*}trans-unit")}
    assert states == {"The convoy leaves.": "translated", "The meeting is closed.": "needs-translation"}
    for exported in (tmx, xlf):  # read back as the drafts they are
        code, out, _ = tmtool(tmp_path / f"back-{exported.suffix[1:]}.db", "import", exported)
        assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                                  "1 not confirmed skipped\n")


def test_an_export_of_the_memory_leaves_its_drafts_out_and_says_so(tmp_path):
    """End to end: a draft imported with --include-unconfirmed was exported with only a prop that OmegaT and memoQ
    ignore, shown there as a 100% match. An export of the memory (tmx, xliff) leaves the drafts out, as an import
    does, and says how many on stderr; --include-unconfirmed writes them, marked."""
    path = tmp_path / "studio.tmx"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language'
                    ' Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence"'
                    ' adminlang="en-GB" srclang="fr-FR"/>\n  <body>\n'
                    + _trados_tu("Translated", "Le convoi part.", "The convoy leaves.")
                    + _trados_tu("Draft", "La séance est levée.", "The meeting is closed.")
                    + _trados_tu("RejectedTranslation", "Le train part.", "The train leave.")
                    + '  </body>\n</tmx>\n', encoding="utf-8")
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path, "--include-unconfirmed")[0] == 0
    for fmt in ("tmx", "xliff"):
        out = tmp_path / f"out.{fmt}"
        assert tmtool(db, "export", fmt, "-o", out) == (0, "", (
            f"1 unit written to {out}\nnote: 2 drafts (not confirmed) left out: --include-unconfirmed writes them, "
            "marked as drafts\n"))
        written = out.read_text(encoding="utf-8")
        assert "The convoy leaves." in written and "The meeting is closed." not in written
        assert "The train leave." not in written
        assert tmtool(db, "export", fmt, "-o", out, "--include-unconfirmed") == (0, "", f"3 units written to {out}\n")
        assert "The meeting is closed." in out.read_text(encoding="utf-8")
    assert '<prop type="x-ConfirmationLevel">Draft</prop>' in (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert tmtool(db, "export", "tmx", "--srclang", "de", "-o", tmp_path / "de.tmx")[2] == (
        f"0 units written to {tmp_path / 'de.tmx'}\n"  # drafts of another pair are not this export's to leave out
        "not written: the store's units' texts in fr (--srclang/--tgtlang choose the pair, --langs all every "
        "language)\n")
    everything = tmp_path / "all.tmx"
    assert tmtool(db, "export", "tmx", "--langs", "all", "-o", everything)[2].endswith("note: 2 drafts (not "
                                                                                      "confirmed) left out: "
                                                                                      "--include-unconfirmed writes "
                                                                                      "them, marked as drafts\n")
    from tmtool import api

    with open_store(str(db)) as store:
        left_out = []
        assert api.export(store, "tmx", tmp_path / "api.tmx", drafts_left_out=left_out.append) == 1
        assert left_out == [2]
        assert api.export(store, "tmx", tmp_path / "api.tmx", include_unconfirmed=True) == 3


def test_memoq_drafts_imported_on_request_keep_their_status_through_a_tmx(tmp_path):
    """memoQ's pre-translated segment imported as a draft keeps its status as the x-state prop: the TMX
    export writes it, and that TMX imported again is a draft still, not a confirmed translation."""
    path = tmp_path / "job.mqxliff"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="b.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>'
        '<trans-unit id="1" mq:status="PreTranslated" mq:percent="100"><source xml:space="preserve">Ligne 1.</source>'
        '<target xml:space="preserve">Line 1.</target></trans-unit>'
        '<trans-unit id="2" mq:status="ManuallyConfirmed"><source xml:space="preserve">Ligne 2.</source>'
        '<target xml:space="preserve">Line 2.</target></trans-unit></body></file></xliff>', encoding="utf-8")
    from tmtool import api

    with open_store(str(tmp_path / "t.db"), create=True) as store:
        done = api.import_file(store, path, include_unconfirmed=True)
        assert {key: done[key] for key in ("added", "untranslated", "unconfirmed", "without_translation",
                                           "unconfirmed_included")} == {
            "added": 2, "untranslated": 0, "unconfirmed": 0, "without_translation": 0, "unconfirmed_included": 1}
        tmx = tmp_path / "out.tmx"
        api.export(store, "tmx", tmx, include_unconfirmed=True)
    assert '<prop type="x-state">PreTranslated</prop>' in tmx.read_text(encoding="utf-8")
    with open_store(str(tmp_path / "back.db"), create=True) as store:
        done = api.import_file(store, tmx)
        assert (done["added"], done["untranslated"], done["unconfirmed"], done["without_translation"]) == (1, 1, 1, 0)


def _memoq_job(path: Path, status: str) -> Path:
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="b.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>'
        f'<trans-unit id="1" mq:status="{status}" mq:percent="100"><source xml:space="preserve">Ligne 1.</source>'
        '<target xml:space="preserve">Line 1.</target></trans-unit></body></file></xliff>', encoding="utf-8")
    return path


def test_a_draft_stored_is_confirmed_by_the_file_that_confirms_it(store_url, tmp_path):
    """Review: a draft imported with include_unconfirmed stayed a draft when the job came back confirmed, its
    translation unchanged: "1 already stored", and every export wrote it as needing review again, a plain
    import of that export left it out. The confirmed file's state now replaces the draft's; a draft of a
    translation stored confirmed leaves it confirmed."""
    from tmtool import api

    drafted, confirmed = _memoq_job(tmp_path / "a.mqxliff", "PreTranslated"), _memoq_job(tmp_path / "b.mqxliff",
                                                                                      "ManuallyConfirmed")
    with open_store(store_url, create=True) as store:
        assert api.import_file(store, drafted, include_unconfirmed=True)["unconfirmed_included"] == 1
        assert api.import_file(store, confirmed)["already_stored"] == 1
        assert [unit.props["x-state"] for unit in store.units()] == ["ManuallyConfirmed"]
        assert api.import_file(store, drafted, include_unconfirmed=True)["already_stored"] == 1
        assert [unit.props["x-state"] for unit in store.units()] == ["ManuallyConfirmed"]
        xlf = tmp_path / "out.xlf"
        api.export(store, "xliff", xlf, srclang="fr", tgtlang="en")
    [target] = etree.parse(str(xlf)).iter("{*}target")
    assert target.get("state") == "translated"


def test_the_import_summary_counts_the_drafts_a_file_confirmed(store_url, tmp_path):
    """Review: a file confirming drafts stored with include_unconfirmed confirmed them silently, among "already
    stored": the translator could not tell that it had. The summary counts them, in the command line's line
    (after the units already stored, as the repeated ones are), the library's result and the HTTP import's answer."""
    from tmtool import api
    from workbench import client

    drafted, confirmed = _memoq_job(tmp_path / "a.mqxliff", "PreTranslated"), _memoq_job(tmp_path / "b.mqxliff",
                                                                                      "ManuallyConfirmed")
    with open_store(store_url, create=True) as store:
        assert api.import_file(store, drafted, include_unconfirmed=True)["unconfirmed_included"] == 1
    code, out, err = tmtool(store_url, "import", confirmed)
    assert (code, out) == (0, "0 units added, 1 already stored, 1 draft confirmed, 0 untranslated skipped\n"), err
    with open_store(store_url) as store:
        assert api.import_file(store, confirmed)["drafts_confirmed"] == 0  # confirmed already: none
        assert api.import_file(store, drafted, include_unconfirmed=True)["drafts_confirmed"] == 0  # stays confirmed
    studio = tmp_path / "studio.tmx"  # a TMX confirming two drafts a Trados TMX gave, over HTTP
    header = ('<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">\n  <header creationtool="SDL Language '
              'Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" '
              'adminlang="en-GB" srclang="fr-FR"/>\n  <body>\n')
    pairs = [("Le convoi part.", "The convoy leaves."), ("La séance est levée.", "The meeting is closed.")]
    studio.write_text(header + "".join(_trados_tu("Draft", *pair) for pair in pairs) + "  </body>\n</tmx>\n",
                      encoding="utf-8")
    assert tmtool(store_url, "import", studio, "--include-unconfirmed")[0] == 0
    studio.write_text(header + "".join(_trados_tu("Translated", *pair) for pair in pairs)
                      + _trados_tu("Translated", "Le char avance.", "The tank advances.") + "  </body>\n</tmx>\n",
                      encoding="utf-8")
    http, headers = client(store_url)
    answer = http.post("/api/import", headers=headers, files={"file": ("studio.tmx", studio.read_bytes())})
    assert answer.status_code == 200, answer.text
    assert {key: answer.json()[key] for key in ("added", "already_stored", "drafts_confirmed")} == {
        "added": 1, "already_stored": 2, "drafts_confirmed": 2}


def test_a_draft_found_in_the_memory_is_shown_as_one(tmp_path):
    """Review: a draft imported with --include-unconfirmed came out of tm search, tm concordance and lookup as
    any translation, nothing saying it awaits confirmation; it is marked so, and --json says ``draft``."""
    db = tmp_path / "t.db"
    assert tmtool(db, "import", _memoq_job(tmp_path / "a.mqxliff", "PreTranslated"), "--include-unconfirmed")[0] == 0
    code, out, _ = tmtool(db, "tm", "search", "Ligne 1.", "--lang", "fr")
    assert (code, out) == (0, "100.0%  Ligne 1.\n        Line 1.  [source of fr-FR→en-GB; draft, not confirmed]\n")
    code, out, _ = tmtool(db, "tm", "concordance", "ligne")
    assert (code, out) == (0, "Ligne 1.\n    Line 1.  [draft, not confirmed]\n")
    code, out, _ = tmtool(db, "tm", "search", "Ligne 1.", "--lang", "fr", "--json")
    assert '"draft": true' in out
    code, out, _ = tmtool(db, "lookup", "ligne")
    assert "en: Line 1.  [draft, not confirmed]" in out, out


def test_xliff_12_states_needing_work_or_review_are_not_translations(tmp_path):
    """XLIFF 1.2's needs-l10n and needs-adaptation say a target needs translating, its needs-review-*
    that it awaits review (translate-toolkit's fuzzy): such targets were imported as translations.
    A copy of the source so marked is untranslated; approved="yes" (final review passed) overrides a
    needs-* state, approved="no" alone does not make a translation unconfirmed; the summary says how
    many of those left out hold an unconfirmed translation."""
    path = tmp_path / "states.xlf"
    units = [  # (state, approved, target): the first six are left out
        ("new", None, "Phrase 1."), ("needs-l10n", None, "Phrase 2."), ("needs-adaptation", None, "Sentence 3."),
        ("needs-review-translation", None, "Sentence 4."), ("needs-review-l10n", None, "Sentence 5."),
        ("needs-review-adaptation", None, "Sentence 6."), ("needs-review-translation", "yes", "Sentence 7."),
        ("translated", "no", "Sentence 8."), ("signed-off", None, "Sentence 9."), ("final", "yes", "Sentence 10."),
        ("needs-translation", None, "Sentence 11.")]  # Weblate's "needs editing": left out too (no tmtool file)
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="s.txt" source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>' + "".join(
            f'<trans-unit id="{n}"{f" approved={chr(34)}{approved}{chr(34)}" if approved else ""}>'
            f'<source>Phrase {n}.</source><target state="{state}">{target}</target></trans-unit>'
            for n, (state, approved, target) in enumerate(units, 1)) + "</body></file></xliff>", encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "4 units added (fr-FR→en-GB 4), 0 already stored, 2 untranslated skipped, "
                              "5 not confirmed skipped\n")
    assert tmtool(tmp_path / "t.db", "export", "tmx", "-o", tmp_path / "out.tmx")[0] == 0
    stored = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert [f"Sentence {n}." in stored for n in range(3, 12)] == [False] * 4 + [True] * 4 + [False]


def test_units_not_to_be_translated_are_no_translations(tmp_path):
    """A unit marked ``translate="no"`` (itself, or by its group; in 2.0 by its file too) holds text not
    to be translated, which tools copy to the target (Okapi, Phrase): it was stored as a translation."""
    old = tmp_path / "okapi.xlf"
    old.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" '
        'source-language="fr-FR" target-language="en-GB" datatype="html"><body>'
        '<trans-unit id="1"><source>Le convoi part.</source><target>The convoy leaves.</target></trans-unit>'
        '<trans-unit id="2" translate="no"><source>rapport_2024.pdf</source><target>rapport_2024.pdf</target>'
        '</trans-unit><group id="code" translate="no"><trans-unit id="3"><source>make install</source>'
        '<target>make install</target></trans-unit><trans-unit id="4" translate="yes"><source>Installer.</source>'
        '<target>Install.</target></trans-unit></group></body></file></xliff>', encoding="utf-8")
    new = tmp_path / "phrase.xlf"
    new.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr-FR" trgLang="en-GB">'
        '<file id="f1"><unit id="1"><segment state="final"><source>Le convoi part.</source>'
        '<target>The convoy leaves.</target></segment></unit><group id="g" translate="no"><unit id="2"><segment '
        'state="final"><source>OTAN-2024-017</source><target>OTAN-2024-017</target></segment></unit></group>'
        '</file></xliff>', encoding="utf-8")
    assert [(u.tuid, u.target, is_untranslated(u)) for u in read_xliff(old)] == [
        ("1", "The convoy leaves.", False), ("2", "rapport_2024.pdf", True), ("3", "make install", True),
        ("4", "Install.", False)]
    assert tmtool(tmp_path / "t.db", "import", old)[1] == (
        "2 units added (fr-FR→en-GB 2), 0 already stored, 2 untranslated skipped\n")
    assert tmtool(tmp_path / "t2.db", "import", new)[1] == (
        "1 unit added (fr-FR→en-GB 1), 0 already stored, 1 untranslated skipped\n")


def test_memoq_comments_are_the_notes_of_their_row(tmp_path):
    """memoQ (9.x) keeps the comments its translators and reviewers write on a row in the trans-unit's
    ``mq:comments`` (a deleted one marked ``deleted="true"``); they were dropped."""
    path = tmp_path / "job.mqxliff"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="c.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>'
        '<trans-unit id="1" mq:status="ManuallyConfirmed"><source xml:space="preserve">Le convoi part.</source>'
        '<target xml:space="preserve">The convoy leaves.</target><mq:comments>'
        '<mq:comment id="a1" creatoruser="reviewer" time="2024-05-02T10:00:00Z" deleted="false" category="0"'
        ' appliesto="Target" origin="User">Check the tense.</mq:comment>'
        '<mq:comment id="a2" creatoruser="pm" time="2024-05-01T10:00:00Z" deleted="true" category="0"'
        ' appliesto="Row" origin="User">Old remark.</mq:comment></mq:comments></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    [unit] = read_xliff(path)
    assert unit.notes == ["Check the tense."]


def test_phrase_comments_are_the_notes_of_their_segment(tmp_path):
    """Phrase writes a segment's comment in ``m:comment`` and its conversation threads in
    ``m:annotations`` (MXLIFF structure, developers.phrase.com): both were dropped."""
    path = tmp_path / "job.mxliff"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:m="http://www.memsource.com/mxlf/2.0" '
        'version="1.2" m:version="2.0"><file original="note.docx" datatype="x-undefined" source-language="fr" '
        'target-language="en-gb"><body><group id="0:1"><trans-unit id="a:0" m:confirmed="1">'
        '<source>Le convoi part.</source><target>The convoy leaves.</target>'
        '<m:comment>Garder « convoy ».</m:comment><m:annotations><m:annotation><m:text>Le client préfère « convoy ».'
        '</m:text></m:annotation></m:annotations></trans-unit><trans-unit id="a:1" m:confirmed="1">'
        '<source>Il arrive.</source><target>It arrives.</target><m:comment/></trans-unit></group></body></file></xliff>',
        encoding="utf-8")
    assert [(u.target, u.notes) for u in read_xliff(path)] == [
        ("The convoy leaves.", ["Garder « convoy ».", "Le client préfère « convoy »."]), ("It arrives.", [])]


def test_phrase_segments_not_confirmed_are_not_translations(tmp_path):
    """Phrase (Memsource) marks a segment confirmed by ``m:confirmed``; its pre-translations, machine
    ones included, stay at 0 until a translator confirms them, and were imported as translations."""
    path = tmp_path / "job.mxliff"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
        'xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2" m:version="2.17"><file original="d.docx" '
        'source-language="fr" target-language="en" m:task-id="T"><body><group id="0">'
        '<trans-unit id="T:0" m:confirmed="0" m:trans-origin="mt" m:score="0.0"><source>Le comité siège.</source>'
        "<target>The committee seats.</target></trans-unit>"
        '<trans-unit id="T:1" m:confirmed="1" m:trans-origin="tm"><source>Fin.</source><target>End.</target>'
        "</trans-unit>"
        '<trans-unit id="T:2" m:confirmed="2"><source>Revu.</source><target>Reviewed.</target></trans-unit>'
        "</group></body></file></xliff>", encoding="utf-8")
    assert [(u.target, u.props) for u in read_xliff(path)] == [
        ("The committee seats.", {"x-document": "d.docx", "x-state": "unconfirmed", "x-phrase-confirmed": "0", "x-phrase-trans-origin": "mt"}),
        ("End.", {"x-document": "d.docx", "x-state": "confirmed", "x-phrase-confirmed": "1", "x-phrase-trans-origin": "tm"}),
        ("Reviewed.", {"x-document": "d.docx", "x-state": "confirmed", "x-phrase-confirmed": "2"})]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (fr→en 2), 0 already stored, 0 untranslated skipped, "
                              "1 not confirmed skipped\n")


def test_a_memsource_job_s_tm_match_not_confirmed_is_no_translation(tmp_path):
    """A Memsource (Phrase) MXLIFF as its API gives it (memsource-wrap's test file, copied): a segment
    pre-translated from the memory (``m:trans-origin="tm"``, ``m:score="1.01"``) and not confirmed
    (``m:confirmed="0"``) is read, for a check, and not imported; the ``alt-trans`` of the machine and
    the memory are proposals, not the segment's translation."""
    path = REAL / "phrase-memsource-wrap.mxliff"
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.tuid, u.source, u.target, u.srclang, u.tgtlang, u.props) for u in units] == [
        ("fj4ewiofj3qowjfw:0", "Hello World.", "", "en", "ja", {"x-document": "test.txt", "x-state": "unconfirmed", "x-phrase-confirmed": "0"}),
        ("fj4ewiofj3qowjfw:1", "This library wraps Memsoruce API for Python.",
         "このライブラリはMemsourceのAPIをPython用にラップしています。", "en", "ja",
         {"x-document": "test.txt", "x-state": "unconfirmed", "x-phrase-confirmed": "0", "x-phrase-score": "1.01", "x-phrase-gross-score": "1.01",
          "x-phrase-trans-origin": "tm", "@creationid": "42989"}),
    ]
    # m:created-at="1421114195529": milliseconds since 1970; "0" on the other, never made by anyone
    assert [(u.created, u.changed) for u in units] == [
        (None, None), (datetime(2015, 1, 13, 1, 56, 35, 529000, tzinfo=timezone.utc), None)]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (1, "0 units added, 0 already stored, 1 untranslated skipped, 1 not confirmed skipped\n")


def test_phrase_segments_keep_who_made_and_changed_them_and_when(tmp_path):
    """Phrase writes on each segment who created and last changed it and when (``m:created-by``,
    ``m:created-at``, ``m:modified-by``, ``m:modified-at``: a user's id, milliseconds since 1970, ``0``
    and ``""`` for none, as memsource-wrap's copy of a job shows): they were dropped, and a TMX export had
    no creationdate, creationid, changedate nor changeid for them."""
    from test_roundtrip import tmx_schema_errors

    path = tmp_path / "job.mxliff"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
        'xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2" m:version="2.0"><file original="d.docx" '
        'source-language="fr" target-language="en" m:task-id="T"><body><group id="0" m:para-id="0">'
        '<trans-unit id="T:0" m:confirmed="1" m:created-at="1714557600000" m:created-by="51234" '
        'm:modified-at="1714644000250" m:modified-by="60017" m:level-edited="true"><source>Le convoi part.</source>'
        '<target>The convoy leaves.</target></trans-unit>'
        '<trans-unit id="T:1" m:confirmed="1" m:created-at="0" m:created-by="" m:modified-at="0" m:modified-by="">'
        '<source>Il arrive.</source><target>It arrives.</target></trans-unit>'
        '<trans-unit id="T:2" m:confirmed="1" m:created-at="hier"><source>Fin.</source><target>End.</target>'
        "</trans-unit></group></body></file></xliff>", encoding="utf-8")
    units, skipped = read_all(read_xliff, path)
    assert skipped == [f"{path}:1: invalid m:created-at 'hier'"]
    assert [(u.created, u.changed, u.props) for u in units] == [
        (datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc), datetime(2024, 5, 2, 10, 0, 0, 250000, tzinfo=timezone.utc),
         {"x-document": "d.docx", "x-state": "confirmed", "x-phrase-confirmed": "1", "@creationid": "51234", "@changeid": "60017"}),
        (None, None, {"x-document": "d.docx", "x-state": "confirmed", "x-phrase-confirmed": "1"})]
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    tmtool(db, "import", path)
    assert tmtool(db, "export", "tmx", "--srclang", "fr", "--tgtlang", "en", "-o", exported)[0] == 0
    assert tmx_schema_errors(exported) == []
    tu = etree.parse(str(exported)).find("body/tu")
    assert {k: tu.get(k) for k in ("creationdate", "creationid", "changedate", "changeid")} == {
        "creationdate": "20240501T100000Z", "creationid": "51234", "changedate": "20240502T100000Z",
        "changeid": "60017"}
    again = {u.source: u for u in read_tmx(exported)}["Le convoi part."]
    assert (again.created, again.props["@creationid"], again.props["@changeid"]) == (
        datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc), "51234", "60017")


def test_memoq_and_trados_segments_keep_who_changed_them_and_when(tmp_path):
    """memoQ writes who last changed a row and when on its trans-unit (``mq:lastchanginguser``,
    ``mq:lastchangedtimestamp`` in ISO 8601, ``0001-01-01T00:00:00Z`` for never); Trados Studio on each
    segment's ``sdl:seg`` (``created_by``, ``created_on``, ``last_modified_by``, ``modified_on`` values,
    dates as ``04/24/2024 18:18:50``, as translate5's tests of its files show). They were dropped: now the
    unit's, as Phrase's are (a TMX export writes them on the tu)."""
    memoq = tmp_path / "job.mqxliff"
    memoq.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2">'
        '<file original="c.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>'
        '<trans-unit id="1" mq:status="ManuallyConfirmed" mq:lastchanginguser="relecteur" '
        'mq:lastchangedtimestamp="2025-03-04T09:15:30Z" mq:translatorcommitusername="traductrice" '
        'mq:translatorcommittimestamp="2025-03-03T16:00:00Z"><source xml:space="preserve">Le convoi part.</source>'
        '<target xml:space="preserve">The convoy leaves.</target></trans-unit>'
        '<trans-unit id="2" mq:status="ManuallyConfirmed" mq:lastchanginguser="" '
        'mq:lastchangedtimestamp="0001-01-01T00:00:00Z"><source>Fin.</source><target>End.</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    assert [(u.changed, u.created, u.props) for u in read_xliff(memoq)] == [
        (datetime(2025, 3, 4, 9, 15, 30, tzinfo=timezone.utc), None,
         {"x-document": "c.docx", "x-state": "ManuallyConfirmed", "@changeid": "relecteur"}),
        (None, None, {"x-document": "c.docx", "x-state": "ManuallyConfirmed"})]
    trados = tmp_path / "job.sdlxliff"
    trados.write_text(
        SDLXLIFF_HEAD +
        '<trans-unit id="t1"><source>Un. Deux.</source><seg-source><mrk mtype="seg" mid="1">Un.</mrk> '
        '<mrk mtype="seg" mid="2">Deux.</mrk></seg-source><target><mrk mtype="seg" mid="1">One.</mrk> '
        '<mrk mtype="seg" mid="2">Two.</mrk></target><sdl:seg-defs>'
        '<sdl:seg id="1" conf="Translated" origin="interactive"><sdl:value key="SegmentIdentityHash">aGFzaA==</sdl:value>'
        '<sdl:value key="created_by">EXEMPLE\\anne</sdl:value><sdl:value key="created_on">11/05/2024 08:07:06</sdl:value>'
        '<sdl:value key="last_modified_by">EXEMPLE\\marc</sdl:value>'
        '<sdl:value key="modified_on">11/06/2024 17:45:00</sdl:value></sdl:seg>'
        '<sdl:seg id="2" conf="Translated" origin="tm" percent="100"/></sdl:seg-defs></trans-unit>'
        '<trans-unit id="t2"><source>Trois.</source><seg-source><mrk mtype="seg" mid="3">Trois.</mrk></seg-source>'
        '<target><mrk mtype="seg" mid="3">Three.</mrk></target><sdl:seg-defs><sdl:seg id="3" conf="Translated">'
        '<sdl:value key="created_on">24/11/2024 08:07:06</sdl:value></sdl:seg></sdl:seg-defs></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    units, skipped = read_all(read_xliff, trados)
    assert [(u.tuid, u.created, u.changed, u.props) for u in units] == [
        ("t1/1", datetime(2024, 11, 5, 8, 7, 6, tzinfo=timezone.utc), datetime(2024, 11, 6, 17, 45, tzinfo=timezone.utc),
         {"x-state": "Translated", "x-document": "r.docx", "x-sdl-origin": "interactive",
          "@creationid": "EXEMPLE\\anne", "@changeid": "EXEMPLE\\marc"}),
        ("t1/2", None, None, {"x-state": "Translated", "x-document": "r.docx", "x-sdl-origin": "tm",
                              "x-sdl-percent": "100"})]
    assert skipped == [f"{trados}:1: invalid created_on '24/11/2024 08:07:06'"]


def test_trados_reviewers_comments_are_the_notes_of_their_segments(tmp_path):
    """A comment Trados keeps in ``doc-info/cmt-defs`` and marks on a segment's words was dropped."""
    path = tmp_path / "comments.sdlxliff"
    path.write_text(
        SDLXLIFF_HEAD.replace("<file ", '<doc-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><cmt-defs>'
                              '<cmt-def id="c1"><Comments xmlns=""><Comment severity="Medium" user="relecteur" '
                              'version="1.0">Vérifier le nom officiel.</Comment></Comments></cmt-def>'
                              '<cmt-def id="c2"><Comments><Comment severity="Low" user="t" version="1.0">NATO term.'
                              '</Comment><Comment severity="Low" user="u" version="1.0">Agreed.</Comment></Comments>'
                              "</cmt-def></cmt-defs></doc-info><file ", 1) +
        '<trans-unit id="t1"><source>Un. Deux.</source><seg-source><mrk mtype="seg" mid="1">Un.</mrk> '
        '<mrk mtype="seg" mid="2">Deux.</mrk></seg-source><target><mrk mtype="seg" mid="1">'
        '<mrk mtype="x-sdl-comment" sdl:cid="c1">One</mrk>.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></target>'
        '<sdl:seg-defs><sdl:seg id="1" conf="Translated"/><sdl:seg id="2" conf="Translated"/></sdl:seg-defs>'
        '</trans-unit><trans-unit id="t2"><source>Trois.</source><seg-source><mrk mtype="seg" mid="3">'
        '<mrk mtype="x-sdl-comment" sdl:cid="c2">Trois</mrk>.</mrk></seg-source><target><mrk mtype="seg" mid="3">'
        'Three.</mrk></target><sdl:seg-defs><sdl:seg id="3" conf="Translated"/></sdl:seg-defs></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    assert [(u.tuid, u.target, u.notes) for u in read_xliff(path)] == [
        ("t1/1", "One.", ["Vérifier le nom officiel."]), ("t1/2", "Two.", []),
        ("t2", "Three.", ["NATO term.", "Agreed."])]


def test_phrase_codes_written_in_the_text_are_codes(tmp_path):
    """Phrase writes a segment's codes into its text (``{1>Save<1}``, ``{2}``, ``{b>save<b}``), their
    native code in ``m:tunit-metadata``: they were read as words of the translation."""
    from test_roundtrip import tmx_schema_errors

    path = tmp_path / "job.mxliff"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
        'xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2" m:version="2.17"><file original="d.docx" '
        'source-language="fr" target-language="en" m:task-id="T"><body><group id="0">'
        '<trans-unit id="T:0" m:confirmed="1"><source>Cliquez sur {1&gt;Enregistrer&lt;1}{2} pour {b&gt;sauver'
        "&lt;b} ; coût {environ} 5.</source><target>Click {1&gt;Save&lt;1}{2} to {b&gt;save&lt;b}; cost {approx} 5."
        '</target><m:tunit-metadata><m:mark id="1"><m:type>code</m:type><m:content>&lt;w:b/&gt;</m:content>'
        '</m:mark><m:mark id="2"><m:content>&lt;w:tab/&gt;</m:content></m:mark></m:tunit-metadata></trans-unit>'
        "</group></body></file></xliff>", encoding="utf-8")
    [unit] = read_xliff(path)
    assert (unit.source, unit.target) == ("Cliquez sur Enregistrer pour sauver ; coût {environ} 5.",
                                          "Click Save to save; cost {approx} 5.")  # {approx} is text
    assert unit.target_markup == ('Click <bpt i="1" x="1">&lt;w:b/&gt;</bpt>Save<ept i="1"/><ph x="2">&lt;w:tab/&gt;'
                                  '</ph> to <bpt i="2" x="b"/>save<ept i="2"/>; cost {approx} 5.')
    tmtool(tmp_path / "t.db", "import", path)
    tmtool(tmp_path / "t.db", "export", "tmx", "--srclang", "fr", "--tgtlang", "en", "-o", tmp_path / "out.tmx")
    assert tmx_schema_errors(tmp_path / "out.tmx") == []


def test_trados_locked_content_is_the_segment_s_text(tmp_path):
    """Trados keeps locked words in a ``lockTU_`` unit of their own that the segment points to with
    an ``x``: read as a code, *PX-200* was lost from both sides, and each holder read as a unit."""
    path = tmp_path / "locked.sdlxliff"
    path.write_text(
        SDLXLIFF_HEAD +
        '<trans-unit id="t1"><source>Conduite <x id="locked1" xid="lockTU_a1"/> de pression</source><seg-source>'
        '<mrk mtype="seg" mid="1">Conduite <x id="locked1" xid="lockTU_a2"/> de <g id="pt1">pression</g></mrk>'
        '</seg-source><target><mrk mtype="seg" mid="1">Pressure pipe <x id="locked2" xid="lockTU_a3"/></mrk></target>'
        '<sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit>'
        '<trans-unit id="lockTU_a1" translate="no"><source>PX-<g id="pt1">200</g></source></trans-unit>'
        '<trans-unit id="lockTU_a2" translate="no"><source>PX-<g id="pt1">200</g></source></trans-unit>'
        '<trans-unit id="lockTU_a3" translate="no"><source>PX-<g id="pt1">200</g></source></trans-unit>'
        "</body></file></xliff>", encoding="utf-8")
    units, skipped = read_all(read_xliff, path)
    assert [(u.tuid, u.source, u.target) for u in units] == [
        ("t1", "Conduite PX-200 de pression", "Pressure pipe PX-200")]
    # marked as a Trados memory's locked content is (tmtool.formats.inline.trados_segment)
    assert units[0].source_markup == (
        'Conduite <hi type="x-locked">PX-<bpt i="1" x="pt1">&lt;cf bold="True"&gt;</bpt>200<ept i="1">&lt;/cf&gt;'
        '</ept></hi> de '
        '<bpt i="2" x="pt1">&lt;cf bold="True"&gt;</bpt>pression<ept i="2">&lt;/cf&gt;</ept>')
    assert skipped == []


def test_a_target_names_its_language_when_the_file_does_not(tmp_path):
    """XLIFF 1.2 makes a <file>'s target-language optional; ``xml:lang`` on each <target> (as Okapi and
    translate-toolkit write it, and resource files edited by hand keep it) names the language instead.
    Such a translation was skipped for lack of a target language."""
    path = tmp_path / "messages.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"'
        ' datatype="plaintext" original="messages"><body>'
        '<trans-unit id="a"><source xml:lang="en">Retreat</source><target xml:lang="fr-CA">Retraite</target>'
        '</trans-unit><trans-unit id="b"><source>Advance</source><target>Avance</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    units, skipped = read_all(read_xliff, path)
    assert [(u.source, u.target, u.tgtlang) for u in units] == [("Retreat", "Retraite", "fr-CA")]
    assert skipped == [f"{path}:1: <trans-unit> has a translation, but its <file> has no target-language"]


def test_xliff_2_2_in_its_own_namespace(tmp_path):
    """XLIFF 2.2 (OASIS Committee Specification, March 2025) declares the namespace
    urn:oasis:names:tc:xliff:document:2.2 for the core 2.0 and 2.1 shared: such a file was refused."""
    path = tmp_path / "doc.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" version="2.2"'
        ' srcLang="fr-FR" trgLang="en-GB"><file id="1" original="note.docx"><unit id="u1">'
        '<notes><note>Titre</note></notes><originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data>'
        '</originalData><segment id="s1" state="final"><source>Le <pc id="1" dataRefStart="d1" dataRefEnd="d2">convoi'
        '</pc> part.</source><target>The <pc id="1" dataRefStart="d1" dataRefEnd="d2">convoy</pc> leaves.</target>'
        '</segment></unit></file></xliff>', encoding="utf-8")
    [unit] = read_xliff(path)
    assert (unit.source, unit.target, unit.srclang, unit.tgtlang, unit.notes, unit.props) == (
        "Le convoi part.", "The convoy leaves.", "fr-FR", "en-GB", ["Titre"], {"x-document": "note.docx", "x-state": "final"})
    assert unit.target_markup == 'The <bpt i="1" x="1">&lt;b&gt;</bpt>convoy<ept i="1">&lt;/b&gt;</ept> leaves.'


def test_xliff_2_comment_annotations_are_the_notes_of_their_segment(tmp_path):
    """A reviewer's comment on words of an XLIFF 2 segment, ``<mrk type="comment" value="…">``, was
    dropped with the mark, its words kept; one referring to a unit's note (``ref``) is that note."""
    path = tmp_path / "reviewed.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr-FR" trgLang="en-GB">'
        '<file id="f1"><unit id="u1"><notes><note id="n1">Grade OTAN.</note></notes>'
        '<segment id="1" state="reviewed"><source>Le <mrk id="m1" type="comment" ref="#n=n1">général</mrk> arrive.'
        '</source><target>The <mrk id="m1" type="comment" ref="#n=n1">general</mrk> arrives.</target></segment>'
        '<segment id="2" state="reviewed"><source>Il salue les troupes.</source><target>He <mrk id="m2" type="comment" '
        'value="Plutôt « inspects » ?">greets</mrk> the troops.</target></segment></unit></file></xliff>',
        encoding="utf-8")
    assert [(u.tuid, u.target, u.notes) for u in read_xliff(path)] == [
        ("u1/1", "The general arrives.", ["Grade OTAN."]),
        ("u1/2", "He greets the troops.", ["Grade OTAN.", "Plutôt « inspects » ?"])]


def test_xliff_1_1_without_namespace(tmp_path):
    path = REAL / "xliff-1.1-no-namespace.xlf"
    units, skipped = read_all(read_xliff, path)
    assert [(u.source, u.target, u.srclang, u.tgtlang) for u in units] == [
        ("Le Comité s’est réuni.", "The Committee met.", "fr", "en"), ("Fin.", "End.", "fr", "en")]
    assert units[0].target_markup == 'The <bpt i="1" x="1">&lt;i&gt;</bpt>Committee<ept i="1">&lt;/i&gt;</ept> met.'
    assert skipped == [f"{path}:11: a <trans-unit> without <source>"]


def test_angular_placeholders_keep_the_source_s_own_expression(tmp_path):
    """Angular's i18n extraction gives a placeholder no native data but the source's own text: 1.2
    ``<x id="INTERPOLATION" equiv-text="{{ name }}"/>`` (an element's tags as ``x`` of ``ctype="x-em"``
    with ``equiv-text="&lt;em&gt;"``), 2.0 ``<ph equiv="INTERPOLATION" disp="{{ name }}"/>`` and ``<pc
    dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">``. The codes held nothing, so a TMX export said
    ``<ph x="INTERPOLATION"/>``: which expression it stood for was lost. Now each holds that text."""
    from test_roundtrip import tmx_schema_errors

    old = tmp_path / "messages.fr.xlf"
    old.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en-US" target-language="fr" datatype="plaintext" original="ng2.template"><body>'
        '<trans-unit id="convoyLeaves" datatype="html"><source>The convoy leaves at <x id="INTERPOLATION" '
        'equiv-text="{{ hour | date }}"/>, <x id="START_EMPHASISED_TEXT" ctype="x-em" equiv-text="&lt;em&gt;"/>'
        'on time<x id="CLOSE_EMPHASISED_TEXT" ctype="x-em" equiv-text="&lt;/em&gt;"/>.</source>'
        '<target state="translated">Le convoi part à <x id="INTERPOLATION" equiv-text="{{ hour | date }}"/>, '
        '<x id="START_EMPHASISED_TEXT" ctype="x-em" equiv-text="&lt;em&gt;"/>à l\'heure'
        '<x id="CLOSE_EMPHASISED_TEXT" ctype="x-em" equiv-text="&lt;/em&gt;"/>.</target>'
        '<context-group purpose="location"><context context-type="sourcefile">src/app/convoy.html</context>'
        '</context-group></trans-unit></body></file></xliff>', encoding="utf-8")
    new = tmp_path / "messages2.fr.xlf"
    new.write_text(
        '<?xml version="1.0" encoding="UTF-8" ?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'srcLang="en-US" trgLang="fr"><file id="ngi18n" original="ng.template"><unit id="arrives"><segment>'
        '<source><ph id="0" equiv="INTERPOLATION" disp="{{ unit.name }}"/> arrives <pc id="1" equivStart="START_BOLD_TEXT" '
        'equivEnd="CLOSE_BOLD_TEXT" type="fmt" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">tonight</pc>.</source>'
        '<target><ph id="0" equiv="INTERPOLATION" disp="{{ unit.name }}"/> arrive <pc id="1" equivStart="START_BOLD_TEXT" '
        'equivEnd="CLOSE_BOLD_TEXT" type="fmt" dispStart="&lt;b&gt;" dispEnd="&lt;/b&gt;">ce soir</pc>.</target>'
        '</segment></unit></file></xliff>', encoding="utf-8")
    [first] = read_xliff(old)
    assert (first.source, first.target) == ("The convoy leaves at , on time.", "Le convoi part à , à l'heure.")
    assert first.target_markup == (
        'Le convoi part à <ph x="INTERPOLATION">{{ hour | date }}</ph>, <ph x="START_EMPHASISED_TEXT" type="x-em">'
        '&lt;em&gt;</ph>à l\'heure<ph x="CLOSE_EMPHASISED_TEXT" type="x-em">&lt;/em&gt;</ph>.')
    [second] = read_xliff(new)
    assert (second.source, second.target) == (" arrives tonight.", " arrive ce soir.")
    assert second.target_markup == ('<ph x="0">{{ unit.name }}</ph> arrive <bpt i="1" x="1">&lt;b&gt;</bpt>ce soir'
                                    '<ept i="1">&lt;/b&gt;</ept>.')
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    for path in (old, new):
        assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tmx", "--srclang", "en-US", "--tgtlang", "fr", "-o", exported)[0] == 0
    assert tmx_schema_errors(exported) == []
    assert sorted(u.target_markup for u in read_tmx(exported)) == sorted([first.target_markup, second.target_markup])


def test_xliff_2_codes_take_their_original_data():
    units = list(read_xliff(REAL / "oasis-xliff-2.0-codes.xlf"))
    assert [(u.tuid, u.source, u.target) for u in units] == [
        ("1", "Important: restart now.", "Important : redémarrez maintenant."),
        ("2/s1", "Read the notes.", "Lisez les notes."),
        ("2/s2", "Then OK.", "Puis OK."),
    ]
    assert units[0].source_markup == ('<bpt i="1" x="1">&lt;b&gt;</bpt>Important<ept i="1">&lt;/b&gt;</ept>'
                                      ': restart now.<ph x="2">&lt;br/&gt;</ph>')
    assert units[2].source_markup == '<it pos="begin" x="2">&lt;a href="x"&gt;</it>Then OK.'


def test_utf16le_declared_without_a_byte_order_mark(tmp_path):
    path = REAL / "utf16le-no-bom.xlf"
    assert path.read_bytes()[:4] == "<?".encode("utf-16-le")  # the label UTF-16LE takes no mark
    assert [(u.source, u.target) for u in read_xliff(path)] == [
        ("Enregistrer sous…", "Save as…"), ("Quitter", "Quit")]
    big_endian = tmp_path / "be.xlf"
    big_endian.write_bytes(path.read_bytes().decode("utf-16-le").replace("UTF-16LE", "UTF-16BE").encode("utf-16-be"))
    assert len(list(read_xliff(big_endian))) == 2
    unlabelled = tmp_path / "plain-utf16.xlf"  # "UTF-16" needs the mark
    unlabelled.write_bytes(path.read_bytes().decode("utf-16-le").replace("UTF-16LE", "UTF-16").encode("utf-16-le"))
    with pytest.raises(TmtoolError, match="UTF-16 without a byte-order mark"):
        list(read_xliff(unlabelled))


def test_segment_then_a_cat_tool_then_import(tmp_path):
    """tmtool segment names the target language; what a CAT tool filled in is imported, its
    untouched copies of the source are not (OmegaT's own run: tests/test_omegat.py)."""
    xliff = tmp_path / "report.xlf"
    document = tmp_path / "report.fr.txt"
    document.write_text("Le Comité s’est réuni.\n\nIl a approuvé le plan.\n", encoding="utf-8")
    assert tmtool(tmp_path / "t.db", "segment", document, "--lang", "fr", "-o", xliff)[0] == 0
    text = xliff.read_text(encoding="utf-8")
    assert 'target-language="en-GB"' in text
    # the translator fills the first unit and leaves its state as it was, as OmegaT does
    xliff.write_text(text.replace('state="needs-translation">Le Comité s’est réuni.<',
                                  'state="needs-translation">The Committee met.<'), encoding="utf-8")
    assert tmtool(tmp_path / "t.db", "import", xliff)[1] == (
        "1 unit added (fr-FR→en-GB 1), 0 already stored, 1 untranslated skipped\n")
    assert tmtool(tmp_path / "u.db", "segment", document, "--lang", "de", "-o", xliff)[2] == (
        "tmtool: error: give the target language (--tgtlang) for a file in de\n")


def test_okapi_alt_trans_is_a_proposal_and_a_code_s_sub_flow_stays_in_the_code(tmp_path):
    """Okapi's XLIFF filter test file (copied, see the README): an ``<alt-trans>`` is a match proposed for
    unit 4, not its translation; ``translate="no"`` keeps unit 0 out; ``approved="yes"`` is no state of
    its own (kept as ``x-approved``); the text of a ``<sub>`` inside a code (an attribute's text, say) is the code's, not the
    sentence's, and is kept in the markup."""
    path = REAL / "okapi-alt-trans.xlf"
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.tuid, u.source, u.target, u.srclang, u.tgtlang, u.props) for u in units] == [
        ("6", "Text  text.", "", "en", "fr", {"x-document": "test1"}),
        ("0", "Do not translate this.", "", "en", "fr", {"x-document": "test1", "x-translate": "no"}),
        ("1", "Text number 1", "", "en", "fr", {"x-document": "test1"}),
        ("2", "Text number 2", "Texte numéro 2.", "en", "fr", {"x-document": "test1"}),
        ("3", "Text number 3", "Texte numéro 3", "en", "fr", {"x-document": "test1", "x-approved": "yes"}),  # approved: kept
        ("4", "Text number four", "", "en", "fr", {"x-document": "test1"}),  # not "Le texte numéro quatre."
        ("5", "Text  text.", "", "en", "fr", {"x-document": "test1"}),
    ]
    assert units[0].source_markup == ('Text <ph x="1">startCode<sub>[nested<ph x="2">ph-in-sub</ph>still in sub]</sub>'
                                      'endCode</ph> text.')
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 units added (en→fr 2), 0 already stored, 5 untranslated skipped\n")


def test_a_typo3_l10nmgr_export_in_a_prefixed_namespace_with_upper_case_languages(tmp_path):
    """The TYPO3 Localisation Manager's XLIFF (its draft sample, from Okapi's tests): every element
    prefixed ``xlf:``, languages written ``EN`` and ``DE``, the header's note for every unit, a ``g``
    a code. A CDATA section holds the field's HTML as it is, the "workaround where no HTML to XLIFF
    transformation is needed" the file's own comment calls it: its tags are codes, as a ``g`` is (they
    were read as words), and ``l10nmgr:translation`` no target; exported, the codes are kept."""
    from test_roundtrip import tmx_schema_errors

    path = REAL / "typo3-l10nmgr.xlf"
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.tuid, u.source, u.target, u.srclang, u.tgtlang) for u in units] == [
        ("1", "I am a headline", "Ich bin eine Überschrift", "en", "de"),
        ("2", "This is my source text to be translated.", "Dies ist der übersetzte Text.", "en", "de"),
        ("3", "This is a sentence with a boldword.", "Dies ist ein Satz mit einem fettgedruckten Wort", "en", "de"),
        ("4", "This is a sentence with a boldword.", "Dies ist ein Satz mit einem fettgedruckten Wort.", "en", "de"),
        ("5", "--empty--", "", "en", "de"),
        ("6", "Menu entry", "", "en", "de"),
    ]
    assert {tuple(u.notes) for u in units} == {("Note for translator here",)}
    assert units[2].target_markup == ('Dies ist ein Satz mit einem <bpt i="1" x="1" type="bold"/>fettgedruckten Wort'
                                      '<ept i="1"/>')
    # in a unit of datatype html, any tag is one, as a browser reads it: <bold> too
    assert (units[3].source_markup, units[3].target_markup) == (
        'This is a sentence with a <bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept>word.',
        'Dies ist ein Satz mit einem <bpt i="1">&lt;bold&gt;</bpt>fettgedruckten<ept i="1">&lt;/bold&gt;</ept> Wort.')
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    assert tmtool(db, "import", path)[1] == "4 units added (en→de 4), 0 already stored, 2 untranslated skipped\n"
    assert tmtool(db, "export", "tmx", "--srclang", "en", "--tgtlang", "de", "-o", exported)[0] == 0
    assert tmx_schema_errors(exported) == []
    assert [(u.source_markup, u.target_markup) for u in read_tmx(exported)] == [
        (u.source_markup, u.target_markup) for u in units[:4]]


def test_typo3_html_in_cdata_is_markup_kept_as_codes_through_a_tmx_export(tmp_path):
    """TYPO3 writes a rich text field (``tt_content`` ``bodytext``) and a label holding markup as HTML in a
    CDATA section, ``<![CDATA[<p>… <strong>…</strong> …</p>]]>``, in XLIFF otherwise of plain text (its
    locallang files, the exports of its translation extensions). The tags were words of the translation:
    now its text is what a reader reads, character references decoded, and each tag a code holding it,
    so that the tags and the text between them give the HTML back. In a label of plain text only HTML's
    own elements are tags: *<e-mail>* is a word; a tag closed elsewhere (``<p>`` without ``</p>``) is an
    ``it``, a void element or comment a ``ph``."""
    from test_roundtrip import tmx_schema_errors

    path = tmp_path / "typo3.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="fr" target-language="en" datatype="plaintext" original="EXT:site/locallang.xlf">'
        '<header/><body>'
        '<trans-unit id="tt_content/42/bodytext" datatype="html" xml:space="preserve"><source><![CDATA[<p>Lisez '
        '<a href="https://example.org/?page=2&amp;lang=fr">la note</a> &amp; signez-la.<br />Merci.</p>]]></source>'
        '<target state="translated"><![CDATA[<p>Read <a href="https://example.org/?page=2&amp;lang=en">the note</a>'
        ' &amp; sign it.<br />Thank you.</p>]]></target></trans-unit>'
        '<trans-unit id="login.failed" xml:space="preserve"><source><![CDATA[<strong>Échec</strong> de la '
        'connexion<!-- titre -->]]></source><target><![CDATA[<strong>Login</strong> failed]]></target></trans-unit>'
        '<trans-unit id="mail.invalid"><source><![CDATA[Saisissez une <e-mail> valide &amp; lisible.]]></source>'
        '<target><![CDATA[Enter a valid &amp; readable <e-mail>.]]></target></trans-unit>'
        '<trans-unit id="intro" datatype="html"><source><![CDATA[<p>Bienvenue]]></source>'
        '<target><![CDATA[<p>Welcome]]></target></trans-unit>'
        '<trans-unit id="plain"><source>Un &lt;b&gt; écrit.</source><target>A written &lt;b&gt;.</target></trans-unit>'
        # a target a tool saved again escaped rather than in CDATA: HTML as its source says
        '<trans-unit id="resaved" datatype="html"><source><![CDATA[<em>Prêt</em>]]></source>'
        '<target>&lt;em&gt;Ready&lt;/em&gt;</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.source, u.target) for u in units] == [
        # the <br /> between two sentences is a line break, not nothing (*signez-la.Merci.*)
        ("Lisez la note & signez-la.\nMerci.", "Read the note & sign it.\nThank you."),
        ("Échec de la connexion", "Login failed"),
        ("Saisissez une <e-mail> valide &amp; lisible.", "Enter a valid &amp; readable <e-mail>."),
        ("Bienvenue", "Welcome"),
        ("Un <b> écrit.", "A written <b>."),  # no CDATA: text
        ("Prêt", "Ready")]
    assert units[0].target_markup == (
        '<bpt i="1">&lt;p&gt;</bpt>Read <bpt i="2">&lt;a href="https://example.org/?page=2&amp;amp;lang=en"&gt;'
        '</bpt>the note<ept i="2">&lt;/a&gt;</ept> &amp; sign it.<ph>&lt;br /&gt;</ph>Thank you.<ept i="1">&lt;/p&gt;'
        '</ept>')
    assert units[1].source_markup.endswith('connexion<ph>&lt;!-- titre --&gt;</ph>')
    assert [(u.source_markup, u.target_markup) for u in units[2:]] == [
        (None, None), ('<it pos="begin">&lt;p&gt;</it>Bienvenue', '<it pos="begin">&lt;p&gt;</it>Welcome'), (None, None),
        ('<bpt i="1">&lt;em&gt;</bpt>Prêt<ept i="1">&lt;/em&gt;</ept>',
         '<bpt i="1">&lt;em&gt;</bpt>Ready<ept i="1">&lt;/em&gt;</ept>')]
    db, exported = tmp_path / "t.db", tmp_path / "out.tmx"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tmx", "--srclang", "fr", "--tgtlang", "en", "-o", exported)[0] == 0
    assert tmx_schema_errors(exported) == []
    again = {u.source: u for u in read_tmx(exported)}
    assert [(again[u.source].source_markup, again[u.source].target_markup) for u in units] == [
        (u.source_markup, u.target_markup) for u in units]
    # the codes and the text between them are the HTML, its text's one reference decoded
    seg = etree.parse(str(exported)).find("body/tu/tuv[2]/seg")
    assert "".join(seg.itertext()) == ('<p>Read <a href="https://example.org/?page=2&amp;lang=en">the note</a> & sign it.'
                                       '<br />Thank you.</p>')


def test_a_po_file_as_translate_toolkit_converts_it_to_xliff(tmp_path):
    """translate-toolkit's po2xliff (Weblate's test file, copied) keeps the PO header in a trans-unit of
    ``restype="x-gettext-domain-header"``, the XLIFF 1.2 representation guide for PO's, and names the
    target language there (``Language: cs``), not on ``<file>``. The header was read as a unit (stored as a
    translation when ``<file>`` names the language), and the one translation skipped: "its <file> has no
    target-language"."""
    path = REAL / "ttk-poxliff-cs.xlf"
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.tuid, u.source, u.target, u.srclang, u.tgtlang) for u in units] == [
        ("2", "Hello, world!\n", "Ahoj světe!\n", "en-US", "cs"),
        ("3[0]", "Orangutan has %d banana.\n", "", "en-US", "cs"),  # a plural's forms, a unit each
        ("3[1]", "Orangutan has %d bananas.\n", "", "en-US", "cs"),
        ("4", "Try Weblate at <https://demo.weblate.org/>!\n", "", "en-US", "cs"),
        ("5", "Thank you for using Weblate.", "", "en-US", "cs"),
    ]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "1 unit added (en-US→cs 1), 0 already stored, 4 untranslated skipped\n")
    # a <file> naming its target language too: the header, its own "translation", was stored as a unit
    named = tmp_path / "named.xlf"
    named.write_text(path.read_text(encoding="utf-8").replace('datatype="plaintext"',
                                                              'target-language="cs" datatype="plaintext"'),
                     encoding="utf-8")
    assert [u.tuid for u in read_xliff(named)] == ["2", "3[0]", "3[1]", "4", "5"]


def test_a_po_file_as_okapi_converts_it_keeps_gettext_s_fuzzy_flag_as_approval(tmp_path):
    """Okapi's PO filter (its integration test's XLIFF, copied) writes ``approved="yes"`` on each message
    gettext holds translated, and leaves it off a fuzzy message and an untranslated one, whose target it
    fills with a copy of the source: in a PO file converted to XLIFF, approval is gettext's fuzzy flag, as
    translate-toolkit's po2xliff writes it too. The fuzzy translations and the copies were imported as
    translations (12 units); they are not confirmed, as a PO file's fuzzy messages read from PO are not."""
    path = REAL / "okapi-po-filter.xlf"
    units, skipped = read_all(read_xliff, path)
    assert skipped == []
    assert [(u.tuid, u.props["x-state"]) for u in units if "x-state" in u.props] == [
        (tuid, "unconfirmed") for tuid in ("3", "5", "6", "10", "11", "12", "13")]
    assert (units[0].tuid, units[0].props["x-resname"]) == ("2", "N93745AA6")  # the key Okapi names a message by
    assert [u.target for u in units if "x-state" not in u.props] == [
        "Texte avec une traducion approuvée ", "Deuxième phrase d'abord avec . Puis la première.",
        "Characters spéciaux : \\\"=quot, &=amp, <=lt, >=gt, '=apos, Ą=U+0104", " fichier", " fichiers"]
    assert units[0].target_markup == 'Texte avec une traducion approuvée <ph x="1"/>'
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "5 units added (en→fr 5), 0 already stored, 0 untranslated skipped, "
                              "7 not confirmed skipped\n")
    # elsewhere, a unit without approved="yes" is a translation as it stands (most tools never write it)
    other = tmp_path / "other.xlf"
    other.write_text(path.read_text(encoding="utf-8").replace('datatype="x-application/x-gettext"',
                                                              'datatype="plaintext"').replace(
        'restype="x-gettext-plurals"', 'restype="x-plurals"'), encoding="utf-8")
    assert [u.props.get("x-state") for u in read_xliff(other)] == [None] * 12


# ---- TBX ----


def test_microsoft_terminology_collection_layout(tmp_path):
    path = REAL / "microsoft-terminology-ntig.tbx"
    entries, skipped = read_all(read_tbx, path)
    assert skipped == [f"{path}:71: an entry without any term"]
    acl, sign_in = entries
    assert [(t.text, t.lang, t.pos, t.term_type) for t in acl.terms] == [
        ("access control list", "en", "noun", TermType.FULL_FORM), ("ACL", "en", "noun", TermType.ABBREVIATION),
        ("liste de contrôle d’accès", "fr", "noun", TermType.FULL_FORM)]
    assert acl.terms[2].gender == "feminine" and acl.definition.startswith("A list of the permissions")
    assert [c.fr for c in acl.contexts] == ["Modifiez la liste de contrôle d’accès du dossier."]
    assert [(t.text, t.pos, t.usage) for t in sign_in.terms] == [
        ("sign in", "verb", UsageStatus.PREFERRED), ("se connecter", "verb", UsageStatus.PREFERRED),
        ("ouvrir une session", "verb", UsageStatus.DEPRECATED)]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out == (f"2 entries added, 0 already stored (entries in en 2, fr 2), "
                   f"1 skipped: {path}:71: an entry without any term\n")


def test_tbx_min_of_2013():
    entries, skipped = read_all(read_tbx, REAL / "tbx-min-2013.tbx")
    assert skipped == []
    assert [[(t.text, t.lang, t.usage) for t in e.terms] for e in entries] == [
        [("état-major", "fr", UsageStatus.PREFERRED), ("staff", "en", UsageStatus.PREFERRED),
         ("general staff", "en", UsageStatus.DEPRECATED)],
        [("poste de commandement", "fr", UsageStatus.PREFERRED), ("command post", "en", UsageStatus.PREFERRED)],
    ]
    assert entries[0].note == "subjectField: defence\ncustomer (état-major): OTAN"  # categories kept as notes, a term's named
    assert [t.note for t in entries[0].terms] == ["masculin", None, None]  # a note in a termGroup: the term's


def test_tbx_basic_data_categories_beyond_the_model_are_kept_as_notes():
    [entry], skipped = read_all(read_tbx, REAL / "tbx-basic-v3-categories.tbx")
    assert skipped == []
    assert [(t.text, t.lang, t.pos, t.gender) for t in entry.terms] == [
        ("mobility corridor", "en", "noun", None), ("corridor de mobilité", "fr", "noun", "masculine")]
    assert entry.definition == "A route for moving forces."
    # the term's transacGrp dates the entry and names who made it (it was dropped: no date, no person)
    assert entry.note.split("\n") == [
        "subjectField: logistics", "customerSubset: Army", "xref: source page (https://example.org/c1)",
        "geographicalUsage (mobility corridor): en-GB", "source (mobility corridor): Doctrine 2020",
        "Created by: clambert"]
    assert entry.first_seen == datetime(2020, 5, 4)


# translate-toolkit's Terminator writes a term's administrativeStatus with the reason for it in a termNoteGrp (its
# TBX conformance page), and a crossReference to another concept by its target alone
TERMINATOR_TBX = """<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE martif SYSTEM 'TBXcoreStructV02.dtd'>
<martif type='TBX' xml:lang='en'>
<martifHeader><fileDesc><titleStmt><title>Defence glossary</title></titleStmt>
<sourceDesc><p>Terminator</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="cid-23">
  <descripGrp><descrip type="subjectField">naval warfare</descrip><ref type="crossReference" target="cid-2342"></ref></descripGrp>
  <langSet xml:lang="en"><tig><term>minehunter</term></tig></langSet>
  <langSet xml:lang="fr">
    <tig><term>chasseur de mines</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>dragueur</term>
      <termNoteGrp>
        <termNote type="administrativeStatus">deprecatedTermadmnsts</termNote>
        <note>Raison : un dragueur drague, il ne chasse pas.</note>
      </termNoteGrp>
    </tig>
  </langSet>
</termEntry>
</body></text>
</martif>
"""


@pytest.mark.parametrize("export", ["tbx", "tbx-martif"])
def test_a_term_s_status_and_its_reason_in_a_termnotegrp_are_kept(tmp_path, export):
    """A termNoteGrp was passed over whole: *dragueur*, deprecated in the termbase, was read as preferred and its
    reason lost; and a crossReference naming only its target was dropped. They are the term's usage and note, the
    entry's note, and come back from an export."""
    (tmp_path / "terminator.tbx").write_text(TERMINATOR_TBX, encoding="utf-8")
    db = tmp_path / "store.db"
    run = CliRunner().invoke
    assert run(main, ["--db", str(db), "import", str(tmp_path / "terminator.tbx"), "--status", "approved"]).exit_code == 0
    assert run(main, ["--db", str(db), "export", export, "--langs", "all", "-o", str(tmp_path / "out.tbx")]).exit_code == 0
    with open_store(str(db)) as store:
        stored = store.list_entries()
    for [entry] in (stored, list(read_tbx(tmp_path / "out.tbx"))):
        [dragueur] = [t for t in entry.terms if t.text == "dragueur"]
        assert (dragueur.usage, dragueur.note) == (UsageStatus.DEPRECATED, "Raison : un dragueur drague, il ne chasse pas.")
        assert entry.note.split("\n")[:2] == ["subjectField: naval warfare", "crossReference: cid-2342"]


@pytest.mark.parametrize("export", ["tbx", "tbx-martif"])
def test_a_termbase_s_tbx_export_imported_again_is_already_stored_not_in_conflict(tmp_path, export):
    """The LTAC sample names who created and changed each entry in a transacGrp before its notes: the export
    wrote those transactions after the note, so the lines naming who came back at the note's end, and importing
    the store's own export again said each of the 39 entries "differs from the file", a conflict."""
    db = tmp_path / "store.db"
    assert tmtool(db, "import", LTAC / "Example_Astronomy_DCA_VALID.tbx", "--status", "approved")[0] == 0
    assert tmtool(db, "export", export, "--langs", "all", "-o", tmp_path / "out.tbx")[0] == 0
    code, out, _ = tmtool(db, "import", tmp_path / "out.tbx")
    assert (code, out) == (0, "0 entries added, 45 already stored (entries in en 39, es 39, zu 6)\n")
    with open_store(str(db)) as store:
        stored = {e.id: e.note for e in store.list_entries(statuses=None)}
    assert {e.id: e.note for e in read_tbx(tmp_path / "out.tbx")} == stored
    assert stored["1"].startswith("Created by: Tommy\nModified by: Tommy\n")


def test_transactions_of_a_multiterm_entry_s_terms_are_its_history(tmp_path):
    """MultiTerm dates each term it exports (a ``transacGrp`` in the ``termGrp``) as well as the entry; the terms'
    were dropped, so a term changed after its entry lost that change, and an entry dated by its terms alone its
    dates. They are the entry's history now, a term's repeating the entry's once."""
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-16"?>\n<mtf><conceptGrp><concept>1</concept><transacGrp><transac'
        ' type="origination">julien</transac><date>2021-03-01T11:21:32</date></transacGrp><languageGrp><language'
        ' type="English" lang="EN"/><termGrp><term>home</term><transacGrp><transac type="origination">julien</transac>'
        '<date>2021-03-01T11:21:32</date></transacGrp><transacGrp><transac type="modification">anne</transac><date>'
        '2021-03-04T09:00:00</date></transacGrp></termGrp></languageGrp><languageGrp><language type="French" lang="FR"/>'
        '<termGrp><term>accueil</term></termGrp></languageGrp></conceptGrp>\n<conceptGrp><concept>2</concept>'
        '<languageGrp><language type="English" lang="EN"/><termGrp><term>convoy</term><transacGrp><transac'
        ' type="origination">pmorel</transac><date>2020-06-01T08:00:00</date></transacGrp></termGrp></languageGrp>'
        '<languageGrp><language type="French" lang="FR"/><termGrp><term>convoi</term></termGrp></languageGrp>'
        '</conceptGrp></mtf>\n', encoding="utf-16")
    entries, skipped = read_all(read_multiterm, path)
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2021, 3, 1, 11, 21, 32), datetime(2021, 3, 4, 9), "Created by: julien\nModified by: anne"),
        (datetime(2020, 6, 1, 8), None, "Created by: pmorel")]


def test_transactions_of_a_tbx_entry_s_terms_and_language_sections_are_its_history(tmp_path):
    """TBX-Basic's samples date a term in its ``tig``/``termSec`` and a language section in its ``langSec``; only
    the entry's own transacGrp was read, so an entry dated by its terms alone came without date or person, and a
    term changed after its entry lost that change. They are the entry's history now, one repeated by a section
    once, and an export writes the entry's dates and people back."""
    path = tmp_path / "basic.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en-US"><martifHeader><fileDesc>'
        '<sourceDesc><p>Termbase export</p></sourceDesc></fileDesc></martifHeader><text><body>\n'
        '<termEntry id="c5"><langSet xml:lang="en"><tig><term>e-mail</term><transacGrp><transac type="transactionType">'
        'origination</transac><transacNote type="responsibility" target="US5001">Jane</transacNote><date>2007-07-22'
        '</date></transacGrp></tig></langSet><langSet xml:lang="fr"><tig><term>courriel</term></tig></langSet></termEntry>\n'
        '<termEntry id="c6"><transacGrp><transac type="transactionType">origination</transac><date>2010-04-17</date>'
        '<transacNote type="responsibility">Tommy</transacNote></transacGrp><langSet xml:lang="en"><transacGrp><transac'
        ' type="transactionType">origination</transac><date>2010-04-17</date><transacNote type="responsibility">Tommy'
        '</transacNote></transacGrp><tig><term>open cluster</term><transacGrp><transac type="transactionType">'
        'modification</transac><date>2010-05-01</date><transacNote type="responsibility">Anne</transacNote>'
        '</transacGrp></tig></langSet><langSet xml:lang="fr"><tig><term>amas ouvert</term></tig></langSet></termEntry>\n'
        '</body></text></martif>\n', encoding="utf-8")
    entries, skipped = read_all(read_tbx, path)
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2007, 7, 22), None, "Created by: Jane"),
        (datetime(2010, 4, 17), datetime(2010, 5, 1), "Created by: Tommy\nModified by: Anne")]
    db, exported = tmp_path / "t.db", tmp_path / "out.tbx"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tbx", "--status", "all", "-o", exported)[0] == 0
    written = etree.parse(str(exported))
    assert [[(g[0].text, g[1].text[:10], g[2].text) for g in entry.iter("{*}transacGrp")]
            for entry in written.iter("{*}conceptEntry")] == [
        [("origination", "2007-07-22", "Jane")],
        [("origination", "2010-04-17", "Tommy"), ("modification", "2010-05-01", "Anne")]]


def test_who_a_tbx_entry_s_transactions_name_is_kept_in_its_note(tmp_path):
    """A TBX-Basic entry's transacGrp names who created and who last changed it (``transacNote
    type="responsibility"``) beside the date: the date was read, the person lost. They are lines of the note
    (``Created by: …``, ``Modified by: …``), as memoQ's Entry_Creator and Entry_Modifier are, and an export
    writes them back where they were."""
    path = tmp_path / "termbase.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/'
        'TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        '  <tbxHeader><fileDesc><sourceDesc><p>Termbase export</p></sourceDesc></fileDesc></tbxHeader>\n'
        '  <text><body>\n    <conceptEntry id="c7">\n'
        '      <transacGrp><transac type="transactionType">origination</transac>'
        '<transacNote type="responsibility">clambert</transacNote><date>2020-05-04</date></transacGrp>\n'
        '      <transacGrp><transac type="transactionType">modification</transac>'
        '<transacNote type="responsibility">pmorel</transacNote><date>2021-02-01</date></transacGrp>\n'
        '      <langSec xml:lang="en"><termSec><term>mobility corridor</term></termSec></langSec>\n'
        '      <langSec xml:lang="fr"><termSec><term>corridor de mobilité</term></termSec></langSec>\n'
        '    </conceptEntry>\n  </body></text>\n</tbx>\n', encoding="utf-8")
    [entry], skipped = read_all(read_tbx, path)
    assert skipped == []
    assert (entry.first_seen, entry.last_seen, entry.note) == (
        datetime(2020, 5, 4), datetime(2021, 2, 1), "Created by: clambert\nModified by: pmorel")
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tbx", "--status", "all", "-o", tmp_path / "out.tbx")[0] == 0
    written = etree.parse(str(tmp_path / "out.tbx"))
    assert [g.findtext("{*}transacNote") for g in written.iter("{*}transacGrp")] == ["clambert", "pmorel"]
    assert [e.note for e in read_tbx(tmp_path / "out.tbx")] == [entry.note]


def _history_tbx(groups: str, *, v3: bool = True) -> str:
    """A termbase entry (TBX-Basic v3 ``conceptEntry``, or TBX 2008's ``martif``/``termEntry``) with the
    transacGrps ``groups``."""
    if v3:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"'
                ' xmlns="urn:iso:std:iso:30042:ed-2">\n  <tbxHeader><fileDesc><sourceDesc><p>Termbase export</p>'
                '</sourceDesc></fileDesc></tbxHeader>\n  <text><body>\n    <conceptEntry id="c7">\n'
                f'{groups}      <langSec xml:lang="en"><termSec><term>mobility corridor</term></termSec></langSec>\n'
                '      <langSec xml:lang="fr"><termSec><term>corridor de mobilité</term></termSec></langSec>\n'
                '    </conceptEntry>\n  </body></text>\n</tbx>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><martifHeader>'
            '<fileDesc><sourceDesc><p>translate5</p></sourceDesc></fileDesc></martifHeader><text><body>\n'
            f'<termEntry id="c7">\n{groups}<langSet xml:lang="en"><tig><term>mobility corridor</term></tig></langSet>\n'
            '<langSet xml:lang="fr"><tig><term>corridor de mobilité</term></tig></langSet>\n</termEntry>\n'
            '</body></text></martif>\n')


def _transaction(kind: str, who: str, when: str) -> str:
    return (f'      <transacGrp><transac type="transactionType">{kind}</transac>'
            f'<transacNote type="responsibility">{who}</transacNote><date>{when}</date></transacGrp>\n')


HISTORY = [("origination", "clambert", "2019-03-04"), ("modification", "pmorel", "2020-06-01"),
           ("modification", "jdupont", "2023-11-15"), ("modification", "alefevre", "2021-09-30")]


@pytest.mark.parametrize("v3", [True, False], ids=["tbx-basic-v3", "tbx-2008"])
@pytest.mark.parametrize("order", [HISTORY, HISTORY[:1] + HISTORY[:0:-1]], ids=["oldest-first", "newest-first"])
def test_an_entry_modified_several_times_is_dated_and_signed_by_its_last_modification(tmp_path, v3, order):
    """A termbase keeps an entry's history: several modifications by different people on different dates. The
    entry took the date of the modification written last and the name of the one written first, so that an
    export said jdupont's 2023 change was pmorel's. The entry is now the last modification's (its date and its
    person) and the origination's; the other modifications stay lines of its note, with their dates."""
    from tmtool.model import responsible_lines

    path = tmp_path / "termbase.tbx"
    path.write_text(_history_tbx("".join(_transaction(*group) for group in order), v3=v3), encoding="utf-8")
    [entry], skipped = read_all(read_tbx, path)
    assert skipped == []
    note, who = responsible_lines(entry.note, ["origination", "modification"])
    assert (entry.first_seen, entry.last_seen, who) == (
        datetime(2019, 3, 4), datetime(2023, 11, 15), {"origination": "clambert", "modification": "jdupont"})
    assert sorted(note.split("\n")) == ["modification: 2020-06-01, pmorel", "modification: 2021-09-30, alefevre"]
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tbx", "--status", "all", "-o", tmp_path / "out.tbx")[0] == 0
    written = etree.parse(str(tmp_path / "out.tbx"))
    assert [(g.findtext("{*}transac"), g.findtext("{*}date")[:10], g.findtext("{*}transacNote"))
            for g in written.iter("{*}transacGrp")] == [("origination", "2019-03-04", "clambert"),
                                                         ("modification", "2023-11-15", "jdupont")]
    [again] = read_tbx(tmp_path / "out.tbx")  # the earlier modifications in the note, its first lines now
    assert (again.last_seen, sorted(again.note.split("\n"))) == (entry.last_seen, sorted(entry.note.split("\n")))


def test_a_multiterm_entry_modified_several_times_is_signed_by_its_last_modification(tmp_path):
    """MultiTerm XML names who made each transaction in its transac: the last modification by date gives the
    entry its date and its person, the earlier ones stay lines of the note."""
    from tmtool.model import responsible_lines

    path = tmp_path / "termbase.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-16"?>\n<mtf><conceptGrp><concept>1</concept>\n'
        '<transacGrp><transac type="origination">clambert</transac><date>2019-03-04T10:15:00</date></transacGrp>\n'
        '<transacGrp><transac type="modification">jdupont</transac><date>2023-11-15T16:02:11</date></transacGrp>\n'
        '<transacGrp><transac type="modification">pmorel</transac><date>2020-06-01T09:00:00</date></transacGrp>\n'
        '<languageGrp><language type="French" lang="FR"/><termGrp><term>corridor de mobilité</term></termGrp>'
        '</languageGrp>\n<languageGrp><language type="English" lang="EN-GB"/><termGrp><term>mobility corridor'
        '</term></termGrp></languageGrp>\n</conceptGrp></mtf>\n', encoding="utf-16")
    [entry], _ = read_all(read_multiterm, path)
    note, who = responsible_lines(entry.note, ["origination", "modification"])
    assert (entry.first_seen, entry.last_seen, who, note) == (
        datetime(2019, 3, 4, 10, 15), datetime(2023, 11, 15, 16, 2, 11),
        {"origination": "clambert", "modification": "jdupont"}, "modification: 2020-06-01T09:00:00, pmorel")


@pytest.mark.parametrize("v3", [True, False], ids=["tbx-basic-v3", "tbx-2008"])
def test_an_entry_s_history_mixing_days_and_moments_in_time_zones_is_dated_by_its_latest(tmp_path, v3):
    """A termbase edited by several tools writes its history's dates as each did: a day (2020-06-01), a moment
    in UTC (…T10:00:00Z), one in a time zone (…+02:00). Choosing the latest compared a day with a moment in a
    zone, which Python refuses: the import stopped with a traceback. A day or a moment without a zone is read as
    UTC to be compared (as the store reads dates); the dates kept are those the termbase wrote."""
    from tmtool.model import responsible_lines

    history = [("origination", "clambert", "2019-03-04T09:00:00+01:00"), ("origination", "tbot", "2019-03-04"),
               ("modification", "pmorel", "2023-11-15"), ("modification", "jdupont", "2023-11-15T10:00:00Z"),
               ("modification", "alefevre", "2023-11-15T11:00:00+02:00")]
    path = tmp_path / "termbase.tbx"
    path.write_text(_history_tbx("".join(_transaction(*group) for group in history), v3=v3), encoding="utf-8")
    [entry], skipped = read_all(read_tbx, path)
    assert skipped == []
    note, who = responsible_lines(entry.note, ["origination", "modification"])
    assert (entry.first_seen, entry.last_seen, who) == (
        datetime(2019, 3, 4), datetime(2023, 11, 15, 10, tzinfo=timezone.utc),
        {"origination": "tbot", "modification": "jdupont"})
    assert sorted(note.split("\n")) == ["modification: 2023-11-15, pmorel",
                                        "modification: 2023-11-15T11:00:00+02:00, alefevre",
                                        "origination: 2019-03-04T09:00:00+01:00, clambert"]
    assert tmtool(tmp_path / "t.db", "import", path)[0] == 0


def test_a_translate5_termbase_export_names_its_categories_its_own_way(tmp_path):
    """translate5 (6.x, termCollection export) writes TBX 2008 with ``descrip type="Definition"``,
    capitalised, the same definition in each language section, and the usage of a term in ISO 12620's
    ``normativeAuthorization`` beside (or instead of) ``administrativeStatus``. The definition was
    no definition but notes, once per language, and a term given only normativeAuthorization was
    preferred whatever it said."""
    path = tmp_path / "export.tbx"
    path.write_text("""<?xml version='1.0'?><!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif><martifHeader><fileDesc><titleStmt><title>Export of translate5 termCollection</title></titleStmt>
</fileDesc></martifHeader><text><body>
<termEntry id="7">
  <langSet xml:lang="fr">
    <descrip type="Definition">Itinéraire réservé aux convois militaires.</descrip>
    <tig><term id="1">corridor de mobilité</term>
      <termNote type="normativeAuthorization">preferredTerm</termNote>
      <termNote type="processStatus">finalized</termNote>
      <termNote type="administrativeStatus">preferred</termNote></tig>
    <tig><term id="2">couloir de mobilité</term>
      <termNote type="normativeAuthorization">deprecatedTerm</termNote>
      <termNote type="processStatus">finalized</termNote></tig>
  </langSet>
  <langSet xml:lang="en">
    <descrip type="Definition">Itinéraire réservé aux convois militaires.</descrip>
    <tig><term id="3">mobility corridor</term>
      <termNote type="normativeAuthorization">admittedTerm</termNote></tig>
  </langSet>
</termEntry></body></text></martif>""", encoding="utf-8")
    [entry], skipped = read_all(read_tbx, path)
    assert skipped == []
    assert entry.definition == "Itinéraire réservé aux convois militaires."
    assert [(t.text, t.usage) for t in entry.terms] == [
        ("corridor de mobilité", UsageStatus.PREFERRED), ("couloir de mobilité", UsageStatus.DEPRECATED),
        ("mobility corridor", UsageStatus.ADMITTED)]
    assert entry.note.split("\n") == [
        "processStatus (corridor de mobilité): finalized", "processStatus (couloir de mobilité): finalized"]


def test_a_weblate_glossary_s_own_categories_are_notes_and_obsolete_terms_deprecated(tmp_path):
    """Weblate's test glossary in TBX (copied): categories of its own (``Translation needed``, ``Usage
    note``) are notes, an ``obsolete`` administrative status deprecates the term, a ``<note>`` in a
    ``tig`` is that term's own (it was the entry's), and a TBX export keeps it there."""
    path = REAL / "weblate-extended-metadata.tbx"
    entries, skipped = read_all(read_tbx, path)
    assert skipped == []
    assert [(e.id, [(t.text, t.lang, t.usage) for t in e.terms]) for e in entries] == [
        ("e001", [("data bus", "en", UsageStatus.DEPRECATED), ("bus de données", "fr", UsageStatus.DEPRECATED)]),
        ("e002", [("SYS_ERR_406", "en", UsageStatus.PREFERRED), ("SYS_ERR_406", "fr", UsageStatus.PREFERRED)]),
    ]
    assert [(e.definition, e.note) for e in entries] == [
        ("Superseded but still found in older manuals.",
         "Translation needed: Yes\nUsage note: Avoid using this term in any documentation."),
        ("An internal code identifier not to be localized.", "Translation needed: No"),
    ]
    assert [[t.note for t in e.terms] for e in entries] == [[None, None], ["Do not translate error codes.", None]]
    db, exported = tmp_path / "t.db", tmp_path / "out.tbx"
    code, out, _ = tmtool(db, "import", path)
    assert (code, out) == (0, "2 entries added, 0 already stored (entries in en 2, fr 2)\n")
    assert tmtool(db, "export", "tbx", "--status", "all", "--srclang", "en", "--tgtlang", "fr", "-o", exported)[0] == 0
    again = list(read_tbx(exported))
    assert [[(t.text, t.lang, t.note) for t in e.terms] for e in again] == [
        [("data bus", "en", None), ("bus de données", "fr", None)],
        [("SYS_ERR_406", "en", "Do not translate error codes."), ("SYS_ERR_406", "fr", None)]]
    assert [e.note for e in again] == [e.note for e in entries]
    assert "  en: SYS_ERR_406  (fullForm, preferred, noun)  note: Do not translate error codes.\n" in tmtool(
        db, "glossary", "show", "2")[1]


def test_a_weblate_glossary_s_explanations_are_the_definition_and_notes(tmp_path):
    """Weblate writes a glossary term's explanation in a ``<descrip>`` of no type, its translation's in a
    ``<note from="translator">`` (translate-toolkit's TBX, Weblate's format documentation), and reads a
    ``<note>`` in a ``tig`` as its term's: the explanation was a note "descrip: …", not the definition."""
    path = tmp_path / "glossary-fr.tbx"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc>
</fileDesc></martifHeader><text><body>
<termEntry id="convoy"><langSet xml:lang="en"><tig><term>convoy</term></tig></langSet>
<langSet xml:lang="fr"><tig><term>convoi</term><note from="translator">Masculin.</note></tig></langSet>
<descrip>A group of vehicles travelling together.</descrip><note from="translator">Not « cortège ».</note>
</termEntry></body></text></martif>""", encoding="utf-8")
    [entry] = list(read_tbx(path))
    assert (entry.definition, entry.note) == ("A group of vehicles travelling together.", "Not « cortège ».")
    assert [(t.text, t.note) for t in entry.terms] == [("convoy", None), ("convoi", "Masculin.")]


def test_a_phrase_tms_termbase_export_keeps_forbidden_terms_and_its_picklists():
    """Phrase TMS (Memsource) exports a term base as martif whose termNotes spell TBX's picklists in
    capitals (NOUN, PROPER_NOUN, MASCULINE, FULL_FORM, ACRONYM) and say ``forbidden`` true or false:
    a forbidden term was read as preferred, an acronym as a full form, PROPER_NOUN and MASCULINE kept as
    written (and exported so, outside TBX-Basic's picklists)."""
    path = io.BytesIO("""<?xml version="1.0" encoding="UTF-8"?>
<martif xml:lang="en" type="TBX"><text><body>
<termEntry id="c2f0a1">
<descrip type="conceptId">q8Zt2</descrip>
<langSet xml:lang="fr-fr">
<tig><term>poste de commandement</term><termNote type="partOfSpeech">NOUN</termNote>
<termNote type="grammaticalGender">MASCULINE</termNote><termNote type="forbidden">false</termNote>
<termNote type="preferred">true</termNote><termNote type="termType">FULL_FORM</termNote></tig>
<tig><term>PC</term><termNote type="partOfSpeech">PROPER_NOUN</termNote><termNote type="forbidden">false</termNote>
<termNote type="termType">ACRONYM</termNote></tig>
<tig><term>QG avancé</term><termNote type="grammaticalGender">NEUTRAL</termNote>
<termNote type="forbidden">true</termNote></tig>
</langSet>
<langSet xml:lang="en-us"><tig><term>command post</term><termNote type="forbidden">false</termNote></tig></langSet>
</termEntry></body></text></martif>""".encode())
    [entry] = list(read_tbx(path))
    assert [(t.text, t.pos, t.gender, t.term_type, t.usage) for t in entry.terms] == [
        ("poste de commandement", "noun", "masculine", TermType.FULL_FORM, UsageStatus.PREFERRED),
        ("PC", "properNoun", None, TermType.ACRONYM, UsageStatus.PREFERRED),
        ("QG avancé", "noun", "neuter", TermType.FULL_FORM, UsageStatus.DEPRECATED),
        ("command post", "noun", None, TermType.FULL_FORM, UsageStatus.PREFERRED)]
    assert entry.note == "conceptId: q8Zt2\npreferred (poste de commandement): true"


def test_a_phrase_tms_entry_whose_terms_are_all_approved_is_approved():
    """Phrase TMS gives each term a status, Approved (by a terminologist) or New (added by a linguist):
    an entry Phrase had approved came in as a candidate to review again, like one with a new term."""
    path = io.BytesIO(b"""<martif xml:lang="en" type="TBX"><text><body>
<termEntry id="a"><langSet xml:lang="fr"><tig><term>convoi</term><termNote type="status">Approved</termNote></tig>
</langSet><langSet xml:lang="en"><tig><term>convoy</term><termNote type="status">Approved</termNote></tig></langSet>
</termEntry>
<termEntry id="b"><langSet xml:lang="fr"><tig><term>balise</term><termNote type="status">Approved</termNote></tig>
</langSet><langSet xml:lang="en"><tig><term>beacon</term><termNote type="status">New</termNote></tig></langSet>
</termEntry>
<termEntry id="c"><langSet xml:lang="fr"><tig><term>piste</term></tig></langSet></termEntry>
</body></text></martif>""")
    entries = list(read_tbx(path))
    assert [(e.id, e.status) for e in entries] == [
        ("a", ReviewStatus.APPROVED), ("b", ReviewStatus.CANDIDATE), ("c", None)]  # None: the import's default
    assert entries[1].note == "status (balise): Approved\nstatus (beacon): New"


def test_an_iate_export_names_the_term_each_term_level_category_qualifies():
    """IATE's TBX export gives every term its own reliabilityCode (and termbases their terms' source,
    geographical usage …): the entry's note listed "reliabilityCode: 9" once per term, not saying
    which term was reliable, now "reliabilityCode (term): value" as the MultiTerm reader writes it."""
    path = io.BytesIO("""<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="3515206"><descrip type="subjectField">defence</descrip>
<langSec xml:lang="en"><termSec><term>rules of engagement</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec><termSec><term>ROE</term>
<termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">3</descrip></termSec></langSec>
<langSec xml:lang="fr"><termSec><term>règles d'engagement</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec></langSec></conceptEntry></body></text></tbx>""".encode())
    [entry] = list(read_tbx(path))
    assert entry.note.split("\n") == [
        "subjectField: defence", "reliabilityCode (rules of engagement): 9", "reliabilityCode (ROE): 3",
        "reliabilityCode (règles d'engagement): 9"]


def test_a_multiterm_xml_export_is_a_glossary(tmp_path):
    path = REAL / "multiterm-export.xml"  # UTF-16 with a byte-order mark, as MultiTerm writes it
    entries, skipped = read_all(read_multiterm, path)
    assert skipped == [f"{path}:27: a conceptGrp without any term"]
    assert [[(t.text, t.lang, t.pos, t.gender, t.usage) for t in e.terms] for e in entries] == [
        [("force de réaction", "fr", "noun", "feminine", UsageStatus.PREFERRED),
         ("response force", "en", "noun", None, UsageStatus.PREFERRED),  # the model's default part of speech
         ("reaction force", "en", "noun", None, UsageStatus.DEPRECATED)],
        [("convoi", "fr", "noun", None, UsageStatus.PREFERRED), ("convoy", "en", "noun", None, UsageStatus.PREFERRED)],
    ]
    first = entries[0]
    assert (first.id, first.definition) == ("1", "Force multinationale prête à être déployée rapidement.")
    # who created and changed it (its transacGrps' transac, before its fields) lines of the note, as memoQ's are
    assert first.note == ("Created by: clambert\nModified by: pmorel\nSubject: Défense\n"
                          "Source (reaction force): Glossaire interne 2019")
    assert (first.first_seen.isoformat(), first.last_seen.isoformat()) == ("2024-11-05T09:30:00", "2024-11-06T10:15:00")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)  # told by its content, not its name
    assert (code, out) == (0, "2 entries added, 0 already stored (entries in en 2, fr 2), "
                              f"1 skipped: {path}:27: a conceptGrp without any term\n")


def test_a_multiterm_note_on_a_term_is_that_term_s(tmp_path):
    """A Note field of a term (a usage note on a deprecated synonym) joined the entry's notes without
    saying which term it was about; a TBX note in a tig is its term's own, and so is this one."""
    path = tmp_path / "export.xml"
    path.write_text("""<mtf><conceptGrp><concept>1</concept>
<descripGrp><descrip type="Note">Fiche validée.</descrip></descripGrp>
<languageGrp><language type="French" lang="FR"/>
  <termGrp><term>force de réaction</term></termGrp>
  <termGrp><term>force d'intervention</term><descripGrp><descrip type="Note">Ancien usage, à éviter.</descrip></descripGrp>
  </termGrp></languageGrp>
<languageGrp><language type="English" lang="EN-GB"/><termGrp><term>response force</term></termGrp></languageGrp>
</conceptGrp></mtf>""", encoding="utf-8")
    [entry], _ = read_all(read_multiterm, path)
    assert [(t.text, t.note) for t in entry.terms] == [
        ("force de réaction", None), ("force d'intervention", "Ancien usage, à éviter."), ("response force", None)]
    assert entry.note == "Fiche validée."


def test_a_termbase_s_undefined_part_of_speech_and_gender_say_none(tmp_path):
    """Acrolinx's MultiTerm XML (its terminology API's documentation, acrolinx ``docs`` on GitHub) gives each term
    every field of its termbase, ``Part of Speech`` and ``gender`` ``undefined`` where nobody said: read as values,
    a TBX export wrote the noun *supply air* as of part of speech and gender ``other`` (plus ``x-pos: undefined``
    notes). Now they are unsaid, as an empty field is; a TBX ``undefined`` too."""
    path = tmp_path / "acrolinx.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><mtf><conceptGrp><concept>13</concept><transacGrp><transac'
        ' type="origination">admin</transac><date>2019-06-28T11:55:28+02:00</date></transacGrp><languageGrp><language'
        ' lang="EN" type="English"/><termGrp><term>supply air</term><descripGrp><descrip type="Status">preferred'
        '</descrip></descripGrp><descripGrp><descrip type="Part of Speech">undefined</descrip></descripGrp><descripGrp>'
        '<descrip type="gender">undefined</descrip></descripGrp></termGrp></languageGrp><languageGrp><language lang="FR"'
        ' type="French"/><termGrp><term>air soufflé</term><descripGrp><descrip type="Part of Speech">Undefined</descrip>'
        '</descripGrp><descripGrp><descrip type="gender">masculine</descrip></descripGrp></termGrp></languageGrp>'
        '</conceptGrp></mtf>', encoding="utf-8")
    [entry], _ = read_all(read_multiterm, path)
    assert [(t.text, t.pos, t.gender) for t in entry.terms] == [
        ("supply air", "noun", None), ("air soufflé", "noun", "masculine")]
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    assert tmtool(db, "export", "tbx", "--status", "all", "-o", tmp_path / "out.tbx")[0] == 0
    written = (tmp_path / "out.tbx").read_text(encoding="utf-8")
    assert "undefined" not in written and ">other<" not in written
    tbx = tmp_path / "undefined.tbx"
    tbx.write_text(written.replace('<termNote type="partOfSpeech">noun</termNote>',
                                   '<termNote type="partOfSpeech">undefined</termNote>'), encoding="utf-8")
    assert [(t.text, t.pos) for e in read_tbx(tbx) for t in e.terms] == [("supply air", "noun"), ("air soufflé", "noun")]


def test_a_multiterm_term_proposed_is_admitted_not_preferred(tmp_path):
    """Acrolinx's MultiTerm XML gives a term not yet adopted the Status ``proposed``: no usage word the reader knew,
    so the term stood as the preferred one and its status became a note (a TBX ``proposedTerm-admn-sts`` is read as
    admitted, never offered as the preferred term)."""
    path = tmp_path / "acrolinx.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><mtf><conceptGrp><concept>7</concept><languageGrp><language lang="EN"'
        ' type="English"/><termGrp><term>exhaust air</term><descripGrp><descrip type="Status">preferred</descrip>'
        '</descripGrp></termGrp><termGrp><term>extract air</term><descripGrp><descrip type="Status">proposed</descrip>'
        '</descripGrp></termGrp></languageGrp><languageGrp><language lang="FR" type="French"/><termGrp><term>air'
        ' extrait</term></termGrp></languageGrp></conceptGrp></mtf>', encoding="utf-8")
    [entry], _ = read_all(read_multiterm, path)
    assert ([(t.text, t.usage) for t in entry.terms], entry.note) == (
        [("exhaust air", UsageStatus.PREFERRED), ("extract air", UsageStatus.ADMITTED),
         ("air extrait", UsageStatus.PREFERRED)], None)


def test_a_multiterm_field_of_a_language_is_the_entrys(tmp_path):
    """Termbases often define a concept in each language: a descripGrp of the languageGrp, which
    was dropped. Each language's definition is the entry's, a line each, as TBX's and memoQ's are read (the
    second was a line of the note, which a TBX export then wrote as a note, no definition)."""
    path = tmp_path / "export.xml"
    path.write_text("""<mtf><conceptGrp><concept>1</concept>
<languageGrp><language type="French" lang="FR"/>
  <descripGrp><descrip type="Definition">Force prête à être déployée rapidement.</descrip></descripGrp>
  <termGrp><term>force de réaction</term></termGrp></languageGrp>
<languageGrp><language type="English" lang="EN-GB"/>
  <descripGrp><descrip type="Definition">A force ready to deploy at short notice.</descrip></descripGrp>
  <descripGrp><descrip type="Note">AAP-6</descrip></descripGrp>
  <termGrp><term>response force</term></termGrp></languageGrp>
</conceptGrp></mtf>""", encoding="utf-8")
    [entry], _ = read_all(read_multiterm, path)
    assert entry.definition == "Force prête à être déployée rapidement.\nA force ready to deploy at short notice."
    assert entry.note == "AAP-6"


def test_a_multiterm_term_type_is_the_term_s(tmp_path):
    """A MultiTerm termbase's Term Type picklist (Abbreviation, Acronym, Full form) was a line of the note: the
    abbreviation was a full form, and an export paired it with the other language's full form."""
    path = tmp_path / "export.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-16"?><mtf><conceptGrp><concept>7</concept>
<languageGrp><language type="English" lang="EN-GB"/>
  <termGrp><term>mine countermeasures vessel</term><descripGrp><descrip type="Term Type">Full form</descrip></descripGrp></termGrp>
  <termGrp><term>MCMV</term><descripGrp><descrip type="Term Type">Abbreviation</descrip></descripGrp></termGrp></languageGrp>
<languageGrp><language type="French" lang="FR-FR"/>
  <termGrp><term>bâtiment de lutte contre les mines</term></termGrp></languageGrp>
</conceptGrp></mtf>""", encoding="utf-16")
    [entry], _ = read_all(read_multiterm, path)
    assert [(t.text, t.term_type) for t in entry.terms] == [
        ("mine countermeasures vessel", TermType.FULL_FORM), ("MCMV", TermType.ABBREVIATION),
        ("bâtiment de lutte contre les mines", TermType.FULL_FORM)]
    assert entry.note is None


def test_martif_in_the_tbx_2019_namespace_in_three_languages():
    path = REAL / "martif-2019-namespace.tbx"
    entries, skipped = read_all(read_tbx, path)
    assert [[(t.text, t.lang) for t in e.terms] for e in entries] == [
        [("Comité militaire", "fr"), ("Military Committee", "en"), ("Militärausschuss", "de")]]
    assert skipped == [f"{path}:29: <langSet> without xml:lang"]


@pytest.mark.parametrize("name", ["basic_good.tbx", "min_good.tbx", "Example_Astronomy_DCT_VALID.tbx"])
def test_the_ltac_samples_read_in_all_their_languages(name):
    """TBX-Basic, TBX-Min and the DCT style (data categories as elements of their own) read alike."""
    entries, skipped = read_all(read_tbx, LTAC / name)
    reference = list(read_tbx(LTAC / "Example_Astronomy_DCA_VALID.tbx"))
    assert skipped == [] and len(entries) == len(reference) == 45
    assert {t.lang for e in entries for t in e.terms} == {"en", "es", "zu"}
    terms = [[(t.text, t.lang, t.pos, t.usage) for t in e.terms] for e in entries]
    assert terms == [[(t.text, t.lang, t.pos, t.usage) for t in e.terms] for e in reference]
    assert ("galactic cluster", "en", "noun", UsageStatus.DEPRECATED) in terms[0]
    if "DCT" in name:  # its contexts (basic:context, basic:source their document) are contexts too, not notes
        def contexts(entry):
            return entry.contexts, [t.contexts for t in entry.terms]
        assert [contexts(e) for e in entries] == [contexts(e) for e in reference]
        assert sum(len(e.contexts) + sum(len(t.contexts) for t in e.terms) for e in entries) == 104


def test_a_definition_or_context_wrapped_by_the_file_s_layout_is_one_line(tmp_path):
    """LTAC's TBX-Basic sample wraps its definitions and contexts at 80 columns, each next line indented deeper than
    the element: they were read with the line break and seven tabs inside (*…in the spiral⏎\t\t\t\t\t\t\tarms of a
    galaxy.*), a definition's wrapped line then being one more of its lines (a definition of each language is a
    line), and a look-up showed the tabs. A line break not followed by such indentation is text, as before."""
    [first, *_] = read_tbx(LTAC / "Example_Astronomy_DCA_VALID.tbx")
    assert first.definition == ("A group of stars formed together in the spiral arms of a galaxy.\nUna acumulación de una"
                                " docena hasta varios miles de jóvenes estrellas en el plano de las galaxias.")
    [english] = [t for t in first.terms if t.text == "open cluster"]
    assert english.contexts[0].fr.startswith("Over 1100 open clusters are known in our Milky Way Galaxy, and this is")
    assert all("\t" not in c.fr and "\n" not in c.fr for t in first.terms for c in t.contexts)
    path = tmp_path / "notes.tbx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en"'
                    ' xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>'
                    '</tbxHeader><text><body>\n  <conceptEntry id="c1">\n    <note>First line\nSecond line</note>\n'
                    '    <langSec xml:lang="fr"><termSec><term>convoi</term></termSec></langSec>\n'
                    '    <langSec xml:lang="en"><termSec><term>convoy</term></termSec></langSec>\n'
                    '  </conceptEntry>\n</body></text></tbx>\n', encoding="utf-8")
    [entry] = read_tbx(path)
    assert entry.note == "First line\nSecond line"
    # a termbase pretty-printed to the element's text: the term was read "\n\t\t\t\t\tconvoi\n\t\t\t\t"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en"><martifHeader>'
                    '<fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>\n'
                    '\t<termEntry id="c1">\n\t\t<langSet xml:lang="fr">\n\t\t\t<tig>\n\t\t\t\t<term>\n\t\t\t\t\tconvoi\n'
                    '\t\t\t\t</term>\n\t\t\t</tig>\n\t\t</langSet>\n\t\t<langSet xml:lang="en"><tig><term>convoy</term></tig>'
                    '</langSet>\n\t\t<descrip type="definition">\n\t\t\tA group of vehicles\n\t\t\ttravelling together.\n'
                    '\t\t</descrip>\n\t</termEntry>\n</body></text></martif>\n', encoding="utf-8")
    [entry] = read_tbx(path)
    assert ([t.text for t in entry.terms], entry.definition) == (
        ["convoi", "convoy"], "A group of vehicles travelling together.")
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    code, out, _ = tmtool(db, "lookup", "convoi")
    assert code == 0 and "convoy" in out


# ---- PO and TSV ----


def test_a_uyghur_glossary_has_english_msgids_plurals_and_loose_comments():
    entries, skipped = read_all(read_po, REAL / "weblate-glossary-ug.po")
    assert skipped == []
    assert [[(t.text, t.lang, t.forms) for t in e.terms] for e in entries] == [
        [("file", "en", ["files"]), ("ھۆججەت", "ug", ["ھۆججەتلەر"])],
        [("folder", "en", []), ("قىسقۇچ", "ug", [])],
        [("settings", "en", []), ("تەڭشەك", "ug", [])],
    ]
    # "#Abbreviated", as msgfmt accepts it; the extracted comment "#." too
    assert entries[0].note == "Abbreviated in the user interface\nShown on the toolbar"


def test_po_homographs_keep_their_msgctxt(tmp_path):
    path = tmp_path / "glossary.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgctxt "organisation"\nmsgid "board"\nmsgstr "conseil"\n\n'
                    '#. a plank\nmsgctxt "wood"\nmsgid "board"\nmsgstr "planche"\n\n'
                    '#~ msgid "old term"\n#~ msgstr "ancien terme"\n', encoding="utf-8")
    entries, skipped = read_all(read_po, path)
    assert [(e.terms[1].text, e.note) for e in entries] == [
        ("conseil", "msgctxt: organisation"), ("planche", "a plank\nmsgctxt: wood")]  # obsolete #~ left out


def test_a_po_glossary_from_elsewhere_is_imported_in_its_languages(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n#Headquarters\n'
                    'msgid "headquarters"\nmsgid_plural "headquarters"\nmsgstr[0] "quartier général"\n'
                    'msgstr[1] "quartiers généraux"\n', encoding="utf-8")
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out == "1 entry added, 0 already stored (entries in en 1, fr 1)\n"
    with open_store(tmp_path / "t.db", create=True) as store:
        [entry] = store.list_entries()
    assert [(t.text, t.lang, t.forms) for t in entry.terms] == [
        ("headquarters", "en", []), ("quartier général", "fr", ["quartiers généraux"])]


def test_a_gnome_translation_s_obsolete_and_fuzzy_obsolete_messages_are_left_out(tmp_path):
    """GNOME Evolution's Catalan PO (polib's test file, cut down): a comment before the header, strings
    wrapped over lines, a message with references on two lines; its ``#~`` messages, one fuzzy with
    its previous msgid (``#~|``), one under a msgctxt, one with a translator's comment, are no
    messages, as gettext has them. The header names Catalan; msgid is English."""
    path = REAL / "gnome-evolution-ca.po"
    entries, skipped = read_all(read_po, path)
    assert skipped == []
    assert [[(t.text, t.lang) for t in e.terms] for e in entries] == [
        [("This address book could not be opened.", "en"), ("No s'ha pogut obrir aquesta llibreta d'adreces.", "ca")],
        [("This address book server might be unreachable or the server name may be misspelled or your network "
          "connection could be down.", "en"),
         ("O bé no es pot contactar amb el servidor de la llibreta d'adreces, o bé el seu nom està mal escrit, o "
          "potser no esteu connectat a la xarxa.", "ca")],
        [("Delete address book '{0}'?", "en"), ("Voleu suprimir la llibreta d'adreces «{0}»?", "ca")],
        [("Do _Not Delete", "en"), ("No ho _suprimeixis", "ca")],
    ]
    assert {(e.status, e.note) for e in entries} == {(ReviewStatus.APPROVED, None)}  # translated, not fuzzy
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "4 entries added, 0 already stored (entries in ca 4, en 4)\n")


def test_a_po_file_from_elsewhere_without_language_is_refused(tmp_path):
    path = tmp_path / "glossary.po"
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n',
                    encoding="utf-8")
    with pytest.raises(TmtoolError, match="the PO header names no Language"):
        list(read_po(path))


def test_a_malformed_tsv_line_is_passed_over(tmp_path):
    path = REAL / "omegat-glossary.tsv"
    entries, skipped = read_all(read_tsv, path)
    assert [[t.text for t in e.terms] for e in entries] == [
        ["état-major", "staff"], ["Comité militaire", "Military Committee"], ["pays partenaire", "partner country"]]
    assert skipped == [f"{path}:4: no tab: expected source<TAB>target", f"{path}:5: no source term"]
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out == (f"3 entries added, 0 already stored (entries in en 3, fr 3), 2 skipped: "
                   f"{path}:4: no tab: expected source<TAB>target; {path}:5: no source term\n")
    assert tmtool(tmp_path / "strict.db", "import", path, "--strict")[2] == (
        f"tmtool: error: {path}:4: no tab: expected source<TAB>target\n")


def test_a_memoq_term_base_csv_names_its_columns_after_languages_and_regions():
    path = REAL / "memoq-termbase.csv"
    entries, skipped = read_all(read_csv, path)
    assert [[(t.text, t.lang) for t in e.terms] for e in entries] == [
        [("corridor de mobilité", "fr"), ("mobility corridor", "en")], [("convoi", "fr"), ("convoy", "en")]]
    # a definition in each language: both kept, a line each
    assert entries[0].definition == "Itinéraire réservé aux mouvements de forces.\nRoute set aside for moving forces."
    # the entry's subject and domain, which the model has no field for, are lines of its note, named as memoQ names
    # them (as a TBX's subjectField is a line of the note)
    assert entries[0].note == "à revoir\nSubject: Logistique\nDomain: Défense\nID: 0"
    assert entries[1].note == "ID: 1"
    # memoQ's id of the entry in its term base (a line of the note, as memoQ shows it) and each term's matching
    # settings (CasePermissive, HalfPrefix: a line of that term's note) were said not read, and lost
    assert [t.note for t in entries[0].terms] == ["memoQ term info: CasePermissive;HalfPrefix"] * 2
    assert skipped == []


def test_a_memoq_term_base_csv_s_client_project_and_examples_are_kept(tmp_path):
    """memoQ writes every field of its entries (Client, Project, Domain, Subject, Note) as Entry_* columns and
    each language's example sentence as a Term_Example after that language's term: they were reported as
    not read, and lost. The entry fields are lines of its note, each example a context of the term it follows
    (the French one the entry's, the English one the English term's), and the file imports and exports so."""
    path = tmp_path / "termbase.csv"
    path.write_text(
        "Entry_ID,Entry_Subject,Entry_Domain,Entry_Client,Entry_Project,Entry_Note,French_France_Def,French_France,"
        "Term_Info,Term_Example,English_United_Kingdom_Def,English_United_Kingdom,Term_Info,Term_Example\r\n"
        "0,,Logistique,OTAN,Exercice 2024,,,convoi,CasePermissive;HalfPrefix,Le convoi part à l'aube.,,convoy,"
        "CasePermissive;HalfPrefix,The convoy leaves at dawn.\r\n"
        "1,,,,,,,frégate,,,,frigate,,A frigate escorts the convoy.\r\n", encoding="utf-8-sig")
    (entry, frigate), skipped = read_all(read_csv, path)
    assert entry.note == "Domain: Logistique\nClient: OTAN\nProject: Exercice 2024\nID: 0"
    assert [(c.fr, c.lang) for c in entry.contexts] == [("Le convoi part à l'aube.", None)]
    assert [[c.fr for c in t.contexts] for t in entry.terms] == [[], ["The convoy leaves at dawn."]]
    assert [[c.fr for c in t.contexts] for t in frigate.terms] == [[], ["A frigate escorts the convoy."]]
    assert frigate.note == "ID: 1" and frigate.contexts == []
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    code, out, _ = tmtool(db, "glossary", "list", "--status", "all", "--json")
    import json
    listed = {e["terms"][0]["text"]: e for e in json.loads(out)}
    assert listed["convoi"]["note"] == "Domain: Logistique\nClient: OTAN\nProject: Exercice 2024\nID: 0"
    assert [c["fr"] for c in listed["convoi"]["contexts"]] == ["Le convoi part à l'aube."]
    assert [c["fr"] for c in listed["frégate"]["terms"][1]["contexts"]] == ["A frigate escorts the convoy."]


def test_a_memoq_term_base_csv_s_ids_client_project_term_info_and_notes_read_as_memoq_means_them(tmp_path):
    """memoQ's CSV export (its WS API documentation, "Term base in CSV format") names an entry's client and
    project Entry_ClientID and Entry_ProjectID, and writes its id (Entry_ID, from 0) and, after each term, that
    term's Term_Info (its matching settings): all four were said not read, and lost. The id is a line of the
    entry's note, as memoQ shows it, not this store's id (memoQ's 0, 1 … would collide with this store's own
    entries); the client and project lines of the note; a term's info and note (Term_Note) lines of its note,
    and a term memoQ's info says is forbidden is deprecated; read so from an XLSX too."""
    header = ("Entry_ID,Entry_Subject,Entry_Domain,Entry_ClientID,Entry_ProjectID,Entry_Note,French_France_Def,"
              "French_France,Term_Info,Term_Example,Term_Note,English_United_Kingdom_Def,English_United_Kingdom,"
              "Term_Info,Term_Example,Term_Note")
    rows = [("17,,Logistique,OTAN,Exercice 2024,,,convoi,CaseInsensitive;HalfPrefix,,masculin,,convoy,"
             "CasePermissive;Exact,,British spelling"),
            "18,,,,,,,char,CaseSensitive;Fuzzy,,,,tank,CasePermissive;HalfPrefix;Forbidden,,use main battle tank"]
    path = tmp_path / "termbase.csv"
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8-sig")
    (convoy, tank), skipped = read_all(read_csv, path)
    assert skipped == []
    assert (convoy.note, tank.note) == ("Domain: Logistique\nClient: OTAN\nProject: Exercice 2024\nID: 17", "ID: 18")
    assert [(t.text, t.note, t.usage) for t in convoy.terms + tank.terms] == [
        ("convoi", "masculin\nmemoQ term info: CaseInsensitive;HalfPrefix", UsageStatus.PREFERRED),
        ("convoy", "British spelling\nmemoQ term info: CasePermissive;Exact", UsageStatus.PREFERRED),
        ("char", "memoQ term info: CaseSensitive;Fuzzy", UsageStatus.PREFERRED),
        ("tank", "use main battle tank\nmemoQ term info: CasePermissive;HalfPrefix;Forbidden", UsageStatus.DEPRECATED)]
    import openpyxl

    book = openpyxl.Workbook()
    for line in [header, *rows]:
        book.active.append(line.split(","))
    book.save(tmp_path / "termbase.xlsx")
    from tmtool.formats.xlsx import read_xlsx

    from_sheet, skipped = read_all(read_xlsx, tmp_path / "termbase.xlsx")
    assert skipped == []
    assert [(e.note, [(t.text, t.note, t.usage) for t in e.terms]) for e in from_sheet] == [
        (e.note, [(t.text, t.note, t.usage) for t in e.terms]) for e in (convoy, tank)]
    db = tmp_path / "t.db"  # stored as read, whatever ids the store's entries have
    assert tmtool(db, "import", path)[0] == 0
    with open_store(str(db)) as store:
        assert sorted((e.id, e.note) for e in store.list_entries(statuses=None)) == [
            ("1", "Domain: Logistique\nClient: OTAN\nProject: Exercice 2024\nID: 17"), ("2", "ID: 18")]


def test_a_memoq_term_base_csv_s_dates_in_the_format_memoq_documents_are_read(tmp_path):
    """memoQ documents its CSV export's Entry_Created and Entry_LastModified as M/d/yyyy h:mm:ss tt in the en-US
    culture (WS API, "Term base in CSV format", its delimiter a semicolon): such a date was no date, a line of
    the note, and the entry undated. The same page says they are UTC: they were read in no zone, which the command
    line shows as this machine's time (an hour early in Paris)."""
    path = tmp_path / "termbase.csv"
    path.write_text("Entry_ID;Entry_Created;Entry_Creator;Entry_LastModified;Entry_Modifier;English_Def;English;"
                    "Term_Info;Term_Example;French_Def;French;Term_Info;Term_Example\r\n"
                    "4;3/12/2024 10:15:00 AM;clambert;11/5/2024 12:42:31 PM;pmorel;;convoy;;;;convoi;;\r\n"
                    "5;3/12/2024 12:05:09 AM;clambert;;;;frigate;;;;frégate;;\r\n", encoding="utf-8")
    entries, skipped = read_all(read_csv, path)
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2024, 3, 12, 10, 15, tzinfo=timezone.utc), datetime(2024, 11, 5, 12, 42, 31, tzinfo=timezone.utc),
         "ID: 4\nCreated by: clambert\nModified by: pmorel"),
        (datetime(2024, 3, 12, 0, 5, 9, tzinfo=timezone.utc), None, "ID: 5\nCreated by: clambert")]


@pytest.mark.parametrize("created, modified", [("12/03/2024 16:42:31", "25/03/2024 10:00:00"),  # en-GB, de-CH …
                                               ("12/03/2024 4:42:31 PM", "03/12/2024 10:00:00 AM")])  # en-AU
def test_a_memoq_date_in_another_culture_s_day_first_order_is_no_us_date(tmp_path, created, modified):
    """memoQ's desktop export writes its dates in Windows' culture: en-GB's 12/03/2024 16:42:31 (12 March, day
    first, a 24-hour clock) was read as 3 December, and 25/03/2024 kept as text beside it. The documented en-US
    form has no leading zero and an AM or PM (M/d/yyyy h:mm:ss tt): any other is a line of the note as written,
    no date, rather than a wrong one."""
    path = tmp_path / "termbase.csv"
    path.write_text("Entry_ID;Entry_Created;Entry_Creator;Entry_LastModified;Entry_Modifier;English;French\r\n"
                    f"4;{created};clambert;{modified};pmorel;convoy;convoi\r\n", encoding="utf-8")
    [entry], skipped = read_all(read_csv, path)
    assert skipped == []
    assert (entry.first_seen, entry.last_seen, entry.note) == (
        None, None, f"ID: 4\nCreated: {created}\nCreated by: clambert\nModified: {modified}\nModified by: pmorel")


def test_a_memoq_term_base_csv_s_synonyms_keep_their_own_term_info_and_example(tmp_path):
    """memoQ's CSV export writes each term of a language in a column of its own, each followed by its Term_Info
    and Term_Example. The synonym's cells were joined to the first term's: a forbidden synonym (*mine hunter*)
    deprecated the preferred *minehunter* too, and both examples became one context of two lines. Each synonym
    is a term of its own with its info, usage and example, from an XLSX too."""
    header = ("Entry_ID,English_United_Kingdom_Def,English_United_Kingdom,Term_Info,Term_Example,"
              "English_United_Kingdom,Term_Info,Term_Example,French_France_Def,French_France,Term_Info,Term_Example")
    row = ("3,,minehunter,CasePermissive;HalfPrefix,The minehunter sailed.,mine hunter,"
           "CasePermissive;HalfPrefix;Forbidden,The mine hunter sailed.,,chasseur de mines,CasePermissive;HalfPrefix,")
    path = tmp_path / "termbase.csv"
    path.write_text(f"{header}\r\n{row}\r\n", encoding="utf-8-sig")
    import openpyxl

    book = openpyxl.Workbook()
    for line in (header, row):
        book.active.append(line.split(","))
    book.save(tmp_path / "termbase.xlsx")
    from tmtool.formats.xlsx import read_xlsx

    for reader, read in ((read_csv, path), (read_xlsx, tmp_path / "termbase.xlsx")):
        [entry], skipped = read_all(reader, read)
        assert skipped == []
        assert [(t.text, t.lang, t.usage, t.note, [c.fr for c in t.contexts]) for t in entry.terms] == [
            ("chasseur de mines", "fr", UsageStatus.PREFERRED, "memoQ term info: CasePermissive;HalfPrefix", []),
            ("minehunter", "en", UsageStatus.PREFERRED, "memoQ term info: CasePermissive;HalfPrefix",
             ["The minehunter sailed."]),
            ("mine hunter", "en", UsageStatus.DEPRECATED, "memoQ term info: CasePermissive;HalfPrefix;Forbidden",
             ["The mine hunter sailed."])]


def test_a_memoq_term_base_s_creation_and_modification_are_read_and_exported_back(tmp_path):
    """memoQ's term base export (CSV or XLSX) writes who created and last changed each entry, and when:
    Entry_Created, Entry_Creator, Entry_LastModified, Entry_Modifier, between the entry's project and its note.
    The four columns were said not read, and lost. The dates are the entry's first and last seen (as a TBX's
    transacGrp origination and modification are), who made and changed it lines of its note (the model has no
    field for them), and an export writes them back: the CSV's first_seen and last_seen columns and note, a
    TBX's transacGrp, its date and its responsibility (TBX-Basic's transacNote), which a TBX import reads so."""
    header = ("Entry_ID,Entry_Subject,Entry_Domain,Entry_ClientID,Entry_ProjectID,Entry_Created,Entry_Creator,"
              "Entry_LastModified,Entry_Modifier,Entry_Note,French_France_Def,French_France,Term_Info,Term_Example,"
              "English_United_Kingdom_Def,English_United_Kingdom,Term_Info,Term_Example")
    rows = ["0,,,,,2024-03-12 10:15:00,clambert,2024-11-05 16:42:31,pmorel,à revoir,,convoi,,,,convoy,,",
            "1,,,,,2024.03.12 10:16:07,clambert,,,,,frégate,,,,frigate,,",
            "2,,,,,le 12 mars,clambert,,,,,char,,,,tank,,"]  # a date no one can read: kept as written
    path = tmp_path / "termbase.csv"
    path.write_text("\r\n".join([header, *rows]) + "\r\n", encoding="utf-8-sig")
    entries, skipped = read_all(read_csv, path)
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2024, 3, 12, 10, 15, tzinfo=timezone.utc), datetime(2024, 11, 5, 16, 42, 31, tzinfo=timezone.utc),
         "à revoir\nID: 0\nCreated by: clambert\nModified by: pmorel"),
        (datetime(2024, 3, 12, 10, 16, 7, tzinfo=timezone.utc), None, "ID: 1\nCreated by: clambert"),
        (None, None, "ID: 2\nCreated: le 12 mars\nCreated by: clambert")]
    import openpyxl

    book = openpyxl.Workbook()  # memoQ's XLSX: the same columns, Excel's date cells
    book.active.append(header.split(","))
    book.active.append([*rows[0].split(",")[:5], datetime(2024, 3, 12, 10, 15), "clambert",
                        datetime(2024, 11, 5, 16, 42, 31), "pmorel", *rows[0].split(",")[9:]])
    book.save(tmp_path / "termbase.xlsx")
    from tmtool.formats.xlsx import read_xlsx

    [from_sheet], skipped = read_all(read_xlsx, tmp_path / "termbase.xlsx")
    assert skipped == []
    assert (from_sheet.first_seen, from_sheet.last_seen, from_sheet.note) == (
        entries[0].first_seen, entries[0].last_seen, entries[0].note)
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path)[0] == 0
    exported = tmp_path / "out.csv"
    assert tmtool(db, "export", "csv", "--status", "all", "-o", exported)[0] == 0
    again, _ = read_all(read_csv, exported)
    assert [(e.first_seen, e.last_seen, e.note) for e in again] == [
        (e.first_seen, e.last_seen, e.note) for e in entries]
    for fmt in ("tbx", "tbx-martif"):  # who, as the transactions' responsibility
        assert tmtool(db, "export", fmt, "--status", "all", "-o", tmp_path / f"{fmt}.tbx")[0] == 0
        written = etree.parse(str(tmp_path / f"{fmt}.tbx"))
        validators = [etree.XMLSchema(etree.parse(str(SHARED / "schemas" / "tbx-martif" / "tbx.xsd")))] \
            if fmt == "tbx-martif" else [etree.RelaxNG(etree.parse(str(SHARED / "schemas" / "tbx" / "TBXcoreStructV03.rng"))),
                                         isoschematron.Schematron(etree.parse(
                                             str(SHARED / "schemas" / "tbx" / "TBX-Basic_DCA.xslt1.sch")))]
        for validator in validators:
            assert validator.validate(written), validator.error_log
        assert [(g.findtext("{*}transac"), g.findtext("{*}date"), g.findtext("{*}transacNote"))
                for g in written.iter("{*}transacGrp")][:2] == [
            ("origination", "2024-03-12T10:15:00+00:00", "clambert"),
            ("modification", "2024-11-05T16:42:31+00:00", "pmorel")]  # memoQ's UTC, said
        assert [n.text for n in written.iter("{*}note")][0] == "à revoir\nID: 0"
        again = {e.terms[0].text: e for e in read_tbx(tmp_path / f"{fmt}.tbx")}
        assert [(again[e.terms[0].text].first_seen, again[e.terms[0].text].last_seen, again[e.terms[0].text].note)
                for e in entries] == [(e.first_seen, e.last_seen, e.note) for e in entries]


def test_a_memoq_term_base_csv_in_other_languages_or_without_regions(tmp_path):
    """memoQ (9.x, term base export to CSV, semicolons) names the columns of every language by its English
    name: German_Germany, Spanish_Spain, or plain English and French in a term base of languages without
    region. A German–Spanish term base was refused (no fr and en columns), and one without regions read
    with its definitions as unknown columns."""
    german = tmp_path / "de-es.csv"
    german.write_text("Entry_ID;Entry_Note;German_Germany_Def;German_Germany;Term_Info;Spanish_Spain_Def;"
                      "Spanish_Spain;Term_Info\r\n0;;Ein Weg für Konvois.;Mobilitätskorridor;CasePermissive;;"
                      "corredor de movilidad;CasePermissive\r\n", encoding="utf-8-sig")
    [entry], _ = read_all(read_csv, german)
    assert [(t.text, t.lang) for t in entry.terms] == [("Mobilitätskorridor", "de"), ("corredor de movilidad", "es")]
    assert entry.definition == "Ein Weg für Konvois."
    plain = tmp_path / "plain.csv"
    plain.write_text("Entry_ID,English_Def,English,Term_Info,French_Def,French,Term_Info\r\n"
                     "0,A line of vehicles.,convoy,,,convoi,\r\n", encoding="utf-8")
    [entry], skipped = read_all(read_csv, plain)
    assert [(t.text, t.lang) for t in entry.terms] == [("convoi", "fr"), ("convoy", "en")]
    assert entry.definition == "A line of vehicles."
    assert (entry.note, skipped) == ("ID: 0", [])
    regionless = tmp_path / "de-es-regionless.csv"  # a term base in German and Spanish, no regions
    regionless.write_text("Entry_ID;German_Def;German;Spanish;Term_Info\r\n0;Ein Weg.;Korridor;corredor;\r\n",
                          encoding="utf-8")
    [entry], _ = read_all(read_csv, regionless)
    assert ([(t.text, t.lang) for t in entry.terms], entry.definition) == (
        [("Korridor", "de"), ("corredor", "es")], "Ein Weg.")


def test_a_memoq_term_base_exported_to_csv_with_tabs_is_read(tmp_path):
    """memoQ's export to CSV lets one choose the delimiter (tab is what its help recommends as safest) and
    names the file .csv whatever it is: such a file was refused, "no usable columns"."""
    path = tmp_path / "termbase.csv"
    path.write_text("Entry_ID\tEntry_Note\tEnglish_United_Kingdom_Def\tEnglish_United_Kingdom\tTerm_Info\t"
                    "French_France_Def\tFrench_France\tTerm_Info\r\n"
                    '0\t\tA line of vehicles, escorted.\tconvoy\t\t\tconvoi\t\r\n', encoding="utf-8-sig")
    [entry], skipped = read_all(read_csv, path)
    assert [(t.text, t.lang) for t in entry.terms] == [("convoi", "fr"), ("convoy", "en")]
    assert entry.definition == "A line of vehicles, escorted."
    assert skipped == []  # Entry_ID and the two Term_Info columns are read too


def test_a_deepl_glossary_names_its_languages_on_every_row(tmp_path):
    """DeepL exports a glossary as CSV without a header, each row its source and target term then their
    languages' codes (its glossary generator a relevance after them). The first row was taken for a header
    naming en and fr columns: the import stored one entry of the codes alone (fr "fr", en "en"), and lost
    the first pair; an English–German glossary gave nothing."""
    path = tmp_path / "deepl.csv"
    path.write_text("battalion,bataillon,en,fr\r\nSecurity Council,Conseil de sécurité,en,fr\r\n"
                    "convoy,Konvoi,en,de\r\n", encoding="utf-8")
    entries, skipped = read_all(read_csv, path)
    assert [[(t.text, t.lang) for t in e.terms] for e in entries] == [
        [("battalion", "en"), ("bataillon", "fr")], [("Security Council", "en"), ("Conseil de sécurité", "fr")]]
    assert skipped == [f"{path}:3: languages 'en, de', not the file's en and fr"]
    generated = tmp_path / "generated.csv"  # the glossary generator's relevance, a language in region
    generated.write_text("Sicherheitsrat,Security Council,DE,EN-GB,0.93\r\n", encoding="utf-8")
    [entry], skipped = read_all(read_csv, generated)
    assert [(t.text, t.lang) for t in entry.terms] == [("Sicherheitsrat", "de"), ("Security Council", "en")]
    assert skipped == []
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert out.startswith("2 entries added, 0 already stored (entries in en 2, fr 2), 1 skipped")


@pytest.mark.parametrize("header", ["Source (en-US),Target (fr-FR),Description (en-US)",
                                    "Term [en],Term [fr],Description [en]", "en-US Term,fr-FR Term,Definition",
                                    "EN - English,FR - French,Definition (EN)"])
def test_a_header_naming_its_languages_by_codes_beside_words_is_read_as_such(tmp_path, header):
    """Glossaries exported by web platforms and CAT tools name a column by a word and a language code
    (``Source (en-US)``, ``Term [fr]``, ``en-US Term``). Not recognised, the header was read as a row of data
    and every row after it by position, French then English: the English terms were stored as French, the
    French as English, and the header itself as an entry."""
    path = tmp_path / "glossary.csv"
    path.write_text(f"{header}\nbattalion,bataillon,A unit of troops.\n", encoding="utf-8")
    [entry], skipped = read_all(read_csv, path)
    assert sorted((t.lang, t.text) for t in entry.terms) == [("en", "battalion"), ("fr", "bataillon")]
    assert (entry.definition, skipped) == ("A unit of troops.", [])
    # words that open with a language's code are still terms
    path.write_text("de facto,de fait\nbattalion,bataillon\n", encoding="utf-8")
    entries, _ = read_all(read_csv, path)
    assert [[(t.lang, t.text) for t in e.terms] for e in entries] == [
        [("fr", "de facto"), ("en", "de fait")], [("fr", "battalion"), ("en", "bataillon")]]


def test_a_long_list_of_skipped_units_is_cut_short(tmp_path):
    path = tmp_path / "many.tsv"
    path.write_text("".join(f"sans tabulation {n}\n" for n in range(12)) + "a\tb\n", encoding="utf-8")
    out = tmtool(tmp_path / "t.db", "import", path)[1]
    assert out.startswith("1 entry added, 0 already stored (entries in en 1, fr 1), 12 skipped: ")
    assert out.count("no tab") == 10 and out.endswith("; … and 2 more\n")


OMEGAT_PROJECT_SAVE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n'
    '  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"'
    ' creationtoolversion="6.0.1_0_1f3a2c4b" segtype="sentence" srclang="fr-FR"/>\n  <body>\n'
    '    <tu><tuv lang="fr-FR"><seg>Cliquez &lt;g0&gt;ici&lt;/g0&gt; pour lire la &lt;x1/&gt; notice.</seg></tuv>'
    '<tuv lang="en-GB" changeid="ines" changedate="20260412T081500Z" creationid="ines"'
    ' creationdate="20260412T081500Z"><seg>Click &lt;g0&gt;here&lt;/g0&gt; to read the &lt;x1/&gt; leaflet.</seg>'
    '</tuv></tu>\n'
    '    <tu><tuv lang="fr-FR"><seg>Le &lt;b0&gt;dernier&lt;/b0&gt; train part à 23 h.</seg></tuv>'
    '<tuv lang="en-GB"><seg>The &lt;b0&gt;last&lt;/b0&gt; train leaves at 11 pm.</seg></tuv></tu>\n'
    '  </body>\n</tmx>\n')


def test_omegat_short_tags_in_its_memory_are_codes_not_words(tmp_path):
    """OmegaT keeps a segment's tags in project_save.tmx as text (<g0>…</g0>, <x1/>): they were stored as
    words, so look-up, fuzzy search and export showed "g0" among the text. Read as OmegaT means them they
    are codes; in another tool's TMX such text stays text; exported, they are text again, as OmegaT writes
    them (so that OmegaT matches them exactly), nothing lost."""
    from lxml import etree

    from tmtool import api

    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT_PROJECT_SAVE, encoding="utf-8")
    first, second = read_tmx(path)
    assert (first.source, first.target) == ("Cliquez ici pour lire la  notice.", "Click here to read the  leaflet.")
    assert first.target_markup == ('Click <bpt i="1" x="0">&lt;g0&gt;</bpt>here<ept i="1">&lt;/g0&gt;</ept> to read'
                                   ' the <ph x="1">&lt;x1/&gt;</ph> leaflet.')
    assert (second.source, second.target) == ("Le dernier train part à 23 h.", "The last train leaves at 11 pm.")
    other_tool = tmp_path / "other.tmx"
    other_tool.write_text(OMEGAT_PROJECT_SAVE.replace('creationtool="OmegaT"', 'creationtool="x"'), encoding="utf-8")
    assert next(read_tmx(other_tool)).source == "Cliquez <g0>ici</g0> pour lire la <x1/> notice."

    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        api.import_file(store, str(path))
        [hit] = api.concordance(store, "train")
        assert hit["source"] == "Le dernier train part à 23 h." and "b0" not in hit["target"]
        [match] = api.search(store, "Cliquez ici pour lire la notice.", lang="fr")
        assert match["score"] == 100.0 and match["translation"] == "Click here to read the  leaflet."
        exported = tmp_path / "memory.tmx"
        api.export(store, "tmx", str(exported))
    segments = ["".join(seg.itertext()) for seg in etree.parse(str(exported)).iter("seg")]
    assert "Click <g0>here</g0> to read the <x1/> leaflet." in segments
    assert "Le <b0>dernier</b0> train part à 23 h." in segments


def test_omegat_s_tags_come_back_as_codes_from_a_tmx_tmtool_exported(tmp_path):
    """A memory tmtool exported from OmegaT's units holds their short tags as text, as OmegaT writes them
    (so that OmegaT matches them exactly); its header names tmtool, so, read again, by the same store or
    another, the tags were words ("Cliquez <g0>ici</g0>"). Each tuv holding them now names OmegaT its
    creationtool, as TMX 1.4b lets a tuv do for itself: read again, the units are the ones OmegaT's memory
    gave, nothing lost, look-up shows words, and the file stays valid TMX. (The memory: project_save.tmx as
    OmegaT writes it, OMEGAT_PROJECT_SAVE above.)"""
    from lxml import etree

    from tmtool import api

    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT_PROJECT_SAVE, encoding="utf-8")
    original = [(u.source, u.target, u.source_markup, u.target_markup) for u in read_tmx(path)]
    exported = tmp_path / "memory.tmx"
    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        api.import_file(store, str(path))
        api.export(store, "tmx", str(exported))
        again = api.import_file(store, str(exported))
    assert (again["added"], again["already_stored"]) == (0, 2)
    tree = etree.parse(str(exported))
    for validator in (etree.DTD(str(SHARED / "schemas" / "tmx" / "tmx14.dtd")),
                      etree.XMLSchema(etree.parse(str(SHARED / "schemas" / "tmx" / "tmx14.xsd")))):
        assert validator.validate(tree), validator.error_log.filter_from_errors()
    assert tree.getroot().find("header").get("creationtool") == "tmtool"
    assert [tuv.get("creationtool") for tuv in tree.iter("tuv")] == ["OmegaT"] * 4
    with open_store(str(tmp_path / "other.db"), create=True) as store:
        api.import_file(store, str(exported))
        [hit] = api.concordance(store, "leaflet")
        assert hit["source"] == "Cliquez ici pour lire la  notice." and "g0" not in hit["target"]
        assert [(u.source, u.target, u.source_markup, u.target_markup) for u in store.units()] == original
        twice = tmp_path / "twice.tmx"
        api.export(store, "tmx", str(twice))
    segments = ["".join(seg.itertext()) for seg in etree.parse(str(twice)).iter("seg")]
    assert "Click <g0>here</g0> to read the <x1/> leaflet." in segments


# a Trados Studio export's header, every attribute TMX 1.4b gives a header
STUDIO_FULL_HEADER = (
    '<header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml"'
    ' segtype="paragraph" adminlang="en-GB" srclang="fr-FR" o-encoding="windows-1252" creationdate="20190304T101500Z"'
    ' creationid="EXAMPLE\\clambert" changedate="20240611T080000Z" changeid="EXAMPLE\\pmorel">'
    '<prop type="x-Recognizers">RecognizeAll</prop></header>')
STUDIO_FULL_TMX = (
    f'<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4">{STUDIO_FULL_HEADER}<body>'
    '<tu><tuv xml:lang="fr-FR"><seg>Le convoi part ce soir. La séance est levée.</seg></tuv>'
    '<tuv xml:lang="en-GB"><seg>The convoy leaves tonight. The meeting is closed.</seg></tuv></tu>'
    '<tu><tuv xml:lang="fr-FR"><seg>Le char avance.</seg></tuv><tuv xml:lang="en-GB"><seg>The tank advances.</seg>'
    '</tuv></tu></body></tmx>\n')


def test_what_a_tmx_header_s_attributes_say_of_the_memory_is_kept_and_written_back(tmp_path):
    """The header's attributes were tmtool's own on export whatever the memory said: a paragraph memory became
    segtype="sentence", Trados's o-tmf, datatype, adminlang, o-encoding, who made the memory and when were lost.
    Each unit keeps them (``x-tmx-header:@NAME``); an export of one memory's units says them again in its header,
    but for creationtool, which says tmtool wrote the file (the memory's tool is a prop beside it), and reads back
    the same; one mixing memories says tmtool's own, each unit carrying its memory's. Valid against DTD and XSD."""
    studio, memoq = tmp_path / "studio.tmx", tmp_path / "memoq.tmx"
    studio.write_text(STUDIO_FULL_TMX, encoding="utf-8")
    memoq.write_text(MEMOQ_HEADER_TMX, encoding="utf-8")
    kept = memory_header(creationtool="SDL Language Platform", creationtoolversion="8.1", o_tmf="SDL TM8 Format",
                         segtype="paragraph", adminlang="en-GB", datatype="xml", o_encoding="windows-1252",
                         creationdate="20190304T101500Z", creationid="EXAMPLE\\clambert",
                         changedate="20240611T080000Z", changeid="EXAMPLE\\pmorel")
    assert [u.props for u in read_tmx(studio)] == [{**kept, "x-tmx-header:x-Recognizers": "RecognizeAll"}] * 2
    db = tmp_path / "t.db"
    assert tmtool(db, "import", studio)[0] == 0
    one = tmp_path / "one.tmx"
    assert tmtool(db, "export", "tmx", "-o", one)[0] == 0
    header = _valid_tmx(one).find("header")
    from importlib.metadata import version

    assert dict(header.attrib) == {
        "creationtool": "tmtool", "creationtoolversion": version("tmtool"), "o-tmf": "SDL TM8 Format",
        "segtype": "paragraph", "adminlang": "en-GB", "srclang": "fr-FR", "datatype": "xml",
        "o-encoding": "windows-1252", "creationdate": "20190304T101500Z", "creationid": "EXAMPLE\\clambert",
        "changedate": "20240611T080000Z", "changeid": "EXAMPLE\\pmorel"}
    assert _header_of(_valid_tmx(one)) == [
        ("prop", "x-original-creationtool", "SDL Language Platform"), ("prop", "x-original-creationtoolversion", "8.1"),
        ("prop", "x-Recognizers", "RecognizeAll")]
    assert "x-tmx-header" not in one.read_text(encoding="utf-8")  # the header says it, not each unit
    again = tmp_path / "again.db"  # read back (the memory's tool from its prop) and written again: the same
    assert [u.props for u in read_tmx(one)] == [{**kept, "x-tmx-header:x-Recognizers": "RecognizeAll"}] * 2
    assert tmtool(again, "import", one)[0] == 0
    assert tmtool(again, "export", "tmx", "-o", tmp_path / "two.tmx")[0] == 0
    assert (tmp_path / "two.tmx").read_bytes() == one.read_bytes()

    assert tmtool(db, "import", memoq)[0] == 0
    mixed = tmp_path / "mixed.tmx"
    assert tmtool(db, "export", "tmx", "-o", mixed)[0] == 0
    root = _valid_tmx(mixed)
    header = root.find("header")
    assert (header.get("creationtool"), header.get("o-tmf"), header.get("segtype"), header.get("datatype")) == (
        "tmtool", "tmtool", "sentence", "plaintext")  # two memories: neither's
    assert [{p.get("type"): p.text for p in tu.iter("prop") if p.get("type").startswith("x-tmx-header:@")}
            for tu in root.iter("tu")] == [kept] * 2 + [MEMOQ_HEADER_ATTRIBUTES] * 2
    with open_store(str(db)) as store:
        stored = {u.source: u.props for u in store.units()}
    assert {u.source: u.props for u in read_tmx(mixed)} == stored


def test_a_memory_whose_header_names_no_tool_keeps_its_header_through_two_round_trips(tmp_path):
    """A header without creationtool (the DTD requires one; some tools leave it out): written back under tmtool's
    name, it was read again as tmtool's own header and its o-tmf, adminlang, datatype, dates and author dropped."""
    memory = tmp_path / "wordfast.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header segtype="sentence"'
        ' o-tmf="Wordfast TM v.5.51r/00" adminlang="EN-US" srclang="FR-FR" datatype="PlainText"'
        ' creationdate="20230405T081500Z" creationid="JDUPONT" o-encoding="UTF-8"/><body>'
        '<tu creationdate="20230405T081500Z" creationid="JDUPONT"><tuv xml:lang="FR-FR"><seg>La frégate est à quai.'
        '</seg></tuv><tuv xml:lang="EN-GB"><seg>The frigate is alongside.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    said = memory_header(o_tmf="Wordfast TM v.5.51r/00", adminlang="EN-US", datatype="PlainText", segtype="sentence",
                         creationdate="20230405T081500Z", creationid="JDUPONT", o_encoding="UTF-8")
    headers = []
    for turn in range(1, 3):
        db = tmp_path / f"turn{turn}.db"
        assert tmtool(db, "import", memory)[0] == 0
        with open_store(db) as store:
            [unit] = store.units()
        assert {k: v for k, v in unit.props.items() if k.startswith("x-tmx-header:@")} == said, turn
        memory = tmp_path / f"turn{turn}.tmx"
        assert tmtool(db, "export", "tmx", "-o", memory)[0] == 0
        header = _valid_tmx(memory).find("header")
        headers.append((dict(header.attrib), _header_of(_valid_tmx(memory))))
    assert headers[0] == headers[1]
    assert headers[0][0]["o-tmf"] == "Wordfast TM v.5.51r/00" and headers[0][0]["creationtool"] == "tmtool"
    assert headers[0][1] == [("prop", "x-original-creationtool", None)]  # the memory named no tool


def test_a_segtype_outside_the_dtd_s_four_is_not_kept(tmp_path):
    """TMX allows block, paragraph, sentence and phrase; a tool's other word is not written back into a header
    the DTD would refuse. One in capitals is the same word."""
    path = tmp_path / "m.tmx"
    path.write_text(STUDIO_FULL_TMX.replace('segtype="paragraph"', 'segtype="Segment"'), encoding="utf-8")
    assert "x-tmx-header:@segtype" not in next(read_tmx(path)).props
    path.write_text(STUDIO_FULL_TMX.replace('segtype="paragraph"', 'segtype="Paragraph"'), encoding="utf-8")
    assert next(read_tmx(path)).props["x-tmx-header:@segtype"] == "paragraph"
    db, out = tmp_path / "t.db", tmp_path / "out.tmx"
    path.write_text(STUDIO_FULL_TMX.replace('segtype="paragraph"', 'segtype="Segment"'), encoding="utf-8")
    assert tmtool(db, "import", path)[0] == 0 and tmtool(db, "export", "tmx", "-o", out)[0] == 0
    assert _valid_tmx(out).find("header").get("segtype") == "sentence"


def _run(store):
    """A store's raw statements, on either backend, and its placeholder."""
    return (store._conn.execute, "?") if hasattr(store, "_conn") else (store._pg.execute, "%s")


def _units_holding_a_header(store) -> int:
    run, _ = _run(store)
    return run("SELECT count(*) FROM units WHERE props LIKE '%x-tmx-header%'").fetchone()[0]


def test_a_memory_s_header_is_stored_once_an_import_and_given_back_to_each_unit(store_url, tmp_path):
    """What a TMX header says of its memory (Trados's o-tmf, segtype, dates, its fields' definitions) was
    stored with every unit: 20,000 Trados units took 27.4 MB instead of 17.2. The import holds it once; each
    unit read from the store has it as before, and an export of the memory says it again, as it was. A file
    mixing memories (a tmtool export of two, one of which said nothing) keeps each unit's own."""
    from tmtool import transfer

    studio, memoq, plain = tmp_path / "studio.tmx", tmp_path / "memoq.tmx", tmp_path / "plain.tmx"
    studio.write_text(STUDIO_FULL_TMX, encoding="utf-8")
    memoq.write_text(MEMOQ_HEADER_TMX, encoding="utf-8")
    plain.write_text('<?xml version="1.0" encoding="utf-8"?>\n<tmx version="1.4"><header creationtool="tmtool"'
                     ' creationtoolversion="1" segtype="sentence" o-tmf="tmtool" adminlang="en" srclang="fr-FR"'
                     ' datatype="plaintext"/><body><tu><tuv xml:lang="fr-FR"><seg>La séance est ouverte.</seg></tuv>'
                     '<tuv xml:lang="en-GB"><seg>The meeting is open.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with open_store(store_url, create=True) as store:
        transfer.import_file(store, studio)
        assert _units_holding_a_header(store) == 0
        assert [u.props for u in store.units()] == [u.props for u in read_tmx(studio)]
        transfer.export_store(store, "tmx", str(tmp_path / "one.tmx"), srclang="fr", tgtlang="en")
        for path in (memoq, plain):
            transfer.import_file(store, path)
        assert _units_holding_a_header(store) == 0
        mixed = tmp_path / "mixed.tmx"
        transfer.export_store(store, "tmx", str(mixed), srclang="fr", tgtlang="en")
    header = _valid_tmx(tmp_path / "one.tmx").find("header")
    assert (header.get("o-tmf"), header.get("segtype"), header.get("creationid")) == (
        "SDL TM8 Format", "paragraph", "EXAMPLE\\clambert")
    assert _header_of(_valid_tmx(tmp_path / "one.tmx"))[2:] == [("prop", "x-Recognizers", "RecognizeAll")]
    read = [u.props for u in read_tmx(mixed)]
    assert [bool(props.get("x-tmx-header:@o-tmf")) for props in read] == [True] * 4 + [False]  # one said nothing
    again = tmp_path / "again"
    again.mkdir()
    with open_store(store_url) as store:
        run, _ = _run(store)
        run("DELETE FROM units")
        transfer.import_file(store, mixed)  # the first unit's memory is the import's; the others keep their own
        assert [u.props for u in store.units()] == read
        assert _units_holding_a_header(store) == 3
        transfer.export_store(store, "tmx", str(again / "mixed.tmx"), srclang="fr", tgtlang="en")
    assert [u.props for u in read_tmx(again / "mixed.tmx")] == read
    assert (again / "mixed.tmx").read_bytes().split(b"<body>")[1] == mixed.read_bytes().split(b"<body>")[1]


def test_a_store_holding_the_header_on_each_unit_holds_it_once_upgraded(store_url, tmp_path, monkeypatch):
    """A store made by the release before, each unit holding its memory's header: upgraded when opened, the
    header is its import's, taken off the units that said the same, and every unit reads as it did (one whose
    memory said nothing too)."""
    from tmtool import transfer
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.records import unit_content_key
    from tmtool.store.rows import UNIT_INSERT_COLUMNS, unit_row
    from tmtool.store.sqlite import migrations

    studio, memoq = tmp_path / "studio.tmx", tmp_path / "memoq.tmx"
    studio.write_text(STUDIO_FULL_TMX, encoding="utf-8")
    memoq.write_text(MEMOQ_HEADER_TMX, encoding="utf-8")
    first, second = list(read_tmx(studio)), list(read_tmx(memoq))
    said_nothing = Unit("La séance est ouverte.", "The meeting is open.", "fr-FR", "en-GB")
    imports = {1: ("studio.tmx", first), 2: ("mixed.tmx", [second[0], said_nothing, first[1]])}
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(
        migrations._import_headers)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._import_headers)])
    from conftest import queuing_no_counts
    queuing_no_counts(monkeypatch)  # nor did it queue counts
    with open_store(store_url, create=True) as old:  # as the release before stored two imports
        run, mark = _run(old)
        with old.transaction():
            for import_id, (path, units) in imports.items():
                run(f"INSERT INTO imports (id, path, format, kind, count, imported) VALUES ({mark}, {mark}, 'tmx',"
                    f" 'units', {mark}, '2026-01-05T10:00:00+00:00')", (import_id, path, len(units)))
                for unit in units:
                    run(f"INSERT INTO units ({UNIT_INSERT_COLUMNS}) VALUES ({', '.join([mark] * 20)})",
                        unit_row(unit, unit_content_key(unit) + path, None, None, path, import_id))
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert [u.props for u in store.units()] == [u.props for _, units in imports.values() for u in units]
        run, _ = _run(store)
        assert _units_holding_a_header(store) == 2  # the mixed import's second and third units
        headers = dict(run("SELECT id, header FROM imports").fetchall())
        assert "SDL TM8 Format" in headers[1] and "MemoQTM" in headers[2]
        out = tmp_path / "out.tmx"
        transfer.export_store(store, "tmx", str(out), srclang="fr", tgtlang="en")
    assert [u.props for u in read_tmx(out)] == [u.props for _, units in imports.values() for u in units]


# memoQ's (qTerm's) multiline term base layout, as memoQ server's Resource API scripts write it for memoQ to read back:
# a row a term, the entry's fields on its first row, the language on its first term's
MULTILINE_HEADER = ["Entry_ID", "Entry_Subject", "Entry_Domain", "Entry_ClientID", "Entry_ProjectID", "Entry_Created",
                    "Entry_Creator", "Entry_LastModified", "Entry_Modifier", "Language_Definition", "Language", "Term",
                    "Term_CaseSensitivity", "Term_Forbidden", "Term_PrefixMatching"]


def _multiline_rows(created) -> list[list]:
    blank = [None] * 10
    return [MULTILINE_HEADER,
            [0, None, "Défense", None, None, created, "clambert", created, "pmorel", "Véhicule blindé.", "French",
             "char de combat", "PermissiveStemmed", False, "Fuzzy"],
            blank + [None, "char d'assaut", None, True, None],
            blank + ["English", "main battle tank", "PermissiveStemmed", False, "Fuzzy"],
            [1, None, None, None, None, created, "clambert", created, "clambert", None, "French", "état-major",
             None, False, None],
            blank + ["English", "staff", None, True, None]]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_memoq_s_multiline_term_base_a_row_a_term_is_read_an_entry_a_concept(tmp_path, suffix):
    """memoQ's multiline layout (Entry_* on an entry's first row, Language on a language's first, Term on each)
    was refused: "no usable columns: the header names Entry_ID, … Language, Term …". Each entry is one, its
    terms grouped by language (a further one a synonym), its dates its first and last seen (an Excel date cell
    or memoQ's dotted text), a forbidden synonym beside an allowed one said in the note (not deprecating both),
    the rest of the entry's fields its note's lines; a language's only term forbidden is deprecated."""
    import csv
    from datetime import datetime as moment

    import openpyxl

    path = tmp_path / f"termbase.{suffix}"
    if suffix == "xlsx":
        workbook = openpyxl.Workbook()
        for row in _multiline_rows(moment(2024, 3, 12, 10, 15)):
            workbook.active.append(row)
        workbook.save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows([["" if cell is None else str(cell) for cell in row]
                                       for row in _multiline_rows("2024.03.12 10:15:00")])
    reader = __import__("tmtool.formats.xlsx", fromlist=["read_xlsx"]).read_xlsx if suffix == "xlsx" else read_csv
    entries, skipped = read_all(reader, path)
    assert skipped == []
    assert [[(t.lang, t.text) for t in e.terms] for e in entries] == [
        [("fr", "char de combat"), ("fr", "char d'assaut"), ("en", "main battle tank")],
        [("fr", "état-major"), ("en", "staff")]]
    tank, staff = entries
    assert tank.first_seen == tank.last_seen == datetime(2024, 3, 12, 10, 15, tzinfo=timezone.utc)  # as the wide layout
    assert tank.definition == "Véhicule blindé."
    assert "Domain: Défense" in tank.note and "pmorel" in tank.note
    assert "forbidden: char d'assaut" in (tank.terms[0].note or "")  # said, not deprecating its allowed synonym
    assert [t.usage for t in tank.terms] == [UsageStatus.PREFERRED] * 3
    assert [t.usage for t in staff.terms] == [UsageStatus.PREFERRED, UsageStatus.DEPRECATED]  # its only English
    assert staff.first_seen == datetime(2024, 3, 12, 10, 15, tzinfo=timezone.utc)
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "2 entries added, 0 already stored (entries in en 2, fr 2)\n")


# an OmegaT project's glossary/*.txt as translators keep them: no header, no languages (OmegaT takes the project's),
# a comment column, a blank target; this one from English to Belarusian
OMEGAT_GLOSSARY_EN_BE = ("table of contents\tзьмест\nlibrary\tбібліятэка\nsearch\tпошук\nsearch\tшукаць\n"
                         "DRM\tDRM\tкіраваньне лічбавымі правамі\nname\tназва \tдля неадушаўлёных\n"
                         "Do you want to\t \tDo you want to install …? → Усталяваць …?\n")


def test_a_glossary_without_header_in_another_script_than_french_and_english_is_refused_saying_how_to_name_it(
        tmp_path):
    """A header-less glossary is read as French, English and a note; an OmegaT glossary from English to Belarusian
    was imported so, every Cyrillic term stored as English ("entries in fr 7, en 6"). It is refused, one line
    saying what to write; named on a first line, #<TAB>en<TAB>be, it imports in its languages."""
    path = tmp_path / "glossary.txt"
    path.write_text(OMEGAT_GLOSSARY_EN_BE, encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, err = tmtool(db, "import", path)
    assert (code, out) == (1, "")
    assert err == (f"tmtool: error: {path}: its column 2, read as en (a table without a header row is read as fr "
                   "and en), is written in the Cyrillic script: name its languages on a first line, as "
                   "#<TAB>en<TAB>ru (a comment to OmegaT), or in a header row\n")
    path.write_text("#\ten\tbe\n" + OMEGAT_GLOSSARY_EN_BE, encoding="utf-8")
    code, out, _ = tmtool(db, "import", path)
    assert (code, out) == (0, "7 entries added, 0 already stored (entries in en 7, be 6)\n")
    path.write_text("char de combat\tmain battle tank\nchâssis\tchassis\nobus\tshell\n", encoding="utf-8")  # as ever
    assert tmtool(db, "import", path)[:2] == (0, "3 entries added, 0 already stored (entries in en 3, fr 3)\n")


def test_a_long_glossary_without_header_is_read_as_it_streams_not_held_whole():
    """Its scripts are told from its first rows; the rest is read as entries are asked (a headerless OmegaT
    glossary of a million lines was held whole in memory, every row's cells, before its first entry)."""
    from tmtool.formats.tabular import read_rows

    read = 0

    def rows():
        nonlocal read
        for number in range(1, 100_001):
            read = number
            yield number, [f"char {number}", f"tank {number}"]

    first = next(read_rows(rows(), "glossary.txt"))
    assert [t.text for t in first.terms] == ["char 1", "tank 1"]
    assert read < 1000


def test_memoq_s_multiline_term_base_keeps_its_terms_notes_and_examples(tmp_path):
    """Term_Note and Term_Example of the multiline layout (a row a term) were dropped without a word: the entry was
    read as if the file held neither."""
    path = tmp_path / "termbase.csv"
    path.write_text("Entry_ID,Entry_Domain,Language,Term,Term_Forbidden,Term_Example,Term_Note\n"
                    "0,Défense,French,char de combat,False,Le char de combat avance.,terme OTAN\n"
                    ",,,char d'assaut,True,Le char d'assaut recule.,ancien\n"
                    ",,English,main battle tank,False,The main battle tank advances.,\n", encoding="utf-8")
    entries, skipped = read_all(read_csv, path)
    assert skipped == []
    [tank] = entries
    assert [(t.lang, t.text) for t in tank.terms] == [("fr", "char de combat"), ("fr", "char d'assaut"),
                                                      ("en", "main battle tank")]
    said = tank.terms[0].note.splitlines()
    assert said[0] == "terme OTAN"
    assert {"char d'assaut: ancien", "example of char d'assaut: Le char d'assaut recule.",
            "forbidden: char d'assaut"} <= set(said)
    examples = {c.fr for t in tank.terms for c in t.contexts} | {c.fr for c in tank.contexts}  # the first sentence
    assert examples == {"Le char de combat avance.", "The main battle tank advances."}


def test_a_csv_without_header_in_another_script_is_refused_saying_what_a_csv_can_do(tmp_path):
    """A CSV was told to name its languages on a first line #<TAB>en<TAB>ru, which only a tab-separated glossary
    reads: written so, the CSV imported nothing ("column '#' not read", every term column empty)."""
    path = tmp_path / "glossary.csv"
    rows = "table of contents,зьмест\nlibrary,бібліятэка\nsearch,пошук\n"
    path.write_text(rows, encoding="utf-8")
    code, _, err = tmtool(tmp_path / "t.db", "import", path)
    assert code == 1 and err.endswith("is written in the Cyrillic script: name its languages in a header row, "
                                      "as en and ru\n"), err
    path.write_text("en,be\n" + rows, encoding="utf-8")  # as it says
    assert tmtool(tmp_path / "t.db", "import", path)[:2] == (0, "3 entries added, 0 already stored (entries in be 3, en 3)\n")


def test_a_bad_date_in_a_tbx_entry_s_history_is_kept_in_its_note_and_the_entry_imported(tmp_path, caplog):
    """A transacGrp whose date is no ISO 8601 date (a person's ``22/07/2007``, a tool's ``mardi dernier``) passed
    the whole entry over, its terms fine — and since a term's and a language section's transacGrp are the entry's
    history, a bad date there too. The entry is imported, the date as written a line of its note, its person kept,
    and a notice names the line (``import --strict`` has nothing to refuse: no entry is lost)."""
    path = tmp_path / "basic.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en-US"><martifHeader><fileDesc>'
        '<sourceDesc><p>Termbase export</p></sourceDesc></fileDesc></martifHeader><text><body>\n'
        '<termEntry id="c1"><transacGrp><transac type="transactionType">origination</transac><date>2010-04-17</date>'
        '</transacGrp><langSet xml:lang="en"><tig><term>open cluster</term><transacGrp><transac type="transactionType">'
        'modification</transac><transacNote type="responsibility">Anne</transacNote>\n<date>22/07/2011</date>'
        '</transacGrp></tig></langSet><langSet xml:lang="fr"><tig><term>amas ouvert</term></tig></langSet></termEntry>\n'
        '<termEntry id="c2"><transacGrp><transac type="transactionType">origination</transac>\n<date>mardi dernier'
        '</date></transacGrp><langSet xml:lang="en"><tig><term>convoy</term></tig></langSet><langSet xml:lang="fr">'
        '<tig><term>convoi</term></tig></langSet></termEntry>\n</body></text></martif>\n', encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="tmtool"):
        entries, skipped = read_all(read_tbx, path)
    notices = [record.getMessage() for record in caplog.records]
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2010, 4, 17), None, "Modified by: Anne\nmodification date: 22/07/2011"),
        (None, None, "origination date: mardi dernier")]
    assert notices == [
        f"{path}:4: invalid date '22/07/2011' (expected ISO 8601, e.g. 2021-07-13): kept in the entry's note",
        f"{path}:6: invalid date 'mardi dernier' (expected ISO 8601, e.g. 2021-07-13): kept in the entry's note"]
    db = tmp_path / "t.db"
    code, _, err = tmtool(db, "import", "--strict", path)
    assert code == 0 and f"{path}:6: invalid date 'mardi dernier'" in err
    for fmt, validators in (
            ("tbx", [etree.RelaxNG(etree.parse(str(SHARED / "schemas" / "tbx" / "TBXcoreStructV03.rng"))),
                     isoschematron.Schematron(etree.parse(str(SHARED / "schemas" / "tbx" / "TBX-Basic_DCA.xslt1.sch")))]),
            ("tbx-martif", [etree.XMLSchema(etree.parse(str(SHARED / "schemas" / "tbx-martif" / "tbx.xsd")))])):
        exported = tmp_path / f"{fmt}.tbx"
        assert tmtool(db, "export", fmt, "--status", "all", "-o", exported)[0] == 0
        for validator in validators:
            assert validator.validate(etree.parse(str(exported))), validator.error_log
        assert [(e.first_seen, e.note) for e in read_tbx(exported)] == [(e.first_seen, e.note) for e in entries]


def test_a_bad_date_in_a_multiterm_entry_s_history_is_kept_in_its_note_and_the_entry_imported(tmp_path, caplog):
    """The same for MultiTerm: a term's transacGrp with a date it does not read no longer passes its entry over."""
    path = tmp_path / "export.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-16"?>\n<mtf><conceptGrp><concept>1</concept><transacGrp><transac'
        ' type="origination">julien</transac><date>2021-03-01T11:21:32</date></transacGrp><languageGrp><language'
        ' type="English" lang="EN"/><termGrp><term>home</term>\n<transacGrp><transac type="modification">anne</transac>'
        '<date>04.03.2021</date></transacGrp></termGrp></languageGrp><languageGrp><language type="French" lang="FR"/>'
        '<termGrp><term>accueil</term></termGrp></languageGrp></conceptGrp></mtf>\n', encoding="utf-16")
    with caplog.at_level(logging.INFO, logger="tmtool"):
        entries, skipped = read_all(read_multiterm, path)
    notices = [record.getMessage() for record in caplog.records]
    assert skipped == []
    assert [(e.first_seen, e.last_seen, e.note) for e in entries] == [
        (datetime(2021, 3, 1, 11, 21, 32), None, "Created by: julien\nModified by: anne\nmodification date: 04.03.2021")]
    assert notices == [f"{path}:3: invalid date '04.03.2021' (expected ISO 8601, e.g. 2021-07-13): kept in the entry's note"]



def test_a_draft_confirmed_by_its_reviewed_file_takes_the_file_s_origin_and_approval(tmp_path):
    """A Trados draft a machine filled in (``Draft``, ``origin="mt"``), imported as a draft, then confirmed by the
    file back from review (``ApprovedSignOff``, the reviewer's edit: ``origin="interactive"``) kept the draft's origin
    beside its new level: the memory said a signed-off translation was the machine's. What a confirmation changes
    beside the level (the origin, an XLIFF's approved and state-qualifier) is the confirming file's."""
    def sdlxliff(conf: str, origin: str, target: str) -> Path:
        path = tmp_path / f"{conf}.sdlxliff"
        path.write_text(SDLXLIFF_HEAD + '<trans-unit id="u1"><source>Le convoi part.</source><seg-source>'
                        '<mrk mtype="seg" mid="1">Le convoi part.</mrk></seg-source><target><mrk mtype="seg" mid="1">'
                        f'{target}</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="{conf}" origin="{origin}"/>'
                        '</sdl:seg-defs></trans-unit></body></file></xliff>', encoding="utf-8")
        return path

    db = tmp_path / "t.db"
    assert tmtool(db, "import", sdlxliff("Draft", "mt", "The convoy leaves."), "--include-unconfirmed")[0] == 0
    code, out, _ = tmtool(db, "import", sdlxliff("ApprovedSignOff", "interactive", "The convoy leaves."))
    assert (code, "1 draft confirmed" in out) == (0, True), out
    exported = tmp_path / "out.tmx"
    tmtool(db, "export", "tmx", "-o", exported)
    assert [u.props for u in read_tmx(exported)] == [{"x-document": "r.docx", "x-state": "ApprovedSignOff", "x-sdl-origin": "interactive"}]


def test_a_phrase_draft_confirmed_by_its_job_file_takes_the_file_s_level_and_origin(tmp_path):
    """A Phrase machine draft (``m:confirmed="0"``, ``m:trans-origin="mt"``), imported as a draft, then confirmed by the
    job file back from the translator (``m:confirmed="1"``, a memory's match) kept the draft's level and origin beside
    its new state: the XLIFF export wrote ``m:confirmed="0"`` on a ``translated`` target (Phrase's own mark saying not
    confirmed), which read back was no longer Phrase's, its props dropped. Phrase's level, score and origin, and
    memoQ's match rate, are the confirming file's, as Trados's origin and percent are."""
    def job(confirmed: str, origin: str, score: str) -> Path:
        path = tmp_path / f"job{confirmed}.mxliff"
        path.write_text(
            "<?xml version='1.0' encoding='UTF-8'?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
            'xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2" m:version="2.17"><file original="d.docx" '
            'source-language="fr" target-language="en" m:task-id="T"><body><group id="0"><trans-unit id="T:0" '
            f'xml:space="preserve" m:score="{score}" m:gross-score="{score}" m:trans-origin="{origin}" '
            f'm:confirmed="{confirmed}" m:locked="false" m:para-id="0" m:level-edited="false">'
            "<source>Le comité siège.</source><target>The committee sits.</target></trans-unit></group></body></file>"
            "</xliff>", encoding="utf-8")
        return path

    db = tmp_path / "t.db"
    assert tmtool(db, "import", job("0", "mt", "0.0"), "--include-unconfirmed")[0] == 0
    code, out, _ = tmtool(db, "import", job("1", "tm", "1.01"))
    assert (code, "1 draft confirmed" in out) == (0, True), out
    confirmed = {"x-state": "confirmed", "x-document": "d.docx", "x-phrase-confirmed": "1", "x-phrase-score": "1.01",
                 "x-phrase-gross-score": "1.01", "x-phrase-trans-origin": "tm"}
    assert tmtool(db, "export", "tmx", "-o", tmp_path / "out.tmx")[0] == 0
    assert [u.props for u in read_tmx(tmp_path / "out.tmx")] == [confirmed]
    assert tmtool(db, "export", "xliff", "-o", tmp_path / "out.xlf")[0] == 0
    [unit] = etree.parse(str(tmp_path / "out.xlf")).iter("{*}trans-unit")
    assert unit.get("{http://www.memsource.com/mxlf/2.0}confirmed") == "1"
    assert [u.props for u in read_xliff(tmp_path / "out.xlf")] == [confirmed]
    # a memoQ draft approved in Weblate: memoQ's match rate of the draft is no longer the translation's
    from translate.storage.xliff import xlifffile

    db = tmp_path / "m.db"
    assert tmtool(db, "import", _memoq_job(tmp_path / "a.mqxliff", "PreTranslated"), "--include-unconfirmed")[0] == 0
    assert tmtool(db, "export", "xliff", "--include-unconfirmed", "-o", tmp_path / "rework.xlf")[0] == 0
    weblate = xlifffile.parsefile(str(tmp_path / "rework.xlf"))
    weblate.units[0].markfuzzy(False)
    (tmp_path / "approved.xlf").write_bytes(bytes(weblate))
    assert tmtool(db, "import", tmp_path / "approved.xlf")[0] == 0
    assert tmtool(db, "export", "tmx", "-o", tmp_path / "m.tmx")[0] == 0
    # the job's document too, which went to Weblate as the export's <file original>
    assert [u.props for u in read_tmx(tmp_path / "m.tmx")] == [{"x-state": "translated", "x-document": "b.docx"}]


def test_a_message_translate_toolkit_marked_fuzzy_is_not_a_confirmed_translation(tmp_path):
    """translate-toolkit (and Weblate, Pootle through it) marks a translation fuzzy, "needs editing", by
    ``approved="no"`` and ``state="needs-translation"`` on a target it keeps: it was imported as a translation (a
    needs-translation target that differs from its source counts as one, as OmegaT fills targets leaving that state,
    but OmegaT writes no approved="no"). The file is written here by translate-toolkit itself."""
    from translate.storage.xliff import xlifffile

    store = xlifffile(sourcelanguage="fr-FR", targetlanguage="en-GB")
    for source, target, fuzzy in [("Le convoi part.", "The convoy leaves.", False),
                                  ("La séance est levée.", "The meeting is raised.", True)]:
        unit = store.addsourceunit(source)
        unit.target = target
        unit.markfuzzy(False)  # reviewed, then (the second) sent back for editing
        unit.markfuzzy(fuzzy)
    path = tmp_path / "weblate.xlf"
    path.write_bytes(bytes(store))
    assert b'approved="no"' in path.read_bytes() and b'state="needs-translation"' in path.read_bytes()
    code, out, _ = tmtool(tmp_path / "t.db", "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                              "1 not confirmed skipped\n")
    # imported as a draft, it goes back to translate-toolkit fuzzy still
    assert tmtool(tmp_path / "d.db", "import", path, "--include-unconfirmed")[0] == 0
    assert tmtool(tmp_path / "d.db", "export", "xliff", "--include-unconfirmed", "-o", tmp_path / "back.xlf")[0] == 0
    back = xlifffile.parsefile(str(tmp_path / "back.xlf"))
    assert [(u.source, u.isfuzzy()) for u in back.units] == [("Le convoi part.", False), ("La séance est levée.", True)]


def test_an_xliff_translation_a_reviewer_rejected_is_not_a_confirmed_translation(tmp_path):
    """XLIFF 1.2 says a translation was rejected by its target's ``state-qualifier`` (``rejected-inaccurate``,
    ``rejected-grammar``, ``rejected-length``, ``rejected-spelling``), whatever its state: such a target was imported
    as a good translation, as Trados's RejectedTranslation is not. It is not confirmed, stays a draft through a TMX
    (``x-state-qualifier``) and goes back to XLIFF with its qualifier."""
    path = tmp_path / "review.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="r.txt" '
        'source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Le convoi part.</source><target state="translated">The convoy leaves.</target>'
        '</trans-unit><trans-unit id="2"><source>La séance est levée.</source><target state="translated" '
        'state-qualifier="rejected-inaccurate">The meeting is raised.</target></trans-unit>'
        '<trans-unit id="3"><source>Le vote est clos.</source><target state="needs-review-translation" '
        'state-qualifier="rejected-spelling">The vote is closd.</target></trans-unit></body></file></xliff>',
        encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, _ = tmtool(db, "import", path)
    assert (code, out) == (0, "1 unit added (fr-FR→en-GB 1), 0 already stored, 0 untranslated skipped, "
                              "2 not confirmed skipped\n")
    assert tmtool(db, "import", path, "--include-unconfirmed")[0] == 0
    assert tmtool(db, "export", "tmx", "--include-unconfirmed", "-o", tmp_path / "all.tmx")[0] == 0
    from tmtool.formats.tmx import is_unconfirmed

    assert [is_unconfirmed(u) for u in read_tmx(tmp_path / "all.tmx")] == [False, True, True]
    assert tmtool(db, "export", "xliff", "--include-unconfirmed", "-o", tmp_path / "back.xlf")[0] == 0
    back = (tmp_path / "back.xlf").read_text(encoding="utf-8")
    assert '<target state="needs-translation" state-qualifier="rejected-inaccurate">' in back


def test_a_rejected_translation_approved_in_weblate_is_confirmed_by_its_file(tmp_path):
    """A translation a reviewer rejected (``state-qualifier="rejected-inaccurate"``), exported for rework and approved
    in Weblate (translate-toolkit's ``markfuzzy(False)``, ``markapproved(True)``: ``approved="yes"``,
    ``state="translated"``, the qualifier, which translate-toolkit does not handle, left as it was), stayed a draft:
    the stale qualifier said rejected whatever the approval, no file could confirm it, and the next export wrote the
    approved translation ``needs-review-translation``, fuzzy to translate-toolkit. An approval passes the review."""
    from translate.storage.xliff import xlifffile

    path = tmp_path / "review.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="r.txt" '
        'source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>La séance est levée.</source><target state="translated" '
        'state-qualifier="rejected-inaccurate">The meeting is closed.</target></trans-unit></body></file></xliff>',
        encoding="utf-8")
    db = tmp_path / "t.db"
    assert tmtool(db, "import", path, "--include-unconfirmed")[0] == 0
    assert tmtool(db, "export", "xliff", "--include-unconfirmed", "-o", tmp_path / "rework.xlf")[0] == 0
    weblate = xlifffile.parsefile(str(tmp_path / "rework.xlf"))
    [unit] = weblate.units
    unit.markfuzzy(False)  # Weblate's set_state(STATE_APPROVED)
    unit.markapproved(True)
    (tmp_path / "approved.xlf").write_bytes(bytes(weblate))
    assert b'approved="yes"' in bytes(weblate) and b'state-qualifier="rejected-inaccurate"' in bytes(weblate)
    code, out, _ = tmtool(db, "import", tmp_path / "approved.xlf")
    assert (code, "1 draft confirmed" in out) == (0, True), out
    assert tmtool(db, "export", "xliff", "-o", tmp_path / "back.xlf")[0] == 0
    [back] = xlifffile.parsefile(str(tmp_path / "back.xlf")).units
    assert (back.target, back.isfuzzy(), back.getlanguageNode(index=1).get("state")) == (
        "The meeting is closed.", False, "translated")
