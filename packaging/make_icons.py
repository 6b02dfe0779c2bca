"""Render the app icon (resources/icons/clickwage.svg) into every file the packages need.

    .venv/bin/python packaging/make_icons.py

Writes, and the results are committed:
- packaging/linux/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for N in 16…512, plus
  packaging/linux/icons/hicolor/scalable/apps/<APP_ID>.svg (a copy of the SVG);
- packaging/windows/clickwage.ico (16, 24, 32, 48, 64, 128, 256 px);
- packaging/macos/clickwage.icns (16 to 1024 px, the @2x sizes included).

The pictures are drawn by Qt's own SVG renderer (QSvgRenderer into a QImage). The ICO
and ICNS containers are written here, each entry a PNG (Windows Vista and later, macOS
10.7 and later read those): Qt's ICO and ICNS writers store one picture per file, and a
Windows or macOS icon needs every size so that none is scaled from a blurry neighbour.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "clickwage.svg"
APP_ID = "io.github.clickwage.Clickwage"
LINUX_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icon types whose payload may be a PNG, with the pixel size each holds.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)

LINUX_ICONS = ROOT / "packaging" / "linux" / "icons" / "hicolor"
WINDOWS_ICON = ROOT / "packaging" / "windows" / "clickwage.ico"
MACOS_ICON = ROOT / "packaging" / "macos" / "clickwage.icns"


def linux_png(size: int) -> Path:
    return LINUX_ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def linux_svg() -> Path:
    return LINUX_ICONS / "scalable" / "apps" / f"{APP_ID}.svg"


def render_png(size: int) -> bytes:
    """The icon drawn at size × size pixels, on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per size, then the PNG payloads)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payloads = b"", b""
    for size in sizes:
        payload = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        payloads += payload
        offset += len(payload)
    return header + entries + payloads


def icns_container(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length, PNG) for each entry."""
    body = b""
    for kind, size in ICNS_TYPES:
        payload = pngs[size]
        body += kind + struct.pack(">I", 8 + len(payload)) + payload
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    wanted = set(LINUX_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(size) for size in sorted(wanted)}
    for size in LINUX_SIZES:
        target = linux_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    linux_svg().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, linux_svg())
    WINDOWS_ICON.parent.mkdir(parents=True, exist_ok=True)
    WINDOWS_ICON.write_bytes(ico_container({size: pngs[size] for size in ICO_SIZES}))
    MACOS_ICON.parent.mkdir(parents=True, exist_ok=True)
    MACOS_ICON.write_bytes(icns_container(pngs))
    for path in (*map(linux_png, LINUX_SIZES), linux_svg(), WINDOWS_ICON, MACOS_ICON):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
