"""PDF reading: paragraphs recovered from laid-out PDFs and the time taken, tmtool's reader beside pypdf's
and pdfminer's own text; and how the line-end hyphen rule decides on real words.

The PDFs are laid out by tests/pdfdocs.py (justified lines, a running header, page numbers, words broken
at line ends in their middle, compounds after their hyphen) from the French development documents of
bench/data/terms-dev, repeated to --pages pages: one column with indented paragraphs, and two columns
with spaced paragraphs. A source paragraph counts as recovered when the reader gives it exactly.

The hyphen rule is scored on the words of the development documents and the TransRead books (French
and English): every word of eight letters or more broken in its middle must be joined back, every
compound broken at its hyphen (*état-major*) must keep it.

    python bench/pdf.py [--pages 50]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from pdfdocs import write_pdf  # noqa: E402
from tmtool.text.pdf import _Hyphenation  # noqa: E402
from tmtool.text.readers import read_document  # noqa: E402

DEV = REPO / "bench" / "data" / "terms-dev"
TRANSREAD = REPO.parent / "shared" / "data" / "align" / "transread-fr-en"
LINES_PER_PAGE = 46


def hyphenate(word: str) -> list[int]:
    word = word.rstrip(".,;:»)")
    if "-" in word:
        return [word.index("-") + 1]
    return [len(word) // 2] if len(word) >= 8 and word.isalpha() else []


def paragraphs(lang: str) -> list[str]:
    """The documents' paragraphs in what Helvetica holds (Windows-1252: a Polish Ł becomes ?), no-break
    spaces as spaces (the standard encoding of Helvetica has its code 0xA0 stand for a space)."""
    return [p.strip().replace("\u00a0", " ").replace("\u202f", " ").encode("cp1252", "replace").decode("cp1252")
            for path in sorted(DEV.glob(f"*/*.{lang}.txt"))
            for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def cpu(function):
    start = time.process_time()
    result = function()
    return result, time.process_time() - start


def tmtool_paragraphs(path: Path) -> list[str]:
    return list(read_document(path, lang="fr").paragraphs)


def pypdf_paragraphs(path: Path, mode: str) -> list[str]:
    """pypdf's page text, lines joined into paragraphs at blank lines and (layout mode) indented lines."""
    from pypdf import PdfReader

    out, current = [], []
    for page in PdfReader(path).pages:
        for line in page.extract_text(extraction_mode=mode).splitlines():
            if not line.strip() or (mode == "layout" and re.match(r"\s{2,}\S", line) and current):
                if current:
                    out.append(" ".join(current))
                current = [line.strip()] if line.strip() else []
            else:
                current.append(line.strip())
    return out + ([" ".join(current)] if current else [])


def pdfminer_paragraphs(path: Path) -> list[str]:
    """pdfminer's own layout analysis: each text box a paragraph."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox

    return [" ".join(box.get_text().split()) for page in extract_pages(path) for box in page
            if isinstance(box, LTTextBox)]


def reading(pages: int) -> None:
    source = paragraphs("fr")
    print(f"| layout | reader | CPU s | paragraphs out | source paragraphs recovered ({pages} pages) |")
    print("|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, options in (("1 column, indents", dict(indent=True)),
                              ("2 columns, spaced", dict(indent=False, columns=2, width=213))):
            path = Path(folder, "doc.pdf")
            per_copy = sum(map(len, write_pdf(path, source, hyphenate=hyphenate, **options)))
            copies = -(-pages * LINES_PER_PAGE * options.get("columns", 1) // per_copy)
            text = source * copies
            write_pdf(path, text, hyphenate=hyphenate, header="OTAN SANS CLASSIFICATION", numbers="Page {}",
                      lines_per_column=LINES_PER_PAGE, **options)
            for reader, read in (("tmtool (pdfminer.six characters)", tmtool_paragraphs),
                                 ("pdfminer.six text boxes", pdfminer_paragraphs),
                                 ("pypdf plain", lambda p: pypdf_paragraphs(p, "plain")),
                                 ("pypdf layout", lambda p: pypdf_paragraphs(p, "layout"))):
                out, seconds = cpu(lambda: read(path))
                recovered = sum((Counter(out) & Counter(text)).values())
                print(f"| {name} | {reader} | {seconds:.2f} | {len(out)} | {recovered}/{len(text)} |")


def words(lang: str) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob(f"*/*.{lang}.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((TRANSREAD / lang).glob("*.txt"))]
    return re.findall(r"\w+(?:-\w+)*", "\n".join(texts))


def hyphens() -> None:
    print("| language | broken words joined | compounds kept (lower-case second part) |")
    print("|---|---:|---:|")
    for lang in ("fr", "en"):
        found = words(lang)
        rule = _Hyphenation([], lang)
        broken = sorted({w for w in found if len(w) >= 8 and w.isalpha()})
        compounds = sorted({w for w in found if w.count("-") == 1 and w.split("-")[1][:1].islower()
                            and all(part.isalpha() for part in w.split("-"))})
        joined = sum(rule.joins(w[: len(w) // 2], w[len(w) // 2:]) for w in broken)
        kept = sum(not rule.joins(*w.split("-")) for w in compounds)
        print(f"| {lang} | {joined}/{len(broken)} ({joined / len(broken):.1%}) | "
              f"{kept}/{len(compounds)} ({kept / len(compounds):.1%}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    reading(args.pages)
    print()
    hyphens()


if __name__ == "__main__":
    main()
