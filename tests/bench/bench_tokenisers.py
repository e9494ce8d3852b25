"""Speed and agreement of jieba's faster twins against jieba itself, on real pages.

Run on demand: `python tests/bench/bench_tokenisers.py [DIR…] [--runs 5]` (default: the
development pages under /work/devcorpus/dev). Every tokeniser has banmian's user
dictionary (resources/newspaper.dict) loaded. Printed: the time to tokenise every page
once (median of `--runs`, the machine being shared and busy), the speed-up over jieba,
and the share of jieba's tokens that the other cuts identically (same characters at the
same place); for part-of-speech tagging the same against `jieba.posseg`, and the share of
identical (token, tag) pairs. `banmian (rjieba route)` is what nlp.tokens runs:
jieba-rs's best route through jieba's dictionary, jieba's HMM on the runs of single
characters (core/words/fast_cut.py).

Why a benchmark rather than trust: banmian's search index, suggested tags and the
segmenter's heading words all read these tokens, so a faster tokeniser is only worth
having if it cuts like jieba; this says how often it does not, and where.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.words import nlp  # noqa: E402

DEFAULT_DIRS = [Path("/work/devcorpus/dev")]

Cut = Callable[[str], Sequence[str]]
Tag = Callable[[str], Sequence[tuple[str, str]]]


def user_dictionary() -> list[tuple[str, int, str]]:
    """(word, frequency, flag) of banmian's newspaper dictionary."""
    text = resources.files("banmian.resources").joinpath("newspaper.dict").read_text("utf-8")
    entries = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


def tokenisers() -> tuple[dict[str, Cut], dict[str, Tag]]:
    """Each installed tokeniser's cut and tag, user dictionary loaded."""
    import jieba.posseg

    jieba = nlp.jieba_module()  # banmian's: user dictionary loaded
    jieba.posseg.dt.makesure_userdict_loaded()
    cuts: dict[str, Cut] = {"jieba": jieba.lcut}
    tags: dict[str, Tag] = {
        "jieba.posseg": lambda t: [(p.word, p.flag) for p in jieba.posseg.cut(t)]
    }
    path = resources.files("banmian.resources").joinpath("newspaper.dict")
    try:
        import rjieba

        for word, freq, flag in user_dictionary():
            rjieba.add_word(word, freq, flag)
        cuts["rjieba"] = rjieba.cut
        tags["rjieba.tag"] = rjieba.tag
    except ImportError:
        print("rjieba not installed: pip install rjieba")
    if nlp.tokeniser() == "rjieba":  # what banmian adopted: rjieba's route, jieba's HMM
        cuts["banmian (rjieba route)"] = nlp._fast_cut()
    try:
        import jieba_fast
        import jieba_fast.posseg

        jieba_fast.setLogLevel(60)
        with resources.as_file(path) as file:
            jieba_fast.load_userdict(str(file))
        jieba_fast.initialize()
        cuts["jieba_fast"] = jieba_fast.lcut
        tags["jieba_fast.posseg"] = lambda t: [(p.word, p.flag) for p in jieba_fast.posseg.cut(t)]
    except ImportError:
        print("jieba_fast not installed: pip install jieba_fast")
    return cuts, tags


def spans(tokens: Iterable[str]) -> list[tuple[int, int]]:
    out, at = [], 0
    for token in tokens:
        out.append((at, at + len(token)))
        at += len(token)
    return out


def agreement(reference: Sequence[str], other: Sequence[str]) -> tuple[int, int]:
    """(tokens of `reference` cut identically in `other`, tokens of `reference`)."""
    theirs = set(spans(other))
    return sum(s in theirs for s in spans(reference)), len(reference)


def tag_agreement(
    reference: Sequence[tuple[str, str]], other: Sequence[tuple[str, str]]
) -> tuple[int, int]:
    """(reference's (token, tag) pairs found identical at the same place, all of them)."""
    theirs = set(zip(spans(w for w, _ in other), (f for _, f in other), strict=True))
    mine = zip(spans(w for w, _ in reference), (f for _, f in reference), strict=True)
    return sum(pair in theirs for pair in mine), len(reference)


def timed(run: Callable[[str], object], pages: list[str], runs: int) -> float:
    """Median seconds to run over every page once."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for page in pages:
            run(page)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--examples", type=int, default=8, help="differences to show")
    parser.add_argument(
        "--tag-pages", type=int, default=120, help="pages to tag (jieba.posseg: ~0.1 s a page)"
    )
    args = parser.parse_args()
    files = sorted(f for d in args.dirs for f in d.rglob("*.txt"))
    pages = [f.read_text("utf-8") for f in files]
    chars = sum(map(len, pages))
    print(f"{len(pages)} pages, {chars / 1e6:.1f} M characters, median of {args.runs} runs")
    cuts, tags = tokenisers()

    reference = {name: [cut(p) for p in pages] for name, cut in cuts.items()}
    base = timed(cuts["jieba"], pages, args.runs)
    print("\ncut (accurate mode, HMM on)")
    for name, cut in cuts.items():
        seconds = base if name == "jieba" else timed(cut, pages, args.runs)
        same = total = 0
        for ref, other in zip(reference["jieba"], reference[name], strict=True):
            s, t = agreement(ref, other)
            same, total = same + s, total + t
        whole = sum(
            list(a) == list(b) for a, b in zip(reference["jieba"], reference[name], strict=True)
        )
        print(
            f"  {name:24} {seconds * 1000 / len(pages):7.2f} ms/page  ×{base / seconds:5.1f}"
            f"  identical tokens {100 * same / total:.4f}% ({total - same} of {total} differ)"
            f"  identical pages {whole}/{len(pages)}"
        )
    _show_differences(pages, reference, args.examples)

    pages = pages[: args.tag_pages]
    tagged = {name: [tag(p) for p in pages] for name, tag in tags.items()}
    base = timed(tags["jieba.posseg"], pages, max(1, args.runs // 2))
    print(f"\ntag (part of speech), the first {len(pages)} pages")
    for name, tag in tags.items():
        seconds = base if name == "jieba.posseg" else timed(tag, pages, max(1, args.runs // 2))
        same = same_tag = total = 0
        for ref, other in zip(tagged["jieba.posseg"], tagged[name], strict=True):
            s, t = agreement([w for w, _ in ref], [w for w, _ in other])
            st, _ = tag_agreement(ref, other)
            same, same_tag, total = same + s, same_tag + st, total + t
        print(
            f"  {name:24} {seconds * 1000 / len(pages):7.2f} ms/page  ×{base / seconds:5.1f}"
            f"  identical tokens {100 * same / total:.4f}%"
            f"  identical tokens and tags {100 * same_tag / total:.4f}%"
        )


def _show_differences(pages: list[str], cut: dict[str, list], limit: int) -> None:
    """The commonest differences of each tokeniser, as jieba's cut → theirs."""
    for name in cut:
        if name == "jieba":
            continue
        seen: Counter[tuple[str, str]] = Counter()
        for ref, other in zip(cut["jieba"], cut[name], strict=True):
            if ref != other:
                seen.update(differences(ref, other))
        if seen:
            shown = ", ".join(f"{x}→{y} ×{n}" for (x, y), n in seen.most_common(limit))
            print(f"    {name} differs: {shown}")


def differences(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, str]]:
    """The stretches two cuts of one text cut differently, each as 'x/y' of both."""
    out = []
    i = j = 0
    at_a = at_b = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            at_a += len(a[i])
            at_b += len(b[j])
            i, j = i + 1, j + 1
            continue
        left, right = [a[i]], [b[j]]
        at_a, at_b = at_a + len(a[i]), at_b + len(b[j])
        i, j = i + 1, j + 1
        while at_a != at_b and i < len(a) and j < len(b):
            if at_a < at_b:
                left.append(a[i])
                at_a += len(a[i])
                i += 1
            else:
                right.append(b[j])
                at_b += len(b[j])
                j += 1
        out.append(("/".join(left), "/".join(right)))
    return out


if __name__ == "__main__":
    main()
