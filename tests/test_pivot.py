"""A glossary for a pair with English on one side and a language tmtool has no parser nor dictionary for:
English terms, their equivalents the spans of the other language the word alignment agrees on."""

from collections import Counter

from click.testing import CliRunner

from conftest import REPO

from tmtool import api
from tmtool.cli import main
from tmtool.model import Context
from tmtool.store import open_store
from tmtool.terms.pivot import _citation_form, build_english_glossary

# written for these tests: a multi-word English term rendered by one German compound
GERMAN = [
    ("The Allies agreed to strengthen air defence on the eastern flank.",
     "Die Verbündeten vereinbarten, die Luftverteidigung an der Ostflanke zu stärken."),
    ("Integrated air defence protects the cities of the region.",
     "Die integrierte Luftverteidigung schützt die Städte der Region."),
    ("Five nations train their air defence together every spring.",
     "Fünf Nationen üben ihre Luftverteidigung jedes Frühjahr gemeinsam."),
    ("Modern air defence relies on autonomous underwater vehicles and radars.",
     "Moderne Luftverteidigung stützt sich auf autonome Unterwasserfahrzeuge und Radare."),
    ("The autonomous underwater vehicles stay in the harbour.",
     "Die autonomen Unterwasserfahrzeuge bleiben im Hafen."),
]
# an English compound rendered as a Spanish N de N phrase, with an article and an adjective around it
SPANISH = [
    ("The summit discussed the resilience of the supply chain for ammunition.",
     "La cumbre debatió la resiliencia de la cadena de suministro de munición."),
    ("Each Ally must protect its supply chain against cyber attacks.",
     "Cada Aliado debe proteger su cadena de suministro frente a los ciberataques."),
    ("A secure supply chain is essential for defence production.",
     "Una cadena de suministro segura es esencial para la producción de defensa."),
    ("Industry leaders presented new plans for the supply chain.",
     "Los líderes de la industria presentaron nuevos planes para la cadena de suministro."),
    ("Defence production grew in every Ally last year.",
     "La producción de defensa creció en todos los Aliados el año pasado."),
]


def pairs(sentences):
    return [Context(other, english, "news", f"news:{k}") for k, (english, other) in enumerate(sentences, 1)]


def equivalents(entries, lang):
    return {e.terms[0].text: next((t.text for t in e.terms if t.lang == lang), None) for e in entries}


def test_a_multi_word_english_term_pairs_with_a_german_compound():
    entries = build_english_glossary(pairs(GERMAN), "de")
    found = equivalents(entries, "de")
    assert found["air defence"] == "Luftverteidigung"
    assert found["autonomous underwater vehicle"] == "autonome Unterwasserfahrzeuge"
    entry = next(e for e in entries if e.terms[0].text == "air defence")
    english, german = entry.terms
    assert (english.lang, english.pos, english.lemma) == ("en", "noun", "defence")
    assert german.lemma is None and german.pos == "noun"  # the English term's: nothing analyses German here
    assert german.frequency == 4 and 0.5 < german.confidence <= 1.0 and isinstance(german.confidence, float)
    assert entry.frequency == 4 and entry.contexts[0].fr.startswith("Die Verbündeten")


def test_a_german_equivalent_closes_on_a_noun_written_with_its_capital():
    """German gives every noun a capital: a span closing on a word in lower case (a verb, an adjective) is
    no term. The sample of bench/data/pivot-de gave *Minenabwehrverband untersteht*, *Übung erprobt* and
    *hält* (*merchant vessel*) before."""
    english, german = ([line for line in (REPO / "bench" / "data" / "pivot-de" / f"exercise.{lang}.txt")
                        .read_text(encoding="utf-8").splitlines() if line] for lang in ("en", "de"))
    assert len(english) == len(german) == 11  # one sentence a line, in the same order
    found = equivalents(build_english_glossary(pairs(zip(english, german)), "de"), "de")
    assert found["Mine Countermeasures Group"] == "Minenabwehrverband" and found["seabed"] == "Meeresboden"
    # *said that …* rendered by a clause with no subordinator (*sagte, die Minenabwehr sei … für die maritime
    # Sicherheit*): no verb-final clause, its last word a noun
    assert found["maritime security"] == "maritime Sicherheit"
    assert [text for text in found.values() if text and text.split()[-1][:1].islower()] == []


def test_a_german_compound_is_put_in_the_singular_by_its_last_part():
    """The sample writes *Minenjagdboote*, *Unterwasserfahrzeuge* and *Zufahrten* only in the plural, and the
    word list holds neither compound: the singular is read on the last part the list holds (*Boote*: *Boot*), as
    German inflects a compound. Before an adjective, which declines with the case (*flachen Gewässern*: *flaches
    Gewässer*), the form stays as written."""
    english, german = ([line for line in (REPO / "bench" / "data" / "pivot-de" / f"exercise.{lang}.txt")
                        .read_text(encoding="utf-8").splitlines() if line] for lang in ("en", "de"))
    found = equivalents(build_english_glossary(pairs(zip(english, german)), "de", threshold=0.0), "de")
    assert found["minehunter"] == "Minenjagdboot" and found["underwater vehicle"] == "Unterwasserfahrzeug"
    assert found["Baltic approach"] == "Zufahrt zur Ostsee" and found["shipping lane"] == "Schifffahrtsweg"
    assert found["shallow water"] == "flachen Gewässern"


def test_a_german_equivalent_is_given_as_written_where_no_preposition_governs_its_english():
    """*nach Blindgängern* (dative) renders *for unexploded ordnance*, *Blindgänger auf dem Meeresboden* the
    subject: German's case endings end nominatives too, so only the preposition tells."""
    english, german = ([line for line in (REPO / "bench" / "data" / "pivot-de" / f"exercise.{lang}.txt")
                        .read_text(encoding="utf-8").splitlines() if line] for lang in ("en", "de"))
    found = equivalents(build_english_glossary(pairs(zip(english, german)), "de", threshold=0.0), "de")
    assert found["unexploded ordnance"] == "Blindgänger"


def test_a_piece_of_a_name_is_not_rendered_by_the_word_the_other_language_writes_the_name_as():
    """German writes *Mine Countermeasures Group* as one word, *Minenabwehrverband*, which was the German of
    *mine countermeasures* too, voted for where the English term stands inside the name. Those occurrences do not
    vote where the term stands outside a name too."""
    english, german = ([line for line in (REPO / "bench" / "data" / "pivot-de" / f"exercise.{lang}.txt")
                        .read_text(encoding="utf-8").splitlines() if line] for lang in ("en", "de"))
    found = equivalents(build_english_glossary(pairs(zip(english, german)), "de", threshold=0.0), "de")
    assert found["Mine Countermeasures Group"] == "Minenabwehrverband"
    assert found["mine countermeasure"] != "Minenabwehrverband"


# written for this test: German puts the verb of a clause last, after the noun phrase the English term renders
GERMAN_VERB_LAST = [
    ("Member states have agreed to simplify the permit procedures for troop movements.",
     "Die Mitgliedstaaten haben vereinbart, die Genehmigungsverfahren für Truppenbewegungen zu vereinfachen."),
    ("The command in Ulm coordinates troop movements in the rear area.",
     "Das Kommando in Ulm koordiniert die Truppenbewegungen im rückwärtigen Raum."),
    ("The roads must be suitable for heavy military vehicles.",
     "Die Straßen müssen für schwere Militärfahrzeuge geeignet sein."),
    ("Heavy military vehicles need strong bridges.", "Schwere Militärfahrzeuge brauchen starke Brücken."),
    ("The Allies plan troop movements every year.", "Die Alliierten planen jedes Jahr Truppenbewegungen."),
]


def test_a_german_equivalent_closes_on_a_noun_not_on_the_verb_after_it():
    """German capitalises every noun and ends a noun phrase on one; the verb a German clause puts last (*zu
    vereinfachen*, *geeignet sein*) was taken into the span where the word alignment linked it to the English
    phrase: *troop movement* = *Truppenbewegungen zu vereinfachen*, *heavy military vehicle* = *Militärfahrzeuge
    geeignet*."""
    found = equivalents(build_english_glossary(pairs(GERMAN_VERB_LAST), "de", threshold=0.0), "de")
    closing = {english: german.split()[-1] for english, german in found.items() if german}
    assert closing["troop movement"] == "Truppenbewegung"  # in the singular, as the English term
    assert all(word[:1].isupper() for word in closing.values()), found


def test_a_german_text_written_in_lower_case_still_pairs_its_terms(with_dictionary):
    """A memory lower-cased by the tool that made it (a subtitle file, a corpus prepared for a machine) writes
    no noun with a capital: a span had to close on one, so no English term had a German equivalent. Its
    sentences say nothing of their nouns, so they are read as another language's are (no German dictionary here: with
    one, ``terms.nouns`` gives *mitgliedstaaten* its singular)."""
    with_dictionary({})
    lowered = [(english, german.lower()) for english, german in GERMAN_VERB_LAST]
    found = equivalents(build_english_glossary(pairs(lowered), "de", threshold=0.0), "de")
    assert found["member state"] == "mitgliedstaaten" and found["command"] == "kommando"


# written for this test: Dutch puts the verbs of a subordinate clause last, after the noun phrases the English
# terms render (*dat … moeten versterken*, *omdat … kwetsbaar is*, *die … kunnen dragen*)
DUTCH_VERB_LAST = [
    ("The ministers agreed that the Allies must strengthen air defence on the eastern flank.",
     "De ministers kwamen overeen dat de bondgenoten de luchtverdediging op de oostflank moeten versterken."),
    ("Integrated air defence protects the cities of the region.",
     "De geïntegreerde luchtverdediging beschermt de steden van de regio."),
    ("The command said that five nations train their air defence together every spring.",
     "Het commando zei dat vijf landen hun luchtverdediging elk voorjaar samen oefenen."),
    ("Because the supply chain for ammunition is vulnerable, the Allies invest in new factories.",
     "Omdat de toeleveringsketen voor munitie kwetsbaar is, investeren de bondgenoten in nieuwe fabrieken."),
    ("The report shows that the supply chain for ammunition depends on few suppliers.",
     "Het rapport laat zien dat de toeleveringsketen voor munitie van weinig leveranciers afhangt."),
    ("The engineers build bridges that heavy military vehicles can carry.",
     "De genie bouwt bruggen die zware militaire voertuigen kunnen dragen."),
    ("The roads must be suitable for heavy military vehicles.",
     "De wegen moeten geschikt zijn voor zware militaire voertuigen."),
]


def test_a_dutch_equivalent_closes_on_no_verb_that_ends_a_subordinate_clause():
    """Dutch gives its nouns no capital, so German's rule cannot hold its spans to a noun; the word aligner's
    pull to the diagonal linked the verb that ends a Dutch subordinate clause to the English noun ending the
    clause: *eastern flank* = *versterken*, *supplier* = *afhangt*, *spring* = *oefenen*."""
    found = equivalents(build_english_glossary(pairs(DUTCH_VERB_LAST), "nl", threshold=0.0), "nl")
    assert found["air defence"] == "luchtverdediging" and found["supply chain"] == "toeleveringsketen"
    closing = {english: dutch.split()[-1] for english, dutch in found.items() if dutch}
    assert not {"versterken", "oefenen", "afhangt", "dragen", "is"} & set(closing.values()), closing


# written for this test, in Swiss German (Zurich spelling): its own language tag, gsw, not a variant of de
SWISS_GERMAN_VERB_LAST = [
    ("Member states have agreed to simplify the permit procedures for troop movements.",
     "D Mitgliedstaate händ abgmacht, d Bewilligungsverfahre für Truppebewegige z vereifache."),
    ("The command in Bern coordinates troop movements in the rear area.",
     "S Kommando z Bern koordiniert d Truppebewegige im rückwärtige Ruum."),
    ("The roads must be suitable for heavy military vehicles.",
     "D Strasse müend für schwääri Militärfahrzüüg geeignet sii."),
    ("Heavy military vehicles need strong bridges.", "Schwääri Militärfahrzüüg bruuched starchi Brugge."),
    ("The Allies plan troop movements every year.", "D Alliierte planed jedes Jahr Truppebewegige."),
]


def test_a_swiss_german_equivalent_closes_on_a_noun_as_a_german_one_does():
    """Swiss German writes every noun with a capital as German does, under a tag of its own (gsw, which
    base_language keeps): its spans were not held to a noun, *military vehicle* = *Militärfahrzüüg geeignet
    sii*, *troop movement* = *jedes*. Nor is a sentence's first word a noun for its capital: *Member* = *d*,
    the article of *D Mitgliedstaate*, which the other sentences write *d*."""
    found = equivalents(build_english_glossary(pairs(SWISS_GERMAN_VERB_LAST), "gsw", threshold=0.0), "gsw")
    assert found["troop movement"] == "Truppebewegige" and found["military vehicle"] == "Militärfahrzüüg"
    assert all(text.split()[-1][:1].isupper() for text in found.values() if text), found


def test_a_language_read_with_the_word_list_of_a_neighbour_says_nothing_of_it(tmp_path):
    """wordfreq has no list of Swiss German's own and reads German's for gsw, saying so on stderr in a line
    of its own: *You asked for word frequencies in language 'gsw'. Using the nearest match, which is 'de'.*,
    after tmtool's summary of a successful ingest (a fresh process: the list is read once a process)."""
    import subprocess
    import sys

    for lang, position in (("en", 0), ("gsw", 1)):
        (tmp_path / f"drill.{lang}.txt").write_text(
            "\n".join(pair[position] for pair in SWISS_GERMAN_VERB_LAST) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from tmtool.cli import main; sys.argv[0] = 'tmtool'; main()",
         "--db", str(tmp_path / "t.db"), "ingest", str(tmp_path / "drill.gsw.txt"), str(tmp_path / "drill.en.txt"),
         "--srclang", "gsw", "--tgtlang", "en"],
        capture_output=True, text=True, timeout=300)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.startswith("drill: 5 units, ")


def test_an_english_compound_pairs_with_a_spanish_phrase_without_its_article_or_complement():
    found = equivalents(build_english_glossary(pairs(SPANISH), "es", threshold=0.1), "es")
    assert found["supply chain"] == "cadena de suministro"  # not *la cadena …*, nor *… de munición*
    assert found["defence production"] == "producción de defensa"
    assert found["industry leader"] == "líder de la industria"  # capitalised by its place only; in the singular


def test_an_acronym_opening_its_sentence_keeps_its_capitals():
    heading = [("NATO air defence exercise", "NATO-Übung zur Luftverteidigung")] + GERMAN
    terms = [e.terms[0].text for e in build_english_glossary(pairs(heading), "de", threshold=0.0)]
    assert "NATO air defence exercise" in terms and "nato air defence exercise" not in terms


def write_pair(folder, name, sentences):
    english = folder / f"{name}.en.txt"
    german = folder / f"{name}.de.txt"
    english.write_text("\n".join(e for e, _ in sentences) + "\n", encoding="utf-8")
    german.write_text("\n".join(g for _, g in sentences) + "\n", encoding="utf-8")
    return english, german


def test_ingest_of_an_english_german_pair_proposes_entries(tmp_path):
    english, german = write_pair(tmp_path, "mines", GERMAN)
    with open_store(tmp_path / "t.db", create=True) as store:
        result = api.ingest(store, english, german, srclang="en", tgtlang="de")
        assert result["units"] == 5 and result["new_entries"] > 0
        entries = store.list_entries()
        entry = next(e for e in entries if e.terms[0].text == "air defence")
        assert [(t.lang, t.text) for t in entry.terms] == [("en", "air defence"), ("de", "Luftverteidigung")]
        assert entry.contexts and {c.unit for c in entry.contexts} <= {f"mines:{k}" for k in range(1, 6)}
        assert entry.contexts[0].en.startswith("The Allies") and entry.contexts[0].fr.startswith("Die Verbündeten")
        [(document, _)] = store.documents()
        assert document.terms is not None  # the release that extracted them
        # ingested again, nothing changes; re-extracted, the same entries
        assert api.ingest(store, english, german, srclang="en", tgtlang="de")["held_by"] == "mines"
        before = [(e.terms[0].text, [t.text for t in e.terms]) for e in store.list_entries()]
        api.reextract(store, ["mines"])
        assert [(e.terms[0].text, [t.text for t in e.terms]) for e in store.list_entries()] == before
    # looked up, a context's sentences are named by their languages
    shown = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "lookup", "Luftverteidigung"]).output
    assert shown.startswith("en: air defence  =  de: Luftverteidigung")
    assert "\n    de: Die Verbündeten vereinbarten" in shown and "\n    en: The Allies agreed" in shown


def test_a_context_of_an_english_german_entry_is_shown_and_written_in_german(tmp_path):
    from lxml import etree

    from workbench import client

    english, german = write_pair(tmp_path, "mines", GERMAN)
    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        api.ingest(store, english, german, srclang="en", tgtlang="de")
        entry = next(e for e in store.list_entries() if e.terms[0].text == "air defence")
    # TBX: the German sentence is the context of the German term, its English a note in English
    out = tmp_path / "g.tbx"
    done = CliRunner().invoke(main, ["--db", db, "export", "tbx", "-o", str(out), "--langs", "all", "--status", "all"])
    assert done.exit_code == 0, done.output
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    sections = {section.get(lang): section for section in etree.parse(str(out)).iter("{*}langSec")
                if section.findtext(".//{*}term") in ("air defence", "Luftverteidigung")}
    assert sections["de"].findtext(".//{*}descrip[@type='context']").startswith("Die Verbündeten")
    assert sections["en"].find(".//{*}descrip[@type='context']") is None
    # the workbench marks the sentence German, and the German term in it
    workbench, _ = client(db)
    page = workbench.get(f"/entries/{entry.id}").text
    assert '<p lang="de" dir="ltr">Die Verbündeten' in page
    card = workbench.get("/review", params={"q": "air defence"}).text
    assert '<p lang="de" dir="ltr">' in card and "<mark>Luftverteidigung</mark>" in card


def test_a_french_english_pair_is_extracted_as_before(tmp_path):
    """French terms first, their English equivalents after: the French–English extractor, not this one."""
    from conftest import SEED_EN, SEED_FR

    with open_store(tmp_path / "t.db", create=True) as store:
        api.ingest(store, SEED_FR, SEED_EN)
        entries = store.list_entries()
    assert entries and all(e.terms[0].lang == "fr" for e in entries)
    assert any(t.lang == "en" for e in entries for t in e.terms)


DRONES = [
    ("Navies work with autonomous underwater vehicles in the Baltic Sea.",
     "Marinen arbeiten mit autonomen Unterwasserfahrzeugen in der Ostsee."),
    ("The crews work with autonomous underwater vehicles every day.",
     "Die Besatzungen arbeiten täglich mit autonomen Unterwasserfahrzeugen."),
    ("Air defence radars watch the coast.", "Radare der Luftverteidigung überwachen die Küste."),
    ("With autonomous underwater vehicles, divers stay safe.",
     "Mit autonomen Unterwasserfahrzeugen bleiben Taucher sicher."),
]


def test_documents_add_up_to_one_equivalent_whatever_its_inflection(tmp_path):
    """Two German documents decline the equivalent differently: one German term, the other spelling a form of it."""
    with open_store(tmp_path / "t.db", create=True) as store:
        api.ingest(store, *write_pair(tmp_path, "mines", GERMAN), srclang="en", tgtlang="de")
        api.ingest(store, *write_pair(tmp_path, "drones", DRONES), srclang="en", tgtlang="de")
        entry = next(e for e in store.list_entries() if e.terms[0].text == "autonomous underwater vehicle")
    [german] = entry.terms_in("de")
    assert german.text == "autonome Unterwasserfahrzeuge" and "autonomen Unterwasserfahrzeugen" in german.forms
    assert {document for document, *_ in store_counts(tmp_path, entry)} == {"mines", "drones"}


def store_counts(tmp_path, entry):
    with open_store(tmp_path / "t.db") as store:
        return store.document_counts([int(entry.id)])[int(entry.id)]


# one sentence holds both words: without other evidence the aligner cannot tell them apart
CREW = [
    ("The minehunter crew trained in the harbour.", "Die Besatzung des Minenjagdboots übte im Hafen."),
    ("Host nation support was planned by the staff.", "Die Unterstützung durch den Gastgeberstaat wurde vom Stab geplant."),
    ("The staff also planned the exercise.", "Der Stab plante auch die Übung."),
]


def test_the_approved_glossary_is_evidence_for_the_word_alignment(tmp_path, monkeypatch):
    """As for French–English: an approved entry's terms are read as a short sentence pair by the aligner."""
    from tmtool import glossary
    from tmtool.model import Entry, ReviewStatus, Term

    def found(lexicon) -> dict:
        return equivalents(build_english_glossary(pairs(CREW), "de", lexicon=lexicon, threshold=0.0), "de")

    alone = found(())
    assert alone["minehunter"] == "Besatzung" and alone["crew"] is None
    approved = [("Minenjagdboot", "minehunter"), ("Besatzung", "crew")]
    assert found(approved)["crew"] == "Besatzung" and found(approved)["minehunter"] != "Besatzung"
    # ingest gives it the store's approved en–de entries
    from tmtool.terms import pivot

    given = []
    monkeypatch.setattr(pivot, "build_english_glossary",
                        lambda *args, lexicon=(), **kw: given.append(lexicon) or build_english_glossary(
                            *args, lexicon=lexicon, **kw))
    with open_store(tmp_path / "t.db", create=True) as store:
        for german, english in approved:
            glossary.add_entry(store, Entry([Term(english, "en"), Term(german, "de")], status=ReviewStatus.APPROVED))
        api.ingest(store, *write_pair(tmp_path, "crew", CREW), srclang="en", tgtlang="de")
    assert given == [approved]


# written for this test, in Swiss German: an article (*d*, *s*, *em*, *es*) before the noun the English term names,
# inside the sentence, where a capital says nothing of it
SWISS_GERMAN_ARTICLES = [
    ("The member states approved the plan.", "Zerscht händ d Mitgliedstaate de Plan guetgheisse."),
    ("Yesterday the member states met in Brussels.", "Geschter sind d Mitgliedstaate z Brüssel zämecho."),
    ("Each of the member states sends an officer.", "Jede vo de Mitgliedstaate schickt en Offizier."),
    ("In the command the officers plan the exercise.", "Im Kommando planed d Offizier d Üebig."),
    ("The command leads the exercise in the north.", "Jetzt füert s Kommando d Üebig im Norde."),
    ("The officers of the command met in Bern.", "D Offizier vom Kommando sind z Bern zämecho."),
    ("Later the exercise ended in the harbour.", "Spöter isch d Üebig im Hafe z End gange."),
]


def test_a_swiss_german_span_opens_on_no_article_of_the_dialects():
    """wordfreq reads German's list for Swiss German, which knows none of the dialect's articles: a span
    opened on one, *member state* = *d Mitgliedstaate*, *command* = *s Kommando*. The dialect's function
    words come from the Swiss German UD treebank's closed classes (tmtool/terms/data/README.md)."""
    from tmtool.terms.pivot import function_words

    words = function_words("gsw", [])
    assert {"d", "s", "es", "em", "de", "dä", "isch"} <= words and "und" in words
    assert "wäg" not in words and "andere" not in words  # tagged NOUN, ADJ in the treebank too
    assert function_words("de", []) == function_words("de-CH", []) and "d" not in function_words("de", [])
    for sentences in (SWISS_GERMAN_ARTICLES, SWISS_GERMAN_VERB_LAST):
        found = equivalents(build_english_glossary(pairs(sentences), "gsw", threshold=0.0), "gsw")
        assert found["member state"] == "Mitgliedstaate" and found["command"] == "Kommando", found
        assert not [text for text in found.values() if text and text.split()[0].lower() in words], found


# written for this test: a person named with a courtesy title, in English and Polish
POLISH_PERSONS = [
    ("Prof. Jan Nowak of the War Studies Academy presented the report on critical infrastructure.",
     "Prof. Jan Nowak z Akademii Sztuki Wojennej przedstawił raport o infrastrukturze krytycznej."),
    ("Dr Anna Lis thanked Prof. Jan Nowak of the War Studies Academy.",
     "Dr Anna Lis podziękowała prof. Janowi Nowakowi z Akademii Sztuki Wojennej."),
    ("Critical infrastructure needs protection.", "Infrastruktura krytyczna wymaga ochrony."),
    ("Dr Anna Lis leads the protection of critical infrastructure.",
     "Dr Anna Lis kieruje ochroną infrastruktury krytycznej."),
]


def test_a_person_named_with_a_courtesy_title_is_no_term_of_a_pair_with_english():
    """A person's name is written alike in both languages and left out as such (``_untranslated_name``), but
    for the title before it, which the languages write apart: *Dr Anna Lis* = *Anna Lis*, *Prof. Jan Nowak of
    the War Studies Academy* = *Jan Nowak z Akademii Sztuki* were proposed as terms."""
    terms = [e.terms[0].text for e in build_english_glossary(pairs(POLISH_PERSONS), "pl", threshold=0.0)]
    assert "critical infrastructure" in terms
    assert [t for t in terms if any(name in t for name in ("Nowak", "Lis"))] == [], terms


# written for this test: a heading and sentences in Polish and Russian, whose nouns take no capital
HEADINGS = {
    "pl": [("Protection of critical infrastructure", "Ochrona infrastruktury krytycznej"),
           ("The protection of critical infrastructure is expensive.", "Ochrona infrastruktury krytycznej jest droga."),
           ("Hybrid attacks threaten critical infrastructure.", "Ataki hybrydowe zagrażają infrastrukturze krytycznej."),
           ("The government finances the protection of critical infrastructure.",
            "Rząd finansuje ochronę infrastruktury krytycznej."),
           ("Critical infrastructure needs protection.", "Infrastruktura krytyczna wymaga ochrony.")],
    "ru": [("Defence ministers met in Riga.", "Министры обороны встретились в Риге."),
           ("Defence ministers discussed the exercise.", "Министры обороны обсудили учения."),
           ("The exercise ended in June.", "Учения закончились в июне.")],
}


def test_an_equivalent_opening_its_sentence_takes_no_capital_from_its_place_in_a_language_without_capital_nouns():
    """Polish and Russian give a common noun no capital: the one a span takes from opening its sentence (a
    heading's first word, *Ochrona infrastruktury krytycznej*, *Министры обороны*) is its place's, where the
    English term is no name; German keeps its nouns' (``test_a_german_equivalent_closes_on_a_noun_...``)."""
    found = equivalents(build_english_glossary(pairs(HEADINGS["pl"]), "pl", threshold=0.0), "pl")
    assert found["protection of critical infrastructure"] == "ochrona infrastruktury krytycznej", found
    found = equivalents(build_english_glossary(pairs(HEADINGS["ru"]), "ru", threshold=0.0), "ru")
    assert found["defence minister"] == "министры обороны", found


# written for this test: a Polish name and a term in the cases their sentences give them, each in the nominative once
POLISH_CASES = [
    ("The navy patrols the Baltic Sea every day.", "Marynarka wojenna patroluje Morze Bałtyckie każdego dnia."),
    ("The exercise took place in the Baltic Sea.", "Ćwiczenia odbyły się na Morzu Bałtyckim."),
    ("Ships of the navy trained in the Baltic Sea.", "Okręty marynarki wojennej ćwiczyły na Morzu Bałtyckim."),
    ("The government finances the protection of critical infrastructure.",
     "Rząd finansuje ochronę infrastruktury krytycznej."),
    ("The protection of critical infrastructure is expensive.", "Ochrona infrastruktury krytycznej jest droga."),
    ("The minister spoke about the protection of critical infrastructure.",
     "Minister mówił o ochronie infrastruktury krytycznej."),
    ("Hybrid attacks threaten the protection of critical infrastructure.",
     "Ataki hybrydowe zagrażają ochronie infrastruktury krytycznej."),
]


def test_a_polish_equivalent_is_given_in_the_nominative_its_sentences_show():
    """A Polish noun and its adjectives take the case of their place (*na Morzu Bałtyckim*, locative): the form
    most sentences showed was proposed, *Baltic Sea* = *Morzu Bałtyckim*, though one gave the nominative. Of the
    forms of one equivalent, the one whose inflected words carry no oblique case ending is given; its genitive
    complement, the same in every form, stays (*ochrona infrastruktury krytycznej*)."""
    found = equivalents(build_english_glossary(pairs(POLISH_CASES), "pl", threshold=0.0), "pl")
    assert found["Baltic Sea"] == "Morze Bałtyckie", found
    forms = Counter({"ochronę infrastruktury krytycznej": 2, "ochroną infrastruktury krytycznej": 1,
                     "ochrona infrastruktury krytycznej": 1})
    assert _citation_form(forms, "pl") == "ochrona infrastruktury krytycznej"
    assert _citation_form(forms, "es") == "ochronę infrastruktury krytycznej"  # no rules: the most frequent
    # a noun whose nominative ends as an oblique case does (*kolej*, railway; genitive *kolei*) is told by its place:
    # the English phrase no preposition governs (*The railway connects …*, not *of the railway*)
    assert _citation_form(Counter({"kolei": 2, "kolej": 1}), "pl", {"kolej"}) == "kolej"
    # a form no other form varies from is given as the sentences write it: no nominative is made up
    assert _citation_form(Counter({"Morzu Bałtyckim": 3}), "pl") == "Morzu Bałtyckim"


# written for this test: English terms met in the plural only, and their Spanish renderings, plural too
SPANISH_PLURALS = [
    ("Early warning radars, missile defence systems and AWACS aircraft form a single network.",
     "Los radares de alerta temprana, los sistemas de defensa antimisiles y los aviones AWACS forman una sola red."),
    ("Defence ministers agreed last month to invest in new air defence systems.",
     "Los ministros de Defensa acordaron el mes pasado invertir en nuevos sistemas de defensa aérea."),
    ("Annual exercises test the interoperability of the air defence systems of the Allies.",
     "Los ejercicios anuales ponen a prueba la interoperabilidad de los sistemas de defensa aérea de los Aliados."),
    ("The defence ministers met in Brussels.", "Los ministros de Defensa se reunieron en Bruselas."),
    ("Reconnaissance aircraft and transport aircraft fly between Kaliningrad and Russia.",
     "Los aviones de reconocimiento y los aviones de transporte vuelan entre Kaliningrado y Rusia."),
    ("The fighters identified two reconnaissance aircraft.", "Los cazas identificaron dos aviones de reconocimiento."),
    ("The new radars protect the air bases.", "Los nuevos radares protegen las bases aéreas."),
    ("The air policing missions continue in the Baltic region.",
     "Las misiones de policía aérea continúan en la región del Báltico."),
    ("Air policing missions need fighters.", "Las misiones de policía aérea necesitan cazas."),
]


def test_a_spanish_equivalent_of_an_english_term_met_in_the_plural_only_is_given_in_the_singular():
    """The English term is given in the singular (its lemma), its equivalent was given as the sentences wrote it:
    *defence system* = *sistemas de defensa*, *defence minister* = *ministros de Defensa*, *radar* = *radares*. The
    head and the words agreeing with it before the complement are read as singulars by the language's plural
    endings, the reading Spanish uses more than the plural (wordfreq) taken, its accent restored (*misiones*:
    *misión*); the complement keeps its number, and a name its form (*Aliados*)."""
    found = equivalents(build_english_glossary(pairs(SPANISH_PLURALS), "es", threshold=0.0), "es")
    assert found["defence system"] == "sistema de defensa" and found["defence minister"] == "ministro de Defensa"
    assert found["radar"] == "radar" and found["new radar"] == "nuevo radar", found
    assert found["air policing mission"] == "misión de policía aérea"
    assert found["reconnaissance aircraft"] == "aviones de reconocimiento"  # English says no number: as written
    assert found["Allies"] == "Aliados" and found["interoperability"] == "interoperabilidad"


# written for this test: countries named together, and one name whose words are coordinated inside it
LISTED_NAMES = [
    ("The Suwałki Gap connects Poland and Lithuania.", "De Suwałki-corridor verbindt Polen en Litouwen."),
    ("Soldiers from Czechia and Belgium serve in the battlegroup.",
     "Militairen uit Tsjechië en België dienen in de gevechtsgroep."),
    ("The battlegroup trains with the Lithuanian Army.", "De gevechtsgroep oefent met het Litouwse leger."),
    ("The battlegroup protects Lithuania.", "De gevechtsgroep beschermt Litouwen."),
    ("The NATO Science and Technology Organization supports the battlegroup.",
     "De NAVO-organisatie voor wetenschap en technologie steunt de gevechtsgroep."),
]


def test_two_names_coordinated_are_no_term():
    """*Poland and Lithuania*, *Czechia and Belgium* name two countries, not one concept: they were proposed (0.79
    and 0.75 in an article on the battlegroup in Lithuania), above most of its terms. Each name stays a candidate of
    its own, and so does a name whose words are coordinated inside it."""
    from tmtool.terms.pivot import extract_english

    for terms in ([e.terms[0].text for e in build_english_glossary(pairs(LISTED_NAMES), "nl", threshold=0.0)],
                  [e.terms[0].text for e in extract_english([Context("", en, "d", f"d:{k}")
                                                             for k, (en, _) in enumerate(LISTED_NAMES)], top=50)]):
        assert "battlegroup" in terms and "Lithuania" in terms and "NATO Science and Technology Organization" in terms
        assert not [t for t in terms if " and " in t and "Organization" not in t], terms


# written for this test: verbs EWT (web text) shows seldom or never, that the tagger reads as the head of the
# noun before them; the sentences' German renders them as verbs
HIDDEN_VERBS = [
    ("Autonomous underwater vehicles map the seabed before the divers arrive.",
     "Autonome Unterwasserfahrzeuge kartieren den Meeresboden, bevor die Taucher eintreffen."),
    ("The annual exercise tests the readiness of the battlegroup.",
     "Die jährliche Übung erprobt die Einsatzbereitschaft der Kampfgruppe."),
    ("Allied aircraft patrol the Baltic airspace around the clock.",
     "Alliierte Flugzeuge überwachen rund um die Uhr den baltischen Luftraum."),
    ("The German contingent arrives in Lithuania next week.",
     "Das deutsche Kontingent trifft nächste Woche in Litauen ein."),
    ("The programme benefits from the support of twelve Allies.",
     "Das Programm profitiert von der Unterstützung von zwölf Verbündeten."),
    ("The battlegroup relies on autonomous underwater vehicles and on the German contingent.",
     "Die Kampfgruppe stützt sich auf autonome Unterwasserfahrzeuge und auf das deutsche Kontingent."),
    ("NATO air policing in the Baltic region", "NATO-Luftraumüberwachung in der baltischen Region"),
    ("The battlegroup receives host nation support from Lithuania.",
     "Die Kampfgruppe erhält Unterstützung durch die Gastnation Litauen."),
]


def test_an_english_verb_the_tagger_reads_as_a_noun_is_in_no_english_term():
    """A verb EWT seldom shows (*map*, *patrol*, *tests*) after the noun that is its subject was read as that
    noun's head, and the subject and verb were proposed together: *autonomous underwater vehicles map*,
    *exercise test*, *Allied aircraft patrol*, *German contingent arrives*, the commonest noise of the English-led
    glossary. A heading needs no verb (*NATO air policing in*), nor does a clause that has one (*receives host
    nation support from*)."""
    from tmtool.terms.pivot import extract_english

    glossary = [e.terms[0].text for e in build_english_glossary(pairs(HIDDEN_VERBS), "de", threshold=0.0)]
    alone = [e.terms[0].text for e in extract_english([Context("", en, "d", f"d:{k}")
                                                       for k, (en, _) in enumerate(HIDDEN_VERBS)], top=80)]
    for terms in (glossary, alone):
        assert "autonomous underwater vehicle" in terms and "German contingent" in terms, terms
        assert not {"map", "test", "tests", "patrol", "arrives", "benefits"} & {w for t in terms for w in t.split()}, terms
        assert "NATO air policing" in terms and "host nation support" in terms, terms


# written for this test: countries whose one name is two names and *and*, beside two countries coordinated
ONE_COUNTRY = [
    ("NATO trains the armed forces of Bosnia and Herzegovina.",
     "Die NATO bildet die Streitkräfte von Bosnien und Herzegowina aus."),
    ("The Alliance supports Bosnia and Herzegovina on its path of reform.",
     "Das Bündnis unterstützt Bosnien und Herzegowina auf seinem Reformweg."),
    ("Trinidad and Tobago sent observers to the exercise.", "Trinidad und Tobago entsandte Beobachter zur Übung."),
    ("Antigua and Barbuda joined the programme.", "Antigua und Barbuda trat dem Programm bei."),
    ("The Suwałki Gap connects Poland and Lithuania.", "Die Suwałki-Lücke verbindet Polen und Litauen."),
    ("The armed forces of Poland train in Lithuania.", "Die Streitkräfte Polens üben in Litauen."),
]


def test_a_country_whose_one_name_holds_and_is_a_term():
    """Two names and *and* are no term (*Poland and Lithuania*), but *Bosnia and Herzegovina*, *Trinidad and Tobago*
    and *Antigua and Barbuda* are each one country's name, as the registry of region names says, and were dropped;
    *Bosnia* and *Herzegovina* are no country of their own there."""
    from tmtool.terms.pivot import extract_english

    glossary = build_english_glossary(pairs(ONE_COUNTRY), "de", threshold=0.0)
    found = equivalents(glossary, "de")
    assert found["Bosnia and Herzegovina"] == "Bosnien und Herzegowina", found
    assert "Trinidad and Tobago" in found and "Antigua and Barbuda" in found, found
    alone = [e.terms[0].text for e in extract_english([Context("", en, "d", f"d:{k}")
                                                       for k, (en, _) in enumerate(ONE_COUNTRY)], top=80)]
    for terms in (list(found), alone):
        assert "Bosnia and Herzegovina" in terms and "Poland and Lithuania" not in terms, terms
        assert not {"Bosnia", "Herzegovina", "Tobago", "Barbuda"} & set(terms), terms
        assert "Poland" in terms and "Lithuania" in terms, terms


# written for this test: two countries coordinated whose coordination the registry names too, a group of
# countries (UN M.49's *Australia and New Zealand*) or a country of old (*Serbia and Montenegro*, until 2006)
TWO_COUNTRIES = [
    ("Australia and New Zealand contributed troops to the mission in Afghanistan.",
     "Australien und Neuseeland stellten Truppen für die Mission in Afghanistan."),
    ("NATO deepens its dialogue with Australia and New Zealand.",
     "Die NATO vertieft ihren Dialog mit Australien und Neuseeland."),
    ("Serbia and Montenegro took part in the regional exercise.",
     "Serbien und Montenegro nahmen an der regionalen Übung teil."),
    ("The Alliance welcomes the cooperation between Serbia and Montenegro.",
     "Das Bündnis begrüßt die Zusammenarbeit zwischen Serbien und Montenegro."),
    ("The Allies support Bosnia and Herzegovina.", "Die Verbündeten unterstützen Bosnien und Herzegowina."),
]


def test_two_countries_coordinated_are_two_terms_though_the_registry_names_them_together():
    """The registry's region names hold groupings of countries and former countries beside the countries: read as
    one name, *Australia and New Zealand* and *Serbia and Montenegro* were proposed and *Australia*, *New
    Zealand*, *Serbia*, *Montenegro* dropped as their pieces."""
    from tmtool.terms.pivot import extract_english

    found = equivalents(build_english_glossary(pairs(TWO_COUNTRIES), "de", threshold=0.0), "de")
    alone = [e.terms[0].text for e in extract_english([Context("", en, "d", f"d:{k}")
                                                       for k, (en, _) in enumerate(TWO_COUNTRIES)], top=80)]
    for terms in (list(found), alone):
        assert {"Australia", "New Zealand", "Serbia", "Bosnia and Herzegovina"} <= set(terms), terms
        assert "Serbia and Montenegro" not in terms, terms
    assert "Montenegro" in alone  # in German as in English: a name left untranslated, no glossary entry
    assert found["Serbia"] == "Serbien" and found["New Zealand"] == "Neuseeland", found


def test_a_name_opening_on_a_country_named_with_and_has_no_piece_cut_at_its_and():
    """*Tobago Defence Force* was kept beside *Trinidad and Tobago Defence Force*, read as a name coordinated after
    *and* (as *Mediterranean Dialogue* of *Partnership for Peace and Mediterranean Dialogue*); the country's name
    is one, and a phrase cutting it is a piece."""
    from tmtool.terms.pivot import extract_english

    sentences = ["The Trinidad and Tobago Defence Force sent observers to the exercise.",
                 "The Trinidad and Tobago Defence Force sends two officers to the course.",
                 "NATO invited the Trinidad and Tobago Defence Force to the exercise."]
    terms = [e.terms[0].text for e in extract_english([Context("", en, "d", f"d:{k}")
                                                       for k, en in enumerate(sentences)], top=80)]
    assert "Trinidad and Tobago Defence Force" in terms, terms
    assert not [t for t in terms if "Tobago" in t and t.split()[0] != "Trinidad"], terms


# written for this test: Dutch main clauses opening on an adverbial put the finite verb second, before the subject
# (*Elk jaar oefent de gevechtsgroep*), where English puts the subject first (*Every year the battlegroup practises*)
DUTCH_VERB_SECOND = [
    ("Tomorrow NATO strengthens its eastern flank.", "Morgen versterkt de NAVO haar oostflank."),
    ("This spring the Allies will strengthen air defence on the eastern flank.",
     "Dit voorjaar versterken de bondgenoten de luchtverdediging op de oostflank."),
    ("In Lithuania the battlegroup trains with the Lithuanian army.",
     "In Litouwen oefent de gevechtsgroep met het Litouwse leger."),
    ("Every year the battlegroup practises the defence of the Suwałki Gap.",
     "Elk jaar oefent de gevechtsgroep de verdediging van de Suwałki-corridor."),
    ("The air defence of the Baltic states depends on Patriot batteries.",
     "De luchtverdediging van de Baltische staten hangt af van Patriot-batterijen."),
    ("Since 2017 the battlegroup protects Lithuania.", "Sinds 2017 beschermt de gevechtsgroep Litouwen."),
    ("Next year Germany sends a brigade to Lithuania.", "Volgend jaar stuurt Duitsland een brigade naar Litouwen."),
    ("The brigade will protect the eastern flank.", "De brigade zal de oostflank beschermen."),
    ("Air defence remains a priority for the Allies.", "Luchtverdediging blijft een prioriteit voor de bondgenoten."),
    ("Today the ministers discuss the supply chain for ammunition.",
     "Vandaag bespreken de ministers de toeleveringsketen voor munitie."),
    ("The supply chain for ammunition is vulnerable.", "De toeleveringsketen voor munitie is kwetsbaar."),
    ("In June the defence ministers approved new capability targets.",
     "In juni keurden de ministers van Defensie nieuwe capaciteitsdoelen goed."),
]


def test_a_dutch_equivalent_takes_no_finite_verb_put_second_in_a_main_clause():
    """The word aligner's pull to the diagonal linked the verb a Dutch main clause puts second, after an adverbial
    and before its subject, to the English subject that comes there: *battlegroup* = *oefent*, *Germany* =
    *stuurt*, *June* = *juni keurden*. Where the English sentence opens on an adverbial, the word after the Dutch
    rendering of it is that verb, in no span; the subordinate clause's rule and the other terms are as they were.
    *Tomorrow*, opening its sentence, is tagged a verb, which EWT never shows it as: it is read as the adverbial."""
    from tmtool.terms.pivot import _Spans

    spans = _Spans(pairs(DUTCH_VERB_SECOND), "nl", [])
    assert [spans.words[n][0][spans._second_place(n)].text for n in (0, 2, 11)] == ["versterkt", "oefent", "keurden"]
    found = equivalents(build_english_glossary(pairs(DUTCH_VERB_SECOND), "nl", threshold=0.0), "nl")
    verbs = {"versterkt", "versterken", "oefent", "beschermt", "stuurt", "bespreken", "keurden"}
    assert not {w for text in found.values() if text for w in text.lower().split()} & verbs, found
    assert found["June"] == "juni" and found["Baltic state"] == "Baltische staten", found
    assert found["air defence"] == "luchtverdediging" and found["supply chain"] == "toeleveringsketen", found


# written for this test: German main clauses opening on a long adverbial, whose German has fewer words (*Am*, *Im*:
# a preposition and its article in one word; *des Bündnisses* for *of the Alliance*)
GERMAN_LONG_ADVERBIAL = [
    ("At the end of the exercise the minesweepers return to port.",
     "Am Ende der Übung kehren die Minenräumboote in den Hafen zurück."),
    ("In the eastern part of the Alliance the multinational battlegroups train every month.",
     "Im östlichen Teil des Bündnisses üben die multinationalen Kampfgruppen jeden Monat."),
    ("Old sea mines remain a danger in the Baltic Sea.", "Alte Seeminen bleiben eine Gefahr in der Ostsee."),
    ("The exercise lasts two weeks.", "Die Übung dauert zwei Wochen."),
    ("Divers of the Baltic states support the exercise.", "Taucher der baltischen Staaten unterstützen die Übung."),
]


def test_a_long_opening_adverbial_is_not_read_as_rendered_word_for_word():
    """The verb put second was looked for as many words in as the English adverbial has: after *At the end of the
    exercise* (six words; *Am Ende der Übung*, four) that is *Minenräumboote*, the subject, which no span could then
    hold (*minesweeper* without an equivalent), and after *In the eastern part of the Alliance* *multinationalen*
    (*multinational battlegroup* = *Kampfgruppen*)."""
    found = equivalents(build_english_glossary(pairs(GERMAN_LONG_ADVERBIAL), "de", threshold=0.0), "de")
    assert found["minesweeper"] == "Minenräumboot", found  # in the singular, as the English term
    assert found["multinational battlegroup"] == "multinationalen Kampfgruppen", found


# written for this test: a short article on the eastern flank in English and Dutch
DUTCH_ARTICLE = [
    ("Next week the Allies will deploy additional Patriot batteries to Poland and Lithuania.",
     "Volgende week zetten de bondgenoten extra Patriot-batterijen in Polen en Litouwen in."),
    ("The German contingent arrives in Lithuania on Monday.", "Het Duitse contingent komt maandag in Litouwen aan."),
    ("The multinational battlegroup trains with Lithuanian units at the Pabradė training area.",
     "De multinationale gevechtsgroep oefent met Litouwse eenheden op het oefenterrein van Pabradė."),
    ("Autonomous underwater vehicles map the seabed in the Baltic Sea before the clearance divers go down.",
     "Autonome onderwatervoertuigen brengen de zeebodem van de Oostzee in kaart voordat de mijnenduikers afdalen."),
    ("The exercise tests the readiness of the NATO Response Force.",
     "De oefening test de paraatheid van de NATO Response Force."),
    ("Allied aircraft patrol the Baltic airspace around the clock.",
     "Geallieerde vliegtuigen patrouilleren de klok rond in het Baltische luchtruim."),
    ("The defence ministers approved new capability targets for integrated air and missile defence.",
     "De ministers van Defensie keurden nieuwe capaciteitsdoelen voor geïntegreerde lucht- en raketverdediging goed."),
    ("Military mobility depends on strong bridges and rail lines across Europe.",
     "Militaire mobiliteit hangt af van sterke bruggen en spoorlijnen in heel Europa."),
    ("Host nation support remains essential for the rapid reinforcement of the eastern flank.",
     "Steun van het gastland blijft essentieel voor de snelle versterking van de oostflank."),
]


def test_an_equivalent_neither_opens_nor_closes_on_the_word_an_english_verb_links_to_most():
    """A Dutch main clause opening on its subject puts its finite verb right after it (*Autonome
    onderwatervoertuigen brengen …*), and the word aligner's pull to the diagonal linked that verb to the English
    subject's last word: *autonomous underwater vehicle* = *autonome onderwatervoertuigen brengen*. The word each
    English verb links to most renders it: a span neither opens nor closes on it."""
    found = equivalents(build_english_glossary(pairs(DUTCH_ARTICLE), "nl", threshold=0.0), "nl")
    assert found["autonomous underwater vehicle"] == "autonome onderwatervoertuigen", found
    assert not [text for text in found.values() if text and text.split()[-1] in ("brengen", "komt", "oefent")], found
    assert found["multinational battlegroup"] == "multinationale gevechtsgroep", found


def test_an_english_dutch_glossary_reads_spacy_s_words_of_grammar_without_importing_spacy():
    """The words of grammar of a verb-final language are spaCy's stop words for it, and importing their module
    imported spaCy whole: 0.6 s of CPU, a fifth of an English–German ingest of a page, which needs nothing else of it.
    The list's file is read alone: the same words (*omdat*, *wanneer*), spaCy not imported."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tmtool.model import Context\n"
        "from tmtool.terms.pivot import _grammar_words, build_english_glossary\n"
        f"pairs = [Context(other, english, 'news', f'news:{{k}}') for k, (english, other) in enumerate({DUTCH_ARTICLE!r})]\n"
        "found = {e.terms[0].text: e.terms[-1].text for e in build_english_glossary(pairs, 'nl', threshold=0.0)}\n"
        "words = _grammar_words('nl')\n"
        "print(found['autonomous underwater vehicle'], 'omdat' in words, 'wanneer' in words, 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.stdout.split("\n")[0] == "autonome onderwatervoertuigen True True False", done.stdout + done.stderr
    from importlib import import_module

    from tmtool.terms.pivot import _grammar_words
    from tmtool.terms.wordalign import plain_words

    listed = import_module("spacy.lang.nl.stop_words").STOP_WORDS
    assert _grammar_words("nl") == {w.text for word in listed for w in plain_words(word)}


# written for this test: sea mines only in the plural, Seeminen in every German sentence
GERMAN_SEA_MINES = [
    ("Sea mines remain a danger to merchant shipping.", "Seeminen bleiben eine Gefahr für die Handelsschifffahrt."),
    ("The minehunters cleared sea mines near the coast.", "Die Minenjagdboote räumten Seeminen vor der Küste."),
    ("Divers searched for sea mines in shallow water.", "Taucher suchten in flachen Gewässern nach Seeminen."),
    ("The ministers discussed the costs of the operation.", "Die Minister erörterten die Kosten des Einsatzes."),
    ("Soldiers guard the borders day and night.", "Soldaten bewachen die Grenzen Tag und Nacht."),
]


def test_a_german_plural_in_n_is_read_as_its_noun_in_e_not_as_a_shorter_frequent_word():
    """*Minen* reads as *Mine* (-n) or *Min* (-en); the word list holds both, *min* (an abbreviation) more: the
    glossary gave *sea mine* = *Seemin*. The longer reading the list confirms is the singular."""
    found = equivalents(build_english_glossary(pairs(GERMAN_SEA_MINES), "de", threshold=0.0), "de")
    assert found["sea mine"] == "Seemine", found


def test_a_compound_s_first_part_is_a_word_not_a_letter_or_two_the_word_list_holds():
    """The last part of a compound is read on only after a first part of a word's length: *Kosten* is no *K* +
    *Osten*, *Daten* no *D* + *aten*, Dutch *schepen* (ships) no *sc* + *hepen*; they stay as written rather
    than become *Kost*, *Date*, *schep*. A compound still reads on its last part (*Truppenbewegungen*)."""
    from tmtool.terms.pivot import _Spans

    spans = _Spans.__new__(_Spans)
    spans.frequent = set()  # no word of grammar in these single words
    assert spans._singular("Daten", "de") == "Daten"
    assert spans._singular("schepen", "nl") == "schepen"
    assert spans._singular("kosten", "nl") == "kosten"
    assert spans._singular("zeestrijdkrachten", "nl") == "zeestrijdkrachten"  # *strijdkrachten*, no singular
    assert spans._singular("Truppenbewegungen", "de") == "Truppenbewegung"
    assert spans._singular("Schifffahrtswege", "de") == "Schifffahrtsweg"


# written for this test: risks and training centres only in the plural, their German plurals of a loanword's -o, -um
GERMAN_LOANWORD_PLURALS = [
    ("Cyber risks threaten the energy networks of the Allies.", "Cyberrisiken bedrohen die Energienetze der Verbündeten."),
    ("The ministers assessed the risks to critical infrastructure.",
     "Die Minister bewerteten die Risiken für kritische Infrastruktur."),
    ("New risks arise from hybrid threats.", "Neue Risiken entstehen durch hybride Bedrohungen."),
    ("Training centres in Poland host the exercise.", "Ausbildungszentren in Polen richten die Übung aus."),
    ("The training centres opened new ranges.", "Die Ausbildungszentren eröffneten neue Schießbahnen."),
    ("The Allies share the risks of the mission.", "Die Verbündeten teilen die Risiken der Mission."),
]


def test_a_german_plural_of_a_loanword_is_read_as_its_singular_in_o_or_um_and_keeps_its_sharp_s():
    """*Risiken* is the plural of *Risiko*, *Zentren* of *Zentrum* (-en for a loanword's -o, -um, -a, -us, -on): the
    glossary gave *risk* = *Risike* (the last letters *iken* read as a word of their own) and *training centre* =
    *Ausbildungszentren*; and a singular is written as the text spells it: *Schießbahn*, not *Schiessbahn*, the
    matching key's folding."""
    found = equivalents(build_english_glossary(pairs(GERMAN_LOANWORD_PLURALS), "de", threshold=0.0), "de")
    assert found["risk"] == "Risiko", found
    assert found["training centre"] == "Ausbildungszentrum" and found["range"] == "Schießbahn"


def test_german_plurals_of_loanwords_and_plural_nouns():
    """The singulars bench/plurals.py measures on WiktionaryDE's plurals: a loanword's (*Themen*, *Museen*, *Konten*,
    *Algorithmen*, *Stadien*), a feminine in -in (*Ärztinnen*), and *Studien* as *Studie* (its shortest ending), not
    *Studium*; *Kosten* and *Daten* stay plural nouns."""
    from tmtool.terms.pivot import _Spans

    spans = _Spans.__new__(_Spans)
    spans.frequent = set()  # no word of grammar in these single words
    read = {word: spans._singular(word, "de") for word in
            ("Themen", "Museen", "Konten", "Algorithmen", "Stadien", "Ärztinnen", "Studien", "Minen", "Kosten", "Daten")}
    assert read == {"Themen": "Thema", "Museen": "Museum", "Konten": "Konto", "Algorithmen": "Algorithmus",
                    "Stadien": "Stadion", "Ärztinnen": "Ärztin", "Studien": "Studie", "Minen": "Mine", "Kosten": "Kosten",
                    "Daten": "Daten"}


# written for these tests: ships and minehunters only in the plural, indefinite and definite (the article after them)
SWEDISH_PLURALS = [
    ("The minehunters cleared sea mines near the coast.", "Minröjningsfartygen röjde sjöminor nära kusten."),
    ("Sea mines remain a danger to merchant ships.", "Sjöminor är fortfarande en fara för handelsfartyg."),
    ("The divers searched for sea mines in shallow waters.", "Dykarna sökte efter sjöminor i grunt vatten."),
    ("The minehunters returned to the naval base.", "Minröjningsfartygen återvände till marinbasen."),
    ("Merchant ships use the shipping lanes every day.", "Handelsfartyg använder farlederna varje dag."),
    ("The exercise tested underwater drones.", "Övningen testade undervattensdrönare."),
]
DANISH_PLURALS = [
    ("The minehunters cleared sea mines near the coast.", "Minerydningsskibene ryddede søminer nær kysten."),
    ("Sea mines remain a danger to merchant ships.", "Søminer er stadig en fare for handelsskibe."),
    ("The divers searched for sea mines in shallow waters.", "Dykkerne søgte efter søminer på lavt vand."),
    ("The minehunters returned to the naval base.", "Minerydningsskibene vendte tilbage til flådebasen."),
    ("Merchant ships use the shipping lanes every day.", "Handelsskibe bruger sejlruterne hver dag."),
    ("The soldiers guard the borders.", "Soldaterne bevogter grænserne."),
]


def test_a_swedish_or_danish_equivalent_met_in_the_plural_only_is_given_in_the_singular():
    """Swedish and Danish had no plural endings: *minehunter* = *minröjningsfartygen*, *sea mine* = *sjöminor*, Danish
    *handelsskibe*, *soldaterne*, *grænserne*. Their plurals (-ar, -or, -er; -er, -e) and the definite article after
    them (-na, -en; -ne, -ene) are read off, the longest ending first: *fartygen* is *fartyg*, *skibene* *skib*."""
    swedish = equivalents(build_english_glossary(pairs(SWEDISH_PLURALS), "sv", threshold=0.0), "sv")
    assert swedish["minehunter"] == "minröjningsfartyg" and swedish["sea mine"] == "sjömina", swedish
    danish = equivalents(build_english_glossary(pairs(DANISH_PLURALS), "da", threshold=0.0), "da")
    assert danish["minehunter"] == "minerydningsskib" and danish["merchant ship"] == "handelsskib", danish
    assert danish["soldier"] == "soldat" and danish["border"] == "grænse"


# written for this test: sea mines only in the plural, indefinite and definite
DANISH_MINES = [
    ("The mines were cleared by divers.", "Minerne blev ryddet af dykkere."),
    ("Mines threaten shipping in the Baltic Sea.", "Miner truer skibsfarten i Østersøen."),
    ("The navy counts the mines every year.", "Flåden tæller minerne hvert år."),
    ("Old mines remain on the seabed.", "Gamle miner ligger stadig på havbunden."),
]


def test_a_plural_is_not_read_as_a_word_of_grammar_where_its_ending_has_another_reading():
    """Danish *miner*, *minerne*, *varer* are the plurals of *mine*, *vare*: of the readings of their ending, *min*
    (my), *var* (was) are the more frequent, words of grammar (among wordfreq's most frequent), which a noun's
    singular seldom is; where no other reading is confirmed, it may be one (*dage*: *dag*, a day)."""
    from tmtool.terms.pivot import singular_of

    read = [singular_of(word, "da") for word in ("miner", "minerne", "varer", "dage")]
    assert read == ["mine", "mine", "vare", "dag"]
    assert equivalents(build_english_glossary(pairs(DANISH_MINES), "da", threshold=0.0), "da")["mine"] == "mine"


# a few lines of Debian's hunspell-de-de (igerman98) and hunspell-da, as they ship them (Danish: FLAG num)
GERMAN_AFF = """SET UTF-8
SFX N Y 1
SFX N   0       n          .
SFX P Y 1
SFX P   0       en         .
SFX S Y 1
SFX S   0       s          .
SFX W Y 2
SFX W   en      0          en
SFX W   n       0          [^e]n
SFX X Y 1
SFX X   en      t          [^ditmnw]en
"""
GERMAN_DIC = "7\nWare/Nm\nWaren/hij\nwaren/WXke\nPost/Pmij\nPosten/SWm\nverletzen/BDIOXYW\nMine/Nm\n"
DANISH_AFF = """SET UTF-8
FLAG num
SFX 5 Y 3
SFX 5 0 es/34 .\t+GENITIV
SFX 5 0 e/34 .\t+PLUR_UBEK
SFX 5 0 ne/34 er\t+PLUR_BEK
"""
DANISH_DIC = "2\nteknik/7,10,39,31\ntekniker/5,2,10,39,31\n"


def test_a_word_the_dictionary_lists_as_a_singular_or_no_noun_is_read_by_it(with_dictionary):
    """German *Waren* read as the verb *war* (was), *Verletzte* (the injured) as the adjective *verletzt*, *Posten*
    (a post, a singular too) as *Post*; Danish *tekniker* (a technician, singular) and *teknikerne* as *teknik*.
    The language's Hunspell dictionary tells: *Waren* is what *Ware*'s rule makes of it, *verletzt* is known in lower
    case only (a participle), *Posten* and *tekniker* are listed singulars; a word it does not know (*Minen*, the
    compound *Cyberrisiken*) is read by its frequencies as before."""
    from tmtool.terms.pivot import singular_of

    with_dictionary({"de_DE.aff": GERMAN_AFF, "de_DE.dic": GERMAN_DIC,
                     "da_DK.aff": DANISH_AFF, "da_DK.dic": DANISH_DIC})
    german = [singular_of(word, "de") for word in ("Waren", "Verletzte", "Posten", "Minen", "Cyberrisiken")]
    assert german == ["ware", None, None, "mine", "cyberrisiko"]
    assert [singular_of(word, "da") for word in ("tekniker", "teknikerne")] == [None, "tekniker"]


def test_a_dictionary_written_in_latin_1_is_read_in_it(tmp_path, with_dictionary):
    """Debian's dictionaries are UTF-8; others' say ``SET ISO8859-1`` (LibreOffice's older ones, igerman98 as built
    upstream), and their umlauts were read as replacement characters: *gefährdet* (endangered), known as a
    participle, went unread and *Gefährdete* (the endangered) was given it as a singular."""
    from tmtool.terms.pivot import singular_of

    (tmp_path / "de_DE.aff").write_bytes(
        "SET ISO8859-1\nSFX A Y 1\nSFX A   0       e          .\n".encode("latin-1"))
    (tmp_path / "de_DE.dic").write_bytes("2\ngefährdet/A\nRäuber/STm\n".encode("latin-1"))
    with_dictionary({})
    assert [singular_of(word, "de") for word in ("Gefährdete", "Räuber")] == [None, None]


# a few lines of Debian's hunspell-es (es_ES: MPL-1.1, GPL-3+ or LGPL-3+), as it ships them
SPANISH_AFF = """SET UTF-8
FLAG UTF-8
SFX S Y 3
SFX S 0 s [aceéfgiíkoóptuúw]
SFX S 0 es [bdhíjlmrúxy]
SFX S 0 es [^áeéíóú]n
"""
SPANISH_DIC = "3\nestado/nS\nmiembro/S\nmercancía/S\n"
# written for this test: member states and goods only in the plural
SPANISH_MEMBERS = [
    ("The member states met in Brussels.", "Los Estados miembros se reunieron en Bruselas."),
    ("The member states approved the plan.", "Los Estados miembros aprobaron el plan."),
    ("The ministers of the member states signed the agreement.",
     "Los ministros de los Estados miembros firmaron el acuerdo."),
]


def test_a_spanish_plural_the_dictionary_makes_of_its_singular_is_given_in_the_singular(with_dictionary):
    """*miembros* is written more often than *miembro* (wordfreq), so *Estados miembros* stayed as written: a
    singular had to be the more frequent. Spanish's dictionary makes *miembros* of *miembro* by its plural flag
    (*miembro/S*), which confirms the reading whatever the frequencies."""
    from tmtool.terms.pivot import singular_of

    with_dictionary({"es_ES.aff": SPANISH_AFF, "es_ES.dic": SPANISH_DIC})
    assert [singular_of(word, "es") for word in ("miembros", "mercancías", "aviones")] == ["miembro", "mercancía",
                                                                                           "avión"]
    found = equivalents(build_english_glossary(pairs(SPANISH_MEMBERS), "es", threshold=0.0), "es")
    assert found["member state"] == "Estado miembro", found


# written for this test: two kinds of people coordinated, twice, and a term coordinating two nouns in the singular
COORDINATED_NOUNS = [
    ("The injured were treated by technicians and medics.",
     "Die Verletzten wurden von Technikern und Sanitätern versorgt."),
    ("The technicians and medics returned to the base.", "Die Techniker und Sanitäter kehrten zur Basis zurück."),
    ("Command and control remains a national responsibility.",
     "Führung und Kontrolle bleiben eine nationale Aufgabe."),
    ("The exercise tested command and control.", "Die Übung erprobte Führung und Kontrolle."),
]


def test_two_plural_nouns_coordinated_are_no_term():
    """*technicians and medics* (*Technikern und Sanitätern*) was a German–English document's first proposal: two
    kinds of people, each a term of its own. A term coordinating two nouns in the singular stays one."""
    terms = [e.terms[0].text for e in build_english_glossary(pairs(COORDINATED_NOUNS), "de", threshold=0.0)]
    assert "technicians and medics" not in terms and "command and control" in terms, terms
