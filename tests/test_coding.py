"""Analyse-first coding vs the course's: defensible alternatives, unfilled/invalid values, no-readings paraphrase."""

from __future__ import annotations

import csv
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT
from sharedshield import coding, load_course, store
from sharedshield.checks import all_questions, check
from sharedshield.readings import readings


@pytest.fixture
def demo(demo_data: Path, demo_readings: Path):
    """The tiny dataset: ¶2 coded interpretation/opposes/fail with 'doomed fantasy', ¶3 the thesis."""
    return load_course(demo_data, demo_readings)


@pytest.fixture
def text(demo_readings: Path) -> dict[int, str]:
    """The made-up reading's paragraphs."""
    return readings(demo_readings)["demo"]


@pytest.fixture
def calls(monkeypatch):
    """Every store.record call made during the test."""
    seen: list[tuple] = []
    monkeypatch.setattr(store, "record", lambda *args: seen.append(args))
    return seen


def _field(result: coding.Comparison, paragraph: int, name: str) -> coding.FieldResult:
    p = next(p for p in result.paragraphs if p.paragraph == paragraph)
    return next(f for f in p.fields if f.name == name)


def test_agreement_is_reported_per_field(demo, text, calls):
    mine = {2: dict(kind="Interpretation", attitude="opposes", expectation="fail", loaded=["Doomed  Fantasy"])}
    result = coding.compare(demo, "demo", mine, text=text)
    assert [_field(result, 2, f).verdict for f in coding.FIELDS] == ["agree"] * 4
    assert "4 the same as the course's" in result.summary()
    assert calls == [("demo_code", {"coding": mine, "thesis": None}, "compared", result.summary())]


def test_a_defensible_alternative_is_not_wrong_and_asks_for_evidence(demo, text, calls):
    result = coding.compare(
        demo,
        "demo",
        {2: dict(kind="interpretation", attitude="mixed", expectation="fail", loaded=[...])},
        thesis=2,
        text=text,
    )
    field = _field(result, 2, "attitude")
    assert field.verdict == "defensible" and "Not wrong" in field.note and "evidence" in field.note
    assert result.thesis is not None and result.thesis.verdict == "defensible" and "Not wrong" in result.thesis.note
    html = result._repr_html_()
    assert "Critics called the plan a doomed fantasy" in html, "the full paragraph is shown when the text is available"
    assert "Why the course codes it so" in html and "Whose view is" in html, (
        "the reason and the question back follow a difference"
    )


def test_a_different_answer_gets_the_reason_and_the_question_back(demo, text, calls):
    result = coding.compare(
        demo, "demo", {3: dict(kind="fact", attitude=..., expectation=..., loaded=[...])}, thesis=1, text=text
    )
    assert _field(result, 3, "kind").verdict == "different"
    assert result.thesis.verdict == "different" and "lead to" in result.thesis.note
    assert "The conclusion: cooperation can work" in result.text()


def test_unfilled_fields_say_not_coded_yet_and_hide_the_course_answer(demo, text, calls):
    result = coding.compare(
        demo, "demo", {2: dict(kind=..., attitude=..., expectation=..., loaded=[...]), 3: ...}, thesis=..., text=text
    )
    fields = [f for p in result.paragraphs for f in p.fields] + [result.thesis]
    assert {f.verdict for f in fields} == {coding.NOT_CODED}
    assert all(f.course == coding.HIDDEN for f in fields), (
        "the course's answer stays hidden until the learner codes the field"
    )
    assert "opposes" not in result._repr_html_() and "The conclusion" not in result.text()
    assert result.summary().startswith("Nothing coded yet")


def test_an_invalid_value_lists_the_allowed_values(demo, text, calls):
    result = coding.compare(
        demo, "demo", {2: dict(kind="opinion", attitude="pro", expectation="maybe", loaded="doomed fantasy")}, text=text
    )
    att = _field(result, 2, "attitude")
    assert att.verdict == "invalid" and "'pro'" in att.note and "'favours', 'opposes', 'mixed', 'none'" in att.note
    assert _field(result, 2, "kind").verdict == "invalid" and "'recommendation'" in _field(result, 2, "kind").note
    assert "'succeed', 'fail', 'not said'" in _field(result, 2, "expectation").note
    assert _field(result, 2, "loaded").verdict == "agree", "a ';'-separated string of loaded words is accepted too"


def test_bad_shapes_give_one_message_each_and_no_error(demo, text, calls):
    result = coding.compare(demo, "demo", {"two": {}, 9: dict(kind="fact"), 2: "fact", 3: dict(knd="fact")}, text=text)
    problems = " | ".join(result.problems)
    assert "'two' is not a paragraph number" in problems and "has not coded ¶9" in problems
    assert "¶2: give a dict" in problems and "'knd' is not a field" in problems
    assert len(result.problems) == 4


def test_loaded_words_get_credit_for_overlap_without_calling_extras_wrong(calls):
    course = load_course(ROOT / "data")
    result = coding.compare(
        course, "blog2007", {8: dict(loaded=["kgb STATE", "rerun nemesis", "look on the bright side"])}, text={}
    )
    field = _field(result, 8, "loaded")
    assert field.verdict == "overlap"
    assert "You found 2 of the course's 5" in field.note
    assert (
        "“last stretch of insight”" in field.note
        and "“KGB state”" not in field.note.split("also lists")[1].split(".")[0]
    )
    assert "“look on the bright side”" in field.note and "Not wrong" in field.note


def test_without_the_readings_the_paraphrase_is_shown_and_said_to_be_one(monkeypatch, calls):
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    course = load_course(ROOT / "data")
    shown = coding.paragraphs_to_code(course, "lukyanov2011")
    assert not shown.is_original and "you are coding the course" in shown._repr_html_()
    rows = course.paragraph_coding[course.paragraph_coding.source_id == "lukyanov2011"]
    assert [n for n, _ in shown.items] == sorted(rows.paragraph)
    assert dict(shown.items)[11] == rows.set_index("paragraph").at[11, "paraphrase"]
    result = coding.compare(course, "lukyanov2011", {11: dict(kind="interpretation")})
    assert coding.NO_TEXT_NOTE in result.text() and "not the author's words" in unescape(result._repr_html_())


def test_paragraphs_to_code_never_shows_the_course_answer(demo, text):
    html = coding.paragraphs_to_code(demo, "demo", text)._repr_html_()
    row = demo.paragraph_coding.iloc[0]
    assert "Critics called the plan a doomed fantasy" in html
    for secret in (row.reason, row.question_back, row.also_defensible):
        assert secret not in html


def test_the_course_coding_uses_only_listed_loaded_terms_and_codebook_values():
    course = load_course(ROOT / "data")
    listed = set(
        zip(course.loaded_terms.source_id, course.loaded_terms.paragraph, course.loaded_terms.phrase, strict=True)
    )
    for row in course.paragraph_coding.itertuples():
        for phrase in [w.strip() for w in row.loaded.split(";") if w.strip()]:
            assert (
                row.source_id,
                row.paragraph,
                phrase,
            ) in listed, f"{row.source_id} ¶{row.paragraph}: {phrase!r} is not in loaded_terms.csv"
            assert len(phrase.split()) <= 6
    per_reading = course.paragraph_coding.groupby("source_id").size()
    assert set(per_reading.index) == {"blog2007", "lukyanov2011", "eir2013"} and per_reading.min() >= 4
    theses = course.paragraph_coding[course.paragraph_coding.is_thesis_paragraph]
    claims = course.claims[course.claims.is_thesis]
    assert dict(zip(theses.source_id, theses.paragraph, strict=True)) == dict(
        zip(claims.source_id, claims.paragraph, strict=True)
    )


def test_datapackage_puts_paragraph_coding_right_after_claim_links():
    import json

    for folder in (ROOT / "data", ROOT / "tests" / "fixtures" / "data"):
        names = [r["name"] for r in json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
        assert names[names.index("claim_links") + 1] == "paragraph_coding"
        with (folder / "claims.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert "stance" not in header and {"attitude", "expectation"} <= set(header)


def test_close_reading_checks_are_letter_questions_with_feedback_for_every_distractor():
    course = load_course(ROOT / "data")
    questions = {k: q for k, q in all_questions().items() if k.split("_")[0] in ("q4", "q5", "q6")}
    assert len(questions) == 15
    for qid, q in questions.items():
        answer = q.expected(course)
        assert answer in ("a", "b", "c"), f"{qid}: a letter, not a value the notebook prints"
        assert check(qid, f"({answer.upper()})", course).correct
        for other in {"a", "b", "c"} - {answer}:
            result = check(qid, other, course)
            assert not result.correct and result.feedback == q.wrong[other], f"{qid}: {other} needs its own feedback"
            for spelling in (f"({other.upper()}).", f"{other})", f" {other}. "):
                assert check(qid, spelling, course).feedback == q.wrong[other], (
                    f"{qid}: {spelling!r} is the distractor {other}"
                )
    letters = [q.expected(course) for q in questions.values()]
    assert len(set(letters)) == 3, "the right answer is not always in the same place"


def test_a_paragraph_left_alone_is_one_short_line(demo, text, calls):
    result = coding.compare(demo, "demo", {2: dict(kind="interpretation")}, text=text)
    assert "¶3: not coded yet." in result.text() and "The author concludes" not in result.text()
    assert "Critics called the plan" in result.text(), "a paragraph with a coded field shows its text"
