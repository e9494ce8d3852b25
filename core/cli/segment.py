"""Propose the articles of one page file: a readable outline, or the JSON contract.
With --out, a whole archive (a folder of page files) into Parquet shards on Dask."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from banmian.core.cli import segment_archive as archive
from banmian.core.page.files import PageFileError, read_page_file
from banmian.core.page.model import Role, Segmentation
from banmian.core.segmentation.segmenter import segment_page


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        help="page text file (UTF-8, UTF-16 with BOM or GB18030); with --out, a folder of them",
    )
    parser.add_argument("--json", action="store_true", help="print the page-segmentation JSON")
    archive.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.out is not None:
        return archive.run(args)
    if Path(args.file).is_dir():
        print(f"banmian: {args.file}: a folder; segment it with --out SHARDS/", file=sys.stderr)
        return 2
    try:
        page = read_page_file(args.file)
    except PageFileError as exc:
        print(f"banmian: {args.file}: {exc}", file=sys.stderr)
        return 2
    segmentation = segment_page(page)
    if args.json:
        print(json.dumps(segmentation.to_json(), ensure_ascii=False, indent=2))
    else:
        print(outline(segmentation))
    return 0


def outline(segmentation: Segmentation) -> str:
    """One paragraph per article: what an annotator checks first."""
    out = [f"{segmentation.page.source}: {len(segmentation.articles)} articles"]
    for article in segmentation.articles:
        first, last = min(b.first for b in article.blocks), max(b.last for b in article.blocks)
        out.append(f"\n{article.id}  {article.title or '(no headline)'}  [lines {first}–{last}]")
        for role in (Role.KICKER, Role.SUBHEADLINE, Role.BYLINE):
            for block in article.of_role(role):
                out.append(f"    {role.value}: {block.text}")
        if article.continued_from or article.continued_to:
            out.append(
                f"    continued from page {article.continued_from or '-'} to page {article.continued_to or '-'}"
            )
        paragraphs = article.paragraphs
        if paragraphs:
            out.append(f"    {len(paragraphs)} paragraphs: {paragraphs[0][:24]}…")
    doubts = segmentation.doubts()
    if doubts:
        out.append(f"\n{len(doubts)} doubts, least sure first:")
        for doubt, article_id, block_key in doubts:
            where = f"{article_id or 'unassigned'}" + (f" line {block_key}" if block_key else "")
            alternatives = f" ({' / '.join(doubt.alternatives)})" if doubt.alternatives else ""
            out.append(
                f"    {doubt.confidence:.2f}  {where}: {doubt.about}: {doubt.reason}{alternatives}"
            )
    for block in segmentation.unassigned:
        out.append(
            f"unassigned {block.role.value} [lines {block.first}–{block.last}]: {block.text[:30]}"
        )
    return "\n".join(out)
