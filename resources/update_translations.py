"""Refresh the French catalogue of the core and the command line from the source code.

    .venv/bin/python resources/update_translations.py

Extracts every gettext()/ngettext()/N_() string of app/ and ui/ into
resources/locale/clickwage.pot, then merges it into each language's .po
(new strings arrive untranslated; tests fail until they are translated).
The .po files are read at run time by app.i18n; there is nothing to compile.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "N_": None, "_": None}
LANGUAGES = ("fr",)


def extract() -> Catalog:
    template = Catalog(project="Clickwage", charset="utf-8")
    for folder in ("app", "ui"):
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",),
        ):
            template.add(message, None, [(f"{folder}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    # Sentences of the platform catalogue's data files, shown through tr.gettext().
    import sys as _sys

    _sys.path.insert(0, str(ROOT))
    try:
        from app.services.catalogue import catalogue_messages
    finally:
        _sys.path.pop(0)
    for message in catalogue_messages():
        template.add(message, None, [("app/catalogue", 0)])
    return template


def main() -> None:
    template = extract()
    LOCALE.mkdir(parents=True, exist_ok=True)
    with (LOCALE / "clickwage.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True)
    for language in LANGUAGES:
        path = LOCALE / language / "LC_MESSAGES" / "clickwage.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            catalog.update(template, update_header_comment=False)
        else:
            catalog = Catalog(locale=language, project="Clickwage", charset="utf-8")
            catalog.update(template)
        with path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, ignore_obsolete=True, width=100)
        missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
        print(f"{language}: {len(catalog)} messages, {len(missing)} to translate")


if __name__ == "__main__":
    main()
