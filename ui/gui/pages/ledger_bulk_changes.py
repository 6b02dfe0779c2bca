"""The Ledger's bulk changes: set the status of, or delete, the selected tasks.

Each is one undoable step; many tasks are changed on a worker by _BatchRunner
(ledger_batch.py). A mixin of LedgerPage (ledger.py): its texts keep the
"LedgerPage" translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.errors import ClickwageError
from ui.gui.labels import status_label
from ui.gui.pages.base import Page
from ui.gui.pages.ledger_batch import _BatchRunner

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class LedgerBulkChangesMixin(_Base):
    """The Set status… menu and the Delete button (and key) of the selected tasks."""

    _batches: _BatchRunner
    _bulk_ids: Callable[[], list[int] | None]
    show_problem: Callable[[str], None]

    def set_status_of_selection(self, status: str) -> None:
        ids = self._bulk_ids()
        if not ids:
            return
        tasks, label = self.services.tasks, status_label(status)
        text = (
            QCoreApplication.translate("LedgerPage", "Set a task to {status}").format(status=label)
            if len(ids) == 1
            else QCoreApplication.translate("LedgerPage", "Set {count} tasks to {status}").format(
                count=len(ids), status=label
            )
        )
        runner = self._batches

        def change_batch(batch: Sequence[int]) -> list[Any]:
            return tasks.set_status_many(batch, status)

        def restore_batch(batch: Sequence[Any]) -> list[Any]:
            tasks.restore_statuses(batch)
            return list(batch)

        def change() -> list[Any] | None:
            return runner.run(text, ids, change_batch, restore_batch)

        def put_back(previous: list[Any]) -> None:
            runner.run(
                QCoreApplication.translate("LedgerPage", "Undo: {text}").format(text=text),
                previous,
                restore_batch,
                None,
            )

        if self.context.push(text, change, put_back, {"tasks"}) is not None:
            self.show_problem("")
            self.context.message.emit(text)

    def delete_selection(self) -> None:
        ids = self._bulk_ids()
        if not ids:
            return
        question = (
            QCoreApplication.translate(
                "LedgerPage", "Delete this task? You can undo it with Ctrl+Z."
            )
            if len(ids) == 1
            else QCoreApplication.translate(
                "LedgerPage", "Delete these {count} tasks? You can undo it with Ctrl+Z."
            ).format(count=len(ids))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("LedgerPage", "Delete tasks"),
            question,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("deleteTasksBox")
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("LedgerPage", "Delete")
        )
        if box.exec() != QMessageBox.StandardButton.Ok:
            return
        tasks, runner = self.services.tasks, self._batches
        text = (
            QCoreApplication.translate("LedgerPage", "Delete a task")
            if len(ids) == 1
            else QCoreApplication.translate("LedgerPage", "Delete {count} tasks").format(
                count=len(ids)
            )
        )

        def restore(snapshots: Sequence[dict[str, Any]]) -> list[Any]:
            return [tasks.restore(snapshot) for snapshot in snapshots]

        def delete_batch(batch: Sequence[int]) -> list[Any]:
            done: list[dict[str, Any]] = []
            try:
                for task_id in batch:
                    done.append(tasks.delete(task_id))
            except ClickwageError:
                restore(done)
                raise
            return done

        def delete() -> list[Any] | None:
            return runner.run(text, ids, delete_batch, restore)

        def put_back(snapshots: list[dict[str, Any]]) -> None:
            runner.run(
                QCoreApplication.translate("LedgerPage", "Undo: {text}").format(text=text),
                snapshots,
                restore,
                None,
            )

        self.context.push(text, delete, put_back, {"tasks"})
