"""Markdown (CommonMark, with GitHub's tables): the text it renders, read as an HTML page's.

Markdown is written to be rendered: a translator reads the rendered page, not its syntax. Read as plain text, a
heading kept its ``#``, a sentence its ``**`` and its links' addresses, a table its bars and its ruler row. The file
is rendered with markdown-it (the CommonMark reference's port, as Smartling renders Markdown to HTML to translate it)
and the HTML read as a page's article (``_html_paragraphs``): a link's text without its address, a table cell by cell,
a hard line break as a Word line break. Footnotes (``[^1]`` in the text, ``[^1]: …`` defining it, as GitHub, Pandoc
and PHP Markdown Extra write them; markdown-it's footnote plugin) render as GitHub shows them, each note at the page's
end, its call a link reading *[1]*, which the page's reading leaves out as a note's call; read as plain Markdown, the
call stayed in the sentence and the notes ran on into one paragraph. A note no call cites, which the plugin leaves out,
is read after those cited. A task list's boxes (GitHub's ``- [x]``) are boxes, not text; a definition list's terms and
definitions (Pandoc's, PHP Markdown Extra's, MkDocs' ``Terme`` over ``: définition``) are paragraphs of their own (a
line of prose over ``:`` is a paragraph wrapped there); a heading's attributes (``# Installation {#installation}``)
name its anchor, and are left out, as are those set right after an image, a link, an emphasis or a bracketed span
(Pandoc's, Quarto's, kramdown's ``{width=50%}``, ``{.smallcaps}``). An abbreviation's definition (PHP Markdown Extra's, Pandoc's, Python-Markdown's
``*[OTAN]: Organisation du Traité de l'Atlantique Nord``) is no text of the page: those tools take the line out and
mark the abbreviation where the text uses it, its expansion shown on hover as an HTML ``<abbr title>`` (which the page's
reading leaves out too); the line is left out, as are kramdown's attribute lists (``{: .lead }``) and Pandoc's fenced
divs' fences (``::: {.warning}``), markup around the blocks they mark; a site generator's template call on a line of
its own (Hugo's shortcode, ``{{< figure … >}}``; Jekyll's Liquid tag, ``{% include … %}``) is read as the site shows
it: its caption, title and alternative text (a Jekyll theme's note, ``{% include note.html content="…" %}``, its
content), and the text it encloses, on its lines or on its own (``{{< alert >}}Texte{{< /alert >}}``); a fenced div's or
a container's title (Quarto's ``::: {.callout-note title="…"}``, VitePress' ``::: warning Titre``) is read. An image's description
and title (``![carte des zones](carte.png "Carte")``) are read as an HTML image's ``alt`` and ``title`` are, each a paragraph after the one the image stands in, but for an image a link
shows (a badge). An admonition (MkDocs' ``!!! note "Titre"``,
GitHub's ``> [!NOTE]``) is read as its site shows it: its title and its text, not its kind's mark. A block of code is
code, which CAT tools leave
untranslated by default (Phrase's *Import code blocks*, Okapi's option to leave it out): left out; code in a sentence
is read in it. A front matter (Jekyll's and Hugo's YAML between ``---`` lines, TOML between ``+++``) is the page's
metadata: its title and description are read as the page's first paragraphs, as the site shows them, its other keys
not.
"""

from __future__ import annotations

import re
from html import escape
from itertools import islice

from ...errors import Invalid
from ...io.decoding import decode_western_text
from .base import _Reading, refuse_control_characters
from .html import _html_paragraphs


MARKDOWN_EXTENSIONS = {".md", ".markdown"}
# how deep markdown-it nests blocks (a list's item in a list: two levels), past CommonMark's preset's 20, where a list
# ten deep lost its last item and the paragraphs after it; the HTML read is refused deeper than 256
_MAX_NESTING = 100
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# a front matter's line: a YAML key, a TOML key or table, a list's item, a comment, a value carried on indented lines;
# a file opening with a thematic break (``---``) and a setext heading's underline further down holds prose between them
_FRONT_MATTER_LINE = re.compile(r"[\w.\"'-]+[ \t]*(?::(?:[ \t]|$)|=)|\[.*\]$|-(?:[ \t]|$)|#|[ \t]|$")
# the keys of a front matter whose values the site shows as text, a YAML or a TOML scalar: on its line, or on the
# indented lines under it (YAML's block scalars, ``|`` and ``>``, and a plain scalar carried on)
_SHOWN_KEY = re.compile(r"(?:title|subtitle|description|summary)[ \t]*[:=][ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*")
# an admonition, a note set apart: Python-Markdown's (MkDocs: ``!!! note "Titre"``, or ``???`` folded, its text indented
# under it; its kind followed by more classes, Material's ``!!! info inline end "Titre"``) and GitHub's alert (a
# quotation opening with ``[!NOTE]``), whose kind the site shows as a label of its own
_ADMONITION = re.compile(r"(?m:^)(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*"
                         r"(?:[ \t]+\"(?P<title>.*)\")?[ \t]*")
_ALERT = re.compile(r"(?m:^)(?P<quote>[ \t]*>[ \t]?)\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*", re.IGNORECASE)
_FENCE = re.compile(r"[ \t]*(?:```|~~~)")
# a heading's attributes after its text (``# Installation {#installation}``, ``{.unnumbered}``, ``{-}``, ``{: #id }``:
# Pandoc's, kramdown's, Python-Markdown's attr_list, MkDocs'), which name the heading's anchor or class, never shown
_ATTRIBUTE = r"(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_HEADING_ATTRIBUTES = re.compile(rf"[ \t]+\{{:?[ \t]*(?:-|{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*)[ \t]*\}}[ \t]*$")
# and the attributes set right after an image, a link, an emphasis or code (Pandoc's and Quarto's ``![Carte](c.png){width=50%}``,
# ``[site](…){target="_blank"}``, kramdown's ``*mot*{: .rouge}``), or after a bracketed span's text (Pandoc's
# ``[texte]{.smallcaps}``, the span shown as its text)
_INLINE_ATTRIBUTES = re.compile(rf"\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}")
_BRACKETED_SPAN = re.compile(rf"\[([^\[\]]*)\]{_INLINE_ATTRIBUTES.pattern}")
_ATTRIBUTED = {"link_close", "image", "em_close", "strong_close", "s_close", "code_inline"}
# a definition's mark opening a line (``: définition``, ``~ définition``), under its term, a line of a few words; a
# line of ``_TERM_WORDS`` or more over it is prose wrapped before its *:* or *~* (*… dans cet ordre* ⏎ *: la
# dissuasion…*), a paragraph going on as GitHub shows it
_DEFINITION_MARK = re.compile(r"(?P<indent> {0,3})(?=[:~][ \t])")
_TERM_WORDS = 8
# an abbreviation's definition, a line of its own (up to three spaces in, as PHP Markdown Extra and Python-Markdown's abbr
# read it; ``*[OTAN]: …``, ``*[Etat-major] : …``)
_ABBREVIATION = re.compile(r" {0,3}\*\[[^\]]+\][ \t]?:.*")
# but a line set in italics whole, its first words bracketed (an editor's note, ``*[Mis à jour le 3 mars] : …*``), is text
_EMPHASIS_LINE = re.compile(r" {0,3}\*(?!\s).*[^\s\\*]\*[ \t]*")
# a line of markup that a site's renderer reads and shows nothing of: kramdown's attribute list for the block over it
# (``{: .lead }``, Jekyll's default renderer; its named lists, ``{:note: .callout}``) and a Pandoc or Quarto fenced
# div's fence (``::: {.callout-note}``, ``::: warning``, ``:::``, ``::: warning :::``), around blocks that are read
_MARKUP_LINE = re.compile(r" {0,3}(?:\{:[^{}]*\}|:{3,}(?:[ \t]*(?:\{[^{}]*\}|[\w-]+)(?:[ \t]+:{3,})?)?)[ \t]*")
# a line that is a site generator's template call: Hugo's shortcode (``{{< figure src="…" caption="…" >}}``, ``{{% note
# %}}`` … ``{{% /note %}}``) and Jekyll's Liquid tag (``{% include note.html %}``); what it shows of the author's is its
# caption, title or alternative text, read as a paragraph each, as an image's are, and the text it encloses
_TEMPLATE_CALL = r"(?:\{\{[<%](?:(?![%>]\}\}).)*[%>]\}\}|\{%(?:(?!%\}).)*%\})"  # one call, up to its own end
_TEMPLATE_LINE = re.compile(rf" {{0,3}}{_TEMPLATE_CALL}[ \t]*")
# and a call enclosing its text on one line (Docsy's ``{{< alert title="…" >}}Texte{{< /alert >}}``, Liquid's ``{% if
# … %}Texte{% endif %}``): the text is the author's, read as the call's own paragraph
_ENCLOSING_LINE = re.compile(rf" {{0,3}}({_TEMPLATE_CALL})(.*?){_TEMPLATE_CALL}[ \t]*")
# (``content``: a Jekyll theme's note, ``{% include note.html content="…" %}``, shows it as the note's text)
_SHOWN_ATTRIBUTE = re.compile(r"""\b(?:caption|title|alt|content)=(?:"([^"]*)"|'([^']*)')""")
# a block of code a template call sets (Jekyll's ``{% highlight ruby %}`` … ``{% endhighlight %}``, Hugo's ``{{< highlight go
# >}}`` … ``{{< /highlight >}}``): code, as a fenced block is
_CODE_CALL = re.compile(r" {0,3}(?:\{%-?[ \t]*(?:end)?highlight\b[^%]*-?%\}|\{\{[<%][ \t]*/?highlight\b.*?[%>]\}\})[ \t]*")
# a fenced div's or a container's title: Quarto's ``::: {.callout-note title="…"}``, VitePress' ``::: warning Titre``
_FENCE_TITLE = re.compile(r" {0,3}:{3,}[ \t]*[\w-]+[ \t]+(?!:{3,}[ \t]*$)(\S.*?)[ \t]*")


def _shown_values(front_matter: str) -> list[str]:
    """The values of a front matter's ``_SHOWN_KEY``s, each as one line."""
    values: list[list[str]] = []
    carried = False  # the indented lines under a shown key are its value's
    for line in front_matter.splitlines():
        if carried and line[:1] in (" ", "\t") and line.strip():
            values[-1].append(line.strip())
            continue
        key = _SHOWN_KEY.fullmatch(line)
        carried = key is not None
        if key:
            values.append([] if _BLOCK_SCALAR.fullmatch(key.group(1)) or not key.group(1) else [key.group(1)])
    return [_scalar(" ".join(value)) for value in values]


def _markdown_paragraphs(data: bytes, path: str) -> _Reading:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    text = decode_western_text(data, path, written_by="what Windows editors save as ANSI text in Western Europe")
    refuse_control_characters(text, path)
    shown = []
    front = _FRONT_MATTER.match(text)
    if front and all(_FRONT_MATTER_LINE.match(line) for line in front.group(2).splitlines()):
        shown = _shown_values(front.group(2))
        text = text[front.end():]
    markdown = (MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
                .use(footnote_plugin).use(tasklists_plugin).use(deflist_plugin))
    for rule in ("link_open", "link_close", "fence", "code_block"):  # a link's text as text; code is no prose
        markdown.add_render_rule(rule, lambda *_: "")
    markdown.core.ruler.before("footnote_tail", "footnote_uncited", _uncited_footnotes)
    markdown.core.ruler.push("image_in_link", _mark_images_in_links)
    markdown.core.ruler.after("inline", "heading_attributes", _without_heading_attributes)
    # an image as a page's: its description and title read after its paragraph (``_html_paragraphs``); but an image a
    # link shows is the link's picture, a badge (*Build Status*), a thumbnail, no sentence's words
    image = markdown.renderer.rules["image"]
    markdown.add_render_rule("image", lambda renderer, tokens, index, options, env: (
        "" if _in_link(tokens, index) else image(tokens, index, options, env)))
    tokens = markdown.parse(_without_wrapped_definitions(_without_admonition_marks(_without_markup_lines(text))))
    if any(token.level >= _MAX_NESTING - 1 for token in tokens):
        # markdown-it stops reading at its nesting limit and renders what it read so far: the rest would be lost unsaid
        raise Invalid(f"lists or quotes nested more than {_MAX_NESTING // 2 - 1} deep, past which the text cannot "
                          "be read: save it as plain text", path=path)
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><main>"
            + "".join(f"<p>{escape(value)}</p>" for value in shown if value)
            + markdown.renderer.render(tokens, markdown.options, {}) + "</main></body></html>")
    return _html_paragraphs(page.encode("utf-8"), path, converted=True)  # as Pandoc writes a document


def _without_admonition_marks(text: str) -> str:
    """``text`` with its admonitions as CommonMark reads text: an admonition's title (``!!! note "Remarque"``) a
    paragraph, its text (indented under it, which CommonMark reads as code from its second paragraph on, and left out)
    unindented; a GitHub alert's mark (``> [!NOTE]``) left out. Their kind is the site's label, not the author's
    text."""
    if not (_ADMONITION.search(text) or _ALERT.search(text)):
        return text
    lines, out, fenced = text.split("\n"), [], False
    index = 0
    while index < len(lines):
        line = lines[index].removesuffix("\r")
        index += 1
        fenced ^= bool(_FENCE.match(line))
        admonition = None if fenced else _ADMONITION.fullmatch(line)
        if admonition is None:
            alert = None if fenced else _ALERT.fullmatch(line)
            out.append(alert.group("quote") if alert else line)
            continue
        indent = admonition.group("indent")
        inner = indent + "    "
        following = next((after for after in islice(lines, index, None) if after.strip()), "")
        if admonition.group("title") is None and not following.startswith((inner, indent + "\t")):
            out.append(line)  # no title and no text under it: a line of the author's (*!!! Work in progress*)
            continue
        out.extend([indent + (admonition.group("title") or ""), ""])
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith((inner, indent + "\t"))):
            body = lines[index]
            out.append(indent + (body[len(inner):] if body.startswith(inner) else body[len(indent) + 1:]))
            index += 1
    return "\n".join(out)


def _without_markup_lines(text: str) -> str:
    """``text`` without its abbreviations' definitions (``_ABBREVIATION``), its lines of markup that show nothing
    (``_MARKUP_LINE``) and its template calls (``_TEMPLATE_LINE``: what they show of the author's, ``_SHOWN_ATTRIBUTE``,
    a paragraph each, and the text a call encloses on its line, ``_ENCLOSING_LINE``; a fence's title, ``_FENCE_TITLE``) as blank lines,
    a call setting a block of code as a code fence (``_CODE_CALL``), the blocks around them apart (in a block of code too, which is left out)."""
    if not any(mark in text for mark in ("*[", "{:", ":::", "{{", "{%")):
        return text
    out = []
    for line in text.split("\n"):
        bare = line.removesuffix("\r")
        if _ABBREVIATION.fullmatch(bare) and not _EMPHASIS_LINE.fullmatch(bare):
            continue
        if _CODE_CALL.fullmatch(bare):
            out.append("~" * 12)  # (a fence no code holds)
            continue
        call, inner = bare, ""  # the call or fence, and the text it encloses or titles on its line
        if not _TEMPLATE_LINE.fullmatch(bare) and (enclosing := _ENCLOSING_LINE.fullmatch(bare)):
            call, inner = enclosing.groups()
        elif titled := _FENCE_TITLE.fullmatch(bare):
            call, inner = "", titled.group(1)
        elif not (_TEMPLATE_LINE.fullmatch(bare) or _MARKUP_LINE.fullmatch(bare)):
            out.append(line)
            continue
        # what it shows (Hugo renders a figure's caption as Markdown: read as such); a kramdown list's title is a tooltip
        shown = [] if call.lstrip().startswith("{:") else [a or b for a, b in _SHOWN_ATTRIBUTE.findall(call)]
        out += ["", *(f"{text.strip()}\n" for text in (*shown, inner) if text.strip()), ""]
    return "\n".join(out)


def _without_wrapped_definitions(text: str) -> str:
    """``text`` with the mark of a definition (``_DEFINITION_MARK``) escaped where the line over it, a block's first,
    is a wrapped paragraph's (``_TERM_WORDS``), no term: the paragraph goes on, its *:* or *~* read."""
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if (_DEFINITION_MARK.match(lines[index]) and (index == 1 or not lines[index - 2].strip())
                and len(lines[index - 1].split()) >= _TERM_WORDS and not _DEFINITION_MARK.match(lines[index - 1])):
            lines[index] = _DEFINITION_MARK.sub(r"\g<indent>\\", lines[index], count=1)
    return "\n".join(lines)


def _without_heading_attributes(state) -> None:
    """Each heading without the attributes written after its text (``_HEADING_ATTRIBUTES``), and each inline element
    without those written right after it (``_INLINE_ATTRIBUTES``), a bracketed span as its text."""
    for before, block in zip(state.tokens, state.tokens[1:]):
        if before.type == "heading_open" and block.type == "inline" and block.children:
            last = block.children[-1]
            if last.type == "text":
                last.content = _HEADING_ATTRIBUTES.sub("", last.content)
    for block in state.tokens:
        children = block.children or []
        for previous, token in zip([None, *children], children):
            if token.type != "text" or "{" not in token.content:
                continue
            if previous is not None and previous.type in _ATTRIBUTED:
                token.content = re.sub(rf"^{_INLINE_ATTRIBUTES.pattern}", "", token.content)
            token.content = _BRACKETED_SPAN.sub(r"\1", token.content)


def _in_link(tokens, index: int) -> bool:
    """Whether the inline token at ``index`` of ``tokens``, an image, is inside a link (``_mark_images_in_links``)."""
    return bool((tokens[index].meta or {}).get("in_link"))


def _mark_images_in_links(state) -> None:
    """Mark each image inside a link (``meta["in_link"]``), in one pass over each inline's tokens: looking back from
    each image for the link opening it made a paragraph of thousands of images (a gallery, contributors' avatars)
    quadratic."""
    for block in state.tokens:
        depth = 0
        for token in block.children or []:
            depth += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type == "image":
                token.meta = {**(token.meta or {}), "in_link": depth > 0}


def _uncited_footnotes(state) -> None:
    """Give the footnotes that no call cites a place among the notes, after those cited, in the order they are defined:
    markdown-it's plugin renders a note only where the text calls it, and the translator translates the others too. A
    label defined again (``[^1]:`` twice) is cited at its first definition, as GitHub shows it (cmark-gfm keeps the
    first, as CommonMark does a link's reference), where the plugin kept the last and lost the first; the later
    definitions are read as notes no call cites."""
    notes = state.env.get("footnotes", {})
    cited, listed = notes.get("refs", {}), notes.setdefault("list", {})
    defined: set[str] = set()
    for token in state.tokens:
        if token.type != "footnote_reference_open":
            continue
        label = token.meta["label"]
        if label in defined:  # no label holds a space: a name of its own
            token.meta["label"] = label = f"{label} {len(defined)}"
            cited[":" + label] = -1
        defined.add(label)
    for label, number in cited.items():
        if number < 0:
            cited[label] = len(listed)
            listed[len(listed)] = {"label": label[1:], "count": 0}


def _scalar(value: str) -> str:
    """A front matter's value as the site shows it: without its quotes (``"Rapport annuel"``, ``'L''OTAN'``)."""
    if len(value) > 1 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    if len(value) > 1 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value
