"""Load the course data as pandas DataFrames, validated on every load."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .course_rules import check_course
from .dates import parse_date
from .errors import CourseDataError, Problem, ReadingsUnavailable
from .readings import readings
from .validate import check_foreign_keys, check_table, load_package, read_csv_rows

DATA_ENV = "SHAREDSHIELD_DATA"
TABLES = (
    "sources",
    "events",
    "mentions",
    "claims",
    "claim_links",
    "paragraph_coding",
    "loaded_terms",
    "chronologies",
    "listings",
    "glossary",
)


@dataclass(frozen=True)
class Course:
    """The course tables as DataFrames; events and mentions carry parsed date columns."""

    sources: pd.DataFrame
    events: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    claim_links: pd.DataFrame
    paragraph_coding: pd.DataFrame
    loaded_terms: pd.DataFrame
    chronologies: pd.DataFrame
    listings: pd.DataFrame
    glossary: pd.DataFrame
    data_dir: Path

    def table(self, name: str) -> pd.DataFrame:
        """One table by name."""
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return getattr(self, name)


def find_data_dir(data_dir: str | Path | None = None) -> Path:
    """Data folder: the argument, else $SHAREDSHIELD_DATA, else data/ in the cwd or a parent, else the repository's."""
    if data_dir is not None:
        return Path(data_dir).expanduser().resolve()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser().resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "datapackage.json").is_file():
            return folder / "data"
    return Path(__file__).resolve().parents[2] / "data"


def _frame(schema: dict, rows: list[tuple[int, dict]]) -> pd.DataFrame:
    """A DataFrame with the schema's columns and types, plus the spreadsheet row as `row`."""
    names = [f["name"] for f in schema["fields"]]
    df = pd.DataFrame([r for _, r in rows], columns=names)
    for f in schema["fields"]:
        if f.get("type") == "integer":
            df[f["name"]] = df[f["name"]].astype("int64")
        elif f.get("type") == "boolean":
            df[f["name"]] = df[f["name"]].astype(bool)
        else:
            df[f["name"]] = df[f["name"]].fillna("").astype(str)
    df.insert(len(df.columns), "row", pd.Series([n for n, _ in rows], dtype="int64"))
    return df


def _add_dates(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """Add date_start, date_end (inclusive last day), precision and date_label parsed from an EDTF column."""
    cache = {t: parse_date(t) for t in df[column].unique() if t}
    df = df.copy()
    df["date_start"] = pd.to_datetime(
        pd.Series([cache[t].start if t else pd.NaT for t in df[column]], index=df.index, dtype="object")
    ).astype("datetime64[ns]")
    df["date_end"] = pd.to_datetime(
        pd.Series([cache[t].end if t else pd.NaT for t in df[column]], index=df.index, dtype="object")
    ).astype("datetime64[ns]")
    df["precision"] = [cache[t].precision if t else "" for t in df[column]]
    df["approximate"] = [bool(t) and (cache[t].approximate or cache[t].uncertain) for t in df[column]]
    return df


def read_tables(data_dir: Path) -> tuple[dict, dict[str, list[tuple[int, dict]]], list[Problem]]:
    """Read and schema-check every table; returns the package, good rows per table and all problems."""
    package = load_package(data_dir)
    problems: list[Problem] = []
    good: dict[str, list[tuple[int, dict]]] = {}
    for res in package["resources"]:
        name, schema = res["path"], res["schema"]
        path = data_dir / name
        cols = [f["name"] for f in schema["fields"]]
        if not path.is_file():
            what = (
                f"is a folder, not a file, in {data_dir}" if path.is_dir() else f"the file is missing from {data_dir}"
            )
            problems.append(
                Problem(
                    name, None, None, what, "restore it (git checkout -- data/" + name + ") or copy it from the course"
                )
            )
            good[res["name"]] = []
            continue
        try:
            raw = path.read_bytes()
        except OSError as err:
            problems.append(
                Problem(
                    name,
                    None,
                    None,
                    f"the file cannot be read ({err.strerror or err})",
                    "close any program that has it open, and check its permissions",
                )
            )
            good[res["name"]] = []
            continue
        rows = read_csv_rows(name, raw, cols, problems)
        good[res["name"]] = check_table(name, schema, rows, problems)
    keys = {}
    for res in package["resources"]:
        pk = res["schema"].get("primaryKey", [])
        if isinstance(pk, str) or len(pk) == 1:
            k = pk if isinstance(pk, str) else pk[0]
            keys[res["name"]] = {r[k] for _, r in good[res["name"]]}
    for res in package["resources"]:
        check_foreign_keys(res["path"], res["schema"], good[res["name"]], keys, problems)
    return package, good, problems


def load_course(data_dir: str | Path | None = None, readings_dir: str | Path | None = None) -> Course:
    """Load and validate every table; raise CourseDataError listing all problems at once (files are only read)."""
    folder = find_data_dir(data_dir)
    try:
        package, good, problems = read_tables(folder)
    except FileNotFoundError as err:
        raise CourseDataError(
            [Problem("datapackage.json", None, None, str(err), "point load_course() at the data/ folder")]
        ) from None
    try:
        texts = readings(readings_dir)
    except ReadingsUnavailable:
        texts = None
    problems += check_course(good, texts)
    if problems:
        raise CourseDataError(problems) from None
    schemas = {r["name"]: r["schema"] for r in package["resources"]}
    frames = {name: _frame(schemas[name], good[name]) for name in TABLES}
    frames["events"] = _add_dates(frames["events"], "date")
    frames["mentions"] = _add_dates(frames["mentions"], "date_as_stated_edtf")
    frames["sources"] = _add_dates(frames["sources"], "published")
    return Course(**frames, data_dir=folder)
