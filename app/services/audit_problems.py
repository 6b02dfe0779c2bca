"""The problems `verify_records` reports about one record: changed, differs from the
audit log, inserted, deleted and back, or deleted (same texts as `verify`'s)."""

from __future__ import annotations

from app.i18n import Translator
from app.services.audit_types import Problem


def changed_problem(tr: Translator, table: str, record_id: int) -> Problem:
    return Problem(
        "changed",
        table,
        record_id,
        tr.gettext(
            "{table} record {id} was changed outside Clickwage (its content "
            "no longer matches its fingerprint)."
        ).format(table=table, id=record_id),
    )


def differs_problem(tr: Translator, table: str, record_id: int) -> Problem:
    return Problem(
        "changed",
        table,
        record_id,
        tr.gettext("{table} record {id} differs from the version the audit log recorded.").format(
            table=table, id=record_id
        ),
    )


def inserted_problem(tr: Translator, table: str, record_id: int) -> Problem:
    return Problem(
        "inserted",
        table,
        record_id,
        tr.gettext(
            "{table} record {id} was inserted outside Clickwage (no audit entry created it)."
        ).format(table=table, id=record_id),
    )


def back_problem(tr: Translator, table: str, record_id: int) -> Problem:
    return Problem(
        "inserted",
        table,
        record_id,
        tr.gettext(
            "{table} record {id} was deleted by Clickwage but is back in the database."
        ).format(table=table, id=record_id),
    )


def deleted_problem(tr: Translator, table: str, record_id: int) -> Problem:
    return Problem(
        "deleted",
        table,
        record_id,
        tr.gettext("{table} record {id} was deleted outside Clickwage.").format(
            table=table, id=record_id
        ),
    )
