"""Statutory minimum hourly wages, the default threshold, each with its source and date.

Shown at first start and in Settings; the user can always type their own.
Update this table when a country's minimum changes (add a row; keep the old one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MinimumWage:
    country: str  # ISO 3166 alpha-2
    currency: str
    hourly: str  # decimal string in the currency's major unit
    since: date
    source: str
    note: str = ""


MINIMUM_WAGES: tuple[MinimumWage, ...] = (
    MinimumWage(
        "FR",
        "EUR",
        "12.02",
        date(2026, 1, 1),
        "SMIC horaire brut au 1er janvier 2026 (+1.18 %), "
        "https://artisans-entrepreneurs.zepros.fr/",
        "gross; Mayotte 9.33 EUR",
    ),
    MinimumWage(
        "GB",
        "GBP",
        "12.71",
        date(2026, 4, 1),
        "National Living Wage (21 and over), https://www.mondaq.com/uk/ (1725980)",
        "the rise applies from the pay period starting on or after 1 April 2026",
    ),
    MinimumWage(
        "US",
        "USD",
        "7.25",
        date(2009, 7, 24),
        "Fair Labor Standards Act, federal minimum wage (29 U.S.C. 206)",
        "many states set a higher minimum",
    ),
    MinimumWage(
        "DE",
        "EUR",
        "13.90",
        date(2026, 1, 1),
        "Fünfte Mindestlohnanpassungsverordnung (Mindestlohnkommission, 27 June 2025)",
        "14.60 EUR from 2027-01-01",
    ),
    MinimumWage(
        "PH",
        "PHP",
        "86.88",
        date(2025, 7, 18),
        "Wage Order NCR-26 (NCR, non-agriculture, 695 PHP a day over 8 hours), "
        "https://www.philstar.com/ (2458907)",
        "derived from the daily rate; NCR only",
    ),
)

FALLBACK_COUNTRY = "US"


def minimum_wage_for(country: str | None) -> MinimumWage:
    """The newest entry for the country, or the US federal minimum when it is not in the table."""
    wanted = (country or "").upper()
    candidates = [row for row in MINIMUM_WAGES if row.country == wanted]
    if not candidates:
        candidates = [row for row in MINIMUM_WAGES if row.country == FALLBACK_COUNTRY]
    return max(candidates, key=lambda row: row.since)
