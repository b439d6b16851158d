"""English lemmas from a word and its UPOS tag: the forms EWT lemmatises irregularly, and suffix
rules learned from EWT for every other word (*battlegroups* → *battlegroup*, *allies* → *ally*,
*analyses* → *analysis*, *servicemen* → *serviceman*). A plural in *-ses* of two nouns (*bases*: *basis*, *base*) is
the one English uses more (``_sis_or_se``).

A rule is (characters to cut, text to add) for the longest known ending of the word among the words
of that tag in EWT train, each ending's rule backed off to its shorter ending's (``learn``). The lemma
keeps the word's capitals (*Chiefs* → *Chief*, *NGOs* → *NGO*). Capitalised plurals of common nouns are
lemmatised as nouns even when tagged PROPN (*Allied Forces*), as EWT does for *Americans* → *American*.
A noun in -ics is the plural of a noun in -ic only where the training knows that word as a noun (*tactics*,
*topics*): English names a field or a practice with -ics after an -ic adjective (*forensics*, *ballistics*,
*physics*), a noun that is its own lemma, as EWT lemmatises *politics*, *economics*, *electronics*.
Data: ``data/lemmas.json.gz``, written by ``bench/train_en_tagger.py``.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from functools import cache
from importlib.resources import files
from typing import Iterable

LEMMATISED = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PRON", "DET")
MAX_SUFFIX = 6
# Nouns of the vocabulary of reports whose lemma EWT cannot teach (it lacks them and the rules of their
# endings mislead): learned or Greek plurals; *sorties* (EWT's nouns in -rties are all plurals of -rty).
# Each counts as one more occurrence beside EWT's.
LISTED_PLURALS = {
    "antennae": "antenna", "crises": "crisis", "criteria": "criterion", "curricula": "curriculum",
    "diagnoses": "diagnosis", "emphases": "emphasis", "formulae": "formula", "hypotheses": "hypothesis",
    "memoranda": "memorandum", "nuclei": "nucleus", "parentheses": "parenthesis",
    "phenomena": "phenomenon", "sorties": "sortie", "stimuli": "stimulus", "syntheses": "synthesis",
    "theses": "thesis",
}  # fmt: skip


class Lemmatizer:
    """Lemmas by table, then by the rule of the longest known ending (see the module docstring)."""

    def __init__(
        self,
        exceptions: dict[str, dict[str, str]],
        rules: dict[str, dict[str, tuple[int, str]]],
        plural_nouns: Iterable[str],
        ic_nouns: Iterable[str] = (),
    ):
        self.exceptions = exceptions  # tag -> lower-cased form -> lower-cased lemma
        self.rules = rules  # tag -> ending -> (cut, add); "" is the tag's default
        self.plural_nouns = frozenset(plural_nouns)  # lower-cased plural common nouns seen in training
        self.ic_nouns = frozenset(ic_nouns)  # lower-cased noun lemmas in -ic seen in training (*tactic*, *topic*)

    def lemma(self, word: str, upos: str) -> str:
        """The lemma of ``word`` tagged ``upos``, with the word's capitals."""
        lower = word.lower()
        if word.isupper() and len(word) > 1 and lower not in self.plural_nouns:
            return word  # an acronym (*AWACS*, *NRF*), not a shouted plural (*FORCES*)
        if upos == "PROPN" and lower in self.plural_nouns and lower not in self.exceptions.get("PROPN", {}):
            upos = "NOUN"
        elif upos == "PROPN" and self.lemma(lower, "NOUN") == lower:
            return word  # a noun English does not inflect, capitalised in a name (*NATO Headquarters*)
        known = self.exceptions.get(upos, {}).get(lower)
        if known is not None:
            return _recase(known, word)
        if upos == "NOUN" and lower.endswith("ics") and lower[:-1] not in self.ic_nouns:
            return word  # a field's or a practice's name (*forensics*), no plural of a noun in -ic
        rules = self.rules.get(upos)
        if not rules:
            return word
        for size in range(min(MAX_SUFFIX, len(lower) - 1), -1, -1):
            rule = rules.get(lower[len(lower) - size :])
            if rule is not None:
                cut, add = rule
                if cut >= len(word):
                    return word
                return word[: len(word) - cut] + (add.upper() if word.isupper() and len(word) > 1 else add)
        return word

    def to_json(self) -> dict:
        return {
            "exceptions": self.exceptions,
            "rules": {tag: {end: list(rule) for end, rule in rules.items()} for tag, rules in self.rules.items()},
            "plural_nouns": sorted(self.plural_nouns),
            "ic_nouns": sorted(self.ic_nouns),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Lemmatizer":
        rules = {tag: {end: (cut, add) for end, (cut, add) in r.items()} for tag, r in data["rules"].items()}
        return cls(data["exceptions"], rules, data["plural_nouns"], data["ic_nouns"])


def _recase(lemma: str, word: str) -> str:
    if word.islower():
        return lemma
    if word.isupper() and len(word) > 1:
        return lemma.upper()
    if word[:1].isupper() and word[1:].islower():
        return lemma[:1].upper() + lemma[1:]
    return lemma if lemma.lower() != word.lower() else word


def _edit(form: str, lemma: str) -> tuple[int, str]:
    """(cut, add) turning ``form`` into ``lemma`` at its end."""
    common = 0
    while common < min(len(form), len(lemma)) and form[common] == lemma[common]:
        common += 1
    return len(form) - common, lemma[common:]


def learn(tokens: Iterable[tuple[str, str, str, bool]], alpha: float = 2.0) -> Lemmatizer:
    """A lemmatiser from (form, UPOS, lemma, plural) tokens.

    An ending's rule is the most likely one under its distribution of rules (over the distinct words
    with that ending) smoothed with its parent's, the ending one letter shorter, as in TnT's suffix
    model with a Witten-Bell weight: P(rule | ending) = (count + w × P(rule | parent)) / (words + w),
    w = ``alpha`` × the number of different rules its words take; an ending that the same words have as
    its parent (*-trols*, *-rols*: *controls* alone) is its parent. A few words outweigh their parent's
    rule (*-s* cut, thousands of nouns) only if they agree against it; endings whose words disagree lean
    on the parent more. A rule is kept only where it changes what the shorter ending says; a seen word
    whose lemma the rules get wrong is an exception.
    """
    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    plural_nouns, ic_nouns, noun_lemmas = set(), set(), set()
    for form, upos, lemma, plural in tokens:
        if upos in LEMMATISED:
            seen[(upos, form.lower())][lemma.lower()] += 1
            if upos == "NOUN":
                noun_lemmas.add(lemma.lower())
            if upos == "NOUN" and plural:
                plural_nouns.add(form.lower())
            if upos == "NOUN" and lemma.lower().endswith("ic"):
                ic_nouns.add(lemma.lower())
    for form, lemma in LISTED_PLURALS.items():  # one occurrence more: it settles a tie in EWT
        seen[("NOUN", form)][lemma] += 1
        plural_nouns.add(form)
    for (upos, form), lemmas in seen.items():
        if upos == "NOUN" and (either := _sis_or_se(form, noun_lemmas)):
            seen[(upos, form)] = Counter({either: sum(lemmas.values())})
    # a word's most frequent lemmas; a tie (*controls* once *control*, once *controls*) is shared
    # among the endings' counts and leaves the word to the rules if they give one of its lemmas
    tops = {key: sorted(l for l, n in lemmas.items() if n == max(lemmas.values())) for key, lemmas in seen.items()}
    endings: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    words: dict[str, Counter] = defaultdict(Counter)
    for (upos, form), lemmas in sorted(tops.items()):
        for size in range(0, min(MAX_SUFFIX, len(form) - 1) + 1):
            ending = form[len(form) - size :]
            words[upos][ending] += 1
            for lemma in lemmas:
                endings[upos][ending][_edit(form, lemma)] += 1 / len(lemmas)
    rules = {upos: _rules(endings[upos], words[upos], alpha) for upos in sorted(endings)}
    lemmatizer = Lemmatizer({}, rules, plural_nouns, ic_nouns)
    exceptions: dict[str, dict[str, str]] = defaultdict(dict)
    for (upos, form), lemmas in sorted(tops.items()):
        if lemmatizer.lemma(form, upos).lower() not in lemmas:
            exceptions[upos][form] = lemmas[0]
    return Lemmatizer(dict(exceptions), rules, plural_nouns, ic_nouns)


def _sis_or_se(form: str, noun_lemmas: set[str]) -> str | None:
    """The singular of a plural in *-ses* that two nouns share (*bases*: *basis* and *base*), both known as noun
    lemmas in training: the one English uses more (wordfreq). EWT lemmatises its four *bases*, military bases
    all, as *basis*, the commoner lemma there; *base* is the commoner word. None where one reading alone is a
    noun (*crises*: *crise* is none; *theses*: *these* is none; *houses*, *cases*, *responses*: no *-sis*)."""
    if not form.endswith("ses"):
        return None
    readings = (form[:-2] + "is", form[:-1])
    if not all(reading in noun_lemmas for reading in readings):
        return None
    from wordfreq import word_frequency

    return max(readings, key=lambda reading: word_frequency(reading, "en"))


def _rules(endings: dict[str, Counter], words: Counter, alpha: float) -> dict[str, tuple[int, str]]:
    """The rule of each ending under the smoothed distribution (see ``learn``), kept where it differs
    from the rule the ending would inherit. ``endings``: ending → rule → words (a word EWT lemmatises
    two ways as often counts half for each); ``words``: ending → distinct words."""
    probability: dict[tuple[str, tuple[int, str]], float] = {}

    def p(ending: str, rule: tuple[int, str]) -> float:
        if (ending, rule) not in probability:
            counts = endings[ending]
            if not ending:
                probability[(ending, rule)] = counts[rule] / words[ending]
            elif words[ending] == words[ending[1:]]:  # the same words: no evidence of its own to count again
                probability[(ending, rule)] = p(ending[1:], rule)
            else:
                weight = alpha * len(counts)
                total = sum(counts.values())
                probability[(ending, rule)] = (counts[rule] + weight * p(ending[1:], rule)) / (total + weight)
        return probability[(ending, rule)]

    best: dict[str, tuple[int, str]] = {}
    chosen: dict[str, tuple[int, str]] = {}
    for ending in sorted(endings, key=lambda e: (len(e), e)):  # parents first
        # a rule the ending never saw scores below its parent's best: only those two kinds compete
        candidates = set(endings[ending]) | ({best[ending[1:]]} if ending else set())
        best[ending] = max(sorted(candidates), key=lambda rule: p(ending, rule))
        inherited = next((chosen[ending[k:]] for k in range(1, len(ending) + 1) if ending[k:] in chosen), None)
        if best[ending] != inherited:
            chosen[ending] = best[ending]
    return chosen


@cache
def default_lemmatizer() -> Lemmatizer:
    """The lemmatiser shipped with tmtool (loaded once per process)."""
    data = (files(__package__) / "data" / "lemmas.json.gz").read_bytes()
    return Lemmatizer.from_json(json.loads(gzip.decompress(data)))


def lemma(word: str, upos: str) -> str:
    return default_lemmatizer().lemma(word, upos)
