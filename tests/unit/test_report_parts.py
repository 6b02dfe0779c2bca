"""reports(activities=False), what the wage chart reads: the same seconds_total, work
intervals, home figures and wages as a whole report, without the paid time and the time
per activity."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import Services
from tests.unit.test_charts import fill_ledger

MONTHS = [
    (date(2026, 1, 1), date(2026, 2, 1)),
    (date(2026, 2, 1), date(2026, 3, 1)),
    (date(2026, 3, 1), date(2026, 3, 20)),
]


@pytest.mark.parametrize("platform", [None, "Prolific", "Swiss"])
def test_without_activities_the_wage_figures_are_the_reports(
    services: Services, platform: str | None
) -> None:
    fill_ledger(services)
    whole = services.reports.reports(MONTHS, platform, flags=False)
    brief = services.reports.reports(MONTHS, platform, flags=False, activities=False)
    assert any(report.seconds_total for report in whole)
    for full, part in zip(whole, brief, strict=True):
        assert part.seconds_total == full.seconds_total
        assert part.effective_hourly == full.effective_hourly
        assert [p.platform.name for p in part.platforms] == [
            p.platform.name for p in full.platforms
        ]
        for mine, theirs in zip(part.platforms, full.platforms, strict=True):
            assert mine.time.seconds_total == theirs.time.seconds_total
            assert mine.worked == theirs.worked
            assert mine.home == theirs.home
            assert mine.effective_hourly == theirs.effective_hourly
            assert mine.time.seconds_task == 0 and mine.time.seconds_by_activity == {}
