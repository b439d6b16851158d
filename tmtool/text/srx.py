"""SRX (Segmentation Rules eXchange) 2.0: the rules as data, read and written as XML, and applied.

Semantics follow Okapi and OmegaT. A rule says whether the text may break at a position: its
``beforebreak`` regex must match the text ending at the position and its ``afterbreak`` regex the
text starting there. At each position the first matching rule decides, in file order across the
language rules that apply (all of those whose map patterns match the language when ``cascade`` is on,
only the first otherwise); a position no rule matches does not break.

Applying the rules is done in two passes so that long documents stay fast: one regex made of the
break rules finds the candidate positions, then only those are checked against the rules in order.
Each rule becomes a zero-width regex, look-ahead first (see ``_rule_regex``); the cost stays linear
for rules whose patterns fail at once at most positions, as sentence rules do, but SRX allows any
regex, and a user's rule can be as slow as the regex it contains.
Rules are written in Java regex syntax (that of the SRX tools); the few Java-only constructs are
translated for the ``regex`` module, which already knows ``\\p{Lu}``, possessive quantifiers and
variable-length look-behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import regex
from lxml import etree

from ..errors import Invalid
from ..io.files import atomic_write
from ..io.xmlsafe import XMLSource, parse_xml, source_name, split_tag

SRX20_NS = "http://www.lisa.org/srx20"
SRX10_NS = "http://www.lisa.org/srx10"


@dataclass(frozen=True, slots=True)
class SrxRule:
    """One ``<rule>``: break (or not) where ``before`` ends and ``after`` starts (Java regex text)."""

    is_break: bool
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class LanguageMap:
    """One ``<languagemap>``: languages whose code fully matches ``pattern`` use rules ``rule_name``."""

    pattern: str
    rule_name: str


@dataclass(frozen=True)
class SrxRules:
    """The content of an SRX file. Segmenters compiled from it are cached per language."""

    language_rules: dict[str, tuple[SrxRule, ...]]
    language_maps: tuple[LanguageMap, ...]
    cascade: bool = True
    segment_subflows: bool = True
    # <formathandle type=… include=…> of the header, kept only to be written back
    format_handles: tuple[tuple[str, bool], ...] = ()
    _segmenters: dict[str, SrxSegmenter] = field(default_factory=dict, compare=False, repr=False)

    def rules_for(self, lang: str) -> list[SrxRule]:
        """The rules that apply to ``lang`` (a language code as given), in the order they are tried."""
        rules: list[SrxRule] = []
        for language_map in self.language_maps:
            pattern = java_to_python(language_map.pattern)
            if regex.fullmatch(pattern, lang, regex.IGNORECASE | regex.VERSION1):
                rules.extend(self.language_rules.get(language_map.rule_name, ()))
                if not self.cascade:
                    break
        return rules

    def segmenter(self, lang: str) -> SrxSegmenter:
        found = self._segmenters.get(lang)
        if found is None:
            found = self._segmenters[lang] = SrxSegmenter(self.rules_for(lang))
        return found


class SrxSegmenter:
    """The rules of one language, compiled once."""

    def __init__(self, rules: list[SrxRule]):
        self._rules = [(rule.is_break, _compile_rule(rule)) for rule in rules]
        breaking = [rule for rule in rules if rule.is_break]
        self._candidates = (
            regex.compile("|".join(f"(?:{_rule_regex(rule)})" for rule in breaking), regex.VERSION1)
            if breaking
            else None
        )

    def break_positions(self, text: str) -> list[int]:
        """Offsets (0 < offset < len(text)) where ``text`` breaks."""
        if self._candidates is None:
            return []
        positions = []
        for candidate in self._candidates.finditer(text):
            position = candidate.start()
            if 0 < position < len(text) and self._breaks_at(text, position):
                positions.append(position)
        return positions

    def split(self, text: str) -> list[str]:
        """``text`` cut at every break position; the pieces joined give ``text`` back."""
        bounds = [0, *self.break_positions(text), len(text)]
        return [text[start:end] for start, end in zip(bounds, bounds[1:])]

    def _breaks_at(self, text: str, position: int) -> bool:
        for is_break, compiled in self._rules:
            if compiled.match(text, position):
                return is_break
        return False


# ---- reading -------------------------------------------------------------------------------------


def read_srx(source: XMLSource) -> SrxRules:
    """Parse an SRX 2.0 (or 1.0) file; every problem is a one-line ``TmtoolError`` naming the file."""
    path = source_name(source)
    root = parse_xml(source).getroot()
    ns, name = split_tag(root.tag)
    if name != "srx" or ns not in (SRX20_NS, SRX10_NS):
        raise Invalid(
            f"not an SRX file: root element is {root.tag!r}, expected srx in namespace {SRX20_NS}",
            path=path,
            line=root.sourceline,
        )

    def q(name: str) -> str:
        return f"{{{ns}}}{name}"

    header = root.find(q("header"))
    body = root.find(q("body"))
    if header is None or body is None:
        raise Invalid("SRX file lacks <header> or <body>", path=path, line=root.sourceline)

    language_rules: dict[str, tuple[SrxRule, ...]] = {}
    for language_rule in body.iterfind(f"{q('languagerules')}/{q('languagerule')}"):
        name = _required(language_rule, "languagerulename", path)
        if name in language_rules:
            line = language_rule.sourceline
            raise Invalid(f"languagerule {name!r} is defined twice", path=path, line=line)
        language_rules[name] = tuple(_read_rule(rule, q, path) for rule in language_rule.iterfind(q("rule")))

    # SRX 1.0 wraps the language maps in <maprule>; it has no cascading
    maps_xpath = f"{q('maprules')}/{q('languagemap')}" if ns == SRX20_NS else f".//{q('languagemap')}"
    language_maps = []
    for language_map in body.iterfind(maps_xpath):
        pattern = _required(language_map, "languagepattern", path)
        name = _required(language_map, "languagerulename", path)
        if name not in language_rules:
            line = language_map.sourceline
            raise Invalid(f"languagemap names unknown languagerule {name!r}", path=path, line=line)
        _check_regex(java_to_python(pattern), "languagepattern", path, language_map.sourceline)
        language_maps.append(LanguageMap(pattern, name))

    return SrxRules(
        language_rules=language_rules,
        language_maps=tuple(language_maps),
        cascade=ns == SRX20_NS and _yes(header, "cascade", path, default=False),
        segment_subflows=_yes(header, "segmentsubflows", path, default=True),
        format_handles=tuple(
            (_required(handle, "type", path), _yes(handle, "include", path, default=False))
            for handle in header.iterfind(q("formathandle"))
        ),
    )


def _read_rule(element: etree._Element, q, path: str | None) -> SrxRule:
    before = element.findtext(q("beforebreak")) or ""
    after = element.findtext(q("afterbreak")) or ""
    rule = SrxRule(_yes(element, "break", path, default=True), before, after)
    _check_regex(_rule_regex(rule), "rule", path, element.sourceline)
    return rule


def _required(element: etree._Element, attribute: str, path: str | None) -> str:
    value = element.get(attribute)
    if value is None:
        where = etree.QName(element).localname
        raise Invalid(f"<{where}> lacks the {attribute} attribute", path=path, line=element.sourceline)
    return value


def _yes(element: etree._Element, attribute: str, path: str | None, *, default: bool) -> bool:
    value = element.get(attribute)
    if value is None:
        return default
    if value not in ("yes", "no"):
        raise Invalid(f"{attribute}={value!r} must be yes or no", path=path, line=element.sourceline)
    return value == "yes"


def _check_regex(pattern: str, what: str, path: str | None, line: int | None) -> None:
    try:
        regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise Invalid(f"bad regex in {what}: {exc}: {pattern!r}", path=path, line=line) from None


# ---- writing -------------------------------------------------------------------------------------


def write_srx(rules: SrxRules, out: BinaryIO | str | Path) -> None:
    """Write ``rules`` as SRX 2.0 XML, to a binary stream or (atomically) to a file."""
    nsmap = {None: SRX20_NS}

    def sub(parent: etree._Element, name: str, **attributes: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{SRX20_NS}}}{name}", attributes, nsmap=nsmap)

    root = etree.Element(f"{{{SRX20_NS}}}srx", {"version": "2.0"}, nsmap=nsmap)
    header = sub(
        root, "header", segmentsubflows=_yes_no(rules.segment_subflows), cascade=_yes_no(rules.cascade)
    )
    for handle_type, include in rules.format_handles:
        sub(header, "formathandle", type=handle_type, include=_yes_no(include))
    body = sub(root, "body")
    language_rules = sub(body, "languagerules")
    for name, rule_list in rules.language_rules.items():
        language_rule = sub(language_rules, "languagerule", languagerulename=name)
        for rule in rule_list:
            element = sub(language_rule, "rule", **{"break": _yes_no(rule.is_break)})
            if rule.before:
                sub(element, "beforebreak").text = rule.before
            if rule.after:
                sub(element, "afterbreak").text = rule.after
    maprules = sub(body, "maprules")
    for language_map in rules.language_maps:
        sub(
            maprules,
            "languagemap",
            languagepattern=language_map.pattern,
            languagerulename=language_map.rule_name,
        )

    etree.indent(root, space="  ")
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    if isinstance(out, (str, Path)):
        with atomic_write(out) as f:
            f.write(data)
    else:
        out.write(data)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


# ---- Java regex → regex module -------------------------------------------------------------------

_JAVA_QUOTED = regex.compile(r"\\Q(.*?)(?:\\E|$)", regex.DOTALL)
_JAVA_CLASSES = {
    r"\p{javaLowerCase}": r"\p{Ll}",
    r"\p{javaUpperCase}": r"\p{Lu}",
    r"\p{javaWhitespace}": r"\s",
    r"\p{javaLetter}": r"\p{L}",
    r"\p{javaDigit}": r"\p{Nd}",
    r"\p{javaLetterOrDigit}": r"[\p{L}\p{Nd}]",
}


def java_to_python(pattern: str) -> str:
    """Translate the Java-only parts of an SRX regex (``\\Q…\\E`` quoting, ``\\p{javaX}`` classes)."""
    pattern = _JAVA_QUOTED.sub(lambda m: regex.escape(m.group(1)), pattern)
    for java, python in _JAVA_CLASSES.items():
        pattern = pattern.replace(java, python)
    return pattern


def _rule_regex(rule: SrxRule) -> str:
    """A zero-width regex that matches exactly at the positions where ``rule`` applies."""
    before = f"(?<={java_to_python(rule.before)})" if rule.before else ""
    after = f"(?={java_to_python(rule.after)})" if rule.after else ""
    # the look-ahead goes first: in real rules it starts with a blank or a capital and fails at once
    # at most positions, while a variable-length look-behind may scan back over a whole run of text
    return after + before


def _compile_rule(rule: SrxRule) -> regex.Pattern:
    return regex.compile(_rule_regex(rule), regex.VERSION1)
