"""Readings are read from the folder the user names, never guessed; the command line reports problems."""

from __future__ import annotations

import pytest

from sharedshield import ReadingsUnavailable, reading_text, readings, readings_available
from sharedshield.__main__ import main
from test_validation import replace


def test_readings_by_id_and_paragraph(demo_readings):
    texts = readings(demo_readings)
    assert list(texts) == ["demo"]
    assert sorted(texts["demo"]) == [1, 2, 3]
    assert texts["demo"][3].startswith("The author concludes")


def test_readings_unset_gives_a_clear_message(monkeypatch):
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    with pytest.raises(ReadingsUnavailable, match="set the environment variable SHAREDSHIELD_READINGS"):
        readings()
    assert not readings_available()


def test_readings_folder_that_does_not_exist(tmp_path):
    with pytest.raises(ReadingsUnavailable, match="not a folder"):
        readings(tmp_path / "nowhere")


def test_cli_check_ok_and_failing(demo_data, capsys, monkeypatch):
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    assert main(["check", str(demo_data)]) == 0
    assert "OK:" in capsys.readouterr().out
    replace(demo_data / "events.csv", "2006,medium", "2007-13,medium")
    assert main(["check", str(demo_data)]) == 1
    assert "events.csv row 3, column date" in capsys.readouterr().err
    assert main([]) == 2


def test_reading_text_is_one_reading_or_none(demo_readings, tmp_path, monkeypatch):
    assert reading_text("demo", demo_readings)[1]
    assert reading_text("nosuch", demo_readings) is None
    monkeypatch.delenv("SHAREDSHIELD_READINGS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert reading_text("demo") is None
