"""File formats, one module each: filters at the edges that turn files into model objects and back,
listed in ``registry`` (name, kind, extensions, reader, writer), where import and export find them.

All XML is parsed through ``tmtool.io.xmlsafe`` (or, for XLSX, checked by it first); every file is
written through ``tmtool.io.files.atomic_write``. Readers refuse a file that is not what it claims to
be, and pass over the units or entries of a valid file that cannot be used, telling their ``on_skip``
callback (``skips``). Inline codes are kept as TMX 1.4b markup whatever the format they came from (``inline``).
"""
