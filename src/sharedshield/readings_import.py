"""`python -m sharedshield readings import|list`: number a reader's own copy of a reading as the course cites it."""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from .data import find_data_dir
from .readings import FOLD, fold, parse_reading, reading_store

# Page furniture a saved web page carries around the text: dropped before the paragraphs are found.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "iframe",
    "button",
    "select",
    "template",
    "figure",
)
FURNITURE = re.compile(
    r"share|social|subscri|newsletter|author|byline|footer|header|nav|menu|comment|related|sidebar|cookie|breadcrumb|banner|promo|advert|popup|modal",
    re.I,
)
BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "dt")
SENTENCE_END = tuple(
    ".?!:;\"')]\u201d\u2019"
)  # a block ending in one of these may end a paragraph (a hard-wrapped line does not)
MIN_SHARE = 0.6  # share of paragraph openings that must be found for a file to count as that reading


class ImportRefused(Exception):
    """The file was not imported; the message says why and what to do. Nothing was changed."""


@dataclass(frozen=True)
class Opening:
    """How the course recognises one paragraph: its number, first words, last words and length."""

    paragraph: int
    opening: str
    closing: str
    words: int


@dataclass(frozen=True)
class ImportReport:
    """What an import found and where it stored the numbered reading."""

    source_id: str
    path: Path
    paragraphs: int
    openings_found: int
    openings_total: int
    anchors_found: int
    anchors_total: int
    missing: tuple[int, ...]

    def __str__(self) -> str:
        lines = [
            (
                f"Imported {self.source_id}: {self.paragraphs} paragraphs numbered as the course cites them, saved to"
                f" {self.path}"
            ),
            f"  paragraph openings found: {self.openings_found} of {self.openings_total}",
            f"  course anchors found in the paragraph the course cites: {self.anchors_found} of {self.anchors_total}",
        ]
        if self.missing:
            lines.append(
                f"  not found in your copy: paragraph(s) {', '.join(map(str, self.missing))} (your copy may be shorter,"
                " or differ in wording there)"
            )
        return "\n".join(lines)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character it came from."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        ch = ch.translate(FOLD)
        if not ch:
            continue
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        for c in ch.casefold():
            out.append(c)
            where.append(i)
        space = False
    return "".join(out), where


def course_openings(data_dir: Path, source_id: str) -> list[Opening]:
    """The course's paragraph openings for one reading, from data/paragraphs.csv."""
    path = data_dir / "paragraphs.csv"
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return [
        Opening(int(r["paragraph"]), r["opening"], r.get("closing") or "", int(r["words"]))
        for r in rows
        if r["source_id"] == source_id
    ]


def course_anchors(data_dir: Path, source_id: str) -> list[tuple[int, str]]:
    """Every verbatim anchor and loaded phrase the course quotes from one reading, with its paragraph."""
    out = []
    for file, col in (("mentions.csv", "anchor"), ("claims.csv", "anchor"), ("loaded_terms.csv", "phrase")):
        path = data_dir / file
        if path.is_file():
            out += [
                (int(r["paragraph"]), r[col])
                for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
                if r["source_id"] == source_id and r[col]
            ]
    return out


def decode(raw: bytes, name: str) -> str:
    """The file's text, or ImportRefused for an empty, binary, PDF or undecodable file."""
    if not raw.strip():
        raise ImportRefused(
            f"{name} is empty — save the page again (File → Save Page As…, 'Web Page, HTML only' or 'Text') and import"
            " that file"
        )
    if raw.startswith(b"%PDF"):
        raise ImportRefused(
            f"{name} is a PDF, which the import cannot read reliably — open the web address in a browser and save the"
            " page as HTML (or copy the text into a .txt file), then import that"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" in raw[:4096]:
        raise ImportRefused(
            f"{name} is not a text or web-page file (it contains binary data) — import the saved .html page or a .txt"
            " copy of the text"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.I)
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise ImportRefused(
        f"{name} is not in a text encoding the import can read (UTF-8, UTF-16, or one the page declares) — save it"
        " again as UTF-8 (most editors: Save As… → Encoding: UTF-8)"
    )


def is_html(text: str, name: str) -> bool:
    """True for a saved web page (by its name or its first tags)."""
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(
        re.match(r"\s*(<!doctype html|<html|<\?xml)", text[:500], re.I)
    )


def html_blocks(text: str) -> list[str]:
    """Text blocks of a saved web page, page furniture (scripts, menus, footers, share prompts, author box) dropped."""
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marks = " ".join([*tag.get("class", []), tag.get("id", ""), tag.get("role", "")])
        if marks.strip() and FURNITURE.search(marks) and tag.name not in ("html", "body", "main", "article"):
            tag.decompose()
    blocks = []
    for tag in soup.find_all(BLOCK_TAGS):
        if tag.find_parent(BLOCK_TAGS):
            continue
        words = tag.get_text(" ", strip=True)
        if words:
            blocks.append(words)
    if not blocks:  # a page with bare text and <br> only
        blocks = [b for b in re.split(r"\n\s*\n", soup.get_text("\n")) if b.strip()]
    return blocks


def text_blocks(text: str) -> list[str]:
    """The blocks of a plain-text copy: paragraphs split at blank lines (or at single line breaks if there are none)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    blocks = []
    for part in parts:
        part = re.sub(r"^\s*\[\d+\]\s+", "", part.strip())  # a copy already in the course's format
        if part and not part.startswith("#"):
            blocks.append(" ".join(part.split()))
    return blocks


def number_paragraphs(blocks: list[str], openings: list[Opening]) -> tuple[dict[int, str], list[int]]:
    """Paragraphs as the course numbers them, found by openings and closings whatever the breaks; and those missed."""
    stream = "\n".join(blocks)
    folded, where = _folded_with_map(stream)
    breaks = [i for i, ch in enumerate(stream) if ch == "\n"] + [len(stream)]
    starts: dict[int, int] = {}
    cursor = 0
    for op in openings:
        hit = folded.find(fold(op.opening), cursor)
        if hit >= 0:
            starts[op.paragraph] = hit
            cursor = hit + 1
    found = sorted(starts.items(), key=lambda kv: kv[1])
    out: dict[int, str] = {}
    by_number = {op.paragraph: op for op in openings}
    for k, (number, start) in enumerate(found):
        limit = found[k + 1][1] if k + 1 < len(found) else len(folded)
        op = by_number[number]
        end = -1
        if op.closing:
            close = folded.find(fold(op.closing), start, limit)
            if close >= 0:
                end = close + len(fold(op.closing))
        original_start = where[start]
        if (
            end < 0
        ):  # no closing: the paragraph ends with the first block that ends a sentence, or where the next one begins
            block_end = next(
                b
                for b in breaks
                if b > original_start and (b == len(stream) or stream[:b].rstrip()[-1:] in SENTENCE_END)
            )
            original_end = min(block_end, where[limit] if limit < len(folded) else len(stream))
        else:
            original_end = where[end - 1] + 1
        out[number] = " ".join(stream[original_start:original_end].split())
    missing = [op.paragraph for op in openings if op.paragraph not in out]
    return out, missing


def _looks_like(blocks: list[str], openings: list[Opening]) -> bool:
    """True when enough of a reading's paragraph openings are in the blocks."""
    return bool(openings) and len(openings) - len(number_paragraphs(blocks, openings)[1]) >= MIN_SHARE * len(openings)


def render(source_id: str, title: str, paragraphs: dict[int, str], origin: str) -> str:
    """A numbered reading in the course's format (header lines, then [N] paragraphs)."""
    head = [
        f"# id: {source_id}",
        f"# title: {title}",
        f"# imported from: {origin}",
        f"# imported on: {date.today().isoformat()}",
        "",
    ]
    body = [f"[{n}] {paragraphs[n]}\n" for n in sorted(paragraphs)]
    return "\n".join(head) + "\n" + "\n".join(body)


def _sources(data_dir: Path) -> dict[str, dict[str, str]]:
    """The readings the course knows, by id (from data/sources.csv)."""
    rows = csv.DictReader(io.StringIO((data_dir / "sources.csv").read_text(encoding="utf-8")))
    return {r["source_id"]: r for r in rows}


def import_reading(
    source_id: str, file: str | Path, data_dir: str | Path | None = None, store: Path | None = None
) -> ImportReport:
    """Number a reader's copy of a reading, store it where notebooks find it; refuse other texts, changing nothing."""
    folder = find_data_dir(data_dir)
    sources = _sources(folder)
    if source_id not in sources:
        raise ImportRefused(f"'{source_id}' is not one of the course's readings — use one of: {', '.join(sources)}")
    path = Path(file).expanduser()
    if not path.is_file():
        raise ImportRefused(
            f"{path} is not a file — give the path of the saved page or text file (drag it into the terminal to paste"
            " its path)"
        )
    raw = path.read_bytes()
    text = decode(raw, path.name)
    blocks = html_blocks(text) if is_html(text, path.name) else text_blocks(text)
    openings = course_openings(folder, source_id)
    paragraphs, missing = number_paragraphs(blocks, openings)
    found = len(openings) - len(missing)
    if found < MIN_SHARE * len(openings):
        guess = [sid for sid in sources if sid != source_id and _looks_like(blocks, course_openings(folder, sid))]
        hint = (
            f" It looks like {guess[0]}: import it as `readings import {guess[0]} {path.name}`."
            if guess
            else " Check that it is the right text, saved in full."
        )
        raise ImportRefused(
            f"{path.name} does not look like {source_id}: only {found} of its {len(openings)} paragraphs were found in"
            f" it.{hint} Nothing was changed."
        )
    anchors = course_anchors(folder, source_id)
    anchors_found = sum(1 for n, a in anchors if n in paragraphs and fold(a) in fold(paragraphs[n]))
    target_dir = store if store is not None else reading_store()
    target = target_dir / sources[source_id]["reading_file"]
    _write_atomic(target, render(source_id, sources[source_id]["title"], paragraphs, str(path.resolve())))
    return ImportReport(
        source_id, target, len(paragraphs), found, len(openings), anchors_found, len(anchors), tuple(missing)
    )


def _write_atomic(target: Path, text: str) -> None:
    """Write a file whole or not at all (a temporary file renamed over the old one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def installed(store: Path | None = None) -> list[dict[str, str]]:
    """The readings in the per-user folder: id, paragraphs, the file each was imported from, and when."""
    folder = store if store is not None else reading_store()
    out = []
    for file in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        text = file.read_text(encoding="utf-8", errors="replace")
        head = dict(line[2:].split(": ", 1) for line in text.splitlines() if line.startswith("# ") and ": " in line)
        out.append(
            {
                "id": head.get("id", file.stem),
                "paragraphs": str(len(parse_reading(text))),
                "from": head.get("imported from", "?"),
                "on": head.get("imported on", "?"),
                "file": str(file),
            }
        )
    return out


INSTALL_HOW = (
    "Upload your saved copy with the upload button (↑) of JupyterLab's file browser, then write the reading's id and"
    ' the file\'s name between the quotes, e.g. ss.install_reading("lukyanov2011", "epilogue.html"), and run the cell'
    " again. Ids: blog2007, lukyanov2011, eir2013."
)


def install_reading(source_id: str, file: str | Path) -> ImportReport | None:
    """In a notebook: install an uploaded reading found beside it or at the course root; print the report or why not."""
    if source_id is ... or file is ... or not str(file).strip():
        print(INSTALL_HOW)
        return None
    given = Path(str(file)).expanduser()
    places = [given] if given.is_absolute() else [Path.cwd() / given, Path.cwd().parent / given]
    found = next((p for p in places if p.is_file()), places[0])
    try:
        report = import_reading(str(source_id), found)
    except ImportRefused as err:
        print(err)
        return None
    print(f"{report}\nEvery notebook finds it from now on, with no restart: run the cells that show the reading again.")
    return report
