"""The Charts page: what it draws is the report's data, it redraws only what changed, hover
tooltips, export, the period's warnings, and no thread left behind. Clock: 2026-03-10 09:00 UTC."""

from __future__ import annotations

import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import charts
from app.charts import KINDS
from app.domain.statuses import Activity
from app.services import Services
from ui.gui import pages
from ui.gui.context import GuiContext
from ui.gui.pages.charts import ChartsPage

LAST_12 = (date(2025, 4, 1), date(2026, 4, 1))
LAST_3 = (date(2026, 1, 1), date(2026, 4, 1))


def utc(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def fill(services: Services) -> None:
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("Local", "EUR", max_payout_days=3)
    services.rates.set("GBP", "1.20", date(2025, 6, 1))
    services.timer.start("Prolific", Activity.SEARCH, at=utc(1, 12, 8, 30))
    services.timer.start("Prolific", Activity.TASK, at=utc(1, 12, 9), switch=True)
    services.timer.stop(at=utc(1, 12, 11))
    for minute in (10, 40):
        services.tasks.add("Prolific", "5.00", status="approved", submitted=utc(1, 12, 9, minute))
    services.tasks.add("Prolific", "2.00", status="rejected", submitted=utc(1, 12, 10, 50))
    services.timer.start("Local", at=utc(2, 25, 10))
    services.timer.stop(at=utc(2, 25, 10, 30))
    services.tasks.add("Local", "4.00", status="approved", submitted=utc(2, 25, 10, 20))
    services.tasks.add("Prolific", "3.00", status="approved",
                       submitted=datetime(2025, 11, 5, 10, tzinfo=UTC), duration_minutes="20")
    services.payouts.add("Prolific", "10.00", utc(1, 20, 10), received=utc(1, 23, 10))
    services.payouts.add("Local", "4.00", utc(2, 26, 10))  # waiting 12 days: late for Local


class Draws:
    """Counts the Agg draws of each canvas (draw_idle() ends in one)."""

    def __init__(self, page: ChartsPage) -> None:
        self.count = dict.fromkeys(KINDS, 0)
        for kind, canvas in page.canvases.items():
            canvas.mpl_connect("draw_event", lambda _event, k=kind: self._add(k))

    def _add(self, kind: str) -> None:
        self.count[kind] += 1


@pytest.fixture
def page(gui_context: GuiContext, services: Services, qtbot: QtBot) -> Iterator[ChartsPage]:
    fill(services)
    created = ChartsPage(gui_context)
    qtbot.addWidget(created)
    created.resize(1100, 800)
    yield created
    created.stop_timers()


def shown(page: ChartsPage, qtbot: QtBot) -> Draws:
    """Show the page and wait until every chart is drawn and the warnings are listed."""
    page.show()
    draws = Draws(page)
    qtbot.waitUntil(lambda: all(draws.count.values()), timeout=20000)
    wait_for_flags(page, qtbot)
    return draws


def wait_for_flags(page: ChartsPage, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: "Checking" not in page.flags_label.text(), timeout=20000)


def choose(page: ChartsPage, key: str, qtbot: QtBot | None = None) -> None:
    """Choose a period; with qtbot, wait until the charts show it (they are read off the
    GUI thread unless cached)."""
    index = page.period_combo.findData(key)
    page.period_combo.setCurrentIndex(index)
    page.period_combo.activated.emit(index)
    if qtbot is not None:
        wait_for_charts(page, qtbot)


def wait_for_charts(page: ChartsPage, qtbot: QtBot) -> None:
    first, end = page.selected_period()
    platform = page.selected_platform()

    def showing() -> bool:
        periods = [page.shown[kind].period if kind in page.shown else None for kind in KINDS]
        return all(p is not None and (p.first, p.end, p.platform) == (first, end, platform)
                   for p in periods)

    qtbot.waitUntil(showing, timeout=20000)


def test_the_charts_show_the_reports_data_for_the_last_twelve_months(
    page: ChartsPage, services: Services, qtbot: QtBot
) -> None:
    assert page.canvases == {}  # nothing of matplotlib's Qt side until the page is shown
    shown(page, qtbot)
    assert page.period_combo.currentData() == "last12"
    assert page.selected_period() == LAST_12
    expected = charts.chart_set(services, *LAST_12)
    for kind in KINDS:
        assert page.shown[kind] == expected.get(kind), kind
        assert page.draw_counts[kind] == 1
        assert page.export_buttons[kind].isEnabled()
    assert len(page.shown["income"].period.months) == 12
    november = services.reports.report(date(2025, 11, 1), date(2025, 12, 1))
    prolific = next(p for p in november.platforms if p.platform.name == "Prolific")
    income = page.shown["income"]
    assert isinstance(income, charts.IncomeData)
    assert prolific.home is not None
    assert {s.platform: s.values[7] for s in income.earned}["Prolific"] == prolific.home.earned


def test_the_warnings_of_the_period_are_listed_as_sentences(
    page: ChartsPage, services: Services, qtbot: QtBot
) -> None:
    shown(page, qtbot)
    report = services.reports.report(*LAST_12)
    messages = [flag.message for p in report.platforms for flag in p.flags]
    assert any("Local" in message for message in messages)
    text = page.flags_label.text()
    for message in messages:
        assert f"• {message}" in text


def test_choosing_a_period_redraws_with_that_periods_data(
    page: ChartsPage, services: Services, qtbot: QtBot
) -> None:
    shown(page, qtbot)
    choose(page, "last3", qtbot)
    assert page.selected_period() == LAST_3
    assert page.shown["income"] == charts.income_data(services, *LAST_3)
    assert [m.label for m in page.shown["time"].period.months] == [
        "Jan 2026", "Feb 2026", "Mar 2026"]
    wait_for_flags(page, qtbot)
    choose(page, "year")
    assert page.year_spin.isVisible() and not page.from_edit.isVisible()
    page.year_spin.setValue(2025)
    qtbot.waitUntil(lambda: page.shown["wage"].period.first == date(2025, 1, 1), timeout=5000)
    assert page.shown["wage"] == charts.wage_data(services, date(2025, 1, 1), date(2026, 1, 1))
    wait_for_flags(page, qtbot)
    choose(page, "custom")
    assert page.from_edit.isVisible()
    page.from_edit.setDate(date(2026, 2, 10))
    page.to_edit.setDate(date(2026, 2, 27))
    qtbot.waitUntil(lambda: page.shown["payouts"].period.first == date(2026, 2, 10),
                    timeout=5000)
    payouts = page.shown["payouts"]
    assert isinstance(payouts, charts.PayoutData)
    assert payouts.period.end == date(2026, 2, 28)  # the last day is included
    assert [p.platform for p in payouts.points] == ["Local"]
    wait_for_flags(page, qtbot)
    assert gui_setting(page, "charts/period") == "custom"


def gui_setting(page: ChartsPage, key: str) -> Any:
    return page.context.settings.value(key)


def test_the_platform_filter_shows_one_platform(
    page: ChartsPage, services: Services, qtbot: QtBot
) -> None:
    shown(page, qtbot)
    assert [page.platform_combo.itemText(i) for i in range(page.platform_combo.count())] == [
        "All platforms", "Local", "Prolific"]
    index = page.platform_combo.findData("Local")
    page.platform_combo.setCurrentIndex(index)
    page.platform_combo.activated.emit(index)
    wait_for_charts(page, qtbot)
    assert page.shown["payouts"] == charts.payout_data(services, *LAST_12, "Local")
    wage = page.shown["wage"]
    assert isinstance(wage, charts.WageData)
    assert [s.platform for s in wage.series] == ["Local"]
    wait_for_flags(page, qtbot)
    assert "Prolific" not in page.flags_label.text()


def test_only_charts_whose_data_changed_are_redrawn(
    page: ChartsPage, gui_context: GuiContext, services: Services, qtbot: QtBot
) -> None:
    draws = shown(page, qtbot)
    before = dict(page.draw_counts)
    gui_context.changed.emit(frozenset({"tasks"}))  # nothing really changed
    wait_for_flags(page, qtbot)
    assert page.draw_counts == before
    services.tasks.add("Local", "1.50", status="approved", submitted=utc(3, 2, 10))
    gui_context.changed.emit(frozenset({"tasks"}))
    wait_for_flags(page, qtbot)
    assert page.draw_counts["income"] == before["income"] + 1
    assert page.draw_counts["rejections"] == before["rejections"] + 1  # one more decided task
    assert page.draw_counts["payouts"] == before["payouts"]
    assert page.draw_counts["time"] == before["time"]
    qtbot.waitUntil(lambda: draws.count["income"] >= 2, timeout=5000)  # draw_idle() ran
    gui_context.changed.emit(frozenset({"attachments"}))  # not a table the charts show
    assert page.draw_counts["income"] == before["income"] + 1


def test_hovering_shows_the_exact_value(page: ChartsPage, qtbot: QtBot) -> None:
    from matplotlib.backend_bases import MouseEvent

    shown(page, qtbot)
    choose(page, "last3")
    canvas = page.canvases["wage"]
    qtbot.waitUntil(lambda: not getattr(canvas, "_draw_pending", False), timeout=5000)
    canvas.draw()
    targets = page._targets["wage"]
    target = next(t for t in targets if t.text.startswith("Local, February 2026"))
    assert target.point is not None
    x, y = target.axes.transData.transform(target.point)
    event = MouseEvent("motion_notify_event", canvas, float(x) + 1, float(y) + 1)
    canvas.callbacks.process("motion_notify_event", event)
    assert page.hover_texts["wage"] == target.text
    assert "€8.00/h over 30 min" in target.text
    away = MouseEvent("motion_notify_event", canvas, 2.0, 2.0)
    canvas.callbacks.process("motion_notify_event", away)
    assert page.hover_texts["wage"] is None


@pytest.mark.parametrize(
    ("name", "chosen", "written", "magic"),
    [
        ("income.png", "PNG (*.png)", "income.png", b"\x89PNG"),
        ("income", "SVG (*.svg)", "income.svg", b"<?xml"),
        ("income.pdf", "SVG (*.svg)", "income.pdf", b"%PDF"),  # a typed extension wins
    ],
)
def test_export_writes_the_chosen_format(
    page: ChartsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    name: str, chosen: str, written: str, magic: bytes,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    shown(page, qtbot)
    out = tmp_path / "exports"
    out.mkdir()
    asked: list[str] = []

    def fake_dialog(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args[2])
        return str(out / name), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    messages: list[str] = []
    page.context.message.connect(messages.append)
    page.export_buttons["income"].click()
    target = out / written
    content = target.read_bytes()
    assert content.startswith(magic)
    assert 5_000 < len(content) < 2_000_000
    if written.endswith(".svg"):
        assert ElementTree.fromstring(content).tag.endswith("svg")
    assert asked[0].endswith("clickwage-income-2025-04-01-2026-03-31.png")
    assert messages == [f"Chart saved to {target}."]
    assert gui_setting(page, "charts/export_dir") == str(out)


def test_an_export_cancelled_writes_nothing(
    page: ChartsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    shown(page, qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page.export_buttons["time"].click()
    assert not list(tmp_path.glob("**/*.png"))


def test_an_empty_database_says_there_is_no_data(
    gui_context: GuiContext, qtbot: QtBot
) -> None:
    page = ChartsPage(gui_context)
    qtbot.addWidget(page)
    try:
        shown(page, qtbot)
        for kind in KINDS:
            figure = page.figures[kind]
            assert "No data for this period" in [t.get_text() for t in figure.axes[0].texts]
        assert page.flags_label.text() == "No warnings for this period."
        assert [page.platform_combo.itemText(i) for i in range(page.platform_combo.count())] \
            == ["All platforms"]
    finally:
        page.stop_timers()


def test_prewarm_runs_once_in_the_background_and_stops_with_the_page(
    page: ChartsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.show()
    monkeypatch.setattr(pages.charts, "matplotlib_ready", lambda: False)
    page.start_prewarm()
    future = page.prewarm_future
    assert future is not None
    future.result(timeout=60)
    page.start_prewarm()
    assert page.prewarm_future is future  # once
    page.stop_timers()
    assert not [t for t in threading.enumerate() if t.name.startswith("charts-prewarm")]
    page.start_prewarm()  # after closing: nothing starts
    assert page.prewarm_future is future


def test_the_page_module_does_not_import_matplotlib() -> None:
    code = ("import sys, ui.gui.pages.charts; "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.returncode == 0, done.stderr


def test_the_period_follows_the_clock(page: ChartsPage, fake_clock: Any, qtbot: QtBot) -> None:
    shown(page, qtbot)
    fake_clock.advance(timedelta(days=30).total_seconds())
    choose(page, "last3", qtbot)
    assert page.selected_period() == (date(2026, 2, 1), date(2026, 5, 1))
    wait_for_flags(page, qtbot)


def test_months_already_computed_are_not_computed_again(
    page: ChartsPage, services: Services, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown(page, qtbot)  # the last 12 months
    asked: list[tuple[date, date]] = []
    original = services.reports.report

    def counting(first: date, end: date, platform: str | None = None) -> Any:
        asked.append((first, end))
        return original(first, end, platform)

    monkeypatch.setattr(services.reports, "report", counting)
    choose(page, "last3", qtbot)
    wait_for_flags(page, qtbot)
    assert asked == [LAST_3]  # only the period's own report, for its warnings
    choose(page, "last12")
    assert asked == [LAST_3]  # both periods are cached
    assert page.shown["income"] == charts.income_data(services, *LAST_12)


def test_the_reports_are_read_off_the_gui_thread(
    page: ChartsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    original = charts.chart_set

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(charts, "chart_set", recording)
    shown(page, qtbot)
    assert threads and all(name.startswith("charts-data") for name in threads)


def test_the_last_twelve_months_are_read_ahead_while_the_page_is_idle(
    page: ChartsPage, qtbot: QtBot, services: Services
) -> None:
    page.context.settings.setValue("charts/period", "last3")
    page._restore_choice()
    shown(page, qtbot)
    assert page.selected_period() == LAST_3
    months = charts.month_slices(*LAST_12, services.ctx.tr)
    qtbot.waitUntil(lambda: all((m.first, m.end, None) in page._month_reports for m in months),
                    timeout=20000)
    choose(page, "last12")  # no wait: drawn from the months read ahead, on the spot
    assert page.shown["income"] == charts.income_data(services, *LAST_12)
    wait_for_flags(page, qtbot)


def test_an_error_while_reading_is_shown_not_raised(
    page: ChartsPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    _no_modal_boxes: list[str],
) -> None:
    from app.domain.errors import StorageError

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise StorageError("The database is locked.")

    monkeypatch.setattr(charts, "chart_set", broken)
    page.show()
    qtbot.waitUntil(lambda: bool(_no_modal_boxes), timeout=20000)
    assert _no_modal_boxes == ["The database is locked."]
    assert page.shown == {}
