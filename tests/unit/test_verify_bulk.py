"""The audit trail of bulk writes: one entry per `bulk_insert`, holding the Merkle root
of the rows written, and the data verifies intact."""

from __future__ import annotations

import json
from datetime import timedelta

from app.domain.clock import FakeClock
from app.domain.statuses import Origin
from app.services import Services
from app.storage.hashing import merkle_root
from tests.unit.verify_helpers import IMPORT, assert_intact, audit_count, bulk_rows, fetch


def test_a_bulk_insert_of_n_rows_adds_exactly_one_audit_entry(
    services: Services, clock: FakeClock
) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    before = audit_count(services)
    count = 7500  # more than one insert batch (BULK_CHUNK) of the service, still one entry
    written = services.tasks.bulk_insert(
        bulk_rows(platform, count, clock.now() - timedelta(days=5)), IMPORT,
        details={"file": "export.csv"})
    assert written == count
    assert audit_count(services) == before + 1
    entry = fetch(services, "SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert (entry["action"], entry["entity"], entry["origin"]) == ("bulk", "tasks", IMPORT)
    details = json.loads(entry["details"])
    rows = fetch(services, "SELECT id, row_hash FROM tasks WHERE origin = ? ORDER BY id",
                 (IMPORT,))
    assert details["count"] == count
    assert details["file"] == "export.csv"
    assert (details["first_id"], details["last_id"]) == (rows[0]["id"], rows[-1]["id"])
    assert details["merkle_root"] == merkle_root(r["row_hash"] for r in rows)
    assert entry["new_hash"] == details["merkle_root"]
    assert_intact(services)


def test_an_empty_bulk_insert_writes_no_entry(services: Services) -> None:
    services.platforms.add("Appen", currency="USD")
    before = audit_count(services)
    assert services.tasks.bulk_insert(iter(()), IMPORT) == 0
    assert audit_count(services) == before
    assert_intact(services)


def test_two_bulk_inserts_in_a_row_verify_intact(services: Services, clock: FakeClock) -> None:
    platform = services.platforms.add("Appen", currency="USD").id
    start = clock.now() - timedelta(days=5)
    services.tasks.bulk_insert(bulk_rows(platform, 300, start, "A"), IMPORT)
    services.tasks.add("Appen", "0.10", external_id="between")
    services.tasks.bulk_insert(bulk_rows(platform, 301, start, "C"), Origin.imported("json"))
    bulks = fetch(services, "SELECT details FROM audit_log WHERE action = 'bulk' ORDER BY id")
    assert [json.loads(b["details"])["count"] for b in bulks] == [300, 301]
    assert_intact(services)
