"""Corpora out of banmian: which articles leave, as which rows, in which format.

The export itself with its selection and atomic writing (`articles`) and the file
formats (`formats`). May import everything in core below it (`corpus`, `segmentation`,
`words`, `page`), never `cli` or a GUI.
"""
