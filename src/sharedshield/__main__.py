"""`python -m sharedshield COMMAND ...`: the command line (see sharedshield.cli)."""

from __future__ import annotations

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
