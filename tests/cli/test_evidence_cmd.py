"""`clickwage evidence` and `clickwage letter`: the PDFs read back with pypdf."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from app.domain.clock import FakeClock
from app.i18n import Translator
from app.services import Services, open_services
from app.services.evidence import EvidenceText
from app.storage.types import epoch_seconds
from tests.cli.conftest import Runner

PARIS = ZoneInfo("Europe/Paris")
PERIOD = ("--from", "2026-03-01", "--to", "2026-03-19")
BULK = 150  # enough tasks for several pages


def pages_of(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """pypdf puts tabs or line breaks where the PDF moves the pen: compare words only."""
    return " ".join(text.split())


def open_data(tmp_path: Path, clock: FakeClock) -> Services:
    return open_services(tmp_path / "cli-data", clock, PARIS, Translator("en"), "FR")


@pytest.fixture
def ledger(cw: Runner, tmp_path: Path, cli_clock: FakeClock) -> Path:
    """A Prolific ledger for March, written through the command line, plus a bulk import."""
    for args in (
        ("platform", "add", "Prolific", "--currency", "GBP", "--account", "PRL-5F3A"),
        ("platform", "add", "Clickworker", "--currency", "EUR"),
        ("rate", "set", "GBP", "1.15", "--on", "2026-01-01"),
        ("start", "Prolific", "--activity", "search", "--at", "2026-03-02T09:00"),
        ("start", "Prolific", "--at", "2026-03-02T09:20", "--switch"),
        ("stop", "--at", "2026-03-02T10:30"),
        (
            "task",
            "add",
            "Prolific",
            "--reward",
            "3.50",
            "--id",
            "PRL-A1",
            "--title",
            "Decision making study",
            "--requester",
            "North Lab",
            "--status",
            "approved",
            "--started",
            "2026-03-02T09:20",
            "--submitted",
            "2026-03-02T09:44",
            "--decided",
            "2026-03-03T11:00",
        ),
        (
            "task",
            "add",
            "Prolific",
            "--reward",
            "2.00",
            "--id",
            "PRL-R1",
            "--title",
            "Memory task",
            "--status",
            "rejected",
            "--submitted",
            "2026-03-02T10:04",
            "--decided",
            "2026-03-03T11:30",
            "--reason",
            "Failed attention check",
        ),
        (
            "task",
            "add",
            "Prolific",
            "--reward",
            "1.20",
            "--id",
            "PRL-P1",
            "--submitted",
            "2026-03-04T17:00",
        ),
        (
            "task",
            "add",
            "Prolific",
            "--reward",
            "9.99",
            "--id",
            "PRL-FEB",
            "--status",
            "approved",
            "--submitted",
            "2026-02-28T23:30",
            "--decided",
            "2026-03-01T07:00",
        ),
        (
            "task",
            "add",
            "Clickworker",
            "--reward",
            "1.00",
            "--id",
            "CW-1",
            "--submitted",
            "2026-03-05T11:00",
        ),
        (
            "payout",
            "add",
            "Prolific",
            "1250.00",
            "--requested",
            "2026-03-03T20:00",
            "--received",
            "2026-03-04T20:00",
            "--ref",
            "W-1",
        ),
        ("payout", "add", "Prolific", "6.00", "--requested", "2026-03-07T20:30", "--ref", "W-2"),
        (
            "event",
            "add",
            "Prolific",
            "balance_withheld",
            "--at",
            "2026-03-09T07:00",
            "--amount",
            "12.40",
            "--note",
            "Withdrawal under review",
        ),
    ):
        result = cw(*args)
        assert result.code == 0, (args, result.err)
    services = open_data(tmp_path, cli_clock)
    try:
        pid = services.platforms.get("Prolific").id
        start = datetime(2026, 3, 10, 8, 0, tzinfo=PARIS)
        rows = []
        for number in range(BULK):
            submitted = start + timedelta(minutes=75 * number)
            rows.append(
                {
                    "platform_id": pid,
                    "external_id": f"BULK-{number:04d}",
                    "title": f"Study number {number}",
                    "requester": "Bright Research",
                    "reward": 80,
                    "currency": "GBP",
                    "status": "approved",
                    "started_at": epoch_seconds(submitted - timedelta(minutes=9)),
                    "submitted_at": epoch_seconds(submitted),
                    "decided_at": epoch_seconds(submitted + timedelta(hours=2)),
                }
            )
        services.tasks.bulk_insert(rows, "import:prolific")
    finally:
        services.close()
    later = FakeClock(cli_clock.now() + timedelta(hours=2))  # an edit made after the fact
    services = open_data(tmp_path, later)
    try:
        task = next(t for t in services.tasks.list() if t.external_id == "PRL-P1")
        services.tasks.edit(task.id, title="Consumer survey (title fixed later)")
    finally:
        services.close()
    return tmp_path


def evidence(cw: Runner, out: Path, *extra: str) -> tuple[list[str], str]:
    result = cw(
        "evidence", "Prolific", *PERIOD, "--name", "Camille Martin", *extra, "--out", str(out)
    )
    assert result.code == 0, result.err
    return pages_of(out), result.out


def test_every_page_names_the_platform_the_period_and_page_n_of_n(ledger: Path, cw: Runner) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        words = flat(page)
        assert "Prolific — evidence report" in words
        assert "2026-03-01 to 2026-03-19" in words
        assert f"Page {number} of {len(pages)}" in words


def test_the_summary_shows_the_reports_figures(ledger: Path, cw: Runner) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    report = cw("report", *PERIOD, "--platform", "Prolific", "--json").json()
    figures = report["platforms"][0]
    words = flat(" ".join(pages))
    t = EvidenceText("en")

    def money(plain: str, currency: str = "GBP") -> str:
        return t.money(round(float(plain) * 100), currency)

    assert (
        f"Earned: {money(figures['earned'])} (bonuses {money(figures['bonus'])} "
        f"included); payout fees {money(figures['fees'])}; net {money(figures['net'])}." in words
    )
    assert f"Awaiting review: {money(figures['pending_value'])}" in words
    assert f"rejected: {money(figures['rejected_value'])}" in words
    assert t.duration(figures["seconds_total"]) in words
    assert f"€{figures['home']['effective_hourly']}/h" in words
    for flag in figures["flags"]:
        assert flat(flag["message"]) in words


def test_every_task_of_the_period_and_no_other(ledger: Path, cw: Runner) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    words = flat(" ".join(pages))
    for external_id in ("PRL-A1", "PRL-R1", "PRL-P1", *(f"BULK-{n:04d}" for n in range(BULK))):
        assert external_id in words, external_id
    assert "PRL-FEB" not in words and "CW-1" not in words
    assert "Failed attention check" in words


def test_the_table_header_is_repeated_on_every_page_of_the_table(ledger: Path, cw: Runner) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    with_tasks = [flat(page) for page in pages if "BULK-" in page]
    assert len(with_tasks) >= 2
    for page in with_tasks:
        assert "Submitted Task ID Title Requester Reward Paid Status Decided" in page
    for page in with_tasks[1:]:
        assert "Tasks (continued)" in page


def test_the_attached_csv_matches_the_printed_fingerprint(ledger: Path, cw: Runner) -> None:
    out = ledger / "report.pdf"
    pages, said = evidence(cw, out)
    attachments = PdfReader(str(out)).attachments
    assert list(attachments) == ["clickwage-prolific-2026-03-01-2026-03-19.csv"]
    data = attachments["clickwage-prolific-2026-03-01-2026-03-19.csv"][0]
    digest = hashlib.sha256(data).hexdigest()
    assert digest in flat(pages[0])
    assert f"fingerprint (SHA-256) {digest}" in said
    assert data.decode("utf-8").count("\r\ntask,") == 3 + BULK
    for page in pages:  # the short form on every page ties the pages to the data
        assert f"Data fingerprint (SHA-256) {digest[:16]}" in flat(page)


def test_changing_a_record_after_generation_fails_the_fingerprint_check(
    ledger: Path, cw: Runner, tmp_path: Path, cli_clock: FakeClock
) -> None:
    out = ledger / "before.pdf"
    evidence(cw, out)
    old = next(iter(PdfReader(str(out)).attachments.values()))[0]
    services = open_data(tmp_path, cli_clock)
    try:
        task = next(t for t in services.tasks.list() if t.external_id == "PRL-R1")
        services.tasks.edit(task.id, reason="Rejected by mistake")
    finally:
        services.close()
    evidence(cw, ledger / "after.pdf")
    new = next(iter(PdfReader(str(ledger / "after.pdf")).attachments.values()))[0]
    assert hashlib.sha256(new).hexdigest() != hashlib.sha256(old).hexdigest()
    # a change made behind Clickwage's back: verify catches it, and the report says so
    services = open_data(tmp_path, cli_clock)
    try:
        with services.ctx.db.engine.begin() as connection:
            connection.execute(text("UPDATE tasks SET reward = 5 WHERE external_id = 'PRL-A1'"))
    finally:
        services.close()
    assert cw("verify").code == 1
    pages, said = evidence(cw, ledger / "tampered.pdf")
    assert "problem found" in flat(pages[0]) or "problems found" in flat(pages[0])
    assert "Warning" in said


def test_records_edited_after_the_fact_are_marked(ledger: Path, cw: Runner) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    words = flat(" ".join(pages))
    assert "Consumer survey (title fixed later)" in words
    assert "edited 2026-03-20 15:00" in words
    assert words.count("edited 2026-") == 1  # approvals and rejections are not edits
    assert "Where “Entered” is blank: import: prolific, first recorded" in words


def test_french_report_uses_french_formatting_with_the_bundled_font(
    ledger: Path, cw: Runner
) -> None:
    out = ledger / "rapport.pdf"
    pages, _ = evidence(cw, out, "--lang", "fr")
    words = " ".join(pages)
    assert "1\u202f250,00" in words  # U+202F groups thousands, drawn by the font itself
    assert "\u00a0£GB" in words or "\u00a0€" in words
    assert "Page 1 sur" in flat(pages[0]) and "preuves" in flat(words)
    assert "modifié le 2026-03-20 15:00" in flat(words)
    fonts = set()
    for page in PdfReader(str(out)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVuSans" in name for name in fonts)
    from ui.render import has_glyphs

    assert has_glyphs("\u202f\u00a0€£éèàçôœ«»’…—")


def test_paper_sizes(ledger: Path, cw: Runner) -> None:
    evidence(cw, ledger / "a4.pdf")
    evidence(cw, ledger / "letter.pdf", "--paper", "letter")
    a4 = PdfReader(str(ledger / "a4.pdf")).pages[0].mediabox
    letter = PdfReader(str(ledger / "letter.pdf")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_letters_cite_the_law_and_the_amounts(ledger: Path, cw: Runner) -> None:
    cases = {
        ("demand", "en"): (
            "Formal notice to pay",
            "payout of £6.00 requested on March 7, 2026",
            "£12.40",
            "Total claimed: £18.40.",
            "within 15 days",
        ),
        ("demand", "fr"): (
            "Mise en demeure de payer",
            "article 1344 du Code civil",
            "article 1344-1",
            "6,00\u00a0£GB",
            "Total réclamé\u00a0: 18,40",
        ),
        ("gdpr-access", "en"): ("Article 15", "Article 20", "Article 12(3)", "one month"),
        ("gdpr-access", "fr"): (
            "article 15",
            "article 20 du RGPD",
            "article 12, paragraphe 3",
            "un mois",
        ),
        ("explanation", "en"): ("Article 22", "2024/2831", "Articles 9 to 11", "£12.40"),
        ("explanation", "fr"): ("article 22", "2024/2831", "articles 9 à 11", "12,40"),
    }
    for (kind, language), expected in cases.items():
        out = ledger / f"{kind}-{language}.pdf"
        result = cw(
            "letter",
            "Prolific",
            kind,
            "--lang",
            language,
            "--name",
            "Camille Martin",
            "--out",
            str(out),
        )
        assert result.code == 0, result.err
        words = flat(" ".join(pages_of(out)))
        for phrase in expected:
            assert flat(phrase) in words, (kind, language, phrase)
        assert "Camille Martin" in words
        assert "fill in:" in result.out or "fill in" in result.out


def test_bad_input_exits_2_and_writes_nothing(ledger: Path, cw: Runner) -> None:
    out = ledger / "never.pdf"
    for args in (
        ("evidence", "Nowhere", "--out", str(out)),
        ("evidence", "Prolific", "--from", "2026-02-30", "--out", str(out)),
        ("evidence", "Prolific", "--from", "2026-03-10", "--to", "2026-03-01", "--out", str(out)),
        ("evidence", "Prolific", "--lang", "de", "--out", str(out)),
        ("evidence", "Prolific", "--paper", "a5", "--out", str(out)),
        ("evidence", "Prolific"),
        ("evidence", "Prolific", "--out", str(ledger / "report.txt")),
        ("evidence", "Prolific", "--out", str(ledger / "missing" / "report.pdf")),
        ("evidence", "Prolific", "--out", str(ledger)),
        ("letter", "Prolific", "complaint", "--out", str(out)),
        ("letter", "Prolific", "demand", "--days", "0", "--out", str(out)),
        ("letter", "Nowhere", "demand", "--out", str(out)),
    ):
        result = cw(*args)
        assert result.code == 2, (args, result.out, result.err)
        assert result.err.strip(), args
        assert "Traceback" not in result.err
    assert not out.exists()
    assert not (ledger / "report.txt").exists()
    assert not list(ledger.glob(".*.part"))


def test_the_command_renders_without_a_display(ledger: Path, tmp_path: Path) -> None:
    """A real process with no DISPLAY and no QT_QPA_PLATFORM: it goes offscreen by itself."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env.update(TZ="Europe/Paris", LANG="en_US.UTF-8", LC_ALL="", LANGUAGE="")
    out = tmp_path / "process.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui",
            "--data-dir",
            str(tmp_path / "cli-data"),
            "letter",
            "Prolific",
            "gdpr-access",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Article 15" in flat(" ".join(pages_of(out)))


def test_the_report_carries_the_time_it_was_made(
    ledger: Path, cw: Runner, cli_clock: FakeClock
) -> None:
    pages, _ = evidence(cw, ledger / "report.pdf")
    local = cli_clock.now().astimezone(PARIS).strftime("%Y-%m-%d %H:%M")
    utc = cli_clock.now().astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    assert f"{local} (Europe/Paris), that is {utc} UTC" in flat(pages[0])
