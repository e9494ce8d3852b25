"""Every correction an annotator can make, as a pure function on a segmentation.

Structural edits (`structure`: split, merge, move, roles, paragraphs, order), an
article's details and tags (`details`), and what taking a doubt's alternative means
(`doubts`). Each returns a new segmentation and a `Change`. May import `page` only.
"""
