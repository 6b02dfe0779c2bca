"""Write tests/migrations/fixtures/schema_0001.sqlite: a database made by the first schema.

The file is kept in the repository so that every later version of Clickwage is
tested against a database written by revision 0001 (see test_migrations.py).
Run it only while the head revision is still 0001 — once a second migration
exists, the fixture must stay as it is (that is its whole point):

    .venv/bin/python tests/migrations/make_fixture_0001.py [--force]

It builds realistic data through the services with a FakeClock (so every run
writes the same rows and audit entries; only the order SQLite lists the indexes
in may differ): two platforms, work sessions (one stopped,
one live from the timer and still running), tasks in several statuses
including a status change, a payout that was received, an account event, an
exchange rate, settings and a small bulk import; then copies the database
with SQLite's backup API into a single self-contained file (rollback journal,
no -wal beside it).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.domain.clock import FakeClock  # noqa: E402
from app.i18n import Translator  # noqa: E402
from app.services import Services, open_services  # noqa: E402
from app.storage.migrate import current_revision, head_revision  # noqa: E402
from app.storage.types import epoch_seconds  # noqa: E402

REVISION = "0001"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / f"schema_{REVISION}.sqlite"
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Paris
PARIS = ZoneInfo("Europe/Paris")


def fill(services: Services, clock: FakeClock) -> None:
    """The data the fixture holds; test_migrations.py checks these very values."""
    services.settings.set("max_payout_days", "10")
    services.settings.set("max_rejection_rate", "0.1")
    services.platforms.add("Prolific", currency="GBP", url="https://www.prolific.com",
                           account_ref="5f1e-worker", max_payout_days=7)
    services.platforms.add("Toloka", currency="USD", min_wage="9.50")
    services.platforms.add_sign("Toloka", "withdrawal-fee", note="Fee asked before payout")
    services.rates.set("GBP", "1.1725")
    services.rates.set("USD", "0.9201")

    # A morning on Prolific, entered by hand afterwards.
    clock.set(START + timedelta(hours=3))
    services.timer.start("Prolific", at=START)
    services.timer.stop(at=START + timedelta(hours=1, minutes=30))
    services.tasks.add("Prolific", "2.25", external_id="PRO-1", title="Reading study",
                       requester="Univ. Lab", started=START + timedelta(minutes=5),
                       submitted=START + timedelta(minutes=25))
    services.tasks.add("Prolific", "1.10", external_id="PRO-2", title="Short survey",
                       started=START + timedelta(minutes=30),
                       submitted=START + timedelta(minutes=40))
    services.tasks.add("Prolific", "4.00", external_id="PRO-3", title="Video rating",
                       started=START + timedelta(minutes=45),
                       submitted=START + timedelta(hours=1, minutes=20), bonus="0.50")
    services.tasks.add("Prolific", "0.75", external_id="PRO-4", status="returned",
                       started=START + timedelta(hours=1, minutes=22), duration_minutes="3")

    # Decisions come in the next days.
    clock.set(START + timedelta(days=1, hours=2))
    services.tasks.update("Prolific", "PRO-1", status="approved")
    services.tasks.update("Prolific", "PRO-2", status="rejected", reason="Failed attention check")
    services.tasks.update("Prolific", "PRO-3", status="partially_approved", earned="3.00")

    # Money out.
    clock.set(START + timedelta(days=3))
    payout = services.payouts.add("Prolific", "7.75", requested=START + timedelta(days=2),
                                  method="PayPal", reference="PP-1234", fee="0.20")
    services.payouts.receive(payout.id, at=START + timedelta(days=2, hours=20),
                             amount="9.02 EUR")
    services.payouts.add("Toloka", "15.00", requested=START + timedelta(days=2, hours=1),
                         method="Payoneer")
    services.events.add("Toloka", "balance_withheld", at=START + timedelta(days=2, hours=6),
                        amount="15.00", note="Account under review", asks_for_money=True)

    # An import of Toloka tasks in one bulk write (one audit entry with a Merkle root).
    toloka = services.platforms.get("Toloka").id
    base = epoch_seconds(START + timedelta(days=1))
    rows = [
        {"platform_id": toloka, "external_id": f"TOL-{n:03d}", "title": f"Image labels {n}",
         "reward": 12 + n % 4, "earned": 12 + n % 4 if n % 5 else None, "currency": "USD",
         "status": "approved" if n % 5 else "pending", "started_at": base + n * 90,
         "submitted_at": base + n * 90 + 80}
        for n in range(40)
    ]
    services.tasks.bulk_insert(rows, "import:csv", details={"file": "toloka-export.csv"})

    # A live session, started from the timer, still running when the file was saved.
    clock.set(START + timedelta(days=3, hours=2))
    services.timer.start("Toloka")
    clock.advance(minutes=10)
    services.tasks.add("Toloka", "0.40", external_id="TOL-LIVE", status="in_progress",
                       started=clock.now() - timedelta(minutes=8))


def build(target: Path) -> None:
    clock = FakeClock(START)
    with tempfile.TemporaryDirectory() as scratch:
        services = open_services(Path(scratch), clock, PARIS, Translator("en"), "FR")
        try:
            fill(services, clock)
            result = services.audit.verify()
            if not result.intact:
                raise SystemExit(f"the fixture does not verify: {result.problems}")
            revision = current_revision(services.ctx.db.engine)
            if revision != REVISION:
                raise SystemExit(f"the database is at revision {revision}, not {REVISION}")
            if target.exists():
                target.unlink()
            services.ctx.db.backup_to(target)
        finally:
            services.close()
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")  # one file, nothing beside it
        connection.execute("VACUUM")
    finally:
        connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true",
                        help="overwrite the fixture even though it exists")
    parser.add_argument("--output", type=Path, default=FIXTURE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if head_revision() != REVISION:
        print(f"The head revision is {head_revision()}: the {REVISION} fixture must not be "
              "rewritten by a newer schema.", file=sys.stderr)
        return 1
    if args.output.exists() and not args.force:
        print(f"{args.output} exists; use --force to write it again.", file=sys.stderr)
        return 1
    build(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
