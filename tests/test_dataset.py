"""Invariants of the course dataset itself (issue: the course dataset)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.readings import readings

DATA = ROOT / "data"
DATE_WORDS = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?=[\s,])|\b(Spring|Summer|Autumn|Winter)\b|\b[Tt]his week\b|\bmonths?"
    r" later\b"
)


@pytest.fixture(scope="module")
def course():
    return load_course(DATA)


def test_sizes_match_the_brief(course):
    reading_events = course.events[course.events.origin == "reading"]
    assert len(reading_events) > 40, "well over forty events are mentioned by the readings"
    background = course.events[(course.events.origin == "background") & (course.events.theme != "publication")]
    assert len(background) <= 8, "background events are few"
    record = course.events[course.events.origin == "record"]
    assert len(record) >= 120, "the record chronology has at least 120 events of its own"
    assert set(record.event_id) <= set(course.listings.event_id), "every record event is listed by a chronology"
    pubs = course.events[course.events.theme == "publication"]
    assert len(pubs) == len(course.sources) == 3


def test_publication_events_match_sources(course):
    pubs = course.events[course.events.theme == "publication"].sort_values("date_start")
    published = course.sources.sort_values("date_start")
    assert list(pubs.date.values) == list(published.published.values)


def test_every_reading_has_mentions_and_exactly_one_thesis(course):
    for sid in course.sources.source_id:
        assert (course.mentions.source_id == sid).sum() >= 5, sid
        claims = course.claims[course.claims.source_id == sid]
        assert 12 <= len(claims) <= 20, f"{sid} has {len(claims)} claims; the brief asks 12-20"
        assert claims.is_thesis.sum() == 1, sid


def test_claim_links_stay_in_one_reading_and_reach_the_thesis(course):
    source_of = dict(zip(course.claims.claim_id, course.claims.source_id, strict=True))
    out = defaultdict(set)
    for link in course.claim_links.itertuples():
        assert source_of[link.from_claim] == source_of[link.to_claim], link
        out[link.from_claim].add(link.to_claim)
    for claim in course.claims.itertuples():
        if claim.is_thesis:
            continue
        seen, todo = set(), [claim.claim_id]
        while todo:
            node = todo.pop()
            seen.add(node)
            todo += [n for n in out[node] if n not in seen]
        thesis = course.claims[(course.claims.source_id == claim.source_id) & course.claims.is_thesis].claim_id.iloc[0]
        assert thesis in seen, f"{claim.claim_id} has no path to the thesis {thesis}"


def test_every_mismatch_is_explained(course):
    bad = course.mentions[course.mentions.matches_record.isin(["no", "partly"])]
    assert len(bad) >= 5, "the readings get several dates, titles and sequences wrong"
    assert (bad.discrepancy.str.len() > 20).all()
    events_with_no = set(course.mentions[course.mentions.matches_record == "no"].event_id)
    notes = course.events.set_index("event_id").notes
    for eid in events_with_no:
        assert len(notes[eid]) > 20, f"{eid} has matches_record=no but no note on what the record shows"


def test_every_event_has_a_reference_and_confidence(course):
    assert (course.events.date_reference.str.len() > 10).all()
    low = course.events[course.events.date_confidence == "low"]
    assert (low.notes.str.len() > 0).all(), "low-confidence dates explain themselves in notes"


def test_loaded_terms_and_glossary_sizes(course):
    for sid in course.sources.source_id:
        assert (course.loaded_terms.source_id == sid).sum() >= 15, sid
    assert len(course.glossary) >= 25
    notebooks = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    from sharedshield.lessons import COURSE_MAP

    planned = {lesson.notebook for lesson in COURSE_MAP}
    assert set(course.glossary.first_notebook) <= planned | notebooks


def test_every_paragraph_that_names_a_date_has_a_mention(real_readings):
    course = load_course(DATA, real_readings)
    texts = readings(real_readings)
    mentioned = set(zip(course.mentions.source_id, course.mentions.paragraph, strict=True))
    missing = [
        f"{sid} ¶{n}: {text[:60]}"
        for sid, paras in texts.items()
        for n, text in paras.items()
        if DATE_WORDS.search(text) and (sid, n) not in mentioned
    ]
    assert not missing, "paragraphs naming a date without any mention:\n" + "\n".join(missing)


def test_codebook_documents_every_column():
    import json

    codebook = (DATA / "README.md").read_text(encoding="utf-8")
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert f"### `{resource['path']}`" in codebook
        for field in resource["schema"]["fields"]:
            assert f"| `{field['name']}` |" in codebook, f"{resource['path']}: {field['name']} is not in data/README.md"


RECORD_MILESTONES = {  # event id: record date (issue 15: events a teacher expects on the record)
    "E457": "1991-07-31",  # START signed
    "E458": "1993-01-03",  # START II signed
    "E461": "1994-12-05",  # START enters into force
    "E462": "1996-01-26",  # US Senate consents to START II
    "E459": "1997-05-27",  # NATO-Russia Founding Act
    "E432": "2000-06-04",  # Joint Data Exchange Center memorandum
    "E460": "2000-12-16",  # memorandum on notifications of missile launches
    "E501": "2004-03",  # the four joint NATO-Russia theatre missile-defence exercises
    "E503": "2005-03-14/2005-03-23",
    "E504": "2006-10-16/2006-10-26",
    "E589": "2008-01-16/2008-01-25",
    "E904": "2010-04-08",  # New START signed
    "E549": "2011-02-05",  # New START in force
}


def test_the_record_holds_the_milestones_a_teacher_expects(course):
    events = course.events.set_index("event_id")
    listed = course.listings.groupby("event_id").size()
    for eid, date in RECORD_MILESTONES.items():
        assert events.loc[eid, "date"] == date, eid
        assert events.loc[eid, "origin"] == "record" and listed.get(eid, 0) >= 1, (
            f"{eid} is not listed by any chronology"
        )
        assert events.loc[eid, "date_confidence"] != "low", eid


def test_the_record_holds_offers_from_both_sides_before_the_readings_begin(course):
    offers = course.events[(course.events.cameo_code == "0312") & (course.events.origin == "record")].sort_values(
        "date_start"
    )
    first = offers.iloc[0]
    assert first.event_id == "E407" and first.actor1_code == "USA" and first.date_start.year == 1986
    assert "E900" in set(offers.event_id)  # Yeltsin's proposal of January 1992 comes after it


def test_each_reading_has_its_own_chart_name_and_colour(course):
    s = course.sources
    assert s.short_name.is_unique and s.colour.is_unique
    assert not set(s.colour) & {"#000000", "#F0E442"}, "black marks the record; yellow is too pale on white"
    assert all(str(y) in name for y, name in zip(s.date_start.dt.year, s.short_name, strict=True))


def test_a_pseudonymous_author_is_described_by_what_is_known(course):
    blog = course.sources.set_index("source_id").loc["blog2007"]
    assert "pseudonymous" in blog.author and "not known" in blog.perspective
    assert "American" not in blog.perspective + blog.author + blog.audience


def test_accurate_and_technical_words_are_not_listed_as_loaded(course):
    phrases = " | ".join(course.loaded_terms.phrase).lower()
    for word in ("devastating", "hit-to-kill", "taking out", "delicate"):
        assert word not in phrases, word
