"""`export`: the whole journal as CSV (one file per entity, in a folder or a .zip) or as JSON.

- CSV: tasks.csv (the native import format, so it reads back), sessions.csv,
  payouts.csv, platforms.csv, events.csv and rates.csv; UTF-8 with a BOM
  (so Excel reads accents), comma-separated, times in UTC with a Z, money as
  plain decimals. A cell a spreadsheet would run as a formula (starting with
  = + - @, a tab or a carriage return) gets a leading apostrophe; the native
  importer takes it off again.
- JSON: one file holding every entity and the settings, which `import
  --format json` reads back (into an empty or a non-empty journal) to the
  same reports. It is written one record per line, tasks last, so a million
  tasks never sit in memory.
Files are written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.domain.errors import ClickwageError, InvalidInput
from app.domain.money import format_plain
from app.services.context import ServiceContext
from app.services.imports.native import FIELDS as TASK_FIELDS
from app.services.imports.reading import neutralise
from app.services.imports.results import Cancel, Progress
from app.services.settings import SettingsService
from app.storage.migrate import head_revision
from app.storage.models import (
    AccountEvent,
    Attachment,
    ExchangeRate,
    Payout,
    Platform,
    ScamSignRecord,
    Task,
    WorkSession,
)
from app.storage.types import raw_epoch

EXPORT_FORMAT = "clickwage-export"
EXPORT_VERSION = 1
CSV_FILES = ("tasks", "sessions", "payouts", "platforms", "events", "rates")

TASK_CSV_COLUMNS = (*TASK_FIELDS, "session", "origin", "recorded_at", "id")
SESSION_COLUMNS = (
    "id",
    "platform",
    "activity",
    "started_at",
    "ended_at",
    "duration_seconds",
    "note",
    "origin",
    "recorded_at",
)
PAYOUT_COLUMNS = (
    "id",
    "platform",
    "amount",
    "currency",
    "fee",
    "method",
    "reference",
    "status",
    "requested_at",
    "received_at",
    "received_amount",
    "received_currency",
    "asks_for_money",
    "note",
    "origin",
    "recorded_at",
)
PLATFORM_COLUMNS = (
    "name",
    "currency",
    "url",
    "account",
    "min_wage",
    "max_payout_days",
    "max_review_days",
    "archived",
    "warning_signs",
    "origin",
    "recorded_at",
)
EVENT_COLUMNS = (
    "id",
    "platform",
    "kind",
    "at",
    "amount",
    "currency",
    "asks_for_money",
    "note",
    "origin",
    "recorded_at",
)
RATE_COLUMNS = ("currency", "home_currency", "rate", "valid_from")


class ExportCancelled(ClickwageError):
    """The user stopped the export; no file was left behind."""


@dataclass
class ExportResult:
    path: Path
    format: str  # csv or json
    counts: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def iso(seconds: int | None) -> str | None:
    """Epoch seconds as UTC with a Z, as every time in exports."""
    if seconds is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))



class _Money:
    """format_plain with a cache: exports print the same amounts over and over."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, str], str] = {}

    def __call__(self, minor: int | None, currency: str | None) -> str | None:
        if minor is None or currency is None:
            return None
        key = (minor, currency)
        found = self._cache.get(key)
        if found is None:
            found = format_plain(minor, currency) or ""
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = found
        return found


def duration_minutes(seconds: int | None) -> str | None:
    """Seconds as minutes with up to 4 decimals (they read back to the same seconds)."""
    if seconds is None:
        return None
    text = format(Decimal(seconds) / 60, ".4f").rstrip("0").rstrip(".")
    return text or "0"


class ExportService:
    def __init__(self, ctx: ServiceContext, settings: SettingsService) -> None:
        self._ctx = ctx
        self._settings = settings

    def export(
        self,
        out: Path,
        format: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ExportResult:
        """Write everything to `out`: JSON for .json (or --format json), else CSV (zip/folder)."""
        tr = self._ctx.tr
        chosen = (format or ("json" if out.suffix.lower() == ".json" else "csv")).lower()
        if chosen not in ("csv", "json"):
            raise InvalidInput(
                tr.gettext("{value!r} is not an export format; choose csv or json.").format(
                    value=format
                )
            )
        try:
            if chosen == "json":
                return self._json(out, progress, cancel)
            return self._csv(out, progress, cancel)
        except OSError as error:
            raise InvalidInput(
                tr.gettext("Cannot write {path}: {reason}.").format(
                    path=out, reason=error.strerror or error
                )
            ) from None

    # -- reading the journal ---------------------------------------------------------------

    def _total(self, session: Session) -> int:
        return sum(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Task, WorkSession, Payout, AccountEvent, ExchangeRate, Platform)
        )

    def _platform_names(self, session: Session) -> dict[int, str]:
        return {row[0]: row[1] for row in session.execute(select(Platform.id, Platform.name))}

    def platforms(self, session: Session, home: str) -> Iterator[dict[str, Any]]:
        signs: dict[int, list[str]] = {}
        for platform_id, sign in session.execute(
            select(ScamSignRecord.platform_id, ScamSignRecord.sign).order_by(ScamSignRecord.id)
        ):
            signs.setdefault(platform_id, []).append(sign)
        for row in session.scalars(select(Platform).order_by(Platform.id)):
            yield {
                "id": row.id,
                "name": row.name,
                "currency": row.currency,
                "url": row.url,
                "account": row.account_ref,
                "min_wage": format_plain(row.min_wage, home),
                "max_payout_days": row.max_payout_days,
                "max_review_days": row.max_review_days,
                "archived": row.archived,
                "warning_signs": signs.get(row.id, []),
                "origin": row.origin,
                "recorded_at": iso(int(row.recorded_at.timestamp())),
            }

    def scam_signs(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        for row in session.scalars(select(ScamSignRecord).order_by(ScamSignRecord.id)):
            yield {"platform": names[row.platform_id], "sign": row.sign, "note": row.note}

    def rates(self, session: Session) -> Iterator[dict[str, Any]]:
        for row in session.scalars(select(ExchangeRate).order_by(ExchangeRate.id)):
            yield {
                "currency": row.currency,
                "home_currency": row.home_currency,
                "rate": str(row.rate),
                "valid_from": row.valid_from.isoformat(),
            }

    def sessions(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        s = WorkSession.__table__.c
        query = select(
            s.id,
            s.platform_id,
            s.activity,
            raw_epoch(s.started_at),
            raw_epoch(s.ended_at),
            s.note,
            s.origin,
            raw_epoch(s.recorded_at),
        ).order_by(s.id)
        for row in session.execute(query.execution_options(yield_per=5000)):
            (session_id, platform_id, activity, started, ended, note, origin, recorded) = row
            yield {
                "id": session_id,
                "platform": names[platform_id],
                "activity": activity,
                "started_at": iso(started),
                "ended_at": iso(ended),
                "note": note,
                "origin": origin,
                "recorded_at": iso(recorded),
            }

    def payouts(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        money = _Money()
        for row in session.scalars(select(Payout).order_by(Payout.id)):
            yield {
                "id": row.id,
                "platform": names[row.platform_id],
                "amount": money(row.amount, row.currency),
                "currency": row.currency,
                "fee": money(row.fee, row.currency),
                "method": row.method,
                "reference": row.reference,
                "status": row.status,
                "requested_at": iso(int(row.requested_at.timestamp())),
                "received_at": iso(int(row.received_at.timestamp()))
                if row.received_at
                else None,
                "received_amount": money(row.received_amount, row.received_currency),
                "received_currency": row.received_currency,
                "asks_for_money": row.asks_for_money,
                "note": row.note,
                "origin": row.origin,
                "recorded_at": iso(int(row.recorded_at.timestamp())),
            }

    def events(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        money = _Money()
        for row in session.scalars(select(AccountEvent).order_by(AccountEvent.id)):
            yield {
                "id": row.id,
                "platform": names[row.platform_id],
                "kind": row.kind,
                "at": iso(int(row.at.timestamp())),
                "amount": money(row.amount, row.currency),
                "currency": row.currency,
                "asks_for_money": row.asks_for_money,
                "note": row.note,
                "origin": row.origin,
                "recorded_at": iso(int(row.recorded_at.timestamp())),
            }

    def attachments(self, session: Session) -> Iterator[dict[str, Any]]:
        for row in session.scalars(select(Attachment).order_by(Attachment.id)):
            yield {
                "id": row.id,
                "sha256": row.sha256,
                "file_name": row.file_name,
                "size": row.size,
                "media_type": row.media_type,
                "record_type": row.record_type,
                "record_id": row.record_id,
            }

    def tasks(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        t = Task.__table__.c
        money = _Money()
        query = select(
            t.id,
            t.platform_id,
            t.external_id,
            t.title,
            t.requester,
            t.status,
            t.reward,
            t.earned,
            t.bonus,
            t.currency,
            raw_epoch(t.started_at),
            raw_epoch(t.submitted_at),
            raw_epoch(t.decided_at),
            t.duration_s,
            t.reason,
            t.note,
            t.session_id,
            t.origin,
            raw_epoch(t.recorded_at),
        ).order_by(t.id)
        for row in session.execute(query.execution_options(yield_per=5000)):
            (
                task_id, platform_id, external_id, title, requester, status, reward, earned,
                bonus, currency, started, submitted, decided, duration, reason, note,
                session_id, origin, recorded,
            ) = row  # fmt: skip
            yield {
                "id": task_id,
                "platform": names[platform_id],
                "external_id": external_id,
                "title": title,
                "requester": requester,
                "status": status,
                "reward": money(reward, currency),
                "earned": money(earned, currency),
                "bonus": money(bonus, currency),
                "currency": currency,
                "started_at": iso(started),
                "submitted_at": iso(submitted),
                "decided_at": iso(decided),
                "duration_s": duration,
                "reason": reason,
                "note": note,
                "session": session_id,
                "origin": origin,
                "recorded_at": iso(recorded),
            }

    # -- JSON -------------------------------------------------------------------------------

    def _json(self, out: Path, progress: Progress | None, cancel: Cancel | None) -> ExportResult:
        ctx = self._ctx
        result = ExportResult(out, "json")
        raw_settings = self._settings.raw()
        home = raw_settings["home_currency"]
        with ctx.db.read() as session, _atomic(out) as handle:
            ticker = _Ticker(self._total(session), progress, cancel, ctx)
            names = self._platform_names(session)
            header = {
                "format": EXPORT_FORMAT,
                "version": EXPORT_VERSION,
                "app_version": __version__,
                "schema_revision": head_revision(),
                "exported_at": iso(int(ctx.now().timestamp())),
                "home_currency": home,
                "settings": raw_settings,
            }
            text = json.dumps(header, ensure_ascii=False, indent=1)
            handle.write(text[: text.rindex("}")].rstrip() + ",\n")
            sections: list[tuple[str, Callable[[], Iterator[dict[str, Any]]]]] = [
                ("platforms", lambda: self.platforms(session, home)),
                ("scam_signs", lambda: self.scam_signs(session, names)),
                ("rates", lambda: self.rates(session)),
                ("sessions", lambda: self.sessions(session, names)),
                ("payouts", lambda: self.payouts(session, names)),
                ("events", lambda: self.events(session, names)),
                ("attachments", lambda: self.attachments(session)),
                ("tasks", lambda: self.tasks(session, names)),
            ]
            for position, (name, rows) in enumerate(sections):
                handle.write(f' "{name}": [')
                count = 0
                dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
                for item in rows():
                    handle.write(("\n  " if count == 0 else ",\n  ") + dumps(item))
                    count += 1
                    ticker.tick()
                handle.write("\n ]" if count else "]")
                handle.write(",\n" if position < len(sections) - 1 else "\n}\n")
                result.counts[name] = count
        result.files.append(out.name)
        return result

    # -- CSV --------------------------------------------------------------------------------

    def _csv(self, out: Path, progress: Progress | None, cancel: Cancel | None) -> ExportResult:
        ctx = self._ctx
        as_zip = out.suffix.lower() == ".zip"
        result = ExportResult(out, "csv")
        home = self._settings.raw()["home_currency"]
        if not as_zip:
            if out.exists() and not out.is_dir():
                raise InvalidInput(
                    ctx.tr.gettext(
                        "{path} is a file: give a folder (or a name ending in .zip) for a CSV "
                        "export."
                    ).format(path=out)
                )
            out.mkdir(parents=True, exist_ok=True)
        with ctx.db.read() as session:
            ticker = _Ticker(self._total(session), progress, cancel, ctx)
            names = self._platform_names(session)
            tables: list[tuple[str, tuple[str, ...], Iterator[dict[str, Any]]]] = [
                ("tasks", TASK_CSV_COLUMNS, self._task_rows(session, names)),
                ("sessions", SESSION_COLUMNS, self._session_rows(session, names)),
                ("payouts", PAYOUT_COLUMNS, self.payouts(session, names)),
                ("platforms", PLATFORM_COLUMNS, self._platform_rows(session, home)),
                ("events", EVENT_COLUMNS, self.events(session, names)),
                ("rates", RATE_COLUMNS, self.rates(session)),
            ]
            if as_zip:
                with (
                    _atomic(out, binary=True) as raw,
                    zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf,
                ):
                    for name, columns, rows in tables:
                        with zf.open(f"{name}.csv", "w") as member:
                            text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
                            result.counts[name] = _write_csv(text, columns, rows, ticker)
                            text.flush()
                            text.detach()
                        result.files.append(f"{name}.csv")
            else:
                for name, columns, rows in tables:
                    with _atomic(out / f"{name}.csv", encoding="utf-8-sig") as handle:
                        result.counts[name] = _write_csv(handle, columns, rows, ticker)
                    result.files.append(f"{name}.csv")
        return result

    def _task_rows(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        for item in self.tasks(session, names):
            item["duration_minutes"] = duration_minutes(item.pop("duration_s"))
            yield item

    def _session_rows(self, session: Session, names: dict[int, str]) -> Iterator[dict[str, Any]]:
        s = WorkSession.__table__.c
        durations: dict[int, int] = {
            row[0]: row[1]
            for row in session.execute(
                select(s.id, raw_epoch(s.ended_at) - raw_epoch(s.started_at)).where(
                    s.ended_at.is_not(None)
                )
            )
        }
        for item in self.sessions(session, names):
            item["duration_seconds"] = durations.get(item["id"])
            yield item

    def _platform_rows(self, session: Session, home: str) -> Iterator[dict[str, Any]]:
        for item in self.platforms(session, home):
            item["warning_signs"] = " ".join(item["warning_signs"])
            yield item


def _write_csv(
    handle: IO[str], columns: tuple[str, ...], rows: Iterator[dict[str, Any]], ticker: _Ticker
) -> int:
    writer = csv.writer(handle)
    writer.writerow(columns)
    count = 0
    for item in rows:
        writer.writerow([_cell(item.get(column)) for column in columns])
        count += 1
        ticker.tick()
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


class _Ticker:
    """Progress in records written, and the cancel check, every few hundred records."""

    def __init__(
        self, total: int, progress: Progress | None, cancel: Cancel | None, ctx: ServiceContext
    ) -> None:
        self.total, self.done = total, 0
        self._progress, self._cancel, self._ctx = progress, cancel, ctx

    def tick(self) -> None:
        self.done += 1
        if self.done & 1023:
            return
        if self._cancel is not None and self._cancel():
            raise ExportCancelled(self._ctx.tr.gettext("Export cancelled; no file was written."))
        if self._progress is not None:
            self._progress(self.done, self.total)


@contextlib.contextmanager
def _atomic(
    path: Path, *, binary: bool = False, encoding: str = "utf-8"
) -> Iterator[Any]:
    """Write to `path.part`, then rename it over `path`; remove it on any failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    handle: Any = (
        temporary.open("wb") if binary else temporary.open("w", encoding=encoding, newline="")
    )
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
