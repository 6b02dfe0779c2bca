"""What every service needs: the database, the clock, the local zone and the translator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from app.domain.clock import Clock
from app.i18n import Translator
from app.storage.database import Database


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    clock: Clock
    zone: tzinfo
    tr: Translator

    def now(self) -> datetime:
        """The current instant in whole seconds (what is stored)."""
        return self.clock.now().replace(microsecond=0)
