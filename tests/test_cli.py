"""One command line: every subcommand answers --help; usage errors are one line on stderr with exit 2."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from sharedshield import cli


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of a parser, e.g. ('work', 'export')."""
    out = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += commands(sub, (*path, name))
    return out


ALL = commands(cli.build_parser())


def test_the_command_line_has_the_jobs_of_the_course():
    assert {
        ("check",),
        ("print",),
        ("readings", "import"),
        ("readings", "list"),
        ("work", "show"),
        ("work", "export"),
        ("work", "reset"),
    } <= set(ALL)


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "(top)")
def test_every_command_answers_help(path, capsys):
    assert cli.main([*path, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m sharedshield{' ' if path else ''}{' '.join(path)}")


@pytest.mark.parametrize(
    "argv",
    [
        ["nosuch"],
        ["work", "export"],
        ["readings", "import", "blog2007"],
        ["print", "a.ipynb", "b.txt"],
        ["work"],
        [],
        ["check", "a", "b"],
    ],
)
def test_a_usage_error_is_one_line_on_stderr_and_exit_2(argv, capsys):
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1 and "--help" in captured.err


def test_a_data_problem_exits_1(tmp_path, capsys):
    assert cli.main(["readings", "import", "blog2007", str(tmp_path / "missing.html")]) == 1
    assert cli.main(["check", str(tmp_path / "nowhere")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_another_module_can_add_a_command_group(monkeypatch, capsys):
    class Extension:
        @staticmethod
        def register(subparsers) -> None:
            group = subparsers.add_parser("class", help="the class report").add_subparsers()
            group.add_parser("report", help="write the class report").set_defaults(
                run=lambda args: print("report ran") or 0
            )

    monkeypatch.setattr(cli, "EXTENSIONS", (Extension,))
    assert cli.main(["class", "report"]) == 0 and capsys.readouterr().out == "report ran\n"
    assert cli.main(["class", "report", "--help"]) == 0


def test_python_dash_m_runs_the_same_parser():
    done = subprocess.run(
        [sys.executable, "-m", "sharedshield", "work", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert "export" in done.stdout and "reset" in done.stdout
