"""OmegaT, a real CAT tool, loads our TMX and XLIFF: exact matches pre-fill its translated documents.

Skipped only when java or OmegaT is not installed (``apt-get install omegat``).
"""

from __future__ import annotations

import io

import pytest
from conftest import SEED_EN, SEED_FR
from omegat import omegat_missing, seed_gold_units, translate_with_omegat

from click.testing import CliRunner

from tmtool.cli import main
from tmtool.formats.tmx import read_tmx, write_tmx
from tmtool.formats.xliff import read_xliff, write_xliff
from tmtool.model import Unit, Variant

pytestmark = pytest.mark.skipif(omegat_missing() is not None, reason=omegat_missing() or "")


def _tmtool(*args: str) -> bytes:
    """What the tmtool command line writes to stdout (the whole pipeline, as users run it)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _seed_tmx() -> bytes:
    return _tmtool("align", str(SEED_FR), str(SEED_EN), "--format", "tmx")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    xliff = _tmtool("segment", str(SEED_FR), "--lang", "fr-FR", "--format", "xliff")
    return translate_with_omegat(
        tmp_path_factory.mktemp("omegat"),
        sources={"seed.fr.txt": SEED_FR.read_bytes(), "seed.fr.xlf": xliff},
        tm={"seed.tmx": _seed_tmx()},
    )


def test_tmx_loads_without_error(run):
    assert "TMXR_INFO_READING_COMPLETE" in run.log
    assert "Source language: fr-FR" in run.log
    assert "TF_TM_LOAD_ERROR" not in run.log and "Error:" not in run.log


def test_text_target_holds_the_english_of_matched_units(run):
    translated = run.target("seed.fr.txt")
    for sentence in (
        "It was an opportunity to present the outcomes of the NATO Summit and to reflect on ways to strengthen "
        "existing partnerships.",
        "The current health crisis has shown once again the benefits of partnerships between NATO, Allies and "
        "non-NATO countries.",
        "Participants then turned to the NATO 2030 agenda.",
        "Partners have made, and continue to make, substantial contributions to NATO operations and missions and "
        "to its practical cooperation activities.",
    ):
        assert sentence in translated
    # OmegaT only fills segments its own segmentation finds verbatim in the memory: every unit is
    # either translated or (a 2-1 bead, a title glued to the next line) left in French
    units = seed_gold_units()
    matched = [u for u in units if u.target in translated]
    assert all(u.source.split(". ")[0] in translated for u in units if u not in matched)
    assert len(matched) >= 15
    assert "Nous sommes confrontés à de nombreux défis sécuritaires communs" in translated  # the 2-1 bead


def test_pre_translation_xliff_is_filled_from_the_tmx(run):
    units = {u.source: u.target for u in seed_gold_units()}
    filled = list(read_xliff(run.project / "target" / "seed.fr.xlf"))
    assert len(filled) == 20
    for unit in filled:
        if unit.source in units:
            assert unit.target == units[unit.source]
        else:  # a sentence that is only part of a 2-1 bead has no exact match: still the French copy
            assert unit.target == unit.source
    assert sum(unit.source in units for unit in filled) == 18


def test_what_omegat_translated_is_imported_back(run, tmp_path):
    """tmtool segment → OmegaT → tmtool import: OmegaT fills the targets and leaves the
    needs-translation state segment wrote on them; the filled ones come in, the copies do not."""
    translated = run.project / "target" / "seed.fr.xlf"
    assert 'target-language="en-GB"' in translated.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(translated)])
    assert result.output == "18 units added (fr-FR→en-GB 18), 0 already stored, 2 untranslated skipped\n"


def test_omegat_loads_units_in_three_languages_with_inline_codes(tmp_path):
    units = seed_gold_units()
    for unit in units:
        unit.variants = [Variant("de-DE", f"(de) {unit.target}")]
    # the first unit with codes: OmegaT reads TMX level 2
    units[0].source_markup = units[0].source.replace(
        "l’OTAN", '<bpt i="1">&lt;b&gt;</bpt>l’OTAN<ept i="1">&lt;/b&gt;</ept>')
    tmx = tmp_path / "multi.tmx"
    write_tmx(units, tmx, srclang="fr-FR")
    run = translate_with_omegat(tmp_path, sources={"seed.fr.txt": SEED_FR.read_bytes()},
                                tm={"multi.tmx": tmx.read_bytes()})
    assert "TMXR_INFO_READING_COMPLETE" in run.log
    assert "TF_TM_LOAD_ERROR" not in run.log and "Error:" not in run.log
    translated = run.target("seed.fr.txt")
    assert "Participants then turned to the NATO 2030 agenda." in translated
    assert "(de)" not in translated  # the project is French to English: the German variants stay out


def test_a_broken_tmx_shows_in_the_log(tmp_path):
    broken = _seed_tmx().replace(b"</tu>", b"", 1)
    run = translate_with_omegat(tmp_path, sources={"seed.fr.txt": SEED_FR.read_bytes()}, tm={"seed.tmx": broken})
    assert "TF_TM_LOAD_ERROR" in run.log
    assert "It was an opportunity" not in run.target("seed.fr.txt")


GUIDE = ('<html><head><meta charset="utf-8"><title>Guide</title></head><body><p>Cliquez <b>ici</b> pour lire la'
         ' notice.</p><p>Le <i>dernier</i> train part.</p></body></html>')
# a memory as OmegaT keeps its own: the segment's tags as text, short and numbered
OMEGAT_MEMORY = ('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="OmegaT" o-tmf="OmegaT TMX"'
                 ' adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6" segtype="sentence" srclang="FR-FR"/>'
                 '<body><tu><tuv xml:lang="FR-FR"><seg>Cliquez &lt;b0&gt;ici&lt;/b0&gt; pour lire la notice.</seg></tuv>'
                 '<tuv xml:lang="EN-GB"><seg>Click &lt;b0&gt;here&lt;/b0&gt; to read the leaflet.</seg></tuv></tu>'
                 '<tu><tuv xml:lang="FR-FR"><seg>Le &lt;i0&gt;dernier&lt;/i0&gt; train part.</seg></tuv>'
                 '<tuv xml:lang="EN-GB"><seg>The &lt;i0&gt;last&lt;/i0&gt; train leaves.</seg></tuv></tu></body></tmx>')


def test_omegat_s_own_memory_reads_with_its_tags_as_codes_and_goes_back_to_omegat(tmp_path):
    """The memory OmegaT writes (project-omegat.tmx, as project_save.tmx) keeps its tags as text: <b0>
    was stored as words. Read as codes holding the tag (look-up and concordance show no tag), and
    exported as OmegaT writes them, OmegaT matches them exactly with its default settings and fills the
    document."""
    first = translate_with_omegat(tmp_path / "first", sources={"guide.html": GUIDE.encode()},
                                  tm={"previous.tmx": OMEGAT_MEMORY.encode()})
    assert "<b>here</b>" in first.target("guide.html")
    written = first.project / "project-omegat.tmx"
    assert "&lt;b0&gt;" in written.read_text(encoding="utf-8")  # OmegaT's tags, as text
    db = str(tmp_path / "tm.db")
    _tmtool("--db", db, "import", str(written))
    found = _tmtool("--db", db, "tm", "concordance", "train", "--json").decode()
    assert "The last train leaves." in found and "i0" not in found
    exported = tmp_path / "memory.tmx"
    _tmtool("--db", db, "export", "tmx", "-o", str(exported))
    assert "Click &lt;b0&gt;here&lt;/b0&gt; to read the leaflet." in exported.read_text(encoding="utf-8")
    again = translate_with_omegat(tmp_path / "again", sources={"guide.html": GUIDE.encode()},
                                  tm={"tmtool.tmx": exported.read_bytes()})
    assert "<p>Click <b>here</b> to read the leaflet.</p><p>The <i>last</i> train leaves.</p>" in again.target(
        "guide.html")


def test_omegat_reads_the_codes_of_our_xliff_as_tags_and_writes_them_back(tmp_path):
    """A unit's codes written to XLIFF were plain text: OmegaT had no tag to place. Written as XLIFF's inline
    elements (a code with native data a bpt/ept, one without a g), OmegaT reads them as its tags (<b0>, <g0>),
    fills the segments from its memory with the tags in place, and writes them back as the same elements, which
    tmtool reads as the codes they were."""
    units = [Unit("Le Comité militaire se réunit demain.", "", "fr-FR", "", tuid="u1",
                  source_markup='Le <bpt i="1">&lt;b&gt;</bpt>Comité militaire<ept i="1">&lt;/b&gt;</ept> se réunit'
                                ' demain.'),
             Unit("Cliquez ici pour lire la notice.", "", "fr-FR", "", tuid="u2",
                  source_markup='Cliquez <bpt i="1" x="1"/>ici<ept i="1"/> pour lire la notice.')]
    xliff = io.BytesIO()
    write_xliff(units, xliff, srclang="fr-FR", tgtlang="en-GB", source_as_target=True)
    memory = OMEGAT_MEMORY.replace("&lt;b0&gt;ici&lt;/b0&gt;", "&lt;g0&gt;ici&lt;/g0&gt;").replace(
        "&lt;b0&gt;here&lt;/b0&gt;", "&lt;g0&gt;here&lt;/g0&gt;").replace(
        "Le &lt;i0&gt;dernier&lt;/i0&gt; train part.", "Le &lt;b0&gt;Comité militaire&lt;/b0&gt; se réunit demain.").replace(
        "The &lt;i0&gt;last&lt;/i0&gt; train leaves.", "The &lt;b0&gt;Military Committee&lt;/b0&gt; meets tomorrow.")
    run = translate_with_omegat(tmp_path, sources={"note.xlf": xliff.getvalue()}, tm={"memory.tmx": memory.encode()})
    assert [(unit.target, unit.target_markup) for unit in read_xliff(run.project / "target" / "note.xlf")] == [
        ("The Military Committee meets tomorrow.",
         'The <bpt i="1" x="1">&lt;b&gt;</bpt>Military Committee<ept i="1">&lt;/b&gt;</ept> meets tomorrow.'),
        ("Click here to read the leaflet.", 'Click <bpt i="1" x="1"/>here<ept i="1"/> to read the leaflet.')]


def test_omegat_offers_no_draft_of_an_exported_memory_as_a_match(tmp_path):
    """End to end: a draft imported with --include-unconfirmed (Trados's x-ConfirmationLevel Draft) was exported with
    that prop only, which OmegaT ignores: OmegaT filled its segment from the draft as a 100% match. The export leaves
    it out, so OmegaT leaves that segment in French and translates the confirmed one."""
    studio = tmp_path / "studio.tmx"
    studio.write_text(
        '<?xml version="1.0" encoding="utf-8"?><tmx version="1.4"><header creationtool="SDL Language Platform"'
        ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
        ' srclang="fr-FR"/><body>'
        '<tu><prop type="x-ConfirmationLevel">Translated</prop><tuv xml:lang="fr-FR"><seg>Le convoi part ce soir.</seg>'
        '</tuv><tuv xml:lang="en-GB"><seg>The convoy leaves tonight.</seg></tuv></tu>'
        '<tu><prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="fr-FR"><seg>La séance est levée.</seg></tuv>'
        '<tuv xml:lang="en-GB"><seg>The meeting is closed.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    db = str(tmp_path / "t.db")
    _tmtool("--db", db, "import", str(studio), "--include-unconfirmed")
    memory = _tmtool("--db", db, "export", "tmx")
    run = translate_with_omegat(tmp_path / "omegat", sources={"minutes.txt": "Le convoi part ce soir.\n\nLa séance est "
                                                                             "levée.\n".encode()},
                                tm={"memory.tmx": memory})
    assert "TMXR_INFO_READING_COMPLETE" in run.log and "TF_TM_LOAD_ERROR" not in run.log
    assert run.target("minutes.txt") == "The convoy leaves tonight.\n\nLa séance est levée.\n"


def test_omegat_loads_an_export_giving_back_a_trados_memory_s_header(tmp_path):
    """The export of one Trados memory's units now gives its header back (o-tmf, segtype, datatype, adminlang,
    o-encoding, who made it and when), naming tmtool its creationtool and the memory's tool in props: OmegaT loads
    it and fills the document from it."""
    from test_real_formats import STUDIO_FULL_TMX

    studio = tmp_path / "studio.tmx"
    studio.write_text(STUDIO_FULL_TMX, encoding="utf-8")
    db = str(tmp_path / "t.db")
    _tmtool("--db", db, "import", str(studio))
    memory = _tmtool("--db", db, "export", "tmx")
    assert (b'creationtool="tmtool"' in memory and b'o-tmf="SDL TM8 Format"' in memory
            and b'<prop type="x-original-creationtool">SDL Language Platform</prop>' in memory)
    run = translate_with_omegat(tmp_path / "omegat", sources={"minutes.txt": "Le char avance.\n\nLe convoi part ce soir. "
                                                                             "La séance est levée.\n".encode()},
                                tm={"memory.tmx": memory})
    assert "TMXR_INFO_READING_COMPLETE" in run.log and "TF_TM_LOAD_ERROR" not in run.log
    assert run.target("minutes.txt") == "The tank advances.\n\nThe convoy leaves tonight. The meeting is closed.\n"


def test_omegat_matches_a_unit_whose_xliff_marked_a_term(tmp_path):
    """A term an XLIFF marks (``<mrk mtype="term">``, as Okapi's term leveraging and translate-toolkit write one) was
    exported to TMX as ``<hi type="term">``, which OmegaT reads as a tag: the unit no longer matched the sentence it
    translates, and OmegaT left it untranslated. A term mark is an annotation, not formatting: the TMX export leaves it
    out (a unit's codes stay), an XLIFF export still writes it."""
    job = tmp_path / "job.xlf"
    job.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a.txt" source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Le <mrk mtype="term">char</mrk> recule vers la base.</source>'
        '<target state="translated">The <mrk mtype="term">tank</mrk> moves back to the base.</target></trans-unit>'
        '<trans-unit id="2"><source>Le convoi avance vers la frontière.</source>'
        '<target state="translated">The convoy moves towards the border.</target></trans-unit>'
        '</body></file></xliff>', encoding="utf-8")
    db = str(tmp_path / "t.db")
    _tmtool("--db", db, "import", str(job))
    memory = _tmtool("--db", db, "export", "tmx")
    assert b"<hi" not in memory and b"<seg>Le char recule vers la base.</seg>" in memory
    assert b'<mrk mtype="term">char</mrk>' in _tmtool("--db", db, "export", "xliff")
    run = translate_with_omegat(tmp_path / "omegat", sources={"orders.txt": "Le char recule vers la base.\n\nLe convoi "
                                                                            "avance vers la frontière.\n".encode()},
                                tm={"memory.tmx": memory})
    assert "TMXR_INFO_READING_COMPLETE" in run.log and "TF_TM_LOAD_ERROR" not in run.log
    assert run.target("orders.txt") == "The tank moves back to the base.\n\nThe convoy moves towards the border.\n"


def test_omegat_gets_the_text_trados_locks_in_our_tmx_and_tmtool_the_lock(tmp_path):
    """Trados's locked content (a product code it keeps in a segment as ``lockTU_…``, read as ``<hi type="x-locked">``)
    was exported to TMX as that ``hi``: OmegaT 3.6 reads a ``hi`` as a tag and drops its text (its memory held
    *Fermez la vanne  maintenant.*), so the unit matched no sentence and offered a translation without the code. The
    span is written as a pair of codes of no native data around its text (``<bpt type="x-locked"/>V-101<ept/>``), as
    every CAT tool reads formatting, text kept: OmegaT fills the segment; tmtool reads the pair back as the lock."""
    from tmtool.formats.tmx import read_tmx

    sdlxliff = (
        '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" '
        'datatype="x-sdlfilterframework2" source-language="fr-FR" target-language="en-GB"><body>'
        '<trans-unit id="t1"><source>Fermez la vanne <x id="l1" xid="lockTU_1"/> maintenant.</source><seg-source>'
        '<mrk mtype="seg" mid="1">Fermez la vanne <x id="l1" xid="lockTU_1"/> maintenant.</mrk></seg-source><target>'
        '<mrk mtype="seg" mid="1">Close valve <x id="l2" xid="lockTU_2"/> now.</mrk></target><sdl:seg-defs>'
        '<sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit>'
        '<trans-unit id="lockTU_1" translate="no"><source>V-101</source></trans-unit>'
        '<trans-unit id="lockTU_2" translate="no"><source>V-101</source></trans-unit></body></file></xliff>')
    [unit] = read_xliff(io.BytesIO(sdlxliff.encode()))
    assert unit.source_markup == 'Fermez la vanne <hi type="x-locked">V-101</hi> maintenant.'
    memory = io.BytesIO()
    write_tmx([unit], memory, srclang="fr-FR")
    assert b'<seg>Fermez la vanne <bpt i="1" type="x-locked"/>V-101<ept i="1"/> maintenant.</seg>' in memory.getvalue()
    run = translate_with_omegat(tmp_path, sources={"a.txt": "Fermez la vanne V-101 maintenant.\n".encode()},
                                tm={"memory.tmx": memory.getvalue()})
    assert run.target("a.txt") == "Close valve V-101 now.\n"
    [back] = read_tmx(io.BytesIO(memory.getvalue()))
    assert (back.source, back.source_markup, back.target_markup) == (
        "Fermez la vanne V-101 maintenant.", 'Fermez la vanne <hi type="x-locked">V-101</hi> maintenant.',
        'Close valve <hi type="x-locked">V-101</hi> now.')


def test_omegat_shows_the_units_own_note_and_tmtool_reads_back_both(tmp_path):
    """An XLIFF unit's note comes first among its notes, its file's after it (Trados's and memoQ's XLIFF: the
    file's header note says what the document is). OmegaT 3.6 reads a <tu>'s last note only, so a memory tmtool
    wrote showed the file's note on every unit, never the unit's own. The unit's own is the <tu>'s note, the
    others are its source tuv's: OmegaT shows the unit's, and tmtool reads both back, in their order."""
    xlf = tmp_path / "brief.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="brief.docx" source-language="fr-FR" target-language="en-GB" datatype="x-docx">'
        '<header><note>Document du Comité militaire, diffusion restreinte</note></header><body>'
        '<trans-unit id="1"><source>Le convoi part ce soir.</source>'
        '<target state="translated">The convoy leaves tonight.</target>'
        '<note>convoi : terme validé par la cellule terminologie</note></trans-unit></body></file></xliff>\n',
        encoding="utf-8")
    units = list(read_xliff(xlf))
    assert units[0].notes == ["convoi : terme validé par la cellule terminologie",
                              "Document du Comité militaire, diffusion restreinte"]
    tmx = tmp_path / "memory.tmx"
    write_tmx(units, tmx, srclang="fr-FR")
    assert [unit.notes for unit in read_tmx(tmx)] == [units[0].notes]
    script = ('project.getTransMemories().each { name, tmx -> tmx.getEntries().each { e ->'
              ' println "OMEGAT NOTE: " + e.note } }\n')
    run = translate_with_omegat(tmp_path / "omegat", sources={"brief.txt": "Le convoi part ce soir.\n".encode()},
                                tm={"memory.tmx": tmx.read_bytes()}, script=script)
    assert "The convoy leaves tonight." in run.target("brief.txt")
    shown = {line.partition("OMEGAT NOTE: ")[2] for line in run.log.splitlines() if "OMEGAT NOTE: " in line}
    assert shown == {"convoi : terme validé par la cellule terminologie"}
