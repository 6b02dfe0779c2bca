"""The evidence model's French: every sentence of the report and of the letters has one,
with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from app.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def test_every_evidence_sentence_has_french() -> None:
    """The core catalogue has each sentence, placeholders kept."""
    core = Translator("fr")
    po = ROOT / "resources" / "locale" / "fr" / "LC_MESSAGES" / "clickwage.po"
    with po.open("rb") as handle:
        french_ids = {m.id for m in read_po(handle, locale="fr") if m.id and m.string}
    keywords = {"gettext": None, "ngettext": (1, 2)}
    missing = []
    messages = [
        found[1]
        for source in sorted((ROOT / "app" / "services" / "evidence").glob("*.py"))
        for found in extract_from_file("python", str(source), keywords=keywords)
    ]
    assert messages
    for message in messages:
        if isinstance(message, tuple):
            singular = message[0]
            forms = (core.ngettext(singular, message[1], 1), core.ngettext(singular, message[1], 2))
            if forms[1] in message:
                missing.append(singular)
            for form in forms:
                assert sorted(_PLACEHOLDER.findall(form)) == sorted(
                    _PLACEHOLDER.findall(singular)
                ), singular
            continue
        translated = core.gettext(message)
        if message not in french_ids:
            missing.append(message)
        assert sorted(_PLACEHOLDER.findall(translated)) == sorted(_PLACEHOLDER.findall(message)), (
            message
        )
    assert not missing, f"no French for: {missing}"


def test_both_letter_languages_have_the_same_parts() -> None:
    from app.services.evidence.legal import LETTERS

    assert set(LETTERS["en"]) == set(LETTERS["fr"])
    for key, english in LETTERS["en"].items():
        french = LETTERS["fr"][key]
        if isinstance(english, list):
            assert len(english) == len(french), key
            pairs = list(zip(english, french, strict=True))
        else:
            pairs = [(english, french)]
        for source, target in pairs:
            assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(target)), key
