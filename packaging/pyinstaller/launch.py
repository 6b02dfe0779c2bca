"""The frozen app's entry point: `Clickwage` is the `clickwage` command.

With no argument (a double click, the Start menu, the desktop file) it opens the window;
with arguments it is the command line, `Clickwage --self-test` included.
"""

from __future__ import annotations

import sys


def main() -> None:
    from ui.entry import run

    arguments = sys.argv[1:]
    # macOS passes -psn_0_NNN to apps started from the Finder on old systems.
    arguments = [a for a in arguments if not a.startswith("-psn_")]
    run(arguments or ["gui"])


if __name__ == "__main__":
    main()
