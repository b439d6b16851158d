"""Language tags: accept what users and CAT tools write, emit BCP 47."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .errors import Invalid, TmtoolError

# language, script, region, then BCP 47's variants of a date (de-DE-1996, de-1901) and private use
# (en-x-nato); a variant of letters only (xx-INVALID) is more likely a mistake than a registered variant
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?"
                  r"((?:[-_](?:\d[A-Za-z0-9]{3,7}|[A-Za-z][A-Za-z0-9]{4,7}))*)"
                  r"((?:[-_][xX](?:[-_][A-Za-z0-9]{1,8})+)?)$")
# a variant of letters (ca-ES-valencia, en-GB-oxendict), read after a region or a script only: a header "IT-Support"
# or "de-facto" names no language
_LETTERS_VARIANT = re.compile(r"[-_][A-Za-z]")
# the names older Windows tools (.NET 1.x cultures, Trados 2007) give: Chinese by its script, and the script
# after the region (sr-SP-Latn, az-AZ-Cyrl; SP, Serbia and Montenegro, is no ISO region)
_LEGACY = {"zh-chs": "zh-Hans", "zh-cht": "zh-Hant"}
_SCRIPT_LAST = re.compile(r"^([A-Za-z]{2,3})[-_]([A-Za-z]{2})[-_](Latn|Cyrl)$", re.IGNORECASE)
# ISO 639-2 codes (bibliographic and terminology forms) of languages that also have a two-letter ISO
# 639-1 code, which BCP 47 requires instead: memoQ and older Trados files write ``fre-FR``, ``ger``
_TWO_LETTER = dict(pair.split(":") for pair in """
    eng:en fre:fr fra:fr ger:de deu:de spa:es ita:it por:pt dut:nl nld:nl pol:pl rus:ru ukr:uk bel:be
    cze:cs ces:cs slo:sk slk:sk slv:sl hun:hu rum:ro ron:ro bul:bg gre:el ell:el tur:tr dan:da swe:sv
    nor:no nob:nb nno:nn fin:fi est:et lav:lv lit:lt hrv:hr srp:sr bos:bs alb:sq sqi:sq mac:mk mkd:mk
    ice:is isl:is gle:ga mlt:mt cat:ca baq:eu eus:eu glg:gl wel:cy cym:cy ltz:lb geo:ka kat:ka arm:hy
    hye:hy ara:ar heb:he per:fa fas:fa chi:zh zho:zh jpn:ja kor:ko uig:ug hin:hi urd:ur
""".split())


# every ISO 639-1 code (and the five it withdrew that older files still write: in, iw, ji, mo, sh): a
# two-letter language outside them is a mistyped or made-up one (zz, fe), refused rather than stored
_ISO_639_1 = set("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
    ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
    in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh
    mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru
    rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug
    uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


def normalize_tag(tag: str) -> str:
    """``fr_FR``, ``FR-fr``, ``fr-fr`` → ``fr-FR``; ``EN`` → ``en``; ``fre-FR`` → ``fr-FR``; ``zh-CHS`` →
    ``zh-Hans``, ``sr-SP-Latn`` → ``sr-Latn``; ``iw-IL`` → ``he-IL`` (a deprecated code's preferred one); a date variant, one of letters after a region or script and
    private use kept (``de-DE-1996``, ``ca-ES-valencia``, ``en-x-nato``). Unknown shapes, and two-letter languages ISO 639-1 does not have, are an error."""
    written = tag.strip() if tag else ""
    written = _LEGACY.get(written.lower().replace("_", "-"), written)
    legacy = _SCRIPT_LAST.match(written)
    if legacy:
        lang, region, script = legacy.groups()
        written = f"{lang}-{script}" + ("" if region.upper() == "SP" else f"-{region}")
    m = _TAG.match(written)
    if m and not (m.group(2) or m.group(3)) and _LETTERS_VARIANT.match(m.group(4)):
        m = None
    if not m or (len(m.group(1)) == 2 and m.group(1).lower() not in _ISO_639_1
                 and m.group(1).lower() not in _preferred_languages()):
        raise Invalid(f"invalid language tag {tag!r} (expected e.g. fr, fr-FR, en-GB)")
    lang, script, region, variants, private = m.groups()
    out = _TWO_LETTER.get(lang.lower(), lang.lower())
    out = _preferred_languages().get(out, out)
    if script:
        out += "-" + script.title()
    if region:
        out += "-" + region.upper()
    return out + (variants + private).lower().replace("_", "-")


@lru_cache(maxsize=1)
def _preferred_languages() -> dict[str, str]:
    """The IANA Language Subtag Registry's preferred value of each deprecated language subtag (``iw`` → ``he``,
    ``in`` → ``id``, ``ji`` → ``yi``, ``mo`` → ``ro``, ``jw`` → ``jv``; ISO 639-3's retired codes): older tools
    (those built on Java's ``Locale``, which wrote Hebrew as ``iw`` until Java 17) still write them, and ``iw`` beside ``he`` would be
    two languages. The registry ships in langcodes."""
    from importlib.util import find_spec
    from pathlib import Path

    # found, not imported: langcodes itself takes 80 ms to import, which a look-up would wait for
    try:
        package = Path(find_spec("langcodes").submodule_search_locations[0])
        text = (package / "data" / "language-subtag-registry.txt").read_text(encoding="utf-8")
    except (AttributeError, TypeError, OSError):  # langcodes absent, zipped, or shipped without its data
        return {"iw": "he", "in": "id", "ji": "yi", "mo": "ro", "jw": "jv"}
    preferred = {}
    for value in re.finditer(r"^Preferred-Value: (\S+)$", text, re.MULTILINE):  # a few hundred of 9,000 records
        record = text[text.rfind("%%", 0, value.start()):value.start()]
        if "\nType: language\n" in record and (subtag := re.search(r"^Subtag: (\S+)$", record, re.MULTILINE)):
            preferred[subtag[1].lower()] = value[1].lower()
    return preferred


# the two-letter codes of _TWO_LETTER's languages: those a table's header names a column of terms by
# (de, es-ES, pt_BR), but "no", a number column's header in many languages (Norwegian is nb or nn)
_KNOWN = set(_TWO_LETTER.values()) - {"no"}


def known_language(name: str) -> str | None:
    """The base language of ``name`` when it is a tag of one of the languages tmtool knows by their
    codes (``de``, ``es-ES``, ``pt_BR``, ``ger``), else None (``note``, ``id``, ``Nr``)."""
    try:
        base = base_language(name)
    except TmtoolError:
        return None
    return base if base in _KNOWN else None


# Languages by their names, as CAT tools and people head a spreadsheet's columns with them: memoQ and
# MultiTerm write English names (memoQ's term base CSV ``German``, ``English_United_Kingdom``; MultiTerm's
# and Glossary Converter's ``English (United Kingdom)``), people their own language's name (``Deutsch``,
# ``Español``) or their office's (``Anglais``, ``Allemand``; ``Englisch``, ``Französisch``). The names of
# _KNOWN's languages in English, in themselves and in French (in German too for the largest of NATO's
# languages), English and French in the other languages the organisation works in (``Inglés``,
# ``Английский``, ``英语``, ``الفرنسية``), and the UN's six official languages in each of the six, as a UN
# glossary made in Spanish, Russian, Arabic or Chinese heads its columns (``Ruso``, ``Испанский``, ``الصينية``,
# ``西班牙文``); Chinese as its writers name its two scripts (``简体中文``, ``繁體中文``).
# Norwegian is Bokmål, its written standard.
_NAMES = """
    en:English,anglais,Englisch,inglés,inglese,angielski,αγγλικά,английский,англійська,الإنجليزية,الإنكليزية,英语,英文,英語,İngilizce
    fr:French,français,Französisch,francés,francese,francuski,γαλλικά,французский,французька,الفرنسية,法语,法文,フランス語,Fransızca
    de:German,Deutsch,allemand
    es:Spanish,español,castellano,espagnol,Spanisch,испанский,الإسبانية,西班牙语,西班牙文 it:Italian,italiano,italien,Italienisch
    pt:Portuguese,português,portugais,Portugiesisch nl:Dutch,Flemish,Nederlands,néerlandais,Niederländisch
    pl:Polish,polski,polonais,Polnisch ru:Russian,русский,russe,Russisch,ruso,الروسية,俄语,俄文 uk:Ukrainian,українська,ukrainien
    be:Belarusian,беларуская,biélorusse cs:Czech,čeština,tchèque sk:Slovak,slovenčina,slovaque
    sl:Slovenian,Slovene,slovenščina,slovène hu:Hungarian,magyar,hongrois bg:Bulgarian,български,bulgare
    el:Greek,ελληνικά,grec,Griechisch tr:Turkish,Türkçe,turc,Türkisch ro:Romanian,română,roumain
    da:Danish,dansk,danois sv:Swedish,svenska,suédois nb:Norwegian,norsk,bokmål,norvégien nn:nynorsk
    fi:Finnish,suomi,finnois et:Estonian,eesti,estonien lv:Latvian,latviešu,letton lt:Lithuanian,lietuvių,lituanien
    hr:Croatian,hrvatski,croate sr:Serbian,srpski,српски,serbe bs:Bosnian,bosanski,bosniaque sq:Albanian,shqip,albanais
    mk:Macedonian,македонски,macédonien is:Icelandic,íslenska,islandais ga:Irish,Gaeilge,irlandais
    mt:Maltese,Malti,maltais ca:Catalan,català eu:Basque,euskara gl:Galician,galego,galicien cy:Welsh,Cymraeg,gallois
    lb:Luxembourgish,Lëtzebuergesch,luxembourgeois ka:Georgian,ქართული,géorgien hy:Armenian,հայերեն,arménien
    ar:Arabic,العربية,arabe,árabe,арабский,阿拉伯语,阿拉伯文 he:Hebrew,עברית,hébreu fa:Persian,Farsi,فارسی,persan zh:Chinese,中文,简体中文,繁體中文,繁体中文,汉语,漢語,chinois,chino,китайский,الصينية
    ja:Japanese,日本語,japonais ko:Korean,한국어,coréen ug:Uyghur,Uighur,ouïghour hi:Hindi,हिन्दी ur:Urdu,اردو,ourdou
"""


def _folded(text: str) -> str:
    """``text`` without case or accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


_NAMED = {_folded(name): code for code, names in (line.split(":") for line in _NAMES.split())
          for name in names.split(",")}


def language_named(name: str) -> str | None:
    """The language a column's header names in words (``Deutsch``, ``English (United Kingdom)``,
    memoQ's ``English_United_Kingdom``, ``German_Def``), by its first word, in any case or accents;
    None for any other header (``Definition``, ``Domain``, ``English term``)."""
    first = re.match(r"\s*([^\W\d_]+)\s*(?:\(.*\)|[_-].*)?\Z", _folded(name))
    return _NAMED.get(first.group(1)) if first else None


# Languages written right to left, and the scripts that are: a tag's script decides for a language
# written in several (az-Arab, pa-Arab are; ku, Kurmanji, is Latin unless ku-Arab)
RIGHT_TO_LEFT_LANGUAGES = frozenset("ar arc ckb dv fa he iw ji ks prs ps sd syr ug ur yi".split())
RIGHT_TO_LEFT_SCRIPTS = frozenset("Adlm Arab Hebr Mand Nkoo Rohg Samr Syrc Thaa".split())


def direction(tag: str) -> str:
    """How text in ``tag`` is written, as HTML's ``dir`` says it: ``rtl`` (``ar``, ``he-IL``, ``fa``,
    ``az-Arab``), ``ltr`` (``fr``, ``ug-Latn``), ``auto`` when ``tag`` is no language tag."""
    try:
        tag = normalize_tag(tag)
    except TmtoolError:
        return "auto"
    if (script := _script(tag)):
        return "rtl" if script in RIGHT_TO_LEFT_SCRIPTS else "ltr"
    return "rtl" if tag.split("-")[0] in RIGHT_TO_LEFT_LANGUAGES else "ltr"


def language_codes(base: str) -> list[str]:
    """Every primary subtag that :func:`normalize_tag` turns into ``base`` (``fr`` → fr, fra, fre),
    for a query that must recognise the language in tags stored as written."""
    return sorted({base, *(code for code, two in _TWO_LETTER.items() if two == base),
                   *(code for code, preferred in _preferred_languages().items() if preferred == base)})


def base_language(tag: str) -> str:
    """``fr-FR`` → ``fr``.

    >>> base_language("fr-FR"), base_language("zh-Hant-TW"), base_language("EN")
    ('fr', 'zh', 'en')
    """
    return normalize_tag(tag).split("-")[0]


def language_pair(srclang: str, tgtlang: str) -> tuple[str, str]:
    """The tags of a translation's two languages as BCP 47; a bad tag, or one language for both
    (``es`` and ``es-MX``), is an error.

    >>> language_pair("fr", "en-gb")
    ('fr', 'en-GB')
    >>> language_pair("es", "es-MX")
    Traceback (most recent call last):
    tmtool.errors.Invalid: source and target languages are both 'es'
    """
    srclang, tgtlang = normalize_tag(srclang), normalize_tag(tgtlang)
    if base_language(srclang) == base_language(tgtlang):
        raise Invalid(f"source and target languages are both {base_language(srclang)!r}")
    return srclang, tgtlang


# the languages of tmtool's pair as it writes them when not told their region; and the other language of
# the pair, for a file that is to be translated
_REGION = {"fr": "fr-FR", "en": "en-GB"}
_OTHER_LANGUAGE = {"fr": _REGION["en"], "en": _REGION["fr"]}


def regional(tag: str) -> str:
    """``tag`` as BCP 47, a language of tmtool's pair named without its region given the default's
    (``fr`` → fr-FR, ``en`` → en-GB, as the other language of the pair is, :func:`target_language`);
    any other as written (``de``, ``en-US``)."""
    tag = normalize_tag(tag)
    return _REGION.get(tag, tag)


def target_language(srclang: str, tgtlang: str | None) -> str:
    """The language a ``srclang`` file is to be translated into: ``tgtlang`` when given, else the
    other language of the French–English pair. Refuses one language for both."""
    if tgtlang is None:
        if base_language(srclang) not in _OTHER_LANGUAGE:
            raise Invalid(f"give the target language (tgtlang) for a file in {srclang}", options=("tgtlang",))
        return _OTHER_LANGUAGE[base_language(srclang)]
    return language_pair(srclang, tgtlang)[1]


def term_locale(tag: str) -> str | None:
    """The tag a termbase gives a term as :func:`normalize_tag` writes it, where it says more than the base language
    (``EN-gb`` → ``en-GB``, ``zh-Hant``), else None (``en``): a term's ``locale``, its ``lang`` the base language."""
    written = normalize_tag(tag)
    return written if written != written.split("-")[0] else None


class TermLanguages:
    """The base language of each term a glossary file holds (a term keeps its tag as its ``locale``:
    :func:`term_locale`)."""

    def base(self, tag: str) -> str:
        """``tag``'s base language (:class:`TmtoolError` for a bad tag)."""
        return normalize_tag(tag).split("-")[0]


def _script(tag: str) -> str | None:
    """The script subtag of a tag as :func:`normalize_tag` writes it (``Hant`` of ``zh-Hant-TW``), else None."""
    parts = tag.split("-")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 and parts[1].isalpha() else None
