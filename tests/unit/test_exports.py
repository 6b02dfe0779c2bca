"""export: CSV (folder or zip) and JSON; formulas neutralised; tasks.csv reads back."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.clock import FakeClock
from app.domain.errors import InvalidInput
from app.i18n import Translator
from app.services import Services, open_services
from app.services.exports import CSV_FILES, ExportCancelled, ExportService, duration_minutes
from app.services.imports import ImportService
from tests.conftest import PARIS

DANGEROUS = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
             "'=already quoted"]


@pytest.fixture
def journal(services: Services, clock: FakeClock) -> Services:
    now = clock.now()
    services.platforms.add("Prolific", currency="GBP", url="=cmd|' /C calc'!A0")
    for n, title in enumerate(DANGEROUS):
        services.tasks.add("Prolific", "1.25", external_id=f"X{n}", title=title,
                           requester="-Lab", submitted=now - timedelta(hours=n + 1),
                           duration_minutes="1.5", note="line one\nline two, with comma")
    services.timer.start("Prolific", at=now - timedelta(hours=3))
    services.timer.stop(at=now - timedelta(hours=2))
    services.payouts.add("Prolific", "3.00", requested=now - timedelta(days=1), method="@PayPal")
    services.events.add("Prolific", "message", note="+33 6 12 34 56 78")
    services.rates.set("GBP", "1.17")
    return services


def exporter(services: Services) -> ExportService:
    return ExportService(services.ctx, services.settings)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_into_a_folder(journal: Services, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = exporter(journal).export(out)
    assert result.format == "csv"
    assert sorted(result.files) == sorted(f"{name}.csv" for name in CSV_FILES)
    assert result.counts == {"tasks": 7, "sessions": 1, "payouts": 1, "platforms": 1,
                             "events": 1, "rates": 1}
    raw = (out / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads accents
    tasks = read_csv(raw.decode("utf-8-sig"))
    assert [t["title"] for t in tasks] == [
        "'" + title for title in DANGEROUS
    ]  # every one would run as a formula, or starts with apostrophes before one
    assert {t["requester"] for t in tasks} == {"'-Lab"}
    assert tasks[0]["note"] == "line one\nline two, with comma"
    assert tasks[0]["duration_minutes"] == "1.5"
    platforms = read_csv((out / "platforms.csv").read_text(encoding="utf-8-sig"))
    assert platforms[0]["url"] == "'=cmd|' /C calc'!A0"
    payouts = read_csv((out / "payouts.csv").read_text(encoding="utf-8-sig"))
    assert payouts[0]["method"] == "'@PayPal"
    events = read_csv((out / "events.csv").read_text(encoding="utf-8-sig"))
    assert events[0]["note"] == "'+33 6 12 34 56 78"
    sessions = read_csv((out / "sessions.csv").read_text(encoding="utf-8-sig"))
    assert sessions[0]["duration_seconds"] == "3600"
    assert not list(out.glob("*.part"))


def test_csv_into_a_zip(journal: Services, tmp_path: Path) -> None:
    out = tmp_path / "export.ZIP"
    exporter(journal).export(out)
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == sorted(f"{n}.csv" for n in CSV_FILES)
        tasks = read_csv(archive.read("tasks.csv").decode("utf-8-sig"))
    assert len(tasks) == 7


def test_tasks_csv_reads_back_as_the_same_tasks(
    journal: Services, tmp_path: Path, clock: FakeClock
) -> None:
    out = tmp_path / "export"
    exporter(journal).export(out)
    other = open_services(tmp_path / "other", clock, PARIS, Translator("en"), "FR")
    try:
        other.platforms.add("Prolific", currency="GBP")
        summary = ImportService(other.ctx).run(out / "tasks.csv")
        assert summary.count("tasks").added == 7
        assert summary.notes == []  # export's extra columns are known: nothing to say

        def rows(services: Services) -> list[dict[str, Any]]:
            keep = ("external_id", "title", "requester", "status", "reward", "submitted_at",
                    "duration_s", "note")
            return [{k: t.as_json()[k] for k in keep} for t in services.tasks.list()]

        assert rows(other) == rows(journal)
        again = ImportService(journal.ctx).run(out / "tasks.csv")
        assert again.count("tasks").unchanged == 7
    finally:
        other.close()


def test_json_is_one_valid_file(journal: Services, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    result = exporter(journal).export(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "clickwage-export" and data["version"] == 1
    assert data["home_currency"] == "EUR" and data["settings"]["home_currency"] == "EUR"
    assert len(data["tasks"]) == result.counts["tasks"] == 7
    assert data["tasks"][0]["title"] == DANGEROUS[0]  # JSON is not neutralised
    assert data["platforms"][0]["name"] == "Prolific"
    # One record per line: the file stays readable with a million tasks.
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines()
               if line.startswith('  {"id"')) >= 7


def test_an_empty_journal_exports_empty_lists(services: Services, tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    exporter(services).export(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tasks"] == [] and data["platforms"] == []


def test_cancel_leaves_no_file(services: Services, tmp_path: Path) -> None:
    services.platforms.add("Prolific")
    rows = ({"platform_id": 1, "external_id": f"B{n}", "reward": 10, "currency": "EUR",
             "status": "approved"} for n in range(3000))
    services.tasks.bulk_insert(rows, "import:test")
    out = tmp_path / "all.json"
    with pytest.raises(ExportCancelled):
        exporter(services).export(out, cancel=lambda: True)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    seen: list[tuple[int, int]] = []
    exporter(services).export(out, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][1] >= 3000


def test_bad_outputs(services: Services, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not an export format"):
        exporter(services).export(tmp_path / "x", "xlsx")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(InvalidInput, match="is a file"):
        exporter(services).export(a_file)


@pytest.mark.parametrize(("seconds", "text"), [(None, None), (0, "0"), (90, "1.5"),
                                                (100, "1.6667"), (604800, "10080")])
def test_durations_in_minutes_read_back_to_the_same_seconds(
    seconds: int | None, text: str | None
) -> None:
    assert duration_minutes(seconds) == text


def iter_lines(path: Path) -> Iterator[str]:
    yield from path.read_text(encoding="utf-8").splitlines()
