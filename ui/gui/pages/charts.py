"""Charts: income, real hourly wage, time, payout delays and rejections, with the period's flags.

The data comes from app.charts (one report per month, as `clickwage report`);
this page only chooses the period and platform, keeps one FigureCanvasQTAgg
per chart and redraws a chart (draw_idle) only when its data changed.
matplotlib's Qt canvas is imported when the page is first shown; matplotlib
itself is pre-warmed in a background thread a moment after the window shows.
"""

from __future__ import annotations

import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import charts
from app.charts import KINDS, ChartData, ChartKind, ChartSet, HoverTarget
from app.domain.errors import ClickwageError
from app.domain.localtime import local_date
from app.services.reports import Report
from ui.gui.context import GuiContext
from ui.gui.pages.base import Page
from ui.gui.pages.charts_worker import ChartsWorker

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

PREWARM_DELAY_MS = 1500
SETTLE_MS = 400
FLAGS_LATEST_MS = 15000
CACHE_SECONDS = 60
CACHE_SIZE = 6
CANVAS_MIN_HEIGHT = 340
CANVAS_MIN_WIDTH = 520
PERIOD_MONTHS = {"last3": 3, "last6": 6, "last12": 12}
EXPORT_FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "pdf": "PDF (*.pdf)"}

Key = tuple[date, date, str | None]
T = TypeVar("T")


class ChartsPage(Page):
    """The five charts of a period, the period's warnings, export of each chart.

    Attributes read by tests: `figures`/`canvases` (per kind, once shown),
    `shown` (the data each chart shows), `draw_counts` (redraws per kind),
    `hover_texts` (the last tooltip text per kind), `flags_label`.
    """

    page_id = "charts"
    tables = frozenset({"platforms", "work_sessions", "tasks", "payouts", "account_events",
                        "exchange_rates", "settings", "scam_signs"})

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.canvases: dict[ChartKind, FigureCanvasQTAgg] = {}
        self.figures: dict[ChartKind, Any] = {}
        self.shown: dict[ChartKind, ChartData] = {}
        self.draw_counts: dict[ChartKind, int] = dict.fromkeys(KINDS, 0)
        self.hover_texts: dict[ChartKind, str | None] = dict.fromkeys(KINDS, None)
        self._targets: dict[ChartKind, list[HoverTarget]] = {kind: [] for kind in KINDS}
        self._charts_cache: OrderedDict[Key, ChartSet] = OrderedDict()
        self._flags_cache: OrderedDict[Key, list[str]] = OrderedDict()
        self._month_reports: dict[Key, Report] = {}
        self._cached_at: datetime | None = None
        self._key: Key | None = None
        self._drawing: set[ChartKind] = set()  # charts redrawn, not yet rendered
        self._flags_due = False
        self._executor: ThreadPoolExecutor | None = None
        self.prewarm_future: Future[None] | None = None
        self._worker = ChartsWorker(self)
        self._worker.done.connect(self.on_worker_done)
        self._data_version = 0
        self._closed = False
        self._filling = False

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_controls())
        body = QHBoxLayout()
        body.addWidget(self._build_charts(), 1)
        body.addWidget(self._build_flags())
        layout.addLayout(body, 1)
        self._restore_choice()
        # Typing a date or a year changes it digit by digit: wait for a pause before loading.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.on_settle_timeout)
        # After the window is shown (the event loop runs): load matplotlib off the main thread.
        QTimer.singleShot(PREWARM_DELAY_MS, self, self.start_prewarm)

    def title(self) -> str:
        return self.tr("Charts")

    # -- building --------------------------------------------------------------------------

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        for key, text in (
            ("last3", self.tr("Last 3 months")),
            ("last6", self.tr("Last 6 months")),
            ("last12", self.tr("Last 12 months")),
            ("year", self.tr("A year")),
            ("custom", self.tr("Custom period")),
        ):
            self.period_combo.addItem(text, key)
        self.period_combo.activated.connect(self.on_period_combo_activated)
        today = self._today()
        self.year_spin = QSpinBox()
        self.year_spin.setAccessibleName(self.tr("Year"))
        self.year_spin.setRange(2000, today.year + 1)
        self.year_spin.setValue(today.year)
        self.year_spin.valueChanged.connect(self.on_period_value_changed)
        self.from_edit = self._date_edit(self.tr("First day"))
        self.to_edit = self._date_edit(self.tr("Last day"))
        first, _end = charts.last_months(today, 12)
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(today.year, today.month, today.day))
        self.platform_combo = QComboBox()
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self.platform_combo.setMinimumContentsLength(16)
        self.platform_combo.activated.connect(self.on_platform_combo_activated)
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period_combo)
        row.addWidget(self.year_spin)
        self.from_label = QLabel(self.tr("from"))
        self.to_label = QLabel(self.tr("to"))
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            row.addWidget(widget)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Platform")))
        row.addWidget(self.platform_combo)
        row.addStretch(1)
        return row

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.on_period_value_changed)
        return edit

    def _build_charts(self) -> QScrollArea:
        column = QWidget()
        layout = QVBoxLayout(column)
        self._slots: dict[ChartKind, QVBoxLayout] = {}
        self.export_buttons: dict[ChartKind, QPushButton] = {}
        for kind in KINDS:
            frame = QFrame()
            frame.setObjectName(f"chart_{kind}")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            header = QHBoxLayout()
            header.addStretch(1)
            export = QPushButton(self.tr("Export…"))
            export.setToolTip(self.tr("Save this chart as a PNG, SVG or PDF file"))
            export.setEnabled(False)
            export.clicked.connect(lambda _checked=False, k=kind: self.on_export_clicked(k))
            header.addWidget(export)
            box.addLayout(header)
            self._slots[kind] = box
            self.export_buttons[kind] = export
            layout.addWidget(frame)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        return scroll

    def _build_flags(self) -> QGroupBox:
        box = QGroupBox(self.tr("Warnings for this period"))
        box.setFixedWidth(280)
        layout = QVBoxLayout(box)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("chartFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.PlainText)
        self.flags_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.flags_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.flags_label)
        layout.addStretch(1)
        return box

    def _ensure_canvases(self) -> None:
        """The Qt canvases, made (and matplotlib's Qt backend imported) on first show."""
        if self.canvases:
            return
        if self.prewarm_future is not None:
            # matplotlib is not thread-safe: let the pre-warm finish before drawing here.
            self.prewarm_future.exception()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        for kind in KINDS:
            figure = charts.new_figure()
            canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
            canvas.setObjectName(f"canvas_{kind}")
            canvas.setMinimumSize(CANVAS_MIN_WIDTH, CANVAS_MIN_HEIGHT)
            canvas.mpl_connect("motion_notify_event", self._motion_handler(kind))
            canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
            canvas.mpl_connect("draw_event", self._drawn_handler(kind))
            self._slots[kind].addWidget(canvas)
            self.canvases[kind] = canvas
            self.figures[kind] = figure

    def _drawn_handler(self, kind: ChartKind) -> Callable[[Any], None]:
        def on_drawn(_event: Any) -> None:
            self.on_canvas_drawn(kind)

        return on_drawn

    def _motion_handler(self, kind: ChartKind) -> Callable[[Any], None]:
        def on_motion(event: Any) -> None:
            self.on_canvas_motion(kind, event)

        return on_motion

    # -- the period ------------------------------------------------------------------------

    def _today(self) -> date:
        ctx = self.services.ctx
        return local_date(ctx.clock.now(), ctx.zone)

    def selected_period(self) -> tuple[date, date]:
        """Local days [first, end) chosen in the controls."""
        choice = self.period_combo.currentData()
        if choice in PERIOD_MONTHS:
            return charts.last_months(self._today(), PERIOD_MONTHS[choice])
        if choice == "year":
            year = self.year_spin.value()
            return date(year, 1, 1), date(year + 1, 1, 1)
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        if last < first:
            first, last = last, first
        return first, last + timedelta(days=1)

    def selected_platform(self) -> str | None:
        value = self.platform_combo.currentData()
        return str(value) if value else None

    def _show_period_controls(self) -> None:
        choice = self.period_combo.currentData()
        self.year_spin.setVisible(choice == "year")
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(choice == "custom")

    def _restore_choice(self) -> None:
        saved = self.context.settings.value("charts/period", "last12")
        index = self.period_combo.findData(saved)
        self.period_combo.setCurrentIndex(index if index >= 0 else 2)
        self._show_period_controls()

    def _fill_platforms(self) -> None:
        current = self.selected_platform()
        self._filling = True
        try:
            self.platform_combo.clear()
            self.platform_combo.addItem(self.tr("All platforms"), None)
            for platform in self.services.platforms.list():
                self.platform_combo.addItem(platform.name, platform.name)
            index = self.platform_combo.findData(current) if current else 0
            self.platform_combo.setCurrentIndex(max(0, index))
        finally:
            self._filling = False

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._fill_platforms()
        self._ensure_canvases()
        self._show()

    def _show(self) -> None:
        """Draw the charts of the chosen period and platform, then list its warnings.

        The reports are read on the worker thread unless the period is cached; the
        charts are drawn when they arrive (if the choice has not changed meanwhile).
        """
        self._drop_stale_caches()
        key = (*self.selected_period(), self.selected_platform())
        self._key = key
        self._flags_due = False
        chart_set = self._charts_cache.get(key)
        if chart_set is not None:
            self._charts_cache.move_to_end(key)
            self._draw(key, chart_set)
            return
        months = charts.month_slices(key[0], key[1], self.services.ctx.tr)
        if all((m.first, m.end, key[2]) in self._month_reports for m in months):
            # Every month is read (ahead, or for another period): only the payouts are left.
            chart_set = self.context.run(
                lambda: charts.chart_set(self.services, *key, cache=self._month_reports)
            )
            if chart_set is not None:
                self._remember(self._charts_cache, key, chart_set)
                self._draw(key, chart_set)
            return
        self.flags_label.setText(self.tr("Checking the warnings for this period…"))
        known = dict(self._month_reports)  # the worker's own copy, merged back on delivery

        def job() -> tuple[ChartSet, dict[Key, Report]]:
            return charts.chart_set(self.services, *key, cache=known), known

        self._submit("charts", key, job)

    def _submit(self, what: str, key: Key, job: Callable[[], Any]) -> None:
        if what != "months":  # the user waits for these; the prefetch goes unnoticed
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._worker.submit((what, key, self._data_version), job)

    def on_worker_done(self, tag: tuple[str, Key, int], result: Any, error: Any) -> None:
        self._worker.delivered()
        what, key, version = tag
        if what != "months":
            QApplication.restoreOverrideCursor()
        if self._closed:
            return
        if error is not None:
            if isinstance(error, ClickwageError):
                self.context.show_error(str(error))
                return
            raise error  # a bug: the application's crash handler reports it
        if version != self._data_version:  # the data changed meanwhile: read it again
            if key == self._key and what != "months":
                QTimer.singleShot(0, self, self._show)
            return
        if what == "charts":
            chart_set, months = result
            self._month_reports.update(months)
            self._remember(self._charts_cache, key, chart_set)
            if key == self._key:
                self._draw(key, chart_set)
        elif what == "flags":
            self._remember(self._flags_cache, key, result)
            if key == self._key:
                self._show_flags(result)
                self._prefetch()
        elif what == "months":
            self._month_reports.update(result)

    def _draw(self, key: Key, chart_set: ChartSet) -> None:
        tr = self.services.ctx.tr
        self._drawing.clear()
        for kind in KINDS:
            data = chart_set.get(kind)
            if self.shown.get(kind) == data:
                continue  # same figures: no redraw
            self._targets[kind] = charts.draw_chart(self.figures[kind], data, tr)
            self.shown[kind] = data
            self.draw_counts[kind] += 1
            self._drawing.add(kind)
            self.canvases[kind].draw_idle()  # type: ignore[no-untyped-call]
            self.export_buttons[kind].setEnabled(True)
        if key in self._flags_cache:
            self._show_flags(self._flags_cache[key])
            self._prefetch()
            return
        # The charts come first, the warnings once every chart has drawn (or after
        # FLAGS_LATEST_MS at the latest): the period's own report, read on the worker.
        self.flags_label.setText(self.tr("Checking the warnings for this period…"))
        self._flags_due = True
        if not self._drawing:
            QTimer.singleShot(0, self, self.on_flags_due)
        else:
            QTimer.singleShot(FLAGS_LATEST_MS, self, self.on_flags_due)

    def on_canvas_drawn(self, kind: ChartKind) -> None:
        if kind in self._drawing:
            self._drawing.discard(kind)
            if not self._drawing and self._flags_due:
                QTimer.singleShot(0, self, self.on_flags_due)

    def on_flags_due(self) -> None:
        key = self._key
        if self._closed or key is None or not self._flags_due:
            return
        self._flags_due = False
        if key in self._flags_cache:
            self._show_flags(self._flags_cache[key])
            return

        def job() -> list[str]:
            report = self.services.reports.report(*key)
            return [flag.message for platform in report.platforms for flag in platform.flags]

        self._submit("flags", key, job)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Wait (running the event loop) until the charts and the warnings are shown and the
        worker has nothing left to do; for the screenshots and tests."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while self._worker.busy or self._flags_due or self._drawing:
            if deadline is not None and time.monotonic() > deadline:
                return False
            QApplication.processEvents()
            time.sleep(0.002)
        return True

    def _prefetch(self) -> None:
        """While the page is idle, read the months of the longest usual choice (the last 12
        months, which hold the last 3 and 6) so that choosing it draws at once."""
        if self._closed or self._worker.busy or self._key is None:
            return
        platform = self._key[2]
        first, end = charts.last_months(self._today(), max(PERIOD_MONTHS.values()))
        months = charts.month_slices(first, end, self.services.ctx.tr)
        if all((m.first, m.end, platform) in self._month_reports for m in months):
            return
        known = dict(self._month_reports)

        def job() -> dict[Key, Report]:
            charts.monthly_reports(self.services, months, platform, known)
            return known

        self._submit("months", (first, end, platform), job)

    def _drop_stale_caches(self) -> None:
        """Figures that depend on now (a running session, a waiting payout) age: recompute
        them when the cache is older than CACHE_SECONDS."""
        now = self.services.ctx.clock.now()
        if self._cached_at is None or abs((now - self._cached_at).total_seconds()) > CACHE_SECONDS:
            self._clear_caches()
            self._cached_at = now

    def _clear_caches(self) -> None:
        self._charts_cache.clear()
        self._flags_cache.clear()
        self._month_reports.clear()
        self._data_version += 1

    def _show_flags(self, sentences: list[str]) -> None:
        if sentences:
            self.flags_label.setText("\n\n".join(f"• {sentence}" for sentence in sentences))
        else:
            self.flags_label.setText(self.tr("No warnings for this period."))

    def _remember(self, cache: OrderedDict[Key, T], key: Key, value: T) -> None:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHE_SIZE:
            cache.popitem(last=False)

    def on_context_changed(self, tables: frozenset[str]) -> None:
        if tables & self.tables:
            self._clear_caches()
        super().on_context_changed(tables)

    # -- the controls ----------------------------------------------------------------------

    def on_period_combo_activated(self, _index: int) -> None:
        self.context.settings.setValue("charts/period", self.period_combo.currentData())
        self._show_period_controls()
        if self.isVisible():
            self._ensure_canvases()
            self._show()

    def on_period_value_changed(self, *_args: object) -> None:
        if self.isVisible() and self.period_combo.currentData() in ("year", "custom"):
            self._settle.start()

    def on_settle_timeout(self) -> None:
        if self.isVisible() and not self._closed:
            self._ensure_canvases()
            self._show()

    def on_platform_combo_activated(self, _index: int) -> None:
        if not self._filling and self.isVisible():
            self._ensure_canvases()
            self._show()

    # -- hover and export ------------------------------------------------------------------

    def on_canvas_motion(self, kind: ChartKind, event: Any) -> None:
        text = None
        if getattr(event, "inaxes", None) is not None:
            text = charts.hover_text(self._targets[kind], float(event.x), float(event.y))
        self.hover_texts[kind] = text
        canvas = self.canvases.get(kind)
        if text and canvas is not None:
            QToolTip.showText(QCursor.pos(), text, canvas)
        else:
            QToolTip.hideText()

    def on_export_clicked(self, kind: ChartKind) -> None:
        data = self.shown.get(kind)
        if data is None:
            return
        first, end = data.period.first, data.period.end
        folder = str(self.context.settings.value("charts/export_dir", str(Path.home())))
        suggested = Path(folder) / f"clickwage-{kind}-{first}-{end - timedelta(days=1)}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the chart"), str(suggested), ";;".join(EXPORT_FILTERS.values())
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in charts.FORMATS:
            fmt = next((f for f, text in EXPORT_FILTERS.items() if text == chosen), "png")
            target = target.with_name(target.name + "." + fmt)
        tr = self.services.ctx.tr

        def save() -> bool:
            charts.save_figure(charts.figure_for(kind, data, tr), target, tr)
            return True

        if self.context.run(save):
            self.context.settings.setValue("charts/export_dir", str(target.parent))
            self.context.message.emit(self.tr("Chart saved to {path}.").format(path=target))

    # -- pre-warming and closing -----------------------------------------------------------

    def start_prewarm(self) -> None:
        """Import matplotlib and load its fonts in a background thread, once."""
        if self._closed or self._executor is not None:
            return
        if matplotlib_ready():
            return
        if not self.window().isVisible():
            return
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts-prewarm")
        self.prewarm_future = self._executor.submit(charts.prewarm)

    def stop_timers(self) -> None:
        """Called when the window closes: no background work may outlive it."""
        self._closed = True
        self._settle.stop()
        self._worker.close()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def matplotlib_ready() -> bool:
    """matplotlib and its Agg renderer are already loaded: nothing to pre-warm."""
    return "matplotlib.backends.backend_agg" in sys.modules
