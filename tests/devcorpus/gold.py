"""Gold JSON (DESIGN §2) from a label per line, and an alignment of drawn lines to an
extracted text. Pure Python: no PDF library is imported here."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .compose import PageContent

WS = set(" \u3000\xa0\t\r\n\f\u2002\u2003\u200b\ufeff")
Key = tuple[int, int]


def normalize(text: str) -> str:
    return "".join(ch for ch in text if ch not in WS)


def reflow(lines: list[str]) -> str:
    out = ""
    for line in lines:
        piece = line.strip(" \u3000\r\f\t\xa0")
        if (
            out
            and piece
            and re.match(r"[A-Za-z0-9]", piece[0])
            and re.match(r"[A-Za-z0-9]", out[-1])
        ):
            out += " "
        out += piece
    return out


def gold_from_labels(
    source: str, lines: list[str], labels: list[Key | None], content: PageContent
) -> dict:
    """Blocks are maximal runs of non-blank lines with one label (blank lines inside a run
    belong to it); noise runs go to `unassigned`."""
    spans: list[list] = []  # [key, first, last] 1-based
    for n, (line, key) in enumerate(zip(lines, labels, strict=True), 1):
        if not line.strip():
            continue
        if key is None:
            raise ValueError(f"{source}: line {n} has text but no label")
        if spans and spans[-1][0] == key:
            spans[-1][2] = n
        else:
            spans.append([key, n, n])
    blocks_by_key = {b.key: b for b in content.all_blocks()}
    articles: dict[int, list[dict]] = defaultdict(list)
    unassigned = []
    for key, first, last in spans:
        block = blocks_by_key[key]
        text = reflow([lines[i - 1] for i in range(first, last + 1) if lines[i - 1].strip()])
        entry = {"role": block.role, "lines": [first, last], "text": text}
        if key[0] < 0:
            unassigned.append(entry)
        else:
            articles[key[0]].append(entry)
    out = []
    for number, index in enumerate(sorted(articles, key=lambda i: articles[i][0]["lines"][0]), 1):
        article = content.articles[index]
        out.append(
            {
                "id": f"A{number}",
                "title": article.title,
                "continued_from": article.continued_from,
                "continued_to": article.continued_to,
                "blocks": articles[index],
            }
        )
    return {"source": source, "articles": out, "unassigned": unassigned}


def align(drawn: list[tuple[str, Key]], text: str) -> tuple[list[Key | None], dict]:
    """A label for every line of `text` (None for blank lines), from the drawn lines.

    Whitespace is ignored on both sides. Pass 0 matches extracted lines equal to exactly
    one unused drawn line; pass 1 tiles the rest greedily with the longest unused run of
    drawn characters (at least 2), preferring the run that continues the previous match
    (extraction mostly keeps drawing or reading order); pass 2 gives each character still
    unmatched the nearest unused drawn copy of it (a `weak` match). A line gets the label
    of most of its characters; lines whose characters come from several blocks are
    `mixed` (an extractor glued them).
    """
    d_chars: list[str] = []
    d_keys: list[Key] = []
    line_starts: dict[str, list[int]] = defaultdict(list)
    for line, key in drawn:
        norm = normalize(line)
        if norm:
            line_starts[norm].append(len(d_chars))
        for ch in norm:
            d_chars.append(ch)
            d_keys.append(key)
    dstr = "".join(d_chars)
    K = 3
    index: dict[str, list[int]] = defaultdict(list)
    for j in range(len(dstr) - K + 1):
        index[dstr[j : j + K]].append(j)
    used = bytearray(len(dstr))
    lines = text.split("\n")
    norms = [normalize(line) for line in lines]
    owner: list[list[int]] = [[-1] * len(s) for s in norms]  # drawn position of each char
    stats: Counter = Counter()

    def take(n: int, i: int, j: int, m: int) -> None:
        for k in range(m):
            used[j + k] = 1
            owner[n][i + k] = j + k

    def extend(j: int, s: str, i: int) -> int:
        m = 0
        while i + m < len(s) and j + m < len(dstr) and not used[j + m] and dstr[j + m] == s[i + m]:
            m += 1
        return m

    # pass 0: lines equal to exactly one drawn line
    counts = Counter(s for s in norms if s)
    for n, s in enumerate(norms):
        starts = line_starts.get(s, ())
        if s and len(starts) == 1 and counts[s] == 1:
            take(n, 0, starts[0], len(s))
    # pass 1: greedy tiling
    prev_end = -1
    for n, s in enumerate(norms):
        i = 0
        while i < len(s):
            if owner[n][i] >= 0:
                prev_end = owner[n][i] + 1
                i += 1
                continue
            stop = i
            while stop < len(s) and owner[n][stop] < 0:
                stop += 1
            piece = s[:stop]
            best_j, best_m = -1, 0
            if 0 <= prev_end < len(dstr):
                best_m = extend(prev_end, piece, i)
                best_j = prev_end
            if i == 0 and stop == len(s):
                for j in line_starts.get(s, ()):
                    if extend(j, piece, 0) == len(s) and (best_m < len(s) or j >= prev_end):
                        best_j, best_m = j, len(s)
                        if j >= prev_end:
                            break
            if best_m < 12 and i + K <= stop:
                for j in index.get(piece[i : i + K], ())[:400]:
                    if used[j]:
                        continue
                    m = extend(j, piece, i)
                    if m > best_m or (m == best_m and best_j < prev_end <= j):
                        best_j, best_m = j, m
            if best_m < 2 and not (best_m == 1 and best_j == prev_end):
                i += 1
                continue
            take(n, i, best_j, best_m)
            prev_end = best_j + best_m
            i += best_m
    # pass 2: single characters, nearest unused copy after the previous match
    by_char: dict[str, list[int]] = defaultdict(list)
    for j, ch in enumerate(dstr):
        if not used[j]:
            by_char[ch].append(j)
    prev_end = 0
    for n, s in enumerate(norms):
        for i, ch in enumerate(s):
            if owner[n][i] >= 0:
                prev_end = owner[n][i] + 1
                continue
            free = [j for j in by_char.get(ch, ()) if not used[j]]
            if not free:
                stats["unmatched"] += 1
                continue
            j = min(free, key=lambda j: (j < prev_end, abs(j - prev_end)))
            take(n, i, j, 1)
            stats["weak"] += 1
            prev_end = j + 1
    labels: list[Key | None] = []
    mixed_lines: list[int] = []
    unlabelled: list[int] = []
    for n, s in enumerate(norms, 1):
        if not s:
            labels.append(None)
            continue
        stats["chars"] += len(s)
        keys = Counter(d_keys[j] for j in owner[n - 1] if j >= 0)
        stats["matched"] += sum(keys.values())
        if keys:
            ((key, count),) = keys.most_common(1)
            if len(keys) > 1:
                mixed_lines.append(n)
                stats["mixed_chars"] += sum(keys.values()) - count
            labels.append(key)
        else:
            labels.append(("?", n))  # resolved below
            unlabelled.append(n)
    # lines with no matched character take the label of the nearest labelled line above
    for n in unlabelled:
        k = n - 1
        while k >= 1 and (labels[k - 1] is None or labels[k - 1][0] == "?"):
            k -= 1
        if k < 1:
            k = n + 1
            while k <= len(labels) and (labels[k - 1] is None or labels[k - 1][0] == "?"):
                k += 1
        labels[n - 1] = labels[k - 1] if 1 <= k <= len(labels) else None
    stats["drawn_chars"] = len(dstr)
    stats["drawn_unmatched"] = len(dstr) - sum(used)
    chars = max(stats["chars"], 1)
    coverage = min(
        (stats["matched"] - stats["weak"] - stats["mixed_chars"]) / chars,
        1 - stats["drawn_unmatched"] / max(len(dstr), 1),
    )
    return labels, {
        "coverage": round(coverage, 5),
        "mixed_lines": mixed_lines,
        "unlabelled_lines": unlabelled,
        **{
            k: stats[k]
            for k in (
                "chars",
                "matched",
                "weak",
                "unmatched",
                "mixed_chars",
                "drawn_chars",
                "drawn_unmatched",
            )
        },
    }
