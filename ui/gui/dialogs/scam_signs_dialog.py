"""Tick the warning signs of a scam met on a platform, beside plain advice and where to report
in the user's country. Any ticked sign raises the platform's `scam_risk` warning.

`edit_scam_signs(context, platform)` runs the dialog and records the change as one undoable
edit (ScamService.set_signs, undone by ScamService.revert).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from babel import Locale
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import ScamSign
from app.i18n import Translator, system_country
from app.services.catalogue import CatalogueService
from app.services.scam import ScamAdvice, ScamService, SignChange, sign_title
from ui.gui.context import GuiContext

WARNING_STYLE = "background: #fbe9e7; color: #5c0a0a; border: 1px solid #b3261e; padding: 6px;"


class _SignLabel(QLabel):
    """The sentence beside a box: wraps, and ticks its box when clicked."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
        super().mouseReleaseEvent(event)


def country_name(tr_core: Translator, country: str | None) -> str:
    if not country:
        return ""
    return str(Locale.parse(tr_core.locale).territories.get(country, country))


def advice_html(advice: ScamAdvice, tr_core: Translator) -> str:
    """The advice as a bulleted list (rich text)."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in advice.advice)
    return f"<ul style='margin-left: -20px'>{items}</ul>"


def channels_html(advice: ScamAdvice) -> str:
    """Where to report: each service with its address or number and what it is for."""
    parts = []
    if advice.generic:
        parts.append(f"<p>{html.escape(advice.generic)}</p>")
    for channel, purpose in zip(advice.channels, advice.purposes, strict=True):
        reach = []
        if channel.url:
            shown = channel.url.removeprefix("https://").removeprefix("http://")
            reach.append(f"<a href='{html.escape(channel.url)}'>{html.escape(shown)}</a>")
        if channel.phone:
            reach.append(html.escape(channel.phone))
        parts.append(
            f"<p><b>{html.escape(channel.name)}</b> — {' · '.join(reach)}<br>"
            f"{html.escape(purpose)}</p>"
        )
    return "".join(parts)


class ScamSignsDialog(QDialog):
    """The signs of one platform, the advice, and where to report.

    Widgets the tests use: `checks[sign]` (one QCheckBox per ScamSign), `warning` (shown
    while a sign is ticked), `advice_label`, `report_label`, `buttons`.
    """

    def __init__(
        self,
        platform: str,
        ticked: Iterable[str],
        advice: ScamAdvice,
        tr_core: Translator,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warning signs: {platform}").format(platform=platform))
        self.setMinimumWidth(560)
        already = set(ticked)

        intro = QLabel(
            self.tr(
                "Tick each sign you have met on {platform}. Any of them raises a scam warning "
                "for it, on the Platforms page, in your reports and in your evidence."
            ).format(platform=platform)
        )
        intro.setWordWrap(True)

        self.checks: dict[str, QCheckBox] = {}
        signs_box = QGroupBox(self.tr("Warning signs"))
        signs_layout = QVBoxLayout(signs_box)
        for sign in ScamSign:
            text = sign_title(tr_core, sign.value)
            box = QCheckBox()
            box.setObjectName(f"sign_{sign.value}")
            box.setAccessibleName(text)
            box.setChecked(sign.value in already)
            box.toggled.connect(self.on_check_toggled)
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(_SignLabel(text, box), 1)
            signs_layout.addLayout(row)
            self.checks[sign.value] = box

        self.warning = QLabel(
            self.tr(
                "This platform shows signs of a scam. Do not send it any more money, whatever "
                "it promises."
            )
        )
        self.warning.setObjectName("scamWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)

        advice_box = QGroupBox(self.tr("What to do"))
        advice_layout = QVBoxLayout(advice_box)
        self.advice_label = QLabel(advice_html(advice, tr_core))
        self.advice_label.setObjectName("scamAdvice")
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextFormat(Qt.TextFormat.RichText)
        advice_layout.addWidget(self.advice_label)

        where = country_name(tr_core, advice.country)
        report_box = QGroupBox(
            self.tr("Where to report it in {country}").format(country=where)
            if where
            else self.tr("Where to report it")
        )
        report_layout = QVBoxLayout(report_box)
        self.report_label = QLabel(channels_html(advice))
        self.report_label.setObjectName("scamReport")
        self.report_label.setWordWrap(True)
        self.report_label.setTextFormat(Qt.TextFormat.RichText)
        # Opening an address starts the user's own browser; Clickwage itself connects nowhere.
        self.report_label.setOpenExternalLinks(True)
        self.report_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
        )
        report_layout.addWidget(self.report_label)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(intro)
        column.addWidget(signs_box)
        column.addWidget(self.warning)
        column.addWidget(advice_box)
        column.addWidget(report_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)
        self.on_check_toggled()
        self.resize(640, 720)

    def on_check_toggled(self, _checked: bool = False) -> None:
        self.warning.setVisible(bool(self.chosen()))

    def chosen(self) -> list[str]:
        return [sign for sign, box in self.checks.items() if box.isChecked()]


def edit_scam_signs(context: GuiContext, platform: str, parent: QWidget | None = None) -> bool:
    """Open the dialog for `platform`; record the ticked signs as one undoable edit.

    Returns True when something changed."""
    services = context.services
    scam = ScamService(services.ctx, services.platforms)
    current = context.run(lambda: scam.signs(platform))
    if current is None:
        return False
    catalogue = CatalogueService.for_services(services)
    advice = catalogue.scam_advice(catalogue.country() or system_country())
    dialog = ScamSignsDialog(platform, current, advice, services.ctx.tr, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    wanted = dialog.chosen()
    if set(wanted) == set(current):
        return False

    def do() -> SignChange:
        return scam.set_signs(platform, wanted)

    def undo(change: SignChange) -> None:
        scam.revert(change)

    done = context.push(
        QCoreApplication.translate("ScamSignsDialog", "Warning signs for {platform}").format(
            platform=platform
        ),
        do,
        undo,
        {"scam_signs"},
    )
    return done is not None
