"""Analyse first: the learner codes a reading's paragraphs, then compares with the course's coding, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import store
from .argmap import ATTITUDES, EXPECTATIONS, KINDS
from .data import Course
from .errors import ReadingsUnavailable
from .questions import notebook_of, written_tasks
from .readings import fold, readings
from .templates import render

FIELDS = ("kind", "attitude", "expectation", "loaded")
ALLOWED: dict[str, tuple[str, ...]] = {"kind": KINDS, "attitude": ATTITUDES, "expectation": EXPECTATIONS}
SPELLINGS = {
    "favors": "favours",
    "favour": "favours",
    "favor": "favours",
    "oppose": "opposes",
    "succeeds": "succeed",
    "fails": "fail",
    "not_said": "not said",
    "notsaid": "not said",
    "not-said": "not said",
}
NOT_CODED = "not coded yet"
HIDDEN = "(shown once you code it)"
NO_TEXT_NOTE = (
    "The readings are not available here, so you are coding the course's paraphrase of each paragraph, not the "
    "author's words. Kind, attitude and expectation can be judged from a paraphrase only roughly; loaded words need "
    "the original wording (leave `loaded=[...]` as it is, or ask your teacher for the text)."
)


@dataclass(frozen=True)
class FieldResult:
    """One field of one paragraph: the learner's value, the course's, and the verdict."""

    name: str
    yours: str
    course: str
    verdict: str  # 'agree', 'defensible', 'different', 'overlap', 'not coded yet' or 'invalid'
    note: str = ""


@dataclass(frozen=True)
class ParagraphResult:
    """The comparison for one paragraph."""

    paragraph: int
    text: str
    is_original: bool
    fields: tuple[FieldResult, ...]
    reason: str
    question_back: str


@dataclass(frozen=True)
class Comparison:
    """The learner's coding beside the course's; shows itself as an HTML report in a notebook."""

    source_id: str
    paragraphs: tuple[ParagraphResult, ...]
    thesis: FieldResult | None
    problems: tuple[str, ...] = field(default_factory=tuple)
    is_original: bool = True

    def counts(self) -> dict[str, int]:
        """How many fields got each verdict (the thesis included)."""
        out: dict[str, int] = {}
        for f in [f for p in self.paragraphs for f in p.fields] + ([self.thesis] if self.thesis else []):
            out[f.verdict] = out.get(f.verdict, 0) + 1
        return out

    def summary(self) -> str:
        """One sentence: how many fields agree, are defensible, differ, overlap or are not coded yet."""
        c = self.counts()
        coded = sum(v for k, v in c.items() if k != NOT_CODED)
        total = sum(c.values())
        if coded == 0:
            return (
                f"Nothing coded yet for {self.source_id}: replace each `...` with your answer, then run the cell again."
            )
        parts = [
            f"{c[k]} {label}"
            for k, label in (
                ("agree", "the same as the course's"),
                ("defensible", "different but defensible"),
                ("overlap", "loaded-word lists that overlap the course's"),
                ("different", "different"),
                ("invalid", "not a value of the codebook"),
                (NOT_CODED, NOT_CODED),
            )
            if c.get(k)
        ]
        return f"You coded {coded} of {total} fields for {self.source_id}: " + "; ".join(parts) + "."

    def text(self) -> str:
        """The whole report as plain text (what the notebook shows, without formatting)."""
        lines = [self.summary(), *self.problems]
        if not self.is_original:
            lines.append(NO_TEXT_NOTE)
        if self.thesis:
            lines.append(
                f"Thesis paragraph: yours {self.thesis.yours}, the course's {self.thesis.course}"
                f" ({self.thesis.verdict}). {self.thesis.note}".strip()
            )
        for p in self.paragraphs:
            if _untouched(p):
                lines.append(f"¶{p.paragraph}: not coded yet.")
                continue
            lines.append(f"¶{p.paragraph}: {p.text}")
            lines += [
                f"  {f.name}: yours {f.yours}; the course's {f.course}; {f.verdict}. {f.note}".rstrip()
                for f in p.fields
            ]
            if any(f.verdict in ("different", "defensible", "overlap") for f in p.fields):
                lines += [f"  Why the course codes it so: {p.reason}", f"  A question back: {p.question_back}"]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        """Notebook view: a summary; per paragraph its text, a field table and the course's reason where you differ."""
        return render(
            "coding_comparison.html",
            c=self,
            badge=_badge,
            untouched=_untouched,
            not_coded=NOT_CODED,
            no_text_note=NO_TEXT_NOTE,
        )


@dataclass(frozen=True)
class ToCode:
    """The paragraphs to code, each with its number and text (or the course's paraphrase), and no answer."""

    source_id: str
    items: tuple[tuple[int, str], ...]
    is_original: bool

    def text(self) -> str:
        """The paragraphs as plain text."""
        head = [] if self.is_original else [NO_TEXT_NOTE]
        return "\n".join(head + [f"¶{n}: {t}" for n, t in self.items])

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        """The paragraphs as a numbered list of quotations, with the allowed values under them."""
        return render("coding_to_code.html", t=self, allowed=ALLOWED, no_text_note=NO_TEXT_NOTE)


def _untouched(p: ParagraphResult) -> bool:
    """True when the learner has coded no field of the paragraph."""
    return all(f.verdict == NOT_CODED for f in p.fields)


def _badge(verdict: str) -> str:
    """A short mark for a verdict."""
    return {
        "agree": "✓ same",
        "defensible": "◇ defensible",
        "overlap": "≈ overlap",
        "different": "◆ different",
        "invalid": "✗ not allowed",
        NOT_CODED: "○ not coded yet",
    }.get(verdict, verdict)


def coding_of(course: Course, source_id: str) -> pd.DataFrame:
    """The course's coding of the reading's selected paragraphs, by paragraph (KeyError for an unknown reading)."""
    if source_id not in set(course.sources.source_id):
        raise KeyError(f"no reading {source_id!r}; the readings are {', '.join(course.sources.source_id)}")
    rows = course.paragraph_coding[course.paragraph_coding.source_id == source_id]
    return rows.sort_values("paragraph").set_index("paragraph", drop=False)


def _text_of(source_id: str, text: dict[int, str] | None) -> dict[int, str] | None:
    """The paragraphs of the reading: the given text, else the readings folder when set, else None."""
    if text is not None:
        return text
    try:
        return readings().get(source_id)
    except ReadingsUnavailable:
        return None


def paragraphs_to_code(course: Course, source_id: str, text: dict[int, str] | None = None) -> ToCode:
    """The paragraphs to code, numbered: the full text if available, else the course's paraphrase; never the answer."""
    rows = coding_of(course, source_id)
    full = _text_of(source_id, text)
    original = bool(full) and all(int(p) in full for p in rows.paragraph)
    items = tuple((int(r.paragraph), full[int(r.paragraph)] if original else r.paraphrase) for r in rows.itertuples())
    return ToCode(source_id, items, original)


def coded_paragraphs(course: Course, source_id: str) -> list[int]:
    """The paragraph numbers the course has coded for this reading."""
    return [int(p) for p in coding_of(course, source_id).paragraph]


def code_qid(source_id: str) -> str:
    """The id a reading's coding is saved under: 'q4_code' for notebook 04's reading (its written tasks name it)."""
    numbers = sorted(
        {
            notebook_of(qid)
            for qid, task in written_tasks().items()
            if task.reading == source_id and task.kind != "short"
        }
    )
    return f"q{int(numbers[0])}_code" if numbers else f"{source_id}_code"


def _unfilled(value: Any) -> bool:
    """True for `...`, None, an empty string or a list holding only `...`."""
    if value is ... or value is None or (isinstance(value, str) and not value.strip()):
        return True
    return isinstance(value, list | tuple | set) and (len(value) == 0 or all(v is ... for v in value))


def _alternatives(row: Any) -> dict[str, set[str]]:
    """also_defensible parsed to field -> set of values."""
    out: dict[str, set[str]] = {}
    for part in str(row.also_defensible or "").split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out.setdefault(k.strip(), set()).add(v.strip())
    return out


def _compare_value(name: str, value: Any, course_value: str, alternatives: set[str]) -> FieldResult:
    """Compare one of kind, attitude, expectation."""
    if _unfilled(value):
        return FieldResult(name, "…", HIDDEN, NOT_CODED, "Replace the `...` with your answer.")
    allowed = ALLOWED[name]
    key = (
        SPELLINGS.get(str(value).strip().casefold(), str(value).strip().casefold()) if isinstance(value, str) else None
    )
    if key not in allowed:
        return FieldResult(
            name,
            repr(value),
            HIDDEN,
            "invalid",
            f"{value!r} is not one of the codebook's values for {name}: use one of"
            f" {', '.join(repr(a) for a in allowed)} (in quotes).",
        )
    if key == course_value:
        return FieldResult(name, key, course_value, "agree")
    if key in alternatives:
        return FieldResult(
            name,
            key,
            course_value,
            "defensible",
            "Not wrong: the text supports this reading too. What is your evidence? Name the words of the paragraph that"
            " show it.",
        )
    return FieldResult(
        name,
        key,
        course_value,
        "different",
        "See the course's reason below; answer its question before you change anything.",
    )


def _compare_loaded(value: Any, course_words: list[str]) -> FieldResult:
    """Compare loaded words case-blind, with credit for overlap."""
    shown = "; ".join(course_words) or "(none)"
    if _unfilled(value):
        return FieldResult(
            "loaded",
            "…",
            HIDDEN,
            NOT_CODED,
            'List the paragraph\'s loaded words, each in quotes, e.g. loaded=["first phrase", "second"].',
        )
    words = [
        w
        for w in (
            value.split(";") if isinstance(value, str) else value if isinstance(value, list | tuple | set) else [value]
        )
    ]
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        return FieldResult(
            "loaded",
            repr(value),
            HIDDEN,
            "invalid",
            'Give the loaded words as text in quotes, in a list: loaded=["...", "..."].',
        )
    mine = [w.strip() for w in words if w.strip()]
    theirs = {fold(w).strip("\"'").strip(): w for w in course_words}

    def match(w: str) -> str | None:
        k = fold(w).strip("\"'").strip()
        return theirs.get(k) or next((c for ck, c in theirs.items() if len(k) >= 3 and (k in ck or ck in k)), None)

    found = {match(w) for w in mine} - {None}
    extra = [w for w in mine if match(w) is None]
    missed = [c for c in course_words if c not in found]
    yours = "; ".join(mine)
    if not missed and not extra:
        return FieldResult("loaded", yours, shown, "agree", "You found the same loaded words as the course.")
    parts = [f"You found {len(found)} of the course's {len(course_words)}."]
    if missed:
        parts.append(
            "The course also lists: " + "; ".join(f"“{m}”" for m in missed) + ". What judgement does each carry?"
        )
    if extra:
        parts.append(
            "Yours that the course does not list: "
            + "; ".join(f"“{x}”" for x in extra)
            + ". Not wrong: say what judgement each carries, and compare its neutral alternative."
        )
    return FieldResult("loaded", yours, shown, "overlap" if found or not course_words else "different", " ".join(parts))


def _compare_thesis(thesis: Any, rows: pd.DataFrame) -> FieldResult | None:
    """Compare the learner's thesis paragraph with the course's (None when the course marks none)."""
    marked = rows[rows.is_thesis_paragraph]
    if marked.empty:
        return None
    row = marked.iloc[0]
    course_p = str(int(row.paragraph))
    if _unfilled(thesis):
        return FieldResult("thesis", "…", HIDDEN, NOT_CODED, "Replace `thesis = ...` with a paragraph number.")
    try:
        p = int(str(thesis).strip().lstrip("¶"))
    except ValueError:
        return FieldResult(
            "thesis", repr(thesis), HIDDEN, "invalid", "Give the thesis as a paragraph number, e.g. thesis = 3."
        )
    if str(p) == course_p:
        return FieldResult(
            "thesis", str(p), course_p, "agree", "The other claims of the reading lead to this paragraph."
        )
    if str(p) in _alternatives(row).get("thesis", set()):
        return FieldResult(
            "thesis",
            str(p),
            course_p,
            "defensible",
            f"Not wrong: ¶{p} can be defended as the thesis. Which claims of the reading support ¶{p}, and does"
            f" ¶{course_p} support it or the other way round? " + str(row.reason),
        )
    return FieldResult(
        "thesis",
        str(p),
        course_p,
        "different",
        f"Which other paragraphs give reasons for ¶{p}? A thesis is the claim the others lead to. {row.question_back}",
    )


def compare(
    course: Course,
    source_id: str,
    my_coding: Any,
    thesis: Any = None,
    text: dict[int, str] | None = None,
    qid: str | None = None,
) -> Comparison:
    """Your coding beside the course's: agreement per field; per difference, the course's reason and a question back."""
    rows = coding_of(course, source_id)
    full = _text_of(source_id, text)
    original = bool(full) and all(int(p) in full for p in rows.paragraph)
    problems: list[str] = []
    coding: dict[int, Any] = {}
    if _unfilled(my_coding):
        my_coding = {}
    if not isinstance(my_coding, dict):
        problems.append(
            "my_coding should be a dict: {paragraph number: dict(kind=..., attitude=..., expectation=...,"
            " loaded=[...])}."
        )
        my_coding = {}
    for key, value in my_coding.items():
        try:
            n = int(str(key).strip().lstrip("¶"))
        except ValueError:
            problems.append(f"{key!r} is not a paragraph number: use whole numbers as keys, e.g. {{4: dict(...)}}.")
            continue
        if n not in rows.index:
            problems.append(
                f"The course has not coded ¶{n} of {source_id}; it codes ¶{', ¶'.join(map(str, rows.index))}."
            )
            continue
        if not _unfilled(value) and not isinstance(value, dict):
            problems.append(
                f"¶{n}: give a dict(kind=..., attitude=..., expectation=..., loaded=[...]), not {type(value).__name__}."
            )
            continue
        coding[n] = {} if _unfilled(value) else value
    for n, value in coding.items():
        unknown = sorted(set(value) - set(FIELDS))
        if unknown:
            problems.append(
                f"¶{n}: {', '.join(map(repr, unknown))} is not a field; the fields are {', '.join(FIELDS)}."
            )
    results = []
    for row in rows.itertuples():
        n = int(row.paragraph)
        mine = coding.get(n, {})
        alts = _alternatives(row)
        fields = tuple(
            _compare_value(f, mine.get(f, ...), getattr(row, f), alts.get(f, set()))
            for f in ("kind", "attitude", "expectation")
        )
        fields += (
            _compare_loaded(mine.get("loaded", ...), [w.strip() for w in str(row.loaded).split(";") if w.strip()]),
        )
        results.append(
            ParagraphResult(n, full[n] if original else row.paraphrase, original, fields, row.reason, row.question_back)
        )
    thesis_result = _compare_thesis(thesis, rows) if thesis is not None else None
    out = Comparison(source_id, tuple(results), thesis_result, tuple(problems), original)
    store.record(qid or code_qid(source_id), {"coding": my_coding, "thesis": thesis}, "compared", out.summary())
    return out
