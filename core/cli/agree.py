"""How two annotators agree on the pages both verified: per page and overall, B-cubed F1
of lines to articles, boundary similarity B, the share of articles drawn alike, Cohen's
kappa of roles, paragraph F1 and tag agreement, then every disagreement (page, lines,
what each said). Both files are only read."""

from __future__ import annotations

import argparse
import json

from banmian.core.corpus.store import Store
from banmian.core.team.agreement import agree, agreement_table


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", help="the first annotator's database")
    parser.add_argument("second", help="the second annotator's database")
    parser.add_argument("--format", choices=("table", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    first = Store(args.first, readonly=True)
    try:
        second = Store(args.second, readonly=True)
        try:
            result = agree(first, second)
        finally:
            second.close()
    finally:
        first.close()
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(agreement_table(result))
    return 0
