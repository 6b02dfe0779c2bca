"""Charts: the data each chart shows is the report's, month by month; the files are valid.

The ledger below spans January to March 2026 (Paris, home currency EUR). The
clock stands at 2026-03-10 09:00 UTC.
"""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ElementTree
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app import charts
from app.charts import (
    KINDS,
    IncomeData,
    PayoutData,
    RejectionData,
    TimeData,
    WageData,
)
from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput, NotFound
from app.domain.statuses import Activity
from app.i18n import Translator
from app.services import Services, open_services
from app.services.reports import PlatformReport, Report
from tests.conftest import PARIS

JAN, APR = date(2026, 1, 1), date(2026, 4, 1)


def utc(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def work(services: Services, platform: str, start: datetime, minutes: int,
         activity: Activity = Activity.TASK) -> None:
    services.timer.start(platform, activity, at=start)
    services.timer.stop(at=start + timedelta(minutes=minutes))


def fill_ledger(services: Services) -> None:
    """Four platforms over January–March 2026; CHF has no exchange rate."""
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("MTurk", "USD")
    services.platforms.add("Local", "EUR", min_wage="9.00", max_payout_days=3)
    services.platforms.add("Swiss", "CHF")
    services.rates.set("GBP", "1.20", date(2025, 12, 1))
    services.rates.set("GBP", "1.15", date(2026, 2, 15))
    services.rates.set("USD", "0.90", date(2025, 12, 1))
    # January: Prolific, 30 min searching then 2 h of tasks.
    work(services, "Prolific", utc(1, 12, 8, 30), 30, Activity.SEARCH)
    work(services, "Prolific", utc(1, 12, 9), 120)
    for minute in (10, 40, 70):
        services.tasks.add("Prolific", "5.00", status="approved",
                           submitted=utc(1, 12, 9) + timedelta(minutes=minute),
                           bonus="0.50" if minute == 10 else None)
    services.tasks.add("Prolific", "2.00", status="rejected", submitted=utc(1, 12, 10, 50))
    # February: MTurk, 1 h of tasks and 15 min managing payments; 25 approved, 3 rejected.
    work(services, "MTurk", utc(2, 3, 14), 60)
    work(services, "MTurk", utc(2, 3, 15, 5), 15, Activity.PAYMENT)
    for index in range(25):
        services.tasks.add("MTurk", "0.50", status="approved", submitted=utc(2, 3, 14, index))
    for index in range(3):
        services.tasks.add("MTurk", "0.40", status="rejected", submitted=utc(2, 3, 14, 30 + index))
    services.tasks.add("MTurk", "1.00", status="pending", submitted=utc(2, 3, 14, 50))
    # Prolific again late in February, at the new GBP rate.
    work(services, "Prolific", utc(2, 20, 9), 45)
    services.tasks.add("Prolific", "4.00", status="approved", submitted=utc(2, 20, 9, 40))
    # Local: February and March, one pending in March.
    work(services, "Local", utc(2, 25, 10), 30)
    services.tasks.add("Local", "4.00", status="approved", submitted=utc(2, 25, 10, 20))
    work(services, "Local", utc(3, 2, 10), 20, Activity.QUALIFICATION)
    work(services, "Local", utc(3, 2, 10, 20), 40)
    services.tasks.add("Local", "3.00", status="approved", submitted=utc(3, 2, 10, 50))
    services.tasks.add("Local", "2.50", status="pending", submitted=utc(3, 2, 10, 55))
    # Swiss: money with no rate to EUR.
    work(services, "Swiss", utc(2, 10, 8), 30)
    services.tasks.add("Swiss", "3.00", status="approved", submitted=utc(2, 10, 8, 20))
    # Payouts: received in 3 days; still waiting; 5 days against a 3-day limit; cancelled;
    # one before the period.
    services.payouts.add("Prolific", "10.00", utc(1, 20, 10), received=utc(1, 23, 10))
    services.payouts.add("MTurk", "8.00", utc(2, 10, 12))
    services.payouts.add("Local", "5.00", utc(2, 1, 10), received=utc(2, 6, 10))
    services.payouts.add("Prolific", "3.00", utc(2, 3, 10), status="cancelled")
    services.payouts.add("Prolific", "7.00", datetime(2025, 12, 5, 10, tzinfo=UTC),
                         received=datetime(2025, 12, 9, 10, tzinfo=UTC))


@pytest.fixture
def ledger(services: Services) -> Services:
    fill_ledger(services)
    return services


def month_reports(services: Services, data: charts.ChartData,
                  platform: str | None = None) -> list[Report]:
    return [services.reports.report(m.first, m.end, platform) for m in data.period.months]


def row(report: Report, name: str) -> PlatformReport | None:
    return next((p for p in report.platforms if p.platform.name == name), None)


# -- the months ------------------------------------------------------------------------------


def test_month_slices_cut_the_first_and_last_month_to_the_period() -> None:
    months = charts.month_slices(date(2026, 1, 15), date(2026, 3, 11), Translator("en"))
    assert [(m.first, m.end) for m in months] == [
        (date(2026, 1, 15), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 3, 11)),
    ]
    assert [m.partial for m in months] == [True, False, True]
    assert [m.label for m in months] == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert months[0].long_label == "January 2026"
    assert charts.month_slices(JAN, JAN, Translator("en")) == ()


def test_month_names_are_in_the_users_language() -> None:
    months = charts.month_slices(date(2026, 2, 1), date(2026, 4, 1), Translator("fr"))
    assert [m.label for m in months] == ["févr. 2026", "mars 2026"]
    assert months[1].long_label == "mars 2026"


def test_last_months_end_with_the_current_month() -> None:
    assert charts.last_months(date(2026, 3, 10), 12) == (date(2025, 4, 1), date(2026, 4, 1))
    assert charts.last_months(date(2026, 1, 31), 3) == (date(2025, 11, 1), date(2026, 2, 1))
    assert charts.last_months(date(2026, 12, 5), 1) == (date(2026, 12, 1), date(2027, 1, 1))


# -- the data equals the report's figures ----------------------------------------------------


def test_income_is_each_months_home_earned_pending_and_rejected(ledger: Services) -> None:
    data = charts.income_data(ledger, JAN, APR)
    reports = month_reports(ledger, data)
    assert data.currency == "EUR"
    assert [s.platform for s in data.earned] == ["Local", "MTurk", "Prolific"]
    for group, field in ((data.earned, "earned"), (data.pending, "pending_value"),
                         (data.rejected, "rejected_value")):
        for series in group:
            expected = []
            for report in reports:
                found = row(report, series.platform)
                expected.append(None if found is None or found.home is None
                                else getattr(found.home, field))
            assert series.values == tuple(expected), (series.platform, field)
    # By hand: January Prolific 3 × 5.00 + 0.50 = 15.50 GBP × 1.20 = 18.60 EUR; February
    # 4.00 GBP × 1.15 = 4.60 EUR. MTurk February 25 × 0.50 USD × 0.90 = 11.25 EUR (each task
    # converted and rounded: 0.45 EUR), pending 0.90 EUR, rejected 3 × 0.36 = 1.08 EUR.
    prolific = next(s for s in data.earned if s.platform == "Prolific")
    assert prolific.values == (1860, 460, 0)
    mturk = {s.platform: s for s in data.pending}["MTurk"]
    assert mturk.values == (0, 90, 0)
    assert {s.platform: s for s in data.rejected}["MTurk"].values == (0, 108, 0)
    assert data.unconverted == ("Swiss",)


def test_wage_is_each_months_home_effective_hourly(ledger: Services) -> None:
    data = charts.wage_data(ledger, JAN, APR)
    reports = month_reports(ledger, data)
    assert data.threshold == Decimal("12.02")
    for series in data.series:
        expected = []
        for report in reports:
            found = row(report, series.platform)
            expected.append(None if found is None or found.home is None
                            else found.home.effective_hourly)
        assert series.values == tuple(expected), series.platform
        assert series.seconds == tuple(
            (row(r, series.platform).time.seconds_total if row(r, series.platform) else 0)
            for r in reports)
    assert data.all_platforms == tuple(r.effective_hourly for r in reports)
    by_name = {s.platform: s for s in data.series}
    # January Prolific: 18.60 EUR over 2 h 30 min = 7.44 EUR an hour, below 12.02.
    assert by_name["Prolific"].values[0] == Decimal("7.44")
    assert by_name["Prolific"].below[0]
    # Local's own minimum (9.00) judges it: 4.00 EUR in 30 min = 8.00 an hour.
    assert by_name["Local"].threshold == Decimal("9.00")
    assert by_name["Local"].values[1] == Decimal("8.00")
    assert by_name["Local"].below == (False, True, True)  # March: 3.00 EUR over 1 h
    assert by_name["Swiss"].values == (None, None, None)
    assert data.unconverted == ("Swiss",)


def test_time_sums_the_platforms_figures_of_each_month(ledger: Services) -> None:
    data = charts.time_data(ledger, JAN, APR)
    reports = month_reports(ledger, data)
    assert data.paid == tuple(sum(p.time.seconds_task for p in r.platforms) for r in reports)
    assert data.total == tuple(sum(p.time.seconds_total for p in r.platforms) for r in reports)
    assert data.unpaid == tuple(sum(p.time.seconds_unpaid for p in r.platforms) for r in reports)
    activities = dict(data.by_activity)
    for kind in ("search", "qualification", "communication", "payment", "other"):
        assert activities[kind] == tuple(
            sum(p.time.seconds_by_activity[kind] for p in r.platforms) for r in reports)
    # By hand: January 2 h paid + 30 min searching; February 1 h + 45 min + 30 min + 30 min
    # paid and 15 min payments; March 40 min paid and 20 min qualification.
    assert data.paid == (7200, 9900, 2400)
    assert activities["search"] == (1800, 0, 0)
    assert activities["payment"] == (0, 900, 0)
    assert activities["qualification"] == (0, 0, 1200)
    assert data.gaps == (0, 0, 0)


def test_time_counts_short_bridged_gaps_apart(services: Services) -> None:
    services.platforms.add("Prolific", "EUR")
    # Two tasks with a 40 s gap: bridged into work (gap < 60 s) but in no activity.
    services.tasks.add("Prolific", "1.00", status="approved", started=utc(2, 2, 9),
                       submitted=utc(2, 2, 9, 10))
    services.tasks.add("Prolific", "1.00", status="approved",
                       started=utc(2, 2, 9, 10) + timedelta(seconds=40),
                       submitted=utc(2, 2, 9, 20))
    data = charts.time_data(services, date(2026, 2, 1), date(2026, 3, 1))
    assert data.total == (1200,)
    assert data.paid == (1160,)
    assert data.gaps == (40,)
    figure = charts.figure_for("time", data, services.ctx.tr)
    assert figure.axes[0].get_ylabel() == "Minutes"  # hours only from 2 h on


def test_payouts_are_the_periods_delays_and_waiting_ages(ledger: Services) -> None:
    data = charts.payout_data(ledger, JAN, APR)
    points = {p.platform: p for p in data.points}
    assert sorted(points) == ["Local", "MTurk", "Prolific"]  # not cancelled, not December's
    assert points["Prolific"].delay_seconds == 3 * 86400
    assert not points["Prolific"].waiting
    now = ledger.ctx.now()
    assert points["MTurk"].waiting
    assert points["MTurk"].delay_seconds == int((now - utc(2, 10, 12)).total_seconds())
    assert points["MTurk"].days == Decimal("27.9")
    assert points["Local"].limit_days == 3 and points["Local"].late
    assert data.threshold_days == 14
    # Positions fall inside their month on the shared month axis.
    assert -0.5 <= points["Prolific"].position < 0.5
    assert 0.5 <= points["MTurk"].position < 1.5
    # The report's slow_payout flag judges the same delays.
    report = ledger.reports.report(JAN, APR, "MTurk")
    assert [f.code for f in report.platforms[0].flags if f.code == "slow_payout"] == [
        "slow_payout"]


def test_rejections_are_each_months_rejected_over_decided(ledger: Services) -> None:
    data = charts.rejection_data(ledger, JAN, APR)
    reports = month_reports(ledger, data)
    assert data.threshold == Decimal("0.05")
    for series in data.series:
        decided = []
        rejected = []
        for report in reports:
            found = row(report, series.platform)
            decided.append(found.totals.decided if found else 0)
            rejected.append(found.totals.counts.get("rejected", 0) if found else 0)
        assert series.decided == tuple(decided)
        assert series.rejected == tuple(rejected)
    by_name = {s.platform: s for s in data.series}
    assert by_name["MTurk"].rates == (None, Decimal(3) / Decimal(28), None)
    assert by_name["Prolific"].rates == (Decimal(1) / Decimal(4), Decimal(0), None)


def test_chart_set_matches_each_single_chart(ledger: Services) -> None:
    whole = charts.chart_set(ledger, JAN, APR)
    for kind in KINDS:
        assert whole.get(kind) == charts.chart_data(kind, ledger, JAN, APR)


def test_a_platform_filter_keeps_its_colour_and_its_own_thresholds(ledger: Services) -> None:
    everyone = charts.chart_set(ledger, JAN, APR)
    local = charts.chart_set(ledger, JAN, APR, "local")  # names are case-insensitive
    assert local.income.period.platform == "Local"
    assert [s.platform for s in local.income.earned] == ["Local"]
    assert local.wage.threshold == Decimal("9.00")
    assert local.payouts.threshold_days == 3
    assert local.income.earned[0].values == (0, 400, 300)
    colour = {s.platform: s.color for s in everyone.income.earned}["Local"]
    assert local.income.earned[0].color == colour
    assert {s.platform: s.color for s in everyone.wage.series}["Local"] == colour
    assert {p.platform: p.color for p in everyone.payouts.points}["Local"] == colour
    assert colour == charts.platform_color(3)
    with pytest.raises(NotFound):
        charts.chart_set(ledger, JAN, APR, "Nowhere")


def test_colours_are_colour_blind_safe_and_distinct_for_the_first_eleven_platforms() -> None:
    colours = [charts.platform_color(pid) for pid in range(1, 12)]
    assert len(set(colours)) == 11
    assert set(colours[:7]) <= set(charts.OKABE_ITO.values())
    assert set(colours[7:]) <= set(charts.data.TOL_MUTED.values())
    assert charts.OKABE_ITO["black"] not in colours  # kept for thresholds
    assert charts.platform_color(12) == charts.platform_color(1)


# -- empty and one-month periods -------------------------------------------------------------


def test_an_empty_ledger_gives_empty_charts_that_say_so(services: Services) -> None:
    whole = charts.chart_set(services, JAN, APR)
    assert len(whole.income.period.months) == 3
    for kind in KINDS:
        data = whole.get(kind)
        assert data.is_empty, kind
        figure = charts.figure_for(kind, data, services.ctx.tr)
        texts = [t.get_text() for ax in figure.axes for t in ax.texts]
        assert "No data for this period" in texts, kind


def test_a_period_with_data_but_not_of_this_kind_is_empty(ledger: Services) -> None:
    december = charts.chart_set(ledger, date(2025, 12, 1), JAN)
    assert december.income.is_empty and december.wage.is_empty and december.time.is_empty
    assert not december.payouts.is_empty  # the payout of 5 December
    assert december.rejections.is_empty


def test_a_one_month_period_draws_one_labelled_month(ledger: Services) -> None:
    tr = ledger.ctx.tr
    whole = charts.chart_set(ledger, date(2026, 2, 1), date(2026, 3, 1))
    for kind in KINDS:
        data = whole.get(kind)
        assert not data.is_empty, kind
        figure = charts.figure_for(kind, data, tr)
        axes = figure.axes[0]
        assert [t.get_text() for t in axes.get_xticklabels()] == ["Feb 2026"], kind
        assert axes.get_xlim()[0] < 0 < axes.get_xlim()[1]


def test_a_period_of_no_days_is_empty(ledger: Services) -> None:
    whole = charts.chart_set(ledger, JAN, JAN)
    assert all(whole.get(kind).is_empty for kind in KINDS)
    figure = charts.figure_for("income", whole.income, ledger.ctx.tr)
    assert "No data for this period" in [t.get_text() for t in figure.axes[0].texts]


# -- the figures -----------------------------------------------------------------------------


def test_figures_carry_titles_currency_symbols_and_exact_hover_values(
    ledger: Services,
) -> None:
    tr = ledger.ctx.tr
    whole = charts.chart_set(ledger, JAN, APR)
    titles = {}
    for kind in KINDS:
        figure = charts.new_figure()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            targets = charts.draw_chart(figure, whole.get(kind), tr)
            figure.canvas.draw()  # type: ignore[no-untyped-call]
        assert targets, kind
        titles[kind] = figure.texts[0].get_text()
        assert titles[kind] == charts.chart_title(kind, tr)
        axes = figure.axes[0]
        texts = [t.text for t in targets]
        if kind == "income":
            assert axes.get_ylabel() == "Amount (€)"
            assert "Prolific, January 2026: earned €18.60" in texts
            assert "MTurk, February 2026: €0.90 still pending" in texts
            assert "MTurk, February 2026: €1.08 rejected (not paid)" in texts
            assert "Swiss" in axes.get_xlabel()  # the note on unconverted amounts
        if kind == "wage":
            assert axes.get_ylabel() == "Per hour (€)"
            assert ("Prolific, January 2026: €7.44/h over 2 h 30 min "
                    "(below your minimum of €12.02/h)") in texts
        if kind == "payouts":
            assert any(t.startswith("MTurk: $8.00 requested on Feb 10, 2026, still waiting "
                                    "after 27.9 days") for t in texts)
        if kind == "rejections":
            assert "MTurk, February 2026: 3 rejected of 28 decided tasks (10.7%)" in texts
        if kind == "time":
            assert "February 2026: Managing payments 15 min (8.3% of 3 h 00 min)" in texts
    assert len(set(titles.values())) == 5


def test_hover_finds_the_bar_or_point_under_the_mouse(ledger: Services) -> None:
    tr = ledger.ctx.tr
    whole = charts.chart_set(ledger, JAN, APR)
    figure = charts.new_figure()
    targets = charts.draw_chart(figure, whole.wage, tr)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    point = next(t for t in targets if t.text.startswith("Local, February 2026"))
    assert point.point is not None
    x, y = point.axes.transData.transform(point.point)
    assert charts.hover_text(targets, float(x) + 2, float(y) - 2) == point.text
    assert charts.hover_text(targets, float(x) + 60, float(y) + 60) is None

    figure = charts.new_figure()
    targets = charts.draw_chart(figure, whole.income, tr)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    bar = next(t for t in targets if t.text == "Prolific, January 2026: earned €18.60")
    assert bar.box is not None
    x0, y0, x1, y1 = bar.box
    assert (x0, x1) == (-0.35, 0.35) and y1 - y0 == pytest.approx(18.60)
    x, y = bar.axes.transData.transform(((x0 + x1) / 2, (y0 + y1) / 2))
    assert charts.hover_text(targets, float(x), float(y)) == bar.text
    x, y = bar.axes.transData.transform((0.5, (y0 + y1) / 2))  # between two months
    assert charts.hover_text(targets, float(x), float(y)) is None


def test_french_charts_use_french_months_and_money(
    ledger: Services, tmp_path: Path, clock: FakeClock
) -> None:
    french = Translator("fr")
    data = charts.income_data(ledger, JAN, APR)
    in_french = open_services(tmp_path / "db", clock, PARIS, french, "FR")  # the same database
    try:
        data_fr = charts.income_data(in_french, JAN, APR)
    finally:
        in_french.close()
    assert [m.label for m in data_fr.period.months] == ["janv. 2026", "févr. 2026", "mars 2026"]
    assert [s.values for s in data_fr.earned] == [s.values for s in data.earned]
    figure = charts.new_figure()
    targets = charts.draw_chart(figure, data_fr, french)
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    assert any("18,60\u00a0€" in t.text for t in targets)
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert any(tick.endswith("\u00a0€") for tick in ticks)



def test_hovering_an_income_bar_speaks_french(
    ledger: Services, tmp_path: Path, clock: FakeClock
) -> None:
    """The earned, pending and rejected bars' tooltips were left out of the catalogue."""
    french = Translator("fr")
    in_french = open_services(tmp_path / "db", clock, PARIS, french, "FR")  # the same database
    try:
        data_fr = charts.income_data(in_french, JAN, APR)
    finally:
        in_french.close()
    texts = [t.text for t in charts.draw_chart(charts.new_figure(), data_fr, french)]
    assert "Prolific, janvier 2026\u00a0: 18,60\u00a0€ gagnés" in texts, texts
    assert any(t.endswith(" encore en attente") for t in texts), texts
    assert any(t.endswith(" rejetés (non payés)") for t in texts), texts
    assert not any("earned" in t or "pending" in t or "rejected" in t for t in texts)

# -- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_exported_files_are_valid_and_of_sensible_size(
    ledger: Services, tmp_path: Path, suffix: str
) -> None:
    tr = ledger.ctx.tr
    data = charts.chart_data("income", ledger, JAN, APR)
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"income{suffix}"
    charts.save_figure(charts.figure_for("income", data, tr), target, tr)
    content = target.read_bytes()
    assert 5_000 < len(content) < 2_000_000
    if suffix == ".png":
        assert content.startswith(b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(content[16:20], "big")
        height = int.from_bytes(content[20:24], "big")
        assert (width, height) == (1200, 675)  # 8 × 4.5 inches at 150 dpi
    elif suffix == ".svg":
        root = ElementTree.fromstring(content)
        assert root.tag.endswith("svg")
        assert b"<svg" in content
    else:
        from pypdf import PdfReader

        assert content.startswith(b"%PDF")
        reader = PdfReader(io.BytesIO(content))
        assert len(reader.pages) == 1
        assert "Income per month" in reader.pages[0].extract_text()
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary file left


def test_a_bad_extension_is_refused_naming_it(ledger: Services, tmp_path: Path) -> None:
    tr = ledger.ctx.tr
    figure = charts.figure_for("time", charts.time_data(ledger, JAN, APR), tr)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InvalidInput, match=r"\.jpg"):
        charts.save_figure(figure, out / "time.jpg", tr)
    with pytest.raises(InvalidInput, match="does not exist"):
        charts.save_figure(figure, out / "missing" / "time.png", tr)
    assert list(out.iterdir()) == []
    with pytest.raises(ValueError):
        charts.figure_for("wage", charts.time_data(ledger, JAN, APR), tr)


def test_importing_the_charts_does_not_import_matplotlib_or_qt() -> None:
    code = ("import sys, app.charts; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert done.returncode == 0, done.stderr


def test_data_types_are_comparable_for_redraw_decisions(ledger: Services) -> None:
    first = charts.chart_set(ledger, JAN, APR)
    again = charts.chart_set(ledger, JAN, APR)
    assert first == again
    ledger.tasks.add("Local", "1.00", status="approved", submitted=utc(3, 3, 10))
    after = charts.chart_set(ledger, JAN, APR)
    assert after.income != first.income
    assert after.payouts == first.payouts
    assert isinstance(after.income, IncomeData) and isinstance(after.wage, WageData)
    assert isinstance(after.time, TimeData) and isinstance(after.payouts, PayoutData)
    assert isinstance(after.rejections, RejectionData)


@pytest.mark.parametrize("kind", KINDS)
def test_redrawing_a_figure_gives_the_picture_of_a_new_one(ledger: Services, kind: str) -> None:
    """The window redraws each chart on its own figure (keeping the Axes and its ticks);
    after any sequence of periods the pixels are those of a figure drawn once."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    tr = ledger.ctx.tr
    periods = [
        (JAN, APR),  # three months, 40° month labels off
        (date(2025, 1, 1), APR),  # fifteen months, rotated labels
        (date(2024, 1, 1), date(2024, 2, 1)),  # no data
        (date(2026, 2, 1), date(2026, 3, 1)),  # one month
    ]

    def pixels(figure: Any) -> bytes:
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        return bytes(canvas.buffer_rgba())

    reused = charts.new_figure()
    for index, (first, end) in enumerate(periods):
        data = charts.chart_data(kind, ledger, first, end)  # type: ignore[arg-type]
        charts.draw_chart(reused, data, tr)
        fresh = charts.new_figure()
        charts.draw_chart(fresh, data, tr)
        assert pixels(reused) == pixels(fresh), (kind, index)


@pytest.mark.parametrize("kind", KINDS)
def test_axis_labels_sit_past_the_tick_labels_inside_the_figure(
    ledger: Services, kind: str
) -> None:
    """The margins engine places the axis labels itself (matplotlib would measure every
    tick label again on each draw): beyond the tick labels by matplotlib's labelpad,
    never over them, never cut by the figure's edge, also after the figure is resized."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    tr = ledger.ctx.tr
    data = charts.chart_data(kind, ledger, date(2025, 1, 1), APR)  # type: ignore[arg-type]
    figure = charts.new_figure()
    charts.draw_chart(figure, data, tr)
    canvas = FigureCanvasAgg(figure)
    for size in ((8.0, 4.5), (5.0, 3.0), (6.66, 3.4), (10.0, 6.0), (4.0, 2.5), (8.0, 4.5)):
        figure.set_size_inches(size)
        canvas.draw()
        renderer = canvas.get_renderer()
        axes = figure.axes[0]
        pad = axes.yaxis.labelpad * figure.dpi / 72
        ylabel = axes.yaxis.label.get_window_extent(renderer)
        yticks = [t.get_window_extent(renderer) for t in axes.get_yticklabels() if t.get_text()]
        inner = [b for b in yticks if axes.bbox.y0 - 1 <= (b.y0 + b.y1) / 2 <= axes.bbox.y1 + 1]
        assert inner, kind
        assert ylabel.x1 == pytest.approx(min(b.x0 for b in inner) - pad, abs=1.5), (kind, size)
        assert ylabel.x0 >= 0, (kind, size)
        assert min(b.x0 for b in inner) >= 0, (kind, size)
        months = [t.get_window_extent(renderer) for t in axes.get_xticklabels() if t.get_text()]
        assert max(b.y1 for b in months) < axes.bbox.y0
        assert min(b.y0 for b in months) >= 0, (kind, size)
        if axes.get_xlabel():
            note = axes.xaxis.label.get_window_extent(renderer)
            assert note.y1 == pytest.approx(min(b.y0 for b in months) - pad, abs=1.5)
            assert note.y0 >= 0, (kind, size)
            assert note.x0 == pytest.approx(axes.bbox.x0, abs=1.5)


def test_an_empty_chart_still_says_which_amounts_had_no_exchange_rate(
    services: Services,
) -> None:
    """Only a platform paid in a currency with no rate: the money charts have nothing to
    draw, and the note saying why is shown under "No data for this period" (the axes are
    hidden, so it cannot be their label)."""
    services.platforms.add("Swiss", "CHF")
    work(services, "Swiss", utc(2, 10, 8), 30)
    services.tasks.add("Swiss", "3.00", status="approved", submitted=utc(2, 10, 8, 20))
    whole = charts.chart_set(services, JAN, APR)
    for kind in ("income", "wage"):
        data = whole.get(kind)
        assert data.is_empty and data.unconverted == ("Swiss",), kind  # type: ignore[union-attr]
        figure = charts.figure_for(kind, data, services.ctx.tr)
        figure.canvas.draw()
        shown = [t.get_text() for ax in figure.axes for t in ax.texts if t.get_visible()]
        assert "No data for this period" in shown, kind
        assert any("Swiss" in text and "exchange rate" in text for text in shown), (kind, shown)
