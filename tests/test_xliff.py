"""XLIFF: 1.2 written for translate-toolkit and OmegaT, 1.2 and 2.0 read back."""

from __future__ import annotations

import io
import json

import pytest
from omegat import SEED_GOLD, seed_gold_units
from translate.storage.xliff import xlifffile

from tmtool.errors import TmtoolError
from tmtool.formats.xliff import read_xliff, write_xliff
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


def test_duplicate_ids_and_illegal_characters_are_refused(tmp_path):
    with pytest.raises(TmtoolError, match="duplicate id"):
        twins = [Unit("a", "b", "fr", "en", tuid="x"), Unit("c", "d", "fr", "en", tuid="x")]
        write_xliff(twins, io.BytesIO(), srclang="fr")
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
