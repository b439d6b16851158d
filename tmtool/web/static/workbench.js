// The workbench's one script: look-up as you type, the review queue's keys and buttons, the
// document view's corrections, uploads and export links. Every text from the server is put in
// the page with textContent, never as HTML.
"use strict";

const csrf = document.querySelector('meta[name="csrf-token"]').content;

function say(message, isError) {
  const status = document.getElementById("status");
  // the words in a span of their own: the line lets clicks through to what it is pinned over, its words not, so
  // that they are selected to be copied (an error naming the entry someone changed, a command to run)
  status.replaceChildren(...(message ? [element("span", message)] : []));
  status.className = isError ? "error" : "";
  // pinned at the window's top (workbench.css) unless taller than a third of it: an upload's report of forty rows
  // skipped, pinned, hid the page under it for good; at the page's top it reads whole
  const pinned = status.offsetHeight <= innerHeight / 3;
  status.classList.toggle("long", !pinned);
  // what is scrolled to (a card moved to with k, a button reached with Tab) comes in sight under it, however many
  // lines it has (four, of picked entries refused), not beneath it
  document.documentElement.style.scrollPaddingTop = pinned && message ? `${status.offsetHeight}px` : "";
}

// who makes the changes, as the history records them: a team sharing one server gives each its name
const REVIEWER = "tmtool-reviewer";

async function api(method, url, body) {
  const options = {method, headers: {"X-CSRF-Token": csrf}, credentials: "same-origin"};
  const reviewer = (localStorage.getItem(REVIEWER) || "").trim();
  if (reviewer) options.headers["X-Tmtool-User"] = encodeURIComponent(reviewer);  // a header is Latin-1
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await reach(url, options);
  const data = await response.json().catch(() => ({message: response.statusText}));
  if (!response.ok) {
    const error = new Error(data.message || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

// what an action that reloads the page did, said once the page has reloaded (the lists, the card, the
// history then show it done; the line says what was done, and to which entry or unit)
const SAID = "tmtool-said";
const SAID_ERROR = "tmtool-said-error";

// the page is left by an action of its own (an edit saved, a decision made): no edit of it is lost
let leaving = false;

function reloadSaying(message, page, isError) {
  leaving = true;
  sessionStorage.setItem(SAID, message);
  if (isError) sessionStorage.setItem(SAID_ERROR, "1");  // said as what was refused, as before the reload
  // the page gone (an entry merged into another) is left out of the history: Back went to its "no glossary entry"
  if (page) location.replace(page); else location.reload();
}

// a request sent; no answer at all (the server stopped, the network down) is said as such, not "Failed to fetch"
async function reach(url, options) {
  try {
    return await fetch(url, options);
  } catch (error) {
    throw new Error(`No answer from the workbench's server (${error.message}): is tmtool serve running? ` +
                    "Try again once it answers.");
  }
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// ---- look-up --------------------------------------------------------------------------------

// how text in a language is written, as langtags.direction says (the page names the languages and
// scripts written right to left): "rtl" for ar, he-IL, az-Arab; "ltr" for fr, ug-Latn
const RIGHT_TO_LEFT = new Set((document.body.dataset.rightToLeft || "").split(" "));

function direction(lang) {
  const [language, script] = (lang || "").split(/[-_]/);
  if (script && /^[A-Za-z]{4}$/.test(script)) {
    return RIGHT_TO_LEFT.has(script[0].toUpperCase() + script.slice(1).toLowerCase()) ? "rtl" : "ltr";
  }
  return RIGHT_TO_LEFT.has(language.toLowerCase()) ? "rtl" : "ltr";
}

function written(node, lang) {
  node.lang = lang;
  node.dir = direction(lang);
  return node;
}

function pair(source, target) {
  const both = element("div", undefined, "sides context");
  both.append(element("p", source), element("p", target));
  return both;
}

function renderLookup(found, results) {
  results.replaceChildren();
  results.append(element("h2", "Glossary"));
  if (!found.entries.length) results.append(element("p", "No glossary entry.", "none"));
  for (const entry of found.entries) {
    const article = element("article", undefined, "hit");
    article.dataset.entry = entry.id;
    const head = element("p");
    const link = element("a", "#" + entry.id);
    link.href = "/entries/" + entry.id;
    head.append(link, " ", element("span", entry.status, "status " + entry.status), " ", element("span", entry.match, "match"));
    const terms = element("ul", undefined, "terms");
    for (const term of entry.terms) {
      const item = element("li", undefined, term.usage);
      written(item, term.lang);
      // a deprecated term is struck through and says so, as `tmtool lookup` labels it: not one to translate with
      item.append(element("b", term.lang), " ", element("span", term.text, "term"));
      if (term.usage !== "preferred") item.append(" ", element("small", term.usage, "usage"));
      terms.append(item);
    }
    article.append(head, terms);
    // a context is a sentence in its language (French, or the entry's Arabic, a German term's own) and its
    // English, on the sides the entry's page puts them (the English on the left when the entry shows it first), one
    // in a third language saying its language
    for (const c of entry.labelled_contexts) {
      // an English sentence (an English term's own context) is itself on the English side
      const englishFirst = (entry.shown_languages[0] === "en") !== (c.lang === "en");
      const own = written(element("p", c.fr), c.lang);
      if (!entry.shown_languages.includes(c.lang)) own.prepend(element("b", c.lang, "lang"), " ");
      const english = written(element("p", c.en), "en");
      const both = element("div", undefined, "sides context");
      both.append(...(englishFirst ? [english, own] : [own, english]));
      article.append(both);
    }
    results.append(article);
  }
  results.append(element("h2", "Memory"));
  if (!found.memory.length) results.append(element("p", "No unit of the memory holds it.", "none"));
  for (const unit of found.memory) {
    const both = pair(unit.source, unit.target);
    written(both.firstChild, unit.srclang);
    written(both.lastChild, unit.tgtlang);
    draftMark(both.lastChild, unit);
    const doc = element("span", unit.document, "doc");
    doc.dir = "ltr";
    both.firstChild.prepend(doc, " ");
    neighbours(both.firstChild, unit);
    results.append(both);
  }
  if (found.matches.length) results.append(element("h2", "Fuzzy matches"));
  // matches showing the same texts (memoQ keeps a unit for each context a sentence was translated in) say where
  // each came from, as do those with a context
  const shown = found.matches.map((match) => JSON.stringify([match.matched, match.translation]));
  for (const [number, match] of found.matches.entries()) {
    const both = pair(match.matched, match.translation);
    both.classList.add("match");
    draftMark(both.lastChild, match);
    written(both.firstChild, match.lang);
    written(both.lastChild, match.translation_lang);
    const score = element("span", `${match.score}%`, "score");
    score.dir = "ltr";
    both.firstChild.prepend(score, " ");
    const alike = shown.filter((texts) => texts === shown[number]).length > 1;
    if (alike || match.context_pre !== null || match.context_post !== null) {
      const doc = element("span", match.document, "doc");
      doc.dir = "ltr";
      score.after(" ", doc);
      neighbours(both.firstChild, match);
    }
    results.append(both);
  }
}

// what a look-up found, in a line a screen reader says as one types (as app.found_line says it on the page)
function foundLine(found) {
  return [counted(found.entries.length, "glossary entry", "glossary entries"),
          counted(found.memory.length, "unit of the memory", "units of the memory"),
          ...(found.matches.length ? [counted(found.matches.length, "fuzzy match", "fuzzy matches")] : [])].join(", ");
}

// a unit's context, the source segments before and after it as its tool kept them (memoQ's, MateCat's): what tells
// apart units of the same texts
function neighbours(side, unit) {
  const said = [];
  if (unit.context_pre !== null) said.push(`after “${unit.context_pre}”`);
  if (unit.context_post !== null) said.push(`before “${unit.context_post}”`);
  if (said.length) side.append(element("span", said.join(", "), "doc neighbours"));
}

// a translation its tool had not confirmed (imported with include_unconfirmed): not to be taken for one that is
function draftMark(side, unit) {
  if (unit.draft) side.append(" ", element("span", "draft, not confirmed", "draft"));
}

function setUpLookup() {
  const box = document.getElementById("lookup-q");
  const results = document.getElementById("lookup-results");
  let timer, asked = 0;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = box.value;
      const mine = ++asked;
      history.replaceState(null, "", q ? "/?q=" + encodeURIComponent(q) : "/");
      // what is shown answers the query in the box, or says why it cannot: never an earlier query's
      // results under this one's error, nor an earlier error over this one's results
      const answer = (found, error) => {
        if (mine !== asked) return;  // an older answer arriving late is dropped
        if (found) renderLookup(found, results); else results.replaceChildren();
        document.getElementById("lookup-found").textContent = found ? foundLine(found) : "";
        say(error ? error.message : "", Boolean(error));
      };
      if (!q.trim()) { answer(null, null); return; }
      try {
        answer(await api("GET", "/api/lookup?q=" + encodeURIComponent(q)), null);
      } catch (error) { answer(null, error); }
    }, 150);
  });
}

// ---- review queue ---------------------------------------------------------------------------

// the card whose edit form is open, if one is: what is typed in it is not to be lost to a key or a button deciding
// or reloading (a merge, a deprecation, an undo, a revert, the next page: each reloaded the page, the text typed gone)
function refusedWhileEditing() {
  const open = document.querySelector(".card .edit-form:not([hidden])")?.closest(".card");
  if (open) say(`#${open.dataset.entry}: an edit is open; save it or cancel it first`, true);
  return Boolean(open);
}

const SELECTED = "tmtool-selected";  // the card to select once the queue has reloaded (its entry, its place)
const LAST_CARD = "tmtool-last-card";  // the card of the last change made, which an undo selects

// the review queue's cards, or an entry's own page: the one entry's actions, the page reloaded after each
// (its status, terms and history shown as they now are)
function setUpReview() {
  const cards = [...document.querySelectorAll("#queue .card")];
  const single = document.body.dataset.page === "entry";
  const undo = document.getElementById("undo") || {};  // the queue's; an entry's page undoes from its history
  let current = 0;
  // the changes of the last action, a decision on picked entries being several; undone together
  let lastChanges = [].concat(JSON.parse(sessionStorage.getItem("tmtool-last-change") || "[]"));
  undo.disabled = !lastChanges.length;

  function mark(index) {
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach((card, i) => card.classList.toggle("selected", i === current));
  }

  function select(index) {
    if (!cards.length) return;
    mark(index);
    cards[current].focus();
    cards[current].scrollIntoView({block: "nearest"});
  }

  function keep(changes) {
    lastChanges = changes;
    sessionStorage.setItem("tmtool-last-change", JSON.stringify(lastChanges));
    undo.disabled = !lastChanges.length;
  }

  function remember(changes, card) {
    const made = [].concat(changes).filter((change) => change !== null);
    if (!made.length) return;  // nothing changed: the undo stays on the last change made
    keep(made);
    sessionStorage.setItem(LAST_CARD, JSON.stringify(place(card)));  // the card an undo goes back to
  }

  // a card as the page reloaded after an action selects it again: the queue once reloaded selected its first card,
  // and the next key (a after an edit saved on the seventh) decided an entry the reviewer had not read
  function place(card) {
    return {entry: card.dataset.entry, index: cards.indexOf(card), at: location.href};
  }

  function stay(card) {
    sessionStorage.setItem(SELECTED, JSON.stringify(place(card)));
  }

  // a 409: the entry changed since the page was read (another reviewer decided or edited it). The card kept the version
  // it was read at and every action on it was refused until the page was reloaded by hand: the page is read again,
  // the card shown as it now is and selected, the refusal said. Answers still awaited (a key pressed on the next
  // card) land first, their changes kept for the undo
  function conflicted(card, error) {
    if (error.status !== 409) return false;
    stay(card);
    const said = `${error.message.replace(/; reload it$/gm, "")}: shown as it now is`;
    const reload = () => {
      if (cards.some((c) => c.dataset.pending)) setTimeout(reload, 50);
      // an edit opened meanwhile (e on the next card): what is typed there is not reloaded away
      else if (editing()) say(error.message, true);
      else reloadSaying(said, undefined, true);
    };
    setTimeout(reload);
    return true;
  }

  function restored() {
    const kept = JSON.parse(sessionStorage.getItem(SELECTED) || "null");
    sessionStorage.removeItem(SELECTED);
    if (!kept || kept.at !== location.href) return 0;
    const found = cards.findIndex((card) => card.dataset.entry === kept.entry);
    return found >= 0 ? found : kept.index;  // merged away: the card now in its place
  }

  // ``own``: an answer to this reviewer's action (counted against the queue's total as last polled)
  function show(card, entry, own = true) {
    if (own && filtered && (card.dataset.status === filtered) !== (entry.status === filtered)) {
      ownLeft += card.dataset.status === filtered ? 1 : -1;
    }
    card.dataset.version = entry.version;
    showStatus(card, entry.status);
  }

  function showStatus(card, status) {
    card.dataset.status = status;
    const shown = card.querySelector(".status");
    shown.textContent = status;
    shown.className = "status " + status;
    left();
  }

  // how many of the queue's total are left once some of this page are decided (the candidates approved or rejected
  // here leave the candidates' queue): the total alone, counted as the page was read, was what was left before them
  const filtered = document.getElementById("queue")?.dataset.status;
  const loaded = new Map(cards.map((card) => [card, card.dataset.status]));
  const next = document.querySelector('nav.pages a[rel="next"]');
  const nextOffset = next ? Number(new URL(next.href).searchParams.get("offset")) : 0;
  // the queue's total as last polled (null: not yet; the page's own count stands), and this reviewer's decisions that
  // took entries out of it (or back in), all told and as the poll was sent: those since are taken off what it counted
  let polledTotal = null, ownLeft = 0, ownLeftPolled = 0;
  function left() {
    const count = document.querySelector("p.count");
    if (single || !filtered) return;
    const out = cards.filter((card) => loaded.get(card) === filtered && card.dataset.status !== filtered);
    const gone = out.length, elsewhere = out.filter((card) => card.dataset.elsewhere).length;
    if (count?.dataset.total) {
      // decided elsewhere, on this page or off it: the total polled says how many are left now
      const now = polledTotal !== null ? polledTotal - (ownLeft - ownLeftPolled) : Number(count.dataset.total) - gone;
      document.getElementById("left").textContent = gone || now !== Number(count.dataset.total)
        ? ` ${Math.max(0, now).toLocaleString("en")} left, ${gone} decided on this page` +
          `${elsewhere ? ` (${elsewhere} by someone else)` : ""}.` : "";
    }
    // the next page numbers its entries among those left (the page follows the last card whatever its offset says):
    // after two decided it said "Entries 11–20 of 38", and the queue's last page "Entries 31–40 of 30"
    if (next) {
      const url = new URL(next.href);
      url.searchParams.set("offset", Math.max(0, nextOffset - gone));
      next.href = url;
    }
  }

  // ---- another reviewer's changes: the cards' versions and the queue's total polled (every POLL_MS, as the tab is
  // shown again, and after each action of this one's), so that an entry someone else decided or merged meanwhile is
  // shown so on its card, and counted, without a reload. Its version stays the one read: a decision on it is refused
  // (409) and the page read again, showing it as it now is, as for a change seen no other way
  let acted = 0, polling = false;
  const countUrl = document.querySelector("p.count")?.dataset.countUrl;
  async function poll() {
    if (single || !cards.length || polling || document.hidden) return;
    polling = true;
    const sent = acted, ownAtSend = ownLeft;
    try {
      const [state, count] = await Promise.all([
        api("GET", "/api/entries/versions?" + cards.map((card) => `id=${card.dataset.entry}`).join("&")),
        filtered && countUrl ? api("GET", countUrl) : null]);
      const changed = [];
      for (const now of state.entries) {
        const card = cards.find((c) => c.dataset.entry === now.id);
        // a card acted on here since the poll was sent: its answer, not the poll's, says where it stands
        if (!card || card.dataset.pending || Number(card.dataset.acted || 0) > sent) continue;
        const moved = now.gone ? "gone" : String(now.version);
        if (!now.gone && now.version <= Number(card.dataset.version)) continue;
        if (card.dataset.elsewhere === moved) continue;  // said already
        card.dataset.elsewhere = moved;
        card.classList.add("elsewhere");
        const note = card.querySelector(".elsewhere-note") || element("p", undefined, "elsewhere-note");
        if (!note.isConnected) card.querySelector("header, .terms").after(note);
        // the last decision's maker, as the history records it (a version made by a document's correction moving
        // the entry's quotes is none of theirs): "last by"
        const who = now.by ? `, last by ${now.by}` : "";
        if (now.gone) {
          note.textContent = now.into !== null ? `Merged into #${now.into} meanwhile by someone else.`
            : "Removed meanwhile by someone else.";
          changed.push(`#${card.dataset.entry} ${now.into !== null ? `merged into #${now.into}` : "removed"}`);
          showStatus(card, now.into !== null ? "merged" : "removed");  // out of the queue: counted as decided
        } else {
          note.textContent = `Changed meanwhile: now ${now.status}${who} (version ${now.version}; this card shows ` +
            `version ${card.dataset.version}). A decision or an edit made on it is refused until it is read again.`;
          changed.push(`#${card.dataset.entry} now ${now.status}${who}`);
          showStatus(card, now.status);
        }
      }
      if (count) {
        polledTotal = count.capped ? null : count.total;
        ownLeftPolled = ownAtSend;
        left();
      }
      if (changed.length) say(`Changed meanwhile on this page: ${changed.join("; ")}. Reload to read them as they now are.`);
    } catch (error) {
      // a poll that failed (the server stopped) says nothing: the next action says why it cannot be made
    } finally { polling = false; }
  }
  const POLL_MS = 10000;
  if (!single && cards.length) {
    setInterval(poll, POLL_MS);
    addEventListener("focus", poll);
    document.addEventListener("visibilitychange", poll);
  }

  async function act(card, verb) {
    // a key pressed before the answer comes is for the next card: the selection moves on at once, and a card
    // waiting for its answer takes no second decision (its version would be the one just changed)
    if (card.dataset.pending) return;
    card.dataset.pending = verb;
    card.dataset.acted = ++acted;
    select(cards.indexOf(card) + 1);
    try {
      const done = await api("POST", `/api/entries/${card.dataset.entry}/${verb}`, {version: Number(card.dataset.version)});
      const said = `#${card.dataset.entry} ${done.entry.status}${done.change === null ? " already: nothing changed" : ""}`;
      if (single) { reloadSaying(said); return; }
      show(card, done.entry);
      remember(done.change, card);
      say(said);
    } catch (error) {
      if (!conflicted(card, error)) say(error.message, true);
    } finally {
      delete card.dataset.pending;
    }
    poll();  // what others did meanwhile, noticed at each action
  }

  function edit(card) {
    const form = card.querySelector(".edit-form");
    form.hidden = false;
    form.querySelector("input").focus();
  }

  // only the fields the person changed: one left as it was (the English of an entry that has none) is no edit
  function changedFields(form) {
    const fields = {};
    for (const field of form.elements) {
      const initial = field.tagName === "SELECT" ? [...field.options].find((o) => o.defaultSelected)?.value : field.defaultValue;
      if (!field.name || field.value === initial) continue;
      // by language: a first term other than French and English (terms.de → terms: {de: …}), a first term's
      // gender or part of speech (genders.fr → genders: {fr: …})
      const [name, lang] = field.name.split(".");
      if (lang) (fields[name] ??= {})[lang] = field.value;
      else fields[name] = field.value;
    }
    return fields;
  }

  async function save(card, form) {
    const fields = changedFields(form);
    try {
      const done = await api("PATCH", `/api/entries/${card.dataset.entry}`, {version: Number(card.dataset.version), ...fields});
      remember(done.change, card);
      stay(card);
      reloadSaying(`#${card.dataset.entry} ${done.change === null ? "unchanged: nothing to save" : `saved, ${done.entry.status}`}`);
    } catch (error) {
      if (error.status !== 409) { say(error.message, true); return; }
      // changed by someone else meanwhile: what was typed is not lost to a reload. The card takes the version it
      // now has, so that Save writes the boxes changed over it once the person has chosen to (it was refused
      // until the page was reloaded, the text typed with it)
      try {
        const now = await api("GET", `/api/entries/${card.dataset.entry}`);
        show(card, now, false);
        say(`${error.message.replace(/; reload it$/, "")}: it is now ${now.status}, version ${now.version}. ` +
            "Save again to write the boxes you changed over it, or Esc and reload to read it first.", true);
      } catch (again) { say(again.message, true); }
    }
  }

  async function reloadAfter(card, request, said, page) {
    try {
      const done = await request;
      remember(done.change, card);
      stay(card);
      reloadSaying(done.change === null ? `${said} already: nothing changed` : said, page);
    } catch (error) { if (!conflicted(card, error)) say(error.message, true); }
  }

  function editing() {
    return cards.find((card) => !card.querySelector(".edit-form").hidden);
  }

  // an edit open with something typed in it, the page left another way (a link of the workbench's bar, Back, the tab
  // closed): the browser asks first, where the text typed was lost unsaid
  addEventListener("beforeunload", (event) => {
    const open = editing();
    if (!leaving && open && Object.keys(changedFields(open.querySelector(".edit-form"))).length) event.preventDefault();
  });

  function unlessEditing(action) {
    return (...args) => { if (!refusedWhileEditing()) action(...args); };
  }

  // a key (a, r, e, j, k, and those of the queue, more) acts on the card that has the focus; none from inside an
  // edit form (its Save button, a label: typing in a form is typing), a or r none while an edit is open, saved or not
  function keyed(event, more) {
    if (event.target.closest("input:not([type=checkbox]), select, textarea, [contenteditable], .edit-form") ||
        event.ctrlKey || event.metaKey || event.altKey) return;
    // the letters turned off (WCAG 2.1.4: speech input saying a word, a screen reader's user typing meant for a
    // field the focus had left, each decided entries): only the buttons act
    if (!letterKeys() && event.key.length === 1) return;
    const card = cards[current];
    // a letter's key by Shift alone (A: approve the picked), whatever Caps Lock makes of it: left on, "A" typed
    // without Shift is the a it was meant as, and Shift+A, typed "a" (Linux, Windows), still the A
    const key = event.key.length !== 1 ? event.key : event.shiftKey ? event.key.toUpperCase() : event.key.toLowerCase();
    const action = {
      a: unlessEditing(() => act(card, "approve")), r: unlessEditing(() => act(card, "reject")),
      // another card's form not opened beside an open one: saving it reloads the queue, what was typed in the first lost
      e: editing() === card ? () => edit(card) : unlessEditing(() => edit(card)),
      j: () => select(current + 1), k: () => select(current - 1), ...more,
    }[key];
    if (action && (card || ["u", "n", "p"].includes(key))) {
      event.preventDefault();
      // a key held down repeats: j and k run down the queue, but a held a or r decided card after card, each
      // next one unread
      if (!event.repeat || key === "j" || key === "k") action();
    }
  }

  for (const card of cards) {
    // a click on the card's text selects it; one on a control of it (Edit, a box) leaves the focus where the control put
    // it: the card took it back from the edit form Edit had opened, the letters typed next went to the keys
    card.addEventListener("click", (event) => {
      if (!event.target.closest("button, input, select, textarea, a, label")) select(cards.indexOf(card));
    });
    // the keys act on the card holding the focus (a button reached with Tab), not on one selected before
    card.addEventListener("focusin", () => mark(cards.indexOf(card)));
    card.querySelector(".approve").addEventListener("click", unlessEditing(() => act(card, "approve")));
    card.querySelector(".reject").addEventListener("click", unlessEditing(() => act(card, "reject")));
    // another card's form not opened beside an open one, as e refuses it
    card.querySelector(".edit").addEventListener("click", () => { if (editing() === card || !refusedWhileEditing()) edit(card); });
    card.querySelector(".merge").addEventListener("click", unlessEditing(() => {
      const asked = prompt(`Merge entry #${card.dataset.entry} into entry number:`);
      if (asked === null || !asked.trim()) return;
      const into = asked.trim().replace(/^#/, "");  // as the cards write it, #12, or 12
      if (!/^[0-9]+$/.test(into)) {
        say(`Merge into which entry? Give its number (12 or #12), not "${asked.trim()}".`, true);
        return;
      }
      // an entry's page goes to the entry it was merged into: it is no more
      reloadAfter(card, api("POST", `/api/entries/${card.dataset.entry}/merge`, {into: Number(into), version: Number(card.dataset.version)}),
                  `#${card.dataset.entry} merged into #${Number(into)}`, single ? `/entries/${Number(into)}` : undefined);
    }));
    for (const button of card.querySelectorAll(".deprecate, .admit, .prefer")) {
      const usage = {admit: "admitted", prefer: "preferred"}[button.className] || "deprecated";
      button.addEventListener("click", unlessEditing(() =>
        reloadAfter(card, api("POST", `/api/entries/${card.dataset.entry}/usage`,
                        {term: button.dataset.term, lang: button.dataset.lang, usage, version: Number(card.dataset.version)}),
                    `#${card.dataset.entry}: ${button.dataset.term} ${usage}`)));
    }
    const form = card.querySelector(".edit-form");
    form.addEventListener("submit", (event) => { event.preventDefault(); save(card, form); });
    form.querySelector(".cancel").addEventListener("click", () => { form.hidden = true; card.focus(); });
    form.addEventListener("keydown", (event) => {
      // an input method composing a word (Japanese, Chinese, Korean) takes its own Enter, which picks the word, and
      // Escape, which drops the composition: neither saves nor closes the form. Safari's keydown of that Enter says
      // isComposing false, only its keyCode 229 tells it
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === "Escape") form.querySelector(".cancel").click();
      // Enter saves from the note's and the definition's boxes as from the others; Shift+Enter starts a new line
      if (event.key === "Enter" && event.target.tagName === "TEXTAREA" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  if (single) {  // no queue: no undo button, no picking
    document.addEventListener("keydown", (event) => keyed(event, {}));
    select(0);
    return;
  }
  const selected = restored();

  undo.addEventListener("click", async () => {
    if (refusedWhileEditing()) return;
    try {
      const undone = lastChanges.length;
      while (lastChanges.length) {  // the latest first; one refused stops there, the rest stays to undo
        await api("POST", `/api/changes/${lastChanges[lastChanges.length - 1]}/revert`);
        keep(lastChanges.slice(0, -1));
      }
      const undoneCard = sessionStorage.getItem(LAST_CARD);
      if (undoneCard) sessionStorage.setItem(SELECTED, undoneCard);  // the card decided, back as it was
      reloadSaying(`Undone: ${counted(undone, "change")}`);
    } catch (error) { say(error.message, true); }
  });

  // the entries picked (x, or their boxes) decided at once, each against the version shown: an entry changed
  // meanwhile is refused and named, the others decided
  async function decidePicked(verb) {
    const picked = cards.filter((card) => card.querySelector(".pick").checked);
    if (!picked.length) {
      say("Pick entries first: x, or their boxes.", true);
      return;
    }
    // those still waiting for their answer (Shift+A pressed again, or held and repeated) are not sent twice: the second
    // was refused against the version the first had just made, said as "changed by someone else"
    const sent = picked.filter((card) => !card.dataset.pending);
    if (!sent.length) return;
    for (const card of sent) { card.dataset.pending = verb; card.dataset.acted = ++acted; }
    const changes = [], refused = [];
    let stale = null;  // the first refused as changed meanwhile: the page is read again, showing them as they now are
    for (const card of sent) {
      try {
        const done = await api("POST", `/api/entries/${card.dataset.entry}/${verb}`, {version: Number(card.dataset.version)});
        show(card, done.entry);
        card.querySelector(".pick").checked = false;
        changes.push(done.change);
      } catch (error) {
        refused.push(error.message);
        if (error.status === 409) stale ??= card;
      } finally { delete card.dataset.pending; }
    }
    remember(changes, sent[0]);
    const said = [`${changes.length} ${verb === "approve" ? "approved" : "rejected"}`, ...refused].join("\n");
    if (!stale || !conflicted(stale, {status: 409, message: said})) say(said, refused.length > 0);
    if (!stale) poll();
  }
  document.getElementById("approve-picked").addEventListener("click", unlessEditing(() => decidePicked("approve")));
  document.getElementById("reject-picked").addEventListener("click", unlessEditing(() => decidePicked("reject")));
  // the page links and the filter, clicked, as n and p pressed: not away from an edit open
  for (const link of document.querySelectorAll("nav.pages a")) {
    link.addEventListener("click", (event) => { if (refusedWhileEditing()) event.preventDefault(); });
  }
  document.querySelector("form.filters")?.addEventListener("submit", (event) => {
    if (refusedWhileEditing()) event.preventDefault();
  });

  // the next and previous pages from the keyboard: the link at the queue's foot was some sixty Tabs away. Not from a
  // card with its edit open: what was typed in it was left behind unsaved
  // on the queue's last (first) page, said: the key did nothing a person could see or hear
  const pageKey = (rel) => unlessEditing(() => {
    const link = document.querySelector(`nav.pages a[rel="${rel}"]`);
    if (link) link.click();
    else say(rel === "next" ? "No next page: this is the queue's last page" : "No previous page: this is the queue's first page");
  });
  // the entries picked decided from the keyboard too (Shift+A, Shift+R): their buttons were some sixty Tabs back up
  document.addEventListener("keydown", (event) => keyed(event, {
    n: pageKey("next"), p: pageKey("prev"),
    A: unlessEditing(() => decidePicked("approve")), R: unlessEditing(() => decidePicked("reject")),
    // the undo reloads the queue; u with nothing to undo, and x, say what they did: neither is seen where the focus is
    u: unlessEditing(() => { if (!undo.disabled) undo.click(); else say("Nothing to undo"); }),
    x: () => {
      const pick = cards[current].querySelector(".pick");
      pick.checked = !pick.checked;
      const picked = cards.filter((card) => card.querySelector(".pick").checked).length;
      say(`#${cards[current].dataset.entry} ${pick.checked ? "picked" : "no longer picked"} (${picked} picked)`);
    },
  }));
  select(selected);
}

// ---- an entry's history: a change not yet reverted can be, as `tmtool glossary revert` does --------

function setUpHistory() {
  for (const button of document.querySelectorAll("#history .revert")) {
    button.addEventListener("click", async () => {
      if (refusedWhileEditing()) return;  // the entry's edit open above: the reload lost what was typed in it
      try {
        const done = await api("POST", `/api/changes/${button.dataset.change}/revert`);
        reloadSaying(`Change ${button.dataset.change} reverted (change ${done.change})`);
      } catch (error) { say(error.message, true); }  // a later change first: the message says which
    });
  }
}

// ---- document view --------------------------------------------------------------------------

function setUpDocument() {
  const table = document.getElementById("units");
  const base = `/api/documents/${encodeURIComponent(table.dataset.document)}/units/`;

  async function correct(unit, verb, body, said) {
    try {
      await api("POST", base + unit + "/" + verb, body);
      reloadSaying(said);
    } catch (error) { say(error.message, true); }
  }

  // a correction says which units and which last correction the page showed: made since by someone
  // else, they are refused ("reload it") rather than corrected with units the person did not see
  const undo = document.getElementById("undo-correction");
  if (undo) {
    undo.addEventListener("click", async () => {
      try {
        const done = await api("POST", `/api/documents/${encodeURIComponent(table.dataset.document)}/corrections/undo`,
                               {last: Number(undo.dataset.last)});
        reloadSaying(`Undone: the ${done.undone.action} of ${done.undone.time}`);
      } catch (error) { say(error.message, true); }
    });
  }

  const rows = [...table.querySelectorAll("tr.unit")];
  const beside = (index) => (rows[index] ? Number(rows[index].dataset.unit) : null);
  rows.forEach((row, index) => {
    const unit = row.dataset.unit;
    const number = `Unit ${index + 1}`;  // as the table's first column numbers it
    row.querySelector(".merge-next").addEventListener("click", () =>
      correct(unit, "merge", {neighbour: beside(index + 1)}, `${number} merged with the next`));
    const exclude = row.querySelector(".exclude");
    exclude.addEventListener("click", () => {
      const excluded = exclude.dataset.excluded === "true";
      correct(unit, "exclude", {excluded}, `${number} ${excluded ? "excluded from" : "included in"} exports`);
    });
    for (const button of row.querySelectorAll(".move")) {
      const down = button.dataset.direction === "down";
      button.addEventListener("click", () =>
        correct(unit, "move", {side: button.dataset.side, direction: button.dataset.direction,
                               neighbour: beside(down ? index + 1 : index - 1)},
                `${number}: its ${down ? "last" : "first"} ${button.dataset.side} sentence moved to the ${down ? "next" : "previous"} unit`));
    }
    // a split needs a boundary on each side that has two sentences or more; a side with one keeps it in the first part
    const chosen = {};
    for (const button of row.querySelectorAll(".split-here")) {
      button.addEventListener("click", () => {
        row.querySelectorAll(`.split-here[data-side="${button.dataset.side}"]`).forEach((b) => b.classList.remove("chosen"));
        button.classList.add("chosen");
        chosen[button.dataset.side] = Number(button.dataset.at);
        const counts = {source: Number(row.dataset.sourceCount), target: Number(row.dataset.targetCount)};
        for (const side of ["source", "target"]) {
          if (chosen[side] === undefined && counts[side] < 2) chosen[side] = counts[side];
        }
        if (chosen.source === undefined || chosen.target === undefined) {
          say(`Now choose where the ${chosen.source === undefined ? "source" : "target"} splits (✂).`);
          return;
        }
        correct(unit, "split", {source_at: chosen.source, target_at: chosen.target}, `${number} split in two`);
      });
    }
  });
}

// ---- documents: uploads; export links -------------------------------------------------------

// what an upload did, in the words of the command line's summary, a line for each item passed over, then
// what reading it noticed (a CSV read as Windows-1252), as the command line says it before its summary
function uploaded(done) {
  return [summary(done), ...(done.notices || [])].join("\n");
}

function summary(done) {
  if ("document" in done) {
    if (done.held_by) {
      const same = done.held_by === done.document ? "" : `same text as document ${done.held_by}, `;
      const what = done.terms_extracted
        ? `terms extracted: ${entriesFound(done)}` : "nothing changed";
      return `${done.document}: ${same}already stored, ${what}`;
    }
    return `${done.document}: ${counted(done.units, "unit")}, ${entriesFound(done)}`;
  }
  const counts = Object.entries(done.languages).map(([languages, count]) => `${languages} ${count}`).join(", ");
  const line = done.kind === "units"
    ? `${counted(done.added, "unit")} added${counts ? ` (${counts})` : ""}, ${done.already_stored} already stored, ` +
      `${done.repeated ? `${done.repeated} repeated in the file, ` : ""}` +
      `${done.without_translation} untranslated skipped${done.unconfirmed ? `, ${done.unconfirmed} not confirmed skipped` : ""}` +
      `${done.unconfirmed_included ? `, ${done.unconfirmed_included} not confirmed included as drafts` : ""}`
    : `${counted(done.added, "entry", "entries")} added, ${done.already_stored} already stored` +
      `${done.reviewed ? ` (${done.reviewed} of them reviewed from the file` +
        `${done.corrected ? `, ${done.corrected} with corrected terms` : ""})` : ""}${counts ? ` (entries in ${counts})` : ""}`;
  const conflicts = done.conflicts || [];  // among those already stored, kept as the store has them
  const said = `${line}${conflicts.length ? `, ${counted(conflicts.length, "conflict")}` : ""}` +
    `${done.skipped.length ? `, ${done.skipped.length} skipped` : ""}`;
  return [conflicts.length || done.skipped.length ? `${said}:` : said, ...conflicts, ...done.skipped].join("\n");
}

function setUpUploads() {
  for (const form of document.querySelectorAll("form.upload")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say("Working…");
      try {
        const done = await api("POST", form.dataset.api, new FormData(form));
        // said again once the page has reloaded with the new lists, so that what was skipped stays in sight
        reloadSaying(uploaded(done));
      } catch (error) { say(error.message, true); }
    });
  }
}

// the export links say the status, the pair of languages typed (French–English when none), for the
// formats holding every language (TMX, TBX) whether to write them all, and for the memory's (TMX, XLIFF)
// whether to write its drafts
function setUpExport() {
  const status = document.getElementById("export-status");
  const srclang = document.getElementById("export-srclang");
  const tgtlang = document.getElementById("export-tgtlang");
  const all = document.getElementById("export-all");
  const drafts = document.getElementById("export-drafts");
  const update = () => {
    for (const link of document.querySelectorAll("a.export")) {
      const query = new URLSearchParams({status: status.value});
      if (all.checked && "multilingual" in link.dataset) {
        query.set("langs", "all");
      } else {
        if (srclang.value.trim()) query.set("srclang", srclang.value.trim());
        if (tgtlang.value.trim()) query.set("tgtlang", tgtlang.value.trim());
      }
      if (drafts.checked && "memory" in link.dataset) query.set("include_unconfirmed", "true");
      link.href = `/api/export/${link.dataset.format}?${query}`;
    }
  };
  for (const control of [status, srclang, tgtlang, all, drafts]) control.addEventListener("input", update);
  status.addEventListener("change", update);
  // fetched, then saved under the name the server gives: a refused export (a language tag mistyped) is said
  // here, where a link's download failed unseen, in the browser's downloads at best
  for (const link of document.querySelectorAll("a.export")) {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      say("Exporting…");
      try {
        const response = await reach(link.href, {credentials: "same-origin"});
        if (!response.ok) {
          const data = await response.json().catch(() => ({message: response.statusText}));
          say(data.message || response.statusText, true);
          return;
        }
        const named = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
        const name = named ? named[1] : link.dataset.format;
        const save = element("a");
        save.href = URL.createObjectURL(await response.blob());
        save.download = name;
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(save.href), 60000);
        const left = Number(response.headers.get("x-drafts-left-out") || 0);
        say(left ? `${name} downloaded; ${left} ${left === 1 ? "draft" : "drafts"} (not confirmed) left out: ` +
            "tick “drafts too” to write them, marked as drafts" : `${name} downloaded`);
      } catch (error) { say(error.message, true); }
    });
  }
}

// whether the single-letter keys act (a, r, e, j, k …): a setting of the browser, on unless turned off on the keys' line
const LETTER_KEYS = "tmtool-letter-keys";

function letterKeys() {
  return localStorage.getItem(LETTER_KEYS) !== "off";
}

function setUpLetterKeys() {
  const box = document.getElementById("letter-keys");
  // the buttons name their key ("Approve (a)") only while the keys act: off, a person saying the name said a key
  // that did nothing
  const shown = () => {
    box.checked = letterKeys();
    document.documentElement.classList.toggle("letters-off", !box.checked);
  };
  shown();
  // turned off or on in another tab: this one's box says so (the keys follow it at once, read at each key)
  addEventListener("storage", (event) => { if (event.key === LETTER_KEYS) shown(); });
  box.addEventListener("change", () => {
    localStorage.setItem(LETTER_KEYS, box.checked ? "on" : "off");
    shown();
    say(box.checked ? "Single-letter keys on" : "Single-letter keys off: only the buttons act, in this browser, until turned on again");
  });
}

function setUpReviewer() {
  const field = document.getElementById("reviewer");
  field.value = localStorage.getItem(REVIEWER) || "";
  field.addEventListener("input", () => localStorage.setItem(REVIEWER, field.value));
}

document.addEventListener("DOMContentLoaded", () => {
  const said = sessionStorage.getItem(SAID);
  if (said !== null) {
    sessionStorage.removeItem(SAID);
    say(said, sessionStorage.getItem(SAID_ERROR) !== null);
    sessionStorage.removeItem(SAID_ERROR);
  }
  setUpReviewer();
  if (document.getElementById("letter-keys")) setUpLetterKeys();
  if (document.getElementById("lookup-q")) setUpLookup();
  if (document.getElementById("queue")) setUpReview();
  if (document.getElementById("history")) setUpHistory();
  if (document.getElementById("units")) setUpDocument();
  if (document.querySelector("form.upload")) setUpUploads();
  if (document.getElementById("export-status")) setUpExport();
});

// "1 entry", "2 entries": as the command line says it (cli._counted)
function counted(count, noun, plural) {
  return `${count} ${count === 1 ? noun : plural || noun + "s"}`;
}

function entriesFound(done) {
  return `${counted(done.new_entries, "new entry", "new entries")}, ` +
    `${counted(done.updated_entries, "updated entry", "updated entries")}` +
    (done.removed_entries ? `, ${counted(done.removed_entries, "entry", "entries")} no longer proposed removed` : "");
}
