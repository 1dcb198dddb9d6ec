"""A reader's copy of a reading is numbered as the course cites it, whatever its format; bad files change nothing."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import ROOT, tree_hash
from sharedshield import readings
from sharedshield.__main__ import main
from sharedshield.readings import fold, parse_reading, reading_store
from sharedshield.readings_import import ImportRefused, import_reading, installed

DATA = ROOT / "data"


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> Path:
    """An empty per-user data folder (platformdirs honours XDG_DATA_HOME), and no readings variable."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userdata"))
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    return reading_store()


def paragraphs_of(real_readings: Path, sid: str) -> dict[int, str]:
    return parse_reading((real_readings / f"{sid}.txt").read_text(encoding="utf-8"))


def as_web_page(paragraphs: dict[int, str], split: tuple[int, ...] = ()) -> str:
    """Paragraphs as a saved web page: menus, author box, share prompts, scripts, footer; some split by a page break."""
    body = []
    for n, text in paragraphs.items():
        if n in split:
            words = text.split()
            half = len(words) // 2
            body.append(
                f"<p>{html.escape(' '.join(words[:half]))}</p>\n<div class='page-break'>Page"
                f" {n}</div>\n<p>{html.escape(' '.join(words[half:]))}</p>"
            )
        else:
            body.append(f"<p>{html.escape(text)}</p>")
        if n == 2:
            body.append("<h2>A section heading of the original</h2>")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Saved page</title>\
<script>var tracker = "Subscribe now";</script>
<style>p {{ color: black; }}</style></head><body>
<nav><ul><li>Home</li><li>Articles</li><li>Subscribe</li></ul></nav>
<header class="site-header"><p>The Magazine of Everything</p></header>
<main><article><h1>The title</h1>
<div class="author-box"><p>About the author: editor-in-chief, and many posts held later.</p></div>
{"".join(body)}
<div class="share-buttons"><p>Share this article on social media</p></div>
</article></main>
<aside class="sidebar"><p>Related: other columns</p></aside>
<footer><p>Copyright notice and contact lines</p></footer></body></html>"""


@pytest.mark.parametrize("sid", ["blog2007", "lukyanov2011", "eir2013"])
def test_saved_web_page_is_numbered_exactly_as_the_course_cites(real_readings, store, tmp_path, sid):
    original = paragraphs_of(real_readings, sid)
    page = tmp_path / f"{sid}.html"
    page.write_text(as_web_page(original, split=(3, 5)), encoding="utf-8")
    report = import_reading(sid, page, DATA)
    assert report.openings_found == report.openings_total == len(original) and not report.missing
    assert report.anchors_found == report.anchors_total > 0
    imported = readings()[sid]  # found with no environment variable
    assert imported == original


@pytest.mark.parametrize("sid", ["lukyanov2011", "eir2013"])
def test_plain_text_with_other_breaks_and_plain_quotes(real_readings, store, tmp_path, sid):
    original = paragraphs_of(real_readings, sid)
    words = (
        " ".join(original.values())
        .replace("\u2019", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2014", "--")
        .split()
    )
    lines = [" ".join(words[i : i + 11]) for i in range(0, len(words), 11)]  # hard-wrapped, paragraph breaks lost
    copy = tmp_path / "copy.txt"
    copy.write_text("Some header the reader pasted\n" + "\n".join(lines) + "\n", encoding="utf-8")
    import_reading(sid, copy, DATA)
    imported = readings()[sid]
    assert sorted(imported) == sorted(original)
    for n, text in original.items():
        assert fold(imported[n]).replace("--", "-") == fold(text), f"{sid} ¶{n}"


def test_the_wrong_reading_is_refused_with_a_guess_and_nothing_changes(real_readings, store, tmp_path):
    page = tmp_path / "luk.html"
    page.write_text(as_web_page(paragraphs_of(real_readings, "lukyanov2011")), encoding="utf-8")
    import_reading("lukyanov2011", page, DATA)
    before = tree_hash(store)
    with pytest.raises(
        ImportRefused, match=r"does not look like blog2007: only \d+ of its 8 paragraphs.*It looks like lukyanov2011"
    ):
        import_reading("blog2007", page, DATA)
    assert tree_hash(store) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"%PDF-1.7\n%binary", "is a PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"Caf\xe9 au lait \xff\xfe\xfa not utf-8", "not in a text encoding"),
        (b"A page about something else entirely.\n\nNothing here matches.", "does not look like demo"),
    ],
)
def test_bad_files_are_refused_with_one_message_and_the_old_copy_stays(
    demo_data, demo_readings, store, tmp_path, content, message
):
    good = tmp_path / "demo.txt"
    good.write_text((demo_readings / "demo.txt").read_text(encoding="utf-8"), encoding="utf-8")
    import_reading("demo", good, demo_data)
    before = tree_hash(store)
    bad = tmp_path / "bad.bin"
    bad.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        import_reading("demo", bad, demo_data)
    assert tree_hash(store) == before
    assert readings()["demo"][3].startswith("The author concludes")


def test_unknown_source_and_missing_file(demo_data, store, tmp_path):
    with pytest.raises(ImportRefused, match="not one of the course's readings — use one of: demo"):
        import_reading("nosuch", tmp_path / "x.txt", demo_data)
    with pytest.raises(ImportRefused, match="is not a file"):
        import_reading("demo", tmp_path / "nowhere.txt", demo_data)


def test_utf16_and_declared_charset_are_read(demo_data, demo_readings, store, tmp_path):
    text = (demo_readings / "demo.txt").read_text(encoding="utf-8")
    utf16 = tmp_path / "demo16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    assert import_reading("demo", utf16, demo_data).openings_found == 3
    body = (
        "".join(f"<p>{html.escape(t)}</p>" for t in parse_reading(text).values())
        .replace("\u201c", "&quot;")
        .replace("\u201d", "&quot;")
        .replace("\u2014", "-")
    )
    latin = tmp_path / "demo.html"
    latin.write_bytes(
        f'<html><head><meta charset="windows-1252"></head><body>{body}<p>Caf\xe9</p></body></html>'.encode("cp1252")
    )
    assert import_reading("demo", latin, demo_data).openings_found == 3


def test_cli_import_and_list(demo_data, demo_readings, store, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SHAREDSHIELD_DATA", str(demo_data))
    assert main(["readings", "list"]) == 0
    assert "No readings installed yet" in capsys.readouterr().out
    copy = tmp_path / "mine.txt"
    copy.write_text((demo_readings / "demo.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["readings", "import", "demo", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Imported demo: 3 paragraphs" in out and "paragraph openings found: 3 of 3" in out
    assert main(["readings", "list"]) == 0
    listed = capsys.readouterr().out
    assert "demo: 3 paragraphs" in listed and str(copy.resolve()) in listed
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["readings", "import", "demo", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Not imported: empty.txt is empty")
    assert [r["id"] for r in installed()] == ["demo"]


def test_environment_variable_still_wins(demo_readings, store, tmp_path, monkeypatch, demo_data):
    copy = tmp_path / "mine.txt"
    copy.write_text(
        (demo_readings / "demo.txt")
        .read_text(encoding="utf-8")
        .replace("The author concludes", "The writer concludes")
        .replace("[3] The writer", "[3] The author"),
        encoding="utf-8",
    )
    import_reading("demo", copy, demo_data)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("# id: elsewhere\n\n[1] Text.\n", encoding="utf-8")
    monkeypatch.setenv("SHAREDSHIELD_READINGS", str(other))
    assert list(readings()) == ["elsewhere"]


def test_paragraph_openings_cover_every_paragraph_and_quote_little(real_readings):
    from sharedshield.readings_import import course_openings

    for sid in ("blog2007", "lukyanov2011", "eir2013"):
        original = paragraphs_of(real_readings, sid)
        openings = course_openings(DATA, sid)
        assert [o.paragraph for o in openings] == sorted(original)
        for o in openings:
            assert original[o.paragraph].startswith(o.opening) and original[o.paragraph].endswith(o.closing)
            assert len(o.opening.split()) + len(o.closing.split()) <= min(12, o.words // 2 + 1)
            assert o.words == len(original[o.paragraph].split())
    assert not re.search(r"\[\d+\]", (DATA / "paragraphs.csv").read_text(encoding="utf-8"))
