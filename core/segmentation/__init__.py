"""From a page's raw lines to a proposed segmentation, and how close one is to another.

Line evidence (`evidence`, bylines and datelines among it), the line model
(`features`, `labels`, `line_model`, `training`), heading attachment (`headings`), the
segmenter itself (`segmenter`) and the scores `banmian eval` prints (`metrics`, `fixes`). May import `page` and `words`; never the corpus, the export or a GUI.
"""
