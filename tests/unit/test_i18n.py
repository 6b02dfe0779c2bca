"""Every sentence of the core and the command line has a French translation."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from app.i18n import Translator, resolve_language, system_country, system_language

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "locale" / "fr" / "LC_MESSAGES" / "clickwage.po"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _source_messages() -> set[str]:
    sys.path.insert(0, str(ROOT / "resources"))
    try:
        from update_translations import extract
    finally:
        sys.path.pop(0)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}


def test_every_source_sentence_is_translated_to_french() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0]): m.string
        for m in catalog
        if m.id and m.string and not m.fuzzy
        and (isinstance(m.string, str) or all(m.string))
    }
    missing = sorted(_source_messages() - set(translated))
    assert not missing, f"untranslated (run resources/update_translations.py): {missing}"


def test_french_keeps_the_placeholders() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    for message in catalog:
        if not message.id or not message.string:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), source


def test_translator_picks_french_and_plurals() -> None:
    fr = Translator("fr")
    assert fr.gettext("No session is running.") != "No session is running."
    one = fr.ngettext("{count} problem found:", "{count} problems found:", 1)
    many = fr.ngettext("{count} problem found:", "{count} problems found:", 3)
    assert one != many
    assert Translator("en").gettext("No session is running.") == "No session is running."


def test_language_comes_from_the_environment_or_the_setting() -> None:
    assert system_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert system_language({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}) == "fr"
    assert system_language({"LANG": "C"}) == "en"
    assert resolve_language("en", {"LANG": "fr_FR.UTF-8"}) == "en"
    assert resolve_language("system", {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert system_country({"LANG": "fr_BE.UTF-8"}) == "BE"
    assert system_country({"LANG": "C.UTF-8"}) is None
