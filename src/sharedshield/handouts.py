"""`make handouts`: printable student and teacher packs, built from the data, the notebooks and the teacher guide.

Each pack is one HTML page (templates below, styles in handouts.css) printed to PDF by Chromium: A4 and US Letter.
The readings' text never appears: only the course's anchor phrases (at most 12 words) locate a paragraph.
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
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
from .validate import MAX_ANCHOR_WORDS

ROOT = Path(__file__).resolve().parents[2]
CSS = Path(__file__).with_name("handouts.css")
OUT = ROOT / "_handouts"
ANCHORS_PER_PARAGRAPH = 1  # enough to find the place; two anchors side by side can make a quote longer than 12 words
UNAVAILABLE = "Not available in this version of the course."
FOOTER = (
    '<div style="font: 8px Arial, Helvetica, sans-serif; color: #555; width: 100%; padding: 0 12mm; display: flex;'
    ' justify-content: space-between;"><span>Shared Shield? · {pack}</span><span>page <span class="pageNumber"></span>'
    ' of <span class="totalPages"></span></span></div>'
)
# The organizer asks what notebooks 04-06 ask: the course's five kinds of claim, attitude and expectation (circle one),
# then the loaded words and the evidence (written).
CIRCLE_COLUMNS = (
    ("Kind of main claim", KINDS),
    ("Attitude to cooperation", ATTITUDES),
    ("Expects cooperation to", EXPECTATIONS),
)
WRITE_COLUMNS = ("Loaded words (quote them)", "Evidence the paragraph gives (or none)")


def esc(value: object) -> str:
    """Text made safe for HTML (data never becomes markup)."""
    return html.escape("" if value is None else str(value))


def markdown(text: str) -> str:
    """Markdown (the guide, the rubric, notebook text) as HTML, with any raw HTML in it shown as text."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def anchor(text: object) -> str:
    """An anchor phrase, cut to at most 12 words (the course's limit for quoting a reading)."""
    words = str(text or "").split()
    return " ".join(words[:MAX_ANCHOR_WORDS]) + (" …" if len(words) > MAX_ANCHOR_WORDS else "")


def page(title: str, body: str, cls: str = "") -> str:
    """One section that starts on a new sheet."""
    return f'<section class="sheet {cls}"><h2>{esc(title)}</h2>\n{body}</section>\n'


def document(title: str, sections: Iterable[str]) -> str:
    """A whole pack: its sections and the shared stylesheet."""
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{CSS.read_text(encoding='utf-8')}</style></head><body>\n{''.join(sections)}</body></html>\n"
    )


def name_line() -> str:
    """Lines for the student's name, class and date."""
    return '<p class="name-line">Name: <span></span> Class: <span></span> Date: <span></span></p>'


# --- student pack --------------------------------------------------------------------------------------------------


def cover(title: str, subtitle: str, contents: list[str]) -> str:
    """The first sheet: what the pack is and what is in it."""
    items = "".join(f"<li>{esc(c)}</li>" for c in contents)
    return (
        '<section class="cover"><p class="kicker">Shared Shield? · Russia, the US/NATO and missile defense,'
        f" 1983-2013</p><h1>{esc(title)}</h1><p>{esc(subtitle)}</p><h3>Contents</h3><ol>{items}</ol></section>\n"
    )


SOURCING_ASKS = (
    "Author (or: unknown, and what the page shows instead)",
    "Outlet, and what kind of text it is",
    "Date, and how you know it",
    "Whose point of view? What standpoint does the author write from?",
    "For whom was it written?",
    "Why was it written? What does it set out to do?",
    "What else would you want to know before trusting it?",
)


def sourcing_card(source: Any) -> str:
    """A reading's blank sourcing card: title, addresses, boxes to fill in (the teacher pack has the course's card)."""
    links = (
        f'<tr><th>Web address</th><td class="url">{esc(source.url)}</td></tr>'
        f'<tr><th>Archived copies</th><td class="url">{esc(source.archive_url)}</td></tr>'
    )
    asks = "".join(f'<div class="box"><p class="ask">{esc(q)}</p></div>' for q in SOURCING_ASKS)
    return (
        f'<div class="card"><h3>{esc(source.source_id)} · {esc(source.title)}</h3><table class="facts">{links}</table>'
        f'<div class="boxes">{asks}</div></div>'
    )


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
        facts = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        cards.append(
            f'<div class="card"><h3>{esc(source.source_id)} · {esc(source.title)}</h3><table'
            f' class="facts">{facts}</table></div>'
        )
    return page(
        "Key to the sourcing cards (01)",
        "<p class='how'>The course's card for each reading, for after the students have filled "
        "theirs. Other answers can be defensible: ask for the evidence.</p>" + "".join(cards),
    )


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


def circle(options: tuple[str, ...]) -> str:
    """The allowed values of one field, printed in the cell for the student to circle one."""
    return "<div class='circle'>" + "".join(f"<span>{esc(o)}</span>" for o in options) + "</div>"


def organizer(course: Course, source: Any) -> str:
    """A close-reading organizer: a row per paragraph with its anchor, the coding fields to circle and room to write."""
    anchors = paragraph_anchors(course, source.source_id)
    coded = set(coded_paragraphs(course, source.source_id))
    head = (
        "<tr><th class='num'>¶</th><th class='anchors'>Anchor (find the place)</th>"
        + "".join(f"<th>{esc(c)}</th>" for c, _ in CIRCLE_COLUMNS)
        + "".join(f"<th class='write'>{esc(c)}</th>" for c in WRITE_COLUMNS)
        + "</tr>"
    )
    rows = []
    for n in range(1, paragraph_count(course, source.source_id) + 1):
        cells = (
            "".join(f"<div>“{esc(a)}”</div>" for a in anchors.get(n, []))
            or "<div class='none'>(no anchor: read the paragraph)</div>"
        )
        star = "<div class='coded'>★ coded in the notebook</div>" if n in coded else ""
        rows.append(
            f"<tr><td class='num'>{n}</td><td class='anchors'>{cells}{star}</td>"
            + "".join(f"<td>{circle(o)}</td>" for _, o in CIRCLE_COLUMNS)
            + "<td class='write'></td>" * len(WRITE_COLUMNS)
            + "</tr>"
        )
    intro = (
        f"<p class='how'>Read <b>{esc(source.source_id)}</b> paragraph by paragraph; the anchor is a short phrase from"
        " the paragraph to find your place. For each paragraph, circle the <b>kind</b> of its main claim (fact,"
        " interpretation, prediction, value or recommendation), the author's <b>attitude</b> to cooperation and what"
        " the author <b>expects</b> cooperation to do; then quote the loaded words and note the evidence the paragraph"
        " gives. ★ marks the paragraphs the notebook asks you to code: compare your answers with the course's"
        " there.</p>"
    )
    return page(
        f"Close-reading organizer · {source.source_id}",
        intro
        + name_line()
        + f"<table class='grid organizer'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>",
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
    head = (
        "<tr><th class='date'>Record date</th><th class='eid'>Event</th><th>What happened</th><th>Mentioned by"
        " (reading, ¶)</th><th>Date as the reading gives it</th><th>Same as the record?</th></tr>"
    )
    rows = "".join(
        f"<tr><td class='date'>{esc(describe_date(e.date))}</td><td"
        f" class='eid'>{esc(e.event_id)}</td><td>{esc(e.title)}</td><td></td><td></td><td></td></tr>"
        for e in events.itertuples()
    )
    intro = (
        "<p class='how'>Events in date order: those the readings mention, mixed with the record's most-listed events"
        f" (found in {SALIENT} or more chronologies). Fill in which readings mention each event, the date they give,"
        " and whether it matches the record. Leave a row blank when no reading mentions the event: that blank is a"
        " silence worth explaining.</p>"
    )
    return page(
        "Timeline worksheet",
        intro + name_line() + f"<table class='grid timeline'><thead>{head}</thead><tbody>{rows}</tbody></table>",
    )


def verdict_words() -> str:
    """The five verdict words of notebook 07 with what each means."""
    return (
        "<table class='grid verdicts'><thead><tr><th>word</th><th>meaning</th></tr></thead><tbody>"
        + "".join(f"<tr><td><b>{esc(v)}</b></td><td>{esc(MEANING[v])}</td></tr>" for v in VERDICTS)
        + "</tbody></table>"
    )


def lesson3_grid(course: Course) -> str:
    """Lesson 3's grid (07, section 1): four events, each reading's evidence, five verdict words to circle, a reason."""
    sources = list(course.sources.source_id)
    head = "<tr><th class='eid'>Event and record date</th>" + "".join(f"<th>{esc(s)}</th>" for s in sources) + "</tr>"
    rows = []
    for event_id in GRID_EVENTS:
        table = evidence(course, event_id)
        said = dict(zip(table["reading"], table["what it says"], strict=True))
        cells = "".join(
            f"<td><p class='said'>{esc(said.get(s, ''))}</p>{circle(VERDICTS)}<p class='why'>Why:</p></td>"
            for s in sources
        )
        rows.append(f"<tr><td class='eid'>{esc(table.attrs['caption'])}</td>{cells}</tr>")
    intro = (
        "<p class='how'>Notebook 07, section 1. For each event and each reading, read the evidence, <b>circle one"
        " word</b> and write why, <b>before</b> you run the comparison in the notebook. The five words:</p>"
    )
    return page(
        "Lesson 3 · Corroboration grid (07)",
        intro
        + verdict_words()
        + name_line()
        + f"<table class='grid lesson3'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>",
    )


def corroboration_grid(course: Course) -> str:
    """Appendix: every event any reading mentions, against the three readings and the record, for a longer project."""
    mentioned = set(course.mentions.event_id)
    events = course.events[course.events.event_id.isin(mentioned)].sort_values(["date_start", "event_id"])
    sources = list(course.sources.source_id)
    head = (
        "<tr><th class='eid'>Event</th><th>What happened</th>"
        + "".join(f"<th>{esc(s)}: ¶ and framing</th>" for s in sources)
        + "<th>Agree with the record? Where not, why might that be?</th></tr>"
    )
    rows = "".join(
        f"<tr><td class='eid'>{esc(e.event_id)}</td><td>{esc(e.title)}</td>"
        + "<td></td>" * (len(sources) + 1)
        + "</tr>"
        for e in events.itertuples()
    )
    intro = (
        f"<p class='how'>All {len(events)} events that at least one reading mentions, for a longer project or a second "
        "corroboration (lesson 3 uses the four-event grid). For each reading that mentions the event, note the "
        "paragraph and how it frames the event; then compare with the record (date, confidence and reference).</p>"
    )
    return page(
        "Appendix · Full corroboration grid",
        intro + name_line() + f"<table class='grid corroboration'><thead>{head}</thead><tbody>{rows}</tbody></table>",
    )


def assessment_section(root: Path = ROOT, course: Course | None = None) -> str:
    """Notebook 09's assessment on paper (sharedshield.paper): text, tasks, options, ruled space, record timeline."""
    if not getattr(assessment, "PARAGRAPHS", None) or not (root / "notebooks" / "09_assessment.ipynb").is_file():
        return page("Assessment task", f"<p class='unavailable'>{UNAVAILABLE}</p>")
    sheets = paper.student_sheets(course if course is not None else load_course())
    return "".join(
        page(title, (name_line() if i == 0 else "") + body, "paper") for i, (title, body) in enumerate(sheets)
    )


def student_pack(course: Course, root: Path = ROOT) -> str:
    """The student pack as one HTML page."""
    sources = list(course.sources.itertuples())
    cards = page(
        "Sourcing cards",
        "<p class='how'>Each reading's title and where to find it. From the page itself (its address, its header, what"
        " it reacts to), fill in the boxes before you read closely; notebook 01 then compares your card with the"
        " course's.</p>" + "".join(sourcing_card(s) for s in sources),
    )
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
        cards,
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
    return page(
        title or f"Section {number}", markdown(body) if body else f"<p class='unavailable'>{UNAVAILABLE}</p>", cls
    )


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
            cells.append(
                f"<td><b>{esc(verdict)}</b>{' (' + esc(paras) + ')' if paras else ''}<p class='why'>{esc(why)}</p></td>"
            )
        rows.append(f"<tr><td class='eid'>{esc(event_id)} · {esc(title)}</td>{''.join(cells)}</tr>")
    head = "<tr><th class='eid'>Event</th>" + "".join(f"<th>{esc(s)}</th>" for s in sources) + "</tr>"
    return page(
        "Key to the lesson 3 grid (07)",
        "<p class='how'>Computed from the data when this pack was built: the course's verdict for each cell and why. A"
        " student's different verdict with a reason from the evidence is worth discussing, not marking wrong.</p>"
        + f"<table class='grid key'><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>",
    )


def coding_keys(course: Course) -> str:
    """The course's coding of the paragraphs students code in 04-06: each field, defensible alternatives, the reason."""
    blocks = []
    for source_id in course.sources.source_id:
        rows = "".join(
            "<tr><td"
            f" class='num'>{int(r.paragraph)}{' (thesis)' if r.is_thesis_paragraph else ''}</td><td>{esc(r.kind)}</td>"
            f"<td>{esc(r.attitude)}</td><td>{esc(r.expectation)}</td><td>{esc(r.loaded)}</td>"
            f"<td>{esc(r.also_defensible or '—')}</td>"
            f"<td>{esc(r.reason)}</td></tr>"
            for r in coding_of(course, source_id).itertuples()
        )
        blocks.append(
            f"<h3>{esc(source_id)}</h3><table class='grid key coding'><thead><tr><th"
            " class='num'>¶</th><th>kind</th><th>attitude</th><th>expectation</th><th>loaded words</th><th>also"
            f" defensible</th><th>why</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    return page(
        "Coding keys for 04-06",
        "<p class='how'>The course's coding of the paragraphs each close-reading notebook asks "
        "students to code (Task 2), from the data. 'Also defensible' values are accepted with evidence.</p>"
        + "".join(blocks),
        "coding",
    )


def answer_key(course: Course) -> str:
    """Every self-check's answer computed from the data, its explanation, and feedback for each likely wrong answer."""
    blocks, current = [], None
    for e in entries(course):
        if e.notebook != current:
            blocks.append(f"<h3>{esc(e.notebook)}</h3>")
            current = e.notebook
        expected = (
            esc(e.answer)
            if e.answer is not None
            else "<i>computed in the notebook (it needs the readings or the student's file)</i>"
        )
        wrong = "".join(f"<tr><td>{esc(a)}</td><td>{markdown(m)}</td></tr>" for a, m in e.wrong)
        wrong += "".join(f"<tr><td>{esc(a)} (defensible)</td><td>{markdown(m)}</td></tr>" for a, m in e.defensible)
        wrong_table = (
            "<table class='grid wrong'><thead><tr><th>Likely wrong"
            f" answer</th><th>Feedback</th></tr></thead><tbody>{wrong}</tbody></table>"
            if wrong
            else ""
        )
        blocks.append(
            f"<div class='question'><p class='qid'><b>{esc(e.qid)}</b></p>{markdown(e.prompt)}<p"
            f" class='answer'><b>Answer:</b> {expected}</p><div"
            f" class='explain'>{markdown(e.why)}</div>{wrong_table}</div>"
        )
    return page(
        "Answer key to the self-checks",
        "<p class='how'>Computed from the course data when this pack was built, so it "
        "matches the notebooks. Feedback is what a student sees for each likely wrong answer.</p>" + "".join(blocks),
    )


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
            (
                markdown(re.sub(r"<!--.*?-->", "", re.sub(r"^## [^\n]*\n", "", plan), flags=re.S))
                if plan
                else f"<p class='unavailable'>{UNAVAILABLE}</p>"
            ),
            "plan",
        ),
        sourcing_key(course),
        grid_key(course),
        coding_keys(course),
        answer_key(course),
        *[page(t, b) for t, b in paper.key_sheets(course)],
        guide_page(text, 6),
        guide_page(text, 7),
        page(
            "Rubric with sample answers",
            (
                markdown(rubric.read_text(encoding="utf-8"))
                if rubric.is_file()
                else f"<p class='unavailable'>{UNAVAILABLE}</p>"
            ),
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
                        header_template="<span></span>",
                        footer_template=FOOTER.format(pack=label),
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
