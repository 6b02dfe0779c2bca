"""The Ledger page and its model: paging over SQL, filters, inline edits, bulk changes, files."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QStyleOptionViewItem

from app.services import Services
from app.services.ledger_query import LedgerFilter, LedgerQuery
from ui.gui.context import GuiContext
from ui.gui.models.ledger_model import CHUNK, Column, LedgerModel
from ui.gui.pages import ledger as ledger_module
from ui.gui.pages import ledger_batch
from ui.gui.pages.ledger import LedgerPage

START = int(datetime(2026, 1, 5, 8, 0, tzinfo=UTC).timestamp())
PENDING_PROLIFIC = 30


def _fill(services: Services, count: int = 600, seed: int = 3) -> dict[str, int]:
    ids = {
        "Prolific": services.platforms.add("Prolific", "GBP").id,
        "MTurk": services.platforms.add("MTurk", "USD").id,
        "Clickworker": services.platforms.add("Clickworker", "EUR").id,
    }
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for index in range(count):
        if index < PENDING_PROLIFIC:
            name, status = "Prolific", "pending"
        else:
            name = rng.choice(("MTurk", "Clickworker"))
            status = rng.choice(("approved", "approved", "rejected", "returned"))
        submitted = START + index * 3600
        rows.append(
            {
                "platform_id": ids[name],
                "external_id": f"T{index:04d}",
                "title": rng.choice(("Transcribe a receipt", "Survey about food", "Tag images")),
                "requester": rng.choice(("North Lab", "Data Co")),
                "reward": rng.choice((10, 25, 150)),
                "currency": {"Prolific": "GBP", "MTurk": "USD", "Clickworker": "EUR"}[name],
                "status": status,
                "submitted_at": submitted,
                "decided_at": None if status == "pending" else submitted + 600,
            }
        )
    services.tasks.bulk_insert(rows, "import:test")
    services.rates.set("GBP", "1.17", on=date(2025, 12, 1))
    services.rates.set("USD", "0.92", on=date(2025, 12, 1))
    return ids


@pytest.fixture
def platforms(services: Services) -> dict[str, int]:
    return _fill(services)


@pytest.fixture
def page(gui_context: GuiContext, platforms: dict[str, int], qtbot: Any) -> Iterator[LedgerPage]:
    shown = LedgerPage(gui_context)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.stop_timers()


def _ids(model: LedgerModel, rows: Any) -> list[int]:
    return [model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) for row in rows]


def _select(page: LedgerPage, first: int, last: int) -> None:
    model = page.model
    selection = QItemSelection(model.index(first, 0), model.index(last, len(Column) - 1))
    page.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def _choose(combo: Any, data: Any) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


# -- the model -------------------------------------------------------------------------------


def test_model_passes_qtmodeltester(
    gui_context: GuiContext, services: Services, qtmodeltester: Any
) -> None:
    _fill(services, count=3 * CHUNK + 17)
    model = LedgerModel(gui_context)
    model.load_now()
    assert model.rowCount() == 3 * CHUNK + 17
    qtmodeltester.check(model)
    model.set_filter(LedgerFilter(text="receipt"))  # ordered ids, not keyset
    qtmodeltester.check(model)
    model.sort(Column.REWARD, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.stop()


def test_rows_read_in_any_order_match_the_plain_order(
    gui_context: GuiContext, services: Services
) -> None:
    count = 5 * CHUNK + 3
    _fill(services, count=count)
    expected = [task.id for task in services.tasks.list()]
    model = LedgerModel(gui_context)
    model.load_now()
    newest_first = list(reversed(expected))
    # Jump to the end, the middle, then the start: row N is found without reading the rest.
    for row in (count - 1, count // 2, CHUNK * 3 + 5, 1, 0, count - CHUNK - 1):
        assert _ids(model, [row]) == [newest_first[row]]
    assert _ids(model, range(count)) == newest_first
    model.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    assert _ids(model, [count - 1, count // 2, 0]) == [
        expected[count - 1],
        expected[count // 2],
        expected[0],
    ]
    assert _ids(model, range(count)) == expected
    # Bulk reads of row spans (selections).
    assert model.task_ids([(3, 7), (count - 2, count + 10)]) == expected[3:8] + expected[-2:]
    # Display strings are preformatted; amounts right-aligned.
    index = model.index(0, Column.REWARD)
    assert isinstance(model.data(index), str) and model.data(index)
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) is not None
    model.stop()


def test_big_filters_load_on_a_worker(
    gui_context: GuiContext, services: Services, qtbot: Any
) -> None:
    ids = _fill(services)
    model = LedgerModel(gui_context)
    model.sync_limit = 0  # behave as with a million tasks
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.reload()
        assert model.busy
    assert model.rowCount() == 600
    qtbot.waitUntil(lambda: model.totals is not None and not model.totals_busy, timeout=10000)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filter(LedgerFilter(platform_id=ids["Prolific"]))
    assert model.rowCount() == PENDING_PROLIFIC
    qtbot.waitUntil(lambda: model.totals is not None and not model.totals_busy, timeout=10000)
    totals = model.totals
    assert totals is not None and totals.count == PENDING_PROLIFIC
    expected = LedgerQuery(services.ctx).totals(
        LedgerFilter(platform_id=ids["Prolific"]), services.rates.table()
    )
    assert totals == expected and totals.home is not None
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filter(LedgerFilter(text="survey"))
    assert model.rowCount() == sum(
        1 for task in services.tasks.list() if "survey" in (task.title or "").lower()
    )
    model.stop()


# -- the page --------------------------------------------------------------------------------


def test_page_shows_every_task_with_totals(page: LedgerPage, services: Services) -> None:
    model = page.model
    assert model.rowCount() == 600
    assert page.table.horizontalHeader().sectionResizeMode(Column.DATE).name == "Interactive"
    totals = LedgerQuery(services.ctx).totals(LedgerFilter(), services.rates.table())
    assert totals.home is not None
    text = page.totals_label.text()
    assert text.startswith("600 tasks")
    assert "€" in text and "converted to EUR" in text
    newest = services.tasks.get(_ids(model, [0])[0])
    assert model.data(model.index(0, Column.TASK_ID)) == newest.external_id
    for widget in (page.platform_filter, page.status_filter, page.period_filter, page.search,
                   page.table, page.status_button, page.delete_button, page.attach_button,
                   page.files_list, page.open_file_button, page.remove_file_button):
        assert widget.accessibleName(), widget


def test_filters_and_search(page: LedgerPage, services: Services, qtbot: Any,
                            platforms: dict[str, int]) -> None:
    model = page.model
    _choose(page.platform_filter, platforms["Prolific"])
    assert model.rowCount() == PENDING_PROLIFIC
    _choose(page.status_filter, "rejected")
    assert model.rowCount() == 0
    assert page.totals_label.text().startswith("0 tasks")
    _choose(page.platform_filter, None)
    rejected = [t for t in services.tasks.list() if t.status == "rejected"]
    assert model.rowCount() == len(rejected) > 0
    _choose(page.status_filter, None)
    # Between two dates (local days, both included): 2026-01-05 08:00 UTC + one task an hour.
    _choose(page.period_filter, "custom")
    assert page.first_day.isVisible()
    page.first_day.setDate(date(2026, 1, 6))
    page.last_day.setDate(date(2026, 1, 7))
    assert model.rowCount() == 48
    _choose(page.period_filter, "all")
    assert model.rowCount() == 600 and not page.first_day.isVisible()
    # Ctrl+F goes to the search box; typing filters after a short pause.
    page.table.setFocus()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "T000")
    assert model.rowCount() == 600  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=3000)
    assert sorted(_ids(model, range(10))) == [t.id for t in services.tasks.list()][:10]
    page.search.clear()
    page.apply_filters()
    assert model.rowCount() == 600


def test_sorting_by_a_header_goes_to_sql(page: LedgerPage, services: Services) -> None:
    model = page.model
    page.table.sortByColumn(Column.REWARD, Qt.SortOrder.DescendingOrder)
    rewards = [model.row_at(row).reward for row in range(600)]  # type: ignore[union-attr]
    assert rewards == sorted(rewards, reverse=True)
    page.table.sortByColumn(Column.TASK_ID, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, Column.TASK_ID)) == "T0000"
    assert model.data(model.index(599, Column.TASK_ID)) == "T0599"


def test_bulk_status_change_and_ctrl_z(
    page: LedgerPage, services: Services, gui_context: GuiContext, qtbot: Any,
    platforms: dict[str, int],
) -> None:
    undo = gui_context.undo_stack.createUndoAction(page)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    page.addAction(undo)
    _choose(page.status_filter, "pending")
    model = page.model
    assert model.rowCount() == PENDING_PROLIFIC
    _select(page, 0, 19)
    assert page.selected_count() == 20
    assert page.selection_label.text() == "20 tasks selected"
    chosen = page.selected_task_ids()
    before = {task_id: services.tasks.get(task_id) for task_id in chosen}
    assert {t.status for t in before.values()} == {"pending"}
    page.set_status_of_selection("approved")
    after = [services.tasks.get(task_id) for task_id in chosen]
    assert {t.status for t in after} == {"approved"}
    assert all(t.decided_at is not None for t in after)
    assert model.rowCount() == PENDING_PROLIFIC - 20  # they left the "pending" filter
    assert gui_context.undo_stack.undoText() == "Set 20 tasks to Approved"

    page.table.setFocus()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    restored = [services.tasks.get(task_id) for task_id in chosen]
    assert [(t.status, t.decided_at, t.submitted_at) for t in restored] == [
        (before[i].status, before[i].decided_at, before[i].submitted_at) for i in chosen
    ]
    assert {t.status for t in restored} == {"pending"}
    assert model.rowCount() == PENDING_PROLIFIC
    gui_context.undo_stack.redo()
    assert {services.tasks.get(i).status for i in chosen} == {"approved"}
    assert services.audit.verify().intact


def test_a_long_bulk_change_runs_on_a_worker(
    page: LedgerPage, services: Services, gui_context: GuiContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ledger_batch, "SYNC_BULK", 10)
    monkeypatch.setattr(ledger_batch, "BULK_BATCH", 40)
    _select(page, 0, 149)
    chosen = page.selected_task_ids()
    before = {i: services.tasks.get(i).status for i in chosen}
    page.set_status_of_selection("expired")
    assert {services.tasks.get(i).status for i in chosen} == {"expired"}
    gui_context.undo_stack.undo()
    assert {i: services.tasks.get(i).status for i in chosen} == before


def test_too_many_selected_is_explained(
    page: LedgerPage, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_module, "MAX_BULK", 100)
    page.table.selectAll()
    assert page.selected_count() == 600
    head = services.audit.head()
    page.set_status_of_selection("approved")
    assert "600 tasks are selected; change at most 100" in page.hint_label.text()
    assert services.audit.head() == head


def test_delete_and_undo(page: LedgerPage, services: Services, gui_context: GuiContext) -> None:
    _select(page, 2, 4)
    chosen = page.selected_task_ids()
    before = [services.tasks.get(i) for i in chosen]
    page.delete_selection()  # the confirmation box answers OK in tests
    assert page.model.rowCount() == 597
    assert not any(t.id in chosen for t in services.tasks.list())
    gui_context.undo_stack.undo()
    assert [services.tasks.get(i) for i in chosen] == before
    assert page.model.rowCount() == 600


def test_an_invalid_inline_edit_is_refused(
    page: LedgerPage, services: Services, gui_context: GuiContext
) -> None:
    model = page.model
    index = model.index(0, Column.REWARD)
    task = services.tasks.get(model.data(index, Qt.ItemDataRole.UserRole))
    head = services.audit.head()
    # As the worker types: the editor turns red and the page says why.
    editor = page.delegate.createEditor(page.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit)
    page.delegate.setEditorData(editor, index)
    assert editor.text() == f"{task.reward // 100}.{task.reward % 100:02d}"
    editor.setText("abc")
    assert editor.property("invalid") is True
    assert "is not an amount" in page.hint_label.text()
    editor.setText("1,5")
    assert editor.property("invalid") is False and page.hint_label.text() == ""
    editor.setText("abc")
    # Committing it anyway is refused, and nothing is written.
    assert model.setData(index, "abc") is False
    assert "'abc' is not an amount" in page.hint_label.text()
    assert model.setData(model.index(0, Column.BONUS), "-1") is False
    assert "cannot be negative" in page.hint_label.text()
    assert model.setData(model.index(0, Column.STATUS), "lost") is False
    assert model.setData(model.index(0, Column.DATE), "2026-01-01") is False
    assert model.setData(model.index(0, Column.TITLE), "x" * 501) is False
    assert services.tasks.get(task.id) == task
    assert services.audit.head() == head
    assert gui_context.undo_stack.count() == 0
    editor.deleteLater()


def test_inline_edits_are_saved_and_undoable(
    page: LedgerPage, services: Services, gui_context: GuiContext
) -> None:
    model = page.model
    row = 5
    task_id = model.data(model.index(row, 0), Qt.ItemDataRole.UserRole)
    before = services.tasks.get(task_id)
    assert model.setData(model.index(row, Column.REWARD), "2,50") is True
    assert services.tasks.get(task_id).reward == 250
    assert model.data(model.index(row, Column.REWARD)).endswith("2.50")
    # The row stays where it is while the worker edits; the totals follow.
    assert model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) == task_id
    assert model.setData(model.index(row, Column.TITLE), "  Checked survey ") is True
    assert services.tasks.get(task_id).title == "Checked survey"
    assert model.setData(model.index(row, Column.STATUS), "rejected") is True
    assert services.tasks.get(task_id).status == "rejected"
    assert model.data(model.index(row, Column.STATUS)) == "Rejected"
    assert model.setData(model.index(row, Column.EARNED), "") is True  # unchanged: no step
    assert gui_context.undo_stack.count() == 3
    for _ in range(3):
        gui_context.undo_stack.undo()
    after = services.tasks.get(task_id)
    assert (after.reward, after.title, after.status, after.decided_at) == (
        before.reward,
        before.title,
        before.status,
        before.decided_at,
    )
    # A duplicate task id is refused by the service: the error is shown, nothing changes.
    other = model.data(model.index(row + 1, Column.TASK_ID))
    assert model.setData(model.index(row, Column.TASK_ID), other) is False
    assert services.tasks.get(task_id).external_id == before.external_id


def _drop(page: LedgerPage, row: int, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    rect = page.table.visualRect(page.model.index(row, Column.TITLE))
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.table.dropEvent(event)
    assert event.isAccepted()


def test_files_dropped_on_a_row_are_attached_once(
    page: LedgerPage, services: Services, gui_context: GuiContext, tmp_path: Path
) -> None:
    shot = tmp_path / "rejection.png"
    shot.write_bytes(b"\x89PNG screenshot of the rejection")
    model = page.model
    first_task = model.task_id(1)
    _drop(page, 1, [shot])
    assert page.current_task_id() == first_task
    assert [info.file_name for info in page.attachments.list_for("task", first_task)] == [
        "rejection.png"
    ]
    assert page.files_list.count() == 1 and "rejection.png" in page.files_list.item(0).text()
    assert model.data(model.index(1, Column.FILES)) == "1"
    # The same file on another task: linked twice, stored once.
    _drop(page, 2, [shot])
    stored = [p for p in page.attachments.folder.iterdir()]
    assert len(stored) == 1
    # Twice on the same task: refused with a message, nothing added.
    _drop(page, 2, [shot])
    assert len(page.attachments.list_for("task", model.task_id(2))) == 1  # type: ignore[arg-type]
    gui_context.undo_stack.undo()
    assert page.attachments.list_for("task", model.task_id(2)) == []  # type: ignore[arg-type]
    assert len(list(page.attachments.folder.iterdir())) == 1


def test_attach_button_and_remove(
    page: LedgerPage, services: Services, gui_context: GuiContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, _no_modal_boxes: list[str],
) -> None:
    mail = tmp_path / "support reply.eml"
    mail.write_bytes(b"From: support")
    assert page.current_task_id() is None
    page.on_attach_button_clicked()
    assert page.hint_label.text() == "Select a task first."
    page.table.setCurrentIndex(page.model.index(3, 0))
    task_id = page.current_task_id()
    assert task_id is not None
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(mail)], ""))
    )
    page.attach_button.click()
    assert [a.file_name for a in page.attachments.list_for("task", task_id)] == [
        "support reply.eml"
    ]
    page.remove_file_button.click()
    assert page.attachments.list_for("task", task_id) == []
    gui_context.undo_stack.undo()  # the removed file comes back under its own name
    assert [a.file_name for a in page.attachments.list_for("task", task_id)] == [
        "support reply.eml"
    ]
    huge = tmp_path / "huge.mov"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    page.attach_files(task_id, [huge])
    assert any("huge.mov is too large" in text for text in _no_modal_boxes)


def test_stop_timers_leaves_nothing_running(page: LedgerPage, qtbot: Any) -> None:
    qtbot.keyClicks(page.search, "rec")
    assert page._search_timer.isActive()
    page.model.sync_limit = 0
    page.model.reload()
    page.stop_timers()
    assert not page._search_timer.isActive()


def test_enter_does_not_leave_a_refused_cell(
    page: LedgerPage, services: Services, gui_context: GuiContext, qtbot: Any
) -> None:
    model, table = page.model, page.table
    index = model.index(0, Column.REWARD)
    task = services.tasks.get(model.data(index, Qt.ItemDataRole.UserRole))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next pass of the event loop
    assert table.state() == table.State.EditingState  # still editing: fix it or press Escape
    assert services.tasks.get(task.id) == task
    assert "is not an amount" in page.hint_label.text()
    editor.selectAll()
    qtbot.keyClicks(editor, "0,75")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # commits when idle
    assert services.tasks.get(task.id).reward == 75
    assert gui_context.undo_stack.count() == 1
