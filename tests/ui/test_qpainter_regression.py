"""PySide6 6.12.0 crashed Python 3.11 after a few thousand QPainter calls (a None refcount
bug). Keep 200,000 calls here so a bad PySide6 release fails CI instead of users."""

from __future__ import annotations

from typing import Any

import PySide6
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QImage, QPainter


def test_pyside6_version_is_pinned_below_6_12() -> None:
    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11)


def test_two_hundred_thousand_qpainter_calls(qapp: Any) -> None:
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    line = QLineF(0, 0, 199, 199)
    rect = QRectF(10, 10, 50, 50)
    for _ in range(100_000):
        painter.drawLine(line)
        painter.drawRect(rect)
    painter.end()
    assert not image.isNull()
