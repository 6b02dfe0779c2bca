"""Helpers shared by the tests of the evidence model (tests/unit/test_evidence_*.py): a week
of Prolific work to report on (`fill_ledger`), the report built for it (`build`), and ways to
read what the report says. The `evidence` fixture is in tests/unit/conftest.py; the test files
define their own `ledger` fixture from `fill_ledger`.

Also used by tests/ui/test_evidence_page.py.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.domain.clock import FakeClock
from app.domain.statuses import Activity
from app.services import Services
from app.services.evidence import EvidenceDocument, EvidenceService, Table
from app.storage.types import epoch_seconds

PARIS = ZoneInfo("Europe/Paris")
FIRST, END = date(2026, 3, 1), date(2026, 3, 10)  # March 1 to 9; the clock is on the 10th


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=PARIS)


def fill_ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    """A week of Prolific work with every kind of record, and one task on each side of it."""
    now = clock.now()
    clock.set(at(1, 8))
    services.platforms.add(
        "Prolific", "GBP", url="https://app.prolific.com", account_ref="PRL-5F3A"
    )
    services.platforms.add("Clickworker", "EUR")
    services.rates.set("GBP", "1.15", on=date(2026, 1, 1))
    services.tasks.add(
        "Prolific",
        "9.99",
        external_id="PRL-FEB",
        title="Before the period",
        status="approved",
        submitted=datetime(2026, 2, 28, 23, 30, tzinfo=PARIS),
        decided=at(1, 7),
    )
    clock.set(at(2, 9))
    services.timer.start("Prolific", Activity.SEARCH)
    clock.set(at(2, 9, 20))
    services.timer.start("Prolific", Activity.TASK, switch=True)
    clock.set(at(2, 9, 45))
    services.tasks.add(
        "Prolific",
        "3.50",
        external_id="PRL-A1",
        title="Decision making study",
        requester="North Lab",
        started=at(2, 9, 20),
        submitted=at(2, 9, 44),
    )
    clock.set(at(2, 10, 5))
    services.tasks.add(
        "Prolific",
        "2.00",
        external_id="PRL-R1",
        title="Memory task",
        requester="Bright Research",
        started=at(2, 9, 46),
        submitted=at(2, 10, 4),
    )
    clock.set(at(2, 10, 30))
    services.timer.stop()
    clock.set(at(3, 12))
    services.tasks.update("Prolific", "PRL-A1", status="approved", at=at(3, 11))
    clock.set(at(3, 12, 5))
    services.tasks.update(
        "Prolific", "PRL-R1", status="rejected", at=at(3, 11, 30), reason="Failed attention check"
    )
    clock.set(at(4, 18))
    services.tasks.add(
        "Prolific",
        "1.20",
        external_id="PRL-P1",
        title="Consumer survey",
        submitted=at(4, 17),
        duration_minutes="12",
    )
    clock.set(at(5, 20))
    edited = services.tasks.add(
        "Prolific",
        "4.00",
        external_id="PRL-E1",
        title="Typo titel",
        status="approved",
        submitted=at(5, 19),
        decided=at(5, 19, 30),
        duration_minutes="40",
    )
    clock.set(at(8, 9))
    services.tasks.edit(edited.id, title="Language comprehension experiment")
    clock.set(at(6, 10))
    gone = services.tasks.add("Prolific", "0.50", external_id="PRL-D1", submitted=at(6, 9))
    clock.set(at(6, 11))
    services.tasks.delete(gone.id)
    clock.set(at(4, 21))
    services.payouts.add(
        "Prolific", "1250.00", at(3, 20), received=at(4, 20), method="PayPal", reference="W-1"
    )
    clock.set(at(7, 21))
    services.payouts.add("Prolific", "6.00", at(7, 20, 30), method="PayPal", reference="W-2")
    clock.set(at(7, 16))
    pid = services.platforms.get("Prolific").id
    services.tasks.bulk_insert(
        [
            {
                "platform_id": pid,
                "external_id": "PRL-I1",
                "title": "Imported study",
                "reward": 150,
                "currency": "GBP",
                "status": "approved",
                "started_at": epoch_seconds(at(7, 14, 30)),
                "submitted_at": epoch_seconds(at(7, 15)),
                "decided_at": epoch_seconds(at(7, 15, 30)),
            }
        ],
        "import:prolific",
    )
    clock.set(at(9, 8))
    services.events.add(
        "Prolific", "balance_withheld", at=at(9, 7), amount="12.40", note="Withdrawal under review"
    )
    clock.set(at(5, 12))
    services.tasks.add(
        "Clickworker",
        "1.00",
        external_id="CW-1",
        status="approved",
        submitted=at(5, 11),
        decided=at(5, 11, 30),
    )
    clock.set(datetime(2026, 3, 10, 0, 30, tzinfo=PARIS))
    services.tasks.add(
        "Prolific",
        "7.00",
        external_id="PRL-MAR10",
        title="After the period",
        submitted=datetime(2026, 3, 10, 0, 10, tzinfo=PARIS),
    )
    clock.set(now)
    return {"edited_id": edited.id, "deleted_id": gone.id}


def build(evidence: EvidenceService, language: str = "en", **options: Any) -> EvidenceDocument:
    return evidence.build(
        "Prolific", FIRST, END, language=language, name="Camille Martin", **options
    )


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def all_text(document: EvidenceDocument) -> str:
    """Every string the document would print (blocks and furniture), for searching."""
    doc = document.document()
    parts = [doc.header_left, doc.header_right, doc.footer_left]
    for block in doc.blocks:
        if isinstance(block, Table):
            parts += [block.title, block.caption, *(c.title for c in block.columns)]
            parts += ["\t".join(row) for row in block.rows]
        else:
            for name in ("text", "rows", "items"):
                value = getattr(block, name, None)
                if isinstance(value, str):
                    parts.append(value)
                elif isinstance(value, tuple):
                    parts += [str(item) for item in value]
    return "\n".join(parts)
