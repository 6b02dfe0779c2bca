"""Local time (app.domain.localtime): TIME/DATE/month arguments, DST, cutting days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import InvalidInput
from app.domain.localtime import (
    Period,
    day_start,
    ensure_utc,
    local_date,
    local_zone,
    localize,
    next_month,
    parse_date,
    parse_month,
    parse_time,
    zone_name,
)
from app.i18n import Translator

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


# -- parse_time -------------------------------------------------------------------------


def test_local_time_without_offset_is_read_in_the_zone(tr: Translator) -> None:
    # 2026-03-05 is in winter time: Paris is UTC+1, so 09:15 local is 08:15 UTC.
    assert parse_time("2026-03-05T09:15", PARIS, NOW, tr) == datetime(
        2026, 3, 5, 8, 15, tzinfo=UTC
    )


def test_local_time_in_summer_uses_summer_offset(tr: Translator) -> None:
    # 2026-07-01 is in summer time: UTC+2, so 09:15 local is 07:15 UTC.
    assert parse_time("2026-07-01T09:15", PARIS, NOW, tr) == datetime(
        2026, 7, 1, 7, 15, tzinfo=UTC
    )


def test_time_with_z_is_utc(tr: Translator) -> None:
    assert parse_time("2026-03-05T08:15Z", PARIS, NOW, tr) == datetime(
        2026, 3, 5, 8, 15, tzinfo=UTC
    )


def test_time_with_offset_is_converted(tr: Translator) -> None:
    # 09:15 at +01:00 is 08:15 UTC, whatever the local zone.
    assert parse_time("2026-03-05T09:15+01:00", NEW_YORK, NOW, tr) == datetime(
        2026, 3, 5, 8, 15, tzinfo=UTC
    )
    # 09:15 at -05:00 is 14:15 UTC.
    assert parse_time("2026-03-05T09:15-05:00", PARIS, NOW, tr) == datetime(
        2026, 3, 5, 14, 15, tzinfo=UTC
    )


def test_result_is_aware_utc(tr: Translator) -> None:
    parsed = parse_time("2026-03-05T09:15", PARIS, NOW, tr)
    assert parsed.tzinfo is not None
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["now", "NOW", " now "])
def test_now_is_the_clock(tr: Translator, text: str) -> None:
    assert parse_time(text, PARIS, NOW, tr) == NOW


def test_now_from_another_offset_comes_back_in_utc(tr: Translator) -> None:
    paris_now = datetime(2026, 3, 10, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    result = parse_time("now", PARIS, paris_now, tr)
    assert result == NOW
    assert result.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    ["garbage", "", "2026-03-05", "2026-02-30T10:00", "2026-03-05T25:00", "yesterday", "09:15"],
)
def test_garbage_time_is_refused_naming_the_value(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text, PARIS, NOW, tr)
    message = str(caught.value)
    assert repr(text) in message
    assert "is not a time" in message
    assert "2026-03-05T09:15" in message  # shows the expected form


def test_time_error_names_what(tr: Translator) -> None:
    with pytest.raises(InvalidInput, match=r"^Start time 'x' is not a time"):
        parse_time("x", PARIS, NOW, tr, what="start time")


def test_skipped_dst_time_is_refused(tr: Translator) -> None:
    # On 2026-03-29 Paris jumps from 02:00 to 03:00: 02:30 never happens.
    with pytest.raises(InvalidInput) as caught:
        parse_time("2026-03-29T02:30", PARIS, NOW, tr)
    message = str(caught.value)
    assert "'2026-03-29T02:30'" in message
    assert "Europe/Paris" in message
    assert "does not exist" in message


def test_edges_of_the_skipped_hour(tr: Translator) -> None:
    # 01:59:59 is still winter time (UTC+1): 00:59:59 UTC.
    assert parse_time("2026-03-29T01:59:59", PARIS, NOW, tr) == datetime(
        2026, 3, 29, 0, 59, 59, tzinfo=UTC
    )
    # 02:00 itself is skipped.
    with pytest.raises(InvalidInput, match="does not exist"):
        parse_time("2026-03-29T02:00", PARIS, NOW, tr)
    # 03:00 is summer time (UTC+2): 01:00 UTC, one second after 00:59:59 + 1 s.
    assert parse_time("2026-03-29T03:00", PARIS, NOW, tr) == datetime(
        2026, 3, 29, 1, 0, tzinfo=UTC
    )


def test_skipped_time_with_explicit_offset_is_accepted(tr: Translator) -> None:
    # With an offset the instant is unambiguous: 02:30+01:00 is 01:30 UTC.
    assert parse_time("2026-03-29T02:30+01:00", PARIS, NOW, tr) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )


def test_ambiguous_autumn_time_takes_the_first_occurrence(tr: Translator) -> None:
    # On 2026-10-25 Paris goes from 03:00 summer time back to 02:00 winter time:
    # 02:30 happens twice, first at UTC+2 (00:30 UTC), then at UTC+1 (01:30 UTC).
    assert parse_time("2026-10-25T02:30", PARIS, NOW, tr) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


def test_localize_refuses_skipped_and_accepts_normal(tr: Translator) -> None:
    with pytest.raises(InvalidInput, match="skip"):
        localize(datetime(2026, 3, 29, 2, 30), PARIS, tr)
    assert localize(datetime(2026, 3, 29, 12, 0), PARIS, tr) == datetime(
        2026, 3, 29, 10, 0, tzinfo=UTC
    )


def test_new_york_skipped_hour(tr: Translator) -> None:
    # US clocks jump on 2026-03-08 from 02:00 to 03:00.
    with pytest.raises(InvalidInput, match="America/New_York"):
        parse_time("2026-03-08T02:15", NEW_YORK, NOW, tr)


# -- parse_date / parse_month -----------------------------------------------------------


def test_parse_date(tr: Translator) -> None:
    assert parse_date("2026-03-05", tr) == date(2026, 3, 5)
    assert parse_date(" 2026-03-05 ", tr) == date(2026, 3, 5)


@pytest.mark.parametrize(
    "text", ["2026-3-5", "2026-02-30", "05/03/2026", "20260305", "x", "", "2026-03-05T09:00"]
)
def test_parse_date_refuses_naming_the_value(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, tr)
    message = str(caught.value)
    assert repr(text) in message
    assert "is not a date" in message
    assert "2026-03-05" in message


def test_parse_date_names_what(tr: Translator) -> None:
    with pytest.raises(InvalidInput, match=r"^From date 'x' is not a date"):
        parse_date("x", tr, what="from date")


@pytest.mark.parametrize(
    ("text", "first", "end"),
    [
        ("2026-03", date(2026, 3, 1), date(2026, 4, 1)),
        ("2026-02", date(2026, 2, 1), date(2026, 3, 1)),
        ("2026-12", date(2026, 12, 1), date(2027, 1, 1)),
        ("2026-01", date(2026, 1, 1), date(2026, 2, 1)),
    ],
)
def test_parse_month(tr: Translator, text: str, first: date, end: date) -> None:
    assert parse_month(text, tr) == (first, end)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-3", "March", "2026-03-01", ""])
def test_parse_month_refuses_naming_the_value(tr: Translator, text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_month(text, tr)
    message = str(caught.value)
    assert repr(text) in message
    assert "is not a month" in message


def test_next_month() -> None:
    assert next_month(date(2026, 1, 31)) == date(2026, 2, 1)
    assert next_month(date(2026, 12, 15)) == date(2027, 1, 1)


# -- days, periods and DST -------------------------------------------------------------


def test_day_start_in_winter_and_summer() -> None:
    # Midnight in Paris: 23:00 UTC the day before in winter, 22:00 UTC in summer.
    assert day_start(date(2026, 3, 10), PARIS) == datetime(2026, 3, 9, 23, 0, tzinfo=UTC)
    assert day_start(date(2026, 7, 1), PARIS) == datetime(2026, 6, 30, 22, 0, tzinfo=UTC)


def test_spring_dst_day_lasts_23_hours() -> None:
    period = Period.of_days(date(2026, 3, 29), date(2026, 3, 30), PARIS)
    # Starts 2026-03-28T23:00Z (midnight at UTC+1), ends 2026-03-29T22:00Z (midnight at UTC+2).
    assert period.start == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert period.stop == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert (period.stop - period.start).total_seconds() == 23 * 3600 == 82800


def test_autumn_dst_day_lasts_25_hours() -> None:
    period = Period.of_days(date(2026, 10, 25), date(2026, 10, 26), PARIS)
    # Starts 2026-10-24T22:00Z (midnight at UTC+2), ends 2026-10-25T23:00Z (midnight at UTC+1).
    assert period.start == datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    assert period.stop == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    assert (period.stop - period.start).total_seconds() == 25 * 3600 == 90000


def test_ordinary_day_lasts_24_hours() -> None:
    period = Period.of_days(date(2026, 3, 10), date(2026, 3, 11), PARIS)
    assert (period.stop - period.start).total_seconds() == 86400


def test_march_2026_in_paris_is_one_hour_short() -> None:
    period = Period.of_days(date(2026, 3, 1), date(2026, 4, 1), PARIS)
    # 31 days x 24 h - 1 h (spring forward) = 743 h.
    assert (period.stop - period.start).total_seconds() == 743 * 3600
    assert period.first == date(2026, 3, 1)
    assert period.end == date(2026, 4, 1)


def test_period_of_instants() -> None:
    start = datetime(2026, 2, 8, 9, 0, tzinfo=UTC)
    stop = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    period = Period.of_instants(start, stop, PARIS)
    assert period.first == date(2026, 2, 8)
    assert period.end == date(2026, 3, 11)  # the day after the last local day
    assert (period.start, period.stop) == (start, stop)


def test_local_date_cuts_at_local_midnight() -> None:
    # 2026-03-14T23:30Z is 00:30 on the 15th in Paris (UTC+1).
    assert local_date(datetime(2026, 3, 14, 23, 30, tzinfo=UTC), PARIS) == date(2026, 3, 15)
    assert local_date(datetime(2026, 3, 14, 22, 59, tzinfo=UTC), PARIS) == date(2026, 3, 14)


def test_ensure_utc_refuses_naive() -> None:
    with pytest.raises(ValueError, match="naive"):
        ensure_utc(datetime(2026, 3, 10, 9, 0))
    assert ensure_utc(datetime(2026, 3, 10, 10, 0, tzinfo=PARIS)) == NOW


def test_local_zone_honours_tz() -> None:
    assert zone_name(local_zone({"TZ": "Europe/Paris"})) == "Europe/Paris"
    assert zone_name(local_zone({"TZ": ":America/New_York"})) == "America/New_York"
