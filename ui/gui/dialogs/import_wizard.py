"""The import wizard: choose a file, check its format and columns, dry run, then import."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.errors import ClickwageError
from app.services.imports import FORMATS, ImportOptions, ImportService, ImportSummary, Preview
from app.services.imports.native import FIELDS as NATIVE_FIELDS
from app.services.imports.reading import header_key
from app.services.imports.results import refusal_message
from ui.gui.context import ALL_TABLES, GuiContext
from ui.gui.data_actions import WorkRunner

FILE_PAGE, COLUMNS_PAGE, CHECK_PAGE, DONE_PAGE = range(4)
NEEDS_PLATFORM = frozenset({"native", "prolific", "toloka", "mturk-batch", "mturk-status"})
NEEDS_REWARD = frozenset({"native", "prolific"})
PREVIEW_ROWS = 5


def mapping_key(header: list[str]) -> str:
    """The QSettings key a file's column mapping is saved under: one per header."""
    joined = "\x1f".join(header_key(name) for name in header)
    return "import/mapping/" + hashlib.sha1(joined.encode("utf-8")).hexdigest()


class ImportWizard(QWizard):
    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import"))
        self.context = context
        self.service = ImportService(context.services.ctx)
        self.preview: Preview | None = None
        self.dry_summary: ImportSummary | None = None
        self.summary: ImportSummary | None = None
        self.file_page = _FilePage(self)
        self.columns_page = _ColumnsPage(self)
        self.check_page = _CheckPage(self)
        self.done_page = _DonePage(self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(COLUMNS_PAGE, self.columns_page)
        self.setPage(CHECK_PAGE, self.check_page)
        self.setPage(DONE_PAGE, self.done_page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    # -- what the pages chose ----------------------------------------------------------------

    def path(self) -> Path:
        return Path(self.file_page.file_edit.text().strip())

    def format(self) -> str:
        return str(self.file_page.format_combo.currentData())

    def import_options(self, dry_run: bool) -> ImportOptions:
        page = self.file_page
        name = self.format()
        return ImportOptions(
            format=name,
            platform=(page.platform_edit.text().strip() or None)
            if name in NEEDS_PLATFORM
            else None,
            reward=(page.reward_edit.text().strip() or None) if name in NEEDS_REWARD else None,
            mapping=self.columns_page.mapping() if name == "native" else {},
            dry_run=dry_run,
        )

    def run_import(self, dry_run: bool) -> ImportSummary | None:
        """A dry run or the import, behind a progress dialog; errors shown as a message."""
        path, options = self.path(), self.import_options(dry_run)
        label = self.tr("Checking {file}…") if dry_run else self.tr("Importing {file}…")
        runner = WorkRunner(self)
        try:
            summary: ImportSummary = runner.run(
                label.format(file=path.name),
                lambda progress, cancel: self.service.run(path, options, progress, cancel),
            )
        except ClickwageError as error:
            self.context.show_error(str(error))
            return None
        finally:
            runner.deleteLater()
        return summary


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "A spreadsheet you kept, a Clickwage export, or a file from MTurk, Prolific "
                "or Toloka."
            )
        )
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("importFile")
        self.file_edit.editingFinished.connect(self.on_file_chosen)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.on_browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("importFormat")
        labels = {
            "native": self.tr("Tasks spreadsheet (CSV)"),
            "mturk-batch": self.tr("MTurk batch results (CSV)"),
            "mturk-status": self.tr("MTurk status page (JSON)"),
            "prolific": self.tr("Prolific submissions (CSV)"),
            "toloka": self.tr("Toloka assignments (TSV)"),
            "json": self.tr("Clickwage export (JSON)"),
        }
        for name in FORMATS:
            self.format_combo.addItem(labels.get(name, name), name)
        self.format_combo.currentIndexChanged.connect(self.on_format_changed)
        self.platform_edit = QLineEdit(self)
        self.platform_edit.setObjectName("importPlatform")
        self.platform_edit.setPlaceholderText(self.tr("when the file does not name it"))
        self.reward_edit = QLineEdit(self)
        self.reward_edit.setObjectName("importReward")
        self.reward_edit.setPlaceholderText(self.tr("e.g. 1.50"))
        self.detected = QLabel(self)
        self.detected.setObjectName("importDetected")
        self.detected.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Platform:"), self.platform_edit)
        form.addRow(self.tr("Reward:"), self.reward_edit)
        form.addRow(self.detected)
        self.on_format_changed()

    def on_browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a file"),
            self.file_edit.text(),
            self.tr("Data files (*.csv *.tsv *.txt *.json);;All files (*)"),
        )
        if name:
            self.file_edit.setText(name)
            self.on_file_chosen()

    def on_file_chosen(self) -> None:
        """Detect the file's format and select it (the user may change it)."""
        path = Path(self.file_edit.text().strip())
        if not path.is_file():
            self.detected.setText("")
            return
        try:
            name = self._wizard.service.detect(path)
        except ClickwageError as error:
            self.detected.setText(str(error))
            return
        index = self.format_combo.findData(name)
        if index >= 0:
            self.format_combo.setCurrentIndex(index)
        self.detected.setText(
            self.tr("Detected format: {format}.").format(format=self.format_combo.currentText())
        )
        self.completeChanged.emit()

    def on_format_changed(self) -> None:
        name = str(self.format_combo.currentData())
        self.platform_edit.setEnabled(name in NEEDS_PLATFORM)
        self.reward_edit.setEnabled(name in NEEDS_REWARD)

    def isComplete(self) -> bool:
        return bool(self.file_edit.text().strip())

    def validatePage(self) -> bool:
        wizard = self._wizard
        path = wizard.path()
        if not path.is_file():
            wizard.context.show_error(self.tr("{path} is not a file.").format(path=path))
            return False
        if wizard.format() == "prolific" and not self.reward_edit.text().strip():
            wizard.context.show_error(
                self.tr("A Prolific file does not say the study's reward: enter it.")
            )
            return False
        if wizard.format() != "native":
            wizard.preview = None
            return True
        try:
            wizard.preview = wizard.service.preview(path, PREVIEW_ROWS)
        except ClickwageError as error:
            wizard.context.show_error(str(error))
            return False
        return True

    def nextId(self) -> int:
        return COLUMNS_PAGE if self._wizard.format() == "native" else CHECK_PAGE


class _ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("Which column of the file holds each field; the first rows are shown below.")
        )
        self.table = QTableWidget(self)
        self.table.setObjectName("importPreview")
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in NATIVE_FIELDS:
            combo = QComboBox(self)
            combo.setObjectName(f"map_{field}")
            self.combos[field] = combo
            form.addRow(field, combo)
        holder = QWidget(self)
        holder.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(holder)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        header = preview.header if preview else []
        rows = preview.rows if preview else []
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[: len(header)]):
                self.table.setItem(r, c, QTableWidgetItem(cell))
        saved = self._saved(header)
        for field, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), "")
            for name in header:
                combo.addItem(name, name)
            chosen = saved.get(field)
            if chosen is None and preview is not None and field in preview.mapping:
                chosen = header[preview.mapping[field]]
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(0, index))

    def _saved(self, header: list[str]) -> dict[str, str]:
        if not header:
            return {}
        text = self._wizard.context.settings.value(mapping_key(header), "")
        try:
            found = json.loads(str(text)) if text else {}
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def mapping(self) -> dict[str, str]:
        """FIELD → COLUMN for every field given a column (like the CLI's --map)."""
        return {
            field: str(combo.currentData())
            for field, combo in self.combos.items()
            if combo.currentData()
        }

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        if preview is not None and preview.header:
            settings = self._wizard.context.settings
            settings.setValue(mapping_key(preview.header), json.dumps(self.mapping()))
            settings.sync()
        return True


class _CheckPage(QWizardPage):
    """The dry run's forecast; Next does the import."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Check"))
        self.setSubTitle(self.tr("What the import would do. Nothing has been written yet."))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("dryRunSummary")
        self.summary_label.setWordWrap(True)
        self.errors_label = QLabel(self)
        self.errors_label.setObjectName("dryRunErrors")
        self.errors_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors_label, 1)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))

    def initializePage(self) -> None:
        wizard = self._wizard
        wizard.dry_summary = summary = wizard.run_import(dry_run=True)
        if summary is None:
            self.summary_label.setText(self.tr("The file could not be checked."))
            self.errors_label.setText("")
        else:
            tasks = summary.count("tasks")
            self.summary_label.setText(
                self.tr(
                    "{rows} rows read: {added} tasks would be added, {updated} updated, "
                    "{unchanged} unchanged, {refused} refused."
                ).format(
                    rows=summary.rows,
                    added=tasks.added,
                    updated=tasks.updated,
                    unchanged=tasks.unchanged,
                    refused=summary.refused,
                )
            )
            self.errors_label.setText(
                refusal_message(summary, wizard.context.tr_core) if summary.issues else ""
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        summary = self._wizard.dry_summary
        return summary is not None and not summary.issues

    def validatePage(self) -> bool:
        wizard = self._wizard
        summary = wizard.run_import(dry_run=False)
        if summary is None:
            return False
        wizard.summary = summary
        wizard.context.changed.emit(ALL_TABLES)
        return True


class _DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Done"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("importResult")
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result_label)

    def initializePage(self) -> None:
        summary = self._wizard.summary
        if summary is None:
            return
        tasks = summary.count("tasks")
        lines = [
            self.tr("Imported {file}: {added} tasks added, {updated} updated, {unchanged} "
                    "unchanged.").format(
                file=summary.path,
                added=tasks.added,
                updated=tasks.updated,
                unchanged=tasks.unchanged,
            )
        ]
        if summary.platforms_created:
            lines.append(
                self.tr("Platforms created: {names}.").format(
                    names=", ".join(name for name, _ in summary.platforms_created)
                )
            )
        lines.extend(summary.notes)
        self.result_label.setText("\n".join(lines))
        self._wizard.context.message.emit(lines[0])
