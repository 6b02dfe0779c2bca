"""The welcome's platform list texts: each catalogue entry's line and its tooltip.

The line names the platform with its currencies and review window; the tooltip gives the main
facts with their sources and dates. Module functions of WelcomeDialog (first_run_welcome.py):
their texts keep the "WelcomeDialog" translation context.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from app.catalogue import PlatformEntry
from app.i18n import Translator


def entry_text(entry: PlatformEntry, added: bool) -> str:
    facts = []
    codes = entry.currencies.value or ()
    if codes:
        facts.append(" / ".join(codes))
    days = entry.review_days_limit()
    if days is not None:
        facts.append(
            QCoreApplication.translate("WelcomeDialog", "reviews within {days} days").format(
                days=days
            )
        )
    text = entry.label + (f" — {', '.join(facts)}" if facts else "")
    if added:
        return QCoreApplication.translate("WelcomeDialog", "{platform} (already added)").format(
            platform=text
        )
    return text


def entry_details(entry: PlatformEntry, core: Translator) -> str:
    """The main facts with their sources and dates (tooltip)."""
    lines = [f"<b>{html.escape(entry.label)}</b>"]
    for title, fact in (
        (QCoreApplication.translate("WelcomeDialog", "Currency"), entry.currencies),
        (QCoreApplication.translate("WelcomeDialog", "Minimum payout"), entry.minimum_payout),
        (QCoreApplication.translate("WelcomeDialog", "Payout schedule"), entry.payout_schedule),
        (QCoreApplication.translate("WelcomeDialog", "Review window (days)"), entry.review_days),
        (QCoreApplication.translate("WelcomeDialog", "Payout delay (days)"), entry.payout_days),
    ):
        if fact.value is None:
            value = QCoreApplication.translate("WelcomeDialog", "unknown")
        elif isinstance(fact.value, tuple):
            value = ", ".join(str(v) for v in fact.value) or "—"
        else:
            value = core.gettext(str(fact.value))
        marker = f" [{marker_text(fact.marker)}]" if fact.marker else ""
        lines.append(
            html.escape(
                QCoreApplication.translate(
                    "WelcomeDialog", "{title}: {value}{marker} — source: {source}, {date}"
                ).format(
                    title=title, value=value, marker=marker, source=fact.source, date=fact.date
                )
            )
        )
    return "<br>".join(lines)


def marker_text(marker: str) -> str:
    return {
        "unverified": QCoreApplication.translate("WelcomeDialog", "unverified"),
        "dated": QCoreApplication.translate("WelcomeDialog", "old source"),
        "derived": QCoreApplication.translate("WelcomeDialog", "worked out from the sources"),
        "unknown": QCoreApplication.translate("WelcomeDialog", "unknown"),
    }.get(marker, marker)
