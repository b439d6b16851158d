"""Packages of CAT tools: memoQ's .mqxlz, Trados Studio's project (.sdlppx) and return (.sdlrpx) packages.

Each is a ZIP archive holding the job's bilingual files: a memoQ package its ``document.mqxliff``, a Trados
package an ``.sdlxliff`` for each document under its target language's folder (``fr-FR/…``), beside the
project file and the translation memories sent with it (``.sdltm``, in a folder of their own, read wherever
the package holds them). The bilingual files (``.sdlxliff``, ``.mqxliff``, ``.mxliff``, ``.xlf``, ``.xliff``)
are read with the XLIFF reader, in the order the package lists them, then its memories with the Trados memory
reader (:mod:`tmtool.formats.sdltm`), each from memory: nothing is unpacked, so no member's name (``../x``,
``/etc/x``) can lead a write anywhere, and no temporary file is left. What those members may unzip to is
bounded by :data:`tmtool.io.xmlsafe.PACKAGE_LIMIT` (a ZIP bomb is refused before any is read). A damaged or
encrypted package is refused in one line naming the package and, when one is at fault, its member.

A memory's unit whose languages, source and target texts a bilingual file of the package gives as a
translation (neither untranslated nor unconfirmed) is that file's unit, codes and all: a segment
confirmed in the job and saved to its memory is imported once, as the bilingual file has it, whatever
codes the memory gives it (a memory keeps no native code).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from ..errors import Invalid, TmtoolError
from ..io.xmlsafe import PACKAGE_ERRORS, PACKAGE_LIMIT
from ..model import Unit
from .sdltm import read_sdltm
from .skips import OnSkip, refuse
from .xliff import is_unconfirmed, is_untranslated, read_xliff

BILINGUAL = (".sdlxliff", ".mqxliff", ".mxliff", ".xlf", ".xliff")
MEMORIES = (".sdltm",)


def read_package(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Unit]:
    """The units of every bilingual file in a package, then those of every memory it carries."""
    name = str(path)
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Invalid(f"not a readable package (a ZIP archive): {exc}", path=name) from None
    with package:
        files = [info for info in package.infolist() if not info.is_dir()]
        bilingual = [info for info in files if info.filename.lower().endswith(BILINGUAL)]
        memories = [info for info in files if info.filename.lower().endswith(MEMORIES)]
        if not bilingual and not memories:
            raise Invalid(f"a package holding no bilingual file ({', '.join(BILINGUAL)}) and no translation"
                              f" memory ({', '.join(MEMORIES)})", path=name)
        # zipfile reads no more of a member than its entry declares, so the declared sizes bound the reading
        if sum(info.file_size for info in bilingual + memories) > PACKAGE_LIMIT:
            raise Invalid(f"its bilingual files and memories unzip to more than {PACKAGE_LIMIT >> 20} MiB;"
                              " refused as a ZIP bomb", path=name)
        translated: dict[tuple[str, str, str, str], Unit] = {}  # the bilingual files' translations by their texts
        for info in bilingual:
            for unit in _member_units(package, info, read_xliff, name, on_skip):
                if not is_untranslated(unit) and not is_unconfirmed(unit):
                    translated.setdefault(_texts(unit), unit)
                yield unit
        for info in memories:
            for unit in _member_units(package, info, read_sdltm, name, on_skip):
                yield translated.get(_texts(unit), unit)


def _texts(unit: Unit) -> tuple[str, str, str, str]:
    return unit.srclang, unit.tgtlang, unit.source, unit.target


def _member_units(package: zipfile.ZipFile, info: zipfile.ZipInfo, reader: Callable[..., Iterator[Unit]],
                  name: str, on_skip: OnSkip) -> Iterator[Unit]:
    """The units ``reader`` reads from the member ``info`` of the package at ``name``, read from memory."""
    try:
        data = package.read(info)
    except (zipfile.BadZipFile, RuntimeError, *PACKAGE_ERRORS) as exc:  # RuntimeError: encrypted
        raise Invalid(f"a damaged package: {info.filename} cannot be read ({exc})", path=name) from None
    where = _member(info.filename)
    try:
        yield from reader(io.BytesIO(data), on_skip=lambda skipped: on_skip(
            replace(skipped, path=name, line=None, reason=f"{where(skipped.line)}: {skipped.reason}")))
    except TmtoolError as exc:
        if exc.path == name:  # a unit passed over, refused (strict): already said where
            raise
        raise Invalid(f"{where(exc.line)}: {exc.message}", path=name) from None


def _member(filename: str):
    """How a message names a place in the package's member ``filename``: the member, and the line."""
    return lambda line: f"{filename}, line {line}" if line else filename
