"""The workbench in a real headless browser (Debian's chromium through chromium-driver and
Selenium): look a term up, review ten candidates with the keyboard, merge two units and split one
in the document view, export TBX — checking the store after each — and markup in the store never
runs as script. Each page's screenshot is written into the test's temporary folder.

Without chromium these tests skip, saying so; under CI (``CI`` set), where ``.ci/run`` installs it,
they fail instead."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from lxml import etree
from workbench import SEED_ID, WAIT_S, Server, candidates, seeded_store

from conftest import SEED_EN, SEED_FR, tool_missing

from tmtool import api, glossary
from tmtool.store import open_store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _need_browser() -> None:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if missing:
        tool_missing(f"no {', '.join(missing)}: apt-get install chromium chromium-driver")


@pytest.fixture
def db(tmp_path) -> str:
    return seeded_store(tmp_path)


@pytest.fixture
def server(db):
    running = Server(db)
    yield running
    running.stop()


@pytest.fixture
def browser(tmp_path):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=en"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    yield driver
    driver.quit()


def wait(browser, condition, message: str):
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def replaced(driver):
        # Chrome says a node replaced between finding it and reading it "does not belong to the document",
        # an unknown error rather than a stale element: it is one
        try:
            return condition(driver)
        except WebDriverException as error:
            if "does not belong to the document" in str(error.msg):
                raise StaleElementReferenceException(error.msg) from error
            raise

    # a page reloading after an action replaces the elements a condition is reading, or has none yet (IndexError)
    return WebDriverWait(browser, WAIT_S, ignored_exceptions=(StaleElementReferenceException, IndexError)).until(
        replaced, message)


def shot(browser, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 1000


def css(browser, selector: str):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, selector)


def test_look_up_a_term_as_you_type(server, browser, db, tmp_path):
    browser.get(server.url + "/")
    box = css(browser, "#lookup-q")[0]
    box.send_keys("NATO")
    wait(browser, lambda b: css(b, "#lookup-results article.hit"), "no glossary hit appeared")
    first = css(browser, "#lookup-results article.hit")[0]
    assert "OTAN" in first.text and "NATO" in first.text
    memory = [p.text for p in css(browser, "#lookup-results > div.context")]
    with open_store(db) as store:
        assert int(first.get_attribute("data-entry")) == int(store.list_entries(text="otan")[0].id)
        assert len(memory) == len(store.concordance("NATO", 10)) > 0
    assert browser.current_url.endswith("/?q=NATO")
    shot(browser, tmp_path, "lookup")


def test_a_deprecated_term_looked_up_is_struck_through_and_says_so(server, browser, db):
    """The look-up showed a deprecated term as it showed the preferred one (the rule striking it through wanted its
    text in a span it was not in, and no word said it), where ``tmtool lookup`` labels it "(deprecated)": a
    translator took the term the terminologist had ruled out."""
    with open_store(db) as store:
        added = api.add_entry(store, ["Comité militaire"], ["Military Committee", "Military Cttee"])
        api.deprecate(store, added["id"], "Military Cttee")
        api.set_usage(store, added["id"], "Military Committee", "admitted")

    def terms(b):
        return [(li.get_attribute("class"), li.text, li.find_element("css selector", ".term").value_of_css_property(
            "text-decoration-line")) for li in css(b, "#lookup-results article.hit li")]

    shown = [("preferred", "fr Comité militaire", "none"), ("admitted", "en Military Committee admitted", "none"),
             ("deprecated", "en Military Cttee deprecated", "line-through")]
    browser.get(server.url + "/?q=" + quote("Military Cttee"))  # the page, as a look-up's link opens it
    assert terms(browser) == shown
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys("Military Cttee")  # as one types
    wait(browser, lambda b: terms(b) == shown, "the deprecated term was not shown as such as one types")


def test_review_ten_candidates_with_the_keyboard(server, browser, db, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    cards = css(browser, "#queue .card")
    ids = [int(card.get_attribute("data-entry")) for card in cards]
    assert len(ids) == 10
    keys = "aarjkararaaa"  # ten decisions, one a card in order; j and k move down and back up on the way
    decided: dict[int, str] = {}
    position = 0
    for key in keys:
        ActionChains(browser).send_keys(key).perform()
        if key in "jk":
            position += 1 if key == "j" else -1
            wait(browser, lambda b: css(b, ".card.selected")[0].get_attribute("data-entry") == str(ids[position]),
                 f"{key} did not select #{ids[position]}")
            continue
        card_id, wanted = ids[position], "approved" if key == "a" else "rejected"
        wait(browser, lambda b: b.find_element("css selector", f'.card[data-entry="{card_id}"]')
             .get_attribute("data-status") == wanted, f"#{card_id} not {wanted}")
        decided[card_id] = wanted
        position = min(position + 1, len(ids) - 1)
    assert list(decided) == ids
    with open_store(db) as store:
        assert {entry_id: glossary.entry(store, entry_id).status.value for entry_id in decided} == decided
        assert all([c.action for c in store.history(entry_id)] == [decided[entry_id]] for entry_id in decided)
    shot(browser, tmp_path, "review")
    # undo the last decision with the key, and the store has it back as a candidate
    last = ids[-1]
    ActionChains(browser).send_keys("u").perform()
    # the queue comes back holding the candidates left: the nine decided gone, the undone one among them
    wait(browser, lambda b: [c.get_attribute("data-entry") for c in css(b, "#queue .card")][:1] == [str(last)],
         "the undone entry is not back in the queue")
    with open_store(db) as store:
        assert glossary.entry(store, last).status.value == "candidate"
        assert store.history(last)[-1].action.startswith("revert")


def test_merge_two_units_and_split_one_in_the_document_view(server, browser, db, tmp_path):
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    shot(browser, tmp_path, "document")
    rows = css(browser, "tr.unit")
    assert len(rows) == 19
    with open_store(db) as store:
        before = store.document_units(SEED_ID)
    rows[0].find_element("css selector", ".merge-next").click()
    wait(browser, lambda b: len(css(b, "tr.unit")) == 18, "the merge did not show")
    with open_store(db) as store:
        units = store.document_units(SEED_ID)
        assert len(units) == 18
        assert units[0].unit.source == before[0].unit.source + " " + before[1].unit.source
        assert [e.action for e in store.unit_edits(SEED_ID)] == ["merge"]
    # the merged unit: a heading and a sentence in French, a heading and two sentences in English
    merged = css(browser, "tr.unit")[0]
    merged.find_element("css selector", '.split-here[data-side="source"][data-at="1"]').click()
    wait(browser, lambda b: "choose where the target splits" in css(b, "#status")[0].text, "no prompt for the target")
    css(browser, "tr.unit")[0].find_element("css selector", '.split-here[data-side="target"][data-at="1"]').click()
    wait(browser, lambda b: len(css(b, "tr.unit")) == 19, "the split did not show")
    with open_store(db) as store:
        units = store.document_units(SEED_ID)
        assert (units[0].unit.source, units[0].unit.target) == (before[0].unit.source, before[0].unit.target)
        assert (units[1].unit.source, units[1].unit.target) == (before[1].unit.source, before[1].unit.target)
        assert [e.action for e in store.unit_edits(SEED_ID)] == ["merge", "split"]
    shot(browser, tmp_path, "document-corrected")
    # undo both: the aligner's units are back, ids aside, and no correction is left to replay
    for left in (["merge"], []):
        css(browser, "#undo-correction")[0].click()
        wait(browser, lambda b: len(css(b, ".corrections li")) == max(len(left), 1) and len(css(b, "#undo-correction")) == bool(left),
             "the undo did not show")
        with open_store(db) as store:
            assert [e.action for e in store.unit_edits(SEED_ID)] == left
    assert len(css(browser, "tr.unit")) == 19
    with open_store(db) as store:
        assert [aligned(u) for u in store.document_units(SEED_ID)] == [aligned(u) for u in before]


def aligned(unit) -> tuple:
    """What the aligner made of a unit, and where it stands."""
    return (unit.unit.source, unit.unit.target, unit.unit.tuid, unit.bead, unit.confidence, unit.excluded,
            unit.sentences, unit.position)


def test_a_unit_s_number_bead_and_confidence_each_stand_on_one_line(server, browser):
    """The page wraps a long word anywhere (a web address): the document's table squeezed its narrow columns to a
    character's width, unit 10 read as 1 over 0, a confidence of 0.986 as 0.98 over 6, "bead" as "be" over "ad"."""
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    lines = """const range = document.createRange(); range.selectNodeContents(arguments[0]);
               return range.getClientRects().length;"""
    row = css(browser, "tr.unit")[9]
    cells = [row.find_element("css selector", "td"), *row.find_elements("css selector", "td.bead, td.confidence"),
             *css(browser, "#units th")]
    assert [cell.text for cell in cells[:3]] == ["10", "1-1", cells[2].text] and len(cells) == 9
    assert [browser.execute_script(lines, cell) for cell in cells] == [1] * 9


def test_export_tbx_with_the_status_filter(server, browser, db, tmp_path):
    from selenium.webdriver.support.ui import Select

    with open_store(db) as store:
        from tmtool.model import ReviewStatus

        for entry in store.list_entries()[:3]:
            glossary.set_status(store, int(entry.id), ReviewStatus.APPROVED)
        approved = {e.terms_in("fr")[0].text for e in store.list_entries(statuses=[ReviewStatus.APPROVED])}
    browser.get(server.url + "/export")
    shot(browser, tmp_path, "export")
    Select(css(browser, "#export-status")[0]).select_by_value("approved")
    css(browser, "#export-tbx")[0].click()
    target = tmp_path / "glossary.tbx"
    wait(browser, lambda b: target.exists() and target.stat().st_size > 0, "no glossary.tbx downloaded")
    time.sleep(0.2)  # the browser renames its partial file into place; let it finish writing
    tree = etree.parse(str(target))
    written = {term.text for entry in tree.iterfind(".//{*}conceptEntry")
               for lang in entry.iterfind("{*}langSec") if lang.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
               for term in lang.iterfind(".//{*}term")}
    assert len(tree.findall(".//{*}conceptEntry")) == 3 and approved <= written


def test_pages_screenshots_and_documents_list(server, browser, tmp_path):
    for name, path in (("documents", "/documents"), ("entry", "/entries/1"), ("lookup-page", "/?q=OTAN")):
        browser.get(server.url + path)
        assert "Error" not in browser.title
        shot(browser, tmp_path, name)
    browser.get(server.url + "/documents")
    assert SEED_ID in css(browser, "table.documents")[0].text


def test_no_page_logs_an_error_in_the_browser_s_console(server, browser):
    # every page asked for /favicon.ico, a 404 in the console (and in a proxy's log) on each page a reviewer opened
    for path in ("/", "/review", "/entries/1", "/documents", f"/documents/{quote(SEED_ID)}", "/export"):
        browser.get(server.url + path)
        css(browser, "main")  # loaded
        assert [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"] == [], path


def test_markup_in_the_store_never_runs(tmp_path, browser):
    from test_web_pages import HOSTILE_DOCUMENT, SCRIPT, hostile_store

    running = Server(hostile_store(tmp_path))
    try:
        for path in ("/?q=script", "/review?q=script", "/documents", f"/documents/{quote(HOSTILE_DOCUMENT, safe='')}"):
            browser.get(running.url + path)
            assert browser.execute_script("return window.__xss") is None, path
            assert not browser.execute_script("return document.querySelector('main img, main script')"), path
        # the look-up as you type builds its results in the page: text too
        browser.get(running.url + "/")
        css(browser, "#lookup-q")[0].send_keys(SCRIPT)
        wait(browser, lambda b: css(b, "#lookup-results article.hit") and css(b, "#lookup-results > div.context"), "no hit")
        assert SCRIPT in css(browser, "#lookup-results article.hit")[0].text
        assert SCRIPT in css(browser, "#lookup-results > div.context")[0].text
        assert browser.execute_script("return window.__xss") is None
        assert not browser.execute_script("return document.querySelector('#lookup-results img, #lookup-results script')")
        shot(browser, tmp_path, "escaped")
    finally:
        running.stop()


def test_edit_with_the_key_and_merge_and_deprecate_with_buttons(server, browser, db, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    first, second = (int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")[:2])
    ActionChains(browser).send_keys("e").perform()
    english = css(browser, '.card.selected .edit-form input[name="en"]')[0]
    english.clear()
    english.send_keys("North Atlantic Treaty Organization", Keys.ENTER)
    wait(browser, lambda b: _status(db, first) == "approved", "the edit did not land")  # an edited candidate is approved
    with open_store(db) as store:
        assert glossary.entry(store, first).terms_in("en")[0].text == "North Atlantic Treaty Organization"
        assert [c.action for c in store.history(first)] == ["edit"]
    # the edited entry left the candidates; the second is now first: merge it into the first
    browser.get(server.url + "/review")
    card = browser.find_element("css selector", f'.card[data-entry="{second}"]')
    card.find_element("css selector", ".merge").click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys(str(first))
    prompt.accept()
    wait(browser, lambda b: not b.find_elements("css selector", f'.card[data-entry="{second}"]'), "no merge")
    with open_store(db) as store:
        assert second not in {int(e.id) for e in store.list_entries()}
        assert [c.action for c in store.history(first)][-1] == "merge"
    browser.get(f"{server.url}/review?status=&q=")
    card = browser.find_element("css selector", f'.card[data-entry="{first}"]')
    term = card.find_element("css selector", ".deprecate").get_attribute("data-term")
    card.find_element("css selector", ".deprecate").click()
    wait(browser, lambda b: _usage(db, first, term) == "deprecated", "no deprecation")


def _status(db: str, entry_id: int) -> str:
    with open_store(db) as store:
        return glossary.entry(store, entry_id).status.value


def _usage(db: str, entry_id: int, text: str) -> str:
    with open_store(db) as store:
        return next(t.usage.value for t in glossary.entry(store, entry_id).terms if t.text == text)


def test_an_edit_sends_only_the_fields_changed(server, browser, db, tmp_path):
    # the form shows an empty English field for an entry without English: saving a note must not store it as a term
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    with open_store(db) as store:
        added = int(api.add_entry(store, ["chasseur de mines"], status="candidate")["id"])
    browser.get(server.url + "/review?q=" + quote("chasseur de mines"))
    ActionChains(browser).send_keys("e").perform()
    note = css(browser, '.card.selected .edit-form textarea[name="note"]')[0]
    note.send_keys("MCM vessel", Keys.ENTER)
    wait(browser, lambda b: _status(db, added) == "approved", "the edit did not land")
    with open_store(db) as store:
        entry = glossary.entry(store, added)
    assert [(t.lang, t.text) for t in entry.terms] == [("fr", "chasseur de mines")] and entry.note == "MCM vessel"


def test_a_terms_gender_is_shown_and_mended_in_the_edit_form(server, browser, db, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select

    with open_store(db) as store:
        added = int(api.add_entry(store, ["centre de commandement"], ["command centre"], status="candidate")["id"])
        api.edit(store, added, genders={"fr": "feminine"}, status="candidate")  # as the tagger guessed it
    browser.get(server.url + "/review?q=" + quote("centre de commandement"))
    assert css(browser, ".card.selected .terms")[0].text == "centre de commandement noun, feminine deprecate"
    ActionChains(browser).send_keys("e").perform()
    Select(css(browser, '.card.selected .edit-form select[name="genders.fr"]')[0]).select_by_visible_text("masculine")
    css(browser, ".card.selected .edit-form button[type=submit]")[0].click()
    wait(browser, lambda b: _status(db, added) == "approved", "the edit did not land")
    with open_store(db) as store:
        terms = glossary.entry(store, added).terms
    assert [(t.lang, t.text, t.gender, t.pos) for t in terms] == [
        ("fr", "centre de commandement", "masculine", "noun"), ("en", "command centre", None, "noun")]


def test_a_term_being_edited_is_shown_whole_in_its_box(server, browser, db):
    # the edit form's boxes were 20 characters wide: "État-major militaire international" was mended blind
    with open_store(db) as store:
        entry_id = int(api.add_entry(store, ["commandement allié interarmées de Brunssum"],
                                     ["Allied Joint Force Command Brunssum"], status="candidate")["id"])
    browser.get(f"{server.url}/entries/{entry_id}")
    css(browser, ".card .edit")[0].click()
    for name in ("fr", "en"):
        box = css(browser, f'.edit-form input[name="{name}"]')[0]
        assert browser.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", box), name


def test_a_note_and_a_definition_of_several_lines_keep_them_when_the_form_saves(server, browser, db):
    """A termbase's note is lines ("Created by: …", "Modified by: …"): the edit form showed it in a one-line box,
    which drops line breaks, and saving a gender sent the note and the definition back joined into one line."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    note, definition = "Created by: clambert\nModified by: pmorel", "A ship.\nIt finds and destroys mines."
    with open_store(db) as store:
        added = int(api.add_entry(store, ["chasseur de mines"], ["minehunter"], status="candidate")["id"])
        api.edit(store, added, note=note, definition=definition, status="candidate")
    browser.get(server.url + "/review?q=" + quote("chasseur de mines"))
    ActionChains(browser).send_keys("e").perform()
    Select(css(browser, '.card.selected .edit-form select[name="genders.fr"]')[0]).select_by_visible_text("masculine")
    css(browser, ".card.selected .edit-form button[type=submit]")[0].click()
    wait(browser, lambda b: _status(db, added) == "approved", "the edit did not land")
    with open_store(db) as store:
        entry = api.entry(store, added)
    assert (entry["note"], entry["definition"], entry["terms"][0]["gender"]) == (note, definition, "masculine")
    # on the entry's page, which shows the note as its lines: one added, Shift+Enter starting it and Enter saving
    browser.get(f"{server.url}/entries/{added}")
    assert "Created by: clambert\nModified by: pmorel" in css(browser, "main")[0].text
    css(browser, "#queue .card .edit")[0].click()
    box = css(browser, '#queue .card textarea[name="note"]')[0]
    box.send_keys(Keys.CONTROL, Keys.END, Keys.NULL)
    box.send_keys(Keys.SHIFT, Keys.ENTER, Keys.NULL, "Checked: NATOTerm", Keys.ENTER)
    wait(browser, lambda b: _note(db, added) != note, "the note was not saved")
    assert _note(db, added) == note + "\nChecked: NATOTerm"


def test_enter_and_escape_picking_an_input_method_s_word_neither_save_nor_close_the_form(server, browser, db):
    """Typing Japanese or Chinese, Enter picks the word the input method composed and Escape drops it: in the note's
    box Safari's keydown of that Enter says isComposing false and only keyCode 229 tells it, and the form saved the
    half-typed note; Escape closed the form, the edit lost. The boxes say what Enter does, for a screen reader."""
    from selenium.webdriver.common.action_chains import ActionChains

    with open_store(db) as store:
        added = int(api.add_entry(store, ["chasseur de mines"], ["minehunter"], status="candidate")["id"])
    browser.get(server.url + "/review?q=" + quote("chasseur de mines"))
    ActionChains(browser).send_keys("e").perform()
    box = css(browser, '.card.selected .edit-form textarea[name="note"]')[0]
    box.send_keys("掃海艇")
    key = """arguments[0].dispatchEvent(new KeyboardEvent("keydown", {key: arguments[1], keyCode: arguments[2],
             isComposing: arguments[3], bubbles: true, cancelable: true}))"""
    for name, code, composing in (("Enter", 229, False), ("Enter", 13, True), ("Escape", 229, False),
                                  ("Escape", 27, True)):
        browser.execute_script(key, box, name, code, composing)
    time.sleep(1)  # a save would have landed meanwhile
    assert (_status(db, added), _note(db, added)) == ("candidate", None)
    assert css(browser, ".card.selected .edit-form")[0].is_displayed()
    hint = browser.find_element("id", box.get_attribute("aria-describedby"))
    assert hint.text == "Enter saves; Shift+Enter starts a new line"
    browser.execute_script(key, box, "Enter", 13, False)  # the word picked: Enter saves
    wait(browser, lambda b: _note(db, added) == "掃海艇", "Enter did not save once the word was picked")

def test_a_german_spanish_entry_is_reviewed_and_edited_in_german_and_spanish(server, browser, db, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    with open_store(db) as store:
        added = int(api.add_entry(store, terms={"de": ["Militärausschuss"], "es": ["Comite Militar"]},
                                  status="candidate")["id"])
    browser.get(server.url + "/review?q=" + quote("Militärausschuss"))
    assert [side.text for side in css(browser, ".card.selected .terms")][:2] == [
        "de\nMilitärausschuss noun deprecate", "es\nComite Militar noun deprecate"]
    ActionChains(browser).send_keys("e").perform()
    spanish = css(browser, '.card.selected .edit-form input[name="terms.es"]')[0]
    spanish.clear()
    spanish.send_keys("Comité Militar", Keys.ENTER)
    wait(browser, lambda b: _status(db, added) == "approved", "the edit did not land")
    with open_store(db) as store:
        entry = glossary.entry(store, added)
    assert [(t.lang, t.text) for t in entry.terms] == [("de", "Militärausschuss"), ("es", "Comité Militar")]


def test_an_upload_says_what_it_did_and_what_it_skipped_after_the_lists_reload(server, browser, db, tmp_path):
    glossary_file = tmp_path / "lexique.csv"
    glossary_file.write_text("fr;en;note\nchasseur de mines;minehunter;\n ; ;a note without its terms\n",
                             encoding="utf-8")
    status = _imported_from_the_page(browser, server, glossary_file)
    assert status.splitlines() == ["1 entry added, 0 already stored (entries in en 1, fr 1), 1 skipped:",
                                   "lexique.csv:3: no term: the term columns are empty"]
    form = css(browser, 'form.upload[data-api="/api/ingest"]')[0]  # the pair the store was seeded with
    form.find_element("css selector", 'input[name="fr_file"]').send_keys(str(SEED_FR))
    form.find_element("css selector", 'input[name="en_file"]').send_keys(str(SEED_EN))
    form.find_element("css selector", 'input[name="doc_id"]').send_keys("again")
    form.find_element("css selector", 'button[type="submit"]').click()
    wait(browser, lambda b: "already stored" in css(b, "#status")[0].text, "nothing said about the pair")
    assert css(browser, "#status")[0].text == f"again: same text as document {SEED_ID}, already stored, nothing changed"


def test_a_glossary_imported_from_the_page_is_approved_when_the_terminologist_says_so(server, browser, db, tmp_path):
    # the import form had no status: a reference glossary uploaded from the workbench went into the review queue as
    # candidates, entry by entry, where `tmtool import --status approved` and the API's status approved it
    glossary_file = tmp_path / "reference.csv"
    glossary_file.write_text("fr,en\nguerre des mines,mine warfare\nespace aérien,airspace\n", encoding="utf-8")
    browser.get(server.url + "/documents")
    from selenium.webdriver.support.ui import Select

    Select(css(browser, 'form.upload[data-api="/api/import"] select[name="status"]')[0]).select_by_visible_text("approved")
    status = _imported_from_the_page(browser, server, glossary_file, reload=False)
    assert status.startswith("2 entries added")
    with open_store(db) as store:
        found = {e["terms"][0]["text"]: e["status"] for e in api.entries(store, text="mine")}
    assert found["guerre des mines"] == "approved"


def _imported_from_the_page(browser, server, path: Path, *, reload: bool = True) -> str:
    """``path`` imported through the documents page's form (the page as it is when not ``reload``): what the page
    says once the lists have reloaded."""
    if reload:
        browser.get(server.url + "/documents")
    form = css(browser, 'form.upload[data-api="/api/import"]')[0]
    form.find_element("css selector", 'input[name="file"]').send_keys(str(path))
    form.find_element("css selector", 'button[type="submit"]').click()
    wait(browser, lambda b: path.name in css(b, "table.imports")[0].text, "the imports list did not show the file")
    return wait(browser, lambda b: css(b, "#status")[0].text, "nothing said about the upload")


def test_a_long_upload_report_pinned_at_the_top_hides_none_of_the_page(server, browser, db, tmp_path):
    # a termbase of which forty rows were skipped: its report, a line each, stuck at the window's top as the page
    # scrolled, taller than the window, the documents and imports lists under it out of sight for good (and out of
    # reach: a click went through it to what it hid)
    rows = "".join(f" ; ;note {number} without its terms\n" for number in range(40))
    glossary_file = tmp_path / "lexique.csv"
    glossary_file.write_text("fr;en;note\nchasseur de mines;minehunter;\n" + rows, encoding="utf-8")
    assert len(_imported_from_the_page(browser, server, glossary_file).splitlines()) == 41
    status = css(browser, "#status")[0]
    for table in css(browser, "table.documents, table.imports"):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", table)
        assert browser.execute_script("""const said = arguments[0].getBoundingClientRect(),
            table = arguments[1].getBoundingClientRect();
            return said.bottom <= table.top || said.top >= table.bottom""", status, table), table.get_attribute("class")
    browser.execute_script("scrollTo(0, 0)")  # at the page's top the report reads whole
    assert browser.execute_script("return arguments[0].scrollHeight <= arguments[0].clientHeight", status)


def test_an_uploaded_memory_repeating_a_unit_says_so_as_tmtool_import_does(server, browser, tmp_path):
    tu = '<tu><tuv xml:lang="fr-FR"><seg>{}</seg></tuv><tuv xml:lang="en-GB"><seg>{}</seg></tuv></tu>\n'
    memory = tmp_path / "news.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr-FR" '
                      'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" '
                      'creationtoolversion="1"/><body>\n'
                      + tu.format("Division Diplomatie publique", "Public Diplomacy Division") * 2
                      + "</body></tmx>\n", encoding="utf-8")
    browser.get(server.url + "/documents")
    form = css(browser, 'form.upload[data-api="/api/import"]')[0]
    form.find_element("css selector", 'input[name="file"]').send_keys(str(memory))
    form.find_element("css selector", 'button[type="submit"]').click()
    status = wait(browser, lambda b: "news.tmx" in css(b, "table.imports")[0].text and css(b, "#status")[0].text,
                  "nothing said about the upload")
    assert status == "1 unit added (fr-FR→en-GB 1), 0 already stored, 1 repeated in the file, 0 untranslated skipped"


def test_an_upload_of_a_pair_stored_without_terms_says_its_terms_were_extracted(browser, tmp_path):
    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        api.ingest(store, SEED_FR, SEED_EN, extract_terms=False)
    running = Server(db)
    try:
        browser.get(running.url + "/documents")
        form = css(browser, 'form.upload[data-api="/api/ingest"]')[0]
        form.find_element("css selector", 'input[name="fr_file"]').send_keys(str(SEED_FR))
        form.find_element("css selector", 'input[name="en_file"]').send_keys(str(SEED_EN))
        form.find_element("css selector", 'button[type="submit"]').click()
        status = wait(browser, lambda b: "already stored" in css(b, "#status")[0].text and css(b, "#status")[0].text,
                      "nothing said about the pair")
    finally:
        running.stop()
    with open_store(db) as store:
        entries = store.stats()["entries"]
    assert entries > 0
    assert status == f"{SEED_ID}: already stored, terms extracted: {entries} new entries, 0 updated entries"


def test_the_next_page_after_deciding_some_of_a_page_starts_at_the_first_entry_not_seen(server, browser, db):
    # the candidates decided here leave the candidate list: an offset counted before them would pass over as many
    # entries that no one has seen
    from selenium.webdriver.common.action_chains import ActionChains

    with open_store(db) as store:
        queue = [int(e.id) for e in store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE])]
    assert len(queue) > 20
    browser.get(server.url + "/review")
    for key in "aar":
        ActionChains(browser).send_keys(key).perform()
    css(browser, f'.card[data-entry="{queue[3]}"] .reject')[0].click()
    wait(browser, lambda b: len(css(b, '.card[data-status="candidate"]')) == 6, "the four decisions did not show")
    css(browser, '.pages a[rel="next"]')[0].click()
    wait(browser, lambda b: "offset=" in b.current_url and css(b, "#queue .card"), "no next page")
    assert [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")] == queue[10:20]


def test_the_previous_page_after_deciding_some_of_a_page_shows_the_entries_left_there(server, browser, db):
    # the previous page was "offset 0" while the next followed the last card: after three decisions it showed the
    # seven left and three of the page just seen again
    from selenium.webdriver.common.action_chains import ActionChains

    with open_store(db) as store:
        queue = [int(e.id) for e in store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE])]
    browser.get(server.url + "/review")
    for key in "aar":
        ActionChains(browser).send_keys(key).perform()
    wait(browser, lambda b: len(css(b, '.card[data-status="candidate"]')) == 7, "the three decisions did not show")
    css(browser, '.pages a[rel="next"]')[0].click()
    wait(browser, lambda b: "after=" in b.current_url and css(b, "#queue .card"), "no next page")
    assert [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")] == queue[10:20]
    css(browser, '.pages a[rel="prev"]')[0].click()
    wait(browser, lambda b: "before=" in b.current_url and css(b, "#queue .card"), "no previous page")
    assert [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")] == queue[3:10]
    assert f"Entries 1–7 of {len(queue) - 3}, more on the next page." in css(browser, ".count")[0].text
    assert not css(browser, '.pages a[rel="prev"]')
    css(browser, '.pages a[rel="next"]')[0].click()
    wait(browser, lambda b: "after=" in b.current_url and css(b, "#queue .card"), "no next page")
    assert [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")] == queue[10:20]
    # counted from the seven entries shown before it
    assert css(browser, ".count")[0].text.startswith("Entries 8–17")


def test_the_keys_act_on_the_card_holding_the_focus(server, browser, db):
    # a person who moved with Tab to the third card's buttons means the third card, not the one selected on arrival
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    cards = css(browser, "#queue .card")
    first, third = (int(cards[i].get_attribute("data-entry")) for i in (0, 2))
    target = cards[2].find_element("css selector", ".reject")
    for _ in range(100):
        if browser.switch_to.active_element == target:
            break
        ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element == target
    ActionChains(browser).send_keys("a").perform()
    wait(browser, lambda b: _status(db, third) == "approved", "the focused card was not approved")
    assert _status(db, first) == "candidate"


def test_every_button_says_what_it_does_to_a_screen_reader(server, browser, db):
    # symbols (↑ ↓ ✂) are read out as "upwards arrow", "black scissors"; a row of "deprecate" does not say which term
    for path in ("/review?status=&q=", f"/documents/{quote(SEED_ID)}"):
        browser.get(server.url + path)
        names = [button.accessible_name for button in css(browser, "button") if button.is_displayed()]
        assert names and all(len(name) > 2 for name in names), (path, sorted(set(names)))
    browser.get(server.url + "/review?status=&q=")
    for card in css(browser, "#queue .card")[:3]:
        for button in card.find_elements("css selector", ".deprecate"):
            assert button.accessible_name == "deprecate " + button.get_attribute("data-term")


def test_keys_typed_faster_than_the_answers_come_go_to_one_card_each(server, browser, db):
    # each key waited for the answer before moving on: "aar" typed at once approved the first card, then met
    # its own change as "changed by someone else"
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")[:4]]
    ActionChains(browser).send_keys("aar").perform()
    # the three requests are answered in any order: each card shows its own answer
    wait(browser, lambda b: [css(b, f'.card[data-entry="{i}"]')[0].get_attribute("data-status") for i in ids[:3]]
         == ["approved", "approved", "rejected"], "the three keys did not reach a card each")
    assert [_status(db, entry_id) for entry_id in ids] == ["approved", "approved", "rejected", "candidate"]
    assert "error" not in css(browser, "#status")[0].get_attribute("class")
    with open_store(db) as store:
        assert [c.action for c in store.history(ids[0])] == ["approved"]


def test_two_tabs_editing_one_entry_the_later_save_is_refused_and_said_once(server, browser, db):
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    first_tab = browser.current_window_handle
    entry_id = int(css(browser, "#queue .card")[0].get_attribute("data-entry"))
    browser.switch_to.new_window("tab")
    browser.get(server.url + "/review")
    browser.switch_to.window(first_tab)
    css(browser, ".card.selected .edit")[0].click()
    css(browser, '.card.selected .edit-form textarea[name="note"]')[0].send_keys("first tab", Keys.ENTER)
    wait(browser, lambda b: _status(db, entry_id) == "approved", "the first tab's edit did not land")
    with open_store(db) as store:
        saved = glossary.entry(store, entry_id)
    browser.switch_to.window(browser.window_handles[1])
    css(browser, ".card.selected .edit")[0].click()
    english = css(browser, '.card.selected .edit-form input[name="en"]')[0]
    english.clear()
    english.send_keys("second tab", Keys.ENTER)
    _refused_as_changed(browser, db, saved)


def test_a_decision_refused_on_a_card_far_down_the_queue_is_said_where_the_reviewer_looks(server, browser, db):
    # the refusal was written above the queue, scrolled out of view: approving the eighth card, changed in another
    # tab meanwhile, seemed to do nothing at all
    browser.get(server.url + "/review")
    cards = css(browser, "#queue .card")
    eighth, version = (int(cards[7].get_attribute(name)) for name in ("data-entry", "data-version"))
    with open_store(db) as store:
        api.reject(store, [eighth], user="ben")
    cards[7].find_element("css selector", ".approve").click()
    status = wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class") and css(b, "#status")[0],
                  "the conflict was not said")
    assert status.text == (f"entry {eighth} was changed by someone else (version {version + 1}, not {version}):"
                           " shown as it now is")
    top, bottom, height, scrolled = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom, innerHeight, scrollY]", status)
    assert scrolled > 0 and 0 <= top < bottom <= height
    assert _status(db, eighth) == "rejected"


def test_the_queue_reloaded_after_an_edit_or_an_undo_selects_the_card_acted_on_not_the_first(server, browser, db):
    # after an edit saved on the fifth card (the page reloads) the first card was selected: the reviewer's next key,
    # a, approved an entry they had not read
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("jjjje").perform()
    css(browser, '.card.selected .edit-form textarea[name="note"]')[0].send_keys("vu en comité", Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{ids[4]} saved, approved", "the edit was not said")
    # the entry edited is approved, out of the candidates' queue: the card now in its place is selected
    selected = css(browser, ".card.selected")[0]
    assert int(selected.get_attribute("data-entry")) == ids[5] and browser.switch_to.active_element == selected
    ActionChains(browser).send_keys("u").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "Undone: 1 change", "the undo was not said")
    assert int(css(browser, ".card.selected")[0].get_attribute("data-entry")) == ids[4]
    ActionChains(browser).send_keys("a").perform()
    wait(browser, lambda b: _status(db, ids[4]) == "approved", "the card undone was not approved")
    assert _status(db, ids[0]) == "candidate"


def test_the_next_and_previous_pages_are_a_key_away(server, browser, db):
    # the "next page" link at the queue's foot was reached through every card's buttons, some sixty Tabs
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review?status=&q=")
    first_page = [card.get_attribute("data-entry") for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("n").perform()
    wait(browser, lambda b: "after=" in b.current_url, "n did not open the next page")
    second_page = [card.get_attribute("data-entry") for card in css(browser, "#queue .card")]
    assert second_page and not set(second_page) & set(first_page)
    assert css(browser, ".card.selected")[0] == browser.switch_to.active_element  # the keys go on from its first card
    ActionChains(browser).send_keys("p").perform()
    wait(browser, lambda b: "before=" in b.current_url, "p did not open the previous page")
    assert [card.get_attribute("data-entry") for card in css(browser, "#queue .card")] == first_page
    # p on the first page, n on the last: said, where nothing was (the reviewer pressing on and on, unsure)
    ActionChains(browser).send_keys("p").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "No previous page: this is the queue's first page",
         "p on the first page said nothing")
    browser.get(server.url + "/review?status=&q=militaire")
    assert not css(browser, 'nav.pages a[rel="next"]')
    ActionChains(browser).send_keys("n").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "No next page: this is the queue's last page",
         "n on the last page said nothing")


def test_the_page_keys_leave_no_edit_typed_behind_unsaved(server, browser, db):
    # a note typed in a card's edit form, the card's text clicked to read it again, then n: the next page opened and
    # the note was gone, unsaved and unsaid
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review?status=&q=")
    ActionChains(browser).send_keys("e").perform()
    card = css(browser, ".card.selected")[0]
    card.find_element("css selector", '.edit-form textarea[name="note"]').send_keys("vu en comité")
    card.find_element("css selector", "header").click()
    ActionChains(browser).send_keys("n").perform()
    status = wait(browser, lambda b: css(b, "#status")[0].text, "nothing said of the edit left open")
    assert status == f"#{card.get_attribute('data-entry')}: an edit is open; save it or cancel it first"
    assert "after=" not in browser.current_url
    assert card.find_element("css selector", '.edit-form textarea[name="note"]').get_attribute("value") == "vu en comité"
    card.find_element("css selector", ".edit-form .cancel").click()
    ActionChains(browser).send_keys("n").perform()
    wait(browser, lambda b: "after=" in b.current_url, "n did not open the next page once the edit was cancelled")


def test_back_after_merging_an_entry_from_its_page_goes_where_the_reviewer_came_from(server, browser, db):
    # the merge left the merged entry's page in the history: Back showed "Error 404, no glossary entry"
    with open_store(db) as store:
        kept = int(api.add_entry(store, ["Comité militaire"], ["Military Committee"])["id"])
        merged = int(api.add_entry(store, ["Comité militaire de l'OTAN"], ["NATO Military Committee"],
                                   status="candidate")["id"])
    browser.get(server.url + "/?q=" + quote("Comité militaire de l'OTAN"))
    css(browser, f'a[href="/entries/{merged}"]')[0].click()
    wait(browser, lambda b: b.current_url.endswith(f"/entries/{merged}"), "the entry's page did not open")
    css(browser, ".card .merge")[0].click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys(str(kept))
    prompt.accept()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{merged} merged into #{kept}", "the merge was not said")
    assert browser.current_url.endswith(f"/entries/{kept}")
    browser.back()
    wait(browser, lambda b: "/?q=" in b.current_url, "Back did not go to the look-up")
    assert "Error 404" not in css(browser, "main")[0].text


def test_the_page_of_an_entry_merged_away_leads_on_to_the_entry_it_went_into(server, browser, db):
    # a bookmark or another tab's page of an entry merged since said "no glossary entry 9: it was merged into entry 4"
    # with nothing to click, the reviewer left to type the address of entry 4
    with open_store(db) as store:
        kept = int(api.add_entry(store, ["Comité militaire"], ["Military Committee"])["id"])
        merged = int(api.add_entry(store, ["Comité militaire de l'OTAN"], ["NATO Military Committee"])["id"])
        removed = int(api.add_entry(store, ["comité"], ["committee"])["id"])
        api.merge(store, merged, kept, user="ben")
        api.remove_entry(store, removed)
    browser.get(f"{server.url}/entries/{merged}")
    assert css(browser, "p.error")[0].text == (f"no glossary entry {merged}: it was merged into entry {kept} "
                                               "(change " + css(browser, "p.error")[0].text.split("(change ")[1])
    css(browser, f'main a[href="/entries/{kept}"]')[0].click()
    wait(browser, lambda b: css(b, "h1")[0].text.startswith(f"Entry #{kept}"), "the link did not lead to the entry")
    browser.get(f"{server.url}/entries/{removed}")  # removed, not merged: nowhere to go on to
    assert css(browser, "h1")[0].text == "Error 404" and not css(browser, "main a")


def _refused_as_changed(browser, db: str, saved) -> None:
    """The page says the entry was changed by someone else, once, and the store holds it as ``saved``."""
    status = wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class") and css(b, "#status")[0],
                  "the conflict was not shown")
    # a decision's refusal read the page again, the card shown as the entry now is; an edit's kept the text typed
    said = f"entry {saved.id} was changed by someone else (version {saved.version}, not {saved.version - 1})"
    assert status.text in (f"{said}: shown as it now is", f"{said}: it is now {saved.status.value}, version "
                           f"{saved.version}. Save again to write the boxes you changed over it, or Esc and reload to "
                           "read it first."), status.text
    with open_store(db) as store:
        assert glossary.entry(store, int(saved.id)) == saved


def test_a_long_web_address_wraps_inside_the_page(server, browser, db):
    # NATO texts cite addresses of 200 characters and more: one unbroken word widened the page past the window
    address = "https://www.nato.int/cps/fr/natohq/official_texts_" + "x" * 200 + ".htm"
    with open_store(db) as store:
        added = api.add_entry(store, [address], ["NATO official texts"], status="candidate")
    for path in (f"/entries/{added['id']}", "/review?q=official_texts", "/?q=" + quote(address, safe="")):
        browser.get(server.url + path)
        assert address in css(browser, "main")[0].text.replace("\n", ""), path
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), path


def test_an_older_change_is_reverted_from_the_entry_history_a_later_one_first(server, browser, db):
    # the queue's undo takes back the last action only; the history of an entry offered no way back at all
    with open_store(db) as store:
        entry_id = int(store.list_entries()[0].id)
        approved = api.approve(store, [entry_id])[0]
        noted = api.edit(store, entry_id, note="checked with the NTB")["change"]
    browser.get(f"{server.url}/entries/{entry_id}")
    css(browser, f'#history .revert[data-change="{approved}"]')[0].click()
    status = wait(browser, lambda b: css(b, "#status")[0].text, "nothing said of the refused revert")
    assert status == f"entry {entry_id} has changed since change {approved}; revert the later change first"
    css(browser, f'#history .revert[data-change="{noted}"]')[0].click()
    wait(browser, lambda b: not css(b, f'#history .revert[data-change="{noted}"]'), "the edit was not reverted")
    with open_store(db) as store:
        assert api.entry(store, entry_id)["note"] is None
    css(browser, f'#history .revert[data-change="{approved}"]')[0].click()
    wait(browser, lambda b: _status(db, entry_id) == "candidate", "the approval was not reverted")


def approve_picked(browser) -> None:
    """The button clicked as a person does, the page scrolled back to its top where it is in sight: the keys moving
    down the queue scrolled it under the line pinned at the window's top saying what x picked."""
    browser.execute_script("scrollTo(0, 0)")
    css(browser, "#approve-picked")[0].click()


def test_entries_picked_are_approved_at_once_and_undone_at_once(server, browser, db):
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjjxj").perform()  # the first and the third, with the keys
    css(browser, f'.card[data-entry="{ids[3]}"] .pick')[0].click()  # the fourth with its box
    with open_store(db) as store:  # another reviewer rejects the third meanwhile
        api.reject(store, [ids[2]])
    approve_picked(browser)
    wait(browser, lambda b: css(b, "#status")[0].text.startswith("2 approved"), "the picked entries were not decided")
    assert css(browser, "#status")[0].text.splitlines()[1].startswith(f"entry {ids[2]} was changed by someone else")
    assert [_status(db, entry_id) for entry_id in ids[:4]] == ["approved", "candidate", "rejected", "approved"]
    ActionChains(browser).send_keys("u").perform()
    wait(browser, lambda b: [_status(db, entry_id) for entry_id in ids[:4]] == ["candidate", "candidate", "rejected",
                                                                               "candidate"], "the undo took back less")


def test_a_card_moved_to_with_the_keys_is_not_under_the_line_saying_what_was_refused(server, browser, db):
    # picked entries three of which another reviewer had decided: the four lines saying so, pinned at the window's
    # top, were taller than the room the page kept for them; k up the queue put each card's first lines under them
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjxjxjx").perform()
    with open_store(db) as store:
        api.reject(store, ids[1:4], user="ben")
    approve_picked(browser)
    status = wait(browser, lambda b: css(b, "#status")[0].text.startswith("1 approved") and css(b, "#status")[0],
                  "the picked entries were not decided")
    assert len(status.text.splitlines()) == 4
    ActionChains(browser).send_keys("j" * len(ids)).perform()
    for _ in ids[1:]:
        ActionChains(browser).send_keys("k").perform()
        card = css(browser, ".card.selected")[0]
        assert browser.execute_script("""const said = arguments[0].getBoundingClientRect(),
            card = arguments[1].getBoundingClientRect();
            return card.top >= said.bottom - 0.5 || card.bottom <= said.top""", status, card), card.text[:40]


def test_escape_closes_the_edit_form_unsaved_and_the_keys_work_again(server, browser, db):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    entry_id = int(css(browser, ".card.selected")[0].get_attribute("data-entry"))
    ActionChains(browser).send_keys("e").perform()
    css(browser, '.card.selected .edit-form textarea[name="note"]')[0].send_keys("not kept", Keys.ESCAPE)
    assert not css(browser, ".card.selected .edit-form")[0].is_displayed()
    ActionChains(browser).send_keys("r").perform()
    wait(browser, lambda b: _status(db, entry_id) == "rejected", "the key after Escape did not reach the card")
    with open_store(db) as store:
        assert glossary.entry(store, entry_id).note is None


def test_a_sentence_looked_up_finds_its_fuzzy_matches_in_the_memory(server, browser, db):
    # a sentence pasted from a new text holds no unit word for word: the look-up said "No unit of the memory holds it"
    sentence = "La crise sanitaire actuelle a montré une fois encore les avantages des partenariats entre l'OTAN et les Alliés."
    with open_store(db) as store:
        [best] = api.search(store, sentence, limit=1)
    browser.get(server.url + "/?q=" + quote(sentence))
    served = css(browser, "#lookup-results .match")[0].text
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys(sentence)
    wait(browser, lambda b: css(b, "#lookup-results .match"), "no fuzzy match appeared")
    typed = css(browser, "#lookup-results .match")[0].text
    assert served == typed == f"{best['score']}% {best['matched']}\n{best['translation']}"
    assert best["matched"].startswith("La crise sanitaire actuelle")


def test_a_sentence_memoq_holds_in_three_contexts_shows_each_context(server, browser, db, tmp_path):
    """The look-up showed memoQ's three units of one sentence as three fuzzy matches alike, and its memory units
    with their document only (twice the same). Each shows its context, the segments around it, and a fuzzy match
    alike another its document too."""
    from test_real_formats import MEMOQ_THREE_CONTEXTS_TMX, THREE_CONTEXTS

    memory = tmp_path / "memoq.tmx"
    memory.write_text(MEMOQ_THREE_CONTEXTS_TMX, encoding="utf-8")
    with open_store(db) as store:
        assert api.import_file(store, memory)["added"] == 3
    said = [f"{doc} " + ", ".join([f"after “{pre}”", *([f"before “{post}”"] if post else [])])
            for doc, pre, post in THREE_CONTEXTS]
    browser.get(server.url + "/?q=" + quote("Le convoi partait."))
    for typed in (False, True):  # the page the server wrote, then the one the script writes as one types
        if typed:
            browser.get(server.url + "/")
            css(browser, "#lookup-q")[0].send_keys("Le convoi partait.")
        wait(browser, lambda b: len(css(b, "#lookup-results .match")) == 3, "no fuzzy match appeared")
        sources = [m.find_element("css selector", "p").text for m in css(browser, "#lookup-results .match")]
        assert sorted(text.split("% ", 1)[1].replace(" Le convoi part.\n", " ") for text in sources) == sorted(said)
    for typed in (False, True):
        if typed:
            browser.get(server.url + "/")
            css(browser, "#lookup-q")[0].send_keys("convoi")
        else:
            browser.get(server.url + "/?q=convoi")
        wait(browser, lambda b: len(css(b, "#lookup-results > div.context")) == 3, "no memory unit appeared")
        sources = [p.find_element("css selector", "p").text for p in css(browser, "#lookup-results > div.context")]
        assert sorted(text.replace(" Le convoi part.\n", " ") for text in sources) == sorted(said)


def test_a_reviewer_s_name_goes_into_the_history_of_what_they_decide(server, browser, db):
    """On a server a team shares, the name typed in the header is kept (the next pages have it) and sent
    with every decision: the history names that reviewer, not the server's user."""
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    css(browser, "#reviewer")[0].send_keys("Zoë <b>Ana</b>")
    browser.get(server.url + "/review")
    assert css(browser, "#reviewer")[0].get_attribute("value") == "Zoë <b>Ana</b>"
    first = int(css(browser, "#queue .card")[0].get_attribute("data-entry"))
    ActionChains(browser).send_keys("a").perform()
    wait(browser, lambda b: _status(db, first) == "approved", "the card was not approved")
    with open_store(db) as store:
        assert [(change.action, change.user) for change in store.history(first)] == [("approved", "Zoë <b>Ana</b>")]


def test_a_term_deprecated_from_a_card_someone_changed_since_is_refused(server, browser, db):
    """A deprecation is a review decision as an approval is: from a card showing an older version it is
    refused and said, and the other reviewer's change stays as it was."""
    browser.get(server.url + "/review")
    card = css(browser, "#queue .card")[0]
    entry_id = int(card.get_attribute("data-entry"))
    with open_store(db) as store:
        api.edit(store, entry_id, note="changed in another tab", user="ben")
        changed = glossary.entry(store, entry_id)
    card.find_element("css selector", ".deprecate").click()
    _refused_as_changed(browser, db, changed)


def test_arabic_terms_and_units_looked_up_as_you_type_are_written_right_to_left(server, browser, db):
    from tmtool.model import Entry, ReviewStatus, Term, Unit

    with open_store(db) as store:
        glossary.add_entry(store, Entry([Term("الدفاع الجوي", "ar"), Term("air defence", "en")],
                                        status=ReviewStatus.APPROVED))
        store.add_units([Unit("ناقش الوزراء الدفاع الجوي.", "The ministers discussed air defence.", "ar-EG", "en-GB")],
                        "ar.tmx")
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys("الدفاع")
    wait(browser, lambda b: css(b, "#lookup-results article.hit li[lang='ar']"), "no Arabic term appeared")
    term = css(browser, "#lookup-results article.hit li[lang='ar']")[0]
    assert term.get_attribute("dir") == "rtl" and term.value_of_css_property("direction") == "rtl"
    assert css(browser, "#lookup-results article.hit li[lang='en']")[0].get_attribute("dir") == "ltr"
    source, target = css(browser, "#lookup-results > div.context")[0].find_elements("css selector", "p")
    assert (source.get_attribute("lang"), source.get_attribute("dir")) == ("ar-EG", "rtl")
    assert (target.get_attribute("lang"), target.get_attribute("dir")) == ("en-GB", "ltr")


def test_an_arabic_term_holding_a_latin_name_reads_whole_beside_what_is_said_of_it(server, browser, db):
    # "طائرة F-16" showed as "F-16 noun, fullForm, preferred طائرة": the Latin name ran on into the English words after
    # the term, on their far side; and a right-to-left term's bullet stood over the card's edge, outside it
    with open_store(db) as store:
        entry_id = int(api.add_entry(store, ["avion F-16"], ["F-16 aircraft"], terms={"ar": ["طائرة F-16"],
                                                                                     "he": ["מטוס F-16"]})["id"])
        api.set_usage(store, entry_id, "طائرة F-16", "admitted")
    apart = """const term = arguments[0], said = term.parentElement.querySelector('small').getBoundingClientRect();
        const pieces = [...term.getClientRects()];
        return pieces.every((piece) => piece.right <= said.left + 0.5) || pieces.every((piece) => piece.left >= said.right - 0.5)"""
    room = """const item = arguments[0], box = item.closest('.card, .hit'), style = getComputedStyle(box);
        return box.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - item.getBoundingClientRect().right"""
    for path in (f"/entries/{entry_id}", "/review?status=approved&q=F-16", "/?q=F-16"):
        browser.get(server.url + path)
        terms = [term for term in css(browser, ".terms .term") if term.text in ("طائرة F-16", "מטוס F-16")]
        assert len(terms) == 2, path
        for term in terms:
            if term.find_elements("xpath", "following-sibling::small"):
                assert browser.execute_script(apart, term), (path, term.text)
            item = term.find_element("xpath", "ancestor::li[1]")
            assert browser.execute_script(room, item) >= 10, (path, term.text)


def test_a_pair_in_other_languages_is_uploaded_in_its_languages(server, browser, db, tmp_path):
    # the form offered French and English only: a German–Spanish pair went in as French–English
    (tmp_path / "bericht.de.txt").write_text("Die Minister trafen sich in Brüssel. Sie sprachen über Luftverteidigung.\n",
                                             encoding="utf-8")
    (tmp_path / "informe.es.txt").write_text("Los ministros se reunieron en Bruselas. Hablaron de defensa aérea.\n",
                                             encoding="utf-8")
    browser.get(server.url + "/documents")
    form = css(browser, 'form.upload[data-api="/api/ingest"]')[0]
    form.find_element("css selector", 'input[name="fr_file"]').send_keys(str(tmp_path / "bericht.de.txt"))
    form.find_element("css selector", 'input[name="en_file"]').send_keys(str(tmp_path / "informe.es.txt"))
    form.find_element("css selector", 'input[name="srclang"]').send_keys("de")
    form.find_element("css selector", 'input[name="tgtlang"]').send_keys("es")
    form.find_element("css selector", 'button[type="submit"]').click()
    wait(browser, lambda b: "bericht" in css(b, "table.documents")[0].text, "the documents list did not show the pair")
    assert css(browser, "#status")[0].text == "bericht: 2 units, 0 new entries, 0 updated entries"
    with open_store(db) as store:
        assert {(d["srclang"], d["tgtlang"]) for d in api.documents(store) if d["id"] == "bericht"} == {("de", "es")}


def test_export_links_take_the_pair_of_languages_typed_or_every_language(server, browser, db):
    # the export page wrote French–English only: a German–Spanish glossary could not be exported from it
    browser.get(server.url + "/export")
    css(browser, "#export-srclang")[0].send_keys("de")
    css(browser, "#export-tgtlang")[0].send_keys("es")
    assert css(browser, "#export-csv")[0].get_attribute("href").endswith("/api/export/csv?status=approved&srclang=de&tgtlang=es")
    css(browser, "#export-all")[0].click()
    assert css(browser, "#export-tmx")[0].get_attribute("href").endswith("/api/export/tmx?status=approved&langs=all")
    assert css(browser, "#export-tbx")[0].get_attribute("href").endswith("/api/export/tbx?status=approved&langs=all")
    assert css(browser, "#export-csv")[0].get_attribute("href").endswith("/api/export/csv?status=approved&srclang=de&tgtlang=es")


def test_a_look_up_refused_clears_the_results_and_the_next_one_clears_the_error(server, browser, db):
    # a query over the length limit left the previous query's hits on the page under its error, and the
    # error stayed in red over the hits of every later query
    browser.get(server.url + "/")
    box = css(browser, "#lookup-q")[0]
    box.send_keys("NATO")
    wait(browser, lambda b: css(b, "#lookup-results article.hit"), "no glossary hit appeared")
    box.send_keys("x" * 500)
    wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class"), "the refusal was not said")
    assert css(browser, "#status")[0].text == "q: String should have at most 500 characters"
    assert css(browser, "#lookup-results")[0].text == ""
    box.clear()
    box.send_keys("OTAN")
    wait(browser, lambda b: css(b, "#lookup-results article.hit"), "no glossary hit appeared")
    wait(browser, lambda b: css(b, "#status")[0].text == "", "the earlier error stayed")
    assert "error" not in css(browser, "#status")[0].get_attribute("class")


def test_a_correction_from_a_page_someone_corrected_since_is_refused_not_made_with_other_units(server, browser, db):
    """Two reviewers on one document's alignment: a merge, a move or an undo from a page showing the units
    as they were took in the units standing there now (the other reviewer's merge, their correction undone)."""
    with open_store(db) as store:
        ids = [u["id"] for u in api.document_units(store, SEED_ID)]
        api.exclude_unit(store, SEED_ID, ids[8])  # a correction made before the page is read
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    with open_store(db) as store:  # another reviewer merges the second and third units meanwhile
        api.merge_units(store, SEED_ID, ids[1])
        after = api.document_units(store, SEED_ID), api.unit_edits(store, SEED_ID)
    rows = css(browser, "tr.unit")
    for row, button, beside in ((rows[0], ".merge-next", ids[1]), (rows[3], '.move[data-side="source"][data-direction="up"]', ids[2])):
        say = css(browser, "#status")[0].text
        row.find_element("css selector", button).click()
        wait(browser, lambda b: css(b, "#status")[0].text not in ("", say), "the refusal was not said")
        assert css(browser, "#status")[0].text == (f"unit {row.get_attribute('data-unit')} is no longer beside unit {beside}:"
                                                   " the document was corrected since; reload it")
    css(browser, "#undo-correction")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text.startswith("the last correction"), "the refused undo was not said")
    with open_store(db) as store:
        assert (api.document_units(store, SEED_ID), api.unit_edits(store, SEED_ID)) == after


def test_a_note_saved_on_an_approved_entry_while_a_document_is_ingested_is_kept(server, browser, db, tmp_path):
    """A team ingests the day's documents while a reviewer edits the approved glossary: the ingest counted
    the entry in the new document, and the reviewer's save was refused as if someone had changed it."""
    from selenium.webdriver.common.keys import Keys

    with open_store(db) as store:
        nato = int(api.lookup(store, "OTAN")["entries"][0]["id"])
        api.approve(store, [nato])
        before = api.entry(store, nato)
    browser.get(server.url + "/review?status=approved")
    card = css(browser, f'.card[data-entry="{nato}"]')[0]
    card.find_element("css selector", ".edit").click()
    (tmp_path / "n.fr.txt").write_text("Le Comité militaire de l’OTAN s’est réuni à Bruxelles. Les chasseurs de mines"
                                       " de l’OTAN ont quitté le port.\n", encoding="utf-8")
    (tmp_path / "n.en.txt").write_text("The NATO Military Committee met in Brussels. NATO minehunters left the harbour.\n",
                                       encoding="utf-8")
    with open_store(db) as store:  # the day's document arrives meanwhile
        api.ingest(store, tmp_path / "n.fr.txt", tmp_path / "n.en.txt")
        assert api.entry(store, nato)["frequency"] > before["frequency"]
    card.find_element("css selector", '.edit-form textarea[name="note"]').send_keys("checked in NATOTerm", Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text, "the save did not answer")
    assert (_note(db, nato), css(browser, "#status")[0].text) == ("checked in NATOTerm", f"#{nato} saved, approved")
    with open_store(db) as store:
        assert api.entry(store, nato)["terms"] == before["terms"]


def _note(db: str, entry_id: int) -> str | None:
    with open_store(db) as store:
        return glossary.entry(store, entry_id).note


def test_an_entry_found_by_look_up_is_reviewed_on_its_own_page_which_says_where_its_contexts_come_from(
        server, browser, db):
    """An entry's page (where a look-up's #12 leads) showed its terms, contexts and history, but neither the
    documents its contexts came from nor a way to approve, edit or merge it: the terminologist had to find it
    again in the review queue."""
    from selenium.webdriver.common.keys import Keys

    with open_store(db) as store:
        found = [e for e in api.entries(store, statuses=["candidate"]) if e["contexts"]]
        entry_id, other = int(found[0]["id"]), int(found[1]["id"])
    browser.get(f"{server.url}/entries/{entry_id}")
    sources = css(browser, "p.from a")
    assert sources and {a.text for a in sources} == {SEED_ID}
    assert sources[0].get_attribute("href") == f"{server.url}/documents/{SEED_ID}"
    css(browser, "#queue .card .approve")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id} approved", "the approval was not said")
    assert _status(db, entry_id) == "approved" and "approved" in css(browser, "h1")[0].text
    assert "approved" in css(browser, "#history")[0].text  # the page reloaded with the change in its history
    css(browser, "#queue .card .edit")[0].click()
    note = css(browser, '#queue .card textarea[name="note"]')[0]
    note.send_keys("vu en réunion", Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id} saved, approved", "the edit was not said")
    with open_store(db) as store:
        assert api.entry(store, entry_id)["note"] == "vu en réunion"
    css(browser, "#queue .card .merge")[0].click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys(f"#{other}")  # as the pages write an entry's number
    prompt.accept()
    wait(browser, lambda b: b.current_url == f"{server.url}/entries/{other}", "not taken to the entry merged into")
    assert css(browser, "#status")[0].text == f"#{entry_id} merged into #{other}"
    with open_store(db) as store:
        assert [c["action"] for c in api.history(store, other)][-1] == "merge"


def test_an_action_that_reloads_the_page_says_what_it_did(server, browser, db):
    """Merging or deprecating from a card, a correction in the document view and a revert reloaded the page
    and said nothing: whether it was done, and to what, was for the person to work out; a merge into "#12",
    as the cards write it, was refused as "into: Input should be a valid integer"."""
    browser.get(server.url + "/review")
    first, second = (int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")[:2])
    card = browser.find_element("css selector", f'.card[data-entry="{second}"]')
    card.find_element("css selector", ".merge").click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys("the first one")
    prompt.accept()
    wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class"), "the wrong number was not said")
    assert css(browser, "#status")[0].text == 'Merge into which entry? Give its number (12 or #12), not "the first one".'
    card.find_element("css selector", ".merge").click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys(f" #{first}")
    prompt.accept()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{second} merged into #{first}", "the merge was not said")
    assert "error" not in css(browser, "#status")[0].get_attribute("class")
    card = browser.find_element("css selector", f'.card[data-entry="{first}"]')
    term = card.find_element("css selector", ".deprecate").get_attribute("data-term")
    card.find_element("css selector", ".deprecate").click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{first}: {term} deprecated", "the deprecation was not said")
    css(browser, "#undo")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text == "Undone: 1 change", "the undo was not said")
    assert _usage(db, first, term) != "deprecated"
    browser.get(f"{server.url}/entries/{first}")
    with open_store(db) as store:
        [merged] = [change["id"] for change in api.history(store, first) if change["action"] == "merge"]
    css(browser, f'#history .revert[data-change="{merged}"]')[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text.startswith(f"Change {merged} reverted (change "),
         "the revert was not said")
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    css(browser, "tr.unit")[0].find_element("css selector", ".merge-next").click()
    wait(browser, lambda b: css(b, "#status")[0].text == "Unit 1 merged with the next", "the unit merge was not said")
    css(browser, "tr.unit")[1].find_element("css selector", ".exclude").click()
    wait(browser, lambda b: css(b, "#status")[0].text == "Unit 2 excluded from exports", "the exclusion was not said")
    css(browser, "#undo-correction")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text.startswith("Undone: the exclude of "), "the undo was not said")


def test_an_entry_merged_from_a_card_someone_rejected_since_is_refused_not_merged_away(server, browser, db):
    """A merge was made whatever the entry had become: a rejection another reviewer made meanwhile went with it
    into the other entry, unseen. It is checked against the version the card shows, as an approval is."""
    browser.get(server.url + "/review")
    first, second = (int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")[:2])
    with open_store(db) as store:
        api.reject(store, [second], user="ben")
        rejected = glossary.entry(store, second)
        into = glossary.entry(store, first)
    browser.find_element("css selector", f'.card[data-entry="{second}"] .merge').click()
    prompt = wait(browser, lambda b: b.switch_to.alert, "no prompt for the entry to merge into")
    prompt.send_keys(str(first))
    prompt.accept()
    _refused_as_changed(browser, db, rejected)
    with open_store(db) as store:
        assert glossary.entry(store, first) == into


def test_an_export_refused_says_why_and_one_made_says_it_was_downloaded(server, browser, db, tmp_path):
    """An export link the server refused (a language tag mistyped) downloaded nothing and said nothing."""
    with open_store(db) as store:
        # one French term and one English: the file's one line for it (an acronym's entry writes a line a form)
        approved = next(e for e in api.entries(store, limit=50) if len(e["fr"]) == len(e["en"]) == 1)
        api.approve(store, [approved["id"]])
    browser.get(server.url + "/export")
    css(browser, "#export-srclang")[0].send_keys("zz")
    css(browser, "#export-tsv")[0].click()
    wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class"), "the refusal was not said")
    assert css(browser, "#status")[0].text == "invalid language tag 'zz' (expected e.g. fr, fr-FR, en-GB)"
    from selenium.webdriver.common.keys import Keys

    css(browser, "#export-srclang")[0].send_keys(Keys.BACKSPACE, Keys.BACKSPACE)  # as typed: the links follow
    css(browser, "#export-tsv")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text == "glossary.txt downloaded", "the download was not said")
    target = tmp_path / "glossary.txt"
    wait(browser, lambda b: target.exists() and target.stat().st_size > 0, "no glossary.txt downloaded")
    time.sleep(0.2)  # the browser renames its partial file into place; let it finish writing
    assert target.read_text(encoding="utf-8").startswith(f"{approved['fr'][0]['text']}\t{approved['en'][0]['text']}")
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix != ".png") == ["glossary.txt", "tmtool.db"]


def test_a_memory_downloaded_without_its_drafts_says_so_and_drafts_too_writes_them(server, browser, db, tmp_path):
    """The export page downloaded the memory without its drafts (units not confirmed) and said nothing of them."""
    draft = tmp_path / "drafts.tmx"
    draft.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="SDL Language '
                     'Platform" creationtoolversion="8.1" segtype="sentence" o-tmf="SDL TM8 Format" adminlang="en" '
                     'datatype="xml"/><body><tu><prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="fr-FR">'
                     '<seg>Le convoi part.</seg></tuv><tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu>'
                     '</body></tmx>', encoding="utf-8")
    with open_store(db) as store:
        assert api.import_file(store, draft, include_unconfirmed=True)["unconfirmed_included"] == 1
    browser.get(server.url + "/export")
    css(browser, "#export-tmx")[0].click()
    left_out = "memory.tmx downloaded; 1 draft (not confirmed) left out: tick “drafts too” to write them, marked as drafts"
    wait(browser, lambda b: css(b, "#status")[0].text == left_out, "the drafts left out were not said")
    css(browser, "#export-drafts")[0].click()
    assert css(browser, "#export-tmx")[0].get_attribute("href").endswith("status=approved&include_unconfirmed=true")
    assert "include_unconfirmed" not in css(browser, "#export-tbx")[0].get_attribute("href")  # a glossary has none
    target = tmp_path / "memory.tmx"
    wait(browser, lambda b: target.exists() and target.stat().st_size > 0, "no memory.tmx downloaded")
    time.sleep(0.2)  # the browser renames its partial file into place; let it finish writing
    assert b"The convoy leaves." not in target.read_bytes()
    target.unlink()
    css(browser, "#export-tmx")[0].click()
    wait(browser, lambda b: css(b, "#status")[0].text == "memory.tmx downloaded", "the download was not said")
    wait(browser, lambda b: target.exists() and b"The convoy leaves." in target.read_bytes(), "no draft written")


def test_an_upload_says_what_reading_it_noticed_as_the_command_line_does(server, browser, db, tmp_path):
    """A CSV saved by Excel in Western Europe is Windows-1252: `tmtool import` says it was read so, the
    workbench said nothing (the notice went to the server's log, naming a temporary copy)."""
    glossary_file = tmp_path / "lexique.csv"
    glossary_file.write_bytes("Français;English\nforce de réaction rapide;rapid reaction force\n".encode("cp1252"))
    status = _imported_from_the_page(browser, server, glossary_file)
    assert status.splitlines() == ["1 entry added, 0 already stored (entries in en 1, fr 1)",
                                   "lexique.csv: not UTF-8, read as Windows-1252 (what Excel saves as CSV or "
                                   "tab-delimited text in Western Europe)"]
    with open_store(db) as store:
        assert api.lookup(store, "force de réaction rapide")["entries"][0]["en"][0]["text"] == "rapid reaction force"


def test_the_contexts_of_an_entry_looked_up_as_you_type_say_their_languages_as_the_page_does(server, browser, db):
    """The page a look-up loads writes a context's sentences lang="fr" and lang="en" (a screen reader reads each
    in its language); the results shown as one types wrote them in no language, read as the page's English."""
    browser.get(server.url + "/?q=OTAN")
    loaded = [(p.get_attribute("lang"), p.text) for p in css(browser, "#lookup-results article.hit .context p")]
    assert loaded and {lang for lang, _ in loaded} == {"fr", "en"}
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys("OTAN")
    wait(browser, lambda b: css(b, "#lookup-results article.hit .context p"), "no context appeared")
    assert [(p.get_attribute("lang"), p.text) for p in css(browser, "#lookup-results article.hit .context p")] == loaded


def test_an_arabic_context_looked_up_as_you_type_is_written_in_arabic_right_to_left_as_the_page_does(
        server, browser, db):
    """The results shown as one types wrote every context's first sentence lang="fr", left to right: an Arabic
    sentence ran the wrong way and a screen reader read it as French; a term's own context was not shown. Then they
    put each context's English on the right, where the entry's page puts it on the left under the English terms,
    and did not say the language of a sentence in a third one."""
    from tmtool.model import Context, Entry, ReviewStatus, Term

    with open_store(db) as store:
        entry_id = glossary.add_entry(store, Entry(
            [Term("الدفاع الجوي", "ar"), Term("air defence", "en"),
             Term("Luftverteidigung", "de", contexts=[Context("Die Minister sprachen über Luftverteidigung.")])],
            status=ReviewStatus.APPROVED,
            contexts=[Context("ناقش الوزراء الدفاع الجوي.", "The ministers discussed air defence.")]))

    def shown(b, where="#lookup-results article.hit"):
        return [(p.get_attribute("lang"), p.value_of_css_property("direction"), p.text)
                for p in css(b, where + " .context p")]

    browser.get(server.url + "/?q=" + quote("air defence"))
    loaded = shown(browser)
    assert loaded == [("en", "ltr", "The ministers discussed air defence."), ("ar", "rtl", "ناقش الوزراء الدفاع الجوي."),
                      ("en", "ltr", ""), ("de", "ltr", "de Die Minister sprachen über Luftverteidigung.")]
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys("air defence")
    wait(browser, lambda b: css(b, "#lookup-results article.hit .context p"), "no context appeared")
    assert shown(browser) == loaded
    browser.get(f"{server.url}/entries/{entry_id}")
    assert shown(browser, "main") == loaded


def test_an_action_the_server_does_not_answer_says_so(server, browser, db):
    """The server stopped (a restart, a laptop's network gone): an approval said "Failed to fetch"."""
    browser.get(server.url + "/review")
    entry_id = int(css(browser, "#queue .card")[0].get_attribute("data-entry"))
    server.stop()
    css(browser, "#queue .card .approve")[0].click()
    wait(browser, lambda b: "error" in css(b, "#status")[0].get_attribute("class"), "nothing was said")
    assert css(browser, "#status")[0].text == ("No answer from the workbench's server (Failed to fetch): is tmtool serve "
                                               "running? Try again once it answers.")
    assert _status(db, entry_id) == "candidate"


def test_a_term_is_deprecated_from_the_entry_s_own_page_and_the_deprecation_reverted_there(server, browser, db):
    # the entry's page listed its terms without a deprecate button: a terminologist who found the entry by look-up
    # had to find it again in the review queue to deprecate one of its terms
    with open_store(db) as store:
        added = api.add_entry(store, ["Comité militaire", "Comité militare"], ["Military Committee"], status="approved")
    entry_id = int(added["id"])
    browser.get(f"{server.url}/entries/{entry_id}")
    buttons = css(browser, "#queue .card .deprecate")
    assert [b.accessible_name for b in buttons] == ["deprecate Comité militaire", "deprecate Comité militare",
                                                    "deprecate Military Committee"]
    buttons[1].click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id}: Comité militare deprecated",
         "the page did not say the deprecation once reloaded")
    assert _usage(db, entry_id, "Comité militare") == "deprecated"
    assert _usage(db, entry_id, "Comité militaire") == "preferred"
    terms = {item.find_element("css selector", ".term").text: item for item in css(browser, "#queue .card li")}
    assert "deprecated" in terms["Comité militare"].get_attribute("class")
    assert not terms["Comité militare"].find_elements("css selector", ".deprecate")
    assert terms["Comité militaire"].find_elements("css selector", ".deprecate")
    # undone from the history, as every change is: the term preferred again, its button back
    [revert] = [button for button in css(browser, "#history .revert") if button.accessible_name.endswith("deprecate")]
    revert.click()
    wait(browser, lambda b: _usage(db, entry_id, "Comité militare") == "preferred", "the deprecation was not reverted")
    wait(browser, lambda b: len(css(b, "#queue .card .deprecate")) == 3, "the deprecate button did not come back")



def test_a_term_a_termbase_delivered_deprecated_is_admitted_from_its_button(server, browser, db):
    # a term that arrived deprecated (an imported TBX's deprecatedTerm) had no button, and no command could undo it
    with open_store(db) as store:
        entry_id = int(api.add_entry(store, ["Comité militaire", "Comité militaire OTAN"], ["Military Committee"])["id"])
        api.deprecate(store, entry_id, "Comité militaire OTAN")
    browser.get(f"{server.url}/entries/{entry_id}")
    [admit] = css(browser, "#queue .card .admit")
    assert admit.accessible_name == "admit Comité militaire OTAN"
    admit.click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id}: Comité militaire OTAN admitted",
         "the page did not say the term was admitted")
    assert _usage(db, entry_id, "Comité militaire OTAN") == "admitted"
    assert not css(browser, "#queue .card .admit") and len(css(browser, "#queue .card .deprecate")) == 3

def test_a_term_deprecated_then_admitted_is_made_preferred_again_from_its_button(server, browser, db):
    # the entry's page had deprecate for an admitted term and admit for a deprecated one, no way back to preferred:
    # a terminologist who admitted a variant the committee then preferred had to revert the change in the history
    with open_store(db) as store:
        entry_id = int(api.add_entry(store, ["Comité militaire"], ["Military Committee", "MC"], status="approved")["id"])
        api.deprecate(store, entry_id, "Military Committee")
        api.set_usage(store, entry_id, "Military Committee", "admitted")
        api.deprecate(store, entry_id, "MC")
    browser.get(f"{server.url}/entries/{entry_id}")
    assert [b.accessible_name for b in css(browser, "#queue .card button[data-term]")] == [
        "deprecate Comité militaire", "prefer Military Committee", "deprecate Military Committee", "prefer MC",
        "admit MC"]
    [prefer, _] = css(browser, "#queue .card .prefer")
    prefer.click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id}: Military Committee preferred",
         "the page did not say the term was preferred again")
    assert _usage(db, entry_id, "Military Committee") == "preferred"
    # a deprecated term straight back to preferred, from the keyboard: Tab to its button, Enter
    [prefer] = css(browser, "#queue .card .prefer")
    assert prefer.accessible_name == "prefer MC"
    browser.execute_script("arguments[0].focus()", css(browser, '#queue .card .deprecate[data-term="Military Committee"]')[0])
    from selenium.webdriver.common.keys import Keys
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("aria-label") == "prefer MC"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id}: MC preferred", "MC was not preferred again")
    assert _usage(db, entry_id, "MC") == "preferred"
    assert not css(browser, "#queue .card .prefer") and len(css(browser, "#queue .card .deprecate")) == 3
    with open_store(db) as store:
        assert [change["action"] for change in api.history(store, entry_id)][-2:] == ["prefer", "prefer"]


def test_the_english_term_of_an_entry_written_alike_in_french_is_deprecated_by_its_own_button(server, browser, db):
    # radar, French and English: the English term's button deprecated the French one, and then said "already"
    with open_store(db) as store:
        entry_id = int(api.add_entry(store, ["radar"], ["radar"], status="approved")["id"])
    browser.get(f"{server.url}/review?status=approved&q=radar")
    card = css(browser, f'.card[data-entry="{entry_id}"]')[0]
    card.find_element("css selector", '.terms[lang="en"] .deprecate').click()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id}: radar deprecated", "no deprecation said")
    with open_store(db) as store:
        assert [(t.lang, t.usage.value) for t in glossary.entry(store, entry_id).terms] == [
            ("fr", "preferred"), ("en", "deprecated")]


def test_an_english_term_s_own_context_looked_up_as_you_type_stands_on_the_english_side(server, browser, db):
    """An English term's own context, an English sentence without a translation, was shown under the French terms
    as one typed, its empty English side under the English terms; the page the look-up loads puts it as the card."""
    from tmtool.model import Context, Entry, ReviewStatus, Term

    with open_store(db) as store:
        glossary.add_entry(store, Entry(
            [Term("frégate furtive", "fr"), Term("stealth frigate", "en", contexts=[Context("The stealth frigate sails.")])],
            status=ReviewStatus.APPROVED, contexts=[Context("La frégate furtive appareille.", "The stealth frigate leaves.")]))

    def shown(b):
        return [(p.get_attribute("lang"), p.text) for p in css(b, "#lookup-results article.hit .context p")]

    expected = [("fr", "La frégate furtive appareille."), ("en", "The stealth frigate leaves."),
                ("en", ""), ("en", "The stealth frigate sails.")]
    browser.get(server.url + "/?q=" + quote("frégate furtive"))
    assert shown(browser) == expected
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys("frégate furtive")
    wait(browser, lambda b: css(b, "#lookup-results article.hit .context p"), "no context appeared")
    assert shown(browser) == expected


def test_an_uploaded_glossary_names_its_conflicts_apart_from_what_it_skipped(server, browser, db, tmp_path):
    # the page said '1 skipped' of an entry it had just counted among those already stored, as the command line did
    import csv

    review = tmp_path / "review.csv"
    with open_store(db) as store:
        api.export(store, "csv", str(review), statuses=["approved", "candidate", "rejected"])
        header, first = list(csv.reader(review.open(encoding="utf-8-sig", newline="")))[:2]
        entry_id = first[header.index("id")]
        api.approve(store, [entry_id], user="ben")
    first[header.index("en")] += " (checked)"
    with review.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, first, ["guerre des mines", "mine warfare"]])
    status = _imported_from_the_page(browser, server, review)
    assert status.splitlines() == [
        "1 entry added, 1 already stored (entries in en 2, fr 2), 1 conflict:",
        f"review.csv: entry {entry_id} was reviewed in the store (approved) and differs from the file: "
        "kept as the store has it"]


def test_a_revision_uploaded_from_the_page_says_how_many_entries_it_took_out(browser, tmp_path):
    # the page said "N new entries, M updated entries" where the revision had also taken candidates out
    week = Path(__file__).parent / "data" / "week"
    name = "2026-12-03-baltic-sentry"
    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        api.ingest(store, week / "revised" / f"{name}.fr.txt", week / "revised" / f"{name}.en.txt")
        before = store.stats()["entries"]
    running = Server(db)
    try:
        browser.get(running.url + "/documents")
        form = css(browser, 'form.upload[data-api="/api/ingest"]')[0]
        form.find_element("css selector", 'input[name="fr_file"]').send_keys(str(week / f"{name}.fr.txt"))
        form.find_element("css selector", 'input[name="en_file"]').send_keys(str(week / f"{name}.en.txt"))
        form.find_element("css selector", 'button[type="submit"]').click()
        status = wait(browser, lambda b: "units" in css(b, "#status")[0].text and css(b, "#status")[0].text,
                      "nothing said about the revision")
    finally:
        running.stop()
    with open_store(db) as store:
        after = store.stats()["entries"]
    new = int(status.split(" new entr")[0].rsplit(" ", 1)[1])
    removed = before + new - after
    assert removed > 0 and status.endswith(f", {removed} {'entry' if removed == 1 else 'entries'} no longer proposed "
                                           "removed")


def test_a_message_pinned_at_the_top_is_selected_to_be_copied(server, browser, db):
    # the line pinned at the window's top let every click through to what was under it: a refusal naming the entry
    # someone changed could not be selected with the mouse to be copied into a message to them
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjx").perform()
    with open_store(db) as store:
        api.reject(store, [ids[1]], user="ben")
    approve_picked(browser)
    status = wait(browser, lambda b: css(b, "#status")[0].text.startswith("1 approved") and css(b, "#status")[0],
                  "the picked entries were not decided")
    ActionChains(browser).send_keys("jjjjjj").perform()  # scrolled down the queue: the line pinned over the cards
    assert browser.execute_script("return scrollY") > 0
    refused = status.text.splitlines()[1]
    assert refused.startswith(f"entry {ids[1]} was changed by someone else")
    # the second line dragged across, from its start, where the card scrolled under the pinned line is
    width, height = status.size["width"], status.size["height"]
    line = height / len(status.text.splitlines())
    ActionChains(browser).move_to_element_with_offset(status, -width // 2 + 25, int(-height / 2 + 1.5 * line)) \
        .click_and_hold().move_by_offset(300, 0).release().perform()
    selected = browser.execute_script("return getSelection().toString()")
    assert selected and selected in status.text and "changed by someone else" in selected, selected


def test_the_decision_keys_do_nothing_while_an_edit_is_open(server, browser, db):
    # a note typed, Tab to the Save button, then "a" (the reviewer meaning to type on): the entry was approved under the
    # form, and the save that followed was refused as stale; the card's text clicked to read it again, then r: rejected
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    card = css(browser, ".card.selected")[0]
    entry_id = int(card.get_attribute("data-entry"))
    ActionChains(browser).send_keys("e").perform()
    note = card.find_element("css selector", '.edit-form textarea[name="note"]')
    note.send_keys("vu en comité", Keys.TAB)
    assert browser.switch_to.active_element == card.find_element("css selector", '.edit-form button[type="submit"]')
    ActionChains(browser).send_keys("areu").perform()
    card.find_element("css selector", "header span.docs").click()
    ActionChains(browser).send_keys("r").perform()
    status = wait(browser, lambda b: css(b, "#status")[0].text, "nothing said of the edit left open")
    assert status == f"#{entry_id}: an edit is open; save it or cancel it first"
    time.sleep(0.5)  # a decision sent would have landed
    assert _status(db, entry_id) == "candidate"
    assert note.get_attribute("value") == "vu en comité" and card.find_element("css selector", ".edit-form").is_displayed()
    note.send_keys(Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id} saved, approved", "the note was not saved")
    with open_store(db) as store:
        assert glossary.entry(store, entry_id).note == "vu en comité"


def test_no_page_scrolls_sideways_in_a_narrow_window(server, browser, db):
    # a window half a laptop's screen wide (or a phone's): the bar of links and the name box ran past its right edge,
    # and every page scrolled sideways, the name box out of sight
    from selenium.webdriver.common.action_chains import ActionChains

    browser.set_window_size(500, 800)
    for path in ("/", "/?q=OTAN", "/review", "/documents", f"/documents/{quote(SEED_ID)}", "/export", "/entries/1"):
        browser.get(server.url + path)
        assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth"), path
        name = css(browser, "#reviewer")[0]
        assert browser.execute_script("return arguments[0].getBoundingClientRect().right <= innerWidth", name), path
    # a card's edit form opened: its note's box of sixty columns ran past the window's edge
    browser.get(server.url + "/review")
    ActionChains(browser).send_keys("e").perform()
    assert css(browser, ".card.selected .edit-form textarea")[0].is_displayed()
    assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    # the units side by side: no word cut to fit ("parten" over "aires"), the table scrolling on its own instead
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    cut = browser.execute_script("""const cut = [];
        for (const sentence of document.querySelectorAll("#units .sentence")) {
          const text = sentence.firstChild, range = document.createRange();
          for (const word of text.data.matchAll(/[^\\s-]+/g)) {
            range.setStart(text, word.index); range.setEnd(text, word.index + word[0].length);
            if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) cut.push(word[0]);
          }
        }
        return cut;""")
    assert cut == [] and len(css(browser, "#units .sentence")) > 30


def test_a_screen_reader_names_the_card_the_keys_move_to(server, browser, db):
    # j, k and a page opened put the focus on a card that had no name: a screen reader said "list item" and nothing
    # of the entry, its status or its terms; the flag of a unit with a finding was read "⚑"
    from selenium.webdriver.common.action_chains import ActionChains

    with open_store(db) as store:
        added = api.add_entry(store, ["Comité militaire"], ["Military Committee"],
                              terms={"ar": ["اللجنة العسكرية"]}, status="candidate")
    browser.get(server.url + "/review?order=newest")
    assert browser.switch_to.active_element.accessible_name == \
        f"#{added['id']} candidate Comité militaire; Military Committee; اللجنة العسكرية"
    ActionChains(browser).send_keys("a").perform()  # approved, the next card selected
    second = browser.switch_to.active_element
    assert second.accessible_name.startswith(f"#{second.get_attribute('data-entry')} candidate ")
    wait(browser, lambda b: _status(db, int(added["id"])) == "approved", "not approved")
    ActionChains(browser).send_keys("k").perform()
    wait(browser, lambda b: b.switch_to.active_element.accessible_name.startswith(f"#{added['id']} approved "),
         "the card's name does not say it was approved")
    browser.get(server.url + f"/entries/{added['id']}")
    assert browser.switch_to.active_element.accessible_name == "Comité militaire; Military Committee; اللجنة العسكرية"
    for path in ("/review", f"/documents/{quote(SEED_ID)}", "/"):
        browser.get(server.url + path)
        unnamed = [element.get_attribute("outerHTML")[:80] for element in css(browser, "a[href], button, input, select, "
                   "textarea, [tabindex]") if element.is_displayed() and len(element.accessible_name.strip()) < 2]
        assert unnamed == [], path


def test_what_a_look_up_finds_is_said_in_a_line_a_screen_reader_reads_out(server, browser, db):
    # the results changed under the box as one typed, and a screen reader said nothing of them: its user could not
    # tell a term found from none without leaving the box to read the page
    browser.get(server.url + "/")
    found = css(browser, "#lookup-found")[0]
    assert found.get_attribute("aria-live") == "polite" and found.text == ""
    box = css(browser, "#lookup-q")[0]
    box.send_keys("NATO")
    with open_store(db) as store:
        units = len(store.concordance("NATO", 10))
        entries = len(api.lookup(store, "NATO", limit=10)["entries"])
    expected = f"{entries} glossary {'entry' if entries == 1 else 'entries'}, {units} units of the memory"
    wait(browser, lambda b: css(b, "#lookup-found")[0].text == expected, "what was found was not said")
    browser.get(server.url + "/?q=NATO")  # the page, as a look-up's link opens it, says it alike
    assert css(browser, "#lookup-found")[0].text == expected
    box = css(browser, "#lookup-q")[0]
    box.send_keys("x" * 500)  # refused: nothing found is said, the error is
    wait(browser, lambda b: css(b, "#lookup-found")[0].text == "", "the earlier count stayed")


def test_a_card_of_the_queue_shows_its_definition_and_note(server, browser, db):
    # the queue showed neither: a terminologist approved an entry whose note said to wait for the committee's ruling,
    # which only its own page showed
    note = 'wait for the MC\'s ruling <b>before</b> approving & "quote" it\nsecond line'
    with open_store(db) as store:
        added = api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate",
                              definition="senior military authority in NATO", note=note)
    browser.get(server.url + "/review?order=newest")
    card = css(browser, f'.card[data-entry="{added["id"]}"]')[0]
    assert card.find_element("css selector", ".definition").text == "Definition: senior military authority in NATO"
    assert card.find_element("css selector", ".note").text == "Note: " + note
    assert not card.find_elements("css selector", ".note b")


def test_the_pick_and_undo_keys_say_what_they_did(server, browser, db):
    # x ticked a box the reviewer (a screen reader's user above all) did not see change, and u with nothing to undo
    # did nothing: neither said anything
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [card.get_attribute("data-entry") for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("u").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "Nothing to undo", "u with nothing to undo said nothing")
    ActionChains(browser).send_keys("xjx").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{ids[1]} picked (2 picked)", "x said nothing")
    ActionChains(browser).send_keys("kx").perform()
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{ids[0]} no longer picked (1 picked)", "x said nothing")


def test_the_entries_picked_are_decided_from_the_keyboard(server, browser, db):
    # x picked entries from the keyboard, but deciding them wanted the button above the queue, some sixty Tabs back
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjjx").key_down(Keys.SHIFT).send_keys("a").key_up(Keys.SHIFT).perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "2 approved", "Shift+A did not approve the picked entries")
    assert [_status(db, i) for i in ids[:4]] == ["approved", "candidate", "approved", "candidate"]
    ActionChains(browser).send_keys("jx").key_down(Keys.SHIFT).send_keys("r").key_up(Keys.SHIFT).perform()
    wait(browser, lambda b: css(b, "#status")[0].text == "1 rejected", "Shift+R did not reject the picked entry")
    assert _status(db, ids[3]) == "rejected"
    # Caps Lock left on: "A" typed without Shift is the a it was meant as, the selected card approved, not the picked
    ActionChains(browser).send_keys("j").perform()
    browser.execute_script("""document.activeElement.dispatchEvent(new KeyboardEvent("keydown", {key: "A", bubbles: true}))""")
    wait(browser, lambda b: _status(db, ids[4]) == "approved", "A without Shift did not approve the selected card")


def test_shift_a_with_caps_lock_on_decides_the_picked_entries_not_the_selected_one(server, browser, db):
    # Caps Lock on, Shift+A types "a" (Linux, Windows): read as a, it approved the card with the focus, one the
    # reviewer had not picked, and left the picked entries undecided
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjxj").perform()
    wait(browser, lambda b: b.switch_to.active_element.get_attribute("data-entry") == str(ids[2]), "j did not move")
    shifted = 8  # the Shift modifier, as the keyboard sends it: the key's text a small letter, Caps Lock inverting it
    for kind in ("rawKeyDown", "char", "keyUp"):
        browser.execute_cdp_cmd("Input.dispatchKeyEvent", {
            "type": kind, "modifiers": shifted, "key": "a", "code": "KeyA", "windowsVirtualKeyCode": 65,
            **({"text": "a"} if kind == "char" else {})})
    said = wait(browser, lambda b: "approved" in css(b, "#status")[0].text and css(b, "#status")[0].text,
                "Shift+A with Caps Lock approved nothing")
    assert said == "2 approved"
    time.sleep(0.5)  # a decision of the selected card sent would have landed
    assert [_status(db, i) for i in ids[:3]] == ["approved", "approved", "candidate"]


def test_a_decision_key_held_down_decides_one_card(server, browser, db):
    # a held down: the keyboard's repeats approved the card, moved on and approved the next, unread, and so on
    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    for repeat in (False, True, True, True):  # the key pressed, then three of its repeats, as a held key sends them
        for kind in ("rawKeyDown", "char"):
            browser.execute_cdp_cmd("Input.dispatchKeyEvent", {
                "type": kind, "key": "a", "code": "KeyA", "windowsVirtualKeyCode": 65, "autoRepeat": repeat,
                **({"text": "a"} if kind == "char" else {})})
    browser.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyUp", "key": "a", "code": "KeyA",
                                                       "windowsVirtualKeyCode": 65})
    wait(browser, lambda b: "approved" in css(b, "#status")[0].text, "a approved nothing")
    time.sleep(0.5)  # the repeats' decisions, had they been sent, would have landed
    assert [_status(db, i) for i in ids[:3]] == ["approved", "candidate", "candidate"]
    for repeat in (False, True):  # j held runs down the queue
        browser.execute_cdp_cmd("Input.dispatchKeyEvent", {
            "type": "rawKeyDown", "key": "j", "code": "KeyJ", "windowsVirtualKeyCode": 74, "autoRepeat": repeat})
        browser.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "char", "key": "j", "text": "j", "autoRepeat": repeat})
    wait(browser, lambda b: b.switch_to.active_element.get_attribute("data-entry") in map(str, ids[2:4]),
         "a held j did not run down the queue")


def test_a_card_s_name_lists_only_the_languages_it_has_terms_in(server, browser, db):
    # an entry of French and German, no English: its card was named "Comité militaire; ; Militärausschuss", a French
    # one alone "Comité militaire; " (the English column shown empty, its first term none)
    with open_store(db) as store:
        french = api.add_entry(store, ["Comité militaire"], status="candidate")
        german = api.add_entry(store, ["Comité militaire"], terms={"de": ["Militärausschuss"]}, status="candidate")
    browser.get(server.url + "/review?order=newest")
    names = {card.get_attribute("data-entry"): card.accessible_name for card in css(browser, "#queue .card")}
    assert names[str(german["id"])] == f"#{german['id']} candidate Comité militaire; Militärausschuss"
    assert names[str(french["id"])] == f"#{french['id']} candidate Comité militaire"


def click_in_sight(browser, element) -> None:
    """``element`` clicked in the window's middle, away from the line pinned at its top (its words take clicks)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def test_e_opens_no_second_edit_while_one_is_open(server, browser, db):
    # a note typed in one card's form, the next card clicked and e: its form opened too, and saving it reloaded the
    # queue, the first card's note lost without a word
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    first, second = css(browser, "#queue .card")[:2]
    ActionChains(browser).send_keys("e").perform()
    first.find_element("css selector", '.edit-form textarea[name="note"]').send_keys("vu en comité")
    click_in_sight(browser, second.find_element("css selector", "header span.status"))
    ActionChains(browser).send_keys("e").perform()
    wait(browser, lambda b: css(b, "#status")[0].text, "nothing said of the edit left open")
    assert css(browser, "#status")[0].text == f"#{first.get_attribute('data-entry')}: an edit is open; save it or cancel it first"
    assert not second.find_element("css selector", ".edit-form").is_displayed()
    # the open one's e still takes the focus back to its form
    click_in_sight(browser, first.find_element("css selector", "header span.status"))
    ActionChains(browser).send_keys("e").perform()
    assert browser.switch_to.active_element == first.find_element("css selector", ".edit-form input")


def test_shift_a_pressed_twice_decides_the_picked_entries_once(server, browser, db):
    # Shift+A pressed again before the answers came (nothing seen yet, or the key held and repeated): each picked entry
    # was sent twice, the second refused against the version the first had just changed, and the line said "0 approved"
    # and "entry … was changed by someone else": the reviewer's own approval
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    ActionChains(browser).send_keys("xjxjx").key_down(Keys.SHIFT).send_keys("aa").key_up(Keys.SHIFT).perform()
    wait(browser, lambda b: all(_status(db, i) == "approved" for i in ids[:3]), "the picked entries were not approved")
    time.sleep(1)  # the second press's answers landed
    said = css(browser, "#status")[0].text
    assert "someone else" not in said and said.startswith("3 approved"), said
    with open_store(db) as store:
        assert [c["action"] for c in api.history(store)] == ["approved"] * 3


def test_the_queue_says_how_many_entries_its_filters_hold_and_how_many_are_left(server, browser, db):
    # "Entries 1–10, more on the next page.": a terminologist could not tell a queue of thirty from one of ten thousand,
    # nor how much was left once some were decided
    from selenium.webdriver.common.action_chains import ActionChains

    total = candidates(db)
    browser.get(server.url + "/review")
    assert css(browser, ".count")[0].text == f"Entries 1–10 of {total}, more on the next page."
    ActionChains(browser).send_keys("ar").perform()
    wait(browser, lambda b: css(b, ".count")[0].text ==
         f"Entries 1–10 of {total}, more on the next page. {total - 2} left, 2 decided on this page.",
         "the entries left were not said")
    css(browser, '.pages a[rel="next"]')[0].click()
    wait(browser, lambda b: "after=" in b.current_url, "no next page")
    assert css(browser, ".count")[0].text.startswith(f"Entries 9–18 of {total - 2}, more on the next page.")
    # a filter's: the text and the language, as many as every page of it lists
    with open_store(db) as store:
        held = len(store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE], text="militaire", lang="fr"))
    assert held
    browser.get(server.url + "/review?status=candidate&q=militaire&lang=fr")
    assert f" of {held}" in css(browser, ".count")[0].text
    browser.get(server.url + "/review?status=candidate&q=zzzz")
    assert css(browser, ".count")[0].text == "No entry."


def _letter_keys_said(browser) -> str:
    return css(browser, "label.letter-keys")[0].text + " " + css(browser, "#letter-keys-said")[0].text


def test_the_single_letter_keys_are_turned_off_on_the_keys_line_and_stay_off_in_this_browser(server, browser, db):
    # WCAG 2.1.4 Character Key Shortcuts: a, r, j, x … could be neither turned off nor remapped, and speech input
    # saying "approve all" typed a, l … into the queue, deciding entries
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    assert "single-letter keys" in _letter_keys_said(browser) and "kept in this browser" in _letter_keys_said(browser)
    box = css(browser, "#letter-keys")[0]
    assert box.is_selected()
    click_in_sight(browser, box)
    wait(browser, lambda b: css(b, "#status")[0].text.startswith("Single-letter keys off"), "turning them off was not said")
    browser.get(server.url + "/review")  # kept
    assert not css(browser, "#letter-keys")[0].is_selected()
    url = browser.current_url
    ActionChains(browser).send_keys("ajxnue").key_down(Keys.SHIFT).send_keys("ar").key_up(Keys.SHIFT).perform()
    time.sleep(0.5)  # a decision or a page sent would have landed
    assert [_status(db, i) for i in ids[:2]] == ["candidate", "candidate"]
    assert browser.current_url == url and css(browser, "#status")[0].text == ""
    assert css(browser, ".card.selected")[0].get_attribute("data-entry") == str(ids[0])
    assert not any(card.find_element("css selector", ".pick").is_selected() for card in css(browser, "#queue .card"))
    assert not css(browser, ".edit-form")[0].is_displayed()
    # the buttons still act, and Esc still closes an edit
    click_in_sight(browser, css(browser, ".card .edit")[0])
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not css(browser, ".edit-form")[0].is_displayed()
    click_in_sight(browser, css(browser, ".card .approve")[0])
    wait(browser, lambda b: _status(db, ids[0]) == "approved", "the button did not approve")
    # off on an entry's own page too, stated there
    browser.get(f"{server.url}/entries/{ids[1]}")
    assert "single-letter keys" in _letter_keys_said(browser) and not css(browser, "#letter-keys")[0].is_selected()
    ActionChains(browser).send_keys("a").perform()
    time.sleep(0.5)
    assert _status(db, ids[1]) == "candidate"
    click_in_sight(browser, css(browser, "#letter-keys")[0])  # on again
    ActionChains(browser).send_keys("a").perform()
    wait(browser, lambda b: _status(db, ids[1]) == "approved", "a did not approve once the keys were on again")


def test_no_letter_typed_in_a_box_sets_off_a_key(server, browser, db):
    # a screen reader's user types in a box (the name, a filter, a term, a note): none of the letters typed acts
    from selenium.webdriver.common.action_chains import ActionChains

    typed = "arexjknpu" + "AR"
    browser.get(server.url + "/review")
    ids = [int(card.get_attribute("data-entry")) for card in css(browser, "#queue .card")]
    url = browser.current_url

    def nothing_set_off(where):
        time.sleep(0.3)  # a decision or a page sent would have landed
        assert browser.current_url == url, where
        assert css(browser, "#status")[0].text == "", (where, css(browser, "#status")[0].text)
        assert all(_status(db, i) == "candidate" for i in ids), where
        assert not any(pick.is_selected() for pick in css(browser, "#queue .card .pick"))

    for selector in ("#reviewer", '.filters input[name="q"]', '.filters input[name="min_score"]'):
        field = css(browser, selector)[0]
        field.send_keys(typed)
        nothing_set_off(selector)
        field.clear()
    click_in_sight(browser, css(browser, "#queue .card header span.status")[0])  # out of the box, onto the first card
    ActionChains(browser).send_keys("e").perform()
    form = css(browser, ".card.selected .edit-form")[0]
    for field in form.find_elements("css selector", "input, textarea"):
        field.send_keys(typed)
        nothing_set_off(field.get_attribute("name"))
    assert form.is_displayed() and form.find_element("css selector", 'textarea[name="note"]').get_attribute(
        "value").endswith(typed)
    form.find_element("css selector", ".cancel").click()  # the page left without asking
    browser.get(f"{server.url}/entries/{ids[0]}")
    url = browser.current_url
    css(browser, "#reviewer")[0].send_keys(typed)
    nothing_set_off("#reviewer on the entry's page")


def test_no_button_reloads_or_decides_away_an_edit_open(server, browser, db):
    # a note typed in a card's edit form, then Merge into…, a term's deprecate, another card's Approve, Undo, the next
    # page's link: the page reloaded (or the entry changed under the form) and the note was gone, where the keys said
    # "an edit is open"
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review?status=&q=")
    cards = css(browser, "#queue .card")
    first, second = cards[0], cards[1]
    ids = [int(card.get_attribute("data-entry")) for card in cards[:2]]
    ActionChains(browser).send_keys("ak").perform()  # one decision to undo, back on the card decided
    wait(browser, lambda b: _status(db, ids[0]) == "approved", "a did not approve")
    ActionChains(browser).send_keys("e").perform()
    note = first.find_element("css selector", '.edit-form textarea[name="note"]')
    note.send_keys("vu en comité")
    refused = f"#{ids[0]}: an edit is open; save it or cancel it first"
    before = _usage(db, ids[0], first.find_element("css selector", ".deprecate").get_attribute("data-term"))
    for button in (first.find_element("css selector", ".merge"), first.find_element("css selector", ".deprecate"),
                   second.find_element("css selector", ".approve"), second.find_element("css selector", ".merge"),
                   css(browser, "#undo")[0], css(browser, '.pages a[rel="next"]')[0]):
        browser.execute_script("document.getElementById('status').textContent = ''")
        click_in_sight(browser, button)
        wait(browser, lambda b: css(b, "#status")[0].text == refused, f"{button.text} was not refused")
    time.sleep(0.5)
    assert "after=" not in browser.current_url and note.get_attribute("value") == "vu en comité"
    assert (_status(db, ids[0]), _status(db, ids[1])) == ("approved", "candidate")
    assert _usage(db, ids[0], first.find_element("css selector", ".deprecate").get_attribute("data-term")) == before
    # an entry's own page: its history's revert
    browser.get(f"{server.url}/entries/{ids[0]}")
    ActionChains(browser).send_keys("e").perform()
    note = css(browser, '.edit-form textarea[name="note"]')[0]
    note.send_keys("vu en comité")
    click_in_sight(browser, css(browser, "#history .revert")[0])
    wait(browser, lambda b: css(b, "#status")[0].text == refused, "the revert was not refused")
    time.sleep(0.5)
    assert note.get_attribute("value") == "vu en comité" and _status(db, ids[0]) == "approved"


def test_an_entry_quoting_a_unit_merged_in_the_document_view_shows_the_merged_sentences(server, browser, db):
    # the entry's context still showed the unit as it was before the merge (its sentence apart, paired with the
    # English the merge had mended) under the merged unit's name
    with open_store(db) as store:
        units = store.document_units(SEED_ID)
        quoted = set(store._query("SELECT unit_id, entry_id FROM contexts"))
    # an entry quoting a unit and not the one before it (each of the seed's units is quoted by some entry)
    k, entry_id = next((k, e) for k in range(len(units) - 1) for u, e in sorted(quoted)
                       if u == units[k + 1].id and (units[k].id, e) not in quoted)
    merged = (units[k].unit.source + " " + units[k + 1].unit.source,
              units[k].unit.target + " " + units[k + 1].unit.target)
    browser.get(f"{server.url}/documents/{quote(SEED_ID)}")
    click_in_sight(browser, css(browser, "tr.unit")[k].find_element("css selector", ".merge-next"))
    wait(browser, lambda b: len(css(b, "tr.unit")) == len(units) - 1, "the merge did not show")
    browser.get(f"{server.url}/entries/{entry_id}")
    shown = [tuple(p.text for p in pair.find_elements("css selector", "p")) for pair in css(browser, "main > .context")]
    assert merged in shown, shown
    # the look-up as one types shows it so too
    with open_store(db) as store:
        term = glossary.entry(store, entry_id).terms[0].text
    browser.get(server.url + "/")
    css(browser, "#lookup-q")[0].send_keys(term)
    hit = f'#lookup-results article.hit[data-entry="{entry_id}"]'
    wait(browser, lambda b: css(b, hit), f"#{entry_id} not found by {term}")
    looked_up = [tuple(p.text for p in pair.find_elements("css selector", "p"))
                 for pair in css(browser, hit)[0].find_elements("css selector", ".context")]
    assert merged in looked_up, looked_up


def test_the_edit_button_puts_the_caret_in_the_form_it_opens(server, browser, db):
    # Edit (e) clicked opened the form, then the card took the focus back from its first box: the word typed next went
    # to the keys (its a refused as "an edit is open", or, its e first, nowhere), not into the term
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(server.url + "/review")
    card = css(browser, "#queue .card")[1]
    click_in_sight(browser, card.find_element("css selector", ".edit"))
    french = card.find_element("css selector", '.edit-form input[name="fr"]')
    assert browser.switch_to.active_element == french
    ActionChains(browser).send_keys("naval ").perform()
    assert "naval " in french.get_attribute("value") and css(browser, "#status")[0].text == ""
    assert css(browser, ".card.selected")[0] == card


def test_leaving_the_queue_with_an_edit_typed_in_asks_first(server, browser, db):
    # a note typed, then Documents in the workbench's bar (or Back, or the tab closed): the page went, the note with it,
    # unsaved and unsaid. (WebDriver accepts a page's "leave?" question itself: the page's asking is read off the
    # event it cancels.)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def asks(b) -> bool:
        return b.execute_script("const e = new Event('beforeunload', {cancelable: true}); dispatchEvent(e);"
                                " return e.defaultPrevented")

    browser.get(server.url + "/review")
    ActionChains(browser).send_keys("e").perform()
    assert not asks(browser)  # nothing typed yet
    note = css(browser, '.card.selected .edit-form textarea[name="note"]')[0]
    note.send_keys("vu en comité")
    assert asks(browser)
    note.send_keys(Keys.ENTER)  # saved: the page reloads unasked
    wait(browser, lambda b: css(b, "#status")[0].text.endswith("saved, approved"), "the note was not saved")
    assert not asks(browser)
    ActionChains(browser).send_keys("e").perform()
    css(browser, '.card.selected .edit-form input[name="fr"]')[0].send_keys("x")
    assert asks(browser)
    css(browser, ".card.selected .edit-form .cancel")[0].click()  # cancelled: nothing left to lose
    assert not asks(browser)


def test_with_the_letter_keys_off_the_buttons_name_no_key(server, browser, db):
    # the keys turned off, the card's buttons still said "Approve (a)", "Reject (r)", "Edit (e)": a speech-input user
    # saying the button's name said a key that did nothing
    browser.get(server.url + "/review")
    card = css(browser, "#queue .card")[0]
    named = lambda: [card.find_element("css selector", f".{b}").text for b in ("approve", "reject", "edit")]  # noqa: E731
    assert named() == ["Approve (a)", "Reject (r)", "Edit (e)"]
    click_in_sight(browser, css(browser, "#letter-keys")[0])
    wait(browser, lambda b: named() == ["Approve", "Reject", "Edit"], f"the buttons still name their keys: {named()}")
    entry_id = card.get_attribute("data-entry")
    browser.get(f"{server.url}/entries/{entry_id}")  # off on every page of this browser
    assert [css(browser, f".card .{b}")[0].text for b in ("approve", "reject", "edit")] == ["Approve", "Reject", "Edit"]
    assert css(browser, ".card .approve")[0].accessible_name == "Approve"
    click_in_sight(browser, css(browser, "#letter-keys")[0])  # on again
    wait(browser, lambda b: css(b, ".card .approve")[0].text == "Approve (a)", "the key not named again")


def test_a_card_refused_as_changed_elsewhere_shows_the_entry_as_it_now_is_and_acts_again(server, browser, db):
    # another reviewer edited the entry: "changed by someone else … reload it", and the card kept the version it was
    # read at, every action on it (a, r, Edit's save, a merge) refused again until the page was reloaded by hand
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/review?status=")  # every status: the entry edited (so approved) stays in the queue
    card = css(browser, "#queue .card")[2]
    entry_id, version = (int(card.get_attribute(name)) for name in ("data-entry", "data-version"))
    with open_store(db) as store:
        api.edit(store, entry_id, en="mine countermeasures vessel", user="ben")
    click_in_sight(browser, card.find_element("css selector", ".approve"))
    wait(browser, lambda b: css(b, "#status")[0].text == f"entry {entry_id} was changed by someone else (version "
         f"{version + 1}, not {version}): shown as it now is", "the conflict not said")
    assert "error" in css(browser, "#status")[0].get_attribute("class")
    shown = css(browser, ".card.selected")[0]
    with open_store(db) as store:
        now = api.entry(store, entry_id)["version"]
    assert shown.get_attribute("data-entry") == str(entry_id) and shown.get_attribute("data-version") == str(now)
    assert "mine countermeasures vessel" in shown.text
    assert "approved" in shown.find_element("css selector", ".status").text
    ActionChains(browser).send_keys("r").perform()  # read as it now is, rejected
    wait(browser, lambda b: _status(db, entry_id) == "rejected", "r refused again")
    # an edit typed when the entry changed: the text kept, Save again writes it over the version it now has
    card = css(browser, "#queue .card")[4]
    entry_id = int(card.get_attribute("data-entry"))
    click_in_sight(browser, card.find_element("css selector", ".edit"))
    note = card.find_element("css selector", '.edit-form textarea[name="note"]')
    note.send_keys("vu en comité")
    with open_store(db) as store:
        api.reject(store, [entry_id], user="ben")
    note.send_keys(Keys.ENTER)
    wait(browser, lambda b: "Save again" in css(b, "#status")[0].text, "the conflict not said")
    assert note.get_attribute("value") == "vu en comité" and card.get_attribute("data-status") == "rejected"
    note.send_keys(Keys.ENTER)
    wait(browser, lambda b: f"#{entry_id} saved" in css(b, "#status")[0].text, "the edit refused again")
    with open_store(db) as store:
        assert api.entry(store, entry_id)["note"] == "vu en comité"


def test_an_edit_saved_with_enter_on_an_entry_s_page_leaves_it_unasked(server, browser, db):
    # the leave-page question after a save from the keyboard, on an entry's own page, the letter keys off (the edit
    # opened with its button): the page the save reloads asks nothing, nor does the page reloaded
    from selenium.webdriver.common.keys import Keys

    def asks(b) -> bool:
        return b.execute_script("const e = new Event('beforeunload', {cancelable: true}); dispatchEvent(e);"
                                " return e.defaultPrevented")

    browser.get(server.url + "/review")
    entry_id = int(css(browser, "#queue .card")[0].get_attribute("data-entry"))
    click_in_sight(browser, css(browser, "#letter-keys")[0])
    browser.get(f"{server.url}/entries/{entry_id}")
    click_in_sight(browser, css(browser, ".card .edit")[0])
    french = css(browser, '.edit-form input[name="fr"]')[0]
    assert browser.switch_to.active_element == french
    french.send_keys(" naval")
    assert asks(browser)
    # the real leaving, as the save reloads the page: a listener after the page's reads whether it asked
    browser.execute_script("addEventListener('beforeunload', (e) => {"
                           " if (e.defaultPrevented) sessionStorage.setItem('asked', '1'); })")
    french.send_keys(Keys.ENTER)
    wait(browser, lambda b: css(b, "#status")[0].text == f"#{entry_id} saved, approved", "the edit was not saved")
    assert browser.execute_script("return sessionStorage.getItem('asked')") is None and not asks(browser)
    assert _status(db, entry_id) == "approved"


def test_another_reviewer_s_decisions_show_on_the_queue_without_a_reload(server, browser, db):
    # a second reviewer approved and rejected entries of the page this one was reading, and one further on: the cards
    # still said "candidate", the count "45 left", until a decision on one of them was refused. Now the queue polls
    # (at each action of its own, as the tab is shown again, and every few seconds): the cards and the count show
    # them, the card says who changed it, and a decision on it is refused and the page read again, as before
    from selenium.webdriver.common.action_chains import ActionChains

    total = candidates(db)
    with open_store(db) as store:
        queue = [int(e.id) for e in store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE])]
    browser.get(server.url + "/review")
    with open_store(db) as store:
        glossary.set_status(store, queue[1], glossary.ReviewStatus.APPROVED, user="Ana Núñez")
        glossary.set_status(store, queue[2], glossary.ReviewStatus.REJECTED, user="Ana Núñez")
        glossary.set_status(store, queue[15], glossary.ReviewStatus.REJECTED, user="Ana Núñez")
        glossary.merge_entries(store, queue[3], queue[20], user="Ana Núñez")
    ActionChains(browser).send_keys("a").perform()  # this reviewer's own decision, on the first card
    card = lambda b, n: css(b, f'.card[data-entry="{queue[n]}"]')[0]  # noqa: E731
    wait(browser, lambda b: card(b, 1).get_attribute("data-status") == "approved", "the approval made elsewhere did not show")
    assert card(browser, 2).get_attribute("data-status") == "rejected"
    note = card(browser, 1).find_element("css selector", ".elsewhere-note").text
    assert note.startswith("Changed meanwhile: now approved, last by Ana Núñez (version "), note
    assert "Merged into" in card(browser, 3).find_element("css selector", ".elsewhere-note").text
    assert "elsewhere-note" not in card(browser, 4).get_attribute("innerHTML")  # untouched: nothing said
    # one decided here, three on this page elsewhere (one merged away), one off it
    wait(browser, lambda b: css(b, ".count")[0].text.endswith(
        f" {total - 5} left, 4 decided on this page (3 by someone else)."), "the count did not follow")
    assert "#%d now approved, last by Ana Núñez;" % queue[1] in css(browser, "#status")[0].text
    # a decision on a card changed elsewhere is refused, and the queue read again shows it as it is
    assert css(browser, ".card.selected")[0] == card(browser, 1)  # the selection moved on from the first card
    ActionChains(browser).send_keys("r").perform()
    wait(browser, lambda b: "changed by someone else" in css(b, "#status")[0].text, "the stale decision was not refused")
    with open_store(db) as store:
        assert glossary.entry(store, queue[1]).status == glossary.ReviewStatus.APPROVED
