"""`python -m ui` runs the clickwage command."""

from ui.entry import run

run()
