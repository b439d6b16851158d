"""The one folding of text: case, accents, apostrophes, French elision, plurals.

The store's look-up keys (``term_keys``, the folded columns), lookup, the sentence aligner, term
extraction and the benchmarks all fold through here, so that a word folds alike wherever it is met.
The store persists the keys these functions return: a change to what ``fold``, ``stem``,
``english_stem``, ``initials`` or ``normalize_for_match`` return for some text leaves existing stores
with stale keys, and needs a migration that recomputes them.

Lookup must start fast, so lemma tolerance comes from these rule-based keys rather than from a
morphological analyser: a query is folded by the same rules and compared with the stored keys.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import product

# typographic apostrophes and dashes match their ASCII forms (str.replace on the few present is
# several times faster than str.translate, which looks every character up: a third of an import)
_PUNCTUATION = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"}
_WORD_SPLIT = re.compile(r"([\s\-'])")
_PARENTHESES = re.compile(r"(\([^()]*\))")
_WORDS = re.compile(r"[^\W_]+")
# a civility in capitals before the word at hand (French and English): in a heading, the word right
# after it (each part of *JEAN-PAUL*); in a speaker's label, every word of the name up to the colon
# (*M. JEAN-PAUL VIDAL :*) but past a conjunction (*MME DUPONT ET M. MARTIN :*)
_CIVILITIES = frozenset({"M", "MM", "MME", "MMES", "MLLE", "MR", "MRS", "MS", "DR"})
_CONJUNCTIONS = frozenset({"ET", "OU", "AND", "OR"})
_AFTER_CIVILITY = rf"(?<![^\W_])(?:{'|'.join(_CIVILITIES)})\.?\s+"
_CIVILITY = re.compile(_AFTER_CIVILITY + r"(?:[^\W\d_]+-)*$")
_LABEL_CIVILITY = re.compile(_AFTER_CIVILITY + rf"(?:(?!(?:{'|'.join(_CONJUNCTIONS)})[\s-])[^\W\d_]+[\s-]+)*$")

# A French word that elides before a vowel: le/la, de, je, me, ne, se, te, ce (ç’ before a: *ç’a
# été*), que and the conjunctions ending in it. Not *presqu’île* nor *quelqu’un*: one word each, where
# taking *presqu’* or *quelqu’* away leaves a different word.
FRENCH_ELISION = r"(?:[cçdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]"  # an elided word and its apostrophe
_FRENCH_ELISION = re.compile(f"^{FRENCH_ELISION}", re.IGNORECASE)

# Function words left out when a multi-word term's initials are turned into an acronym key.
_ACRONYM_SKIP = frozenset(
    "de du des la le les l d et en pour à a au aux of the and for in on to".split()
)


# Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): their
# words cannot be told apart by spaces, so a word is found as the characters it is made of (UNSPACED is
# the body of a character class)
UNSPACED = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
            "\uf900-\ufaff\U00020000-\U0003134f")
_UNSPACED = re.compile(f"[{UNSPACED}]")


# a soft hyphen (HTML's &shy;, typed in LibreOffice) shows only where a line breaks, a zero-width
# no-break space (a byte-order mark inside a text put together from files) never: in a segment, or in a
# look-up pasted from a page, they would part words from their look-ups (opé\u00adrations is not opérations)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\ufeff"))


# Arabic's tatweel (ـ, which stretches a word in a justified line or a heading: الاجتمـاع) and its vowel
# marks (harakat, fatha to sukun, and the superscript alef: الاِجْتِمَاع, هٰذا), which a text writes or
# leaves out as it likes: a word is the same without them, for look-up, fuzzy search and concordance.
# The store's indexes hold texts without them (SQL strips ARABIC_MARKS, character by character).
ARABIC_MARKS = "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
_ARABIC_MARKS = re.compile(f"[{ARABIC_MARKS}]")


# Letters Arabic-script writing varies between in one word: final alef maqsura and yeh (المستشفى, المستشفي, as
# Egypt writes it), teh marbuta and heh (الجمعية, الجمعيه), and Persian's own yeh and keheh, which an Arabic
# keyboard types as Arabic's (کمیته, كميته). A term is looked up in any of them (``term_keys`` keys it under
# Arabic's too, and ``lookup`` asks for the query so spelt); ``fold`` keeps them apart, as the word indexes that
# the memory's words are looked up in do.
_ARABIC_SCRIPT_SPELLING = str.maketrans("ىیکة", "ييكه")


def arabic_script_spelling(text: str) -> str:
    """``text`` with Arabic's yeh, kaf and heh for the letters written in their place (see above):
    کمیته → كميته, المستشفى → المستشفي, الجمعية → الجمعيه; any other text as it is."""
    return text.translate(_ARABIC_SCRIPT_SPELLING)


def without_arabic_marks(text: str) -> str:
    """``text`` without Arabic's tatweel and vowel marks (:data:`ARABIC_MARKS`): الاجتمـاع, الاِجْتِمَاع →
    الاجتماع."""
    return _ARABIC_MARKS.sub("", text)


def visible(text: str) -> str:
    """``text`` as it shows: without the characters that show nothing (a soft hyphen, a zero-width no-break
    space), its letters and their accents composed (Unicode's NFC: *e* then a combining acute, as macOS
    writes a file name and some PDFs and editors their text, is *é*, as a keyboard types it).

    What a person types (a look-up, a search) and what a document is read as pass through here: the two
    forms show alike, so they are one text, and a word in either is the same word to term extraction,
    whose models know the composed one. Canonical composition only: NFKC's compatibility forms (full-width
    ＮＡＴＯ, the ligature ﬁ, a superscript's ²) are other characters, which ``fold`` alone equates. A
    file's units and terms are stored as the file gives them (an export writes them back as they came);
    every key and comparison composes first (``fold`` and ``normalize_for_match`` through NFKC, which
    composes too), so a text stored in either form is found by either."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


def unspaced(text: str) -> bool:
    """Whether ``text`` holds a character of a script written without spaces between words: *北约* does,
    *OTAN* and *الناتو* do not."""
    return _UNSPACED.search(text) is not None


# Letters a word index takes for different ones where readers see one word (its tokenizer folds case,
# and the accents of Latin letters only): hamza on alef, typed or not (الأمين, الامين), Greek accents
# (capitals are written without them: ΣΥΝΑΝΤΗΣΗ), German ß and ss, Turkish dotless ı where i is typed.
_ARABIC_ALEFS = "اأإآ"
# an Arabic word's stem starts after the article and the one-letter conjunctions and prepositions
# before it (والأمين, بالأمن); an alef there may carry hamza, the article's never does
_ARABIC_PREFIX = re.compile("^(?:[وفبكل]?ال|[وفبكل])")
_GREEK_ACCENTS = dict(zip("αεηιουω", "άέήίόύώ"))
_GREEK_PLAIN = {accented: plain for plain, accented in _GREEK_ACCENTS.items()}
_SPELLINGS = 128  # at most this many spellings of a phrase are asked for; beyond, it is asked as typed


def spellings_of(text: str) -> list[str]:
    """The ways a text may write ``text`` that a word index (case and Latin accents folded) tells apart:
    ``text`` first (without Arabic's tatweel and vowel marks, which the store's indexes leave out), then
    its spellings with and without hamza on alef, Greek accents (one a word, as Greek writes them, or
    none) and final sigma, ß for ss and back, œ and æ for oe and ae and back, i for ı, and in Unicode's compatible form (NFKC:
    full-width ＮＡＴＯ as NATO, half-width ｶﾀｶﾅ as カタカナ); and the Arabic-script letters ``lookup`` reads
    alike (``arabic_script_spelling``: teh marbuta and heh, alef maqsura and yeh, Persian's yeh and keheh, and
    an alef inside a word with hamza too), as many of those as fit (:data:`_ARABIC_LEVELS`). ``[text]`` alone
    when even the fewest would be more than ``_SPELLINGS``. Every spelling of each word of
    :func:`spelling_choices` with every one of the others."""
    spellings = [""]
    for ways in spelling_choices(text):
        spellings = [done + way for done in spellings for way in ways]
    return spellings


def spelling_choices(text: str) -> list[list[str]]:
    """``text`` piece by piece (its words and the spaces between them), each with the spellings
    :func:`spellings_of` gives it: a query's phrase is any of each piece's, in order (PostgreSQL's
    ``(a | b) <-> (c | d)``, where SQLite's FTS5 asks each of :func:`spellings_of`)."""
    pieces = re.split(r"(\s+)", without_arabic_marks(text))
    for level in _ARABIC_LEVELS if _ARABIC_LETTER.search(text) else _ARABIC_LEVELS[-1:]:
        choices, count = [], 1
        for piece in pieces:
            ways = _word_spellings(piece, level)
            count *= len(ways)
            if count > _SPELLINGS:
                break
            choices.append(ways)
        else:
            return choices
    return [[text]]


# The Arabic-script letters a query's word is also spelt with, a level each, the most first: a phrase whose
# spellings would be too many is asked in those of the next level (hamza on alef only where a stem starts, at
# the last), so that no level leaves out what the one after it asks.
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_PERSIAN_LETTERS = {"ي": "ی", "ی": "ي", "ى": "ی", "ك": "ک", "ک": "ك"}  # Persian's yeh and keheh, Arabic's
_FINAL_LETTERS = {"ة": "ه", "ه": "ة", "ى": "ي", "ي": "ى", "ی": "ى"}  # at a word's end: teh marbuta, alef maqsura
_PERSIAN, _ARABIC, _HAMZA = 2, 1, 0  # the letters of _PERSIAN_LETTERS too; of _FINAL_LETTERS; hamza on alef alone
_ARABIC_LEVELS = (_PERSIAN, _ARABIC, _HAMZA)


def _word_spellings(word: str, level: int = _HAMZA) -> list[str]:
    compatible = without_arabic_marks(unicodedata.normalize("NFKC", word))
    if compatible != word:  # full-width letters and digits (ＮＡＴＯ, typed on a Japanese or Chinese keyboard) as NATO
        return list(dict.fromkeys([*_spellings_as_typed(word, level), *_spellings_as_typed(compatible, level)]))
    return _spellings_as_typed(word, level)


def _spellings_as_typed(word: str, level: int = _HAMZA) -> list[str]:
    prefix = _ARABIC_PREFIX.match(word)
    stem = prefix.end() if prefix else 0
    ways = [""]
    for k, c in enumerate(word):
        if c in _ARABIC_ALEFS:  # any alef where the stem starts, a bare one for one with hamza elsewhere
            others = _ARABIC_ALEFS if k == stem else c + "ا" + ("أ" if level >= _ARABIC and k > stem else "")
        else:
            others = "ıi" if c == "ı" else c
            if level >= _ARABIC and c in _FINAL_LETTERS and not word[k + 1:k + 2].isalpha():  # the word's last letter
                others += _FINAL_LETTERS[c]
            if level >= _PERSIAN and c in _PERSIAN_LETTERS:
                others += _PERSIAN_LETTERS[c]
        ways = [w + other for w in ways for other in dict.fromkeys(others)]
    lower = word.lower()
    if "ss" in lower or "ß" in lower:  # only these: the indexes fold case, so a lower-cased copy adds nothing
        ways = [other for way in ways for other in (way, way.lower().replace("ss", "ß"), way.lower().replace("ß", "ss"))]
    if any(pair in lower for pair in ("oe", "ae", "œ", "æ")):  # œuvre typed oeuvre, and back (without_ligatures)
        ways = [other for way in ways for other in (way, without_ligatures(way.lower()), _with_ligatures(way.lower()))]
    if any(c in _GREEK_PLAIN for c in lower) or (len(lower) > 3 and any(c in _GREEK_ACCENTS for c in lower)):
        plain = "".join(_GREEK_PLAIN.get(c, c) for c in lower)
        ways += [plain] + [plain[:k] + _GREEK_ACCENTS[c] + plain[k + 1:] for k, c in enumerate(plain) if c in _GREEK_ACCENTS]
        if plain.endswith("ς"):  # a word in capitals lower-cased letter by letter ends in σ (ΚΟΡΥΦΗΣ)
            ways.append(plain[:-1] + "σ")
    return list(dict.fromkeys([word, *ways]))


def normalize_for_match(text: str) -> str:
    """Case-insensitive form of a sentence for edit-distance matching; keeps accents, which count, but not
    Arabic's tatweel and vowel marks (:data:`ARABIC_MARKS`), which a text writes or not as it likes."""
    text = without_arabic_marks(unicodedata.normalize("NFKC", text))  # presentation forms hold marks: after
    for typographic, plain in _PUNCTUATION.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return " ".join(text.split()).casefold()


def spellings(sentences: Iterable[str]) -> dict[str, str]:
    """How the sentences write each word inside a sentence in lower case, its first word apart (whose
    capital is the sentence's, after a paragraph's number too): lower-cased word → its commonest
    spelling (*otan* → *OTAN*, *bruxelles* → *Bruxelles*, *comité* → *comité*). What ``sentence_case``
    reads a heading by."""
    counts: dict[str, Counter] = {}
    for sentence in sentences:
        if any(c.islower() for c in sentence):
            # a label in capitals (*M. RUTTE :*) is read by these spellings, not a source of them
            words = _WORDS.findall(sentence[len(_capitals(sentence)):])
            first = next((k for k, word in enumerate(words) if not word.isdigit()), len(words))  # *10. Crisis*
            for word in words[first + 1:]:
                counts.setdefault(word.lower(), Counter())[word] += 1
    return {word: forms.most_common(1)[0][0] for word, forms in counts.items()}


def _capitals(sentence: str) -> str:
    """What of the sentence ``sentence_case`` reads as written in capitals: all of it (a heading), the
    label before its colon (*PHOTO :*, *M. RUTTE :*), or nothing."""
    end = sentence.find(":") if any(c.islower() for c in sentence) else len(sentence)
    capitals = sentence[:end] if end >= 0 else ""
    return "" if any(c.islower() for c in capitals) or sum(c.isalpha() for c in capitals) < 2 else capitals


def sentence_case(sentence: str, written: dict[str, str] | None = None) -> str:
    """A sentence written in capitals as it would be written in sentence case: a heading (*CONTEXTE*,
    *ANNEXE A – RÉFÉRENCES*) or a label opening a sentence before a colon (*PHOTO : les chefs…*); any
    other sentence as it is. Capitals throughout are typography, as a sentence's first capital is: the
    taggers, trained on text as it is mostly written, read every word of a heading in capitals as a
    name, and each as an acronym. Each word is written as the document writes it elsewhere
    (``written``, from ``spellings``: *L'OTAN ET LA KFOR* → *L'OTAN et la KFOR*, *RÉUNION À
    BRUXELLES* → *Réunion à Bruxelles*), else in lower case, the first letter a capital; an acronym
    the heading defines in parentheses stays one (*ANNEXE B (SUITE)*: *suite* only where the input writes
    it so). The length, and so every character offset, is kept (else the sentence is returned as it
    is)."""
    capitals = _capitals(sentence)
    if not capitals:
        return sentence
    end = len(capitals)
    written = written or {}
    civility = _LABEL_CIVILITY if end < len(sentence) else _CIVILITY

    def spelled(match: re.Match, default: str | None = None) -> str:
        word = match.group()
        if default is None:  # a civility and the name after it (*M. RUTTE*, *MR JEAN-PAUL VIDAL*); else a common word
            named = word in _CIVILITIES or (word not in _CONJUNCTIONS and civility.search(match.string, 0, match.start()))
            default = word.capitalize() if named else word.lower()
        form = written.get(word.lower(), default)
        return form if len(form) == len(word) else word

    # in parentheses, a word the input writes nowhere else is the acronym the heading defines
    cased = "".join(_WORDS.sub(lambda m: spelled(m, m.group()), piece) if piece.startswith("(")
                    else _WORDS.sub(spelled, piece) for piece in _PARENTHESES.split(capitals))
    first = next(k for k, c in enumerate(cased) if c.isalpha())
    cased = cased[:first] + cased[first].upper() + cased[first + 1 :] + sentence[end:]
    return cased if len(cased) == len(sentence) else sentence


def fold(text: str) -> str:
    """Case- and accent-insensitive key: *État-major* and *etat-major* fold alike."""
    decomposed = unicodedata.normalize("NFKD", normalize_for_match(text))
    # dotless ı is its own letter to Unicode but upper-cases to I: without this, *ı* and *I* differ
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """``fold`` of a word, remembered: word alignment, pairing and sentence alignment fold the same
    words over and over (each English word of a pair against every one-word term, each token of a
    document against the next)."""
    return fold(word)


def french_elision(word: str) -> int:
    """The length of the elided word that starts a French token, 0 if none: 3 for *qu’il*, 2 for
    *l’OTAN* (whose core is then *OTAN*)."""
    elided = _FRENCH_ELISION.match(word)
    return elided.end() if elided else 0


def _singular(word: str) -> str:
    """Strip a regular French or English plural ending (folded word); short words are left alone."""
    if len(word) <= 3:
        return word
    if word.endswith("aux"):
        return word[:-3] + "al"  # généraux → général
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # countries → country
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def key_parts(key: str) -> list[str]:
    """A folded key cut into the words :func:`stem` and :func:`french_stem` singularise one by one, and what
    parts them (spaces, hyphens, apostrophes): joined, the parts are the key."""
    return _WORD_SPLIT.split(key)


def stem(key: str) -> str:
    """A folded key with every word singularised: *comites militaires* → *comite militaire*."""
    return "".join(_singular(part) for part in _WORD_SPLIT.split(key))


def _french_singular(word: str) -> str:
    """:func:`_singular` without its English *-ies* rule, which French plurals in *-iés*/*-ies* break:
    *alliés* → *allié*, *parties* → *partie* (not *ally*, *party*)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-1]
    return _singular(word)


# French writes œ and æ as one letter (*œuvre*, *manœuvre*, *curriculum vitæ*) that a keyboard without them
# types as two (*oeuvre*, *manoeuvre*): a look-up key spells them out, so either finds the other. ``fold``
# keeps them, as the word indexes and term extraction read the words.
_LIGATURES = {"œ": "oe", "æ": "ae"}


_SPELT_OUT = str.maketrans(_LIGATURES)


def without_ligatures(key: str) -> str:
    """A folded key with œ and æ spelt out: *mise en œuvre* → *mise en oeuvre*."""
    return key.translate(_SPELT_OUT)


def spelling_key(text: str) -> str:
    """What a term is written as whichever way a keyboard types it, as ``lookup`` finds one for another
    (``folded``): folded, œ and æ spelt out (*manœuvre*, *manoeuvre*), Arabic-script letters as Arabic's
    (``arabic_script_spelling``: *کمیته*, *كميته*), a hyphen as a space (*cyber-défense*, *cyber défense*;
    not as nothing: *sousmarin* is no *sous-marin*). Two terms of one language with one key are one term
    spelt two ways; a term's ``form`` keys (``term_keys``) hold its key."""
    return " ".join(arabic_script_spelling(without_ligatures(fold(text))).replace("-", " ").split())


def capitals(text: str) -> tuple[str, ...]:
    """Which of a term's words are written in capitals or with a capital inside (``A`` for *CM*, *NATO*; ``aAaaaa``
    for *iPhone*; ``a`` for another word): what :func:`spelling_key` leaves out and a term keeps. *CM* and *cm* are
    two terms (a committee and a unit of length); a word's first capital is a glossary's style, no other term (a
    client's *Comité militaire*, *Staff* are the stored *comité militaire*, *staff*, so is *Military committee*
    *Military Committee*), and *MANŒUVRE* and *MANOEUVRE*, *Maßnahme* and *Massnahme* are one term spelt two ways: a
    word's case counts, not its letters, which a ligature or ß spelt out changes."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", visible(text)) if not unicodedata.combining(c))
    return tuple(_word_capitals(word) for word in _LETTERS.findall(letters))


def _word_capitals(word: str) -> str:
    upper = [c.isupper() for c in word]
    if not any(upper[1:]):  # lower case, or a capital first only
        return "a"
    if all(upper):
        return "A"
    return "".join("A" if c.isupper() else "a" for c in word.translate(_SPELT_OUT_CAPITALS))


_LETTERS = re.compile(r"[^\W\d_]+")
_SPELT_OUT_CAPITALS = str.maketrans({**_LIGATURES, "Œ": "OE", "Æ": "AE", "ß": "ss", "ẞ": "SS"})


def _with_ligatures(word: str) -> str:
    """A lower-cased word with oe and ae written as œ and æ: *oeuvre* → *œuvre*."""
    for ligature, letters in _LIGATURES.items():
        word = word.replace(letters, ligature)
    return word


def french_stem(key: str) -> str:
    """A folded French key with every word singularised by French rules only: *allies* (alliés) and
    *allie* (allié) both give *allie*, where :func:`stem` makes *ally* of the plural."""
    return "".join(_french_singular(part) for part in _WORD_SPLIT.split(key))


def _english_singular(word: str) -> str:
    """The English plurals :func:`_singular` gets wrong, as French has no such endings: -es after
    a sibilant (*approaches*, *taxes*, *processes*) and -ses of -sis nouns (*crises*, *analyses*)."""
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ses"):
        return word[:-3] + "sis"
    return _singular(word)


def english_stem(key: str) -> str:
    """A folded English key with every word singularised by English rules (*crisis approaches* →
    *crisis approach*); a query is looked up under this and :func:`stem`, as it may be English or
    French (*houses* is *house*, *crises* is *crisis* in English and *crise* in French)."""
    return "".join(_english_singular(part) for part in _WORD_SPLIT.split(key))


def initials(key: str) -> str:
    """Initials of a folded multi-word term without its function words: *etat-major militaire
    international* → *emi*; empty when the term has fewer than three content words."""
    words = [w for w in re.split(r"[\s']+", key) if w and w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def french_only_acronym(acronym: str, french: str, english: str) -> bool:
    """Whether an acronym listed beside a French and an English full form is French only: the initials
    of the French one and not of the English one (*EMI*, État-major militaire international, is *IMS*
    in English). Others are used in both languages, as NATO's English acronyms are in French (*ACO*)."""
    letters = fold(acronym).replace("-", "").replace("/", "")
    return letters == initials(fold(french)) != initials(fold(english))


# languages whose words are reduced by Snowball's stemmer for them, for look-up and checks (measured:
# bench/check_inflections.py; Swedish and Danish: bench/plural_check.py); French and English are singularised by
# their own rules (``stem``)
SNOWBALL = {"de": "german", "es": "spanish", "it": "italian", "pt": "portuguese", "nl": "dutch", "ru": "russian",
            "pl": "polish", "cs": "czech", "ro": "romanian", "sv": "swedish", "da": "danish"}
_LETTERS = re.compile(r"[^\W\d_]+")  # the words a Snowball stemmer is given
SHORTEST_STEM = 5  # a one-word term whose stem is shorter is found as written (folded), not by its stem
_MOST_PLURAL_READINGS = 64  # of a typed text, read word by word as plurals (``inflection_keys``)


# The singular endings a plural ending may stand for, where Snowball stems a plural and its singular apart:
# it takes -ar, -are for a verb's (Spanish militar but not militares, Italian militare but not militari),
# keeps Spanish and Portuguese -s after an accented vowel (comités) and has no rule for Portuguese -ais,
# -ões, -ns (nacionais, missões, comuns), Dutch -en after a closed syllable (verdragen), German -s (Kommandos);
# and a one-word term with a short stem is found as written (``check``), so its plural or another case is found
# by its ending (Polish -y, -i and Czech -y, -ě: plany, broni, lodě are plan, broń, loď; Polish -owie, as in
# ministrowie, changed nothing measured). Romanian's stemmer leaves a singular in -u, -iu whole (membru,
# consiliu) and cuts its plural (membre, consiliile), takes -are for a verb's (amenințare but not amenințările),
# keeps -ur of a neuter plural (acordurilor) and stems militar and militare apart; and navă, armă are short.
# A word is also found under the keys of the singulars its ending may stand for (German -en is not one:
# Raten, instalments, is no plural of Rat; but -en for a loanword's -o, -um, -a, -us, -on and -innen for -in are,
# whose plural Snowball stems apart from its singular: Risiken, Zentren, Themen, Ärztinnen are Risiko, Zentrum,
# Thema, Ärztin, the singulars ``terms.pivot`` gives an equivalent met in the plural alone).
# Swedish and Danish write the definite article after a plural (-na, -ne: bilarna, bilerne, husen, husene), and
# their -r plural ends a noun in -e or -o (linjer, skor; Danish skoler), written here with that vowel (er → e) as a
# reading ending in -a would be a verb (bollar is boll, not bolla); Danish -e is husene's ending too, which its longer
# ending reads. Snowball's stemmers take one ending off (advokater: advokat, but advokat: advok; aktierna: akti,
# arenor: aren), so check and look-up read these too (bench/plural_check.py: of the hunspell lists' plurals, Zipf ≥
# 3, an approved singular found in 0.602 of the Swedish and 0.605 of the Danish by the stems alone, 0.936 and 0.897
# with these readings; an entry of another noun only in 0.003 and 0.023, as with the stems alone)
SWEDISH_PLURALS = (("arna", ""), ("arna", "e"), ("orna", "a"), ("orna", "o"), ("erna", ""), ("erna", "e"),
                   ("erna", "a"), ("erna", "um"), ("ena", "e"), ("ar", ""), ("ar", "e"), ("or", "a"), ("or", "o"),
                   ("er", ""), ("er", "e"), ("er", "a"), ("er", "um"), ("en", ""), ("n", ""))
DANISH_PLURALS = (("erne", ""), ("erne", "e"), ("erne", "um"), ("ene", ""), ("er", ""), ("er", "e"), ("er", "um"),
                  ("e", ""))
# and the definite plural of a noun in -er whose plural is the singular (Danish teknikerne, dykkerne: tekniker,
# dykker; Swedish teknikerna), which a plural in -er would also be read as (soldaterne: soldater): the extractor takes
# it only where the language's dictionary makes the word of it (``terms.nouns``)
DEFINITE_OF_SAME_PLURAL = {"sv": (("erna", "er"),), "da": (("erne", "er"),)}
# the ending of the words whose readings ``terms.nouns.readings`` may strike where no dictionary is installed (a
# Swedish singular in -or, a German -en plural of a noun in -e): look-up imports it for those words only
NARROWED_READINGS = {"sv": "or", "de": "en"}
# the letters before the -um a Swedish or Danish -er, -erna, -erne is read for: a Latin neuter's -eum, -ium (museer,
# studier, kriterierne: museum, studium, kriterium), and Danish's -æum for Latin -aeum (jubilæer, jubilæerne:
# jubilæum); planer, punkter, helger are no planum, punktum, helgum (bench/plural_check.py --wrong). German's -en is
# read so after any letter (Zentren: Zentrum)
LATIN_NEUTERS = {"sv": "ei", "da": "eiæ"}
# the letters before which German's -en is not read for a Greek -on (Stadien: Stadion): German's -tion, -sion, -gion are
# Latin nouns whose plural is -ionen (Aktionen, Missionen, Regionen), and -tien, -sien, -gien a noun in -ie's (Aktien,
# Aktie; Asien is no Asion)
NOT_GREEK_ON = {"de": ("ti", "si", "gi")}
# the languages whose plural respells the singular's ending, so that two letters of a word and the ending given back
# are a word (luces, ações, laghi, banen); not German's -innen, Swedish's -orna, -erna, Danish's -erne, which leave
# a stem of two letters that is no noun's (binnen: bin; skorna, köerna: ska, köa, not sko, kö)
RESPELT_ENDINGS = frozenset({"es", "pt", "it", "nl"})
# Dutch spells a plural's -en by the syllable before it (bench/plural_check.py --lang nl, hunspell-nl's plurals): a
# short vowel's consonant doubled (tassen, bollen: tas, bol), a long vowel written once in an open syllable (banen,
# bogen, buren: baan, boog, buur), f and s voiced (dieven, ganzen, hazen: dief, gans, haas), -ën after a vowel
# (categorieën: categorie), and -heid's plural -heden (eenheden: eenheid); -eren is not read as -eer, the infinitive
# of the verbs in -eren (adopteren, publiceren: adopteer, stemmed as geadopteerd; publiceer, as publicatie)
_DUTCH_CONSONANTS = "bdfgklmnprstz"
# f and s are voiced after a consonant or a vowel written twice (wolven, ganzen, dieven, huizen); after a vowel
# written once the syllable is open and the vowel long (hazen: haas), a short vowel's s doubled (lessen: les), so
# lezen, leven, boven are no les, lef, bof
_DUTCH_VOICING = ("l", "n", "r", "ie", "ui", "ei", "ij", "oe", "ou", "au", "eu")
DUTCH_PLURALS = (("en", ""), ("s", ""), ("ën", ""), ("heden", "heid"),
                 *((x + "ven", x + "f") for x in _DUTCH_VOICING), *((x + "zen", x + "s") for x in _DUTCH_VOICING),
                 *((c + c + "en", c) for c in _DUTCH_CONSONANTS),
                 *((v + c + "en", v + v + c) for v in "aeou" for c in _DUTCH_CONSONANTS if v + c != "er"),
                 *((v + "ven", v + v + "f") for v in "aeou"), *((v + "zen", v + v + "s") for v in "aeou"))
PLURALS = {
    "sv": SWEDISH_PLURALS + DEFINITE_OF_SAME_PLURAL["sv"],
    "da": DANISH_PLURALS + DEFINITE_OF_SAME_PLURAL["da"],
    "es": (("ces", "z"), ("es", ""), ("s", "")),
    "pt": (("ões", "ão"), ("ães", "ão"), ("ais", "al"), ("éis", "el"), ("eis", "el"), ("óis", "ol"), ("uis", "ul"),
           ("is", "il"), ("ns", "m"), ("es", ""), ("s", "")),
    # Italian writes a hard c, g before -i, -e with an h (dischi, laghi, tasche, alghe: disco, lago, tasca, alga),
    # and a noun in -aio, -oio, -cio, -gio, -zio, -rio ends its plural in one -i (acciai, corridoi, edifici, servizi,
    # orari); not -tio, -vio, which a past participle's and an adjective's -ti, -vi would be read as (formati,
    # relativi: formatio, stemmed as formativa; relativio, as relativismo)
    "it": (("i", "o"), ("i", "e"), ("i", "a"), ("e", "a"), ("chi", "co"), ("ghi", "go"), ("che", "ca"),
           ("ghe", "ga"), *((c + "i", c + "io") for c in ("a", "o", "c", "g", "z", "r"))),
    "nl": DUTCH_PLURALS,
    "de": (("es", ""), ("s", ""), ("n", ""), ("en", "o"), ("en", "um"), ("en", "a"), ("en", "us"), ("en", "on"),
           ("innen", "in")),
    "pl": (("y", ""), ("i", ""),
           # the dative and locative singular's -e softens the consonant before it, which Snowball's stemmer
           # keeps (infrastrukturze, marynarce, brygadzie, flocie, szkole, musze, drodze: infrastruktura,
           # marynarka, brygada, flota, szkoła, mucha, droga; a masculine's locative, komputerze: komputer)
           ("rze", "ra"), ("rze", "r"), ("dzie", "da"), ("dzie", "d"), ("cie", "ta"), ("cie", "t"),
           ("ce", "ka"), ("dze", "ga"), ("sze", "cha"), ("le", "ła"), ("le", "ł")),
    "cs": (("y", ""), ("ě", "")),
    "ro": (("urilor", ""), ("urile", ""), ("ărilor", "are"), ("ările", "are"), ("iilor", "iu"), ("iile", "iu"),
           ("elor", "ă"), ("ele", "ă"), ("e", "ă"), ("e", "u"), ("e", "")),
}


def inflection_key(text: str, lang: str) -> str | None:
    """``text`` folded with each word reduced to its stem by the Snowball stemmer of ``lang`` (a base
    language): *Militärausschusses* and *Militärausschuss* alike; None for a language without one."""
    if lang not in SNOWBALL:
        return None
    # Snowball's stemmers read words with their accents (Russian й, German ä), so folding comes after
    return fold(_LETTERS.sub(lambda word: _stem_word(word.group(), lang), normalize_for_match(text)))


@lru_cache(maxsize=200_000)
def _stem_word(word: str, lang: str) -> str:
    """A word's Snowball stem, remembered: a text's look-up keys stem each word once for every run of words it is
    in (up to ``termindex.LONGEST_TERM_TOKENS``), and a document repeats its words (German's stemmer in pure Python
    was nine tenths of the keys' time, bench/README.md)."""
    return _stemmer(lang).stemWord(word)


def inflection_keys(text: str, lang: str, readings: Callable[[str], Iterable[str]] | None = None) -> set[str]:
    """The ``inflection_key``s a text typed in ``lang`` may be the plural of a term under: its own, and
    those of each word read as the singulars its ending may stand for (``PLURALS``, or those ``readings`` gives:
    *comités militares*, *comité militar*), up to ``_MOST_PLURAL_READINGS`` readings of the whole. A word is
    stemmed alone, so its readings are told apart by their stems: *militari* is two (*milit*, *militar*), not four."""
    if _stemmer(lang) is None:
        return set()
    words = normalize_for_match(text).split()
    read = readings or (lambda word: singular_readings(word, lang))
    stems = {word: list(dict.fromkeys(inflection_key(form, lang) for form in (word, *read(word))))
             for word in set(words)}
    readings = [stems[word] for word in words]
    if math.prod(map(len, readings)) > _MOST_PLURAL_READINGS:
        readings = [forms[:1] for forms in readings]
    return {key for forms in product(*readings) if (key := " ".join(forms))}


# Plural endings that end singulars and other forms as often (German -e, -en: Boote, Übungen, but Plane, Raten):
# never a key a term is found by, only a reading the language's word frequencies may confirm, for the citation
# form of an equivalent the text writes in the plural alone (``terms.pivot``; German -en of a loanword's -o, -um,
# -a, -us, -on is in ``PLURALS``: Risiken, Zentren, Themen, Algorithmen, Stadien). Swedish and Danish are in both:
# the extractor chooses among their readings by word frequency (``terms.pivot``), check and look-up try each
AMBIGUOUS_PLURALS = {
    "de": (("en", ""), ("e", "")),
    "sv": SWEDISH_PLURALS,
    "da": DANISH_PLURALS,
}


def singular_readings(word: str, lang: str) -> list[str]:
    """The singulars a word's plural ending may stand for in ``lang`` (``PLURALS``), folded for matching."""
    return [reading for _, reading in plural_readings(word, lang)]


def plural_readings(word: str, lang: str, ambiguous: bool = False, as_written: bool = False) -> list[tuple[str, str]]:
    """The singulars a word's plural ending may stand for in ``lang`` (``PLURALS``; with ``ambiguous``,
    ``AMBIGUOUS_PLURALS`` too), each with the ending it reads (*arna*, *bil* of *bilarna*), lower-cased: folded for
    matching (ß as ss), or, ``as_written``, only lower-cased (a citation form written out: *Straßenbahnen*,
    *straßenbahn*)."""
    lower = word.lower() if as_written else normalize_for_match(word)
    endings = dict.fromkeys((*PLURALS.get(lang, ()), *(AMBIGUOUS_PLURALS.get(lang, ()) if ambiguous else ())))
    # a reading keeps three letters of the word, or, of a word of five letters or more in a language whose plural
    # respells the singular's ending (``RESPELT_ENDINGS``), is three letters long (luces, ações, laghi, banen: luz, ação,
    # lago, baan); a shorter word is not read (pés, cães, nei, chi)
    return [(plural, lower[: -len(plural)] + singular) for plural, singular in endings
            if lower.endswith(plural) and (len(lower) - len(plural) >= 3 or lang in RESPELT_ENDINGS
                                           and len(lower) >= 5 and len(lower) - len(plural) + len(singular) >= 3)
            and (singular != "um" or lang not in LATIN_NEUTERS or lower[-len(plural) - 1] in LATIN_NEUTERS[lang])
            and (singular != "on" or not lower[: -len(plural)].endswith(NOT_GREEK_ON.get(lang, ("\0",))))]


# a Snowball stemmer keeps the word it is stemming in the object: the web server's threads, sharing one, raised
# IndexError in each other's words (German look-ups under load): one stemmer a language a thread
_STEMMERS = threading.local()


def _stemmer(lang: str):
    if lang not in SNOWBALL:
        return None
    held = _STEMMERS.__dict__.setdefault("by_language", {})
    if lang not in held:
        import snowballstemmer  # only for terms and texts in these languages

        held[lang] = snowballstemmer.stemmer(SNOWBALL[lang])
    return held[lang]


def term_keys(texts: list[str], *, acronym: bool, lang: str = "") -> set[tuple[str, str]]:
    """Every (key, kind) under which a term with these surface forms and lemma, in the base language
    ``lang``, is found.

    Kinds: ``form`` (folded text, and with œ and æ spelt out: ``without_ligatures``, and Arabic letters as an Arabic
    keyboard types them: ``arabic_script_spelling``, and its ``spelling_key``: hyphens as spaces), ``stem`` (singularised;
    a French term by French rules too, ``french_stem``; in a language of ``SNOWBALL``, stemmed too),
    ``initials`` (derived acronym of a full form). An acronym term is indexed under its own folded text only.
    """
    keys: set[tuple[str, str]] = set()
    for text in texts:
        folded = fold(text)
        if not folded:
            continue
        # œuvre, and oeuvre as typed without œ; کمیته, and كميته as an Arabic keyboard types it and an Arabic text may
        # write it
        for key in dict.fromkeys((folded, without_ligatures(folded), arabic_script_spelling(folded))):
            keys.add((key, "form"))
            if acronym:
                continue
            keys.add((stem(key), "stem"))
            if lang == "fr":  # a French plural in -iés, -ies is no English one: alliés is allié, not ally
                keys.add((french_stem(key), "stem"))
            derived = initials(key)
            if derived:
                keys.add((derived, "initials"))
        if not acronym and (inflected := inflection_key(text, lang)):
            keys.add((inflected, "stem"))
        # its spelling key too (hyphens as spaces: cyber défense), by which an import or an added entry finds it
        keys.add((spelling_key(text), "form"))
    return keys
