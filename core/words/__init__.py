"""Chinese words: jieba behind one module (`nlp`), keywords, entities and suggested tags.

`nlp` is the only importer of jieba in banmian. May import `page` only; the segmenter and
the corpus use it, never the other way round.
"""
