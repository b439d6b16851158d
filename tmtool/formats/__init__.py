"""File formats, one module each: filters at the edges that turn files into model objects and back.

All XML is parsed through ``xmlsafe``; every file is written through ``tmtool.fileio.atomic_write``.
"""
