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

Import computes them for every line of every page (400 lines, 56 strings each), so each
line's facts are gathered once as a small tuple of values and its strings come from
caches keyed by those values: most lines share their shape with thousands of others. The
strings must stay exactly what the shipped model was trained on (`features_fingerprint`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from banmian.core.page.reflow import IDEOGRAPHIC_SPACE
from banmian.core.segmentation import evidence as ev
from banmian.core.words import nlp

_WIDTH_STEPS = (0.25, 0.45, 0.65, 0.8, 0.9, 0.97, 1.04, 1.15, 1.35, 2.0)
_LENGTH_STEPS = (3, 6, 10, 16, 24, 40)
_RUN_STEPS = (1, 2, 3, 6, 15)
_INNER_PUNCT = re.compile("[，。；、！？：]")
_DIGITS = re.compile(r"\d")
_CLOSERS = "”’）」』》)"


@lru_cache(maxsize=8192)  # asked of two or three characters of every line
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
    found = ev.clues(raw_lines)
    clues = [c for c in found if c]
    if not clues:
        return []
    n = len(clues)
    width = ev.column_width(found)
    indented = sum(c.indented for c in clues) / n
    page_indents = "yes" if indented >= 0.03 else "no"
    blank_after = [c.number < len(found) and found[c.number] is None for c in clues]
    blanky = sum(blank_after) / n
    page_blanks = "none" if blanky < 0.02 else "some" if blanky < 0.15 else "many"

    # runs of lines between blank lines
    run_of: list[int] = []
    runs: list[list[int]] = []
    for i, clue in enumerate(clues):
        if i == 0 or clue.number > clues[i - 1].number + 1:
            runs.append([])
        runs[-1].append(i)
        run_of.append(len(runs) - 1)
    ends = [ev.ends_sentence(c.text) for c in clues]

    # What a whole run says: headings come in short runs without stops. The runs before
    # and after tell a run's first and last lines whether a heading group borders them
    # (a new article starts after one, whichever side of their bodies headings sit).
    run_stops: list[str] = []
    run_widest: list[str] = []
    shapes: list[str] = []
    for run in runs:
        stops = "1" if any(ends[j] for j in run) else "0"
        widest = _STEP_NAMES[bisect_right(_WIDTH_STEPS, max(clues[j].width for j in run) / width)]
        run_stops.append(stops)
        run_widest.append(widest)
        shapes.append(f"{min(len(run), 4)}{stops}{widest}")

    owns: list[tuple] = []
    near: list[tuple] = []
    far: list[tuple] = []
    # How far back the last heading-like line is (short, no sentence end, in a short run
    # or set apart): a body line soon after one may open an article even when a caption
    # or a byline stands between them, beyond the model's two lines of context.
    since = 9
    previous = ""
    for i, clue in enumerate(clues):
        text = clue.text
        number = clue.number
        r = run_of[i]
        run = runs[r]
        gap_before = number - clues[i - 1].number - 1 if i else 9
        gap_after = clues[i + 1].number - number - 1 if i + 1 < n else 9
        w = _STEP_NAMES[bisect_right(_WIDTH_STEPS, clue.width / width)]
        ind = "1" if clue.indented else "0"
        end = _end_class(text)
        st = char_class(text[0])
        es = "1" if ends[i] else "0"
        bb = _STEP_NAMES[min(gap_before, 2)]
        ba = _STEP_NAMES[min(gap_after, 2)]
        flags = _text_flags(raw_lines[number - 1][:1] == " ", text)
        if i and crosses_word(previous, text):
            flags += ("xw",) if gap_before == 0 else ("xwb",)
        length = _STEP_NAMES[bisect_right(_LENGTH_STEPS, len(text))]
        run_size = _STEP_NAMES[bisect_right(_RUN_STEPS, len(run))]
        rpos = (
            "only"
            if len(run) == 1
            else "first"
            if run[0] == i
            else "last"
            if run[-1] == i
            else "mid"
        )
        hd = _STEP_NAMES[bisect_right(_RUN_STEPS, since)]
        if not ends[i] and clue.width < width * 0.9 and len(run) <= 3:
            since = 0
        else:
            since += 1
        owns.append(
            (
                w,
                length,
                ind,
                end,
                st,
                es,
                _INNER_NAMES[min(len(_INNER_PUNCT.findall(text, 0, len(text) - 1)), 3)],
                bb,
                ba,
                flags,
                run_size,
                rpos,
                run_stops[r],
                run_widest[r],
                hd,
                shapes[r - 1] if r and run[0] == i else None,
                shapes[r + 1] if r + 1 < len(runs) and run[-1] == i else None,
            )
        )
        near.append((w, length, ind, end, st, es, bb, ba, run_size, run_stops[r], flags))
        far.append((w, es, ind, end))
        previous = text

    # each line's list: its own strings, then its neighbours' at -2, -1, +1, +2 (each
    # line's strings as a neighbour made once), then the line above crossed with it
    seen_from_below = [_far_items(-2, f) for f in far[: n - 2]]
    above = [_near_items(-1, f) for f in near[: n - 1]]
    below = [_near_items(1, f) for f in near[1:]]
    seen_from_above = [_far_items(2, f) for f in far[2:]]
    none = _NONE
    out: list[tuple[int, list[str]]] = []
    for i, clue in enumerate(clues):
        own = owns[i]
        if i:
            prev = owns[i - 1]
            crossed = _prev_items(prev[0], prev[5], own[2], own[7], prev[3], own[4])
        else:
            crossed = ()
        items = [
            *_own_items(page_indents, page_blanks, own),
            *(seen_from_below[i - 2] if i >= 2 else none[-2]),
            *(above[i - 1] if i else none[-1]),
            *(below[i] if i + 1 < n else none[1]),
            *(seen_from_above[i] if i + 2 < n else none[2]),
            *crossed,
        ]
        out.append((clue.number, items))
    return out


def _text_flags(space_before: bool, text: str) -> tuple[str, ...]:
    """The flags a line's own text raises, in the order its features list them."""
    flags: list[str] = []
    if space_before:
        flags.append("sp")
    if " " in text or IDEOGRAPHIC_SPACE in text:
        flags.append("gap")
    if ev.is_byline(text):
        flags.append("byl")
    if ev.opens_with_dateline(text):
        flags.append("dat")
    if ev.is_furniture(text):
        flags.append("furn")
    if ev.is_caption(text):
        flags.append("cap")
    if ev.is_kicker_line(text):
        flags.append("kick")
    if text.startswith(("——", "－－", "—")):
        flags.append("dash0")
    if ev.continued_from(text) is not None:
        flags.append("cfrom")
    if ev.continued_to(text) is not None:
        flags.append("cto")
    if len(_DIGITS.findall(text)) * 2 > len(text):
        flags.append("digits")
    return tuple(flags)


# The strings of a feature list come from the caches below, keyed by the few values they
# are made of: most lines of most pages share their shape (a body line mid-paragraph
# reads like thousands of others), so each string is formatted once per shape, not once
# per line. A shape is a tuple of the feature values as strings, in the order the
# features list them.
_CACHED_SHAPES = 1 << 16
_STEP_NAMES = tuple(str(k) for k in range(16))
_INNER_NAMES = _STEP_NAMES[:4]
_NONE = {offset: (f"{offset}:none",) for offset in (-2, -1, 1, 2)}


@lru_cache(maxsize=_CACHED_SHAPES)
def _own_items(page_indents: str, page_blanks: str, own: tuple) -> tuple[str, ...]:
    """What a line says about itself, and crossed with the page's habits."""
    w, length, ind, end, st, es, inner, bb, ba, flags, run, rpos, rstop, rmaxw, hd, prun, nrun = own
    f = {
        "w": w,
        "len": length,
        "ind": ind,
        "end": end,
        "st": st,
        "es": es,
        "inner": inner,
        "bb": bb,
        "ba": ba,
    }
    for flag in flags:
        f[flag] = "1"
    f["run"] = run
    f["rpos"] = rpos
    f["rstop"] = rstop
    f["rmaxw"] = rmaxw
    f["hd"] = hd
    if prun is not None:
        f["prun"] = prun
    if nrun is not None:
        f["nrun"] = nrun
    items = [f"{k}={v}" for k, v in f.items()]
    items += [
        "bias",
        f"pi={page_indents}|ind={ind}",
        f"pi={page_indents}|w={w}",
        f"pb={page_blanks}|bb={bb}",
        f"pb={page_blanks}|ba={ba}",
        f"w={w}|es={es}",
        f"w={w}|end={end}",
        f"ind={ind}|bb={bb}",
        f"rstop={rstop}|run={run}",
        f"rmaxw={rmaxw}|rstop={rstop}",
    ]
    if "dat" in f:
        items.append(f"dat|hd={hd}")
    items.append(f"hd={hd}|ind={ind}|bb={bb}")
    if prun is not None:
        items.append(f"prun={prun}|ind={ind}")
    if nrun is not None:
        items.append(f"nrun={nrun}|es={es}")
    return tuple(items)


@lru_cache(maxsize=_CACHED_SHAPES)
def _near_items(offset: int, near: tuple) -> tuple[str, ...]:
    """What the line `offset` (±1) away says, seen from this one."""
    values = dict(zip(_NEIGHBOUR_KEYS, near, strict=False))
    flags = near[-1]
    return tuple(
        [f"{offset}:{k}={values[k]}" for k in _NEIGHBOUR_KEYS]
        + [f"{offset}:{k}" for k in _NEIGHBOUR_FLAGS if k in flags]
    )


@lru_cache(maxsize=_CACHED_SHAPES)
def _far_items(offset: int, far: tuple) -> tuple[str, ...]:
    """What the line `offset` (±2) away says, seen from this one."""
    return tuple(f"{offset}:{k}={v}" for k, v in zip(_FAR_KEYS, far, strict=True))


@lru_cache(maxsize=_CACHED_SHAPES)
def _prev_items(pw: str, pes: str, ind: str, bb: str, pend: str, st: str) -> tuple[str, str]:
    """The line above crossed with this one's start."""
    return (f"pw={pw}|pes={pes}|ind={ind}|bb={bb}", f"pend={pend}|st={st}")


# the order of the values in `near` and `far` shapes: the order of the features
_NEIGHBOUR_KEYS = ("w", "len", "ind", "end", "st", "es", "bb", "ba", "run", "rstop")
_NEIGHBOUR_FLAGS = ("byl", "dat", "furn", "cap", "kick", "cfrom", "cto", "xw", "dash0", "gap")
_FAR_KEYS = ("w", "es", "ind", "end")
