"""The start of a Clickwage JSON dump: its settings, platforms and platforms' warning signs.

Settings are applied only to a journal that has no platform yet; platforms are
matched by name and warning signs by (platform, sign).
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain.errors import InvalidInput
from app.domain.statuses import ScamSign
from app.services.imports.json_reader import DumpReader, Record
from app.services.imports.values import FieldError
from app.services.settings import _VALIDATORS, SPEC_BY_KEY, SPECS
from app.storage.models import ScamSignRecord, Setting


def read_settings(dump: DumpReader, fresh: bool) -> None:
    """Apply the dump's settings to a new journal; note that an existing one keeps its own."""
    job, tr = dump.job, dump.job.tr
    given = dump.data.get("settings")
    if not isinstance(given, dict) or not given:
        return
    if not fresh:
        job.summary.notes.append(
            tr.gettext("The settings in the file were not applied: this journal keeps its own.")
        )
        return
    stored = {row.key: row for row in job.session.scalars(select(Setting))}
    current = {spec.key: spec.default for spec in SPECS}
    current.update({key: row.value for key, row in stored.items()})
    changes: dict[str, str] = {}
    keys = ["home_currency", *[k for k in given if k != "home_currency"]]
    for key in keys:
        spec = SPEC_BY_KEY.get(key)
        value = given.get(key)
        if spec is None or not isinstance(value, str):
            continue
        try:
            text = _VALIDATORS[spec.kind](spec, value, current, tr)
        except InvalidInput as error:
            job.row_errors([(key, str(error))], None, "settings")
            continue
        current[key] = text
        if stored.get(key) is None or stored[key].value != text:
            changes[key] = text
    job.summary.settings_applied = True
    job.set_home_currency(current["home_currency"])
    if not job.write or job.failed():
        return
    for key, text in changes.items():
        row = stored.get(key)
        if row is None:
            job.session.add(Setting(key=key, value=text))
        else:
            row.value = text
    job.session.flush()


def read_platforms(dump: DumpReader, home: str) -> None:
    """Match or create the dump's platforms, and learn their new ids."""
    for index, item in dump.section("platforms"):
        record = Record(dump, "platforms", index, item)
        name = record.text("name", "platform", required=True)
        currency = record.currency("currency")
        attributes: dict[str, object] = {
            "url": record.text("url"),
            "account_ref": record.text("account"),
            "min_wage": record.amount("min_wage", home),
            "max_payout_days": record.integer("max_payout_days", 3650),
            "max_review_days": record.integer("max_review_days", 3650),
            "archived": record.flag("archived"),
        }
        source_id = record.item.get("id")
        if not record.done() or name is None:
            continue
        found = dump.job.platforms.known(name)
        if found is None:
            try:
                found = dump.job.platforms.create(name, currency, **attributes)
            except FieldError as error:
                dump.job.row_errors([("name", error.message)], None, record.where)
                continue
        if isinstance(source_id, int):
            dump.ids["platforms"][source_id] = found.id


def read_scam_signs(dump: DumpReader) -> None:
    """Add the warning signs the journal does not have yet."""
    job = dump.job
    counts = job.summary.count("signs")
    existing: set[tuple[int, str]] = {
        (row[0], row[1])
        for row in job.session.execute(select(ScamSignRecord.platform_id, ScamSignRecord.sign))
    }
    for index, item in dump.section("scam_signs"):
        record = Record(dump, "scam_signs", index, item)
        platform = record.platform()
        sign = record.choice("sign", ScamSign)
        note = record.text("note")
        if not record.done() or platform is None or sign is None:
            continue
        if (platform.id, sign) in existing:
            counts.unchanged += 1
            continue
        existing.add((platform.id, sign))
        counts.added += 1
        if job.write and not job.failed():
            job.session.add(ScamSignRecord(platform_id=platform.id, sign=sign, note=note))
