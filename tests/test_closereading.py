"""Close-reading tables: right columns, every value escaped, counts that match the data, silences that respect dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from sharedshield import load_course
from sharedshield.checks import all_questions, check
from sharedshield.closereading import (
    connotation_counts,
    guide_html,
    guide_summary,
    guide_table,
    left_out,
    loaded_language,
    paragraphs,
    source_card,
    table_html,
    word_presence,
)
from sharedshield.readings import readings
from test_argmap import append_rows

READINGS = ("blog2007", "lukyanov2011", "eir2013")
EVENT = dict(
    summary="A made-up event.",
    date_confidence="high",
    date_reference="Test reference C",
    actor1="Russia",
    actor1_code="RUS",
    actor2="United States",
    actor2_code="USA",
    cameo_code="036",
    event_class="verbal cooperation",
    theme="missile defense",
    origin="background",
    notes="",
)


@pytest.fixture
def demo(demo_data: Path, demo_readings: Path):
    """Demo data, a claim full of HTML characters, three unmentioned events (before, after, far after publication)."""
    append_rows(
        demo_data / "claims.csv",
        [
            dict(
                claim_id="demo-c04",
                source_id="demo",
                paragraph=2,
                claim="Critics said 2 < 3 & “more” > 1",
                kind="value",
                attitude="mixed",
                expectation="not said",
                is_thesis="false",
                anchor="both sides signed a memo in 2006",
            )
        ],
    )
    append_rows(
        demo_data / "events.csv",
        [
            dict(EVENT, event_id="E013", title="Before publication", date="2005-08-01"),
            dict(EVENT, event_id="E014", title="Soon after publication", date="2007-09"),
            dict(EVENT, event_id="E015", title="Long after publication", date="2010"),
            dict(EVENT, event_id="E016", title="Another theme", date="2005-09", theme="arms control", cameo_code="057"),
        ],
    )
    return load_course(demo_data, demo_readings)


def test_guide_table_columns_and_counts(demo, demo_readings):
    t = guide_table(demo, "demo")
    assert list(t.columns) == ["¶", "n_events", "n_claims", "n_loaded", "events", "claims", "loaded terms"]
    assert list(t["¶"]) == [1, 2, 3]
    assert t.n_claims.sum() == 4 and t.n_events.sum() == 2 and t.n_loaded.sum() == 1
    assert t.set_index("¶").at[2, "n_claims"] == 2
    assert any("THESIS" in c for c in t.set_index("¶").at[3, "claims"])
    text = readings(demo_readings)["demo"]
    with_text = guide_table(demo, "demo", text)
    assert list(with_text.columns)[-1] == "text" and with_text.set_index("¶").at[3, "text"] == text[3]


def test_guide_html_escapes_every_value(demo, demo_readings):
    out = guide_html(demo, "demo", readings(demo_readings)["demo"])
    assert "2 < 3" not in out and "Critics said 2 &lt; 3 &amp; “more” &gt; 1" in out
    assert out.count("<tr style") == 3
    assert "the two ministers met in Geneva" in out, "anchors are shown"
    assert "text of the paragraph" in out and "text of the paragraph" not in guide_html(demo, "demo")
    only = guide_html(demo, "demo", only=[2])
    assert only.count("<tr style") == 1 and "doomed fantasy" in only


def test_table_html_keeps_long_values_and_escapes(demo):
    df = loaded_language(demo, "demo")
    df.loc[0, "describes"] = "x" * 300 + " <i>"
    out = table_html(df, caption="A & B")
    assert "x" * 300 in out and "&lt;i&gt;" in out and "<i>" not in out and "A &amp; B" in out


def test_loaded_language_and_counts(demo):
    t = loaded_language(demo, "demo")
    assert list(t.columns) == ["¶", "phrase", "describes", "connotation", "neutral alternative"]
    assert t.phrase.tolist() == ["doomed fantasy"]
    counts = connotation_counts(demo, "demo")
    assert counts.to_dict() == {"positive": 0, "negative": 1, "mixed": 0}


def test_left_out_respects_window_theme_and_publication(demo):
    s = left_out(demo, "demo")
    assert list(s.columns) == ["event_id", "record date", "title", "theme", "mentioned by", "when"]
    assert set(s.event_id) == {"E013", "E014", "E016"}, "mentioned events and events past the window are left out"
    when = dict(zip(s.event_id, s.when, strict=True))
    assert when["E013"] == "before publication" and when["E014"].startswith("after publication")
    assert set(left_out(demo, "demo", themes=["missile defense"]).event_id) == {"E013", "E014"}
    assert "E015" in set(left_out(demo, "demo", after_years=4).event_id)
    assert (s["mentioned by"] == "no reading (background)").all()


def test_word_presence_counts_paraphrases_quotes_and_text(demo, demo_readings):
    w = word_presence(demo, "demo", ["radar", "Geneva", "Moscow"], readings(demo_readings)["demo"]).set_index("word")
    assert w.at["radar", "claim paraphrases naming it"] == 1 and w.at["radar", "quoted anchors naming it"] == 1
    assert w.at["Geneva", "paragraphs of the text"] == "¶1" and w.at["Moscow", "paragraphs of the text"] == "none"
    assert "paragraphs of the text" not in word_presence(demo, "demo", ["radar"]).columns


def test_source_card_and_summary(demo):
    card = source_card(demo, "demo")
    assert list(card.index) == ["title", "author", "outlet", "genre", "published", "perspective", "audience", "purpose"]
    assert card.at["published", "value"] == "spring 2007"
    assert guide_summary(demo, "demo").startswith("demo: 3 paragraphs cited in the data; 2 event mentions")
    with pytest.raises(KeyError):
        source_card(demo, "nope")


@pytest.mark.parametrize("sid", READINGS)
def test_real_guide_counts_match_the_data(sid):
    course = load_course(ROOT / "data")
    t = guide_table(course, sid)
    assert t.n_claims.sum() == (course.claims.source_id == sid).sum()
    assert t.n_events.sum() == (course.mentions.source_id == sid).sum()
    assert t.n_loaded.sum() == (course.loaded_terms.source_id == sid).sum()
    left = left_out(course, sid)
    assert not set(left.event_id) & set(course.mentions[course.mentions.source_id == sid].event_id)


@pytest.mark.parametrize("sid", READINGS)
def test_real_guide_with_text_covers_every_paragraph(real_readings, sid):
    text = readings(real_readings)[sid]
    course = load_course(ROOT / "data", real_readings)
    assert paragraphs(course, sid, text) == sorted(text)
    assert set(paragraphs(course, sid)) <= set(text)


def test_close_reading_self_checks_answer_themselves():
    course = load_course(ROOT / "data")
    questions = {k: q for k, q in all_questions().items() if k.split("_")[0] in ("q4", "q5", "q6")}
    assert (
        3 <= sum(k.startswith("q4_") for k in questions) <= 6 and 3 <= sum(k.startswith("q5_") for k in questions) <= 6
    )
    for qid, q in questions.items():
        expected = q.expected(course)
        answer = sorted(expected)[0] if isinstance(expected, set) else expected
        assert check(qid, answer, course).correct, qid
        wrong = "no such answer" if isinstance(answer, str) else -1
        assert not check(qid, wrong, course).correct, qid
