"""Course map and classroom plan: sole source of notebook minutes and lesson timings (README, guide, 00 show them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

LESSON_MINUTES = 50
ROOT = Path(__file__).resolve().parents[2]
MAP_START, MAP_END = (
    "<!-- course-map:start (made by make docs from src/sharedshield/lessons.py) -->",
    "<!-- course-map:end -->",
)
PLAN_START, PLAN_END = (
    "<!-- lesson-plan:start (made by make docs from src/sharedshield/lessons.py) -->",
    "<!-- lesson-plan:end -->",
)


@dataclass(frozen=True)
class Lesson:
    """One notebook of the course."""

    notebook: str
    title: str
    minutes: int
    question: str


# Minutes: a careful 17-year-old who reads everything, answers every task before opening its solution, and does the
# self-checks (method and counts in teacher/guide.md, "How long each notebook takes").
COURSE_MAP: tuple[Lesson, ...] = (
    Lesson("00_start_here", "Start here", 20, "What does this course ask, and how do notebooks and self-checks work?"),
    Lesson("01_meet_the_sources", "Meet the sources", 30, "Who wrote each reading, when, for whom, and why?"),
    Lesson(
        "02_timeline",
        "The timeline: the record beside the readings",
        40,
        "What happened when, how sure can we be of each date, and what could each reading have known when it was"
        " written?",
    ),
    Lesson(
        "03_event_density",
        "Event density: the record beside the readings",
        35,
        "Where in time does each reading look, compared with the record, and what does a peak not show?",
    ),
    Lesson(
        "04_blog_2007",
        "Close reading: the 2007 blog post",
        50,
        "What does the blog argue, with what evidence and which words?",
    ),
    Lesson(
        "05_lukyanov_2011",
        "Close reading: Lukyanov's 2011 column",
        50,
        "How does the column explain the failure of joint missile defense?",
    ),
    Lesson(
        "06_eir_2013",
        "Close reading: the 2013 EIR timeline",
        50,
        "What story does the timeline tell, and what does it leave out?",
    ),
    Lesson(
        "07_corroboration",
        "Corroboration",
        40,
        "Where do the readings agree, stay silent or contradict each other and the record?",
    ),
    Lesson("08_your_turn", "Your turn", 35, "Add an event or a source, and see the validator and the charts respond."),
    Lesson(
        "09_assessment",
        "Assessment: source, date and argue",
        55,
        "Can you source and date a new text against the record, and argue an answer to the course question with"
        " evidence?",
    ),
)


@dataclass(frozen=True)
class Step:
    """One stretch of a lesson: its minutes and what the class does (Markdown)."""

    minutes: int
    activity: str


@dataclass(frozen=True)
class ClassLesson:
    """One 50-minute lesson of the classroom plan, and the homework that follows it."""

    title: str
    steps: tuple[Step, ...]
    homework: str
    homework_minutes: int  # the homework that is set, optional parts left out

    @property
    def minutes(self) -> int:
        """Minutes of the lesson, setup and moving included."""
        return sum(step.minutes for step in self.steps)


PAPER_ROUTE = (
    "*Without an installation:* read the notebook on the course site and write the answers on the student "
    "pack's paper sheets ({sheet}); the site's quizzes give feedback, but nothing typed there is saved."
)

LESSON_PLAN: tuple[ClassLesson, ...] = (
    ClassLesson(
        "Lesson 1: the sources and their dates (01, start of 02)",
        (
            Step(
                5,
                '**Setup.** Everyone opens 01 and runs its first cell; pairs on one device run `ss.whoami("Ada Lovelace'
                ' & Alan Turing")` with both names. Note who needs help after the lesson.',
            ),
            Step(
                3,
                "The course question on the board. Three short texts, three perspectives: what would you want to know"
                " before trusting any of them?",
            ),
            Step(
                30,
                "**01 · Meet the sources**, the whole notebook, alone or in pairs: Tasks 1-4 are written **before** the"
                " course's reasoning opens (the blog's date before `published_basis`), then the self-check and quiz."
                " Stop the class once: who thought of the web address? of the news the post reacts to?",
            ),
            Step(
                10,
                "**02 · The timeline**, sections 1-2 (honest uncertain dates; the timeline in lanes, Task 1). Stop the"
                " class once at the chart: what does a long bar mean?",
            ),
            Step(
                2,
                'Exit question ("one date in a reading that differs from the record, and one reason other than a'
                ' mistake") and the homework.',
            ),
        ),
        "02, sections 3-5 and its self-check (about 30 min). " + PAPER_ROUTE.format(sheet="Timeline worksheet"),
        30,
    ),
    ClassLesson(
        "Lesson 2: density as a demonstration, then close readings in groups (03, then 04 / 05 / 06)",
        (
            Step(
                3,
                "**Moving and setup.** Students sit in their reading groups (blog 04, Lukyanov 05, EIR 06; in a class"
                " of 28, each group in two halves of four or five) and open their notebook.",
            ),
            Step(
                7,
                "**03 · Event density** as a teacher's **demonstration** on the projector: the class predicts which"
                " reading dwells most on its own present before you run the chart; then the record beside each reading."
                " Key point: a peak shows what a reading or a chronology chose to list, not how much happened. The rest"
                " of 03 is not done in class.",
            ),
            Step(
                30,
                "**Close reading** in each half-group, sections 1-4 and 6: sourcing (Task 1), coding five paragraphs"
                " and comparing with the course's coding (Tasks 2-4), the claims, the argument map (Task 5), loaded"
                " language (Task 6). Each task is answered before its solution is opened.",
            ),
            Step(
                5,
                "**Merge.** The two halves of each reading group compare notes and agree on **one** report of four"
                " points: the thesis in one neutral sentence; the shape of the argument map; two loaded terms with"
                " neutral alternatives; one silence and whether the author could have known. They name one reporter. (A"
                " small class with three groups uses these minutes to write the four points.)",
            ),
            Step(
                5, "Each group writes its four points on one sheet and hands in its thesis sentence; set the homework."
            ),
        ),
        "the rest of the group's notebook: section 5 (kinds and attitudes), section 7 (what it leaves out), the"
        " self-check and quiz (about 20 min); 03 in full is optional (35 min). "
        + PAPER_ROUTE.format(sheet="Close-reading organizer of the reading"),
        20,
    ),
    ClassLesson(
        "Lesson 3: reports and corroboration (07)",
        (
            Step(3, "**Setup.** Groups sit together for the reports; everyone opens 07 and runs its first cell."),
            Step(
                14,
                "**Group reports**: three reports of 4 minutes (one per reading), then 2 minutes to complete the board"
                " table: reading, thesis, who it holds responsible, what it leaves out.",
            ),
            Step(2, "**Moving** back to own seats or pairs."),
            Step(
                12,
                "**07, section 1:** each student or pair fills the 4-event grid on paper (the student pack's Lesson 3"
                " grid, five verdict words) **before** running the comparison; then compares with the course's verdicts"
                " and argues about any cell where they differ.",
            ),
            Step(
                12,
                "**07, sections 2-5** (Tasks 1-3): who mentions what; the framing of shared events; the record that"
                " contradicts the column's ¶3; what each reading leaves out, and whether its author could have known.",
            ),
            Step(
                5,
                "Whole-class discussion on one prompt from 07 (for example, how to present two opposed framings without"
                " taking sides).",
            ),
            Step(2, "Hand out the rubric page (teacher pack) for lesson 4; set the homework."),
        ),
        "07, section 6 (Task 4: a corroboration paragraph) and its self-check (about 15 min), and reading the rubric."
        " 08 · Your turn is optional (35 min; it edits the data, so it needs an installed course or the school hub; on"
        " the site it can only be read). " + PAPER_ROUTE.format(sheet="the back of the Corroboration grid"),
        15,
    ),
    ClassLesson(
        "Lesson 4: the supervised assessment (09)",
        (
            Step(
                3,
                "**Setup.** Each student alone at a device opens 09 and runs its first cell with their own name"
                " (`ss.whoami(...)`): the assessment is individual, pairs do not share it.",
            ),
            Step(
                45,
                "**09, sections 1-4** under supervision: sourcing the new text (Task 1), dating it against the record"
                " (q9_1-q9_3, Task 2), language and perspective (q9_4, q9_5, Task 3), and the claim of 150-300 words"
                " (q9_w1).",
            ),
            Step(
                2,
                "**Hand in**: `make hand-in` in a terminal in the course folder, or the export cell at the end of 09;"
                " upload the one file to the learning platform.",
            ),
        ),
        "09's closing quiz, key points and discussion prompts (about 5 min) come after the hand-in: they give feedback"
        " and are not marked. A student who needs more time finishes the claim at the start of the next lesson and"
        " hands in then. *On paper:* the student pack's Assessment task holds the same task.",
        5,
    ),
)

HOMEWORK_BEFORE_MINUTES = 20
HOMEWORK_BEFORE = (
    "00 · Start here (about 20 min), on the route you chose (installed, hub or site): run the first cell, read the "
    "retrieval sheet, answer the three self-checks. Ask students to report any setup problem before lesson 1. "
    + PAPER_ROUTE.format(sheet="the back of the sourcing cards")
)

CUTS = (
    "**What the plan leaves out of class time.** The four lessons hold {lessons} minutes; the course map adds up to "
    "{total} minutes because each student does **one** close reading (50 of the 150 minutes of 04-06), 03 is a "
    "7-minute demonstration (35 in full), 08 is optional homework (35), and 00 and parts of 02, 04-06 and 07 are "
    "homework. A student's homework over the course: about {homework} minutes."
)


def course_map() -> pd.DataFrame:
    """The course map as a table (notebook, title, minutes, question)."""
    return pd.DataFrame([vars(lesson) for lesson in COURSE_MAP])


def total_minutes() -> int:
    """Minutes for the whole course."""
    return sum(lesson.minutes for lesson in COURSE_MAP)


def homework_minutes() -> int:
    """Homework minutes the plan sets (00 before lesson 1 and each lesson's homework, optional parts left out)."""
    return HOMEWORK_BEFORE_MINUTES + sum(lesson.homework_minutes for lesson in LESSON_PLAN)


def course_map_markdown() -> str:
    """The course map as the README shows it: one row per notebook, then the total."""
    rows = [
        f"| {x.notebook[:2]} | [{x.title}](notebooks/{x.notebook}.ipynb) | {x.minutes} | {x.question} |"
        for x in COURSE_MAP
    ]
    total = total_minutes()
    return "\n".join(
        [
            "| # | Notebook | Minutes | Question |",
            "|---|---|---|---|",
            *rows,
            "",
            (
                f"Total: about {total} minutes ({total // 60} h {total % 60:02d} min) at a careful student's pace."
                f" Classroom use: four lessons of {LESSON_MINUTES} minutes, the last a supervised assessment (see"
                " `teacher/guide.md`)."
            ),
        ]
    )


def lesson_table(lesson: ClassLesson) -> str:
    """One lesson as a Markdown table: clock time, minutes, activity."""
    rows, start = ["| time | min | activity |", "|---|---|---|"], 0
    for step in lesson.steps:
        rows.append(f"| {start:02d}-{start + step.minutes:02d} | {step.minutes} | {step.activity} |")
        start += step.minutes
    return "\n".join(rows)


def lesson_plan_markdown() -> str:
    """The four lessons as the teacher guide shows them: homework before, each lesson's table and homework, the cuts."""
    parts = [f"**Homework before lesson 1:** {HOMEWORK_BEFORE}"]
    for lesson in LESSON_PLAN:
        parts += [f"### {lesson.title}", lesson_table(lesson), f"**Homework after this lesson:** {lesson.homework}"]
    parts.append(
        CUTS.format(lessons=sum(x.minutes for x in LESSON_PLAN), total=total_minutes(), homework=homework_minutes())
    )
    return "\n\n".join(parts)


def between(text: str, start: str, end: str) -> str | None:
    """The text between two markers (None when a marker is missing)."""
    found = re.search(re.escape(start) + r"\n(.*?)\n?" + re.escape(end), text, re.S)
    return found[1] if found else None


def replace_between(text: str, start: str, end: str, body: str) -> str:
    """The text with what stands between two markers replaced by `body`."""
    if between(text, start, end) is None:
        raise ValueError(f"markers {start!r} and {end!r} not found")
    return re.sub(
        re.escape(start) + r"\n.*?\n?" + re.escape(end), lambda _: f"{start}\n{body}\n{end}", text, flags=re.S
    )


def write_docs(root: Path = ROOT) -> list[Path]:
    """Rewrite README.md's course map and teacher/guide.md's lesson plan from this module; returns the files changed."""
    changed = []
    for path, start, end, body in (
        (root / "README.md", MAP_START, MAP_END, course_map_markdown()),
        (root / "teacher" / "guide.md", PLAN_START, PLAN_END, lesson_plan_markdown()),
    ):
        old = path.read_text(encoding="utf-8")
        new = replace_between(old, start, end, body)
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed
