"""Document pairs in the shapes a NATO translation service receives them, through ingest to the units a
translator expects: a news page saved from the site in each language, a one-page bulletin in two columns
as PDF. The texts are written here for these tests."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pdfdocs import Layout, write_pdf
from tmtool import api
from tmtool.cli import main
from tmtool.store import open_store
from tmtool.text.readers import read_document

CYBER_FR = [
    "La cyberdéfense est l’une des tâches essentielles de la défense collective. Les Alliés ont reconnu le "
    "cyberespace comme un domaine d’opérations en 2016.",
    "Le Centre des opérations dans le cyberespace, situé à Mons, coordonne l’action de l’Alliance. Il fournit une "
    "connaissance de la situation aux commandants militaires et soutient la planification des opérations.",
    "Chaque pays membre reste responsable de la protection de ses propres réseaux. L’OTAN aide les Alliés à "
    "renforcer leurs capacités par des formations, des exercices et le partage d’informations.",
    "L’exercice Cyber Coalition, organisé chaque année en Estonie, permet de tester les procédures de réaction aux "
    "incidents. Plus de mille experts y ont participé en 2025.",
    "Les partenaires de l’OTAN contribuent également à ces travaux. La coopération avec l’Union européenne s’est "
    "intensifiée depuis la signature de la déclaration commune.",
    "La résilience des infrastructures critiques, y compris des câbles sous-marins et des réseaux électriques, "
    "demeure une priorité pour les années à venir.",
]
CYBER_EN = [
    "Cyber defence is one of the core tasks of collective defence. Allies recognised cyberspace as a domain of "
    "operations in 2016.",
    "The Cyberspace Operations Centre, located in Mons, coordinates the Alliance’s action. It provides situational "
    "awareness to military commanders. It also supports operational planning.",
    "Each member country remains responsible for protecting its own networks. NATO helps Allies to strengthen "
    "their capabilities through training, exercises and information sharing.",
    "Exercise Cyber Coalition, held every year in Estonia, tests incident response procedures. More than a "
    "thousand experts took part in 2025.",
    "NATO’s partners also contribute to this work. Cooperation with the European Union has intensified since the "
    "signing of the joint declaration.",
    "The resilience of critical infrastructure, including undersea cables and power grids, remains a priority "
    "for the years ahead.",
]


def one_page_bulletin(path, paragraphs, footer="Page {}", note=None):
    """A one-page bulletin in two columns, its number at the foot of the page, under the left column; the
    fifth paragraph goes on from the foot of the left column to the top of the right one. ``note``: a
    footnote in small print under the left column, over the page's number."""
    return write_pdf(path, paragraphs, width=213.0, columns=2, lines_per_column=22, header=None,
                     numbers=footer, notes={1: [note]} if note else None)


def test_a_one_page_pdf_s_page_number_is_left_out_not_read_into_the_sentence_it_falls_in(tmp_path):
    """A document of one page has no other page to tell its running lines by, but a line standing apart at
    the foot of the page holding its number alone (*Page 1*, *- 1 -*, *1*) is its page number: read in the
    order of the columns, it fell between the two halves of a sentence (*contribuent Page 1 également*)."""
    for footer in ("Page {}", "- {} -", "{}", "Page {} sur 1"):
        path = tmp_path / "cyber.fr.pdf"
        one_page_bulletin(path, CYBER_FR, footer)
        assert read_document(path, lang="fr").paragraphs == tuple(CYBER_FR), footer


def test_a_one_page_pdf_s_running_header_is_left_out_and_its_title_kept(tmp_path):
    """A document of one page has no other page to tell its running header by, and the header its template prints at
    the top (the organisation's name, a reference, a classification) became a unit. A line or two at the top of the
    page, apart from the text under them and in print no larger than the text's, ending no sentence, is that header;
    a title, in larger print, stays, with or without a header over it."""
    header = "Organisation du Traité de l’Atlantique Nord"
    title = "La cyberdéfense, une tâche essentielle"
    for options, expected in (({"header": header}, tuple(CYBER_FR)),
                              ({"header": header, "heading": title}, (title, *CYBER_FR)),
                              ({"heading": title}, (title, *CYBER_FR))):
        path = tmp_path / "cyber.fr.pdf"
        write_pdf(path, CYBER_FR, numbers="Page {}", **options)
        assert read_document(path, lang="fr").paragraphs == expected, options
    write_pdf(path, CYBER_FR, width=213.0, columns=2, lines_per_column=22, header=header)  # the bulletin's columns
    assert read_document(path, lang="fr").paragraphs == tuple(CYBER_FR)


def test_a_one_page_pdf_s_first_line_under_libreoffice_s_margin_is_text_not_a_header(tmp_path):
    """LibreOffice leaves a top margin of 2 cm, less than Word's inch: a one-page letter's first line there (its
    subject, its salutation, a sentence opening a list), a blank line under it, stood in the first inch apart from
    the text and was left out as a running header. A header stands above that margin, where Word and LibreOffice
    print it; a first line under it is text."""
    body = ["Le Comité militaire s’est réuni à Bruxelles le 5 mai 2024 pour examiner",
            "les plans régionaux de défense et les capacités nécessaires à leur mise",
            "en œuvre au cours des prochaines années."]
    margin, size, leading = 56.7, 11.0, 13.2  # LibreOffice's 2 cm, its default print and line
    for first in ("Objet : réunion du Comité militaire du 5 mai 2024", "Madame, Monsieur,",
                  "Les Alliés sont convenus de ce qui suit :"):
        pdf = Layout(size)
        pdf.add_page()
        for number, line in enumerate([first, "", *body]):
            pdf.text(margin, margin + size + number * leading, line)
        path = tmp_path / "lettre.fr.pdf"
        pdf.output(str(path))
        assert read_document(path, lang="fr").paragraphs == (first, " ".join(body)), first


def test_a_one_page_two_column_pdf_pair_gives_whole_sentences(tmp_path):
    one_page_bulletin(tmp_path / "cyber.fr.pdf", CYBER_FR)
    one_page_bulletin(tmp_path / "cyber.en.pdf", CYBER_EN)
    db = tmp_path / "tm.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(tmp_path / "cyber.fr.pdf"),
                                       str(tmp_path / "cyber.en.pdf")])
    assert result.exit_code == 0, result.output
    units = api.document_units(open_store(db), "cyber")
    assert not [u for u in units if "Page" in u["source"] or "Page" in u["target"]]
    assert ("Les partenaires de l’OTAN contribuent également à ces travaux.",
            "NATO’s partners also contribute to this work.") in [(u["source"], u["target"]) for u in units]
    # the English splits a sentence in two: one unit holds both
    assert [u["bead"] for u in units if u["target"].startswith("It provides")] == ["1-2"]


# a news page as the site's template lays it out, saved from the browser: no <main>, no <article>; the menus,
# the breadcrumb, the "Related" list and the footer are divs named by their class or id
NEWS_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{site} - {title}</title><script>var dataLayer = [];</script></head>
<body>
<div id="top-bar"><a href="/{lang}/">{home}</a> | <a href="/{other}/">{other_name}</a> | <a href="/search">{search}</a></div>
<div id="menu"><ul><li><a href="/news">{news}</a></li><li><a href="/topics">{topics}</a></li></ul></div>
<div class="breadcrumb"><a href="/">{home}</a> &gt; <a href="/news">{news}</a> &gt; <span>{title}</span></div>
<div id="content">
  <div class="content-header"><h1>{title}</h1><p class="date">{date}</p><p class="last-updated">{updated}</p></div>
  <div class="article-body">
    <figure><img src="/img/photo.jpg" alt=""><figcaption>{caption}</figcaption></figure>
    {body}
  </div>
  <div class="related"><h3>{related}</h3><ul>{links}</ul></div>
</div>
<div id="footer"><p>{copyright}</p><ul><li><a href="/legal">{legal}</a></li><li><a href="/contact">Contact</a></li></ul></div>
</body></html>
"""
NEWS_FR = dict(
    lang="fr", other="en", other_name="English", site="OTAN", home="Accueil", search="Rechercher", news="Actualités",
    topics="Thèmes", title="Les chefs d’état-major de la défense font le point sur la posture de dissuasion",
    date="14 mars 2026", updated="Dernière mise à jour : 15 mars 2026 10:42",
    caption="Le président du Comité militaire ouvre la séance au siège de l’OTAN, à Bruxelles.",
    related="Articles liés", copyright="© OTAN 2026", legal="Mentions légales",
    links='<li><a href="/a">Le Comité militaire se réunit en session plénière</a></li>'
          '<li><a href="/b">Exercice de défense aérienne en mer Baltique</a></li>',
    body="<p>Les chefs d’état-major de la défense des pays de l’Alliance se sont réunis le 14 mars 2026 au siège de "
         "l’OTAN. Ils ont examiné la mise en œuvre des plans régionaux.</p><h2>Renforcer la défense collective</h2>"
         "<p>Les participants ont également évoqué le soutien à l’Ukraine et la sécurité des infrastructures "
         "sous-marines. La prochaine réunion aura lieu en septembre.</p>")
NEWS_EN = dict(
    lang="en", other="fr", other_name="Français", site="NATO", home="Home", search="Search", news="News",
    topics="Topics", title="Chiefs of Defence review the deterrence posture",
    date="14 Mar. 2026", updated="Last updated: 15 Mar. 2026 10:42",
    caption="The Chair of the Military Committee opens the session at NATO Headquarters in Brussels.",
    related="Related", copyright="© NATO 2026", legal="Legal notice",
    links='<li><a href="/a">Military Committee meets in plenary session</a></li>'
          '<li><a href="/b">Air defence exercise in the Baltic Sea</a></li>',
    body="<p>The Chiefs of Defence of the Allied nations met at NATO Headquarters on 14 March 2026. They reviewed "
         "the implementation of the regional plans.</p><h2>Strengthening collective defence</h2>"
         "<p>Participants also discussed support for Ukraine. They addressed the security of undersea "
         "infrastructure. The next meeting will take place in September.</p>")


def test_a_news_page_s_update_stamp_is_left_out_with_its_menus_breadcrumb_and_related_list(tmp_path):
    """The stamp the site's template prints under the title (*Dernière mise à jour : 15 mars 2026 10:42*) is
    the site's, and would be a unit of its own for every page, and so is the date in an element the page names as
    one (`<p class="date">`); the article's title and its photo's caption are the article's."""
    (tmp_path / "chods.fr.html").write_text(NEWS_PAGE.format(**NEWS_FR), encoding="utf-8")
    (tmp_path / "chods.en.html").write_text(NEWS_PAGE.format(**NEWS_EN), encoding="utf-8")
    db = tmp_path / "tm.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    units = [(u["bead"], u["source"], u["target"]) for u in api.document_units(open_store(db), "chods")]
    assert units == [
        ("1-1", NEWS_FR["title"], NEWS_EN["title"]),  # the page's <title> (*OTAN - …*) is its heading again: once
        ("1-1", NEWS_FR["caption"], NEWS_EN["caption"]),
        ("1-1", "Les chefs d’état-major de la défense des pays de l’Alliance se sont réunis le 14 mars 2026 au "
                "siège de l’OTAN.", "The Chiefs of Defence of the Allied nations met at NATO Headquarters on 14 "
                                    "March 2026."),
        ("1-1", "Ils ont examiné la mise en œuvre des plans régionaux.",
         "They reviewed the implementation of the regional plans."),
        ("1-1", "Renforcer la défense collective", "Strengthening collective defence"),
        ("1-2", "Les participants ont également évoqué le soutien à l’Ukraine et la sécurité des infrastructures "
                "sous-marines.", "Participants also discussed support for Ukraine. They addressed the security of "
                                 "undersea infrastructure."),
        ("1-1", "La prochaine réunion aura lieu en septembre.", "The next meeting will take place in September."),
    ]


def test_only_a_stamp_s_label_and_date_make_a_stamp():
    from tmtool.text.readers.html import _stamp_line as _stamp

    assert all(map(_stamp, ["Publié le 14/03/2026 à 10h42", "Updated 2 March 2026", "Last updated 2026-03-15",
                            "Published: Tuesday, March 15, 2026", "Mis à jour le 3 mars 2026"]))
    assert not any(map(_stamp, ["Mise à jour du plan de défense 2026", "Updated guidance cyber defence 2026",
                                "Dernière mise à jour", "Publié le rapport annuel 2025"]))


def test_a_date_line_keeps_its_date_without_the_page_s_tools_linked_beside_it(tmp_path):
    """The site prints the article's date and, after bars, links to print or mail the page: the links go, the date
    stays; links in a sentence of the article stay, bars or not."""
    page = ('<html lang="{lang}"><head><meta charset="utf-8"></head><body><div class="content"><h1>{title}</h1>'
            '<p class="fs-small">{date} - | <a href="#">{print}</a> | <a href="#">{mail}</a></p>'
            '<p>{sentence}</p></div></body></html>')
    fr = dict(lang="fr", title="La Finlande accueille un exercice de défense aérienne", date="12 juin 2026",
              print="Imprimer", mail="Envoyer par courriel",
              sentence='Le rapport annuel (<a href="/r">version intégrale</a> | <a href="/s">synthèse</a>) est publié.')
    path = tmp_path / "finlande.fr.html"
    path.write_text(page.format(**fr), encoding="utf-8")
    assert read_document(path, lang="fr").paragraphs == (
        fr["title"], "12 juin 2026", "Le rapport annuel (version intégrale | synthèse) est publié.")


def test_a_footnote_under_the_first_of_two_columns_follows_the_text_the_page_ends_in(tmp_path):
    """Read in the order of the columns, the note at the foot of the left column came where that column
    ends: after another paragraph in each language (*contribuent* in French, *intensified* in English), so
    that the two notes aligned with nothing and the memory lost them."""
    one_page_bulletin(tmp_path / "cyber.fr.pdf", CYBER_FR, note="Le Centre a été créé en 2018.")
    one_page_bulletin(tmp_path / "cyber.en.pdf", CYBER_EN, note="The Centre was established in 2018.")
    assert read_document(tmp_path / "cyber.fr.pdf", lang="fr").paragraphs == (
        *CYBER_FR, "Le Centre a été créé en 2018.")
    db = tmp_path / "tm.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    units = [(u["source"], u["target"]) for u in api.document_units(open_store(db), "cyber")]
    assert units[-1] == ("Le Centre a été créé en 2018.", "The Centre was established in 2018.")


def test_a_footnote_follows_the_paragraph_calling_it_wherever_each_language_breaks_its_pages(tmp_path):
    """Two pages of two columns, a note on each, called by a raised number: the French runs longer, so its
    pages end in other paragraphs than the English's; each note follows the paragraph that calls it, its number
    and call dropped, in both languages alike, and aligns with its translation."""
    def called(paragraphs, at, number):
        return [p.replace(at, f"{at}^{number}", 1) if at in p else p for p in paragraphs]

    fr = called(called(CYBER_FR * 2, "Centre des", 1)[:6] + CYBER_FR, "Estonie", 2)
    en = called(called(CYBER_EN * 2, "Operations Centre", 1)[:6] + CYBER_EN, "Estonia", 2)
    fr_notes = ["^1 Le Centre a été créé en 2018.", "^2 L’exercice a lieu à Tartu."]
    en_notes = ["^1 The Centre was established in 2018.", "^2 The exercise takes place in Tartu."]
    for path, paragraphs, notes in ((tmp_path / "cyber.fr.pdf", fr, fr_notes), (tmp_path / "cyber.en.pdf", en, en_notes)):
        write_pdf(path, paragraphs, width=213.0, columns=2, lines_per_column=17, header=None, numbers="Page {}",
                  notes={1: notes[:1], 2: notes[1:]})
    read = read_document(tmp_path / "cyber.fr.pdf", lang="fr").paragraphs
    assert read[read.index("Le Centre a été créé en 2018.") - 1].startswith("Le Centre des opérations")
    assert read[read.index("L’exercice a lieu à Tartu.") - 1].startswith("L’exercice Cyber Coalition")
    db = tmp_path / "tm.db"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    units = [(u["source"], u["target"]) for u in api.document_units(open_store(db), "cyber")]
    assert ("Le Centre a été créé en 2018.", "The Centre was established in 2018.") in units
    assert ("L’exercice a lieu à Tartu.", "The exercise takes place in Tartu.") in units


def test_a_sharing_bar_with_its_label_still_goes_whole(tmp_path):
    path = tmp_path / "partage.fr.html"
    path.write_text('<html lang="fr"><body><div class="content"><p>Les ministres se réuniront en juin.</p>'
                    '<p>Partager : <a href="/f">Facebook</a> | <a href="/x">X</a> | <a href="/l">LinkedIn</a></p>'
                    '</div></body></html>', encoding="utf-8")
    assert read_document(path, lang="fr").paragraphs == ("Les ministres se réuniront en juin.",)


# A directive as the staff writes it in Word: numbered paragraphs, a heading, a table of abbreviations;
# and a news article arriving as a web page, then revised the next day
DIRECTIVE_FR = ["1. Objet",
                "1.1. La présente directive fixe les règles de validation des termes utilisés par l’État-major "
                "militaire international (EMI).",
                "1.2. Les termes déconseillés ne doivent plus figurer dans les documents publiés.",
                "2. Les composantes terrestres rendent compte au Service de traduction chaque semaine."]
DIRECTIVE_EN = ["1. Purpose",
                "1.1. This directive sets out the rules for validating terms used by the International Military "
                "Staff (IMS).",
                "1.2. Deprecated terms must no longer appear in published documents.",
                "2. The land components report to the Translation Service every week."]
ARTICLE_FR = ["Les forces alliées s’entraînent dans le Grand Nord",
              "Plus de 9 000 militaires participent cette semaine à un exercice dans le nord de la Norvège.",
              "La composante terrestre doit pouvoir se déplacer et combattre par grand froid.",
              "Des avions de patrouille maritime assurent la surveillance des approches navales."]
ARTICLE_EN = ["Allied forces train in the High North",
              "More than 9,000 troops are taking part this week in an exercise in northern Norway.",
              "The land component must be able to move and fight in extreme cold.",
              "Maritime patrol aircraft provide surveillance of the naval approaches."]


def _word(path, paragraphs, table=None):
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, text in enumerate(row):
                grid.cell(i, j).text = text
    document.save(path)


def _page(path, lang, paragraphs):
    body = f"<h1>{paragraphs[0]}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    path.write_text(f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{paragraphs[0]}</title>"
                    f"</head><body><nav><a href='/'>Home</a></nav><main><article>{body}</article></main>"
                    "<footer>© NATO</footer></body></html>", encoding="utf-8")


def test_a_day_s_work_ingest_review_revise_look_up_and_hand_a_workbook_back(tmp_path):
    """A day at the translation service, through the command line: the directive (Word, numbered paragraphs
    and a table of abbreviations) and a news page arrive; the same article saved as Word changes nothing; a
    reviewer decides; the next day's revision of the article replaces its units and keeps the decisions; a
    translator looks terms up as they type them; the glossary goes out as a workbook, comes back reviewed in
    Excel, and a sentence near one of the memory is found at the threshold its score names."""
    import openpyxl

    inbox, db = tmp_path / "inbox", tmp_path / "tm.db"
    inbox.mkdir()
    _word(inbox / "directive.fr.docx", DIRECTIVE_FR, [["Sigle", "Forme développée"],
                                                      ["EMI", "État-major militaire international"]])
    _word(inbox / "directive.en.docx", DIRECTIVE_EN, [["Abbreviation", "Full form"],
                                                      ["IMS", "International Military Staff"]])
    _page(inbox / "exercise.fr.html", "fr", ARTICLE_FR)
    _page(inbox / "exercise.en.html", "en", ARTICLE_EN)
    _word(tmp_path / "exercise-copy.fr.docx", ARTICLE_FR)
    _word(tmp_path / "exercise-copy.en.docx", ARTICLE_EN)

    def run(*args, code=(0,)):
        result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
        assert result.exit_code in code, result.output
        return result

    assert run("ingest", "--dir", inbox).stdout.startswith("2 documents ingested, 0 already stored, 0 failed")
    assert run("ingest", "--dir", inbox).stdout.startswith(
        "already stored: directive, exercise\n0 documents ingested, 2 already stored, 0 failed; 0 new units, "
        "0 new entries, 0 updated entries")
    assert run("ingest", tmp_path / "exercise-copy.fr.docx", tmp_path / "exercise-copy.en.docx").stdout == (
        "exercise-copy: same text as document exercise, already stored, nothing changed\n")
    units = {(u["source"], u["target"]) for u in api.document_units(open_store(db), "directive")}
    assert {("1. Objet", "1. Purpose"), ("EMI", "IMS")} <= units

    def entry(query, lang=None):
        hits = json.loads(run("lookup", query, "--json", *(["--lang", lang] if lang else []), code=(0, 1)).stdout)
        return hits[0] if hits else None

    ims = entry("EMI")
    assert {"État-major militaire international", "International Military Staff", "IMS"} <= {
        t["text"] for t in ims["terms"]}
    land = entry("composante terrestre")
    run("glossary", "approve", ims["id"], land["id"])
    run("glossary", "edit", land["id"], "--note", "Checked against NATOTerm.")
    # a proposal trimmed to the concept and merged into the entry a colleague had added for it
    aircraft = entry("avion de patrouille maritime")
    assert aircraft["terms"][0]["text"] == "avion de patrouille maritime"
    run("glossary", "edit", aircraft["id"], "--fr", "patrouille maritime aérienne", "--en", "maritime air patrol")
    added = run("glossary", "add", "patrouille maritime aérienne", "maritime air patrol", "--status", "approved")
    patrol = added.stdout.split()[-1]
    assert added.stdout == f"added entry {patrol}\n" and (f"tmtool --db {db} glossary merge {patrol}"
                                                              f" {aircraft['id']}") in added.stderr
    run("glossary", "merge", aircraft["id"], patrol)
    # typed without accents, in the plural, with an article, in English, with a slip: the same entries
    for query in ("Etat-major militaire international", "I.M.S.", "l'État-major militaire international"):
        assert entry(query)["id"] == ims["id"], query
    for query in ("composantes terrestres", "les composantes terrestres", "land components", "composante terestre"):
        assert entry(query)["id"] == land["id"], query

    # the next day: one sentence of the article revised, one added
    _page(inbox / "exercise.fr.html", "fr", ARTICLE_FR[:1] + ["Plus de 10 000 militaires participent cette semaine à "
                                                              "un exercice dans le nord de la Norvège."]
          + ARTICLE_FR[2:] + ["La Suède participe pour la première fois."])
    _page(inbox / "exercise.en.html", "en", ARTICLE_EN[:1] + ["More than 10,000 troops are taking part this week in "
                                                              "an exercise in northern Norway."]
          + ARTICLE_EN[2:] + ["Sweden is taking part for the first time."])
    assert "1 document ingested, 1 already stored, 0 failed" in run("ingest", "--dir", inbox).stdout
    revised = [(u["source"], u["target"]) for u in api.document_units(open_store(db), "exercise")]
    assert len(revised) == 5 and revised[-1] == ("La Suède participe pour la première fois.",
                                                 "Sweden is taking part for the first time.")
    assert not [u for u in revised if "9 000" in u[0]]
    # what the reviewer trimmed and merged away is not proposed again
    french = [t["text"] for e in json.loads(run("glossary", "list", "--status", "all", "--json").stdout) for t in e["fr"]]
    assert "avion de patrouille maritime" not in french and "patrouille maritime aérienne" in french
    shown = run("glossary", "show", land["id"]).stdout
    assert " approved " in shown and "note: Checked against NATOTerm." in shown

    # the glossary as a workbook, a candidate approved in Excel, read back; the reviewed entries as they were
    workbook = tmp_path / "review.xlsx"
    run("export", "--status", "all", "-o", workbook)
    sheet_book = openpyxl.load_workbook(workbook)
    sheet = sheet_book.active
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    candidate = next(row for row in rows if row[header.index("status")].value == "candidate")
    candidate[header.index("status")].value = "Approuvé"
    sheet_book.save(workbook)
    assert "(1 of them reviewed from the file)" in run("import", workbook).stdout
    chosen = candidate[header.index("id")].value
    assert json.loads(run("glossary", "show", chosen, "--json").stdout)["status"] == "approved"
    assert json.loads(run("glossary", "show", land["id"], "--json").stdout)["note"] == "Checked against NATOTerm."

    # TMX for the CAT tool: the revised article's units, not the day before's
    tmx = run("export", "tmx", "-o", "-").stdout
    assert "10 000 militaires" in tmx and "9 000 militaires" not in tmx
    # a sentence typed with its last words changed finds the unit, with the translation
    near = "Des avions de patrouille maritime assurent la surveillance de la côte."
    found = run("tm", "search", near, "--min", "60").stdout.splitlines()
    assert found[0].endswith("%  " + ARTICLE_FR[3]) and found[1].strip().startswith(ARTICLE_EN[3])
