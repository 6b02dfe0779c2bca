"""`clickwage chart KIND [period] [--platform P] --out FILE`: valid files, and bad input refused
with exit status 2 and nothing written. The clock stands at 2026-03-20 12:00 UTC (Paris)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.cli.conftest import Runner

KINDS = ("income", "wage", "time", "payouts", "rejections")


@pytest.fixture
def ledger(cw: Runner) -> Runner:
    for args in (
        ("platform", "add", "Prolific", "--currency", "GBP"),
        ("platform", "add", "Local", "--currency", "EUR"),
        ("rate", "set", "GBP", "1.20", "--on", "2025-12-01"),
        ("start", "Prolific", "--activity", "search", "--at", "2026-02-02T08:30"),
        ("start", "Prolific", "--at", "2026-02-02T09:00", "--switch"),
        ("stop", "--at", "2026-02-02T11:00"),
        ("task", "add", "Prolific", "--reward", "5.00", "--status", "approved",
         "--submitted", "2026-02-02T09:40"),
        ("task", "add", "Prolific", "--reward", "2.00", "--status", "rejected",
         "--submitted", "2026-02-02T10:40"),
        ("task", "add", "Local", "--reward", "3.00", "--status", "pending",
         "--submitted", "2026-03-03T10:00", "--duration", "30"),
        ("payout", "add", "Prolific", "10.00", "--requested", "2026-02-05T10:00",
         "--received", "2026-02-25T10:00"),
        ("payout", "add", "Local", "4.00", "--requested", "2026-03-01T10:00"),
    ):
        result = cw(*args)
        assert result.code == 0, (args, result.err)
    return cw


@pytest.mark.parametrize("kind", KINDS)
def test_each_chart_is_written_as_png(ledger: Runner, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.png"
    result = ledger("chart", kind, "--from", "2026-01-01", "--to", "2026-03-31",
                    "--out", str(target))
    assert result.code == 0, result.err
    assert str(target) in result.out
    content = target.read_bytes()
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert 10_000 < len(content) < 2_000_000


def test_svg_and_pdf_come_from_the_extension(ledger: Runner, tmp_path: Path) -> None:
    from pypdf import PdfReader

    svg = tmp_path / "wage.SVG"
    assert ledger("chart", "wage", "--month", "2026-02", "--out", str(svg)).code == 0
    root = ElementTree.fromstring(svg.read_bytes())
    assert root.tag.endswith("svg")
    assert 5_000 < svg.stat().st_size < 2_000_000
    pdf = tmp_path / "payouts.pdf"
    assert ledger("chart", "payouts", "--platform", "local", "--out", str(pdf)).code == 0
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "How long payouts took" in text
    assert "Local" in text


def test_without_a_period_the_chart_covers_the_last_twelve_months(
    ledger: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "time.pdf"
    assert ledger("chart", "time", "--out", str(target)).code == 0
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "Apr 1, 2025 – Mar 31, 2026" in text
    assert "Apr 2025" in text and "Mar 2026" in text


def test_an_empty_period_still_gives_a_readable_chart(ledger: Runner, tmp_path: Path) -> None:
    target = tmp_path / "income.pdf"
    assert ledger("chart", "income", "--month", "2025-06", "--out", str(target)).code == 0
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "No data for this period" in text


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("chart", "income", "--out", "{dir}/income.jpg"), ".jpg"),
        (("chart", "income", "--out", "{dir}/income"), "income"),
        (("chart", "salary", "--out", "{dir}/x.png"), "salary"),
        (("chart", "income"), "--out"),
        (("chart", "income", "--month", "2026-13", "--out", "{dir}/x.png"), "2026-13"),
        (("chart", "income", "--month", "2026-02", "--from", "2026-02-01",
          "--out", "{dir}/x.png"), "--month"),
        (("chart", "wage", "--from", "2026-03-01", "--to", "2026-02-01",
          "--out", "{dir}/x.png"), "2026-02-01"),
        (("chart", "wage", "--platform", "Nowhere", "--out", "{dir}/x.png"), "Nowhere"),
        (("chart", "time", "--out", "{dir}/missing/x.png"), "missing"),
    ],
)
def test_bad_input_exits_2_naming_it_and_writes_nothing(
    ledger: Runner, tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    out = tmp_path / "charts"
    out.mkdir()
    result = ledger(*(a.replace("{dir}", str(out)) for a in args))
    assert result.code == 2
    assert named in result.err
    assert result.err.count("\n") == 1  # one sentence, no traceback
    assert list(out.iterdir()) == []
