"""The evidence for each line, as the sequence model's features.

Every clue the old rules used is here as a feature, and none decides alone: the model
weighs them with weights learnt from gold pages. What a line says about itself (width
against the page's column measure, indent, how it starts and ends, byline, dateline,
furniture, caption and kicker shapes, continuation marks), what its surroundings say
(blank lines around it, the run of lines between blank lines it sits in, its
neighbours' shape) and what the words say (jieba reading a word across the line break
means the line goes on from the one above). Page-wide facts (does this page indent its
paragraphs at all? does it put blank lines at column breaks?) are crossed with the
line's own so that one model serves every extraction tool.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from banmian.core.page.reflow import IDEOGRAPHIC_SPACE
from banmian.core.segmentation import evidence as ev
from banmian.core.words import nlp

_WIDTH_STEPS = (0.25, 0.45, 0.65, 0.8, 0.9, 0.97, 1.04, 1.15, 1.35, 2.0)
_LENGTH_STEPS = (3, 6, 10, 16, 24, 40)
_RUN_STEPS = (1, 2, 3, 6, 15)
_INNER_PUNCT = re.compile("[，。；、！？：]")
_DIGITS = re.compile(r"\d")
_CLOSERS = "”’）」』》)"


def _bucket(value: float, steps: Sequence[float]) -> int:
    return bisect.bisect_right(steps, value)


def char_class(ch: str) -> str:
    """A coarse class of a line's first or last character."""
    if ch in "。！？!?":
        return "stop"
    if ch in "；;":
        return "semi"
    if ch in "，,、":
        return "comma"
    if ch in "：:":
        return "colon"
    if ch in _CLOSERS:
        return "close"
    if ch in "“‘（「『《(":
        return "open"
    if ch in "—-─…":
        return "dash"
    if ch in "□■◇◆○●▲△▼":
        return "box"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if "\u4e00" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002ffff":
        return "han"
    return "other"


def _end_class(text: str) -> str:
    stripped = text.rstrip(_CLOSERS)
    core = char_class(stripped[-1]) if stripped else "close"
    return f"{core}+close" if stripped != text and core == "stop" else core


def crosses_word(before: str, after: str) -> bool:
    """Does a dictionary word run across the break between two lines (`新增就` /
    `业2000人`)? Only between two Chinese characters: a digit or Latin run says nothing."""
    if not before or not after or not (char_class(before[-1]) == char_class(after[0]) == "han"):
        return False
    return nlp.word_across(before, after)


def page_features(raw_lines: Sequence[str]) -> list[tuple[int, list[str]]]:
    """(line number, features) for each non-blank line of a page, in line order."""
    found = ev.clues(tuple(raw_lines))
    clues = [c for c in found if c]
    if not clues:
        return []
    width = ev.column_width(found)
    indented = sum(c.indented for c in clues) / len(clues)
    page_indents = "yes" if indented >= 0.03 else "no"
    blank_after = [c.number < len(found) and found[c.number] is None for c in clues]
    blanky = sum(blank_after) / len(clues)
    page_blanks = "none" if blanky < 0.02 else "some" if blanky < 0.15 else "many"

    # runs of lines between blank lines
    run_of: list[int] = []
    runs: list[list[int]] = []
    for i, clue in enumerate(clues):
        if i == 0 or clue.number > clues[i - 1].number + 1:
            runs.append([])
        runs[-1].append(i)
        run_of.append(len(runs) - 1)

    base: list[dict[str, str]] = []
    for i, clue in enumerate(clues):
        text = clue.text
        raw = raw_lines[clue.number - 1]
        ratio = clue.width / width
        gap_before = clue.number - clues[i - 1].number - 1 if i else 9
        gap_after = clues[i + 1].number - clue.number - 1 if i + 1 < len(clues) else 9
        inner = len(_INNER_PUNCT.findall(text, 0, len(text) - 1))
        f = {
            "w": str(_bucket(ratio, _WIDTH_STEPS)),
            "len": str(_bucket(len(text), _LENGTH_STEPS)),
            "ind": "1" if clue.indented else "0",
            "end": _end_class(text),
            "st": char_class(text[0]),
            "es": "1" if clue.ends_sentence else "0",
            "inner": str(min(inner, 3)),
            "bb": str(min(gap_before, 2)),
            "ba": str(min(gap_after, 2)),
        }
        if raw[:1] == " ":
            f["sp"] = "1"
        if " " in text or IDEOGRAPHIC_SPACE in text:
            f["gap"] = "1"
        if ev.is_byline(text):
            f["byl"] = "1"
        if ev.opens_with_dateline(text):
            f["dat"] = "1"
        if ev.is_furniture(text):
            f["furn"] = "1"
        if ev.is_caption(text):
            f["cap"] = "1"
        if ev.is_kicker_line(text):
            f["kick"] = "1"
        if text.startswith(("——", "－－", "—")):
            f["dash0"] = "1"
        if ev.continued_from(text) is not None:
            f["cfrom"] = "1"
        if ev.continued_to(text) is not None:
            f["cto"] = "1"
        if len(_DIGITS.findall(text)) * 2 > len(text):
            f["digits"] = "1"
        if i and gap_before == 0 and crosses_word(clues[i - 1].text, text):
            f["xw"] = "1"
        elif i and gap_before > 0 and crosses_word(clues[i - 1].text, text):
            f["xwb"] = "1"
        run = runs[run_of[i]]
        f["run"] = str(_bucket(len(run), _RUN_STEPS))
        f["rpos"] = (
            "only"
            if len(run) == 1
            else "first"
            if run[0] == i
            else "last"
            if run[-1] == i
            else "mid"
        )
        base.append(f)

    # What a whole run says: headings come in short runs without stops. The runs before
    # and after tell a run's first and last lines whether a heading group borders them
    # (a new article starts after one, whichever side of their bodies headings sit).
    shapes = []
    for run in runs:
        stops = "1" if any(clues[j].ends_sentence for j in run) else "0"
        widest = str(_bucket(max(clues[j].width for j in run) / width, _WIDTH_STEPS))
        shapes.append(f"{min(len(run), 4)}{stops}{widest}")
        for j in run:
            base[j]["rstop"] = stops
            base[j]["rmaxw"] = widest
    # How far back the last heading-like line is (short, no sentence end, in a short run
    # or set apart): a body line soon after one may open an article even when a caption
    # or a byline stands between them, beyond the model's two lines of context.
    since = 9
    for i, clue in enumerate(clues):
        base[i]["hd"] = str(_bucket(since, _RUN_STEPS))
        short_run = len(runs[run_of[i]]) <= 3
        if not clue.ends_sentence and clue.width < width * 0.9 and short_run:
            since = 0
        else:
            since += 1
    for r, run in enumerate(runs):
        if r:
            base[run[0]]["prun"] = shapes[r - 1]
        if r + 1 < len(runs):
            base[run[-1]]["nrun"] = shapes[r + 1]

    out: list[tuple[int, list[str]]] = []
    for i, clue in enumerate(clues):
        f = base[i]
        items = [f"{k}={v}" for k, v in f.items()]
        items += [
            "bias",
            f"pi={page_indents}|ind={f['ind']}",
            f"pi={page_indents}|w={f['w']}",
            f"pb={page_blanks}|bb={f['bb']}",
            f"pb={page_blanks}|ba={f['ba']}",
            f"w={f['w']}|es={f['es']}",
            f"w={f['w']}|end={f['end']}",
            f"ind={f['ind']}|bb={f['bb']}",
            f"rstop={f['rstop']}|run={f['run']}",
            f"rmaxw={f['rmaxw']}|rstop={f['rstop']}",
        ]
        if "dat" in f:
            items.append(f"dat|hd={f['hd']}")
        items.append(f"hd={f['hd']}|ind={f['ind']}|bb={f['bb']}")
        if "prun" in f:
            items.append(f"prun={f['prun']}|ind={f['ind']}")
        if "nrun" in f:
            items.append(f"nrun={f['nrun']}|es={f['es']}")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < len(clues):
                items.append(f"{offset}:none")
                continue
            g = base[j]
            keys = ("w", "es", "ind", "end") if abs(offset) == 2 else _NEIGHBOUR_KEYS
            items += [f"{offset}:{k}={g[k]}" for k in keys if k in g]
            if abs(offset) == 1:
                items += [f"{offset}:{k}" for k in _NEIGHBOUR_FLAGS if k in g]
        if i:
            prev = base[i - 1]
            items.append(f"pw={prev['w']}|pes={prev['es']}|ind={f['ind']}|bb={f['bb']}")
            items.append(f"pend={prev['end']}|st={f['st']}")
        out.append((clue.number, items))
    return out


_NEIGHBOUR_KEYS = ("w", "len", "ind", "end", "st", "es", "bb", "ba", "run", "rstop")
_NEIGHBOUR_FLAGS = ("byl", "dat", "furn", "cap", "kick", "cfrom", "cto", "xw", "dash0", "gap")
