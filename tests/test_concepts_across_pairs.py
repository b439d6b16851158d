"""One concept, one entry, whatever the pairs its languages came in: a French–English document ingested after
German–English and Spanish–English ones made a new French-keyed entry for every term whose English an entry held
already (*Military Committee* twice: once = *Militärausschuss* = *Comité Militar*, once = *Comité militaire*),
where the same pairs in the other order gave one entry. A homonym stays two entries (*tank*: a *Panzer*, a
*réservoir*)."""

from __future__ import annotations

import pytest

from tmtool import api
from tmtool.store import open_store

# written for these tests: one English text and its German, Spanish and French translations
ENGLISH = """The Military Committee met in Brussels to review the integrated air defence of the Alliance.
The chiefs of defence discussed the readiness of the rapid reaction force.
The integrated air defence depends on early warning radars and fighter aircraft.
The Military Committee approved a new plan for the rapid reaction force.
Early warning radars must be modernised before the next exercise.
"""
TRANSLATIONS = {
    "de": """Der Militärausschuss trat in Brüssel zusammen, um die integrierte Luftverteidigung des Bündnisses zu überprüfen.
Die Generalstabschefs erörterten die Einsatzbereitschaft der schnellen Eingreiftruppe.
Die integrierte Luftverteidigung stützt sich auf Frühwarnradare und Kampfflugzeuge.
Der Militärausschuss billigte einen neuen Plan für die schnelle Eingreiftruppe.
Die Frühwarnradare müssen vor der nächsten Übung modernisiert werden.
""",
    "es": """El Comité Militar se reunió en Bruselas para examinar la defensa aérea integrada de la Alianza.
Los jefes de defensa debatieron la preparación de la fuerza de reacción rápida.
La defensa aérea integrada depende de los radares de alerta temprana y de los aviones de combate.
El Comité Militar aprobó un nuevo plan para la fuerza de reacción rápida.
Los radares de alerta temprana deben modernizarse antes del próximo ejercicio.
""",
    "fr": """Le Comité militaire s'est réuni à Bruxelles pour examiner la défense aérienne intégrée de l'Alliance.
Les chefs d'état-major ont examiné la disponibilité de la force de réaction rapide.
La défense aérienne intégrée repose sur les radars d'alerte avancée et les avions de chasse.
Le Comité militaire a approuvé un nouveau plan pour la force de réaction rapide.
Les radars d'alerte avancée doivent être modernisés avant le prochain exercice.
""",
}
# an English word of two concepts: a tank of the army (German), a fuel tank (French), in other texts
ARMY = [("The tank crossed the river at dawn.", "Der Panzer überquerte den Fluss im Morgengrauen."),
        ("Each tank carries a crew of four soldiers.", "Jeder Panzer hat eine Besatzung von vier Soldaten."),
        ("The battalion lost one tank during the exercise.", "Das Bataillon verlor während der Übung einen Panzer."),
        ("The Military Committee inspected the tank units.", "Der Militärausschuss inspizierte die Panzereinheiten.")]
FUEL = [("The fuel tank of the aircraft was refilled at the base.",
         "Le réservoir de carburant de l'avion a été rempli à la base."),
        ("The tank holds enough fuel for six hours of flight.",
         "Le réservoir contient assez de carburant pour six heures de vol."),
        ("A leak in the tank grounded the aircraft.", "Une fuite dans le réservoir a cloué l'avion au sol."),
        ("The crew inspected the tank after each flight.", "L'équipage a inspecté le réservoir après chaque vol."),
        ("The technicians drained the tank before the repair.", "Les techniciens ont vidé le réservoir avant la réparation."),
        ("The Military Committee discussed the fuel supply of the base.",
         "Le Comité militaire a examiné l'approvisionnement en carburant de la base.")]


def _ingest(store, folder, name: str, lang: str, english: str, other: str) -> dict:
    (folder / f"{name}.en.txt").write_text(english, encoding="utf-8")
    (folder / f"{name}.{lang}.txt").write_text(other, encoding="utf-8")
    paths = (str(folder / f"{name}.{lang}.txt"), str(folder / f"{name}.en.txt"))
    return api.ingest(store, *paths, srclang=lang, tgtlang="en", document_id=name)


def _holding(store, english: str) -> list[dict[str, list[str]]]:
    """The entries holding an English term, each as its terms by language."""
    found = []
    for entry in store.list_entries():
        if any(t.lang == "en" and t.text == english for t in entry.terms):
            found.append({lang: [t.text for t in entry.terms_in(lang)] for lang in ("fr", "de", "es", "en")})
    return found


def test_a_french_english_document_joins_the_entries_its_english_has_from_other_pairs(tmp_path):
    with open_store(str(tmp_path / "t.db"), create=True) as store:
        for lang in ("de", "es"):
            _ingest(store, tmp_path, f"plan-{lang}", lang, ENGLISH, TRANSLATIONS[lang])
        before = len(store.list_entries())
        french = _ingest(store, tmp_path, "plan-fr", "fr", ENGLISH, TRANSLATIONS["fr"])
        for english, french_term in (("Military Committee", "Comité militaire"),
                                     ("integrated air defence", "défense aérienne intégrée"),
                                     ("rapid reaction force", "force de réaction rapide")):
            [entry] = _holding(store, english)  # were two: one of German and Spanish, one of French
            assert entry["fr"] == [french_term] and entry["de"] and entry["es"], entry
        # the French document's terms whose English no other pair gave are entries of their own
        assert french["new_entries"] <= 2 and len(store.list_entries()) <= before + 2


def test_the_same_english_word_in_other_texts_is_not_joined_a_homonym_may_be_another_concept(tmp_path):
    with open_store(str(tmp_path / "t.db"), create=True) as store:
        _ingest(store, tmp_path, "army", "de", "\n".join(e for e, _ in ARMY), "\n".join(d for _, d in ARMY))
        _ingest(store, tmp_path, "fuel", "fr", "\n".join(e for e, _ in FUEL), "\n".join(f for _, f in FUEL))
        tanks = _holding(store, "tank")
        assert sorted((entry["fr"], entry["de"]) for entry in tanks) == [([], ["Panzer"]), (["réservoir"], [])]
        # a term of several words names one concept, in any text: one entry
        [committee] = _holding(store, "Military Committee")
        assert committee["fr"] == ["Comité militaire"] and committee["de"] == ["Militärausschuss"]


# a client's German–English termbase, its entries approved by the client
TERMBASE_DE = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc>
</martifHeader><text><body><termEntry id="1">
  <langSet xml:lang="en"><tig><term>Military Committee</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Militärausschuss</term></tig></langSet>
</termEntry></body></text></martif>
"""


def _french_of(store, english: str) -> list[list[str]]:
    return sorted(entry["fr"] for entry in _holding(store, english))


def test_an_entry_a_person_decided_on_is_not_joined_the_french_term_has_an_entry_of_its_own(store_url, tmp_path):
    """A German–English entry a person approved or edited, or a termbase's import approved, gets no term from
    extraction: a French proposal joining it was counted on it without its French term, which then was in no entry
    (*Comité militaire* gone from the French–English glossary, every later French document's counted on the German
    entry too). It is an entry of its own, as before entries of other pairs were joined, for a person to merge."""
    with open_store(store_url, create=True) as store:
        _ingest(store, tmp_path, "plan-de", "de", ENGLISH, TRANSLATIONS["de"])
        [defence] = [e for e in store.list_entries() if e.terms_in("en")[0].text == "integrated air defence"]
        [committee] = [e for e in store.list_entries() if e.terms_in("en")[0].text == "Military Committee"]
        api.approve(store, [committee.id])
        api.edit(store, defence.id, note="NATINADS")
        _ingest(store, tmp_path, "plan-fr", "fr", ENGLISH, TRANSLATIONS["fr"])
        assert _french_of(store, "Military Committee") == [[], ["Comité militaire"]]
        assert _french_of(store, "integrated air defence") == [[], ["défense aérienne intégrée"]]
        # an entry no one decided on is joined still
        [force] = _holding(store, "rapid reaction force")
        assert force["fr"] == ["force de réaction rapide"] and force["de"]


def test_a_termbase_s_approved_entry_is_not_joined_by_extraction(store_url, tmp_path):
    (tmp_path / "client.tbx").write_text(TERMBASE_DE, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, str(tmp_path / "client.tbx"), status="approved")
        _ingest(store, tmp_path, "plan-fr", "fr", ENGLISH, TRANSLATIONS["fr"])
        assert _french_of(store, "Military Committee") == [[], ["Comité militaire"]]
        [french] = [e for e in store.list_entries() if e.terms_in("fr")
                    and e.terms_in("fr")[0].text == "Comité militaire"]
        assert french.contexts and not [e for e in store.list_entries() if e.terms_in("de")][0].contexts


def test_a_german_english_document_joins_french_entries_by_the_same_evidence(store_url, tmp_path):
    """The rule held one way only: a German–English document after a French–English one joined every entry holding
    its English term, a one-word homonym's (*Panzer* put in *réservoir* = *tank*), a rejected one's (*Panzer* never
    proposed: the French entry's rejection) and an approved one's (*Panzer* in no entry), where the French after the
    German kept them apart. Both orders give the same entries now."""
    army = ("\n".join(e for e, _ in ARMY), "\n".join(d for _, d in ARMY))
    fuel = ("\n".join(e for e, _ in FUEL), "\n".join(f for _, f in FUEL))
    with open_store(store_url, create=True) as store:
        _ingest(store, tmp_path, "fuel", "fr", *fuel)
        _ingest(store, tmp_path, "army", "de", *army)
        tanks = _holding(store, "tank")
        assert sorted((entry["fr"], entry["de"]) for entry in tanks) == [([], ["Panzer"]), (["réservoir"], [])]
        [committee] = _holding(store, "Military Committee")  # a term of several words: one concept
        assert committee["fr"] == ["Comité militaire"] and committee["de"] == ["Militärausschuss"]
        # the German document again: its entries are found as they were (no new one)
        before = len(store.list_entries(statuses=None))
        _ingest(store, tmp_path, "army", "de", *army)
        assert len(store.list_entries(statuses=None)) == before
    for decide in (api.reject, api.approve):
        with open_store(str(tmp_path / f"{decide.__name__}.db"), create=True) as store:
            _ingest(store, tmp_path, "plan-fr", "fr", ENGLISH, TRANSLATIONS["fr"])
            [committee] = [e for e in store.list_entries() if e.terms_in("en")[0].text == "Military Committee"]
            decide(store, [committee.id])
            _ingest(store, tmp_path, "plan-de", "de", ENGLISH, TRANSLATIONS["de"])
            held = sorted((entry["fr"], entry["de"]) for entry in _holding(store, "Military Committee"))
            assert held == [([], ["Militärausschuss"]), (["Comité militaire"], [])], decide.__name__


def test_a_german_english_document_joins_a_termbase_s_entry_holding_its_german(store_url, tmp_path):
    """A termbase's approved entry with a German term is the German–English pair's entry, found by its English as
    before: its German document's proposal counts on it, with no entry of its own."""
    (tmp_path / "client.tbx").write_text(TERMBASE_DE.replace(
        '<langSet xml:lang="de">', '<langSet xml:lang="fr"><tig><term>Comité militaire</term></tig></langSet>'
        '<langSet xml:lang="de">'), encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, str(tmp_path / "client.tbx"), status="approved")
        _ingest(store, tmp_path, "plan-de", "de", ENGLISH, TRANSLATIONS["de"])
        [committee] = _holding(store, "Military Committee")
        assert committee["fr"] == ["Comité militaire"] and committee["de"] == ["Militärausschuss"]
        assert [e.frequency for e in store.list_entries(statuses=None)
                if e.terms_in("en")[0].text == "Military Committee"] == [2]


# sixteen concepts, in a German–English and a French–English document's words
CONCEPTS = [("main battle tank", "Kampfpanzer", "char de combat"), ("mine warfare", "Minenkrieg", "guerre des mines"),
            ("supply chain", "Lieferkette", "chaîne d'approvisionnement"), ("air space", "Luftraum", "espace aérien"),
            ("partner country", "Partnerland", "pays partenaire"), ("air defence", "Luftverteidigung", "défense aérienne"),
            ("reaction force", "Eingreiftruppe", "force de réaction"), ("combat zone", "Kampfzone", "zone de combat"),
            ("confidence-building measure", "vertrauensbildende Maßnahme", "mesure de confiance"),
            ("centre of excellence", "Exzellenzzentrum", "centre d'excellence"),
            ("hybrid threat", "hybride Bedrohung", "menace hybride"), ("general staff", "Generalstab", "état-major"),
            ("cooperative security", "kooperative Sicherheit", "sécurité coopérative"),
            ("collective defence", "kollektive Verteidigung", "défense collective"),
            ("arms control", "Rüstungskontrolle", "contrôle des armements"),
            ("crisis management", "Krisenbewältigung", "gestion de crise")]


def _save(store, document: str, lang: str, concepts) -> None:
    """What ingest stores of a document of ``lang`` and English whose extraction proposed ``concepts``."""
    from tmtool import glossary
    from tmtool.model import Context, Entry, Term, Unit
    from tmtool.store import DocumentRecord

    proposals, units = [], []
    for n, (english, german, french) in enumerate(concepts):
        other = german if lang == "de" else french
        context = Context(f"{other} ({n}).", f"The {english} ({n}).", document, f"{document}:{n}")
        units.append(Unit(context.fr, context.en, lang, "en", tuid=context.unit))
        terms = [Term(english, "en"), Term(other, lang)] if lang == "de" else [Term(other, lang), Term(english, "en")]
        proposals.append(Entry(terms=terms, frequency=1, score=0.7, contexts=[context]))
    record = DocumentRecord(document, f"{document}.{lang}.txt", f"{document}.en.txt", document, document, lang, "en")
    glossary.save_document(store, record, units, proposals)


@pytest.mark.parametrize("first, then", [("de", "fr"), ("fr", "de"), ("de", "de"), ("fr", "fr")])
def test_the_entries_other_pairs_made_are_read_together_however_many_proposals_join_them(store_url, monkeypatch,
                                                                                        first, then):
    """Joining the entries of another pair reads them in a few statements a document, not one for each proposal, in
    either order of the pairs, and a pair's document proposing its entries' terms again as few as before."""
    from test_evidence import counted_reads

    with open_store(store_url, create=True) as store:
        _save(store, "first", first, CONCEPTS)
        reads = counted_reads(monkeypatch, store, "terms_by_key", "entry_state", "entry_states", "entries",
                              "document_counts", "candidate_evidence")
        calls = []
        for document, concepts in (("few", CONCEPTS[:4]), ("many", CONCEPTS[4:])):
            reads.clear()
            _save(store, document, then, concepts)
            calls.append(dict(reads))
        assert calls[0] == calls[1]
        assert calls[1]["terms_by_key"] == 1 and "entry_state" not in calls[1]
        assert len(store.list_entries()) == len(CONCEPTS)  # each joined its concept's entry
        assert {len(e.terms) for e in store.list_entries()} == {2 if first == then else 3}


# a client's termbase of two concepts written alike in English, its subject fields telling them apart
HOMONYMS_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>client</p></sourceDesc></fileDesc>
</martifHeader><text><body><termEntry id="1"><descrip type="subjectField">medicine</descrip>
  <langSet xml:lang="en"><tig><term>operating theatre</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Operationssaal</term></tig></langSet>
</termEntry><termEntry id="2"><descrip type="subjectField">military operations</descrip>
  <langSet xml:lang="en"><tig><term>operating theatre</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Einsatzgebiet</term></tig></langSet>
</termEntry></body></text></martif>
"""


def test_a_term_of_two_homonyms_a_termbase_gave_apart_joins_neither(store_url, tmp_path):
    """A French proposal whose English two entries of a termbase hold, of other subject fields, joined the oldest (the
    medical *Operationssaal* given *théâtre d'opérations*): which concept it is, nothing says; an entry of its own."""
    (tmp_path / "client.tbx").write_text(HOMONYMS_TBX, encoding="utf-8")
    with open_store(store_url, create=True) as store:
        api.import_file(store, str(tmp_path / "client.tbx"))
        _save(store, "ops", "fr", [("operating theatre", "", "théâtre d'opérations")])
        held = sorted((entry["fr"], entry["de"]) for entry in _holding(store, "operating theatre"))
        assert held == [([], ["Einsatzgebiet"]), ([], ["Operationssaal"]), (["théâtre d'opérations"], [])]
    # one concept of a termbase (one subject field, or none) is joined
    (tmp_path / "one.tbx").write_text(TERMBASE_DE, encoding="utf-8")
    with open_store(str(tmp_path / "one.db"), create=True) as store:
        api.import_file(store, str(tmp_path / "one.tbx"))
        _save(store, "plan", "fr", [("Military Committee", "", "Comité militaire")])
        assert [entry["fr"] for entry in _holding(store, "Military Committee")] == [["Comité militaire"]]


@pytest.mark.parametrize("first, then", [("de", "fr"), ("fr", "de")])
def test_a_term_of_one_word_joins_the_entry_quoting_its_english_sentence(store_url, first, then):
    """*radar* of a German and a French translation of one English text (the entry quotes the sentence the proposal
    quotes) is one concept, in either order; *tank* of other texts is not (see the homonym's test)."""
    with open_store(store_url, create=True) as store:
        _save(store, "first", first, [("radar", "Radar", "radar")])
        _save(store, "then", then, [("radar", "Radar", "radar")])
        [joined] = _holding(store, "radar")
        assert joined["fr"] == ["radar"] and joined["de"] == ["Radar"]
