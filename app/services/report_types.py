"""What a report holds: per platform and period, time, money, wages and flags, and their
JSON form (the `--json` shapes of DESIGN.md). Built by app/services/reports.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.domain.flags import Flag
from app.domain.intervals import Interval
from app.domain.localtime import Period
from app.domain.money import format_plain
from app.domain.statuses import TaskStatus
from app.domain.wage import TaskTotals, TimeFigures, hourly
from app.services.records import PlatformInfo


@dataclass
class HomeFigures:
    earned: int
    fees: int
    pending_value: int
    rejected_value: int
    effective_hourly: Decimal | None

    @property
    def net(self) -> int:
        return self.earned - self.fees


@dataclass
class PlatformReport:
    platform: PlatformInfo
    time: TimeFigures
    totals: TaskTotals
    fees: int
    home: HomeFigures | None
    flags: list[Flag]
    worked: list[Interval]  # bridged union of the platform's work, clipped to the period
    other_currencies: dict[str, TaskTotals] = field(default_factory=dict)
    withheld: int = 0

    @property
    def earned(self) -> int:
        return self.totals.earned_with_bonus

    @property
    def net(self) -> int:
        return self.earned - self.fees

    @property
    def effective_hourly(self) -> Decimal | None:
        return hourly(self.net, self.platform.currency, self.time.seconds_total)

    @property
    def nominal_hourly(self) -> Decimal | None:
        return hourly(self.earned, self.platform.currency, self.time.seconds_task)

    def as_json(self, home_currency: str) -> dict[str, Any]:
        cur = self.platform.currency

        def money(minor: int) -> str | None:
            return format_plain(minor, cur)

        def home_money(minor: int) -> str | None:
            return format_plain(minor, home_currency)

        result: dict[str, Any] = {
            "name": self.platform.name,
            "currency": cur,
            "seconds_total": self.time.seconds_total,
            "seconds_task": self.time.seconds_task,
            "seconds_unpaid": self.time.seconds_unpaid,
            "seconds_by_activity": dict(self.time.seconds_by_activity),
            "tasks": {
                status.value: self.totals.counts.get(status.value, 0) for status in ORDERED_STATUSES
            },
            "earned": money(self.earned),
            "bonus": money(self.totals.bonus),
            "pending_value": money(self.totals.pending_value),
            "rejected_value": money(self.totals.rejected_value),
            "fees": money(self.fees),
            "net": money(self.net),
            "effective_hourly": _text(self.effective_hourly),
            "nominal_hourly": _text(self.nominal_hourly),
            "home": None
            if self.home is None
            else {
                "earned": home_money(self.home.earned),
                "fees": home_money(self.home.fees),
                "net": home_money(self.home.net),
                "pending_value": home_money(self.home.pending_value),
                "rejected_value": home_money(self.home.rejected_value),
                "effective_hourly": _text(self.home.effective_hourly),
            },
            "flags": [flag.as_json() for flag in self.flags],
        }
        if self.other_currencies:
            result["other_currencies"] = {
                code: {
                    "earned": format_plain(totals.earned_with_bonus, code),
                    "bonus": format_plain(totals.bonus, code),
                    "pending_value": format_plain(totals.pending_value, code),
                    "rejected_value": format_plain(totals.rejected_value, code),
                }
                for code, totals in sorted(self.other_currencies.items())
            }
        return result


ORDERED_STATUSES = (
    TaskStatus.APPROVED,
    TaskStatus.PARTIALLY_APPROVED,
    TaskStatus.SCREENED_OUT,
    TaskStatus.REJECTED,
    TaskStatus.PENDING,
    TaskStatus.RETURNED,
    TaskStatus.EXPIRED,
    TaskStatus.IN_PROGRESS,
)


@dataclass
class Report:
    period: Period
    timezone: str
    home_currency: str
    platforms: list[PlatformReport]
    seconds_total: int

    @property
    def home_complete(self) -> bool:
        return all(p.home is not None for p in self.platforms)

    def home_total(self, name: str) -> int | None:
        if not self.home_complete:
            return None
        return sum(int(getattr(p.home, name)) for p in self.platforms if p.home is not None)

    @property
    def effective_hourly(self) -> Decimal | None:
        net = self.home_total("net")
        return hourly(net, self.home_currency, self.seconds_total) if net is not None else None

    def as_json(self) -> dict[str, Any]:
        home = self.home_currency
        return {
            "from": self.period.first.isoformat(),
            "to": self.period.end.isoformat(),
            "timezone": self.timezone,
            "home_currency": home,
            "platforms": [p.as_json(home) for p in self.platforms],
            "totals": {
                "home": {
                    "earned": format_plain(self.home_total("earned"), home),
                    "fees": format_plain(self.home_total("fees"), home),
                    "net": format_plain(self.home_total("net"), home),
                    "seconds_total": self.seconds_total,
                    "effective_hourly": _text(self.effective_hourly),
                }
            },
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
