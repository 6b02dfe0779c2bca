"""The JSON dump: export → import into a fresh journal gives the same reports; into a
non-empty one it adds nothing twice; damaged and newer dumps are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput
from app.domain.statuses import Activity
from app.i18n import Translator
from app.services import Services, open_services
from app.services.attachments import AttachmentService
from app.services.exports import ExportService
from app.services.imports import ImportOptions, ImportRefused, ImportService
from tests.conftest import PARIS


def fill(services: Services, clock: FakeClock, tmp_path: Path) -> None:
    """A month of everything: overrides, signs, rates, sessions, tasks, payouts, events."""
    now = clock.now()
    services.settings.set("bridge_gap_seconds", "120")
    services.rates.set("GBP", "1.17", on=date(2026, 1, 1))
    services.rates.set("USD", "0.92", on=date(2026, 2, 1))
    services.platforms.add("Prolific", currency="GBP", min_wage="10.00", max_payout_days=5)
    services.platforms.add("MTurk", currency="USD")
    services.platforms.add_sign("MTurk", "withdrawal-fee", note="asked 5 USD to withdraw")
    services.timer.start("Prolific", at=now - timedelta(days=3, hours=2))
    services.timer.start(
        "MTurk", activity=Activity.SEARCH, at=now - timedelta(days=3, hours=1), switch=True
    )
    services.timer.stop(at=now - timedelta(days=3))
    first = services.tasks.add(
        "Prolific",
        "2.50",
        external_id="P1",
        title='Survey, "quoted"',
        requester="Lab",
        started=now - timedelta(days=3, hours=2),
        submitted=now - timedelta(days=3, hours=1),
        note="=formula looking",
    )
    services.tasks.add(
        "Prolific",
        "1.00",
        external_id="P2",
        status="rejected",
        submitted=now - timedelta(days=2),
        decided=now - timedelta(days=1),
        reason="failed check",
    )
    services.tasks.add(
        "MTurk",
        "0.10",
        title="No id",
        status="approved",
        submitted=now - timedelta(days=2),
        duration_minutes="2.5",
    )
    services.tasks.add(
        "MTurk",
        "0.10",
        title="No id",
        status="approved",
        submitted=now - timedelta(days=2),
        duration_minutes="2.5",
    )
    services.tasks.update(
        "Prolific", "P1", status="approved", earned="2.50", bonus="0.50", at=now - timedelta(days=1)
    )
    payout = services.payouts.add(
        "Prolific",
        "5.00",
        requested=now - timedelta(days=2),
        fee="0.20",
        method="PayPal",
        reference="TX1",
    )
    services.payouts.receive(payout.id, at=now - timedelta(days=1), amount="5.80 EUR")
    services.payouts.add("MTurk", "12.00", requested=now - timedelta(days=1))
    services.events.add(
        "MTurk",
        "balance_withheld",
        at=now - timedelta(hours=5),
        amount="12.00",
        note="account under review",
    )
    proof = tmp_path / "proof.png"
    proof.write_bytes(b"\x89PNG fake screenshot")
    AttachmentService(services.ctx).attach("task", first.id, proof)
    services.timer.start("Prolific", at=now - timedelta(minutes=20))  # left running


@pytest.fixture
def filled(services: Services, clock: FakeClock, tmp_path: Path) -> Services:
    fill(services, clock, tmp_path)
    return services


@pytest.fixture
def fresh(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    built = open_services(tmp_path / "fresh", clock, PARIS, Translator("en"), "FR")
    yield built
    built.close()


def report(services: Services) -> dict[str, Any]:
    return services.reports.report(date(2026, 3, 1), date(2026, 4, 1)).as_json()


def task_rows(services: Services) -> list[dict[str, Any]]:
    keep = (
        "platform",
        "external_id",
        "title",
        "requester",
        "status",
        "reward",
        "earned",
        "bonus",
        "currency",
        "started_at",
        "submitted_at",
        "decided_at",
        "duration_s",
        "reason",
        "note",
    )
    return [{k: t.as_json()[k] for k in keep} for t in filled_tasks(services)]


def filled_tasks(services: Services) -> list[Any]:
    return list(services.tasks.list())


def test_export_then_import_into_a_fresh_journal_gives_the_same_report(
    filled: Services, fresh: Services, tmp_path: Path
) -> None:
    dump = tmp_path / "all.json"
    result = ExportService(filled.ctx, filled.settings).export(dump)
    assert result.counts["tasks"] == 4 and result.counts["sessions"] == 3
    summary = ImportService(fresh.ctx).run(dump)
    assert summary.format == "json" and summary.settings_applied
    assert summary.count("tasks").added == 4
    assert summary.count("sessions").added == 3
    assert summary.count("payouts").added == 2
    assert summary.count("events").added == 1 and summary.count("rates").added == 2
    assert summary.count("signs").added == 1
    assert report(fresh) == report(filled)
    assert task_rows(fresh) == task_rows(filled)
    assert fresh.settings.current() == filled.settings.current()
    assert {p.name: (p.min_wage, p.max_payout_days) for p in fresh.platforms.list()} == {
        p.name: (p.min_wage, p.max_payout_days) for p in filled.platforms.list()
    }
    assert fresh.reports.current().as_json() == filled.reports.current().as_json()
    assert [(p, f.code) for p, f in fresh.reports.current_flags()] == [
        (p, f.code) for p, f in filled.reports.current_flags()
    ]
    assert fresh.timer.status().running
    assert fresh.audit.verify().intact
    # The attachment's file is not in this journal: it is left out, and said so.
    assert any("attachment" in note for note in summary.notes)


def test_importing_the_dump_back_into_its_own_journal_adds_nothing(
    filled: Services, tmp_path: Path
) -> None:
    dump = tmp_path / "all.json"
    ExportService(filled.ctx, filled.settings).export(dump)
    head = filled.audit.head()
    summary = ImportService(filled.ctx).run(dump)
    for entity in ("tasks", "sessions", "payouts", "events", "rates", "signs", "attachments"):
        counts = summary.count(entity)
        assert (counts.added, counts.updated) == (0, 0), entity
    assert not summary.settings_applied
    assert filled.audit.head() == head


def test_a_later_dump_updates_what_changed(
    filled: Services, fresh: Services, clock: FakeClock, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    ExportService(filled.ctx, filled.settings).export(first)
    ImportService(fresh.ctx).run(first)
    clock.advance(minutes=5)
    filled.timer.stop()
    filled.tasks.update("Prolific", "P1", reason="kept")
    waiting = next(p for p in filled.payouts.list() if p.status == "requested")
    filled.payouts.receive(waiting.id, at=clock.now())
    second = tmp_path / "second.json"
    ExportService(filled.ctx, filled.settings).export(second)
    summary = ImportService(fresh.ctx).run(second)
    assert summary.count("sessions").updated == 1
    assert summary.count("payouts").updated == 1
    assert summary.count("tasks").updated == 1
    assert report(fresh) == report(filled)
    assert fresh.audit.verify().intact


def test_a_dump_into_a_journal_with_its_own_settings_keeps_them(
    filled: Services, services_usd: Services, tmp_path: Path
) -> None:
    dump = tmp_path / "all.json"
    ExportService(filled.ctx, filled.settings).export(dump)
    summary = ImportService(services_usd.ctx).run(dump)
    assert not summary.settings_applied
    assert services_usd.settings.current().home_currency == "USD"
    assert any("settings" in note for note in summary.notes)


@pytest.fixture
def services_usd(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    built = open_services(tmp_path / "usd", clock, PARIS, Translator("en"), "US")
    built.platforms.add("Appen")
    yield built
    built.close()


def test_bad_records_are_listed_by_their_place(fresh: Services, tmp_path: Path) -> None:
    dump = {
        "format": "clickwage-export",
        "version": 1,
        "settings": {},
        "platforms": [{"name": "Prolific", "currency": "GBP"}, {"name": "", "currency": "XX"}],
        "sessions": [
            {"platform": "Prolific", "activity": "dancing", "started_at": "2026-03-01T10:00:00Z"}
        ],
        "tasks": [
            {"platform": "Prolific", "status": "approved", "reward": "1.00", "currency": "GBP"},
            {
                "platform": "Prolific",
                "status": "done",
                "reward": "x",
                "currency": "GBP",
                "submitted_at": "yesterday",
                "title": 5,
            },
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(dump), encoding="utf-8")
    head = fresh.audit.head()
    with pytest.raises(ImportRefused) as refused:
        ImportService(fresh.ctx).run(path)
    message = str(refused.value)
    assert "platforms[1], field name: the value is missing." in message
    assert "platforms[1], field currency:" in message
    assert "sessions[0], field activity: 'dancing' is not one of" in message
    assert "tasks[1], field status: 'done' is not one of" in message
    assert "tasks[1], field reward:" in message
    assert "tasks[1], field submitted_at:" in message
    assert "tasks[1], field title: the value is not text." in message
    assert fresh.audit.head() == head


def test_other_json_and_newer_dumps_are_refused(fresh: Services, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "clickwage-export", "version": 99}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="newer version of Clickwage"):
        ImportService(fresh.ctx).run(path)
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InvalidInput, match="neither a Clickwage export nor an MTurk"):
        ImportService(fresh.ctx).run(path)
    with pytest.raises(InvalidInput, match="is not a Clickwage export"):
        ImportService(fresh.ctx).run(path, ImportOptions(format="json"))


def test_a_running_session_cannot_join_another_running_one(
    filled: Services, tmp_path: Path, clock: FakeClock
) -> None:
    dump = {
        "format": "clickwage-export",
        "version": 1,
        "sessions": [
            {
                "platform": "MTurk",
                "activity": "task",
                "started_at": "2026-03-10T08:00:00Z",
                "ended_at": None,
            }
        ],
    }
    path = tmp_path / "run.json"
    path.write_text(json.dumps(dump), encoding="utf-8")
    with pytest.raises(ImportRefused, match="still running"):
        ImportService(filled.ctx).run(path)
