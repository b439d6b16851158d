"""Terminology checks: a translation against the approved glossary, as Xbench or Verifika do.

Each unit of a bilingual file (XLIFF, TMX, PO), or of a document pair aligned as ``tmtool align``
aligns it, is checked for four kinds of finding:

- ``missing``: an approved term of the source none of whose approved equivalents is in the target;
- ``deprecated``: a term the glossary deprecates, in the source or in the target;
- ``inconsistent``: a source term rendered otherwise than in most units that render it with an
  approved equivalent (by another equivalent, a deprecated one, or none of the glossary's);
- ``acronym``: an acronym spelt out beside it, in parentheses, otherwise than its entry's full form.

A unit is checked in its source language and the first of its target and other languages that the
glossary pairs with it: French–English either way round (tmtool's pair), or any two languages some
approved entry holds terms in (de→es, it→en, en→fr).

Terms are found by words, never by substring. A text and the glossary's terms are cut into words at
spaces, hyphens and apostrophes (an elided *l'* or *d'* is a word of its own), and each word is
folded (case, accents, typographic apostrophes) and reduced to its language's key: French and English
words singularised by their languages' rules (those of the store's keys), German, Spanish, Italian,
Portuguese, Dutch, Russian, Polish, Czech and Romanian words stemmed by their Snowball stemmers
(``normalize.SNOWBALL``: *die Mitgliedstaaten* holds *Mitgliedstaat*, *соглашения* holds *соглашение*),
a text's word under the stems of the singulars its
plural ending may stand for too (*comités militares* holds *Comité Militar*, which Snowball stems apart),
other languages' words folded only. So *les États membres* holds *État membre* and *Allies' forces* does
not hold *Allied forces*. A stem of fewer than five letters says too little to be one word's (German
*Rat*, council, *Rate* and *Raten*, instalments, stem alike): a term of one such word is found as
written, folded, or as one of those singulars (*Waffen* holds *Waffe*). A
punctuation mark is a word only itself matches, so no term is found across a comma, and an acronym
matches in capitals only (*IS* is not *is*). Where terms found overlap, the longest wins: *Comité
militaire* is not also *comité*. An English text also renders a term whose head a coordinated list
shares (*land, maritime and air domains*) and an *-ation* noun by its *-ate* verb (*we cooperate*):
``Glossary.renderings_in_english``; a French one, a term whose head a list of its adjectives follows (*les
domaines terrestre, maritime et aérien*): ``Glossary.renderings_in_french``.

The glossary's terms are held in a trie keyed by folded word, so finding every term of a text costs
one walk from each word, no longer than the longest term starting there, whatever the glossary's size:
``tmtool.termindex``, which ingest counts the approved entries of a document with too.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby

from .errors import Invalid
from .formats.tabular import spreadsheet_safe
from .langtags import base_language, language_pair
from .model import ReviewStatus, Unit
from .progress import Progress, Step, counted
from .terms.acronyms import letters_match
from .termindex import Glossary, IndexedTerm, Side, longest_matches

FORMATS = ("text", "json", "csv")
_LONGEST_SPELT_OUT = 12  # words looked at before an acronym's parenthesis for its full form


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one unit. ``unit`` is the unit's 1-based position in the file, ``unit_id`` the
    file's own id for it (XLIFF trans-unit id, TMX tuid) when it has one; ``lang`` the language of
    the text holding ``term`` (as written there); ``entry`` the glossary entry's id; ``expected``
    what the glossary (or, for ``inconsistent``, the file's other units) has, ``found`` what the text
    has instead, when that is not ``term`` itself."""

    unit: int
    unit_id: str | None
    kind: str
    lang: str
    term: str
    entry: str
    expected: tuple[str, ...]
    found: tuple[str, ...]
    message: str
    source: str
    target: str

    def as_dict(self) -> dict:
        return {"unit": self.unit, "unit_id": self.unit_id, "kind": self.kind, "lang": self.lang,
                "term": self.term, "entry": self.entry, "expected": list(self.expected),
                "found": list(self.found), "message": self.message, "source": self.source,
                "target": self.target}


@dataclass(slots=True)
class Report:
    """What a check found, and how many units it looked at."""

    findings: list[Finding] = field(default_factory=list)
    entries: int = 0  # the approved entries checked against
    checked: int = 0
    untranslated: int = 0  # units with no target: nothing to check
    other_languages: int = 0  # units in no two languages the glossary pairs
    skipped: list[str] = field(default_factory=list)  # units the file's reader could not use, why
    # of a document and its translation, the sentences the aligner matched to nothing of the other: (language, text)
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    pairs: Counter = field(default_factory=Counter)  # units checked by (source, target) language

    def as_dict(self) -> dict:
        """The report as plain data: ``findings`` (each :meth:`Finding.as_dict`), the counts, the
        unreadable units, the sentences matched to nothing (``unmatched``: ``{"lang", "text"}`` each) and the units
        checked by language pair (``{"fr-FR→en-GB": 19}``)."""
        return {"findings": [finding.as_dict() for finding in self.findings], "entries": self.entries,
                "checked": self.checked,
                "untranslated": self.untranslated, "other_languages": self.other_languages,
                "skipped": list(self.skipped),
                "unmatched": [{"lang": lang, "text": text} for lang, text in self.unmatched],
                "pairs": {f"{src}→{tgt}": n for (src, tgt), n in self.pairs.items()},
                "summary": self.summary()}

    def summary(self) -> str:
        """``3 findings in 2 of 19 units checked (fr-FR→en-GB 19) against 33 approved entries``, and
        what was not checked (``, 1 untranslated unit not checked``); each count worded for itself:
        ``no findings in 1 unit checked``, ``1 finding``, ``against 1 approved entry``."""
        units = len({finding.unit for finding in self.findings})
        pairs = ", ".join(f"{src}→{tgt} {count}" for (src, tgt), count in self.pairs.most_common())
        if not self.checked:
            line = "no units checked"
        elif not self.findings:
            line = f"no findings in {_counted(self.checked, 'unit')} checked"
        else:
            line = f"{_counted(len(self.findings), 'finding')} in {units} of {_counted(self.checked, 'unit')} checked"
        entries = _counted(self.entries, "approved entry", "approved entries")
        line += (f" ({pairs})" if pairs else "") + f" against {entries}"
        for count, one, many in ((self.untranslated, "untranslated unit", "untranslated units"),
                                 (self.other_languages, "unit in other languages", "units in other languages"),
                                 (len(self.skipped), "unreadable unit", "unreadable units"),
                                 (len(self.unmatched), "sentence without counterpart",
                                  "sentences without counterpart")):
            if count:
                line += f", {_counted(count, one, many)} not checked"
        return line


def _counted(count: int, one: str, many: str | None = None) -> str:
    """``no units``, ``1 unit``, ``2 units`` (``many``: the plural, when it is not ``one`` + s)."""
    return f"1 {one}" if count == 1 else f"{count or 'no'} {many or one + 's'}"


# ---- checking ----


def _quoted(texts: Iterable[str]) -> str:
    return " or ".join(f'"{text}"' for text in texts)


class _Checker:
    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.report = Report()
        # (entry, source term) → unit → (the entry's terms rendering it, the term as written, its
        # language, the unit)
        self.renderings: dict[tuple[str, str], dict[int, tuple[frozenset[IndexedTerm], str, str, dict]]] = {}

    def unit(self, number: int, unit: Unit) -> None:
        if not unit.target.strip() and not unit.variants:
            self.report.untranslated += 1
            return
        pair = _in_pair(unit, self.glossary.pairs)
        if pair is None:
            self.report.other_languages += 1
            return
        self.report.checked += 1
        self.report.pairs[(pair.srclang, pair.tgtlang)] += 1
        source = Side(self.glossary, pair.source, base_language(pair.srclang))
        target = Side(self.glossary, pair.target, base_language(pair.tgtlang))
        where = {"unit": number, "unit_id": unit.tuid, "source": pair.source, "target": pair.target}
        self._missing(source, target, where)
        for side in (source, target):
            self._deprecated(side, where)
            self._acronyms(side, where)

    def _missing(self, source: Side, target: Side, where: dict) -> None:
        # a deprecated equivalent counts as there: its own finding says what to use instead
        in_target = {term.entry for match in target.all for term in match.terms}
        for match in source.longest:
            current = [term for term in match.terms if not term.deprecated]
            expected = {term.entry: self.glossary.terms(term.entry, target.lang, acronym=term.acronym)
                        for term in current}
            written = source.surface(match.start, match.end)
            for term in {term.entry: term for term in current}.values():
                self._rendering(term, written, source.lang, target, where)
            if in_target.intersection(expected):
                continue
            for entry, terms in expected.items():
                if terms:
                    self._add(where, "missing", source.lang, written, entry, [t.text for t in terms], [],
                              f'"{written}" is not translated by the glossary\'s {_quoted(t.text for t in terms)}')

    def _rendering(self, term: IndexedTerm, written: str, lang: str, target: Side, where: dict) -> None:
        """Note which of its entry's terms, current or deprecated, render ``term`` in this unit: those of its
        kind (acronym or full form), else those of the other kind (*MC* for *Comité militaire*, *Allied Command
        Transformation* for *ACT*, said as they are, not as some other translation); none when it is translated
        otherwise."""
        renderings = self.glossary.terms(term.entry, target.lang, acronym=term.acronym, deprecated=True)
        if not renderings:
            return
        found = longest_matches([m for m in target.all if any(t in renderings for t in m.terms)])
        if not found:
            renderings = self.glossary.terms(term.entry, target.lang, acronym=not term.acronym, deprecated=True)
            found = longest_matches([m for m in target.all if any(t in renderings for t in m.terms)])
        rendering = frozenset(t for m in found for t in m.terms if t in renderings)
        units = self.renderings.setdefault((term.entry, term.text), {})
        units.setdefault(where["unit"], (rendering, written, lang, where))

    def _deprecated(self, side: Side, where: dict) -> None:
        for match in side.longest:
            if any(not term.deprecated for term in match.terms):
                continue  # current in some entry: not a term to avoid
            written = side.surface(match.start, match.end)
            for term in {term.entry: term for term in match.terms}.values():
                use = [t.text for t in self.glossary.terms(term.entry, side.lang, acronym=term.acronym)]
                advice = f"; use {_quoted(use)}" if use else ""
                self._add(where, "deprecated", side.lang, written, term.entry, use, [term.text],
                          f'"{written}" is deprecated{advice}')

    def _acronyms(self, side: Side, where: dict) -> None:
        """An acronym with a full form beside it in parentheses — *full form (ACR)* or *ACR (full
        form)* — that is none of its entry's full forms in the language of the text (on either side)."""
        for match in side.all:
            for term in {t.entry: t for t in match.terms if t.acronym}.values():
                accepted = [t for t in self.glossary.full_forms(term.entry) if t.lang == side.lang]
                if not accepted:
                    continue  # no full form in this language to compare with (an Arabic one is not one in English)
                if side.is_mark(match.start - 1, "(") and side.is_mark(match.end, ")"):
                    end = match.start - 1
                    start = _spelt_out_before(side, end, term.text)
                elif side.is_mark(match.end, "("):
                    start = match.end + 1
                    end = next((i for i in range(start, min(len(side.tokens), start + _LONGEST_SPELT_OUT + 1))
                                if side.is_mark(i, ")")), None)
                    if end is None or not _spelt_out(side, start, end, term.text):
                        continue
                else:
                    continue
                # a full form of the glossary's written there; before the acronym, it may begin before the
                # shortest words spelling it (Allied Maritime Command, where Maritime Command spells MARCOM)
                if start is None or any(m.end == end and (m.start == start or m.end == match.start - 1)
                                        and set(m.terms) & set(accepted) for m in side.all):
                    continue
                expected = [t.text for t in accepted]
                spelt = side.surface(start, end)
                self._add(where, "acronym", side.lang, side.surface(match.start, match.end), term.entry,
                          expected, [spelt], f'"{term.text}" is spelt out "{spelt}"; the glossary has '
                                             f'{_quoted(expected)}')

    def _add(self, where: dict, kind: str, lang: str, term: str, entry: str, expected: Sequence[str],
             found: Sequence[str], message: str) -> None:
        self.report.findings.append(Finding(kind=kind, lang=lang, term=term, entry=entry, expected=tuple(expected),
                                            found=tuple(found), message=message, **where))

    def inconsistencies(self) -> None:
        """Each unit whose rendering of a source term is not the one most units give it with an
        approved term (a deprecated term or another translation included)."""
        for (entry, _), units in self.renderings.items():
            approved = Counter(rendering for rendering, *_ in units.values()
                               if any(not term.deprecated for term in rendering))
            if not approved or len({rendering for rendering, *_ in units.values()}) < 2:
                continue
            usual = approved.most_common(1)[0][0]  # the first seen among equally frequent ones
            usual_texts = sorted(term.text for term in usual)
            elsewhere = [str(number) for number, (rendering, *_) in units.items() if rendering == usual]
            for rendering, written, lang, where in units.values():
                if rendering == usual:
                    continue
                texts = sorted(term.text for term in rendering)
                self._add(where, "inconsistent", lang, written, entry, usual_texts, texts,
                          f'"{written}" is translated {_quoted(texts) or "otherwise"} here, {_quoted(usual_texts)} '
                          f'in unit{"s" if len(elsewhere) > 1 else ""} {", ".join(elsewhere)}')


def _in_pair(unit: Unit, pairs: set[frozenset[str]]) -> Unit | None:
    """The unit as its source and the first of its target and other languages that makes one of the
    glossary's ``pairs`` with it (French–English, either way round, is one); None when none does."""
    from .transfer import unit_in_pair

    if not unit.srclang:
        return None
    source = base_language(unit.srclang)
    for tag in [unit.tgtlang, *(variant.lang for variant in unit.variants)]:
        if tag and frozenset((source, base_language(tag))) in pairs:
            return unit_in_pair(unit, unit.srclang, tag)
    return None


def _spelt_out(side: Side, start: int, end: int, acronym: str) -> bool:
    """Whether the words ``start:end`` read as a full form of ``acronym``: two words or more, whose
    letters spell it, or a name (capitalised words, with short ones between: *of the*, *de l'*)."""
    words = [side.surface(i, i + 1) for i in range(start, end)]
    if len(words) < 2 or not all(side.tokens[i].is_word for i in range(start, end)):
        return False
    return letters_match(acronym, words) or _name_start(words) == 0


def _name_start(words: list[str]) -> int | None:
    """Where the name that ends ``words`` begins: its words capitalised, but short linking ones
    (*of*, *the*, *de*, *l*), and not opening with a short one (*The*, *Le*; an acronym, *EU*,
    may); None when fewer than two words make it."""
    start = None
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word[:1].isupper():
            start = index
        elif not (word.islower() and len(word) <= 3) or start is None:
            break
    while start is not None and len(words[start]) <= 3 and not words[start].isupper() and start < len(words) - 1:
        start += 1
    return start if start is not None and len(words) - start >= 2 and words[start][:1].isupper() else None


def _spelt_out_before(side: Side, end: int, acronym: str) -> int | None:
    """Where the full form of ``acronym`` that ends at token ``end`` begins, if the words before
    it (back to a punctuation mark) hold one: the shortest whose letters spell it, else a name."""
    first = end
    while first > 0 and end - first < _LONGEST_SPELT_OUT and side.tokens[first - 1].is_word:
        first -= 1
    words = [side.surface(i, i + 1) for i in range(first, end)]
    for start in range(len(words) - 2, -1, -1):
        if letters_match(acronym, words[start:]):
            return first + start
    start = _name_start(words)
    return None if start is None else first + start


def check_units(glossary: Glossary, units: Sequence[Unit], progress: Progress | None = None) -> Report:
    """Check units against the glossary; ``unit`` numbers are positions in ``units``, from 1. ``progress``
    hears of the units checked (a memory of thousands takes seconds)."""
    checker = _Checker(glossary)
    for number, unit in enumerate(counted(units, progress, lambda n: Step(n, len(units), n)), 1):
        checker.unit(number, unit)
    # the entries of the pairs checked (a de→en file is not checked against French–Spanish entries)
    checker.report.entries = glossary.pairing(checker.report.pairs) if checker.report.pairs else len(glossary)
    checker.inconsistencies()
    checker.report.findings.sort(key=lambda finding: finding.unit)
    return checker.report


# the last index built of each store's approved entries, with the version it was built from: a
# server checking documents over and over builds it again only when the approved glossary changed
_LOADED: dict[str, tuple[tuple, Glossary]] = {}


# and the reports of the last documents checked against it, by their units' texts
_REPORTS: dict[tuple, Report] = {}
_REPORTS_KEPT = 16
_REPORTS_LOCK = threading.Lock()


def load_glossary(store, version: tuple | None = None) -> Glossary:
    """The store's approved entries, indexed (``version``: its ``approved_version()``, when read)."""
    if str(store.url) == ":memory:":  # a name many stores share
        return Glossary(store.list_entries(statuses=[ReviewStatus.APPROVED]))
    version = version or store.approved_version()
    loaded = _LOADED.get(str(store.url))
    if loaded is None or loaded[0] != version:
        loaded = _LOADED[str(store.url)] = (version, Glossary(store.list_entries(statuses=[ReviewStatus.APPROVED])))
        # kept: out of the cyclic collector's sight, which would otherwise walk its millions of nodes at
        # every full collection of later requests (a 100,000-entry TBX export: +2.9 s CPU). The index
        # holds no cycles, so the one it replaces is still freed; what the last freeze hid is collected
        # first, so that cyclic garbage frozen with it (other requests' work) does not pile up.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
    return loaded[1]


def check_stored_units(store, units: Sequence[Unit]) -> Report:
    """:func:`check_units` against the store's approved glossary; the same units checked again
    against the same glossary (a document viewed again) get the report made the first time."""
    if str(store.url) == ":memory:":
        return check_units(load_glossary(store), units)
    version = store.approved_version()
    key = (str(store.url), version, tuple((u.tuid, u.source, u.target, u.srclang, u.tgtlang) for u in units))
    report = _REPORTS.get(key)
    if report is None:
        report = check_units(load_glossary(store, version), units)
        with _REPORTS_LOCK:  # requests run in threads
            while len(_REPORTS) >= _REPORTS_KEPT:
                del _REPORTS[next(iter(_REPORTS))]  # the oldest
            _REPORTS[key] = report
    return report


_CHECK_READS = "tmtool check reads XLIFF, TMX or PO files, or a document and its translation (FR_FILE EN_FILE)"


def read_units(path: str) -> tuple[list[Unit], list[str]]:
    """The units of a memory file (XLIFF, TMX) or of a glossary format that may hold a translation
    (PO), and the units the reader could not use (why, where). A unit that is no translation yet
    (an XLIFF copy of its source marked new …) is read with an empty target."""
    from .formats import registry

    try:
        fmt = registry.infer(path)
    except registry.Unrecognised as exc:  # its advice is for an import
        raise Invalid(f"{exc.what}: {_CHECK_READS}", path=path) from None
    skipped = []
    if fmt.kind == registry.MEMORY:
        units = list(fmt.read(path, on_skip=skipped.append))
        if fmt.is_untranslated:
            units = [replace(unit, target="") if fmt.is_untranslated(unit) else unit for unit in units]
    elif fmt.read_units:
        units = list(fmt.read_units(path))
    else:
        raise Invalid(f"a {fmt.name} file holds a glossary, not a translation: {_CHECK_READS}", path=path)
    if not units and not skipped:
        raise Invalid("no translation units in the file", path=path)
    return units, [str(problem) for problem in skipped]


def aligned_units(src_path: str, tgt_path: str, srclang: str = "fr-FR",
                  tgtlang: str = "en-GB") -> tuple[list[Unit], list[tuple[str, str]]]:
    """A document and its translation (French and English unless the languages are given), aligned as
    ``tmtool align`` aligns them; the units have no id of their own (numbers are positions among the
    aligned units). And the sentences of either that the aligner matched to nothing of the other (a paragraph the
    translation left out or added), as (language, text): no unit holds them, and they are not checked."""
    from .pipeline import align_files

    srclang, tgtlang = language_pair(srclang, tgtlang)
    pair = align_files(src_path, tgt_path, srclang=srclang, tgtlang=tgtlang)
    unmatched = [(lang, segments[index].text) for bead in pair.beads if not bead.src or not bead.tgt
                 for lang, segments, indices in ((srclang, pair.src_segments, bead.src),
                                                 (tgtlang, pair.tgt_segments, bead.tgt)) for index in indices]
    return [replace(unit, tuid=None) for unit in pair.units()], unmatched


def check_files(store, paths: Sequence[str], languages: tuple[str, str] | None = None,
                progress: Progress | None = None) -> Report:
    """Check one bilingual file (XLIFF, TMX, PO; its languages read from it), or a document and its
    translation in ``languages`` (default: French and English), against the store's approved glossary."""
    if len(paths) == 1:
        if languages:
            raise Invalid("a file's languages are read from it: give the languages for a document and its "
                          "translation only")
        units, skipped = read_units(paths[0])
        unmatched = []
    elif len(paths) == 2:
        (units, unmatched), skipped = aligned_units(*paths, *(languages or ())), []
    else:
        raise Invalid("give one bilingual file, or a document and its translation")
    glossary = load_glossary(store)
    report = check_units(glossary, units, progress)
    if not report.checked and report.other_languages:
        pairs = ", ".join(sorted("–".join(sorted(pair, key=lambda lang: (lang != "fr", lang != "en", lang)))
                                 for pair in glossary.pairs))
        raise Invalid(f"no unit to check: none is in two languages the glossary pairs ({pairs})", path=paths[0])
    report.skipped, report.unmatched = skipped, unmatched
    return report


# ---- writing a report ----

_COLUMNS = ("unit", "unit_id", "kind", "lang", "term", "entry", "expected", "found", "message", "source", "target")


def render(findings: Sequence[dict], fmt: str) -> str:
    """Findings (as :meth:`Finding.as_dict` gives them) as ``text`` (for a translator: each unit
    with its findings), ``json`` (a list of objects) or ``csv`` (a header, then a row a finding;
    lists joined with " | ")."""
    if fmt == "json":
        return json.dumps(list(findings), ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, _COLUMNS, lineterminator="\n")
        writer.writeheader()
        for finding in findings:
            row = {**finding, "expected": " | ".join(finding["expected"]), "found": " | ".join(finding["found"]),
                   "unit_id": finding["unit_id"] or ""}
            writer.writerow({key: spreadsheet_safe("" if value is None else str(value)) for key, value in row.items()})
        return out.getvalue().rstrip("\n")
    if fmt != "text":
        raise Invalid(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")
    lines = []
    for _, group in groupby(findings, key=lambda finding: finding["unit"]):
        group = list(group)
        first = group[0]
        own_id = f" (id {first['unit_id']})" if first["unit_id"] else ""
        lines += [f"unit {first['unit']}{own_id}", f"  source: {first['source']}", f"  target: {first['target']}"]
        lines += [f"  {finding['kind']:<12}  entry {finding['entry']}: {finding['message']}" for finding in group]
        lines.append("")
    return "\n".join(lines).rstrip("\n")
