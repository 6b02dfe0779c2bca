"""The use cases. Built once by a composition root (the CLI or the window) and passed down."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from app.domain.clock import Clock
from app.i18n import Translator, resolve_language, system_country, system_language
from app.services.attachments import AttachmentService
from app.services.audit import AuditService
from app.services.context import ServiceContext
from app.services.events import EventService
from app.services.payouts import PayoutService
from app.services.platforms import PlatformService
from app.services.rates import RateService
from app.services.reports import ReportService
from app.services.settings import SettingsService
from app.services.tasks import TaskService
from app.services.timer import TimerService
from app.storage.database import Database


@dataclass(frozen=True)
class Services:
    ctx: ServiceContext
    settings: SettingsService
    platforms: PlatformService
    timer: TimerService
    tasks: TaskService
    payouts: PayoutService
    events: EventService
    rates: RateService
    reports: ReportService
    audit: AuditService
    attachments: AttachmentService

    def close(self) -> None:
        self.ctx.db.close()


def build_services(db: Database, clock: Clock, zone: tzinfo, tr: Translator) -> Services:
    ctx = ServiceContext(db=db, clock=clock, zone=zone, tr=tr)
    settings = SettingsService(ctx)
    rates = RateService(ctx, settings)
    return Services(
        ctx=ctx,
        settings=settings,
        platforms=PlatformService(ctx, settings),
        timer=TimerService(ctx),
        tasks=TaskService(ctx),
        payouts=PayoutService(ctx, settings),
        events=EventService(ctx),
        rates=rates,
        reports=ReportService(ctx, settings, rates),
        audit=AuditService(ctx),
        attachments=AttachmentService(ctx),
    )


def open_user_services(
    directory: Path, clock: Clock, zone: tzinfo, environ: Mapping[str, str] | None = None
) -> Services:
    """Open the user's database with the language their settings (or system) ask for."""
    system = Translator(system_language(environ))
    db = Database.open(directory, clock, system)
    try:
        stored = SettingsService(ServiceContext(db, clock, zone, system)).raw()["language"]
        services = build_services(db, clock, zone, Translator(resolve_language(stored, environ)))
        services.settings.initialise(system_country(environ))
    except BaseException:
        db.close()
        raise
    return services


def open_services(
    directory: Path, clock: Clock, zone: tzinfo, tr: Translator, country: str | None
) -> Services:
    """Open (and migrate) the database in `directory`, first-start settings included."""
    db = Database.open(directory, clock, tr)
    services = build_services(db, clock, zone, tr)
    services.settings.initialise(country)
    return services
