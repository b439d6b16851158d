"""`tmtool check` on translations whose target terms are inflected: false "missing" and false "found".

    .venv/bin/python bench/check_inflections.py [--folded-only] [--work /tmp/tmtool-inflections]

A glossary of twelve approved entries (French and German, Spanish, Italian, Portuguese, Dutch, Russian, Polish,
Czech, Romanian terms, each in the singular, as glossaries give them) and, for each of the nine languages, a TMX
file of French units and their translations written for this benchmark:

- *inflected* units: the approved term is in the translation, in the plural or another case (*die
  Mitgliedstaaten*, *des Abkommens*, *comités militares*, *соглашений*, *porozumień*, *acordurilor*): a
  "missing" finding for it is false;
- *absent* units: the translation renders the term otherwise and holds a word sharing its stem or its
  first letters (German *Raten*, instalments, beside the approved *Rat*, council; Spanish *plano*, a
  map, beside *plan*): no "missing" finding for it is a false "found".

Each file is checked as `tmtool check FILE` checks it (``check_files`` against a store holding the
approved entries). ``--folded-only`` compares words folded only, as tmtool did before these languages
were stemmed (for the figures before).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool import check  # noqa: E402
from tmtool.formats.tmx import write_tmx  # noqa: E402
from tmtool.glossary import add_entry  # noqa: E402
from tmtool.model import Entry, ReviewStatus, Term, Unit  # noqa: E402
from tmtool.store import open_store  # noqa: E402

LANGUAGES = ("de", "es", "it", "pt", "nl", "ru", "pl", "cs", "ro")
TAGS = {"de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-PT", "nl": "nl-NL", "ru": "ru-RU", "pl": "pl-PL",
        "cs": "cs-CZ", "ro": "ro-RO"}
# entry → its terms: French, then LANGUAGES' in their order
ENTRIES = {
    "member state": ("État membre", "Mitgliedstaat", "Estado miembro", "Stato membro", "Estado-Membro", "lidstaat",
                     "государство-член", "państwo członkowskie", "členský stát", "stat membru"),
    "exercise": ("exercice", "Übung", "ejercicio", "esercitazione", "exercício", "oefening", "учение", "ćwiczenie",
                 "cvičení", "exercițiu"),
    "threat": ("menace", "Bedrohung", "amenaza", "minaccia", "ameaça", "dreiging", "угроза", "zagrożenie", "hrozba",
               "amenințare"),
    "agreement": ("accord", "Abkommen", "acuerdo", "accordo", "acordo", "overeenkomst", "соглашение", "porozumienie",
                  "dohoda", "acord"),
    "defence minister": ("ministre de la Défense", "Verteidigungsminister", "ministro de Defensa",
                         "ministro della Difesa", "ministro da Defesa", "minister van Defensie", "министр обороны",
                         "minister obrony", "ministr obrany", "ministrul apărării"),
    "council": ("conseil", "Rat", "consejo", "consiglio", "conselho", "raad", "совет", "rada", "rada", "consiliu"),
    "plan": ("plan", "Plan", "plan", "piano", "plano", "plan", "план", "plan", "plán", "plan"),
    "ship": ("navire", "Schiff", "buque", "nave", "navio", "schip", "корабль", "okręt", "loď", "navă"),
    "border": ("frontière", "Grenze", "frontera", "confine", "fronteira", "grens", "граница", "granica", "hranice",
               "frontieră"),
    "weapon": ("arme", "Waffe", "arma", "arma", "arma", "wapen", "оружие", "broń", "zbraň", "armă"),
    "military committee": ("Comité militaire", "Militärausschuss", "Comité Militar", "Comitato militare",
                           "Comité Militar", "Militair Comité", "Военный комитет", "Komitet Wojskowy",
                           "Vojenský výbor", "Comitet Militar"),
    "national authority": ("autorité nationale", "nationale Behörde", "autoridad nacional", "autorità nazionale",
                           "autoridade nacional", "nationale autoriteit", "национальный орган", "organ krajowy",
                           "národní orgán", "autoritate națională"),
}
# French sentences, one a unit, each holding one entry's term
FRENCH = {
    "member state": "Les États membres ont voté.",
    "exercise": "Les exercices ont commencé lundi.",
    "threat": "Ils ont parlé des menaces hybrides.",
    "agreement": "Le texte des accords a été publié.",
    "defence minister": "Les ministres de la Défense se sont réunis.",
    "council": "Les membres des conseils ont voté.",
    "plan": "Les plans ont été approuvés.",
    "ship": "Les navires sont arrivés au port.",
    "border": "Les frontières sont fermées.",
    "weapon": "Ils ont parlé des armes.",
    "military committee": "Les comités militaires des partenaires ont siégé.",
    "national authority": "Les autorités nationales ont été informées.",
}
# language → entry → the translation of FRENCH[entry], the term inflected
INFLECTED = {
    "de": {"member state": "Die Mitgliedstaaten haben abgestimmt.",
           "exercise": "Die Übungen haben am Montag begonnen.",
           "threat": "Sie sprachen über hybride Bedrohungen.",
           "agreement": "Der Text des Abkommens wurde veröffentlicht.",
           "defence minister": "Er sprach mit den Verteidigungsministern.",
           "council": "Die Mitglieder des Rates stimmten ab.",
           "plan": "Die Pläne wurden gebilligt.",
           "ship": "Die Schiffe sind im Hafen angekommen.",
           "border": "Die Grenzen sind geschlossen.",
           "weapon": "Sie sprachen über die Waffen.",
           "military committee": "Die Militärausschüsse der Partner tagten.",
           "national authority": "Die nationalen Behörden wurden unterrichtet."},
    "es": {"member state": "Los Estados miembros han votado.",
           "exercise": "Los ejercicios comenzaron el lunes.",
           "threat": "Hablaron de las amenazas híbridas.",
           "agreement": "Se publicó el texto de los acuerdos.",
           "defence minister": "Los ministros de Defensa se reunieron.",
           "council": "Los miembros de los consejos votaron.",
           "plan": "Los planes fueron aprobados.",
           "ship": "Los buques llegaron al puerto.",
           "border": "Las fronteras están cerradas.",
           "weapon": "Hablaron de las armas.",
           "military committee": "Los comités militares de los socios se reunieron.",
           "national authority": "Se informó a las autoridades nacionales."},
    "it": {"member state": "Gli Stati membri hanno votato.",
           "exercise": "Le esercitazioni sono iniziate lunedì.",
           "threat": "Hanno parlato delle minacce ibride.",
           "agreement": "Il testo degli accordi è stato pubblicato.",
           "defence minister": "I ministri della Difesa si sono riuniti.",
           "council": "I membri dei consigli hanno votato.",
           "plan": "I piani sono stati approvati.",
           "ship": "Le navi sono arrivate al porto.",
           "border": "I confini sono chiusi.",
           "weapon": "Hanno parlato delle armi.",
           "military committee": "I comitati militari dei partner si sono riuniti.",
           "national authority": "Le autorità nazionali sono state informate."},
    "pt": {"member state": "Os Estados-Membros votaram.",
           "exercise": "Os exercícios começaram na segunda-feira.",
           "threat": "Falaram das ameaças híbridas.",
           "agreement": "O texto dos acordos foi publicado.",
           "defence minister": "Os ministros da Defesa reuniram-se.",
           "council": "Os membros dos conselhos votaram.",
           "plan": "Os planos foram aprovados.",
           "ship": "Os navios chegaram ao porto.",
           "border": "As fronteiras estão fechadas.",
           "weapon": "Falaram das armas.",
           "military committee": "Os comités militares dos parceiros reuniram-se.",
           "national authority": "As autoridades nacionais foram informadas."},
    "nl": {"member state": "De lidstaten hebben gestemd.",
           "exercise": "De oefeningen zijn maandag begonnen.",
           "threat": "Zij spraken over hybride dreigingen.",
           "agreement": "De tekst van de overeenkomsten is gepubliceerd.",
           "defence minister": "De ministers van Defensie kwamen bijeen.",
           "council": "De leden van de raden stemden.",
           "plan": "De plannen zijn goedgekeurd.",
           "ship": "De schepen zijn in de haven aangekomen.",
           "border": "De grenzen zijn gesloten.",
           "weapon": "Zij spraken over de wapens.",
           "military committee": "De militaire comités van de partners kwamen bijeen.",
           "national authority": "De nationale autoriteiten zijn ingelicht."},
    "ru": {"member state": "Государства-члены проголосовали.",
           "exercise": "Учения начались в понедельник.",
           "threat": "Они говорили о гибридных угрозах.",
           "agreement": "Текст соглашений опубликован.",
           "defence minister": "Министры обороны собрались.",
           "council": "Члены советов проголосовали.",
           "plan": "Планы были утверждены.",
           "ship": "Корабли прибыли в порт.",
           "border": "Границы закрыты.",
           "weapon": "Они говорили об оружии.",
           "military committee": "Военные комитеты партнёров заседали.",
           "national authority": "Национальные органы были проинформированы."},
    "pl": {"member state": "Państwa członkowskie głosowały.",
           "exercise": "Ćwiczenia rozpoczęły się w poniedziałek.",
           "threat": "Rozmawiali o zagrożeniach hybrydowych.",
           "agreement": "Tekst porozumień został opublikowany.",
           "defence minister": "Ministrowie obrony zebrali się.",
           "council": "Członkowie rad głosowali.",
           "plan": "Plany zostały zatwierdzone.",
           "ship": "Okręty przypłynęły do portu.",
           "border": "Granice są zamknięte.",
           "weapon": "Rozmawiali o broni.",
           "military committee": "Komitety wojskowe partnerów obradowały.",
           "national authority": "Organy krajowe zostały poinformowane."},
    "cs": {"member state": "Členské státy hlasovaly.",
           "exercise": "Cvičení začala v pondělí.",
           "threat": "Hovořili o hybridních hrozbách.",
           "agreement": "Text dohod byl zveřejněn.",
           "defence minister": "Ministři obrany se sešli.",
           "council": "Členové rad hlasovali.",
           "plan": "Plány byly schváleny.",
           "ship": "Lodě připluly do přístavu.",
           "border": "Hranice jsou uzavřeny.",
           "weapon": "Hovořili o zbraních.",
           "military committee": "Vojenské výbory partnerů zasedaly.",
           "national authority": "Národní orgány byly informovány."},
    "ro": {"member state": "Statele membre au votat.",
           "exercise": "Exercițiile au început luni.",
           "threat": "Au vorbit despre amenințările hibride.",
           "agreement": "Textul acordurilor a fost publicat.",
           "defence minister": "Miniștrii apărării s-au reunit.",
           "council": "Membrii consiliilor au votat.",
           "plan": "Planurile au fost aprobate.",
           "ship": "Navele au sosit în port.",
           "border": "Frontierele sunt închise.",
           "weapon": "Au vorbit despre arme.",
           "military committee": "Comitetele militare ale partenerilor s-au reunit.",
           "national authority": "Autoritățile naționale au fost informate."},
}
# language → (entry, French, a translation rendering the term otherwise beside a word sharing its stem or
# its first letters)
ABSENT = {
    "de": [("council", "Le conseil a fixé les mensualités.", "Das Gremium hat die Raten festgelegt."),
           ("plan", "Le plan prévoit une bâche par camion.", "Das Konzept sieht eine Plane pro Lastwagen vor."),
           ("border", "Les deux pays ont une frontière commune.", "Die beiden Länder grenzen aneinander."),
           ("exercise", "Les soldats se sont entraînés pendant l'exercice.", "Die Soldaten übten beim Manöver.")],
    "es": [("plan", "Le plan figure sur la carte.", "El proyecto figura en el plano."),
           ("council", "Le conseil a écouté le conseiller.", "La junta escuchó al consejero."),
           ("weapon", "L'arme était chargée.", "El fusil estaba armado."),
           ("border", "Le conflit à la frontière a duré.", "El conflicto fronterizo duró.")],
    "it": [("council", "Le conseil a écouté son conseiller.", "L'organo ha ascoltato il suo consigliere."),
           ("plan", "Le plan est sur la carte.", "Il progetto è sulla pianta."),
           ("weapon", "L'arme a été trouvée par l'armée.", "Il fucile è stato trovato dall'esercito armato."),
           ("exercise", "L'exercice a mobilisé l'armée.", "L'addestramento ha mobilitato l'esercito.")],
    "pt": [("plan", "Le plan permet au drone de planer.", "O projeto permite ao drone planar."),
           ("council", "Le conseil a écouté le conseiller.", "O órgão ouviu o conselheiro."),
           ("weapon", "L'arme a été trouvée.", "O fuzil foi encontrado armado.")],
    "nl": [("council", "Le conseil conseille aux pays d'attendre.", "Het comité raadt de landen aan te wachten."),
           ("plan", "Le plan mentionne la planète.", "Het ontwerp noemt de planeet.")],
    "ru": [("council", "Le conseil a nommé un conseiller.", "Комитет назначил советника."),
           ("plan", "Le plan mentionne une planète.", "Проект упоминает планету."),
           ("border", "Le poste-frontière a fermé.", "Пограничный пост закрылся.")],
    "pl": [("council", "Le conseil a écouté le conseiller municipal.", "Komitet wysłuchał radnego."),
           ("plan", "Le plan mentionne une planète.", "Projekt wspomina o planecie."),
           ("weapon", "Les soldats ont défendu le pont avec une arme légère.",
            "Żołnierze bronili mostu lekkim karabinem."),
           ("border", "Le poste-frontière a fermé.", "Przejście graniczne zamknięto.")],
    "cs": [("council", "Le conseil a écouté le conseiller municipal.", "Výbor vyslechl radního."),
           ("plan", "Le plan mentionne une planète.", "Projekt zmiňuje planetu."),
           ("weapon", "L'arme a été achetée par l'industrie de l'armement.", "Pušku koupil zbrojní průmysl."),
           ("border", "Le poste-frontière a fermé.", "Hraniční přechod se zavřel.")],
    "ro": [("council", "Le conseil a écouté le conseiller municipal.",
            "Comitetul l-a ascultat pe consilierul local."),
           ("plan", "Le plan mentionne une planète.", "Proiectul menționează o planetă."),
           ("weapon", "L'arme a été trouvée par l'armée.", "Pușca a fost găsită de armată."),
           ("border", "Le poste-frontière a fermé.", "Punctul de trecere frontalier s-a închis.")],
}


def glossary() -> list[Entry]:
    return [Entry([Term(terms[0], "fr")] + [Term(text, lang) for lang, text in zip(LANGUAGES, terms[1:])],
                  id=name, status=ReviewStatus.APPROVED) for name, terms in ENTRIES.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folded-only", action="store_true", help="no stemming: words folded only (before)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/tmtool-inflections"))
    args = parser.parse_args()
    if args.folded_only:
        check.SNOWBALL.clear()
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / ("folded.db" if args.folded_only else "stemmed.db")
    db.unlink(missing_ok=True)
    with open_store(str(db), create=True) as store:
        ids = {str(add_entry(store, entry)): entry.id for entry in glossary()}  # the store's id → the entry's name
    print(f"{'lang':<5}{'inflected':>10}{'false missing':>15}{'absent':>8}{'false found':>13}  which")
    totals = [0, 0, 0, 0]
    for lang in LANGUAGES:
        cases = [(entry, FRENCH[entry], target, "inflected") for entry, target in INFLECTED[lang].items()]
        cases += [(entry, french, target, "absent") for entry, french, target in ABSENT[lang]]
        units = [Unit(french, target, "fr-FR", TAGS[lang], tuid=str(n)) for n, (_, french, target, _) in
                 enumerate(cases, 1)]
        path = args.work / f"fr-{lang}.tmx"
        with open(path, "wb") as out:
            write_tmx(units, out, srclang="fr-FR")
        with open_store(str(db)) as store:
            report = check.check_files(store, [str(path)])
        missing = {(f.unit, ids[f.entry]) for f in report.findings if f.kind == "missing"}
        wrong = [f"{kind} {ENTRIES[entry][1 + LANGUAGES.index(lang)]}"
                 for n, (entry, _, _, kind) in enumerate(cases, 1)
                 if ((n, entry) in missing) == (kind == "inflected")]
        counts = [sum(kind == "inflected" for *_, kind in cases),
                  sum(w.startswith("inflected") for w in wrong),
                  sum(kind == "absent" for *_, kind in cases),
                  sum(w.startswith("absent") for w in wrong)]
        totals = [total + count for total, count in zip(totals, counts)]
        print(f"{lang:<5}{counts[0]:>10}{counts[1]:>15}{counts[2]:>8}{counts[3]:>13}  "
              + ", ".join(w.split(" ", 1)[1] + (" (absent)" if w.startswith("absent") else "") for w in wrong))
    print(f"{'all':<5}{totals[0]:>10}{totals[1]:>15}{totals[2]:>8}{totals[3]:>13}")


if __name__ == "__main__":
    main()
