"""The Today page: the timer with a fake clock, switching, the left-running banner, undo,
the quick task entry and the "still working?" question."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.clock import FakeClock
from app.domain.statuses import Activity
from app.services import Services
from ui.gui.context import GuiContext
from ui.gui.pages.today import TodayPage


@pytest.fixture
def page(gui_context: GuiContext, services: Services, qtbot: QtBot) -> Iterator[TodayPage]:
    services.platforms.add("Prolific", "GBP")
    services.platforms.add("MTurk", "USD")
    created = TodayPage(gui_context)
    qtbot.addWidget(created)
    created.show()
    yield created
    created.stop_timers()


def running(services: Services) -> str | None:
    status = services.timer.status()
    return status.session.platform if status.session else None


def test_start_shows_elapsed_from_the_stored_start(
    page: TodayPage, services: Services, clock: FakeClock, qtbot: QtBot
) -> None:
    page.platform_combo.setCurrentText("Prolific")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert running(services) == "Prolific"
    assert page.start_button.text() == "Stop"
    clock.advance(seconds=3725)
    page.on_timer_timeout()
    assert page.elapsed.text() == "1:02:05"
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert running(services) is None
    assert page.start_button.text() == "Start"
    session = services.timer.sessions_between(clock.now() - timedelta(days=1), clock.now())[0]
    assert session.ended_at is not None
    assert (session.ended_at - session.started_at).total_seconds() == 3725


def test_changing_activity_while_running_switches_at_that_instant(
    page: TodayPage, services: Services, clock: FakeClock
) -> None:
    page.platform_combo.setCurrentText("Prolific")
    page.on_start_button_clicked()
    clock.advance(minutes=20)
    index = page.activity_combo.findData(Activity.SEARCH.value)
    page.activity_combo.setCurrentIndex(index)
    page.on_activity_combo_activated(index)
    sessions = services.timer.sessions_between(
        clock.now() - timedelta(hours=1), clock.now() + timedelta(seconds=1)
    )
    assert [s.activity for s in sessions] == ["task", "search"]
    assert sessions[0].ended_at == sessions[1].started_at == clock.now().replace(microsecond=0)
    assert sessions[1].ended_at is None


def test_undo_and_redo_a_start(
    page: TodayPage, gui_context: GuiContext, services: Services
) -> None:
    page.platform_combo.setCurrentText("MTurk")
    page.on_start_button_clicked()
    assert running(services) == "MTurk"
    gui_context.undo_stack.undo()
    assert running(services) is None
    assert page.start_button.text() == "Start"
    gui_context.undo_stack.redo()
    assert running(services) == "MTurk"
    assert services.audit.verify().intact


def test_a_session_left_running_shows_the_banner_and_can_be_stopped_in_the_past(
    gui_context: GuiContext, services: Services, clock: FakeClock, qtbot: QtBot
) -> None:
    services.platforms.add("Prolific", "GBP")
    services.timer.start("Prolific", at=clock.now() - timedelta(hours=9))
    page = TodayPage(gui_context)
    qtbot.addWidget(page)
    page.show()
    try:
        assert page.banner.isVisible()
        assert "Prolific" in page.banner_text.text()
        stop_at = clock.now() - timedelta(hours=6)
        from ui.gui.dialogs.session_dialog import to_qdatetime

        page.banner_stop_at.setDateTime(to_qdatetime(stop_at))
        page.on_banner_stop_clicked()
        assert running(services) is None
        assert not page.banner.isVisible()
        session = services.timer.sessions_between(stop_at - timedelta(days=1), stop_at)[0]
        assert session.ended_at == stop_at.replace(microsecond=0)
    finally:
        page.stop_timers()


def test_still_working_question_after_hours_without_use(
    page: TodayPage, services: Services, clock: FakeClock
) -> None:
    page.platform_combo.setCurrentText("Prolific")
    page.on_start_button_clicked()
    page.banner.hide()
    clock.advance(hours=2, minutes=59)
    page.on_timer_timeout()
    assert not page.banner.isVisible()
    clock.advance(minutes=2)
    page.on_timer_timeout()
    assert page.banner.isVisible()
    assert "Still working?" in page.banner_text.text()


def test_quick_task_entry_attaches_to_the_running_session(
    page: TodayPage, services: Services, qtbot: QtBot
) -> None:
    page.platform_combo.setCurrentText("Prolific")
    page.on_start_button_clicked()
    page.task_id.setText("65f1c")
    page.task_reward.setText("1,50")
    page.task_status.setCurrentIndex(page.task_status.findData("approved"))
    qtbot.mouseClick(page.add_task_button, Qt.MouseButton.LeftButton)
    tasks = list(services.tasks.list())
    assert [(t.external_id, t.reward, t.status, t.currency) for t in tasks] == [
        ("65f1c", 150, "approved", "GBP")
    ]
    assert tasks[0].session_id == services.timer.status().session.id  # type: ignore[union-attr]
    assert page.tasks_table.rowCount() == 1
    assert page.task_reward.text() == ""


def test_an_invalid_reward_is_refused_as_you_type(page: TodayPage, services: Services) -> None:
    page.platform_combo.setCurrentText("Prolific")
    page.task_reward.setText("abc")
    assert not page.add_task_button.isEnabled()
    assert "'abc'" in page.task_hint.text()
    page.on_add_task_clicked()
    page.task_reward.setText("2.00")
    assert page.add_task_button.isEnabled()
    assert list(services.tasks.list()) == [] or all(t.reward == 200 for t in services.tasks.list())


def test_totals_show_todays_real_hourly_wage(
    page: TodayPage, services: Services, clock: FakeClock
) -> None:
    services.rates.set("GBP", "1.20", clock.now().date() - timedelta(days=30))
    start = clock.now() - timedelta(hours=2)
    services.timer.start("Prolific", Activity.SEARCH, at=start)
    services.timer.start("Prolific", Activity.TASK, at=start + timedelta(hours=1), switch=True)
    services.timer.stop(at=clock.now())
    services.tasks.add("Prolific", "5.00", status="approved", submitted=clock.now())
    page.refresh()
    # 5.00 GBP × 1.20 = 6.00 EUR over 2 h = 3.00 EUR an hour.
    assert page.total_labels["paid"].text() == "1 h 00"
    assert page.total_labels["unpaid"].text() == "1 h 00"
    assert page.total_labels["earned"].text() == "€6.00"
    assert page.total_labels["wage"].text() == "€3.00/h"
    assert "Below your minimum" in page.threshold_note.text()


def test_changes_from_elsewhere_refresh_the_page(
    page: TodayPage, gui_context: GuiContext, services: Services, clock: FakeClock
) -> None:
    services.timer.start("MTurk", at=clock.now() - timedelta(minutes=5))
    gui_context.changed.emit(frozenset({"work_sessions"}))
    assert page.start_button.text() == "Stop"
    assert page.platform_combo.currentText() == "MTurk"


def test_datetime_helpers_round_trip() -> None:
    from ui.gui.dialogs.session_dialog import from_qdatetime, to_qdatetime

    instant = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert from_qdatetime(to_qdatetime(instant)) == instant
