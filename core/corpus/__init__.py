"""The annotator's corpus: one SQLite file through sqlite-utils.

Schema and migrations (`schema`), the store (`store`) and its rows (`rows`), word search
(`search`), import of page files with its worker half (`importer`, `preparation`), the
tag vocabulary (`vocabulary`) and where the default database lives (`paths`). May import
`page`, `words`, `segmentation` and `edits`; never `export`, `cli` or a GUI.
"""
