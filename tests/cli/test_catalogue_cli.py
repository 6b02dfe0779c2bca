"""`platform add NAME` takes the catalogue's currency and limits when NAME is in it (any
spelling) and no --currency is given; `platform sign` raises `scam_risk` in `flags --json`
and in `report --json`."""

from __future__ import annotations

from typing import Any

from tests.cli.conftest import Runner


def _platform(cw: Runner, name: str) -> dict[str, Any]:
    listed = cw("platform", "list", "--json").json()
    return next(p for p in listed if p["name"] == name)


def test_a_catalogue_platform_added_without_currency_gets_its_currency_and_limits(
    cw: Runner,
) -> None:
    result = cw("platform", "add", "Prolific")
    assert result.code == 0, result.err
    assert "Added Prolific (GBP)." in result.out
    assert "21 days" in result.out  # says what the catalogue filled in
    prolific = _platform(cw, "Prolific")
    assert (prolific["currency"], prolific["max_review_days"], prolific["max_payout_days"]) == (
        "GBP", 21, 1,
    )


def test_common_spellings_are_recognised_and_the_name_is_kept_as_typed(cw: Runner) -> None:
    assert cw("platform", "add", "mechanical turk").code == 0
    assert cw("platform", "add", "clickworker").code == 0
    mturk = _platform(cw, "mechanical turk")
    assert (mturk["currency"], mturk["max_review_days"]) == ("USD", None)
    clickworker = _platform(cw, "clickworker")  # pays in EUR or USD: the home currency, EUR
    assert (clickworker["currency"], clickworker["max_review_days"]) == ("EUR", 7)


def test_a_currency_given_or_an_unknown_name_adds_a_plain_platform(cw: Runner) -> None:
    assert cw("platform", "add", "Prolific", "--currency", "USD").code == 0
    result = cw("platform", "add", "Local agency", "--max-payout-days", "5")
    assert result.code == 0 and "catalogue" not in result.out
    prolific = _platform(cw, "Prolific")
    assert (prolific["currency"], prolific["max_review_days"]) == ("USD", None)
    local = _platform(cw, "Local agency")
    assert (local["currency"], local["max_payout_days"], local["max_review_days"]) == (
        "EUR", 5, None,
    )


def test_the_review_window_decides_when_a_pending_task_is_late(cw: Runner) -> None:
    assert cw("platform", "add", "Prolific").code == 0
    assert cw("platform", "add", "Local agency").code == 0
    for platform in ("Prolific", "Local agency"):  # 22 days before the clock (2026-03-20)
        assert cw("task", "add", platform, "--reward", "2.00", "--submitted",
                  "2026-02-26T13:00").code == 0
    overdue = [f for f in cw("flags", "--json").json() if f["code"] == "overdue_review"]
    assert [(f["platform"], f["threshold"]) for f in overdue] == [("Prolific", "21")]


def test_a_warning_sign_shows_in_flags_and_in_the_report(cw: Runner) -> None:
    assert cw("platform", "add", "TaskBoost", "--currency", "USD").code == 0
    assert cw("platform", "sign", "TaskBoost", "upfront-fee").code == 0
    assert cw("platform", "sign", "taskboost", "crypto-only").code == 0
    found = cw("flags", "--json").json()
    scam = [f for f in found if f["code"] == "scam_risk"]
    assert len(scam) == 1
    assert scam[0]["platform"] == "TaskBoost"
    assert scam[0]["value"] == "crypto-only, upfront-fee"
    assert set(scam[0]) == {"platform", "code", "value", "threshold", "message"}
    report = cw("report", "--month", "2026-03", "--json").json()
    codes = {flag["code"] for p in report["platforms"] for flag in p["flags"]}
    assert "scam_risk" in codes


def test_a_wrong_sign_is_refused_and_nothing_is_recorded(cw: Runner) -> None:
    assert cw("platform", "add", "TaskBoost", "--currency", "USD").code == 0
    result = cw("platform", "sign", "TaskBoost", "pay-to-work")
    assert result.code == 2
    assert "'pay-to-work'" in result.err and "upfront-fee" in result.err
    assert not [f for f in cw("flags", "--json").json() if f["code"] == "scam_risk"]
