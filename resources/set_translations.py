"""Set French translations from a small JSON file of {msgid: msgstr} (for quick additions).

    .venv/bin/python resources/set_translations.py fr new.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent / "locale"


def main(language: str, source: str) -> None:
    path = ROOT / language / "LC_MESSAGES" / "clickwage.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    for msgid, msgstr in json.loads(Path(source).read_text(encoding="utf-8")).items():
        message = catalog.get(msgid)
        if message is None:
            raise SystemExit(f"not in the catalogue: {msgid!r}")
        message.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, ignore_obsolete=True, width=100)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
