"""XLIFF: 1.2 written for translate-toolkit and OmegaT, 1.2 and 2.0 read back."""

from __future__ import annotations

import io
import json
import re

import pytest
from omegat import SEED_GOLD, seed_gold_units
from lxml import etree
from translate.storage.xliff import xlifffile

from tmtool.errors import TmtoolError
from tmtool.formats.inline import plain_text
from tmtool.formats.xliff import XLIFF_12, read_xliff, write_xliff
from tmtool.model import Segment, Unit


def test_units_load_in_translate_toolkit_unchanged(tmp_path):
    units = seed_gold_units()
    path = tmp_path / "seed.xlf"
    assert write_xliff(units, path, srclang="fr_FR", tgtlang="en-gb", original="seed.fr.txt") == len(units)
    store = xlifffile.parsefile(str(path))
    assert store.getsourcelanguage() == "fr-FR" and store.gettargetlanguage() == "en-GB"
    assert [(u.source, u.target, u.getnotes()) for u in store.units] == [
        (u.source, u.target, "\n".join(u.notes)) for u in units
    ]
    assert all(u.getid().endswith(unit.tuid) for u, unit in zip(store.units, units))


def test_segments_for_pre_translation_have_no_target(tmp_path):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    segments = [Segment(text, paragraph=0, index=i) for i, text in enumerate(gold["fr"])]
    path = tmp_path / "pre.xlf"
    write_xliff(segments, path, srclang="fr-FR", tgtlang="en-GB")
    store = xlifffile.parsefile(str(path))
    assert [u.source for u in store.units] == gold["fr"]
    assert not any(u.target for u in store.units)
    assert [u.getid().rsplit("\x04", 1)[-1] for u in store.units] == [str(i) for i in range(1, 21)]


def test_source_as_target_copies_the_source_for_omegat():
    out = io.BytesIO()
    write_xliff([Unit(" Espaces  gardés ", "", "fr", "en")], out, srclang="fr", tgtlang="en", source_as_target=True)
    assert b'<target state="needs-translation"> Espaces  gard\xc3\xa9s </target>' in out.getvalue()
    [unit] = read_xliff(io.BytesIO(out.getvalue()))
    assert unit.source == unit.target == " Espaces  gardés "
    assert unit.props == {"x-state": "needs-translation"}


def test_write_then_read_round_trips():
    units = [Unit("Bonjour <&> « x »", "Hello", "fr-FR", "en-GB", tuid="a:1", notes=["vu"])]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR", tgtlang="en-GB")
    [unit] = read_xliff(io.BytesIO(out.getvalue()))
    assert (unit.source, unit.target, unit.tuid, unit.notes, unit.srclang, unit.tgtlang) == (
        "Bonjour <&> « x »", "Hello", "a:1", ["vu"], "fr-FR", "en-GB"
    )  # fmt: skip


def test_units_of_one_tuid_get_ids_apart_and_their_tuid_back(tmp_path):
    """Two units of one tuid stopped the export (``duplicate id``). The second gets the next free id, its tuid
    beside it, which reading gives back: the units read are those written, tuids and all."""
    twins = [Unit("a", "b", "fr-FR", "en-GB", tuid="x"), Unit("c", "d", "fr-FR", "en-GB", tuid="x"),
             Unit("e", "f", "fr-FR", "en-GB", tuid="x-2"), Unit("g", "h", "fr-FR", "en-GB")]
    out = io.BytesIO()
    write_xliff(twins, out, srclang="fr")
    ids = [unit.get("id") for unit in etree.fromstring(out.getvalue()).iter(f"{{{XLIFF_12}}}trans-unit")]
    assert ids == ["x", "x-2", "x-2-2", "4"]
    assert [(u.source, u.tuid) for u in read_xliff(io.BytesIO(out.getvalue()))] == [
        ("a", "x"), ("c", "x"), ("e", "x-2"), ("g", "4")]


def test_illegal_characters_are_refused(tmp_path):
    path = tmp_path / "out.xlf"
    with pytest.raises(TmtoolError, match="U\\+0007"):
        write_xliff([Unit("bip\x07", "", "fr", "en")], path, srclang="fr")
    assert not list(tmp_path.iterdir())


XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en-GB">
  <file id="f1">
    <unit id="u1">
      <notes><note>titre</note></notes>
      <segment state="final">
        <source>Les partenaires de l’<pc id="1">OTAN</pc></source><target>NATO partners</target>
      </segment>
    </unit>
    <group id="g1">
      <unit id="u2">
        <segment id="s1"><source>Première phrase.</source><target>First sentence.</target></segment>
        <ignorable><source> </source></ignorable>
        <segment id="s2"><source>Deuxième phrase.</source></segment>
      </unit>
    </group>
  </file>
</xliff>
"""


def test_xliff_20_reads_segments():
    units = list(read_xliff(io.BytesIO(XLIFF_20.encode())))
    assert [(u.tuid, u.source, u.target, u.props, u.notes) for u in units] == [
        ("u1", "Les partenaires de l’OTAN", "NATO partners", {"x-state": "final"}, ["titre"]),
        ("u2/s1", "Première phrase.", "First sentence.", {}, []),
        ("u2/s2", "Deuxième phrase.", "", {}, []),
    ]
    assert {(u.srclang, u.tgtlang) for u in units} == {("fr-FR", "en-GB")}


@pytest.mark.parametrize(
    "document, message",
    [
        (b'<?xml version="1.0"?>\n<tmx version="1.4"/>', "not an XLIFF 1.2 or 2.0 file"),
        (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n<file original="x">'
         b"<body/></file></xliff>", "without source-language"),
        (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="fr">'
         b'<body>\n<trans-unit id="1"><target>x</target></trans-unit></body></file></xliff>', "without <source>"),
        (b'<!DOCTYPE xliff [\n<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"/>', "declares entities"),
    ],
)  # fmt: skip
def test_bad_xliff_is_one_error_with_its_line(document, message):
    with pytest.raises(TmtoolError) as caught:
        list(read_xliff(io.BytesIO(document)))
    assert message in caught.value.message and caught.value.line == 2


def test_the_line_breaks_and_indentation_of_a_pretty_printed_file_are_no_text(tmp_path):
    """Angular writes a template's text as it stands in it, over lines and indented (``ng extract-i18n``,
    XLIFF 1.2 and 2.0, no xml:space): the unit was stored as "\\n        Hello i18n!\\n      ", which no
    lookup of the sentence matched and every export wrote back over three lines. translate-toolkit reads
    it as XML's default white-space handling has it; so does tmtool. Under xml:space="preserve", and a
    code's native data, every white space stays."""
    path = tmp_path / "messages.fr.xlf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="fr" datatype="plaintext" original="ng2.template">
    <body>
      <trans-unit id="introductionHeader" datatype="html">
        <source>
        Hello i18n!
      </source>
        <target>
        Bonjour i18n !
      </target>
      </trans-unit>
      <trans-unit id="welcome" datatype="html">
        <source>Welcome to
          <x id="INTERPOLATION" equiv-text="{{ title
            }}"/>, <ph id="1">&lt;br
            /&gt;</ph>  dear user</source>
        <target>Bienvenue sur
          <x id="INTERPOLATION" equiv-text="{{ title
            }}"/>, <ph id="1">&lt;br
            /&gt;</ph>  cher utilisateur</target>
      </trans-unit>
      <trans-unit id="poem" xml:space="preserve"><source>Roses
are red</source><target>Les roses
sont rouges</target></trans-unit>
      <trans-unit id="mail"><source>Dear user,
Your account is ready.</source><target>Cher utilisateur,
Votre compte est prêt.</target></trans-unit>
    </body>
  </file>
</xliff>""", encoding="utf-8")
    header, welcome, poem, mail = read_xliff(path)
    assert (header.source, header.target) == ("Hello i18n!", "Bonjour i18n !")
    # the codes left out of the text, the two spaces after them kept
    assert (welcome.source, welcome.target) == ("Welcome to ,   dear user", "Bienvenue sur ,   cher utilisateur")
    assert "&lt;br\n            /&gt;" in welcome.source_markup  # a code's native data as it was
    assert (poem.source, poem.target) == ("Roses\nare red", "Les roses\nsont rouges")
    # lines at the margin are the text's own (Symfony's messages): no layout to undo
    assert (mail.source, mail.target) == ("Dear user,\nYour account is ready.", "Cher utilisateur,\nVotre compte est prêt.")
    version_2 = tmp_path / "messages.fr.xlf2"
    version_2.write_text("""<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="fr">
  <file id="ngi18n" original="ng.template">
    <unit id="introductionHeader">
      <segment>
        <source>
        Hello i18n!
      </source>
        <target>
        Bonjour i18n !
      </target>
      </segment>
    </unit>
  </file>
</xliff>""", encoding="utf-8")
    [unit] = read_xliff(version_2)
    assert (unit.source, unit.target) == ("Hello i18n!", "Bonjour i18n !")
    # Trados's own file keeps its text as its editor shows it
    trados = tmp_path / "doc.sdlxliff"
    trados.write_text(path.read_text(encoding="utf-8").replace(
        'xmlns="urn:oasis:names:tc:xliff:document:1.2"',
        'xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"'),
        encoding="utf-8")
    assert next(read_xliff(trados)).source == "\n        Hello i18n!\n      "


def test_notes_of_the_file_and_its_groups_are_every_unit_s(tmp_path):
    """A note the author wrote for the whole file (1.2 ``header/note``, 2.x ``file/notes``, a group's)
    is read with each of its units, after the unit's own, as a CAT tool shows it beside each segment."""
    xliff_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file original="guide.html" source-language="fr-FR" target-language="en-GB" datatype="html">
    <header><note>Guide des bénévoles : tutoyer le lecteur.</note></header>
    <body>
      <group id="g1"><note>Encadré de la page d'accueil</note>
        <trans-unit id="1"><source>Inscris-toi avant lundi.</source><target>Sign up before Monday.</target>
          <note>« lundi » : le jour de la réunion</note></trans-unit>
      </group>
      <trans-unit id="2"><source>Merci !</source><target>Thank you!</target></trans-unit>
    </body>
  </file>
  <file original="other.html" source-language="fr-FR" target-language="en-GB" datatype="html">
    <body><trans-unit id="3"><source>Au revoir.</source><target>Goodbye.</target></trans-unit></body>
  </file>
</xliff>"""
    units = list(read_xliff(io.BytesIO(xliff_12.encode())))
    assert [(u.tuid, u.notes) for u in units] == [
        ("1", ["« lundi » : le jour de la réunion", "Guide des bénévoles : tutoyer le lecteur.",
               "Encadré de la page d'accueil"]),
        ("2", ["Guide des bénévoles : tutoyer le lecteur."]),
        ("3", []),
    ]
    xliff_20 = XLIFF_20.replace('<file id="f1">', '<file id="f1"><notes><note>Ton formel.</note></notes>').replace(
        '<group id="g1">', '<group id="g1"><notes><note category="context">Pied de page</note></notes>')
    assert [(u.tuid, u.notes) for u in read_xliff(io.BytesIO(xliff_20.encode()))] == [
        ("u1", ["titre", "Ton formel."]),
        ("u2/s1", ["Ton formel.", "Pied de page"]),
        ("u2/s2", ["Ton formel.", "Pied de page"]),
    ]


# ---- inline codes written back as XLIFF's ----

# a memory as Okapi and memoQ export it, codes holding their native code (a bold run, an image, an italic run
# whose end lies in the next segment), and as Trados exports it, codes holding none (type: Trados's tag id)
CODED_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="Okapi" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
srclang="fr-FR" datatype="html"/><body>
<tu tuid="okapi-1"><tuv xml:lang="fr-FR"><seg>Le <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Comité militaire<ept i="1">\
&lt;/b&gt;</ept> se réunit<ph x="2" type="image">&lt;img src="logo.png"/&gt;</ph> <it pos="begin" x="3">&lt;i&gt;</it>\
demain.</seg></tuv>
<tuv xml:lang="en-GB"><seg>The <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Military Committee<ept i="1">&lt;/b&gt;\
</ept> meets<ph x="2" type="image">&lt;img src="logo.png"/&gt;</ph> <it pos="begin" x="3">&lt;i&gt;</it>tomorrow.</seg>\
</tuv></tu>
<tu tuid="trados-1"><tuv xml:lang="fr-FR"><seg><bpt i="1" x="1" type="1"/>Attention<ept i="1"/> : voir \
<bpt i="2" x="2" type="3"/>page <bpt i="3" x="3" type="4"/>12<ept i="2"/><ept i="3"/><ph x="4" type="6"/></seg></tuv>
<tuv xml:lang="en-GB"><seg><bpt i="1" x="1" type="1"/>Warning<ept i="1"/>: see <bpt i="2" x="2" type="3"/>page \
<bpt i="3" x="3" type="4"/>12<ept i="2"/><ept i="3"/><ph x="4" type="6"/></seg></tuv></tu>
</body></tmx>
"""

# TYPO3's rich text field, HTML in a CDATA section; and an XLIFF 1.2 with XLIFF's own codes
TYPO3_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" target-language="en"
datatype="plaintext" original="locallang.xlf" product-name="news"><body>
<trans-unit id="tt_content.bodytext.12" resname="tt_content.bodytext.12"><source><![CDATA[<p>Lisez \
<a href="/fr/note">la note</a> du <strong>Conseil</strong>.<br />Merci.</p>]]></source><target><![CDATA[<p>Read \
the <strong>Council</strong>'s <a href="/en/note">note</a>.<br />Thank you.</p>]]></target></trans-unit>
</body></file></xliff>
"""
CODED_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr-FR"
target-language="en-GB" datatype="x-docx" original="note.docx"><body>
<trans-unit id="p1"><source>Cliquez <g id="1" ctype="bold">ici</g> puis <x id="2" ctype="image"/><bx id="3"/>\
voir <ph id="4">{nom}</ph> et <bpt id="5">&lt;u&gt;</bpt>la suite<ept id="5">&lt;/u&gt;</ept>.<it id="6" \
pos="close">&lt;/span&gt;</it></source><target>Click <g id="1" ctype="bold">here</g> then <x id="2" ctype="image"/>\
<bx id="3"/>see <ph id="4">{nom}</ph> and <bpt id="5">&lt;u&gt;</bpt>what follows<ept id="5">&lt;/u&gt;</ept>.\
<it id="6" pos="close">&lt;/span&gt;</it></target></trans-unit>
</body></file></xliff>
"""


CODE_STARTS = [f"{{{XLIFF_12}}}{name}" for name in ("g", "x", "bx", "bpt", "ph", "it")]


def _tmx_codes(markup: str | None) -> tuple[str, list[tuple[str, str]]]:
    """A segment's text and codes, read from its TMX markup: each code a start, an end or a standalone one with
    its native code, however it is numbered."""
    seg = etree.fromstring(f"<seg>{markup or ''}</seg>")
    codes = [({"bpt": "start", "ept": "end", "ph": "standalone"}.get(code.tag)
              or ("start" if code.get("pos") == "begin" else "end"), code.text or "")
             for code in seg.iter("bpt", "ept", "ph", "it")]
    return plain_text(seg), codes


BREAK = "\x00"  # where translate-toolkit read an HTML line break's code


def _toolkit_codes(elem) -> tuple[str, list[tuple[str, str]]]:
    """The same, as translate-toolkit parses an XLIFF unit's rich source or target."""
    from translate.storage.placeables import xliff as placeables

    kinds = {placeables.X: "standalone", placeables.Bx: "start", placeables.Ex: "end"}
    text, codes = [], []

    def walk(node):
        if isinstance(node, str):
            text.append(node)
        elif isinstance(node, placeables.G):
            codes.append(("start", ""))
            for child in node.sub:
                walk(child)
            codes.append(("end", ""))
        elif type(node) in kinds:
            codes.append((kinds[type(node)], ""))
        elif isinstance(node, placeables.UnknownXML):  # bpt, ept, ph, it: their native code
            kind = {"bpt": "start", "ept": "end", "ph": "standalone"}.get(node.xml_node.tag.rpartition("}")[2])
            codes.append((kind or ("start" if node.xml_node.get("pos") == "open" else "end"), str(node)))
            if kind == "standalone" and re.fullmatch(r"\s*<br\s*/?>\s*", str(node)):
                text.append(BREAK)  # a line break, which tmtool reads as one between words (inline.line_break)
        else:
            for child in node.sub:
                walk(child)

    walk(elem)
    return re.sub(rf"(?<=\S){BREAK}(?=\S)", "\n", "".join(text)).replace(BREAK, ""), codes


@pytest.mark.parametrize("name, content", [("okapi.tmx", CODED_TMX), ("locallang.xlf", TYPO3_XLIFF),
                                           ("note.xlf", CODED_XLIFF)])
def test_codes_exported_to_xliff_are_xliff_s_inline_elements_that_read_back_as_the_same_codes(tmp_path, name,
                                                                                               content):
    """A unit's codes (a TMX's bpt/ept/ph/it, TYPO3's HTML, XLIFF's g/x/bx/ex/bpt/ept/ph/it) were exported to
    XLIFF as their plain text alone: the tags were lost. They are XLIFF 1.2's inline elements now, and the file
    read again, by tmtool or translate-toolkit, gives the same text and codes, native code included."""
    from tmtool import api, open_store

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        api.import_file(store, str(path))
        imported = {unit.tuid: unit for unit in store.units()}
        assert api.export(store, "xliff", str(tmp_path / "out.xlf"), srclang="fr", tgtlang="en") == len(imported)
    read = {unit.tuid: unit for unit in read_xliff(tmp_path / "out.xlf")}
    toolkit = {unit.getid().rsplit("\x04", 1)[-1]: unit for unit in xlifffile.parsefile(str(tmp_path / "out.xlf")).units}
    assert set(read) == set(imported) and all(unit.source_markup for unit in imported.values())
    for tuid, unit in imported.items():
        for side, markup, rich in (("source", unit.source_markup, toolkit[tuid].rich_source),
                                   ("target", unit.target_markup, toolkit[tuid].rich_target)):
            expected = _tmx_codes(markup)
            assert expected[0] == getattr(unit, side) and expected[1]
            assert _tmx_codes(getattr(read[tuid], f"{side}_markup")) == expected
            assert _toolkit_codes(rich[0]) == expected
    # a target's code has the id of the source's code it is (the same native code), wherever it stands (a
    # pair's end has its start's)
    for unit in etree.parse(str(tmp_path / "out.xlf")).iter(f"{{{XLIFF_12}}}trans-unit"):
        ids = [{(code.tag, code.text): code.get("id") for code in side.iter(*CODE_STARTS)} for side in unit[:2]]
        shared = ids[0].keys() & ids[1].keys()
        assert shared and all(ids[0][code] == ids[1][code] for code in shared)


def test_locked_text_and_omegat_s_tags_are_written_as_xliff_means_them():
    """Trados's locked words (a TMX ``hi type="x-locked"``) are XLIFF's text not to be changed, ``<mrk
    mtype="protected">``, read back locked; OmegaT's short tags, which stand for codes whose native code its
    memory does not keep, are XLIFF's codes without native code, numbered as OmegaT numbers them."""
    from tmtool.formats.tmx import read_tmx

    omegat = read_tmx(io.BytesIO(
        '<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="3.6" segtype="sentence" o-tmf="OmegaT"'
        ' adminlang="EN-US" srclang="fr-FR" datatype="plaintext"/><body><tu><tuv lang="fr-FR"><seg>Cliquez &lt;g0&gt;'
        'ici&lt;/g0&gt;&lt;x1/&gt;</seg></tuv><tuv lang="en-GB"><seg>Click &lt;g0&gt;here&lt;/g0&gt;&lt;x1/&gt;'
        '</seg></tuv></tu></body></tmx>'.encode()))
    locked = Unit("Le PX-200 arrive.", "The PX-200 arrives.", "fr-FR", "en-GB", tuid="lock",
                  source_markup='Le <hi type="x-locked">PX-200</hi> arrive.',
                  target_markup='The <hi type="x-locked">PX-200</hi> arrives.')
    out = io.BytesIO()
    write_xliff([*omegat, locked], out, srclang="fr-FR")
    written = out.getvalue().decode()
    assert '<source>Cliquez <g id="0">ici</g><x id="1"/></source>' in written
    assert '<source>Le <mrk mtype="protected">PX-200</mrk> arrive.</source>' in written
    first, second = read_xliff(io.BytesIO(out.getvalue()))
    assert (first.source, first.target) == ("Cliquez ici", "Click here")
    assert (second.source_markup, second.target_markup) == (locked.source_markup, locked.target_markup)


def test_highlighted_text_and_a_code_s_sub_flow_keep_their_kinds_through_xliff():
    """A TMX ``hi`` (a term, LISA level 2) is exported as XLIFF's ``mrk`` and a ``sub`` inside a code keeps its
    ``type`` as ``ctype``; read back, the ``mrk`` was its text alone and the ``sub`` lost its type, so a second
    export differed from the first. Both come back as they were, and a ``mrk`` of a tool's own (a segment's
    bounds, Trados's comment) is still text."""
    from tmtool.formats.tmx import read_tmx

    [unit] = read_tmx(io.BytesIO(
        '<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"'
        ' srclang="fr" datatype="html"/><body><tu><tuv xml:lang="fr"><seg>Voir <bpt i="1">&lt;a href="<sub type="x-href"'
        ' datatype="html">aide.html</sub>"&gt;</bpt>l’<hi type="x-term">OTAN</hi><ept i="1">&lt;/a&gt;</ept> <hi>ici</hi>'
        '</seg></tuv><tuv xml:lang="en"><seg>See <bpt i="1">&lt;a href="<sub type="x-href" datatype="html">help.html</sub>'
        '"&gt;</bpt><hi type="x-term">NATO</hi><ept i="1">&lt;/a&gt;</ept> <hi>here</hi></seg></tuv></tu></body></tmx>'
        .encode()))
    first = io.BytesIO()
    write_xliff([unit], first, srclang="fr")
    assert '<mrk mtype="x-term">OTAN</mrk>' in first.getvalue().decode()
    [read] = read_xliff(io.BytesIO(first.getvalue()))
    def kinds(markup):  # each element, its attributes but the id XLIFF gives a code (TMX's x), its text
        return [(e.tag, {k: v for k, v in e.attrib.items() if k != "x"}, e.text)
                for e in etree.fromstring(f"<seg>{markup}</seg>").iter()]

    for side in ("source_markup", "target_markup"):
        assert kinds(getattr(read, side)) == kinds(getattr(unit, side))
    assert (read.source, read.target) == ("Voir l’OTAN ici", "See NATO here")
    again = io.BytesIO()
    write_xliff([read], again, srclang="fr")
    assert again.getvalue() == first.getvalue()
    [marked] = read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr"'
        b' target-language="en" datatype="plaintext"><body><trans-unit id="1"><source><mrk>Un</mrk> <mrk mtype="seg">'
        b'deux</mrk> <mrk mtype="x-sdl-comment">trois</mrk></source><target>One two three</target></trans-unit>'
        b'</body></file></xliff>'))
    assert (marked.source, marked.source_markup) == ("Un deux trois", None)
    # a mark of a type XLIFF 1.2 defines (Okapi's terms) goes back as that type, not as one of its own (x-term)
    [term] = read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr"'
        b' target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>Le <mrk mtype="term">char</mrk>'
        b'</source><target>The <mrk mtype="term">tank</mrk></target></trans-unit></body></file></xliff>'))
    out = io.BytesIO()
    write_xliff([term], out, srclang="fr")
    assert '<source>Le <mrk mtype="term">char</mrk></source>' in out.getvalue().decode()


def test_a_final_or_signed_off_translation_is_exported_as_such():
    """A translation a reviewer signed off (``state="signed-off"``, ``approved="yes"``) or marked ``final`` was
    exported as merely ``translated`` and not approved, which translate-toolkit reads as fuzzy: the review was
    lost on the way back to the tool. Its state comes back, with ``approved="yes"``; a plain translation and a
    draft are written as before."""
    units = read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr"'
        b' target-language="en" datatype="plaintext"><body><trans-unit id="1" approved="yes"><source>Le comit\xc3\xa9'
        b'</source><target state="signed-off">The committee</target></trans-unit><trans-unit id="2"><source>La s\xc3'
        b'\xa9ance</source><target state="final">The meeting</target></trans-unit><trans-unit id="3"><source>Le vote'
        b'</source><target state="translated">The vote</target></trans-unit><trans-unit id="4"><source>La cl\xc3\xb4ture'
        b'</source><target state="needs-review-translation">The closure</target></trans-unit></body></file></xliff>'))
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr")
    written = xlifffile.parsestring(out.getvalue())
    assert [(u.getid().rsplit("\x04", 1)[-1], u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state"),
             u.isfuzzy()) for u in written.units] == [("1", "yes", "signed-off", False), ("2", "yes", "final", False),
                                        ("3", "yes", "translated", False), ("4", "no", "needs-translation", True)]
    assert [unit.props.get("x-state") for unit in read_xliff(io.BytesIO(out.getvalue()))] == [
        "signed-off", "final", "translated", "needs-review-translation"]


def test_a_unit_s_resname_and_context_groups_are_kept_and_written_back(tmp_path):
    """Angular's ng extract-i18n writes where a message comes from as ``<context-group purpose="location">``
    (``sourcefile``, ``linenumber``), one a place it stands in; Symfony and Okapi name a unit's resource by
    ``resname``. Both were dropped on import, so an exported memory or XLIFF no longer said which key or file a
    translation belongs to. Kept as the unit's props, they are TMX props and, in XLIFF, what they were."""
    from click.testing import CliRunner

    from tmtool.cli import main
    from tmtool.formats.tmx import read_tmx

    path = tmp_path / "messages.fr.xlf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="ng2.template">
    <body>
      <trans-unit id="loginTitle" resname="login.title" datatype="html">
        <source>Sign in</source>
        <target state="translated">Connexion</target>
        <context-group purpose="location">
          <context context-type="sourcefile">src/app/login/login.component.html</context>
          <context context-type="linenumber">7</context>
        </context-group>
        <context-group purpose="location">
          <context context-type="sourcefile">src/app/header/header.component.html</context>
          <context context-type="linenumber">22</context>
        </context-group>
        <note priority="1" from="description">The title of the sign-in page</note>
      </trans-unit>
    </body>
  </file>
</xliff>
""", encoding="utf-8")
    [unit] = read_xliff(path)
    expected = {"x-state": "translated", "x-resname": "login.title", "x-context-group:location": [
        "sourcefile: src/app/login/login.component.html\nlinenumber: 7",
        "sourcefile: src/app/header/header.component.html\nlinenumber: 22"],
        "x-note-from:1": "description", "x-note-priority:1": "1", "x-document": "ng2.template"}
    assert (unit.props, unit.notes) == (expected, ["The title of the sign-in page"])

    db = tmp_path / "t.db"
    run = CliRunner()
    assert run.invoke(main, ["--db", str(db), "import", str(path)]).exit_code == 0
    for fmt in ("tmx", "xliff"):
        out = tmp_path / f"out.{fmt}"
        result = run.invoke(main, ["--db", str(db), "export", fmt, "--srclang", "en", "--tgtlang", "fr", "-o", str(out)])
        assert result.exit_code == 0, result.output
    [from_tmx] = read_tmx(tmp_path / "out.tmx")
    assert (from_tmx.props, from_tmx.notes) == (expected, ["The title of the sign-in page"])
    written = etree.parse(str(tmp_path / "out.xliff")).getroot()
    ns = {"x": XLIFF_12}
    [trans_unit] = written.iterfind(".//x:trans-unit", ns)
    assert trans_unit.get("resname") == "login.title"
    assert [[(c.get("context-type"), c.text) for c in group] for group in trans_unit.iterfind("x:context-group", ns)] == [
        [("sourcefile", "src/app/login/login.component.html"), ("linenumber", "7")],
        [("sourcefile", "src/app/header/header.component.html"), ("linenumber", "22")]]
    [again] = read_xliff(tmp_path / "out.xliff")
    assert (again.props, again.notes) == (expected, ["The title of the sign-in page"])
    # translate-toolkit reads the places as it read them in Angular's file
    [ttk] = xlifffile.parsestring((tmp_path / "out.xliff").read_bytes()).units
    assert ttk.getlocations() == ["src/app/login/login.component.html:7", "src/app/header/header.component.html:22"]


def test_an_xliff_2_unit_s_name_is_its_key_as_a_1_2_resname_is(tmp_path):
    """Symfony's XliffFileDumper writes a message's key as the 2.0 ``<unit name>`` (its id a hash; its loader keys the
    message by ``name``), as Okapi's XLIFF 2 writer writes a resource's name: it was dropped, so the memory no longer
    said which string a translation is (1.2's ``resname`` was kept). It is the unit's resname now, a TMX prop and,
    written to XLIFF 1.2, the ``resname`` it is there."""
    from click.testing import CliRunner

    from tmtool.cli import main
    from tmtool.formats.tmx import read_tmx

    path = tmp_path / "messages+intl-icu.de.xlf"
    path.write_text("""<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de-CH">
  <file id="messages+intl-icu.de-CH">
    <unit id="Kx0Tc3d" name="cart.checkout">
      <segment state="translated">
        <source>Proceed to checkout</source>
        <target>Weiter zur Kasse</target>
      </segment>
    </unit>
    <unit id="pQ7v.Lm">
      <segment state="translated">
        <source>Your basket is empty.</source>
        <target>Ihr Warenkorb ist leer.</target>
      </segment>
    </unit>
  </file>
</xliff>
""", encoding="utf-8")
    units = list(read_xliff(path))
    assert [(u.tuid, u.props.get("x-resname")) for u in units] == [("Kx0Tc3d", "cart.checkout"), ("pQ7v.Lm", None)]
    db = tmp_path / "t.db"
    run = CliRunner()
    assert run.invoke(main, ["--db", str(db), "import", str(path)]).exit_code == 0
    for fmt in ("tmx", "xliff"):
        result = run.invoke(main, ["--db", str(db), "export", fmt, "--srclang", "en", "--tgtlang", "de",
                                   "-o", str(tmp_path / f"out.{fmt}")])
        assert result.exit_code == 0, result.output
    assert [u.props.get("x-resname") for u in read_tmx(tmp_path / "out.tmx")] == ["cart.checkout", None]
    written = etree.parse(str(tmp_path / "out.xliff")).getroot()
    assert [unit.get("resname") for unit in written.iterfind(f".//{{{XLIFF_12}}}trans-unit")] == ["cart.checkout", None]


def test_a_context_of_several_lines_is_written_back_as_one_context(tmp_path):
    """A context's text over two lines (a developer's description, kept as written: ``xml:space="preserve"``) was
    kept as two lines of the props' "type: text" lines: written back, its second line became a context of its own,
    of a type named by the words before its colon ("Keep it short")."""
    path = tmp_path / "messages.xlf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="app"><body>
    <trans-unit id="home.title" resname="home.title">
      <source>Welcome</source><target state="translated">Bienvenue</target>
      <context-group purpose="information">
        <context context-type="x-description" xml:space="preserve">Shown on the home page.
Keep it short: three words at most.</context>
        <context context-type="linenumber">4</context>
      </context-group>
    </trans-unit>
  </body></file>
</xliff>
""", encoding="utf-8")
    [unit] = read_xliff(path)
    out = io.BytesIO()
    write_xliff([unit], out, srclang="en", tgtlang="fr")
    written = etree.fromstring(out.getvalue())
    [group] = written.iterfind(f".//{{{XLIFF_12}}}context-group")
    assert [(c.get("context-type"), c.text) for c in group] == [
        ("x-description", "Shown on the home page.\nKeep it short: three words at most."), ("linenumber", "4")]
    [again] = read_xliff(io.BytesIO(out.getvalue()))
    assert again.props == unit.props


def test_notes_keep_who_wrote_them_and_their_priority_through_the_store(tmp_path):
    """A note's from and priority (1.2) or category and priority (2.0) were dropped: Angular's extract-i18n says by
    them which note is a message's description and which its meaning (part of its id), in 1.2 as
    ``<note priority="1" from="meaning">``, in 2.0 as ``<note category="meaning">``. Kept as the unit's props, they
    are TMX props, and in an XLIFF export the attributes they were (a 2.0 category as 1.2's from, as Angular
    writes the one and the other)."""
    from click.testing import CliRunner

    from tmtool.cli import main
    from tmtool.formats.tmx import read_tmx

    v12, v20 = tmp_path / "messages.fr.xlf", tmp_path / "messages.de.xlf"
    v12.write_text("""<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="fr-FR" datatype="plaintext" original="ng2.template">
    <body>
      <trans-unit id="7d3ab0c9a" datatype="html">
        <source>Crane</source>
        <target state="translated">Grue</target>
        <note priority="1" from="description">A bird</note>
        <note priority="1" from="meaning">animal</note>
      </trans-unit>
    </body>
  </file>
</xliff>
""", encoding="utf-8")
    v20.write_text("""<?xml version="1.0" encoding="UTF-8" ?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="de-DE">
  <file id="ngi18n" original="ng.template">
    <unit id="8c1f2e4">
      <notes>
        <note category="location">src/app/app.component.html:12</note>
        <note category="description" priority="2">A lifting machine</note>
      </notes>
      <segment state="translated">
        <source>Crane</source>
        <target>Kran</target>
      </segment>
    </unit>
  </file>
</xliff>
""", encoding="utf-8")
    [unit12], [unit20] = read_xliff(v12), read_xliff(v20)
    assert ({k: v for k, v in unit12.props.items() if k.startswith("x-note-")}, unit12.notes) == (
        {"x-note-from:1": "description", "x-note-priority:1": "1", "x-note-from:2": "meaning", "x-note-priority:2": "1"},
        ["A bird", "animal"])
    assert ({k: v for k, v in unit20.props.items() if k.startswith("x-note-")}, unit20.notes) == (
        {"x-note-category:1": "location", "x-note-category:2": "description", "x-note-priority:2": "2"},
        ["src/app/app.component.html:12", "A lifting machine"])

    db = tmp_path / "t.db"
    run = CliRunner()
    for path in (v12, v20):
        assert run.invoke(main, ["--db", str(db), "import", str(path)]).exit_code == 0
    for tgtlang in ("fr", "de"):
        for fmt in ("tmx", "xliff"):
            result = run.invoke(main, ["--db", str(db), "export", fmt, "--srclang", "en", "--tgtlang", tgtlang,
                                       "-o", str(tmp_path / f"out.{tgtlang}.{fmt}")])
            assert result.exit_code == 0, result.output
    [from_tmx] = read_tmx(tmp_path / "out.fr.tmx")
    assert (from_tmx.props, from_tmx.notes) == (unit12.props, unit12.notes)
    notes = [[(note.get("from"), note.get("priority"), note.text) for note in etree.parse(str(tmp_path / f"out.{lang}.xliff"))
              .iter(f"{{{XLIFF_12}}}note")] for lang in ("fr", "de")]
    assert notes == [[("description", "1", "A bird"), ("meaning", "1", "animal")],
                     [("location", None, "src/app/app.component.html:12"), ("description", "2", "A lifting machine")]]
    [ttk] = xlifffile.parsestring((tmp_path / "out.fr.xliff").read_bytes()).units  # as translate-toolkit reads it
    assert (ttk.getnotes("description"), ttk.getnotes("meaning")) == ("A bird", "animal")


def test_what_a_note_annotates_or_applies_to_is_kept_and_written_back(tmp_path):
    """XLIFF 1.2 says which part of a unit a note is about (``annotates="source|target|general"``), 2.0 which
    part of it (``appliesTo="source|target"``): a reviewer's remark on the target is not the author's on the
    source. Both were dropped on reading, so an export gave every note for the unit as a whole. They are kept as
    props of the note's number, as its ``from`` and ``priority`` are (``x-note-annotates:1``,
    ``x-note-appliesTo:1``), written back as 1.2's ``annotates`` by ``export xliff`` (2.0's appliesTo names
    the same parts) and as props by ``export tmx``, which read again give the same."""
    from click.testing import CliRunner

    from tmtool.cli import main
    from tmtool.formats.tmx import read_tmx

    v12, v20 = tmp_path / "review.xlf", tmp_path / "review20.xlf"
    v12.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="fr-FR" target-language="en-GB" datatype="plaintext" original="communique.txt">
    <body>
      <trans-unit id="1">
        <source>Le convoi part à l'aube.</source>
        <target state="translated">The convoy leaves at dawn.</target>
        <note from="author" annotates="source">Aube : le lever du jour, pas le département.</note>
        <note from="reviewer" priority="2" annotates="target">Check against the style guide.</note>
        <note annotates="general">Communiqué du 12 mars.</note>
      </trans-unit>
    </body>
  </file>
</xliff>
""", encoding="utf-8")
    v20.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr-FR" trgLang="de-DE">
  <file id="f1" original="communique.txt">
    <unit id="1">
      <notes>
        <note category="terminology" appliesTo="source">Frégate : navire de guerre.</note>
        <note appliesTo="target">Fregatte, nicht Fregate.</note>
      </notes>
      <segment state="translated">
        <source>La frégate rentre.</source>
        <target>Die Fregatte kehrt zurück.</target>
      </segment>
    </unit>
  </file>
</xliff>
""", encoding="utf-8")
    [unit12], [unit20] = read_xliff(v12), read_xliff(v20)
    assert {k: v for k, v in unit12.props.items() if k.startswith("x-note-")} == {
        "x-note-from:1": "author", "x-note-annotates:1": "source", "x-note-from:2": "reviewer",
        "x-note-priority:2": "2", "x-note-annotates:2": "target", "x-note-annotates:3": "general"}
    assert {k: v for k, v in unit20.props.items() if k.startswith("x-note-")} == {
        "x-note-category:1": "terminology", "x-note-appliesTo:1": "source", "x-note-appliesTo:2": "target"}
    db = tmp_path / "t.db"
    run = CliRunner()
    for path in (v12, v20):
        assert run.invoke(main, ["--db", str(db), "import", str(path)]).exit_code == 0
    for tgtlang in ("en", "de"):
        for fmt in ("tmx", "xliff"):
            result = run.invoke(main, ["--db", str(db), "export", fmt, "--srclang", "fr", "--tgtlang", tgtlang,
                                       "-o", str(tmp_path / f"out.{tgtlang}.{fmt}")])
            assert result.exit_code == 0, result.output
    for lang, read in (("en", unit12), ("de", unit20)):
        [from_tmx] = read_tmx(tmp_path / f"out.{lang}.tmx")
        assert (from_tmx.props, from_tmx.notes) == (read.props, read.notes)
    notes = [[(note.get("from"), note.get("annotates"), note.text) for note in
              etree.parse(str(tmp_path / f"out.{lang}.xliff")).iter(f"{{{XLIFF_12}}}note")] for lang in ("en", "de")]
    assert notes == [[("author", "source", "Aube : le lever du jour, pas le département."),
                      ("reviewer", "target", "Check against the style guide."), (None, "general", "Communiqué du 12 mars.")],
                     [("terminology", "source", "Frégate : navire de guerre."), (None, "target", "Fregatte, nicht Fregate.")]]
    [again] = read_xliff(tmp_path / "out.en.xliff")
    assert {k: v for k, v in again.props.items() if k.startswith("x-note-")} == {
        k: v for k, v in unit12.props.items() if k.startswith("x-note-")}


# two memories exported from Trados, each numbering its units from 1 (tuid), and memoQ's, whose units have none
def _numbered_tmx(pairs) -> str:
    units = "".join(f'<tu tuid="{n}" creationdate="20240312T101500Z"><tuv xml:lang="fr-FR"><seg>{fr}</seg></tuv>'
                    f'<tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>\n' for n, (fr, en) in enumerate(pairs, 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="SDL Language Platform"'
            ' creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB"'
            f' srclang="fr-FR"/>\n<body>\n{units}</body></tmx>\n')


def test_an_export_of_memories_numbered_alike_goes_through_xliff_and_back(tmp_path):
    """``export xliff`` of a store holding two memories each numbered from 1 (or a unit of tuid 1 after a unit
    without one, written as the first) stopped on ``unit '1': duplicate id``: nothing was written. Every unit is
    written, its id unique and the same at every export; imported into another store, the units are those
    stored, each with its own tuid."""
    from conftest import run
    from tmtool.store import open_store

    first, second = tmp_path / "first.tmx", tmp_path / "second.tmx"
    first.write_text(_numbered_tmx([("Le convoi part.", "The convoy leaves."),
                                    ("La frégate rentre.", "The frigate returns.")]), encoding="utf-8")
    second.write_text(_numbered_tmx([("Le char avance.", "The tank advances."),
                                     ("Le navire appareille.", "The ship sails.")]), encoding="utf-8")
    untold = tmp_path / "untold.tmx"  # a unit without a tuid, the store's first: written as id 1
    untold.write_text(_numbered_tmx([("La séance est levée.", "The meeting is closed.")]).replace(' tuid="1"', ""),
                      encoding="utf-8")
    db, out, again = tmp_path / "t.db", tmp_path / "out.xlf", tmp_path / "again.xlf"
    for path in (untold, first, second):
        run(db, "import", path)
    run(db, "export", "xliff", "-o", out)
    run(db, "export", "xliff", "-o", again)
    ids = [unit.get("id") for unit in etree.parse(str(out)).iter(f"{{{XLIFF_12}}}trans-unit")]
    assert len(ids) == len(set(ids)) == 5 and out.read_bytes() == again.read_bytes()
    copy = tmp_path / "copy.db"
    assert "5 units added" in run(copy, "import", out).stdout
    with open_store(str(db)) as store, open_store(str(copy)) as copied:
        held = sorted((u.source, u.target, u.tuid) for u in store.units())
        assert [tuid for _, _, tuid in held].count("1") == 2
        assert sorted((u.source, u.target, u.tuid) for u in copied.units()) == [
            (source, target, tuid or "1") for source, target, tuid in held]  # the untold unit's id is its tuid


def test_a_mrk_marking_a_position_not_text_is_no_markup():
    """memoQ marks where its QA found a problem with empty ``mrk mtype="x-ewloc"`` (its errors refer to them), Trados
    where a segment was with ``x-sdl-location``: positions, no text of a kind. Since a ``mrk`` of a type became a TMX
    ``hi``, each was an empty ``hi`` in the memory, a target with QA markers no longer plain text. A mark of no
    text is nothing; one around text is still that text's ``hi``."""
    located, marked = read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="nl"'
        b' target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>4 Tervrajz</source>'
        b'<target xml:space="preserve">4 T<mrk mtype="x-ewloc" mid="1" />ervra<mrk mtype="x-ewloc" mid="2"></mrk>jz'
        b'</target></trans-unit><trans-unit id="2"><source>Le <mrk mtype="x-its">char</mrk></source>'
        b'<target>The tank</target></trans-unit></body></file></xliff>'))
    assert (located.target, located.target_markup) == ("4 Tervrajz", None)
    assert marked.source_markup == 'Le <hi type="x-its">char</hi>'


def test_a_pair_of_codes_opening_in_a_marked_text_and_closing_after_it_stays_a_pair():
    """A code pair may open inside a ``mrk`` (a term) and close after it; since such a ``mrk`` became a TMX ``hi``,
    the pair's halves were no longer side by side and each was taken for a code without its other half (its end an
    isolated ``it``, its start a ``bpt`` with no ``ept``, which TMX does not allow). They stay a pair, as TMX lets
    a pair overlap a ``hi``; a half without its other is still isolated."""
    [unit] = read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr"'
        b' target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>Le <mrk mtype="term"><bx id="1"/>'
        b'char</mrk> lourd<ex id="1"/> <bx id="2"/>avance</source><target>The <mrk mtype="term"><bx id="1"/>heavy'
        b'</mrk> tank<ex id="1"/> <bx id="2"/>advances</target></trans-unit></body></file></xliff>'))
    assert unit.source_markup == ('Le <hi type="term"><bpt i="1" x="1"/>char</hi> lourd<ept i="1"/> '
                                  '<it x="2" pos="begin"/>avance')


_OKAPI_APPROVED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" '
    'xmlns:okp="okapi-framework:xliff-extensions"><file original="orders.html" source-language="fr-FR" '
    'target-language="en-GB" datatype="html" tool-id="okapi"><body>\n'
    '<trans-unit id="1" resname="title" approved="yes"><source xml:lang="fr-FR">Le convoi part.</source>'
    '<target xml:lang="en-GB">The convoy leaves.</target></trans-unit>\n'
    '<trans-unit id="2"><source xml:lang="fr-FR">La séance est levée.</source>'
    '<target xml:lang="en-GB" state="translated" state-qualifier="leveraged-tm">The meeting is closed.</target>'
    '</trans-unit>\n</body></file></xliff>\n')


def test_a_translation_okapi_approved_without_a_state_goes_back_approved(tmp_path):
    """Okapi writes an approved translation as ``approved="yes"`` on its trans-unit and no state, translate-toolkit
    so a message not fuzzy: the approval was dropped on reading, and the export wrote ``state="translated"`` without
    it, which translate-toolkit reads as fuzzy and Okapi as not approved. It is kept (``x-approved``) and written
    back with the 1.2 state an approved translation has (``final``); a ``state-qualifier`` is kept and written back
    too (``x-state-qualifier``)."""
    units = list(read_xliff(io.BytesIO(_OKAPI_APPROVED.encode())))
    assert [(u.props.get("x-approved"), u.props.get("x-state"), u.props.get("x-state-qualifier")) for u in units] == [
        ("yes", None, None), (None, "translated", "leveraged-tm")]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    written = xlifffile.parsestring(out.getvalue())
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state"),
             u.getlanguageNode(index=1).get("state-qualifier"), u.isfuzzy()) for u in written.units] == [
        ("yes", "final", None, False), ("yes", "translated", "leveraged-tm", False)]
    again = list(read_xliff(io.BytesIO(out.getvalue())))
    assert [(u.props.get("x-approved"), u.props.get("x-state")) for u in again] == [(None, "final"),
                                                                                   (None, "translated")]


_SDLXLIFF = (
    '<?xml version="1.0" encoding="utf-8"?><xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0"><file original="a.docx" '
    'datatype="x-sdlfilterframework2" source-language="fr-FR" target-language="en-GB"><body>' + "".join(
        f'<trans-unit id="u{n}"><source>Phrase {n}.</source><seg-source><mrk mtype="seg" mid="{n}">Phrase {n}.</mrk>'
        f'</seg-source><target><mrk mtype="seg" mid="{n}">Sentence {n}.</mrk></target><sdl:seg-defs>'
        f'<sdl:seg id="{n}" conf="{conf}"{seg}/></sdl:seg-defs></trans-unit>'
        for n, (conf, seg) in enumerate([
            ("ApprovedSignOff", ' origin="tm" percent="100" locked="true"'), ("ApprovedTranslation", ' origin="nmt"'),
            ("Translated", ' origin="tm" percent="85"'), ("RejectedSignOff", ' origin="interactive"'),
            ("Draft", ' origin="mt"')], 1)) + "</body></file></xliff>")


def test_trados_confirmation_levels_go_back_as_xliff_1_2_states_and_come_back_as_they_were():
    """Trados's approved and signed-off segments (``ApprovedTranslation``, ``ApprovedSignOff``) were exported as
    merely ``translated``, not approved: translate-toolkit read them as fuzzy, the review lost. Each level is written as
    the 1.2 state it is (a reviewer's approval ``signed-off``, a sign-off ``final``, both ``approved="yes"``; a rejected
    or draft one ``needs-translation``, ``approved="no"``), the origin as a ``state-qualifier``; the level itself goes along
    (``tmtool:state``), so the file read back gives it, and the origin, match percent and lock are kept as props."""
    units = list(read_xliff(io.BytesIO(_SDLXLIFF.encode())))
    assert units[0].props == {"x-state": "ApprovedSignOff", "x-document": "a.docx", "x-sdl-origin": "tm",
                              "x-sdl-percent": "100", "x-sdl-locked": "true"}
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    written = xlifffile.parsestring(out.getvalue())
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state"),
             u.getlanguageNode(index=1).get("state-qualifier"), u.isfuzzy()) for u in written.units] == [
        ("yes", "final", "exact-match", False), ("yes", "signed-off", "leveraged-mt", False),
        ("yes", "translated", "fuzzy-match", False), ("no", "needs-translation", None, True),
        ("no", "needs-translation", "leveraged-mt", True)]
    assert [u.props["x-state"] for u in read_xliff(io.BytesIO(out.getvalue()))] == [
        "ApprovedSignOff", "ApprovedTranslation", "Translated", "RejectedSignOff", "Draft"]
    # a tool that changes the state (a reviewer confirming the rejected translation) is read, not the level it left
    reviewer = xlifffile.parsestring(out.getvalue())
    reviewer.units[3].markfuzzy(False)  # Virtaal's, Weblate's approval
    assert [u.props["x-state"] for u in read_xliff(io.BytesIO(bytes(reviewer)))][3] == "translated"


def test_an_approval_weblate_takes_back_is_read_whatever_tool_state_the_export_wrote():
    """Weblate marks a string back to "translated" (not approved) by translate-toolkit's ``markfuzzy(False)`` then
    ``markapproved(False)`` (its ``set_state``): the trans-unit gets ``approved="no"``, a ``final`` or ``signed-off``
    state is left as it was, and translate-toolkit reads it as translated, not approved. The ``tmtool:state`` an
    export wrote beside that state (Trados's ApprovedSignOff) was read back as the state, the approval taken back
    lost, and the next export wrote ``final``, ``approved="yes"`` again. A unit whose ``approved`` says otherwise than
    the state tmtool wrote has been changed since: its file's state and approval are read."""
    units = list(read_xliff(io.BytesIO(_SDLXLIFF.encode())))[:2]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    weblate = xlifffile.parsestring(out.getvalue())
    for unit in weblate.units:
        unit.markfuzzy(False)
        unit.markapproved(False)
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state"), u.isapproved(), u.isfuzzy())
            for u in weblate.units] == [("no", "final", False, True), ("no", "signed-off", False, True)]
    again = list(read_xliff(io.BytesIO(bytes(weblate))))
    assert [(u.props["x-state"], u.props["x-approved"]) for u in again] == [("translated", "no"), ("translated", "no")]
    back = io.BytesIO()
    write_xliff(again, back, srclang="fr-FR")
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state"))
            for u in xlifffile.parsestring(back.getvalue()).units] == [("no", "translated"), ("no", "translated")]


def test_a_translation_weblate_edited_is_no_longer_the_tool_s_match():
    """Weblate saves a translation a translator edits (its ``set_state`` for "translated": translate-toolkit's
    ``markapproved(False)``, which turns the ``approved="yes"`` an export wrote into ``"no"``, and
    ``state="translated"``): the state is the one written for memoQ's ``ManuallyConfirmed`` or Trados's
    ``Translated``, so the tool's state, match rate and lock an export wrote beside it were read back as the new
    text's (a 101 % context match, a 100 % memory match, locked), and written to the next export. An ``approved`` that
    says otherwise than the one written for the tool's state says the unit was changed since, as it does for a
    ``final`` one: its file's state and approval are read, not the tool's."""
    sdl = _SDLXLIFF.replace('conf="Translated" origin="tm" percent="85"', 'conf="Translated" origin="tm" percent="100"')
    units = [list(read_xliff(io.BytesIO(_MQXLIFF.encode())))[0], list(read_xliff(io.BytesIO(sdl.encode())))[2]]
    assert [u.props["x-state"] for u in units] == ["ManuallyConfirmed", "Translated"]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))] == [u.props for u in units]
    weblate = xlifffile.parsestring(out.getvalue())
    for unit, text in zip(weblate.units, ["Shut the valve.", "Sentence three."]):
        unit.target = text  # Weblate's XliffUnit.set_target, then set_state(STATE_TRANSLATED)
        unit.markapproved(False)
        unit.getlanguageNode(index=1).set("state", "translated")
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state")) for u in weblate.units] == [
        ("no", "translated"), ("no", "translated")]
    again = list(read_xliff(io.BytesIO(bytes(weblate))))
    assert [(u.target, u.props) for u in again] == [
        ("Shut the valve.", {"x-state": "translated", "x-document": "Guide.docx", "x-approved": "no"}),
        ("Sentence three.", {"x-state": "translated", "x-document": "a.docx", "x-approved": "no",
                             "x-state-qualifier": "exact-match"})]


def test_memoq_and_xliff_2_states_go_back_as_xliff_1_2_states():
    """memoQ's reviewers' confirmations and XLIFF 2's ``reviewed`` and ``final`` were exported as ``translated``, not
    approved; a 2.x ``subState`` was dropped. They are written as 1.2's ``signed-off`` and ``final`` (approved), a
    translator's confirmation as ``translated``; the subState is kept as a prop."""
    memoq = list(read_xliff(io.BytesIO((
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2"><file original="a.docx"'
        ' source-language="fr-FR" target-language="en-GB" datatype="x-docx"><body>' + "".join(
            f'<trans-unit id="{n}" mq:status="{status}"><source xml:space="preserve">Phrase {n}.</source>'
            f'<target xml:space="preserve">Sentence {n}.</target></trans-unit>'
            for n, status in enumerate(["ManuallyConfirmed", "Reviewer1Confirmed", "Reviewer2Confirmed"], 1))
        + "</body></file></xliff>").encode())))
    two = list(read_xliff(io.BytesIO(
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en-GB">'
        b'<file id="f"><unit id="1"><segment state="reviewed" subState="acme:checked"><source>Phrase 4.</source>'
        b'<target>Sentence 4.</target></segment></unit><unit id="2"><segment state="final"><source>Phrase 5.</source>'
        b'<target>Sentence 5.</target></segment></unit></file></xliff>')))
    assert two[0].props == {"x-state": "reviewed", "x-substate": "acme:checked"}
    out = io.BytesIO()
    write_xliff(memoq + two, out, srclang="fr-FR")
    written = xlifffile.parsestring(out.getvalue())
    assert [(u.xmlelement.get("approved"), u.getlanguageNode(index=1).get("state")) for u in written.units] == [
        ("yes", "translated"), ("yes", "signed-off"), ("yes", "final"), ("yes", "signed-off"), ("yes", "final")]
    assert [u.props["x-state"] for u in read_xliff(io.BytesIO(out.getvalue()))] == [
        "ManuallyConfirmed", "Reviewer1Confirmed", "Reviewer2Confirmed", "reviewed", "final"]


def test_translate_toolkit_reads_a_confirmed_translation_as_such_and_its_fuzzy_mark_comes_back(tmp_path):
    """translate-toolkit takes a target without ``approved="yes"`` for fuzzy (``isfuzzy``: not approved and a target),
    so every confirmed translation an export wrote ``state="translated"`` came out fuzzy there (xliff2po wrote it
    ``#, fuzzy``, Virtaal and Pootle showed it so). And marking one fuzzy there (Virtaal, Pootle, Weblate's "needs
    editing": ``markfuzzy``, which sets ``approved="no"`` only on a unit approved before) left ``state=
    "needs-translation"`` and no ``approved``, which reads as OmegaT's filled target, a translation: the fuzzy mark
    was lost on the way back. A confirmed translation is written ``approved="yes"``, a draft ``approved="no"``: each
    reads in translate-toolkit as it is in tmtool, and whatever translate-toolkit marks fuzzy comes back a draft."""
    memoq = list(read_xliff(io.BytesIO((
        '<?xml version="1.0" encoding="utf-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff"'
        ' version="1.2"><file original="a.docx" source-language="fr-FR" target-language="en-GB" datatype="x-docx">'
        '<body>' + "".join(
            f'<trans-unit id="{n}" mq:status="{status}"><source xml:space="preserve">Phrase {n}.</source>'
            f'<target xml:space="preserve">Sentence {n}.</target></trans-unit>'
            for n, status in enumerate(["ManuallyConfirmed", "Confirmed", "PreTranslated", "Reviewer1Confirmed"], 1))
        + "</body></file></xliff>").encode())))
    plain = list(read_xliff(io.BytesIO(
        b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr-FR"'
        b' target-language="en-GB" datatype="plaintext"><body><trans-unit id="5"><source>Phrase 5.</source>'
        b'<target state="translated">Sentence 5.</target></trans-unit></body></file></xliff>')))
    units = memoq + plain + [Unit("Phrase 6.", "Sentence 6.", "fr-FR", "en-GB", tuid="6")]  # aligned, no state
    from tmtool.formats.xliff import is_unconfirmed

    assert [is_unconfirmed(u) for u in units] == [False, False, True, False, False, False]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    # read back as they were: the approved written for their state adds no prop
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))][:5] == [u.props for u in units[:5]]
    toolkit = xlifffile.parsestring(out.getvalue())
    assert [(u.isfuzzy(), u.istranslated()) for u in toolkit.units] == [
        (False, True), (False, True), (True, False), (False, True), (False, True), (False, True)]
    # a reviewer in Virtaal or Weblate sends two back for editing and passes the draft
    for unit in toolkit.units[:2]:
        unit.markfuzzy(True)
    toolkit.units[2].markfuzzy(False)
    again = list(read_xliff(io.BytesIO(bytes(toolkit))))
    assert [is_unconfirmed(u) for u in again] == [True, True, False, False, False, False]


_MQXLIFF = (
    '<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" '
    'version="1.2"><file original="Guide.docx" source-language="fr-fr" target-language="en-gb" datatype="x-docx"><body>\n'
    '<trans-unit id="1" mq:status="ManuallyConfirmed" mq:percent="101" mq:locked="locked"><source xml:space="preserve">'
    'Fermez la vanne.</source><target xml:space="preserve">Close the valve.</target></trans-unit>\n'
    '<trans-unit id="2" mq:status="Reviewer1Confirmed" mq:percent="87"><source xml:space="preserve">Ouvrez le robinet.'
    '</source><target xml:space="preserve">Open the tap.</target></trans-unit>\n'
    '<trans-unit id="3" mq:status="Pretranslated" mq:percent="100"><source xml:space="preserve">Attendez.</source>'
    '<target xml:space="preserve">Wait.</target></trans-unit>\n</body></file></xliff>\n')


def test_memoq_s_match_rate_lock_and_status_are_kept_and_written_back():
    """memoQ writes a row's match rate (``mq:percent``: 101 a context match, 100 exact …) and its lock
    (``mq:locked="locked"``) on the trans-unit: both were dropped on reading, and the export gave memoQ's status only as
    tmtool's own ``tmtool:state``. They are kept as props and written back as memoQ wrote them, ``mq:status`` with them,
    and read back as long as the 1.2 state is still the one written for that status."""
    units = list(read_xliff(io.BytesIO(_MQXLIFF.encode())))
    assert [u.props for u in units] == [
        {"x-state": "ManuallyConfirmed", "x-document": "Guide.docx", "x-memoq-percent": "101", "x-memoq-locked": "locked"},
        {"x-state": "Reviewer1Confirmed", "x-document": "Guide.docx", "x-memoq-percent": "87"},
        {"x-state": "Pretranslated", "x-document": "Guide.docx", "x-memoq-percent": "100"}]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    written = etree.fromstring(out.getvalue())
    mq = "{MQXliff}"
    assert [(t.get(f"{mq}status"), t.get(f"{mq}percent"), t.get(f"{mq}locked"), t.find(f"{{{XLIFF_12}}}target").get("state"))
            for t in written.iter(f"{{{XLIFF_12}}}trans-unit")] == [
        ("ManuallyConfirmed", "101", "locked", "translated"), ("Reviewer1Confirmed", "87", None, "signed-off"),
        ("Pretranslated", "100", None, "needs-translation")]
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))] == [u.props for u in units]
    # a reviewer in Virtaal sends the first back for review: memoQ's status, rate and lock are no longer its state
    toolkit = xlifffile.parsestring(out.getvalue())
    toolkit.units[0].markreviewneeded(True)
    assert list(read_xliff(io.BytesIO(bytes(toolkit))))[0].props == {"x-state": "needs-review-translation",
                                                                    "x-document": "Guide.docx"}


def test_trados_s_own_segment_values_go_back_in_its_own_attributes(tmp_path):
    """A Trados segment's confirmation level, origin, match percent, kind of match and lock (``sdl:seg``'s ``conf``,
    ``origin``, ``origin-system``, ``percent``, ``text-match``, ``locked``) were exported as a generic 1.2
    ``state-qualifier`` (``fuzzy-match`` for an 85 % match), the percent, the lock and the memory's name lost, and read
    back as that qualifier. They are written back as Trados writes them (``sdl:seg-defs``), beside the 1.2 state and
    qualifier other tools read, and read back as they came while the 1.2 state is still the one written for them."""
    path = tmp_path / "a.docx.sdlxliff"
    path.write_text(_SDLXLIFF.replace('origin="tm" percent="85"',
                                      'origin="tm" origin-system="Client TM" percent="85" text-match="SourceOnly"'),
                    encoding="utf-8")
    units = list(read_xliff(path))
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    sdl = "http://sdl.com/FileTypes/SdlXliff/1.0"
    written = etree.fromstring(out.getvalue())
    assert [dict(seg.attrib) for seg in written.iter(f"{{{sdl}}}seg")] == [
        {"id": "1", "conf": "ApprovedSignOff", "origin": "tm", "percent": "100", "locked": "true"},
        {"id": "1", "conf": "ApprovedTranslation", "origin": "nmt"},
        {"id": "1", "conf": "Translated", "origin": "tm", "origin-system": "Client TM", "percent": "85",
         "text-match": "SourceOnly"},
        {"id": "1", "conf": "RejectedSignOff", "origin": "interactive"}, {"id": "1", "conf": "Draft", "origin": "mt"}]
    assert [t.find(f"{{{XLIFF_12}}}target").get("state-qualifier") for t in written.iter(f"{{{XLIFF_12}}}trans-unit")] \
        == ["exact-match", "leveraged-mt", "fuzzy-match", None, "leveraged-mt"]
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))] == [u.props for u in units]
    # approved in Virtaal: the draft's level, origin and lock are no longer its state
    toolkit = xlifffile.parsestring(out.getvalue())
    toolkit.units[4].markfuzzy(False)
    assert list(read_xliff(io.BytesIO(bytes(toolkit))))[4].props == {"x-state": "translated", "x-document": "a.docx",
                                                                     "x-state-qualifier": "leveraged-mt"}


def test_phrase_s_confirmation_level_lock_and_score_are_kept_and_written_back():
    """Phrase writes on each segment its confirmation level (``m:confirmed``: 0, 1 a translator's, 2 a reviewer's
    step), its lock (``m:locked``), its match score and where its translation came from (``m:score``,
    ``m:gross-score``, ``m:trans-origin``): all but whether it was confirmed were dropped (a level 2 was merely
    "confirmed"), and the export wrote that as tmtool's own ``tmtool:state``. They are kept as props (those saying
    nothing, ``m:locked="false"``, a score of 0.0, no origin, left out) and written back as Phrase writes them."""
    units = list(read_xliff(io.BytesIO(
        b"<?xml version='1.0' encoding='UTF-8'?><xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
        b'xmlns:m="http://www.memsource.com/mxlf/2.0" version="1.2" m:version="2.17"><file original="d.docx" '
        b'source-language="fr" target-language="en" m:task-id="T"><body><group id="0" m:para-id="0">'
        b'<trans-unit id="T:0" m:confirmed="0" m:locked="false" m:score="0.0" m:gross-score="0.0" m:trans-origin="mt" '
        b'm:para-id="0" m:level-edited="false"><source>Le comit\xc3\xa9 si\xc3\xa8ge.</source>'
        b'<target>The committee seats.</target></trans-unit>'
        b'<trans-unit id="T:1" m:confirmed="1" m:locked="true" m:score="1.01" m:gross-score="1.01" m:trans-origin="tm"'
        b' m:para-id="1" m:level-edited="true"><source>Fin.</source><target>End.</target></trans-unit>'
        b'<trans-unit id="T:2" m:confirmed="2" m:locked="false" m:score="0.87" m:gross-score="0.87" '
        b'm:trans-origin="null" m:para-id="2" m:level-edited="true"><source>Revu.</source><target>Reviewed.</target>'
        b'</trans-unit></group></body></file></xliff>')))
    assert [u.props for u in units] == [
        {"x-state": "unconfirmed", "x-document": "d.docx", "x-phrase-confirmed": "0", "x-phrase-trans-origin": "mt"},
        {"x-state": "confirmed", "x-document": "d.docx", "x-phrase-confirmed": "1", "x-phrase-locked": "true",
         "x-phrase-score": "1.01", "x-phrase-gross-score": "1.01", "x-phrase-trans-origin": "tm"},
        {"x-state": "confirmed", "x-document": "d.docx", "x-phrase-confirmed": "2", "x-phrase-score": "0.87",
         "x-phrase-gross-score": "0.87"}]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    m = "{http://www.memsource.com/mxlf/2.0}"
    written = list(etree.fromstring(out.getvalue()).iter(f"{{{XLIFF_12}}}trans-unit"))
    assert [(t.get(f"{m}confirmed"), t.get(f"{m}locked"), t.get(f"{m}score"), t.get(f"{m}trans-origin"),
             t.find(f"{{{XLIFF_12}}}target").get("state")) for t in written] == [
        ("0", None, None, "mt", "needs-translation"), ("1", "true", "1.01", "tm", "translated"),
        ("2", None, "0.87", None, "translated")]
    assert not any("{urn:x-tmtool:xliff}state" in t.attrib for t in written)
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))] == [u.props for u in units]


def test_a_trados_memory_s_confirmation_level_goes_to_xliff_as_trados_s_own():
    """A unit of a Trados memory's TMX keeps its level as ``x-ConfirmationLevel``: an XLIFF export wrote the 1.2 state
    it means (``final`` for ApprovedSignOff) and nothing of the level, which the file read back no longer had. It goes
    in the ``sdl:seg`` as a segment's level from Trados's XLIFF does, and comes back with the unit."""
    from tmtool.formats.tmx import read_tmx

    [unit] = read_tmx(io.BytesIO(
        b'<?xml version="1.0" encoding="utf-8"?><tmx version="1.4"><header creationtool="SDL Language Platform" '
        b'creationtoolversion="8.1" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-GB" '
        b'srclang="fr-FR"/><body><tu creationid="PROJ\\\\ines"><prop type="x-Origin">TM</prop><prop '
        b'type="x-ConfirmationLevel">ApprovedSignOff</prop><tuv xml:lang="fr-FR"><seg>Le convoi part.</seg></tuv>'
        b'<tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu></body></tmx>'))
    out = io.BytesIO()
    write_xliff([unit], out, srclang="fr-FR")
    sdl = "http://sdl.com/FileTypes/SdlXliff/1.0"
    assert [seg.get("conf") for seg in etree.fromstring(out.getvalue()).iter(f"{{{sdl}}}seg")] == ["ApprovedSignOff"]
    [back] = read_xliff(io.BytesIO(out.getvalue()))
    assert back.props["x-state"] == "ApprovedSignOff"


# Weblate's reading and writing of an XLIFF 1.2 unit's state, as weblate/formats/ttkit.py has them (XliffUnit over
# translate-toolkit's xliffunit): "needs editing" is a target in one of XLIFF_FUZZY_STATES (a needs-review-* target is
# translated), approved is approved="yes"; set_state marks approved (translate-toolkit's markapproved: "no" only on a
# unit approved before) and writes needs-translation, translated or final
_WEBLATE_FUZZY_STATES = {"new", "needs-translation", "needs-adaptation", "needs-l10n"}


def _weblate_state(unit) -> str:
    target = unit.getlanguageNode(index=1)
    if target is None or not unit.target:
        return "empty"
    if target.get("state") in _WEBLATE_FUZZY_STATES:
        return "needs editing"
    return "approved" if unit.isapproved() else "translated"


def _weblate_sets(unit, state: str) -> None:
    unit.markapproved(state == "approved")
    unit.getlanguageNode(index=1).set(
        "state", {"needs editing": "needs-translation", "translated": "translated", "approved": "final"}[state])


def test_drafts_are_written_as_weblate_and_translate_toolkit_both_read_work_still_to_do():
    """A draft (a translation not confirmed, exported with --include-unconfirmed) was written
    ``state="needs-review-translation"``, ``approved="no"``: translate-toolkit read it as fuzzy, but Weblate, which reads
    a target's state, not translate-toolkit's fuzzy, showed it translated (only new, needs-translation,
    needs-adaptation and needs-l10n need editing there). A draft is written as translate-toolkit and Weblate write their
    own fuzzy mark, ``needs-translation``, ``approved="no"`` (its own needs-l10n or needs-adaptation kept), its own state
    beside it as the tool's, so that it comes back as it was; a confirmed translation stays translated, an approved
    one approved, in both."""
    units = [Unit("Un.", "One.", "fr-FR", "en-GB", tuid="1", props={"x-state": "translated"}),
             Unit("Deux.", "Two.", "fr-FR", "en-GB", tuid="2", props={"x-state": "ApprovedSignOff"}),
             Unit("Trois.", "Three.", "fr-FR", "en-GB", tuid="3", props={"x-state": "needs-review-translation"}),
             Unit("Quatre.", "Four.", "fr-FR", "en-GB", tuid="4", props={"x-state": "needs-review-l10n"}),
             Unit("Cinq.", "Five.", "fr-FR", "en-GB", tuid="5", props={"x-state": "Draft"}),
             Unit("Six.", "Six.", "fr-FR", "en-GB", tuid="6", props={"x-state": "PreTranslated"}),
             Unit("Sept.", "Seven.", "fr-FR", "en-GB", tuid="7",
                  props={"x-state": "needs-review-translation", "x-state-qualifier": "rejected-grammar"}),
             Unit("Huit.", "Eight.", "fr-FR", "en-GB", tuid="8", props={"x-state": "needs-l10n"})]
    out = io.BytesIO()
    write_xliff(units, out, srclang="fr-FR")
    toolkit = xlifffile.parsestring(out.getvalue())
    assert [(u.isfuzzy(), u.istranslated()) for u in toolkit.units] == [(False, True)] * 2 + [(True, False)] * 6
    assert [_weblate_state(u) for u in toolkit.units] == ["approved"] * 2 + ["needs editing"] * 6
    assert [u.props for u in read_xliff(io.BytesIO(out.getvalue()))] == [u.props for u in units]
    # in Weblate, a reviewer passes the first draft and sends the plain translation back for editing
    _weblate_sets(toolkit.units[2], "translated")
    _weblate_sets(toolkit.units[0], "needs editing")
    from tmtool.formats.xliff import is_unconfirmed

    assert [is_unconfirmed(u) for u in read_xliff(io.BytesIO(bytes(toolkit)))] == [True, False, False] + [True] * 5


_WRITTEN_BY = {
    # Weblate's "needs editing" on a string never approved (translate-toolkit's file: no tool named)
    "weblate": ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1"><file original="" '
                'source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body>', ""),
    # Okapi's extraction (its okp: namespace; approved="yes" and no state its approved translation)
    "okapi": ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:okp="okapi-framework:'
              'xliff-extensions"><file original="guide.html" source-language="fr-FR" target-language="en-GB" '
              'datatype="html" okp:inputEncoding="UTF-8"><body>', ' approved="yes"'),
    # Xcode's localization export: its header names the tool
    "xcode": ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="App/fr.lproj/'
              'Localizable.strings" source-language="fr-FR" target-language="en-GB" datatype="plaintext"><header>'
              '<tool tool-id="com.apple.dt.xcode" tool-name="Xcode" tool-version="15.0" build-num="15A240d"/></header>'
              '<body>', ""),
}


@pytest.mark.parametrize("tool", sorted(_WRITTEN_BY))
def test_a_target_still_marked_needing_translation_is_no_translation_in_another_tool_s_file(tool):
    """A filled target marked ``needs-translation`` (or ``new``) without ``approved`` was read as a confirmed
    translation, as OmegaT leaves that state on the copies of the source ``tmtool segment`` wrote, which it fills: but in
    a file another tool wrote it is what XLIFF 1.2 says, a target still needing translation (Weblate's "needs editing",
    which sets approved="no" only on a string approved before; translate-toolkit reads it so too). Only a file tmtool
    wrote (its header names tmtool, or its ids are segment's, written before it did) holds OmegaT's filled copies."""
    head, approved = _WRITTEN_BY[tool]
    document = (head + '<trans-unit id="a"><source>Le convoi part.</source><target state="needs-translation">The '
                'convoy leaves.</target></trans-unit><trans-unit id="b"><source>La séance</source><target state="new">'
                'The meeting</target></trans-unit><trans-unit id="c"><source>Le vote</source><target state="needs-'
                'translation">Le vote</target></trans-unit><trans-unit id="d"' + approved + '><source>Fin.</source>'
                '<target' + ('' if approved else ' state="translated"') + '>End.</target></trans-unit>'
                '</body></file></xliff>').encode()
    from tmtool.formats.xliff import is_unconfirmed, is_untranslated

    assert [(u.tuid, is_untranslated(u), is_unconfirmed(u)) for u in read_xliff(io.BytesIO(document))] == [
        ("a", False, True), ("b", False, True), ("c", True, False), ("d", False, False)]
    toolkit = xlifffile.parsestring(document)
    assert [u.isfuzzy() for u in toolkit.units] == [True, True, True, not approved]  # fuzzy: not approved="yes"
    assert [_weblate_state(u) for u in toolkit.units] == ["needs editing"] * 3 + ["approved" if approved else "translated"]


def test_what_omegat_filled_in_a_file_tmtool_wrote_is_a_translation(tmp_path):
    """The copies of the source ``tmtool segment`` writes, ``state="needs-translation"``, are what OmegaT fills, leaving
    the state: a filled one is a translation, in a file that names tmtool its tool and in one segment wrote before it
    did (its trans-unit ids the document's name and a number)."""
    from tmtool.formats.xliff import is_unconfirmed, is_untranslated

    out = io.BytesIO()
    write_xliff([Segment("Le convoi part.", 0, 0), Segment("Le vote", 0, 1)], out, srclang="fr-FR", tgtlang="en-GB",
                original="r.fr.txt", source_as_target=True)
    assert b'<tool tool-id="tmtool" tool-name="tmtool"/>' in out.getvalue()
    signed = out.getvalue().replace(b'needs-translation">Le convoi part.<', b'needs-translation">The convoy leaves.<')
    legacy = re.sub(rb"<header.*?</header>| tool-id=\"tmtool\"", b"", signed.replace(b'id="1"', b'id="r.fr.txt:1"')
                    .replace(b'id="2"', b'id="r.fr.txt:2"'))
    for filled in (signed, legacy):
        assert [(u.target, is_untranslated(u), is_unconfirmed(u)) for u in read_xliff(io.BytesIO(filled))] == [
            ("The convoy leaves.", False, False), ("Le vote", True, False)]


def test_a_draft_an_earlier_export_wrote_needs_review_translation_comes_back_with_its_tool_s_state():
    """An export before drafts were written ``needs-translation`` wrote them ``needs-review-translation``,
    ``approved="no"``, the tool's state beside it: read again, that state is still the unit's."""
    old = (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff" version="1.2"><file original="tmtool"'
           b' source-language="fr-FR" target-language="en-GB" datatype="plaintext"><body><trans-unit id="1" '
           b'xml:space="preserve" mq:status="PreTranslated" mq:percent="100" approved="no"><source>Un.</source><target '
           b'state="needs-review-translation">One.</target></trans-unit></body></file></xliff>')
    assert [u.props for u in read_xliff(io.BytesIO(old))] == [{"x-state": "PreTranslated", "x-memoq-percent": "100"}]


def test_a_filled_xliff_2_segment_its_tool_says_is_still_initial_is_no_confirmed_translation():
    """Trados Studio saves an XLIFF 2.0 file's Draft, Translation Rejected and Sign-off Rejected segments
    ``state="initial"``, target and all (its file type's default mapping), its Translated ones ``translated``: a
    filled ``initial`` target was read as a confirmed translation. It is one not confirmed; a segment that says no
    state (initial by default, from a tool that tracks none) keeps its target as a translation, a copy untranslated."""
    document = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr-FR" trgLang="en-GB">'
                '<file id="f1"><unit id="1"><segment state="initial"><source>Le convoi part.</source><target>The convoy '
                'leaves.</target></segment></unit><unit id="2"><segment state="translated"><source>La séance</source>'
                '<target>The meeting</target></segment></unit><unit id="3"><segment><source>Le vote</source><target>The '
                'vote</target></segment></unit><unit id="4"><segment state="initial"><source>Fin.</source><target>Fin.'
                '</target></segment></unit></file></xliff>').encode()
    from tmtool.formats.xliff import is_unconfirmed, is_untranslated

    units = list(read_xliff(io.BytesIO(document)))
    assert [(u.tuid, is_untranslated(u), is_unconfirmed(u)) for u in units] == [
        ("1", False, True), ("2", False, False), ("3", False, False), ("4", True, False)]
    out = io.BytesIO()
    write_xliff([units[0]], out, srclang="fr-FR")
    assert [(u.isfuzzy(), _weblate_state(u)) for u in xlifffile.parsestring(out.getvalue()).units] == [
        (True, "needs editing")]


def test_each_document_s_units_go_in_a_file_of_their_own_and_come_back_naming_it(tmp_path):
    """The document a unit was translated in (memoQ's ``x-document``, which a concordance names) was lost in an XLIFF
    export, every unit in one ``<file original="tmtool">``, and an XLIFF's own ``<file original>`` (Trados's, memoQ's,
    Okapi's source document) was not read. Each document's units are written in a ``<file>`` naming it, read back as
    the unit's document; units naming none in one named ``tmtool``, read back naming none."""
    from conftest import run

    memory = tmp_path / "memoq.tmx"
    memory.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="MemoQ" '
        'creationtoolversion="9.12.9" segtype="sentence" o-tmf="MemoQTM" adminlang="en-us" srclang="fr-fr" '
        'datatype="unknown"/><body>' + "".join(
            f'<tu>{prop}<tuv xml:lang="fr-fr"><seg>{source}</seg></tuv><tuv xml:lang="en-gb"><seg>{target}</seg></tuv></tu>'
            for prop, source, target in (
                ('<prop type="x-document">rapport.docx</prop>', "Le convoi part.", "The convoy leaves."),
                ('<prop type="x-document">guide.docx</prop>', "Fermez la vanne.", "Shut the valve."),
                ("", "La séance est levée.", "The meeting is closed."))) + "</body></tmx>", encoding="utf-8")
    db = tmp_path / "t.db"
    assert run(db, "import", memory).exit_code == 0
    out = tmp_path / "out.xlf"
    assert run(db, "export", "xliff", "-o", out).exit_code == 0
    files = etree.parse(str(out)).getroot().iterfind(f"{{{XLIFF_12}}}file")
    assert sorted((f.get("original"), [s.text for s in f.iter(f"{{{XLIFF_12}}}source")]) for f in files) == [
        ("guide.docx", ["Fermez la vanne."]), ("rapport.docx", ["Le convoi part."]),
        ("tmtool", ["La séance est levée."])]
    assert sorted((u.source, u.props.get("x-document")) for u in read_xliff(out)) == [
        ("Fermez la vanne.", "guide.docx"), ("La séance est levée.", None), ("Le convoi part.", "rapport.docx")]
    # into another store and out again as TMX: each unit's document as memoQ's prop, as it came
    again = tmp_path / "again.db"
    assert run(again, "import", out).exit_code == 0
    assert run(again, "export", "tmx", "-o", tmp_path / "again.tmx").exit_code == 0
    from tmtool.formats.tmx import read_tmx

    assert sorted((u.source, u.props.get("x-document")) for u in read_tmx(tmp_path / "again.tmx")) == [
        ("Fermez la vanne.", "guide.docx"), ("La séance est levée.", None), ("Le convoi part.", "rapport.docx")]
