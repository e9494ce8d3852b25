"""banmian's core: everything that runs without a window, one package per job.

page ← words ← segmentation ← corpus ← export ← cli, with edits over page alone;
tests/test_architecture.py holds every module to that direction.
"""
