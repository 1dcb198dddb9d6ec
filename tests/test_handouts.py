"""`make handouts`: both packs build (A4 and Letter), carry every reading's addresses, and never the readings' text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sharedshield import handouts
from sharedshield.data import load_course
from sharedshield.readings import parse_reading

pytestmark = pytest.mark.browser

PACKS = ["student-pack", "student-pack-letter", "teacher-pack", "teacher-pack-letter"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both packs built once into a scratch folder, by the command `make handouts` runs (in its own process)."""
    out = tmp_path_factory.mktemp("handouts")
    subprocess.run([sys.executable, "-m", "sharedshield.handouts", str(out)], check=True, timeout=300)
    return {name: out / f"{name}.pdf" for name in PACKS if (out / f"{name}.pdf").is_file()}


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def words(text: str) -> list[str]:
    """Lower-case words with the punctuation and quote marks that PDF text extraction changes taken off."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’‐-]", "", text.casefold()))  # "re-fitted" is one word


def test_both_packs_build_on_both_papers(built):
    assert sorted(built) == sorted(PACKS)
    for name, pdf in built.items():
        assert pages(pdf) > 0, name
        size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert ("A4" in size) == ("letter" not in name), f"{name}: wrong paper\n{size}"


def alnum(text: str) -> str:
    """Letters and digits only: PDF text loses line-break hyphens and may change quotes."""
    return re.sub(r"[^0-9A-Za-z]", "", text)


def test_student_pack_has_each_readings_addresses_cards_and_organizers(built):
    text = " ".join(pdf_text(built["student-pack"]).split())
    flat = re.sub(r"\s+", "", pdf_text(built["student-pack"]))  # long addresses wrap across lines in the cards
    course = load_course()
    for s in course.sources.itertuples():
        assert s.url in flat and s.archive_url in flat, f"{s.source_id}: an address is missing from the student pack"
        assert f"Close-reading organizer · {s.source_id}" in text
        for field in (
            "published_basis",
            "perspective",
            "audience",
            "purpose",
        ):  # the student works these out first (answer-first)
            assert alnum(getattr(s, field)) not in alnum(text), (
                f"{s.source_id}: the student pack gives away the course's {field}"
            )
    for title in ("Sourcing cards", "Timeline worksheet", "Corroboration grid", "Assessment task"):
        assert title in text
    assert handouts.UNAVAILABLE in text or "09" in text or "practice" in text.casefold()


def test_teacher_pack_has_the_lesson_plan_and_every_computed_answer(built):
    from sharedshield.checks import all_questions

    text = " ".join(pdf_text(built["teacher-pack"]).split())
    assert "Lesson plan" in text and "Lesson 1" in text and "Answer key" in text and "Rubric" in text
    for qid in all_questions():
        assert qid in text, f"{qid} is missing from the answer key"


def test_no_pack_holds_more_than_12_words_of_a_reading(built, real_readings):
    """No run of 13 consecutive words of any reading paragraph appears in any pack (anchors are at most 12 words)."""
    grams = set()
    for path in sorted(real_readings.glob("*.txt")):
        for para in parse_reading(path.read_text(encoding="utf-8")).values():
            w = words(para)
            grams.update(tuple(w[i : i + 13]) for i in range(len(w) - 12))
    assert grams, "no reading paragraphs found"
    for name, pdf in built.items():
        w = words(pdf_text(pdf))
        found = [" ".join(w[i : i + 13]) for i in range(len(w) - 12) if tuple(w[i : i + 13]) in grams]
        assert not found, f"{name} holds a passage of a reading longer than 12 words: {found[0]!r}"


def test_anchor_helper_cuts_to_twelve_words_and_keeps_one_per_paragraph():
    assert handouts.anchor(" ".join(f"w{i}" for i in range(20))).split()[:12] == [f"w{i}" for i in range(12)]
    assert len(handouts.anchor(" ".join(f"w{i}" for i in range(20))).split()) == 13  # twelve words and an ellipsis
    course = load_course()
    for s in course.sources.source_id:
        per = handouts.paragraph_anchors(course, s)
        assert per and all(len(a) <= handouts.ANCHORS_PER_PARAGRAPH for a in per.values())
        assert all(len(x.split()) <= 12 for a in per.values() for x in a)


def test_missing_parts_say_not_available(tmp_path):
    (tmp_path / "notebooks").mkdir()
    html = handouts.assessment_section(tmp_path)
    assert (
        handouts.UNAVAILABLE in html or "practice" in html
    )  # the practice text comes from sharedshield.assessment when installed
    teacher = handouts.teacher_pack(load_course(), tmp_path)
    assert teacher.count(handouts.UNAVAILABLE) == 5, (
        "no guide and no rubric: preparation, plan, discussion notes, partisan sources and rubric say so"
    )


def test_teacher_pack_holds_what_the_plan_needs(built):
    """Preparation (devices, groups, hand-in), discussion notes, partisan sources, 07 grid key, 04-06 coding keys."""
    from sharedshield.corroborate import GRID_EVENTS, course_grid

    text = " ".join(pdf_text(built["teacher-pack"]).split())
    text = text[text.index("Rubric with sample answers") + 1 :]  # after the cover's list of contents
    for title in (
        "2. Before the first lesson",
        "Hand-in files",
        "Groups for lesson",
        "Devices.",
        "6. Notes for the discussion prompts",
        "7. Teaching with partisan and propagandistic sources",
        "Key to the lesson 3 grid (07)",
        "Coding keys for 04-06",
        "Lesson 4",
    ):
        assert title in text, f"the teacher pack lacks {title!r}"
    assert (
        "section 2, Hand-in files" in text
        or "section 2, *Hand-in files*" in text
        or "(section 2, Hand-in files)" in text
    )
    key = text[text.index("Key to the lesson 3 grid (07)") : text.index("Coding keys for 04-06")]
    course = load_course()
    for event_id, cells in course_grid(course).items():
        assert event_id in key and all(v in key for v in cells.values())
    assert set(GRID_EVENTS) <= set(course_grid(course))
    coding = text[text.index("Coding keys for 04-06") : text.index("Answer key")]
    for r in course.paragraph_coding.itertuples():
        assert r.source_id in coding and r.kind in coding


def test_student_pack_organizer_uses_the_five_kinds_and_lesson_3_grid_its_verdict_words(built):
    from sharedshield.argmap import KINDS
    from sharedshield.corroborate import GRID_EVENTS, VERDICTS

    text = " ".join(pdf_text(built["student-pack"]).split())
    assert "1983-2013" in text and "1993" not in text.split("Contents")[0]
    text = text[text.index("Appendix · Full corroboration grid") + 1 :]  # after the cover's list of contents
    organizer = text[
        text.index("Close-reading organizer · blog2007") : text.index("Close-reading organizer · lukyanov2011")
    ]
    assert all(k in organizer for k in KINDS) and "opinion" not in organizer
    grid = text[text.index("Lesson 3 · Corroboration grid (07)") : text.index("Assessment task")]
    assert all(v in grid for v in VERDICTS) and all(e in grid for e in GRID_EVENTS)
    appendix = text[text.index("Appendix · Full corroboration grid") :]
    assert all(e in appendix for e in load_course().mentions.event_id)


def test_organizer_rows_are_sized_to_the_writing_asked():
    """A row: three fields to circle (five kinds stacked), three lines to write; no 1 cm rows, no half-empty page."""
    css = handouts.CSS.read_text(encoding="utf-8")
    height = float(re.search(r"\.organizer td \{ height: ([\d.]+)mm", css)[1])
    assert height >= 20, f"organizer rows of {height} mm leave no room for the five kinds and three written lines"


def test_teacher_pack_holds_the_course_sourcing_cards(built):
    flat = alnum(pdf_text(built["teacher-pack"]))
    assert "Keytothesourcingcards01" in flat
    for s in load_course().sources.itertuples():
        for field in ("author", "published_basis", "perspective", "audience", "purpose"):
            assert alnum(getattr(s, field)) in flat, f"{s.source_id}: the teacher pack lacks the course's {field}"
