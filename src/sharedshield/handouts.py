"""`make handouts`: printable student and teacher packs, built from the data, the notebooks and the teacher guide.

Each pack is one HTML page (templates/pack_*.html, styles in handouts.css) printed to PDF by Chromium: A4 and US Letter.
The readings' text never appears: only the course's anchor phrases (at most 12 words) locate a paragraph.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup
from playwright.sync_api import sync_playwright

from . import assessment, paper
from .answerkey import entries
from .argmap import ATTITUDES, EXPECTATIONS, KINDS
from .coding import coded_paragraphs, coding_of
from .corroborate import GRID_EVENTS, MEANING, VERDICTS, course_grid, evidence
from .data import Course, load_course
from .dates import describe_date
from .errors import CourseDataError
from .printing import PrintError, launch, offline
from .record import on_record
from .templates import render
from .validate import MAX_ANCHOR_WORDS

ROOT = Path(__file__).resolve().parents[2]
CSS = Path(__file__).with_name("handouts.css")
OUT = ROOT / "_handouts"
ANCHORS_PER_PARAGRAPH = 1  # enough to find the place; two anchors side by side can make a quote longer than 12 words
UNAVAILABLE = "Not available in this version of the course."
# The organizer asks what notebooks 04-06 ask: the course's five kinds of claim, attitude and expectation (circle one),
# then the loaded words and the evidence (written).
CIRCLE_COLUMNS = (
    ("Kind of main claim", KINDS),
    ("Attitude to cooperation", ATTITUDES),
    ("Expects cooperation to", EXPECTATIONS),
)
WRITE_COLUMNS = ("Loaded words (quote them)", "Evidence the paragraph gives (or none)")


def markdown(text: str) -> Markup:
    """Markdown (the guide, the rubric, notebook text) as HTML, with any raw HTML in it shown as text."""
    return Markup(MarkdownIt("commonmark", {"html": False}).enable("table").render(text))  # raw HTML off: safe


def anchor(text: object) -> str:
    """An anchor phrase, cut to at most 12 words (the course's limit for quoting a reading)."""
    words = str(text or "").split()
    return " ".join(words[:MAX_ANCHOR_WORDS]) + (" …" if len(words) > MAX_ANCHOR_WORDS else "")


def page(title: str, body: Markup | None, cls: str = "", named: bool = False) -> str:
    """One sheet of HTML made elsewhere (None: not available), starting a new page; `named`: the name line first."""
    return render("pack_page.html", title=title, body=body, cls=cls, named=named, unavailable=UNAVAILABLE)


def document(title: str, sections: Iterable[str]) -> str:
    """A whole pack: its sections (HTML rendered by this module's templates) and the shared stylesheet."""
    return render(
        "pack.html.j2",
        title=title,
        css=Markup(CSS.read_text(encoding="utf-8")),  # the package's own stylesheet
        sections=[Markup(s) for s in sections],
    )


def footer(pack: str) -> str:
    """Chromium's footer template for a pack's PDF: the pack's name, page N of M."""
    return render("pack_footer.html", pack=pack)


# --- student pack --------------------------------------------------------------------------------------------------


def cover(title: str, subtitle: str, contents: list[str]) -> str:
    """The first sheet: what the pack is and what is in it."""
    return render("pack_cover.html", title=title, subtitle=subtitle, contents=contents)


SOURCING_ASKS = (
    "Author (or: unknown, and what the page shows instead)",
    "Outlet, and what kind of text it is",
    "Date, and how you know it",
    "Whose point of view? What standpoint does the author write from?",
    "For whom was it written?",
    "Why was it written? What does it set out to do?",
    "What else would you want to know before trusting it?",
)


def sourcing_cards(course: Course) -> str:
    """Each reading's blank sourcing card: title, addresses, boxes to fill in (the teacher pack has the course's)."""
    return render("pack_sourcing_cards.html", sources=list(course.sources.itertuples()), asks=SOURCING_ASKS)


def sourcing_key(course: Course) -> str:
    """The course's sourcing cards, for the teacher: what the record and the course's reasoning say of each reading."""
    cards = []
    for source in course.sources.itertuples():
        rows = [
            ("Author", source.author),
            ("Outlet", source.outlet),
            ("Kind of text", source.genre),
            ("Published", f"{describe_date(source.published)} (EDTF {source.published})"),
            ("How the date was established", source.published_basis),
            ("Perspective", source.perspective),
            ("Audience", source.audience),
            ("Purpose", source.purpose),
        ]
        cards.append((source.source_id, source.title, rows))
    return render("pack_sourcing_key.html", cards=cards)


def paragraph_anchors(course: Course, source_id: str, most: int = ANCHORS_PER_PARAGRAPH) -> dict[int, list[str]]:
    """Up to `most` anchor phrases per paragraph of one reading (from mentions, then claims), none inside another."""
    out: dict[int, list[str]] = {}
    for table in (course.mentions, course.claims):
        rows = table[table.source_id == source_id].sort_values("paragraph", kind="stable")
        for row in rows.itertuples():
            phrase, kept = anchor(row.anchor), out.setdefault(int(row.paragraph), [])
            overlaps = any(phrase.casefold() in k.casefold() or k.casefold() in phrase.casefold() for k in kept)
            if phrase and not overlaps and len(kept) < most:
                kept.append(phrase)
    return out


def paragraph_count(course: Course, source_id: str) -> int:
    """The highest paragraph number the data cites for a reading (the packs never open the readings themselves)."""
    numbers = [
        int(t[t.source_id == source_id].paragraph.max())
        for t in (course.mentions, course.claims, course.loaded_terms)
        if (t.source_id == source_id).any()
    ]
    return max(numbers, default=0)


def organizer(course: Course, source: Any) -> str:
    """A close-reading organizer: a row per paragraph with its anchor, the coding fields to circle and room to write."""
    anchors = paragraph_anchors(course, source.source_id)
    coded = set(coded_paragraphs(course, source.source_id))
    rows = [(n, anchors.get(n, []), n in coded) for n in range(1, paragraph_count(course, source.source_id) + 1)]
    return render(
        "pack_organizer.html",
        source_id=source.source_id,
        circle_columns=CIRCLE_COLUMNS,
        write_columns=WRITE_COLUMNS,
        rows=rows,
    )


SALIENT = 3  # record events listed by this many chronologies join the timeline worksheet


def timeline_sheet(course: Course) -> str:
    """Events the readings mention or the record lists most, by date; blank columns for what readings make of them."""
    salient = on_record(course)
    keep = (
        set(course.mentions.event_id)
        | set(salient.loc[salient["salience"] >= SALIENT, "event_id"])
        | paper.checked_events(course)
    )
    events = course.events[course.events.event_id.isin(keep) & (course.events.theme != "publication")].sort_values(
        ["date_start", "event_id"]
    )
    rows = [(describe_date(e.date), e.event_id, e.title) for e in events.itertuples()]
    return render("pack_timeline.html", salient=SALIENT, events=rows)


def lesson3_grid(course: Course) -> str:
    """Lesson 3's grid (07, section 1): four events, each reading's evidence, five verdict words to circle, a reason."""
    sources = list(course.sources.source_id)
    rows = []
    for event_id in GRID_EVENTS:
        table = evidence(course, event_id)
        said = dict(zip(table["reading"], table["what it says"], strict=True))
        rows.append((table.attrs["caption"], [said.get(s, "") for s in sources]))
    return render(
        "pack_lesson3_grid.html",
        verdicts=[(v, MEANING[v]) for v in VERDICTS],
        words=VERDICTS,
        sources=sources,
        rows=rows,
    )


def corroboration_grid(course: Course) -> str:
    """Appendix: every event any reading mentions, against the three readings and the record, for a longer project."""
    mentioned = set(course.mentions.event_id)
    events = course.events[course.events.event_id.isin(mentioned)].sort_values(["date_start", "event_id"])
    return render(
        "pack_corroboration_grid.html",
        sources=list(course.sources.source_id),
        events=[(e.event_id, e.title) for e in events.itertuples()],
    )


def assessment_section(root: Path = ROOT, course: Course | None = None) -> str:
    """Notebook 09's assessment on paper (sharedshield.paper): text, tasks, options, ruled space, record timeline."""
    if not getattr(assessment, "PARAGRAPHS", None) or not (root / "notebooks" / "09_assessment.ipynb").is_file():
        return page("Assessment task", None)
    sheets = paper.student_sheets(course if course is not None else load_course())
    # each sheet's body is HTML rendered by paper's templates; the first sheet opens with the name line
    return "".join(page(title, Markup(body), "paper", named=i == 0) for i, (title, body) in enumerate(sheets))


def student_pack(course: Course, root: Path = ROOT) -> str:
    """The student pack as one HTML page."""
    sources = list(course.sources.itertuples())
    sections = [
        cover(
            "Student pack",
            "Worksheets for the notebooks. Work on paper, check in the notebooks.",
            [
                "Sourcing cards",
                *[f"Close-reading organizer · {s.source_id}" for s in sources],
                "Timeline worksheet",
                "Lesson 3 · Corroboration grid (07)",
                "Assessment task",
                "Appendix · Full corroboration grid",
            ],
        ),
        sourcing_cards(course),
        *[organizer(course, s) for s in sources],
        timeline_sheet(course),
        lesson3_grid(course),
        assessment_section(root, course),
        corroboration_grid(course),
    ]
    return document("Shared Shield? Student pack", sections)


# --- teacher pack --------------------------------------------------------------------------------------------------


def guide_section(guide: str, patterns: tuple[str, ...] = (r"lesson plan", r"\blessons of\b", r"\blessons\b")) -> str:
    """The guide's lesson-plan section (first level-2 heading matching the first pattern that matches), as Markdown."""
    parts = [p for p in re.split(r"(?m)^(?=## )", guide) if p.startswith("## ")]
    for pattern in patterns:
        for part in parts:
            if re.search(pattern, part.splitlines()[0].casefold()):
                return re.sub(r"(?m)^---\s*$", "", part).strip()
    return ""


def guide_part(guide: str, number: int) -> tuple[str, str]:
    """The guide's level-2 section `number` ('## 2. …'): heading and Markdown body, HTML comments and rules dropped."""
    for part in re.split(r"(?m)^(?=## )", guide):
        first, _, body = part.partition("\n")
        if re.match(rf"## {number}\.\s", first):
            body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
            return first[3:].strip(), re.sub(r"(?m)^---\s*$", "", body).strip()
    return "", ""


def guide_page(guide: str, number: int, cls: str = "") -> str:
    """A teacher guide section as a page of the teacher pack, titled as in the guide so its cross-references hold."""
    title, body = guide_part(guide, number)
    return page(title or f"Section {number}", markdown(body) if body else None, cls)


def grid_key(course: Course) -> str:
    """The course's verdicts for the lesson 3 grid (07, section 1), with the reason for each."""
    sources = list(course.sources.source_id)
    grid = course_grid(course)
    rows = []
    for event_id in GRID_EVENTS:
        title = course.events.set_index("event_id").loc[event_id, "title"]
        cells = []
        for s in sources:
            verdict = grid[event_id][s]
            m = course.mentions[(course.mentions.event_id == event_id) & (course.mentions.source_id == s)]
            why = "; ".join(d for d in m["discrepancy"].fillna("") if d) if verdict == "differs" else MEANING[verdict]
            paras = ", ".join(f"¶{int(p)}" for p in sorted(set(m.paragraph)))
            cells.append((verdict, paras, why))
        rows.append((event_id, title, cells))
    return render("pack_grid_key.html", sources=sources, rows=rows)


def coding_keys(course: Course) -> str:
    """The course's coding of the paragraphs students code in 04-06: each field, defensible alternatives, the reason."""
    blocks = [
        (
            source_id,
            [
                {
                    "paragraph": int(r.paragraph),
                    "thesis": r.is_thesis_paragraph,
                    "kind": r.kind,
                    "attitude": r.attitude,
                    "expectation": r.expectation,
                    "loaded": r.loaded,
                    "also_defensible": r.also_defensible or "—",
                    "reason": r.reason,
                }
                for r in coding_of(course, source_id).itertuples()
            ],
        )
        for source_id in course.sources.source_id
    ]
    return render("pack_coding_keys.html", blocks=blocks)


def answer_key(course: Course) -> str:
    """Every self-check's answer computed from the data, its explanation, and feedback for each likely wrong answer."""
    notebooks = [
        (
            notebook,
            [
                {
                    "qid": e.qid,
                    "prompt": markdown(e.prompt),
                    "answer": e.answer,
                    "why": markdown(e.why),
                    "wrong": [(a, markdown(m), False) for a, m in e.wrong]
                    + [(a, markdown(m), True) for a, m in e.defensible],
                }
                for e in group
            ],
        )
        for notebook, group in groupby(entries(course), key=lambda e: e.notebook)
    ]
    return render("pack_answer_key.html", notebooks=notebooks)


def teacher_pack(course: Course, root: Path = ROOT) -> str:
    """The teacher pack as one HTML page."""
    guide = root / "teacher" / "guide.md"
    plan = guide_section(guide.read_text(encoding="utf-8")) if guide.is_file() else ""
    rubric = root / "teacher" / "rubric.md"
    text = guide.read_text(encoding="utf-8") if guide.is_file() else ""
    parts = {n: guide_part(text, n)[0] or f"Section {n}" for n in (2, 6, 7)}
    sections = [
        cover(
            "Teacher pack",
            "Preparation, lesson plan, keys, discussion notes and rubric, built from the course itself.",
            [
                parts[2],
                "Lesson plan",
                "Key to the sourcing cards (01)",
                "Key to the lesson 3 grid (07)",
                "Coding keys for 04-06",
                "Answer key to the self-checks",
                "Key to the paper assessment (09)",
                parts[6],
                parts[7],
                "Rubric with sample answers",
            ],
        ),
        guide_page(text, 2),
        page(
            "Lesson plan",
            markdown(re.sub(r"<!--.*?-->", "", re.sub(r"^## [^\n]*\n", "", plan), flags=re.S)) if plan else None,
            "plan",
        ),
        sourcing_key(course),
        grid_key(course),
        coding_keys(course),
        answer_key(course),
        *[page(t, Markup(b)) for t, b in paper.key_sheets(course)],  # HTML rendered by paper's templates
        guide_page(text, 6),
        guide_page(text, 7),
        page(
            "Rubric with sample answers",
            markdown(rubric.read_text(encoding="utf-8")) if rubric.is_file() else None,
            "rubric",
        ),
    ]
    return document("Shared Shield? Teacher pack", sections)


# --- printing ------------------------------------------------------------------------------------------------------


def build(out: Path = OUT, root: Path = ROOT, course: Course | None = None) -> dict[str, Path]:
    """Write both packs as HTML and as PDF (A4 and US Letter) into `out`; returns the PDFs by name."""

    course = course if course is not None else load_course()
    out.mkdir(parents=True, exist_ok=True)
    pages = {
        "student-pack": ("Student pack", student_pack(course, root)),
        "teacher-pack": ("Teacher pack", teacher_pack(course, root)),
    }
    written: dict[str, Path] = {}
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            for name, (label, text) in pages.items():
                html_file = out / f"{name}.html"
                html_file.write_text(text, encoding="utf-8")
                context = browser.new_context()
                offline(context)
                page_ = context.new_page()
                page_.goto(html_file.resolve().as_uri(), wait_until="load")
                page_.emulate_media(media="print")
                for paper, suffix in (("A4", ""), ("Letter", "-letter")):
                    pdf = out / f"{name}{suffix}.pdf"
                    page_.pdf(
                        path=str(pdf),
                        format=paper,
                        print_background=True,
                        display_header_footer=True,
                        header_template=render("pack_header.html"),
                        footer_template=footer(label),
                        margin={"top": "12mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
                    )
                    written[pdf.stem] = pdf
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """`python -m sharedshield.handouts [OUT_DIR]`: build the packs and say where they are."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = Path(args[0]).resolve() if args else OUT
    start = time.perf_counter()
    try:
        written = build(out)
    except (CourseDataError, PrintError) as err:  # a data problem or no Chromium: the message says how to fix it
        print(err, file=sys.stderr)
        return 1
    print(
        f"Built {len(written)} PDFs in {time.perf_counter() - start:.0f} s: "
        + ", ".join(str(p) for p in written.values())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
