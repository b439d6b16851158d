"""Equations read as their linear text, as Office's linear format (UnicodeMath) writes them: *v=d/t*, *x^2*,
*x_i*, *x_i^2*, *∑_(i=1)^n a_i*, *√x*; for Word's equations (OMML, ``office._DocxWalk._math``) and MathML (a
formula LibreOffice embeds, an equation in a page). A script is no longer glued to its base (*x2* for x²)."""

from __future__ import annotations

from ...io.xmlsafe import split_tag


_CLOSING = {"(": ")", "[": "]", "{": "}", "|": "|", "⟨": "⟩", "〖": "〗"}
# the n-ary operators, whose limits are written as scripts and followed by a space before what they operate on
_NARY = set("∑∏∐∫∬∭∮∯∰⋀⋁⋂⋃⨀⨁⨂")
_ROOTS = {"": "√", "2": "√", "3": "∛", "4": "∜"}


def _operand(text: str) -> str:
    """``text`` as the operand of a script, in brackets unless it is one character, a run of letters and
    digits (*x*, *ij*, *10*) or bracketed already (*(a+b)*): *x^(n+1)*, *x_(i=1)*."""
    if len(text) <= 1 or text.isalnum() or _bracketed(text):
        return text
    return f"({text})"


def _bracketed(text: str) -> bool:
    """Whether ``text`` is one bracketed group: *(a+b)*, not *(a)+(b)*."""
    closing = _CLOSING.get(text[0])
    if closing is None or text[-1] != closing:
        return False
    depth = 0
    for index, character in enumerate(text):
        if character == text[0] and (character != closing or index == 0):
            depth += 1
        elif character == closing:
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False


def scripted(base: str, sub: str = "", sup: str = "") -> str:
    """A base with its subscript and superscript (or its limits below and above): *x_i^2*, *∑_(i=1)^n *."""
    text = _operand(base) if base else ""
    if sub:
        text += "_" + _operand(sub)
    if sup:
        text += "^" + _operand(sup)
    return text + " " if base in _NARY and (sub or sup) else text


def root(radicand: str, degree: str = "") -> str:
    """A radical: *√x*, *∛(a+b)*, *√(n&x)* as the linear format writes a root of another degree."""
    sign = _ROOTS.get(degree)
    return sign + _operand(radicand) if sign else f"√({degree}&{radicand})"


def accented(base: str, mark: str) -> str:
    """A base with its accent, a combining mark written after it, over a bracketed group when the base is longer
    than a letter (*x̂*, *ẋ*, *(AB)⃗*)."""
    return (base if len(base) <= 1 or _bracketed(base) else f"({base})") + mark


def prefixed(sign: str, operand: str) -> str:
    """An operand with a sign written before it: a bar over or under it, a brace (*¯x*, *▁(a+b)*, *⏟(a+b)*), a box
    (*▭(E=mc^2)*)."""
    return sign + _operand(operand)


def grid(rows: list[list[str]], sign: str = "■") -> str:
    """A matrix, its rows split by ``@`` and a row's cells by ``&`` (*■(a&b@c&d)*), or with ``sign`` █ an equation
    array, one equation a row (*█(x+y=1@x−y=0)*)."""
    return f"{sign}({'@'.join('&'.join(row) for row in rows)})"


def mathml_text(element) -> str:
    """A MathML equation (or one of its elements) as its linear text: its tokens in order (MathML trims their
    spaces), a fraction *a/b*, scripts and limits (``scripted``), roots (``root``); not its annotations (the
    formula's source: StarMath, TeX)."""
    children = [child for child in element if isinstance(child.tag, str)
                and split_tag(child.tag)[1] not in ("annotation", "annotation-xml")]
    texts = [mathml_text(child) for child in children]
    local = split_tag(element.tag)[1] if isinstance(element.tag, str) else ""
    if element.get("accent") == "true" or element.get("accentunder") == "true":  # x̄, x⃗: the sign beside its letter
        return "".join(texts)
    if local == "mfrac" and len(texts) == 2:
        return f"{texts[0]}/{texts[1]}"
    if local in ("msub", "munder") and len(texts) == 2:
        return scripted(texts[0], sub=texts[1])
    if local in ("msup", "mover") and len(texts) == 2:
        return scripted(texts[0], sup=texts[1])
    if local in ("msubsup", "munderover") and len(texts) == 3:
        return scripted(*texts)
    if local == "mtable":
        return grid([[mathml_text(cell) for cell in row if isinstance(cell.tag, str)] for row in children])
    if local == "msqrt":
        return root("".join(texts))
    if local == "mroot" and len(texts) == 2:
        return root(texts[0], texts[1])
    return (element.text or "").strip() + "".join(texts)
