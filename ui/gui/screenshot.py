"""`clickwage gui --screenshot DIR`: render every page to DIR/<page>.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow


def render_pages(window: QMainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1200, 800)
    window.show()
    written: list[Path] = []
    for index, page in enumerate(window.pages):  # type: ignore[attr-defined]
        window.show_page(index)  # type: ignore[attr-defined]
        for _ in range(3):
            QApplication.processEvents()
        wait_idle = getattr(page, "wait_idle", None)
        if wait_idle is not None:  # pages that prepare their content in the background
            wait_idle(30000)
            for _ in range(5):
                QApplication.processEvents()
        target = folder / f"{page.page_id}.png"
        window.grab().save(str(target))
        written.append(target)
    return written
