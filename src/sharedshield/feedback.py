"""Feedback on written answers: what a program can honestly see for each kind of task, never a grade.

A task's kind (questions/_model.py `Written`) decides what is looked for: a *sourcing* answer is checked for the
author (or that the author is unknown), the outlet, the date and an audience; a *rewrite* for the loaded phrases of
its paragraph still in it; a *claim* for citations, the record, attribution and length; a *short* answer is saved and
pointed to the solution or discussion. `answer(qid, text)` judges nothing: it saves the text and says what it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from .data import load_course
from .errors import CourseDataError, ReadingsUnavailable
from .questions import Written, written_tasks
from .readings import fold
from .store import record

RUBRIC = "teacher/rubric.md"
GENRE_WORDS = {
    "blog post": ("blog", "blog post", "post"),
    "opinion column": ("column",),
    "chronology": ("chronology", "timeline"),
}
PARA = r"(?:¶|§|\bparagraphs?\b|\bparas?\b\.?|\bpar\.)\s*(\d{1,2})"
MORE_PARAS = r"((?:\s*(?:,|and|&|-|–)\s*\d{1,2})*)"
VERBS = (
    r"(?:states?|says?|argues?|claims?|writes?|suggests?|presents?|calls?|describes?|reports?|asserts?|insists?"
    r"|contends?|maintains?|implies|frames?|blames?|portrays?|sees?|holds?|lists?|notes?)"
)
DIFF_WORDS = (
    r"\b(?:record|actually|in\s+fact|differs?|different|discrepanc\w*|contradict\w*|wrong|mistak\w*|incorrect"
    r"|not\s+until|earlier\s+than|later\s+than|slip\w*)\b"
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATES = rf"\b(?:1[89]|20)\d{{2}}(?:-\d{{2}}(?:-\d{{2}})?)?\b|\b\d{{1,2}}\s+(?:{MONTHS})\b|\b(?:{MONTHS})\s+\d{{1,2}}\b"
UNKNOWN_AUTHOR = (
    r"\b(?:unknown|anonymous|pseudonym\w*|unsigned|no\s+by-?line|user\s*name|screen\s*name|not\s+named|unnamed"
    r"|no\s+name|(?:do\s+not|don't|cannot|can't)\s+know\s+who)\b"
)
AUDIENCE = (
    r"\b(?:readers?|audiences?|for\s+whom|written\s+for|aimed\s+at|addressed\s+to|subscribers?|supporters?"
    r"|followers?|members|public|diplomats|voters|people\s+who)\b"
)
BARE_GENRE_WORDS = {"blog"}  # genre words that name a reading without "the" ("the blog argues", "blog ¶7")
OUTLET_STOP = {"Vol", "No", "USA", "Moscow", "Leesburg", "Virginia", "Editor's", "Column", "Russia", "In", "The"}


@cache
def _sources() -> pd.DataFrame:
    """The sources table (empty when the data cannot be loaded: feedback on writing must not fail on a data problem)."""
    try:
        return load_course().sources
    except (CourseDataError, ReadingsUnavailable, OSError):
        return pd.DataFrame(columns=["source_id", "author", "outlet", "genre"])


@cache
def _loaded_terms() -> pd.DataFrame:
    """The loaded-terms table (empty when the data cannot be loaded)."""
    try:
        return load_course().loaded_terms
    except (CourseDataError, ReadingsUnavailable, OSError):
        return pd.DataFrame(columns=["source_id", "paragraph", "phrase", "neutral_alternative"])


@cache
def _known_events() -> frozenset[str]:
    """Event ids of the course data (empty when the data cannot be loaded)."""
    try:
        return frozenset(load_course().events["event_id"])
    except (CourseDataError, ReadingsUnavailable, OSError):
        return frozenset()


def author_words(author: str) -> list[str]:
    """Name words of an author field ('Fyodor A. Lukyanov' -> Fyodor, Lukyanov; 'mike7woodson (…)' -> mike7woodson)."""
    name = re.split(r"[(;]", author)[0]
    return [w for w in re.findall(r"[\w’']+", name) if len(w) >= 4 and w.casefold() not in {"unsigned", "staff"}]


def outlet_names(outlet: str) -> list[str]:
    """Names of an outlet: runs of capitalised words ('RIA Novosti') and acronyms ('EIR', 'TPMCafe')."""
    runs = [
        " ".join(w for w in run.split() if w.rstrip(".") not in OUTLET_STOP)
        for run in re.findall(r"(?:[A-Z][\w’'.]*\s?)+", outlet)
    ]
    return sorted({r.strip() for r in runs if len(r.strip()) >= 3}, key=len, reverse=True)


@cache
def aliases() -> dict[str, str]:
    """A regex per reading id for the ways a learner names it (id, author, outlet, genre), from data/sources.csv."""
    out: dict[str, str] = {}
    for row in _sources().itertuples():
        names = [row.source_id, *author_words(row.author), *outlet_names(row.outlet)]
        names += [f"the {g}" for g in GENRE_WORDS.get(row.genre, (str(row.genre).split()[-1],))]
        names += [g for g in GENRE_WORDS.get(row.genre, ()) if g in BARE_GENRE_WORDS]
        out[row.source_id] = "|".join(
            re.escape(n).replace(r"\ ", r"\s+") + r"(?:'s|’s)?" for n in sorted(set(names), key=len, reverse=True)
        )
    return out


def citations(text: str, reading: str | None = None) -> list[tuple[str, int]]:
    """(reading id, ¶) pairs a text cites ('eir2013 ¶10', 'Lukyanov, para 3'); with `reading`, a bare '¶4' cites it."""
    found: list[tuple[str, int]] = []

    def add(source: str, first: str, more: str | None) -> None:
        for number in [first, *re.findall(r"\d{1,2}", more or "")]:
            if (source, int(number)) not in found:
                found.append((source, int(number)))

    named_spans: list[tuple[int, int]] = []
    for source, alias in aliases().items():
        for m in re.finditer(rf"\b(?:{alias})\b[^.;\n¶]{{0,25}}?{PARA}{MORE_PARAS}", text, flags=re.IGNORECASE):
            add(source, m.group(1), m.group(2))
            named_spans.append(m.span(1))
    if reading is not None:
        for m in re.finditer(rf"{PARA}{MORE_PARAS}", text, flags=re.IGNORECASE):
            if not any(a <= m.start(1) < b for a, b in named_spans):
                add(reading, m.group(1), m.group(2))
    return found


def attributions(text: str) -> list[str]:
    """Phrases that attribute a claim to a reading ('EIR states', 'according to Lukyanov', 'the blog argues')."""
    names = "|".join(aliases().values()) + r"|the\s+author|the\s+writer|the\s+magazine"
    between = r"(?:\s*\([^)]{0,25}\))?(?:\s*,[^,.;]{1,90},)?\s+(?:also\s+|clearly\s+|openly\s+|then\s+)?"
    out = [m.group(0) for m in re.finditer(rf"\b(?:{names})\b{between}{VERBS}\b", text, flags=re.IGNORECASE)]
    out += [
        m.group(0)
        for m in re.finditer(
            r"\b(?:it|he|she)\s+(?:also\s+)?(?:argues|claims|states|reports|writes|says|presents|places|asserts|suggests)\b",
            text,
            flags=re.IGNORECASE,
        )
    ]
    out += [
        m.group(0)
        for m in re.finditer(
            rf"\b(?:according\s+to|in\s+the\s+words\s+of|as\s+(?:{names})\s+puts\s+it)\s+(?:{names})",
            text,
            flags=re.IGNORECASE,
        )
    ]
    return out


def record_differences(text: str) -> tuple[list[str], list[str], list[str]]:
    """Event ids and dates a text names, and the words with which it compares them to the record."""
    events = sorted(set(re.findall(r"\bE\d{3}\b", text)))
    dates = re.findall(DATES, text)
    words = sorted({w.lower() for w in re.findall(DIFF_WORDS, text, flags=re.IGNORECASE)})
    return events, dates, words


def _word_count(text: str) -> int:
    """Words in a text (hyphenated and apostrophed words count once)."""
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


def _cited_line(text: str, reading: str | None) -> list[str]:
    """One line naming the places a text cites, when it cites any."""
    cited = citations(text, reading)
    return [f"* **Places cited:** {', '.join(f'`{s} ¶{p}`' for s, p in cited)}."] if cited else []


def claim_feedback(text: str, reading: str | None = None) -> list[str]:
    """Observations on a claim with evidence: citations, a difference from the record, attribution, length."""
    lines: list[str] = []
    cited = citations(text, reading)
    readings = sorted({s for s, _ in cited})
    shown = ", ".join(f"`{s} ¶{p}`" for s, p in cited)
    if len(readings) >= 2:
        lines.append(f"* **Citations:** you cite {len(readings)} readings by paragraph ({shown}).")
    elif cited:
        lines.append(
            f"* **Citations:** you cite one reading by paragraph ({shown}). The task asks for at least two: add a place"
            " in another reading, as id + ¶ (e.g. `lukyanov2011 ¶3`)."
        )
    else:
        lines.append(
            "* **Citations:** I found no place cited as reading + paragraph. Cite each point, e.g. `eir2013 ¶10` or"
            " `Lukyanov, para 3`."
        )
    events, dates, words = record_differences(text)
    unknown = sorted(set(events) - _known_events()) if events and _known_events() else []
    if (events or dates) and words:
        named = ", ".join(events[:6] + dates[: 3 if not events else 0])
        lines.append(
            f"* **The record:** you name {named} and write {', '.join(repr(w) for w in words[:4])}: it looks as if you"
            " compare a reading with the record. Check that you say what differs and cite the event id."
        )
    elif events or dates:
        lines.append(
            "* **The record:** you name events or dates, but I see no comparison with the record (words such as 'the"
            " record', 'actually', 'differs'). Where a reading differs from the record, say so and how."
        )
    else:
        lines.append(
            "* **The record:** I found no event id (e.g. `E113`) or date. Name at least one place where a reading"
            " differs from the record, with the event id."
        )
    if unknown:
        lines.append(
            f"* **Event ids:** {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not in the course's events"
            " table: check the id."
        )
    attributed = attributions(text)
    if attributed:
        lines.append(
            f"* **Attribution:** you attribute claims to their sources {len(attributed)} time(s) (e.g."
            f" “{attributed[0]}”)."
        )
    else:
        lines.append(
            "* **Attribution:** I found no attributed claim. Say whose claim it is: “EIR states …”, “according to"
            " Lukyanov …”, “the blog argues …”."
        )
    words_n = _word_count(text)
    lines.append(
        f"* **Length:** {words_n} words."
        + (" That is short for a claim with evidence from two readings and the record." if words_n < 80 else "")
    )
    lines.append(
        "\n*This is what a program can see, not a grade.* It does not judge your argument: whether your claim answers"
        " the question, whether your evidence supports it, or whether you read the sources fairly. That is for you,"
        f" your classmates and your teacher, with the rubric (`{RUBRIC}`)."
    )
    return lines


def _sourcing_parts(text: str, source_id: str) -> dict[str, str | None]:
    """For one reading: what the text shows of its author, outlet, date and audience (the words seen, or None)."""
    row = _sources().set_index("source_id").loc[source_id]
    found: dict[str, str | None] = {}
    names = [*author_words(row["author"])]
    m = re.search("|".join(rf"\b{re.escape(n)}\b" for n in names), text, flags=re.IGNORECASE) if names else None
    m = m or re.search(UNKNOWN_AUTHOR, text, flags=re.IGNORECASE)
    found["author"] = m.group(0) if m else None
    outlets = outlet_names(row["outlet"])
    m = re.search("|".join(rf"\b{re.escape(n)}\b" for n in outlets), text, flags=re.IGNORECASE) if outlets else None
    found["outlet"] = m.group(0) if m else None
    m = re.search(DATES, text, flags=re.IGNORECASE)
    found["date"] = m.group(0) if m else None
    m = re.search(AUDIENCE, text, flags=re.IGNORECASE)
    found["audience"] = m.group(0) if m else None
    return found


def _segments(text: str, task: Written) -> dict[str, str]:
    """Each reading's part of a sourcing answer: all of it for a one-reading task, else the lines naming the reading."""
    if task.reading is not None:
        return {task.reading: text}
    out: dict[str, str] = {}
    for source_id, alias in aliases().items():
        lines = [line for line in text.splitlines() if re.search(rf"\b(?:{alias})\b", line, flags=re.IGNORECASE)]
        if lines:
            out[source_id] = "\n".join(lines)
    return out


def sourcing_feedback(text: str, task: Written) -> list[str]:
    """Per reading: author (or "unknown"), outlet, date, audience a sourcing answer names; gaps the task asks about."""
    if _sources().empty:
        return ["* I could not load the course's sources table, so I cannot say what your sourcing names; it is saved."]
    parts = _segments(text, task)
    lines: list[str] = []
    if not parts:
        return [
            "* **Readings:** I found no line that names a reading (by id, author or outlet). Start each line with the"
            " id, e.g. `blog2007: …`."
        ]
    for source_id, segment in parts.items():
        seen = _sourcing_parts(segment, source_id)
        has = [f"{k} (“{v}”)" for k, v in seen.items() if v]
        missing = [k for k, v in seen.items() if not v and k in task.asks]
        head = f"* **{source_id}:** " if task.reading is None else "* "
        lines.append(
            head
            + (f"I see the {', '.join(has)}." if has else "I see none of author, outlet, date, audience.")
            + (f" I do not see: {', '.join(missing)}." if missing else "")
        )
    if task.reading is None:
        left = [s for s in aliases() if s not in parts]
        if left:
            lines.append(f"* **Not found:** no line names {', '.join(left)}.")
    lines.append(
        "\n*This is what a program can see, not a grade:* whether you name these is visible; whether your reasoning"
        " about them is sound is for you to compare with the course's card and to discuss."
    )
    return lines


def rewrite_feedback(text: str, task: Written) -> list[str]:
    """Observations on a neutral rewrite: which loaded phrases of its paragraph are still in it."""
    terms = _loaded_terms()
    mine = terms[(terms["source_id"] == task.reading) & (terms["paragraph"] == task.paragraph)]
    if mine.empty:
        return [
            f"* I have no list of loaded phrases for {task.reading} ¶{task.paragraph}, so I cannot say which are left;"
            " your rewrite is saved."
        ]
    folded = fold(text)
    kept = [p for p in mine["phrase"] if fold(p) in folded]
    where = f"{task.reading} ¶{task.paragraph}"
    if kept:
        line = (
            f"* **Loaded phrases still in it:** {', '.join(f'“{p}”' for p in kept)} ({len(kept)} of the {len(mine)} the"
            f" course lists for {where}). Quoting a phrase to discuss it is fine; in a neutral rewrite, try the neutral"
            " alternative from the table."
        )
    else:
        line = f"* **Loaded phrases:** none of the {len(mine)} the course lists for {where} is still in your text."
    return [
        line,
        f"* **Length:** {_word_count(text)} words.",
        (
            "\n*This is what a program can see, not a grade:* whether your rewrite keeps the paragraph's claim, and"
            " whether your own words are neutral, is for you to compare with the solution and to discuss."
        ),
    ]


def short_feedback(text: str, task: Written) -> list[str]:
    """A short task: the save is confirmed; the solution or the discussion is where to compare."""
    return [
        *_cited_line(text, task.reading),
        f"* **Length:** {_word_count(text)} words.",
        "\nCompare with the solution below (or with a classmate): a program does not judge this kind of answer.",
    ]


def written_feedback(text: str, task: Written | None = None) -> list[str]:
    """What a program can see in a written answer, for the kind of task it answers (a claim if the task is unknown)."""
    task = task or Written("", "claim")
    if task.kind == "sourcing":
        return sourcing_feedback(text, task)
    if task.kind == "rewrite":
        return rewrite_feedback(text, task)
    if task.kind == "short":
        return short_feedback(text, task)
    return claim_feedback(text, task.reading)


@dataclass(frozen=True)
class WrittenFeedback:
    """What a program can see in a written answer; never a grade."""

    qid: str
    recorded: bool
    lines: tuple[str, ...]

    def _repr_markdown_(self) -> str:
        """Shown under the answer cell."""
        head = f"✎ **Saved: your answer to {self.qid}.** What a program can see in it:\n\n" if self.recorded else ""
        return head + "\n".join(self.lines)

    def __repr__(self) -> str:
        return re.sub(r"[*`]", "", self._repr_markdown_())


def answer(qid: str, text: Any) -> WrittenFeedback:
    """Save a written answer and say what a program can see in it, for the kind of task it answers."""
    if text is ... or text is None or not str(text).strip() or str(text).strip() in ("...", "…"):
        return WrittenFeedback(
            qid,
            False,
            (
                (
                    f'Write your answer between the triple quotes, in place of the `...`: `ss.answer("{qid}", """Your'
                    ' answer here.""")`, then run the cell again. Nothing was saved yet.'
                ),
            ),
        )
    text = str(text).strip()
    lines = written_feedback(text, written_tasks().get(qid))
    record(qid, text, "written", "\n".join(lines))
    return WrittenFeedback(qid, True, tuple(lines))
