"""Where the data lives: the platformdirs user data dir, unless overridden."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "Clickwage"
DATABASE_FILE = "clickwage.sqlite"
ENV_VARIABLE = "CLICKWAGE_DATA_DIR"


def data_dir(override: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """--data-dir wins, then CLICKWAGE_DATA_DIR, then the platform's user data dir."""
    env = os.environ if environ is None else environ
    if override:
        return Path(override).expanduser()
    if env.get(ENV_VARIABLE):
        return Path(env[ENV_VARIABLE]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
