"""Bytes in and out, below everything that knows what the bytes mean: text decoding (``decoding``),
safe XML parsing (``xmlsafe``) and atomic file writes (``files``).

``tmtool.text`` and ``tmtool.formats`` both stand on this package, and it imports neither; nothing is
imported here, so that reading a text file does not load lxml.
"""
