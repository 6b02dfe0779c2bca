"""The evidence report's fast paths give exactly what the slow, obvious code gives: CSV
fields as the csv module writes them, times as datetime formats them."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.domain.clock import FakeClock
from app.services import Services
from app.services.evidence import CSV_COLUMNS, EvidenceService
from app.services.evidence.csvdata import NotPlain, plain_field
from app.services.evidence.text import LocalTimes, UtcTimes, iso_utc
from app.storage.models import Task
from tests.unit.evidence_helpers import END, FIRST, build, fill_ledger, rows_of


@pytest.fixture
def ledger(services: Services, clock: FakeClock) -> dict[str, Any]:
    return fill_ledger(services, clock)


def written(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "value",
    [
        None,
        0,
        -12,
        10**20,
        "",
        "plain",
        "a,b",
        'say "hi"',
        '"',
        "line\nbreak",
        "cr\rlf",
        "trailing space ",
        " leading",
        "tab\there",
        "semi;colon",
        "é — “curly” 1\u202f250,00",
        "emoji 😀",
        "\u2028",
        "'single'",
    ],
)
def test_a_plain_field_is_written_as_the_csv_module_writes_it(value: Any) -> None:
    assert ",".join(["x", plain_field(value), "y"]) + "\r\n" == written(["x", value, "y"])


@pytest.mark.parametrize("value", ["nul\x00", 1.5, True, b"bytes"])
def test_other_values_are_left_to_the_csv_module(value: Any) -> None:
    with pytest.raises(NotPlain):
        plain_field(value)


def test_random_texts_are_written_as_the_csv_module_writes_them() -> None:
    rng = random.Random(7)
    alphabet = 'ab ,"\r\n\t;é—'
    for _ in range(2000):
        values = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))) for _ in range(5)]
        assert ",".join(plain_field(v) for v in values) + "\r\n" == written(values)


def test_utc_times_are_iso_utc() -> None:
    times = UtcTimes()
    rng = random.Random(3)
    for seconds in [
        0,
        59,
        60,
        86399,
        86400,
        -1,
        *(rng.randint(-(10**9), 4 * 10**9) for _ in range(3000)),
    ]:
        assert times(seconds) == iso_utc(seconds)
        assert times(seconds) == datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert times(None) == ""


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/St_Johns", "Asia/Kolkata", "UTC"])
def test_local_times_follow_the_zone_across_dst(zone: str) -> None:
    tz = ZoneInfo(zone)
    times = LocalTimes(tz)
    rng = random.Random(5)
    start = int(datetime(2026, 3, 28, tzinfo=UTC).timestamp())
    moments = [start + n * 601 for n in range(700)]  # across a DST change, step 10 min 1 s
    moments += [rng.randint(0, 3 * 10**9) for _ in range(2000)]
    for seconds in moments:
        local = datetime.fromtimestamp(seconds, tz)
        assert times.stamp(seconds) == local.strftime("%Y-%m-%d %H:%M")
        assert times.two_lines(seconds) == local.strftime("%Y-%m-%d\n%H:%M")
        assert times.day(seconds) == local.strftime("%Y-%m-%d")


def test_a_task_with_odd_text_is_in_the_csv_as_typed(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    task_id = build(evidence).task_ids[0]
    odd = 'A "quoted", two-line\r\ntitle'
    with services.ctx.db.write() as session:
        session.get_one(Task, task_id).title = odd
    document = build(evidence)
    (row,) = [
        r for r in rows_of(document.csv_bytes) if r["id"] == str(task_id) and r["record"] == "task"
    ]
    assert row["title"] == odd
    lines = document.csv_bytes.decode("utf-8").split("\r\n")
    assert lines[0] == ",".join(CSV_COLUMNS)


def test_a_nul_character_goes_through_the_csv_module(
    ledger: dict[str, Any], services: Services, evidence: EvidenceService
) -> None:
    task_id = build(evidence).task_ids[0]
    with services.ctx.db.write() as session:
        session.get_one(Task, task_id).note = "before\x00after"
    try:
        document = evidence.build("Prolific", FIRST, END, verify=False)
    except csv.Error:
        return  # this Python's csv module refuses it: so does the report, as before
    (row,) = [
        r for r in rows_of(document.csv_bytes) if r["id"] == str(task_id) and r["record"] == "task"
    ]
    assert row["note"] == "before\x00after"
