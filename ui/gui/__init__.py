"""The PySide6 window: main window, pages, table models, dialogs, tray, undo stack."""
