"""Check every X.txt / X.gold.json pair under a folder: each non-blank line is covered by
exactly one block, spans are in range, roles are known, articles have their keys.

    python -m tests.devcorpus.validate /work/devcorpus
    python -m tests.devcorpus.validate --show OUT/dev/pdftotext/NAME.txt   # page beside gold
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROLES = {"headline", "subheadline", "kicker", "byline", "body", "caption", "noise"}


def check(txt: Path, gold_path: Path) -> list[str]:
    problems = []
    lines = txt.read_text("utf-8").split("\n")
    gold = json.loads(gold_path.read_text("utf-8"))
    cover: Counter = Counter()
    blocks = [(a.get("id"), b) for a in gold.get("articles", []) for b in a.get("blocks", [])]
    blocks += [(None, b) for b in gold.get("unassigned", [])]
    for article in gold.get("articles", []):
        for key in ("id", "title", "continued_from", "continued_to", "blocks"):
            if key not in article:
                problems.append(f"article {article.get('id')}: no {key}")
    for aid, b in blocks:
        first, last = b["lines"]
        if b.get("role") not in ROLES:
            problems.append(f"{aid}: role {b.get('role')!r}")
        if not (1 <= first <= last <= len(lines)):
            problems.append(f"{aid}: span {first}-{last} out of 1-{len(lines)}")
            continue
        if not lines[first - 1].strip() or not lines[last - 1].strip():
            problems.append(f"{aid}: span {first}-{last} starts or ends on a blank line")
        if aid is None and b.get("role") != "noise":
            problems.append(f"unassigned block {first}-{last} is {b.get('role')}")
        for n in range(first, last + 1):
            if lines[n - 1].strip():
                cover[n] += 1
    for n, line in enumerate(lines, 1):
        if line.strip() and cover[n] != 1:
            problems.append(f"line {n} covered {cover[n]} times")
    return problems


def show(txt: Path) -> None:
    """Print a page beside its gold: line number, article, role, text."""
    lines = txt.read_text("utf-8").split("\n")
    gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text("utf-8"))
    label = {}
    for a in gold["articles"]:
        for b in a["blocks"]:
            for n in range(b["lines"][0], b["lines"][1] + 1):
                label[n] = (a["id"], b["role"], n == b["lines"][0])
    for b in gold["unassigned"]:
        for n in range(b["lines"][0], b["lines"][1] + 1):
            label[n] = ("--", b["role"], n == b["lines"][0])
    for n, line in enumerate(lines, 1):
        aid, role, first = label.get(n, ("", "", False))
        print(f"{n:4} {aid:3} {(role if first else '|'):11} {line.rstrip(chr(13))!r}")
    for a in gold["articles"]:
        print(a["id"], a["title"], "from", a["continued_from"], "to", a["continued_to"])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--show":
        for name in argv[1:]:
            show(Path(name))
        return 0
    root = Path((argv or ["/work/devcorpus"])[0])
    pairs = bad = 0
    per_kind: Counter = Counter()
    for txt in sorted(root.rglob("*.txt")):
        gold = txt.with_name(txt.stem + ".gold.json")
        if not gold.exists():
            continue
        pairs += 1
        per_kind[txt.parent.name] += 1
        problems = check(txt, gold)
        if problems:
            bad += 1
            print(f"{txt.relative_to(root)}: " + "; ".join(problems[:5]))
    print(f"{pairs} pairs checked, {bad} with problems; per kind: {dict(sorted(per_kind.items()))}")
    return 1 if bad or not pairs else 0


if __name__ == "__main__":
    sys.exit(main())
