"""Source first: the learner fills a sourcing card for a reading, then compares it to the course's card, field by field.

A program cannot judge free text. For each field the comparison says only what it can see (a name, an outlet, a
year, an audience word) and puts the course's answer and reason beside the learner's, labelled as such. A field the
learner has not filled keeps the course's answer hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import store
from .data import Course
from .dates import describe_date
from .feedback import AUDIENCE, UNKNOWN_AUTHOR, author_words, outlet_names
from .readings import fold
from .templates import render

CARD = ("author", "outlet", "date", "date_evidence", "audience", "purpose", "perspective")
ASKS = {
    "author": "who wrote it, or that the author is unknown, and what we do know",
    "outlet": "where it was published (site, magazine, agency)",
    "date": "when it was published, as precisely as the evidence allows",
    "date_evidence": "how you know the date, and how sure you are",
    "audience": "for whom it was written",
    "purpose": "what it wants its readers to think or do",
    "perspective": "the author's position and point of view, in neutral words",
}
NOT_FILLED = "not filled yet"
HIDDEN = "(shown once you fill it)"
YOURS_TO_JUDGE = "yours to judge"
EVIDENCE_WORDS = {
    "the web address": r"\b(?:url|web\s*address|address|page\s*path|path|link)\b",
    "an archive's saved copy": r"\b(?:archive|wayback|saved\s+cop)",
    "the events it mentions or leaves out": (
        r"\b(?:event|news|mention|summit|meeting|g8|refers?|reacts?|responds?|latest|not\s+yet)\w*"
    ),
    "an issue or print date": (
        r"\b(?:issue|volume|vol\.?|magazine\s+date|printed|dateline|byline|table\s+of\s+contents)\b"
    ),
}


@dataclass(frozen=True)
class CardField:
    """One card field: the learner's text, the course's, what a program can see, the verdict and the course's reason."""

    name: str
    yours: str
    course: str
    verdict: str  # 'same', 'defensible', 'different', 'yours to judge' or 'not filled yet'
    seen: str
    reason: str = ""


@dataclass(frozen=True)
class CardComparison:
    """The learner's card beside the course's, for one reading; shows itself as a table in a notebook."""

    source_id: str
    fields: tuple[CardField, ...]
    problems: tuple[str, ...] = ()

    def summary(self) -> str:
        """One sentence: how many fields are filled, and what the comparison could and could not check."""
        filled = [f for f in self.fields if f.verdict != NOT_FILLED]
        if not filled:
            return (
                f"Nothing filled yet for {self.source_id}: replace each `...` with your answer in quotes, then run the"
                " comparison again. The course's card stays hidden until you do."
            )
        counts = {v: sum(f.verdict == v for f in filled) for v in ("same", "defensible", "different", YOURS_TO_JUDGE)}
        parts = [
            f"{n} {label}"
            for v, label in (
                ("same", "the same as the course's"),
                ("defensible", "defensible"),
                ("different", "different"),
                (YOURS_TO_JUDGE, "for you to judge"),
            )
            if (n := counts[v])
        ]
        return f"You filled {len(filled)} of {len(self.fields)} fields for {self.source_id}: " + "; ".join(parts) + "."

    def text(self) -> str:
        """The comparison as plain text."""
        lines = [self.summary(), *self.problems]
        for f in self.fields:
            if f.verdict == NOT_FILLED:
                lines.append(f"{f.name}: {NOT_FILLED}.")
                continue
            lines.append(
                f"{f.name}: yours “{f.yours}”; the course's “{f.course}”; {f.verdict}. {f.seen} {f.reason}".rstrip()
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        """A summary, then a row per field: yours, the course's, verdict with what a program sees, course's reason."""
        return render("sourcing_comparison.html", c=self, badge=badge, not_filled=NOT_FILLED)


def badge(verdict: str) -> str:
    """A short mark for a verdict."""
    return {
        "same": "✓ same",
        "defensible": "◇ defensible",
        "different": "◆ different",
        YOURS_TO_JUDGE: "? yours to judge",
        NOT_FILLED: "○ not filled yet",
    }.get(verdict, verdict)


def blank_card() -> dict[str, Any]:
    """A card to fill in: every field `...`."""
    return {name: ... for name in CARD}


def what_a_reader_sees(course: Course, texts: dict[str, dict[int, str]] | None = None) -> pd.DataFrame:
    """Per reading, only what a reader has in hand: title, web address and, with the readings, its first paragraph."""
    rows = []
    for src in course.sources.itertuples(index=False):
        first = (texts or {}).get(src.source_id, {}).get(1, "")
        rows.append(
            {
                "reading": src.source_id,
                "title": src.title,
                "web address": src.url,
                "first paragraph": first or "(open the reading: see the retrieval sheet in 00)",
            }
        )
    return pd.DataFrame(rows)


def _filled(value: Any) -> str | None:
    """The learner's text for a field, or None when it is `...`, None or empty."""
    if value is ... or value is None:
        return None
    text = str(value).strip()
    return None if text in ("", "...", "…") else text


def _years(text: str) -> set[str]:
    """Four-digit years in a text."""
    return set(re.findall(r"\b(?:19|20)\d\d\b", text))


def _author(mine: str, row: pd.Series) -> CardField:
    """Author: does the text name the course's author, or say it is unknown (and is the course's unknown too)?"""
    names = author_words(str(row["author"]))
    named = [n for n in names if re.search(rf"\b{re.escape(n)}\b", mine, flags=re.IGNORECASE)]
    unknown = re.search(UNKNOWN_AUTHOR, mine, flags=re.IGNORECASE)
    course_unknown = re.search(UNKNOWN_AUTHOR, str(row["author"]), flags=re.IGNORECASE)
    reason = (
        "The course takes the author from the byline or the page; it records a pseudonym or a missing byline as such."
    )
    if named and (unknown or not course_unknown):
        return CardField(
            "author", mine, row["author"], "same", f"I see the name the course gives (“{named[0]}”).", reason
        )
    if named:
        return CardField(
            "author",
            mine,
            row["author"],
            "defensible",
            f"I see the name “{named[0]}”; the course also records that the real author is not known. Do you say so?",
            reason,
        )
    if unknown and course_unknown:
        return CardField(
            "author",
            mine,
            row["author"],
            "same" if not names else "defensible",
            "I see that you say the author is not known."
            + (" The course also records the user name shown on the page." if names else ""),
            reason,
        )
    if unknown:
        return CardField(
            "author",
            mine,
            row["author"],
            "different",
            "You say the author is not known; the course names an author from the byline.",
            reason,
        )
    staff = re.search(r"\b(?:staff|editors?|editorial|magazine|newsroom)\b", mine, flags=re.IGNORECASE) or any(
        re.search(rf"\b{re.escape(n)}\b", mine, flags=re.IGNORECASE) for n in outlet_names(str(row["outlet"]))
    )
    if course_unknown and staff:
        return CardField(
            "author",
            mine,
            row["author"],
            "defensible",
            "You name the outlet or its staff, as the course does in brackets; the course's first point is that the"
            " piece has no byline. Do you say so?",
            reason,
        )
    if course_unknown:
        return CardField(
            "author",
            mine,
            row["author"],
            "different",
            "I do not see that you say the author is unknown; the course finds no byline. What is your evidence for the"
            " author you name?",
            reason,
        )
    return CardField(
        "author",
        mine,
        row["author"],
        "different",
        "I do not see the course's author, nor that the author is unknown. Compare with the course's card.",
        reason,
    )


def _outlet(mine: str, row: pd.Series) -> CardField:
    """Outlet: does the text mention one of the names in the course's outlet?"""
    names = outlet_names(str(row["outlet"]))
    named = [n for n in names if re.search(rf"\b{re.escape(n)}\b", mine, flags=re.IGNORECASE)]
    reason = f"The course takes the outlet from the web address and the page (genre: {row['genre']})."
    if named:
        return CardField(
            "outlet", mine, row["outlet"], "same", f"I see an outlet the course names (“{named[0]}”).", reason
        )
    return CardField(
        "outlet",
        mine,
        row["outlet"],
        "different",
        "I do not see an outlet the course names. Look at the web address again.",
        reason,
    )


def _date(mine: str, row: pd.Series) -> CardField:
    """Date: does the text give the course's year (and month)?"""
    start, end = pd.Timestamp(row["date_start"]), pd.Timestamp(row["date_end"])
    course_years = {str(y) for y in range(start.year, end.year + 1)}
    shown = f"{row['published']} ({describe_date(row['published'])})"
    why = (
        "The course records a window of days when the evidence gives no single day; how it knows is under"
        " date_evidence."
    )
    years = _years(mine)
    if not years:
        return CardField("date", mine, shown, "different", "I see no year in your date. Give at least a year.", why)
    if not years & course_years:
        return CardField(
            "date",
            mine,
            shown,
            "different",
            f"You give {', '.join(sorted(years))}; the course's year is {', '.join(sorted(course_years))}.",
            why,
        )
    month = start.strftime("%B").casefold()
    has_month = month in mine.casefold() or re.search(rf"\b{start.year}-{start.month:02d}\b", mine) is not None
    if has_month:
        return CardField(
            "date",
            mine,
            shown,
            "same",
            "I see the course's year and month. Is your window as wide as the evidence allows, and no wider?",
            why,
        )
    return CardField(
        "date",
        mine,
        shown,
        "defensible",
        "I see the course's year. Can the evidence narrow it to a month or a week?",
        why,
    )


def _evidence(mine: str, row: pd.Series) -> CardField:
    """How the date is known: which kinds of evidence the text names (a program cannot say if the reasoning holds)."""
    kinds = [k for k, pattern in EVIDENCE_WORDS.items() if re.search(pattern, mine, flags=re.IGNORECASE)]
    seen = (
        f"I see you use {', '.join(kinds)}."
        if kinds
        else "I see no kind of evidence I can name (web address, archive, events mentioned, issue date)."
    )
    return CardField(
        "date_evidence",
        mine,
        str(row["published_basis"]),
        YOURS_TO_JUDGE,
        seen + " Whether your reasoning holds, compare yourself: same, defensible or different?",
        "",
    )


def _free(name: str, mine: str, row: pd.Series) -> CardField:
    """Audience, purpose, perspective: what a program can see, and the course's words beside yours."""
    reasons = {
        "audience": f"The course infers the audience from the outlet ({row['outlet']}) and the genre ({row['genre']}).",
        "purpose": "The course infers the purpose from what the text argues for and whom it addresses.",
        "perspective": (
            "The course describes the author's position and register in its own neutral words; it does not adopt them."
        ),
    }
    if name == "audience":
        m = re.search(AUDIENCE, mine, flags=re.IGNORECASE)
        seen = f"I see you name an audience (“{m.group(0)}”)." if m else "I see no word naming readers or an audience."
    else:
        shared = sorted(
            {w for w in re.findall(r"[a-z]{5,}", fold(mine))}
            & {w for w in re.findall(r"[a-z]{5,}", fold(str(row[name])))}
        )
        seen = (
            f"Words you share with the course's: {', '.join(shared[:6])}."
            if shared
            else "You and the course use different words; that says nothing on its own."
        )
    return CardField(
        name,
        mine,
        str(row[name]),
        YOURS_TO_JUDGE,
        seen + " A program cannot judge this: is yours the same, defensible or different?",
        reasons[name],
    )


def compare_card(course: Course, source_id: str, my_card: Any, qid: str | None = None) -> CardComparison:
    """Put the learner's card beside the course's per field and save it; unfilled fields hide the course's answer."""
    if source_id not in set(course.sources.source_id):
        raise KeyError(f"no reading {source_id!r}; the readings are {', '.join(course.sources.source_id)}")
    row = course.sources.set_index("source_id").loc[source_id]
    problems: list[str] = []
    if my_card is ... or my_card is None:
        my_card = {}
    if not isinstance(my_card, dict):
        problems.append('Your card should be a dict: dict(author="...", outlet="...", ...), each answer in quotes.')
        my_card = {}
    unknown = sorted(set(map(str, my_card)) - set(CARD))
    if unknown:
        problems.append(
            f"{', '.join(map(repr, unknown))} is not a field of the card; the fields are {', '.join(CARD)}."
        )
    fields = []
    for name in CARD:
        mine = _filled(my_card.get(name, ...))
        if mine is None:
            fields.append(CardField(name, "…", HIDDEN, NOT_FILLED, f"Write {ASKS[name]}, in quotes."))
        elif name == "author":
            fields.append(_author(mine, row))
        elif name == "outlet":
            fields.append(_outlet(mine, row))
        elif name == "date":
            fields.append(_date(mine, row))
        elif name == "date_evidence":
            fields.append(_evidence(mine, row))
        else:
            fields.append(_free(name, mine, row))
    out = CardComparison(source_id, tuple(fields), tuple(problems))
    if any(f.verdict != NOT_FILLED for f in fields):
        card = "; ".join(
            f"{k}: {_filled(my_card.get(k))}" for k in CARD if _filled(my_card.get(k))
        )  # saved as text the hand-in shows as is
        store.record(qid or f"{source_id}_card", f"{source_id} card: {card}", "compared", out.summary())
    return out
