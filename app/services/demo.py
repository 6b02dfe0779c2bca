"""A realistic, throwaway demo data set built from a fixed seed (`clickwage gui --demo`).

Three platforms, three months of sessions, tasks and payouts ending today,
and one account closed while holding a balance.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from app.domain.statuses import Activity, EventKind, Origin, PayoutStatus, TaskStatus
from app.services import Services
from app.storage.models import AccountEvent, Payout, WorkSession
from app.storage.types import epoch_seconds

SEED = 20260315
# Rough values in euros, to give the demo exchange rates whatever the home currency.
EURO_VALUE = {"EUR": Decimal(1), "GBP": Decimal("1.17"), "USD": Decimal("0.92")}
DAYS = 92

PLATFORMS = (
    # name, currency, rewards (minor units), rejection share, pay per minute of work (minor)
    ("Prolific", "GBP", (45, 80, 120, 150, 200, 300, 450), 0.02),
    ("Amazon Mechanical Turk", "USD", (1, 2, 5, 10, 12, 25, 50, 100), 0.06),
    ("Clickworker", "EUR", (15, 30, 50, 75, 120), 0.03),
)


def build_demo(services: Services, now: datetime | None = None) -> None:
    """Fill an empty database with the demo data; `now` defaults to the services' clock."""
    rng = random.Random(SEED)
    ctx = services.ctx
    end = (now or ctx.clock.now()).replace(microsecond=0)
    home = services.settings.current().home_currency
    early, later = (end - timedelta(days=DAYS + 30)).date(), (end - timedelta(days=40)).date()
    for currency, in_euros in (("GBP", "1.17"), ("USD", "0.92"), ("EUR", "1")):
        if currency != home and home in EURO_VALUE:
            rate = Decimal(in_euros) / EURO_VALUE[home]
            services.rates.set(currency, str(rate.quantize(Decimal("0.0001"))), early)
            if currency == "GBP":
                services.rates.set(currency, str((rate * Decimal("0.99")).quantize(
                    Decimal("0.0001"))), later)
    ids: dict[str, int] = {}
    for name, currency, _rewards, _reject in PLATFORMS:
        ids[name] = services.platforms.add(name, currency).id
    task_rows: list[dict[str, object]] = []
    sessions: list[WorkSession] = []
    start_day = end - timedelta(days=DAYS)
    for offset in range(DAYS + 1):
        day = start_day + timedelta(days=offset)
        if rng.random() < 0.2:  # a day off
            continue
        clock_time = day.replace(hour=7 + rng.randrange(3), minute=rng.randrange(60), second=0)
        for _block in range(rng.randint(1, 3)):
            name, currency, rewards, reject = PLATFORMS[rng.randrange(len(PLATFORMS))]
            search = timedelta(minutes=rng.randint(5, 30))
            sessions.append(WorkSession(platform_id=ids[name], activity=Activity.SEARCH.value,
                                        started_at=clock_time, ended_at=clock_time + search,
                                        origin=Origin.TIMER))
            clock_time += search
            work_start = clock_time
            for _number in range(rng.randint(3, 12)):
                minutes = rng.randint(2, 18)
                started = clock_time
                clock_time += timedelta(minutes=minutes)
                if clock_time >= end - timedelta(minutes=30):
                    break
                task_rows.append(_demo_task(rng, ids[name], currency, rewards, reject, started,
                                       clock_time, end))
                clock_time += timedelta(seconds=rng.randint(10, 90))
            sessions.append(WorkSession(platform_id=ids[name], activity=Activity.TASK.value,
                                        started_at=work_start, ended_at=clock_time,
                                        origin=Origin.TIMER))
            if rng.random() < 0.15:
                qualification = timedelta(minutes=rng.randint(10, 25))
                sessions.append(WorkSession(
                    platform_id=ids[name], activity=Activity.QUALIFICATION.value,
                    started_at=clock_time, ended_at=clock_time + qualification,
                    origin=Origin.TIMER))
                clock_time += qualification
            clock_time += timedelta(minutes=rng.randint(20, 90))
            if clock_time >= end:
                break
    kept = [s for s in sessions if s.ended_at is not None and s.ended_at <= end - timedelta(
        minutes=30)]
    # The timer is running now, on Prolific, started 25 minutes ago.
    kept.append(WorkSession(platform_id=ids["Prolific"], activity=Activity.TASK.value,
                            started_at=end - timedelta(minutes=25), ended_at=None,
                            origin=Origin.TIMER))
    with ctx.db.write(origin=Origin.TIMER) as session:
        session.add_all(kept)
    services.tasks.bulk_insert(task_rows, origin=Origin.imported("demo"))
    with ctx.db.write() as session:
        for week in range(0, DAYS, 14):
            requested = start_day + timedelta(days=week + 3, hours=10)
            for name, currency, _rewards, _reject in PLATFORMS:
                slow = name == "Amazon Mechanical Turk"
                delay = timedelta(days=rng.randint(16, 25) if slow else rng.randint(1, 5))
                received = requested + delay
                done = received < end
                session.add(Payout(
                    platform_id=ids[name], amount=rng.randint(1500, 6000), currency=currency,
                    fee=0 if name != "Clickworker" else 30, method="PayPal",
                    status=PayoutStatus.RECEIVED.value if done else PayoutStatus.REQUESTED.value,
                    requested_at=requested, received_at=received if done else None,
                ))
        session.add(AccountEvent(
            platform_id=ids["Clickworker"], kind=EventKind.ACCOUNT_CLOSED.value,
            at=end - timedelta(days=9), amount=4275, currency="EUR",
            note="Account closed after an automated quality review; balance of 42.75 EUR held.",
        ))


def _demo_task(
    rng: random.Random,
    platform_id: int,
    currency: str,
    rewards: tuple[int, ...],
    reject: float,
    started: datetime,
    submitted: datetime,
    end: datetime,
) -> dict[str, object]:
    age = end - submitted
    roll = rng.random()
    if age < timedelta(days=3) and roll < 0.6:
        status = TaskStatus.PENDING
    elif roll < reject:
        status = TaskStatus.REJECTED
    elif roll < reject + 0.03:
        status = TaskStatus.RETURNED
    elif roll < reject + 0.05:
        status = TaskStatus.SCREENED_OUT
    else:
        status = TaskStatus.APPROVED
    reward = rng.choice(rewards)
    decided = None
    if status in (TaskStatus.APPROVED, TaskStatus.REJECTED, TaskStatus.SCREENED_OUT):
        decided = epoch_seconds(min(submitted + timedelta(hours=rng.randint(2, 60)), end))
    return {
        "platform_id": platform_id,
        "external_id": f"{rng.getrandbits(40):010x}",
        "title": rng.choice(("Short survey on daily habits", "Image labelling batch",
                             "Audio transcription", "Product categorisation",
                             "Sentiment rating", "Receipt data entry")),
        "requester": rng.choice(("Univ. research lab", "DataCo", "Panel Insights",
                                 "AI Trainer Ltd")),
        "reward": reward,
        "earned": reward // 3 if status is TaskStatus.SCREENED_OUT else None,
        "bonus": rng.choice((0, 0, 0, 0, 10, 25)) if status is TaskStatus.APPROVED else 0,
        "currency": currency,
        "status": status.value,
        "started_at": epoch_seconds(started),
        "submitted_at": epoch_seconds(submitted),
        "decided_at": decided,
        "duration_s": None,
        "reason": "Failed attention check (automated)" if status is TaskStatus.REJECTED else None,
    }
