"""Development corpus: real People's Daily articles laid out as simulated pages, with gold.

Scripts only; the data is built outside the repository (news text is copyrighted) by
`python -m tests.devcorpus.build`. Nothing here is collected by pytest, and nothing
imports reportlab, pdfminer or pypdfium2 at module level.
"""
