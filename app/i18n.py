"""Translations for the core and the command line (gettext catalogues read with Babel).

The window's own widgets use Qt's translators; every sentence the core
produces (errors, flag messages, report text) goes through a Translator that
the composition root builds and passes down. There is no global language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

SUPPORTED_LANGUAGES = ("en", "fr")
_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_BABEL_LOCALES = {"en": "en_US", "fr": "fr_FR"}


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first supported language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for item in env.get(variable, "").split(":"):
            code = item.split(".")[0].split("_")[0].split("-")[0].lower()
            if code in SUPPORTED_LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
    return "en"


def system_country(environ: Mapping[str, str] | None = None) -> str | None:
    """The country part of the locale ("FR" in fr_FR.UTF-8), if there is one."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MONETARY", "LANG"):
        value = env.get(variable, "").split(".")[0]
        if "_" in value:
            return value.split("_")[1].upper()[:2] or None
    return None


def resolve_language(setting: str | None, environ: Mapping[str, str] | None = None) -> str:
    if setting in SUPPORTED_LANGUAGES:
        return str(setting)
    return system_language(environ)


@cache
def _load_catalog(language: str) -> dict[str, str | tuple[str, ...]]:
    path = _LOCALE_DIR / language / "LC_MESSAGES" / "clickwage.po"
    if not path.exists():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string
        messages[key] = string if isinstance(string, str) else tuple(string)
    return messages


class Translator:
    """Looks sentences up in the language's catalogue; English is the source text."""

    def __init__(self, language: str = "en") -> None:
        self.language = language if language in SUPPORTED_LANGUAGES else "en"
        self.locale = _BABEL_LOCALES[self.language]
        self._messages = _load_catalog(self.language) if self.language != "en" else {}

    def gettext(self, message: str) -> str:
        found = self._messages.get(message)
        if isinstance(found, str) and found:
            return found
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        found = self._messages.get(singular)
        if isinstance(found, tuple) and found:
            if self.language == "fr":
                index = 0 if count <= 1 else 1
            else:
                index = 0 if count == 1 else 1
            if index < len(found) and found[index]:
                return found[index]
        return singular if count == 1 else plural


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; translate it where it is shown."""
    return message
