"""The page and what is drawn on it: raw lines, blocks, articles, a segmentation.

Holds the frozen model (`model`), reading page files in whatever encoding the scanner
wrote (`files`), newspaper/date/page from a file's path (`meta`) and reflow of hard-wrapped
column lines into running text (`reflow`). The bottom of core: imports nothing else of
banmian, so that every other package can speak of pages.
"""
