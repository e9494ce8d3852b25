"""A whole archive without the window: page files to Parquet shards, shards to a database.

`plan` cuts an archive into shards (one newspaper, one month, a few hundred pages each),
`shards` writes and reads them (the page-segmentation JSON and the article rows, one
Parquet file each, written whole or not at all), `run` prepares the shards' pages on a
Dask cluster (local processes by default) and skips the shards already finished, and
`load` brings chosen shards into an annotation database without segmenting again. The
page work is corpus.preparation's, the same function `banmian import` runs. May import
`page`, `words`, `segmentation`, `edits` and `corpus`; never `export`, `cli` or a GUI.
"""
