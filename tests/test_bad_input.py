"""Bad input: the complete corpus of broken edits a learner can make to data/, one table row each.

Every case edits a private copy of the real data/ folder (the tiny fixture while data/ is still sparse) and then
loads it. Each must either load fine (BOM, Windows or mixed line endings, trailing blank lines) or raise
CourseDataError whose Problem objects name the file, row and column; no other exception may escape, and neither
the data nor the readings may change (hashed before and after). The CLI (`python -m sharedshield check`) is run
on the same copy and must exit 1 (or 0) without a traceback.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, tree_hash
from sharedshield import CourseDataError, Problem, load_course
from sharedshield.__main__ import main

REAL = ROOT / "data"


def _data_rows(folder: Path, name: str) -> int:
    """Number of data rows in one CSV of a folder (0 when it is missing)."""
    path = folder / name
    return sum(1 for _ in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))) if path.is_file() else 0


# The real data once it has rows; the tiny fixture before that (the corpus below works on either).
SOURCE_DATA, SOURCE_READINGS = (
    (REAL, os.environ.get("SHAREDSHIELD_READINGS"))
    if _data_rows(REAL, "events.csv") >= 3
    else (FIXTURES / "data", str(FIXTURES / "readings"))
)


@dataclass(frozen=True)
class Expect:
    """One problem the case must produce: exact file, row (or any of several) and column, and a fragment of `what`."""

    file: str
    row: int | tuple[int, ...] | None
    column: str | None
    fragment: str = ""

    def matches(self, p: Problem) -> bool:
        rows = self.row if isinstance(self.row, tuple) else (self.row,)
        return p.file == self.file and p.row in rows and p.column == self.column and self.fragment in p.what


# ---- helpers that edit the copy (each returns what it needs for the expectation) -------------------------------


def table(d: Path, name: str) -> list[list[str]]:
    """All records of a CSV, header first."""
    return list(csv.reader(io.StringIO((d / name).read_text(encoding="utf-8-sig"), newline="")))


def write_table(d: Path, name: str, records: list[list[str]]) -> None:
    """Write records back as plain comma-separated UTF-8 with LF line endings."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(records)
    (d / name).write_text(out.getvalue(), encoding="utf-8", newline="")


def get(d: Path, name: str, row: int, column: str) -> str:
    """The value in one spreadsheet row (header = row 1) and column."""
    records = table(d, name)
    return records[row - 1][records[0].index(column)]


def set_cell(d: Path, name: str, row: int, column: str, value: str) -> None:
    """Put a value in one spreadsheet row and column."""
    records = table(d, name)
    records[row - 1][records[0].index(column)] = value
    write_table(d, name, records)


def append_row(d: Path, name: str, values: dict[str, str]) -> int:
    """Append a record (unnamed columns empty); returns its spreadsheet row."""
    records = table(d, name)
    records.append([values.get(c, "") for c in records[0]])
    write_table(d, name, records)
    return len(records)


def drop_column(d: Path, name: str, column: str) -> None:
    """Remove a column from the header and every row."""
    records = table(d, name)
    k = records[0].index(column)
    write_table(d, name, [r[:k] + r[k + 1 :] for r in records])


def edit_bytes(d: Path, name: str, fn: Callable[[bytes], bytes]) -> None:
    """Rewrite a file's raw bytes."""
    (d / name).write_bytes(fn((d / name).read_bytes()))


def first_row_with(d: Path, name: str, column: str) -> int:
    """The first spreadsheet row whose column is filled."""
    records = table(d, name)
    k = records[0].index(column)
    return next(i + 1 for i, r in enumerate(records) if i and r[k].strip())


def cut_inside_quoted_field(d: Path, name: str) -> int:
    """Truncate a file in the middle of the first quoted field that has a comma; returns that field's row."""
    text = (d / name).read_text(encoding="utf-8")
    records = table(d, name)
    for row, rec in enumerate(records[1:], start=2):
        for value in rec:
            if "," in value:
                start = text.index('"' + value.replace('"', '""'))
                (d / name).write_text(
                    text[: text.index(",", start) + 1], encoding="utf-8", newline=""
                )  # ends just after a comma inside the quotes
                return row
    raise AssertionError(f"{name} has no quoted field")


def cycle_link(d: Path) -> tuple[int, int]:
    """Append the reverse of a link between two non-thesis claims of one reading; returns both rows of the cycle."""
    thesis = {
        r[0]
        for r in table(d, "claims.csv")[1:]
        if r[table(d, "claims.csv")[0].index("is_thesis")].strip().lower() == "true"
    }
    links = table(d, "claim_links.csv")
    for row, (a, b, *_rest) in enumerate(links[1:], start=2):
        if a not in thesis and b not in thesis and a != b:
            return row, append_row(d, "claim_links.csv", {"from_claim": b, "to_claim": a, "relation": "supports"})
    raise AssertionError("no link between two non-thesis claims")


# ---- the corpus ---------------------------------------------------------------------------------------------------

Mutate = Callable[[Path], list[Expect] | None]
CASES: list[
    tuple[str, bool, Mutate]
] = []  # (id, needs readings, mutate -> expected problems, or None when it must load fine)


def case(case_id: str, needs_readings: bool = False) -> Callable[[Mutate], Mutate]:
    """Register one corpus case."""

    def register(fn: Mutate) -> Mutate:
        CASES.append((case_id, needs_readings, fn))
        return fn

    return register


# dates
@case("edtf-not-a-date")
def _(d):
    set_cell(d, "events.csv", 3, "date", "2007/07/01")
    return [Expect("events.csv", 3, "date", "is not an EDTF date")]


@case("edtf-words-not-a-date")
def _(d):
    set_cell(d, "events.csv", 3, "date", "July 2007")
    return [Expect("events.csv", 3, "date", "does not have the expected form")]


@case("edtf-month-13")
def _(d):
    set_cell(d, "events.csv", 2, "date", "2007-13")
    return [Expect("events.csv", 2, "date", "'2007-13' is not an EDTF date")]


@case("edtf-day-32")
def _(d):
    set_cell(d, "events.csv", 4, "date", "2007-01-32")
    return [Expect("events.csv", 4, "date", "is not an EDTF date")]


@case("edtf-end-before-start")
def _(d):
    set_cell(d, "events.csv", 2, "date", "2007-07-02/2007-07-01")
    return [Expect("events.csv", 2, "date", "ends before it starts")]


@case("edtf-open-interval")
def _(d):
    set_cell(d, "events.csv", 2, "date", "2007-06/..")
    return [Expect("events.csv", 2, "date", "open-ended interval")]


@case("edtf-year-out-of-range")
def _(d):
    set_cell(d, "events.csv", 2, "date", "0999")
    return [Expect("events.csv", 2, "date", "outside 1000-2999")]


@case("edtf-mention-date")
def _(d):
    row = first_row_with(d, "mentions.csv", "date_as_stated_edtf")
    set_cell(d, "mentions.csv", row, "date_as_stated_edtf", "2011-14")
    return [Expect("mentions.csv", row, "date_as_stated_edtf", "is not an EDTF date")]


@case("edtf-source-published")
def _(d):
    set_cell(d, "sources.csv", 2, "published", "2007-06-31")
    return [Expect("sources.csv", 2, "published", "is not an EDTF date")]


# ids and keys
@case("unknown-source-id")
def _(d):
    set_cell(d, "mentions.csv", 3, "source_id", "nosuch2000")
    return [Expect("mentions.csv", 3, "source_id", "'nosuch2000' is not in sources.csv")]


@case("unknown-event-id")
def _(d):
    set_cell(d, "mentions.csv", 2, "event_id", "E999")
    return [Expect("mentions.csv", 2, "event_id", "'E999' is not in events.csv")]


@case("duplicate-event-id")
def _(d):
    set_cell(d, "events.csv", 4, "event_id", get(d, "events.csv", 2, "event_id"))
    return [Expect("events.csv", 4, "event_id", "is used already in row 2")]


@case("duplicate-glossary-term")
def _(d):
    set_cell(d, "glossary.csv", 3, "term", get(d, "glossary.csv", 2, "term"))
    return [Expect("glossary.csv", 3, "term", "is used already in row 2")]


@case("duplicate-mention-key")
def _(d):
    records = table(d, "mentions.csv")
    row = append_row(d, "mentions.csv", dict(zip(records[0], records[1], strict=True)))
    return [Expect("mentions.csv", row, "event_id, source_id, paragraph", "repeats row 2")]


@case("event-id-wrong-form")
def _(d):
    set_cell(d, "events.csv", 2, "event_id", "e1")
    return [Expect("events.csv", 2, "event_id", "does not have the expected form")]


# header
@case("missing-required-column")
def _(d):
    drop_column(d, "events.csv", "date_confidence")
    return [Expect("events.csv", 1, "date_confidence", "required column is missing")]


@case("extra-column")
def _(d):
    records = table(d, "glossary.csv")
    write_table(d, "glossary.csv", [records[0] + ["level"]] + [r + ["1"] for r in records[1:]])
    return [Expect("glossary.csv", 1, "level", "not in the table's schema")]


@case("duplicate-header-column")
def _(d):
    records = table(d, "glossary.csv")
    write_table(d, "glossary.csv", [records[0] + ["term"]] + [r + ["x"] for r in records[1:]])
    return [Expect("glossary.csv", 1, "term", "appears more than once")]


@case("header-different-case")
def _(d):
    edit_bytes(d, "events.csv", lambda b: b.replace(b"event_id", b"Event_ID", 1))
    return [
        Expect("events.csv", 1, "event_id", "required column is missing"),
        Expect("events.csv", 1, "Event_ID", "not in the table's schema"),
    ]


@case("header-blank-column")
def _(d):
    edit_bytes(d, "glossary.csv", lambda b: b.replace(b"first_notebook", b"first_notebook,", 1))
    return [Expect("glossary.csv", 1, "(blank)", "not in the table's schema")]


# values
@case("empty-title")
def _(d):
    set_cell(d, "events.csv", 3, "title", "")
    return [Expect("events.csv", 3, "title", "is empty but required")]


@case("blank-title")
def _(d):
    set_cell(d, "events.csv", 3, "title", "   \t ")
    return [Expect("events.csv", 3, "title", "is empty but required")]


@case("html-in-title")
def _(d):
    set_cell(d, "events.csv", 2, "title", "<b>Summit</b> <script>alert(1)</script>")
    return [Expect("events.csv", 2, "title", "contains HTML markup")]


@case("html-img-onerror")
def _(d):
    set_cell(d, "glossary.csv", 2, "definition", 'A term <img src=x onerror="alert(1)">')
    return [Expect("glossary.csv", 2, "definition", "contains HTML markup")]


@case("enum-not-allowed")
def _(d):
    set_cell(d, "events.csv", 2, "date_confidence", "certain")
    return [Expect("events.csv", 2, "date_confidence", "'certain' is not an allowed value")]


@case("boolean-not-boolean")
def _(d):
    set_cell(d, "claims.csv", 2, "is_thesis", "maybe")
    return [Expect("claims.csv", 2, "is_thesis", "is not a boolean")]


@case("integer-not-integer")
def _(d):
    set_cell(d, "mentions.csv", 2, "paragraph", "2a")
    return [Expect("mentions.csv", 2, "paragraph", "is not a integer")]


@case("integer-overflow")
def _(d):
    set_cell(d, "loaded_terms.csv", 2, "paragraph", "9" * 30)
    return [Expect("loaded_terms.csv", 2, "paragraph", "is not a integer")]


@case("integer-below-minimum")
def _(d):
    set_cell(d, "claims.csv", 2, "paragraph", "0")
    return [Expect("claims.csv", 2, "paragraph", "below the minimum 1")]


@case("field-over-2000-characters")
def _(d):
    set_cell(d, "events.csv", 2, "summary", "long " * 700)
    return [Expect("events.csv", 2, "summary", "the limit is 2,000")]


@case("huge-field-200000-characters")
def _(d):
    set_cell(d, "events.csv", 3, "notes", "x" * 200_000)  # over Python's csv field limit (131,072)
    return [Expect("events.csv", 3, None, "far too long")]


@case("nul-bytes")
def _(d):
    set_cell(d, "events.csv", 2, "title", "Sum\x00mit")
    return [Expect("events.csv", 2, "title", "NUL character")]


# readings
@case("paragraph-does-not-exist", needs_readings=True)
def _(d):
    set_cell(d, "mentions.csv", 2, "paragraph", "999")
    return [Expect("mentions.csv", 2, "paragraph", "has no paragraph 999")]


@case("anchor-not-in-its-paragraph", needs_readings=True)
def _(d):
    set_cell(d, "mentions.csv", 2, "anchor", "words that appear in no reading at all")
    return [Expect("mentions.csv", 2, "anchor", "is not verbatim in")]


@case("claim-anchor-not-in-its-paragraph", needs_readings=True)
def _(d):
    set_cell(d, "claims.csv", 3, "anchor", "words that appear in no reading at all")
    return [Expect("claims.csv", 3, "anchor", "is not verbatim in")]


@case("anchor-too-long")
def _(d):
    set_cell(d, "mentions.csv", 2, "anchor", "one two three four five six seven eight nine ten eleven twelve thirteen")
    return [Expect("mentions.csv", 2, "anchor", "has 13 words; the limit is 12")]


# claims
@case("claim-link-to-missing-claim")
def _(d):
    missing = get(d, "claim_links.csv", 2, "to_claim").rsplit("-c", 1)[0] + "-c99"
    set_cell(d, "claim_links.csv", 2, "to_claim", missing)
    return [Expect("claim_links.csv", 2, "to_claim", f"'{missing}' is not in claims.csv")]


@case("claim-link-makes-a-cycle")
def _(d):
    rows = cycle_link(d)
    return [Expect("claim_links.csv", rows, "to_claim", "these links make a cycle")]


@case("claim-link-to-itself")
def _(d):
    set_cell(d, "claim_links.csv", 2, "to_claim", get(d, "claim_links.csv", 2, "from_claim"))
    return [Expect("claim_links.csv", 2, "to_claim", "links to itself")]


# encodings and line endings
@case("bom-and-windows-line-endings")
def _(d):
    for f in d.glob("*.csv"):
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes().replace(b"\n", b"\r\n"))
    return None


@case("mixed-crlf-and-lf")
def _(d):
    for f in d.glob("*.csv"):
        lines = f.read_bytes().split(b"\n")
        f.write_bytes(b"".join(line + (b"\r\n" if i % 2 else b"\n") for i, line in enumerate(lines[:-1])) + lines[-1])
    return None


@case("old-mac-cr-line-endings")
def _(d):
    edit_bytes(d, "glossary.csv", lambda b: b.replace(b"\n", b"\r"))
    return None


@case("trailing-blank-lines")
def _(d):
    for f in d.glob("*.csv"):
        f.write_bytes(f.read_bytes() + b"\n\n\r\n,,,\n \n")
    return None


@case("blank-line-inside-shifts-row-numbers")
def _(d):
    records = table(d, "events.csv")
    write_table(d, "events.csv", records[:2] + [[]] + records[2:])  # row 3 is blank, the old row 3 is now row 4
    set_cell(d, "events.csv", 4, "date", "2007-13")
    return [Expect("events.csv", 4, "date", "is not an EDTF date")]


@case("latin-1-file")
def _(d):
    set_cell(d, "glossary.csv", 4, "definition", "Talks in Genève.")
    row = next(i for i, r in enumerate(table(d, "glossary.csv"), start=1) if any(ord(c) > 127 for v in r for c in v))
    edit_bytes(
        d, "glossary.csv", lambda b: b.decode("utf-8").encode("latin-1", errors="replace")
    )  # the whole file saved as Latin-1
    return [Expect("glossary.csv", row, None, "is not UTF-8 text")]


@case("latin-1-after-a-multi-line-field")
def _(d):
    set_cell(d, "events.csv", 2, "notes", "line one\nline two\nline three")
    set_cell(d, "events.csv", 3, "summary", "Talks in GenLATIN1ve.")
    edit_bytes(
        d, "events.csv", lambda b: b.replace(b"LATIN1", "è".encode("latin-1"))
    )  # one row pasted from a Latin-1 file
    return [Expect("events.csv", 3, None, "is not UTF-8 text (line 5 of the file)")]


@case("bom-then-a-latin-1-byte-at-a-line-start")
def _(d):
    set_cell(d, "glossary.csv", 3, "term", "LATIN1vian term")
    edit_bytes(d, "glossary.csv", lambda b: b"\xef\xbb\xbf" + b.replace(b"LATIN1", "è".encode("latin-1")))
    return [Expect("glossary.csv", 3, None, "byte 0xe8 is not UTF-8 text (line 3 of the file)")]


@case("utf-16-file")
def _(d):
    edit_bytes(d, "glossary.csv", lambda b: b.decode("utf-8").encode("utf-16"))
    return [Expect("glossary.csv", 1, None, "is not UTF-8 text")]


# damaged files
@case("truncated-mid-row")
def _(d):
    records = table(d, "glossary.csv")
    write_table(d, "glossary.csv", records[:3] + [[records[3][0]]])
    edit_bytes(d, "glossary.csv", lambda b: b.rstrip(b"\n"))  # row 4 cut after its first value, no final newline
    return [Expect("glossary.csv", 4, None, "the row has 1 values but the header has 3 columns")]


@case("truncated-mid-quote")
def _(d):
    row = cut_inside_quoted_field(d, "events.csv")
    return [Expect("events.csv", row, None, "a quoted field is never closed")]


@case("quote-opened-never-closed")
def _(d):
    last = len(table(d, "glossary.csv"))
    set_cell(d, "glossary.csv", last, "definition", "PLACEHOLDER")
    edit_bytes(
        d, "glossary.csv", lambda b: b.replace(b"PLACEHOLDER", b'"A definition whose quote is never closed, so', 1)
    )
    return [Expect("glossary.csv", last, None, "a quoted field is never closed")]


@case("quote-in-the-middle-of-a-field")
def _(d):
    records = table(d, "events.csv")
    records[2][records[0].index("title")] = "PLACEHOLDER"
    write_table(d, "events.csv", records)
    edit_bytes(d, "events.csv", lambda b: b.replace(b"PLACEHOLDER", b'"Summit" in Vancouver', 1))
    return [Expect("events.csv", 3, None, "the CSV cannot be read")]


@case("empty-file")
def _(d):
    (d / "loaded_terms.csv").write_bytes(b"")
    return [Expect("loaded_terms.csv", None, None, "the file is empty")]


@case("whitespace-only-file")
def _(d):
    (d / "loaded_terms.csv").write_bytes(b"\r\n  \n")
    return [Expect("loaded_terms.csv", None, None, "the file is empty")]


@case("missing-file")
def _(d):
    (d / "glossary.csv").unlink()
    return [Expect("glossary.csv", None, None, "the file is missing")]


@case("file-is-a-directory")
def _(d):
    (d / "glossary.csv").unlink()
    (d / "glossary.csv").mkdir()
    return [Expect("glossary.csv", None, None, "is a folder, not a file")]


@case("semicolon-delimiter")
def _(d):
    records = table(d, "glossary.csv")
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(records)
    (d / "glossary.csv").write_text(out.getvalue(), encoding="utf-8")
    return [Expect("glossary.csv", 1, None, "separated by ';'")]


@case("tab-delimiter")
def _(d):
    records = table(d, "events.csv")
    out = io.StringIO(newline="")
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(records)
    (d / "events.csv").write_text(out.getvalue(), encoding="utf-8")
    return [Expect("events.csv", 1, None, "separated by tab")]


@case("extra-comma-in-a-row")
def _(d):
    records = table(d, "glossary.csv")
    records[2].append("stray")
    write_table(d, "glossary.csv", records)
    return [Expect("glossary.csv", 3, None, "the row has 4 values but the header has 3 columns")]


# the data package itself
@case("datapackage-not-json")
def _(d):
    edit_bytes(d, "datapackage.json", lambda b: b.replace(b"{", b"{,", 1))
    return [Expect("datapackage.json", 1, None, "is not valid JSON")]


@case("datapackage-missing")
def _(d):
    (d / "datapackage.json").unlink()
    return [Expect("datapackage.json", None, None, "not found")]


@case("datapackage-is-a-directory")
def _(d):
    (d / "datapackage.json").unlink()
    (d / "datapackage.json").mkdir()
    return [Expect("datapackage.json", None, None, "cannot be read")]


@case("datapackage-without-resources")
def _(d):
    (d / "datapackage.json").write_text('{"name": "shared-shield"}', encoding="utf-8")
    return [Expect("datapackage.json", None, "resources", "has no list of resources")]


@case("datapackage-field-without-name")
def _(d):
    edit_bytes(d, "datapackage.json", lambda b: b.replace(b'"name": "definition"', b'"title": "definition"', 1))
    return [Expect("datapackage.json", None, "glossary.fields", "needs a name")]


@case("datapackage-bad-pattern")
def _(d):
    edit_bytes(
        d,
        "datapackage.json",
        lambda b: b.replace(b'"pattern": "^[0-9]{2}_[a-z0-9_]+$"', b'"pattern": "^[0-9{2}_[a-z0-9_+$"', 1),
    )
    return [Expect("datapackage.json", None, "glossary.first_notebook", "not a valid regular expression")]


IDS = [c[0] for c in CASES]


def test_the_corpus_is_complete():
    """Every kind of broken edit the issue lists is in the corpus, with unique ids."""
    assert len(IDS) == len(set(IDS)) and len(IDS) >= 25
    wanted = [
        "edtf-not-a-date",
        "edtf-month-13",
        "edtf-end-before-start",
        "unknown-source-id",
        "duplicate-event-id",
        "missing-required-column",
        "extra-column",
        "empty-title",
        "paragraph-does-not-exist",
        "anchor-not-in-its-paragraph",
        "claim-link-to-missing-claim",
        "claim-link-makes-a-cycle",
        "bom-and-windows-line-endings",
        "latin-1-file",
        "truncated-mid-row",
        "truncated-mid-quote",
        "empty-file",
        "missing-file",
        "semicolon-delimiter",
        "tab-delimiter",
        "quote-opened-never-closed",
        "huge-field-200000-characters",
        "html-in-title",
        "nul-bytes",
        "file-is-a-directory",
        "mixed-crlf-and-lf",
        "trailing-blank-lines",
        "header-different-case",
    ]
    assert not set(wanted) - set(IDS)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the course data (drafts left out)."""
    dest = tmp_path / "data"
    shutil.copytree(SOURCE_DATA, dest, ignore=shutil.ignore_patterns("drafts"))
    return dest


def _summary(problems: list[Problem]) -> str:
    return "\n".join(f"  ({p.file!r}, {p.row!r}, {p.column!r}) {p.what}" for p in problems)


@pytest.mark.parametrize(("case_id", "needs_readings", "mutate"), CASES, ids=IDS)
def test_broken_edit_gives_course_data_error_naming_file_row_and_column(
    data_copy, monkeypatch, capsys, case_id, needs_readings, mutate
):
    if needs_readings and not SOURCE_READINGS:
        pytest.skip("SHAREDSHIELD_READINGS is not set: quote checks need the readings")
    readings = Path(SOURCE_READINGS) if SOURCE_READINGS else None
    if readings:
        monkeypatch.setenv("SHAREDSHIELD_READINGS", str(readings))
    else:
        monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    monkeypatch.delenv("SHAREDSHIELD_DATA", raising=False)
    expected = mutate(data_copy)
    before = tree_hash(data_copy), tree_hash(readings) if readings else ""

    try:
        course = load_course(data_copy, readings)
        problems = None
    except CourseDataError as err:
        problems = err.problems
        message = str(err)
    # any other exception escapes here and fails the test with its traceback

    if expected is None:
        assert problems is None, f"{case_id} is legitimate input and must load fine:\n{_summary(problems or [])}"
        clean = load_course(SOURCE_DATA, readings)
        for name in ("sources", "events", "mentions", "claims", "claim_links", "loaded_terms", "glossary"):
            assert course.table(name).drop(columns="row").equals(clean.table(name).drop(columns="row")), name
    else:
        assert problems, f"{case_id} loaded without a problem"
        missing = [e for e in expected if not any(e.matches(p) for p in problems)]
        assert not missing, f"expected {missing}\ngot:\n{_summary(problems)}"
        assert message.count("\n") == len(problems) and "Traceback" not in message
        for p in problems:
            assert isinstance(p.file, str) and p.file and p.what
            assert p.row is None or (isinstance(p.row, int) and p.row >= 1)
            assert p.column is None or (isinstance(p.column, str) and p.column)

    assert main(["check", str(data_copy)]) == (0 if expected is None else 1)
    captured = capsys.readouterr()
    out = captured.out if expected is None else captured.err  # a data problem is reported on stderr
    assert "Traceback" not in out and (
        out.startswith("OK:") if expected is None else out.startswith("The course data has")
    )
    assert (tree_hash(data_copy), tree_hash(readings) if readings else "") == before, "loading must not write any file"


def test_a_data_folder_that_does_not_exist(tmp_path):
    with pytest.raises(CourseDataError) as info:
        load_course(tmp_path / "nowhere")
    assert [(p.file, p.row, p.column) for p in info.value.problems] == [("datapackage.json", None, None)]
    assert not (tmp_path / "nowhere").exists()


def test_an_unreadable_file_is_a_problem_not_a_crash(data_copy, monkeypatch):
    """Permission errors cannot be made as root, so the read itself is made to fail."""
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "claims.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(CourseDataError) as info:
        load_course(data_copy, None)
    assert any(
        (p.file, p.row, p.column) == ("claims.csv", None, None) and "Permission denied" in p.what
        for p in info.value.problems
    )
