"""Build the development corpus: `python -m tests.devcorpus.build --mirror auto --out DIR`.

For each sampled printed page (date + page) of the allowed months: compose its articles,
lay them out and draw a PDF, extract the text with pdftotext, pdfminer.six and
pypdfium2, align the gold from the record of what was drawn, and write plain wrapped
dumps. Output: OUT/{train,dev}/<kind>/<name>.txt + <name>.gold.json, OUT/pdf/<name>.pdf,
OUT/quality.json. Everything is seeded; the same arguments give the same files.
The data must never be committed (news text is copyrighted).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from .compose import compose_page, page_name, split_of
from .gold import align, gold_from_labels

PDF_KINDS = ("pdftotext", "pdfminer", "pypdfium2")
WRAPPED_KINDS = ("wrapped_after", "wrapped_before", "wrapped_noindent")
KINDS = PDF_KINDS + WRAPPED_KINDS
MIN_COVERAGE = 0.98
HERE = Path(__file__).resolve().parent


def missing_tools() -> list[str]:
    missing = []
    if not shutil.which("pdftotext"):
        missing.append("pdftotext (poppler-utils)")
    for module in ("reportlab", "pdfminer", "pypdfium2"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    from .pdfpage import FONTS

    missing += [path for path, _ in FONTS.values() if not Path(path).exists()]
    return missing


def select_pages(pages: dict, count: int, seed: int) -> list[tuple[str, int]]:
    """About `count` printed pages, half from each month, in a seeded hash order."""
    by_month: dict[str, list] = defaultdict(list)
    for key, articles in pages.items():
        if sum(a.chars for a in articles) >= 300:
            by_month[key[0][:6]].append(key)
    chosen = []
    months = sorted(by_month)
    for m, month in enumerate(months):
        share = count // len(months) + (1 if m < count % len(months) else 0)
        keys = sorted(
            by_month[month],
            key=lambda k: hashlib.sha256(f"{seed}:{k[0]}:{k[1]}".encode()).hexdigest(),
        )
        chosen += keys[:share]
    return sorted(chosen)


def write_pair(out: Path, split: str, kind: str, name: str, text: str, gold: dict) -> None:
    folder = out / split / kind
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.txt", "w", encoding="utf-8", newline="") as f:
        f.write(text)
    gold["source"] = f"{name}.txt"
    (folder / f"{name}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )


def build_page(task: tuple) -> dict:
    date, page, articles, front, names, seed, out = task
    from .pdfdraw import EXTRACTORS, render_pdf
    from .pdfpage import layout_page
    from .wrapped import wrapped_page

    report: dict = {"name": page_name(date, page), "kinds": {}}
    content = compose_page(date, page, articles, front, names, seed)
    if content is None:
        report["skipped"] = "no article"
        return report
    name, split = content.name, split_of(date, page)
    report["split"] = split
    drawn, graphics, size, drawn_content = layout_page(content, seed)
    pdf = out / "pdf" / f"{name}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    render_pdf(drawn, graphics, size, pdf)
    record = [(d.text, d.key) for d in drawn]
    for kind, extract in EXTRACTORS.items():
        text = extract(pdf)
        labels, stats = align(record, text)
        entry = {
            "coverage": stats["coverage"],
            "mixed_lines": stats["mixed_lines"],
            "unlabelled_lines": stats["unlabelled_lines"],
            "weak_chars": stats["weak"],
            "unmatched_chars": stats["unmatched"],
            "drawn_unmatched": stats["drawn_unmatched"],
        }
        if stats["coverage"] < MIN_COVERAGE:
            entry["dropped"] = True
        else:
            gold = gold_from_labels(f"{name}.txt", text.split("\n"), labels, drawn_content)
            write_pair(out, split, kind, name, text, gold)
        report["kinds"][kind] = entry
    for kind in WRAPPED_KINDS:
        lines = wrapped_page(content, seed, kind.removeprefix("wrapped_"))
        text = "\n".join(t for t, _ in lines)
        gold = gold_from_labels(
            f"{name}.txt", [t for t, _ in lines], [k for _, k in lines], content
        )
        write_pair(out, split, kind, name, text, gold)
        report["kinds"][kind] = {"coverage": 1.0, "mixed_lines": []}
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.devcorpus.build", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--mirror",
        default="auto",
        help="bare git dir of caspiankexin/people-daily-crawler-date (fetched beforehand), "
        "'auto' (/work/.mirror/...), or a folder holding the month 7z files or their members",
    )
    parser.add_argument(
        "--out", default="/work/devcorpus", help="output folder, outside the repository"
    )
    parser.add_argument(
        "--pages", type=int, default=360, help="printed pages in all (half per month)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--setup", action="store_true", help="run setup.sh first if tools are missing"
    )
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    if (HERE.parent.parent / ".git").exists() and out.is_relative_to(HERE.parent.parent):
        print(
            "refusing to write the corpus inside the repository (it must never be committed)",
            file=sys.stderr,
        )
        return 2
    missing = missing_tools()
    if missing and args.setup:
        import subprocess

        subprocess.run(
            ["sh", str(HERE / "setup.sh")],
            check=True,
            env={"PYTHON": sys.executable, **__import__("os").environ},
        )
        missing = missing_tools()
    if missing:
        print(
            "missing: "
            + ", ".join(missing)
            + "\nrun: sh tests/devcorpus/setup.sh (or pass --setup)",
            file=sys.stderr,
        )
        return 2
    from .source import load_pages, reporter_names

    started = time.time()
    pages = load_pages(args.mirror, out / ".cache" / "source")
    names = reporter_names(pages)
    chosen = select_pages(pages, args.pages, args.seed)
    print(f"{len(pages)} printed pages in the allowed months; building {len(chosen)}", flush=True)
    for old in ("train", "dev", "pdf"):
        shutil.rmtree(out / old, ignore_errors=True)
    tasks = [
        (d, p, pages[(d, p)], pages.get((d, 1)) if p != 1 else None, names, args.seed, out)
        for d, p in chosen
    ]
    reports = []
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for n, report in enumerate(pool.imap_unordered(build_page, tasks), 1):
            reports.append(report)
            if n % 20 == 0 or n == len(tasks):
                print(f"  {n}/{len(tasks)} pages, {time.time() - started:.0f} s", flush=True)
    reports.sort(key=lambda r: r["name"])
    counts: Counter = Counter()
    dropped: Counter = Counter()
    flagged: Counter = Counter()
    for r in reports:
        for kind, entry in r.get("kinds", {}).items():
            if entry.get("dropped"):
                dropped[kind] += 1
            else:
                counts[(r["split"], kind)] += 1
                if entry["mixed_lines"] or entry.get("unlabelled_lines"):
                    flagged[kind] += 1
    quality = {
        "seed": args.seed,
        "min_coverage": MIN_COVERAGE,
        "dropped": {k: dropped[k] for k in KINDS},
        "pages_with_mixed_or_unlabelled_lines": {k: flagged[k] for k in KINDS},
        "pages": [
            r
            for r in reports
            if any(
                e.get("dropped") or e["mixed_lines"] or e.get("unlabelled_lines")
                for e in r.get("kinds", {}).values()
            )
        ],
    }
    (out / "quality.json").write_text(
        json.dumps(quality, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    print(f"{'kind':18} {'train':>6} {'dev':>5} {'dropped':>8} {'glued':>6}")
    for kind in KINDS:
        print(
            f"{kind:18} {counts[('train', kind)]:6} {counts[('dev', kind)]:5} {dropped[kind]:8} {flagged[kind]:6}"
        )
    print(
        f"done in {time.time() - started:.0f} s → {out}  (quality report: {out / 'quality.json'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
