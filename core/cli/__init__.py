"""The `banmian` command line: one module per subcommand, found by name in `main`.

`main` builds the parser from the table of subcommands; each other module is one command
(`segment`, `eval`, `import_pages`, `pages`, `search`, `export`) with `add_arguments` and
`run`. The top of core: may import any other package of core, never a GUI.
"""
