"""Notebook 09: practice text and key match the record; own feedback per wrong answer; rubric samples are accurate."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

from conftest import ROOT
from sharedshield import assessment, feedback, load_course, store
from sharedshield.checks import check
from sharedshield.dates import parse_date
from sharedshield.questions import prompt_of

RUBRIC = (ROOT / "teacher" / "rubric.md").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def private_work(tmp_path, monkeypatch):
    """Checks record attempts: keep them out of the real user folder."""
    monkeypatch.setenv(store.ENV, str(tmp_path / "work"))


@pytest.fixture(scope="module")
def course():
    return load_course()


def test_practice_text_is_labelled_short_and_ours(course):
    shown = assessment.practice_text_markdown()
    assert shown.startswith("> ⚠ *" + assessment.LABEL)  # the label comes before the text, wherever it is shown
    assert all(shown.index(assessment.LABEL) < shown.index(p) for p in assessment.PARAGRAPHS)
    authors = {w for a in course.sources["author"] for w in re.findall(r"[A-Z][a-z]+|\w*\d\w*", str(a)) if len(w) > 3}
    named = sorted(w for w in authors for p in assessment.PARAGRAPHS if re.search(rf"\b{re.escape(w)}\b", p))
    assert not named, f"the practice text names a real source's author: {named}"
    assert 3 <= len(assessment.PARAGRAPHS) <= 5
    assert all(len(p.split()) <= 90 for p in assessment.PARAGRAPHS)


def test_every_dated_event_is_in_the_text_and_on_the_record_with_high_confidence(course):
    events = course.events.set_index("event_id")
    for d in assessment.DATED:
        assert d.stated in assessment.PARAGRAPHS[d.paragraph - 1], f"¶{d.paragraph} does not say {d.stated!r}"
        assert events.loc[d.event_id, "date_confidence"] == "high", d.event_id
        parse_date(d.stated_edtf)


def test_slips_are_computed_from_the_record(course):
    table = assessment.slips(course).set_index("event_id")
    assert assessment.slipped_events(course) == {"E106", "E113", "E301"}
    assert (
        not table.loc["E200", "slips"] and not table.loc["E903", "slips"]
    )  # some dates agree: slipping is not the rule
    shifted = course.events.copy()
    shifted.loc[shifted["event_id"] == "E200", "date"] = "2007-07-01"  # a corrected record changes the key
    assert "E200" in assessment.slipped_events(SimpleNamespace(events=shifted))


def test_loaded_terms_are_verbatim_and_neutral_words_are_not_loaded():
    for term in assessment.LOADED:
        assert term.phrase in assessment.PARAGRAPHS[term.paragraph - 1], term.phrase
        assert assessment.match_loaded(term.phrase) == term
    text = " ".join(assessment.PARAGRAPHS).casefold()
    for word in assessment.NEUTRAL:
        assert word in text, f"neutral example {word!r} is not in the practice text"
        assert assessment.match_loaded(word) is None


def test_find_events_searches_titles_and_summaries(course, capsys):
    assert "E106" in set(assessment.find_events(course, "ABM withdrawal")["event_id"])
    assert "Type one or more words" in assessment.find_events(course, ...)


@pytest.mark.parametrize(
    "qid, answer",
    [
        ("q9_1", "E106"),
        ("q9_1", " e106 "),
        ("q9_2", ["E301", "E106", "E113"]),
        ("q9_2", "E106, E113, E301"),
        ("q9_3", "2007-07"),
        ("q9_3", "July 2007"),
        ("q9_3", "2007-07-01/2007-07-02"),
        ("q9_4", ["open hands", "brushed aside", "so-called"]),
        ("q9_4", ["Creeping", "applause", "a guest, never a partner"]),
        ("q9_5", "A"),
    ],
)
def test_right_answers_are_accepted(course, qid, answer):
    assert check(qid, answer, course).correct


@pytest.mark.parametrize(
    "qid, answer, says",
    [
        ("q9_1", "E902", "taking effect"),
        ("q9_1", "E107", "1972"),
        ("q9_1", 106, "event id"),
        ("q9_2", ["E106", "E113", "E301", "E200"], "Look again at E200"),
        ("q9_2", ["E106", "E113", "E301", "E903"], "Look again at E903"),
        ("q9_2", ["E106", "E113"], "Lisbon"),
        ("q9_2", ["E113", "E301"], "ABM"),
        ("q9_2", ["E106", "E301"], "Kennebunkport"),
        ("q9_2", 3, "list of event ids"),
        ("q9_3", "2007-08", "op-ed's month"),
        ("q9_3", "2007-06", "G8"),
        ("q9_3", "2008-07", "Check the year"),
        ("q9_3", "summer", "YYYY-MM"),
        ("q9_4", ["open hands", "radar", "creeping"], "piece of equipment"),
        ("q9_4", ["open hands", "evil", "creeping"], "not in the op-ed"),
        ("q9_4", ["open hands", "closed doors"], "You found 2"),
        ("q9_4", ["open hands", "Moscow", "creeping"], "does not carry a judgement"),
        ("q9_5", "b", "Dates do not make a text neutral"),
        ("q9_5", "c", "official statement"),
        ("q9_5", "d", "argues against"),
        ("q9_5", "e", "one letter"),
    ],
)
def test_each_likely_wrong_answer_gets_its_own_feedback(course, qid, answer, says):
    result = check(qid, answer, course)
    assert not result.correct and says in result.feedback


@pytest.mark.parametrize(
    "qid, answer, hidden",
    [
        ("q9_1", "E902", ["E106", "2001"]),
        ("q9_1", "E107", ["E106"]),
        ("q9_1", "E999", ["E106"]),
        ("q9_2", ["E106", "E113", "E902"], ["E301"]),
        ("q9_2", ["E106", "E113", "E303"], ["E301"]),
        ("q9_2", ["E106", "E113"], ["E301"]),
        ("q9_2", ["E113", "E301"], ["E106"]),
        ("q9_2", ["E106", "E301"], ["E113"]),
        ("q9_2", ["E106", "E113", "E301", "E200"], ["2007-06-07", "7 June"]),
        ("q9_3", "2007-06", ["2007-07", "July", "weeks later"]),
        ("q9_3", "2008-07", ["2007", "E113"]),
        ("q9_3", "2007-08", ["2007-07", "July"]),
    ],
)
def test_a_hint_after_a_wrong_answer_points_to_the_skill_not_the_value(course, qid, answer, hidden):
    feedback = check(qid, answer, course).feedback
    assert not any(value in feedback for value in hidden), feedback


def test_every_task_of_09_has_an_answer_cell_and_nothing_goes_to_notes():
    import nbformat

    nb = nbformat.read(ROOT / "notebooks" / "09_assessment.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert not re.search(r"(?:write|note)[^.]{0,40}\bin your notes", text, flags=re.IGNORECASE)
    tasks = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and re.search(r"\*\*Task \d", c.source)]
    assert len(tasks) == 3
    for i in tasks:
        assert nb.cells[i + 1].cell_type == "code" and "ss.answer(" in nb.cells[i + 1].source, nb.cells[i].source[:40]


def test_written_prompt_is_registered_and_notebook_uses_the_api():
    assert "Could Russia and the West share a missile shield" in prompt_of("q9_w1")
    nb = (ROOT / "notebooks" / "09_assessment.ipynb").read_text(encoding="utf-8")
    for call in (
        'ss.answer(\\"q9_w1\\"',
        'ss.answer(\\"q9_w2\\"',
        'ss.answer(\\"q9_w3\\"',
        'ss.answer(\\"q9_w4\\"',
        "ss.my_work()",
        "ss.export_work(",
        "ss.whoami(",
        "work export",
    ):
        assert call in nb, call


def _samples() -> dict[str, str]:
    """The rubric's sample answers by level (the block-quoted paragraphs under each ### heading)."""
    out = {}
    for level in ("Proficient", "Proficient, a second sample", "Emergent", "Basic"):
        block = RUBRIC.split(f"### {level}\n", 1)[1].split("\n\n*Why", 1)[0]
        out[level] = " ".join(line.lstrip("> ").strip() for line in block.splitlines() if line.startswith(">"))
    return out


def test_rubric_has_three_levels_for_four_skills():
    for skill in ("Sourcing", "Corroboration", "Close reading", "Use of evidence"):
        assert re.search(rf"^\| \*\*{skill}\*\*.*\|.*\|.*\|.*\|\s*$", RUBRIC, flags=re.MULTILINE), skill
    assert "| skill | basic | emergent | proficient |" in RUBRIC


def test_rubric_samples_cite_real_places_and_record_dates(course):
    events = course.events.set_index("event_id")
    places = set(zip(course.claims["source_id"], course.claims["paragraph"], strict=True)) | set(
        zip(course.mentions["source_id"], course.mentions["paragraph"], strict=True)
    )
    for level, text in _samples().items():
        for event_id in re.findall(r"\bE\d{3}\b", text):
            assert event_id in events.index, f"{level}: {event_id} is not an event"
        for event_id, day in re.findall(r"\((E\d{3}), [^)]*?(\d{1,2}(?:-\d{1,2})? [A-Z][a-z]+ \d{4})\)", text):
            first = pd.Timestamp(re.sub(r"-\d{1,2}", "", day))
            record = parse_date(str(events.loc[event_id, "date"]))
            assert record.start <= first <= record.end, (
                f"{level}: {event_id} is dated {day} in the rubric, {events.loc[event_id, 'date']} in the record"
            )
        for source, paragraph in feedback.citations(text):
            assert (
                source,
                paragraph,
            ) in places, f"{level}: {source} ¶{paragraph} is not a paragraph the course data knows"


def test_rubric_samples_get_the_feedback_their_level_suggests():
    samples = _samples()
    best = feedback.written_feedback(samples["Proficient"])
    assert (
        "cite 3 readings" in best[0]
        and "compare a reading with the record" in best[1]
        and "attribute claims" in "".join(best)
    )
    assert (
        len(feedback.attributions(samples["Proficient"])) >= 4 and len(feedback.attributions(samples["Emergent"])) >= 1
    )
    assert (
        "no place cited" in feedback.written_feedback(samples["Basic"])[0]
        and feedback.attributions(samples["Basic"]) == []
    )
    assert all("does not judge your argument" in feedback.written_feedback(t)[-1] for t in samples.values())
    second = feedback.written_feedback(samples["Proficient, a second sample"])
    assert "cite 3 readings" in second[0] and "compare a reading with the record" in second[1]


def test_every_rubric_sample_sources_each_reading_it_uses_and_the_lower_levels_lean_both_ways():
    """Samples name each used reading's author or outlet, when or for whom; basic and emergent blame different sides."""
    samples = _samples()
    sourced = {
        "blog2007": (
            r"blog(?:ger)?[^.]{0,60}(?:pseudonymous|American website|TPMCafe|US"
            r" readers)|(?:pseudonymous|TPMCafe)[^.]{0,40}blog"
        ),
        "lukyanov2011": r"Lukyanov, (?:a (?:Moscow|Russian) editor|writing for a Russian state)",
        "eir2013": r"EIR, an? (?:unsigned|political)",
    }
    uses = {"blog2007": r"\bblog", "lukyanov2011": r"Lukyanov|lukyanov2011", "eir2013": r"\bEIR\b|eir2013"}
    for level, text in samples.items():
        for source, pattern in uses.items():
            if re.search(pattern, text):
                assert re.search(sourced[source], text), f"{level} uses {source} without sourcing it"
    assert "Russia was never serious" in samples["Basic"] and "the US did not want them" in samples["Emergent"]


def test_the_guides_answer_key_command_runs_as_written():
    """teacher/guide.md tells a teacher how to list the practice text's key in a notebook: that exact code runs."""
    guide = " ".join((ROOT / "teacher" / "guide.md").read_text(encoding="utf-8").split())
    said = re.search(r"`(from sharedshield import [^`]+)` then `(assessment\.key_table\([^`]*\))`", guide)
    imports, call = said.groups()
    scope: dict = {}
    exec(imports, scope)
    key = eval(call, scope)
    assert set(key.index.get_level_values("part")) == {"dates", "loaded"} and len(key) > 5
