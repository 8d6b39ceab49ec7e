"""``kb build``: records → Markdown docs trees → one MkDocs + Material site per language → swapped into place.

The stages are an ordered list of named functions (``pipeline.STAGES``),
not a plugin system; page generation (``kbtool.render``) knows nothing of
MkDocs, which only turns each generated tree into HTML.
"""
