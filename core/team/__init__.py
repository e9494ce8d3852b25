"""A team on one corpus, without a server: batches, agreement, curation and merge.

One SQLite file per annotator stays the unit of work (robust, offline); this package
adds what a project lead does across those files: hand out batches of a main database
(`batch`), measure how two annotators agree on page structure (`versions`, `compare`,
`agreement`), resolve their disagreements into a curated version (`curation`) and bring
every verified or curated page back into the main database (`merge`). `info` says what a
file is in a team. Sits above `corpus` (it reads and writes stores) and below `cli`.
"""
