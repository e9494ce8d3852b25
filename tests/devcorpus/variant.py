"""A newspaper layout the shipped model never sees: the learning-curve benchmark's paper.

    python -m tests.devcorpus.variant --out /work/devcorpus [--pages 260] [--kinds wrapped,pdftotext]

The "evening paper" (`evening`) prints the same two allowed months of People's Daily text
with habits the development corpus never has:

- **column width** 20–24 characters (the corpus: 12–17), 4–5 columns on a PDF page;
- **heading order**: the headline first, the kicker under it, then the subtitle (the
  corpus always prints kicker, headline, subtitle);
- **byline habit**: no byline above the body; the reporters are named at the end of the
  article in brackets on a line of their own, `（本报记者 王明 李华）`.

Writes `OUT/unseen/evening_<kind>/<name>.txt` + `<name>.gold.json` (and the PDFs under
`OUT/unseen/pdf/`). `unseen/` is outside `train/` and `dev/`: `tests.devcorpus.train` and
`tests.devcorpus.base_sample` read `train/` only, so these pages never reach the shipped
model or its base data. Pages are chosen with their own seed from both months; the same
arguments give the same files. The existing kinds are generated exactly as before.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import re
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from .compose import Block, PageContent, compose_page, stable_rng
from .gold import align, gold_from_labels

LAYOUT = "evening"
FOLDER = "unseen"
KINDS = ("wrapped", "pdftotext")
WIDTHS = (20, 24)  # characters per column line
MIN_COVERAGE = 0.98


def evening_content(content: PageContent) -> PageContent:
    """The page's articles with the evening paper's heading order and byline habit."""
    for article in content.articles:
        order = {"headline": 0, "kicker": 1, "subheadline": 2}
        article.heading.sort(key=lambda b: order.get(b.role, 3))
        names = [re.sub(r"[\s\u3000]+", " ", b.text).strip() for b in article.bylines]
        article.bylines = []
        if names and article.body:
            article.body.append(Block("byline", "（" + " ".join(names) + "）"))
        for j, block in enumerate(article.blocks()):  # keys follow the new order
            block.key = (article.index, j)
    return content


def wrapped_lines(content: PageContent, seed: int) -> list[tuple[str, tuple[int, int] | None]]:
    """The plain dump: headings before their bodies, paragraphs indented, a column break
    (blank line) every column height, the bracketed byline unindented at the end."""
    from .wrapped import wrap

    rng = stable_rng(seed, LAYOUT, "wrapped", content.name)
    width = rng.randint(*WIDTHS)
    out: list[tuple[str, tuple[int, int] | None]] = []

    def blank() -> None:
        if out and out[-1][1] is not None:
            out.append(("", None))

    if rng.random() < 0.5:
        out.append(("  ".join(b.text for b in content.running_head), content.running_head[0].key))
        blank()
    for article in content.articles:
        for block in article.heading:
            for part in [p for p in block.text.split("  ") if p]:
                out.append((part, block.key))
        blank()
        body: list[tuple[str, tuple[int, int]]] = []
        for block in article.body:
            if block.role == "byline":
                body += [(line, block.key) for line in wrap(block.text, width)]
                continue
            indent = "" if block.role == "subheadline" else "\u3000\u3000"
            body += [(line, block.key) for line in wrap(indent + block.text, width)]
        body += [(line, b.key) for b in article.captions for line in wrap(b.text, width)]
        height = rng.randint(10, 40)
        for count, line in enumerate(body):
            if count and count % height == 0:
                out.append(("", None))
            out.append(line)
        blank()
    if rng.random() < 0.7:
        out.append((content.editors.text, content.editors.key))
    out.append(("", None))
    return out


def evening_style(style, name: str, seed: int):
    """The PDF layout's style with the evening paper's column width (its own rng: the
    corpus's layout draws the same numbers as without this variant)."""
    rng = stable_rng(seed, LAYOUT, "style", name)
    cpl = rng.randint(*WIDTHS)
    return replace(style, cpl=cpl, colw=cpl * style.fs, ncols=rng.randint(4, 5))


def build_page(task: tuple) -> dict:
    date, page, articles, front, names, seed, out, kinds = task
    from .build import write_pair

    report: dict = {"kinds": {}}
    content = compose_page(date, page, articles, front, names, seed)
    if content is None:
        return report
    content = evening_content(content)
    name = content.name
    folder = out / FOLDER
    if "wrapped" in kinds:
        lines = wrapped_lines(content, seed)
        gold = gold_from_labels(
            f"{name}.txt", [t for t, _ in lines], [k for _, k in lines], content
        )
        write_pair(folder, "", f"{LAYOUT}_wrapped", name, "\n".join(t for t, _ in lines), gold)
        report["kinds"]["wrapped"] = 1.0
    if "pdftotext" in kinds:
        from .pdfdraw import extract_pdftotext, render_pdf
        from .pdfpage import layout_page

        drawn, graphics, size, drawn_content = layout_page(
            content, seed, lambda style: evening_style(style, name, seed)
        )
        pdf = folder / "pdf" / f"{name}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        render_pdf(drawn, graphics, size, pdf)
        text = extract_pdftotext(pdf)
        labels, stats = align([(d.text, d.key) for d in drawn], text)
        report["kinds"]["pdftotext"] = stats["coverage"]
        if stats["coverage"] >= MIN_COVERAGE:
            gold = gold_from_labels(f"{name}.txt", text.split("\n"), labels, drawn_content)
            write_pair(folder, "", f"{LAYOUT}_pdftotext", name, text, gold)
    return report


def choose(pages: dict, count: int, seed: int) -> list[tuple[str, int]]:
    """`count` printed pages of the two months in a seeded hash order (their own seed)."""
    keys = [k for k, articles in pages.items() if sum(a.chars for a in articles) >= 300]
    keys.sort(key=lambda k: hashlib.sha256(f"{LAYOUT}:{seed}:{k[0]}:{k[1]}".encode()).hexdigest())
    return sorted(keys[:count])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.devcorpus.variant", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--mirror", default="auto", help="as for tests.devcorpus.build")
    parser.add_argument("--out", default="/work/devcorpus", help="the corpus folder")
    parser.add_argument("--pages", type=int, default=260)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"of {', '.join(KINDS)}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    kinds = tuple(k for k in args.kinds.split(",") if k)
    if set(kinds) - set(KINDS):
        parser.error(f"--kinds: one of {', '.join(KINDS)}")
    out = Path(args.out).resolve()
    repo = Path(__file__).resolve().parents[2]
    if (repo / ".git").exists() and out.is_relative_to(repo):
        print("refusing to write the corpus inside the repository", file=sys.stderr)
        return 2
    from .source import load_pages, reporter_names

    started = time.time()
    pages = load_pages(args.mirror, out / ".cache" / "source")
    names = reporter_names(pages)
    chosen = choose(pages, args.pages, args.seed)
    for kind in kinds:
        shutil.rmtree(out / FOLDER / f"{LAYOUT}_{kind}", ignore_errors=True)
    tasks = [
        (d, p, pages[(d, p)], pages.get((d, 1)) if p != 1 else None, names, args.seed, out, kinds)
        for d, p in chosen
    ]
    written = dict.fromkeys(kinds, 0)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for report in pool.imap_unordered(build_page, tasks, chunksize=4):
            for kind, coverage in report["kinds"].items():
                written[kind] += coverage >= MIN_COVERAGE
    for kind in kinds:
        print(f"{LAYOUT}_{kind}: {written[kind]} pages → {out / FOLDER / f'{LAYOUT}_{kind}'}")
    print(f"done in {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
