"""The File menu's import wizard and the backups dialog, over real services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow, QMenu

from app.services import Services
from app.services.backups import BackupService
from ui.gui import data_actions
from ui.gui.context import ALL_TABLES, GuiContext
from ui.gui.dialogs.backup_dialog import BackupDialog
from ui.gui.dialogs.import_wizard import CHECK_PAGE, COLUMNS_PAGE, DONE_PAGE, ImportWizard

NATIVE = (
    "platform,external_id,title,status,reward\n"
    "Prolific,a1,Survey one,approved,1.50\n"
    "Prolific,a2,Survey two,pending,2.00\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _task_count(services: Services) -> int:
    return len(list(services.tasks.list()))


def _wizard(context: GuiContext, path: Path) -> ImportWizard:
    wizard = ImportWizard(context)
    wizard.restart()
    wizard.file_page.file_edit.setText(str(path))
    wizard.file_page.on_file_chosen()
    return wizard


def test_menu_entries(gui_context: GuiContext, qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = QMenu(window)
    data_actions.install(window, menu, gui_context)
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Import…", "Export…", "Back up now…", "Backups and restore…"]
    assert menu.actions()[0].shortcut().toString() == "Ctrl+I"


def test_wizard_dry_runs_then_imports_once(
    gui_context: GuiContext, services: Services, tmp_path: Path, qtbot: Any
) -> None:
    path = _write(tmp_path, "tasks.csv", NATIVE)
    changes: list[frozenset[str]] = []
    gui_context.changed.connect(changes.append)
    wizard = _wizard(gui_context, path)
    qtbot.addWidget(wizard)
    assert wizard.format() == "native"
    wizard.next()
    assert wizard.currentId() == COLUMNS_PAGE
    assert wizard.columns_page.table.rowCount() == 2
    assert wizard.columns_page.mapping()["reward"] == "reward"
    wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    summary = wizard.check_page.summary_label.text()
    assert "2 tasks would be added" in summary
    assert _task_count(services) == 0  # the dry run wrote nothing
    wizard.next()
    assert wizard.currentId() == DONE_PAGE
    assert "2 tasks added" in wizard.done_page.result_label.text()
    assert _task_count(services) == 2
    assert ALL_TABLES in changes

    again = _wizard(gui_context, path)
    qtbot.addWidget(again)
    again.next()
    again.next()
    assert "0 tasks would be added" in again.check_page.summary_label.text()
    again.next()
    assert "0 tasks added" in again.done_page.result_label.text()
    assert _task_count(services) == 2


def test_refused_file_writes_nothing(
    gui_context: GuiContext, services: Services, tmp_path: Path, qtbot: Any
) -> None:
    path = _write(tmp_path, "bad.csv", NATIVE + "Prolific,a3,Survey three,approved,lots\n")
    wizard = _wizard(gui_context, path)
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    assert "1 refused" in wizard.check_page.summary_label.text()
    errors = wizard.check_page.errors_label.text()
    assert "line 4" in errors
    assert not wizard.check_page.isComplete()
    wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    assert _task_count(services) == 0


def test_mapping_is_remembered(
    gui_context: GuiContext, services: Services, tmp_path: Path, qtbot: Any
) -> None:
    text = "Site;Job;State;Pay\nProlific;b1;approved;0,45\n"
    path = _write(tmp_path, "mine.csv", text)
    wizard = _wizard(gui_context, path)
    qtbot.addWidget(wizard)
    wizard.next()
    combos = wizard.columns_page.combos
    for field, column in (
        ("platform", "Site"),
        ("external_id", "Job"),
        ("status", "State"),
        ("reward", "Pay"),
    ):
        combos[field].setCurrentIndex(combos[field].findData(column))
    wizard.next()
    assert "1 tasks would be added" in wizard.check_page.summary_label.text()
    wizard.next()
    assert _task_count(services) == 1

    later = _wizard(gui_context, _write(tmp_path, "mine2.csv", text.replace("b1", "b2")))
    qtbot.addWidget(later)
    later.next()
    assert later.columns_page.mapping() == {
        "platform": "Site",
        "external_id": "Job",
        "status": "State",
        "reward": "Pay",
    }


def test_backup_now_is_listed_and_restore_brings_data_back(
    gui_context: GuiContext, services: Services, tmp_path: Path, qtbot: Any,
    _no_modal_boxes: list[str],
) -> None:
    path = _write(tmp_path, "tasks.csv", NATIVE)
    wizard = _wizard(gui_context, path)
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    wizard.next()
    assert _task_count(services) == 2

    dialog = BackupDialog(gui_context)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 0
    info = dialog.back_up_now()
    assert info is not None and info.path.is_file()
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(3) == info.path.name  # type: ignore[union-attr]
    assert "Last backup" in dialog.last_label.text()
    service = BackupService(services.ctx, services.settings)
    assert [b.path for b in service.list()] == [info.path]

    for task in list(services.tasks.list()):
        services.tasks.delete(task.id)
    assert _task_count(services) == 0

    changes: list[frozenset[str]] = []
    gui_context.changed.connect(changes.append)
    result = dialog.restore_selected()
    assert result is not None
    assert any("safety copy" in text for text in _no_modal_boxes)
    assert _task_count(services) == 2
    assert changes == [ALL_TABLES]


def test_export_writes_json(
    gui_context: GuiContext, tmp_path: Path, qtbot: Any, _no_modal_boxes: list[str]
) -> None:
    result = data_actions.export_to(gui_context, None, tmp_path / "all.json")
    assert result is not None and (tmp_path / "all.json").is_file()
    assert any("Exported to" in text for text in _no_modal_boxes)


def test_restore_checks_the_backup_behind_a_progress_bar_and_refuses_a_damaged_one(
    gui_context: GuiContext, services: Services, tmp_path: Path, qtbot: Any,
    _no_modal_boxes: list[str], monkeypatch: Any,
) -> None:
    import zipfile

    from ui.gui.dialogs import backup_dialog

    labels: list[str] = []
    original = backup_dialog.run_work

    def recording(context: GuiContext, parent: Any, label: str, work: Any) -> Any:
        labels.append(label)
        return original(context, parent, label, work)

    monkeypatch.setattr(backup_dialog, "run_work", recording)
    errors: list[str] = []
    monkeypatch.setattr(gui_context, "show_error", errors.append)
    services.platforms.add("Prolific", currency="GBP")
    services.tasks.add("Prolific", "2.50", external_id="P1")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("clickwage.sqlite", b"not a database")
    dialog = BackupDialog(gui_context)
    qtbot.addWidget(dialog)

    assert dialog.restore(broken) is None
    assert labels == ["Checking the backup…"]
    assert len(errors) == 1 and "broken.zip" in errors[0]
    assert _task_count(services) == 1
    assert not list(services.ctx.db.path.parent.glob(".restore-*"))
