"""Corpora out of banmian: which articles leave, as which rows, in which format.

`articles` is the entry point (`export_articles`); it ties together the selection
(`selection`), one row per article (`rows`, with the text-derived `fields`: dateline,
authors, byline), whole articles across pages (`whole`), the file formats (`formats`)
and what a target may replace (`targets`). May import everything in core below it
(`corpus`, `segmentation`, `words`, `page`), never `cli` or a GUI.
"""
