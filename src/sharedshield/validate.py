"""Read the CSV tables and check them against the Table Schemas in datapackage.json and the course's own rules."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .errors import CourseDataError, Problem

MAX_FIELD = 2000
MAX_ANCHOR_WORDS = 12
MAX_PHRASE_WORDS = 6
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
QUAD_CLASS = {
    **{f"{i:02d}": "verbal cooperation" for i in range(1, 6)},
    **{f"{i:02d}": "material cooperation" for i in range(6, 9)},
    **{f"{i:02d}": "verbal conflict" for i in range(9, 14)},
    **{f"{i:02d}": "material conflict" for i in range(14, 21)},
}

Row = dict[str, Any]


def load_package(data_dir: Path) -> dict:
    """The parsed datapackage.json (the single source of truth for the tables)."""
    path = data_dir / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} not found — is data_dir the course's data/ folder?") from None
    except json.JSONDecodeError as err:
        raise CourseDataError(
            [
                Problem(
                    "datapackage.json",
                    err.lineno,
                    None,
                    f"is not valid JSON ({err.msg}, line {err.lineno} column {err.colno})",
                    "undo the last edit (git checkout -- data/datapackage.json)",
                )
            ]
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise CourseDataError(
            [
                Problem(
                    "datapackage.json",
                    None,
                    None,
                    f"cannot be read ({type(err).__name__}: {getattr(err, 'strerror', None) or err})",
                    "restore it (git checkout -- data/datapackage.json)",
                )
            ]
        ) from None
    problems = _package_problems(package)
    if problems:
        raise CourseDataError(problems)
    return package


def _package_problems(package: Any) -> list[Problem]:
    """What in datapackage.json's structure this loader cannot use (so no KeyError or TypeError escapes later)."""
    fix = "undo the last edit (git checkout -- data/datapackage.json)"
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        return [Problem("datapackage.json", None, "resources", "has no list of resources", fix)]
    out = []
    for i, res in enumerate(package["resources"]):
        fields = (
            res.get("schema", {}).get("fields")
            if isinstance(res, dict) and isinstance(res.get("schema"), dict)
            else None
        )
        if not (
            isinstance(res, dict)
            and isinstance(res.get("name"), str)
            and isinstance(res.get("path"), str)
            and isinstance(fields, list)
        ):
            out.append(
                Problem(
                    "datapackage.json",
                    None,
                    f"resources[{i}]",
                    "needs a name, a path and a schema with a list of fields",
                    fix,
                )
            )
            continue
        for field in fields:
            if not (
                isinstance(field, dict)
                and isinstance(field.get("name"), str)
                and isinstance(field.get("constraints", {}), dict)
            ):
                out.append(
                    Problem(
                        "datapackage.json",
                        None,
                        f"{res['name']}.fields",
                        f"field {field!r:.60} needs a name and (optionally) a constraints object",
                        fix,
                    )
                )
                continue
            try:
                re.compile(field.get("constraints", {}).get("pattern", ""))
            except (re.error, TypeError) as err:
                out.append(
                    Problem(
                        "datapackage.json",
                        None,
                        f"{res['name']}.{field['name']}",
                        f"the pattern is not a valid regular expression ({err})",
                        fix,
                    )
                )
    return out


def _decode(name: str, raw: bytes, problems: list[Problem]) -> str | None:
    """UTF-8 text of a file (a byte-order mark is fine), or None with a problem naming the row and line."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # strip the BOM first: utf-8-sig error offsets do not count it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        try:  # the spreadsheet row, which differs from the line after a field that spans lines
            row = sum(1 for _ in csv.reader(io.StringIO(raw[: err.start].decode("utf-8") + "x", newline="")))
        except csv.Error:
            row = line
        problems.append(
            Problem(
                name,
                row,
                None,
                f"byte {raw[err.start]:#04x} is not UTF-8 text (line {line} of the file)",
                "save the file as 'CSV UTF-8' (in Excel: Save As → CSV UTF-8; in LibreOffice: Character set → Unicode"
                " (UTF-8))",
            )
        )
        return None


def read_csv_rows(name: str, raw: bytes, fields: list[str], problems: list[Problem]) -> list[tuple[int, Row]]:
    """Rows of one CSV as (spreadsheet row, {column: text}), adding a Problem for every structural fault."""
    text = _decode(name, raw, problems)
    if text is None:
        return []
    if not text.strip():
        problems.append(
            Problem(name, None, None, "the file is empty", f"it needs at least the header row: {','.join(fields)}")
        )
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, Row]] = []
    last = 0  # spreadsheet row of the last record read whole: a csv.Error is in row last + 1
    try:
        header = next(reader)
        last = 1
        header = [h.strip() for h in header]
        missing = [f for f in fields if f not in header]
        extra = [h for h in header if h not in fields]
        dupes = [h for h, n in Counter(header).items() if n > 1]
        sep = next((s for s in (";", "\t", "|") if s in ",".join(header)), None)
        if sep and missing:
            shown = "tab" if sep == "\t" else f"'{sep}'"
            problems.append(
                Problem(
                    name,
                    1,
                    None,
                    f"the columns seem to be separated by {shown}, not commas",
                    "save the file as comma-separated CSV",
                )
            )
            return []
        for m in missing:
            problems.append(
                Problem(
                    name,
                    1,
                    m,
                    "this required column is missing from the header",
                    f"add a column named '{m}' (the header must be: {','.join(fields)})",
                )
            )
        for e in extra:
            problems.append(
                Problem(
                    name,
                    1,
                    e or "(blank)",
                    "this column is not in the table's schema",
                    "delete the column, or add it to the table's schema in datapackage.json",
                )
            )
        for d in dupes:
            problems.append(Problem(name, 1, d, "this column appears more than once in the header", "keep only one"))
        if missing or extra or dupes:
            return []
        for index, values in enumerate(reader):
            row_no = last = index + 2
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problems.append(
                    Problem(
                        name,
                        row_no,
                        None,
                        f"the row has {len(values)} values but the header has {len(header)} columns",
                        "check for a missing or extra comma, or a quote that is not closed",
                    )
                )
                continue
            rows.append((row_no, dict(zip(header, values, strict=True))))
    except csv.Error as err:
        line = reader.line_num
        msg = str(err)
        if "field larger than field limit" in msg:
            what = "a field is far too long (over 131,072 characters)"
        elif "unexpected end of data" in msg or "EOF" in msg:
            what = "a quoted field is never closed, so the file ends inside it"
        else:
            what = f"the CSV cannot be read ({msg})"
        problems.append(
            Problem(
                name,
                last + 1,
                None,
                f"{what}, near line {line} of the file",
                'check that every opening double quote " has a closing one, and that the file is complete',
            )
        )
    return rows


def _convert(value: str, ftype: str) -> Any:
    """Convert text to the schema type, or raise ValueError with the fix."""
    if ftype == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise ValueError("write a whole number, e.g. 3")
        if abs(int(value)) >= 2**63:
            raise ValueError("the number is far too large: write a whole number of at most 18 digits")
        return int(value)
    if ftype == "boolean":
        v = value.strip().lower()
        if v in ("true", "yes", "1"):
            return True
        if v in ("false", "no", "0"):
            return False
        raise ValueError("write true or false")
    return value


def _fill_in(description: str) -> str:
    """The fix for an empty required field: the field's whole description, first word lower-cased unless an acronym."""
    text = description.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return f"fill in {text}"


def check_table(name: str, schema: dict, rows: list[tuple[int, Row]], problems: list[Problem]) -> list[tuple[int, Row]]:
    """Apply a Table Schema's types and constraints: required, pattern, enum, maxLength, minimum, unique, primaryKey."""
    good: list[tuple[int, Row]] = []
    seen_unique: dict[str, dict[Any, int]] = defaultdict(dict)
    for row_no, row in rows:
        ok = True
        for field in schema["fields"]:
            col, ftype = field["name"], field.get("type", "string")
            c = field.get("constraints", {})
            value = row[col].strip() if ftype != "string" else row[col]
            if ftype == "string" and value != value.strip():
                row[col] = value = value.strip()
            if value == "":
                if c.get("required"):
                    problems.append(
                        Problem(
                            name, row_no, col, "is empty but required", _fill_in(field.get("description", "a value"))
                        )
                    )
                    ok = False
                continue
            if "\x00" in value:
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        "contains a NUL character (byte 0): the file is damaged or not plain CSV text",
                        "retype the value, or save the file again as 'CSV UTF-8'",
                    )
                )
                ok = False
                continue
            if len(value) > MAX_FIELD:
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"is {len(value):,} characters long; the limit is {MAX_FIELD:,}",
                        "shorten it (was text pasted twice, or a quote left open?)",
                    )
                )
                ok = False
                continue
            if ftype == "string" and _TAG.search(value):
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"contains HTML markup ({_TAG.search(value).group(0)[:40]!r})",
                        "write plain text without < > tags",
                    )
                )
                ok = False
                continue
            try:
                value = _convert(value, ftype)
            except ValueError as err:
                problems.append(Problem(name, row_no, col, f"'{value}' is not a {ftype}", str(err)))
                ok = False
                continue
            if "enum" in c and value not in c["enum"]:
                problems.append(
                    Problem(
                        name, row_no, col, f"'{value}' is not an allowed value", "use one of: " + ", ".join(c["enum"])
                    )
                )
                ok = False
            if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"'{value}' does not have the expected form",
                        _pattern_hint(col, c["pattern"]),
                    )
                )
                ok = False
            if "maxLength" in c and len(value) > c["maxLength"]:
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"is {len(value)} characters long; the limit is {c['maxLength']}",
                        "shorten it",
                    )
                )
                ok = False
            if "minimum" in c and value < c["minimum"]:
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"{value} is below the minimum {c['minimum']}",
                        f"use a number of at least {c['minimum']}",
                    )
                )
                ok = False
            if c.get("unique"):
                if value in seen_unique[col]:
                    problems.append(
                        Problem(
                            name,
                            row_no,
                            col,
                            f"'{value}' is used already in row {seen_unique[col][value]}",
                            "each value must be unique: change one of them",
                        )
                    )
                    ok = False
                else:
                    seen_unique[col][value] = row_no
            row[col] = value
        if ok:
            good.append((row_no, row))
    pk = schema.get("primaryKey", [])
    if isinstance(pk, str):
        pk = [pk]
    if len(pk) > 1:
        seen: dict[tuple, int] = {}
        for row_no, row in good:
            key = tuple(row[k] for k in pk)
            if key in seen:
                problems.append(
                    Problem(
                        name,
                        row_no,
                        ", ".join(pk),
                        f"the combination {key} repeats row {seen[key]}",
                        "remove the duplicate row or change one of them",
                    )
                )
            else:
                seen[key] = row_no
    return good


def _pattern_hint(col: str, pattern: str) -> str:
    """How to write a value that matches a schema pattern."""
    hints = {
        "event_id": "write E followed by three digits, e.g. E123",
        "claim_id": "write the source id, -c and two digits, e.g. eir2013-c07",
        "cameo_code": "write a CAMEO code of 2-4 digits as text, e.g. 0312 (keep leading zeros)",
        "first_notebook": "write a notebook name without .ipynb, e.g. 02_timeline",
        "url": "write a full web address starting with http:// or https://",
    }
    if col in hints:
        return hints[col]
    if col.endswith("_code"):
        return "write an ISO 3166 alpha-3 code (RUS, USA) or an organisation code (NATO, UN) in capitals"
    if col.endswith("source_id") or col == "source_id":
        return "write a lower-case id such as eir2013"
    if "date" in col or col == "published":
        return "write an EDTF date, e.g. 2007-07-01, 2007-07, 1993-21 or 2007-07-01/2007-07-02"
    return f"it must match the pattern {pattern}"


def check_foreign_keys(
    name: str, schema: dict, rows: list[tuple[int, Row]], keys: dict[str, set], problems: list[Problem]
) -> None:
    """Every foreign key value exists in the table it points to."""
    for fk in schema.get("foreignKeys", []):
        col = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        target = fk["reference"]["resource"]
        known = keys.get(target, set())
        for row_no, row in rows:
            if row.get(col) not in known:
                sample = ", ".join(sorted(map(str, known))[:6])
                problems.append(
                    Problem(
                        name,
                        row_no,
                        col,
                        f"'{row.get(col)}' is not in {target}.csv",
                        f"use an id that exists in {target}.csv (e.g. {sample}{', …' if len(known) > 6 else ''}) or add"
                        " it there first",
                    )
                )


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())
