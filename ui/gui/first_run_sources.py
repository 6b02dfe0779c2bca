"""The welcome's source lines: where the home currency and the minimum wage shown come from.

Either proposed for the country (the minimum-wage table, or Unicode CLDR for the currency,
each with its source and date), or typed by the user. Module functions of WelcomeDialog
(first_run_welcome.py): their texts keep the "WelcomeDialog" translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.domain.errors import ClickwageError
from app.domain.minimum_wages import MINIMUM_WAGES
from app.domain.money import parse_amount
from app.i18n import Translator
from app.services.catalogue import HomeProposal, cldr_version
from ui.gui import formatting


def currency_source(proposal: HomeProposal, code: str | None, country: str, currency: str) -> str:
    """Where the home currency comes from, `proposal` being the one for the country `code`."""
    if proposal.currency == currency and proposal.currency_origin == "minimum_wages":
        return QCoreApplication.translate(
            "WelcomeDialog", "The currency of the minimum wage of {country}."
        ).format(country=country)
    if proposal.currency == currency and proposal.currency_origin == "cldr":
        return QCoreApplication.translate(
            "WelcomeDialog", "The currency of {country}. Source: Unicode CLDR {version}."
        ).format(country=country, version=cldr_version())
    if code and proposal.currency_origin != "current":
        return QCoreApplication.translate("WelcomeDialog", "Your own choice.")
    return QCoreApplication.translate("WelcomeDialog", "Your current home currency.")


def wage_source(
    typed: str,
    currency: str,
    country: str,
    core: Translator,
    country_name: Callable[[str], str],
) -> str:
    """Where the minimum wage `typed` comes from: a row of the table, or the user."""
    if not typed:
        if country:
            return QCoreApplication.translate(
                "WelcomeDialog",
                "Clickwage has no minimum wage for {country} yet: type the legal hourly "
                "minimum where you live, or the lowest hourly pay you accept.",
            ).format(country=country)
        return QCoreApplication.translate(
            "WelcomeDialog",
            "Choose your country to see its minimum wage, or type the lowest hourly pay "
            "you accept.",
        )
    try:
        minor = parse_amount(typed, currency, core)
    except ClickwageError:
        return QCoreApplication.translate("WelcomeDialog", "Your own figure.")
    for wage in sorted(MINIMUM_WAGES, key=lambda row: row.since, reverse=True):
        if wage.currency == currency and parse_amount(wage.hourly, currency, core) == minor:
            text = QCoreApplication.translate(
                "WelcomeDialog", "{country}: {amount} an hour, since {date}."
            ).format(
                country=country_name(wage.country),
                amount=formatting.money(minor, currency, core),
                date=wage.since.isoformat(),
            )
            if wage.note:
                text += f" ({wage.note})"
            return (
                text
                + "\n"
                + QCoreApplication.translate("WelcomeDialog", "Source: {source}").format(
                    source=wage.source
                )
            )
    return QCoreApplication.translate("WelcomeDialog", "Your own figure.")
