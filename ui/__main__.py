"""`python -m ui` runs the clickwage command."""

import sys

from ui.cli import main

sys.exit(main())
