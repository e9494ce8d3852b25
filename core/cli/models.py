"""The line models of the database: which one proposes each newspaper's pages, every
model trained (its pages, its cross-validated fixes per page against the model in use
then, and why it was or was not used). `--use ID` puts a model back in use for its
scope; `--use shipped` goes back to the model shipped with banmian (for `--newspaper`,
or for the whole database)."""

from __future__ import annotations

import argparse

from banmian.core.corpus import models
from banmian.core.corpus.paths import open_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--use", metavar="ID|shipped", help="put this model in use")
    parser.add_argument("--newspaper", help="with --use shipped: this newspaper's scope")


def run(args: argparse.Namespace) -> int:
    if args.use is not None and args.use != models.SHIPPED and not args.use.isdigit():
        print(f"banmian: --use takes a model id or {models.SHIPPED!r}, not {args.use!r}")
        return 2
    store = open_store(args.db, readonly=args.use is None)
    try:
        if args.use is not None:
            chosen = models.use_model(store, args.use, args.newspaper)
            if chosen is None:
                scope = args.newspaper or "the database"
                print(f"{scope}: the shipped model is in use")
            else:
                print(f"{chosen.scope}: model {chosen.id} is in use")
        listed = models.stored_models(store)
        for model in listed:
            scores = model.scores
            mark = "*" if model.in_use else " "
            print(
                f"{mark} {model.id:>3}  {model.created_at[:16].replace('T', ' ')}  "
                f"{model.scope:<12}  {len(model.training_pages):>4} pages  "
                f"{scores.get('fixes_per_page', 0):.2f} fixes/page "
                f"(vs {scores.get('in_use_fixes_per_page', 0):.2f}, "
                f"{scores.get('compared_with', '?')})  {model.decision}"
            )
        scopes = sorted({m.newspaper for m in listed if m.newspaper})
        for scope in ["", *scopes]:
            model_id = models.proposing_id(store, scope)
            using = f"model {model_id}" if model_id is not None else models.SHIPPED
            print(f"{scope or 'database'}: proposed by {using}")
    finally:
        store.close()
    return 0
