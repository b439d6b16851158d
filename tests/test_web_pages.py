"""The workbench's pages as served: each renders, and every term, context, document name and query
is escaped — a store holding terms such as ``<script>alert(1)</script>`` and ``" onmouseover=``
gives pages where they are text, never markup."""

from __future__ import annotations

import pytest
from workbench import SEED_ID, candidates, client, seeded_store

from tmtool.ingest import ingest_pair
from tmtool.model import Context, Entry, ReviewStatus, Term
from tmtool import glossary
from tmtool.store import open_store

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="alert(2)'
IMAGE = '<img src=x onerror="window.__xss=1">'
HOSTILE_DOCUMENT = '"><img src=x onerror=alert(3)>'


def hostile_store(folder) -> str:
    """The seed store, plus an entry, a context and a document made of markup."""
    db = seeded_store(folder)
    (folder / "h.fr.txt").write_text(f"Le terme {SCRIPT} est dangereux. Le mot {IMAGE} aussi.\n", encoding="utf-8")
    (folder / "h.en.txt").write_text(f"The term {ATTRIBUTE} is dangerous. The word {IMAGE} too.\n", encoding="utf-8")
    with open_store(db) as store:
        ingest_pair(store, folder / "h.fr.txt", folder / "h.en.txt", document_id=HOSTILE_DOCUMENT, extract_terms=False)
        glossary.add_entry(store, Entry([Term(SCRIPT, "fr"), Term(IMAGE, "fr"), Term(ATTRIBUTE, "en")],
                              status=ReviewStatus.CANDIDATE, score=99.0, definition=IMAGE, note=ATTRIBUTE,
                              contexts=[Context(f"Le terme {SCRIPT} ici", f"The term {ATTRIBUTE} here", HOSTILE_DOCUMENT)]))
    return db


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    db = hostile_store(tmp_path_factory.mktemp("hostile"))
    with open_store(db) as store:
        entry_id = int(store.list_entries(text="script")[0].id)
    return client(db)[0], entry_id


def assert_escaped(html: str) -> None:
    for raw in (SCRIPT, ATTRIBUTE, IMAGE, HOSTILE_DOCUMENT, "onmouseover=\"alert", "<img src=x"):
        assert raw not in html, raw
    assert "alert(1)" not in html or "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_every_page_escapes_what_the_store_holds(hostile):
    http, entry_id = hostile
    from urllib.parse import quote

    pages = ["/", f"/?q={quote(SCRIPT)}", f"/?q={quote(ATTRIBUTE)}", "/?q=script", "/review", "/review?q=script",
             f"/review?document={quote(HOSTILE_DOCUMENT)}", f"/entries/{entry_id}", "/documents",
             f"/documents/{quote(HOSTILE_DOCUMENT, safe='')}", "/export"]
    for page in pages:
        response = http.get(page)
        assert response.status_code == 200, (page, response.text[:300])
        assert_escaped(response.text)
    review = http.get("/review?q=script").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in review and "&#34; onmouseover=&#34;alert(2)" in review
    assert "&lt;mark&gt;" not in review  # the highlight is markup, the term inside it text
    document = http.get(f"/documents/{quote(HOSTILE_DOCUMENT, safe='')}").text
    assert "Le terme &lt;script&gt;alert(1)&lt;/script&gt; est dangereux." in document


def test_an_error_page_escapes_the_request(hostile):
    http, _ = hostile
    from urllib.parse import quote

    response = http.get(f"/documents/{quote(SCRIPT, safe='')}")
    assert response.status_code == 404 and SCRIPT not in response.text and "&lt;script&gt;" in response.text
    assert_escaped(http.get(f"/entries/{quote(SCRIPT, safe='')}").text)


def test_the_json_api_returns_the_text_as_stored(hostile):
    http, entry_id = hostile
    entry = http.get(f"/api/entries/{entry_id}").json()
    assert [t["text"] for t in entry["terms"]] == [SCRIPT, IMAGE, ATTRIBUTE]
    assert http.get(f"/api/entries/{entry_id}").headers["content-type"] == "application/json"


def test_pages_render_the_seed_store(tmp_path):
    db = seeded_store(tmp_path)
    http, count = client(db)[0], candidates(db)
    review = http.get("/review").text
    assert review.count('class="card"') == 10 and f"Entries 1–10 of {count}, more on the next page." in review
    # the links (the keys' line names both pages whatever the page)
    assert 'rel="next"' in review and 'rel="prev"' not in review
    second = http.get("/review?status=candidate&offset=10").text
    assert f"Entries 11–20 of {count}, more" in second and 'rel="prev"' in second
    last = http.get(f"/review?status=candidate&offset={count - 2}").text
    assert f"Entries {count - 1}–{count} of {count}." in last and 'rel="next"' not in last
    assert "<mark>OTAN</mark>" in review and "<mark>NATO</mark>" in review  # the term, on both sides
    document = http.get(f"/documents/{SEED_ID}").text
    assert document.count('class="unit') == 19
    assert "TBX" in http.get("/export").text and "entries candidate" in http.get("/export").text
    assert 'name="csrf-token"' in review


def test_the_review_queue_pages_on_by_its_own_links_and_filter_form(tmp_path):
    # both send every field, an empty score box included (min_score=): that was a 400 error page
    from html import unescape
    import re

    http = client(seeded_store(tmp_path))[0]
    first = http.get("/review").text
    next_page = unescape(re.search(r'<a rel="next" href="([^"]+)"', first).group(1))
    assert "min_score=&" in next_page
    second = http.get(next_page)
    assert second.status_code == 200 and "Entries 11–20" in second.text
    filtered = http.get("/review", params={"status": "candidate", "min_score": "", "document": "", "q": "OTAN"})
    assert filtered.status_code == 200 and 'class="card"' in filtered.text
    assert 'name="min_score" type="number" step="any" value=""' in filtered.text
    scored = http.get("/review", params={"status": "", "min_score": "1.5", "document": "", "q": ""})
    assert scored.status_code == 200 and 'value="1.5"' in scored.text
    assert http.get("/review?min_score=abc").status_code == 400
    # a cursor sent empty, as a link or a form may, is none: the queue's start (it was "after: '' is not the cursor")
    for cursors in ("after=", "before=", "after=&before="):
        start = http.get("/review?status=candidate&offset=0&" + cursors)
        assert start.status_code == 200 and "Entries 1–10 of " in start.text, cursors


def test_a_wrong_filter_of_the_review_queue_is_said_in_one_line_naming_it(tmp_path):
    """A score or a status of the wrong kind was said once for each type the field might have been:
    "min_score.float: Input should be a valid number…; min_score.literal['']: Input should be ''"."""
    import re

    http, headers = client(seeded_store(tmp_path))
    for query, says in (("min_score=abc", "min_score: Input should be a valid number, unable to parse string as a number"),
                        ("min_score=nan", "min_score is a number, not nan"),
                        ("status=pending", "status: &#39;pending&#39; is not one of &#39;candidate&#39;, &#39;approved&#39; or &#39;rejected&#39;")):
        page = http.get(f"/review?{query}")
        assert (page.status_code, re.findall(r'<p class="error">([^<]*)</p>', page.text)) == (400, [says]), query
    # an empty status is any status, no status the candidates; an empty score no minimum
    best = http.get("/api/entries?limit=1").json()["entries"][0]["id"]
    http.post(f"/api/entries/{best}/approve", headers=headers)
    shown = {status: re.findall(r'class="card"[^>]*data-status="(\w+)"', http.get(f"/review?{status}&min_score=").text)
             for status in ("status=", "status=approved", "")}
    assert shown == {"status=": ["approved"] + ["candidate"] * 9, "status=approved": ["approved"], "": ["candidate"] * 10}


def test_the_review_queue_sorts_by_frequency_and_its_pages_keep_the_order(tmp_path):
    import re
    from html import unescape

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        wanted = [int(e.id) for e in store.list_entries(statuses=[ReviewStatus.CANDIDATE], order="frequency")]
        assert wanted != [int(e.id) for e in store.list_entries(statuses=[ReviewStatus.CANDIDATE])]
    http = client(db)[0]
    first = http.get("/review", params={"status": "candidate", "min_score": "", "document": "", "q": "",
                                        "order": "frequency"}).text
    assert '<option value="frequency" selected>' in first
    shown = [int(found) for found in re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', first)]
    next_page = unescape(re.search(r'<a rel="next" href="([^"]+)"', first).group(1))
    assert "order=frequency" in next_page
    shown += [int(found) for found in re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', http.get(next_page).text)]
    assert shown == wanted[:20]
    assert http.get("/api/entries", params={"order": "newest", "limit": 3}).json()["entries"][0]["id"] == str(max(wanted))
    assert http.get("/review?order=alphabetical").status_code == 400


def test_every_response_forbids_framing_and_foreign_scripts(tmp_path):
    """Markup that slipped into a page would not run (scripts of this server only), and no other
    site's page can frame the review queue to take its keystrokes."""
    http, _ = client(seeded_store(tmp_path))
    for response in (http.get("/review"), http.get("/api/entries"), http.post("/api/entries/1/approve")):
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_boxes_a_term_is_typed_in_take_the_direction_of_what_is_typed(tmp_path):
    """An Arabic or Hebrew term typed in the look-up box or the review queue's text filter ran left to right, its
    punctuation at the wrong end: they follow what is typed (dir="auto"), as the results do their language."""
    import re

    http = client(seeded_store(tmp_path))[0]
    assert re.search(r'<input id="lookup-q" [^>]*dir="auto"', http.get("/", params={"q": "الأمين العام"}).text)
    assert re.search(r'<input name="q" value="الأمين العام" [^>]*dir="auto"',
                     http.get("/review", params={"q": "الأمين العام"}).text)


def test_an_entry_s_page_shows_each_term_with_its_own_note_and_its_deprecate_button(tmp_path):
    db = seeded_store(tmp_path)
    (tmp_path / "notes.tbx").write_text(
        '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body><termEntry id="a">'
        '<langSet xml:lang="fr"><tig><term>guerre des mines</term><note>terme de la doctrine</note></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>mine warfare</term></tig></langSet></termEntry></body></text></martif>',
        encoding="utf-8")
    from tmtool import api

    with open_store(db) as store:
        api.import_file(store, tmp_path / "notes.tbx")
        entry_id = api.entries(store, text="guerre des mines")[0]["id"]
    page = client(db)[0].get(f"/entries/{entry_id}").text
    assert '<span class="term">guerre des mines</span> <small>noun, fullForm, preferred</small> ' \
           '<span class="note">terme de la doctrine</span>' in page
    assert page.count('class="deprecate"') == 2 and 'data-lang="en" aria-label="deprecate mine warfare"' in page


def test_a_review_card_and_the_entry_s_page_show_each_context_sentence_under_the_terms_of_its_language(tmp_path):
    """An English–German entry's card shows its English terms on the left and its German ones on the right; its
    contexts showed the German sentence on the left, under the English terms, and the English on the right. The
    entry's own page did so after the card was mended, under that same card, and marked no term."""
    from lxml import html

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        entry_id = glossary.add_entry(store, Entry(
            [Term("seabed", "en"), Term("Meeresboden", "de")], status=ReviewStatus.CANDIDATE,
            contexts=[Context("Die Drohnen kartieren den Meeresboden.", "The drones map the seabed.", "exercise")]))
    http = client(db)[0]
    page = html.fromstring(http.get("/review", params={"q": "seabed"}).text)
    card, = page.xpath('//li[@class="card"]')
    assert card.xpath('div[@class="sides"]/ul[@class="terms"]/@lang') == ["en", "de"]
    for context in (*card.xpath('div[@class="sides context"]'),
                    *html.fromstring(http.get(f"/entries/{entry_id}").text).xpath('//div[@class="sides context"]')):
        assert [(p.get("lang"), p.text_content()) for p in context.xpath("p")] == [
            ("en", "The drones map the seabed."), ("de", "Die Drohnen kartieren den Meeresboden.")]
        assert context.xpath(".//mark/text()") == ["seabed", "Meeresboden"]


def test_an_english_term_s_own_context_stands_under_the_english_terms(tmp_path):
    """An English term's own context (a TBX's, as a termbase gives each term one) is an English sentence without a
    translation: the card, the entry's page and the look-up page put it under the French terms, on the left, and an
    empty English side on the right, under the English terms."""
    from lxml import html

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        entry_id = glossary.add_entry(store, Entry(
            [Term("frégate", "fr"), Term("frigate", "en", contexts=[Context("The frigate sails at dawn.")])],
            status=ReviewStatus.CANDIDATE, contexts=[Context("La frégate appareille.", "The frigate sails.", SEED_ID)]))
    http = client(db)[0]
    for page, contexts in ((http.get("/review", params={"q": "frégate"}), '//li[@class="card"]/div[@class="sides context"]'),
                           (http.get(f"/entries/{entry_id}"), '//div[@class="sides context"]'),
                           (http.get("/", params={"q": "frégate"}), '//div[@class="sides context"]')):
        shown = [[(p.get("lang"), p.text_content()) for p in context.xpath("p")]
                 for context in html.fromstring(page.text).xpath(contexts)]
        assert shown == [[("fr", "La frégate appareille."), ("en", "The frigate sails.")],
                         [("en", ""), ("en", "The frigate sails at dawn.")]], page.url


def test_a_context_in_a_third_language_says_its_language_on_the_card_and_the_entry_s_page(tmp_path):
    """A French–English–German entry's German term came with a context of its own: the card showed that German
    sentence under the French terms, and the entry's page among the French contexts, neither saying its language."""
    from lxml import html

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        entry_id = glossary.add_entry(store, Entry(
            [Term("frégate", "fr"), Term("frigate", "en"), Term("Fregatte", "de", contexts=[Context("Die Fregatte läuft aus.")])],
            status=ReviewStatus.CANDIDATE, contexts=[Context("La frégate appareille.", "The frigate sails.", SEED_ID)]))
    http = client(db)[0]
    for page, contexts in ((http.get("/review", params={"q": "frégate"}), '//li[@class="card"]/div[@class="sides context"]'),
                           (http.get(f"/entries/{entry_id}"), '//div[@class="sides context"]')):
        shown = [[(p.get("lang"), p.xpath('string(b[@class="lang"])'), p.text_content()) for p in context.xpath("p")]
                 for context in html.fromstring(page.text).xpath(contexts)]
        assert shown == [[("fr", "", "La frégate appareille."), ("en", "", "The frigate sails.")],
                         [("de", "de", "de Die Fregatte läuft aus."), ("en", "", "")]]


def test_the_documents_page_says_when_a_document_was_revised(tmp_path):
    import sqlite3

    db = seeded_store(tmp_path)
    http = client(db)[0]
    row = '<td>{ingested}</td><td>{revised}</td></tr>'
    with sqlite3.connect(db) as connection:
        ingested, updated = connection.execute("SELECT ingested, updated FROM documents WHERE id = ?", (SEED_ID,)).fetchone()
    assert ingested == updated and row.format(ingested=ingested, revised="") in http.get("/documents").text
    with sqlite3.connect(db) as connection:  # as a revision ingested later sets it
        connection.execute("UPDATE documents SET updated = ? WHERE id = ?", ("2031-01-02T03:04:05+00:00", SEED_ID))
    assert row.format(ingested=ingested, revised="2031-01-02T03:04:05+00:00") in http.get("/documents").text


def test_an_entry_s_page_shows_each_term_s_gender_as_its_card_and_glossary_show_do(tmp_path):
    """The review card and ``tmtool glossary show`` give a French term's gender; the entry's own page (where a
    look-up's #12 leads) left it out, so that a terminologist checking *la* or *le* had to open the edit form."""
    from tmtool import api

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        added = api.add_entry(store, ["base aérienne", "BA"], ["air base"], status="candidate")
        api.edit(store, added["id"], genders={"fr": "feminine"}, status="candidate")
    http = client(db)[0]
    page = http.get(f"/entries/{added['id']}").text
    assert '<span class="term">base aérienne</span> <small>noun, feminine, fullForm, preferred</small>' in page
    assert '<span class="term">BA</span> <small>noun, acronym, preferred</small>' in page
    assert "noun, feminine" in http.get("/review", params={"q": "base aérienne"}).text


def test_every_column_of_a_page_s_tables_is_named(tmp_path):
    # the history's column of revert buttons had an empty heading: a screen reader said "blank" for it on every row
    import re

    db = seeded_store(tmp_path)
    http = client(db)[0]
    http.post("/api/entries/1/approve", json={}, headers=client(db)[1])
    for path in ("/entries/1", "/documents", f"/documents/{SEED_ID}"):
        headings = re.findall(r"<th>(.*?)</th>", http.get(path).text)
        assert headings and all(heading.strip() for heading in headings), (path, headings)


def test_a_page_read_after_entries_before_it_were_decided_elsewhere_numbers_no_entry_past_the_total(tmp_path):
    # another reviewer decided the first page's entries while this one read on: the queue's last page followed its
    # cursor, numbered from the offset its link carried, and said "Entries 41–42 of 32": past the total it gave
    from html import unescape
    import re

    db = seeded_store(tmp_path)
    http, count = client(db)[0], candidates(db)
    assert count > 30
    links, html = [], http.get("/review?status=candidate").text
    shown = re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', html)
    while 'rel="next"' in html:
        links.append(unescape(re.search(r'<a rel="next" href="([^"]+)"', html).group(1)))
        html = http.get(links[-1]).text
    with open_store(db) as store:
        for entry_id in shown:
            glossary.set_status(store, int(entry_id), ReviewStatus.APPROVED)
    for link in links[1:]:
        html = http.get(link).text
        said = re.search(r"Entries (\d+)–(\d+) of (\d+)", html)
        first_shown, last_shown, total = map(int, said.groups())
        assert total == count - 10 and last_shown <= total, (link, said.group())
        assert last_shown - first_shown + 1 == html.count('class="card"')
    assert 'rel="next"' not in html and last_shown == total, said.group()  # the last page: the last of the total


def test_a_queue_filtered_by_text_counts_its_total_less_far(tmp_path, monkeypatch):
    # a text's count reads every entry holding it (0.7-1.1 s on PostgreSQL for "e" in 100,000 entries, its page 0.24 s):
    # counted to web.app.TEXT_COUNTED, "at least" beyond; the queue by status alone counted to api.ENTRIES_COUNTED
    import re

    from tmtool.web import app

    db = seeded_store(tmp_path)
    monkeypatch.setattr(app, "TEXT_COUNTED", 3, raising=False)
    http, count = client(db)[0], candidates(db)
    with open_store(db) as store:
        held = len(store.list_entries(statuses=[ReviewStatus.CANDIDATE], text="e"))
    assert held > 3
    said = re.search(r'<p class="count"[^>]*>([^<]*)<', http.get("/review?status=candidate&q=e").text).group(1)
    assert said == f"Entries 1–{min(held, 10)} of at least 3{', more on the next page' if held > 10 else ''}.", said
    assert f"Entries 1–10 of {count}, more" in http.get("/review?status=candidate").text


def test_a_middle_page_numbers_its_entries_exactly_after_some_before_it_were_decided_elsewhere(tmp_path):
    # the second page's link carried offset=10; another reviewer then decided three entries of the first page: the
    # second page said "Entries 11–20 of N-3" where its first entry was the eighth of the queue as it stood
    from html import unescape
    import re

    db = seeded_store(tmp_path)
    http, count = client(db)[0], candidates(db)
    html = http.get("/review?status=candidate").text
    shown = re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', html)
    second = unescape(re.search(r'<a rel="next" href="([^"]+)"', html).group(1))
    third = unescape(re.search(r'<a rel="next" href="([^"]+)"', http.get(second).text).group(1))
    with open_store(db) as store:
        for entry_id in shown[:3]:
            glossary.set_status(store, int(entry_id), ReviewStatus.REJECTED)
        queue = [entry.id for entry in store.list_entries(statuses=[ReviewStatus.CANDIDATE])]
    for link in (second, third):
        html = http.get(link).text
        cards = re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', html)
        said = re.search(r'<p class="count"[^>]*>([^<]*)<', html).group(1)
        first = queue.index(cards[0]) + 1
        assert said.startswith(f"Entries {first}–{first + len(cards) - 1} of {count - 3}"), (said, first)
        # the page after it follows on from the exact number
        assert re.search(rf"offset={first - 1 + len(cards)}(&|&amp;)after=", html)


def test_a_page_past_the_count_s_cap_says_its_numbers_are_about(tmp_path, monkeypatch):
    # counted no further than the cap, the entries before a page are not known exactly: "about", not a number said
    # as exact
    import re

    from tmtool import api

    db = seeded_store(tmp_path)
    monkeypatch.setattr(api, "ENTRIES_COUNTED", 5)
    http = client(db)[0]
    html = http.get("/review?status=candidate").text
    assert "Entries 1–10 of at least 5, more on the next page." in html
    second = re.search(r'<a rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    said = re.search(r'<p class="count"[^>]*>([^<]*)<', http.get(second).text).group(1)
    assert said.startswith("Entries about 11–20 of at least 5"), said


def test_a_page_of_one_entry_says_entry_not_a_range_of_one(tmp_path):
    # "Entries 1–1 of 1." for a filter holding one entry
    import re

    db = seeded_store(tmp_path)
    with open_store(db) as store:
        glossary.add_entry(store, Entry([Term("Organisation du Traité de l'Atlantique Nord", "fr"),
                                         Term("منظمة حلف شمال الأطلسي", "ar")], status=ReviewStatus.CANDIDATE))
    html = client(db)[0].get("/review?status=candidate&lang=ar").text
    assert re.search(r'<p class="count"[^>]*>([^<]*)<', html).group(1) == "Entry 1 of 1."


def test_the_document_view_offers_no_correction_its_first_and_last_units_cannot_take(tmp_path):
    # the first unit's ↑ (to the previous unit) and the last unit's ↓ and "merge with next" were offered like the
    # others' and only said, once pressed, "unit 12 has no previous unit": disabled, as they cannot be made
    import re

    html = client(seeded_store(tmp_path))[0].get(f"/documents/{SEED_ID}").text
    rows = re.findall(r'<tr class="unit.*?</tr>', html, re.S)
    assert len(rows) > 2

    def disabled(row: str) -> set[str]:
        return {f"{side} {direction}" for side, direction in re.findall(
            r'class="move" data-side="(\w+)" data-direction="(\w+)"[^>]*disabled', row)} | (
            {"merge"} if re.search(r'class="merge-next"[^>]*disabled', row) else set())

    assert disabled(rows[0]) == {"source up", "target up"}
    assert disabled(rows[-1]) == {"source down", "target down", "merge"}
    assert all(not disabled(row) for row in rows[1:-1])


def test_a_candidate_s_edit_form_says_saving_approves_it(tmp_path):
    # saving an edit of a candidate approves it (the person editing it has reviewed it, as `glossary edit` does): the
    # card left the candidates' queue on Save, said only afterwards ("#31 saved, approved")
    import re

    db = seeded_store(tmp_path)
    http, headers = client(db)
    html = http.get("/review?status=candidate").text
    forms = re.findall(r'<form class="edit-form".*?</form>', html, re.S)
    assert forms and all("Saving approves it" in form for form in forms)
    entry_id = re.search(r'data-entry="(\d+)"', html).group(1)
    http.post(f"/api/entries/{entry_id}/reject", json={}, headers=headers)
    rejected = http.get(f"/entries/{entry_id}").text
    assert "Saving approves it" not in rejected  # an edit leaves a decided entry's status as it is
