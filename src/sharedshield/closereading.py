"""Close reading of one source: who wrote it, a per-paragraph guide, its loaded language, and what it leaves out."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from .argmap import claims_of, short_id
from .data import Course
from .dates import describe_date
from .tables import table_html
from .templates import render

CARD_FIELDS = ("title", "author", "outlet", "genre", "published", "perspective", "audience", "purpose")


def table(df: pd.DataFrame, caption: str | None = None, index: bool = False) -> HTML:
    """Display a DataFrame in full (long paraphrases are not cut off as pandas would cut them)."""
    return HTML(table_html(df, caption, index))


def source_card(course: Course, source_id: str) -> pd.DataFrame:
    """Who wrote the reading, where, when, for whom and why, as the course data records it (field, value)."""
    rows = course.sources[course.sources.source_id == source_id]
    if rows.empty:
        raise KeyError(f"no reading {source_id!r}; the readings are {', '.join(course.sources.source_id)}")
    src = rows.iloc[0]
    values = [describe_date(src[f]) if f == "published" else src[f] for f in CARD_FIELDS]
    return pd.DataFrame({"field": list(CARD_FIELDS), "value": values}).set_index("field")


def _of(df: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Rows of one reading, ordered by paragraph."""
    return df[df.source_id == source_id].sort_values("paragraph", kind="stable")


def paragraphs(course: Course, source_id: str, text: dict[int, str] | None = None) -> list[int]:
    """Paragraph numbers of the reading: all of the text when given, else every paragraph the data cites."""
    if text:
        return sorted(text)
    cited = (
        set(_of(course.mentions, source_id).paragraph)
        | set(_of(course.claims, source_id).paragraph)
        | set(_of(course.loaded_terms, source_id).paragraph)
    )
    return sorted(int(p) for p in cited)


def _event_items(course: Course, source_id: str) -> dict[int, list[str]]:
    """Per paragraph: 'E200 · title · record date · “anchor”' for every mention."""
    events = course.events.set_index("event_id")
    out: dict[int, list[str]] = {}
    for m in _of(course.mentions, source_id).itertuples():
        e = events.loc[m.event_id]
        out.setdefault(int(m.paragraph), []).append(
            f"{m.event_id} · {e.title} · record: {describe_date(e.date)} · “{m.anchor}”"
        )
    return out


def _claim_items(course: Course, source_id: str) -> dict[int, list[str]]:
    """Per paragraph: 'c05 (fact; favours; expects: fail): paraphrase' for every claim, the thesis marked."""
    out: dict[int, list[str]] = {}
    for c in claims_of(course, source_id).itertuples():
        mark = "THESIS · " if c.is_thesis else ""
        out.setdefault(int(c.paragraph), []).append(
            f"{mark}{short_id(c.claim_id)} ({c.kind}; {c.attitude}; expects: {c.expectation}): {c.claim}"
        )
    return out


def _term_items(course: Course, source_id: str) -> dict[int, list[str]]:
    """Per paragraph: '“phrase” (negative; describes …) → neutral alternative'."""
    out: dict[int, list[str]] = {}
    for t in _of(course.loaded_terms, source_id).itertuples():
        out.setdefault(int(t.paragraph), []).append(
            f"“{t.phrase}” ({t.connotation}; describes {t.describes}) → {t.neutral_alternative}"
        )
    return out


def guide_table(course: Course, source_id: str, text: dict[int, str] | None = None) -> pd.DataFrame:
    """One row per paragraph: counts and lists of the events, claims and loaded terms there (and the text, if given)."""
    ev, cl, lt = _event_items(course, source_id), _claim_items(course, source_id), _term_items(course, source_id)
    rows = []
    for p in paragraphs(course, source_id, text):
        row = {
            "¶": p,
            "n_events": len(ev.get(p, [])),
            "n_claims": len(cl.get(p, [])),
            "n_loaded": len(lt.get(p, [])),
            "events": ev.get(p, []),
            "claims": cl.get(p, []),
            "loaded terms": lt.get(p, []),
        }
        if text is not None:
            row["text"] = text.get(p, "")
        rows.append(row)
    columns = ["¶", "n_events", "n_claims", "n_loaded", "events", "claims", "loaded terms"] + (
        ["text"] if text is not None else []
    )
    return pd.DataFrame(rows, columns=columns)


def guide_html(
    course: Course, source_id: str, text: dict[int, str] | None = None, only: list[int] | None = None
) -> str:
    """The reading guide as an HTML table (every data value escaped); `only` limits it to some paragraphs."""
    table = guide_table(course, source_id, text)
    if only is not None:
        table = table[table["¶"].isin(only)]
    head = (
        ["¶"]
        + (["text of the paragraph"] if text is not None else [])
        + ["events mentioned (anchor)", "claims (paraphrase)", "loaded terms → neutral"]
    )
    return render(
        "reading_guide.html",
        source_id=source_id,
        head=head,
        rows=table.to_dict("records"),
        with_text=text is not None,
        lists=("events", "claims", "loaded terms"),
    )


def guide_summary(course: Course, source_id: str, text: dict[int, str] | None = None) -> str:
    """One sentence: how many paragraphs, and where the events, claims and loaded terms crowd."""
    t = guide_table(course, source_id, text)
    if t.empty:
        return f"The course has no data on {source_id} yet."

    def busiest(col: str) -> str:
        top = t[t[col] == t[col].max()]["¶"].tolist()
        where = f"{len(top)} paragraphs" if len(top) > 3 else "¶" + ", ¶".join(map(str, top))
        return f"at most {int(t[col].max())} a paragraph, in {where}"

    basis = "paragraphs" if text is not None else "paragraphs cited in the data"
    return (
        f"{source_id}: {len(t)} {basis}; {int(t.n_events.sum())} event mentions ({busiest('n_events')}),"
        f" {int(t.n_claims.sum())} claims ({busiest('n_claims')}), {int(t.n_loaded.sum())} loaded terms"
        f" ({busiest('n_loaded')}); {int(((t.n_events + t.n_claims + t.n_loaded) == 0).sum())} paragraphs have none of"
        " the three."
    )


def loaded_language(course: Course, source_id: str) -> pd.DataFrame:
    """The reading's loaded terms, what they describe and a neutral alternative (a plain table; pandas escapes it)."""
    t = _of(course.loaded_terms, source_id)
    return pd.DataFrame(
        {
            "¶": t.paragraph.to_numpy(),
            "phrase": t.phrase.to_numpy(),
            "describes": t.describes.to_numpy(),
            "connotation": t.connotation.to_numpy(),
            "neutral alternative": t.neutral_alternative.to_numpy(),
        }
    )


def connotation_counts(course: Course, source_id: str) -> pd.Series:
    """How many loaded terms of the reading are positive, negative or mixed."""
    t = _of(course.loaded_terms, source_id)
    return t.connotation.value_counts().reindex(["positive", "negative", "mixed"], fill_value=0).rename("loaded terms")


def loaded_summary(course: Course, source_id: str) -> str:
    """One sentence on the reading's loaded language, computed from the data."""
    counts = connotation_counts(course, source_id)
    t = loaded_language(course, source_id)
    if t.empty:
        return f"The course records no loaded terms for {source_id} yet."
    per_para = t["¶"].value_counts()
    top = sorted(per_para[per_para == per_para.max()].index)
    return (
        f"{source_id} has {len(t)} loaded terms: {counts['negative']} negative, {counts['positive']} positive and"
        f" {counts['mixed']} mixed; they crowd in ¶{', ¶'.join(map(str, top))} ({int(per_para.max())} each)."
    )


def _publication(course: Course, source_id: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last possible day of publication."""
    src = course.sources[course.sources.source_id == source_id].iloc[0]
    return src.date_start, src.date_end


def left_out(course: Course, source_id: str, after_years: float = 1.0, themes: list[str] | None = None) -> pd.DataFrame:
    """Course events (background too) the reading omits, from its earliest event to `after_years` after publication.

    A close-reading view of one text's own span; `record.silences` answers the different question of which events
    the published chronologies list before the reading appeared.
    """
    mentioned = set(course.mentions[course.mentions.source_id == source_id].event_id)
    events = course.events[course.events.theme != "publication"]
    if themes is not None:
        events = events[events.theme.isin(themes) | events.event_id.isin(mentioned)]
    own = events[events.event_id.isin(mentioned)]
    if own.empty:
        return pd.DataFrame(columns=["event_id", "record date", "title", "theme", "mentioned by", "when"])
    pub_start, pub_end = _publication(course, source_id)
    start, end = own.date_start.min(), pub_end + pd.DateOffset(days=round(365.25 * after_years))
    left = events[
        ~events.event_id.isin(mentioned) & (events.date_start >= start) & (events.date_start <= end)
    ].sort_values(["date_start", "event_id"])
    others = course.mentions.groupby("event_id").source_id.agg(lambda s: ", ".join(sorted(set(s))))
    when = [
        (
            "after publication: the author could not know it"
            if d > pub_end
            else "around publication: perhaps too late for the author"
            if d >= pub_start
            else "before publication"
        )
        for d in left.date_start
    ]
    return pd.DataFrame(
        {
            "event_id": left.event_id.to_numpy(),
            "record date": [describe_date(d) for d in left.date],
            "title": left.title.to_numpy(),
            "theme": left.theme.to_numpy(),
            "mentioned by": [others.get(e, "no reading (background)") for e in left.event_id],
            "when": when,
        }
    )


def left_out_summary(course: Course, source_id: str, after_years: float = 1.0, themes: list[str] | None = None) -> str:
    """One sentence on what the reading leaves out, computed from left_out()."""
    s = left_out(course, source_id, after_years, themes)
    scope = f" on {' or '.join(themes)}" if themes else ""
    own = course.events[
        course.events.event_id.isin(course.mentions[course.mentions.source_id == source_id].event_id)
        & (course.events.theme != "publication")
    ]
    if own.empty:
        return f"The course records no events mentioned by {source_id} yet."
    before = s[s.when == "before publication"]
    other = before[~before["mentioned by"].str.startswith("no reading")]
    return (
        f"{source_id} mentions {len(own)} events, from {own.date_start.min():%Y} on. Of the events{scope} the course"
        f" records between then and its publication, it leaves out {len(before)} ({len(other)} of them mentioned by"
        f" another reading); {int((s.when != 'before publication').sum())} more{scope} came around or after"
        " publication."
    )


def word_presence(course: Course, source_id: str, words: list[str], text: dict[int, str] | None = None) -> pd.DataFrame:
    """Per word: how many claim paraphrases and quotes (anchors, loaded phrases) contain it; which ¶s of `text` do."""
    claims = claims_of(course, source_id)
    quotes = pd.concat(
        [_of(course.mentions, source_id).anchor, claims.anchor, _of(course.loaded_terms, source_id).phrase],
        ignore_index=True,
    ).str.casefold()
    rows = []
    for w in words:
        key = w.casefold()
        row = {
            "word": w,
            "claim paraphrases naming it": int(claims.claim.str.casefold().str.contains(key, regex=False).sum()),
            "quoted anchors naming it": int(quotes.str.contains(key, regex=False).sum()),
        }
        if text is not None:
            hits = [p for p, t in sorted(text.items()) if key in t.casefold()]
            row["paragraphs of the text"] = ", ".join(f"¶{p}" for p in hits) or "none"
        rows.append(row)
    return pd.DataFrame(rows)
