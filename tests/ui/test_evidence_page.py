"""The Evidence page (preview, save, print, letters) and the QPainter renderer behind it."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.clock import FakeClock
from app.services import Services
from app.services.evidence import (
    Column,
    Document,
    EmbeddedFile,
    EvidenceService,
    Heading,
    ImageItem,
    Images,
    Paragraph,
    Table,
)
from app.storage.models import Attachment
from tests.unit.evidence_helpers import END, FIRST, fill_ledger
from ui.gui.context import GuiContext
from ui.gui.pages.evidence import EvidencePage
from ui.render import has_glyphs, layout_for, page_image, write_pdf


def pdf_words(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


@pytest.fixture
def page(
    gui_context: GuiContext, services: Services, clock: FakeClock, qtbot: QtBot
) -> Iterator[EvidencePage]:
    fill_ledger(services, clock)
    created = EvidencePage(gui_context)
    qtbot.addWidget(created)
    created.resize(1200, 800)
    created.from_edit.setDate(QDate(2026, 3, 1))
    created.to_edit.setDate(QDate(2026, 3, 9))
    created.language_combo.setCurrentIndex(created.language_combo.findData("en"))
    created.show()
    created.platform_combo.setCurrentText("Prolific")
    yield created
    created.wait_idle()


def settle(page: EvidencePage, qtbot: QtBot) -> None:
    """Let the jobs finish and their results reach the page."""
    page.wait_idle()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=20_000)


def test_preview_shows_the_report_pages(page: EvidencePage, qtbot: QtBot) -> None:
    settle(page, qtbot)
    assert page.report is not None and page.report.platform.name == "Prolific"
    assert page.report.first == date(2026, 3, 1) and page.report.last == date(2026, 3, 9)
    assert page.page_label.text().startswith("Page 1 of ")
    assert not page.preview_label.pixmap().isNull()
    assert page.report.fingerprint[:32] in page.status.text()
    assert page.report.integrity.verified is None  # the integrity check waits for saving
    pages = int(page.page_label.text().split()[-1])
    if pages > 1:
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.page_label.text() == f"Page 2 of {pages}"


def test_save_pdf_writes_the_report_with_its_data(
    page: EvidencePage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "evidence.pdf"
    monkeypatch.setattr(page, "_ask_pdf_path", lambda suggested: target)
    settle(page, qtbot)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.last_saved == target, timeout=20_000)
    words = pdf_words(target)
    for number, text in enumerate(words, start=1):
        assert f"Page {number} of {len(words)}" in text
        assert "Prolific — evidence report" in text and "2026-03-01 to 2026-03-09" in text
    data = next(iter(PdfReader(str(target)).attachments.values()))[0]
    assert hashlib.sha256(data).hexdigest() in words[0]
    records = len(list(csv.reader(io.StringIO(data.decode("utf-8"))))) - 1  # one row each
    assert (
        f"intact: every audit entry checked out, and the {records} records of this report "
        "match the audit log"
    ) in words[0]
    assert "Saved" in page.status.text()


def test_print_only_after_the_dialog_is_accepted(
    page: EvidencePage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(page, qtbot)
    printed = tmp_path / "printed.pdf"

    def pdf_printer(paper: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printer_file))
        return printer

    printer_file = printed
    monkeypatch.setattr(page, "new_printer", pdf_printer)
    answers = [QDialog.DialogCode.Rejected]
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: int(answers[0].value))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert page.printed_pages == 0 and not printed.exists()
    answers[0] = QDialog.DialogCode.Accepted
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.printed_pages > 0, timeout=20_000)
    printed_words = pdf_words(printed)
    assert len(printed_words) == page.printed_pages
    # the printed pages and the saved PDF are the same document
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(page, "_ask_pdf_path", lambda suggested: saved)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.last_saved == saved, timeout=20_000)
    assert pdf_words(saved) == printed_words


def test_french_and_a_subset_of_tasks(page: EvidencePage, qtbot: QtBot) -> None:
    page.language_combo.setCurrentIndex(page.language_combo.findData("fr"))
    page.subset_combo.setCurrentIndex(page.subset_combo.findText("Rejected tasks only"))
    settle(page, qtbot)
    assert page.report is not None and page.report.language == "fr"
    assert [row[1] for row in page.report.section("tasks").table.rows] == ["PRL-R1"]
    document = page.preview_document()
    assert document is not None and document.page_label == "Page {page} sur {pages}"


def test_the_end_before_the_start_is_refused(page: EvidencePage, qtbot: QtBot) -> None:
    settle(page, qtbot)
    page.to_edit.setDate(QDate(2026, 2, 1))
    assert "before its start" in page.status.text()
    assert not page.busy()


def test_letters_are_filled_from_the_ledger_and_printed_as_edited(
    page: EvidencePage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(page, qtbot)
    page.name_edit.setText("Camille Martin")
    page.tabs.setCurrentIndex(1)
    assert page.letter is not None and page.letter.kind == "demand"
    assert "Total claimed: £18.40." in page.body_edit.toPlainText()
    assert page.sender_edit.toPlainText().startswith("Camille Martin")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("gdpr-access"))
    assert "Article 15" in page.body_edit.toPlainText()
    assert not page.days_spin.isEnabled()
    page.body_edit.setPlainText(page.body_edit.toPlainText() + "\n\nMy user name is cmartin.")
    document = page.preview_document()
    assert document is not None
    assert any(getattr(b, "text", "") == "My user name is cmartin." for b in document.blocks)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("explanation"))
    assert "My user name is cmartin." in page.body_edit.toPlainText()  # edits are kept
    page.on_prepare_clicked()  # filling in again replaces them
    assert "Article 22" in page.body_edit.toPlainText()
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(page, "_ask_pdf_path", lambda suggested: target)
    page.subject_edit.setText("Review of my rejected work")
    qtbot.mouseClick(page.letter_save_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    qtbot.waitUntil(lambda: page.last_saved == target, timeout=20_000)
    words = " ".join(pdf_words(target))
    assert "Subject: Review of my rejected work" in words
    assert "2024/2831" in words and "Camille Martin" in words


def test_without_a_platform_there_is_nothing_to_print(
    gui_context: GuiContext, qtbot: QtBot
) -> None:
    empty = EvidencePage(gui_context)
    qtbot.addWidget(empty)
    empty.show()
    assert not empty.save_button.isEnabled() and not empty.letter_save_button.isEnabled()
    assert "Add a platform first" in empty.preview_label.text()
    empty.wait_idle()


# -- the renderer -----------------------------------------------------------------------------


def table_document(rows: int) -> Document:
    columns = (Column("Number", 0.2, "right"), Column("Name", 0.5), Column("Note", 0.3))
    table = Table(
        "Things",
        columns,
        [(str(n), f"Thing {n}", "long note " * (n % 7)) for n in range(rows)],
        marked=frozenset({3}),
        continued="(continued)",
        caption="A caption line.",
    )
    return Document(
        title="Test",
        language="en",
        blocks=[Heading("Title"), Paragraph("Intro."), table],
        header_left="Left header",
        header_right="Right header",
        footer_left="Footer",
        page_label="Page {page} of {pages}",
    )


def test_table_header_and_page_furniture_repeat_on_every_page(qapp: Any, tmp_path: Path) -> None:
    document = table_document(400)
    layout = layout_for(document, "a4")
    assert layout.page_count >= 4
    seen = []
    for index in range(layout.page_count):
        texts = layout.page_text(index)
        assert texts.count("Number") == 1 and "Name" in texts and "A caption line." in texts
        seen += [t for t in texts if t.startswith("Thing ")]
        if index:
            assert "Things (continued)" in texts
    assert seen == [f"Thing {n}" for n in range(400)]
    out = tmp_path / "table.pdf"
    assert write_pdf(document, out, "letter") == layout_for(document, "letter").page_count
    words = pdf_words(out)
    for number, text in enumerate(words, start=1):
        assert f"Page {number} of {len(words)}" in text
        assert "Left header" in text and "Right header" in text and "Footer" in text


def test_marked_rows_are_shaded(qapp: Any) -> None:
    layout = layout_for(table_document(10), "a4")
    image = page_image(layout, 0, dpi=72)
    shade = QColor(222, 222, 222).rgb()
    assert any(
        image.pixel(x, y) == shade
        for x in range(image.width())
        for y in range(0, image.height(), 2)
    )


def test_embedded_files_and_image_thumbnails(qapp: Any, tmp_path: Path) -> None:
    picture = tmp_path / "screenshot.png"
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 90, 200))
    painter = QPainter(image)
    painter.fillRect(0, 0, 320, 200, QColor(240, 200, 40))
    painter.end()
    assert image.save(str(picture))
    document = Document(
        title="Pictures",
        language="en",
        blocks=[Heading("Attachments"), Images((ImageItem(str(picture), "screenshot.png"),))],
        files=[EmbeddedFile("data.csv", b"a,b\r\n1,2\r\n", "text/csv")],
    )
    out = tmp_path / "pictures.pdf"
    write_pdf(document, out)
    reader = PdfReader(str(out))
    assert reader.attachments == {"data.csv": [b"a,b\r\n1,2\r\n"]}
    assert len(reader.pages[0].images) == 1
    assert "screenshot.png" in pdf_words(out)[0]


def test_attachment_thumbnails_in_the_evidence_report(
    services: Services, clock: FakeClock, qapp: Any, tmp_path: Path
) -> None:
    fill_ledger(services, clock)
    evidence = EvidenceService(services)
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    folder = services.ctx.db.path.parent / "attachments"
    folder.mkdir()
    staging = tmp_path / "shot.png"
    image.save(str(staging))
    data = staging.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    (folder / f"{digest}.png").write_bytes(data)
    task_id = evidence.build("Prolific", FIRST, END).task_ids[1]
    with services.ctx.db.write() as session:
        session.add(
            Attachment(
                sha256=digest,
                file_name="rejection.png",
                size=len(data),
                media_type="image/png",
                record_type="task",
                record_id=task_id,
            )
        )
    report = evidence.build("Prolific", FIRST, END)
    out = tmp_path / "with-image.pdf"
    write_pdf(report.document(), out)
    reader = PdfReader(str(out))
    assert sum(len(page.images) for page in reader.pages) == 1
    words = " ".join(pdf_words(out))
    assert digest in words.replace(" ", "")  # the 64 digits wrap in their column
    assert "file found, SHA-256 matches" in words


def test_the_bundled_font_has_the_glyphs_french_needs(qapp: Any) -> None:
    assert has_glyphs("\u202f\u00a0€£éèàçôœ«»’…—•")
    assert not has_glyphs("\u4e00")  # and says so when it does not


def test_text_is_searchable_as_typed(qapp: Any, tmp_path: Path) -> None:
    document = Document(title="t", language="en", blocks=[Paragraph("Prolific fingerprint ffi")])
    out = tmp_path / "text.pdf"
    write_pdf(document, out)
    assert "Prolific fingerprint ffi" in pdf_words(out)[0]  # no ligatures


def test_a_pdf_writer_is_what_draws(qapp: Any, tmp_path: Path) -> None:
    """The preview image and the PDF come from one layout: same pages, same text."""
    document = table_document(120)
    layout = layout_for(document, "a4")
    out = tmp_path / "same.pdf"
    pages = write_pdf(document, out, "a4", layout=layout)
    assert pages == layout.page_count == len(PdfReader(str(out)).pages)
    image = page_image(layout, pages - 1, dpi=50)
    assert image.width() == round(595.28 * 50 / 72)
    assert isinstance(QPdfWriter(str(tmp_path / "unused.pdf")), QPdfWriter)
