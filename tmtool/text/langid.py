"""Which language a text is in — French, English or German — from its function words; whether a text
said to be in one of these or in Spanish, Italian, Portuguese or Dutch is in another of the seven
instead; for other languages, whether it is written in their script.

Function words (articles, prepositions, pronouns, auxiliaries) make up about 40 % of running text in
these languages and hardly overlap between them, so counting them tells the languages apart on a few
sentences, without a model or a dependency. The check exists to catch a file given on the wrong side
(the English version passed as the French one), not to identify languages in general: a text with too
few function words is "und" (undetermined), and only a clear majority is reported as confident.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import islice

from ..errors import Invalid
from ..langtags import base_language, normalize_tag
from ..model import Document

# the function words of French and English that open a phrase and never end a sentence nor a title: articles,
# determiners, prepositions, conjunctions (a line broken by hand after one runs on: ``readers.base._line_breaks``)
PHRASE_OPENERS = {
    "fr": frozenset(
        "le la les l un une des du de d et à au aux en dans par pour sur avec ce cette ces qui que qu ne son sa ses "
        "se s leurs ou mais entre sans sous".split()
    ),
    "en": frozenset("the of and to a an in for on with as by at from or but into than its their our".split()),
}
# the most frequent function words of each language; words shared by two lists (en/fr "a", de/en "in")
# count for both and so cannot tip the balance
_FUNCTION_WORDS = {
    "fr": PHRASE_OPENERS["fr"] | frozenset("est sont pas plus il elle ils elles nous vous leur été être a ont était "
                                           "aussi comme tout tous très".split()),
    "en": PHRASE_OPENERS["en"] | frozenset(
        "is are was were be been that this these those it not have has had which who will would they we also "
        "there can about more".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einer einen und ist sind war nicht mit von zu im auf für auch als "
        "sich es wir sie ihr wird werden hat haben bei nach aus über oder aber wie noch nur so".split()
    ),
    # languages told from those three and from each other (a German file given as the Spanish one) by the
    # words only one list holds (``_BY_OWN_WORDS``): each lists the frequent words it shares with the others
    # (es "de la en que", pt "as mais", nl "de en die in is of"), which are then no evidence for either
    "es": frozenset(
        "el la los las lo le les un una unos unas de del al a y e o u en con por para sin sobre entre que se su "
        "sus es son fue ha han está están no más como pero este esta estos estas también muy ya".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una di del della dei degli delle da dal dalla a al alla in nel nella con su per "
        "tra fra e ed o che non è sono stato ha hanno si se ne anche come più ma questo questa".split()
    ),
    "pt": frozenset(
        "o a os as um uma de do da dos das em no na nos nas ao à e ou que não é são foi por para com sem se seu "
        "sua mais como mas este esta também pelo pela entre".split()
    ),
    "nl": frozenset(
        "de het een van en in is op te dat die voor met zijn niet aan er ook als bij door om tot maar worden "
        "wordt werd of naar deze dit was wie we had heeft hebben kan zal ze hij".split()
    ),
}
NAMES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch"}
_TOLD_APART = {lang: _FUNCTION_WORDS[lang] for lang in ("fr", "en", "de")}  # every text is weighed between them
# a text said to be Spanish, Italian, Portuguese or Dutch is weighed between all seven, each by the words
# only its own list holds: it is refused as the one it is (Spanish given as Italian), never as a neighbour
# its shared words lean to
_BY_OWN_WORDS = {lang: words - frozenset().union(*(other for name, other in _FUNCTION_WORDS.items() if name != lang))
                 for lang, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 5000  # enough for any verdict; keeps a 50 MB document cheap
_EVIDENCE = 20  # function-word hits at which the verdict reaches full weight
CONFIDENT = 0.5  # check_language refuses a document only above this confidence


def guess_language(text: str, among: Mapping[str, frozenset[str]] = _TOLD_APART) -> tuple[str, float]:
    """The most likely of fr/en/de (or of ``among``'s languages, by its words) and a confidence in [0, 1];
    ``("und", 0.0)`` without evidence.

    The confidence is the winner's lead over the runner-up as a share of all function-word hits,
    scaled down while there are fewer than ``_EVIDENCE`` hits (a short title proves little).
    """
    words = (match.group().lower() for match in _WORD.finditer(text))
    hits: Counter[str] = Counter()
    for word in islice(words, _SAMPLE_WORDS):
        for lang, function_words in among.items():
            if word in function_words:
                hits[lang] += 1
    total = sum(hits.values())
    if not total:
        return "und", 0.0
    ranked = hits.most_common(2)
    best, first = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return best, (first - second) / total * min(1.0, total / _EVIDENCE)


# The scripts languages are written in, as Unicode names their letters' first word (LATIN, CYRILLIC,
# CJK …), for the languages written in one; a script subtag (sr-Latn, az-Cyrl) says it for the others
_SCRIPTS = {lang: scripts for langs, scripts in (
    ("en fr de es it pt nl pl cs sk sl hu ro hr bs sq tr da sv nb nn no fi et lv lt is ga mt ca eu gl cy lb",
     {"LATIN"}),
    ("ru uk be bg mk", {"CYRILLIC"}), ("el", {"GREEK"}), ("ar fa ur ps ug ckb", {"ARABIC"}), ("he yi", {"HEBREW"}),
    ("zh", {"CJK"}), ("ja", {"CJK", "HIRAGANA", "KATAKANA"}), ("ko", {"HANGUL", "CJK"}), ("hy", {"ARMENIAN"}),
    ("ka", {"GEORGIAN"}), ("th", {"THAI"}), ("hi mr ne", {"DEVANAGARI"}),
) for lang in langs.split()}
_SUBTAG_SCRIPTS = {"Latn": {"LATIN"}, "Cyrl": {"CYRILLIC"}, "Arab": {"ARABIC"}, "Hans": {"CJK"}, "Hant": {"CJK"}}
_SCRIPT_SAMPLE = 2000  # letters looked at
_OTHER_SCRIPT = 0.8  # the share of letters in other scripts at which a document is refused


def other_script(texts: Iterable[str], expected: str) -> tuple[str, list[str]] | None:
    """The script most letters of ``texts`` are written in, and ``expected``'s (a language tag), when most of
    them are in other scripts than that language's (the Chinese version given as the English one); None when
    they are not, there are too few, or the language's script is not known."""
    parts = normalize_tag(expected).split("-")
    subtag = parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None
    wanted = _SUBTAG_SCRIPTS.get(subtag) if subtag else _SCRIPTS.get(parts[0])
    if not wanted:
        return None
    letters = (c for text in texts for c in text if c.isalpha())
    scripts = Counter(unicodedata.name(c, "UNKNOWN").split()[0] for c in islice(letters, _SCRIPT_SAMPLE))
    total = sum(scripts.values())
    other = total - sum(scripts[script] for script in wanted)
    if total < 20 or other < _OTHER_SCRIPT * total:
        return None
    def named(script: str) -> str:
        return "Han" if script == "CJK" else script.title()

    return named(scripts.most_common(1)[0][0]), sorted(map(named, wanted))


def _script_refused(doc: Document, expected: str) -> str | None:
    """Why ``doc`` is not in ``expected``'s script, if most of its letters are in other ones; None when it is,
    or the language's script is not known (see :func:`other_script`)."""
    found = other_script(doc.paragraphs, expected)
    if found is None:
        return None
    return f"is written in the {found[0]} script, not in that of {expected} ({', '.join(found[1])})"


def check_language(doc: Document, expected: str) -> None:
    """Refuse ``doc`` when it is confidently in another language than ``expected`` (fr, fr-FR, en-GB …),
    or mostly written in another script than that language's (zh, ru, ar, el …).

    Spanish, Italian, Portuguese and Dutch are told too: a text said to be one of these seven is refused when
    it is confidently another (a Spanish file given as the French one); other languages written in their
    script (Polish; Ukrainian for Russian) are not told apart.
    """
    refused = _script_refused(doc, expected)
    if refused:
        raise Invalid(f"{refused}; are the files given in the right order?", path=doc.path)
    wanted = base_language(expected)
    if wanted not in _FUNCTION_WORDS:
        return
    text = "\n".join(doc.paragraphs)
    guessed, confidence = guess_language(text, _TOLD_APART if wanted in _TOLD_APART else _BY_OWN_WORDS)
    if wanted in _TOLD_APART and (guessed == wanted or confidence < CONFIDENT):
        # told from the other two as ever, then from Spanish, Italian, Portuguese and Dutch by their own words
        # (a Spanish file given as the French one leans to French among the three)
        other, certainty = guess_language(text, _BY_OWN_WORDS)
        if other not in _TOLD_APART:
            guessed, confidence = other, certainty
    if guessed not in (wanted, "und") and confidence >= CONFIDENT:
        raise Invalid(
            f"looks like {NAMES[guessed]}, not {NAMES[wanted]} (confidence {confidence:.2f}); "
            "are the files given in the right order?",
            path=doc.path,
        )
