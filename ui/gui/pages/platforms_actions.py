"""The Platforms page's actions: a platform's add, edit, archive and warning signs; its events.

A mixin of PlatformsPage (platforms.py): its texts keep the "PlatformsPage" translation
context. Each change of a platform or an event goes through the undo stack; the warning
signs open their own dialog (ui/gui/dialogs/scam_signs_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services.records import EventInfo, PlatformInfo
from app.services.reports import PlatformReport
from ui.gui import formatting
from ui.gui.dialogs.event_dialog import EventDialog
from ui.gui.dialogs.platform_dialog import PlatformDialog
from ui.gui.labels import event_label
from ui.gui.pages.base import Page
from ui.gui.pages.payouts import push_create, push_delete

if TYPE_CHECKING:
    _Base = Page
else:
    _Base = object


class PlatformsActionsMixin(_Base):
    """What the page's buttons do; each change of the records can be undone."""

    _reports: list[PlatformReport]
    selected_platform: Callable[[], PlatformInfo | None]
    select_platform: Callable[[str], None]
    selected_event: Callable[[], EventInfo | None]

    # -- platform actions (undoable) -------------------------------------------------------

    def on_add_clicked(self) -> None:
        settings = self.services.settings.current()
        dialog = PlatformDialog(settings, self.services.ctx.tr, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        platforms = self.services.platforms
        created = push_create(
            self.context,
            QCoreApplication.translate("PlatformsPage", "Add a platform"),
            lambda: platforms.add(**values),
            platforms.delete,
            platforms.restore,
            {"platforms"},
        )
        if created is not None:
            self.select_platform(created.name)

    def on_edit_clicked(self) -> None:
        self._edit(focus_limits=False)

    def on_limits_clicked(self) -> None:
        self._edit(focus_limits=True)

    def _edit(self, focus_limits: bool) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        platforms = self.services.platforms
        before = self.context.run(lambda: platforms.editable(platform.id))
        if before is None:
            return
        settings = self.services.settings.current()
        dialog = PlatformDialog(settings, self.services.ctx.tr, self, current=before)
        if focus_limits:
            dialog.focus_limits()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        if all(before.get(key) == value for key, value in values.items()):
            return  # nothing changed: nothing to undo
        self.context.push(
            QCoreApplication.translate("PlatformsPage", "Edit {platform}").format(
                platform=platform.name
            ),
            lambda: platforms.update(platform.id, **values),
            lambda _updated: platforms.update(platform.id, **before),
            {"platforms"},
        )

    def on_archive_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        platforms = self.services.platforms
        archive = not platform.archived
        text = (
            QCoreApplication.translate("PlatformsPage", "Archive {platform}")
            if archive
            else QCoreApplication.translate("PlatformsPage", "Bring back {platform}")
        ).format(platform=platform.name)
        self.context.push(
            text,
            lambda: platforms.set_archived(platform.id, archive),
            lambda _changed: platforms.set_archived(platform.id, not archive),
            {"platforms"},
        )

    def on_signs_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is not None:
            from ui.gui.dialogs.scam_signs_dialog import edit_scam_signs

            edit_scam_signs(self.context, platform.name, self)

    # -- event actions (undoable) ----------------------------------------------------------

    def on_add_event_clicked(self) -> None:
        platform = self.selected_platform()
        if platform is None:
            return
        ctx = self.services.ctx
        choices = [r.platform for r in self._reports]
        dialog = EventDialog(
            choices, ctx.zone, ctx.clock.now(), ctx.tr, self, platform=platform.name
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        events = self.services.events
        push_create(
            self.context,
            QCoreApplication.translate("PlatformsPage", "Add an account event"),
            lambda: events.add(**values),
            events.delete,
            events.restore,
            {"account_events"},
        )

    def on_edit_event_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        ctx = self.services.ctx
        events = self.services.events
        before = self.context.run(lambda: events.editable(event.id))
        if before is None:
            return
        dialog = EventDialog(
            [], ctx.zone, ctx.clock.now(), ctx.tr, self, event=event, current=before
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.context.push(
            QCoreApplication.translate("PlatformsPage", "Correct an account event"),
            lambda: events.edit(event.id, **values),
            lambda _edited: events.edit(event.id, **before),
            {"account_events"},
        )

    def on_delete_event_clicked(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("PlatformsPage", "Delete an account event"),
            QCoreApplication.translate(
                "PlatformsPage",
                "Delete “{kind}” on {platform} from {date}? You can undo this with Ctrl+Z.",
            ).format(
                kind=event_label(event.kind),
                platform=event.platform,
                date=formatting.day_time(event.at, self.services.ctx.zone),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        events = self.services.events
        push_delete(
            self.context,
            QCoreApplication.translate("PlatformsPage", "Delete an account event"),
            event.id,
            events.delete,
            events.restore,
            {"account_events"},
        )
