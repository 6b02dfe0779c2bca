"""The main window: it only navigates between pages and holds the menus."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page


class MainWindow(QMainWindow):
    """Navigation list on the left, the current page on the right; remembers its geometry."""

    def __init__(self, context: GuiContext, pages: list[Page], icon: QIcon) -> None:
        super().__init__()
        self.context = context
        self.pages = pages
        self.setWindowTitle(self.tr("Clickwage"))
        self.setWindowIcon(icon)
        context.dialog_parent = self

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setFixedWidth(170)
        self.stack = QStackedWidget()
        for page in pages:
            self.navigation.addItem(QListWidgetItem(page.title()))
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.on_navigation_current_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        context.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        from ui.gui import data_actions

        data_actions.install(self, file_menu, self.context)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index, page in enumerate(self.pages):
            action = QAction(page.title(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        welcome = QAction(self.tr("&Welcome and tour…"), self)
        welcome.triggered.connect(self.show_welcome)
        help_menu.addAction(welcome)
        about = QAction(self.tr("&About Clickwage"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def page(self, page_id: str) -> Page:
        return next(page for page in self.pages if page.page_id == page_id)

    def on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def show_welcome(self) -> None:
        from ui.gui.first_run import show_welcome

        show_welcome(self, self.context)

    def bring_to_front(self) -> None:
        """Another launch asked for the window (single instance)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        data = self.context.services.ctx.db.path.parent
        QMessageBox.about(
            self,
            self.tr("About Clickwage"),
            self.tr(
                "<p><b>Clickwage {version}</b></p><p>A journal of your crowd work: your real "
                "hourly wage, warnings and dispute evidence. Nothing leaves this computer.</p>"
                "<p>Your data: {folder}</p><p>Licence: GNU GPL 3.0 or later. Built with Qt "
                "{qt} and PySide6 under the GNU LGPL 3: they are separate libraries in the "
                "program folder, which you may replace. Also SQLAlchemy, alembic, matplotlib, "
                "Babel and platformdirs; the licences are in LICENSE and THIRD_PARTY.md beside "
                "the program.</p>"
            ).format(version=__version__, folder=data, qt=qVersion()),
        )

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 720)
        last = settings.value("window/page", "today")
        ids = [page.page_id for page in self.pages]
        self.show_page(ids.index(last) if last in ids else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages:
            stop = getattr(page, "stop_timers", None)
            if stop is not None:
                stop()
        watcher = getattr(self, "watcher", None)
        if watcher is not None:
            watcher.stop()
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.pages[self.stack.currentIndex()].page_id)
        settings.sync()
        super().closeEvent(event)

    def keyPressEvent(self, event: object) -> None:
        super().keyPressEvent(event)  # type: ignore[arg-type]


__all__ = ["MainWindow", "Qt"]
