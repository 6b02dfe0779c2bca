"""A heavy crowd worker's three years of ledger, for the benchmarks (not a test fixture).

`fill(services, clock, total, seed)` writes them through the services, as the app would:
platforms, exchange rates, work sessions through the timer (the FakeClock is moved to
each start/stop, so they are real `timer` records with their audit entries), tasks
through TaskService.bulk_insert (one import per platform and month, each one audit entry
with a Merkle root), payouts and account events through their services. Used by
bench/report_scale.py and bench/charts_scale.py; the clock stands at NOW in ZONE.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.domain.clock import FakeClock  # noqa: E402
from app.domain.statuses import Activity, Origin, TaskStatus  # noqa: E402
from app.services import Services  # noqa: E402

ZONE = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
NOW_TS = int(NOW.timestamp())
FIRST_DAY = date(2023, 11, 28)  # three years of days before the clock's day
LAST_DAY = date(2026, 11, 27)  # the last full day before it
DAY = 86400

# -- what a heavy crowd worker's three years look like ---------------------------------------

# Task statuses once decided, per 1000 decided tasks (pending is decided by the task's age).
A, R, RT, SO, PA, EX = (TaskStatus.APPROVED.value, TaskStatus.REJECTED.value,
                        TaskStatus.RETURNED.value, TaskStatus.SCREENED_OUT.value,
                        TaskStatus.PARTIALLY_APPROVED.value, TaskStatus.EXPIRED.value)


def _weighted(pairs: tuple[tuple[Any, int], ...]) -> tuple[Any, ...]:
    """A tuple in which each value appears `weight` times: rng.choice() on it is weighted."""
    return tuple(value for value, weight in pairs for _ in range(weight))


@dataclass(frozen=True)
class Profile:
    name: str
    currency: str
    share: int  # relative share of working blocks (so of tasks)
    origin_format: str  # recorded as origin import:<format>
    prefix: str  # external id prefix
    durations: tuple[int, ...]  # seconds (1 to 20 minutes), weighted
    rewards: tuple[int, ...]  # minor units, weighted: few distinct values
    decided: tuple[str, ...]  # weighted decided statuses
    review_days: int  # tasks younger than this are often still pending
    bonus_rate: float
    screen_pay: int  # what a screen-out pays (minor units)
    payout_every: int  # days between withdrawals
    payout_min: int  # minor units
    payout_delays: tuple[int, ...]  # days from request to receipt, weighted
    fee: Callable[[int], int]
    titles: tuple[str, ...]


SHORT = _weighted(((60, 30), (90, 25), (120, 20), (180, 12), (240, 6), (300, 4), (420, 2),
                   (600, 1)))
MEDIUM = _weighted(((120, 5), (180, 10), (300, 20), (420, 15), (600, 15), (900, 10), (1200, 5)))
LONG = _weighted(((300, 10), (600, 20), (900, 20), (1200, 10)))
SCREENER = (60, 90, 120, 180)

PROFILES: tuple[Profile, ...] = (
    Profile("Amazon Mechanical Turk", "USD", 34, "mturk-batch", "3MTK",
            SHORT, _weighted(((1, 4), (2, 6), (3, 4), (5, 10), (8, 6), (10, 10), (12, 6),
                              (15, 8), (20, 8), (25, 6), (30, 4), (40, 3), (50, 4), (75, 2),
                              (100, 3), (150, 1), (200, 1))),
            _weighted(((A, 930), (R, 25), (RT, 35), (PA, 0), (SO, 0), (EX, 10))),
            3, 0.03, 0, 7, 100, _weighted(((1, 6), (2, 3), (3, 1))), lambda amount: 0,
            ("Transcribe a receipt", "Tag objects in an image", "Categorize products",
             "Rate the sentiment of short texts", "Find the company website",
             "Short academic survey (5 minutes)", "Draw boxes around cars",
             "Judge search result relevance")),
    Profile("Prolific", "GBP", 14, "prolific", "PRL",
            MEDIUM, _weighted(((45, 3), (60, 5), (75, 6), (90, 6), (100, 8), (120, 8),
                               (150, 8), (180, 4), (200, 5), (250, 4), (300, 3), (400, 2),
                               (500, 1))),
            _weighted(((A, 900), (R, 12), (RT, 40), (PA, 0), (SO, 40), (EX, 8))),
            7, 0.06, 14, 10, 500, _weighted(((0, 6), (1, 3), (2, 1))), lambda amount: 0,
            ("Decision making study", "Attitudes towards technology",
             "Memory and attention task", "Consumer choices survey",
             "Language comprehension experiment", "Well-being questionnaire")),
    Profile("Clickworker", "EUR", 12, "native", "CW",
            SHORT, _weighted(((2, 4), (3, 6), (5, 8), (8, 6), (10, 8), (15, 6), (20, 5),
                              (30, 4), (50, 3), (75, 1), (100, 1))),
            _weighted(((A, 930), (R, 30), (RT, 20), (PA, 15), (SO, 0), (EX, 5))),
            10, 0.01, 0, 7, 500, _weighted(((2, 2), (3, 5), (5, 3))), lambda amount: 0,
            ("Write a product description", "UHRS: relevance judgement",
             "Proofread a paragraph", "Local business data check")),
    Profile("Toloka", "USD", 12, "toloka", "TLK",
            SHORT, _weighted(((1, 8), (2, 8), (3, 6), (5, 6), (8, 4), (10, 4), (15, 2),
                              (20, 1))),
            _weighted(((A, 880), (R, 80), (RT, 30), (PA, 0), (SO, 0), (EX, 10))),
            5, 0.01, 0, 14, 100, _weighted(((1, 5), (2, 3), (5, 2))),
            lambda amount: max(1, amount // 100),  # 1 %
            ("Is this image offensive?", "Classify the query", "Transcribe audio clip",
             "Compare two search results")),
    Profile("Appen", "USD", 6, "native", "APN",
            LONG, _weighted(((50, 3), (100, 5), (150, 5), (200, 4), (300, 2), (400, 1))),
            _weighted(((A, 920), (R, 20), (RT, 20), (PA, 30), (SO, 0), (EX, 10))),
            14, 0.0, 0, 30, 1000, _weighted(((5, 3), (10, 4), (15, 2), (20, 1))),
            lambda amount: 300,  # a flat withdrawal fee
            ("Search engine evaluation", "Map data validation", "Social media ad rating")),
    Profile("Microworkers", "USD", 8, "native", "MWK",
            SHORT, _weighted(((5, 5), (8, 5), (10, 6), (15, 5), (20, 4), (30, 3), (50, 2))),
            _weighted(((A, 900), (R, 50), (RT, 40), (PA, 0), (SO, 0), (EX, 10))),
            7, 0.0, 0, 14, 900, _weighted(((3, 3), (7, 3), (14, 2), (21, 1), (30, 1))),
            lambda amount: amount * 3 // 100,  # 3 %
            ("Sign up and test an app", "Watch a video and answer", "Find an e-mail address",
             "Data collection: store hours")),
    Profile("Remotasks", "USD", 9, "native", "RMT",
            LONG, _weighted(((30, 3), (50, 5), (75, 5), (100, 5), (150, 3), (200, 2),
                             (300, 1))),
            _weighted(((A, 900), (R, 40), (RT, 30), (PA, 20), (SO, 0), (EX, 10))),
            7, 0.02, 0, 7, 500, _weighted(((1, 5), (2, 2), (3, 1), (7, 1), (18, 1))),
            lambda amount: 100,  # a flat transfer fee
            ("LiDAR annotation", "Image segmentation", "Chatbot answer ranking")),
    Profile("Sondages Express", "EUR", 5, "native", "SDX",
            LONG, _weighted(((50, 4), (100, 6), (150, 4), (200, 3), (300, 2), (500, 1))),
            _weighted(((A, 820), (R, 20), (RT, 30), (PA, 0), (SO, 120), (EX, 10))),
            14, 0.0, 10, 60, 2000, _weighted(((7, 3), (14, 3), (30, 2), (45, 2))),
            lambda amount: 0,
            ("Opinion survey: groceries", "Survey: mobile phone habits",
             "Survey: holidays", "Survey: streaming services")),
)
PROLIFIC_USD_SHARE = 0.10  # some Prolific studies pay in USD
PROLIFIC_USD_REWARDS = _weighted(((50, 3), (75, 4), (100, 6), (150, 5), (200, 3), (300, 2)))

RATES = (  # 1 unit = rate EUR, from a local date
    ("GBP", date(2023, 11, 1), "1.1500"), ("GBP", date(2024, 6, 1), "1.1800"),
    ("GBP", date(2025, 1, 1), "1.2000"), ("GBP", date(2025, 9, 1), "1.1600"),
    ("GBP", date(2026, 5, 1), "1.1400"),
    ("USD", date(2023, 11, 1), "0.9400"), ("USD", date(2024, 5, 1), "0.9200"),
    ("USD", date(2024, 12, 1), "0.9600"), ("USD", date(2025, 6, 1), "0.8800"),
    ("USD", date(2026, 3, 1), "0.8600"),
)
EVENTS = (  # platform, kind, local date, amount, note
    ("Toloka", "account_suspended", date(2025, 3, 4), "12.40", "Account blocked for review"),
    ("Toloka", "resolved", date(2025, 3, 21), None, "Account restored"),
    ("Remotasks", "account_suspended", date(2026, 2, 14), "48.75", "Suspended without reason"),
    ("Remotasks", "resolved", date(2026, 4, 1), None, "Balance paid after appeal"),
    ("Microworkers", "balance_withheld", date(2026, 10, 20), "23.40",
     "Withdrawal held: 'under review'"),
    ("Amazon Mechanical Turk", "message", date(2024, 6, 10), None,
     "Asked a requester why a batch was rejected"),
)
BONUSES = (5, 10, 20, 25, 50, 100)
GAPS = (3, 5, 8, 10, 15, 20, 30, 30, 45, 60, 90, 120)  # seconds between two tasks
DECISION_DELAYS = (600, 3600, 4 * 3600, 12 * 3600, DAY, 2 * DAY, 3 * DAY)
SLOTS = ((8, 0), (12, 0), (16, 0), (20, 0))  # local block start times (4 h apart)
REQUESTERS = tuple(f"{a} {b}" for a in ("North", "Bright", "Data", "Behavioral", "Open", "Blue",
                                        "Urban", "Quick", "Civic", "Neuro", "Pixel", "Alpha")
                   for b in ("Lab", "Research", "Labs", "Insights", "Studies", "AI", "Group",
                             "Panel", "Tasks", "Institute", "Analytics", "Team"))


@dataclass
class Counters:
    tasks: int = 0
    sessions: int = 0
    timer_writes: int = 0
    payouts: int = 0
    events: int = 0
    imports: int = 0
    lanes: int = 0
    blocks: int = 0
    timer_s: float = 0.0
    import_s: float = 0.0


@dataclass
class Balance:
    amount: int = 0
    last_payout_day: date = FIRST_DAY


# -- filling -----------------------------------------------------------------------------------

def local_ts(day: date, hour: int, minute: int) -> int:
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).timestamp())


def at(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def day_counts(rng: random.Random, total: int) -> list[tuple[date, int]]:
    """How many tasks each day gets: about 6 days in 7 worked, busier on weekdays."""
    days: list[tuple[date, float]] = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        weekend = day.weekday() >= 5
        if rng.random() < (0.6 if weekend else 0.93):
            days.append((day, rng.uniform(0.6, 1.4) * (0.6 if weekend else 1.0)))
        day += timedelta(days=1)
    weight = sum(w for _, w in days)
    counts = [int(total * w / weight) for _, w in days]
    for index in rng.sample(range(len(days)), total - sum(counts)):
        counts[index] += 1
    return [(d, n) for (d, _), n in zip(days, counts, strict=True)]


def fill(services: Services, clock: FakeClock, total: int, seed: int) -> Counters:
    rng = random.Random(seed)
    count = Counters()
    ids: dict[str, int] = {}
    for profile in PROFILES:
        clock.set(at(local_ts(FIRST_DAY - timedelta(days=30), 10, 0)))
        ids[profile.name] = services.platforms.add(profile.name, profile.currency).id
    services.platforms.add_sign("Sondages Express", "withdrawal-fee",
                                "Asks 2 EUR to withdraw under 50 EUR")
    for code, day, rate in RATES:
        clock.set(at(local_ts(day, 9, 0)))
        services.rates.set(code, rate, on=day)

    block_platforms = _weighted(tuple((p, p.share) for p in PROFILES))
    balances = {p.name: Balance() for p in PROFILES}
    payouts: list[tuple[Profile, int, int, int | None]] = []  # profile, amount, requested, received
    sequence: dict[str, int] = defaultdict(int)
    month_rows: dict[Profile, list[dict[str, Any]]] = defaultdict(list)
    month = (FIRST_DAY.year, FIRST_DAY.month)
    previous_end = 0
    started = time.perf_counter()
    last_report = started

    def flush_month() -> None:
        next_first = date(month[0] + (month[1] == 12), month[1] % 12 + 1, 1)
        clock.set(min(NOW, at(local_ts(next_first, 19, 0) + 2 * DAY)))
        begin = time.perf_counter()
        for profile, rows in month_rows.items():
            written = services.tasks.bulk_insert(
                rows, Origin.imported(profile.origin_format),
                details={"file": f"{profile.prefix.lower()}-{month[0]}-{month[1]:02d}.csv"})
            count.tasks += written
            count.imports += 1
        count.import_s += time.perf_counter() - begin
        month_rows.clear()

    for day, n_tasks in day_counts(rng, total):
        if (day.year, day.month) != month:
            flush_month()
            month = (day.year, day.month)
            if time.perf_counter() - last_report > 15:
                last_report = time.perf_counter()
                print(f"  ... {month[0]}-{month[1]:02d}: {count.tasks:,} tasks, "
                      f"{count.sessions:,} sessions, {last_report - started:.0f} s", flush=True)
        n_blocks = min(max(1, n_tasks), rng.choice((2, 3, 3, 3, 4)))
        slots = sorted(rng.sample(range(len(SLOTS)), n_blocks))
        weights = [rng.uniform(0.5, 1.5) for _ in slots]
        split = [int(n_tasks * w / sum(weights)) for w in weights]
        split[-1] += n_tasks - sum(split)
        for slot, n in zip(slots, split, strict=True):
            profile = rng.choice(block_platforms)
            hour, minute = SLOTS[slot]
            block_start = max(local_ts(day, hour, minute) + rng.randint(0, 30 * 60),
                              previous_end + 300)
            previous_end = _block(services, clock, rng, profile, ids[profile.name], block_start,
                                  n, sequence, month_rows[profile], balances[profile.name], count)
        _maybe_payouts(rng, day, balances, payouts)
    flush_month()

    begin = time.perf_counter()
    for profile, amount, requested, received in payouts:
        _add_payout(services, clock, rng, profile, amount, requested, received)
        count.payouts += 1
    # A withdrawal cancelled, one refused, one long overdue (a slow_payout flag of all time).
    clock.set(at(local_ts(date(2025, 7, 3), 10, 0)))
    services.payouts.add("Clickworker", "12.50", at(local_ts(date(2025, 7, 2), 21, 0)),
                         status="cancelled", method="PayPal")
    clock.set(at(local_ts(date(2025, 9, 4), 10, 0)))
    services.payouts.add("Appen", "35.00", at(local_ts(date(2025, 9, 3), 21, 0)),
                         status="refused", method="Payoneer", note="Account verification")
    clock.set(at(local_ts(date(2026, 10, 12), 21, 5)))
    services.payouts.add("Microworkers", "41.30", at(local_ts(date(2026, 10, 12), 21, 0)),
                         method="Skrill", fee="1.24", note="Still not paid")
    count.payouts += 3
    for name, kind, day, held, note in EVENTS:
        clock.set(at(local_ts(day, 11, 0)))
        services.events.add(name, kind, amount=held, note=note)
        count.events += 1
    for _ in range(60):  # messages to requesters and support
        profile = rng.choice(block_platforms)
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
        clock.set(at(local_ts(day, 18, rng.randrange(60))))
        services.events.add(profile.name, "message", note="Message about a task")
        count.events += 1
    count.timer_s += time.perf_counter() - begin  # ORM writes, like the timer's
    clock.set(NOW)
    return count


def _block(
    services: Services,
    clock: FakeClock,
    rng: random.Random,
    profile: Profile,
    platform_id: int,
    block_start: int,
    n: int,
    sequence: dict[str, int],
    rows: list[dict[str, Any]],
    balance: Balance,
    count: Counters,
) -> int:
    """One working block: a search session, a task session (with its tasks), sometimes more."""
    timer = services.timer
    begin = time.perf_counter()
    start = block_start
    if rng.random() < 0.4:  # looking for work first
        clock.set(at(start))
        timer.start(profile.name, Activity.SEARCH)
        start += rng.randint(3 * 60, 15 * 60)
        count.sessions += 1
        count.timer_writes += 1
    clock.set(at(start))
    info, _ = timer.start(profile.name, Activity.TASK, switch=True)
    count.sessions += 1
    count.timer_writes += 1
    count.timer_s += time.perf_counter() - begin

    # Tasks: sequential in lanes with small gaps; a dense day needs several lanes at once
    # (several HITs accepted together), so that the block stays 1.5 to 3 hours long.
    target = rng.randint(90 * 60, 170 * 60)
    mean_cost = sum(profile.durations) / len(profile.durations) + sum(GAPS) / len(GAPS)
    lanes = max(1, math.ceil(n * mean_cost / target))
    count.lanes += lanes
    count.blocks += 1
    clocks = [start + rng.randint(5, 60) + lane * rng.randint(5, 40) for lane in range(lanes)]
    end = start + 60
    choice, rand, randint = rng.choice, rng.random, rng.randint
    currency = profile.currency
    for index in range(n):
        lane = index % lanes
        started = clocks[lane]
        task_currency, rewards = currency, profile.rewards
        if profile.name == "Prolific" and rand() < PROLIFIC_USD_SHARE:
            task_currency, rewards = "USD", PROLIFIC_USD_REWARDS
        reward = choice(rewards)
        status = _status(rng, profile, started)
        if status == SO:
            duration = choice(SCREENER)
        else:
            duration = min(1200, max(60, choice(profile.durations) + randint(-20, 20)))
        submitted = started + duration
        earned: int | None = None
        bonus = 0
        decided: int | None = None
        if status == A:
            if rand() < 0.15:
                earned = reward
            if rand() < profile.bonus_rate:
                bonus = choice(BONUSES)
            decided = submitted + choice(DECISION_DELAYS)
            if task_currency == currency:
                balance.amount += reward + bonus
        elif status == PA:
            earned = reward // 2
            decided = submitted + choice(DECISION_DELAYS)
            balance.amount += earned
        elif status == SO:
            earned = profile.screen_pay
            decided = submitted + randint(0, 120)
            balance.amount += earned
        elif status == R:
            decided = submitted + choice(DECISION_DELAYS)
        if decided is not None and decided > NOW_TS:
            decided = NOW_TS
        sequence[profile.name] += 1
        rows.append({
            "platform_id": platform_id,
            "external_id": f"{profile.prefix}{sequence[profile.name]:010d}",
            "title": choice(profile.titles),
            "requester": choice(REQUESTERS),
            "reward": reward,
            "earned": earned,
            "bonus": bonus,
            "currency": task_currency,
            "status": status,
            "started_at": started,
            "submitted_at": submitted,
            "decided_at": decided,
            "duration_s": duration,
            "session_id": info.id,
        })
        clocks[lane] = submitted + choice(GAPS)
        end = max(end, submitted)

    begin = time.perf_counter()
    end += rng.randint(10, 120)
    clock.set(at(end))
    if rng.random() < 0.15:  # then some unpaid work on the side
        kind = rng.choice((Activity.PAYMENT, Activity.COMMUNICATION, Activity.QUALIFICATION))
        timer.start(profile.name, kind, switch=True)
        end += rng.randint(5 * 60, 20 * 60)
        clock.set(at(end))
        count.sessions += 1
        count.timer_writes += 1
    timer.stop()
    count.timer_writes += 1
    count.timer_s += time.perf_counter() - begin
    return end


def _status(rng: random.Random, profile: Profile, started: int) -> str:
    age = NOW_TS - started
    if age < 2 * DAY:
        pending = 0.7
    elif age < profile.review_days * DAY:
        pending = 0.25
    else:
        pending = 0.002  # forgotten ones: overdue reviews
    if rng.random() < pending:
        return TaskStatus.PENDING.value
    return rng.choice(profile.decided)


def _maybe_payouts(
    rng: random.Random,
    day: date,
    balances: dict[str, Balance],
    payouts: list[tuple[Profile, int, int, int | None]],
) -> None:
    for profile in PROFILES:
        balance = balances[profile.name]
        if ((day - balance.last_payout_day).days < profile.payout_every
                or balance.amount < profile.payout_min):
            continue
        requested = local_ts(day, 21, rng.randint(30, 59))
        received: int | None = requested + rng.choice(profile.payout_delays) * DAY \
            + rng.randint(0, 8 * 3600)
        if received is not None and received > NOW_TS - 3600:
            received = None  # still waiting
        payouts.append((profile, balance.amount, requested, received))
        balance.amount = 0
        balance.last_payout_day = day


def _add_payout(
    services: Services,
    clock: FakeClock,
    rng: random.Random,
    profile: Profile,
    amount: int,
    requested: int,
    received: int | None,
) -> None:
    clock.set(at(received if received is not None else requested + 60))
    fee = profile.fee(amount)
    services.payouts.add(
        profile.name, _major(amount), at(requested),
        received=at(received) if received is not None else None,
        fee=_major(fee) if fee else None,
        method=rng.choice(("PayPal", "Bank transfer", "Payoneer")),
        reference=f"W{requested}",
    )


def _major(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"
