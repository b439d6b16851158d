"""Packages of CAT tools: memoQ's .mqxlz, Trados Studio's project (.sdlppx) and return (.sdlrpx) packages.

Each is a ZIP archive holding the job's bilingual files: a memoQ package its ``document.mqxliff``, a
Trados package an ``.sdlxliff`` for each document under its target language's folder (``fr-FR/…``),
beside the project file and the memories sent with it. The bilingual files (``.sdlxliff``,
``.mqxliff``, ``.mxliff``, ``.xlf``, ``.xliff``) are read with the XLIFF reader, in the order the package
lists them, each from memory: nothing is unpacked, so no member's name (``../x``, ``/etc/x``) can lead a
write anywhere, and no temporary file is left. What the bilingual files may unzip to is bounded by
:data:`tmtool.io.xmlsafe.PACKAGE_LIMIT` (a ZIP bomb is refused before any is read). A damaged or
encrypted package is refused in one line naming the package and, when one is at fault, its member.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from ..errors import TmtoolError
from ..io.xmlsafe import PACKAGE_ERRORS, PACKAGE_LIMIT
from ..model import Unit
from .skips import OnSkip, refuse
from .xliff import read_xliff

BILINGUAL = (".sdlxliff", ".mqxliff", ".mxliff", ".xlf", ".xliff")


def read_package(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Unit]:
    """The units of every bilingual file in a package."""
    name = str(path)
    try:
        package = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise TmtoolError(f"not a readable package (a ZIP archive): {exc}", path=name) from None
    with package:
        members = [info for info in package.infolist()
                   if not info.is_dir() and info.filename.lower().endswith(BILINGUAL)]
        if not members:
            raise TmtoolError(f"a package holding no bilingual file ({', '.join(BILINGUAL)})", path=name)
        # zipfile reads no more of a member than its entry declares, so the declared sizes bound the reading
        if sum(info.file_size for info in members) > PACKAGE_LIMIT:
            raise TmtoolError(f"its bilingual files unzip to more than {PACKAGE_LIMIT >> 20} MiB; refused as a"
                              " ZIP bomb", path=name)
        for info in members:
            try:
                data = package.read(info)
            except (zipfile.BadZipFile, RuntimeError, *PACKAGE_ERRORS) as exc:  # RuntimeError: encrypted
                raise TmtoolError(f"a damaged package: {info.filename} cannot be read ({exc})", path=name) from None
            where = _member(info.filename)
            try:
                yield from read_xliff(io.BytesIO(data), on_skip=lambda skipped: on_skip(
                    replace(skipped, path=name, line=None, reason=f"{where(skipped.line)}: {skipped.reason}")))
            except TmtoolError as exc:
                if exc.path == name:  # a unit passed over, refused (strict): already said where
                    raise
                raise TmtoolError(f"{where(exc.line)}: {exc.message}", path=name) from None


def _member(filename: str):
    """How a message names a place in the package's member ``filename``: the member, and the line."""
    return lambda line: f"{filename}, line {line}" if line else filename
