"""`import`, `export`, `backup` and `restore`: bringing history in, and never losing it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.domain.clock import SystemClock
from app.domain.errors import InvalidInput
from app.domain.localtime import local_zone
from app.i18n import Translator
from app.services import Services
from app.services.backup_restore import restore_backup
from app.services.backups import BackupService
from app.services.exports import ExportService
from app.services.imports import FORMATS, ImportOptions, ImportRefused, ImportService
from app.services.imports.results import ImportSummary, refusal_message
from app.storage.datadir import data_dir
from ui.commands.common import command, date_arg, print_json, say


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    imported = command(
        commands,
        "import",
        _("bring tasks in from a file: a spreadsheet (CSV), a platform's file, or a JSON export"),
        run_import,
    )
    imported.add_argument("file", metavar="FILE")
    imported.add_argument(
        "--format",
        metavar="FORMAT",
        help=_("{formats} (default: told by the file)").format(formats=", ".join(FORMATS)),
    )
    imported.add_argument(
        "--platform",
        metavar="P",
        help=_("the platform of the tasks (created if it does not exist)"),
    )
    imported.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=_("read a task field from a column with another name (repeat it)"),
    )
    imported.add_argument(
        "--reward", metavar="AMOUNT", help=_("the reward of every task (Prolific studies)")
    )
    imported.add_argument(
        "--date", metavar="DATE", help=_("the day an MTurk status page lists")
    )
    imported.add_argument(
        "--dry-run",
        action="store_true",
        help=_("only tell what would be added, updated and refused"),
    )
    imported.add_argument("--json", action="store_true")

    exported = command(
        commands,
        "export",
        _("write everything to CSV files (a folder or a .zip) or to one JSON file"),
        run_export,
    )
    exported.add_argument("out", metavar="OUT")
    exported.add_argument(
        "--format", metavar="FORMAT", help=_("csv or json (default: json for a .json name)")
    )

    backup = command(
        commands,
        "backup",
        _("save the database and the attachments in one checked .zip"),
        run_backup,
    )
    backup.add_argument("out", metavar="OUT.zip")

    restore = command(
        commands,
        "restore",
        _("replace the journal with a backup (the current one is kept aside)"),
        run_restore,  # type: ignore[arg-type]
    )
    restore.set_defaults(needs_services=False)
    restore.add_argument("archive", metavar="IN.zip")


# -- import ------------------------------------------------------------------------------------


def mapping_of(values: list[str], tr: Translator) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        field_name, separator, column = value.partition("=")
        if not separator or not field_name.strip() or not column.strip():
            raise InvalidInput(
                tr.gettext("--map {value!r}: write it FIELD=COLUMN, like reward=Price.").format(
                    value=value
                )
            )
        found[field_name.strip()] = column.strip()
    return found


def run_import(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    options = ImportOptions(
        format=args.format.strip().lower() if args.format else None,
        platform=args.platform,
        mapping=mapping_of(args.map, tr),
        reward=args.reward,
        day=date_arg(tr, args.date, tr.gettext("--date")),
        dry_run=args.dry_run,
    )
    service = ImportService(services.ctx)
    try:
        summary = service.run(Path(args.file), options)
    except ImportRefused as refused:
        if args.json:
            print_json(refused.summary.as_json())
        raise
    if args.json:
        print_json(summary.as_json())
    else:
        print_summary(summary, tr)
    if summary.issues:  # a dry run with bad rows: what a real import would refuse
        raise InvalidInput(refusal_message(summary, tr))
    return 0


def print_summary(summary: ImportSummary, tr: Translator) -> None:
    source = tr.gettext("{file} ({format}, {encoding}{delimiter})").format(
        file=summary.path,
        format=summary.format,
        encoding=summary.encoding,
        delimiter=", " + summary.delimiter if summary.delimiter else "",
    )
    tasks = summary.count("tasks")
    if summary.dry_run:
        say(tr.gettext("Dry run: nothing was written.") + " " + source)
        say(
            "  "
            + tr.gettext(
                "tasks: {added} would be added, {updated} updated, {unchanged} unchanged, "
                "{refused} refused."
            ).format(
                added=tasks.added,
                updated=tasks.updated,
                unchanged=tasks.unchanged,
                refused=summary.refused,
            )
        )
    else:
        say(tr.gettext("Imported {source}.").format(source=source))
        say(
            "  "
            + tr.gettext("tasks: {added} added, {updated} updated, {unchanged} unchanged.").format(
                added=tasks.added, updated=tasks.updated, unchanged=tasks.unchanged
            )
        )
    names = {
        "sessions": tr.gettext("sessions"),
        "payouts": tr.gettext("payouts"),
        "events": tr.gettext("events"),
        "rates": tr.gettext("exchange rates"),
        "signs": tr.gettext("warning signs"),
        "attachments": tr.gettext("attachments"),
    }
    for entity, label in names.items():
        counts = summary.counts.get(entity)
        if counts is None or not (counts.added or counts.updated or counts.unchanged):
            continue
        say(
            "  "
            + tr.gettext("{what}: {added} added, {updated} updated, {unchanged} unchanged.").format(
                what=label, added=counts.added, updated=counts.updated, unchanged=counts.unchanged
            )
        )
    if summary.platforms_created:
        created = ", ".join(f"{name} ({currency})" for name, currency in summary.platforms_created)
        if summary.dry_run:
            say(
                "  "
                + tr.gettext("Platforms that would be created: {names}.").format(names=created)
            )
        else:
            say("  " + tr.gettext("Platforms created: {names}.").format(names=created))
    if summary.settings_applied and summary.dry_run:
        say("  " + tr.gettext("The settings in the file would be applied."))
    elif summary.settings_applied:
        say("  " + tr.gettext("The settings in the file were applied."))
    if summary.duplicates:
        say(
            "  "
            + tr.ngettext(
                "{count} row repeated a task already in the file (read once).",
                "{count} rows repeated a task already in the file (read once).",
                summary.duplicates,
            ).format(count=summary.duplicates)
        )
    for note in summary.notes:
        say("  " + note)


# -- export, backup, restore -------------------------------------------------------------------


def run_export(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    result = ExportService(services.ctx, services.settings).export(Path(args.out), args.format)
    labels = {
        "tasks": tr.gettext("tasks"),
        "sessions": tr.gettext("sessions"),
        "payouts": tr.gettext("payouts"),
        "events": tr.gettext("events"),
        "platforms": tr.gettext("platforms"),
        "rates": tr.gettext("exchange rates"),
    }
    counted = ", ".join(
        f"{result.counts[name]} {label}" for name, label in labels.items() if name in result.counts
    )
    say(
        tr.gettext("Exported {counts} to {path} ({format}).").format(
            counts=counted, path=result.path, format=result.format
        )
    )
    return 0


def run_backup(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    info = BackupService(services.ctx, services.settings).create(Path(args.out))
    say(
        tr.ngettext(
            "Backup written to {path}: the database and {count} attachment ({size}), "
            "schema {revision}.",
            "Backup written to {path}: the database and {count} attachments ({size}), "
            "schema {revision}.",
            info.attachments,
        ).format(
            path=info.path,
            count=info.attachments,
            size=_size(info.size, tr),
            revision=info.schema_revision,
        )
    )
    return 0


def run_restore(args: argparse.Namespace, tr: Translator) -> int:
    from app.services import open_user_services

    folder = data_dir(args.data_dir)
    clock = SystemClock()
    result = restore_backup(Path(args.archive), folder, clock, tr)
    made = result.backup.created_at.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")
    say(
        tr.gettext("Restored {path} (made {made}, schema {revision}).").format(
            path=result.backup.path, made=made, revision=result.backup.schema_revision
        )
    )
    if result.safety_copy is not None:
        say("  " + tr.gettext("The previous journal is kept in {path}.").format(
            path=result.safety_copy
        ))
    if result.migrated:
        say("  " + tr.gettext("It was upgraded to this version's schema."))
    services = open_user_services(folder, clock, local_zone())
    try:
        verdict = services.audit.verify()
    finally:
        services.close()
    if verdict.intact:
        say(
            "  "
            + tr.gettext("verify: intact ({records} records, {entries} audit entries).").format(
                records=verdict.records, entries=verdict.entries
            )
        )
        return 0
    say(
        "  "
        + tr.ngettext(
            "verify: {count} problem found:", "verify: {count} problems found:",
            len(verdict.problems),
        ).format(count=len(verdict.problems))
    )
    for problem in verdict.problems[:20]:
        say("    " + problem.message)
    return 1


def _size(size: int, tr: Translator) -> str:
    if size >= 1024 * 1024:
        return tr.gettext("{value} MB").format(value=f"{size / 1024 / 1024:.1f}")
    return tr.gettext("{value} kB").format(value=max(1, round(size / 1024)))
