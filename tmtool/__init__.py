"""tmtool: a French–English translation memory and terminology tool.

Data flows one way: read → segment → align → store → extract → export.
The public API lives in the sub-packages; ``tmtool.cli`` is a thin layer over it.
"""

__version__ = "0.1.0"
