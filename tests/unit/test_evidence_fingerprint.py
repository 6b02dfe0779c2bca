"""The evidence report's canonical CSV, its SHA-256 fingerprint, and the integrity part
that says how to check them (no Qt)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import text

from app.domain.clock import FakeClock
from app.services import Services
from app.services.evidence import CSV_COLUMNS, EvidenceService, fingerprint_of
from tests.unit.evidence_helpers import all_text, build, fill_ledger, rows_of


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


def test_csv_is_canonical_and_its_sha256_is_the_fingerprint(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    assert fingerprint_of(document.csv_bytes) == hashlib.sha256(document.csv_bytes).hexdigest()
    assert document.fingerprint == hashlib.sha256(document.csv_bytes).hexdigest()
    assert document.csv_bytes.startswith(",".join(CSV_COLUMNS).encode() + b"\r\n")
    rows = rows_of(document.csv_bytes)
    assert [row["record"] for row in rows] == (
        ["platform"] + ["session"] * 2 + ["task"] * 5 + ["payout"] * 2 + ["event"]
    )
    approved = next(row for row in rows if row["external_id"] == "PRL-A1")
    assert approved["reward"] == "3.50" and approved["currency"] == "GBP"
    assert approved["submitted_at"] == "2026-03-02T08:44:00Z"
    assert approved["decided_at"] == "2026-03-03T10:00:00Z"
    assert approved["origin"] == "manual"
    stored = services.tasks.get(int(approved["id"]))
    with services.ctx.db.engine.connect() as connection:
        digest = connection.execute(
            text("SELECT row_hash FROM tasks WHERE id = :id"), {"id": stored.id}
        ).scalar()
    assert approved["row_hash"] == digest
    assert build(evidence).csv_bytes == document.csv_bytes  # same data, same bytes


def test_changing_a_record_changes_the_fingerprint(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    before = build(evidence)
    assert before.integrity.verified is True
    services.tasks.edit(before.task_ids[0], reward="3.60")
    after = build(evidence)
    assert after.fingerprint != before.fingerprint
    assert fingerprint_of(before.csv_bytes) == before.fingerprint  # the old file still checks


def test_a_change_behind_the_apps_back_is_caught(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    before = build(evidence)
    with services.ctx.db.engine.begin() as connection:
        connection.execute(text("UPDATE tasks SET reward = 999 WHERE external_id = 'PRL-R1'"))
    after = build(evidence)
    assert after.fingerprint != before.fingerprint
    assert after.integrity.verified is False
    assert any("changed outside Clickwage" in problem for problem in after.integrity.problems)
    assert "problem found" in all_text(after)


def test_integrity_part_names_the_chain_head_and_how_to_check(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    document = build(evidence)
    count, head = services.audit.head()
    assert document.integrity.chain_head == head
    assert document.integrity.audit_entries == count
    how = document.integrity.how_to_check
    assert "clickwage verify" in how and "sha256sum" in how and document.csv_name in how
    assert document.csv_name == "clickwage-prolific-2026-03-01-2026-03-09.csv"
    words = all_text(document)
    assert document.fingerprint in words and head in words
