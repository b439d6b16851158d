"""Text between reading and aligning: documents as paragraphs (``readers``), sentences (``segment``),
and the one folding of words and terms (``normalize``).

Nothing is imported here, so that importing one module does not load the others' dependencies; the
segmentation API is ``tmtool.text.segment``, the SRX engine ``tmtool.text.srx``.
"""
