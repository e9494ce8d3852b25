"""Real article text: the People's Daily month archives (7z) of one public crawler repo.

The archives live in the git history of github:caspiankexin/people-daily-crawler-date
(no work tree). The user fetches that repository's git data (the search tool's `fetch`,
or `git clone --mirror`); this module never touches the network. It reads the blob of
each allowed month, extracts it once into a cache folder, and parses every member
`YYYYMMDD-PP-NN.txt` (article NN printed on page PP of that day).

ONLY the months in ALLOWED_MONTHS are ever read: the others are reserved for judging.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ALLOWED_MONTHS = ("2020-02", "2020-05")
AUTO_MIRROR = "/work/.mirror/caspiankexin+people-daily-crawler-date/repo"
MEMBER = re.compile(r"(\d{8})-(\d{2})-(\d{2})\.txt$")

WHITESPACE = " \u3000\xa0\t\r\n\f\u2002\u2003"
BYLINE = re.compile(
    r"^(本报记者|本报特约记者|本报通讯员|特约记者|记者|通讯员|新华社记者|本报驻\S{1,6}记者)"
    r"[\s\u3000\xa0]+[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000\xa0、]{0,20}$"
)
CAPTION_END = re.compile(r"(摄|摄影|摄影报道|供图|制图|绘)(（[^）]{1,12}）)?$")
SENTENCE_END = "。！？；：…”’）」』》.!?;:"
NAME_IN_DATELINE = re.compile(r"（(?:本报)?记者([\u4e00-\u9fff]{2,3})[、）]")
NAME_IN_BYLINE = re.compile(r"本报记者\s+([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,2})")


@dataclass
class Paragraph:
    role: str  # body | subheadline | byline | caption
    text: str


@dataclass
class SourceArticle:
    date: str  # YYYYMMDD
    page: int
    number: int
    kicker: str
    headline: str
    subtitle: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


def clean(text: str) -> str:
    """One line of source text: NBSP runs become one space, edges trimmed."""
    text = re.sub(r"[\xa0\u2002\u2003 ]+", " ", text.replace("\r", ""))
    return text.strip(WHITESPACE)


def paragraph_role(text: str) -> str:
    if len(text) <= 30 and BYLINE.match(text) and not CAPTION_END.search(text):
        return "byline"
    if (
        len(text) <= 120
        and CAPTION_END.search(text)
        and ("摄" in text or "供图" in text or "制图" in text)
    ):
        return "caption"
    if len(text) <= 24 and text[-1] not in SENTENCE_END and not text.startswith(("（", "(")):
        return "subheadline"
    return "body"


def parse_article(path: str | Path) -> SourceArticle | None:
    match = MEMBER.search(str(path))
    if not match:
        return None
    raw = Path(path).read_bytes().decode("utf-8", errors="replace").replace("\r", "")
    lines = raw.split("\n")
    while len(lines) < 3:
        lines.append("")
    kicker, headline, subtitle = (clean(x) for x in lines[:3])
    paragraphs = []
    for line in lines[3:]:
        text = clean(line)
        if text:
            paragraphs.append(Paragraph(paragraph_role(text), text))
    date, page, number = match.group(1), int(match.group(2)), int(match.group(3))
    return SourceArticle(date, page, number, kicker, headline, subtitle, paragraphs)


def month_archive_paths(month: str) -> list[str]:
    year, mon = month.split("-")
    return [f"{year}年数据/{year}年{int(mon)}月.7z"]


def archive_blob(mirror: str, month: str) -> bytes:
    """The 7z bytes of `month` from the mirror's history (the commit that added it)."""
    for path in month_archive_paths(month):
        commits = subprocess.run(
            [
                "git",
                f"--git-dir={mirror}",
                "log",
                "--all",
                "--diff-filter=A",
                "--format=%H",
                "--",
                path,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for commit in commits:
            blob = subprocess.run(
                ["git", f"--git-dir={mirror}", "cat-file", "blob", f"{commit}:{path}"],
                capture_output=True,
                check=False,
            )
            if blob.returncode == 0 and blob.stdout[:2] == b"7z":
                return blob.stdout
    raise FileNotFoundError(f"{mirror}: no 7z archive of {month} in its history")


def extract_7z(archive: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    try:
        import py7zr  # noqa: PLC0415

        with py7zr.SevenZipFile(archive) as z:
            z.extractall(dest)
    except ImportError:
        if not shutil.which("7z"):
            raise SystemExit("need py7zr or p7zip-full: run sh tests/devcorpus/setup.sh") from None
        subprocess.run(
            ["7z", "x", "-y", f"-o{dest}", str(archive)], check=True, capture_output=True
        )


def month_folder(mirror: str, month: str, cache: Path) -> Path:
    """A folder holding the extracted members of `month`, built once into `cache`.

    `mirror` is a bare git dir of the crawler repo, 'auto', or a folder that already holds
    the month's 7z (named like `2020年2月.7z`) or its extracted members.
    """
    if month not in ALLOWED_MONTHS:
        raise ValueError(f"{month} is reserved: only {ALLOWED_MONTHS} may be read")
    target = cache / month
    done = target / ".complete"
    if done.exists():
        return target
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    year, mon = month.split("-")
    if mirror == "auto":
        mirror = AUTO_MIRROR
    root = Path(mirror)
    if (root / "HEAD").exists() and (root / "objects").exists():
        archive = target / "month.7z"
        archive.write_bytes(archive_blob(str(root), month))
        extract_7z(archive, target)
        archive.unlink()
    else:
        found = [p for p in root.rglob(f"*{year}年{int(mon)}月.7z")]
        if found:
            extract_7z(found[0], target)
        else:
            prefix = f"{year}{mon}"
            members = [p for p in root.rglob(f"{prefix}??-??-??.txt")]
            if not members:
                raise SystemExit(
                    f"{mirror}: neither a git mirror nor a folder with the {month} archive"
                )
            for p in members:
                shutil.copy2(p, target / p.name)
    done.write_text("ok\n")
    return target


def load_pages(mirror: str, cache: Path) -> dict[tuple[str, int], list[SourceArticle]]:
    """Every printed page (date, page number) of the allowed months → its articles in order."""
    pages: dict[tuple[str, int], list[SourceArticle]] = {}
    for month in ALLOWED_MONTHS:
        folder = month_folder(mirror, month, cache)
        prefix = month.replace("-", "")
        for path in sorted(glob.glob(os.path.join(folder, "**", "*.txt"), recursive=True)):
            name = os.path.basename(path)
            if not name.startswith(prefix):
                continue
            article = parse_article(path)
            if article is None or not article.paragraphs:
                continue
            pages.setdefault((article.date, article.page), []).append(article)
    for articles in pages.values():
        articles.sort(key=lambda a: a.number)
    return pages


def reporter_names(pages: dict[tuple[str, int], list[SourceArticle]]) -> list[str]:
    """Reporters' names as the text prints them (datelines, bylines), for synthetic bylines."""
    names: set[str] = set()
    for articles in pages.values():
        for article in articles:
            for p in article.paragraphs[:3]:
                names.update(NAME_IN_DATELINE.findall(p.text))
                names.update(re.sub(r"\s+", "", n) for n in NAME_IN_BYLINE.findall(p.text))
    return sorted(n for n in names if 2 <= len(n) <= 3 and not n.endswith("摄"))
