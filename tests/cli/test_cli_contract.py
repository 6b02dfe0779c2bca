"""The command-line contract of DESIGN.md, run in-process with a fake clock."""

from __future__ import annotations

import pytest

from app.domain.clock import FakeClock
from tests.cli.conftest import Runner


def audit_head(cw: Runner) -> str:
    return str(cw("verify", "--json").json()["chain_head"])


@pytest.fixture
def ready(cw: Runner) -> Runner:
    assert cw("platform", "add", "Prolific", "--currency", "GBP").code == 0
    assert cw("platform", "add", "MTurk", "--currency", "USD").code == 0
    return cw


def test_platform_add_and_list(ready: Runner) -> None:
    listed = ready("platform", "list", "--json").json()
    assert [p["name"] for p in listed] == ["MTurk", "Prolific"]
    assert listed[1]["currency"] == "GBP"


def test_platform_names_are_unique_whatever_the_case(ready: Runner) -> None:
    result = ready("platform", "add", "prolific")
    assert result.code == 2
    assert "Prolific" in result.err and "already exists" in result.err


def test_start_stop_status(ready: Runner, cli_clock: FakeClock) -> None:
    assert ready("status", "--json").json() == {
        "running": False, "platform": None, "activity": None, "started_at": None,
        "elapsed_seconds": None,
    }
    assert ready("start", "prolific", "--activity", "search").code == 0
    cli_clock.advance(minutes=25)
    status = ready("status", "--json").json()
    assert status == {
        "running": True, "platform": "Prolific", "activity": "search",
        "started_at": "2026-03-20T12:00:00Z", "elapsed_seconds": 1500,
    }
    stopped = ready("stop")
    assert stopped.code == 0 and "25 min" in stopped.out
    assert ready("status", "--json").json()["running"] is False


def test_start_while_running_needs_switch(ready: Runner, cli_clock: FakeClock) -> None:
    ready("start", "Prolific")
    head = audit_head(ready)
    refused = ready("start", "MTurk")
    assert refused.code == 2
    assert "already running" in refused.err and "--switch" in refused.err
    assert audit_head(ready) == head  # nothing written
    cli_clock.advance(minutes=10)
    switched = ready("start", "MTurk", "--switch")
    assert switched.code == 0 and "Stopped Prolific" in switched.out
    assert ready("status", "--json").json()["platform"] == "MTurk"


def test_stop_with_nothing_running_is_an_error(ready: Runner) -> None:
    result = ready("stop")
    assert result.code == 2
    assert "No session is running" in result.err
    assert "Traceback" not in result.err


def test_backdated_start_and_stop(ready: Runner) -> None:
    assert ready("start", "Prolific", "--at", "2026-03-20T09:00").code == 0
    assert ready("stop", "--at", "2026-03-20T10:30").code == 0
    report = ready("report", "--from", "2026-03-20", "--to", "2026-03-20", "--json").json()
    prolific = next(p for p in report["platforms"] if p["name"] == "Prolific")
    assert prolific["seconds_total"] == 5400


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("start", "Prolific", "--at", "yesterday"), "'yesterday'"),
        (("start", "Prolific", "--at", "2026-03-29T02:30"), "2026-03-29T02:30"),
        (("start", "Prolific", "--at", "2026-04-01T09:00"), "future"),
        (("start", "Nowhere"), "'Nowhere'"),
        (("start", "Prolific", "--activity", "sleeping"), "'sleeping'"),
        (("task", "add", "Prolific", "--reward", "abc"), "'abc'"),
        (("task", "add", "Prolific", "--reward", "-1.00"), "'-1.00'"),
        (("task", "add", "Prolific", "--reward", "1.005"), "'1.005'"),
        (("task", "add", "Prolific", "--reward", "1", "--status", "paid"), "'paid'"),
        (("task", "add", "Prolific", "--reward", "1", "--duration", "x"), "'x'"),
        (("task", "add", "Prolific", "--reward", "1", "--currency", "EURO"), "'EURO'"),
        (("task", "add", "Prolific", "--reward", "1", "--started", "2026-03-20T10:00",
          "--submitted", "2026-03-20T09:00"), "before the start"),
        (("task", "list", "--from", "2026-13-01"), "'2026-13-01'"),
        (("report", "--month", "2026-3"), "'2026-3'"),
        (("report", "--from", "2026-03-10", "--to", "2026-03-01"), "before"),
        (("payout", "add", "Prolific", "ten", "--requested", "2026-03-01T10:00"), "'ten'"),
        (("payout", "add", "Prolific", "10", "--requested", "2026-03-05T10:00",
          "--received", "2026-03-01T10:00"), "before the request"),
        (("payout", "receive", "99", "--at", "now"), "99"),
        (("event", "add", "Prolific", "exploded"), "'exploded'"),
        (("rate", "set", "GBP", "0"), "'0'"),
        (("rate", "set", "EUR", "1.2"), "EUR"),
        (("settings", "set", "colour", "blue"), "'colour'"),
        (("settings", "set", "max_payout_days", "-3"), "'-3'"),
        (("platform", "sign", "Prolific", "shady"), "'shady'"),
        (("task", "update", "Prolific", "nope", "--status", "approved"), "'nope'"),
    ],
)
def test_bad_input_exits_2_names_the_value_and_writes_nothing(
    ready: Runner, args: tuple[str, ...], named: str
) -> None:
    head = audit_head(ready)
    result = ready(*args)
    assert result.code == 2, result
    assert named in result.err
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert audit_head(ready) == head


def test_usage_errors_exit_2(cw: Runner) -> None:
    for args in (("bogus",), ("task",), ("task", "add", "Prolific"), ("stop", "--at")):
        result = cw(*args)
        assert result.code == 2, args


def test_task_add_json_and_list(ready: Runner) -> None:
    added = ready(
        "task", "add", "Prolific", "--reward", "1,50", "--id", "65f1c", "--title", "Survey",
        "--requester", "Lab", "--status", "approved", "--submitted", "2026-03-20T10:00",
        "--duration", "12", "--bonus", "0.25", "--json",
    ).json()
    assert added["external_id"] == "65f1c"
    assert added["reward"] == "1.50" and added["bonus"] == "0.25" and added["earned"] is None
    assert added["submitted_at"] == "2026-03-20T09:00:00Z"
    assert added["duration_s"] == 720
    assert added["origin"] == "manual"
    assert added["recorded_at"] == "2026-03-20T12:00:00Z"
    listed = ready("task", "list", "--json").json()
    assert listed == [added]
    keys = {"id", "platform", "external_id", "title", "requester", "status", "reward", "earned",
            "bonus", "currency", "started_at", "submitted_at", "decided_at", "duration_s",
            "reason", "note", "origin", "recorded_at"}
    assert set(listed[0]) == keys


def test_task_list_filters(ready: Runner) -> None:
    ready("task", "add", "Prolific", "--reward", "1", "--id", "a", "--submitted",
          "2026-03-01T10:00")
    ready("task", "add", "Prolific", "--reward", "2", "--id", "b", "--status", "rejected",
          "--submitted", "2026-03-15T10:00")
    ready("task", "add", "MTurk", "--reward", "3", "--id", "c", "--submitted",
          "2026-03-15T11:00")
    ids = lambda *a: [t["external_id"] for t in ready("task", "list", "--json", *a).json()]  # noqa: E731
    assert ids() == ["a", "b", "c"]
    assert ids("--platform", "mturk") == ["c"]
    assert ids("--status", "rejected") == ["b"]
    assert ids("--from", "2026-03-10") == ["b", "c"]
    assert ids("--to", "2026-03-01") == ["a"]


def test_duplicate_external_id_refused(ready: Runner) -> None:
    ready("task", "add", "Prolific", "--reward", "1", "--id", "x1")
    result = ready("task", "add", "Prolific", "--reward", "1", "--id", "x1")
    assert result.code == 2 and "'x1'" in result.err
    # The same id on another platform is a different task.
    assert ready("task", "add", "MTurk", "--reward", "1", "--id", "x1").code == 0


def test_task_update_sets_decided_at(ready: Runner, cli_clock: FakeClock) -> None:
    ready("task", "add", "Prolific", "--reward", "2", "--id", "t1", "--submitted",
          "2026-03-19T10:00")
    assert ready("task", "update", "Prolific", "t1", "--status", "rejected", "--reason",
                 "failed attention check").code == 0
    task = ready("task", "list", "--json").json()[0]
    assert task["status"] == "rejected"
    assert task["decided_at"] == "2026-03-20T12:00:00Z"
    assert task["reason"] == "failed attention check"
    ready("task", "update", "Prolific", "t1", "--status", "approved", "--at", "2026-03-20T08:00")
    assert ready("task", "list", "--json").json()[0]["decided_at"] == "2026-03-20T07:00:00Z"


def test_payout_add_and_receive(ready: Runner) -> None:
    payout = ready("payout", "add", "Prolific", "12.40", "--requested", "2026-03-01T10:00",
                   "--fee", "0.20", "--method", "PayPal", "--json").json()
    assert payout["status"] == "requested" and payout["fee"] == "0.20"
    received = ready("payout", "receive", str(payout["id"]), "--at", "2026-03-04T10:00",
                     "--amount", "14.10 EUR")
    assert received.code == 0 and "3.0" in received.out
    again = ready("payout", "receive", str(payout["id"]), "--at", "2026-03-05T10:00")
    assert again.code == 2 and "already received" in again.err
    listed = ready("payout", "list", "--json").json()
    assert listed[0]["received_amount"] == "14.10" and listed[0]["received_currency"] == "EUR"


def test_report_json_shape(ready: Runner) -> None:
    ready("rate", "set", "GBP", "1.17", "--on", "2026-01-01")
    ready("rate", "set", "USD", "0.92", "--on", "2026-01-01")
    ready("start", "Prolific", "--at", "2026-03-20T09:00")
    ready("stop", "--at", "2026-03-20T10:00")
    ready("task", "add", "Prolific", "--reward", "3.00", "--status", "approved",
          "--submitted", "2026-03-20T09:50")
    report = ready("report", "--month", "2026-03", "--json").json()
    assert report["from"] == "2026-03-01" and report["to"] == "2026-04-01"
    assert report["timezone"] == "Europe/Paris" and report["home_currency"] == "EUR"
    prolific = next(p for p in report["platforms"] if p["name"] == "Prolific")
    assert prolific["seconds_total"] == 3600
    assert prolific["earned"] == "3.00" and prolific["effective_hourly"] == "3.00"
    # 3.00 GBP × 1.17 = 3.51 EUR an hour, below the SMIC (12.02).
    assert prolific["home"]["earned"] == "3.51"
    assert prolific["flags"][0]["code"] == "low_wage"
    assert prolific["flags"][0]["value"] == "3.51"
    assert prolific["flags"][0]["threshold"] == "12.02"
    assert report["totals"]["home"]["seconds_total"] == 3600


def test_flags_json(ready: Runner) -> None:
    ready("payout", "add", "Prolific", "20", "--requested", "2026-02-01T10:00")
    ready("event", "add", "MTurk", "account_closed", "--at", "2026-03-01T10:00",
          "--amount", "130.00")
    ready("platform", "sign", "MTurk", "withdrawal-fee")
    found = ready("flags", "--json").json()
    codes = {(f["platform"], f["code"]) for f in found}
    assert ("Prolific", "slow_payout") in codes
    assert ("MTurk", "withheld_balance") in codes
    assert ("MTurk", "scam_risk") in codes
    withheld = next(f for f in found if f["code"] == "withheld_balance")
    assert withheld["value"] == "130.00"
    assert set(withheld) == {"platform", "code", "value", "threshold", "message"}


def test_settings_round_trip(cw: Runner) -> None:
    shown = cw("settings", "show", "--json").json()
    assert shown["home_currency"] == "EUR" and shown["min_wage"] == "12.02"
    assert cw("settings", "set", "min_wage", "11,50").code == 0
    assert cw("settings", "set", "max_rejection_rate", "0.1").code == 0
    shown = cw("settings", "show", "--json").json()
    assert shown["min_wage"] == "11.50" and shown["max_rejection_rate"] == "0.1"


def test_verify_reports_intact(ready: Runner) -> None:
    result = ready("verify")
    assert result.code == 0 and "Intact" in result.out


def test_a_payout_asking_for_money_raises_scam_risk(ready: Runner) -> None:
    assert ready("payout", "add", "Prolific", "50", "--requested", "2026-03-19T10:00",
                 "--asks-for-money").code == 0
    assert ready("event", "add", "MTurk", "balance_withheld", "--amount", "20",
                 "--asks-for-money").code == 0
    codes = {(f["platform"], f["code"]) for f in ready("flags", "--json").json()}
    assert ("Prolific", "scam_risk") in codes
    assert ("MTurk", "scam_risk") in codes


def test_flags_say_where_to_report_a_scam(ready: Runner) -> None:
    ready("platform", "sign", "MTurk", "upfront-fee")
    shown = ready("flags")
    assert shown.code == 0
    assert "Where to report:" in shown.out
    assert "Pharos" in shown.out  # the test locale's country is France
