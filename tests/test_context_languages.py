"""A context keeps its language through every import, store and export path: a termbase's entry in French,
English and German, each language's sentence beside its term, keeps the German sentence German (the
German term's own context) and the English one English, never shown or written as French
(``model.place_contexts``, ``model.labelled_contexts``)."""

from __future__ import annotations

from lxml import etree

from conftest import run_output as _cli
from tmtool import api
from tmtool.formats.multiterm import read_multiterm
from tmtool.formats.tbx import read_tbx
from tmtool.store import open_store

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FRENCH = "La frégate de défense aérienne escorte le porte-avions en Méditerranée."
ENGLISH = "The air defence frigate sailed ahead of the carrier group."
GERMAN = "Die Luftverteidigungsfregatte lief vor dem Trägerverband aus."
GERMAN_IN_ENGLISH = "The frigate left ahead of the carrier group."
GERMAN_MINES = "Das Minenjagdboot räumte drei Sprengkörper vor der Küste."

# TBX-Basic as a terminology tool exports it (TBX 2008 martif, regional tags, a context in each language's tig,
# the German one with its English translation and its source)
MARTIF = f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>Naval terms, written for tests</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c17">
      <descrip type="subjectField">naval forces</descrip>
      <langSet xml:lang="fr-FR"><tig>
        <term>frégate de défense aérienne</term>
        <termNote type="partOfSpeech">noun</termNote>
        <termNote type="grammaticalGender">feminine</termNote>
        <descrip type="context">{FRENCH}</descrip>
      </tig></langSet>
      <langSet xml:lang="en-GB"><tig>
        <term>air defence frigate</term>
        <termNote type="partOfSpeech">noun</termNote>
        <descrip type="context">{ENGLISH}</descrip>
      </tig></langSet>
      <langSet xml:lang="de-DE"><tig>
        <term>Luftverteidigungsfregatte</term>
        <termNote type="partOfSpeech">noun</termNote>
        <descripGrp>
          <descrip type="context">{GERMAN}</descrip>
          <admin type="source">Marinebericht 2021</admin>
          <note xml:lang="en">{GERMAN_IN_ENGLISH}</note>
        </descripGrp>
      </tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

# SDL MultiTerm's XML export of a termbase with a Context field on each term
MULTITERM = f"""<?xml version="1.0" encoding="UTF-8"?>
<mtf>
  <conceptGrp>
    <concept>4</concept>
    <languageGrp><language type="French" lang="FR"/>
      <termGrp><term>frégate de défense aérienne</term>
        <descripGrp><descrip type="Context">{FRENCH}</descrip></descripGrp></termGrp>
    </languageGrp>
    <languageGrp><language type="English" lang="EN-GB"/>
      <termGrp><term>air defence frigate</term>
        <descripGrp><descrip type="Context">{ENGLISH}</descrip></descripGrp></termGrp>
    </languageGrp>
    <languageGrp><language type="German" lang="DE"/>
      <termGrp><term>Luftverteidigungsfregatte</term>
        <descripGrp><descrip type="Context">{GERMAN}</descrip></descripGrp></termGrp>
    </languageGrp>
  </conceptGrp>
</mtf>
"""


def _contexts_by_section(path) -> dict[str, list[str]]:
    """Each language section's context sentences in a TBX file (v3 or martif)."""
    found: dict[str, list[str]] = {}
    for section in etree.parse(str(path)).iter("{*}langSec", "{*}langSet"):
        found.setdefault(section.get(XML_LANG), []).extend(
            d.text for d in section.iter("{*}descrip") if d.get("type") == "context")
    return found


def test_a_tbx_entry_keeps_each_context_with_its_language(tmp_path):
    path = tmp_path / "naval.tbx"
    path.write_text(MARTIF, encoding="utf-8")
    entry, = read_tbx(path)
    assert [c.fr for c in entry.contexts] == [FRENCH]
    french, english, german = entry.terms
    assert [c.fr for c in english.contexts] == [ENGLISH] and not french.contexts
    assert [(c.fr, c.en, c.document) for c in german.contexts] == [(GERMAN, GERMAN_IN_ENGLISH, "Marinebericht 2021")]


def test_tbx_to_store_to_tbx_writes_each_context_in_its_own_language_section(tmp_path, store_url):
    path = tmp_path / "naval.tbx"
    path.write_text(MARTIF, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, path)
        for fmt, out in (("tbx", tmp_path / "out.tbx"), ("tbx-martif", tmp_path / "out.martif.tbx")):
            api.export(store, fmt, out, statuses=["candidate"], all_languages=True)
            # each term's section the tag its file gave it
            assert _contexts_by_section(out) == {"fr-FR": [FRENCH], "en-GB": [ENGLISH], "de-DE": [GERMAN]}, fmt
        # and back: the store's second import of its own file adds nothing, a new store reads the same
        exported = api.entries(store)
    with open_store(str(tmp_path / "again.db"), create=True) as again:
        api.import_file(again, tmp_path / "out.tbx")
        assert [{k: e[k] for k in ("terms", "contexts")} for e in api.entries(again)] == [
            {k: e[k] for k in ("terms", "contexts")} for e in exported]


def test_lookup_and_the_workbench_label_each_context_with_its_language(tmp_path):
    from workbench import client

    path = tmp_path / "naval.tbx"
    path.write_text(MARTIF, encoding="utf-8")
    db = tmp_path / "t.db"
    _cli(db, "import", path)
    shown = _cli(db, "lookup", "Luftverteidigungsfregatte")
    assert f"\n    fr: {FRENCH}\n" in shown
    assert f"\n    en: {ENGLISH}\n" in shown
    assert f"\n    de: {GERMAN}\n    en: {GERMAN_IN_ENGLISH}\n" in shown
    assert f"] de: {GERMAN}\n" in _cli(db, "glossary", "show", "1")
    workbench, _ = client(str(db))
    # the entry's page, the look-up page and the entry's card write its contexts alike: each marking its terms,
    # naming its language beyond the two shown side by side
    for page in (workbench.get("/entries/1").text, workbench.get("/", params={"q": "air defence frigate"}).text,
                 workbench.get("/review", params={"q": "air defence frigate"}).text):
        assert '<p lang="fr" dir="ltr">La <mark>frégate de défense aérienne</mark> escorte' in page
        assert '<p lang="en" dir="ltr">The <mark>air defence frigate</mark> sailed' in page
        assert '<p lang="de" dir="ltr"><b class="lang">de</b> Die <mark>Luftverteidigungsfregatte</mark> lief' in page


def test_a_multiterm_entry_keeps_each_context_with_its_language(tmp_path):
    path = tmp_path / "naval.xml"
    path.write_text(MULTITERM, encoding="utf-8")
    entry, = read_multiterm(path)
    french, english, german = entry.terms
    assert [c.fr for c in entry.contexts] == [FRENCH] and entry.note is None
    assert [c.fr for c in english.contexts] == [ENGLISH] and [c.fr for c in german.contexts] == [GERMAN]
    db = tmp_path / "t.db"
    _cli(db, "import", path)
    _cli(db, "export", "tbx", "-o", tmp_path / "out.tbx", "--langs", "all", "--status", "all")
    assert _contexts_by_section(tmp_path / "out.tbx") == {"fr": [FRENCH], "en-GB": [ENGLISH], "de": [GERMAN]}


def test_a_pair_without_the_context_language_leaves_its_sentences_out(tmp_path):
    """German–English, the French entry's French sentence is not written as the German one's: read back,
    the entry's contexts are German."""
    path = tmp_path / "naval.tbx"
    path.write_text(MARTIF, encoding="utf-8")
    db, again = tmp_path / "t.db", tmp_path / "again.db"
    _cli(db, "import", path)
    for fmt in ("csv", "xlsx", "tbx"):
        out = tmp_path / f"de-en.{fmt}"
        _cli(db, "export", fmt, "-o", out, "--srclang", "de", "--tgtlang", "en", "--status", "all")
        if fmt == "tbx":
            assert _contexts_by_section(out) == {"de-DE": [GERMAN], "en-GB": [ENGLISH]}
        _cli(again, "import", out)
        shown = _cli(again, "lookup", "Luftverteidigungsfregatte")
        assert FRENCH not in shown and f"\n    de: {GERMAN}\n" in shown, fmt


def test_a_spanish_german_row_keeps_the_german_sentence_german(tmp_path):
    """An English, German and Spanish entry's contexts are German (its first language but English); its
    row written Spanish first is read Spanish first, which must not make the German sentence Spanish."""
    path = tmp_path / "mines.tbx"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Mine warfare</p></sourceDesc></fileDesc>
</martifHeader><text><body><termEntry id="m1">
  <langSet xml:lang="en"><tig><term>minehunter</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Minenjagdboot</term><descrip type="context">{GERMAN_MINES}</descrip></tig></langSet>
  <langSet xml:lang="es"><tig><term>cazaminas</term></tig></langSet>
</termEntry></body></text></martif>
""", encoding="utf-8")
    db = tmp_path / "t.db"
    _cli(db, "import", path)
    assert f"\n    de: {GERMAN_MINES}\n" in _cli(db, "lookup", "minehunter")
    for fmt in ("csv", "xlsx", "po"):
        out, again = tmp_path / f"es-de.{fmt}", tmp_path / f"{fmt}.db"
        _cli(db, "export", fmt, "-o", out, "--srclang", "es", "--tgtlang", "de", "--status", "all")
        _cli(again, "import", out)
        assert f"\n    de: {GERMAN_MINES}\n" in _cli(again, "lookup", "cazaminas"), fmt


def test_an_english_equivalent_s_supporting_pair_is_written_english_in_the_english_section(tmp_path):
    """Extraction's sentence pairs supporting an English equivalent (French, English) are written in the
    English term's section as its English sentence, the French one a note in French; a file tmtool wrote
    before (the French sentence as the English term's context, its English a note) reads as it did."""
    from tmtool.formats.tbx import write_tbx
    from tmtool.model import Context, Entry, Term

    pair = Context(FRENCH, ENGLISH, "exercice-2021", "7")
    entry = Entry([Term("frégate de défense aérienne", "fr"),
                   Term("air defence frigate", "en", confidence=0.8, frequency=1, contexts=[pair])],
                  id="3", contexts=[pair])
    out = tmp_path / "g.tbx"
    write_tbx([entry], out)
    assert _contexts_by_section(out) == {"fr": [FRENCH], "en": [ENGLISH]}
    english = next(s for s in etree.parse(str(out)).iter("{*}langSec") if s.get(XML_LANG) == "en")
    assert [(n.get(XML_LANG), n.text) for n in english.iter("{*}note") if n.get(XML_LANG)] == [("fr", FRENCH)]
    assert list(read_tbx(out)) == [entry]
    # as written before: the French sentence in the English section, its English translation a note
    old = out.read_text(encoding="utf-8").replace(
        f'<descrip type="context">{ENGLISH}</descrip>', f'<descrip type="context">{FRENCH}</descrip>').replace(
        f'<note xml:lang="fr">{FRENCH}</note>', f'<note xml:lang="en">{ENGLISH}</note>')
    assert old != out.read_text(encoding="utf-8")
    out.write_text(old, encoding="utf-8")
    assert list(read_tbx(out)) == [entry]


def test_an_english_german_document_quotes_no_german_sentence_as_a_french_entry_s(tmp_path):
    """English-led extraction finds an entry by its English term: a French and English entry, a candidate or
    approved, takes none of an English–German document's German sentences as its (French) contexts."""
    from test_pivot import GERMAN, write_pair

    french = "La défense aérienne protège les villes de la région."
    for status in ("candidate", "approved"):
        path = tmp_path / f"{status}.tbx"
        path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Air defence</p></sourceDesc></fileDesc>
</martifHeader><text><body><termEntry id="a1">
  <langSet xml:lang="fr"><tig><term>défense aérienne</term><descrip type="context">{french}</descrip></tig></langSet>
  <langSet xml:lang="en"><tig><term>air defence</term></tig></langSet>
</termEntry></body></text></martif>
""", encoding="utf-8")
        english, german = write_pair(tmp_path, status, GERMAN)
        with open_store(str(tmp_path / f"{status}.db"), create=True) as store:
            api.import_file(store, path, status=status)
            api.ingest(store, english, german, srclang="en", tgtlang="de")
            entry = api.entry(store, 1)
            assert [c["fr"] for c in entry["contexts"]] == [french], status
            assert [lang for lang, _ in api.labelled_contexts(entry)] == ["fr"], status


# ---- a context's language is its own (Context.lang): no change of the entry's terms relabels it ----------

GERMAN_ENTRIES = f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Mine warfare</p></sourceDesc></fileDesc>
</martifHeader><text><body>
<termEntry id="g1">
  <langSet xml:lang="de"><tig><term>Minenjagdboot</term><descrip type="context">{GERMAN_MINES}</descrip></tig></langSet>
  <langSet xml:lang="en"><tig><term>minehunter</term></tig></langSet>
</termEntry>
<termEntry id="g2">
  <langSet xml:lang="fr"><tig><term>frégate de défense aérienne</term><descrip type="context">{FRENCH}</descrip></tig></langSet>
  <langSet xml:lang="en"><tig><term>air defence frigate</term></tig></langSet>
</termEntry>
<termEntry id="g3">
  <langSet xml:lang="de"><tig><term>Luftverteidigungsfregatte</term><descripGrp><descrip type="context">{GERMAN}</descrip>
    <note xml:lang="en">{GERMAN_IN_ENGLISH}</note></descripGrp></tig></langSet>
  <langSet xml:lang="en"><tig><term>frigate</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def _sentences(store, entry_id) -> list[tuple[str, str]]:
    return [(lang, c["fr"]) for lang, c in api.labelled_contexts(api.entry(store, entry_id))]


def test_a_french_term_added_to_a_german_entry_leaves_its_sentence_german(tmp_path, store_url):
    """A German and English entry given a French term by an edit: its German sentence stays German — shown
    so by look-up, written in the German section — and a revert of the edit leaves it German."""
    path = tmp_path / "mines.tbx"
    path.write_text(GERMAN_ENTRIES, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, path)
        assert _sentences(store, 1) == [("de", GERMAN_MINES)]
        change = api.edit(store, 1, fr="chasseur de mines")["change"]
        assert _sentences(store, 1) == [("de", GERMAN_MINES)]
        hit, = api.lookup(store, "chasseur de mines")["entries"]
        assert [(lang, c["fr"]) for lang, c in api.labelled_contexts(hit)] == [("de", GERMAN_MINES)]
        out = tmp_path / "out.tbx"
        api.export(store, "tbx", out, statuses=["approved"], all_languages=True)
        assert _contexts_by_section(out) == {"fr": [], "en": [], "de": [GERMAN_MINES]}
        # a spreadsheet keeps it German, and a French–English file leaves it out (it would read as French)
        for fmt, languages in (("csv", ("de", "en")), ("po", ("de", "en")), ("tbx", ("de", "en")),
                               ("csv", ("fr", "en")), ("tbx", ("fr", "en"))):
            out = tmp_path / f"{'-'.join(languages)}.{fmt}"
            api.export(store, fmt, out, srclang=languages[0], tgtlang=languages[1])
            if "de" not in languages:
                assert GERMAN_MINES not in out.read_text(encoding="utf-8"), out.name
                continue
            with open_store(str(tmp_path / f"{out.name}.db"), create=True) as again:
                api.import_file(again, out)
                assert _sentences(again, 1) == [("de", GERMAN_MINES)], out.name
        api.revert(store, change)
        assert _sentences(store, 1) == [("de", GERMAN_MINES)]


def test_a_merge_keeps_each_entry_s_sentences_in_their_language(tmp_path, store_url):
    """A German and English entry merged into a French and English one, and a French one into a German one:
    each sentence keeps its language, the German one written in the German section."""
    path = tmp_path / "mines.tbx"
    path.write_text(GERMAN_ENTRIES, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, path)
        api.merge(store, 3, 2)  # German into French
        assert _sentences(store, 2) == [("fr", FRENCH), ("de", GERMAN)]
        out = tmp_path / "out.tbx"
        api.export(store, "tbx", out, statuses=["candidate", "approved"], all_languages=True)
        assert _contexts_by_section(out) == {"de": [GERMAN_MINES, GERMAN], "en": [], "fr": [FRENCH]}
        api.merge(store, 2, 1)  # French into German
        assert _sentences(store, 1) == [("de", GERMAN_MINES), ("fr", FRENCH), ("de", GERMAN)]
        api.export(store, "tbx", out, statuses=["candidate", "approved"], all_languages=True)
        assert {lang: sorted(found) for lang, found in _contexts_by_section(out).items()} == {
            "fr": [FRENCH], "en": [], "de": sorted([GERMAN, GERMAN_MINES])}


def test_contexts_stored_before_they_had_a_language_read_as_they_did(store_url, monkeypatch):
    """A store made by the release before, its contexts without a language: upgraded when opened, each
    reads in its entry's context language as before, and keeps it once an edit gives the entry another."""
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(
        migrations._context_languages)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V16)])
    with open_store(store_url, create=True) as old:  # as the release before stored two entries
        run = old._conn.execute if hasattr(old, "_conn") else old._pg.execute
        mark = "?" if hasattr(old, "_conn") else "%s"
        with old.transaction():
            for entry_id, terms, sentence in ((1, [("de", "Minenjagdboot"), ("en", "minehunter")], GERMAN_MINES),
                                              (2, [("fr", "frégate"), ("en", "frigate")], FRENCH)):
                run(f"INSERT INTO entries (id, status, created, updated) VALUES ({mark}, 'approved', {mark}, {mark})",
                    (entry_id, *("2026-01-05T10:00:00+00:00",) * 2))
                for position, (lang, text) in enumerate(terms):
                    run("INSERT INTO terms (entry_id, position, lang, text, pos, type, usage) VALUES "
                        f"({mark}, {mark}, {mark}, {mark}, 'noun', 'fullForm', 'preferred')",
                        (entry_id, position, lang, text))
                run(f"INSERT INTO contexts (entry_id, fr, en, document) VALUES ({mark}, {mark}, '', 'report')",
                    (entry_id, sentence))
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert [c.lang for e in store.entries([1, 2]).values() for c in e.contexts] == [None, None]
        assert _sentences(store, 1) == [("de", GERMAN_MINES)] and _sentences(store, 2) == [("fr", FRENCH)]
        api.edit(store, 1, fr="chasseur de mines")
        assert _sentences(store, 1) == [("de", GERMAN_MINES)]
