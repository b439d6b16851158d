"""PO glossaries and memories: the message layout, review through the fuzzy flag, lossless round trips,
gettext's own check, other tools' PO files, bad files."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import tool_missing
from omegat import seed_gold_units
from test_tabular import ACRONYM_HEAD_PAIRS, acronym_entries
from test_tbx import UNIQUE_ENTRIES, seed_entries

from tmtool.errors import TmtoolError
from tmtool.formats.po import read_po, read_units_po, write_po, write_units_po
from tmtool.model import Entry, ReviewStatus, Term, Unit


def test_message_layout(tmp_path):
    out = tmp_path / "g.po"
    assert write_po(seed_entries(), out) == 3
    ims, division, partner = polib.pofile(str(out))
    assert (ims.msgid, ims.msgstr) == ("État-major militaire international", "International Military Staff")
    assert ims.msgctxt is None
    assert ims.tcomment == "Vérifié dans NATOTerm.\nForme longue d’abord."
    assert ims.comment.splitlines()[0] == "Definition: Organe exécutif du Comité militaire de l’OTAN."
    assert ims.comment.splitlines()[1].startswith("Context: Le 13 juillet 2021")
    assert " ⇒ On 13 July 2021" in ims.comment
    assert ims.occurrences == [("2021-07-13-partners-meeting", "")]
    assert ims.flags == [] and division.flags == ["fuzzy"] and partner.flags == ["fuzzy"]


def test_round_trip_loses_nothing(tmp_path):
    out = tmp_path / "g.po"
    write_po(seed_entries(), out)
    assert list(read_po(out)) == seed_entries()


def test_msgctxt_only_keeps_homographs_apart(tmp_path):
    out = tmp_path / "g.po"
    entries = [
        Entry(id="poste-position", terms=[Term("poste", "fr"), Term("position", "en")]),
        Entry(id="poste-post", terms=[Term("poste", "fr"), Term("post", "en")]),
        Entry(terms=[Term("pays partenaire", "fr"), Term("partner country", "en")]),
        Entry(terms=[Term("IMS", "en")]),  # no French term: msgid "" needs a context not to read as the header
    ]
    write_po(entries, out)
    assert [(m.msgctxt, m.msgid) for m in polib.pofile(str(out))] == [
        ("poste-position", "poste"), ("poste-post", "poste"), (None, "pays partenaire"), ("entry-4", ""),
    ]  # fmt: skip
    assert list(read_po(out)) == entries


def test_clearing_the_fuzzy_flag_approves_and_setting_it_reopens(tmp_path):
    out = tmp_path / "g.po"
    write_po(seed_entries(), out)
    po = polib.pofile(str(out))
    po[0].flags.append("fuzzy")  # approved → back to review
    po[1].flags.remove("fuzzy")  # candidate → approved
    po[1].msgstr = "Cooperative Security Division (IMS)"
    po.save(str(out))
    ims, division, partner = read_po(out)
    assert ims.status is ReviewStatus.CANDIDATE
    assert division.status is ReviewStatus.APPROVED and division.terms[1].text == "Cooperative Security Division (IMS)"
    assert partner.status is ReviewStatus.REJECTED


def test_gettext_accepts_our_files(tmp_path):
    if shutil.which("msgfmt") is None:
        tool_missing("gettext's msgfmt is not installed")
    for name, write, items in (("g.po", write_po, seed_entries()), ("m.po", write_units_po, seed_gold_units())):
        write(items, tmp_path / name)
        check = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(tmp_path / name)], capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr
        assert check.stderr == ""  # no warning either: the header has every field gettext asks for
        header = polib.pofile(str(tmp_path / name)).metadata
        assert header["Project-Id-Version"] == {"g.po": "tmtool glossary", "m.po": "tmtool memory"}[name]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d\+0000", header["PO-Revision-Date"])  # the export's time


def test_translate_toolkit_reads_our_files_as_gettext_does(tmp_path):
    """translate-toolkit (Pootle, Weblate, po2tmx) reads each message of ours as polib does: msgid, msgstr,
    fuzzy flag and msgctxt (two entries of one French term told apart by it)."""
    from translate.storage.pypo import pofile

    homographs = [Entry([Term("conseil", "fr"), Term(english, "en")], status=status, id=name)
                  for name, english, status in (("c1", "board", ReviewStatus.APPROVED),
                                                ("c2", "council", ReviewStatus.CANDIDATE))]
    for name, write, items in (("g.po", write_po, acronym_entries() + homographs),
                               ("m.po", write_units_po, seed_gold_units())):
        path = tmp_path / name
        write(items, path)
        with open(path, "rb") as f:
            read = [(u.source, u.target, u.isfuzzy(), u.getcontext()) for u in pofile(f).units if not u.isheader()]
        assert read == [(m.msgid, m.msgstr, "fuzzy" in m.flags, m.msgctxt or "") for m in polib.pofile(str(path))]
        assert len(read) == len(items)
        if name == "g.po":
            assert read[-2:] == [("conseil", "board", False, "c1"), ("conseil", "council", True, "c2")]


def test_msgid_and_msgstr_pair_full_form_with_full_form(tmp_path):
    out = tmp_path / "g.po"
    write_po(acronym_entries(), out)
    assert [(m.msgid, m.msgstr) for m in polib.pofile(str(out))] == ACRONYM_HEAD_PAIRS
    assert list(read_po(out)) == acronym_entries()


def test_entries_not_approved_are_fuzzy_and_say_why(tmp_path):
    out = tmp_path / "g.po"
    write_po(acronym_entries(), out)
    nrf, eod, emi, otan = polib.pofile(str(out))
    assert nrf.flags == [] and otan.flags == [] and eod.flags == ["fuzzy"] and emi.flags == ["fuzzy"]
    assert eod.comment.splitlines()[0] == "Status: candidate, not reviewed"
    assert emi.comment.splitlines()[0] == "Status: rejected, do not use"
    assert "Status:" not in nrf.comment
    assert [e.status for e in read_po(out)] == [e.status for e in acronym_entries()]


def test_a_rejected_entry_stays_rejected_with_or_without_the_flag(tmp_path):
    out = tmp_path / "g.po"
    write_po(seed_entries(), out)
    po = polib.pofile(str(out))
    po[2].flags.remove("fuzzy")  # as files written before rejected entries were flagged have it
    po.save(str(out))
    assert [e.status for e in read_po(out)] == [ReviewStatus.APPROVED, ReviewStatus.CANDIDATE, ReviewStatus.REJECTED]


def test_the_record_is_readable_utf8(tmp_path):
    out = tmp_path / "g.po"
    write_po(seed_entries(), out)
    text = out.read_text(encoding="utf-8")
    assert "\\u00" not in text and "\\u20" not in text  # no JSON escapes for spaces, accents or quotes
    assert '#.  "definition": "Organe exécutif du Comité militaire de l’OTAN.",\n' in text
    assert '#.  "note": "Vérifié dans NATOTerm.\\nForme longue d’abord.",\n' in text
    record_lines = [line for line in text.splitlines() if line.startswith(("#. x-tmtool:", "#.  "))]
    # short enough that polib does not re-wrap them, unless one word is longer
    assert all(len(line) <= 78 or " " not in line[4:] for line in record_lines)
    assert list(read_po(out)) == seed_entries()


def test_the_record_survives_tools_that_rewrite_po_files(tmp_path):
    out = tmp_path / "g.po"
    write_po(seed_entries() + acronym_entries(), out)
    polib.pofile(str(out)).save(str(tmp_path / "polib.po"))  # re-wraps comment lines beyond 78 columns
    rewritten = [tmp_path / "polib.po"]
    if shutil.which("msgcat"):
        for tool in ("msgcat", "msgmerge"):
            arguments = [str(out)] if tool == "msgcat" else [str(out), str(out)]
            subprocess.run([tool, *arguments, "-o", str(tmp_path / f"{tool}.po")], check=True, capture_output=True)
            rewritten.append(tmp_path / f"{tool}.po")
    for path in rewritten:
        assert list(read_po(path)) == seed_entries() + acronym_entries(), path.name


def test_records_written_with_escaped_spaces_still_read(tmp_path):
    """Files of earlier versions: one JSON line, spaces as \\u0020, maybe broken by polib after a hyphen."""
    path = tmp_path / "old.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# Vérifié dans NATOTerm.\n'
        '#. x-tmtool:{"status":"candidate","note":"Vérifié\\u0020dans\\u0020NATOTerm.","document":"2021-07-13-\n'
        '#. partners-meeting"}\n#, fuzzy\nmsgid "EMI"\nmsgstr "IMS"\n',
        encoding="utf-8",
    )
    [entry] = read_po(path)
    assert (entry.status, entry.note) == (ReviewStatus.CANDIDATE, "Vérifié dans NATOTerm.")
    assert entry.contexts[0].document == "2021-07-13-partners-meeting"


def test_a_po_file_from_elsewhere_has_english_msgids_and_its_language_in_the_header(tmp_path):
    path = tmp_path / "other.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# relu\nmsgid "partner country"\nmsgstr "pays partenaire"\n\n'
        '#, fuzzy\nmsgid "IMS"\nmsgstr "EMI"\n\nmsgid "Alliance"\nmsgstr ""\n\n#~ msgid "old"\n#~ msgstr "vieux"\n',
        encoding="utf-8",
    )
    entries = list(read_po(path))
    assert [([(t.text, t.lang) for t in e.terms], e.status, e.note) for e in entries] == [
        ([("partner country", "en"), ("pays partenaire", "fr")], ReviewStatus.APPROVED, "relu"),
        ([("IMS", "en"), ("EMI", "fr")], ReviewStatus.CANDIDATE, None),
        ([("Alliance", "en")], ReviewStatus.CANDIDATE, None),
    ]


def test_a_po_file_saved_with_a_byte_order_mark_and_crlf_is_read(tmp_path):
    """Windows editors (Notepad) save UTF-8 with a byte-order mark, which Poedit and translate-toolkit read
    past; the file was refused ("cannot read '\\ufeffmsgid'")."""
    path = tmp_path / "fr.po"
    path.write_bytes(b"\xef\xbb\xbf" + ('msgid ""\r\nmsgstr ""\r\n"Language: fr\\n"\r\n'
                                         '"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
                                         '#, fuzzy\r\n#| msgid "batalion"\r\nmsgid "battalion"\r\n'
                                         'msgstr "bataillon"\r\n').encode())
    [entry] = read_po(path)
    assert ([(t.text, t.lang) for t in entry.terms], entry.status) == (
        [("battalion", "en"), ("bataillon", "fr")], ReviewStatus.CANDIDATE)
    assert [(u.source, u.target) for u in read_units_po(path)] == [("battalion", "bataillon")]


def test_units_round_trip_the_seed_memory(tmp_path):
    units = seed_gold_units()
    out = tmp_path / "seed.po"
    assert write_units_po(units, out) == len(units) == 19
    assert list(read_units_po(out)) == units
    first = polib.pofile(str(out))[0]
    assert first.msgid.startswith("Les partenaires de l’OTAN") and first.occurrences == [("seed", "")]
    assert polib.pofile(str(out)).metadata["Language"] == "en-GB"


def test_units_with_one_source_twice_or_none(tmp_path):
    units = [
        Unit("Merci.", "Thank you.", "fr-FR", "en-GB", tuid="a"),
        Unit("Merci.", "Thanks.", "fr-FR", "en-GB"),
        Unit("", "An English sentence with no French.", "fr-FR", "en-GB", notes=["0-1 bead", "line one\nline two"]),
    ]
    out = tmp_path / "m.po"
    write_units_po(units, out)
    assert [m.msgctxt for m in polib.pofile(str(out))] == ["a", "unit-2", "unit-3"]
    assert list(read_units_po(out)) == units


def test_a_plain_po_reads_as_units_in_the_languages_given(tmp_path):
    path = tmp_path / "plain.po"
    path.write_text('msgid "Bonjour"\nmsgstr "Hello"\n', encoding="utf-8")
    assert list(read_units_po(path, srclang="fr_FR", tgtlang="en-us")) == [Unit("Bonjour", "Hello", "fr-FR", "en-US")]


def test_each_plural_form_of_a_translated_po_is_a_unit(tmp_path):
    """``msgid_plural`` and ``msgstr[1]`` were dropped: a check of the file never saw the plural."""
    path = tmp_path / "app.fr.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && '
                    'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
                    'msgid "One file deleted."\nmsgid_plural "%d files deleted."\nmsgstr[0] "Usunięto plik."\n'
                    'msgstr[1] "Usunięto %d pliki."\nmsgstr[2] "Usunięto %d plików."\n\n'
                    'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] "%d dzień"\nmsgstr[1] ""\nmsgstr[2] ""\n',
                    encoding="utf-8")
    assert [(u.source, u.target, u.srclang, u.tgtlang) for u in read_units_po(path)] == [
        ("One file deleted.", "Usunięto plik.", "en", "pl"), ("%d files deleted.", "Usunięto %d pliki.", "en", "pl"),
        ("%d files deleted.", "Usunięto %d plików.", "en", "pl"), ("%d day", "%d dzień", "en", "pl")]


@pytest.mark.parametrize(
    "content, message",
    [
        ('msgid "a"\nmsgstr "b"\nmsgid\n', "not a valid PO file"),
        ('#. x-tmtool:[1]\nmsgid "a"\nmsgstr "b"\n', "the x-tmtool comment is not a JSON object"),
        ('#. x-tmtool:{"status":"maybe"}\nmsgid "a"\nmsgstr "b"\n', "invalid x-tmtool record"),
    ],
)
def test_bad_po_is_an_error(tmp_path, content, message):
    path = tmp_path / "bad.po"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TmtoolError, match=message):
        list(read_po(path))


@pytest.mark.parametrize("message, missing", [
    ('msgid "convoy"\nmsgstr[0] "convoi"\n', "msgid_plural"),
    ('msgid "convoy"\nmsgid_plural "convoys"\nmsgstr "convoi"\n', "msgstr[0], msgstr[1]"),
])
def test_plural_forms_that_do_not_match_the_msgid_are_an_error_not_a_lost_translation(tmp_path, message, missing):
    """gettext refuses a msgstr[0] without msgid_plural, or a plural message with a plain msgstr; polib reads
    them with the translation left out, and *convoi* was lost without a word."""
    from click.testing import CliRunner

    from tmtool.cli import main

    path = tmp_path / "glossaire.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "staff"\nmsgstr "état-major"\n\n{message}', encoding="utf-8")
    for read in (read_po, read_units_po):
        with pytest.raises(TmtoolError, match=f"glossaire.po:9: not a valid PO file: message 'convoy' has no "
                                              f"{re.escape(missing)}"):
            list(read(path))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_missing_file_is_an_error_not_po_text(tmp_path):
    with pytest.raises(TmtoolError, match="no such file"):
        list(read_po(tmp_path / "missing.po"))


# ---- properties: arbitrary Unicode (astral, combining, bidi, quotes, line breaks) comes back equal ----

PO_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=50, deadline=None)
@given(entries=UNIQUE_ENTRIES)
def test_any_entries_round_trip(entries):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "g.po"
        write_po(entries, out)
        assert list(read_po(out)) == entries


@settings(max_examples=50, deadline=None)
@given(
    units=st.lists(
        st.builds(
            Unit,
            source=PO_TEXT,
            target=PO_TEXT,
            srclang=st.just("fr-FR"),
            tgtlang=st.just("en-GB"),
            tuid=st.one_of(st.none(), PO_TEXT.filter(bool)),
            props=st.dictionaries(st.sampled_from(["x-document", "x-paragraph", "x-bead"]), PO_TEXT),
            notes=st.lists(PO_TEXT, max_size=3),
        ),
        max_size=4,
        unique_by=lambda unit: unit.tuid or object(),
    )
)
def test_any_units_round_trip(units):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "m.po"
        write_units_po(units, out)
        assert list(read_units_po(out)) == units


HOMOGRAPHS = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "committee"
msgid "board"
msgstr "conseil"

msgctxt "plank of wood"
msgid "board"
msgstr "planche"

#. the company's directors
msgctxt "meeting of directors"
msgid "board"
msgstr "conseil"
"""


def test_homographs_translated_alike_keep_both_contexts(tmp_path):
    """Two messages of one msgid told apart by msgctxt and translated alike are one entry to the
    glossary (it keeps one entry of the same terms): the second's msgctxt was lost as a duplicate's."""
    from tmtool import api, open_store

    path = tmp_path / "homographs.po"
    path.write_text(HOMOGRAPHS, encoding="utf-8")
    with open_store(str(tmp_path / "tm.db"), create=True) as store:
        result = api.import_file(store, str(path))
        notes = {tuple(term["text"] for term in entry["terms"]): entry["note"] for entry in api.entries(store)}
    assert (result["added"], result["already_stored"]) == (2, 0)
    assert notes == {("board", "conseil"): "msgctxt: committee\nthe company's directors\nmsgctxt: meeting of directors",
                     ("board", "planche"): "msgctxt: plank of wood"}
    units = list(read_units_po(path, srclang="en"))
    assert [(unit.target, unit.notes) for unit in units] == [
        ("conseil", ["msgctxt: committee"]), ("planche", ["msgctxt: plank of wood"]),
        ("conseil", ["msgctxt: meeting of directors"])]


def test_a_fuzzy_message_s_previous_msgid_is_kept_in_its_note(tmp_path):
    """msgmerge marks a message whose msgid changed fuzzy and keeps the msgid its translation was made for (``#|``):
    the reviewer of the candidate weighs the translation against it. It was dropped on reading; it is a line of the
    entry's note, as msgctxt is, and goes through an export and back."""
    path = tmp_path / "glossary.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    '#, fuzzy\n#| msgctxt "navy"\n#| msgid "frigate"\nmsgctxt "navy"\nmsgid "frigates"\n'
                    'msgstr "frégate"\n', encoding="utf-8")
    [entry] = read_po(path)
    assert (entry.status, entry.note) == (ReviewStatus.CANDIDATE,
                                          "msgctxt: navy\nprevious msgctxt: navy\nprevious msgid: frigate")
    out = tmp_path / "out.po"
    write_po([entry], out)
    assert [(e.status, e.note) for e in read_po(out)] == [(entry.status, entry.note)]


@pytest.mark.parametrize("language, tag", [("sr@latin", "sr-Latn"), ("sr_RS@latin", "sr-Latn-RS"),
                                           ("ca@valencia", "ca")])
def test_a_gettext_modifier_in_the_language_is_read_as_bcp47(tmp_path, language, tag):
    """Weblate, Transifex and Crowdin name Serbian in Latin letters as gettext does, ``sr@latin``: its units
    (``tmtool check`` reads a PO's so) were refused, every message "invalid language tag 'sr@latin'". The script
    modifier is BCP 47's script subtag; another modifier is left out."""
    path = tmp_path / "sr.po"
    path.write_text('# Serbian translation\nmsgid ""\nmsgstr ""\n"Project-Id-Version: app 1.0\\n"\n'
                    f'"Language: {language}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    '"Content-Transfer-Encoding: 8bit\\n"\n\nmsgid "Save"\nmsgstr "Sačuvaj"\n', encoding="utf-8")
    assert [(u.srclang, u.source, u.tgtlang, u.target) for u in read_units_po(path)] == [
        ("en", "Save", tag, "Sačuvaj")]
