"""Segmentation speed: pages per second and the ratio to one bare jieba pass.

Run on demand: `python tests/bench/bench_segment.py [--rounds N]`. The target is a
segmentation time of at most 1.5× one `jieba.lcut` over the same page text. The token
cache is cleared before every run so no run profits from an earlier one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from banmian.core.page.model import Page  # noqa: E402
from banmian.core.segmentation.segmenter import segment_page  # noqa: E402
from banmian.core.words import nlp  # noqa: E402

from tests.layouts import LAYOUTS  # noqa: E402


def _median_seconds(run, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        nlp.tokens.cache_clear()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    rounds = parser.parse_args().rounds
    jieba = nlp.jieba_module()  # initialise outside the timing
    pages = {
        "sample_page": resources.files("banmian.resources")
        .joinpath("sample_page.txt")
        .read_text("utf-8")
    }
    pages.update({name: build().text for name, build in LAYOUTS.items()})
    print(f"{'page':<26}{'lines':>6}{'segment ms':>12}{'jieba ms':>10}{'ratio':>8}{'pages/s':>9}")
    ratios = []
    for name, text in pages.items():
        page = Page.from_text(text, name)
        seg = _median_seconds(lambda page=page: segment_page(page), rounds)
        bare = _median_seconds(lambda text=text: jieba.lcut(text), rounds)
        ratios.append(seg / bare)
        print(
            f"{name:<26}{len(page):>6}{seg * 1e3:>12.2f}{bare * 1e3:>10.2f}{seg / bare:>8.2f}{1 / seg:>9.0f}"
        )
    print(f"worst ratio {max(ratios):.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
