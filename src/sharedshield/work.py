"""Placeholder: this command is being built (see the README)."""

from __future__ import annotations


def main(argv: list[str]) -> int:
    """Say that the command is not available yet."""
    print("This command is not available yet.")
    return 2
