"""The window's French (Qt Linguist) catalogue is complete, well formed and built."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "clickwage_fr.ts"
QM = ROOT / "resources" / "translations" / "clickwage_fr.qm"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _messages() -> list[tuple[str, str, str, dict[str, str]]]:
    """(context, source, translation text, translation attributes) for every message."""
    found = []
    for context in ElementTree.parse(TS).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append((
                name,
                message.findtext("source") or "",
                (translation.text or "") if translation is not None else "",
                dict(translation.attrib) if translation is not None else {"type": "missing"},
            ))
    return found


def _lrelease() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def test_the_catalogue_has_messages() -> None:
    assert len(_messages()) > 500


def test_no_message_is_unfinished_or_empty() -> None:
    bad = [
        (context, source)
        for context, source, text, attrib in _messages()
        if attrib.get("type") in ("unfinished", "vanished", "obsolete", "missing")
        or not text.strip()
    ]
    assert not bad, f"untranslated (fill them with update_ts.py --fill): {bad}"


def test_translations_keep_the_placeholders() -> None:
    for context, source, text, _attrib in _messages():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context, source, text,
        )


def test_mnemonics_are_kept_once_and_only_where_the_source_has_one() -> None:
    for context, source, text, _attrib in _messages():
        if "&" in source:
            assert text.count("&") == 1, (context, source, text)
            after = text[text.index("&") + 1 : text.index("&") + 2]
            assert after.isalpha(), (context, source, text)
        else:
            assert "&" not in text, (context, source, text)


def test_ellipses_are_kept() -> None:
    for context, source, text, _attrib in _messages():
        if source.endswith("…"):
            assert text.endswith("…"), (context, source, text)


def test_the_qm_is_built_from_the_current_ts(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    assert QM.exists(), "build it: .venv/bin/python resources/translations/update_ts.py --release"
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    rebuilt = tmp_path / "clickwage_fr.qm"
    subprocess.run([tool, "-silent", str(TS), "-qm", str(rebuilt)], check=True)
    assert rebuilt.read_bytes() == QM.read_bytes(), (
        "clickwage_fr.qm is older than clickwage_fr.ts: "
        "run .venv/bin/python resources/translations/update_ts.py --release"
    )
    for path in (QM, rebuilt):
        translator = QTranslator()
        assert translator.load(str(path))
        assert translator.translate("TodayPage", "Start") == "Démarrer"
        assert translator.translate("MainWindow", "&File") == "&Fichier"


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_every_string_of_the_window_is_in_the_catalogue(tmp_path: Path) -> None:
    """lupdate over the window's sources finds nothing new: no string shows in English
    in a French window (a new string, or one moved to another class)."""
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "clickwage_fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui" / "gui").rglob("*.py"))
    subprocess.run(
        [tool, *sources, "-no-obsolete", "-locations", "none", "-target-language", "fr",
         "-ts", str(copy)],
        check=True, capture_output=True,
    )
    found = {
        (context.findtext("name"), message.findtext("source"))
        for context in ElementTree.parse(copy).iter("context")
        for message in context.iter("message")
    }
    known = {(context, source) for context, source, _text, _attrib in _messages()}
    assert not found - known, f"run resources/translations/update_ts.py: {found - known}"
